"""kg.query: SPARQL with entailments, safety, formats, packaged queries, graph queries, `kg why`."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import RDF
from typer.testing import CliRunner

import kg
from kg.cli import app
from kg.errors import QueryError
from kg.model import DEFAULT_BASE_IRI, KnowledgeGraph
from kg.namespace import KG, KG_IRI
from kg.ontology import load_ontology
from kg.query import (check_query, format_result, neighbors, open_store, packaged_queries, path, query, rank,
                      run_packaged, why)
from kg.types import DocumentRecord, Entity, Relation, Statement

ENT = f"{DEFAULT_BASE_IRI}entity/"
ENGINES = ["oxigraph", "rdflib"]

BAN = "OpenAI's ban on API access in China started on July 9th, 2024."
COMMISSION = "OpenAI also pays a commission to Microsoft out of its API revenue."
PARTNER = "Microsoft and OpenAI have a close partnership."
MAYBE = "Microsoft may ban China from its cloud."
SUPPLY = "Nvidia supplies chips to Microsoft."


def _statement(sid, s, p, o, sentence, start, conf, modality="fact", quals=()):
    return Statement(id=sid, subject=s, predicate=p, object=o, doc_id="d1", sentence=sentence, start=start,
                     end=start + len(sentence), confidence=conf, modality=modality, qualifiers=quals,
                     date="2024-08-23")


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """A hand-made graph (exact content): OpenAI bans China, OpenAI paysCommissionTo Microsoft,
    Microsoft partnersWith OpenAI, Nvidia suppliesTo Microsoft; a hypothetical Microsoft bans China."""
    ents = {
        "OpenAI": Entity("OpenAI", "OpenAI", "Company", ("Open AI",), mentions=3, documents=("d1",)),
        "Microsoft": Entity("Microsoft", "Microsoft", "Company", ("MSFT",), mentions=3, documents=("d1",)),
        "China": Entity("China", "China", "Country", (), mentions=2, documents=("d1",)),
        "Nvidia": Entity("Nvidia", "Nvidia", "Company", (), mentions=1, documents=("d1",)),
    }
    sts = [
        _statement("d1-ban", "OpenAI", "bans", "China", BAN, 100, 0.8, quals=(("date", "2024-07-09"),)),
        _statement("d1-com", "OpenAI", "paysCommissionTo", "Microsoft", COMMISSION, 200, 0.75),
        _statement("d1-par", "Microsoft", "partnersWith", "OpenAI", PARTNER, 300, 0.85),
        _statement("d1-sup", "Nvidia", "suppliesTo", "Microsoft", SUPPLY, 400, 0.7),
        _statement("d1-may", "Microsoft", "bans", "China", MAYBE, 500, 0.6, modality="hypothetical"),
    ]
    rels = [Relation(s.subject, s.predicate, s.object, (s.id,), s.confidence, "2024-08-23")
            for s in sts if s.asserted]
    graph = KnowledgeGraph(entities=ents, relations=rels, statements={s.id: s for s in sts},
                           documents={"d1": DocumentRecord("d1", "news/d1.txt", "", "0" * 64, "Title",
                                                           "2024-08-23")},
                           ontology=load_ontology())
    out = tmp_path_factory.mktemp("small")
    graph.write(out, ["ttl"])
    return out / "graph.ttl"


def _pairs(result, a="s", b="o"):
    return {(str(r[a]).removeprefix(ENT), str(r[b]).removeprefix(ENT)) for r in result}


@pytest.mark.parametrize("engine", ENGINES)
def test_query_subproperty_bans_are_restrictions(small, engine):
    res = query(small, "SELECT ?s ?o WHERE { ?s kg:restricts ?o }", engine=engine)
    assert _pairs(res) == {("OpenAI", "China")}  # not the hypothetical Microsoft ban


@pytest.mark.parametrize("engine", ENGINES)
def test_query_subproperty_commission_is_payment(small, engine):
    res = query(small, "SELECT ?s ?o WHERE { ?s kg:pays ?o }", engine=engine)
    assert _pairs(res) == {("OpenAI", "Microsoft")}
    top = query(small, "SELECT ?s ?o WHERE { ?s kg:relation ?o }", engine=engine)
    assert ("Microsoft", "OpenAI") in _pairs(top) and ("Nvidia", "Microsoft") in _pairs(top)


@pytest.mark.parametrize("engine", ENGINES)
def test_query_symmetric_from_both_sides(small, engine):
    q = "SELECT ?e ?x WHERE { ?e kg:partnersWith ?x }"
    for name, other in [("OpenAI", "Microsoft"), ("Microsoft", "OpenAI")]:
        res = query(small, q, engine=engine, bindings={"e": URIRef(ENT + name)})
        assert [str(r.x) for r in res] == [ENT + other]
    # a relation that is not symmetric is not reversed
    res = query(small, f"SELECT ?x WHERE {{ <{ENT}Microsoft> kg:suppliesTo ?x }}", engine=engine)
    assert list(res) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_query_subclasses(small, engine):
    orgs = query(small, "SELECT ?x WHERE { ?x a kg:Organization }", engine=engine)
    assert {str(r.x).removeprefix(ENT) for r in orgs} == {"OpenAI", "Microsoft", "Nvidia"}
    actors = query(small, "SELECT ?x WHERE { ?x a kg:Actor }", engine=engine)
    assert {str(r.x).removeprefix(ENT) for r in actors} == {"OpenAI", "Microsoft", "Nvidia", "China"}


def test_query_accepts_rdflib_graph_and_knowledge_graph(small):
    g = rdflib.Graph().parse(small)
    res = query(g, "ASK { ?s kg:restricts ?o }")
    assert res.askAnswer is True
    kgraph = kg.export.rdf.load_graph(small)
    assert _pairs(query(kgraph, "SELECT ?s ?o WHERE { ?s kg:pays ?o }")) == {("OpenAI", "Microsoft")}


def test_query_refuses_service_naming_it(small):
    q = "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryError, match="SERVICE"):
        query(small, q)
    assert check_query(q, allow_service=True).services == ("http://127.0.0.1:9/sparql",)


@pytest.mark.parametrize("text, op", [
    ("INSERT DATA { <urn:a> <urn:b> <urn:c> }", "INSERT DATA"),
    ("DELETE WHERE { ?s ?p ?o }", "DELETE WHERE"),
    ("DELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }", "DELETE/INSERT"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "LOAD"),
    ("CLEAR ALL", "CLEAR"),
    ("DROP GRAPH <urn:g>", "DROP"),
    ("CREATE GRAPH <urn:g>", "CREATE"),
    ("MOVE <urn:a> TO <urn:b>", "MOVE"),
])
def test_query_refuses_updates_naming_them(small, text, op):
    with pytest.raises(QueryError, match=rf"update \({op}\)"):
        query(small, text)


def test_query_safety_reads_the_algebra_not_the_words(small):
    q = 'SELECT ?s WHERE { ?s rdfs:label "SERVICE INSERT DATA DROP ALL" } # LOAD <http://x>'
    assert list(query(small, q)) == []


def test_query_allowed_update_changes_only_the_loaded_copy(small):
    store = open_store(small)
    assert query(store, "INSERT DATA { <urn:a> kg:bans <urn:b> }", allow_update=True) is None
    assert ("urn:a", "urn:b") in _pairs(query(store, "SELECT ?s ?o WHERE { ?s kg:bans ?o }"))
    assert "urn:a" not in small.read_text(encoding="utf-8")


def test_query_syntax_error_has_line_and_column(small):
    with pytest.raises(QueryError, match=r"line 4, column \d+") as err:
        query(small, "SELECT ?s\nWHERE {\n  ?s ?p \n}")
    assert "syntax error" in str(err.value)
    with pytest.raises(QueryError, match=r"line 1, column \d+"):
        query(small, "SELEKT ?s WHERE { ?s ?p ?o }")


def test_query_unknown_prefix_lists_predeclared(small):
    with pytest.raises(QueryError, match="foaf:.*kg.*schema"):
        query(small, "SELECT ?s WHERE { ?s foaf:name ?o }")


def test_query_csv_and_json(small):
    res = query(small, "SELECT ?s ?label WHERE { ?s kg:restricts ?o ; rdfs:label ?label }")
    rows = list(csv.reader(io.StringIO(format_result(res, "csv"))))
    assert rows == [["s", "label"], [ENT + "OpenAI", "OpenAI"]]
    data = json.loads(format_result(res, "json"))
    assert data["head"]["vars"] == ["s", "label"]
    assert data["results"]["bindings"] == [{"s": {"type": "uri", "value": ENT + "OpenAI"},
                                            "label": {"type": "literal", "value": "OpenAI", "xml:lang": "en"}}]
    ask = json.loads(format_result(query(small, "ASK { ?s kg:bans ?o }"), "json"))
    assert ask["boolean"] is True


def test_query_bindings_are_values_not_text(small):
    hostile = Literal('x"@en } ?s ?p ?o { #')
    q = "SELECT ?s WHERE { ?s rdfs:label ?name }"
    assert list(query(small, q, bindings={"name": hostile}, engine="rdflib")) == []
    with pytest.raises(QueryError, match=r"add \?name to the SELECT clause"):
        query(small, q, bindings={"name": Literal("China", lang="en")})
    q = "SELECT ?s ?name WHERE { ?s rdfs:label ?name }"
    assert list(query(small, q, bindings={"name": hostile})) == []
    for engine in ENGINES:
        res = query(small, q, bindings={"name": Literal("China", lang="en")}, engine=engine)
        assert [str(r.s) for r in res] == [ENT + "China"]


def test_query_packaged_queries_present():
    assert {"relations-of-entity", "who-does", "strongest-partnerships",
            "restrictions-by-date"} <= set(packaged_queries())


@pytest.mark.parametrize("engine", ENGINES)
def test_query_packaged_who_does_includes_subrelations(small, engine):
    res = run_packaged(small, "who-does", {"relation": "restricts", "object": "china"}, engine=engine)
    assert [str(r.label) for r in res] == ["OpenAI"]
    res = run_packaged(small, "who-does", {"relation": "partnersWith", "object": "Microsoft"}, engine=engine)
    assert [str(r.label) for r in res] == ["OpenAI"]


def test_query_packaged_relations_of_entity_by_alt_label(small):
    res = run_packaged(small, "relations-of-entity", {"entity": "open ai"})
    got = {(str(r.direction), str(r.relation).removeprefix(KG_IRI), str(r.label), int(r.evidence)) for r in res}
    assert got == {("->", "bans", "China", 1), ("->", "paysCommissionTo", "Microsoft", 1),
                   ("<-", "partnersWith", "Microsoft", 1)}


def test_query_packaged_strongest_partnerships(small):
    res = list(run_packaged(small, "strongest-partnerships"))
    assert [(str(r.aLabel), str(r.bLabel), int(r.evidence), float(r.confidence)) for r in res] == \
        [("Microsoft", "OpenAI", 1, 0.85)]


def test_query_packaged_restrictions_by_date(small):
    res = list(run_packaged(small, "restrictions-by-date", {"since": "2024-07-01"}))
    assert [(str(r.date), str(r.subjectLabel), str(r.objectLabel), str(r.sentence)) for r in res] == \
        [("2024-07-09", "OpenAI", "China", BAN)]
    assert list(run_packaged(small, "restrictions-by-date", {"since": "2024-07-10"})) == []
    with pytest.raises(QueryError, match="YYYY-MM-DD"):
        run_packaged(small, "restrictions-by-date", {"since": "July"})


def test_query_packaged_errors_teach(small):
    with pytest.raises(QueryError, match="Did you mean: Microsoft"):
        run_packaged(small, "relations-of-entity", {"entity": "Microsfot"})
    with pytest.raises(QueryError, match="available: .*who-does"):
        run_packaged(small, "no-such-query")
    with pytest.raises(QueryError, match="needs --param object"):
        run_packaged(small, "who-does", {"relation": "bans"})
    with pytest.raises(QueryError, match="Did you mean: restricts"):
        run_packaged(small, "who-does", {"relation": "restrict", "object": "China"})


def test_query_path_hops_with_direction(small):
    paths = {" ; ".join(str(h) for h in p) for p in path(small, "microsoft", "CHINA")}
    assert paths == {"Microsoft -partnersWith-> OpenAI ; OpenAI -bans-> China",
                     "Microsoft <-paysCommissionTo- OpenAI ; OpenAI -bans-> China"}
    assert path(small, "Nvidia", "Nvidia") == [[]]


def test_query_neighbors_by_depth(small):
    one = neighbors(small, "China")
    assert [(n["entity"], n["distance"], n["relation"], n["direction"]) for n in one] == \
        [("OpenAI", 1, "bans", "<-")]
    two = {(n["entity"], n["distance"]) for n in neighbors(small, "China", depth=2)}
    assert two == {("OpenAI", 1), ("Microsoft", 2)}


def test_query_rank(small):
    assert rank(small, by="degree", top=3) == [("Microsoft", 3.0), ("OpenAI", 3.0), ("China", 1.0)]
    assert rank(small, by="betweenness", top=2) == [("Microsoft", pytest.approx(0.666667)),
                                                    ("OpenAI", pytest.approx(0.666667))]
    ranked = [label for label, _ in rank(small, by="pagerank")]
    assert ranked[0] == "OpenAI" and ranked[-1] == "Nvidia"  # Nvidia has no incoming edge
    with pytest.raises(QueryError, match="available: pagerank, degree, betweenness"):
        rank(small, by="closeness")


def test_query_unknown_entity_suggests(small):
    with pytest.raises(QueryError, match="Did you mean: Nvidia"):
        path(small, "Nvidai", "China")


def test_query_why_sentences_with_provenance(small):
    (ev,) = why(small, "OpenAI", "paysCommissionTo", "Microsoft")
    assert (ev.sentence, ev.document, ev.path, ev.start, ev.end, ev.confidence) == \
        (COMMISSION, "d1", "news/d1.txt", 200, 200 + len(COMMISSION), 0.75)
    assert [e.sentence for e in why(small, "OpenAI", "restricts", "China")] == [BAN]  # via bans
    assert [e.sentence for e in why(small, "openai", "partnersWith", "msft")] == [PARTNER]  # symmetric
    maybe = why(small, "Microsoft", "bans", "China")
    assert [(e.sentence, e.asserted, e.modality) for e in maybe] == [(MAYBE, False, "hypothetical")]
    assert why(small, "Microsoft", "pays", "OpenAI") == []


runner = CliRunner()


def test_query_cli_table_csv_and_refusal(small):
    r = runner.invoke(app, ["query", str(small), "SELECT ?who WHERE { ?who kg:restricts ?c }"])
    assert r.exit_code == 0, r.output
    assert "ent:OpenAI" in r.output and "1 row" in r.output
    r = runner.invoke(app, ["query", str(small), "--name", "who-does", "--param", "relation=pays",
                            "--param", "object=Microsoft", "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[:2] == ["subject,label,relation,object",
                                         f"{ENT}OpenAI,OpenAI,{KG_IRI}pays,{ENT}Microsoft"]
    r = runner.invoke(app, ["query", str(small), "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"])
    assert r.exit_code == 2 and "SERVICE" in r.output
    r = runner.invoke(app, ["query", str(small)])
    assert r.exit_code == 2 and "expected 2 argument" in r.output


def test_query_cli_graph_commands(small):
    r = runner.invoke(app, ["path", str(small), "Microsoft", "China"])
    assert r.exit_code == 0, r.output
    assert "Microsoft -partnersWith-> OpenAI -bans-> China" in r.output
    r = runner.invoke(app, ["why", str(small), "OpenAI", "paysCommissionTo", "Microsoft"])
    assert r.exit_code == 0 and "pays a commission" in r.output and "news/d1.txt [200:" in r.output
    r = runner.invoke(app, ["why", str(small), "Microsoft", "bans", "China"])  # a hedged statement says so
    assert r.exit_code == 0 and "[hypothetical, not asserted]" in r.output and MAYBE[:30] in " ".join(r.output.split())
    r = runner.invoke(app, ["neighbors", str(small), "Opnai"])
    assert r.exit_code == 2 and "Did you mean: OpenAI" in r.output
    r = runner.invoke(app, ["rank", str(small), "--by", "degree", "--top", "1"])
    assert r.exit_code == 0 and ("OpenAI" in r.output or "Microsoft" in r.output)


def test_query_kg_exports_functions():
    assert kg.query is query and kg.path is path and kg.why is why
    assert {"query", "path", "neighbors", "rank", "why"} <= set(kg.__all__)


# -- the seed article (its content changes as extraction improves: check invariants) --------


@pytest.fixture(scope="module")
def seed(seed_build):
    _, out = seed_build
    g = rdflib.Graph().parse(out / "graph.ttl")
    return out / "graph.ttl", g


def test_query_seed_entailments_cover_the_direct_triples(seed):
    ttl, g = seed
    onto = load_ontology()
    store = open_store(ttl)
    for rel in ("restricts", "pays", "relation"):
        got = {(s, o) for s, o in ((r.s, r.o) for r in query(store, f"SELECT ?s ?o WHERE {{ ?s kg:{rel} ?o }}"))}
        want = {(s, o) for s, p, o in g if str(p).startswith(KG_IRI) and str(p)[len(KG_IRI):] in onto.relations
                and rel in onto.ancestors(str(p)[len(KG_IRI):]) + ["relation"]}
        want |= {(o, s) for s, p, o in g if str(p)[len(KG_IRI):] in onto.symmetric
                 and rel in onto.ancestors(str(p)[len(KG_IRI):]) + ["relation"]}
        assert got == want, rel
    companies = set(g.subjects(RDF.type, KG.Company)) | set(g.subjects(RDF.type, KG.GovernmentBody))
    orgs = {r.x for r in query(store, "SELECT ?x WHERE { ?x a kg:Organization }")}
    assert companies <= orgs


def test_query_seed_why_backs_every_relation(seed):
    ttl, _ = seed
    graph = kg.export.rdf.load_graph(ttl)
    assert graph.relations
    for r in graph.relations:
        s, o = graph.entities[r.subject].name, graph.entities[r.object].name
        found = why(graph, s, r.predicate, o)
        assert found and all(e.sentence and e.end > e.start for e in found), (s, r.predicate, o)
