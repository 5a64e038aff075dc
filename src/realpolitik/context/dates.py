"""Date resolution: one expression's text -> `EventDate` against an optional anchor.

Order: named period, century, decade, full date, month + year, year, then the
relative forms (which need an anchor; without one they stay unresolved with
basis ``unknown`` — never invented).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from realpolitik.context.data import Period
from realpolitik.context.explicit_dates import (
    PeriodMatcher,
    _century,
    _decade,
    _full_date,
    _month_year,
    _normalise,
    _period_date,
    _unresolved,
    _year,
    match_period,
)
from realpolitik.context.relative_dates import relative_precision, resolve_relative
from realpolitik.records import DateBasis, DatePrecision, EventDate


def resolve_date(
    text: str,
    anchor: date | None,
    periods: Sequence[Period] = (),
    future: bool = False,
    matcher: PeriodMatcher | None = None,
) -> EventDate | None:
    """Resolve a date expression; None when `text` holds no date at all.

    `anchor` is the publication date relative forms count from; `future` picks
    the next rather than the last "Tuesday" / "March" for future events.
    `matcher`, when given, is `periods` compiled (`PeriodMatcher.build`) and used instead.
    """
    lowered = _normalise(text)
    period = matcher.match(lowered) if matcher is not None else match_period(lowered, periods)
    if period is not None:
        return _period_date(period, text, anchor)
    explicit = _century(lowered) or _decade(lowered) or _full_date(lowered) or _month_year(lowered)
    explicit = explicit or _year(lowered)
    if explicit is not None:
        return _with_text(explicit, text)
    if anchor is None:
        precision = relative_precision(lowered)
        return None if precision is None else _unresolved(precision, text)
    relative = resolve_relative(lowered, anchor, future)
    return None if relative is None else _with_text(relative, text)


def _with_text(value: EventDate, text: str) -> EventDate:
    return EventDate(value.start, value.end, value.precision, text, value.basis)


def publication_date(anchor: date | None) -> EventDate:
    """The default of an event with no date cue: the publication day, or unknown."""
    if anchor is None:
        return EventDate()
    day = anchor.isoformat()
    return EventDate(day, day, DatePrecision.DAY.value, None, DateBasis.PUBLICATION.value)
