"""The knowledge graph: entities, relations, and statements with provenance.

:class:`KnowledgeGraph` is built from per-document results (see
:func:`KnowledgeGraph.from_results`) and converts to rdflib and NetworkX.
Everything is sorted, so the same input gives the same graph, byte for byte,
whatever order documents were processed in.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .corpus import find_date
from .errors import ExportError
from .io import commit_all
from .linking import Resolver
from .ontology import Ontology, load_ontology
from .types import DocResult, DocumentRecord, Entity, Relation, RelationMention, SkippedDocument, Statement

if TYPE_CHECKING:
    import networkx
    import rdflib

__all__ = [
    "DEFAULT_BASE_IRI",
    "GraphBuilder",
    "ON_REQUEST",
    "WRITERS",
    "KnowledgeGraph",
    "register_converter",
    "register_writer",
    "resolve_date",
]

#: Where entity, document and statement IRIs are minted unless ``--base-iri`` says otherwise.
DEFAULT_BASE_IRI = "https://w3id.org/kg-builder/graph/"


#: Output formats: name -> (file suffix, writer(graph, path)). Filled by :mod:`kg.export`.
WRITERS: dict[str, tuple[str, Callable[[KnowledgeGraph, Path], None]]] = {}
#: Formats written only when asked for by name (``kg export``, ``write(formats=...)``), not by default.
ON_REQUEST: set[str] = set()
_CONVERTERS: dict[str, Callable[[KnowledgeGraph], Any]] = {}


def register_writer(name: str, suffix: str, writer: Callable[[KnowledgeGraph, Path], None],
                    *, on_request: bool = False) -> None:
    """Register an output format (the exporters call this; see :mod:`kg.export`).

    ``on_request=True``: a view rather than a data format (``html``, ``png``), which
    :meth:`KnowledgeGraph.write` skips unless it is named.
    """
    WRITERS[name] = (suffix, writer)
    if on_request:
        ON_REQUEST.add(name)
    else:
        ON_REQUEST.discard(name)


def register_converter(name: str, converter: Callable[[KnowledgeGraph], Any]) -> None:
    """Register a conversion (``"rdflib"``, ``"networkx"``, ``"ntriples_file"``)."""
    _CONVERTERS[name] = converter


#: While :meth:`KnowledgeGraph.write` runs: conversions already made, so that the writers of one
#: family (Turtle, N-Triples, JSON-LD) share one N-Triples file instead of making it each.
_WRITING: ContextVar[dict[tuple[str, int], tuple[KnowledgeGraph, Any]] | None] = ContextVar(
    "kg_conversions", default=None)


def _convert(name: str, graph: KnowledgeGraph) -> Any:
    try:
        converter = _CONVERTERS[name]
    except KeyError:
        raise KeyError(f"No converter '{name}' registered; available: {sorted(_CONVERTERS)}") from None
    made = _WRITING.get()
    if made is None:
        return converter(graph)
    key = (name, id(graph))
    if key not in made:
        made[key] = (graph, converter(graph))  # the graph is kept too, so its id is not reused
    return made[key][1]


def resolve_date(text: str, reference: str = "") -> str:
    """An ISO date for a date expression, borrowing the year of ``reference`` when missing.

    >>> resolve_date("July 9th, 2024")
    '2024-07-09'
    >>> resolve_date("July 9th", "2024-08-23")
    '2024-07-09'
    >>> resolve_date("late last month")
    ''
    """
    iso = find_date(text)
    if iso:
        return iso
    if reference:
        year = reference[:4]
        iso = find_date(f"{text.strip()}, {year}")
        if iso and re.search(r"\d", text):
            return iso
    return ""


def _combine(confidences: Iterable[float]) -> float:
    """Noisy-or: independent pieces of evidence reinforce each other."""
    miss = 1.0
    for c in confidences:
        miss *= 1.0 - c
    return round(1.0 - miss, 3)


class GraphBuilder:
    """Builds a :class:`KnowledgeGraph` from per-document results as they arrive.

    Each :meth:`add` folds the document's entity mentions into the resolver
    (which keeps tallies per name, not the mentions) and sets the document's
    relation mentions aside in a temporary file (they are needed only once
    the entities are resolved); :meth:`finish` resolves the entities and turns
    relation mentions into statements and relations. Memory grows with the
    number of distinct names, not with the corpus, until :meth:`finish`. The
    graph does not depend on the order of the documents.
    """

    def __init__(self, ontology: Ontology | None = None) -> None:
        self.onto = ontology or load_ontology()
        self.resolver = Resolver(self.onto)
        self.documents: dict[str, DocumentRecord] = {}
        self._spill = tempfile.TemporaryFile(prefix="kg-mentions-")  # deleted when closed or collected
        self._offsets: dict[str, tuple[int, int]] = {}  # doc id -> (offset, length) in the spill file
        self._finished = False

    def add(self, result: DocResult) -> None:
        doc = result.document
        if self._finished:
            raise ValueError("GraphBuilder.finish() was called: make a new builder for another graph")
        known = self.documents.get(doc.doc_id)
        if known is not None:
            if known.sha256 == doc.sha256:
                return  # the same text twice (raw strings get ids from their hash)
            raise ValueError(f"Two different documents with the id {doc.doc_id!r}")
        self.resolver.add(result)
        self.documents[doc.doc_id] = replace(doc, text="")  # its metadata, not its text
        if result.relations:
            data = pickle.dumps(result.relations, protocol=pickle.HIGHEST_PROTOCOL)
            self._offsets[doc.doc_id] = (self._spill.seek(0, os.SEEK_END), len(data))
            self._spill.write(data)

    def _mentions(self, doc_id: str) -> tuple[RelationMention, ...]:
        """A document's relation mentions, back from the spill file (this process wrote them)."""
        where = self._offsets.get(doc_id)
        if where is None:
            return ()
        self._spill.seek(where[0])
        return pickle.loads(self._spill.read(where[1]))

    def finish(self, *, base_iri: str = DEFAULT_BASE_IRI, skipped: Iterable[SkippedDocument] = ()
               ) -> KnowledgeGraph:
        """The graph; once per builder."""
        if self._finished:
            raise ValueError("GraphBuilder.finish() was already called: make a new builder for another graph")
        self._finished = True
        entities, key_to_id = self.resolver.resolve()
        del self.resolver  # let go of the tallies: the statements and the files reuse that memory
        statements: dict[str, Statement] = {}
        for doc_id in sorted(self.documents):
            doc = self.documents[doc_id]
            for r in self._mentions(doc_id):
                st = _statement(doc, r, key_to_id)
                if st is None:
                    continue
                old = statements.get(st.id)
                if old is None or (old.asserted, old.confidence) < (st.asserted, st.confidence):
                    statements[st.id] = st
        self._spill.close()
        grouped: dict[tuple[str, str, str], list[Statement]] = defaultdict(list)
        symmetric = self.onto.symmetric
        for st in statements.values():
            s, o = st.subject, st.object
            if st.predicate in symmetric and o < s:
                s, o = o, s
            grouped[(s, st.predicate, o)].append(st)
        relations = []
        for (s, p, o), sts in sorted(grouped.items()):
            facts = [x for x in sts if x.asserted]
            if not facts:
                continue
            dates = sorted(x.date for x in facts if x.date)
            relations.append(Relation(s, p, o, tuple(sorted(x.id for x in sts)),
                                      _combine(x.confidence for x in facts), dates[0] if dates else ""))
        return KnowledgeGraph(entities=entities, relations=relations, statements=dict(sorted(statements.items())),
                              documents=dict(sorted(self.documents.items())), skipped=list(skipped),
                              base_iri=base_iri, ontology=self.onto)


