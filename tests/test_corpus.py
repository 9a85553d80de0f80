"""Reading documents: decoding, binary detection, HTML, furniture, paths and document ids."""

from __future__ import annotations

import os
import re
import socket

import pytest

import kg.corpus
from kg.corpus import Source, decode_bytes, discover
from kg.ingest import iter_records, read_document, record_from_text
from kg.errors import InputError
from kg.types import SkippedDocument

from .conftest import SEED


def _read(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_document(Source(path, name))


# -- decoding ---------------------------------------------------------------------------


def test_corpus_utf8_bom_and_crlf_are_normalised_without_warning(tmp_path):
    rec = _read(tmp_path, "a.txt", b"\xef\xbb\xbfZo\xc3\xab met Acme.\r\nSecond line.\rThird.\r\n")
    assert rec.text == "Zoë met Acme.\nSecond line.\nThird.\n"
    assert rec.warnings == ()


@pytest.mark.parametrize("text, encoding, warning", [
    ("Zoë's Café in München bought Señor Niño Ltd.", "latin-1", "decoded as latin-1, not UTF-8"),
    ("Acme \u201cbought\u201d Widgetco \u2014 for \u20ac5m.", "cp1252", "decoded as cp1252, not UTF-8"),
    ("Acme bought Zoë's café.", "utf-16", "decoded as UTF-16-LE (byte order mark), not UTF-8"),
    ("Acme bought Zoë's café.", "utf-16-be", None),
    ("Acme bought Zoë's café.", "utf-32", "decoded as UTF-32-LE (byte order mark), not UTF-8"),
    ("Acme bought Widgetco today.", "utf-16-le", "decoded as UTF-16-LE (no byte order mark), not UTF-8"),
    ("Компания Яндекс приобрела стартап в Москве за пять миллионов рублей.", "cp1251",
     "decoded as cp1251 (detected), not UTF-8"),
])
def test_corpus_other_encodings_decode_with_a_warning(text, encoding, warning):
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
        warning = "decoded as UTF-16-BE (byte order mark), not UTF-8"
    decoded, warnings = decode_bytes(data)
    assert decoded == text
    assert warnings == (warning,)


def test_corpus_stray_bytes_in_utf8_are_replaced_with_a_warning():
    decoded, warnings = decode_bytes("Zoë’s Café — Acme ".encode() + b"\xff" + b" bought Widgetco.")
    assert decoded == "Zoë’s Café — Acme \ufffd bought Widgetco."
    assert warnings == ("invalid UTF-8: 1 byte sequence(s) replaced by U+FFFD",)


def test_corpus_html_meta_charset_is_honoured(tmp_path):
    page = '<html><head><meta charset="koi8-r"></head><body><p>Яндекс купил стартап.</p></body></html>'
    rec = _read(tmp_path, "p.html", page.encode("koi8-r"))
    assert rec.text == "Яндекс купил стартап.\n"
    assert rec.warnings == ("decoded as koi8-r (declared in the file), not UTF-8",)


@pytest.mark.parametrize("data, kind", [
    (b"Acme\x00\x01\x02 bought" * 40, "NUL bytes"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "JPEG image"),
    (b"PK\x03\x04\x14\x00\x06\x00" + bytes(range(256)), "ZIP archive (or DOCX, XLSX, EPUB)"),
    (bytes((n * 7919 + 13) % 255 + 1 for n in range(4000)), "control characters"),
])
def test_corpus_binary_files_are_refused_with_the_reason(tmp_path, data, kind):
    with pytest.raises(InputError, match=re.escape(f"binary content ({kind})")):
        _read(tmp_path, "x.txt", data)


def test_corpus_text_that_starts_like_a_signature_is_still_text(tmp_path):
    rec = _read(tmp_path, "mz.txt", b"MZ Holdings bought RIFF Media.\n")
    assert rec.text == "MZ Holdings bought RIFF Media.\n"


@pytest.mark.parametrize("data, reason", [
    (b"", "empty document"),
    (b" \n\t\r\n  ", "whitespace-only document"),
    (b"\xef\xbb\xbf  \r\n", "whitespace-only document"),
    (" \n ".encode("utf-16"), "whitespace-only document"),
    (b"<html><body><script>var a = 'Acme bought Widgetco';</script></body></html>",
     "no visible text in the HTML page"),
])
def test_corpus_empty_documents_are_refused_with_the_reason(tmp_path, data, reason):
    with pytest.raises(InputError) as err:
        _read(tmp_path, "e.html" if data.startswith(b"<html") else "e.txt", data)
    assert str(err.value) == reason


def test_corpus_files_over_the_size_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(kg.corpus, "MAX_BYTES", 100)
    with pytest.raises(InputError, match="too large"):
        _read(tmp_path, "big.txt", b"Acme bought Widgetco. " * 10)
    assert _read(tmp_path, "ok.txt", b"Acme bought Widgetco.").text == "Acme bought Widgetco."


def test_corpus_control_characters_become_spaces_keeping_offsets():
    rec = record_from_text("Acme\x07Corp \x1b[0m bought\x00 Widgetco\x0cInc \ud800 \ufffe.\x85End")
    assert rec.text == "Acme Corp  [0m bought  Widgetco\nInc \ufffd \ufffd.\nEnd"
    assert rec.warnings == ("5 control or invalid character(s) replaced",)
    assert rec.text.encode("utf-8")  # no lone surrogate left


# -- HTML -------------------------------------------------------------------------------


def test_corpus_html_keeps_visible_text_only():
    page = """<!DOCTYPE html><html><head><title>T</title><style>p { color: red } Hooli</style>
    <script>var s = "Globex acquired Umbrella";</script></head><body>
    <header>Site Header Initech</header><nav>Home | Vandelay</nav>
    <article><header><h1>Acme buys Widgetco</h1></header><p>Acme Corp acquired Widgetco Inc.</p>
    <div hidden>Hidden Soylent</div><p style="display: none">Invisible Cyberdyne</p>
    <!-- a comment about Tyrell --><footer>Share this</footer></article>
    <aside>Related: Wonka</aside><form><input value="Oscorp"></form><noscript>Enable JS Stark</noscript>
    <div role="navigation">Menu Wayne</div><template><p>Template Massive</p></template>
    <script>document.write("Sirius Cybernetics")</script></body></html>"""
    rec = record_from_text(page)
    assert rec.text == "Acme buys Widgetco\n\nAcme Corp acquired Widgetco Inc.\n"
    assert rec.title == "Acme buys Widgetco"


def test_corpus_html_in_a_txt_file_is_detected(tmp_path):
    page = b'<?xml version="1.0"?>\n<!-- saved page -->\n<html><body><p>Acme bought Widgetco.</p>' \
           b"<script>x()</script></body></html>"
    assert _read(tmp_path, "saved.txt", page).text == "Acme bought Widgetco.\n"


def test_corpus_html_never_resolves_entities(tmp_path, monkeypatch):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    calls: list[object] = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, addr: calls.append(addr))
    page = f"""<?xml version="1.0"?>
<!DOCTYPE html [
  <!ENTITY file SYSTEM "file://{secret}">
  <!ENTITY web SYSTEM "http://example.com/entity.txt">
  <!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<html xmlns="http://www.w3.org/1999/xhtml"><body><p>Acme bought Widgetco.</p><p>&file; &web; &c;</p></body></html>"""
    rec = _read(tmp_path, "xxe.xhtml", page.encode())
    assert "TOPSECRET" not in rec.text and "lol" not in rec.text
    assert "]>" not in rec.text and "ENTITY" not in rec.text
    assert rec.text.startswith("Acme bought Widgetco.\n")
    assert calls == []


