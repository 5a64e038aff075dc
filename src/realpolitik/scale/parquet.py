"""Parquet partitions of coded events, and reading them back exactly.

A partition is two files with the same name under ``<root>/events/`` and
``<root>/documents/``: one row per event (the contract record as JSON plus a
few flat columns for DuckDB/Spark/pandas queries) and one row per coded
document.  `read_partition` rebuilds the events with `event_from_dict`, so a
merge is lossless.  Files are written to a temporary name and renamed, so a
reader never sees half a partition and a retried task overwrites its own file.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from realpolitik.records import CodedDocument, Event, event_from_dict

EVENT_SCHEMA = pa.schema(
    [
        ("doc_index", pa.int64()),
        ("doc_id", pa.string()),
        ("event_id", pa.string()),
        ("event_type", pa.string()),
        ("cameo", pa.string()),
        ("quad_class", pa.int8()),
        ("goldstein", pa.float64()),
        ("actor_code", pa.string()),
        ("recipient_code", pa.string()),
        ("status", pa.string()),
        ("date_start", pa.string()),
        ("record", pa.string()),
    ]
)
DOCUMENT_SCHEMA = pa.schema(
    [
        ("doc_index", pa.int64()),
        ("doc_id", pa.string()),
        ("content_hash", pa.string()),
        ("source", pa.string()),
        ("events", pa.int64()),
    ]
)


@dataclass(frozen=True, slots=True)
class PartitionRow:
    """One document of a partition read back: its position in the batch and its events."""

    doc_index: int
    doc_id: str
    content_hash: str
    events: tuple[Event, ...]


def _event_row(doc_index: int, event: Event) -> dict[str, object]:
    return {
        "doc_index": doc_index,
        "doc_id": event.doc_id,
        "event_id": event.event_id,
        "event_type": event.event_type,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "goldstein": event.goldstein,
        "actor_code": event.actor.code if event.actor else None,
        "recipient_code": event.recipient.code if event.recipient else None,
        "status": event.status,
        "date_start": event.date.start,
        "record": json.dumps(event.to_dict(), ensure_ascii=False),
    }


def _write_atomic(table: pa.Table, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    pq.write_table(table, partial)
    os.replace(partial, path)


def write_partition(root: Path, name: str, coded: list[tuple[int, CodedDocument]]) -> None:
    """Write the events and documents of `coded` ((index in batch, coded document))."""
    events = [_event_row(index, event) for index, item in coded for event in item.events]
    documents = [
        {
            "doc_index": index,
            "doc_id": item.document.doc_id,
            "content_hash": item.document.content_hash,
            "source": item.document.source,
            "events": len(item.events),
        }
        for index, item in coded
    ]
    # events first: a documents file present means its events file is complete
    _write_atomic(pa.Table.from_pylist(events, schema=EVENT_SCHEMA), _path(root, "events", name))
    _write_atomic(
        pa.Table.from_pylist(documents, schema=DOCUMENT_SCHEMA), _path(root, "documents", name)
    )


def read_partition(root: Path, name: str) -> list[PartitionRow]:
    """The documents of a partition in batch order, each with its events in coding order."""
    documents = pq.read_table(_path(root, "documents", name)).to_pylist()
    events = pq.read_table(_path(root, "events", name), columns=["doc_index", "record"])
    by_index: dict[int, list[Event]] = {}
    for index, record in zip(
        events.column("doc_index").to_pylist(), events.column("record").to_pylist(), strict=True
    ):
        by_index.setdefault(index, []).append(event_from_dict(json.loads(record)))
    return [
        PartitionRow(
            doc_index=row["doc_index"],
            doc_id=row["doc_id"],
            content_hash=row["content_hash"],
            events=tuple(by_index.get(row["doc_index"], ())),
        )
        for row in sorted(documents, key=lambda row: row["doc_index"])
    ]


def _path(root: Path, kind: str, name: str) -> Path:
    return Path(root) / kind / f"{name}.parquet"
