"""Shared fixtures: hand-built parses, the real model (slow paths), the shipped cue data."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from realpolitik.context.data import load_cues

GOLD_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "gold"


@pytest.fixture(scope="session")
def cues():
    return load_cues()


@pytest.fixture(scope="session")
def nlp():
    from realpolitik.nlp import load_nlp

    return load_nlp()


def parse(rows: list[tuple[str, int, str, str, str, str]]) -> Doc:
    """A hand-built parse from (word, head index, dep, pos, tag, lemma) rows."""
    words = [r[0] for r in rows]
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )
