"""Forum threads pasted as text: the general "title / by AUTHOR on DATE" structure."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.ingest import document_from_text

THREAD = """Turkey and Russia agree on Idlib

by analyst42

Turkey and Russia agreed on a ceasefire in Idlib on Thursday, according to both governments.

Not convinced

by Farid K. on Fri Mar 06, 2020 09:14 AM PST

The last ceasefire collapsed within weeks. Ankara will send more troops anyway.

Good news

by relying on diplomacy both sides gain

--
Farid, Istanbul

Agreed

by Lena on

Moscow decides, as it did in 2016.

Lena
"""


def test_general_thread_structure(rules) -> None:
    document = document_from_text(THREAD, rules=rules)
    posts = document.posts
    assert [(p.kind, p.author, p.title) for p in posts] == [
        ("article", "analyst42", "Turkey and Russia agree on Idlib"),
        ("comment", "Farid K.", "Not convinced"),
        ("comment", "Lena", "Agreed"),
    ]
    assert [p.date for p in posts] == [None, date(2020, 3, 6), None]
    # a line that merely starts with "by ... on ..." is not a comment header
    assert "by relying on diplomacy both sides gain" in posts[1].text
    assert posts[1].text.startswith("The last ceasefire collapsed within weeks.")
    assert "Farid, Istanbul" not in posts[1].text  # signature after "--"
    assert posts[2].text == "Moscow decides, as it did in 2016."  # name-only line dropped


def test_plain_text_without_structure_is_one_text_post(rules) -> None:
    document = document_from_text(
        "Iran summoned the British ambassador on Monday.\n\nLondon said it regretted the incident.",
        rules=rules,
    )
    (post,) = document.posts
    assert (post.kind, post.title, post.author, document.title) == ("text", None, None, None)
    assert post.text.startswith("Iran summoned")


@pytest.mark.parametrize(
    "sentence",
    [
        "By Monday the talks ended",
        "Like the United States, Russia has sanctioned Iran.",
        "Related talks were held in Doha.",
        "More by luck than judgement Iran survived the sanctions.",
        "Share the burden, the minister told NATO allies.",
        "Print media in Iran criticised the deal.",
    ],
)
def test_news_sentences_are_not_mistaken_for_page_furniture(rules, sentence) -> None:
    document = document_from_text(sentence, rules=rules)
    assert document.posts[0].text == sentence
    two = document_from_text(f"{sentence}\n\nIran protested.", rules=rules)
    assert two.posts[0].text.startswith(sentence) or two.title == sentence
