"""The relations report on the synthetic world: sections, charts, Markdown."""

from __future__ import annotations

import json

from realpolitik.analysis.report import write_report


def test_report_on_world(world_store, tmp_path):
    summary = write_report(world_store.path, tmp_path, freq="week")
    assert summary["clusters"] < summary["mentions"]
    report = json.loads((tmp_path / "report.json").read_text())
    charted = {(d["a"], d["b"]) for d in report["dyads"]}
    assert {("RUS", "SYR"), ("RUS", "USA"), ("IRN", "USA")} <= charted
    assert all((tmp_path / d["chart"]).is_file() for d in report["dyads"])
    assert (tmp_path / "network.png").is_file()
    blocs = [set(bloc) for bloc in report["network"]["blocs"]]
    assert {"IRN", "RUS", "SYR", "Hezbollah"} in blocs
    assert any((s["a"], s["b"]) == ("RUS", "USA") for s in report["shifts"])
    text = (tmp_path / "report.md").read_text()
    assert "## Clusters vs mentions" in text and "![network](network.png)" in text
