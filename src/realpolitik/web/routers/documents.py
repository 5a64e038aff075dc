"""Documents: code and store a posted text (POST), read one back with its coded spans (GET)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool

from realpolitik.web.backend import Backend
from realpolitik.web.coding import BadDocument, DocumentIn, LazyCoder, parse_body
from realpolitik.web.deps import WebConfig, get_backend, get_coder, get_config
from realpolitik.web.highlight import with_highlights
from realpolitik.web.models import PROBLEMS, CodedOut, DocumentOut, Problem
from realpolitik.web.params import EARLIEST, LATEST, TEXT_PATTERN

router = APIRouter(tags=["documents"], responses=PROBLEMS)

_TEXT_SCHEMA = {"type": "string", "minLength": 1}
POST_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {"schema": DocumentIn.model_json_schema()},
            "text/plain": {"schema": _TEXT_SCHEMA},
            "text/html": {"schema": _TEXT_SCHEMA},
        },
    }
}
MetaQuery = Annotated[
    str | None, Query(max_length=1000, pattern=TEXT_PATTERN, description="For text bodies")
]


async def read_limited(request: Request, limit: int) -> bytes:
    """The request body, or 413 as soon as it is known to exceed `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"document too large: {declared} bytes (limit {limit})")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"document too large: over {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def code_and_store(coder: LazyCoder, backend: Backend, posted: DocumentIn) -> dict[str, Any]:
    """Ingest, code and store one posted document (runs in a worker thread)."""
    coded = coder.code(posted)
    stored = backend.add(coded)
    events = [with_highlights(event.to_dict()) for event in coded.events]
    return {"doc_id": coded.document.doc_id, "events": events, "document": stored}


@router.post(
    "/documents",
    response_model=CodedOut,
    status_code=201,
    summary="Code and store a document",
    openapi_extra=POST_BODY,
    responses={
        403: {"model": Problem, "description": "The server is read-only"},
        413: {"model": Problem, "description": "The document is too large"},
        415: {"model": Problem, "description": "Unsupported media type"},
    },
)
async def post_document(
    request: Request,
    backend: Annotated[Backend, Depends(get_backend)],
    coder: Annotated[LazyCoder, Depends(get_coder)],
    config: Annotated[WebConfig, Depends(get_config)],
    title: MetaQuery = None,
    author: MetaQuery = None,
    publisher: MetaQuery = None,
    url: MetaQuery = None,
    date: Annotated[
        dt.date | None,
        Query(ge=EARLIEST, le=LATEST, description="Publication date, for text bodies"),
    ] = None,
) -> dict[str, Any]:
    """Code a plain-text, HTML or JSON document, store it, and return its events.

    A JSON body is ``{"text": ..., "title", "author", "publisher", "date", "url", "id"}``;
    for a text/plain or text/html body the metadata come from the query string.
    """
    if config.read_only:
        raise HTTPException(403, "this server is read-only: POST /documents is disabled")
    body = await read_limited(request, config.max_upload_bytes)
    metadata = {"title": title, "author": author, "publisher": publisher, "url": url}
    metadata["date"] = date
    try:
        posted = parse_body(body, request.headers.get("content-type"), metadata)
    except BadDocument as exc:
        raise HTTPException(exc.status_code, str(exc)) from None
    return await run_in_threadpool(code_and_store, coder, backend, posted)


@router.get(
    "/documents/{doc_id}",
    response_model=DocumentOut,
    summary="A document with its coded spans",
    responses={404: {"model": Problem}},
)
async def get_document(
    doc_id: Annotated[str, Path(max_length=200, pattern=TEXT_PATTERN)],
    backend: Annotated[Backend, Depends(get_backend)],
) -> dict[str, Any]:
    """The document's metadata and posts, each with the spans of its events."""
    document = await run_in_threadpool(backend.document, doc_id)
    if document is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return document
