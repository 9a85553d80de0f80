"""Rules and model together: one record per relation, sentence and pair, saying who found it.

- Found by both (the same relation, or one and its sub-property, between the
  same two entities in one sentence): one record, ``extractor = "both"``,
  the rules' trigger, modality and qualifiers, and the confidence of either
  being right, ``1 - (1 - rules)(1 - model)``.
- Found by one: its record, ``"rules"`` or ``"model"``.
- A rules record whose pair the model scored keeps the model's probability for
  that relation as ``model_confidence`` (``kg why`` shows the disagreement when
  it is low).
- A model-only record whose argument owns the rules' argument of the same
  relation in the sentence is dropped: in "Orvane's chatbot Chatly is banned
  in China" the rules read what is banned (Chatly) and that Orvane owns it,
  and the model's "China bans Orvane" names the owner in its place.

>>> from kg.ontology import load_ontology
>>> rules = [{"s_key": "Company/A", "o_key": "Company/B", "predicate": "sues", "sent_start": 0,
...           "s_start": 0, "s_end": 1, "o_start": 2, "o_end": 3, "confidence": 0.7, "extractor": "rules"}]
>>> model = [dict(rules[0], confidence=0.8, extractor="model")]
>>> [(r["predicate"], r["extractor"], r["confidence"]) for r in merge_records(None, rules, model, {}, load_ontology())]
[('sues', 'both', 0.94)]
"""

from __future__ import annotations

from typing import Any

from ..ontology import Ontology

__all__ = ["merge_records", "merges_into", "rules_index"]


def _key(rec: dict[str, Any], symmetric: frozenset[str]) -> tuple[str, str, int]:
    s, o = rec["s_key"], rec["o_key"]
    if rec["predicate"] in symmetric and o < s:
        s, o = o, s
    return s, o, rec["sent_start"]


def rules_index(rules: list[dict[str, Any]], onto: Ontology) -> dict[tuple[str, str, int], set[str]]:
    """(subject key, object key, sentence start) -> the relations the rules read there."""
    out: dict[tuple[str, str, int], set[str]] = {}
    for r in rules:
        out.setdefault(_key(r, onto.symmetric), set()).add(r["predicate"])
    return out


def merges_into(index: dict[tuple[str, str, int], set[str]], rec: dict[str, Any], onto: Ontology) -> bool:
    """Whether :func:`merge_records` folds the model's ``rec`` into a rules record (the same
    relation or one of its family between the same two entities in one sentence): then only its
    keys, predicate, sentence and confidence are read, and the rest of a record need not be built."""
    found = index.get(_key(rec, onto.symmetric))
    return bool(found) and not found.isdisjoint(onto.family(rec["predicate"]))


def merge_records(doc: Any, rules: list[dict[str, Any]], model: list[dict[str, Any]],
                  pair_scores: dict[tuple[int, int, str], float], onto: Ontology) -> list[dict[str, Any]]:
    """The rules' and the model's records of one Doc, merged (see the module's description).

    ``pair_scores``: (subject item, object item, relation) -> the model's probability, for every
    pair it scored; items are indices into ``doc._.kg_entity_data``.
    """
    symmetric = onto.symmetric
    out = [dict(r, extractor=r.get("extractor", "rules")) for r in rules]
    by_pair: dict[tuple[str, str, int], list[dict[str, Any]]] = {}
    for r in out:
        by_pair.setdefault(_key(r, symmetric), []).append(r)
    if pair_scores and doc is not None:
        items = doc._.kg_entity_data or []
        at = {(it["start"], it["end"]): n for n, it in enumerate(items)}
        for r in out:
            s, o = at.get((r["s_start"], r["s_end"])), at.get((r["o_start"], r["o_end"]))
            score = pair_scores.get((s, o, r["predicate"]))
            if score is None and r["predicate"] in symmetric:
                score = pair_scores.get((o, s, r["predicate"]))
            if score is not None:
                r["model_confidence"] = round(score, 3)
    for m in model:
        family = onto.family(m["predicate"])
        found = by_pair.setdefault(_key(m, symmetric), [])
        same = [r for r in found if r["extractor"] != "model" and r["predicate"] in family]
        if same:
            for r in same:
                if r["extractor"] == "rules":
                    r["extractor"] = "both"
                    r["confidence"] = round(min(0.99, 1 - (1 - r["confidence"]) * (1 - m["confidence"])), 3)
                r["model_confidence"] = max(r.get("model_confidence", 0.0), round(m["confidence"], 3))
            continue
        rec = dict(m, confidence=round(min(0.99, m["confidence"]), 3))
        # a symmetric relation the model read both ways round ("A competes with B", scored as (A, B)
        # and (B, A)) has one key: one statement, the surer reading
        twin = next((r for r in found if r["extractor"] == "model" and r["predicate"] == m["predicate"]), None)
        if twin is None:
            out.append(rec)
            found.append(rec)
        elif rec["confidence"] > twin["confidence"]:
            twin.update(rec)
    out = _drop_contradicted(_drop_owners(out, onto), onto)
    return sorted(out, key=lambda r: (r["sent_start"], r["s_start"], r["predicate"], r["o_start"], r["extractor"]))


