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

import codecs
import hashlib
import re
import unicodedata
import warnings as _warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from pathlib import Path

from .errors import InputError
from .ontology import load_ontology
from .types import DocumentRecord, SkippedDocument

__all__ = [
    "MAX_BYTES",
    "SUFFIXES",
    "Source",
    "decode_bytes",
    "discover",
    "find_date",
    "html_to_text",
    "iter_records",
    "read_document",
    "record_from_text",
    "strip_furniture",
]

#: Names (without suffix, any case) of a folder's own notes, not read when a folder is given;
#: name such a file explicitly to build it.
PROJECT_FILES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE"})

#: File name endings read from folders.
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text")


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, with the name it is reported under."""

    path: Path
    display: str  #: path relative to the input root, with forward slashes


def discover(inputs: Iterable[str | Path]) -> tuple[list[Source], list[SkippedDocument]]:
    """Expand files and folders (recursively) into sources, in a stable order.

    Missing paths, dangling symlinks and paths that are neither files nor
    folders are returned as skipped, not raised. Hidden files and folders
    (names starting with ``.``) inside a folder are ignored.
    """
    sources: dict[str, Source] = {}
    skipped: list[SkippedDocument] = []
    for raw in inputs:
        path = Path(raw)
        try:
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
            if not path.is_dir():
                skipped.append(SkippedDocument(str(raw), "not a regular file or folder"))
                continue
            children = sorted(path.rglob("*"))
        except (OSError, ValueError) as exc:  # name too long, NUL in name, permission denied
            skipped.append(SkippedDocument(str(raw)[:300], f"cannot read path: {exc.__class__.__name__}"))
            continue
        for child in children:
            parts = child.relative_to(path).parts
            if any(part.startswith(".") for part in parts):
                continue
            display = "/".join((path.name or path.resolve().name, *parts))
            if child.suffix.lower() not in SUFFIXES:
                continue
            if child.stem.upper() in PROJECT_FILES:
                continue  # a folder's README or LICENSE describes the corpus; it is not an article
            try:
                if child.is_symlink() and not child.exists():
                    skipped.append(SkippedDocument(display, "dangling symlink"))
                    continue
                if child.is_file():
                    sources.setdefault(child.resolve().as_posix(), Source(child, display))
            except OSError as exc:
                skipped.append(SkippedDocument(display, f"cannot read: {exc.strerror or exc}"))
    ordered = sorted(sources.values(), key=lambda s: s.display)
    return ordered, skipped


#: Files larger than this are skipped (a log or a disk image renamed ``.txt``).
MAX_BYTES = 64 * 1024 * 1024

#: Leading bytes of common binary formats -> what they are.
_MAGIC = (
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"RIFF", "RIFF media (WebP, WAV, AVI)"),
    (b"PK\x03\x04", "ZIP archive (or DOCX, XLSX, EPUB)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "OLE document (DOC, XLS, MSG)"),
    (b"{\\rtf", "RTF document"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"OggS", "Ogg media"),
    (b"fLaC", "FLAC audio"),
    (b"ID3", "MP3 audio"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
)

#: Byte order marks, longest first (the UTF-32-LE mark starts with the UTF-16-LE one).
_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32-LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32-BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16-LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16-BE"),
)

#: Printable signatures that never start a real text document.
_TEXTLIKE_MAGIC = (b"%PDF-", b"{\\rtf")

_REPLACEMENT = "\ufffd"


def _binary_kind(data: bytes) -> str:
    """What a binary file is ("PDF document"), or "" when it may be text."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            # "MZ", "RIFF", "OggS", "GIF89a" could also start a text: then require NUL bytes too
            if magic.isascii() and magic.decode().isprintable() and magic not in _TEXTLIKE_MAGIC \
                    and b"\x00" not in data[:4096]:
                continue
            return kind
    return ""


def _utf16_without_bom(data: bytes) -> str:
    """``"utf-16-le"``/``"utf-16-be"`` when NUL bytes sit in every other byte (ASCII-range text)."""
    sample = data[:65536]
    if len(sample) < 4 or len(sample) % 2:
        return ""
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.9 * half and even.count(0) <= 0.02 * half:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) <= 0.02 * half:
        return "utf-16-be"
    return ""


def _replaced(text: str, before: str = "") -> str:
    n = text.count(_REPLACEMENT) - before.count(_REPLACEMENT)
    return f"{n} undecodable byte sequence(s) replaced by U+FFFD" if n > 0 else ""


