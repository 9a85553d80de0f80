"""Ask the graph: SPARQL with the ontology's entailments, packaged queries, graph queries.

:func:`query` runs SPARQL over a built graph (a ``graph.ttl``, its folder, an
rdflib Graph or a :class:`~kg.model.KnowledgeGraph`) or a remote SPARQL
endpoint. The prefixes of :data:`kg.export.rdf.PREFIXES` are predeclared.

Entailments are *materialised* when the graph is loaded, from the ontology
(``ontology/kg.ttl``): for every relation triple its super-properties
(``bans`` -> ``restricts`` -> ``relation``), for symmetric relations the
reverse triple, and for every ``rdf:type`` the superclasses. The ontology
itself sits in the named graph ``<https://w3id.org/kg-builder/ontology>``.
The engine is pyoxigraph (embedded, in memory); ``engine="rdflib"`` runs the
same thing on rdflib's engine.

Safe by default: ``SERVICE`` and updates are refused unless allowed, which is
decided on the query's algebra (rdflib's SPARQL parser), not by looking for
words.

>>> from kg.query import check_query
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
kg.errors.QueryError: The query uses SERVICE (a call to another endpoint: http://example.org/sparql), which is refused unless allowed (allow_service=True, --allow-service).

Graph queries (:func:`neighbors`, :func:`path`, :func:`rank`, :func:`why`)
work on the NetworkX graph and the statements.
"""

from __future__ import annotations

import base64
import difflib
import io
import json
import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rdflib
from rdflib import BNode, Literal, URIRef, Variable
from rdflib.namespace import RDF, XSD
from rdflib.query import Result

from .errors import InputError, KGError, QueryError
from .export.rdf import PREFIXES, base_iri_of, graph_file, load_graph, parse_graph, rdflib_term
from .model import KnowledgeGraph
from .namespace import KG_IRI
from .ontology import Ontology, load_ontology

if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "ONTOLOGY_GRAPH", "ENGINES", "FORMATS", "RANKERS", "GraphStore", "Hop", "Evidence",
    "open_store", "check_query", "query", "packaged_queries", "run_packaged", "format_result",
    "resolve_entity", "neighbors", "path", "rank", "why", "EndpointError", "table_rows", "short",
    "safe_url", "http_request", "Packaged",
]

#: The named graph that holds the ontology (T-box) in a query store.
ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/ontology"

#: Output formats of :func:`format_result` (``table`` is printed by the CLI with rich).
FORMATS = ("table", "csv", "json")

_UPDATE_NAMES = {
    "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT", "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE",
    "Add": "ADD", "Move": "MOVE", "Copy": "COPY",
}


class EndpointError(QueryError):
    """A remote endpoint could not be reached (exit 3) or answered with an error (4: 4xx, 5: 5xx)."""

    def __init__(self, message: str, exit_code: int = 3):
        super().__init__(message)
        self.exit_code = exit_code


# -- safety: parse with rdflib, inspect the algebra ---------------------------------------


@dataclass(frozen=True, slots=True)
class _Checked:
    kind: str  #: "query" or "update"
    form: str  #: SELECT / ASK / CONSTRUCT / DESCRIBE, or the update operations
    operations: tuple[str, ...]
    services: tuple[str, ...]
    projection: tuple[str, ...]


def _walk(node: Any, seen: set[int] | None = None) -> Iterable[Any]:
    from rdflib.plugins.sparql.parserutils import CompValue

    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, CompValue):
        yield node
        for value in node.values():
            yield from _walk(value, seen)
    elif isinstance(node, (list, tuple)):
        for value in node:
            yield from _walk(value, seen)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _walk(value, seen)


def _syntax_error(text: str, exc: Any) -> QueryError:
    line, col, msg = getattr(exc, "lineno", 1), getattr(exc, "col", 1), getattr(exc, "msg", str(exc))
    try:  # oxigraph's parser pin-points the error more precisely than pyparsing
        import pyoxigraph

        pyoxigraph.Store().query(text, prefixes=dict(PREFIXES))
    except SyntaxError as ox:
        m = re.match(r"error at (\d+):(\d+): (.*)", str(ox), re.S)
        if m:
            line, col, msg = int(m.group(1)), int(m.group(2)), m.group(3).split("\n")[0][:200]
    except Exception:  # noqa: BLE001 - only used for a better message
        pass
    lines = text.splitlines() or [""]
    shown = lines[line - 1] if 0 < line <= len(lines) else ""
    if "Prefix not found" in msg:
        names = re.findall(r"([A-Za-z][\w.-]*)?:", shown[:col])
        name = names[-1] if names else ""
        return QueryError(f"Unknown prefix '{name}:' at line {line}, column {col}; predeclared: "
                          f"{', '.join(sorted(PREFIXES))} (declare others with PREFIX).")
    return QueryError(f"SPARQL syntax error at line {line}, column {col}: {msg}\n    {shown}\n    "
                      f"{' ' * max(col - 1, 0)}^")


