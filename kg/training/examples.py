"""Annotated documents -> spaCy Docs, DocBins and training Examples.

The gold rides in ``doc.user_data`` (see :mod:`kg.relations.scoring`), so a
:class:`~spacy.tokens.DocBin` of annotated documents keeps it. An
:class:`~spacy.training.Example` pairs the pipeline's reading of the text
(``predicted``: parse, entities, coreference, the rules' relations) with the
gold (``reference``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.vocab import Vocab

from ..io import atomic_path
from ..relations.scoring import GOLD_ENTITIES, GOLD_LABELS, GOLD_RELATIONS
from .annotations import AnnotatedDoc

__all__ = ["KNOWN_LABELS", "examples", "gold_doc", "read_docbin", "write_docbin"]

#: Relations each public data set annotates completely (``meta.source`` -> labels); others: all.
KNOWN_LABELS = {
    "CoNLL04": ("basedIn", "worksFor", "locatedIn", "livesIn"),
    "Re-DocRED": ("basedIn", "worksFor", "subsidiaryOf", "develops", "livesIn", "locatedIn"),
}


def gold_doc(vocab: Vocab | Language, adoc: AnnotatedDoc) -> Doc:
    """The text of ``adoc`` tokenized, with its gold entities and relations in ``user_data``."""
    doc = vocab.make_doc(adoc.text) if isinstance(vocab, Language) else Doc(vocab, words=adoc.text.split())
    doc.user_data["kg_id"] = adoc.id
    doc.user_data[GOLD_ENTITIES] = [[e.start, e.end, e.label] for e in adoc.entities]
    doc.user_data[GOLD_RELATIONS] = [[r.head.start, r.head.end, r.child.start, r.child.end, r.label, r.modality]
                                     for r in adoc.relations]
    known = KNOWN_LABELS.get(str(adoc.meta.get("source", "")))
    doc.user_data[GOLD_LABELS] = list(known) if known is not None else None
    return doc


def write_docbin(nlp: Language, docs: Iterable[AnnotatedDoc], path: str | Path) -> int:
    """Write annotated documents as a DocBin (atomically); returns how many."""
    bin_ = DocBin(store_user_data=True)
    n = 0
    for adoc in docs:
        bin_.add(gold_doc(nlp, adoc))
        n += 1
    with atomic_path(Path(path)) as tmp:
        bin_.to_disk(tmp)
    return n


def read_docbin(nlp: Language, path: str | Path) -> list[Doc]:
    """The Docs of a DocBin written by :func:`write_docbin`, gold included."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def examples(nlp: Language, golds: Iterable[Doc], *, batch_size: int = 32) -> Iterator[Example]:
    """Examples whose predicted side is ``nlp``'s reading of each gold Doc's text."""
    golds = list(golds)
    for gold, doc in zip(golds, nlp.pipe((g.text for g in golds), batch_size=batch_size)):
        yield Example(doc, gold)
