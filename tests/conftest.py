"""Shared fixtures. The trained pipeline is loaded once per session."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_3dd36336cd19a7fe.txt"
DEV = CORPUS / "dev"


def _missing(name: str, reason: str) -> None:
    """Skip for a missing client; fail under KG_REQUIRE_CLIENTS=1 (CI installs every one)."""
    if os.environ.get("KG_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{name} is required (KG_REQUIRE_CLIENTS=1) but not installed: {reason}")
    pytest.skip(f"{name} not installed: {reason}")


def require_client(name: str, reason: str) -> str:
    """Path of an outside program; skip when missing, fail under KG_REQUIRE_CLIENTS=1."""
    path = shutil.which(name)
    if path is None:
        _missing(name, reason)
    return path


def require_modules(names: list[str], reason: str) -> None:
    """Python packages of an optional extra, as :func:`require_client` treats programs."""
    from importlib.util import find_spec

    missing = [name for name in names if find_spec(name) is None]
    if missing:
        _missing(", ".join(missing), reason)


def pytest_configure(config):
    """What kg-builder makes once per machine (the unpacked language model, extended ontologies) goes to a
    folder of this run, never to the user's ~/.cache; subprocesses inherit it."""
    if "KG_CACHE_DIR" not in os.environ:
        import tempfile

        os.environ["KG_CACHE_DIR"] = tempfile.mkdtemp(prefix="kg-test-cache-")


@pytest.fixture(scope="session")
def nlp():
    """The default trained pipeline with kg-builder's components (loaded once)."""
    from kg.pipeline import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory):
    """The seed article built once into a temporary folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("seed")
    result = build([SEED], out=out)
    return result, out


@pytest.fixture(scope="session")
def dev_build(tmp_path_factory):
    """The articles of the development set (corpus/dev/*.txt, not its README) built once: (result, out_dir)."""
    from kg.build import build

    out = tmp_path_factory.mktemp("dev")
    result = build(sorted(DEV.glob("*.txt")), out=out)
    return result, out


@pytest.fixture(scope="session")
def base_ner_config(tmp_path_factory):
    """The packaged pipeline config with the trained pipeline's own NER instead of kg-builder's fine-tuned one.

    For tests of what happens to odd names downstream (exports, robustness): they need names the
    small model's NER is known to find in their texts, whatever the fine-tuned NER makes of them.
    """
    from kg.pipeline import default_config_path

    text = default_config_path().read_text(encoding="utf-8")
    assert 'ner = "packaged"' in text
    path = tmp_path_factory.mktemp("config") / "base-ner.cfg"
    path.write_text(text.replace('ner = "packaged"', 'ner = "model"'), encoding="utf-8")
    return path
