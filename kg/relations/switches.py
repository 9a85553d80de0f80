"""Relations read from a contract lost or moved to another firm (kg:suppliesTo).

"Temvane loses Orvane Bank contract to Kelvor Machine", "lost the Orvane Bank contract to Kelvor": a firm
that loses a client's contract, order or tender (lexicon ``contract_nouns``) "to" another leaves the other
supplying the client, named before the contract or by its possessive (lexicon ``contract_losing_verbs``).
"The agency moved the order to Kelvor Systems", "Orvane switched its battery orders to Kelvor": a client
that moves, switches or shifts a contract, an order or its business "to" a firm (lexicon
``order_moving_verbs``) is supplied by that firm. Not a contract lost with no client named ("after losing a
contract to Kelvor"), nor anything else moved ("moved its headquarters to Lyon").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import SUBJ, possessive

__all__ = ["Switches"]


class Switches:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who takes a contract another lost or a client moved."""

    def _contracts_switched(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                            ) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("suppliesTo")
        losing = self.onto.words("relations", "contract_losing_verbs")
        moving = self.onto.words("relations", "order_moving_verbs")
        moved_nouns = self.contract_nouns | self.onto.words("relations", "moved_order_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, losing | moving) if rel is not None else ():
            lost = verb.lemma_.lower() in losing
            if verb.pos_ != "VERB" or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
                continue
            nouns = [c for c in verb.children if c.dep_ == "dobj" and c.i not in by_token
                     and c.lemma_.lower() in (self.contract_nouns if lost else moved_nouns)]
            # ("to Kelvor", on the verb or on the contract)
            takers = [g for h in (verb, *nouns) for p in h.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj"]
            takers = [t for t in takers if t.i in by_token and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
            if not nouns or not takers:
                continue
            if lost:
                # (the client: the name written before the contract, or its possessive, or "from" it)
                clients = [c for n in nouns for c in n.children if c.i in by_token and c.pos_ != "PRON" and c.i < n.i
                           and (possessive(c) or c.dep_ in {"compound", "nmod"})]
                clients += [g for n in nouns for p in n.children if p.dep_ == "prep" and p.lower_ == "from"
                            for g in p.children if g.dep_ == "pobj"]
            else:
                clients = [c for c in verb.children if c.dep_ in SUBJ] or self._inherited_agents(verb)
            clients = [c for c in clients if c.i in by_token or c.pos_ == "PRON"]
            if clients:
                out += self._records_between(doc, takers, clients, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out
