"""Calibrate the model's thresholds on articles written apart from its training data.

Thresholds tuned on the tuning split are too trusting: that split was written
by the same hands as the training data, so the model is surer of itself there
than on anyone else's news. This step reads development articles
with hand-made gold written apart from the training data (for the shipped
model: ``corpus/dev``, the rules' 20 articles, and the calibration half of
the news dev split), lets the rules and the model build their graph with
every threshold raised by the same margin, and keeps the margin in the
middle of the near-best lenient F1s, each averaged with its neighbours'
(:func:`choose_margins`). The model runs once; only its thresholds change
between tries.
"""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

from spacy.language import Language

from ..build import doc_result
from ..evaluate import evaluate, prf_counts
from ..ingest import record_from_text
from ..model import GraphBuilder
from ..relations.model import RelationModel
from .selection import plateau_center, smoothed

__all__ = ["DEFAULT_MARGINS", "calibrate_margin", "calibration_sets", "choose_margins"]

DEFAULT_MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
#: margins whose smoothed F1 is this close to the best form the plateau whose middle is chosen
MARGIN_SLACK = 0.01
#: a relation's own margin must beat the overall one by this much of its smoothed F1
MARGIN_MIN_GAIN = 0.02


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
                     margins: tuple[float, ...] = DEFAULT_MARGINS, min_support: int = 20,
                     extra: list[tuple[list[tuple[str, str]], list[Path]]] = ()) -> dict[str, Any]:
    """The margin added to every threshold, chosen by the lenient F1 on ``texts`` against ``gold``.

    ``texts``: (name, text) of each article (:func:`calibration_sets`). ``nlp`` reads them without
    the model (rules included); ``pipe`` is the trained model. ``extra``: more sets of (texts, gold)
    whose gold annotates a few relation types (the public sets' tuning documents): each is built
    into a graph of its own and scored only on the relations its gold uses, and the counts of all
    sets are added up. The margins are chosen by :func:`choose_margins` (a relation with at least
    ``min_support`` gold rows may get its own, where its own F1 says so clearly: its threshold
    decides its predictions alone). Returns ``{"margin": overall, "margins": {relation: margin},
    "table": [{"margin", "precision", "recall", "f1", "smoothed_f1", "by_relation"}, ...]}``.
    """
    sets = [(texts, gold, False)] + [(t, g, True) for t, g in extra]
    read = []
    for set_texts, set_gold, only in sets:
        records = [record_from_text(text, name=name) for name, text in set_texts]
        with nlp.select_pipes(disable=[n for n in nlp.pipe_names if n == pipe.name]):
            docs = list(nlp.pipe((r.text for r in records), batch_size=16))
        saved = [(copy.deepcopy(d._.kg_entity_data), copy.deepcopy(d._.kg_relation_data)) for d in docs]
        scores = [pipe.predict([d]) for d in docs]
        read.append((docs, records, scores, saved, set_gold, only))
    base = dict(pipe.cfg["thresholds"])
    table = []
    try:
        for margin in margins:
            pipe.cfg["thresholds"] = {label: min(0.99, pipe.threshold_for(label, base) + margin)
                                      for label in pipe.labels}
            total = {"correct": 0, "predicted": 0, "found": 0, "gold": 0}
            per: dict[str, dict[str, int]] = {}
            for docs, records, scores, saved, set_gold, only in read:
                builder = GraphBuilder(pipe.onto)
                for doc, record, score, (ents, rels) in zip(docs, records, scores, saved):
                    doc._.kg_entity_data = copy.deepcopy(ents)
                    doc._.kg_relation_data = copy.deepcopy(rels)
                    pipe.set_annotations([doc], score)
                    builder.add(doc_result(record, doc))
                graph = builder.finish()
                with tempfile.TemporaryDirectory(prefix="kg-calibrate-") as tmp:
                    graph.write(tmp, formats=["ttl"])
                    result = evaluate(Path(tmp) / "graph.ttl", set_gold, onto=pipe.onto, gold_relations_only=only)
                for key in total:
                    total[key] += result["relations"][key]
                for rel, v in result["by_relation"].items():
                    row = per.setdefault(rel, {"correct": 0, "predicted": 0, "found": 0, "gold": 0})
                    for key in row:
                        row[key] += v[key]
            table.append({"margin": margin, **_scores(total),
                          "by_relation": {r: {"f1": _scores(v)["f1"], "gold": v["gold"], "predicted": v["predicted"]}
                                          for r, v in sorted(per.items())}})
    finally:
        pipe.cfg["thresholds"] = base
        for docs, _records, _predicted, saved, _gold, _only in read:
            for doc, (ents, rels) in zip(docs, saved):
                doc._.kg_entity_data, doc._.kg_relation_data = ents, rels
    margin, per_relation = choose_margins(table, pipe.labels, min_support=min_support)
    return {"margin": margin, "margins": per_relation, "table": table}


def _scores(counts: dict[str, int]) -> dict[str, float]:
    return prf_counts(counts["correct"], counts["predicted"], counts["found"], counts["gold"])


def choose_margins(table: list[dict[str, Any]], labels: list[str], *, min_support: int = 20,
                   slack: float = MARGIN_SLACK, min_gain: float = MARGIN_MIN_GAIN
                   ) -> tuple[float, dict[str, float]]:
    """The overall margin and the relations' own from the rows of :func:`calibrate_margin` (each row:
    "margin", "f1", "by_relation"; adds "smoothed_f1" to each row).

    Each curve is smoothed and its margin is the middle of its near-best plateau
    (:func:`~kg.training.selection.plateau_center`). A relation with at least ``min_support`` gold
    rows gets its own margin only where its smoothed F1 there beats its F1 at the overall margin by
    ``min_gain``: a few articles do not tell one relation's best margin from the next."""
    margins = [row["margin"] for row in table]
    curve = smoothed([row["f1"] for row in table])
    for row, value in zip(table, curve):
        row["smoothed_f1"] = value
    overall = plateau_center(margins, curve, slack)
    at = margins.index(overall)
    per_relation: dict[str, float] = {}
    for label in labels:
        if table[0]["by_relation"].get(label, {}).get("gold", 0) < min_support:
            continue
        own = smoothed([row["by_relation"].get(label, {}).get("f1", 0.0) for row in table])
        best = plateau_center(margins, own, slack)
        if own[margins.index(best)] - own[at] >= min_gain:
            per_relation[label] = best
    return overall, per_relation
