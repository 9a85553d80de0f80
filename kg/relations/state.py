"""What the ``kg_relations`` component reads off the one Doc it is reading: the Doc's entity items, its
words' arrays and the memos of its readings, in one object that the call makes at its start and drops at
its end (:meth:`KGRelations.__call__ <kg.relations.rules.KGRelations.__call__>`).

The mixins read it as ``self._doc_state``. Its slots are fixed: a new per-document memo is a new slot
here (setting an undeclared one fails), so nothing read off a Doc can outlive the call by being left
off a list of what to let go.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from spacy.tokens import Doc, Span, Token

__all__ = ["DocState", "read_once"]

_K = TypeVar("_K")
_V = TypeVar("_V")


def read_once(memo: dict[_K, _V], key: _K, read: Callable[..., _V], *args: Any) -> _V:
    """``memo[key]``, read the first time it is asked for as ``read(*args)`` and kept (the memos of one Doc's
    readings: a reading is a function of the Doc and ``key`` alone, and never None)."""
    found = memo.get(key)
    if found is None:
        found = memo[key] = read(*args)
    return found


class DocState:
    """One Doc's reading state (module doc). Made by :meth:`KGRelations._read_doc`; the words' arrays are
    filled by :meth:`Words._read_words <kg.relations.words.Words._read_words>`."""

    __slots__ = ("doc", "items", "by_token", "mapped", "events_read", "modalities", "served_read", "fits_read",
                 "roles_read", "sent_ents", "roots", "lemma_hashes", "lower_hashes", "pos_codes",
                 "lemma_text", "lemma_at", "text_lemmas", "lower_at", "doc_words")

    def __init__(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        self.doc = doc
        self.items = items  # the Doc's entity items (``doc._.kg_entity_data``)
        self.by_token = by_token  # token index -> index of its item in ``items``
        #: what NamesOf._map reads, once per token and arguments
        self.mapped: dict[tuple[int, float, int, bool, bool], list[tuple[int, float, int]]] = {}
        self.events_read: dict[tuple[int, tuple[str, ...]], Any] = {}  # (Events._event_args, in _extract)
        self.modalities: dict[int, str] = {}  # (Modality._modality)
        self.served_read: dict[tuple[int, bool], Any] = {}  # (the places of Markets._operating_where)
        self.fits_read: dict[str, tuple[bool, bool]] = {}  # (whether a name fits a relation's domain, range)
        self.roles_read: dict[int, Any] = {}  # (Roles._role_args, in _extract)
        #: the Doc's dates and sums by sentence start (Span.ents scans the whole Doc on every call)
        self.sent_ents: dict[int, list[Span]] = {}
        self.roots: dict[tuple[int, int], Token] = {}  # (the root of each name's span, for ``_root_of``)
        # the words' arrays (Words._read_words)
        self.lemma_hashes: list[int] = []
        self.lower_hashes: list[int] = []
        self.pos_codes: list[int] = []  # each token's coarse tag, as spaCy's symbol
        self.lemma_text: dict[int, str] = {}  # lemma hash -> lower-case lemma, for this Doc's lemmas
        self.lemma_at: dict[int, list[int]] = {}  # lemma hash -> indices of its tokens, in order
        self.text_lemmas: dict[str, list[int]] = {}  # lower-case lemma -> its lemma hashes
        self.lower_at: dict[int, list[int]] = {}  # lower-case form's hash -> its tokens' indices, in order
        self.doc_words: set[str] = set()  # every lower-case lemma and lower-case form of the Doc
