"""The matcher's shortcuts (shared token facts, object and preposition pre-checks,
phrases indexed by head word) pick exactly what checking every pattern in full picks."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from realpolitik.events.matcher import (
    Match,
    TokenFacts,
    candidates,
    match_token,
    matches_phrase,
    phrase_words,
    satisfies,
    trigger_pos,
)
from realpolitik.events.patterns import Pattern, PatternIndex

from .parses import parse

SENTENCES = {
    "strikes": [
        ("Russia", 1, "nsubj", "PROPN", "Russia"),
        ("launched", 1, "ROOT", "VERB", "launch"),
        ("air", 3, "compound", "NOUN", "air"),
        ("strikes", 1, "dobj", "NOUN", "strike"),
        ("on", 3, "prep", "ADP", "on"),
        ("Syria", 4, "pobj", "PROPN", "Syria"),
        (".", 1, "punct", "PUNCT", "."),
    ],
    "called on": [
        ("Israel", 1, "nsubj", "PROPN", "Israel"),
        ("called", 1, "ROOT", "VERB", "call"),
        ("on", 1, "prep", "ADP", "on"),
        ("Hamas", 2, "pobj", "PROPN", "Hamas"),
        ("to", 5, "aux", "PART", "to"),
        ("release", 1, "xcomp", "VERB", "release"),
        ("hostages", 5, "dobj", "NOUN", "hostage"),
        (".", 1, "punct", "PUNCT", "."),
    ],
    "passive": [
        ("Troops", 2, "nsubjpass", "NOUN", "troop"),
        ("were", 2, "auxpass", "AUX", "be"),
        ("sent", 2, "ROOT", "VERB", "send"),
        ("to", 2, "prep", "ADP", "to"),
        ("Mali", 3, "pobj", "PROPN", "Mali"),
        ("by", 2, "agent", "ADP", "by"),
        ("France", 5, "pobj", "PROPN", "France"),
        (".", 2, "punct", "PUNCT", "."),
    ],
    "talks": [
        ("Iran", 1, "nsubj", "PROPN", "Iran"),
        ("held", 1, "ROOT", "VERB", "hold"),
        ("peace", 3, "compound", "NOUN", "peace"),
        ("talks", 1, "dobj", "NOUN", "talk"),
        ("with", 3, "prep", "ADP", "with"),
        ("Iraq", 4, "pobj", "PROPN", "Iraq"),
        ("and", 1, "cc", "CCONJ", "and"),
        ("signed", 1, "conj", "VERB", "sign"),
        ("an", 9, "det", "DET", "an"),
        ("agreement", 7, "dobj", "NOUN", "agreement"),
        (".", 1, "punct", "PUNCT", "."),
    ],
}


def full_match(token: Token, index: PatternIndex) -> Match | None:
    """`match_token` without shortcuts: every candidate pattern checked in full, alone."""
    pos = trigger_pos(token)
    if pos is None:
        return None
    best: Match | None = None
    best_score = -1
    for pattern in candidates(token, pos, index):
        ok, obj = satisfies(token, pattern)
        if not ok:
            continue
        score = pattern.specificity + (phrase_words(obj, pattern.object) - 1 if obj else 0)
        if score > best_score:
            best, best_score = Match(token, pattern, obj), score
    if best is None or best.pattern.cameo is None:
        return None
    return best


@pytest.mark.parametrize("name", sorted(SENTENCES))
def test_match_token_equals_full_check(event_coder, name: str) -> None:
    doc: Doc = parse(SENTENCES[name])
    found = [match_token(token, event_coder.patterns) for token in doc]
    assert found == [full_match(token, event_coder.patterns) for token in doc]
    assert any(found)


def naive_matches_phrase(token: Token, phrases: tuple[str, ...]) -> bool:
    forms = {token.lemma_.lower(), token.text.lower()}
    modifiers = {
        w
        for c in token.children
        if c.dep_ in {"compound", "amod", "nmod", "npadvmod"}
        for w in (c.lemma_.lower(), c.text.lower())
    }
    for phrase in phrases:
        *mods, head = phrase.split()
        if head in forms and all(m in modifiers for m in mods):
            return True
    return False


@pytest.mark.parametrize(
    "phrases",
    [("strike",), ("air strike",), ("missile strike", "air raid"), ("peace talks",), ("talk",)],
)
def test_phrases_by_head_equal_naive_check(phrases: tuple[str, ...]) -> None:
    for rows in SENTENCES.values():
        for token in parse(rows):
            assert matches_phrase(token, phrases, TokenFacts()) == naive_matches_phrase(
                token, phrases
            )


def test_pattern_object_heads() -> None:
    pattern = Pattern("p", ("launch",), "VERB", "195", 0.6, object=("air strike", "raid"))
    assert pattern.object_heads == {"strike", "raid"}
    assert Pattern("q", ("say",), "VERB", None, 0.6).object_heads == frozenset()
