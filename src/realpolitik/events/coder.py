"""The event coder component: match triggers in parsed sentences, then build candidates."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from itertools import product
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from realpolitik.events.matcher import Match, is_passive, match_token
from realpolitik.events.ontology import Ontology
from realpolitik.events.patterns import PATTERN_FILES, PatternIndex, default_dir, load_patterns
from realpolitik.events.roles import (
    IMPLIED,
    Argument,
    MatchTokens,
    arguments,
    condition_party,
    inherited_actor,
    is_participle_modifier,
    light_verb_subject,
    mention_index,
    role_tokens,
)
from realpolitik.events.transform import (
    TRANSFORMATIONS_FILE,
    Transformation,
    apply_transformations,
    load_transformations,
)
from realpolitik.records import Actor, ActorMention, CoderInfo, EventCandidate, Post, Trigger
from realpolitik.settings import Settings

#: Candidates below this confidence are not returned: mostly one-sided events from
#: PETRARCH's bare verb defaults ("X sought ..." -> 030 with no recipient).
MIN_CONFIDENCE = 0.45
#: Confidence factor of an event with only an actor or only a recipient.
ONE_SIDED = 0.85
#: Confidence factor of an event in the complement of another event's verb
#: ("threatened to break relations": the break is not (yet) the act reported).
GOVERNED = 0.85
#: Confidence factor of an event told in a modifying clause (relative clause,
#: participle, adverbial clause): background more often than news.
BACKGROUND = 0.85
BACKGROUND_DEPS = frozenset({"relcl", "acl", "advcl"})
#: Confidence factor of an event no side of which names a country or coded actor
#: ("insurgents killed eight people", "victims killed by the crash"): event data
#: is about identifiable parties, and such events are mostly background.
UNPLACED = 0.6
#: CAMEO roots of the attacks whose author is the author of a passive verb's harm
#: ("were killed in Israeli tank shelling" -> Israel killed them).
ATTACK_ROOTS = ("18", "19", "20")
#: Roots of force and threats, whose missing recipient an if/unless clause may imply.
FORCE_ROOTS = ("13", "15", "17", "18", "19", "20")
#: Recipient roles that name a place, not a party: no reciprocal event from them.
PLACE_ROLES = frozenset({"prep:in", "prep:at"})


def is_parsed(sentence: Span) -> bool:
    """A sentence the pre-filter left unparsed has no dependency labels."""
    return any(token.dep_ for token in sentence)


def parsed_sentences(doc: Doc) -> list[tuple[int, Span]]:
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return []
    return [(i, sent) for i, sent in enumerate(doc.sents) if is_parsed(sent)]


def data_paths(settings: Settings, name: str, files: tuple[str, ...]) -> list[Path]:
    """Shipped files, each preceded by a same-named override in `settings.data_dir`."""
    shipped = default_dir().parent / name
    paths: list[Path] = []
    for file in files:
        if settings.data_dir and (Path(settings.data_dir) / name / file).is_file():
            paths.append(Path(settings.data_dir) / name / file)
        else:
            paths.append(shipped / file)
    return paths


def same_actor(actor: ActorMention, recipient: ActorMention) -> bool:
    if actor == recipient:
        return True
    return actor.actor.code is not None and actor.actor.code == recipient.actor.code


def pairs(
    match: Match, actors: list[Argument], recipients: list[Argument]
) -> list[tuple[Argument | None, Argument | None]]:
    """Actor-recipient pairs. Symmetric patterns (meet, agree, fight ...) pair
    coordinated actors both ways; reciprocal ones add the reverse of each pair."""
    if match.pattern.symmetric and not recipients and len(actors) > 1:
        return [(a, b) for a in actors for b in actors if a is not b]
    found: list[tuple[Argument | None, Argument | None]] = list(
        product(actors or [None], recipients or [None])
    )
    if match.pattern.reciprocal:
        found += [(r, a) for a, r in found if a and r and r.spec not in PLACE_ROLES]
    return found


class EventCoder:
    """Codes `EventCandidate`s from a parsed post and its actor mentions."""

    def __init__(
        self,
        ontology: Ontology,
        patterns: PatternIndex,
        transformations: tuple[Transformation, ...] = (),
        min_confidence: float = MIN_CONFIDENCE,
    ) -> None:
        self.ontology = ontology
        self.patterns = patterns
        self.transformations = transformations
        self.min_confidence = min_confidence

    @classmethod
    def load(cls, settings: Settings) -> EventCoder:
        """Load and validate the ontology table and pattern files."""
        ontology_path = data_paths(settings, "ontology", ("cameo_plover.csv",))[0]
        ontology = Ontology.load(ontology_path)
        codes = set(ontology.codes)
        paths = data_paths(settings, "patterns", PATTERN_FILES)
        rules = data_paths(settings, "patterns", (TRANSFORMATIONS_FILE,))[0]
        return cls(ontology, load_patterns(paths, codes), load_transformations(rules, codes))

    def trigger_lemmas(self) -> frozenset[str]:
        """Every verb lemma and event noun that can trigger a pattern."""
        return self.patterns.lemmas()

    def match(self, sentence: Span) -> list[tuple[Match, bool]]:
        """Matches in a sentence, each with whether it must find its own recipient.

        Verbs come first; a noun that is a verb pattern's object ("launched strikes")
        is not matched again, and a noun inside a verb's argument ("a drone strike
        killed X") is coded only if it has a recipient of its own.
        """
        verbs = [m for t in sentence if t.pos_ == "VERB" and (m := match_token(t, self.patterns))]
        objects = {m.object.i for m in verbs if m.object is not None}
        in_arguments = {t.i for m in verbs for t in argument_heads(m)}
        nouns = [
            (m, t.i in in_arguments)
            for t in sentence
            if t.pos_ == "NOUN" and t.i not in objects and (m := match_token(t, self.patterns))
        ]
        return [(m, False) for m in verbs] + nouns

    def code(
        self,
        doc: Doc,
        post: Post,
        mentions: list[ActorMention],
        sentence_ids: Collection[int] | None = None,
    ) -> list[EventCandidate]:
        """All event candidates of a post (of the sentences `sentence_ids` only, if
        given), in sentence and trigger order. Sentences are coded independently."""
        index = mention_index(mentions)
        candidates: list[EventCandidate] = []
        for sentence_id, sentence in parsed_sentences(doc):
            if sentence_ids is not None and sentence_id not in sentence_ids:
                continue
            found: list[EventCandidate] = []
            matches = self.match(sentence)
            triggers = {match.trigger.i for match, _ in matches}
            for match, needs_recipient in matches:
                governed = is_governed(match.trigger, triggers)
                built = self.build(match, post, sentence_id, sentence, index, governed)
                found.extend(
                    c
                    for c in built
                    if c.coder.confidence >= self.min_confidence
                    and (c.recipient is not None or not needs_recipient)
                )
            transformed = apply_transformations(
                self.transformations, doc, found, index, self.ontology
            )
            candidates.extend(drop_subsumed(transformed))
        return candidates

    def instrument_actor(self, match: Match, index: dict[int, ActorMention]) -> list[Argument]:
        """The author of the attack a passive verb's harm came "in" or "by"
        ("were killed in Israeli tank shelling", "killed by a rebel missile strike")."""
        verb = match.trigger
        if not is_passive(verb) and not is_participle_modifier(verb):
            return []
        for prep in verb.children:
            if prep.dep_ not in ("prep", "agent") or prep.text.lower() not in ("in", "by"):
                continue
            for noun in prep.children:
                attack = match_token(noun, self.patterns) if noun.dep_ == "pobj" else None
                if attack is None or not (attack.pattern.cameo or "").startswith(ATTACK_ROOTS):
                    continue
                found = arguments(attack, attack.pattern.actor, index)
                return [Argument(a.mention, a.confidence * 0.85, "instrument") for a in found]
        return []

    def build(
        self,
        match: Match,
        post: Post,
        sentence_id: int,
        sentence: Span,
        index: dict[int, ActorMention],
        governed: bool = False,
    ) -> list[EventCandidate]:
        """Annotate step: one candidate per actor-recipient pair of a match."""
        pattern = match.pattern
        actors = arguments(match, pattern.actor, index)
        if not actors and pattern.pos == "VERB":
            actors = inherited_actor(match, index)
        if not actors and pattern.pos == "NOUN":
            actors = light_verb_subject(match, index)
        if not actors and pattern.pos == "VERB":
            actors = self.instrument_actor(match, index)
        exclude = tuple(a.mention for a in actors)
        recipients = arguments(match, pattern.recipient, index, exclude)
        if (
            not recipients
            and pattern.pos == "VERB"
            and (pattern.cameo or "").startswith(FORCE_ROOTS)
        ):
            recipients = condition_party(match, index, exclude)
        if not recipients and pattern.recipient_default == "own_government":
            recipients = own_government(actors)
        code = self.ontology.code_for(pattern.cameo or "")
        token = match.trigger
        trigger = Trigger(token.text, token.idx, token.idx + len(token.text))
        seen: set[tuple[int, int]] = set()
        built: list[EventCandidate] = []
        for actor, recipient in pairs(match, actors, recipients):
            if actor is None and recipient is None:
                continue
            if actor and recipient and same_actor(actor.mention, recipient.mention):
                if recipient.spec not in PLACE_ROLES:
                    continue
                recipient = None  # a protest at home: the place is only where it happened
            key = (id(actor.mention) if actor else 0, id(recipient.mention) if recipient else 0)
            if key in seen:
                continue
            seen.add(key)
            certainty = min(a.confidence for a in (actor, recipient) if a is not None)
            if actor is None or recipient is None:
                certainty *= ONE_SIDED
            if not any(placed(a) for a in (actor, recipient)):
                certainty *= UNPLACED
            if governed:
                certainty *= GOVERNED
            if token.dep_ in BACKGROUND_DEPS:
                certainty *= BACKGROUND
            built.append(
                EventCandidate(
                    post_id=post.post_id,
                    sentence_id=sentence_id,
                    sentence_start=sentence.start_char,
                    sentence_end=sentence.end_char,
                    trigger_start_token=token.i,
                    trigger_end_token=token.i + 1,
                    trigger=trigger,
                    code=code,
                    actor=actor.mention if actor else None,
                    recipient=recipient.mention if recipient else None,
                    coder=CoderInfo("rule", pattern.id, round(pattern.confidence * certainty, 3)),
                )
            )
        return built


def own_government(actors: list[Argument]) -> list[Argument]:
    """The government of each actor's own country, inferred ("officers defected" ->
    from their government); no inference for actors without a country or in government."""
    inferred = []
    for argument in actors:
        actor = argument.mention.actor
        if not actor.country or actor.country == "IGO" or actor.sector == "GOV":
            continue
        government = Actor(
            text=None,
            name=f"{actor.country} government",
            country=actor.country,
            sector="GOV",
            code=f"{actor.country}GOV",
            id=f"inferred:{actor.country}GOV",
        )
        mention = replace(
            argument.mention, actor=government, kind="inferred", rule="own_government"
        )
        inferred.append(Argument(mention, argument.confidence * IMPLIED, "own_government"))
    return inferred


def drop_subsumed(found: list[EventCandidate]) -> list[EventCandidate]:
    """Without the one-sided events whose trigger also codes the same party with a
    counterpart ("promised" X -> nobody beside "promised" X -> Y from a transformation)."""
    sides = {
        (c.trigger_start_token, id(side))
        for c in found
        if c.actor is not None and c.recipient is not None
        for side in (c.actor, c.recipient)
    }
    return [
        c
        for c in found
        if (c.actor is not None and c.recipient is not None)
        or (c.trigger_start_token, id(c.actor or c.recipient)) not in sides
    ]


def placed(argument: Argument | None) -> bool:
    """True if `argument` names a country or a coded actor."""
    if argument is None:
        return False
    actor = argument.mention.actor
    return bool(actor.country or actor.code)


def is_governed(trigger: Token, triggers: set[int]) -> bool:
    """True if `trigger` heads a complement clause of another trigger verb."""
    return trigger.dep_ in ("xcomp", "ccomp") and trigger.head.i in triggers


def argument_heads(match: Match) -> list[Token]:
    """Tokens in the argument phrases of a verb match (a noun there is not a second event)."""
    specs = (*match.pattern.actor, *match.pattern.recipient)
    tokens = MatchTokens(match)
    return [t for spec in specs for t in role_tokens(match, spec, tokens)]
