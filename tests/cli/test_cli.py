"""The `realpolitik` command end to end: coding, output formats, bad input, docs."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from realpolitik.cli import _register_commands, app
from realpolitik.records import EVENT_FIELDS

REPO_ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "Washington, March 3, 2017\n\n"
    "Russian President Vladimir Putin met Turkish President Recep Tayyip Erdogan in Moscow "
    "on Friday. The United States imposed new sanctions on Iran after a missile test.\n"
)


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    _register_commands()
    return CliRunner()


def test_every_command_is_documented_in_the_readme(runner: CliRunner) -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    names = [command.name for command in app.registered_commands]
    assert names, "no commands registered"
    missing = [name for name in names if not re.search(rf"realpolitik {name}\b", readme)]
    assert not missing, f"commands missing from README.md: {missing}"


def test_code_from_stdin_writes_contract_records(runner: CliRunner) -> None:
    result = runner.invoke(app, ["code", "-", "--quiet"], input=STORY)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert records
    assert all(list(record) == list(EVENT_FIELDS) for record in records)
    kinds = {
        (r["actor"]["country"], r["event_type"], r["recipient"]["country"])
        for r in records
        if r["actor"] and r["recipient"]
    }
    assert ("RUS", "CONSULT", "TUR") in kinds
    assert ("USA", "SANCTION", "IRN") in kinds


def test_code_writes_csv_and_table(runner: CliRunner, tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "events.csv"
    result = runner.invoke(app, ["code", str(story), "--format", "csv", "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and {"actor_code", "event_type", "sentence"} <= set(rows[0])
    table = runner.invoke(app, ["code", str(story), "--format", "table", "-q"])
    assert table.exit_code == 0 and "SANCTION" in table.stdout


def test_bad_documents_are_skipped_and_the_batch_survives(
    runner: CliRunner, tmp_path: Path
) -> None:
    (tmp_path / "good.txt").write_text(STORY, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    result = runner.invoke(app, ["code", str(tmp_path)])
    assert result.exit_code == 0
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert "binary.txt" in result.stderr
    assert any(line.startswith("{") for line in result.stdout.splitlines())


def test_nothing_readable_exits_non_zero(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    result = runner.invoke(app, ["code", str(tmp_path / "empty.txt")])
    assert result.exit_code != 0


def test_unknown_format_is_a_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(app, ["code", "-", "--format", "xml"], input=STORY)
    assert result.exit_code != 0
