"""`ContextResolver`: status, attribution, date and location for every coded candidate.

Date decision, in order:
1. a date expression attached to the event's clause, or reached up the parse
   from it (never one hanging off the report verb or inside another clause);
2. a *narrow* paragraph fallback: a past-tense event with no date of its own
   takes a named-period or century cue from the same paragraph (basis
   ``period``) — e.g. a comment about the Great Game;
3. otherwise the post's or document's date with basis ``publication`` (or
   nothing, basis ``unknown``, when the document has no date).
An asserted or reported event whose own date lies after the anchor is ``future``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc, Span, Token

from realpolitik.context.attribution import build_attribution
from realpolitik.context.clauses import PostText, has_parse, sentence_span
from realpolitik.context.data import Cues, Period, load_cues, load_periods
from realpolitik.context.datelink import DateExpression, DateFinder, attach
from realpolitik.context.dates import publication_date
from realpolitik.context.discourse import (
    Region,
    paragraph_bounds,
    region_at,
    speech_regions,
)
from realpolitik.context.location import attach_place, to_place
from realpolitik.context.places import Gazetteer, GeonamesGazetteer
from realpolitik.context.status import StatusResult, analyse_status
from realpolitik.records import (
    ActorMention,
    DateBasis,
    DatePrecision,
    Document,
    EventCandidate,
    EventContext,
    EventDate,
    Post,
    Status,
)
from realpolitik.settings import Settings

PAST_TAGS = frozenset({"VBD", "VBN"})
FIRST_PERSON = frozenset({"i", "we", "me", "us"})


class ContextResolver:
    """Holds the loaded cue lists, period table and gazetteer (read-only)."""

    def __init__(self, cues: Cues, periods: Sequence[Period], gazetteer: Gazetteer) -> None:
        self.cues = cues
        self.periods = tuple(periods)
        self.gazetteer = gazetteer
        self.finder = DateFinder.build(self.periods)

    @classmethod
    def load(cls, settings: Settings) -> ContextResolver:
        """Load and validate the context data files and build the gazetteer."""
        return cls(load_cues(settings), load_periods(settings), GeonamesGazetteer.load(settings))

    def resolve(
        self,
        doc: Doc,
        candidates: list[EventCandidate],
        post: Post,
        document: Document,
        mentions: list[ActorMention],
    ) -> list[EventContext]:
        """One `EventContext` per candidate, in order."""
        anchor = post.date or document.date
        text = PostText(doc)
        regions = speech_regions(doc, self.cues, text) if candidates else []
        dates = SentenceDates(self.finder, anchor, text)
        return [
            self.resolve_one(doc, candidate, anchor, regions, post, document, mentions, dates)
            for candidate in candidates
        ]

    def resolve_one(
        self,
        doc: Doc,
        candidate: EventCandidate,
        anchor: date | None,
        regions: list[Region],
        post: Post,
        document: Document,
        mentions: Sequence[ActorMention],
        dates: SentenceDates | None = None,
    ) -> EventContext:
        """The context of one candidate (`dates` shares date expressions across a post)."""
        dates = dates or SentenceDates(self.finder, anchor)
        trigger = _trigger_token(doc, candidate)
        sent = sentence_span(doc, candidate.sentence_start, candidate.sentence_end, trigger.i)
        result = analyse_status(doc, trigger.i, self.cues, sent)
        status, cue, speaker = _with_discourse(result, regions, trigger)
        when = self.event_date(trigger, sent, anchor, status, result, dates)
        if status in {Status.ASSERTED, Status.REPORTED} and _after(when, anchor):
            status, cue = Status.FUTURE, when.text
        mention = attach_place(trigger, self.gazetteer, sent, dates.text)
        return EventContext(
            status=status.value,
            attribution=build_attribution(speaker, cue, post, document, mentions),
            date=when,
            location=None if mention is None else to_place(mention),
        )

    def event_date(
        self,
        trigger: Token,
        sent: Span,
        anchor: date | None,
        status: Status,
        result: StatusResult,
        dates: SentenceDates | None = None,
    ) -> EventDate:
        """The event's date: attached expression, paragraph period cue, or publication."""
        dates = dates or SentenceDates(self.finder, anchor)
        expressions = dates.find(sent, status == Status.FUTURE)
        frame_verb = result.frame.verb if result.frame is not None else None
        chosen = attach(trigger, expressions, frame_verb)
        if chosen is not None:
            return chosen.value
        if status in {Status.ASSERTED, Status.REPORTED} and _is_past(trigger):
            cue = _paragraph_period(trigger, sent, dates)
            if cue is not None:
                return cue.value
        return publication_date(anchor)