# -- furniture --------------------------------------------------------------------------


def test_corpus_furniture_is_blanked_keeping_offsets():
    raw = "Acme buys Widgets.\n\nWas this article helpful?\nYesNo\n"
    rec = record_from_text(raw)
    assert len(rec.text) == len(raw)
    assert rec.text.rstrip() == "Acme buys Widgets."
    seed = read_document(Source(SEED, SEED.name))
    original = SEED.read_text(encoding="utf-8")
    assert len(seed.text) == len(original)
    kept = [n for n, (a, b) in enumerate(zip(seed.text, original)) if a == b]
    assert len(kept) > 0.5 * len(original)
    assert all(ch == " " for a, ch in zip(original, seed.text) if a != ch and a != "\n")


# -- paths and ids ----------------------------------------------------------------------


def test_corpus_discover_reports_dangling_symlinks_and_missing_paths(tmp_path):
    folder = tmp_path / "docs"
    folder.mkdir()
    (folder / "good.txt").write_text("Acme bought Widgetco.", encoding="utf-8")
    os.symlink(tmp_path / "gone.txt", folder / "dangling.txt")
    os.symlink(tmp_path / "gone.txt", tmp_path / "direct.txt")
    os.symlink(folder / "loop_b.txt", folder / "loop_a.txt")
    os.symlink(folder / "loop_a.txt", folder / "loop_b.txt")
    os.symlink(folder, folder / "cycle")  # a folder that contains itself
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # not a document suffix: ignored
    sources, skipped = discover([folder, tmp_path / "direct.txt", tmp_path / "missing.txt"])
    assert [s.display for s in sources] == ["docs/good.txt"]
    assert sorted((s.path, s.reason) for s in skipped) == sorted([
        ("docs/dangling.txt", "dangling symlink"),
        ("docs/loop_a.txt", "dangling symlink"),
        ("docs/loop_b.txt", "dangling symlink"),
        (str(tmp_path / "direct.txt"), "dangling symlink"),
        (str(tmp_path / "missing.txt"), "no such file or folder"),
    ])


