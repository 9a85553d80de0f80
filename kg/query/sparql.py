"""Running SPARQL over a built graph or a remote endpoint.

:func:`query` runs SPARQL over a built graph (a ``graph.ttl``, its folder, an
rdflib Graph or a :class:`~kg.model.KnowledgeGraph`) or a remote SPARQL
endpoint. The prefixes of :data:`kg.export.rdf.PREFIXES` are predeclared.
The query is checked first (:func:`~kg.query.check.check_query`), then run
on the store's engine (:mod:`kg.query.store`) or sent to the endpoint
(:mod:`kg.query.remote`).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import rdflib
from rdflib import Variable
from rdflib.query import Result

from ..errors import InputError, KGError, QueryError
from ..export.rdf import PREFIXES, rdflib_term
from ..model import KnowledgeGraph
from ._terms import _as_term, _select, _to_oxigraph_term
from .check import _Checked, _syntax_error, check_query
from .remote import _run_remote
from .store import GraphStore, open_store

__all__ = ["query"]

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
