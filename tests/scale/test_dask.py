"""The Dask backend: a LocalCluster of 2 workers gives exactly the single-process events."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import UsageError
from realpolitik.records import CodedDocument
from realpolitik.runner import code_here
from realpolitik.scale.dask_backend import DaskTarget, code_on_dask, parse_dask_spec
from tests.scale.fakes import FakeCoder, make_document, sample_text


def test_parse_dask_spec() -> None:
    assert parse_dask_spec("local:3") == DaskTarget(None, 3)
    assert parse_dask_spec("tcp://10.0.0.1:8786") == DaskTarget("tcp://10.0.0.1:8786", 0)
    assert parse_dask_spec("local").workers >= 1
    for bad in ("local:0", "local:x", "scheduler"):
        with pytest.raises(UsageError):
            parse_dask_spec(bad)


def test_fake_coder_on_local_cluster_matches_one_process(tmp_path: Path) -> None:
    docs = [make_document(i, sample_text(i)) for i in range(25)]
    docs[4] = make_document(4, "POISON strike")
    got = list(code_on_dask(docs, FakeCoder.load, "local:2", tmp_path, batch_documents=4))
    expected = list(code_here(FakeCoder(), docs))
    assert got == expected
    assert len(list((tmp_path / "events").glob("part-*.parquet"))) == 7
    assert len(list((tmp_path / "documents").glob("part-*.parquet"))) == 7


TEXTS = (
    "Russia launched air strikes against ISIS near Palmyra on Monday, officials said. "
    "The weather was mild.",
    "Iran's foreign minister met Putin in Moscow on Tuesday. The United States imposed "
    "sanctions on Iranian oil exports.",
    "Share this article. Hezbollah accused Israel of attacking its positions in Syria.",
    "Prices rose again. Turkey threatened to close its border with Syria.",
)


def test_real_coder_on_local_cluster_gives_the_same_event_ids(tmp_path: Path, coder) -> None:
    from realpolitik.ingest import document_from_text

    documents = [
        document_from_text(text, doc_id=f"d{i}", date=f"2020-01-0{i + 1}")
        for i, text in enumerate(TEXTS)
    ]
    single = list(coder.code_documents(documents))
    spread = list(code_on_dask(documents, type(coder).load, "local:2", tmp_path, batch_documents=1))
    assert all(isinstance(item, CodedDocument) for item in spread)
    assert [e.event_id for c in spread for e in c.events] == [
        e.event_id for c in single for e in c.events
    ]
    assert [c.events for c in spread] == [c.events for c in single]
    assert sum(len(c.events) for c in single) >= 3
