"""`ActorResolver`: the actors stage (mentions in a parsed post -> canonical actors)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import date
from pathlib import Path

import spacy
from spacy.attrs import ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc

from realpolitik.actors.context import add_context
from realpolitik.actors.loader import load_entries
from realpolitik.actors.matching import Matchers, build_matchers, candidate_spans, form_key
from realpolitik.actors.mentions import (
    KIND_PRIORITY,
    MENTION_KIND,
    Found,
    absorb,
    choose_entry,
    select,
    whole_names,
)
from realpolitik.actors.places import build_city_index
from realpolitik.actors.pronouns import doc_token_plural, pronoun_found, resolve_pronouns
from realpolitik.actors.roles import entry_actor, entry_code, own_codes
from realpolitik.actors.schema import Entry
from realpolitik.records import Actor, ActorMention
from realpolitik.settings import Settings

#: Determiners dropped from the front of a bare name given to `resolve_name`.
LEADING_WORDS = ("the ", "a ", "an ")
#: Words that end the head of a bare phrase ("ambassador | to the United Nations").
HEAD_BOUNDARY = frozenset({"of", "to", "in", "at", "for", "from", "with", ","})
#: Sectors of agents that are actors even with no country, when plural and collective
#: ("protesters clashed with police"): emitted with code None.
COLLECTIVE_SECTORS = frozenset({"OPP", "REB", "CVL", "REF", "LAB"})


class ActorResolver:
    """Loaded, validated actor dictionaries and the rules that apply them to text."""

    def __init__(self, entries: dict[str, Entry]) -> None:
        self.entries = entries
        self.forms = index_forms(entries.values())
        self._matchers: dict[int, Matchers] = {}
        self._blank: Language | None = None
        self._cities: dict[str, str] | None = None

    @classmethod
    def load(cls, settings: Settings) -> ActorResolver:
        """Load the shipped tables plus ``<settings.data_dir>/actors`` layered over them."""
        extra = Path(settings.data_dir) / "actors" if settings.data_dir else None
        return cls(load_entries(extra))

    # ----------------------------------------------------------------- lookups

    def surface_forms(self) -> Iterable[str]:
        """Every surface form of every actor (for a pre-filter), in dictionary case."""
        for key in self.forms:
            yield key[1:] if key.startswith("=") else key

    def search(self, query: str, limit: int = 20) -> list[Actor]:
        """Actors whose name or alias starts with (first) or contains `query`."""
        needle = form_key(query)
        if not needle:
            return []
        prefix: dict[str, None] = {}
        inside: dict[str, None] = {}
        for key, ids in self.forms.items():
            text = key.lstrip("=").lower()
            bucket = prefix if text.startswith(needle) else inside if needle in text else None
            if bucket is not None:
                bucket.update(dict.fromkeys(i for i in ids if self.entries[i].kind != "place"))
        ids = list(dict.fromkeys([*prefix, *inside]))[:limit]
        today = date.today()
        return [entry_actor(self.entries[i], today) for i in ids]

    def resolve_name(self, text: str, when: date | None = None) -> Actor | None:
        """The actor a bare name or phrase refers to ("President Kassym-Jomart Tokayev")."""
        cleaned = " ".join(text.split())
        for word in LEADING_WORDS:
            if cleaned.lower().startswith(word):
                cleaned = cleaned[len(word) :]
        if not cleaned:
            return None
        doc = self._blank_nlp()(cleaned)
        found = self._find(doc, when or date.today())
        if not found:
            return None
        boundary = next((t.i for t in doc if t.lower_ in HEAD_BOUNDARY and t.i > 0), len(doc))
        head = [f for f in found if f.start < boundary] or found
        best = max(head, key=lambda f: (f.end - f.start, -f.start))
        return best.actor

    def at_date(self, actor: Actor, when: date) -> Actor:
        """The actor coded as of `when` from its entry's date-bounded roles.

        Text, name and offsets are kept. An actor whose code did not come from its
        own entry (an agent, or an organisation placed in another country by its
        phrase) comes back unchanged.
        """
        entry = self.entries.get(actor.id or "")
        if entry is None or entry.kind == "agent" or actor.code not in own_codes(entry):
            return actor
        dated = entry_actor(entry, when)
        return dataclasses.replace(
            actor, country=dated.country, sector=dated.sector, code=dated.code
        )

    # ----------------------------------------------------------------- documents

    def find_mentions(self, doc: Doc, when: date | None) -> list[ActorMention]:
        """Every actor mention in the post, non-overlapping, sorted by start token."""
        found = self._find(doc, when or date.today())
        named = [item for item in found if item.kind != "place" and emitted(doc, item)]
        mentions = [to_mention(item, MENTION_KIND[item.kind]) for item in named]
        for index, antecedent in resolve_pronouns(doc, named):
            mentions.append(to_mention(pronoun_found(doc, index, antecedent), "pronoun"))
        return sorted(mentions, key=lambda m: m.start_token)

    def reads_entities(self, doc: Doc) -> bool:
        """Could the entity labels now on `doc` change its mentions?

        Labels only arbitrate between readings of different kinds (`choose_entry`),
        so only a dictionary span with such readings and a labelled token can.
        """
        ent_types = doc.to_array([ENT_TYPE])
        for start, end, key in candidate_spans(doc, self._matchers_for(doc)):
            if ent_types[start:end].any() and len(self._kinds(key)) > 1:
                return True
        return False

    def _kinds(self, key: str) -> set[str]:
        return {self.entries[i].kind for i in self.forms[key]}

    def _find(self, doc: Doc, when: date) -> list[Found]:
        """Dictionary matches, phrases folded, agents placed (places included)."""
        candidates = whole_names(doc, self._dictionary_matches(doc, when))
        found = add_context(doc, absorb(doc, select(candidates)), self._city)
        return [uncoded(item) for item in found]

    def _city(self, key: str) -> str | None:
        """Country of a city name key; the index is built on first use."""
        if self._cities is None:
            self._cities = build_city_index()
        return self._cities.get(key)

    def _dictionary_matches(self, doc: Doc, when: date) -> list[Found]:
        has_ner = doc.has_annotation("ENT_IOB")
        found: list[Found] = []
        codes: dict[str, tuple[str | None, str | None, str]] = {}  # entry id -> code at `when`
        for start, end, key in candidate_spans(doc, self._matchers_for(doc)):
            span = doc[start:end]
            entry = choose_entry([self.entries[i] for i in self.forms[key]], span, has_ner)
            if entry is None:
                continue
            coded = codes.get(entry.id)
            if coded is None:
                coded = codes[entry.id] = entry_code(entry, when)
            actor = entry_actor(entry, when, span.text, span.start_char, span.end_char, coded)
            found.append(Found(start, end, entry, actor))
        return found

    def _matchers_for(self, doc: Doc) -> Matchers:
        matchers = self._matchers.get(id(doc.vocab))
        if matchers is None or matchers.vocab is not doc.vocab:
            matchers = build_matchers(doc.vocab, self.forms)
            self._matchers[id(doc.vocab)] = matchers
        return matchers

    def _blank_nlp(self) -> Language:
        if self._blank is None:
            self._blank = spacy.blank("en")
        return self._blank


def index_forms(entries: Iterable[Entry]) -> dict[str, tuple[str, ...]]:
    """Form key -> entry ids, best first (kind priority, then later tables first)."""
    ranked: dict[str, list[tuple[int, int, str]]] = {}
    for order, entry in enumerate(entries):
        for alias in entry.aliases:
            key = form_key(alias)
            ranked.setdefault(key, []).append((KIND_PRIORITY[entry.kind], -order, entry.id))
    return {key: tuple(i for _, _, i in sorted(items)) for key, items in ranked.items()}


def uncoded(item: Found) -> Found:
    """An agent without a country keeps its sector but gets no code ("MIL" is not an actor)."""
    if item.kind != "agent" or item.actor.country is not None or item.actor.code is None:
        return item
    return dataclasses.replace(item, actor=dataclasses.replace(item.actor, code=None))


def emitted(doc: Doc, item: Found) -> bool:
    """Is the mention an actor? Agents need a country, or to be a plural collective."""
    if item.kind != "agent" or item.actor.country is not None:
        return True
    return item.actor.sector in COLLECTIVE_SECTORS and doc_token_plural(doc, item)


def to_mention(item: Found, kind: str) -> ActorMention:
    return ActorMention(
        actor=item.actor,
        start_token=item.start,
        end_token=item.end,
        kind=kind,
        rule=item.entry.id,
    )
