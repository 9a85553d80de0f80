"""Graph queries over NetworkX and the statements.

Graph queries (:func:`neighbors`, :func:`path`, :func:`rank`, :func:`why`)
work on the NetworkX graph and the statements.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import QueryError
from ..export.rdf import load_graph
from ..model import KnowledgeGraph
from ..ontology import load_ontology
from .packaged import _match_name

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["RANKERS", "Hop", "Evidence", "resolve_entity", "neighbors", "path", "rank", "why"]

def _kg(graph: str | Path | KnowledgeGraph) -> KnowledgeGraph:
    return graph if isinstance(graph, KnowledgeGraph) else load_graph(graph)


def resolve_entity(graph: KnowledgeGraph, name: str) -> str:
    """The id of the entity called ``name`` (label or alt label, any case), or a QueryError with suggestions."""
    e = graph.entity(name)
    if e is not None:
        return e.id
    labels = [(x.id, lab) for x in graph.entities.values() for lab in (x.name, *x.alt_labels)]
    _match_name(name, labels)  # raises with suggestions
    raise AssertionError("unreachable")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of a path: ``source -relation-> target`` (direction "->"), or against the edge ("<-")."""

    source: str
    relation: str
    target: str
    direction: str

    def __str__(self) -> str:
        return (f"{self.source} -{self.relation}-> {self.target}" if self.direction == "->"
                else f"{self.source} <-{self.relation}- {self.target}")


def _hops(g: nx.MultiDiGraph, u: str, v: str) -> list[tuple[str, str]]:
    out = [(d["relation"], "->") for d in g.get_edge_data(u, v, default={}).values()]
    out += [(d["relation"], "<-") for d in g.get_edge_data(v, u, default={}).values()]
    return sorted(set(out))


def path(graph: str | Path | KnowledgeGraph, source: str, target: str, *, limit: int = 10) -> list[list[Hop]]:
    """Shortest paths between two entities (ignoring edge direction), each hop with relation and direction.

    Each path is a list of :class:`Hop`; parallel relations on one hop give one path each.
    An empty list means the two are not connected.
    """
    import itertools

    import networkx as nx

    kgraph = _kg(graph)
    a, b = resolve_entity(kgraph, source), resolve_entity(kgraph, target)
    g = kgraph.to_networkx()
    label = {n: d.get("label", n) for n, d in g.nodes(data=True)}
    if a == b:
        return [[]]
    try:
        node_paths = list(itertools.islice(nx.all_shortest_paths(g.to_undirected(as_view=True), a, b), limit))
    except nx.NetworkXNoPath:
        return []
    out: list[list[Hop]] = []
    for nodes in node_paths:
        options = [[Hop(label[u], rel, label[v], d) for rel, d in _hops(g, u, v)] for u, v in zip(nodes, nodes[1:])]
        for combo in itertools.product(*options):
            out.append(list(combo))
            if len(out) >= limit:
                return out
    return out


def neighbors(graph: str | Path | KnowledgeGraph, entity: str, *, depth: int = 1) -> list[dict[str, Any]]:
    """Entities within ``depth`` hops of ``entity`` (either direction), nearest first.

    Each item: ``entity``, ``class``, ``distance``, and the ``hop`` that first
    reached it (``from``, ``relation``, ``direction``).
    """
    if depth < 1:
        raise QueryError(f"depth must be at least 1; got {depth}")
    kgraph = _kg(graph)
    start = resolve_entity(kgraph, entity)
    g = kgraph.to_networkx()
    seen = {start: 0}
    frontier = [start]
    out = []
    for dist in range(1, depth + 1):
        nxt = []
        for u in frontier:
            for v in sorted(set(g.successors(u)) | set(g.predecessors(u))):
                if v in seen:
                    continue
                seen[v] = dist
                nxt.append(v)
                for rel, d in _hops(g, u, v):
                    out.append({"entity": g.nodes[v]["label"], "class": g.nodes[v]["kg_class"],
                                "distance": dist, "from": g.nodes[u]["label"], "relation": rel,
                                "direction": d})
        frontier = nxt
    return out


def _pagerank(g: nx.MultiDiGraph) -> dict[str, float]:
    import networkx as nx

    return nx.pagerank(g, weight="weight") if len(g) else {}


