"""Pretrained word vectors for the trained relation model (off unless its network asks for them).

The vectors are the token embeddings of ``wordllama`` (MIT; its ``l2_supercat`` table: 32,000 subword
tokens x 256, learned from large text), read from the files its wheel ships: the package's own loader
looks for the tokenizer where the wheel does not put it and then downloads it, so this module reads the
two files itself and never touches the network. A spaCy token's vector is the mean of the vectors of the
subword tokens that overlap it (the text is tokenized once per document, the subwords mapped to spaCy
tokens by character offsets); a pair's vectors are the means over the subject, the object, the words
between them and the word on the dependency path that links them, each scaled to unit length.

``vector_source = "minilm"`` reads contextual vectors instead: the last layer of all-MiniLM-L6-v2 (the
``encoder`` extra; :mod:`kg.relations.encoder`), not fine-tuned, each sentence read as one input and
averaged into spaCy's tokens the same way; a Doc encoded once is kept for the next epoch.

The table and the tokenizer load once per process, on first use. Everything is float32, in a fixed order.
"""

from __future__ import annotations

from collections import OrderedDict
from functools import lru_cache
from typing import Any

import numpy
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["PARTS", "SOURCES", "WIDTH", "pair_vectors", "token_vectors"]

#: The width of one token vector (wordllama's).
WIDTH = 256
#: The width of one token vector of each source: ``wordllama`` (static subword embeddings) or ``minilm``
#: (the last layer of all-MiniLM-L6-v2, a six-layer transformer read over each sentence: contextual).
SOURCES = {"wordllama": WIDTH, "minilm": 384}
#: The spans a pair's vectors can be averaged over, in the order they are laid out.
PARTS = ("subject", "object", "between", "trigger")
_WEIGHTS = "l2_supercat_256.safetensors"
_TOKENIZER = "l2_supercat_tokenizer_config.json"


@lru_cache(maxsize=1)
def _table() -> tuple[numpy.ndarray, Any]:
    """(the embedding table as float32, the tokenizer), read once from the wordllama wheel's files."""
    try:
        from importlib.resources import files

        from safetensors import safe_open
        from tokenizers import Tokenizer

        root = files("wordllama")
        with safe_open(str(root / "weights" / _WEIGHTS), framework="np") as fh:
            table = numpy.ascontiguousarray(fh.get_tensor("embedding.weight"), dtype="float32")
        tokenizer = Tokenizer.from_file(str(root / "tokenizers" / _TOKENIZER))
    except (ImportError, OSError) as exc:
        raise ModelError(f"This relation model reads wordllama's word vectors, which cannot be loaded ({exc}): "
                         "pip install wordllama==0.4.0.post1") from exc
    tokenizer.no_padding()
    tokenizer.no_truncation()
    return table, tokenizer


@lru_cache(maxsize=1)
def _encoder() -> tuple[Any, Any]:
    """all-MiniLM-L6-v2 as packaged (kg.relations.encoder), read once, never trained here."""
    from .encoder import load_encoder

    return load_encoder()


#: Encoded Docs by (text, token starts, sentence starts): training featurizes each Doc once an epoch;
#: the least recently used go once they hold more than _ENCODED_BYTES.
_ENCODED: OrderedDict[tuple[str, bytes, bytes], numpy.ndarray] = OrderedDict()
_ENCODED_BYTES = 2 << 30
_ENCODED_HELD = 0  #: bytes the cache holds


def _minilm_vectors(doc: Doc) -> numpy.ndarray:
    """The encoder's last layer per spaCy token, each sentence (or window of ``encoder.WINDOW`` subwords
    of a longer one) read as one input, all of a Doc's sentences in one padded batch."""
    starts = numpy.asarray([t.idx for t in doc], dtype="int64")
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    key = (doc.text, starts.tobytes(), numpy.asarray([s.start for s in sents], dtype="int64").tobytes())
    hit = _ENCODED.get(key)
    if hit is not None:
        _ENCODED.move_to_end(key)
        return hit.copy()
    out = _encode(doc)
    global _ENCODED_HELD
    _ENCODED[key] = out
    _ENCODED_HELD += out.nbytes
    while _ENCODED_HELD > _ENCODED_BYTES and len(_ENCODED) > 1:
        _ENCODED_HELD -= _ENCODED.popitem(last=False)[1].nbytes
    return out.copy()


