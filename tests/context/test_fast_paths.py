"""The shortcuts of the context stage give exactly what the plain computations give."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest
import spacy
from spacy.tokens import Doc, Span

from realpolitik.context.clauses import PostText
from realpolitik.context.data import Period, load_periods
from realpolitik.context.datelink import ASCII_FOLDS, DateFinder
from realpolitik.context.discourse import colon_regions
from realpolitik.context.explicit_dates import PATTERN_GATES, PATTERNS, match_period

SENTENCES = [
    "On March 3, 2015 the ministers met in Vienna.",
    "The 3rd of March 2015 was cold, as was early-March 2016 and mid-March.",
    "Troops left on 2015-03-03, in late March, since June and last spring.",
    "The 1980s and the early 1990s saw the 19th century revisited, over the centuries.",
    "A little over a year ago, some three weeks ago and two decades ago it began.",
    "Earlier this week, last month, next year and the past decade were quiet.",
    "Today, yesterday, tonight and this morning; last Tuesday and on Sunday.",
    "From 1999 to 2003 and between 1914 and 1918, during the Iran–Iraq war.",
    "During the Cold War and the Second World War the twentieth century ended.",
    "Nothing here names a date at all, nor a period.",
]


@pytest.fixture(scope="module")
def periods():
    return load_periods()


def whole(text: str) -> Span:
    doc = spacy.blank("en")(text)
    return doc[:]


@pytest.mark.parametrize(("pattern", "gate"), list(zip(PATTERNS, PATTERN_GATES, strict=True)))
def test_every_match_passes_its_gate(pattern: str, gate: str | None) -> None:
    if gate is None:
        return
    compiled = re.compile(pattern, flags=re.IGNORECASE)
    matched = [m.group() for text in SENTENCES for m in compiled.finditer(text)]
    assert all(re.search(gate, text, flags=re.IGNORECASE) for text in matched)


def test_gated_spans_equal_every_pattern_searched(periods) -> None:
    finder = DateFinder.build(periods)
    aliases = [
        r"\b" + re.escape(alias.replace("–", "-")) + r"\b"
        for period in periods
        for alias in period.aliases
    ]
    every = [re.compile(p, flags=re.IGNORECASE) for p in (*PATTERNS, *aliases)]
    for text in SENTENCES:
        plain = text.replace("–", "-").replace("—", "-")
        expected = sorted(m.span() for pattern in every for m in pattern.finditer(plain))
        sent = whole(text)
        assert sorted(finder.char_spans(sent)) == expected
        assert sorted(finder.char_spans(sent, PostText(sent.doc))) == expected


def test_alias_precheck_folds_what_ignorecase_equates() -> None:
    for letter in string.ascii_lowercase:
        pattern = re.compile(letter, flags=re.IGNORECASE)
        for code in range(0x2200):
            char = chr(code)
            if pattern.fullmatch(char):
                assert char.translate(ASCII_FOLDS).lower() == letter


def test_alias_found_whatever_its_case() -> None:
    period = Period("Kosovo War", ("Kosovo War",), date(1998, 2, 28), date(1999, 6, 11), "year")
    finder = DateFinder.build([period])
    for text in ("In the KOSOVO WAR troops died.", "In the \u212aosovo war troops died."):
        assert finder.may_hold_alias(text)
        assert (7, 17) in finder.char_spans(whole(text))
    assert not finder.may_hold_alias("In the war troops died.")


def test_period_matcher_equals_match_period(periods) -> None:
    matcher = DateFinder.build(periods).matcher
    assert matcher is not None
    texts = [*SENTENCES, "the cold war", "World War II", "no period"]
    for text in texts:
        assert matcher.match(text) == match_period(text, periods)


def test_post_text_entities_equal_span_ents() -> None:
    vocab = spacy.blank("en").vocab
    words = ["Putin", "met", "Erdogan", "in", "Ankara", ".", "Then", "on", "Monday", "he", "left"]
    ents = ["B-PERSON", "O", "B-PERSON", "O", "B-GPE", "O", "O", "O", "B-DATE", "O", "O"]
    doc = Doc(vocab, words=words, ents=ents)
    post = PostText(doc)
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert post.entities(doc[start:end]) == list(doc[start:end].ents)
    assert post.text == doc.text


def test_colon_regions_find_the_framing_colon_token(cues) -> None:
    words = ["At", "10:30", "Nasrallah", "said", ":", "\n", "The", "war", "goes", "on", "."]
    spaces = [True, True, True, False, False, False, True, True, True, False, False]
    heads = [3, 0, 3, 3, 3, 3, 7, 8, 8, 8, 8]
    deps = ["prep", "pobj", "nsubj", "ROOT", "punct", "dep", "det", "nsubj", "ROOT", "prt", "punct"]
    pos = ["ADP", "NUM", "PROPN", "VERB", "PUNCT", "SPACE", "DET", "NOUN", "VERB", "ADP", "PUNCT"]
    doc = Doc(spacy.blank("en").vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos)
    regions = colon_regions(doc, cues)
    colon = doc[4]
    assert [(r.start, r.end, r.speaker.text, r.frame_verb) for r in regions] == [
        (0, colon.idx, "Nasrallah", 3),
        (doc[6].idx, len(doc.text), "Nasrallah", 3),
    ]
