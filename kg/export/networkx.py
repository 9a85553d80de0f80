"""NetworkX export, and from it GEXF and GraphML for Gephi and Gephi Lite.

One node per entity (label, class, colour from the ontology's palette, size
from weighted degree), one edge per relation between two nodes (relation as
label, weight = number of supporting statements, confidence). Attribute
values are flat scalars; no edge attribute is called ``type`` and no node
attribute ``id`` (they break Gephi's parsers); edge keys are unique across
the whole graph (GraphML edge ids).
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from ..model import register_converter, register_writer

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["to_networkx", "write_gexf", "write_graphml", "palette"]

_FALLBACK = "#BAB0AC"


def palette(graph: KnowledgeGraph) -> dict[str, str]:
    """Class -> colour, from the ontology's ``kg:color`` annotations."""
    return dict(graph.ontology.colors) if graph.ontology is not None else {}


def _rgb(hex_color: str) -> dict[str, int | float]:
    h = hex_color.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph of the asserted relations, with display attributes."""
    colors = palette(graph)
    g = nx.MultiDiGraph(name="kg-builder graph")
    for e in sorted(graph.entities.values(), key=lambda e: e.id):
        g.add_node(
            e.id,
            label=e.name,
            kg_class=e.cls,
            color=colors.get(e.cls, _FALLBACK),
            wikidata=e.wikidata,
            alt_labels="; ".join(e.alt_labels),
            mentions=e.mentions,
            documents=len(e.documents),
            first_seen=e.first_date,
            iri=f"{graph.base_iri}entity/{e.id}",
        )
    for r in graph.relations:
        key = f"{r.subject}|{r.predicate}|{r.object}"
        g.add_edge(
            r.subject, r.object, key=key,
            label=r.predicate, relation=r.predicate, weight=r.weight, confidence=r.confidence,
            first_seen=r.first_date,
        )
    strength = dict(g.degree(weight="weight"))
    for node, data in g.nodes(data=True):
        data["weighted_degree"] = strength.get(node, 0)
        data["size"] = round(10.0 + 6.0 * math.sqrt(strength.get(node, 0)), 2)
    return g


def _for_gephi(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        data["viz"] = {"color": _rgb(data["color"]), "size": data["size"]}
        if data.get("first_seen"):
            data["start"] = data["first_seen"]
    for _, _, data in g.edges(data=True):
        if data.get("first_seen"):
            data["start"] = data["first_seen"]
    return g


def write_gexf(graph: KnowledgeGraph, path: Path) -> None:
    nx.write_gexf(_for_gephi(graph), path, encoding="utf-8", prettyprint=True, version="1.2draft")


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    nx.write_graphml(to_networkx(graph), path, encoding="utf-8", prettyprint=True)


register_converter("networkx", to_networkx)
register_writer("gexf", ".gexf", write_gexf)
register_writer("graphml", ".graphml", write_graphml)
