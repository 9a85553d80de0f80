"""``kg train`` and ``kg data convert``: the relation model from annotated examples."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app, console, out_console, reports_errors

data_app = typer.Typer(name="data", help="Annotated data: convert public data sets and our JSONL to JSONL or DocBin.",
                       no_args_is_help=True)
app.add_typer(data_app, name="data")


def _short(rel: str) -> str:
    return rel[:6]


@app.command("train")
@reports_errors
def train_cmd(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the trained component to.")] = Path(
        "relation-model"),
    data: Annotated[Optional[list[Path]], typer.Option(
        "--data", "-d", help="Annotated examples: JSON Lines files or folders (docs/annotation.md) or DocBins "
                             "from `kg data convert`; repeat for several. Added to the packaged training data.",
        exists=True)] = None,
    no_packaged_data: Annotated[bool, typer.Option(
        "--no-packaged-data", help="Leave out the training data that ships with kg-builder.")] = False,
    shared: Annotated[Optional[Path], typer.Option(
        help="Folder of the public data sets (conll04/, redocred/); default $KG_SHARED_DATA or ../shared/data. "
             "A set that is not there is left out, and the run says so.")] = None,
    no_conll04: Annotated[bool, typer.Option("--no-conll04", help="Leave out CoNLL04 train.")] = False,
    no_redocred: Annotated[bool, typer.Option("--no-redocred", help="Leave out Re-DocRED (its training part).")] = False,
    ontology: Annotated[Optional[Path], typer.Option(
        help="A Turtle file of classes and relations to add to the packaged ontology, for examples of a "
             "relation of your own (README, 'Teach it a relation').", exists=True, dir_okay=False)] = None,
    model_config: Annotated[Optional[Path], typer.Option(
        "--model-config", help="A \\[model] block naming the network and its settings "
                               "(default: the one in kg/relations/model.py).", exists=True, dir_okay=False)] = None,
    model: Annotated[Optional[str], typer.Option(help="spaCy pipeline that reads the texts (default as kg build).")
                     ] = None,
    ner_out: Annotated[Optional[Path], typer.Option(
        "--ner-out", help="First fine-tune the pipeline's NER on the same examples and write it here "
                          "(make train: kg/models/ner); the relation model then reads the texts with it.")] = None,
    write_config: Annotated[Optional[Path], typer.Option(
        "--write-config", help="Also write the tuned per-relation thresholds into this pipeline config "
                               "(make train: kg/config.cfg).", exists=True, dir_okay=False)] = None,
    calibrate: Annotated[Optional[list[Path]], typer.Option(
        help="Raise every threshold by the margin that gives the best F1 on these articles, written apart "
             "from the training data: a folder of .txt with gold/*.gold.tsv, or annotated JSON Lines; repeat "
             "for several (make train: corpus/dev and data/dev/news-calibration.jsonl).", exists=True)] = None,
    calibrate_public: Annotated[bool, typer.Option(
        "--calibrate-public", help="With --calibrate, also calibrate on the tuning split's documents of the public "
                                   "sets (CoNLL04, Re-DocRED), each scored only on the relations its gold "
                                   "annotates (make train: on).")] = False,
    seed: Annotated[int, typer.Option(help="Random seed: the same seed and data give the same model.")] = 0,
    max_epochs: Annotated[int, typer.Option("--max-epochs", min=1, help="At most this many epochs.")] = 40,
    patience: Annotated[int, typer.Option(min=1, help="Stop after this many epochs without a better tuning F1.")
                        ] = 6,
    average_seeds: Annotated[int, typer.Option(
        "--average-seeds", min=1, help="Train this many times (seeds SEED, SEED+1, ...: each its own order of the "
                                       "examples and its own early stop) and average the weights: steadier "
                                       "thresholds from one retrain to the next (make train: 3).")] = 1,
    ner_average: Annotated[bool, typer.Option(
        "--ner-average", help="With --ner-out, keep the NER's weights averaged over its updates (tried on "
                              "2026-12-04, not shipped: benchmarks/README.md).")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or tables.")] = False,
) -> None:
    """Train the relation model from annotated examples, deterministically.

    Reads the examples with the pipeline (rules included), sets a tuning split apart
    (a fixed share of each source), trains with early stopping on its F1, tunes a
    threshold per relation on it, and writes the component folder atomically with
    meta.json (settings, data hashes, the per-epoch table, scores). Bad examples stop
    the run with file:line and what is wrong.

    Example: kg train --out my-model --data my-examples.jsonl

    Example: kg train --ontology foundedBy.ttl --data founders.jsonl --no-conll04 --no-redocred --out my-model
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
    from rich.table import Table

    from ..pipeline import load_pipeline
    from ..training.train import TrainSettings, packaged_data_dir, shared_data_dir, train

    logging.basicConfig(level=logging.ERROR)
    settings = TrainSettings(seed=seed, max_epochs=max_epochs, patience=patience, average_seeds=average_seeds,
                             ner_average=ner_average)
    settings.own_data = ([] if no_packaged_data else [str(packaged_data_dir())]) + [str(p) for p in data or []]
    folder = shared_data_dir(shared)
    settings.shared_data = str(folder)
    for name, flag, rel in (("CoNLL04", "conll04", "conll04/conll04_train.json"),
                            ("Re-DocRED", "redocred", "redocred/dev_revised.json")):
        wanted = not (no_conll04 if flag == "conll04" else no_redocred)
        if wanted and not (folder / rel).is_file():
            console.print(f"[yellow]note:[/] {name} is not at {folder / rel}; training without it", highlight=False)
            wanted = False
        setattr(settings, flag, wanted)
    if model_config is not None:
        settings.model_config = model_config.read_text(encoding="utf-8")
    if ontology is not None:
        settings.ontology = str(ontology)
    if ner_out is not None:
        settings.ner_out = str(ner_out)
    if calibrate:
        settings.calibrate = [str(p) for p in calibrate]
    if calibrate_public and not calibrate:
        raise typer.BadParameter("calibrates the thresholds' margin together with the articles of --calibrate; "
                                 "give those too", param_hint="--calibrate-public")
    settings.calibrate_public = calibrate_public
    nlp = load_pipeline(model, relation_model=False, ontology=ontology)
    labels: list[str] = []
    table = Table("epoch", "loss", "P", "R", "F1", "F1 by relation (tuning split)", title="training")
    show = not quiet

    def report(row: dict) -> None:
        nonlocal labels
        if not show:
            return
        if "calibration" in row:
            cal = row["calibration"]
            cells = "  ".join(f"+{r['margin']:.2f}: {r['f1']:.3f}" for r in cal["table"])
            own = ", ".join(f"{rel} +{m:.2f}" for rel, m in sorted(cal["margins"].items()))
            out_console.print(f"threshold margin (lenient F1 on the calibration articles): {cells}  "
                              f"-> +{cal['margin']:.2f}; by relation: {own}", highlight=False, soft_wrap=True)
            return
        if "ner" in row:
            ner = row["ner"]
            out_console.print(f"NER epoch {ner['epoch']:>3}  loss {ner.get('loss', 0):>10.1f}  "
                              f"span F1 (calibration news, or the tuning split) {ner['tune_span_f1']:.3f}",
                              highlight=False)
            return
        labels = labels or sorted(row["by_relation"])
        per = " ".join(f"{_short(r)} {row['by_relation'][r]['f1']:.2f}" for r in labels if r in row["by_relation"])
        run = f"run {row['run'] + 1} " if "run" in row else ""
        out_console.print(f"{run}epoch {row['epoch']:>3}  loss {row['loss']:>10.1f}  P {row['precision']:.3f}  "
                          f"R {row['recall']:.3f}  F1 {row['f1']:.3f}  | {per}", highlight=False, soft_wrap=True)
        table.add_row(f"{run}{row['epoch']}", f"{row['loss']:.1f}", f"{row['precision']:.3f}", f"{row['recall']:.3f}",
                      f"{row['f1']:.3f}", per)

    if show and console.is_terminal:
        with Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      console=console, transient=True) as bar:
            task = bar.add_task("training", total=None)

            def progress(what: str, done: int, total: int) -> None:
                bar.update(task, description=what, completed=done, total=total)

            meta = train(nlp, settings, out, progress=progress, report=report)
    else:
        meta = train(nlp, settings, out, report=report)
    if show:
        best = meta["scores"]["tune_pairs"]
        final = Table("relation", "threshold", "P", "R", "F1", "gold",
                      title=(f"best epoch {meta['best_epoch']}" if len(meta["runs"]) == 1 else
                             "best epochs " + ", ".join(str(r["best_epoch"]) for r in meta["runs"])
                             + ", weights averaged") + ", tuned thresholds (tuning split)")
        for rel, m in best["by_relation"].items():
            final.add_row(rel, f"{meta['thresholds'].get(rel, 0.5):.2f}", f"{m['precision']:.3f}",
                          f"{m['recall']:.3f}", f"{m['f1']:.3f}", str(m["gold"]))
        micro = best["micro"]
        final.add_row("all", "", f"{micro['precision']:.3f}", f"{micro['recall']:.3f}", f"{micro['f1']:.3f}",
                      str(micro["gold"]), style="bold")
        out_console.print(final)
        cov = ", ".join(f"{k} {v['pairs_found']}/{v['gold']} ({v['pairs_share']:.0%}; classes fit "
                        f"{v['typed_share']:.0%})" for k, v in meta["candidate_coverage"].items())
        console.print(f"gold relations among the candidate pairs: {cov}", highlight=False)
    if write_config is not None:
        from ..training.train import write_thresholds

        write_thresholds(write_config, meta["thresholds"])
        console.print(f"wrote the thresholds into {write_config}", highlight=False)
    console.print(f"wrote {out}/ ({meta['seconds']:.0f} s); use it with: kg build ... --relation-model {out}",
                  highlight=False)


