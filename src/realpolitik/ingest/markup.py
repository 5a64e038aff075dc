"""Text normalisation and markdown stripping, so post text is clean prose.

Everything later refers to character offsets in the cleaned text, so every
transformation happens here, before a `Post` exists.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_SPACE_LIKE = re.compile(r"[\t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f]")
_SPACES = re.compile(r" {2,}")
_BLANK_LINES = re.compile(r"\n\s*\n")

_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_REF_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])([^_\n]+?)(?<=[^\s_])_(?![\w_])")
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*$")
_QUOTE = re.compile(r"^(?:>\s?)+")
_BULLET = re.compile(r"^[*+-]\s+(?=\S)")
_RULE = re.compile(r"^\s*(?:(?:[*_=~#-]\s*){3,}|[*#]?)\s*$")  # "---", "* * *", a lone "*"
_LINK_ONLY = re.compile(r"^\s*\[[^\]\n]+\]\([^)\n]*\)\s*$")
_TERMINAL = re.compile(r"""[.!?:;…]['"’”)\]]*$""")

#: A wrapped line is at least this long; shorter lines end on purpose.
WRAP_MIN_CHARS = 40


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph of cleaned lines, remembering what its markup looked like."""

    lines: tuple[str, ...]
    heading: bool = False  # a markdown heading ("# Title")
    link_only: bool = False  # the raw paragraph was one markdown link

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @property
    def single_line(self) -> str | None:
        return self.lines[0] if len(self.lines) == 1 else None


def normalise_whitespace(text: str) -> str:
    """NFC, "\\n" line ends, no invisible characters, single spaces, no trailing blanks."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _INVISIBLE.sub("", _SPACE_LIKE.sub(" ", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(lines).strip()


def strip_markup(line: str) -> str:
    """Markdown link, image, emphasis, heading, quote and bullet markup -> plain text."""
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _REF_LINK.sub(r"\1", line)
    line = _BOLD.sub(r"\2", line)
    line = _ITALIC_STAR.sub(r"\1", line)
    line = _ITALIC_UNDERSCORE.sub(r"\1", line)
    heading = _HEADING.match(line)
    if heading:
        line = heading.group(1)
    line = _BULLET.sub("", _QUOTE.sub("", line))
    if _RULE.match(line):
        return ""
    return _SPACES.sub(" ", line).strip()


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (long, no sentence end) with the line that follows."""
    joined: list[str] = []
    for line in lines:
        previous = joined[-1] if joined else None
        if previous and len(previous) >= WRAP_MIN_CHARS and not _TERMINAL.search(previous):
            joined[-1] = f"{previous} {line}"
        else:
            joined.append(line)
    return joined


def to_paragraphs(text: str) -> list[Paragraph]:
    """Split normalised text on blank lines and clean each line's markup."""
    paragraphs: list[Paragraph] = []
    for block in _BLANK_LINES.split(normalise_whitespace(text)):
        raw = [line for line in block.split("\n") if line]
        lines = tuple(clean for clean in (strip_markup(line) for line in raw) if clean)
        if lines:
            paragraphs.append(
                Paragraph(
                    lines=lines,
                    heading=len(raw) == 1 and bool(_HEADING.match(raw[0])),
                    link_only=len(raw) == 1 and bool(_LINK_ONLY.match(raw[0])),
                )
            )
    return paragraphs


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def repair_breaks(paragraphs: list[Paragraph]) -> list[Paragraph]:
    """Rejoin a sentence split across paragraphs (no sentence end, next starts lower-case)."""
    repaired: list[Paragraph] = []
    for paragraph in paragraphs:
        previous = repaired[-1] if repaired else None
        first = paragraph.lines[0]
        if previous and not ends_sentence(previous.lines[-1]) and first[:1].islower():
            merged = (*previous.lines[:-1], f"{previous.lines[-1]} {first}", *paragraph.lines[1:])
            repaired[-1] = Paragraph(lines=merged)
        else:
            repaired.append(paragraph)
    return repaired


def join_paragraphs(paragraphs: list[Paragraph]) -> str:
    """The post text: unwrapped paragraphs separated by one blank line."""
    return "\n\n".join("\n".join(unwrap(list(p.lines))) for p in paragraphs)
