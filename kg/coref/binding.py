"""What a plain object pronoun cannot stand for: the subject of its own clause. English says "itself"
for that, so in "Orlan Bank, which now owns it", "Orlan Bank received dividends from it", "Orlan Bank
agreed to buy it" or "Kelvor was bought by it", "it" is not the subject ("which" standing for the noun
it is on, an infinitive or a participle without a subject of its own taking the one of the verb it
hangs on). Not possessives ("Kelvor sold its unit": "its" may be Kelvor) nor reflexives. A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import PURPOSE_VERBS, antecedent, controlled_objects, coordinated, first_conjunct
from .base import SUBJ, VERBS

__all__ = ["Binding"]



class Binding:
    """Mixin of :class:`~kg.coref.component.KGCoref`: the clause's subject is no object pronoun's."""

    def _bound_subject_names(self, tok: Token, pool: list[dict[str, Any]]) -> set[str]:
        """Names of ``pool`` (named or resolved mentions) that are the subject of the clause whose object
        (or object of a preposition in its verb's phrase) the plain pronoun ``tok`` is; empty otherwise."""
        verb = self._verb_governing(tok)
        if verb is None:
            return set()
        words = [w for s in self._clause_subjects(verb) for w in coordinated(first_conjunct(s))]
        words += [a for w in words for a in w.children if a.dep_ == "appos"]
        return {it["name"] for w in words for it in pool if it["start"] <= w.i < it["end"]}

    @staticmethod
    def _verb_governing(tok: Token) -> Token | None:
        """The verb ``tok`` is the object of, directly ("owns it"), through a preposition on the verb
        ("received dividends from it", "was bought by it") or on its object or predicate noun that no
        one owns ("holds a stake in it", "is the biggest investor in it"); ``None`` for any other word,
        a possessive or a reflexive."""
        if tok.lower_.endswith(("self", "selves")) or tok.dep_ not in {"dobj", "dative", "pobj"}:
            return None
        if tok.dep_ in {"dobj", "dative"}:
            return tok.head if tok.head.pos_ in VERBS else None
        prep = tok.head
        if prep.dep_ not in {"prep", "agent", "dative"}:
            return None
        host = prep.head
        if host.pos_ in VERBS:
            return host
        # (a noun someone owns is a domain of its own: "bought back Kelvor's stake in it" may be the buyer)
        if host.dep_ in {"dobj", "attr"} and host.head.pos_ in VERBS and not any(
                c.dep_ in {"poss", "nmod"} or c.tag_ == "POS" for c in host.children):
            return host.head
        return None

    @staticmethod
    def _clause_subjects(verb: Token) -> list[Token]:
        """The subject words of ``verb``'s clause: the noun a relative pronoun subject stands for; for a
        verb without a subject joined to another, or an infinitive or participle on one, that verb's (or
        the object an order or permission is given to: "allowed Kelvor to buy it"); up to three clauses up."""
        for _ in range(3):
            own = [c for c in verb.children if c.dep_ in SUBJ]
            if own:
                return [antecedent(c) for c in own]
            if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" \
                    and verb.head.head.pos_ in VERBS and (verb.i < verb.head.head.i or not any(
                        c.dep_ == "dobj" for c in verb.head.head.children)):
                verb = verb.head.head  # ("By buying it, Orlan Bank became ...": the gerund's is the verb's subject)
                continue
            if verb.dep_ not in {"conj", "xcomp", "advcl"} or verb.head.i == verb.i or verb.head.pos_ not in VERBS:
                return []
            if verb.dep_ == "advcl" and not (verb.tag_ == "VBG" or any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)):
                return []  # (a finite clause of time or reason has a subject of its own, here unparsed)
            objects = controlled_objects(verb) if verb.dep_ != "conj" else []
            if objects:
                return objects
            if verb.dep_ == "xcomp" and any(c.dep_ == "dobj" for c in verb.head.children) \
                    and verb.head.lemma_.lower() not in PURPOSE_VERBS:
                return []  # (whose act the infinitive after an object says is unsure: "expects Kelvor to buy it")
            verb = verb.head
        return []
