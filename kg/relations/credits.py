"""Credits of a creative work: "a 1994 thriller film directed by Ana Ruiz", "a documentary, called Night
Road, directed by Tom Berg". Who directs, heads or runs a film, a series or an album made it, and works for
no organisation by it, when the NER took the work's title for one: the records of kg:worksFor a verb
trigger gives, where what the verb is done to (the noun a participle describes, the passive's subject,
the object: "wrote and directed his first feature film, X") is a noun of lexicon ``creative_work_nouns``,
or apposed to one, or a title such a noun is "called", are dropped (on the records read).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .records import trigger_token

__all__ = ["credits_dropped"]

_CALLING = {"call", "name", "title", "entitle"}


def _described(verb: Token) -> list[Token]:
    """What ``verb`` is done to: the noun a participle describes, a passive's subject or an active verb's
    object ("wrote and directed his first feature film, X"), and the nouns these are apposed to or
    "called" by ("a documentary, called X, directed by ...", "directed X, an adaptation of ...")."""
    said = [verb.head] if verb.dep_ == "acl" else []
    said += [c for c in verb.children if c.dep_ in {"nsubjpass", "dobj"}]
    out = list(said)
    for t in said:
        out += [c for c in t.children if c.dep_ == "appos"]
        if t.dep_ == "appos":
            out.append(t.head)
        if t.dep_ == "oprd" and t.head.lemma_.lower() in _CALLING and t.head.dep_ == "acl":
            out.append(t.head.head)
    return out


def credits_dropped(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """Drop from ``found`` (records keyed as the rules key them) the kg:worksFor records of a work's
    credits (module doc)."""
    works = rules.onto.words("relations", "creative_work_nouns")
    jobs = [k for k, r in found.items() if r["predicate"] == "worksFor"]
    if not jobs or not works:
        return
    for key in jobs:
        verb = trigger_token(doc, found[key])
        if verb is None or verb.pos_ != "VERB":
            continue
        if any(n.pos_ == "NOUN" and n.lemma_.lower() in works for n in _described(verb)):
            del found[key]
