"""A firm's named unit listed among firms: "Alfama Ventures and Kelvor's KV", "compete with Halden
Group's Nettel and with Vario Mobile". A possessive name ("Orvana's R2") is mostly the owner's product;
written in one list with the names of other firms, it is one of them (the owner's unit), not a thing
the owner makes; but a name with a model's number stays a product a firm's rivals are listed with
("competes with Orvana and Kelvor's K-150")."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

__all__ = ["listed_with_firms"]


def _listed(root: Token) -> list[Token]:
    """The words listed with ``root``: its conjuncts, and the objects of prepositions joined to the one
    it is the object of ("with X and with Y")."""
    out = [c for c in root.children if c.dep_ == "conj"]
    if root.dep_ == "conj":
        out.append(root.head)
    prep = root.head if root.dep_ == "pobj" else None
    if prep is not None:
        preps = [c for c in prep.children if c.dep_ == "conj"] + ([prep.head] if prep.dep_ == "conj" else [])
        out += [c for p in preps for c in p.children if c.dep_ == "pobj"]
    return out


def listed_with_firms(root: Token, it: dict[str, Any], owner: dict[str, Any],
                      org_at: dict[int, dict[str, Any]]) -> bool:
    """Whether the name ``it`` (its head word ``root``) is listed with another firm than its ``owner``."""
    if any(ch.isdigit() for ch in it["name"]):
        return False
    return any((o := org_at.get(t.i)) is not None and o is not owner and o["cls"] == "Company"
               for t in _listed(root))
