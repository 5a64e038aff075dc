"""From dictionary matches to non-overlapping actor mentions.

The steps, in order: pick the best entry of each match (`choose_entry`), keep
the longest non-overlapping matches (`select`), then fold role phrases and
modifiers into their head (`absorb`): "Russian" + "Defense Minister" +
"Sergey Shoigu" is one person mention; "Russian" + "troops" is one agent
mention coded RUSMIL.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from realpolitik.actors.codes import compose
from realpolitik.actors.english import HONORIFICS, POSTING_WORDS
from realpolitik.actors.schema import Entry
from realpolitik.records import Actor

#: Lower number wins when one form names several entries.
KIND_PRIORITY = {
    "person": 0,
    "group": 1,
    "org": 2,
    "metonym": 3,
    "country": 4,
    "agent": 5,
    "place": 6,
}
#: ActorMention.kind of each entry kind.
MENTION_KIND = {
    "person": "person",
    "group": "group",
    "org": "name",
    "metonym": "metonym",
    "country": "country",
    "agent": "agent",
    "place": "place",
}
PLACE_LIKE = frozenset({"country", "metonym", "place"})
#: Kinds whose match is a name that must not be a fragment of a longer name.
NAME_KINDS = frozenset({"person", "place"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
NAME_LABELS = frozenset({"PERSON"})
PLACE_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC"})
#: Agent sectors too generic to override a modifier's sector ("military leaders" -> MIL).
GENERIC_SECTORS = frozenset({None, "GOV", "ELI", "CVL"})
MAX_GAP = 3
#: Characters of inline markup that may sit inside a phrase ("**Hassan Nasrallah**").
MARKUP = frozenset("*_-")


@dataclass(frozen=True, slots=True)
class Found:
    """A working mention: token span, the entry it names and its actor fields."""

    start: int
    end: int
    entry: Entry
    actor: Actor

    @property
    def kind(self) -> str:
        return self.entry.kind


def looks_like_name(span: Span) -> bool:
    """Proper names need a capitalised token (lower-case 'turkey' is not Turkey)."""
    return any(t.text[:1].isupper() for t in span)


def allowed(entry: Entry, span: Span, has_ner: bool) -> bool:
    if entry.kind != "agent" and not looks_like_name(span):
        return False
    if not has_ner:
        return True
    labels = {t.ent_type_ for t in span if t.ent_type_}
    if entry.kind in PLACE_LIKE and labels and labels <= NAME_LABELS:
        return False
    return not (entry.kind == "person" and labels and labels <= PLACE_LABELS)


def choose_entry(entries: list[Entry], span: Span, has_ner: bool) -> Entry | None:
    """The best-ranked entry that fits the span (entries come best first).

    NER labels only arbitrate between readings of an ambiguous form ("Jordan" the
    country or the person); a form with one kind of reading stands against the
    statistical tagger's guess ("Soleimani" tagged GPE is still the general).
    """
    chosen = next((e for e in entries if allowed(e, span, has_ner)), None)
    if chosen is None and has_ner and len({e.kind for e in entries}) == 1:
        chosen = next((e for e in entries if allowed(e, span, False)), None)
    return chosen


def name_like(token: Token) -> bool:
    """Could the token be part of a proper name (capitalised, not a title or stop word)?"""
    text = token.text
    if not (token.is_alpha and text[:1].isupper()) or token.is_stop:
        return False
    if token.lower_ in HONORIFICS:
        return False
    return token.pos_ == "PROPN" if token.pos_ else True


def whole_names(doc: Doc, found: list[Found]) -> list[Found]:
    """Drop person and place matches that are only part of a longer run of proper nouns.

    "Mohammed Hussein Roble" is not King Hussein and "Sen. Feliciano Valencia" is
    not the city of Valencia. Tokens of role, country or organisation matches
    ("Defense Minister", "Russian", "University") do not extend a name.
    """
    roles = {i for f in found if f.kind not in NAME_KINDS for i in range(f.start, f.end)}

    def extends(index: int) -> bool:
        return 0 <= index < len(doc) and index not in roles and name_like(doc[index])

    return [
        f for f in found if f.kind not in NAME_KINDS or not (extends(f.start - 1) or extends(f.end))
    ]


def select(found: list[Found]) -> list[Found]:
    """Longest first, then by kind priority; drop anything overlapping a kept match."""
    ranked = sorted(found, key=lambda f: (f.start - f.end, KIND_PRIORITY[f.kind], f.start))
    taken: set[int] = set()
    kept: list[Found] = []
    for item in ranked:
        span = range(item.start, item.end)
        if taken.isdisjoint(span):
            taken.update(span)
            kept.append(item)
    return sorted(kept, key=lambda f: f.start)


def gap_joins(doc: Doc, start: int, end: int, left: Found, right: Found) -> bool:
    """Can the tokens doc[start:end] sit between a modifier and its head?

    Two agent words join only across "and" and adjectives ("military and
    intelligence leaders"), never across other words ("commander said protesters").
    """
    both_agents = left.kind == "agent" and right.kind == "agent"
    if end - start > MAX_GAP:
        return False
    for token in doc[start:end]:
        if token.text in POSSESSIVE or set(token.text) <= MARKUP:
            continue
        if token.lower_ == "and" and left.kind == "agent":
            continue
        if both_agents and token.pos_ != "ADJ":
            return False
        if not token.is_alpha or token.is_stop or token.pos_ in {"VERB", "AUX", "ADP"}:
            return False
    return True


def with_span(doc: Doc, item: Found, start: int, actor: Actor | None = None) -> Found:
    """The item stretched left to token `start` (text and offsets follow)."""
    span = doc[start : item.end]
    actor = dataclasses.replace(
        actor or item.actor, text=span.text, start=span.start_char, end=span.end_char
    )
    return Found(start, item.end, item.entry, actor)


def agent_under(modifier: Found, agent: Actor) -> Actor:
    """An agent given its modifier's country (or a group's or organisation's identity)."""
    owner = modifier.actor
    if modifier.kind in {"group", "org"} and owner.country != "IGO" and owner.sector:
        return dataclasses.replace(
            agent,
            country=owner.country,
            sector=owner.sector,
            code=owner.code,
            name=owner.name,
            id=owner.id,
        )
    if owner.country == "IGO":
        code = f"{owner.code}{agent.sector or ''}"
        return dataclasses.replace(agent, country="IGO", code=code)
    country = owner.country
    return dataclasses.replace(agent, country=country, code=compose(country, agent.sector))


def merge_agents(modifier: Actor, head: Actor) -> Actor:
    """Two agent words of one phrase: the specific sector beats a generic one."""
    sector = modifier.sector if modifier.sector not in GENERIC_SECTORS else head.sector
    country = head.country or modifier.country
    return dataclasses.replace(head, sector=sector, country=country, code=compose(country, sector))


def combine(left: Found, right: Found) -> Actor | None:
    """The actor of `left` + `right` read as one phrase, or None if they do not combine."""
    if right.kind == "agent":
        if left.kind == "agent":
            return merge_agents(left.actor, right.actor)
        if right.actor.country is None:
            return agent_under(left, right.actor)
        return None
    if right.kind in {"person", "group", "org"} and left.kind in {"agent", "country", "metonym"}:
        return relocated(left.actor, right) if left.kind == "country" else right.actor
    return None


def relocated(country: Actor, item: Found) -> Actor:
    """A national body named with another country ("Russia National Security Council")."""
    own = item.actor
    if item.kind != "org" or own.country in (None, "IGO", country.country):
        return own
    return dataclasses.replace(
        own, country=country.country, code=compose(country.country, own.sector)
    )


def posting(doc: Doc, left: Found, right: Found) -> bool:
    """ "Canadian Ambassador to | the United Nations": the IGO is the posting, not the owner."""
    return (
        left.kind == "agent"
        and left.actor.country not in (None, "IGO")
        and right.actor.country == "IGO"
        and doc[left.end - 1].lower_ in POSTING_WORDS
    )


def absorb(doc: Doc, found: list[Found]) -> list[Found]:
    """Fold each mention into the next when they form one phrase."""
    out: list[Found] = []
    for item in found:
        previous = out[-1] if out else None
        if previous is not None and posting(doc, previous, item):
            out.append(item)
            continue
        if previous is not None and gap_joins(doc, previous.end, item.start, previous, item):
            actor = combine(previous, item)
            if actor is not None:
                out[-1] = with_span(doc, item, previous.start, actor)
                continue
        out.append(item)
    return out
