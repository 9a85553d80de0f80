"""What the stages of ``kg_coref`` share: ``doc._.coref_links`` and a few token helpers."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..entities import register_extensions

__all__ = ["PLURAL_PRONOUNS", "SUBJ", "VERBS", "its_own", "predicate_of_copula", "register_links"]

SUBJ = {"nsubj", "nsubjpass", "csubj"}
PLURAL_PRONOUNS = {"they", "them", "their", "theirs"}
#: the parts of speech of a clause's verb
VERBS = {"VERB", "AUX"}


def its_own(tok: Token) -> bool:
    """Whether the possessive ``tok`` is written with "own" after it ("its own chips")."""
    return tok.doc[tok.i + 1:tok.i + 2].text.lower() == "own"


def register_links() -> None:
    """Register ``doc._.coref_links`` once (idempotent).

    The links are stored as plain dicts in ``doc._.coref_link_data`` (so they
    survive ``Doc.to_bytes`` and ``DocBin``); ``doc._.coref_links`` rebuilds
    them as ``(mention, antecedent)`` pairs of Spans.
    """
    register_extensions()
    if not Doc.has_extension("coref_link_data"):
        Doc.set_extension("coref_link_data", default=None)
    if not Doc.has_extension("coref_links"):
        def get_links(doc: Doc) -> list[tuple[Span, Span]]:
            return [(doc[link["start"]:link["end"]], doc[link["antecedent_start"]:link["antecedent_end"]])
                    for link in doc._.coref_link_data or ()]

        def set_links(doc: Doc, links: list[dict[str, int]]) -> None:
            doc._.coref_link_data = [dict(link) for link in links]

        Doc.set_extension("coref_links", getter=get_links, setter=set_links)


def predicate_of_copula(tok: Token) -> bool:
    """``tok`` sits in the predicate noun of "be" ("China was its biggest market"), also after "among"
    ("Halden is among its customers", "Among its customers is Halden")."""
    node = tok
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        if node.dep_ == "attr" and node.head.lemma_ == "be":
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "among" and node.head.head.lemma_ == "be":
            return True
        node = node.head
    return False
