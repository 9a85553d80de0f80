"""Restrictions a country's body imposes, read off the surface where the parse misses the verb.

"Danish regulator curbs Velora Pay after outage", "Norwegian watchdog bans Kelvor vapes": in a headline
the small parser often reads the verb after a body noun as a noun ("regulator curbs" as a compound),
and then gives it no object. Here the words say it: a demonym for a country, up to two lower-case
words, a noun for a government body (lexicon [coref] GovernmentBody: "regulator", "watchdog") and
right after it the present tense of a one-word trigger of kg:restricts or of a relation below it
(kg:bans: "bans", "outlaws") with a name right after it: the country restricts (or bans) the names
listed there. Weaker evidence than a parse: the confidence is 0.2 lower.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc

from .records import record

__all__ = ["Headlines"]


class Headlines:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: "<demonym> regulator curbs X"."""

    @cached_property
    def _body_verb_forms(self) -> dict[str, str]:
        """The present tense ("curbs", "bans") of each one-word trigger of kg:restricts and the relations
        below it, with the relation it triggers (the more specific one where two share the word)."""
        out: dict[str, str] = {}
        rels = [r for r in self.onto.relations.values() if r.name == "restricts" or r.parent == "restricts"]
        for r in sorted(rels, key=lambda r: r.name != "restricts"):
            for words in r.triggers:
                if len(words) == 1 and not words[0].endswith(("tion", "s")):
                    w = words[0]
                    for form in (w + "s", w + "es", w[:-1] + "ies" if w.endswith("y") else ""):
                        if form:
                            out[form] = r.name
        return out

    def _body_verbs_of_headlines(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                                 ) -> list[dict[str, Any]]:
        forms = self._body_verb_forms
        out: list[dict[str, Any]] = []
        for it in items:
            if it.get("via") != "demonym" or it["cls"] != "Country":
                continue
            j = it["end"]
            while j < len(doc) and j - it["end"] < 3 and doc[j].is_lower and doc[j].lower_ not in self.government_nouns:
                j += 1
            if j + 2 >= len(doc) or doc[j].lower_ not in self.government_nouns:
                continue
            verb = doc[j + 1]
            rel = self.onto.relations.get(forms.get(verb.lower_, ""))
            if rel is None or verb.sent.start != doc[j].sent.start:
                continue
            k = verb.i + 1 if doc[verb.i + 1].lower_ != "the" else verb.i + 2
            if k >= len(doc) or k not in by_token or items[by_token[k]]["start"] != k:
                continue
            for n in self._names_after(doc[k - 1], by_token):
                obj = items[by_token[n.i]]
                if obj["name"] != it["name"] and self.onto.fits(it["cls"], rel.domain) \
                        and self.onto.fits(obj["cls"], rel.range) and obj["cls"] != "Country":
                    out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.2, verb))
        return out + self._named_bodies_verbs(doc, items, by_token) + self._suers_of_headlines(doc, items, by_token)

    @cached_property
    def _suing_forms(self) -> frozenset[str]:
        """The present tense ("sues", "countersues") of each one-word trigger of kg:sues ending in "e"."""
        rel = self.onto.relations.get("sues")
        return frozenset(w[0] + "s" for w in rel.triggers if len(w) == 1 and w[0].endswith("e")) \
            if rel is not None else frozenset()

    def _name_described_after(self, doc: Doc, end: int, items: list[dict[str, Any]], by_token: dict[int, int]
                              ) -> int | None:
        """Where a name that modifies a description ends at ``end`` ("Chatterly rival Whisp", "former Orlan
        chief Mara Quint"): the start of the name described, after up to three lower-case content words, or
        None where no name (other than a place's) starts there."""
        j = end
        while j < len(doc) and j - end < 3 and doc[j].is_lower and doc[j].is_alpha \
                and doc[j].pos_ not in self._function_pos:
            j += 1
        if j > end and j in by_token and items[by_token[j]]["start"] == j \
                and not self.onto.is_a(items[by_token[j]]["cls"], "Location"):
            return j
        return None

    def _suers_of_headlines(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                            ) -> list[dict[str, Any]]:
        """"Payments startup Paylo sues Orrin Bank over fees", "Pixelo countersues Arden Labs", "Assam Tea
        sues Darjeeling rival Himal Brew": a name right before the present tense of a one-word trigger of
        kg:sues, then up to four lower-case words and places ("Vietnam's") and the name sued, read off the
        surface where the small parser reads the headline's verb as a noun or its subject as an object."""
        rel = self.onto.relations.get("sues")
        forms = self._suing_forms
        if rel is None:
            return []
        out: list[dict[str, Any]] = []
        for it in items:
            verb_i = it["end"]
            if it.get("via") in {"coref", "demonym"} or verb_i + 1 >= len(doc) or doc[verb_i].text not in forms \
                    or not self.onto.fits(it["cls"], rel.domain):
                continue
            k = verb_i + 1
            while k < len(doc) and k - verb_i <= 5 and doc[k].sent.start == doc[verb_i].sent.start:
                if k in by_token and items[by_token[k]]["start"] == k:
                    found = items[by_token[k]]
                    end = found["end"]
                    if not self.onto.is_a(found["cls"], "Location"):
                        # (the name described, not one that modifies its description: "sues former Orlan
                        # chief Mara Quint")
                        j = self._name_described_after(doc, end, items, by_token)
                        if j is not None:
                            found = items[by_token[j]]
                        if found["name"] != it["name"] and self.onto.fits(found["cls"], rel.range):
                            out.append(record(doc, it, rel.name, found, rel.base_confidence - 0.2, doc[verb_i]))
                        break
                    k = end + (1 if end < len(doc) and doc[end].text in {"'s", "'"} else 0)
                elif doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ not in self._function_pos:
                    k += 1
                else:
                    break
        return out

    def _named_bodies_verbs(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                            ) -> list[dict[str, Any]]:
        """"FCA curbs London lender Lendora", "U.S. sanctions Dubai-based tanker operator Sarab Shipping": a
        named body or country right before the present tense of a trigger, then a description that ends in a
        kind of firm (lexicon [coref] Company: "lender", "shipper"; with lower-case words and places before
        it) and the name it describes. The small parser reads the verb as a plural noun of a compound, or the
        name as an apposition of the verb: the words say who is restricted."""
        forms = self._body_verb_forms
        out: list[dict[str, Any]] = []
        for it in items:
            if it.get("via") in {"coref", "demonym"} or not (
                    it["cls"] == "Country" or self.onto.is_a(it["cls"], "GovernmentBody")):
                continue
            verb_i = it["end"]
            if verb_i + 2 >= len(doc):
                continue
            rel = self.onto.relations.get(forms.get(doc[verb_i].lower_, "") or self._noun_verb_forms.get(doc[verb_i].lower_, ""))
            if rel is None:
                continue
            k, kind = verb_i + 1, verb_i + 1 in by_token  # (or no description: "Tanzania curbs Vela's service")
            while k < len(doc) and k - verb_i <= 6:
                t = doc[k]
                if k in by_token and items[by_token[k]]["start"] == k:
                    if not self.onto.is_a(items[by_token[k]]["cls"], "Location"):
                        # the name described (not one that modifies a description of another: "throttles
                        # Chatterly rival Whisp")
                        j = self._name_described_after(doc, items[by_token[k]]["end"], items, by_token)
                        if j is None:
                            break
                        k, kind = j, True
                        continue
                    k, kind = items[by_token[k]]["end"], False
                elif t.text == "-" or (t.is_lower and t.is_alpha and t.pos_ not in self._function_pos):
                    kind = t.lemma_.lower() in self.firm_kinds or t.lower_ in self.firm_kinds
                    k += 1
                else:
                    break
            if not kind or k >= len(doc) or k not in by_token or doc[k].sent.start != doc[verb_i].sent.start:
                continue
            obj = items[by_token[k]]
            if obj["name"] != it["name"] and self.onto.fits(it["cls"], rel.domain) \
                    and self.onto.fits(obj["cls"], rel.range) and obj["cls"] != "Country":
                out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.2, doc[verb_i]))
        return out

    @cached_property
    def _noun_verb_forms(self) -> dict[str, str]:
        """"sanctions": the present tense of a one-word trigger that is a noun too ("sanction"), which
        :attr:`_body_verb_forms` leaves out; a description and a name right after it make it the verb."""
        return {words[0] + "s": r.name for r in self.onto.relations.values()
                if r.name == "restricts" or r.parent == "restricts"
                for words in r.triggers if len(words) == 1 and words[0].endswith("tion")}

    _function_pos = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "NUM", "PUNCT"})
