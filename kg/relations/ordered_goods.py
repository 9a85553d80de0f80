"""Named goods ordered or bought "from" a firm: "The ministry has ordered 600 Hukka drones from Kuura Dynamics",
"Anatolian Skies ordered 80 C-190 jets from Comet Aerospace", "which bought 24 Vireo jets from their French
maker Sarvel Aviation". The firm a buyer orders a count of a named product from makes it (kg:develops added to the
records read, beside the kg:suppliesTo the verb gave): the verb one of lexicon ``product_ordering_verbs``
(and "buy", "purchase"), its object a count of a kind of product (lexicon ``product_nouns``) the name is
written before, or of the name itself. A product the gazetteer knows another maker of is left to
:mod:`kg.relations.known_makers`; goods with no name of their own ("bought cells from X") say nothing.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .records import record, side, trigger_token

__all__ = ["ordered_goods_made"]

_BUYING = frozenset({"buy", "purchase"})


def ordered_goods_made(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]], items: list[dict[str, Any]],
                       by_token: dict[int, int]) -> None:
    """Add to ``found`` (records keyed as the rules key them) kg:develops from the seller of a count of named
    goods to the goods (module doc)."""
    rel = rules.onto.relations.get("develops")
    if rel is None:
        return
    ordering = rules.onto.words("relations", "product_ordering_verbs") | _BUYING
    for r in [r for r in found.values() if r["predicate"] == "suppliesTo"]:
        verb = trigger_token(doc, r)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in ordering:
            continue
        # (a count of goods: the number on the noun or on a word before it, "80 C-190 jets")
        for goods in (c for c in verb.children if c.dep_ == "dobj" and any(
                n.dep_ == "nummod" for n in doc[c.left_edge.i:c.i + 1])):
            # (the seller named "from", on the verb or on its object: "ordered 80 jets from X")
            if not any(p.dep_ == "prep" and p.lower_ == "from" and any(
                    g.dep_ == "pobj" and r["s_start"] <= g.i < r["s_end"] for g in p.children)
                    for p in [*verb.children, *goods.children]):
                continue
            # (the name before the kind counted, "600 Hukka reconnaissance drones"; or the name counted itself)
            names = [goods] if goods.i in by_token else [
                t for t in doc[goods.left_edge.i:goods.i] if t.i in by_token and t.dep_ in {"compound", "nmod"}] \
                if goods.is_lower and goods.lemma_.lower() in rules.product_nouns else []
            for n in dict.fromkeys(by_token[t.i] for t in names):
                it = items[n]
                if it["cls"] != "Product" or it["via"] not in {"", "gazetteer"} \
                        or not rules.onto.fits(r["s_cls"], rel.domain):
                    continue
                key = (r["s_key"], rel.name, f"{it['cls']}/{it['name']}", r["sent_start"])
                if key not in found:
                    found[key] = record(doc, side(r, "s"), rel.name, it, rel.base_confidence - 0.2, verb,
                                        r["modality"])
