"""The sentence classifier: learns, predicts probabilities, survives a save/load round trip."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from realpolitik.models.quad import QuadClassifier, QuadConfig

SENTENCES = [
    ("The minister said the talks were routine.", 0),
    ("Officials described the weather in the capital.", 0),
    ("France and Germany agreed to hold talks next week.", 1),
    ("The president praised the neighbouring government for its help.", 1),
    ("Japan sent food aid and medical supplies to the flooded region.", 2),
    ("The bank lifted sanctions and released frozen assets.", 2),
    ("The opposition accused the government of corruption.", 3),
    ("The ministry condemned the embassy's statement and threatened reprisals.", 3),
    ("Troops shelled the town and killed twelve civilians.", 4),
    ("Police arrested dozens of protesters after clashes.", 4),
]


@pytest.fixture(scope="module")
def model() -> QuadClassifier:
    texts = [text for text, _ in SENTENCES] * 3
    labels = [label for _, label in SENTENCES] * 3
    return QuadClassifier.fit(texts, labels, QuadConfig(c=50.0))


def test_probabilities_are_distributions(model: QuadClassifier) -> None:
    proba = model.predict_proba(["Rebels attacked a convoy.", "Leaders agreed to talks."])
    assert proba.shape == (2, 5)
    assert np.allclose(proba.sum(axis=1), 1.0)


def test_learns_the_training_sentences(model: QuadClassifier) -> None:
    predicted = model.predict([text for text, _ in SENTENCES])
    assert list(predicted) == [label for _, label in SENTENCES]


def test_empty_input(model: QuadClassifier) -> None:
    assert model.predict_proba([]).shape == (0, 5)


def test_round_trip(model: QuadClassifier, tmp_path: Path) -> None:
    model.save(tmp_path)
    loaded = QuadClassifier.load(tmp_path)
    texts = ["Soldiers fired on the crowd.", "The envoy met the foreign minister."]
    assert np.allclose(loaded.predict_proba(texts), model.predict_proba(texts))
    assert not any(p.suffix == ".pkl" for p in tmp_path.iterdir())


def test_missing_class_is_refused() -> None:
    with pytest.raises(ValueError):
        QuadClassifier.fit(["a b", "c d"], [0, 1])


def test_two_labels_give_two_probabilities() -> None:
    texts = ["Troops shelled the town.", "The weather was mild."] * 3
    model = QuadClassifier.fit(texts, [4, 0] * 3, QuadConfig(c=50.0, labels=(0, 4)))
    proba = model.predict_proba(["Troops shelled the village.", "The weather was warm."])
    assert proba.shape == (2, 2)
    assert proba[0, 1] > 0.5 > proba[1, 1]
    assert np.allclose(proba.sum(axis=1), 1.0)
