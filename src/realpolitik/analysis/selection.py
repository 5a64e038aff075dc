"""Which events an analysis counts ("units"), and how user-typed actors become keys."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from realpolitik.errors import UsageError
from realpolitik.store import EventStore
from realpolitik.store.filters import FACTUAL_SQL

#: Events the text dates more than this many years before it was written are history.
HISTORY_YEARS = 10

FREQUENCIES = {"week": "week", "month": "month", "quarter": "quarter", "year": "year"}


@dataclass(frozen=True, slots=True)
class Selection:
    """The events an analysis rolls up: a date window, factuality, clusters or mentions.

    History (events dated `HISTORY_YEARS` or more before their own document,
    such as a 2017 article recalling the Iran-Iraq war) is left out unless
    `history` is set; undated events (no date in the text, none on the
    document) count only when `undated` is set, since they cannot be placed
    in a window or a period.
    """

    date_from: str | None = None
    date_to: str | None = None
    include_nonfactual: bool = False
    count: str = "clusters"  # "clusters" (each happening once) | "mentions" (every report)
    history: bool = False
    undated: bool = False

    def sql(self) -> tuple[str, list[Any]]:
        """A SELECT over the events table (alias ``e``) of the counted units, no self-dyads."""
        if self.count not in {"clusters", "mentions"}:
            raise UsageError(f"count must be 'clusters' or 'mentions', not {self.count!r}")
        parts = [
            "e.actor_key IS NOT NULL",
            "e.recipient_key IS NOT NULL",
            "e.actor_key <> e.recipient_key",
        ]
        if not self.undated or self.date_from or self.date_to:
            parts.append("e.event_date IS NOT NULL")
        if not self.history:
            parts.append(
                "(e.event_date IS NULL OR e.event_date >= coalesce(e.doc_date,"
                " (SELECT max(date) FROM documents), current_date)"
                f" - INTERVAL {HISTORY_YEARS} YEAR)"
            )
        params: list[Any] = []
        if not self.include_nonfactual:
            parts.append(f"e.status IN {FACTUAL_SQL}")
        if self.count == "clusters":
            parts.append("(e.cluster_id IS NULL OR e.cluster_id = e.event_id)")
        if self.date_from:
            parts.append("e.event_date >= CAST(? AS DATE)")
            params.append(self.date_from)
        if self.date_to:
            parts.append("e.event_date <= CAST(? AS DATE)")
            params.append(self.date_to)
        sql = (
            "SELECT e.event_id, e.actor_key, e.recipient_key, e.quad_class, e.goldstein,"
            " e.status, e.event_date, e.event_type, e.publisher,"
            " coalesce(c.mentions, 1) AS mentions, coalesce(c.sources, 1) AS sources"
            " FROM events e LEFT JOIN clusters c ON c.cluster_id = e.cluster_id"
            f" WHERE {' AND '.join(parts)}"
        )
        return sql, params


def check_freq(freq: str) -> str:
    if freq not in FREQUENCIES:
        raise UsageError(f"freq must be one of {', '.join(FREQUENCIES)}, not {freq!r}")
    return FREQUENCIES[freq]


def resolve_key(store: EventStore, text: str) -> str:
    """A key ("RUS", "LBNREB") from a key, actor code, country code or (part of) a name."""
    upper = text.strip().upper()
    sides = (
        "SELECT actor_key AS key, actor_code AS code, actor_name AS name FROM events"
        " UNION ALL SELECT recipient_key, recipient_code, recipient_name FROM events"
    )
    exact = store.conn.execute(
        f"SELECT key, count(*) n FROM ({sides}) WHERE key = ? OR upper(code) = ?"
        " GROUP BY key ORDER BY n DESC LIMIT 1",
        [upper, upper],
    ).fetchone()
    if exact:
        return exact[0]
    named = store.conn.execute(
        f"SELECT key, count(*) n FROM ({sides}) WHERE key IS NOT NULL"
        " AND lower(name) LIKE '%' || lower(?) || '%' GROUP BY key ORDER BY n DESC, key LIMIT 1",
        [text.strip()],
    ).fetchone()
    if named:
        return named[0]
    raise UsageError(f"no actor matching {text!r} in the store")


def store_window(store: EventStore) -> tuple[str | None, str | None]:
    """The span of document dates in the store (the "present" the corpus covers)."""
    row = store.conn.execute("SELECT min(date), max(date) FROM documents").fetchone()
    if not row or row[0] is None:
        return None, None
    return row[0].isoformat(), row[1].isoformat()


def key_labels(store: EventStore, keys: list[str]) -> dict[str, dict[str, Any]]:
    """Display label and country of each key (country keys: the code; others: commonest name)."""
    if not keys:
        return {}
    rows = store.conn.execute(
        """WITH sides AS (
               SELECT actor_key AS key, actor_name AS name, actor_country AS country FROM events
               UNION ALL SELECT recipient_key, recipient_name, recipient_country FROM events)
           SELECT key, mode(name) AS name, mode(country) AS country FROM sides
           WHERE key IN (SELECT unnest(?)) GROUP BY key""",
        [list(keys)],
    ).fetchall()
    found = {key: (name, country) for key, name, country in rows}
    labels = {}
    for key in keys:
        name, country = found.get(key, (None, None))
        is_country = country is not None and key == country
        labels[key] = {"label": key if is_country or not name else name, "country": country}
    return labels
