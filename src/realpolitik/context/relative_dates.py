"""Relative date expressions ("today", "last week", "three years ago", "mid-March",
"on Tuesday"), resolved against an anchor date (the post's or document's date).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from realpolitik.context.explicit_dates import (
    MONTH_RE,
    MONTHS,
    NUMBER_RE,
    NUMBERS,
    SEASONS,
    WEEKDAYS,
    _month_range,
    _result,
    _season_range,
)
from realpolitik.records import DateBasis, DatePrecision, EventDate

RELATIVE = DateBasis.RELATIVE.value
DAY, MONTH, YEAR = DatePrecision.DAY.value, DatePrecision.MONTH.value, DatePrecision.YEAR.value


def _shift_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    return date(year, month + 1, 1)


def _week(day: date) -> tuple[date, date]:
    start = day - timedelta(days=day.weekday())
    return start, start + timedelta(days=6)


def days_words(text: str, anchor: date) -> EventDate | None:
    """today / yesterday / tomorrow / tonight / last night / this morning."""
    offsets = {"yesterday": -1, "last night": -1, "tomorrow": 1}
    for word, offset in offsets.items():
        if re.search(rf"\b{word}\b", text):
            day = anchor + timedelta(days=offset)
            return _result(day, day, DAY, text, RELATIVE)
    if re.search(r"\b(today|tonight|this (morning|afternoon|evening))\b", text):
        return _result(anchor, anchor, DAY, text, RELATIVE)
    return None


def ago(text: str, anchor: date) -> EventDate | None:
    """'three years ago', 'a little over a year ago', 'several months ago'."""
    found = re.search(
        rf"\b({NUMBER_RE}|\d+)\s+(day|week|month|year|decade|centur(?:y|ies))s?\s+ago\b", text
    )
    if not found:
        return None
    word, unit = found.group(1), found.group(2)
    count = int(word) if word.isdigit() else NUMBERS[word]
    if unit == "day":
        day = anchor - timedelta(days=count)
        return _result(day, day, DAY, text, RELATIVE)
    if unit == "week":
        return _result(*_week(anchor - timedelta(weeks=count)), DAY, text, RELATIVE)
    if unit == "month":
        start, end = _month_range(*_ym(_shift_months(anchor, count)))
        return _result(start, end, MONTH, text, RELATIVE)
    years = {"year": 1, "decade": 10}.get(unit, 100) * count
    year = anchor.year - years
    precision = {"year": YEAR, "decade": DatePrecision.DECADE.value}.get(unit, "century")
    if precision == YEAR:
        return _result(date(year, 1, 1), date(year, 12, 31), YEAR, text, RELATIVE)
    return _result(date(year, 1, 1), date(year + 9, 12, 31), precision, text, RELATIVE)


def _ym(day: date) -> tuple[int, int]:
    return day.year, day.month


def unit_words(text: str, anchor: date) -> EventDate | None:
    """last/this/next/past week|month|year, earlier/later this week|month|year."""
    found = re.search(r"\b(last|this|next|past|previous|coming|earlier this|later this)\s+"
                      r"(week|month|year|decade)\b", text)  # fmt: skip
    if not found:
        return None
    word, unit = found.group(1), found.group(2)
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(word, 0)
    if unit == "week":
        return _result(*_week(anchor + timedelta(weeks=step)), DAY, text, RELATIVE)
    if unit == "month":
        start, end = _month_range(*_ym(_shift_months(anchor, -step)))
        return _result(start, end, MONTH, text, RELATIVE)
    if unit == "decade":
        return _result(
            date(anchor.year - 10, 1, 1), anchor, DatePrecision.DECADE.value, text, RELATIVE
        )
    year = anchor.year + step
    return _result(date(year, 1, 1), date(year, 12, 31), YEAR, text, RELATIVE)


def weekday(text: str, anchor: date, future: bool) -> EventDate | None:
    """'on Tuesday': the latest such day up to the anchor (the next one for future events)."""
    found = re.search(r"\b(?:(last|next|this)\s+)?(" + "|".join(WEEKDAYS) + r")\b", text)
    if not found:
        return None
    target = WEEKDAYS[found.group(2)]
    if found.group(1) == "next" or (future and found.group(1) != "last"):
        delta = (target - anchor.weekday()) % 7 or 7
        day = anchor + timedelta(days=delta)
    else:
        delta = (anchor.weekday() - target) % 7
        if found.group(1) == "last" and delta == 0:
            delta = 7
        day = anchor - timedelta(days=delta)
    return _result(day, day, DAY, text, RELATIVE)


def month_day(text: str, anchor: date, future: bool) -> EventDate | None:
    """'December 28' / '3 March' without a year: the nearest such day before (after) the anchor."""
    found = re.search(rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", text)
    if found:
        month, number = MONTHS[found.group(1)], int(found.group(2))
    else:
        found = re.search(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\b", text)
        if not found:
            return None
        month, number = MONTHS[found.group(2)], int(found.group(1))
    try:
        day = date(anchor.year, month, number)
        if not future and day > anchor:
            day = date(anchor.year - 1, month, number)
        elif future and day < anchor:
            day = date(anchor.year + 1, month, number)
    except ValueError:
        return None
    return _result(day, day, DAY, text, RELATIVE)


def month_only(text: str, anchor: date, future: bool) -> EventDate | None:
    """'in March', 'mid-March': that month of the anchor's year (or of the year before)."""
    found = re.search(rf"\b({MONTH_RE})\b", text)
    if not found or (found.group(1) in {"may", "march"} and not _month_context(text)):
        return None
    month = MONTHS[found.group(1)]
    year = anchor.year
    if not future and month > anchor.month:
        year -= 1
    elif future and month < anchor.month:
        year += 1
    start, end = _month_range(year, month)
    return _result(start, end, MONTH, text, RELATIVE)


def _month_context(text: str) -> bool:
    """'may' and 'march' are months only with a date word around them."""
    return bool(re.search(r"\b(in|since|during|by|until|last|next|this|early|late|mid)[-\s]"
                          r"(may|march)\b|\b(may|march)\s+\d", text))  # fmt: skip


def season(text: str, anchor: date, future: bool) -> EventDate | None:
    """'last summer', 'this spring', 'in the winter'."""
    found = re.search(r"\b(?:(last|this|next|past)\s+)?(spring|summer|autumn|fall|winter)\b", text)
    if not found:
        return None
    first, _ = SEASONS[found.group(2)]
    year = anchor.year
    if found.group(1) in {"last", "past"} or (
        not future and not found.group(1) and first > anchor.month
    ):
        year -= 1
    elif found.group(1) == "next":
        year += 1
    return _season_range(year, found.group(2), text, RELATIVE)


def resolve_relative(text: str, anchor: date, future: bool = False) -> EventDate | None:
    """A relative expression resolved against `anchor`, or None if `text` is not one."""
    return (
        days_words(text, anchor)
        or ago(text, anchor)
        or unit_words(text, anchor)
        or weekday(text, anchor, future)
        or month_day(text, anchor, future)
        or season(text, anchor, future)
        or month_only(text, anchor, future)
    )


def relative_precision(text: str) -> str | None:
    """The precision a relative expression would have (for unresolved dates without an anchor)."""
    probe = resolve_relative(text, date(2000, 6, 15))
    return None if probe is None else probe.precision
