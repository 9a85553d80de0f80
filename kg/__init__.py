"""kg-builder: turn news text into a knowledge graph (RDF, NetworkX, Gephi) with spaCy.

>>> import kg
>>> kg.__version__
'0.1.0'
"""

from __future__ import annotations

from . import export  # noqa: F401  (registers the output formats)
from .build import BuildResult, build as _build
from .errors import ExportError, InputError, KGError, ModelError, OntologyError, QueryError
from .model import DEFAULT_BASE_IRI, KnowledgeGraph
from .query import neighbors, path, query, rank, why

__all__ = [
    "__version__",
    "build",
    "BuildResult",
    "KnowledgeGraph",
    "DEFAULT_BASE_IRI",
    "KGError",
    "InputError",
    "ModelError",
    "OntologyError",
    "ExportError",
    "QueryError",
    "query",
    "path",
    "neighbors",
    "rank",
    "why",
]

__version__ = "0.1.0"


def build(sources, *, model: str | None = None, jobs: int = 1, base_iri: str = DEFAULT_BASE_IRI,
          out=None) -> KnowledgeGraph:
    """Build a :class:`KnowledgeGraph` from paths or raw strings.

    Examples
    --------
    >>> import kg
    >>> graph = kg.build("Amazon invests in Anthropic.")  # doctest: +SKIP
    >>> ("Amazon", "investsIn", "Anthropic") in graph.triples()  # doctest: +SKIP
    True
    """
    return _build(sources, model=model, jobs=jobs, base_iri=base_iri, out=out).graph