def check_query(text: str, *, allow_service: bool = False, allow_update: bool = False) -> _Checked:
    """Parse ``text`` with rdflib's SPARQL parser; refuse SERVICE and updates unless allowed.

    Raises :class:`~kg.errors.QueryError` for a syntax error (with line and column),
    an unknown prefix, or a refused operation.
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    ns = dict(PREFIXES)
    try:
        parsed = translateQuery(parseQuery(text), initNs=ns)
        kind, ops = "query", ()
        algebra: Any = parsed.algebra
        form = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT",
                "DescribeQuery": "DESCRIBE"}.get(algebra.name, algebra.name)
        projection = tuple(str(v) for v in (algebra.get("PV") or ()))
    except ParseException as qexc:
        try:
            parsed_u = translateUpdate(parseUpdate(text), initNs=ns)
        except ParseException as uexc:
            raise _syntax_error(text, uexc if uexc.loc > qexc.loc else qexc) from None
        except Exception as exc:  # noqa: BLE001 - unknown prefix etc.
            raise _prefix_error(exc) from None
        kind, algebra, projection = "update", parsed_u.algebra, ()
        ops = tuple(_UPDATE_NAMES.get(op.name, op.name) for op in algebra)
        form = ", ".join(dict.fromkeys(ops))
    except Exception as exc:  # noqa: BLE001 - unknown prefix etc.
        raise _prefix_error(exc) from None
    services = tuple(str(n.get("term")) for n in _walk(algebra) if n.name == "ServiceGraphPattern")
    if kind == "update" and not allow_update:
        raise QueryError(f"The query is an update ({form}), which is refused unless allowed "
                         "(allow_update=True, --allow-update); queries are read-only by default.")
    if services and not allow_service:
        raise QueryError(f"The query uses SERVICE (a call to another endpoint: {', '.join(services)}), "
                         "which is refused unless allowed (allow_service=True, --allow-service).")
    return _Checked(kind, form, ops, services, projection)


def _prefix_error(exc: Exception) -> QueryError:
    msg = str(exc)
    m = re.search(r"[Uu]nknown namespace prefix\s*:?\s*(\S+)", msg)
    if m:
        return QueryError(f"Unknown prefix '{m.group(1)}:' in the query; predeclared: "
                          f"{', '.join(sorted(PREFIXES))} (declare others with PREFIX).")
    return QueryError(f"Cannot read the query: {msg}")


# -- the query store: data + entailments (+ the ontology in a named graph) ---------------------


def _entailed(triples: Iterable[tuple[str, str, str]], onto: Ontology) -> set[tuple[str, str, str]]:
    """The triples the ontology entails from ``triples`` (IRIs as strings), not already among them."""
    kg = KG_IRI
    rdf_type = str(RDF.type)
    out: set[tuple[str, str, str]] = set()
    symmetric = onto.symmetric
    for s, p, o in triples:
        if p == rdf_type and o.startswith(kg):
            for sup in onto.classes.get(o[len(kg):], ()):
                out.add((s, p, kg + sup))
            continue
        if not p.startswith(kg) or p[len(kg):] not in onto.relations:
            continue
        name = p[len(kg):]
        pairs = [(s, o), (o, s)] if name in symmetric else [(s, o)]
        for a, b in pairs:
            for sup in onto.ancestors(name):
                out.add((a, kg + sup, b))
            out.add((a, kg + "relation", b))
    return out


def _relation_predicates(onto: Ontology) -> list[str]:
    return [KG_IRI + r for r in onto.relations]


class GraphStore:
    """A graph loaded for querying, with the ontology's entailments materialised."""

    def __init__(self, engine: str, backend: Any, onto: Ontology, base_iri: str, seconds: float = 0.0):
        self.engine, self.backend, self.ontology, self.base_iri = engine, backend, onto, base_iri
        self.seconds = seconds

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"GraphStore(engine={self.engine!r}, base_iri={self.base_iri!r})"


