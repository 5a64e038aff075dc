"""`ModelEventCoder`: the learned models beside the rule coder.

``rules``  the rule candidates, untouched.
``hybrid`` the rule candidates, each re-scored by the sentence classifier's agreement
           with its quad class (``coder.method = "hybrid"``, the pattern id kept), their
           missing actor or recipient filled from the tagger, plus model events where
           no rule fired or, beside the rule events, where the classifier confidently
           contradicts them; a rule event is never dropped or recoded (see
           `realpolitik.models.combination` for the exact decision).
``models`` model events only.

A model event names its evidence: the classifier's probability as confidence, the
word that weighs most for the predicted class as trigger, the tagger's spans as actor
and recipient (resolved to the dictionary mention they overlap, or an actor with text
only).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span, Token

from realpolitik.events.ontology import Ontology
from realpolitik.models.combination import CombineConfig
from realpolitik.models.plover_type import PloverTypeClassifier, ranked_types, type_codes
from realpolitik.models.quad import QuadClassifier
from realpolitik.models.shipped_paths import (
    ACTOR_TAGGER,
    PLOVER_TYPE,
    QUAD_CLASSIFIER,
    shipped_dir,
)
from realpolitik.models.tagger import ActorTagger, TaggedSpan
from realpolitik.records import (
    Actor,
    ActorMention,
    CoderInfo,
    EventCandidate,
    EventCode,
    Post,
    Trigger,
)
from realpolitik.settings import Settings

MODES = ("rules", "models", "hybrid")


def sentences(doc: Doc) -> list[Span]:
    """The sentences of `doc`, numbered as the rule coder numbers them."""
    if doc.has_annotation("DEP") or doc.has_annotation("SENT_START"):
        return list(doc.sents)
    return [doc[:]] if len(doc) else []


def trigger_token(sent: Span, classifier: QuadClassifier, label: int) -> Token:
    """The content word that speaks most for `label`; the parse root if none does."""
    weights = classifier.word_weights([token.text for token in sent], label)
    weights[[token.is_stop or not token.is_alpha for token in sent]] = 0.0
    if len(weights) and weights.max() > 0:
        return sent[int(weights.argmax())]
    return sent.root if any(token.dep_ for token in sent) else sent[0]


def _overlap(mention: ActorMention, span: TaggedSpan) -> int:
    return min(mention.end_token, span.end) - max(mention.start_token, span.start)


def span_mention(
    doc: Doc, span: TaggedSpan, mentions: list[ActorMention], source: str
) -> ActorMention:
    """The dictionary mention `span` overlaps most, else a text-only actor for the span."""
    best = max(mentions, key=lambda m: _overlap(m, span), default=None)
    if best is not None and _overlap(best, span) > 0:
        return best
    tokens = doc[span.start : span.end]
    actor = Actor(
        text=tokens.text,
        name=None,
        country=None,
        sector=None,
        code=None,
        id=None,
        start=tokens.start_char,
        end=tokens.end_char,
    )
    return ActorMention(actor, span.start, span.end, kind="model", rule=source)


def pick_roles(spans: list[TaggedSpan]) -> tuple[TaggedSpan | None, TaggedSpan | None]:
    """Actor and recipient spans: first S and first T, with reciprocal R spans filling gaps."""
    actor = next((s for s in spans if s.label == "S"), None)
    recipient = next((s for s in spans if s.label == "T"), None)
    reciprocal = [s for s in spans if s.label == "R"]
    if actor is None and reciprocal:
        actor = reciprocal.pop(0)
    if recipient is None and reciprocal:
        recipient = reciprocal.pop(0)
    return actor, recipient


class ModelEventCoder:
    """Combines rule candidates with the sentence classifier and the actor tagger."""

    def __init__(
        self,
        mode: str,
        classifier: QuadClassifier,
        tagger: ActorTagger | None,
        ontology: Ontology,
        combine: CombineConfig,
        types: PloverTypeClassifier | None = None,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"coder must be one of {', '.join(MODES)}, not {mode!r}")
        self.mode = mode
        self.classifier = classifier
        self.tagger = tagger
        self.ontology = ontology
        self.combine = combine
        self.types = types
        self.type_codes = type_codes(ontology, combine.quad_codes)

    @classmethod
    def load(cls, settings: Settings, folder: Path | None = None) -> ModelEventCoder:
        """Load the shipped models (or those in `folder`) for ``settings.coder``."""
        folder = folder or shipped_dir()
        types = folder / PLOVER_TYPE
        return cls(
            mode=settings.coder,
            classifier=QuadClassifier.load(folder / QUAD_CLASSIFIER),
            tagger=ActorTagger.load(folder / ACTOR_TAGGER),
            ontology=Ontology.load(),
            combine=CombineConfig.load(folder / QUAD_CLASSIFIER),
            types=PloverTypeClassifier.load(types) if types.is_dir() else None,
        )

    def with_classifier(self, classifier: QuadClassifier) -> ModelEventCoder:
        """The same coder with another classifier (used by cross-validation)."""
        return ModelEventCoder(
            self.mode, classifier, self.tagger, self.ontology, self.combine, self.types
        )

    def with_types(self, types: PloverTypeClassifier | None) -> ModelEventCoder:
        """The same coder with another PLOVER type classifier (used by cross-validation)."""
        return ModelEventCoder(
            self.mode, self.classifier, self.tagger, self.ontology, self.combine, types
        )

    def model_code(self, sent: Span, label: int) -> EventCode:
        """The code of a model event of quad class `label`.

        With the PLOVER type classifier: its most probable type that the ontology holds
        in that quad class; without it, the representative code of the class.
        """
        if self.types is not None:
            proba = self.types.predict_proba([sent.text])[0]
            for name in ranked_types(proba, self.types.types):
                cameo = self.type_codes.get((name, label))
                if cameo is not None:
                    return self.ontology.code_for(cameo)
        return self.ontology.code_for(self.combine.quad_codes[label])

    def code(
        self,
        doc: Doc,
        post: Post,
        mentions: list[ActorMention],
        rule_candidates: list[EventCandidate],
    ) -> list[EventCandidate]:
        """The final candidates of a post for this coder's mode."""
        if self.mode == "rules":
            return list(rule_candidates)
        sents = sentences(doc)
        proba = self.classifier.predict_proba([sent.text for sent in sents])
        rules = rule_candidates if self.mode == "hybrid" else []
        by_sentence: dict[int, list[EventCandidate]] = {}
        for candidate in rules:
            by_sentence.setdefault(candidate.sentence_id, []).append(candidate)
        kept: list[EventCandidate] = [c for c in rules if not 0 <= c.sentence_id < len(sents)]
        for sentence_id, sent in enumerate(sents):
            kept.extend(
                self.code_sentence(
                    doc, post, sentence_id, sent, proba, by_sentence.get(sentence_id, []), mentions
                )
            )
        return sorted(kept, key=lambda c: (c.sentence_id, c.trigger_start_token))

    def code_sentence(
        self,
        doc: Doc,
        post: Post,
        sentence_id: int,
        sent: Span,
        proba: np.ndarray,
        rules: list[EventCandidate],
        mentions: list[ActorMention],
    ) -> list[EventCandidate]:
        """One sentence's events under the decision of `CombineConfig`."""
        row = proba[sentence_id]
        best = int(self.classifier.config.labels[int(row.argmax())])
        if not rules:
            if float(row.max()) < self.combine.model_threshold:
                return []
            event = self.model_event(doc, post, sentence_id, sent, row, mentions)
            return [event] if event is not None else []
        contradicted = (
            best != 0
            and float(row.max()) >= self.combine.override_threshold
            and best not in {c.code.quad_class for c in rules}
        )
        kept = [self.rescore(doc, c, proba, [sent], mentions, index=0) for c in rules]
        if contradicted:
            event = self.model_event(doc, post, sentence_id, sent, row, mentions)
            kept.extend([event] if event is not None else [])
        return kept

    def rescore(
        self,
        doc: Doc,
        candidate: EventCandidate,
        proba: np.ndarray,
        sents: list[Span],
        mentions: list[ActorMention],
        index: int | None = None,
    ) -> EventCandidate:
        """Blend the rule's confidence with the classifier's probability of its quad class.

        `sents[index]` is the candidate's sentence (default: ``sents[sentence_id]``).
        """
        agree = float(proba[candidate.sentence_id][candidate.code.quad_class])
        sent = sents[candidate.sentence_id if index is None else index]
        weight = self.combine.agreement_weight
        confidence = round((1 - weight) * candidate.coder.confidence + weight * agree, 3)
        coder = CoderInfo("hybrid", candidate.coder.rule, confidence)
        candidate = dataclasses.replace(candidate, coder=coder)
        if candidate.actor is None or candidate.recipient is None:
            candidate = self.fill_roles(doc, candidate, sent, mentions)
        return candidate

    def fill_roles(
        self, doc: Doc, candidate: EventCandidate, sent: Span, mentions: list[ActorMention]
    ) -> EventCandidate:
        """Supply a missing actor or recipient from the tagger's spans."""
        if self.tagger is None:
            return candidate
        actor, recipient = pick_roles(self.tagger.spans(doc, sent))
        changes: dict[str, ActorMention] = {}
        if candidate.actor is None and actor is not None:
            changes["actor"] = span_mention(doc, actor, mentions, ACTOR_TAGGER)
        if candidate.recipient is None and recipient is not None:
            changes["recipient"] = span_mention(doc, recipient, mentions, ACTOR_TAGGER)
        if changes.get("actor") is not None and changes.get("actor") in (
            candidate.recipient,
            changes.get("recipient"),
        ):
            changes.pop("actor")
        return dataclasses.replace(candidate, **changes) if changes else candidate

    def model_event(
        self,
        doc: Doc,
        post: Post,
        sentence_id: int,
        sent: Span,
        proba: np.ndarray,
        mentions: list[ActorMention],
    ) -> EventCandidate | None:
        """A model event for `sent` when the classifier is confident it holds one."""
        label = int(self.classifier.config.labels[int(proba.argmax())])
        confidence = float(proba.max())
        if label == 0 or len(sent) == 0:
            return None
        code = self.model_code(sent, label)
        verb = trigger_token(sent, self.classifier, label)
        actor = recipient = None
        if self.tagger is not None:
            actor_span, recipient_span = pick_roles(self.tagger.spans(doc, sent))
            if actor_span is not None:
                actor = span_mention(doc, actor_span, mentions, ACTOR_TAGGER)
            if recipient_span is not None:
                recipient = span_mention(doc, recipient_span, mentions, ACTOR_TAGGER)
        return EventCandidate(
            post_id=post.post_id,
            sentence_id=sentence_id,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            trigger_start_token=verb.i,
            trigger_end_token=verb.i + 1,
            trigger=Trigger(verb.text, verb.idx, verb.idx + len(verb.text)),
            code=code,
            actor=actor,
            recipient=recipient if recipient != actor else None,
            coder=CoderInfo("model", QUAD_CLASSIFIER, round(confidence, 3)),
        )
