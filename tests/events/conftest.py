"""Fixtures of the events tests: the coder loaded from the shipped data files."""

from __future__ import annotations

import pytest

from realpolitik.events import EventCoder
from realpolitik.settings import Settings


@pytest.fixture(scope="session")
def event_coder() -> EventCoder:
    return EventCoder.load(Settings())
