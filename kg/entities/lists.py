"""Classes read off the company a name keeps: a name listed among firms is a firm, among places
after "in" a place, at an end of a route beside a place a place. Part of step 2 of
:class:`~kg.entities.component.KGEntities` (:meth:`~kg.entities.classes.Classes._correct_classes`).
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import LEMMA
from spacy.tokens import Doc

from ..syntax import coordinated, preps_with_nested

__all__ = ["Lists"]


class Lists:
    """Mixin of :class:`~kg.entities.component.KGEntities`: the class a list or a route gives a name."""

    def _listed_among_firms(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as a place, a product or a one-word person that a list of names
        puts among companies: "to Wayfair, Chewy and Grevholt Logistics", "to Barry Callebaut and Cargill"."""
        at = {doc[it["start"]:it["end"]].root.i: it for it in items if it["via"] in {"", "gazetteer"}}
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
            if len(firms) < 2 or len(firms) * 2 <= len(members):
                continue
            out |= {m["name"] for m in members if m["via"] == "" and (
                m["cls"] in {"Place", "Product"} or (m["cls"] == "Person" and " " not in m["name"]))}
        return out

    def _listed_among_places(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as an organisation, a product or a person in a list of places after "in",
        "across" or "throughout" (at least two of the list places, and more than half): "runs fleets
        in Manchester, Bristol and Leeds"."""
        at = {doc[it["start"]:it["end"]].root.i: it for it in items if it["via"] in {"", "gazetteer"}}
        out: set[str] = set()
        for i, it in at.items():
            tok = doc[i]
            if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "across", "throughout"} \
                    or not any(c.dep_ == "conj" for c in tok.children):
                continue
            members = [at[t.i] for t in coordinated(tok) if t.i in at]
            places = [m for m in members if self.onto.is_a(m["cls"], "Location")]
            if len(places) < 2 or len(places) * 2 <= len(members):
                continue
            out |= {m["name"] for m in members if m["via"] == "" and m["cls"] in {"Company", "Organization", "Product",
                                                                                  "Person"}}
        return out

    def _route_ends(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names the NER alone typed as an organisation or a product at an end of a route, beside a
        place: "flies to Istanbul and Tunis", "routes from Hirtshals to Stavanger" (lexicon
        ``route_nouns`` and ``route_verbs``: where a flight, a ferry or a train goes is a place)."""
        at = {doc[it["start"]:it["end"]].root.i: it for it in items if it["via"] in {"", "gazetteer"}}
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
