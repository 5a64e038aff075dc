"""Shifts: change points in a dyad's cooperation-conflict balance.

The series is the dyad's per-period balance (see `dyads`) over the window
(by default the span of the store's document dates, i.e. the present the
corpus covers); empty periods carry the last level forward.  Change points
come from PELT (Killick et al. 2012, ``ruptures``) with an L2 cost and a
BIC-style penalty ``2 sigma^2 log n``, sigma estimated robustly from the
series' first differences.  A change point is reported only with enough
evidence on both sides (`min_events` events before and after) and a real
move (|after - before| >= `min_delta`); its levels are pooled balances of the
segments, and its evidence the strongest events in the direction of the move
from the first periods of the new regime.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np
import ruptures

from realpolitik.analysis.dyads import RelationSeries, relation_series
from realpolitik.analysis.selection import Selection, check_freq, resolve_key, store_window
from realpolitik.store import EventStore

#: The smallest noise level assumed when estimating the penalty.
MIN_SIGMA = 0.15


@dataclass(frozen=True, slots=True)
class Shift:
    a: str
    b: str
    period: str  # first period of the new regime
    before: float
    after: float
    delta: float
    events_before: int
    events_after: int
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def balance_signal(series: RelationSeries) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(balance with gaps carried forward, cooperation counts, conflict counts) per period."""
    coop = np.array([p.undirected.cooperation for p in series.periods], dtype=float)
    conf = np.array([p.undirected.conflict for p in series.periods], dtype=float)
    total = coop + conf
    with np.errstate(invalid="ignore", divide="ignore"):
        raw = np.where(total > 0, (coop - conf) / total, np.nan)
    filled = raw.copy()
    for i in range(1, len(filled)):
        if np.isnan(filled[i]):
            filled[i] = filled[i - 1]
    known = filled[~np.isnan(filled)]
    filled[np.isnan(filled)] = known[0] if known.size else 0.0
    return filled, coop, conf


def penalty_for(signal: np.ndarray) -> float:
    """BIC-style penalty 2 sigma^2 log n, sigma from the MAD of first differences."""
    n = max(len(signal), 2)
    diffs = np.diff(signal)
    mad = float(np.median(np.abs(diffs - np.median(diffs)))) if diffs.size else 0.0
    sigma = max(mad / (0.6745 * np.sqrt(2)), MIN_SIGMA)
    return 2.0 * sigma**2 * np.log(n)


def change_points(signal: np.ndarray, penalty: float | None = None, min_size: int = 2) -> list[int]:
    """Indices where a new segment starts (PELT, L2 cost)."""
    if len(signal) < 2 * min_size:
        return []
    algo = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(signal.reshape(-1, 1))
    ends = algo.predict(pen=penalty_for(signal) if penalty is None else penalty)
    return [end for end in ends if end < len(signal)]


def _level(coop: np.ndarray, conf: np.ndarray) -> tuple[float, int]:
    total = int(coop.sum() + conf.sum())
    return ((float(coop.sum() - conf.sum()) / total) if total else 0.0), total


def series_shifts(
    series: RelationSeries, min_events: int = 3, min_delta: float = 0.3,
    penalty: float | None = None,
) -> list[Shift]:  # fmt: skip
    """The change points of one dyad series that pass the evidence thresholds."""
    signal, coop, conf = balance_signal(series)
    starts = change_points(signal, penalty)
    bounds = [0, *starts, len(signal)]
    shifts = []
    for k, start in enumerate(starts, start=1):
        before, n_before = _level(coop[bounds[k - 1] : start], conf[bounds[k - 1] : start])
        after, n_after = _level(coop[start : bounds[k + 1]], conf[start : bounds[k + 1]])
        delta = after - before
        if min(n_before, n_after) < min_events or abs(delta) < min_delta:
            continue
        shifts.append(Shift(series.a, series.b, series.periods[start].period, round(before, 3),
                            round(after, 3), round(delta, 3), n_before, n_after))  # fmt: skip
    return shifts


def _evidence(
    store: EventStore, shift: Shift, series: RelationSeries, selection: Selection, k: int
) -> list[dict[str, Any]]:
    keys = [p.period for p in series.periods]
    start = keys.index(shift.period)
    end = keys[start + 2] if start + 2 < len(keys) else "9999-12-31"
    units, params = selection.sql()
    quads = (1, 2) if shift.delta > 0 else (3, 4)
    rows = store.conn.execute(
        f"SELECT event_id FROM ({units}) u WHERE ((actor_key = ? AND recipient_key = ?)"
        " OR (actor_key = ? AND recipient_key = ?)) AND event_date >= CAST(? AS DATE)"
        " AND event_date < CAST(? AS DATE)"
        " ORDER BY quad_class IN (SELECT unnest(?)) DESC, abs(goldstein) DESC, sources DESC,"
        " event_id LIMIT ?",
        [*params, shift.a, shift.b, shift.b, shift.a, shift.period, end, list(quads), k],
    ).fetchall()
    return store.get_events([r[0] for r in rows])


def _busiest_dyads(store: EventStore, selection: Selection, min_events: int, top: int) -> list:
    units, params = selection.sql()
    return store.conn.execute(
        "SELECT least(actor_key, recipient_key), greatest(actor_key, recipient_key), count(*) n"
        f" FROM ({units}) GROUP BY 1, 2 HAVING count(*) >= ? ORDER BY n DESC, 1, 2 LIMIT ?",
        [*params, 2 * min_events, top],
    ).fetchall()


def detect_shifts(
    store: EventStore,
    a: str | None = None,
    b: str | None = None,
    freq: str = "month",
    min_events: int = 3,
    *,
    date_from: str | None = None,
    date_to: str | None = None,
    min_delta: float = 0.3,
    penalty: float | None = None,
    top_dyads: int = 50,
    evidence: int = 5,
    count: str = "clusters",
) -> list[Shift]:
    """Shifts of the dyad A-B, or of the `top_dyads` busiest dyads when A and B are None."""
    freq = check_freq(freq)
    default_from, default_to = store_window(store)
    selection = Selection(date_from or default_from, date_to or default_to, False, count)
    if a and b:
        dyads = [(resolve_key(store, a), resolve_key(store, b))]
    else:
        dyads = [(x, y) for x, y, _ in _busiest_dyads(store, selection, min_events, top_dyads)]
    found = []
    for x, y in dyads:
        series = relation_series(store, x, y, freq, selection.date_from, selection.date_to,
                                 count=count, evidence=0)  # fmt: skip
        for shift in series_shifts(series, min_events, min_delta, penalty):
            shift.evidence.extend(_evidence(store, shift, series, selection, evidence))
            found.append(shift)
    return sorted(found, key=lambda s: (-abs(s.delta), s.period, s.a, s.b))
