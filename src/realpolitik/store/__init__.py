"""The event store: one DuckDB file holding documents, posts, events, actors and coding runs.

    from realpolitik.store import EventStore, EventFilter
    with EventStore.open("realpolitik.duckdb") as store:
        store.query_events(EventFilter(actor="RUS", recipient="SYR"))

Single writer per file (DuckDB's model); read-only openers may share it.
The schema is versioned: `schema.MIGRATIONS`, applied on open and recorded in
the ``schema_migrations`` table.

Deviations from (additions to) the agreed interface, all additive:

* `EventFilter.limit <= 0` means "no limit" (used by exports).
* `query_events` dicts also carry ``"mentions"`` and ``"sources"`` of their
  cluster (1 and 1 before clustering), besides ``cluster_id``, ``publisher``,
  ``doc_title`` and ``doc_date``.
* A cluster's id is the event id of its representative (earliest) mention, so
  ``clusters_only`` returns exactly one event per cluster.
* `stats()` also reports ``skipped``.
* `get_events(event_ids)` returns events by id (same dicts as `query_events`).
* `EventStore.frame(sql, params)` runs a read query for the analysis modules;
  `EventStore.replace_clusters` is how `analysis.dedup` writes its result.
* Events carry ``actor_key``/``recipient_key`` columns: the analysis keys of
  `store.keys` (country code for state actors, own code for non-state ones),
  and ``doc_date`` (schema version 2) to tell history from news.
* Analysis functions take extra keyword-only options: ``count="clusters" |
  "mentions"`` and ``history=False`` (dyads, network), ``evidence=`` (dyads,
  shifts), ``date_from``/``date_to``/``min_delta``/``penalty``/``top_dyads``
  (shifts); `Shift.to_dict()` adds ``events_before``/``events_after``, dyad
  flows add ``reported``, network edges ``goldstein`` and alignment entries
  ``direct``/``third_party``/``shared``.
* `EventStore.add_coded_many(coded_documents, run_id)` stores many documents in
  one transaction (same result as `add_coded` on each); `StoreWriter` buffers a
  run's documents and flushes them in such batches (the CLI's ``--db`` path).
"""

from __future__ import annotations

from realpolitik.store.eventstore import EventStore
from realpolitik.store.export import FORMATS, export_events
from realpolitik.store.filters import EventFilter
from realpolitik.store.keys import actor_key
from realpolitik.store.writer import StoreWriter

__all__ = ["FORMATS", "EventFilter", "EventStore", "StoreWriter", "actor_key", "export_events"]
