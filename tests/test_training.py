"""kg.training and the commands around it: annotations (and every way they can be wrong),
the CoNLL04 and Re-DocRED converters, DocBins, `kg data convert`, a tiny deterministic training
run, teaching a relation end to end (`kg train` -> `kg build`), and strict and lenient scoring
against JSONL gold (`kg eval --strict`).

Training runs read the 22 examples of ``tests/fixtures/teach/founders.jsonl`` (a relation the
ontology lacks, kg:foundedBy) and take a couple of seconds; the public data sets are left out.
"""

from __future__ import annotations

import filecmp
import hashlib
import io
import json
import shutil
from pathlib import Path

import pytest
import rdflib
import spacy
from rdflib import RDF, RDFS
from spacy.tokens import DocBin
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import KGError, ModelError
from kg.namespace import KG
from kg.ontology import extended_ontology_dir, load_ontology
from kg.training.annotations import (
    AnnotatedDoc,
    AnnotationError,
    read_annotation_files,
    read_annotations,
    write_annotations,
)
from kg.training.convert import conll04, detokenize, redocred
from kg.training.examples import KNOWN_LABELS, gold_doc, read_docbin, write_docbin
from kg.training.spans import blas_kernel
from kg.training.train import TrainSettings, train, tune_split

from .conftest import ROOT

TEACH = ROOT / "tests" / "fixtures" / "teach"
FOUNDED_BY = TEACH / "foundedBy.ttl"
FOUNDERS = TEACH / "founders.jsonl"
FIX = ROOT / "tests" / "fixtures" / "training"
CONLL = FIX / "conll04_small.json"
REDOCRED = FIX / "redocred_small.json"

#: Written for these tests; none of it is in founders.jsonl.
NEW_FOUNDERS = ("Sofia Marin launched Azul Payments in 2017 with savings from her job. "
                "Olivia Grant started Bluebird Bakeries in a small kitchen in Leeds.\n")
#: kg:foundedBy (KG is a closed namespace: the extension's terms are not in it)
FOUNDED_BY_IRI = rdflib.URIRef(str(KG) + "foundedBy")
#: (organization, founder) pairs NEW_FOUNDERS states
FOUNDED = {("Azul Payments", "Sofia Marin"), ("Bluebird Bakeries", "Olivia Grant")}

NO_PUBLIC = {"conll04": False, "redocred": False}


