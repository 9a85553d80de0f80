"""What the trained relation model adds to the rules, and how right it is where it adds.

    .venv/bin/python benchmarks/bench_model_margin.py FILE.jsonl [FILE.jsonl ...] [--threshold 0.3] [--json OUT]

Builds the annotated files three times and scores each graph strictly (mention spans) against them:
the rules alone (``--no-model``), rules + model at the shipped thresholds (``kg/config.cfg``), and
rules + model with every threshold lowered to ``--threshold``. The statements the model adds beyond
the rules at the low threshold, and how many of them are right, say whether the model knows more than
its thresholds let it say (benchmarks/README.md, *Retrains*, "What it adds is mostly wrong").
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thinc.api import Config  # noqa: E402

from kg.build import build  # noqa: E402
from kg.evaluate import evaluate_strict  # noqa: E402


def lowered_config(threshold: float, path: Path) -> Path:
    """``kg/config.cfg`` with the relation model's default and per-relation thresholds all at ``threshold``."""
    cfg = Config().from_disk(ROOT / "kg" / "config.cfg", interpolate=False)
    block = cfg["components"]["kg_relation_model"]
    block["threshold"] = threshold
    block["thresholds"] = {rel: threshold for rel in block.get("thresholds", {})}
    cfg.to_disk(path)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+", help="annotated JSON Lines (text and gold)")
    ap.add_argument("--threshold", type=float, default=0.3)
    ap.add_argument("--json", help="also write the figures here")
    args = ap.parse_args()
    runs = {}
    with tempfile.TemporaryDirectory(prefix="kg-margin-") as tmp:
        low = lowered_config(args.threshold, Path(tmp) / "low.cfg")
        for name, kwargs in (("rules", {"relation_model": False}), ("shipped", {}), ("lowered", {"config": low})):
            out = Path(tmp) / name
            build(args.files, out=out, cache=False, **kwargs)
            runs[name] = evaluate_strict(out / "graph.ttl", args.files)["micro"]
    base = runs["rules"]
    for name, m in runs.items():
        print(f"{name:8} P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}  "
              f"({m['correct']} correct of {m['predicted']}, {m['gold']} gold)")
    added = {name: {"correct": runs[name]["correct"] - base["correct"],
                    "predicted": runs[name]["predicted"] - base["predicted"]} for name in ("shipped", "lowered")}
    for name, a in added.items():
        print(f"the model beyond the rules, {name}: {a['correct']:+d} correct, {a['predicted']:+d} statements")
    if args.json:
        Path(args.json).write_text(json.dumps({"threshold": args.threshold, "files": args.files, "runs": runs,
                                               "added": added}, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
