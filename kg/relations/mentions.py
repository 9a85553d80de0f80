"""Which entities a token of a rule's frame stands for: a name, a coreferent mention, the names a
noun lists ("groups such as Halbtek and Semvo"), a group noun's country ("Chinese users"), a
description's apposed name (who a sentence or a text is about: :mod:`kg.relations.topics`).

The token-to-names walk itself is :mod:`kg.relations.names_of`; this module holds the lists of places
it reads, and the records made between the names found.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from .listing import Listing
from .names_of import NamesOf
from .records import record

__all__ = ["Mentions"]


class Mentions(NamesOf, Listing):
    """Mixin of :class:`~kg.relations.rules.KGRelations`: tokens to entity items (and, from
    :class:`~kg.relations.listing.Listing`, the names a noun lists)."""

    def _is_place(self, i: int, by_token: dict[int, int], items: list[dict[str, Any]]) -> bool:
        return i in by_token and self.onto.is_a(items[by_token[i]]["cls"], "Location")

    def _continues_place_list(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> bool:
        """Whether the place ``tok`` names follows another place and a comma ("in Poland, the Czech
        Republic, Slovakia and Hungary"): an item of a list of places, which the parser sometimes hangs
        on a noun further back as its apposition ("sells cookware ... in Poland, the Czech Republic")."""
        doc = tok.doc
        if not self._is_place(tok.i, by_token, items):
            return False
        start = items[by_token[tok.i]]["start"]
        k = start - 1
        if k >= 0 and doc[k].lower_ == "the":
            k -= 1
        if k < 1 or doc[k].text != ",":
            return False
        prev = k - 1
        return self._is_place(prev, by_token, items) and items[by_token[prev]]["end"] == k \
            and by_token[prev] != by_token[tok.i]

    def _listed_places(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The places listed right after the place ``tok`` names, as the text runs ("in Poland, the Czech
        Republic, Slovakia and Hungary" from "Poland"), for lists the parser did not chain as conjuncts.
        A name that opens the next clause ("in France, Germany said") or owns a noun ("Germany's") ends
        the list."""
        doc = tok.doc
        out: list[Token] = []
        if not self._is_place(tok.i, by_token, items):
            return out
        end = items[by_token[tok.i]]["end"]
        while len(out) < 32:
            k = end
            seps = 0
            while k < len(doc) and seps < 2 and (doc[k].text == "," or doc[k].lower_ in {"and", "or"}):
                k += 1
                seps += 1
            if k < len(doc) and doc[k].lower_ == "the" and seps:
                k += 1
            if not seps or not self._is_place(k, by_token, items) or items[by_token[k]]["start"] != k:
                break
            nxt = items[by_token[k]]
            root = self._root_of(doc, nxt)
            if root.dep_ in {"nsubj", "nsubjpass", "poss"} or (root.dep_ == "nmod" and any(
                    c.tag_ == "POS" for c in root.children)):
                break
            out.append(root)
            end = nxt["end"]
        return out

    def _places_within(self, noun: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The places a lower-case noun after a preposition of place stands for: the one named after
        "of" ("across most of Europe") and those listed under a plural ("in 30 countries, including Kenya
        and Ghana", "in markets such as Peru")."""
        named = self._place_named_of(noun, by_token, items)
        if named is not None:
            return [named]
        if noun.tag_ != "NNS":
            return []
        return [x for f in self._listed(noun) for x in [f, *f.conjuncts] if self._is_place(x.i, by_token, items)] \
            + self._counted_places(noun, by_token, items)

    def _counted_places(self, noun: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The places a plural of places (lexicon ``counted_place_nouns``) is in or names after it: "20 other
        countries in Europe", "six countries, among them Peru and Chile", "22 markets, most of them in Asia"."""
        out: list[Token] = []
        if noun.tag_ != "NNS" or not noun.is_lower or noun.lemma_.lower() not in self.counted_place_nouns:
            return out
        # ("20 other countries in Europe": the place they are in)
        out += [x for p in noun.children if p.dep_ == "prep" and p.lower_ in {"in", "across"} for g in p.children
                if g.dep_ == "pobj" for x in [g, *g.conjuncts] if self._is_place(x.i, by_token, items)]
        # ("in six countries, among them Peru and Chile", "in 22 markets, most of them in Asia": the small
        # parser hangs these anywhere; read on from the noun)
        doc, j = noun.doc, noun.i + 2
        if j < len(doc) and doc[j - 1].text == ",":
            words = [t.lower_ for t in doc[j:j + 4]]
            if words[:2] == ["among", "them"]:
                j += 2
            elif words[1:] == ["of", "them", "in"] and words[0] in {"most", "many", "all", "some", "half"}:
                j += 4
            else:
                return out
            if self._is_place(j, by_token, items) and items[by_token[j]]["start"] == j:
                first = self._root_of(doc, items[by_token[j]])
                if first.dep_ not in {"compound", "nmod", "amod", "poss"}:  # (not "among them Lima's X")
                    out += [first, *self._listed_places(first, by_token, items)]
        return out

    def _place_named_of(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> Token | None:
        """The place named after "of" in "the city of Malmo", "the region of Tuscany", "across much
        of Lombardy" (``tok`` a lexicon ``place_nouns`` or ``place_part_words`` word), or None."""
        if not tok.is_lower or tok.lemma_.lower() not in self.place_of_words:
            return None
        before = tok.doc[tok.i - 1] if tok.i else tok
        if tok.lemma_.lower() in self.division_nouns and before.dep_ == "compound" and before.head.i == tok.i and before.i in by_token \
                and items[by_token[before.i]]["via"] != "demonym" \
                and self.onto.is_a(items[by_token[before.i]]["cls"], "Location"):
            return None  # ("the Tarvo district of Keldria": the district named before it, in Keldria)
        # (or the name before a kind of place after "of": "in the heart of Mato Grosso state")
        named = [n for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
                 for n in ([g] if g.i in by_token else [k for k in g.children if k.dep_ == "compound" and k.i == g.i - 1
                                                        and g.is_lower and g.lemma_.lower() in self.place_nouns])]
        return next((n for n in named if n.i in by_token and self.onto.is_a(items[by_token[n.i]]["cls"], "Location")), None)

    def _last_two_named(self, tok: Token, items: list[dict[str, Any]], bodies: bool = True) -> list[int]:
        """The last two organisations named before ``tok`` (by name, not by coreference), within about
        a sentence before its own; none unless there are two. But where the text named two organisations
        together as a subject before ("Aerivo and Sahaj will build ..."), that pair, however far back: "the
        two companies" are the parties the story is about, not the last two names. No government body
        unless ``bodies`` ("both companies" are no ministry)."""
        doc = tok.doc

        def named(it: dict[str, Any]) -> bool:
            return it["via"] in {"", "gazetteer"} and self.onto.is_a(it["cls"], "Organization") and (
                bodies or not self.onto.is_a(it["cls"], "GovernmentBody"))
        orgs = {it["start"]: n for n, it in enumerate(items) if it["end"] <= tok.i and named(it)}
        pair: list[int] = []
        for start in sorted(orgs, reverse=True):
            it = items[orgs[start]]
            root = self._root_of(doc, it)
            if root.dep_ != "conj" or root.head.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            first = self._doc_state.by_token.get(root.head.i)
            if first in orgs.values() and items[first]["name"] != it["name"]:
                pair = [orgs[start], first]
                break
        if pair:
            return pair
        seen: list[int] = []
        for n in sorted((n for n, it in enumerate(items) if it["end"] <= tok.i and named(it)
                         and tok.sent.start - items[n]["start"] < 120),
                        key=lambda n: -items[n]["start"]):
            if items[n]["name"] not in {items[m]["name"] for m in seen}:
                seen.append(n)
            if len(seen) == 2:
                break
        return seen if len(seen) == 2 else []

    def _region_written_after(self, place: Token, nxt: Token, by_token: dict[int, int],
                              items: list[dict[str, Any]]) -> bool:
        """Whether ``nxt`` is a country written right after the place ``place`` and a comma ("Kumamoto,
        Japan, and Dresden"): the country the place is in, not another place of a list; or a region the
        gazetteer knows, where no list goes on after it ("hire 200 people in Cuxhaven, Lower Saxony,")."""
        if place.i not in by_token or nxt.i not in by_token:
            return False
        first, second = items[by_token[place.i]], items[by_token[nxt.i]]
        if first["cls"] != "Place" or second["start"] != first["end"] + 1 or place.doc[first["end"]].text != ",":
            return False
        doc, end = place.doc, second["end"]
        listed = end < len(doc) and (doc[end].lower_ in {"and", "or"} or (
            doc[end].text == "," and end + 1 < len(doc) and end + 1 in by_token
            and self.onto.is_a(items[by_token[end + 1]]["cls"], "Location")))  # ("Mumbai, Delhi, Bengaluru")
        # (not a country the gazetteer has the place outside of: "plants in Ohio, Mexico and Spain" is a list)
        return (second["cls"] == "Country" and self.place_countries.get(first["name"], second["name"]) == second["name"]) \
            or (second["name"] in self.region_names and not listed)

    def _records_between(self, doc: Doc, subjects: list[Token], objects: list[Token], rel: RelationInfo,
                         by_token: dict[int, int], items: list[dict[str, Any]], confidence: float, trigger: Token,
                         modality: str, objects_conj: bool = True) -> list[dict[str, Any]]:
        """A record of ``rel`` from each entity the ``subjects`` stand for to each the ``objects`` stand
        for, where the two differ and their classes fit; each indirection costs confidence.
        ``objects_conj``: whether an object stands for its conjuncts too (not where ``objects`` lists them)."""
        out = []
        for s, s_cost, _ in (m for t in subjects for m in self._map(t, by_token, items)):
            for o, o_cost, _ in (m for t in objects for m in self._map(t, by_token, items, conj=objects_conj)):
                si, oi = items[s], items[o]
                if si["name"] != oi["name"] and self.onto.fits(si["cls"], rel.domain) \
                        and self.onto.fits(oi["cls"], rel.range):
                    out.append(record(doc, si, rel.name, oi, confidence - s_cost - o_cost, trigger, modality))
        return out

    @staticmethod
    def _records_pairwise(doc: Doc, items: list[dict[str, Any]], parties: list[tuple[int, float, int]],
                          rel: RelationInfo, confidence: float, trigger: Token, modality: str) -> list[dict[str, Any]]:
        """A record of the symmetric ``rel`` between each two of ``parties`` (entity items with their costs, as
        :meth:`_map` gives them) whose names differ: "X and Y fight one another", "X, Y and Z build it together"."""
        out = []
        for a in range(len(parties)):
            for b in range(a + 1, len(parties)):
                (si, s_cost, _), (oi, o_cost, _) = parties[a], parties[b]
                if items[si]["name"] != items[oi]["name"]:
                    out.append(record(doc, items[si], rel.name, items[oi], confidence - s_cost - o_cost, trigger,
                                      modality))
        return out

    @staticmethod
    def _and_then_described(doc: Any, end: int, start: int, by_token: dict[int, int],
                            items: list[dict[str, Any]]) -> bool:
        """Whether only "and" (or "or"), then lower-case words or a demonym, lie between a name ending at
        ``end`` and one starting at ``start`` ("Pellum and Korvane", "Hanwol and nickel miner Minora")."""
        if end >= start or doc[end].lower_ not in {"and", "or"} or start - end > 5:
            return False
        return all(doc[k].is_lower or (k in by_token and items[by_token[k]]["via"] == "demonym")
                   for k in range(end + 1, start))

    @staticmethod
    def _owner_written_before(doc: Any, tok: Token, start: int, by_token: dict[int, int],
                              items: list[dict[str, Any]]) -> bool:
        """Whether ``tok`` is a name whose item closes with "'s" right before ``start`` ("Kelvor and Japan's
        Orlan Motors", "with Kelvor's Tessa and Orlan's Trovo"): the owner of the name that starts there,
        which the parser made the conjunct of the name listed before it."""
        if tok.i not in by_token or tok.dep_ != "conj" or tok.i >= start:
            return False
        end = items[by_token[tok.i]]["end"]
        return end + 1 == start and doc[end].tag_ == "POS"

    def _top_class(self, cls: str) -> str:
        """"Organization", "Person" or the class itself: which kind of actor an entity is."""
        return next((c for c in ("Organization", "Person") if self.onto.is_a(cls, c)), cls)

    def _names_after(self, tok: Token, by_token: dict[int, int]) -> list[Token]:
        """The names listed right after ``tok`` ("companies Aspen Ridge, Orlan and Red River"): the
        first token of each, read off the surface."""
        doc, items = tok.doc, self._doc_state.items
        out: list[Token] = []
        i = tok.i + 1
        while i < len(doc) and i in by_token and items[by_token[i]]["start"] == i:
            out.append(doc[i])
            i = items[by_token[i]]["end"]
            while i < len(doc) and doc[i].lower_ in {",", "and"}:
                i += 1
        return out

    def _kind_of_country(self, tok: Token, by_token: dict[int, int]) -> list[tuple[Token, str]]:
        """"restrictions on Chinese chipmakers": a country's companies of a kind, none of them named
        (as "such as" or "including" would), are the country a restriction reaches."""
        if tok.tag_ != "NNS" or tok.lemma_.lower() not in self.firm_kinds or self._listed(tok) \
                or tok.i + 1 in by_token:
            return []
        return [(c, "patient") for c in tok.children if c.dep_ in {"amod", "compound"} and c.i in by_token
                and self.onto.is_a(self._doc_state.items[by_token[c.i]]["cls"], "Country")]
