"""The rules alone on the text the rules are read against: the figures "What moved" quotes.

    .venv/bin/python benchmarks/bench_readsets.py [--shared ../shared] [--json OUT] [--rows DIR] [--unread]

Each set's texts are built with ``kg build --no-model`` and scored strict (mention spans and the
relation, :func:`kg.evaluate.evaluate_strict`), correct / predicted statements:

| set | texts and gold | scored |
| --- | --- | --- |
| tr | ``data/train/articles-*.jsonl`` (the annotated training articles) | every relation |
| dk | ``data/pending/articles-{h,i,j,k}.jsonl`` | every relation |
| lo | ``data/pending/articles-{l,m,n,o}.jsonl`` | every relation |
| ps | ``data/pending/articles-{p,q,r,s}.jsonl`` | every relation |
| cal | ``data/dev/news-calibration.jsonl`` | every relation |
| c04 | CoNLL04 train (``shared/data/conll04``) | its four relations |
| rd400 | the first 400 documents of Re-DocRED dev (the training part, ``shared/data/redocred``) | its four company relations |
| tw | ``data/pending/articles-{t,u,v,w}.jsonl``, only with ``--unread`` | every relation, the whole only |

``--rows DIR`` writes each read set's missed and false statements, with the sentence they stand in,
to ``DIR/<set>.rows.json``, the material a reading is found on; never for ``tw``, which no one
working on the rules reads (``data/pending/README.md``): it is scored as a whole only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.evaluate import evaluate_strict  # noqa: E402
from kg.training.annotations import read_annotation_files, write_annotations  # noqa: E402
from kg.training.convert import conll04, redocred  # noqa: E402

REDOCRED_TRAIN = slice(0, 400)
PENDING = ROOT / "data" / "pending"


def _sets(shared: Path, unread: bool) -> dict[str, tuple[list, list[str] | None]]:
    def files(*names: str) -> list:
        return read_annotation_files([PENDING / f"articles-{n}.jsonl" for n in names])

    sets = {
        "tr": (read_annotation_files(sorted((ROOT / "data" / "train").glob("articles-*.jsonl"))), None),
        "dk": (files("h", "i", "j", "k"), None),
        "lo": (files("l", "m", "n", "o"), None),
        "ps": (files("p", "q", "r", "s"), None),
        "cal": (read_annotation_files([ROOT / "data" / "dev" / "news-calibration.jsonl"]), None),
        "c04": (list(conll04(shared / "data" / "conll04" / "conll04_train.json")),
                ["basedIn", "worksFor", "locatedIn", "livesIn"]),
        "rd400": (list(redocred(shared / "data" / "redocred" / "dev_revised.json", docs=REDOCRED_TRAIN)),
                  ["basedIn", "worksFor", "subsidiaryOf", "develops"]),
    }
    if unread:
        sets["tw"] = (files("t", "u", "v", "w"), None)
    return sets


def _sentence(text: str, row: dict) -> str:
    """The first sentence (or pair of sentences) of ``text`` that holds both mentions of ``row``."""
    sents = re.split(r"(?<=[.!?])\s+|\n+", text)
    a, b = row["subject"], row["object"]
    for i, sent in enumerate(sents):
        if a in sent and b in sent:
            return sent.strip()
        two = sent + " " + sents[i + 1] if i + 1 < len(sents) else ""
        if a in two and b in two:
            return two.strip()
    return ""


def score(name: str, docs: list, labels: list[str] | None, work: Path) -> dict:
    texts = work / f"{name}-texts"
    texts.mkdir(parents=True)
    for d in docs:
        (texts / f"{d.id}.txt").write_text(d.text, encoding="utf-8")
    gold = work / f"{name}.gold.jsonl"
    with gold.open("w", encoding="utf-8") as fh:
        write_annotations(docs, fh)
    build([texts], out=work / name, cache=False, relation_model=False)
    return evaluate_strict(work / name / "graph.ttl", [gold], relations=labels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (its data/)")
    ap.add_argument("--json", default=None, help="also write every set's counts to this JSON file")
    ap.add_argument("--rows", default=None, metavar="DIR", help="write the read sets' missed and false rows here")
    ap.add_argument("--unread", action="store_true", help="also score t-w, as a whole")
    args = ap.parse_args()
    figures = {}
    with tempfile.TemporaryDirectory(prefix="kg-readsets-") as tmp:
        for name, (docs, labels) in _sets(Path(args.shared), args.unread).items():
            res = score(name, docs, labels, Path(tmp))
            m = res["micro"]
            figures[name] = {k: m[k] for k in ("correct", "predicted", "gold", "precision", "recall", "f1")}
            print(f"{name:<6} {m['correct']:>5}/{m['predicted']:<5} gold {m['gold']:>5}  F1 {m['f1']:.3f}", flush=True)
            if args.rows and name != "tw":
                text_of = {d.id: d.text for d in docs}
                rows = {key: [{**r, "sentence": _sentence(text_of.get(r["document"], ""), r)}
                              for r in res[key]] for key in ("missed", "false_positives")}
                Path(args.rows).mkdir(parents=True, exist_ok=True)
                (Path(args.rows) / f"{name}.rows.json").write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
