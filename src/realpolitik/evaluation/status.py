"""Status precision/recall on the project's own hand-written sentence set.

Each row of ``data/eval/status_sentences.jsonl`` is a sentence, the trigger
word of one event in it, the expected status and a split: ``dev`` rows were
inspected while the rules were written, ``test`` rows were written afterwards
and scored blind; both are reported. The sentence is parsed with
the coder's spaCy pipeline and the context stage's status rules are applied to
the trigger token (the event coder is not run: this measures status only).
"""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import Any

from realpolitik.context.status import analyse_status
from realpolitik.errors import DataValidationError
from realpolitik.evaluation import EvalResult
from realpolitik.records import Status

STATUSES = tuple(s.value for s in Status)


def load_sentences(path: Path | None = None) -> list[dict[str, str]]:
    """The rows of the status set (the provenance header row is skipped)."""
    source = path or resources.files("realpolitik") / "data" / "eval" / "status_sentences.jsonl"
    rows = []
    for number, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        row = json.loads(line)
        if "provenance" in row:
            continue
        if row.get("status") not in STATUSES or row.get("trigger") not in row.get("text", ""):
            raise DataValidationError(str(source), f"line {number}: bad row {row!r}")
        rows.append(row)
    return rows


def trigger_index(doc: Any, trigger: str) -> int | None:
    """Index of the first token spelled like the trigger word."""
    return next((t.i for t in doc if t.text == trigger), None)


def predict(nlp: Any, cues: Any, rows: list[dict[str, str]]) -> list[str | None]:
    predictions: list[str | None] = []
    for doc, row in zip(nlp.pipe(r["text"] for r in rows), rows, strict=True):
        index = trigger_index(doc, row["trigger"])
        predictions.append(None if index is None else analyse_status(doc, index, cues).status.value)
    return predictions


def score(gold: list[str], predicted: list[str | None]) -> dict[str, float]:
    """Per-status precision, recall and F1, accuracy and macro-F1."""
    pairs = list(zip(gold, predicted, strict=True))
    metrics: dict[str, float] = {}
    f1s = []
    for status in STATUSES:
        tp = sum(g == status and p == status for g, p in pairs)
        fp = sum(g != status and p == status for g, p in pairs)
        fn = sum(g == status and p != status for g, p in pairs)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        metrics |= {
            f"{status}_precision": precision,
            f"{status}_recall": recall,
            f"{status}_f1": f1,
        }
        f1s.append(f1)
    metrics["accuracy"] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    metrics["macro_f1"] = sum(f1s) / len(f1s)
    return metrics


def run(coder: Any, gold_dir: Path | None = None, limit: int | None = None) -> EvalResult:
    """Score the status rules of `coder.context` on the shipped status set."""
    rows = load_sentences()[:limit] if limit else load_sentences()
    predicted = predict(coder.nlp, coder.context.cues, rows)
    gold = [r["status"] for r in rows]
    errors = [
        {"text": r["text"], "trigger": r["trigger"], "expected": g, "predicted": p}
        for r, g, p in zip(rows, gold, predicted, strict=True)
        if g != p
    ]
    metrics = score(gold, predicted)
    for split in sorted({r.get("split", "dev") for r in rows}):
        chosen = [i for i, r in enumerate(rows) if r.get("split", "dev") == split]
        part = score([gold[i] for i in chosen], [predicted[i] for i in chosen])
        metrics |= {f"{split}_{k}": v for k, v in part.items() if k in {"accuracy", "macro_f1"}}
    details = {"support": dict(Counter(gold)), "errors": errors}
    return EvalResult("status", len(rows), metrics, split="own", details=details)
