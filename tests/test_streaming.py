"""Streaming resolution and graph building (Resolver, GraphBuilder) and the streamed RDF writers.

No spaCy model is loaded: the documents are hand-made DocResults, like ``tests/awkward.py``'s.

- The graph does not depend on the order documents arrive in: the same results in
  several shuffled orders give byte-identical files and equal entities, relations
  and statements, including cases where a merge decision needs facts from two documents.
- :func:`kg.export.rdf.jsonld_nodes` turns subject-grouped triples into compacted
  JSON-LD node objects that rdflib and pyoxigraph read back as the same graph.
- :func:`kg.export.rdf.iter_triples` gives one fixed, subject-grouped stream.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
import rdflib.compare

import kg.export  # noqa: F401  (registers the writers)
from kg.entities import entity_key
from kg.export.rdf import (
    entity_iri,
    iter_triples,
    jsonld_nodes,
    prefixes_of,
    rdflib_term,
    to_rdflib,
)
from kg.linking import Resolver
from kg.model import GraphBuilder, KnowledgeGraph
from kg.types import DocResult, DocumentRecord, EntityMention, RelationMention, SkippedDocument

from .awkward import NAMES, awkward_graph

FORMATS = ["nt", "ttl", "jsonld", "gexf", "graphml"]
SEEDS = [0, 1, 2, 3, 7, 42]

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
XSD = "http://www.w3.org/2001/XMLSchema#"


# -- hand-made documents -----------------------------------------------------------------------


def mention(name: str, cls: str, via: str = "", wikidata: str = "", text: str | None = None,
            start: int = 0) -> EntityMention:
    """A mention keyed the way the pipeline keys it (``kg.entities.entity_key``)."""
    surface = name if text is None else text
    return EntityMention(entity_key(name, cls), name, cls, surface, start, start + len(surface), wikidata, via)


def _resolve(docs):
    resolver = Resolver()
    for d in docs:
        resolver.add(d)
    return resolver.resolve()


def key(name: str, cls: str) -> str:
    return entity_key(name, cls)


def rel(s: EntityMention, p: str, o: EntityMention, conf: float, sentence: str, start: int,
        **kw) -> RelationMention:
    return RelationMention(s.key, p, o.key, conf, sentence, start, start + len(sentence),
                           subject_text=s.text, object_text=o.text, **kw)


def doc(doc_id: str, entities=(), relations=(), *, date: str = "", title: str = "") -> DocResult:
    return DocResult(DocumentRecord(doc_id, f"news/{doc_id}.txt", "", doc_id[:1] * 64, title, date),
                     tuple(entities), tuple(relations))


def corpus() -> list[DocResult]:
    """Documents whose graph exercises every merge rule, dates, duplicates and dropped statements."""
    docs = []

    # Acronym, and a name with a company word behind it, in one document.
    amd_long, amd = mention("Advanced Micro Devices", "Company"), mention("AMD", "Company", start=40)
    samsung_el, samsung = mention("Samsung Electronics", "Company"), mention("Samsung", "Company", start=30)
    huang_full, huang = mention("Jensen Huang", "Person"), mention("Huang", "Person", start=50)
    nvidia = mention("Nvidia", "Company", via="gazetteer", wikidata="Q182477")
    docs.append(doc("a-chips", [amd_long, amd, samsung_el, samsung, huang_full, huang, nvidia,
                                mention("Nvidia", "Company", via="coref", text="the company", start=90)], [
        rel(amd, "partnersWith", samsung, 0.7, "AMD partners with Samsung.", 0),
        rel(huang, "worksFor", nvidia, 0.9, "Huang, chief executive of Nvidia.", 30,
            qualifiers=(("role", "CEO"),)),
        # merges into one entity: reflexive, dropped
        rel(amd, "acquires", amd_long, 0.8, "AMD acquires Advanced Micro Devices.", 70),
        # the same sentence twice: the asserted reading wins over the hypothetical one
        rel(amd, "competesWith", nvidia, 0.9, "AMD may compete with Nvidia.", 110, modality="hypothetical"),
        rel(amd, "competesWith", nvidia, 0.6, "AMD may compete with Nvidia.", 110),
    ], date="2024-03-05", title="Chips"))

    # The same relation again (noisy-or, earliest date), a Wikidata id shared by two names,
    # and a relation whose subject only has coreference mentions (no name: unresolved).
    alphabet = mention("Alphabet", "Company", wikidata="Q20800404")
    google = mention("Google", "Company", wikidata="Q20800404", start=20)
    ghost = mention("Ghost Corp", "Company", via="coref", text="it", start=60)
    docs.append(doc("b-search", [alphabet, google, mention("Samsung", "Company"), ghost,
                                 mention("AMD", "Company", start=80), mention("RIVIAN", "Company", start=90)], [
        rel(mention("AMD", "Company"), "partnersWith", mention("Samsung", "Company"), 0.5,
            "AMD and Samsung signed a pact.", 0, qualifiers=(("date", "January 9"),)),
        rel(ghost, "investsIn", alphabet, 0.7, "It invests in Alphabet.", 40),
        rel(google, "competesWith", mention("Samsung", "Company"), 0.6, "Google competes with Samsung.", 70),
        rel(alphabet, "acquires", mention("Samsung", "Company"), 0.6, "Alphabet did not acquire Samsung.", 100,
            modality="negated"),
    ], date="2024-01-10"))

    # One slug for two families (a company and a product called Jaguar), one slug for two names
    # of one family ("AT&T" / "AT-T", whose keys sort the other way round from their names),
    # generic mentions, and an undated document.
    jag_co, jag_car = mention("Jaguar", "Company"), mention("Jaguar", "Product", start=30)
    att, att2 = mention("AT&T", "Company"), mention("AT-T", "Company", start=40)
    generic = mention("Jaguar", "Company", via="generic", text="the carmaker", start=70)
    # "Rivian" here and "RIVIAN" in b-search: one key, two spellings with one vote each.
    docs.append(doc("c-cars", [jag_co, jag_car, att, att2, generic, mention("Rivian", "Company", start=90)], [
        rel(jag_co, "develops", jag_car, 0.8, "Jaguar develops the Jaguar.", 0),
        rel(att, "partnersWith", jag_co, 0.65, "AT&T partners with Jaguar.", 40),
        rel(att2, "competesWith", att, 0.6, "AT-T competes with AT&T.", 80),
    ]))

    # Merges that need two documents: see test_alias_decisions_do_not_depend_on_document_order.
    docs.append(doc("d-kestrel", [mention("Kestrel", "Company"), mention("Kestrel Security", "Company", start=20)], [
        rel(mention("Kestrel Security", "Company"), "partnersWith", mention("Nvidia", "Company"), 0.7,
            "Kestrel Security partners with Nvidia.", 0),
    ], date="2023-12-01"))
    docs.append(doc("e-kestrel-gaz", [mention("Kestrel", "Company", via="gazetteer", wikidata="Q999001")],
                    date="2024-02-01"))
    docs.append(doc("f-hynix", [mention("Hynix", "Company"), mention("Hynix Semiconductor", "Company", start=10)],
                    date="2024-02-02"))
    docs.append(doc("g-hynix-gaz", [mention("Hynix", "Company", via="gazetteer")]))
    docs.append(doc("h-hynix-gaz", [mention("Hynix Semiconductor", "Company", via="gazetteer")],
                    date="2024-02-03"))

    # The awkward names of tests/awkward.py, all in one document.
    awk = [mention(name, cls, start=i * 10) for i, (cls, name) in enumerate(NAMES)]
    docs.append(doc("i-awkward", awk, [
        rel(awk[0], "acquires", awk[1], 0.8, 'Acme "Quoted" Corp acquired Back\\Slash <Holdings>.\x0b', 0,
            qualifiers=(("amount", "$2 <billion>"), ("date", "March 3, 2024"))),
        rel(awk[2], "partnersWith", awk[3], 0.7, "Rocket🚀Labs partners with 東京エレクトロン.", 60),
        rel(awk[6], "worksFor", awk[0], 0.9, "Jean-Luc O'Brien, CEO of Acme.", 120),
    ], date="2024-03-03", title='Title <"x"> \\ 😀'))
    return docs


def orders(docs: list[DocResult]) -> list[list[DocResult]]:
    """The documents in several fixed orders: as given, reversed, and shuffled with fixed seeds."""
    out = [list(docs), list(reversed(docs))]
    for seed in SEEDS:
        shuffled = list(docs)
        random.Random(seed).shuffle(shuffled)
        out.append(shuffled)
    assert len({tuple(d.document.doc_id for d in o) for o in out}) == len(out)  # really different orders
    return out


def build(docs, **kw) -> KnowledgeGraph:
    builder = GraphBuilder()
    for d in docs:
        builder.add(d)
    return builder.finish(**kw)


def written(graph: KnowledgeGraph, folder: Path) -> dict[str, bytes]:
    paths = graph.write(folder, FORMATS)
    assert sorted(p.name for p in paths) == sorted(f"graph.{f}" for f in FORMATS)
    return {p.name: p.read_bytes() for p in paths}


# -- 1. order independence --------------------------------------------------------------------


def test_corpus_graph_has_the_expected_merges():
    """The shared corpus really exercises the merge rules (so that the order tests compare something)."""
    graph = build(corpus())
    ents = graph.entities
    # acronym + company word: one node each
    assert ents["Advanced_Micro_Devices"].alt_labels == ("AMD",)
    assert ents["Samsung_Electronics"].alt_labels == ("Samsung",)
    assert ents["Jensen_Huang"].alt_labels == ("Huang",)
    # Wikidata id shared by two names
    assert ents["Alphabet"].alt_labels == ("Google",) and ents["Alphabet"].wikidata == "Q20800404"
    # one slug, two families / two names
    assert ents["Jaguar"].cls == "Company" and ents["Jaguar_product"].cls == "Product"
    # the first id goes to the first (slug, family, name), not to the first key ("org/at t" < "org/at&t")
    assert ents["AT_T"].name == "AT&T" and ents["AT_T_org"].name == "AT-T"
    # Kestrel: only one of the two keys is a gazetteer key, so the alias from d-kestrel merges them;
    # Hynix: both keys are gazetteer keys (in two other documents), so the alias is not followed.
    assert ents["Kestrel"].alt_labels == ("Kestrel Security",)
    assert ents["Kestrel"].documents == ("d-kestrel", "e-kestrel-gaz")
    assert ents["Kestrel"].first_date == "2023-12-01"
    assert "Hynix" in ents and "Hynix_Semiconductor" in ents
    assert ents["Hynix"].documents == ("f-hynix", "g-hynix-gaz")
    # one key, two spellings, tied votes: the tie is broken by the name, not by arrival order
    assert ents["Rivian"].alt_labels == ("RIVIAN",) and ents["Rivian"].documents == ("b-search", "c-cars")
    # coreference-only keys make no entity
    assert not any(e.name == "Ghost Corp" for e in ents.values())

    rels = {(r.subject, r.predicate, r.object): r for r in graph.relations}
    pact = rels[("Advanced_Micro_Devices", "partnersWith", "Samsung_Electronics")]
    assert pact.weight == 2 and pact.confidence == 0.85 and pact.first_date == "2024-01-10"
    # the asserted reading of the duplicated sentence won; the reflexive and unresolved ones are gone
    assert rels[("Advanced_Micro_Devices", "competesWith", "Nvidia")].confidence == 0.6
    assert not any(s == o for s, _, o in rels)
    assert not any(st.predicate == "investsIn" for st in graph.statements.values())
    # negated only: a statement, no relation
    assert any(st.modality == "negated" for st in graph.statements.values())
    assert ("Alphabet", "acquires", "Samsung_Electronics") not in rels
    # symmetric relations are stored with the smaller id first
    assert ("AT_T", "competesWith", "AT_T_org") in rels
    assert next(st for st in graph.statements.values() if st.predicate == "competesWith"
                and st.doc_id == "c-cars").subject == "AT_T_org"  # the statement keeps its direction
    # qualifier dates are resolved against the document date
    dated = [st for st in graph.statements.values() if st.doc_id == "b-search" and st.predicate == "partnersWith"]
    assert dated and dated[0].qualifiers == (("date", "2024-01-09"),)


def test_resolver_result_does_not_depend_on_document_order():
    docs = corpus()
    results = []
    for order in orders(docs):
        results.append(_resolve(order))
    first_entities, first_keys = results[0]
    assert len(first_entities) > 20
    for entities, key_to_id in results[1:]:
        assert list(entities) == list(first_entities)  # same ids, same order
        assert entities == first_entities
        assert key_to_id == first_keys


def test_graph_files_do_not_depend_on_document_order(tmp_path):
    docs = corpus()
    graphs = [build(order) for order in orders(docs)]
    files = [written(g, tmp_path / f"order{i}") for i, g in enumerate(graphs)]
    base = graphs[0]
    assert base.summary()["relations"] > 5 and base.summary()["statements"] > 10
    for i, (graph, out) in enumerate(zip(graphs[1:], files[1:], strict=True), start=1):
        assert list(graph.entities) == list(base.entities), i
        assert graph.entities == base.entities, i
        assert graph.relations == base.relations, i
        assert list(graph.statements) == list(base.statements), i
        assert graph.statements == base.statements, i
        assert list(graph.documents) == list(base.documents), i
        assert graph.documents == base.documents, i
        for name, data in files[0].items():
            assert out[name] == data, f"{name} differs for order {i}"


def test_from_results_streams_through_the_graph_builder(tmp_path):
    """``from_results`` takes a one-shot iterator in any order and gives the builder's graph."""
    docs = corpus()
    skipped = [SkippedDocument("news/broken.txt", "empty")]
    by_builder = build(docs, base_iri="http://example.org/kg/", skipped=skipped)
    for order in orders(docs)[:3]:
        graph = KnowledgeGraph.from_results(iter(order), base_iri="http://example.org/kg/", skipped=iter(skipped))
        assert graph.base_iri == "http://example.org/kg/" and graph.skipped == skipped
        assert (graph.entities, graph.relations, graph.statements, graph.documents) == \
            (by_builder.entities, by_builder.relations, by_builder.statements, by_builder.documents)
    nt = written(by_builder, tmp_path)["graph.nt"].decode()
    assert "<http://example.org/kg/entity/Kestrel>" in nt and "w3id.org/kg-builder/graph/" not in nt
    # documents keep no text (the builder drops it), but keep everything else
    assert all(d.text == "" for d in by_builder.documents.values())
    assert by_builder.documents["i-awkward"].title == 'Title <"x"> \\ 😀'


