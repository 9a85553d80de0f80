"""The orchestrator: stream documents through the pipeline into the graph and its files.

Documents are read one by one, parsed with ``nlp.pipe`` in batches (in
``jobs`` processes), and each parsed ``Doc`` is reduced at once to a small
:class:`~kg.types.DocResult`; no stage holds all ``Doc`` objects. A document
that fails is reported and skipped; the rest of the corpus still builds.
"""

from __future__ import annotations

import gc
import itertools
import json
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.attrs import IDX, LENGTH
from spacy.language import Language
from spacy.tokens import Doc

from .cache import CACHE_DIR, DocCache, fingerprint
from .entities import ERROR_KEY, entity_key
from .errors import InputError, KGError
from .ingest import FIELD_ROLES, ReadOptions, Reading, discover, expected_documents, model_language
from .io import atomic_path
from .model import DEFAULT_BASE_IRI, GraphBuilder, KnowledgeGraph
from .ontology import extended_ontology_dir, load_ontology
from .pipeline import load_pipeline, model_name
from .types import DocResult, DocumentRecord, EntityMention, RelationMention, SkippedDocument

__all__ = ["build", "BuildResult", "doc_result", "process_records", "extract_batch", "EXECUTORS",
           "register_executor"]

log = logging.getLogger(__name__)

#: Texts longer than this are parsed in paragraph-aligned chunks.
CHUNK_CHARS = 100_000
#: Texts per ``nlp.pipe`` batch: news articles are long, and small batches are as fast and far leaner
#: (benchmarks/README.md, "Build").
DEFAULT_BATCH_SIZE = 16


@dataclass
class BuildResult:
    """What a build produced: the graph, the files written and the report."""

    graph: KnowledgeGraph
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0
    #: What reading left out besides skipped documents (kg.ingest.Reading.report): duplicates, and
    #: records that are not documents (WARC requests, images, error pages), by reason.
    reading: dict = field(default_factory=dict)

    @property
    def skipped(self) -> list[SkippedDocument]:
        return self.graph.skipped

    def report(self) -> dict:
        return {
            **self.graph.summary(),
            "seconds": round(self.seconds, 2),
            "skipped_documents": [{"path": s.path, "reason": s.reason} for s in self.graph.skipped],
            "warnings": [
                {"path": d.path, "warning": w} for d in self.graph.documents.values() for w in d.warnings
            ],
            **self._reading_report(),
        }

    def _reading_report(self) -> dict:
        """Duplicates, records that are not documents, and every record left out counted by reason."""
        reading = {"duplicates": [], "not_documents": {}, **self.reading}
        reasons: Counter[str] = Counter(s.details.get("reason", s.reason) for s in self.graph.skipped)
        reasons.update(reading["not_documents"])
        if reading["duplicates"]:
            reasons["duplicate"] += len(reading["duplicates"])
        return {**reading, "skipped_by_reason": dict(sorted(reasons.items()))}

    @property
    def exit_code(self) -> int:
        """0: all built; 1: some documents skipped; 2: nothing buildable."""
        if not self.graph.documents:
            return 2
        failed = any(w.startswith("extraction failed") for d in self.graph.documents.values() for w in d.warnings)
        return 1 if self.graph.skipped or failed else 0


