"""Multiprocessing over documents on one machine (one coder per worker process)."""

from __future__ import annotations

import multiprocessing
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

from realpolitik.records import Document
from realpolitik.scale.batches import CoderFactory, Outcome, batched, code_batch, install_coder

T = TypeVar("T")


def _initialize(factory: CoderFactory) -> None:
    """Worker start-up: leave Ctrl-C to the parent, then load the coder once."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    install_coder(factory)


def ordered_window(submitted: Iterator[T], window: int) -> Iterator[T]:
    """Items in submission order, pulling (submitting) at most `window` ahead.

    The consumer blocks on each yielded future's result, so at most `window`
    tasks are queued or running while it does.
    """
    pending: deque[T] = deque()
    for future in submitted:
        pending.append(future)
        if len(pending) >= window:
            yield pending.popleft()
    while pending:
        yield pending.popleft()


def code_in_processes(
    documents: Iterable[Document],
    factory: CoderFactory,
    workers: int,
    batch_documents: int = 8,
    in_flight: int = 3,
) -> Iterator[Outcome]:
    """Code `documents` on `workers` processes; outcomes come back in input order.

    Each worker loads its coder once (``factory()``); the parent never loads one.
    At most ``workers * in_flight`` batches of ``batch_documents`` are queued at a
    time, so the parent reads the input lazily.  Processes are started with
    ``spawn`` (no fork of a parent holding threads or open databases).
    """
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_initialize, initargs=(factory,)
    ) as executor:
        futures = (
            executor.submit(code_batch, batch) for batch in batched(documents, batch_documents)
        )
        try:
            for future in ordered_window(futures, workers * in_flight):
                yield from future.result()
        except BaseException:
            executor.shutdown(wait=False, cancel_futures=True)
            raise
