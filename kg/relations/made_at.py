"""Who makes a product made at a works a firm owns: "The T9, built at Kelvor's plant in Gemlik, goes on sale
in May", "The drones are assembled at Orlan's factory near Tampere" (kg:develops from the owner of the works
to the product). The verb is a participle of making (lexicon ``making_verbs`` and ``goods_making_verbs``)
with no agent of its own ("made by X at Y's plant" is X's); the works is a lexicon ``owned_works`` noun
after "at" or "in", with its owner written before it (a possessive or a name; not a description, as "the
supplier's plant", whose coreference is less sure).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

__all__ = ["made_at_works"]

#: prepositions of the works a thing is made at
_AT = frozenset({"at", "in"})


def made_at_works(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:develops from the owner of the works a participle of making puts a product at, to the product: the
    noun the participle modifies, or the subject of its passive; ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("develops")
    if rel is None:
        return []
    making = set(rules.onto.words("entities", "making_verbs")) | set(rules.onto.words("relations", "goods_making_verbs"))
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, making):
        if verb.tag_ != "VBN" or any(c.dep_ == "agent" for c in verb.children):
            continue
        if verb.dep_ == "acl":
            goods = [verb.head]
        else:
            goods = [c for c in verb.children if c.dep_ == "nsubjpass"]
        sites = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in _AT
                 for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in rules.owned_works]
        # (a name or a pronoun, not a description coreference resolved: "the supplier's plant")
        owners = [o for g in sites for o in rules._works_owners(g, by_token)
                  if o.pos_ == "PRON" or items[by_token[o.i]]["via"] != "coref"]
        if not goods or not owners:
            continue
        found = rules._records_between(doc, owners, goods, rel, by_token, items, rel.base_confidence - 0.1,
                                       verb, rules._modality(verb))
        out += [r for r in found if r["o_cls"] == "Product"]
    return out
