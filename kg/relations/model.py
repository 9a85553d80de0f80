"""The trained relation model: the ``kg_relation_model`` spaCy component.

A :class:`~spacy.pipeline.TrainablePipe`. For every candidate pair of entity
mentions (:mod:`kg.relations.candidates`) it scores each relation of the
ontology with a probability (:mod:`kg.relations.features` for the features,
:mod:`kg.relations.architectures` for the network). Pairs above the
relation's threshold become relation records with ``extractor = "model"``,
their modality and qualifiers read by the same code as the rules'
(:mod:`kg.relations.modality`), and are merged with the rules' records
(:mod:`kg.relations.merge`). It runs after ``kg_relations``. A model folder
holding ``encoder/`` scores the pairs with a fine-tuned transformer instead, or
averages its probabilities with the network's (:mod:`kg.relations.encoder`, opt-in).

The trained weights ship in the package (``kg/models/relation_model/``,
made by ``kg train``); ``weights = null`` gives an untrained component to
train. Labels come from the training data (:meth:`RelationModel.initialize`).

The component is in two halves: this module holds the inference half (labels,
thresholds, features, prediction, annotations, serialization, the factory);
:mod:`kg.relations.learning` the training half (gold matrices, loss, ``update``,
``initialize``, ``score``), the mixin :class:`~kg.relations.learning.Learning`,
which comes before ``TrainablePipe`` among :class:`RelationModel`'s bases.
"""

from __future__ import annotations

import gzip
import json
import logging
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.language import Language
from spacy.pipeline import TrainablePipe
from spacy.tokens import Doc, Span, SpanGroup
from spacy.util import registry
from spacy.vocab import Vocab
from thinc.api import Config, Model
from thinc.types import Floats2d

from ..entities import ERROR_KEY, SPAN_KEY, guarded
from ..errors import ComponentError, ModelError
from ..ontology import Ontology, load_ontology
from .architectures import PairBatch
from .candidates import Candidate, candidate_pairs
from .features import DocContext, PairFeaturizer
from .learning import Learning
from .merge import merge_records, merges_into, rules_index
from .modality import Modality
from .readings import rows_by_doc, rule_columns, rule_readings
from .records import record, register
from .vectors import SOURCES, pair_vectors, token_vectors

__all__ = ["DEFAULT_MODEL_CONFIG", "PACKAGED_WEIGHTS", "RelationModel", "make_relation_model", "model_config"]

log = logging.getLogger(__name__)

#: Taken off the model's probability when a mention was resolved by coreference.
COREF_DISCOUNT = 0.1

#: Where the trained model ships (made by ``kg train``, see ``make train``).
PACKAGED_WEIGHTS = Path(__file__).resolve().parent.parent / "models" / "relation_model"

DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "kg.RelationClassifier.v1"
wide = true
hash_rows = 131072
embed_width = 0
embed_rows = 16384
dense_width = 0
hidden_width = 64
dropout = 0.1
nO = null
"""


class RelationModel(Learning, TrainablePipe):
    """Scores candidate pairs for every relation; adds those above threshold to ``doc._.relations``."""

    def __init__(self, vocab: Vocab, model: Model, name: str = "kg_relation_model", *, threshold: float = 0.5,
                 thresholds: dict[str, float] | None = None, max_tokens: int = 60, retype_threshold: float = 0.8,
                 ontology_dir: str | None = None) -> None:
        register()
        self.vocab = vocab
        self.model = model
        self.name = name
        self.onto: Ontology = load_ontology(ontology_dir)
        self.cfg: dict[str, Any] = {"labels": [], "dense_width": 0, "threshold": threshold,
                                    "thresholds": dict(thresholds or {}), "max_tokens": max_tokens,
                                    "retype_threshold": retype_threshold, "typed_candidates": False,
                                    "rule_features": True, "override_threshold": 0.9,
                                    # the feature set a model was trained on (saved with it; a model
                                    # saved before the setting existed read set 1)
                                    "features": 1}
        self.featurizer = PairFeaturizer(self.onto)
        #: a fine-tuned transformer that scores the pairs in place of the network or beside it
        #: (kg.relations.encoder; loaded from a model folder's encoder/, else None)
        self.encoder: Any = None
        self.modality = Modality(self.onto)
        self.light_verbs = set(self.onto.lexicon["relations"]["light_verbs"])
        #: the [model] block the network was made from, where known (saved beside the weights)
        self.network_config = ""

    # -- labels --------------------------------------------------------------------

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(self.cfg["labels"])

    def add_label(self, label: str) -> int:
        if label not in self.onto.relations:
            raise ComponentError(f"kg_relation_model: {label!r} is not a relation of the ontology; relations "
                                 f"are: {', '.join(sorted(self.onto.relations))}")
        if label in self.cfg["labels"]:
            return 0
        self.cfg["labels"] = sorted([*self.cfg["labels"], label])
        return 1

    def threshold(self, label: str) -> float:
        """The probability above which ``label`` is predicted (per relation, else the default)."""
        return float(self.cfg["thresholds"].get(label, self.cfg["threshold"]))

    def threshold_for(self, label: str, thresholds: dict[str, float]) -> float:
        """``label``'s threshold in ``thresholds``, else the default."""
        return float(thresholds.get(label, self.cfg["threshold"]))

    # -- features ------------------------------------------------------------------

    def _dense_width(self) -> int:
        return int(self.cfg.get("dense_width", 0))

    def _vector_parts(self) -> tuple[str, ...]:
        """The spans the pretrained word vectors are averaged over (none unless the network reads them)."""
        return tuple(str(self.cfg.get("vector_parts", "")).split())

    def _vector_source(self) -> str:
        return str(self.cfg.get("vector_source", "wordllama"))

    def _vector_width(self) -> int:
        """The width of a pair's pretrained vectors (0 unless the network reads them)."""
        return SOURCES[self._vector_source()] * len(self._vector_parts())

    def _candidates(self, docs: Iterable[Doc]) -> Iterator[tuple[int, Doc, list[dict[str, Any]], list[Candidate]]]:
        """(index, Doc, mentions, candidate pairs) of each Doc with two mentions or more."""
        for d, doc in enumerate(docs):
            if doc.user_data.get(ERROR_KEY):
                continue
            items = doc._.kg_entity_data or []
            if len(items) < 2:
                continue
            yield d, doc, items, list(candidate_pairs(doc, items, self.onto, max_tokens=self.cfg["max_tokens"],
                                                      typed=bool(self.cfg.get("typed_candidates", False))))

    def featurize(self, docs: Iterable[Doc], *, classes: bool = True) -> tuple[PairBatch, list[tuple[int, Candidate]]]:
        """Features of every candidate pair of ``docs``, and (doc index, candidate) of each row
        (``classes`` false: without the features that name the mentions' classes)."""
        keys: list[int] = []
        lengths: list[int] = []
        dense: list[numpy.ndarray] = []
        index: list[tuple[int, Candidate]] = []
        width = self._dense_width() // 3
        version = int(self.cfg.get("features", 1))
        parts_v = self._vector_parts()
        vectors: list[numpy.ndarray] = []
        for d, doc, items, cands in self._candidates(docs):
            ctx = DocContext(doc, items)
            rules = rule_readings(doc) if self.cfg.get("rule_features", True) else {}
            # the text tokenized (and encoded) once for all its pairs
            vecs = token_vectors(doc, self._vector_source()) if parts_v else None
            for cand in cands:
                s, o = items[cand.subject], items[cand.object]
                ids = self.featurizer.hashed(
                    ctx, s, o, rules.get((s["start"], s["end"], o["start"], o["end"]), ()),
                    rules.get((o["start"], o["end"], s["start"], s["end"]), ()), classes=classes,
                    version=version)
                keys += ids
                lengths.append(len(ids))
                if width:
                    dense.append(self.featurizer.dense(doc, ctx, s, o, width))
                if vecs is not None:
                    _, lca, _ = ctx.path(ctx.root(s["start"], s["end"]), ctx.root(o["start"], o["end"]))
                    inside = s["start"] <= lca < s["end"] or o["start"] <= lca < o["end"]
                    vectors.append(pair_vectors(vecs, s, o, -1 if inside else lca, parts_v))
                index.append((d, cand))
        batch = PairBatch(numpy.asarray(keys, dtype="uint64"), numpy.asarray(lengths, dtype="int32"),
                          numpy.vstack(dense) if dense else numpy.zeros((len(index), self._dense_width()), "float32"),
                          numpy.vstack(vectors) if vectors else
                          numpy.zeros((len(index), self._vector_width()), "float32"))
        return batch, index

    # -- prediction ----------------------------------------------------------------

    def predict(self, docs: Iterable[Doc]) -> tuple[Floats2d, list[tuple[int, Candidate]]]:
        docs = list(docs)
        if not self.labels:
            raise ComponentError("kg_relation_model has no labels: train it (kg train) or load trained weights.")
        if self.encoder is not None and self.encoder.combine == "replace":  # the network's features unused
            index = [(d, cand) for d, _, _, cands in self._candidates(docs) for cand in cands]
            return self._encoder_scores(docs, index), index
        batch, index = self.featurize(docs)
        if not index:
            return numpy.zeros((0, len(self.labels)), dtype="float32"), index
        scores = self.model.ops.to_numpy(self.model.predict(batch))
        if self.encoder is not None:  # "mean"
            scores = (scores + self._encoder_scores(docs, index)) / 2
        return scores, index

    def _encoder_scores(self, docs: list[Doc], index: list[tuple[int, Candidate]]) -> numpy.ndarray:
        """The encoder's probabilities for ``index``'s pairs, one Doc at a time."""
        out = numpy.zeros((len(index), len(self.labels)), dtype="float32")
        for d, rows in rows_by_doc(index).items():
            out[rows] = self.encoder.predict(self.encoder_inputs(docs[d], [index[r][1] for r in rows]))
        return out

    def encoder_inputs(self, doc: Doc, cands: Sequence[Candidate]) -> dict[str, Any]:
        """The encoder's inputs for ``cands`` of ``doc``, with what the rules read for each pair."""
        items = doc._.kg_entity_data
        readings = rule_readings(doc)
        pairs = [(items[c.subject], items[c.object]) for c in cands]
        rules = numpy.vstack([rule_columns(self.onto, self.labels, readings, s, o) for s, o in pairs]) \
            if pairs else numpy.zeros((0, len(self.labels)), "float32")
        return self.encoder.inputs(doc, pairs, rules)

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        scores = self.predict([doc])
        self.set_annotations([doc], scores)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterable[Doc]:
        for doc in stream:
            yield self(doc)

    def set_annotations(self, docs: Iterable[Doc], scores: tuple[Floats2d, list[tuple[int, Candidate]]]) -> None:
        docs = list(docs)
        probs, index = scores
        labels = self.labels
        col = {label: k for k, label in enumerate(labels)}
        thresholds = numpy.asarray([self.threshold(label) for label in labels], dtype="float32")
        chosen: dict[int, list[tuple[Candidate, str, float]]] = {}
        rows_of: dict[int, dict[tuple[int, int], int]] = {}  # doc -> (subject item, object item) -> row
        if len(index):
            probs = numpy.array(probs, dtype="float32")
            # a relation through a pronoun or description is only as sure as its resolution (the
            # rules take 0.1 off too)
            items_of = [doc._.kg_entity_data for doc in docs]
            coref = numpy.asarray([items_of[d][c.subject].get("via") == "coref"
                                   or items_of[d][c.object].get("via") == "coref"
                                   for d, c in index], dtype=bool)
            probs[coref] = numpy.maximum(probs[coref] - COREF_DISCOUNT, 0.0)
            above = probs >= thresholds[None, :]
            for row, k in zip(*numpy.nonzero(above)):
                d, cand = index[row]
                if labels[k] in cand.relations:
                    chosen.setdefault(d, []).append((cand, labels[k], float(probs[row, k])))
            for row, (d, cand) in enumerate(index):
                rows_of.setdefault(d, {})[(cand.subject, cand.object)] = row
        for d, doc in enumerate(docs):
            if doc.user_data.get(ERROR_KEY):
                continue
            items = doc._.kg_entity_data or []
            rules = doc._.kg_relation_data or []
            # the model's probability for what the rules read (kg why shows a disagreement)
            pair_scores: dict[tuple[int, int, str], float] = {}
            rows = rows_of.get(d, {})
            picks = chosen.get(d, [])
            at = {(it["start"], it["end"]): n for n, it in enumerate(items)} if rules else {}
            # the rules' records as (subject item, object item, predicate)
            ruled = [(at.get((r["s_start"], r["s_end"])), at.get((r["o_start"], r["o_end"])), r["predicate"])
                     for r in rules]
            for s, o, pred in ruled:
                row = rows.get((s, o))
                if row is not None and pred in col:
                    pair_scores[(s, o, pred)] = float(probs[row, col[pred]])
            if ruled and picks:
                # where the rules related the two mentions in this sentence, another relation from the
                # model has to be very sure: the rules name a relation precisely when they fire
                # (the other way round, only a symmetric relation agrees with them: "X restricts Y"
                # read by the rules makes the model's "Y restricts X" a relation of its own)
                read: dict[tuple[int, int], set[str]] = {}
                for s, o, pred in ruled:
                    family = self.onto.family(pred)
                    read.setdefault((s, o), set()).update(family)
                    read.setdefault((o, s), set()).update(family if pred in self.onto.symmetric else ())
                bar = float(self.cfg.get("override_threshold", 0.9))
                picks = [(cand, label, p) for cand, label, p in picks
                         if (cand.subject, cand.object) not in read or label in read[(cand.subject, cand.object)]
                         or p >= bar]
            # a dateline city kept for "AUSTIN, Texas" is where it is, and in no other relation
            picks = [(cand, label, p) for cand, label, p in picks if label == "locatedIn"
                     or not (items[cand.subject].get("dateline") or items[cand.object].get("dateline"))]
            kept = self._fit_classes(doc, items, rules, picks)
            found = self._records(doc, items, rules, kept) if kept else []
            doc._.kg_relation_data = merge_records(doc, rules, found, pair_scores, self.onto)

    def _records(self, doc: Doc, items: list[dict[str, Any]], rules: list[dict[str, Any]],
                 kept: list[tuple[Candidate, str, float]]) -> list[dict[str, Any]]:
        """The records of the model's predictions. One the merge folds into a rules record (most of
        them: the model agrees with the rules where they fire) keeps only what the merge reads."""
        sents = list(doc.sents)
        sent_starts = [sent.start for sent in sents]
        index = rules_index(rules, self.onto) if rules else {}
        starts = sorted({cand.sent_start for cand, _, _ in kept})
        ents_by_sent: dict[int, list[Span]] | None = None  # made when a full record is first needed
        found = []
        for cand, label, p in kept:
            s, o = items[cand.subject], items[cand.object]
            roots = _root(doc, s["start"], s["end"]), _root(doc, o["start"], o["end"])
            anchor = _lowest_common_head(doc[roots[0]], doc[roots[1]])
            trigger = doc[roots[0]] if anchor is None else anchor
            sent = sents[bisect_right(sent_starts, trigger.i) - 1]
            light = {"s_key": f"{s['cls']}/{s['name']}", "o_key": f"{o['cls']}/{o['name']}", "predicate": label,
                     "sent_start": sent.start_char, "confidence": round(min(0.99, max(0.05, p)), 3),
                     "extractor": "model"}
            if index and merges_into(index, light, self.onto):
                found.append(light)
                continue
            if ents_by_sent is None:
                ents_by_sent = {}
                for ent in doc.ents:
                    k = bisect_right(starts, ent.start) - 1
                    if k >= 0:
                        ents_by_sent.setdefault(starts[k], []).append(ent)
            found.append(self._record(doc, items, cand, label, p, ents_by_sent.get(cand.sent_start, []),
                                      roots, anchor, (sent.start_char, sent.end_char)))
        return found

    def _fit_classes(self, doc: Doc, items: list[dict[str, Any]], rules: list[dict[str, Any]],
                     chosen: list[tuple[Candidate, str, float]]) -> list[tuple[Candidate, str, float]]:
        """The predictions whose classes fit the relation's domain and range.

        A prediction at or above ``retype_threshold`` whose mention has a class the
        relation cannot take (the NER called a company a person) gives the mention
        the class the relation needs (``rdfs:domain``/``rdfs:range`` entail it), with
        every mention of the same name and class in the document, unless the class
        came from the gazetteer, a demonym or coreference.
        """
        onto = self.onto
        retype: dict[tuple[str, str], tuple[float, str]] = {}  # (name, cls) -> (p, new class)
        for cand, label, p in chosen:
            rel = onto.relations[label]
            for n, allowed in ((cand.subject, rel.domain), (cand.object, rel.range)):
                it = items[n]
                if onto.fits(it["cls"], allowed):
                    continue
                new = _concrete(onto, allowed)
                if new is None or it.get("via") not in {"", None} or p < self.cfg["retype_threshold"]:
                    continue
                key = (it["name"], it["cls"])
                if key not in retype or p > retype[key][0]:
                    retype[key] = (p, new)
        dropped: set[int] = set()
        if retype:
            # a rules record the new class would break: the surer of the two wins (the rules keep
            # the class when their record is as confident as the model, else the record goes)
            clashes: dict[tuple[str, str], list[int]] = {}
            for n, r in enumerate(rules):
                for side, allowed in (("s", onto.relations[r["predicate"]].domain),
                                      ("o", onto.relations[r["predicate"]].range)):
                    key = (r[f"{side}_name"], r[f"{side}_cls"])
                    if key in retype and not onto.fits(retype[key][1], allowed):
                        clashes.setdefault(key, []).append(n)
            for key, records in clashes.items():
                if max(rules[n]["confidence"] for n in records) >= retype[key][0]:
                    del retype[key]
                else:
                    dropped.update(records)
            if dropped:
                rules[:] = [r for n, r in enumerate(rules) if n not in dropped]
        if retype:
            old_keys = {}
            for it in items:
                hit = retype.get((it["name"], it["cls"]))
                if hit is not None:
                    old_keys[f"{it['cls']}/{it['name']}"] = f"{hit[1]}/{it['name']}"
                    it["cls"] = hit[1]
            for r in rules:  # the rules' records of a retyped entity follow it
                for side in ("s", "o"):
                    new_key = old_keys.get(r[f"{side}_key"])
                    if new_key is not None:
                        r[f"{side}_key"], r[f"{side}_cls"] = new_key, new_key.split("/", 1)[0]
            doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=[
                Span(doc, it["start"], it["end"], label=it["cls"]) for it in items])
        return [(cand, label, p) for cand, label, p in chosen
                if onto.fits(items[cand.subject]["cls"], onto.relations[label].domain)
                and onto.fits(items[cand.object]["cls"], onto.relations[label].range)]

    def _record(self, doc: Doc, items: list[dict[str, Any]], cand: Candidate, label: str, p: float,
                sent_ents: list[Span], ctx_root: tuple[int, int], anchor: Any,
                sentence: tuple[int, int]) -> dict[str, Any]:
        """The full record of a prediction: ``ctx_root`` the two mentions' head tokens, ``anchor`` the
        word that links them (or None), ``sentence`` the characters of the trigger's sentence."""
        s, o = items[cand.subject], items[cand.object]
        rel = self.onto.relations[label]
        if anchor is None or anchor.i in ctx_root or anchor.pos_ in {"PROPN"}:
            modality = "fact"  # "Vantrel CEO Tunde Okafor", "Kawamoto, the Japanese carmaker": presupposed
            trigger = doc[ctx_root[0]] if anchor is None else anchor
        else:
            trigger = anchor
            if anchor.pos_ == "NOUN" and any(c.dep_ == "poss" for c in anchor.children):
                modality = "fact"
            else:
                target = anchor.head if anchor.pos_ == "NOUN" and anchor.head.lemma_.lower() in self.light_verbs \
                    else anchor
                modality = self.modality._modality(target)
        if modality == "fact":
            modality = self._path_modality(doc, ctx_root[0], ctx_root[1], anchor)
        sent_ents = [e for e in sent_ents if e.start < cand.sent_end]
        quals = self.modality._qualifiers(trigger, sent_ents, rel, "", "")
        return record(doc, s, label, o, p, trigger, modality, quals, extractor="model", sentence=sentence)

    def _path_modality(self, doc: Doc, a: int, b: int, anchor: Any) -> str:
        """Negation or hedging on the words that link the two mentions, below the clause's verb:
        "X remains unavailable in Y", "X is unable to supply Y", "a possible deal with Y"."""
        path: list[Any] = []
        for start in (doc[a], doc[b]):
            node = start
            while anchor is not None and node.i != anchor.i and node.head.i != node.i:
                node = node.head
                if node.i != anchor.i:
                    path.append(node)
        for tok in path:
            lemma = tok.lemma_.lower()
            if lemma in self.modality.negations or any(c.dep_ == "neg" for c in tok.children):
                return "negated"
            if lemma in self.modality.hedges and tok.pos_ in {"ADJ", "ADV"}:
                return "hypothetical"
        return "fact"

    # -- serialization -------------------------------------------------------------

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # the standard library's JSON: srsly's reads 0.95 back as 0.9500000000000001
        (path / "cfg.json").write_text(json.dumps(self.cfg, indent=2, sort_keys=True) + "\n", encoding="utf-8")
        if self.network_config:  # the network the weights belong to, so the folder loads on its own
            (path / "network.cfg").write_text(self.network_config, encoding="utf-8")
        # most rows of the hashed feature table are never touched: zeros compress 20 to 1
        with gzip.GzipFile(path / "model.bin.gz", "wb", compresslevel=6, mtime=0) as fh:
            fh.write(self.model.to_bytes())
        if self.encoder is not None:
            self.encoder.to_disk(path / "encoder")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> RelationModel:
        path = Path(path)
        try:
            cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
            data = gzip.decompress((path / "model.bin.gz").read_bytes())
            network = (path / "network.cfg").read_text(encoding="utf-8") if (path / "network.cfg").is_file() else ""
        except (OSError, ValueError, EOFError) as exc:
            raise ModelError(f"Cannot read the relation model in {path}: {exc}. Train one with `kg train` "
                             "or reinstall kg-builder.") from exc
        if network and network != self.network_config:
            self.model = registry.resolve(Config().from_str(network))["model"]
            self.network_config = network
        self._load(cfg, data, str(path))
        if (path / "encoder").is_dir():
            from .encoder import PairEncoder

            self.encoder = PairEncoder.from_disk(path / "encoder")
            if self.encoder.labels != list(self.labels):
                raise ModelError(f"The relation encoder in {path / 'encoder'} predicts {self.encoder.labels}, "
                                 f"the model {list(self.labels)}: retrain it.")
        else:
            self.encoder = None
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        msg = {"cfg": self.cfg, "model": self.model.to_bytes()}
        if self.encoder is not None:
            msg["encoder"] = self.encoder.to_bytes()
        return srsly.msgpack_dumps(msg)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> RelationModel:
        msg = srsly.msgpack_loads(data)
        self._load(msg["cfg"], msg["model"], "the serialized component")
        self.encoder = None
        if msg.get("encoder") is not None:
            from .encoder import PairEncoder

            self.encoder = PairEncoder.from_bytes(msg["encoder"])
        return self

    def _load(self, cfg: dict[str, Any], model_bytes: bytes, where: str) -> RelationModel:
        """Take a trained model's settings and weights; the pipeline config's inference settings
        (thresholds, retype threshold) win over the ones saved with it."""
        keep = {k: self.cfg[k] for k in ("threshold", "retype_threshold")}
        configured = dict(self.cfg["thresholds"])
        unknown = [label for label in cfg.get("labels", []) if label not in self.onto.relations]
        if unknown:
            raise ModelError(f"The relation model in {where} predicts {', '.join(unknown)}, which the ontology "
                             f"{self.onto.directory} does not define: give the ontology it was trained with "
                             "(kg build --ontology EXTRA.ttl).")
        self.cfg.update(cfg)
        self.cfg.update(keep)
        # the trigger words it was trained with; a model saved before they were kept reads the ontology's
        self.featurizer = PairFeaturizer(self.onto)
        if "triggers" in cfg:
            self.featurizer.triggers = {w: list(keys) for w, keys in cfg["triggers"].items()}
        self.cfg["thresholds"] = {**cfg.get("thresholds", {}), **configured}
        self.model.set_dim("nO", len(self.labels))
        dummy = PairBatch(numpy.zeros(1, "uint64"), numpy.ones(1, "int32"),
                          numpy.zeros((1, self._dense_width()), "float32"),
                          numpy.zeros((1, self._vector_width()), "float32"))
        self.model.initialize(X=dummy, Y=numpy.zeros((1, len(self.labels)), dtype="float32"))
        self.model.from_bytes(model_bytes)
        return self


