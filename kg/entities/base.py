"""What every kg component shares: the entity records on a Doc and the per-document guard.

- ``doc.spans["kg_entities"]`` (:data:`SPAN_KEY`) and ``doc._.kg_entities``
  (:class:`EntitySpan` records, rebuilt from ``doc._.kg_entity_data``);
- :func:`entity_key`, the key the build merges mentions by;
- :func:`guarded`: one bad document does not stop a corpus (:data:`ERROR_KEY`);
- :func:`per_document`: what a component keeps while it reads a Doc goes when the call ends.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span, SpanGroup

from ..errors import ComponentError
from ..names import name_key

#: The logger of :mod:`kg.entities` (its name from before the package was split).
log = logging.getLogger("kg.entities")

__all__ = ["ERROR_KEY", "SPAN_KEY", "EntitySpan", "entity_key", "guarded", "per_document", "register_extensions",
           "store_items"]

SPAN_KEY = "kg_entities"


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """An entity mention of a Doc, typed and named."""

    span: Span
    name: str
    cls: str
    wikidata: str = ""
    via: str = ""  #: "" (named), "gazetteer", "demonym", "coref", "generic"

    @property
    def key(self) -> str:
        return entity_key(self.name, self.cls)


#: ``doc.user_data`` key set when one of our components failed on a document.
ERROR_KEY = "kg_error"


def guarded(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """Keep one bad document from stopping a whole corpus.

    A component that fails on a Doc records the failure in ``doc.user_data``
    (the build reports it for that document) and passes the Doc on; later kg
    components skip it. Usage errors (:class:`~kg.errors.ComponentError`) still raise.
    """

    @functools.wraps(call)
    def wrapper(self: Any, doc: Doc) -> Doc:
        if doc.user_data.get(ERROR_KEY):
            return doc
        try:
            return call(self, doc)
        except ComponentError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported per document, never silent
            log.warning("%s failed on a document: %s", getattr(self, "name", "kg component"), exc)
            doc.user_data[ERROR_KEY] = f"{getattr(self, 'name', 'kg component')} failed: {exc.__class__.__name__}: {exc}"
            return doc

    return wrapper


def per_document(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """A component's ``__call__`` that lets go of what it keeps on the component while it reads a Doc: every
    attribute the call added (the Doc's indexes, memos, items) is dropped when it ends, however it ends, so
    nothing of one document outlives its call, with no list of names to keep up to date."""

    @functools.wraps(call)
    def wrapper(self: Any, doc: Doc) -> Doc:
        kept = set(self.__dict__)
        try:
            return call(self, doc)
        finally:
            for name in self.__dict__.keys() - kept:
                del self.__dict__[name]

    return wrapper


def entity_key(name: str, cls: str) -> str:
    from ..names import family

    return f"{family(cls)}/{name_key(name)}"


def _entities_getter(doc: Doc) -> list[EntitySpan]:
    out = []
    for item in doc._.kg_entity_data:
        span = doc[item["start"] : item["end"]]
        out.append(EntitySpan(span, item["name"], item["cls"], item.get("wikidata", ""), item.get("via", "")))
    return out


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent)."""
    if not Doc.has_extension("kg_entity_data"):
        Doc.set_extension("kg_entity_data", default=None)
    if not Doc.has_extension("kg_entities"):
        Doc.set_extension("kg_entities", getter=_entities_getter)


def store_items(doc: Doc, items: list[dict[str, Any]]) -> None:
    """Set a document's entity records (``doc._.kg_entity_data``) and their span group
    (``doc.spans["kg_entities"]``), in the order of their starts."""
    items.sort(key=lambda it: it["start"])
    doc._.kg_entity_data = items
    doc.spans[SPAN_KEY] = SpanGroup(
        doc, name=SPAN_KEY, spans=[Span(doc, it["start"], it["end"], label=it["cls"]) for it in items]
    )

