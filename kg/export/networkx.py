"""NetworkX export, and from it GEXF and GraphML for Gephi and Gephi Lite.

One node per entity (label, class, colour from the ontology's palette, size
from weighted degree), one edge per relation between two nodes (relation as
label, weight = number of supporting statements, confidence). Attribute
values are flat scalars; no edge attribute is called ``type`` and no node
attribute ``id`` (they break Gephi's parsers); edge keys are unique across
the whole graph (GraphML edge ids).

GEXF carries the colour and size as ``viz:color`` / ``viz:size`` (what Gephi
and Gephi Lite draw with). Where documents have dates, nodes and edges get a
``start`` date (the first dated document that supports them): the GEXF graph
is then ``mode="dynamic"`` with ``timeformat="date"`` and Gephi's timeline
can play the graph over time. GraphML carries the colour as ``color``
(``#RRGGBB``) and as ``r``, ``g``, ``b`` integers, which Gephi's GraphML
importer and graphology-graphml (Gephi Lite) both read.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import networkx as nx

from ..model import register_converter, register_writer
from ._text import clean_text
from .rdf import entity_iri

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["to_networkx", "write_gexf", "write_graphml", "palette", "FALLBACK_COLOR"]

#: Colour of a class the ontology gives no ``kg:color``.
FALLBACK_COLOR = "#BAB0AC"
_FALLBACK = FALLBACK_COLOR
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Keys that GEXF writers or readers give a meaning of their own.
_RESERVED_NODE = {"id", "viz", "start", "end", "spells", "pid"}
_RESERVED_EDGE = {"id", "type", "viz", "start", "end", "spells", "key"}


def palette(graph: KnowledgeGraph) -> dict[str, str]:
    """Class -> colour, from the ontology's ``kg:color`` annotations."""
    return dict(graph.ontology.colors) if graph.ontology is not None else {}


def _rgb(hex_color: str) -> dict[str, int | float]:
    h = hex_color.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def _scalar(value: Any) -> str | int | float | bool:
    """A value GEXF and GraphML can hold: None -> "", sequences joined with "; ", text XML-safe."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return clean_text("; ".join(str(v) for v in items))
    return clean_text(str(value))


def _flatten(data: dict[str, Any], reserved: set[str]) -> None:
    for key in list(data):
        if key in reserved:
            raise ValueError(f"attribute name {key!r} is reserved by GEXF/GraphML readers; "
                             f"reserved: {sorted(reserved)}")
        data[key] = _scalar(data[key])


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph of the asserted relations, with display attributes.

    Node attributes: ``label``, ``kg_class``, ``color`` (``#RRGGBB``), ``size``,
    ``weighted_degree``, ``wikidata``, ``alt_labels``, ``mentions``,
    ``documents``, ``first_seen`` (ISO date or ""), ``iri``. Edge attributes:
    ``label`` and ``relation`` (the ontology's local name), ``weight`` (number
    of statements), ``confidence``, ``first_seen``. Edge keys are
    ``subject|relation|object``, unique across the graph.
    """
    colors = palette(graph)
    g = nx.MultiDiGraph(name="kg-builder graph")
    for e in sorted(graph.entities.values(), key=lambda e: e.id):
        g.add_node(
            e.id,
            label=clean_text(e.name).strip() or e.id,  # Gephi drops an empty label
            kg_class=e.cls,
            color=colors.get(e.cls, _FALLBACK),
            wikidata=e.wikidata,
            alt_labels="; ".join(e.alt_labels),
            mentions=e.mentions,
            documents=len(e.documents),
            first_seen=e.first_date if _ISO_DATE.fullmatch(e.first_date or "") else "",
            iri=str(entity_iri(graph, e.id)),
        )
    for r in graph.relations:
        key = f"{r.subject}|{r.predicate}|{r.object}"
        if g.has_edge(r.subject, r.object, key=key):
            continue  # the same relation twice (a symmetric one read in both directions)
        g.add_edge(
            r.subject, r.object, key=key,
            label=r.predicate, relation=r.predicate, weight=r.weight, confidence=float(r.confidence),
            first_seen=r.first_date if _ISO_DATE.fullmatch(r.first_date or "") else "",
        )
    strength = dict(g.degree(weight="weight"))
    for node, data in g.nodes(data=True):
        data["weighted_degree"] = int(strength.get(node, 0))
        data["size"] = round(10.0 + 6.0 * math.sqrt(strength.get(node, 0)), 2)
        _flatten(data, _RESERVED_NODE)
    for _, _, data in g.edges(data=True):
        _flatten(data, _RESERVED_EDGE)
    return g


def _for_gephi(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """The NetworkX graph with GEXF's viz and time attributes (colour and size move to viz)."""
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        data["viz"] = {"color": _rgb(data.pop("color")), "size": data.pop("size")}
        if data["first_seen"]:
            data["start"] = data["first_seen"]
    for _, _, data in g.edges(data=True):
        if data["first_seen"]:
            data["start"] = data["first_seen"]
    return g


def _for_graphml(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    g = to_networkx(graph)
    for _, data in g.nodes(data=True):
        rgb = _rgb(data["color"])
        data.update(r=rgb["r"], g=rgb["g"], b=rgb["b"])
    return g


def write_gexf(graph: KnowledgeGraph, path: Path) -> None:
    """GEXF 1.2draft for Gephi and Gephi Lite (dynamic, ``timeformat="date"``, where dates exist)."""
    writer = nx.readwrite.gexf.GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    # NetworkX stamps today's date into <meta>; use the newest document date instead
    # (or none), so the same input gives the same bytes on any day.
    meta = writer.xml.find("meta")
    if meta is not None:
        dates = sorted(d.date for d in graph.documents.values() if d.date)
        if dates:
            meta.set("lastmodifieddate", dates[-1])
        else:
            del meta.attrib["lastmodifieddate"]
        creator = meta.find("creator")
        if creator is not None:
            creator.text = "kg-builder"
    writer.add_graph(_for_gephi(graph))
    with open(path, "wb") as fh:
        writer.write(fh)


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    """GraphML with one unique id per edge (``subject|relation|object``)."""
    nx.write_graphml(_for_graphml(graph), path, encoding="utf-8", prettyprint=True)


register_converter("networkx", to_networkx)
register_writer("gexf", ".gexf", write_gexf)
register_writer("graphml", ".graphml", write_graphml)
