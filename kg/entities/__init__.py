"""Mentions -> typed entities, one module per stage of the ``kg_entities`` component.

- :mod:`~kg.entities.base`: what every kg component shares (``doc._.kg_entities``,
  :class:`EntitySpan`, :func:`entity_key`, :func:`guarded`);
- :mod:`~kg.entities.gazetteer`: names, aliases and demonyms of ``ontology/gazetteer/``;
- :mod:`~kg.entities.headlines`: Title Case lines, where the NER is not trusted;
- :mod:`~kg.entities.candidates`: gazetteer matches and NER spans, trimmed, compete for
  tokens; names the model missed;
- :mod:`~kg.entities.classes`: the class of each mention, corrected by its context
  (:mod:`~kg.entities.products`: what makes a name a product; :mod:`~kg.entities.context`: the
  token helpers both share);
- :mod:`~kg.entities.merge`: one name wherever it is written, datelines, acronyms;
- :mod:`~kg.entities.component`: the ``kg_entities`` component and its factory
  (registered with spaCy when this package is imported).
"""

from __future__ import annotations

from .base import ERROR_KEY, SPAN_KEY, EntitySpan, entity_key, guarded, register_extensions
from .component import KGEntities, make_entity_component
from .headlines import TitleCaseLines

__all__ = ["ERROR_KEY", "SPAN_KEY", "EntitySpan", "KGEntities", "TitleCaseLines", "entity_key",
           "guarded", "make_entity_component", "register_extensions"]
