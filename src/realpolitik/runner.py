"""Run a coding job: read sources, code documents, report skips, keep a summary.

The CLI, the corpus scripts and the benchmarks call `run_coding`; it streams
`CodedDocument`s to a callback so output (files, the store) never has to hold a
whole corpus in memory.  Documents are coded in this process, on a pool of
``settings.workers`` processes, or on a Dask cluster (``dask="local:4"`` or a
scheduler address); every path gives the same events in the same order.  With
``is_done`` (e.g. "already in the store for this version"), a re-run after an
interruption codes only the documents that were not finished.
"""

from __future__ import annotations

import functools
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

from realpolitik.ingest import read_sources
from realpolitik.records import CodedDocument, Document, Skipped
from realpolitik.scale.batches import (
    BatchCoder,
    CoderFactory,
    Outcome,
    batched,
    code_safely,
    load_coder,
)
from realpolitik.scale.progress import NoProgress, RunProgress
from realpolitik.settings import Settings

#: Documents per batch when coding in this process (the Coder batches posts inside).
LOCAL_BATCH_DOCUMENTS = 32


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts, skip reasons and wall time."""

    documents: int = 0
    posts: int = 0
    events: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0
    already_coded: int = 0

    def add(self, coded: CodedDocument) -> None:
        """Count one coded document."""
        self.documents += 1
        self.posts += len(coded.document.posts)
        self.events += len(coded.events)
        self.words += sum(len(post.text.split()) for post in coded.document.posts)

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        resumed = f", {self.already_coded} already coded" if self.already_coded else ""
        return (
            f"{self.documents} documents coded ({self.posts} posts, {self.events} events), "
            f"{len(self.skipped)} skipped{resumed}, {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


class RunInterrupted(Exception):
    """The run was interrupted (Ctrl-C); `summary` counts what was finished."""

    def __init__(self, summary: RunSummary) -> None:
        super().__init__(f"interrupted after {summary.documents} documents")
        self.summary = summary


@dataclass(slots=True)
class StopFlag:
    """Set by the first Ctrl-C: the run stops after the document it is storing."""

    requested: bool = False


@contextmanager
def graceful_interrupt() -> Iterator[StopFlag]:
    """The first SIGINT sets a flag instead of raising (so no write is cut in half);
    a second one raises KeyboardInterrupt as usual."""
    flag = StopFlag()
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handle(signum: int, frame: object) -> None:
        if flag.requested:
            raise KeyboardInterrupt
        flag.requested = True

    previous = signal.signal(signal.SIGINT, handle)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)


def split_skipped(
    items: Iterable[Document | Skipped], on_skip: Callable[[Skipped], None]
) -> Iterator[Document]:
    """Pass documents through; hand every `Skipped` to `on_skip`."""
    for item in items:
        if isinstance(item, Skipped):
            on_skip(item)
        else:
            yield item


def drop_done(
    documents: Iterable[Document], is_done: Callable[[Document], bool], on_done: Callable[[], None]
) -> Iterator[Document]:
    """Documents not yet coded; `on_done` is called for each one dropped."""
    for document in documents:
        if is_done(document):
            on_done()
        else:
            yield document


def code_here(
    coder: BatchCoder | None, documents: Iterable[Document], factory: CoderFactory | None = None
) -> Iterator[Outcome]:
    """Code in this process, batch by batch, never dying on one bad document.

    Without `coder`, one is made with `factory` when the first document arrives
    (a resumed run with nothing left to do never loads the model).
    """
    for batch in batched(documents, LOCAL_BATCH_DOCUMENTS):
        if coder is None:
            if factory is None:
                raise ValueError("code_here needs a coder or a factory")
            coder = factory()
        yield from code_safely(coder, batch)


def outcomes_for(
    documents: Iterable[Document],
    settings: Settings,
    coder: BatchCoder | None,
    factory: CoderFactory,
    dask: str | None,
    parts_dir: str | None,
) -> Iterator[Outcome]:
    """Pick the executor: Dask, a process pool (workers > 1), or this process."""
    if dask is not None:
        from realpolitik.scale.dask_backend import code_on_dask

        return code_on_dask(documents, factory, dask, parts_dir or "realpolitik-parts")
    if settings.workers > 1:
        from realpolitik.scale.pool import code_in_processes

        return code_in_processes(documents, factory, settings.workers)
    return code_here(coder, documents, factory)


def run_coding(
    sources: Sequence[str],
    settings: Settings,
    on_document: Callable[[CodedDocument], None],
    on_skip: Callable[[Skipped], None] | None = None,
    coder: BatchCoder | None = None,
    *,
    dask: str | None = None,
    parts_dir: str | None = None,
    is_done: Callable[[Document], bool] | None = None,
    progress: RunProgress | None = None,
    coder_factory: CoderFactory | None = None,
) -> RunSummary:
    """Code every document found in `sources`, calling `on_document` for each.

    `coder` is used when coding in this process; worker processes and Dask
    workers load their own with `coder_factory` (default: `load_coder(settings)`,
    imported there, so a parent that only stores never loads spaCy).
    `is_done` drops documents already coded (resume); `progress` is advanced
    once per document coded, skipped or already done.  Ctrl-C stops the run
    after the document being stored and raises `RunInterrupted` with the
    summary of what was finished.
    """
    summary = RunSummary()
    progress = progress or NoProgress()
    factory = coder_factory or functools.partial(load_coder, settings)
    started = time.perf_counter()

    def skip(item: Skipped) -> None:
        summary.skipped.append(item)
        progress.advance()
        if on_skip:
            on_skip(item)

    def done() -> None:
        summary.already_coded += 1
        progress.advance()

    documents = split_skipped(read_sources(sources, settings), skip)
    if is_done is not None:
        documents = drop_done(documents, is_done, done)
    with graceful_interrupt() as stop:
        try:
            outcomes = outcomes_for(documents, settings, coder, factory, dask, parts_dir)
            for item in outcomes:
                if isinstance(item, Skipped):
                    skip(item)
                else:
                    summary.add(item)
                    on_document(item)
                    progress.advance()
                if stop.requested:
                    break
        except KeyboardInterrupt:
            stop.requested = True
        finally:
            summary.seconds = time.perf_counter() - started
    if stop.requested:
        raise RunInterrupted(summary)
    return summary