def _drop_owners(records: list[dict[str, Any]], onto: Ontology) -> list[dict[str, Any]]:
    """Model-only records whose subject or object owns, in the same sentence, the rules' subject or
    object of the same relation between otherwise the same entities. Owning is what a rules record
    of a relation that a possessive signals (``kg:possessorIs``) says: "Orvane's Chatly" (Orvane
    develops Chatly), "Quenby's Streamo" (Streamo subsidiaryOf Quenby)."""
    owners: dict[tuple[int, str], set[str]] = {}  # (sentence, owned) -> owners
    for r in records:
        rel = onto.relations.get(r["predicate"])
        if r.get("extractor") == "model" or rel is None or not rel.possessor_is:
            continue
        owner, owned = (r["s_key"], r["o_key"]) if rel.possessor_is == "subject" else (r["o_key"], r["s_key"])
        owners.setdefault((r["sent_start"], owned), set()).add(owner)
    if not owners:
        return records
    read: dict[tuple[int, str], list[tuple[str, str]]] = {}  # (sentence, predicate) -> (subject, object)
    for r in records:
        if r.get("extractor") != "model":
            for name in onto.family(r["predicate"]):
                read.setdefault((r["sent_start"], name), []).append((r["s_key"], r["o_key"]))

    def owns(sent: int, owner: str, owned: str) -> bool:
        return owner in owners.get((sent, owned), ())

    keep = []
    for r in records:
        if r.get("extractor") == "model" and any(
                (s == r["s_key"] and owns(r["sent_start"], r["o_key"], o))
                or (o == r["o_key"] and owns(r["sent_start"], r["s_key"], s))
                for s, o in read.get((r["sent_start"], r["predicate"]), ())):
            continue
        keep.append(r)
    return keep


def _drop_contradicted(records: list[dict[str, Any]], onto: Ontology) -> list[dict[str, Any]]:
    """Model-only readings that a relation stated between the same two entities in the document
    contradicts (``kg:contradictedBy``: "Vietnam bans Dealoo" against "Dealoo operates in Vietnam")."""
    stated: dict[frozenset[str], set[str]] = {}
    for r in records:
        if r.get("modality", "fact") == "fact":
            for name in onto.ancestors(r["predicate"]) if r["predicate"] in onto.relations else [r["predicate"]]:
                stated.setdefault(frozenset({r["s_key"], r["o_key"]}), set()).add(name)
    keep = []
    for r in records:
        rel = onto.relations.get(r["predicate"])
        if r.get("extractor") == "model" and rel is not None and rel.contradicted_by \
                and rel.contradicted_by & stated.get(frozenset({r["s_key"], r["o_key"]}), set()):
            continue
        keep.append(r)
    return keep
