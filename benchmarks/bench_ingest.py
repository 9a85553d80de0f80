"""Reading news as it is stored (issue 17): relation overlap per format, memory and reading time at scale.

Generates news-like articles from bench_build.py's templates (fixed seed)
and writes the same articles in every format kg-builder reads: plain text
files, saved pages with menus, cookie banners, related links and footers,
a JSON Lines dump (gzip), a CSV export, a WARC crawl (gzip; with a request
record beside each page), an RSS and an Atom feed. Then:

- overlap: each format is built and its relations compared with the plain
  text build of the same articles (share of the plain build's relations
  found), with a check that every document has its title, date and URL and
  that no name from the page furniture reached the graph;
- memory and reading time: ``kg build --jobs 2`` of a 10,000-article
  ``.jsonl.gz`` and ``.warc.gz`` against the 1,000-article ones, peak total
  PSS of the process tree (bench_build.run), and the time reading alone
  takes (kg.ingest, every record read, cleaned, language-checked and
  de-duplicated, no parsing) against the build's time.

    .venv/bin/python benchmarks/bench_ingest.py --quick         # smoke run (~3 min)
    .venv/bin/python benchmarks/bench_ingest.py --json out.json # the issue's sizes (~30 min on 2 cores)

Targets: overlap >= 0.85 for every format; peak memory on 10,000 articles
within 1.2x of 1,000; reading at most 10% of the build time.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import platform
import random
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve()
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent.parent))

from bench_build import _MONTHS, make_document, run

_FURNITURE = ("Hooli", "Vandelay", "Kramerica", "Soylent", "Cyberdyne", "Massive Dynamic", "Globex", "Umbrella")


def article(i: int, words: int, seed: int = 17) -> dict:
    """One generated article: title, date, body, URL, author."""
    rnd = random.Random(seed * 1_000_003 + i)
    text = make_document(rnd, words)
    title, when, body = text.split("\n\n", 2)
    month, day, year = when.replace(",", "").split()
    date = f"{year}-{_MONTHS.index(month) + 1:02d}-{int(day):02d}"
    return {"id": f"a{i:06d}", "title": title, "date": date, "issued": f"{date}T{rnd.randint(6, 20):02d}:15:00Z",
            "body": body, "plain": text, "url": f"https://news.example.com/{year}/{i:06d}",
            "author": rnd.choice(["Jane Doe", "Sam Roe", "Ana Lima", "Ben Ode"])}


def page(a: dict) -> str:
    paragraphs = "".join(f"<p>{p}</p>\n" for p in a["body"].split("\n\n") if p.strip())
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{a["title"]} | The Daily Ledger</title><link rel="canonical" href="{a["url"]}">
<meta property="og:title" content="{a["title"]}"><meta name="author" content="{a["author"]}">
<meta property="article:published_time" content="{a["issued"]}">
<script>var s = "Globex Corp acquired Umbrella Inc";</script></head><body>
<div class="cookie-banner" role="dialog"><p>Hooli Corp and our partners use cookies.</p><button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/t">Vandelay Industries acquired Kramerica Inc</a></nav></header>
<main><article><h1>{a["title"]}</h1>
{paragraphs}</article>
<aside><h2>Related stories</h2><a href="/r">Soylent Corp acquired Cyberdyne Inc</a></aside></main>
<footer>Owned by Massive Dynamic Inc.</footer></body></html>
"""


