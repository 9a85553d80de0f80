"""Exports that independent parsers accept: rapper, pyoxigraph, graphology (Gephi Lite), NetworkX."""

from __future__ import annotations

import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pyoxigraph
import pytest
import rdflib
import rdflib.compare
from typer.testing import CliRunner

import kg.export  # noqa: F401  (registers the writers)
from kg.cli import app
from kg.export.networkx import palette
from kg.export.rdf import PREFIXES, load_graph, to_rdflib
from kg.model import WRITERS, KnowledgeGraph
from kg.ontology import load_ontology
from kg.types import DocumentRecord, Entity, Relation, Statement
from kg.validate import validate

from .awkward import AWKWARD_DOCS, awkward_graph
from .conftest import require_client

JS = Path(__file__).resolve().parent / "js"
RDF_FORMATS = {"ttl": ("turtle", pyoxigraph.RdfFormat.TURTLE),
               "nt": ("nt", pyoxigraph.RdfFormat.N_TRIPLES),
               "jsonld": ("json-ld", pyoxigraph.RdfFormat.JSON_LD)}
# Characters RFC 3987 forbids anywhere in an IRI (and that break Turtle's <...>).
BAD_IRI = re.compile(r'[\x00-\x20<>"{}|\\^`]')


@pytest.fixture(scope="module")
def awkward(tmp_path_factory) -> tuple[KnowledgeGraph, Path]:
    """The hand-made graph of awkward names, written in every format."""
    graph = awkward_graph()
    out = tmp_path_factory.mktemp("awkward")
    graph.write(out)
    return graph, out


@pytest.fixture(scope="module")
def awkward_build(nlp, tmp_path_factory, base_ner_config):
    """A real build of documents whose file names and texts are awkward (the small model's own NER,
    which finds the odd names these texts hold)."""
    from kg.build import build

    src = tmp_path_factory.mktemp("awkward_src")
    for name, text in AWKWARD_DOCS.items():
        (src / name).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("awkward_out")
    result = build([src], out=out, config=base_ner_config)
    return result, out


