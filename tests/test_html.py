"""The graph views: the offline HTML page (drawn in headless Chromium) and the PNG picture.

Chromium runs with its background networking off, every host name resolving
to nothing and a proxy on a closed loopback port, so nothing can leave the
machine even by mistake; its net log is read to check that the page itself
asked for nothing (a control page shows that such a request would be seen).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import pytest
from bs4 import BeautifulSoup
from PIL import Image
from typer.testing import CliRunner

import kg.export  # noqa: F401  (registers the writers)
from kg.cli import app
from kg.export.html import graph_data, render_html
from kg.export.networkx import palette
from kg.model import ON_REQUEST, WRITERS, KnowledgeGraph
from kg.ontology import load_ontology
from kg.types import DocumentRecord, Entity, Relation, Statement

from .conftest import require_client

WINDOW = (1400, 900)
#: The page's side panel and header: the graph is drawn left of and below them.
GRAPH_BOX = (0, 60, WINDOW[0] - 380, WINDOW[1])
EVIL = '</script><script>document.documentElement.setAttribute("data-pwned", "1")</script>'
EVIL_SENTENCE = ('Acme said "<img src=x onerror=document.documentElement.setAttribute(\'data-pwned\',2)>" '
                 '& <!-- paid </script> commissions.')


def _chromium_args(exe: str, profile: Path, netlog: Path | None) -> list[str]:
    args = [
        exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-extensions", "--disable-default-apps", "--mute-audio",
        f"--user-data-dir={profile}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
        "--host-resolver-rules=MAP * ~NOTFOUND",  # no name resolves...
        "--proxy-server=http://127.0.0.1:9",  # ...and IP literals go to a closed local port
        "--virtual-time-budget=5000",  # run the page's scripts to completion before the capture
    ]
    if netlog is not None:
        args.append(f"--log-net-log={netlog}")
    return args


def _chromium(tmp_path: Path, url: str, *, screenshot: Path | None = None,
              netlog: Path | None = None) -> str:
    """Load ``url`` headless; returns the DOM after the scripts ran (or "" when taking a screenshot)."""
    exe = require_client("chromium", "the HTML view is checked in a real browser (apt-get install chromium)")
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    args = _chromium_args(exe, profile, netlog)
    args += [f"--screenshot={screenshot}"] if screenshot is not None else ["--dump-dom"]
    proc = subprocess.run([*args, url], capture_output=True, text=True, timeout=90, check=False,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    if screenshot is not None:
        assert screenshot.is_file(), proc.stderr[-2000:]
    return proc.stdout


def _page_requests(netlog: Path) -> list[str]:
    """URLs of network requests that a page made (Chromium's own have no initiating origin)."""
    text = netlog.read_text(encoding="utf-8")
    try:
        log = json.loads(text)
    except json.JSONDecodeError:  # a log cut short lacks its closing brackets
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {v: k for k, v in log["constants"]["logEventTypes"].items()}
    urls = []
    for event in log["events"]:
        params = event.get("params") or {}
        if names.get(event["type"]) != "URL_REQUEST_START_JOB" or "url" not in params:
            continue
        if params.get("initiator") != "not an origin":
            urls.append(params["url"])
    return urls


def _file_url(path: Path, fragment: str = "") -> str:
    from urllib.parse import quote

    return path.resolve().as_uri() + (f"#{quote(fragment, safe='')}" if fragment else "")


def _rgb(hex_color: str) -> tuple[int, int, int]:
    h = hex_color.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _colour_counts(png: Path, box: tuple[int, int, int, int] | None = None) -> dict[tuple[int, int, int], int]:
    img = Image.open(png).convert("RGB")
    if box is not None:
        img = img.crop(box)
    return {rgb: n for n, rgb in img.getcolors(maxcolors=img.width * img.height)}


def _tiny_graph() -> KnowledgeGraph:
    """Three entities with hostile names, one relation with a hostile sentence, one lone entity."""
    onto = load_ontology()
    entities = {
        "evil": Entity("evil", EVIL, "Company", alt_labels=("<!-- Evil Corp",), mentions=2, documents=("d1",)),
        "acme": Entity("acme", "Acme & Sons", "Country", mentions=1, documents=("d1",)),
        "lone": Entity("lone", "Lone Person", "Person", mentions=1, documents=("d1",)),
    }
    st = Statement(id="d1-0001", subject="evil", predicate="paysCommissionTo", object="acme", doc_id="d1",
                   sentence=EVIL_SENTENCE, start=10, end=90, confidence=0.75, trigger="paid")
    return KnowledgeGraph(
        entities=entities,
        relations=[Relation("evil", "paysCommissionTo", "acme", (st.id,), 0.75, "")],
        statements={st.id: st},
        documents={"d1": DocumentRecord("d1", "news/<b>bold</b>.txt", "", "0" * 64, "A <i>title</i>")},
        ontology=onto,
    )


def _clusters_graph() -> KnowledgeGraph:
    """Three stars and a chain of companies: components big enough for the spring layout."""
    entities, relations, statements = {}, [], {}
    for hub, size in (("h1", 9), ("h2", 6), ("h3", 4)):
        entities[hub] = Entity(hub, f"Hub {hub}", "Company", mentions=1, documents=("d1",))
        for i in range(size):
            leaf = f"{hub}_{i}"
            entities[leaf] = Entity(leaf, f"Leaf {leaf}", "Person" if i % 2 else "Country", mentions=1,
                                    documents=("d1",))
            st = Statement(f"d1-{leaf}", hub, "paysCommissionTo", leaf, "d1", f"{hub} pays {leaf}.", i, i + 1, 0.5)
            statements[st.id] = st
            relations.append(Relation(hub, "paysCommissionTo", leaf, (st.id,), 0.5, ""))
    return KnowledgeGraph(entities=entities, relations=sorted(relations, key=lambda r: (r.subject, r.object)),
                          statements=statements, documents={"d1": DocumentRecord("d1", "d1.txt", "", "0" * 64)},
                          ontology=load_ontology())


class _Refs(HTMLParser):
    """Every tag, and every attribute that makes a browser fetch something."""

    FETCHING: ClassVar[set[str]] = {"src", "href", "srcset", "poster", "data", "action", "formaction", "background",
                "manifest", "ping", "xlink:href"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.refs: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.refs += [(tag, k, v or "") for k, v in attrs if k in self.FETCHING]


@pytest.fixture(scope="module")
def seed_views(seed_build, tmp_path_factory):
    """The seed graph exported with `kg export` as HTML and PNG."""
    result, out = seed_build
    folder = tmp_path_factory.mktemp("views")
    runner = CliRunner()
    for fmt in ("html", "png"):
        res = runner.invoke(app, ["export", str(out / "graph.ttl"), "--format", fmt,
                                  "--out", str(folder / f"graph.{fmt}")])
        assert res.exit_code == 0, res.output
    return result.graph, folder


# -- the HTML page, statically -----------------------------------------------------------------------


def test_html_page_loads_nothing_from_anywhere(seed_views):
    _, folder = seed_views
    text = (folder / "graph.html").read_text(encoding="utf-8")
    parser = _Refs()
    parser.feed(text)
    assert parser.refs == [], parser.refs  # no <script src>, <link href>, <img src>, <a href>, ...
    assert parser.tags.count("script") == 3 and "link" not in parser.tags and "iframe" not in parser.tags
    assert "@import" not in text
    assert all(m.group(1).startswith("data:") for m in re.finditer(r"url\(\s*[\"']?([^\"')]*)", text))
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', text)
    assert csp and "default-src 'none'" in csp.group(1) and "connect-src 'none'" in csp.group(1)
    assert "vis-network" in text and "@version 10.1.5" in text  # the vendored library, inlined


def test_html_page_carries_graph_palette_and_evidence(seed_views):
    graph, folder = seed_views
    text = (folder / "graph.html").read_text(encoding="utf-8")
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.DOTALL).group(1)
    data = json.loads(raw)
    colors = palette(graph)
    assert len(data["nodes"]) == len(graph.entities) and len(data["edges"]) == len(graph.relations)
    assert all(n["color"] == colors[n["cls"]] for n in data["nodes"])
    assert {i["cls"]: i["color"] for i in data["legend"]} == {e.cls: colors[e.cls] for e in graph.entities.values()}
    sizes = {n["id"]: n["size"] for n in data["nodes"]}
    hub = max(graph.entities, key=lambda e: sum(r.weight for r in graph.relations if e in (r.subject, r.object)))
    lone = [e for e in graph.entities if not any(e in (r.subject, r.object) for r in graph.relations)]
    assert all(sizes[hub] > sizes[e] for e in lone)  # sized by degree
    edge = next(e for e in data["edges"] if e["id"] == "OpenAI|paysCommissionTo|Microsoft")
    assert edge["label"] == "paysCommissionTo" and not edge["symmetric"]
    assert any("pays a commission to the software giant" in ev["sentence"] for ev in edge["evidence"])
    assert all(ev["doc"] in graph.documents and ev["path"].endswith("000_3dd36336cd19a7fe.txt")
               for ev in edge["evidence"])
    assert any(e["symmetric"] for e in data["edges"]) == any(
        r.predicate in graph.ontology.symmetric for r in graph.relations)


def test_html_same_graph_same_bytes():
    graph = _tiny_graph()
    shuffled = KnowledgeGraph(entities=dict(reversed(list(graph.entities.items()))), relations=graph.relations,
                              statements=graph.statements, documents=graph.documents, ontology=graph.ontology)
    assert render_html(graph) == render_html(graph) == render_html(shuffled)


def test_html_and_png_same_bytes_whatever_the_hash_seed(tmp_path):
    """Layout and output do not depend on set order (PYTHONHASHSEED differs between processes)."""
    import sys

    code = ("import sys; from pathlib import Path; import kg.export; from kg.model import WRITERS; "
            "from tests.test_html import _clusters_graph; g = _clusters_graph(); out = Path(sys.argv[1]); "
            "WRITERS['html'][1](g, out / 'g.html'); WRITERS['png'][1](g, out / 'g.png')")
    root = Path(__file__).resolve().parent.parent
    procs = []
    for seed in ("1", "2"):  # side by side: each process spends most of its time importing
        (tmp_path / seed).mkdir()
        procs.append(subprocess.Popen([sys.executable, "-c", code, str(tmp_path / seed)], cwd=root,
                                      env={**os.environ, "PYTHONHASHSEED": seed}))
    assert [proc.wait(timeout=120) for proc in procs] == [0, 0]
    outputs = [((tmp_path / s / "g.html").read_bytes(), (tmp_path / s / "g.png").read_bytes()) for s in "12"]
    assert outputs[0] == outputs[1]


def test_html_hostile_names_cannot_break_out_of_the_script():
    text = render_html(_tiny_graph())
    assert EVIL not in text and "</script><script>" not in text and "<img src=x" not in text
    assert text.count("<script") == 3 and text.count("</script>") == 3
    assert "<!--" not in text
    raw = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.DOTALL).group(1)
    data = json.loads(raw)  # and the text comes back unchanged
    assert {n["label"] for n in data["nodes"]} == {EVIL, "Acme & Sons", "Lone Person"}
    assert data["edges"][0]["evidence"][0]["sentence"] == EVIL_SENTENCE
    assert data["edges"][0]["evidence"][0]["path"] == "news/<b>bold</b>.txt"


