"""Loading the model: the memoized attribute ruler and lemmatizer must equal spaCy's own."""

from __future__ import annotations

import pytest
import spacy

from realpolitik.nlp import MemoizedAttributeMatch, MemoizedLemmas, memoize_attribute_ruler
from realpolitik.settings import DEFAULT_MODEL

TEXTS = [
    "I ain't gonna let's go, we gotta wait.  \n\n  She doesn't know what it's about.",
    "Russia's foreign minister met his Iranian counterpart in Moscow on Monday; "
    "they'd agreed to talks, officials said.",
    "The U.S. Treasury sanctioned 12 entities -- including Hezbollah's financiers -- in 2019.",
]


def test_memoized_ruler_sets_exactly_what_spacy_sets() -> None:
    stock = spacy.load(DEFAULT_MODEL, disable=["ner"])
    fast = spacy.load(DEFAULT_MODEL, disable=["ner"])
    memoize_attribute_ruler(fast)
    assert isinstance(fast.get_pipe("attribute_ruler").match, MemoizedAttributeMatch)
    assert isinstance(fast.get_pipe("lemmatizer").lemmatize, MemoizedLemmas)
    for _ in range(2):  # the second pass reads the memo
        for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
            assert [(t.pos_, str(t.morph), t.lemma_) for t in a] == [
                (t.pos_, str(t.morph), t.lemma_) for t in b
            ]


def test_rules_reading_other_attributes_are_refused() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LENGTH": 3}]], {"POS": "NOUN"})
    with pytest.raises(ValueError, match="LENGTH"):
        MemoizedAttributeMatch(ruler)


def test_multi_token_rules_still_apply() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "go"})
    ruler.add([[{"LOWER": "na"}]], {"LEMMA": "not-go"})
    memoize_attribute_ruler(nlp)
    doc = nlp("gon na")
    assert [t.lemma_ for t in doc] == ["go", "not-go"]
