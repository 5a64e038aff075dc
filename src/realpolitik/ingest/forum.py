"""Forum threads pasted as text: split the opening post from its comments, drop signatures.

A comment starts at a paragraph that is only a header line ("by AUTHOR on
[DATE]"); the one-line paragraph just before it is the comment's title.  The
patterns and limits are data in ``data/ingest/forum.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from realpolitik.ingest.dates import parse_written
from realpolitik.ingest.header import clean_name, is_name
from realpolitik.ingest.markup import Paragraph
from realpolitik.ingest.rules import ForumRules
from realpolitik.ingest.sections import Section

_TITLE_END = re.compile(r"[.,;:]$")


@dataclass(frozen=True, slots=True)
class CommentHeader:
    index: int  # paragraph index of the "by AUTHOR on" line
    author: str
    date: date | None
    title: str | None  # the one-line paragraph just before it, if title-like


def _header_at(paragraph: Paragraph, rules: ForumRules) -> tuple[str, date | None] | None:
    line = paragraph.single_line
    found = rules.comment_header.match(line) if line else None
    if not found:
        return None
    author = clean_name(found.group("author"))
    when = found.groupdict().get("date")
    parsed = parse_written(when) if when else None
    if not is_name(author, rules.max_author_words, capitalised=True) or (when and parsed is None):
        return None
    return author, parsed


def _title_before(
    paragraphs: list[Paragraph], index: int, floor: int, rules: ForumRules
) -> str | None:
    if index - 1 < floor:
        return None
    line = paragraphs[index - 1].single_line
    if line and len(line.split()) <= rules.max_title_words and not _TITLE_END.search(line):
        return line
    return None


def find_comment_headers(paragraphs: list[Paragraph], rules: ForumRules) -> list[CommentHeader]:
    """Every comment header in order, with the title line that precedes it."""
    headers: list[CommentHeader] = []
    floor = 1  # the opening post keeps at least its first paragraph
    for index, paragraph in enumerate(paragraphs):
        found = _header_at(paragraph, rules) if index >= floor else None
        if found:
            title = _title_before(paragraphs, index, floor, rules)
            headers.append(CommentHeader(index, found[0], found[1], title))
            floor = index + 1
    return headers


def cut_signature(paragraphs: list[Paragraph], rules: ForumRules) -> list[Paragraph]:
    """Drop a short tail opened by a signature marker ("//", "--")."""
    for p_index, paragraph in enumerate(paragraphs):
        for l_index, line in enumerate(paragraph.lines):
            for marker in rules.signature_markers:
                found = marker.search(line)
                if not found:
                    continue
                rest = [line[found.start() :], *paragraph.lines[l_index + 1 :]]
                rest += [p.text for p in paragraphs[p_index + 1 :]]
                if sum(len(part) for part in rest) > rules.max_signature_chars:
                    continue
                head = [*paragraph.lines[:l_index], line[: found.start()].rstrip()]
                head = [text for text in head if text]
                kept = paragraphs[:p_index]
                return [*kept, Paragraph(tuple(head))] if head else kept
    return paragraphs


def drop_name_lines(paragraphs: list[Paragraph], names: set[str]) -> list[Paragraph]:
    """Drop trailing paragraphs that are only a participant's name (a signature)."""
    kept = list(paragraphs)
    while kept and kept[-1].single_line and kept[-1].single_line.casefold() in names:
        kept.pop()
    return kept


def split_thread(
    paragraphs: list[Paragraph], rules: ForumRules, author: str | None
) -> list[Section] | None:
    """Opening post + one section per comment, or None when the text is not a thread."""
    headers = find_comment_headers(paragraphs, rules)
    if not headers:
        return None
    names = {h.author.casefold() for h in headers} | ({author.casefold()} if author else set())
    ends = [h.index - (1 if h.title else 0) for h in headers]
    bodies = [paragraphs[: ends[0]]]
    bodies += [
        paragraphs[header.index + 1 : end]
        for header, end in zip(headers, [*ends[1:], len(paragraphs)], strict=True)
    ]
    cleaned = [drop_name_lines(cut_signature(body, rules), names) for body in bodies]
    sections = [Section(kind="article", paragraphs=tuple(cleaned[0]), author=author)]
    sections += [
        Section("comment", tuple(body), title=h.title, author=h.author, date=h.date)
        for h, body in zip(headers, cleaned[1:], strict=True)
    ]
    return sections
