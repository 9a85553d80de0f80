"""RDF export with rdflib: Turtle, N-Triples and JSON-LD of the same graph.

Shape: each entity has ``rdf:type`` its class, ``rdfs:label``, ``skos:altLabel``
for other surface forms and ``owl:sameAs`` a Wikidata item when known. Each
asserted relation is a direct triple; every piece of evidence is a
``kg:Statement`` (a subclass of ``rdf:Statement``) with ``rdf:subject``,
``rdf:predicate``, ``rdf:object``, ``prov:wasDerivedFrom`` the document, the
sentence, offsets, confidence, modality and qualifiers. Reading the files back
is :mod:`kg.export.rdf_read` (its functions are offered here too); the prefixes
and qualifier properties both share are :mod:`kg.export.vocab`.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import pyoxigraph as ox
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..model import _convert, register_converter, register_writer
from ..namespace import KG, KG_IRI
from ._text import clean_text
from .rdf_read import GRAPH_FORMATS, base_iri_of, from_rdflib, graph_file, load_graph, parse_graph
from .vocab import PREFIXES, SCHEMA, WD
from .vocab import QUALIFIER_PROPS as _QUALIFIER_PROPS

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["to_rdflib", "from_rdflib", "load_graph", "PREFIXES", "write_turtle", "write_ntriples", "write_jsonld",
           "entity_iri", "graph_file", "parse_graph", "GRAPH_FORMATS", "base_iri_of", "iter_triples",
           "jsonld_nodes", "prefixes_of", "rdflib_term"]



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
    return local if _UNRESERVED.fullmatch(local) else quote(local, safe="")


#: What ``quote(..., safe="")`` leaves as it is.
_UNRESERVED = re.compile(r"[A-Za-z0-9_.~-]*")


def entity_iri(graph: KnowledgeGraph, entity_id: str) -> URIRef:
    return URIRef(f"{graph.base_iri}entity/{_segment(entity_id)}")


def _clean(text: str) -> str:
    """Literals never carry characters that XML 1.0 or raptor reject (see :func:`clean_text`)."""
    return clean_text(text)


class _Terms:
    """pyoxigraph terms of one graph, each IRI made once however often it is used."""

    def __init__(self, graph: KnowledgeGraph) -> None:
        self.entity_base = f"{graph.base_iri}entity/"
        self.doc_base = f"{graph.base_iri}document/"
        self.stmt_base = f"{graph.base_iri}statement/"
        self._entities: dict[str, ox.NamedNode] = {}
        self._docs: dict[str, ox.NamedNode] = {}
        self._vocab: dict[str, ox.NamedNode] = {}

    def entity(self, entity_id: str) -> ox.NamedNode:
        node = self._entities.get(entity_id)
        if node is None:
            node = self._entities[entity_id] = ox.NamedNode(self.entity_base + _segment(entity_id))
        return node

    def doc(self, doc_id: str) -> ox.NamedNode:
        node = self._docs.get(doc_id)
        if node is None:
            node = self._docs[doc_id] = ox.NamedNode(self.doc_base + _segment(doc_id))
        return node

    def statement(self, sid: str) -> ox.NamedNode:
        return ox.NamedNode(self.stmt_base + _segment(sid))

    def __getitem__(self, iri: str) -> ox.NamedNode:
        """A vocabulary term (``terms[str(RDF.type)]``)."""
        node = self._vocab.get(iri)
        if node is None:
            node = self._vocab[iri] = ox.NamedNode(iri)
        return node


def iter_triples(graph: KnowledgeGraph) -> Iterator[ox.Triple]:
    """Every triple of ``graph``, subject by subject, in one fixed order: the same graph, the same stream.

    Documents first (by id), then entities (by id), each followed by the
    relations it is the subject of, then statements (by id). Within a subject the
    order is fixed too (type, label, then the rest), so Turtle written from the
    stream reads well and every writer gives the same bytes for the same graph.
    """
    Triple = ox.Triple
    for s, p, o in _iter_terms(graph):
        yield Triple(s, p, o)


def _iter_terms(graph: KnowledgeGraph) -> Iterator[tuple[Any, Any, Any]]:
    """The triples of :func:`iter_triples` as (subject, predicate, object) tuples of pyoxigraph terms (a
    ``Triple`` object costs ten times a term: :func:`to_rdflib` and the JSON-LD writer read the terms alone;
    pyoxigraph's writers take :func:`iter_triples`)."""
    t = _Terms(graph)
    a, label, derived = t[str(RDF.type)], t[str(RDFS.label)], t[str(PROV.wasDerivedFrom)]
    integer, decimal, boolean = t[str(XSD.integer)], t[str(XSD.decimal)], t[str(XSD.boolean)]
    xsd_string = t[str(XSD.string)]
    Literal_ = ox.Literal

    for doc_id in sorted(graph.documents):
        doc = graph.documents[doc_id]
        node = t.doc(doc_id)
        yield (node, a, t[str(KG.Document)])
        if doc.path:
            yield (node, t[str(KG.path)], Literal_(_clean(doc.path)))
        if doc.title:
            yield (node, t[str(DCTERMS.title)], Literal_(_clean(doc.title), language="en"))
        yield (node, t[str(KG.contentHash)], Literal_(doc.sha256))
        if doc.date:
            yield (node, t[str(SCHEMA.datePublished)], Literal_(doc.date, datatype=t[str(XSD.date)]))
        yield from _document_metadata(t, node, doc)

    by_subject: dict[str, list[tuple[str, str]]] = {}
    for r in graph.relations:
        by_subject.setdefault(r.subject, []).append((r.predicate, r.object))
    alt, same, count = t[str(SKOS.altLabel)], t[str(OWL.sameAs)], t[str(KG.mentionCount)]
    for eid in sorted(graph.entities):
        e = graph.entities[eid]
        node = t.entity(eid)
        yield (node, a, t[KG_IRI + e.cls])
        yield (node, label, Literal_(_clean(e.name), language="en"))
        for name in sorted(set(e.alt_labels)):
            yield (node, alt, Literal_(_clean(name), language="en"))
        if e.wikidata:
            yield (node, same, t[str(WD) + e.wikidata])
        yield (node, count, Literal_(str(e.mentions), datatype=integer))
        for doc_id in sorted(set(e.documents)):
            yield (node, derived, t.doc(doc_id))
        for predicate, obj in sorted(set(by_subject.get(eid, ()))):
            yield (node, t[KG_IRI + predicate], t.entity(obj))

    subject, predicate, object_ = t[str(RDF.subject)], t[str(RDF.predicate)], t[str(RDF.object)]
    sentence, start, end = t[str(KG.sentence)], t[str(KG.startOffset)], t[str(KG.endOffset)]
    confidence, modality, asserted = t[str(KG.confidence)], t[str(KG.modality)], t[str(KG.asserted)]
    trigger, subject_text, object_text = t[str(KG.triggerText)], t[str(KG.subjectText)], t[str(KG.objectText)]
    extractor, model_confidence = t[str(KG.extractor)], t[str(KG.modelConfidence)]
    offsets = (t[str(KG.subjectStart)], t[str(KG.subjectEnd)], t[str(KG.objectStart)], t[str(KG.objectEnd)])
    subject_antecedent = (t[str(KG.subjectAntecedentStart)], t[str(KG.subjectAntecedentEnd)])
    object_antecedent = (t[str(KG.objectAntecedentStart)], t[str(KG.objectAntecedentEnd)])
    statement_class = t[str(KG.Statement)]
    qualifier_terms = {key: (t[str(prop)], t[str(dtype)] if dtype is not None else None)
                       for key, (prop, dtype) in _QUALIFIER_PROPS.items()}
    literals: dict[tuple[str, Any], ox.Literal] = {}  # the few values that repeat (modality, confidence, ...)

    def typed(value: str, datatype: ox.NamedNode) -> ox.Literal:
        lit = literals.get((value, datatype))
        if lit is None:
            lit = literals[(value, datatype)] = Literal_(value, datatype=datatype)
        return lit

    true, false = Literal_("true", datatype=boolean), Literal_("false", datatype=boolean)
    statement_date, xsd_date = t[str(DCTERMS.date)], t[str(XSD.date)]
    for sid in sorted(graph.statements):
        st = graph.statements[sid]
        node = t.statement(sid)
        yield (node, a, statement_class)
        yield (node, subject, t.entity(st.subject))
        yield (node, predicate, t[KG_IRI + st.predicate])
        yield (node, object_, t.entity(st.object))
        yield (node, derived, t.doc(st.doc_id))
        yield (node, sentence, Literal_(_clean(st.sentence), language="en"))
        yield (node, start, Literal_(str(st.start), datatype=integer))
        yield (node, end, Literal_(str(st.end), datatype=integer))
        yield (node, confidence, typed(f"{st.confidence:.3f}", decimal))
        yield (node, modality, typed(st.modality, xsd_string))
        yield (node, asserted, true if st.asserted else false)
        yield (node, extractor, typed(st.extractor, xsd_string))
        if st.model_confidence is not None:
            yield (node, model_confidence, typed(f"{st.model_confidence:.3f}", decimal))
        if st.subject_start >= 0:
            for prop, value in zip(offsets, (st.subject_start, st.subject_end, st.object_start, st.object_end)):
                yield (node, prop, Literal_(str(value), datatype=integer))
        for props, values in ((subject_antecedent, (st.subject_antecedent_start, st.subject_antecedent_end)),
                              (object_antecedent, (st.object_antecedent_start, st.object_antecedent_end))):
            if values[0] >= 0:
                for prop, value in zip(props, values):
                    yield (node, prop, Literal_(str(value), datatype=integer))
        if st.trigger:
            yield (node, trigger, Literal_(_clean(st.trigger)))
        if st.subject_text:
            yield (node, subject_text, Literal_(_clean(st.subject_text)))
        if st.object_text:
            yield (node, object_text, Literal_(_clean(st.object_text)))
        for key, value in sorted(set(st.qualifiers)):
            prop, dtype = qualifier_terms.get(key, (None, None))
            if prop is not None:
                yield (node, prop, Literal_(_clean(value), datatype=dtype) if dtype is not None
                       else Literal_(_clean(value)))
        when = _statement_date(st)
        if when:
            yield (node, statement_date, typed(when, xsd_date))


# -- where and when documents were published (kg.ingest) -------------------------------------

#: An absolute http(s) IRI with nothing RDF forbids in an IRI (RFC 3987 excludes these characters).
_WEB_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`\x00-\x20\x7f]+", re.IGNORECASE)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})?")


def _document_metadata(t: _Terms, node: ox.NamedNode, doc: Any) -> Iterator[tuple[Any, Any, Any]]:
    """A document's publication metadata: time, URL, author, language and the format it was read from.

    ``dcterms:issued`` (``xsd:dateTime``) when the source gives the time of
    publication, beside the day in ``schema:datePublished``; ``schema:url``
    as an IRI when it is an absolute http(s) IRI; ``schema:author`` and
    ``dcterms:language`` as literals; ``kg:sourceFormat``.
    """
    Literal_ = ox.Literal
    if doc.issued and _DATETIME.fullmatch(doc.issued):
        yield (node, t[str(DCTERMS.issued)], Literal_(doc.issued, datatype=t[str(XSD.dateTime)]))
    if doc.url and _WEB_IRI.fullmatch(doc.url):
        yield (node, t[str(SCHEMA.url)], t[doc.url])
    if doc.author:
        yield (node, t[str(SCHEMA.author)], Literal_(_clean(doc.author)))
    if doc.language:
        yield (node, t[str(DCTERMS.language)], Literal_(doc.language))
    if doc.source_format:
        yield (node, t[str(KG.sourceFormat)], Literal_(doc.source_format))


def _statement_date(st: Any) -> str:
    """The day a statement speaks of: the date its sentence gives (``kg:date``, else ``kg:startDate``),
    else its document's publication day. Written as ``dcterms:date``: "what changed since June"."""
    quals = dict(st.qualifiers)
    for key in ("date", "startDate"):
        if _DATE.fullmatch(quals.get(key, "")):
            return quals[key]
    return st.date[:10] if _DATE.fullmatch(st.date[:10]) else ""


def prefixes_of(graph: KnowledgeGraph) -> dict[str, str]:
    """Prefix -> namespace bound in the files of ``graph``: :data:`PREFIXES` and its ``ent:``, ``doc:``, ``stmt:``."""
    return dict(sorted({**PREFIXES, "ent": f"{graph.base_iri}entity/", "doc": f"{graph.base_iri}document/",
                        "stmt": f"{graph.base_iri}statement/"}.items()))


def rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> rdflib.term.Identifier | None:
    """The rdflib term for a pyoxigraph term (plain literals stay plain, not ``xsd:string``); None stays None."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return rdflib.BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == str(XSD.string) else URIRef(dt))
    raise TypeError(f"Unsupported RDF term: {term!r}")


def to_rdflib(graph: KnowledgeGraph) -> rdflib.Graph:
    """Build an rdflib Graph of ``graph`` (the triples of :func:`iter_triples`, prefixes bound)."""
    g = rdflib.Graph()
    for prefix, ns in prefixes_of(graph).items():
        g.bind(prefix, ns, override=True, replace=True)
    add = g.add
    for s, p, o in _iter_terms(graph):
        add((rdflib_term(s), rdflib_term(p), rdflib_term(o)))
    return g


def _ntriples_file(graph: KnowledgeGraph) -> Any:
    """The graph as N-Triples in a temporary file (a :func:`tempfile.NamedTemporaryFile`).

    Made once per :meth:`KnowledgeGraph.write`: the N-Triples, Turtle and
    JSON-LD writers all read it, since making the Python terms costs far more
    than pyoxigraph's parsing them back. The file is deleted when the handle is
    dropped, with the write's other conversions.
    """
    handle = tempfile.NamedTemporaryFile(prefix="kg-", suffix=".nt")
    ox.serialize(iter_triples(graph), handle, format=ox.RdfFormat.N_TRIPLES)
    handle.flush()
    return handle


def _read_ntriples(handle: Any) -> Iterator[ox.Triple]:
    return ox.parse(path=handle.name, format=ox.RdfFormat.N_TRIPLES)


def write_ntriples(graph: KnowledgeGraph, path: Path) -> None:
    """N-Triples, one triple per line in :func:`iter_triples` order (pyoxigraph's writer)."""
    handle = _convert("ntriples_file", graph)  # held until copied: dropping it deletes the file
    shutil.copyfile(handle.name, path)


def write_turtle(graph: KnowledgeGraph, path: Path) -> None:
    """Turtle by pyoxigraph, subject by subject in :func:`iter_triples` order, with the graph's prefixes.

    rdflib's Turtle writer took 24 s for 1M triples (benchmarks/README.md, "Build").
    """
    handle = _convert("ntriples_file", graph)
    with open(path, "wb") as fh:
        ox.serialize(_read_ntriples(handle), fh, format=ox.RdfFormat.TURTLE, prefixes=prefixes_of(graph))


def _compact(iri: str, prefixes: list[tuple[str, str]]) -> str:
    """``prefix:local`` for an IRI under one of ``prefixes`` (longest namespace first), else the IRI."""
    for prefix, ns in prefixes:
        if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def jsonld_nodes(triples: Iterable[ox.Triple], prefixes: dict[str, str]) -> Iterator[dict[str, Any]]:
    """Compacted JSON-LD node objects, one per run of triples with the same subject.

    Ids, keys, types and datatypes are compact IRIs under ``prefixes`` (the
    ``@context`` of the document); a plain string is a plain JSON string, a
    language-tagged one ``{"@value", "@language"}``, other literals
    ``{"@value", "@type"}``; a key with several values has a list.
    """
    return _jsonld_nodes(((tr.subject, tr.predicate, tr.object) for tr in triples), prefixes)


def _jsonld_nodes(triples: Iterable[tuple[Any, Any, Any]], prefixes: dict[str, str]) -> Iterator[dict[str, Any]]:
    """:func:`jsonld_nodes` of (subject, predicate, object) tuples of pyoxigraph terms."""
    ordered = sorted(prefixes.items(), key=lambda kv: -len(kv[1]))
    short: dict[Any, str] = {}  # term -> compact IRI, for terms that repeat (predicates, classes, objects)

    def compact(term: Any) -> str:
        iri = short.get(term)
        if iri is None:
            iri = short[term] = _compact(term.value, ordered) if isinstance(term, ox.NamedNode) \
                else f"_:{term.value}"
        return iri

    rdf_type, xsd_string = ox.NamedNode(str(RDF.type)), ox.NamedNode(str(XSD.string))
    NamedNode, BlankNode = ox.NamedNode, ox.BlankNode
    node: dict[str, Any] = {}
    current = None
    for subject, predicate, obj in triples:
        if subject != current:
            if current is not None:
                yield node
            current = subject
            node = {"@id": _compact(subject.value, ordered) if type(subject) is NamedNode else f"_:{subject.value}"}
        kind = type(obj)
        if predicate == rdf_type and kind is NamedNode:
            key, value = "@type", compact(obj)
        else:
            key = compact(predicate)
            if kind is NamedNode:
                value = {"@id": compact(obj)}
            elif kind is BlankNode:
                value = {"@id": f"_:{obj.value}"}
            elif obj.language:
                value = {"@value": obj.value, "@language": obj.language}
            else:
                datatype = obj.datatype
                value = obj.value if datatype == xsd_string else {"@value": obj.value, "@type": compact(datatype)}
        old = node.get(key)
        if old is None:
            node[key] = value
        elif type(old) is list:
            old.append(value)
        else:
            node[key] = [old, value]
    if current is not None:
        yield node


def write_jsonld(graph: KnowledgeGraph, path: Path) -> None:
    """JSON-LD with a compact ``@context`` (the graph's prefixes), one node object per subject.

    Written as it is read, node by node, so a big graph never sits in memory as
    one JSON document; each piece of JSON text comes from :func:`json.dumps`.
    """
    prefixes = prefixes_of(graph)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{\n"@context": ' + json.dumps(prefixes, indent=2, ensure_ascii=False) + ',\n"@graph": [')
        sep = "\n"
        # (from the terms themselves: making them again costs less than parsing the N-Triples file back into
        # Triples and reading each Triple's terms out of it)
        for node in _jsonld_nodes(_iter_terms(graph), prefixes):
            fh.write(sep + json.dumps(node, ensure_ascii=False))
            sep = ",\n"
        fh.write("\n]\n}\n")


register_converter("rdflib", to_rdflib)
register_converter("ntriples_file", _ntriples_file)
register_writer("ttl", ".ttl", write_turtle)
register_writer("nt", ".nt", write_ntriples)
register_writer("jsonld", ".jsonld", write_jsonld)
