"""Give generic agents the country their phrase names after the head.

"4 senior military and intelligence leaders in Syria", "the Chairman of Russia
National Security Council", "the leadership of Iran": the head noun's
preposition (of / in / from) leads to a country, capital, place or an agent
that already has a country. The dependency parse is used when the sentence has
one; otherwise the tokens right after the mention are read.
"""

from __future__ import annotations

import dataclasses

from spacy.tokens import Doc, Token

from realpolitik.actors.codes import compose
from realpolitik.actors.mentions import Found

LINKING_PREPOSITIONS = frozenset({"of", "in", "from"})
SKIPPABLE = frozenset({"the", "a", "an"})


def parsed(token: Token) -> bool:
    return token.dep_ != ""


def object_tokens(doc: Doc, item: Found) -> list[Token]:
    """Tokens that the mention's head links to through of/in/from."""
    head = doc[item.end - 1]
    if parsed(head):
        return [
            child
            for prep in head.children
            if prep.dep_ == "prep" and prep.lower_ in LINKING_PREPOSITIONS
            for child in prep.children
            if child.dep_ == "pobj"
        ]
    index = item.end
    if index < len(doc) and doc[index].lower_ in LINKING_PREPOSITIONS:
        index += 1
        while index < len(doc) and doc[index].lower_ in SKIPPABLE:
            index += 1
        return [doc[index]] if index < len(doc) else []
    return []


def country_at(token: Token, by_token: dict[int, Found]) -> str | None:
    """Country of the mention covering `token` or, for a parsed head, its left modifiers."""
    candidates = [token, *token.lefts] if parsed(token) else [token]
    for candidate in candidates:
        item = by_token.get(candidate.i)
        if item is not None and item.actor.country is not None:
            return item.actor.country
    return None


def add_context(doc: Doc, found: list[Found]) -> list[Found]:
    """Agents without a country take one from their of/in/from phrase (right to left)."""
    by_token = {i: item for item in found for i in range(item.start, item.end)}
    result = list(found)
    for position in range(len(result) - 1, -1, -1):
        item = result[position]
        if item.kind != "agent" or item.actor.country is not None:
            continue
        for token in object_tokens(doc, item):
            country = country_at(token, by_token)
            if country is not None:
                sector = item.actor.sector
                actor = dataclasses.replace(
                    item.actor, country=country, code=compose(country, sector)
                )
                result[position] = dataclasses.replace(item, actor=actor)
                for i in range(item.start, item.end):
                    by_token[i] = result[position]
                break
    return result
