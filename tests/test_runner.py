"""run_coding: executors, resume (is_done), skips, progress and Ctrl-C, with a fake coder."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from realpolitik.records import CodedDocument, Skipped
from realpolitik.runner import RunInterrupted, RunSummary, run_coding
from realpolitik.scale.progress import estimate_documents
from realpolitik.settings import load_settings
from tests.scale.fakes import FakeCoder, sample_text


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    for number in range(12):
        (docs / f"doc{number:02d}.txt").write_text(sample_text(number), encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    return docs


class Counter:
    def __init__(self) -> None:
        self.count = 0

    def advance(self, documents: int = 1) -> None:
        self.count += documents


def run(folder: Path, **kwargs) -> tuple[RunSummary, list[CodedDocument], list[Skipped]]:
    coded: list[CodedDocument] = []
    skipped: list[Skipped] = []
    settings = load_settings(workers=kwargs.pop("workers", 1))
    summary = run_coding(
        [str(folder)], settings, coded.append, skipped.append,
        coder_factory=FakeCoder.load, **kwargs,
    )  # fmt: skip
    return summary, coded, skipped


def test_counts_events_skips_and_progress(folder: Path) -> None:
    progress = Counter()
    summary, coded, skipped = run(folder, progress=progress)
    assert summary.documents == len(coded) == 12
    assert summary.events == sum(i % 3 for i in range(12))
    assert [s.source for s in skipped] == [s.source for s in summary.skipped]
    assert len(skipped) == 1 and skipped[0].source.endswith("empty.txt")
    assert progress.count == 13
    assert "12 documents coded" in summary.line()


def test_workers_give_the_same_documents_in_the_same_order(folder: Path) -> None:
    _, one, _ = run(folder)
    _, two, _ = run(folder, workers=2)
    assert one == two


def test_is_done_drops_coded_documents(folder: Path) -> None:
    _, first, _ = run(folder)
    done = {c.document.content_hash for c in first[:5]}
    progress = Counter()
    summary, rest, _ = run(folder, is_done=lambda d: d.content_hash in done, progress=progress)
    assert summary.already_coded == 5
    assert [c.document.doc_id for c in rest] == [c.document.doc_id for c in first[5:]]
    assert progress.count == 13
    assert "5 already coded" in summary.line()


def test_ctrl_c_stops_after_the_current_document(folder: Path) -> None:
    coded: list[CodedDocument] = []

    def on_document(item: CodedDocument) -> None:
        coded.append(item)
        if len(coded) == 3:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(RunInterrupted) as stopped:
        run_coding([str(folder)], load_settings(), on_document, coder_factory=FakeCoder.load)
    assert stopped.value.summary.documents == len(coded) == 3
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


def test_estimate_documents(folder: Path, tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"text": "a"}\n\n{"text": "b"}\n', encoding="utf-8")
    table = tmp_path / "rows.csv"
    table.write_text('text\n"a, multi\nline"\nb\n', encoding="utf-8")
    assert estimate_documents([str(folder), str(rows), str(table)]) == 13 + 2 + 2
    assert estimate_documents(["-"]) is None


def test_nothing_left_to_do_never_loads_a_coder(folder: Path) -> None:
    def factory() -> FakeCoder:
        raise AssertionError("the coder was loaded")

    summary = run_coding(
        [str(folder)], load_settings(), lambda coded: None,
        is_done=lambda document: True, coder_factory=factory,
    )  # fmt: skip
    assert summary.documents == 0 and summary.already_coded == 12
