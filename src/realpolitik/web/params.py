"""Validated query and path parameters shared by the routers."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Literal

from fastapi import Path, Query

from realpolitik.records import Status

#: Actor codes and analysis keys: "IRN", "IRNMIL", "LBNREB", "IGOWSTNAT".
ACTOR_PATTERN = r"^[A-Za-z0-9_.:\-]{1,64}$"
#: Free text without control characters.
TEXT_PATTERN = r"^[^\x00-\x1f\x7f]*$"


class EventType(StrEnum):
    """PLOVER 0.8 event types."""

    AGREE = "AGREE"
    CONSULT = "CONSULT"
    SUPPORT = "SUPPORT"
    CONCEDE = "CONCEDE"
    COOPERATE = "COOPERATE"
    AID = "AID"
    RETREAT = "RETREAT"
    REQUEST = "REQUEST"
    ACCUSE = "ACCUSE"
    REJECT = "REJECT"
    THREATEN = "THREATEN"
    PROTEST = "PROTEST"
    SANCTION = "SANCTION"
    MOBILIZE = "MOBILIZE"
    COERCE = "COERCE"
    ASSAULT = "ASSAULT"


Freq = Literal["week", "month", "quarter", "year"]

ActorQuery = Annotated[
    str | None, Query(pattern=ACTOR_PATTERN, description="Actor code or analysis key (IRN, USAMIL)")
]
ActorPath = Annotated[str, Path(pattern=ACTOR_PATTERN, description="Analysis key, e.g. IRN")]
CountryQuery = Annotated[
    str | None,
    Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 country of actor or recipient"),
]
TypeQuery = Annotated[EventType | None, Query(description="PLOVER event type")]
QuadQuery = Annotated[int | None, Query(ge=1, le=4, description="CAMEO quad class 1-4")]
StatusQuery = Annotated[Status | None, Query(description="Event status")]
#: The dates the analyses can place on a time axis (pandas' nanosecond timestamps).
EARLIEST = date(1678, 1, 1)
LATEST = date(2261, 12, 31)
DateFrom = Annotated[date | None, Query(description="Earliest event date (ISO)")]
DateTo = Annotated[date | None, Query(description="Latest event date (ISO)")]
WindowFrom = Annotated[
    date | None, Query(ge=EARLIEST, le=LATEST, description="Window start (ISO, 1678-2261)")
]
WindowTo = Annotated[
    date | None, Query(ge=EARLIEST, le=LATEST, description="Window end (ISO, 1678-2261)")
]
SourceQuery = Annotated[
    str | None,
    Query(max_length=500, pattern=TEXT_PATTERN, description="Publisher or document source"),
]
TextQuery = Annotated[
    str | None,
    Query(max_length=200, pattern=TEXT_PATTERN, description="Words searched in the sentence"),
]
FactualQuery = Annotated[
    bool, Query(description="Include hypothetical, future, negated and questioned events")
]
LimitQuery = Annotated[int, Query(ge=1, le=1000, description="Page size")]
OffsetQuery = Annotated[int, Query(ge=0, le=10_000_000, description="Rows to skip")]
FreqQuery = Annotated[Freq, Query(description="Period length")]
MinEventsQuery = Annotated[int, Query(ge=1, le=100_000, description="Fewest events to show")]
HistoryQuery = Annotated[
    bool,
    Query(description="Include history: events dated 10+ years before the document reporting them"),
]
