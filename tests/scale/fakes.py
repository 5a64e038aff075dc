"""A fast, deterministic stand-in for the real Coder (for executor and resume tests).

It codes one ASSAULT event per occurrence of the word "strike" in each post,
fails on any post containing "POISON", and sleeps ``REALPOLITIK_FAKE_DELAY``
seconds per document so a test can interrupt a run part-way.
"""

from __future__ import annotations

import hashlib
import os
import re
import time
from collections.abc import Iterable, Iterator

from realpolitik.records import (
    Actor,
    Attribution,
    CodedDocument,
    CoderInfo,
    Document,
    Event,
    EventDate,
    Post,
    Trigger,
)
from realpolitik.settings import Settings

WORD = re.compile(r"\bstrike\b")


class FakeCoder:
    """Has the `code_documents` interface of `realpolitik.pipeline.Coder`."""

    def __init__(self, delay: float = 0.0) -> None:
        self.delay = delay
        self.pid = os.getpid()

    @classmethod
    def load(cls, settings: Settings | None = None) -> FakeCoder:
        return cls(float(os.environ.get("REALPOLITIK_FAKE_DELAY", "0")))

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        for document in documents:
            if any("POISON" in post.text for post in document.posts):
                raise ValueError("poisoned document")
            time.sleep(self.delay)
            events = [e for post in document.posts for e in self.code_post(document, post)]
            yield CodedDocument(document, tuple(events))

    def code_post(self, document: Document, post: Post) -> list[Event]:
        return [
            fake_event(document, post, match.start(), match.end())
            for match in WORD.finditer(post.text)
        ]


def fake_event(document: Document, post: Post, start: int, end: int) -> Event:
    key = f"{document.content_hash}|{post.post_id}|{start}"
    actor = Actor("Russia", "Russia", "RUS", None, "RUS", "country:RUS", 0, 6)
    return Event(
        event_id=hashlib.sha1(key.encode()).hexdigest()[:20],
        doc_id=document.doc_id,
        post_id=post.post_id,
        sentence_id=0,
        sentence=post.text[max(0, start - 20) : end + 20],
        event_type="ASSAULT",
        mode="aerial",
        context=("military",),
        cameo="195",
        quad_class=4,
        goldstein=-10.0,
        actor=actor,
        recipient=None,
        status="asserted",
        attribution=Attribution(speaker=actor, cue="said", publisher="Example"),
        date=EventDate("2020-01-03", "2020-01-03", "day", "Friday", "explicit"),
        location=None,
        trigger=Trigger("strike", start, end),
        coder=CoderInfo("rule", "fake.strike", 0.5),
    )


def make_document(number: int, text: str) -> Document:
    """A one-post document with a content hash of its text."""
    digest = hashlib.sha1(text.encode()).hexdigest()
    doc_id = f"doc{number:04d}"
    post = Post(f"{doc_id}:0", doc_id, 0, "text", text)
    return Document(doc_id, f"memory:{number}", digest, (post,))


def sample_text(number: int) -> str:
    """Unique text with 0-2 occurrences of "strike"."""
    strikes = " A drone strike hit the base." * (number % 3)
    return f"Report number {number}. Officials met in the capital.{strikes}"