def _open_oxigraph(source: Any, onto: Ontology) -> tuple[Any, str]:
    import pyoxigraph as ox

    store = ox.Store()
    base = None
    if isinstance(source, rdflib.Graph):
        store.load(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.DefaultGraph())
        base = base_iri_of(source.namespaces())
    else:
        p = graph_file(source)
        fmt = ox.RdfFormat.from_extension(p.suffix.lstrip(".").lower()) or ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(p), format=fmt, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"Cannot parse {p}: {exc}") from exc
        if fmt == ox.RdfFormat.TURTLE:
            with open(p, encoding="utf-8") as fh:
                head = fh.read(4096)
            m = re.search(r"@prefix\s+ent:\s*<([^>]*)>", head)
            if m and m.group(1).endswith("entity/"):
                base = m.group(1)[: -len("entity/")]
    store.bulk_load(path=str(onto.directory / "kg.ttl"), format=ox.RdfFormat.TURTLE,
                    to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    # materialise: relation triples and rdf:type triples of the default graph
    found = []
    for pred in [*_relation_predicates(onto), str(RDF.type)]:
        for q in store.quads_for_pattern(None, ox.NamedNode(pred), None, ox.DefaultGraph()):
            if isinstance(q.object, ox.NamedNode) and not isinstance(q.subject, ox.Triple):
                found.append((q.subject.value, pred, q.object.value, isinstance(q.subject, ox.BlankNode)))
    bnodes = {s for s, _, _, b in found if b}
    extra = _entailed(((s, p, o) for s, p, o, _ in found), onto)

    def node(v: str) -> Any:
        return ox.BlankNode(v) if v in bnodes else ox.NamedNode(v)

    store.extend(ox.Quad(node(s), ox.NamedNode(p), ox.NamedNode(o), ox.DefaultGraph()) for s, p, o in extra)
    from .model import DEFAULT_BASE_IRI

    return store, base or DEFAULT_BASE_IRI


def _open_rdflib(source: Any, onto: Ontology) -> tuple[Any, str]:
    data = source if isinstance(source, rdflib.Graph) else parse_graph(source)
    ds = rdflib.Dataset()
    default = ds.default_graph if hasattr(type(ds), "default_graph") else ds.default_context
    for t in data:
        default.add(t)
    for prefix, ns in data.namespaces():
        ds.bind(prefix, ns, override=False)
    triples = ((str(s), str(p), str(o)) for s, p, o in data
               if isinstance(o, URIRef) and (p == RDF.type or str(p).startswith(KG_IRI)))
    for s, p, o in _entailed(list(triples), onto):
        default.add((BNode(s) if (BNode(s), None, None) in data else URIRef(s), URIRef(p), URIRef(o)))
    onto_graph = ds.graph(URIRef(ONTOLOGY_GRAPH))
    for t in onto.graph:
        onto_graph.add(t)
    return ds, base_iri_of(data.namespaces())


#: Query engines: name -> loader(source, ontology) -> (backend, base IRI).
ENGINES: dict[str, Callable[[Any, Ontology], tuple[Any, str]]] = {
    "oxigraph": _open_oxigraph,
    "rdflib": _open_rdflib,
}


def open_store(source: str | Path | rdflib.Graph | KnowledgeGraph, *, engine: str = "oxigraph",
               ontology: Ontology | None = None) -> GraphStore:
    """Load a graph for querying (entailments materialised); reuse it for many queries."""
    import time

    if engine not in ENGINES:
        raise QueryError(f"Unknown engine '{engine}'; available: {', '.join(ENGINES)}")
    if isinstance(source, KnowledgeGraph):
        source = source.to_rdflib()
    onto = ontology or load_ontology()
    t0 = time.perf_counter()
    backend, base = ENGINES[engine](source, onto)
    return GraphStore(engine, backend, onto, base, time.perf_counter() - t0)


# -- running queries -----------------------------------------------------------------------


def _to_oxigraph_term(term: Any) -> Any:
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise QueryError(f"Cannot bind {term!r}: give an IRI or a literal")


def _as_term(value: Any) -> Any:
    if isinstance(value, (URIRef, BNode, Literal)):
        return value
    return Literal(value)


def _select(variables: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> Result:
    r = Result("SELECT")
    r.vars = [Variable(v) for v in variables]
    r.bindings = [{Variable(k): v for k, v in row.items() if v is not None} for row in rows]
    return r


def _run_oxigraph(store: GraphStore, text: str, checked: _Checked, bindings: Mapping[str, Any]) -> Result | None:
    import pyoxigraph as ox

    prefixes = dict(PREFIXES)
    try:
        if checked.kind == "update":
            store.backend.update(text, prefixes=prefixes)
            return None
        hidden = [k for k in bindings if checked.form == "SELECT" and k not in checked.projection]
        if hidden:
            raise QueryError(f"The oxigraph engine binds only projected variables (SPARQL SEP-0007); "
                             f"add {', '.join('?' + k for k in hidden)} to the SELECT clause, or use "
                             "engine='rdflib' (--engine rdflib).")
        subs = {ox.Variable(k): _to_oxigraph_term(_as_term(v)) for k, v in bindings.items()}
        out = store.backend.query(text, prefixes=prefixes, substitutions=subs or None)
    except SyntaxError as exc:
        raise _syntax_error(text, exc) from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"The query failed: {exc}") from None
    if isinstance(out, ox.QueryBoolean):
        r = Result("ASK")
        r.askAnswer = bool(out)
        return r
    try:
        if isinstance(out, ox.QueryTriples):
            r = Result("CONSTRUCT")
            g = rdflib.Graph()
            for t in out:
                g.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
            r.graph = g
            return r
        names = [v.value for v in out.variables]
        rows = [{n: rdflib_term(sol[n]) for n in names} for sol in out]
    except TypeError as exc:  # an RDF-star triple term, which results here never hold
        raise QueryError(f"Unsupported RDF term in a result: {exc}") from None
    return _select(names, rows)


def _run_rdflib(store: GraphStore, text: str, checked: _Checked, bindings: Mapping[str, Any]) -> Result | None:
    import rdflib.plugins.sparql as sparql

    old = sparql.SPARQL_LOAD_GRAPHS
    sparql.SPARQL_LOAD_GRAPHS = False  # FROM <url> must never fetch anything
    try:
        if checked.kind == "update":
            store.backend.update(text, initNs=dict(PREFIXES))
            return None
        init = {Variable(k): _as_term(v) for k, v in bindings.items()}
        res = store.backend.query(text, initNs=dict(PREFIXES), initBindings=init)
        if res.type == "SELECT":
            res.bindings = list(res.bindings)
        return res
    except KGError:
        raise
    except Exception as exc:  # noqa: BLE001 - rdflib's evaluation errors have many types
        raise QueryError(f"The query failed: {exc}") from None
    finally:
        sparql.SPARQL_LOAD_GRAPHS = old


_RUNNERS = {"oxigraph": _run_oxigraph, "rdflib": _run_rdflib}


def _read_query_text(sparql: str) -> str:
    if sparql.strip().endswith(".rq") and "\n" not in sparql.strip():
        p = Path(sparql.strip())
        if not p.is_file():
            raise InputError(f"No query file {p}")
        return p.read_text(encoding="utf-8")
    return sparql


def query(graph: str | Path | rdflib.Graph | KnowledgeGraph | GraphStore | None, sparql: str, *,
          endpoint: str | None = None, allow_service: bool = False, allow_update: bool = False,
          bindings: Mapping[str, Any] | None = None, engine: str = "oxigraph",
          user: str | None = None, password: str | None = None, timeout: float = 60.0) -> Result | None:
    """Run SPARQL over a built graph (entailments included) or a remote ``endpoint``.

    ``sparql`` is query text or the path of a ``.rq`` file; the prefixes of
    :data:`kg.export.rdf.PREFIXES` are predeclared. ``bindings`` maps variable
    names to values (rdflib terms, or Python values made literals), bound
    before evaluation (``initBindings``), never pasted into the text. Returns an
    rdflib :class:`~rdflib.query.Result` (``None`` for an allowed update).

    Examples
    --------
    >>> import rdflib, kg
    >>> from kg.namespace import KG
    >>> g = rdflib.Graph()
    >>> a, b = rdflib.URIRef("urn:x:Acme"), rdflib.URIRef("urn:x:Ruritania")
    >>> _ = g.add((a, KG.bans, b))
    >>> [str(row.s) for row in kg.query(g, "SELECT ?s WHERE { ?s kg:restricts ?o }")]
    ['urn:x:Acme']
    """
    text = _read_query_text(sparql)
    checked = check_query(text, allow_service=allow_service, allow_update=allow_update)
    if endpoint is not None:
        return _run_remote(endpoint, text, checked, bindings or {}, user=user, password=password,
                           timeout=timeout)
    if graph is None:
        raise QueryError("Give a graph (a graph.ttl or its folder) or an endpoint to query.")
    store = graph if isinstance(graph, GraphStore) else open_store(graph, engine=engine)
    return _RUNNERS[store.engine](store, text, checked, bindings or {})


# -- remote endpoints (SPARQL 1.1 Protocol over plain HTTP) ---------------------------------


def safe_url(url: str) -> str:
    """``url`` without user:password (for messages)."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))


def http_request(method: str, url: str, *, body: bytes | None = None, headers: Mapping[str, str] | None = None,
                 user: str | None = None, password: str | None = None, timeout: float = 60.0
                 ) -> tuple[int, bytes]:
    """One HTTP request with the standard library; errors as :class:`EndpointError` (no credentials shown)."""
    if not url.startswith(("http://", "https://")):
        raise EndpointError(f"Endpoint must be an http(s) URL; got {safe_url(url)!r}", exit_code=2)
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if user is not None:
        token = base64.b64encode(f"{user}:{password or ''}".encode()).decode("ascii")
        req.add_unredirected_header("Authorization", f"Basic {token}")
    shown = safe_url(url)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode("utf-8", "replace").strip()[:2000]
        if password:
            detail = detail.replace(password, "***")
        kind = "refused the request" if exc.code < 500 else "failed"
        raise EndpointError(f"{method} {shown}: the server {kind} with HTTP {exc.code} {exc.reason}"
                            + (f": {detail}" if detail else ""), exit_code=4 if exc.code < 500 else 5) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise EndpointError(f"Cannot reach {shown}: {reason}. Is the server running and the URL right?",
                            exit_code=3) from None


def _values_clause(bindings: Mapping[str, Any]) -> str:
    names = list(bindings)
    terms = [_as_term(bindings[n]) for n in names]
    return (f"\nVALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(t.n3() for t in terms)}) }}")


def _run_remote(endpoint: str, text: str, checked: _Checked, bindings: Mapping[str, Any], *,
                user: str | None, password: str | None, timeout: float) -> Result | None:
    header = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
    if checked.kind == "update":
        http_request("POST", endpoint, body=(header + text).encode("utf-8"),
                     headers={"Content-Type": "application/sparql-update"}, user=user, password=password,
                     timeout=timeout)
        return None
    if bindings:
        missing = [n for n in bindings if n not in checked.projection]
        if missing:
            raise QueryError(f"Against an endpoint, bound variables must be projected by the query "
                             f"(they are sent as a VALUES block); not projected: {missing}")
        text = text + _values_clause(bindings)
    accept = ("application/sparql-results+json" if checked.form in {"SELECT", "ASK"}
              else "application/n-triples")
    _, data = http_request("POST", endpoint, body=(header + text).encode("utf-8"),
                           headers={"Content-Type": "application/sparql-query", "Accept": accept},
                           user=user, password=password, timeout=timeout)
    try:
        if checked.form in {"SELECT", "ASK"}:
            return Result.parse(io.BytesIO(data), format="json")
        g = rdflib.Graph()
        g.parse(data=data.decode("utf-8"), format="nt")
        r = Result("CONSTRUCT")
        r.graph = g
        return r
    except Exception as exc:  # noqa: BLE001 - whatever the server sent
        raise EndpointError(f"{safe_url(endpoint)} answered something that is not a SPARQL result: {exc}",
                            exit_code=5) from None


# -- output --------------------------------------------------------------------------------


def _rows(result: Result) -> tuple[list[str], list[list[Any]]]:
    if result.type == "ASK":
        return ["ask"], [[Literal(bool(result.askAnswer))]]
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        triples = sorted(result.graph, key=lambda t: tuple(str(x) for x in t))
        return ["subject", "predicate", "object"], [list(t) for t in triples]
    names = [str(v) for v in result.vars]
    return names, [[row.get(Variable(n)) for n in names] for row in result.bindings]


def _as_select(result: Result) -> Result:
    if result.type in {"SELECT", "ASK"}:
        return result
    names, rows = _rows(result)
    return _select(names, [dict(zip(names, r)) for r in rows])


def format_result(result: Result, fmt: str = "csv") -> str:
    """``csv`` (header row, then one row per solution) or ``json`` (SPARQL 1.1 JSON results).

    CONSTRUCT and DESCRIBE results come as rows of subject, predicate, object.
    """
    if fmt not in {"csv", "json"}:
        raise QueryError(f"Unknown format '{fmt}'; available: {', '.join(FORMATS)}")
    res = _as_select(result)
    if fmt == "json" or res.type == "ASK":
        if res.type == "ASK" and fmt == "csv":
            return f"ask\r\n{'true' if res.askAnswer else 'false'}\r\n"
        buf = io.BytesIO()
        res.serialize(buf, format="json", encoding="utf-8")
        return json.dumps(json.loads(buf.getvalue().decode("utf-8")), indent=2, ensure_ascii=False) + "\n"
    buf = io.BytesIO()
    res.serialize(buf, format="csv", encoding="utf-8")
    return buf.getvalue().decode("utf-8")


def short(term: Any, prefixes: Mapping[str, str]) -> str:
    """A term for display: ``kg:bans``, ``ent:Acme``, a literal's text."""
    if term is None:
        return ""
    if isinstance(term, Literal):
        return str(term)
    s = str(term)
    best = max(((p, ns) for p, ns in prefixes.items() if s.startswith(ns)), key=lambda x: len(x[1]), default=None)
    return f"{best[0]}:{s[len(best[1]):]}" if best else s


def table_rows(result: Result, base_iri: str | None = None) -> tuple[list[str], list[list[str]]]:
    """Header and rows of ``result`` with IRIs shortened by the usual prefixes (for the table view)."""
    from .model import DEFAULT_BASE_IRI

    base = base_iri or DEFAULT_BASE_IRI
    prefixes = dict(PREFIXES) | {"ent": f"{base}entity/", "doc": f"{base}document/", "stmt": f"{base}statement/"}
    names, rows = _rows(result)
    return names, [[short(v, prefixes) for v in row] for row in rows]


# -- packaged queries ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Packaged:
    name: str
    description: str
    params: dict[str, tuple[str, str, str]]  #: name -> (type, default, help)
    text: str


_PARAM = re.compile(r"^#\s*param\s+(\w+)\s*:\s*(\w+)(?:\s*=\s*(\S+))?\s*(.*)$")


def packaged_queries() -> dict[str, Packaged]:
    """The queries shipped in ``kg/queries/*.rq``: name -> query with its declared parameters.

    >>> sorted(packaged_queries())[:2]
    ['relations-of-entity', 'restrictions-by-date']
    """
    out = {}
    for entry in sorted(resources.files("kg.queries").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".rq"):
            continue
        text = entry.read_text(encoding="utf-8")
        desc, params = [], {}
        for line in text.splitlines():
            if not line.startswith("#"):
                break
            m = _PARAM.match(line)
            if m:
                params[m.group(1)] = (m.group(2), m.group(3) or "", m.group(4).strip())
            elif line.lstrip("# ").strip():
                desc.append(line.lstrip("# ").strip())
        out[entry.name[:-3]] = Packaged(entry.name[:-3], " ".join(desc), params, text)
    return out


def _labels(graph: Any, endpoint: str | None, **kw: Any) -> list[tuple[str, str]]:
    q = "SELECT DISTINCT ?e ?l WHERE { ?e rdfs:label|skos:altLabel ?l . FILTER(isIRI(?e)) }"
    res = query(graph, q, endpoint=endpoint, **kw)
    assert res is not None
    return [(str(row.e), str(row.l)) for row in res]


def _match_name(name: str, labels: list[tuple[str, str]], what: str = "entity") -> str:
    low = name.casefold()
    exact = sorted({iri for iri, label in labels if label.casefold() == low})
    if exact:
        return exact[0]
    by_id = sorted({iri for iri, _ in labels if iri.rsplit("/", 1)[-1].casefold() == low})
    if by_id:
        return by_id[0]
    names = sorted({label for _, label in labels})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5) or \
        [n for n in names if low in n.casefold()][:5]
    hint = f" Did you mean: {', '.join(close)}?" if close else ""
    raise QueryError(f"No {what} called '{name}' in the graph.{hint}")


