"""Options and small helpers shared by several commands."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import typer
from rich.console import Console

from realpolitik.records import Skipped

PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Files (.txt .md .html .htm .jsonl .json .csv), directories, or - for stdin."
    ),
]
DbOption = Annotated[
    str | None,
    typer.Option("--db", envvar="REALPOLITIK_DB", help="Add the events to this DuckDB store."),
]
CoderOption = Annotated[
    str | None, typer.Option("--coder", help="rules | models | hybrid (default: settings).")
]


def stderr_console() -> Console:
    return Console(stderr=True)


def report_skip(console: Console) -> Callable[[Skipped], None]:
    def report(item: Skipped) -> None:
        console.print(f"[yellow]skipped[/] {item.source}: {item.reason}", highlight=False)

    return report
