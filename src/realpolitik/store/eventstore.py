"""`EventStore`: documents, posts, events, actors and coding runs in one DuckDB file.

One writer per database file (DuckDB's model); readers open it read-only.
Coded documents are written in batches (`add_coded_many`, or `StoreWriter`
which buffers them), one transaction per batch, so an interrupted run leaves
whole batches or nothing.
"""

from __future__ import annotations

import dataclasses
import json
import os
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pyarrow as pa

from realpolitik import __version__
from realpolitik.errors import StoreError
from realpolitik.records import Skipped
from realpolitik.settings import Settings
from realpolitik.store import rows
from realpolitik.store.batch import CodedLike, StoredDoc, arrow_table, plan_replacements
from realpolitik.store.filters import EventFilter, where_clause
from realpolitik.store.schema import LATEST_VERSION, current_version, migrate
from realpolitik.store.spans import document_spans

_EVENT_SELECT = """
    SELECT e.record, e.cluster_id, e.publisher, d.title, d.date, c.mentions, c.sources
    FROM events e LEFT JOIN (
        SELECT doc_id, any_value(title) AS title, any_value(date) AS date
        FROM documents GROUP BY doc_id) d ON d.doc_id = e.doc_id
    LEFT JOIN clusters c ON c.cluster_id = e.cluster_id
"""


