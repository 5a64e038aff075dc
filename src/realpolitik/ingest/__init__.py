"""Ingest: documents (files, folders, stdin, JSONL/JSON/CSV rows, HTML, pasted text) -> posts.

Each document becomes a `Document` whose posts are the article body (index 0)
and each reader comment with its author; boilerplate is removed and metadata
(title, author, date, publisher, original source) is kept.  Input that cannot
be read becomes a `Skipped` record with a one-line reason, never an exception.
"""

from __future__ import annotations

import datetime
import sys
from collections.abc import Iterator, Sequence
from importlib import resources
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.ingest.build import Given, parse_document
from realpolitik.ingest.dates import coerce_date
from realpolitik.ingest.rules import IngestRules, load_rules
from realpolitik.ingest.sources import SUPPORTED_SUFFIXES, read_path, read_stdin
from realpolitik.records import Document, Skipped
from realpolitik.settings import Settings

__all__ = ["IngestRules", "document_from_text", "example_sources", "load_rules", "read_sources"]

STDIN = "-"


def read_sources(
    sources: Sequence[str], settings: Settings, *, rules: IngestRules | None = None
) -> Iterator[Document | Skipped]:
    """Every document in `sources` (files, folders walked in sorted order, "-" for stdin).

    Yields a `Document` per document and a `Skipped` (source, reason) for each one
    that cannot be read; bad input never raises.
    """
    rules = rules or load_rules(settings.data_dir)
    for source in sources:
        if source == STDIN:
            yield from read_stdin(sys.stdin.buffer, settings, rules)
        else:
            yield from read_path(source, settings, rules)


def document_from_text(
    text: str,
    *,
    source: str = "text",
    doc_id: str | None = None,
    title: str | None = None,
    author: str | None = None,
    publisher: str | None = None,
    date: datetime.date | str | None = None,
    url: str | None = None,
    fmt: str = "auto",
    rules: IngestRules | None = None,
) -> Document:
    """One text (plain, markdown or HTML; `fmt` "auto" | "text" | "html") -> a Document.

    Explicit metadata wins over what the text says.  Raises `InputError` for empty
    or unusable input and for a `date` that is not a date.  Pass `rules` (from
    `load_rules`) when calling in a loop, to read the data files once.
    """
    when = coerce_date(date)
    if date is not None and when is None:
        raise InputError(f"not a date: {date!r}")
    given = Given(
        source=source,
        doc_id=doc_id,
        title=title,
        author=author,
        publisher=publisher,
        date=when,
        url=url,
    )
    return parse_document(text, given, fmt, rules or load_rules())


def example_sources() -> list[str]:
    """Paths of the example documents shipped with the package (for `realpolitik demo`)."""
    folder = Path(str(resources.files("realpolitik") / "data" / "examples"))
    return [
        str(path)
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in SUPPORTED_SUFFIXES and not path.name.lower().startswith("readme")
    ]
