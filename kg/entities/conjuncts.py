"""Names listed together under one kind of product: "Vapora and CloudMax disposable vapes", "the titles
Tidewrack and Urban Hearth".

A list of names that modifies a lower-case kind of product, or is apposed to one, names things of that
kind, all of them: where the text shows one of the names to be a product, the names listed with it are
products too, whatever firm, person or place the NER took them for (:class:`~kg.entities.corrections.
Corrections` uses it). And names listed after a firm's, each with "in" and a place ("Kestrel Bau in
Germany and Velkor in Austria"), are firms too (:func:`paired_like_a_firm`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import first_conjunct
from .gazetteer import _PLACES

__all__ = ["listed_with_products", "paired_like_a_firm"]

#: how a list of names stands to the kind it names: modifying it ("Vapora and CloudMax vapes") or apposed
#: to it ("the titles Tidewrack and Urban Hearth")
_TO_THE_KIND = frozenset({"compound", "nmod", "amod", "appos"})


def listed_with_products(doc: Doc, items: list[dict[str, Any]], is_kind: Callable[[Token], bool]) -> set[str]:
    """The names (of ``items`` the NER found, typed a firm, a person or a place) listed with a product's
    name, the list modifying or apposed to a lower-case kind of product (``is_kind``)."""
    at = {doc[it["start"]:it["end"]].root.i: it for it in items if it["via"] == ""}
    lists: dict[int, list[dict[str, Any]]] = {}
    for i, it in at.items():
        lists.setdefault(first_conjunct(doc[i]).i, []).append(it)
    out: set[str] = set()
    for first_i, members in lists.items():
        first = doc[first_i]
        kind = first.head
        # (over the lower-case words between the list and the kind: "Morvel and Quinta disposable vapes")
        steps = 0
        while first.dep_ != "appos" and kind.is_lower and kind.dep_ in {"compound", "amod", "nmod"} \
                and kind.head.i > kind.i and not is_kind(kind) and steps < 3:
            kind, steps = kind.head, steps + 1
        if len(members) < 2 or first.i not in at or first.dep_ not in _TO_THE_KIND or not kind.is_lower \
                or kind.pos_ != "NOUN" or not is_kind(kind):
            continue
        # (the kind after the list, which modifies it, or before it, which it is apposed to)
        if (first.dep_ == "appos") != (kind.i < first.i):
            continue
        if any(m["cls"] == "Product" for m in members):
            out |= {m["name"] for m in members if m["cls"] in {"Company", "Person", "Place"}}
    return out


def paired_like_a_firm(doc: Doc, items: list[dict[str, Any]]) -> set[str]:
    """"builders including Kestrel Bau in Germany and Velkor in Austria", "partnerships with Orlan in Brazil and
    Tarvo in Peru": a name (of ``items`` the NER found, typed a place, a person or a firm), then "in" and a place,
    listed right after a firm's name with "in" and a place, is a firm's too (the parser hangs it on the first
    place, as if it were one of a list of places)."""
    by_start = {it["start"]: it for it in items}
    by_end = {it["end"]: it for it in items}
    def in_a_place(end: int) -> dict[str, Any] | None:
        place = by_start.get(end + 1)
        return place if end < len(doc) and doc[end].lower_ == "in" and place is not None \
            and place["cls"] in _PLACES else None

    out: set[str] = set()
    for it in items:
        s = it["start"]
        if it["via"] != "" or it["cls"] not in {"Place", "Person", "Company"} or s < 1 or in_a_place(it["end"]) is None:
            continue
        k = s - 1
        if doc[k].lower_ != "and" and doc[k].text != ",":
            continue
        if doc[k].lower_ == "and" and k >= 1 and doc[k - 1].text == ",":
            k -= 1
        place = by_end.get(k)
        if place is None or place["cls"] not in _PLACES or place["start"] < 2 or doc[place["start"] - 1].lower_ != "in":
            continue
        firm = by_end.get(place["start"] - 1)
        if firm is not None and firm["cls"] == "Company" and firm["via"] in {"", "gazetteer"}:
            out.add(it["name"])
    return out
