"""Whose a possessive in a clause is by the clause's subject: the subject item of a verb (a relative pronoun's
noun, a name apposed to the subject noun), the object of the verb a gerund hangs on ("fined Veldpay for forcing
merchants to use its own terminals"), the subject one clause up past a plural common noun, or a name the
parser joined to an object before a verb without a subject. A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import antecedent
from .base import SUBJ as _SUBJ

__all__ = ["ClauseSubjects"]


class ClauseSubjects:
    """Mixin of :class:`~kg.coref.component.KGCoref`: the subject item a clause gives a possessive in it."""

    def _object_of_gerund(self, clause: Token, pool: list[dict[str, Any]], wanted: set[str]
                          ) -> dict[str, Any] | None:
        """"fined Veldpay for forcing merchants to use its own terminals", "barred Kovara from moving its
        data": a gerund after "for", "from" or "of" on a verb with an object says what the object did or may
        not do, so a possessive in it (or in an infinitive it governs) is the object's; ``None`` where the
        clause has a subject of its own, no such verb is above it, or the verb accuses or sues (whose
        object's act harms the subject's things as often: "sued X for infringing its patents")."""
        node = clause
        for _ in range(3):
            if any(c.dep_ in _SUBJ for c in node.children):
                return None
            if node.dep_ == "pcomp" and node.tag_ == "VBG" and node.head.dep_ == "prep" \
                    and node.head.lower_ in {"for", "from", "of"}:
                verb = node.head.head
                if verb.dep_ == "dobj" and verb.pos_ != "VERB":
                    verb = verb.head  # ("fined Veldpay 85 million euros for ...": the parser hangs it on the sum)
                if verb.lemma_.lower() in self._accusing or verb.lemma_.lower() in self._suing:
                    return None  # (not what one is accused or sued for: "sued X for infringing its patents")
                return next((it for c in verb.children if c.dep_ in {"dobj", "dative"} for it in pool
                             if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
            if node.dep_ != "xcomp":
                return None
            node = node.head
        return None

    def _past_a_plural_subject(self, clause: Token, pool: list[dict[str, Any]], wanted: set[str], tok: Token
                               ) -> dict[str, Any] | None:
        """"Orlan Bank said it would let Kelvor drivers cash out through its wallet": "its" is not the
        plural subject of its own clause ("drivers", nor a name in front of it), so it is the subject of
        the clause that one hangs on (one clause up); ``None`` where the clause's subject is no plural
        common noun or no name of the wanted kind is the subject above."""
        subjects = [c for c in clause.children if c.dep_ in _SUBJ]
        if len(subjects) != 1 or subjects[0].tag_ != "NNS" or clause.dep_ not in {"ccomp", "xcomp"} \
                or any(it["start"] <= subjects[0].i < it["end"] for it in pool):
            return None
        return self._subject_item(clause.head, pool, wanted, before=tok.i)

    def _stranded_subject(self, clause: Token, pool: list[dict[str, Any]], wanted: set[str]
                          ) -> dict[str, Any] | None:
        """"Orlan Bank bought Halden Motors and Kelvor Motors sold its stake": a finite verb joined to
        another without a subject, right after a name the parser joined to that verb's object, is that
        name's (the name is the second clause's subject, not a second thing bought); ``None`` otherwise."""
        if clause.tag_ not in {"VBD", "VBZ", "VBP"} or clause.i == 0:
            return None
        before = clause.doc[clause.i - 1]
        name = next((it for it in pool if it["start"] <= before.i < it["end"] and it["end"] == clause.i
                     and self._compatible(it["cls"], wanted)), None)
        if name is None:
            return None
        root = clause.doc[name["start"]:name["end"]].root
        if root.dep_ != "conj" or root.head.dep_ not in {"dobj", "pobj", "conj"} or root.head.i > root.i:
            return None
        return name

    def _subject_item(self, verb: Token, pool: list[dict[str, Any]], wanted: set[str], *, before: int | None = None,
                      head_only: bool = False, demonyms: bool = False) -> dict[str, Any] | None:
        """The item that is a subject of ``verb`` (before token ``before``, if given) and of a wanted
        class: a demonym only if ``demonyms``; the subject word the name's head if ``head_only``
        ("China's customs agency": the agency, not China)."""
        for c in verb.children:
            if c.dep_ not in _SUBJ or (before is not None and c.i >= before):
                continue
            # "Solvane, which gives Tandem access to its Corrin models": the noun the clause is on
            c = antecedent(c)
            if not any(it["start"] <= c.i < it["end"] for it in pool):
                # "Tom Garrow's niece, Edna Pollard, said from her home": the name apposed to the subject noun
                c = next((a for a in c.children if a.dep_ == "appos" and (before is None or a.i < before)), c)
            for it in pool:
                if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted) \
                        and (demonyms or it["via"] != "demonym") \
                        and (not head_only or c.i == c.doc[it["start"]:it["end"]].root.i):
                    return it
        return None
