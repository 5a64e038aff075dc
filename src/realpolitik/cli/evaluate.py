"""`realpolitik evaluate`: score the coder on the annotated gold sets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from realpolitik.cli import app
from realpolitik.cli.options import CoderOption
from realpolitik.errors import UsageError
from realpolitik.settings import load_settings

EVALUATORS: dict[str, str] = {
    "plover": "realpolitik.evaluation.plover",
    "petr2": "realpolitik.evaluation.petr2",
    "conflibert": "realpolitik.evaluation.conflibert",
    "keep_it_local": "realpolitik.evaluation.un_quadclass",
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
    limit: Annotated[
        int | None, typer.Option("--limit", help="Items per set (quick runs).")
    ] = None,
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
