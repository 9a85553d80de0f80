"""The ``Examples`` in kg's docstrings run, and say what the code does.

One test per module that has examples (not all of them ``+SKIP``). Examples that need the trained
pipeline get it from :func:`kg.pipeline.load_pipeline`, which is cached: the
model is loaded once per session, shared with the ``nlp`` fixture.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import kg

FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _modules_with_examples() -> list[str]:
    names = ["kg"] + sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg."))
    finder = doctest.DocTestFinder()
    out = []
    for name in names:
        try:
            module = importlib.import_module(name)
        except Exception:  # a module that fails to import is reported by the test below
            out.append(name)
            continue
        if any(not ex.options.get(doctest.SKIP) for t in finder.find(module) for ex in t.examples):
            out.append(name)
    return out


@pytest.mark.parametrize("name", _modules_with_examples())
def test_doctests_examples_run(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=FLAGS, report=True, verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples in {name} failed (see output)"
