"""A pronoun goes on with a description the text resolved before it: "Wrenair pays Farefinder ...
Tripwell declined to comment. The carrier flies from Dublin ... It also pays Travora": "It" is the
carrier's (Wrenair), the subject of the sentence before, not the last firm named as a subject. A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .base import SUBJ

__all__ = ["Chains"]

#: the arguments a relative pronoun may be of its clause's verb ("which", "where", "that")
_RELATIVE_ARGS = SUBJ | {"advmod", "dobj", "pobj"}


class Chains:
    """Mixin of :class:`~kg.coref.component.KGCoref`: descriptions resolved before a pronoun are candidates."""

    def _with_described_subjects(self, doc: Doc, cands: list[dict[str, Any]], resolved: list[dict[str, Any]],
                                 tok: Token, wanted: set[str]) -> list[dict[str, Any]]:
        """``cands`` (most recent first) and, for a pronoun ``tok`` that is a subject, the descriptions ("the
        carrier", "the company") resolved in the sentence before it that are the subject of their clause, of
        a wanted class; each scored where the description stands, as a name there would be."""
        if tok.dep_ not in SUBJ:
            return cands  # (the subject goes on with the subject; "its partner" may be any firm's)
        here = self._sent_index.get(tok.i, 0)
        extra = [it for it in resolved if it["end"] <= tok.i and self._sent_index.get(it["start"], -9) == here - 1
                 and self._compatible(it["cls"], wanted)
                 for root in [doc[it["start"]:it["end"]].root]
                 if root.pos_ == "NOUN" and root.dep_ in SUBJ]
        if not extra:
            return cands
        return sorted(cands + extra, key=lambda it: -it["start"])

    def _subject_of_the_verb_on_its_noun(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]
                                         ) -> dict[str, Any] | None:
        """"The ministry has banned 14 apps it linked to lenders", "Orlan sells the vans it makes": the
        subject of a clause without a relative pronoun on the object of a verb is that verb's subject (the
        name's head word: "Peru's banking authority", not Peru); ``None`` otherwise."""
        verb = tok.head
        if tok.dep_ != "nsubj" or verb.dep_ != "relcl" or any(c.dep_ in _RELATIVE_ARGS
                                                             and c.tag_ in {"WDT", "WP", "WRB"} for c in verb.children):
            return None
        noun = verb.head
        if noun.dep_ != "dobj" or noun.head.pos_ not in {"VERB", "AUX"}:
            return None
        return self._subject_item(noun.head, pool, wanted, before=tok.i, head_only=True)

    @staticmethod
    def _fuller_name_since(best: dict[str, Any], cands: list[dict[str, Any]], tok: Token) -> dict[str, Any]:
        """``best``, or the fuller name of it the text wrote since ("Hanbit and Orzel join forces" ...
        "Hanbit Aerospace will ..." ... "the South Korean group": Hanbit Aerospace, not the headline's short
        form): the nearest candidate of its class whose name opens with ``best``'s and that stands after it, in
        a sentence before ``tok``'s (not the unit a description is apposed to: "Wa'ilan Copper, the Saudi
        group's copper unit"); or that holds it after a word of its own, a legal form in front ("nickel smelter
        Kelvor Jaya" ... "PT Kelvor Jaya Nickel" ... "the smelter")."""
        longer = [c for c in cands if c["start"] > best["start"] and c["cls"] == best["cls"]
                  and c["end"] <= tok.sent.start
                  and (c["name"].startswith(best["name"] + " ")
                       or f" {best['name']} " in f" {c['name'].split(' ', 1)[-1]} " and " " in c["name"])]
        return max(longer, key=lambda c: c["start"]) if longer else best

    def _name_families(self, items: list[dict[str, Any]]) -> dict[str, list[int]]:
        """For each name of an organisation or product in ``items``, where the text names it under that name
        or a shorter or fuller form of it ("Ban Me Trading" ... "Ban Me"; "Astrolabe" ... "Astrolabe Drive"),
        in order: a story calls its protagonist by both, and each counts toward its salience. Only a fuller
        name of the same class written before the short one (not a unit or product named after its owner
        since: "Wa'ilan" ... "Wa'ilan Copper", "Sidra" ... "Sidra Pharma"; nor the name less a place, a unit's
        parent: "Tarvo" is not "Tarvo Peru")."""
        starts: dict[str, list[int]] = {}
        cls: dict[str, str] = {}
        for it in sorted(items, key=lambda it: it["start"]):
            if it["via"] != "demonym" and it["cls"] != "Person" and not self.onto.is_a(it["cls"], "Location"):
                starts.setdefault(it["name"], []).append(it["start"])
                cls.setdefault(it["name"], it["cls"])

        def fuller(name: str, short: str) -> bool:
            return name.startswith(short + " ") and cls[name] == cls[short] and starts[name][0] < starts[short][0] \
                and not any(w in self._place_words for w in name[len(short) + 1:].split())

        return {name: sorted(i for other, found in starts.items()
                             if other == name or fuller(other, name) or fuller(name, other) for i in found)
                for name in starts}
