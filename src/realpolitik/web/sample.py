"""A small synthetic coded database, for trying the UI, the browser tests and the load check.

The documents are generated from a seeded random walk over a fixed cast of
actors (two rival blocs and one actor that changes sides half-way), so the
network has blocs and the relations have a shift; every event is a real
`Event` whose offsets point into its post, stored through `EventStore`.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass
from datetime import date

from realpolitik.records import (
    Actor,
    Attribution,
    CoderInfo,
    Document,
    Event,
    EventDate,
    Post,
    Trigger,
)


@dataclass(frozen=True, slots=True)
class SampleDocument:
    """Shaped like `pipeline.CodedDocument` (what `EventStore.add_coded` reads), without spaCy."""

    document: Document
    events: tuple[Event, ...]


@dataclass(frozen=True, slots=True)
class Cast:
    code: str
    name: str
    country: str | None
    sector: str
    bloc: int


CAST = (
    Cast("IRNGOV", "Iran", "IRN", "GOV", 0),
    Cast("RUSGOV", "Russia", "RUS", "GOV", 0),
    Cast("SYRGOV", "Syria", "SYR", "GOV", 0),
    Cast("LBNREB", "Hezbollah", "LBN", "REB", 0),
    Cast("USAGOV", "the United States", "USA", "GOV", 1),
    Cast("ISRGOV", "Israel", "ISR", "GOV", 1),
    Cast("SAUGOV", "Saudi Arabia", "SAU", "GOV", 1),
    Cast("IGOWSTNAT", "NATO", "IGO", "IGO", 1),
    Cast("TURGOV", "Turkey", "TUR", "GOV", 2),
)

#: (PLOVER type, CAMEO, quad class, Goldstein, phrase whose first word is the trigger)
ACTIONS = (
    ("CONSULT", "040", 1, 1.0, "met officials from"),
    ("AGREE", "057", 1, 8.0, "signed an agreement with"),
    ("SUPPORT", "051", 1, 3.4, "praised"),
    ("COOPERATE", "061", 2, 6.4, "expanded military cooperation with"),
    ("AID", "070", 2, 7.0, "sent aid to"),
    ("ACCUSE", "112", 3, -2.0, "accused"),
    ("THREATEN", "138", 3, -7.0, "threatened"),
    ("REJECT", "120", 3, -4.0, "rejected demands from"),
    ("SANCTION", "163", 4, -8.0, "imposed sanctions on"),
    ("ASSAULT", "190", 4, -10.0, "launched strikes against"),
)
PLACES = ("Tehran", "Moscow", "Damascus", "Beirut", "Washington", "Ankara", "Riyadh", "Brussels")
PUBLISHERS = ("Gulf Monitor", "Eastern Review", "Levant Daily", "Atlantic Wire")
START = date(2019, 1, 1)
MONTHS = 24


def cast_actor(cast: Cast, text: str, start: int) -> Actor:
    """The actor record of a cast member mentioned as `text` at character `start`."""
    return Actor(
        text,
        cast.name,
        cast.country,
        cast.sector,
        cast.code,
        cast.code.lower(),
        start,
        start + len(text),
    )


def _cooperative(a: Cast, b: Cast, month: int) -> bool:
    """Same bloc cooperates; Turkey sides with bloc 1 in year one and bloc 0 in year two."""
    blocs = {a.bloc, b.bloc}
    if 2 in blocs:
        other = (blocs - {2}).pop() if len(blocs) > 1 else 2
        return other == (1 if month < MONTHS // 2 else 0)
    return a.bloc == b.bloc


def _sentence(rng: random.Random, month: int) -> tuple[str, dict]:
    a, b = rng.sample(CAST, 2)
    friendly = _cooperative(a, b, month) != (rng.random() < 0.12)
    action = rng.choice([x for x in ACTIONS if (x[2] <= 2) == friendly])
    place = rng.choice(PLACES)
    status = rng.choices(["asserted", "reported", "hypothetical"], [0.75, 0.2, 0.05])[0]
    lead = {
        "asserted": "",
        "reported": "According to officials, ",
        "hypothetical": "If talks fail, ",
    }
    verb = action[4] if status != "hypothetical" else "could " + action[4]
    text = f"{lead[status]}{a.name} {verb} {b.name} in {place}."
    text = text[0].upper() + text[1:]
    return text, {"a": a, "b": b, "action": action, "status": status, "verb": verb}


def _event(
    document_id: str,
    post_id: str,
    sid: int,
    offset: int,
    text: str,
    parts: dict,
    when: date,
    publisher: str,
) -> Event:
    a, b, action = parts["a"], parts["b"], parts["action"]
    a_at = text.lower().index(a.name.lower())
    a_start = offset + a_at
    verb_start = offset + text.index(parts["verb"], a_start - offset)
    trigger_word = parts["verb"].split()[0]
    b_start = offset + text.index(b.name, verb_start - offset + len(parts["verb"]))
    key = f"{document_id}|{sid}".encode()
    return Event(
        event_id=hashlib.sha1(key).hexdigest()[:20],
        doc_id=document_id,
        post_id=post_id,
        sentence_id=sid,
        sentence=text,
        event_type=action[0],
        mode=None,
        context=(),
        cameo=action[1],
        quad_class=action[2],
        goldstein=action[3],
        actor=cast_actor(a, text[a_at : a_at + len(a.name)], a_start),
        recipient=cast_actor(b, b.name, b_start),
        status=parts["status"],
        attribution=Attribution(publisher=publisher),
        date=EventDate(when.isoformat(), when.isoformat(), "day", None, "publication"),
        location=None,
        trigger=Trigger(trigger_word, verb_start, verb_start + len(trigger_word)),
        coder=CoderInfo("rule", "sample", 0.9),
    )


def sample_document(rng: random.Random, index: int) -> SampleDocument:
    """One synthetic article with 3-6 coded sentences."""
    month = index % MONTHS
    when = date(
        START.year + (START.month - 1 + month) // 12,
        (START.month - 1 + month) % 12 + 1,
        1 + rng.randrange(28),
    )
    publisher = rng.choice(PUBLISHERS)
    doc_id = f"sample-{index:04d}"
    post_id = f"{doc_id}-p0"
    sentences, events, offset = [], [], 0
    for sid in range(rng.randint(3, 6)):
        text, parts = _sentence(rng, month)
        events.append(_event(doc_id, post_id, sid, offset, text, parts, when, publisher))
        sentences.append(text)
        offset += len(text) + 1
    body = " ".join(sentences)
    post = Post(post_id, doc_id, 0, "article", body, None, None, when)
    document = Document(
        doc_id=doc_id,
        source=f"sample:{index}",
        content_hash=hashlib.sha1(body.encode()).hexdigest(),
        posts=(post,),
        title=f"Regional briefing {index + 1}",
        publisher=publisher,
        date=when,
    )
    return SampleDocument(document, tuple(events))


def sample_documents(count: int = 120, seed: int = 7) -> list[SampleDocument]:
    rng = random.Random(seed)
    return [sample_document(rng, index) for index in range(count)]


def build_sample_store(path: str, count: int = 120, seed: int = 7) -> dict[str, int]:
    """Write `count` synthetic coded documents into the store at `path`; return its stats."""
    from realpolitik.store import EventStore

    with EventStore.open(path) as store:
        for coded in sample_documents(count, seed):
            store.add_coded(coded)
        return store.stats()
