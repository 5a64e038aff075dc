"""Clause transformations and reciprocal patterns on hand-built parses."""

from pathlib import Path

import pytest

from realpolitik.errors import DataValidationError
from realpolitik.events.transform import load_transformations
from tests.events.parses import mention, parse, post_for


def code(event_coder, doc, spans):
    mentions = [mention(doc, start, end, actor) for start, end, actor in spans]
    return sorted(
        (
            e.code.cameo,
            e.actor.actor.code if e.actor else None,
            e.recipient.actor.code if e.recipient else None,
        )
        for e in event_coder.code(doc, post_for(doc), mentions)
    )


def claim_attack(order: str):
    if order == "speech first":  # The US claimed ISIL attacked Iraq .
        return parse(
            [
                ("The", 1, "det", "DET", "the"),
                ("US", 2, "nsubj", "PROPN", "US"),
                ("claimed", 2, "ROOT", "VERB", "claim"),
                ("ISIL", 4, "nsubj", "PROPN", "ISIL"),
                ("attacked", 2, "ccomp", "VERB", "attack"),
                ("Iraq", 4, "dobj", "PROPN", "Iraq"),
                (".", 2, "punct", "PUNCT", "."),
            ]
        )
    return parse(  # ISIL attacked Iraq , the US claimed .
        [
            ("ISIL", 1, "nsubj", "PROPN", "ISIL"),
            ("attacked", 6, "ccomp", "VERB", "attack"),
            ("Iraq", 1, "dobj", "PROPN", "Iraq"),
            (",", 6, "punct", "PUNCT", ","),
            ("the", 5, "det", "DET", "the"),
            ("US", 6, "nsubj", "PROPN", "US"),
            ("claimed", 6, "ROOT", "VERB", "claim"),
            (".", 6, "punct", "PUNCT", "."),
        ]
    )


def test_reported_violence_is_also_an_accusation(event_coder):
    doc = claim_attack("speech first")
    events = code(event_coder, doc, [(1, 2, "USA"), (3, 4, "IMGREBISI"), (5, 6, "IRQ")])
    assert events == [("112", "USA", "IMGREBISI"), ("190", "IMGREBISI", "IRQ")]


def test_sentence_final_source_is_not_an_accuser(event_coder):
    doc = claim_attack("source last")
    events = code(event_coder, doc, [(0, 1, "IMGREBISI"), (2, 3, "IRQ"), (5, 6, "USA")])
    assert events == [("190", "IMGREBISI", "IRQ")]


