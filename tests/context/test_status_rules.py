"""Status rules on hand-built parses (no statistical parser involved)."""

from __future__ import annotations

from realpolitik.context.status import analyse_status, classify_status
from realpolitik.records import Status

from .conftest import parse


def test_conditional_consequent_is_hypothetical(cues):
    doc = parse(
        [
            ("the", 1, "det", "DET", "DT", "the"),
            ("Americans", 3, "nsubj", "PROPN", "NNPS", "Americans"),
            ("will", 3, "aux", "AUX", "MD", "will"),
            ("invade", 3, "ROOT", "VERB", "VB", "invade"),
            ("if", 6, "mark", "SCONJ", "IN", "if"),
            ("Iran", 6, "nsubj", "PROPN", "NNP", "Iran"),
            ("tilts", 3, "advcl", "VERB", "VBZ", "tilt"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 3, cues) == (Status.HYPOTHETICAL, "if")
    assert classify_status(doc, 6, cues) == (Status.HYPOTHETICAL, "if")


def test_future_modal_without_condition(cues):
    doc = parse(
        [
            ("Putin", 2, "nsubj", "PROPN", "NNP", "Putin"),
            ("will", 2, "aux", "AUX", "MD", "will"),
            ("visit", 2, "ROOT", "VERB", "VB", "visit"),
            ("Tehran", 2, "dobj", "PROPN", "NNP", "Tehran"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 2, cues) == (Status.FUTURE, "will")


def test_refusal_negates_its_complement_not_itself(cues):
    doc = parse(
        [
            ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
            ("refused", 1, "ROOT", "VERB", "VBD", "refuse"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("attend", 1, "xcomp", "VERB", "VB", "attend"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("talks", 3, "dobj", "NOUN", "NNS", "talk"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 3, cues) == (Status.NEGATED, "refuse")
    assert classify_status(doc, 1, cues) == (Status.ASSERTED, None)


def test_said_that_is_reported_with_speaker(cues):
    doc = parse(
        [
            ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("that", 4, "mark", "SCONJ", "IN", "that"),
            ("Russia", 4, "nsubj", "PROPN", "NNP", "Russia"),
            ("bombed", 1, "ccomp", "VERB", "VBD", "bomb"),
            ("Idlib", 4, "dobj", "PROPN", "NNP", "Idlib"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    result = analyse_status(doc, 4, cues)
    assert result.status == Status.REPORTED
    assert result.cue == "said"
    assert result.frame is not None and result.frame.speaker is not None
    assert result.frame.speaker.text == "Officials"


def test_negation_inside_report_beats_report(cues):
    doc = parse(
        [
            ("Tehran", 1, "nsubj", "PROPN", "NNP", "Tehran"),
            ("said", 1, "ROOT", "VERB", "VBD", "say"),
            ("it", 5, "nsubj", "PRON", "PRP", "it"),
            ("did", 5, "aux", "AUX", "VBD", "do"),
            ("not", 5, "neg", "PART", "RB", "not"),
            ("send", 1, "ccomp", "VERB", "VB", "send"),
            ("troops", 5, "dobj", "NOUN", "NNS", "troop"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 5, cues) == (Status.NEGATED, "not")


def test_question_mark_makes_question(cues):
    doc = parse(
        [
            ("Will", 2, "aux", "AUX", "MD", "will"),
            ("Russia", 2, "nsubj", "PROPN", "NNP", "Russia"),
            ("invade", 2, "ROOT", "VERB", "VB", "invade"),
            ("?", 2, "punct", "PUNCT", ".", "?"),
        ]
    )
    assert classify_status(doc, 2, cues)[0] == Status.QUESTION


def test_noun_event_of_support_verb_shares_its_modality(cues):
    doc = parse(
        [
            ("Israel", 3, "nsubj", "PROPN", "NNP", "Israel"),
            ("could", 3, "aux", "AUX", "MD", "could"),
            ("not", 3, "neg", "PART", "RB", "not"),
            ("launch", 3, "ROOT", "VERB", "VB", "launch"),
            ("strikes", 3, "dobj", "NOUN", "NNS", "strike"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 4, cues) == (Status.NEGATED, "not")


def test_noun_event_of_other_verb_keeps_its_own_status(cues):
    doc = parse(
        [
            ("Iran", 3, "nsubj", "PROPN", "NNP", "Iran"),
            ("did", 3, "aux", "AUX", "VBD", "do"),
            ("not", 3, "neg", "PART", "RB", "not"),
            ("condemn", 3, "ROOT", "VERB", "VB", "condemn"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("strike", 3, "dobj", "NOUN", "NN", "strike"),
            (".", 3, "punct", "PUNCT", ".", "."),
        ]
    )
    assert classify_status(doc, 5, cues) == (Status.ASSERTED, None)
    assert classify_status(doc, 3, cues) == (Status.NEGATED, "not")


def test_unparsed_sentence_uses_surface_cues(cues):
    import spacy
    from spacy.tokens import Doc

    doc = Doc(spacy.blank("en").vocab, words=["Russia", "will", "not", "invade", "Ukraine", "."])
    doc[0].is_sent_start = True
    assert classify_status(doc, 3, cues)[0] == Status.NEGATED