def _convert_param(name: str, kind: str, value: str, lookup: Callable[[str], str], onto: Ontology) -> Any:
    if kind == "entity":
        if value.startswith(("http://", "https://", "urn:")):
            return URIRef(value)
        return URIRef(lookup(value))
    if kind == "relation":
        local = value.split(":", 1)[1] if value.startswith("kg:") else value
        if local not in onto.relations and local != "relation":
            close = difflib.get_close_matches(local, list(onto.relations), n=3)
            hint = f" Did you mean: {', '.join(close)}?" if close else ""
            raise QueryError(f"Unknown relation '{value}' for parameter {name}.{hint} "
                             f"Relations: {', '.join(sorted(onto.relations))}")
        return URIRef(KG_IRI + local)
    if kind == "date":
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise QueryError(f"Parameter {name} must be a date as YYYY-MM-DD; got {value!r}")
        return Literal(value, datatype=XSD.date)
    if kind == "integer":
        if not re.fullmatch(r"-?\d+", value):
            raise QueryError(f"Parameter {name} must be an integer; got {value!r}")
        return Literal(int(value))
    if kind == "decimal":
        try:
            from decimal import Decimal

            return Literal(Decimal(value))
        except Exception:  # noqa: BLE001
            raise QueryError(f"Parameter {name} must be a number; got {value!r}") from None
    return Literal(value)


