"""Readers for the annotated gold files the shipped models may train on.

Every reader returns plain tuples in file order, so training sees a fixed data
order. Labels are mapped to one scheme: 0 = no event / statement, then CAMEO
quad classes 1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
4 material conflict (ConfliBERT's numbering).
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

CONFLIBERT_CLASS = Path("conflibert_train") / "cameo_class_train.tsv"
CONFLIBERT_NER = Path("conflibert_train") / "cameo_ner_train.txt"
KEEP_IT_LOCAL = Path("keep_it_local_quadclass_dev.tsv")
PETR2 = Path("petr2_gsr_validation.jsonl")
PLOVER_GSR = Path("plover_gsr_cameo.json")

#: keep_it_local numbering -> ConfliBERT numbering. The upstream README numbers the
#: classes 1 verbal conflict, 2 material conflict, 3 verbal cooperation, 4 material
#: cooperation, but the file's labels follow 1 material conflict, 2 material
#: cooperation, 3 verbal conflict, 4 verbal cooperation: of its sentences with
#: "killed" 64 of 68 are 1, with "condemn" 82 of 97 are 3, with "welcom" 45 of 58 are
#: 4 (tests/models/test_data.py checks this on the file).
KEEP_IT_LOCAL_TO_QUAD = {0: 0, 1: 4, 2: 2, 3: 3, 4: 1}

QUAD_LABELS = ("none", "verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """A sentence and its class in ConfliBERT's 0-4 numbering."""

    text: str
    label: int


@dataclass(frozen=True, slots=True)
class TaggedSentence:
    """A tokenised sentence and one BIO tag per token (S source, T target, R reciprocal)."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def read_conflibert_class(gold_dir: Path) -> list[LabelledSentence]:
    """ConfliBERT's 5-way training sentences (text TAB label)."""
    with (gold_dir / CONFLIBERT_CLASS).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [LabelledSentence(text.strip(), int(label)) for text, label in rows if text.strip()]


def read_keep_it_local(gold_dir: Path) -> list[LabelledSentence]:
    """keep_it_local UN sentences, relabelled into ConfliBERT's numbering."""
    with (gold_dir / KEEP_IT_LOCAL).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t"))
    return [
        LabelledSentence(row[0].strip(), KEEP_IT_LOCAL_TO_QUAD[int(row[-1])])
        for row in rows[1:]
        if len(row) >= 2 and row[0].strip()
    ]


def read_conflibert_ner(gold_dir: Path) -> list[TaggedSentence]:
    """ConfliBERT's token-per-line BIO file; blank lines separate sentences."""
    sentences: list[TaggedSentence] = []
    words: list[str] = []
    tags: list[str] = []
    with (gold_dir / CONFLIBERT_NER).open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").rsplit(" ", 1)
            if len(parts) == 2 and parts[0]:
                words.append(parts[0])
                tags.append(parts[1])
            elif words:
                sentences.append(TaggedSentence(tuple(words), tuple(tags)))
                words, tags = [], []
    if words:
        sentences.append(TaggedSentence(tuple(words), tuple(tags)))
    return sentences


def read_petr2(gold_dir: Path) -> list[dict[str, object]]:
    """PETRARCH-2 validation sentences with their CAMEO codings (raw records)."""
    with (gold_dir / PETR2).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_plover_gsr(gold_dir: Path) -> list[dict[str, object]]:
    """PLOVER gold-standard records, without the DOCUMENT header record."""
    with (gold_dir / PLOVER_GSR).open(encoding="utf-8") as handle:
        records = json.load(handle)
    return [r for r in records if r.get("event") != "DOCUMENT" and r.get("text")]


#: PLOVER 0.5b1 names in the gold records -> their PLOVER 0.8 types.
PLOVER_OLD_NAMES = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
}


@dataclass(frozen=True, slots=True)
class TypedSentence:
    """A sentence and the PLOVER 0.8 type of its event."""

    id: str
    text: str
    event_type: str


def read_plover_types(gold_dir: Path) -> list[TypedSentence]:
    """PLOVER gold sentences with their event type in PLOVER 0.8 names, in file order."""
    return [
        TypedSentence(
            str(r["id"]),
            str(r["text"]).strip(),
            PLOVER_OLD_NAMES.get(str(r["event"]), str(r["event"])),
        )
        for r in read_plover_gsr(gold_dir)
        if str(r["text"]).strip()
    ]
