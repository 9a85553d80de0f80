"""kg-builder as a library: spaCy factories, Doc extensions, the Python API, the config file."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin, Span

import kg
from kg.errors import ModelError
from kg.relations.model import PACKAGED_WEIGHTS
from kg.pipeline import DEFAULT_MODEL, default_config_path, load_pipeline, read_config

EXAMPLE = "Amazon invests in Anthropic. The retailer also competes with Microsoft."
QUALIFIED = "Amazon invested $4 billion in Anthropic in March 2024."


def _run(code: str, tmp_path: Path) -> dict:
    """Run ``code`` in a fresh interpreter (the parent's imports do not leak) and parse its JSON."""
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _relation_rows(doc: Doc) -> list[tuple]:
    return [(r.subject.start, r.subject.end, r.subject_name, r.predicate, r.object.start, r.object.end,
             r.object_name, r.confidence, r.modality, tuple(sorted(r.qualifiers.items())))
            for r in doc._.relations]


# -- factories through the spacy_factories entry point ---------------------------------

FRESH = f"""
import json, sys
from importlib.metadata import entry_points
import spacy
from spacy.tokens import Doc, DocBin, Span

out = {{"entry_points": sorted(ep.name for ep in entry_points(group="spacy_factories")
                              if ep.value.startswith("kg."))}}
out["kg_imported_before"] = "kg" in sys.modules
nlp = spacy.load({DEFAULT_MODEL!r})  # spaCy imports the entry points' modules here
out["registered_before"] = Doc.has_extension("relations")

# A DocBin written by another process: its data is there, the extensions come from kg.
[stored] = DocBin().from_disk("docs.spacy").get_docs(nlp.vocab)
import kg
kg.register_extensions()
out["stored"] = [[r.subject.text, r.predicate, r.object.text, r.qualifiers] for r in stored._.relations]
out["stored_entities"] = [[e.span.text, e.cls] for e in stored._.kg_entities]

nlp.add_pipe("kg_entities")
nlp.add_pipe("kg_coref")
nlp.add_pipe("kg_relations")
nlp.add_pipe("kg_relation_model")
out["pipe_names"] = nlp.pipe_names
doc = nlp({EXAMPLE!r})
out["relations"] = [
    {{"subject": r.subject.text, "subject_is_span": isinstance(r.subject, Span) and r.subject.doc is doc,
      "object": r.object.text, "object_is_span": isinstance(r.object, Span) and r.object.doc is doc,
      "predicate": r.predicate, "confidence": r.confidence, "qualifiers": r.qualifiers,
      "subject_name": r.subject_name, "object_name": r.object_name}}
    for r in doc._.relations
]
out["coref_links"] = [[m.text, a.text] for m, a in doc._.coref_links]
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def stored_doc(nlp) -> Doc:
    return nlp(QUALIFIED)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory, stored_doc) -> dict:
    """One fresh interpreter (the model loaded once): the issue's example without importing kg,
    after reading a DocBin written here."""
    folder = tmp_path_factory.mktemp("fresh")
    DocBin(store_user_data=True, docs=[stored_doc]).to_disk(folder / "docs.spacy")
    return _run(FRESH, folder)


def test_library_factories_load_through_entry_points(fresh):
    assert fresh["entry_points"] == ["kg_coref", "kg_entities", "kg_relation_model", "kg_relations"]
    assert fresh["kg_imported_before"] is False
    assert fresh["registered_before"] is False  # registered by the factories, not before
    assert fresh["pipe_names"][-4:] == ["kg_entities", "kg_coref", "kg_relations", "kg_relation_model"]
    rels = fresh["relations"]
    assert rels and all(r["subject_is_span"] and r["object_is_span"] for r in rels)
    assert all(isinstance(r["confidence"], float) and 0 < r["confidence"] <= 1 for r in rels)
    assert all(isinstance(r["qualifiers"], dict) for r in rels)
    triples = {(r["subject_name"], r["predicate"], r["object_name"]) for r in rels}
    assert ("Amazon", "investsIn", "Anthropic") in triples
    invest = next(r for r in rels if r["predicate"] == "investsIn")
    assert (invest["subject"], invest["object"]) == ("Amazon", "Anthropic")


def test_library_fresh_pipeline_resolves_the_retailer(fresh):
    """The issue's done-when: competesWith Microsoft, its subject "The retailer" resolved to Amazon."""
    compete = [r for r in fresh["relations"] if r["predicate"] == "competesWith"]
    assert [(r["subject"], r["subject_name"], r["object_name"]) for r in compete] == [
        ("The retailer", "Amazon", "Microsoft")], fresh["relations"]
    assert ["The retailer", "Amazon"] in fresh["coref_links"], fresh["coref_links"]


def test_library_relation_records_carry_spans_and_qualifiers(nlp):
    doc = nlp(QUALIFIED)
    [rel] = [r for r in doc._.relations if r.predicate == "investsIn"]
    assert isinstance(rel.subject, Span) and rel.subject.doc is doc and rel.subject.text == "Amazon"
    assert rel.object.text == "Anthropic" and rel.object_name == "Anthropic"
    assert rel.qualifiers.get("amount") == "$4 billion"
    assert rel.sentence.text == QUALIFIED and rel.asserted
    names = [(e.span.text, e.name, e.cls) for e in doc._.kg_entities]
    assert ("Amazon", "Amazon", "Company") in names and ("Anthropic", "Anthropic", "Company") in names


def test_library_coref_links_are_span_pairs(nlp):
    doc = nlp("Microsoft met OpenAI. The software giant later invested in Mistral.")
    links = [(m.text, a.text) for m, a in doc._.coref_links]
    assert ("The software giant", "Microsoft") in links
    assert all(isinstance(m, Span) and m.doc is doc for m, _ in doc._.coref_links)


# -- clear errors ----------------------------------------------------------------------


def test_library_relations_without_parser_fail_clearly():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match=r"kg_relations needs a pipeline with a dependency parser.*"
                                         r"current pipes: \[\]"):
        nlp.add_pipe("kg_relations")


def test_library_relations_before_entities_fail_clearly():
    nlp = spacy.blank("en")
    nlp.add_pipe("parser")
    with pytest.raises(ValueError, match=r"kg_relations needs 'kg_entities' earlier.*"
                                         r"Current pipes: \['parser'\]"):
        nlp.add_pipe("kg_relations")


def test_library_coref_before_entities_fails_clearly():
    nlp = spacy.blank("en")
    with pytest.raises(ValueError, match=r"kg_coref needs 'kg_entities' earlier in the pipeline: "
                                         r"nlp.add_pipe\('kg_entities'\) first"):
        nlp.add_pipe("kg_coref")


def test_library_coref_without_parse_fails_clearly_on_call():
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_coref")
    with pytest.raises(ValueError, match="kg_coref needs a dependency parse"):
        nlp("Amazon invests in Anthropic.")


def test_library_unknown_model_names_it_and_how_to_install():
    with pytest.raises(ModelError, match=r"Cannot load the spaCy pipeline 'no_such_model_xyz'.*pip install"):
        load_pipeline("no_such_model_xyz")


# -- serialisation ---------------------------------------------------------------------


def test_library_doc_bytes_round_trip_keeps_extensions(nlp):
    doc = nlp(EXAMPLE)
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert _relation_rows(back) == _relation_rows(doc) != []
    assert [(e.span.start, e.name, e.cls, e.via) for e in back._.kg_entities] == \
        [(e.span.start, e.name, e.cls, e.via) for e in doc._.kg_entities]
    assert [(m.start, a.start) for m, a in back._.coref_links] == \
        [(m.start, a.start) for m, a in doc._.coref_links] != []


def test_library_docbin_round_trip_keeps_extensions(nlp):
    docs = list(nlp.pipe([EXAMPLE, QUALIFIED]))
    bin_ = DocBin(store_user_data=True, docs=docs)
    back = list(DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab))
    assert [_relation_rows(d) for d in back] == [_relation_rows(d) for d in docs]
    assert back[1]._.relations[0].qualifiers["amount"] == "$4 billion"
    assert isinstance(back[0]._.coref_links, list)
    assert [(m.text, a.text) for m, a in back[0]._.coref_links] == \
        [(m.text, a.text) for m, a in docs[0]._.coref_links]
    assert [e.name for e in back[0]._.kg_entities] == [e.name for e in docs[0]._.kg_entities]


def test_library_docbin_loads_in_fresh_process(fresh, stored_doc):
    """Another process reads the relations back after kg.register_extensions()."""
    assert fresh["stored"] == [[r.subject.text, r.predicate, r.object.text, r.qualifiers]
                               for r in stored_doc._.relations] != []
    assert ["Amazon", "Company"] in fresh["stored_entities"]


def test_library_register_extensions_is_idempotent():
    kg.register_extensions()
    first = {n: Doc.get_extension(n) for n in ("kg_entities", "coref_links", "relations")}
    kg.register_extensions()
    assert {n: Doc.get_extension(n) for n in first} == first
    assert all(ext[2] is not None for ext in first.values())  # getters, rebuilt from user_data


# -- Python API ------------------------------------------------------------------------


def test_library_build_string_rdflib_and_networkx_agree(nlp):
    from kg.export.rdf import entity_iri
    from kg.namespace import KG

    graph = kg.build("Amazon invests in Anthropic. Microsoft competes with Google.")
    expected = {(r.subject, r.predicate, r.object) for r in graph.relations}
    assert ("Amazon", "investsIn", "Anthropic") in expected and len(expected) == 2
    ids = {entity_iri(graph, e): e for e in graph.entities}
    predicates = {KG[p]: p for p in graph.ontology.relations}
    rdf = {(ids[s], predicates[p], ids[o]) for s, p, o in graph.to_rdflib()
           if p in predicates and s in ids and o in ids}
    nxg = {(u, d["relation"], v) for u, v, d in graph.to_networkx().edges(data=True)}
    assert rdf == nxg == expected


# -- the pipeline config -----------------------------------------------------------------


def test_library_config_settings_match_factory_defaults():
    cfg = read_config()
    assert cfg["kg"]["model"] == DEFAULT_MODEL
    for name in cfg["kg"]["pipeline"]:
        block = dict(cfg["components"][name])
        assert block.pop("factory") == name
        default = dict(Language.get_factory_meta(name).default_config)
        if name == "kg_relation_model":
            # the network comes with the trained weights (their meta.json), and `make train` writes the
            # per-relation thresholds it tuned into the config: every relation the model predicts has one
            assert "model" not in block
            default.pop("model")
            tuned, default_thresholds = block.pop("thresholds"), default.pop("thresholds")
            assert default_thresholds == {}
            assert sorted(tuned) == sorted(json.loads((PACKAGED_WEIGHTS / "cfg.json").read_text())["labels"])
            assert all(0 < v < 1 for v in tuned.values())
        assert block == default, name


