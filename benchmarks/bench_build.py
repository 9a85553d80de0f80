"""kg build against bare spaCy: speed, processes, incremental rebuilds, memory, export.

Generates a news-like corpus from templates (varied company, person, country
and product names; fixed seed), then runs every measurement as a fresh
subprocess so that start-up and model load are included, exactly as a user
pays them:

- words/s of bare ``nlp.pipe`` (the same spaCy model, no kg-builder
  components) vs the full ``kg build`` (``--no-cache``), same process count;
  their ratio per repetition (paired), then the median; the same ratio of CPU
  time (user + system of the run's processes), which a shared machine's
  neighbours disturb less than wall time;
- the full build against bare spaCy given the build's two speed-ups of spaCy's
  own stages (the attribute ruler's index, numpy's BLAS for the matrix
  products), one process: like for like, what kg-builder's components, reading
  and writing add;
- ``kg build --jobs 2`` vs ``--jobs 1`` wall time (paired);
- an incremental rebuild after changing 1% of the documents vs the clean build;
- peak memory on the big corpus vs the 10x smaller one (``--jobs 2``): the
  total PSS of the process tree, sampled, and the peak RSS of the build
  process and of its largest worker;
- writing 1M triples: each RDF writer on a synthetic graph of that size;
- loading the pipeline in a fresh process: the default (fine-tuned NER and
  relation model) against the rules with the trained pipeline's own NER, so
  what the shipped models add to start-up;
- (``--sections components``) in one process, spaCy's pipeline with and
  without kg-builder's components, and each component's own time (median of ``--repeat`` passes).

    .venv/bin/python benchmarks/bench_build.py            # full run (~15-20 min on 2 cores)
    .venv/bin/python benchmarks/bench_build.py --quick    # smoke run (~2 min)

Targets (issue 6): full/bare <= 1.25; jobs2 <= 0.65 x jobs1; incremental
<= 10% of clean; memory on 10x the documents within 1.5x.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve()

# -- corpus ------------------------------------------------------------------------------------

_SYL = ["nor", "vik", "lu", "mora", "tes", "ra", "quan", "tel", "vor", "ex", "zen", "ith", "cal", "dor",
        "bri", "sa", "mon", "ta", "gre", "lo", "fin", "ar", "ko", "pex", "ul", "tri", "ve", "na"]
_CO_SUFFIX = ["Corp", "Inc", "Systems", "Labs", "Group", "Technologies", "Holdings", "AG", "Ltd"]
_FIRST = ["Priya", "Daniel", "Mei", "Lars", "Amara", "Jonas", "Sofia", "Kenji", "Elena", "Omar", "Grace",
          "Tomas", "Aisha", "Marco", "Ingrid", "Rafael", "Yuki", "Nadia", "Peter", "Leila"]
_LAST = ["Raman", "Okafor", "Lindqvist", "Tanaka", "Moreau", "Haddad", "Novak", "Fischer", "Alvarez",
         "Chen", "Kowalski", "Brennan", "Sato", "Ivanova", "Mensah", "Costa", "Weber", "Nakamura"]
_COUNTRIES = ["China", "Germany", "France", "Japan", "India", "Brazil", "Canada", "the United States",
              "South Korea", "Italy", "Mexico", "Norway", "Kenya", "Australia", "Spain", "Vietnam"]
_CITIES = ["Berlin", "Paris", "Tokyo", "Mumbai", "Toronto", "Oslo", "Nairobi", "Sydney", "Madrid", "Seoul"]
_PRODUCT_NOUN = ["chips", "batteries", "drones", "solar panels", "routers", "sensors", "robots"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]

_FACTS = [
    "{A} partners with {B} to build {noun} for customers in {country}.",
    "{A} invested ${n} million in {B} in {month} {year}, the companies said.",
    "{country} restricts exports of {noun} to {country2}, officials said on {weekday}.",
    "{A} acquired {B} for ${n} billion last year.",
    "{person}, chief executive of {A}, said the company competes with {B} in {country}.",
    "{A} pays {B} a commission on every sale of its {noun}.",
    "{B} supplies {noun} to {A}, according to people familiar with the matter.",
    "{A} is based in {city}, where it employs about {n} people.",
    "{country2} may ban {A} from selling {noun} next year.",
    "{A} did not acquire {B}, a spokesperson for {A} said.",
    "{A} develops {product}, a line of {noun} sold in {country}.",
    "{person} joined {B} as chief financial officer in {month} {year}.",
]
_FILLER = [
    "Analysts expect demand to stay strong through the end of the year.",
    "Shares rose {n} percent in early trading before giving back some of the gains.",
    "The deal is subject to regulatory approval and is expected to close within months.",
    "Executives declined to comment on the terms of the agreement.",
    "The market for {noun} has grown quickly as prices fell and supply chains recovered.",
    "Critics say the move could raise costs for smaller rivals and for consumers.",
    "The company reported revenue of ${n} million for the quarter, above forecasts.",
    "Regulators in several countries are studying the industry closely.",
    "Investors have poured money into the sector over the past two years.",
    "The announcement came after weeks of speculation in the trade press.",
]


def _company(rnd: random.Random) -> str:
    name = "".join(rnd.sample(_SYL, rnd.choice((2, 2, 3)))).capitalize()
    return f"{name} {rnd.choice(_CO_SUFFIX)}" if rnd.random() < 0.7 else name


def make_document(rnd: random.Random, words: int) -> str:
    companies = [_company(rnd) for _ in range(4)]
    title = f"{companies[0]} and {companies[1]}: {rnd.choice(['deal', 'talks', 'rivalry', 'probe'])} " \
            f"in {rnd.choice(_COUNTRIES).replace('the ', '')}"
    date = f"{rnd.choice(_MONTHS)} {rnd.randint(1, 28)}, {rnd.randint(2019, 2025)}"
    paragraphs, para, count = [], [], 0
    while count < words:
        a, b = rnd.sample(companies, 2)
        c1, c2 = rnd.sample(_COUNTRIES, 2)
        template = rnd.choice(_FACTS) if rnd.random() < 0.55 else rnd.choice(_FILLER)
        sentence = template.format(
            A=a, B=b, country=c1, country2=c2, city=rnd.choice(_CITIES), noun=rnd.choice(_PRODUCT_NOUN),
            person=f"{rnd.choice(_FIRST)} {rnd.choice(_LAST)}", n=rnd.randint(2, 900),
            month=rnd.choice(_MONTHS), year=rnd.randint(2019, 2025),
            weekday=rnd.choice(["Monday", "Tuesday", "Thursday"]),
            product=f"{a.split()[0]} {rnd.choice(['One', 'Pro', 'X', 'Edge', 'Air'])}",
        )
        sentence = sentence[0].upper() + sentence[1:]
        para.append(sentence)
        count += len(sentence.split())
        if len(para) >= rnd.randint(3, 5):
            paragraphs.append(" ".join(para))
            para = []
    if para:
        paragraphs.append(" ".join(para))
    return f"{title}\n\n{date}\n\n" + "\n\n".join(paragraphs) + "\n"


def make_corpus(folder: Path, n: int, words: int, seed: int = 6) -> int:
    """Write ``n`` documents of about ``words`` words into ``folder``; returns the word count."""
    folder.mkdir(parents=True, exist_ok=True)
    total = 0
    for i in range(n):
        text = make_document(random.Random(seed * 1_000_003 + i), words)
        (folder / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        total += len(text.split())
    return total


def word_count(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.glob("*.txt"))


# -- one measured run, in a fresh process --------------------------------------------------------


def _child(kind: str, corpus: str, out: str, jobs: int, batch_size: int) -> None:
    """Runs inside the measured subprocess; prints its peak memory as JSON."""
    if kind in ("bare", "bare-sped"):
        import spacy

        from kg.pipeline import model_name

        nlp = spacy.load(model_name())
        if kind == "bare-sped":  # spaCy's own stages sped up as the build speeds them, nothing of ours
            from kg.attribute_index import index_attribute_rulers
            from kg.matrix import use_numpy_blas

            index_attribute_rulers(nlp)
            use_numpy_blas(nlp)
        texts = (p.read_text(encoding="utf-8") for p in sorted(Path(corpus).glob("*.txt")))
        for _ in nlp.pipe(texts, batch_size=batch_size, n_process=jobs):
            pass
    else:
        from kg.build import build

        args = {"cache": kind != "full-nocache", "jobs": jobs, "batch_size": batch_size}
        build([corpus], out=out, **args)
    me = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"rss_mb": round(me, 1), "child_rss_mb": round(kids, 1)}))


def _descendants(pid: int) -> list[int]:
    """``pid`` and every process below it (Linux /proc)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += parents.get(p, [])
    return out