def _western(data: bytes) -> tuple[str, str] | None:
    """Decode as Latin-1 / Windows-1252 if the result reads like mostly-ASCII Western text."""
    high_c1 = any(0x80 <= b <= 0x9F for b in data)
    name = "cp1252" if high_c1 else "latin-1"
    try:
        text = data.decode(name)
    except UnicodeDecodeError:  # cp1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined
        name, text = "latin-1", data.decode("latin-1")
    letters = sum(1 for ch in text if ch.isalpha())
    non_ascii = sum(1 for ch in text if ord(ch) > 127 and ch.isalpha())
    # Latin-1 Western text is mostly ASCII letters with a few accented ones; Cyrillic,
    # Greek or CJK bytes read as Latin-1 give almost nothing but accented letters.
    if letters and non_ascii <= 0.3 * letters:
        return text, name
    return None


def _charset_hint(data: bytes) -> str:
    """The charset an HTML/XML file declares in its first 2 KB (``<meta charset>``), or ""."""
    head = data[:2048].decode("ascii", "ignore")
    m = re.search(r"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", head, re.IGNORECASE) or re.search(
        r"""<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9._:-]+)""", head, re.IGNORECASE)
    if not m:
        return ""
    try:
        return codecs.lookup(m[1]).name
    except LookupError:
        return ""


