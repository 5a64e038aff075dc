"""Batching documents and the per-process coder slot shared by both executors."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator
from typing import Protocol

from realpolitik.records import CodedDocument, Document, Skipped
from realpolitik.settings import Settings

Outcome = CodedDocument | Skipped

#: Attribute of the worker's process object that holds its loaded coder.
CODER_SLOT = "realpolitik_coder"


class BatchCoder(Protocol):
    """What an executor needs from a coder: code a batch of documents in order."""

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]: ...


CoderFactory = Callable[[], BatchCoder]


def batched(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    """Consecutive lists of at most `size` documents (size >= 1)."""
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def load_coder(settings: Settings) -> BatchCoder:
    """`Coder.load(settings)`, importing the pipeline (and spaCy) only when called."""
    from realpolitik.pipeline import Coder

    return Coder.load(settings)


def install_coder(factory: CoderFactory) -> None:
    """Load a coder into this process's slot (a pool worker's initializer)."""
    setattr(multiprocessing.current_process(), CODER_SLOT, factory())


def process_coder() -> BatchCoder:
    """The coder installed in this process by `install_coder`."""
    coder = getattr(multiprocessing.current_process(), CODER_SLOT, None)
    if coder is None:
        raise RuntimeError("no coder installed in this worker process")
    return coder


def code_safely(coder: BatchCoder, documents: list[Document]) -> list[Outcome]:
    """Code a batch; if it fails, code its documents one by one and skip the bad ones.

    A batch never dies on one bad document: the document that raises becomes a
    `Skipped` record whose reason names the error.
    """
    try:
        return list(coder.code_documents(documents))
    except Exception:
        if len(documents) == 1:
            return [_skip(coder, documents[0])]
    return [item for document in documents for item in code_safely(coder, [document])]


def _skip(coder: BatchCoder, document: Document) -> Outcome:
    try:
        return next(iter(coder.code_documents([document])))
    except Exception as exc:
        reason = f"coding failed: {type(exc).__name__}: {exc}".splitlines()[0][:300]
        return Skipped(document.source, reason)


def code_batch(documents: list[Document]) -> list[Outcome]:
    """Code one batch with this process's coder (the function pool workers run)."""
    return code_safely(process_coder(), documents)
