"""A static picture of the graph (matplotlib, Agg, no display needed) for reports and READMEs.

Same palette as the GEXF and HTML views (the ontology's ``kg:color``), nodes
sized by weighted degree, the same seeded layout as the HTML page
(:mod:`kg.export._layout`; entities without relations are left out, and
counted in the title), arrows for direction, a legend of classes. Every
node is labelled up to :data:`MAX_LABELS` nodes, else the best connected
ones; relation names are written on the edges up to :data:`MAX_EDGE_LABELS`
edges. The figure is made with matplotlib's object API (``Figure`` +
``FigureCanvasAgg``), so no global backend is switched and nothing is shown;
PNG metadata carries no version or date, so the same graph gives the same file.
"""

from __future__ import annotations

import math
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import register_writer
from .networkx import to_networkx

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["write_png", "MAX_LABELS", "MAX_EDGE_LABELS"]

#: Label every node when there are at most this many, else only this many of the best connected.
MAX_LABELS = 200
#: Write relation names on the edges when there are at most this many edges.
MAX_EDGE_LABELS = 80


def _figure_size(n: int) -> tuple[float, float]:
    side = min(20.0, 8.0 + 0.6 * math.sqrt(max(n, 1)) * 1.5)
    return (side * 1.25, side)


def draw(graph: KnowledgeGraph, *, dpi: int = 110):  # -> matplotlib.figure.Figure
    """The picture as a matplotlib ``Figure`` (not shown, not saved)."""
    import networkx as nx  # with the layout: imported when a picture is drawn, not by every build
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    from ._layout import layout

    g = to_networkx(graph)
    total = g.number_of_nodes()
    lone = sorted(v for v in g.nodes if g.degree(v) == 0)
    if len(lone) < total:  # entities without relations would only fill the picture with dots
        g.remove_nodes_from(lone)
    pos = layout(g)
    n = g.number_of_nodes()
    fig = Figure(figsize=_figure_size(n), dpi=dpi, facecolor="white")
    ax = fig.add_axes((0.01, 0.01, 0.87, 0.93))  # the legend goes on the right, outside the drawing
    ax.set_axis_off()
    title = (f"{total} entities, {g.number_of_edges()} relations, {len(graph.statements)} statements, "
             f"{len(graph.documents)} documents")
    if n < total:
        title += f" ({total - n} entities without relations not drawn)"
    fig.suptitle(title, fontsize=11, color="#444", y=0.985)
    if n == 0:
        ax.text(0.5, 0.5, "empty graph", ha="center", va="center", color="#888", transform=ax.transAxes)
        return fig

    nodes = sorted(g.nodes)
    sizes = [float(g.nodes[v]["size"]) ** 2 * 1.1 for v in nodes]  # marker area from the radius-like size
    colors = [g.nodes[v]["color"] for v in nodes]

    # One drawn edge per ordered pair; parallel relations share it and their names are joined.
    pairs: dict[tuple[str, str], list[str]] = defaultdict(list)
    weights: dict[tuple[str, str], int] = defaultdict(int)
    for u, v, d in sorted(g.edges(data=True), key=lambda e: (e[0], e[1], str(e[2].get("relation")))):
        pairs[(u, v)].append(str(d.get("relation") or d.get("label") or ""))
        weights[(u, v)] += int(d.get("weight") or 1)
    simple = nx.DiGraph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted(pairs))
    edgelist = sorted(pairs)
    # Curve every edge a little so that A->B and B->A do not overlap.
    curve = "arc3,rad=0.08"
    nx.draw_networkx_edges(
        simple, pos, ax=ax, edgelist=edgelist, nodelist=nodes, node_size=sizes,
        width=[0.8 + 0.6 * math.log2(weights[e]) for e in edgelist], edge_color="#8a8f96",
        arrows=True, arrowstyle="-|>", arrowsize=12, connectionstyle=curve, alpha=0.9,
    )
    nx.draw_networkx_nodes(simple, pos, ax=ax, nodelist=nodes, node_size=sizes, node_color=colors,
                           edgecolors="#333333", linewidths=0.6)
    if len(edgelist) <= MAX_EDGE_LABELS:
        nx.draw_networkx_edge_labels(
            simple, pos, ax=ax, edge_labels={e: ", ".join(pairs[e]) for e in edgelist},
            font_size=7, font_color="#555555", connectionstyle=curve, rotate=False,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    if n <= MAX_LABELS:
        labelled = nodes
    else:
        strength = {v: g.nodes[v].get("weighted_degree", 0) for v in nodes}
        labelled = sorted(nodes, key=lambda v: (-strength[v], v))[:MAX_LABELS]
    for v in labelled:
        x, y = pos[v]
        ax.annotate(str(g.nodes[v]["label"]), (x, y), xytext=(0, 0.75 * float(g.nodes[v]["size"]) + 4),
                    textcoords="offset points", ha="center", va="bottom", fontsize=9, color="#222222",
                    bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.7})

    classes: dict[str, str] = {}
    counts: dict[str, int] = defaultdict(int)
    for v in nodes:
        classes[g.nodes[v]["kg_class"]] = g.nodes[v]["color"]
        counts[g.nodes[v]["kg_class"]] += 1
    handles = [Line2D([], [], marker="o", linestyle="", markersize=10, markerfacecolor=classes[c],
                      markeredgecolor="#333333", label=f"{c} ({counts[c]})") for c in sorted(classes)]
    fig.legend(handles=handles, loc="upper right", bbox_to_anchor=(0.995, 0.94), frameon=True,
               fontsize=9, title="class")
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    pad = 0.8
    ax.set_xlim(min(xs) - pad, max(xs) + pad)
    ax.set_ylim(min(ys) - pad, max(ys) + pad)
    return fig


#: Fonts tried in order for each character (matplotlib >= 3.6 falls back glyph by glyph); those
#: not installed are skipped. DejaVu Sans ships with matplotlib.
FONTS = ("DejaVu Sans", "Noto Sans", "Noto Sans CJK JP", "Noto Sans CJK SC", "Noto Sans Arabic",
         "Noto Sans Devanagari", "Noto Sans Hebrew", "Noto Sans Thai")


def _fonts() -> list[str]:
    from matplotlib import font_manager

    installed = {f.name for f in font_manager.fontManager.ttflist}
    return [f for f in FONTS if f in installed] or ["sans-serif"]


def write_png(graph: KnowledgeGraph, path: Path) -> None:
    """Write the picture as PNG (Agg renderer; no display, no global pyplot state).

    Characters that no installed font has are drawn as boxes, without a warning per glyph.
    """
    import warnings

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    with matplotlib.rc_context({"font.family": _fonts()}), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .*missing from", category=UserWarning)
        fig = draw(graph)
        FigureCanvasAgg(fig)
        fig.savefig(path, format="png", facecolor="white", metadata={"Software": None})


register_writer("png", ".png", write_png, on_request=True)
