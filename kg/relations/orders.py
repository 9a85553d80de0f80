"""Relations read from what someone is made to do.

"Vietnam told Temu to suspend operations", "a court ordered Lumio to stop selling the phone in
Germany", "Brazil's regulator ordered Orrin to shut down its messaging service": the one who
orders restricts the one ordered, and the maker of goods it is made to remove ("required operators to
remove components made by Huawei"). The words are lexicon.toml's ``compel_verbs`` (ordering,
not asking: "urged Temu to stop" restricts no one) and ``stop_verbs``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import acted_on, coordinated

__all__ = ["Orders"]


class Orders:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who is made to stop doing something."""

    def _made_to_stop(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("restricts")
        if rel is None:
            return []
        out = []
        for verb in self._tokens_with_lemma(doc, self.compel_verbs):
            if verb.pos_ != "VERB":
                continue
            stop = [c for c in verb.children if c.lemma_.lower() in self.stop_verbs and c.pos_ == "VERB" and (
                c.dep_ == "xcomp" or (c.dep_ == "advcl" and any(a.lower_ == "to" for a in c.children)))]
            if not stop:
                continue
            made, makers, _ = acted_on(verb)  # (or "Temu was ordered by X to suspend")
            if not made or not makers:
                continue
            out += self._records_between(doc, makers, made, rel, by_token, items, rel.base_confidence - 0.1, stop[0],
                                         self._modality(verb))
            # "require operators to remove components made by Huawei", "to strip Huawei parts": whose goods
            # are to go is restricted too (a name on the goods, or who made them)
            goods = [x for c in stop[0].children if c.dep_ == "dobj" for x in coordinated(c)
                     if x.i not in by_token and x.pos_ == "NOUN"]
            owners = [t for g in goods for t in g.children if t.dep_ in {"compound", "nmod"} and t.pos_ == "PROPN"] \
                + [x for g in goods for a in g.children if a.dep_ == "acl" and a.tag_ == "VBN"
                   for p in a.children if p.dep_ == "agent" for x in p.children if x.dep_ == "pobj"]
            out += self._records_between(doc, makers, owners, rel, by_token, items, rel.base_confidence - 0.15,
                                         stop[0], self._modality(verb))
        return out
