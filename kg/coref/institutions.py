"""An institution called again by the noun its name holds: "Kelvor Labs was spun out of the University of
Halden, and the university still holds a stake" ("the university" is the University of Halden), "Ana
Ribe, the council's deputy mayor" after "Halden City Council", "the paper's publisher" after "the Halden
Courier" (a newspaper by a word of its name, lexicon ``institution_names``). The noun is one of lexicon
``institutions``: such a noun names one body of its kind among many (a university, a court, a council),
so it stands only for the nearest organisation named before it whose name holds that noun, and for
nothing where none does (not the foundation or the carmaker the text is about, as a loose match by
class would have it). A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Doc, Span, Token

__all__ = ["Institutions"]


class Institutions:
    """Mixin of :class:`~kg.coref.component.KGCoref`: "the university" after "the University of Halden"."""

    def _institution_named_before(self, doc: Doc, tok: Token) -> tuple[Span, dict[str, Any] | None] | None:
        """For "the <noun>" at ``tok`` with a noun of lexicon ``institutions``: the description and the nearest
        organisation named before it whose name holds the noun (or, for a noun with a list in lexicon
        ``institution_names``, a word of that list), or the description and ``None`` where none does; ``None`` where ``tok`` is no such description."""
        noun = tok.lower_
        if noun not in self._institutions or tok.pos_ not in {"NOUN", "PROPN"} or tok.tag_.endswith("S") \
                or tok.dep_ in {"attr", "appos", "compound"}:
            return None
        # (only "the university": "the state university", "the Halden council" say more than the noun; and
        # "the university of X" says which)
        if tok.i == 0 or doc[tok.i - 1].lower_ != "the" or doc[tok.i - 1].head.i != tok.i or any(
                c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None
        # (a newspaper by the words of its names only: "Orlan Paper" is a paper maker)
        words = self._institution_names.get(noun) or {noun}
        found = next((it for it in reversed(self._named) if it["end"] <= tok.i - 1 and it["via"] != "demonym"
                      and self.onto.is_a(it["cls"], "Organization")
                      and words & {w.lower() for w in re.findall(r"[\w-]+", it["name"])}), None)
        return doc[tok.i - 1:tok.i + 1], found
