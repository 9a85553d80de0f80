"""The errors kg-builder raises. Messages say what was wrong, where, and what is accepted."""

from __future__ import annotations

__all__ = ["KGError", "InputError", "ModelError", "ComponentError", "ExportError", "QueryError", "OntologyError"]


class KGError(Exception):
    """Base class of kg-builder's errors."""

    exit_code = 2


class InputError(KGError):
    """A document or path given by the user cannot be read."""


class ModelError(KGError):
    """The spaCy pipeline cannot be loaded or lacks a required component."""


class ComponentError(KGError, ValueError):
    """A kg-builder spaCy component is used wrongly (no parse, missing predecessor)."""


class OntologyError(KGError):
    """The ontology files are malformed."""


class ExportError(KGError):
    """An output file cannot be written."""


class QueryError(KGError):
    """A query is malformed, refused or failed."""
