"""The networks of the trained relation model, in spaCy's registry.

``kg.RelationClassifier.v1`` scores candidate pairs for every relation at once
(one sigmoid per relation: a pair may hold two relations, or none). It is
"wide and deep", and either half can be switched off in the config, which
is how the designs compared in the README were trained:

- wide: a linear model over the hashed sparse features (``SparseLinear``:
  logistic regression with the hashing trick);
- deep: the same features embedded (``HashEmbed``, averaged per pair), next to
  the pipeline's token vectors for the two mentions and the words between
  them, through a hidden ReLU layer.

Pretrained word vectors (:mod:`kg.relations.vectors`, off unless ``vector_parts``
names the spans they are averaged over) go into the deep half, or into a linear
layer of their own (``vector_head = "linear"``) whose logits add to the wide
half's: the network stays linear, and ``make train`` can average its seeds.

The wide half is thinc's first ``SparseLinear``, whose indexing (kept in thinc
for compatibility, thinc issue #752) reads only ``hash_rows + nO`` of its
weights: all relations share one table of ``hash_rows`` weights, a feature's
weight for one relation being another feature's for the next. The layer with
a table per relation (``SparseLinear.v2``, 19 times the weights) was tried and
learned the tuning split no better (README, "Capacity and one more feature").

Input: :class:`PairBatch`; output: probabilities, one row per pair and one
column per label. Its backward pass takes the gradient of binary cross-entropy
with respect to the logits, ``probabilities - truth``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy
from spacy.util import registry
from thinc.api import Dropout, HashEmbed, Linear, Model, Relu, SparseLinear, chain
from thinc.types import Floats2d

__all__ = ["PairBatch", "build_relation_classifier"]


@dataclass
class PairBatch:
    """Features of a batch of candidate pairs."""

    keys: numpy.ndarray  #: uint64 feature ids of all pairs, concatenated
    lengths: numpy.ndarray  #: int32 number of ids of each pair
    dense: numpy.ndarray  #: float32 (pairs, dense width) token vectors; width 0 when unused
    #: float32 (pairs, vector width) pretrained word vectors (:mod:`kg.relations.vectors`); width 0 when unused
    vectors: numpy.ndarray | None = None

    def __post_init__(self) -> None:
        if self.vectors is None:
            self.vectors = numpy.zeros((len(self.lengths), 0), "float32")

    def __len__(self) -> int:
        return len(self.lengths)

    def select(self, rows: numpy.ndarray) -> PairBatch:
        """The pairs at ``rows``, in that order."""
        ends = numpy.cumsum(self.lengths)
        starts = ends - self.lengths
        keys = [self.keys[starts[r]:ends[r]] for r in rows]
        return PairBatch(numpy.concatenate(keys) if keys else self.keys[:0], self.lengths[rows],
                         self.dense[rows], self.vectors[rows])

    @staticmethod
    def concat(batches: list[PairBatch]) -> PairBatch:
        width = max((b.dense.shape[1] for b in batches), default=0)
        return PairBatch(numpy.concatenate([b.keys for b in batches]) if batches else numpy.zeros(0, "uint64"),
                         numpy.concatenate([b.lengths for b in batches]) if batches else numpy.zeros(0, "int32"),
                         numpy.concatenate([b.dense for b in batches]) if batches else
                         numpy.zeros((0, width), "float32"),
                         numpy.concatenate([b.vectors for b in batches]) if batches else None)


@registry.architectures("kg.RelationClassifier.v1")
def build_relation_classifier(wide: bool = True, hash_rows: int = 131072, embed_width: int = 0,
                              embed_rows: int = 16384, dense_width: int = 0, hidden_width: int = 64,
                              dropout: float = 0.1, nO: int | None = None, vector_parts: str = "",
                              vector_head: str = "deep", vector_source: str = "wordllama") -> Model[PairBatch, Floats2d]:
    """Wide (sparse linear) and/or deep (embedded features + token vectors -> ReLU) pair classifier.

    ``embed_width`` 0 and ``dense_width`` 0 switch the deep half off; ``wide`` false the wide half.
    ``dense_width`` is the width of the dense features the pipe gives (3 x the token vector width).
    ``vector_parts``: the spans the pretrained word vectors are averaged over (:mod:`kg.relations.vectors`,
    "subject object between trigger"; empty: none); ``vector_head`` where they go: "deep" (into the
    hidden layer) or "linear" (a linear layer of their own added to the logits: the network stays
    linear, so make train can still average the weights of several seeds); ``vector_source`` which
    vectors: "wordllama" (static) or "minilm" (contextual; :data:`kg.relations.vectors.SOURCES`).
    """
    from .vectors import PARTS, SOURCES

    parts_v = tuple(vector_parts.split())
    if any(p not in PARTS for p in parts_v) or vector_head not in {"deep", "linear"} or vector_source not in SOURCES:
        raise ValueError(f"kg.RelationClassifier.v1: vector_parts are among {PARTS}, vector_head deep or linear, "
                         f"vector_source one of {', '.join(SOURCES)}")
    vector_width = SOURCES[vector_source] * len(parts_v)
    deep_vectors = vector_width if vector_head == "deep" else 0
    if not wide and not embed_width and not dense_width and not vector_width:
        raise ValueError("kg.RelationClassifier.v1 needs wide = true, or embed_width or dense_width above 0")
    layers: list[Model] = []
    names: list[str] = []
    if wide:
        layers.append(SparseLinear(nO=nO, length=hash_rows))
        names.append("wide")
    if vector_width and not deep_vectors:
        layers.append(Linear(nO=nO, nI=vector_width))
        names.append("vlinear")
    if embed_width or dense_width or deep_vectors:
        if embed_width:
            layers.append(HashEmbed(embed_width, embed_rows, seed=7))
            names.append("embed")
        head = chain(Relu(nO=hidden_width), Dropout(dropout), Linear(nO=nO, nI=hidden_width))
        layers.append(head)
        names.append("deep")
    attrs = {"parts": tuple(names), "embed_width": embed_width, "dense_width": dense_width,
             "hidden_width": hidden_width}
    if vector_width:  # only then: a network without them serialises as it always did
        attrs.update({"vector_parts": " ".join(parts_v), "vector_width": vector_width, "deep_vectors": deep_vectors,
                      "vector_source": vector_source})
    model: Model[PairBatch, Floats2d] = Model(
        "kg_relation_classifier", _forward, init=_init, layers=layers, dims={"nO": nO}, attrs=attrs)
    return model


def _init(model: Model, X: PairBatch | None = None, Y: Floats2d | None = None) -> None:
    nO = model.get_dim("nO") if model.has_dim("nO") else None
    if nO is None and Y is not None:
        nO = Y.shape[1]
        model.set_dim("nO", nO)
    parts = dict(zip(model.attrs["parts"], model.layers))
    if "wide" in parts and nO is not None:
        parts["wide"].set_dim("nO", nO)
    if "deep" in parts:
        deep = parts["deep"]
        relu, _dropout, linear = deep.layers
        linear.set_dim("nO", nO)
        relu.set_dim("nI", model.attrs["embed_width"] + model.attrs["dense_width"]
                     + model.attrs.get("deep_vectors", 0))
        relu.initialize()
        linear.initialize()
    if "embed" in parts:
        parts["embed"].initialize()
    if "wide" in parts:
        parts["wide"].initialize()
    if "vlinear" in parts:
        parts["vlinear"].set_dim("nO", nO)
        parts["vlinear"].initialize()


def _forward(model: Model, X: PairBatch, is_train: bool) -> tuple[Floats2d, Callable]:
    ops = model.ops
    parts = dict(zip(model.attrs["parts"], model.layers))
    n = len(X)
    logits = None
    callbacks: list[Callable] = []
    if "wide" in parts:
        values = ops.alloc1f(len(X.keys)) + 1.0
        wide, bp_wide = parts["wide"]((X.keys, values, X.lengths.astype("int32")), is_train)
        logits = wide
        callbacks.append(bp_wide)
    deep_vectors = model.attrs.get("deep_vectors", 0)
    if "vlinear" in parts or deep_vectors:
        vectors = ops.asarray2f(X.vectors)
        if vectors.shape[1] != model.attrs["vector_width"]:
            raise ValueError(f"The relation model was trained on word vectors {model.attrs['vector_width']} "
                             f"wide; the features give {vectors.shape[1]}.")
    if "vlinear" in parts:
        vl, bp_vl = parts["vlinear"](vectors, is_train)
        logits = vl if logits is None else logits + vl
        callbacks.append(bp_vl)
    if "deep" in parts:
        pieces = []
        bp_embed: Callable | None = None
        if "embed" in parts:
            if len(X.keys):
                vecs, bp_vecs = parts["embed"](X.keys, is_train)
                pooled = ops.reduce_mean(vecs, X.lengths.astype("int32"))
            else:
                vecs, bp_vecs = None, None
                pooled = ops.alloc2f(n, model.attrs["embed_width"])
            pieces.append(pooled)

            def bp_pooled(d: Floats2d) -> None:
                if bp_vecs is not None:
                    bp_vecs(ops.backprop_reduce_mean(ops.asarray2f(d), X.lengths.astype("int32")))

            bp_embed = bp_pooled
        if model.attrs["dense_width"]:
            dense = ops.asarray2f(X.dense)
            if dense.shape[1] != model.attrs["dense_width"]:
                raise ValueError(f"The relation model was trained on dense features {model.attrs['dense_width']} "
                                 f"wide; this pipeline gives {dense.shape[1]}.")
            pieces.append(dense)
        if deep_vectors:
            pieces.append(vectors)
        H = ops.xp.hstack(pieces) if len(pieces) > 1 else pieces[0]
        deep, bp_deep = parts["deep"](H, is_train)
        logits = deep if logits is None else logits + deep
        ew = model.attrs["embed_width"]

        def bp_deep_all(d: Floats2d) -> None:
            dH = bp_deep(d)
            if bp_embed is not None:
                bp_embed(ops.xp.ascontiguousarray(dH[:, :ew]))

        callbacks.append(bp_deep_all)
    probs = ops.sigmoid(logits, inplace=False)

    def backprop(d_logits: Floats2d) -> PairBatch:
        for cb in callbacks:
            cb(d_logits)
        return X

    return probs, backprop
