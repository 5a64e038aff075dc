"""Resolve personal pronouns to the nearest compatible actor mentioned before them.

he/she and their forms take the nearest person; they/their the nearest group,
organisation, country, capital or plural agent; its the nearest country,
capital, organisation or group ("it" only as a parsed subject or object, so
"it is said" stays unresolved). Antecedents further back than `MAX_DISTANCE`
tokens are ignored.
"""

from __future__ import annotations

import dataclasses

from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from realpolitik.actors.mentions import Found
from realpolitik.records import ActorMention

PERSONAL = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})
PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
NEUTER = frozenset({"it", "its", "itself"})
COLLECTIVE = frozenset({"group", "org", "country", "metonym"})
COLLECTIVE_MENTIONS = frozenset({"group", "name", "country", "metonym"})  # mention kinds of those
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj"})
MAX_DISTANCE = 120


def compatible(pronoun: Token, item: Found) -> bool:
    word = pronoun.lower_
    if word in PERSONAL:
        return item.kind == "person"
    if word in PLURAL:
        return item.kind in COLLECTIVE or (
            item.kind == "agent" and doc_token_plural(pronoun.doc, item)
        )
    return item.kind in COLLECTIVE


def doc_token_plural(doc: Doc, item: Found) -> bool:
    head = doc[item.end - 1]
    return head.tag_ in {"NNS", "NNPS"} or (not head.tag_ and head.lower_.endswith("s"))


def is_pronoun(token: Token) -> bool:
    word = token.lower_
    if word in PERSONAL or word in PLURAL or word in {"its", "itself"}:
        return True
    return word == "it" and token.dep_ in ARGUMENT_DEPS


def pronoun_candidates(doc: Doc) -> list[Token]:
    """The tokens whose lower-cased form is a pronoun word, in order (read from the
    token array, so the rest of the post's tokens are never built as objects)."""
    strings = doc.vocab.strings
    words = {strings[word] for word in PERSONAL | PLURAL | NEUTER}
    lowers = doc.to_array(LOWER).tolist()
    return [doc[i] for i, lower in enumerate(lowers) if lower in words]


def resolve_pronouns(doc: Doc, found: list[Found]) -> list[tuple[int, Found]]:
    """(token index, antecedent) for every resolvable pronoun outside a mention."""
    covered = {i for item in found for i in range(item.start, item.end)}
    resolved: list[tuple[int, Found]] = []
    for token in pronoun_candidates(doc):
        if token.i in covered or not is_pronoun(token):
            continue
        before = [f for f in found if f.end <= token.i and token.i - f.end <= MAX_DISTANCE]
        antecedent = next((f for f in reversed(before) if compatible(token, f)), None)
        if antecedent is not None:
            resolved.append((token.i, antecedent))
    return resolved


def pronoun_found(doc: Doc, index: int, antecedent: Found) -> Found:
    token = doc[index]
    actor = dataclasses.replace(
        antecedent.actor, text=token.text, start=token.idx, end=token.idx + len(token.text)
    )
    return Found(index, index + 1, antecedent.entry, actor)


def possible_neuter_pronouns(doc: Doc, mentions: list[ActorMention]) -> list[int]:
    """Tokens "it" that `resolve_pronouns` could resolve once the Doc is parsed.

    "it" counts only as a parsed subject or object, so on a tokenized Doc it is
    left unresolved; this lists every "it" with a collective actor mentioned
    within `MAX_DISTANCE` tokens before it (what a pre-filter must keep).
    """
    collective = [m for m in mentions if m.kind in COLLECTIVE_MENTIONS]
    return [
        token.i
        for token in pronoun_candidates(doc)
        if token.lower_ == "it"
        and any(0 <= token.i - m.end_token <= MAX_DISTANCE for m in collective)
    ]