def squash(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module", autouse=True)
def kg_cache(tmp_path_factory):
    """Ontology extensions of this module go to a temporary KG_CACHE_DIR, never to ~/.cache."""
    path = tmp_path_factory.mktemp("kgcache")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("KG_CACHE_DIR", str(path))
        yield path


@pytest.fixture(scope="module")
def teach_nlp(kg_cache):
    """The pipeline kg train reads texts with, for the ontology extended by foundedBy.ttl."""
    from kg.pipeline import load_pipeline

    return load_pipeline(relation_model=False, ontology=FOUNDED_BY)


def settings(**kw) -> TrainSettings:
    base = dict(seed=0, own_data=[str(FOUNDERS)], ontology=str(FOUNDED_BY), **NO_PUBLIC)
    return TrainSettings(**{**base, **kw})


@pytest.fixture(scope="module")
def taught(teach_nlp, tmp_path_factory):
    """A model taught foundedBy with the default settings: (meta, folder)."""
    out = tmp_path_factory.mktemp("taught") / "model"
    meta = train(teach_nlp, settings(), out)
    return meta, out


def triples_by_label(path: Path, relation: str) -> set[tuple[str, str]]:
    g = rdflib.Graph().parse(path)
    pred = rdflib.URIRef(str(KG) + relation)
    return {(str(g.value(s, RDFS.label)), str(g.value(o, RDFS.label))) for s, o in g.subject_objects(pred)}


# -- annotations: what is read -------------------------------------------------------------------------

TEXT = "Acme sued Vela in Boise."  # Acme [0, 4), Vela [10, 14), Boise [18, 23)
ENTS = [{"start": 0, "end": 4, "label": "Company"}, {"start": 10, "end": 14, "label": "Company"},
        {"start": 18, "end": 23, "label": "Place"}]
CANONICAL = {"id": "d", "text": TEXT, "entities": ENTS,
             "relations": [{"head": {"start": 0, "end": 4}, "child": {"start": 10, "end": 14}, "label": "sues"},
                           {"head": {"start": 10, "end": 14}, "child": {"start": 18, "end": 23},
                            "label": "basedIn", "modality": "hypothetical"}]}


def read_one(obj: dict) -> AnnotatedDoc:
    [doc] = read_annotations(io.StringIO(json.dumps(obj)), name="x.jsonl")
    return doc


@pytest.mark.parametrize("variant", [
    # Prodigy: "spans"; relation ends as entity indices; "type" instead of "label"
    {"id": "d", "text": TEXT, "spans": ENTS,
     "relations": [{"head": 0, "child": 1, "type": "sues"},
                   {"head": 1, "child": 2, "label": "basedIn", "modality": "hypothetical"}]},
    # doccano: start_offset / end_offset, entity ids, from_id / to_id
    {"id": "d", "text": TEXT,
     "entities": [{"id": 17, "start_offset": 0, "end_offset": 4, "label": "Company"},
                  {"id": 23, "start_offset": 10, "end_offset": 14, "label": "Company"},
                  {"id": 5, "start_offset": 18, "end_offset": 23, "label": "Place"}],
     "relations": [{"from_id": 17, "to_id": 23, "type": "sues"},
                   {"from_id": 23, "to_id": 5, "type": "basedIn", "modality": "hypothetical"}]},
    # subject / object keys, entities in another order
    {"id": "d", "text": TEXT, "entities": list(reversed(ENTS)),
     "relations": [{"subject": {"start": 0, "end": 4}, "object": {"start": 10, "end": 14}, "label": "sues"},
                   {"subject": {"start": 10, "end": 14}, "tail": {"start": 18, "end": 23}, "label": "basedIn",
                    "modality": "hypothetical"}]},
])
def test_training_annotations_read_every_variant_alike(variant):
    doc, canon = read_one(variant), read_one(CANONICAL)
    assert doc == canon
    assert [(TEXT[r.head.start:r.head.end], r.label, TEXT[r.child.start:r.child.end], r.modality)
            for r in doc.relations] == [("Acme", "sues", "Vela", "fact"), ("Vela", "basedIn", "Boise", "hypothetical")]
    assert [(e.start, e.end, e.label) for e in doc.entities] == [(0, 4, "Company"), (10, 14, "Company"),
                                                                  (18, 23, "Place")]
    assert [r.label for r in doc.facts()] == ["sues"]


def test_training_annotations_write_and_read_back(tmp_path):
    docs = [read_one(CANONICAL), read_one({**CANONICAL, "id": "e", "meta": {"note": "x"}, "relations": []})]
    buf = io.StringIO()
    assert write_annotations(docs, buf) == 2
    again = list(read_annotations(io.StringIO(buf.getvalue()), name="y.jsonl"))
    assert again == docs and again[1].meta == {"note": "x"}


def test_training_annotations_without_id_take_the_line_number(tmp_path):
    path = tmp_path / "mine.jsonl"
    body = {k: v for k, v in CANONICAL.items() if k != "id"}
    path.write_text(json.dumps(body) + "\n\n" + json.dumps(body) + "\n", encoding="utf-8")
    docs = read_annotation_files([path])
    assert [d.id for d in docs] == ["mine-1", "mine-3"]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:3"]


def test_training_annotations_folder_reads_its_jsonl_in_order(tmp_path):
    for name, doc_id in (("b.jsonl", "b1"), ("a.jsonl", "a1"), ("notes.txt", "zz")):
        (tmp_path / name).write_text(json.dumps({**CANONICAL, "id": doc_id}) + "\n", encoding="utf-8")
    assert [d.id for d in read_annotation_files([tmp_path])] == ["a1", "b1"]
    with pytest.raises(AnnotationError, match=r"no such file or folder of annotations"):
        read_annotation_files([tmp_path / "missing.jsonl"])
    (tmp_path / "latin.jsonl").write_bytes(json.dumps({**CANONICAL, "id": "l"}).encode().replace(b"Acme", b"Acm\xe9"))
    with pytest.raises(AnnotationError, match=r"latin\.jsonl: not UTF-8 text"):
        read_annotation_files([tmp_path])


def test_training_annotations_check_types_can_be_left_off():
    wrong = {**CANONICAL, "relations": [{"head": 2, "child": 0, "label": "sues"}]}  # a Place sues
    with pytest.raises(AnnotationError, match="is a Place, but sues takes"):
        read_one(wrong)
    [doc] = read_annotations(io.StringIO(json.dumps(wrong)), name="x.jsonl", check_types=False)
    assert [r.label for r in doc.relations] == ["sues"]


# -- annotations: every kind of bad line stops with file:line and what is wrong --------------------------

def _line(**changes) -> str:
    return json.dumps({**CANONICAL, "id": "bad", **changes})


BAD = {
    "span off the text": (_line(entities=[ENTS[0], {"start": 10, "end": 99, "label": "Company"}], relations=[]),
                          "entity 1 [10, 99) is off the text (the text has 24 characters)"),
    "unknown relation": (_line(relations=[{"head": 0, "child": 1, "label": "buys"}]),
                         "unknown relation 'buys'; relations are: acquires, bans, basedIn"),
    "overlapping entities": (_line(entities=[ENTS[0], {"start": 2, "end": 9, "label": "Company"}], relations=[]),
                             "entities 'Acme' [0, 4) and 'me sued' [2, 9) overlap; an entity is one span"),
    "relation end not an entity": (_line(relations=[{"head": {"start": 0, "end": 3}, "child": 1, "label": "sues"}]),
                                   "relation 0 head [0, 3) 'Acm' is not one of the entities"),
    "relation index names no entity": (_line(relations=[{"head": 0, "child": 7, "label": "sues"}]),
                                       "relation 0 child 7 names no entity"),
    "bad JSON": ('{"text": "Acme sued Vela in Boise.", "entities": [', "not JSON ("),
    "not an object": ("[1, 2]", "expected a JSON object with 'text', 'entities' and 'relations', got list"),
    "unknown class": (_line(entities=[{"start": 0, "end": 4, "label": "Firm"}], relations=[]),
                      "entity 0 'Acme' has unknown class 'Firm'; classes are: Company, Country"),
    "domain/range mismatch": (_line(relations=[{"head": 0, "child": 1, "label": "worksFor"}]),
                              "relation 0 (worksFor) head 'Acme' is a Company, but worksFor takes Person as its head"),
    "white space in a span": (_line(entities=[{"start": 0, "end": 5, "label": "Company"}], relations=[]),
                              "entity 0 'Acme ' [0, 5) starts or ends with white space"),
    "not an integer offset": (_line(entities=[{"start": "0", "end": 4, "label": "Company"}], relations=[]),
                              "entity 0 start must be an integer character offset, got '0'"),
    "relation to itself": (_line(relations=[{"head": 0, "child": 0, "label": "sues"}]),
                           "relation 0 (sues) relates 'Acme' to itself"),
    "unknown modality": (_line(relations=[{"head": 0, "child": 1, "label": "sues", "modality": "maybe"}]),
                         "relation 0 has modality 'maybe'; modalities are: fact, negated, hypothetical"),
    "empty text": (_line(text=" ", entities=[], relations=[]), "'text' must be a non-empty string"),
    "repeated id": (json.dumps({**CANONICAL, "id": "one"}), "id 'one' is used by an earlier document of the file"),
}


def write_bad(folder: Path, bad_line: str) -> Path:
    path = folder / "bad.jsonl"
    good = [json.dumps({**CANONICAL, "id": "one"}), json.dumps({**CANONICAL, "id": "two", "relations": []})]
    path.write_text("\n".join([*good, bad_line]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", sorted(BAD))
def test_training_bad_data_stops_with_file_line_and_what_is_wrong(tmp_path, kind):
    bad_line, message = BAD[kind]
    path = write_bad(tmp_path, bad_line)
    with pytest.raises(AnnotationError) as err:
        read_annotation_files([path])
    assert str(err.value).startswith(f"{path}:3: "), str(err.value)
    assert message in str(err.value)
    assert err.value.exit_code == 2


@pytest.mark.parametrize("kind", sorted(BAD))
def test_training_bad_data_stops_kg_train_with_exit_code_2(tmp_path, monkeypatch, kind):
    bad_line, message = BAD[kind]
    write_bad(tmp_path, bad_line)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "400")  # one line of stderr per message
    res = CliRunner().invoke(app, ["train", "--data", "bad.jsonl", "--no-packaged-data", "--no-conll04",
                                   "--no-redocred", "--out", "M", "-q"])
    assert res.exit_code == 2, res.output
    assert "bad.jsonl:3: " in res.stderr and message in squash(res.stderr)
    assert "Traceback" not in res.output
    assert not (tmp_path / "M").exists()


# -- converters ------------------------------------------------------------------------------------

@pytest.mark.parametrize("tokens, text", [
    (["Sean", "O", "'Malley", ",", "a", "spokesman", "."], "Sean O'Malley, a spokesman."),
    (["He", "said", '"', "no", '"', "."], 'He said "no".'),
    (["It", "costs", "$", "5", "(", "about", "4", "%", ")", "."], "It costs $5 (about 4%)."),
    (["Acme", "'s", "chief", "did", "n't", "go", "."], "Acme's chief didn't go."),
])
def test_training_detokenize(tokens, text):
    joined, starts = detokenize(tokens)
    assert joined == text
    assert [joined[s:s + len(t)] for s, t in zip(starts, tokens)] == tokens


def spans(doc: AnnotatedDoc) -> tuple[list, list]:
    ents = [(doc.text[e.start:e.end], e.label) for e in doc.entities]
    rels = [(doc.text[r.head.start:r.head.end], r.label, doc.text[r.child.start:r.child.end]) for r in doc.relations]
    return ents, rels


CONLL_EXPECTED = {
    "conll04-5001": (
        "President Harriet Calder lived in Dover, Delaware, before the war.",
        # the title is not part of the name
        [("Harriet Calder", "Person"), ("Dover", "Place"), ("Delaware", "Place")],
        [("Harriet Calder", "livesIn", "Dover"), ("Dover", "locatedIn", "Delaware")]),
    "conll04-5002": (
        "Dr. Jane Doe, who works for Micron Technology Inc., said ``we are happy'' in Boise.",
        # "Boise." loses its sentence period, "Inc." keeps its own; Org -> Organization
        [("Jane Doe", "Person"), ("Micron Technology Inc.", "Organization"), ("Boise", "Place")],
        # OrgBased_In from a person does not fit basedIn's domain: left out
        [("Jane Doe", "worksFor", "Micron Technology Inc."), ("Micron Technology Inc.", "basedIn", "Boise")]),
    "conll04-5003": (
        "Mara Lind Voss killed Calder at Orwell's Theatre in Hong Kong, China.",
        # Other is left out, and Kill with it; Hong Kong is a Country in the gazetteer, retyped Place to be locatedIn
        [("Mara Lind Voss", "Person"), ("Calder", "Person"), ("Hong Kong", "Place"), ("China", "Country")],
        [("Hong Kong", "locatedIn", "China")]),
}


def test_training_conll04_converter():
    docs = list(conll04(CONLL))
    assert [d.id for d in docs] == list(CONLL_EXPECTED)
    for doc in docs:
        text, ents, rels = CONLL_EXPECTED[doc.id]
        assert doc.text == text
        assert spans(doc) == (ents, rels)
        assert doc.meta["source"] == "CoNLL04"


REDOCRED_TEXT = ("Zephyr Motors\n\nZephyr Motors is an Italian carmaker based in Turin, Italy. "
                 "Zephyr Motors owns Zephyr Parts, which makes the Z1 engine. "
                 "Chief executive Anna Rossi has worked for Zephyr Motors since 2010.")


def test_training_redocred_converter():
    docs = list(redocred(REDOCRED))
    assert [d.id for d in docs] == ["redocred-0", "redocred-1"]
    doc = docs[0]
    assert doc.text == REDOCRED_TEXT
    ents, rels = spans(doc)
    # every mention of a PER, ORG or LOC cluster; MISC only as a product; "Chief executive" is a title
    assert ents == [("Zephyr Motors", "Organization"), ("Turin", "Place"), ("Italy", "Country"),
                    ("Zephyr Motors", "Organization"), ("Zephyr Parts", "Organization"), ("Z1", "Product"),
                    ("Anna Rossi", "Person"), ("Zephyr Motors", "Organization")]
    assert sorted(rels) == sorted([
        ("Zephyr Motors", "basedIn", "Turin"),          # P159, in the one sentence holding both
        ("Turin", "locatedIn", "Italy"),                # P131
        ("Zephyr Parts", "subsidiaryOf", "Zephyr Motors"),  # P355 "has subsidiary": head and tail swap
        ("Zephyr Parts", "develops", "Z1"),             # P178 "developer": head and tail swap
        ("Anna Rossi", "worksFor", "Zephyr Motors"),    # P108
    ])  # P17 has no term; P551 (Anna Rossi, Turin) has no sentence holding both
    basedin = [r for r in doc.relations if r.label == "basedIn"]
    # the mentions of the first sentence (after the title and a blank line)
    assert [(r.head.start, r.child.start) for r in basedin] == [(15, REDOCRED_TEXT.index("Turin"))]
    assert spans(docs[1]) == ([("Lake Orrin", "Place"), ("Norway", "Country")],
                              [("Lake Orrin", "locatedIn", "Norway")])


@pytest.mark.parametrize("window, ids", [(None, ["redocred-0", "redocred-1"]), (slice(1, 2), ["redocred-1"]),
                                         (slice(0, 1), ["redocred-0"]), (slice(5, 9), [])])
def test_training_redocred_docs_window(window, ids):
    assert [d.id for d in redocred(REDOCRED, docs=window)] == ids


@pytest.mark.parametrize("convert", [conll04, redocred])
def test_training_converters_reject_unreadable_files(tmp_path, convert):
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(AnnotationError, match=r"broken\.json: cannot read"):
        list(convert(bad))


def test_training_converted_documents_are_valid_annotations():
    # what the converters give passes the reader's checks (spans, classes, domain and range)
    buf = io.StringIO()
    docs = list(conll04(CONLL)) + list(redocred(REDOCRED))
    write_annotations(docs, buf)
    assert list(read_annotations(io.StringIO(buf.getvalue()), name="converted.jsonl")) == docs


# -- kg data convert, DocBins -------------------------------------------------------------------------

@pytest.mark.parametrize("source, fmt, window, ids", [
    (CONLL, "conll04", None, list(CONLL_EXPECTED)),
    (CONLL, "conll04", "1:2", ["conll04-5002"]),
    (REDOCRED, "redocred", "1:", ["redocred-1"]),
    (FOUNDERS, "jsonl", "20:", None),  # foundedBy is not in the packaged ontology
])
def test_training_data_convert_to_jsonl(tmp_path, source, fmt, window, ids):
    out = tmp_path / "out.jsonl"
    args = ["data", "convert", str(source), "--from", fmt, "--out", str(out)] + (["--docs", window] if window else [])
    res = CliRunner().invoke(app, args)
    if ids is None:
        assert res.exit_code == 2 and "unknown relation 'foundedBy'" in squash(res.stderr)
        assert not out.exists()
        return
    assert res.exit_code == 0, res.output
    back = read_annotation_files([out])
    assert [d.id for d in back] == ids
    expected = {d.id: d for d in (conll04(CONLL) if fmt == "conll04" else redocred(REDOCRED, docs=slice(0, 9)))}
    assert back == [expected[i] for i in ids]
    assert f"wrote {len(ids)} documents" in squash(res.stderr)


@pytest.mark.parametrize("source, fmt", [(CONLL, "conll04"), (REDOCRED, "redocred"), (FOUNDERS, "jsonl")])
def test_training_data_convert_tells_the_format_by_the_content(tmp_path, source, fmt):
    from kg.training.convert import detect_format

    assert detect_format(source) == fmt
    copy = tmp_path / "data.txt"  # the name says nothing
    copy.write_bytes(source.read_bytes())
    assert detect_format(copy) == fmt
    if fmt != "jsonl":
        res = CliRunner().invoke(app, ["data", "convert", str(copy), "--out", str(tmp_path / "o.jsonl")])
        assert res.exit_code == 0, res.output
        expected = list(conll04(copy) if fmt == "conll04" else redocred(copy))
        assert expected and read_annotation_files([tmp_path / "o.jsonl"]) == expected


def test_training_data_convert_refuses_an_unknown_json_array(tmp_path):
    src = tmp_path / "other.json"
    src.write_text('[{"sentence": "Acme sued Vela."}]', encoding="utf-8")
    res = CliRunner().invoke(app, ["data", "convert", str(src), "--out", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2 and "neither CoNLL04" in squash(res.stderr) and "give --from" in squash(res.stderr)
    assert not (tmp_path / "o.jsonl").exists()


def test_training_data_convert_jsonl_to_jsonl_keeps_documents(tmp_path):
    src = tmp_path / "mine.jsonl"
    src.write_text(json.dumps(CANONICAL) + "\n" + json.dumps({**CANONICAL, "id": "e"}) + "\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["data", "convert", str(src), "--out", str(tmp_path / "o.jsonl"), "--docs", ":1"])
    assert res.exit_code == 0, res.output
    assert read_annotation_files([tmp_path / "o.jsonl"]) == [read_one(CANONICAL)]


@pytest.mark.parametrize("suffix", [".jsonl", ".spacy"])
def test_training_data_convert_reads_a_taught_relation_with_its_ontology(tmp_path, monkeypatch, suffix):
    """Annotations of a relation the packaged ontology lacks convert with --ontology, and only with it."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "400")
    out = tmp_path / f"founders{suffix}"
    res = CliRunner().invoke(app, ["data", "convert", str(FOUNDERS), "--out", str(out)])
    assert res.exit_code == 2 and "foundedBy" in squash(res.stderr) and not out.exists()
    res = CliRunner().invoke(app, ["data", "convert", str(FOUNDERS), "--ontology", str(FOUNDED_BY), "--out", str(out)])
    assert res.exit_code == 0, res.output
    if suffix == ".jsonl":
        extended = load_ontology(str(extended_ontology_dir(FOUNDED_BY)))
        assert read_annotation_files([out], onto=extended) == read_annotation_files([FOUNDERS], onto=extended)
    else:
        back = read_docbin(spacy.blank("en"), out)
        assert len(back) == len(FOUNDERS.read_text(encoding="utf-8").splitlines())
        assert {r[4] for d in back for r in d.user_data["kg_gold_relations"]} == {"foundedBy"}


def test_training_data_convert_to_docbin_keeps_the_gold(tmp_path):
    out = tmp_path / "c.spacy"
    res = CliRunner().invoke(app, ["data", "convert", str(CONLL), "--from", "conll04", "--out", str(out)])
    assert res.exit_code == 0, res.output
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("en").vocab))
    expected = list(conll04(CONLL))
    assert [d.text for d in docs] == [e.text for e in expected]
    for doc, adoc in zip(docs, expected):
        assert doc.user_data["kg_id"] == adoc.id
        assert [list(e) for e in doc.user_data["kg_gold_entities"]] == [[e.start, e.end, e.label]
                                                                        for e in adoc.entities]
        assert [list(r) for r in doc.user_data["kg_gold_relations"]] == [
            [r.head.start, r.head.end, r.child.start, r.child.end, r.label, r.modality] for r in adoc.relations]
        assert list(doc.user_data["kg_gold_labels"]) == list(KNOWN_LABELS["CoNLL04"])


@pytest.mark.parametrize("args, out_name, message", [
    (["--from", "brat"], "out.jsonl", "Unknown --from 'brat'; formats: auto, conll04, jsonl, redocred"),
    (["--from", "conll04", "--docs", "a:b"], "out.jsonl", "--docs takes START:END (e.g. 400:500); got 'a:b'"),
    (["--from", "conll04"], "out.txt", "--out must end in .jsonl or .spacy; got 'out.txt'"),
])
def test_training_data_convert_usage_errors(tmp_path, args, out_name, message):
    out = tmp_path / out_name
    res = CliRunner().invoke(app, ["data", "convert", str(CONLL), *args, "--out", str(out)])
    assert res.exit_code == 2 and message in squash(res.stderr), res.output
    assert not out.exists()


def test_training_gold_doc_and_docbin_round_trip(tmp_path):
    nlp = spacy.blank("en")
    own = read_one(CANONICAL)
    public = list(conll04(CONLL))[1]
    doc = gold_doc(nlp, own)
    assert doc.text == TEXT and doc.user_data["kg_id"] == "d"
    assert doc.user_data["kg_gold_entities"] == [[0, 4, "Company"], [10, 14, "Company"], [18, 23, "Place"]]
    assert doc.user_data["kg_gold_relations"] == [[0, 4, 10, 14, "sues", "fact"],
                                                  [10, 14, 18, 23, "basedIn", "hypothetical"]]
    assert doc.user_data["kg_gold_labels"] is None  # our own data annotates every relation
    assert gold_doc(nlp, public).user_data["kg_gold_labels"] == list(KNOWN_LABELS["CoNLL04"])
    assert write_docbin(nlp, [own, public], tmp_path / "x.spacy") == 2
    back = read_docbin(nlp, tmp_path / "x.spacy")
    assert [d.text for d in back] == [TEXT, public.text]
    assert [list(r) for r in back[0].user_data["kg_gold_relations"]] == doc.user_data["kg_gold_relations"]


# -- a training run --------------------------------------------------------------------------------

@pytest.mark.model
def test_training_is_deterministic(teach_nlp, tmp_path):
    quick = {"max_epochs": 6, "min_epochs": 2, "patience": 3}
    metas = [train(teach_nlp, settings(**quick), tmp_path / name) for name in ("a", "b")]
    train(teach_nlp, settings(seed=1, **quick), tmp_path / "c")
    for name in ("cfg.json", "model.bin.gz"):
        assert filecmp.cmp(tmp_path / "a" / name, tmp_path / "b" / name, shallow=False), name
    drop = lambda m: {k: v for k, v in m.items() if k != "seconds"}
    assert drop(metas[0]) == drop(metas[1])
    on_disk = [json.loads((tmp_path / n / "meta.json").read_text()) for n in ("a", "b")]
    assert drop(on_disk[0]) == drop(on_disk[1])
    # the seed is what makes it so: another seed shuffles otherwise
    assert not filecmp.cmp(tmp_path / "a" / "model.bin.gz", tmp_path / "c" / "model.bin.gz", shallow=False)
    assert "kg_relation_model" not in teach_nlp.pipe_names  # train() leaves the pipeline as it found it


@pytest.mark.model
def test_training_averages_the_weights_of_several_seeds(teach_nlp, tmp_path):
    import gzip

    import numpy
    from spacy.util import registry
    from thinc.api import Config

    import kg.relations.architectures  # noqa: F401 - registers kg.RelationClassifier.v1

    quick = {"max_epochs": 4, "min_epochs": 2, "patience": 2, "batch_size": 16}  # (small batches: order matters)
    for name, seed in (("s0", 0), ("s1", 1)):
        train(teach_nlp, settings(seed=seed, **quick), tmp_path / name)
    meta = train(teach_nlp, settings(average_seeds=2, **quick), tmp_path / "avg")
    again = train(teach_nlp, settings(average_seeds=2, **quick), tmp_path / "avg2")
    assert [r["seed"] for r in meta["runs"]] == [0, 1] and meta["runs"] == again["runs"]
    assert {row["run"] for row in meta["epochs"]} == {0, 1}
    assert filecmp.cmp(tmp_path / "avg" / "model.bin.gz", tmp_path / "avg2" / "model.bin.gz", shallow=False)

    def weights(folder):
        # the network of network.cfg with the saved weights (thinc's own serialisation)
        net = registry.resolve(Config().from_str((folder / "network.cfg").read_text()))["model"]
        net.from_bytes(gzip.decompress((folder / "model.bin.gz").read_bytes()))
        return {(n, p): numpy.asarray(node.get_param(p)).copy()
                for n, node in enumerate(net.walk()) for p in node.param_names if node.has_param(p)}

    one, two, avg = weights(tmp_path / "s0"), weights(tmp_path / "s1"), weights(tmp_path / "avg")
    assert avg.keys() == one.keys() and avg
    for key in avg:  # the two runs are the single-seed runs, and the model is their mean
        numpy.testing.assert_allclose(avg[key], (one[key] + two[key]) / 2, rtol=1e-5, atol=1e-6)
    assert any(not numpy.allclose(one[k], two[k], rtol=1e-3, atol=1e-4) for k in one)  # two orders, two models


@pytest.mark.model
def test_training_refuses_to_average_a_network_that_is_not_linear(teach_nlp, tmp_path):
    # averaged weights are averaged outputs only for the linear wide network; a deep one is refused
    deep = "[model]\n@architectures = \"kg.RelationClassifier.v1\"\nwide = true\nembed_width = 16\n"
    with pytest.raises(KGError, match="average_seeds averages weights"):
        train(teach_nlp, settings(average_seeds=2, model_config=deep, max_epochs=2, min_epochs=1), tmp_path / "m")
    assert not (tmp_path / "m").exists() and "kg_relation_model" not in teach_nlp.pipe_names


@pytest.mark.model
def test_training_meta_records_the_run(taught, teach_nlp):
    meta, out = taught
    assert sorted(p.name for p in out.iterdir()) == ["cfg.json", "meta.json", "model.bin.gz", "network.cfg"]
    assert json.loads((out / "meta.json").read_text()) == json.loads(json.dumps(meta))  # (tuples as lists)
    assert meta["labels"] == ["foundedBy"] and json.loads((out / "cfg.json").read_text())["labels"] == ["foundedBy"]
    digest = hashlib.sha256(FOUNDERS.read_bytes()).hexdigest()
    assert meta["data"]["files"] == {"tests/fixtures/teach/founders.jsonl": digest}
    assert sum(meta["data"]["documents"].values()) == 22
    assert meta["data"]["positives"]["train"]["foundedBy"] > 0
    assert meta["settings"]["seed"] == 0 and meta["settings"]["ontology"] == "tests/fixtures/teach/foundedBy.ttl"
    assert meta["settings"]["conll04"] is False and meta["settings"]["redocred"] is False
    assert meta["blas_kernel"] == blas_kernel() != ""  # the arithmetic the run's weights depend on
    # the NER that read the texts, by its weights
    assert meta["reader_ner_sha256"] == hashlib.sha256(teach_nlp.get_pipe("ner").model.to_bytes()).hexdigest()
    assert 1 <= meta["best_epoch"] <= len(meta["epochs"]) <= TrainSettings().max_epochs
    assert [row["epoch"] for row in meta["epochs"]] == list(range(1, len(meta["epochs"]) + 1))
    assert meta["model_config"].startswith("[model]") and "kg.RelationClassifier.v1" in meta["model_config"]
    cov = meta["candidate_coverage"]
    assert list(cov) == ["kg-builder"] and cov["kg-builder"]["gold"] > 0
    assert cov["kg-builder"]["with_fitting_classes"] <= cov["kg-builder"]["pairs_found"] <= cov["kg-builder"]["gold"]


@pytest.mark.model
def test_training_learns_the_taught_relation(taught, tmp_path):
    from kg.build import build

    _meta, out = taught
    src = tmp_path / "news.txt"
    src.write_text(NEW_FOUNDERS, encoding="utf-8")
    build([src], out=tmp_path / "graph", relation_model=str(out), ontology=FOUNDED_BY, cache=False)
    assert triples_by_label(tmp_path / "graph" / "graph.ttl", "foundedBy") == FOUNDED


@pytest.mark.model
def test_training_from_a_docbin_gives_the_same_model(teach_nlp, tmp_path):
    from kg.ontology import extended_ontology_dir, load_ontology

    onto = load_ontology(str(extended_ontology_dir(FOUNDED_BY)))
    write_docbin(teach_nlp, read_annotation_files([FOUNDERS], onto=onto), tmp_path / "founders.spacy")
    quick = {"max_epochs": 5, "min_epochs": 2, "patience": 3}
    a = train(teach_nlp, settings(**quick), tmp_path / "from-jsonl")
    b = train(teach_nlp, settings(own_data=[str(tmp_path / "founders.spacy")], **quick), tmp_path / "from-docbin")
    assert filecmp.cmp(tmp_path / "from-jsonl" / "model.bin.gz", tmp_path / "from-docbin" / "model.bin.gz",
                       shallow=False)
    assert a["data"]["documents"] == b["data"]["documents"] and a["data"]["pairs"] == b["data"]["pairs"]


@pytest.mark.model
def test_training_refuses_a_pipeline_that_has_the_model(nlp, tmp_path):
    with pytest.raises(KGError, match="without kg_relation_model"):
        train(nlp, settings(), tmp_path / "m")
    assert not (tmp_path / "m").exists()


@pytest.mark.model
def test_training_without_data_fails(teach_nlp, tmp_path):
    with pytest.raises(KGError, match="No training data: give annotation files"):
        train(teach_nlp, settings(own_data=[]), tmp_path / "m")


@pytest.mark.model
def test_training_missing_public_set_says_how_to_leave_it_out(teach_nlp, tmp_path):
    with pytest.raises(KGError, match=r"No training data at .*conll04_train\.json.*--no-conll04"):
        train(teach_nlp, settings(conll04=True, shared_data=str(tmp_path)), tmp_path / "m")
    assert "kg_relation_model" not in teach_nlp.pipe_names


@pytest.mark.model
def test_training_replaces_an_existing_folder_whole(teach_nlp, tmp_path):
    out = tmp_path / "m"
    out.mkdir()
    (out / "stale.txt").write_text("from an older run")
    train(teach_nlp, settings(max_epochs=2, min_epochs=1), out)
    assert sorted(p.name for p in out.iterdir()) == ["cfg.json", "meta.json", "model.bin.gz", "network.cfg"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m"]  # no temporary or old folder left beside it


def test_training_tune_split_is_stable_and_proportional():
    ids = [f"doc-{n}" for n in range(4000)]
    picked = [tune_split(i, 0.15) for i in ids]
    assert picked == [tune_split(i, 0.15) for i in ids]
    assert 0.12 < sum(picked) / len(ids) < 0.18
    assert not any(tune_split(i, 0.0) for i in ids) and all(tune_split(i, 1.0) for i in ids)
    # a larger share only adds documents
    assert all(tune_split(i, 0.3) for i, p in zip(ids, picked) if p)


# -- a taught model and the ontology it needs -----------------------------------------------------------

@pytest.mark.model
def test_training_taught_model_needs_its_ontology(taught, tmp_path):
    _meta, out = taught
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    with pytest.raises(ModelError, match=r"predicts foundedBy, which the ontology .* does not define.*--ontology"):
        nlp.add_pipe("kg_relation_model", config={"weights": str(out)})
    src = tmp_path / "news.txt"
    src.write_text(NEW_FOUNDERS, encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(src), "--relation-model", str(out), "--out", str(tmp_path / "o"),
                                   "-q"])
    assert res.exit_code == 2 and "foundedBy" in res.stderr and "--ontology" in squash(res.stderr), res.output
    assert "Traceback" not in res.output


@pytest.mark.model
def test_training_taught_model_from_bytes_needs_its_ontology_too(taught):
    from kg.ontology import extended_ontology_dir

    _meta, out = taught
    nlp = spacy.blank("en")
    nlp.add_pipe("kg_entities")
    taught_pipe = nlp.add_pipe("kg_relation_model", name="taught", config={
        "weights": str(out), "ontology_dir": str(extended_ontology_dir(FOUNDED_BY))})
    plain = nlp.add_pipe("kg_relation_model", name="plain", config={"weights": None})
    with pytest.raises(ModelError, match="foundedBy"):
        plain.from_bytes(taught_pipe.to_bytes())


@pytest.mark.model
def test_training_saved_pipeline_does_not_need_the_weights_folder(taught, tmp_path):
    from kg.ontology import extended_ontology_dir

    _meta, out = taught
    weights = tmp_path / "weights"
    shutil.copytree(out, weights)
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("kg_entities")
    nlp.add_pipe("kg_relation_model", config={"weights": str(weights),
                                              "ontology_dir": str(extended_ontology_dir(FOUNDED_BY))})
    nlp.to_disk(tmp_path / "pipeline")
    shutil.rmtree(weights)  # the pipeline folder holds its own copy of the weights
    again = spacy.load(tmp_path / "pipeline")
    assert again.get_pipe("kg_relation_model").labels == ("foundedBy",)


# -- teaching a relation through the command line ------------------------------------------------------

@pytest.fixture
def teach_cli(tmp_path, monkeypatch):
    """`kg train` taught foundedBy, then `kg build` of a new text with it: (model, out, cache)."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(cache))
    monkeypatch.setenv("COLUMNS", "400")
    model, out = tmp_path / "M", tmp_path / "OUT"
    res = CliRunner().invoke(app, ["train", "--ontology", str(FOUNDED_BY), "--data", str(FOUNDERS),
                                   "--no-packaged-data", "--no-conll04", "--no-redocred", "--out", str(model), "-q"])
    assert res.exit_code == 0, res.output
    assert f"wrote {model}/" in squash(res.stderr)
    src = tmp_path / "founders_news.txt"
    src.write_text(NEW_FOUNDERS, encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(src), "--ontology", str(FOUNDED_BY), "--relation-model", str(model),
                                   "--out", str(out), "-q"])
    assert res.exit_code == 0, res.output
    return model, out, cache


@pytest.mark.model
def test_training_cli_teaches_a_relation_end_to_end(teach_cli):
    model, out, cache = teach_cli
    meta = json.loads((model / "meta.json").read_text())
    assert meta["labels"] == ["foundedBy"]
    # the extended ontology went to KG_CACHE_DIR
    assert [p.name.split("-")[0] for p in (cache / "ontologies").iterdir() if p.is_dir()] == ["foundedBy"]
    assert triples_by_label(out / "graph.ttl", "foundedBy") == FOUNDED
    g = rdflib.Graph().parse(out / "graph.ttl")
    sts = [st for st in g.subjects(RDF.type, KG.Statement) if g.value(st, RDF.predicate) == FOUNDED_BY_IRI]
    assert len(sts) == 2
    for st in sts:
        assert str(g.value(st, KG.extractor)) in {"model", "both"}
        assert 0 < g.value(st, KG.confidence).toPython() <= 1
        subject_text = NEW_FOUNDERS[g.value(st, KG.subjectStart).toPython():g.value(st, KG.subjectEnd).toPython()]
        object_text = NEW_FOUNDERS[g.value(st, KG.objectStart).toPython():g.value(st, KG.objectEnd).toPython()]
        assert (subject_text, object_text) in FOUNDED


@pytest.mark.model
def test_training_cli_kg_why_knows_the_taught_relation(teach_cli):
    _model, out, _cache = teach_cli
    res = CliRunner().invoke(app, ["why", str(out / "graph.ttl"), "Azul Payments", "foundedBy", "Sofia Marin"])
    assert res.exit_code == 0, res.output
    assert "Sofia Marin launched Azul Payments" in squash(res.stdout)
    res = CliRunner().invoke(app, ["why", str(out / "graph.ttl"), "Azul Payments", "foundedBx", "Sofia Marin"])
    assert res.exit_code == 2 and "Did you mean: foundedBy?" in squash(res.stderr)


@pytest.mark.model
def test_training_cli_taught_graph_passes_kg_validate(teach_cli):
    _model, out, _cache = teach_cli
    res = CliRunner().invoke(app, ["validate", str(out / "graph.ttl"), "--ontology", str(FOUNDED_BY)])
    assert res.exit_code == 0, res.output


# -- scoring against JSONL gold ----------------------------------------------------------------------

def _span(text: str, s: str, n: int = 1) -> tuple[int, int]:
    i = -1
    for _ in range(n):
        i = text.index(s, i + 1)
    return i, i + len(s)


STRICT_DOCS = {
    "d1": "The Vela Group sued Orrin Labs on Monday.",
    "d2": "Orrin Labs and Kestrel are partners, and Kestrel bans Orrin Labs.",
    "d3": "Kestrel invested in Vela Group. Vela Group is based in Boise.",
    "d4": "Acme acquired Vela Group last week.",
}


def _gold_line(doc_id: str, ents: list[tuple[tuple[int, int], str]], rels: list, text: str | None = None) -> str:
    return json.dumps({"id": doc_id, "text": STRICT_DOCS[doc_id] if text is None else text,
                       "entities": [{"start": a, "end": b, "label": c} for (a, b), c in ents],
                       "relations": [{"head": {"start": h[0], "end": h[1]}, "child": {"start": c[0], "end": c[1]},
                                      "label": label, **({"modality": m} if m else {})}
                                     for h, label, c, m in rels]})


@pytest.fixture
def strict_case(tmp_path):
    """A hand-made graph and JSONL gold whose strict scores are worked out by hand below."""
    t1, t2, t3, t4 = (STRICT_DOCS[k] for k in ("d1", "d2", "d3", "d4"))
    vela1, orrin1 = _span(t1, "Vela Group"), _span(t1, "Orrin Labs")
    orrin2a, kes2a, kes2b, orrin2b = (_span(t2, "Orrin Labs"), _span(t2, "Kestrel"), _span(t2, "Kestrel", 2),
                                      _span(t2, "Orrin Labs", 2))
    kes3, vela3a, vela3b, boise3 = _span(t3, "Kestrel"), _span(t3, "Vela Group"), _span(t3, "Vela Group", 2), \
        _span(t3, "Boise")
    acme4, vela4 = _span(t4, "Acme"), _span(t4, "Vela Group")
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join([
        _gold_line("d1", [(vela1, "Company"), (orrin1, "Company")], [(vela1, "sues", orrin1, "")]),
        _gold_line("d2", [(orrin2a, "Company"), (kes2a, "Company"), (kes2b, "Company"), (orrin2b, "Company")],
                   [(orrin2a, "partnersWith", kes2a, ""), (kes2b, "restricts", orrin2b, ""),
                    (kes2b, "sues", orrin2b, "negated")]),  # not a fact: not gold
        _gold_line("d3", [(kes3, "Company"), (vela3a, "Company"), (vela3b, "Company"), (boise3, "Place")],
                   [(kes3, "investsIn", vela3a, ""), (vela3b, "basedIn", boise3, "")]),
        _gold_line("d4", [(acme4, "Company"), (vela4, "Company")], [(acme4, "acquires", vela4, "")]),
    ]) + "\n", encoding="utf-8")

    def st(n, doc, rel, s, o, asserted=True, offsets=True):
        where = (f"kg:subjectStart {s[0]} ; kg:subjectEnd {s[1]} ; kg:objectStart {o[0]} ; kg:objectEnd {o[1]} ;"
                 if offsets else "")
        return (f"st:s{n} a kg:Statement ; rdf:predicate kg:{rel} ; prov:wasDerivedFrom {doc} ; {where} "
                f"kg:asserted {'true' if asserted else 'false'} .")

    sha3 = hashlib.sha256(t3.encode("utf-8")).hexdigest()
    ttl = "\n".join([
        "@prefix kg: <https://w3id.org/kg-builder/ontology#> .",
        "@prefix prov: <http://www.w3.org/ns/prov#> .",
        "@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .",
        "@prefix doc: <https://example.org/doc/> .",
        "@prefix st: <https://example.org/statement/> .",
        "doc:d1 a kg:Document .",                                 # found by its id
        'doc:x2 a kg:Document ; kg:path "/news/d2.txt" .',        # by its file name
        f'doc:x3 a kg:Document ; kg:contentHash "{sha3}" .',      # by its text
        st(1, "doc:d1", "sues", (0, vela1[1]), orrin1),                       # "The Vela Group": right
        st(2, "doc:d1", "partnersWith", vela1, orrin1, asserted=False),       # not asserted: not counted
        st(3, "doc:d1", "investsIn", vela1, orrin1, offsets=False),           # no offsets: not counted
        st(4, "doc:x2", "partnersWith", kes2a, orrin2a),                      # symmetric, reversed: right
        st(5, "doc:x2", "bans", kes2b, orrin2b),                              # bans answers restricts: right
        st(6, "doc:x3", "investsIn", vela3a, kes3),                           # reversed: wrong
        st(7, "doc:x3", "basedIn", vela3b, (boise3[0], boise3[1] + 1)),       # "Boise.": right
    ]) + "\n"
    graph = tmp_path / "graph.ttl"
    graph.write_text(ttl, encoding="utf-8")
    return graph, gold


def test_training_strict_eval_by_hand(strict_case):
    from kg.evaluate import evaluate_strict

    graph, gold = strict_case
    res = evaluate_strict(graph, [gold])
    # predicted 5 (s1, s4, s5, s6, s7), 4 right; gold facts 6 (d4's is not in the graph), 4 found
    assert res["micro"] == {"precision": 0.8, "recall": 0.667, "f1": 0.727, "predicted": 5, "gold": 6,
                            "correct": 4, "found": 4}
    assert res["unmatched_documents"] == ["d4"]
    by = {k: (v["predicted"], v["correct"], v["gold"], v["found"]) for k, v in res["by_relation"].items()}
    assert by == {"sues": (1, 1, 1, 1), "partnersWith": (1, 1, 1, 1), "bans": (1, 1, 0, 0),
                  "restricts": (0, 0, 1, 1), "investsIn": (1, 0, 1, 0), "basedIn": (1, 1, 1, 1),
                  "acquires": (0, 0, 1, 0)}
    only = evaluate_strict(graph, [gold], relations=["restricts"])
    assert only["micro"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0, "predicted": 1, "gold": 1, "correct": 1,
                             "found": 1}
    # what was missed and what no gold relation matches, by document, with the spans' text
    assert sorted((m["document"], m["relation"]) for m in res["missed"]) == [("d3", "investsIn"), ("d4", "acquires")]
    assert [(f["document"], f["relation"]) for f in res["false_positives"]] == [("d3", "investsIn")]
    fp, miss = res["false_positives"][0], next(m for m in res["missed"] if m["document"] == "d3")
    assert (fp["subject"], fp["object"]) == (miss["object"], miss["subject"])  # the same pair, reversed


def test_training_strict_eval_cli(strict_case, tmp_path):
    from kg.evaluate import evaluate_strict

    graph, gold = strict_case
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--json"])
    assert res.exit_code == 0, res.output
    full = evaluate_strict(graph, [gold])
    assert json.loads(res.stdout) == {k: v for k, v in full.items()
                                      if k not in {"missed", "false_positives", "by_document"}}
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--json", "--show"])
    assert json.loads(res.stdout) == full
    res = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict",
                                                         "--show"])
    lines = [line for line in res.stdout.splitlines() if line.startswith(("missed", "false positive"))]
    assert len(lines) == 3 and sum("acquires" in line and "d4" in line for line in lines) == 1, res.stdout
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--relations",
                                   "restricts,sues", "--json"])
    assert res.exit_code == 0 and json.loads(res.stdout)["micro"]["gold"] == 2
    res = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict"])
    assert res.exit_code == 0 and "0.727" in res.stdout and "1 gold document(s) not in the graph" in res.stderr
    tsv = tmp_path / "gold.tsv"
    tsv.write_text("Vela Group\tsues\tOrrin Labs\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(tsv), "--strict"])
    assert res.exit_code == 2 and "--strict needs annotated JSON Lines gold" in squash(res.stderr)


def test_training_strict_eval_counts_each_document(strict_case):
    """The per-document counts the intervals resample: each document's own, adding up to the micro counts."""
    from kg.evaluate import evaluate_strict

    graph, gold = strict_case
    res = evaluate_strict(graph, [gold])
    # [correct, predicted, found, gold]: d1 one right (its partnership is not asserted, its investment has
    # no offsets); d2 two right of two; d3 one right, one reversed; d4 not in the graph, its one missed
    assert res["by_document"] == {"d1": [1, 1, 1, 1], "d2": [2, 2, 2, 2], "d3": [1, 2, 1, 2], "d4": [0, 0, 0, 1]}
    totals = [sum(v[k] for v in res["by_document"].values()) for k in range(4)]
    assert totals == [res["micro"][k] for k in ("correct", "predicted", "found", "gold")]


def test_training_bootstrap_interval_resamples_documents():
    from kg.relations.scoring import bootstrap_interval

    # documents all alike: every resample scores what the set does
    same = bootstrap_interval([[2, 3, 2, 4]] * 12)
    assert (same["low"], same["f1"], same["high"]) == (0.571, 0.571, 0.571) and same["documents"] == 12
    # documents that differ: an interval around the set's F1, the same for the same seed
    docs = {f"d{i}": c for i, c in enumerate([[3, 4, 3, 5], [1, 2, 1, 4], [5, 5, 4, 6], [0, 1, 0, 2], [2, 2, 2, 2]])}
    one = bootstrap_interval(docs)
    assert one == bootstrap_interval(docs) and one != bootstrap_interval(docs, seed=1)
    assert one["low"] < one["f1"] < one["high"] and one["samples"] == 1000 and one["level"] == 0.95
    # precision and recall get theirs too: 11 right of 14 predicted, 10 found of 19 gold
    assert (one["precision"], one["recall"]) == (0.786, 0.526)
    assert one["precision_low"] < one["precision"] < one["precision_high"]
    assert one["recall_low"] < one["recall"] < one["recall_high"]
    assert bootstrap_interval(docs, level=0.5)["high"] - bootstrap_interval(docs, level=0.5)["low"] \
        < one["high"] - one["low"]
    # four times the documents (the same mix): about half the width, as sampling error goes (1 / sqrt(n))
    more = bootstrap_interval(list(docs.values()) * 4)
    assert more["f1"] == one["f1"]
    assert 0.35 < (more["high"] - more["low"]) / (one["high"] - one["low"]) < 0.7
    # one document per resample unit: a document with many relations weighs as a whole, so the
    # interval of a set whose relations sit in one document is wider than of the same counts spread out
    lumped = bootstrap_interval([[9, 10, 9, 10], [0, 3, 0, 3], [0, 1, 0, 1], [0, 1, 0, 1]])
    spread = bootstrap_interval([[1, 1, 1, 1]] * 9 + [[0, 1, 0, 1]] * 6)
    assert lumped["f1"] == spread["f1"] and lumped["high"] - lumped["low"] > spread["high"] - spread["low"]
    with pytest.raises(ValueError, match="no documents"):
        bootstrap_interval([])


def test_training_paired_bootstrap_compares_on_the_same_documents():
    from kg.relations.scoring import paired_bootstrap

    first = {"a": [3, 4, 3, 6], "b": [1, 2, 1, 4], "c": [4, 5, 4, 5], "d": [0, 1, 0, 3]}
    # one right statement more in every document: better in every resample
    second = {k: [c + 1, p + 1, f + 1, g] for k, (c, p, f, g) in first.items()}
    up = paired_bootstrap(first, second)
    assert up["share_better"] == 1.0 and 0 < up["low"] <= up["difference"] <= up["high"]
    assert paired_bootstrap(second, first)["share_better"] == 0.0
    # the same system twice: no difference, ties count half
    same = paired_bootstrap(first, first)
    assert (same["difference"], same["low"], same["high"], same["share_better"]) == (0.0, 0.0, 0.0, 0.5)
    # a gain in one document and a loss in another: not sure either way
    mixed = dict(first, a=[4, 4, 4, 6], c=[3, 5, 3, 5])
    split = paired_bootstrap(first, mixed)
    assert split["low"] < 0 < split["high"] and 0 < split["share_better"] < 1
    with pytest.raises(ValueError, match="different documents"):
        paired_bootstrap(first, {"a": [1, 1, 1, 1]})


def test_training_strict_eval_cli_bootstrap(strict_case):
    graph, gold = strict_case
    res = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict",
                                                         "--bootstrap", "200"])
    assert res.exit_code == 0, res.output
    assert "F1 0.727, 95% interval" in res.stdout and "(200 resamples of the 4 documents)" in res.stdout
    assert "precision 0.800 (" in res.stdout and "recall 0.667 (" in res.stdout
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--bootstrap", "200",
                                   "--json"])
    interval = json.loads(res.stdout)["interval"]
    assert interval["documents"] == 4 and interval["low"] <= 0.727 <= interval["high"]
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--bootstrap", "200"])
    assert res.exit_code == 2 and "--bootstrap needs --strict" in squash(res.stderr)