def run_packaged(graph: Any, name: str, params: Mapping[str, str] | None = None, *,
                 endpoint: str | None = None, engine: str = "oxigraph", **kw: Any) -> Result | None:
    """Run the packaged query ``name`` with ``params`` (strings, converted by their declared types).

    Entity parameters accept a label or alternative label (any case) or an IRI.
    """
    catalogue = packaged_queries()
    if name not in catalogue:
        raise QueryError(f"No packaged query '{name}'; available: {', '.join(catalogue)}")
    pq = catalogue[name]
    params = dict(params or {})
    unknown = sorted(set(params) - set(pq.params))
    if unknown:
        raise QueryError(f"Query '{name}' has no parameter {', '.join(unknown)}; "
                         f"its parameters: {', '.join(pq.params) or 'none'}")
    onto = load_ontology()
    store = graph
    if endpoint is None and not isinstance(graph, GraphStore):
        store = open_store(graph, engine=engine)
    cache: list[list[tuple[str, str]]] = []

    def lookup(value: str) -> str:
        if not cache:
            cache.append(_labels(store, endpoint, **kw))
        return _match_name(value, cache[0])

    bindings = {}
    for pname, (kind, default, _help) in pq.params.items():
        value = params.get(pname, default)
        if value == "":
            raise QueryError(f"Query '{name}' needs --param {pname}=... ({kind}: {_help})")
        bindings[pname] = _convert_param(pname, kind, value, lookup, onto)
    return query(store, pq.text, endpoint=endpoint, bindings=bindings, **kw)


