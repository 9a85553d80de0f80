"""Customers, markets and routes served: who operates in a place because it serves it (kg:operatesIn).

"processes payments for merchants across Europe", "has two million customers in Brazil" (lexicon
customer_nouns, workforce_nouns); "which has 9% of the Indian phone market"; "flies to Istanbul and Tunis",
"runs 140 trains a week between Italy, Austria and Germany". The record of each is made by
:meth:`~kg.relations.places.Places._serving`. A mixin of :class:`~kg.relations.rules.KGRelations`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Token

from ..syntax import SUBJ as _SUBJ
from ..syntax import COPULAS, coordinated, counted_again, possessive, preps_with_nested

__all__ = ["Served"]


class Served:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: places served by customers, markets and routes."""

    def _customers_in(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"processes payments for merchants across Europe", "has two million customers in Brazil",
        "manages money for clients in the Gulf": who serves customers in a place operates there
        (kg:operatesIn). The nouns are lexicon.toml's ``customer_nouns`` and ``workforce_nouns`` (a firm's own
        people: "will keep its 180 staff in Finland", and its jobs: "cut 300 jobs in Germany"); the customers
        are the object of a verb or named by its "for" / "to" phrase, and the verb's subject serves them."""
        if "operatesIn" not in self.onto.relations or not self.customer_nouns:
            return []
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.served_nouns):
            if noun.pos_ != "NOUN" or noun.lemma_.lower() not in self.served_nouns \
                    or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
                continue
            places = self._located(noun, {"in", "across", "throughout"}, by_token, items)
            # ("employs 320 people in Poland and 40 in Montreal": a number standing for the noun again)
            places += [t for num in counted_again(noun) for t in self._located(num, {"in", "across", "throughout"},
                                                                                by_token, items)]
            # ("served Filipino users", "sells to Kenyan farmers": the customers' demonym is where they are)
            places += [c for c in noun.children if c.dep_ == "amod" and c.i in by_token
                       and items[by_token[c.i]]["via"] == "demonym"]
            owners = [c for c in noun.children if possessive(c)] or self._brand_of(noun, by_token, items)
            if owners and noun.dep_ == "nsubj" and noun.head.lemma_.lower() in self.staying_verbs:
                places += self._located(noun.head, {"in"}, by_token, items)  # "its engineers will stay in Porto"
            if owners:  # "Mercalto's 12 million customers in Mexico": whose customers they are (presupposed,
                # whatever the clause says of them: "its customers in Kenya would not be affected")
                out += self._serving(doc, owners, places, noun, "fact", by_token, items)
                continue
            node = noun
            if node.dep_ == "compound" and node.head.lemma_.lower() == "base":
                node = node.head  # "has a large user base"
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
            if node.dep_ == "pobj" and node.head.lower_ == "of" and (
                    node.head.head.pos_ == "NUM" or node.head.head.lemma_.lower() in self.quantity_nouns):
                node = node.head.head  # "has won millions of users in Senegal": the number stands for them
            if node.dep_ == "pobj" and node.head.lower_ == "with" and node.head.head.pos_ in {"NOUN", "PROPN"}:
                # "Rio Strike, a game with 20 million players across Brazil": what has them
                owner = node.head.head
                if places:
                    out += self._serving(doc, [owner.head if owner.dep_ == "appos" else owner], places, noun,
                                         "fact", by_token, items)
                continue
            region = {"across", "throughout"}
            if node.dep_ == "pobj" and node.head.dep_ in {"prep", "dative"} \
                    and node.head.lower_ in {"for", "to", "from", "through", "with"}:
                # the verb, or the verb's object ("processes payments for ...", "accepts payments from shoppers",
                # "sells its dishes through retailers in Nairobi": through them, what one sells only, not
                # "bought pumps through resellers in Armenia"; "links farmers with buyers in Kenya", "starting
                # with customers in Lyon")
                through = node.head.lower_ == "through"
                if node.head.lower_ == "with" and node.head.head.lemma_.lower() not in self.serving_with_verbs:
                    continue
                node = node.head.head
                if node.dep_ == "dobj" or (node.pos_ == "ADJ" and node.dep_ == "acomp" and not through):
                    node = node.head  # (or "is available to users in Japan": the copula's subject)
                if through and node.lemma_.lower() not in self.onto.words("entities", "offering_verbs"):
                    continue
            elif node.dep_ == "pobj" and node.head.dep_ == "agent":
                node = node.head.head  # "the Vexa software is used by 200 clinics in Norway": what they use
                region = {"in"} | region
            elif node.dep_ == "dobj":
                node = node.head
                region = region | {"in"}  # "has 9 million users in Turkey", with "in" hung on the verb
                if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ == "to" \
                        and node.head.head.pos_ == "ADJ" and node.head.head.dep_ == "acomp":
                    # "is available to paying/pcomp users/dobj in Japan": the copula's subject
                    places += self._located(node, region, by_token, items)
                    node = node.head.head.head
            else:
                continue
            if node.pos_ not in {"VERB", "AUX"} or (
                    self._against(node) and noun.lemma_.lower() not in self.workforce_nouns):
                continue  # (not "sues Paraguayan growers", "bans drivers in Lagos"; but its own "cut 300 jobs")
            # "processes payments for merchants across Europe": the parser often hangs the region on the verb
            places += self._located(node, region, by_token, items)
            if node.dep_ == "relcl" and node.head.i in by_token and any(c.lower_ == "where" for c in node.children) \
                    and self.onto.is_a(items[by_token[node.head.i]]["cls"], "Location"):
                # "the United States, where Zippa has 90 million users", "Canada or Mexico, where ..."
                places += [node.head] + [c for c in node.head.conjuncts if c.i in by_token]
            if not places:
                continue
            holders = [c for c in node.children if c.dep_ in _SUBJ or c.dep_ == "nsubjpass"] \
                or self._inherited_agents(node)
            out += self._serving(doc, holders, places, node, self._modality(node), by_token, items)
        return out

    def _brand_of(self, noun: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """"Orbix phone users in Chile", "Kessel tractor dealers in Punjab": the firm or product named in front
        of whom it serves (or in front of the kind of goods they deal in)."""
        mods = [c for c in noun.children if c.dep_ == "compound"]
        mods += [g for c in mods if c.i not in by_token and c.is_lower for g in c.children if g.dep_ == "compound"]
        return [c for c in mods if c.i in by_token and items[by_token[c.i]]["via"] in {"", "gazetteer"}
                and (self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")
                     or items[by_token[c.i]]["cls"] == "Product")]

    def _markets_held(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Qiyun, which has 9% of the Indian phone market", "overtook Pomelle in China's smartphone market",
        "the biggest player in the Kenyan market", "dominates the market in Peru": who holds a share of a
        market named by its place, dominates or leads it (lexicon ``market_holding_verbs``), or acts or
        is something in it, operates there (kg:operatesIn)."""
        if "operatesIn" not in self.onto.relations or not self.market_nouns:
            return []
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.market_nouns):
            if noun.pos_ != "NOUN" or not noun.is_lower:
                continue
            places = [c for c in noun.children if c.dep_ in {"poss", "amod", "compound", "nmod"} and c.i in by_token
                      and self.onto.is_a(items[by_token[c.i]]["cls"], "Location")]
            places += self._located(noun, {"in"}, by_token, items)
            led = noun.dep_ == "compound" and noun.head.lemma_.lower() in self.market_leader_nouns
            if led:  # "the market leader in Kenya", "X and Y, the two market leaders in Indonesia"
                noun = noun.head
                places += self._located(noun, {"in"}, by_token, items)
                # (and "in fuel retail in Kenya": the place of the trade it leads)
                places += [t for p in noun.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                           if g.dep_ == "pobj" and g.is_lower for t in self._located(g, {"in"}, by_token, items)]
            if not places:
                continue
            node = noun
            while node.dep_ == "conj" and node.head.i != node.i:
                node = node.head
            holders: list[Token] = []
            verb: Token | None = None
            if node.dep_ == "pobj" and node.head.lower_ == "of":
                # "has 9% of the Indian market", "holds a third of it": the share's holder
                share = node.head.head
                if share.dep_ == "dobj" and (share.lower_ in {"%", "percent", "pct"} or share.like_num
                                             or share.lemma_.lower() in self.market_share_words):
                    verb = share.head
                    if verb.lemma_.lower() not in self.market_holding_verbs:
                        verb = None
            elif node.dep_ == "pobj" and node.head.lower_ == "in":
                # "overtook Pomelle in China's market" (the verb's subject), "the biggest player in the Kenyan
                # market", "a 20% share in the Indian market" (the one the noun is, or whose it is)
                up = node.head.head
                if up.pos_ in {"VERB", "AUX"}:
                    verb = up
                elif up.pos_ == "NOUN" and up.dep_ == "attr" and up.head.lemma_ in COPULAS:
                    verb = up.head
                elif up.pos_ == "NOUN" and up.dep_ == "appos":
                    holders = [up.head]
                elif up.pos_ == "NOUN" and up.dep_ == "dobj" and up.head.lemma_.lower() in self.market_holding_verbs:
                    verb = up.head
            elif node.dep_ == "dobj" and node.head.lemma_.lower() in self.market_holding_verbs - {"have", "hold", "take"}:
                verb = node.head  # "dominates the Brazilian market"
            elif led and node.dep_ == "attr" and node.head.lemma_ in COPULAS:
                verb = node.head  # "X is the market leader in Kenya"
            elif led and node.dep_ == "appos":
                holders = [node.head]  # "X, the market leader in Kenya,"
            if verb is not None and not holders:
                holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if not holders:
                continue
            modality = self._modality(verb) if verb is not None else "fact"
            out += [r for r in self._serving(doc, holders, places, verb if verb is not None else noun, modality,
                                             by_token, items) if self.onto.is_a(r["s_cls"], "Organization")
                    or r["s_cls"] == "Product"]
        return out

    @cached_property
    def _sold_as_nouns(self) -> frozenset[str]:
        """The nouns of a name goods are sold under (lexicon ``trade_name_nouns`` and ``brand_nouns``)."""
        return self.onto.words("relations", "trade_name_nouns") | self.onto.words("relations", "brand_nouns")

    @cached_property
    def _against_relations(self) -> frozenset[str]:
        """The relations that contradict kg:operatesIn (restricts, bans), and kg:sues."""
        rel = self.onto.relations.get("operatesIn")
        return (rel.contradicted_by if rel is not None else frozenset()) | {"sues"}

    def _against(self, verb: Any) -> bool:
        """Whether a verb acts against its object: it triggers one of :attr:`_against_relations`."""
        against = self._against_relations
        return any(t.relation.name in against for t in self.index.get(verb.lemma_.lower(), ()) if t.kind == "event")

    def _routes(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"flies to Istanbul and Tunis", "runs 140 trains a week between Italy, Austria and Germany",
        "their flights between Madrid and Lima": a carrier that flies, sails or runs a service between,
        to or from places operates there (kg:operatesIn). The nouns and verbs are lexicon.toml's
        ``route_nouns`` and ``route_verbs``; who runs the service is the noun's owner, or the subject
        of a verb of running it (``running_verbs``: not "the EU banned flights to Minsk")."""
        if "operatesIn" not in self.onto.relations or not (self.route_nouns or self.route_verbs):
            return []
        ends = {"to", "from", "between"}
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.route_nouns | self.route_verbs):
            lemma = tok.lemma_.lower()
            if tok.pos_ == "VERB" and lemma in self.route_verbs:
                places = self._route_ends(tok, ends, by_token, items)
                holders = [c for c in tok.children if c.dep_ in _SUBJ] or self._inherited_agents(tok)
                verb = tok
            elif tok.pos_ == "NOUN" and lemma in self.route_nouns:
                places = self._route_ends(tok, ends, by_token, items)
                # ("routes linking Africa with Western Europe": the ends of the verb the route is named by)
                for link in (c for c in tok.children if c.dep_ == "acl" and c.lemma_.lower() in self.route_linking_verbs):
                    places += [t for g in link.children if g.dep_ == "dobj" for t in coordinated(g)
                               if t.i in by_token and self.onto.is_a(items[by_token[t.i]]["cls"], "Location")]
                    places += self._route_ends(link, {"with", "to", "and"}, by_token, items)
                holders = [c for c in tok.children if possessive(c)]
                if [h.lower_ for h in holders] == ["their"]:
                    holders = self._joint_subject(tok)
                if not holders:
                    # ("can book Kelvo flights to Bali": the carrier named before its service)
                    holders = [c for c in tok.children if c.dep_ in {"compound", "nmod"} and c.i < tok.i
                               and c.i in by_token and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")]
                verb = None
                node = tok
                for _ in range(3):  # "holds the contract for routes from X to Y", "competes on routes to Europe"
                    if node.dep_ == "pobj" and node.head.dep_ == "prep":
                        node = node.head
                    if node.dep_ not in {"dobj", "attr", "prep"} or node.head.i == node.i:
                        break
                    node = node.head
                    if node.pos_ in {"VERB", "AUX"}:
                        verb = node
                        break
                if verb is not None and verb.lemma_.lower() not in self.running_verbs \
                        and verb.lemma_.lower() not in self.route_verbs:
                    verb = None
                if verb is not None and tok.dep_ == "dobj" and tok.head.i == verb.i:
                    # "started weekly services on Monday between Singapore and Jakarta", "runs routes from
                    # A to B": the parser hangs the ends on the verb
                    places += self._route_ends(verb, ends, by_token, items)
                if not holders:
                    if verb is None:
                        continue
                    holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            else:
                continue
            if places and holders:
                modality = self._modality(verb) if verb is not None else "fact"
                # (an organisation's: a minister who flies to Berlin does not operate there)
                out += [r for r in self._serving(doc, holders, places, verb if verb is not None else tok, modality,
                                                 by_token, items) if self.onto.is_a(r["s_cls"], "Organization")]
        return out

    def _fleet_routes(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"its vessels will carry grain from Santos to ports in China", "its tankers carried fuel from Iraq to
        Malaysia", "runs ten ships that carry cars to Baltimore": the organisation whose vessels (lexicon
        ``vessel_nouns``) carry goods between places (``carrying_verbs``) operates at both ends
        (kg:operatesIn): the vessels' owner, or the subject of a verb that runs them (``running_verbs``)."""
        if "operatesIn" not in self.onto.relations or not (self.vessel_nouns and self.carrying_verbs):
            return []
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.carrying_verbs):
            if verb.pos_ != "VERB":
                continue
            vessels = [c for c in verb.children if c.dep_ == "nsubj" and c.lemma_.lower() in self.vessel_nouns]
            if verb.dep_ == "relcl" and verb.head.lemma_.lower() in self.vessel_nouns:
                vessels.append(verb.head)  # ("ten ships that carry cars")
            holders = [o for v in vessels for o in v.children if possessive(o)]
            holders += [s for v in vessels if v.dep_ == "dobj" and v.head.lemma_.lower() in self.running_verbs
                        for s in v.head.children if s.dep_ in _SUBJ]
            places = self._route_ends(verb, {"to", "from", "between"}, by_token, items) if holders else []
            if places:
                out += [r for r in self._serving(doc, holders, places, verb, self._modality(verb), by_token, items)
                        if self.onto.is_a(r["s_cls"], "Organization")]
        return out

    @staticmethod
    def _joint_subject(tok: Token) -> list[Token]:
        """What "their" stands for where the clause over it has a joined subject: "X and Y signed a
        deal covering their flights" (the first of the list; the others are its conjuncts)."""
        node = tok
        for _ in range(6):
            if node.head.i == node.i:
                return []
            node = node.head
            subjects = [c for c in node.children if c.dep_ in _SUBJ]
            if subjects:
                return subjects[:1] if any(c.dep_ == "conj" for c in subjects[0].children) else []
        return []

    def _route_ends(self, head: Token, preps: set[str], by_token: dict[int, int], items: list[dict[str, Any]]
                    ) -> list[Token]:
        """The places ``head``'s prepositions of ``preps`` name, and the places in the region they name
        ("flies to cities in Portugal and Spain")."""
        out: list[Token] = []
        for p in preps_with_nested(head, preps):  # (and "to" hung on "from": "from Leipzig to Dresden")
            out += self._places_after(p, by_token, items)
            for g in (g for g in p.children if g.dep_ == "pobj" and g.i not in by_token):
                out += self._located(g, {"in", "across"}, by_token, items)
        return out
