"""A product called again by the kind of thing the text first wrote after its name: "Halden shops
sell the Vexa Pulse wireless earbuds. The earbuds are made by Kelvor" ("the earbuds" is the Vexa
Pulse), "recalled 8,000 GlucoMax insulin pumps. Orlan, which makes the pumps, ..." (plural too, which
no other description of ``kg_coref`` stands for). The kind is a noun of lexicon ``product_nouns``;
where two named products share the kind before it, the description stands for neither. A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

__all__ = ["Kinds"]


class Kinds:
    """Mixin of :class:`~kg.coref.component.KGCoref`: "the earbuds" after "the Vexa Pulse earbuds"."""

    def _kind_named_before(self, doc: Doc, tok: Token) -> tuple[Span, dict[str, Any]] | None:
        """The description "the <kind>" at ``tok`` and the named product it stands for, or None."""
        # (a description that is an argument of its clause: "operators of the engine" may be of any engine)
        # (asked of every word kg_coref reads: the cheap tests first, the lemma only of a lower-case noun)
        if tok.pos_ != "NOUN" or not tok.is_lower:
            return None
        kind = tok.lemma_.lower()
        if kind not in self._kind_nouns or tok.dep_ not in {"nsubj", "nsubjpass", "dobj", "poss"}:
            return None
        det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the" and c.i == tok.i - 1]
        if not det:  # (only "the earbuds": "the new earbuds", "the Orlan earbuds" say more than the name)
            return None
        first = self._sent_index.get(tok.i, 0) - self.max_sentences
        names = {it["name"]: it for it in self._named if it["end"] <= det[0].i and it["cls"] == "Product"
                 and self._sent_index.get(it["start"], 0) >= first and self._kind_after(doc, it) in {kind, tok.lower_}}
        # (one product's names, the model's after the line's: "GlucoMax pumps ... GlucoMax 3 pumps", the last)
        last = max(names.values(), key=lambda it: it["start"], default=None)
        if last is None or any(not f"{last['name']} ".startswith(f"{name} ") for name in names):
            return None
        return doc[det[0].i:tok.i + 1], last

    @staticmethod
    def _kind_after(doc: Doc, it: dict[str, Any]) -> str | None:
        """The lemma of the lower-case noun the name modifies, or is apposed to, within the two words after it
        ("Vexa Pulse wireless earbuds": "earbud"), or None."""
        root = doc[it["start"]:it["end"]].root
        # (or the kind the parser apposed to the name: "its first product, the Vexa Pulse/appos wireless earbuds")
        noun = root.head if root.dep_ in {"compound", "nmod", "amod"} else next(
            (c for c in root.children if c.dep_ == "appos" and c.i >= it["end"]), None)
        if noun is None or not it["end"] <= noun.i <= it["end"] + 2:
            return None
        # (a lower-case word the tagger took for a proper noun is no lemma: "earbuds/NNP")
        if not noun.is_lower or noun.pos_ not in {"NOUN", "PROPN"} or any(not t.is_lower for t in doc[it["end"]:noun.i]):
            return None
        return noun.lemma_.lower() if noun.pos_ == "NOUN" else noun.lower_
