"""The PLOVER evaluator cross-validates the type classifier for coders that use models."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.evaluation import plover

GOLD = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / plover.GOLD_FILE).is_file(), reason="no gold data")
@pytest.mark.parametrize(("mode", "split"), [("rules", "unseen"), ("hybrid", "cv")])
def test_split_follows_the_coder(mode: str, split: str) -> None:
    from realpolitik.pipeline import Coder
    from realpolitik.settings import load_settings

    result = plover.run(Coder.load(load_settings(coder=mode)), GOLD, limit=60)
    assert result.split == split
    assert result.n == 60
    assert 0.0 < result.metrics["event_type_accuracy"] <= 1.0


@pytest.mark.slow
@pytest.mark.skipif(not (GOLD / plover.GOLD_FILE).is_file(), reason="no gold data")
def test_one_type_is_coded_without_the_type_classifier() -> None:
    from realpolitik.pipeline import Coder
    from realpolitik.settings import load_settings

    result = plover.run(Coder.load(load_settings(coder="hybrid")), GOLD, limit=10)
    assert {r.event_type for r in plover.load_gold(GOLD, 10)} == {"AGREE"}
    assert result.split == "unseen"
