"""Clause transformations: events inside speech or intention complements.

"The US claimed ISIL attacked Iraq" adds US ACCUSE ISIL; "Obama wants to attack
Switzerland" becomes a threat. The rules are data (``transformations.yaml``),
after PETRARCH-2's transformations.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.tokens import Doc, Token

from realpolitik.errors import DataValidationError
from realpolitik.events.ontology import Ontology
from realpolitik.events.roles import find_mention
from realpolitik.records import ActorMention, CoderInfo, EventCandidate, Trigger

TRANSFORMATIONS_FILE = "transformations.yaml"
CLAUSES = ("ccomp", "xcomp")
SPEAKERS = ("other", "same")
MAX_CLIMB = 4
#: Auxiliaries of an inner verb, by the `modal` value of the rules that ask for them:
#: an act in the future or under a condition ("said it would free"), or an obligation
#: ("said Iraq must cooperate").
MODALS = {
    "future": frozenset({"will", "would", "shall", "'ll", "wo"}),
    "must": frozenset({"must", "should", "ought"}),
}


@dataclass(frozen=True, slots=True)
class Transformation:
    id: str
    verbs: frozenset[str]
    clause: str
    inner: tuple[str, ...]
    speaker: str
    cameo: str
    confidence: float
    replace: bool
    modal: str = ""  # "future" (will/would/shall) or "must" (must/should) on the inner verb
    negated: bool = False  # with `modal`: the inner verb must (True) or must not be negated


def _parse(path: Path, entry: Any, known_codes: set[str]) -> Transformation:
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataValidationError(str(path), f"transformation without an id: {entry!r:.80}")
    tid = entry["id"]
    try:
        rule = Transformation(
            id=tid,
            verbs=frozenset(str(v).lower() for v in entry["verbs"]),
            clause=entry["clause"],
            inner=tuple(str(code) for code in entry["inner"]),
            speaker=entry["speaker"],
            cameo=str(entry["cameo"]),
            confidence=float(entry["confidence"]),
            replace=bool(entry.get("replace", False)),
            modal=str(entry.get("modal", "")),
            negated=bool(entry.get("negated", False)),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise DataValidationError(str(path), f"transformation {tid}: bad or missing {exc}") from exc
    if (
        rule.clause not in CLAUSES
        or rule.speaker not in SPEAKERS
        or rule.modal not in ("", *MODALS)
    ):
        raise DataValidationError(str(path), f"transformation {tid}: bad clause or speaker")
    if rule.cameo not in known_codes or not 0 < rule.confidence <= 1 or not rule.verbs:
        raise DataValidationError(str(path), f"transformation {tid}: bad cameo/confidence/verbs")
    return rule


def load_transformations(path: Path, known_codes: set[str]) -> tuple[Transformation, ...]:
    """Read and validate a transformations file; raises `DataValidationError`."""
    try:
        with path.open(encoding="utf-8") as handle:
            document = yaml.safe_load(handle)
    except (OSError, yaml.YAMLError) as exc:
        raise DataValidationError(str(path), f"cannot read: {exc}") from exc
    if not isinstance(document, dict) or not {"origin", "licence"} <= set(
        document.get("provenance") or {}
    ):
        raise DataValidationError(str(path), "provenance needs origin and licence")
    entries = document.get("transformations")
    if not isinstance(entries, list):
        raise DataValidationError(str(path), "transformations must be a list")
    return tuple(_parse(path, entry, known_codes) for entry in entries)


def outer_verb(trigger: Token, clause: str) -> Token | None:
    """The verb whose `clause` complement contains `trigger` (through conj/heads)."""
    token = trigger
    for _ in range(MAX_CLIMB):
        if token.dep_ == clause:
            return token.head
        if token.dep_ == "ROOT" or token.head == token:
            return None
        token = token.head
    return None


def speakers_of(verb: Token, index: dict[int, ActorMention]) -> list[ActorMention]:
    """The mentions of the verb's subject and the subjects coordinated with it."""
    for child in verb.children:
        if child.dep_ == "nsubj":
            found = (find_mention(t, index) for t in (child, *child.conjuncts))
            return [f.mention for f in found if f is not None]
    return []


