"""Event-location accuracy on the event_location gold (records with source RELABEL).

Each gold record is a sentence, one event verb and the place span(s) where
that event happened (or none). This measures *location attachment*: the
sentence is parsed, the gold verb is mapped onto a token and handed to the
context stage's `attach_place` as the trigger (the event coder is not run, so
coder misses do not count against locations). A prediction is correct when
the chosen place mention overlaps a gold place span; for records whose gold
has no place, correct when no place is chosen.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from realpolitik.context.location import attach_place
from realpolitik.context.places import Gazetteer
from realpolitik.errors import UsageError
from realpolitik.evaluation import EvalResult

GOLD_FILE = Path("event_location") / "labeled_text.json.gz"


def load_gold(gold_dir: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The RELABEL records that carry a VERB span."""
    path = Path(gold_dir) / GOLD_FILE
    if not path.is_file():
        raise UsageError(f"event-location gold not found: {path}")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        records = json.load(handle)
    gold = [r for r in records if r.get("source") == "RELABEL" and _verb_span(r) is not None]
    return gold[:limit] if limit else gold


def _char_range(record: dict[str, Any], span: dict[str, Any]) -> tuple[int, int]:
    """Character range of a span from its token indices (the char offsets are unreliable)."""
    tokens = record["tokens"]
    return tokens[span["token_start"]]["start"], tokens[span["token_end"]]["end"]


def _verb_span(record: dict[str, Any]) -> tuple[int, int] | None:
    verbs = [s for s in record.get("spans", []) if s.get("label") == "VERB"]
    return _char_range(record, verbs[0]) if verbs else None


def gold_places(record: dict[str, Any]) -> list[tuple[int, int]]:
    return [_char_range(record, s) for s in record.get("spans", []) if s["label"] == "LOCATION"]


def predict(nlp: Any, gazetteer: Gazetteer, records: Iterable[dict[str, Any]]) -> list[Any]:
    """The chosen place mention (span or None) for each record's gold verb."""
    predictions = []
    texts = (r["text"] for r in records)
    for doc, record in zip(nlp.pipe(texts), records, strict=True):
        start, end = _verb_span(record) or (0, 0)
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            predictions.append(None)
            continue
        mention = attach_place(span.root, gazetteer)
        predictions.append(None if mention is None else mention.span)
    return predictions


def _overlaps(span: Any, places: list[tuple[int, int]]) -> bool:
    return any(span.start_char < end and start < span.end_char for start, end in places)


def score(records: list[dict[str, Any]], predictions: list[Any]) -> dict[str, float]:
    located = hits = unlocated = empties = 0
    for record, span in zip(records, predictions, strict=True):
        places = gold_places(record)
        if places:
            located += 1
            hits += span is not None and _overlaps(span, places)
        else:
            unlocated += 1
            empties += span is None
    total = located + unlocated
    return {
        "location_accuracy": hits / located if located else 0.0,
        "no_location_accuracy": empties / unlocated if unlocated else 0.0,
        "overall_accuracy": (hits + empties) / total if total else 0.0,
        "n_located": float(located),
        "n_unlocated": float(unlocated),
    }


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Score `coder`'s location attachment on the RELABEL gold records."""
    records = load_gold(gold_dir, limit)
    predictions = predict(coder.nlp, coder.context.gazetteer, records)
    metrics = score(records, predictions)
    return EvalResult(name="event_location", n=len(records), metrics=metrics, split="unseen")
