"""SHACL validation of built graphs: ontology/shapes.ttl with pySHACL, and `kg validate`."""

from __future__ import annotations

from decimal import Decimal

import pytest
import rdflib
from rdflib import Literal
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH
from typer.testing import CliRunner

import kg.export  # noqa: F401  (registers the writers)
from kg.cli import app
from kg.export.rdf import to_rdflib
from kg.namespace import KG
from kg.ontology import load_ontology
from kg.validate import load_shapes, validate, validate_graph

from .awkward import awkward_graph

XSD_DECIMAL = rdflib.URIRef("http://www.w3.org/2001/XMLSchema#decimal")
ENT = rdflib.Namespace("https://w3id.org/kg-builder/graph/entity/")


@pytest.fixture(scope="module")
def good() -> rdflib.Graph:
    return to_rdflib(awkward_graph())


def _statement(g: rdflib.Graph, predicate: rdflib.URIRef) -> rdflib.term.Node:
    return next(s for s in sorted(g.subjects(RDF.type, KG.Statement)) if g.value(s, RDF.predicate) == predicate)


def _drop_label(g):
    g.remove((ENT.RocketLabs, RDFS.label, None))
    return "ent:RocketLabs", "exactly one rdfs:label"


def _two_labels(g):
    g.add((ENT.RocketLabs, RDFS.label, Literal("Rocket Labs", lang="en")))
    return "ent:RocketLabs", "exactly one rdfs:label"


def _two_classes(g):
    g.add((ENT.Acme_Quoted_Corp, RDF.type, KG.Person))
    return "ent:Acme_Quoted_Corp", "exactly one kg class"


def _no_class(g):
    g.remove((ENT.Sao_Paulo, RDF.type, None))
    return "ent:Sao_Paulo", "exactly one kg class"


def _wrong_domain(g):
    g.add((ENT.Widget_2000, KG.worksFor, ENT.Acme_Quoted_Corp))  # a product cannot work for anyone
    return "ent:Widget_2000", "subject of kg:worksFor must be a kg:Person"


def _wrong_range(g):
    g.add((ENT.Acme_Quoted_Corp, KG.basedIn, ENT.Widget_2000))  # a product is not a location
    return "ent:Acme_Quoted_Corp", "object of kg:basedIn must be a kg:Location"


def _confidence_above_one(g):
    st = _statement(g, KG.acquires)
    g.set((st, KG.confidence, Literal(Decimal("1.500"), datatype=XSD_DECIMAL)))
    return g.namespace_manager.normalizeUri(st), "kg:confidence, an xsd:decimal in [0, 1]"


def _no_sentence(g):
    st = _statement(g, KG.acquires)
    g.remove((st, KG.sentence, None))
    return g.namespace_manager.normalizeUri(st), "exactly one kg:sentence"


def _no_source(g):
    st = _statement(g, KG.acquires)
    g.remove((st, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"), None))
    return g.namespace_manager.normalizeUri(st), "exactly one source"


def _statement_outside_range(g):
    st = _statement(g, KG.operatesIn)
    g.set((st, RDF.predicate, KG.livesIn))  # livesIn needs a Person subject
    return g.namespace_manager.normalizeUri(st), "subject of a kg:livesIn statement must be a kg:Person"


BREAKAGES = [_drop_label, _two_labels, _two_classes, _no_class, _wrong_domain, _wrong_range,
             _confidence_above_one, _no_sentence, _no_source, _statement_outside_range]


def test_validate_awkward_graph_conforms(good):
    conforms, report = validate_graph(good)
    assert conforms, report
    assert "conforms" in report


@pytest.mark.parametrize("breakage", BREAKAGES, ids=lambda f: f.__name__.strip("_"))
def test_validate_reports_each_broken_rule(good, breakage):
    g = rdflib.Graph()
    for prefix, ns in good.namespaces():
        g.bind(prefix, ns)
    g += good
    focus, message = breakage(g)
    conforms, report = validate_graph(g)
    assert not conforms
    lines = [ln for ln in report.splitlines() if ln.strip().startswith("[Violation]")]
    assert any(focus in ln and message in ln for ln in lines), report


@pytest.mark.parametrize("name", ["graph.ttl", "graph.nt", "graph.jsonld"])
def test_validate_seed_build_conforms(seed_build, name):
    _, out = seed_build
    conforms, report = validate(out / name)
    assert conforms, report


def test_validate_cli_exit_codes(good, tmp_path):
    runner = CliRunner()
    ok = tmp_path / "ok.ttl"
    good.serialize(ok, format="turtle")
    res = runner.invoke(app, ["validate", str(ok)])
    assert res.exit_code == 0, res.output
    assert "conforms" in res.output

    bad_graph = rdflib.Graph()
    for prefix, ns in good.namespaces():
        bad_graph.bind(prefix, ns)
    bad_graph += good
    _drop_label(bad_graph)
    _confidence_above_one(bad_graph)
    bad = tmp_path / "bad.ttl"
    bad_graph.serialize(bad, format="turtle")
    res = runner.invoke(app, ["validate", str(bad)])
    assert res.exit_code == 1, res.output
    assert "does not conform" in res.output and "2 problem(s)" in res.output
    assert "ent:RocketLabs" in res.output and "[0, 1]" in res.output

    res = runner.invoke(app, ["validate", str(tmp_path / "missing.ttl")])
    assert res.exit_code == 2
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle <<<", encoding="utf-8")
    res = runner.invoke(app, ["validate", str(broken)])
    assert res.exit_code == 2


def test_validate_shapes_mirror_the_ontology():
    """shapes.ttl states each relation's domain and range as kg.ttl does, and knows every class."""
    onto = load_ontology()
    shapes = load_shapes()
    found = {}
    for shape in shapes.subjects(SH.targetSubjectsOf, None):
        rel = shapes.value(shape, SH.targetSubjectsOf)
        name = str(rel)[len(str(KG._NS)):]
        if name not in onto.relations:
            continue
        domain = str(shapes.value(shape, SH["class"]))[len(str(KG._NS)):]
        prop = next(p for p in shapes.objects(shape, SH.property) if shapes.value(p, SH.path) == rel)
        rng = str(shapes.value(prop, SH["class"]))[len(str(KG._NS)):]
        found[name] = (frozenset({domain}), frozenset({rng}))
    assert found == {n: (r.domain, r.range) for n, r in onto.relations.items()}

    # statement shapes: the statements of relation R (a SPARQL target) have R's domain and range
    by_statement = {}
    local = str(KG._NS)
    for shape, target in shapes.subject_objects(SH.target):
        query = str(shapes.value(target, SH.select))
        rel = query.split("kg:", 1)[1].split()[0]
        ends = {shapes.value(p, SH.path): shapes.value(p, SH["class"]) for p in shapes.objects(shape, SH.property)}
        by_statement[rel] = (frozenset({str(ends[RDF.subject])[len(local):]}),
                             frozenset({str(ends[RDF.object])[len(local):]}))
    assert by_statement == {n: (r.domain, r.range) for n, r in onto.relations.items()}

    entity_classes = {c for c, supers in onto.classes.items() if "Entity" in supers}
    in_lists = []
    for node in shapes.subjects(SH["in"], None):
        in_lists.append({str(t)[len(str(KG._NS)):] for t in Collection(shapes, shapes.value(node, SH["in"]))})
    assert entity_classes in in_lists
    assert set(onto.relations) in in_lists
