"""Who a legal action, a sanction or any event noun acts on, where the noun names its doer by a
participle or a preposition and the one it reaches sits elsewhere in the clause: "a lawsuit filed by
Merrow accuses Tarn of fraud", "Tarn was hit with a suit by Merrow", "Tarn was named in a complaint
brought by Merrow", "Tarn is defending a suit brought by Merrow" (Merrow sues Tarn). Called from
:meth:`kg.relations.frames.Frames._event_args` for event nouns; the words are lexicon.toml's
``filing_verbs``, ``undergo_passives``, ``undergo_verbs`` and ``accusing``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import SUBJ, by_agents

__all__ = ["deal_blocked", "suit_parties"]


def suit_parties(lex: Any, tok: Token, agents: list[tuple[Token, str]], objects: list[tuple[Token, str]]) -> None:
    """Add to ``agents`` whom "filed/brought by" names, and to ``objects`` whom the noun's clause
    says it reaches, when the noun has a doer and no one it acts on yet."""
    if tok.pos_ != "NOUN":
        return
    filed = [a for a in tok.children if a.dep_ == "acl" and a.tag_ == "VBN" and a.lemma_.lower() in lex.filing_verbs]
    if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in lex.filing_verbs:
        filed.append(tok.head)  # "the lawsuit against Y was brought by X": the passive's agent
    if not any(r == "agent" for _, r in agents):
        agents += [(g, "agent") for a in filed for g in by_agents(a)]
    if any(r in {"patient", "prep:against"} for _, r in objects):
        return
    if any(r == "agent" for _, r in agents):
        # "the lawsuit filed by X against Y": the participle's "against"
        objects += [(g, "prep:against") for a in filed for p in a.children if p.dep_ == "prep"
                    and p.lower_ == "against" for g in p.children if g.dep_ == "pobj"]
        if any(r == "prep:against" for _, r in objects):
            return
    head = tok.head
    if tok.dep_ == "nsubj" and head.lemma_.lower() in lex.accusing:
        # "a complaint filed by X accuses Y of copying": whom it accuses
        if any(r == "agent" for _, r in agents):
            objects += [(g, "prep:against") for g in head.children if g.dep_ == "dobj" and g.pos_ == "PROPN"]
        return
    if tok.dep_ == "pobj" and head.lower_ in {"with", "in"} and head.head.lemma_.lower() in lex.undergo_passives \
            and any(c.dep_ == "auxpass" for c in head.head.children):
        verb = head.head  # "Y was hit with / slapped with / named in a suit by X"
    elif tok.dep_ == "dobj" and head.lemma_.lower() in lex.undergo_verbs:
        verb = head  # "Y faces / is defending a suit brought by X"
    else:
        return
    if any(c.dep_ == "neg" for c in verb.children):
        return  # ("was not named in the suit brought by X": no one it reaches)
    if not any(r == "agent" for _, r in agents):  # ("hit with a suit from X")
        agents += [(g, "agent") for g, r in objects if r == "prep:from"]
        objects[:] = [(g, r) for g, r in objects if r != "prep:from"]
    if any(r == "agent" for _, r in agents):
        objects += [(c, "patient") for c in verb.children if c.dep_ in SUBJ | {"nsubjpass"}]


def deal_blocked(lex: Any, tok: Token, objects: list[tuple[Token, str]]) -> None:
    """"FTC sues to block Clearpath's purchase of Quennel", "filed a lawsuit to stop X's takeover of Y": a suit
    with no one it is against yet, brought to stop a deal (lexicon ``deal_blocking_verbs``,
    ``blocked_deal_nouns``), is against whose deal it is (the possessor: the buyer)."""
    if any(r in {"patient", "prep:against"} for _, r in objects):
        return
    verbs = lex.onto.words("relations", "deal_blocking_verbs")
    deals = lex.onto.words("relations", "blocked_deal_nouns")
    around = [tok, tok.head] if tok.pos_ == "NOUN" and tok.dep_ == "dobj" else [tok]
    objects += [(p, "prep:against") for t in around for c in t.children
                if c.dep_ in {"advcl", "xcomp", "acl"} and c.lemma_.lower() in verbs
                and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for d in c.children if d.dep_ == "dobj" and d.lemma_.lower() in deals
                for p in d.children if p.dep_ == "poss"]