def _alias_docs():
    """Two names, two gazetteer documents and one document that gives them as one thing."""
    return {
        # "Hynix" / "Hynix Semiconductor": an alias by the company-word rule, defined here ...
        "alias": doc("alias", [mention("Hynix", "Company"), mention("Hynix Semiconductor", "Company", start=9)]),
        # ... but both names are gazetteer entries, in other documents: they stay apart.
        "gaz-short": doc("gaz-short", [mention("Hynix", "Company", via="gazetteer")]),
        "gaz-long": doc("gaz-long", [mention("Hynix Semiconductor", "Company", via="gazetteer")]),
    }


@pytest.mark.parametrize("names", [
    ["alias", "gaz-short", "gaz-long"],
    ["gaz-short", "gaz-long", "alias"],
    ["gaz-short", "alias", "gaz-long"],
    ["gaz-long", "alias", "gaz-short"],
])
def test_alias_between_two_gazetteer_names_is_not_followed_in_any_order(names):
    docs = _alias_docs()
    entities, key_to_id = _resolve(docs[n] for n in names)
    assert key_to_id[key("Hynix", "Company")] == "Hynix"
    assert key_to_id[key("Hynix Semiconductor", "Company")] == "Hynix_Semiconductor"
    assert entities["Hynix"].documents == ("alias", "gaz-short")
    assert entities["Hynix_Semiconductor"].documents == ("alias", "gaz-long")


