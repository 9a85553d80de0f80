"""kg_relation_model and what surrounds it: the factory and its entry point, serialisation,
candidate pairs, retyping, the merge with the rules, strict scoring, and the extractor and
confidence a build writes (Turtle, ``kg validate``, ``kg why``).

Unit tests build Docs by hand on ``spacy.blank("en")`` (a sentencizer, hand-made entity items,
hand-made probabilities), so they hold for any trained model; the tests that need the trained
pipeline use the session fixture ``nlp`` and check only what every trained model gives.
"""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from importlib.metadata import entry_points

import numpy
import pytest
import rdflib
import spacy
from rdflib import RDF, XSD, Literal
from spacy.training import Example
from thinc.api import Adam
from typer.testing import CliRunner

from kg.cli import app
from kg.entities import ERROR_KEY, SPAN_KEY
from kg.errors import ComponentError, ModelError
from kg.namespace import KG
from kg.ontology import load_ontology
from kg.query import Evidence
from kg.relations.candidates import Candidate, candidate_pairs
from kg.relations.merge import merge_records
from kg.relations.model import PACKAGED_WEIGHTS, RelationModel, make_relation_model, model_config
from kg.relations.records import EXTRACTORS, record, register
from kg.relations.scoring import normalize_span, strict_prf
from kg.training.annotations import AnnotatedDoc, EntityAnnotation, RelationAnnotation, SpanRef
from kg.training.examples import gold_doc

ONTO = load_ontology()

#: Three sentences the rules read (kg build's tests use the same kind); the names are in the gazetteer,
#: so no class comes from the NER and no retyping happens, whatever model is packaged.
NEWS = ("Microsoft invested $10 billion in OpenAI last year, the company said on Monday. "
        "Google sued Epic Games in a federal court in California over its app store rules. "
        "Nvidia supplies chips to Dell, according to a filing published this week.\n")


# -- helpers ---------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def blank():
    """spacy.blank("en") with a sentencizer and kg_entities: enough to add kg_relation_model."""
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities")
    return nlp


@pytest.fixture
def make_pipe(blank):
    """Add an untrained kg_relation_model (weights = null) with ``config`` and ``labels``; removed after the test."""
    added = []

    def make(labels=(), **config):
        name = f"rel_{uuid.uuid4().hex[:8]}"
        pipe = blank.add_pipe("kg_relation_model", name=name, config={"weights": None, **config})
        added.append(name)
        for label in labels:
            pipe.add_label(label)
        return pipe

    yield make
    for name in added:
        blank.remove_pipe(name)


def item(start, end, name, cls, via=""):
    return {"start": start, "end": end, "name": name, "cls": cls, "wikidata": "", "via": via}


def hand_doc(nlp, text, items, rules=()):
    """A Doc of ``text`` with sentences, the entity ``items`` and the rules' records ``rules``."""
    register()
    doc = nlp.get_pipe("sentencizer")(nlp.make_doc(text))
    doc._.kg_entity_data = [dict(it) for it in items]
    doc._.kg_relation_data = [dict(r) for r in rules]
    return doc


def scores_for(pipe, rows):
    """(probabilities, index) as predict() returns them: ``rows`` are (candidate, {label: p})."""
    probs = numpy.zeros((len(rows), len(pipe.labels)), dtype="float32")
    index = []
    for n, (cand, ps) in enumerate(rows):
        for label, p in ps.items():
            probs[n, pipe.labels.index(label)] = p
        index.append((0, cand))
    return probs, index


def fits(rec):
    rel = ONTO.relations[rec["predicate"]]
    return ONTO.fits(rec["s_cls"], rel.domain) and ONTO.fits(rec["o_cls"], rel.range)


# -- the factory and its entry point -----------------------------------------------------------------


def test_relation_model_entry_point_names_the_factory():
    eps = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert "kg_relation_model" in eps, "pyproject.toml's spacy_factories entry point lacks kg_relation_model"
    assert eps["kg_relation_model"].load() is make_relation_model


