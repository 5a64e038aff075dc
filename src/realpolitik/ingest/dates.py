"""Publication dates: ISO 8601 from structured input, written datelines from text."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_YEAR = re.compile(r"\b(1[89]|20)\d\d\b")
_DATEPARSER_SETTINGS = {
    "REQUIRE_PARTS": ["year", "month", "day"],
    "PREFER_DAY_OF_MONTH": "first",
    "RETURN_AS_TIMEZONE_AWARE": False,
}


def parse_iso(value: str) -> date | None:
    """An ISO 8601 date or date-time string -> its calendar date (None if not ISO)."""
    value = value.strip()
    for parse in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse(value)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    return None


def parse_written(value: str) -> date | None:
    """A written absolute date ("February 01, 2021", "Mon Jun 20, 2011 4:25 PM") -> date.

    Relative expressions ("yesterday") and dates without a day or a year give None:
    a publication date must not depend on when the code runs.
    """
    value = value.strip()
    if not value or not _YEAR.search(value):
        return None
    iso = parse_iso(value)
    if iso is not None:
        return iso
    parsed = dateparser.parse(value, languages=["en"], settings=_DATEPARSER_SETTINGS)
    return parsed.date() if parsed else None


def coerce_date(value: date | str | None) -> date | None:
    """A date given by the caller (date, datetime, ISO or written string) -> date or None."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    return parse_iso(value) or parse_written(value)