def test_training_strict_eval_cli_against_another_graph(strict_case, tmp_path):
    """--against: two graphs of the same documents compared on the same resamples."""
    graph, gold = strict_case
    # the other graph lacks one right statement (s4, in d2)
    text = graph.read_text(encoding="utf-8")
    worse = tmp_path / "worse.ttl"
    worse.write_text("\n".join(line for line in text.splitlines() if not line.startswith("st:s4 ")) + "\n",
                     encoding="utf-8")
    assert worse.read_text(encoding="utf-8") != text
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--json",
                                   "--against", str(worse)])
    assert res.exit_code == 0, res.output
    cmp_ = json.loads(res.stdout)["against"]
    # 4 right of 5 against 3 right of 4 (gold 6): 0.727 against 0.6
    assert cmp_["micro"]["f1"] == 0.6 and cmp_["difference"] == 0.127 and cmp_["samples"] == 1000
    assert cmp_["low"] <= 0 < cmp_["high"] and 0.5 < cmp_["share_better"] < 1  # (d2 is not in every resample)
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--strict", "--json",
                                   "--against", str(graph), "--bootstrap", "300"])
    same = json.loads(res.stdout)["against"]
    assert (same["difference"], same["share_better"], same["samples"]) == (0.0, 0.5, 300)
    res = CliRunner(env={"COLUMNS": "300"}).invoke(app, ["eval", str(worse), "--gold", str(gold), "--strict",
                                                         "--against", str(graph)])
    assert "F1 -0.127" in res.stdout and "of 1000 resamples of the 4 documents" in res.stdout, res.stdout
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", str(gold), "--against", str(worse)])
    assert res.exit_code == 2 and "--against needs --strict" in squash(res.stderr)


