"""The driver, in data-flow order: documents -> nlp.pipe -> actors -> events -> context -> events.

`Coder` holds the loaded resources (spaCy pipeline, dictionaries, patterns,
gazetteer) and codes documents one batch at a time; it keeps no state between
documents, so the same `code_document` runs in a worker process or on a Dask
worker and gives the same events.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from realpolitik import __version__
from realpolitik.actors import ActorResolver
from realpolitik.actors.pronouns import possible_neuter_pronouns
from realpolitik.context import ContextResolver
from realpolitik.events import EventCoder
from realpolitik.nlp import load_nlp
from realpolitik.prefilter import SelectiveParser, SentenceFilter
from realpolitik.records import (
    ActorMention,
    CodedDocument,
    Document,
    Event,
    EventCandidate,
    EventContext,
    Post,
)
from realpolitik.settings import Settings, load_settings

if TYPE_CHECKING:
    from realpolitik.models.coder import ModelEventCoder

C = TypeVar("C")


@dataclass(slots=True)
class PostCoding:
    """One parsed post between the stages: its actor mentions and event candidates."""

    document: Document
    post: Post
    doc: Doc
    mentions: list[ActorMention]
    candidates: list[EventCandidate]


def candidate_order(candidate: EventCandidate) -> int:
    """Candidates of a post in sentence order (stable within a sentence)."""
    return candidate.sentence_id


def make_event_id(document: Document, candidate: EventCandidate) -> str:
    """Stable id: same document content + same position + same coding + same version."""
    actor = candidate.actor.actor.code if candidate.actor else ""
    recipient = candidate.recipient.actor.code if candidate.recipient else ""
    key = "|".join(
        str(part)
        for part in (
            __version__,
            document.content_hash,
            candidate.post_id,
            candidate.sentence_id,
            candidate.trigger.start,
            candidate.code.cameo,
            actor,
            candidate.actor.start_token if candidate.actor else "",
            recipient,
            candidate.recipient.start_token if candidate.recipient else "",
        )
    )
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def event_day(event: Event) -> date | None:
    """The event's own date when the text gave one (not merely the publication date)."""
    if event.date.start is None or event.date.basis in {"publication", "unknown"}:
        return None
    return date.fromisoformat(event.date.start)


def build_event(
    document: Document, post: Post, candidate: EventCandidate, context: EventContext
) -> Event:
    """Join a coded candidate and its resolved context into a contract record."""
    code = candidate.code
    return Event(
        event_id=make_event_id(document, candidate),
        doc_id=document.doc_id,
        post_id=post.post_id,
        sentence_id=candidate.sentence_id,
        sentence=post.text[candidate.sentence_start : candidate.sentence_end],
        event_type=code.event_type,
        mode=code.mode,
        context=code.context,
        cameo=code.cameo,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        actor=candidate.actor.actor if candidate.actor else None,
        recipient=candidate.recipient.actor if candidate.recipient else None,
        status=context.status,
        attribution=context.attribution,
        date=context.date,
        location=context.location,
        trigger=candidate.trigger,
        coder=candidate.coder,
    )


def _load_model_coder(settings: Settings) -> ModelEventCoder | None:
    """The learned models for ``--coder models|hybrid``; None for rules alone."""
    if settings.coder == "rules":
        return None
    from realpolitik.models.coder import ModelEventCoder

    return ModelEventCoder.load(settings)


