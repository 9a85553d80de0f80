"""Exporters, one module per format family; each registers its writers by name.

``kg.model.WRITERS`` maps a format name (``ttl``, ``nt``, ``jsonld``, ``gexf``,
``graphml``, ``html``, ``png``) to its file suffix and writer function. The views
``html`` and ``png`` are registered *on request* (``kg.model.ON_REQUEST``):
``kg export`` writes them, ``kg build`` does not unless asked.
"""

from __future__ import annotations

from ..model import ON_REQUEST, WRITERS
from . import html, networkx, png, rdf  # noqa: F401  (register the formats)

__all__ = ["WRITERS", "FORMATS"]

#: Format names that ``kg build`` writes, in the order they are written.
FORMATS = tuple(n for n in WRITERS if n not in ON_REQUEST)
