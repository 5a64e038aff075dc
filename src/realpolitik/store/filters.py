"""`EventFilter`: the one set of filters shared by queries, exports and the API.

`where_clause` turns a filter into a SQL ``WHERE`` fragment over the ``events``
table (alias ``e``) plus its parameters; nothing is interpolated into SQL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from realpolitik.records import FACTUAL_STATUSES

FACTUAL_SQL = "(" + ", ".join(f"'{s.value}'" for s in sorted(FACTUAL_STATUSES)) + ")"


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events to return; every field optional (``None`` = no constraint).

    ``actor``/``recipient`` match an actor code, analysis key, country or (part
    of) a name; ``country`` matches either side; dates compare with the event's
    effective date (its own start date, else its document's date).
    """

    actor: str | None = None
    recipient: str | None = None
    country: str | None = None
    event_type: str | None = None
    quad_class: int | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    source: str | None = None
    text: str | None = None
    include_nonfactual: bool = True
    limit: int = 100
    offset: int = 0
    clusters_only: bool = False


def _side(side: str, value: str) -> tuple[str, list[Any]]:
    upper = value.upper()
    sql = (
        f"(upper(e.{side}_code) = ? OR e.{side}_key = ? OR e.{side}_country = ?"
        f" OR lower(e.{side}_name) LIKE '%' || lower(?) || '%')"
    )
    return sql, [upper, upper, upper, value]


def where_clause(filters: EventFilter) -> tuple[str, list[Any]]:
    """SQL conditions (joined with AND, ``TRUE`` if none) and their parameters."""
    parts: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        parts.append(sql)
        params.extend(values)

    if filters.actor:
        sql, values = _side("actor", filters.actor)
        add(sql, *values)
    if filters.recipient:
        sql, values = _side("recipient", filters.recipient)
        add(sql, *values)
    if filters.country:
        code = filters.country.upper()
        add("(e.actor_country = ? OR e.recipient_country = ?)", code, code)
    if filters.event_type:
        add("e.event_type = ?", filters.event_type.upper())
    if filters.quad_class is not None:
        add("e.quad_class = ?", int(filters.quad_class))
    if filters.status:
        add("e.status = ?", filters.status.lower())
    if not filters.include_nonfactual:
        parts.append(f"e.status IN {FACTUAL_SQL}")
    if filters.date_from:
        add("e.event_date >= CAST(? AS DATE)", filters.date_from)
    if filters.date_to:
        add("e.event_date <= CAST(? AS DATE)", filters.date_to)
    if filters.source:
        add(
            "(e.doc_id = ? OR lower(e.publisher) LIKE '%' || lower(?) || '%')",
            filters.source,
            filters.source,
        )
    if filters.text:
        add("lower(e.sentence) LIKE '%' || lower(?) || '%'", filters.text)
    if filters.clusters_only:
        # a cluster's id is the event id of its representative mention
        parts.append("(e.cluster_id IS NULL OR e.cluster_id = e.event_id)")
    return (" AND ".join(parts) or "TRUE"), params
