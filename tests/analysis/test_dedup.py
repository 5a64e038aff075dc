"""Dedup: same happening across documents -> one cluster; idempotent re-clustering."""

from __future__ import annotations

import dataclasses

import pytest

from realpolitik.analysis.dedup import cluster_events, places_compatible
from realpolitik.records import Actor
from realpolitik.store import EventFilter, EventStore
from tests.store.corpus import coded

POLICE = Actor("police", "police", None, "COP", "COP", None, 0, 6)


@pytest.fixture
def store(tmp_path):
    with EventStore.open(tmp_path / "d.duckdb") as opened:
        yield opened


def strike(day: str, **kwargs) -> tuple:
    return ("RUS/MIL", "ASSAULT", "TUR", {"when": day, **kwargs})


def fill(store: EventStore) -> None:
    # One strike on 2017-01-05 reported by three outlets (one a day late), plus the
    # same outlet's unrelated strike a week later and a hypothetical one.
    store.add_coded(coded("a", "2017-01-05", [strike("2017-01-05")], publisher="TASS"))
    store.add_coded(coded("b", "2017-01-06", [strike("2017-01-05")], publisher="BBC"))
    store.add_coded(coded("c", "2017-01-06", [strike("2017-01-06")], publisher="CNN"))
    store.add_coded(coded("d", "2017-01-13", [strike("2017-01-13")], publisher="TASS"))
    store.add_coded(
        coded("e", "2017-01-05", [strike("2017-01-05", status="hypothetical")], publisher="DW")
    )
    # Same day, same type, but another country: a different happening.
    store.add_coded(coded("f", "2017-01-05", [strike("2017-01-05", place="IRQ")], publisher="DW"))


def test_clusters_vs_mentions(store):
    fill(store)
    stats = cluster_events(store)
    assert stats.mentions == 6
    assert stats.clusters == 4  # {a,b,c}, {d}, {e hypothetical}, {f in Iraq}
    assert stats.corroborated_clusters == 1 and stats.max_mentions == 3
    (top, *_) = stats.top
    assert top["mentions"] == 3 and top["source_list"] == ["BBC", "CNN", "TASS"]
    assert store.count_events(EventFilter(clusters_only=True)) == 4
    assert store.count_events(EventFilter()) == 6
    first = store.query_events(EventFilter(limit=1))[0]
    assert first["mentions"] == 3 and first["sources"] == 3


def test_daily_strikes_do_not_chain(store):
    days = [f"2017-02-{d:02d}" for d in range(1, 11)]
    for i, day in enumerate(days):
        store.add_coded(coded(f"s{i}", day, [strike(day)], publisher=f"P{i}"))
    stats = cluster_events(store)
    assert stats.clusters >= 4  # consecutive days may pair up, but never one 10-day cluster
    assert stats.max_mentions <= 3


def test_recoding_and_reclustering_is_idempotent(store):
    fill(store)
    first = cluster_events(store).to_dict()
    ids = sorted(e["cluster_id"] for e in store.query_events(EventFilter(limit=0)))
    fill(store)
    assert cluster_events(store).to_dict() == first
    assert sorted(e["cluster_id"] for e in store.query_events(EventFilter(limit=0))) == ids
    assert store.stats()["events"] == 6 and store.stats()["clusters"] == 4


def test_places_compatible():
    assert places_compatible(None, None, "SYR", None)
    assert not places_compatible("SYR", None, "IRQ", None)
    aleppo, idlib, damascus = (36.2, 37.16), (35.93, 36.63), (33.51, 36.29)
    assert places_compatible("SYR", aleppo, "SYR", idlib)
    assert not places_compatible("SYR", aleppo, "SYR", damascus)


def test_anonymous_mentions_never_merge(store):
    for n, publisher in enumerate(("TASS", "BBC")):
        item = coded(f"x{n}", "2017-01-05", [("RUS/MIL", "ASSAULT", "TUR")], publisher=publisher)
        event = item.events[0]
        anonymous = dataclasses.replace(event, actor=None, recipient=None)
        police = dataclasses.replace(event, event_id=event.event_id + "p", actor=POLICE)
        store.add_coded(type(item)(item.document, (anonymous, police)))
    stats = cluster_events(store)
    assert stats.mentions == 4 and stats.clusters == 3  # police strikes on Turkey merge
