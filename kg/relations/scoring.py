"""Gold relations on a Doc, and span-level (strict) scoring of predicted relations.

Annotated documents travel as Docs whose ``user_data`` holds the gold:
``kg_gold_entities`` (``[start, end, class]`` character spans),
``kg_gold_relations`` (``[head_start, head_end, child_start, child_end, label,
modality]``) and ``kg_gold_labels`` (the relations annotated completely in
that document, ``None`` for all; CoNLL04 annotates four of ours, say).

**Strict** scoring, as CoNLL04 and Re-DocRED papers report it: a predicted
relation is correct when its subject span, its object span and its relation
are those of a gold relation stated as a fact. Spans are compared after both
sides drop a leading "the", a possessive "'s" and a sentence period (the
conventions of ``docs/annotation.md``); a sub-property answers for its parent
and the other way round (``bans`` for ``restricts``), and symmetric relations
match either way round, as in lenient scoring. A pronoun or description
resolved by coreference stands for the span of its antecedent.

>>> text = "Acme sued Vela."
>>> gold = [(0, 4, 10, 14, "sues")]
>>> prf = strict_prf({"d": [(0, 4, "sues", 10, 14)]}, {"d": gold}, text_of={"d": text})
>>> prf["micro"]["f1"], prf["by_relation"]["sues"]["recall"]
(1.0, 1.0)

**How sure** a score is: a test set of 30 articles is small, and its F1 moves by a point or
more with which 30 were written. :func:`bootstrap_interval` resamples the documents (with
replacement, as a whole: the relations of one article are not independent) and gives the
interval that holds the middle 95% of the resampled F1s; :func:`paired_bootstrap` resamples
the same documents for two systems at once and says how often the second scores better.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import numpy
from spacy.tokens import Doc

from ..ontology import Ontology, load_ontology

__all__ = [
    "GOLD_ENTITIES",
    "GOLD_LABELS",
    "GOLD_RELATIONS",
    "doc_gold",
    "normalize_span",
    "bootstrap_interval",
    "paired_bootstrap",
    "predicted_spans",
    "prf",
    "strict_prf",
]

GOLD_ENTITIES = "kg_gold_entities"
GOLD_RELATIONS = "kg_gold_relations"
GOLD_LABELS = "kg_gold_labels"


def normalize_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` without a leading "the ", a trailing possessive or sentence period, or white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if text[start:start + 4].lower() == "the " and end - start > 4:
        start += 4
    for tail in ("'s", "\u2019s", "'", "\u2019"):
        if text[start:end].endswith(tail) and end - start > len(tail) + 1:
            end -= len(tail)
            break
    if text[start:end].endswith(".") and end - start > 2 and "." not in text[start:end - 1] \
            and not text[end - 2].isupper():
        end -= 1  # "Boise." (but "U.S." and "Calif." are written with their period -- "Calif." is kept too)
    return start, end


def doc_gold(doc: Doc) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, int, int, str, str]],
                                 frozenset[str] | None]:
    """(entities, relations, completely annotated labels or None) stored on a Doc."""
    ents = [tuple(e) for e in doc.user_data.get(GOLD_ENTITIES, [])]
    rels = [tuple(r) for r in doc.user_data.get(GOLD_RELATIONS, [])]
    labels = doc.user_data.get(GOLD_LABELS)
    return ents, rels, (frozenset(labels) if labels is not None else None)  # type: ignore[return-value]


def predicted_spans(doc: Doc, *, facts_only: bool = True) -> list[tuple[int, int, str, int, int]]:
    """``(s_start, s_end, relation, o_start, o_end)`` character spans of ``doc``'s relation records.

    A coreferent mention is replaced by its antecedent's span.
    """
    links = {(link["start"], link["end"]): (link["antecedent_start"], link["antecedent_end"])
             for link in (doc.user_data.get(("._.", "coref_link_data", None, None)) or
                          (doc._.coref_link_data if doc.has_extension("coref_link_data") else None) or [])}
    out = []
    for r in doc._.kg_relation_data or []:
        if facts_only and r.get("modality", "fact") != "fact":
            continue
        spans = []
        for a, b in ((r["s_start"], r["s_end"]), (r["o_start"], r["o_end"])):
            a, b = links.get((a, b), (a, b))
            spans.append((doc[a].idx, doc[b - 1].idx + len(doc[b - 1].text)))
        out.append((spans[0][0], spans[0][1], r["predicate"], spans[1][0], spans[1][1]))
    return out


def _family(onto: Ontology, rel: str) -> frozenset[str]:
    if rel not in onto.relations:
        return frozenset({rel})
    return frozenset(onto.ancestors(rel)) | {r for r in onto.relations if rel in onto.ancestors(r)}


def prf(correct: int, predicted: int, found: int, gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 (3 decimals) with the counts they come from."""
    p = correct / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "predicted": predicted, "gold": gold, "correct": correct, "found": found}


