"""Charts are written as readable PNGs."""

from __future__ import annotations

from realpolitik.analysis.charts import dyad_chart, network_chart
from realpolitik.analysis.dyads import relation_series
from realpolitik.analysis.network import build_network
from realpolitik.analysis.shifts import detect_shifts

PNG = b"\x89PNG\r\n\x1a\n"


def test_dyad_chart_with_shift(world_store, tmp_path):
    series = relation_series(world_store, "USA", "RUS", freq="week", date_from="2016-12-01")
    shifts = detect_shifts(world_store, "USA", "RUS", freq="week")
    path = dyad_chart(series, tmp_path / "usa-rus.png", shifts)
    assert path.read_bytes()[:8] == PNG and path.stat().st_size > 20_000


def test_network_chart(world_store, tmp_path):
    network = build_network(world_store, date_from="2016-12-01")
    path = network_chart(network, tmp_path / "net.png", top=10)
    assert path.read_bytes()[:8] == PNG and path.stat().st_size > 20_000
