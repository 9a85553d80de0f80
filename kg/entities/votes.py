"""Mentions that settle a name's class alone: "Quello, a messaging app with 18 million users".

A name is a product when at least half of its mentions stand in a product context
(:meth:`~kg.entities.corrections.Corrections._correct_classes`), but most mentions of a product say nothing
of what it is: "Quello said it would appeal", "Quello has 9 million users" and the NER's ORG label
fit a firm as well, and outvote the one mention that says what the thing is. An apposition to a kind
of product with "a" or "an" ("Quello, a messaging app", "Halden built ZelvoPay, a payments app")
defines the name, as a copula does ("Quello is a messaging app") and an owner's pronoun with the kind after
the name ("its Quello messaging app"), and wins the vote, unless the text
says as definitely that the name is a firm: a mention does what only firms do ("Quello hired 40
engineers", "paid Quenby 15% of its revenue"; saying, announcing or reporting is what a product's
name stands for its firm in as well), or the apposition says where it is based ("a Cape Town-based
streaming app", "a matchmaking app based in Halden" is the business). A mixin of
:class:`~kg.entities.classes.Classes`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from .possessed import kind_after, owned_kind, owner_before
from .products import _indefinite

__all__ = ["Votes"]

#: what a product's name does in a firm's stead as often as the firm ("Quello said it would appeal")
_SPOKEN_FOR = frozenset({"say", "announce", "report", "tell", "confirm", "add"})


class Votes:
    """Mixin of :class:`~kg.entities.classes.Classes`: names one mention defines as a product."""

    def _defined_by_one_mention(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names (of items the rules found, ``via`` "") that one mention's apposition defines as a kind
        of product, or a possessive pronoun and the kind after the name ("its Quello messaging app"), where no
        mention of the name does what only firms do."""
        defined = {it["name"] for it in items if it["via"] == "" and (
            self._apposed_kind(doc, it) or self._owned_before_kind(doc, it))}
        firm_only = self.firm_verbs - _SPOKEN_FOR
        return {name for name in defined if not any(
            it["name"] == name and self._acts(doc, it, firm_only) for it in items)}

    def _apposed_kind(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether the mention has an apposition to a kind of product after it
        (:meth:`~kg.entities.products.Products._apposed_kinds`), with "a" or "an" and no seat ("Quello, a
        messaging app", not "Kivra, a Cape Town-based streaming app")."""
        root = self._root_of(doc, it)
        # (or an owner's: "Shomer Guard, its software for spotting fraud", "Hualing's overseas version, Shimmerly")
        return any(k.is_lower and (k.i > root.i and _indefinite(k) or owned_kind(k, self.onto)) and not self._based(k)
                   for k in self._apposed_kinds(doc, it))

    def _owned_before_kind(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether a possessive pronoun is before the mention and a kind of product after it ("its Quello
        messaging app", "their Kivra writing assistant", possessed.py): the owner's product, named as
        definitely as "a" or "an" names one; not a site the owner runs ("its Tangier plant")."""
        owner = owner_before(doc, it["start"], self.onto)
        if owner is None or owner.lower_ not in self.onto.owner_possessives or it["name"].split()[-1] in self.firm_name_words:
            return False
        kind = kind_after(doc, it["end"], self._written_kind)
        return kind is not None and kind.lemma_.lower() not in self.seller_sites \
            and self._owned_site(doc, it, self._root_of(doc, it)) is None

    def _based(self, kind: Token) -> bool:
        """Whether the apposition says where the thing is based ("a Cape Town-based streaming app", "a
        matchmaking app based in Halden"): what is based somewhere is the business."""
        return any(t.lemma_.lower() in self.seat_verbs or t.lower_ in self.seat_verbs for t in kind.subtree)