def test_library_config_file_changes_model_and_settings(tmp_path):
    text = default_config_path().read_text(encoding="utf-8")
    custom = tmp_path / "kg.cfg"
    custom.write_text(text.replace("min_confidence = 0.3", "min_confidence = 0.95")
                      .replace("paragraph_breaks = true", "paragraph_breaks = false"), encoding="utf-8")
    nlp = load_pipeline(config=custom)
    assert "kg_paragraphs" not in nlp.pipe_names
    assert nlp.get_pipe("kg_relations").min_confidence == 0.95
    # the rules' 0.7 and 0.65 fall below the threshold
    assert [r for r in nlp(EXAMPLE)._.kg_relation_data if r["extractor"] != "model"] == []
    with pytest.raises(ModelError, match="'no_such_model_xyz'"):
        load_pipeline(config=custom, overrides={"kg.model": "no_such_model_xyz"})


def test_library_config_errors_name_file_and_options(tmp_path):
    with pytest.raises(ModelError, match="Cannot read the pipeline config .*missing.cfg"):
        read_config(tmp_path / "missing.cfg")
    bad = tmp_path / "bad.cfg"
    bad.write_text('[kg]\nmodel = "x"\npipeline = ["kg_entities"]\n\n[components]\n', encoding="utf-8")
    with pytest.raises(ModelError, match=r"no \[components.kg_entities\] block"):
        load_pipeline(DEFAULT_MODEL, config=bad)
    nomodel = tmp_path / "nomodel.cfg"
    nomodel.write_text("[components]\n", encoding="utf-8")
    with pytest.raises(ModelError, match=r"needs a \[kg\] section with 'model'"):
        read_config(nomodel)


# -- entity spans: NER boundary errors ----------------------------------------------------------------

def _rules_doc(nlp, text, *, model=False):
    """``text`` through the pipeline, without the relation model unless ``model``."""
    if model:
        return nlp(text)
    with nlp.select_pipes(disable=["kg_relation_model"]):
        return nlp(text)


def _triples(doc):
    return {(r["s_name"], r["predicate"], r["o_name"]) for r in doc._.kg_relation_data}


def _assert_reads(nlp, text, expected, absent=frozenset()):
    """The rules read every triple of ``expected`` from ``text`` and none of ``absent``."""
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found and not absent & found, found


def _entities_of(nlp, words, tags, ents):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, tags=tags, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc = nlp.get_pipe("kg_entities")(doc)
    return [(doc[it["start"]:it["end"]].text, it["cls"]) for it in doc._.kg_entity_data if it["via"] != "coref"]


def test_library_entities_drop_a_leading_preposition_before_a_known_name(nlp):
    # "Unlike Orrin Chat, ..., Orrin Chat is free": the NER ran the preposition into the name
    words = ["Unlike", "Orrin", "Chat", ",", "which", "Vela", "sells", ",", "Orrin", "Chat", "is", "free", "."]
    tags = ["IN", "NNP", "NNP", ",", "WDT", "NNP", "VBZ", ",", "NNP", "NNP", "VBZ", "JJ", "."]
    ents = ["B-PRODUCT", "I-PRODUCT", "I-PRODUCT", "O", "O", "B-ORG", "O", "O", "B-PRODUCT", "I-PRODUCT",
            "O", "O", "O"]
    spans = [text for text, _cls in _entities_of(nlp, words, tags, ents)]
    assert "Unlike Orrin Chat" not in spans and spans.count("Orrin Chat") == 2


def test_library_entities_keep_a_leading_preposition_of_an_unknown_name(nlp):
    # "Under Kestrel Apparel" is a name of its own when nothing else names "Kestrel Apparel"
    words = ["Under", "Kestrel", "Apparel", "opened", "a", "store", "."]
    tags = ["IN", "NNP", "NNP", "VBD", "DT", "NN", "."]
    ents = ["B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O"]
    assert [text for text, _cls in _entities_of(nlp, words, tags, ents)] == ["Under Kestrel Apparel"]


@pytest.mark.parametrize("tag, kept", [("NN", False), ("NNP", True)])
def test_library_entities_a_lone_common_noun_is_no_product(nlp, tag, kept):
    # a heading "Kestrel's Edge:": the NER took the common noun for a product
    words = ["Kestrel", "'s", "Edge", ":", "chips", "sell", "."]
    tags = ["NNP", "POS", tag, ":", "NNS", "VBP", "."]
    ents = ["B-ORG", "O", "B-PRODUCT", "O", "O", "O", "O"]
    found = _entities_of(nlp, words, tags, ents)
    assert ("Edge", "Product") in found if kept else all(text != "Edge" for text, _cls in found)


@pytest.mark.parametrize("text, expected", [
    # a finite verb joined to a passive one shares its subject
    ("Kestrel Motors, which is based in Ohio and operates in Brazil and Chile, sells trucks.",
     {("Kestrel Motors", "basedIn", "Ohio"), ("Kestrel Motors", "operatesIn", "Brazil"),
      ("Kestrel Motors", "operatesIn", "Chile")}),
    ("Pellam Foods is headquartered in Ohio and supplies Walmart.",
     {("Pellam Foods", "basedIn", "Ohio"), ("Pellam Foods", "suppliesTo", "Walmart")}),
])
def test_library_rules_read_verbs_joined_to_a_passive_clause(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


def test_library_rules_do_not_give_a_passive_subject_to_a_participle(nlp):
    """"was acquired by Y and renamed Z": the second verb is passive too; X renamed nothing."""
    found = _triples(_rules_doc(nlp, "Vela Systems was acquired by Orvane Corp in March and sold to "
                                     "Brightwater Energy in May."))
    assert not {r for r in found if r[0] == "Vela Systems" and r[2] == "Brightwater Energy"}, found


@pytest.mark.parametrize("verb, lemma, cls", [
    ("said", "say", "Person"),          # a lone surname says things: still a person
    ("joined", "join", "Person"),        # and joins, leads, works for things
    ("employs", "employ", "Company"),    # a lone name that employs people is a business
])
def test_library_entities_a_lone_person_name_is_a_company_only_by_what_businesses_do(nlp, verb, lemma, cls):
    from spacy.tokens import Doc

    words = ["Okafor", verb, "Lumo", "."]
    doc = Doc(nlp.vocab, words=words, tags=["NNP", "VBD", "NNP", "."], lemmas=["Okafor", lemma, "Lumo", "."],
              heads=[1, 1, 1, 1], deps=["nsubj", "ROOT", "dobj", "punct"],
              ents=["B-PERSON", "O", "B-ORG", "O"])
    doc = nlp.get_pipe("kg_entities")(doc)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found["Okafor"] == cls, found


@pytest.mark.parametrize("verb, lemma, cls", [("bought", "buy", "Company"), ("is", "be", "Place")])
def test_library_entities_a_lone_place_name_is_a_company_only_when_it_acts_like_one(nlp, verb, lemma, cls):
    # "Velmora bought Lumo" makes the NER's place a company; a copula says nothing of who acts
    # (livesIn's "be from" must not make every "X is ..." a business verb)
    from spacy.tokens import Doc

    words = ["Velmora", verb, "Lumo", "."]
    doc = Doc(nlp.vocab, words=words, tags=["NNP", "VBD" if verb != "is" else "VBZ", "NNP", "."],
              pos=["PROPN", "VERB" if verb != "is" else "AUX", "PROPN", "PUNCT"],
              lemmas=["Velmora", lemma, "Lumo", "."], heads=[1, 1, 1, 1],
              deps=["nsubj", "ROOT", "dobj" if verb != "is" else "attr", "punct"],
              ents=["B-GPE", "O", "B-ORG", "O"])
    doc = nlp.get_pipe("kg_entities")(doc)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found["Velmora"] == cls, found


@pytest.mark.parametrize("text, expected", [
    ("Roger Pell of NASA will fly to the station next year.", {("Roger Pell", "worksFor", "NASA")}),
    ("Stephanie Powell, of the World Bank, said the loan was approved.",
     {("Stephanie Powell", "worksFor", "World Bank")}),
    # an age between, and the place with the place it is in
    ("Marie Holloway, 50, of Bethany, Connecticut, was hurt in the crash.",
     {("Marie Holloway", "livesIn", "Bethany"), ("Marie Holloway", "livesIn", "Connecticut")}),
    ("Virginia Towle of Wallingford said the road was closed.", {("Virginia Towle", "livesIn", "Wallingford")}),
])
def test_library_rules_read_a_name_followed_by_of(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a company's name ending in a legal form, then "of" and a place
    ("Grayson Ltd. of Leeds, England, makes valves for water pumps.",
     {("Grayson", "basedIn", "Leeds")}, set()),
    # without a legal form, "of" is read only before a place
    ("Helix Motors of Leeds makes valves for water pumps.", {("Helix Motors", "basedIn", "Leeds")}, set()),
    ('"It will take time," said Kira Olsen of Helix Motors.', {("Kira Olsen", "worksFor", "Helix Motors")}, set()),
    # an institution "in" a place; a company "in" a place may only be doing business there
    ("Tomas Berg, a researcher at the Norrland Institute of Marine Biology in Umea, led the study.",
     {("Norrland Institute of Marine Biology", "basedIn", "Umea")}, set()),
    ("Patients at Saint Brigid Hospital in Galway were moved.", {("Saint Brigid Hospital", "basedIn", "Galway")}, set()),
    ("Sales at Helix Motors in Leeds fell sharply last year.", set(), {("Helix Motors", "basedIn", "Leeds")}),
])
def test_library_rules_read_of_or_in_after_an_organisation_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name, absent", [
    # "of" and the proper nouns after a word such names end on are the rest of the name
    ("The Central Bank of Ireland fined the lender.", "Central Bank of Ireland", "Ireland"),
    # where the gazetteer knows a shorter name ("Supreme Court"), the longer one wins, unlinked
    ("The ruling by the Supreme Court of Canada surprised lawyers.", "Supreme Court of Canada",
     "Supreme Court of the United States"),
])
def test_library_entities_keep_of_and_a_place_in_an_institution_name(nlp, text, name, absent):
    names = {it["name"] for it in _rules_doc(nlp, text)._.kg_entity_data}
    assert name in names and absent not in names, names


@pytest.mark.parametrize("text", [
    "She served as Lieutenant Governor of Maryland until 2015.",
    "He was appointed Prime Minister of Thailand in 1992.",
])
def test_library_entities_a_title_is_no_organisation(nlp, text):
    items = _rules_doc(nlp, text)._.kg_entity_data
    assert all(it["cls"] == "Place" or it["cls"] == "Country" for it in items), items
    assert not any(r["predicate"] == "basedIn" for r in _rules_doc(nlp, text)._.kg_relation_data)


