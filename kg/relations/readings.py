"""What the rules read between two mentions, as the relation model reads it: as hashed features
(:func:`rule_readings`) and, for the encoder scorer, one column per relation (:func:`rule_columns`)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.tokens import Doc

from ..ontology import Ontology

__all__ = ["rows_by_doc", "rule_columns", "rule_readings"]


def rule_readings(doc: Doc) -> dict[tuple[int, int, int, int], tuple[str, ...]]:
    """What the rules read between two mentions (token offsets of both -> "relation:modality" strings).

    The model reads them as features: where the rules fire they are usually right, and
    the model learns by how much, relation by relation."""
    out: dict[tuple[int, int, int, int], list[str]] = {}
    for r in doc._.kg_relation_data or []:
        if r.get("extractor", "rules") != "rules":
            continue
        out.setdefault((r["s_start"], r["s_end"], r["o_start"], r["o_end"]), []).append(
            f"{r['predicate']}:{r['modality']}")
    return {k: tuple(v) for k, v in out.items()}


def rule_columns(onto: Ontology, labels: Sequence[str], readings: dict[tuple[int, int, int, int], tuple[str, ...]],
                 s: dict[str, Any], o: dict[str, Any]) -> numpy.ndarray:
    """1 for each of ``labels`` the rules read as a fact from mention ``s`` to ``o`` (``readings``:
    :func:`rule_readings`; a symmetric relation either way; a relation also answers its ancestors)."""
    col = {label: k for k, label in enumerate(labels)}
    out = numpy.zeros(len(labels), dtype="float32")
    found = list(readings.get((s["start"], s["end"], o["start"], o["end"]), ()))
    found += [r for r in readings.get((o["start"], o["end"], s["start"], s["end"]), ())
              if r.split(":")[0] in onto.symmetric]
    for reading in found:
        rel, modality = reading.split(":")
        if modality != "fact":
            continue
        for name in onto.ancestors(rel) if rel in onto.relations else [rel]:  # bans answers restricts
            if name in col:
                out[col[name]] = 1.0
    return out


def rows_by_doc(index: Sequence[tuple[int, Any]]) -> dict[int, list[int]]:
    """The rows of ``index`` (pairs as (Doc index, candidate)) of each Doc, in order."""
    out: dict[int, list[int]] = {}
    for row, (d, _) in enumerate(index):
        out.setdefault(d, []).append(row)
    return out