# -- the HTML page, in Chromium -----------------------------------------------------------------------


def test_html_chromium_draws_the_graph_offline(seed_views, tmp_path):
    graph, folder = seed_views
    shot, netlog = tmp_path / "shot.png", tmp_path / "net.json"
    _chromium(tmp_path, _file_url(folder / "graph.html"), screenshot=shot, netlog=netlog)
    img = Image.open(shot)
    assert img.size == WINDOW
    counts = _colour_counts(shot, GRAPH_BOX)
    # Not a blank page: many colours (anti-aliased nodes, labels, edges) and every class's colour filled in.
    assert len(counts) > 50, len(counts)
    background = max(counts.values())
    assert background < 0.97 * sum(counts.values())
    for cls in sorted({e.cls for e in graph.entities.values()}):
        rgb = _rgb(palette(graph)[cls])
        assert counts.get(rgb, 0) >= 30, (cls, rgb, counts.get(rgb, 0))
    assert netlog.is_file() and _page_requests(netlog) == []


def test_html_chromium_net_log_would_see_a_page_request(tmp_path):
    """Control: the check above is not vacuous; a page that fetches is caught (and goes nowhere)."""
    page = tmp_path / "leaky.html"
    page.write_text('<!DOCTYPE html><img src="http://kg-test.invalid/pixel.png">'
                    '<script>fetch("https://kg-test.invalid/api").catch(function () {});</script>',
                    encoding="utf-8")
    netlog = tmp_path / "net.json"
    _chromium(tmp_path, _file_url(page), netlog=netlog)
    assert any("kg-test.invalid" in u for u in _page_requests(netlog))


