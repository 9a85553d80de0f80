"""Small facts of English syntax that the relation extractors share."""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["COPULAS", "REL_PRONOUNS", "SUBJ", "possessive"]

#: Dependency labels of a clause's (active) subject.
SUBJ = {"nsubj", "csubj"}
#: Lemmas of verbs that link a subject to what it is ("is its CEO", "remained", "became").
COPULAS = frozenset({"be", "remain", "become"})
#: Relative pronouns.
REL_PRONOUNS = {"which", "that", "who", "whom", "whose"}


def possessive(tok: Token) -> bool:
    """"Oracle's": a possessor (the parser labels it poss, or nmod with a 's case marker)."""
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(c.tag_ == "POS" for c in tok.children))

