"""`realpolitik code`: documents in, events out (to a file, stdout or the store)."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import AbstractContextManager, ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from realpolitik.cli import app
from realpolitik.cli.options import CoderOption, DbOption, PathsArg, report_skip, stderr_console
from realpolitik.errors import UsageError
from realpolitik.output import FORMATS, events_table, write_csv
from realpolitik.records import CodedDocument, Document, Event, Skipped
from realpolitik.settings import load_settings

if TYPE_CHECKING:
    from realpolitik.scale.progress import RunProgress
    from realpolitik.store import EventStore, StoreWriter


@app.command("code")
def code_command(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    db: DbOption = None,
    coder: CoderOption = None,
    workers: Annotated[
        int | None, typer.Option("--workers", "-w", help="Coding processes on this machine.")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option("--dask", help="Run on Dask: local:N or a scheduler tcp://HOST:PORT."),
    ] = None,
    parts: Annotated[
        Path | None,
        typer.Option("--parts", help="Parquet partitions folder for --dask (shared by workers)."),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
) -> None:
    """Code documents into PLOVER/CAMEO events (one JSON object per line by default).

    With --db, documents already in the store for this version are not coded
    again, so an interrupted run resumes when re-run with the same arguments.
    """
    from realpolitik.runner import RunInterrupted, run_coding

    if fmt not in FORMATS:
        raise UsageError(f"unknown --format {fmt!r}; choose one of {', '.join(FORMATS)}")
    settings = load_settings(coder=coder, workers=workers, db=db)
    errors = stderr_console()
    table_events: list[Event] = []
    with ExitStack() as stack:
        out = (
            stack.enter_context(output.open("w", encoding="utf-8", newline=""))
            if output
            else sys.stdout
        )
        store = stack.enter_context(_open_store(db)) if db else None
        run_id = store.begin_run(settings, list(paths)) if store else None
        # Entered after the store, so it flushes (also on Ctrl-C or an error) before closing it.
        writer = (
            stack.enter_context(_writer(store, run_id, settings.store_batch)) if store else None
        )
        csv_header = [fmt == "csv"]

        def on_document(coded: CodedDocument) -> None:
            if writer is not None:
                writer.add(coded)
            if fmt == "jsonl":
                for event in coded.events:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                write_csv(coded.events, out, header=csv_header[0])
                csv_header[0] = False
            else:
                table_events.extend(coded.events)
            out.flush()

        def on_skip(item: Skipped) -> None:
            report_skip(errors)(item)
            if store is not None:
                store.add_skipped(item, run_id)

        try:
            with _progress(paths, quiet) as progress:
                summary = run_coding(
                    paths,
                    settings,
                    on_document,
                    on_skip,
                    dask=dask,
                    parts_dir=str(parts or _default_parts(db)),
                    is_done=_resume_check(store),
                    progress=progress,
                )
        except RunInterrupted as stop:
            errors.print(
                f"interrupted: {stop.summary.line()}; re-run the same command to resume"
                + ("" if store is not None else " (only with --db)"),
                highlight=False,
            )
            raise typer.Exit(130) from None
        if store is not None and writer is not None:
            writer.flush()
            store.finish_run(run_id, summary.documents, summary.events, len(summary.skipped))
            _cluster(store)
        if fmt == "table":
            Console(file=out, width=160).print(events_table(table_events))
    if not quiet:
        errors.print(summary.line(), highlight=False)
    if summary.documents == 0 and summary.skipped:
        raise typer.Exit(1)


def _open_store(db: str) -> EventStore:
    from realpolitik.store import EventStore

    return EventStore.open(db)


def _writer(store: EventStore, run_id: str | None, batch: int) -> StoreWriter:
    from realpolitik.store import StoreWriter

    return StoreWriter(store, run_id, max_documents=batch)


def _cluster(store: EventStore) -> None:
    from realpolitik.analysis.dedup import cluster_events

    cluster_events(store)


def _progress(paths: list[str], quiet: bool) -> AbstractContextManager[RunProgress]:
    from realpolitik.scale.progress import BarProgress, NoProgress, estimate_documents

    return NoProgress() if quiet else BarProgress(estimate_documents(paths), stderr_console())


def _resume_check(store: EventStore | None) -> Callable[[Document], bool] | None:
    """With a store: a document already coded by this version is not coded again."""
    if store is None:
        return None
    from realpolitik import __version__

    return lambda document: store.is_coded(document.content_hash, __version__)


def _default_parts(db: str | None) -> str:
    return f"{db}.parts" if db else "realpolitik-parts"
