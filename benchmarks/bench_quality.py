"""Extraction quality on text the extractors were not tuned on: rules alone vs rules + model.

    .venv/bin/python benchmarks/bench_quality.py [--shared ../shared] [--relation-model DIR] [--json OUT]
    .venv/bin/python benchmarks/bench_quality.py --markdown OUT   # the README's tables from a run's figures

For each evaluation set it builds the texts twice (``kg build --no-model`` and
the default, rules + model) and scores the graphs:

| set | texts | gold | scoring |
| --- | --- | --- | --- |
| news-heldout | ``data/dev/news-heldout.jsonl``: 30 news articles written apart from the training data, never tuned on | the same file | lenient and strict |
| news-calibration | ``data/dev/news-calibration.jsonl``: the other 30 (the thresholds' margin is chosen on them) | the same file | lenient and strict |
| news-unread | ``data/pending/articles-{t,u,v,w}.jsonl``: 140 articles written apart and never read (no rule, example or threshold comes from them), scored only as a whole | the same files | lenient and strict |
| conll04-dev | CoNLL04 dev (``shared/eval/conll04-dev``; strict: ``shared/data/conll04``) | shared gold | lenient (``--gold-relations-only``) and strict |
| redocred-dev | the last 100 documents of Re-DocRED dev (``shared/eval/redocred-dev``) | shared gold | lenient (recall is the target) and strict |
| seed | the first corpus article | ``shared/eval/seed.*.tsv`` | lenient |
| corpus-dev | ``corpus/dev`` (the rules' own development set) | ``corpus/dev/gold`` | lenient |

Lenient scoring is :func:`kg.evaluate.evaluate` (the shared ``score.py``'s rules,
names at corpus level); strict is :func:`kg.evaluate.evaluate_strict` (mention
spans). Nothing here was used to train the model; its thresholds are tuned on
the tuning split ``kg train`` carves out of the training data and raised by a
margin chosen on corpus-dev and news-calibration (so those two sets are not
unseen text; news-heldout, news-unread, conll04-dev and redocred-dev are).

How sure each strict score is: ``strict.interval`` is the 95% interval of its F1 over 1,000
resamples of the set's documents (:func:`kg.relations.scoring.bootstrap_interval`, seeded), and
``model_vs_rules`` what the model adds to the rules on the same resamples
(:func:`kg.relations.scoring.paired_bootstrap`: the F1 difference, its interval, and the share of
resamples in which rules + model score higher).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.build import build  # noqa: E402
from kg.evaluate import evaluate, evaluate_strict  # noqa: E402
from kg.relations.scoring import bootstrap_interval, paired_bootstrap  # noqa: E402
from kg.training.annotations import read_annotation_files, write_annotations  # noqa: E402
from kg.training.convert import conll04, redocred  # noqa: E402

REDOCRED_DEV = slice(400, 500)


def _texts(docs, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for d in docs:
        p = folder / f"{d.id}.txt"
        p.write_text(d.text, encoding="utf-8")
        paths.append(p)
    return paths


def _jsonl(docs, path: Path) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        write_annotations(docs, fh)
    return path


def coverage(config: str | None, docs, relation_model: str | None = None) -> dict:
    """How many gold relations (facts) have both mentions among the model's candidate pairs, and with
    the classes their relation needs: the ceiling of any relation classifier on these entities
    (kg.training.coverage, which kg train uses for its own data)."""
    from kg.pipeline import load_pipeline
    from kg.training.coverage import candidate_coverage
    from kg.training.examples import examples, gold_doc

    nlp = load_pipeline(config=config, relation_model=relation_model or True)
    pipe = nlp.get_pipe("kg_relation_model")
    with nlp.select_pipes(disable=["kg_relation_model"]):
        egs = list(examples(nlp, [gold_doc(nlp, d) for d in docs]))
    _batch, index = pipe.featurize(eg.predicted for eg in egs)
    return candidate_coverage(pipe, egs, index)["all"]


def _row(res: dict) -> dict:
    keep = ("precision", "recall", "f1", "predicted", "gold", "correct", "found")
    out = {k: res["relations" if "relations" in res else "micro"][k] for k in keep}
    out["by_relation"] = {r: {k: v[k] for k in ("precision", "recall", "f1", "gold", "predicted")}
                          for r, v in res["by_relation"].items()}
    return out


def run(shared: Path, config: str | None, work: Path, relation_model: str | None = None) -> dict:
    sets: dict[str, dict] = {}
    ev = shared / "eval"
    news = read_annotation_files([ROOT / "data" / "dev" / "news-heldout.jsonl"])
    news_cal = read_annotation_files([ROOT / "data" / "dev" / "news-calibration.jsonl"])
    unread = read_annotation_files([ROOT / "data" / "pending" / f"articles-{k}.jsonl" for k in "tuvw"])
    c04 = list(conll04(shared / "data" / "conll04" / "conll04_dev.json"))
    rd = list(redocred(shared / "data" / "redocred" / "dev_revised.json", docs=REDOCRED_DEV))
    jobs = {
        "news-heldout": {"lenient": (_texts(news, work / "news"), [_jsonl(news, work / "news.jsonl")], False),
                         "strict": (None, [work / "news.jsonl"], None)},
        "news-unread": {"lenient": (_texts(unread, work / "unread"), [_jsonl(unread, work / "unread.jsonl")], False),
                        "strict": (None, [work / "unread.jsonl"], None)},
        "news-calibration": {"lenient": (_texts(news_cal, work / "news-cal"),
                                         [_jsonl(news_cal, work / "news-cal.jsonl")], False),
                             "strict": (None, [work / "news-cal.jsonl"], None)},
        "conll04-dev": {"lenient": ([ev / "conll04-dev" / "docs"], [ev / "conll04-dev" / "gold.tsv"], True),
                        "strict": (_texts(c04, work / "c04"), [_jsonl(c04, work / "c04.jsonl")],
                                   ["basedIn", "worksFor", "locatedIn", "livesIn"])},
        "redocred-dev": {"lenient": ([ev / "redocred-dev" / "docs"], [ev / "redocred-dev" / "gold.tsv"], True),
                         "strict": (_texts(rd, work / "rd"), [_jsonl(rd, work / "rd.jsonl")],
                                    ["basedIn", "worksFor", "subsidiaryOf", "develops"])},
        "seed": {"lenient": ([ROOT / "corpus" / "000_3dd36336cd19a7fe.txt"], [ev / "seed.gold.tsv"], False)},
        "corpus-dev": {"lenient": (sorted((ROOT / "corpus" / "dev").glob("*.txt")),
                                   sorted((ROOT / "corpus" / "dev" / "gold").glob("*.gold.tsv")), False)},
    }
    # typed entities too, where the gold lists them
    entity_gold = {"seed": [ev / "seed.entities.tsv"],
                   "corpus-dev": sorted((ROOT / "corpus" / "dev" / "gold").glob("*.entities.tsv"))}
    for name, docs in (("news-heldout", news), ("conll04-dev", c04), ("redocred-dev", rd)):
        sets.setdefault(name, {})["coverage"] = coverage(config, docs, relation_model)
    per_document: dict[tuple[str, str], dict] = {}
    for mode, use_model in (("rules", False), ("rules+model", True)):
        for name, job in jobs.items():
            row = sets.setdefault(name, {}).setdefault(mode, {})
            src, gold, only = job["lenient"]
            out = work / f"{name}-{mode}-lenient"
            started = time.perf_counter()
            build(src, out=out, cache=False, config=config,
                  relation_model=(relation_model or True) if use_model else False)
            row["seconds"] = round(time.perf_counter() - started, 1)
            res = evaluate(out / "graph.ttl", gold, entity_gold.get(name), gold_relations_only=bool(only))
            row["lenient"] = _row(res)
            if "entities" in res:
                row["entities"] = {k: res["entities"][k] for k in ("precision", "recall", "f1")}
            if "strict" in job:
                s_src, s_gold, labels = job["strict"]
                if s_src is not None:
                    out = work / f"{name}-{mode}-strict"
                    build(s_src, out=out, cache=False, config=config,
                          relation_model=(relation_model or True) if use_model else False)
                res = evaluate_strict(out / "graph.ttl", s_gold, relations=labels)
                row["strict"] = _row(res)
                row["strict"]["unmatched_documents"] = len(res["unmatched_documents"])
                row["strict"]["interval"] = bootstrap_interval(res["by_document"])
                per_document[name, mode] = res["by_document"]
    for name in sets:
        if (name, "rules") in per_document:
            sets[name]["model_vs_rules"] = paired_bootstrap(per_document[name, "rules"],
                                                            per_document[name, "rules+model"])
    return sets


def _print(sets: dict) -> None:
    print(f"{'set':<14} {'mode':<12} {'scoring':<8} {'P':>6} {'R':>6} {'F1':>6}")
    for name, modes in sets.items():
        if "coverage" in modes:
            c = modes["coverage"]
            print(f"{name:<14} candidate pairs hold {c['pairs_share']:.0%} of {c['gold']} gold relations "
                  f"({c['typed_share']:.0%} with classes that fit)")
        for mode, row in modes.items():
            if mode in ("coverage", "model_vs_rules"):
                continue
            for scoring in ("lenient", "strict"):
                if scoring in row:
                    r = row[scoring]
                    iv = r.get("interval")
                    print(f"{name:<14} {mode:<12} {scoring:<8} {r['precision']:>6.3f} {r['recall']:>6.3f} "
                          f"{r['f1']:>6.3f}" + (f"  (95% {iv['low']:.3f}-{iv['high']:.3f})" if iv else ""))
        if "model_vs_rules" in modes:
            d = modes["model_vs_rules"]
            print(f"{name:<14} the model adds {d['difference']:+.3f} strict F1 (95% {d['low']:+.3f} to "
                  f"{d['high']:+.3f}; better in {d['share_better']:.0%} of resamples)")


_UNSEEN = {"news-heldout": "yes", "news-unread": "yes (never read)", "conll04-dev": "yes", "redocred-dev": "yes", "seed": "no (rules written on it)",
           "news-calibration": "no (margin chosen on it)", "corpus-dev": "no (rules and margin)"}
_PER_RELATION = (("news-heldout", "lenient"), ("news-heldout", "strict"), ("news-unread", "strict"),
                 ("conll04-dev", "strict"),
                 ("redocred-dev", "lenient"), ("corpus-dev", "lenient"))


def markdown(sets: dict) -> str:
    """The tables of benchmarks/README.md ("Relation quality") from a ``--json`` file's figures."""
    def prf(r: dict, digits: int = 3) -> str:
        return f"{r['precision']:.{digits}f} / {r['recall']:.{digits}f} / " + (
            f"**{r['f1']:.{digits}f}**" if digits == 3 else f"{r['f1']:.{digits}f}")

    lines = ["| set | unseen? | scoring | rules P / R / F1 | rules + model P / R / F1 |",
             "| --- | --- | --- | --- | --- |"]
    for name, unseen in _UNSEEN.items():
        for scoring in ("lenient", "strict"):
            if name in sets and scoring in sets[name]["rules"]:
                lines.append(f"| {name} | {unseen} | {scoring} | {prf(sets[name]['rules'][scoring])} | "
                             f"{prf(sets[name]['rules+model'][scoring])} |")
    intervals = [(name, sets[name]) for name in _UNSEEN if "interval" in sets.get(name, {}).get("rules", {}).get("strict", {})]
    if intervals:
        lines += ["", "| set | documents | strict F1, rules (95% interval) | rules + model (95% interval) | "
                  "model minus rules (95% interval) | resamples where the model helps |",
                  "| --- | ---: | --- | --- | --- | ---: |"]
        for name, row in intervals:
            a, b, d = row["rules"]["strict"]["interval"], row["rules+model"]["strict"]["interval"], row["model_vs_rules"]
            lines.append(f"| {name} | {a['documents']} | {a['f1']:.3f} ({a['low']:.3f}-{a['high']:.3f}) | "
                         f"{b['f1']:.3f} ({b['low']:.3f}-{b['high']:.3f}) | {d['difference']:+.3f} "
                         f"({d['low']:+.3f} to {d['high']:+.3f}) | {d['share_better']:.0%} |")
    lines += ["", "| set | gold relations | pair among the candidates | ... with classes that fit |",
              "| --- | ---: | ---: | ---: |"]
    for name in ("news-heldout", "conll04-dev", "redocred-dev"):
        c = sets[name]["coverage"]
        lines.append(f"| {name} | {c['gold']} | {c['pairs_share']:.0%} | {c['typed_share']:.0%} |")
    typed = [(name, sets[name]) for name in ("seed", "corpus-dev") if "entities" in sets.get(name, {}).get("rules", {})]
    if typed:
        lines += ["", "| set | typed entities, rules P / R / F1 | rules + model P / R / F1 |", "| --- | --- | --- |"]
        lines += [f"| {name} | {prf(row['rules']['entities'])} | {prf(row['rules+model']['entities'])} |"
                  for name, row in typed]
    for name, scoring in _PER_RELATION:
        rules, both = sets[name]["rules"][scoring]["by_relation"], sets[name]["rules+model"][scoring]["by_relation"]
        lines += ["", f"{name}, {scoring}, per relation:", "",
                  "| relation | gold | rules P / R / F1 | rules + model P / R / F1 |", "| --- | ---: | --- | --- |"]
        for rel in sorted(set(rules) | set(both)):
            gold = (both.get(rel) or rules[rel])["gold"]
            lines.append(f"| `{rel}` | {gold} | {prf(rules[rel], 2) if rel in rules else '-'} | "
                         f"{prf(both[rel], 2) if rel in both else '-'} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"), help="the shared folder (data/ and eval/)")
    ap.add_argument("--config", default=None, help="a pipeline config (default: kg/config.cfg)")
    ap.add_argument("--relation-model", default=None, help="a model folder from kg train (default: the packaged one)")
    ap.add_argument("--json", default=None, help="also write every figure to this JSON file")
    ap.add_argument("--markdown", default=None, metavar="JSON",
                    help="print the tables of benchmarks/README.md from a --json file of an earlier run, and stop")
    args = ap.parse_args()
    if args.markdown:
        print(markdown(json.loads(Path(args.markdown).read_text(encoding="utf-8"))), end="")
        return
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        sets = run(Path(args.shared), args.config, Path(tmp), args.relation_model)
    _print(sets)
    if args.json:
        Path(args.json).write_text(json.dumps(sets, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
