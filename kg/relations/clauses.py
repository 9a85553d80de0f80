"""Relations read from a relative clause with no pronoun after a product's name (kg:offers, kg:develops).

"Tamsa, the app it runs", "Velta Pay, a service Orlan Digital runs for small shops", "Mirra, a snack bar
they make in Leeds": the parser seldom sees such a clause (it takes the kind for the subject of the verb,
or the runner's name for an apposition), so it is read off the surface (:func:`~kg.syntax.contact_clause`):
who runs, sells or offers the kind (lexicon ``offering_verbs``) offers the product; who makes, builds or
designs it (``making_verbs``) develops it. A mixin of :class:`~kg.relations.rules.KGRelations`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import contact_clause

__all__ = ["Clauses"]


class Clauses:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who runs or makes the product a clause with no
    pronoun describes."""

    def _kind_named(self, tok: Token) -> bool:
        """Whether ``tok`` is a lower-case kind of product (lexicon ``product_nouns``)."""
        return tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.product_nouns

    def _contact_clauses(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        offering = self.onto.words("entities", "offering_verbs")
        making = self.onto.words("entities", "making_verbs")
        names = {it["start"]: it["end"] for it in items}
        out: list[dict[str, Any]] = []
        for it in items:
            if it["cls"] != "Product" or it.get("via") == "coref":
                continue
            found = contact_clause(doc, it["end"], self._kind_named, offering | making, names)
            if found is None:
                continue
            start, _, verb = found
            lemma = verb.lemma_.lower() if verb.lemma_.lower() in offering | making else verb.lower_.removesuffix("s")
            rel = self.onto.relations.get("offers" if lemma in offering else "develops")
            if rel is None or start not in by_token:
                continue
            out += self._records_between(doc, [doc[start]], [doc[it["start"]:it["end"]].root], rel, by_token, items,
                                         rel.base_confidence - 0.1, verb, self._modality(verb))
        return out
