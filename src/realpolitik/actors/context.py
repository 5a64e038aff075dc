"""Give generic agents the country their own noun phrase names.

"4 senior military and intelligence leaders in Syria", "the Chairman of Russia
National Security Council", "head of Syria's intelligence services", "the
commander, a senior IRGC officer", "Oxford University": the country comes from
the head's of/in/from/at phrase (followed through nested phrases), from an
apposition, or from a city named in the phrase (`places`). The dependency
parse is used when the sentence has one; otherwise the tokens right after the
mention are read, up to the end of the sentence.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

from spacy.tokens import Doc, Token

from realpolitik.actors.codes import compose
from realpolitik.actors.english import DETERMINERS, LINKING_PREPOSITIONS, SENTENCE_END
from realpolitik.actors.mentions import Found
from realpolitik.actors.places import name_key

#: How deep nested phrases are followed ("secretary of the council of the ministry of ...").
MAX_DEPTH = 4
#: How many tokens after an unparsed mention are read.
WINDOW = 12
#: A city lookup: name key -> country (see `places.build_city_index`).
CityLookup = Callable[[str], str | None]


def parsed(token: Token) -> bool:
    return token.dep_ != ""


def linked(token: Token, depth: int = 0) -> Iterator[Token]:
    """Objects of the token's linking prepositions and its appositions, nested."""
    if depth > MAX_DEPTH:
        return
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in LINKING_PREPOSITIONS:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj
                    yield from linked(obj, depth + 1)
        elif child.dep_ == "appos":
            yield child
            yield from linked(child, depth + 1)


def following(doc: Doc, end: int) -> list[Token]:
    """Unparsed text: the sentence tokens after a linking word or an appositive comma."""
    if end >= len(doc):
        return []
    first = doc[end]
    after_comma = first.text == "," and end + 1 < len(doc) and doc[end + 1].lower_ in DETERMINERS
    if first.lower_ not in LINKING_PREPOSITIONS and not after_comma:
        return []
    tokens: list[Token] = []
    for token in doc[end + 1 : end + 1 + WINDOW]:
        if token.text in SENTENCE_END:
            break
        tokens.append(token)
    return tokens


def object_tokens(doc: Doc, item: Found) -> list[Token]:
    """Tokens the mention's head links to, nearest first."""
    head = doc[item.end - 1]
    if parsed(head):
        return list(linked(head))
    return following(doc, item.end)


def country_at(token: Token, by_token: dict[int, Found]) -> str | None:
    """Country of the mention covering `token` or, for a parsed head, its left modifiers."""
    candidates = [token, *token.lefts] if parsed(token) else [token]
    for candidate in candidates:
        item = by_token.get(candidate.i)
        if item is not None and item.actor.country is not None:
            return item.actor.country
    return None


def name_run(doc: Doc, start: int, step: int, covered: dict[int, Found]) -> list[Token]:
    """Capitalised tokens not in any mention, read from `start` in direction `step`."""
    run: list[Token] = []
    index = start
    while 0 <= index < len(doc) and index not in covered:
        token = doc[index]
        if not (token.text[:1].isupper() or (run and token.text == ".")):
            break
        run.append(token)
        index += step
    return run if step > 0 else run[::-1]


def city_country(
    doc: Doc, item: Found, covered: dict[int, Found], cities: CityLookup
) -> str | None:
    """Country of a city named right before the agent or as the object of its phrase."""
    before = name_run(doc, item.start - 1, -1, covered)
    names = [" ".join(t.text for t in before[-size:]) for size in range(len(before), 0, -1)]
    for token in object_tokens(doc, item)[:3]:
        after = name_run(doc, token.i, 1, covered)
        names += [" ".join(t.text for t in after[:size]) for size in range(len(after), 0, -1)]
    for name in names:
        country = cities(name_key(name))
        if country is not None:
            return country
    return None


def placed(item: Found, country: str) -> Found:
    actor = dataclasses.replace(
        item.actor, country=country, code=compose(country, item.actor.sector)
    )
    return dataclasses.replace(item, actor=actor)


def context_country(
    doc: Doc, item: Found, by_token: dict[int, Found], cities: CityLookup | None
) -> str | None:
    """The country an agent's own phrase gives it, or None."""
    for token in object_tokens(doc, item):
        country = country_at(token, by_token)
        if country is not None:
            return country
    return city_country(doc, item, by_token, cities) if cities is not None else None


def add_context(doc: Doc, found: list[Found], cities: CityLookup | None = None) -> list[Found]:
    """Agents without a country take one from their phrase (right to left)."""
    by_token = {i: item for item in found for i in range(item.start, item.end)}
    result = list(found)
    for position in range(len(result) - 1, -1, -1):
        item = result[position]
        if item.kind != "agent" or item.actor.country is not None:
            continue
        country = context_country(doc, item, by_token, cities)
        if country is not None:
            result[position] = placed(item, country)
            for i in range(item.start, item.end):
                by_token[i] = result[position]
    return result
