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
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..model import register_converter, register_writer
from ._text import clean_text
from .rdf import entity_iri

if TYPE_CHECKING:
    import networkx as nx

    from ..model import KnowledgeGraph

__all__ = ["to_networkx", "node_rows", "edge_rows", "write_gexf", "write_graphml", "palette", "FALLBACK_COLOR"]

#: Colour of a class the ontology gives no ``kg:color``.
FALLBACK_COLOR = "#BAB0AC"
_FALLBACK = FALLBACK_COLOR
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: Node and edge attributes (besides ``label``, ``color``, ``size`` and edge ``weight``) and their GEXF
#: types. Every value is a flat string or number, and no name is one GEXF or GraphML readers give a
#: meaning of their own (``id``, ``type``, ``viz``, ``start``, ``end``, ``spells``, ``pid``, ``key``).
NODE_ATTRIBUTES = {"kg_class": "string", "wikidata": "string", "alt_labels": "string", "mentions": "long",
                   "documents": "long", "first_seen": "string", "iri": "string", "weighted_degree": "long"}
EDGE_ATTRIBUTES = {"relation": "string", "confidence": "double", "first_seen": "string"}


def palette(graph: KnowledgeGraph) -> dict[str, str]:
    """Class -> colour, from the ontology's ``kg:color`` annotations."""
    return dict(graph.ontology.colors) if graph.ontology is not None else {}


def _rgb(hex_color: str) -> dict[str, int | float]:
    h = hex_color.lstrip("#")
    return {"r": int(h[0:2], 16), "g": int(h[2:4], 16), "b": int(h[4:6], 16), "a": 1.0}


def node_rows(graph: KnowledgeGraph) -> Iterator[tuple[str, dict[str, Any]]]:
    """(entity id, display attributes) per entity, sorted by id: what a node of :func:`to_networkx` carries."""
    colors = palette(graph)
    strength: dict[str, int] = {}
    for _u, _v, _key, data in edge_rows(graph, attributes=False):
        strength[_u] = strength.get(_u, 0) + data["weight"]
        if _v != _u:
            strength[_v] = strength.get(_v, 0) + data["weight"]
    for eid in sorted(graph.entities):
        e = graph.entities[eid]
        data = {
            "label": clean_text(e.name).strip() or e.id,  # Gephi drops an empty label
            "kg_class": e.cls,
            "color": colors.get(e.cls, _FALLBACK),
            "wikidata": e.wikidata,
            "alt_labels": clean_text("; ".join(e.alt_labels)),
            "mentions": e.mentions,
            "documents": len(e.documents),
            "first_seen": e.first_date if _ISO_DATE.fullmatch(e.first_date or "") else "",
            "iri": str(entity_iri(graph, e.id)),
            "weighted_degree": int(strength.get(eid, 0)),
            "size": round(10.0 + 6.0 * math.sqrt(strength.get(eid, 0)), 2),
        }
        yield eid, data


def edge_rows(graph: KnowledgeGraph, attributes: bool = True) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """(subject, object, key, attributes) per relation, keys ``subject|relation|object`` unique.

    ``attributes=False`` gives only the ``weight`` (for tallies).
    """
    seen: set[str] = set()
    entities = graph.entities
    for r in graph.relations:
        key = f"{r.subject}|{r.predicate}|{r.object}"
        if key in seen or r.subject not in entities or r.object not in entities:
            continue  # the same relation twice (a symmetric one read in both directions)
        seen.add(key)
        if not attributes:
            yield r.subject, r.object, key, {"weight": r.weight}
            continue
        yield r.subject, r.object, key, {
            "label": r.predicate, "relation": r.predicate, "weight": r.weight, "confidence": float(r.confidence),
            "first_seen": r.first_date if _ISO_DATE.fullmatch(r.first_date or "") else ""}