#: Sentences the rules read (rules alone: no model whose predictions could change).
NEWS_DOCS = {
    "n1": ("Microsoft invested $10 billion in OpenAI last year, the company said on Monday.",
           ("Microsoft", "investsIn", "OpenAI")),
    "n2": ("Google sued Epic Games in a federal court in California over its app store rules.",
           ("Google", "sues", "Epic Games")),
    "n3": ("Nvidia supplies chips to Dell, according to a filing published this week.",
           ("Nvidia", "suppliesTo", "Dell")),
    "n4": ("Vela Robotics agreed to acquire Orrin Labs for $2 billion, the two firms said.",  # not built
           ("Vela Robotics", "acquires", "Orrin Labs")),
}
NEWS_RELATIONS = ["investsIn", "sues", "suppliesTo", "acquires"]


@pytest.fixture(scope="module")
def news_graph(tmp_path_factory):
    """n1-n3 built with the rules alone from a JSONL file, and JSONL gold of n1-n4."""
    from kg.build import build

    root = tmp_path_factory.mktemp("strict-news")
    lines = []
    for doc_id, (text, (s, rel, o)) in NEWS_DOCS.items():
        hs, cs = _span(text, s), _span(text, o)
        lines.append(json.dumps({"id": doc_id, "text": text,
                                 "entities": [{"start": a, "end": b, "label": "Company"} for a, b in sorted([hs, cs])],
                                 "relations": [{"head": {"start": hs[0], "end": hs[1]},
                                                "child": {"start": cs[0], "end": cs[1]}, "label": rel}]}))
    gold = root / "gold.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    news = root / "news.jsonl"
    news.write_text("\n".join(lines[:3]) + "\n", encoding="utf-8")
    build([news], out=root / "out", relation_model=False, cache=False)
    return root / "out", gold


