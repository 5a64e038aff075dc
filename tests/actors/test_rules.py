"""The general rules of the actors stage, each on hand-built text (no statistical model)."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from realpolitik.actors import ActorResolver
from realpolitik.actors.places import build_city_index, name_key
from realpolitik.records import ActorMention


def parsed_doc(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A Doc with a hand-built dependency parse (heads are absolute token indices)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def mention_at(mentions: list[ActorMention], token: int) -> ActorMention | None:
    return next((m for m in mentions if m.start_token <= token < m.end_token), None)


# ------------------------------------------------- a. nationality beats the IGO posting


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Canadian Ambassador to the United Nations", "CAN"),
        ("the Russian envoy to NATO", "RUS"),
        ("the French ambassador to the European Union", "FRA"),
    ],
)
def test_nationality_beats_posting(resolver: ActorResolver, text: str, country: str) -> None:
    actor = resolver.resolve_name(text)
    assert actor is not None and (actor.country, actor.sector) == (country, "GOV")


def test_posting_keeps_the_igo_as_its_own_mention(resolver: ActorResolver) -> None:
    words = ["The", "Canadian", "Ambassador", "to", "the", "United", "Nations", "spoke", "."]
    mentions = resolver.find_mentions(Doc(spacy.blank("en").vocab, words=words), None)
    codes = [m.actor.code for m in mentions]
    assert codes == ["CANGOV", "IGOUNO"]


# ------------------------------------------------- b. a name inside a longer name


@pytest.mark.parametrize(
    "text",
    ["Mohammed Hussein Qadir", "Sen. Feliciano Valencia", "Ahmed Sharon Mizrahi"],
)
def test_fragment_of_a_longer_name_is_not_that_actor(resolver: ActorResolver, text: str) -> None:
    actor = resolver.resolve_name(text)
    assert actor is None or actor.country not in {"JOR", "ESP", "ISR"}


@pytest.mark.parametrize(
    ("text", "when", "code"),
    [
        ("Saddam Hussein", date(2000, 1, 1), "IRQGOV"),
        ("Russian Defense Minister Sergey Shoigu", date(2021, 2, 1), "RUSGOVMIL"),
        ("President Putin", date(2021, 2, 1), "RUSGOV"),
        ("Sheikh Hassan Nasrallah", date(2020, 1, 1), "LBNREB"),
        (
            "Deputy Minister of Defense Colonel-General Andrei Kartapolov",
            date(2016, 1, 1),
            "RUSMIL",
        ),
    ],
)
def test_titles_do_not_lengthen_a_name(
    resolver: ActorResolver, text: str, when: date, code: str
) -> None:
    actor = resolver.resolve_name(text, when)
    assert actor is not None and actor.code == code


# ------------------------------------------------- c. organisations named after a city


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Oxford University", "GBR", "EDU"),
        ("the University of Oxford", "GBR", "EDU"),
        ("University of St Andrews in Scotland", "GBR", "EDU"),
        ("Delhi police", "IND", "COP"),
        ("Kyiv police", "UKR", "COP"),
        ("the Tehran municipality", "IRN", "GOV"),
        ("Chicago police", "USA", "COP"),
        ("the Aleppo city council", "SYR", "GOV"),
    ],
)
def test_city_gives_country(resolver: ActorResolver, text: str, country: str, sector: str) -> None:
    actor = resolver.resolve_name(text)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


def test_city_index() -> None:
    index = build_city_index()
    assert index[name_key("Oxford")] == "GBR"  # the largest Oxford
    assert index[name_key("Delhi")] == "IND"
    assert name_key("St. Andrews") == name_key("Saint Andrews")
    small = build_city_index(min_population=1_000_000)
    assert name_key("Oxford") not in small and small[name_key("Delhi")] == "IND"


def test_a_city_alone_is_not_an_actor(resolver: ActorResolver) -> None:
    doc = Doc(spacy.blank("en").vocab, words=["They", "met", "in", "Oxford", "."])
    assert resolver.find_mentions(doc, None) == []


# ------------------------------------------------- d. country from the agent's own phrase


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("the Chairman of Russia National Security Council", "RUS", "GOV"),
        ("Secretary of Iran's Supreme National Security Council", "IRN", "GOV"),
        ("head of Syria's intelligence services", "SYR", "SPY"),
        ("the commander of the Quds Force", "IRN", "MIL"),
        ("the commander, a senior IRGC officer", "IRN", "MIL"),
        ("the commander of a unit of the Russian army", "RUS", "MIL"),
    ],
)
def test_agent_country_from_phrase(
    resolver: ActorResolver, text: str, country: str, sector: str
) -> None:
    actor = resolver.resolve_name(text)
    assert actor is not None and (actor.country, actor.sector) == (country, sector)


def test_parsed_nested_chain(resolver: ActorResolver) -> None:
    words = ["the", "commander", "of", "a", "unit", "of", "the", "Russian", "army", "spoke"]
    heads = [1, 9, 1, 4, 2, 4, 8, 8, 5, 9]
    deps = ["det", "nsubj", "prep", "det", "pobj", "prep", "det", "amod", "pobj", "ROOT"]
    mentions = resolver.find_mentions(parsed_doc(words, heads, deps), None)
    commander = mention_at(mentions, 1)
    assert commander is not None and commander.actor.code == "RUSMIL"


def test_parsed_apposition(resolver: ActorResolver) -> None:
    words = ["the", "commander", ",", "a", "senior", "IRGC", "officer", ",", "spoke"]
    heads = [1, 8, 1, 6, 6, 6, 1, 1, 8]
    deps = ["det", "nsubj", "punct", "det", "amod", "compound", "appos", "punct", "ROOT"]
    mentions = resolver.find_mentions(parsed_doc(words, heads, deps), None)
    commander = mention_at(mentions, 1)
    assert commander is not None and (commander.actor.country, commander.actor.sector) == (
        "IRN",
        "MIL",
    )


# ------------------------------------------------- e. no bare sector codes


def test_agent_without_country_has_no_code(resolver: ActorResolver) -> None:
    actor = resolver.resolve_name("the commander")
    assert actor is not None and actor.sector == "MIL"
    assert actor.country is None and actor.code is None


def test_countryless_agents_are_not_emitted_unless_collective(resolver: ActorResolver) -> None:
    words = ["The", "commander", "said", "protesters", "met", "officials", "."]
    mentions = resolver.find_mentions(Doc(spacy.blank("en").vocab, words=words), None)
    assert [m.actor.text for m in mentions] == ["protesters"]
    (protesters,) = mentions
    assert protesters.actor.code is None and protesters.actor.sector == "OPP"
    assert all(m.actor.code is None or len(m.actor.code) > 3 for m in mentions)


# ------------------------------------------------- date-dependent recoding


def test_at_date_recodes_people(resolver: ActorResolver) -> None:
    actor = resolver.resolve_name("Qassem Soleimani", date(2021, 2, 1))
    assert actor is not None and actor.code == "IRNELI"
    for when in (date(2015, 7, 1), date(2020, 1, 2)):
        again = resolver.at_date(actor, when)
        assert again.code == "IRNMIL" and again.sector == "MIL"
        assert (again.text, again.start, again.end, again.id) == (
            actor.text,
            actor.start,
            actor.end,
            actor.id,
        )
    trump = resolver.resolve_name("Donald Trump", date(2022, 6, 1))
    assert trump is not None and resolver.at_date(trump, date(2019, 6, 1)).code == "USAGOV"


def test_at_date_leaves_phrase_coded_actors(resolver: ActorResolver) -> None:
    troops = resolver.resolve_name("Russian troops")
    assert troops is not None and resolver.at_date(troops, date(2015, 1, 1)) == troops
    council = resolver.resolve_name("Russia National Security Council")
    assert council is not None and resolver.at_date(council, date(2015, 1, 1)) == council
