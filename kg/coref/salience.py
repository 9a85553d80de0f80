"""How salient a candidate is for a mention, the story's protagonist before a name in passing: the subject
of its sentence (less one inside what another firm says), the sentence the mention is in, how often the story
named it so far and whether its headline did; not the firm where a person the text speaks of works, nor a
demonym. A mixin of :class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import clause_head
from .base import SUBJ as _SUBJ

__all__ = ["Salience"]


class Salience:
    """Mixin of :class:`~kg.coref.component.KGCoref`: the score that ranks a mention's candidates."""

    def _salience(self, doc: Doc, it: dict[str, Any], tok: Token) -> float:
        root = doc[it["end"] - 1] if it["end"] - it["start"] == 1 else doc[it["start"]:it["end"]].root
        back = self._sent_index[tok.i] - self._sent_index[it["start"]]
        score = -0.6 * back - (tok.i - it["start"]) / 200.0
        sent = root.sent
        first_named = self._first_named.get(self._sent_index[it["start"]])
        if root.dep_ in _SUBJ or (root.dep_ == "conj" and root.head.dep_ in _SUBJ) or (
            # the parser sometimes misses the subject; the sentence's first name before its verb is one
            first_named is not None and first_named["start"] == it["start"]
            and (it["end"] <= sent.root.i or root.i == sent.root.i)
            and root.dep_ in {"compound", "ROOT", "nmod", "npadvmod"}
        ):
            # (less the subject of what another reports: "Velkor said Orlan Bank had become a customer. The
            # company ...": the story is the one who says, the name inside the report is news about it)
            score += 0.25 if self._reported(it, root, tok) else 1.0
        if root.dep_ == "poss" and root.head.dep_ in _SUBJ:
            score += 0.5
        if tok.sent.start <= it["start"]:
            score += 0.5
        if self._about_a_person(root, tok):
            # "Chief executive Mira Dahl, a former engineer at Kelvor Motors, founded the company": where a
            # person the text speaks of works or worked is that person's story, not the firm the story is about
            score -= 1.0
        if it["via"] == "demonym":
            score -= 3.0
        if self._inside_a_firms_apposition(it, root) and tok.sent.start > it["start"]:
            # "Kintaro, a unit of Sentara Berhad. The company said ...": the firm an apposition describes is the
            # story's, not the one named in passing inside the description
            score -= 0.5
        # The story's protagonist: named often so far, or in the first sentence (the headline), under any
        # form of its name ("Ban Me Trading" ... "Ban Me")
        starts = self._family_starts.get(it["name"]) or self._name_starts.get(it["name"], [])
        prior = bisect.bisect_left(starts, tok.i)
        score += 0.25 * min(prior, 6)
        if prior and starts[0] < self._first_sentence_end:
            score += 0.5
        return score

    def _inside_a_firms_apposition(self, it: dict[str, Any], root: Token) -> bool:
        """The firm ``it`` (its word ``root``) is named after "of" in an apposition to another firm's name
        ("Kintaro, a unit of Sentara Berhad", "X, a Lagos-based arm of conglomerate Sentara Berhad")."""
        node = root.head if root.dep_ == "appos" and root.head.pos_ == "NOUN" else root  # ("of conglomerate Y")
        if not (node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.dep_ == "appos"
                and self.onto.is_a(it["cls"], "Company")):
            return False
        described = self._named_covering(node.head.head.head.i)
        return described is not None and described["name"] != it["name"] and self.onto.is_a(described["cls"], "Company")

    def _reported(self, it: dict[str, Any], root: Token, tok: Token) -> bool:
        """The firm ``it`` (its word ``root``), named in a sentence before the mention ``tok``, is in a
        clause that another firm, by its name, says ("Velkor said Orlan Bank had become a customer": Orlan
        Bank). Not where the one who says is a description, a pronoun, a person or a body, who speak of
        the firm or the country the story is about ("X will open a plant, the company said", "X will ban
        exports, its ministry said"); nor a firm the headline names and the one who says not, whom the
        story is about; nor in the mention's own sentence, where what is said is the topic."""
        if root.sent.start == tok.sent.start or not self.onto.is_a(it["cls"], "Company"):
            return False
        verb = clause_head(root)
        if verb.dep_ == "conj":
            verb = verb.head  # ("said X would buy vans and open a plant")
        if verb.dep_ != "ccomp" or verb.head.lemma_.lower() not in self._reporting:
            return False
        sayers = [other for c in verb.head.children if c.dep_ in _SUBJ
                  for other in [self._named_covering(c.i)] if other is not None
                  and other["name"] != it["name"] and self.onto.is_a(other["cls"], "Company")]
        return bool(sayers) and not (self._in_headline(it["name"]) and not self._in_headline(sayers[0]["name"]))

    def _about_a_person(self, root: Token, tok: Token) -> bool:
        """``root`` is the place of work ("at") in an apposition or a relative clause on a person's name
        ("Mira Dahl, a former engineer at Kelvor Motors,", "Mira Dahl, who spent a decade at Kelvor
        Motors,", "an analyst at Halden Securities") that the mention ``tok`` is not in; not the firm of a
        title ("Mira Dahl, managing director of Brenna,"), who is often the story's."""
        if root.dep_ != "pobj" or root.head.lower_ != "at":
            return False
        for node in root.ancestors:
            if node.dep_ in {"appos", "relcl"}:
                person = self._named_covering(node.head.i)
                return person is not None and person["cls"] == "Person" and tok.i not in {
                    t.i for t in node.subtree}
        return False

    def _in_headline(self, name: str) -> bool:
        """The text's first sentence (a news story's headline) names ``name``."""
        starts = self._name_starts.get(name, [])
        return bool(starts) and starts[0] < self._first_sentence_end
