"""The process pool gives the same outcomes, in the same order, as one process."""

from __future__ import annotations

from realpolitik.records import CodedDocument, Skipped
from realpolitik.runner import code_here
from realpolitik.scale.batches import batched
from realpolitik.scale.pool import code_in_processes, ordered_window
from tests.scale.fakes import FakeCoder, make_document, sample_text


def documents(count: int) -> list:
    return [make_document(i, sample_text(i)) for i in range(count)]


def test_batched_keeps_order_and_sizes() -> None:
    batches = list(batched(range(7), 3))
    assert batches == [[0, 1, 2], [3, 4, 5], [6]]


def test_ordered_window_pulls_at_most_window_ahead() -> None:
    pulled: list[int] = []

    def source():
        for i in range(10):
            pulled.append(i)
            yield i

    seen = []
    for item in ordered_window(source(), 3):
        seen.append(item)
        assert len(pulled) - len(seen) <= 2
    assert seen == list(range(10))


def test_pool_matches_single_process_in_order() -> None:
    docs = documents(40)
    expected = list(code_here(FakeCoder(), docs))
    got = list(code_in_processes(docs, FakeCoder.load, workers=2, batch_documents=3))
    assert [o.document.doc_id for o in got] == [d.doc_id for d in docs]
    assert got == expected
    assert sum(len(o.events) for o in got) == sum(i % 3 for i in range(40))


def test_a_bad_document_is_skipped_not_the_batch() -> None:
    docs = documents(6)
    docs[2] = make_document(2, "POISON in this one, strike")
    got = list(code_in_processes(docs, FakeCoder.load, workers=2, batch_documents=4))
    assert isinstance(got[2], Skipped)
    assert "poisoned document" in got[2].reason
    coded = [o for o in got if isinstance(o, CodedDocument)]
    assert [o.document.doc_id for o in coded] == [
        "doc0000",
        "doc0001",
        "doc0003",
        "doc0004",
        "doc0005",
    ]