class Coder:
    """Codes documents into events with loaded, read-only resources."""

    def __init__(
        self,
        settings: Settings,
        nlp: Language,
        actors: ActorResolver,
        events: EventCoder,
        context: ContextResolver,
        model_coder: ModelEventCoder | None = None,
    ) -> None:
        self.settings = settings
        self.nlp = nlp
        self.actors = actors
        self.events = events
        self.context = context
        self.model_coder = model_coder  # learned models beside the rules (coder != "rules")

    @classmethod
    def load(cls, settings: Settings | None = None) -> Coder:
        """Load the spaCy model and every data file named by `settings`."""
        settings = settings or load_settings()
        return cls(
            settings=settings,
            nlp=load_nlp(settings.model),
            actors=ActorResolver.load(settings),
            events=EventCoder.load(settings),
            context=ContextResolver.load(settings),
            model_coder=_load_model_coder(settings),
        )

    def code_post(self, document: Document, post: Post, doc: Doc) -> list[Event]:
        """Actors -> events -> context for one parsed post."""
        found = self.find_candidates(document, post, doc)
        self.complete_entities([found])
        return self.resolve_events(found)

    def find_candidates(self, document: Document, post: Post, doc: Doc) -> PostCoding:
        """Actors and event candidates of one parsed post (no context yet)."""
        when = post.date or document.date
        mentions = self.actors.find_mentions(doc, when)
        return PostCoding(document, post, doc, mentions, self.events.code(doc, post, mentions))

    def complete_entities(self, found: Sequence[PostCoding]) -> None:
        """Run the deferred entity recognizer on the sentences that gave candidates, code
        those posts again (entities settle ambiguous actor readings and time objects).

        The pre-filter parses without NER (half the small model's cost); one NER pass
        covers the candidate sentences of every post in `found`.
        """
        pending = [f for f in found if f.candidates and not f.doc.has_annotation("ENT_IOB")]
        if not pending:
            return
        self.selective_parser.add_entities_many(
            [(f.doc, [(c.sentence_start, c.sentence_end) for c in f.candidates]) for f in pending]
        )
        for item in pending:
            self.recode_candidate_sentences(item)

    def recode_candidate_sentences(self, item: PostCoding) -> None:
        """Code again, now with entity labels, the sentences that gave candidates.

        Only those sentences got labels, and sentences are coded independently, so
        the others keep their candidates. When a label could change an actor
        reading (`ActorResolver.reads_entities`), the whole post is coded again:
        a changed mention can change a pronoun's antecedent in another sentence.
        """
        if self.actors.reads_entities(item.doc):
            recoded_post = self.find_candidates(item.document, item.post, item.doc)
            item.mentions, item.candidates = recoded_post.mentions, recoded_post.candidates
            return
        labelled = {c.sentence_id for c in item.candidates}
        recoded = self.events.code(item.doc, item.post, item.mentions, labelled)
        kept = [c for c in item.candidates if c.sentence_id not in labelled]
        item.candidates = sorted([*kept, *recoded], key=candidate_order)

    def resolve_events(self, found: PostCoding) -> list[Event]:
        """Models (if any) and context for one post's candidates -> contract events."""
        candidates = found.candidates
        if self.model_coder is not None:
            candidates = self.model_coder.code(found.doc, found.post, found.mentions, candidates)
        if not candidates:
            return []
        contexts = self.context.resolve(
            found.doc, candidates, found.post, found.document, found.mentions
        )
        return [
            self.recode_at_event_date(build_event(found.document, found.post, candidate, context))
            for candidate, context in zip(candidates, contexts, strict=True)
        ]

    def recode_at_event_date(self, event: Event) -> Event:
        """Re-code dated actors (office holders) for the event's own date.

        Mentions are resolved at the post's date; an event the context stage dated
        elsewhere (Soleimani's 2015 visit, told in 2021) takes the roles of its date.
        """
        when = event_day(event)
        if when is None:
            return event
        changes = {
            role: self.actors.at_date(actor, when)
            for role, actor in (("actor", event.actor), ("recipient", event.recipient))
            if actor is not None
        }
        return dataclasses.replace(event, **changes)

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in order, streaming their posts through nlp.pipe together."""
        pending: list[Document] = []
        for document in documents:
            pending.append(document)
            if sum(len(d.posts) for d in pending) >= self.settings.batch_size:
                yield from self._code_batch(pending)
                pending = []
        if pending:
            yield from self._code_batch(pending)

    def _code_batch(self, documents: list[Document]) -> Iterator[CodedDocument]:
        tagged = [
            (post, index) for index, document in enumerate(documents) for post in document.posts
        ]
        coded: list[list[Event]] = [[] for _ in documents]
        stream = ((post.text, (post, index)) for post, index in tagged)
        found = [
            (index, self.find_candidates(documents[index], post, doc))
            for doc, (post, index) in self.parse(stream)
        ]
        self.complete_entities([item for _, item in found])
        for index, item in found:
            coded[index].extend(self.resolve_events(item))
        for document, events in zip(documents, coded, strict=True):
            yield CodedDocument(document, tuple(events))

    def parse(self, stream: Iterable[tuple[str, C]]) -> Iterator[tuple[Doc, C]]:
        """nlp.pipe over (text, context) pairs; with the pre-filter, kept sentences only."""
        if not self.settings.prefilter:
            return self.nlp.pipe(stream, as_tuples=True, batch_size=self.settings.batch_size)
        return self.selective_parser.pipe(stream, batch_size=self.settings.batch_size)

    @cached_property
    def selective_parser(self) -> SelectiveParser:
        """The pre-filter over this coder's trigger lemmas and actor forms (built once)."""
        patterns = {id(p): p for ps in self.events.patterns.by_trigger.values() for p in ps}
        # the actor test is the resolver itself (`actor_tokens`): no form index needed
        sentence_filter = SentenceFilter.build(self.nlp, patterns.values(), surface_forms=())
        return SelectiveParser(
            self.nlp, sentence_filter, defer_entities=True, find_actors=self.actor_tokens
        )

    def actor_tokens(self, doc: Doc) -> list[int]:
        """Tokens of a tokenized, unparsed Doc that may be an actor: the first token of
        every mention the resolver finds (names and resolved pronouns), and every
        "it" a parse could resolve (the filter keeps sentences with one of them)."""
        mentions = self.actors.find_mentions(doc, None)
        return [m.start_token for m in mentions] + possible_neuter_pronouns(doc, mentions)

    def code_document(self, document: Document) -> CodedDocument:
        return next(iter(self._code_batch([document])))


def code_text(text: str, coder: Coder | None = None, **metadata: object) -> list[Event]:
    """Code one text (plain text or HTML); metadata as in `document_from_text`."""
    from realpolitik.ingest import document_from_text

    coder = coder or Coder.load()
    return list(coder.code_document(document_from_text(text, **metadata)).events)
