"""keep_it_local UN-document sentences (``keep_it_local_quadclass_dev.tsv``).

The file numbers classes differently from ConfliBERT (0 irrelevant, 1 material
conflict, 2 material cooperation, 3 verbal conflict, 4 verbal cooperation, as its
sentences show; its README's order is wrong: see `realpolitik.models.data`); labels
are renumbered to ConfliBERT's scheme before scoring. No shipped model trained on this
file: the split is ``unseen`` for every coder.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.evaluation import EvalResult
from realpolitik.models.data import read_keep_it_local
from realpolitik.models.evaluate import code_sentences
from realpolitik.models.metrics import quad_scores

NAME = "keep_it_local"


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Quad-class macro-F1 and accuracy of `coder` (a `realpolitik.pipeline.Coder`)."""
    sentences = read_keep_it_local(gold_dir)
    if limit:
        sentences = sentences[:limit]
    gold = [s.label for s in sentences]
    predicted = code_sentences(coder, [s.text for s in sentences], NAME)
    metrics = quad_scores(gold, predicted)
    details = {
        "labels": "renumbered to ConfliBERT's: 0 none, 1 verbal coop, 2 material coop, "
        "3 verbal conflict, 4 material conflict",
        "predicted_counts": {str(k): predicted.count(k) for k in range(5)},
    }
    return EvalResult(name=NAME, n=len(sentences), metrics=metrics, split="unseen", details=details)
