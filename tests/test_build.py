from __future__ import annotations

import json
import subprocess
import sys

import networkx as nx
import pytest
import rdflib
import rdflib.compare
from rdflib.namespace import RDF

from kg.namespace import KG

from .conftest import ROOT, SEED

SHARED = ROOT.parent / "shared" / "eval"


def test_build_writes_every_format(seed_build):
    result, out = seed_build
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.gexf", "graph.graphml", "report.json"):
        assert (out / name).is_file(), name
        assert (out / name).stat().st_size > 100
    g = rdflib.Graph().parse(out / "graph.ttl")
    assert len(g) > 50
    nt = rdflib.Graph().parse(out / "graph.nt", format="nt")
    assert rdflib.compare.isomorphic(g, nt)
    report = json.loads((out / "report.json").read_text())
    assert report["documents"] == 1 and report["skipped"] == 0
    assert result.exit_code == 0


def test_build_statements_carry_provenance(seed_build):
    _, out = seed_build
    g = rdflib.Graph().parse(out / "graph.ttl")
    statements = list(g.subjects(RDF.type, KG.Statement))
    assert statements
    for st in statements:
        assert g.value(st, rdflib.URIRef("http://www.w3.org/ns/prov#wasDerivedFrom")) is not None
        sentence = g.value(st, KG.sentence)
        start, end = g.value(st, KG.startOffset).toPython(), g.value(st, KG.endOffset).toPython()
        # Offsets index the document text as read: the file's text with page furniture
        # blanked out (same length, same positions).
        from kg.corpus import Source
        from kg.ingest import read_document

        text = read_document(Source(SEED, SEED.name)).text
        assert " ".join(text[start:end].split()) == str(sentence)
        assert 0.0 <= float(g.value(st, KG.confidence).toPython()) <= 1.0


def test_build_networkx_files_read_back(seed_build):
    result, out = seed_build
    gexf = nx.read_gexf(out / "graph.gexf")
    graphml = nx.read_graphml(out / "graph.graphml")
    g = result.graph.to_networkx()
    assert gexf.number_of_nodes() == graphml.number_of_nodes() == g.number_of_nodes()
    assert gexf.number_of_edges() == graphml.number_of_edges() == g.number_of_edges() > 0
    for _, data in graphml.nodes(data=True):
        assert data["label"] and data["kg_class"] and data["color"].startswith("#")


@pytest.mark.skipif(not (SHARED / "score.py").is_file(), reason="shared gold not beside the repo")
def test_build_seed_scores_at_least_the_issue_bar(seed_build):
    _, out = seed_build
    proc = subprocess.run(
        [sys.executable, str(SHARED / "score.py"), str(out / "graph.ttl"), str(SHARED / "seed.gold.tsv"),
         str(SHARED / "seed.entities.tsv"), "--json"],
        capture_output=True, text=True, check=True,
    )
    scores = json.loads(proc.stdout)
    assert scores["relations"]["f1"] >= 0.6, scores


def test_build_cli_exit_codes(tmp_path):
    kg = [sys.executable, "-m", "kg.cli"]
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n")
    good = tmp_path / "good.txt"
    good.write_text("Acme Corp acquired Widgetco Inc in 2023.\n")
    proc = subprocess.run(kg + ["build", str(good), str(empty), "--out", str(tmp_path / "o"), "-q"],
                          capture_output=True, text=True)
    assert proc.returncode == 1, proc.stderr
    assert "empty.txt" in proc.stderr and (tmp_path / "o" / "graph.ttl").is_file()
    proc = subprocess.run(kg + ["build", str(empty), "--out", str(tmp_path / "o2"), "-q"],
                          capture_output=True, text=True)
    assert proc.returncode == 2
    proc = subprocess.run(kg + ["build", str(good), "--out", str(tmp_path / "o3"), "-q"],
                          capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_build_python_dash_m_kg_runs_the_command():
    """``python -m kg`` is the ``kg`` command too (a user without the console script on the PATH)."""
    proc = subprocess.run([sys.executable, "-m", "kg", "--help"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    assert "build" in proc.stdout and "query" in proc.stdout


def test_build_component_failure_skips_only_that_document(tmp_path, monkeypatch, nlp):
    """A component that fails on one document costs that document's relations, not the build."""
    import kg.relations as relations
    from kg.build import build

    original = relations.KGRelations._possessives

    def failing(self, doc, items, by_token):
        if "Boomco" in doc.text:
            raise RuntimeError("synthetic failure")
        return original(self, doc, items, by_token)

    monkeypatch.setattr(relations.KGRelations, "_possessives", failing)
    (tmp_path / "a.txt").write_text("Acme Corp acquired Widgetco Inc in 2023.\n")
    (tmp_path / "b.txt").write_text("Boomco Corp acquired Zetaco Inc in 2023.\n")
    result = build([tmp_path / "a.txt", tmp_path / "b.txt"], out=tmp_path / "out", cache=False)
    assert ("Acme", "acquires", "Widgetco") in result.graph.triples()
    assert not any("Zetaco" in t for triple in result.graph.triples() for t in triple)
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert any("synthetic failure" in w["warning"] and w["path"].endswith("b.txt") for w in report["warnings"])
    assert result.exit_code == 1


def test_build_config_file_changes_component_settings(tmp_path, seed_build):
    """A pipeline config given to the build (no code) changes what is extracted."""
    from kg.build import build

    default, _ = seed_build
    cfg = (ROOT / "kg" / "config.cfg").read_text(encoding="utf-8")
    assert "min_confidence = 0.3" in cfg
    strict = tmp_path / "strict.cfg"
    strict.write_text(cfg.replace("min_confidence = 0.3", "min_confidence = 0.8"), encoding="utf-8")
    result = build([SEED], out=tmp_path / "out", config=strict, cache=False)
    assert 0 < len(result.graph.statements) < len(default.graph.statements)
    # the rules' own statements are held to their min_confidence (the model has its thresholds)
    assert all(st.confidence >= 0.8 for st in result.graph.statements.values() if st.extractor == "rules")
