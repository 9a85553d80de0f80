"""A possessive in what one firm accuses another of is the accused's: "Revontuli sued Pohjola, accusing it of
copying code into its game" (Pohjola's game), "alleging that the grid company slowed the work to protect a
plant owned by its parent" (the grid company's parent); but the thing the accused is said to have taken is
the accuser's ("alleging the startup copied 400,000 of its articles": the accuser's articles; lexicon
``infringing``). Not where a clause with a subject of its own stands between, nor a possessive on the
accusation's subject ("alleging that its former partner ..."). A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import subjects_above
from .base import SUBJ, VERBS, its_own

__all__ = ["Accusations"]


class Accusations:
    """Mixin of :class:`~kg.coref.component.KGCoref`: whose a possessive in an accusation is."""

    def _accused_owner(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]) -> dict[str, Any] | None:
        """The accused (the object of "accusing ... of" a gerund, or the subject of the clause "alleging"
        governs) for a possessive ``tok`` in that act, or the accuser for one on what the act takes; ``None``
        where ``tok`` is in no such act or no mention of a wanted class is there."""
        if tok.dep_ != "poss" or its_own(tok):
            return None
        node = tok.head
        for _ in range(12):
            if node.head.i == node.i:
                return None
            if node.pos_ in VERBS:
                subjects = [c for c in node.children if c.dep_ in SUBJ]
                if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.lower_ == "of" \
                        and node.head.head.lemma_.lower() in self._accusing:
                    if subjects:
                        return None
                    verb = node.head.head
                    return self._party(tok, [c for c in verb.children if c.dep_ == "dobj"], verb, pool, wanted)
                if node.dep_ == "ccomp" and node.head.lemma_.lower() in self._accusing and subjects:
                    if any(s.i == tok.i or s.is_ancestor(tok) for s in subjects):
                        return None
                    return self._party(tok, subjects, node.head, pool, wanted)
                if subjects:
                    return None
            node = node.head
        return None

    def _accused_subject(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]) -> dict[str, Any] | None:
        """"Brenna sued Kelvor, claiming it had sold faulty parts", "filed a lawsuit against Kelvor, alleging that
        it misled customers": "it", the subject of what a participle of accusing (or of saying, on a suit) says,
        is the one accused, the object of the verb the participle hangs on (or of "against" on the suit noun), not
        the accuser; ``None`` where ``tok`` is no such subject or no named mention of a wanted class is accused
        (not a participle of arguing: "sued X, arguing that it had been shut out" is the suer's case)."""
        clause = tok.head
        if tok.lower_ != "it" or tok.dep_ not in SUBJ or clause.dep_ != "ccomp":
            return None
        said = clause.head
        if said.tag_ != "VBG" or said.dep_ not in {"advcl", "xcomp", "conj"} \
                or any(c.dep_ in SUBJ for c in said.children):
            return None
        if said.lemma_.lower() not in self._accusing and not self._said_in_a_suit(said):
            return None
        def against(head: Token) -> list[Token]:
            return [g for p in head.children if p.dep_ == "prep" and p.lower_ == "against"
                    for g in p.children if g.dep_ == "pobj"]

        verb = said.head
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        accused = [c for c in objects if c.lemma_.lower() not in self._suing]
        accused += [g for c in objects if c.lemma_.lower() in self._suing for g in against(c)]
        accused += against(verb)
        return self._named_party([word for w in accused
                                  for word in [w] + [a for a in w.children if a.dep_ == "appos"]], pool, wanted)

    def _party(self, tok: Token, accused: list[Token], verb: Token, pool: list[dict[str, Any]],
               wanted: set[str]) -> dict[str, Any] | None:
        return self._named_party(subjects_above(verb) if self._taken(tok) else accused, pool, wanted)

    def _named_party(self, words: list[Token], pool: list[dict[str, Any]], wanted: set[str]
                     ) -> dict[str, Any] | None:
        """The first mention of ``pool`` of a wanted class (no demonym) that covers one of ``words``."""
        return next((it for w in words for it in pool if it["start"] <= w.i < it["end"]
                     and it["via"] != "demonym" and self._compatible(it["cls"], wanted)), None)

    def _taken(self, tok: Token) -> bool:
        """The noun ``tok`` owns is what a verb of taking or copying takes ("copied 400,000 of its articles",
        "infringing its patents")."""
        noun = tok.head
        if noun.dep_ == "pobj" and noun.head.lower_ == "of":
            noun = noun.head.head
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self._infringing
