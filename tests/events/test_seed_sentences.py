"""Seed sentences (DESIGN.md) end to end: real spaCy model + actors stage + event coder."""

from __future__ import annotations

import datetime

import pytest

from realpolitik.events import EventCoder
from realpolitik.records import EventCandidate, Post
from realpolitik.settings import Settings


@pytest.fixture(scope="module")
def run(nlp):
    try:
        from realpolitik.actors import ActorResolver

        resolver = ActorResolver.load(Settings())
    except Exception as exc:  # the actors stage is built by a colleague in parallel
        pytest.skip(f"actors stage not loadable: {exc}")
    coder = EventCoder.load(Settings())

    def code(text: str) -> list[EventCandidate]:
        doc = nlp(text)
        mentions = resolver.find_mentions(doc, datetime.date(2021, 2, 1))
        return coder.code(doc, Post("p", "d", 0, "text", text), mentions)

    return code


def dyads(events: list[EventCandidate]) -> set[tuple[str | None, str, str | None]]:
    def country(mention):
        return mention.actor.country if mention else None

    return {(country(e.actor), e.code.event_type, country(e.recipient)) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maj Gen Qassem Soleimani - assassinated by an American drone strike at Baghdad "
            "airport a little over a year ago - was instrumental in convincing Russia to help "
            "Syria militarily in its war against Salafi-jihadis.",
            {("USA", "ASSAULT", "IRN"), ("RUS", "AID", "SYR")},
        ),
        (
            "Nasrallah sets the stage for the crucial visit by Maj Gen Soleimani to Moscow in "
            "2015, when he had a two-hour face-to-face meeting with President Putin.",
            {("IRN", "CONSULT", "RUS")},
        ),
        ("Russian air strikes against ISIS started in September 2015.", {("RUS", "ASSAULT", None)}),
        (
            "The Trump administration's sanctions against Iranian energy exports crippled the "
            "economy.",
            {("USA", "SANCTION", "IRN")},
        ),
        (
            "There are reports today that 4 senior military and intelligence leaders in Syria "
            "have defected to Iran on route to Russia.",
            {("SYR", "REJECT", "SYR")},  # from their own government; Iran is a place
        ),
        (
            "Then to throw more fuel on the fire, today the Chairman of Russia National Security "
            "Council (Putin's right hand man) made a special trip to Iran for private meetings "
            "with senior leaders in Iran.",
            {("RUS", "CONSULT", "IRN")},
        ),
        (
            "I mean there will be war ...the Americans will invade if Iran's leadership has "
            "tilted towards Russia.",
            {("USA", "ASSAULT", "IRN")},
        ),
        ("Russia did take Iran's Northern Provinces by force.", {("RUS", "COERCE", "IRN")}),
        (
            "No one should forget that in fact the Russians sold far more weapons to Saddam "
            "Hussein than the West every did...during the Iran-Iraq war.",
            {("RUS", "COOPERATE", "IRQ")},
        ),
        (
            "The Muslim Brotherhood called on Iran to end its support of the Syrian regime.",
            {(None, "REQUEST", "IRN")},
        ),
        (
            "A Russian air force contingent was deployed to Syria to support the Syrian army.",
            {("RUS", "AID", "SYR")},
        ),
    ],
)
def test_seed_sentence(run, text, expected):
    found = dyads(run(text))
    for actor, event_type, recipient in expected:
        assert any(
            f_type == event_type
            and (actor is None or f_actor == actor)
            and (recipient is None or f_recipient == recipient)
            for f_actor, f_type, f_recipient in found
        ), (text, found)


def test_speech_verbs_alone_give_no_events(run):
    assert run("Putin said Iran was an important partner, a spokesman told reporters.") == []


def test_request_comes_from_the_caller(run):
    (event,) = [
        e
        for e in run("The Muslim Brotherhood called on Iran to end its support.")
        if e.code.event_type == "REQUEST"
    ]
    assert event.recipient.actor.country == "IRN"
    assert event.actor is not None and event.actor.actor.country != "IRN"
    assert event.code.cameo.startswith("02")