def strict_prf(predicted: Mapping[str, Iterable[tuple[int, int, str, int, int]]],
               gold: Mapping[str, Iterable[tuple[int, int, int, int, str]]], *,
               text_of: Mapping[str, str], onto: Ontology | None = None,
               labels: Iterable[str] | None = None, details: bool = False) -> dict[str, Any]:
    """Strict precision, recall and F1, overall (micro) and by relation.

    ``predicted``: document id -> ``(s_start, s_end, relation, o_start, o_end)``;
    ``gold``: document id -> ``(head_start, head_end, child_start, child_end, relation)``
    (facts only); ``text_of``: document id -> its text (for span normalisation).
    ``labels``: count only these relations (and their sub-properties) on both sides.
    ``details``: also list the gold relations missed and the predictions no gold
    relation matches (``missed``, ``false_positives``: document, subject, relation,
    object, the spans' text as normalised).

    ``by_document`` in the result: document id -> ``[correct, predicted, found, gold]``, the counts
    :func:`bootstrap_interval` and :func:`paired_bootstrap` resample.
    """
    onto = onto or load_ontology()
    symmetric = onto.symmetric
    keep = None
    if labels is not None:
        keep = set()
        for rel in labels:
            keep |= {r for r in onto.relations if rel in onto.ancestors(r)} | {rel}
    fam: dict[str, frozenset[str]] = {}

    def family(rel: str) -> frozenset[str]:
        if rel not in fam:
            fam[rel] = _family(onto, rel)
        return fam[rel]

    per: dict[str, list[int]] = {}  # relation -> [correct, predicted, found, gold]
    by_document: dict[str, list[int]] = {}
    missed: list[dict[str, str]] = []
    false_positives: list[dict[str, str]] = []
    for doc_id in sorted(set(predicted) | set(gold)):
        text = text_of.get(doc_id, "")
        g = [(normalize_span(text, a, b), rel, normalize_span(text, c, d))
             for a, b, c, d, rel in dict.fromkeys(gold.get(doc_id, ())) if keep is None or rel in keep]
        g = list(dict.fromkeys(g))
        p = [(normalize_span(text, a, b), rel, normalize_span(text, c, d))
             for a, b, rel, c, d in predicted.get(doc_id, ()) if keep is None or rel in keep]
        p = list(dict.fromkeys(p))

        def match(pr: tuple, gr: tuple) -> bool:
            (ps, prel, po), (gs, grel, go) = pr, gr
            if grel not in family(prel):
                return False
            return (ps == gs and po == go) or (grel in symmetric and ps == go and po == gs)

        def shown(r: tuple) -> dict[str, str]:
            (sa, sb), rel, (oa, ob) = r
            return {"document": doc_id, "subject": text[sa:sb], "relation": rel, "object": text[oa:ob]}

        counts = by_document[doc_id] = [0, 0, 0, 0]

        def tally(rows: list[tuple], others: list[tuple], matched: Callable[[tuple, tuple], bool], at: int,
                  unmatched: list[dict[str, str]]) -> None:
            """Count ``rows`` by relation (``per[rel][at + 1]``) and those a row of ``others`` matches
            (``per[rel][at]``), and the same for the document; list the rest in ``unmatched``: the
            predictions, then the gold."""
            for r in rows:
                hit = any(matched(r, o) for o in others)
                for row in (per.setdefault(r[1], [0, 0, 0, 0]), counts):
                    row[at + 1] += 1
                    row[at] += hit
                if details and not hit:
                    unmatched.append(shown(r))

        tally(p, g, match, 0, false_positives)
        tally(g, p, lambda gr, pr: match(pr, gr), 2, missed)
    total = [sum(v[k] for v in per.values()) for k in range(4)]
    out: dict[str, Any] = {"micro": prf(*total), "by_relation": {rel: prf(*v) for rel, v in sorted(per.items())},
                           "by_document": by_document}
    if details:
        out["missed"], out["false_positives"] = missed, false_positives
    return out


