"""The trained pipeline's attribute ruler, matched through an index: the same output, a tenth of the time.

spaCy's ``AttributeRuler`` (the stage of the English pipelines that maps tags to
parts of speech and morphology, and fixes lemmas) finds its tokens with a
``Matcher`` that tries all of its patterns at every token. en_core_web_sm has
179 of them, and that search costs about as much as the whole parser (1.7 s of
the 14.4 s the pipeline takes on the speed benchmark's corpus:
``benchmarks/check_speedups.py``). Its patterns test
a handful of token attributes (the lower-case form, the tag, the dependency
label) with equality, set membership and regular expressions, so which patterns a
token satisfies depends only on those few values. :class:`IndexedMatch` works it
out once per combination of values and looks it up after that, and gives the
ruler the same ``(pattern, match_id, start, end)`` list its own ``match`` does:
the ruler then sets the attributes as it always does.

A ruler whose patterns use anything else (operators, extension attributes,
fuzzy matching, another attribute) keeps spaCy's own matcher.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> ruler = nlp.add_pipe("attribute_ruler")
>>> ruler.add([[{"LOWER": "acme"}]], {"TAG": "NNP"})
>>> ruler.add([[{"LOWER": {"IN": ["corp", "inc"]}}]], {"TAG": "NNP"})
>>> index_attribute_rulers(nlp)
1
>>> [t.tag_ for t in nlp("ACME corp hires")]
['NNP', 'NNP', '']
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.attrs import IDS
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

__all__ = ["IndexedMatch", "index_attribute_rulers"]

#: Token attributes the index reads (string-valued ones compared by hash, flags as 0 / 1).
_ATTRS = ("ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "SHAPE", "IS_SPACE", "IS_PUNCT", "IS_ALPHA",
          "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "LIKE_NUM")
#: Pattern keys naming one of them.
_ALIASES = {"TEXT": "ORTH"}
#: Combinations of values remembered before the memory is cleared (a news corpus has some 10^5).
_MEMO_LIMIT = 500_000


class _Unsupported(Exception):
    """A pattern the index cannot decide the way spaCy's Matcher does."""


def _test(strings, key: str, value) -> tuple[str, Callable[[int], bool], frozenset[int] | None]:
    """The attribute a pattern's ``key: value`` reads, a test of its value (a hash or a flag), and the
    values that pass it where they are few (equality, ``IN``), else None."""
    attr = _ALIASES.get(key, key)
    if attr not in _ATTRS:
        raise _Unsupported(key)
    flag = attr.startswith(("IS_", "LIKE_"))
    if isinstance(value, bool) or (flag and isinstance(value, int)):
        want = int(value)
        return attr, lambda v: v == want, frozenset((want,))
    if isinstance(value, (str, int)) and not flag:
        want = strings.add(value) if isinstance(value, str) else value
        return attr, lambda v: v == want, frozenset((want,))
    if isinstance(value, dict) and len(value) == 1 and not flag:
        (op, arg), = value.items()
        if op in ("IN", "NOT_IN") and isinstance(arg, list) and all(isinstance(a, (str, int)) for a in arg):
            members = frozenset(strings.add(a) if isinstance(a, str) else a for a in arg)
            if op == "IN":
                return attr, lambda v: v in members, members
            return attr, lambda v: v not in members, None
        if op == "REGEX" and isinstance(arg, str):
            pattern = re.compile(arg)
            return attr, lambda v: bool(pattern.search(strings[v])), None
    raise _Unsupported(f"{key}: {value!r}")