@pytest.mark.model
def test_training_strict_eval_of_a_build(news_graph):
    from kg.evaluate import evaluate_strict

    out, gold = news_graph
    res = evaluate_strict(out, [gold], relations=NEWS_RELATIONS)
    # n1-n3 found with their spans (matched by text), n4 not built: P 3/3, R 3/4
    assert res["unmatched_documents"] == ["n4"]
    assert res["micro"] == {"precision": 1.0, "recall": 0.75, "f1": 0.857, "predicted": 3, "gold": 4,
                            "correct": 3, "found": 3}
    cli = CliRunner().invoke(app, ["eval", str(out), "--gold", str(gold), "--strict", "--relations",
                                   ",".join(NEWS_RELATIONS), "--json", "--show"])
    assert cli.exit_code == 0 and json.loads(cli.stdout) == res
    assert [m["document"] for m in res["missed"]] == ["n4"] and res["false_positives"] == []


@pytest.mark.model
def test_training_lenient_eval_with_jsonl_gold(news_graph):
    from kg.evaluate import evaluate

    out, gold = news_graph
    res = evaluate(out, [gold], gold_relations_only=True)
    assert res["relations"] == {"precision": 1.0, "recall": 0.75, "f1": 0.857, "predicted": 3, "gold": 4,
                                "correct": 3, "found": 3}
    assert [m["relation"] for m in res["missed"]] == ["acquires"]
    assert res["entities"]["gold"] == 8  # the JSONL's entities are gold entities too (by name and class)
    everything = evaluate(out, [gold])
    assert everything["relations"]["gold"] == 4 and everything["relations"]["predicted"] >= 3


