"""The NGEC actor-resolution gold set: country accuracy floor."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.evaluation import ngec

from .conftest import GOLD


def test_ngec_country_accuracy(resolver: ActorResolver) -> None:
    if not (GOLD / ngec.FILENAME).is_file():
        pytest.skip("gold data not available")
    result = ngec.run(SimpleNamespace(actors=resolver), GOLD)
    assert result.details["country_cases"] > 290
    assert result.metrics["country_accuracy"] >= 0.85
    assert result.metrics["sector_accuracy"] >= 0.45