class IndexedMatch:
    """``AttributeRuler.match`` by lookup: which patterns each token satisfies, worked out once per
    combination of the attributes the patterns read.

    Raises :class:`ValueError` when the ruler has a pattern it cannot decide (see
    :func:`index_attribute_rulers`, which leaves such a ruler alone).
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        strings = ruler.vocab.strings
        specs: list[tuple[tuple[str, Callable[[int], bool], frozenset[int] | None], ...]] = []  # distinct tests
        seen: dict[tuple, int] = {}
        #: per pattern alternative: (ruler's pattern number, match id, its token tests by spec id)
        self.sequences: list[tuple[int, int, tuple[int, ...]]] = []
        try:
            for number, entry in enumerate(ruler.patterns):
                match_id = strings[str(number)]
                for alternative in entry["patterns"]:
                    ids = []
                    for token in alternative:
                        if not token or "OP" in token:
                            raise _Unsupported("an operator or an empty token")
                        tests = tuple(_test(strings, key, value) for key, value in sorted(token.items()))
                        sig = tuple(sorted((k, repr(v)) for k, v in token.items()))
                        if sig not in seen:
                            seen[sig] = len(specs)
                            specs.append(tests)
                        ids.append(seen[sig])
                    self.sequences.append((number, match_id, tuple(ids)))
        except _Unsupported as exc:
            raise ValueError(f"the attribute ruler has a pattern the index cannot read ({exc})") from None
        self.attrs = tuple(sorted({attr for tests in specs for attr, _, _ in tests}))
        position = {attr: i for i, attr in enumerate(self.attrs)}
        self.specs = [tuple((position[attr], test) for attr, test, _ in tests) for tests in specs]
        # each spec filed under the values of one attribute that can pass it, where there are few:
        # a token need only try the specs filed under its own values, and those filed nowhere
        self.filed: list[dict[int, list[int]]] = [{} for _ in self.attrs]
        self.unfiled: list[int] = []
        for number, tests in enumerate(specs):
            anchored = [(len(values), position[attr], values) for attr, _, values in tests if values is not None]
            if not anchored:
                self.unfiled.append(number)
                continue
            _, at, values = min(anchored, key=lambda a: (a[0], a[1]))
            for value in values:
                self.filed[at].setdefault(value, []).append(number)
        self.ids = [IDS[attr] for attr in self.attrs]
        self._memo: dict[tuple[int, ...], tuple] = {}

    def _satisfied(self, values: tuple[int, ...]):
        """What a token with these attribute values passes: the token tests, the one-token patterns
        (pattern number, match id) and the longer patterns whose first token it fits."""
        specs = self.specs
        candidates = [n for at, filed in enumerate(self.filed) for n in filed.get(values[at], ())] + self.unfiled
        passed = frozenset(n for n in candidates if all(test(values[a]) for a, test in specs[n]))
        singles = tuple(sorted({(number, match_id) for number, match_id, ids in self.sequences
                                if len(ids) == 1 and ids[0] in passed}))
        starts = tuple(seq for seq in self.sequences if len(seq[2]) > 1 and seq[2][0] in passed)
        if len(self._memo) >= _MEMO_LIMIT:
            self._memo.clear()
        self._memo[values] = found = (passed, singles, starts)
        return found

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """The matches of ``AttributeRuler.match``: ``(pattern number, match id, start, end)``, sorted."""
        if not len(doc):
            return []
        rows = doc.to_array(self.ids).tolist()
        memo, satisfy = self._memo, self._satisfied
        keys = map(tuple, rows) if len(self.ids) > 1 else ((v,) for v in rows)
        found = [memo.get(values) or satisfy(values) for values in keys]
        matches = [(number, match_id, i, i + 1) for i, (_, singles, _) in enumerate(found)
                   for number, match_id in singles]
        longer = set()
        n = len(found)
        for i, (_, _, starts) in enumerate(found):
            for number, match_id, ids in starts:
                end = i + len(ids)
                if end <= n and all(ids[k] in found[i + k][0] for k in range(1, len(ids))):
                    longer.add((number, match_id, i, end))
        matches.extend(longer)
        matches.sort()
        return matches


class _IndexedRuler:
    """A ruler's ``match``: the index while the ruler's patterns are the ones it was built from."""

    def __init__(self, ruler: AttributeRuler, index: IndexedMatch | None = None) -> None:
        self.ruler, self.stock = ruler, type(ruler).match.__get__(ruler)
        # (an index already built from the ruler's current patterns is used as it is)
        self.size, self.index = (len(ruler.attrs), index) if index is not None else (-1, None)

    def __call__(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        if self.size != len(self.ruler.attrs):  # patterns were added: index them again
            self.size = len(self.ruler.attrs)
            try:
                self.index = IndexedMatch(self.ruler)
            except ValueError:
                self.index = None
        return self.index(doc) if self.index is not None else self.stock(doc)


def index_attribute_rulers(nlp: Language) -> int:
    """Give each attribute ruler of ``nlp`` whose patterns the index can read an :class:`IndexedMatch`
    (kept current: patterns added later rebuild it; a pattern it cannot read hands the ruler back to
    spaCy's matcher). Returns how many it indexed."""
    done = 0
    for _, pipe in nlp.pipeline:
        if not isinstance(pipe, AttributeRuler) or not pipe.attrs:
            continue
        try:
            index = IndexedMatch(pipe)
        except ValueError:
            continue
        pipe.match = _IndexedRuler(pipe, index)
        done += 1
    return done
