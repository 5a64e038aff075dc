"""Plain text and markdown: pages pasted as text, with their header, footer and comments."""

from __future__ import annotations

from realpolitik.ingest.forum import split_thread
from realpolitik.ingest.header import read_header, read_labels_and_sources
from realpolitik.ingest.markup import to_paragraphs
from realpolitik.ingest.rules import IngestRules
from realpolitik.ingest.sections import Extraction, Section


def parse_plain(text: str, rules: IngestRules) -> Extraction:
    """Split pasted text into header metadata, the body and (for threads) comments."""
    header, body = read_header(to_paragraphs(text), rules.header)
    body = read_labels_and_sources(body, header, rules.header)
    thread = split_thread(body, rules.forum, header.author)
    if thread is None:
        structured = any((header.title, header.author, header.date, header.publisher))
        kind = "article" if structured else "text"
        thread = [Section(kind, tuple(body), author=header.author)]
    body_section = thread[0]
    sections = [
        Section(
            kind=body_section.kind,
            paragraphs=body_section.paragraphs,
            title=header.title,
            author=header.author,
            date=header.date,
        ),
        *thread[1:],
    ]
    return Extraction(
        sections=tuple(sections),
        title=header.title,
        author=header.author,
        publisher=header.publisher,
        date=header.date,
        original_source=header.original_source,
        metadata=dict(header.metadata),
    )
