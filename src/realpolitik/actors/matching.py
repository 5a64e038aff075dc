"""Dictionary lookup over a Doc: PhraseMatchers built per vocab from the surface forms.

Forms are keyed by their normalised text (`form_key`); a form written ``=US``
goes to a case-exact (ORTH) matcher, every other form to a LOWER matcher.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from realpolitik.nlp import split_forms

BATCH = 5000
_SPACE = re.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-"})


def form_key(form: str) -> str:
    """The lookup key of a surface form: "=US" stays exact, others are lower-cased."""
    text = _SPACE.sub(" ", form.translate(_QUOTES)).strip()
    return text if text.startswith("=") else text.lower()


@dataclass(slots=True)
class Matchers:
    """The two phrase matchers of one vocab (the vocab is kept so its id stays unique)."""

    vocab: Vocab
    lower: PhraseMatcher
    exact: PhraseMatcher


def build_matchers(vocab: Vocab, keys: Iterable[str]) -> Matchers:
    """Split every form key as the English tokenizer does and add it to a matcher."""
    tokenizer = spacy.blank("en", vocab=vocab).tokenizer
    lower = PhraseMatcher(vocab, attr="LOWER")
    exact = PhraseMatcher(vocab, attr="ORTH")
    exact_keys = sorted(k for k in keys if k.startswith("="))
    lower_keys = sorted(k for k in keys if not k.startswith("="))
    for matcher, batch_keys, strip in ((lower, lower_keys, 0), (exact, exact_keys, 1)):
        for i in range(0, len(batch_keys), BATCH):
            chunk = batch_keys[i : i + BATCH]
            splits = split_forms(tokenizer, [k[strip:] for k in chunk])
            for key, words in zip(chunk, splits, strict=True):
                matcher.add(key, [Doc(vocab, words=words)])
    return Matchers(vocab, lower, exact)


def candidate_spans(doc: Doc, matchers: Matchers) -> list[tuple[int, int, str]]:
    """(start, end, form key) of every dictionary match in the doc, overlaps included."""
    strings = doc.vocab.strings
    found = [(s, e, strings[m]) for m, s, e in matchers.lower(doc)]
    found += [(s, e, strings[m]) for m, s, e in matchers.exact(doc)]
    return found
