"""Small functions over the dependency parse: parse checks, sentence spans, clause links."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span, Token

#: Dependencies that open a new clause under their head.
CLAUSAL_DEPS = frozenset(
    {"ccomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass", "dep", "xcomp"}
)
#: Dependencies that tie a noun or adjective to the predicate whose modality it shares.
ARGUMENT_DEPS = frozenset(
    {
        "nsubj",
        "nsubjpass",
        "dobj",
        "pobj",
        "prep",
        "attr",
        "oprd",
        "dative",
        "agent",
        "pcomp",
        "compound",
        "appos",
        "npadvmod",
        "acomp",
        "poss",
        "nmod",
        "amod",
    }
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
DASHES = frozenset({"-", "–", "—", "--", "(", "[", ")", "]"})


class PostText:
    """A post's text and sentences, read from its Doc once (each read walks every token)."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._text: str | None = None
        self._sentences: list[Span] | None = None
        self._entities: tuple[Span, ...] | None = None
        self._entity_starts: list[int] = []

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = self.doc.text
        return self._text

    @property
    def sentences(self) -> list[Span]:
        """`doc.sents` as a list (raises ValueError, as it does, when boundaries are unset)."""
        if self._sentences is None:
            self._sentences = list(self.doc.sents)
        return self._sentences

    def entities(self, span: Span) -> list[Span]:
        """`span.ents` (entities wholly inside `span`) without rebuilding `doc.ents`."""
        if self._entities is None:
            self._entities = self.doc.ents
            self._entity_starts = [entity.start for entity in self._entities]
        found = []
        for entity in self._entities[bisect_left(self._entity_starts, span.start) :]:
            if entity.end > span.end:
                break
            found.append(entity)
        return found


def has_parse(tokens: Doc | Span) -> bool:
    """True when the tokens carry a dependency parse (a pre-filter may leave some bare)."""
    return any(token.dep_ for token in tokens)


def sentence_span(doc: Doc, start_char: int, end_char: int, index: int) -> Span:
    """The sentence the candidate names by character offsets (falls back to the token's sent)."""
    span = doc.char_span(start_char, end_char, alignment_mode="expand")
    if span is not None and len(span) and span.start <= index < span.end:
        return span
    return sentence_of(doc[index])


def sentence_of(token: Token) -> Span:
    """The token's sentence, or the whole doc when sentence boundaries are unset."""
    try:
        return token.sent
    except ValueError:
        return token.doc[:]


def is_predicate(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def children(token: Token, deps: frozenset[str] | set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def subject_of(token: Token) -> Token | None:
    """The subject of a predicate (following xcomp/conj up when it has none of its own)."""
    seen = 0
    while seen < 6:
        for child in token.children:
            if child.dep_ in {"nsubj", "csubj"}:
                return child
            if child.dep_ == "agent":
                objects = children(child, {"pobj"})
                if objects:
                    return objects[0]
        if token.dep_ in {"xcomp", "conj"} and token.head.i != token.i:
            token = token.head
            seen += 1
            continue
        return None
    return None


def is_aside(token: Token) -> bool:
    """True when a modifier clause is set off by dashes or brackets (the author's aside)."""
    left = token.left_edge.i
    doc = token.doc
    before = doc[left - 1].text if left > 0 else ""
    first = doc[left].text
    return before in DASHES or first in DASHES


def ends_with_question(sent: Span) -> bool:
    for token in reversed(sent):
        if token.is_space:
            continue
        if token.text in {'"', "”", "’", "'", ")"}:
            continue
        return "?" in token.text
    return False


def parenthetical(sent: Span, index: int) -> tuple[int, int] | None:
    """Token range of the dash- or bracket-delimited aside holding token `index`, if any.

    Dashes count only when spaced (" - "), so hyphenated words are not asides.
    """
    doc = sent.doc
    dashes = [
        t.i
        for t in sent
        if t.text in {"-", "–", "—", "--"}
        and t.i > 0
        and doc[t.i - 1].whitespace_
        and t.whitespace_
    ]
    pairs = list(zip(dashes[::2], dashes[1::2], strict=False))
    opened: list[int] = []
    for token in sent:
        if token.text in {"(", "["}:
            opened.append(token.i)
        elif token.text in {")", "]"} and opened:
            pairs.append((opened.pop(), token.i))
    inside = [(a, b) for a, b in pairs if a < index < b]
    return min(inside, key=lambda p: p[1] - p[0]) if inside else None
