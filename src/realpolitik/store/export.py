"""Export events: JSONL (the contract), CSV, Parquet, PLOVER/POLECAT-style JSON, GDELT-style TSV.

All formats take the same `EventFilter` as queries (``limit <= 0`` = every
event).  The GDELT column mapping is documented in ``docs/relations.md``.
"""

from __future__ import annotations

import csv
import dataclasses
import json
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from realpolitik.errors import UsageError
from realpolitik.store.eventstore import EventStore
from realpolitik.store.filters import EventFilter, where_clause
from realpolitik.store.gdelt import gdelt_row

FORMATS = ("jsonl", "csv", "parquet", "polecat", "gdelt")

#: Flat columns of the CSV and Parquet exports (Parquet adds the full ``record``).
FLAT_COLUMNS = (
    "event_id", "cluster_id", "doc_id", "post_id", "sentence_id", "event_date", "date_start",
    "date_end", "date_precision", "date_basis", "event_type", "mode", "cameo", "quad_class",
    "goldstein", "actor_code", "actor_name", "actor_country", "actor_sector", "actor_key",
    "recipient_code", "recipient_name", "recipient_country", "recipient_sector",
    "recipient_key", "status", "location_name", "location_country", "lat", "lon",
    "publisher", "sentence",
)  # fmt: skip


def iter_events(store: EventStore, filters: EventFilter, batch: int = 2000) -> Iterator[dict]:
    """Every event matching `filters` (honouring limit/offset when limit > 0), in batches."""
    offset, remaining = filters.offset, filters.limit if filters.limit > 0 else None
    while remaining is None or remaining > 0:
        size = batch if remaining is None else min(batch, remaining)
        page = store.query_events(_page(filters, size, offset))
        yield from page
        if len(page) < size:
            return
        offset += size
        remaining = None if remaining is None else remaining - size


def _page(filters: EventFilter, limit: int, offset: int) -> EventFilter:
    return dataclasses.replace(filters, limit=limit, offset=offset)


def _flat_sql(filters: EventFilter, with_record: bool) -> tuple[str, list[Any]]:
    columns = ", ".join(f"e.{c}" for c in FLAT_COLUMNS) + (", e.record" if with_record else "")
    where, params = where_clause(filters)
    sql = f"SELECT {columns} FROM events e WHERE {where} ORDER BY e.event_date, e.event_id"
    if filters.limit > 0:
        sql += f" LIMIT {int(filters.limit)} OFFSET {int(filters.offset)}"
    return sql, params


def _flat_rows(store: EventStore, filters: EventFilter, with_record: bool) -> Iterator[dict]:
    cursor = store.conn.execute(*_flat_sql(filters, with_record))
    names = [*FLAT_COLUMNS, "record"] if with_record else list(FLAT_COLUMNS)
    while chunk := cursor.fetchmany(2000):
        for row in chunk:
            yield dict(zip(names, row, strict=True))


def plover_record(event: dict[str, Any]) -> dict[str, Any]:
    """One event in PLOVER's JSON field names (the POLECAT-style export)."""
    when = event.get("date") or {}
    place = event.get("location")
    return {
        "id": event["event_id"],
        "date": when.get("start") or event.get("doc_date"),
        "enddate": when.get("end"),
        "actor": [_entity(event.get("actor"))] if event.get("actor") else [],
        "recipient": [_entity(event.get("recipient"))] if event.get("recipient") else [],
        "event": [event["event_type"]],
        "mode": [event["mode"]] if event.get("mode") else [],
        "context": list(event.get("context") or []),
        "quad_code": event["quad_class"],
        "event_scale": event["goldstein"],
        "event_loc": None if not place else {
            "name": place.get("name"), "country_code": place.get("country"),
            "lat": place.get("lat"), "lon": place.get("lon"), "geonameid": place.get("geonames_id"),
        },
        "event_text": [(event.get("trigger") or {}).get("text")],
        "text": event.get("sentence"),
        "cite_info": {
            "doc_id": event.get("doc_id"), "publisher": event.get("publisher"),
            "title": event.get("doc_title"), "pub_date": event.get("doc_date"),
            "status": event.get("status"), "attribution": event.get("attribution"),
        },
        "link": event.get("cluster_id"),
        "coder": event.get("coder"),
        "cameo": event.get("cameo"),
    }  # fmt: skip


def _entity(actor: dict[str, Any]) -> dict[str, Any]:
    return {
        "code": actor.get("code"),
        "entity_name": actor.get("name"),
        "entity_text": actor.get("text"),
        "country_code": actor.get("country"),
        "sector_code": actor.get("sector"),
        "identifier_id": actor.get("id"),
    }


def _json_default(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else str(value)


def _write_jsonl(store: EventStore, filters: EventFilter, out: IO[str]) -> int:
    count = 0
    for count, event in enumerate(iter_events(store, filters), start=1):  # noqa: B007
        out.write(json.dumps(event, ensure_ascii=False, default=_json_default) + "\n")
    return count


def _write_polecat(store: EventStore, filters: EventFilter, out: IO[str]) -> int:
    count = 0
    for count, event in enumerate(iter_events(store, filters), start=1):  # noqa: B007
        out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
    return count


def _write_csv(store: EventStore, filters: EventFilter, out: IO[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(FLAT_COLUMNS))
    writer.writeheader()
    count = 0
    for count, row in enumerate(_flat_rows(store, filters, with_record=False), start=1):  # noqa: B007
        writer.writerow(row)
    return count


def _write_gdelt(store: EventStore, filters: EventFilter, out: IO[str]) -> int:
    clusters = dict(
        (r[0], (r[1], r[2], r[3]))
        for r in store.conn.execute(
            "SELECT cluster_id, mentions, sources, documents FROM clusters"
        ).fetchall()
    )
    added = dict(
        store.conn.execute("SELECT doc_id, max(added_at) FROM documents GROUP BY 1").fetchall()
    )
    urls = dict(
        store.conn.execute(
            "SELECT doc_id, any_value(coalesce(url, source)) FROM documents GROUP BY 1"
        ).fetchall()
    )
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    count = 0
    for count, event in enumerate(iter_events(store, filters), start=1):  # noqa: B007
        counts = clusters.get(event.get("cluster_id"), (1, 1, 1))
        writer.writerow(
            gdelt_row(event, counts, added.get(event["doc_id"]), urls.get(event["doc_id"]))
        )
    return count


def export_events(
    store: EventStore, filters: EventFilter, fmt: str, out: IO[str] | str | Path
) -> int:
    """Write the matching events to `out` (a path for parquet) in `fmt`; return how many."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r} (choose from {', '.join(FORMATS)})")
    if fmt == "parquet":
        if not isinstance(out, str | Path):
            raise UsageError("parquet export needs an output file (--output)")
        return _write_parquet(store, filters, Path(out))
    writers: dict[str, Callable[[EventStore, EventFilter, IO[str]], int]] = {
        "jsonl": _write_jsonl,
        "csv": _write_csv,
        "polecat": _write_polecat,
        "gdelt": _write_gdelt,
    }
    if isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            return writers[fmt](store, filters, handle)
    return writers[fmt](store, filters, out)


def _write_parquet(store: EventStore, filters: EventFilter, path: Path) -> int:
    sql, params = _flat_sql(filters, with_record=True)
    table = store.conn.cursor().sql(sql, params=params).to_arrow_table()
    pq.write_table(table, path)
    return table.num_rows
