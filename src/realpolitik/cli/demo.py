"""`realpolitik demo`: code the shipped example documents and summarise them."""

from __future__ import annotations

from importlib import resources

from rich.console import Console

from realpolitik.cli import app
from realpolitik.cli.options import CoderOption, report_skip
from realpolitik.output import dyad_table, events_table
from realpolitik.records import CodedDocument
from realpolitik.settings import load_settings


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
    summary = run_coding(example_paths(), settings, coded_documents.append, report_skip(console))
    for coded in coded_documents:
        title = coded.document.title or coded.document.source
        date = coded.document.date.isoformat() if coded.document.date else "undated"
        console.rule(f"[bold]{title}[/] — {coded.document.publisher or '?'}, {date}")
        console.print(events_table(list(coded.events), title=f"{len(coded.events)} events"))
    all_events = [event for coded in coded_documents for event in coded.events]
    console.print(dyad_table(all_events))
    console.print(summary.line(), highlight=False)
