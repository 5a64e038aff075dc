"""HTML pages: trafilatura's article text and metadata, and one post per reader comment."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.errors import InputError
from realpolitik.ingest import document_from_text

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Russia and Iran sign defence pact | World Desk</title>
<meta name="author" content="Jane Doe">
<meta property="og:site_name" content="World Desk">
<meta property="og:title" content="Russia and Iran sign defence pact">
<meta property="article:published_time" content="2021-03-04T10:00:00Z">
<link rel="canonical" href="https://news.example.org/world/pact">
</head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a>
<a href="/login">Log in</a></nav></header>
<main><article>
<h1>Russia and Iran sign defence pact</h1>
<p class="byline">By Jane Doe</p>
<p>Russia and Iran signed a defence cooperation agreement in Moscow on Thursday, officials
said. The deal covers joint exercises, training and arms sales.</p>
<p>The United States condemned the agreement and threatened new sanctions against both
countries. A State Department spokesman said Washington would respond if the pact led to
weapons transfers.</p>
<p>Share this article on Facebook</p>
</article>
<section id="comments" class="comments-area">
<h2>3 comments</h2>
<ol class="comment-list">
 <li class="comment even thread-even depth-1" id="comment-101">
  <article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard">
     <img class="avatar" src="a.png" alt=""><b class="fn">Ali Rezaei</b>
     <span class="says">says:</span></div>
     <div class="comment-metadata"><time datetime="2021-03-04T12:30:00+00:00">
     March 4, 2021 at 12:30 pm</time></div>
   </footer>
   <div class="comment-content"><p>This is a big shift.</p>
   <p>Iran has accused Washington of hypocrisy for years.</p></div>
  </article>
  <ol class="children">
   <li class="comment odd depth-2" id="comment-102">
    <article class="comment-body">
     <footer class="comment-meta"><div class="comment-author vcard">
     <b class="fn">Mark T</b> <span class="says">says:</span></div></footer>
     <div class="comment-content"><p>Moscow will sell Tehran fighter jets next.</p></div>
    </article>
   </li>
  </ol>
 </li>
 <li class="comment even depth-1" id="comment-103">
  <article class="comment-body">
   <footer class="comment-meta"><div class="comment-author vcard"><b class="fn">Lena</b></div>
   <time datetime="2021-03-05">March 5</time></footer>
   <div class="comment-content"><p>Turkey will not like this at all.</p></div>
  </article>
 </li>
</ol>
<div id="respond"><h3>Leave a Reply</h3><form><textarea></textarea></form></div>
</section></main>
<footer><p>Copyright 2021 World Desk. All rights reserved.</p></footer>
</body></html>
"""


def test_article_metadata_and_text(rules) -> None:
    document = document_from_text(PAGE, source="page.html", rules=rules)
    assert document.title == "Russia and Iran sign defence pact"
    assert document.author == "Jane Doe"
    assert document.publisher == "World Desk"
    assert document.date == date(2021, 3, 4)
    assert document.url == "https://news.example.org/world/pact"
    body = document.posts[0]
    assert body.kind == "article" and body.index == 0
    assert body.text.startswith("Russia and Iran signed a defence cooperation agreement")
    assert "\n\nThe United States condemned" in body.text  # paragraphs kept apart
    for junk in ("Share this article", "Home", "Copyright", "Leave a Reply", "Mark T"):
        assert junk not in body.text


def test_each_comment_is_a_post_with_author_and_date(rules) -> None:
    document = document_from_text(PAGE, rules=rules)
    comments = document.posts[1:]
    assert [c.kind for c in comments] == ["comment"] * 3
    assert [c.author for c in comments] == ["Ali Rezaei", "Mark T", "Lena"]
    assert [c.date for c in comments] == [date(2021, 3, 4), None, date(2021, 3, 5)]
    assert comments[0].text == (
        "This is a big shift.\n\nIran has accused Washington of hypocrisy for years."
    )
    assert comments[1].text == "Moscow will sell Tehran fighter jets next."  # reply, not merged
    assert [c.post_id for c in comments] == [f"{document.doc_id}:{i}" for i in (1, 2, 3)]


def test_comments_without_known_markup_become_one_post(rules) -> None:
    page = PAGE.replace('class="comment ', 'class="note ').replace('id="comment-', 'id="note-')
    body, comments = document_from_text(page, rules=rules).posts
    assert "hypocrisy" not in body.text
    assert (comments.kind, comments.author) == ("comment", None)
    assert comments.text.startswith("This is a big shift.")
    assert comments.text.endswith("Turkey will not like this at all.")


def test_explicit_metadata_wins(rules) -> None:
    document = document_from_text(
        PAGE,
        title="T",
        author="A",
        publisher="P",
        date="2020-01-02",
        url="u",
        doc_id="d",
        rules=rules,
    )
    assert (document.title, document.author, document.publisher) == ("T", "A", "P")
    assert (document.date, document.url, document.doc_id) == (date(2020, 1, 2), "u", "d")
    assert document.posts[0].author == "A" and document.posts[1].author == "Ali Rezaei"


def test_format_can_be_forced(rules) -> None:
    as_text = document_from_text("<p>Iran protested.</p>", fmt="text", rules=rules)
    assert as_text.posts[0].text == "<p>Iran protested.</p>"
    as_html = document_from_text("<p>Iran protested.</p>", fmt="html", rules=rules)
    assert as_html.posts[0].text == "Iran protested."


@pytest.mark.parametrize(
    "text",
    ["", "   \n", "<html><body><script>x()</script></body></html>"],
)
def test_unusable_input_raises_input_error(rules, text) -> None:
    with pytest.raises(InputError):
        document_from_text(text, rules=rules)


def test_bad_arguments_raise_input_error(rules) -> None:
    with pytest.raises(InputError, match="unknown format"):
        document_from_text("Iran protested.", fmt="pdf", rules=rules)
    with pytest.raises(InputError, match="not a date"):
        document_from_text("Iran protested.", date="whenever", rules=rules)
