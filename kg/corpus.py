"""Read documents: paths or raw strings in, :class:`~kg.types.DocumentRecord` out.

Decoding (UTF-8 with or without BOM, other encodings detected), HTML reduced
to its visible text, and saved-page furniture (bylines, "Was this article
helpful?", comment widgets) blanked out. Furniture is replaced by spaces, not
deleted, so character offsets still point into the file's text.

>>> from kg.corpus import record_from_text
>>> rec = record_from_text("Acme buys Widgets.\\n\\nWas this article helpful?\\nYesNo\\n")
>>> rec.text.rstrip()
'Acme buys Widgets.'
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .ontology import load_ontology
from .types import DocumentRecord, SkippedDocument

__all__ = [
    "SUFFIXES",
    "Source",
    "discover",
    "read_document",
    "record_from_text",
    "decode_bytes",
    "html_to_text",
    "strip_furniture",
    "find_date",
]

#: File name endings read from folders.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text")


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, with the name it is reported under."""

    path: Path
    display: str  #: path relative to the input root, with forward slashes


def discover(inputs: Iterable[str | Path]) -> tuple[list[Source], list[SkippedDocument]]:
    """Expand files and folders (recursively) into sources, in a stable order.

    Missing paths and dangling symlinks are returned as skipped, not raised.
    """
    sources: dict[str, Source] = {}
    skipped: list[SkippedDocument] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_symlink() and not path.exists():
            skipped.append(SkippedDocument(str(raw), "dangling symlink"))
            continue
        if not path.exists():
            skipped.append(SkippedDocument(str(raw), "no such file or folder"))
            continue
        if path.is_file():
            display = path.name if path.parent == Path(".") else path.as_posix()
            sources.setdefault(path.resolve().as_posix(), Source(path, display))
            continue
        for child in sorted(path.rglob("*")):
            rel = child.relative_to(path).as_posix()
            if any(part.startswith(".") for part in child.relative_to(path).parts):
                continue
            if child.is_symlink() and not child.exists():
                skipped.append(SkippedDocument(f"{path.as_posix()}/{rel}", "dangling symlink"))
                continue
            if child.is_file() and child.suffix.lower() in SUFFIXES:
                sources.setdefault(child.resolve().as_posix(), Source(child, f"{path.name}/{rel}"))
    ordered = sorted(sources.values(), key=lambda s: s.display)
    return ordered, skipped


def decode_bytes(data: bytes) -> tuple[str, tuple[str, ...]]:
    """Decode file bytes: UTF-8 (BOM stripped) or a detected encoding.

    Raises :class:`InputError` for binary content.
    """
    if b"\x00" in data[:65536]:
        raise InputError("binary content (NUL bytes); not a text document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError("undecodable content: no text encoding fits; not a text document")
    text = str(best)
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\r\n\t\f")
    if controls > max(8, len(text) // 100):
        raise InputError("binary content (control characters); not a text document")
    return text, (f"decoded as {best.encoding}, not UTF-8",)


_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "blockquote", "pre", "ul", "ol", "table", "figure", "figcaption", "dd", "dt",
)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "button", "svg", "iframe", "select", "input", "menu", "dialog",
)