def test_intended_violence_becomes_a_threat(event_coder):
    # Obama wants to attack Switzerland .
    doc = parse(
        [
            ("Obama", 1, "nsubj", "PROPN", "Obama"),
            ("wants", 1, "ROOT", "VERB", "want"),
            ("to", 3, "aux", "PART", "to"),
            ("attack", 1, "xcomp", "VERB", "attack"),
            ("Switzerland", 3, "dobj", "PROPN", "Switzerland"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    assert code(event_coder, doc, [(0, 1, "USAGOV"), (4, 5, "CHE")]) == [("138", "USAGOV", "CHE")]


def test_talks_with_a_party_are_reciprocal_but_not_with_a_place(event_coder):
    # Iran held talks with Russia in Geneva .
    doc = parse(
        [
            ("Iran", 1, "nsubj", "PROPN", "Iran"),
            ("held", 1, "ROOT", "VERB", "hold"),
            ("talks", 1, "dobj", "NOUN", "talk"),
            ("with", 2, "prep", "ADP", "with"),
            ("Russia", 3, "pobj", "PROPN", "Russia"),
            ("in", 1, "prep", "ADP", "in"),
            ("Geneva", 5, "pobj", "PROPN", "Geneva"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRN"), (4, 5, "RUS"), (6, 7, "CHE")])
    assert events == [("046", "IRN", "RUS"), ("046", "RUS", "IRN")]


def test_transformation_file_is_validated(tmp_path: Path):
    path = tmp_path / "t.yaml"
    path.write_text(
        "provenance: {origin: x, licence: MIT}\ntransformations:\n"
        "- {id: t1, verbs: [say], clause: nmod, inner: ['19'], speaker: other, cameo: '112',"
        " confidence: 0.5}\n",
        encoding="utf-8",
    )
    with pytest.raises(DataValidationError, match="t1"):
        load_transformations(path, {"112"})


def said_it_would(negated: bool):
    """Israel said it would (not) free prisoners to Gaza ."""
    rows = [
        ("Israel", 1, "nsubj", "PROPN", "Israel"),
        ("said", 1, "ROOT", "VERB", "say"),
        ("it", 5, "nsubj", "PRON", "it"),
        ("would", 5, "aux", "AUX", "would"),
        ("not", 5, "neg", "PART", "not"),
        ("free", 1, "ccomp", "VERB", "free"),
        ("prisoners", 5, "dobj", "NOUN", "prisoner"),
        (".", 1, "punct", "PUNCT", "."),
    ]
    if not negated:
        rows = [
            (w, h - (h > 4), d, p, lemma) for i, (w, h, d, p, lemma) in enumerate(rows) if i != 4
        ]
    return parse(rows)


def test_said_it_would_is_an_announced_intent(event_coder):
    doc = said_it_would(negated=False)
    events = code(event_coder, doc, [(0, 1, "ISR"), (2, 3, "ISR"), (5, 6, "PSE")])
    assert events == [("035", "ISR", "PSE")]


def test_said_it_would_not_is_a_refusal(event_coder):
    doc = said_it_would(negated=True)
    events = code(event_coder, doc, [(0, 1, "ISR"), (2, 3, "ISR"), (6, 7, "PSE")])
    assert events == [("124", "ISR", "PSE")]


def test_coordinated_subjects_each_express_the_intent(event_coder):
    # Brazil and Russia seek to deepen a partnership .
    doc = parse(
        [
            ("Brazil", 3, "nsubj", "PROPN", "Brazil"),
            ("and", 0, "cc", "CCONJ", "and"),
            ("Russia", 0, "conj", "PROPN", "Russia"),
            ("seek", 3, "ROOT", "VERB", "seek"),
            ("to", 5, "aux", "PART", "to"),
            ("deepen", 3, "xcomp", "VERB", "deepen"),
            ("a", 7, "det", "DET", "a"),
            ("partnership", 5, "dobj", "NOUN", "partnership"),
            (".", 3, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "BRA"), (2, 3, "RUS")])
    assert events == [("032", "BRA", "RUS"), ("032", "RUS", "BRA")]


def test_asking_another_to_act_is_an_appeal_to_it(event_coder):
    # Congress asked Obama to help Iran .
    doc = parse(
        [
            ("Congress", 1, "nsubj", "PROPN", "Congress"),
            ("asked", 1, "ROOT", "VERB", "ask"),
            ("Obama", 1, "dobj", "PROPN", "Obama"),
            ("to", 4, "aux", "PART", "to"),
            ("help", 1, "xcomp", "VERB", "help"),
            ("Iran", 4, "dobj", "PROPN", "Iran"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "USALEG"), (2, 3, "USAGOV"), (5, 6, "IRN")])
    assert ("023", "USALEG", "USAGOV") in events
    assert not any(cameo.startswith("07") for cameo, _, _ in events)  # help is only asked for


def test_promise_to_act_is_an_intent_that_replaces_the_bare_promise(event_coder):
    # Britain promised to help Mozambique .
    doc = parse(
        [
            ("Britain", 1, "nsubj", "PROPN", "Britain"),
            ("promised", 1, "ROOT", "VERB", "promise"),
            ("to", 3, "aux", "PART", "to"),
            ("help", 1, "xcomp", "VERB", "help"),
            ("Mozambique", 3, "dobj", "PROPN", "Mozambique"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "GBR"), (4, 5, "MOZ")])
    assert events == [("033", "GBR", "MOZ")]


def test_saying_another_must_act_is_a_demand(event_coder):
    # France said Iraq must cooperate with Russia .
    doc = parse(
        [
            ("France", 1, "nsubj", "PROPN", "France"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("Iraq", 4, "nsubj", "PROPN", "Iraq"),
            ("must", 4, "aux", "AUX", "must"),
            ("cooperate", 1, "ccomp", "VERB", "cooperate"),
            ("with", 4, "prep", "ADP", "with"),
            ("Russia", 5, "pobj", "PROPN", "Russia"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "FRA"), (2, 3, "IRQ"), (6, 7, "RUS")])
    assert events == [("100", "FRA", "IRQ")]


def test_announced_sanctions_are_a_threat(event_coder):
    # Iran said it would sanction Britain .
    doc = parse(
        [
            ("Iran", 1, "nsubj", "PROPN", "Iran"),
            ("said", 1, "ROOT", "VERB", "say"),
            ("it", 4, "nsubj", "PRON", "it"),
            ("would", 4, "aux", "AUX", "would"),
            ("sanction", 1, "ccomp", "VERB", "sanction"),
            ("Britain", 4, "dobj", "PROPN", "Britain"),
            (".", 1, "punct", "PUNCT", "."),
        ]
    )
    events = code(event_coder, doc, [(0, 1, "IRN"), (2, 3, "IRN"), (5, 6, "GBR")])
    assert events == [("131", "IRN", "GBR")]
