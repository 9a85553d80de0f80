"""Mentions -> entities: one name wherever it is written, no datelines, acronyms to long forms.

Steps 3 and 4 of :class:`~kg.entities.component.KGEntities`, on its items
(``{"start", "end", "name", "cls", "wikidata", "via"}``) and the tokens they take.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from ..names import family, initials
from ..syntax import joining_hyphen
from .gazetteer import _Gazetteer

__all__ = ["define_acronyms", "drop_datelines", "spread_names"]


def spread_names(doc: Doc, items: list[dict[str, Any]], taken: list[bool], claim: Any) -> None:
    """Step 3: ``claim`` every other place the text of a named or gazetteer item is written."""
    # 3. A name recognised once is the same entity wherever else it is written
    #    (the small model tags a name in one sentence and misses it in the next).
    surface: dict[str, dict[str, Any]] = {}
    for it in items:
        if it["via"] in {"", "gazetteer"}:
            surface.setdefault(doc[it["start"]:it["end"]].text, it)
    if surface:
        # every place the same tokens are written again (what a PhraseMatcher on ORTH finds,
        # without building a pattern Doc per name)
        orths = doc.to_array(ORTH).tolist()
        by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
        for text in sorted(surface):
            pattern = tuple(orths[surface[text]["start"]:surface[text]["end"]])
            by_first.setdefault(pattern[0], []).append((pattern, text))
        matches = [(text, i, i + len(pattern)) for i, orth in enumerate(orths)
                   for pattern, text in by_first.get(orth, ()) if tuple(orths[i:i + len(pattern)]) == pattern]
        # the items by the tokens they cover and by where they start (kept as items are removed and claimed),
        # so that each match looks only at its own tokens, not at every item of the document
        covering: dict[int, list[dict[str, Any]]] = {}
        starting: dict[int, list[dict[str, Any]]] = {}
        empty = [o for o in items if o["end"] <= o["start"]]  # (none in practice; they cover no token)

        def index(o: dict[str, Any], add: bool) -> None:
            places = [empty] if o["end"] <= o["start"] else [starting.setdefault(o["start"], [])] + [
                covering.setdefault(i, []) for i in range(o["start"], o["end"])]
            for place in places:
                if add:
                    place.append(o)
                else:
                    place.remove(o)

        for o in items:
            if o["end"] > o["start"]:
                index(o, True)
        for text, start, end in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
            src = surface[text]
            # a longer name seen elsewhere beats a shorter gazetteer alias inside it
            # ("KS Energy Solution" over "KS"): the items inside the match, where none crosses its edges
            inside = [o for k in range(start, end) for o in starting.get(k, ())
                      if o["end"] <= end and (o["start"], o["end"]) != (start, end)] \
                + [o for o in empty if start <= o["start"] and o["end"] <= end]
            if inside and not any(o["start"] < edge for edge in (start, end) for o in covering.get(edge, ())):
                for o in inside:
                    items.remove(o)
                    index(o, False)
                    for i in range(o["start"], o["end"]):
                        taken[i] = False
            before = len(items)
            claim(doc[start:end], src["name"], src["cls"], src["wikidata"], src["via"])
            for o in items[before:]:
                index(o, True)


#: the dashes a dateline ends on ("HELSINKI —", "AUSTIN, Texas -")
_DASHES = frozenset({"-", "\u2013", "\u2014"})


def _dateline_end(t: Token) -> bool:
    """Whether ``t`` may end a dateline: a dash, a hyphen only written apart ("AUSTIN, Texas -"; not
    the hyphen inside a word, "U.S. sanctions Dubai-based shipper X"), or the agency's bracket."""
    if t.text == "-":
        return t.i > 0 and not joining_hyphen(t.doc, t.i)  # (a window after a name: never the first token)
    return t.text in _DASHES or t.text == "("


def _line_ends_after_region(doc: Doc, start: int, items: list[dict[str, Any]]) -> bool:
    """Whether the line ends with the place that starts at ``start`` (and a full stop after it)."""
    end = next((it["end"] for it in items if it["start"] == start), start + 1)
    if end < len(doc) and doc[end].text == "." and doc[end - 1].text[-1:] != ".":
        end += 1
    return end >= len(doc) or "\n" in doc[end - 1].whitespace_ or doc[end].is_space


