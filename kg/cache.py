"""A per-document cache of extraction results, so that a rebuild parses only what changed.

Entries live under the output folder (``out/.kgcache/``), one JSON file per
document text. An entry's key is a hash of the text (``DocumentRecord.sha256``)
and of a *fingerprint* of everything else that decides what extraction
returns: the spaCy model's name and version, spaCy's version, kg-builder's
version, the ontology's version (:attr:`kg.ontology.Ontology.version`, a hash of
``ontology/``) and a hash of the extraction code itself. Change any of them and
every entry misses. Only the extraction result (entity and relation
mentions) is stored; the document's id, path, title and date always come
from the current read, so a renamed or moved file is still a hit.

Entries are written atomically (:func:`kg.io.atomic_path`). An entry that
cannot be read or does not parse is treated as a miss and rewritten, never
an error. JSON, not pickle: loading a cache that someone else could have
written must not run code.

>>> import tempfile
>>> from kg.types import DocResult, DocumentRecord
>>> cache = DocCache(tempfile.mkdtemp(), fingerprint="demo")
>>> rec = DocumentRecord("a", "a.txt", "Acme grows.", sha256="0" * 64)
>>> cache.get(rec) is None
True
>>> cache.put(DocResult(rec))
>>> cache.get(rec) == DocResult(rec)
True
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
from dataclasses import fields
from pathlib import Path

from .io import atomic_path
from .types import DocResult, DocumentRecord, EntityMention, RelationMention

__all__ = ["CACHE_DIR", "DocCache", "fingerprint"]

log = logging.getLogger(__name__)

#: Folder of the cache inside the output folder.
CACHE_DIR = ".kgcache"
#: Bumped when the entry layout changes.
FORMAT = 3
#: Modules and packages whose code decides what extraction returns (hashed into the fingerprint,
#: with the default pipeline config ``kg/config.cfg`` and the packaged trained models).
_EXTRACTION_MODULES = ("pipeline", "entities", "coref", "relations", "names", "types", "build", "models")


def _model_version(name: str) -> str:
    """``name@version`` of a spaCy pipeline from its meta.json, without loading it."""
    import spacy.util

    try:
        path = spacy.util.get_package_path(name) if spacy.util.is_package(name) else Path(name)
        meta = spacy.util.get_model_meta(path)
        return f"{meta.get('lang', '')}_{meta.get('name', '')}@{meta.get('version', '')}"
    except Exception:  # not installed or unreadable: loading the pipeline will say why
        return "unknown"


@functools.lru_cache(maxsize=1)
def _code_digest() -> str:
    """Hash of the extraction modules, read once: the code this process runs."""
    digest = hashlib.sha256()
    here = Path(__file__).resolve().parent
    files: list[Path] = [here / "config.cfg"]
    for module in _EXTRACTION_MODULES:
        if (here / module).is_dir():  # a package: its modules, and the model files it ships
            files += sorted(p for p in (here / module).rglob("*") if p.is_file() and p.suffix != ".pyc")
        else:
            files.append(here / f"{module}.py")
    for path in files:
        with contextlib.suppress(OSError):
            digest.update(path.relative_to(here).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def fingerprint(model: str, config: str | os.PathLike[str] | None = None, *, relation_model: bool | str = True,
                ontology: str | os.PathLike[str] | None = None) -> str:
    """Everything besides the text that an extraction result depends on, as one string."""
    import spacy

    from . import __version__
    from .ontology import load_ontology

    parts = [f"format={FORMAT}", f"model={model}", f"model_meta={_model_version(model)}",
             f"spacy={spacy.__version__}", f"kg={__version__}", f"ontology={load_ontology().version}",
             f"code={_code_digest()}"]
    if config is not None:  # a user's pipeline config changes what is extracted
        parts.append("config=" + hashlib.sha256(Path(config).read_bytes()).hexdigest()[:16])
    if relation_model is False:
        parts.append("relation_model=off")
    elif not isinstance(relation_model, bool):  # a trained model's folder: its files decide
        digest = hashlib.sha256()
        for path in sorted(Path(relation_model).glob("*")):
            if path.is_file():
                digest.update(path.name.encode() + path.read_bytes())
        parts.append("relation_model=" + digest.hexdigest()[:16])
    if ontology is not None:
        parts.append("ontology_extra=" + hashlib.sha256(Path(ontology).read_bytes()).hexdigest()[:16])
    return ";".join(parts)


def _entity(row: list) -> EntityMention:
    return EntityMention(*row)


_ENTITY_FIELDS = tuple(f.name for f in fields(EntityMention))
_RELATION_FIELDS = tuple(f.name for f in fields(RelationMention))


def _row(obj: EntityMention | RelationMention, names: tuple[str, ...]) -> list:
    """The fields of a mention in order: what ``dataclasses.astuple`` gives here, without its deep copy
    (the fields hold only strings, numbers and tuples of strings, which JSON writes alike)."""
    return [getattr(obj, name) for name in names]


def _relation(row: list) -> RelationMention:
    data = dict(zip(_RELATION_FIELDS, row, strict=True))
    data["qualifiers"] = tuple((str(k), str(v)) for k, v in data["qualifiers"])
    return RelationMention(**data)


class DocCache:
    """Extraction results by document text, stored as JSON files in ``folder``."""

    def __init__(self, folder: str | os.PathLike[str], fingerprint: str) -> None:
        self.folder = Path(folder)
        self.fingerprint = fingerprint
        self.hits = 0
        self.misses = 0
        self._used: set[str] = set()

    def key(self, record: DocumentRecord) -> str:
        return hashlib.sha256(f"{self.fingerprint}\x1f{record.sha256}".encode()).hexdigest()[:40]

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, record: DocumentRecord) -> DocResult | None:
        """The cached result for ``record`` (with ``record`` as its document), or None."""
        key = self.key(record)
        self._used.add(key)
        path = self._path(key)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data["fingerprint"] != self.fingerprint or data["sha256"] != record.sha256:
                raise ValueError("entry of another text or configuration")
            result = DocResult(record, tuple(_entity(e) for e in data["entities"]),
                               tuple(_relation(r) for r in data["relations"]))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, KeyError, TypeError) as exc:  # corrupt entry: a miss
            log.warning("ignoring unreadable cache entry %s: %s", path, exc)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, result: DocResult) -> None:
        """Store ``result`` (atomically; a failure to write is logged, not raised)."""
        key = self.key(result.document)
        self._used.add(key)
        data = {
            "fingerprint": self.fingerprint,
            "sha256": result.document.sha256,
            "entities": [_row(e, _ENTITY_FIELDS) for e in result.entities],
            "relations": [_row(r, _RELATION_FIELDS) for r in result.relations],
        }
        try:
            with atomic_path(self._path(key)) as tmp:
                tmp.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        except OSError as exc:
            log.warning("cannot write cache entry for %s: %s", result.document.path, exc)

    def prune(self) -> int:
        """Delete the entries this build did not use (removed or changed documents); returns how many."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*/*"):
            if path.suffix == ".json" and path.stem in self._used:
                continue
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
        for sub in self.folder.iterdir():
            with contextlib.suppress(OSError):
                sub.rmdir()  # only if empty
        return removed