@pytest.mark.model
def test_training_candidate_coverage_counts_what_the_model_can_reach(nlp):
    """A gold relation counts as reachable when its two mentions are a candidate pair, and as typed when
    their classes fit it; an end the pipeline does not find as an entity is out of reach."""
    from kg.training.coverage import candidate_coverage
    from kg.training.examples import examples

    text = "Orvane Corp sued Kestrel Inc in Boise last week, said the owner of a small bakery."
    spans = {name: (text.index(name), text.index(name) + len(name))
             for name in ("Orvane Corp", "Kestrel Inc", "Boise", "the owner of a small bakery")}
    ann = read_one({"id": "cov", "text": text,
                    "entities": [{"start": a, "end": b, "label": cls} for (a, b), cls in
                                 zip(spans.values(), ("Company", "Company", "Place", "Person"))],
                    "relations": [{"head": {"start": spans[h][0], "end": spans[h][1]},
                                   "child": {"start": spans[c][0], "end": spans[c][1]}, "label": rel}
                                  for h, rel, c in (("Orvane Corp", "sues", "Kestrel Inc"),
                                                    ("Kestrel Inc", "operatesIn", "Boise"),
                                                    ("the owner of a small bakery", "worksFor", "Kestrel Inc"))]})
    pipe = nlp.get_pipe("kg_relation_model")
    with nlp.select_pipes(disable=["kg_relation_model"]):
        egs = list(examples(nlp, [gold_doc(nlp, ann)]))
    names = {it["name"] for it in egs[0].predicted._.kg_entity_data}
    assert {"Orvane Corp", "Kestrel Inc", "Boise"} <= names or {"Orvane", "Kestrel", "Boise"} <= names
    _batch, index = pipe.featurize(eg.predicted for eg in egs)
    got = candidate_coverage(pipe, egs, index)
    assert got == {"all": {"gold": 3, "pairs_found": 2, "pairs_share": 0.667, "with_fitting_classes": 2,
                           "typed_share": 0.667}}
    # grouped, and nothing reachable without candidates
    assert candidate_coverage(pipe, egs, [], group=lambda eg: "mine")["mine"]["pairs_found"] == 0


