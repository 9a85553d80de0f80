"""Whose a pronoun is where the text names an owner beside another body. A country named only as the owner
of a public body ("Brazil's health regulator, Anvisa, had cleared Glimora XR, its extended-release version of
the drug"; "a lawsuit against Chile's environmental regulator over an order to halt work at its copper mine")
is not what a later "its" of that sentence stands for: the body acts there for the country, and the thing
owned is another's (the firm the sentence is about), however often the story named the country before. Nor
is a country named as the owner of a body the text names ("Norway's energy regulator, the Velm Authority,",
"Norway's Velm Authority"): the body acts, says and owns ("Norway's Velm Authority said it ..." is the
authority; "... granted it access" is neither). The owner of a named unit is the firm it is named after, and
a possessive after a passive's agent is the agent's where it says where or to whom the agent acts. A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import by_agents

__all__ = ["Owners"]

#: prepositions that say where or to whom an agent acts ("used by X at its plant", "offered by X to its members")
_WHERE_PREPS = frozenset({"at", "in", "to", "through", "across", "via", "on"})
#: prepositions that say where one does a work ("paid X to repair ships at its yard")
_SITE_PREPS = frozenset({"at", "in"})


class Owners:
    """Mixin of :class:`~kg.coref.component.KGCoref`: owners named beside bodies, units and passive agents."""

    def _without_bodies_owners(self, doc: Doc, cands: list[dict[str, Any]], tok: Token) -> list[dict[str, Any]]:
        """``cands`` less the countries that ``tok``'s sentence names, before ``tok``, only as the possessive
        of a noun for a government body (lexicon [coref] GovernmentBody: "regulator", "ministry"; its demonyms
        aside), where
        ``tok`` is a possessive "its" and another candidate is left."""
        if tok.lower_ != "its" or tok.dep_ != "poss":
            return cands
        start = tok.sent.start
        here: dict[str, list[bool]] = {}
        for c in cands:
            # (a demonym is no owner, nor a mention of its own: "the Chilean unit ... Chile's regulator")
            if c["cls"] == "Country" and c["via"] not in {"coref", "demonym"} and start <= c["start"] \
                    and c["end"] <= tok.i:
                root = doc[c["end"] - 1]
                here.setdefault(c["name"], []).append(
                    root.dep_ == "poss" and root.head.i > root.i
                    and "GovernmentBody" in self.descriptors.get(root.head.lemma_.lower(), ()))
        owners = {name for name, flags in here.items() if all(flags)}
        if not owners:
            return cands
        kept = [c for c in cands if c["name"] not in owners]
        return kept if kept else cands

    def _without_bodies_countries(self, doc: Doc, cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``cands`` less the mentions of countries that are the possessive on a named organisation's word, or on
        a noun a named organisation is apposed to; ``cands`` itself where nothing else would be left."""
        def on_a_body(it: dict[str, Any]) -> bool:
            if it["end"] - it["start"] > 4 or not self.onto.is_a(it["cls"], "Country"):
                return False
            root = doc[it["start"]:it["end"]].root
            if root.dep_ != "poss":
                return False
            noun = root.head
            words = [noun] + [a for a in noun.children if a.dep_ == "appos"]
            return any(other["start"] <= w.i < other["end"] and other["via"] != "coref"
                       and self.onto.is_a(other["cls"], "Organization") for w in words for other in self._all_items)

        kept = [c for c in cands if not on_a_body(c)]
        return kept or cands

    def _parent_of_a_named_unit(self, doc: Doc, tok: Token, cands: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """"Halden Electronics, an electronics group, ... The group's display arm, Halden Display,": the owner a
        description names on a unit (lexicon ``owned_units``) with a name apposed is the candidate whose name shares
        a word with the unit's (a firm names its units after itself), before the story's other firms; of several,
        those the text called by the description's noun ("an electronics group", "Halvard Group");
        empty where the description is on no such unit or no candidate shares a word."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.lemma_.lower() not in self._unit_nouns:
            return []
        words = [a for a in noun.children if a.dep_ == "appos"] + ([noun.head] if noun.dep_ == "appos" else [])
        unit = next((it for w in words for it in self._all_items if it["start"] <= w.i < it["end"]
                     and it["via"] != "coref" and self.onto.is_a(it["cls"], "Organization")), None)
        if unit is None:
            return []
        shared = set(unit["name"].lower().split()) - self._generic_firm_words
        named = [c for c in cands if c["name"] != unit["name"] and c["via"] != "demonym"
                 and shared & set(c["name"].lower().split())]
        called = [c for c in named if self._called_by(doc, c, tok.lemma_.lower())
                  or c["name"].lower().endswith(" " + tok.lower_)]
        return called or named

    def _unit_called_before(self, doc: Doc, tok: Token) -> dict[str, Any] | None:
        """"Orlan sold Lausa Mining, its coal unit, to X ... The unit runs two mines": "the unit" (a noun of lexicon
        ``owned_units``, none saying whose: not "the Orlan unit", "the unit of X") is the nearest organisation the
        last few sentences called a unit, arm, subsidiary or division, in apposition or right before its name;
        ``None`` where they called none so ("restart the unit" of a reactor)."""
        if self._says_which(tok, lambda c: c.dep_ in {"compound", "nmod", "amod"}):
            return None
        return next((c for c in self._candidates(doc, self._all_items, tok) if c["via"] in {"", "gazetteer"}
                     and self.onto.is_a(c["cls"], "Organization")
                     and any(self._called_by(doc, c, noun) for noun in self._unit_nouns)), None)

    def _passive_agents(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]) -> dict[str, Any] | None:
        """"The module is used by Kelvor at its plant in Lyon", "The X1 has been ordered by Kelvor for its
        computer": a possessive in a phrase on a finite passive, after its agent, is the agent's where it says
        where or to whom the agent acts ("at", "to", "through" ...), or where the passive's subject is no
        name of a wanted class (a product, a thing); ``None`` otherwise ("Kelvor was bought by Orrin for its
        technology": Kelvor's; a participle on a noun: "cells made by X in its pickup")."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        verb = noun.head.head
        if verb.tag_ != "VBN" or not any(c.dep_ == "auxpass" for c in verb.children):
            return None
        agent = self._agent_item(verb, tok, pool, wanted)
        if agent is None:
            return None
        subject_named = any(it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)
                            for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"} for it in pool)
        if subject_named and noun.head.lower_ not in _WHERE_PREPS:
            return None
        return agent

    def _hired_doers_site(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]) -> dict[str, Any] | None:
        """"Kelvor paid Orrin to repair the ships at its yard", "hired Orrin to convert jets at its hangars": a
        possessive in an "at" or "in" phrase of the infinitive that says what a firm was paid or hired to do
        (lexicon coref.hiring) is the hired one's, who does the work where it works; ``None`` otherwise
        ("paid Orrin to process its payments": the payer's payments, no site)."""
        noun = tok.head
        if tok.dep_ != "poss" or noun.dep_ != "pobj" or noun.head.lower_ not in _SITE_PREPS:
            return None
        clause = next((a for a in noun.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if clause is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
                or any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
            return None
        # (the infinitive on the verb, or on the sum paid: "paid Orrin $4 million/dobj to repair")
        verb = clause.head if clause.dep_ in {"xcomp", "advcl"} else \
            clause.head.head if clause.dep_ in {"relcl", "acl"} and clause.head.dep_ == "dobj" else None
        if verb is None or verb.lemma_.lower() not in self._hiring:
            return None
        return next((it for c in verb.children if c.dep_ in {"dobj", "dative"} and c.i < clause.i for it in pool
                     if it["start"] <= c.i < it["end"] and it["via"] != "demonym"
                     and self._compatible(it["cls"], wanted)), None)

    def _agent_item(self, verb: Token, tok: Token, pool: list[dict[str, Any]], wanted: set[str],
                    demonyms: bool = False) -> dict[str, Any] | None:
        """The mention of ``pool`` of a wanted class that is the agent of the passive ``verb`` ("by X"), written
        before ``tok``: a demonym only if ``demonyms``; ``None`` where there is none."""
        return next((it for g in by_agents(verb) if g.head.i < tok.i for it in pool if it["start"] <= g.i < it["end"]
                     and (demonyms or it["via"] != "demonym") and self._compatible(it["cls"], wanted)), None)
