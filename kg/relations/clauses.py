"""Relations read from a relative clause with no pronoun after a product's name (kg:offers, kg:develops).

"Tamsa, the app it runs", "Velta Pay, a service Orlan Digital runs for small shops", "Mirra, a snack bar
they make in Leeds": the parser seldom sees such a clause (it takes the kind for the subject of the verb,
or the runner's name for an apposition), so it is read off the surface (:func:`~kg.syntax.contact_clause`):
who runs, sells or offers the kind (lexicon ``offering_verbs``) offers the product; who makes, builds or
designs it (``making_verbs``) develops it. The same clause after a kind the name is written before ("the
Tarn Lounge network it runs", "the KX-200 engines it makes") is read the same way. A mixin of
:class:`~kg.relations.rules.KGRelations`.
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
        """Whether ``tok`` is a lower-case kind of product (lexicon ``product_nouns``; the small tagger takes
        some for a verb after a noun: "a payments app/VBP")."""
        return tok.is_lower and (tok.pos_ == "NOUN" or tok.tag_ == "VBP") and tok.lemma_.lower() in self.product_nouns

    def _clause_after_kind(self, doc: Doc, it: dict[str, Any], verbs: frozenset[str] | set[str],
                           names: dict[int, int]) -> tuple[int, int, Token] | None:
        """"the Tarn Lounge network it runs at airports", "the KX-200 engines it makes": "the", the name, the
        kind of product it is written before (one to three lower-case nouns), an optional "that", then a
        pronoun of a firm or a name and a verb of ``verbs`` with no object of its own; (start, end) of who
        and the verb, as :func:`~kg.syntax.contact_clause` returns them, or None."""
        start, k = it["start"], it["end"]
        if start == 0 or doc[start - 1].lower_ != "the":
            return None
        while k < len(doc) and k - it["end"] < 3 and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ == "NOUN":
            k += 1
        if k == it["end"] or k + 1 >= len(doc) or not self._kind_named(doc[k - 1]):
            return None
        k += 1 if doc[k].lower_ == "that" else 0
        stop = k + 1 if doc[k].lower_ in {"it", "they"} else names.get(k)
        if stop is None or stop >= len(doc):
            return None
        verb = doc[stop]
        if verb.lemma_.lower() not in verbs or verb.tag_ not in {"VBZ", "VBD", "VBP"}:
            return None
        # (not "the Tarn app it runs ads on": the verb's own object follows)
        after = doc[stop + 1] if stop + 1 < len(doc) else None
        if after is not None and (after.pos_ in {"NOUN", "PROPN", "DET", "NUM", "PRON"} or after.tag_ == "PRP$"):
            return None
        return k, stop, verb

    def _contact_clauses(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
        offering = self.onto.words("entities", "offering_verbs")
        making = self.onto.words("entities", "making_verbs")
        names = {it["start"]: it["end"] for it in items}
        out: list[dict[str, Any]] = []
        for it in items:
            if it["cls"] != "Product" or it.get("via") == "coref":
                continue
            found = contact_clause(doc, it["end"], self._kind_named, offering | making, names, self.firm_kinds) \
                or self._clause_after_kind(doc, it, offering | making, names)
            if found is None:
                continue
            start, _, verb = found
            lemma = verb.lemma_.lower() if verb.lemma_.lower() in offering | making else verb.lower_.removesuffix("s")
            rel = self.onto.relations.get("offers" if lemma in offering else "develops")
            if rel is None or start not in by_token:
                continue
            out += self._records_between(doc, [doc[start]], [self._root_of(doc, it)], rel, by_token, items,
                                         rel.base_confidence - 0.1, verb, self._modality(verb))
        return out
