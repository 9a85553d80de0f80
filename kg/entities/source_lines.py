"""Monitoring source lines: a line that only names a city and the outlet that publishes or broadcasts
there, as news monitoring services head what they translate, "Halden Radio Kelvor Network",
"Orsk VELDA PRAVDA", optionally after the service's reference code and before the language, the time
and the date ("FB1203101795 Halden Radio Kelvor Network in Vesk 1130 GMT 12 Mar 95", "Orsk VELDA
PRAVDA 30 Jan 95 p 2"). The outlet is an organisation based in that city; its name is marked with
the city's start (``seat_start``) for kg.relations to read kg:basedIn.

Only the line's shape says so: a city before any organisation elsewhere ("the Halden Kelvor plant")
is not read here. A bare line of city and outlet, with no code and no stamp, must name the outlet in
capitals ("Orsk VELDA") or with a word of broadcasting ("Halden Radio Kelvor"), beside a name of its
own, so that a headline opening on a city ("Orsk Startup Raises Funds") is not one, nor a paper or a
station named after its city ("Halden Evening Courier", "Orsk Television").
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc

from .gazetteer import _Gazetteer

__all__ = ["source_lines"]

#: a monitoring service's reference code before the city: letters and digits, at least five digits
_CODE = re.compile(r"(?=(?:[A-Z]*\d){5})[A-Z0-9]{8,13}")
#: what may follow the outlet on its line: an edition in brackets, "in" and the language, then the
#: time in GMT, a day, month and two-digit year, or an issue's number; or the date alone
_STAMP = re.compile(r"\s*(?:\([A-Z][A-Z ]*\)\s*)?(?:in [A-Z][a-z]+(?:-[A-Z][a-z]+)?\s+"
                    r"(?:\d{4} GMT\b|\d{1,2} [A-Z][a-z]{2} \d{2}\b|No\b)|\d{1,2} [A-Z][a-z]{2} \d{2}\b)")
#: the longest outlet name read, in tokens
_MOST = 8


def _line_starts(doc: Doc) -> list[int]:
    """The first token of each line of ``doc`` (the document's first, and each after a line break)."""
    return [0] + [i + 1 for i, t in enumerate(doc[:-1]) if "\n" in t.whitespace_ or (t.is_space and "\n" in t.text)]


def _outlet_end(doc: Doc, start: int) -> int:
    """The end of the run of capitalised words (and the hyphens inside them: "ITAR-TASS") from ``start``."""
    j = start
    while j < len(doc) and j - start < _MOST:
        t = doc[j]
        if _CODE.fullmatch(t.text):
            break  # (the next source line's code: a headline runs on into it)
        glued = t.text == "-" and j > start and not doc[j - 1].whitespace_ and not t.whitespace_
        if not (glued or (t.text[:1].isupper() and not t.is_punct) or (j > start and doc[j - 1].text == "-"
                                                                         and not doc[j - 1].whitespace_)):
            break
        j += 1
        if "\n" in t.whitespace_:
            break
    return j


def source_lines(doc: Doc, items: list[dict[str, Any]], taken: list[bool], gazetteer: _Gazetteer | None,
                 outlet_words: frozenset[str] | set[str]) -> None:
    """Read the monitoring source lines of ``doc`` (see the module): each outlet becomes an
    Organization item (any item inside its name dropped), marked with its city's start."""
    at = {it["start"]: it for it in items}
    starts = set(_line_starts(doc))
    text = doc.text
    anchors = starts | {i + 1 for i, t in enumerate(doc[:-1]) if _CODE.fullmatch(t.text)}
    for a in sorted(anchors):
        coded = a > 0 and _CODE.fullmatch(doc[a - 1].text) is not None
        k = a + 1 if a < len(doc) and doc[a].text == "The" else a  # ("The Hague ANP")
        place, joined = at.get(k) or at.get(a), None
        split = _place_opening(doc, k, place, gazetteer)
        if split is not None:
            joined, place = place, split
        elif place is None or place["cls"] != "Place":
            continue
        start = place["end"]
        end = _outlet_end(doc, start)
        if end == start or any(it["start"] < start < it["end"] or it["start"] < end < it["end"] for it in items
                               if it is not place and it is not joined):
            continue
        after = doc[end - 1].idx + len(doc[end - 1].text)
        line_end = text.find("\n", after)
        line_rest = text[after:line_end if line_end >= 0 else len(text)]
        stamped = _STAMP.match(line_rest) is not None
        words = [t.text for t in doc[start:end] if t.is_alpha]
        # a bare line: the city and the outlet fill it, the outlet in capitals or named as one, with
        # a name of its own beside the outlet word (an edition in brackets may close it: "Orsk VELDA
        # (WEEKEND)"); so a paper or a station named after its city, alone on a line, keeps its whole
        # name ("Halden Evening Courier", "Orsk Television").
        bare = not re.sub(r"^\s*\([A-Z][A-Z ]*\)", "", line_rest).strip() and a in starts \
            and not coded and any(w not in outlet_words for w in words) \
            and (all(w.isupper() for w in words) or any(w in outlet_words for w in words))
        if not (stamped and (coded or a in starts) or bare):
            continue
        if stamped:
            _drop_language(doc, end, items)
        if joined is not None:
            items.remove(joined)
        if place not in items:
            items.append(place)
            for i in range(place["start"], place["end"]):
                taken[i] = True
        same = next((it for it in items if (it["start"], it["end"]) == (start, end)
                     and it["cls"] in {"Company", "Organization"}), None)
        if same is not None:  # (named already, as the gazetteer names it: "XINHUA", Xinhua News Agency)
            same["seat_start"] = place["start"]
            continue
        for it in [it for it in items if start <= it["start"] and it["end"] <= end]:
            items.remove(it)
        for i in range(start, end):
            taken[i] = True
        items.append({"start": start, "end": end, "name": doc[start:end].text, "cls": "Organization",
                      "wikidata": "", "via": "", "seat_start": place["start"]})


def _drop_language(doc: Doc, end: int, items: list[dict[str, Any]]) -> None:
    """The stamp's language after the outlet ending at ``end`` names no place, whatever the NER took it
    for ("... Kelvor Network in Serbo-Croatian 2000 GMT": no network based in a place so named)."""
    for i in range(end, min(len(doc), end + 8)):
        if doc[i].lower_ == "in":
            k = i + 1
            while k < len(doc) and k - i <= 4 and not doc[k].like_num:
                k += 1
            for it in [it for it in items if i < it["start"] < k]:
                items.remove(it)
            return


def _place_opening(doc: Doc, start: int, item: dict[str, Any] | None, gazetteer: _Gazetteer | None
                   ) -> dict[str, Any] | None:
    """Where the NER ran the city and the outlet into one name (``item``: "Halden Kelvor Television",
    whatever its class, a place's too where the gazetteer knows no such place), the gazetteer's city its
    first words name, as a new Place item; else None."""
    if item is None or item["start"] != start or gazetteer is None:
        return None
    whole = gazetteer.lookup(doc[item["start"]:item["end"]].text)
    if item["cls"] == "Place" and whole is not None:
        return None
    for n in (3, 2, 1):
        if start + n >= item["end"]:
            continue
        entry = gazetteer.lookup(doc[start:start + n].text)
        if entry is not None and entry.cls == "Place":
            return {"start": start, "end": start + n, "name": entry.name, "cls": "Place",
                    "wikidata": entry.wikidata, "via": "gazetteer"}
    return None
