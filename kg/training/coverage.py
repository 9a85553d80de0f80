"""Candidate coverage: how many gold relations the model could find at all.

A relation classifier only sees the pairs of mentions the pipeline found
(:mod:`kg.relations.candidates`); a gold relation whose two mentions are not a
candidate pair, or whose mentions got classes the relation cannot take, is out
of its reach whatever it learns. ``kg train`` records this for its data
(``candidate_coverage`` in meta.json) and ``benchmarks/bench_quality.py`` for
the evaluation sets, with this one function.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from spacy.training import Example

from ..relations.candidates import Candidate, fitting_relations
from ..relations.model import RelationModel

__all__ = ["candidate_coverage", "source_of"]


def source_of(eg: Example) -> str:
    """Which data an example comes from, by its id: "CoNLL04", "Re-DocRED" or "kg-builder"."""
    doc_id = str(eg.reference.user_data.get("kg_id", ""))
    return "CoNLL04" if doc_id.startswith("conll04") else "Re-DocRED" if doc_id.startswith("redocred") \
        else "kg-builder"


def candidate_coverage(pipe: RelationModel, egs: list[Example], index: Iterable[tuple[int, Candidate]], *,
                       group: Callable[[Example], str] | None = None) -> dict[str, dict[str, Any]]:
    """Per group of examples (``group``, default one group "all"): the gold relations stated as facts
    (``gold``), those whose two mentions form a candidate pair (``pairs_found``, ``pairs_share``), and
    those among them whose classes fit the relation (``with_fitting_classes``, ``typed_share``).

    ``index``: the (example, candidate) rows of ``pipe.featurize`` over ``egs``, so nothing is
    featurized twice.
    """
    by_doc: dict[int, list[Candidate]] = {}
    for d, cand in index:
        by_doc.setdefault(d, []).append(cand)
    counts: dict[str, list[int]] = {} if group else {"all": [0, 0, 0]}
    for d, eg in enumerate(egs):
        doc = eg.predicted
        items = doc._.kg_entity_data or []
        pairs: dict[tuple[Any, Any], set[str]] = {}  # (subject key, object key) -> relations the classes allow
        for cand in by_doc.get(d, ()):
            s, o = items[cand.subject], items[cand.object]
            fits = fitting_relations(pipe.onto, s["cls"], o["cls"])
            for sk in pipe.gold_keys(doc, s):
                for ok in pipe.gold_keys(doc, o):
                    pairs.setdefault((sk, ok), set()).update(fits)
        row = counts.setdefault(group(eg) if group else "all", [0, 0, 0])
        for label, keys in pipe.gold_relation_keys(eg.reference):
            hits = [pairs[k] for k in keys if k in pairs]
            row[0] += 1
            row[1] += bool(hits)
            row[2] += any(label in fits for fits in hits)
    return {name: {"gold": total, "pairs_found": found, "pairs_share": round(found / total, 3) if total else 0.0,
                   "with_fitting_classes": typed, "typed_share": round(typed / total, 3) if total else 0.0}
            for name, (total, found, typed) in sorted(counts.items())}
