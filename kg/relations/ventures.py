"""The members of a venture or consortium that has no name of its own: "The consortium is led by Orlan
Builders and includes Kelvor Rail and Tarsk Engineering", "The joint venture will be owned equally by
Mastlift and Voltcore": the firms that lead, own, form or make up an unnamed venture are partners
(kg:partnersWith). A named venture's owners are read from its kg:subsidiaryOf
(:meth:`kg.relations.owners.Owners._co_owners`). Called from
:meth:`kg.relations.patterns.Patterns._joint_actors`; the words are lexicon.toml's ``venture_nouns``,
``venture_member_verbs`` and ``venture_owner_verbs``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import by_agents

__all__ = ["venture_members"]


def _members_said(verb: Token, members: frozenset[str], owners: frozenset[str]) -> list[Token]:
    """Whom ``verb`` names as a venture's members: its objects ("includes X and Y") or, passive, its
    "by" agents ("is led by X", "owned by X and Y")."""
    lemma = verb.lemma_.lower()
    if lemma in members:
        return [c for c in verb.children if c.dep_ == "dobj"]
    if lemma in owners and any(c.dep_ == "auxpass" for c in verb.children):
        return by_agents(verb)
    return []


def venture_members(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:partnersWith between every two businesses an unnamed venture's verbs name as its members
    (the verb whose subject the venture noun is and the verbs joined to it); ``rules`` is the
    kg_relations component."""
    rel = rules.onto.relations.get("partnersWith")
    nouns = rules.onto.words("relations", "venture_nouns")
    if rel is None or not nouns:
        return []
    members_v = rules.onto.words("relations", "venture_member_verbs")
    owners_v = rules.onto.words("relations", "venture_owner_verbs")
    out: list[dict[str, Any]] = []
    for noun in rules._tokens_with_lemma(doc, nouns):
        if noun.i in by_token or noun.pos_ != "NOUN" or noun.dep_ not in {"nsubj", "nsubjpass"}:
            continue
        verb = noun.head
        said = [m for v in [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                    and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children))]
                for m in _members_said(v, members_v, owners_v)]
        said += [c for m in said for c in m.conjuncts if c not in said]
        named = [m for m in said if m.i in by_token]
        for n, one in enumerate(named):
            found = rules._records_between(doc, [one], named[n + 1:], rel, by_token, items, rel.base_confidence - 0.15,
                                           verb, rules._modality(verb), objects_conj=False)
            out += rules._between_businesses(found)
    return out
