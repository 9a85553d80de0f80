"""The stage components are built from mixins, one module each (``kg/entities/``, ``kg/relations/``,
``kg/coref/``). Two mixins that define the same method name would shadow one another silently (the one
earlier in the class's bases wins, for every caller); each name must be defined once."""

from __future__ import annotations

import inspect

import pytest

from kg.coref.component import KGCoref
from kg.entities.component import KGEntities
from kg.relations.rules import KGRelations


def _shadowed(cls: type) -> dict[str, list[str]]:
    """Method names defined by more than one of ``cls``'s mixins (its own definitions aside)."""
    owners: dict[str, list[str]] = {}
    for base in cls.__mro__[1:]:
        if base is object:
            continue
        for name, value in vars(base).items():
            if inspect.isfunction(value) or isinstance(value, (staticmethod, classmethod, property)):
                if not name.startswith("__"):
                    owners.setdefault(name, []).append(base.__name__)
    return {name: where for name, where in owners.items() if len(where) > 1}


@pytest.mark.parametrize("component", [KGEntities, KGRelations, KGCoref])
def test_no_two_mixins_define_one_method(component):
    assert _shadowed(component) == {}


def test_a_shadowed_method_is_found():
    class One:
        def _read(self):
            return 1

    class Two:
        def _read(self):
            return 2

    class Both(One, Two):
        pass

    assert _shadowed(Both) == {"_read": ["One", "Two"]}
