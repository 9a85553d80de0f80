"""Abbreviated titles the NER ran into the name before them: "Halden Police Capt. Teo Marsh", "the county
Fire Department Sgt. Ana Pell". An abbreviation of lexicon ``title_abbreviations`` written with its
period, right before a capitalised word, opens the person's name that follows ("Capt. Teo Marsh"): it
ends no organisation's name, so the name stops before it and the title is read as the person's role.
"""

from __future__ import annotations

from spacy.tokens import Doc

__all__ = ["ends_in_abbreviated_title"]


def ends_in_abbreviated_title(doc: Doc, start: int, end: int, abbreviations: set[str]) -> bool:
    """Whether the name ``doc[start:end]`` (of two words or more) ends in one of ``abbreviations`` whose
    period (its own token or part of the word) comes right before a capitalised word."""
    if end - start < 2:
        return False
    last = doc[end - 1]
    if last.text.endswith("."):
        word, after = last.text[:-1], end
    elif end + 1 < len(doc) and doc[end].text == "." and not last.whitespace_:
        word, after = last.text, end + 1
    else:
        return False
    return word in abbreviations and after < len(doc) and doc[after].is_title
