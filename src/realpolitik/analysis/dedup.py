"""Dedup and corroboration: mentions of the same happening become one event cluster.

Two mentions are the same happening when they have the same actor key,
recipient key and event type, the same factuality (an asserted strike never
merges with a hypothetical one), overlapping dates and compatible places.
A side without a key (a bare "police", ``COP``) must match by its code; a
mention missing a side (no recipient), or with no key on either side, cannot
be matched on "same actor and recipient" and stays a cluster of its own.

Clusters are grown greedily in date order around an anchor: a mention joins
an open cluster when its date interval overlaps the cluster's *core* (the
intersection of its members' intervals, widened by `slack_days` for the lag
between a happening and its report) and its place is compatible.  Because
the core only narrows, day-by-day air strikes over a month do not chain into
one cluster, which transitive "overlaps with any member" linking would do.

A cluster's id is the event id of its anchor (earliest mention), so the same
events always give the same clusters: re-coding the same files leaves both
event and cluster counts unchanged.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import Any

import pandas as pd

from realpolitik.records import FACTUAL_STATUSES
from realpolitik.store import EventStore

#: Places further apart than this (km) are different happenings.
MAX_DISTANCE_KM = 100.0

_INPUT_SQL = """
    SELECT e.event_id, e.doc_id, coalesce(e.publisher, e.doc_id) AS source,
           e.actor_key, e.recipient_key, e.event_type, e.status, e.event_date,
           coalesce(e.actor_key, '~' || coalesce(e.actor_code, lower(e.actor_name))) AS actor_id,
           coalesce(e.recipient_key,
                    '~' || coalesce(e.recipient_code, lower(e.recipient_name))) AS recipient_id,
           coalesce(e.date_start, e.event_date) AS lo,
           coalesce(e.date_end, e.date_start, e.event_date) AS hi,
           e.location_country, e.lat, e.lon
    FROM events e ORDER BY lo NULLS FIRST, e.event_id
