"""REST API and web UI over the event store (`realpolitik serve`)."""

from __future__ import annotations

from realpolitik.web.app import create_app

__all__ = ["create_app"]