@pytest.mark.parametrize("text, expected, absent", [
    # a rival is no subsidiary, and "in Poland" says where it competes, not with whom
    ("Buyers switched to Varda, Orlen's main rival in Poland.", {("Varda", "competesWith", "Orlen")},
     {("Varda", "subsidiaryOf", "Orlen"), ("Varda", "competesWith", "Poland")}),
    # the possessor of an appositive that is no role noun of another relation still owns it
    ("Shoppers like Varda, Orlen's discount chain.", {("Varda", "subsidiaryOf", "Orlen")}, set()),
    ("Trade buyers prefer Pellaro, Kestrel Group's logistics unit, for its speed.",
     {("Pellaro", "subsidiaryOf", "Kestrel Group")}, set()),
])
def test_library_rules_read_a_rival_in_apposition_as_a_rival(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a group noun that lists names stands for them, not for the country
    ("Brazil banned imports from Canadian grain companies Aspen Ridge Grain and Red River Oilseeds.",
     {("Brazil", "bans", "Aspen Ridge Grain"), ("Brazil", "bans", "Red River Oilseeds")}, {("Brazil", "bans", "Canada")}),
    ("Brazil banned imports from Canadian grain companies.", {("Brazil", "bans", "Canada")}, set()),
    # a place before "company" says where the company is; the company is the one that competes
    ("Aeris Robotics, a Salt Lake City company that competes with DJI, sells drones to police forces.",
     {("Aeris Robotics", "competesWith", "DJI")}, {("DJI", "competesWith", "Salt Lake City"),
                                                   ("Salt Lake City", "competesWith", "DJI")}),
])
def test_library_rules_a_noun_with_names_stands_for_them(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a chief executive or founder with no organisation named works for the one the text is about:
    # the subject of this sentence or the last (not the last organisation named)
    ("Tandaa, a Nairobi-based startup, has raised $38 million in a round led by Partech Africa, with "
     "participation from Ventures Platform.\nFounder and chief executive Wanjiru Kamau said the money would "
     "pay for expansion.", {("Wanjiru Kamau", "worksFor", "Tandaa")}, {("Wanjiru Kamau", "worksFor", "Ventures Platform")}),
    ("Marlow Foods will open 30 stores next year, chief executive Ana Silva said on Monday.",
     {("Ana Silva", "worksFor", "Marlow Foods")}, set()),
    # not an analyst (who works elsewhere), not "a former chief executive", not without an organisation
    ("Acme sued Beta Corp on Monday. Analyst Tom Reyes said the case was weak.", set(),
     {("Tom Reyes", "worksFor", "Acme")}),
    ("Vela Systems cut 200 jobs. A former chief executive, Jo Park, criticised the move.", set(),
     {("Jo Park", "worksFor", "Vela Systems")}),
])
def test_library_rules_read_a_chief_executive_of_the_company_the_text_is_about(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # who goods are bought, ordered or imported from supplies the buyer (kg:sourcePreposition)
    ("Marukaze will buy fresh produce from Queensland grower Harvest Coast Farms.",
     {("Harvest Coast Farms", "suppliesTo", "Marukaze")}, set()),
    ("Pacific Crest Lines has ordered six container vessels from HD Hyundai Heavy Industries.",
     {("HD Hyundai Heavy Industries", "suppliesTo", "Pacific Crest Lines")}, set()),
    ("Brazil imports most of its fertiliser from Russia.", {("Russia", "suppliesTo", "Brazil")}, set()),
    # a company bought from its owner is an acquisition, not a supply; the company bought supplies nothing
    ("Vexa bought Lumo from Helix Capital in 2019.", {("Vexa", "acquires", "Lumo")},
     {("Helix Capital", "suppliesTo", "Vexa"), ("Lumo", "suppliesTo", "Vexa")}),
    # the other inverse triggers keep their reading
    ("Cisco owns Splunk.", {("Splunk", "subsidiaryOf", "Cisco")}, set()),
])
def test_library_rules_read_who_goods_are_bought_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # where a person was born or is from: the vocabulary's "national of", cue "from"
    ("In 1898, composer Dana Whitfield was born in Brooklyn.", {("Dana Whitfield", "livesIn", "Brooklyn")}, set()),
    ("Ruth Adebayo, born in Lagos in 1975, founded the firm.", {("Ruth Adebayo", "livesIn", "Lagos")}, set()),
    ("Everyone knows Dana Whitfield is from Bay City, Michigan.", {("Dana Whitfield", "livesIn", "Bay City")},
     set()),
    ("Omar Haddad, 52, hails from Amman.", {("Omar Haddad", "livesIn", "Amman")}, set()),
    # moving away from a place is not being from it; "is from" an organisation is no home
    ("Dana Whitfield, who lives in Leeds, moved from Glasgow last year.", {("Dana Whitfield", "livesIn", "Leeds")},
     {("Dana Whitfield", "livesIn", "Glasgow")}),
    ("Dana Whitfield is from Acme Corp, the company said.", set(), {("Dana Whitfield", "livesIn", "Acme")}),
])
def test_library_rules_read_where_a_person_is_born_or_from(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # any job in apposition, with "at", "with" or "for" before the organisation
    ("The results surprised Hana Petrova, an ecologist at Lindqvist University.",
     {("Hana Petrova", "worksFor", "Lindqvist University")}, set()),
    ('"It is a big risk," said David Osei, an ecologist and entomologist at Marlow University.',
     {("David Osei", "worksFor", "Marlow University")}, set()),
    # a customer is no employee; a partner at a law firm works there (and is no business partner)
    ("Lena Ford, a longtime customer at Pellan Bank, filed the complaint.", set(),
     {("Lena Ford", "worksFor", "Pellan Bank")}),
    ("Jon Bale, a partner at Kestrel Law, represents the company.",
     {("Jon Bale", "worksFor", "Kestrel Law")}, {("Jon Bale", "partnersWith", "Kestrel Law")}),
])
def test_library_rules_read_a_job_in_apposition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation, any job, then the name: "KAL attorney George Tompkins"
    ("Veltro attorney Mara Quist said the case had no merit.", {("Mara Quist", "worksFor", "Veltro")}, set()),
    ("Apple plant manager Dana Holt said the line would reopen on Monday.",
     {("Dana Holt", "worksFor", "Apple")}, set()),
    # a shareholder is no employee
    ("Veltro shareholder Dana Holt complained about the delays.", {("Dana Holt", "investsIn", "Veltro")},
     {("Dana Holt", "worksFor", "Veltro")}),
])
def test_library_rules_read_a_job_between_an_organisation_and_a_name(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a company's plant, office or yard in a place
    ("Hollweg will close Aarestrup's plant in Bjerringbro.", {("Aarestrup", "operatesIn", "Bjerringbro")}, set()),
    ("Nvidia's office in Tel Aviv employs 3,000 people.", {("Nvidia", "operatesIn", "Tel Aviv")}, set()),
    # the subject of a verb that opens, builds or runs one ("the city of Malmo" is Malmo)
    ("Tesla opened a factory in Berlin in 2022.", {("Tesla", "operatesIn", "Berlin")}, set()),
    ("Orbis Networks opened an office in the city of Malmo.", {("Orbis Networks", "operatesIn", "Malmo")}, set()),
    # businesses of a kind in a place, named after "including" or "such as"
    ("A court has ordered internet providers in Spain, including Telefónica, Orange and Digi, to block the site.",
     {("Telefónica", "operatesIn", "Spain"), ("Digi", "operatesIn", "Spain")}, set()),
    # businesses of a kind in a place operate there; which of them is based there is not said
    ("Carmakers in Europe such as Renault and Stellantis have cut prices.",
     {("Renault", "operatesIn", "Europe"), ("Stellantis", "operatesIn", "Europe")},
     {("Renault", "basedIn", "Europe"), ("Stellantis", "basedIn", "Europe")}),
    # without a place right after the kind of business, nothing; and those told to block a site
    # restrict the site, not the place they are in
    ("Internet providers, including Telefónica and Digi, were ordered to block the site in Spain.", set(),
     {("Telefónica", "operatesIn", "Spain"), ("Telefónica", "restricts", "Spain")}),
    ("A court has ordered internet providers in Spain, including Telefónica and Digi, to block access to the "
     "site.", set(),
     {("Telefónica", "restricts", "Spain"), ("Digi", "restricts", "Spain")}),
])
def test_library_rules_read_where_a_company_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    ("Toyota said sales of the Toyota Camry rose in March.", {("Toyota", "develops", "Toyota Camry")}),
    ("Shipments of the Veltro Pad 3 slipped, Veltro said on Monday.", {("Veltro", "develops", "Veltro Pad 3")}),
])
def test_library_rules_read_the_maker_at_the_start_of_a_product_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # short sentences of mostly names end in a period: not Title Case headlines, whose NER is not trusted
    ("Harlow Media acquired Veltro Radio in 2009.", {("Harlow Media", "acquires", "Veltro Radio")}),
    ("Veltro Radio is owned by Harlow Media.", {("Veltro Radio", "subsidiaryOf", "Harlow Media")}),
])
def test_library_short_sentences_of_names_are_no_headlines(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # the parser made "Brightline Foods" the root and "partnered" a participle modifying it
    ("Brightline Foods partnered with Castor Logistics to deliver groceries in Ohio.",
     {("Brightline Foods", "partnersWith", "Castor Logistics")}, set()),
    # a participle with its agent stays passive
    ("Veltro chips, made by Orbis Networks, sell well.", set(), {("Veltro", "develops", "Orbis Networks")}),
])
def test_library_rules_read_a_main_verb_the_parser_took_for_a_modifier(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a name the text calls a city or a town is a place, in the place after "in"
    ("Uppsala is a city in Sweden.", {("Uppsala", "locatedIn", "Sweden")}, set()),
    ("Kiruna, a town in northern Sweden, hosts a large mine.", {("Kiruna", "locatedIn", "Sweden")}, set()),
    ("Lappeenranta is a city in the region of South Karelia.", {("Lappeenranta", "locatedIn", "South Karelia")},
     set()),
    # "the city of Leicester" names the city; it does not put the city's antecedent in it
    ("Harwick is a town in England. Many of its pupils come from the city of Leicester.",
     {("Harwick", "locatedIn", "England")}, {("Harwick", "locatedIn", "Leicester")}),
])
def test_library_rules_read_a_place_the_text_calls_a_city(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_a_title_case_line_is_still_a_headline(nlp):
    from kg.entities.headlines import TitleCaseLines

    doc = nlp.make_doc("Harlow Media Acquires Veltro Radio\nHarlow Media acquired Veltro Radio in 2009.")
    lines = TitleCaseLines(doc)
    assert lines(doc[0:2]) and not lines(doc[6:8])


def test_library_rules_read_investors_named_after_participation_from(nlp):
    _assert_reads(nlp, "Veltro raised $12 million from Harbor Ventures, with participation from Oakline Capital and "
                  "Birchwood Partners.", {("Oakline Capital", "investsIn", "Veltro"),
                                          ("Birchwood Partners", "investsIn", "Veltro")})


@pytest.mark.parametrize("text, expected, absent", [
    # the owner of the sales, exports or access a restriction reaches is the one restricted
    ("China restricted Halvard Micro's sales to state-owned banks.",
     {("China", "restricts", "Halvard Micro")}, set()),
    ("Canada will restrict India's access to Norvell's most advanced chips.",
     {("Canada", "restricts", "India")}, {("Canada", "restricts", "Norvell")}),
    # the subject of the verb a gerund's preposition hangs on ("responded by restricting")
    ("China has responded by restricting Halvard Micro's sales to operators of power grids.",
     {("China", "restricts", "Halvard Micro")}, set()),
    # not the owner of just anything restricted
    ("Canada restricted Veltro's chief executive from entering the site.", set(),
     {("Canada", "restricts", "Veltro")}),
])
def test_library_rules_read_who_a_restriction_of_their_sales_reaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, name", [
    ("The court ordered broadband providers, including Zento and Fibrix, to block the site.", "Fibrix"),
    ("The court ordered broadband providers, including Zento and Fibrix, to block the site.", "Zento"),
    ("Vexa expanded into Brazil after acquiring Lumo.", "Lumo"),
    ("Kessler Retail said it had paid the fees since 2020.", "Kessler Retail"),
])
def test_library_entities_names_the_sentence_shows_to_be_companies(nlp, text, name):
    doc = _rules_doc(nlp, text)
    found = {doc[it["start"]:it["end"]].text: it["cls"] for it in doc._.kg_entity_data}
    assert found.get(name) == "Company", found


