"""The PLOVER type classifier, its codes per quad class, and its use for model events."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from realpolitik.events.ontology import Ontology
from realpolitik.models.coder import ModelEventCoder
from realpolitik.models.combination import CombineConfig
from realpolitik.models.plover_type import PloverTypeClassifier, ranked_types, type_codes
from realpolitik.models.quad import QuadClassifier, QuadConfig
from realpolitik.nlp import load_nlp
from realpolitik.records import Post

TRAINING = [
    ("Protesters marched through the capital against the government.", "PROTEST"),
    ("Thousands of demonstrators rallied outside parliament.", "PROTEST"),
    ("Troops shelled the town and killed civilians.", "ASSAULT"),
    ("Rebels attacked a convoy and killed soldiers.", "ASSAULT"),
    ("The government imposed sanctions on the bank.", "SANCTION"),
    ("Washington froze the assets of the minister.", "SANCTION"),
]


@pytest.fixture(scope="module")
def types() -> PloverTypeClassifier:
    texts, names = [t for t, _ in TRAINING] * 3, [n for _, n in TRAINING] * 3
    return PloverTypeClassifier.fit(texts, names, QuadConfig(c=50.0))


def test_fit_predicts_and_round_trips(types: PloverTypeClassifier, tmp_path: Path) -> None:
    assert types.types == ("ASSAULT", "PROTEST", "SANCTION")
    assert types.predict(["Demonstrators marched against the government."]) == ["PROTEST"]
    types.save(tmp_path)
    loaded = PloverTypeClassifier.load(tmp_path)
    text = ["Rebels killed soldiers."]
    assert loaded.types == types.types
    assert np.allclose(loaded.predict_proba(text), types.predict_proba(text))


def test_type_codes_prefer_the_class_code_then_the_root() -> None:
    codes = type_codes(Ontology.load(), CombineConfig().quad_codes)
    assert codes[("ASSAULT", 4)] == "190"  # the class's representative code
    assert codes[("PROTEST", 4)] == "140"  # the root's general code
    assert codes[("REQUEST", 1)] == "020" and codes[("REQUEST", 3)] == "100"


def test_ranked_types_orders_by_probability() -> None:
    assert ranked_types(np.array([0.2, 0.5, 0.3]), ("A", "B", "C")) == ["B", "C", "A"]


def test_model_event_takes_the_type_within_the_quad_class(types) -> None:
    nlp = load_nlp()
    calm = ["The weather was mild.", "The report was published."]
    talks = ["Leaders agreed to hold talks.", "The president praised the government."]
    quad = QuadClassifier.fit(
        ([t for t, _ in TRAINING] + calm + talks) * 3,
        ([4] * len(TRAINING) + [0, 0, 1, 1]) * 3,
        QuadConfig(c=50.0, labels=(0, 1, 4)),
    )
    coder = ModelEventCoder("models", quad, None, Ontology.load(), CombineConfig(0.3), types)
    text = "Thousands of protesters marched against the government in the capital."
    doc = nlp(text)
    post = Post(post_id="p", doc_id="d", index=0, kind="text", text=text)
    events = coder.code(doc, post, [], [])
    assert [e.code.event_type for e in events] == ["PROTEST"]
    assert events[0].code.quad_class == 4 and events[0].coder.method == "model"
