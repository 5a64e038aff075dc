"""Typed records that flow between the stages.

Every stage takes and returns these plain, frozen dataclasses; nothing here
knows about spaCy, DuckDB or the CLI.  `Event.to_dict()` is the event-record
contract of DESIGN.md: every field present, ``None`` where unknown.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import Any


class Status(StrEnum):
    """How the text presents an event: as fact, as someone's claim, or as not (yet) real."""

    ASSERTED = "asserted"
    REPORTED = "reported"
    HYPOTHETICAL = "hypothetical"
    FUTURE = "future"
    NEGATED = "negated"
    QUESTION = "question"


#: Statuses of events that the text says happened (possibly per someone's claim).
FACTUAL_STATUSES = frozenset({Status.ASSERTED, Status.REPORTED})


class DatePrecision(StrEnum):
    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    UNKNOWN = "unknown"


class DateBasis(StrEnum):
    EXPLICIT = "explicit"
    RELATIVE = "relative"
    PERIOD = "period"
    PUBLICATION = "publication"
    UNKNOWN = "unknown"


# --------------------------------------------------------------------------- documents


@dataclass(frozen=True, slots=True)
class Post:
    """One unit of authored text: an article body or one reader comment."""

    post_id: str
    doc_id: str
    index: int
    kind: str  # "article" | "comment" | "text"
    text: str
    title: str | None = None
    author: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """An ingested document: metadata plus its posts (body first, then comments)."""

    doc_id: str
    source: str  # path, URL, "stdin" or "<row n of file>"
    content_hash: str
    posts: tuple[Post, ...]
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    original_source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(post.text for post in self.posts)


@dataclass(frozen=True, slots=True)
class Skipped:
    """A document that could not be coded, and why (one line, for humans)."""

    source: str
    reason: str


# --------------------------------------------------------------------------- actors


@dataclass(frozen=True, slots=True)
class Actor:
    """A resolved actor mention as it appears in an event record.

    ``start``/``end`` are character offsets into the post text (``None`` for an
    actor that was inferred rather than read off the text).
    """

    text: str | None
    name: str | None
    country: str | None  # ISO 3166 alpha-3, "IGO", or None
    sector: str | None  # CAMEO agent code: GOV MIL REB ...
    code: str | None  # e.g. "IRNMIL"
    id: str | None  # dictionary entry id
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class ActorMention:
    """An actor found in a parsed post: the actor plus its token span."""

    actor: Actor
    start_token: int
    end_token: int  # exclusive
    kind: str  # "name" | "country" | "metonym" | "person" | "group" | "agent" | "pronoun"
    rule: str | None = None  # dictionary entry or resolution rule that produced it


# --------------------------------------------------------------------------- events


@dataclass(frozen=True, slots=True)
class Trigger:
    text: str
    start: int  # character offset into the post text
    end: int


@dataclass(frozen=True, slots=True)
class CoderInfo:
    method: str  # "rule" | "model" | "hybrid"
    rule: str | None
    confidence: float


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: Actor | None = None
    cue: str | None = None
    author: str | None = None
    publisher: str | None = None
    original_source: str | None = None


@dataclass(frozen=True, slots=True)
class EventDate:
    start: str | None = None  # ISO date
    end: str | None = None
    precision: str = DatePrecision.UNKNOWN.value
    text: str | None = None
    basis: str = DateBasis.UNKNOWN.value


@dataclass(frozen=True, slots=True)
class Place:
    text: str | None
    name: str | None
    country: str | None
    lat: float | None
    lon: float | None
    geonames_id: int | None


@dataclass(frozen=True, slots=True)
class EventCode:
    """The ontology side of an event: PLOVER type/mode/context and CAMEO code."""

    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    quad_class: int
    goldstein: float


@dataclass(frozen=True, slots=True)
class EventCandidate:
    """What the event coder found in a sentence, before context is resolved.

    Token indices refer to the spaCy Doc of the post, so the context stage can
    walk the parse around the trigger.
    """

    post_id: str
    sentence_id: int
    sentence_start: int  # character offsets of the sentence in the post text
    sentence_end: int
    trigger_start_token: int
    trigger_end_token: int  # exclusive
    trigger: Trigger
    code: EventCode
    actor: ActorMention | None
    recipient: ActorMention | None
    coder: CoderInfo


@dataclass(frozen=True, slots=True)
class EventContext:
    status: str = Status.ASSERTED.value
    attribution: Attribution = field(default_factory=Attribution)
    date: EventDate = field(default_factory=EventDate)
    location: Place | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event: the record of DESIGN.md's contract."""

    event_id: str
    doc_id: str
    post_id: str
    sentence_id: int
    sentence: str
    event_type: str
    mode: str | None
    context: tuple[str, ...]
    cameo: str
    quad_class: int
    goldstein: float
    actor: Actor | None
    recipient: Actor | None
    status: str
    attribution: Attribution
    date: EventDate
    location: Place | None
    trigger: Trigger
    coder: CoderInfo

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready contract record (every field present, None where unknown)."""
        record = dataclasses.asdict(self)
        record["context"] = list(self.context)
        return record


#: The contract's top-level fields, in order (for CSV headers and schema checks).
EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(Event))


def actor_from_dict(data: dict[str, Any] | None) -> Actor | None:
    return None if data is None else Actor(**data)


def event_from_dict(data: dict[str, Any]) -> Event:
    """Inverse of `Event.to_dict` (for the store and the Dask merge)."""
    attribution = dict(data["attribution"])
    attribution["speaker"] = actor_from_dict(attribution.get("speaker"))
    location = data.get("location")
    return Event(
        event_id=data["event_id"],
        doc_id=data["doc_id"],
        post_id=data["post_id"],
        sentence_id=data["sentence_id"],
        sentence=data["sentence"],
        event_type=data["event_type"],
        mode=data.get("mode"),
        context=tuple(data.get("context") or ()),
        cameo=data["cameo"],
        quad_class=data["quad_class"],
        goldstein=data["goldstein"],
        actor=actor_from_dict(data.get("actor")),
        recipient=actor_from_dict(data.get("recipient")),
        status=data["status"],
        attribution=Attribution(**attribution),
        date=EventDate(**data["date"]),
        location=None if location is None else Place(**location),
        trigger=Trigger(**data["trigger"]),
        coder=CoderInfo(**data["coder"]),
    )


@dataclass(frozen=True, slots=True)
class CodedDocument:
    """A document and the events coded from it (what every coding path yields)."""

    document: Document
    events: tuple[Event, ...]