#: Control characters (Unicode category Cc) other than the white-space ones \t \n \v \f \r.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def decode_bytes(data: bytes, *, declared: str = "") -> tuple[str, tuple[str, ...]]:
    """Decode file bytes to text; returns the text and warnings about how it was decoded.

    In order: a byte order mark (UTF-8, UTF-16, UTF-32); UTF-8; UTF-8 with a few
    bad bytes replaced; the ``declared`` charset (an HTML page's ``<meta charset>``);
    Latin-1 / Windows-1252 for mostly-ASCII Western text; a detected encoding
    (charset-normalizer); else UTF-8 with replacement characters. Anything but
    clean UTF-8 comes with a warning such as ``"decoded as latin-1, not UTF-8"``.

    Raises :class:`InputError` for binary content (a known binary format, NUL
    bytes, or mostly control characters).

    >>> decode_bytes("Café".encode("latin-1"))
    ('Café', ('decoded as latin-1, not UTF-8',))
    >>> decode_bytes(b"\\xef\\xbb\\xbfAcme\\r\\n")
    ('Acme\\r\\n', ())
    """
    warnings: list[str] = []
    text: str | None = None
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            text = data[len(bom):].decode(codec, errors="replace")
            if codec != "utf-8":
                warnings.append(f"decoded as {label} (byte order mark), not UTF-8")
            warnings.append(_replaced(text))
            break
    if text is None:
        kind = _binary_kind(data)
        if kind:
            raise InputError(f"binary content ({kind}); not a text document")
        if b"\x00" in data:
            codec = _utf16_without_bom(data)
            if not codec:
                raise InputError("binary content (NUL bytes); not a text document")
            text = data.decode(codec, errors="replace")
            warnings += [f"decoded as {codec.upper()} (no byte order mark), not UTF-8", _replaced(text)]
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_legacy(data, declared, warnings)
    controls = len(_CONTROLS.findall(text))
    if controls > max(8, len(text) // 100):
        raise InputError("binary content (control characters); not a text document")
    if text.count(_REPLACEMENT) > max(8, len(text) // 10):
        raise InputError("undecodable content: no text encoding fits; not a text document")
    return text, tuple(w for w in warnings if w)


def _decode_legacy(data: bytes, declared: str, warnings: list[str]) -> str:
    """Decode bytes that are not clean UTF-8 (see :func:`decode_bytes`)."""
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count(_REPLACEMENT)
    multibyte = sum(1 for ch in loose if ord(ch) > 127) - bad
    if multibyte >= max(1, bad):  # UTF-8 with a few stray bytes, not another encoding
        warnings.append(f"invalid UTF-8: {bad} byte sequence(s) replaced by U+FFFD")
        return loose
    if declared and declared not in {"utf-8", "ascii"}:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            warnings.append(f"decoded as {declared} (declared in the file), not UTF-8")
            return text
    western = _western(data)
    if western is not None:
        warnings.append(f"decoded as {western[1]}, not UTF-8")
        return western[0]
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None:
        warnings.append(f"decoded as {best.encoding} (detected), not UTF-8")
        return str(best)
    warnings.append(f"unknown encoding: decoded as UTF-8 with {bad} byte sequence(s) replaced by U+FFFD")
    return loose


_BLOCK_TAGS = (
    "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section",
    "article", "blockquote", "pre", "ul", "ol", "table", "figure", "figcaption", "dd", "dt",
)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "svg",
    "iframe", "select", "input", "menu", "dialog", "object", "embed", "canvas", "head", "footer",
)
#: Dropped unless inside the article itself (where ``<header>`` holds the headline).
_PAGE_TAGS = ("header",)
_HIDDEN_STYLE = re.compile(r"(display\s*:\s*none|visibility\s*:\s*hidden)", re.IGNORECASE)
_HIDDEN_ROLES = {"navigation", "banner", "contentinfo", "search", "menu", "menubar", "complementary"}
#: ``<?xml ...?>`` and ``<!DOCTYPE ... [internal subset]>``: the HTML parser would show
#: an internal subset as text. Entities declared there are never expanded (no XXE).
_PROLOG = re.compile(r"<\?xml[^>]*>|<!DOCTYPE[^\[>]*(?:\[.*?\]\s*)?>", re.IGNORECASE | re.DOTALL)


def html_to_text(markup: str) -> tuple[str, str, str]:
    """Visible text of an HTML page, its title and its publication date (ISO or "").

    Parsed with BeautifulSoup on lxml's HTML parser, which neither loads DTDs nor
    expands entities declared in the page (external entities stay unresolved text);
    no network access. Scripts, styles, navigation, forms, hidden elements and page
    headers and footers are dropped.

    >>> html_to_text("<html><script>var x = 1;</script><body><p>Acme buys Widgets.</p></body></html>")[0]
    'Acme buys Widgets.\\n'
    """
    from bs4 import BeautifulSoup

    markup = _PROLOG.sub("", markup[:4096]) + markup[4096:]
    with _warnings.catch_warnings():
        _warnings.simplefilter("ignore")  # XMLParsedAsHTMLWarning and the like: we want HTML
        soup = BeautifulSoup(markup, "lxml")
    title = ""
    if soup.title and soup.title.string:
        title = " ".join(soup.title.string.split())
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
    for tag in soup(list(_PAGE_TAGS)):
        if tag.find_parent(["article", "main"]) is None:
            tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        role = str(tag.get("role") or "").lower()
        if (tag.has_attr("hidden") or str(tag.get("aria-hidden") or "").lower() == "true"
                or _HIDDEN_STYLE.search(str(tag.get("style") or "")) or role in _HIDDEN_ROLES):
            tag.decompose()
    body = soup.find("article") or soup.find("main") or soup.body or soup
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
def _furniture_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The lexicon's furniture lines and stop lines, each list as one alternation (one match per line)."""
    onto = load_ontology()

    def one(patterns: list[str]) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{p})" for p in patterns) or "(?!)", re.IGNORECASE)

    return one(onto.lexicon["furniture"]["lines"]), one(onto.lexicon["furniture"]["stop_lines"])


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
        if stopped or (probe and stops.match(probe)):
            stopped = True
            out.append(" " * len(body) + ending)
        elif probe and lines.match(probe):
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


#: Latin letters that NFKD does not decompose into ASCII.
_FOLD = str.maketrans({"ß": "ss", "Æ": "AE", "æ": "ae", "Ø": "O", "ø": "o", "Œ": "OE", "œ": "oe", "Ł": "L",
                       "ł": "l", "Đ": "D", "đ": "d", "Þ": "Th", "þ": "th", "Ð": "D", "ð": "d", "ı": "i"})


