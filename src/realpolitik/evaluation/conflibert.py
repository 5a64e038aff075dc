"""ConfliBERT's 5-way class sentences (``conflibert_train/cameo_class_train.tsv``).

Labels: 0 statement / no event, 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict. The predicted class is the quad class of the
sentence's highest-confidence event, 0 when none. The shipped sentence classifier
trained on this file, so with ``--coder models|hybrid`` the figures are
cross-validated (split ``cv``): the classifier is retrained per fold. The rule coder
never trained on it (split ``unseen``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.evaluation import EvalResult
from realpolitik.models.data import read_conflibert_class
from realpolitik.models.evaluate import CV_NOTE, code_sentences, cv_predictions, uses_models
from realpolitik.models.metrics import quad_scores

NAME = "conflibert"


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Quad-class macro-F1 and accuracy of `coder` (a `realpolitik.pipeline.Coder`)."""
    sentences = read_conflibert_class(gold_dir)
    if limit:
        sentences = sentences[:limit]
    gold = [s.label for s in sentences]
    if uses_models(coder):
        predicted = cv_predictions(coder, sentences, NAME)
        split, note = "cv", CV_NOTE
    else:
        predicted = code_sentences(coder, [s.text for s in sentences], NAME)
        split, note = "unseen", "rule coder; no model involved"
    metrics = quad_scores(gold, predicted)
    details = {"method": note, "predicted_counts": _counts(predicted)}
    return EvalResult(name=NAME, n=len(sentences), metrics=metrics, split=split, details=details)


def _counts(predicted: list[int]) -> dict[str, int]:
    return {str(label): predicted.count(label) for label in range(5)}