@pytest.mark.parametrize("names", [["alias", "gaz-long"], ["gaz-long", "alias"]])
def test_alias_with_one_gazetteer_name_is_followed_in_any_order(names):
    """Control for the test above: with only one name in the gazetteer the alias merges them."""
    docs = _alias_docs()
    entities, key_to_id = _resolve(docs[n] for n in names)
    assert key_to_id[key("Hynix", "Company")] == key_to_id[key("Hynix Semiconductor", "Company")] \
        == "Hynix_Semiconductor"
    assert list(entities) == ["Hynix_Semiconductor"]
    assert entities["Hynix_Semiconductor"].alt_labels == ("Hynix",)
    assert entities["Hynix_Semiconductor"].mentions == 3


@pytest.mark.parametrize("gazetteer_first", [True, False])
def test_unknown_name_alias_counts_only_the_defining_document(gazetteer_first):
    """"Acme" / "Acme Rocketry" (no company word) merge only when the document that pairs them knows
    neither name from the gazetteer: a gazetteer mention of "Acme" in *another* document, before or
    after it, neither blocks the pair nor stops it from merging (only one of the keys is a gazetteer key).
    """
    pair = doc("pair", [mention("Acme", "Company"), mention("Acme Rocketry", "Company", start=5)])
    gaz = doc("gaz", [mention("Acme", "Company", via="gazetteer", wikidata="Q424242")])
    entities, key_to_id = _resolve([gaz, pair] if gazetteer_first else [pair, gaz])
    assert key_to_id[key("Acme", "Company")] == key_to_id[key("Acme Rocketry", "Company")]
    (entity,) = entities.values()
    # the gazetteer name wins the vote; the Wikidata id comes along
    assert entity.name == "Acme" and entity.alt_labels == ("Acme Rocketry",) and entity.wikidata == "Q424242"

    # ... whereas the same pair marked as a gazetteer name *inside* the pairing document does not merge.
    known_pair = doc("pair", [mention("Acme", "Company", via="gazetteer"),
                              mention("Acme Rocketry", "Company", start=5)])
    _, key_to_id = _resolve([known_pair])
    assert key_to_id[key("Acme", "Company")] != key_to_id[key("Acme Rocketry", "Company")]