def _encode(doc: Doc) -> numpy.ndarray:
    import torch

    from .encoder import sentence_inputs

    model, tokenizer = _encoder()
    if not len(doc):
        return numpy.zeros((0, SOURCES["minilm"]), dtype="float32")
    ids, mask, average = sentence_inputs(tokenizer, doc)
    with torch.inference_mode():
        hidden = model(input_ids=torch.from_numpy(ids), attention_mask=torch.from_numpy(mask)).last_hidden_state
    return average @ hidden.reshape(-1, SOURCES["minilm"]).numpy()


def token_vectors(doc: Doc, source: str = "wordllama") -> numpy.ndarray:
    """One vector per spaCy token of ``doc`` (``len(doc) x SOURCES[source]``, float32): the mean of the
    subword vectors whose characters (leading spaces left out) overlap the token's; zeros where none does."""
    if source == "minilm":
        return _minilm_vectors(doc)
    if source != "wordllama":
        raise ValueError(f"Unknown vector source {source!r}: one of {', '.join(SOURCES)}")
    table, tokenizer = _table()
    n = len(doc)
    out = numpy.zeros((n, table.shape[1]), dtype="float32")
    if not n:
        return out
    text = doc.text
    enc = tokenizer.encode(text, add_special_tokens=False)
    starts = numpy.asarray([t.idx for t in doc], dtype="int64")
    rows: list[int] = []
    subs: list[int] = []
    for sub, (a, b) in zip(enc.ids, enc.offsets):
        while a < b and text[a].isspace():
            a += 1
        if a >= b:
            continue
        first = int(numpy.searchsorted(starts, a, side="right")) - 1
        last = int(numpy.searchsorted(starts, b - 1, side="right")) - 1
        for i in range(max(first, 0), last + 1):
            rows.append(i)
            subs.append(sub)
    if rows:
        r = numpy.asarray(rows, dtype="int64")
        numpy.add.at(out, r, table[numpy.asarray(subs, dtype="int64")])
        counts = numpy.bincount(r, minlength=n).astype("float32")
        out /= numpy.maximum(counts, 1.0)[:, None]
    return out


def _unit(v: numpy.ndarray) -> numpy.ndarray:
    norm = float(numpy.linalg.norm(v))
    return v / norm if norm > 0 else v


def pair_vectors(vecs: numpy.ndarray, s: dict[str, Any], o: dict[str, Any], trigger: int,
                 parts: tuple[str, ...]) -> numpy.ndarray:
    """The pair's vectors (``len(parts) x WIDTH``): for each of ``parts`` the unit-length mean over the
    subject, the object, the tokens between them or the linking word ``trigger`` (-1: none; zeros)."""
    width = vecs.shape[1]
    out = numpy.zeros((len(parts) * width,), dtype="float32")
    lo, hi = min(s["end"], o["end"]), max(s["start"], o["start"])
    for k, part in enumerate(parts):
        if part == "subject":
            block = vecs[s["start"]:s["end"]]
        elif part == "object":
            block = vecs[o["start"]:o["end"]]
        elif part == "between":
            block = vecs[lo:hi] if hi > lo else vecs[:0]
        elif part == "trigger":
            block = vecs[trigger:trigger + 1] if trigger >= 0 else vecs[:0]
        else:
            raise ValueError(f"Unknown vector part {part!r}: one of {', '.join(PARTS)}")
        if len(block):
            out[k * width:(k + 1) * width] = _unit(block.mean(axis=0, dtype="float32"))
    return out