def test_relation_model_entry_point_adds_the_pipe_in_a_fresh_interpreter(tmp_path):
    # nothing of kg is imported: spaCy finds both factories through the entry points
    script = (
        "import json, sys, spacy\n"
        "before = sorted(m for m in sys.modules if m == 'kg' or m.startswith('kg.'))\n"
        "nlp = spacy.blank('en')\n"
        "nlp.add_pipe('kg_entities')\n"
        "pipe = nlp.add_pipe('kg_relation_model', config={'weights': None})\n"
        "print(json.dumps({'before': before, 'cls': type(pipe).__module__ + '.' + type(pipe).__name__,\n"
        "                  'labels': list(pipe.labels), 'pipes': nlp.pipe_names}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, text=True, timeout=120,
                          cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out == {"before": [], "cls": "kg.relations.model.RelationModel", "labels": [],
                   "pipes": ["kg_entities", "kg_relation_model"]}


def test_relation_model_untrained_pipe_has_no_labels_and_says_so(blank, make_pipe):
    pipe = make_pipe()
    assert isinstance(pipe, RelationModel) and pipe.labels == ()
    doc = hand_doc(blank, "Acme sued Vela.", [item(0, 1, "Acme", "Company"), item(2, 3, "Vela", "Company")])
    with pytest.raises(ComponentError, match="no labels: train it"):
        pipe(doc)


def test_relation_model_needs_kg_entities_first():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    with pytest.raises(ValueError, match=r"needs 'kg_entities' earlier in the pipeline.*\['sentencizer'\]"):
        nlp.add_pipe("kg_relation_model", config={"weights": None})


def test_relation_model_weights_folder_without_meta_fails_clearly(blank, tmp_path):
    with pytest.raises(ModelError, match=r"No trained relation model in .*no meta\.json.*kg train"):
        blank.add_pipe("kg_relation_model", name="from_empty_folder", config={"weights": str(tmp_path)})
    assert "from_empty_folder" not in blank.pipe_names


def test_relation_model_add_label_takes_only_ontology_relations(make_pipe):
    pipe = make_pipe()
    assert [pipe.add_label("sues"), pipe.add_label("acquires"), pipe.add_label("sues")] == [1, 1, 0]
    assert pipe.labels == ("acquires", "sues")
    with pytest.raises(ComponentError, match=r"'buys' is not a relation of the ontology; relations are: acquires, "):
        pipe.add_label("buys")


@pytest.mark.parametrize("label, expected", [("sues", 0.9), ("acquires", 0.6)])
def test_relation_model_threshold_per_relation_else_default(make_pipe, label, expected):
    pipe = make_pipe(threshold=0.6, thresholds={"sues": 0.9})
    assert pipe.threshold(label) == expected


# -- serialisation (the packaged model, read with the session pipeline) ---------------------------------

TEXTS = [NEWS, "Amazon invests in Anthropic, and Anthropic partners with Google on chips in Seattle.",
         "Apple.", ""]


@pytest.fixture(scope="module")
def parsed(nlp):
    """Docs read by the session pipeline up to the rules (what kg_relation_model gets)."""
    with nlp.select_pipes(disable=["kg_relation_model"]):
        return list(nlp.pipe(TEXTS))


def _fresh_pipe(**config):
    """A second kg_relation_model in a pipeline of its own, in the network the packaged weights need."""
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    cfg = model_config(PACKAGED_WEIGHTS)
    return nlp.add_pipe("kg_relation_model", config={"weights": None, "model": cfg["model"], **config})


@pytest.mark.model
@pytest.mark.parametrize("how", ["disk", "bytes"])
def test_relation_model_serialisation_round_trip_predicts_the_same(nlp, parsed, tmp_path, how):
    orig = nlp.get_pipe("kg_relation_model")
    copy = _fresh_pipe()
    if how == "disk":
        orig.to_disk(tmp_path / "rel")
        assert sorted(p.name for p in (tmp_path / "rel").iterdir()) == ["cfg.json", "model.bin.gz", "network.cfg"]
        copy.from_disk(tmp_path / "rel")
    else:
        copy.from_bytes(orig.to_bytes())
    assert copy.labels == orig.labels and copy.labels
    assert copy.cfg == orig.cfg
    p1, i1 = orig.predict(parsed)
    p2, i2 = copy.predict(parsed)
    assert len(i1) > 0 and p1.shape == (len(i1), len(orig.labels))
    assert i1 == i2
    assert numpy.array_equal(p1, p2)
    assert p1.max() > p1.min()  # real predictions, not an initialised network


@pytest.mark.model
def test_relation_model_from_disk_keeps_the_configured_thresholds(nlp, tmp_path):
    orig = nlp.get_pipe("kg_relation_model")
    orig.to_disk(tmp_path / "rel")
    copy = _fresh_pipe(threshold=0.7, thresholds={"sues": 0.97}, retype_threshold=0.95)
    copy.from_disk(tmp_path / "rel")
    assert (copy.cfg["threshold"], copy.threshold("sues"), copy.cfg["retype_threshold"]) == (0.7, 0.97, 0.95)
    tuned = {k: v for k, v in orig.cfg["thresholds"].items() if k != "sues"}
    assert all(copy.threshold(k) == v for k, v in tuned.items())


@pytest.mark.model
def test_relation_model_from_bytes_keeps_the_configured_thresholds_like_from_disk(nlp):
    orig = nlp.get_pipe("kg_relation_model")
    copy = _fresh_pipe(threshold=0.7, thresholds={"sues": 0.97}, retype_threshold=0.95)
    copy.from_bytes(orig.to_bytes())
    assert (copy.cfg["threshold"], copy.threshold("sues"), copy.cfg["retype_threshold"]) == (0.7, 0.97, 0.95)


@pytest.mark.model
def test_relation_model_from_disk_of_a_broken_folder_fails_clearly(nlp, tmp_path):
    nlp.get_pipe("kg_relation_model").to_disk(tmp_path / "rel")
    (tmp_path / "rel" / "model.bin.gz").write_bytes(b"not gzip")
    with pytest.raises(ModelError, match=r"Cannot read the relation model in .*kg train"):
        _fresh_pipe().from_disk(tmp_path / "rel")


@pytest.mark.model
def test_relation_model_pipeline_saved_with_to_disk_loads_with_spacy_load(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    again = spacy.load(tmp_path / "pipeline")
    assert again.pipe_names == nlp.pipe_names
    first, second = nlp(NEWS), again(NEWS)
    assert first._.kg_relation_data == second._.kg_relation_data
    assert first._.kg_relation_data


# -- prediction: properties of any trained model -------------------------------------------------------


@pytest.mark.model
def test_relation_model_predict_scores_every_candidate_pair_for_every_label(nlp, parsed):
    pipe = nlp.get_pipe("kg_relation_model")
    probs, index = pipe.predict(parsed)
    assert probs.shape == (len(index), len(pipe.labels))
    assert ((probs >= 0) & (probs <= 1)).all()
    for d, doc in enumerate(parsed):
        expected = candidate_pairs(doc, doc._.kg_entity_data, pipe.onto, max_tokens=pipe.cfg["max_tokens"],
                                   typed=bool(pipe.cfg.get("typed_candidates", False)))
        assert [c for dd, c in index if dd == d] == expected
    # "Apple." and "" hold fewer than two mentions: no rows
    assert {d for d, _ in index} <= {0, 1} and {d for d, _ in index} == {0, 1}


@pytest.mark.model
def test_relation_model_records_say_who_found_them(nlp):
    doc = nlp(NEWS)
    recs = doc._.kg_relation_data
    assert recs
    for r in recs:
        assert r["extractor"] in EXTRACTORS
        assert 0.0 <= r["confidence"] <= 1.0
        assert r.get("model_confidence") is None or 0.0 <= r["model_confidence"] <= 1.0
        if r["extractor"] != "rules":
            assert fits(r), r
    # the model scores the pairs the rules read: their records carry its probability
    assert any(r.get("model_confidence") is not None for r in recs)


# -- set_annotations: thresholds, retyping, merging ---------------------------------------------------

VELA = "Vela opened an office in Boise, and Vela hired staff."


@pytest.mark.parametrize("p, via, config, kept, cls", [
    (0.90, "", {}, True, "Company"),             # sure enough: Vela takes the class basedIn needs
    (0.79, "", {}, False, "Person"),             # above threshold, below retype_threshold (0.8): dropped
    (0.75, "", {"retype_threshold": 0.75}, True, "Company"),   # at retype_threshold counts
    (0.74, "", {"retype_threshold": 0.75}, False, "Person"),
    (0.90, "gazetteer", {}, False, "Person"),    # a class from the gazetteer is not overruled
    (0.90, "demonym", {}, False, "Person"),
    (0.40, "", {}, False, "Person"),             # below threshold
])
def test_relation_model_set_annotations_retypes_a_mention_only_when_sure(blank, make_pipe, p, via, config, kept,
                                                                         cls):
    pipe = make_pipe(labels=["basedIn", "livesIn"], **config)
    items = [item(0, 1, "Vela", "Person", via), item(5, 6, "Boise", "Place"), item(8, 9, "Vela", "Person", via)]
    doc = hand_doc(blank, VELA, items)
    cand = Candidate(0, 1, 0, len(doc), ("basedIn", "livesIn"))
    pipe.set_annotations([doc], scores_for(pipe, [(cand, {"basedIn": p, "livesIn": 0.1})]))
    found = [(r["s_name"], r["s_cls"], r["predicate"], r["o_name"], r["extractor"], r["confidence"])
             for r in doc._.kg_relation_data]
    assert found == ([("Vela", "Company", "basedIn", "Boise", "model", p)] if kept else [])
    # both mentions of Vela (same name and class) follow, and the span group says so
    assert [it["cls"] for it in doc._.kg_entity_data] == [cls, "Place", cls]
    assert [s.label_ for s in doc.spans.get(SPAN_KEY, [])] in ([], [cls, "Place", cls])
    if kept:
        assert [s.label_ for s in doc.spans[SPAN_KEY]] == ["Company", "Place", "Company"]


@pytest.mark.parametrize("config, kept", [
    ({}, True),                                  # default threshold 0.5
    ({"threshold": 0.65}, False),
    ({"thresholds": {"basedIn": 0.65}}, False),  # per relation
    ({"threshold": 0.65, "thresholds": {"basedIn": 0.55}}, True),
])
def test_relation_model_set_annotations_keeps_what_passes_the_threshold(blank, make_pipe, config, kept):
    pipe = make_pipe(labels=["basedIn"], **config)
    doc = hand_doc(blank, VELA, [item(0, 1, "Vela", "Company"), item(5, 6, "Boise", "Place")])
    cand = Candidate(0, 1, 0, len(doc), ("basedIn",))
    pipe.set_annotations([doc], scores_for(pipe, [(cand, {"basedIn": 0.6})]))
    assert [(r["predicate"], r["extractor"]) for r in doc._.kg_relation_data] == (
        [("basedIn", "model")] if kept else [])


def test_relation_model_set_annotations_drops_what_the_classes_cannot_hold(blank, make_pipe):
    # worksFor needs a Person; the model is sure, but a Company -> Company pair is not retyped to Person
    pipe = make_pipe(labels=["worksFor"])
    doc = hand_doc(blank, "Acme hired Vela in Boise.", [item(0, 1, "Acme", "Company", "gazetteer"),
                                                       item(2, 3, "Vela", "Company")])
    cand = Candidate(0, 1, 0, len(doc), ("worksFor",))
    pipe.set_annotations([doc], scores_for(pipe, [(cand, {"worksFor": 0.99})]))
    assert doc._.kg_relation_data == []
    assert [it["cls"] for it in doc._.kg_entity_data] == ["Company", "Company"]


def test_relation_model_set_annotations_merges_with_the_rules(blank, make_pipe):
    pipe = make_pipe(labels=["basedIn", "sues"])
    text = "Acme sued Vela in Boise."
    items = [item(0, 1, "Acme", "Company"), item(2, 3, "Vela", "Company"), item(4, 5, "Boise", "Place")]
    doc = hand_doc(blank, text, items)
    rules = [record(doc, items[0], "sues", items[1], 0.7, doc[1]),
             record(doc, items[1], "basedIn", items[2], 0.6, doc[3])]
    doc._.kg_relation_data = rules
    rows = [(Candidate(0, 1, 0, len(doc), ("basedIn", "sues")), {"sues": 0.8}),
            (Candidate(1, 2, 0, len(doc), ("basedIn", "sues")), {"basedIn": 0.2}),
            (Candidate(0, 2, 0, len(doc), ("basedIn", "sues")), {"basedIn": 0.9})]
    pipe.set_annotations([doc], scores_for(pipe, rows))
    got = {(r["s_name"], r["predicate"], r["o_name"]): (r["extractor"], r["confidence"], r.get("model_confidence"))
           for r in doc._.kg_relation_data}
    assert got == {
        ("Acme", "sues", "Vela"): ("both", 0.94, 0.8),       # 1 - (1 - 0.7)(1 - 0.8)
        ("Vela", "basedIn", "Boise"): ("rules", 0.6, 0.2),   # the model disagrees: its probability is kept
        ("Acme", "basedIn", "Boise"): ("model", 0.9, None),
    }


@pytest.mark.parametrize("label, p, kept", [
    ("sues", 0.8, False),         # the other way round from the rules' "Acme sues Vela": a relation of its own,
    ("sues", 0.95, True),         # ... kept only when the model is very sure (override_threshold 0.9)
    ("competesWith", 0.6, True),  # a symmetric relation the rules read agrees either way round
])
def test_relation_model_a_reversed_reading_of_the_rules_must_be_sure(blank, make_pipe, label, p, kept):
    pipe = make_pipe(labels=["sues", "competesWith"])
    items = [item(0, 1, "Acme", "Company"), item(2, 3, "Vela", "Company")]
    doc = hand_doc(blank, "Acme sued Vela in Boise.", items)
    ruled = "sues" if label == "sues" else "competesWith"
    doc._.kg_relation_data = [record(doc, items[0], ruled, items[1], 0.7, doc[1])]
    rows = [(Candidate(1, 0, 0, len(doc), ("sues", "competesWith")), {label: p})]
    pipe.set_annotations([doc], scores_for(pipe, rows))
    got = {(r["s_name"], r["predicate"], r["o_name"]) for r in doc._.kg_relation_data}
    assert (("Vela", label, "Acme") in got or (label == "competesWith" and ("Acme", label, "Vela") in got)) == kept, got


def test_relation_model_set_annotations_rules_records_follow_a_retyped_entity(blank, make_pipe):
    pipe = make_pipe(labels=["basedIn", "sues"])
    items = [item(0, 2, "Sam Ortiz", "Person"), item(3, 4, "Acme", "Company"), item(5, 6, "Boise", "Place")]
    doc = hand_doc(blank, "Sam Ortiz sued Acme in Boise.", items)
    doc._.kg_relation_data = [record(doc, items[0], "sues", items[1], 0.7, doc[2])]
    cand = Candidate(0, 2, 0, len(doc), ("basedIn", "sues"))
    pipe.set_annotations([doc], scores_for(pipe, [(cand, {"basedIn": 0.95})]))
    sues = [r for r in doc._.kg_relation_data if r["predicate"] == "sues"]
    assert [(r["s_key"], r["s_cls"], r["extractor"]) for r in sues] == [("Company/Sam Ortiz", "Company", "rules")]


def test_relation_model_set_annotations_retype_leaves_no_record_outside_domain_and_range(blank, make_pipe):
    pipe = make_pipe(labels=["basedIn", "worksFor"])
    items = [item(0, 2, "Sam Ortiz", "Person"), item(4, 5, "Acme", "Company"), item(6, 7, "Boise", "Place")]
    doc = hand_doc(blank, "Sam Ortiz works for Acme in Boise.", items)
    doc._.kg_relation_data = [record(doc, items[0], "worksFor", items[1], 0.8, doc[2])]
    cand = Candidate(0, 2, 0, len(doc), ("basedIn", "worksFor"))
    pipe.set_annotations([doc], scores_for(pipe, [(cand, {"basedIn": 0.9})]))
    assert doc._.kg_relation_data, "expected at least the model's basedIn"
    assert all(fits(r) for r in doc._.kg_relation_data), [
        (r["predicate"], r["s_cls"], r["o_cls"]) for r in doc._.kg_relation_data]


def test_relation_model_set_annotations_leaves_a_failed_doc_alone(blank, make_pipe):
    pipe = make_pipe(labels=["basedIn"])
    doc = hand_doc(blank, VELA, [item(0, 1, "Vela", "Company"), item(5, 6, "Boise", "Place")])
    doc.user_data[ERROR_KEY] = "kg_entities failed: boom"
    pipe.set_annotations([doc], scores_for(pipe, [(Candidate(0, 1, 0, len(doc), ("basedIn",)), {"basedIn": 0.9})]))
    assert doc._.kg_relation_data == []


# -- training API on hand-made examples ----------------------------------------------------------------

ACME = "Acme invested in Vela. It is based in Boise."


def _acme_example(blank, source=""):
    items = [item(0, 1, "Acme", "Company"), item(3, 4, "Vela", "Company"), item(5, 6, "Acme", "Company", "coref"),
             item(9, 10, "Boise", "Place")]
    predicted = hand_doc(blank, ACME, items)
    adoc = AnnotatedDoc(
        "acme", ACME,
        entities=(EntityAnnotation(0, 4, "Company"), EntityAnnotation(17, 21, "Company"),
                  EntityAnnotation(38, 44, "Place")),
        # gold spans in the conventions of docs/annotation.md; "Boise." with its period as a converter may leave it
        relations=(RelationAnnotation(SpanRef(0, 4), SpanRef(17, 21), "investsIn"),
                   RelationAnnotation(SpanRef(17, 21), SpanRef(0, 4), "partnersWith", "hypothetical"),
                   RelationAnnotation(SpanRef(0, 4), SpanRef(38, 44), "basedIn")),
        meta={"source": source} if source else {})
    return Example(predicted, gold_doc(blank, adoc))


@pytest.mark.parametrize("source, masked", [("", set()), ("CoNLL04", {"investsIn", "partnersWith"})])
def test_relation_model_gold_matrix_truth_and_mask(blank, make_pipe, source, masked):
    pipe = make_pipe(labels=["basedIn", "investsIn", "partnersWith"])
    eg = _acme_example(blank, source)
    _batch, index = pipe.featurize([eg.predicted])
    truth, mask = pipe.gold_matrix([eg], index)
    names = [it["name"] + ("~" if it["via"] == "coref" else "") for it in eg.predicted._.kg_entity_data]
    held = {(names[c.subject], label, names[c.object]) for row, (_, c) in enumerate(index)
            for k, label in enumerate(pipe.labels) if truth[row, k]}
    # the hypothetical partnersWith teaches what the relation is not: no truth, but not masked either
    expected = {("Acme", "investsIn", "Vela"),
                ("Acme~", "basedIn", "Boise")}  # "It" stands for Acme; "Boise." matches Boise
    if source == "CoNLL04":
        expected = {t for t in expected if t[1] not in masked}
    assert held == expected
    for k, label in enumerate(pipe.labels):
        assert (mask[:, k] == (0.0 if label in masked else 1.0)).all(), label
    k = pipe.labels.index("partnersWith")
    rows = [row for row, (_, c) in enumerate(index) if {names[c.subject], names[c.object]} == {"Acme", "Vela"}]
    assert rows, "the Acme/Vela pair should be a candidate"
    assert all(truth[row, k] == 0.0 for row in rows)


def test_relation_model_initialize_takes_labels_from_the_data_and_update_learns(blank, make_pipe):
    pipe = make_pipe()
    egs = [_acme_example(blank)]
    pipe.initialize(lambda: egs)
    assert pipe.labels == ("basedIn", "investsIn", "partnersWith")
    sgd = Adam(0.05)
    losses = [pipe.update(egs, sgd=sgd, losses={})[pipe.name] for _ in range(15)]
    assert losses[-1] < losses[0] / 2


def test_relation_model_a_model_reads_the_feature_set_it_was_trained_on(blank, make_pipe, tmp_path):
    """A model trained today reads the class conjunctions; one saved before they existed (no "features"
    in its cfg) reads its own set, so its weights still meet the features they were learned on."""
    from kg.relations.features import FEATURES

    pipe = make_pipe()
    egs = [_acme_example(blank)]
    pipe.initialize(lambda: egs)
    assert pipe.cfg["features"] == FEATURES == 2
    new, _ = pipe.featurize(eg.predicted for eg in egs)
    pipe.to_disk(tmp_path / "m")
    cfg_path = tmp_path / "m" / "cfg.json"
    cfg = json.loads(cfg_path.read_text(encoding="utf-8"))
    del cfg["features"]
    cfg_path.write_text(json.dumps(cfg), encoding="utf-8")
    old_pipe = make_pipe().from_disk(tmp_path / "m")
    assert old_pipe.cfg["features"] == 1
    old, _ = old_pipe.featurize(eg.predicted for eg in egs)
    assert len(old.keys) < len(new.keys) and set(old.keys.tolist()) < set(new.keys.tolist())


def test_relation_model_reads_the_trigger_words_it_was_trained_with(blank, make_pipe, tmp_path):
    """The ontology's trigger words are features of the model. A trigger added after training (for
    the rules) must not change what a trained model reads: it keeps the trigger words it learned on."""
    from kg.ontology import extended_ontology_dir

    extra = tmp_path / "extra.ttl"
    extra.write_text('@prefix kg: <https://w3id.org/kg-builder/ontology#> .\nkg:sues kg:trigger "invested" .\n',
                     encoding="utf-8")
    edited = str(extended_ontology_dir(extra))
    egs = [_acme_example(blank)]
    # trigger words are read on the dependency path between the pair: give the sentences a parse
    parse = [(1, "nsubj"), (1, "ROOT"), (1, "prep"), (2, "pobj"), (1, "punct"),
             (7, "nsubjpass"), (7, "auxpass"), (7, "ROOT"), (7, "prep"), (8, "pobj"), (7, "punct")]
    doc = egs[0].predicted
    for t, (head, dep) in zip(doc, parse):
        t.head, t.dep_ = doc[head], dep
    pipe = make_pipe()
    pipe.initialize(lambda: egs)
    trained, _ = pipe.featurize(eg.predicted for eg in egs)
    pipe.to_disk(tmp_path / "m")
    # (a blank pipeline has no lemmatizer: the features read the words as written)
    assert "sues:event" not in json.loads((tmp_path / "m" / "cfg.json").read_text(encoding="utf-8"))["triggers"].get(
        "invested", [])
    # the edit matters to a model trained after it ...
    later = make_pipe(ontology_dir=edited)
    later.initialize(lambda: egs)
    retrained, _ = later.featurize(eg.predicted for eg in egs)
    assert retrained.keys.tolist() != trained.keys.tolist()
    # ... and not to the one trained before, loaded beside the edited ontology
    loaded = make_pipe(ontology_dir=edited).from_disk(tmp_path / "m")
    read, _ = loaded.featurize(eg.predicted for eg in egs)
    assert read.keys.tolist() == trained.keys.tolist()


def test_relation_model_initialize_without_relations_fails(blank, make_pipe):
    pipe = make_pipe()
    eg = _acme_example(blank)
    eg.reference.user_data["kg_gold_relations"] = []
    with pytest.raises(ComponentError, match="hold no relation to learn"):
        pipe.initialize(lambda: [eg])


def test_relation_model_score_is_strict_and_counts_facts_only(blank, make_pipe):
    pipe = make_pipe(labels=["basedIn", "investsIn", "partnersWith"])
    eg = _acme_example(blank)
    doc, items = eg.predicted, eg.predicted._.kg_entity_data
    doc._.kg_relation_data = [
        record(doc, items[0], "investsIn", items[1], 0.9, doc[1]),   # right
        record(doc, items[1], "investsIn", items[0], 0.9, doc[1]),   # wrong way round
        record(doc, items[1], "partnersWith", items[0], 0.9, doc[1], modality="hypothetical"),  # not a fact
    ]
    got = pipe.score([eg])
    # gold facts: investsIn and basedIn; predicted facts: two investsIn, one right
    assert (got["rel_micro_p"], got["rel_micro_r"], got["rel_micro_f"]) == (0.5, 0.5, 0.5)
    assert got["rel_per_type"]["investsIn"] == {"p": 0.5, "r": 1.0, "f": 0.667}
    assert got["rel_per_type"]["basedIn"] == {"p": 0.0, "r": 0.0, "f": 0.0}


# -- candidate pairs -------------------------------------------------------------------------------------

PAIRS_TEXT = "Acme sued Vela in Paris. Sam Ortiz lives in Boise near Acme."


@pytest.fixture
def pairs_doc(blank):
    items = [item(0, 1, "Acme", "Company"), item(2, 3, "Vela", "Company"), item(4, 5, "Paris", "Place"),
             item(6, 8, "Sam Ortiz", "Person"), item(10, 11, "Boise", "Place"), item(12, 13, "Acme", "Company")]
    return hand_doc(blank, PAIRS_TEXT, items)


def test_relation_model_candidates_stay_in_one_sentence_in_document_order(pairs_doc):
    items = pairs_doc._.kg_entity_data
    pairs = candidate_pairs(pairs_doc, items, ONTO)
    # every ordered pair of two entities in one sentence (competesWith takes any two), never across
    # the sentence boundary, and never Acme with Acme
    assert [(items[c.subject]["name"], items[c.object]["name"]) for c in pairs] == [
        ("Acme", "Vela"), ("Acme", "Paris"), ("Vela", "Acme"), ("Vela", "Paris"), ("Paris", "Acme"),
        ("Paris", "Vela"),
        ("Sam Ortiz", "Boise"), ("Sam Ortiz", "Acme"), ("Boise", "Sam Ortiz"), ("Boise", "Acme"),
        ("Acme", "Sam Ortiz"), ("Acme", "Boise")]
    assert [(c.sent_start, c.sent_end) for c in pairs] == [(0, 6)] * 6 + [(6, len(pairs_doc))] * 6


def test_relation_model_candidates_skip_one_entity_twice_and_overlaps(blank):
    doc = hand_doc(blank, "Acme and Acme Labs met Acme.", [])
    items = [item(0, 1, "Acme", "Company"), item(2, 4, "Acme Labs", "Company"), item(2, 3, "Acme", "Company"),
             item(5, 6, "Acme", "Company")]
    pairs = candidate_pairs(doc, items, ONTO)
    assert sorted((c.subject, c.object) for c in pairs) == [(0, 1), (1, 0), (1, 3), (3, 1)]


@pytest.mark.parametrize("max_tokens, expected", [(3, 2), (2, 2), (1, 0)])
def test_relation_model_candidates_within_max_tokens(blank, max_tokens, expected):
    doc = hand_doc(blank, "Acme quietly sued Vela.", [])
    items = [item(0, 1, "Acme", "Company"), item(3, 4, "Vela", "Company")]  # two tokens apart
    assert len(candidate_pairs(doc, items, ONTO, max_tokens=max_tokens)) == expected


@pytest.mark.parametrize("s_cls, o_cls, present, absent", [
    ("Person", "Company", {"worksFor", "sues", "investsIn"}, {"basedIn", "subsidiaryOf", "livesIn"}),
    ("Company", "Place", {"basedIn", "operatesIn"}, {"livesIn", "locatedIn", "sues"}),
    ("Person", "Place", {"livesIn", "operatesIn"}, {"basedIn", "locatedIn"}),
    ("Place", "Country", {"locatedIn", "operatesIn"}, {"basedIn", "livesIn"}),
    ("Company", "Product", {"develops", "offers", "bans"}, {"acquires", "sues"}),
])
def test_relation_model_candidates_typed_relations_fit_domain_and_range(blank, s_cls, o_cls, present, absent):
    doc = hand_doc(blank, "Alpha and Beta.", [])
    items = [item(0, 1, "Alpha", s_cls), item(2, 3, "Beta", o_cls)]
    first = candidate_pairs(doc, items, ONTO)[0]
    assert present <= set(first.relations) and not (absent & set(first.relations))
    untyped = candidate_pairs(doc, items, ONTO, typed=False)[0]
    assert untyped.relations == tuple(sorted(ONTO.relations))


def test_relation_model_candidates_of_nothing_are_none(blank):
    assert candidate_pairs(hand_doc(blank, "Nothing here.", []), [], ONTO) == []
    assert candidate_pairs(blank.make_doc(""), [item(0, 1, "A", "Company")], ONTO) == []


# -- strict scoring --------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, span, expected", [
    ("the European Commission", "the European Commission", "European Commission"),
    ("The Hague", "The Hague", "Hague"),                    # both sides drop it alike
    ("Nvidia's chips", "Nvidia's", "Nvidia"),
    ("Nvidia\u2019s chips", "Nvidia\u2019s", "Nvidia"),
    ("the Reuters' desk", "Reuters'", "Reuters"),
    ("based in Boise.", "Boise.", "Boise"),                 # a sentence period
    ("made in the U.S.", "U.S.", "U.S."),                   # an abbreviation keeps its period
    ("flew to the U.K.", "the U.K.", "U.K."),
    ("the", "the", "the"),                                  # nothing left to drop
    ("X.", "X.", "X."),                                     # too short to be a sentence period
    ("  Acme  ", "  Acme  ", "Acme"),                        # white space
    ("Nvidia's", "Nvidia's", "Nvidia"),
])
def test_relation_model_normalize_span(text, span, expected):
    start = text.index(span)
    a, b = normalize_span(text, start, start + len(span))
    assert text[a:b] == expected


