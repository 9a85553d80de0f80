"""Regression guards: extraction quality on the seed article and the development set.

The floors sit 0.02 below the scores measured when they were set (rounded down
to 2 decimals). The lead raises them as extraction improves; a change that
drops a score below its floor is a regression.
"""

from __future__ import annotations

import pytest

from kg.evaluate import evaluate

from .conftest import DEV, ROOT

# Measured with kg.evaluate on 2026-12-07 at a0daead (rules + the trained model, the fine-tuned NER): seed
# relations F1 1.000, seed entities F1 0.929, dev relations F1 0.882, dev entities F1 0.970 (the dev floors
# were set on 2026-12-02 at 0.826 and 0.954). Raise them as extraction improves. (The seed's relation floor
# stays at the 0.95 the first article must keep; its entity floor is 0.03 below: the fine-tuned NER misses the
# byline author and takes one heading for a name, where the stock NER scored 0.963.)
SEED_RELATIONS_F1 = 0.95
SEED_ENTITIES_F1 = 0.90
DEV_RELATIONS_F1 = 0.86
DEV_ENTITIES_F1 = 0.95

SHARED = ROOT.parent / "shared" / "eval"


@pytest.fixture(scope="module")
def seed_scores(seed_build):
    if not (SHARED / "seed.gold.tsv").is_file():
        pytest.skip("../shared/eval seed gold is not beside the repo")
    _, out = seed_build
    return evaluate(out / "graph.ttl", [SHARED / "seed.gold.tsv"], [SHARED / "seed.entities.tsv"])


@pytest.fixture(scope="module")
def dev_scores(dev_build):
    _, out = dev_build
    return evaluate(out / "graph.ttl", sorted((DEV / "gold").glob("*.gold.tsv")),
                    sorted((DEV / "gold").glob("*.entities.tsv")))


def _why(scores: dict) -> str:
    return "; ".join([f"missed: {m['gold']}" for m in scores["missed"]]
                     + [f"wrong: {f['subject']} {f['relation']} {f['object']}" for f in scores["false_positives"]])


def test_quality_seed_relations_f1(seed_scores):
    assert seed_scores["relations"]["f1"] >= SEED_RELATIONS_F1, _why(seed_scores)


def test_quality_seed_entities_f1(seed_scores):
    assert seed_scores["entities"]["f1"] >= SEED_ENTITIES_F1, seed_scores["entities"]


def test_quality_dev_relations_f1(dev_scores):
    assert dev_scores["relations"]["f1"] >= DEV_RELATIONS_F1, {
        rel: m["f1"] for rel, m in dev_scores["by_relation"].items()}


def test_quality_dev_entities_f1(dev_scores):
    assert dev_scores["entities"]["f1"] >= DEV_ENTITIES_F1, dev_scores["entities"]
