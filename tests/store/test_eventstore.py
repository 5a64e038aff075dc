"""EventStore: schema, per-document replace, queries, documents, actors, runs."""

from __future__ import annotations

import dataclasses

import duckdb
import pytest

from realpolitik import __version__
from realpolitik.errors import StoreError
from realpolitik.records import Skipped
from realpolitik.settings import Settings
from realpolitik.store import EventFilter, EventStore
from realpolitik.store.schema import LATEST_VERSION, Migration, current_version, migrate
from tests.store.corpus import coded


@pytest.fixture
def store(tmp_path):
    with EventStore.open(tmp_path / "t.duckdb") as opened:
        yield opened


def sample(store: EventStore) -> None:
    store.add_coded(coded("d1", "2017-01-10", [("RUS", "AID", "SYR"), ("USA", "ACCUSE", "RUS")]))
    store.add_coded(
        coded("d2", "2017-02-03", [("IRN", "CONSULT", "RUS"),
                                   ("USA", "ASSAULT", "IRN", {"status": "hypothetical"})],
              publisher="TASS")
    )  # fmt: skip


def test_open_creates_and_records_schema(tmp_path):
    path = tmp_path / "new.duckdb"
    EventStore.open(path).close()
    conn = duckdb.connect(str(path))
    assert current_version(conn) == LATEST_VERSION
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == LATEST_VERSION
    conn.close()
    EventStore.open(path).close()  # reopening applies nothing twice
    conn = duckdb.connect(str(path))
    assert conn.execute("SELECT count(*) FROM schema_migrations").fetchone()[0] == LATEST_VERSION
    conn.close()


def test_migration_path_applies_only_new_versions():
    conn = duckdb.connect(":memory:")
    assert migrate(conn) == list(range(1, LATEST_VERSION + 1))
    extra = Migration(
        LATEST_VERSION + 1, "add a note column", ("ALTER TABLE runs ADD COLUMN note VARCHAR",)
    )
    from realpolitik.store.schema import MIGRATIONS

    assert migrate(conn, (*MIGRATIONS, extra)) == [LATEST_VERSION + 1]
    assert current_version(conn) == LATEST_VERSION + 1
    with pytest.raises(StoreError, match="newer"):
        migrate(conn)  # a database from the future is refused


def test_read_only_refuses_missing_file(tmp_path):
    with pytest.raises(StoreError):
        EventStore.open(tmp_path / "missing.duckdb", read_only=True)


def test_recoding_same_content_replaces_events(store):
    sample(store)
    before = store.stats()
    sample(store)
    assert store.stats() == before
    assert before["documents"] == 2 and before["events"] == 4 and before["posts"] == 2


def test_is_coded_by_hash_and_version(store):
    item = coded("d1", "2017-01-10", [("RUS", "AID", "SYR")])
    assert not store.is_coded(item.document.content_hash, __version__)
    store.add_coded(item)
    assert store.is_coded(item.document.content_hash, __version__)
    assert not store.is_coded(item.document.content_hash, "0.0.0-other")


def test_failed_document_leaves_store_unchanged(store):
    sample(store)
    before = store.stats()
    item = coded("d3", "2017-03-01", [("RUS", "AID", "SYR")])
    broken = dataclasses.replace(item.events[0], sentence_id="not a number")  # type: ignore[arg-type]
    with pytest.raises(StoreError):
        store.add_coded(type(item)(item.document, (item.events[0], broken)))
    assert store.stats() == before


def test_query_filters(store):
    sample(store)
    everything = store.query_events(EventFilter())
    assert len(everything) == 4
    first = everything[0]
    assert {"cluster_id", "publisher", "doc_title", "doc_date"} <= set(first)
    assert first["doc_date"] == "2017-01-10" and first["doc_title"] == "Title d1"
    assert [e["event_type"] for e in store.query_events(EventFilter(actor="USA"))] == [
        "ACCUSE", "ASSAULT"]  # fmt: skip
    assert store.count_events(EventFilter(actor="united states", include_nonfactual=False)) == 1
    assert store.count_events(EventFilter(country="IRN")) == 2
    assert store.count_events(EventFilter(recipient="RUS", quad_class=3)) == 1
    assert store.count_events(EventFilter(source="tass")) == 2
    assert store.count_events(EventFilter(date_from="2017-02-01")) == 2
    assert store.count_events(EventFilter(date_to="2017-01-31", event_type="aid")) == 1
    assert store.count_events(EventFilter(status="hypothetical")) == 1
    assert store.count_events(EventFilter(text="consult")) == 1
    assert len(store.query_events(EventFilter(limit=1, offset=3))) == 1


def test_get_document_with_spans(store):
    sample(store)
    document = store.get_document("d2")
    assert document["publisher"] == "TASS" and document["date"] == "2017-02-03"
    (post,) = document["posts"]
    kinds = {span["kind"] for span in post["spans"]}
    assert kinds == {"trigger", "actor", "recipient"}
    assert all(span["event_id"] for span in post["spans"])
    assert store.get_document("nope") is None


def test_search_actors_counts_events(store):
    sample(store)
    found = store.search_actors("rus")
    assert found[0]["code"] == "RUSGOV" and found[0]["events"] == 3
    assert store.search_actors("Iran")[0]["country"] == "IRN"


def test_runs_and_skipped(store):
    run_id = store.begin_run(Settings(), ["a.txt"])
    store.add_skipped(Skipped("b.bin", "binary file"), run_id)
    store.finish_run(run_id, documents=1, events=2, skipped=1)
    row = store.conn.execute("SELECT version, documents, finished_at FROM runs").fetchone()
    assert row[0] == __version__ and row[1] == 1 and row[2] is not None
    assert store.stats()["skipped"] == 1 and store.stats()["runs"] == 1


def test_actor_keys():
    from realpolitik.store.keys import actor_key

    assert actor_key({"country": "RUS", "sector": "MIL", "code": "RUSMIL"}) == "RUS"
    assert actor_key({"country": "LBN", "sector": "REB", "code": "LBNREB"}) == "LBNREB"
    assert actor_key({"country": None, "sector": "COP", "code": "COP"}) is None
    assert actor_key({"country": None, "sector": "REB", "code": "IMGMUSISI"}) == "IMGMUSISI"
    assert actor_key({"country": "IGO", "sector": "IGO", "code": "IGOWSTNAT"}) == "IGOWSTNAT"
    assert actor_key(None) is None


def test_migration_2_fills_doc_date_of_a_version_1_database(tmp_path):
    from realpolitik.store import rows
    from realpolitik.store.schema import MIGRATIONS

    path = tmp_path / "v1.duckdb"
    item = coded("d1", "2017-01-10", [("RUS", "AID", "SYR", {"when": "1985-01-01"})])
    conn = duckdb.connect(str(path))
    migrate(conn, MIGRATIONS[:1])
    conn.execute(
        "INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now())",
        rows.document_row(item.document, None, __version__),
    )
    row = rows.event_row(item.events[0], item.document)[:-1]  # version 1 had no doc_date
    conn.execute(f"INSERT INTO events VALUES ({', '.join('?' * len(row))})", row)
    conn.close()
    with EventStore.open(path) as store:
        assert current_version(store.conn) == LATEST_VERSION
        row = store.conn.execute("SELECT event_date, doc_date FROM events").fetchone()
    assert str(row[0]) == "1985-01-01" and str(row[1]) == "2017-01-10"
