"""Node positions shared by the drawn views (HTML and PNG), the same for the same graph.

Each connected component is laid out on its own with NetworkX's force-directed
``spring_layout`` (Fruchterman-Reingold) and a fixed seed, on the undirected
graph whose edge weights are the numbers of supporting statements; the
components are then packed in rows, largest first, entities without any
relation last. (One spring layout of a whole news graph pushes its many small
components and lone entities onto a ring around a crushed centre.) Reruns, and
the HTML and PNG of one graph, agree.
"""

from __future__ import annotations

import math

import networkx as nx

__all__ = ["layout", "SEED"]

#: Seed of the layout's random start: fixed, so the same graph is drawn the same way.
SEED = 7
#: Distance between neighbouring nodes, in layout units, before the final rescaling.
_UNIT = 1.0
#: Components up to this many nodes use Kamada-Kawai (cost grows with the square of the size).
_KAMADA_KAWAI_MAX = 150


def _undirected(g: nx.MultiDiGraph) -> nx.Graph:
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g.nodes))
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        if u == v:
            continue
        w = float(data.get("weight", 1) or 1)
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w)
    # Dampen heavy edges (log) so that one well-attested pair does not collapse onto itself.
    for _, _, data in simple.edges(data=True):
        data["weight"] = 1.0 + math.log(data["weight"])
    return simple


def _component(sub: nx.Graph, seed: int) -> dict[str, tuple[float, float]]:
    """Positions of one component, centred on 0, neighbours about ``_UNIT`` apart."""
    n = sub.number_of_nodes()
    if n == 1:
        return {next(iter(sub.nodes)): (0.0, 0.0)}
    if n == 2:
        a, b = sorted(sub.nodes)
        return {a: (0.0, _UNIT / 2), b: (0.0, -_UNIT / 2)}  # one above the other: labels stay apart
    if n <= _KAMADA_KAWAI_MAX:
        # Kamada-Kawai (graph distances as spring lengths) spreads stars and trees evenly; it starts
        # from the seeded spring layout, so ties are broken the same way every time.
        start = nx.spring_layout(sub, seed=seed, iterations=50, weight="weight")
        pos = nx.kamada_kawai_layout(sub, pos=start, weight=None)
    else:
        pos = nx.spring_layout(sub, seed=seed, iterations=150, weight="weight")
    # spring_layout fills [-1, 1]; give the component an area proportional to its size.
    scale = _UNIT * 0.75 * math.sqrt(n)
    return {v: (float(x) * scale, float(y) * scale) for v, (x, y) in pos.items()}


def layout(g: nx.MultiDiGraph, *, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Node -> (x, y), centred on 0, linked nodes about 1 apart; rounded to 4 decimals for stable bytes.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> g.add_node("lone")
    >>> pos = layout(g)
    >>> sorted(pos) == ["a", "b", "c", "lone"] and layout(g) == pos
    True
    >>> all(abs(x) < 5 and abs(y) < 5 for x, y in pos.values())
    True
    """
    simple = _undirected(g)
    if simple.number_of_nodes() == 0:
        return {}
    comps = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0]))
    boxes = []  # (nodes' positions relative to the box's lower-left corner, width, height)
    for nodes in comps:
        # A copy with nodes and edges in sorted order: a subgraph *view* iterates a set, whose
        # order changes with PYTHONHASHSEED, and spring_layout's start depends on node order.
        sub = nx.Graph()
        sub.add_nodes_from(nodes)
        edges = simple.subgraph(nodes).edges(data=True)
        sub.add_edges_from(sorted((min(u, v), max(u, v), d) for u, v, d in edges))
        pos = _component(sub, seed)
        xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
        x0, y0 = min(xs), min(ys)
        margin = _UNIT * 0.5
        boxes.append(({v: (x - x0 + margin, y - y0 + margin) for v, (x, y) in pos.items()},
                      max(xs) - x0 + 2 * margin, max(ys) - y0 + 2 * margin))
    # Shelf packing: rows no wider than a 4:3 page of the total area (or the widest box).
    area = sum(w * h for _, w, h in boxes)
    row_width = max(max(w for _, w, _ in boxes), math.sqrt(area * 4 / 3) * 1.05)
    out: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for pos, w, h in boxes:
        if x > 0 and x + w > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for v, (px, py) in pos.items():
            out[v] = (x + px, -(y + py))  # rows go downwards
        x += w
        row_height = max(row_height, h)
    xs, ys = [p[0] for p in out.values()], [p[1] for p in out.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {v: (round(px - cx, 4), round(py - cy, 4)) for v, (px, py) in sorted(out.items())}
