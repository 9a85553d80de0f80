"""Entity spans: fine-tune the pipeline's NER on the annotated examples (``kg train --ner``).

A relation is only found between mentions the pipeline found, with the span
the gold has (``candidate_coverage`` in a training run's meta.json). The small
English model misses invented names, cuts "Nevada Highway Patrol" to
"Nevada" and takes companies for people. This stage continues training the
pipeline's own ``ner`` on our examples and the public sets, so it keeps its
labels and its way of working:

- a gold entity becomes the NER label the pipeline already gives that span when
  it fits the class (a demonym stays NORP), else the usual one (Company -> ORG,
  Country -> GPE, Product -> PRODUCT, ...);
- dates, amounts and the other labels the gold does not annotate are kept as
  the pipeline predicts them (pseudo-rehearsal), so they are not forgotten;
- the rest of the text is "not an entity" for the classes the gold annotates.

The result is a one-component spaCy pipeline folder (``kg/models/ner``),
which ``[kg] ner = "packaged"`` in the pipeline config puts in place of the
trained pipeline's NER.
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.util import minibatch
from thinc.api import fix_random_seed

from ..io import atomic_folder
from ..relations.scoring import doc_gold, normalize_span

__all__ = ["NER_LABELS", "blas_kernel", "ner_examples", "save_folder", "train_ner"]

#: Our classes -> the NER labels that fit them (the first is used where the pipeline gives none).
NER_LABELS = {
    "Person": ("PERSON",), "Organization": ("ORG",), "Company": ("ORG",), "GovernmentBody": ("ORG",),
    "Country": ("GPE", "NORP"), "Place": ("GPE", "LOC", "FAC"), "Product": ("PRODUCT", "ORG"),
}
#: NER labels whose spans the gold annotates (the others are kept as the pipeline predicts them).
_ANNOTATED = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "NORP"}


def blas_kernel() -> str:
    """The BLIS sub-configuration thinc's matrix products run on here ("haswell", "zen2", "skx",
    "generic" ...), or "" where it cannot be read.

    Training is deterministic for one kernel; another kernel rounds differently, and a fine-tune
    that starts from the same weights and data can then pick another epoch (on an AMD EPYC of family
    25, which this BLIS build does not know, it falls back to "generic"). A training run records it,
    so that whoever retrains can tell whether byte-identical weights are to be expected.
    """
    try:
        import ctypes

        import blis.cy

        lib = ctypes.CDLL(blis.cy.__file__)
        lib.bli_arch_string.restype = ctypes.c_char_p
        return lib.bli_arch_string(lib.bli_arch_query_id()).decode()
    except Exception:  # another BLAS, another build: nothing to record
        return ""


def save_folder(component: Any, meta: dict[str, Any], meta_name: str, out: Path) -> None:
    """Write a trained pipeline's or component's folder (its ``to_disk``) with ``meta`` as JSON in
    ``meta_name`` into ``out`` whole or not at all (:func:`kg.io.atomic_folder`, replacing the folder
    there before only once the new one is written)."""
    with atomic_folder(out, replace=True) as tmp:
        component.to_disk(tmp)
        (tmp / meta_name).write_text(json.dumps(meta, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def ner_examples(base: Language, golds: list[Doc]) -> list[Example]:
    """Training examples for the NER: gold entity spans, the base pipeline's other labels kept."""
    out = []
    for gold, pred in zip(golds, base.pipe((g.text for g in golds), batch_size=32)):
        ref = base.make_doc(gold.text)
        base_labels = {(e.start_char, e.end_char): e.label_ for e in pred.ents}
        spans: list[Span] = []
        taken: set[int] = set()
        for start, end, cls in doc_gold(gold)[0]:
            span = ref.char_span(start, end, alignment_mode="expand")
            if span is None or cls not in NER_LABELS or any(i in taken for i in range(span.start, span.end)):
                continue
            label = base_labels.get((span.start_char, span.end_char))
            if label not in NER_LABELS[cls]:
                label = NER_LABELS[cls][0]
            spans.append(Span(ref, span.start, span.end, label=label))
            taken |= set(range(span.start, span.end))
        for ent in pred.ents:
            if ent.label_ in _ANNOTATED or any(i in taken for i in range(ent.start, ent.end)):
                continue
            spans.append(Span(ref, ent.start, ent.end, label=ent.label_))
            taken |= set(range(ent.start, ent.end))
        ref.ents = sorted(spans, key=lambda s: s.start)
        out.append(Example(base.make_doc(gold.text), ref))
    return out


def _span_f1(nlp: Language, golds: list[Doc]) -> float:
    """F1 of predicted PERSON/ORG/GPE/LOC/FAC/PRODUCT/NORP spans against the gold entity spans."""
    correct = predicted = gold_n = 0
    for gold, doc in zip(golds, nlp.pipe((g.text for g in golds), batch_size=32)):
        text = gold.text
        g = {normalize_span(text, a, b) for a, b, _cls in doc_gold(gold)[0]}
        p = {normalize_span(text, e.start_char, e.end_char) for e in doc.ents if e.label_ in _ANNOTATED}
        correct += len(g & p)
        predicted += len(p)
        gold_n += len(g)
    prec = correct / predicted if predicted else 0.0
    rec = correct / gold_n if gold_n else 0.0
    return round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0


def train_ner(model: str, golds_train: list[Doc], golds_tune: list[Doc], out: str | Path, *, seed: int = 0,
              max_epochs: int = 10, patience: int = 3, batch_size: int = 16, dropout: float = 0.2,
              report: Callable[[dict[str, Any]], None] | None = None, tuned_on: str = "",
              average: bool = False) -> dict[str, Any]:
    """Continue training ``model``'s NER on the gold Docs; keep the epoch with the best span F1 on
    ``golds_tune``; write it as a one-component pipeline folder to ``out`` (atomically). Returns the meta.

    ``average``: score and keep the running average of the weights over the updates instead of the
    last update's (thinc's parameter averaging)."""
    started = time.perf_counter()
    fix_random_seed(seed)
    rng = random.Random(seed)
    base = spacy.load(model)
    examples = ner_examples(base, golds_train)
    nlp = spacy.blank(base.lang, vocab=base.vocab)
    nlp.add_pipe("ner", source=base)
    ner = nlp.get_pipe("ner")
    optimizer = nlp.resume_training()
    if average:
        optimizer.averages = {}
    history = [{"epoch": 0, "tune_span_f1": _span_f1(nlp, golds_tune)}]
    if report:
        report(history[0])
    best = (history[0]["tune_span_f1"], 0, ner.to_bytes())
    for epoch in range(1, max_epochs + 1):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, batch_size):
            ner.update(batch, sgd=optimizer, drop=dropout, losses=losses)
        with nlp.use_params(optimizer.averages if average else {}):
            row = {"epoch": epoch, "loss": round(float(losses.get("ner", 0.0)), 2),
                   "tune_span_f1": _span_f1(nlp, golds_tune)}
            weights = ner.to_bytes()
        history.append(row)
        if report:
            report(row)
        if row["tune_span_f1"] > best[0]:
            best = (row["tune_span_f1"], epoch, weights)
        elif epoch - best[1] >= patience:
            break
    ner.from_bytes(best[2])
    meta = {"base": model, "seed": seed, "blas_kernel": blas_kernel(), "tuned_on": tuned_on, "averaged": average,
            "epochs": history, "best_epoch": best[1],
            "tune_span_f1": best[0], "examples": len(examples), "seconds": round(time.perf_counter() - started, 1)}
    save_folder(nlp, meta, "kg_meta.json", Path(out))
    return meta
