"""Reader comments in HTML: one section per comment item, with its author and date.

Threaded replies are nested inside their parent's item; each item's text
skips the items nested in it, so every reply is its own post.
"""

from __future__ import annotations

from datetime import date

from lxml.html import HtmlElement

from realpolitik.ingest.dates import parse_iso, parse_written
from realpolitik.ingest.header import clean_name, is_name
from realpolitik.ingest.markup import Paragraph, to_paragraphs
from realpolitik.ingest.rules import HtmlRules
from realpolitik.ingest.sections import Section

BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "li",
        "blockquote",
        "section",
        "article",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "pre",
    }
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "form", "button", "svg", "img"})
MAX_AUTHOR_WORDS = 6


def own_text(element: HtmlElement, items: set[HtmlElement]) -> str:
    """The element's text with block breaks as blank lines, skipping nested comment items."""
    parts: list[str] = []

    def walk(node: HtmlElement) -> None:
        if not isinstance(node.tag, str) or node.tag in SKIP_TAGS:
            return
        if node is not element and node in items:
            return
        block = node.tag in BLOCK_TAGS
        parts.append("\n\n" if block else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")
        parts.append("\n\n" if block else "\n" if node.tag == "br" else "")

    walk(element)
    return "".join(parts)


def _belongs_to(node: HtmlElement, item: HtmlElement, items: set[HtmlElement]) -> bool:
    """True if the nearest comment item enclosing `node` is `item`."""
    for ancestor in node.iterancestors():
        if ancestor in items:
            return ancestor is item
    return False


def _own_hits(item: HtmlElement, xpath: str, items: set[HtmlElement]) -> list:
    return [hit for hit in item.xpath(xpath) if _belongs_to(_node_of(hit), item, items)]


def _node_of(hit: object) -> HtmlElement:
    return (
        hit.getparent() if hasattr(hit, "getparent") and not isinstance(hit, HtmlElement) else hit
    )


def _author(item: HtmlElement, items: set[HtmlElement], rules: HtmlRules) -> str | None:
    for xpath in rules.comment_authors:
        for hit in _own_hits(item, xpath, items):
            name = " ".join(own_text(hit, items).split())
            for suffix in rules.author_suffixes:
                if name.lower().endswith(suffix):
                    name = name[: -len(suffix)]
            name = clean_name(name)
            if is_name(name, MAX_AUTHOR_WORDS):
                return name
    return None


def _date(item: HtmlElement, items: set[HtmlElement], rules: HtmlRules) -> date | None:
    for xpath in rules.comment_dates:
        for hit in _own_hits(item, xpath, items):
            value = str(hit) if not isinstance(hit, HtmlElement) else hit.text_content()
            parsed = parse_iso(value) or parse_written(value)
            if parsed:
                return parsed
    return None


def _paragraphs(item: HtmlElement, items: set[HtmlElement], rules: HtmlRules) -> list[Paragraph]:
    for xpath in rules.comment_contents:
        hits = [hit for hit in _own_hits(item, xpath, items) if isinstance(hit, HtmlElement)]
        outer = [hit for hit in hits if not any(a in hits for a in hit.iterancestors())]
        text = "\n\n".join(own_text(hit, items) for hit in outer)
        if text.strip():
            return to_paragraphs(text)
    return []


def _find_items(tree: HtmlElement, rules: HtmlRules) -> tuple[list[HtmlElement], str | None]:
    for xpath in rules.comment_items:
        found = [hit for hit in tree.xpath(xpath) if isinstance(hit, HtmlElement)]
        if found:
            return found, xpath
    return [], None


def extract_comments(tree: HtmlElement, rules: HtmlRules) -> tuple[list[Section], str | None]:
    """One comment section per comment item, and the XPath that found them (to prune)."""
    found, xpath = _find_items(tree, rules)
    items = set(found)
    sections = []
    for item in found:
        paragraphs = _paragraphs(item, items, rules)
        if paragraphs:
            author, when = _author(item, items, rules), _date(item, items, rules)
            sections.append(Section("comment", tuple(paragraphs), author=author, date=when))
    return sections, (xpath if sections else None)