def write_formats(folder: Path, n: int, words: int, formats: set[str]) -> dict[str, Path]:
    """The same ``n`` articles in each of ``formats``; returns format -> path (file or folder)."""
    import csv

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, Path] = {}
    articles = (article(i, words) for i in range(n))
    handles = {}
    if "plain" in formats:
        (folder / "plain").mkdir(exist_ok=True)
        out["plain"] = folder / "plain"
    if "html" in formats:
        (folder / "html").mkdir(exist_ok=True)
        out["html"] = folder / "html"
    if "jsonl.gz" in formats:
        out["jsonl.gz"] = folder / "dump.jsonl.gz"
        handles["jsonl"] = gzip.open(out["jsonl.gz"], "wt", encoding="utf-8")
    if "csv" in formats:
        out["csv"] = folder / "export.csv"
        handles["csv_file"] = open(out["csv"], "w", encoding="utf-8", newline="")  # noqa: SIM115
        handles["csv"] = csv.writer(handles["csv_file"])
        handles["csv"].writerow(["id", "title", "text", "url", "published", "author"])
    if "warc.gz" in formats:
        from warcio.statusandheaders import StatusAndHeaders
        from warcio.warcwriter import WARCWriter

        out["warc.gz"] = folder / "crawl.warc.gz"
        handles["warc_file"] = open(out["warc.gz"], "wb")  # noqa: SIM115
        handles["warc"] = WARCWriter(handles["warc_file"], gzip=True)
    items: list[str] = []
    atom: list[str] = []
    for a in articles:
        if "plain" in out:
            (out["plain"] / f"{a['id']}.txt").write_text(a["plain"], encoding="utf-8")
        if "html" in out:
            (out["html"] / f"{a['id']}.html").write_text(page(a), encoding="utf-8")
        if "jsonl" in handles:
            handles["jsonl"].write(json.dumps({"id": a["id"], "headline": a["title"], "body": a["body"],
                                               "link": a["url"], "published_at": a["issued"],
                                               "author": a["author"]}) + "\n")
        if "csv" in handles:
            handles["csv"].writerow([a["id"], a["title"], a["body"], a["url"], a["issued"], a["author"]])
        if "warc" in handles:
            writer = handles["warc"]
            html = page(a).encode("utf-8")
            req = StatusAndHeaders(f"GET /{a['id']} HTTP/1.1", [("Host", "news.example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(a["url"], "request", payload=io.BytesIO(b""),
                                                          http_headers=req))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(a["url"], "response", payload=io.BytesIO(html),
                                                          http_headers=http))
        content = "".join(f"<p>{p}</p>" for p in a["body"].split("\n\n"))
        if "rss" in formats:
            items.append(f"<item><title>{a['title']}</title><link>{a['url']}</link><guid>{a['id']}</guid>"
                         f"<pubDate>{a['date']}T12:00:00Z</pubDate><content:encoded><![CDATA[{content}]]>"
                         f"</content:encoded></item>")
        if "atom" in formats:
            esc = content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            atom.append(f"<entry><title>{a['title']}</title><id>urn:x:{a['id']}</id><link href=\"{a['url']}\"/>"
                        f"<published>{a['issued']}</published><content type=\"html\">{esc}</content></entry>")
    for key in ("jsonl", "csv_file", "warc_file"):
        if key in handles:
            handles[key].close()
    if "rss" in formats:
        out["rss"] = folder / "feed.rss"
        out["rss"].write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                              'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>L</title>'
                              + "".join(items) + "</channel></rss>", encoding="utf-8")
    if "atom" in formats:
        out["atom"] = folder / "feed.atom"
        out["atom"].write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
                               "<title>L</title><id>urn:x</id>" + "".join(atom) + "</feed>", encoding="utf-8")
    return out


def overlap(n: int, words: int, work: Path) -> dict:
    """Each format's relations against the plain-text build of the same articles."""
    from kg.build import build

    paths = write_formats(work / f"overlap{n}", n, words, {"plain", "html", "jsonl.gz", "csv", "warc.gz", "rss",
                                                           "atom"})
    builds = {}
    for fmt, path in paths.items():
        started = time.perf_counter()
        result = build([path], cache=False)
        graph = result.graph
        docs = list(graph.documents.values())
        builds[fmt] = {
            "triples": set(graph.triples()), "documents": len(docs), "seconds": time.perf_counter() - started,
            "with_title": sum(bool(d.title) for d in docs), "with_date": sum(bool(d.date) for d in docs),
            "with_url": sum(bool(d.url) for d in docs),
            "furniture_names": sorted({e.name for e in graph.entities.values()
                                       if any(f in e.name for f in _FURNITURE)}),
        }
        print(f"  {fmt}: {len(docs)} documents, {len(builds[fmt]['triples'])} relations "
              f"({builds[fmt]['seconds']:.0f} s)", flush=True)
    plain = builds["plain"]["triples"]
    figures = {}
    for fmt, b in builds.items():
        found = len(plain & b["triples"])
        figures[fmt] = {"documents": b["documents"], "relations": len(b["triples"]),
                        "overlap": found / len(plain) if plain else float("nan"),
                        "extra": len(b["triples"] - plain), "with_title": b["with_title"],
                        "with_date": b["with_date"], "with_url": b["with_url"],
                        "furniture_names": b["furniture_names"]}
    return figures