def _slug(display: str) -> str:
    """A document id from its display path: ASCII letters, digits, ``.``, ``_`` and ``-``.

    Never contains ``/`` or starts with ``.``, so it cannot name a path outside the
    output folder; names with no Latin letters get a hash of the path.

    >>> _slug("../../etc/passwd.txt"), _slug("news/Zoë café.html")
    ('etc_passwd', 'news_Zoe_cafe')
    """
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", display)
    folded = unicodedata.normalize("NFKD", stem.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9._-]+", "_", folded)
    slug = re.sub(r"\.{2,}", ".", slug).strip("._-")
    digest = hashlib.sha256(display.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    lost = sum(ch.isalnum() for ch in stem.translate(_FOLD)) - sum(ch.isalnum() for ch in folded)  # CJK
    if len(slug) > 120:
        slug = f"{slug[:100].rstrip('._-')}-{digest}"
    elif lost > 0 or len(re.sub(r"[^A-Za-z0-9]", "", slug)) < 2:
        slug = f"{slug}-{digest}" if slug else f"doc-{digest}"
    return slug


#: Characters that are line breaks to ``str.splitlines`` but not ``\n``: mapped to ``\n``.
_LINE_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: Control characters, lone surrogates and non-characters: invalid in XML or meaningless in text.
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]|[\ud800-\udfff]|[\ufdd0-\ufdef\ufffe\uffff]"
    "|[\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
    "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
    "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
    "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]"
)
_LINE_TABLE = str.maketrans({ch: "\n" for ch in _LINE_BREAKS})


def _sanitize(text: str) -> tuple[str, int]:
    """Normalise line ends; replace control characters by spaces, one for one (offsets hold).

    Returns the text and how many characters were replaced. Lone surrogates and
    non-characters become U+FFFD; CR LF and CR become LF.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_TABLE)
    count = 0

    def sub(m: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return " " if m[0] < "\ud800" else _REPLACEMENT

    return _BAD_CHARS.sub(sub, text), count


def _finish(doc_id: str, path: str, text: str, title: str, published: str,
            warnings: tuple[str, ...]) -> DocumentRecord:
    text, replaced = _sanitize(text)
    if replaced:
        warnings = (*warnings, f"{replaced} control or invalid character(s) replaced")
    text = strip_furniture(text)
    if not text.strip():
        raise InputError("empty document (no text after removing page furniture)")
    if not title:
        title = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")[:300]
    title = _sanitize(" ".join(title.split()))[0]
    if not published:
        head = "\n".join(text.splitlines()[:12])
        published = find_date(head)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentRecord(doc_id=doc_id, path=path, text=text, sha256=sha, title=title,
                          date=published, warnings=warnings)


_LOOKS_HTML = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*(?:<!doctype\s+html|<html)",
                         re.IGNORECASE | re.DOTALL)
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_document(source: Source) -> DocumentRecord:
    """Read one file into a record. Raises :class:`InputError` with the reason."""
    try:
        size = source.path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"too large ({size / 1e6:.0f} MB; the limit is {MAX_BYTES / 1e6:.0f} MB)")
        data = source.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputError("empty document" if not data else "whitespace-only document")
    is_html = source.path.suffix.lower() in _HTML_SUFFIXES
    hint = _charset_hint(data) if is_html or b"<html" in data[:2048].lower() else ""
    text, warnings = decode_bytes(data, declared=hint)
    if not text.strip():
        raise InputError("whitespace-only document")
    title = published = ""
    if is_html or _LOOKS_HTML.match(text[:2048]):
        text, title, published = html_to_text(text)
        if not text.strip():
            raise InputError("no visible text in the HTML page")
    return _finish(_slug(source.display), source.display, text, title, published, warnings)


def record_from_text(text: str, name: str = "") -> DocumentRecord:
    """A record for a raw string (the Python API's ``kg.build("...")``).

    Raises :class:`InputError` when nothing but whitespace (or page furniture) is left.
    """
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    doc_id = _slug(name) if name else f"text-{digest[:12]}"
    if _LOOKS_HTML.match(text[:2048]):
        body, title, published = html_to_text(text)
        return _finish(doc_id, name, body, title, published, ())
    return _finish(doc_id, name, text, "", "", ())


def iter_records(sources: Iterable[Source]) -> Iterator[DocumentRecord | SkippedDocument]:
    """Read each source; a bad one becomes a :class:`SkippedDocument`, the rest go on.

    Document ids are unique: when two paths slug to the same id (``a b.txt`` and
    ``a_b.txt``), the later one (in source order) gets a hash of its path appended.
    """
    seen: set[str] = set()
    for source in sources:
        try:
            record = read_document(source)
        except InputError as exc:
            yield SkippedDocument(source.display, str(exc))
            continue
        if record.doc_id in seen:
            digest = hashlib.sha256(source.display.encode("utf-8", "surrogatepass")).hexdigest()[:10]
            record = replace(record, doc_id=f"{record.doc_id}-{digest}")
        seen.add(record.doc_id)
        yield record
