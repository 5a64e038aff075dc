"""`realpolitik serve`: the REST API and web UI over an event store."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from realpolitik.cli import app
from realpolitik.errors import UsageError
from realpolitik.settings import load_settings


def is_loopback(host: str) -> bool:
    """Whether `host` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def posting_allowed(host: str, read_only: bool, allow_post: bool) -> bool:
    """POST /documents is on by default on loopback, off elsewhere unless asked for."""
    if read_only:
        return False
    return allow_post or is_loopback(host)


def check_store(db_path: str, read_only: bool) -> None:
    """Open and close the store once, so a bad path fails with one line, not a server traceback."""
    from realpolitik.store import EventStore

    EventStore.open(db_path, read_only=read_only).close()


@app.command("serve")
def serve_command(
    db: Annotated[
        str | None, typer.Option("--db", envvar="REALPOLITIK_DB", help="Event store.")
    ] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="TCP port.")] = 8000,
    read_only: Annotated[
        bool, typer.Option("--read-only", help="Disable POST /documents; open the store read-only.")
    ] = False,
    allow_post: Annotated[
        bool, typer.Option("--allow-post", help="Allow POST /documents on a non-loopback host.")
    ] = False,
    max_upload_bytes: Annotated[
        int, typer.Option(min=1, help="Largest document POST /documents accepts.")
    ] = 2 * 1024 * 1024,
) -> None:
    """Serve the REST API (OpenAPI at /docs) and the web UI (at /) over an event store."""
    import uvicorn

    from realpolitik.web import create_app

    if read_only and allow_post:
        raise UsageError("--read-only and --allow-post contradict each other")
    db_path = db or load_settings().db
    writable = posting_allowed(host, read_only, allow_post)
    check_store(db_path, read_only=not writable)
    web_app = create_app(db_path, read_only=not writable, max_upload_bytes=max_upload_bytes)
    mode = "read-write (POST /documents enabled)" if writable else "read-only"
    typer.echo(f"realpolitik: serving {db_path} ({mode}) on http://{host}:{port}/", err=True)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")