def drop_datelines(doc: Doc, items: list[dict[str, Any]], gazetteer: _Gazetteer | None) -> None:
    """Remove datelines from ``items``: places in capitals at a line start, a dash close after."""
    # Datelines ("HELSINKI —", "AUSTIN, Texas -") say where a story was filed, not who acts; but a
    # city named with its region or country ("AUSTIN, Texas") says where the city is, and stays.
    places_at = {it["start"] for it in items if it["cls"] in {"Place", "Country"}}
    for it in list(items):
        start = it["start"]
        # "BEIJING/WINNIPEG, March 20 –": the second city of a slashed dateline
        while start >= 2 and doc[start - 1].text == "/" and doc[start - 2].text.isupper():
            start -= 2
        at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space
        if not at_line_start:
            continue  # (a dateline opens its line: the tests below only of a name that does)
        surface = doc[it["start"]:it["end"]].text
        place = it["cls"] in {"Place", "Country"} or (
            gazetteer is not None and (gazetteer.lookup(surface.title()) or None) is not None
            and gazetteer.lookup(surface.title()).cls in {"Place", "Country"})
        place = place or start != it["start"]  # a slashed dateline's second city, whatever its class
        # "PALMA DE MALLORCA —": words in capitals at a line start, the dash right after, are a dateline
        # whatever the NER took them for (one word in capitals may be a firm's name: "VANTREL —")
        place = place or (" " in surface and it["end"] < len(doc) and doc[it["end"]].text in _DASHES)
        # "KULIM, Malaysia —": a name in capitals written with its region is a city, whatever the NER
        # said, and so is the name wherever else it is written ("a Kulim-based firm")
        with_region = it["end"] + 1 < len(doc) and doc[it["end"]].text == "," and it["end"] + 1 in places_at
        # (the dateline's end: a dash, the agency's name in brackets, "KULIM, Malaysia (AP)", or the line's
        # end, "KULIM, Malaysia.")
        if at_line_start and surface.isupper() and len(surface) > 3 and with_region and not place \
                and (any(_dateline_end(t) for t in doc[it["end"]:min(len(doc), it["end"] + 6)])
                     or _line_ends_after_region(doc, it["end"] + 1, items)):
            place = True
            for same in items:
                if same["name"].lower() == it["name"].lower() and same["via"] == "" \
                        and same["cls"] in {"Company", "Organization"}:
                    same["cls"] = "Place"
                    if same["name"].isupper():  # (as a place's name in capitals is written: "Austin")
                        same["name"] = same["name"].title()
        if at_line_start and surface.isupper() and len(surface) > 3 and place:
            window = doc[it["end"]:min(len(doc), it["end"] + 6)]
            if any(_dateline_end(t) for t in window):
                if it["end"] + 1 < len(doc) and doc[it["end"]].text == "," and it["end"] + 1 in places_at:
                    # stays for where it is, and takes part in nothing else; nor does its region
                    # ("HSINCHU, Taiwan, Aug 6 – Jadeite has sued ...": Taiwan sues nobody)
                    it["dateline"] = True
                    for region in items:
                        if region["start"] == it["end"] + 1:
                            region["dateline"] = True
                else:
                    items.remove(it)


def _organisation_by_its_acronym(it: dict[str, Any], acro: Any, named: dict[str, Any] | None,
                                 items: list[dict[str, Any]]) -> None:
    """"a former chief of Norsk Lerbanen (NLB)": a name the NER took for a person's, defined by an
    acronym in capitals that opens with its first letter and that the NER took for an organisation's,
    is that organisation (people are not written with their initials in brackets), and so is the name
    wherever else it is written."""
    if it["cls"] != "Person" or named is None or named["end"] != acro.i + 1 \
            or family(named["cls"]) != "org" or not acro.text.isupper() or len(acro.text) < 2 \
            or not acro.is_alpha or acro.text[0] != it["name"][:1]:
        return
    name = it["name"]
    for other in items:
        if other["name"] == name and other["cls"] == "Person":
            other["cls"] = named["cls"]


def define_acronyms(doc: Doc, items: list[dict[str, Any]], taken: list[bool], claim: Any) -> None:
    """Step 4: ``claim`` acronyms defined in parentheses; name acronyms by their long forms."""
    # 4. Acronyms defined in the text: "Northern Micro Devices (NMD)".
    by_start = {it["start"]: it for it in items}
    for it in items:
        end = it["end"]
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            acro = doc[end + 1]
            _organisation_by_its_acronym(it, acro, by_start.get(acro.i), items)
            if acro.text.isupper() and len(acro.text) >= 2 and not taken[acro.i]:
                claim(doc[acro.i:acro.i + 1], it["name"], it["cls"], it["wikidata"], "acronym")
            elif acro.i in by_start and initials(it["name"]) == acro.text:
                by_start[acro.i]["name"] = it["name"]
    # Bare acronyms elsewhere in the doc whose long form was seen.
    long_forms = {initials(it["name"]): it for it in items if initials(it["name"])}
    for it in items:
        if it["via"] in {"", "acronym"} and it["name"].isupper() and it["name"] in long_forms:
            src = long_forms[it["name"]]
            if src is not it and src["cls"] == it["cls"]:
                it["name"] = src["name"]
