"""Rivals the rules read from a construction rather than a trigger word (kg:competesWith).

"Nakshatra is up against Tarsat", "Kessling beat Hovland Motorworks to the contract", "the move pits Sorano
against Halden", "Lotus Air battles Jetto on domestic routes": read here rather than as kg:triggers, whose
words are features of the trained model. A mixin of :class:`~kg.relations.patterns.Patterns`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from ..syntax import SUBJ as _SUBJ

__all__ = ["Rivals"]


class Rivals:
    """Mixin of :class:`~kg.relations.rules.KGRelations` (by :class:`~kg.relations.patterns.Patterns`): firms up
    against, beating, taking on or fighting one another."""

    def _up_against(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Nakshatra is up against Tarsat and Orbscan", "VivaPlay ... is up against Streamly": a firm "up
        against" firms or their products competes with them (kg:competesWith; not a regulator, a
        country or a person one is up against). Read here rather than as a kg:trigger, whose words are
        features of the trained model ("be" would carry the relation on every copula)."""
        rel = self.onto.relations.get("competesWith")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, {"against"}) if rel is not None else ():
            up = tok.head
            if tok.dep_ != "prep" or up.lower_ != "up" or up.head.lemma_ != "be":
                continue
            verb = up.head
            rivals = [g for g in tok.children if g.dep_ == "pobj"]
            rivals = [r for g in rivals for r in [g, *g.conjuncts] if r.i in by_token
                      and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if rivals:
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             tok, self._modality(verb))
        return out

    def _beaten_rivals(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Kessling beat Hovland Motorworks to the contract", "Zlotek enters Romania, taking on Preisa
        and Marktlo", "to win market share from Ridevo and Jekto": the firms one beats, takes on or wins
        customers from (or against) are its rivals (kg:competesWith); and so are two a thing pits against
        each other ("the move pits Sorano against Halden"). Read here, as :meth:`_up_against` is, rather
        than as triggers, whose words are features of the trained model."""
        rel = self.onto.relations.get("competesWith")
        out: list[dict[str, Any]] = []
        choosing = self.onto.words("relations", "choosing_verbs")
        for verb in self._tokens_with_lemma(doc, {"beat", "take", "win", "gain", "steal", "grab", "pit", *choosing}
                                            ) if rel else ():
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB":
                continue
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if lemma == "beat" or (lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)):
                objects = self._with_apposed([g for g in verb.children if g.dep_ == "dobj"], by_token)
            elif lemma in choosing:
                # "chose Asterra over Aerion Helicopters and Velkor Aero": the one chosen and the ones
                # passed over were rivals for the choice
                chosen = [g for g in verb.children if g.dep_ == "dobj"]
                # (the parser hangs "over" on the verb or on the one chosen)
                objects = self._with_apposed([g for h in (verb, *chosen) for p in h.children if p.dep_ == "prep"
                                              and p.lower_ == "over" for g in p.children if g.dep_ == "pobj"], by_token)
                subjects = self._with_apposed(chosen, by_token)
                if not objects:
                    continue
            elif lemma == "pit":
                # "the move pits Sorano against Halden": the one pitted and the one it is pitted against
                subjects = self._with_apposed([g for g in verb.children if g.dep_ == "dobj"], by_token)
                objects = self._with_apposed([g for h in (verb, *subjects) for p in h.children if p.dep_ == "prep"
                                              and p.lower_ == "against" for g in p.children if g.dep_ == "pobj"],
                                             by_token)
                if not subjects:
                    continue
            elif any(g.dep_ == "dobj" and g.lemma_.lower() in self.won_nouns for g in verb.children):
                # ("win market share from X", "win share in Europe against brands such as X": the preposition
                # on the verb or on what is won)
                # (or on "away": "win buyers away from X")
                objects = [p for g in verb.children if g.dep_ in {"dobj", "prep"} or (g.dep_ == "advmod" and g.lower_
                           == "away") for p in [g, *g.children] if p.dep_ == "prep" and p.lower_ in {"from", "against"}]
                objects = [g for p in objects for g in p.children if g.dep_ == "pobj"]
            else:
                continue
            # (and the names listed under a kind: "taking on Nuvopay and local lenders such as nFinanz"; and
            # a firm listed with its owner or place before it, which the parser may list in its stead:
            # "beat Qinglan Dredging and Abu Dhabi's Sahil Marine Works")
            listed = [n for g in objects for n in [g, *g.conjuncts]]
            listed += [doc[n.i + 2] for n in listed if n.i + 2 < len(doc) and doc[n.i + 1].tag_ == "POS"
                       and doc[n.i + 1].head.i == n.i and n.i + 2 in by_token]
            rivals = [r for n in listed for r in self._with_listed(n)
                      if r.i in by_token and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
            # (rivals whether or not one wins: "in a bid to win market share from Ridevo" is a fact of rivalry)
            modality = self._modality(verb) if lemma in {"beat", "take", "pit"} or lemma in choosing else "fact"
            if rivals:
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, modality)
                if lemma == "take" and "operatesIn" in self.onto.relations:
                    # "takes on Tarvo Motors in Thailand": where one takes a rival on, it operates (the parser hangs
                    # the place on the verb or on the rival)
                    places = [t for h in (verb, *objects) for t in self._located(h, {"in", "across"}, by_token, items)]
                    out += self._serving(doc, subjects, places, verb, modality, by_token, items)
        return out + self._fights(doc, items, by_token, rel) if rel else out

    def _fights(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], rel: RelationInfo
                ) -> list[dict[str, Any]]:
        """"Lotus Air battles Jetto on domestic routes", "fought for buyers with X", "X and Y fight one another
        for customers", "goes after the same customers as X": firms that fight or battle one another, or one
        they fight for customers with, and firms that go after the same customers, are rivals (kg:competesWith;
        not "fight the case", nor one fought in court)."""
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.pursuing_verbs | {"race", "take"}):
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_.lower()
            preps = [p for p in verb.children if p.dep_ == "prep"]
            if lemma == "take":
                # "takes (direct) aim at X": whom one aims at, with "at" on the verb or on "aim"
                aims = [g for g in verb.children if g.dep_ == "dobj" and g.lower_ == "aim"]
                rivals = [g for w in [verb, *aims] if aims for p in w.children if p.dep_ == "prep" and p.lower_ == "at"
                          for g in p.children if g.dep_ == "pobj"]
                rivals = [r for n in rivals for r in [n, *n.conjuncts]
                          if r.i in by_token and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
                subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
                continue
            wanted = [g for p in preps if p.lower_ in {"for", "after"} for g in p.children if g.dep_ == "pobj"] \
                + [g for g in verb.children if g.dep_ == "dobj"]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            # "the same customers as X", "the same shoppers as the stores of X"
            same = [g for g in wanted if g.is_lower and any(c.lower_ == "same" for c in g.children)]
            rivals = [x for g in same for p in g.children if p.dep_ == "prep" and p.lower_ == "as"
                      for x in p.children if x.dep_ == "pobj"]
            pairs = bool(same) and not rivals  # "X and Y chase the same buyers"
            if lemma in {"fight", "battle", "race"}:  # ("is racing X to sell robots")
                objs = [g for g in verb.children if g.dep_ == "dobj"]
                if any(g.lemma_.lower() == "court" for w in [verb, *objs] for p in w.children if p.dep_ == "prep"
                       for g in p.children):
                    continue
                # "fight one another", "battle each other": the subjects among themselves
                pairs |= any(g.lower_ in {"one", "each"} or g.lower_ == "other" and any(
                    c.lower_ == "each" for c in g.children) for g in objs)
                rivals += [g for g in objs if g.i in by_token]
                if any(g.lemma_.lower() in self.contested_nouns for g in wanted):
                    # "fought for buyers with X": whom one fights for customers with (the parser may hang
                    # "with" on what is fought for)
                    withs = [p for w in [verb, *wanted] for p in w.children if p.dep_ == "prep" and p.lower_ == "with"]
                    withs += [q for p in withs for q in p.children if q.dep_ == "conj" and q.pos_ == "ADP"]
                    rivals += [g for p in withs for g in p.children if g.dep_ == "pobj"]
            # (a firm's store or site: "as the smaller stores of X", "with X's local site")
            rivals = [o for x in rivals for o in ([x] if x.i in by_token or not x.is_lower else [
                g for p in x.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                + [c for c in x.children if c.dep_ == "poss"])]
            rivals = [r for n in rivals for r in self._with_listed(n)
                      if r.i in by_token and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
            modality = self._modality(verb)
            if rivals:
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, modality)
            elif pairs:
                named = [m for t in subjects for m in self._map(t, by_token, items)
                         if items[m[0]]["cls"] in {"Company", "Product"}]
                out += self._records_pairwise(doc, items, named, rel, rel.base_confidence - 0.1, verb, modality)
        return out

    @staticmethod
    def _with_apposed(toks: list[Token], by_token: dict[int, int]) -> list[Token]:
        """``toks`` and the names apposed to those that are descriptions, not names ("beat the Chinese
        dredger Qinglan Marine": "dredger" and "Marine")."""
        return [*toks, *(a for g in toks if g.i not in by_token for a in g.children if a.dep_ == "appos")]
