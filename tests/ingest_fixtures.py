"""The ingest fixtures: three articles, and the same articles in every format news is kept in.

The text fixtures are committed under ``tests/fixtures/ingest/`` (written by
hand: a saved page with furniture, a CSV export, an RSS and an Atom feed, and
the plain text of each article). The binary ones (``.jsonl.gz``,
``.warc.gz``) are made here, from the same articles, with the standard
library and warcio. benchmarks/bench_ingest.py uses these helpers too.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ingest"
PLAIN = FIXTURES / "plain"

#: The articles' metadata, as every fixture gives it.
ARTICLES = [
    {"key": "nordvik", "id": "nordvik-1", "title": "Nordvik buys Brebeuf", "date": "2024-06-03",
     "issued": "2024-06-03T09:30:00+02:00", "url": "https://news.example.com/2024/06/03/nordvik-buys-brebeuf",
     "author": "Jane Doe"},
    {"key": "calloway", "id": "calloway-2", "title": "Calloway and Dunmore team up on batteries",
     "date": "2024-07-15", "issued": "", "url": "https://news.example.com/2024/07/15/calloway-dunmore",
     "author": "Sam Roe"},
    {"key": "tessaro", "id": "tessaro-3", "title": "Tessaro invests in Quantel", "date": "2024-08-20",
     "issued": "2024-08-20T16:05:00+00:00", "url": "https://news.example.com/2024/08/20/tessaro-quantel",
     "author": "Ana Lima; Ben Ode"},
]

#: Names that appear only in page furniture (menus, banners, related links, footers, scripts).
FURNITURE_NAMES = ("Hooli", "Vandelay", "Kramerica", "Soylent", "Cyberdyne", "Tyrell", "Wayne", "Massive Dynamic",
                   "Globex", "Umbrella", "Initech", "Penwick", "Sirius", "Oscorp", "Daily Ledger")


def body(key: str) -> str:
    """An article's text without its headline (the plain file's first paragraph)."""
    return (PLAIN / f"{key}.txt").read_text(encoding="utf-8").split("\n\n", 1)[1]


def page(article: dict, *, canonical: bool = True, furniture: bool = True) -> str:
    """The article as a news site serves it: a page with menus, a cookie banner, related links."""
    paragraphs = "".join(f"<p>{p.strip()}</p>\n" for p in body(article["key"]).split("\n\n") if p.strip())
    link = f'<link rel="canonical" href="{article["url"]}">' if canonical else ""
    published = article["issued"] or article["date"]
    chrome_top = """<div class="cookie-banner" role="dialog"><p>Hooli Corp and our partners use cookies.</p>
<button>Accept</button></div>
<header><nav><a href="/">Home</a> <a href="/t">Vandelay Industries acquired Kramerica Inc</a></nav></header>
""" if furniture else ""
    chrome_bottom = """<aside><h2>Related stories</h2><a href="/r">Soylent Corp acquired Cyberdyne Inc</a></aside>
<footer>Owned by Massive Dynamic Inc.</footer><script>track("Globex Corp acquired Umbrella Inc")</script>
""" if furniture else ""
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{article["title"]} | The Daily Ledger</title>{link}
<meta property="og:title" content="{article["title"]}">
<meta name="author" content="{article["author"]}">
<meta property="article:published_time" content="{published}">
</head><body>{chrome_top}<main><article><h1>{article["title"]}</h1>
{paragraphs}</article>{chrome_bottom}</main></body></html>
"""


def odd_record(article: dict) -> dict:
    """The article as a news API exports it, with field names of its own."""
    return {"uid": article["id"], "Headline": article["title"], "articleBody": body(article["key"]),
            "permalink": article["url"], "publishedAt": article["issued"] or article["date"],
            "byline": [{"name": n} for n in article["author"].split("; ")], "lang": "en"}


def write_jsonl_gz(path: Path, records: list[dict] | None = None) -> Path:
    records = [odd_record(a) for a in ARTICLES] if records is None else records
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec) + "\n")
    return path


def _http(status: str, content_type: str, body: bytes):
    from warcio.statusandheaders import StatusAndHeaders

    return StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")


def warc_records(articles: list[dict] | None = None, *, extras: bool = True, pages=None):
    """(kind, url, payload, http headers) of a small crawl: the articles' pages with their requests, and
    (with ``extras``) a robots.txt, an image, a 404, a metadata and a revisit record, and two more copies
    of the first page under other URLs (its AMP version, a partner site's syndicated copy)."""
    from warcio.statusandheaders import StatusAndHeaders

    articles = ARTICLES if articles is None else articles
    out = []
    for n, article in enumerate(articles):
        html = (pages[n] if pages else page(article)).encode("utf-8")
        request = StatusAndHeaders(f"GET {article['url'][len('https://news.example.com'):]} HTTP/1.1",
                                   [("Host", "news.example.com")], is_http_request=True)
        out.append(("request", article["url"], b"", request))
        out.append(("response", article["url"], html, _http("200 OK", "text/html; charset=utf-8", html)))
    if extras:
        robots = b"User-agent: *\nDisallow: /private/\n"
        out.append(("response", "https://news.example.com/robots.txt", robots,
                    _http("200 OK", "text/plain", robots)))
        png = b"\x89PNG\r\n\x1a\n" + bytes(64)
        out.append(("response", "https://news.example.com/logo.png", png, _http("200 OK", "image/png", png)))
        missing = b"<html><body><h1>Not found</h1><p>Tyrell Corp partners with Wayne Enterprises.</p></body></html>"
        out.append(("response", "https://news.example.com/gone", missing,
                    _http("404 Not Found", "text/html", missing)))
        out.append(("metadata", "https://news.example.com/robots.txt", b"outlinks: none\n", None))
        first = ARTICLES[0]
        amp = page(first).encode("utf-8")  # canonical link to the first: a duplicate by URL
        out.append(("response", "https://news.example.com/amp/2024/06/03/nordvik-buys-brebeuf", amp,
                    _http("200 OK", "text/html", amp)))
        syndicated = page(first, canonical=False).encode("utf-8")  # same words elsewhere: a duplicate by text
        out.append(("response", "https://partner.example.org/business/nordvik", syndicated,
                    _http("200 OK", "text/html; charset=utf-8", syndicated)))
        out.append(("revisit", first["url"], b"", None))
    return out


def write_warc_gz(path: Path, records=None, *, gzip_records: bool = True) -> Path:
    """A WARC file of ``records`` (default :func:`warc_records`), each record its own gzip member."""
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gzip_records)
    writer.write_record(writer.create_warcinfo_record(path.name, {"software": "kg-builder tests"}))
    for kind, url, payload, http in (warc_records() if records is None else records):
        if kind == "revisit":
            rec = writer.create_revisit_record(url, digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                               refers_to_uri=url, refers_to_date="2024-06-03T10:00:00Z")
        elif kind == "metadata":
            rec = writer.create_warc_record(url, "metadata", payload=io.BytesIO(payload),
                                            warc_content_type="text/anvl")
        else:
            rec = writer.create_warc_record(url, kind, payload=io.BytesIO(payload), http_headers=http)
        writer.write_record(rec)
    path.write_bytes(buf.getvalue())
    return path