def _span(text, s, n=1):
    """Character offsets of the ``n``-th occurrence of ``s`` in ``text``."""
    i = -1
    for _ in range(n):
        i = text.index(s, i + 1)
    return i, i + len(s)


def test_relation_model_strict_prf_by_hand():
    text = ("The Vela Group sued Orrin. Orrin and Vela Group are partners. Kestrel bans Orrin. "
            "Vela Group invested in Kestrel. Kestrel is based in Boise.")
    vela = [_span(text, "Vela Group", n) for n in (1, 2, 3)]
    orrin = [_span(text, "Orrin", n) for n in (1, 2, 3)]
    kestrel = [_span(text, "Kestrel", n) for n in (1, 2, 3)]
    boise, boise_dot = _span(text, "Boise"), _span(text, "Boise.")
    gold = [(*vela[0], *orrin[0], "sues"),
            (*orrin[1], *vela[1], "partnersWith"),
            (*kestrel[0], *orrin[2], "restricts"),
            (*vela[2], *kestrel[1], "investsIn"),
            (*kestrel[2], *boise, "basedIn")]
    predicted = [(*_span(text, "The Vela Group"), "sues", *orrin[0]),  # "The" dropped: right
                 (*vela[1], "partnersWith", *orrin[1]),                # symmetric, the other way round: right
                 (*kestrel[0], "bans", *orrin[2]),                     # bans answers restricts: right
                 (*kestrel[1], "investsIn", *vela[2]),                 # the other way round, not symmetric: wrong
                 (*kestrel[2], "basedIn", *boise_dot),                 # "Boise." is "Boise": right
                 (*kestrel[2], "basedIn", *boise_dot)]                 # a repeat counts once
    res = strict_prf({"d": predicted}, {"d": gold}, text_of={"d": text})
    assert res["micro"] == {"precision": 0.8, "recall": 0.8, "f1": 0.8, "predicted": 5, "gold": 5,
                            "correct": 4, "found": 4}
    assert res["by_relation"]["bans"]["precision"] == 1.0 and res["by_relation"]["restricts"]["recall"] == 1.0
    assert res["by_relation"]["investsIn"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "predicted": 1,
                                               "gold": 1, "correct": 0, "found": 0}
    only = strict_prf({"d": predicted}, {"d": gold}, text_of={"d": text}, labels=["restricts"])
    assert only["micro"]["predicted"] == 1 and only["micro"]["f1"] == 1.0
    assert set(only["by_relation"]) == {"bans", "restricts"}


