"""Titles with a subtitle after a colon that a sentence defines as a product someone made: "Star Quest
II: Rise of Halden is an action game developed by Velora Software". The parser takes the subtitle for
the subject and the title before the colon for a loose word of the copula, and the NER may take a
name inside the subtitle for a firm; the whole title, from the sentence's start to the subject
phrase's end, is the product's name.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..names import canonical_name
from ..syntax import MAKING_VERBS

__all__ = ["claim_subtitled_titles", "subtitled_titles"]

#: lower-case words a title's words may hold between capitalised ones ("Rise of Halden")
_TITLE_LINKS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "from", "-", "'s"})


def subtitled_titles(doc: Doc, product_nouns: set[str]) -> list[Span]:
    """The spans of titles "Main: Subtitle" that open a sentence "... is a/an <kind> <made> by X" (``kind``
    a noun of ``product_nouns``, the participle a making verb with its agent)."""
    found = []
    colon = get_string_id(":")
    for tok in [doc[i] for i, h in enumerate(doc.to_array(ORTH).tolist()) if h == colon]:  # (no Token per token)
        if tok.text != ":" or tok.i + 1 >= len(doc):
            continue
        # the subject phrase runs from right after the colon to the copula (the parser hangs the colon
        # on the copula or on the title's last word, or cuts the sentence at the colon)
        subject = next((t for t in doc[tok.i + 1:doc[tok.i + 1].sent.end]
                        if t.dep_ == "nsubj" and t.head.lemma_ == "be"
                        and t.left_edge.i == tok.i + 1 and t.right_edge.i + 1 == t.head.i), None)
        start = tok.sent.start  # (or the line's start, where the parser ran a heading line into the sentence)
        start = max([start, *(t.i + 1 for t in doc[start:tok.i] if t.is_space and "\n" in t.text)])
        if subject is None or start == tok.i or not _made_kind(subject.head, product_nouns):
            continue
        end = subject.head.i
        if not _title_words(doc[start:tok.i]) or not _title_words(doc[tok.i + 1:end]):
            continue
        found.append(doc[start:end])
    return found


def _title_words(span: Span) -> bool:
    """Whether every word of ``span`` is capitalised, a number or a small linking word, the first capitalised."""
    return bool(span) and span[0].text[:1].isupper() and all(
        t.text[:1].isupper() or t.like_num or t.lower_ in _TITLE_LINKS for t in span)


def _made_kind(copula: Token, product_nouns: set[str]) -> bool:
    """Whether the copula's attribute is an indefinite kind of product a making verb's agent made."""
    kind = next((c for c in copula.children if c.dep_ == "attr"), None)
    if kind is None or not kind.is_lower or kind.lemma_.lower() not in product_nouns:
        return False
    if not any(t.lower_ in {"a", "an"} and t.i < kind.i for t in kind.subtree):
        return False
    return any(c.dep_ == "acl" and c.tag_ in {"VBN", "VBD"} and c.lemma_.lower() in MAKING_VERBS
               and any(g.dep_ == "agent" for v in [c, *c.conjuncts] for g in v.children)
               for c in kind.children)


def claim_subtitled_titles(doc: Doc, product_nouns: set[str], claim: Any) -> None:
    """Claims each title of :func:`subtitled_titles` as a Product, before the NER's names inside it."""
    for span in subtitled_titles(doc, product_nouns):
        claim(span, canonical_name(span.text), "Product")
