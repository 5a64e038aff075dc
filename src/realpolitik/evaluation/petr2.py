"""PETRARCH-2 gold sentences (``petr2_gsr_validation.jsonl``): CAMEO root + dyad recovery.

A gold event (CAMEO code, Phoenix source, Phoenix target) is recovered when an event
coded from its sentence has the same CAMEO root (first two digits) and the source and
target country (first three letters of the Phoenix codes: ISO alpha-3, IGO, IMG ...).
CAMEO 01x statements are in the gold set but are not events in PLOVER, so the share
is also given without them.

Non-factual events. The gold follows PETRARCH: it codes what a sentence says, whatever
its status ("The United States will supply arms to Israel" -> USA 072 ISR; "Obama and
Putin will meet in Zurich" -> 040). So the headline figures (``recovered_share``,
``extra_per_sentence``, ``false_events_on_empty``) count every coded event, whatever
the context stage's status; that is what the gold measures, and it keeps the event
coder's score independent of the context stage. The ``*_factual`` figures repeat them
for the events whose status is asserted or reported, i.e. what a user who filters out
hypothetical, future, negated and questioned events receives: lower recovery (the gold
includes future and conditional acts) and fewer extras.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.evaluation import EvalResult
from realpolitik.records import FACTUAL_STATUSES, Actor, Event

GOLD_FILE = "petr2_gsr_validation.jsonl"


@dataclass(frozen=True, slots=True)
class GoldSentence:
    id: str
    date: datetime.date | None
    text: str
    events: tuple[tuple[str, str, str], ...]  # (cameo, source, target)


def parse_date(raw: str) -> datetime.date | None:
    """Gold dates are YYYYMMDD or YYMMDD."""
    for form in ("%Y%m%d", "%y%m%d"):
        try:
            return datetime.datetime.strptime(raw, form).date()
        except ValueError:
            continue
    return None


def load_gold(gold_dir: Path, limit: int | None = None) -> list[GoldSentence]:
    sentences = []
    with (gold_dir / GOLD_FILE).open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            events = tuple(
                (c["eventcode"], c.get("sourcecode") or "", c.get("targetcode") or "")
                for c in row["codings"]
                if "eventcode" in c
            )
            when = parse_date(row.get("date") or "")
            if row.get("text", "").strip():  # one record has no text
                sentences.append(GoldSentence(row["id"], when, row["text"], events))
    return sentences[:limit] if limit else sentences


def actor_keys(actor: Actor | None) -> set[str]:
    """The three-letter keys an actor can match a Phoenix code prefix with.

    Phoenix writes a missing actor as ``---`` or nothing; no actor, or an actor
    without a country, matches that.
    """
    if actor is None:
        return {"---", ""}
    keys = {key for key in (actor.country, (actor.code or "")[:3]) if key}
    return keys if actor.country else keys | {"---"}


def side_matches(actor: Actor | None, phoenix: str) -> bool:
    """A gold side of unknown country ("---LEG") accepts any actor with that role."""
    if phoenix.startswith("---") and len(phoenix) > 3:
        return actor is not None
    return phoenix[:3] in actor_keys(actor)


def event_matches(event: Event, gold: tuple[str, str, str]) -> bool:
    cameo, source, target = gold
    return (
        event.cameo[:2] == cameo[:2]
        and side_matches(event.actor, source)
        and side_matches(event.recipient, target)
    )


def score(gold: list[GoldSentence], coded: list[list[Event]]) -> EvalResult:
    """Recovery, extra events and false events from each sentence's coded events."""
    recovered = total = recovered_events = total_events = extra = false_events = 0
    empty = empty_with_events = 0
    misses: list[dict[str, Any]] = []
    for sentence, events in zip(gold, coded, strict=True):
        if not sentence.events:
            empty += 1
            false_events += len(events)
            empty_with_events += bool(events)
            continue
        for item in sentence.events:
            hit = any(event_matches(event, item) for event in events)
            total += 1
            recovered += hit
            if not item[0].startswith("01"):
                total_events += 1
                recovered_events += hit
            if not hit and len(misses) < 40:
                misses.append(
                    {"id": sentence.id, "gold": item, "coded": [describe(e) for e in events]}
                )
        extra += sum(1 for e in events if not any(event_matches(e, g) for g in sentence.events))
    n = len(gold)
    metrics = {
        "recovered_share": recovered / total if total else 0.0,
        "recovered_share_without_statements": recovered_events / total_events
        if total_events
        else 0.0,
        "extra_per_sentence": (extra + false_events) / n if n else 0.0,
        "false_events_on_empty": false_events / empty if empty else 0.0,
        "empty_sentences_with_events": empty_with_events / empty if empty else 0.0,
    }
    details = {
        "gold_events": total,
        "empty_sentences": empty,
        "misses": misses,
        "note": "the rule dictionary was developed while reading this set's errors",
        "headline": "all events, whatever their status (the gold codes future and "
        "conditional acts too); *_factual: asserted or reported events only",
    }
    return EvalResult(name="petr2", n=n, metrics=metrics, split="unseen", details=details)


def describe(event: Event) -> str:
    actor = event.actor.code if event.actor else "-"
    recipient = event.recipient.code if event.recipient else "-"
    return f"{actor} {event.cameo} {recipient} ({event.trigger.text})"


def with_factual(gold: list[GoldSentence], coded: list[list[Event]]) -> EvalResult:
    """The scores of all events, plus those of events the text says happened."""
    result = score(gold, coded)
    factual = [[e for e in events if e.status in FACTUAL_STATUSES] for events in coded]
    extra = score(gold, factual).metrics
    for name in ("recovered_share", "extra_per_sentence", "false_events_on_empty"):
        result.metrics[f"{name}_factual"] = extra[name]
    return result


def run(coder: Any, gold_dir: Path, limit: int | None = None) -> EvalResult:
    """Code every gold sentence with `coder` (a `realpolitik.pipeline.Coder`) and score it."""
    from realpolitik.ingest import document_from_text

    gold = load_gold(gold_dir, limit)
    coded = [
        list(coder.code_document(document_from_text(s.text, date=s.date, doc_id=s.id)).events)
        for s in gold
    ]
    return with_factual(gold, coded)