def _degree(g: nx.MultiDiGraph) -> dict[str, float]:
    return {n: float(d) for n, d in g.degree()}


def _betweenness(g: nx.MultiDiGraph) -> dict[str, float]:
    import networkx as nx

    return nx.betweenness_centrality(nx.Graph(g.to_undirected()))


#: Centrality measures for :func:`rank`.
RANKERS: dict[str, Callable[[Any], dict[str, float]]] = {
    "pagerank": _pagerank,
    "degree": _degree,
    "betweenness": _betweenness,
}


def rank(graph: str | Path | KnowledgeGraph, *, by: str = "pagerank", top: int = 10) -> list[tuple[str, float]]:
    """The ``top`` entities by centrality (``pagerank``, ``degree`` or ``betweenness``), highest first."""
    if by not in RANKERS:
        raise QueryError(f"Unknown ranking '{by}'; available: {', '.join(RANKERS)}")
    g = _kg(graph).to_networkx()
    scores = RANKERS[by](g)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], g.nodes[kv[0]]["label"]))
    return [(g.nodes[n]["label"], round(s, 6)) for n, s in ranked[:top]]


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence supporting a relation."""

    subject: str
    relation: str
    object: str
    document: str
    path: str
    start: int
    end: int
    confidence: float
    modality: str
    asserted: bool
    sentence: str
    extractor: str = "rules"  #: "rules", "model" or "both"
    model_confidence: float | None = None  #: the model's probability for this relation, where it scored the pair
    #: other relations read between the same two entities in the same sentence: (relation, extractor, confidence)
    others: tuple[tuple[str, str, float], ...] = ()

    @property
    def agreement(self) -> str:
        """How the two extractors relate on this statement, in words (what ``kg why`` prints)."""
        if self.extractor == "both":
            return f"rules and model agree (model {self.model_confidence or 0:.2f})"
        if self.extractor == "model":
            return "model only: no rule matched"
        if self.model_confidence is not None:
            return f"rules only: the model gave it {self.model_confidence:.2f}, below its threshold"
        return "rules only: the model did not score this pair"


def why(graph: str | Path | KnowledgeGraph, subject: str, relation: str, obj: str) -> list[Evidence]:
    """Every statement behind ``subject relation object``, including sub-relations
    (``why Germany restricts Kaizhen`` shows the ``bans`` sentences) and, for a
    symmetric relation, statements written the other way round. Highest confidence first.
    """
    kgraph = _kg(graph)
    onto = kgraph.ontology or load_ontology()
    rel = relation.split(":", 1)[1] if relation.startswith("kg:") else relation
    # the ontology's relations, and those of the graph itself (built with `kg build --ontology EXTRA.ttl`)
    known = set(onto.relations) | {st.predicate for st in kgraph.statements.values()}
    if rel not in known and rel != "relation":
        close = difflib.get_close_matches(rel, sorted(known), n=3)
        hint = f" Did you mean: {', '.join(close)}?" if close else ""
        raise QueryError(f"Unknown relation '{relation}'.{hint} Relations: {', '.join(sorted(known))}")
    s, o = resolve_entity(kgraph, subject), resolve_entity(kgraph, obj)
    out = []
    for st in kgraph.statements.values():
        chain = onto.ancestors(st.predicate) + ["relation"] if st.predicate in onto.relations else [st.predicate]
        if rel not in chain:
            continue
        sym = st.predicate in onto.symmetric
        if (st.subject, st.object) == (s, o) or (sym and (st.subject, st.object) == (o, s)):
            doc = kgraph.documents.get(st.doc_id)
            others = tuple(sorted(
                (x.predicate, x.extractor, x.confidence) for x in kgraph.statements.values()
                if x.doc_id == st.doc_id and x.start == st.start and x.predicate != st.predicate
                and {x.subject, x.object} == {st.subject, st.object}))
            out.append(Evidence(kgraph.entities[st.subject].name, st.predicate, kgraph.entities[st.object].name,
                                st.doc_id, doc.path if doc else "", st.start, st.end, st.confidence,
                                st.modality, st.asserted, st.sentence, st.extractor, st.model_confidence, others))
    return sorted(out, key=lambda e: (-e.confidence, e.document, e.start))
