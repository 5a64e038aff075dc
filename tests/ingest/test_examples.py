"""The example documents shipped for `realpolitik demo` ingest cleanly, with dates and structure."""

from __future__ import annotations

from pathlib import Path

from realpolitik.ingest import example_sources, read_sources
from realpolitik.records import Document


def test_examples_ingest_with_dates_and_posts(settings, rules) -> None:
    sources = example_sources()
    assert len(sources) == 5
    assert not any(Path(s).name.lower().startswith("readme") for s in sources)
    documents = list(read_sources(sources, settings, rules=rules))
    assert all(isinstance(d, Document) for d in documents)
    by_name = {Path(d.source).stem: d for d in documents}
    for name, document in by_name.items():
        assert document.date is not None and document.date.isoformat() == name[:10], name
        assert document.title and document.posts[0].text
        for needle in ("Share this", "Copyright", "Follow us", "Subscribe", "Note to readers"):
            assert needle not in document.text, (name, needle)
    forum = by_name["2016-08-10_turkey_russia_forum"]
    assert [p.author for p in forum.posts] == ["caspianwatcher", "Leyla_T", "old_diplomat"]
    page = by_name["2020-11-10_karabakh_ceasefire"]
    assert [p.kind for p in page.posts] == ["article", "comment", "comment"]
    assert [p.author for p in page.posts[1:]] == ["Narine", "Elchin"]
