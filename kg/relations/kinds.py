"""Kinds of place: what a text says a place is ("Tarvik is the capital of Keldria", "Mount Varn is a
volcano in Orland") and the divisions it names ("the Tarvo district of Keldria"), which say where
the place lies (kg:locatedIn).

A mixin of :class:`~kg.relations.rules.KGRelations`, asked by :meth:`~kg.relations.places.Places._places_in`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from .records import record

__all__ = ["Kinds"]


class Kinds:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: kinds of place said and named."""

    def _kind_said_of(self, attr: Token) -> list[Token]:
        """"Tarvik is the capital of Keldria", "Halvik is a city of Keldria", "Tarvo is one of the districts
        of Keldria": the "of" of a kind of place the copula says its subject is (indefinite but for a capital,
        see :meth:`_place_described`; "the capital city"), where the place it lies in is named (not "the
        city of Halden", which names the city itself)."""
        if attr.lower_ == "one":  # "one of the districts of Keldria"
            attr = next((g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
                         if g.dep_ == "pobj" and g.tag_ == "NNS" and g.lemma_.lower() in self.place_nouns), attr)
            said = attr.lower_ != "one"
        else:
            said = self._place_described(attr) or any(c.dep_ == "compound" and c.lower_ == "capital"
                                                       for c in attr.children)
        return [c for c in attr.children if c.dep_ == "prep" and c.lower_ == "of"] if said and attr.is_lower else []

    def _kind_of_place_of(self, doc: Any, it: dict[str, Any], root: Token, by_token: dict[int, int],
                          items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"the Tarvo district of Keldria", "the Halden Province of northern Keldria", "the Tarvo
        municipality of the state of Keldria": a place's name before a division of a place (lexicon
        ``division_nouns``, or a name that ends in one), then "of" and a place, lies in that place."""
        rel = self.onto.relations["locatedIn"]
        if root.dep_ == "compound" and root.head.i == it["end"] and root.head.is_lower:
            noun = root.head  # "the Tarvo district of"
        elif root.i == it["end"] - 1 and it["end"] - it["start"] > 1 and not root.is_lower:
            noun = root  # "the Halden Province of": the kind of place is the name's last word
        else:
            return []
        if noun.lemma_.lower() not in self.division_nouns:
            return []
        out: list[dict[str, Any]] = []
        for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                  for g in p.children if g.dep_ == "pobj"):
            named = self._place_named_of(g, by_token, items) if g.is_lower else g if g.i in by_token else None
            obj = items[by_token[named.i]] if named is not None else None
            if obj is not None and obj["via"] in {"", "gazetteer"} and obj["name"] != it["name"] \
                    and self.onto.fits(obj["cls"], rel.range):
                out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.1, noun))
        return out

    def _kind_in(self, attr: Token) -> list[Token]:
        """"Mount Varn is a dormant volcano in the Keldria Range", "The Tarvo Canal is a narrow canal located
        in Finnmark": the "in" of whatever common noun the copula says a place is (a volcano, a tramway, a
        lake: what a place is, is where it lies), or of the participle of lying on it (lexicon
        ``location_participles``)."""
        if not (attr.pos_ == "NOUN" and attr.is_lower):
            return []
        holders = [attr] + [v for v in attr.children if v.dep_ == "acl" and v.tag_ == "VBN"
                            and v.lemma_ in self.location_participles]
        return [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "in"]
