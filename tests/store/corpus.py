"""Synthetic documents and events for store and analysis tests (no coder needed)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from realpolitik.records import (
    Actor,
    Attribution,
    CoderInfo,
    Document,
    Event,
    EventDate,
    Place,
    Post,
    Trigger,
)

#: event type -> (cameo, quad class, goldstein)
CODES = {
    "CONSULT": ("040", 1, 1.0),
    "AGREE": ("057", 1, 8.0),
    "COOPERATE": ("064", 2, 7.0),
    "AID": ("074", 2, 8.0),
    "ACCUSE": ("112", 3, -2.0),
    "THREATEN": ("138", 3, -7.0),
    "SANCTION": ("163", 4, -8.0),
    "ASSAULT": ("195", 4, -10.0),
}

NAMES = {
    "RUS": "Russia", "IRN": "Iran", "SYR": "Syria", "USA": "United States",
    "GBR": "United Kingdom", "ISR": "Israel", "TUR": "Turkey", "SAU": "Saudi Arabia",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Coded:
    """Same shape as `realpolitik.pipeline.CodedDocument`."""

    document: Document
    events: tuple[Event, ...]


def actor(spec: str) -> Actor:
    """ "RUS", "RUS/MIL" or "LBNREB:Hezbollah" -> an Actor."""
    if ":" in spec:
        code, name = spec.split(":")
        return Actor(name, name, code[:3], code[3:], code, name.lower(), 0, len(name))
    country, _, sector = spec.partition("/")
    sector = sector or "GOV"
    name = NAMES.get(country, country)
    return Actor(name, name, country, sector, country + sector, f"country:{country}", 0, len(name))


def event(
    doc_id: str,
    n: int,
    source: str,
    kind: str,
    target: str,
    *,
    status: str = "asserted",
    when: str | None = None,
    precision: str = "day",
    basis: str = "explicit",
    place: str | None = "SYR",
    sentence: str | None = None,
) -> Event:
    cameo, quad, goldstein = CODES[kind]
    text = sentence or f"{source} {kind.lower()} {target} (sentence {n})."
    return Event(
        event_id=hashlib.sha1(f"{doc_id}|{n}".encode()).hexdigest()[:20],
        doc_id=doc_id,
        post_id=f"{doc_id}:0",
        sentence_id=n,
        sentence=text,
        event_type=kind,
        mode=None,
        context=(),
        cameo=cameo,
        quad_class=quad,
        goldstein=goldstein,
        actor=actor(source),
        recipient=actor(target),
        status=status,
        attribution=Attribution(publisher="Example"),
        date=EventDate(
            when, when, precision if when else "unknown", None, basis if when else "unknown"
        ),
        location=None if place is None else Place(place, place, place, None, None, None),
        trigger=Trigger(kind.lower(), 4, 4 + len(kind)),
        coder=CoderInfo("rule", "test", 0.9),
    )


def document(
    doc_id: str, day: str, publisher: str = "Example News", text: str | None = None
) -> Document:
    body = text or f"Body of {doc_id}."
    digest = hashlib.sha1(body.encode()).hexdigest()
    post = Post(
        f"{doc_id}:0", doc_id, 0, "article", body, title=doc_id, date=date.fromisoformat(day)
    )
    return Document(doc_id, f"{doc_id}.txt", digest, (post,), title=f"Title {doc_id}",
                    publisher=publisher, date=date.fromisoformat(day))  # fmt: skip


def coded(doc_id: str, day: str, specs: list[tuple], publisher: str = "Example News") -> Coded:
    """A coded document: each spec is (source, kind, target) or (source, kind, target, kwargs)."""
    events = []
    for n, spec in enumerate(specs):
        kwargs = {"when": day, **(spec[3] if len(spec) > 3 else {})}
        events.append(event(doc_id, n, spec[0], spec[1], spec[2], **kwargs))
    return Coded(document(doc_id, day, publisher, text=f"{doc_id} {specs}"), tuple(events))


HEZBOLLAH = "LBNREB:Hezbollah"

#: The seeds' system in miniature: an IRN-RUS-SYR-Hezbollah axis against the US and allies.
AXIS = [
    ("RUS/MIL", "AID", "SYR"),
    ("RUS", "CONSULT", "IRN"),
    ("IRN", "AID", "SYR/MIL"),
    ("IRN/MIL", "COOPERATE", HEZBOLLAH),
    (HEZBOLLAH, "COOPERATE", "SYR/MIL"),
    ("SYR", "AGREE", "RUS"),
    ("IRN", "AGREE", "RUS"),
]
WEST = [
    ("USA", "CONSULT", "GBR"),
    ("USA", "AID", "ISR"),
    ("GBR", "AGREE", "ISR"),
    ("SAU", "CONSULT", "USA"),
]
HOSTILE = [
    ("USA", "SANCTION", "IRN"),
    ("USA", "ACCUSE", "RUS"),
    ("ISR/MIL", "ASSAULT", HEZBOLLAH),
    ("SAU", "ACCUSE", "IRN"),
    ("GBR", "ACCUSE", "RUS"),
    ("IRN", "THREATEN", "USA"),
    ("ISR", "ACCUSE", "IRN"),
    ("USA", "ACCUSE", "SYR"),
]
#: Not things that happened in the window: must not move present-day relations.
NON_FACTUAL = [
    ("USA/MIL", "ASSAULT", "RUS", {"status": "hypothetical"}),
    ("USA/MIL", "ASSAULT", "SYR", {"status": "future"}),
    ("RUS", "AID", "USA", {"status": "negated"}),
]
HISTORY = [
    ("RUS/MIL", "ASSAULT", "IRN", {"when": "1826-01-01", "precision": "century"}),
    ("RUS", "AID", "IRQ", {"when": "1985-01-01", "precision": "decade"}),
]


def world(store, weeks: int = 12, start: str = "2016-12-05") -> None:
    """Fill `store` with `weeks` weekly documents from two outlets; USA-RUS turns sour halfway."""
    first = date.fromisoformat(start)
    for week in range(weeks):
        day = (first + timedelta(days=7 * week)).isoformat()
        usa_rus = ("USA", "AGREE", "RUS") if week < weeks // 2 else ("USA", "SANCTION", "RUS")
        specs = [*AXIS, *WEST, *HOSTILE, usa_rus, *NON_FACTUAL, *HISTORY]
        store.add_coded(coded(f"w{week}", day, [tuple(s) for s in specs], publisher="Wire A"))
        echo = [*AXIS[:3], *HOSTILE[:2], usa_rus]
        store.add_coded(coded(f"e{week}", day, echo, publisher="Paper B"))