def is_negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def has_modal(verb: Token, kind: str) -> bool:
    """True if `verb` (or the verb it is conjoined with) has a modal of `kind`."""
    heads = (verb, verb.head) if verb.dep_ == "conj" else (verb,)
    return any(
        c.dep_ == "aux" and c.lower_ in MODALS[kind] for head in heads for c in head.children
    )


def same(a: ActorMention | None, b: ActorMention | None) -> bool:
    return a is not None and b is not None and (a == b or a.actor.code == b.actor.code)


def same_country(a: ActorMention, b: ActorMention) -> bool:
    return a.actor.country is not None and a.actor.country == b.actor.country


def transform(
    rule: Transformation,
    doc: Doc,
    inner: EventCandidate,
    index: dict[int, ActorMention],
    ontology: Ontology,
) -> EventCandidate | None:
    """The event `rule` derives from `inner`, or None if it does not apply."""
    if inner.actor is None or not inner.code.cameo.startswith(rule.inner):
        return None
    trigger = doc[inner.trigger_start_token]
    verb = outer_verb(trigger, rule.clause)
    if verb is None or verb.lemma_.lower() not in rule.verbs:
        return None
    if rule.modal and (not has_modal(trigger, rule.modal) or is_negated(trigger) != rule.negated):
        return None
    speakers = speakers_of(verb, index)
    subjects = speakers_of(trigger, index)
    if subjects and not any(same(s, inner.actor) for s in subjects):
        return None  # the reverse of a reciprocal event: not what the clause says of its subject
    if rule.speaker == "other":
        # A compatriot reporting an act is its source, not its accuser; one asking
        # for an act ("Congress asked Obama to help") still appeals to its actor.
        reported = rule.clause == "ccomp"
        if not speakers or any(
            same(s, inner.actor) or (reported and same_country(s, inner.actor)) for s in speakers
        ):
            return None
        if reported and not rule.modal and verb.i > inner.trigger_start_token:
            return None  # "..., officials said": the source of a report, not an accusation
        actor, recipient = speakers[0], inner.actor
    else:
        if speakers and not any(same(s, inner.actor) for s in speakers):
            return None
        actor, recipient = inner.actor, inner.recipient
    confidence = round(rule.confidence * inner.coder.confidence / 0.8, 3)
    return dataclasses.replace(
        inner,
        trigger_start_token=verb.i,
        trigger_end_token=verb.i + 1,
        trigger=Trigger(verb.text, verb.idx, verb.idx + len(verb.text)),
        code=ontology.code_for(rule.cameo),
        actor=actor,
        recipient=recipient,
        coder=CoderInfo("rule", rule.id, min(confidence, 1.0)),
    )


def apply_transformations(
    rules: tuple[Transformation, ...],
    doc: Doc,
    found: list[EventCandidate],
    index: dict[int, ActorMention],
    ontology: Ontology,
) -> list[EventCandidate]:
    """`found` plus derived events, minus the inner events a replacing rule consumed
    (with the other events of their trigger: the reverse of a reciprocal act that did
    not happen did not happen either)."""
    kept: list[EventCandidate] = []
    derived: list[EventCandidate] = []
    consumed: set[int] = set()
    for candidate in found:
        replaced = False
        for rule in rules:
            new = transform(rule, doc, candidate, index, ontology)
            if new is not None:
                derived.append(new)
                replaced = replaced or rule.replace
                break
        if replaced:
            consumed.add(candidate.trigger_start_token)
        else:
            kept.append(candidate)
    result = [c for c in kept if c.trigger_start_token not in consumed]
    seen = {(c.trigger_start_token, c.code.cameo, c.actor, c.recipient) for c in result}
    for new in derived:
        key = (new.trigger_start_token, new.code.cameo, new.actor, new.recipient)
        if key not in seen:
            seen.add(key)
            result.append(new)
    return result
