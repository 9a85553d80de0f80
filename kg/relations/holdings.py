"""A firm or works changing hands is no supply: "completed its purchase of KV Orlan from businessman Tom Berg",
"The factory, which Kelvor bought from Halden Motors in 2020", "agreed to sell Cirrata, its hosting unit, to
Ashgrove". kg:suppliesTo reads a seller "from" whom a buyer buys (lexicon ``goods_buying_verbs``) and whom a
seller sells "to" (``holding_selling_verbs``). Where the word also reads an acquisition (kg:acquires), or what
is bought or sold (the verb's object, or the noun a relative pronoun object stands for) is a named
organisation, one apposed to the object, or works (lexicon ``owned_works``: "plant", "factory"), a holding
changes hands and the kg:suppliesTo record is dropped (on the records read). Goods stay supplies: "buys cocoa
from Tarsa Trading", "buys older Obsidia tools", "sells its Orvo drones to X".
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import antecedent
from .records import trigger_token

__all__ = ["holdings_not_supplied"]


def _holding(rules: Any, thing: Token, items: list[dict[str, Any]], by_token: dict[int, int]) -> bool:
    """Whether ``thing`` (what is bought or sold) is a works (lexicon ``owned_works``: "plant", "factory"), or
    a named organisation: itself, or the name apposed to it ("Cirrata, its hosting subsidiary")."""
    if thing.lemma_.lower() in rules.owned_works:
        return True
    names = [thing] + [c for c in thing.children if c.dep_ == "appos"]
    return any(t.i in by_token and items[by_token[t.i]]["via"] in {"", "gazetteer"}
               and rules.onto.is_a(items[by_token[t.i]]["cls"], "Organization") for t in names)


def holdings_not_supplied(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]], items: list[dict[str, Any]],
                          by_token: dict[int, int]) -> None:
    """Drop from ``found`` (records keyed as the rules key them) the kg:suppliesTo records of a firm or a site
    that changes hands (module doc)."""
    acquired = {r.get("trigger_start") for r in found.values() if r["predicate"] == "acquires"} - {None}
    for key, r in list(found.items()):
        if r["predicate"] != "suppliesTo":
            continue
        if r.get("trigger_start") in acquired:
            del found[key]
            continue
        verb = trigger_token(doc, r)
        if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in rules.goods_trading_verbs:
            continue
        things = [antecedent(c) for c in verb.children if c.dep_ == "dobj"]
        if not things and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            # ("sell its laundry chain/dative Spinwell to Ashgrove": the parser's dative before "to" is the object)
            things = [c for c in verb.children if c.dep_ == "dative"]
        if things and all(_holding(rules, t, items, by_token) for t in things):
            del found[key]