# -- merge_records -----------------------------------------------------------------------------------


def rec(s, pred, o, conf, extractor="rules", sent=0, s_at=0, o_at=2):
    return {"s_key": f"Company/{s}", "o_key": f"Company/{o}", "predicate": pred, "sent_start": sent,
            "s_start": s_at, "s_end": s_at + 1, "o_start": o_at, "o_end": o_at + 1, "confidence": conf,
            "extractor": extractor}


@pytest.mark.parametrize("rules, model, expected", [
    # one relation found by both: the rules' record, the confidence of either being right
    ([rec("A", "sues", "B", 0.7)], [rec("A", "sues", "B", 0.8, "model")], [("A", "sues", "B", "both", 0.94, 0.8)]),
    # found by one
    ([rec("A", "sues", "B", 0.7)], [], [("A", "sues", "B", "rules", 0.7, None)]),
    ([], [rec("A", "sues", "B", 0.8, "model")], [("A", "sues", "B", "model", 0.8, None)]),
    # not symmetric: the other way round is another relation
    ([rec("A", "investsIn", "B", 0.7)], [rec("B", "investsIn", "A", 0.6, "model", s_at=2, o_at=0)],
     [("A", "investsIn", "B", "rules", 0.7, None), ("B", "investsIn", "A", "model", 0.6, None)]),
    # symmetric: either way round is the same relation
    ([rec("A", "partnersWith", "B", 0.5)], [rec("B", "partnersWith", "A", 0.6, "model", s_at=2, o_at=0)],
     [("A", "partnersWith", "B", "both", 0.8, 0.6)]),
    # the model read a symmetric relation both ways round: one statement, the surer reading
    ([], [rec("A", "competesWith", "B", 0.7, "model"), rec("B", "competesWith", "A", 0.9, "model", s_at=2, o_at=0)],
     [("B", "competesWith", "A", "model", 0.9, None)]),
    ([], [rec("A", "competesWith", "B", 0.9, "model"), rec("B", "competesWith", "A", 0.7, "model", s_at=2, o_at=0)],
     [("A", "competesWith", "B", "model", 0.9, None)]),
    # ... and with the rules' reading too: one "both" record
    ([rec("A", "partnersWith", "B", 0.5)], [rec("A", "partnersWith", "B", 0.6, "model"),
                                            rec("B", "partnersWith", "A", 0.7, "model", s_at=2, o_at=0)],
     [("A", "partnersWith", "B", "both", 0.8, 0.7)]),
    # not symmetric: both ways round are two relations, even from the model alone
    ([], [rec("A", "investsIn", "B", 0.7, "model"), rec("B", "investsIn", "A", 0.6, "model", s_at=2, o_at=0)],
     [("A", "investsIn", "B", "model", 0.7, None), ("B", "investsIn", "A", "model", 0.6, None)]),
    # a sub-property agrees with its parent, both ways; the rules' predicate stays
    ([rec("A", "bans", "B", 0.6)], [rec("A", "restricts", "B", 0.5, "model")], [("A", "bans", "B", "both", 0.8, 0.5)]),
    ([rec("A", "restricts", "B", 0.6)], [rec("A", "bans", "B", 0.5, "model")],
     [("A", "restricts", "B", "both", 0.8, 0.5)]),
    # unrelated relations between one pair do not agree
    ([rec("A", "sues", "B", 0.7)], [rec("A", "acquires", "B", 0.8, "model")],
     [("A", "acquires", "B", "model", 0.8, None), ("A", "sues", "B", "rules", 0.7, None)]),
    # another sentence is another statement
    ([rec("A", "sues", "B", 0.7)], [rec("A", "sues", "B", 0.8, "model", sent=40, s_at=8, o_at=10)],
     [("A", "sues", "B", "rules", 0.7, None), ("A", "sues", "B", "model", 0.8, None)]),
    # the model's argument owns the rules' argument of the relation ("O's P is banned in C"): dropped,
    # as object (O develops P) and as subject ("O's unit S sues B": S subsidiaryOf O)
    ([rec("C", "bans", "P", 0.8), rec("O", "develops", "P", 0.6, o_at=3)], [rec("C", "bans", "O", 0.7, "model")],
     [("C", "bans", "P", "rules", 0.8, None), ("O", "develops", "P", "rules", 0.6, None)]),
    ([rec("C", "restricts", "P", 0.8), rec("O", "develops", "P", 0.6, o_at=3)],
     [rec("C", "bans", "O", 0.7, "model")],
     [("C", "restricts", "P", "rules", 0.8, None), ("O", "develops", "P", "rules", 0.6, None)]),
    ([rec("S", "sues", "B", 0.8), rec("S", "subsidiaryOf", "O", 0.6, o_at=3)], [rec("O", "sues", "B", 0.7, "model")],
     [("S", "sues", "B", "rules", 0.8, None), ("S", "subsidiaryOf", "O", "rules", 0.6, None)]),
    # ... not without the owning, not in another sentence, not for another relation
    ([rec("C", "bans", "P", 0.8)], [rec("C", "bans", "O", 0.7, "model")],
     [("C", "bans", "P", "rules", 0.8, None), ("C", "bans", "O", "model", 0.7, None)]),
    ([rec("C", "bans", "P", 0.8), rec("O", "develops", "P", 0.6, o_at=3)],
     [rec("C", "bans", "O", 0.7, "model", sent=40)],
     [("C", "bans", "P", "rules", 0.8, None), ("O", "develops", "P", "rules", 0.6, None),
      ("C", "bans", "O", "model", 0.7, None)]),
    ([rec("C", "bans", "P", 0.8), rec("O", "develops", "P", 0.6, o_at=3)], [rec("C", "sues", "O", 0.7, "model")],
     [("C", "bans", "P", "rules", 0.8, None), ("O", "develops", "P", "rules", 0.6, None),
      ("C", "sues", "O", "model", 0.7, None)]),
    # capped below certainty
    ([rec("A", "sues", "B", 0.99)], [rec("A", "sues", "B", 0.995, "model")], [("A", "sues", "B", "both", 0.99, 0.995)]),
    ([], [rec("A", "sues", "B", 0.995, "model")], [("A", "sues", "B", "model", 0.99, None)]),
])
def test_relation_model_merge_records(rules, model, expected):
    before = [dict(r) for r in rules]
    out = merge_records(None, rules, model, {}, ONTO)
    got = [(r["s_key"].split("/")[1], r["predicate"], r["o_key"].split("/")[1], r["extractor"], r["confidence"],
            r.get("model_confidence")) for r in out]
    assert sorted(got, key=str) == sorted(expected, key=str)
    assert rules == before  # the inputs are not changed


