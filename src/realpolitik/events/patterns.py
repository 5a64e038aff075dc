"""The pattern dictionary: trigger lemmas + dependency constraints -> CAMEO code.

Patterns are data (``data/patterns/*.yaml``); this module loads and validates them
and indexes them by (lemma, part of speech).  Role specs name where an argument
is found relative to the trigger:

    nsubj, agent, nsubjpass, dobj, dative   dependents of a verb (agent = "by" phrase;
                                            dobj = the required object's modifiers
                                            when the pattern names the object)
    ccomp_subj                              subject of the verb's clause ("demanded
                                            that Hamas renounce ...")
    poss, mod                               possessor / amod-compound-nmod of a noun
    prep:X                                  object of preposition X (on the trigger
                                            or on its matched object noun)
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import DataValidationError

PATTERN_FILES = ("core.yaml", "petrarch_verbs.yaml")  # earlier files take precedence
POS_VALUES = ("VERB", "NOUN")
ROLE = re.compile(r"^(nsubj|agent|nsubjpass|dobj|dative|ccomp_subj|poss|mod|prep:[a-z]+)$")
DEFAULT_ROLES = {
    ("VERB", "actor"): ("nsubj", "agent"),
    ("VERB", "recipient"): (
        "dobj",
        "nsubjpass",
        "dative",
        "prep:against",
        "prep:on",
        "prep:to",
        "prep:with",
        "prep:upon",
        "prep:at",
        "prep:into",
    ),
    ("NOUN", "actor"): ("poss", "mod", "prep:by"),
    ("NOUN", "recipient"): ("prep:of", "prep:against", "prep:on", "prep:to", "prep:with"),
}
FIELDS = {
    "id",
    "lemmas",
    "pos",
    "cameo",
    "confidence",
    "particle",
    "prep",
    "prep_object",
    "object",
    "subject",
    "modifier",
    "actor",
    "recipient",
    "symmetric",
    "reciprocal",
    "recipient_default",
    "note",
}
#: Recipients a pattern may infer when the text names none: "own_government" is the
#: government of the actor's own country (a defection is from one's own side).
RECIPIENT_DEFAULTS = frozenset({"own_government"})
WORD_LISTS = ("lemmas", "prep_object", "object", "subject", "modifier")
#: A word list of phrases by head word: head -> modifier words of each phrase.
PhraseHeads = dict[str, tuple[tuple[str, ...], ...]]


@dataclass(frozen=True, slots=True)
class Pattern:
    """One dictionary entry; `cameo` None means "this is not an event" (it blocks)."""

    id: str
    lemmas: tuple[str, ...]
    pos: str
    cameo: str | None
    confidence: float
    particle: str | None = None
    prep: str | None = None
    prep_object: tuple[str, ...] = ()
    object: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    symmetric: bool = False
    reciprocal: bool = False
    recipient_default: str | None = None
    #: Head words of the `object` phrases: a trigger none of whose objects has one
    #: of these forms cannot match (checked before the full constraints).
    object_heads: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        heads = frozenset(split_phrase(phrase)[1] for phrase in self.object)
        object.__setattr__(self, "object_heads", heads)

    @property
    def specificity(self) -> int:
        """How many constraints the pattern has (the most specific match wins)."""
        parts = (self.particle, self.prep, self.prep_object, self.object, self.subject)
        return sum(1 for part in (*parts, self.modifier) if part)


@dataclass(frozen=True, slots=True)
class PatternIndex:
    """Patterns by (lemma, pos), each list in precedence order."""

    by_trigger: dict[tuple[str, str], tuple[Pattern, ...]]
    #: Each word list of the patterns, indexed head word -> modifier words of its phrases.
    phrase_heads: dict[tuple[str, ...], PhraseHeads] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        heads = {
            phrases: index_heads(phrases)
            for patterns in self.by_trigger.values()
            for pattern in patterns
            for phrases in (pattern.object, pattern.subject, pattern.modifier, pattern.prep_object)
        }
        object.__setattr__(self, "phrase_heads", heads)

    def candidates(self, lemma: str, pos: str) -> tuple[Pattern, ...]:
        return self.by_trigger.get((lemma, pos), ())

    def lemmas(self) -> frozenset[str]:
        return frozenset(lemma for lemma, _ in self.by_trigger)


def split_phrase(phrase: str) -> tuple[tuple[str, ...], str]:
    """A phrase's modifier words and its head word (the last)."""
    *modifiers, head = phrase.split()
    return tuple(modifiers), head


