"""Relation extraction, one module per stage.

- :mod:`~kg.relations.rules`: the ``kg_relations`` component, ontology-driven rules
  (with :mod:`~kg.relations.frames` for argument frames,
  :mod:`~kg.relations.subjects` for the subjects verbs have or inherit,
  :mod:`~kg.relations.mentions` for the entities an argument stands for,
  :mod:`~kg.relations.topics` for whom a sentence or the text is about,
  :mod:`~kg.relations.patterns` for constructions without a trigger word,
  :mod:`~kg.relations.modifiers` for what is written beside a name,
  :mod:`~kg.relations.deals` for sales, contracts and funding,
  :mod:`~kg.relations.markets` for where a sale, an offer or a purchase makes a market and
  :mod:`~kg.relations.brands` for brands);
- :mod:`~kg.relations.modality`: fact, negated, hypothetical or past, and qualifiers,
  for every extractor;
- :mod:`~kg.relations.records`: the records extractors leave on a Doc
  (``doc._.kg_relation_data``, read as ``doc._.relations``).
"""

from __future__ import annotations

from .records import EXTRACTORS, RelationSpan, record, register
from .rules import KGRelations, make_relation_component

__all__ = ["EXTRACTORS", "KGRelations", "RelationSpan", "make_relation_component", "record", "register"]

# The old private name, kept for code that registered the extensions through it.
_register = register
