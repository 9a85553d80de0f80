"""Short names and demonyms two countries share ("Congo", "Congolese"), which the gazetteer leaves out:
a Country all the same, linked to the one of the two the document names elsewhere."""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..ontology import GazetteerEntry

__all__ = ["shared_country_offers"]


def _which(doc: Doc, countries: dict[str, list[str]], known: dict[str, GazetteerEntry], short: str
           ) -> GazetteerEntry:
    """The country of ``countries`` whose gazetteer name or alias, or one of whose cities, the document
    writes; where it writes neither or both, an unlinked Country called ``short``."""
    named = []
    for name, cities in countries.items():
        entry = known.get(name)
        # (a city in any case: the dateline's "KINSHASA —")
        if entry is not None and (any(re.search(rf"\b{re.escape(f)}\b", doc.text) for f in (name, *entry.aliases))
                                  or any(re.search(rf"\b{re.escape(c)}\b", doc.text, re.I) for c in cities)):
            named.append(entry)
    return named[0] if len(named) == 1 else GazetteerEntry(name=short, cls="Country")


def shared_country_offers(doc: Doc, names: dict[str, dict[str, list[str]]], demonyms: dict[str, str],
                          known: dict[str, GazetteerEntry]) -> list[tuple[int, int, int, Any, str, GazetteerEntry]]:
    """Offers, as the gazetteer's (``(-len, 0, start, span, kind, entry)``), for each shared one-word name
    (lexicon ``[entities.shared_country_names]``) and demonym (``shared_country_demonyms``) in ``doc``;
    ``known``: the gazetteer's countries by name."""
    out: list[tuple[int, int, int, Any, str, GazetteerEntry]] = []
    chosen: dict[str, GazetteerEntry] = {}
    # (the words that may be one, found in the Doc's array: no Token object per token)
    wanted = {get_string_id(w) for w in names if w not in demonyms} | {
        get_string_id(w) for w, short in demonyms.items() if short in names}
    for tok in [doc[i] for i, h in enumerate(doc.to_array(ORTH).tolist()) if h in wanted]:
        short = demonyms.get(tok.text, tok.text)
        if short not in names:
            continue
        if short not in chosen:
            chosen[short] = _which(doc, names[short], known, short)
        out.append((-1, 0, tok.i, doc[tok.i:tok.i + 1], "demonym" if tok.text in demonyms else "gazetteer",
                    chosen[short]))
    return out
