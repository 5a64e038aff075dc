"""A store holding the synthetic world of `tests.store.corpus`, clustered."""

from __future__ import annotations

import pytest

from realpolitik.analysis.dedup import cluster_events
from realpolitik.store import EventStore
from tests.store.corpus import world


@pytest.fixture(scope="session")
def world_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("world") / "world.duckdb"
    with EventStore.open(path) as store:
        world(store)
        cluster_events(store)
    with EventStore.open(path, read_only=True) as store:
        yield store
