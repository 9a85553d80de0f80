"""Relations read from goods a firm pays for or works on (kg:suppliesTo).

A deal signed for goods: "the ministry signed a $900 million contract with Kestrel Rotorcraft for eight
helicopters", "placed an order with Rovane Engines for 40 engines": whom a buyer signs a contract, deal or
order with for goods supplies the buyer. The words are lexicon.toml's ``goods_deal_verbs`` and
``goods_deal_nouns``; the goods are plural, or a quantity "of" plural goods ("the supply of 40,000
tonnes"), and no stake, assets or money (``not_bought_goods``): "a deal with Orlan for its shares" is a
sale of a firm, and "a deal with Orlan to merge their units" names no goods at all.

Systems a firm runs or keeps its own things on: "keeps its user records on servers run by Rackhold", "hosts
its apps on cloud servers supplied by Norvo", "spent $2 billion on pumps and a control system supplied by
Marden": who supplies, runs or built them (a participle of lexicon ``provider_participles`` with "by")
supplies the firm, where the verb is one of running, keeping or paying for things (``hosting_verbs``; not
"said at a conference run by Orlan").

Goods a firm supplies that are another's: "Kelvor Cells, which supplies all of its batteries", "Kelvor and
Brisco supply nearly all of Halden Telecom's network", "supplies the engines of Brisco Air": the owner of
the goods (their possessive, or "of" after them; also after a quantity's "of") is supplied, where a verb
of lexicon ``supplying_verbs`` names no one it supplies "to" or "for" and the owner is not the supplier.
So in the passive, with the supplier after "by": "Orlan Bank's billing platform, which was supplied by Kelvor
Software", "the engines of Brisco Air are supplied by Kelvor Turbines".
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import antecedent, by_agents
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive

__all__ = ["Purchases"]


class Purchases:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who a deal for goods is signed with."""

    def _goods(self, noun: Token) -> bool:
        """Whether ``noun``, what a deal is "for", is goods: a plural lower-case noun that is no stake, asset or
        money, or a noun whose "of" names such ("the supply of 40,000 tonnes of steel")."""
        def plural_goods(t: Token) -> bool:
            return t.pos_ == "NOUN" and t.tag_ == "NNS" and t.is_lower and t.lemma_.lower() not in self.not_bought_goods

        return plural_goods(noun) or (noun.pos_ == "NOUN" and noun.is_lower and any(
            plural_goods(g) for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children if g.dep_ == "pobj"))

    def _deals_for_goods(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "goods_deal_verbs")
        nouns = self.onto.words("relations", "goods_deal_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs and nouns else ():
            if verb.pos_ != "VERB":
                continue
            deals = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns]
            if not deals:
                continue
            # (the parser hangs "with" and "for" on the verb, the noun, or "for" on the name after "with")
            heads = [verb, *deals]
            sellers = [g for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "with"
                       for g in p.children if g.dep_ == "pobj"]
            goods = [g for h in (*heads, *sellers) for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                     for g in p.children if g.dep_ == "pobj"]
            sellers = [s for s in sellers if s.i in by_token
                       and self.onto.is_a(items[by_token[s.i]]["cls"], "Organization")]
            if not sellers or not any(self._goods(g) for g in goods):
                continue
            buyers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if buyers:
                out += self._records_between(doc, sellers, buyers, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
        return out

    def _supplied_owners(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "supplying_verbs")
        in_context = self.onto.words("relations", "context_supplied_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or any(c.dep_ == "dative" or (
                    c.dep_ == "prep" and c.lower_ in {"to", "for"}) for c in verb.children):
                continue
            agents = by_agents(verb)
            if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN"):
                # "Orlan's platform, which was supplied by Kelvor", "Orlan's seats, supplied by Kelvor": what
                # the passive's subject or the participle's noun stands for (and the noun a name is apposed to)
                goods = [antecedent(c) for c in verb.children if c.dep_ == "nsubjpass"] + ([verb.head] if verb.dep_ == "acl" else [])
                goods += [g.head for g in goods if g.dep_ == "appos"]
                goods = [x for g in goods for x in (g, *g.conjuncts)]
                sellers = agents
            else:
                goods = [g for c in verb.children if c.dep_ == "dobj" for g in (c, *c.conjuncts)]
                sellers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            goods += [g for t in goods if t.i not in by_token for g in [self._portion_of(t)] if g is not None]
            # (goods, no firm, a role or a deal: not "supplies Orlan's rivals"; a product's name with a possessive)
            goods = [g for g in goods if (g.i not in by_token and g.pos_ == "NOUN" and g.is_lower
                                          or (g.i in by_token and items[by_token[g.i]]["cls"] == "Product"))
                     and g.lemma_.lower() not in self.trigger_nouns | self.money_nouns | (self.kind_nouns - self.product_nouns)]
            owners = [o for g in goods for o in g.children if _possessive(o)] + [
                o for g in goods for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                for o in p.children if o.dep_ == "pobj"]
            owners = [o for o in owners if o.i in by_token
                      and self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")]
            sold = {items[m[0]]["name"] for s in sellers for m in self._map(s, by_token, items)}
            owners = [o for o in owners if not {items[m[0]]["name"] for m in self._map(o, by_token, items)} & sold]
            if not owners and sellers and verb.lemma_.lower() in in_context \
                    and (any(c.dep_ == "auxpass" for c in verb.children) or verb.dep_ == "acl"):
                # ("... made by Velto Motors, saying inflators supplied by Corvane could rupture"): goods
                # with no owner written on them are the firm's the text is about
                owners = [o for g in goods[:1] for o in self._firm_in_context(g, sold, by_token, items)]
            if owners and sellers:
                out += self._records_between(doc, sellers, owners, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
        return out

    def _firm_in_context(self, goods: Token, sold: set[str], by_token: dict[int, int],
                         items: list[dict[str, Any]]) -> list[Token]:
        """The firm goods no owner is written on ("the devices are supplied by Kelvor", "inflators supplied by
        Corvane") are supplied to: none where the goods have a possessive ("whose", "its"); else the nearest
        firm named before them in their sentence (not in a relative clause they are not in), or the one firm
        the sentence before names (none where it names more than one). Not a government body, not the
        supplier."""
        if any(c.dep_ == "poss" for c in goods.children):
            return []
        doc = goods.doc

        def firms(toks: Any) -> list[Token]:
            out = []
            for t in toks:
                it = items[by_token[t.i]] if t.i in by_token else None
                if it is not None and it["start"] == t.i and it["via"] in {"", "gazetteer"} \
                        and self.onto.is_a(it["cls"], "Organization") \
                        and not self.onto.is_a(it["cls"], "GovernmentBody") and it["name"] not in sold:
                    out.append(t)
            return out

        def aside(t: Token) -> bool:
            # (a firm named in a relative clause the goods are not in: "Fujiwa, which competes with Sorabe, ...")
            return any(a.dep_ == "relcl" and not (a.left_edge.i <= goods.i <= a.right_edge.i) for a in t.ancestors)

        sent = goods.sent
        before = [t for t in firms(doc[sent.start:goods.i]) if not aside(t)]
        if before:
            return before[-1:]
        if sent.start == 0:
            return []
        prev = firms(doc[sent.start - 1].sent)
        return prev[:1] if len({items[by_token[t.i]]["name"] for t in prev}) == 1 else []

    def _hosted_on(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "hosting_verbs")
        participles = self.onto.words("relations", "provider_participles")
        out: list[dict[str, Any]] = []
        # (the preposition on the verb, or on its object: "hosts its apps/dobj on cloud servers"; in text order)
        preps = sorted(((v, p) for v in self._tokens_with_lemma(doc, verbs) if v.pos_ == "VERB"
                        for h in (v, *(c for c in v.children if c.dep_ == "dobj")) for p in h.children
                        if p.dep_ == "prep" and p.lower_ in {"on", "onto", "at"}), key=lambda vp: vp[1].i) \
            if rel and verbs else []
        for verb, prep in preps:
            things = [x for g in prep.children if g.dep_ == "pobj" for x in (g, *g.conjuncts)
                      if x.pos_ == "NOUN" and x.is_lower and x.i not in by_token]
            sellers = [o for x in things for a in x.children if a.dep_ == "acl" and a.tag_ == "VBN"
                       and a.lemma_.lower() in participles
                       for o in by_agents(a) if o.i in by_token
                       and self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")]
            # ("runs its accounts on software from Ledgra", "run systems on Coralbay's database service": the
            # firm whose possessive is on the things, or named "from" right after them; not a stake, money or
            # rights, "trains its model on the label's catalogue", though a service may be a firm's part too)
            if prep.lower_ != "at":
                sellers += [o for x in things if x.lemma_.lower() not in (self.not_bought_goods - {"service"})
                            | self.trigger_nouns for o in [
                                *(c for c in x.children if _possessive(c) and c.pos_ != "PRON"),
                                *(g for p in (*x.children, *verb.children) if p.dep_ == "prep" and p.lower_ == "from"
                                  and p.i == x.right_edge.i + 1 for g in p.children if g.dep_ == "pobj")]
                            if o.i in by_token and self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")]
            if not sellers:
                continue
            firms = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            firms = [o for f in firms for o in self._runners(f, verb, by_token)]
            firms = [f for f in firms if f.i in by_token
                     and self.onto.is_a(items[by_token[f.i]]["cls"], "Organization")]
            if firms:
                out += self._records_between(doc, sellers, firms, rel, by_token, items, rel.base_confidence - 0.15,
                                             prep, self._modality(verb))
        return out

    def _runners(self, subj: Token, verb: Token, by_token: dict[int, int]) -> list[Token]:
        """Who runs things, from the subject of a verb of running them: a name; the owner of goods that run
        ("its phones run on chips from Qualvo": its); the names a clause "all of which" hangs on ("Orlan
        Bank and Kelvor Air, all of which run systems on ...")."""
        if subj.i in by_token:
            return [subj]
        if subj.lower_ in {"all", "both", "each"} and verb.dep_ == "relcl" and any(
                g.lower_ == "which" for p in subj.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children):
            return [verb.head, *verb.head.conjuncts]
        if subj.pos_ == "NOUN" and subj.is_lower:
            return [c for c in subj.children if _possessive(c) and c.i in by_token]
        return []
