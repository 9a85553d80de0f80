"""Classes read off the company a name keeps: a name listed among firms is a firm, among places
after "in" a place, at an end of a route beside a place a place. Part of step 2 of
:class:`~kg.entities.component.KGEntities` (:meth:`~kg.entities.corrections.Corrections._correct_classes`).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Token

from ..syntax import coordinated, preps_with_nested

__all__ = ["Lists"]


class Lists:
    """Mixin of :class:`~kg.entities.component.KGEntities`: the class a list or a route gives a name."""

    def _listed_among_firms(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as a place, a product or a one-word person that a list of names
        puts among companies: "to Homara, Pawlo and Grevholt Logistics", "to Perry Valcourt and Grainwell"."""
        at = {self._root_of(doc, it).i: it for it in items if it["via"] in {"", "gazetteer"}}
        out: set[str] = set()
        seen: set[int] = set()
        for i, it in at.items():
            tok = doc[i]
            if i in seen or tok.dep_ == "conj" or not any(c.dep_ == "conj" for c in tok.children):
                continue
            chain = coordinated(tok)
            seen.update(t.i for t in chain)
            members = [at[t.i] for t in chain if t.i in at]
            firms = [m for m in members if m["cls"] == "Company"]
            kinds = {"Place", "Product"}
            if firms and self._firms_by_kind(doc, doc[members[0]["start"]]):
                # "shipping lines including Coral Ferries and Brava Ocean", "customers include Orvik Foods
                # and Tamsin Mart": a list of a plural kind of firm is of firms, whatever one was taken for
                out |= {m["name"] for m in members if m["via"] == "" and m["cls"] in {"Place", "Product", "Person"}}
                continue
            if not (len(firms) >= 2 and len(firms) * 2 > len(members)):
                # "competes with Shopira and Tokova", "taking on Lindo and Kaufwell": rivals or partners
                # named beside one firm are firms, but for products ("competes with Voltrek and Harlan's
                # F-150 Lightning")
                if not (firms and len(firms) * 2 >= len(members) and self._peers_of(tok)):
                    continue
                kinds = {"Place"}
            out |= {m["name"] for m in members if m["via"] == "" and (
                m["cls"] in kinds or (m["cls"] == "Person" and " " not in m["name"]))}
        return out

    def _firms_by_kind(self, doc: Doc, first: Token) -> bool:
        """Whether the list whose first name starts at ``first`` follows "including", "such as" or
        "include" after a plural kind of firm (lexicon ``list_firm_kinds``): "airlines such as",
        "customers include", "shipping lines including"."""
        i = first.i
        if i >= 2 and doc[i - 2].lower_ == "such" and doc[i - 1].lower_ == "as" or i >= 1 and doc[i - 1].lower_ == "including":
            j = i - 3 if doc[i - 1].lower_ == "as" else i - 2
            j -= j >= 0 and doc[j].is_punct
            kinds = [doc[j]] if j >= 0 else []
        elif i >= 1 and doc[i - 1].lemma_.lower() == "include" and doc[i - 1].pos_ in {"VERB", "AUX"}:
            kinds = [c for c in doc[i - 1].children if c.dep_ == "nsubj"]
        else:
            return False
        for k in kinds:
            if k.tag_ not in {"NNS", "NNPS"}:
                continue
            lemma = k.lemma_.lower()
            before = doc[k.i - 1].lower_ + " " if k.i > 0 else ""
            if lemma in self.list_firm_kinds or before + lemma in self.list_firm_kinds:
                return True
        return False

    def _peers_of(self, tok: Token) -> bool:
        """Whether ``tok`` is what a verb of a symmetric relation between organisations is "with" or
        "against", or takes as its object ("competes with", "partners with", "taking on";
        ``peer_verbs``)."""
        if tok.dep_ == "pobj" and tok.head.lower_ in {"with", "against"}:
            verb = tok.head.head
        elif tok.dep_ == "dobj":
            verb = tok.head
        else:
            return False
        return verb.pos_ == "VERB" and verb.lemma_.lower() in self.peer_verbs

    def _listed_among_places(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as an organisation, a product or a person in a list of places after "in",
        "across" or "throughout" (at least two of the list places, and more than half): "runs fleets
        in Manchester, Bristol and Leeds"; or one place and half, where the list is no stake's."""
        at = {self._root_of(doc, it).i: it for it in items if it["via"] in {"", "gazetteer"}}
        out: set[str] = set()
        for i, it in at.items():
            tok = doc[i]
            if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "across", "throughout"} \
                    or not any(c.dep_ == "conj" for c in tok.children):
                continue
            members = [at[t.i] for t in coordinated(tok) if t.i in at]
            places = [m for m in members if self.onto.is_a(m["cls"], "Location")]
            full = True
            if not (len(places) >= 2 and len(places) * 2 > len(members)):
                # "plants in Leeds and Hull", "branches in Tanzania and Zanzibar": beside one place, half
                # will do (not where "in" is what one holds a stake in, "invested in Lagos and Kivo"; nor
                # for a person's full name, which the parser may join to the place before)
                if not (places and len(places) * 2 >= len(members)
                        and tok.head.head.lemma_.lower() not in self.stake_words):
                    continue
                full = False
            out |= {m["name"] for m in members if m["via"] == "" and m["cls"] in {
                "Company", "Organization", "Product", "Person"} and (full or m["cls"] != "Person" or " " not in m["name"])}
        return out

    def _route_ends(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as an organisation or a product at an end of a route, beside a
        place: "flies to Istanbul and Tunis", "routes from Hirtshals to Stavanger" (lexicon
        ``route_nouns`` and ``route_verbs``: where a flight, a ferry or a train goes is a place)."""
        at = {self._root_of(doc, it).i: it for it in items if it["via"] in {"", "gazetteer"}}
        out: set[str] = set()
        # (the few tokens with such a lemma, picked from the lemma array rather than token by token)
        lemmas = doc.to_array([LEMMA]).tolist() if len(doc) else []
        for tok in (doc[i] for i, h in enumerate(lemmas) if h in self.route_word_ids):
            if tok.pos_ not in {"NOUN", "VERB"}:
                continue
            # (a service's ends hung on the verb it is the object of: "runs routes from A to B")
            heads = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
            members = [at[t.i] for h in heads for p in preps_with_nested(h, {"to", "from", "between"})
                       for g in p.children if g.dep_ == "pobj" for t in coordinated(g) if t.i in at]
            if any(self.onto.is_a(m["cls"], "Location") for m in members):
                out |= {m["name"] for m in members if m["via"] == "" and m["cls"] in {"Company", "Organization", "Product",
                                                                                  "Person"}}
        return out
