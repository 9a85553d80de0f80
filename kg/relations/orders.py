"""Relations read from what someone is made to do.

"Vietnam told Dealoo to suspend operations", "a court ordered Lumio to stop selling the phone in
Germany", "Brazil's regulator ordered Orrin to shut down its messaging service": the one who
orders restricts the one ordered, and the maker of goods it is made to remove ("required operators to
remove components made by Kaizhen"). The words are lexicon.toml's ``compel_verbs`` (ordering,
not asking: "urged Dealoo to stop" restricts no one) and ``stop_verbs``. So does one put on a list of
restriction: "added Orlan to its entity list", "placed Orlan on its sanctions list" (restricts), "put Orlan on
its prohibited-vendor list" (bans): lexicon.toml's ``listing_verbs``, ``restriction_lists`` and ``ban_lists``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import acted_on, by_agents, coordinated, possessive

__all__ = ["Orders"]


class Orders:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who is made to stop doing something."""

    def _made_to_stop(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("restricts")
        if rel is None:
            return []
        out = self._put_on_lists(doc, items, by_token)
        for verb in self._tokens_with_lemma(doc, self.compel_verbs):
            if verb.pos_ != "VERB":
                continue
            stop = [c for c in verb.children if c.lemma_.lower() in self.stop_verbs and c.pos_ == "VERB" and (
                c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)))]
            if not stop:
                continue
            made, makers, _ = acted_on(verb)  # (or "Dealoo was ordered by X to suspend")
            if not made or not makers:
                continue
            # (the stop verb's objects and their conjuncts, read for a named product and for goods alike)
            objects = [x for c in stop[0].children if c.dep_ == "dobj" for x in coordinated(c)]
            # "ordered app stores to remove Loopa", "ordered Orvane to remove the app Bazaro from its store": a
            # named product the one ordered is made to remove or stop is restricted by whoever orders it
            # (or the name apposed to the goods: "remove the shopping app Bazaro")
            named = [n for x in objects for n in [x, *(a for a in x.children if a.dep_ == "appos")]
                     if n.i in by_token and self.onto.is_a(items[by_token[n.i]]["cls"], "Product")
                     and items[by_token[n.i]]["via"] != "coref"]
            # (the one ordered is then the hand the order works through, not what it restricts, unless the
            # product is its own: "ordered Orvane to remove the app Bazaro" restricts Bazaro, not Orvane; but
            # "ordered Dealoo to suspend its Dealoo Pay service")
            if not named or any(possessive(c) for n in named for c in (n.head if n.dep_ == "appos" else n).children):
                out += self._records_between(doc, makers, made, rel, by_token, items, rel.base_confidence - 0.1,
                                             stop[0], self._modality(verb))
            # "require operators to remove components made by Kaizhen", "to strip Kaizhen parts": whose goods
            # are to go is restricted too (a name on the goods, or who made them)
            goods = [x for x in objects if x.i not in by_token and x.pos_ == "NOUN"]
            owners = [t for g in goods for t in g.children if t.dep_ in {"compound", "nmod"} and t.pos_ == "PROPN"] \
                + [x for g in goods for a in g.children if a.dep_ == "acl" and a.tag_ == "VBN"
                   for x in by_agents(a)]
            out += self._records_between(doc, makers, owners, rel, by_token, items, rel.base_confidence - 0.15,
                                         stop[0], self._modality(verb))
            out += self._records_between(doc, makers, named, rel, by_token, items, rel.base_confidence - 0.15,
                                         stop[0], self._modality(verb))
        return out

    def _put_on_lists(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:restricts (kg:bans for a list of what is prohibited) from who puts a named firm on a list of
        restriction to the firm: "added Orlan to its entity list", "Orlan was put on the sanctions list by X"."""
        out = []
        for noun in self._tokens_with_lemma(doc, ("list", "blacklist")):
            prep = noun.head
            if noun.dep_ != "pobj" or prep.lower_ not in {"to", "on", "onto"} or prep.dep_ != "prep":
                continue
            kinds = {t.lemma_.lower() for t in noun.subtree if t.i < noun.i}  # ("its prohibited-vendor list")
            verb = prep.head.head if prep.head.dep_ == "dobj" else prep.head  # ("placed X on": on X's noun)
            if verb.lemma_.lower() not in self.listing_verbs or (
                    noun.lemma_.lower() == "list" and not kinds & (self.restriction_lists | self.ban_lists)):
                continue  # (not "added Orlan to its list of suppliers")
            rel = self.onto.relations.get("bans" if kinds & self.ban_lists else "restricts")
            listed, listers, _ = acted_on(verb)  # (or "Orlan was added to the entity list by X")
            listers = listers or [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "by"
                                  for g in p.children if g.dep_ == "pobj"]
            if rel is None or not listed or not listers:
                continue
            listed = [x for t in listed for x in coordinated(t) if x.pos_ in {"PROPN", "PRON"}]  # (not "Chinese firms")
            out += self._records_between(doc, listers, listed, rel, by_token, items, rel.base_confidence - 0.1, verb,
                                         self._modality(verb))
        return out
