"""Access one gains to another's network, data or goods: "Rewearo has secured access to Kestrel's lockers",
"Orrin gained access to the catalogue of Sonora", "wins access to scrap from Stellar" (the owner provides
access to the one who gains it; not yet "gets access to 50,000 of Nimbrel's chips", whose parse defeats
it). Called from :meth:`kg.relations.deals.Deals._access_given`; the verbs are lexicon.toml's
``gaining_verbs``. And access given in return for a payment, which the one given it pays for
(:func:`access_paid_for`, on the records read); and computing capacity rented or leased, which the
one renting it out gives access to (:func:`capacity_rented`, on the records read).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import SUBJ, percentage_word, possessive
from .records import record, side, trigger_token

__all__ = ["access_gained", "access_paid_for", "capacity_rented", "use_allowed"]


def access_gained(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:providesAccessTo from the owner of what one gains access to (a possessive, a name on the goods, "of" or
    "from") to the one who gains it (the verb's subject); ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("providesAccessTo")
    if rel is None:
        return []
    out: list[dict[str, Any]] = []
    for noun in rules._tokens_with_lemma(doc, ("access",)):
        verb = noun.head
        if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in rules.gaining_verbs:
            continue
        gainers = [c for c in verb.children if c.dep_ in SUBJ] or rules._inherited_agents(verb)
        things = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children
                  if g.dep_ == "pobj"]
        # (the things' own: "50,000 of Nimbrel's chips")
        things += [g for t in things for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj" and g.i not in by_token]
        owners = [c for t in things for c in t.children if possessive(c)]
        # (a name on the goods where no owner is written: "Cardo card network", not "Nimbrel's Strata chips")
        owners += [c for t in things if not any(possessive(x) for x in t.children) for c in t.children
                   if c.dep_ == "compound" and c.pos_ == "PROPN"]
        owners += [g for h in (*things, noun, verb) for p in h.children if p.dep_ == "prep"
                   and p.lower_ in ({"from"} if h is verb else {"of", "from"}) and (h is not noun or p.lower_ == "from")
                   for g in p.children if g.dep_ == "pobj"]
        found = rules._records_between(doc, owners, gainers, rel, by_token, items, rel.base_confidence - 0.1, verb,
                                       rules._modality(verb))
        # (organisations on both sides: not a place, nor the goods' own name ("Strata chips"), nor reporters
        # who "gained access to documents")
        out += [r for r in found if rules.onto.is_a(r["s_cls"], "Organization") and rules.onto.is_a(
            r["o_cls"], "Organization")]
    return out


def use_allowed(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:providesAccessTo from the owner of what one is let use (lexicon ``permitting_verbs`` with a clause of
    ``permitted_uses``: "Kelvor will let Orlan use its towers", "allow rivals such as Orlan to access its
    network", "lets Orlan use Kelvor's towers") or shares with another ("must share its towers with
    Orlan") to the one let use it. "its" is the letting subject's: the text says one lets another use
    one's own. Organisations on both sides."""
    rel = rules.onto.relations.get("providesAccessTo")
    letting, using = rules.onto.words("relations", "permitting_verbs"), rules.onto.words("relations", "permitted_uses")
    if rel is None or not using:
        return []
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, set(letting) | set(using)):
        if verb.pos_ != "VERB":
            continue
        if verb.lemma_.lower() in letting:
            clause = next((c for c in verb.children if c.dep_ in {"ccomp", "xcomp"} and c.lemma_.lower() in using), None)
            if clause is None:
                continue
            users = [c for c in clause.children if c.dep_ in SUBJ] or [c for c in verb.children if c.dep_ == "dobj"]
        elif verb.lemma_.lower() == "share" and verb.dep_ not in {"ccomp", "xcomp"}:
            clause = verb
            users = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children
                     if g.dep_ == "pobj"]
        else:
            continue
        lender = [c for c in verb.children if c.dep_ in SUBJ] or rules._inherited_agents(verb)
        owners = [lender if c.pos_ == "PRON" else [c] for t in clause.children if t.dep_ == "dobj"
                  for c in t.children if possessive(c)]
        # (the members a plural user lists: "rivals such as X and Y")
        users += [g for u in users if u.i not in by_token for p in u.children if p.dep_ == "prep" and p.lower_ == "as"
                  for g in p.children if g.dep_ == "pobj"]
        found = rules._records_between(doc, [o for group in owners for o in group], users, rel, by_token, items,
                                       rel.base_confidence - 0.15, verb, rules._modality(verb))
        out += [r for r in found if rules.onto.is_a(r["s_cls"], "Organization") and rules.onto.is_a(
            r["o_cls"], "Organization")]
    return out