def test_html_chromium_edge_shows_its_sentences_and_document(seed_views, tmp_path):
    graph, folder = seed_views
    rel = next(r for r in graph.relations if (r.subject, r.predicate, r.object) == ("OpenAI", "paysCommissionTo", "Microsoft"))
    dom = _chromium(tmp_path, _file_url(folder / "graph.html", f"edge={rel.subject}|{rel.predicate}|{rel.object}"))
    soup = BeautifulSoup(dom, "html.parser")
    assert soup.html.get("data-drawn") == "true"  # vis-network ran and drew
    details = soup.find(id="details")
    assert details.find("h3").get_text() == "OpenAI \u2192 paysCommissionTo \u2192 Microsoft"
    quotes = [q.get_text() for q in details.find_all("blockquote")]
    assert quotes and set(quotes) == {graph.statements[s].sentence for s in rel.statements}
    assert any("pays a commission to the software giant" in q for q in quotes)
    sources = " ".join(d.get_text() for d in details.find_all(class_="source"))
    confidences = {f"confidence {graph.statements[s].confidence:.3f}" for s in rel.statements}
    assert "000_3dd36336cd19a7fe.txt [" in sources and all(c in sources for c in confidences), sources
    legend = [li.get_text(" ") for li in soup.find(id="legend").find_all("li")]
    assert len(legend) == len({e.cls for e in graph.entities.values()})


