"""The cheap sentence pre-filter: parse only the sentences that can hold an event.

A sentence can hold an event only if it contains a trigger word (an inflected
form of one of the event coder's trigger lemmas) and something that can be an
actor (a dictionary surface form, or a pronoun / generic agent).  Deciding that
needs only the tokenizer and a rule-based sentencizer, which are two orders of
magnitude cheaper than tok2vec + tagger + parser + NER.

`SelectiveParser.pipe` tokenizes each text once, keeps the candidate
sentences, runs the full pipeline over runs of adjacent kept sentences only,
and reassembles one `Doc` per text with `Doc.from_docs`.  The assembled Doc has
exactly the text (and the tokens) of the input, so every character and token
offset downstream is an offset into the post; kept sentences carry the full
annotation (tags, lemmas, dependencies, entities) and the others carry only
tokens and sentence boundaries.  Use `is_parsed(sentence)` to tell them apart.

With ``defer_entities=True`` the entity recognizer is left out of the parse
(in the small English model it has its own token encoder and costs about as
much as the rest of the pipeline), and `SelectiveParser.add_entities` runs it
later on the sentences that need it -- those where the event coder found a
candidate, about 12 % of news tokens against the ~80 % the filter keeps.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Protocol, TypeVar

import numpy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, LOWER, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc, Span

from realpolitik.nlp import split_forms

C = TypeVar("C")

#: Words that can stand for an actor without a dictionary entry (resolved downstream).
PRONOUN_AGENTS: tuple[str, ...] = (
    "he", "him", "his", "she", "her", "they", "them", "their", "we", "it", "its",
)  # fmt: skip

#: Finds the first tokens of named actor mentions in a tokenized, unparsed Doc.
ActorFinder = Callable[[Doc], Iterable[int]]

#: Trigger forms the filter ignores (measured: many sentences, no events; see the file).
EXCLUDED_TRIGGERS_FILE = "excluded_triggers.txt"

#: The component `defer_entities` leaves for `SelectiveParser.add_entities`.
ENTITY_COMPONENT = "ner"

#: Token annotation a parsed chunk carries into the post's Doc (and, if run, entities).
PARSE_ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP]
ENTITY_ATTRS = [ENT_IOB, ENT_TYPE]

#: Parts of speech whose lemmatizer rules and exceptions are used to inflect triggers.
INFLECTED_POS: tuple[str, ...] = ("verb", "noun")


def is_parsed(sentence: Span) -> bool:
    """True when the sentence went through the full pipeline (it has dependency labels)."""
    return any(token.dep != 0 for token in sentence)


def inflect(
    lemmas: Iterable[str],
    rules: Mapping[str, Sequence[Sequence[str]]],
    exceptions: Mapping[str, Mapping[str, Sequence[str]]],
) -> frozenset[str]:
    """Every lowercase surface form whose lemma may be one of `lemmas`.

    Inverts the rule lemmatizer: a rule ``(old, new)`` turns ``form`` ending in
    ``old`` into ``lemma`` ending in ``new``, so ``lemma[:-len(new)] + old`` is a
    possible form; irregular forms come from the exception tables.  Over-generation
    only makes the filter keep a few more sentences.
    """
    wanted = {lemma.lower() for lemma in lemmas if lemma}
    forms = set(wanted)
    for pos in INFLECTED_POS:
        for old, new in rules.get(pos, ()):
            for lemma in wanted:
                if lemma.endswith(new) and len(lemma) > len(new):
                    forms.add(lemma[: len(lemma) - len(new)] + old)
        for form, form_lemmas in exceptions.get(pos, {}).items():
            if wanted.intersection(form_lemmas):
                forms.add(form)
    return frozenset(forms)


class Inflector:
    """`inflect` for one lemma at a time, with the exception table inverted once."""

    def __init__(self, rules: Mapping, exceptions: Mapping) -> None:
        self.rules = [(old, new) for pos in INFLECTED_POS for old, new in rules.get(pos, ())]
        self.irregular: dict[str, set[str]] = {}
        for pos in INFLECTED_POS:
            for form, form_lemmas in exceptions.get(pos, {}).items():
                for lemma in form_lemmas:
                    self.irregular.setdefault(lemma, set()).add(form)

        self.known: dict[str, frozenset[str]] = {}

    def forms(self, lemma: str) -> frozenset[str]:
        """The lowercase forms of `lemma` (memoised: pattern files repeat lemma lists)."""
        lemma = lemma.lower()
        if lemma not in self.known:
            found = {lemma, *self.irregular.get(lemma, ())}
            for old, new in self.rules:
                if lemma.endswith(new) and len(lemma) > len(new):
                    found.add(lemma[: len(lemma) - len(new)] + old)
            self.known[lemma] = frozenset(found)
        return self.known[lemma]


class PatternLike(Protocol):
    """What the filter reads of an event pattern (`realpolitik.events.patterns.Pattern`)."""

    lemmas: tuple[str, ...]
    cameo: str | None
    object: tuple[str, ...]
    prep_object: tuple[str, ...]
    subject: tuple[str, ...]
    modifier: tuple[str, ...]


def cue_heads(pattern: PatternLike) -> tuple[str, ...] | None:
    """Head words (last word of each phrase) a pattern needs besides its trigger.

    None when the pattern needs no particular word (it codes on the trigger alone);
    particles and prepositions are ignored because they are everywhere.
    """
    for phrases in (pattern.object, pattern.prep_object, pattern.subject, pattern.modifier):
        if phrases:
            return tuple(phrase.split()[-1].lower() for phrase in phrases if phrase.split())
    return None


def trigger_cues(
    patterns: Iterable[PatternLike], inflector: Inflector
) -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """(forms that trigger on their own, form -> cue forms one of which must co-occur).

    Only patterns that code an event count (a pattern without a CAMEO code only
    blocks).  A pattern constrained on several slots is reduced to its first
    constrained slot, which can only keep more sentences, never fewer.
    """
    alone: set[str] = set()
    groups: dict[str, set[frozenset[str]]] = {}  # form -> the cue sets of its patterns
    for pattern in patterns:
        if not pattern.cameo:
            continue
        heads = cue_heads(pattern)
        forms = frozenset().union(*(inflector.forms(lemma) for lemma in pattern.lemmas))
        if heads is None:
            alone.update(forms)
            continue
        cue_forms = frozenset().union(*(inflector.forms(head) for head in heads))
        for form in forms - alone:
            groups.setdefault(form, set()).add(cue_forms)
    # forms of one lemma share their cue sets: build each distinct union once
    unions: dict[frozenset[frozenset[str]], frozenset[str]] = {}
    cued = {}
    for form, sets in groups.items():
        if form not in alone:
            key = frozenset(sets)
            if key not in unions:
                unions[key] = frozenset().union(*key)
            cued[form] = unions[key]
    return frozenset(alone), cued


def load_excluded_triggers() -> frozenset[str]:
    """The shipped trigger forms the filter ignores (one per line, # comments)."""
    path = resources.files("realpolitik") / "data" / "prefilter" / EXCLUDED_TRIGGERS_FILE
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(
        line.split("\t")[0].strip().lower() for line in lines if line.strip() and line[0] != "#"
    )


def lemmatizer_tables(nlp: Language) -> tuple[dict, dict]:
    """The rule lemmatizer's (rules, exceptions) tables of `nlp`, or empty tables."""
    if "lemmatizer" not in nlp.component_names:
        return {}, {}
    lookups = nlp.get_pipe("lemmatizer").lookups

    def table(name: str) -> dict:
        if not lookups.has_table(name):
            return {}
        found = lookups.get_table(name)
        return {pos: found.get(pos) for pos in INFLECTED_POS if found.get(pos) is not None}

    return table("lemma_rules"), table("lemma_exc")


def actor_index(
    nlp: Language, surface_forms: Iterable[str]
) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Surface forms as lower-case token tuples, keyed by their first token.

    Tuples of strings take a few MB where a PhraseMatcher over the same forms
    keeps a Doc per form (hundreds of MB per worker process).
    """
    forms = sorted({form.strip().lower() for form in surface_forms if form.strip()})
    index: dict[str, set[tuple[str, ...]]] = {}
    for split in split_forms(nlp.tokenizer, forms):
        words = tuple(word.lower() for word in split)
        if words:
            index.setdefault(words[0], set()).add(words)
    return {first: tuple(sorted(tails, key=len)) for first, tails in index.items()}


@dataclass(frozen=True, slots=True)
class SentenceFilter:
    """Decides, from tokens alone, which sentences of a Doc may hold an event.

    A sentence is kept when it has a trigger form that codes on its own, or a
    trigger form together with one of its cue words (the object, prepositional
    object, subject or modifier a pattern needs), and an actor: a dictionary
    surface form or an agent word (pronoun).
    """

    trigger_forms: frozenset[str]
    cued_forms: dict[str, frozenset[str]]
    actor_forms: dict[str, tuple[tuple[str, ...], ...]]
    agent_words: frozenset[str]

    @classmethod
    def build(
        cls,
        nlp: Language,
        patterns: Iterable[PatternLike],
        surface_forms: Iterable[str],
        agent_words: Iterable[str] = PRONOUN_AGENTS,
        excluded: Iterable[str] | None = None,
    ) -> SentenceFilter:
        """Inflect the patterns' triggers and cues; index the actor forms.

        Trigger forms in `excluded` (default: the shipped `load_excluded_triggers`)
        do not make a sentence a candidate.
        """
        inflector = Inflector(*lemmatizer_tables(nlp))
        alone, cued = trigger_cues(patterns, inflector)
        ignored = load_excluded_triggers() if excluded is None else frozenset(excluded)
        alone = alone - ignored
        cued = {form: cues for form, cues in cued.items() if form not in ignored}
        actors = actor_index(nlp, surface_forms)
        return cls(alone, cued, actors, frozenset(word.lower() for word in agent_words))

    @classmethod
    def from_lemmas(
        cls, nlp: Language, trigger_lemmas: Iterable[str], surface_forms: Iterable[str]
    ) -> SentenceFilter:
        """A filter where every lemma triggers on its own (no pattern cues)."""
        patterns = [_Trigger((lemma,)) for lemma in trigger_lemmas]
        return cls.build(nlp, patterns, surface_forms, excluded=())

    def keep(self, doc: Doc, actor_tokens: Collection[int] | None = None) -> list[bool]:
        """One flag per sentence of `doc` (which must have sentence boundaries).

        With `actor_tokens` (tokens the actor resolver reads as actors in the
        unparsed Doc: names, resolved pronouns) a sentence has an actor when one
        of them is in it; without, any dictionary form or pronoun counts.
        """
        strings = doc.vocab.strings
        words = [strings[lower] for lower in doc.to_array(LOWER).tolist()]
        starts = sorted(actor_tokens) if actor_tokens is not None else None
        flags = []
        for start, end in sentence_bounds(doc):
            window = words[start:end]
            lowers = set(window)
            if starts is None:
                actor = not self.agent_words.isdisjoint(lowers) or self.has_actor(window)
            else:
                first = bisect.bisect_left(starts, start)
                actor = first < len(starts) and starts[first] < end
            flags.append(actor and self.has_trigger(lowers))
        return flags

    def has_actor(self, words: list[str]) -> bool:
        """Whether a dictionary surface form occurs in `words` (lower-case tokens)."""
        for start, word in enumerate(words):
            for form in self.actor_forms.get(word, ()):
                if tuple(words[start : start + len(form)]) == form:
                    return True
        return False

    def has_trigger(self, lowers: set[str]) -> bool:
        """Whether the words of a sentence can complete some coding pattern."""
        if not self.trigger_forms.isdisjoint(lowers):
            return True
        return any(
            not self.cued_forms[word].isdisjoint(lowers)
            for word in lowers
            if word in self.cued_forms
        )


@dataclass(frozen=True, slots=True)
class _Trigger:
    """A bare trigger lemma that codes on its own (for `SentenceFilter.from_lemmas`)."""

    lemmas: tuple[str, ...]
    cameo: str | None = "000"
    object: tuple[str, ...] = ()
    prep_object: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    modifier: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Plan:
    """How one text is cut: token ranges and whether each range gets parsed."""

    doc: Doc
    ranges: tuple[tuple[int, int, bool], ...]


class SelectiveParser:
    """Runs the full pipeline only on the sentences a `SentenceFilter` keeps."""

    def __init__(
        self,
        nlp: Language,
        sentence_filter: SentenceFilter,
        defer_entities: bool = False,
        find_actors: ActorFinder | None = None,
    ) -> None:
        self.nlp = nlp
        self.filter = sentence_filter
        self.find_actors = find_actors
        self.sentencizer = Sentencizer()
        deferred = defer_entities and ENTITY_COMPONENT in nlp.pipe_names
        self.deferred: tuple[str, ...] = (ENTITY_COMPONENT,) if deferred else ()

    def plan(self, text: str) -> _Plan:
        """Tokenize, split into sentences and group adjacent sentences by the keep flag."""
        doc = self.sentencizer(self.nlp.make_doc(text))
        actor_tokens = None if self.find_actors is None else set(self.find_actors(doc))
        ranges: list[tuple[int, int, bool]] = []
        for sentence, keep in zip(doc.sents, self.filter.keep(doc, actor_tokens), strict=True):
            if ranges and ranges[-1][2] == keep:
                ranges[-1] = (ranges[-1][0], sentence.end, keep)
            else:
                ranges.append((sentence.start, sentence.end, keep))
        return _Plan(doc, tuple(ranges))

    def pipe(self, items: Iterable[tuple[str, C]], batch_size: int = 64) -> Iterator[tuple[Doc, C]]:
        """Like ``nlp.pipe(items, as_tuples=True)``, parsing only kept sentences."""
        batch: list[tuple[_Plan, C]] = []
        for text, context in items:
            batch.append((self.plan(text), context))
            if len(batch) >= batch_size:
                yield from self._parse_batch(batch, batch_size)
                batch = []
        if batch:
            yield from self._parse_batch(batch, batch_size)

    def _parse_batch(
        self, batch: list[tuple[_Plan, C]], batch_size: int
    ) -> Iterator[tuple[Doc, C]]:
        chunks = [
            (_words_doc(plan.doc, start, end), (index, start))
            for index, (plan, _) in enumerate(batch)
            for start, end, keep in plan.ranges
            if keep
        ]
        parsed: list[dict[int, Doc]] = [{} for _ in batch]
        disable = list(self.deferred)
        stream = self.nlp.pipe(chunks, as_tuples=True, batch_size=batch_size, disable=disable)
        for doc, (index, start) in stream:
            parsed[index][start] = doc
        for (plan, context), docs in zip(batch, parsed, strict=True):
            yield _assemble(plan, docs), context

    def add_entities(self, doc: Doc, char_spans: Iterable[tuple[int, int]]) -> None:
        """Run the deferred entity recognizer on the sentences of `doc` that start
        inside one of `char_spans`, and write their entity labels into `doc`."""
        self.add_entities_many([(doc, char_spans)])

    def add_entities_many(
        self, requests: Sequence[tuple[Doc, Iterable[tuple[int, int]]]], batch_size: int = 256
    ) -> None:
        """`add_entities` for several Docs in one pass of the entity recognizer.

        Adjacent chosen sentences go through together, each run as a Doc of its own
        (a copy of its tokens: the recognizer reads nothing else). No-op when nothing was deferred.
        """
        if not self.deferred:
            return
        runs: list[tuple[int, int, int]] = []  # (request, start token, end token)
        for number, (doc, char_spans) in enumerate(requests):
            for start, end in _sentences_starting_in(doc, char_spans):
                if runs and runs[-1][0] == number and runs[-1][2] == start:
                    runs[-1] = (number, runs[-1][1], end)
                else:
                    runs.append((number, start, end))
        if not runs:
            return
        recognizer = self.nlp.get_pipe(ENTITY_COMPONENT)
        copies = (_words_doc(requests[number][0], start, end) for number, start, end in runs)
        pieces: dict[int, list[tuple[int, Doc]]] = {}
        for (number, start, _), piece in zip(
            runs, recognizer.pipe(copies, batch_size=batch_size), strict=True
        ):
            pieces.setdefault(number, []).append((start, piece))
        for number, placed in pieces.items():
            _copy_entities(requests[number][0], placed)


def sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of the sentences of `doc`, read from its sentence-start array
    (as `doc.sents` splits, without building a Token for every token)."""
    if not len(doc):
        return []
    starts = [0, *(int(i) + 1 for i in numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1))]
    return list(zip(starts, [*starts[1:], len(doc)], strict=True))


