"""A self-contained interactive HTML view of the graph (vis-network, inlined).

One file that opens offline by double-click: the vis-network library, the
styles and the graph data are all inside it, and a Content-Security-Policy
(``default-src 'none'``) forbids the page any network request.

What the page shows: nodes coloured by class with the ontology's palette (the
GEXF colours), sized by weighted degree and labelled; edges labelled with
their relation, with arrows (both ends for symmetric relations); hovering or
clicking an edge lists its supporting sentences with their documents;
clicking a node lists its relations; a legend (click a class to hide or show
it); search by entity name or alternative name. ``graph.html#NAME`` opens on
an entity and ``graph.html#edge=SUBJECT|relation|OBJECT`` on a relation's
evidence. Positions are computed here
with NetworkX's seeded spring layout (:mod:`kg.export._layout`) and physics
is off, so the page is drawn at once and the same graph gives the same bytes.

All text from the graph goes into a ``<script type="application/json">``
element with ``<``, ``>`` and ``&`` escaped as ``\\u003c`` etc. and is put on
the page with ``textContent`` only, never as markup.

The library is vis-network's standalone UMD build, vendored in
``kg/export/assets/`` (version, licence and refresh script in ``VENDORED``).
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ExportError
from ..model import register_writer
from .networkx import to_networkx

if TYPE_CHECKING:
    from ..model import KnowledgeGraph

__all__ = ["render_html", "write_html", "json_for_script"]

#: The vendored library file in ``kg/export/assets``.
LIBRARY = "vis-network.min.js"
_UNSAFE_IN_SCRIPT = re.compile(r"</script|<!--", re.IGNORECASE)
#: The page may load nothing: no script, style, font, image or connection from anywhere.
_CSP = ("default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; form-action 'none'; base-uri 'none'")


@lru_cache(maxsize=1)
def _library() -> str:
    text = resources.files(__package__).joinpath("assets", LIBRARY).read_text(encoding="utf-8")
    if _UNSAFE_IN_SCRIPT.search(text):  # would end the inline <script> early
        raise ExportError(f"The vendored {LIBRARY} contains '</script' or '<!--' and cannot be inlined; "
                          "refresh it with scripts/vendor-vis-network.sh.")
    return text


def json_for_script(data: Any) -> str:
    """JSON that is safe inside an HTML ``<script>`` element (no ``</script>``, no ``<!--``).

    >>> json_for_script({"name": "</script><script>alert(1)</script>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cscript\\\\u003ealert(1)\\\\u003c/script\\\\u003e"}'
    """
    text = json.dumps(data, ensure_ascii=True, sort_keys=True, allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _smooth(edges: list[dict[str, Any]]) -> None:
    """Curve parallel edges apart (alternating sides, growing roundness); single edges stay straight."""
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for e in edges:
        by_pair[(min(e["from"], e["to"]), max(e["from"], e["to"]))].append(e)
    for (a, _b), group in by_pair.items():
        if len(group) == 1:
            group[0]["smooth"] = None
            continue
        for k, e in enumerate(sorted(group, key=lambda e: e["id"])):
            clockwise = (k % 2 == 0) == (e["from"] == a)  # the same side whichever way it points
            e["smooth"] = {"type": "curvedCW" if clockwise else "curvedCCW",
                           "roundness": round(0.18 * (k // 2 + 1), 2)}


def graph_data(graph: KnowledgeGraph) -> dict[str, Any]:
    """What the page draws: nodes, edges with their evidence, legend (plain, JSON-ready)."""
    from ._layout import layout  # networkx: imported when a page is drawn, not by every build

    g = to_networkx(graph)
    pos = layout(g)
    scale = 110.0  # px between linked nodes
    nodes = []
    for node, d in sorted(g.nodes(data=True)):
        x, y = pos.get(node, (0.0, 0.0))
        alt = [a for a in str(d.get("alt_labels") or "").split("; ") if a]
        nodes.append({
            "id": node, "label": str(d.get("label") or node), "cls": str(d.get("kg_class") or ""),
            "color": str(d.get("color")), "size": float(d.get("size") or 10.0),
            "x": round(x * scale, 1), "y": round(-y * scale, 1), "alt": alt,
            "mentions": int(d.get("mentions") or 0), "documents": int(d.get("documents") or 0),
            "wikidata": str(d.get("wikidata") or ""),
        })
    symmetric = set(graph.ontology.symmetric) if graph.ontology is not None else set()
    relations = {f"{r.subject}|{r.predicate}|{r.object}": r for r in graph.relations}
    edges = []
    for u, v, key, d in sorted(g.edges(keys=True, data=True), key=lambda e: str(e[2])):
        rel = relations.get(key)
        evidence = []
        for sid in (rel.statements if rel is not None else ()):
            st = graph.statements.get(sid)
            if st is None:
                continue
            doc = graph.documents.get(st.doc_id)
            evidence.append({
                "sentence": st.sentence, "doc": st.doc_id, "path": doc.path if doc else "",
                "title": doc.title if doc else "", "date": st.date, "start": st.start, "end": st.end,
                "confidence": round(float(st.confidence), 3), "modality": st.modality,
            })
        evidence.sort(key=lambda ev: (ev["modality"] != "fact", ev["doc"], ev["start"], ev["end"]))
        relation = str(d.get("relation") or d.get("label") or "")
        edges.append({
            "id": str(key), "from": u, "to": v, "label": relation, "symmetric": relation in symmetric,
            "weight": int(d.get("weight") or 1), "confidence": round(float(d.get("confidence") or 0.0), 3),
            "evidence": evidence,
        })
    _smooth(edges)
    counts: dict[str, int] = defaultdict(int)
    colors: dict[str, str] = {}
    for nd in nodes:
        counts[nd["cls"]] += 1
        colors[nd["cls"]] = nd["color"]
    legend = [{"cls": c, "color": colors[c], "count": counts[c]} for c in sorted(counts)]
    return {"nodes": nodes, "edges": edges, "legend": legend,
            "summary": {"entities": len(nodes), "relations": len(edges),
                        "statements": len(graph.statements), "documents": len(graph.documents)}}


_STYLE = """
*{box-sizing:border-box}
html,body{margin:0;height:100%;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;background:#fff}
body{display:flex;flex-direction:column}
header{display:flex;align-items:center;gap:16px;padding:8px 14px;border-bottom:1px solid #ddd;background:#fafafa}
header h1{font-size:16px;margin:0;font-weight:600}
header .counts{color:#666;font-size:13px}
header input{margin-left:auto;width:280px;padding:5px 8px;border:1px solid #bbb;border-radius:4px;font:inherit}
main{flex:1;display:flex;min-height:0}
#graph{flex:1;min-width:0;position:relative}
aside{width:360px;border-left:1px solid #ddd;overflow:auto;padding:10px 14px;background:#fcfcfc}
aside h2{font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#666;margin:12px 0 6px}
#legend{list-style:none;margin:0;padding:0}
#legend li{display:flex;align-items:center;gap:8px;padding:2px 4px;cursor:pointer;border-radius:3px;user-select:none}
#legend li:hover{background:#eee}
#legend li.off{opacity:.35}
#legend .swatch{width:14px;height:14px;border-radius:50%;border:1px solid rgba(0,0,0,.25);flex:none}
#legend .count{margin-left:auto;color:#888;font-size:12px}
#details .hint{color:#777}
#details h3{font-size:15px;margin:4px 0 6px}
#details .meta{color:#666;font-size:12px;margin-bottom:8px}
#details blockquote{margin:8px 0 2px;padding:6px 10px;border-left:3px solid #bbb;background:#fff}
#details .source{color:#666;font-size:12px;margin:0 0 8px 13px;word-break:break-all}
#details .flag{color:#a33;font-weight:600}
#details ul.rels{padding-left:16px;margin:4px 0}
#details ul.rels li{cursor:pointer;margin:2px 0}
#details ul.rels li:hover{text-decoration:underline}
div.vis-tooltip{white-space:pre-line;max-width:320px}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = {}, edgeById = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  function el(tag, cls, text) {
    var x = document.createElement(tag);
    if (cls) x.className = cls;
    if (text !== undefined && text !== null) x.textContent = String(text);
    return x;
  }
  function nodeTip(n) {
    var lines = [n.label, n.cls];
    if (n.alt.length) lines.push("also: " + n.alt.join(", "));
    lines.push(n.mentions + " mention(s) in " + n.documents + " document(s)");
    return el("div", "", lines.join("\n"));
  }
  function darker(hex) {
    var v = parseInt(hex.slice(1), 16), r = (v >> 16) & 255, g = (v >> 8) & 255, b = v & 255;
    function h(c) { return ("0" + Math.round(c * 0.7).toString(16)).slice(-2); }
    return "#" + h(r) + h(g) + h(b);
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return {id: n.id, label: n.label, x: n.x, y: n.y, value: n.size, title: nodeTip(n),
            color: {background: n.color, border: darker(n.color),
                    highlight: {background: n.color, border: "#111"},
                    hover: {background: n.color, border: "#111"}}};
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    var item = {id: e.id, from: e.from, to: e.to, label: e.label,
                width: 1 + Math.log2(e.weight),
                arrows: e.symmetric ? "to, from" : "to"};
    item.smooth = e.smooth ? {enabled: true, type: e.smooth.type, roundness: e.smooth.roundness}
                           : {enabled: false};
    return item;
  }));
  var big = data.nodes.length > 400;
  var options = {
    autoResize: true,
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: true, tooltipDelay: 200, hideEdgesOnDrag: big, hideEdgesOnZoom: big,
                  keyboard: {enabled: true, bindToWindow: false}},
    nodes: {shape: "dot", borderWidth: 1.5,
            scaling: {min: 8, max: 38, label: {enabled: true, min: 12, max: 22, drawThreshold: 5}},
            font: {face: "system-ui, sans-serif", color: "#222", strokeWidth: 3, strokeColor: "#ffffff"}},
    edges: {color: {color: "#9aa0a6", highlight: "#333333", hover: "#555555", inherit: false},
            font: {size: 11, face: "system-ui, sans-serif", color: "#555", strokeWidth: 3,
                   strokeColor: "#ffffff", align: "middle"},
            arrows: {to: {scaleFactor: 0.6}, from: {scaleFactor: 0.6}},
            selectionWidth: 1.5, hoverWidth: 1}
  };
  var container = document.getElementById("graph");
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, options);
  window.kgNetwork = network;
  network.once("afterDrawing", function () { document.documentElement.setAttribute("data-drawn", "true"); });
  network.fit({animation: false});

  // -- details panel -----------------------------------------------------------------
  var details = document.getElementById("details");
  var pinned = null;  // what a click chose: {kind: "edge"|"node", id}
  function clear() { while (details.firstChild) details.removeChild(details.firstChild); }
  function hint() {
    clear();
    details.appendChild(el("p", "hint",
      "Hover or click an edge to read the sentences behind it; click a node for its relations; " +
      "search above; click a class in the legend to hide or show it."));
  }
  function showEdge(id) {
    var e = edgeById[id];
    if (!e) return;
    clear();
    var s = byId[e.from], o = byId[e.to];
    details.appendChild(el("h3", "", s.label + (e.symmetric ? " \u2194 " : " \u2192 ") + e.label +
                                      (e.symmetric ? " \u2194 " : " \u2192 ") + o.label));
    details.appendChild(el("div", "meta", e.evidence.length + " statement(s); combined confidence " +
                                         e.confidence.toFixed(3)));
    e.evidence.forEach(function (ev) {
      var q = el("blockquote", "", ev.sentence);
      if (ev.modality !== "fact") q.insertBefore(el("span", "flag", "[" + ev.modality + "] "), q.firstChild);
      details.appendChild(q);
      var where = (ev.title ? ev.title + " \u2014 " : "") + (ev.path || ev.doc) +
                  " [" + ev.start + ":" + ev.end + "]" + (ev.date ? " " + ev.date : "") +
                  ", confidence " + ev.confidence.toFixed(3);
      details.appendChild(el("div", "source", where));
    });
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    clear();
    details.appendChild(el("h3", "", n.label));
    var meta = n.cls + " \u00b7 " + n.mentions + " mention(s) in " + n.documents + " document(s)";
    if (n.wikidata) meta += " \u00b7 Wikidata " + n.wikidata;
    details.appendChild(el("div", "meta", meta));
    if (n.alt.length) details.appendChild(el("div", "meta", "Also called: " + n.alt.join(", ")));
    var ids = network.getConnectedEdges(id).slice().sort();
    details.appendChild(el("h2", "", ids.length + " relation(s)"));
    var ul = el("ul", "rels");
    ids.forEach(function (eid) {
      var e = edgeById[eid];
      var li = el("li", "", byId[e.from].label + (e.symmetric ? " \u2190" : " \u2014") + e.label + "\u2192 " + byId[e.to].label +
                            " (" + e.evidence.length + ")");
      li.addEventListener("click", function () {
        network.selectEdges([eid]); pinned = {kind: "edge", id: eid}; showEdge(eid);
      });
      ul.appendChild(li);
    });
    details.appendChild(ul);
  }
  function showPinned() {
    if (!pinned) hint();
    else if (pinned.kind === "edge") showEdge(pinned.id);
    else showNode(pinned.id);
  }
  network.on("hoverEdge", function (p) { showEdge(p.edge); });
  network.on("blurEdge", function () { showPinned(); });
  network.on("click", function (p) {
    if (p.nodes.length) pinned = {kind: "node", id: p.nodes[0]};
    else if (p.edges.length) pinned = {kind: "edge", id: p.edges[0]};
    else pinned = null;
    showPinned();
  });

  // -- legend: click a class to hide or show its nodes ---------------------------------
  var legend = document.getElementById("legend");
  data.legend.forEach(function (item) {
    var li = el("li");
    var sw = el("span", "swatch");
    sw.style.background = item.color;
    li.appendChild(sw);
    li.appendChild(el("span", "", item.cls));
    li.appendChild(el("span", "count", item.count));
    li.addEventListener("click", function () {
      var off = !li.classList.contains("off");
      li.classList.toggle("off", off);
      nodes.update(data.nodes.filter(function (n) { return n.cls === item.cls; })
                             .map(function (n) { return {id: n.id, hidden: off}; }));
    });
    legend.appendChild(li);
  });

  // -- search by name or alternative name -------------------------------------------------
  var names = document.getElementById("names"), seen = {};
  data.nodes.map(function (n) { return n.label; }).sort().forEach(function (label) {
    if (seen[label]) return;
    seen[label] = true;
    var o = document.createElement("option");
    o.value = label;
    names.appendChild(o);
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) return null;
    var tests = [
      function (n) { return n.label.toLowerCase() === q; },
      function (n) { return n.alt.some(function (a) { return a.toLowerCase() === q; }); },
      function (n) { return n.label.toLowerCase().indexOf(q) >= 0; },
      function (n) { return n.alt.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = data.nodes.filter(tests[i]);
      if (hit.length) return hit[0];
    }
    return null;
  }
  var search = document.getElementById("search");
  function go() {
    var n = find(search.value);
    if (!n) {
      if (search.value.trim()) { clear(); details.appendChild(el("p", "hint", "No entity matches \u201c" + search.value.trim() + "\u201d.")); }
      return;
    }
    network.selectNodes([n.id]);
    network.focus(n.id, {scale: Math.max(network.getScale(), 1.0), animation: false});
    pinned = {kind: "node", id: n.id};
    showNode(n.id);
  }
  search.addEventListener("change", go);
  search.addEventListener("keydown", function (ev) { if (ev.key === "Enter") go(); });

  // -- links into the page: graph.html#Nvidia (an entity), graph.html#edge=ID (a relation) ----
  function fromHash() {
    var h = "";
    try { h = decodeURIComponent(location.hash.slice(1)); } catch (err) { return; }
    if (h.indexOf("edge=") === 0) {
      var id = h.slice(5);
      if (edgeById[id]) { network.selectEdges([id]); pinned = {kind: "edge", id: id}; showEdge(id); }
    } else if (h) {
      search.value = h;
      go();
    }
  }
  window.addEventListener("hashchange", fromHash);
  hint();
  fromHash();
})();
"""


def render_html(graph: KnowledgeGraph, title: str = "kg-builder graph") -> str:
    """The page as a string: same graph, same text."""
    data = graph_data(graph)
    s = data["summary"]
    counts = (f"{s['entities']} entities \u00b7 {s['relations']} relations \u00b7 "
              f"{s['statements']} statements \u00b7 {s['documents']} documents")
    return "".join([
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{_CSP}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"generator\" content=\"kg-builder\">\n",
        f"<title>{html.escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n",
        f"<header><h1>{html.escape(title)}</h1><span class=\"counts\">{html.escape(counts)}</span>",
        ("<input id=\"search\" type=\"search\" list=\"names\" placeholder=\"Find an entity\u2026\" "
         "aria-label=\"Find an entity by name\" autocomplete=\"off\"><datalist id=\"names\"></datalist>"),
        "</header>\n<main><div id=\"graph\" role=\"img\" aria-label=\"knowledge graph\"></div>\n",
        ("<aside><h2>Legend</h2><ul id=\"legend\"></ul><h2>Details</h2><div id=\"details\"></div></aside>"
         "</main>\n"),
        f"<script type=\"application/json\" id=\"kg-data\">{json_for_script(data)}</script>\n",
        f"<script>\n{_library()}\n</script>\n",
        f"<script>{_SCRIPT}</script>\n</body>\n</html>\n",
    ])


def write_html(graph: KnowledgeGraph, path: Path) -> None:
    """Write the interactive page (one file, works offline)."""
    Path(path).write_text(render_html(graph), encoding="utf-8", newline="\n")


register_writer("html", ".html", write_html, on_request=True)
