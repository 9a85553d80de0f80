"""Precision, recall and F1 of a built graph against hand-made gold files.

Gold files are tab-separated text, ``#`` starts a comment line::

    relations (GOLD.tsv):       subject<TAB>relation<TAB>object
    entities (ENTITIES.tsv):    names<TAB>Class[|Class...]

A name field lists accepted names of one entity separated by ``|``
(``Voltmark|Voltmark AG``); ``"Memphis, Tenn."`` also answers to
``Memphis``. Names are compared after normalisation (case, possessive
``'s``, dots, punctuation, a leading ``the`` and one leading title such as
``President`` or ``CEO`` are dropped): see :func:`normalize_name`.

The matching rules are those of the shared reference scorer
(``shared/eval/score.py``), driven here by the ontology:

* a predicted relation is every triple whose predicate's local name is a
  relation of the ontology and whose two ends carry a label (``rdfs:label``,
  ``skos:prefLabel`` or ``skos:altLabel``);
* a relation answers for its ancestors and its descendants
  (``bans`` for a gold ``restricts`` and the other way round;
  ``paysCommissionTo`` and ``pays`` likewise);
* symmetric relations (``partnersWith``, ``competesWith``) match either way
  round;
* an entity is typed correctly when one of its classes, or a superclass of
  it, is a class the gold allows (``Company`` answers ``Organization``);
* several gold files are pooled and a row repeated in them counts once,
  since a graph merges its documents.

Per-relation scores divide the overall ones: a relation's precision is over
the predicted triples of that relation (correct when they match any gold
row, so a ``bans`` triple answering a gold ``restricts`` is correct), its
recall over the gold rows of that relation.

>>> normalize_name("President Ana Ruiz")
'ana ruiz'
>>> sorted(gold_names("Memphis, Tenn.|the City of Memphis"))
['city of memphis', 'memphis', 'memphis tenn']
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import rdflib
from rdflib.namespace import PROV, RDF, RDFS, SKOS

from .errors import InputError
from .export.rdf import parse_graph
from .ontology import Ontology, load_ontology

__all__ = [
    "GoldEntity",
    "GoldRelation",
    "evaluate",
    "evaluate_strict",
    "gold_from_annotations",
    "gold_names",
    "normalize_name",
    "prf_counts",
    "read_entities",
    "read_gold",
]

#: Titles dropped from the front of a name ("Prime Minister Ravi Menon" -> "ravi menon").
#: The first that matches is dropped, in this order (the reference scorer's list).
TITLES = ("president", "prime minister", "minister", "senator", "sen", "rep",
          "gov", "governor", "mr", "mrs", "ms", "dr", "gen", "lt", "capt",
          "ceo", "chairman", "secretary", "judge", "chief executive")

#: Classes that group others and are never an entity's own class in a gold file or a build.
ABSTRACT_CLASSES = frozenset({"Entity", "Actor", "Location"})

_LABELS = (RDFS.label, SKOS.prefLabel, SKOS.altLabel)


def normalize_name(name: str) -> str:
    """A name as gold and graph are compared: lower case, no punctuation, no leading 'the' or title.

    >>> normalize_name("The U.S.")
    'us'
    >>> normalize_name("Vantrel\u2019s")
    'vantrel'
    >>> normalize_name("CEO Priya Raman")
    'priya raman'
    >>> normalize_name("K&amp;V Inc.")
    'k&v inc'
    """
    s = unicodedata.normalize("NFKC", html.unescape(str(name))).lower()
    s = re.sub(r"[\u2018\u2019\u02bc`\u00b4]", "'", s)
    s = re.sub(r"'s\b", "", s)
    s = s.replace(".", "")
    s = re.sub(r"[^\w\s&]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the\s+", "", s)
    for title in TITLES:
        if s.startswith(title + " ") and len(s) > len(title) + 2:
            s = s[len(title) + 1:]
            break
    return s


def gold_names(field: str) -> frozenset[str]:
    """The normalised names a gold name field accepts: '|' alternatives, and "X" for "X, Y"."""
    out = set()
    for name in field.split("|"):
        out.add(normalize_name(name))
        if "," in name:  # "Memphis, Tenn." also answers to "Memphis"
            out.add(normalize_name(name.split(",")[0]))
    out.discard("")
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class GoldRelation:
    """One gold relation row: accepted subject names, relation, accepted object names."""

    subject: frozenset[str]
    relation: str
    object: frozenset[str]
    text: str = ""  #: the row as written (tabs as spaces)
    source: str = ""  #: "file:line" of its first occurrence


@dataclass(frozen=True, slots=True)
class GoldEntity:
    """One gold entity row: accepted names and accepted classes."""

    names: frozenset[str]
    classes: frozenset[str]
    text: str = ""
    source: str = ""


def _rows(path: str | Path) -> Iterable[tuple[int, list[str]]]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"No gold file at {path}: give tab-separated files, several joined with ','.")
    try:
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"Cannot read gold file {path}: {exc}") from exc
    for lineno, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        yield lineno, line.split("\t")


def _entity_classes(onto: Ontology) -> frozenset[str]:
    return frozenset(c for c, sup in onto.classes.items() if "Entity" in sup) - ABSTRACT_CLASSES


def read_gold(paths: Sequence[str | Path], onto: Ontology | None = None) -> list[GoldRelation]:
    """Gold relation rows of ``paths``, pooled, each distinct row once.

    Raises :class:`~kg.errors.InputError` (with file and line) for a missing
    file, a row without three tab-separated fields or an unknown relation.
    """
    onto = onto or load_ontology()
    out: list[GoldRelation] = []
    seen: set[tuple[frozenset[str], str, frozenset[str]]] = set()
    for path in paths:
        for lineno, row in _rows(path):
            if len(row) < 3:
                raise InputError(f"{path}:{lineno}: expected subject<TAB>relation<TAB>object, "
                                 f"got {len(row)} tab-separated field(s): {' '.join(row)!r}")
            rel = row[1].strip()
            if rel not in onto.relations:
                raise InputError(f"{path}:{lineno}: unknown relation {rel!r}; "
                                 f"relations are: {', '.join(sorted(onto.relations))}")
            key = (gold_names(row[0]), rel, gold_names(row[2]))
            if key not in seen:
                seen.add(key)
                out.append(GoldRelation(key[0], rel, key[2], text=f"{row[0].strip()} {rel} {row[2].strip()}",
                                        source=f"{path}:{lineno}"))
    return out


def read_entities(paths: Sequence[str | Path], onto: Ontology | None = None) -> list[GoldEntity]:
    """Gold entity rows of ``paths``, pooled, each distinct row once (errors as :func:`read_gold`)."""
    onto = onto or load_ontology()
    valid = _entity_classes(onto)
    out: list[GoldEntity] = []
    seen: set[tuple[frozenset[str], frozenset[str]]] = set()
    for path in paths:
        for lineno, row in _rows(path):
            if len(row) < 2:
                raise InputError(f"{path}:{lineno}: expected names<TAB>Class[|Class...], "
                                 f"got {len(row)} tab-separated field(s): {' '.join(row)!r}")
            classes = frozenset(c.strip() for c in row[1].split("|") if c.strip())
            unknown = sorted(classes - valid)
            if unknown or not classes:
                raise InputError(f"{path}:{lineno}: unknown class {', '.join(unknown) or '(none)'}; "
                                 f"classes are: {', '.join(sorted(valid))}")
            key = (gold_names(row[0]), classes)
            if key not in seen:
                seen.add(key)
                out.append(GoldEntity(key[0], classes, text=f"{row[0].strip()} {row[1].strip()}",
                                      source=f"{path}:{lineno}"))
    return out


def gold_from_annotations(paths: Sequence[str | Path], onto: Ontology | None = None
                          ) -> tuple[list[GoldRelation], list[GoldEntity]]:
    """Gold relation and entity rows (by name) from annotated JSONL files (``docs/annotation.md``).

    Relations stated as facts count; a name is the span's text. Rows repeated
    across documents count once, as with TSV gold.
    """
    from .training.annotations import read_annotation_files

    onto = onto or load_ontology()
    rels: dict[tuple[frozenset[str], str, frozenset[str]], GoldRelation] = {}
    ents: dict[tuple[frozenset[str], frozenset[str]], GoldEntity] = {}
    for doc in read_annotation_files(paths, onto=onto, check_types=False):
        for e in doc.entities:
            name = doc.text[e.start:e.end]
            key = (gold_names(name), frozenset({e.label}))
            if key[0] and key not in ents:
                ents[key] = GoldEntity(key[0], key[1], text=f"{name} {e.label}", source=doc.source)
        for r in doc.facts():
            h, c = doc.text[r.head.start:r.head.end], doc.text[r.child.start:r.child.end]
            key = (gold_names(h), r.label, gold_names(c))
            if key[0] and key[2] and key not in rels:
                rels[key] = GoldRelation(key[0], r.label, key[2], text=f"{h} {r.label} {c}", source=doc.source)
    return list(rels.values()), list(ents.values())


def _is_jsonl(path: str | Path) -> bool:
    return str(path).endswith(".jsonl") or Path(path).is_dir()


def evaluate_strict(graph_path: str | Path, gold_paths: Sequence[str | Path], *, onto: Ontology | None = None,
                    relations: Sequence[str] | None = None) -> dict[str, Any]:
    """Span-level scores of a built graph against annotated JSONL gold (see :mod:`kg.relations.scoring`).

    Each gold document is found among the graph's documents by its id (the
    document id, or its file name without suffix) or else by the hash of its
    text; a statement counts with the character offsets of its two mentions
    (``kg:subjectStart`` ...), which every build writes, and a mention resolved by
    coreference ("the agency") with those of its antecedent (``kg:subjectAntecedentStart`` ...). ``relations``: score
    only these (and their sub-properties), for gold that annotates a few.

    Returns ``micro`` and ``by_relation`` (precision, recall, f1 and counts),
    ``missed`` and ``false_positives`` (document, subject, relation, object),
    ``by_document`` (gold document id -> ``[correct, predicted, found, gold]``, what
    :func:`kg.relations.scoring.bootstrap_interval` resamples), and
    ``unmatched_documents``, the gold documents the graph does not hold.
    """
    from .ingest import record_from_text
    from .errors import InputError as _InputError
    from .namespace import KG
    from .relations.scoring import strict_prf
    from .training.annotations import read_annotation_files

    onto = onto or load_ontology()
    g = parse_graph(graph_path)
    docs_by_key: dict[str, rdflib.term.Node] = {}
    for node in set(g.subjects(RDF.type, KG.Document)):
        local = re.split(r"[/#]", str(node))[-1]
        docs_by_key.setdefault(f"id:{local}", node)
        path = g.value(node, KG.path)
        if path is not None:
            docs_by_key.setdefault(f"id:{Path(str(path)).stem}", node)
        digest = g.value(node, KG.contentHash)
        if digest is not None:
            docs_by_key.setdefault(f"sha:{digest}", node)
    by_doc: dict[rdflib.term.Node, list[tuple[int, int, str, int, int]]] = {}
    for st in g.subjects(RDF.type, KG.Statement):
        if g.value(st, KG.asserted) is not None and not g.value(st, KG.asserted).toPython():
            continue
        offsets = [g.value(st, p) for p in (KG.subjectStart, KG.subjectEnd, KG.objectStart, KG.objectEnd)]
        if any(o is None for o in offsets):
            continue
        # a mention resolved by coreference ("the agency") counts with the mention it was resolved
        # to, as kg.relations.scoring.predicted_spans scores it: span-level gold annotates names
        for i, props in ((0, (KG.subjectAntecedentStart, KG.subjectAntecedentEnd)),
                         (2, (KG.objectAntecedentStart, KG.objectAntecedentEnd))):
            found = [g.value(st, p) for p in props]
            if all(o is not None for o in found):
                offsets[i:i + 2] = found
        doc = g.value(st, PROV.wasDerivedFrom)
        rel = _local(g.value(st, RDF.predicate))
        a, b, c, d = (int(o.toPython()) for o in offsets)
        by_doc.setdefault(doc, []).append((a, b, rel, c, d))
    predicted, gold, texts, unmatched = {}, {}, {}, []
    for adoc in read_annotation_files(gold_paths, onto=onto, check_types=False):
        node = docs_by_key.get(f"id:{adoc.id}")
        if node is None:
            try:
                node = docs_by_key.get(f"sha:{record_from_text(adoc.text).sha256}")
            except _InputError:
                node = None
        if node is None:
            unmatched.append(adoc.id)
        key = adoc.id
        texts[key] = adoc.text
        gold[key] = [(r.head.start, r.head.end, r.child.start, r.child.end, r.label) for r in adoc.facts()]
        predicted[key] = by_doc.get(node, []) if node is not None else []
    result = strict_prf(predicted, gold, text_of=texts, onto=onto, labels=relations, details=True)
    result["unmatched_documents"] = unmatched
    return result


def _local(iri: rdflib.term.Node) -> str:
    return re.split(r"[#/:]", str(iri))[-1]


@dataclass
class _Predicted:
    labels: dict[rdflib.term.Node, frozenset[str]]  #: node -> normalised names
    display: dict[rdflib.term.Node, str]  #: node -> its label as written
    triples: list[tuple[rdflib.term.Node, str, rdflib.term.Node]]
    types: dict[rdflib.term.Node, frozenset[str]]  #: labelled node -> its entity classes


def _predicted(g: rdflib.Graph, onto: Ontology) -> _Predicted:
    names: dict[rdflib.term.Node, set[str]] = {}
    display: dict[rdflib.term.Node, str] = {}
    for prop in _LABELS:
        for s, o in g.subject_objects(prop):
            names.setdefault(s, set()).add(normalize_name(o))
            if prop == RDFS.label or s not in display:
                display[s] = str(o)
    labels = {s: frozenset(v) for s, v in names.items()}
    triples = sorted({(s, _local(p), o) for s, p, o in g
                      if _local(p) in onto.relations and s in labels and o in labels})
    classes = _entity_classes(onto)
    types: dict[rdflib.term.Node, set[str]] = {}
    for s, o in g.subject_objects(RDF.type):
        if _local(o) in classes and s in labels:
            types.setdefault(s, set()).add(_local(o))
    return _Predicted(labels, display, triples, {s: frozenset(c) for s, c in types.items()})


def prf_counts(correct: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    """Precision (correct / predicted), recall (found / gold) and F1, rounded to 3 decimals."""
    p = correct / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def evaluate(graph_path: str | Path, gold_paths: Sequence[str | Path],
             entity_paths: Sequence[str | Path] = (), *, onto: Ontology | None = None,
             gold_relations_only: bool = False) -> dict[str, Any]:
    """Score the graph at ``graph_path`` against gold relation (and entity) files.

    Gold files are TSV (see above) or annotated JSONL (``docs/annotation.md``:
    its facts and entities, by name). ``gold_relations_only``: predictions count
    only for the relations the gold uses and their sub-properties, for gold that
    annotates a few relation types of a text that states many (as the shared
    scorer's ``--gold-relations-only``).

    Returns a dict: ``relations`` (precision, recall, f1, predicted, gold,
    correct = predicted triples that match, found = gold rows matched),
    ``by_relation`` (the same per relation name), ``entities`` when entity
    files are given (also ``typed`` and ``typed_correctly``, the share of gold
    entities found with an allowed class), and the lists ``missed`` and
    ``false_positives`` (and ``entities_missed``, ``entities_mistyped``,
    ``entities_extra``). Scores are rounded to 3 decimals.

    Raises :class:`~kg.errors.InputError` for a missing or malformed graph or gold file.
    """
    onto = onto or load_ontology()
    jsonl = [p for p in gold_paths if _is_jsonl(p)]
    gold = read_gold([p for p in gold_paths if not _is_jsonl(p)], onto)
    ents = read_entities(entity_paths, onto) if entity_paths else []
    if jsonl:
        more_rels, more_ents = gold_from_annotations(jsonl, onto)
        gold += more_rels
        if not entity_paths:
            ents += more_ents
    pred = _predicted(parse_graph(graph_path), onto)
    if gold_relations_only:
        used = {g.relation for g in gold}
        keep = {r for r in onto.relations if any(u in onto.ancestors(r) for u in used)}
        pred.triples = [t for t in pred.triples if t[1] in keep]
    labels = pred.labels
    families = {r: onto.family(r) for r in onto.relations}
    symmetric = onto.symmetric

    def match(t: tuple[rdflib.term.Node, str, rdflib.term.Node], g: GoldRelation) -> bool:
        s, rel, o = t
        if g.relation not in families[rel]:
            return False
        if labels[s] & g.subject and labels[o] & g.object:
            return True
        return g.relation in symmetric and bool(labels[o] & g.subject and labels[s] & g.object)

    hit_gold = [any(match(t, g) for t in pred.triples) for g in gold]
    hit_pred = [any(match(t, g) for g in gold) for t in pred.triples]
    result: dict[str, Any] = {
        "relations": {**prf_counts(sum(hit_pred), len(hit_pred), sum(hit_gold), len(gold)),
                      "predicted": len(hit_pred), "gold": len(gold),
                      "correct": sum(hit_pred), "found": sum(hit_gold)},
    }
    by_relation: dict[str, dict[str, Any]] = {}
    for rel in sorted({g.relation for g in gold} | {t[1] for t in pred.triples}):
        n_pred = sum(1 for t in pred.triples if t[1] == rel)
        correct = sum(h for t, h in zip(pred.triples, hit_pred) if t[1] == rel)
        n_gold = sum(1 for g in gold if g.relation == rel)
        found = sum(h for g, h in zip(gold, hit_gold) if g.relation == rel)
        by_relation[rel] = {**prf_counts(correct, n_pred, found, n_gold), "predicted": n_pred, "gold": n_gold,
                            "correct": correct, "found": found}
    result["by_relation"] = by_relation

    if ents:
        found = typed = 0
        missed, mistyped = [], []
        for e in ents:
            nodes = [n for n in pred.types if labels[n] & e.names]
            if not nodes:
                missed.append({"entity": e.text, "source": e.source})
                continue
            found += 1
            if any(onto.classes[c] & e.classes for n in nodes for c in pred.types[n]):
                typed += 1
            else:
                mistyped.append({"entity": e.text, "source": e.source,
                                 "got": sorted({f"{pred.display[n]} {c}" for n in nodes for c in pred.types[n]})})
        extra = sorted(n for n in pred.types if not any(labels[n] & e.names for e in ents))
        correct = len(pred.types) - len(extra)
        result["entities"] = {**prf_counts(correct, len(pred.types), found, len(ents)),
                              "typed_correctly": round(typed / len(ents), 3),
                              "predicted": len(pred.types), "gold": len(ents),
                              "correct": correct, "found": found, "typed": typed}
        result["entities_missed"] = missed
        result["entities_mistyped"] = mistyped
        result["entities_extra"] = [{"entity": pred.display[n], "classes": sorted(pred.types[n]), "iri": str(n)}
                                    for n in extra]

    result["missed"] = [{"gold": g.text, "relation": g.relation, "source": g.source}
                        for g, h in zip(gold, hit_gold) if not h]
    result["false_positives"] = [
        {"subject": pred.display[s], "relation": rel, "object": pred.display[o],
         "subject_iri": str(s), "object_iri": str(o)}
        for (s, rel, o), h in zip(pred.triples, hit_pred) if not h
    ]
    return result