def test_relation_model_merge_keeps_the_model_probability_on_rules_only_records(blank):
    doc = hand_doc(blank, "A met B and C.", [item(0, 1, "A", "Company"), item(2, 3, "B", "Company"),
                                             item(4, 5, "C", "Company")])
    rules = [rec("A", "sues", "B", 0.7), rec("B", "partnersWith", "C", 0.6, s_at=2, o_at=4),
             rec("A", "acquires", "C", 0.6, o_at=4)]
    # the model scored A -> B (sues 0.1) and C -> B (partnersWith 0.3, symmetric), not A -> C
    scores = {(0, 1, "sues"): 0.1, (2, 1, "partnersWith"): 0.3, (0, 1, "acquires"): 0.9}
    out = merge_records(doc, rules, [], scores, ONTO)
    assert [(r["predicate"], r["extractor"], r.get("model_confidence")) for r in out] == [
        ("acquires", "rules", None), ("sues", "rules", 0.1), ("partnersWith", "rules", 0.3)]


# -- what a build writes: Turtle, kg validate, kg why ---------------------------------------------------


@pytest.fixture(scope="module")
def news_builds(tmp_path_factory):
    """NEWS built with the packaged model (Python API) and with --no-model (the CLI)."""
    from kg.build import build

    root = tmp_path_factory.mktemp("news")
    src = root / "news.txt"
    src.write_text(NEWS, encoding="utf-8")
    build([src], out=root / "model", cache=False)
    res = CliRunner().invoke(app, ["build", str(src), "--no-model", "--out", str(root / "rules"), "-q"])
    assert res.exit_code == 0, res.output
    return {"model": root / "model", "rules": root / "rules"}


