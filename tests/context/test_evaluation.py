"""The status and location evaluations: they run, and they clear their floors."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from realpolitik.context.data import load_cues
from realpolitik.evaluation import status as status_eval

from .conftest import GOLD_DIR


def test_status_set_is_varied_and_complete():
    rows = status_eval.load_sentences()
    assert len(rows) >= 150
    counts = {s: sum(r["status"] == s for r in rows) for s in status_eval.STATUSES}
    assert min(counts.values()) >= 20
    assert len({r["text"] for r in rows}) == len(rows)


def test_status_scoring_counts_errors():
    metrics = status_eval.score(["asserted", "negated"], ["asserted", "asserted"])
    assert metrics["asserted_precision"] == 0.5
    assert metrics["negated_recall"] == 0.0
    assert metrics["accuracy"] == 0.5


def test_status_macro_f1_floor(nlp):
    coder = SimpleNamespace(nlp=nlp, context=SimpleNamespace(cues=load_cues()))
    result = status_eval.run(coder)
    assert result.split == "own"
    assert result.metrics["macro_f1"] >= 0.85
    assert result.metrics["test_macro_f1"] >= 0.85


@pytest.mark.slow
def test_location_accuracy_floor(nlp):
    if not (GOLD_DIR / "event_location").is_dir():
        pytest.skip("event_location gold not available")
    from realpolitik.context.places import GeonamesGazetteer
    from realpolitik.evaluation import location as location_eval

    coder = SimpleNamespace(nlp=nlp, context=SimpleNamespace(gazetteer=GeonamesGazetteer.load()))
    result = location_eval.run(coder, GOLD_DIR)
    assert result.n > 400
    assert result.metrics["location_accuracy"] >= 0.6
