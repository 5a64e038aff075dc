"""The actor tagger: BIO decoding and learning spans from parsed sentences."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from spacy.tokens import Doc

from realpolitik.models.tagger import TAGS, ActorTagger, TaggedSpan, bio_to_spans, viterbi_bio
from realpolitik.nlp import load_nlp

TRAIN = [
    ("Rebels attacked the army base .", "B-S O B-T I-T I-T O"),
    ("The police arrested the protesters .", "B-S I-S O B-T I-T O"),
    ("Germany criticised Turkey .", "B-S O B-T O"),
    ("The minister visited Moscow .", "B-S I-S O B-T O"),
    ("Israel and Egypt signed a treaty .", "B-R O B-R O O O O"),
    ("Soldiers shelled the village .", "B-S O B-T I-T O"),
]


def test_bio_to_spans() -> None:
    tags = ["B-S", "I-S", "O", "I-T", "B-T", "B-R"]
    assert bio_to_spans(tags, offset=10) == [
        TaggedSpan("S", 10, 12),
        TaggedSpan("T", 13, 14),
        TaggedSpan("T", 14, 15),
        TaggedSpan("R", 15, 16),
    ]


def test_viterbi_never_starts_inside_a_span() -> None:
    scores = np.full((3, len(TAGS)), -5.0)
    scores[:, TAGS.index("I-S")] = 3.0  # an unconstrained argmax would give I-S I-S I-S
    scores[0, TAGS.index("B-S")] = 1.0
    path = [TAGS[i] for i in viterbi_bio(scores)]
    assert path == ["B-S", "I-S", "I-S"]


@pytest.fixture(scope="module")
def parsed() -> tuple[list[Doc], list[list[str]]]:
    nlp = load_nlp()
    docs = [nlp(Doc(nlp.vocab, words=text.split())) for text, _ in TRAIN]
    return docs, [tags.split() for _, tags in TRAIN]


def test_learns_spans_and_round_trips(parsed, tmp_path: Path) -> None:
    docs, tags = parsed
    tagger = ActorTagger.fit(docs * 3, tags * 3)
    assert tagger.tag_sentence(docs[0], docs[0][:]) == tags[0]
    tagger.save(tmp_path)
    loaded = ActorTagger.load(tmp_path)
    for doc in docs:
        assert loaded.spans(doc, doc[:]) == tagger.spans(doc, doc[:])


def test_works_on_an_unparsed_sentence(parsed) -> None:
    docs, tags = parsed
    tagger = ActorTagger.fit(docs * 3, tags * 3)
    bare = Doc(docs[2].vocab, words=[t.text for t in docs[2]])  # no parse at all
    assert len(tagger.tag_sentence(bare, bare[:])) == len(bare)
