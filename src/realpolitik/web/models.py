"""Response models of the API: the event-record contract and the analysis shapes, for OpenAPI.

Models allow extra keys, so a field the store adds later passes through
rather than breaking the API.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class ActorOut(Open):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    code: str | None = None
    id: str | None = None
    start: int | None = None
    end: int | None = None


class AttributionOut(Open):
    speaker: ActorOut | None = None
    cue: str | None = None
    author: str | None = None
    publisher: str | None = None
    original_source: str | None = None


class DateOut(Open):
    start: str | None = None
    end: str | None = None
    precision: str | None = None
    text: str | None = None
    basis: str | None = None


class PlaceOut(Open):
    text: str | None = None
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None


class TriggerOut(Open):
    text: str | None = None
    start: int | None = None
    end: int | None = None


class CoderOut(Open):
    method: str | None = None
    rule: str | None = None
    confidence: float | None = None


class Highlight(BaseModel):
    """A span of the event's sentence (offsets into `sentence`)."""

    start: int
    end: int
    kind: Literal["actor", "recipient", "trigger"]


class EventOut(Open):
    """One event record (DESIGN.md contract) plus store extras and sentence highlights."""

    event_id: str
    doc_id: str | None = None
    post_id: str | None = None
    sentence_id: int | None = None
    sentence: str | None = None
    event_type: str | None = None
    mode: str | None = None
    context: list[str] = Field(default_factory=list)
    cameo: str | None = None
    quad_class: int | None = None
    goldstein: float | None = None
    actor: ActorOut | None = None
    recipient: ActorOut | None = None
    status: str | None = None
    attribution: AttributionOut | None = None
    date: DateOut | None = None
    location: PlaceOut | None = None
    trigger: TriggerOut | None = None
    coder: CoderOut | None = None
    highlights: list[Highlight] = Field(default_factory=list)


class EventPage(BaseModel):
    total: int
    limit: int
    offset: int
    events: list[EventOut]


class SpanOut(Open):
    start: int
    end: int
    kind: str
    event_id: str | None = None
    label: str | None = None


class PostOut(Open):
    post_id: str
    index: int | None = None
    kind: str | None = None
    title: str | None = None
    author: str | None = None
    date: str | None = None
    text: str
    spans: list[SpanOut] = Field(default_factory=list)


class DocumentOut(Open):
    doc_id: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    original_source: str | None = None
    source: str | None = None
    posts: list[PostOut] = Field(default_factory=list)


class CodedOut(BaseModel):
    """What POST /documents returns: the stored document with its spans, and its events."""

    doc_id: str
    events: list[EventOut]
    document: DocumentOut | None


class ActorSummary(Open):
    code: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    events: int = 0


class DyadCounts(Open):
    q1: float = 0
    q2: float = 0
    q3: float = 0
    q4: float = 0
    goldstein: float = 0
    events: int = 0


class PeriodOut(Open):
    period: str
    a_to_b: DyadCounts
    b_to_a: DyadCounts
    undirected: DyadCounts
    balance: float | None = None
    evidence: list[EventOut] = Field(default_factory=list)


class RelationOut(Open):
    a: str
    b: str
    freq: str
    periods: list[PeriodOut]


class NodeOut(Open):
    id: str
    label: str | None = None
    country: str | None = None
    events: int = 0
    bloc: int | None = None


class EdgeOut(Open):
    source: str
    target: str
    weight: float = 0
    cooperation: float = 0
    conflict: float = 0
    events: int = 0
    alignment: float | None = None


class AlignmentOut(Open):
    a: str
    b: str
    score: float


class NetworkOut(Open):
    nodes: list[NodeOut]
    edges: list[EdgeOut]
    blocs: list[list[str]] = Field(default_factory=list)
    alignment: list[AlignmentOut] = Field(default_factory=list)


class ShiftOut(Open):
    a: str
    b: str
    period: str
    before: float | None = None
    after: float | None = None
    delta: float | None = None
    evidence: list[EventOut] = Field(default_factory=list)


class InfoOut(BaseModel):
    """What the UI needs to know about the server."""

    version: str
    read_only: bool
    max_upload_bytes: int
    stats: dict[str, int]
    date_from: str | None = Field(default=None, description="Earliest event date")
    date_to: str | None = Field(default=None, description="Latest event date")
    window_from: str | None = Field(default=None, description="2nd percentile of event dates")
    window_to: str | None = Field(default=None, description="98th percentile of event dates")


class Problem(BaseModel):
    """A request the API understood but cannot serve; `detail` says why, in one line."""

    detail: str


#: The error answer every API route may give besides FastAPI's 422 validation errors.
PROBLEMS: dict[int | str, dict[str, object]] = {
    400: {"model": Problem, "description": "Bad request (unknown actor, unreadable body...)"},
    503: {"model": Problem, "description": "The event store is unavailable"},
}
