"""Date resolution against an anchor, and attachment to the event's clause."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.context.data import load_periods
from realpolitik.context.datelink import attach, find_expressions
from realpolitik.context.dates import publication_date, resolve_date

from .conftest import parse

ANCHOR = date(2021, 2, 1)  # a Monday


@pytest.fixture(scope="module")
def periods():
    return load_periods()


@pytest.mark.parametrize(
    ("text", "start", "end", "precision", "basis"),
    [
        ("a little over a year ago", "2020-01-01", "2020-12-31", "year", "relative"),
        ("three years ago", "2018-01-01", "2018-12-31", "year", "relative"),
        ("in 2015", "2015-01-01", "2015-12-31", "year", "explicit"),
        ("the 1980s", "1980-01-01", "1989-12-31", "decade", "explicit"),
        ("in the 19th century", "1801-01-01", "1900-12-31", "century", "explicit"),
        ("during the Iran-Iraq war", "1980-09-22", "1988-08-20", "decade", "period"),
        ("the Iran–Iraq War", "1980-09-22", "1988-08-20", "decade", "period"),
        ("mid-March", "2020-03-01", "2020-03-31", "month", "relative"),
        ("on Tuesday", "2021-01-26", "2021-01-26", "day", "relative"),
        ("today", "2021-02-01", "2021-02-01", "day", "relative"),
        ("yesterday", "2021-01-31", "2021-01-31", "day", "relative"),
        ("last week", "2021-01-25", "2021-01-31", "day", "relative"),
        ("last summer", "2020-06-01", "2020-08-31", "month", "relative"),
        ("December 28", "2020-12-28", "2020-12-28", "day", "relative"),
        ("February 01, 2021", "2021-02-01", "2021-02-01", "day", "explicit"),
        ("28 December 2020", "2020-12-28", "2020-12-28", "day", "explicit"),
        ("March 2015", "2015-03-01", "2015-03-31", "month", "explicit"),
        ("the Syrian civil war", "2011-03-15", "2021-02-01", "decade", "period"),
    ],
)
def test_resolution(periods, text, start, end, precision, basis):
    value = resolve_date(text, ANCHOR, periods)
    assert value is not None
    assert (value.start, value.end, value.precision, value.basis) == (start, end, precision, basis)
    assert value.text == text


def test_relative_dates_stay_unresolved_without_anchor(periods):
    value = resolve_date("a little over a year ago", None, periods)
    assert value is not None
    assert (value.start, value.end, value.basis) == (None, None, "unknown")
    assert resolve_date("in 2015", None, periods).start == "2015-01-01"


def test_future_event_takes_next_weekday(periods):
    assert resolve_date("on Tuesday", ANCHOR, periods, future=True).start == "2021-02-02"


def test_not_dates(periods):
    for text in ("two-hour", "nearly 2000 dead", "the meeting", "may"):
        assert resolve_date(text, ANCHOR, periods) is None


def test_publication_default():
    assert publication_date(ANCHOR).basis == "publication"
    assert publication_date(ANCHOR).precision == "day"
    assert publication_date(None).start is None
    assert publication_date(None).basis == "unknown"


def test_date_off_the_report_verb_does_not_date_the_event(periods):
    doc = parse(
        [
            ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("on", 1, "prep", "ADP", "IN", "on"),
            ("Monday", 2, "pobj", "PROPN", "NNP", "Monday"),
            ("that", 6, "mark", "SCONJ", "IN", "that"),
            ("Russia", 6, "nsubj", "PROPN", "NNP", "Russia"),
            ("bombed", 1, "ccomp", "VERB", "VBD", "bomb"),
            ("Idlib", 6, "dobj", "PROPN", "NNP", "Idlib"),
            ("in", 6, "prep", "ADP", "IN", "in"),
            ("2015", 8, "pobj", "NUM", "CD", "2015"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = find_expressions(doc[:], ANCHOR, periods)
    assert {doc[e.start : e.end].text for e in found} == {"Monday", "in 2015"}
    chosen = attach(doc[6], found, frame_verb=doc[1])
    assert chosen is not None and chosen.value.start == "2015-01-01"
    without_year = [e for e in found if e.value.precision == "day"]
    assert attach(doc[6], without_year, frame_verb=doc[1]) is None


def test_when_clause_inherits_the_date(periods):
    doc = parse(
        [
            ("the", 1, "det", "DET", "DT", "the"),
            ("visit", 1, "ROOT", "NOUN", "NN", "visit"),
            ("in", 1, "prep", "ADP", "IN", "in"),
            ("2015", 2, "pobj", "NUM", "CD", "2015"),
            (",", 3, "punct", "PUNCT", ",", ","),
            ("when", 7, "advmod", "SCONJ", "WRB", "when"),
            ("he", 7, "nsubj", "PRON", "PRP", "he"),
            ("had", 3, "relcl", "VERB", "VBD", "have"),
            ("a", 9, "det", "DET", "DT", "a"),
            ("meeting", 7, "dobj", "NOUN", "NN", "meeting"),
        ]
    )
    found = find_expressions(doc[:], ANCHOR, periods)
    chosen = attach(doc[9], found)
    assert chosen is not None and chosen.value.start == "2015-01-01"


def test_since_clause_keeps_its_date_to_itself(periods):
    # Erdogan met Putin for the first time since Turkey shot down a jet in 2015 .
    doc = parse(
        [
            ("Erdogan", 1, "nsubj", "PROPN", "NNP", "Erdogan"),
            ("met", 1, "ROOT", "VERB", "VBD", "meet"),
            ("Putin", 1, "dobj", "PROPN", "NNP", "Putin"),
            ("for", 1, "prep", "ADP", "IN", "for"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("first", 6, "amod", "ADJ", "JJ", "first"),
            ("time", 3, "pobj", "NOUN", "NN", "time"),
            ("since", 9, "mark", "SCONJ", "IN", "since"),
            ("Turkey", 9, "nsubj", "PROPN", "NNP", "Turkey"),
            ("shot", 6, "advcl", "VERB", "VBD", "shoot"),
            ("down", 9, "prt", "ADP", "RP", "down"),
            ("a", 12, "det", "DET", "DT", "a"),
            ("jet", 9, "dobj", "NOUN", "NN", "jet"),
            ("in", 9, "prep", "ADP", "IN", "in"),
            ("2015", 13, "pobj", "NUM", "CD", "2015"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = find_expressions(doc[:], ANCHOR, periods)
    assert attach(doc[1], found) is None  # the meeting is not dated by the shooting
    chosen = attach(doc[9], found)
    assert chosen is not None and chosen.value.start == "2015-01-01"
