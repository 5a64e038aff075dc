"""StoreWriter: flushes when full, when old, and on leaving its block whatever the reason."""

from __future__ import annotations

import dataclasses

import pytest

from realpolitik.errors import StoreError
from realpolitik.store import EventStore, StoreWriter
from tests.store.corpus import Coded, coded


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def item(n: int) -> Coded:
    return coded(f"d{n}", "2017-01-10", [("RUS", "AID", "SYR"), ("USA", "ACCUSE", "RUS")])


def stored(store: EventStore) -> int:
    return store.stats()["documents"]


@pytest.fixture
def store(tmp_path):
    with EventStore.open(tmp_path / "t.duckdb") as opened:
        yield opened


def test_flushes_every_max_documents(store):
    with StoreWriter(store, "run", max_documents=3, max_seconds=60) as writer:
        for n in range(7):
            writer.add(item(n))
            assert stored(store) == (n + 1) // 3 * 3
        assert len(writer.buffer) == 1
    assert stored(store) == 7 and writer.stored == 7
    runs = store.conn.execute("SELECT DISTINCT run_id FROM documents").fetchall()
    assert runs == [("run",)]


def test_flushes_a_buffer_that_waited_too_long(store):
    clock = FakeClock()
    writer = StoreWriter(store, max_documents=100, max_seconds=2.0, clock=clock)
    writer.add(item(0))
    clock.now = 1.0
    writer.add(item(1))
    assert stored(store) == 0
    clock.now = 2.5
    writer.add(item(2))
    assert stored(store) == 3 and not writer.buffer


@pytest.mark.parametrize("error", [KeyboardInterrupt, RuntimeError, SystemExit])
def test_leaving_on_an_error_stores_the_buffer(store, error):
    with pytest.raises(error), StoreWriter(store, max_documents=10) as writer:
        writer.add(item(0))
        writer.add(item(1))
        raise error()
    assert stored(store) == 2


def test_a_failed_batch_is_dropped_not_retried(store):
    good, bad = item(0), item(1)
    broken = Coded(bad.document, (dataclasses.replace(bad.events[0], quad_class="x"),))  # type: ignore[arg-type]
    writer = StoreWriter(store, max_documents=2)
    writer.add(good)
    with pytest.raises(StoreError):
        writer.add(broken)
    assert not writer.buffer and stored(store) == 0
    with writer:
        writer.add(item(2))
    assert stored(store) == 1


def test_rejects_empty_batches(store):
    with pytest.raises(ValueError):
        StoreWriter(store, max_documents=0)
