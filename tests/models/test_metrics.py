"""Scores and folds used by training and evaluation."""

from __future__ import annotations

import numpy as np

from realpolitik.models.metrics import (
    block_folds,
    quad_scores,
    span_scores,
    stratified_folds,
    train_indices,
)


def test_quad_scores_by_hand() -> None:
    gold = [0, 1, 1, 2, 3, 4]
    predicted = [0, 1, 2, 2, 3, 3]
    scores = quad_scores(gold, predicted)
    # F1 per class: 0 -> 1, 1 -> 2/3, 2 -> 2/3, 3 -> 2/3, 4 -> 0
    assert scores["f1_1"] == round(2 / 3, 4)
    assert scores["f1_4"] == 0.0
    assert scores["macro_f1"] == round((1 + 2 / 3 * 3 + 0) / 5, 4)
    assert scores["accuracy"] == round(4 / 6, 4)


def test_span_scores() -> None:
    gold = [{("S", 0, 2), ("T", 4, 5)}, set()]
    predicted = [{("S", 0, 2), ("T", 3, 5)}, {("S", 1, 2)}]
    scores = span_scores(gold, predicted)
    assert scores == {"precision": round(1 / 3, 4), "recall": 0.5, "f1": 0.4}


def test_folds_partition_and_are_fixed() -> None:
    labels = [i % 5 for i in range(50)]
    folds = stratified_folds(labels)
    assert sorted(np.concatenate(folds).tolist()) == list(range(50))
    assert [f.tolist() for f in folds] == [f.tolist() for f in stratified_folds(labels)]
    blocks = block_folds(50)
    assert blocks[0].tolist() == list(range(10))
    assert train_indices(5, np.array([1, 3])).tolist() == [0, 2, 4]
