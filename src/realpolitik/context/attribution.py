"""Attribution: who presents an event (speaker and cue) and who published it."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from realpolitik.records import Actor, ActorMention, Attribution, Document, Post

SPEAKER_DEPS = frozenset({"compound", "flat", "amod", "poss", "case", "det", "nmod", "punct"})


def speaker_span(token: Token) -> Span:
    """The name phrase around a speaker's head token (entity, else compound run)."""
    for entity in token.doc.ents:
        if entity.start <= token.i < entity.end:
            return entity
    start = token.i
    for child in token.lefts:
        if child.dep_ in {"compound", "flat", "amod"} and child.i < start:
            start = min(start, child.left_edge.i)
    return token.doc[start : token.i + 1]


def speaker_actor(token: Token, mentions: Sequence[ActorMention]) -> Actor:
    """The resolved actor of a speaker token, or a bare actor holding its text."""
    for mention in mentions:
        if mention.start_token <= token.i < mention.end_token:
            return mention.actor
    span = speaker_span(token)
    for mention in mentions:
        if mention.start_token < span.end and span.start < mention.end_token:
            return mention.actor
    return Actor(
        text=span.text,
        name=span.text,
        country=None,
        sector=None,
        code=None,
        id=None,
        start=span.start_char,
        end=span.end_char,
    )


def build_attribution(
    speaker: Token | None,
    cue: str | None,
    post: Post,
    document: Document,
    mentions: Sequence[ActorMention],
) -> Attribution:
    """The attribution record: speaker and cue of the claim, author, publisher, original source."""
    return Attribution(
        speaker=None if speaker is None else speaker_actor(speaker, mentions),
        cue=cue,
        author=post.author or document.author,
        publisher=document.publisher,
        original_source=document.original_source,
    )
