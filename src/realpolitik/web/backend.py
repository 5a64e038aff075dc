"""One object between the HTTP layer and the store: an open `EventStore`, a lock, the analyses.

DuckDB has a single writer and one connection is not safe to share between
threads, so every call goes through one lock; the queries behind the API are
small, so serialising them costs little and keeps the store's contract simple.
Answers are kept in a small LRU cache that every write clears, so a
read-only server computes each network, series or page once. Callers must
treat returned values as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from realpolitik.pipeline import CodedDocument

T = TypeVar("T")

DEFAULT_CACHE_SIZE = 512


def _iso(value: Any) -> str | None:
    """An ISO date from a DuckDB/pandas date value (None for NULL/NaT)."""
    if value is None or value != value:  # NaN/NaT compare unequal to themselves
        return None
    return value.isoformat()[:10] if hasattr(value, "isoformat") else str(value)[:10]


def _key(name: str, *args: Any, **kwargs: Any) -> Hashable:
    return (name, args, tuple(sorted(kwargs.items())))


class Backend:
    """The store and the analyses, behind one lock, with answers cached until the next write."""

    def __init__(
        self, db_path: str, read_only: bool = False, cache_size: int = DEFAULT_CACHE_SIZE
    ) -> None:
        from realpolitik.store import EventStore

        self.db_path = db_path
        self.read_only = read_only
        self.cache_size = cache_size
        self._lock = threading.RLock()
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.generation = 0  # bumped by every write; keys the HTTP response cache
        self._store = EventStore.open(db_path, read_only=read_only)

    def close(self) -> None:
        with self._lock:
            self._store.close()

    @contextmanager
    def store(self) -> Iterator[Any]:
        """The open store, held under the lock for the duration of the block."""
        with self._lock:
            yield self._store

    def cached(self, key: Hashable, compute: Callable[[Any], T]) -> T:
        """``compute(store)`` under the store lock, remembered under `key` until the next write.

        Cache hits take only the cache lock, so they never wait behind a slow analysis.
        """
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        with self._lock:
            with self._cache_lock:
                if key in self._cache:
                    return self._cache[key]
            value = compute(self._store)
            if self.cache_size > 0:
                with self._cache_lock:
                    self._cache[key] = value
                    while len(self._cache) > self.cache_size:
                        self._cache.popitem(last=False)
            return value

    # ------------------------------------------------------------------ reads

    def events(self, filters: Any) -> tuple[list[dict[str, Any]], int]:
        """A page of events and the total matching the filters."""
        return self.cached(
            _key("events", filters),
            lambda store: (store.query_events(filters), store.count_events(filters)),
        )

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.cached(_key("document", doc_id), lambda store: store.get_document(doc_id))

    def actors(self, query: str, limit: int) -> list[dict[str, Any]]:
        return self.cached(
            _key("actors", query, limit), lambda store: store.search_actors(query, limit=limit)
        )

    def stats(self) -> dict[str, Any]:
        return self.cached(_key("stats"), lambda store: store.stats())

    def date_range(self) -> dict[str, str | None]:
        """First and last event dates, and the 2nd-98th percentile window the UI's slider spans."""

        def compute(store: Any) -> dict[str, str | None]:
            sql = (
                "SELECT min(event_date) AS first, max(event_date) AS last,"
                " quantile_disc(event_date, 0.02) AS low, quantile_disc(event_date, 0.98) AS high"
                " FROM events"
            )
            row = store.frame(sql).iloc[0]
            return {
                "date_from": _iso(row["first"]),
                "date_to": _iso(row["last"]),
                "window_from": _iso(row["low"]),
                "window_to": _iso(row["high"]),
            }

        return self.cached(_key("date_range"), compute)

    def relation(self, a: str, b: str, **options: Any) -> dict[str, Any]:
        from realpolitik.analysis.dyads import relation_series

        return self.cached(
            _key("relation", a, b, **options),
            lambda store: relation_series(store, a, b, **options).to_dict(),
        )

    def network(self, **options: Any) -> dict[str, Any]:
        from realpolitik.analysis.network import build_network

        return self.cached(
            _key("network", **options), lambda store: build_network(store, **options).to_dict()
        )

    def shifts(self, **options: Any) -> list[dict[str, Any]]:
        from realpolitik.analysis.shifts import detect_shifts

        def compute(store: Any) -> list[dict[str, Any]]:
            return [shift.to_dict() for shift in detect_shifts(store, **options)]

        return self.cached(_key("shifts", **options), compute)

    # ------------------------------------------------------------------ writes

    def add(self, coded: CodedDocument) -> dict[str, Any] | None:
        """Store a coded document (replacing an earlier copy) and return it as stored."""
        with self._lock:
            self._store.add_coded(coded)
            with self._cache_lock:
                self._cache.clear()
                self.generation += 1
            return self._store.get_document(coded.document.doc_id)
