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
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, unquote

import pyoxigraph
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..model import _convert, register_converter, register_writer
from ..namespace import KG, KG_IRI
from ._text import clean_text

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["to_rdflib", "from_rdflib", "load_graph", "PREFIXES", "write_turtle", "write_ntriples", "write_jsonld",
           "entity_iri", "graph_file", "parse_graph", "GRAPH_FORMATS", "base_iri_of"]

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


def _segment(local: str) -> str:
    """A local id as one IRI path segment: ASCII letters, digits and ``-._~``, the rest %-encoded.

    Ids minted by :func:`kg.linking.slugify` and document slugs are already such
    segments and pass unchanged; anything else (spaces, quotes, slashes, other
    scripts) is percent-encoded so that every RDF parser accepts the IRI.

    >>> _segment("AT_T_Inc")
    'AT_T_Inc'
    >>> _segment('a "b"/c')
    'a%20%22b%22%2Fc'
    """
    return quote(local, safe="")


def entity_iri(graph: KnowledgeGraph, entity_id: str) -> URIRef:
    return URIRef(f"{graph.base_iri}entity/{_segment(entity_id)}")


def _doc_iri(graph: KnowledgeGraph, doc_id: str) -> URIRef:
    return URIRef(f"{graph.base_iri}document/{_segment(doc_id)}")


def _stmt_iri(graph: KnowledgeGraph, sid: str) -> URIRef:
    return URIRef(f"{graph.base_iri}statement/{_segment(sid)}")


def _clean(text: str) -> str:
    """Literals never carry characters that XML 1.0 or raptor reject (see :func:`clean_text`)."""
    return clean_text(text)


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


def _make_sorted_ntriples(graph: KnowledgeGraph) -> str:
    data = graph.to_rdflib().serialize(format="nt", encoding="utf-8")
    return "\n".join(sorted(set(data.decode("utf-8").splitlines()) - {""})) + "\n"


def _sorted_ntriples(graph: KnowledgeGraph) -> str:
    """The graph as N-Triples, one line per distinct triple, lines sorted: the same text every time.

    Made once per :meth:`KnowledgeGraph.write` (the Turtle and N-Triples writers share it).
    """
    return _convert("sorted_ntriples", graph)


def write_turtle(graph: KnowledgeGraph, path: Path) -> None:
    """Turtle by pyoxigraph from the sorted N-Triples: subjects in IRI order, deterministic.

    rdflib's Turtle writer took 24 s for 1M triples, this 5 s (benchmarks/README.md, "Build").
    """
    prefixes = {**PREFIXES, "ent": f"{graph.base_iri}entity/", "doc": f"{graph.base_iri}document/",
                "stmt": f"{graph.base_iri}statement/"}
    first = {f"<{RDF.type}>": "0", f"<{RDFS.label}>": "1", f"<{RDF.subject}>": "2", f"<{RDF.predicate}>": "3",
             f"<{RDF.object}>": "4"}

    def order(line: str) -> tuple[str, str, str]:  # per subject: a, label, subject-predicate-object, rest
        subject, predicate, _ = line.split(" ", 2)
        return subject, first.get(predicate, "5"), line

    lines = sorted(_sorted_ntriples(graph).splitlines(), key=order)
    triples = pyoxigraph.parse("\n".join(lines).encode("utf-8"), format=pyoxigraph.RdfFormat.N_TRIPLES)
    with open(path, "wb") as fh:
        pyoxigraph.serialize(triples, fh, format=pyoxigraph.RdfFormat.TURTLE, prefixes=dict(sorted(prefixes.items())))


def write_ntriples(graph: KnowledgeGraph, path: Path) -> None:
    path.write_text(_sorted_ntriples(graph), encoding="utf-8")


def write_jsonld(graph: KnowledgeGraph, path: Path) -> None:
    g = graph.to_rdflib()
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
register_converter("sorted_ntriples", _make_sorted_ntriples)
register_writer("ttl", ".ttl", write_turtle)
register_writer("nt", ".nt", write_ntriples)
register_writer("jsonld", ".jsonld", write_jsonld)



