"""Dyad time series: what A did to B and B to A, per period, by quad class.

Per period and direction: counts of verbal/material cooperation and conflict
(quad classes 1-4), summed Goldstein score and the number of events (event
clusters by default, reports with ``count="mentions"``), of which how many are
*reported* (someone's claim) rather than asserted.  The balance is
``(cooperation - conflict) / events`` of both directions together, from -1
(all conflict) to +1 (all cooperation).  The strongest events of each period
(by |Goldstein|, then number of sources) are kept as its evidence.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import pandas as pd

from realpolitik.analysis.selection import Selection, check_freq, resolve_key
from realpolitik.store import EventStore

#: pandas frequencies whose dates match DuckDB's date_trunc.
_PANDAS_FREQ = {"week": "W-MON", "month": "MS", "quarter": "QS", "year": "YS"}
#: Beyond this many periods (a dyad with history centuries back) only non-empty ones are listed.
MAX_DENSE_PERIODS = 600


@dataclass(slots=True)
class Flow:
    """Events in one direction (or both) in one period."""

    q1: int = 0
    q2: int = 0
    q3: int = 0
    q4: int = 0
    goldstein: float = 0.0
    events: int = 0
    reported: int = 0

    def add(self, quad: int, events: int, goldstein: float, reported: int) -> None:
        setattr(self, f"q{quad}", getattr(self, f"q{quad}") + events)
        self.events += events
        self.goldstein = round(self.goldstein + goldstein, 3)
        self.reported += reported

    @property
    def cooperation(self) -> int:
        return self.q1 + self.q2

    @property
    def conflict(self) -> int:
        return self.q3 + self.q4


@dataclass(slots=True)
class Period:
    period: str
    a_to_b: Flow = field(default_factory=Flow)
    b_to_a: Flow = field(default_factory=Flow)
    undirected: Flow = field(default_factory=Flow)
    evidence: list[dict[str, Any]] = field(default_factory=list)

    @property
    def balance(self) -> float | None:
        total = self.undirected.events
        if not total:
            return None
        return round((self.undirected.cooperation - self.undirected.conflict) / total, 3)

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "a_to_b": asdict(self.a_to_b),
            "b_to_a": asdict(self.b_to_a),
            "undirected": asdict(self.undirected),
            "balance": self.balance,
            "evidence": self.evidence,
        }


@dataclass(slots=True)
class RelationSeries:
    a: str
    b: str
    freq: str
    count: str
    periods: list[Period]

    def totals(self) -> Flow:
        total = Flow()
        for period in self.periods:
            for quad in (1, 2, 3, 4):
                total.add(quad, getattr(period.undirected, f"q{quad}"), 0.0, 0)
            total.goldstein = round(total.goldstein + period.undirected.goldstein, 3)
            total.reported += period.undirected.reported
        return total

    def to_dict(self) -> dict[str, Any]:
        return {
            "a": self.a,
            "b": self.b,
            "freq": self.freq,
            "count": self.count,
            "totals": asdict(self.totals()),
            "periods": [p.to_dict() for p in self.periods],
        }


def _dyad_units(store: EventStore, a: str, b: str, selection: Selection) -> tuple[str, list]:
    base, params = selection.sql()
    sql = (
        f"SELECT * FROM ({base}) u WHERE (u.actor_key = ? AND u.recipient_key = ?)"
        " OR (u.actor_key = ? AND u.recipient_key = ?)"
    )
    return sql, [*params, a, b, b, a]


def truncate(stamp: pd.Timestamp, freq: str) -> pd.Timestamp:
    """The start of the period holding `stamp` (as DuckDB's date_trunc)."""
    day = stamp.normalize()
    if freq == "week":
        return day - pd.Timedelta(days=day.weekday())
    if freq == "month":
        return day.replace(day=1)
    if freq == "quarter":
        return day.replace(month=3 * ((day.month - 1) // 3) + 1, day=1)
    return day.replace(month=1, day=1)


def _period_keys(found: list[pd.Timestamp], freq: str, selection: Selection) -> list[str]:
    if not found:
        return []
    start = pd.Timestamp(selection.date_from) if selection.date_from else min(found)
    end = pd.Timestamp(selection.date_to) if selection.date_to else max(found)
    dense = pd.date_range(truncate(pd.Timestamp(start), freq), end, freq=_PANDAS_FREQ[freq])
    if len(dense) > MAX_DENSE_PERIODS:
        dense = pd.DatetimeIndex(sorted(set(found)))
    return [stamp.date().isoformat() for stamp in dense]


def relation_series(
    store: EventStore,
    a: str,
    b: str,
    freq: str = "month",
    date_from: str | None = None,
    date_to: str | None = None,
    include_nonfactual: bool = False,
    *,
    count: str = "clusters",
    evidence: int = 3,
    history: bool = False,
) -> RelationSeries:
    """The dyad A-B per period: directed and undirected flows, balance and evidence.

    History (see `selection.Selection`) is left out unless `history`; when
    included it sits in its own periods, never in the month it was written.
    """
    freq = check_freq(freq)
    a, b = resolve_key(store, a), resolve_key(store, b)
    selection = Selection(date_from, date_to, include_nonfactual, count, history)
    units, params = _dyad_units(store, a, b, selection)
    grouped = store.frame(
        f"SELECT date_trunc('{freq}', event_date) AS period, actor_key = ? AS forward,"
        " quad_class, count(*) AS n, sum(goldstein) AS g,"
        " count(*) FILTER (status = 'reported') AS r"
        f" FROM ({units}) GROUP BY ALL ORDER BY period",
        [a, *params],
    )
    found = [pd.Timestamp(p) for p in grouped["period"].unique()]
    periods = {key: Period(key) for key in _period_keys(found, freq, selection)}
    for row in grouped.itertuples(index=False):
        key = pd.Timestamp(row.period).date().isoformat()
        period = periods.setdefault(key, Period(key))
        flow = period.a_to_b if row.forward else period.b_to_a
        for target in (flow, period.undirected):
            target.add(int(row.quad_class), int(row.n), float(row.g), int(row.r))
    _attach_evidence(store, periods, units, params, freq, evidence)
    return RelationSeries(a, b, freq, count, [periods[k] for k in sorted(periods)])


def _attach_evidence(
    store: EventStore, periods: dict[str, Period], units: str, params: list, freq: str, k: int
) -> None:
    if k <= 0:
        return
    ranked = store.frame(
        f"SELECT period, event_id FROM (SELECT date_trunc('{freq}', event_date) AS period,"
        " event_id, row_number() OVER (PARTITION BY date_trunc('" + freq + "', event_date)"
        " ORDER BY abs(goldstein) DESC, sources DESC, mentions DESC, event_id) AS rank"
        f" FROM ({units})) WHERE rank <= ? ORDER BY period, rank",
        [*params, k],
    )
    events = {e["event_id"]: e for e in store.get_events(list(ranked["event_id"]))}
    for row in ranked.itertuples(index=False):
        key = pd.Timestamp(row.period).date().isoformat()
        if key in periods and row.event_id in events:
            periods[key].evidence.append(events[row.event_id])
