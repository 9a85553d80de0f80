"""The build's two speed-ups of spaCy's own stages, checked: where spaCy's time goes, and that the
speed-ups change nothing.

    .venv/bin/python benchmarks/check_speedups.py [--json OUT]   # ~3 min here

1. Each stage of the stock trained pipeline timed alone on the speed benchmark's corpus (the 400
   generated documents of ``bench_build.py``): the attribute ruler's share is what
   ``kg/attribute_index.py`` is for.
2. The attribute ruler's matches, spaCy's ``Matcher`` against :class:`kg.attribute_index.IndexedMatch`,
   on that corpus and on the annotated news of ``data/`` (each document parsed up to the ruler once):
   documents, matches, documents whose matches differ, and each matcher's time.
3. The annotations (tags, parts of speech, dependencies, heads, lemmas, entities) of the stock
   pipeline against the same pipeline with :func:`kg.matrix.use_numpy_blas`, on the annotated
   news: documents whose annotations differ, and each pipeline's time.
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

#: the annotated news the comparisons read (texts only; no score is computed on them)
NEWS = ["data/train/*.jsonl", "data/pending/*.jsonl", "data/dev/*.jsonl"]


def _news() -> list[str]:
    texts = []
    for pattern in NEWS:
        for path in sorted(glob.glob(str(ROOT / pattern))):
            with open(path, encoding="utf-8") as fh:
                texts += [json.loads(line)["text"] for line in fh if line.strip()]
    return texts


def _annotations(doc) -> str:
    return hashlib.sha1(repr([(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_)
                              for t in doc]).encode()).hexdigest()


def stage_times(nlp, texts: list[str], batch_size: int = 16) -> dict[str, float]:
    """Each stage of ``nlp`` alone on ``texts``, in pipeline order, with the tokenizer first."""
    times = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        times[name] = time.perf_counter() - started
    return times


def ruler_matches(nlp, texts: list[str]) -> dict:
    from kg.attribute_index import IndexedMatch

    ruler = nlp.get_pipe("attribute_ruler")
    after = nlp.pipe_names[nlp.pipe_names.index("attribute_ruler"):]
    with nlp.select_pipes(disable=after):
        docs = list(nlp.pipe(texts, batch_size=16))
    started = time.perf_counter()
    stock = [type(ruler).match(ruler, d) for d in docs]
    stock_s = time.perf_counter() - started
    index = IndexedMatch(ruler)
    started = time.perf_counter()
    indexed = [index(d) for d in docs]
    indexed_s = time.perf_counter() - started
    return {"documents": len(docs), "matches": sum(len(m) for m in stock),
            "documents_differing": sum(a != b for a, b in zip(stock, indexed)),
            "matcher_s": stock_s, "index_s": indexed_s}


def numpy_annotations(model: str, texts: list[str]) -> dict:
    import spacy

    from kg.matrix import use_numpy_blas

    out = {}
    hashes = {}
    for kind in ("blis", "numpy"):
        nlp = spacy.load(model)
        if kind == "numpy":
            use_numpy_blas(nlp)
        started = time.perf_counter()
        hashes[kind] = [_annotations(d) for d in nlp.pipe(texts, batch_size=16)]
        out[f"{kind}_s"] = time.perf_counter() - started
    out["documents"] = len(texts)
    out["documents_differing"] = sum(a != b for a, b in zip(hashes["blis"], hashes["numpy"]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=400, help="documents of the generated corpus (default 400)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    args = ap.parse_args()
    import spacy

    from bench_build import make_corpus
    from kg.pipeline import model_name

    model = model_name()
    with tempfile.TemporaryDirectory(prefix="kgspeedups-") as tmp:
        make_corpus(Path(tmp), args.docs, 200)
        corpus = [p.read_text(encoding="utf-8") for p in sorted(Path(tmp).glob("*.txt"))]
    news = _news()
    figures: dict = {"model": model, "spacy": spacy.__version__}
    figures["stages_s"] = stage_times(spacy.load(model), corpus)
    print("stock pipeline, each stage alone, %d documents:" % len(corpus))
    for name, s in figures["stages_s"].items():
        print(f"  {name:<16} {s:6.2f} s")
    print(f"  {'total':<16} {sum(figures['stages_s'].values()):6.2f} s")
    figures["ruler"] = ruler_matches(spacy.load(model), corpus + news)
    r = figures["ruler"]
    print(f"attribute ruler: {r['documents']} documents, {r['matches']} matches, {r['documents_differing']} "
          f"documents differing; Matcher {r['matcher_s']:.2f} s, index {r['index_s']:.2f} s")
    figures["numpy"] = numpy_annotations(model, news)
    n = figures["numpy"]
    print(f"matrix products: {n['documents']} documents, {n['documents_differing']} with other annotations; "
          f"BLIS {n['blis_s']:.2f} s, numpy {n['numpy_s']:.2f} s")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
