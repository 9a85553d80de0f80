"""Pretrained word vectors for the trained relation model (off unless its network asks for them).

The vectors are the token embeddings of ``wordllama`` (MIT; its ``l2_supercat`` table: 32,000 subword
tokens x 256, learned from large text), read from the files its wheel ships: the package's own loader
looks for the tokenizer where the wheel does not put it and then downloads it, so this module reads the
two files itself and never touches the network. A spaCy token's vector is the mean of the vectors of the
subword tokens that overlap it (the text is tokenized once per document, the subwords mapped to spaCy
tokens by character offsets); a pair's vectors are the means over the subject, the object, the words
between them and the word on the dependency path that links them, each scaled to unit length.

The table and the tokenizer load once per process, on first use. Everything is float32, in a fixed order.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import numpy
from spacy.tokens import Doc

from ..errors import ModelError

__all__ = ["PARTS", "WIDTH", "pair_vectors", "token_vectors"]

#: The width of one token vector.
WIDTH = 256
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


def token_vectors(doc: Doc) -> numpy.ndarray:
    """One vector per spaCy token of ``doc`` (``len(doc) x WIDTH``, float32): the mean of the subword
    vectors whose characters (leading spaces left out) overlap the token's; zeros where none does."""
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