def doc_result(record: DocumentRecord, doc: Doc, offset: int = 0) -> DocResult:
    """Reduce a parsed Doc to the small record the rest of the build uses.

    A document one of our components failed on keeps its node and reports the
    failure as a warning (see :func:`kg.entities.guarded`); it adds no entities.
    """
    failure = doc.user_data.get(ERROR_KEY)
    if failure:
        return DocResult(replace(record, warnings=(*record.warnings, f"extraction failed: {failure}")))
    text = doc.text
    # each token's first and past-the-end character, read once: a mention's text and offsets are
    # slices and lookups, with no Token or Span object per mention
    starts, ends = _token_chars(doc)
    entities = tuple(
        EntityMention(
            key=entity_key(it["name"], it["cls"]), name=it["name"], cls=it["cls"],
            text=text[starts[it["start"]]:ends[it["end"] - 1]], start=starts[it["start"]] + offset,
            end=ends[it["end"] - 1] + offset, wikidata=it.get("wikidata", ""), via=it.get("via", ""),
        )
        for it in doc._.kg_entity_data or []
    )
    # a mention resolved by coreference ("the agency", "its") -> its antecedent's characters
    links = doc._.coref_link_data if doc.has_extension("coref_link_data") else None
    antecedent = {(link["start"], link["end"]): (starts[link["antecedent_start"]] + offset,
                                                  ends[link["antecedent_end"] - 1] + offset)
                  for link in links or ()}
    relations = tuple(
        RelationMention(
            subject=entity_key(r["s_name"], r["s_cls"]), predicate=r["predicate"],
            object=entity_key(r["o_name"], r["o_cls"]), confidence=r["confidence"],
            sentence=" ".join(text[r["sent_start"]:r["sent_end"]].split()),
            start=r["sent_start"] + offset, end=r["sent_end"] + offset,
            subject_text=text[starts[r["s_start"]]:ends[r["s_end"] - 1]],
            object_text=text[starts[r["o_start"]]:ends[r["o_end"] - 1]],
            trigger=r["trigger"], modality=r["modality"],
            qualifiers=tuple((k, v) for k, v in r["qualifiers"]),
            extractor=r.get("extractor", "rules"), model_confidence=r.get("model_confidence"),
            subject_start=starts[r["s_start"]] + offset, subject_end=ends[r["s_end"] - 1] + offset,
            object_start=starts[r["o_start"]] + offset, object_end=ends[r["o_end"] - 1] + offset,
            **_antecedents(antecedent, r),
        )
        for r in doc._.kg_relation_data or []
    )
    return DocResult(record, entities, relations)


def _antecedents(antecedent: dict[tuple[int, int], tuple[int, int]], r: dict) -> dict[str, int]:
    """The antecedent offsets of a relation record's coreferent mentions (none for a named one)."""
    out = {}
    for side, key in (("subject", "s"), ("object", "o")):
        found = antecedent.get((r[f"{key}_start"], r[f"{key}_end"]))
        if found is not None:
            out[f"{side}_antecedent_start"], out[f"{side}_antecedent_end"] = found
    return out


def _token_chars(doc: Doc) -> tuple[list[int], list[int]]:
    """Each token's start character and the character after its last (a span of tokens ``[i, j)``
    covers ``doc.text[starts[i]:ends[j - 1]]``, which is its ``Span.text``)."""
    if not len(doc):
        return [], []
    arr = doc.to_array([IDX, LENGTH]).astype("int64")
    return arr[:, 0].tolist(), (arr[:, 0] + arr[:, 1]).tolist()


def _chunks(text: str, limit: int) -> list[tuple[int, str]]:
    """Split at paragraph (then line, then sentence) boundaries into pieces below ``limit``."""
    if len(text) <= limit:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + limit)
        if end < len(text):
            for sep in ("\n\n", "\n", ". ", " "):
                cut = text.rfind(sep, start + limit // 2, end)
                if cut > start:
                    end = cut + len(sep)
                    break
        out.append((start, text[start:end]))
        start = end
    return out


def _merge(record: DocumentRecord, parts: list[DocResult]) -> DocResult:
    return DocResult(record, tuple(e for p in parts for e in p.entities),
                     tuple(r for p in parts for r in p.relations))


def process_records(nlp: Language, records: Iterable[DocumentRecord], *,
                    batch_size: int = DEFAULT_BATCH_SIZE) -> Iterator[DocResult]:
    """Parse records with ``nlp.pipe`` in this process and yield one :class:`DocResult` per record, in order.

    (Several processes: ``build(..., jobs=N)``, which runs this in each worker.)
    """
    limit = min(CHUNK_CHARS, max(1000, nlp.max_length - 1))

    def pieces() -> Iterator[tuple[str, tuple[DocumentRecord, int, int, int]]]:
        for record in records:
            chunks = _chunks(record.text, limit)
            for n, (offset, text) in enumerate(chunks):
                yield text, (record, offset, n, len(chunks))

    pending: list[DocResult] = []
    stream = nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size)
    while True:
        try:
            doc, (record, offset, n, total) = next(stream)
        except StopIteration:
            break
        except Exception as exc:  # a component failed on one document
            raise KGError(f"spaCy pipeline failed: {exc}") from exc
        pending.append(doc_result(record, doc, offset))
        if n == total - 1:
            yield _merge(record, pending) if total > 1 else pending[0]
            pending = []


