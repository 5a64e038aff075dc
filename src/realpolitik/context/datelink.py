"""Finding the date expressions of a sentence and attaching one to an event.

Expressions come from surface patterns, the named-period table and the
parser's DATE entities. The event takes the expression closest to it in the
dependency tree: one attached to the trigger's own clause first ("visited
Moscow in 2015"), then ones reached further up ("... in 2015, when he had a
meeting" dates the meeting), then any in the sentence. A date hanging off the
report verb ("officials said on Monday that ...") dates the speech, not the event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from realpolitik.context.clauses import PostText, has_parse
from realpolitik.context.data import Period
from realpolitik.context.dates import resolve_date
from realpolitik.context.explicit_dates import PATTERN_GATES, PATTERNS, PeriodMatcher
from realpolitik.records import EventDate


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int  # token indices into the doc, end exclusive
    end: int
    value: EventDate


#: The non-ASCII characters that case-insensitive matching equates with ASCII letters
#: but `str.lower` leaves alone (see the `re` docs): folded before the alias pre-check.
ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@dataclass(frozen=True, slots=True)
class DateFinder:
    """The surface patterns and period aliases, compiled once per resolver."""

    periods: tuple[Period, ...]
    #: The surface patterns, grouped under the gate each needs (None: always searched).
    patterns: tuple[tuple[re.Pattern[str] | None, tuple[re.Pattern[str], ...]], ...]
    #: One word-bounded pattern per period alias.
    aliases: tuple[re.Pattern[str], ...] = ()
    #: The aliases lower-cased, when all are ASCII: a sentence holding none of them
    #: (case-folded) is not searched for aliases. None: always searched.
    alias_words: tuple[str, ...] | None = None
    matcher: PeriodMatcher | None = None

    @classmethod
    def build(cls, periods: Sequence[Period]) -> DateFinder:
        """Compile `PATTERNS` and one word-bounded pattern per period alias."""
        grouped: dict[str | None, list[re.Pattern[str]]] = {}
        for pattern, gate in zip(PATTERNS, PATTERN_GATES, strict=True):
            grouped.setdefault(gate, []).append(re.compile(pattern, flags=re.IGNORECASE))
        compiled = tuple(
            (None if gate is None else re.compile(gate, flags=re.IGNORECASE), tuple(patterns))
            for gate, patterns in grouped.items()
        )
        words = [alias.replace("–", "-") for period in periods for alias in period.aliases]
        aliases = tuple(
            re.compile(r"\b" + re.escape(word) + r"\b", flags=re.IGNORECASE) for word in words
        )
        ascii_only = all(word.isascii() for word in words)
        alias_words = tuple(sorted({word.lower() for word in words})) if ascii_only else None
        return cls(tuple(periods), compiled, aliases, alias_words, PeriodMatcher.build(periods))

    def may_hold_alias(self, text: str) -> bool:
        """False only when no period alias can match `text` (case-insensitively)."""
        if self.alias_words is None:
            return True
        folded = text.translate(ASCII_FOLDS).lower()
        return any(word in folded for word in self.alias_words)

    def char_spans(self, sent: Span, post: PostText | None = None) -> list[tuple[int, int]]:
        """Character spans (relative to `sent`) of every candidate date expression."""
        text = post.text[sent.start_char : sent.end_char] if post else sent.text
        text = text.replace("–", "-").replace("—", "-")
        patterns = [
            pattern
            for gate, group in self.patterns
            if gate is None or gate.search(text)
            for pattern in group
        ]
        if self.aliases and self.may_hold_alias(text):
            patterns += self.aliases
        spans = [m.span() for pattern in patterns for m in pattern.finditer(text)]
        spans += [(e.start_char - sent.start_char, e.end_char - sent.start_char)
                  for e in (post.entities(sent) if post else sent.ents)
                  if e.label_ == "DATE"]  # fmt: skip
        return spans

    def find(
        self, sent: Span, anchor: date | None, future: bool = False, post: PostText | None = None
    ) -> list[DateExpression]:
        """Date expressions of `sent` that resolve (or are cues needing an anchor);
        `post` shares the post's entities across its sentences."""
        found = []
        for start, end in _merge(self.char_spans(sent, post)):
            span = sent.doc.char_span(
                sent.start_char + start, sent.start_char + end, alignment_mode="expand"
            )
            if span is None or not len(span):
                continue
            value = resolve_date(span.text, anchor, self.periods, future, self.matcher)
            if value is not None:
                found.append(DateExpression(span.start, span.end, value))
        return found


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Keep the longest of overlapping spans."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(set(spans), key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= s or start >= e for s, e in kept):
            kept.append((start, end))
    return sorted(kept)


