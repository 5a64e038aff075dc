"""A fake coder for API tests: codes "<Actor> <verb> ... <Actor>" sentences of the sample cast."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from realpolitik.records import (
    Attribution,
    CoderInfo,
    Document,
    Event,
    EventDate,
    Post,
    Trigger,
)
from realpolitik.web.sample import ACTIONS, CAST, cast_actor

NAMES = {cast.name.lower(): cast for cast in CAST}
VERBS = {action[4].split()[0]: action for action in ACTIONS}
_NAME = "|".join(re.escape(cast.name) for cast in CAST)
PATTERN = re.compile(rf"(?i)\b(?P<a>{_NAME})\s+(?P<verb>\w+)\b[^.]*?\b(?P<b>{_NAME})\b")


@dataclass(frozen=True, slots=True)
class FakeCoded:
    document: Document
    events: tuple[Event, ...]


def _sentences(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^.!?]+[.!?]?", text) if m.group().strip()]


def _event(
    document: Document, post: Post, sid: int, start: int, end: int, match: re.Match[str]
) -> Event:
    action = VERBS[match.group("verb").lower()]
    a_cast, b_cast = NAMES[match.group("a").lower()], NAMES[match.group("b").lower()]
    when = post.date or document.date
    iso = when.isoformat() if when else None
    return Event(
        event_id=hashlib.sha1(f"{document.content_hash}|{sid}".encode()).hexdigest()[:20],
        doc_id=document.doc_id,
        post_id=post.post_id,
        sentence_id=sid,
        sentence=post.text[start:end],
        event_type=action[0],
        mode=None,
        context=(),
        cameo=action[1],
        quad_class=action[2],
        goldstein=action[3],
        actor=cast_actor(a_cast, match.group("a"), match.start("a")),
        recipient=cast_actor(b_cast, match.group("b"), match.start("b")),
        status="asserted",
        attribution=Attribution(publisher=document.publisher),
        date=EventDate(iso, iso, "day" if iso else "unknown", None, "publication"),
        location=None,
        trigger=Trigger(match.group("verb"), match.start("verb"), match.end("verb")),
        coder=CoderInfo("rule", "fake", 0.5),
    )


class FakeCoder:
    """Codes one event per sentence that names two cast members around a known verb."""

    def __init__(self) -> None:
        self.calls = 0

    def code_document(self, document: Document) -> FakeCoded:
        self.calls += 1
        events: list[Event] = []
        for post in document.posts:
            for sid, (start, end) in enumerate(_sentences(post.text)):
                match = PATTERN.search(post.text, start, end)
                if match and match.group("verb").lower() in VERBS:
                    events.append(_event(document, post, sid, start, end, match))
        return FakeCoded(document, tuple(events))
