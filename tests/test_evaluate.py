"""kg.evaluate and `kg eval`: exact scores on a hand-made graph, agreement with the shared score.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from kg.errors import InputError
from kg.evaluate import evaluate, gold_names, normalize_name, read_gold

from .conftest import DEV, ROOT

SHARED = ROOT.parent / "shared" / "eval"
SCORER = SHARED / "score.py"
needs_scorer = pytest.mark.skipif(not SCORER.is_file(), reason="../shared/eval/score.py is not beside the repo")

GRAPH = """\
@prefix kg: <https://w3id.org/kg-builder/ontology#> .
@prefix ent: <https://example.org/entity/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

ent:OpenAI a kg:Company ; rdfs:label "OpenAI"@en ;
    kg:bans ent:China ;                 # answers a gold restricts (sub-property -> parent)
    kg:pays ent:Microsoft ;             # answers a gold paysCommissionTo (parent -> sub-property)
    kg:investsIn ent:Microsoft ;        # gold has it the other way round: not symmetric, wrong
    kg:acquires ent:Ghost ;             # no label on the object: not a prediction
    kg:relation ent:China .             # not a vocabulary relation: ignored
ent:Microsoft a kg:Company ; rdfs:label "Microsoft Corp."@en ; skos:altLabel "Microsoft"@en ;
    kg:partnersWith ent:OpenAI ;        # gold has OpenAI partnersWith Microsoft: symmetric, right
    kg:develops ent:Azure ;
    kg:competesWith ent:Google .        # not in gold: wrong