# -- graph queries over NetworkX and the statements ------------------------------------------


def _kg(graph: str | Path | KnowledgeGraph) -> KnowledgeGraph:
    return graph if isinstance(graph, KnowledgeGraph) else load_graph(graph)


def resolve_entity(graph: KnowledgeGraph, name: str) -> str:
    """The id of the entity called ``name`` (label or alt label, any case), or a QueryError with suggestions."""
    e = graph.entity(name)
    if e is not None:
        return e.id
    labels = [(x.id, lab) for x in graph.entities.values() for lab in (x.name, *x.alt_labels)]
    _match_name(name, labels)  # raises with suggestions
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path: ``source -relation-> target`` (direction "->"), or against the edge ("<-")."""

    source: str
    relation: str
    target: str
    direction: str

    def __str__(self) -> str:
        return (f"{self.source} -{self.relation}-> {self.target}" if self.direction == "->"
                else f"{self.source} <-{self.relation}- {self.target}")


def _hops(g: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, str]]:
    out = [(d["relation"], "->") for d in g.get_edge_data(u, v, default={}).values()]
    out += [(d["relation"], "<-") for d in g.get_edge_data(v, u, default={}).values()]
    return sorted(set(out))


def path(graph: str | Path | KnowledgeGraph, source: str, target: str, *, limit: int = 10) -> list[list[Hop]]:
    """Shortest paths between two entities (ignoring edge direction), each hop with relation and direction.

    Each path is a list of :class:`Hop`; parallel relations on one hop give one path each.
    An empty list means the two are not connected.
    """
    import itertools

    import networkx as nx

    kgraph = _kg(graph)
    a, b = resolve_entity(kgraph, source), resolve_entity(kgraph, target)
    g = kgraph.to_networkx()
    label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    if a == b:
        return [[]]
    try:
        node_paths = list(itertools.islice(nx.all_shortest_paths(g.to_undirected(as_view=True), a, b), limit))
    except nx.NetworkXNoPath:
        return []
    out: list[list[Hop]] = []
    for nodes in node_paths:
        options = [[Hop(label[u], rel, label[v], d) for rel, d in _hops(g, u, v)] for u, v in zip(nodes, nodes[1:])]
        for combo in itertools.product(*options):
            out.append(list(combo))
            if len(out) >= limit:
                return out
    return out


def neighbors(graph: str | Path | KnowledgeGraph, entity: str, *, depth: int = 1) -> list[dict[str, Any]]:
    """Entities within ``depth`` hops of ``entity`` (either direction), nearest first.

    Each item: ``entity``, ``class``, ``distance``, and the ``hop`` that first
    reached it (``from``, ``relation``, ``direction``).
    """
    if depth < 1:
        raise QueryError(f"depth must be at least 1; got {depth}")
    kgraph = _kg(graph)
    start = resolve_entity(kgraph, entity)
    g = kgraph.to_networkx()
    seen = {start: 0}
    frontier = [start]
    out = []
    for dist in range(1, depth + 1):
        nxt = []
        for u in frontier:
            for v in sorted(set(g.successors(u)) | set(g.predecessors(u))):
                if v in seen:
                    continue
                seen[v] = dist
                nxt.append(v)
                for rel, d in _hops(g, u, v):
                    out.append({"entity": g.nodes[v]["label"], "class": g.nodes[v]["kg_class"],
                                "distance": dist, "from": g.nodes[u]["label"], "relation": rel,
                                "direction": d})
        frontier = nxt
    return out


def _pagerank(g: nx.MultiDiGraph) -> dict[str, float]:
    import networkx as nx

    return nx.pagerank(g, weight="weight") if len(g) else {}


def _degree(g: nx.MultiDiGraph) -> dict[str, float]:
    return {n: float(d) for n, d in g.degree()}


def _betweenness(g: nx.MultiDiGraph) -> dict[str, float]:
    import networkx as nx

    return nx.betweenness_centrality(nx.Graph(g.to_undirected()))


#: Centrality measures for :func:`rank`.
RANKERS: dict[str, Callable[[Any], dict[str, float]]] = {
    "pagerank": _pagerank,
    "degree": _degree,
    "betweenness": _betweenness,
}


def rank(graph: str | Path | KnowledgeGraph, *, by: str = "pagerank", top: int = 10) -> list[tuple[str, float]]:
    """The ``top`` entities by centrality (``pagerank``, ``degree`` or ``betweenness``), highest first."""
    if by not in RANKERS:
        raise QueryError(f"Unknown ranking '{by}'; available: {', '.join(RANKERS)}")
    g = _kg(graph).to_networkx()
    scores = RANKERS[by](g)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))
    return [(g.nodes[n]["label"], round(s, 6)) for n, s in ranked[:top]]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence supporting a relation."""

    subject: str
    relation: str
    object: str
    document: str
    path: str
    start: int
    end: int
    confidence: float
    modality: str
    asserted: bool
    sentence: str
    extractor: str = "rules"  #: "rules", "model" or "both"
    model_confidence: float | None = None  #: the model's probability for this relation, where it scored the pair
    #: other relations read between the same two entities in the same sentence: (relation, extractor, confidence)
    others: tuple[tuple[str, str, float], ...] = ()

    @property
    def agreement(self) -> str:
        """How the two extractors relate on this statement, in words (what ``kg why`` prints)."""
        if self.extractor == "both":
            return f"rules and model agree (model {self.model_confidence or 0:.2f})"
        if self.extractor == "model":
            return "model only: no rule matched"
        if self.model_confidence is not None:
            return f"rules only: the model gave it {self.model_confidence:.2f}, below its threshold"
        return "rules only: the model did not score this pair"