def html_to_text(markup: str) -> tuple[str, str, str]:
    """Visible text of an HTML page, its title and its publication date (ISO or "")."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(markup, "lxml")
    title = ""
    if soup.title and soup.title.string:
        title = soup.title.string.strip()
    published = ""
    for meta in soup.find_all("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in {"article:published_time", "date", "pubdate", "datepublished", "dc.date"}:
            published = _iso_prefix(meta.get("content") or "")
            if published:
                break
    if not published:
        time_tag = soup.find("time")
        if time_tag is not None and time_tag.get("datetime"):
            published = _iso_prefix(time_tag["datetime"])
    for tag in soup(list(_DROP_TAGS)):
        tag.decompose()
    for tag in soup.find_all(attrs={"aria-hidden": "true"}):
        tag.decompose()
    body = soup.find("article") or soup.body or soup
    h1 = body.find("h1") if hasattr(body, "find") else None
    if h1 is not None and h1.get_text(strip=True):
        title = h1.get_text(" ", strip=True)
    for tag in body.find_all(list(_BLOCK_TAGS)):
        tag.insert_before("\n\n")
        tag.insert_after("\n\n")
    text = body.get_text()
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    return text + "\n", title, published


def _iso_prefix(value: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return ""
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


@lru_cache(maxsize=1)
def _furniture_patterns() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    onto = load_ontology()
    lines = [re.compile(p, re.I) for p in onto.lexicon["furniture"]["lines"]]
    stops = [re.compile(p, re.I) for p in onto.lexicon["furniture"]["stop_lines"]]
    return lines, stops


_BULLET = re.compile(r"^[\s\u2022\u25cf\u25aa\u2023\u2043*·\-–—]+")


def strip_furniture(text: str) -> str:
    """Blank out page-furniture lines, keeping every other character where it was."""
    lines, stops = _furniture_patterns()
    out: list[str] = []
    stopped = False
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        ending = line[len(body):]
        probe = _BULLET.sub("", body).strip()
        if stopped or (probe and any(p.match(probe) for p in stops)):
            stopped = True
            out.append(" " * len(body) + ending)
        elif probe and any(p.match(probe) for p in lines):
            out.append(" " * len(body) + ending)
        else:
            out.append(line)
    return "".join(out)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_DATE_RE = re.compile(
    r"\b(?P<month>[A-Za-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Za-z]{3,9})\.?\s+(?P<year2>\d{4})\b"
    r"|\b(?P<iso>\d{4}-\d{2}-\d{2})\b"
)


def find_date(text: str) -> str:
    """The first calendar date written in ``text`` as ISO (``"2024-08-23"``), or ""."""
    for m in _DATE_RE.finditer(text):
        if m["iso"]:
            iso = _iso_prefix(m["iso"])
            if iso:
                return iso
            continue
        month = (m["month"] or m["month2"] or "").lower()
        day = m["day"] or m["day2"]
        year = m["year"] or m["year2"]
        if month in _MONTHS:
            try:
                return date(int(year), _MONTHS[month], int(day)).isoformat()
            except ValueError:
                continue
    return ""


def _slug(display: str) -> str:
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", display)
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._-")
    return slug or "doc"


def _finish(doc_id: str, path: str, text: str, title: str, published: str,
            warnings: tuple[str, ...]) -> DocumentRecord:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = strip_furniture(text)
    if not text.strip():
        raise InputError("empty document (no text after removing page furniture)")
    if not title:
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:300]
    if not published:
        head = "\n".join(text.splitlines()[:12])
        published = find_date(head)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentRecord(doc_id=doc_id, path=path, text=text, sha256=sha, title=title,
                          date=published, warnings=warnings)


def read_document(source: Source) -> DocumentRecord:
    """Read one file into a record. Raises :class:`InputError` with the reason."""
    try:
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError("empty document" if not data else "whitespace-only document")
    text, warnings = decode_bytes(data)
    title = published = ""
    looks_html = source.path.suffix.lower() in {".html", ".htm", ".xhtml"} or bool(
        re.match(r"\s*(<!doctype html|<html)", text[:512], re.I)
    )
    if looks_html:
        text, title, published = html_to_text(text)
    if not text.strip():
        raise InputError("whitespace-only document")
    return _finish(_slug(source.display), source.display, text, title, published, warnings)


def record_from_text(text: str, name: str = "") -> DocumentRecord:
    """A record for a raw string (the Python API's ``kg.build("...")``)."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    doc_id = _slug(name) if name else f"text-{digest[:12]}"
    if re.match(r"\s*(<!doctype html|<html)", text[:512], re.I):
        body, title, published = html_to_text(text)
        return _finish(doc_id, name, body, title, published, ())
    return _finish(doc_id, name, text, "", "", ())


def iter_records(sources: Iterable[Source]) -> Iterator[DocumentRecord | SkippedDocument]:
    """Read each source; a bad one becomes a :class:`SkippedDocument`, the rest go on."""
    for source in sources:
        try:
            yield read_document(source)
        except InputError as exc:
            yield SkippedDocument(source.display, str(exc))
