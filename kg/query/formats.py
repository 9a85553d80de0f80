"""Output: a query result as CSV, SPARQL 1.1 JSON results, or rows for the table view."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any

from rdflib import Literal, Variable
from rdflib.query import Result

from ..errors import QueryError
from ..export.rdf import PREFIXES
from ._terms import _select

__all__ = ["FORMATS", "format_result", "table_rows", "short"]

#: Output formats of :func:`format_result` (``table`` is printed by the CLI with rich).
FORMATS = ("table", "csv", "json")


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
    from ..model import DEFAULT_BASE_IRI

    base = base_iri or DEFAULT_BASE_IRI
    prefixes = dict(PREFIXES) | {"ent": f"{base}entity/", "doc": f"{base}document/", "stmt": f"{base}statement/"}
    names, rows = _rows(result)
    return names, [[short(v, prefixes) for v in row] for row in rows]
