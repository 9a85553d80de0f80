"""Spaced hyphens: a dateline's dash run into a name, or a hyphen inside one.

Tokenised text writes the hyphen of a name with a space on each side ("Kelvor - Orlan Software",
"Tarn - Men Quest II"), the same way a news story's dateline ends ("KYOTO - Tanabe Robotics said",
"AUSTIN, Texas - Hovera Drop"). The NER runs both into one span; a dateline is cut off, the hyphen
of a name is kept.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Span

__all__ = ["after_dateline"]

#: the marks that end a dateline, whatever precedes them
_DATELINE_MARKS = frozenset({"\u2013", "\u2014", "|"})


def _in_capitals(text: str) -> bool:
    """A word in capitals, as datelines write their city ("KYOTO", "NEW"; not "X" of "X - Men")."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _a_dateline(before: Span, dash: str, gazetteer: Any) -> bool:
    """Whether ``before`` (the words of a span before a spaced ``dash``) is a dateline: an en or em
    dash or a bar after anything; a hyphen after a city in capitals ("KYOTO -"), a city and its region
    ("AUSTIN, Texas -") or a place the gazetteer knows ("Kyoto -"). Not the first part of a name
    ("Kelvor - Orlan Software", "Tarn - Men Quest II")."""
    if dash in _DATELINE_MARKS:
        return True
    if any(_in_capitals(t.text) for t in before) or any(t.text == "," for t in before):
        return True
    return gazetteer is not None and gazetteer.place(before.text) is not None


def after_dateline(span: Span, gazetteer: Any) -> int:
    """The index of the first token of ``span``'s name: after a dateline's spaced dash run into it
    ("KYOTO - Tanabe Robotics": Tanabe), else the span's start ("Kelvor - Orlan Software" stays whole)."""
    doc = span.doc
    for i in range(span.end - 2, span.start, -1):
        if doc[i].text in _DATELINE_MARKS | {"-"} and doc[i - 1].whitespace_ and doc[i].whitespace_:
            return i + 1 if _a_dateline(doc[span.start:i], doc[i].text, gazetteer) else span.start
    return span.start
