"""The two seed pages: forum thread (000) and crossposted article (004)."""

from __future__ import annotations

from datetime import date

from realpolitik.ingest import read_sources
from realpolitik.records import Document

BOILERPLATE_STRINGS = (
    "can be read in 27 languages",
    "Translate Website",
    "Note to readers",
    "share buttons",
    "Forward this article",
    "Crosspost on your blog",
    "Disclaimer",
    "Copyright",
    "Become a Member",
    "Facebook page",
    "Articles by",
    "For media inquiries",
    "fair use",
    "Featured image is from",
    "The original source of this article",
    "Region:",
    "Theme:",
    "In-depth Report",
    "frequent contributor",
    "born in Brazil",
    "](#)",
    "**",
)


def _one(path, rules, settings) -> Document:
    (document,) = read_sources([str(path)], settings, rules=rules)
    assert isinstance(document, Document), document
    return document


def test_forum_seed_splits_post_and_comments(seed_paths, rules, settings) -> None:
    document = _one(seed_paths["000"], rules, settings)
    posts = document.posts
    assert [p.kind for p in posts] == ["article"] + ["comment"] * 6
    assert posts[0].title == "Shift in Syria Brings Iran and Russia Closer to Each Other"
    assert [p.author for p in posts] == [
        "ayatoilet1",
        "ayatoilet1",
        "BoosBoos",
        "vildemose",
        "vildemose",
        "abtin",
        "Maryam Hojjat",
    ]
    assert [p.title for p in posts[1:]] == [
        "Boos Boos - Great Comment",
        "Iran's Losses of Northern Provinces",
        "Muslim Brotherhood Calls",
        "New Evidence Points to",
        "Good analysis",
        "Thanks for Great forcast on",
    ]
    assert [p.post_id for p in posts] == [f"{document.doc_id}:{i}" for i in range(7)]
    assert posts[0].text.startswith("There are reports today that 4 senior military and")
    assert posts[0].text.endswith("devastating consequences for Iran and Iranians.")
    assert "the Americans will invade if Iran's leadership" in posts[0].text
    assert posts[3].text.endswith("since the conflict started.")
    assert posts[6].text == "this treachrous relations of IRR with old enemy of Iran Russia."


def test_forum_seed_drops_signatures_and_headers(seed_paths, rules, settings) -> None:
    document = _one(seed_paths["000"], rules, settings)
    text = document.text
    assert "Robert Browning" not in text  # quoted signature after "//"
    assert "//" not in text
    assert "by vildemose on" not in text and "by ayatoilet1" not in text
    assert "Maryam Hojjat" not in posts_text(document, 5)  # name line before the next comment
    assert "\u00a0" not in text and "  " not in text


def posts_text(document: Document, index: int) -> str:
    return document.posts[index].text


def test_article_seed_metadata(seed_paths, rules, settings) -> None:
    document = _one(seed_paths["004"], rules, settings)
    assert document.title == "Why the US Deep State Won't Forgive Russia and Iran"
    assert document.author == "Pepe Escobar"
    assert document.publisher == "Global Research"
    assert document.date == date(2021, 2, 1)
    assert document.original_source == "Asia Times"
    assert document.metadata["region"] == "Middle East & North Africa, Russia and FSU, USA"
    assert document.metadata["theme"] == "Intelligence"
    assert document.metadata["in_depth_report"] == "SYRIA"
    assert len(document.posts) == 1
    post = document.posts[0]
    assert (post.kind, post.author, post.date) == ("article", "Pepe Escobar", date(2021, 2, 1))


def test_article_seed_text_is_clean(seed_paths, rules, settings) -> None:
    text = _one(seed_paths["004"], rules, settings).posts[0].text
    for needle in BOILERPLATE_STRINGS:
        assert needle.lower() not in text.lower(), needle
    assert text.startswith("In a stunning interview to the Beirut-based al Mayadeen network")
    assert "assassinated by an American drone strike at Baghdad airport a little over" in text
    assert "Hassan Nasrallah has outlined how Maj Gen Qassem Soleimani" in text
    # sentences broken across paragraphs by the page are rejoined
    assert "Trump administration's illegal sanctions against Iranian energy exports" in text
    assert "nor did he use (empty) rhetoric. Not at all." in text
    assert text.endswith("Russia, Iran and Hezbollah prevailed in Syria.")


def test_content_hash_and_ids_are_stable(seed_paths, rules, settings) -> None:
    first = list(read_sources([str(p) for p in seed_paths.values()], settings, rules=rules))
    second = list(read_sources([str(p) for p in seed_paths.values()], settings, rules=rules))
    assert [d.doc_id for d in first] == [d.doc_id for d in second]
    assert [d.content_hash for d in first] == [d.content_hash for d in second]
    assert all(len(d.doc_id) == 16 and len(d.content_hash) == 64 for d in first)
    assert len({d.doc_id for d in first}) == len(first)
