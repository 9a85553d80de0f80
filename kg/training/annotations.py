"""Annotated documents: the JSONL format of ``docs/annotation.md``, read and checked.

One document a line: its text, entity spans with a class of the ontology, and
relations between those spans. Variants that annotation tools export are read
too (Prodigy's ``spans``, doccano's ``start_offset``/``end_offset`` and
``from_id``/``to_id``, relation ends as entity indices). Anything wrong stops
with the file, the line and what is wrong:

>>> import io, json
>>> line = json.dumps({"text": "Acme sued Widgets.", "entities": [
...     {"start": 0, "end": 4, "label": "Company"}, {"start": 10, "end": 17, "label": "Company"}],
...     "relations": [{"head": 0, "child": 1, "label": "sues"}]})
>>> [doc] = read_annotations(io.StringIO(line), name="x.jsonl")
>>> [(doc.text[r.head.start:r.head.end], r.label, doc.text[r.child.start:r.child.end]) for r in doc.relations]
[('Acme', 'sues', 'Widgets')]
>>> bad = line.replace('"sues"', '"buys"')
>>> list(read_annotations(io.StringIO(bad), name="x.jsonl"))
Traceback (most recent call last):
...
kg.training.annotations.AnnotationError: x.jsonl:1: unknown relation 'buys'; relations are: ...
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..ontology import Ontology, load_ontology

__all__ = [
    "MODALITIES",
    "AnnotatedDoc",
    "AnnotationError",
    "EntityAnnotation",
    "RelationAnnotation",
    "SpanRef",
    "file_hash",
    "portable_path",
    "read_annotations",
    "read_annotation_files",
    "write_annotations",
]

#: How a relation is stated; only facts are gold for scoring.
MODALITIES = ("fact", "negated", "hypothetical")


class AnnotationError(InputError):
    """Training or gold data that cannot be used, with its file and line."""


@dataclass(frozen=True, slots=True, order=True)
class SpanRef:
    """Character offsets of a span in a document's text (``end`` exclusive)."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class EntityAnnotation:
    start: int
    end: int
    label: str  #: an entity class of the ontology ("Company")

    @property
    def span(self) -> SpanRef:
        return SpanRef(self.start, self.end)


@dataclass(frozen=True, slots=True)
class RelationAnnotation:
    head: SpanRef  #: the relation's subject
    child: SpanRef  #: the relation's object
    label: str  #: a relation of the ontology ("investsIn")
    modality: str = "fact"


@dataclass(frozen=True, slots=True)
class AnnotatedDoc:
    """One annotated document."""

    id: str
    text: str
    entities: tuple[EntityAnnotation, ...] = ()
    relations: tuple[RelationAnnotation, ...] = ()
    meta: dict[str, Any] = field(default_factory=dict, compare=False)
    source: str = field(default="", compare=False)  #: "file:line" it was read from

    def entity_at(self, span: SpanRef) -> EntityAnnotation | None:
        for ent in self.entities:
            if ent.start == span.start and ent.end == span.end:
                return ent
        return None

    def facts(self) -> list[RelationAnnotation]:
        """The relations stated as facts (what scoring counts as gold)."""
        return [r for r in self.relations if r.modality == "fact"]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id, "text": self.text,
            "entities": [{"start": e.start, "end": e.end, "label": e.label} for e in self.entities],
            "relations": [],
        }
        for r in self.relations:
            rel: dict[str, Any] = {"head": {"start": r.head.start, "end": r.head.end},
                                   "child": {"start": r.child.start, "end": r.child.end}, "label": r.label}
            if r.modality != "fact":
                rel["modality"] = r.modality
            out["relations"].append(rel)
        if self.meta:
            out["meta"] = self.meta
        return out


def _entity_classes(onto: Ontology) -> frozenset[str]:
    return frozenset(c for c, sup in onto.classes.items() if "Entity" in sup) - {"Entity", "Actor"}


