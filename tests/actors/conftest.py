"""Shared fixtures of the actors tests: one resolver and one spaCy model per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.settings import Settings

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO.parent / "shared" / "gold"
SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver.load(Settings())


@pytest.fixture(scope="session")
def nlp():
    from realpolitik.nlp import load_nlp

    return load_nlp()