def test_library_rules_read_of_only_between_classes_a_relation_takes(nlp):
    """"Maria Lopez of the Tom Reyes campaign": two people are in no relation of "of"; the rule
    also reads nothing without a name right after "of" ("the head of sales")."""
    found = _triples(_rules_doc(nlp, "Maria Lopez of Tom Reyes said nothing. Ana Ruiz, head of sales at "
                                     "Acme, agreed."))
    assert not {r for r in found if r[0] == "Maria Lopez"}, found
    assert not {r for r in found if r[2] == "sales"}, found


@pytest.mark.parametrize("label", ["ORG", "PERSON"])
def test_library_entities_a_name_ending_in_a_place_word_is_a_place(nlp, label):
    # whatever the NER called it, "Custer National Forest" is a place (and "Forest Labs" is not:
    # the place word must end the name)
    words = ["Crews", "reached", "Custer", "National", "Forest", "near", "the", "offices", "of", "Forest", "Labs", "."]
    tags = ["NNS", "VBD", "NNP", "NNP", "NNP", "IN", "DT", "NNS", "IN", "NNP", "NNP", "."]
    ents = ["O", "O", f"B-{label}", f"I-{label}", f"I-{label}", "O", "O", "O", "O", "B-ORG", "I-ORG", "O"]
    found = dict(_entities_of(nlp, words, tags, ents))
    assert found["Custer National Forest"] == "Place" and found["Forest Labs"] == "Company", found


def test_library_entities_a_dateline_city_is_dropped_unless_named_with_its_region(nlp):
    """"HELSINKI –" says where a story was filed: no entity. "AUSTIN, Texas –" also says where the
    city is: it stays, in the region."""
    alone = _rules_doc(nlp, "HELSINKI \u2013 Nokia said on Monday it would cut 500 jobs.")
    paired = _rules_doc(nlp, "AUSTIN, Texas \u2013 Dell said on Monday it would cut 500 jobs.")
    assert "Helsinki" not in {it["name"] for it in alone._.kg_entity_data}
    assert {"Austin", "Texas"} <= {it["name"] for it in paired._.kg_entity_data}
    found = _triples(paired)
    assert ("Austin", "locatedIn", "Texas") in found, found


@pytest.mark.parametrize("model", [False, True])
def test_library_a_kept_dateline_city_is_in_no_other_relation(nlp, model):
    """The parse may run the dateline into the sentence ("AUSTIN ... has raised"): the city still
    takes part only in its locatedIn, by the rules or the model."""
    text = ("AUSTIN, Texas - Vantor Grid, a startup that builds batteries, has raised $210 million in a "
            "round led by Khosla Ventures, the company said on Tuesday.")
    found = _triples(_rules_doc(nlp, text, model=model))
    assert ("Austin", "locatedIn", "Texas") in found, found
    assert not {r for r in found if "Austin" in (r[0], r[2]) and r[1] != "locatedIn"}, found


@pytest.mark.parametrize("model", [False, True])
def test_library_the_region_of_a_kept_dateline_city_is_in_no_other_relation(nlp, model):
    # the parse runs "Taiwan" into the sentence as the subject of "sued"; it only says where Hsinchu is
    text = ("HSINCHU, Taiwan, Aug 6 \u2013 Jadeite Semiconductor has sued a former senior process engineer, "
            "Lin Chia-hao, and ChangXin Memory Technologies, the Hefei-based chipmaker he joined in March.")
    found = _triples(_rules_doc(nlp, text, model=model))
    assert ("Hsinchu", "locatedIn", "Taiwan") in found, found
    assert not {r for r in found if "Taiwan" in (r[0], r[2]) and r[1] != "locatedIn"}, found


@pytest.mark.parametrize("text, expected", [
    # a role noun's listed names, with "such as" or "including"
    ("The rules restrict Chinese foundries such as Shenhe Microelectronics and Qiantang Semiconductor "
     "from buying tools.",
     {("Shenhe Microelectronics", "basedIn", "China"), ("Qiantang Semiconductor", "basedIn", "China")}),
    ("China banned exports to three Indian battery manufacturers, including Sahyadri Cells.",
     {("Sahyadri Cells", "basedIn", "India")}),
    # a list after a role noun, whichever word of the first name the list hangs off
    ("China banned canola imports from Canadian grain companies Aspen Ridge Grain and Red River Oilseeds.",
     {("Aspen Ridge Grain", "basedIn", "Canada"), ("Red River Oilseeds", "basedIn", "Canada")}),
])
def test_library_rules_read_the_names_a_role_noun_lists(nlp, text, expected):
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found, found


def test_library_entities_both_cities_of_a_slashed_dateline_are_dropped(nlp):
    doc = _rules_doc(nlp, "BEIJING/WINNIPEG, March 20 \u2013 China's customs agency said on Thursday it "
                          "had banned imports.")
    names = {it["name"].lower() for it in doc._.kg_entity_data}
    assert "winnipeg" not in names and "beijing" not in names, names


def test_library_entities_a_funding_round_is_no_entity(nlp):
    doc = _rules_doc(nlp, "Tandaa raised $38 million in a Series B round led by Partech Africa.")
    assert "Series B" not in {it["name"] for it in doc._.kg_entity_data}


def test_library_entities_a_name_ending_in_a_firm_word_is_no_product(nlp):
    # the NER called it a product; "Fund" (like "Inc", "Bank", "Capital") ends a firm's name
    words = ["Okra", "Strategic", "Fund", "backed", "the", "startup", "."]
    tags = ["NNP", "NNP", "NNP", "VBD", "DT", "NN", "."]
    ents = ["B-PRODUCT", "I-PRODUCT", "I-PRODUCT", "O", "O", "O", "O"]
    assert dict(_entities_of(nlp, words, tags, ents))["Okra Strategic Fund"] == "Company"


def test_library_rules_read_who_a_company_counts_among_its_investors(nlp):
    found = _triples(_rules_doc(nlp, "Helix counts Sequoia Capital among its investors."))
    assert ("Sequoia Capital", "investsIn", "Helix") in found, found


