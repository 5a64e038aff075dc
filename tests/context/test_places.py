"""Gazetteer lookups and place attachment (capitals as actors are not locations)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from realpolitik.context.location import attach_place, to_place
from realpolitik.context.places import GeonamesGazetteer, InMemoryGazetteer, normalise
from realpolitik.records import Place

BAGHDAD = Place("Baghdad", "Baghdad", "IRQ", 33.34, 44.40, 98182)
MOSCOW = Place("Moscow", "Moscow", "RUS", 55.75, 37.62, 524901)
RUSSIA = Place("Russia", "Russia", "RUS", None, None, 2017370)
FAKE = InMemoryGazetteer(
    {"Baghdad": BAGHDAD, "Moscow": MOSCOW, "Russia": RUSSIA}, countries=frozenset({"Russia"})
)


def build(rows, ents):
    doc = Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


def test_normalise():
    assert normalise("the Gaza Strip") == "gaza strip"
    assert normalise("Iran’s") == "iran"


def test_strike_at_airport_is_located_in_the_city():
    doc = build(
        [
            ("a", 2, "det", "DET", "DT", "a"),
            ("drone", 2, "compound", "NOUN", "NN", "drone"),
            ("strike", 2, "ROOT", "NOUN", "NN", "strike"),
            ("at", 2, "prep", "ADP", "IN", "at"),
            ("Baghdad", 5, "compound", "PROPN", "NNP", "Baghdad"),
            ("airport", 3, "pobj", "NOUN", "NN", "airport"),
        ],
        [(4, 5, "GPE")],
    )
    mention = attach_place(doc[2], FAKE)
    assert mention is not None
    assert to_place(mention).country == "IRQ"
    assert to_place(mention).text == "Baghdad"


def test_capital_as_subject_is_an_actor_not_a_location():
    doc = build(
        [
            ("Moscow", 1, "nsubj", "PROPN", "NNP", "Moscow"),
            ("decided", 1, "ROOT", "VERB", "VBD", "decide"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("intervene", 1, "xcomp", "VERB", "VB", "intervene"),
        ],
        [(0, 1, "GPE")],
    )
    assert attach_place(doc[3], FAKE) is None
    assert attach_place(doc[1], FAKE) is None


def test_visit_to_city():
    doc = build(
        [
            ("his", 1, "poss", "PRON", "PRP$", "his"),
            ("visit", 1, "ROOT", "NOUN", "NN", "visit"),
            ("to", 1, "prep", "ADP", "IN", "to"),
            ("Moscow", 2, "pobj", "PROPN", "NNP", "Moscow"),
        ],
        [(3, 4, "GPE")],
    )
    mention = attach_place(doc[1], FAKE)
    assert mention is not None and mention.place == MOSCOW


def test_country_object_is_a_recipient_not_a_location():
    doc = build(
        [
            ("Israel", 1, "nsubj", "PROPN", "NNP", "Israel"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Russia", 1, "dobj", "PROPN", "NNP", "Russia"),
        ],
        [(0, 1, "GPE"), (2, 3, "GPE")],
    )
    assert attach_place(doc[1], FAKE) is None


@pytest.mark.slow
def test_geonames_gazetteer_disambiguates_by_kind_and_population():
    gazetteer = GeonamesGazetteer.load()
    assert gazetteer.lookup("Moscow").country == "RUS"
    assert gazetteer.lookup("Baghdad").country == "IRQ"
    georgia = gazetteer.lookup("Georgia")
    assert georgia.country == "GEO" and gazetteer.is_country(georgia)
    assert gazetteer.lookup("U.S.").country == "USA"
    assert gazetteer.lookup("Homs province").country == "SYR"
    assert gazetteer.lookup("Qwertyville") is None
