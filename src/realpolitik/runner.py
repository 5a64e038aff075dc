"""Run a coding job: read sources, code documents, report skips, keep a summary.

The CLI, the corpus scripts and the benchmarks call `run_coding`; it streams
`CodedDocument`s to a callback so output (files, the store) never has to hold a
whole corpus in memory.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from realpolitik.ingest import read_sources
from realpolitik.pipeline import CodedDocument, Coder
from realpolitik.records import Document, Skipped
from realpolitik.settings import Settings


@dataclass(slots=True)
class RunSummary:
    """What a run did: counts, skip reasons and wall time."""

    documents: int = 0
    posts: int = 0
    events: int = 0
    words: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    seconds: float = 0.0

    def line(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        return (
            f"{self.documents} documents coded ({self.posts} posts, {self.events} events), "
            f"{len(self.skipped)} skipped, {self.seconds:.1f} s ({rate:.1f} docs/s)"
        )


def split_skipped(
    items: Iterable[Document | Skipped], on_skip: Callable[[Skipped], None]
) -> Iterator[Document]:
    """Pass documents through; hand every `Skipped` to `on_skip`."""
    for item in items:
        if isinstance(item, Skipped):
            on_skip(item)
        else:
            yield item


def run_coding(
    sources: Sequence[str],
    settings: Settings,
    on_document: Callable[[CodedDocument], None],
    on_skip: Callable[[Skipped], None] | None = None,
    coder: Coder | None = None,
) -> RunSummary:
    """Code every document found in `sources`, calling `on_document` for each."""
    summary = RunSummary()
    started = time.perf_counter()

    def skip(item: Skipped) -> None:
        summary.skipped.append(item)
        if on_skip:
            on_skip(item)

    coder = coder or Coder.load(settings)
    documents = split_skipped(read_sources(sources, settings), skip)
    for coded in coder.code_documents(documents):
        summary.documents += 1
        summary.posts += len(coded.document.posts)
        summary.events += len(coded.events)
        summary.words += sum(len(post.text.split()) for post in coded.document.posts)
        on_document(coded)
    summary.seconds = time.perf_counter() - started
    return summary
