from __future__ import annotations

import csv
import io
import json

from rich.console import Console

from realpolitik.output import CSV_COLUMNS, dyad_table, events_table, write_csv, write_jsonl
from tests.factories import make_event


def test_jsonl_is_one_contract_object_per_line() -> None:
    out = io.StringIO()
    assert write_jsonl([make_event(), make_event(event_id="e2")], out) == 2
    lines = out.getvalue().splitlines()
    assert [json.loads(line)["event_id"] for line in lines] == ["e1", "e2"]


def test_csv_flattens_nested_objects() -> None:
    out = io.StringIO()
    write_csv([make_event(location=None)], out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0]["actor_code"] == "RUSMIL" and rows[0]["recipient_code"] == "IMGSUNREB"
    assert rows[0]["location_name"] == "" and rows[0]["context"] == "military"


def test_tables_render() -> None:
    console = Console(file=io.StringIO(), width=200)
    console.print(events_table([make_event()]))
    console.print(dyad_table([make_event(), make_event(event_id="e2")]))
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "ASSAULT" in text and "RUSMIL" in text and "2" in text
