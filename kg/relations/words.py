"""Which tokens a rule looks at: a Doc's lemmas and lower-case forms read once as hash arrays, so that
each scan picks its few tokens by set lookups instead of making a Token object per token.

And the root of each name's span, made once per span (:meth:`Words._root_of`, :meth:`Words._span_root`).

A mixin of :class:`~kg.relations.rules.KGRelations`; :meth:`Words._read_words` runs first on each Doc.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..syntax import span_root
from .state import DocState

__all__ = ["BORN", "WHOSE", "Words"]

#: the string hash of "whose", for the rules that look for it
WHOSE = frozenset({get_string_id("whose")})
#: the string hash of "born", for the readings of birthplaces and birth names
BORN = frozenset({get_string_id("born")})


def _positions(hashes: list[int]) -> dict[int, list[int]]:
    """Each hash of ``hashes`` (one a token) -> the indices of its tokens, in order, keyed in first-seen order."""
    at: dict[int, list[int]] = {}
    for i, h in enumerate(hashes):
        found = at.get(h)
        if found is None:
            at[h] = [i]
        else:
            found.append(i)
    return at


class Words:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: token indices by lemma or lower-case form, and the
    roots of names' spans."""

    _lower_strings: dict[int, str]
    _form_strings: dict[int, str]
    _doc_state: DocState | None  # (KGRelations: what it reads off the Doc it is reading)

    def _read_words(self, doc: Doc) -> None:
        """Each token's lemma and lower-case form as hash arrays, and the lower-case text of each lemma.

        Looping over tokens for a word makes a Token object per token; with these
        the scans below pick their few tokens first (set lookups over plain lists of
        hashes, which for a news article's few hundred tokens beat ``numpy.isin``).
        """
        self._plural_openers(doc)
        state, strings, memo = self._doc_state, doc.vocab.strings, self._lower_strings
        arr = doc.to_array([LEMMA, LOWER, POS]) if len(doc) else numpy.zeros((0, 3), dtype="uint64")
        state.lemma_hashes, state.lower_hashes = arr[:, 0].tolist(), arr[:, 1].tolist()
        state.pos_codes = arr[:, 2].tolist()  # each token's coarse tag, as spaCy's symbol
        # (and the other way, with each lemma's tokens, so that a scan for a few words reads only theirs)
        state.lemma_at = _positions(state.lemma_hashes)  # lemma hash -> indices of its tokens, in order
        state.lower_at = _positions(state.lower_hashes)  # lower-case form's hash -> its tokens' indices, in order
        lemma_text, text_lemmas = state.lemma_text, state.text_lemmas
        for h in state.lemma_at:
            if h not in memo:
                memo[h] = strings[h].lower()
            lemma_text[h] = memo[h]
            text_lemmas.setdefault(memo[h], []).append(h)
        #: every lower-case lemma and lower-case form of the Doc
        doc_words = state.doc_words = set(text_lemmas)
        forms = self._form_strings  # string hash -> its string, over all Docs
        for h in state.lower_at:
            form = forms.get(h)
            if form is None:
                form = forms[h] = strings[h]
            doc_words.add(form)

    def _root_of(self, doc: Doc, it: dict[str, Any]) -> Token:
        """The root token of the entity item ``it``'s span (``doc[start:end].root``), made once per span on the Doc
        the component is reading: the reading of :meth:`kg.syntax.SpanRoots._root_of` (the other components'),
        its memo kept in the per-document state."""
        return self._span_root(doc, it["start"], it["end"])

    def _span_root(self, doc: Doc, start: int, end: int) -> Token:
        """The root token of ``doc[start:end]``, made once per span on the Doc the component is reading."""
        state = self._doc_state
        return span_root(state.roots if state is not None and doc is state.doc else None, doc, start, end)

    def _plural_openers(self, doc: Doc) -> None:
        """"Rivals Kesto and Vamo said", "Backers Orlan and Vamo took part": a plural role noun capitalised
        to open a sentence before a name, which the tagger takes for a name (NNP, NNPS, left unlemmatised)
        or for a verb with no subject before it (VBZ), is retagged as the plural noun it is, with its
        singular as lemma, where that singular is a role trigger (not a word of a name found: "Mills
        Bank"). The parse is left as it is."""
        for sent in doc.sents:
            tok = sent[0]
            low = tok.lower_
            if tok.tag_ not in {"NNP", "NNPS", "VBZ"} or not tok.is_title or not low.endswith("s") \
                    or tok.i in self._doc_state.by_token or tok.i + 1 not in self._doc_state.by_token \
                    or self._doc_state.items[self._doc_state.by_token[tok.i + 1]]["start"] != tok.i + 1:
                continue
            one = low[:-3] + "y" if low.endswith("ies") else low[:-1]
            if any(t.kind in {"role", "inverse_role"} for t in self.index.get(one, ())):
                tok.tag_, tok.pos_, tok.lemma_ = "NNS", "NOUN", one

    def _token_ids(self, words: set[str] | dict) -> list[int]:
        """Indices of the tokens whose lower-case lemma is in ``words``, in order."""
        state = self._doc_state
        lemmas = state.text_lemmas
        if len(words) < len(lemmas):  # (whichever is shorter: the words asked for or the Doc's lemmas)
            hashes = [h for w in set(words) for h in lemmas.get(w, ())]
        else:
            hashes = [h for w, hs in lemmas.items() if w in words for h in hs]
        if not hashes:
            return []
        at = state.lemma_at
        if len(hashes) == 1:
            return list(at[hashes[0]])
        return sorted(i for h in hashes for i in at[h])

    def _pos_ids(self, pos: int) -> list[int]:
        """Indices of the tokens with this coarse tag (a ``spacy.symbols`` value: ``NOUN``)."""
        return [i for i, p in enumerate(self._doc_state.pos_codes) if p == pos]

    def _lower_ids(self, hashes: set[int] | frozenset[int]) -> list[int]:
        """Indices of the tokens whose lower-case form has one of these string hashes, in order."""
        at = self._doc_state.lower_at
        found = [h for h in hashes if h in at] if len(hashes) < len(at) else [h for h in at if h in hashes]
        if not found:
            return []
        if len(found) == 1:
            return list(at[found[0]])
        return sorted(i for h in found for i in at[h])

    def _tokens_with_lemma(self, doc: Doc, words: set[str]) -> list[Token]:
        return [doc[i] for i in self._token_ids(words)]