def access_paid_for(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """"Orlan Bank gives Kelvor Pay access to its network in return for a monthly fee": access given
    (a kg:providesAccessTo record of ``found``, keyed as the rules key them) in return or in exchange
    (lexicon ``exchange_nouns``) for a payment (``paid_sums``) is paid for by the one given it: kg:pays
    to the giver, kg:paysCommissionTo for a cut (a percentage, or a word of its triggers that is no
    price: "a share of each sale", "a 2% fee"; "a fee" alone is a price paid). The records are added to
    ``found``."""
    pays, cut = rules.onto.relations.get("pays"), rules.onto.relations.get("paysCommissionTo")
    exchange = rules.onto.words("relations", "exchange_nouns")
    if pays is None or cut is None or not exchange:
        return
    given = [r for r in found.values() if r["predicate"] == "providesAccessTo"]
    if not given:
        return
    cut_words = {w[-1] for w in cut.triggers if len(w) > 1} | rules.cut_words
    for r in given:
        verb = trigger_token(doc, r)
        if verb is None:
            continue
        # "in return for X" on the verb or on its object; the parser may hang "for" on the verb
        ins = [p for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.children
               if p.dep_ == "prep" and p.lower_ == "in"]
        backs = [g for p in ins for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() in exchange]
        fors = [p for h in (*backs, verb) for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                and (h is not verb or p.i == h.i + 1 or any(b.i == p.i - 1 for b in backs))]
        paid = [g for p in fors for g in p.children if g.dep_ == "pobj"]
        if not backs or not paid:
            continue
        price = paid[0]
        share = any(percentage_word(w) for w in price.subtree) or (
            price.lemma_.lower() in cut_words - rules.set_price_nouns)
        if not share and price.lemma_.lower() not in rules.paid_sums:
            continue
        rel = cut if share else pays
        rec = record(doc, side(r, "o"), rel.name, side(r, "s"), r["confidence"] - 0.05, verb, r["modality"],
                     sentence=(r["sent_start"], r["sent_end"]))
        if rules.onto.fits(rec["s_cls"], rel.domain) and rules.onto.fits(rec["o_cls"], rel.range):
            found.setdefault((rec["s_key"], rel.name, rec["o_key"], rec["sent_start"]), rec)


def capacity_rented(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """"Zelvar rents computing capacity from Kelvor", "Kelvor leases server space to Orlan": computing
    capacity rented or leased (a letting verb, lexicon ``letting_verbs``, whose object, or a word before
    it, is one of ``rented_capacity``) is access the one renting it out gives, not goods it supplies: the
    kg:suppliesTo records of ``found`` that such a verb read become kg:providesAccessTo ("leases jets
    to Orlan Air" stays a supply)."""
    rel = rules.onto.relations.get("providesAccessTo")
    capacity = rules.onto.words("relations", "rented_capacity")
    if rel is None or not capacity:
        return
    for key, r in list(found.items()):
        if r["predicate"] != "suppliesTo":
            continue
        verb = trigger_token(doc, r)
        if verb is None or verb.lemma_.lower() not in rules.letting_verbs:
            continue
        # (the goods: the verb's object, or the noun a participle describes: "chips leased from Kelvor")
        goods = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}] + (
            [verb.head] if verb.dep_ == "acl" else [])
        # (and what a part of it is of: "rents most of its computing power")
        goods += [g for h in goods for p in h.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"]
        # (a plural abbreviation's lemma is the word itself: "GPUs")
        if not any(w.lemma_.lower() in capacity or w.lower_.rstrip("s") in capacity for g in goods for w in (g, *g.children)
                   if w is g or w.dep_ in {"compound", "amod"}):
            continue
        if not (rules.onto.fits(r["s_cls"], rel.domain) and rules.onto.fits(r["o_cls"], rel.range)):
            continue
        del found[key]
        found.setdefault((r["s_key"], rel.name, r["o_key"], r["sent_start"]), {**r, "predicate": rel.name})
