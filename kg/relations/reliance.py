"""Reliance on a firm with no goods named: "Velmira relies on Dalvo Bank, which lets it connect to the network",
"Kestova relied on Orlan Bank to issue its card". kg:suppliesTo reads "rely on" and "depend on" (lexicon
``reliance_verbs``) as buying from the firm relied on, which holds where the text names what it is relied on for
("relies on Kelvor Cells for batteries", "depends on Orlan's cells"); where the firm itself is relied on and
nothing is said of goods, what it gives is a service or access (kg:providesAccessTo, read from the clause that
says so), not a supply: the kg:suppliesTo record is dropped (on the records read).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .records import trigger_token

__all__ = ["reliance_without_goods"]


def reliance_without_goods(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """Drop from ``found`` (records keyed as the rules key them) the kg:suppliesTo records read off a verb of
    reliance whose "on" names the supplier itself, with no "for" of what it is relied on for (module doc)."""
    verbs = rules.onto.words("relations", "reliance_verbs")
    if not verbs:
        return
    for key, r in list(found.items()):
        if r["predicate"] != "suppliesTo":
            continue
        verb = trigger_token(doc, r)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in verbs:
            continue
        ons = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "on"]
        # (the firm itself the object of "on": its name's head word, not a word of goods it is written before)
        relied = [g for p in ons for g in p.children if g.dep_ == "pobj" and r["s_start"] <= g.i < r["s_end"]]
        if not relied:
            continue
        # ("for batteries" on the verb or on the firm's name: what the firm is relied on for)
        if any(p.dep_ == "prep" and p.lower_ == "for" for h in (verb, *relied) for p in h.children):
            continue
        del found[key]
