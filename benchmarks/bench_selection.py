"""The selection set's F1: how a retrained relation model is chosen against the shipped one.

    .venv/bin/python benchmarks/bench_selection.py [--candidate DIR --candidate-config DIR.cfg] [--json OUT]
    .venv/bin/python benchmarks/bench_selection.py --rules-alone   # what the shipped model adds to the rules
    .venv/bin/python benchmarks/bench_selection.py --set unread ...  # the never-read selection news instead

Builds the selection set (the annotated news `h`-`k` and the calibration news: no model is trained on them,
and no unseen set is among them) with the shipped relation model and its thresholds (``kg/config.cfg``),
and, with ``--candidate``, with a model from ``kg train --out DIR`` and the config its ``--write-config``
wrote; each graph is scored lenient over the five files at once, as ``kg eval GRAPH --gold F1,...,F5
--json`` does (its ``relations``). A retrain ships only if its F1 beats the shipped model's by more than
0.005 (benchmarks/README.md, *What moved*) and, scored strict on the same documents resampled 1,000
times (:func:`kg.relations.scoring.paired_bootstrap`), reads better in at least 95% of the resamples.

``--set unread`` builds and scores ``data/dev/news-selection-*.jsonl`` instead: news written apart on
2026-12-08 for choosing models, which no one working on the rules has read (the rules were written on
the text of the default set, so what a model adds beyond them shows little there).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.evaluate import evaluate, evaluate_strict  # noqa: E402
from kg.relations.scoring import paired_bootstrap  # noqa: E402

SELECTION = [*(f"data/pending/articles-{k}.jsonl" for k in "hijk"), "data/dev/news-calibration.jsonl"]
#: The selection sets: the default one (read), and the never-read news written for choosing models.
SETS = {"read": SELECTION,
        "unread": sorted(str(p.relative_to(ROOT)) for p in (ROOT / "data" / "dev").glob("news-selection-*.jsonl"))}
_KEYS = ("precision", "recall", "f1", "correct", "predicted", "gold")


def score(work: Path, relation_model: bool | str = True, config: str | None = None,
          selection: list[str] = SELECTION) -> tuple[dict, dict]:
    """The selection set built with ``relation_model`` (and ``config``) into ``work``: its lenient scores,
    and its strict counts by document (for the paired resampling)."""
    files = [str(ROOT / f) for f in selection]
    build(files, out=work, cache=False, relation_model=relation_model, config=config)
    rel = evaluate(work / "graph.ttl", files)["relations"]
    return {k: rel[k] for k in _KEYS}, evaluate_strict(work / "graph.ttl", files)["by_document"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--candidate", help="a model folder from kg train --out DIR")
    ap.add_argument("--candidate-config", help="the config kg train --write-config wrote for it")
    ap.add_argument("--rules-alone", action="store_true",
                    help="also build the set with the rules alone and compare the shipped model with them")
    ap.add_argument("--set", choices=sorted(SETS), default="read",
                    help="read: h-k and the calibration news (default); unread: data/dev/news-selection-*.jsonl")
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    selection = SETS[args.set]
    if not selection:
        ap.error(f"no files for the {args.set} set")
    runs, counts = {}, {}
    with tempfile.TemporaryDirectory(prefix="kg-selection-") as tmp:
        runs["shipped"], counts["shipped"] = score(Path(tmp) / "shipped", selection=selection)
        if args.rules_alone:
            runs["rules alone"], counts["rules alone"] = score(Path(tmp) / "rules", False, selection=selection)
        if args.candidate:
            runs["candidate"], counts["candidate"] = score(Path(tmp) / "candidate", args.candidate,
                                                           args.candidate_config, selection=selection)
    for name, m in runs.items():
        print(f"{name:11} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  "
              f"({m['correct']} right of {m['predicted']}, {m['gold']} gold)")
    out = {"set": args.set, "files": selection, "runs": runs}
    if "rules alone" in runs:
        paired = out["shipped_vs_rules_alone"] = paired_bootstrap(counts["rules alone"], counts["shipped"])
        print(f"shipped - rules alone: F1 {runs['shipped']['f1'] - runs['rules alone']['f1']:+.3f}; strict "
              f"{paired['difference']:+.3f} (95% {paired['low']:+.3f} to {paired['high']:+.3f}), better in "
              f"{paired['share_better']:.0%} of {paired['samples']} resamples of the {paired['documents']} documents")
    if "candidate" in runs:
        gain = runs["candidate"]["f1"] - runs["shipped"]["f1"]
        paired = out["paired_strict"] = paired_bootstrap(counts["shipped"], counts["candidate"])
        ships = gain > 0.005 and paired["share_better"] >= 0.95
        print(f"candidate - shipped: F1 {gain:+.3f}; strict {paired['difference']:+.3f} (95% {paired['low']:+.3f} "
              f"to {paired['high']:+.3f}), better in {paired['share_better']:.0%} of {paired['samples']} resamples "
              f"of the {paired['documents']} documents ({'ships' if ships else 'not better beyond noise: does not ship'})")
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