@pytest.mark.parametrize("seed", SEEDS)
def test_ambiguous_short_name_within_one_document_merges_nothing(seed):
    """"Kestrel" fits "Kestrel Security" and "Kestrel Labs" in one document: neither pair is merged,
    whatever the order of the mentions and of the other documents."""
    ms = [mention("Kestrel", "Company"), mention("Kestrel Security", "Company", start=10),
          mention("Kestrel Labs", "Company", start=30)]
    random.Random(seed).shuffle(ms)
    docs = [doc("one", ms), doc("other", [mention("Kestrel Labs", "Company")])]
    random.Random(seed).shuffle(docs)
    entities, key_to_id = _resolve(docs)
    assert sorted(entities) == ["Kestrel", "Kestrel_Labs", "Kestrel_Security"]
    assert len(set(key_to_id.values())) == 3


def test_short_name_for_different_long_names_in_different_documents_merges_nothing():
    """"Kestrel" is "Kestrel Security" in one story and "Kestrel Labs" in another: the name key is
    shared across documents, so merging it with either would join two companies through it."""
    docs = [doc("a", [mention("Kestrel", "Company"), mention("Kestrel Security", "Company", start=10)]),
            doc("b", [mention("Kestrel", "Company"), mention("Kestrel Labs", "Company", start=10)])]
    entities, _ = _resolve(docs)
    assert sorted(entities) == ["Kestrel", "Kestrel_Labs", "Kestrel_Security"]
    # one defining document alone still merges the short name into its long one
    entities, _ = _resolve(docs[:1])
    assert sorted(entities) == ["Kestrel_Security"]


