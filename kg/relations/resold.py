"""What a firm sells after it makes, imports or buys it: "Tokara makes the TR-500 resist and sells it to
Halden Wafer", "Thermo makes the Polarix line of heat pumps and sells them in 22 countries" (kg:offers
from the subject to the product the first verb's object names). The pronoun of the second verb stands
for that object, where coreference may have taken a name further back.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import SUBJ

__all__ = ["sold_after_made"]

#: the object pronouns that stand for the goods of the verb before
_PRONOUNS = frozenset({"it", "them"})


def sold_after_made(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:offers from the subject of a verb of selling (lexicon ``offering_verbs``, less "run", "operate"
    and "host") joined by "and" to a verb before it, whose object is "it" or "them", to the products the
    verb before has for its object; ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("offers")
    selling = set(rules.onto.words("entities", "offering_verbs")) - {"run", "operate", "host"}
    if rel is None:
        return []
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, selling):
        first = verb.head
        if verb.pos_ != "VERB" or verb.dep_ != "conj" or first.pos_ != "VERB" or first.i > verb.i:
            continue
        if not any(c.dep_ == "dobj" and c.lower_ in _PRONOUNS for c in verb.children):
            continue
        goods = [c for c in first.children if c.dep_ == "dobj"]
        # (a product named there, not a description coreference took for one: "makes the inhaler")
        products = [g for g in goods if g.i not in by_token and any(
            rules.onto.is_a(items[m[0]]["cls"], "Product") and items[m[0]]["via"] != "coref"
            for m in rules._map(g, by_token, items)) or g.i in by_token and items[by_token[g.i]]["via"] != "coref"]
        sellers = [c for c in first.children if c.dep_ in SUBJ] or rules._inherited_agents(first)
        found = rules._records_between(doc, sellers, products, rel, by_token, items, rel.base_confidence - 0.1,
                                       verb, rules._modality(verb))
        out += [r for r in found if r["o_cls"] == "Product"]
    return out