@data_app.command("convert")
@reports_errors
def convert_cmd(
    source: Annotated[Path, typer.Argument(help="The data to convert: a CoNLL04 or Re-DocRED JSON file, or our JSONL.",
                                           exists=True, dir_okay=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output: .jsonl (annotations) or .spacy (DocBin).",
                                      show_default=False)],
    fmt: Annotated[str, typer.Option("--from", "-f", help="Input format: conll04, redocred, jsonl, or auto "
                                                           "(told by what the file holds).")] = "auto",
    docs: Annotated[Optional[str], typer.Option(
        help="Documents to take, START:END in file order (Re-DocRED: default 0:400, the training part; "
             "400:500 is the dev part).")] = None,
    ontology: Annotated[Optional[Path], typer.Option(
        help="A Turtle file of classes and relations to add to the packaged ontology, for annotations of a "
             "relation of your own (README, 'Teach it a relation').", exists=True, dir_okay=False)] = None,
) -> None:
    """Convert annotated data to our JSONL or to a spaCy DocBin, relations mapped to the ontology.

    CoNLL04 and Re-DocRED labels are mapped as ../shared/data/README.md says; entity
    spans follow docs/annotation.md (no titles, no sentence period).

    Example: kg data convert ../shared/data/conll04/conll04_train.json --out conll04.spacy

    Example: kg data convert my-examples.jsonl --out my-examples.spacy

    Example: kg data convert founders.jsonl --ontology foundedBy.ttl --out founders.spacy
    """
    from ..errors import InputError
    from ..io import atomic_path
    from ..training.annotations import read_annotation_files, write_annotations
    from ..training.convert import CONVERTERS, detect_format
    from ..training.examples import write_docbin

    if fmt == "auto":
        fmt = detect_format(source)
    if fmt not in {*CONVERTERS, "jsonl"}:
        raise InputError(f"Unknown --from {fmt!r}; formats: {', '.join(sorted({*CONVERTERS, 'jsonl', 'auto'}))}")
    window = None
    if docs:
        start, sep, end = docs.partition(":")
        try:
            window = slice(int(start) if start else None, int(end) if end else None)
        except ValueError:
            raise InputError(f"--docs takes START:END (e.g. 400:500); got {docs!r}") from None
    onto = None
    if ontology is not None:
        from ..ontology import extended_ontology_dir, load_ontology

        onto = load_ontology(str(extended_ontology_dir(ontology)))
    if fmt == "jsonl":
        items = read_annotation_files([source], onto=onto)
        items = items[window] if window else items
    elif fmt == "redocred":
        items = list(CONVERTERS[fmt](source, docs=window))
    else:
        items = list(CONVERTERS[fmt](source))
        items = items[window] if window else items
    if out.suffix == ".spacy":
        from ..pipeline import load_pipeline

        n = write_docbin(load_pipeline(relation_model=False, ontology=ontology), items, out)
    elif out.suffix == ".jsonl":
        with atomic_path(out) as tmp, tmp.open("w", encoding="utf-8") as fh:
            n = write_annotations(items, fh)
    else:
        raise InputError(f"--out must end in .jsonl or .spacy; got {out.name!r}")
    relations = sum(len(d.relations) for d in items)
    console.print(f"wrote {n} documents, {relations} relations -> {out}", highlight=False)
