"""Who makes a product made at a works a firm owns: "The T9, built at Kelvor's plant in Gemlik, goes on sale
in May", "The drones are assembled at Orlan's factory near Tampere" (kg:develops from the owner of the works
to the product). The verb is a participle of making (lexicon ``making_verbs`` and ``goods_making_verbs``)
with no agent of its own ("made by X at Y's plant" is X's); the works is a lexicon ``owned_works`` noun
after "at" or "in", with its owner written before it (a possessive or a name; not a description, as "the
supplier's plant", whose coreference is less sure). And what a works the text names again as "the plant" makes:
"Kelvor runs a plant in Pune. The plant assembles the Arlo scooter" (:func:`works_making`).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import FORMER

__all__ = ["made_at_works", "works_making"]

#: prepositions of the works a thing is made at
_AT = frozenset({"at", "in"})


def made_at_works(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:develops from the owner of the works a participle of making puts a product at, to the product: the
    noun the participle modifies, or the subject of its passive; ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("develops")
    if rel is None:
        return []
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, rules.works_making_verbs):
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
        out += _products_made(rules, doc, owners, goods, rel, by_token, items, 0.1, verb)
    return out


def _products_made(rules: Any, doc: Doc, owners: list, goods: list, rel: Any, by_token: dict[int, int],
                   items: list[dict[str, Any]], below: float, verb: Any) -> list[dict[str, Any]]:
    """The kg:develops records from ``owners`` to the products among ``goods`` that ``verb`` makes, at the
    relation's base confidence less ``below``; none where either side is empty."""
    if not goods or not owners:
        return []
    found = rules._records_between(doc, owners, goods, rel, by_token, items, rel.base_confidence - below,
                                   verb, rules._modality(verb))
    return [r for r in found if r["o_cls"] == "Product"]


def works_making(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """"Kelvor runs a plant in Pune. The plant assembles the Arlo scooter": kg:develops from the owner of a works
    a definite description names ("the plant", "the factory": lexicon ``owned_works``) to the named product the
    works makes (the object of an active verb of making): the organisation a relative clause on the description
    says bought, owns or runs it ("The factory, which Kelvor bought in 2020, builds the Arlo"), else the owner
    of the works the text last named with its owner ("its factory outside Tangier", "Kelvor's plant"; not "a
    former Orlan factory") in the sentence or the two before it; not goods another's possessive is on."""
    rel = rules.onto.relations.get("develops")
    if rel is None:
        return []
    sents: list | None = None  # (listed once a works' verb is found: most documents have none)
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, rules.works_making_verbs):
        works = [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.tag_ not in {"VBZ", "VBD", "VBP", "VB"} or len(works) != 1 or works[0].i in by_token \
                or not works[0].is_lower or works[0].lemma_.lower() not in rules.owned_works \
                or not any(c.dep_ == "det" and c.lower_ == "the" for c in works[0].children):
            continue
        # (not goods written with an owner's possessive: "will also assemble Tarvo's Kestra Plus" is Tarvo's)
        goods = [g for c in verb.children if c.dep_ == "dobj" for g in (c, *c.conjuncts)
                 if not any(p.dep_ == "poss" for p in g.children)]
        owners = [s for c in works[0].children if c.dep_ == "relcl" and c.lemma_.lower() in rules.works_holding_verbs
                  for s in c.children if s.dep_ == "nsubj" and s.i in by_token
                  and rules.onto.is_a(items[by_token[s.i]]["cls"], "Organization")]
        if not owners:
            sents = sents if sents is not None else list(doc.sents)
            at = next(n for n, s in enumerate(sents) if s.start <= verb.i < s.end)
            for tok in reversed(doc[sents[max(0, at - 2)].start:works[0].i]):
                owners = rules._works_owners(tok, by_token) if tok.lemma_.lower() in rules.owned_works else []
                if owners:
                    # (not "a former Orlan factory": an owner no longer)
                    owners = [] if any(c.lower_ in FORMER for c in tok.children) else owners
                    break
        out += _products_made(rules, doc, owners, goods, rel, by_token, items, 0.15, verb)
    return out
