"""The app factory: API routers, the UI, and error handling that never leaks a 500 for bad input."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from importlib import resources

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from realpolitik import __version__
from realpolitik.errors import (
    DataValidationError,
    InputError,
    ModelNotInstalledError,
    StoreError,
    UsageError,
)
from realpolitik.web.backend import Backend
from realpolitik.web.cache import ResponseCache
from realpolitik.web.coding import DocumentCoder, LazyCoder, default_coder_factory
from realpolitik.web.deps import DEFAULT_MAX_UPLOAD_BYTES, WebConfig
from realpolitik.web.routers import actors, documents, events, meta, pages, relations

DESCRIPTION = """Political events (PLOVER/CAMEO) and the relations between actors, from the
realpolitik store. The web UI is at `/`."""


def _error_handlers(app: FastAPI) -> None:
    """Expected errors from the layers below, as clear 4xx/503 answers."""

    def problem(status: int) -> Callable[[Request, Exception], JSONResponse]:
        def handle(_: Request, exc: Exception) -> JSONResponse:
            return JSONResponse({"detail": str(exc)}, status_code=status)

        return handle

    app.add_exception_handler(UsageError, problem(400))
    app.add_exception_handler(InputError, problem(400))
    app.add_exception_handler(StoreError, problem(503))
    # the coder cannot load: the server still serves the store, POST says why it cannot code
    app.add_exception_handler(ModelNotInstalledError, problem(503))
    app.add_exception_handler(DataValidationError, problem(503))


def create_app(
    db_path: str,
    read_only: bool = False,
    coder_factory: Callable[[], DocumentCoder] = default_coder_factory,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
) -> FastAPI:
    """The API and web UI over the store at `db_path`.

    With `read_only` the store is opened read-only and POST /documents answers 403.
    `coder_factory` is called once, on the first POST, to load the coder.
    """
    config = WebConfig(db_path=db_path, read_only=read_only, max_upload_bytes=max_upload_bytes)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.backend = Backend(db_path, read_only=read_only)
        try:
            yield
        finally:
            app.state.backend.close()

    app = FastAPI(
        title="realpolitik",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        docs_url=None,  # served by routers.pages from vendored assets, not a CDN
        redoc_url=None,
    )
    app.state.config = config
    app.state.coder = LazyCoder(coder_factory)
    for module in (documents, events, relations, actors, meta, pages):
        app.include_router(module.router)
    static = resources.files("realpolitik.web") / "static"
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _error_handlers(app)
    app.add_middleware(ResponseCache, generation=_generation)
    return app


def _generation(scope: dict) -> int | None:
    """The backend's write generation (None before startup: nothing is cached then)."""
    backend = getattr(scope["app"].state, "backend", None)
    return None if backend is None else backend.generation
