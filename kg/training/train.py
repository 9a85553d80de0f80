"""``kg train``: train the relation model from annotated data, deterministically.

1. Read the data: our own annotations (``data/train/*.jsonl``) and the public
   sets in the shared data folder (CoNLL04 train, the training part of
   Re-DocRED), converted by :mod:`kg.training.convert`.
2. Set a tuning split apart (a fixed share of each source, by a hash of the
   document id): early stopping and the per-relation thresholds are chosen
   on it, never on a dev split.
3. Read every text with the pipeline (parse, entities, coreference, rules),
   featurize every candidate pair once, and train the network on them:
   fixed seed, shuffled pairs, Adam, early stopping on the tuning split's F1.
4. Write the component folder atomically with ``meta.json``: settings, data
   hashes, the per-epoch table, thresholds and scores.
"""

from __future__ import annotations

import hashlib
import os
import platform
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Adam, Config, fix_random_seed

from ..errors import KGError
from ..ontology import extended_ontology_dir, load_ontology
from ..relations.architectures import PairBatch
from ..relations.model import DEFAULT_MODEL_CONFIG, RelationModel
from ..relations.scoring import doc_gold, prf
from .annotations import AnnotatedDoc, file_hash, portable_path, read_annotation_files, write_annotations
from .convert import conll04, redocred
from .coverage import candidate_coverage, source_of
from .examples import examples, gold_doc, read_docbin
from .selection import plateau_center, smoothed
from .spans import blas_kernel, save_folder

__all__ = ["SHARED_DATA", "TrainSettings", "load_training_data", "packaged_data_dir", "shared_data_dir", "train",
           "tune_split", "write_thresholds"]

#: The public data sets, beside the repository (``KG_SHARED_DATA`` overrides).
SHARED_DATA = Path("../shared/data")