@pytest.mark.parametrize("short, long", [("Kestrel", "Kestrel Norway"), ("Kestrel", "Kestrel Mobility"),
                                         ("Kestrel Norway", "Kestrel")])
def test_a_unit_and_its_parent_in_one_document_stay_two(short, long):
    """"Kestrel Norway, a unit of Kestrel": the document reads the one as the other's subsidiary, so
    the short name is not the long one's, whatever the name rules say; the subsidiaryOf is kept."""
    unit, parent = mention(long, "Company"), mention(short, "Company", start=30)
    d = doc("unit", [unit, parent], [rel(unit, "subsidiaryOf", parent, 0.8, f"{long}, a unit of {short}.", 0)])
    entities, key_to_id = _resolve([d, doc("other", [mention("Kestrel", "Company")])])
    assert key_to_id[unit.key] != key_to_id[parent.key]


def test_graph_builder_refuses_a_second_finish_and_a_different_text_under_a_known_id():
    builder = GraphBuilder()
    builder.add(doc("a", [mention("Kestrel", "Company")]))
    builder.add(doc("a", [mention("Kestrel", "Company")]))  # the same text again: ignored
    clash = DocResult(DocumentRecord("a", "news/a2.txt", "", "f" * 64), ())
    with pytest.raises(ValueError, match="Two different documents"):
        builder.add(clash)
    graph = builder.finish()
    assert graph.entities["Kestrel"].mentions == 1
    with pytest.raises(ValueError, match="already called"):
        builder.finish()


