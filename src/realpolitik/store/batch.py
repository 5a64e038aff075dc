"""Set-wise planning and bulk tables for storing many coded documents in one transaction.

Storing a document replaces every earlier document with the same content hash
or the same ``doc_id`` and source (and all rows of their ``doc_id``s).  For a
batch, `plan_replacements` reproduces exactly what storing its documents one
after the other would leave, so a batch write equals a run of single writes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import pyarrow as pa

from realpolitik.errors import StoreError
from realpolitik.records import Document, Event


class CodedLike(Protocol):
    """What the store needs of a `realpolitik.pipeline.CodedDocument`."""

    @property
    def document(self) -> Document: ...

    @property
    def events(self) -> tuple[Event, ...]: ...


@dataclass(frozen=True, slots=True)
class StoredDoc:
    """The identity of one stored (or about to be stored) document row."""

    doc_id: str
    content_hash: str
    source: str


@dataclass(frozen=True, slots=True)
class Plan:
    """Which stored ``doc_id``s a batch removes and which of its documents survive."""

    delete_doc_ids: tuple[str, ...]
    keep: tuple[int, ...]


def plan_replacements(existing: Sequence[StoredDoc], incoming: Sequence[StoredDoc]) -> Plan:
    """Replay one-by-one replacement over the relevant stored rows and the batch.

    `existing` must hold every stored row whose content hash or ``doc_id`` is
    one of the batch's (the only rows a replacement can match).  A batch
    document replaced by a later one of the same batch is not kept.
    """
    state: list[tuple[StoredDoc, int | None]] = [(row, None) for row in existing]
    deleted: dict[str, None] = {}
    for position, new in enumerate(incoming):
        matched = {
            row.doc_id
            for row, _ in state
            if row.content_hash == new.content_hash
            or (row.doc_id == new.doc_id and row.source == new.source)
        }
        if matched:
            state = [(row, origin) for row, origin in state if row.doc_id not in matched]
            deleted.update(dict.fromkeys(sorted(matched)))
        state.append((new, position))
    keep = tuple(origin for _, origin in state if origin is not None)
    return Plan(tuple(deleted), keep)


def arrow_table(rows: Sequence[Sequence[Any]], schema: pa.Schema, what: str) -> pa.Table:
    """Row lists (in `schema`'s column order) as an Arrow table of exactly that schema."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    if len(columns) != len(schema):
        raise StoreError(f"{what}: rows have {len(columns)} columns, the table {len(schema)}")
    try:
        arrays = [
            pa.array(values, type=field.type) for values, field in zip(columns, schema, strict=True)
        ]
    except (pa.ArrowException, TypeError, ValueError, OverflowError) as exc:
        raise StoreError(f"{what}: cannot store a value: {exc}") from exc
    return pa.Table.from_arrays(arrays, schema=schema)