def _local_id(iri: str, base: str) -> str:
    return unquote(iri[len(base):] if iri.startswith(base) else iri.rsplit("/", 1)[-1])


def base_iri_of(namespaces: Iterable[tuple[str, Any]]) -> str:
    """The base IRI a graph was built with, from its bound ``ent:`` prefix."""
    from ..model import DEFAULT_BASE_IRI

    ent = dict(namespaces).get("ent")
    return str(ent)[: -len("entity/")] if ent is not None and str(ent).endswith("entity/") else DEFAULT_BASE_IRI


def from_rdflib(g: rdflib.Graph, base_iri: str | None = None) -> KnowledgeGraph:
    """Read a graph written by :func:`to_rdflib` back into a :class:`KnowledgeGraph`."""
    from ..model import KnowledgeGraph
    from ..ontology import load_ontology
    from ..types import DocumentRecord, Entity, Relation, Statement

    onto = load_ontology()
    if base_iri is None:
        base_iri = base_iri_of(g.namespaces())
    ent_base, doc_base, st_base = f"{base_iri}entity/", f"{base_iri}document/", f"{base_iri}statement/"
    kg_ns = str(KG_IRI)
    classes = set(onto.classes)
    entities: dict[str, Entity] = {}
    for node in sorted(set(g.subjects(RDFS.label, None))):
        if not str(node).startswith(ent_base):
            continue
        cls = next((str(c)[len(kg_ns):] for c in g.objects(node, RDF.type)
                    if str(c).startswith(kg_ns) and str(c)[len(kg_ns):] in classes), "Entity")
        eid = _local_id(str(node), ent_base)
        sames = sorted(str(s) for s in g.objects(node, OWL.sameAs) if str(s).startswith(str(WD)))
        count = g.value(node, KG.mentionCount)
        docs = sorted(_local_id(str(d), doc_base) for d in g.objects(node, PROV.wasDerivedFrom))
        entities[eid] = Entity(
            id=eid, name=str(g.value(node, RDFS.label)), cls=cls,
            alt_labels=tuple(sorted(str(a) for a in g.objects(node, SKOS.altLabel))),
            wikidata=sames[0][len(str(WD)):] if sames else "",
            mentions=int(count.toPython()) if count is not None else 0, documents=tuple(docs),
        )
    documents = {}
    for node in sorted(g.subjects(RDF.type, KG.Document)):
        did = _local_id(str(node), doc_base)
        published = g.value(node, SCHEMA.datePublished)
        documents[did] = DocumentRecord(
            doc_id=did, path=str(g.value(node, KG.path) or ""), text="",
            sha256=str(g.value(node, KG.contentHash) or ""), title=str(g.value(node, DCTERMS.title) or ""),
            date=str(published) if published is not None else "",
        )
    statements: dict[str, Statement] = {}
    for node in sorted(g.subjects(RDF.type, KG.Statement)):
        sid = _local_id(str(node), st_base)
        quals = []
        for key, (prop, _dtype) in _QUALIFIER_PROPS.items():
            for value in g.objects(node, prop):
                quals.append((key, str(value)))
        doc_iri = g.value(node, PROV.wasDerivedFrom)
        did = _local_id(str(doc_iri), doc_base) if doc_iri is not None else ""
        statements[sid] = Statement(
            id=sid,
            subject=_local_id(str(g.value(node, RDF.subject)), ent_base),
            predicate=str(g.value(node, RDF.predicate))[len(kg_ns):],
            object=_local_id(str(g.value(node, RDF.object)), ent_base),
            doc_id=did,
            sentence=str(g.value(node, KG.sentence) or ""),
            start=int(g.value(node, KG.startOffset).toPython()),
            end=int(g.value(node, KG.endOffset).toPython()),
            confidence=float(g.value(node, KG.confidence).toPython()),
            modality=str(g.value(node, KG.modality) or "fact"),
            subject_text=str(g.value(node, KG.subjectText) or ""),
            object_text=str(g.value(node, KG.objectText) or ""),
            trigger=str(g.value(node, KG.triggerText) or ""),
            qualifiers=tuple(sorted(quals)),
            date=documents[did].date if did in documents else "",
        )
    by_triple: dict[tuple[str, str, str], list[Statement]] = {}
    symmetric = onto.symmetric
    for st in statements.values():
        s, o = st.subject, st.object
        if st.predicate in symmetric and o < s:
            s, o = o, s
        by_triple.setdefault((s, st.predicate, o), []).append(st)
    relations = []
    for s, p, o in sorted(g.triples((None, None, None)), key=lambda t: (str(t[0]), str(t[1]), str(t[2]))):
        ps = str(p)
        if not (ps.startswith(kg_ns) and ps[len(kg_ns):] in onto.relations):
            continue
        if not (str(s).startswith(ent_base) and str(o).startswith(ent_base)):
            continue
        si, pi, oi = _local_id(str(s), ent_base), ps[len(kg_ns):], _local_id(str(o), ent_base)
        key = (min(si, oi), pi, max(si, oi)) if pi in symmetric else (si, pi, oi)
        sts = by_triple.get(key, [])
        facts = [x for x in sts if x.asserted]
        miss = 1.0
        for x in facts:
            miss *= 1.0 - x.confidence
        dates = sorted(x.date for x in facts if x.date)
        relations.append(Relation(key[0], pi, key[2], tuple(sorted(x.id for x in sts)),
                                  round(1.0 - miss, 3) if facts else 0.0, dates[0] if dates else ""))
    first: dict[str, str] = {}
    for e in entities.values():
        ds = sorted(documents[d].date for d in e.documents if d in documents and documents[d].date)
        if ds:
            first[e.id] = ds[0]
    entities = {k: (Entity(e.id, e.name, e.cls, e.alt_labels, e.wikidata, e.mentions, e.documents,
                           first.get(k, "")) if k in first else e) for k, e in entities.items()}
    return KnowledgeGraph(entities=entities, relations=sorted(set(relations), key=lambda r: (r.subject, r.predicate, r.object)),
                          statements=statements, documents=documents, base_iri=base_iri, ontology=onto)