def _prf_arrays(sums: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """Precision, recall and F1 of each row of ``[correct, predicted, found, gold]`` sums (0 where
    undefined, as :func:`prf`)."""
    correct, predicted, found, gold = (sums[..., k].astype(float) for k in range(4))
    p = numpy.divide(correct, predicted, out=numpy.zeros_like(correct), where=predicted > 0)
    r = numpy.divide(found, gold, out=numpy.zeros_like(found), where=gold > 0)
    return p, r, numpy.divide(2 * p * r, p + r, out=numpy.zeros_like(p), where=(p + r) > 0)


def _resamples(n: int, samples: int, seed: int) -> numpy.ndarray:
    """``samples`` rows of ``n`` document indices drawn with replacement (numpy's PCG64, seeded)."""
    return numpy.random.default_rng(seed).integers(0, n, size=(samples, n))


def bootstrap_interval(counts: Mapping[str, Iterable[int]] | Iterable[Iterable[int]], *, samples: int = 1000,
                       level: float = 0.95, seed: int = 0) -> dict[str, Any]:
    """The F1 of ``counts`` and the percentile interval of F1 over documents resampled with replacement.

    ``counts``: one ``[correct, predicted, found, gold]`` a document (``strict_prf(...)["by_document"]``
    or its values). Returns ``f1``, ``low`` and ``high`` (3 decimals), the same for precision and
    recall (``precision``, ``precision_low``, ..., ``recall_high``), ``level``, ``samples`` and
    ``documents``. The same counts and seed give the same interval.

    >>> bootstrap_interval([[1, 1, 1, 1]] * 3)["low"], bootstrap_interval([[1, 1, 1, 1]] * 3)["high"]
    (1.0, 1.0)
    """
    rows = numpy.array(list(counts.values() if isinstance(counts, Mapping) else counts), dtype=numpy.int64)
    if rows.size == 0:
        raise ValueError("no documents to resample")
    drawn = _prf_arrays(rows[_resamples(len(rows), samples, seed)].sum(axis=1))
    whole = _prf_arrays(rows.sum(axis=0))
    tail = (1 - level) / 2 * 100
    out: dict[str, Any] = {}
    for name, values, point in zip(("precision", "recall", "f1"), drawn, whole):
        low, high = numpy.percentile(values, [tail, 100 - tail])
        prefix = "" if name == "f1" else f"{name}_"
        out[name] = round(float(point), 3)
        out[f"{prefix}low"], out[f"{prefix}high"] = round(float(low), 3), round(float(high), 3)
    return {**out, "level": level, "samples": samples, "documents": len(rows)}


def paired_bootstrap(first: Mapping[str, Iterable[int]], second: Mapping[str, Iterable[int]], *,
                     samples: int = 1000, level: float = 0.95, seed: int = 0) -> dict[str, Any]:
    """How much better ``second`` scores than ``first`` on the same documents, and how sure that is.

    Both map document id -> ``[correct, predicted, found, gold]`` over the same documents; each
    resample draws the same documents for both. Returns ``difference`` (F1 of second minus first),
    its percentile interval (``low``, ``high``), and ``share_better``: the share of resamples in
    which the second's F1 is higher (ties count half).
    """
    if set(first) != set(second):
        raise ValueError("the two systems were scored on different documents")
    ids = sorted(first)
    if not ids:
        raise ValueError("no documents to resample")
    a = numpy.array([list(first[i]) for i in ids], dtype=numpy.int64)
    b = numpy.array([list(second[i]) for i in ids], dtype=numpy.int64)
    idx = _resamples(len(ids), samples, seed)
    diff = _prf_arrays(b[idx].sum(axis=1))[2] - _prf_arrays(a[idx].sum(axis=1))[2]
    tail = (1 - level) / 2 * 100
    low, high = numpy.percentile(diff, [tail, 100 - tail])
    better = float(((diff > 0).sum() + 0.5 * (diff == 0).sum()) / samples)
    return {"difference": round(float(_prf_arrays(b.sum(axis=0))[2] - _prf_arrays(a.sum(axis=0))[2]), 3), "low": round(float(low), 3),
            "high": round(float(high), 3), "share_better": round(better, 3), "level": level, "samples": samples,
            "documents": len(ids)}
