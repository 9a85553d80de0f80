"""Reading built graphs back: a Turtle, N-Triples or JSON-LD file written by ``kg build`` into a
:class:`~kg.model.KnowledgeGraph` (:func:`load_graph`), or into an rdflib Graph (:func:`parse_graph`).

The writer is :mod:`kg.export.rdf`, which also offers these functions under its name.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS

from ..namespace import KG, KG_IRI
from .vocab import QUALIFIER_PROPS as _QUALIFIER_PROPS
from .vocab import SCHEMA, WD

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["GRAPH_FORMATS", "base_iri_of", "from_rdflib", "graph_file", "load_graph", "parse_graph"]


def _local_id(iri: str, base: str) -> str:
    return unquote(iri[len(base):] if iri.startswith(base) else iri.rsplit("/", 1)[-1])


def base_iri_of(namespaces: Iterable[tuple[str, Any]]) -> str:
    """The base IRI a graph was built with, from its bound ``ent:`` prefix."""
    from ..model import DEFAULT_BASE_IRI

    ent = dict(namespaces).get("ent")
    return str(ent)[: -len("entity/")] if ent is not None and str(ent).endswith("entity/") else DEFAULT_BASE_IRI


def _float_or_none(value: rdflib.term.Node | None) -> float | None:
    return float(value.toPython()) if value is not None else None


def _offsets(g: rdflib.Graph, node: rdflib.term.Node) -> dict[str, int]:
    out = {}
    for key, prop in (("subject_start", KG.subjectStart), ("subject_end", KG.subjectEnd),
                      ("object_start", KG.objectStart), ("object_end", KG.objectEnd),
                      ("subject_antecedent_start", KG.subjectAntecedentStart),
                      ("subject_antecedent_end", KG.subjectAntecedentEnd),
                      ("object_antecedent_start", KG.objectAntecedentStart),
                      ("object_antecedent_end", KG.objectAntecedentEnd)):
        value = g.value(node, prop)
        if value is not None:
            out[key] = int(value.toPython())
    return out


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
            issued=str(g.value(node, DCTERMS.issued) or ""), url=str(g.value(node, SCHEMA.url) or ""),
            author=str(g.value(node, SCHEMA.author) or ""), language=str(g.value(node, DCTERMS.language) or ""),
            source_format=str(g.value(node, KG.sourceFormat) or ""),
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
            extractor=str(g.value(node, KG.extractor) or "rules"),
            model_confidence=_float_or_none(g.value(node, KG.modelConfidence)),
            **_offsets(g, node),
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