def statements(path):
    g = rdflib.Graph().parse(path / "graph.ttl")
    return g, sorted(g.subjects(RDF.type, KG.Statement))


@pytest.mark.model
def test_relation_model_turtle_statements_carry_extractor_and_confidence(news_builds):
    g, sts = statements(news_builds["model"])
    assert len(sts) >= 3
    for st in sts:
        extractors = list(g.objects(st, KG.extractor))
        assert len(extractors) == 1 and str(extractors[0]) in EXTRACTORS
        assert extractors[0].datatype in (None, XSD.string)
        conf = list(g.objects(st, KG.confidence))
        assert len(conf) == 1 and conf[0].datatype == XSD.decimal and 0 <= conf[0].toPython() <= 1
        mc = list(g.objects(st, KG.modelConfidence))
        assert len(mc) <= 1 and all(0 <= m.toPython() <= 1 for m in mc)
    assert any(g.value(st, KG.modelConfidence) is not None for st in sts)


@pytest.mark.model
def test_relation_model_no_model_build_is_the_rules_alone(news_builds):
    g, sts = statements(news_builds["rules"])
    assert sts
    assert {str(g.value(st, KG.extractor)) for st in sts} == {"rules"}
    assert not list(g.subject_objects(KG.modelConfidence))
    # the model build states at least what the rules state
    gm, _ = statements(news_builds["model"])
    rel = lambda gr: {(s, p, o) for s, p, o in gr if str(p).startswith(str(KG)) and p.split("#")[-1]
                      in ONTO.relations}
    assert rel(g) <= rel(gm)