# -- 2. JSON-LD node objects ----------------------------------------------------------------------

EX = "http://example.org/ns/"
EXS = "http://example.org/ns/sub/"
OTHER = "http://other.example/"
JPREFIXES = {"ex": EX, "exs": EXS, "rdf": RDF, "xsd": XSD}


def N(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def jsonld_triples() -> list[ox.Triple]:
    a = N(RDF + "type")
    s1, s2, b1, b2 = N(EX + "s1"), N(EX + "s2"), ox.BlankNode("b1"), ox.BlankNode("b2")
    T = ox.Triple
    return [
        T(s1, a, N(EX + "Company")),
        T(s1, a, N(EXS + "Listed")),                                            # longest namespace wins
        T(s1, N(EX + "label"), ox.Literal("Acme", language="en")),
        T(s1, N(EX + "label"), ox.Literal("Acmé", language="fr")),              # several values: a list
        T(s1, N(EX + "code"), ox.Literal("ACME")),                               # xsd:string: plain string
        T(s1, N(EX + "code"), ox.Literal('q"uo\\te\n', datatype=N(XSD + "string"))),
        T(s1, N(EX + "count"), ox.Literal("042", datatype=N(XSD + "integer"))),  # lexical forms kept
        T(s1, N(EX + "score"), ox.Literal("0.750", datatype=N(XSD + "decimal"))),
        T(s1, N(EX + "odd"), ox.Literal("x", datatype=N(OTHER + "dt"))),         # datatype under no prefix
        T(s1, N(EX + "knows"), s2),                                              # IRI under a prefix
        T(s1, N(EX + "seeAlso"), N(OTHER + "page")),                             # IRI under no prefix
        T(s1, N(EX + "seeAlso"), N(EX)),                                         # the namespace itself
        T(s1, N(EX + "seeAlso"), N(EX + "//host/x")),                            # would read as absolute
        T(s1, N(OTHER + "prop"), b1),                                            # predicate under no prefix
        T(b1, N(EX + "note"), ox.Literal("blank subject")),
        T(b1, a, N(EX + "Note")),
        T(b1, N(EX + "next"), b2),
        T(s2, a, N(EX + "Person")),                                              # one type: a string
        T(s2, N(EX + "name"), ox.Literal("Ann")),
        T(s1, N(EX + "later"), ox.Literal("again")),                             # s1 again: a new node
    ]


EXPECTED_NODES = [
    {
        "@id": "ex:s1",
        "@type": ["ex:Company", "exs:Listed"],
        "ex:label": [{"@value": "Acme", "@language": "en"}, {"@value": "Acmé", "@language": "fr"}],
        "ex:code": ["ACME", 'q"uo\\te\n'],
        "ex:count": {"@value": "042", "@type": "xsd:integer"},
        "ex:score": {"@value": "0.750", "@type": "xsd:decimal"},
        "ex:odd": {"@value": "x", "@type": OTHER + "dt"},
        "ex:knows": {"@id": "ex:s2"},
        "ex:seeAlso": [{"@id": OTHER + "page"}, {"@id": EX}, {"@id": EX + "//host/x"}],
        OTHER + "prop": {"@id": "_:b1"},
    },
    {"@id": "_:b1", "ex:note": "blank subject", "@type": "ex:Note", "ex:next": {"@id": "_:b2"}},
    {"@id": "ex:s2", "@type": "ex:Person", "ex:name": "Ann"},
    {"@id": "ex:s1", "ex:later": "again"},
]


def rdflib_graph(triples) -> rdflib.Graph:
    g = rdflib.Graph()
    for t in triples:
        g.add((rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object)))
    return g


def literal_forms(triples) -> Counter:
    """(lexical form, datatype, language) of every literal: what isomorphism up to rdflib's
    normalisation ("042" == "42") cannot see."""
    return Counter((t.object.value, t.object.datatype.value, t.object.language)
                   for t in triples if isinstance(t.object, ox.Literal))


