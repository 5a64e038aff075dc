"""Article header and footer lines of pasted pages: title, byline, dateline, crosspost, labels.

The rules (regexes, label names, limits) are data in ``data/ingest/header.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from realpolitik.ingest.dates import parse_written
from realpolitik.ingest.markup import Paragraph
from realpolitik.ingest.rules import HeaderRules

_LABEL_LINE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z -]{1,30}?)\s*:\s*(?P<value>\S.{0,300})$")
NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "di",
        "del",
        "la",
        "le",
        "and",
    }
)
_NAME_CHARS = re.compile(r"^[\w][\w .'’&@,-]*$")


@dataclass(slots=True)
class Header:
    """Metadata read off the top (and tail) of a page; mutable only while it is read."""

    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: date | None = None
    original_source: str | None = None
    metadata: dict[str, Any] = field(default_factory=dict)


def clean_name(value: str) -> str:
    """Trim punctuation and spacing around a person or publisher name."""
    return value.strip().strip(",;:|-–—").strip()


def is_name(value: str, max_words: int, *, capitalised: bool = False) -> bool:
    """A plausible author name: a few words, no sentence punctuation.

    With `capitalised`, a name of several words must capitalise each one (bar
    particles such as "al" or "van"), so "By Monday the talks ended" is no byline.
    """
    words = value.split()
    if not (0 < len(words) <= max_words and _NAME_CHARS.match(value) and "," not in value):
        return False
    if capitalised and len(words) > 1:
        return all(w[0].isupper() or w.lower() in NAME_PARTICLES for w in words)
    return True


def match_byline(line: str, rules: HeaderRules) -> tuple[str, date | None] | None:
    """`(author, date)` if the line is a byline ("By X", "by X on DATE")."""
    for pattern in rules.bylines:
        found = pattern.match(line)
        if not found:
            continue
        author = clean_name(found.group("author"))
        when = found.groupdict().get("date")
        parsed = parse_written(when) if when else None
        if is_name(author, rules.max_author_words, capitalised=True) and (
            when is None or parsed is not None
        ):
            return author, parsed
    return None


def match_dateline(line: str, rules: HeaderRules) -> tuple[str | None, date] | None:
    """`(publisher, date)` if the line is a dateline ("Global Research, February 01, 2021")."""
    for pattern in rules.datelines:
        found = pattern.match(line)
        if not found:
            continue
        parsed = parse_written(found.group("date"))
        if parsed is not None:
            publisher = found.groupdict().get("publisher")
            return (clean_name(publisher) if publisher else None), parsed
    return None


def match_label(line: str, rules: HeaderRules) -> tuple[str, str] | None:
    """`(key, value)` for a labelled metadata line such as "Region: Middle East"."""
    found = _LABEL_LINE.match(line)
    if not found:
        return None
    key = rules.metadata_labels.get(found.group("label").strip().lower())
    return (key, found.group("value").strip()) if key else None


def match_source(line: str, rules: HeaderRules) -> str | None:
    """The original publisher named by a line like "The original source of this article is X"."""
    for pattern in rules.source_lines:
        found = pattern.search(line)
        if found:
            return clean_name(found.group("source"))
    return None


def _is_title(paragraph: Paragraph, rules: HeaderRules) -> bool:
    line = paragraph.single_line
    if line is None:
        return False
    if paragraph.heading:
        return True
    return len(line.split()) <= rules.max_title_words and not re.search(r"[.,;:]$", line)


def _read_header_line(
    paragraph: Paragraph, header: Header, rules: HeaderRules, after_meta: bool
) -> bool:
    """Fill `header` from one header paragraph; False when it is body text."""
    line = paragraph.single_line
    if line is None:
        return False
    byline = None if header.author else match_byline(line, rules)
    if byline:
        header.author, header.date = byline[0], header.date or byline[1]
        return True
    dateline = None if header.date else match_dateline(line, rules)
    if dateline:
        header.publisher, header.date = header.publisher or dateline[0], dateline[1]
        return True
    label = match_label(line, rules)
    if label:
        header.metadata[label[0]] = label[1]
        return True
    if paragraph.link_only and after_meta and not header.original_source:
        header.original_source = clean_name(line)  # crosspost: the source linked under the dateline
        return True
    return False


def _title_of(paragraphs: list[Paragraph], rules: HeaderRules) -> str | None:
    """The first paragraph as title: one short line that is not a byline or dateline."""
    if len(paragraphs) < 2 or not _is_title(paragraphs[0], rules):
        return None
    line = paragraphs[0].lines[0]
    return None if match_byline(line, rules) or match_dateline(line, rules) else line


def read_header(
    paragraphs: list[Paragraph], rules: HeaderRules, *, detect_title: bool = True
) -> tuple[Header, list[Paragraph]]:
    """Read title/byline/dateline/labels from the leading paragraphs; return the rest."""
    header = Header(title=_title_of(paragraphs, rules) if detect_title else None)
    start = 1 if header.title else 0
    index = start
    while index < min(len(paragraphs) - 1, rules.header_paragraphs):  # leave a body
        after_meta = header.author is not None or header.date is not None
        if not _read_header_line(paragraphs[index], header, rules, after_meta):
            break
        index += 1
    return header, paragraphs[index:]


def read_labels_and_sources(
    paragraphs: list[Paragraph], header: Header, rules: HeaderRules
) -> list[Paragraph]:
    """Take labelled metadata paragraphs and original-source lines out of the body."""
    kept: list[Paragraph] = []
    for paragraph in paragraphs:
        line = paragraph.single_line
        label = match_label(line, rules) if line else None
        if label:
            header.metadata.setdefault(label[0], label[1])
            continue
        lines = []
        for text in paragraph.lines:
            source = match_source(text, rules)
            if source:
                header.original_source = header.original_source or source
            else:
                lines.append(text)
        if lines:
            kept.append(Paragraph(tuple(lines), paragraph.heading, paragraph.link_only))
    return kept