def packaged_data_dir() -> Path:
    """Our own annotated training data: ``data/train`` in a source checkout, ``kg/_data/train`` when installed."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here.parent / "data" / "train", here / "_data" / "train"):
        if candidate.is_dir():
            return candidate
    raise KGError(f"No packaged training data: looked in {here.parent / 'data' / 'train'} and "
                  f"{here / '_data' / 'train'}; give your own with --data.")


def shared_data_dir(path: str | Path | None = None) -> Path:
    """The folder of the shared public data: ``path``, ``$KG_SHARED_DATA`` or ``../shared/data``."""
    return Path(path or os.environ.get("KG_SHARED_DATA") or SHARED_DATA)


@dataclass
class TrainSettings:
    """Everything a training run depends on besides the data; recorded in ``meta.json``."""

    seed: int = 0
    max_epochs: int = 40
    min_epochs: int = 8  #: no early stop before this many epochs
    patience: int = 6
    batch_size: int = 256  #: candidate pairs per update
    learn_rate: float = 0.002
    l2: float = 1e-6
    tune_share: float = 0.15  #: share of each source set apart for tuning
    own_data: list[str] = field(default_factory=lambda: [str(packaged_data_dir())])
    conll04: bool = True
    redocred: bool = True
    shared_data: str = ""  #: folder of the public data ("" = ``shared_data_dir()``)
    model_config: str = DEFAULT_MODEL_CONFIG
    max_tokens: int = 60
    ontology: str = ""  #: a Turtle file of classes and relations added to the packaged ontology
    ner_out: str = ""  #: first fine-tune the pipeline's NER on the same data and write it here
    #: articles to calibrate the thresholds on, written apart from the training data: folders of
    #: .txt with their names-level gold in gold/*.gold.tsv, or annotated JSON Lines (make train:
    #: corpus/dev and data/dev/news-calibration.jsonl)
    calibrate: list[str] = field(default_factory=list)
    #: also calibrate on the tuning split's documents of the public sets (CoNLL04, Re-DocRED), each
    #: set scored only on the relation types its gold annotates (make train: on)
    calibrate_public: bool = False
    ner_max_epochs: int = 10
    #: stop the NER after this many epochs without a better tuning span F1 (in the 0700f12 run its
    #: best epoch, 3, was followed by three worse ones: waiting two keeps it and saves a minute)
    ner_patience: int = 2
    #: keep the NER's averaged weights (benchmarks/README.md, "Why no retrain": tried, not shipped)
    ner_average: bool = False
    threshold_grid: tuple[float, ...] = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9,
                                         0.95)
    #: the thresholds whose smoothed tuning F1 is this close to the best form the plateau whose
    #: middle is chosen (kg.training.selection.plateau_center)
    threshold_slack: float = 0.02
    min_threshold_support: int = 5  #: fewer tuning positives than this: the default threshold
    #: also train on a copy of each positive pair without the features that name the mentions'
    #: classes, so a relation is still read where the NER gave a mention the wrong class
    class_blind_copies: bool = True
    #: train this many times, with seeds seed, seed + 1, ..., each with its own order of the pairs and
    #: its own early stop, and average the weights (wide-only networks: a linear model, so the
    #: average of the weights is the average of the logits); steadier than any one run
    average_seeds: int = 1


def tune_split(doc_id: str, share: float) -> bool:
    """Whether a document belongs to the tuning split (a stable hash of its id)."""
    h = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16)
    return h % 10_000 < share * 10_000


def load_training_data(settings: TrainSettings, nlp: Language | None = None
                       ) -> tuple[list[AnnotatedDoc], list[Doc], dict[str, str]]:
    """The annotated documents of every source in ``settings`` (and the gold Docs of DocBins given as
    ``.spacy`` files, which need ``nlp``), and the SHA-256 of each file read."""
    onto = load_ontology(str(extended_ontology_dir(settings.ontology)) if settings.ontology else None)
    docs: list[AnnotatedDoc] = []
    binned: list[Doc] = []
    hashes: dict[str, str] = {}
    jsonl = [p for p in settings.own_data if not str(p).endswith(".spacy")]
    bins = [p for p in settings.own_data if str(p).endswith(".spacy")]
    if jsonl:
        own = read_annotation_files(jsonl, onto=onto)
        docs += [d if d.meta.get("source") else AnnotatedDoc(d.id, d.text, d.entities, d.relations,
                                                                 {**d.meta, "source": "kg-builder"}, d.source)
                 for d in own]
        hashes.update(file_hash(jsonl))
    if bins:
        if nlp is None:
            raise KGError("DocBin training data needs the pipeline's vocabulary (load_training_data(..., nlp))")
        for path in bins:
            binned += read_docbin(nlp, path)
        hashes.update(file_hash(bins))
    shared = shared_data_dir(settings.shared_data or None)
    if settings.conll04:
        path = shared / "conll04" / "conll04_train.json"
        _need(path)
        docs += list(conll04(path, onto=onto))
        hashes.update(file_hash([path]))
    if settings.redocred:
        path = shared / "redocred" / "dev_revised.json"
        _need(path)
        docs += list(redocred(path, onto=onto))
        hashes.update(file_hash([path]))
    return docs, binned, hashes


def _need(path: Path) -> None:
    if not path.is_file():
        raise KGError(f"No training data at {path}: put the shared data folder beside the repository "
                      "(../shared/data), set KG_SHARED_DATA, or leave the public sets out "
                      "(--no-conll04, --no-redocred).")


Progress = Callable[[str, int, int], None]


def ner_tuning_docs(nlp: Language, settings: TrainSettings, golds_tune: list[Doc]) -> tuple[list[Doc], str]:
    """The documents the NER fine-tune picks its epoch on, and what they are: the annotated news of
    ``settings.calibrate`` (JSON Lines) where given, else the tuning split.

    The tuning split is mostly CoNLL04 and Re-DocRED sentences; picked on it, the fine-tune can run
    on to epochs that read those better and news worse (benchmarks/README.md, "Why no retrain").
    """
    files = [str(p) for p in settings.calibrate if str(p).endswith(".jsonl")]
    if not files:
        return golds_tune, "tuning split"
    onto = load_ontology(str(extended_ontology_dir(settings.ontology)) if settings.ontology else None)
    docs = read_annotation_files(files, onto=onto)
    return [gold_doc(nlp, d) for d in docs], ", ".join(portable_path(f) for f in files)


def train(nlp: Language, settings: TrainSettings, out: str | Path, *, progress: Progress | None = None,
          report: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Train ``kg_relation_model`` for the pipeline ``nlp`` (which must not hold one yet) and save it to ``out``.

    ``report`` is called with each epoch's row (loss, tuning scores); returns the meta written.
    """
    started = time.perf_counter()
    fix_random_seed(settings.seed)
    if "kg_relation_model" in nlp.pipe_names:
        raise KGError("train() takes a pipeline without kg_relation_model (load it with --no-model).")
    docs, binned, hashes = load_training_data(settings, nlp)
    if not docs and not binned:
        raise KGError("No training data: give annotation files (JSONL) or the public sets.")
    golds = [gold_doc(nlp, d) for d in docs] + binned
    golds_train = [g for g in golds if not tune_split(str(g.user_data.get("kg_id", "")), settings.tune_share)]
    golds_tune = [g for g in golds if tune_split(str(g.user_data.get("kg_id", "")), settings.tune_share)]
    ner_meta = None
    if settings.ner_out:
        from ..pipeline import replace_ner
        from .spans import train_ner

        base = f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}"
        ner_tune, ner_tuned_on = ner_tuning_docs(nlp, settings, golds_tune)
        ner_meta = train_ner(base, golds_train, ner_tune, settings.ner_out, seed=settings.seed,
                             max_epochs=settings.ner_max_epochs, patience=settings.ner_patience,
                             report=(lambda row: report({"ner": row})) if report else None,
                             tuned_on=ner_tuned_on, average=settings.ner_average)
        replace_ner(nlp, settings.ner_out)
    cfg = Config().from_str(settings.model_config)
    extended = str(extended_ontology_dir(settings.ontology)) if settings.ontology else None
    pipe: RelationModel = nlp.add_pipe("kg_relation_model", config={
        "model": cfg["model"], "weights": None, "max_tokens": settings.max_tokens, "ontology_dir": extended})
    pipe.network_config = Config({"model": cfg["model"]}).to_str()
    try:
        with nlp.select_pipes(disable=["kg_relation_model"]):
            eg_train = _read(nlp, golds_train, progress, "reading training texts")
            eg_tune = _read(nlp, golds_tune, progress, "reading tuning texts")
        labels = sorted({r[4] for eg in eg_train for r in doc_gold(eg.reference)[1]})
        pipe.initialize(lambda: eg_train, nlp=nlp, labels=labels)
        X_train, index_train = pipe.featurize(eg.predicted for eg in eg_train)
        Y_train, M_train = pipe.gold_matrix(eg_train, index_train)
        n_pairs = len(index_train)
        positives = _positives(Y_train, M_train, pipe.labels)
        if settings.class_blind_copies and n_pairs:
            X_blind, _ = pipe.featurize((eg.predicted for eg in eg_train), classes=False)
            positive = numpy.flatnonzero(Y_train.sum(axis=1) > 0)
            X_train = PairBatch.concat([X_train, X_blind.select(positive)])
            Y_train = numpy.vstack([Y_train, Y_train[positive]])
            M_train = numpy.vstack([M_train, M_train[positive]])
        X_tune, index_tune = pipe.featurize(eg.predicted for eg in eg_tune)
        coverage = candidate_coverage(pipe, eg_train + eg_tune, index_train + [
            (d + len(eg_train), cand) for d, cand in index_tune], group=source_of)
        Y_tune, M_tune = pipe.gold_matrix(eg_tune, index_tune)
        R_tune = _rules_matrix(pipe, eg_tune, index_tune)
        runs = max(1, settings.average_seeds)
        if runs > 1 and any(part not in {"wide", "vlinear"} for part in pipe.model.attrs.get("parts", ())):
            raise KGError("average_seeds averages weights, which is an average of the outputs only for a "
                          "linear network (wide = true, embed_width = 0, dense_width = 0; word vectors, "
                          "if any, with vector_head = \"linear\").")
        initial = pipe.model.to_bytes()
        history: list[dict[str, Any]] = []
        bests: list[tuple[float, int, bytes]] = []
        for run in range(runs):
            pipe.model.from_bytes(initial)
            best = _fit(pipe, settings, settings.seed + run, X_train, Y_train, M_train, X_tune, Y_tune, M_tune,
                        R_tune, history, progress, report, run if runs > 1 else None)
            bests.append(best)
        if runs > 1:
            _average_weights(pipe, [b[2] for b in bests])
        else:
            pipe.model.from_bytes(bests[0][2])
        best = bests[0]
        thresholds = _tune_thresholds(pipe, X_tune, Y_tune, M_tune, settings, R_tune)
        pipe.cfg["thresholds"] = thresholds
        calibration = None
        if settings.calibrate:
            from .calibrate import calibrate_margin, calibration_sets

            texts, gold = calibration_sets(settings.calibrate)
            with tempfile.TemporaryDirectory(prefix="kg-calibrate-public-") as tmp:
                extra = _public_tune_sets(docs, settings, Path(tmp)) if settings.calibrate_public else []
                calibration = calibrate_margin(nlp, pipe, texts, gold, extra=extra)
            hashes.update(file_hash([g for g in gold if g.suffix == ".jsonl"]))
            if report:
                report({"calibration": calibration})
            margin = calibration["margin"]
            thresholds = {label: round(min(0.99, pipe.threshold_for(label, thresholds)
                                           + calibration["margins"].get(label, margin)), 2)
                          for label in pipe.labels}
            pipe.cfg["thresholds"] = thresholds
        tuned = _pair_scores(pipe, X_tune, Y_tune, M_tune, thresholds, R_tune)
        model_alone = _pair_scores(pipe, X_tune, Y_tune, M_tune, thresholds)
        rules_alone = _pair_scores(pipe, X_tune, Y_tune, M_tune, {label: 2.0 for label in pipe.labels}, R_tune)
        meta = {
            "kg_builder": _version(),
            "spacy_pipeline": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
            "python": platform.python_version(),
            "blas_kernel": blas_kernel(),
            "settings": _portable(settings),
            "model_config": settings.model_config.strip() + "\n",
            "labels": list(pipe.labels),
            "thresholds": thresholds,
            "data": {"files": hashes, "documents": {"train": len(golds_train), "tune": len(golds_tune)},
                     "pairs": {"train": n_pairs, "train_class_blind_copies": len(Y_train) - n_pairs,
                               "tune": len(index_tune)},
                     "positives": {"train": positives}},
            "candidate_coverage": coverage,
            "ner": ner_meta,
            # which NER read the texts (the entity spans the pairs come from): the same weights, the
            # same examples
            "reader_ner_sha256": hashlib.sha256(nlp.get_pipe("ner").model.to_bytes()).hexdigest()
            if "ner" in nlp.pipe_names else None,
            "calibration": calibration,
            "epochs": history,
            "best_epoch": best[1],
            "runs": [{"seed": settings.seed + k, "best_epoch": b[1], "tune_f1": b[0]} for k, b in enumerate(bests)],
            "scores": {"tune_pairs": tuned, "tune_pairs_model_alone": model_alone,
                       "tune_pairs_rules_alone": rules_alone},
            "seconds": round(time.perf_counter() - started, 1),
        }
        save_folder(pipe, meta, "meta.json", Path(out))
        return meta
    finally:
        if "kg_relation_model" in nlp.pipe_names:
            nlp.remove_pipe("kg_relation_model")


