"""A firm's goods handled by another "under a partnership", in the passive: "Kelvor's policies are underwritten
by Orlan Re under a partnership signed in 2022", "Kelvor, whose motor policy is underwritten by Orlan under a
partnership": the one the passive's "by" names and the owner of what it handles (the subject's possessor,
or the subject itself where it is a firm) are partners (kg:partnersWith). The active clause ("X will pay Y
a fee under a partnership") is :meth:`kg.relations.deals.Deals._under_a_deal`'s, whose nouns these are
(kg:partnersWith's one-word noun triggers, less lexicon ``deal_kinds_not_partners``). Called from
:meth:`kg.relations.deals.Deals._under_a_deal`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import SUBJ, by_agents, clause_head, possessive

__all__ = ["handled_under_a_deal"]


def _owner(thing: Token) -> list[Token]:
    """Who owns ``thing``: its possessor ("Kelvor's policies"), or, after "whose", the name the relative
    clause describes ("Kelvor, whose policy is ...")."""
    out = []
    for c in thing.children:
        if not possessive(c):
            continue
        if c.lower_ == "whose":
            verb = clause_head(thing)
            out += [verb.head] if verb.dep_ == "relcl" else []
        else:
            out.append(c)
    return out


def handled_under_a_deal(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                         ) -> list[dict[str, Any]]:
    """kg:partnersWith between the agent of a passive done "under" a partnership noun and the owner of its
    subject (or the subject, a name); between businesses only. ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("partnersWith")
    if rel is None:
        return []
    out: list[dict[str, Any]] = []
    for noun, verb in rules._under_partnerships(doc):
        if verb.pos_ != "VERB" or not any(c.dep_ == "auxpass" for c in verb.children):
            continue
        agents = by_agents(verb)
        subjects = [c for c in verb.children if c.dep_ in SUBJ] or rules._inherited_agents(verb)
        owners = [o for s in subjects for o in ([s] if s.i in by_token else _owner(s))]
        found = rules._records_between(doc, owners, agents, rel, by_token, items, rel.base_confidence - 0.2,
                                       noun, rules._modality(verb))
        out += rules._between_businesses(found)
    return out
