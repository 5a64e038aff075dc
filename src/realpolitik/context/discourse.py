"""Speech that spans sentences and paragraphs.

Two constructions carry a speaker beyond one sentence:

* a quotation ("...") keeps the speaker named by the speech verb of the
  sentence it opens in (or of the framing sentence just before it);
* a framing sentence that ends a paragraph with a colon ("Nasrallah sets the
  stage for the crucial visit ...:") presents the next paragraph as that
  subject's account; the events mentioned inside the framing sentence itself
  (other than its own verb) are that subject's account too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.context.clauses import PostText, has_parse
from realpolitik.context.data import Cues

QUOTE_PAIRS = (("“", "”"), ('"', '"'), ("«", "»"))
FIRST_PERSON = frozenset({"i", "we", "me", "us", "my", "our"})
NON_SPEAKERS = frozenset({"all", "this", "that", "which", "what", "above", "fact", "idea", "thing"})


@dataclass(frozen=True, slots=True)
class Region:
    """Characters [start, end) of the post that are `speaker`'s account."""

    start: int
    end: int
    speaker: Token
    cue: str
    frame_verb: int  # token index of the framing verb (never itself reported)


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks (curly pairs or alternating straight quotes)."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"“[^”]{1,4000}”", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r"«[^»]{1,4000}»", text)]
    spans += [(m.start(), m.end()) for m in re.finditer(r'"[^"]{1,4000}"', text)]
    return spans


def _sentence_at(post: PostText, char: int) -> Span | None:
    for sent in post.sentences:
        if sent.start_char <= char < sent.end_char:
            return sent
    return None


def _speech_verb(sent: Span, cues: Cues, outside: tuple[int, int]) -> Token | None:
    verbs = cues.lists["report_verbs"] | cues.lists["belief_verbs"]
    for token in sent:
        if outside[0] <= token.idx < outside[1]:
            continue
        if token.lemma_.lower() in verbs and token.pos_ in {"VERB", "AUX"}:
            return token
    return None


def _speaker(verb: Token) -> Token | None:
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if speaker is None or speaker.lower_ in FIRST_PERSON or speaker.pos_ not in {"PROPN", "NOUN"}:
        return None
    if speaker.pos_ == "NOUN" and speaker.ent_type_ not in {"PERSON", "ORG", "NORP", "GPE"}:
        return None if speaker.lemma_.lower() in NON_SPEAKERS else speaker
    return speaker


def _paragraph_after(text: str, end: int) -> tuple[int, int] | None:
    """The next paragraph after character `end` (blank-line or newline separated)."""
    match = re.search(r"\S", text[end:])
    if match is None:
        return None
    start = end + match.start()
    stop = re.search(r"\n\s*\n", text[start:])
    return start, start + stop.start() if stop else len(text)


def paragraph_bounds(text: str, char: int) -> tuple[int, int]:
    """Start and end characters of the blank-line-separated paragraph holding `char`."""
    breaks = [m.end() for m in re.finditer(r"\n\s*\n", text[:char])]
    start = breaks[-1] if breaks else 0
    after = re.search(r"\n\s*\n", text[char:])
    return start, char + after.start() if after else len(text)


def _frame_root(doc: Doc, start: int, colon: Token) -> Token | None:
    """The first verb of the framing text (before the colon) that has a speaker subject."""
    span = doc.char_span(start, colon.idx, alignment_mode="expand")
    if span is None or not has_parse(span):
        return None
    for token in span:
        if token.pos_ in {"VERB", "AUX"} and _speaker(token) is not None:
            return token
    return None


#: A colon token that ends its line: the frame of the paragraph after it.
FRAMING_COLON = re.compile(r":(?=[ \t]*\n)")


def colon_regions(doc: Doc, cues: Cues, post: PostText | None = None) -> list[Region]:
    """A paragraph ending in a framing colon, and the paragraph it introduces.

    Found from the text (a ':' right before a line break), not from sentence
    boundaries, which a parser often draws across the colon.
    """
    post = post or PostText(doc)
    text = post.text
    regions = []
    for found in FRAMING_COLON.finditer(text):
        colon_span = doc.char_span(found.start(), found.end())
        if colon_span is None or len(colon_span) != 1 or colon_span[0].text != ":":
            continue
        colon = colon_span[0]
        start, _ = paragraph_bounds(text, colon.idx)
        root = _frame_root(doc, start, colon)
        speaker = None if root is None else _speaker(root)
        if root is None or speaker is None:
            continue
        regions.append(Region(start, colon.idx, speaker, root.lower_, root.i))
        following = _paragraph_after(text, colon.idx + 1)
        if following is not None:
            regions.append(Region(*following, speaker, root.lower_, root.i))
    return regions


def quote_regions(
    doc: Doc, cues: Cues, frames: list[Region], post: PostText | None = None
) -> list[Region]:
    """Quoted passages with the speaker of their speech verb or framing sentence."""
    post = post or PostText(doc)
    regions = []
    for start, end in quote_spans(post.text):
        sent = _sentence_at(post, start)
        if sent is None or not has_parse(sent):
            continue
        verb = _speech_verb(sent, cues, (start, end))
        speaker = _speaker(verb) if verb is not None else None
        if speaker is not None and verb is not None:
            regions.append(Region(start, end, speaker, verb.lower_, verb.i))
            continue
        framing = next((f for f in frames if f.start <= start < f.end), None)
        if framing is not None:
            regions.append(Region(start, end, framing.speaker, framing.cue, framing.frame_verb))
    return regions


def speech_regions(doc: Doc, cues: Cues, post: PostText | None = None) -> list[Region]:
    """All multi-sentence speech regions of a post (quotes first: they are the narrower)."""
    post = post or PostText(doc)
    try:
        frames = colon_regions(doc, cues, post)
        return quote_regions(doc, cues, frames, post) + frames
    except ValueError:  # sentence boundaries unset: no discourse structure to read
        return []


def region_at(regions: list[Region], char: int, token_index: int) -> Region | None:
    """The innermost region holding character `char`, unless the token is its frame verb."""
    holding = [r for r in regions if r.start <= char < r.end and r.frame_verb != token_index]
    return min(holding, key=lambda r: r.end - r.start) if holding else None
