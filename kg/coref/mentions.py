"""Which words are mentions at all ("it is difficult to ..." is none; in "makes the resist and sells
it", "it" is the resist), and products named after their owner ("Stripe's API" -> "Stripe API")."""

from __future__ import annotations

import bisect
from typing import Any

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

__all__ = ["Mentions"]


class Mentions:
    """Mixin of :class:`~kg.coref.component.KGCoref`: the words that are, or are not, mentions."""

    def _owns_named_product(self, tok: Token) -> bool:
        """Whether the possessive ``tok`` owns a product the text names ("its Skarb counter-drone
        radars": a named product between it and the noun it hangs on)."""
        end = tok.head.i if tok.head.i > tok.i else tok.i + 1
        product = self._next_named(tok.i + 1)
        return product is not None and product["start"] <= end and product["cls"] == "Product"

    def _runs_named_product(self, tok: Token) -> bool:
        """Whether the pronoun ``tok`` is the subject of a clause of kg:offers's or kg:develops's verbs on a
        noun that names a product or describes one named right before its comma ("SarvamWallet, the wallet
        service it runs", "the Kivi Store marketplace it operates")."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "relcl" or verb.lemma_.lower() not in self._product_verbs:
            return False
        noun = verb.head
        doc = tok.doc
        words = [noun, *(c for c in noun.children if c.dep_ in {"compound", "nmod", "amod"})]
        if noun.dep_ == "appos":
            words.append(noun.head)
        comma = noun.left_edge.i - 1
        if comma > 0 and doc[comma].text == ",":
            words.append(doc[comma - 1])
        return any((named := self._named_covering(w.i)) is not None and named["cls"] == "Product" for w in words)

    def _next_named(self, i: int) -> dict[str, Any] | None:
        """The first name of the document (not a resolved mention) that starts at token ``i`` or after."""
        k = bisect.bisect_left(self._starts, i)
        return self._named[k] if k < len(self._named) else None

    def _named_covering(self, i: int) -> dict[str, Any] | None:
        """The name of the document (not a resolved mention) that covers token ``i``, of any class."""
        k = bisect.bisect_right(self._starts, i) - 1
        if k >= 0 and self._named[k]["start"] <= i < self._named[k]["end"]:
            return self._named[k]
        return None

    @staticmethod
    def _called(tok: Token) -> Token | None:
        """The proper noun a participle of naming on ``tok`` gives it: "the venture, called Solmer Bio",
        "a unit named Arlo Labs", "the company, known as Veyra" (the name's last word), or None (also where
        the parser took the participle for a relative clause: "The venture, to be called Solmer Bio, ...")."""
        for c in tok.children:
            if c.dep_ not in {"acl", "relcl"} or c.tag_ != "VBN" or c.lemma_.lower() not in {"call", "name", "dub", "know", "brand"}:
                continue
            words = [g for g in c.children if g.dep_ in {"oprd", "attr", "dobj"}] + [
                g for p in c.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children if g.dep_ == "pobj"]
            if c.lemma_.lower() == "know":
                words = [g for g in words if g.head.dep_ == "prep"]
            return next((g for g in words if g.pos_ == "PROPN"), None)
        return None

    def _place_named_before(self, tok: Token) -> bool:
        """Whether a place's name (not a demonym) stands right before the place noun ``tok`` as its
        compound: "the Tessor region of Keldria" is the Tessor region, which lies in Keldria (with a
        noun of lexicon ``division_nouns``)."""
        if tok.i == 0 or tok.doc[tok.i - 1].dep_ != "compound" or tok.doc[tok.i - 1].head.i != tok.i:
            return False
        named = self._named_covering(tok.i - 1)
        return named is not None and named.get("via") != "demonym" and self.onto.is_a(named["cls"], "Location")

    def _named_at(self, i: int) -> dict[str, Any] | None:
        """The name of the document (not a resolved mention), other than a place's, that covers token
        ``i`` (a place before a description says where it is from: "the U.S. company"), or None."""
        named = self._named_covering(i)
        return named if named is not None and not self.onto.is_a(named["cls"], "Location") else None

    def _object_of_verb_before(self, tok: Token, taken: list[bool]) -> bool:
        """"makes the TR-500 resist and sells it": the object of a verb that repeats the object of the verb
        it is coordinated with, a thing no name stands for (not "bought the company and sold it")."""
        verb = tok.head
        if tok.dep_ != "dobj" or verb.dep_ != "conj" or verb.head.pos_ != "VERB":
            return False
        objects = [c for c in verb.head.children if c.dep_ == "dobj"] or [
            # ("makes the TR-500 resist used in ...": the parser took the object for the subject of a clause)
            g for c in verb.head.children if c.dep_ == "ccomp" and c.tag_ == "VBN" for g in c.children
            if g.dep_ == "nsubj" and g.i < c.i]
        return bool(objects) and all(o.pos_ == "NOUN" and not taken[o.i] and o.lower_ not in self.descriptors
                                     for o in objects)

    def _pleonastic(self, tok: Token) -> bool:
        """"it is difficult to ...", "it seems that ..." are not references."""
        head = tok.head
        if tok.dep_ not in {"nsubj", "expl"}:
            return False
        if tok.dep_ == "expl":
            return True
        deps = {c.dep_ for c in head.children}
        return head.lemma_ in {"be", "seem", "appear", "remain", "become"} and bool(
            deps & {"acomp", "attr"}) and bool(deps & {"xcomp", "ccomp"})

    def _generic_products(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool]) -> None:
        """"Stripe's API", "its API", "the firm's API" -> a product named "Stripe API"."""
        by_token = {}
        for it in items:
            for i in range(it["start"], it["end"]):
                by_token[i] = it
        # (the words written as a generic product, found in the Doc's array: no Token object per token)
        wanted = {get_string_id(w) for w in self.generic_products}
        for tok in [doc[i] for i, h in enumerate(doc.to_array(ORTH).tolist()) if h in wanted]:
            if taken[tok.i] or tok.text not in self.generic_products:
                continue
            if any(c.dep_ in {"compound", "nmod"} and c.i < tok.i and c.pos_ == "PROPN" and c.i in by_token
                   and not self.onto.is_a(by_token[c.i]["cls"], "Organization") for c in tok.children):
                continue  # "its Zephyr app": the app has a name of its own
            if any(c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i and c.is_lower for c in tok.children):
                continue  # "its smartphone app", "the bank's own app": a description, not a thing's name
            owner = None
            for child in tok.children:
                if child.dep_ in {"poss", "compound"} and child.i in by_token:
                    cand = by_token[child.i]
                    if self.onto.is_a(cand["cls"], "Organization"):
                        owner = cand
            if owner is None:
                continue
            taken[tok.i] = True
            items.append({"start": tok.i, "end": tok.i + 1, "name": f"{owner['name']} {tok.text}",
                          "cls": "Product", "wikidata": "", "via": "generic"})
