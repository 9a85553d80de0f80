"""Relations read from where a firm's goods come from (kg:suppliesTo).

"Its bogies come from Tarsa Works", "Wessor's trains are leased from Halden Leasing", "Kelvor, whose
phones are assembled by Foxwell": the goods of a firm (a lower-case noun with the firm's possessive, or
"whose") that come "from" another firm (lexicon ``goods_coming_verbs``), are bought, sourced or let "from"
one in the passive (``goods_buying_verbs`` and ``letting_verbs``), or are made "by" one in the passive
(``goods_making_verbs``): the other firm supplies the owner. The goods are no stake, asset, money,
revenue, order or contract ("its biggest order came from Orlan Air" names a customer, "most of its
revenue comes from Orlan" a buyer), nor a role ("its new chief came from Orlan").

And goods a firm takes, gets or receives "from" another firm (lexicon ``goods_taking_verbs``): the other firm
supplies it ("Halvik still takes most of its gas from Orlan Energy", "will get its cells from Kesh Cells"); not
money, a stake, a contract, an order or a name, nor what is taken as no goods (lexicon ``not_taken_goods``:
"takes its name from", "got approval from").

And goods a shop sells, stocks or carries (lexicon ``stocking_verbs``, active) that are another firm's: the
maker named "from" after them supplies the shop ("Elgin sells earbuds from Sonra and Jabbo"), and so does
the maker named before the goods it stocks or carries, or by its possessive ("Navo and Gmark, which carry
Sodam noodles"; not before goods it sells, as often its own brand: "sells Hollin cookware").

And goods of a firm that go into another's goods, or are fitted to, installed in or used in them, or power
them (lexicon ``goods_entering_verbs``, ``goods_fitting_verbs`` in the passive, ``goods_powering_verbs``):
the firm supplies the other, named as the maker or runner of those goods, their owner or the name before
them ("Kelvor's chips go into laptops made by Orvane", "whose sensor is fitted to vans built by Halden",
"whose engines power Halden Aero's turboprop"), or named itself after "to" ("most of its output goes to
Orvane Motors").

And a firm's named product made "by" another in the passive, or handed over "to" another or ordered "by" one
("Orvane's Atlas 500 will be assembled by Kelvor and shipped to Halden Cloud", "Orvane's X1 has been ordered
by Halden"; lexicon ``goods_making_verbs``, ``shipping_verbs``, ``product_ordering_verbs``).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import by_agents, possessive

__all__ = ["Sources"]

_MAKER_DEPS = {"compound", "nmod"}


class Sources:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who the goods a firm owns come from."""

    @cached_property
    def _not_coming_goods(self) -> frozenset[str]:
        """What comes "from" a firm that is no goods (a stake, revenue, a contract, a role, a grant...)."""
        return frozenset(self.not_bought_goods | self.revenue_nouns | self.contract_nouns | self.national_jobs
                         | self.onto.words("relations", "received_nouns") | self.onto.words("relations", "grant_nouns"))

    @cached_property
    def _not_taken_goods(self) -> frozenset[str]:
        """What is taken "from" a firm that is no goods (money, a stake, a contract, an order, a name...)."""
        return frozenset(self.not_bought_goods | self.revenue_nouns | self.contract_nouns | self.money_nouns
                         | self.trigger_nouns | self.onto.words("relations", "received_nouns")
                         | self.onto.words("relations", "grant_nouns")
                         | self.onto.words("relations", "not_taken_goods"))

    @cached_property
    def _goods_from_verbs(self) -> frozenset[str]:
        """The verbs :meth:`_goods_from` reads: of goods coming, of buying or letting (in the passive) and of making."""
        return frozenset(self.onto.words("relations", "goods_coming_verbs") | self.goods_buying_verbs
                         | self.letting_verbs | self.onto.words("relations", "goods_making_verbs"))

    def _goods_from(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Its bogies come from Tarsa Works", "whose phones are assembled by Foxwell": the firm the goods
        come from (or are made by) supplies their owner."""
        rel = self.onto.relations.get("suppliesTo")
        coming = self.onto.words("relations", "goods_coming_verbs")
        making = self.onto.words("relations", "goods_making_verbs")
        not_goods = self._not_coming_goods
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self._goods_from_verbs) if rel is not None else ():
            lemma = verb.lemma_.lower()
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if verb.pos_ != "VERB" or (lemma not in coming and not (passive and verb.tag_ == "VBN")):
                continue
            # (the verb's own subject: "its trains are leased from X and were built by Y" were not bought from Y)
            goods = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN"
                     and c.is_lower and c.i not in by_token and c.lemma_.lower() not in not_goods]
            owners = [m for g in goods for m in g.children if (m.lower_ == "whose" and m.dep_ == "poss") or (
                m.i in by_token and possessive(m) and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization"))]
            # ("from Huta Kara and from Nordvik": each "from"; "made by Foxwell": the agent)
            marks = [c for c in verb.children if (c.dep_ == "prep" and c.lower_ == "from" and lemma not in making)
                     or (c.dep_ == "agent" and lemma in making)]
            marks += [c for m in marks for c in m.conjuncts if c.lower_ == m.lower_]
            firms = [g for m in marks for g in m.children if g.dep_ == "pobj"]
            firms += [a for g in firms if g.i not in by_token for a in g.children if a.dep_ == "appos"]
            firms = [g for g in firms if g.i in by_token
                     and self.onto.is_a(items[by_token[g.i]]["cls"], "Organization")]
            if owners and firms:
                out += self._records_between(doc, firms, owners, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _goods_taken(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"takes most of its gas from Orlan", "gets its cells from Kesh Cells": the firm goods are taken, got or
        received from supplies the taker."""
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "goods_taking_verbs")
        not_goods = self._not_taken_goods
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            # ("takes most of its gas": the goods after a quantity's "of")
            goods = objs + [g for o in objs for g in [self._portion_of(o)] if g is not None]
            goods = [g for g in goods if g.pos_ == "NOUN" and g.is_lower and g.i not in by_token
                     and g.lemma_.lower() not in not_goods and not g.like_num]
            if not goods:
                continue
            # ("from" on the verb, or on the goods)
            froms = [p for h in (verb, *objs, *goods) for p in h.children if p.dep_ == "prep" and p.lower_ == "from"]
            firms = [x for p in froms for g in p.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
            firms = [g for g in firms if g.i in by_token and self.onto.is_a(items[by_token[g.i]]["cls"], "Organization")]
            takers = [c for c in verb.children if c.dep_ in {"nsubj"}] or self._inherited_agents(verb)
            if firms and takers:
                out += self._records_between(doc, firms, takers, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _goods_carried(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"sells earbuds from Sonra", "which carry Sodam noodles": the maker of goods a shop sells, carries or
        stocks supplies it."""
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "stocking_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or any(c.dep_ == "auxpass" for c in verb.children):
                continue
            goods = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.is_lower
                     and c.i not in by_token and c.lemma_.lower() not in self.not_bought_goods]
            goods += [c for g in goods for c in g.conjuncts if c.pos_ == "NOUN" and c.is_lower and c.i not in by_token
                      and c.lemma_.lower() not in self.not_bought_goods]
            # (a name before the goods a shop sells is as often its own brand, "sells Hollin cookware": only one
            # it carries or stocks; and never goods of "its own")
            goods = [g for g in goods if not any(c.lower_ == "own" for c in g.children)]
            makers = [m for g in goods for m in g.children if m.i < g.i and m.pos_ != "PRON"
                      and (m.dep_ in _MAKER_DEPS or possessive(m)) and verb.lemma_.lower() != "sell"]
            froms = [p for g in goods for p in g.children if p.dep_ == "prep" and p.lower_ == "from"]
            makers += [x for p in froms for g in p.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)]
            # (a maker written by its name, not a back reference such as "the company")
            makers = [m for m in makers if m.i in by_token and items[by_token[m.i]]["via"] in {"", "gazetteer"}
                      and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization")]
            shops = [c for c in verb.children if c.dep_ == "nsubj"] or self._inherited_agents(verb)
            shops = [verb.head if t.tag_ == "WDT" and verb.dep_ == "relcl" else t for t in shops]
            if makers and shops:
                out += self._records_between(doc, makers, shops, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _goods_owner_firms(self, noun: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The firms whose goods a lower-case noun names: its possessive ("whose", or a pronoun's), a name
        written before it, "from" a firm; or, for a noun of a part ("most of X's output"), the whole's."""
        whole = self._portion_of(noun)
        if whole is not None:
            noun = whole
        # (lower case, or capitalised only as a sentence's first word: "Graphite from X ends up in ...")
        if noun.pos_ != "NOUN" or noun.i in by_token or not (noun.is_lower or (noun.is_sent_start and noun.is_title)):
            return []
        firms = [c for c in noun.children if c.lower_ == "whose" or (
            c.i in by_token and (possessive(c) or (c.dep_ in _MAKER_DEPS and c.i < noun.i)))]
        firms += [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"
                  for g in p.children if g.dep_ == "pobj"]
        return [f for f in firms if f.lower_ == "whose" or (
            f.i in by_token and self.onto.is_a(items[by_token[f.i]]["cls"], "Organization"))]

    def _goods_gone_into(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        """"Kelvor's chips go into laptops made by Orvane", "whose sensor is fitted to vans built by Halden",
        "whose engines power Halden Aero's turboprop", "most of its output goes to Orvane Motors": the firm whose
        goods go into, are fitted to or power another's goods supplies the other."""
        rel = self.onto.relations.get("suppliesTo")
        words = self.onto.words
        entering, fitting = words("relations", "goods_entering_verbs"), words("relations", "goods_fitting_verbs")
        powering, preps = words("relations", "goods_powering_verbs"), words("relations", "goods_entering_preps")
        runners = words("relations", "goods_runner_participles")
        not_goods = self._not_taken_goods
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {*entering, *fitting, *powering}) if rel is not None else ():
            lemma = verb.lemma_.lower()
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if verb.pos_ != "VERB" or (lemma in fitting) != passive or (passive and verb.tag_ != "VBN"):
                continue  # (a verb of going or powering in the active; one of fitting in the passive only)
            if lemma == "end" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
                continue
            goods = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # ("chips, which go into laptops made by X": the noun the clause is on)
            goods = [verb.head if g.tag_ == "WDT" and verb.dep_ == "relcl" else g for g in goods]
            goods = [g for g in goods if g.lemma_.lower() not in not_goods]
            suppliers = [f for g in goods for f in self._goods_owner_firms(g, by_token, items)]
            portion = any(self._portion_of(g) is not None for g in goods)
            if not suppliers:
                continue
            if lemma in powering:
                targets = [c for c in verb.children if c.dep_ == "dobj"]
            else:
                targets = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in preps
                           for g in p.children if g.dep_ == "pobj"]
            takers: list[Token] = []
            for t in (x for g in targets for x in (g, *g.conjuncts)):
                if t.i in by_token:
                    # ("most of its output goes to Orvane Motors": the firm itself, after "to", for a part of
                    # the goods only; not "its trucks go to Orvane for repairs")
                    if lemma in entering and t.head.lower_ == "to" and portion \
                            and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization"):
                        takers.append(t)
                    continue
                if t.pos_ != "NOUN" or not t.is_lower:
                    continue
                # ("laptops made by Orvane", "taxis run by Halden": the maker or runner the participle names)
                takers += [g for a in t.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in runners
                           for g in by_agents(a)]
                # ("Orvane's laptops", "Orvane laptops", "the servers of Orvane", "service at Orvane")
                takers += [c for c in t.children if c.i in by_token and c.pos_ != "PRON"
                           and (possessive(c) or (c.dep_ in _MAKER_DEPS and c.i < t.i))]
                takers += [g for p in t.children if p.dep_ == "prep" and p.lower_ in {"of", "at"}
                           for g in p.children if g.dep_ == "pobj"]
            takers = [x for t in takers for x in (t, *t.conjuncts) if x.i in by_token
                      and self.onto.is_a(items[by_token[x.i]]["cls"], "Organization")]
            if takers:
                out += self._records_between(doc, suppliers, takers, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _named_goods_passed_on(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                               ) -> list[dict[str, Any]]:
        """"Orvane's Atlas 500 will be assembled by Kelvor Foundry" (Kelvor supplies Orvane), "... and shipped
        to customers including Halden Cloud", "Orvane's X1 has been ordered by Halden" (Orvane supplies
        Halden): a firm's named product made "by" another in the passive (lexicon ``goods_making_verbs``), or
        handed over "to" another (``shipping_verbs``) or ordered "by" one (``product_ordering_verbs``)."""
        rel = self.onto.relations.get("suppliesTo")
        making = self.onto.words("relations", "goods_making_verbs")
        shipping = self.onto.words("relations", "shipping_verbs")
        ordering = self.onto.words("relations", "product_ordering_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {*making, *shipping, *ordering}) if rel is not None else ():
            # (a passive, or a participle joined to one: "will be assembled by X and shipped to Y")
            head = verb if any(c.dep_ == "auxpass" for c in verb.children) else verb.head \
                if verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.head.children) else None
            if verb.tag_ != "VBN" or head is None:
                continue
            goods = [c for c in head.children if c.dep_ == "nsubjpass" and c.i in by_token
                     and items[by_token[c.i]]["cls"] == "Product"]
            owners = [m for g in goods for m in g.children if m.i in by_token and possessive(m) and m.pos_ != "PRON"
                      and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization")]
            lemma = verb.lemma_.lower()
            others = [g for b in verb.children if b.dep_ == "agent" and lemma not in shipping for g in b.children
                      if g.dep_ == "pobj"]
            others += [x for p in verb.children if lemma in shipping and p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                       for g in p.children if g.dep_ == "pobj" for x in self._with_listed(g)]
            # ("shipped to cloud/VB customers including X": the parser read "to" and the noun after it as an
            # infinitive, the buyers as its object)
            others += [x for c in verb.children if lemma in shipping and c.dep_ in {"advcl", "xcomp"} and c.tag_ == "VB"
                       and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 for a in c.children)
                       for g in c.children if g.dep_ == "dobj" for x in self._with_listed(g)]
            others = [t for t in others if t.i in by_token and items[by_token[t.i]]["via"] != "demonym"
                      and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
            if not owners or not others:
                continue
            makers, takers = (others, owners) if lemma in making else (owners, others)
            out += self._records_between(doc, makers, takers, rel, by_token, items, rel.base_confidence - 0.15, verb,
                                         self._modality(verb))
        return out
