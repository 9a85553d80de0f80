"""Firms run or kept as a unit: subsidiaryOf from the role noun of a unit that a clause says the one bought or
run is.

"X was bought by Y and now operates as a wholly owned subsidiary", "Y acquired X, making it a unit" (a clause
joined to a purchase: :meth:`Units._kept_as_units`); "Orbiton runs Pellucid as a standalone business"
(:meth:`Units._run_as_units`). A mixin of :class:`~kg.relations.owners.Owners`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import COPULAS
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive
from .records import record, side, trigger_token

__all__ = ["Units"]


class Units:
    """Mixin of :class:`~kg.relations.rules.KGRelations` (by :class:`~kg.relations.owners.Owners`): a firm
    bought or run as a unit is the unit of whoever bought or runs it."""

    def _kept_as_units(self, doc: Doc, found: dict[tuple[str, str, str, int], dict[str, Any]],
                       items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"X was bought by Y and now operates as a wholly owned subsidiary", "Y acquired X, making it a unit",
        "X was taken over by Y and is now a subsidiary": a clause joined to a purchase says what the one bought
        is, a role noun of kg:subsidiaryOf with no owner of its own ("a subsidiary", "its European unit"):
        the buyer's (the annotated news writes it so; a bare purchase, no unit said, gets no subsidiaryOf)."""
        rel = self.onto.relations.get("subsidiaryOf")
        buys = [r for r in found.values() if r["predicate"] == "acquires" and r["modality"] in {"fact", "past"}]
        if rel is None or not buys:
            return
        for r in buys:
            verb = trigger_token(doc, r)
            if verb is None or verb.pos_ != "VERB":
                continue
            bought = {r["o_start"], r["o_end"] - 1}
            for noun, unit in self._units_said(verb, self.subsidiary_nouns):
                names = {items[by_token[unit.i]]["name"]} if unit is not None and unit.i in by_token else set()
                if (unit is None and not any(c.dep_ == "nsubjpass" and c.i in bought for c in verb.children)) \
                        or (unit is not None and names != {r["o_name"]} and unit.i not in bought
                            and not (unit.lower_ == "it" and not names)):
                    continue
                one, owner = side(r, "o"), side(r, "s")
                if not (self.onto.fits(one["cls"], rel.domain) and self.onto.fits(owner["cls"], rel.range)):
                    continue
                rec = record(doc, one, rel.name, owner, rel.base_confidence - 0.1, noun, r["modality"])
                found.setdefault((rec["s_key"], rel.name, rec["o_key"], rec["sent_start"]), rec)

    @staticmethod
    def _units_said(verb: Token, units: set[str]) -> list[tuple[Token, Token | None]]:
        """The role nouns of kg:subsidiaryOf (``units``) that a clause joined to ``verb`` (or
        its "making it ...") says its subject is, with no owner of their own ("as a subsidiary", "is now a
        unit", "its European arm"), each with the subject the clause writes (``None`` where it shares
        ``verb``'s)."""
        out: list[tuple[Token, Token | None]] = []
        clauses = [c for c in verb.children if c.dep_ in {"conj", "advcl"} and c.pos_ in {"VERB", "AUX"}]
        main = verb.head.head if verb.dep_ == "relcl" and verb.head.dep_ in _SUBJ else None
        if main is not None and main.pos_ in {"VERB", "AUX"}:
            clauses.append(main)  # ("X, which Y acquired in 2021, now runs as a subsidiary": the clause it is on)
        for clause in clauses:
            lemma = clause.lemma_.lower()
            joined = clause.dep_ == "conj" or (main is not None and clause.i == main.i)
            if lemma in {"make", "leave"} and clause.dep_ == "advcl":
                nouns = [c for c in clause.children if c.dep_ in {"ccomp", "oprd", "xcomp"}]
                subj = next((c for n in nouns for c in n.children if c.dep_ == "nsubj"), None) or next(
                    (c for c in clause.children if c.dep_ == "dobj"), None)
            elif joined and lemma in COPULAS:
                nouns = [c for c in clause.children if c.dep_ == "attr"]
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            elif joined and lemma in {"operate", "run", "function", "continue", "trade"}:
                nouns = [g for c in clause.children if c.dep_ == "prep" and c.lower_ == "as"
                         for g in c.children if g.dep_ == "pobj"]
                subj = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            else:
                continue
            out += [(noun, subj) for noun in nouns if _unowned_unit(noun, units)]
        return out

    def _run_as_units(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Orbiton runs Pellucid as a standalone business", "Pellucid, which Orbiton bought in 2021 and runs as an
        independent subsidiary": a firm run, operated or kept "as" a unit (a role noun of kg:subsidiaryOf with no
        owner of its own) is the unit of whoever runs it (the annotated news writes subsidiaryOf for it)."""
        rel = self.onto.relations.get("subsidiaryOf")
        if rel is None:
            return []
        units = self.subsidiary_nouns
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {"run", "operate", "keep", "manage", "maintain", "retain"}):
            nouns = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "as" for g in p.children
                     if g.dep_ == "pobj" and _unowned_unit(g, units)]
            if verb.pos_ != "VERB" or not nouns:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if not objs and verb.dep_ == "conj":  # ("bought X and runs it ..."'s object, shared)
                objs = [c for c in verb.head.children if c.dep_ == "dobj"]
            # ("which": the noun its clause is on)
            objs = [o.head.head if o.lower_ in {"which", "that"} and o.head.dep_ == "relcl" else o for o in objs]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or [
                c for c in verb.head.children if verb.dep_ == "conj" and c.dep_ in _SUBJ] \
                or self._inherited_agents(verb)
            out += self._records_between(doc, objs, subjects, rel, by_token, items, rel.base_confidence - 0.1,
                                         nouns[0], self._modality(verb))
        return out


def _unowned_unit(noun: Token, units: frozenset[str]) -> bool:
    """Whether ``noun`` is a unit's noun (of ``units``) with no owner of its own: "a subsidiary", "its
    European arm" (a pronoun's), not "a unit of X" nor "Y's unit"."""
    return noun.pos_ == "NOUN" and noun.lemma_.lower() in units and not any(
        (c.dep_ == "prep" and c.lower_ == "of") or (_possessive(c) and c.pos_ != "PRON") for c in noun.children)
