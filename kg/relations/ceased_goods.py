"""Goods a firm says it stopped selling or only plans to sell: "Koinbar stopped offering its KoinKart card",
"Velora no longer sells its Tarn scooter", "Sorano said it would launch its own store, Sorano Market". The
firm's possessive on the name is part of what the clause says is ceased or planned: the kg:develops record
read from the possessive (from no verb or role noun of making: its trigger is the possessive, the name or a
word of the phrase) takes the modality of the kg:offers record the verb of selling gives the same firm and
product in the same sentence, where that is negated or hypothetical (on the records read). "Velora makes the
Tarn but no longer sells it" keeps its kg:develops, read from a verb of making; "Velora will stop selling its
Tarn scooter in June" still sells it now, and keeps it too. (A service's kg:develops read from a pronoun's
possessive becomes kg:offers after this, in ``Brands._services_offered``, which keeps the modality.)
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .records import trigger_token

__all__ = ["ceased_goods_not_made", "read_from_possessive"]

#: the modalities of a verb of selling that say the firm does not sell the goods now
_NOT_NOW = frozenset({"negated", "hypothetical"})
#: auxiliaries that put a stop in the future ("will stop offering", "plans to stop selling")
_LATER = frozenset({"will", "shall", "'ll", "to"})


def _stops_later(rules: Any, verb: Token) -> bool:
    """Whether the verb of selling, or the verb of stopping it is the object of, is a stop still to come."""
    return any(v.lemma_.lower() in rules.negations and any(c.dep_ == "aux" and c.lower_ in _LATER for c in v.children)
               for v in (verb, verb.head))


def read_from_possessive(rules: Any, doc: Doc, r: dict[str, Any]) -> bool:
    """Whether the kg:develops record ``r`` was read from a possessive: its trigger is no verb and no verb or role
    noun of making (lexicon ``develops_making_words``), but the possessive, the name or a word of the phrase."""
    trig = trigger_token(doc, r)
    return trig is not None and trig.lemma_.lower() not in rules.develops_making_words \
        and trig.pos_ not in {"VERB", "AUX"}


def ceased_goods_not_made(rules: Any, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
    """Give the kg:develops records of ``found`` (records keyed as the rules key them) read from a possessive the
    modality of a negated or hypothetical kg:offers record between the same two mentions' names in the same
    sentence (module doc)."""
    rel = rules.onto.relations.get("develops")
    if rel is None:
        return
    for (s_key, predicate, o_key, sent), r in list(found.items()):
        if predicate != "develops" or r["modality"] != "fact":
            continue
        offer = found.get((s_key, "offers", o_key, sent))
        if offer is None or offer["modality"] not in _NOT_NOW:
            continue
        verb = trigger_token(doc, offer)
        if offer["modality"] == "negated" and verb is not None and _stops_later(rules, verb):
            continue
        if not read_from_possessive(rules, doc, r):
            continue
        found[(s_key, predicate, o_key, sent)] = dict(r, modality=offer["modality"])