"""


@dataclass(slots=True)
class _Cluster:
    anchor: str
    lo: date | None
    hi: date | None
    country: str | None
    point: tuple[float, float] | None
    members: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ClusterStats:
    """Mentions vs clusters: how much a mention count overstates what happened."""

    mentions: int
    clusters: int
    multi_mention_clusters: int
    corroborated_clusters: int  # reported by two or more distinct sources
    max_mentions: int
    top: tuple[dict[str, Any], ...] = ()

    @property
    def mentions_per_cluster(self) -> float:
        return self.mentions / self.clusters if self.clusters else 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["top"] = list(self.top)
        data["mentions_per_cluster"] = round(self.mentions_per_cluster, 3)
        return data


def _distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def places_compatible(
    country_a: str | None,
    point_a: tuple[float, float] | None,
    country_b: str | None,
    point_b: tuple[float, float] | None,
) -> bool:
    """Unknown places are compatible with anything; known ones must agree."""
    if country_a and country_b and country_a != country_b:
        return False
    if point_a and point_b:
        return _distance_km(point_a, point_b) <= MAX_DISTANCE_KM
    return True


def _overlaps(cluster: _Cluster, lo: date | None, hi: date | None, slack: timedelta) -> bool:
    if lo is None or cluster.lo is None or hi is None or cluster.hi is None:
        return lo is None and cluster.lo is None  # undated mentions only join undated ones
    return lo <= cluster.hi + slack and hi >= cluster.lo - slack


def _narrow(cluster: _Cluster, lo: date | None, hi: date | None) -> None:
    if lo is None or hi is None or cluster.lo is None or cluster.hi is None:
        return
    new_lo, new_hi = max(cluster.lo, lo), min(cluster.hi, hi)
    if new_lo <= new_hi:
        cluster.lo, cluster.hi = new_lo, new_hi


def _as_date(value: Any) -> date | None:
    if value is None or pd.isna(value):
        return None
    return value.date() if hasattr(value, "date") else value


def _point(row: Any) -> tuple[float, float] | None:
    if pd.isna(row.lat) or pd.isna(row.lon):
        return None
    return (float(row.lat), float(row.lon))


def _cluster_group(rows: list[Any], slack: timedelta) -> list[_Cluster]:
    """Greedy anchored clustering of one (actor, recipient, type, factuality) group."""
    done: list[_Cluster] = []
    open_: list[_Cluster] = []
    for position, row in enumerate(rows):
        lo, hi = _as_date(row.lo), _as_date(row.hi)
        country = None if pd.isna(row.location_country) else row.location_country
        point = _point(row)
        still_open = []
        for cluster in open_:
            expired = lo is not None and cluster.hi is not None and cluster.hi + slack < lo
            (done if expired else still_open).append(cluster)
        open_ = still_open
        target = next(
            (
                c
                for c in reversed(open_)
                if _overlaps(c, lo, hi, slack)
                and places_compatible(c.country, c.point, country, point)
            ),
            None,
        )
        if target is None:
            target = _Cluster(row.event_id, lo, hi, country, point)
            open_.append(target)
        else:
            _narrow(target, lo, hi)
            target.country = target.country or country
            target.point = target.point or point
        target.members.append(position)
    return done + open_


def _cluster_row(cluster: _Cluster, rows: list[Any], key: tuple, factual: bool) -> dict:
    members = [rows[position] for position in cluster.members]
    sources = sorted({row.source for row in members})
    first = members[0]
    return {
        "cluster_id": cluster.anchor,
        "actor_key": None if pd.isna(first.actor_key) else first.actor_key,
        "recipient_key": None if pd.isna(first.recipient_key) else first.recipient_key,
        "event_type": key[2],
        "factual": factual,
        "date_start": cluster.lo,
        "date_end": cluster.hi,
        "mentions": len(members),
        "documents": len({row.doc_id for row in members}),
        "sources": len(sources),
        "source_list": json.dumps(sources),
        "representative": cluster.anchor,
    }


def _group_key(row: Any) -> tuple:
    """(actor, recipient, type, factuality) with missing parts as None."""
    return tuple(
        None if pd.isna(value) else value
        for value in (row.actor_id, row.recipient_id, row.event_type, row.factual)
    )


def _key_order(key: tuple) -> tuple:
    """Sort groups by key with missing parts last (as pandas' groupby does)."""
    return tuple((part is None, "" if part is None else part) for part in key)


def compute_clusters(
    events: pd.DataFrame, slack_days: int = 1
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Cluster the mentions in `events` (rows of `_INPUT_SQL`); return (clusters, assignments).

    Groups are built over plain row tuples: per-group DataFrame slicing cost more
    than the clustering itself.
    """
    slack = timedelta(days=slack_days)
    factual = {str(s) for s in FACTUAL_STATUSES}
    events = events.assign(factual=events["status"].isin(factual))
    anonymous = events["actor_id"].isna() | events["recipient_id"].isna()
    anonymous |= events["actor_key"].isna() & events["recipient_key"].isna()
    events.loc[anonymous, "actor_id"] = "~" + events.loc[anonymous, "event_id"]
    groups: dict[tuple, list[Any]] = {}
    for row in events.itertuples(index=False):
        groups.setdefault(_group_key(row), []).append(row)
    cluster_rows: list[dict] = []
    assignments: list[tuple[str, str]] = []
    for key in sorted(groups, key=_key_order):
        rows = groups[key]
        for cluster in _cluster_group(rows, slack):
            cluster_rows.append(_cluster_row(cluster, rows, key, bool(key[3])))
            assignments.extend((rows[i].event_id, cluster.anchor) for i in cluster.members)
    columns = [
        "cluster_id",
        "actor_key",
        "recipient_key",
        "event_type",
        "factual",
        "date_start",
        "date_end",
        "mentions",
        "documents",
        "sources",
        "source_list",
        "representative",
    ]
    clusters = pd.DataFrame(cluster_rows, columns=columns)
    return clusters, pd.DataFrame(assignments, columns=["event_id", "cluster_id"])


def cluster_events(store: EventStore, slack_days: int = 1, top: int = 10) -> ClusterStats:
    """Recluster every event in the store, write cluster ids, and report mentions vs clusters."""
    events = store.frame(_INPUT_SQL)
    clusters, assignments = compute_clusters(events, slack_days)
    store.replace_clusters(clusters, assignments)
    return cluster_stats(store, top)


def cluster_stats(store: EventStore, top: int = 10) -> ClusterStats:
    """Mentions vs clusters as stored (no reclustering), with the best-corroborated clusters."""
    row = store.conn.execute(
        "SELECT count(*), coalesce(sum(mentions), 0), count(*) FILTER (mentions > 1),"
        " count(*) FILTER (sources > 1), coalesce(max(mentions), 0) FROM clusters"
    ).fetchone()
    unclustered = store.conn.execute(
        "SELECT count(*) FROM events WHERE cluster_id IS NULL"
    ).fetchone()[0]
    best = store.frame(
        "SELECT cluster_id, actor_key, recipient_key, event_type, date_start, date_end, mentions,"
        " sources, source_list FROM clusters WHERE factual"
        " ORDER BY sources DESC, mentions DESC, cluster_id LIMIT ?",
        [top],
    )
    top_rows = []
    for item in best.to_dict("records"):
        item["source_list"] = json.loads(item["source_list"])
        for name in ("date_start", "date_end"):
            item[name] = None if pd.isna(item[name]) else str(_as_date(item[name]))
        top_rows.append(item)
    return ClusterStats(
        mentions=int(row[1]) + int(unclustered),
        clusters=int(row[0]) + int(unclustered),
        multi_mention_clusters=int(row[2]),
        corroborated_clusters=int(row[3]),
        max_mentions=int(row[4]),
        top=tuple(top_rows),
    )