def _fit(pipe: RelationModel, settings: TrainSettings, seed: int, X_train: PairBatch, Y_train: numpy.ndarray,
         M_train: numpy.ndarray, X_tune: PairBatch, Y_tune: numpy.ndarray, M_tune: numpy.ndarray,
         R_tune: numpy.ndarray, history: list[dict[str, Any]], progress: Progress | None,
         report: Callable[[dict[str, Any]], None] | None, run: int | None) -> tuple[float, int, bytes]:
    """One training run from the model's current weights: the pairs in the order of ``seed``, early
    stopping on the tuning split's F1; returns (F1, epoch, weights) of its best epoch. Each epoch's
    row goes to ``history`` (with ``run`` when several are averaged)."""
    optimizer = Adam(settings.learn_rate, L2=settings.l2)
    rng = numpy.random.RandomState(seed)
    best: tuple[float, int, bytes] | None = None
    rows = numpy.arange(len(Y_train))
    for epoch in range(1, settings.max_epochs + 1):
        rng.shuffle(rows)
        loss = 0.0
        n_batches = max(1, -(-len(rows) // settings.batch_size))
        for b in range(n_batches):
            pick = rows[b * settings.batch_size:(b + 1) * settings.batch_size]
            probs, backprop = pipe.model.begin_update(X_train.select(pick))
            d = (pipe.model.ops.to_numpy(probs) - Y_train[pick]) * M_train[pick]
            loss += float((d ** 2).sum())
            backprop(pipe.model.ops.asarray2f(d))
            pipe.model.finish_update(optimizer)
            if progress:
                progress(f"epoch {epoch}" if run is None else f"run {run + 1}, epoch {epoch}", b + 1, n_batches)
        scores = _pair_scores(pipe, X_tune, Y_tune, M_tune, {}, R_tune)
        row = {"epoch": epoch, "loss": round(loss, 3), **scores["micro"], "by_relation": scores["by_relation"]}
        if run is not None:
            row = {"run": run, **row}
        history.append(row)
        if report:
            report(row)
        f1 = scores["micro"]["f1"]
        if best is None or f1 >= best[0]:  # ties: the later epoch (a small tuning split often ties)
            best = (f1, epoch, pipe.model.to_bytes())
        elif epoch - best[1] >= settings.patience and epoch >= settings.min_epochs:
            break
    assert best is not None
    return best


def _average_weights(pipe: RelationModel, weights: list[bytes]) -> None:
    """Set the model's parameters to the mean of those of ``weights`` (serialised models)."""
    sums: dict[tuple[int, str], numpy.ndarray] = {}
    for blob in weights:
        pipe.model.from_bytes(blob)
        for n, node in enumerate(pipe.model.walk()):
            for name in node.param_names:
                if node.has_param(name):
                    value = pipe.model.ops.to_numpy(node.get_param(name)).astype("float64")
                    key = (n, name)
                    sums[key] = sums[key] + value if key in sums else value
    for n, node in enumerate(pipe.model.walk()):
        for name in node.param_names:
            if (n, name) in sums:
                node.set_param(name, pipe.model.ops.asarray((sums[(n, name)] / len(weights)).astype("float32")))


def _public_tune_sets(docs: list[AnnotatedDoc], settings: TrainSettings, folder: Path
                      ) -> list[tuple[list[tuple[str, str]], list[Path]]]:
    """(texts, gold) of each public set's documents in the tuning split, the gold written to ``folder``
    as annotated JSON Lines (the model never trained on them; nothing is written into the project)."""
    out = []
    for prefix in ("conll04", "redocred"):
        picked = [d for d in docs if d.id.startswith(prefix) and tune_split(d.id, settings.tune_share)]
        if not picked:
            continue
        path = folder / f"{prefix}-tune.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            write_annotations(picked, fh)
        out.append(([(f"{prefix}#{d.id}", d.text) for d in picked], [path]))
    return out


def _read(nlp: Language, golds: list, progress: Progress | None, what: str) -> list[Example]:
    out = []
    for n, eg in enumerate(examples(nlp, golds), start=1):
        out.append(eg)
        if progress and (n % 25 == 0 or n == len(golds)):
            progress(what, n, len(golds))
    return out


def _portable(settings: TrainSettings) -> dict[str, Any]:
    out = {k: v for k, v in asdict(settings).items() if k != "model_config"}
    out["own_data"] = [portable_path(p) for p in settings.own_data]
    out["calibrate"] = [portable_path(p) for p in settings.calibrate]
    out["shared_data"] = portable_path(shared_data_dir(settings.shared_data or None))
    if settings.ontology:
        out["ontology"] = portable_path(settings.ontology)
    return out


def write_thresholds(config: str | Path, thresholds: dict[str, float],
                     section: str = "components.kg_relation_model.thresholds") -> None:
    """Set the per-relation thresholds of a pipeline config file (its ``[section]``), keeping the rest
    of the file (comments included) as it is; written atomically."""
    from ..io import atomic_path

    path = Path(config)
    lines = path.read_text(encoding="utf-8").splitlines()
    header = f"[{section}]"
    body = [f"{label} = {value:.2f}" for label, value in sorted(thresholds.items())]
    if header in lines:
        start = lines.index(header) + 1
        end = next((i for i in range(start, len(lines)) if lines[i].startswith("[")), len(lines))
        while end > start and not lines[end - 1].strip():
            end -= 1
        lines[start:end] = body
    else:
        lines += ["", header, *body]
    with atomic_path(path) as tmp:
        tmp.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _positives(Y: numpy.ndarray, M: numpy.ndarray, labels: Iterable[str]) -> dict[str, int]:
    return {label: int(((Y[:, k] > 0) & (M[:, k] > 0)).sum()) for k, label in enumerate(labels)}


def _rules_matrix(pipe: RelationModel, egs: list[Example], index: list) -> numpy.ndarray:
    """1 where the rules stated the relation (as a fact) between the row's two mentions."""
    from ..relations.readings import rule_columns, rule_readings

    R = numpy.zeros((len(index), len(pipe.labels)), dtype="float32")
    cache: dict[int, dict] = {}
    for row, (d, cand) in enumerate(index):
        if d not in cache:
            cache[d] = rule_readings(egs[d].predicted)
        items = egs[d].predicted._.kg_entity_data
        R[row] = rule_columns(pipe.onto, pipe.labels, cache[d], items[cand.subject], items[cand.object])
    return R


def _pair_scores(pipe: RelationModel, X: PairBatch, Y: numpy.ndarray, M: numpy.ndarray,
                 thresholds: dict[str, float], R: numpy.ndarray | None = None) -> dict[str, Any]:
    """Pair-level precision, recall and F1 on the tuning split, overall and per relation; with ``R``
    (the rules' readings), of the rules and the model together, as a build merges them."""
    if not len(X):
        return {"micro": prf(0, 0, 0, 0), "by_relation": {}}
    P = pipe.model.ops.to_numpy(pipe.model.predict(X))
    total = [0, 0, 0, 0]
    by: dict[str, dict[str, Any]] = {}
    for k, label in enumerate(pipe.labels):
        t = thresholds.get(label, pipe.cfg["threshold"])
        m = M[:, k] > 0
        pred = (P[:, k] >= t) & m
        if R is not None:
            pred |= (R[:, k] > 0) & m
        gold = (Y[:, k] > 0) & m
        c = int((pred & gold).sum())
        row = [c, int(pred.sum()), c, int(gold.sum())]
        if row[1] or row[3]:
            by[label] = prf(*row)
        total = [a + b for a, b in zip(total, row)]
    return {"micro": prf(*total), "by_relation": by}


def _tune_thresholds(pipe: RelationModel, X: PairBatch, Y: numpy.ndarray, M: numpy.ndarray,
                     settings: TrainSettings, R: numpy.ndarray | None = None, *,
                     probs: numpy.ndarray | None = None) -> dict[str, float]:
    """Per relation, the threshold of the grid in the middle of the near-best plateau of the tuning
    split's F1 for the rules and the model together, smoothed (kg.training.selection); ``probs``:
    the model's probabilities for ``X``'s pairs where they come from elsewhere than the network."""
    out: dict[str, float] = {}
    if not len(X):
        return out
    P = pipe.model.ops.to_numpy(pipe.model.predict(X)) if probs is None else probs
    for k, label in enumerate(pipe.labels):
        m = M[:, k] > 0
        gold = (Y[:, k] > 0) & m
        if gold.sum() < settings.min_threshold_support:
            continue
        fired = (R[:, k] > 0) & m if R is not None else numpy.zeros_like(m)
        f1s = []
        for t in settings.threshold_grid:
            pred = ((P[:, k] >= t) & m) | fired
            c = int((pred & gold).sum())
            f1s.append(prf(c, int(pred.sum()), c, int(gold.sum()))["f1"])
        # the tuning split is small: of the smoothed curve's near-best thresholds, the middle one,
        # which a retrain that moves a few pairs moves little (see kg.training.selection)
        out[label] = plateau_center(settings.threshold_grid, smoothed(f1s), settings.threshold_slack)
    return out


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("kg-builder")
    except Exception:  # not installed (a source checkout)
        return "unknown"
