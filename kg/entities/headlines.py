"""Title Case lines (headlines), where the small model's NER is not to be trusted."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.attrs import IS_ALPHA, IS_SPACE, LENGTH, ORTH
from spacy.tokens import Doc, Span

from .source_lines import _CODE

__all__ = ["TitleCaseLines"]

#: a monitoring service's stamp after the outlet it names: "in" and a language, then the time in GMT
#: ("... Halden Radio Kelvor Network in Vesk 1130 GMT 12 Mar 95"; kg.entities.source_lines)
_SOURCE_STAMP = re.compile(r"\bin [A-Z][a-z]+(?:-[A-Z][a-z]+)? \d{4} GMT\b")


class TitleCaseLines:
    """Whether spans of one Doc sit on a Title Case line (a headline), each line judged once.

    A span's line runs back and forth from it to the nearest line breaks (a token
    followed by a newline, or a newline token). It is a headline when it has at
    least four words of four letters or more, 80% of them capitalised (all of
    them where the line ends in ``.``, ``?`` or ``!``, or in an abbreviation's full stop), and is not a long
    sentence (more than twelve such words ending so), an item of a list (ending in ``;`` or ``,``) nor a
    byline (opening on "By" or "(By"). Nor is a monitoring service's source line, whose stamp says so
    ("QX1203101795 Orsk Radio Kelvor Network in Vesk 1130 GMT 12 Mar 95": city and outlet in Title Case as
    names are written), from its reference code on.
    """

    def __init__(self, doc: Doc) -> None:
        self.n = n = len(doc)
        # One read of the Doc's arrays instead of a Token object per token. spaCy keeps line
        # breaks in tokens of their own (a token's trailing whitespace is one space or none),
        # so the newline tokens are the white-space tokens holding a "\n".
        self._strings = doc.vocab.strings
        rows = doc.to_array([IS_SPACE, IS_ALPHA, LENGTH, ORTH]).tolist() if n else []
        self._alpha = [r[1] and r[2] > 3 for r in rows]  # a word of four letters or more
        self._orth = [r[3] for r in rows]
        self._doc = doc
        self._sources: dict[tuple[int, int], int | None] = {}
        newlines = [i for i, r in enumerate(rows) if r[0] and "\n" in self._strings[r[3]]]
        self.breaks_after = newlines  # a line starts after each of these ...
        self.stops = sorted({*newlines, n})  # ... and ends at each of these (a newline token is a line of its own)
        self._seen: dict[tuple[int, int], bool] = {}
        self._capital: dict[int, bool] = {}
        self._gmt: bool | None = None  # whether a token holds "GMT", as a stamp's does (read when first asked)

    def __call__(self, span: Span) -> bool:
        if not len(span):
            return False
        k = bisect_left(self.breaks_after, span.start)
        first = self.breaks_after[k - 1] + 1 if k else 0
        # the line runs on from the span's end until the next stop (the end itself may be one)
        last = self.stops[bisect_left(self.stops, span.end)]
        source = self._source_start(first, last)
        if source is not None and span.start >= source:
            return False  # (a source line: the NER reads its city and outlet as it reads a sentence's)
        bounds = (first, last)
        verdict = self._seen.get(bounds)
        if verdict is None:
            words = [self._orth[i] for i in range(first, last) if self._alpha[i]]
            ending = self._strings[self._orth[last - 1]]
            # (a sentence may end on an abbreviation that holds its full stop: "... in Muncie, Ind.")
            sentence = ending in {".", "?", "!"} or (len(ending) > 1 and ending.endswith("."))
            opening = [self._strings[self._orth[i]] for i in range(first, min(first + 2, last))]
            if len(words) < 4 or sentence and len(words) > 12 or ending in {";", ","}:
                verdict = False  # (a line ending on ";" or "," is an item of a list, no headline)
            elif opening[:1] == ["By"] or opening == ["(", "By"]:
                verdict = False  # (a byline: "(By Kelvor News correspondent Ana Ruiz)" names who wrote it)
            else:
                capital = self._capital
                for h in words:
                    if h not in capital:
                        capital[h] = self._strings[h][0].isupper()
                # a line ending like a sentence is one unless every word is capitalised: "Harlow
                # Media acquired Veltro Radio in 2009." is no headline, though most words are names
                share = 1.0 if sentence else 0.8
                verdict = sum(capital[h] for h in words) >= share * len(words)
            self._seen[bounds] = verdict
        return verdict

    def _source_start(self, first: int, last: int) -> int | None:
        """Where the source line on the line ``first``-``last`` starts, if its stamp is there: at the service's
        reference code (a headline may run on before it: "Grain Prices Rise QX1402093595 Orsk Radio Kelvor
        Network in Vesk 0930 GMT"), else at the line's start; None on other lines."""
        bounds = (first, last)
        if bounds not in self._sources:
            if self._gmt is None:  # (the stamp's "GMT" follows a space: a token of its own, or one's start)
                self._gmt = any("GMT" in self._strings[h] for h in set(self._orth))
            line = self._doc[first:last] if self._gmt else None
            start = None
            if line is not None and _SOURCE_STAMP.search(line.text):
                start = next((t.i + 1 for t in line if _CODE.fullmatch(t.text)), first)
            self._sources[bounds] = start
        return self._sources[bounds]