def _without_text(result: DocResult) -> DocResult:
    """The result without its document's text: the graph does not keep it, so neither do we."""
    if not result.document.text:
        return result
    return replace(result, document=replace(result.document, text=""))


def extract_batch(records: list[DocumentRecord], model: str,
                  batch_size: int = DEFAULT_BATCH_SIZE, config: str | None = None, relation_model: bool | str = True,
                  ontology: str | None = None) -> list[DocResult]:
    """Parse ``records`` in this process; the unit of work a Dask worker runs.

    The pipeline is loaded once per process (:func:`kg.pipeline.load_pipeline`
    is cached), so a worker pays for the model on its first batch only. The
    results carry no document text.
    """
    nlp = load_pipeline(model, config, relation_model=relation_model, ontology=ontology)
    return [_without_text(r) for r in process_records(nlp, records, batch_size=batch_size)]


# -- executors: where per-document extraction runs -------------------------------------------

Executor = Callable[..., Iterator[DocResult]]
#: Executor name -> function(records, *, model, jobs, batch_size, config, scheduler, total,
#: relation_model, ontology) yielding results.
EXECUTORS: dict[str, Executor] = {}


def register_executor(name: str, executor: Executor) -> None:
    """Make ``executor`` available as ``build(..., executor=name)`` and ``kg build --executor NAME``."""
    EXECUTORS[name] = executor