@pytest.mark.parametrize("text, expected, absent", [
    # a law, rule or ruling does what its maker does: the subject of "passed", "adopted", "issued"
    ("Congress passed a bill banning Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("Norway adopted rules restricting Halvard Micro and Veltro.",
     {("Norway", "restricts", "Halvard Micro"), ("Norway", "restricts", "Veltro")}, set()),
    # ... a relative clause's subject, the agent of "passed by", the owner of "Norway's rules"
    ("The law, which Congress passed in April, bans Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("The law passed by Congress bans Quillo.", {("United States Congress", "bans", "Quillo")}, set()),
    ("Norway's new rules restrict Halvard Micro.", {("Norway", "restricts", "Halvard Micro")}, set()),
    # a country's parliament or ministry acts for the country, as its government does
    ("The Danish parliament restricted Halvard Micro.", {("Denmark", "restricts", "Halvard Micro")}, set()),
    # who criticised a law did not make it
    ("Lawyers for Veltro criticized a law banning Quillo.", set(), {("Veltro", "bans", "Quillo")}),
])
def test_library_rules_read_what_a_law_does_as_its_makers_act(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_rules_a_law_proposed_is_a_hypothetical_relation(nlp):
    doc = _rules_doc(nlp, "The Senate proposed a law banning Quillo.")
    modality = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
    assert modality == {("United States Senate", "bans", "Quillo"): "hypothetical"}, modality


@pytest.mark.parametrize("text, expected", [
    # a product listed beside a company is restricted as the company is, not only what a restriction is about
    ("Norway restricted Veltro and the Quillo app.",
     {("Norway", "restricts", "Veltro"), ("Norway", "restricts", "Quillo")}),
    ("Norway banned the Quillo app and Veltro.",
     {("Norway", "bans", "Quillo"), ("Norway", "bans", "Veltro")}),
])
def test_library_rules_read_a_product_listed_beside_a_restricted_company(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_library_rules_read_a_listed_name_the_parser_hung_off_the_verb(nlp):
    # the small parser tags "Geely" an adverb (its "-ly") and hangs it off the verb, not the list
    _assert_reads(nlp, "Chinese carmakers such as BYD and Geely are expanding in Europe.",
                  {("BYD", "operatesIn", "Europe"), ("Geely", "operatesIn", "Europe"),
                   ("Geely", "basedIn", "China")})


@pytest.mark.parametrize("text, expected, absent", [
    # with its own subject, the place of a ban or restriction says where it applies, not whom
    ("Gov. Ana Ruiz prohibited storage of radioactive waste in Nevada.", set(), {("Ana Ruiz", "bans", "Nevada")}),
    ("Norway banned sales of Quillo phones in Tromso.", set(), {("Norway", "bans", "Tromso")}),
    # ... where a country keeps the news reading, and a passive's place still bans
    ("The U.S. restricted sales of chips in China.", {("United States", "restricts", "China")}, set()),
    ("Quillo was banned in Norway.", {("Norway", "bans", "Quillo")}, set()),
])
def test_library_rules_a_place_where_a_ban_applies_is_not_banned(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a company's market is a place it operates in
    ("China is Veltro's largest market.", {("Veltro", "operatesIn", "China")}, set()),
    ("Brazil, Veltro's third-largest market, slowed.", {("Veltro", "operatesIn", "Brazil")}, set()),
    # "remained", "became" are copulas too
    ("Veltro said the U.S. remained its biggest market.", {("Veltro", "operatesIn", "United States")}, set()),
    ("Ana Ruiz remained Veltro's chief executive.", {("Ana Ruiz", "worksFor", "Veltro")}, set()),
    # a market share is no market
    ("Veltro's market share in China rose.", set(), {("Veltro", "operatesIn", "China")}),
    # a city has markets, and operates in nothing
    ("It is set in Les Halles, the central market of Paris.", set(), {("Paris", "operatesIn", "Les Halles")}),
])
def test_library_rules_read_a_company_market_as_where_it_operates(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, product, maker", [
    # a name right after a kind of product is the product, though "maker of" relates it to a firm
    ("Fjellvik Games, the maker of the mobile puzzle game Tidewater, sued Apple.", "Tidewater", "Fjellvik Games"),
    # before a kind of product an organisation owns ("platform" alone also names companies)
    ("The deal gives the ministry access to Veltro's government-certified Bastion platform.", "Bastion", "Veltro"),
    ("Ridgeback, whose Bison pickup goes on sale next year, competes with Rivian.", "Bison", "Ridgeback"),
])
def test_library_entities_a_name_given_to_a_kind_of_product_is_a_product(nlp, text, product, maker):
    doc = _rules_doc(nlp, text)
    classes = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get(product) == "Product", classes
    assert (maker, "develops", product) in _triples(doc)


@pytest.mark.parametrize("text, name", [
    # "who" stands for people; so does a name apposed to a person's job
    ("Gemma Arkwright, who lives in Leeds, joined Veltro.", "Gemma Arkwright"),
    ("\"Prices are high,\" said Gemma Arkwright, Veltro's finance director.", "Gemma Arkwright"),
])
def test_library_entities_a_name_the_sentence_shows_to_be_a_person(nlp, text, name):
    doc = _rules_doc(nlp, text)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == "Person", doc._.kg_entity_data


@pytest.mark.parametrize("text, expected, absent", [
    ("\"Prices are high,\" said Gemma Arkwright, Veltro's finance director, who lives in Leeds.",
     {("Gemma Arkwright", "livesIn", "Leeds")}, set()),
    # a person based somewhere lives there; a company based somewhere is based there
    ("\"Prices are high,\" said Lena Kowalczyk, a Polish citizen based in Warsaw.",
     {("Lena Kowalczyk", "livesIn", "Warsaw"), ("Lena Kowalczyk", "livesIn", "Poland")}, set()),
    ("Veltro, a company based in Leeds, hired Ana Ruiz.", {("Veltro", "basedIn", "Leeds")},
     {("Veltro", "livesIn", "Leeds")}),
    # the townspeople news quotes: "a farmer in Fresno"
    ("\"Prices are high,\" said Rick Alvarez, a farmer in Fresno, California.",
     {("Rick Alvarez", "livesIn", "Fresno")}, set()),
    # a nationality said with the copula
    ("\"Drivers are free,\" said Amina Yusuf, the company's chief operating officer, who is Nigerian.",
     {("Amina Yusuf", "livesIn", "Nigeria")}, set()),
    ("Amina Yusuf is Nigerian.", {("Amina Yusuf", "livesIn", "Nigeria")}, set()),
    ("The Zeta phone is Nigerian.", set(), {("Zeta", "livesIn", "Nigeria")}),
])
def test_library_rules_read_where_people_live_as_news_says_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # who leads a group acts for it
    ("Three drivers led by Chinedu Okafor have sued Zuri Rides.", {("Chinedu Okafor", "sues", "Zuri Rides")}),
    ("A group of 1,200 retailers led by Hollis & Brook has sued Veltro.", {("Hollis & Brook", "sues", "Veltro")}),
    ("A consortium led by Harbor Ventures acquired Veltro.", {("Harbor Ventures", "acquires", "Veltro")}),
])
def test_library_rules_read_the_leader_of_a_group_as_its_voice(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, absent", [
    # rivals named without an owner are the clause subject's rivals, not each other's
    ("Veltro faces stiff competition from rivals Quillo and Brightline.",
     {("Quillo", "competesWith", "Veltro")}, {("Quillo", "competesWith", "Brightline")}),
    ("Hollweg agreed to buy Danish rival Aarestrup for $2.3 billion.",
     {("Aarestrup", "competesWith", "Hollweg")}, {("Hollweg", "competesWith", "Denmark")}),
    # ... and rivals that are the subject are each other's
    ("Veltro and Quillo are rivals.", {("Veltro", "competesWith", "Quillo")}, set()),
    # a verb with its subject is no role noun
    ("Veltro rivals Quillo in Europe.", {("Veltro", "competesWith", "Quillo")}, {("Quillo", "basedIn", "Europe")}),
])
def test_library_rules_read_whose_rivals_the_text_names(nlp, text, expected, absent):
    found = _triples(_rules_doc(nlp, text))
    symmetric = found | {(o, p, s) for s, p, o in found if p == "competesWith"}
    assert expected <= symmetric and not absent & symmetric, found


@pytest.mark.parametrize("text, expected, absent", [
    # an organisation based in "City, Region" is based in both, as "an Austin, Texas-based firm" is
    ("Veltro is headquartered in Austin, Texas.", {("Veltro", "basedIn", "Austin"), ("Veltro", "basedIn", "Texas")},
     set()),
    # where a person lives is the place alone, as news annotates it
    ("Ana Ruiz lives in Leeds, England.", {("Ana Ruiz", "livesIn", "Leeds")}, {("Ana Ruiz", "livesIn", "England")}),
])
def test_library_rules_read_the_region_an_organisations_seat_is_written_with(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a light verb's place counts whoever owns the noun ("its store"), and a shop is no product
    ("Marukaze Holdings will open its first Australian store in Parramatta in September.",
     {("Marukaze", "operatesIn", "Parramatta")}, set()),
    # a hyphenated modifier between the place and the firm word
    ("Clearwater bought Lithuanian e-money firm Pinigai in 2023.", {("Pinigai", "basedIn", "Lithuania")}, set()),
    ("Japanese discount chain Marukaze plans 30 stores in Australia.", {("Marukaze", "basedIn", "Japan")}, set()),
    # a name listed after the first with an owner of its own is not the role noun's
    ("The department may restrict shipments by Dutch equipment maker ASML and Japan's Tokyo Electron.",
     {("ASML", "basedIn", "Netherlands"), ("Tokyo Electron", "basedIn", "Japan")},
     {("Tokyo Electron", "basedIn", "Netherlands")}),
])
def test_library_rules_read_shops_and_seats_news_names(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_entities_a_shop_is_no_product(nlp):
    doc = _rules_doc(nlp, "Marukaze Holdings will open its first Australian store in Parramatta.")
    assert not [it for it in doc._.kg_entity_data if it["cls"] == "Product"], doc._.kg_entity_data


@pytest.mark.parametrize("text, expected, absent", [
    # owning or buying a stake is investing
    ("Harbor Capital owns a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    ("Harbor Capital bought a 40% stake in Veltro.", {("Harbor Capital", "investsIn", "Veltro")}, set()),
    # every name of the list a plural role noun's verb takes
    ("Quillo's backers include Harbor Capital and Veltro.",
     {("Harbor Capital", "investsIn", "Quillo"), ("Veltro", "investsIn", "Quillo")}, set()),
    # the parser hangs "with" on "head-to-head"
    ("Veltro competes head-to-head with Quillo in the market for sensors.",
     {("Veltro", "competesWith", "Quillo")}, set()),
    # "its Zephyr app" is Zephyr, not a product named after its owner
    ("Veltro launched its Zephyr app in Brazil.", {("Veltro", "offers", "Zephyr")}, {("Veltro", "offers", "Veltro app")}),
])
def test_library_rules_read_stakes_lists_and_named_apps(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, modality", [
    # who is kept "from" doing something is its agent, and does not do it
    ("Regulators in Canada barred Veltro from offering its Zephyr service.", ("Veltro", "offers", "Zephyr"),
     "negated"),
    ("Veltro refrained from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "negated"),
    ("Veltro profited from selling Zephyr in Japan.", ("Veltro", "offers", "Zephyr"), "fact"),
])
def test_library_rules_read_who_is_kept_from_doing_it(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
    assert found.get(expected) == modality, found
    assert ("Canada", "offers", "Zephyr") not in found


@pytest.mark.parametrize("text, expected", [
    # a person "from" a place in apposition is from there, whatever the job
    ("Ana Ruiz, a lawyer from Seville, joined Veltro in 2019.", {("Ana Ruiz", "livesIn", "Seville")}),
    ("Ana Ruiz grew up in Porto.", {("Ana Ruiz", "livesIn", "Porto")}),
    # a seat said with the copula; a role said with "named X its ..."
    ("Veltro's headquarters are in Austin.", {("Veltro", "basedIn", "Austin")}),
    ("Quillo named Ana Ruiz its new chief executive.", {("Ana Ruiz", "worksFor", "Quillo")}),
])
def test_library_rules_read_origins_seats_and_appointments(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, owner, expected", [
    ("Quillo said Veltro is its biggest customer.", "Quillo", ("Quillo", "suppliesTo", "Veltro")),
    ("Quillo said Veltro was its largest shareholder.", "Quillo", ("Veltro", "investsIn", "Quillo")),
    ("Veltro said China was its biggest market.", "Veltro", ("Veltro", "operatesIn", "China")),
])
def test_library_coref_its_in_a_copula_predicate_is_not_the_copula_subject(nlp, text, owner, expected):
    doc = _rules_doc(nlp, text)
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == [owner], doc._.kg_entity_data
    assert expected in _triples(doc)


@pytest.mark.parametrize("text, expected, absent", [
    # whose shipments, imports or exports a restriction reaches: the one it restricts
    ("Canada imposed curbs on exports by Halvern Mining.", {("Canada", "restricts", "Halvern Mining")}, set()),
    ("The Federal Trade Commission restricted shipments by Tellan.",
     {("Federal Trade Commission", "restricts", "Tellan")}, set()),
    ("Peru's trade ministry restricted imports from Calder Farms.", {("Peru", "restricts", "Calder Farms")}, set()),
    # a country's companies of a kind, none named, are the country; named ones are themselves
    ("Japan and the United States, which imposed similar restrictions on Chinese chipmakers, declined to comment.",
     {("United States", "restricts", "China")}, set()),
    ("Canada banned Chinese carmakers such as Ostrel and Vantic.", {("Canada", "bans", "Ostrel")},
     {("Canada", "bans", "China")}),
    ("Chinese automakers compete with Veltro in Europe.", set(), {("China", "competesWith", "Veltro")}),
])
def test_library_rules_read_who_a_restriction_reaches(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_entities_a_name_apposed_to_a_government_body_is_one(nlp):
    doc = _rules_doc(nlp, "Lithuania's parliament, the Seimas, passed a law barring Huawei from accessing the grid.")
    classes = {it["name"]: it["cls"] for it in doc._.kg_entity_data}
    assert classes.get("Seimas") == "GovernmentBody", classes
    assert ("Seimas", "restricts", "Huawei") in _triples(doc)


@pytest.mark.parametrize("text, expected", [
    # the parser hangs "in Brno" on the verb, not on the plant it follows
    ("The cells will be produced at Veltro's plant in Brno.", {("Veltro", "operatesIn", "Brno")}),
    # "where" stands for the place the clause hangs on
    ("Veltro kept the rights in Chile, where it sells the drug.", {("Veltro", "operatesIn", "Chile")}),
    ("Veltro kept the rights in Chile, where it plans to sell the drug.", {("Veltro", "operatesIn", "Chile")}),
    # commissions paid "in commissions" hang on the amount
    ("Veltro said it had paid Quillo 40 million euros in commissions since 2019.",
     {("Veltro", "paysCommissionTo", "Quillo")}),
])
def test_library_rules_read_plants_places_and_commissions(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, modality", [
    # one of a nation's people, said with the copula or in apposition
    ("Ana Ruiz is a German skeleton racer.", ("Ana Ruiz", "livesIn", "Germany"), "fact"),
    ("Ana Ruiz, a Norwegian engineer, joined Veltro in 2019.", ("Ana Ruiz", "livesIn", "Norway"), "fact"),
    # a role said with the copula is what the copula's clause says of it
    ("Ana Ruiz is not a German citizen.", ("Ana Ruiz", "livesIn", "Germany"), "negated"),
    ("Ana Ruiz may become Veltro's chief executive.", ("Ana Ruiz", "worksFor", "Veltro"), "hypothetical"),
    ("Quillo is not a partner of Veltro.", ("Quillo", "partnersWith", "Veltro"), "negated"),
])
def test_library_rules_read_nationality_and_copula_roles(nlp, text, expected, modality):
    doc = _rules_doc(nlp, text)
    found = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}
    assert found.get(expected) == modality, found


def test_library_rules_a_company_of_a_nation_is_no_national(nlp):
    found = _triples(_rules_doc(nlp, "Veltro is a German company."))
    assert ("Veltro", "basedIn", "Germany") in found and ("Veltro", "livesIn", "Germany") not in found


@pytest.mark.parametrize("text, expected", [
    # what a named maker developed is a product, whatever kind of thing it is
    ("The Vexa Q is a discontinued digital media player developed by Veltro.", {("Veltro", "develops", "Vexa Q")}),
    # names listed under an owner's kind of product are the owner's products
    ("Veltro is best known for its range of guided missiles such as Cirit and Tamsa.",
     {("Veltro", "develops", "Cirit"), ("Veltro", "develops", "Tamsa")}),
    ("Veltro's apps, including Zephyr and Tidewater, are popular.",
     {("Veltro", "develops", "Zephyr"), ("Veltro", "develops", "Tidewater")}),
])
def test_library_rules_read_products_by_their_kind(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, name, cls", [
    ("Harwick is a university founded by Veltro.", "Harwick", "Company"),
    ("Harwick is a town built by Veltro.", "Harwick", "Place"),
    ("Retailers such as Kmart and Tesco sell phones.", "Kmart", "Company"),
])
def test_library_entities_made_or_listed_organisations_and_places_stay_so(nlp, text, name, cls):
    doc = _rules_doc(nlp, text)
    assert {it["name"]: it["cls"] for it in doc._.kg_entity_data}.get(name) == cls


