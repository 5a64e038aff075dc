"""Writers for coded events: JSONL (the contract), CSV (flattened) and a rich table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.table import Table

from realpolitik.records import EVENT_FIELDS, Event

FORMATS = ("jsonl", "csv", "table")

#: CSV columns: the contract's top-level fields with nested objects flattened one level.
CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "doc_id", "post_id", "sentence_id", "event_type", "mode", "context",
    "cameo", "quad_class", "goldstein",
    "actor_text", "actor_name", "actor_country", "actor_sector", "actor_code", "actor_id",
    "recipient_text", "recipient_name", "recipient_country", "recipient_sector",
    "recipient_code", "recipient_id",
    "status", "speaker_name", "speaker_code", "attribution_cue", "author", "publisher",
    "original_source", "date_start", "date_end", "date_precision", "date_text", "date_basis",
    "location_name", "location_country", "location_lat", "location_lon", "location_geonames_id",
    "trigger_text", "trigger_start", "trigger_end",
    "coder_method", "coder_rule", "coder_confidence", "sentence",
)  # fmt: skip


def event_json(event: Event) -> str:
    return json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=False)


def write_jsonl(events: Iterable[Event], out: TextIO) -> int:
    count = 0
    for event in events:
        out.write(event_json(event) + "\n")
        count += 1
    return count


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One CSV row from a contract record."""
    row: dict[str, Any] = {k: record[k] for k in EVENT_FIELDS if not isinstance(record[k], dict)}
    row["context"] = ";".join(record["context"])
    for role in ("actor", "recipient"):
        actor = record[role] or {}
        for key in ("text", "name", "country", "sector", "code", "id"):
            row[f"{role}_{key}"] = actor.get(key)
    attribution = record["attribution"]
    speaker = attribution["speaker"] or {}
    row.update(
        speaker_name=speaker.get("name") or speaker.get("text"),
        speaker_code=speaker.get("code"),
        attribution_cue=attribution["cue"],
        author=attribution["author"],
        publisher=attribution["publisher"],
        original_source=attribution["original_source"],
    )
    for key in ("start", "end", "precision", "text", "basis"):
        row[f"date_{key}"] = record["date"][key]
    location = record["location"] or {}
    for key in ("name", "country", "lat", "lon", "geonames_id"):
        row[f"location_{key}"] = location.get(key)
    for key in ("text", "start", "end"):
        row[f"trigger_{key}"] = record["trigger"][key]
    for key in ("method", "rule", "confidence"):
        row[f"coder_{key}"] = record["coder"][key]
    return {column: row.get(column) for column in CSV_COLUMNS}


def write_csv(events: Iterable[Event], out: TextIO, header: bool = True) -> int:
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    if header:
        writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(flatten(event.to_dict()))
        count += 1
    return count


def actor_label(actor: Any) -> str:
    """Short human label: "Hassan Nasrallah (LBNPTY)" or "IRNMIL"."""
    if actor is None:
        return "-"
    name = actor.name or actor.text or ""
    code = actor.code or actor.country or ""
    return f"{name} ({code})" if name and code and name != code else (name or code or "-")


def events_table(events: list[Event], title: str = "Events") -> Table:
    table = Table(title=title, show_lines=False, expand=True)
    for column, style in (
        ("actor", "cyan"), ("event", "bold"), ("recipient", "magenta"), ("cameo", ""),
        ("status", "yellow"), ("date", ""), ("where", ""), ("speaker", ""), ("sentence", "dim"),
    ):  # fmt: skip
        table.add_column(column, style=style, overflow="fold")
    for event in events:
        speaker = event.attribution.speaker
        table.add_row(
            actor_label(event.actor),
            event.event_type,
            actor_label(event.recipient),
            event.cameo,
            event.status,
            event.date.start or "",
            (event.location.name if event.location else "") or "",
            (speaker.name or speaker.text or "") if speaker else "",
            _shorten(event.sentence, 140),
        )
    return table


def dyad_table(events: list[Event]) -> Table:
    """Who did what to whom: counts per (actor, event type, recipient)."""
    counts: dict[tuple[str, str, str], int] = {}
    for event in events:
        key = (
            (event.actor.code or event.actor.country or "?") if event.actor else "-",
            event.event_type,
            (event.recipient.code or event.recipient.country or "?") if event.recipient else "-",
        )
        counts[key] = counts.get(key, 0) + 1
    table = Table(title="Who did what to whom")
    for column in ("actor", "event", "recipient", "events"):
        table.add_column(column)
    for (actor, event_type, recipient), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        table.add_row(actor, event_type, recipient, str(n))
    return table


def print_table(events: list[Event], console: Console) -> None:
    console.print(events_table(events))


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