def _run_local(records: Iterable[DocumentRecord], *, model: str, jobs: int, batch_size: int,
               config: str | None = None, scheduler: str | None, total: int, relation_model: bool | str = True,
               ontology: str | None = None) -> Iterator[DocResult]:
    """``nlp.pipe`` in this process, or with ``jobs`` > 1 in a pool of worker processes (:func:`_run_pool`)."""
    nlp = load_pipeline(model, config, relation_model=relation_model, ontology=ontology)
    if jobs <= 1:
        # The model's objects live as long as the process: the collector's full passes, which the
        # many small records of a build set off, need not walk them each time (as in _run_pool).
        gc.freeze()
        try:
            for result in process_records(nlp, records, batch_size=batch_size):
                yield _without_text(result)
        finally:
            gc.unfreeze()
        return
    # Tasks small enough that the workers finish together (the last task is not one worker's long tail).
    task = max(1, min(batch_size, total // (jobs * 16))) if total else batch_size
    yield from _run_pool(records, model=model, config=config, jobs=jobs, batch_size=batch_size, task=task,
                         relation_model=relation_model, ontology=ontology)


def _load_worker(model: str, config: str | None, relation_model: bool, ontology: str | None) -> None:
    load_pipeline(model, config, relation_model=relation_model, ontology=ontology)


def _run_pool(records: Iterable[DocumentRecord], *, model: str, config: str | None, jobs: int,
              batch_size: int, task: int, relation_model: bool | str = True, ontology: str | None = None
              ) -> Iterator[DocResult]:
    """Batches of records parsed by ``jobs`` worker processes, results yielded in input order.

    Each worker runs the whole pipeline *and* the reduction to :class:`DocResult`
    (:func:`extract_batch`) and sends back only those small records, where
    spaCy's own ``n_process`` would send every parsed ``Doc`` back to this
    process to be deserialised and reduced here, one at a time. Workers are
    forked after the model is loaded here, so they start at once and share its
    memory (where ``fork`` is unavailable they load the model themselves). Each
    task is ``task`` records; at most two tasks per worker are in flight, so
    memory does not grow with the corpus.
    """
    import multiprocessing
    from collections import deque

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    pending: deque = deque()
    if method == "fork":
        gc.freeze()  # the model's objects: the workers' collector leaves them (and their shared pages) alone
    try:
        with ctx.Pool(jobs, initializer=_load_worker, initargs=(model, config, relation_model, ontology)) as pool:
            for batch in _batched(records, task):
                pending.append(pool.apply_async(extract_batch, (batch, model, batch_size, config, relation_model,
                                                                ontology)))
                if len(pending) >= 2 * jobs:
                    yield from pending.popleft().get()
            while pending:
                yield from pending.popleft().get()
    finally:
        if method == "fork":
            gc.unfreeze()


def _batched(items: Iterable[DocumentRecord], size: int) -> Iterator[list[DocumentRecord]]:
    batch: list[DocumentRecord] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_dask(records: Iterable[DocumentRecord], *, model: str, jobs: int, batch_size: int,
              config: str | None = None, scheduler: str | None, total: int, relation_model: bool | str = True,
              ontology: str | None = None) -> Iterator[DocResult]:
    """Batches of records as tasks on a Dask cluster (a LocalCluster of ``jobs`` workers without a scheduler).

    At most a few batches per worker are in flight, so memory stays bounded on
    both sides; results are merged here in whatever order they finish (the
    graph is sorted, so the output does not depend on it).
    """
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise KGError("--executor dask needs dask.distributed: pip install 'kg-builder[dask]'") from None
    cluster = None
    try:
        if scheduler:
            client = Client(scheduler)  # timeout: distributed.comm.timeouts.connect
        else:
            cluster = LocalCluster(n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
    except (OSError, TimeoutError, ValueError) as exc:
        if cluster is not None:
            cluster.close()
        raise KGError(f"Cannot connect to the Dask scheduler at {scheduler!r}: {exc}. Start one with "
                      "'dask scheduler' and give its address, e.g. --scheduler tcp://10.0.0.5:8786") from exc
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})) or jobs)
        size = max(1, min(32, -(-total // (workers * 4)) if total else 8))
        pending = as_completed()
        in_flight = 0
        batches = _batched(records, size)
        for batch in batches:
            pending.add(client.submit(extract_batch, batch, model, batch_size, config, relation_model, ontology,
                                      pure=False))
            in_flight += 1
            if in_flight >= 2 * workers + 1:
                break
        for future in pending:
            in_flight -= 1
            try:
                results = future.result()
            except KGError:
                raise
            except Exception as exc:
                raise KGError(f"Extraction failed on a Dask worker: {exc.__class__.__name__}: {exc}") from exc
            future.release()
            nxt = next(batches, None)
            if nxt is not None:
                pending.add(client.submit(extract_batch, nxt, model, batch_size, config, relation_model, ontology,
                                          pure=False))
            yield from results
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


register_executor("local", _run_local)
register_executor("dask", _run_dask)


def _is_path(src: str) -> bool:
    """Whether ``src`` names an existing file or folder (or a symlink); False for text too long to be a path."""
    try:
        return Path(src).exists() or Path(src).is_symlink()
    except (OSError, ValueError):  # ENAMETOOLONG, NUL byte
        return False


def build(sources: Iterable[str | Path] | str, *, model: str | None = None, jobs: int = 1,
          base_iri: str = DEFAULT_BASE_IRI, out: str | Path | None = None,
          progress: Callable[[int, int | None], None] | None = None, batch_size: int = DEFAULT_BATCH_SIZE,
          cache: bool = True, executor: str = "local", scheduler: str | None = None,
          config: str | Path | None = None, fields: Mapping[str, str] | None = None,
          relation_model: bool | str = True, ontology: str | Path | None = None) -> BuildResult:
    """Build a knowledge graph from files, folders or raw strings.

    ``sources`` are paths (files or folders, read recursively) or raw text:
    a string that is not an existing path and holds a space or newline is
    taken as a document's text. With ``out``, the graph files and
    ``report.json`` are written there atomically, and (unless ``cache`` is
    false) each document's extraction result is cached in ``out/.kgcache/``
    so that the next build into ``out`` parses only new or changed documents
    (see :mod:`kg.cache`). ``executor`` is ``"local"`` (spaCy's ``nlp.pipe``
    in ``jobs`` processes) or ``"dask"`` (a Dask cluster at ``scheduler``, or
    a LocalCluster of ``jobs`` workers); every choice gives the same files.
    ``relation_model`` false leaves the trained relation model out (the rules
    alone), a folder written by ``kg train`` uses that model; ``ontology`` is a Turtle file of classes and relations added to the
    packaged ontology (:func:`kg.ontology.extended_ontology_dir`).

    Files are read by their format (:mod:`kg.ingest`: text, web pages, JSON
    Lines, CSV, WARC crawls, RSS and Atom feeds, compressed or not).
    ``fields`` names the fields of JSON Lines and CSV records by role
    (``{"text": "story", "date": "meta.published"}``; roles:
    :data:`kg.ingest.FIELD_ROLES`). Documents in another language than the
    model's are skipped; a document seen before (same canonical URL or same
    text) is built once and reported as a duplicate.
    """
    started = time.perf_counter()
    if executor not in EXECUTORS:
        raise InputError(f"Unknown executor {executor!r}; available: {sorted(EXECUTORS)}")
    if scheduler and executor == "local":
        raise InputError("A scheduler address needs the dask executor (--executor dask); "
                         "the local executor runs on this machine")
    if isinstance(sources, (str, Path)):
        sources = [sources]
    unknown = sorted(set(fields or {}) - set(FIELD_ROLES))
    if unknown:
        raise InputError(f"Unknown field role(s) {unknown}; the roles are {', '.join(FIELD_ROLES)}")
    paths: list[str | Path] = []
    texts: list[str] = []
    skipped: list[SkippedDocument] = []
    for src in sources:
        if isinstance(src, str) and not _is_path(src) and (" " in src.strip() or "\n" in src):
            texts.append(src)
        else:
            paths.append(src)
    found, missing = discover(paths)
    skipped += missing
    extended = str(extended_ontology_dir(ontology)) if ontology is not None else None
    onto = load_ontology(extended)
    if config is not None and model is None:
        from .pipeline import read_config

        name = read_config(str(config), {})["kg"]["model"]  # the config names its model
    else:
        name = model_name(model)
    reading = Reading(ReadOptions(fields=dict(fields or {}), language=model_language(name)))
    files = expected_documents(found)  # None: some file holds many documents (JSON Lines, WARC, ...)
    total = files + len(texts) if files is not None else 0
    store = DocCache(Path(out) / CACHE_DIR, fingerprint(name, config, relation_model=relation_model,
                                                        ontology=ontology)) if out is not None and cache else None
    builder = GraphBuilder(onto)  # takes each result as it comes: no list of all results
    done = 0

    def take(result: DocResult) -> None:
        nonlocal done
        builder.add(result)
        done += 1
        tick()

    def tick() -> None:
        if progress:
            progress(done + len(skipped), total or None)

    def records() -> Iterator[DocumentRecord]:
        """Records to parse: read each source, answer what the cache knows at once."""
        for item in reading.records(found, texts):
            if isinstance(item, SkippedDocument):
                log.warning("skipped %s: %s", item.path, item.reason)
                skipped.append(item)
                tick()
                continue
            hit = store.get(item) if store is not None else None
            if hit is not None:
                take(_without_text(hit))
                continue
            yield item

    todo = records()
    first = next(todo, None)  # the model is loaded only when something is left to parse
    if first is not None:
        run = EXECUTORS[executor]
        for result in run(itertools.chain([first], todo), model=name, jobs=jobs, batch_size=batch_size,
                          config=str(config) if config is not None else None, scheduler=scheduler, total=total,
                          relation_model=relation_model if isinstance(relation_model, bool) else str(relation_model),
                          ontology=str(ontology) if ontology is not None else None):
            if store is not None:
                store.put(result)
            take(result)
    graph = builder.finish(base_iri=base_iri, skipped=sorted(skipped, key=lambda s: s.path))
    result = BuildResult(graph, reading=reading.report())
    if out is not None and graph.documents:
        result.files = graph.write(out)
    if store is not None:
        store.prune()
        log.info("cache: %d hits, %d misses", store.hits, store.misses)
    result.seconds = time.perf_counter() - started
    if out is not None:
        report = result.report()
        report.pop("seconds")  # keep report.json identical across runs
        target = Path(out) / "report.json"
        with atomic_path(target) as tmp:
            tmp.write_text(json.dumps(report, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        result.files.append(target)
    return result