def test_jsonld_nodes_compact_each_kind_of_term():
    nodes = list(jsonld_nodes(jsonld_triples(), JPREFIXES))
    assert nodes == EXPECTED_NODES
    # key order within a node follows the triples (after @id)
    assert list(nodes[0]) == list(EXPECTED_NODES[0])


def test_jsonld_nodes_of_nothing_is_nothing():
    assert list(jsonld_nodes([], JPREFIXES)) == []
    assert list(jsonld_nodes(iter([]), {})) == []


def test_jsonld_nodes_without_prefixes_keep_absolute_iris():
    t = ox.Triple(N(EX + "s"), N(RDF + "type"), N(EX + "C"))
    u = ox.Triple(N(EX + "s"), N(EX + "p"), ox.Literal("1", datatype=N(XSD + "integer")))
    assert list(jsonld_nodes([t, u], {})) == [
        {"@id": EX + "s", "@type": EX + "C", EX + "p": {"@value": "1", "@type": XSD + "integer"}}]


def test_jsonld_nodes_read_back_as_the_same_graph():
    triples = jsonld_triples()
    document = json.dumps({"@context": JPREFIXES, "@graph": list(jsonld_nodes(triples, JPREFIXES))},
                          ensure_ascii=False)
    expected = rdflib_graph(triples)
    assert len(expected) == len(triples)

    by_rdflib = rdflib.Graph().parse(data=document, format="json-ld")
    assert len(by_rdflib) == len(triples)
    assert rdflib.compare.isomorphic(by_rdflib, expected)

    by_oxigraph = [q.triple if isinstance(q, ox.Quad) else q
                   for q in ox.parse(document.encode(), format=ox.RdfFormat.JSON_LD)]
    assert len(set(by_oxigraph)) == len(triples)
    assert rdflib.compare.isomorphic(rdflib_graph(by_oxigraph), expected)
    assert literal_forms(by_oxigraph) == literal_forms(triples)  # "0.750" and "042" kept as written


def _ox_triples(path: Path, fmt: ox.RdfFormat) -> list[ox.Triple]:
    return [q.triple if isinstance(q, ox.Quad) else q for q in ox.parse(path=str(path), format=fmt)]


