"""One object between the HTTP layer and the store: two `EventStore` connections, the analyses.

A DuckDB connection is not safe to share between threads, so each connection
is used under its own lock. There are two "lanes": one for the analyses
(network, dyad series, shifts), which can take a second, and one for the
quick lookups (event pages, documents, actors, counts), so a page of events
never waits behind a shift detection. Writes take both locks.
Answers are kept in a small LRU cache that every write clears, so a
read-only server computes each network, series or page once. Callers must
treat returned values as read-only.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from realpolitik.records import CodedDocument

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
        self._lock = threading.RLock()  # the analysis lane
        self._quick_lock = threading.RLock()  # the lookup lane
        self._cache: OrderedDict[Hashable, Any] = OrderedDict()
        self._cache_lock = threading.Lock()
        self.generation = 0  # bumped by every write; keys the HTTP response cache
        self._store = EventStore.open(db_path, read_only=read_only)
        self._quick = EventStore.open(db_path, read_only=read_only)

    def close(self) -> None:
        with self._lock, self._quick_lock:
            self._quick.close()
            self._store.close()

    def cached(self, key: Hashable, compute: Callable[[Any], T], quick: bool = False) -> T:
        """``compute(store)`` in its lane, remembered under `key` until the next write.

        Cache hits take only the cache lock, so they never wait behind a slow analysis.
        """
        with self._cache_lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
        lock, store = (self._quick_lock, self._quick) if quick else (self._lock, self._store)
        with lock:
            with self._cache_lock:
                if key in self._cache:
                    return self._cache[key]
            value = compute(store)
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
            quick=True,
        )

    def document(self, doc_id: str) -> dict[str, Any] | None:
        return self.cached(
            _key("document", doc_id), lambda store: store.get_document(doc_id), quick=True
        )

    def actors(self, query: str, limit: int) -> list[dict[str, Any]]:
        return self.cached(
            _key("actors", query, limit),
            lambda store: store.search_actors(query, limit=limit),
            quick=True,
        )

    def stats(self) -> dict[str, Any]:
        return self.cached(_key("stats"), lambda store: store.stats(), quick=True)

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

        return self.cached(_key("date_range"), compute, quick=True)

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
        with self._lock, self._quick_lock:
            self._store.add_coded(coded)
            with self._cache_lock:
                self._cache.clear()
                self.generation += 1
            return self._store.get_document(coded.document.doc_id)
