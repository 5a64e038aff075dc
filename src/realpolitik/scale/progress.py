"""Progress of a coding run: a rich bar with documents/s and ETA, or nothing.

The total is an estimate made before the run from the inputs alone (files
under directories, lines of JSONL, rows of CSV), so the ETA is approximate
when documents are skipped or a JSON file holds several documents.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Protocol

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

#: Input suffixes the reader understands (one document per file unless listed below).
DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".html", ".htm", ".jsonl", ".json", ".csv"})


class RunProgress(Protocol):
    """What `run_coding` reports to: one call per finished or skipped document."""

    def advance(self, documents: int = 1) -> None: ...


class NoProgress:
    """Reports nothing (``--quiet``, scripts, tests)."""

    def __enter__(self) -> NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def advance(self, documents: int = 1) -> None:
        return None


class RateColumn(ProgressColumn):
    """Documents per second, from rich's moving speed estimate."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("   ? docs/s" if speed is None else f"{speed:6.1f} docs/s", style="cyan")


class BarProgress:
    """A rich progress bar on stderr: done/total, documents/s, elapsed and ETA."""

    def __init__(self, total: int | None, console: Console | None = None) -> None:
        self.progress = Progress(
            TextColumn("[bold]coding"),
            BarColumn(),
            MofNCompleteColumn(),
            RateColumn(),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=console or Console(stderr=True),
            transient=False,
        )
        self.task = self.progress.add_task("coding", total=total)

    def __enter__(self) -> BarProgress:
        self.progress.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.progress.stop()

    def advance(self, documents: int = 1) -> None:
        self.progress.advance(self.task, documents)


def estimate_documents(sources: Sequence[str]) -> int | None:
    """How many documents `sources` probably hold; None when unknown (stdin, URLs)."""
    total = 0
    for source in sources:
        path = Path(source)
        if source == "-" or not path.exists():
            return None
        if path.is_file():
            total += _documents_in(path)
            continue
        files = sorted(p for p in path.rglob("*") if p.is_file())
        total += sum(_documents_in(f) for f in files if f.suffix.lower() in DOCUMENT_SUFFIXES)
    return total


def _documents_in(path: Path) -> int:
    suffix = path.suffix.lower()
    if suffix == ".jsonl":
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    if suffix == ".csv":
        with path.open(encoding="utf-8", errors="replace", newline="") as handle:
            return max(0, sum(1 for _ in csv.reader(handle)) - 1)
    return 1
