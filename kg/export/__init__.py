"""Exporters, one module per format family; each registers its writers by name.

``kg.model.WRITERS`` maps a format name (``ttl``, ``nt``, ``jsonld``, ``gexf``,
``graphml``) to its file suffix and writer function.
"""

from __future__ import annotations

from ..model import WRITERS
from . import networkx, rdf  # noqa: F401  (register the formats)

__all__ = ["WRITERS", "FORMATS"]

#: Format names in the order they are written.
FORMATS = tuple(WRITERS)
