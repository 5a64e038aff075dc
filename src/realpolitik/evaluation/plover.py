"""PLOVER gold records (``plover_gsr_cameo.json``): event type and actor country accuracy.

The records are PLOVER 0.5b1; its older event names are read as their PLOVER 0.8
types (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
A record's predicted event is the most confident event coded from its text (an
event of the gold type is preferred for the country figures).

The shipped PLOVER type classifier trained on these records, so with ``--coder
models|hybrid`` the figures are cross-validated (split ``cv``): the type classifier is
retrained on four folds before the fifth is coded. The sentence classifier never saw
this file, but its ConfliBERT sentences overlap it, so no figure here is independent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.evaluation import EvalResult
from realpolitik.models.data import PLOVER_OLD_NAMES
from realpolitik.models.evaluate import uses_models, with_types
from realpolitik.models.metrics import stratified_folds, train_indices
from realpolitik.models.plover_type import PloverTypeClassifier
from realpolitik.records import Actor, Event

GOLD_FILE = "plover_gsr_cameo.json"
PLOVER_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"}
    | {"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
)
OLD_NAMES = PLOVER_OLD_NAMES  # PLOVER 0.5b1 names in the gold -> PLOVER 0.8 types


@dataclass(frozen=True, slots=True)
class GoldRecord:
    id: str
    text: str
    event_type: str
    sources: frozenset[str]  # three-letter codes
    targets: frozenset[str]


def _codes(actors: list[dict[str, Any]] | dict[str, Any] | str | None) -> frozenset[str]:
    """Three-letter codes of a gold source/target (a list of actors, one actor, or a code)."""
    if isinstance(actors, str | dict):
        actors = [actors]
    codes = (a if isinstance(a, str) else a.get("code") or "" for a in actors or ())
    return frozenset(code[:3] for code in codes if code)


def load_gold(gold_dir: Path, limit: int | None = None) -> list[GoldRecord]:
    with (gold_dir / GOLD_FILE).open(encoding="utf-8") as handle:
        rows = json.load(handle)
    records = []
    for row in rows:
        event = OLD_NAMES.get(row.get("event", ""), row.get("event", ""))
        if event in PLOVER_TYPES and row.get("text"):
            records.append(
                GoldRecord(
                    row["id"],
                    row["text"],
                    event,
                    _codes(row.get("source")),
                    _codes(row.get("target")),
                )
            )
    return records[:limit] if limit else records


def actor_keys(actor: Actor | None) -> set[str]:
    if actor is None:
        return set()
    return {key for key in (actor.country, (actor.code or "")[:3]) if key}


def pick(record: GoldRecord, events: list[Event]) -> tuple[Event | None, Event | None]:
    """(most confident event, most confident event of the gold type)."""
    ranked = sorted(events, key=lambda e: e.coder.confidence, reverse=True)
    typed = [e for e in ranked if e.event_type == record.event_type]
    return (ranked[0] if ranked else None, typed[0] if typed else None)


def score(gold: list[GoldRecord], coded: list[list[Event]], split: str = "unseen") -> EvalResult:
    right_type = any_type = coded_records = 0
    actor_right = actor_total = recipient_right = recipient_total = 0
    for record, events in zip(gold, coded, strict=True):
        best, typed = pick(record, events)
        coded_records += best is not None
        right_type += best is not None and best.event_type == record.event_type
        any_type += typed is not None
        chosen = typed or best
        if record.sources:
            actor_total += 1
            actor_right += bool(chosen and actor_keys(chosen.actor) & record.sources)
        if record.targets:
            recipient_total += 1
            recipient_right += bool(chosen and actor_keys(chosen.recipient) & record.targets)
    n = len(gold)
    metrics = {
        "event_type_accuracy": right_type / n if n else 0.0,
        "event_type_in_any_event": any_type / n if n else 0.0,
        "records_with_events": coded_records / n if n else 0.0,
        "actor_country_accuracy": actor_right / actor_total if actor_total else 0.0,
        "recipient_country_accuracy": recipient_right / recipient_total if recipient_total else 0.0,
    }
    return EvalResult(name="plover", n=n, metrics=metrics, split=split)


def code_records(coder: Any, records: list[GoldRecord]) -> list[list[Event]]:
    """The events `coder` codes from each record's text."""
    from realpolitik.ingest import document_from_text

    return [
        list(coder.code_document(document_from_text(r.text, doc_id=r.id)).events) for r in records
    ]


def cv_coded(coder: Any, gold: list[GoldRecord]) -> list[list[Event]]:
    """Each record coded by a coder whose PLOVER type classifier never saw it."""
    names = sorted({r.event_type for r in gold})
    coded: list[list[Event]] = [[] for _ in gold]
    for test in stratified_folds([names.index(r.event_type) for r in gold]):
        train = [gold[i] for i in train_indices(len(gold), test)]
        types = PloverTypeClassifier.fit([r.text for r in train], [r.event_type for r in train])
        events = code_records(with_types(coder, types), [gold[i] for i in test])
        for i, found in zip(test, events, strict=True):
            coded[int(i)] = found
    return coded


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Code every gold record's text with `coder` (a `realpolitik.pipeline.Coder`) and score it."""
    gold = load_gold(gold_dir, limit)
    if not uses_models(coder) or coder.model_coder.types is None:
        return score(gold, code_records(coder, gold))
    if len({r.event_type for r in gold}) > 1:
        return score(gold, cv_coded(coder, gold), split="cv")
    # A --limit that keeps one type leaves nothing to cross-validate: code without the
    # type classifier rather than with one that saw these records.
    return score(gold, code_records(with_types(coder, None), gold))
