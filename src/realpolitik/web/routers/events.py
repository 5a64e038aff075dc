"""GET /events: the event explorer's filterable, paged list."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from realpolitik.web.backend import Backend
from realpolitik.web.deps import get_backend
from realpolitik.web.highlight import with_highlights
from realpolitik.web.models import PROBLEMS, EventPage
from realpolitik.web.params import (
    ActorQuery,
    CountryQuery,
    DateFrom,
    DateTo,
    FactualQuery,
    LimitQuery,
    OffsetQuery,
    QuadQuery,
    SourceQuery,
    StatusQuery,
    TextQuery,
    TypeQuery,
)

router = APIRouter(tags=["events"], responses=PROBLEMS)


def event_filter(**fields: Any) -> Any:
    """An `EventFilter` from request fields (enums as their values, dates as ISO strings)."""
    from realpolitik.store import EventFilter

    def plain(value: Any) -> Any:
        if isinstance(value, date):
            return value.isoformat()
        return getattr(value, "value", value)

    return EventFilter(**{name: plain(value) for name, value in fields.items()})


@router.get("/events", response_model=EventPage, summary="Search events")
async def list_events(
    backend: Annotated[Backend, Depends(get_backend)],
    actor: ActorQuery = None,
    recipient: ActorQuery = None,
    country: CountryQuery = None,
    event_type: TypeQuery = None,
    quad_class: QuadQuery = None,
    status: StatusQuery = None,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    source: SourceQuery = None,
    text: TextQuery = None,
    include_nonfactual: FactualQuery = True,
    limit: LimitQuery = 50,
    offset: OffsetQuery = 0,
) -> dict[str, Any]:
    """Events matching every given filter, newest first, with sentence highlights."""
    filters = event_filter(
        actor=actor,
        recipient=recipient,
        country=country.upper() if country else None,
        event_type=event_type,
        quad_class=quad_class,
        status=status,
        date_from=date_from,
        date_to=date_to,
        source=source,
        text=text,
        include_nonfactual=include_nonfactual,
        limit=limit,
        offset=offset,
    )
    events, total = await run_in_threadpool(backend.events, filters)
    return {
        "total": total,
        "limit": limit,
        "offset": offset,
        "events": [with_highlights(event) for event in events],
    }
