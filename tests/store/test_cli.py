"""The store commands, run through the real typer app on a synthetic store."""

from __future__ import annotations

import csv
import json

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from realpolitik.analysis.dedup import cluster_events
from realpolitik.cli import _register_commands, app
from realpolitik.store import EventStore
from realpolitik.store.gdelt import GDELT_COLUMNS
from tests.store.corpus import world


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    with EventStore.open(path) as store:
        world(store, weeks=8)
        cluster_events(store)
    _register_commands()
    return str(path)


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_export_formats(db, tmp_path):
    lines = run("export", "--db", db, "--actor", "USA", "--factual-only").splitlines()
    records = [json.loads(line) for line in lines]
    assert records and all(r["actor"]["country"] == "USA" for r in records)
    assert all(r["status"] in {"asserted", "reported"} for r in records)
    rows = list(csv.DictReader(run("export", "--db", db, "-f", "csv", "--limit", "5").splitlines()))
    assert len(rows) == 5 and rows[0]["actor_key"]
    out = tmp_path / "e.parquet"
    run("export", "--db", db, "-f", "parquet", "-o", str(out), "--event-type", "AID")
    table = pq.read_table(out)
    assert table.num_rows > 0 and set(table.column("event_type").to_pylist()) == {"AID"}
    polecat = json.loads(run("export", "--db", db, "-f", "polecat", "--limit", "1"))
    assert {"id", "date", "actor", "recipient", "event", "quad_code", "event_scale"} <= set(polecat)
    gdelt = run("export", "--db", db, "-f", "gdelt", "--clusters-only", "--actor", "RUS")
    rows = [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in gdelt.splitlines()]
    assert len(GDELT_COLUMNS) == 61 and all(len(r) == 61 for r in rows)
    assert all(r["Actor1CountryCode"] == "RUS" for r in rows)
    assert rows[0]["SQLDATE"] == "18260101"  # the war of 1826 keeps its date
    aid = next(r for r in rows if r["EventCode"] == "074" and r["Actor2CountryCode"] == "SYR")
    assert aid["SQLDATE"].startswith("2016") and aid["NumSources"] == "2"


def test_relations_json_and_png(db, tmp_path):
    png = tmp_path / "r.png"
    data = json.loads(run("relations", "IRN", "RUS", "--db", db, "-f", "json", "--png", str(png),
                          "--from", "2016-12-01"))  # fmt: skip
    assert data["a"] == "IRN" and data["periods"][0]["balance"] == 1.0
    assert png.stat().st_size > 10_000
    assert "IRN" in run("relations", "Iran", "Russia", "--db", db)


def test_network_and_shifts(db, tmp_path):
    data = json.loads(run("network", "--db", db, "--from", "2016-12-01", "-f", "json"))
    assert any({"IRN", "RUS", "SYR"} <= set(bloc) for bloc in data["blocs"])
    graphml = tmp_path / "n.graphml"
    run("network", "--db", db, "-f", "graphml", "-o", str(graphml))
    assert graphml.read_text().startswith("<?xml")
    shifts = json.loads(run("shifts", "USA", "RUS", "--db", db, "--freq", "week", "-f", "json"))
    assert len(shifts) == 1 and shifts[0]["after"] < shifts[0]["before"]


def test_clusters_and_stats(db):
    stats = json.loads(run("stats", "--db", db))
    assert stats["events"] > stats["clusters"] > 0
    text = run("clusters", "--db", db)
    assert f"{stats['events']} mentions in {stats['clusters']} event clusters" in text
