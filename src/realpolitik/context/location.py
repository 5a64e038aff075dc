"""Attaching a place to an event: the place mention in a locative role nearest the trigger.

A place mention is a GPE/LOC/FAC entity (or a proper-noun run the gazetteer
knows). It can locate an event only in a locative role: object of a locative
preposition ("at Baghdad airport", "visit to Moscow"), modifier of a place noun
("the Aleppo province", "the town of Bakwa"), or the object of the trigger
itself when it names a town or region rather than a country ("bombed Pooneryn").
A capital as subject ("Moscow decided") is an actor, never a location.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from realpolitik.context.clauses import PostText, has_parse, sentence_of
from realpolitik.context.places import Gazetteer
from realpolitik.records import Place

LOCATIVE_PREPS = frozenset(
    {
        "in", "at", "near", "into", "to", "outside", "inside", "across", "around", "throughout",
        "towards", "toward", "on", "over", "along", "within", "through", "onto", "beyond",
        "off", "from", "nearby", "en", "via", "between", "amid", "past", "under", "by",
    }
)  # fmt: skip
PLACE_NOUNS = frozenset(
    {
        "city", "town", "village", "province", "district", "region", "neighbourhood",
        "neighborhood", "area", "airport", "border", "capital", "outskirts", "suburb", "port",
        "governorate", "county", "state", "street", "streets", "square", "camp", "base",
        "countryside", "coast", "municipality", "territory", "enclave", "valley", "hills",
        "mountains", "desert", "island", "strait", "sea", "river", "north", "south", "east",
        "west", "northeast", "northwest", "southeast", "southwest", "centre", "center",
        "heart", "part", "parts", "road", "highway", "quarter", "compound", "embassy",
        "crossing", "checkpoint", "prison", "hospital", "zone", "front", "frontier", "cities",
        "towns", "villages", "areas", "regions", "provinces", "districts", "neighbourhoods",
    }
)  # fmt: skip
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
PERSONAL = frozenset({"PERSON", "NORP", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT"})
CLAUSE_DEPS = frozenset({"relcl", "acl", "ccomp", "csubj", "parataxis"})
OBJECT_DEPS = frozenset({"dobj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class PlaceMention:
    span: Span
    place: Place | None  # None: a place the gazetteer does not know
    label: str = ""  # the entity label when the parser tagged it


def place_mentions(
    sent: Span, gazetteer: Gazetteer, post: PostText | None = None
) -> list[PlaceMention]:
    """Place entities of `sent`, other entities and capitalised words the gazetteer knows,
    and proper names heading a place noun ("Makhmur district")."""
    found: list[PlaceMention] = []
    entities = post.entities(sent) if post else sent.ents
    for entity in entities:
        place = gazetteer.lookup(entity.text)
        if entity.label_ in PLACE_LABELS or (place is not None and entity.label_ not in PERSONAL):
            found.append(PlaceMention(entity, place, entity.label_))
    covered = {i for m in found for i in range(m.span.start, m.span.end)}
    personal = {i for e in entities if e.label_ in PERSONAL for i in range(e.start, e.end)}
    for token in sent:
        if token.i in covered or token.i in personal or not token.text[:1].isupper():
            continue
        if token.is_sent_start and token.pos_ != "PROPN":
            continue
        place = gazetteer.lookup(token.text)
        named_place = token.pos_ == "PROPN" and _climb_compounds(token).lemma_ in PLACE_NOUNS
        if (place is not None and token.pos_ in {"PROPN", ""}) or named_place:
            found.append(PlaceMention(sent.doc[token.i : token.i + 1], place))
            covered.add(token.i)
    return found


def _climb_compounds(token: Token) -> Token:
    while token.dep_ in {"compound", "amod", "nmod", "poss"} and token.head.i != token.i:
        token = token.head
    return token


def locative_role(mention: PlaceMention, trigger: Token, gazetteer: Gazetteer) -> bool:
    """Whether the mention stands where a location stands (not as an actor)."""
    root = mention.span.root
    head = _climb_compounds(root)
    if root.dep_ == "compound" and root.head.i == trigger.i:
        place = mention.place  # "the Moscow meeting": a town names where, a country who
        return place is not None and not gazetteer.is_country(place)
    if head.i != root.i and head.lemma_.lower() in PLACE_NOUNS:
        return True
    if head.dep_ == "pobj":
        prep = head.head
        if prep.lower_ in LOCATIVE_PREPS:
            return True
        if prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
            return True
    if head.dep_ == "appos" and head.head.lemma_.lower() in PLACE_NOUNS:
        return True
    if head.dep_ in OBJECT_DEPS and head.head.i == trigger.i and mention.label in PLACE_LABELS:
        place = mention.place
        return place is None or not gazetteer.is_country(place)
    return False


def _other_clause(trigger: Token, token: Token) -> bool:
    """True when `token` sits in a clause off the trigger's path (its own event's place)."""
    path = {trigger.i}
    node = trigger
    while node.head.i != node.i:
        node = node.head
        path.add(node.i)
    node = token
    while node.i not in path and node.head.i != node.i:
        if node.dep_ in CLAUSE_DEPS:
            return True
        node = node.head
    return False


def _distance(trigger: Token, token: Token) -> tuple[int, int]:
    """(steps up from the trigger to the common ancestor, steps down to the token)."""
    up: dict[int, int] = {}
    node, depth = trigger, 0
    while True:
        up.setdefault(node.i, depth)
        if node.head.i == node.i or depth > 60:
            break
        node, depth = node.head, depth + 1
    node, steps = token, 0
    while node.i not in up and node.head.i != node.i and steps < 60:
        node, steps = node.head, steps + 1
    return up.get(node.i, 99), steps


def attach_place(
    trigger: Token, gazetteer: Gazetteer, sent: Span | None = None, post: PostText | None = None
) -> PlaceMention | None:
    """The place mention that locates the event triggered at `trigger`, if any."""
    sent = sent if sent is not None else sentence_of(trigger)
    mentions = place_mentions(sent, gazetteer, post)
    if not mentions:
        return None
    if not has_parse(sent):
        return _nearest_after_preposition(trigger, mentions)
    candidates = [
        m
        for m in mentions
        if locative_role(m, trigger, gazetteer) and not _other_clause(trigger, m.span.root)
    ]
    if not candidates:
        return None

    def key(mention: PlaceMention) -> tuple[int, int, bool]:
        up, down = _distance(trigger, mention.span.root)
        is_country = mention.place is not None and gazetteer.is_country(mention.place)
        return up, is_country, down

    return min(candidates, key=key)


def _nearest_after_preposition(trigger: Token, mentions: list[PlaceMention]) -> PlaceMention | None:
    """Unparsed fallback: the nearest mention right after a locative preposition."""
    doc = trigger.doc
    located = [
        m for m in mentions
        if m.span.start > 0 and doc[m.span.start - 1].lower_ in LOCATIVE_PREPS - {"by", "from"}
    ]  # fmt: skip
    if not located:
        return None
    return min(located, key=lambda m: abs(m.span.start - trigger.i))


def to_place(mention: PlaceMention) -> Place:
    """The record for a mention: the gazetteer's place with the text as written."""
    place = mention.place
    text = mention.span.text
    if place is None:
        return Place(text, None, None, None, None, None)
    return Place(text, place.name, place.country, place.lat, place.lon, place.geonames_id)
