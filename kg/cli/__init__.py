"""The ``kg`` command line: thin wrappers over importable functions.

Exit codes: 0 success; 1 the graph was written but some documents were
skipped (or, for ``kg validate``, the graph does not conform); 2 usage
error, unreadable input, or nothing buildable.
"""

from __future__ import annotations

import functools
import sys

import typer
from rich.console import Console

from ..errors import KGError

__all__ = ["app", "console", "fail", "main", "out_console", "reports_errors"]

app = typer.Typer(
    name="kg",
    help="Turn news text into a knowledge graph: RDF (Turtle, N-Triples, JSON-LD), GEXF and GraphML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)
out_console = Console()


@app.callback()
def _root() -> None:
    """kg-builder: news text in, knowledge graph out. Run `kg COMMAND --help` for a command's options."""


def reports_errors(command):
    """Turn a :class:`KGError` raised by a command into its message and exit code, not a traceback."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except KGError as exc:
            fail(exc)

    return wrapper


def fail(exc: KGError) -> None:
    """Print a KGError without a traceback and exit with its code."""
    console.print(f"[bold red]error:[/] {exc}", highlight=False)
    raise typer.Exit(exc.exit_code)


def password_from_env(variable: str | None) -> str | None:
    """The password in environment variable ``variable`` (None without one); exit 2 if it is not set."""
    import os

    if not variable:
        return None
    password = os.environ.get(variable)
    if password is None:
        console.print(f"[bold red]error:[/] environment variable {variable} is not set")
        raise typer.Exit(2)
    return password



def split_paths(value: str | list[str] | None) -> list[str]:
    """The items of a comma-joined option, or of every value of a repeated one, in order."""
    values = [value] if isinstance(value, str) else list(value or ())
    return [p.strip() for v in values for p in v.split(",") if p.strip()]


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        app()
    except KGError as exc:  # pragma: no cover - commands catch their own
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)


# The commands, one module per stage of the data flow; importing them registers them on ``app``.
from . import build, evaluate, query, train  # noqa: E402,F401

if __name__ == "__main__":  # pragma: no cover
    main()
