"""``kg eval``: scores of a built graph against gold."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from . import app, console, out_console, reports_errors, split_paths


@app.command("eval")
@reports_errors
def eval_cmd(
    graph: Annotated[Path, typer.Argument(help="A graph file (.ttl, .nt, .jsonld) written by 'kg build', or its folder.")],
    gold: Annotated[list[str], typer.Option("--gold", "-g", help=(
        "Gold relations: subject<TAB>relation<TAB>object per line, or annotated JSON Lines "
        "(docs/annotation.md); several files, joined with ',' or by repeating the option, are pooled."))],
    entities: Annotated[Optional[list[str]], typer.Option("--entities", "-e", help=(
        "Gold entities: names<TAB>Class[|Class] per line; several files joined with ',' or by repeating "
        "the option."))] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    show: Annotated[bool, typer.Option("--show", help="List missed gold rows and false positives.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help=(
        "Span-level scores, as CoNLL04 and Re-DocRED papers report them: the subject's and object's "
        "mention spans and the relation must be a gold relation's. Needs JSON Lines gold."))] = False,
    relations: Annotated[Optional[list[str]], typer.Option("--relations", help=(
        "Score only these relations (and their sub-relations), joined with ',' or by repeating the "
        "option."))] = None,
    gold_relations_only: Annotated[bool, typer.Option("--gold-relations-only", help=(
        "Count predictions only of the relations the gold uses (for gold that annotates a few relation types)."))
    ] = False,
    bootstrap: Annotated[int, typer.Option("--bootstrap", min=0, help=(
        "With --strict: also give the 95% interval of F1 over this many resamples of the documents "
        "(e.g. 1000; seeded, so the same files give the same interval)."))] = 0,
    against: Annotated[Optional[Path], typer.Option("--against", help=(
        "With --strict: also score this other graph of the same documents (another model, --no-model, an "
        "older build) and say how much better GRAPH is, on the same resamples of the documents "
        "(--bootstrap N of them, 1000 if not given)."))] = None,
) -> None:
    """Score a built graph against gold files: precision, recall and F1 of relations and typed entities.

    Same matching rules as the shared score.py: '|' name alternatives, titles and 'the' ignored,
    sub-relations answer their parents (bans/restricts), symmetric relations match either way,
    a subclass answers its class (Company is an Organization).

    Exit codes: 0 scored; 2 a missing or malformed graph or gold file.

    With --strict, each gold document is found in the graph by its id or its text, and a
    statement counts with its mentions' character offsets (kg:subjectStart ... in the Turtle; for a
    mention resolved by coreference, the name it was resolved to: kg:subjectAntecedentStart ...).

    Example: kg eval out/ --gold corpus/dev/gold/dev01.gold.tsv,corpus/dev/gold/dev02.gold.tsv --show

    Example: kg eval out/ --gold data/dev/news-heldout.jsonl --strict

    With --bootstrap N (and --strict), the documents are resampled N times with replacement
    and the middle 95% of the resampled F1s is printed: how far the score could move with
    another sample of articles like these.

    Example: kg eval out/ --gold data/dev/news-heldout.jsonl --strict --bootstrap 1000

    With --against OTHER (and --strict), OTHER is scored too and the two are compared on the same
    resamples: the F1 difference, its 95% interval, and in how many resamples GRAPH scores higher.

    Example: kg eval out/ --gold data/dev/news-heldout.jsonl --strict --against rules-only-out/
    """
    import json

    from rich.markup import escape
    from rich.table import Table

    from ..evaluate import evaluate, evaluate_strict

    gold_paths = split_paths(gold)
    if not gold_paths:
        console.print("[bold red]error:[/] --gold needs at least one file")
        raise typer.Exit(2)
    only = split_paths(relations) or None
    if (bootstrap or against is not None) and not strict:
        option = "--bootstrap" if bootstrap else "--against"
        console.print(f"[bold red]error:[/] {option} needs --strict (span-level scores are counted per document)")
        raise typer.Exit(2)
    if strict:
        if not all(p.endswith(".jsonl") for p in gold_paths):
            console.print("[bold red]error:[/] --strict needs annotated JSON Lines gold (.jsonl, docs/annotation.md): "
                          "TSV gold has names, not spans")
            raise typer.Exit(2)
        result = evaluate_strict(graph, gold_paths, relations=only)
        if (bootstrap or against is not None) and not result["by_document"]:
            console.print(f"[bold red]error:[/] {'--bootstrap' if bootstrap else '--against'}: the gold has no "
                          "documents to resample")
            raise typer.Exit(2)
        if bootstrap:
            from ..relations.scoring import bootstrap_interval

            result["interval"] = bootstrap_interval(result["by_document"], samples=bootstrap)
        if against is not None:
            from ..relations.scoring import paired_bootstrap

            other = evaluate_strict(against, gold_paths, relations=only)
            result["against"] = {"graph": str(against), "micro": other["micro"],
                                 "unmatched_documents": other["unmatched_documents"],
                                 **paired_bootstrap(other["by_document"], result["by_document"],
                                                    samples=bootstrap or 1000)}
        if as_json:
            shown = {k: v for k, v in result.items()
                     if show or k not in ("missed", "false_positives", "by_document")}
            sys.stdout.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
            raise typer.Exit(0)
        _print_scores({"relations": result["micro"], "by_relation": result["by_relation"]}, "relations (strict)")
        if "interval" in result:
            iv = result["interval"]
            out_console.print(f"F1 {iv['f1']:.3f}, {iv['level']:.0%} interval {iv['low']:.3f} to {iv['high']:.3f} "
                              f"({iv['samples']} resamples of the {iv['documents']} documents); precision "
                              f"{iv['precision']:.3f} ({iv['precision_low']:.3f} to {iv['precision_high']:.3f}), "
                              f"recall {iv['recall']:.3f} ({iv['recall_low']:.3f} to {iv['recall_high']:.3f})",
                              highlight=False)
        if "against" in result:
            cmp_ = result["against"]
            out_console.print(f"against {cmp_['graph']} (F1 {cmp_['micro']['f1']:.3f}): F1 {cmp_['difference']:+.3f}, "
                              f"{cmp_['level']:.0%} interval {cmp_['low']:+.3f} to {cmp_['high']:+.3f}; higher in "
                              f"{cmp_['share_better']:.0%} of {cmp_['samples']} resamples of the {cmp_['documents']} "
                              "documents", highlight=False)
        if show:
            for kind, items in (("[red]missed[/]         ", result["missed"]),
                                ("[yellow]false positive[/] ", result["false_positives"])):
                for item in items:
                    out_console.print(f"{kind} {escape(item['subject'])} {item['relation']} {escape(item['object'])}"
                                      f"  [dim]{escape(item['document'])}[/]", highlight=False, soft_wrap=True)
        if result["unmatched_documents"]:
            console.print(f"[yellow]{len(result['unmatched_documents'])} gold document(s) not in the graph[/] "
                          f"(their relations count as missed): {', '.join(result['unmatched_documents'][:5])}",
                          highlight=False)
        raise typer.Exit(0)
    result = evaluate(graph, gold_paths, split_paths(entities), gold_relations_only=gold_relations_only)
    if only:
        result["by_relation"] = {k: v for k, v in result["by_relation"].items() if k in only}
    lists = ("missed", "false_positives", "entities_missed", "entities_mistyped", "entities_extra")
    if as_json:
        shown = {k: v for k, v in result.items() if show or k not in lists}
        sys.stdout.write(json.dumps(shown, indent=2, ensure_ascii=False) + "\n")
        raise typer.Exit(0)

    _print_scores(result, "relations")
    if "entities" in result:
        m = result["entities"]
        ents = Table("", "P", "R", "F1", "ok/pred", "found/gold", "typed", title="typed entities")
        for col in ents.columns[1:]:
            col.justify = "right"
        ents.add_row(*_row("entities", m), f"{m['typed_correctly']:.3f}")
        out_console.print(ents)
    if show:
        for item in result["missed"]:
            out_console.print(f"[red]missed[/]          {escape(item['gold'])}  [dim]{escape(item['source'])}[/]", highlight=False, soft_wrap=True)
        for item in result["false_positives"]:
            out_console.print(f"[yellow]false positive[/]  {escape(item['subject'])} {item['relation']} {escape(item['object'])}",
                              highlight=False, soft_wrap=True)
        for item in result.get("entities_missed", []):
            out_console.print(f"[red]entity missed[/]   {escape(item['entity'])}  [dim]{escape(item['source'])}[/]", highlight=False, soft_wrap=True)
        for item in result.get("entities_mistyped", []):
            out_console.print(f"[red]entity mistyped[/] {escape(item['entity'])}, got {escape('; '.join(item['got']))}",
                              highlight=False, soft_wrap=True)
        for item in result.get("entities_extra", []):
            out_console.print(f"[yellow]entity extra[/]    {escape(item['entity'])} {escape('|'.join(item['classes']))}",
                              highlight=False, soft_wrap=True)
    raise typer.Exit(0)



def _row(name: str, m: dict, style: str = "") -> list[str]:
    p = f"{m['precision']:.3f}" if m["predicted"] else "-"
    r = f"{m['recall']:.3f}" if m["gold"] else "-"
    cells = [name, p, r, f"{m['f1']:.3f}", f"{m['correct']}/{m['predicted']}", f"{m['found']}/{m['gold']}"]
    return [f"[{style}]{c}[/]" for c in cells] if style else cells


def _print_scores(result: dict, title: str) -> None:
    from rich.table import Table

    table = Table("relation", "P", "R", "F1", "ok/pred", "found/gold", title=title)
    for col in table.columns[1:]:
        col.justify = "right"
    table.add_row(*_row("all", result["relations"], "bold"), end_section=True)
    for rel, m in result["by_relation"].items():
        table.add_row(*_row(rel, m))
    out_console.print(table)
