"""Explicit date expressions ("in 2015", "March 3, 2015", "the 1980s", "the 19th century",
"during the Iran-Iraq war") and the patterns and functions shared by date resolution.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from realpolitik.context.data import Period
from realpolitik.records import DateBasis, DatePrecision, EventDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
SEASONS = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "winter": (12, 2),
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15,
    "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100, "a few": 3, "few": 3,
    "several": 3, "a couple of": 2, "couple of": 2, "a couple": 2,
}  # fmt: skip
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21,
}  # fmt: skip
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
NUMBER_RE = "|".join(sorted((re.escape(n) for n in NUMBERS), key=len, reverse=True))
UNIT_RE = r"day|week|month|year|decade|century|centuries"

#: Surface patterns of date expressions, used to find them in text (see `datelink`).
PATTERNS: tuple[str, ...] = (
    rf"\b(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_RE})\.?,?\s+\d{{4}}\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    rf"\b(?:early|mid|late|mid-)?-?\s?(?:{MONTH_RE})\.?\s+(?:of\s+)?\d{{4}}\b",
    rf"\b(?:{MONTH_RE})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d{{4}})",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTH_RE})\b",
    rf"\b(?:early|mid|late)[-\s](?:{MONTH_RE})\b",
    rf"\b(?:in|since|during|by|until|last|next|this|early|late|mid)\s+(?:{MONTH_RE})\b",
    r"\b(?:(?:last|this|next|past)\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?\d{4})?\b",
    r"\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:1\d|20)\d0s\b",
    r"\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:\d{1,2}(?:st|nd|rd|th)|"
    + "|".join(ORDINALS)
    + r")[-\s]century\b",
    r"\b(?:over|for|across|through)\s+(?:the\s+)?centuries\b|\bcenturies\s+ago\b",
    rf"\b(?:(?:a\s+little|just|a\s+bit|slightly|well)\s+)?(?:(?:more|less)\s+than|over|under|"
    rf"nearly|almost|about|around|some|roughly)?\s*(?:{NUMBER_RE}|\d+)\s+(?:{UNIT_RE})s?\s+ago\b",
    r"\b(?:earlier|later)\s+this\s+(?:week|month|year)\b",
    r"\b(?:last|this|next|past|previous|coming)\s+(?:week|month|year|decade)\b",
    r"\b(?:today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
    r"\b(?:(?:last|next|this)\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    r"\b(?:in|since|during|by|until|till|from|before|after|around|circa|of|early|late|mid-?|"
    r"year|throughout|between|and|to|through)[-\s]+(?:1[5-9]\d\d|20\d\d)\b(?![,.]?\d)",
)
#: For each of `PATTERNS`, a cheap regex that every text the pattern matches also
#: matches (a digit or a literal word it cannot match without), or None: a sentence
#: the gate does not match is not searched with the pattern (same spans, less work).
PATTERN_GATES: tuple[str | None, ...] = (
    r"\d", r"\d", r"\d", r"\d", r"\d", r"\d", None, None, None, r"\d",
    "centur", "centur", "ago", None, None, None, "day", r"\d",
)  # fmt: skip


def _iso(day: date) -> str:
    return day.isoformat()


def _month_range(year: int, month: int) -> tuple[date, date]:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _result(start: date, end: date, precision: str, text: str, basis: str) -> EventDate:
    return EventDate(_iso(start), _iso(end), precision, text, basis)


def _unresolved(precision: str, text: str) -> EventDate:
    return EventDate(None, None, precision, text, DateBasis.UNKNOWN.value)


def match_period(text: str, periods: Sequence[Period]) -> Period | None:
    """The named period whose alias occurs in `text` (longest alias wins)."""
    lowered = _normalise(text)
    best: tuple[int, Period] | None = None
    for period in periods:
        for alias in period.aliases:
            pattern = r"\b" + re.escape(_normalise(alias)) + r"\b"
            if re.search(pattern, lowered) and (best is None or len(alias) > best[0]):
                best = (len(alias), period)
    return best[1] if best else None


@dataclass(frozen=True, slots=True)
class PeriodMatcher:
    """`match_period` with the alias patterns compiled once (per resolver, not per call)."""

    aliases: tuple[tuple[re.Pattern[str], int, Period], ...]
    #: All aliases in one alternation: a text it does not match holds no period.
    gate: re.Pattern[str] | None

    @classmethod
    def build(cls, periods: Sequence[Period]) -> PeriodMatcher:
        sources = [
            (r"\b" + re.escape(_normalise(alias)) + r"\b", len(alias), period)
            for period in periods
            for alias in period.aliases
        ]
        aliases = tuple((re.compile(source), size, period) for source, size, period in sources)
        either = "|".join(r"(?:" + source + r")" for source, _, _ in sources)
        return cls(aliases, re.compile(either) if sources else None)

    def match(self, text: str) -> Period | None:
        """The named period whose alias occurs in `text` (longest alias wins)."""
        lowered = _normalise(text)
        if self.gate is None or self.gate.search(lowered) is None:
            return None
        best: tuple[int, Period] | None = None
        for pattern, size, period in self.aliases:
            if (best is None or size > best[0]) and pattern.search(lowered):
                best = (size, period)
        return best[1] if best else None


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("–", "-").replace("—", "-")).strip()


def _period_date(period: Period, text: str, anchor: date | None) -> EventDate:
    end = period.end or anchor
    return EventDate(
        _iso(period.start),
        None if end is None else _iso(end),
        period.precision,
        text,
        DateBasis.PERIOD.value,
    )


def _century(text: str) -> EventDate | None:
    found = re.search(r"(\d{1,2})(?:st|nd|rd|th)[-\s]century", text)
    number = int(found.group(1)) if found else None
    for word, value in ORDINALS.items():
        if re.search(rf"\b{word}[-\s]century", text):
            number = value
    if number is None:
        if re.search(r"centuries", text):
            return EventDate(None, None, DatePrecision.CENTURY.value, text, DateBasis.PERIOD.value)
        return None
    first = (number - 1) * 100 + 1
    return _result(
        date(first, 1, 1),
        date(first + 99, 12, 31),
        DatePrecision.CENTURY.value,
        text,
        DateBasis.EXPLICIT.value,
    )


def _decade(text: str) -> EventDate | None:
    found = re.search(r"\b((?:1\d|20)\d0)s\b", text)
    if not found:
        return None
    year = int(found.group(1))
    return _result(
        date(year, 1, 1),
        date(year + 9, 12, 31),
        DatePrecision.DECADE.value,
        text,
        DateBasis.EXPLICIT.value,
    )


def _full_date(text: str) -> EventDate | None:
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    patterns = (
        rf"\b({MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b",
        rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({MONTH_RE})\.?,?\s+(\d{{4}})\b",
    )
    try:
        if iso:
            day = date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
            return _result(day, day, "day", text, DateBasis.EXPLICIT.value)
        for index, pattern in enumerate(patterns):
            found = re.search(pattern, text)
            if found:
                month_word, day_number = (
                    (found.group(1), found.group(2))
                    if index == 0
                    else (found.group(2), found.group(1))
                )
                day = date(int(found.group(3)), MONTHS[month_word], int(day_number))
                return _result(day, day, "day", text, DateBasis.EXPLICIT.value)
    except ValueError:
        return None
    return None


def _month_year(text: str) -> EventDate | None:
    found = re.search(rf"\b({MONTH_RE})\.?\s+(?:of\s+)?(\d{{4}})\b", text)
    if not found:
        return None
    start, end = _month_range(int(found.group(2)), MONTHS[found.group(1)])
    return _result(start, end, DatePrecision.MONTH.value, text, DateBasis.EXPLICIT.value)


def _year(text: str) -> EventDate | None:
    found = re.search(r"\b(1[5-9]\d\d|20\d\d)\b(?=\s*[,.;:)]?\s*$)", text)
    if not found or re.search(r"\b(nearly|almost|than)\s+\d{4}\s*$", text):
        return None  # a year ends its expression; "nearly 2000" is a count
    year = int(found.group(1))
    season = _season_in(text)
    if season is not None:
        return _season_range(year, season, text, DateBasis.EXPLICIT.value)
    return _result(
        date(year, 1, 1),
        date(year, 12, 31),
        DatePrecision.YEAR.value,
        text,
        DateBasis.EXPLICIT.value,
    )


def _season_in(text: str) -> str | None:
    return next((name for name in SEASONS if re.search(rf"\b{name}\b", text)), None)


def _season_range(year: int, season: str, text: str, basis: str) -> EventDate:
    first, last = SEASONS[season]
    start = date(year, first, 1)
    end_year = year + 1 if last < first else year
    end = _month_range(end_year, last)[1]
    return _result(start, end, DatePrecision.MONTH.value, text, basis)
