"""Coding many documents: a process pool on one machine, Dask beyond it.

Both executors run the same per-batch function (`Coder.code_documents` on a
coder loaded once per worker process) and yield `CodedDocument`s in input
order, with a bounded number of batches in flight so memory stays flat on
corpora of any size::

    code_in_processes(documents, factory, workers=2)      # one machine
    code_on_dask(documents, factory, "local:4", parts)    # a Dask cluster

`factory` is a picklable zero-argument callable returning a loaded coder,
e.g. ``functools.partial(Coder.load, settings)``.
"""

from __future__ import annotations

from realpolitik.scale.batches import CoderFactory, batched
from realpolitik.scale.dask_backend import code_on_dask, parse_dask_spec
from realpolitik.scale.pool import code_in_processes

__all__ = ["CoderFactory", "batched", "code_in_processes", "code_on_dask", "parse_dask_spec"]
