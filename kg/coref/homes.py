"""Where the text places an organisation, for descriptions that name a place: "Polish drone maker Orzel
Systems ... the South Korean group" is not Orzel; "Clearpath, based in New York, ... the San Diego company"
is not Clearpath. A demonym or a place's name written with a mention of a name (before it, over nouns
only, or opening its apposition) is where the text places that organisation; the gazetteer's country and
region of a place decide whether two places may be one organisation's. A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

__all__ = ["Homes"]


class Homes:
    """Mixin of :class:`~kg.coref.component.KGCoref`: the places the text gives organisations."""

    def _written_home(self, doc: Doc, name: str, before: int) -> str:
        """The place (a country, a city, a region) the text writes a mention of ``name`` (its first word, for
        short forms) with, before token ``before``: a demonym or a place's name, then lower-case nouns or a
        possessive, right before the name ("Polish drone maker Orzel Systems", "China's Qiyun"), or opening
        an apposition or a seat after it ("Pacific Orient, a Singapore-based carrier", "Clearpath, based in
        New York"); or ""."""
        first = name.split()[0] if name else ""

        def place_at(start: int | None = None, end: int | None = None) -> dict[str, Any] | None:
            return next((h for h in self._places
                         if (start is None or h["start"] == start) and (end is None or h["end"] == end)), None)

        for it in self._all_items:
            if it["start"] >= before or it["via"] == "coref" or not it["name"] or it["name"].split()[0] != first:
                continue
            k = it["start"] - 1
            while k >= 0 and it["start"] - k <= 4 and ((doc[k].is_lower and doc[k].pos_ in {"NOUN", "ADJ"})
                                                        or doc[k].text == "-"):
                k -= 1  # ("drone maker", "state-owned lender"; no verb: "Egypt pays Voltmark")
            home = None
            if k >= 0 and (k < it["start"] - 1 or doc[k].text in {"'s", "\u2019s"}):
                home = place_at(end=k if doc[k].text in {"'s", "\u2019s"} else k + 1)
            j = it["end"]
            if home is None and j + 3 < len(doc) and doc[j].text == ",":
                if doc[j + 1].lower_ in {"a", "an", "the"}:
                    home = place_at(start=j + 2)
                elif doc[j + 1].lower_ == "based" and doc[j + 2].lower_ == "in":
                    home = place_at(start=j + 3)
            if home is not None and home["name"] != it["name"]:
                return home["name"]
        return ""

    def _home_of(self, name: str) -> str:
        """The country the gazetteer places an organisation in, or the one its name opens with ("Saudi
        Public Investment Fund", "Korea Development Bank"), or the country of a region or a city it opens
        with ("Hunan Xinlong Battery", "Osaka Rail Works": a firm named after its province or city), or ""."""
        words = name.split()
        for n in (3, 2, 1):
            head = " ".join(words[:n])
            if len(words) > n and head in self._country_words:
                opening = self._country_words[head]
                break
            if len(words) > n and self._place_country.get(head):
                opening = self._place_country[head]
                break
        else:
            opening = ""
        return self._home.get(name, "") or opening

    def _nation(self, place: str) -> str:
        """The country a place is (a country) or lies in, as far as the gazetteer knows; else ""."""
        return place if place in self._countries else self._place_country.get(place, "")

    def _fits_home(self, home: str, where: set[str]) -> bool:
        """Whether an organisation the text places at ``home`` may be the one a description with the places
        ``where`` names: no other country, nor another city or region of one ("the San Diego company" is
        not one based in New York; "the California company" may be one in San Jose)."""
        for d in where:
            if not home or home == d:
                continue
            hn, dn = self._nation(home), self._nation(d)
            if hn and dn and hn != dn:
                return False
            if home not in self._countries and d not in self._countries \
                    and d != self._place_region.get(home) and home != self._place_region.get(d):
                return False
        return True
