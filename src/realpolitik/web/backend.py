"""One object between the HTTP layer and the store: an open `EventStore`, a lock, the analyses.

DuckDB has a single writer and one connection is not safe to share between
threads, so every call goes through one lock; the queries behind the API are
small, so serialising them costs little and keeps the store's contract simple.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from realpolitik.pipeline import CodedDocument


T = TypeVar("T")


def _iso(value: Any) -> str | None:
    """An ISO date from a DuckDB/pandas date value (None for NULL/NaT)."""
    if value is None or value != value:  # NaN/NaT compare unequal to themselves
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


class Backend:
    """The store and the analyses, behind one lock."""

    def __init__(self, db_path: str, read_only: bool = False) -> None:
        from realpolitik.store import EventStore

        self.db_path = db_path
        self.read_only = read_only
        self._lock = threading.RLock()
        self._store = EventStore.open(db_path, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            self._store.close()

    @contextmanager
    def store(self) -> Iterator[Any]:
        """The open store, held under the lock for the duration of the block."""
        with self._lock:
            yield self._store

    def call(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run ``function(store, *args, **kwargs)`` under the lock."""
        with self.store() as store:
            return function(store, *args, **kwargs)

    # ------------------------------------------------------------------ reads

    def events(self, filters: Any) -> tuple[list[dict[str, Any]], int]:
        """A page of events and the total matching the filters."""
        with self.store() as store:
            return store.query_events(filters), store.count_events(filters)

    def document(self, doc_id: str) -> dict[str, Any] | None:
        with self.store() as store:
            return store.get_document(doc_id)

    def actors(self, query: str, limit: int) -> list[dict[str, Any]]:
        with self.store() as store:
            return store.search_actors(query, limit=limit)

    def stats(self) -> dict[str, Any]:
        with self.store() as store:
            return store.stats()

    def date_range(self) -> tuple[str | None, str | None]:
        """The first and last effective event dates in the store (ISO), for the time slider."""
        with self.store() as store:
            frame = store.frame(
                "SELECT min(event_date) AS first, max(event_date) AS last FROM events"
            )
        first, last = frame.iloc[0]["first"], frame.iloc[0]["last"]
        return _iso(first), _iso(last)

    def relation(self, a: str, b: str, **options: Any) -> dict[str, Any]:
        from realpolitik.analysis.dyads import relation_series

        return self.call(relation_series, a, b, **options).to_dict()

    def network(self, **options: Any) -> dict[str, Any]:
        from realpolitik.analysis.network import build_network

        return self.call(build_network, **options).to_dict()

    def shifts(self, **options: Any) -> list[dict[str, Any]]:
        from realpolitik.analysis.shifts import detect_shifts

        return [shift.to_dict() for shift in self.call(detect_shifts, **options)]

    # ------------------------------------------------------------------ writes

    def add(self, coded: CodedDocument) -> dict[str, Any] | None:
        """Store a coded document (replacing an earlier copy) and return it as stored."""
        with self.store() as store:
            store.add_coded(coded)
            return store.get_document(coded.document.doc_id)
