"""`realpolitik code`: documents in, events out (to a file, stdout or the store)."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from realpolitik.cli import app
from realpolitik.cli.options import CoderOption, DbOption, PathsArg, report_skip, stderr_console
from realpolitik.errors import UsageError
from realpolitik.output import FORMATS, events_table, write_csv
from realpolitik.pipeline import CodedDocument
from realpolitik.records import Event, Skipped
from realpolitik.settings import load_settings

if TYPE_CHECKING:
    from realpolitik.store import EventStore


@app.command("code")
def code_command(
    paths: PathsArg,
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl | csv | table")] = "jsonl",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here.")] = None,
    db: DbOption = None,
    coder: CoderOption = None,
    workers: Annotated[int | None, typer.Option("--workers", help="Processes.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress output.")] = False,
) -> None:
    """Code documents into PLOVER/CAMEO events (one JSON object per line by default)."""
    from realpolitik.runner import run_coding

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
        csv_header = [fmt == "csv"]

        def on_document(coded: CodedDocument) -> None:
            if store is not None:
                store.add_coded(coded, run_id)
            if fmt == "jsonl":
                for event in coded.events:
                    out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")
            elif fmt == "csv":
                write_csv(coded.events, out, header=csv_header[0])
                csv_header[0] = False
            else:
                table_events.extend(coded.events)

        def on_skip(item: Skipped) -> None:
            report_skip(errors)(item)
            if store is not None:
                store.add_skipped(item, run_id)

        summary = run_coding(paths, settings, on_document, on_skip)
        if store is not None:
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


def _cluster(store: EventStore) -> None:
    from realpolitik.analysis.dedup import cluster_events

    cluster_events(store)
