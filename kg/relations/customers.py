"""Relations read from a buyer's side of a supply (kg:suppliesTo): a firm chosen for a purpose, goods a
firm has on order, goods a retailer stocks or a buyer is shipped, goods a firm uses.

A mixin of :class:`~kg.relations.rules.KGRelations`, run with the trigger rules.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import MAKING_VERBS, acted_on, by_agents
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive

__all__ = ["Customers"]


class Customers:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: suppliers read from what their customers do."""

    def _chosen_suppliers(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                          ) -> list[dict[str, Any]]:
        """"Poland picks Orlan Systems for its counter-drone shield", "Australia has chosen Vardholm
        Naval to build six frigates", "Orlan was selected by the ministry to supply radars": a firm
        chosen for a purpose (a "for" phrase, or what it is chosen "to" do) supplies whoever chose it
        (the lexicon's ``choosing_verbs``). Not one chosen "as" something ("picked Lumo as its
        partner"), which the role says, nor a person."""
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "choosing_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                continue
            chosen, choosers, passive = acted_on(verb)  # (or "X was selected by Y to ...")
            if not choosers and not passive:
                choosers = self._inherited_agents(verb)
            purpose = any((c.dep_ == "prep" and c.lower_ == "for") or (c.dep_ in {"xcomp", "advcl"} and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) for c in verb.children) or any(
                p.dep_ == "prep" and p.lower_ == "for" for c in chosen for p in c.children)
            firms = [c for c in chosen if c.i in by_token
                     and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")] if purpose else []
            # "Kagura picks Chipvale chip", "selected Plumo's lie-flat seat": the maker of goods chosen, for
            # whatever purpose (written before them, or its possessive; not a stake or assets)
            firms += [m for g in chosen if g.pos_ == "NOUN" and g.is_lower and g.i not in by_token
                      and g.lemma_.lower() not in self.not_bought_goods for m in g.children if m.i in by_token
                      and (_possessive(m) or (m.dep_ in {"compound", "nmod"} and m.i < g.i)) and m.pos_ != "PRON"
                      and items[by_token[m.i]]["via"] in {"", "gazetteer"}
                      and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization")]
            if firms and choosers:
                out += self._records_between(doc, firms, choosers, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
        return out

    def _on_order(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Aegean Bulk has six more ships on order at Kurushio Dockyard", "has 40 Aerivo jets on order": the
        maker of goods a firm has on order (named after "at", "from" or "with", or before the plural
        goods) supplies it."""
        rel = self.onto.relations.get("suppliesTo")
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, {"order"}) if rel is not None else ():
            if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ != "on":
                continue
            up = noun.head.head
            goods = [up] if up.pos_ == "NOUN" and up.dep_ == "dobj" else [c for c in up.children if c.dep_ == "dobj"]
            verb = up.head if up.pos_ == "NOUN" else up
            if verb.lemma_ != "have" or not goods:
                continue
            makers = [g for h in (noun, *goods) for p in h.children if p.dep_ == "prep"
                      and p.lower_ in {"at", "from", "with"} for g in p.children if g.dep_ == "pobj"]
            makers = makers or [c for g in goods if g.tag_ == "NNS" for c in g.children
                                if c.dep_ in {"compound", "nmod"} and c.i < g.i and c.i in by_token]
            makers = [m for m in makers if m.i in by_token and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization")]
            holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if makers and holders:
                out += self._records_between(doc, makers, holders, rel, by_token, items, rel.base_confidence - 0.15,
                                             noun, self._modality(verb))
        return out

    def _goods_stocked(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Berrocal, whose shoes are sold at Harwood and Galeries Montclair", "Kova's teas are stocked by
        Sarvana Retail": the maker of goods a retailer sells, stocks or carries (lexicon
        ``stocking_verbs``, in the passive; the retailer named by "at", "through" or "by") supplies it. The
        goods are a lower-case noun (no name: a product's seller is kg:offers) with its maker's possessive.
        So too goods handed over "to" a buyer (lexicon ``shipping_verbs``): "Veltro's filter kits are sold to
        brands such as Nordhelm", "whose chips will be shipped to Tervola" (not a stake or assets sold)."""
        rel = self.onto.relations.get("suppliesTo")
        stocking = self.onto.words("relations", "stocking_verbs")
        shipping = self.onto.words("relations", "shipping_verbs")
        verbs = [*stocking, *shipping]
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
                continue
            goods = [c for c in verb.children if c.dep_ == "nsubjpass" and c.pos_ == "NOUN" and c.is_lower
                     and c.i not in by_token and c.lemma_.lower() not in self.money_nouns]
            if verb.lemma_.lower() not in stocking:
                goods = [g for g in goods if g.lemma_.lower() not in self.not_bought_goods]
            makers = [m for g in goods for m in g.children if m.lower_ == "whose" or (
                m.i in by_token and _possessive(m) and m.pos_ != "PRON"
                and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization"))]
            shops = [g for p in verb.children if verb.lemma_.lower() in stocking and (
                p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ in {"at", "through"}))
                     for g in p.children if g.dep_ == "pobj"]
            # ("are sold to brands such as Nordhelm and Lumio": a buyer named after "to", or listed after its kind)
            shops += [x for p in verb.children if verb.lemma_.lower() in shipping and p.dep_ in {"prep", "dative"}
                      and p.lower_ == "to" for g in p.children if g.dep_ == "pobj" for x in self._with_listed(g)]
            # ("by the grocery chains Sarvana Retail and QMart": the names after the kind)
            shops += [a for g in shops if g.i not in by_token for a in g.children if a.dep_ == "appos"]
            shops += [t for g in shops if g.i not in by_token and g.is_lower for t in self._names_after(g, by_token)]
            shops = [t for t in shops if t.i in by_token and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
            if makers and shops:
                out += self._records_between(doc, makers, shops, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _used_goods(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Telvio and Norcom use Kestrel radios", "whose Weaver software is used by Archon": the maker of
        goods a firm uses (lexicon ``using_verbs``) supplies it. The goods are a lower-case noun (not
        money) with the maker's name before it or its possessive; a named product says nothing of who
        sold it, and is left alone. (Goods used "from" a firm are the trigger's own reading.)"""
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "using_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB":
                continue
            goods, users, passive = acted_on(verb)
            if not users:
                users = self._inherited_agents(verb)
            if passive and not goods and verb.dep_ == "conj":
                # ("Kelvor's platform runs on Tarsa chips and is used by Orla": the subject it is joined to)
                goods = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # ("used by logistics group Halvern": the name right after the kind)
            users = users + [t for u in users if passive and u.i not in by_token and u.is_lower
                             for t in self._names_after(u, by_token)]
            for noun in goods:
                if noun.pos_ != "NOUN" or not noun.is_lower or noun.i in by_token \
                        or noun.lemma_.lower() in self.money_nouns:
                    continue
                makers = [c for c in noun.children if c.i in by_token and (
                    _possessive(c) or (c.dep_ in {"compound", "nmod"} and c.i < noun.i))] + [
                    c for c in noun.children if c.lower_ == "whose"]
                # ("use inverters supplied by SMA Solar": the maker or supplier the participle names)
                makers += [g for a in noun.children if a.dep_ == "acl" and a.tag_ == "VBN"
                           and (a.lemma_.lower() in MAKING_VERBS or a.lemma_.lower() == "supply")
                           for g in by_agents(a)]
                # (not "its own billing system": a pronoun's goods are most often the user's own; and users
                # by name: "used by several Brazilian banks" is not used by Brazil, nor "used by 40,000
                # merchants, including X" by X)
                # (a pronoun's goods used "by" another are the pronoun's: "its main product is used by Orla")
                firms = [m for m in makers if m.lower_ == "whose" or (
                    m.i in by_token and (m.pos_ != "PRON" or passive)
                    and self.onto.is_a(items[by_token[m.i]]["cls"], "Organization"))]
                # ("its new parks use X": the owner of the user's sites)
                users = [w for u in users for w in ([u] if u.i in by_token else self._works_owners(u, by_token))]
                users = [u for u in users if u.i in by_token and items[by_token[u.i]]["via"] != "demonym"]
                if firms and users:
                    out += self._records_between(doc, firms, users, rel, by_token, items, rel.base_confidence - 0.15,
                                                 verb, self._modality(verb))
        return out