def to_networkx(graph: KnowledgeGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph of the asserted relations, with display attributes.

    Node attributes: ``label``, ``kg_class``, ``color`` (``#RRGGBB``), ``size``,
    ``weighted_degree``, ``wikidata``, ``alt_labels``, ``mentions``,
    ``documents``, ``first_seen`` (ISO date or ""), ``iri``. Edge attributes:
    ``label`` and ``relation`` (the ontology's local name), ``weight`` (number
    of statements), ``confidence``, ``first_seen``. Edge keys are
    ``subject|relation|object``, unique across the graph.
    """
    import networkx as nx  # here, not at the top: a build writes its files without it

    g = nx.MultiDiGraph(name="kg-builder graph")
    g.add_nodes_from(node_rows(graph))
    g.add_edges_from(edge_rows(graph))
    return g


_GEXF = "http://www.gexf.net/1.2draft"
_VIZ = "http://www.gexf.net/1.2draft/viz"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"


def write_gexf(graph: KnowledgeGraph, path: Path) -> None:
    """GEXF 1.2draft for Gephi and Gephi Lite, streamed node by node (lxml), never held as one tree.

    The layout is NetworkX's (``nx.write_gexf`` of :func:`to_networkx`, which
    builds the whole document in memory): ``label`` on the node, colour and size
    as ``viz:color`` / ``viz:size``, the rest as declared ``attvalues``, edge
    keys as ``networkx_key``, so ``nx.read_gexf`` restores the same graph.
    Where entities or relations have dates the graph is ``mode="dynamic"`` with
    ``timeformat="date"`` and a ``start`` per node and edge (Gephi's timeline).
    The ``<meta>`` date is the newest document date (or none), never today's:
    the same input gives the same bytes on any day.
    """
    from lxml import etree

    node_types = NODE_ATTRIBUTES
    edge_types = {**EDGE_ATTRIBUTES, "networkx_key": "string"}
    node_ids = {k: str(i) for i, k in enumerate(node_types)}
    edge_ids = {k: str(i) for i, k in enumerate(edge_types, start=len(node_types))}
    dated = any(_ISO_DATE.fullmatch(e.first_date or "") for e in graph.entities.values()) or \
        any(_ISO_DATE.fullmatch(r.first_date or "") for r in graph.relations)
    graph_attrs = {"defaultedgetype": "directed", "mode": "dynamic" if dated else "static",
                   "name": "kg-builder graph"}
    if dated:
        graph_attrs["timeformat"] = "date"
    dates = sorted(d.date for d in graph.documents.values() if d.date)
    g_, v_ = f"{{{_GEXF}}}", f"{{{_VIZ}}}"

    with open(path, "wb") as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(g_ + "gexf", {f"{{{_XSI}}}schemaLocation": f"{_GEXF} {_GEXF}/gexf.xsd", "version": "1.2"},
                        nsmap={None: _GEXF, "viz": _VIZ, "xsi": _XSI}):
            xf.write("\n")
            with xf.element(g_ + "meta", {"lastmodifieddate": dates[-1]} if dates else {}):
                with xf.element(g_ + "creator"):
                    xf.write("kg-builder")
            xf.write("\n")
            with xf.element(g_ + "graph", graph_attrs):
                for cls, ids, types in (("node", node_ids, node_types), ("edge", edge_ids, edge_types)):
                    xf.write("\n")
                    with xf.element(g_ + "attributes", {"class": cls, "mode": "static"}):
                        for name, ident in ids.items():
                            xf.write("\n")
                            with xf.element(g_ + "attribute", {"id": ident, "title": name, "type": types[name]}):
                                pass
                xf.write("\n")
                with xf.element(g_ + "nodes"):
                    for node, data in node_rows(graph):
                        attrs = {"id": node, "label": data["label"]}
                        if data["first_seen"]:
                            attrs["start"] = data["first_seen"]
                        xf.write("\n")
                        with xf.element(g_ + "node", attrs):
                            rgb = _rgb(data["color"])
                            with xf.element(v_ + "color", {k: str(v) for k, v in rgb.items()}):
                                pass
                            with xf.element(v_ + "size", {"value": str(data["size"])}):
                                pass
                            with xf.element(g_ + "attvalues"):
                                for name in node_types:
                                    with xf.element(g_ + "attvalue", {"for": node_ids[name],
                                                                      "value": _xml_value(data[name])}):
                                        pass
                xf.write("\n")
                with xf.element(g_ + "edges"):
                    for n, (u, v, key, data) in enumerate(edge_rows(graph)):
                        attrs = {"source": u, "target": v, "id": str(n), "label": data["label"],
                                 "weight": str(data["weight"])}
                        if data["first_seen"]:
                            attrs["start"] = data["first_seen"]
                        xf.write("\n")
                        with xf.element(g_ + "edge", attrs):
                            with xf.element(g_ + "attvalues"):
                                for name in edge_types:
                                    value = key if name == "networkx_key" else data[name]
                                    with xf.element(g_ + "attvalue", {"for": edge_ids[name],
                                                                      "value": _xml_value(value)}):
                                        pass
                xf.write("\n")
            xf.write("\n")


def _xml_value(value: Any) -> str:
    """An attribute value as GEXF or GraphML text (booleans as ``true``/``false``, as NetworkX writes them)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


_GRAPHML = "http://graphml.graphdrawing.org/xmlns"


def write_graphml(graph: KnowledgeGraph, path: Path) -> None:
    """GraphML, streamed node by node with lxml in NetworkX's layout (``nx.write_graphml`` of :func:`to_networkx`).

    Every attribute is a declared ``<key>`` with its type; the node colour is
    ``color`` (``#RRGGBB``) and ``r``, ``g``, ``b`` (what Gephi's importer and
    graphology-graphml read); edge ids are the unique keys
    ``subject|relation|object``. ``nx.read_graphml(graph.graphml)`` gives back
    the graph of :func:`to_networkx` (plus ``r``, ``g``, ``b``).
    """
    from lxml import etree

    node_keys = {"label": "string", "color": "string", "size": "double", **NODE_ATTRIBUTES,
                 "r": "long", "g": "long", "b": "long"}
    edge_keys = {"label": "string", "weight": "long", **EDGE_ATTRIBUTES}
    ids = {("node", k): f"d{i}" for i, k in enumerate(node_keys, start=1)}
    ids.update({("edge", k): f"d{i}" for i, k in enumerate(edge_keys, start=len(node_keys) + 1)})
    g_ = f"{{{_GRAPHML}}}"

    with open(path, "wb") as fh, etree.xmlfile(fh, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element(g_ + "graphml", {f"{{{_XSI}}}schemaLocation":
                                         f"{_GRAPHML} {_GRAPHML}/1.0/graphml.xsd"},
                        nsmap={None: _GRAPHML, "xsi": _XSI}):
            with xf.element(g_ + "key", {"id": "d0", "for": "graph", "attr.name": "name", "attr.type": "string"}):
                pass
            for kind, keys in (("node", node_keys), ("edge", edge_keys)):
                for name, kind_type in keys.items():
                    xf.write("\n")
                    with xf.element(g_ + "key", {"id": ids[(kind, name)], "for": kind, "attr.name": name,
                                                 "attr.type": kind_type}):
                        pass
            xf.write("\n")
            with xf.element(g_ + "graph", {"edgedefault": "directed"}):
                with xf.element(g_ + "data", {"key": "d0"}):
                    xf.write("kg-builder graph")
                for node, data in node_rows(graph):
                    data = {**data, **{k: v for k, v in _rgb(data["color"]).items() if k != "a"}}
                    xf.write("\n")
                    with xf.element(g_ + "node", {"id": node}):
                        for name in node_keys:
                            with xf.element(g_ + "data", {"key": ids[("node", name)]}):
                                xf.write(_xml_value(data[name]))
                for u, v, key, data in edge_rows(graph):
                    xf.write("\n")
                    with xf.element(g_ + "edge", {"source": u, "target": v, "id": key}):
                        for name in edge_keys:
                            with xf.element(g_ + "data", {"key": ids[("edge", name)]}):
                                xf.write(_xml_value(data[name]))
                xf.write("\n")
            xf.write("\n")


register_converter("networkx", to_networkx)
register_writer("gexf", ".gexf", write_gexf)
register_writer("graphml", ".graphml", write_graphml)
