"""The query store: a graph loaded with the ontology's entailments (+ the ontology in a named graph).

Entailments are *materialised* when the graph is loaded, from the ontology
(``ontology/kg.ttl``): for every relation triple its super-properties
(``bans`` -> ``restricts`` -> ``relation``), for symmetric relations the
reverse triple, and for every ``rdf:type`` the superclasses. The ontology
itself sits in the named graph ``<https://w3id.org/kg-builder/ontology>``.
The engine is pyoxigraph (embedded, in memory); ``engine="rdflib"`` runs the
same thing on rdflib's engine.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import rdflib
from rdflib import BNode, URIRef
from rdflib.namespace import RDF

from ..errors import InputError, QueryError
from ..export.rdf import base_iri_of, graph_file, parse_graph
from ..model import KnowledgeGraph
from ..namespace import KG_IRI
from ..ontology import Ontology, load_ontology

__all__ = ["ONTOLOGY_GRAPH", "ENGINES", "GraphStore", "open_store"]

#: The named graph that holds the ontology (T-box) in a query store.
ONTOLOGY_GRAPH = "https://w3id.org/kg-builder/ontology"


def _entailed(triples: Iterable[tuple[str, str, str]], onto: Ontology) -> set[tuple[str, str, str]]:
    """The triples the ontology entails from ``triples`` (IRIs as strings), not already among them."""
    kg = KG_IRI
    rdf_type = str(RDF.type)
    out: set[tuple[str, str, str]] = set()
    symmetric = onto.symmetric
    for s, p, o in triples:
        if p == rdf_type and o.startswith(kg):
            for sup in onto.classes.get(o[len(kg):], ()):
                out.add((s, p, kg + sup))
            continue
        if not p.startswith(kg) or p[len(kg):] not in onto.relations:
            continue
        name = p[len(kg):]
        pairs = [(s, o), (o, s)] if name in symmetric else [(s, o)]
        for a, b in pairs:
            for sup in onto.ancestors(name):
                out.add((a, kg + sup, b))
            out.add((a, kg + "relation", b))
    return out


def _relation_predicates(onto: Ontology) -> list[str]:
    return [KG_IRI + r for r in onto.relations]


class GraphStore:
    """A graph loaded for querying, with the ontology's entailments materialised."""

    def __init__(self, engine: str, backend: Any, onto: Ontology, base_iri: str, seconds: float = 0.0):
        self.engine, self.backend, self.ontology, self.base_iri = engine, backend, onto, base_iri
        self.seconds = seconds

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"GraphStore(engine={self.engine!r}, base_iri={self.base_iri!r})"


def _open_oxigraph(source: Any, onto: Ontology) -> tuple[Any, str]:
    import pyoxigraph as ox

    store = ox.Store()
    base = None
    if isinstance(source, rdflib.Graph):
        store.load(source.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES,
                   to_graph=ox.DefaultGraph())
        base = base_iri_of(source.namespaces())
    else:
        p = graph_file(source)
        fmt = ox.RdfFormat.from_extension(p.suffix.lstrip(".").lower()) or ox.RdfFormat.TURTLE
        try:
            store.bulk_load(path=str(p), format=fmt, to_graph=ox.DefaultGraph())
        except (SyntaxError, ValueError, OSError) as exc:
            raise InputError(f"Cannot parse {p}: {exc}") from exc
        if fmt == ox.RdfFormat.TURTLE:
            with open(p, encoding="utf-8") as fh:
                head = fh.read(4096)
            m = re.search(r"@prefix\s+ent:\s*<([^>]*)>", head)
            if m and m.group(1).endswith("entity/"):
                base = m.group(1)[: -len("entity/")]
    store.bulk_load(path=str(onto.directory / "kg.ttl"), format=ox.RdfFormat.TURTLE,
                    to_graph=ox.NamedNode(ONTOLOGY_GRAPH))
    # materialise: relation triples and rdf:type triples of the default graph
    found = []
    for pred in [*_relation_predicates(onto), str(RDF.type)]:
        for q in store.quads_for_pattern(None, ox.NamedNode(pred), None, ox.DefaultGraph()):
            if isinstance(q.object, ox.NamedNode) and not isinstance(q.subject, ox.Triple):
                found.append((q.subject.value, pred, q.object.value, isinstance(q.subject, ox.BlankNode)))
    bnodes = {s for s, _, _, b in found if b}
    extra = _entailed(((s, p, o) for s, p, o, _ in found), onto)

    def node(v: str) -> Any:
        return ox.BlankNode(v) if v in bnodes else ox.NamedNode(v)

    store.extend(ox.Quad(node(s), ox.NamedNode(p), ox.NamedNode(o), ox.DefaultGraph()) for s, p, o in extra)
    from ..model import DEFAULT_BASE_IRI

    return store, base or DEFAULT_BASE_IRI


def _open_rdflib(source: Any, onto: Ontology) -> tuple[Any, str]:
    data = source if isinstance(source, rdflib.Graph) else parse_graph(source)
    ds = rdflib.Dataset()
    default = ds.default_graph if hasattr(type(ds), "default_graph") else ds.default_context
    for t in data:
        default.add(t)
    for prefix, ns in data.namespaces():
        ds.bind(prefix, ns, override=False)
    triples = ((str(s), str(p), str(o)) for s, p, o in data
               if isinstance(o, URIRef) and (p == RDF.type or str(p).startswith(KG_IRI)))
    for s, p, o in _entailed(list(triples), onto):
        default.add((BNode(s) if (BNode(s), None, None) in data else URIRef(s), URIRef(p), URIRef(o)))
    onto_graph = ds.graph(URIRef(ONTOLOGY_GRAPH))
    for t in onto.graph:
        onto_graph.add(t)
    return ds, base_iri_of(data.namespaces())


#: Query engines: name -> loader(source, ontology) -> (backend, base IRI).
ENGINES: dict[str, Callable[[Any, Ontology], tuple[Any, str]]] = {
    "oxigraph": _open_oxigraph,
    "rdflib": _open_rdflib,
}


def open_store(source: str | Path | rdflib.Graph | KnowledgeGraph, *, engine: str = "oxigraph",
               ontology: Ontology | None = None) -> GraphStore:
    """Load a graph for querying (entailments materialised); reuse it for many queries."""
    import time

    if engine not in ENGINES:
        raise QueryError(f"Unknown engine '{engine}'; available: {', '.join(ENGINES)}")
    if isinstance(source, KnowledgeGraph):
        source = source.to_rdflib()
    onto = ontology or load_ontology()
    t0 = time.perf_counter()
    backend, base = ENGINES[engine](source, onto)
    return GraphStore(engine, backend, onto, base, time.perf_counter() - t0)
