"""Scores for the models: macro-F1 over classes, span F1, cross-validation folds."""

from __future__ import annotations

from collections.abc import Hashable, Sequence

import numpy as np
from sklearn.model_selection import KFold, StratifiedKFold

SEED = 0
FOLDS = 5


def class_f1(
    gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int]
) -> dict[int, float]:
    """F1 of each label (0 for a label neither predicted nor present)."""
    gold_a, pred_a = np.asarray(gold), np.asarray(predicted)
    scores: dict[int, float] = {}
    for label in labels:
        tp = int(np.sum((gold_a == label) & (pred_a == label)))
        fp = int(np.sum((gold_a != label) & (pred_a == label)))
        fn = int(np.sum((gold_a == label) & (pred_a != label)))
        scores[int(label)] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def quad_scores(
    gold: Sequence[int], predicted: Sequence[int], labels: Sequence[int] = (0, 1, 2, 3, 4)
) -> dict[str, float]:
    """Macro-F1 over `labels`, accuracy and per-class F1, rounded to 4 places."""
    per_class = class_f1(gold, predicted, labels)
    scores = {
        "macro_f1": round(float(np.mean(list(per_class.values()))), 4),
        "accuracy": round(float(np.mean(np.asarray(gold) == np.asarray(predicted))), 4),
    }
    scores.update({f"f1_{label}": round(value, 4) for label, value in per_class.items()})
    return scores


def span_scores(
    gold: Sequence[set[Hashable]], predicted: Sequence[set[Hashable]]
) -> dict[str, float]:
    """Exact-match precision, recall and F1 over per-item sets of spans."""
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    n_pred = sum(len(p) for p in predicted)
    n_gold = sum(len(g) for g in gold)
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def stratified_folds(labels: Sequence[int], folds: int = FOLDS) -> list[np.ndarray]:
    """Test indices of shuffled, stratified folds (fixed seed)."""
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    return [test for _, test in splitter.split(np.zeros(len(labels)), labels)]


def block_folds(n: int, folds: int = FOLDS) -> list[np.ndarray]:
    """Test indices of contiguous blocks in file order: near-duplicate neighbours stay together."""
    return [test for _, test in KFold(n_splits=folds).split(np.zeros(n))]


def shuffled_folds(n: int, folds: int = FOLDS) -> list[np.ndarray]:
    """Test indices of shuffled folds (fixed seed)."""
    splitter = KFold(n_splits=folds, shuffle=True, random_state=SEED)
    return [test for _, test in splitter.split(np.zeros(n))]


def train_indices(n: int, test: np.ndarray) -> np.ndarray:
    mask = np.ones(n, dtype=bool)
    mask[test] = False
    return np.flatnonzero(mask)
