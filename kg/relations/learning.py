"""The training half of the trained relation model: gold, loss, update, initialization, scores.

:class:`Learning` is a mixin of :class:`~kg.relations.model.RelationModel` (the
``kg_relation_model`` component), which keeps the inference half: features,
prediction, annotations and serialization. Gold relations are matched to the
candidate pairs (:mod:`kg.relations.candidates`) by mention spans or names
(:mod:`kg.relations.scoring` reads them off a Doc); the loss is squared error on
the relations a pair's classes can hold and the data annotates; labels come
from the training data (:meth:`Learning.initialize`); scores are strict and
span-level, named as spaCy's scorers name them.

It comes before :class:`~spacy.pipeline.TrainablePipe` among the component's
bases, so its ``update``, ``get_loss``, ``initialize`` and ``score`` are the ones
spaCy calls, not ``TrainablePipe``'s.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import numpy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.training import Example
from thinc.api import Optimizer
from thinc.types import Floats2d

from ..errors import ComponentError
from ..names import canonical_name
from .architectures import PairBatch
from .candidates import Candidate
from .features import FEATURES, PairFeaturizer
from .scoring import doc_gold, normalize_span, predicted_spans, strict_prf

__all__ = ["Learning"]


class Learning:
    """Mixin of :class:`~kg.relations.model.RelationModel`: the training half (gold, loss,
    update, initialize, score)."""

    def gold_matrix(self, examples: Iterable[Example], index: list[tuple[int, Candidate]]
                    ) -> tuple[numpy.ndarray, numpy.ndarray]:
        """(truth, mask) for each candidate row: 1 where the gold holds the relation; mask 0 where the
        example's data leaves a relation unannotated or the classes cannot hold it."""
        examples = list(examples)
        labels = self.labels
        col = {label: k for k, label in enumerate(labels)}
        truth = numpy.zeros((len(index), len(labels)), dtype="float32")
        mask = numpy.zeros((len(index), len(labels)), dtype="float32")
        cache: dict[int, tuple[dict, frozenset[str] | None]] = {}
        for row, (d, cand) in enumerate(index):
            if d not in cache:
                cache[d] = self._gold_pairs(examples[d])
            pairs, known = cache[d]
            doc = examples[d].predicted
            items = doc._.kg_entity_data
            s_keys = self.gold_keys(doc, items[cand.subject])
            o_keys = self.gold_keys(doc, items[cand.object])
            held: set[str] = set()
            for sk in s_keys:
                for ok in o_keys:
                    held |= pairs.get((sk, ok), set())
            for label in cand.relations:
                if label not in col:
                    continue
                if known is not None and label not in known:
                    continue
                mask[row, col[label]] = 1.0
                if label in held:
                    truth[row, col[label]] = 1.0
        return truth, mask

    def gold_relation_keys(self, reference: Doc) -> list[tuple[str, list[tuple[Any, Any]]]]:
        """Each relation the gold states as a fact, with the (subject, object) keys a candidate pair
        matches it by (see :meth:`gold_keys`): mention spans, or names, either way round when symmetric."""
        ents, rels, _known = doc_gold(reference)
        text = reference.text
        names = {}
        for a, b, _cls in ents:
            names[normalize_span(text, a, b)] = canonical_name(text[a:b])
        out = []
        for hs, he, cs, ce, label, modality in rels:
            if modality != "fact":
                continue  # "did not invest", "may buy": what the model learns a relation is not
            h, c = normalize_span(text, hs, he), normalize_span(text, cs, ce)
            keys = [(hk, ck) for hk in (h, ("name", names.get(h))) for ck in (c, ("name", names.get(c)))]
            if label in self.onto.symmetric:
                keys += [(ck, hk) for hk, ck in keys]
            out.append((label, keys))
        return out

    def _gold_pairs(self, eg: Example) -> tuple[dict[tuple[Any, Any], set[str]], frozenset[str] | None]:
        out: dict[tuple[Any, Any], set[str]] = {}
        for label, keys in self.gold_relation_keys(eg.reference):
            for key in keys:
                out.setdefault(key, set()).add(label)
        return out, doc_gold(eg.reference)[2]

    @staticmethod
    def gold_keys(doc: Doc, item: dict[str, Any]) -> list[Any]:
        """How a mention is matched to gold: its span; a coreferent one by its antecedent's name."""
        if item.get("via") == "coref":
            return [("name", item["name"])]
        start = doc[item["start"]].idx
        end = doc[item["end"] - 1].idx + len(doc[item["end"] - 1].text)
        return [normalize_span(doc.text, start, end)]

    def get_loss(self, examples: Iterable[Example], scores: Any) -> tuple[float, Floats2d]:
        probs, truth, mask = scores
        d = (probs - truth) * mask
        return float((d ** 2).sum()), d

    def update(self, examples: Iterable[Example], *, drop: float = 0.0, sgd: Optimizer | None = None,
               losses: dict[str, float] | None = None) -> dict[str, float]:
        losses = {} if losses is None else losses
        losses.setdefault(self.name, 0.0)
        examples = list(examples)
        batch, index = self.featurize(eg.predicted for eg in examples)
        if not index:
            return losses
        truth, mask = self.gold_matrix(examples, index)
        probs, backprop = self.model.begin_update(batch)
        loss, d = self.get_loss(examples, (self.model.ops.to_numpy(probs), truth, mask))
        backprop(self.model.ops.asarray2f(d))
        if sgd is not None:
            self.finish_update(sgd)
        losses[self.name] += loss
        return losses

    def initialize(self, get_examples: Callable[[], Iterable[Example]], *, nlp: Language | None = None,
                   labels: Iterable[str] | None = None) -> None:
        """Labels from ``labels`` or the gold of the examples; the network sized on a sample."""
        if labels is None:
            found: set[str] = set()
            for eg in get_examples():
                found |= {r[4] for r in doc_gold(eg.reference)[1]}
            labels = found
        for label in sorted(labels):
            self.add_label(label)
        if not self.labels:
            raise ComponentError("kg_relation_model.initialize: the examples hold no relation to learn.")
        attrs = self.model.attrs
        self.cfg["dense_width"] = int(attrs.get("dense_width", 0))
        if attrs.get("vector_width"):  # pretrained word vectors (kg.relations.vectors), only when asked for
            self.cfg["vector_parts"] = str(attrs["vector_parts"])
            self.cfg["vector_source"] = str(attrs.get("vector_source", "wordllama"))
        else:
            self.cfg.pop("vector_parts", None)
            self.cfg.pop("vector_source", None)
        self.cfg["features"] = FEATURES  # a model trained now reads today's features; older ones theirs
        # the trigger words it learns from, saved with it: an ontology edited later (a trigger added
        # for the rules) must not change what a trained model reads
        self.featurizer = PairFeaturizer(self.onto)
        self.cfg["triggers"] = {w: list(keys) for w, keys in self.featurizer.triggers.items()}
        sample = []
        for eg in get_examples():
            sample.append(eg)
            if len(sample) >= 20:
                break
        batch, index = self.featurize(eg.predicted for eg in sample)
        truth = numpy.zeros((max(1, len(index)), len(self.labels)), dtype="float32")
        if not index:
            batch = PairBatch(numpy.zeros(1, "uint64"), numpy.ones(1, "int32"),
                              numpy.zeros((1, self._dense_width()), "float32"),
                              numpy.zeros((1, self._vector_width()), "float32"))
        self.model.set_dim("nO", len(self.labels))
        self.model.initialize(X=batch, Y=truth)

    def score(self, examples: Iterable[Example], **kwargs: Any) -> dict[str, Any]:
        """Strict span-level scores of the examples' predicted relations against their gold
        (``rel_micro_p``/``_r``/``_f`` and ``rel_per_type``), as spaCy's scorers name them."""
        predicted: dict[str, list] = {}
        gold: dict[str, list] = {}
        texts: dict[str, str] = {}
        for n, eg in enumerate(examples):
            key = str(n)
            texts[key] = eg.reference.text
            predicted[key] = predicted_spans(eg.predicted)
            gold[key] = [r[:5] for r in doc_gold(eg.reference)[1] if r[5] == "fact"]
        res = strict_prf(predicted, gold, text_of=texts, onto=self.onto, labels=self.labels)
        micro = res["micro"]
        return {"rel_micro_p": micro["precision"], "rel_micro_r": micro["recall"], "rel_micro_f": micro["f1"],
                "rel_per_type": {k: {"p": v["precision"], "r": v["recall"], "f": v["f1"]}
                                 for k, v in res["by_relation"].items()}}
