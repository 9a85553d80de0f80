"""The owner a works stands for, named before it (for kg:suppliesTo and its kin).

"Orlan Energy is building a geothermal plant near Halden. The plant will sell its power to Kelvor Grid":
a works no name owns where it stands ("the plant", "the mill"; lexicon ``owned_works``) that does what
only a firm does, sell or supply, is the plant named before it, and stands for that one's owner: a
possessive or a name before it ("Orlan's plant"), or who builds, opens or runs it (the subject of the verb
whose object it is: "Orlan Energy is building a plant", "Kelvor Cells, a new company that is building a
plant"), where it is one firm. The relations read so are lexicon ``works_acting_relations``; the nearest
earlier works of the same word is the one meant.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import SUBJ, antecedent

__all__ = ["Works"]


class Works:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: whose works "the plant" is."""

    def _earlier_works_owners(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The owners of the works ``tok`` ("the plant") stands for, from its nearest earlier mention with a
        named owner; none where ``tok`` is no bare definite works noun."""
        word = tok.lemma_.lower()
        if tok.i in by_token or not tok.is_lower or word not in self.owned_works or not any(
                c.dep_ == "det" and c.lower_ == "the" for c in tok.children) or any(
                c.dep_ in {"poss", "compound", "nmod", "amod"} for c in tok.children):
            return []
        for w in reversed(tok.doc[:tok.i]):
            if w.lemma_.lower() != word or w.pos_ != "NOUN":
                continue
            owners = self._works_owners(w, by_token)
            if not owners and w.dep_ == "dobj":
                verb = w.head
                subjects = [c for c in verb.children if c.dep_ in SUBJ] or self._inherited_agents(verb)
                # ("Kelvor Cells, a new company that is building a plant": the name the clause is about)
                subjects = [antecedent(s) for s in subjects]
                subjects = [s.head if s.i not in by_token and s.dep_ == "appos" else s for s in subjects]
                owners = [x for s in subjects for x in (s, *s.conjuncts) if x.i in by_token]
            owners = [o for o in owners if self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")]
            # (a works several build together supplies its owners, not one owner the other: "X and Y will
            # build a plant. The plant will supply cells for Y's cars")
            return owners if len(owners) == 1 else []
        return []