def index_heads(phrases: tuple[str, ...]) -> PhraseHeads:
    """Head word -> the modifier words of each phrase with that head, in phrase order."""
    heads: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        modifiers, head = split_phrase(phrase)
        heads.setdefault(head, []).append(modifiers)
    return {head: tuple(found) for head, found in heads.items()}


def default_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "patterns"))


def _words(path: Path, pid: str, entry: dict[str, Any], key: str) -> tuple[str, ...]:
    value = entry.get(key) or ()
    if isinstance(value, str):
        value = (value,)
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) and v for v in value):
        raise DataValidationError(str(path), f"pattern {pid}: {key} must be a list of words")
    return tuple(v.lower() for v in value)


def _roles(path: Path, pid: str, entry: dict[str, Any], key: str, pos: str) -> tuple[str, ...]:
    roles = _words(path, pid, entry, key) or DEFAULT_ROLES[(pos, key)]
    bad = [role for role in roles if not ROLE.match(role)]
    if bad:
        raise DataValidationError(str(path), f"pattern {pid}: unknown role {bad[0]!r}")
    return roles


def parse_pattern(path: Path, entry: Any, known_codes: set[str]) -> Pattern:
    """Validate one YAML entry against the schema; raises `DataValidationError`."""
    if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
        raise DataValidationError(str(path), f"pattern without an id: {entry!r:.80}")
    pid = entry["id"]
    unknown = set(entry) - FIELDS
    if unknown:
        raise DataValidationError(str(path), f"pattern {pid}: unknown fields {sorted(unknown)}")
    pos = entry.get("pos", "VERB")
    if pos not in POS_VALUES:
        raise DataValidationError(str(path), f"pattern {pid}: pos must be VERB or NOUN")
    cameo = entry.get("cameo")
    if cameo is not None and str(cameo) not in known_codes:
        raise DataValidationError(str(path), f"pattern {pid}: CAMEO code {cameo!r} not in ontology")
    confidence = entry.get("confidence", 0.6)
    if not isinstance(confidence, int | float) or not 0 < confidence <= 1:
        raise DataValidationError(str(path), f"pattern {pid}: confidence must be in (0, 1]")
    recipient_default = entry.get("recipient_default")
    if recipient_default is not None and recipient_default not in RECIPIENT_DEFAULTS:
        raise DataValidationError(
            str(path),
            f"pattern {pid}: recipient_default must be one of {sorted(RECIPIENT_DEFAULTS)}",
        )
    words = {key: _words(path, pid, entry, key) for key in WORD_LISTS}
    if not words["lemmas"]:
        raise DataValidationError(str(path), f"pattern {pid}: no lemmas")
    return Pattern(
        id=pid,
        pos=pos,
        cameo=None if cameo is None else str(cameo),
        confidence=float(confidence),
        particle=entry.get("particle"),
        prep=entry.get("prep"),
        actor=_roles(path, pid, entry, "actor", pos),
        recipient=_roles(path, pid, entry, "recipient", pos),
        symmetric=bool(entry.get("symmetric", False)),
        reciprocal=bool(entry.get("reciprocal", False)),
        recipient_default=recipient_default,
        **words,
    )


def read_pattern_file(path: Path, known_codes: set[str]) -> list[Pattern]:
    """All patterns of one YAML file (with `provenance` and `patterns` keys)."""
    try:
        with path.open(encoding="utf-8") as handle:
            document = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError) as exc:
        raise DataValidationError(str(path), f"cannot read: {exc}") from exc
    if not isinstance(document, dict) or not isinstance(document.get("provenance"), dict):
        raise DataValidationError(str(path), "missing provenance header")
    if not {"origin", "licence"} <= set(document["provenance"]):
        raise DataValidationError(str(path), "provenance needs origin and licence")
    entries = document.get("patterns")
    if not isinstance(entries, list):
        raise DataValidationError(str(path), "patterns must be a list")
    return [parse_pattern(path, entry, known_codes) for entry in entries]


def load_patterns(paths: list[Path], known_codes: set[str]) -> PatternIndex:
    """Read the files in precedence order into one index; duplicate ids are an error."""
    index: dict[tuple[str, str], list[Pattern]] = defaultdict(list)
    seen: dict[str, Path] = {}
    for path in paths:
        for pattern in read_pattern_file(path, known_codes):
            if pattern.id in seen:
                raise DataValidationError(str(path), f"pattern {pattern.id}: duplicate id")
            seen[pattern.id] = path
            for lemma in pattern.lemmas:
                index[(lemma, pattern.pos)].append(pattern)
    return PatternIndex({key: tuple(value) for key, value in index.items()})