@pytest.mark.model
def test_training_cli_prints_the_run_summary(tmp_path, monkeypatch):
    """Without -q, kg train ends with the tuned thresholds and the candidate coverage of its data."""
    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "400")
    res = CliRunner().invoke(app, ["train", "--ontology", str(FOUNDED_BY), "--data", str(FOUNDERS),
                                   "--no-packaged-data", "--no-conll04", "--no-redocred", "--out", str(tmp_path / "M")])
    assert res.exit_code == 0, res.output
    meta = json.loads((tmp_path / "M" / "meta.json").read_text())
    cov = meta["candidate_coverage"]["kg-builder"]
    text = squash(res.output)
    assert "tuned thresholds (tuning split)" in text and "foundedBy" in text
    assert (f"gold relations among the candidate pairs: kg-builder {cov['pairs_found']}/{cov['gold']}"
            in text), text[-400:]


# -- choosing thresholds and margins --------------------------------------------------------------

def test_training_selection_takes_the_middle_of_the_near_best_plateau():
    from kg.training.selection import plateau_center, smoothed

    grid = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]
    # a flat top from 0.4 to 0.8: its middle, not its end (the rule before took 0.8)
    assert plateau_center(grid, [0.50, 0.60, 0.61, 0.60, 0.61, 0.60, 0.40], 0.02) == 0.6
    # a clear peak is taken as it is
    assert plateau_center(grid, [0.2, 0.3, 0.4, 0.7, 0.4, 0.3, 0.2], 0.02) == 0.6
    # the run stops at the first point below the slack: a far point as good does not stretch it
    assert plateau_center(grid, [0.7, 0.7, 0.5, 0.5, 0.5, 0.5, 0.7], 0.02) == 0.4
    # of two middle points, the higher
    assert plateau_center([0.1, 0.2, 0.3, 0.4], [0.5, 0.5, 0.1, 0.1], 0.0) == 0.2
    assert smoothed([0.0, 0.3, 0.6]) == [0.15, 0.3, 0.45]
    with pytest.raises(ValueError):
        plateau_center([0.1, 0.2], [0.5], 0.0)


def _margin_rows(overall, by_label):
    margins = [0.0, 0.1, 0.2, 0.3, 0.4]
    return [{"margin": m, "f1": overall[k], "by_relation": {label: {"f1": curve[k], "gold": gold, "predicted": 0}
                                                          for label, (gold, curve) in by_label.items()}}
            for k, m in enumerate(margins)]


def test_training_calibration_gives_a_relation_its_own_margin_only_where_it_clearly_pays():
    from kg.training.calibrate import choose_margins

    rows = _margin_rows([0.70, 0.72, 0.72, 0.72, 0.60], {
        # one prediction more or less: no margin of its own
        "pays": (40, [0.50, 0.50, 0.50, 0.51, 0.52]),
        # much better with a higher margin, and enough gold rows to say so
        "sues": (40, [0.40, 0.40, 0.40, 0.60, 0.60]),
        # better, but too few gold rows to trust
        "bans": (5, [0.10, 0.10, 0.10, 0.90, 0.90]),
    })
    overall, own = choose_margins(rows, ["pays", "sues", "bans"], min_support=20)
    assert overall == 0.1  # the middle of 0.0-0.2, whose smoothed F1s are within 0.01 of the best
    assert own == {"sues": 0.4}
    assert [r["smoothed_f1"] for r in rows] == [0.71, 0.7133, 0.72, 0.68, 0.66]


