"""The shipped models: present, small, documented, and wired into the pipeline."""

from __future__ import annotations

import json

import pytest

from realpolitik.models.coder import ModelEventCoder
from realpolitik.models.shipped_paths import (
    ACTOR_TAGGER,
    CARD_FILE,
    METRICS_FILE,
    PLOVER_TYPE,
    QUAD_CLASSIFIER,
    shipped_dir,
)
from realpolitik.settings import load_settings

MAX_BYTES = 50 * 1024 * 1024


def test_every_model_has_card_and_figures() -> None:
    licences = {QUAD_CLASSIFIER: "GPL-3.0", ACTOR_TAGGER: "GPL-3.0", PLOVER_TYPE: "CC BY-SA 4.0"}
    for name, licence in licences.items():
        folder = shipped_dir() / name
        card = (folder / CARD_FILE).read_text(encoding="utf-8")
        for heading in ("## Data", "## Method", "## Figures", "Date trained", licence):
            assert heading in card
        figures = json.loads((folder / METRICS_FILE).read_text(encoding="utf-8"))
        assert figures["n"] > 300


def test_total_size_within_budget() -> None:
    total = sum(p.stat().st_size for p in shipped_dir().rglob("*") if p.is_file())
    assert total <= MAX_BYTES


def test_shipped_classifier_codes_plain_sentences() -> None:
    coder = ModelEventCoder.load(load_settings(coder="models"))
    predicted = coder.classifier.predict(
        [
            "Israeli troops killed three militants in an air strike on Gaza.",
            "The two foreign ministers signed an agreement on trade cooperation.",
        ]
    )
    assert list(predicted) == [4, 1] or list(predicted) == [4, 2]


@pytest.fixture(scope="module")
def hybrid():  # loading every dictionary takes ~10 s on a quiet machine
    from realpolitik.pipeline import Coder

    return Coder.load(load_settings(coder="hybrid"))


@pytest.mark.slow
def test_pipeline_loads_models_only_when_asked(hybrid) -> None:
    from realpolitik.pipeline import Coder

    assert hybrid.model_coder is not None and hybrid.model_coder.mode == "hybrid"
    assert Coder(hybrid.settings.replace(coder="rules"), *_parts(hybrid)).model_coder is None


def _parts(coder):
    return coder.nlp, coder.actors, coder.events, coder.context


@pytest.mark.slow
def test_hybrid_pipeline_codes_text(hybrid) -> None:
    from realpolitik.pipeline import code_text

    events = code_text(
        "Russian warplanes bombed rebel positions near Idlib on Tuesday. "
        "Officials in Ankara voiced deep unease over the development.",
        coder=hybrid,
    )
    assert events
    assert {e.coder.method for e in events} <= {"rule", "hybrid", "model"}
    assert all(0.0 <= e.coder.confidence <= 1.0 for e in events)
    assert any(e.quad_class == 4 for e in events)
