"""Remote endpoints (SPARQL 1.1 Protocol over plain HTTP, with the standard library).

:func:`http_request` and :func:`safe_url` are shared with :mod:`kg.push`.
"""

from __future__ import annotations

import base64
import io
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

import rdflib
from rdflib.query import Result

from ..errors import QueryError
from ..export.rdf import PREFIXES
from ._terms import _as_term
from .check import _Checked

__all__ = ["EndpointError", "safe_url", "http_request"]

class EndpointError(QueryError):
    """A remote endpoint could not be reached (exit 3) or answered with an error (4: 4xx, 5: 5xx)."""

    def __init__(self, message: str, exit_code: int = 3):
        super().__init__(message)
        self.exit_code = exit_code


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