def test_training_calibration_scores_a_public_set_only_on_the_relations_its_gold_annotates(nlp, tmp_path):
    """An extra calibration set is built into a graph of its own and scored only on its gold's relation
    types (a job its gold does not annotate is no false positive), and the counts of all sets add up."""
    from kg.training.annotations import read_annotation_files
    from kg.training.calibrate import calibrate_margin

    def jsonl(name, text, s, label, o):
        span = {k: {"start": text.index(v), "end": text.index(v) + len(v)} for k, v in (("s", s), ("o", o))}
        record = {"id": name, "text": text, "entities": [{**span["s"], "label": "Person"}, {**span["o"], "label": "Place"}],
                  "relations": [{"head": span["s"], "child": span["o"], "label": label}]}
        path = tmp_path / name
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        return [(d.id, d.text) for d in read_annotation_files([path])], [path]

    texts, gold = jsonl("news.jsonl", "Tom Berg lives in Oslo.", "Tom Berg", "livesIn", "Oslo")
    extra = [jsonl("public.jsonl", "Ana Ruiz, a reporter at the Velo Times, lives in Leeds.", "Ana Ruiz", "livesIn",
                   "Leeds")]
    pipe = nlp.get_pipe("kg_relation_model")
    alone = calibrate_margin(nlp, pipe, *extra[0], margins=(0.0,))["table"][0]
    assert alone["by_relation"]["worksFor"]["predicted"] == 1  # scored on everything, the job counts
    row = calibrate_margin(nlp, pipe, texts, gold, margins=(0.0,), extra=extra)["table"][0]
    assert row["by_relation"]["livesIn"] == {"f1": 1.0, "gold": 2, "predicted": 2}
    assert row["by_relation"].get("worksFor", {}).get("predicted", 0) == 0
    assert row["precision"] == row["recall"] == 1.0


def test_training_public_tune_sets_take_only_the_public_sets_tuning_documents(tmp_path):
    from kg.training.annotations import AnnotatedDoc, read_annotation_files
    from kg.training.train import TrainSettings, _public_tune_sets, tune_split

    docs = [AnnotatedDoc(f"{prefix}-{n}", f"Text {n}.") for prefix in ("conll04", "redocred", "own") for n in range(40)]
    settings = TrainSettings(tune_share=0.3)
    sets = _public_tune_sets(docs, settings, tmp_path)
    assert [paths[0].name for _, paths in sets] == ["conll04-tune.jsonl", "redocred-tune.jsonl"]
    for texts, paths in sets:
        ids = [d.id for d in read_annotation_files(paths)]
        assert ids and all(tune_split(i, 0.3) for i in ids)
        assert [name.split("#")[1] for name, _ in texts] == ids
    want = sorted(d.id for d in docs if not d.id.startswith("own") and tune_split(d.id, 0.3))
    assert sorted(i for _, paths in sets for i in (d.id for d in read_annotation_files(paths))) == want


def test_training_calibrate_public_without_calibrate_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    res = CliRunner().invoke(app, ["train", "--calibrate-public", "--no-packaged-data", "--no-conll04", "--no-redocred",
                                   "--out", "M", "-q"])
    assert res.exit_code == 2, res.output
    assert "--calibrate-public" in res.output + res.stderr and "--calibrate" in res.stderr
    assert "Traceback" not in res.output and not (tmp_path / "M").exists()


def test_training_strict_eval_scores_a_coreferent_mention_by_its_antecedent(tmp_path):
    """"a spokeswoman for the company": the statement keeps "the company" as its evidence and records
    the name it was resolved to (kg:objectAntecedentStart ...), and span-level gold, which annotates
    names, counts it right, as kg.relations.scoring.predicted_spans does."""
    from kg.build import build
    from kg.evaluate import evaluate_strict

    text = "Halvorsen Biotech is recruiting chemists, said Mira Lund, a spokeswoman for the company in Bergen.\n"
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "lund.txt").write_text(text, encoding="utf-8")
    build([tmp_path / "docs"], out=tmp_path / "out", cache=False)
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    firm, lund, mention = _span(text, "Halvorsen Biotech"), _span(text, "Mira Lund"), _span(text, "the company")
    (st,) = [s for s in g.subjects(RDF.predicate, KG.worksFor)]
    assert (g.value(st, KG.objectStart).toPython(), g.value(st, KG.objectEnd).toPython()) == mention
    assert (g.value(st, KG.objectAntecedentStart).toPython(), g.value(st, KG.objectAntecedentEnd).toPython()) == firm
    assert g.value(st, KG.subjectAntecedentStart) is None  # "Mira Lund" is a name: nothing to resolve
    gold = tmp_path / "gold.jsonl"
    gold.write_text(_gold_line("lund", [(firm, "Company"), (lund, "Person")], [(lund, "worksFor", firm, "")], text) + "\n",
                    encoding="utf-8")
    res = evaluate_strict(tmp_path / "out" / "graph.ttl", [gold], relations=["worksFor"])
    assert res["micro"]["correct"] == 1 and res["micro"]["predicted"] == 1, res


@pytest.mark.model
def test_training_the_ner_picks_its_epoch_on_the_calibration_news(tmp_path):
    # kg train --calibrate NEWS.jsonl: the NER fine-tune is tuned on that news (its entity spans), not
    # on the tuning split of the training sets; with no annotated news given, on the tuning split
    from kg.training.train import ner_tuning_docs

    nlp = spacy.blank("en")
    split = [gold_doc(nlp, d) for d in read_annotation_files([FOUNDERS], onto=load_ontology(
        extended_ontology_dir(FOUNDED_BY)))][:3]
    news = tmp_path / "news.jsonl"
    news.write_text(json.dumps({"id": "n1", "text": "Veltro is based in Austin.", "entities": [
        {"start": 0, "end": 6, "label": "Company"}, {"start": 19, "end": 25, "label": "Place"}],
        "relations": []}) + "\n", encoding="utf-8")
    docs, named = ner_tuning_docs(nlp, TrainSettings(calibrate=["corpus/dev", str(news)]), split)
    assert [d.text for d in docs] == ["Veltro is based in Austin."] and named.endswith("news.jsonl")
    assert [e[:2] for e in docs[0].user_data["kg_gold_entities"]] == [[0, 6], [19, 25]]
    docs, named = ner_tuning_docs(nlp, TrainSettings(calibrate=["corpus/dev"]), split)
    assert docs is split and named == "tuning split"


def test_training_ner_can_keep_its_averaged_weights(tmp_path, monkeypatch):
    # kg train --ner-average: the weights scored and kept are the running average over the updates (a
    # model of its own, the same for the same seed), and the meta says so. (The tuning score is made
    # to rise, so that epoch 1 is kept in each run: the small model already reads these names.)
    from kg.pipeline import DEFAULT_MODEL
    from kg.training import spans

    docs = read_annotation_files([FOUNDERS], onto=load_ontology(extended_ontology_dir(FOUNDED_BY)))
    nlp = spacy.blank("en")
    golds = [gold_doc(nlp, d) for d in docs]
    metas = {}
    for name in ("a", "b", "plain"):
        scores = iter([0.5, 0.9])
        monkeypatch.setattr(spans, "_span_f1", lambda _nlp, _golds, s=scores: next(s))
        metas[name] = spans.train_ner(DEFAULT_MODEL, golds[:16], golds[16:], tmp_path / name, seed=0, max_epochs=1,
                                      patience=1, average=name != "plain")
    assert [m["best_epoch"] for m in metas.values()] == [1, 1, 1]
    assert metas["a"]["averaged"] and not metas["plain"]["averaged"]
    assert filecmp.cmp(tmp_path / "a" / "ner" / "model", tmp_path / "b" / "ner" / "model", shallow=False)
    assert not filecmp.cmp(tmp_path / "a" / "ner" / "model", tmp_path / "plain" / "ner" / "model", shallow=False)


def test_training_ner_stops_after_its_patience_and_is_deterministic(tmp_path):
    # kg train --ner-out: the pipeline's NER continued on gold spans; the best epoch on the tuning
    # docs is kept, the run stops `patience` epochs after it, and the same seed gives the same weights
    from kg.pipeline import DEFAULT_MODEL
    from kg.training.spans import train_ner

    docs = read_annotation_files([FOUNDERS], onto=load_ontology(extended_ontology_dir(FOUNDED_BY)))
    nlp = spacy.blank("en")
    golds = [gold_doc(nlp, d) for d in docs]
    train_docs, tune_docs = golds[:16], golds[16:]
    metas = [train_ner(DEFAULT_MODEL, train_docs, tune_docs, tmp_path / name, seed=0, max_epochs=6, patience=1,
                       tuned_on="founders")
             for name in ("a", "b")]
    meta = metas[0]
    ran = len(meta["epochs"]) - 1
    assert ran == min(6, meta["best_epoch"] + 1), meta["epochs"]
    assert meta["tune_span_f1"] == max(e["tune_span_f1"] for e in meta["epochs"])
    assert json.loads((tmp_path / "a" / "kg_meta.json").read_text())["best_epoch"] == meta["best_epoch"]
    assert meta["tuned_on"] == "founders"  # what the epoch was picked on
    assert filecmp.cmp(tmp_path / "a" / "ner" / "model", tmp_path / "b" / "ner" / "model", shallow=False)
    assert spacy.load(tmp_path / "a").pipe_names == ["ner"]
    # the run records the BLIS kernel its arithmetic ran on (another kernel rounds differently)
    import ctypes

    import blis.cy

    lib = ctypes.CDLL(blis.cy.__file__)
    lib.bli_arch_string.restype = ctypes.c_char_p
    assert meta["blas_kernel"] == lib.bli_arch_string(lib.bli_arch_query_id()).decode() != ""
