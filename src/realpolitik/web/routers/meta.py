"""GET /info and /health: what the UI needs to know about the server."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from fastapi.concurrency import run_in_threadpool

from realpolitik import __version__
from realpolitik.web.backend import Backend
from realpolitik.web.deps import WebConfig, get_backend, get_config
from realpolitik.web.models import PROBLEMS, InfoOut

router = APIRouter(tags=["server"], responses=PROBLEMS)


@router.get("/info", response_model=InfoOut, summary="Server and store summary")
async def info(
    backend: Annotated[Backend, Depends(get_backend)],
    config: Annotated[WebConfig, Depends(get_config)],
) -> dict[str, Any]:
    """Version, whether posting is allowed, the upload limit, store counts and date range."""
    stats = await run_in_threadpool(backend.stats)
    dates = await run_in_threadpool(backend.date_range)
    return {
        **dates,
        "version": __version__,
        "read_only": config.read_only,
        "max_upload_bytes": config.max_upload_bytes,
        "stats": stats,
    }


@router.get("/health", summary="Liveness check")
async def health() -> dict[str, str]:
    return {"status": "ok"}
