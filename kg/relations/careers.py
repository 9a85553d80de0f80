"""kg:worksFor read from verbs of a person's career rather than from role nouns (:mod:`kg.relations.roles`):
leading a part of an organisation, succeeding another, joining "from" one, leaving one, serving on its board,
spending years at it.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any, Iterable

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive
from .records import record

__all__ = ["Careers"]


def _present_perfect(verb: Token) -> bool:
    """Whether the verb is a participle on "has" or "have", not "had" ("has served", "have spent"): a post still held."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children) and verb.tag_ == "VBN" \
        and not any(c.lower_ == "had" for c in verb.children)


class Careers:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: where a person works or worked, by the verbs of a career."""

    @cached_property
    def _leaving_lemmas(self) -> frozenset[str]:
        """The first words of lexicon ``leaving_verbs`` ("step" of "step down"), the verbs
        :meth:`_left_employers` reads, made once."""
        return frozenset(v.split()[0] for v in self.leaving_verbs)

    def _led_parts(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Omar Belkadi, who runs Kelvor's operations in the kingdom", "Ana Ruiz heads Veltro's
        European unit": a person who leads or runs a part of an organisation (a noun the organisation,
        named, owns) works for it (kg:worksFor's one-word verb triggers but "join")."""
        rel = self.onto.relations.get("worksFor")
        out: list[dict[str, Any]] = []
        verbs = self._one_word_triggers("worksFor") - {"join"}  # (empty without the relation)
        for verb in self._tokens_with_lemma(doc, verbs):
            if verb.pos_ != "VERB" or verb.tag_ == "VBD":  # (not "who ran the bank's desk": a past post)
                continue
            # (an owner by name: not "its", which the coreference may give the wrong firm; and not a
            # board one joins, which is no employer)
            owners = [c for g in verb.children if g.dep_ == "dobj" and g.i not in by_token and g.pos_ == "NOUN"
                      for c in g.children if _possessive(c) and c.i in by_token and c.pos_ == "PROPN"
                      and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")]
            # (the relation's domain keeps people only; "who" stands for the name it follows)
            people = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if owners and people:
                out += self._records_between(doc, people, owners, rel, by_token, items, rel.base_confidence - 0.15,
                                             verb, self._modality(verb))
        return out

    def _predecessors(self, doc: Doc, found: dict[tuple[str, str, str, int], dict[str, Any]],
                      items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"appointed Anika Sharma as its chief financial officer, replacing Tom Elling", "Petrova succeeds
        Owen Bradley": whom one replaces or succeeds (lexicon ``succession_verbs``) worked where the successor
        now works (kg:worksFor, past), for each current employer the text gives the successor."""
        if "worksFor" not in self.onto.relations or not self.succession_verbs:
            return
        jobs: dict[str, list[dict[str, Any]]] = {}
        for r in found.values():
            if r["predicate"] == "worksFor" and r["modality"] == "fact":
                jobs.setdefault(r["s_name"], []).append(r)
        if not jobs:
            return
        for tok in self._tokens_with_lemma(doc, self.succession_verbs):
            if tok.pos_ != "VERB":
                continue
            # the successor: the verb's own subject, or, for a participle on a clause ("..., replacing Y"),
            # whom that clause appoints (its object) or who takes the post (its subject)
            up = tok.head
            successors = [c for c in tok.children if c.dep_ in _SUBJ]
            if not successors and tok.tag_ == "VBG" and tok.dep_ in {"advcl", "xcomp", "conj"}:
                successors = [c for c in up.children if c.dep_ in {"dobj", "nsubjpass"}] \
                    or [c for c in up.children if c.dep_ in _SUBJ]
            people = {items[by_token[c.i]]["name"] for c in successors if c.i in by_token
                      and items[by_token[c.i]]["cls"] == "Person"}
            # whom: the object, or the name apposed to it ("succeeding its founder, Otávio Paineira")
            objs = [c for c in tok.children if c.dep_ == "dobj"]
            objs += [a for c in objs for a in c.children if a.dep_ == "appos"]
            before = [items[by_token[c.i]] for c in objs if c.i in by_token and items[by_token[c.i]]["cls"] == "Person"
                      and items[by_token[c.i]]["via"] in {"", "gazetteer"}]
            for name in people:
                for job in jobs.get(name, ()):
                    employer = next((it for it in items
                                     if it["start"] == job["o_start"] and it["end"] == job["o_end"]), None)
                    for pred in before:
                        if employer is None or pred["name"] == name:
                            continue
                        rec = record(doc, pred, "worksFor", employer, job["confidence"] - 0.1, tok, "past")
                        found.setdefault((rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"]), rec)

    def _came_from(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"joined Orlan Bank from Brenna Bank", "who was hired from Baltica Cargo", "poached X from a rival, Y":
        the organisation a person joins, is hired or moves "from" (lexicon ``moving_verbs``) is where they
        worked before (kg:worksFor, past)."""
        rel = self.onto.relations.get("worksFor")
        if rel is None or not self.moving_verbs:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.moving_verbs):
            if tok.pos_ != "VERB":
                continue
            froms = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "from"
                     for g in p.children if g.dep_ == "pobj"]
            if not froms:
                continue
            # who moves: the one hired or poached (the object, or the passive's subject), else who joins
            def people(deps: set[str]) -> list[dict[str, Any]]:
                found = [items[m[0]] for c in tok.children if c.dep_ in deps for m in self._map(c, by_token, items)]
                return [p for p in found if self.onto.fits(p["cls"], rel.domain)]
            movers = people({"dobj", "nsubjpass"}) or people({"nsubj"})
            if not movers and not any(c.dep_ in _SUBJ for c in tok.children):
                movers = [p for c in self._inherited_agents(tok) for m in self._map(c, by_token, items)
                          for p in [items[m[0]]] if self.onto.fits(p["cls"], rel.domain)]
            out += self._worked_at(doc, movers, [m for g in froms for m in self._map(g, by_token, items)], rel,
                                   rel.base_confidence - 0.05, tok, "past", items)
        return out

    def _left_employers(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Lindqvist quit Nordwind Energy last week", "who retired from Halvard in March", "will leave Korsa Lines
        in June": the organisation a person leaves (lexicon ``leaving_verbs``, its object or what they leave
        "from") is where they worked (kg:worksFor): past once left, still a fact while only to be left
        ("will leave", "is leaving")."""
        rel = self.onto.relations.get("worksFor")
        if rel is None or not self.leaving_verbs:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self._leaving_lemmas):
            if tok.pos_ != "VERB":
                continue
            if self._left(tok) or (tok.tag_ == "VBG" and tok.dep_ == "pcomp" and tok.head.lower_ in {"after", "since"}):
                modality = "past"  # (and "started a studio after leaving X")
            elif any(c.dep_ == "aux" and c.lower_ in {"will", "'ll"} for c in tok.children) or (
                    tok.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in tok.children)):
                modality = "fact"  # (one still works where one is leaving)
            else:
                continue
            left = [c for c in tok.children if c.dep_ == "dobj"] + [
                g for p in tok.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children
                if g.dep_ == "pobj"]
            people = [c for c in tok.children if c.dep_ == "nsubj"] or (
                self._inherited_agents(tok) if not any(c.dep_ in _SUBJ for c in tok.children) else [])
            # (by name: "left the company" is the firm just named as the person's, which the coreference may
            # take for the firm the text is about)
            out += self._worked_at(doc, (items[m[0]] for c in people for m in self._map(c, by_token, items)),
                                   [m for g in left for m in self._map(g, by_token, items)], rel,
                                   rel.base_confidence - 0.1, tok, modality, items, named=True)
        return out

    def _seats_on_bodies(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"served on the management team of Kelvor Associates", "sits on Orlan's board": the organisation whose
        board, team or staff (lexicon ``serving_bodies``) a person serves or sits on (``serving_verbs``) is one
        the person works for (kg:worksFor; past once served, unless "has served")."""
        rel = self.onto.relations.get("worksFor")
        if rel is None or not self.serving_bodies:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.serving_verbs):
            bodies = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "on" for g in p.children
                      if g.dep_ == "pobj" and g.is_lower and g.lemma_.lower() in self.serving_bodies]
            if tok.pos_ != "VERB" or not bodies:
                continue
            # (the body's owner: "of" after it, or its possessive)
            owners = [o for g in bodies for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                      for o in p.children if o.dep_ == "pobj"] + [o for g in bodies for o in g.children if _possessive(o)]
            orgs = [m for o in owners for m in self._map(o, by_token, items)]
            people = [c for c in tok.children if c.dep_ in _SUBJ] or self._inherited_agents(tok)
            still = tok.tag_ in {"VBZ", "VBP", "VBG"} or _present_perfect(tok)
            out += self._worked_at(doc, (items[m[0]] for c in people for m in self._map(c, by_token, items)), orgs,
                                   rel, rel.base_confidence - 0.1, tok, "fact" if still else "past", items, named=True)
        return out

    def _years_spent(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"previously spent 15 years at Brenna Bank", "after spending a decade with Lumio": where a person spent
        a span of years (lexicon ``tenure_nouns``) is where they worked (kg:worksFor; past, unless "has spent")."""
        rel = self.onto.relations.get("worksFor")
        if rel is None or not self.tenure_nouns:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, {"spend"}):
            spans = [c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in self.tenure_nouns]
            if tok.pos_ != "VERB" or not spans:
                continue
            # (the place of work on the verb, or on the span: "spent 15 years at/with X")
            preps = [p for h in [tok, *spans] for p in h.children if p.dep_ == "prep" and p.lower_ in {"at", "with"}]
            places = [m for p in preps for g in p.children if g.dep_ == "pobj" for m in self._map(g, by_token, items)]
            people = [c for c in tok.children if c.dep_ in _SUBJ] or self._inherited_agents(tok)
            still = _present_perfect(tok)
            out += self._worked_at(doc, (items[m[0]] for c in people for m in self._map(c, by_token, items)), places,
                                   rel, rel.base_confidence - 0.05, tok, "fact" if still else "past", items)
        return out

    def _worked_at(self, doc: Doc, people: Iterable[dict[str, Any]], orgs: list[tuple[int, float, int]],
                   rel: RelationInfo, confidence: float, trigger: Token, modality: str, items: list[dict[str, Any]],
                   named: bool = False) -> list[dict[str, Any]]:
        """A kg:worksFor record from each of ``people`` (entity items) the relation's domain fits to each of
        ``orgs`` (entity items with their costs, as :meth:`_map` gives them) its range fits, of another name, at
        ``confidence`` less the organisation's cost (``named``: organisations written by name only, not a
        description the coreference resolved)."""
        out: list[dict[str, Any]] = []
        for person in people:
            if not self.onto.fits(person["cls"], rel.domain):
                continue
            for idx, cost, _ in orgs:
                org = items[idx]
                if self.onto.fits(org["cls"], rel.range) and org["name"] != person["name"] \
                        and (not named or org["via"] in {"", "gazetteer"}):
                    out.append(record(doc, person, "worksFor", org, confidence - cost, trigger, modality))
        return out
