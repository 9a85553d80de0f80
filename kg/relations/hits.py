"""A restriction told in one sentence and summed up as the subject of the next: "Canada extended its
surtax on electric vehicles to hybrids. The move hits Kelvor Auto", "The Canal Authority will limit
transits. The curbs will hit container lines such as Orlan Lines". A noun with "the" for an act
(lexicon.toml's ``act_nouns``: "the move", "the rule") or for a restriction (a word of kg:restricts's
triggers: "the curbs") that hits firms stands for the restriction the sentence before tells; whoever
imposes it restricts them. Called from :meth:`kg.relations.patterns.Patterns._hit_by_restrictions`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

__all__ = ["restriction_before"]


def restriction_before(rules: Any, verb: Token, restricting: frozenset[str]) -> Token | None:
    """The verb of the sentence before ``verb`` (a verb of hitting, its sentence's root) that restricts
    (one of ``restricting``) or imposes a restriction ("extended its surtax"), where the subject of
    ``verb`` sums it up ("The move hits X"); ``None`` otherwise. ``rules`` is the kg_relations component."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if verb.dep_ != "ROOT" or subject is None or subject.pos_ != "NOUN" or verb.sent.start == 0 \
            or subject.lemma_.lower() not in rules.act_nouns | restricting \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        return None
    before = verb.doc[verb.sent.start - 1].sent
    return next((v for v in before if v.pos_ == "VERB" and (v.lemma_.lower() in restricting or any(
        c.dep_ == "dobj" and c.lemma_.lower() in restricting for c in v.children))), None)