class EventStore:
    """The event database; use `EventStore.open(path)` (also a context manager)."""

    def __init__(self, conn: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.conn = conn
        self.path = path
        self.read_only = read_only
        self._schemas: dict[str, pa.Schema] = {}  # Arrow column types of tables, by SELECT list

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> EventStore:
        """Open (creating and migrating unless read-only) the database at `path`."""
        path = str(path)
        if read_only and path != ":memory:" and not Path(path).is_file():
            raise StoreError(f"no event database at {path}")
        try:
            conn = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open {path}: {exc}") from exc
        if read_only:
            version = current_version(conn)
            if version != LATEST_VERSION:
                conn.close()
                raise StoreError(
                    f"{path} has schema version {version}, this realpolitik needs "
                    f"{LATEST_VERSION}; open it once for writing to migrate"
                )
        else:
            migrate(conn)
        return cls(conn, path, read_only)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """Run the body in one transaction; roll back and raise StoreError on failure."""
        self.conn.execute("BEGIN TRANSACTION")
        try:
            yield self.conn
        except BaseException as exc:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"{self.path}: {exc}") from exc
            raise
        self.conn.execute("COMMIT")

    # ------------------------------------------------------------------ runs

    def begin_run(self, settings: Settings, sources: list[str]) -> str:
        """Record the start of a coding run; return its id."""
        run_id = uuid.uuid4().hex[:16]
        self.conn.execute(
            "INSERT INTO runs VALUES (?, ?, ?, ?, now(), NULL, NULL, NULL, NULL)",
            [run_id, __version__, json.dumps(dataclasses.asdict(settings)), json.dumps(sources)],
        )
        return run_id

    def finish_run(self, run_id: str, documents: int, events: int, skipped: int) -> None:
        self.conn.execute(
            "UPDATE runs SET finished_at = now(), documents = ?, events = ?, skipped = ?"
            " WHERE run_id = ?",
            [documents, events, skipped, run_id],
        )

    # ------------------------------------------------------------------ writes

    def is_coded(self, content_hash: str, version: str) -> bool:
        """Whether a document with this content was already coded by this version."""
        row = self.conn.execute(
            "SELECT count(*) FROM documents WHERE content_hash = ? AND coded_version = ?",
            [content_hash, version],
        ).fetchone()
        return bool(row and row[0])

    def add_coded(self, coded: CodedLike, run_id: str | None = None) -> None:
        """Store one `CodedDocument`, replacing an earlier coding of the same content."""
        self.add_coded_many([coded], run_id)

    def add_coded_many(
        self, coded_documents: Iterable[CodedLike], run_id: str | None = None
    ) -> int:
        """Store many `CodedDocument`s in one transaction (all or none); return how many.

        The result is what `add_coded` on each, in order, would leave: a document
        replaces earlier ones (stored or earlier in the batch) with its content
        hash or its ``doc_id`` and source.
        """
        batch = list(coded_documents)
        if not batch:
            return 0
        incoming = [
            StoredDoc(c.document.doc_id, c.document.content_hash, c.document.source) for c in batch
        ]
        with self.transaction() as conn:
            plan = plan_replacements(self._stored_like(conn, incoming), incoming)
            if plan.delete_doc_ids:
                for table in ("events", "posts", "documents"):
                    conn.execute(
                        f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest(?))",
                        [list(plan.delete_doc_ids)],
                    )
            kept = [batch[i] for i in plan.keep]
            self._insert_documents(kept, run_id)
            self._bulk("posts", [r for c in kept for r in rows.post_rows(c.document)])
            self._bulk("events", _event_rows(kept))
            self._bulk(
                "actors",
                rows.actor_rows(tuple(e for c in batch for e in c.events)),
                exclude="first_seen",
                insert="SELECT b.*, now() FROM _batch b WHERE NOT EXISTS"
                " (SELECT 1 FROM actors a WHERE a.actor_uid = b.actor_uid)",
            )
        return len(batch)

    @staticmethod
    def _stored_like(conn: duckdb.DuckDBPyConnection, incoming: list[StoredDoc]) -> list[StoredDoc]:
        """Stored rows sharing a content hash or a ``doc_id`` with the batch."""
        found = conn.execute(
            "SELECT doc_id, content_hash, source FROM documents"
            " WHERE content_hash IN (SELECT unnest(?)) OR doc_id IN (SELECT unnest(?))",
            [[d.content_hash for d in incoming], [d.doc_id for d in incoming]],
        ).fetchall()
        return [StoredDoc(*row) for row in found]

    def _insert_documents(self, kept: list[CodedLike], run_id: str | None) -> None:
        """Document rows stamped with the batch's time plus their position in microseconds,
        so that of two documents with one ``doc_id`` the later stays the latest."""
        document_rows = [
            [*rows.document_row(c.document, run_id, __version__), position]
            for position, c in enumerate(kept)
        ]
        self._bulk(
            "documents",
            document_rows,
            exclude="added_at",
            extra=pa.field("position", pa.int64()),
            insert="SELECT * EXCLUDE (position), now() + to_microseconds(position) FROM _batch",
        )

    def _bulk(
        self,
        table: str,
        table_rows: list[list[Any]],
        *,
        exclude: str | None = None,
        extra: pa.Field | None = None,
        insert: str = "SELECT * FROM _batch",
    ) -> None:
        """Insert rows (the table's columns less `exclude`, plus `extra`) in one statement,
        through an Arrow table of the table's own column types registered as ``_batch``."""
        if not table_rows:
            return
        schema = self._schema(table, exclude)
        if extra is not None:
            schema = schema.append(extra)
        self.conn.register("_batch", arrow_table(table_rows, schema, table))
        try:
            self.conn.execute(f"INSERT INTO {table} {insert}")
        finally:
            self.conn.unregister("_batch")

    def _schema(self, table: str, exclude: str | None) -> pa.Schema:
        """The Arrow schema of a table's columns (less `exclude`); the schema is fixed
        once the database is open (migrations run on open), so it is asked once."""
        columns = f"* EXCLUDE ({exclude})" if exclude else "*"
        select = f"SELECT {columns} FROM {table} LIMIT 0"
        if select not in self._schemas:
            self._schemas[select] = self.conn.sql(select).to_arrow_table().schema
        return self._schemas[select]

    def add_skipped(self, skipped: Skipped, run_id: str | None) -> None:
        self.conn.execute(
            "INSERT INTO skipped VALUES (?, ?, ?, now())", [skipped.source, skipped.reason, run_id]
        )

    def replace_clusters(self, clusters: pd.DataFrame, assignments: pd.DataFrame) -> None:
        """Swap in a new clustering: `clusters` rows as the clusters table, and the
        ``event_id -> cluster_id`` `assignments` (one transaction)."""
        with self.transaction() as conn:
            conn.register("new_clusters", clusters)
            conn.register("new_assignments", assignments)
            conn.execute("DELETE FROM clusters")
            conn.execute("INSERT INTO clusters SELECT * FROM new_clusters")
            conn.execute("UPDATE events SET cluster_id = NULL")
            conn.execute(
                "UPDATE events SET cluster_id = a.cluster_id FROM new_assignments a"
                " WHERE events.event_id = a.event_id"
            )
            conn.unregister("new_clusters")
            conn.unregister("new_assignments")

    # ------------------------------------------------------------------ reads

    def frame(self, sql: str, params: list[Any] | None = None) -> pd.DataFrame:
        """Run a read query and return a DataFrame (for the analysis modules)."""
        return self.conn.execute(sql, params or []).df()

    def query_events(self, filters: EventFilter) -> list[dict[str, Any]]:
        """Events matching `filters` as contract dicts plus cluster and document fields."""
        where, params = where_clause(filters)
        result = self.conn.execute(
            f"{_EVENT_SELECT} WHERE {where} ORDER BY e.event_date NULLS LAST, e.event_id"
            + (" LIMIT ? OFFSET ?" if filters.limit > 0 else " OFFSET ?"),
            [*params, *([filters.limit] if filters.limit > 0 else []), filters.offset],
        ).fetchall()
        return [_event_dict(row) for row in result]

    def get_events(self, event_ids: list[str]) -> list[dict[str, Any]]:
        """These events (same dicts as `query_events`), in the order given; unknown ids dropped."""
        if not event_ids:
            return []
        result = self.conn.execute(
            f"{_EVENT_SELECT} WHERE e.event_id IN (SELECT unnest(?))", [list(event_ids)]
        ).fetchall()
        found = {record["event_id"]: record for record in map(_event_dict, result)}
        return [found[i] for i in event_ids if i in found]

    def count_events(self, filters: EventFilter) -> int:
        where, params = where_clause(filters)
        row = self.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    def get_document(self, doc_id: str) -> dict[str, Any] | None:
        """A document with its posts and the character spans its events cover."""
        row = self.conn.execute(
            "SELECT doc_id, title, author, publisher, date, url, original_source, source"
            " FROM documents WHERE doc_id = ? ORDER BY added_at DESC LIMIT 1",
            [doc_id],
        ).fetchone()
        if row is None:
            return None
        keys = (
            "doc_id",
            "title",
            "author",
            "publisher",
            "date",
            "url",
            "original_source",
            "source",
        )
        document = dict(zip(keys, row, strict=True))
        document["date"] = _iso(document["date"])
        posts = self.conn.execute(
            "SELECT post_id, idx, kind, title, author, date, text FROM posts"
            " WHERE doc_id = ? ORDER BY idx",
            [doc_id],
        ).fetchall()
        records = [
            json.loads(r[0])
            for r in self.conn.execute(
                "SELECT record FROM events WHERE doc_id = ? ORDER BY event_id", [doc_id]
            ).fetchall()
        ]
        spans = document_spans(records)
        post_keys = ("post_id", "index", "kind", "title", "author", "date", "text")
        document["posts"] = []
        for post in posts:
            item = dict(zip(post_keys, post, strict=True))
            item["date"] = _iso(item["date"])
            item["spans"] = spans.get(item["post_id"], [])
            document["posts"].append(item)
        return document

    def search_actors(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors seen in events whose code, country or name matches `query`, busiest first."""
        sql = """
            WITH sides AS (
                SELECT actor_code AS code, actor_name AS name, actor_country AS country,
                       actor_sector AS sector FROM events WHERE actor_code IS NOT NULL
                UNION ALL
                SELECT recipient_code, recipient_name, recipient_country, recipient_sector
                FROM events WHERE recipient_code IS NOT NULL)
            SELECT code, name, country, sector, count(*) AS events FROM sides
            WHERE upper(code) = upper(?) OR upper(country) = upper(?)
               OR lower(name) LIKE '%' || lower(?) || '%' OR upper(code) LIKE upper(?) || '%'
            GROUP BY ALL ORDER BY events DESC, code, name LIMIT ?"""
        result = self.conn.execute(sql, [query, query, query, query, limit]).fetchall()
        keys = ("code", "name", "country", "sector", "events")
        return [dict(zip(keys, r, strict=True)) for r in result]

    def stats(self) -> dict[str, int]:
        """Row counts: documents, posts, events, clusters, runs (and skipped)."""
        counts = {}
        for table in ("documents", "posts", "events", "clusters", "runs", "skipped"):
            row = self.conn.execute(f"SELECT count(*) FROM {table}").fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts


def _event_rows(kept: list[CodedLike]) -> list[list[Any]]:
    return [rows.event_row(event, c.document) for c in kept for event in c.events]


def _iso(value: Any) -> str | None:
    return None if value is None else value.isoformat()


def _event_dict(row: tuple[Any, ...]) -> dict[str, Any]:
    record = json.loads(row[0])
    record["cluster_id"] = row[1]
    record["publisher"] = row[2]
    record["doc_title"] = row[3]
    record["doc_date"] = _iso(row[4])
    record["mentions"] = row[5] or 1
    record["sources"] = row[6] or 1
    return record
