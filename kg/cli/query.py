"""``kg query``, ``neighbors``, ``path``, ``rank``, ``why``, ``push``, ``export`` and ``validate``: using a built graph."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from ..errors import KGError
from . import app, console, fail, out_console, password_from_env, reports_errors


def _print_result(result, fmt: str, base_iri: str | None = None) -> None:
    from rich.table import Table

    from ..query import format_result, table_rows

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
    from ..query import FORMATS, packaged_queries, query, run_packaged

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
    password = password_from_env(password_env)
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

    Example: kg neighbors out/ Vantrel --depth 2
    """
    from rich.table import Table

    from ..export.rdf import load_graph
    from ..query import neighbors

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

    Example: kg path out/ Vantrel China
    """
    from ..export.rdf import load_graph
    from ..query import path

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

    from ..export.rdf import load_graph
    from ..query import rank

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

    Example: kg why out/ Germany bans Kaizhen
    """
    from ..export.rdf import load_graph
    from ..query import why

    found = why(load_graph(graph), subject, relation, obj)
    if not found:
        console.print(f"no statement supports {subject} {relation} {obj}", highlight=False)
        raise typer.Exit(1)
    for ev in found:
        flag = "" if ev.asserted else escape(f" [{ev.modality}, not asserted]")  # (not rich markup)
        out_console.print(f"[bold]{escape(f'{ev.subject} {ev.relation} {ev.object}')}[/]  "
                          f"confidence {ev.confidence:.3f}{flag}", highlight=False)
        out_console.print(escape(f"  {ev.path or ev.document} [{ev.start}:{ev.end}]"), highlight=False)
        out_console.print(escape(f"  \u201c{ev.sentence}\u201d"), highlight=False)
        out_console.print(f"  found by: {ev.agreement}", highlight=False)
        for rel, extractor, conf in ev.others:
            out_console.print(f"  [yellow]also read here:[/] {rel} ({extractor}, {conf:.2f})", highlight=False)


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
    from ..push import push

    password = password_from_env(password_env)
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
    from ..export.convert import export_graph

    target = export_graph(graph, out, fmt)
    console.print(f"wrote {target}", highlight=False)


@app.command("validate")
@reports_errors
def validate_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .jsonld) written by 'kg build', or its folder.")],
    ontology: Annotated[Optional[Path], typer.Option(
        help="The Turtle file of classes and relations the graph was built with (kg build --ontology); "
             "its relations are checked like ours.", exists=True, dir_okay=False)] = None,
) -> None:
    """Check a built graph against the SHACL shapes in ontology/shapes.ttl (pySHACL).

    Exit codes: 0 the graph conforms; 1 it does not (the report lists each problem);
    2 the graph is missing or unreadable.

    Example: kg validate out/graph.ttl
    """
    from ..validate import validate

    conforms, report = validate(graph, ontology=ontology)
    out_console.print(report, highlight=False, markup=False, soft_wrap=True)
    raise typer.Exit(0 if conforms else 1)

