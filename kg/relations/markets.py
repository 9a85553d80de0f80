"""Where an organisation operates because it sells, offers or buys there: the places a trigger whose
relation makes places markets (``kg:placeIsMarket``) reads, "sells phones in Brazil", "to drivers in
France", "still uses Pomelle's payment system in Europe" (kg:operatesIn).

A mixin of :class:`~kg.relations.rules.KGRelations`.
"""

from __future__ import annotations

from typing import Any

from spacy.symbols import NOUN
from spacy.tokens import Token

from ..syntax import SUBJ as _SUBJ
from ..syntax import COPULAS, by_agents, clause_head, coordinated, first_conjunct, possessive, stand_in, superlative
from .records import Arg, record, trigger_token
from .state import read_once

__all__ = ["Markets"]


class Markets:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the markets a sale, an offer or a purchase names."""

    def _served(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]], buyer: bool
                ) -> tuple[tuple[Any, ...], tuple[Any, ...]]:
        """The places a verb's sale serves and the recipients' sites (none for a buyer's: "supplies arms to
        Harlanby for warehouses in Ohio" are the recipient's, not the seller's)."""
        return (tuple(self._places_served(tok, by_token, items, channels=not buyer)),
                tuple(self._recipients_sites(tok, by_token, items) if not buyer else ()))

    def _operating_where(self, doc: Any, tok: Token, trig: Any, subjects: list[Any], objects: list[Any],
                         markets: list[Any], passive: bool, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        """kg:operatesIn read off a trigger whose relation says where its place is a market
        (kg:placeIsMarket): the place of a sale, an offer or a rivalry, for the one who acts."""
        rel = trig.relation
        out: list[dict[str, Any]] = []
        # Selling or giving access "in Brazil" or "to users in Japan" means operating there, and so
        # does competing "in France" or "for work in France" (said of the subject, the one the clause is
        # about), or being "Velo's main rival in China" (the role's holder; the copula's clause decides)
        places: list[tuple[int, float]] = []
        # ("still uses Pomelle's payment system in Europe": where one buys or uses what another supplies, the
        # buyer operates; an inverse trigger's buyer is its object)
        buyer = trig.kind == "inverse" and "verb" in rel.place_is_market
        if "operatesIn" in self.onto.relations:
            if "verb" in rel.place_is_market and trig.kind in {"event", "inverse"}:
                # (read once per token on this Doc: a word is the trigger of several such relations)
                served = read_once(self._doc_state.served_read, (tok.i, buyer), self._served, tok, by_token, items,
                                   buyer)
                places = [(by_token[loc.i], extra) for loc, extra in served[0]]
                for_whom = list(served[1])
                places = [(n, extra) for n, extra in places if n not in {by_token[t.i] for _, t in for_whom}]
                out += [record(doc, items[by_token[r.i]], "operatesIn", items[by_token[t.i]],
                               self.onto.relations["operatesIn"].base_confidence - 0.15, tok, self._modality(tok))
                        for r, t in for_whom]
                started = tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.starting_verbs
                op_modality = self._modality(tok.head if started else tok) if places else "fact"
                if op_modality == "fact" and any(self._unbuilt(c) for c in tok.children if c.dep_ == "dobj"
                                                 and c.lemma_.lower() in self._one_word_triggers("operatesIn")):
                    op_modality = "hypothetical"  # "formed a venture to build a plant in Lyon": not there yet
            elif markets:  # (a role of kg:placeIsMarket "role", or one ranked: "the largest lender in Latvia")
                places = [(loc.item, 0.1) for loc in markets]
                one = stand_in(tok)
                op_modality = self._modality(one.head) if one.dep_ == "attr" and one.head.lemma_ in COPULAS \
                    else "fact"
                if superlative(tok):
                    # "the third-largest lender in Latvia, behind Ostbank and NVB": those ranked ahead are
                    # in the market too
                    ahead = [n for p in tok.children if p.dep_ == "prep" and p.lower_ in {"behind", "after"}
                             for g in p.children if g.dep_ == "pobj" for n in coordinated(g) if n.i in by_token]
                    subjects = subjects + [Arg(by_token[n.i], 0.1, "ahead", n.i) for n in ahead
                                           if self.onto.is_a(items[by_token[n.i]]["cls"], "Organization")]
        if places:
            op = self.onto.relations["operatesIn"]
            # "The Zefira is sold in Belgium": what is sold where no one is named as selling it (and a
            # participle with no doer: "launches earbuds made in Shenzhen" is no site of the launcher's)
            passive_only = trig.kind == "event" and "verb" in rel.place_is_market and (
                (not subjects and passive)
                or (tok.dep_ == "acl" and tok.tag_ == "VBN" and not any(c.dep_ == "agent" for c in tok.children)))
            holders = list({x.item: x for x in (objects if passive_only or buyer else subjects)
                            if not (passive_only or buyer) or x.role.startswith("patient")}.values())
            if passive and trig.kind == "event" and "verb" in rel.place_is_market and not (passive_only or buyer):
                # "Kelvor, whose chatbot Zumo is offered in Italy": what is offered somewhere is there too, as
                # where no one is named as offering it
                holders += [x for x in objects if x.role.startswith("patient") and items[x.item]["cls"] == "Product"
                            and x.item not in {h.item for h in holders}]
            if passive_only and not holders \
                    and tok.lemma_.lower() in self.onto.words("entities", "offering_verbs"):
                holders = self._sold_goods_owners(tok, by_token, items)
            for li, extra in ((items[n], extra) for n, extra in places):
                for sa in holders:
                    si = items[sa.item]
                    # (not a person who runs or heads a site: "Omid Karimi runs its warehouse in Bremen" works there)
                    if self.onto.fits(si["cls"], op.domain) and si["name"] != li["name"] \
                            and self.onto.fits(si["cls"], rel.domain) and self.onto.fits(li["cls"], op.range) \
                            and not (si["cls"] == "Person" and tok.lemma_ in self._one_word_triggers("worksFor")):
                        out.append(record(doc, si, "operatesIn", li, op.base_confidence - extra - sa.cost, tok,
                                          op_modality))
        return out

    def _recipients_sites(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]
                          ) -> list[tuple[Token, Token]]:
        """"supplies 400 arms to Harlanby for warehouses in Ohio", "supplies Atomis with generators for a unit in Oak
        Ridge": goods for something in a place, sold to a named organisation, are for that one's own things
        there (recipient, place); the recipient operates there, not the seller."""
        withs = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        recipients = [g for c in tok.children if c.dep_ in {"prep", "dative"} and c.lower_ == "to"
                      for g in c.children if g.dep_ == "pobj"]
        recipients += [c for c in tok.children if c.dep_ == "dobj"] if withs else []
        recipients = [x for g in recipients for x in coordinated(g) if x.i in by_token
                      and self.onto.is_a(items[by_token[x.i]]["cls"], "Organization")]
        if not recipients:
            return []
        # (and "for" on the recipient, where the parser hung it there: "to Harlanby/pobj for warehouses")
        heads = [tok, *withs, *recipients, *(c for c in tok.children if c.dep_ == "dobj")]
        sites = [g for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.i not in by_token]
        places = [t for g in sites for p in g.children if p.dep_ == "prep" and p.lower_ in {"in", "at", "near", "across"}
                  for t in self._places_after(p, by_token, items)]
        return [(r, t) for r in recipients for t in places if items[by_token[r.i]]["name"] != items[by_token[t.i]]["name"]]

    def _sold_goods_owners(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Arg]:
        """"Orbix's phones are sold in Spain", "Qinmo cars sold in Europe", "drugs from Oakhurst Pharma are
        sold in Peru": the organisations whose goods a sale with no seller named is of (they sell there). Not
        what is made somewhere: goods are as often made by another for their owner."""
        if tok.dep_ in {"acl", "relcl"}:
            goods = tok.head
        else:
            goods = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if goods is None or goods.pos_ != "NOUN" or goods.i in by_token:
            return []
        owners = [c for c in goods.children if possessive(c) or c.dep_ == "compound"]
        owners += [g for p in goods.children if p.dep_ == "prep" and p.lower_ == "from"
                   for g in p.children if g.dep_ == "pobj"]
        return [Arg(by_token[n.i], 0.1, "owner", n.i) for o in owners for n in coordinated(o)
                if n.i in by_token and self.onto.is_a(items[by_token[n.i]]["cls"], "Organization")]

    def _places_served(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]],
                       channels: bool = True) -> list[tuple[Token, float]]:
        """Locations a sale or offer is made in: "sells X in China", "to drivers in France and Italy"; with
        ``channels`` false, not those of whom it goes to or through (for a buyer: "bought pumps through
        dealers in Armenia" is no market of the buyer's)."""
        found: list[tuple[Token, float]] = []

        def locations(prep: Token, extra: float) -> None:
            found.extend((t, extra) for t in self._places_after(prep, by_token, items))

        # "Chile, where it sells the drug", "Chile, where it plans to sell it": the place "where" stands for
        where = None
        clause = tok
        while clause.dep_ == "xcomp" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children):
            place = clause.head
            if place.i in by_token and self.onto.is_a(items[by_token[place.i]]["cls"], "Location"):
                found.append((place, 0.1))
                where = place
        if tok.pos_ == "NOUN" and tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.starting_verbs:
            # "will start sales in Chile next year": the parser hangs the market on the verb that starts them
            for c in tok.head.children:
                if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}:
                    locations(c, 0.15)
        # (a joined verb with a doer of its own is that one's: "made by X and distributed in China by Y"; and a
        # joined verb of a plan or a bid says no sale: "sells it in Estonia and is bidding for a contract in
        # Romania", "runs a plant in Brazil and is considering a third in Chile": lexicon ``hedges``)
        heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not any(g.dep_ in _SUBJ or g.dep_ == "agent" for g in c.children)
                         and c.lemma_.lower() not in self.hedges and c.lower_ not in self.hedges]
        def joined(c: Token) -> list[Token]:
            """A preposition joined to ``c``: "in France and through Belvia stores in Spain"."""
            return [j for j in c.children if c.dep_ == "prep" and j.dep_ == "conj" and j.pos_ == "ADP"]

        # (not where another's site is: "must sell Umbila's plant in Polokwane" is no market of the seller's)
        sold_site = {h.i for h in heads for c in h.children if c.dep_ == "dobj" and self._of_sites(c) and any(
            possessive(o) and o.i in by_token and o.lower_ not in self.onto.possessive_pronouns for o in c.children)}
        for c in (x for h in heads for c in h.children for x in [c] + joined(c)):
            # (and a preposition joined to another: "sells it at home and in Austria")
            if (c.dep_ == "prep" or c.dep_ == "conj" and c.pos_ == "ADP") and c.lower_ in {"in", "across", "throughout"} \
                    and c.head.i not in sold_site:
                locations(c, 0.1)
            if not channels and c.dep_ == "prep" and c.lower_ == "for" and c.head.i == tok.i:
                # ("bought batteries for three sites in Oregon", "ordered turbines for a project near Geelong": a
                # buyer's own things the goods are for are where the buyer operates; not a verb joined to the
                # trigger: "relies on X for batteries and is looking for suppliers in Korea")
                for g in (x for g in c.children if g.dep_ == "pobj" for x in coordinated(g)):
                    if g.pos_ == "NOUN" and g.i not in by_token:
                        for p in g.children:
                            if p.dep_ == "prep" and p.lower_ in {"in", "near", "across"}:
                                locations(p, 0.15)
            if c.dep_ == "prep" and c.lower_ == "under":
                # "offers rides under the name Rapido Moto in Cuenca": the parser hangs the place on the name
                names = [x for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() in self._sold_as_nouns
                         for x in [g] + [a for a in g.children if a.dep_ == "appos"]]
                for p in (p for x in names for p in x.children if p.dep_ == "prep" and p.lower_ in {"in", "across"}):
                    locations(p, 0.1)
            # (and "competes with Kartavo in India", "against Zumava in Kenya": the parser hangs the market on
            # the rival; and "sells it through Belvia stores in Spain": the channel's place is the seller's
            # market too)
            # (a channel only where the verb is active: not "will be sold through Valmont's dealers in
            # France", nor "microcontrollers made by X through resellers in Hong Kong")
            channel = c.lower_ in {"through", "via"}
            if channel and (tok.tag_ == "VBN" or any(g.dep_ in {"nsubjpass", "auxpass"} for g in tok.children)):
                continue
            if channels and (c.dep_ in {"prep", "dative"} or c.dep_ == "conj" and c.pos_ == "ADP") \
                    and c.lower_ in {"to", "for", "with", "against", "through", "via"}:
                served = [g for g in c.children if g.dep_ == "pobj"]
                for g in [x for g in served for x in coordinated(g)]:
                    if c.lower_ in {"to", "for"} and self._anothers_site(g, by_token, items):
                        continue  # (not "shipped cells to Ridgeback's plant in Lansing": the owner's site)
                    for p in g.children:
                        if p.dep_ == "prep" and p.lower_ in {"in", "across"}:
                            locations(p, 0.1)
            if c.dep_ == "dobj":  # "sells iPhones in China", "tickets for clubs in Tennessee"
                todo, seen = [c], 0
                while todo and seen < 5:
                    node = todo.pop(0)
                    seen += 1
                    for p in (x for p in node.children for x in [p] + joined(p)):
                        if (p.dep_ == "prep" or p.dep_ == "conj" and p.pos_ == "ADP") \
                                and p.lower_ in {"in", "across", "throughout"}:
                            locations(p, 0.15)
                        elif p.dep_ == "conj" and node.dep_ in {"dobj", "conj"}:
                            todo.append(p)  # "sells cookware and bedding in Poland": "in" on the last one
                        elif p.dep_ == "prep" and (p.lower_ in {"for", "to", "at"} or (
                                p.lower_ == "of" and node.i == c.i and (
                                    node.ent_type_ in {"CARDINAL", "PERCENT", "QUANTITY"}
                                    or node.lemma_.lower() in self.portion_words))):
                            # ("makes a third of its chips in Penang": the goods a portion is of; not an
                            # owner's site the goods go to: "sell half of it to Hanseo's plant in Gumi")
                            todo += [x for g in p.children if g.dep_ == "pobj" for x in coordinated(g)
                                     if not (p.lower_ in {"to", "for"} and self._anothers_site(x, by_token, items))]
        if where is not None and len(found) == 1:
            # (and the places joined to it, where the clause names no place of its own: "to Africa and Asia, where
            # it already exports"; not "to Indonesia and Malaysia, where it opened an office in Kuala Lumpur")
            found += [(p, 0.1) for p in coordinated(where)[1:] if p.i in by_token
                      and self.onto.is_a(items[by_token[p.i]]["cls"], "Location")]
        return found

    def _anothers_site(self, site: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> bool:
        """Whether ``site`` is a site noun ("plant", "store") its owner is named before: "Ridgeback's plant",
        "Corravan plants", "Felgo Nord stores" (its place is the owner's, not that of who supplies it)."""
        return self._of_sites(site) and any(o.i in by_token and (possessive(o) or (
            o.dep_ in {"compound", "nmod", "amod"} and self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")))
            for o in site.children)

    def _revenue_where(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"gets a quarter of its sales from China", "earns a fifth of its revenue in Taiwan", "China accounts
        for a third of Tessar's revenue": where a firm's revenue comes from is where it operates (kg:operatesIn;
        lexicon ``revenue_nouns``, with an owner: "its", "Tessar's"; the verbs a place that is a share of it
        takes, ``revenue_share_verbs``)."""
        if "operatesIn" not in self.onto.relations or not self.revenue_nouns:
            return []
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.revenue_nouns):
            owners = [c for c in noun.children if possessive(c)]
            if noun.pos_ != "NOUN" or not owners:
                continue
            places = self._located(noun, {"in", "from"}, by_token, items)
            if not places and noun.dep_ == "pobj" and noun.head.lower_ == "of":
                # "China accounts for a quarter of its revenue", "China made up 40% of its sales"
                share = noun.head.head
                verb = share.head.head if share.dep_ == "pobj" else share.head if share.dep_ == "dobj" else share
                if verb.lemma_.lower() in self.revenue_share_verbs:
                    places = [c for c in verb.children if c.dep_ in _SUBJ and c.i in by_token
                              and self.onto.is_a(items[by_token[c.i]]["cls"], "Location")]
                elif share.dep_ == "dobj":
                    # "gets about a quarter of its sales from China": the verb holds the place
                    places = self._located(verb, {"from", "in"}, by_token, items)
            out += self._serving(doc, owners, places, noun, "fact", by_token, items)
        return out + self._parts_where(doc, items, by_token) + self._owned_goods_where(doc, items, by_token) \
            + self._holdings_where(doc, items, by_token)

    def _owned_goods_where(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"Orbix's newest phone will go on sale in Germany", "its app is available in Chile": a firm's goods,
        named by their kind only (lexicon ``product_nouns``), that a kg:operatesIn trigger says are somewhere
        (they go on sale, go live, are available there): the owner operates there."""
        op = self.onto.relations.get("operatesIn")
        if op is None:
            return []
        out: list[dict[str, Any]] = []
        for goods in self._tokens_with_lemma(doc, self.product_nouns):
            if goods.dep_ != "nsubj" or goods.pos_ != "NOUN" or goods.i in by_token:
                continue
            owners = [c for c in goods.children if possessive(c) and c.i in by_token
                      and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")]
            if any(c.dep_ in {"compound", "nmod"} and (c.i in by_token or c.pos_ == "PROPN") for c in goods.children):
                continue  # ("its Passo app is available in Spain": the goods have a name, which is what is there)
            verb = goods.head
            # (the trigger is the verb, "go on sale", or what the copula says the goods are, "available")
            hosts = [verb] + [c for c in verb.children if c.dep_ == "acomp"] if verb.lemma_ in COPULAS else [verb]
            said = [h for h in hosts if any(tuple(t.lemma_.lower() for t in doc[h.i:h.i + len(words)]) == words
                                            for words in op.triggers)]
            if not owners or not said:
                continue
            places = [t for h in hosts for t in self._located(h, {"in", "across", "throughout"}, by_token, items)]
            out += self._serving(doc, owners, places, said[0], self._modality(verb), by_token, items)
        return out

    def _parts_where(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"its Indian business grew", "runs Okapi's Kenya arm", "its Latvian and Estonian units", "its
        business in Peru": the owner of a part of a firm named by its place operates there (kg:operatesIn;
        lexicon ``place_part_nouns``); not a part with a name of its own ("Schaltwerk's Dutch unit, X": X is
        there), nor one its owner sells ("agreed to sell its U.S. business")."""
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.place_part_nouns):
            owners = [c for c in noun.children if possessive(c)]
            if not owners and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
                # "head of Asia operations at Fennick", "Fennick's head of Asia operations": the post's firm
                post = noun.head.head
                owners = [c for c in post.children if possessive(c)] + [
                    g for p in post.children if p.dep_ == "prep" and p.lower_ == "at" for g in p.children
                    if g.dep_ == "pobj"]
            after = doc[noun.i + 1] if noun.i + 1 < len(doc) else noun
            # (a name of its own apposed anywhere in its phrase, "its business in Estonia, X Liising", or
            # right after it, "whose Mexican unit X")
            if noun.pos_ != "NOUN" or not owners or noun.i in by_token or noun.dep_ == "appos" \
                    or any(c.dep_ == "appos" for c in noun.subtree) \
                    or (after.i in by_token and not self.onto.is_a(items[by_token[after.i]]["cls"], "Location")) \
                    or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.selling_off_verbs):
                continue
            places = [x for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i
                      for x in coordinated(c) if x.i in by_token
                      and self.onto.is_a(items[by_token[x.i]]["cls"], "Location")]
            if places and any(c.dep_ in {"compound", "nmod"} and c.i < noun.i and c.i in by_token
                              and not self.onto.is_a(items[by_token[c.i]]["cls"], "Location") for c in noun.children):
                continue  # ("its Tixbay unit": a name of its own)
            places += self._located(noun, {"in"}, by_token, items)
            out += self._serving(doc, owners, places, noun, "fact", by_token, items)
        return out

    def _holdings_where(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Kelvor Press, which owns eleven regional titles in Britain", "owns 1.8 million fibre lines in
        Portugal", "owns a chain of clinics in Vietnam": an organisation that owns things in a place operates
        there (kg:operatesIn; lexicon ``owning_verbs``). Only things the text does not name (a named one is
        where it is: "owns Colombo Clinic in Sri Lanka"), and not a stake (lexicon ``holding_nouns``)."""
        if "operatesIn" not in self.onto.relations or not self.owning_verbs:
            return []
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.owning_verbs):
            holders = [c for c in verb.children if c.dep_ == "nsubj"]
            if verb.pos_ != "VERB" or not any(self.onto.is_a(items[hi]["cls"], "Organization")
                                              for h in holders for hi, _, _ in self._map(h, by_token, items)):
                continue  # (a person's: "who owns two cafes in Lima")
            things = [x for c in verb.children if c.dep_ == "dobj" for x in coordinated(c)]
            # ("a chain of clinics in Vietnam": the things a collective noun is of)
            things += [g for t in things for p in t.children if p.dep_ == "prep" and p.lower_ == "of"
                       for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
            unnamed = [t for t in things if t.pos_ == "NOUN" and t.i not in by_token
                       and t.lemma_.lower() not in self.holding_nouns]
            # (the parser hangs the place on the verb as often: "owns farmland in Kenya")
            places = [loc for t in unnamed + ([verb] if unnamed else [])
                      for loc in self._located(t, {"in", "across", "throughout"}, by_token, items)]
            out += [r for r in self._serving(doc, holders, places, verb, self._modality(verb), by_token, items)
                    if self.onto.is_a(r["s_cls"], "Organization")] if places else []
        return out

    def _named_kinds_where(self, doc: Any, found: dict[tuple, dict[str, Any]], items: list[dict[str, Any]],
                           by_token: dict[int, int]) -> None:
        """"access to its Amperline charging network in Norway", "a stop on its Red Dragon service between Colombo
        and Port Klang": the product named before its kind (lexicon ``product_heads``) operates where the kind is,
        as the owner ``found`` has operating there (kg:operatesIn; the records of ``found`` are added to in place).
        Not the object of a verb, whose place is where its subject acts: "sells its Ostra app in Norway"."""
        owners: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for r in found.values():
            if r["predicate"] == "operatesIn":
                owners.setdefault((r["sent_start"], r["o_start"]), []).append(r)
        if not owners:
            return
        for tok in (doc[i] for i in self._lower_ids(self._product_head_hashes)):
            if tok.pos_ != "NOUN" or tok.lower_ not in self.product_heads or tok.dep_ == "dobj":
                continue  # (what one sells or runs "in Norway" is the seller's market there: "sells its Ostra app in Norway")
            # (the name may hang on a word between: "its Ostra/npadvmod charging network"; not an owner's)
            names = {by_token[t.i] for c in tok.lefts if c.dep_ not in {"poss", "det"} for t in c.subtree
                     if t.i in by_token}
            names = [n for n in names if items[n]["cls"] == "Product"]
            if not names:
                continue
            # ("from San Antonio to Shanghai": the preposition after the first one's place as well)
            preps = [p for p in tok.children if p.dep_ == "prep"]
            preps += [q for p in preps for g in [p, *(g for g in p.children if g.dep_ == "pobj")]
                      for q in g.children if q.dep_ == "prep"]
            for loc in {loc.i: loc for p in preps for loc in self._places_after(p, by_token, items)}.values():
                li = items[by_token[loc.i]]
                for r in owners.get((tok.sent.start_char, li["start"]), []):
                    for n in names:
                        si = items[n]
                        key = (f"{si['cls']}/{si['name']}", "operatesIn", r["o_key"], r["sent_start"])
                        if si["name"] != li["name"] and key not in found and r["s_key"] != key[0]:
                            found[key] = record(doc, si, "operatesIn", li, r["confidence"] - 0.05, tok, r["modality"])

    def _planned_markets(self, doc: Any, found: dict[tuple, dict[str, Any]]) -> None:
        """"Marukaze to open 30 stores in Australia", "X and Y to build trains in Saudi Arabia", "Tandaa raises
        $38 mln to expand in East Africa": a headline's subject with "to" and its verb, or money raised "to" do
        something (lexicon ``fundraising_verbs``), says a plan: where the firm does not operate yet
        (kg:operatesIn hypothetical; the records of ``found`` are changed in place). Only what the verb
        starts, itself or its object ("to open 30 stores"), not a site it acts at ("to double output at its
        Tangier plant"), nor a verb of ending or keeping ("to mothball its Pilbara mine"; lexicon
        ``market_plan_verbs``)."""
        raising = self.onto.words("relations", "fundraising_verbs")
        planned = self.onto.words("relations", "market_plan_verbs")
        for r in found.values():
            tok = trigger_token(doc, r) if r["predicate"] == "operatesIn" and r["modality"] == "fact" else None
            if tok is None or (tok.pos_ == "NOUN" and (tok.dep_ != "dobj" or any(possessive(c) for c in tok.children))):
                continue
            verb = clause_head(tok)
            while verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
                verb = verb.head
            if verb.lemma_.lower() not in planned or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
                continue
            if (verb.dep_ == "ROOT" and any(c.dep_ in _SUBJ for c in verb.children)) \
                    or (verb.dep_ in {"relcl", "acl", "xcomp", "advcl"} and verb.head.pos_ == "PROPN"
                        and verb.head.dep_ == "ROOT") \
                    or (verb.dep_ in {"advcl", "xcomp"} and verb.head.lemma_.lower() in raising):
                r["modality"] = "hypothetical"

    def _possessed_places_run(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                              ) -> list[dict[str, Any]]:
        """"Ferrovald, which runs Romania's largest steelworks", "Vela, the operator of Georgia's largest
        container terminal": an organisation that runs a thing a place's possessive names operates in the place
        (kg:operatesIn; lexicon ``site_running_verbs``, ``site_running_nouns``)."""
        verbs = self.onto.words("relations", "site_running_verbs")
        nouns = self.onto.words("relations", "site_running_nouns")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, verbs | nouns):
            lemma = tok.lemma_.lower()
            if lemma in verbs and tok.pos_ == "VERB":
                holders = [c for c in tok.children if c.dep_ == "nsubj"]
                things = [c for c in tok.children if c.dep_ == "dobj"]
            elif lemma in nouns and tok.pos_ == "NOUN" and tok.dep_ in {"appos", "attr"}:
                holders = [tok.head] if tok.dep_ == "appos" else [c for c in tok.head.children if c.dep_ == "nsubj"]
                things = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj"]
            else:
                continue
            places = [c for t in things if t.pos_ == "NOUN" for c in t.children if c.dep_ == "poss" and c.i in by_token
                      and self.onto.is_a(items[by_token[c.i]]["cls"], "Location")]
            if places:
                out += [r for r in self._serving(doc, holders, places, tok, self._modality(tok), by_token, items)
                        if self.onto.is_a(r["s_cls"], "Organization")]
        return out

    def _sites_run_by(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"servers in Chile run by Tarvo Cloud", "a Lyon plant operated by Vasto", "clinics in Ohio, which are
        managed by Orlan": an organisation that runs a thing in a place, said in the passive after it, operates in
        the place (kg:operatesIn; lexicon ``site_running_verbs``). Only an unnamed thing (a named one is where it
        is), and not a person who runs it (who works there)."""
        verbs = self.onto.words("relations", "site_running_verbs")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, verbs):
            if tok.pos_ != "VERB" or tok.tag_ != "VBN" or tok.lemma_.lower() not in verbs \
                    or tok.dep_ not in {"acl", "relcl", "advcl"}:
                continue
            site = tok.head
            if tok.dep_ == "advcl":
                # ("stores data on servers in Peru run by X": the parser hangs the participle on the verb; the
                # thing is the one whose place is written right before it)
                last = first_conjunct(doc[tok.i - 1])
                if not (last.dep_ == "pobj" and last.head.dep_ == "prep" and tok.i - 1 in by_token
                        and self.onto.is_a(items[by_token[tok.i - 1]]["cls"], "Location")):
                    continue
                site = last.head.head
            if site.pos_ != "NOUN" or site.i in by_token:
                continue
            holders = by_agents(tok)
            places = self._located(site, {"in", "near", "at", "across", "outside"}, by_token, items)
            places += [x for c in site.children if c.dep_ in {"compound", "nmod", "amod"} and c.i < site.i
                       for x in coordinated(c) if x.i in by_token
                       and self.onto.is_a(items[by_token[x.i]]["cls"], "Location")]
            if holders and places:
                out += [r for r in self._serving(doc, holders, places, tok, self._modality(tok), by_token, items)
                        if self.onto.is_a(r["s_cls"], "Organization")]
        return out

    def _regions_run(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Vela Cloud opens Mumbai region", "runs a Jeddah region", "an outage at Vela Cloud's Sydney region": a
        firm's region (of a cloud, of a business) named by its place, that the firm opens or runs or that is
        named as the firm's, is where the firm operates (kg:operatesIn; lexicon ``site_region_nouns``). Not a
        region no firm has: "a town in the Antofagasta region"."""
        nouns = self.onto.words("relations", "site_region_nouns")
        verbs = self.founding_verbs | self.onto.words("relations", "site_running_verbs")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, nouns):
            if tok.pos_ != "NOUN":
                continue
            places = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i
                      and c.i in by_token and self.onto.is_a(items[by_token[c.i]]["cls"], "Location")]
            owners = [c for c in tok.children if possessive(c) and c.i in by_token]
            if not places:
                continue
            if owners:
                holders, modality = owners, "fact"
            elif tok.dep_ == "dobj" and tok.head.lemma_.lower() in verbs:
                verb = tok.head
                holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
                modality = self._modality(verb)
                if modality == "fact" and self._unbuilt(tok):
                    modality = "hypothetical"  # ("plans to open a Saudi region", "will open a Jeddah region")
            else:
                continue
            # (a firm's or its product's: "Vela Cloud" may be either)
            out += [r for r in self._serving(doc, holders, places, tok, modality, by_token, items)
                    if self.onto.is_a(r["s_cls"], "Organization") or r["s_cls"] == "Product"]
        return out

    def _ranked_where(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"X, one of the three largest pharmacy benefit managers in the United States", "its title Y, one of the
        top-selling games in Germany", "Y is one of the most downloaded games in South Korea": a firm or product
        ranked among those of its kind in a place operates there (kg:operatesIn; the ranked noun apposed to the
        name, or the copula's attribute, directly or after "one of")."""
        out: list[dict[str, Any]] = []
        for noun in (doc[i] for i in self._pos_ids(NOUN)):
            if noun.pos_ != "NOUN" or not (superlative(noun) or any(
                    c.dep_ == "amod" and any(a.dep_ == "advmod" and a.lower_ in {"most", "top"} for a in c.children)
                    for c in noun.children)):
                continue
            places = self._located(noun, {"in", "across"}, by_token, items)
            one = stand_in(noun)
            if one.dep_ == "appos":
                holders = [one.head]
            elif one.dep_ == "attr" and one.head.lemma_ in COPULAS:
                holders = [c for c in one.head.children if c.dep_ == "nsubj"]
            else:
                continue
            op = self.onto.relations["operatesIn"]
            modality = self._modality(one.head)
            # (the ranked one only, not names joined to it: "X, the largest insurer in Ohio, and Y have agreed")
            for si in (items[m[0]] for h in holders for m in self._map(h, by_token, items, conj=False)):
                if self.onto.is_a(si["cls"], "Organization") or si["cls"] == "Product":
                    out += [record(doc, si, "operatesIn", items[by_token[loc.i]], op.base_confidence - 0.15, noun,
                                   modality) for loc in places if items[by_token[loc.i]]["name"] != si["name"]]
        return out
