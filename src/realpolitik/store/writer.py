"""`StoreWriter`: buffer coded documents and store them a batch (one transaction) at a time.

    with StoreWriter(store, run_id) as writer:
        run_coding(paths, settings, writer.add)

DuckDB pays per statement and per commit, so a run stores its documents in
batches instead of one transaction each.  The buffer is flushed every
`max_documents` documents, when its oldest document has waited `max_seconds`,
and on leaving the ``with`` block, whatever the reason (end of input, Ctrl-C,
an error), so an interrupted run keeps everything it coded.  A process killed
outright loses at most the unflushed buffer; since resuming skips only
documents found in the store, a re-run codes those again, and a batch is
stored whole or not at all, so no document is lost or stored twice.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from types import TracebackType

from realpolitik.store.batch import CodedLike
from realpolitik.store.eventstore import EventStore

#: Documents per transaction when nothing else is said (settings.store_batch).
DEFAULT_BATCH = 64
#: Longest a coded document waits in the buffer before a flush (checked on `add`).
DEFAULT_WAIT_SECONDS = 2.0


class StoreWriter:
    """Buffers `CodedDocument`s for one run and stores them with `EventStore.add_coded_many`."""

    def __init__(
        self,
        store: EventStore,
        run_id: str | None = None,
        max_documents: int = DEFAULT_BATCH,
        max_seconds: float = DEFAULT_WAIT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if max_documents < 1:
            raise ValueError(f"max_documents must be at least 1, not {max_documents}")
        self.store = store
        self.run_id = run_id
        self.max_documents = max_documents
        self.max_seconds = max_seconds
        self.clock = clock
        self.buffer: list[CodedLike] = []
        self.oldest = 0.0
        self.stored = 0

    def add(self, coded: CodedLike) -> None:
        """Buffer one coded document; store the buffer when it is full or old enough."""
        if not self.buffer:
            self.oldest = self.clock()
        self.buffer.append(coded)
        full = len(self.buffer) >= self.max_documents
        if full or self.clock() - self.oldest >= self.max_seconds:
            self.flush()

    def flush(self) -> int:
        """Store the buffered documents in one transaction; return how many.

        The buffer is emptied first: a batch that fails (StoreError) is not
        tried again on exit, and its documents are coded again on a re-run.
        """
        batch, self.buffer = self.buffer, []
        stored = self.store.add_coded_many(batch, self.run_id)
        self.stored += stored
        return stored

    def __enter__(self) -> StoreWriter:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.flush()