def test_html_chromium_search_finds_an_entity_by_name_in_any_case(seed_views, tmp_path):
    _, folder = seed_views
    dom = _chromium(tmp_path, _file_url(folder / "graph.html", "openai"))
    details = BeautifulSoup(dom, "html.parser").find(id="details")
    assert details.find("h3").get_text() == "OpenAI"
    rels = [li.get_text() for li in details.find_all("li")]
    assert any("paysCommissionTo" in r and "Microsoft" in r for r in rels), rels


def test_html_chromium_hostile_text_stays_text(tmp_path):
    page = tmp_path / "evil.html"
    WRITERS["html"][1](_tiny_graph(), page)
    dom = _chromium(tmp_path, _file_url(page, "edge=evil|paysCommissionTo|acme"))
    soup = BeautifulSoup(dom, "html.parser")
    assert soup.html.get("data-drawn") == "true" and soup.html.get("data-pwned") is None
    assert len(soup.find_all("script")) == 3 and soup.find("img") is None
    details = soup.find(id="details")
    assert details.find("h3").get_text() == f"{EVIL} \u2192 paysCommissionTo \u2192 Acme & Sons"
    assert details.find("blockquote").get_text() == EVIL_SENTENCE
    assert "news/<b>bold</b>.txt" in details.get_text() and details.find("b") is None


# -- the PNG picture ----------------------------------------------------------------------------------


def test_png_is_a_picture_in_the_graph_palette(seed_views):
    graph, folder = seed_views
    path = folder / "graph.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    img = Image.open(path)
    assert img.format == "PNG" and img.width >= 800 and img.height >= 600
    counts = _colour_counts(path)
    drawn = {e for r in graph.relations for e in (r.subject, r.object)}
    for cls in sorted({graph.entities[e].cls for e in drawn}):
        rgb = _rgb(palette(graph)[cls])
        assert counts.get(rgb, 0) >= 50, (cls, rgb, counts.get(rgb, 0))
    assert counts.get((255, 255, 255), 0) < 0.99 * img.width * img.height


def test_png_same_graph_same_bytes(tmp_path):
    graph = _tiny_graph()
    a, b = tmp_path / "a.png", tmp_path / "b.png"
    WRITERS["png"][1](graph, a)
    WRITERS["png"][1](graph, b)
    assert a.read_bytes() == b.read_bytes()
    with Image.open(io.BytesIO(a.read_bytes())) as img:
        assert img.format == "PNG"


# -- registry: views only on request -------------------------------------------------------------------


def test_html_views_are_written_on_request_only(tmp_path):
    assert {"html", "png"} <= ON_REQUEST and {"html", "png"} <= set(WRITERS)
    graph = _tiny_graph()
    written = {p.name for p in graph.write(tmp_path / "default")}
    assert "graph.html" not in written and "graph.png" not in written and "graph.ttl" in written
    asked = {p.name for p in graph.write(tmp_path / "asked", ["html", "png"])}
    assert asked == {"graph.html", "graph.png"}
    assert graph_data(graph)["legend"] == [{"cls": "Company", "color": palette(graph)["Company"], "count": 1},
                                           {"cls": "Country", "color": palette(graph)["Country"], "count": 1},
                                           {"cls": "Person", "color": palette(graph)["Person"], "count": 1}]
