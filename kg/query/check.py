"""Safety: parse a query with rdflib's SPARQL parser and inspect its algebra.

Safe by default: ``SERVICE`` and updates are refused unless allowed, which is
decided on the query's algebra (rdflib's SPARQL parser), not by looking for
words.

>>> from kg.query import check_query
>>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
Traceback (most recent call last):
kg.errors.QueryError: The query uses SERVICE (a call to another endpoint: http://example.org/sparql), which is refused unless allowed (allow_service=True, --allow-service).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..errors import QueryError
from ..export.rdf import PREFIXES

__all__ = ["check_query"]

_UPDATE_NAMES = {
    "InsertData": "INSERT DATA", "DeleteData": "DELETE DATA", "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT", "Load": "LOAD", "Clear": "CLEAR", "Drop": "DROP", "Create": "CREATE",
    "Add": "ADD", "Move": "MOVE", "Copy": "COPY",
}


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
