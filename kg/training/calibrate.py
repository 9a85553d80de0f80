"""Calibrate the model's thresholds on articles written apart from its training data.

Thresholds tuned on the tuning split are too trusting: that split was written
by the same hands as the training data, so the model is surer of itself there
than on anyone else's news. This step reads development articles
with hand-made gold written apart from the training data (for the shipped
model: ``corpus/dev``, the rules' 20 articles, and the calibration half of
the news dev split), lets the rules and the model build their graph with
every threshold raised by the same margin, and keeps the margin with the
best lenient F1, averaged with its neighbours'. The model runs once;
only its thresholds change between tries.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..build import doc_result
from ..evaluate import evaluate
from ..ingest import record_from_text
from ..model import GraphBuilder
from ..relations.model import RelationModel

__all__ = ["DEFAULT_MARGINS", "calibrate_margin", "calibration_sets"]

DEFAULT_MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def calibration_sets(paths: list[str | Path]) -> tuple[list[tuple[str, str]], list[Path]]:
    """(name, text) of every article and the gold files of ``paths``: folders of ``*.txt`` with their
    names-level gold in ``gold/*.gold.tsv``, or annotated JSON Lines (texts and gold in one)."""
    from ..errors import KGError
    from ..training.annotations import read_annotation_files

    texts: list[tuple[str, str]] = []
    gold: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(path.glob("*.txt"))
            golds = sorted((path / "gold").glob("*.gold.tsv"))
            if not found or not golds:
                raise KGError(f"Nothing to calibrate on in {path}: a folder needs articles (*.txt) and their "
                              "gold (gold/*.gold.tsv)")
            texts += [(p.as_posix(), p.read_text(encoding="utf-8")) for p in found]
            gold += golds
        else:
            texts += [(f"{path.as_posix()}#{d.id}", d.text) for d in read_annotation_files([path])]
            gold.append(path)
    return texts, gold


def calibrate_margin(nlp: Language, pipe: RelationModel, texts: list[tuple[str, str]], gold: list[Path], *,
                     margins: tuple[float, ...] = DEFAULT_MARGINS, min_support: int = 20) -> dict[str, Any]:
    """The margin added to every threshold that gives the best lenient F1 on ``texts`` against ``gold``.

    ``texts``: (name, text) of each article (:func:`calibration_sets`). ``nlp`` reads them without
    the model (rules included); ``pipe`` is the trained model. The F1 of each margin is averaged
    with its neighbours' (a few articles make a noisy curve); ties go to the smaller margin. A
    relation with at least ``min_support`` gold rows gets its own margin, by its own F1 (its
    threshold decides its predictions alone). Returns ``{"margin": overall, "margins": {relation:
    margin}, "table": [{"margin", "precision", "recall", "f1", "smoothed_f1", "by_relation"}, ...]}``.
    """
    records = [record_from_text(text, name=name) for name, text in texts]
    with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == pipe.name]):
        docs = list(nlp.pipe((r.text for r in records), batch_size=16))
    saved = [(copy.deepcopy(d._.kg_entity_data), copy.deepcopy(d._.kg_relation_data)) for d in docs]
    scores = [pipe.predict([d]) for d in docs]
    base = dict(pipe.cfg["thresholds"])
    table = []
    try:
        for margin in margins:
            pipe.cfg["thresholds"] = {label: min(0.99, pipe.threshold_for(label, base) + margin)
                                      for label in pipe.labels}
            builder = GraphBuilder(pipe.onto)
            for doc, record, score, (ents, rels) in zip(docs, records, scores, saved):
                doc._.kg_entity_data = copy.deepcopy(ents)
                doc._.kg_relation_data = copy.deepcopy(rels)
                pipe.set_annotations([doc], score)
                builder.add(doc_result(record, doc))
            graph = builder.finish()
            with tempfile.TemporaryDirectory(prefix="kg-calibrate-") as tmp:
                graph.write(tmp, formats=["ttl"])
                result = evaluate(Path(tmp) / "graph.ttl", gold, onto=pipe.onto)
            res = result["relations"]
            table.append({"margin": margin, **{k: res[k] for k in ("precision", "recall", "f1")},
                          "by_relation": {r: {k: v[k] for k in ("f1", "gold", "predicted")}
                                          for r, v in result["by_relation"].items()}})
    finally:
        pipe.cfg["thresholds"] = base
        for doc, (ents, rels) in zip(docs, saved):
            doc._.kg_entity_data, doc._.kg_relation_data = ents, rels
    def smoothed(values: list[float]) -> list[float]:
        return [round(sum(values[max(0, k - 1):k + 2]) / len(values[max(0, k - 1):k + 2]), 4)
                for k in range(len(values))]

    for row, value in zip(table, smoothed([r["f1"] for r in table])):
        row["smoothed_f1"] = value
    best = max(table, key=lambda row: (row["smoothed_f1"], -row["margin"]))
    # a relation with enough gold rows gets the margin that suits it; the others the overall one
    per_relation: dict[str, float] = {}
    for label in pipe.labels:
        support = table[0]["by_relation"].get(label, {}).get("gold", 0)
        if support < min_support:
            continue
        curve = smoothed([r["by_relation"].get(label, {}).get("f1", 0.0) for r in table])
        top = max(range(len(table)), key=lambda k: (curve[k], -table[k]["margin"]))
        per_relation[label] = table[top]["margin"]
    return {"margin": best["margin"], "margins": per_relation, "table": table}