def find_expressions(
    sent: Span, anchor: date | None, periods: Sequence[Period], future: bool = False
) -> list[DateExpression]:
    """Date expressions of `sent` (compiles the patterns; use a `DateFinder` when repeating)."""
    return DateFinder.build(periods).find(sent, anchor, future)


def _path(trigger: Token) -> dict[int, int]:
    """Token index -> steps up from the trigger, for the trigger and its ancestors."""
    path, token, depth = {trigger.i: 0}, trigger, 0
    while token.head.i != token.i and depth < 60:
        token, depth = token.head, depth + 1
        path.setdefault(token.i, depth)
    return path


CLAUSE_DEPS = frozenset({"relcl", "acl"})
#: Subordinators of an adverbial clause whose time is not the main clause's
#: ("met Putin for the first time since Turkey shot down a jet in November 2015").
#: "when" and "as" clauses share the main clause's time and are not listed.
OTHER_TIME_MARKS = frozenset({"since", "after", "before", "until", "till", "because", "although"})


def _own_time_clause(token: Token) -> bool:
    """An adverbial clause with a subordinator that gives it a time of its own."""
    return token.dep_ == "advcl" and any(
        child.dep_ == "mark" and child.lower_ in OTHER_TIME_MARKS for child in token.children
    )


def _meeting(expression: DateExpression, root: Token, path: dict[int, int]) -> tuple[int, int]:
    """(depth of the meeting point on the trigger's path, steps from the expression to it).

    Depth 99 when the expression sits in another clause (a relative or
    complement clause off the trigger's path): its date is that clause's.
    """
    inside = [path[i] for i in range(expression.start, expression.end) if i in path]
    if inside:
        return min(inside), 0
    token, steps = root, 0
    while token.i not in path and token.head.i != token.i and steps < 60:
        if token.dep_ in CLAUSE_DEPS or _own_time_clause(token):
            return 99, steps
        token, steps = token.head, steps + 1
    return path.get(token.i, 99), steps


def attach(
    trigger: Token, expressions: list[DateExpression], frame_verb: Token | None = None
) -> DateExpression | None:
    """The expression that dates the event triggered by `trigger`, if any."""
    if not expressions:
        return None
    doc = trigger.doc
    if not has_parse(doc[expressions[0].start : expressions[0].end + 1]) or not trigger.dep_:
        return min(expressions, key=lambda e: min(abs(e.start - trigger.i), abs(e.end - trigger.i)))
    path = _path(trigger)
    scored = []
    for expression in expressions:
        root = doc[expression.start : expression.end].root
        depth, steps = _meeting(expression, root, path)
        meet = _meeting_token(root, path)
        if depth == 99 or (frame_verb is not None and meet.i == frame_verb.i and depth > 0):
            continue
        scored.append(((depth, steps), expression))
    return min(scored, key=lambda pair: pair[0])[1] if scored else None


def _meeting_token(root: Token, path: dict[int, int]) -> Token:
    token, steps = root, 0
    while token.i not in path and token.head.i != token.i and steps < 60:
        token, steps = token.head, steps + 1
    return token
