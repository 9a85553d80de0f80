"""Find and decode documents: paths in, :class:`Source` files and decoded text out.

The first stage of a build: folders are expanded into files
(:func:`discover`), and file bytes are decoded into text
(:func:`decode_bytes`: byte order marks, UTF-8, declared and detected
encodings; binary content refused). What a file *holds* (a page, a feed, a
dump of articles, a web crawl) is the business of :mod:`kg.ingest`, which
reads each format; the helpers here are shared by its readers: the document
id slug (:func:`slug`), control-character cleaning (:func:`sanitize`), and
calendar dates written in text (:func:`find_date`).

>>> decode_bytes("Café".encode("latin-1"))
('Café', ('decoded as latin-1, not UTF-8',))
>>> find_date("Published June 3, 2024, 09:30")
'2024-06-03'
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .errors import InputError
from .types import SkippedDocument

__all__ = [
    "MAX_BYTES",
    "PROJECT_FILES",
    "SUFFIXES",
    "Source",
    "binary_kind",
    "charset_hint",
    "decode_bytes",
    "discover",
    "find_date",
    "sanitize",
    "slug",
]

#: Names (without suffix, any case) of a folder's own notes, not read when a folder is given;
#: name such a file explicitly to build it.
PROJECT_FILES = frozenset({"README", "LICENSE", "LICENCE", "CHANGELOG", "CHANGES", "CONTRIBUTING", "NOTICE"})

#: File name endings of plain text and web pages. :func:`kg.ingest.discover` reads folders for
#: the endings of every registered reader (JSON Lines, CSV, WARC, feeds, compressed variants).
SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".xhtml", ".text")


@dataclass(frozen=True, slots=True)
class Source:
    """A file to read, with the name it is reported under."""

    path: Path
    display: str  #: path relative to the input root, with forward slashes


def _has_suffix(name: str, suffixes: tuple[str, ...]) -> bool:
    return name.lower().endswith(suffixes)


def _project_file(name: str) -> bool:
    """``README.md``, ``LICENSE.txt``, ``NOTICE``: a folder's own notes (any suffixes)."""
    return name.split(".", 1)[0].upper() in PROJECT_FILES


def discover(inputs: Iterable[str | Path], suffixes: Iterable[str] = SUFFIXES
             ) -> tuple[list[Source], list[SkippedDocument]]:
    """Expand files and folders (recursively) into sources, in a stable order.

    Inside folders, only files whose names end with one of ``suffixes`` (any
    case; ``".jsonl.gz"`` works) are taken; a file named in ``inputs`` is
    always taken. Missing paths, dangling symlinks and paths that are neither
    files nor folders are returned as skipped, not raised. Hidden files and
    folders (names starting with ``.``) inside a folder are ignored.
    """
    endings = tuple(s.lower() for s in suffixes)
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
            if not _has_suffix(child.name, endings):
                continue
            if _project_file(child.name):
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


def binary_kind(data: bytes) -> str:
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


def charset_hint(data: bytes) -> str:
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
        kind = binary_kind(data)
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


def _iso_prefix(value: str) -> str:
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value.strip())
    if not m:
        return ""
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return ""


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


def slug(display: str) -> str:
    """A document id from its display path: ASCII letters, digits, ``.``, ``_`` and ``-``.

    Never contains ``/`` or starts with ``.``, so it cannot name a path outside the
    output folder; names with no Latin letters get a hash of the path.

    >>> slug("../../etc/passwd.txt"), slug("news/Zoë café.html")
    ('etc_passwd', 'news_Zoe_cafe')
    """
    stem = re.sub(r"\.[A-Za-z0-9]+$", "", display)
    folded = unicodedata.normalize("NFKD", stem.translate(_FOLD)).encode("ascii", "ignore").decode("ascii")
    out = re.sub(r"[^A-Za-z0-9._-]+", "_", folded)
    out = re.sub(r"\.{2,}", ".", out).strip("._-")
    digest = hashlib.sha256(display.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    lost = sum(ch.isalnum() for ch in stem.translate(_FOLD)) - sum(ch.isalnum() for ch in folded)  # CJK
    if len(out) > 120:
        out = f"{out[:100].rstrip('._-')}-{digest}"
    elif lost > 0 or len(re.sub(r"[^A-Za-z0-9]", "", out)) < 2:
        out = f"{out}-{digest}" if out else f"doc-{digest}"
    return out


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


def sanitize(text: str) -> tuple[str, int]:
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