class SentenceDates:
    """Date expressions per sentence of one post, found once however many events ask
    (with the post's text and sentences, read once, for the paragraph fallback)."""

    def __init__(
        self, finder: DateFinder, anchor: date | None, text: PostText | None = None
    ) -> None:
        self.finder = finder
        self.anchor = anchor
        self.text = text
        self.found: dict[tuple[int, int, bool], list[DateExpression]] = {}

    def find(self, sent: Span, future: bool = False) -> list[DateExpression]:
        """`DateFinder.find` for `sent`, computed on first request."""
        key = (sent.start, sent.end, future)
        if key not in self.found:
            self.found[key] = self.finder.find(sent, self.anchor, future, self.text)
        return self.found[key]


def _paragraph_period(trigger: Token, sent: Span, dates: SentenceDates) -> DateExpression | None:
    """The nearest named-period or century cue in the trigger's paragraph."""
    text = dates.text if dates.text is not None else PostText(trigger.doc)
    start, end = paragraph_bounds(text.text, sent.start_char)
    found: list[DateExpression] = []
    for other in text.sentences:
        if other.start_char >= start and other.end_char <= end + 1 and other != sent:
            found += [e for e in dates.find(other) if _is_era(e)]
    if not found:
        return None
    return min(found, key=lambda e: abs(e.start - trigger.i))


def _trigger_token(doc: Doc, candidate: EventCandidate) -> Token:
    span = doc[candidate.trigger_start_token : max(candidate.trigger_end_token,
                                                   candidate.trigger_start_token + 1)]  # fmt: skip
    return span.root if has_parse(span) else span[-1]


def _with_discourse(
    result: StatusResult, regions: list[Region], trigger: Token
) -> tuple[Status, str | None, Token | None]:
    """Combine the sentence's own status with a speech region around it."""
    frame = result.frame
    speaker = frame.speaker if frame is not None and frame.kind != "question" else None
    cue = frame.cue if frame is not None else None
    region = region_at(regions, trigger.idx, trigger.i)
    if region is None:
        return result.status, result.cue if cue is None else cue, speaker
    if speaker is None or speaker.lower_ in FIRST_PERSON:
        speaker, cue = region.speaker, cue or region.cue
    status = Status.REPORTED if result.status == Status.ASSERTED else result.status
    return status, cue or result.cue, speaker


def _after(when: EventDate, anchor: date | None) -> bool:
    if anchor is None or when.start is None:
        return False
    if when.basis not in {DateBasis.EXPLICIT.value, DateBasis.RELATIVE.value}:
        return False
    return date.fromisoformat(when.start) > anchor


def _is_past(trigger: Token) -> bool:
    """Past tense: the trigger or the first verb above a nominal trigger is VBD/VBN."""
    token = trigger
    for _ in range(6):
        if token.tag_.startswith("VB") or token.pos_ in {"VERB", "AUX"}:
            return token.tag_ in PAST_TAGS
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _is_era(expression: DateExpression) -> bool:
    value = expression.value
    coarse = {DatePrecision.CENTURY.value, DatePrecision.DECADE.value}
    return value.basis == DateBasis.PERIOD.value or value.precision in coarse
