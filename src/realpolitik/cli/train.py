"""`realpolitik train`: rebuild the shipped models from the annotated gold data."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from realpolitik.cli import app
from realpolitik.errors import UsageError


def default_gold_dir() -> Path:
    """`../shared/gold` beside the working directory (the project checkout)."""
    return Path.cwd().parent / "shared" / "gold"


@app.command("train")
def train_command(
    gold: Annotated[Path | None, typer.Option("--gold", help="Gold data folder.")] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Output folder (default: the shipped models)."),
    ] = None,
) -> None:
    """Train every shipped model with fixed seeds; write weights, figures and model cards."""
    from realpolitik.models.shipped_paths import shipped_dir
    from realpolitik.models.train import train_all
    from realpolitik.nlp import load_nlp
    from realpolitik.settings import load_settings

    gold_dir = gold or default_gold_dir()
    if not gold_dir.is_dir():
        raise UsageError(f"gold data folder not found: {gold_dir} (give --gold)")
    console = Console(stderr=True)
    out_dir = out or shipped_dir()
    started = time.perf_counter()
    figures = train_all(
        gold_dir, out_dir, load_nlp(load_settings().model), progress=lambda m: console.print(m)
    )
    summary = {
        name: {k: v for k, v in model.items() if k.startswith("cv") or k == "seconds"}
        for name, model in figures.items()
    }
    print(json.dumps(summary, indent=2))
    console.print(f"models written to {out_dir} in {time.perf_counter() - started:.0f} s")
