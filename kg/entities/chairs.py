"""Academic chairs: "the Marlow Professor of Commercial Law", "the Orlan Professor", "a Professor of
Modern History". A chair's name is capitals ending in a chair's title (lexicon ``chair_titles``), or
going on with "of" and the field after it; neither the chair's name nor the field after "Professor of" is
an organisation, whatever label the NER gave it: the person holds the chair at the university named
after "at" (kg:worksFor), not at "Marlow Professor" or "Commercial Law".
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span

__all__ = ["names_a_chair"]


def names_a_chair(span: Span, titles: set[str], body_word: Callable[[str], bool]) -> bool:
    """Whether ``span`` names an academic chair or the field after one's title and "of"; ``body_word``
    says whether a word ends the names of firms, bodies or places (which keeps "Professor of Harvard
    College"-like names: a field names none)."""
    if not len(span) or body_word(span[-1].text):
        return False
    doc = span.doc
    # "the Marlow Professor", "the Orlan Professor of Economics" (not "Professor Ada Brenn": a title
    # before a name is the person's)
    for t in span:
        if t.text in titles and t.i > span.start and (t.i == span.end - 1 or doc[t.i + 1].lower_ == "of"):
            return True
    # "Professor of Modern History", "the Marlow Professor of Commercial Law": the field
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text in titles
