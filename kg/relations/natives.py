"""Where a person is from, told by a place's name before a noun of origin in a phrase apposed to the
person's name: "Teo Marsh, a Halden native and mother of two, said", "another Halden native, actress
Teo Marsh, will judge" (kg:livesIn). Read from the words, since the parser hangs such a phrase in
many ways (the place as the apposition and "native" its adjective, the name apposed to "native").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .records import record

__all__ = ["natives_apposed"]

#: the determiners that open such a phrase
_OPENERS = frozenset({"a", "an", "another"})
#: how many words may follow the noun of origin before the comma ("and mother of two")
_TAIL = 6


def natives_apposed(reader: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """livesIn records of people a phrase "a <place> native" is apposed to, on either side of it."""
    rel = reader.onto.relations.get("livesIn")
    if rel is None or not reader.origin_nouns:
        return []
    out: list[dict[str, Any]] = []
    for i in reader._lower_ids(reader._origin_hashes):  # (the nouns of origin only, not a Token per word)
        tok = doc[i]
        if tok.i < 2 or tok.i - 1 not in by_token:
            continue
        place = items[by_token[tok.i - 1]]
        if place["end"] != tok.i or not reader.onto.fits(place["cls"], rel.range):
            continue
        opener = place["start"] - 1
        if opener < 0 or doc[opener].lower_ not in _OPENERS:
            continue
        person = None
        # "Teo Marsh, a Halden native ...": the name right before the phrase's comma
        if opener >= 2 and doc[opener - 1].text == "," and opener - 2 in by_token:
            person = items[by_token[opener - 2]]
        else:
            # "another Halden native (and mother of two), actress Teo Marsh,": the name after its comma,
            # maybe after lower-case words of what the person is
            k = tok.i + 1
            while k < len(doc) and k - tok.i <= _TAIL and doc[k].text != "," and doc[k].is_lower:
                k += 1
            if k >= len(doc) or doc[k].text != ",":
                continue
            k += 1
            while k < len(doc) and doc[k].lower_ in reader.person_titles:
                k += 1
            if k in by_token and items[by_token[k]]["start"] == k:
                person = items[by_token[k]]
        if person is None or person["cls"] != "Person":
            continue
        out.append(record(doc, person, "livesIn", place, rel.base_confidence, tok, "fact"))
    return out
