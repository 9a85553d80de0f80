"""The names a list of names stands for where the parser or the text leaves it apart: the two firms a plural of
firms refers back to ("paid the two suppliers", "supply tools to both companies") and the name listed after a
clause describing the name before it ("with Parcelo, which runs a hub in Leipzig, and Shipwell"). A base of
:class:`~kg.relations.names_of.NamesOf` (:meth:`~kg.relations.names_of.NamesOf._map` reads through them).
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Token

__all__ = ["NamedLists"]


class NamedLists:
    """Base of :class:`~kg.relations.names_of.NamesOf`: the names of a list written apart."""

    @cached_property
    def _pair_kinds(self) -> frozenset[str]:
        """Lexicon [coref] ``Company`` and ``Organization`` words: the plurals of firms :meth:`_pair_referred`
        reads ("the two suppliers", "both companies"), made once."""
        return self.onto.words("coref", "Company") | self.onto.words("coref", "Organization")

    def _pair_referred(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[int]:
        """"Aegean buys scrap from Scrapco and Halden, and paid the two suppliers $420 million", "X and Y, which
        supply tools to both companies": the items of the two organisations a plural of firms ("both", "both
        companies", "the two suppliers": lexicon [coref] ``Company`` and ``Organization`` words) refers back
        to, the last two names joined by "and" before it in its sentence or the one before; not the
        clause's own subjects, nor names of a longer list. Empty for any other token."""
        if tok.i in by_token or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "dative"}:
            return []
        kids = {c.lower_: c.dep_ for c in tok.children}
        # (a bare "both" only as an object, not after "of": "Both are among its suppliers" may be of two firms
        # named apart, "the best of both" is no party)
        if not ((tok.lower_ == "both" and tok.dep_ not in {"nsubj", "nsubjpass"} and tok.head.lower_ != "of")
                or (tok.tag_ == "NNS" and tok.is_lower and tok.lemma_.lower() in self._pair_kinds and (
                kids.get("both") in {"det", "predet"} or (kids.get("two") == "nummod" and kids.get("the") == "det")))):
            return []
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        while verb is not None and verb.dep_ == "conj" and verb.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head  # (the subjects of the first of verbs joined by "and")
        own = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] + (
            [verb.head] if verb.dep_ in {"relcl", "acl"} else []) if verb is not None else []
        own_ids = {x.i for o in own for x in (o, *o.conjuncts)}
        doc, first = tok.doc, tok.sent.start
        near = doc[first - 1].sent.start if first > 0 else first
        # (or, where those two sentences join none, two businesses joined up to four sentences further back, a
        # plural of businesses the story's pair: "Andes Air and Atlantica signed a deal. ... SURVAIR competes with
        # both carriers"; no government body)
        for _ in range(5):
            first = doc[first - 1].sent.start if first > 0 else first
        for t in reversed(doc[first:tok.i]):
            if t.dep_ != "conj" or t.i not in by_token or t.head.i not in by_token or t.head.i in own_ids \
                    or by_token[t.i] == by_token[t.head.i]:
                continue  # (nor the words of one name: "the Ministry of Trade, Industry and Energy")
            if t.i < near and not self.onto.is_a(items[by_token[t.i]]["cls"], "Organization"):
                continue  # (further back, past the places listed since: "flights between Madrid, Lima and Bogota")
            if len(t.head.conjuncts) != 1:
                return []
            pair = [by_token[t.head.i], by_token[t.i]]
            if all(self.onto.is_a(items[n]["cls"], "Organization") and items[n]["via"] in {"", "gazetteer"}
                   and (t.i >= near or not self.onto.is_a(items[n]["cls"], "GovernmentBody")) for n in pair) \
                    and pair[0] != pair[1]:
                return [self._named_last(n, tok.i, items) for n in pair]
        return []

    @staticmethod
    def _named_last(n: int, end: int, items: list[dict[str, Any]]) -> int:
        """The last mention by name before token ``end`` of item ``n``'s entity, its short form too ("Brisco
        Air and Tamsa signed ... Brisco said": the second Brisco), as the annotation has a relation on the
        nearest earlier named mention; ``n`` where none is later."""
        key = items[n]["name"].split()[0] if items[n]["name"] else ""
        later = [m for m, it in enumerate(items) if it["start"] < end and it["start"] > items[n]["start"]
                 and it["via"] in {"", "gazetteer"} and it["cls"] == items[n]["cls"] and it["name"]
                 and it["name"].split()[0] == key]
        return max(later, key=lambda m: items[m]["start"]) if later else n

    def _listed_after_clause(self, base: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The name listed after a clause set off by commas that describes the name ``base`` ("with Parcelo, which
        runs a hub in Leipzig, and Shipwell"; "beat X, which had offered its frigate, and Spain's Y"), which the
        parser hangs on the clause's last noun or on the verb ``base`` is the object of."""
        doc = base.doc
        base_place = self._is_place(base.i, by_token, items)
        for r in base.children:
            if r.dep_ not in {"relcl", "acl"} or r.i < base.i or r.left_edge.i < 1 or doc[r.left_edge.i - 1].text != ",":
                continue
            inside = {t.i for t in r.subtree}
            for c in doc[r.i + 1:base.sent.end]:
                if c.dep_ == "conj" and c.i in by_token and self._root_of(doc, items[by_token[c.i]]).i == c.i \
                        and by_token[c.i] != by_token.get(base.i) and c.left_edge.i >= 2 \
                        and doc[c.left_edge.i - 1].lower_ == "and" and doc[c.left_edge.i - 2].text == "," \
                        and ((c.head.i in inside and c.head.i not in by_token and c.head.pos_ == "NOUN"
                              and c.head.dep_ != "conj") or (c.head.i == base.head.i and base.dep_ in {"dobj", "pobj"})) \
                        and self._is_place(c.i, by_token, items) == base_place \
                        and not self._subject_of_next_clause(c):
                    return [c]
        return []
