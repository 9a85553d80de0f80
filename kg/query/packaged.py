"""Packaged queries: the ``kg/queries/*.rq`` files, their declared parameters, run with bindings.

Parameters are converted by their declared types and bound before evaluation,
never pasted into the query text.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.query import Result

from ..errors import QueryError
from ..namespace import KG_IRI
from ..ontology import Ontology, load_ontology
from .sparql import query
from .store import GraphStore, open_store

__all__ = ["Packaged", "packaged_queries", "run_packaged"]

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
