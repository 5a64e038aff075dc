"""Where the actor, recipient and trigger of an event sit inside its sentence.

Event records carry offsets into the *post* text, not the sentence; the
sentence's own offset is not part of the contract. The trigger text is
searched for in the sentence and the placement that also lines up the
actor and recipient offsets wins; spans that cannot be aligned by offset
fall back to the first match of their text.
"""

from __future__ import annotations

from typing import Any

KINDS = ("actor", "recipient")


def _occurrences(text: str, needle: str) -> list[int]:
    found: list[int] = []
    if not needle:
        return found
    index = text.find(needle)
    while index != -1:
        found.append(index)
        index = text.find(needle, index + 1)
    return found


def _span(part: dict[str, Any] | None) -> tuple[str, int | None] | None:
    """(text, post offset) of a trigger or actor object, or None when it has no text."""
    if not part or not isinstance(part.get("text"), str) or not part["text"]:
        return None
    start = part.get("start")
    return part["text"], start if isinstance(start, int) else None


def _fits(sentence: str, text: str, position: int) -> bool:
    return position >= 0 and sentence[position : position + len(text)] == text


def sentence_base(sentence: str, event: dict[str, Any]) -> int | None:
    """The post offset at which the sentence starts, if the trigger can be placed in it."""
    trigger = _span(event.get("trigger"))
    if trigger is None or trigger[1] is None:
        return None
    text, start = trigger
    others = [s for s in (_span(event.get(k)) for k in KINDS) if s and s[1] is not None]
    best: tuple[int, int] | None = None
    for position in _occurrences(sentence, text):
        base = start - position
        score = sum(_fits(sentence, t, s - base) for t, s in others)
        if best is None or score > best[0]:
            best = (score, base)
    return None if best is None else best[1]


def _place(sentence: str, text: str, start: int | None, base: int | None) -> int | None:
    if base is not None and start is not None and _fits(sentence, text, start - base):
        return start - base
    occurrences = _occurrences(sentence, text)
    return occurrences[0] if occurrences else None


def highlights(event: dict[str, Any]) -> list[dict[str, Any]]:
    """Sentence-relative spans ``{"start","end","kind"}`` for actor, recipient and trigger."""
    sentence = event.get("sentence")
    if not isinstance(sentence, str) or not sentence:
        return []
    base = sentence_base(sentence, event)
    spans: list[dict[str, Any]] = []
    for kind in (*KINDS, "trigger"):
        part = _span(event.get(kind))
        if part is None:
            continue
        position = _place(sentence, part[0], part[1], base)
        if position is not None:
            spans.append({"start": position, "end": position + len(part[0]), "kind": kind})
    return sorted(spans, key=lambda span: (span["start"], span["end"]))


def with_highlights(event: dict[str, Any]) -> dict[str, Any]:
    """The event record with its ``highlights`` added."""
    return {**event, "highlights": highlights(event)}
