"""The relation model's designs compared: each network of ``benchmarks/designs/*.cfg`` trained on the
same data, seed and features, then scored like the shipped model (bench_quality.py).

    .venv/bin/python benchmarks/bench_designs.py [--shared ../shared] [--json OUT]   # ~10 min a design

For each design: ``kg train --model-config DESIGN.cfg`` with make train's calibration (corpus/dev,
the news calibration articles and the public sets' tuning documents; a wide-only network also
averages three seeds, as make train does: the others cannot average weights) into a temporary
folder (the NER is the shipped one, kg/models/ner); the tuning-split F1 and the calibration F1
from its meta.json, the model's own time on 60 parsed articles, its size, and the quality sets of
bench_quality.py, scored with the thresholds that design tuned (a copy of kg/config.cfg with
them written in: the config's thresholds win over a model's own). The choice between designs is
made on the tuning split, the calibration articles and the seed article; the dev splits are
reported, not chosen on.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_quality  # noqa: E402
import confection  # noqa: E402

from kg.training.train import write_thresholds  # noqa: E402


def _wide_only(cfg: Path) -> bool:
    """Whether the design is the linear layer alone (the one network whose seeds make train averages)."""
    model = confection.Config().from_disk(cfg)["model"]
    return bool(model.get("wide")) and not model.get("embed_width") and not model.get("dense_width")


def _model_seconds(model_dir: Path, texts: list[str], config: Path) -> float:
    from kg.pipeline import load_pipeline

    nlp = load_pipeline(config=str(config), relation_model=str(model_dir))
    pipe = nlp.get_pipe("kg_relation_model")
    with nlp.select_pipes(disable=["kg_relation_model"]):
        docs = list(nlp.pipe(texts, batch_size=16))
    started = time.perf_counter()
    for doc in docs:
        pipe(doc)
    return round(time.perf_counter() - started, 2)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (data/ and eval/)")
    ap.add_argument("--designs", default=str(ROOT / "benchmarks" / "designs"), help="folder of [model] configs")
    ap.add_argument("--json", default=None, help="also write every figure to this JSON file")
    args = ap.parse_args()
    kg = str(Path(sys.executable).with_name("kg"))
    from kg.training.annotations import read_annotation_files

    sample = [d.text for d in read_annotation_files([ROOT / "data" / "dev" / "news-heldout.jsonl"])]
    results = {}
    with tempfile.TemporaryDirectory(prefix="kg-designs-") as tmp:
        for cfg in sorted(Path(args.designs).glob("*.cfg")):
            out = Path(tmp) / cfg.stem
            started = time.perf_counter()
            config = Path(tmp) / f"{cfg.stem}.cfg"
            subprocess.run([kg, "train", "--shared", str(Path(args.shared) / "data"), "--model-config", str(cfg),
                            "--calibrate", str(ROOT / "corpus" / "dev"), "--calibrate-public",
                            "--calibrate", str(ROOT / "data" / "dev" / "news-calibration.jsonl"),
                            *(["--average-seeds", "3"] if _wide_only(cfg) else []),
                            "--out", str(out), "-q"], check=True)
            meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))
            shutil.copyfile(ROOT / "kg" / "config.cfg", config)
            write_thresholds(config, meta["thresholds"])
            row = {
                "train_seconds": round(time.perf_counter() - started, 1),
                "size_bytes": sum(p.stat().st_size for p in out.iterdir()),
                "tune_f1": meta["scores"]["tune_pairs"]["micro"]["f1"],
                "tune_f1_model_alone": meta["scores"]["tune_pairs_model_alone"]["micro"]["f1"],
                "calibration_margin": meta["calibration"]["margin"],
                "calibration_f1": max(r["f1"] for r in meta["calibration"]["table"]),
                "model_seconds_60_articles": _model_seconds(out, sample, config),
                "thresholds": meta["thresholds"],
            }
            with tempfile.TemporaryDirectory(prefix="kg-quality-") as work:
                row["quality"] = bench_quality.run(Path(args.shared), str(config), Path(work), str(out))
            results[cfg.stem] = row
            print(cfg.stem, {k: v for k, v in row.items() if k != "quality"}, flush=True)
    print(f"{'design':<8} {'tune F1':>8} {'calibr. F1':>14} {'news-ho F1':>12} {'conll04 strict':>15} "
          f"{'redocred R':>11} {'seed F1':>8} {'size':>8}")
    for name, row in results.items():
        q = row["quality"]
        print(f"{name:<8} {row['tune_f1']:>8.3f} {row['calibration_f1']:>14.3f} "
              f"{q['news-heldout']['rules+model']['lenient']['f1']:>12.3f} "
              f"{q['conll04-dev']['rules+model']['strict']['f1']:>15.3f} "
              f"{q['redocred-dev']['rules+model']['lenient']['recall']:>11.3f} "
              f"{q['seed']['rules+model']['lenient']['f1']:>8.3f} {row['size_bytes'] / 1e6:>7.1f}M")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