ent:Biden a kg:Person ; rdfs:label "Joe Biden"@en ; kg:livesIn ent:US .
ent:FedEx a kg:Company ; rdfs:label "FedEx"@en ; kg:basedIn ent:Memphis .
ent:China a kg:Country ; rdfs:label "China"@en .
ent:US a kg:Country ; rdfs:label "U.S."@en .
ent:Azure a kg:Product ; rdfs:label "Azure"@en .
ent:Google a kg:Company ; rdfs:label "Google"@en .
ent:Memphis a kg:Place ; rdfs:label "Memphis"@en .
ent:Commerce a kg:GovernmentBody ; rdfs:label "the Commerce Department"@en .
ent:Europe a kg:Location ; rdfs:label "Europe"@en .    # an abstract class: not a typed entity
"""

GOLD_A = """\
# subject<TAB>relation<TAB>object
OpenAI\trestricts\tChina|Chinese users
OpenAI\tpaysCommissionTo\tMicrosoft
OpenAI\tpartnersWith\tMicrosoft|Microsoft Corp
President Joe Biden\tlivesIn\tUnited States|US
Microsoft\tdevelops\tAzure
Microsoft\tinvestsIn\tOpenAI
"""

GOLD_B = """\
# a second file, pooled with the first; its first row repeats one of GOLD_A
The Microsoft\tdevelops\tAzure
FedEx\tbasedIn\tMemphis, Tenn.
Nvidia\tsuppliesTo\tOpenAI
Microsoft\toffers\tAzure
"""

ENTITIES = """\
OpenAI\tCompany
Microsoft|Microsoft Corp\tOrganization
China\tCountry
President Joe Biden\tPerson
Azure\tCompany
Nvidia\tCompany
Department of Commerce|Commerce Department\tGovernmentBody
"""


@pytest.fixture
def hand(tmp_path: Path) -> tuple[Path, list[Path], list[Path]]:
    graph = tmp_path / "graph.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    gold_a, gold_b, ents = tmp_path / "a.gold.tsv", tmp_path / "b.gold.tsv", tmp_path / "e.entities.tsv"
    gold_a.write_text(GOLD_A, encoding="utf-8")
    gold_b.write_text(GOLD_B, encoding="utf-8")
    ents.write_text(ENTITIES, encoding="utf-8")
    return graph, [gold_a, gold_b], [ents]


def _cli_json(*args: str) -> dict:
    res = CliRunner().invoke(app, ["eval", *args, "--json"])
    assert res.exit_code == 0, res.output
    return json.loads(res.stdout)


def _reference(graph: Path, gold: list[Path], ents: list[Path]) -> dict:
    proc = subprocess.run(
        [sys.executable, str(SCORER), str(graph), ",".join(map(str, gold)), ",".join(map(str, ents)), "--json"],
        capture_output=True, text=True, check=True,
    )
    return json.loads(proc.stdout)


def _assert_agree(ours: dict, ref: dict) -> None:
    for part, keys in (("relations", ("precision", "recall", "f1")),
                       ("entities", ("precision", "recall", "f1", "typed_correctly"))):
        for key in keys:
            assert abs(ours[part][key] - ref[part][key]) <= 0.01, (part, key, ours[part], ref[part])
        assert (ours[part]["predicted"], ours[part]["gold"]) == (ref[part]["predicted"], ref[part]["gold"])


def test_evaluate_normalises_names_like_the_reference():
    assert normalize_name("President Joe Biden") == "joe biden"
    assert normalize_name("The U.S.") == "us"
    assert normalize_name("OpenAI\u2019s") == "openai"
    assert normalize_name("Sen. Mark Warner") == "mark warner"
    assert normalize_name("Mr X") == "mr x"  # a title before one letter stays
    assert gold_names("Memphis, Tenn.|the City") == {"memphis tenn", "memphis", "city"}


def test_evaluate_hand_graph_relation_scores(hand):
    graph, gold, _ = hand
    r = evaluate(graph, gold)
    # 9 distinct gold rows (one repeated across the files); 8 labelled vocabulary triples.
    # Right: bans~restricts, pays~paysCommissionTo, partnersWith reversed, livesIn with a title and
    # "U.S.", develops, basedIn "Memphis, Tenn.". Wrong: investsIn reversed, competesWith.
    assert r["relations"] == {"precision": 0.75, "recall": 0.667, "f1": 0.706,
                              "predicted": 8, "gold": 9, "correct": 6, "found": 6}
    assert r["by_relation"]["bans"] == {"precision": 1.0, "recall": 0.0, "f1": 0.0,
                                        "predicted": 1, "gold": 0, "correct": 1, "found": 0}
    assert r["by_relation"]["restricts"] == {"precision": 0.0, "recall": 1.0, "f1": 0.0,
                                             "predicted": 0, "gold": 1, "correct": 0, "found": 1}
    assert r["by_relation"]["partnersWith"]["f1"] == 1.0
    assert r["by_relation"]["investsIn"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                             "predicted": 1, "gold": 1, "correct": 0, "found": 0}
    assert r["by_relation"]["develops"]["gold"] == 1  # pooled: counted once
    assert sorted(m["gold"] for m in r["missed"]) == [
        "Microsoft investsIn OpenAI", "Microsoft offers Azure", "Nvidia suppliesTo OpenAI"]
    assert sorted((f["subject"], f["relation"], f["object"]) for f in r["false_positives"]) == [
        ("Microsoft Corp.", "competesWith", "Google"), ("OpenAI", "investsIn", "Microsoft Corp.")]


def test_evaluate_hand_graph_entity_scores(hand):
    graph, gold, ents = hand
    e = evaluate(graph, gold, ents)
    # 10 typed nodes (Europe is only a kg:Location); 6 match a gold name. 6 of 7 gold found;
    # Microsoft (Company) answers Organization, Azure is a Product where gold wants a Company.
    assert e["entities"] == {"precision": 0.6, "recall": 0.857, "f1": 0.706, "typed_correctly": 0.714,
                             "predicted": 10, "gold": 7, "correct": 6, "found": 6, "typed": 5}
    assert [m["entity"] for m in e["entities_missed"]] == ["Nvidia Company"]
    assert [m["entity"] for m in e["entities_mistyped"]] == ["Azure Company"]
    assert sorted(x["entity"] for x in e["entities_extra"]) == ["FedEx", "Google", "Memphis", "U.S."]


def test_evaluate_symmetry_only_for_symmetric_relations(tmp_path):
    graph = tmp_path / "g.ttl"
    graph.write_text(GRAPH, encoding="utf-8")
    gold = tmp_path / "g.tsv"
    gold.write_text("Microsoft\tpartnersWith\tOpenAI\nMicrosoft\tpays\tOpenAI\n", encoding="utf-8")
    r = evaluate(graph, [gold])
    assert r["by_relation"]["partnersWith"]["found"] == 1
    assert r["by_relation"]["pays"]["found"] == 0  # OpenAI pays Microsoft does not answer the reverse


@needs_scorer
def test_evaluate_hand_graph_agrees_with_reference(hand):
    graph, gold, ents = hand
    _assert_agree(evaluate(graph, gold, ents), _reference(graph, gold, ents))


def test_evaluate_reads_nt_and_folder(hand, tmp_path):
    import rdflib

    graph, gold, _ = hand
    nt = tmp_path / "graph.nt"
    rdflib.Graph().parse(graph, format="turtle").serialize(nt, format="nt", encoding="utf-8")
    assert evaluate(nt, gold)["relations"] == evaluate(graph, gold)["relations"]
    assert evaluate(tmp_path, gold)["relations"]["f1"] == 0.706


def test_evaluate_malformed_gold_says_where(hand, tmp_path):
    graph, _, _ = hand
    bad = tmp_path / "bad.tsv"
    bad.write_text("# comment\nOpenAI\trestricts\tChina\nOpenAI restricts China\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:3: expected subject<TAB>relation<TAB>object"):
        read_gold([bad])
    bad.write_text("OpenAI\tembargoes\tChina\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.tsv:1: unknown relation 'embargoes'; relations are: .*restricts"):
        evaluate(graph, [bad])
    ents = tmp_path / "bad.entities.tsv"
    ents.write_text("OpenAI\tFirm\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"unknown class Firm; classes are: .*Company"):
        evaluate(graph, [hand[1][0]], [ents])


def test_evaluate_cli_table_and_show(hand):
    graph, gold, ents = hand
    res = CliRunner().invoke(app, ["eval", str(graph), "--gold", ",".join(map(str, gold)),
                                   "--entities", str(ents[0]), "--show"])
    assert res.exit_code == 0, res.output
    assert "0.706" in res.stdout and "paysCommissionTo" in res.stdout and "typed entities" in res.stdout
    assert "missed" in res.stdout and "Nvidia suppliesTo OpenAI" in res.stdout
    assert "false positive" in res.stdout and "Microsoft Corp. competesWith Google" in res.stdout


def test_evaluate_cli_json(hand):
    graph, gold, ents = hand
    joined = ",".join(map(str, gold))
    plain = _cli_json(str(graph), "--gold", joined, "--entities", str(ents[0]))
    assert plain["relations"]["f1"] == 0.706 and plain["entities"]["typed_correctly"] == 0.714
    assert "missed" not in plain and "by_relation" in plain
    shown = _cli_json(str(graph), "--gold", joined, "--show")
    assert len(shown["missed"]) == 3 and len(shown["false_positives"]) == 2 and "entities" not in shown


def test_evaluate_cli_pools_a_repeated_gold_option(hand):
    """``--gold A --gold B`` scores both files, as ``--gold A,B`` does; it once kept B alone."""
    graph, gold, ents = hand
    joined = _cli_json(str(graph), "--gold", ",".join(map(str, gold)), "--entities", str(ents[0]))
    repeated = _cli_json(str(graph), *[arg for g in gold for arg in ("--gold", str(g))],
                         "-e", str(ents[0]))
    last_alone = _cli_json(str(graph), "--gold", str(gold[-1]), "--entities", str(ents[0]))
    assert repeated == joined
    assert repeated["relations"] != last_alone["relations"]


@pytest.mark.parametrize("case", ["no-graph", "no-gold", "bad-graph", "bad-gold", "no-gold-option"])
def test_evaluate_cli_exit_codes(hand, tmp_path, case):
    graph, gold, _ = hand
    bad_graph = tmp_path / "bad.ttl"
    bad_graph.write_text("this is not turtle <<", encoding="utf-8")
    bad_gold = tmp_path / "bad.tsv"
    bad_gold.write_text("OpenAI\trestricts\n", encoding="utf-8")
    args = {
        "no-graph": [str(tmp_path / "missing.ttl"), "--gold", str(gold[0])],
        "no-gold": [str(graph), "--gold", f"{gold[0]},{tmp_path / 'missing.tsv'}"],
        "bad-graph": [str(bad_graph), "--gold", str(gold[0])],
        "bad-gold": [str(graph), "--gold", str(bad_gold)],
        "no-gold-option": [str(graph)],
    }[case]
    res = CliRunner().invoke(app, ["eval", *args])
    assert res.exit_code == 2, res.output
    expected = {"no-graph": "No graph at", "no-gold": "No gold file at", "bad-graph": "Cannot parse",
                "bad-gold": "bad.tsv:1", "no-gold-option": "--gold"}[case]
    assert expected in res.output


@needs_scorer
def test_evaluate_cli_agrees_with_reference_on_seed(seed_build):
    _, out = seed_build
    gold, ents = [SHARED / "seed.gold.tsv"], [SHARED / "seed.entities.tsv"]
    ours = _cli_json(str(out / "graph.ttl"), "--gold", str(gold[0]), "--entities", str(ents[0]))
    _assert_agree(ours, _reference(out / "graph.ttl", gold, ents))


@needs_scorer
def test_evaluate_cli_agrees_with_reference_on_dev(dev_build):
    _, out = dev_build
    gold = sorted((DEV / "gold").glob("*.gold.tsv"))
    ents = sorted((DEV / "gold").glob("*.entities.tsv"))
    ours = _cli_json(str(out / "graph.ttl"), "--gold", ",".join(map(str, gold)),
                     "--entities", ",".join(map(str, ents)))
    ref = _reference(out / "graph.ttl", gold, ents)
    _assert_agree(ours, ref)
    assert ours["relations"]["gold"] == 291  # corpus/dev/README.md: 291 rows, all distinct
