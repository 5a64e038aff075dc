"""Assemble the shared `Document`/`Post` records from a parsed page.

Metadata passed explicitly (JSONL fields, API arguments) wins over what the
text says; boilerplate is removed here, per post, so every offset later in the
pipeline refers to the final `Post.text`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from realpolitik.errors import InputError
from realpolitik.ingest.boilerplate import compile_rules, remove_boilerplate
from realpolitik.ingest.decode import looks_like_html
from realpolitik.ingest.html import parse_html
from realpolitik.ingest.markup import join_paragraphs, repair_breaks
from realpolitik.ingest.plaintext import parse_plain
from realpolitik.ingest.rules import IngestRules
from realpolitik.ingest.sections import Extraction, Section
from realpolitik.records import Document, Post

DOC_ID_CHARS = 16


@dataclass(frozen=True, slots=True)
class Given:
    """Metadata the caller passed explicitly; None means "use what the text says"."""

    source: str = "text"
    doc_id: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def content_doc_id(text: str) -> str:
    """The id of a document without one: sha1 of its input text, first 16 hex digits."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:DOC_ID_CHARS]


def content_hash(text: str) -> str:
    """sha256 of the normalised document text (all posts)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _clean_sections(
    extraction: Extraction, rules: IngestRules, author: str | None
) -> tuple[list[tuple[Section, str]], list[str]]:
    compiled = compile_rules(rules.boilerplate, author)
    cleaned: list[tuple[Section, str]] = []
    fired: list[str] = []
    for number, section in enumerate(extraction.sections):
        paragraphs, names = remove_boilerplate(section.paragraphs, compiled)
        fired.extend(names)
        text = join_paragraphs(repair_breaks(paragraphs)) if paragraphs else ""
        if text or number == 0:
            cleaned.append((section, text))
    return cleaned, fired


def build_document(raw: str, extraction: Extraction, given: Given, rules: IngestRules) -> Document:
    """The Document for a parsed page: ids, hashes, cleaned posts, merged metadata."""
    author = given.author or extraction.author
    cleaned, fired = _clean_sections(extraction, rules, author)
    if not any(text for _, text in cleaned):
        raise InputError("no text left after removing boilerplate")
    doc_id = given.doc_id or content_doc_id(raw)
    title = given.title or extraction.title
    when = given.date or extraction.date
    posts = []
    for index, (section, text) in enumerate(cleaned):
        body = index == 0
        posts.append(
            Post(
                post_id=f"{doc_id}:{index}",
                doc_id=doc_id,
                index=index,
                kind=section.kind,
                text=text,
                title=title if body else section.title,
                author=author if body else section.author,
                date=when if body else section.date,
            )
        )
    metadata = {**extraction.metadata, **given.metadata}
    if fired:
        metadata["boilerplate_removed"] = sorted(set(fired))
    return Document(
        doc_id=doc_id,
        source=given.source,
        content_hash=content_hash("\n\n".join(post.text for post in posts)),
        posts=tuple(posts),
        title=title,
        author=author,
        publisher=given.publisher or extraction.publisher,
        date=when,
        url=given.url or extraction.url,
        original_source=extraction.original_source,
        metadata=metadata,
    )


FORMATS = frozenset({"auto", "text", "html"})


def parse_document(text: str, given: Given, fmt: str, rules: IngestRules) -> Document:
    """Parse `text` as plain text or HTML ("auto" sniffs) and build its Document."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r} (expected one of {', '.join(sorted(FORMATS))})")
    if not text or not text.strip():
        raise InputError("empty")
    is_html = fmt == "html" or (fmt == "auto" and looks_like_html(text))
    extraction = parse_html(text, rules) if is_html else parse_plain(text, rules)
    document = build_document(text, extraction, given, rules)
    return replace(
        document, metadata={**document.metadata, "format": "html" if is_html else "text"}
    )
