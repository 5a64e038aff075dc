"""What a parser (plain text or HTML) hands to document assembly, before boilerplate removal.

These are ingest's own working records: `build` turns them into the shared
`Document` and `Post` records of `realpolitik.records`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from realpolitik.ingest.markup import Paragraph


@dataclass(frozen=True, slots=True)
class Section:
    """One future post: its paragraphs and whatever the page said about it."""

    kind: str  # "article" | "comment" | "text"
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    author: str | None = None
    date: date | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """A parsed page: document metadata found in the text, and its sections (body first)."""

    sections: tuple[Section, ...]
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: date | None = None
    url: str | None = None
    original_source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