#: File suffixes of the RDF files a build writes, and their rdflib format names.
GRAPH_FORMATS = {".ttl": "turtle", ".nt": "nt", ".jsonld": "json-ld", ".json": "json-ld"}


def graph_file(path: str | Path) -> Path:
    """The graph file ``path`` names: the file itself, or ``graph.ttl`` in a folder."""
    from ..errors import InputError

    p = Path(path)
    if p.is_dir():
        p = p / "graph.ttl"
    if not p.is_file():
        raise InputError(f"No graph at {path}: give a graph file written by 'kg build' "
                         f"({', '.join(sorted(GRAPH_FORMATS))}) or its folder.")
    return p


def parse_graph(path: str | Path, *, strict: bool = False) -> rdflib.Graph:
    """Parse a built graph file (or a build folder's ``graph.ttl``) with rdflib.

    Unknown suffixes are read as Turtle, or refused with ``strict=True``.
    """
    from ..errors import InputError

    p = graph_file(path)
    fmt = GRAPH_FORMATS.get(p.suffix.lower())
    if fmt is None:
        if strict:
            raise InputError(f"Cannot tell the RDF format of {p}: accepted suffixes are {sorted(GRAPH_FORMATS)}.")
        fmt = "turtle"
    try:
        return rdflib.Graph().parse(p, format=fmt)
    except Exception as exc:  # rdflib raises many parser error types
        raise InputError(f"Cannot parse {p} as {fmt}: {exc}") from exc


def load_graph(path: str | Path) -> KnowledgeGraph:
    """Load a built graph from its Turtle file (or the folder holding ``graph.ttl``)."""
    return from_rdflib(parse_graph(path))