@pytest.mark.parametrize("text, expected, absent", [
    # an address chain in one sentence: the place is in every place after it (owl:TransitiveProperty)
    ("Bohumin is a town in Karvina District, Moravian-Silesian Region, Czech Republic.",
     {("Bohumin", "locatedIn", "Czech Republic"), ("Karvina District", "locatedIn", "Czech Republic")}, set()),
    # a region "of" a country
    ("Goght is a village in the Kotayk Province of Armenia.",
     {("Kotayk Province", "locatedIn", "Armenia"), ("Goght", "locatedIn", "Armenia")}, set()),
    # a list of places is no chain
    ("Veltro has offices in Paris, Berlin and Rome.", set(), {("Paris", "locatedIn", "Rome")}),
])
def test_library_rules_read_address_chains(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a firm or a stake sold to a buyer (kg:saleTrigger) is the buyer's, and no supply
    ("Veltro agreed to sell its Quillo unit to Harbor Capital.", {("Harbor Capital", "acquires", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital"), ("Veltro", "suppliesTo", "Quillo")}),
    ("Veltro sold its stake in Quillo to Harbor Capital.", {("Harbor Capital", "investsIn", "Quillo")},
     {("Veltro", "suppliesTo", "Harbor Capital")}),
    # goods sold to a buyer stay a supply
    ("Veltro sells routers to Harbor Capital.", {("Veltro", "suppliesTo", "Harbor Capital")},
     {("Harbor Capital", "acquires", "Veltro")}),
])
def test_library_rules_read_a_sale_of_a_firm_as_its_acquisition(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # jobs of the press and of councils, with an owner, "of" or "for"
    ("Ana Ruiz is the AP's regional reporter.", {("Ana Ruiz", "worksFor", "Associated Press")}, set()),
    ("Harwick Gazette columnist Ana Ruiz wrote it.", {("Ana Ruiz", "worksFor", "Harwick Gazette")}, set()),
    # (a member of a council, band or party is not its employee)
    ("Ana Ruiz, a member of the Harwick City Council, raised money.", set(),
     {("Ana Ruiz", "worksFor", "Harwick City Council")}),
    # named to a post, in the passive
    ("Ana Ruiz has been named publisher of the Harwick Gazette.", {("Ana Ruiz", "worksFor", "Harwick Gazette")},
     set()),
    # a person "at" an organisation (not at a place)
    ("Ana Ruiz at the Institute of Zoology found that pandas lack variety.",
     {("Ana Ruiz", "worksFor", "Institute of Zoology")}, set()),
    ("Ana Ruiz at Leeds said so.", set(), {("Ana Ruiz", "worksFor", "Leeds")}),
])
def test_library_rules_read_more_jobs(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # a plural role noun whose holders are a list gives the role to every name of the list
    ("Velo counts Arden Capital and Mirth Partners among its shareholders.",
     {("Arden Capital", "investsIn", "Velo"), ("Mirth Partners", "investsIn", "Velo")}),
    ("Arden Capital and Mirth Partners are suppliers to Velo.",
     {("Arden Capital", "suppliesTo", "Velo"), ("Mirth Partners", "suppliesTo", "Velo")}),
    ("Ana Ruiz and Tom Berg are directors at Velo.",
     {("Ana Ruiz", "worksFor", "Velo"), ("Tom Berg", "worksFor", "Velo")}),
])
def test_library_rules_a_plural_role_reaches_every_listed_holder(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "by X and by Y": the second "by" is a conjunct of the first
    ("Velo is backed by Arden Capital and by Mirth Partners.",
     {("Arden Capital", "investsIn", "Velo"), ("Mirth Partners", "investsIn", "Velo")}),
    # two names the parser reads as one noun phrase (the first hangs on the second's last word)
    ("Pallas paid smart-TV makers including Sonara Electronics and Kaito Displays more than $300 million.",
     {("Pallas", "pays", "Sonara Electronics"), ("Pallas", "pays", "Kaito Displays")}),
])
def test_library_rules_read_every_name_of_a_list_the_parser_splits(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected, modality", [
    # "one of" stands for the role noun in its clause: the copula's subject or the name it is apposed to
    ("Arden is one of Velo's largest investors.", ("Arden", "investsIn", "Velo"), "fact"),
    ("Arden is one of the biggest suppliers to Velo.", ("Arden", "suppliesTo", "Velo"), "fact"),
    ("Arden, one of Kestrel Group's main rivals, cut prices.", ("Arden", "competesWith", "Kestrel Group"), "fact"),
    ("China is one of Velo's largest markets.", ("Velo", "operatesIn", "China"), "fact"),
    # and the copula's clause says whether it holds
    ("Arden is not one of Velo's investors.", ("Arden", "investsIn", "Velo"), "negated"),
    ("Arden may become one of Velo's investors.", ("Arden", "investsIn", "Velo"), "hypothetical"),
])
def test_library_rules_read_one_of_a_role(nlp, text, expected, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(expected) == modality, rows


@pytest.mark.parametrize("text, expected", [
    # a role noun listed after another has its holder, also where the parser hangs it on the first one's object
    ("Ana Ruiz, a spokeswoman for the union and president of the Velo Foundation, said it was wrong.",
     {("Ana Ruiz", "worksFor", "Velo Foundation")}),
    # judges, inspectors and officers by rank work for their court, agency or force
    ("Metro Court Judge Tom Berg refused the request.", {("Tom Berg", "worksFor", "Metro Court")}),
    ("Velo Bank Inspector Tom Berg said the numbers were wrong.", {("Tom Berg", "worksFor", "Velo Bank")}),
])
def test_library_rules_read_more_jobs(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("text, expected", [
    # "his Leeds home": the owner of a home lives in the place that names it
    ("Tom Berg was arrested in a raid on his Leeds home.", {("Tom Berg", "livesIn", "Leeds")}),
    ("Ana Ruiz commutes 60 miles from her Germantown home.", {("Ana Ruiz", "livesIn", "Germantown")}),
])
def test_library_rules_read_a_named_home(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_library_rules_a_description_with_an_apposed_name_stands_for_the_name(nlp):
    """The relation's subject is the name the text gives, not the description it is apposed to."""
    text = "In 1800, the 13th president of the company, Tom Berg, was born in Leeds."
    doc = _rules_doc(nlp, text)
    rows = [r for r in doc._.kg_relation_data if r["predicate"] == "livesIn"]
    assert [doc[r["s_start"]:r["s_end"]].text for r in rows] == ["Tom Berg"], rows


@pytest.mark.parametrize("text, expected, absent", [
    # a place with "in" and a place lies in it, however the parser hangs the preposition
    ("Ana Ruiz is from Yatsushiro in Kumamoto Prefecture in southern Japan.",
     {("Yatsushiro", "locatedIn", "Kumamoto Prefecture"), ("Kumamoto Prefecture", "locatedIn", "Japan")}, set()),
    ("Officials in Perugia in Umbria province said five people were arrested.",
     {("Perugia", "locatedIn", "Umbria")}, set()),
    ("Rome is in Lazio province.", {("Rome", "locatedIn", "Lazio")}, set()),
    # "in London" says where they met, not where Leeds is
    ("He met the mayor of Leeds in London.", set(), {("Leeds", "locatedIn", "London")}),
])
def test_library_rules_read_a_place_in_a_place(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_rules_a_place_in_a_place_takes_the_copulas_negation(nlp):
    rows = {(r["s_name"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, "Rome is not in Lazio.")._.kg_relation_data
            if r["predicate"] == "locatedIn"}
    assert rows == {("Rome", "Lazio"): "negated"}


def test_library_entities_a_service_with_a_name_is_a_government_body(nlp):
    """"Service" ends product names ("Prisma Cloud") and agencies' names; a capitalised "X Service" is the agency."""
    doc = _rules_doc(nlp, "Crews finished the line early today, said Forest Service spokeswoman Ana Ruiz.")
    assert {(e["name"], e["cls"]) for e in doc._.kg_entity_data} >= {("Forest Service", "GovernmentBody")}
    assert ("Ana Ruiz", "worksFor", "Forest Service") in _triples(doc)


@pytest.mark.parametrize("text, expected, modality", [
    # competing in a place, as selling there, means operating there (the subject does)
    ("Velo competes with Arden in France.", ("Velo", "operatesIn", "France"), "fact"),
    ("Velo competes with Arden for public-sector work in France.", ("Velo", "operatesIn", "France"), "fact"),
    ("Velo does not compete with Arden in France.", ("Velo", "operatesIn", "France"), "negated"),
])
def test_library_rules_competing_in_a_place_is_operating_there(nlp, text, expected, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(expected) == modality, rows
    assert ("Arden", "operatesIn", "France") not in rows


@pytest.mark.parametrize("text, expected, absent", [
    # a rival "in" a place competes there: it operates there, and is not said to be based there
    ("Buyers switched to Kado, Velo's main rival in China.", {("Kado", "operatesIn", "China"), ("Kado", "competesWith", "Velo")},
     {("Kado", "basedIn", "China")}),
    ("Velo is Arden's biggest competitor in Europe.", {("Velo", "operatesIn", "Europe")}, {("Velo", "basedIn", "Europe")}),
    # a demonym still says where a rival is based
    ("Chinese rival Kado cut prices.", {("Kado", "basedIn", "China")}, set()),
])
def test_library_rules_a_rival_in_a_place_competes_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


_LEASING = """
@prefix kg:   <https://w3id.org/kg-builder/ontology#> .
@prefix owl:  <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
kg:leases a owl:ObjectProperty ; rdfs:subPropertyOf kg:relation ; rdfs:label "leases"@en ;
    rdfs:domain kg:Organization ; rdfs:range kg:Product ; kg:trigger "lease" ;{flag} kg:baseConfidence 0.7 .
"""


@pytest.mark.parametrize("flag", [True, False])
def test_library_rules_the_ontology_says_which_relations_done_in_a_place_are_operating_there(
        flag, tmp_path, monkeypatch):
    # kg:placeIsMarket "verb", not a list in the code, decides whether "in Portugal" after the verb means
    # the subject operates there: a relation added by an ontology extension gets the reading by it
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    extra = tmp_path / "leases.ttl"
    extra.write_text(_LEASING.replace("{flag}", ' kg:placeIsMarket "verb" ;' if flag else ""), encoding="utf-8")
    nlp = load_pipeline(relation_model=False, ontology=extra)
    assert nlp.get_pipe("kg_relations").onto.relations["leases"].place_is_market == ({"verb"} if flag else set())
    rows = _triples(nlp("Hollo Mobility leases its Zippa scooters in Portugal."))
    assert (("Hollo Mobility", "operatesIn", "Portugal") in rows) is flag, rows


@pytest.mark.parametrize("text, expected, absent", [
    # a set sum is a payment; a share (a percentage, or a plain fee on sales) is a commission
    ("Tarro Music pays Halden Verlag an annual licence fee for its archive.",
     {("Tarro Music", "pays", "Halden Verlag")}, {("Tarro Music", "paysCommissionTo", "Halden Verlag")}),
    ("Conecta will pay Orlan a fixed monthly fee per terminal.",
     {("Conecta", "pays", "Orlan")}, {("Conecta", "paysCommissionTo", "Orlan")}),
    ("Tarro Music pays Halden Verlag a 15% fee on every subscription.",
     {("Tarro Music", "paysCommissionTo", "Halden Verlag")}, set()),
    ("Brenwick pays Orlan a flat fee of 3% on each sale.", {("Brenwick", "paysCommissionTo", "Orlan")}, set()),
    ("Velo pays Orlan a fee for every booking.", {("Velo", "paysCommissionTo", "Orlan")}, set()),
])
def test_library_rules_a_set_fee_is_a_payment_a_share_is_a_commission(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_rules_a_recipient_the_parser_hangs_on_the_sum(nlp):
    # "paid Visa and Mastercard 20 million pounds": the names parsed as modifiers of "pounds"
    _assert_reads(nlp, "Brenwick paid Visa and Mastercard more than 20 million pounds over five years.",
                  {("Brenwick", "pays", "Visa"), ("Brenwick", "pays", "Mastercard")})


@pytest.mark.parametrize("text, expected, absent", [
    # what a buyer takes "from" a seller the seller held; the purchase of a stake is no supply
    ("Orlan bought a 40% stake in Tessel Wind from Dunmore Capital.",
     {("Dunmore Capital", "investsIn", "Tessel Wind"), ("Orlan", "investsIn", "Tessel Wind")},
     {("Dunmore Capital", "suppliesTo", "Orlan")}),
    ("Orlan bought cocoa from Dunmore Trading.", {("Dunmore Trading", "suppliesTo", "Orlan")}, set()),
])
def test_library_rules_a_stake_bought_from_a_seller_was_the_sellers(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_rules_a_list_among_its_shareholders_keeps_a_name_with_an_owner(nlp):
    # after a title ("maker Velda and Japan's Tokai Works") the owned name is not the role's; here it is
    _assert_reads(nlp, "Clearmont, which counts Harbor Ventures and Norway's Oil Fund among its shareholders, "
                       "bought Pinoa in 2023.",
                  {("Harbor Ventures", "investsIn", "Clearmont"), ("Oil Fund", "investsIn", "Clearmont")})


@pytest.mark.parametrize("text", [
    "Velora Robotics sells drones to the U.S. Army and is backed by Harbor Ventures.",
    "Velora Robotics is based in Denver and is backed by Harbor Ventures.",
])
def test_library_rules_a_passive_verb_joined_to_a_clause_takes_its_subject_as_patient(nlp, text):
    _assert_reads(nlp, text, {("Harbor Ventures", "investsIn", "Velora Robotics")},
                  {("Velora Robotics", "investsIn", "Harbor Ventures")})


@pytest.mark.parametrize("text, modality", [
    # an agreed deal is reported as done (as the annotation guide and the news gold have it) ...
    ("Kestrel Foods has agreed to acquire Tessel Labs for $400 million.", "fact"),
    # ... a plan, a bid or talks are not
    ("Kestrel Foods plans to acquire Tessel Labs for $400 million.", "hypothetical"),
    ("Kestrel Foods is in talks to acquire Tessel Labs.", "hypothetical"),
    ("Kestrel Foods has offered to acquire Tessel Labs for $400 million.", "hypothetical"),
])
def test_library_rules_an_agreed_deal_is_a_fact_a_plan_is_not(nlp, text, modality):
    rows = {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data}
    assert rows.get(("Kestrel Foods", "acquires", "Tessel Labs")) == modality, rows


@pytest.mark.parametrize("text, expected, absent", [
    # who wins a contract supplies the client, however the award is told
    ("Velora Robotics won a $40 million contract from the U.S. Navy to build drones.",
     {("Velora Robotics", "suppliesTo", "U.S. Navy")}, set()),
    ("Velora Robotics was awarded a contract by the U.S. Navy.", {("Velora Robotics", "suppliesTo", "U.S. Navy")},
     set()),
    ("The U.S. Navy awarded Velora Robotics a $40 million contract.", {("Velora Robotics", "suppliesTo", "U.S. Navy")},
     {("U.S. Navy", "suppliesTo", "Velora Robotics")}),
    # an order won from a customer: the customer is not the seller
    ("Velora Robotics secured an order from Orlan for 200 drones.", {("Velora Robotics", "suppliesTo", "Orlan")},
     {("Orlan", "suppliesTo", "Velora Robotics")}),
])
def test_library_rules_who_wins_a_contract_supplies_the_client(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_library_rules_reselling_a_service_is_offering_it(nlp):
    _assert_reads(nlp, "Velo has signed an agreement to resell Amazon's Project Kuiper satellite internet service in Brazil.",
                  {("Velo", "offers", "Project Kuiper"), ("Velo", "operatesIn", "Brazil")})


@pytest.mark.parametrize("edit", [False, True])
def test_library_rules_the_lexicon_says_which_words_raise_and_lead_a_round(edit, tmp_path):
    # lexicon.toml's funding_verbs and round_verbs, not lists in the code, decide which verbs read
    # "raised $12 million from X" and "X led a round in Y" as X investsIn Y
    import shutil

    from kg.ontology import ontology_dir

    onto = tmp_path / "ontology"
    shutil.copytree(ontology_dir(), onto)
    if edit:
        lexicon = onto / "lexicon.toml"
        text = lexicon.read_text(encoding="utf-8")
        for key, word in (("funding_verbs", "pocket"), ("round_verbs", "spearhead")):
            assert f"{key} = [" in text
            text = text.replace(f"{key} = [", f'{key} = ["{word}", ', 1)
        lexicon.write_text(text, encoding="utf-8")
    nlp = load_pipeline(relation_model=False, overrides={"components.kg_relations.ontology_dir": str(onto)})
    for text in ("Orvane pocketed $12 million from Belmar Ventures.", "Belmar Ventures spearheaded a round in Orvane."):
        rows = _triples(nlp(text))
        assert (("Belmar Ventures", "investsIn", "Orvane") in rows) is edit, (text, rows)


@pytest.mark.parametrize("text, expected, absent", [
    # who serves customers in a place operates there (lexicon.toml customer_nouns)
    ("Grayling Bank manages money for clients in the Gulf and Latin America.",
     {("Grayling Bank", "operatesIn", "Gulf"), ("Grayling Bank", "operatesIn", "Latin America")}, set()),
    ("Velora, which has two million customers in Brazil, cut its prices.", {("Velora", "operatesIn", "Brazil")}, set()),
    ("Vantapay, the Dublin-based company that processes card payments for 90,000 merchants across Europe, "
     "named a new chair.", {("Vantapay", "operatesIn", "Europe"), ("Vantapay", "basedIn", "Dublin")}, set()),
    ("Velora has no customers in Japan.", set(), {("Velora", "operatesIn", "Japan")}),
    ("Shoppers in Leeds praised Velora.", set(), {("Velora", "operatesIn", "Leeds")}),
])
def test_library_rules_who_serves_customers_in_a_place_operates_there(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected", [
    # "their" that coreference leaves unresolved (a plural owner) is the subject of "count ... among"
    ("Velora and Kestrel count Brazil among their largest markets.",
     {("Velora", "operatesIn", "Brazil"), ("Kestrel", "operatesIn", "Brazil")}),
    ("Both Velora and Kestrel count Lumen Capital among their shareholders.",
     {("Lumen Capital", "investsIn", "Velora"), ("Lumen Capital", "investsIn", "Kestrel")}),
])
def test_library_rules_a_plural_owner_of_count_among_is_the_subject(nlp, text, expected):
    _assert_reads(nlp, text, expected)


@pytest.mark.parametrize("words, tags, ents", [
    # "Founder and chief executive Amina Otieno said": a business title the NER tagged as an organisation
    (["Founder", "and", "chief", "executive", "Amina", "Otieno", "said", "."],
     ["NNP", "CC", "JJ", "NN", "NNP", "NNP", "VBD", "."], ["B-ORG", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"]),
    (["Its", "Managing", "Director", ",", "Amina", "Otieno", ",", "left", "."],
     ["PRP$", "NNP", "NNP", ",", "NNP", "NNP", ",", "VBD", "."],
     ["O", "B-ORG", "I-ORG", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]),
])
def test_library_entities_a_business_title_is_no_organisation(nlp, words, tags, ents):
    assert _entities_of(nlp, words, tags, ents) == [("Amina Otieno", "Person")]


@pytest.mark.parametrize("text, first, expected", [
    # a wire dateline is a sentence of its own: the parser otherwise takes the city for the lead's subject
    ("Startup raises money\n\nNAIROBI, May 14 – Zuri Pay, a Nairobi-based startup that lets shops accept card "
     "payments, has raised $38 million from Lumen Capital. Founder and chief executive Amina Otieno said the "
     "money would pay for hiring.", "Zuri Pay", {("Lumen Capital", "investsIn", "Zuri Pay"),
                                                  ("Amina Otieno", "worksFor", "Zuri Pay")}),
    ("SAO PAULO/LISBON, Aug 13 (Reuters) - Velora said on Monday it would buy Kestrel.", "Velora",
     {("Velora", "acquires", "Kestrel")}),
    ("AUSTIN, Texas – Velora said it would buy Kestrel.", "Velora", {("Velora", "acquires", "Kestrel")}),
])
def test_library_pipeline_a_dateline_is_a_sentence_of_its_own(nlp, text, first, expected):
    doc = nlp(text)
    assert any(s.text.startswith(first) for s in doc.sents), [s.text for s in doc.sents]
    assert expected <= {(r.subject_name, r.predicate, r.object_name) for r in doc._.relations}


@pytest.mark.parametrize("text", [
    "IBM and Intel - two rivals - agreed to share patents.",   # a lower-case word: no dateline
    "NASA said on Monday - after a delay - that it would launch.",
])
def test_library_pipeline_a_capitalised_opening_is_no_dateline(nlp, text):
    assert len(list(nlp(text).sents)) == 1


@pytest.mark.parametrize("text, antecedent", [
    # a country on a description ("the U.S. company") rules out a company the gazetteer places elsewhere,
    # as a demonym ("the Japanese company") does
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Google's cloud service in Portugal, giving the "
     "U.S. company a foothold in Europe.", "Google"),
    ("Ridgeway Telecom, a Lisbon-based carrier, will resell Toyota's cars in Portugal, giving the Japanese "
     "company a foothold in Europe.", "Toyota"),
])
def test_library_coref_a_country_on_a_description_rules_out_companies_from_elsewhere(nlp, text, antecedent):
    links = [(m.text, a.text) for m, a in nlp(text)._.coref_links]
    assert links == [("company", antecedent)], links


def test_library_entities_a_lone_surname_apposed_to_a_person_is_a_person(nlp):
    # "Garnier, a French national who lives in Dubai": the surname of a person the text names in full,
    # apposed to a noun "who" follows, is that person, whatever the NER took the lone name for
    from spacy.tokens import Span

    text = ("The bank said Thibault Garnier had taken client files. Garnier, a French national who lives in "
            "Dubai, joined Rocher in February.")
    spacy_pipes = [p for p in nlp.pipe_names if not p.startswith("kg_")]
    with nlp.select_pipes(enable=spacy_pipes):
        doc = nlp(text)
    words = [t.text for t in doc]
    at = {w: i for i, w in reversed(list(enumerate(words)))}
    doc.ents = [Span(doc, at["Thibault"], at["Thibault"] + 2, "PERSON"),
                Span(doc, words.index("Garnier", at["Thibault"] + 2), words.index("Garnier", at["Thibault"] + 2) + 1,
                     "ORG"),
                Span(doc, at["Dubai"], at["Dubai"] + 1, "GPE"), Span(doc, at["Rocher"], at["Rocher"] + 1, "ORG")]
    doc = nlp.get_pipe("kg_entities")(doc)
    classes = {(doc[it["start"]:it["end"]].text, it["cls"]) for it in doc._.kg_entity_data if it["via"] != "coref"}
    assert ("Garnier", "Person") in classes and ("Rocher", "Company") in classes, classes


def test_library_rules_a_person_partner_of_a_firm_works_there(nlp):
    # a person holding a symmetric relation's role ("as a partner") in a firm has a job there, no partnership
    _assert_reads(nlp, "Marc Dubois joined Lakeview Capital as a partner in February.",
                  {("Marc Dubois", "worksFor", "Lakeview Capital")},
                  {("Lakeview Capital", "partnersWith", "Marc Dubois"), ("Marc Dubois", "partnersWith", "Lakeview Capital")})
    _assert_reads(nlp, "Lakeview Capital, a partner of Orvane, declined to comment.",
                  {("Lakeview Capital", "partnersWith", "Orvane")})


@pytest.mark.parametrize("text, expected", [
    # a job title the NER ran into the organisation's name before a person's name is not part of it
    ("The roads stayed open, said California Highway Patrol Officer James Orwell.",
     {("James Orwell", "worksFor", "California Highway Patrol")}),
    ("Lakeview Harbor Authority Commissioner Ruth Bell opposed the plan.",
     {("Ruth Bell", "worksFor", "Lakeview Harbor Authority")}),
])
def test_library_entities_a_title_before_a_person_leaves_the_organisations_name(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_library_rules_every_name_after_participation_from_invests(nlp):
    # the parser hangs "the World Bank" on "Lagos-based": every name of the phrase is read
    _assert_reads(nlp, "Zuri Pay has raised $38 million in a Series B round led by Lumen Capital, with participation "
                       "from the World Bank and Lagos-based Kora Ventures.",
                  {("Lumen Capital", "investsIn", "Zuri Pay"), ("World Bank", "investsIn", "Zuri Pay"),
                   ("Kora Ventures", "investsIn", "Zuri Pay")}, {("Lagos", "investsIn", "Zuri Pay")})


@pytest.mark.parametrize("text, expected, absent", [
    # a rival with no holder in its clause is the rival of who the sentence is about, of the same kind
    ("Zuri Pay charges merchants 1.1% per transaction, below the rates of rival Kestrel.",
     {("Kestrel", "competesWith", "Zuri Pay")}, set()),
    ("Ana Ruiz said rival Kestrel had cut prices.", set(),
     {("Kestrel", "competesWith", "Ana Ruiz"), ("Ana Ruiz", "competesWith", "Kestrel")}),
])
def test_library_rules_a_rival_without_a_holder_is_the_subjects(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, modality", [
    # a phrasal verb of negation ("rule out", "pull out of") negates what it governs
    ("Orvane ruled out entering Mexico for now.", "negated"),
    ("Orvane pulled out of plans to enter Mexico.", None),  # "plans": hypothetical, and never a fact
    ("Orvane ruled on entering Mexico in May.", "fact"),
])
def test_library_modality_a_phrasal_negation(nlp, text, modality):
    found = {r["modality"] for r in _rules_doc(nlp, text)._.kg_relation_data
             if (r["s_name"], r["predicate"], r["o_name"]) == ("Orvane", "operatesIn", "Mexico")}
    if modality is None:
        assert "fact" not in found, found
    else:
        assert found == {modality}, found


def test_library_coref_the_subject_of_what_a_name_reports_is_that_name(nlp):
    # "X's customs agency said it had banned ...": "it" is the agency that said it, not the country
    # the headline is about; and the firms named after "grain companies" are who the ban reaches
    text = ("Brazil halts soybean imports from Argentina\n\nBrazil's Federal Revenue Service said on Thursday it had "
            "banned soybean imports from Argentine grain companies Pampa Granos and Rio Verde Agro.")
    _assert_reads(nlp, text, {("Federal Revenue Service", "bans", "Pampa Granos"),
                              ("Federal Revenue Service", "bans", "Rio Verde Agro")},
                  {("Brazil", "bans", "Pampa Granos"), ("Brazil", "bans", "Rio Verde Agro")})


@pytest.mark.parametrize("text, expected", [
    # a product code the NER missed (or took for a date) is a product where the text says what kind
    ("The drug, called VX-210, is an oral pill that Orvane developed at its lab in Basel.",
     {("Orvane", "develops", "VX-210")}),
    ("VX-210 is a pill that Orvane developed in Basel.", {("Orvane", "develops", "VX-210")}),
])
def test_library_entities_a_product_code_the_text_calls_a_product(nlp, text, expected):
    _assert_reads(nlp, text, expected)


def test_library_entities_a_code_with_no_kind_of_product_is_no_entity(nlp):
    doc = nlp("Orvane said revenue rose 12% in Q3-2024.")
    assert [it["name"] for it in doc._.kg_entity_data] == ["Orvane"]


def test_library_rules_a_name_before_and_a_kind_of_firm_is_listed(nlp):
    # "to Deutsche Bahn and chemicals maker BASF": the parser hangs the first name on the second
    _assert_reads(nlp, "Nordlicht will sell power to Deutsche Bahn and chemicals maker BASF.",
                  {("Nordlicht", "suppliesTo", "Deutsche Bahn"), ("Nordlicht", "suppliesTo", "BASF")})


@pytest.mark.parametrize("text, expected, absent", [
    # a place that owns the noun a name is apposed to is where the name is
    ("Lithuania's parliament, the Seimas, has passed a law.", {("Seimas", "basedIn", "Lithuania")}, set()),
    # ... but a firm that owns it is read by the role rules, not as a seat or an owner
    ("Kestrel's main supplier, Orvane, raised prices.", {("Orvane", "suppliesTo", "Kestrel")},
     {("Orvane", "basedIn", "Kestrel"), ("Orvane", "subsidiaryOf", "Kestrel")}),
])
def test_library_rules_the_owner_of_a_noun_a_name_is_apposed_to(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, mention, antecedent", [
    # a description's noun that ends a candidate's name picks it ("the league" -> "the B.League") ...
    ("Japan's top basketball league, the Nordic Hockey League, has awarded its rights to Velora Media, a unit of "
     "NTT Docomo, which will pay 12 billion yen. Velora Media outbid DAZN and NTT Docomo's Lemino service. Under "
     "the contract, Velora Media will also pay the league a share of subscription revenue.",
     "league", "Nordic Hockey League"),
    # ... but not a word that ends firms' names of any kind ("the company" is no "Investment Company")
    ("Harbor Investment Company bought a stake in Velora. Velora sells chips to carmakers. The company "
     "competes with Kestrel.", "company", "Velora"),
])
def test_library_coref_a_description_whose_noun_ends_a_name(nlp, text, mention, antecedent):
    links = {(m.root.lower_, a.text) for m, a in nlp(text)._.coref_links}
    assert (mention, antecedent) in links, links
