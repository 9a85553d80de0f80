"""Terms and results shared by the engines, the endpoint client and the output formats.

Python values -> rdflib terms (:func:`_as_term`) -> pyoxigraph terms
(:func:`_to_oxigraph_term`); rows -> a SELECT :class:`~rdflib.query.Result`
(:func:`_select`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rdflib import BNode, Literal, URIRef, Variable
from rdflib.query import Result

from ..errors import QueryError

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
