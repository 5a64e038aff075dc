"""Pronouns a pre-filter must treat as actors before the Doc is parsed."""

from __future__ import annotations

import spacy

from realpolitik.actors.pronouns import possible_neuter_pronouns
from realpolitik.records import Actor, ActorMention


def mention(start: int, kind: str) -> ActorMention:
    actor = Actor(text="x", name="x", country=None, sector=None, code=None, id=None)
    return ActorMention(actor=actor, start_token=start, end_token=start + 1, kind=kind)


def test_it_after_a_collective_actor_may_be_an_actor() -> None:
    doc = spacy.blank("en")("Russia said it would respond. The man said it was late.")
    its = [t.i for t in doc if t.lower_ == "it"]
    assert possible_neuter_pronouns(doc, [mention(0, "country")]) == its
    assert possible_neuter_pronouns(doc, [mention(8, "country")]) == its[1:]
    assert possible_neuter_pronouns(doc, [mention(0, "person")]) == []
    assert possible_neuter_pronouns(doc, []) == []
