"""Read and validate the actor tables (CSV and YAML), layered in a fixed order.

Order: the shipped Phoenix-derived CSV tables, then the shipped hand-written
YAML tables, then the user's ``<data_dir>/actors/`` files; an entry whose id
repeats replaces the earlier one. Every problem raises `DataValidationError`
naming the file and the entry.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import yaml

from realpolitik.actors.schema import Entry, make_entry
from realpolitik.errors import DataValidationError

CSV_COLUMNS = ("id", "kind", "name", "aliases", "roles", "note")


def shipped_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "actors"))


def table_files(folder: Path) -> list[Path]:
    """CSV tables first, then YAML tables, each sorted by name."""
    if not folder.is_dir():
        return []
    csvs = sorted(folder.glob("*.csv"))
    yamls = sorted([*folder.glob("*.yaml"), *folder.glob("*.yml")])
    return csvs + yamls


def read_csv(path: Path) -> Iterator[dict[str, object]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        reader = csv.DictReader(lines)
        if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
            raise DataValidationError(str(path), f"header must be {','.join(CSV_COLUMNS)}")
        yield from reader


def read_yaml(path: Path) -> Iterator[dict[str, object]]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError as exc:
        raise DataValidationError(str(path), f"not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not str(data.get("provenance") or "").strip():
        raise DataValidationError(str(path), "needs a 'provenance' text and an 'entries' list")
    entries = data.get("entries")
    if not isinstance(entries, list):
        raise DataValidationError(str(path), "'entries' must be a list")
    for number, raw in enumerate(entries, 1):
        if not isinstance(raw, dict):
            raise DataValidationError(str(path), f"entry {number} is not a mapping")
        yield raw


def read_table(path: Path) -> list[Entry]:
    """All entries of one table, validated."""
    rows = read_csv(path) if path.suffix == ".csv" else read_yaml(path)
    entries: list[Entry] = []
    seen: set[str] = set()
    for number, raw in enumerate(rows, 1):
        try:
            entry = make_entry(raw, path.name)
        except ValueError as exc:
            raise DataValidationError(str(path), f"entry {number}: {exc}") from None
        if entry.id in seen:
            raise DataValidationError(str(path), f"entry {number}: duplicate id {entry.id}")
        seen.add(entry.id)
        entries.append(entry)
    return entries


def load_entries(extra_dir: Path | None = None) -> dict[str, Entry]:
    """Every entry by id, user tables layered over the shipped ones."""
    folders = [shipped_dir()] + ([extra_dir] if extra_dir else [])
    merged: dict[str, Entry] = {}
    for folder in folders:
        for path in table_files(folder):
            for entry in read_table(path):
                merged.pop(entry.id, None)
                merged[entry.id] = entry
    return merged