#: The class a mention takes when a relation needs one of these and it has none of them.
_RETYPE = {"Person": "Person", "Organization": "Company", "Company": "Company", "Actor": "Company",
           "Location": "Place", "Place": "Place", "Product": "Product", "GovernmentBody": "GovernmentBody",
           "Country": "Country"}


def _concrete(onto: Ontology, allowed: frozenset[str]) -> str | None:
    """The class a mention gets to fit ``allowed`` (a relation's domain or range), or None when unclear."""
    if len(allowed) != 1:
        return None
    (cls,) = allowed
    return _RETYPE.get(cls)


def _root(doc: Doc, start: int, end: int) -> int:
    span: Span = doc[start:end]
    return span.root.i


def _lowest_common_head(a: Any, b: Any) -> Any:
    up = {a.i}
    node = a
    while node.head.i != node.i:
        node = node.head
        up.add(node.i)
    node = b
    while node.i not in up:
        if node.head.i == node.i:
            return None
        node = node.head
    return node


def model_config(weights: str | Path) -> Config | None:
    """The network config a trained model folder was made with (its ``meta.json``), or None."""
    meta = Path(weights) / "meta.json"
    if not meta.is_file():
        return None
    data = json.loads(meta.read_text(encoding="utf-8"))
    return Config().from_str(data["model_config"]) if data.get("model_config") else None