@pytest.mark.model
@pytest.mark.parametrize("which", ["model", "rules"])
def test_relation_model_built_graph_passes_kg_validate(news_builds, which):
    res = CliRunner().invoke(app, ["validate", str(news_builds[which] / "graph.ttl")])
    assert res.exit_code == 0, res.output


@pytest.mark.model
@pytest.mark.parametrize("change", ["unknown", "missing", "twice"])
def test_relation_model_shapes_check_the_extractor(news_builds, tmp_path, change):
    from kg.validate import validate_graph

    g, sts = statements(news_builds["rules"])
    st = sts[0]
    if change == "unknown":
        g.set((st, KG.extractor, Literal("magic")))
    elif change == "missing":
        g.remove((st, KG.extractor, None))
    else:
        g.add((st, KG.extractor, Literal("model")))
    ok, report = validate_graph(g)
    assert not ok and "kg:extractor" in report


@pytest.mark.parametrize("extractor, model_confidence, text", [
    ("both", 0.914, "rules and model agree (model 0.91)"),
    ("model", 0.77, "model only: no rule matched"),
    ("rules", 0.12, "rules only: the model gave it 0.12, below its threshold"),
    ("rules", None, "rules only: the model did not score this pair"),
])
def test_relation_model_why_says_who_found_it(news_builds, tmp_path, extractor, model_confidence, text):
    g, sts = statements(news_builds["rules"])
    [st] = [s for s in sts if str(g.value(s, RDF.predicate)).endswith("#investsIn")]
    g.set((st, KG.extractor, Literal(extractor)))
    g.remove((st, KG.modelConfidence, None))
    if model_confidence is not None:
        g.add((st, KG.modelConfidence, Literal(str(model_confidence), datatype=XSD.decimal)))
    path = tmp_path / "graph.ttl"
    g.serialize(path, format="turtle")
    ev = Evidence("Microsoft", "investsIn", "OpenAI", "d", "", 0, 1, 0.9, "fact", True, "s", extractor,
                  model_confidence)
    assert ev.agreement == text
    res = CliRunner().invoke(app, ["why", str(path), "Microsoft", "investsIn", "OpenAI"])
    assert res.exit_code == 0, res.output
    assert f"found by: {text}" in res.stdout


