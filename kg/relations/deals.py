"""Deals the rules read from their construction: a firm or a stake sold to a buyer, a stake bought from
a seller, a contract won, partners in a deal, goods made with or sold through another; and whether a
fee is a set price (shares held and money raised: :mod:`kg.relations.stakes`; suppliers read from what
their customers do: :mod:`kg.relations.customers`).

A mixin of :class:`~kg.relations.rules.KGRelations`, run on what the trigger rules found.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import acted_on, by_agents, clause_head, percentage_word
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive
from .access import access_gained, use_allowed
from .records import record
from .underwritten import handled_under_a_deal

#: prepositions whose object is no thing given ("under a contract", "for a fee")
_NOT_GIVEN = frozenset({"under", "with", "in", "for", "on", "through", "by", "from", "to", "into", "after", "before"})
# Dependencies of a verb that modifies a noun ("an Oslo-based wallet", "sellers, including Orlan")
_MODIFIERS = frozenset({"amod", "compound", "prep"})


class Deals:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: sales, purchases from a seller, contracts,
    partnerships."""

    def _set_price(self, tok: Token, words: list[str]) -> bool:
        """Whether the price noun of the trigger ``words`` that ``tok`` governs is a set sum ("an annual
        licence fee", "a fixed monthly fee"), not a share: no percentage in its phrase ("a 30% fee", "a
        fee of 15%") and a modifier of lexicon.toml's ``set_price_modifiers``."""
        near = [c for c in tok.children] + [g for c in tok.children if c.dep_ == "prep" for g in c.children]
        near += [g for c in tok.children if c.dep_ == "dobj" for p in c.children if p.dep_ == "prep"
                 for g in p.children if g.dep_ == "pobj"]
        if tok.dep_ in {"compound", "amod"}:
            near.append(tok.head)
        prices = [t for t in near if t.lemma_.lower() in self.set_price_nouns and t.lemma_.lower() in words]
        return bool(prices) and all(self._fixed(t) for t in prices)

    def _fixed(self, price: Token) -> bool:
        """A price noun that is a set sum: no percentage in its phrase, a set-price modifier on it."""
        return not any(percentage_word(w)
                       or (w.lower_ == "per" and w.i + 1 < len(w.doc) and w.nbor().lower_ == "cent")
                       for w in price.subtree) \
            and any(c.dep_ in {"amod", "compound", "nmod"} and c.lower_ in self.set_price_modifiers
                    for c in price.children)

    def _sales(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
               ) -> tuple[list[dict[str, Any]], set[int]]:
        """"Veltro sold its Quillo unit to Harbor Capital" (Harbor Capital acquires Quillo), "sold its
        stake in Quillo to Harbor" (Harbor investsIn Quillo): a ``kg:saleTrigger`` verb hands its
        direct object over to whom "to" names. And "bought a stake in Quillo from Harbor": what a
        purchase verb takes "from" a seller the seller held (Harbor investsIn Quillo, whatever the
        purchase's own modality). Returns the records and the indices of the verbs so read, which
        state no supply or offer."""
        sellers = self.sale_verbs
        out: list[dict[str, Any]] = []
        verbs: set[int] = set()
        for verb in self._tokens_with_lemma(doc, set(self.purchase_verbs)) if self.purchase_verbs else ():
            rel = self.purchase_verbs[verb.lemma_.lower()]
            for obj in (c for c in verb.children if c.dep_ == "dobj") if verb.pos_ == "VERB" else ():
                # "from Harbor" on the verb or on the stake
                owners = [(n, cost) for p in (*verb.children, *obj.children) if p.dep_ == "prep"
                          and p.lower_ in rel.source_preps for g in p.children if g.dep_ == "pobj"
                          for n, cost, _ in self._map(g, by_token, items)]
                held = self._held(obj, by_token, items) if owners else []
                if held:
                    verbs.add(verb.i)
                out += self._handed_over(doc, items, owners, held, verb, "fact")
        sale = "sell" in sellers
        for verb in self._tokens_with_lemma(doc, set(sellers) | ({"sale"} if sale else set())) if sellers else ():
            noun = verb.pos_ == "NOUN" and verb.lemma_.lower() == "sale"
            if verb.pos_ != "VERB" and not noun:
                continue
            buyers = [(n, cost) for p in verb.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj" for n, cost, _ in self._map(g, by_token, items)]
            if noun:  # ("completed the sale of X to Y": "to" hung on the verb, or on what is sold)
                heads = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children] \
                    + ([verb.head] if verb.dep_ == "dobj" else [])
                buyers += [(n, cost) for h in heads for p in h.children if p.dep_ == "prep" and p.lower_ == "to"
                           and p.i > verb.i for g in p.children if g.dep_ == "pobj"
                           for n, cost, _ in self._map(g, by_token, items)]
            rel = sellers["sell" if noun else verb.lemma_.lower()]
            # (or the subject of a passive: "Quillo was sold to Harbor Capital"; or what a sale is "of":
            # "the sale of its 25% stake in Brennwald to Triton")
            objs = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                    if g.dep_ == "pobj"] if noun else [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
            for obj in objs:
                sold = [(rel, n, cost) for n, cost, _ in self._map(obj, by_token, items)
                        if self.onto.fits(items[n]["cls"], rel.range)]
                if not sold:
                    sold = self._held(obj, by_token, items)
                if (obj.lemma_.lower() in self.holding_nouns and obj.i not in by_token) \
                        or self._sites_sold(obj, by_token, items):
                    # "sold a stake in its tower unit to KKR", "sold its Ticketmaster unit": no supply,
                    # named or not, to a buyer named or not (nor its sites: "sold its clinics to X")
                    verbs.add(verb.i)
                if sold and not noun:
                    out += self._units_sold(doc, verb, sold, items, by_token)
                if not sold or not buyers:
                    continue
                verbs.add(verb.i)
                out += self._handed_over(doc, items, buyers, sold, verb, self._modality(verb))
        return out, verbs

    def _units_sold(self, doc: Doc, verb: Token, sold: list[tuple[Any, int, float]], items: list[dict[str, Any]],
                    by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Ardent Petroleum to sell refining arm Ardent Raffinage": a name sold under a word for a part of an
        organisation (lexicon.toml ``organisation_parts``) with no owner written is the seller's unit
        (kg:subsidiaryOf, presupposed whatever the sale's modality)."""
        rel = self.onto.relations.get("subsidiaryOf")
        sellers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
        out: list[dict[str, Any]] = []
        for _, n, _ in sold if rel is not None and sellers else ():
            before = doc[items[n]["start"] - 1] if items[n]["start"] > 0 else None
            if before is None or not before.is_lower or before.lemma_.lower() not in self.organisation_parts \
                    or any(_possessive(t) for t in doc[verb.i + 1:before.i]):
                continue
            out += self._records_between(doc, [doc[items[n]["start"]]], sellers, rel, by_token, items,
                                         rel.base_confidence - 0.15, before, "fact")
        return out

    def _handed_over(self, doc: Doc, items: list[dict[str, Any]], parties: list[tuple[int, float]],
                     things: list[tuple[Any, int, float]], verb: Token, modality: str) -> list[dict[str, Any]]:
        """A record of each (relation, item, cost) in ``things`` from each (item, cost) in ``parties``
        (a buyer's, or a seller's before the sale), where the two classes fit the relation."""
        out: list[dict[str, Any]] = []
        for r, n, cost in things:
            for p, p_cost in parties:
                party, thing = items[p], items[n]
                if party["name"] != thing["name"] and self.onto.fits(party["cls"], r.domain) \
                        and self.onto.fits(thing["cls"], r.range):
                    out.append(record(doc, party, r.name, thing, r.base_confidence - 0.1 - cost - p_cost,
                                      verb, modality))
        return out

    def _held(self, obj: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[tuple[Any, int, float]]:
        """"its stake in Quillo": a noun that is the event noun of a relation, with that relation's object
        after one of its prepositions; "40% of Quillo": a share of a firm, an investment below half and
        the firm itself above; (relation, item, cost) for each object."""
        held: list[tuple[Any, int, float]] = []
        share = self._share_of(obj) if obj.i not in by_token else None
        rel = self.onto.relations.get("investsIn" if share is not None and share < 50 else "acquires")
        if share is not None and share != 50 and rel is not None:
            return [(rel, n, cost) for p in obj.children if p.dep_ == "prep" and p.lower_ == "of"
                    for g in p.children if g.dep_ == "pobj" for n, cost, _ in self._map(g, by_token, items)
                    if self.onto.fits(items[n]["cls"], rel.range)]
        if obj.pos_ == "NOUN" and obj.i not in by_token:
            for trig in self.index.get(obj.lemma_.lower(), ()):
                if trig.kind == "event" and len(trig.words) == 1:
                    held += [(trig.relation, n, cost) for p in obj.children if p.dep_ == "prep"
                             and p.lower_ in trig.relation.object_preps for g in p.children
                             if g.dep_ == "pobj" for n, cost, _ in self._map(g, by_token, items)]
        return held

    def _working_with(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"Cyclera works with Kamiro Denki on scrap", "Brismart and Tenbury's, which also work with
        Ridevo", "opened a region in partnership with Dariyah Telecom": organisations that work
        together, or act in a partnership with another, are partners (kg:partnersWith; the lexicon's
        ``partnering_verbs`` and the relation's event nouns). Between organisations only, and no
        government body: a person who works with a firm is read by kg:worksFor, if at all, and a firm
        that "would work with the regulator" has no partner in it."""
        rel = self.onto.relations.get("partnersWith")
        if rel is None or not self.partnering_verbs:
            return []
        nouns = {w[0] for w in rel.triggers if len(w) == 1}
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.partnering_verbs | nouns):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.partnering_verbs:
                verb = tok  # "works with Kamiro Denki"
            elif tok.pos_ == "NOUN" and lemma in nouns and tok.dep_ == "pobj" and tok.head.lower_ == "in" \
                    and tok.head.head.pos_ in {"VERB", "AUX"}:
                verb = tok.head.head  # "opened a region in partnership with Dariyah"
            else:
                continue
            partners = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "with"
                        for g in p.children if g.dep_ == "pobj"]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if not partners or not subjects:
                continue
            # (not a regulator one "would work with": a body is no business partner)
            found = self._records_between(doc, subjects, partners, rel, by_token, items, rel.base_confidence - 0.15,
                                          tok, self._modality(verb))
            out += self._between_businesses(found)
        return out

    def _between_businesses(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The ``records`` between two organisations neither of which is a government body: partners in
        business (a person who works with a firm is read by kg:worksFor, and a regulator is no partner)."""
        return [r for r in records if all(self.onto.is_a(c, "Organization") and not self.onto.is_a(c, "GovernmentBody")
                                          for c in (r["s_cls"], r["o_cls"]))]

    def _kinds_of_deal(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Cyclera signs battery deal with Osterby", "signed a 15-year bancassurance deal with X": a deal
        of a kind signed with an organisation makes partners (kg:partnersWith), unless its kind is
        another relation's word ("supply deal", "purchase deal") or money's (lexicon.toml
        ``deal_nouns``, ``deal_verbs``). Between organisations only, no government body."""
        rel = self.onto.relations.get("partnersWith")
        if rel is None or not self.deal_nouns:
            return []
        others = self.other_deal_kinds
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.deal_nouns):
            verb = noun.head
            kinds = [c for c in noun.children if c.dep_ in {"compound", "amod", "nmod"} and c.is_lower and c.i < noun.i
                     and c.lemma_.lower() not in self.deal_verbs]
            if any(k.lemma_.lower() in others or k.lower_ in others for k in kinds):
                continue
            # ("has struck a deal with X": a deal of no kind signed with one is a partnership too, unless a clause
            # on it says it is another relation's: "a deal with X to supply it with gas", "to buy Y")
            clauses = [c for h in (noun, noun.head) for c in h.children if c.dep_ in {"acl", "relcl", "xcomp", "advcl"}]
            if not kinds and (noun.dep_ != "dobj" or verb.lemma_.lower() not in self.deal_verbs
                              or any(c.lemma_.lower() in others for c in clauses)):
                continue
            partners = [g for p in list(noun.children) + list(verb.children) if p.dep_ == "prep" and p.lower_ == "with"
                        for g in p.children if g.dep_ == "pobj"]
            if noun.dep_ == "dobj" and verb.lemma_.lower() in self.deal_verbs:
                subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            else:  # "Recycler Cyclera signs/compound battery deal with X": a headline's parse, read off the surface
                verb = doc[min(k.i for k in kinds) - 1] if min(k.i for k in kinds) > 0 else noun
                n = by_token.get(verb.i - 1)
                if verb.lemma_.lower() not in self.deal_verbs or n is None \
                        or not (verb.tag_ in {"VBZ", "VBD"} or verb.lower_.endswith("s")):  # ("signs/NNS")
                    continue
                subjects = [self._root_of(doc, items[n])]
            found = self._records_between(doc, subjects, partners, rel, by_token, items, rel.base_confidence - 0.15,
                                          noun, self._modality(verb))
            out += self._between_businesses(found)
        return out

    @cached_property
    def partnership_nouns(self) -> frozenset[str]:
        """The nouns a thing is done "under" to make partners ("under a partnership"): kg:partnersWith's
        one-word noun triggers, less lexicon ``deal_kinds_not_partners``."""
        rel = self.onto.relations.get("partnersWith")
        return frozenset() if rel is None else \
            frozenset(w[0] for w in rel.triggers if len(w) == 1) - self.deal_kinds_not_partners

    def _under_partnerships(self, doc: Doc) -> Iterator[tuple[Token, Token]]:
        """(noun, verb) of each "under a partnership" (:attr:`partnership_nouns`), with the verb of the clause
        it is in (the parser may hang "under" on a word of the clause); read by :meth:`_under_a_deal` and
        :func:`kg.relations.underwritten.handled_under_a_deal`."""
        for noun in self._tokens_with_lemma(doc, self.partnership_nouns):
            if noun.pos_ == "NOUN" and noun.dep_ == "pobj" and noun.head.lower_ == "under":
                yield noun, clause_head(noun.head)

    def _under_a_deal(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"Stockly will pay Grab a commission under a partnership announced on Thursday", "will give X access
        to its scrap under a ten-year partnership": what is done "under" a partnership (kg:partnersWith's
        one-word noun triggers) makes partners of the clause's subject and whom it is
        done to (the verb's object or recipient, or "to", "for" or "with" on it). Between organisations
        only, no government body."""
        rel = self.onto.relations.get("partnersWith")
        if rel is None:
            return []
        out: list[dict[str, Any]] = []
        for noun, verb in self._under_partnerships(doc):
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            partners = [c for c in verb.children if c.dep_ in {"dative", "dobj"}]
            # ("give Circulo Metals access": a name the parser made a compound of the object)
            partners += [g for c in partners if c.dep_ == "dobj" for g in c.children
                         if g.dep_ == "compound" and g.i in by_token and g.i < c.i]
            partners += [g for p in verb.children if p.dep_ in {"prep", "dative"} and p.lower_ in {"to", "for", "with"}
                         for g in p.children if g.dep_ == "pobj"]
            found = self._records_between(doc, subjects, partners, rel, by_token, items, rel.base_confidence - 0.2,
                                          noun, self._modality(verb))
            out += self._between_businesses(found)
        return out + handled_under_a_deal(self, doc, items, by_token)

    def _access_given(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"is giving the World Food Programme, UNICEF and the Red Cross free access to its network",
        "gives researchers at ETH Zurich access to its supercomputer": a verb of a two-word trigger
        whose noun comes after the ones it is given to (kg:providesAccessTo's "give access") gives
        each organisation or person named between them, read off the surface, which the small parser
        often gets wrong in so long a phrase (the noun taken for part of the list)."""
        # (and "gained access to X's network", "let Y use its towers": kg.relations.access)
        out = access_gained(self, doc, items, by_token) + use_allowed(self, doc, items, by_token)
        for tok in self._tokens_with_lemma(doc, set(self.given_nouns)) if self.given_nouns else ():
            if tok.pos_ != "VERB":
                continue
            for rel, nouns in self.given_nouns[tok.lemma_.lower()]:
                # (the noun is one of the 30 words after the verb: none there, nothing to read)
                if not any(tok.i < k <= tok.i + 30 for k in self._token_ids(nouns)):
                    continue
                j = tok.i + 1
                while j < min(len(doc), tok.i + 30) and doc[j].lemma_.lower() not in nouns:
                    # (a verb that modifies a noun of the list is none: "Kvessa, an Oslo-based wallet,")
                    if doc[j].text in {".", ";", ":"} or doc[j].pos_ in {"VERB", "AUX"} and doc[j].dep_ not in _MODIFIERS:
                        break
                    j += 1
                if j >= len(doc) or doc[j].lemma_.lower() not in nouns or j == tok.i + 1 or doc[j].pos_ != "NOUN" \
                        or (doc[j].dep_ == "pobj" and doc[j].head.lower_ in _NOT_GIVEN):
                    continue  # (a noun, given: not "will supply Fennick ... under a three-year contract")
                if doc[j].lemma_.lower() in self.set_price_nouns and self._fixed(doc[j]):
                    continue  # "pays Halden an annual licence fee": a payment, read by the trigger rules
                given = sorted({by_token[i] for i in range(tok.i + 1, j) if i in by_token})
                # (not an owner: "pays Mekong's local agent, Tala Brokerage, a commission")
                # (and a description the coreference resolved, "gives the retailer access": not a pronoun,
                # which the parse reads)
                given = [n for n in given if (items[n]["via"] in {"", "gazetteer"} or (
                    items[n]["via"] == "coref" and doc[items[n]["start"]].lower_ == "the")) and not _possessive(
                    self._root_of(doc, items[n])) and self.onto.fits(items[n]["cls"], rel.range)
                         and not self.onto.is_a(items[n]["cls"], "Location")]
                holders = [c for c in tok.children if c.dep_ in _SUBJ] or self._inherited_agents(tok)
                if not given or not holders:
                    continue
                modality = self._modality(tok)
                for h in holders:
                    # (what one is ordered to give is not yet given: "ordered X to give Y access")
                    held = "hypothetical" if modality == "fact" and "restricts" not in self.onto.ancestors(rel.name) \
                        and self._ordered_to(tok, h) else modality
                    for s_i, cost, _ in self._map(h, by_token, items):
                        si = items[s_i]
                        if not self.onto.fits(si["cls"], rel.domain):
                            continue
                        out += [record(doc, si, rel.name, items[n], rel.base_confidence - 0.1 - cost, tok, held)
                                for n in given if items[n]["name"] != si["name"]]
        return out

    def _contracts(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                   ) -> tuple[list[dict[str, Any]], set[int]]:
        """"Velora won a $40 million contract from the Navy", "won a contract to host data for the
        ministry", "was awarded a contract by the Navy", "the Navy awarded Velora a contract": who wins
        a contract (lexicon.toml ``contract_nouns``, ``contract_verbs``) supplies the client. Returns the
        records and the indices of the nouns so read ("an order from Orlan" names the customer, not
        the seller its trigger would)."""
        out: list[dict[str, Any]] = []
        read: set[int] = set()
        if "suppliesTo" not in self.onto.relations or not self.contract_nouns:
            return out, read
        rel = self.onto.relations["suppliesTo"]
        for verb in self._tokens_with_lemma(doc, self.contract_verbs | self.order_holding_verbs | {"award"}):
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                     and c.lemma_.lower() in self.contract_nouns]
            if verb.lemma_.lower() not in self.contract_verbs | {"award"}:
                # (one holds orders, not contracts or tenders: "has a contract with X" says not who supplies)
                nouns = [n for n in nouns if n.lemma_.lower() == "order"]
            if not nouns:
                continue
            subj = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            # "won an order (worth $2 billion) for eight carriers from Qatargas", "awarded a contract for 40
            # trains to Trenova": the parser hangs the other side on the goods the contract is for
            goods = [g for h in (verb, *nouns, *(a for n in nouns for a in n.children if a.dep_ == "amod"))
                     for p in h.children if p.dep_ == "prep" and p.lower_ == "for"
                     for g in p.children if g.dep_ == "pobj" and g.i not in by_token]
            if verb.lemma_.lower() == "award":
                if any(c.dep_ == "auxpass" for c in verb.children):  # "X was awarded a contract by Y"
                    winners = [c for c in verb.children if c.dep_ == "nsubjpass" and c not in nouns]
                    clients = by_agents(verb)
                else:  # "Y awarded X a contract", "Y awarded a contract to X"
                    clients = subj
                    winners = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                    winners += [g for c in [*verb.children, *(p for g in goods for p in g.children)]
                                if c.dep_ in {"dative", "prep"} and c.lower_ == "to"
                                for g in c.children if g.dep_ == "pobj"]
            else:
                winners = subj
                # "from the Navy" on the verb or the noun; "to host data for the ministry" in the noun's clause
                preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "with", "for"}]
                for noun in nouns:
                    preps += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "with", "for"}]
                    preps += [p for a in noun.children if a.dep_ in {"acl", "relcl"} for p in a.children
                              if p.dep_ == "prep" and p.lower_ == "for"]
                preps += [p for g in goods for p in g.children if p.dep_ == "prep" and p.lower_ == "from"]
                clients = [g for p in preps for g in p.children if g.dep_ == "pobj"]
                # "Weidegold wins Aldi cheese contract", "won the Navy's contract": the client written before
                clients += [t for noun in nouns for t in noun.subtree if t.i < noun.i
                            and t.dep_ in {"compound", "nmod", "poss"} and t.i in by_token
                            and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
            if not winners or not clients:
                continue
            read.update(n.i for n in nouns)
            out += self._records_between(doc, winners, clients, rel, by_token, items, rel.base_confidence - 0.1, verb,
                                         self._modality(verb))
        return out, read

    def _one_word_triggers(self, name: str) -> frozenset[str]:
        """The one-word kg:trigger words of relation ``name`` (none if the ontology lacks it), made once."""
        cache = self._one_word_trigger_sets
        if name not in cache:
            rel = self.onto.relations.get(name)
            cache[name] = frozenset(w[0] for w in rel.triggers if len(w) == 1) if rel is not None else frozenset()
        return cache[name]

    def _made_with(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"RimbaBiz, an app the bank developed with software firm Zeta", "Bakong, which the central bank
        built with Soramitsu", "its GCrypto feature, built with exchange PDAX": the firm a product was
        made "with" makes it too (kg:develops), and partners whoever made it with them. The verbs are
        kg:develops' one-word verb triggers; the product is the verb's object or the noun its clause
        describes."""
        rel, partners = self.onto.relations.get("develops"), self.onto.relations.get("partnersWith")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self._one_word_triggers("develops")):
            if verb.pos_ != "VERB":
                continue
            things = [c for c in verb.children if c.dep_ == "dobj"] + (
                [verb.head] if verb.dep_ in {"relcl", "acl"} else [])
            # (a thing no one has named yet, where the parser may hang "with" on it: "is developing a plant with
            # Ford and X", "is building its own satellite network with SES")
            unnamed = [c for c in things if c.dep_ == "dobj" and c.pos_ == "NOUN" and c.is_lower and c.i not in by_token
                       and c.ent_type_ != "MONEY" and c.lemma_.lower() not in self.money_nouns]
            makers = [g for w in [verb, *unnamed] for p in w.children if p.dep_ == "prep" and p.lower_ == "with"
                      for g in p.children if g.dep_ == "pobj" and g.i in by_token
                      and self.onto.is_a(items[by_token[g.i]]["cls"], "Organization")]
            if not makers:
                continue
            modality = self._modality(verb)
            made = self._records_between(doc, makers, things, rel, by_token, items, rel.base_confidence - 0.1,
                                         verb, modality)
            out += made
            subjects = [c for c in verb.children if c.dep_ in _SUBJ and c.lower_ not in {"which", "that"}]
            if partners is not None and not made and unnamed:
                out += self._between_businesses(self._records_between(
                    doc, subjects or self._inherited_agents(verb), makers, partners, by_token, items,
                    partners.base_confidence - 0.2, verb, modality))
            if partners is not None and made:  # (partners in what this verb made, not an earlier one's)
                out += self._records_between(doc, subjects, makers, partners, by_token, items,
                                             partners.base_confidence - 0.15, verb, modality)
        return out

    def _sold_through(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"MvulaCover, a policy sold through mobile operator Zamtel", "AstroGo will be offered through the
        Rydo app", "sells its Qiao hatchback through dealer Motorhuis": whoever a product is sold or
        offered through offers it too (kg:offers' one-word verb triggers). The seller's channel is an
        organisation named after "through", "via" or "on" ("sold on Flipkart"), or one named right before the
        app, store or platform there."""
        rel = self.onto.relations.get("offers")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self._one_word_triggers("offers")):
            if verb.pos_ != "VERB":
                continue
            channels = []
            # (or "on" a firm, a marketplace: "will sell it through 300 dealers and on Flipkart", the
            # prepositions joined)
            # (or hung on what is sold: "sells the VB Zap on Flipkart")
            preps = [q for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.children
                     if p.dep_ == "prep" for q in (p, *p.conjuncts)]
            for g in (g for p in preps if p.lower_ in {"through", "via", "on"}
                      for g in p.children if g.dep_ == "pobj"):
                # (the firm whose app, store or platform it is; or who runs the showrooms it is sold through)
                named = [g] + [c for c in g.children if c.dep_ in {"compound", "poss"}] + [
                    x for a in g.children if a.dep_ == "acl" and a.lemma_ in {"run", "operate"}
                    for x in by_agents(a)]
                channels += [t for t in named if t.i in by_token
                             and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
            things, _, _ = acted_on(verb)
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                things.append(verb.head)  # "a policy sold through Zamtel"
            if channels and things:
                out += self._records_between(doc, channels, things, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
        return out

    def _retailers_sold_through(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                                ) -> list[dict[str, Any]]:
        """"Trask Foods sells its oats through Halden Markets stores", "already sells through Halden and
        Vellor": a firm that sells (lexicon ``retail_selling_verbs``, active) through another firm, or
        through that firm's shops (its name before a plural noun), supplies it. Not through a firm's app,
        store or platform written in the singular ("through the Rydo app", "the Kelvo Store"), which offers
        what is sold (lexicon ``channel_nouns``)."""
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "retail_selling_verbs")
        channels = self.onto.words("relations", "channel_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or verb.tag_ == "VBN" or any(
                    c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
                continue  # (active: not "much of it sold through Halden")
            preps = [q for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.children
                     if p.dep_ == "prep" for q in (p, *p.conjuncts) if q.lower_ == "through"]
            shops = [g for p in preps for g in p.children if g.dep_ == "pobj"]
            shops = [x for g in shops for x in (
                [g] if g.i in by_token else [c for c in g.children if c.dep_ in {"compound", "poss"} and c.i < g.i]
                if g.tag_ == "NNS" and g.is_lower else [])]
            # (not a store or app by its name: "through the Kelvo Games Store" offers what is sold)
            shops = [t for t in shops if t.i in by_token and t.pos_ != "PRON"
                     and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")
                     and doc[items[by_token[t.i]]["end"] - 1].lower_ not in channels]
            sellers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            # (a seller written by its name, as the maker a shop carries: not "it" or "which")
            sellers = [t for t in sellers if t.i in by_token and items[by_token[t.i]]["via"] in {"", "gazetteer"}]
            if shops and sellers:
                out += self._records_between(doc, sellers, shops, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out
