"""RDF export with rdflib: Turtle, N-Triples and JSON-LD of the same graph.

Shape: each entity has ``rdf:type`` its class, ``rdfs:label``, ``skos:altLabel``
for other surface forms and ``owl:sameAs`` a Wikidata item when known. Each
asserted relation is a direct triple; every piece of evidence is a
``kg:Statement`` (a subclass of ``rdf:Statement``) with ``rdf:subject``,
``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom`` the document, the
sentence, offsets, confidence, modality and qualifiers.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..model import register_converter, register_writer
from ..namespace import KG, KG_IRI

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["to_rdflib", "PREFIXES", "write_turtle", "write_ntriples", "write_jsonld", "entity_iri"]

SCHEMA = rdflib.Namespace("https://schema.org/")
WD = rdflib.Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in every output (and predeclared for queries).
PREFIXES = {
    "kg": KG_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
}

_QUALIFIER_PROPS = {
    "date": (KG.date, XSD.date),
    "startDate": (KG.startDate, XSD.date),
    "dateText": (KG.dateText, None),
    "role": (KG.role, None),
    "amount": (KG.amount, None),
    "about": (KG.about, None),
}


def entity_iri(graph: KnowledgeGraph, entity_id: str) -> URIRef:
    return URIRef(f"{graph.base_iri}entity/{entity_id}")


def _doc_iri(graph: KnowledgeGraph, doc_id: str) -> URIRef:
    return URIRef(f"{graph.base_iri}document/{doc_id}")


def _stmt_iri(graph: KnowledgeGraph, sid: str) -> URIRef:
    return URIRef(f"{graph.base_iri}statement/{sid}")


def _clean(text: str) -> str:
    """Literals never carry control characters other than tab and newline."""
    return "".join(ch for ch in text if ch >= " " or ch in "\t\n")


def to_rdflib(graph: KnowledgeGraph) -> rdflib.Graph:
    """Build an rdflib Graph of ``graph``."""
    g = rdflib.Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    g.bind("ent", f"{graph.base_iri}entity/")
    g.bind("doc", f"{graph.base_iri}document/")
    g.bind("stmt", f"{graph.base_iri}statement/")

    for e in graph.entities.values():
        node = entity_iri(graph, e.id)
        g.add((node, RDF.type, KG[e.cls]))
        g.add((node, RDFS.label, Literal(_clean(e.name), lang="en")))
        for alt in e.alt_labels:
            g.add((node, SKOS.altLabel, Literal(_clean(alt), lang="en")))
        if e.wikidata:
            g.add((node, OWL.sameAs, WD[e.wikidata]))
        g.add((node, KG.mentionCount, Literal(e.mentions, datatype=XSD.integer)))
        for doc_id in e.documents:
            g.add((node, PROV.wasDerivedFrom, _doc_iri(graph, doc_id)))

    for doc in graph.documents.values():
        node = _doc_iri(graph, doc.doc_id)
        g.add((node, RDF.type, KG.Document))
        if doc.path:
            g.add((node, KG.path, Literal(_clean(doc.path))))
        if doc.title:
            g.add((node, DCTERMS.title, Literal(_clean(doc.title), lang="en")))
        g.add((node, KG.contentHash, Literal(doc.sha256)))
        if doc.date:
            g.add((node, SCHEMA.datePublished, Literal(doc.date, datatype=XSD.date)))

    for r in graph.relations:
        g.add((entity_iri(graph, r.subject), KG[r.predicate], entity_iri(graph, r.object)))

    for st in graph.statements.values():
        node = _stmt_iri(graph, st.id)
        g.add((node, RDF.type, KG.Statement))
        g.add((node, RDF.subject, entity_iri(graph, st.subject)))
        g.add((node, RDF.predicate, KG[st.predicate]))
        g.add((node, RDF.object, entity_iri(graph, st.object)))
        g.add((node, PROV.wasDerivedFrom, _doc_iri(graph, st.doc_id)))
        g.add((node, KG.sentence, Literal(_clean(st.sentence), lang="en")))
        g.add((node, KG.startOffset, Literal(st.start, datatype=XSD.integer)))
        g.add((node, KG.endOffset, Literal(st.end, datatype=XSD.integer)))
        g.add((node, KG.confidence, Literal(Decimal(f"{st.confidence:.3f}"), datatype=XSD.decimal)))
        g.add((node, KG.modality, Literal(st.modality)))
        g.add((node, KG.asserted, Literal(st.asserted)))
        if st.trigger:
            g.add((node, KG.triggerText, Literal(_clean(st.trigger))))
        if st.subject_text:
            g.add((node, KG.subjectText, Literal(_clean(st.subject_text))))
        if st.object_text:
            g.add((node, KG.objectText, Literal(_clean(st.object_text))))
        for key, value in st.qualifiers:
            prop, dtype = _QUALIFIER_PROPS.get(key, (None, None))
            if prop is None:
                continue
            g.add((node, prop, Literal(_clean(value), datatype=dtype)))
    return g


def write_turtle(graph: KnowledgeGraph, path: Path) -> None:
    to_rdflib(graph).serialize(destination=str(path), format="turtle", encoding="utf-8")


def write_ntriples(graph: KnowledgeGraph, path: Path) -> None:
    data = to_rdflib(graph).serialize(format="nt", encoding="utf-8")
    lines = sorted(set(data.decode("utf-8").splitlines()) - {""})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_jsonld(graph: KnowledgeGraph, path: Path) -> None:
    g = to_rdflib(graph)
    context = {p: ns for p, ns in PREFIXES.items()}
    context.update({"ent": f"{graph.base_iri}entity/", "doc": f"{graph.base_iri}document/",
                    "stmt": f"{graph.base_iri}statement/"})
    data = json.loads(g.serialize(format="json-ld", context=context, auto_compact=True))
    items = data.get("@graph")
    if isinstance(items, list):
        items.sort(key=lambda n: str(n.get("@id", "")))
        for node in items:
            for key, value in node.items():
                if isinstance(value, list):
                    value.sort(key=lambda v: json.dumps(v, sort_keys=True))
    path.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")


register_converter("rdflib", to_rdflib)
register_writer("ttl", ".ttl", write_turtle)
register_writer("nt", ".nt", write_ntriples)
register_writer("jsonld", ".jsonld", write_jsonld)

