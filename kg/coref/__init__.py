"""Coreference for the cases news uses all the time: the ``kg_coref`` component.

"the firm", "the software giant", "the chipmaker", "the former"/"the latter",
"it"/"its" -> the right earlier entity, chosen by class (from the lexicon's
descriptor nouns), recency and salience, and never the subject of the same
clause for a description ("Tunelo pays a commission to the iPhone maker").
Rules on top of the dependency parse; no model download.

Each resolved mention becomes an entity mention with ``via="coref"`` in
``doc._.kg_entity_data``; ``doc._.coref_links`` lists (mention, antecedent)
token ranges. Possessed generic products ("Paystrel's API", "its API") become
products named after their owner ("Paystrel API").

One module per stage:

- :mod:`~kg.coref.base`: ``doc._.coref_links`` and the token helpers the others share;
- :mod:`~kg.coref.mentions`: which words are mentions at all (not "it is difficult to", not
  "makes the resist and sells it"), and products named after their owner;
- :mod:`~kg.coref.resolve`: the candidates of a mention and the one chosen;
- :mod:`~kg.coref.chains`: a pronoun going on with a description resolved before it, and the fuller name
  a story writes after its headline's short form;
- :mod:`~kg.coref.component`: the ``kg_coref`` component and its factory (registered with spaCy
  when this package is imported).
"""

from __future__ import annotations

from .base import register_links
from .component import KGCoref, make_coref_component

__all__ = ["KGCoref", "make_coref_component", "register_links"]
