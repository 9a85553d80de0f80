"""Ask the graph: SPARQL with the ontology's entailments, packaged queries, graph queries.

One module per stage: :mod:`~kg.query.check` (parse a query; refuse SERVICE
and updates unless allowed), :mod:`~kg.query.store` (load a graph with the
ontology's entailments materialised), :mod:`~kg.query.sparql` (run a query:
:func:`query`), :mod:`~kg.query.remote` (a remote SPARQL endpoint),
:mod:`~kg.query.formats` (results as CSV, JSON or table rows),
:mod:`~kg.query.packaged` (the queries in ``kg/queries/*.rq``) and
:mod:`~kg.query.graph` (:func:`neighbors`, :func:`path`, :func:`rank`,
:func:`why` on the NetworkX graph and the statements).
"""

from __future__ import annotations

from .check import check_query
from .formats import FORMATS, format_result, short, table_rows
from .graph import RANKERS, Evidence, Hop, neighbors, path, rank, resolve_entity, why
from .packaged import Packaged, packaged_queries, run_packaged
from .remote import EndpointError, http_request, safe_url
from .sparql import query
from .store import ENGINES, ONTOLOGY_GRAPH, GraphStore, open_store

__all__ = [
    "ONTOLOGY_GRAPH", "ENGINES", "FORMATS", "RANKERS", "GraphStore", "Hop", "Evidence",
    "open_store", "check_query", "query", "packaged_queries", "run_packaged", "format_result",
    "resolve_entity", "neighbors", "path", "rank", "why", "EndpointError", "table_rows", "short",
    "safe_url", "http_request", "Packaged",
]