# -- the packaged NER ------------------------------------------------------------------------------------

NER_TEXTS = ["Harbor Lane Capital invested $40 million in Quillstone, a Denver-based payments startup.",
             "Kestrel Robotics chief executive Ines Varga said the company would open an office in Lagos.",
             "Regulators in Brussels fined Vela Group over its Orrin app."]


def _ents(nlp):
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(NER_TEXTS)]


def test_packaged_ner_loaded_into_the_pipeline_equals_the_folder_sourced():
    """replace_ner loads the weights into the pipeline's own NER when the architectures match; the result
    must be what sourcing the component from the folder gives, and not the stock NER."""
    from kg.pipeline import PACKAGED_NER, model_name, replace_ner

    if not (PACKAGED_NER / "ner" / "model").is_file():
        pytest.skip("no packaged NER (make train)")
    fast = spacy.load(model_name())
    replace_ner(fast, PACKAGED_NER)
    sourced = spacy.load(model_name())
    sourced.remove_pipe("ner")
    sourced.add_pipe("ner", source=spacy.load(PACKAGED_NER))
    stock = spacy.load(model_name())
    assert _ents(fast) == _ents(sourced)
    assert fast.get_pipe("ner").to_bytes(exclude=["vocab"]) == sourced.get_pipe("ner").to_bytes(exclude=["vocab"])
    assert fast.get_pipe("ner").to_bytes(exclude=["vocab"]) != stock.get_pipe("ner").to_bytes(exclude=["vocab"])


def test_packaged_ner_of_another_architecture_is_sourced(tmp_path):
    """A NER folder whose component config differs from the pipeline's is sourced whole, settings included."""
    import shutil

    from kg.pipeline import PACKAGED_NER, _same_ner_config, model_name, replace_ner

    if not (PACKAGED_NER / "ner" / "model").is_file():
        pytest.skip("no packaged NER (make train)")
    other = tmp_path / "ner"
    shutil.copytree(PACKAGED_NER, other)
    cfg = (other / "config.cfg").read_text(encoding="utf-8")
    assert "update_with_oracle_cut_size = 100" in cfg
    (other / "config.cfg").write_text(cfg.replace("update_with_oracle_cut_size = 100",
                                                  "update_with_oracle_cut_size = 77"), encoding="utf-8")
    nlp = spacy.load(model_name())
    assert _same_ner_config(nlp, PACKAGED_NER) and not _same_ner_config(nlp, other)
    replace_ner(nlp, other)
    assert nlp.config["components"]["ner"]["update_with_oracle_cut_size"] == 77  # the folder's settings came along
    assert nlp.pipe_names.index("ner") == spacy.load(model_name()).pipe_names.index("ner")
