"""Hand-built parses and mentions, so rule tests do not depend on the statistical parser."""

from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

from realpolitik.records import Actor, ActorMention, Post

#: One token: (word, head index, dep, pos, lemma); the root is its own head.
Row = tuple[str, int, str, str, str]


def parse(rows: list[Row]) -> Doc:
    words = [row[0] for row in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][3] != "PUNCT" for i in range(len(rows))]
    return Doc(
        English().vocab,
        words=words,
        spaces=spaces,
        heads=[row[1] for row in rows],
        deps=[row[2] for row in rows],
        pos=[row[3] for row in rows],
        lemmas=[row[4] for row in rows],
    )


def mention(doc: Doc, start: int, end: int, code: str) -> ActorMention:
    """A mention of tokens [start, end) resolved to the CAMEO-style `code` ("RUSMIL")."""
    text = doc[start:end].text
    actor = Actor(
        text=text,
        name=text,
        country=code[:3],
        sector=code[3:] or None,
        code=code,
        id=f"test:{code}",
        start=doc[start].idx,
        end=doc[end - 1].idx + len(doc[end - 1].text),
    )
    return ActorMention(actor, start, end, "name")


def post_for(doc: Doc) -> Post:
    return Post(post_id="d1:0", doc_id="d1", index=0, kind="text", text=doc.text)
