"""Sentence-relative highlights from post offsets."""

from __future__ import annotations

from realpolitik.web.highlight import highlights, sentence_base


def _event(sentence: str, post_offset: int, trigger: str, actor: str, recipient: str) -> dict:
    def part(text: str, nth: int = 0) -> dict:
        at = -1
        for _ in range(nth + 1):
            at = sentence.index(text, at + 1)
        return {"text": text, "start": post_offset + at, "end": post_offset + at + len(text)}

    return {
        "sentence": sentence,
        "trigger": part(trigger, 1 if sentence.count(trigger) > 1 else 0),
        "actor": part(actor, 1 if sentence.count(actor) > 1 else 0),
        "recipient": part(recipient),
    }


def test_spans_line_up_with_the_sentence() -> None:
    event = _event("Later, Iran met Russia in Moscow.", 120, "met", "Iran", "Russia")
    spans = highlights(event)
    assert [(s["kind"], event["sentence"][s["start"] : s["end"]]) for s in spans] == [
        ("actor", "Iran"),
        ("trigger", "met"),
        ("recipient", "Russia"),
    ]
    assert sentence_base(event["sentence"], event) == 120


def test_repeated_trigger_is_placed_by_the_other_offsets() -> None:
    sentence = "Syria met Turkey, then Iran met Russia."
    event = _event(sentence, 40, "met", "Iran", "Russia")
    trigger = next(s for s in highlights(event) if s["kind"] == "trigger")
    assert trigger["start"] == sentence.index("met", 10)


def test_missing_offsets_fall_back_to_text_and_unknown_parts_are_skipped() -> None:
    event = {
        "sentence": "NATO warned Moscow.",
        "trigger": {"text": "warned", "start": None, "end": None},
        "actor": {"text": "NATO", "start": None},
        "recipient": {"text": "Kremlin", "start": 3},
    }
    assert [(s["kind"], s["start"]) for s in highlights(event)] == [("actor", 0), ("trigger", 5)]
    assert highlights({"sentence": None}) == []