def _sentences_starting_in(
    doc: Doc, char_spans: Iterable[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Token ranges of the sentences of `doc` whose first character is inside a span.

    Reads sentence starts and character offsets as arrays: iterating `doc.sents`
    builds a Token object for every token of the post.
    """
    spans = sorted(set(char_spans))
    if not spans:
        return []
    span_starts = [start for start, _ in spans]
    reach = list(itertools.accumulate((end for _, end in spans), max))
    offsets = doc.to_array(IDX)
    chosen = []
    for start, end in sentence_bounds(doc):
        char = int(offsets[start])
        index = bisect.bisect_right(span_starts, char) - 1
        if index >= 0 and char < reach[index]:
            chosen.append((start, end))
    return chosen


def _copy_entities(doc: Doc, pieces: list[tuple[int, Doc]]) -> None:
    """Write the entity labels of pieces (each starting at a token of `doc`) into `doc`."""
    values = doc.to_array([ENT_IOB, ENT_TYPE])
    for start, piece in pieces:
        values[start : start + len(piece)] = piece.to_array([ENT_IOB, ENT_TYPE])
    doc.from_array([ENT_IOB, ENT_TYPE], values)


def _words_doc(doc: Doc, start: int, end: int) -> Doc:
    """A fresh, unannotated Doc with the tokens doc[start:end] (same text, same tokens)."""
    tokens = doc[start:end]
    return Doc(
        doc.vocab,
        words=[token.text for token in tokens],
        spaces=[bool(token.whitespace_) for token in tokens],
    )


def _assemble(plan: _Plan, parsed: dict[int, Doc]) -> Doc:
    """One Doc for the whole text: the plan's Doc with the parsed chunks' annotation
    copied in (array by array, much cheaper than merging Docs); tokens elsewhere."""
    if not parsed:
        return plan.doc
    if len(plan.ranges) == 1:
        return parsed[plan.ranges[0][0]]
    doc = plan.doc
    sentence_starts = doc.to_array([SENT_START]).astype(numpy.int64)
    attrs = [*PARSE_ATTRS, *(ENTITY_ATTRS if _has_entities(parsed) else [])]
    values = numpy.zeros((len(doc), len(attrs)), dtype=numpy.uint64)
    for start, chunk in parsed.items():
        values[start : start + len(chunk)] = chunk.to_array(attrs)
    doc.from_array(attrs, values)
    parsed_starts = doc.to_array([SENT_START])
    for start, end, keep in plan.ranges:
        if keep:
            sentence_starts[start:end] = parsed_starts[start:end]
        else:
            sentence_starts[start] = 1
    doc.from_array([SENT_START], sentence_starts.astype(numpy.uint64))
    return doc


def _has_entities(parsed: dict[int, Doc]) -> bool:
    return any(chunk.has_annotation("ENT_IOB") for chunk in parsed.values())