@Language.factory(
    "kg_relation_model",
    default_config={"model": Config().from_str(DEFAULT_MODEL_CONFIG)["model"], "weights": "packaged",
                    "threshold": 0.5, "thresholds": {}, "max_tokens": 60, "retype_threshold": 0.8,
                    "ontology_dir": None},
    assigns=["doc._.relations"],
    requires=["token.dep", "doc._.kg_entities"],
)
def make_relation_model(nlp: Language, name: str, model: Model, weights: str | None, threshold: float,
                        thresholds: dict[str, float], max_tokens: int, retype_threshold: float,
                        ontology_dir: str | None) -> RelationModel:
    """Factory of the ``kg_relation_model`` component.

    ``weights``: a folder made by ``kg train`` (or ``"packaged"``, the model that ships with
    kg-builder; ``null`` for an untrained component). The folder's own network config
    replaces ``model``, so weights always load into the network they were trained in.
    ``thresholds``: per-relation probabilities above which a relation is kept (else ``threshold``).
    """
    if "kg_entities" not in nlp.pipe_names:
        raise ValueError("kg_relation_model needs 'kg_entities' earlier in the pipeline (and 'kg_relations' "
                         f"to merge with the rules). Current pipes: {nlp.pipe_names}")
    path = None
    network = ""
    if weights:
        path = PACKAGED_WEIGHTS if weights == "packaged" else Path(weights)
        saved = model_config(path)
        if saved is not None:
            model = registry.resolve(saved)["model"]
            network = saved.to_str()
        elif weights == "packaged" or path.exists():
            raise ModelError(f"No trained relation model in {path} (no meta.json). "
                             + ("Run `make train` to build the packaged one, or set weights = null."
                                if weights == "packaged" else "Train one with `kg train --out DIR`."))
        else:
            # spacy.load of a pipeline saved with nlp.to_disk: its own folder restores the weights
            log.warning("No trained relation model in %s; kg_relation_model starts untrained unless the "
                        "pipeline's own folder gives it weights (spacy.load does)", path)
            path = None
    pipe = RelationModel(nlp.vocab, model, name, threshold=threshold, thresholds=thresholds,
                         max_tokens=max_tokens, retype_threshold=retype_threshold, ontology_dir=ontology_dir)
    pipe.network_config = network
    if path is not None:
        pipe.from_disk(path)
    return pipe