def _statement(doc: DocumentRecord, r: RelationMention, key_to_id: dict[str, str]) -> Statement | None:
    """The statement a relation mention makes between resolved entities (None: unresolved or reflexive)."""
    s, o = key_to_id.get(r.subject), key_to_id.get(r.object)
    if s is None or o is None or s == o:
        return None
    quals = []
    for k, v in r.qualifiers:
        if k in {"date", "startDate"}:
            iso = resolve_date(v, doc.date)
            quals.append((k, iso) if iso else ("dateText", v))
        else:
            quals.append((k, v))
    digest = hashlib.sha256(
        "\x1f".join([doc.doc_id, s, r.predicate, o, str(r.start), str(r.end)]).encode()
    ).hexdigest()[:16]
    return Statement(
        id=f"{doc.doc_id}-{digest}", subject=s, predicate=r.predicate, object=o, doc_id=doc.doc_id,
        sentence=r.sentence, start=r.start, end=r.end, confidence=r.confidence,
        modality=r.modality, subject_text=r.subject_text, object_text=r.object_text,
        trigger=r.trigger, qualifiers=tuple(sorted(set(quals))), date=doc.date,
        extractor=r.extractor, model_confidence=r.model_confidence,
        subject_start=r.subject_start, subject_end=r.subject_end, object_start=r.object_start,
        object_end=r.object_end, subject_antecedent_start=r.subject_antecedent_start,
        subject_antecedent_end=r.subject_antecedent_end, object_antecedent_start=r.object_antecedent_start,
        object_antecedent_end=r.object_antecedent_end,
    )


