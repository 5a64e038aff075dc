"""The context stage: status, attribution, date and location of coded events."""

from __future__ import annotations

from realpolitik.context.status import analyse_status, classify_status

__all__ = ["analyse_status", "classify_status"]
