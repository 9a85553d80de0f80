"""Send a built graph to a triple store through the SPARQL 1.1 Graph Store HTTP Protocol.

``PUT`` replaces a named graph, ``POST`` adds to it; the body is N-Triples.
Big graphs go in chunks of ``chunk_size`` triples. A chunked *replace* must
not leave the target half-loaded, so it uploads into a temporary named graph
and then swaps it in with one SPARQL Update ``MOVE`` (atomic on stores with
transactions, such as Oxigraph and Fuseki); if anything fails the temporary
graph is dropped and the target is untouched. A chunked *append* is not
atomic: a failure leaves the chunks already sent (the error says how many).

Errors: :class:`~kg.query.EndpointError` with exit code 3 (cannot connect),
4 (the server answered 4xx) or 5 (5xx), with the server's message. The
password is sent only in the ``Authorization`` header and never shown.
"""

from __future__ import annotations

import time
import urllib.parse
import uuid
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .query import EndpointError, http_request, safe_url

__all__ = ["PushResult", "push", "graph_store_url", "update_endpoint_for", "default_graph_iri"]

_NT = "application/n-triples"


@dataclass(frozen=True, slots=True)
class PushResult:
    """What :func:`push` sent."""

    endpoint: str
    graph: str
    triples: int
    chunks: int
    mode: str  #: "replace" or "append"
    seconds: float


def graph_store_url(endpoint: str, graph_iri: str) -> str:
    """The Graph Store Protocol URL of a named graph (``?graph=`` indirect identification)."""
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return f"{endpoint}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"


def update_endpoint_for(endpoint: str) -> str | None:
    """The SPARQL Update endpoint next to a Graph Store endpoint, when the layout is a known one.

    >>> update_endpoint_for("http://127.0.0.1:7878/store")  # Oxigraph
    'http://127.0.0.1:7878/update'
    >>> update_endpoint_for("http://host:3030/ds/data")  # Fuseki
    'http://host:3030/ds/update'
    >>> update_endpoint_for("http://host/gsp") is None
    True
    """
    parts = urllib.parse.urlsplit(endpoint)
    head, _, last = parts.path.rstrip("/").rpartition("/")
    if last not in {"store", "data"}:
        return None
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, f"{head}/update", "", ""))


def default_graph_iri(path: Path) -> str:
    """The named graph a build goes to unless ``--graph`` says otherwise: its base IRI."""
    import re

    from .model import DEFAULT_BASE_IRI

    if path.suffix.lower() == ".ttl":
        with open(path, encoding="utf-8") as fh:
            m = re.search(r"@prefix\s+ent:\s*<([^>]*)entity/>", fh.read(8192))
        if m:
            return m.group(1)
    return DEFAULT_BASE_IRI


def _read(path: Path) -> tuple[list, bool]:
    import pyoxigraph as ox

    fmt = ox.RdfFormat.from_extension(path.suffix.lstrip(".").lower()) or ox.RdfFormat.TURTLE
    try:
        triples = [q.triple for q in ox.parse(path=str(path), format=fmt)]
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"Cannot parse {path}: {exc}") from exc
    has_bnodes = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode) for t in triples)
    return triples, has_bnodes


def _ntriples(triples: list) -> bytes:
    import pyoxigraph as ox

    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)


def push(graph: str | Path, endpoint: str, *, graph_iri: str | None = None, replace: bool = True,
         user: str | None = None, password: str | None = None, chunk_size: int = 100_000,
         update_endpoint: str | None = None, timeout: float = 120.0) -> PushResult:
    """Send the graph file ``graph`` (or the ``graph.ttl`` of a folder) to ``endpoint``.

    ``endpoint`` is a Graph Store Protocol URL (Oxigraph ``http://host:7878/store``,
    Fuseki ``http://host:3030/ds/data``). Graphs with blank nodes go in one
    request (blank node labels do not survive across requests).
    """
    t0 = time.perf_counter()
    p = Path(graph)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise InputError(f"No graph at {graph}: give a graph.ttl written by 'kg build' or its folder.")
    if chunk_size < 1:
        raise InputError(f"chunk_size must be at least 1; got {chunk_size}")
    target = graph_iri or default_graph_iri(p)
    triples, has_bnodes = _read(p)
    size = len(triples) if has_bnodes else chunk_size
    chunks = [triples[i:i + size] for i in range(0, len(triples), size)] or [[]]
    auth = {"user": user, "password": password, "timeout": timeout}

    def send(method: str, iri: str, part: list) -> None:
        http_request(method, graph_store_url(endpoint, iri), body=_ntriples(part),
                     headers={"Content-Type": _NT}, **auth)

    if not replace:
        for i, part in enumerate(chunks):
            try:
                send("POST", target, part)
            except EndpointError as exc:
                raise EndpointError(f"{exc} ({i} of {len(chunks)} chunks were appended before the error)",
                                    exc.exit_code) from None
        return PushResult(safe_url(endpoint), target, len(triples), len(chunks), "append",
                          time.perf_counter() - t0)
    if len(chunks) == 1:
        send("PUT", target, chunks[0])
        return PushResult(safe_url(endpoint), target, len(triples), 1, "replace", time.perf_counter() - t0)

    update = update_endpoint or update_endpoint_for(endpoint)
    if update is None:
        raise InputError(f"A replace in {len(chunks)} chunks needs the SPARQL Update endpoint for its final "
                         f"MOVE; give --update-endpoint (or a --chunk-size of at least {len(triples)}).")
    temp = f"urn:kg-builder:upload:{uuid.uuid4()}"
    try:
        for i, part in enumerate(chunks):
            send("PUT" if i == 0 else "POST", temp, part)
        http_request("POST", update, body=f"MOVE GRAPH <{temp}> TO GRAPH <{target}>".encode(),
                     headers={"Content-Type": "application/sparql-update"}, **auth)
    except EndpointError as exc:
        try:
            http_request("DELETE", graph_store_url(endpoint, temp), **auth)
        except EndpointError:
            pass
        raise EndpointError(f"{exc} (nothing was changed in <{target}>)", exc.exit_code) from None
    return PushResult(safe_url(endpoint), target, len(triples), len(chunks), "replace", time.perf_counter() - t0)