def _rapper_ok(path: Path, syntax: str) -> None:
    rapper = require_client("rapper", "Debian package raptor2-utils; checks Turtle and N-Triples")
    proc = subprocess.run([rapper, "-c", "-i", syntax, str(path)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Parsing returned" in proc.stderr and "Error" not in proc.stderr, proc.stderr


def _read_with_graphology(gexf: Path, graphml: Path) -> dict:
    node = require_client("node", "Node.js runs Gephi Lite's parsers (graphology-gexf, graphology-graphml)")
    missing = [p for p in ("graphology", "graphology-gexf", "graphology-graphml")
               if not (JS / "node_modules" / p / "package.json").is_file()]
    if missing:
        reason = f"npm packages {missing} not installed: run `npm ci --prefix tests/js`"
        if os.environ.get("KG_REQUIRE_CLIENTS") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    proc = subprocess.run([node, str(JS / "read_graphs.js"), str(gexf), str(graphml)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def _hex_of(color: str) -> str:
    """'#4e79a7', 'rgb(78,121,167)' or 'rgba(78,121,167,1.0)' -> '#4E79A7'."""
    if color.startswith("#"):
        return color.upper()
    r, g, b = (int(float(x)) for x in re.findall(r"[\d.]+", color)[:3])
    return f"#{r:02X}{g:02X}{b:02X}"


def _check_graphology(graph: KnowledgeGraph, out: Path) -> None:
    """graphology reads graph.gexf and graph.graphml with every node and edge as NetworkX has it."""
    g = graph.to_networkx()
    seen = _read_with_graphology(out / "graph.gexf", out / "graph.graphml")
    for fmt in ("gexf", "graphml"):
        parsed = seen[fmt]
        assert parsed["type"] == "directed", fmt
        assert parsed["order"] == g.number_of_nodes() > 0, fmt
        assert parsed["size"] == g.number_of_edges() > 0, fmt
        assert set(parsed["nodes"]) == set(g.nodes), fmt
        for node, attrs in parsed["nodes"].items():
            want = g.nodes[node]
            assert attrs["label"] == want["label"] and attrs["label"].strip(), (fmt, node)
            assert attrs["kg_class"] == want["kg_class"], (fmt, node)
            assert _hex_of(attrs["color"]) == want["color"].upper(), (fmt, node, attrs["color"])
            assert attrs["size"] == pytest.approx(want["size"]) and attrs["size"] > 0, (fmt, node)
            assert "id" not in attrs, (fmt, node)
        edges = {(e["source"], e["target"], e["attrs"]["label"]): e["attrs"] for e in parsed["edges"]}
        assert len(edges) == g.number_of_edges(), fmt
        for s, t, data in g.edges(data=True):
            attrs = edges[(s, t, data["label"])]
            assert attrs["weight"] == data["weight"] >= 1, (fmt, s, t)
            assert attrs["confidence"] == pytest.approx(data["confidence"]), (fmt, s, t)
            assert "type" not in attrs, (fmt, s, t)
    ids = [e["id"] for e in seen["graphml"]["edges"]]
    assert len(ids) == len(set(ids))


# -- RDF: valid under independent parsers, round trips ------------------------------------


def test_export_awkward_turtle_and_ntriples_pass_rapper(awkward):
    _, out = awkward
    _rapper_ok(out / "graph.ttl", "turtle")
    _rapper_ok(out / "graph.nt", "ntriples")


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_awkward_rdf_parses_with_pyoxigraph(awkward, fmt):
    graph, out = awkward
    triples = list(pyoxigraph.parse(path=str(out / f"graph.{fmt}"), format=RDF_FORMATS[fmt][1]))
    assert len(triples) == len(to_rdflib(graph)) > 50


@pytest.mark.parametrize("fmt", sorted(RDF_FORMATS))
def test_export_rdf_round_trip_is_isomorphic(awkward, fmt):
    graph, out = awkward
    parsed = rdflib.Graph().parse(out / f"graph.{fmt}", format=RDF_FORMATS[fmt][0])
    assert rdflib.compare.isomorphic(parsed, to_rdflib(graph))


def test_export_awkward_literals_keep_their_text(awkward):
    graph, out = awkward
    g = rdflib.Graph().parse(out / "graph.nt", format="nt")
    labels = {str(o) for o in g.objects(None, rdflib.RDFS.label)}
    for name in ('Acme "Quoted" Corp', "Back\\Slash <Holdings>", "Rocket🚀Labs", "東京エレクトロン", "Сбербанк",
                 "Foo/Bar Systems", "100% & <Co> {x}|^`"):
        assert name in labels
    assert "Widget 2000" in labels  # control characters dropped, the rest kept
    # literals are typed: labels @en, dates xsd:date, counts xsd:integer, confidences xsd:decimal
    XSD = rdflib.namespace.XSD
    assert all(o.language == "en" for o in g.objects(None, rdflib.RDFS.label))
    assert {o.datatype for o in g.objects(None, rdflib.URIRef("https://schema.org/datePublished"))} == {XSD.date}
    kgns = rdflib.Namespace("https://w3id.org/kg-builder/ontology#")
    assert {o.datatype for o in g.objects(None, kgns.confidence)} == {XSD.decimal}
    assert {o.datatype for o in g.objects(None, kgns.mentionCount)} == {XSD.integer}


def test_export_iris_are_valid_whatever_the_names(awkward):
    _, out = awkward
    g = rdflib.Graph().parse(out / "graph.ttl")
    iris = {t for triple in g for t in triple if isinstance(t, rdflib.URIRef)}
    assert len(iris) > 30
    for iri in iris:
        assert not BAD_IRI.search(iri), iri
        assert iri.isascii(), iri


def test_export_odd_local_ids_are_encoded_and_read_back():
    onto = load_ontology()
    odd = {"a": 'Odd "Name"/with <stuff> \\ 東京', "b": "plain"}
    entities = {odd["a"]: Entity(odd["a"], "Odd", "Company", documents=("d x/1",), mentions=1),
                "plain": Entity("plain", "Plain", "Country", documents=("d x/1",), mentions=1)}
    st = Statement("d x/1-0", odd["a"], "operatesIn", "plain", "d x/1", "Odd operates in Plain.", 0, 21, 0.7)
    graph = KnowledgeGraph(entities=entities, relations=[Relation(odd["a"], "operatesIn", "plain", (st.id,), 0.7)],
                           statements={st.id: st},
                           documents={"d x/1": DocumentRecord("d x/1", "x.txt", "", "0" * 64)}, ontology=onto)
    g = to_rdflib(graph)
    for t in {t for triple in g for t in triple if isinstance(t, rdflib.URIRef)}:
        assert not BAD_IRI.search(t), t
    back = kg.export.rdf.from_rdflib(g)
    assert set(back.entities) == set(entities)
    assert back.triples() == graph.triples()
    assert rdflib.compare.isomorphic(to_rdflib(back), g)


def test_export_load_graph_reads_turtle_back_isomorphic(awkward):
    graph, out = awkward
    back = load_graph(out / "graph.ttl")
    assert rdflib.compare.isomorphic(to_rdflib(back), to_rdflib(graph))


def test_export_jsonld_has_a_compact_context(awkward):
    graph, out = awkward
    data = json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    context = data["@context"]
    assert {k: context[k] for k in PREFIXES} == PREFIXES
    assert context["ent"] == f"{graph.base_iri}entity/"
    ids = [n["@id"] for n in data["@graph"]]
    assert ids and all(i.split(":", 1)[0] in context for i in ids), ids[:5]
    keys = {k for n in data["@graph"] for k in n if not k.startswith("@")}
    assert "rdfs:label" in keys and "kg:confidence" in keys
    assert not any(k.startswith("http") for k in keys)


# -- GEXF and GraphML -------------------------------------------------------------------------


def test_export_gexf_has_labels_colours_sizes_and_timeline(awkward):
    graph, out = awkward
    gexf = nx.read_gexf(out / "graph.gexf")
    colours = palette(graph)
    want = graph.to_networkx()
    assert gexf.number_of_nodes() == want.number_of_nodes()
    assert gexf.number_of_edges() == want.number_of_edges() == len(graph.relations)
    for node, data in gexf.nodes(data=True):
        entity = graph.entities[node]
        assert data["label"].strip() and data["kg_class"] == entity.cls
        rgb = data["viz"]["color"]
        assert f"#{rgb['r']:02X}{rgb['g']:02X}{rgb['b']:02X}" == colours[entity.cls]
        assert data["viz"]["size"] == pytest.approx(want.nodes[node]["size"])
        if entity.first_date:
            assert data["start"] == entity.first_date
    for s, t, data in gexf.edges(data=True):
        assert data["label"] in graph.ontology.relations
        assert data["weight"] >= 1 and 0 <= data["confidence"] <= 1
    dated_edges = [r for r in graph.relations if r.first_date]
    assert dated_edges and len(dated_edges) < len(graph.relations)
    root = ET.parse(out / "graph.gexf").getroot()
    ns = {"g": "http://www.gexf.net/1.2draft"}
    g_el = root.find("g:graph", ns)
    assert g_el.get("mode") == "dynamic" and g_el.get("timeformat") == "date"
    node_attrs = {a.get("title") for a in root.iterfind("g:graph/g:attributes[@class='node']/g:attribute", ns)}
    edge_attrs = {a.get("title") for a in root.iterfind("g:graph/g:attributes[@class='edge']/g:attribute", ns)}
    assert "id" not in node_attrs and "type" not in edge_attrs
    assert {"kg_class", "first_seen"} <= node_attrs and {"confidence", "relation"} <= edge_attrs
    assert all(e.get("type") in (None, "directed") for e in root.iterfind(".//g:edge", ns))
    starts = {e.get("start") for e in root.iterfind(".//g:edge", ns)} - {None}
    assert starts == {r.first_date for r in dated_edges}


def test_export_graphml_edge_ids_unique_and_attributes_flat(awkward):
    graph, out = awkward
    root = ET.parse(out / "graph.graphml").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    edges = root.findall(".//g:edge", ns)
    ids = [e.get("id") for e in edges]
    assert len(edges) == len(graph.relations) and None not in ids
    assert len(set(ids)) == len(ids)  # two basedIn edges and a parallel pair must not share ids
    keys = {(k.get("for"), k.get("attr.name")) for k in root.findall("g:key", ns)}
    assert ("node", "id") not in keys and ("edge", "type") not in keys
    assert {("node", "label"), ("node", "color"), ("node", "size"), ("node", "kg_class"),
            ("edge", "label"), ("edge", "weight"), ("edge", "confidence")} <= keys
    g = nx.read_graphml(out / "graph.graphml")
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float, bool)) for v in data.values())
        assert f"#{data['r']:02X}{data['g']:02X}{data['b']:02X}" == data["color"]


def test_export_gephi_lite_parsers_read_awkward_graph(awkward):
    graph, out = awkward
    _check_graphology(graph, out)


def test_export_gephi_lite_parsers_read_seed_build(seed_build):
    result, out = seed_build
    _check_graphology(result.graph, out)


# -- kg export ----------------------------------------------------------------------------------


def test_export_cli_converts_to_every_registered_format(awkward, tmp_path):
    graph, out = awkward
    runner = CliRunner()
    original = to_rdflib(load_graph(out / "graph.ttl"))
    for name, (suffix, _) in sorted(WRITERS.items()):
        target = tmp_path / f"converted{suffix}"
        res = runner.invoke(app, ["export", str(out / "graph.ttl"), "--format", name, "--out", str(target)])
        assert res.exit_code == 0, (name, res.output)
        assert target.is_file() and target.stat().st_size > 100
        if name in RDF_FORMATS:
            back = rdflib.Graph().parse(target, format=RDF_FORMATS[name][0])
            assert rdflib.compare.isomorphic(back, original), name
        assert not list(tmp_path.glob(".*.part")), name
    g = nx.read_gexf(tmp_path / "converted.gexf")
    assert g.number_of_nodes() == len(graph.entities) and g.number_of_edges() == len(graph.relations)


def test_export_cli_lists_formats_from_the_registry(awkward, tmp_path, monkeypatch):
    _, out = awkward
    calls = []
    monkeypatch.setitem(WRITERS, "fakefmt", (".fake", lambda graph, path: (calls.append(path),
                                                                           path.write_text("x"))))
    runner = CliRunner()
    res = runner.invoke(app, ["export", str(out), "--format", "nope", "--out", str(tmp_path / "x.nope")])
    assert res.exit_code == 2
    assert "fakefmt" in res.output and "graphml" in res.output and "ttl" in res.output
    res = runner.invoke(app, ["export", str(out), "--out", str(tmp_path / "g.fake")])
    assert res.exit_code == 0, res.output
    assert calls and (tmp_path / "g.fake").read_text() == "x"
    res = runner.invoke(app, ["export", str(tmp_path / "missing.ttl"), "--format", "ttl",
                              "--out", str(tmp_path / "m.ttl")])
    assert res.exit_code == 2 and not (tmp_path / "m.ttl").exists()


# -- a real build of awkward documents ------------------------------------------------------------


def test_export_awkward_build_passes_every_parser(awkward_build):
    result, out = awkward_build
    assert result.exit_code == 0 and len(result.graph.documents) == len(AWKWARD_DOCS)
    names = {e.name for e in result.graph.entities.values()}
    assert {"AT&T", "Foo/Bar Systems", "São Paulo"} <= names, names
    assert result.graph.relations
    _rapper_ok(out / "graph.ttl", "turtle")
    _rapper_ok(out / "graph.nt", "ntriples")
    n = len(to_rdflib(result.graph))
    for fmt, (_, oxfmt) in RDF_FORMATS.items():
        assert len(list(pyoxigraph.parse(path=str(out / f"graph.{fmt}"), format=oxfmt))) == n, fmt
    conforms, report = validate(out / "graph.ttl")
    assert conforms, report
    _check_graphology(result.graph, out)


def test_export_readme_palette_matches_the_ontology():
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Gephi palette", 1)[1].split("###", 1)[0]
    rows = dict(re.findall(r"\|\s*`kg:(\w+)`\s*\|\s*`(#[0-9A-Fa-f]{6})`\s*\|", section))
    assert rows == load_ontology().colors


def test_export_gexf_declares_every_attribute_the_rows_carry_with_its_type(awkward):
    """The GEXF writer declares attributes from NODE_ATTRIBUTES / EDGE_ATTRIBUTES: they must be what the rows hold."""
    from kg.export.networkx import EDGE_ATTRIBUTES, NODE_ATTRIBUTES, edge_rows, node_rows

    graph, _ = awkward
    gexf_type = {str: "string", int: "long", float: "double", bool: "boolean"}
    nodes, edges = list(node_rows(graph)), list(edge_rows(graph))
    assert nodes and edges
    for _, data in nodes:
        assert set(data) - {"label", "color", "size"} == set(NODE_ATTRIBUTES)
        assert {k: gexf_type[type(data[k])] for k in NODE_ATTRIBUTES} == NODE_ATTRIBUTES
    for _, _, _, data in edges:
        assert set(data) - {"label", "weight"} == set(EDGE_ATTRIBUTES)
        assert {k: gexf_type[type(data[k])] for k in EDGE_ATTRIBUTES} == EDGE_ATTRIBUTES


def test_export_gexf_and_graphml_read_back_as_the_networkx_graph(awkward):
    """The streamed writers give what nx.write_gexf / nx.write_graphml of to_networkx() would: NetworkX's
    readers return the same nodes, edges, keys and attributes."""
    graph, out = awkward
    want = graph.to_networkx()
    nodes = {n: d for n, d in want.nodes(data=True)}
    edges = {(u, v, k): d for u, v, k, d in want.edges(keys=True, data=True)}
    graphml = nx.read_graphml(out / "graph.graphml", force_multigraph=True)
    assert {n: {k: v for k, v in d.items() if k not in {"r", "g", "b"}} for n, d in graphml.nodes(data=True)} == nodes
    assert {(u, v, k): d for u, v, k, d in graphml.edges(keys=True, data=True)} == edges
    gexf = nx.read_gexf(out / "graph.gexf")
    for n, d in gexf.nodes(data=True):
        viz = d["viz"]
        assert "#%02X%02X%02X" % (viz["color"]["r"], viz["color"]["g"], viz["color"]["b"]) == nodes[n]["color"]
        assert viz["size"] == nodes[n]["size"]
        assert {k: v for k, v in d.items() if k not in {"viz", "start"}} == \
            {k: v for k, v in nodes[n].items() if k not in {"color", "size"}}
    assert {(u, v, key): {k: x for k, x in d.items() if k not in {"id", "start"}}
            for u, v, key, d in gexf.edges(keys=True, data=True)} == \
        {k: {**d, "weight": float(d["weight"])} for k, d in edges.items()}
