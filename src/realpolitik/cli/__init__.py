"""The `realpolitik` command: a thin shell over the Python API.

Each command group lives in its own module and registers itself on `app`.
"""

from __future__ import annotations

import sys

import typer

from realpolitik.errors import RealpolitikError

app = typer.Typer(
    name="realpolitik",
    help="Political event data (PLOVER/CAMEO) and actor relations from news and forum text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    """Import the command modules; each adds its commands to `app`."""
    from realpolitik.cli import (  # noqa: F401
        code,
        demo,
        evaluate,
        serve,
        store_commands,
        train,
    )


def main() -> None:
    """Entry point: run the app, turning expected errors into a one-line message and exit 2."""
    _register_commands()
    try:
        app()
    except RealpolitikError as exc:
        print(f"realpolitik: error: {exc}", file=sys.stderr)
        sys.exit(2)
