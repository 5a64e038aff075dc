"""GET /actors: actor search for pickers and the network's labels."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool

from realpolitik.web.backend import Backend
from realpolitik.web.deps import get_backend
from realpolitik.web.models import PROBLEMS, ActorSummary
from realpolitik.web.params import TEXT_PATTERN

router = APIRouter(tags=["actors"], responses=PROBLEMS)


@router.get("/actors", response_model=list[ActorSummary], summary="Search actors")
async def search_actors(
    backend: Annotated[Backend, Depends(get_backend)],
    q: Annotated[
        str, Query(max_length=100, pattern=TEXT_PATTERN, description="Code or name fragment")
    ] = "",
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
) -> list[dict[str, Any]]:
    """Actors whose code or name contains `q`, most active first."""
    return await run_in_threadpool(backend.actors, q.strip(), limit)
