"""Markdown stripping, whitespace normalisation, paragraph repair."""

from __future__ import annotations

import pytest

from realpolitik.ingest.markup import (
    Paragraph,
    join_paragraphs,
    normalise_whitespace,
    repair_breaks,
    strip_markup,
    to_paragraphs,
)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("By [Pepe Escobar](#)", "By Pepe Escobar"),
        ("**Hassan Nasrallah** said", "Hassan Nasrallah said"),
        ("*In a stunning interview, **X** spoke.*", "In a stunning interview, X spoke."),
        ("to *unify* the", "to unify the"),
        ("2 * 3 * 4 stays", "2 * 3 * 4 stays"),
        ("snake_case_name stays", "snake_case_name stays"),
        ("![chart](img.png) Iran", "Iran"),
        ("## Heading ##", "Heading"),
        ("> quoted text", "quoted text"),
        ("- a bullet", "a bullet"),
        ("*", ""),
        ("---", ""),
    ],
)
def test_strip_markup(raw, clean) -> None:
    assert strip_markup(raw) == clean


def test_normalise_whitespace() -> None:
    raw = "There\u00a0 are\u200b reports\r\n\r\n  today\t\tthat \u00a0\n"
    assert normalise_whitespace(raw) == "There are reports\n\ntoday that"


def test_paragraphs_and_link_only_flag() -> None:
    paragraphs = to_paragraphs("# Title\n\n[Asia Times](#)\n\n\n\nOne\ntwo\n")
    assert [p.lines for p in paragraphs] == [("Title",), ("Asia Times",), ("One", "two")]
    assert [p.heading for p in paragraphs] == [True, False, False]
    assert [p.link_only for p in paragraphs] == [False, True, False]


def test_repair_joins_a_sentence_split_across_paragraphs() -> None:
    paragraphs = [
        Paragraph(("Signs point to X; the administration's",)),
        Paragraph(("illegal sanctions remain.",)),
        Paragraph(("A heading",)),
        Paragraph(("Now a new paragraph.",)),
    ]
    assert [p.text for p in repair_breaks(paragraphs)] == [
        "Signs point to X; the administration's illegal sanctions remain.",
        "A heading",
        "Now a new paragraph.",
    ]


def test_hard_wrapped_lines_are_unwrapped_short_lines_kept() -> None:
    paragraphs = [
        Paragraph(("The foreign ministers of Russia and Turkey met in", "Moscow on Monday.")),
        Paragraph(("Short line", "Another short line")),
    ]
    assert join_paragraphs(paragraphs) == (
        "The foreign ministers of Russia and Turkey met in Moscow on Monday.\n\n"
        "Short line\nAnother short line"
    )