def _tree_pss_mb(pid: int) -> float:
    """Proportional set size of a process tree: shared pages (a forked model) counted once in all."""
    total = 0
    for p in _descendants(pid):
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
                    break
        except OSError:
            continue
    return total / 1024


def run(kind: str, corpus: Path, out: Path | None = None, jobs: int = 1, batch_size: int = 16) -> dict:
    """Wall time (start-up and model load included) and peak memory of one run.

    Memory: the peak RSS of the build process and of its largest worker
    (getrusage), and, on Linux, the peak total PSS of the whole process tree,
    sampled every 0.2 s: what the machine as a whole gives the build.
    """
    out = out or Path(tempfile.mkdtemp(prefix="kgbench-out-"))
    cmd = [sys.executable, str(HERE), "--child", kind, str(corpus), str(out), str(jobs), str(batch_size)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = 0.0
    sampling = Path("/proc/self/smaps_rollup").exists()
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.wait(0.2):
            peak = max(peak, _tree_pss_mb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # CPU time of the run's whole process tree
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    stop.set()
    if sampling:
        sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{stderr[-3000:]}")
    return {"seconds": seconds, "cpu_seconds": cpu, "tree_pss_mb": round(peak, 1) if sampling else None,
            **json.loads(stdout.strip().splitlines()[-1])}


# -- export: 1M triples ----------------------------------------------------------------------------


def synthetic_graph(triples: int, seed: int = 7):
    """A KnowledgeGraph of about ``triples`` RDF triples in the shape kg build writes."""
    from kg.model import KnowledgeGraph
    from kg.ontology import load_ontology
    from kg.types import DocumentRecord, Entity, Relation, Statement

    rnd = random.Random(seed)
    rels = ["partnersWith", "restricts", "bans", "pays", "paysCommissionTo", "investsIn", "acquires",
            "competesWith", "suppliesTo", "develops"]
    n_docs = max(10, triples // 400)
    n_ent = max(50, triples // 60)
    n_st = max(10, (triples - n_ent * 8 - n_docs * 5) // 14)
    docs = {f"d{i:06d}": DocumentRecord(f"d{i:06d}", f"news/d{i:06d}.txt", "", f"{i:064x}", f"Title {i}",
                                        f"2024-{i % 12 + 1:02d}-{i % 28 + 1:02d}") for i in range(n_docs)}
    doc_ids = list(docs)
    entities = {}
    for i in range(n_ent):
        eid = f"Entity_{i:06d}"
        entities[eid] = Entity(eid, f"Entity {i}", rnd.choice(["Company", "Company", "Country", "Person"]),
                               (f"E{i}", f"Ent. {i}"), f"Q{i + 10}" if i % 3 == 0 else "", rnd.randint(1, 40),
                               tuple(sorted(rnd.sample(doc_ids, 2))), "2024-01-01")
    ent_ids = list(entities)
    statements, grouped = {}, {}
    for k in range(n_st):
        s, o = rnd.sample(ent_ids, 2)
        p = rnd.choice(rels)
        d = rnd.choice(doc_ids)
        sid = f"{d}-{k:016x}"
        statements[sid] = Statement(sid, s, p, o, d, f"Sentence {k}: {s} {p} {o}.", k, k + 60,
                                    round(rnd.uniform(0.3, 0.95), 3), "fact" if k % 7 else "hypothetical",
                                    s, o, p, (("amount", f"${k} million"),) if k % 5 == 0 else (),
                                    docs[d].date)
        grouped.setdefault((s, p, o), []).append(sid)
    relations = [Relation(s, p, o, tuple(sorted(ids)), 0.75, "2024-01-01") for (s, p, o), ids in sorted(grouped.items())]
    return KnowledgeGraph(entities=entities, relations=relations, statements=dict(sorted(statements.items())),
                          documents=docs, ontology=load_ontology())


def bench_export(triples: int) -> dict:
    """Seconds to write ~``triples`` triples: rdflib's graph and writers vs what kg build uses (pyoxigraph)."""
    from kg.export import rdf

    graph = synthetic_graph(triples)
    folder = Path(tempfile.mkdtemp(prefix="kgbench-export-"))
    result: dict[str, float | int] = {}
    started = time.perf_counter()
    g = rdf.to_rdflib(graph)
    result["to_rdflib_s"] = time.perf_counter() - started
    result["triples"] = len(g)
    started = time.perf_counter()
    g.serialize(destination=str(folder / "rdflib.ttl"), format="turtle", encoding="utf-8")
    result["rdflib_turtle_writer_s"] = time.perf_counter() - started
    started = time.perf_counter()
    g.serialize(destination=str(folder / "rdflib.nt"), format="nt", encoding="utf-8")
    result["rdflib_ntriples_writer_s"] = time.perf_counter() - started
    del g
    for name in ("nt", "ttl", "jsonld"):  # each on its own, from the KnowledgeGraph
        started = time.perf_counter()
        graph.write(folder, [name])
        result[f"kg_write_{name}_s"] = time.perf_counter() - started
    started = time.perf_counter()
    graph.write(folder, ["ttl", "nt", "jsonld"])  # together, as kg build writes them: one N-Triples pass
    result["kg_write_ttl_nt_jsonld_s"] = time.perf_counter() - started
    started = time.perf_counter()
    graph.write(folder, ["gexf", "graphml"])
    result["kg_write_gexf_and_graphml_s"] = time.perf_counter() - started
    shutil.rmtree(folder, ignore_errors=True)
    return result


# -- our components, in one process --------------------------------------------------------------


def bench_components(corpus: Path, repeat: int, batch_size: int) -> dict:
    """spaCy's pipeline with and without kg-builder's components, alternated in one process, and each
    kg component's own time on the parsed Docs (how much of "full / bare" is ours per document)."""
    from kg.pipeline import load_pipeline

    nlp = load_pipeline()
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("*.txt"))]
    ours = [name for name, _ in nlp.pipeline if name.startswith("kg_")]
    with_ours, without = [], []
    for _ in range(repeat):
        started = time.perf_counter()
        with nlp.select_pipes(disable=ours):
            docs = list(nlp.pipe(texts, batch_size=batch_size))
        without.append(time.perf_counter() - started)
        started = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=batch_size):
            pass
        with_ours.append(time.perf_counter() - started)
    passes: dict[str, list[float]] = {}
    for _ in range(repeat):  # one pass is noisy on a shared machine: the median of ``repeat``
        run = list(docs)
        for name in [n for n in ours if n != "kg_paragraphs"]:  # on the Docs parsed without them, in order
            # (kg_paragraphs sets sentence starts before the parser, so it cannot run on parsed Docs; it
            # is in "with_kg_components_s"). Each component rewrites its own annotations, so the passes
            # after the first see the same input.
            started = time.perf_counter()
            run = [nlp.get_pipe(name)(doc) for doc in run]
            passes.setdefault(name, []).append(time.perf_counter() - started)
    own = {name: median(times) for name, times in passes.items()}
    return {"documents": len(texts), "spacy_only_s": without, "with_kg_components_s": with_ours,
            "with_over_without": median([w / o for w, o in zip(with_ours, without)]),
            "component_s": own, "component_passes_s": passes,
            "components_over_spacy": sum(own.values()) / median(without)}


# -- loading the trained models -------------------------------------------------------------------

_LOAD = """
import json, sys, time
started = time.perf_counter()
from kg.pipeline import load_pipeline
imported = time.perf_counter()
kwargs = json.loads(sys.argv[1])
load_pipeline(**kwargs)
print(json.dumps({"import_s": imported - started, "load_s": time.perf_counter() - imported}))
"""

#: what loading the shipped models adds: the rules with the trained pipeline's own NER, against the default
#: (the NER fine-tuned by make train, and the relation model)
LOAD_VARIANTS = {"rules_stock_ner": {"relation_model": False, "overrides": {"kg.ner": "model"}},
                 "rules_finetuned_ner": {"relation_model": False},
                 "default": {}}


def bench_load(repeat: int) -> dict:
    """Seconds of ``load_pipeline`` in a fresh process for each variant, alternated, paired per repetition."""
    times: dict[str, list[float]] = {k: [] for k in LOAD_VARIANTS}
    for _ in range(repeat):
        for key, kwargs in LOAD_VARIANTS.items():
            out = subprocess.run([sys.executable, "-c", _LOAD, json.dumps(kwargs)], check=True,
                                 capture_output=True, text=True, cwd=HERE.parent.parent)
            times[key].append(json.loads(out.stdout.strip().splitlines()[-1])["load_s"])
    added = [d - r for d, r in zip(times["default"], times["rules_stock_ner"])]
    return {"load_s": times, "median_load_s": {k: median(v) for k, v in times.items()},
            "added_by_models_s": median(added)}


# -- the report ------------------------------------------------------------------------------------


def median(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, one repetition: a smoke run")
    ap.add_argument("--docs", type=int, default=400, help="documents for speed and --jobs (default 400)")
    ap.add_argument("--words", type=int, default=200, help="words per document (default 200)")
    ap.add_argument("--incremental-docs", type=int, default=2000)
    ap.add_argument("--memory-docs", type=int, default=10000, help="big corpus; small one is a tenth")
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--incremental-repeat", type=int, default=2, help="clean + incremental pairs")
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--sections", default="speed,incremental,memory,load,export",
                    help="comma-separated: speed, incremental, memory, load, export, components")
    ap.add_argument("--workdir", type=Path, default=None, help="where corpora go (default: a temp folder)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures here")
    ap.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        kind, corpus, out, jobs, batch = args.child
        _child(kind, corpus, out, int(jobs), int(batch))
        return
    if args.quick:
        args.docs, args.incremental_docs, args.memory_docs = 40, 200, 400
        args.triples, args.repeat, args.incremental_repeat = 50_000, 1, 1
    sections = set(args.sections.split(","))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgbench-"))
    work.mkdir(parents=True, exist_ok=True)
    import spacy

    figures: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "spacy": spacy.__version__},
                     "settings": {k: v for k, v in vars(args).items() if k not in {"child", "workdir", "json"}}}

    def say(msg: str) -> None:
        print(msg, flush=True)

    big = work / "corpus"
    t0 = time.perf_counter()
    biggest = max(args.docs, args.incremental_docs if "incremental" in sections else 0,
                  args.memory_docs if "memory" in sections else 0)
    if not big.is_dir() or len(list(big.glob("*.txt"))) < biggest:
        make_corpus(big, biggest, args.words)
    say(f"corpus: {biggest} documents of ~{args.words} words in {work} ({time.perf_counter() - t0:.0f} s)")

    def subset(n: int) -> Path:
        folder = work / f"c{n}"
        if not folder.is_dir():
            folder.mkdir()
            for i in range(n):
                os.link(big / f"{i:05d}.txt", folder / f"{i:05d}.txt")
        return folder

    if "speed" in sections:
        corpus = subset(args.docs)
        words = word_count(corpus)
        rows = {k: [] for k in ("bare1", "full1", "sped1", "bare2", "full2")}
        for rep in range(args.repeat):
            for key, kind, jobs in (("bare1", "bare", 1), ("full1", "full-nocache", 1), ("sped1", "bare-sped", 1),
                                    ("bare2", "bare", 2), ("full2", "full-nocache", 2)):
                rows[key].append(run(kind, corpus, jobs=jobs, batch_size=args.batch_size))
            say(f"  rep {rep + 1}: " + ", ".join(f"{k} {v[-1]['seconds']:.1f} s" for k, v in rows.items()))
        sec = {k: [r["seconds"] for r in v] for k, v in rows.items()}
        cpu = {k: [r["cpu_seconds"] for r in v] for k, v in rows.items()}
        figures["speed"] = {
            "documents": args.docs, "words": words,
            "bare_words_per_s_jobs1": words / median(sec["bare1"]),
            "full_words_per_s_jobs1": words / median(sec["full1"]),
            "bare_words_per_s_jobs2": words / median(sec["bare2"]),
            "full_words_per_s_jobs2": words / median(sec["full2"]),
            "full_over_bare_jobs1": median([f / b for f, b in zip(sec["full1"], sec["bare1"])]),
            "full_over_bare_jobs2": median([f / b for f, b in zip(sec["full2"], sec["bare2"])]),
            "full_over_bare_cpu_jobs1": median([f / b for f, b in zip(cpu["full1"], cpu["bare1"])]),
            # like for like: against bare spaCy with the build's two speed-ups of spaCy's own stages
            # (kg/attribute_index.py, kg/matrix.py), what kg-builder's components and files add
            "sped_bare_words_per_s_jobs1": words / median(sec["sped1"]),
            "full_over_sped_bare_jobs1": median([f / b for f, b in zip(sec["full1"], sec["sped1"])]),
            "full_over_sped_bare_cpu_jobs1": median([f / b for f, b in zip(cpu["full1"], cpu["sped1"])]),
            "jobs2_over_jobs1": median([j2 / j1 for j2, j1 in zip(sec["full2"], sec["full1"])]),
            "bare_jobs2_over_jobs1": median([j2 / j1 for j2, j1 in zip(sec["bare2"], sec["bare1"])]),
            "peak_rss_mb_full_jobs1": median([r["rss_mb"] for r in rows["full1"]]),
            "peak_rss_mb_bare_jobs1": median([r["rss_mb"] for r in rows["bare1"]]),
            "seconds": sec,
            "cpu_seconds": cpu,
        }
        say(json.dumps(figures["speed"], indent=1))

    if "incremental" in sections:
        corpus = work / "incremental"
        shutil.rmtree(corpus, ignore_errors=True)
        shutil.copytree(subset(args.incremental_docs), corpus)
        files = sorted(corpus.glob("*.txt"))
        out = work / "incremental-out"
        clean, inc = [], []
        rnd = random.Random(1)
        for rep in range(args.incremental_repeat):
            shutil.rmtree(out, ignore_errors=True)
            clean.append(run("full", corpus, out)["seconds"])  # clean build, fills the cache
            changed = rnd.sample(files, max(1, len(files) // 100))
            for path in changed:
                path.write_text(path.read_text(encoding="utf-8") + f"\nUpdate {rep}: {_company(rnd)} "
                                f"partners with {_company(rnd)}.\n", encoding="utf-8")
            inc.append(run("full", corpus, out)["seconds"])
            say(f"  rep {rep + 1}: clean {clean[-1]:.1f} s, after changing {len(changed)}: {inc[-1]:.1f} s")
        figures["incremental"] = {"documents": len(files), "changed": max(1, len(files) // 100),
                                  "clean_s": median(clean), "incremental_s": median(inc),
                                  "incremental_over_clean": median([i / c for i, c in zip(inc, clean)])}
        say(json.dumps(figures["incremental"], indent=1))

    if "memory" in sections:
        small, large = args.memory_docs // 10, args.memory_docs
        mem = {}
        for n in (small, large):
            r = run("full-nocache", subset(n), jobs=2, batch_size=args.batch_size)
            mem[n] = r
            say(f"  {n} documents (--jobs 2): {r['seconds']:.0f} s, peak PSS of all processes "
                f"{r['tree_pss_mb']} MB, build process peak RSS {r['rss_mb']:.0f} MB, "
                f"largest worker {r['child_rss_mb']:.0f} MB")
        key = "tree_pss_mb" if mem[small]["tree_pss_mb"] else "rss_mb"
        figures["memory"] = {"small_docs": small, "large_docs": large, "measure": key,
                             "small_tree_pss_mb": mem[small]["tree_pss_mb"],
                             "large_tree_pss_mb": mem[large]["tree_pss_mb"],
                             "small_rss_mb": mem[small]["rss_mb"], "large_rss_mb": mem[large]["rss_mb"],
                             "small_worker_rss_mb": mem[small]["child_rss_mb"],
                             "large_worker_rss_mb": mem[large]["child_rss_mb"],
                             "large_over_small": mem[large][key] / mem[small][key],
                             "main_large_over_small": mem[large]["rss_mb"] / mem[small]["rss_mb"],
                             "small_seconds": mem[small]["seconds"], "large_seconds": mem[large]["seconds"]}
        say(json.dumps(figures["memory"], indent=1))

    if "components" in sections:
        figures["components"] = bench_components(subset(args.docs), args.repeat, args.batch_size)
        say(json.dumps(figures["components"], indent=1))

    if "load" in sections:
        figures["load"] = bench_load(max(args.repeat, 5))
        say(json.dumps(figures["load"], indent=1))

    if "export" in sections:
        figures["export"] = bench_export(args.triples)
        say(json.dumps(figures["export"], indent=1))

    targets = []
    if "speed" in figures:
        targets.append(("full / bare (jobs 1)", figures["speed"]["full_over_bare_jobs1"], 1.25))
        targets.append(("full / sped-up bare", figures["speed"]["full_over_sped_bare_jobs1"], 1.25))
        targets.append(("jobs 2 / jobs 1", figures["speed"]["jobs2_over_jobs1"], 0.65))
    if "incremental" in figures:
        targets.append(("incremental / clean", figures["incremental"]["incremental_over_clean"], 0.10))
    if "memory" in figures:
        targets.append(("memory 10x docs / 1x", figures["memory"]["large_over_small"], 1.5))
    if "load" in figures:
        targets.append(("load added by models (s)", figures["load"]["added_by_models_s"], 1.0))
    figures["targets"] = {name: {"value": round(v, 3), "target": t, "met": v <= t} for name, v, t in targets}
    say("\ntarget                     value   target  met")
    for name, v, t in targets:
        say(f"{name:<26} {v:6.3f}   <= {t:<5} {'yes' if v <= t else 'NO'}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