@dataclass
class KnowledgeGraph:
    """Entities, relations and statements of a corpus.

    >>> import kg
    >>> graph = kg.KnowledgeGraph.from_results([])
    >>> len(graph.entities), len(graph.relations)
    (0, 0)
    """

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    statements: dict[str, Statement] = field(default_factory=dict)
    documents: dict[str, DocumentRecord] = field(default_factory=dict)
    skipped: list[SkippedDocument] = field(default_factory=list)
    base_iri: str = DEFAULT_BASE_IRI
    ontology: Ontology | None = None

    # -- construction ---------------------------------------------------------------

    @classmethod
    def from_results(cls, results: Iterable[DocResult], *, base_iri: str = DEFAULT_BASE_IRI,
                     skipped: Iterable[SkippedDocument] = (), ontology: Ontology | None = None
                     ) -> KnowledgeGraph:
        """The graph of per-document results, in any order (see :class:`GraphBuilder`)."""
        builder = GraphBuilder(ontology)
        for result in results:
            builder.add(result)
        return builder.finish(base_iri=base_iri, skipped=skipped)

    # -- views ------------------------------------------------------------------------

    def entity(self, name: str) -> Entity | None:
        """The entity called ``name`` (label or alternative label, any case), if any."""
        low = name.casefold()
        for e in self.entities.values():
            if e.name.casefold() == low or e.id.casefold() == low:
                return e
        for e in self.entities.values():
            if any(a.casefold() == low for a in e.alt_labels):
                return e
        return None

    def triples(self) -> list[tuple[str, str, str]]:
        """(subject name, relation, object name) of every asserted relation."""
        return [(self.entities[r.subject].name, r.predicate, self.entities[r.object].name)
                for r in self.relations]

    def to_rdflib(self) -> rdflib.Graph:
        """The graph as an rdflib Graph (entities, relations, statements, documents)."""
        return _convert("rdflib", self)

    def to_networkx(self) -> networkx.MultiDiGraph:
        """The graph as a NetworkX MultiDiGraph: one node per entity, one edge per relation."""
        return _convert("networkx", self)

    def write(self, folder: str | Path, formats: Iterable[str] | None = None) -> list[Path]:
        """Write the graph files into ``folder`` (atomically); returns the paths written.

        ``formats`` are names of :data:`WRITERS` (default: all but those in :data:`ON_REQUEST`).
        """
        names = list(formats) if formats is not None else [n for n in WRITERS if n not in ON_REQUEST]
        unknown = [n for n in names if n not in WRITERS]
        if unknown:
            raise ExportError(f"Unknown output format(s) {unknown}; available: {sorted(WRITERS)}")
        folder = Path(folder)
        jobs = []
        for name in names:
            suffix, writer = WRITERS[name]
            jobs.append((folder / f"graph{suffix}", lambda path, w=writer: w(self, path)))
        token = _WRITING.set({})
        try:
            return commit_all(jobs)
        finally:
            _WRITING.reset(token)

    def summary(self) -> dict[str, int]:
        return {
            "documents": len(self.documents),
            "skipped": len(self.skipped),
            "entities": len(self.entities),
            "relations": len(self.relations),
            "statements": len(self.statements),
        }


