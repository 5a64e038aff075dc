"""`realpolitik code`, `demo` and `evaluate`: coding documents and measuring the coder."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from contextlib import ExitStack
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from realpolitik.cli import app
from realpolitik.errors import UsageError
from realpolitik.output import FORMATS, dyad_table, events_table, write_csv
from realpolitik.pipeline import CodedDocument
from realpolitik.records import Event, Skipped
from realpolitik.settings import load_settings

if TYPE_CHECKING:
    from realpolitik.store import EventStore

PathsArg = Annotated[
    list[str],
    typer.Argument(help="Files (.txt .md .html .htm .jsonl .json .csv), directories, or - for stdin."),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="REALPOLITIK_DB", help="Add the events to this DuckDB store."),
]
CoderOption = Annotated[
    str | None, typer.Option("--coder", help="rules | models | hybrid (default: settings).")
]


def _stderr() -> Console:
    return Console(stderr=True)


def _report_skip(console: Console) -> Callable[[Skipped], None]:
    def report(item: Skipped) -> None:
        console.print(f"[yellow]skipped[/] {item.source}: {item.reason}", highlight=False)

    return report


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
    errors = _stderr()
    table_events: list[Event] = []
    with ExitStack() as stack:
        out = stack.enter_context(output.open("w", encoding="utf-8", newline="")) if output else sys.stdout
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
            _report_skip(errors)(item)
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


def example_paths() -> list[str]:
    """The example documents that ship with the package."""
    folder = resources.files("realpolitik") / "data" / "examples"
    return sorted(
        str(entry) for entry in folder.iterdir() if entry.is_file() and entry.name != "README.md"
    )


@app.command("demo")
def demo_command(
    coder: CoderOption = None,
) -> None:
    """Code the example documents that ship with realpolitik and print a summary."""
    from realpolitik.runner import run_coding

    settings = load_settings(coder=coder)
    console = Console(width=180)
    coded_documents: list[CodedDocument] = []
    summary = run_coding(example_paths(), settings, coded_documents.append, _report_skip(console))
    for coded in coded_documents:
        title = coded.document.title or coded.document.source
        date = coded.document.date.isoformat() if coded.document.date else "undated"
        console.rule(f"[bold]{title}[/] — {coded.document.publisher or '?'}, {date}")
        console.print(events_table(list(coded.events), title=f"{len(coded.events)} events"))
    all_events = [event for coded in coded_documents for event in coded.events]
    console.print(dyad_table(all_events))
    console.print(summary.line(), highlight=False)


EVALUATORS: dict[str, str] = {
    "plover": "realpolitik.evaluation.plover",
    "petr2": "realpolitik.evaluation.petr2",
    "conflibert": "realpolitik.evaluation.conflibert",
    "keep_it_local": "realpolitik.evaluation.keep_it_local",
    "ngec": "realpolitik.evaluation.ngec",
    "location": "realpolitik.evaluation.location",
    "status": "realpolitik.evaluation.status",
}


def default_gold_dir() -> Path:
    """`../shared/gold` beside the working directory (the project checkout)."""
    return Path.cwd().parent / "shared" / "gold"


@app.command("evaluate")
def evaluate_command(
    sets: Annotated[
        list[str] | None,
        typer.Argument(help=f"Gold sets to run (default all): {', '.join(EVALUATORS)}"),
    ] = None,
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold data folder.")] = None,
    json_out: Annotated[
        Path, typer.Option("--json", help="Write the figures here as JSON.")
    ] = Path("evaluation.json"),
    limit: Annotated[int | None, typer.Option("--limit", help="Items per set (quick runs).")] = None,
    coder: CoderOption = None,
) -> None:
    """Score the coder on the annotated gold sets; print a table and write JSON."""
    import importlib

    from rich.table import Table

    from realpolitik.pipeline import Coder

    gold_dir = gold or default_gold_dir()
    if not gold_dir.is_dir():
        raise UsageError(f"gold data folder not found: {gold_dir} (give --gold)")
    unknown = sorted(set(sets or ()) - set(EVALUATORS))
    if unknown:
        raise UsageError(f"unknown gold sets: {', '.join(unknown)}")
    settings = load_settings(coder=coder)
    loaded = Coder.load(settings)
    console = Console()
    table = Table(title=f"realpolitik evaluate (coder: {settings.coder})")
    for column in ("set", "split", "n", "metric", "value"):
        table.add_column(column)
    results = []
    for name in sets or list(EVALUATORS):
        module = importlib.import_module(EVALUATORS[name])
        result = module.run(loaded, gold_dir, limit=limit)
        results.append(result.to_dict())
        for i, (metric, value) in enumerate(result.metrics.items()):
            first = i == 0
            table.add_row(
                name if first else "",
                result.split if first else "",
                str(result.n) if first else "",
                metric,
                f"{value:.3f}" if isinstance(value, float) else str(value),
            )
    console.print(table)
    payload = {"coder": settings.coder, "limit": limit, "results": results}
    json_out.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    console.print(f"figures written to {json_out}")

