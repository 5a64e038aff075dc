"""Batched writes: the same tables as one-by-one writes, replace semantics, all-or-nothing."""

from __future__ import annotations

import dataclasses
import random
from datetime import date

import pytest

from realpolitik.errors import StoreError
from realpolitik.store import EventStore
from realpolitik.store.batch import StoredDoc, plan_replacements
from tests.store.corpus import Coded, coded

SPECS = [
    [("RUS", "AID", "SYR")],
    [("USA", "ACCUSE", "RUS"), ("IRN", "CONSULT", "RUS")],
    [("LBNREB:Hezbollah", "COOPERATE", "SYR/MIL")],
    [],
    [("USA/MIL", "ASSAULT", "IRN", {"status": "hypothetical"}), ("GBR", "AGREE", "ISR")],
]

#: Every table's content, without the write-time stamps.
TABLES = {
    "documents": "SELECT * EXCLUDE (added_at) FROM documents",
    "posts": "SELECT * FROM posts",
    "events": "SELECT * FROM events",
    "actors": "SELECT * EXCLUDE (first_seen) FROM actors",
}


def variant(doc_id: str, source: str, version: int) -> Coded:
    """Document `doc_id` from `source`; its text (so its content hash) depends on `version`."""
    item = coded(doc_id, f"2017-01-{version % 28 + 1:02d}", SPECS[version % len(SPECS)])
    document = dataclasses.replace(item.document, source=source, metadata={"v": version})
    return Coded(document, item.events)


def copy_of(item: Coded, doc_id: str, source: str) -> Coded:
    """The same content (hash) under another id and source."""
    document = dataclasses.replace(item.document, doc_id=doc_id, source=source)
    posts = tuple(
        dataclasses.replace(p, doc_id=doc_id, post_id=f"{doc_id}:0") for p in document.posts
    )
    events = tuple(
        dataclasses.replace(e, doc_id=doc_id, post_id=f"{doc_id}:0", event_id=f"{doc_id}-{n}")
        for n, e in enumerate(item.events)
    )
    return Coded(dataclasses.replace(document, posts=posts), events)


def contents(store: EventStore) -> dict[str, list[tuple]]:
    return {
        name: sorted(store.conn.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()
    }


def scenario() -> list[Coded]:
    """Replacements of every kind: same content again, same id and source with new content,
    same id from another source, a copy under another id, repeats inside one batch."""
    a1 = variant("a", "a.txt", 1)
    return [
        a1,
        variant("b", "b.txt", 2),
        variant("a", "mirror/a.txt", 3),  # same id, other source: both kept
        a1,  # same content again
        variant("c", "c.txt", 4),
        copy_of(variant("c", "c.txt", 4), "c2", "elsewhere/c.txt"),  # c's content, other id
        variant("b", "b.txt", 5),  # same id and source, new content
        variant("a", "a.txt", 6),  # removes every row of doc_id "a"
        variant("d", "d.txt", 0),
        variant("d", "d.txt", 0),
    ]


def one_by_one(path, items: list[Coded]) -> dict[str, list[tuple]]:
    with EventStore.open(path) as store:
        for item in items:
            store.add_coded(item, "run")
        return contents(store)


def in_batches(path, items: list[Coded], size: int) -> dict[str, list[tuple]]:
    with EventStore.open(path) as store:
        for start in range(0, len(items), size):
            assert store.add_coded_many(items[start : start + size], "run") == len(
                items[start : start + size]
            )
        return contents(store)


@pytest.mark.parametrize("size", [1, 2, 3, 4, 10])
def test_batches_store_what_single_writes_store(tmp_path, size):
    items = scenario()
    expected = one_by_one(tmp_path / "single.duckdb", items)
    assert expected["documents"] and expected["events"] and expected["actors"]
    assert in_batches(tmp_path / f"batch{size}.duckdb", items, size) == expected


def test_random_sequences_match_single_writes(tmp_path):
    rng = random.Random(7)
    for trial in range(4):
        items = [
            variant(rng.choice("pqr"), rng.choice(["x.txt", "y.txt"]), rng.randrange(6))
            for _ in range(14)
        ]
        expected = one_by_one(tmp_path / f"single{trial}.duckdb", items)
        got = in_batches(tmp_path / f"batch{trial}.duckdb", items, rng.choice([3, 5, 14]))
        assert got == expected, trial


def test_restoring_the_same_batch_replaces_it(tmp_path):
    items = scenario()
    with EventStore.open(tmp_path / "t.duckdb") as store:
        store.add_coded_many(items)
        before, stats = contents(store), store.stats()
        store.add_coded_many(items)
        assert contents(store) == before and store.stats() == stats


def test_later_document_of_a_shared_id_is_the_one_shown(tmp_path):
    first, second = variant("a", "a.txt", 1), variant("a", "mirror/a.txt", 2)
    with EventStore.open(tmp_path / "t.duckdb") as store:
        store.add_coded_many([first, second])
        assert store.get_document("a")["source"] == "mirror/a.txt"


def test_failure_inside_a_batch_stores_none_of_it(tmp_path):
    with EventStore.open(tmp_path / "t.duckdb") as store:
        store.add_coded_many([variant("a", "a.txt", 1), variant("b", "b.txt", 2)])
        before = contents(store)
        good = variant("c", "c.txt", 4)
        bad = variant("a", "a.txt", 9)  # would replace "a"
        broken = dataclasses.replace(bad.events[0], sentence_id="not a number")  # type: ignore[arg-type]
        with pytest.raises(StoreError, match="events"):
            store.add_coded_many([good, Coded(bad.document, (broken,))])
        assert contents(store) == before


def test_empty_batch_writes_nothing(tmp_path):
    with EventStore.open(tmp_path / "t.duckdb") as store:
        assert store.add_coded_many([]) == 0
        assert store.stats()["documents"] == 0


def test_plan_replays_replacement_in_order():
    old = [StoredDoc("a", "h1", "a.txt"), StoredDoc("a", "h2", "mirror"), StoredDoc("z", "h9", "z")]
    new = [
        StoredDoc("b", "h1", "b.txt"),  # h1's doc_id "a" goes, with both of its rows
        StoredDoc("c", "h3", "c.txt"),
        StoredDoc("c", "h4", "c.txt"),  # replaces the batch's own "c"
        StoredDoc("d", "h9", "d.txt"),  # replaces stored "z" by content
    ]
    plan = plan_replacements(old, new)
    assert set(plan.delete_doc_ids) == {"a", "c", "z"}
    assert plan.keep == (0, 2, 3)


def test_posts_keep_their_dates(tmp_path):
    item = variant("a", "a.txt", 1)
    with EventStore.open(tmp_path / "t.duckdb") as store:
        store.add_coded_many([item])
        row = store.conn.execute("SELECT date FROM posts").fetchone()
    assert row[0] == item.document.posts[0].date and isinstance(row[0], date)