def _int(value: Any, what: str, where: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise AnnotationError(f"{where}: {what} must be an integer character offset, got {value!r}")
    return value


def _parse(obj: Any, where: str, onto: Ontology, classes: frozenset[str], check_types: bool) -> AnnotatedDoc:
    if not isinstance(obj, dict):
        raise AnnotationError(f"{where}: expected a JSON object with 'text', 'entities' and 'relations', "
                              f"got {type(obj).__name__}")
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise AnnotationError(f"{where}: 'text' must be a non-empty string")
    raw_ents = obj.get("entities", obj.get("spans", []))
    if not isinstance(raw_ents, list):
        raise AnnotationError(f"{where}: 'entities' must be a list of {{start, end, label}} objects")
    entities: list[EntityAnnotation] = []
    by_id: dict[Any, SpanRef] = {}
    for n, ent in enumerate(raw_ents):
        if not isinstance(ent, dict):
            raise AnnotationError(f"{where}: entity {n} must be an object with start, end and label")
        start = _int(ent.get("start", ent.get("start_offset")), f"entity {n} start", where)
        end = _int(ent.get("end", ent.get("end_offset")), f"entity {n} end", where)
        label = ent.get("label")
        if not (0 <= start < end <= len(text)):
            raise AnnotationError(f"{where}: entity {n} [{start}, {end}) is off the text "
                                  f"(the text has {len(text)} characters)")
        if text[start:end] != text[start:end].strip():
            raise AnnotationError(f"{where}: entity {n} {text[start:end]!r} [{start}, {end}) starts or ends "
                                  "with white space: the span is off by some characters")
        if label not in classes:
            raise AnnotationError(f"{where}: entity {n} {text[start:end]!r} has unknown class {label!r}; "
                                  f"classes are: {', '.join(sorted(classes))}")
        entities.append(EntityAnnotation(start, end, label))
        by_id[ent.get("id", n)] = SpanRef(start, end)
        by_id.setdefault(n, SpanRef(start, end))
    entities.sort(key=lambda e: (e.start, e.end))
    for a, b in zip(entities, entities[1:]):
        if b.start < a.end:
            raise AnnotationError(f"{where}: entities {text[a.start:a.end]!r} [{a.start}, {a.end}) and "
                                  f"{text[b.start:b.end]!r} [{b.start}, {b.end}) overlap; an entity is one span")
    spans = {e.span: e for e in entities}

    def end_of(rel: dict[str, Any], keys: tuple[str, ...], n: int, side: str) -> SpanRef:
        for key in keys:
            if key in rel:
                value = rel[key]
                break
        else:
            raise AnnotationError(f"{where}: relation {n} has no {side} ({' or '.join(keys)})")
        if isinstance(value, dict):
            ref = SpanRef(_int(value.get("start", value.get("start_offset")), f"relation {n} {side} start", where),
                          _int(value.get("end", value.get("end_offset")), f"relation {n} {side} end", where))
        elif key in {"from_id", "to_id"} or isinstance(value, int):
            if value not in by_id:
                raise AnnotationError(f"{where}: relation {n} {side} {value!r} names no entity")
            ref = by_id[value]
        else:
            raise AnnotationError(f"{where}: relation {n} {side} must be a span {{start, end}} or an entity "
                                  f"index, got {value!r}")
        if ref not in spans:
            raise AnnotationError(f"{where}: relation {n} {side} [{ref.start}, {ref.end}) "
                                  f"{text[ref.start:ref.end]!r} is not one of the entities")
        return ref

    raw_rels = obj.get("relations", [])
    if not isinstance(raw_rels, list):
        raise AnnotationError(f"{where}: 'relations' must be a list")
    relations: list[RelationAnnotation] = []
    for n, rel in enumerate(raw_rels):
        if not isinstance(rel, dict):
            raise AnnotationError(f"{where}: relation {n} must be an object with head, child and label")
        head = end_of(rel, ("head", "from_id", "subject"), n, "head")
        child = end_of(rel, ("child", "to_id", "tail", "object"), n, "child")
        label = rel.get("label", rel.get("type"))
        if label not in onto.relations:
            raise AnnotationError(f"{where}: unknown relation {label!r}; relations are: "
                                  f"{', '.join(sorted(onto.relations))}")
        modality = rel.get("modality", "fact")
        if modality not in MODALITIES:
            raise AnnotationError(f"{where}: relation {n} has modality {modality!r}; "
                                  f"modalities are: {', '.join(MODALITIES)}")
        if head == child:
            raise AnnotationError(f"{where}: relation {n} ({label}) relates {text[head.start:head.end]!r} to itself")
        if check_types:
            info = onto.relations[label]
            for side, ref, allowed in (("head", head, info.domain), ("child", child, info.range)):
                cls = spans[ref].label
                if not onto.fits(cls, allowed):
                    raise AnnotationError(
                        f"{where}: relation {n} ({label}) {side} {text[ref.start:ref.end]!r} is a {cls}, "
                        f"but {label} takes {' or '.join(sorted(allowed))} as its {side}")
        relations.append(RelationAnnotation(head, child, label, modality))
    doc_id = obj.get("id")
    meta = obj.get("meta") if isinstance(obj.get("meta"), dict) else {}
    return AnnotatedDoc(id=str(doc_id) if doc_id is not None else "", text=text, entities=tuple(entities),
                        relations=tuple(relations), meta=meta, source=where)


def read_annotations(stream: IO[str] | Iterable[str], *, name: str = "<stream>", onto: Ontology | None = None,
                     check_types: bool = True) -> Iterator[AnnotatedDoc]:
    """Annotated documents of a JSONL stream; raises :class:`AnnotationError` with ``name:line``.

    ``check_types``: a relation's ends must have the classes of its domain and range.
    """
    onto = onto or load_ontology()
    classes = _entity_classes(onto)
    ids: set[str] = set()
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        where = f"{name}:{lineno}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise AnnotationError(f"{where}: not JSON ({exc.msg} at column {exc.colno})") from None
        doc = _parse(obj, where, onto, classes, check_types)
        if not doc.id:
            doc = AnnotatedDoc(f"{Path(name).stem}-{lineno}", doc.text, doc.entities, doc.relations, doc.meta, where)
        if doc.id in ids:
            raise AnnotationError(f"{where}: id {doc.id!r} is used by an earlier document of the file")
        ids.add(doc.id)
        yield doc


def read_annotation_files(paths: Iterable[str | Path], *, onto: Ontology | None = None,
                          check_types: bool = True) -> list[AnnotatedDoc]:
    """Every document of the JSONL files (folders: their ``*.jsonl``, sorted), in order."""
    docs: list[AnnotatedDoc] = []
    for path in _expand(paths):
        try:
            with open(path, encoding="utf-8") as fh:
                docs += list(read_annotations(fh, name=str(path), onto=onto, check_types=check_types))
        except UnicodeDecodeError as exc:
            raise AnnotationError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
        except OSError as exc:
            raise AnnotationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    return docs


def _expand(paths: Iterable[str | Path]) -> list[Path]:
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(p.glob("*.jsonl"))
        elif p.is_file():
            out.append(p)
        else:
            raise AnnotationError(f"{p}: no such file or folder of annotations (JSONL, see docs/annotation.md)")
    return out


def write_annotations(docs: Iterable[AnnotatedDoc], stream: IO[str]) -> int:
    """Write documents as JSONL (keys in a fixed order); returns how many."""
    n = 0
    for doc in docs:
        stream.write(json.dumps(doc.to_json(), ensure_ascii=False) + "\n")
        n += 1
    return n


def portable_path(path: str | Path) -> str:
    """A path as a record names it on any machine: relative to the repository (or the shared folder
    beside it) where it lies there, else its last three parts."""
    p = Path(path).resolve()
    root = Path(__file__).resolve().parent.parent.parent
    for base, prefix in ((root, ""), (root.parent, "../")):
        try:
            return prefix + p.relative_to(base).as_posix()
        except ValueError:
            continue
    return "/".join(p.parts[-3:])


def file_hash(paths: Iterable[str | Path]) -> dict[str, str]:
    """SHA-256 of each file (folders: their ``*.jsonl``), by :func:`portable_path`: what a training run records."""
    out = {}
    for path in _expand(paths):
        out[portable_path(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out
