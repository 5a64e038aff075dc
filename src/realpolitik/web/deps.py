"""Request dependencies: the app's backend, coder and configuration."""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import Request

from realpolitik.web.backend import Backend
from realpolitik.web.coding import LazyCoder

#: Default cap on a posted document (bytes); larger bodies get 413.
DEFAULT_MAX_UPLOAD_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class WebConfig:
    """How the app was started."""

    db_path: str
    read_only: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES


def get_backend(request: Request) -> Backend:
    return request.app.state.backend


def get_coder(request: Request) -> LazyCoder:
    return request.app.state.coder


def get_config(request: Request) -> WebConfig:
    return request.app.state.config