def reading_seconds(path: Path) -> tuple[float, int]:
    """Seconds to read every document of ``path`` through kg.ingest (no parsing), and how many."""
    from kg.ingest import Reading, discover

    found, _ = discover([path])
    started = time.perf_counter()
    count = sum(1 for item in Reading().records(found) if hasattr(item, "text"))
    return time.perf_counter() - started, count


def scale(small: int, large: int, words: int, work: Path) -> dict:
    figures = {}
    for fmt in ("jsonl.gz", "warc.gz"):
        row = {}
        for n in (small, large):
            path = write_formats(work / f"scale{n}-{fmt}", n, words, {fmt})[fmt]
            read_s, docs = reading_seconds(path)
            r = run("full-nocache", path, jobs=2)
            row[n] = {"documents": docs, "bytes": path.stat().st_size, "read_s": read_s, "build_s": r["seconds"],
                      "tree_pss_mb": r["tree_pss_mb"], "rss_mb": r["rss_mb"], "worker_rss_mb": r["child_rss_mb"],
                      "read_share": read_s / r["seconds"]}
            print(f"  {fmt} {n}: read {read_s:.1f} s, build {r['seconds']:.0f} s "
                  f"({read_s / r['seconds']:.1%}), peak PSS {r['tree_pss_mb']} MB", flush=True)
        row["memory_large_over_small"] = row[large]["tree_pss_mb"] / row[small]["tree_pss_mb"]
        figures[fmt] = row
    return figures


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    ap.add_argument("--overlap-docs", type=int, default=200)
    ap.add_argument("--docs", type=int, default=10000, help="the large run; the small one is a tenth")
    ap.add_argument("--words", type=int, default=200)
    ap.add_argument("--sections", default="overlap,scale")
    ap.add_argument("--workdir", type=Path, default=None)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    if args.quick:
        args.overlap_docs, args.docs = 20, 200
    work = args.workdir or Path(tempfile.mkdtemp(prefix="kgbench-ingest-"))
    import spacy

    figures: dict = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                                 "platform": platform.platform(), "spacy": spacy.__version__},
                     "settings": {k: str(v) for k, v in vars(args).items() if k not in {"workdir", "json"}}}
    sections = set(args.sections.split(","))
    if "overlap" in sections:
        print(f"overlap: {args.overlap_docs} articles in every format", flush=True)
        figures["overlap"] = overlap(args.overlap_docs, args.words, work)
        print(json.dumps(figures["overlap"], indent=1), flush=True)
    if "scale" in sections:
        print(f"scale: {args.docs // 10} and {args.docs} articles, .jsonl.gz and .warc.gz, --jobs 2", flush=True)
        figures["scale"] = scale(args.docs // 10, args.docs, args.words, work)
        print(json.dumps(figures["scale"], indent=1), flush=True)
    targets = []
    for fmt, row in figures.get("overlap", {}).items():
        targets.append((f"overlap {fmt}", row["overlap"], ">=", 0.85))
    for fmt, row in figures.get("scale", {}).items():
        targets.append((f"memory 10x / 1x {fmt}", row["memory_large_over_small"], "<=", 1.2))
        large = max(k for k in row if isinstance(k, int))
        targets.append((f"reading share {fmt}", row[large]["read_share"], "<=", 0.10))
    figures["targets"] = {name: {"value": round(v, 3), "target": f"{op} {t}",
                                 "met": v >= t if op == ">=" else v <= t} for name, v, op, t in targets}
    print("\ntarget                          value   target   met")
    for name, v, op, t in targets:
        met = v >= t if op == ">=" else v <= t
        print(f"{name:<30} {v:6.3f}   {op} {t:<5} {'yes' if met else 'NO'}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
