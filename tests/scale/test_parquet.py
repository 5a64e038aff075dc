"""Parquet partitions read back into exactly the events that were written."""

from __future__ import annotations

from pathlib import Path

import duckdb

from realpolitik.scale.parquet import read_partition, write_partition
from tests.scale.fakes import FakeCoder, make_document, sample_text


def test_partition_round_trip_is_exact(tmp_path: Path) -> None:
    docs = [make_document(i, sample_text(i)) for i in range(5)]
    coded = list(FakeCoder().code_documents(docs))
    write_partition(tmp_path, "part-000000-x", list(enumerate(coded)))
    rows = read_partition(tmp_path, "part-000000-x")
    assert [row.doc_index for row in rows] == [0, 1, 2, 3, 4]
    assert [row.content_hash for row in rows] == [d.content_hash for d in docs]
    assert [row.events for row in rows] == [c.events for c in coded]
    assert not list(tmp_path.rglob("*.partial"))


def test_partitions_are_queryable_by_duckdb(tmp_path: Path) -> None:
    docs = [make_document(i, sample_text(i)) for i in range(6)]
    coded = list(FakeCoder().code_documents(docs))
    write_partition(tmp_path, "part-000000-a", list(enumerate(coded[:3])))
    write_partition(tmp_path, "part-000001-b", list(enumerate(coded[3:])))
    pattern = str(tmp_path / "events" / "*.parquet")
    connection = duckdb.connect()
    count, cameo = connection.execute(
        f"SELECT count(*), min(cameo) FROM read_parquet('{pattern}')"
    ).fetchone()
    assert count == sum(len(c.events) for c in coded)
    assert cameo == "195"
