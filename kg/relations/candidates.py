"""Candidate pairs: the ordered pairs of entity mentions a relation may hold between.

Every ordered pair of mentions in one sentence (named, gazetteer, demonym or
coreferent, so a pronoun carries a relation across the sentence boundary to
its antecedent), of two different entities, within ``max_tokens`` of each
other, whose classes fit the domain and range of at least one relation.

>>> import spacy
>>> from kg.ontology import load_ontology
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("sentencizer")
>>> doc = nlp("Acme sued Vela in Paris.")
>>> items = [{"start": 0, "end": 1, "name": "Acme", "cls": "Company", "via": ""},
...          {"start": 2, "end": 3, "name": "Vela", "cls": "Company", "via": ""},
...          {"start": 4, "end": 5, "name": "Paris", "cls": "Place", "via": ""}]
>>> pairs = candidate_pairs(doc, items, load_ontology())
>>> [(items[c.subject]["name"], items[c.object]["name"]) for c in pairs][:3]
[('Acme', 'Vela'), ('Acme', 'Paris'), ('Vela', 'Acme')]
>>> "basedIn" in pairs[1].relations and "sues" not in pairs[1].relations
True
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from ..ontology import Ontology

__all__ = ["Candidate", "candidate_pairs", "fitting_relations"]


@dataclass(frozen=True, slots=True)
class Candidate:
    """An ordered pair of entity items (indices into ``doc._.kg_entity_data``) in one sentence."""

    subject: int
    object: int
    sent_start: int  #: token offsets of the sentence
    sent_end: int
    relations: tuple[str, ...]  #: relations whose domain and range the two classes fit


def fitting_relations(onto: Ontology, s_cls: str, o_cls: str) -> tuple[str, ...]:
    """Relations of ``onto`` whose domain fits ``s_cls`` and range fits ``o_cls`` (sorted)."""
    cache = onto.__dict__.setdefault("_fitting_relations", {})
    key = (s_cls, o_cls)
    if key not in cache:
        cache[key] = tuple(name for name, rel in sorted(onto.relations.items())
                           if onto.fits(s_cls, rel.domain) and onto.fits(o_cls, rel.range))
    return cache[key]


def _sentence_starts(doc: Doc) -> list[int]:
    return [s.start for s in doc.sents] if len(doc) else []


def candidate_pairs(doc: Doc, items: list[dict[str, Any]], onto: Ontology, *, max_tokens: int = 60,
                    sentence_starts: list[int] | None = None, typed: bool = True) -> list[Candidate]:
    """Candidate pairs of ``doc`` in document order (by subject, then object).

    ``typed`` false: every relation is a candidate for every pair, whatever the
    classes the mentions were given (a model that reads the classes as features
    can then overrule a wrong class, see :mod:`kg.relations.model`).
    """
    every = tuple(sorted(onto.relations))
    if not items or not len(doc):
        return []
    starts = sentence_starts if sentence_starts is not None else _sentence_starts(doc)
    by_sent: dict[int, list[int]] = {}
    for n, it in enumerate(items):
        k = bisect_right(starts, it["start"]) - 1
        by_sent.setdefault(k, []).append(n)
    out: list[Candidate] = []
    for k, members in sorted(by_sent.items()):
        if len(members) < 2:
            continue
        s_start = starts[k]
        s_end = starts[k + 1] if k + 1 < len(starts) else len(doc)
        for a in members:
            ia = items[a]
            for b in members:
                if a == b:
                    continue
                ib = items[b]
                if ia["name"] == ib["name"]:
                    continue  # two mentions of one entity
                if ia["start"] < ib["end"] and ib["start"] < ia["end"]:
                    continue
                gap = ib["start"] - ia["end"] if ia["start"] < ib["start"] else ia["start"] - ib["end"]
                if gap > max_tokens:
                    continue
                rels = fitting_relations(onto, ia["cls"], ib["cls"]) if typed else every
                if rels:
                    out.append(Candidate(a, b, s_start, s_end, rels))
    return out