def why(graph: str | Path | KnowledgeGraph, subject: str, relation: str, obj: str) -> list[Evidence]:
    """Every statement behind ``subject relation object``, including sub-relations
    (``why Germany restricts Huawei`` shows the ``bans`` sentences) and, for a
    symmetric relation, statements written the other way round. Highest confidence first.
    """
    kgraph = _kg(graph)
    onto = kgraph.ontology or load_ontology()
    rel = relation.split(":", 1)[1] if relation.startswith("kg:") else relation
    # the ontology's relations, and those of the graph itself (built with `kg build --ontology EXTRA.ttl`)
    known = set(onto.relations) | {st.predicate for st in kgraph.statements.values()}
    if rel not in known and rel != "relation":
        close = difflib.get_close_matches(rel, sorted(known), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise QueryError(f"Unknown relation '{relation}'.{hint} Relations: {', '.join(sorted(known))}")
    s, o = resolve_entity(kgraph, subject), resolve_entity(kgraph, obj)
    out = []
    for st in kgraph.statements.values():
        chain = onto.ancestors(st.predicate) + ["relation"] if st.predicate in onto.relations else [st.predicate]
        if rel not in chain:
            continue
        sym = st.predicate in onto.symmetric
        if (st.subject, st.object) == (s, o) or (sym and (st.subject, st.object) == (o, s)):
            doc = kgraph.documents.get(st.doc_id)
            others = tuple(sorted(
                (x.predicate, x.extractor, x.confidence) for x in kgraph.statements.values()
                if x.doc_id == st.doc_id and x.start == st.start and x.predicate != st.predicate
                and {x.subject, x.object} == {st.subject, st.object}))
            out.append(Evidence(kgraph.entities[st.subject].name, st.predicate, kgraph.entities[st.object].name,
                                st.doc_id, doc.path if doc else "", st.start, st.end, st.confidence,
                                st.modality, st.asserted, st.sentence, st.extractor, st.model_confidence, others))
    return sorted(out, key=lambda e: (-e.confidence, e.document, e.start))
