"""Fixtures for the ingest tests: loaded rules, and the seed documents beside the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.ingest import IngestRules, load_rules
from realpolitik.settings import Settings

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def rules() -> IngestRules:
    return load_rules()


@pytest.fixture()
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """Seed files by their number ("000", "004"); skips when the shared data is absent."""
    if not SEEDS.is_dir():
        pytest.skip("shared seeds are not beside the checkout")
    return {path.name[:3]: path for path in sorted(SEEDS.glob("*.txt"))}
