"""A country the sentence names only as the owner of a public body ("Brazil's health regulator, Anvisa, had
cleared Glimora XR, its extended-release version of the drug"; "a lawsuit against Chile's environmental
regulator over an order to halt work at its copper mine") is not what a later "its" of that sentence stands
for: the body acts there for the country, and the thing owned is another's (the firm the sentence is about),
however often the story named the country before. A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

__all__ = ["BodyOwners"]


class BodyOwners:
    """Mixin of :class:`~kg.coref.component.KGCoref`: countries named only as a public body's owner."""

    def _without_bodies_owners(self, doc: Doc, cands: list[dict[str, Any]], tok: Token) -> list[dict[str, Any]]:
        """``cands`` less the countries that ``tok``'s sentence names, before ``tok``, only as the possessive
        of a noun for a government body (lexicon [coref] GovernmentBody: "regulator", "ministry"; its demonyms
        aside), where
        ``tok`` is a possessive "its" and another candidate is left."""
        if tok.lower_ != "its" or tok.dep_ != "poss":
            return cands
        start = tok.sent.start
        here: dict[str, list[bool]] = {}
        for c in cands:
            # (a demonym is no owner, nor a mention of its own: "the Chilean unit ... Chile's regulator")
            if c["cls"] == "Country" and c["via"] not in {"coref", "demonym"} and start <= c["start"] \
                    and c["end"] <= tok.i:
                root = doc[c["end"] - 1]
                here.setdefault(c["name"], []).append(
                    root.dep_ == "poss" and root.head.i > root.i
                    and "GovernmentBody" in self.descriptors.get(root.head.lemma_.lower(), ()))
        owners = {name for name, flags in here.items() if all(flags)}
        if not owners:
            return cands
        kept = [c for c in cands if c["name"] not in owners]
        return kept if kept else cands
