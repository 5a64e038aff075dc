"""Relations between actors: a dyad's time series, the alignment network, and shifts."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.concurrency import run_in_threadpool

from realpolitik.web.backend import Backend
from realpolitik.web.deps import get_backend
from realpolitik.web.highlight import with_highlights
from realpolitik.web.models import PROBLEMS, NetworkOut, RelationOut, ShiftOut
from realpolitik.web.params import (
    ActorPath,
    ActorQuery,
    FreqQuery,
    HistoryQuery,
    MinEventsQuery,
    WindowFrom,
    WindowTo,
)

router = APIRouter(tags=["relations"], responses=PROBLEMS)


def _check_range(date_from: Any, date_to: Any) -> None:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")


def _with_evidence(item: dict[str, Any]) -> dict[str, Any]:
    """A copy of a period or shift whose evidence events carry sentence highlights."""
    return {**item, "evidence": [with_highlights(e) for e in item.get("evidence", [])]}


def _iso(value: Any) -> str | None:
    return value.isoformat() if value else None


@router.get("/relations/{a}/{b}", response_model=RelationOut, summary="A dyad over time")
async def relation(
    a: ActorPath,
    b: ActorPath,
    backend: Annotated[Backend, Depends(get_backend)],
    freq: FreqQuery = "month",
    date_from: WindowFrom = None,
    date_to: WindowTo = None,
    include_nonfactual: Annotated[bool, Query()] = False,
    history: HistoryQuery = False,
) -> dict[str, Any]:
    """Cooperation and conflict between `a` and `b` per period, each way, with evidence."""
    _check_range(date_from, date_to)
    series = await run_in_threadpool(
        backend.relation,
        a.upper(),
        b.upper(),
        freq=freq,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        include_nonfactual=include_nonfactual,
        history=history,
    )
    periods = [_with_evidence(period) for period in series.get("periods", [])]
    return {**series, "periods": periods}


@router.get("/network", response_model=NetworkOut, summary="The alignment network")
async def network(
    backend: Annotated[Backend, Depends(get_backend)],
    date_from: WindowFrom = None,
    date_to: WindowTo = None,
    min_events: MinEventsQuery = 1,
    history: HistoryQuery = False,
) -> dict[str, Any]:
    """Actors, signed edges (cooperation vs conflict), blocs and alignment scores."""
    _check_range(date_from, date_to)
    return await run_in_threadpool(
        backend.network,
        date_from=_iso(date_from),
        date_to=_iso(date_to),
        min_events=min_events,
        history=history,
    )


@router.get("/shifts", response_model=list[ShiftOut], summary="Shifts in relations")
async def shifts(
    backend: Annotated[Backend, Depends(get_backend)],
    a: ActorQuery = None,
    b: ActorQuery = None,
    freq: FreqQuery = "month",
    min_events: MinEventsQuery = 3,
) -> list[dict[str, Any]]:
    """Periods where a relation turned, with the events that moved it."""
    found = await run_in_threadpool(
        backend.shifts,
        a=a.upper() if a else None,
        b=b.upper() if b else None,
        freq=freq,
        min_events=min_events,
    )
    return [_with_evidence(shift) for shift in found]
