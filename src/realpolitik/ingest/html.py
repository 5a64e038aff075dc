"""HTML pages: main text and metadata through trafilatura, reader comments one post each.

Comment items are found with the XPaths in ``data/ingest/html.yaml`` and
removed from the page before trafilatura extracts the article; when no item
matches, trafilatura's own comment text becomes a single comment post.
"""

from __future__ import annotations

from lxml.etree import ParserError
from lxml.html import HtmlElement, document_fromstring
from trafilatura import bare_extraction
from trafilatura.utils import load_html

from realpolitik.errors import InputError
from realpolitik.ingest.comments import extract_comments
from realpolitik.ingest.dates import parse_iso
from realpolitik.ingest.header import read_header, read_labels_and_sources
from realpolitik.ingest.markup import Paragraph, to_paragraphs
from realpolitik.ingest.rules import IngestRules
from realpolitik.ingest.sections import Extraction, Section


def _lines_to_paragraphs(text: str | None) -> list[Paragraph]:
    """trafilatura puts one paragraph per line; keep each as its own paragraph."""
    return to_paragraphs("\n\n".join((text or "").split("\n")))


def _drop_title(paragraphs: list[Paragraph], title: str | None) -> list[Paragraph]:
    if title and paragraphs and paragraphs[0].text.casefold() == title.strip().casefold():
        return paragraphs[1:]
    return paragraphs


def _load(text: str) -> HtmlElement:
    """Parse a page or a fragment; `InputError` when lxml cannot make a tree of it."""
    tree = load_html(text) if "<html" in text[:4096].lower() else None
    if tree is None:
        try:
            tree = document_fromstring(text)
        except (ParserError, ValueError) as exc:
            raise InputError(f"unparseable HTML ({exc})") from exc
    return tree


def _remove(tree: HtmlElement, xpath: str) -> None:
    for element in tree.xpath(xpath):
        if element.getparent() is not None:
            element.drop_tree()


def parse_html(text: str, rules: IngestRules) -> Extraction:
    """Extract the article, its metadata and its comments from an HTML page."""
    tree = _load(text)
    comments, item_xpath = extract_comments(tree, rules.html)
    if item_xpath:
        _remove(tree, item_xpath)  # before trafilatura, so comment dates are not the page's
    result = bare_extraction(
        tree,
        include_comments=not comments,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None and not comments:
        raise InputError("unparseable HTML (no article text found)")
    title = getattr(result, "title", None)
    body = _drop_title(_lines_to_paragraphs(getattr(result, "text", None)), title)
    header, body = read_header(body, rules.header, detect_title=False)
    body = read_labels_and_sources(body, header, rules.header)
    if not comments and getattr(result, "comments", None):
        comments = [Section("comment", tuple(_lines_to_paragraphs(result.comments)))]
    author = getattr(result, "author", None) or header.author
    when = parse_iso(getattr(result, "date", None) or "") or header.date
    article = Section("article", tuple(body), title=title, author=author, date=when)
    return Extraction(
        sections=(article, *comments),
        title=title,
        author=author,
        publisher=getattr(result, "sitename", None) or header.publisher,
        date=when,
        url=getattr(result, "url", None),
        original_source=header.original_source,
        metadata=dict(header.metadata),
    )
