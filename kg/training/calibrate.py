"""Calibrate the model's thresholds on articles written apart from its training data.

Thresholds tuned on the tuning split are too trusting: that split was written
by the same hands as the training data, so the model is surer of itself there
than on anyone else's news. This step reads a development set of whole
articles with hand-made gold (``corpus/dev``: 20 articles, another author,
names-level gold), lets the rules and the model build its graph with every
threshold raised by the same margin, and keeps the margin with the best
lenient F1 (ties: the larger margin, the more precise). The model runs once;
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

__all__ = ["DEFAULT_MARGINS", "calibrate_margin"]

DEFAULT_MARGINS = (0.0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def calibrate_margin(nlp: Language, pipe: RelationModel, texts: list[Path], gold: list[Path], *,
                     margins: tuple[float, ...] = DEFAULT_MARGINS) -> dict[str, Any]:
    """The margin added to every threshold that gives the best lenient F1 on ``texts`` against ``gold``.

    ``nlp`` reads the texts without the model (rules included); ``pipe`` is the trained model.
    Returns ``{"margin": m, "table": [{"margin", "precision", "recall", "f1"}, ...]}``.
    """
    records = [record_from_text(p.read_text(encoding="utf-8"), name=p.as_posix()) for p in texts]
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
                res = evaluate(Path(tmp) / "graph.ttl", gold, onto=pipe.onto)["relations"]
            table.append({"margin": margin, **{k: res[k] for k in ("precision", "recall", "f1")}})
    finally:
        pipe.cfg["thresholds"] = base
        for doc, (ents, rels) in zip(docs, saved):
            doc._.kg_entity_data, doc._.kg_relation_data = ents, rels
    best = max(table, key=lambda row: (row["f1"], row["margin"]))
    return {"margin": best["margin"], "table": table}
