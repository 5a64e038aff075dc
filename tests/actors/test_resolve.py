"""resolve_name, search and surface forms over the shipped tables (no model needed)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import ActorResolver


@pytest.mark.parametrize(
    ("when", "code"),
    [(date(2019, 6, 1), "USAGOV"), (date(2022, 6, 1), "USAELI"), (date(2025, 6, 1), "USAGOV")],
)
def test_trump_depends_on_date(resolver: ActorResolver, when: date, code: str) -> None:
    actor = resolver.resolve_name("Donald Trump", when)
    assert actor is not None and actor.code == code and actor.id == "person:donald_trump"


@pytest.mark.parametrize(
    ("text", "when", "country", "sector"),
    [
        ("Qassem Soleimani", date(2019, 1, 1), "IRN", "MIL"),
        ("Hassan Nasrallah", date(2020, 1, 1), "LBN", "REB"),
        ("Bashar al-Assad", date(2020, 1, 1), "SYR", "GOV"),
        ("Bashar al-Assad", date(2025, 6, 1), "SYR", "ELI"),
        ("Nikolai Patrushev", date(2015, 1, 1), "RUS", "GOV"),
        ("President Kassym-Jomart Tokayev", date(2022, 1, 1), "KAZ", "GOV"),
        ("Russian Defense Minister Sergey Shoigu", date(2021, 2, 1), "RUS", "GOV"),
        ("Collective Security Treaty Organization", None, "IGO", "IGO"),
        ("Shanghai Cooperation alliance", None, "IGO", "IGO"),
        ("the Pentagon", None, "USA", "MIL"),
        ("the Kremlin", None, "RUS", "GOV"),
        ("Quds Force", None, "IRN", "MIL"),
        ("Syrian Arab Army", None, "SYR", "MIL"),
        ("Russian troops", None, "RUS", "MIL"),
        ("the Syrian regime", None, "SYR", "GOV"),
        ("Iran's leadership", None, "IRN", "GOV"),
        ("Trump administration", date(2019, 1, 1), "USA", "GOV"),
        ("Russian air force contingent", None, "RUS", "MIL"),
        ("Kyiv police", None, "UKR", "COP"),
    ],
)
def test_resolve_name(
    resolver: ActorResolver, text: str, when: date | None, country: str, sector: str
) -> None:
    actor = resolver.resolve_name(text, when)
    assert actor is not None
    assert (actor.country, actor.sector) == (country, sector)


def test_chairman_of_russian_council(resolver: ActorResolver) -> None:
    actor = resolver.resolve_name("the Chairman of Russia National Security Council")
    assert actor is not None and (actor.country, actor.sector) == ("RUS", "GOV")


def test_military_and_intelligence_leaders(resolver: ActorResolver) -> None:
    actor = resolver.resolve_name("4 senior military and intelligence leaders in Syria")
    assert actor is not None and actor.country == "SYR" and actor.sector == "MIL"


def test_unknown_and_empty(resolver: ActorResolver) -> None:
    assert resolver.resolve_name("") is None
    assert resolver.resolve_name("aljsndgojnown") is None


def test_search_and_forms(resolver: ActorResolver) -> None:
    names = [a.name for a in resolver.search("hezbol")]
    assert "Hezbollah" in names
    assert all(a.text is None for a in resolver.search("putin"))
    forms = set(resolver.surface_forms())
    assert {"hezbollah", "US", "the kremlin"} <= forms


def test_entity_labels_matter_only_on_spans_with_readings_of_several_kinds(resolver) -> None:
    import spacy
    from spacy.tokens import Span

    nlp = spacy.blank("en")
    ambiguous = next(
        key
        for key in resolver.forms
        if key.isalpha() and key.islower() and len(resolver._kinds(key)) > 1
    )
    single = next(
        key
        for key in resolver.forms
        if key.isalpha() and key.islower() and len(resolver._kinds(key)) == 1
    )
    for key, expected in ((ambiguous, True), (single, False)):
        doc = nlp(f"Yesterday {key.title()} spoke.")
        assert not resolver.reads_entities(doc)  # no labels at all
        doc.ents = [Span(doc, 1, 2, label="PERSON")]
        assert resolver.reads_entities(doc) is expected
