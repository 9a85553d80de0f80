"""A sentence that opens with "It" goes on with the subject of the sentence before: "Brenna Foods has
sued Kelvor Motors in Lyon. It still supplies Orlan Bank" ("It" is Brenna Foods, not the firm named
last); "The venture, Solmer Bio, will be owned by Halden and Kelvor. It will supply Orlan" (the venture,
by the name apposed to it). Not where that subject is several ("Halden
and Kelvor will build a plant. It ..."), of a class the pronoun cannot stand for, or no name (nor a
description resolved to one). A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from ..syntax import FORMER
from .base import SUBJ

__all__ = ["Continuity"]


class Continuity:
    """Mixin of :class:`~kg.coref.component.KGCoref`: a sentence's opening "It" is the subject before."""

    def _continued_subject(self, doc: Doc, tok: Token, pool: list[dict[str, Any]], wanted: set[str]
                           ) -> dict[str, Any] | None:
        """The mention (named, or a description resolved) that is the subject of the main clause of the
        sentence before ``tok``'s, where ``tok`` is an "it" that opens its sentence as the subject of its
        main clause ("It also supplies X"), or an "Its" on that subject ("Its chief executive said"); ``None``
        otherwise."""
        sent = tok.sent
        # (nor "he", whom a story goes on calling by name)
        if any(not (t.is_punct or t.is_space) for t in doc[sent.start:tok.i]):
            return None
        if tok.lower_ == "it" and tok.dep_ in SUBJ and tok.head.i == sent.root.i:
            return self._subject_before(doc, sent, pool, wanted)
        # "Wavely has 14 million users. Its chief executive, Mira Dahl, said": an "Its" that opens the sentence
        # on the subject of its main clause is the subject's before, as "It" would be (not the headline's firm);
        # only a firm's (a body's act is on a firm: "The commission ordered X to ... Its partner" is X's), and
        # not a firm that reports on another ("Orlan said Kelvor had ... Its tankers": Kelvor's, maybe)
        if tok.lower_ == "its" and tok.dep_ == "poss" and tok.head.dep_ in SUBJ and tok.head.head.i == sent.root.i:
            found = self._subject_before(doc, sent, pool, wanted)
            if found is None or not self.onto.is_a(found["cls"], "Company") or self._reports_another(doc, found, pool):
                return None
            return found
        return None

    def _reports_another(self, doc: Doc, found: dict[str, Any], pool: list[dict[str, Any]]) -> bool:
        """The main verb whose subject is ``found`` is one of saying, with a clause whose subject is another
        mention of ``pool`` ("Orlan said Kelvor had moved crude")."""
        root = doc[found["start"]:found["end"]].root
        while root.dep_ not in SUBJ and root.head.i != root.i:
            root = root.head
        verb = root.head
        if verb.lemma_.lower() not in self._reporting:
            return False
        return any(c.dep_ == "ccomp" and any(s.dep_ in SUBJ and any(
            it["start"] <= s.i < it["end"] and it["name"] != found["name"] for it in pool) for s in c.children)
                   for c in verb.children)

    def _speakers_firm(self, doc: Doc, tok: Token, pool: list[dict[str, Any]], wanted: set[str]
                       ) -> dict[str, Any] | None:
        """"Thracian LNG said it was not worried. "Our price is good," said its chief executive, Nikos Andreou":
        the possessive ("its", "the company's") on the title of the one who speaks, in a sentence that names no
        organisation before it, is the firm that spoke in the sentence before (the subject of its main verb of
        saying), not the story's most salient firm; ``None`` otherwise (not after "X will buy Y": whose
        executive speaks then is no more X's than the story's firm's)."""
        title = tok.head
        if tok.dep_ != "poss" or title.lemma_.lower() not in self.person_titles:
            return None
        speaker = title.head if title.dep_ == "appos" else title
        if speaker.dep_ not in SUBJ or speaker.head.lemma_.lower() not in self._reporting:
            return None
        sent = tok.sent
        if any(sent.start <= it["start"] < tok.i and it["via"] != "coref" and self._compatible(it["cls"], wanted)
               for it in pool):
            return None
        return self._subject_before(doc, sent, pool, wanted, saying=True)

    def _sayers_firm(self, doc: Doc, tok: Token, pool: list[dict[str, Any]], wanted: set[str]
                     ) -> dict[str, Any] | None:
        """"Orlan Bank chief executive Mira Dahl said the bank was not for sale", "Mira Dahl, chairwoman of Orlan,
        said the group ...", "An Orlan spokesman said the company ...": a bare description ("the bank", not "the
        combined bank") that is the subject of what a person says, or owns it, is the firm the sayer's title
        names; ``None`` where the title names none of a wanted class, or the noun names a relation ("the
        venture", "the deal": another firm, or none)."""
        word = tok.head if tok.dep_ == "poss" else tok
        if tok.pos_ != "NOUN" or word.dep_ not in SUBJ or word.head.dep_ != "ccomp" \
                or tok.lower_ in self.relation_words or any(c.dep_ != "det" for c in tok.children if c.i < tok.i):
            return None
        verb = word.head.head
        if verb.lemma_.lower() not in self._reporting:
            return None
        sayer = next((c for c in verb.children if c.dep_ in SUBJ and c.i < tok.i), None)
        if sayer is None:
            return None
        # (not a title held before: "Tunde Bakare, a former Orlan engineer, said the startup")
        titles = [t for t in sayer.subtree if t.lemma_.lower() in self.person_titles and t.i < tok.i
                  and not any(c.lower_ in FORMER for c in t.children)]
        firms = [c for t in titles for c in t.children if c.dep_ in {"compound", "nmod", "poss"}]
        firms += [g for t in titles for p in t.children if p.dep_ == "prep" and p.lower_ in {"of", "at"}
                  for g in p.children if g.dep_ == "pobj"]
        firms += [g for f in list(firms) for g in f.children if g.dep_ == "compound"]
        return next((it for f in firms for it in pool if it["start"] <= f.i < it["end"] and it["via"] != "demonym"
                     and it["cls"] != "Person" and self._compatible(it["cls"], wanted)), None)

    def _subject_before(self, doc: Doc, sent: Span, pool: list[dict[str, Any]], wanted: set[str],
                        saying: bool = False) -> dict[str, Any] | None:
        """The mention of ``pool`` of a wanted class that is the one subject of the main clause of the
        sentence before ``sent`` (with ``saying``, of a main verb of saying), or ``None``."""
        j = sent.start - 1
        while j >= 0 and doc[j].is_space:
            j -= 1
        if j < 0:
            return None
        root = doc[j].sent.root
        if saying and root.lemma_.lower() not in self._reporting:
            return None
        subjects = [c for c in root.children if c.dep_ in SUBJ]
        if len(subjects) != 1:
            return None
        subject = subjects[0]
        if any(c.dep_ == "conj" and not any(it["start"] <= subject.i < it["end"] and it["start"] <= c.i < it["end"]
                                            for it in pool) for c in subject.children):
            return None  # ("Halden and Kelvor will build a plant": no one "it"; but "Halden & Wick" is one)
        # (the name itself, or the description resolved to one, or a name apposed to it: "The venture, Solmer Bio,")
        for word in [subject] + [c for c in subject.children if c.dep_ == "appos"]:
            found = next((it for it in pool if it["start"] <= word.i < it["end"]), None)
            if found is not None:
                if self._compatible(found["cls"], wanted) and found["via"] != "demonym":
                    return found
                return None
        return None

    def _where_clause_subject(self, tok: Token, pool: list[dict[str, Any]], wanted: set[str]) -> dict[str, Any] | None:
        """The mention (named, or a description resolved) that is the subject of the clause a place is in, where
        ``tok`` is the "it" subject of a "where" clause on that place ("The therapy is approved in the United
        States, where it is sold by X", "the game complied with the law in Bangladesh, where it remains
        available": the therapy, the game); ``None`` otherwise, or where that subject is not of a wanted class."""
        verb = tok.head
        if tok.lower_ != "it" or tok.dep_ not in SUBJ or verb.dep_ != "relcl" \
                or not any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
            return None
        place = verb.head
        while place.dep_ == "conj":
            place = place.head
        if place.dep_ != "pobj":
            return None
        clause = place.head
        while clause.pos_ not in {"VERB", "AUX"} and clause.dep_ not in {"ROOT"} and clause.head.i != clause.i:
            clause = clause.head
        for c in clause.children:
            if c.dep_ in SUBJ and c.i < place.i:
                return next((it for it in pool if it["start"] <= c.i < it["end"] and it["via"] != "demonym"
                             and any(self.onto.is_a(it["cls"], w) for w in wanted)), None)
        return None
