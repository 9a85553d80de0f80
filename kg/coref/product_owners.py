"""The product an owner's role is said of: "the court banned the messaging app Quello after its owner,
Kelvor Labs, failed to act" ("its" is Quello's: the owner offers it), "its developer, Y" (Y develops it).
A role noun of a relation whose range is products (kg:offers' "owner", "operator", kg:develops'
"developer", "maker") with a name apposed to it is a product's where the sentence named a product last
before it (places, countries and bodies aside) and no firm, organisation or person before that (a
regulator, a court or a country acts on the product there, and has no owner or developer of its own). A mixin of
:class:`~kg.coref.component.KGCoref`."""

from __future__ import annotations

import bisect
from typing import Any

from spacy.tokens import Token

__all__ = ["ProductOwners"]

#: classes of a name before the product that may own or make one: the role is theirs as well
_OWNING = frozenset({"Company", "Organization", "Person"})


class ProductOwners:
    """Mixin of :class:`~kg.coref.component.KGCoref`: "its owner, Y" of a product named just before."""

    def _owned_product(self, tok: Token) -> dict[str, Any] | None:
        """The named product the possessive ``tok`` ("its") on an apposed product role stands for, or None."""
        role = tok.head
        if tok.lower_ != "its" or tok.dep_ != "poss" or not role.is_lower or role.tag_ != "NN" \
                or role.lemma_.lower() not in self._product_roles \
                or not any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in role.children):
            return None
        sent = tok.sent
        # (a place, a country or a body named between says where or who acts on it: "blocked Zimmo, an app
        # with 4 million users in Peru, after its developer, X")
        lo, hi = bisect.bisect_left(self._starts, sent.start), bisect.bisect_left(self._starts, tok.i)
        before = [it for it in self._named[lo:hi] if it["end"] <= tok.i
                  and not self.onto.is_a(it["cls"], "Location") and not self.onto.is_a(it["cls"], "GovernmentBody")]
        if not before or before[-1]["cls"] != "Product":
            return None
        if any(it["cls"] in _OWNING for it in before[:-1]):
            return None
        return before[-1]
