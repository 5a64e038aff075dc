"""The same per-batch coding on a Dask cluster, through Parquet partitions.

Each task codes one batch with the coder its worker loaded once (a
`WorkerPlugin`), writes a Parquet partition (`realpolitik.scale.parquet`) and
returns only the skipped documents.  The client reads each partition back in
input order and yields `CodedDocument`s, which the caller merges into the store.
The partitions stay on disk for DuckDB, Spark or pandas.  With a remote
cluster, the partition directory must be a path every worker and the client
can read (a shared file system).
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, ExitStack
from dataclasses import dataclass
from pathlib import Path

from distributed import Client, LocalCluster, WorkerPlugin, get_worker

from realpolitik.errors import UsageError
from realpolitik.records import CodedDocument, Document, Skipped
from realpolitik.scale.batches import BatchCoder, CoderFactory, Outcome, batched, code_safely
from realpolitik.scale.parquet import read_partition, write_partition
from realpolitik.scale.pool import ordered_window

PLUGIN_NAME = "realpolitik-coder"


@dataclass(frozen=True, slots=True)
class DaskTarget:
    """Where to run: a scheduler address, or a local cluster of `workers` processes."""

    address: str | None
    workers: int


def parse_dask_spec(spec: str) -> DaskTarget:
    """``local``, ``local:N`` or a scheduler address (``tcp://host:8786``, ``tls://...``)."""
    if spec == "local":
        return DaskTarget(None, os.cpu_count() or 1)
    if spec.startswith("local:"):
        count = spec.removeprefix("local:")
        if not count.isdigit() or int(count) < 1:
            raise UsageError(f"--dask {spec!r}: want local:N with N >= 1")
        return DaskTarget(None, int(count))
    if "://" in spec:
        return DaskTarget(spec, 0)
    raise UsageError(f"--dask {spec!r}: want local, local:N or a scheduler address tcp://HOST:PORT")


class CoderPlugin(WorkerPlugin):
    """Loads one coder per Dask worker when the worker starts (or joins)."""

    name = PLUGIN_NAME

    def __init__(self, factory: CoderFactory) -> None:
        self.factory = factory
        self.coder: BatchCoder | None = None

    def setup(self, worker: object) -> None:
        self.coder = self.factory()


def _worker_coder() -> BatchCoder:
    plugin = get_worker().plugins[PLUGIN_NAME]
    if plugin.coder is None:
        plugin.setup(get_worker())
    return plugin.coder


def code_partition(documents: list[Document], root: str, name: str) -> list[tuple[int, Skipped]]:
    """The task: code a batch, write its partition, return the skipped (index, record)."""
    outcomes = code_safely(_worker_coder(), documents)
    coded = [(i, item) for i, item in enumerate(outcomes) if isinstance(item, CodedDocument)]
    write_partition(Path(root), name, coded)
    return [(i, item) for i, item in enumerate(outcomes) if isinstance(item, Skipped)]


def partition_name(number: int, documents: list[Document]) -> str:
    """Deterministic name: batch number plus a digest of the batch's content hashes."""
    digest = hashlib.sha1("|".join(d.content_hash for d in documents).encode()).hexdigest()
    return f"part-{number:06d}-{digest[:12]}"


def connect(target: DaskTarget, stack: ExitStack) -> Client:
    """A client for `target`; a local cluster lives as long as `stack`."""
    if target.address is not None:
        return stack.enter_context(Client(target.address))
    cluster: AbstractContextManager[LocalCluster] = LocalCluster(
        n_workers=target.workers,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return stack.enter_context(Client(stack.enter_context(cluster)))


def code_on_dask(
    documents: Iterable[Document],
    factory: CoderFactory,
    spec: str,
    parts_dir: str | os.PathLike[str],
    batch_documents: int = 16,
    in_flight: int = 2,
) -> Iterator[Outcome]:
    """Code `documents` on the cluster `spec`; outcomes come back in input order."""
    root = Path(parts_dir).resolve()
    root.mkdir(parents=True, exist_ok=True)
    with ExitStack() as stack:
        client = connect(parse_dask_spec(spec), stack)
        client.register_plugin(CoderPlugin(factory), name=PLUGIN_NAME)
        window = max(1, len(client.scheduler_info()["workers"])) * in_flight
        submitted = (
            (batch, name, client.submit(code_partition, batch, str(root), name, key=name))
            for number, batch in enumerate(batched(documents, batch_documents))
            for name in [partition_name(number, batch)]
        )
        for batch, name, future in ordered_window(submitted, window):
            yield from _merge(root, name, batch, future.result())


def _merge(
    root: Path, name: str, batch: list[Document], skipped: list[tuple[int, Skipped]]
) -> Iterator[Outcome]:
    """Rebuild the batch's outcomes from its partition, in batch order."""
    outcomes: dict[int, Outcome] = dict(skipped)
    for row in read_partition(root, name):
        document = batch[row.doc_index]
        if document.content_hash != row.content_hash:
            raise RuntimeError(f"partition {name} does not match its batch")
        outcomes[row.doc_index] = CodedDocument(document, row.events)
    for index in range(len(batch)):
        yield outcomes[index]
