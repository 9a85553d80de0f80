"""Owners read from a firm's sale or spin-off still to come (kg:subsidiaryOf).

A firm bought "from" a seller is the seller's until the deal closes: "Orlan Bank has agreed to buy Halden
Clinics from the private equity firm Beacon Vell Partners" (Halden Clinics subsidiaryOf Beacon Vell
Partners), "Kelvor to buy Brisco Retail from Halden Group". The verbs are kg:acquires' one-word triggers;
the thing bought is a firm named as the verb's object, not a stake ("bought a stake in Quillo from
Harbor" is read by :meth:`~kg.relations.deals.Deals._sales`). A
purchase already made ("bought Brisco from Halden in 2019", "has bought") says the seller held it once, no
longer, and states nothing here.

A firm spun off is its owner's until then: "Lauvaine to spin off Drivelo software unit", "Kelvor Group
will spin off Vetro next year" (the object, or the name a word for a part of an organisation, lexicon
``organisation_parts``, carries as a compound, subsidiaryOf the subject). Verbs are lexicon
``breaking_away``'s with a particle ("spin off"); a spin-off already done says nothing, as a sale does.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive
from .modality import done_or_passive as _done

__all__ = ["Sellers"]


class Sellers:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the owner of a firm sold or spun off."""

    @cached_property
    def _site_nouns(self) -> frozenset[str]:
        """A firm's sites and assets (lexicon ``sold_sites`` and the entities' ``owned_works``)."""
        lex = self.onto.lexicon
        return frozenset(w.lower() for w in (*lex["relations"].get("sold_sites", ()),
                                             *lex["entities"].get("owned_works", ())))

    def _sites_sold(self, obj: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> bool:
        """Whether what a verb of selling takes names a firm's sites or assets, which change hands and are no
        goods supplied: "sell its clinics to Orlan Health", "sell 40 of its hotels", "sells 4,000 masts",
        "sell U.S. clinics", "its stores in Italy" (an owner, a number or a place written with them)."""
        whole = self._portion_of(obj)
        noun = obj if whole is None else whole
        if noun.i in by_token or noun.pos_ != "NOUN" or noun.lemma_.lower() not in self._site_nouns:
            return False
        return whole is not None or any(
            possessive(c) or c.dep_ == "nummod" or (c.i in by_token and c.i < noun.i
                                                   and self.onto.is_a(items[by_token[c.i]]["cls"], "Location"))
            or (c.dep_ == "prep" and c.lower_ == "in") for c in noun.children)

    def _sold_by_owners(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("subsidiaryOf")
        buying = self.buying_firm_verbs
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, buying) if rel is not None and buying else ():
            if verb.pos_ != "VERB" or _done(verb):
                continue
            froms = [p for h in (verb, *(c for c in verb.children if c.dep_ == "dobj")) for p in h.children
                     if p.dep_ == "prep" and p.lower_ == "from"]
            firms = [c for c in verb.children if c.dep_ == "dobj" and c.i in by_token
                     and self.onto.is_a(items[by_token[c.i]]["cls"], "Company")]
            owners = [g for p in froms for g in p.children if g.dep_ == "pobj"]
            if firms and owners:
                out += self._records_between(doc, firms, owners, rel, by_token, items,
                                             rel.base_confidence - 0.15, froms[0], "fact")
        return out

    def _spun_off(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("subsidiaryOf")
        phrasal = {tuple(w.split()) for w in self.breaking_away if len(w.split()) == 2}
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {v for v, _ in phrasal}) if rel is not None else ():
            if verb.pos_ != "VERB" or _done(verb) or not any(
                    c.dep_ == "prt" and (verb.lemma_.lower(), c.lower_) in phrasal for c in verb.children):
                continue
            units = []
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                if obj.i in by_token:
                    units.append(obj)
                elif obj.lemma_.lower() in self.organisation_parts:
                    # "spin off Drivelo software unit", "spin off its unit Vetro", "its unit, Vetro"
                    units += [c for c in obj.children if c.dep_ in {"compound", "appos"} and c.i in by_token]
            units = [u for u in units if self.onto.is_a(items[by_token[u.i]]["cls"], "Company")]
            owners = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if units and owners:
                out += self._records_between(doc, units, owners, rel, by_token, items,
                                             rel.base_confidence - 0.15, verb, "fact")
        return out