def test_corpus_discover_reports_unusable_paths_instead_of_raising(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    _, skipped = discover([fifo, "x" * 5000, "nul\x00byte.txt"])
    reasons = [s.reason for s in skipped]
    assert reasons[0] == "not a regular file or folder"
    assert reasons[1].startswith("cannot read path") or reasons[1] == "no such file or folder"
    assert len(skipped) == 3


def test_corpus_discover_ignores_hidden_files_and_folders(tmp_path):
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("x y", encoding="utf-8")
    (tmp_path / ".draft.txt").write_text("x y", encoding="utf-8")
    (tmp_path / "a.md").write_text("x y", encoding="utf-8")
    sources, skipped = discover([tmp_path])
    assert [s.display for s in sources] == [f"{tmp_path.name}/a.md"] and skipped == []


@pytest.mark.parametrize("display, expected", [
    ("../../etc/passwd.txt", "etc_passwd"),
    ("corpus/000_3dd36336cd19a7fe.txt", "corpus_000_3dd36336cd19a7fe"),
    ("news/Zoë café.html", "news_Zoe_cafe"),
    ("Straße/Łódź.txt", "Strasse_Lodz"),
    ("a/sub/../x.txt", "a_sub_._x"),
    (".../....txt", None),
    ("in/北京.txt", None),
    ("y" * 300 + ".txt", None),
])
def test_corpus_document_ids_are_safe_slugs(display, expected):
    slug = kg.corpus.slug(display)
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", slug) and ".." not in slug and len(slug) <= 120
    if expected is not None:
        assert slug == expected
    else:
        assert re.search(r"-[0-9a-f]{10}$", slug)  # a hash keeps unlike names apart


def test_corpus_colliding_ids_are_made_unique_and_reading_goes_on(tmp_path):
    for name, data in [("a b.txt", b"Acme one."), ("a_b.txt", b"Acme two."), ("a_b.md", b"Acme three."),
                       ("bad.txt", b"\x00\x01binary"), ("c.txt", b"Acme four.")]:
        (tmp_path / name).write_bytes(data)
    sources, _ = discover([tmp_path])
    items = list(iter_records(sources))
    skipped = [i for i in items if isinstance(i, SkippedDocument)]
    records = [i for i in items if not isinstance(i, SkippedDocument)]
    assert [(s.path, s.reason) for s in skipped] == [
        (f"{tmp_path.name}/bad.txt", "binary content (NUL bytes); not a text document")]
    ids = [r.doc_id for r in records]
    assert len(ids) == len(set(ids)) == 4
    assert ids[0] == f"{tmp_path.name}_a_b" and ids[3] == f"{tmp_path.name}_c"
    assert all(i.startswith(f"{tmp_path.name}_a_b-") for i in ids[1:3])
    assert [r.text for r in records] == ["Acme one.", "Acme three.", "Acme two.", "Acme four."]