@pytest.mark.parametrize("make", [lambda: build(corpus()), awkward_graph], ids=["corpus", "awkward"])
def test_write_jsonld_is_the_graph_one_node_per_subject(tmp_path, make):
    graph = make()
    graph.write(tmp_path, ["nt", "jsonld"])
    nt = _ox_triples(tmp_path / "graph.nt", ox.RdfFormat.N_TRIPLES)
    from_jsonld = _ox_triples(tmp_path / "graph.jsonld", ox.RdfFormat.JSON_LD)
    assert set(from_jsonld) == set(nt)  # exact terms, lexical forms included (no blank nodes here)
    assert len(from_jsonld) == len(nt)

    by_rdflib = rdflib.Graph().parse(tmp_path / "graph.jsonld", format="json-ld")
    assert rdflib.compare.isomorphic(by_rdflib, to_rdflib(graph))

    data = json.loads((tmp_path / "graph.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == prefixes_of(graph)
    ids = [node["@id"] for node in data["@graph"]]
    assert len(ids) == len(set(ids)) == len({t.subject for t in nt})
    assert all(i.startswith(("doc:", "ent:", "stmt:")) for i in ids)
    # confidences keep their three decimals
    assert any(node.get("kg:confidence") == {"@value": "0.800", "@type": "xsd:decimal"} for node in data["@graph"])


# -- 3. the triple stream --------------------------------------------------------------------------


def _subject_runs(triples) -> list:
    runs = []
    for t in triples:
        if not runs or runs[-1] != t.subject:
            runs.append(t.subject)
    return runs


@pytest.mark.parametrize("make", [lambda: build(corpus()), awkward_graph], ids=["corpus", "awkward"])
def test_ntriples_are_stable_grouped_by_subject_and_equal_to_rdflib(tmp_path, make):
    graph = make()
    first = graph.write(tmp_path / "one", ["nt"])[0].read_bytes()
    second = graph.write(tmp_path / "two", ["nt", "ttl"])[0].read_bytes()
    assert first == second
    assert first == make().write(tmp_path / "three", ["nt"])[0].read_bytes()  # a second graph of the same input

    # the file is the stream, line for line
    streamed = list(iter_triples(graph))
    in_file = _ox_triples(tmp_path / "one" / "graph.nt", ox.RdfFormat.N_TRIPLES)
    assert in_file == streamed
    assert len(first.decode().splitlines()) == len(streamed) == len(set(streamed))

    # the same triples as the rdflib graph, read back with rdflib from N-Triples and Turtle
    expected = to_rdflib(graph)
    assert set(rdflib.Graph().parse(tmp_path / "one" / "graph.nt", format="nt")) == set(expected)
    assert rdflib.compare.isomorphic(rdflib.Graph().parse(tmp_path / "two" / "graph.ttl", format="turtle"),
                                     expected)

    # every subject's triples are contiguous: documents, then entities, then statements, each by id
    runs = _subject_runs(in_file)
    assert len(runs) == len(set(runs)) == len({t.subject for t in in_file})
    base = graph.base_iri
    kinds = [next(k for k in ("document/", "entity/", "statement/") if s.value.startswith(base + k)) for s in runs]
    assert kinds == sorted(kinds, key=["document/", "entity/", "statement/"].index)
    assert kinds.count("document/") == len(graph.documents)
    assert kinds.count("entity/") == len(graph.entities)
    assert kinds.count("statement/") == len(graph.statements)
    # each run starts with its rdf:type; an entity's label comes next
    for s in runs:
        mine = [t for t in in_file if t.subject == s]
        assert mine[0].predicate.value == RDF + "type"
        if s.value.startswith(base + "entity/"):
            assert mine[1].predicate.value == "http://www.w3.org/2000/01/rdf-schema#label"
    # relations sit in their subject's run (the Turtle writer relies on it)
    assert graph.relations
    for r in graph.relations:
        run = [t for t in in_file if t.subject.value == str(entity_iri(graph, r.subject))]
        assert any(t.predicate.value.endswith("#" + r.predicate) for t in run)


def test_a_firm_named_with_a_word_firms_names_open_with_is_its_short_name():
    """"Gruppo Varenna" and "Varenna" in one document are one firm (lexicon firm_openers)."""
    ents = build([doc("h-varenna", [mention("Gruppo Varenna", "Company"), mention("Varenna", "Company", start=40)])]
                 ).entities
    assert [(e.name, e.alt_labels) for e in ents.values()] == [("Gruppo Varenna", ("Varenna",))]


def test_streaming_components_let_go_of_each_doc(nlp):
    """No kg component keeps a Doc (or a token or span of it) alive after the call that read it: their
    per-document memos are dropped when the call ends, so a long build holds only the Docs it is reading."""
    import gc
    import weakref

    doc = nlp("Kelvor Motors, based in Lyon, makes vans for Tarvo Freight. Its rival Orvane Auto sued it in "
              "March, the company said.")
    assert doc._.kg_relation_data  # (the components did read it)
    ref = weakref.ref(doc)
    del doc
    gc.collect()
    assert ref() is None


def test_streaming_components_keep_no_document_data_after_a_call(nlp):
    """Nor anything else of the document: what ``kg_entities`` and ``kg_coref`` keep on themselves while they
    read a Doc (its indexes, memos, items) goes when the call ends. After a second document they hold the
    same attributes, each the same object, as after the first (an attribute of a document's own would be
    the second's now, or new)."""
    names = ("kg_entities", "kg_coref")
    nlp("Kelvor Motors, based in Lyon, makes vans for Tarvo Freight.")  # (whatever is made once, made)
    after_one = {name: dict(vars(nlp.get_pipe(name))) for name in names}
    doc = nlp("Its rival Orvane Auto sued Kelvor Motors in March. The company said it makes cars in Brno.")
    assert doc._.kg_entity_data and doc._.coref_links  # (both components did read it)
    kept = {name: sorted(k for k, v in vars(nlp.get_pipe(name)).items()
                         if k not in after_one[name] or after_one[name][k] is not v) for name in names}
    assert kept == {name: [] for name in names}
