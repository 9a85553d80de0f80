"""What ``kg_relations`` reads off one Doc lives in one per-document state (:mod:`kg.relations.state`), made
when a call starts and dropped when it ends: a memo cannot be added to it undeclared, nor outlive the call."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span, Token

from kg.relations.state import DocState, read_once


def test_the_state_takes_no_undeclared_memo():
    state = DocState(None, [], {})  # type: ignore[arg-type]
    with pytest.raises(AttributeError):
        state.new_memo = {}  # type: ignore[attr-defined]


def test_read_once_reads_each_key_once():
    calls: list[int] = []
    memo: dict[int, int] = {}

    def read(x: int) -> int:
        calls.append(x)
        return 2 * x

    assert read_once(memo, 1, read, 3) == 6
    assert read_once(memo, 1, read, 4) == 6  # (kept: not read again)
    assert read_once(memo, 2, read, 4) == 8
    assert calls == [3, 4]


def test_the_component_drops_the_state_after_each_call(nlp):
    component = nlp.get_pipe("kg_relations")
    doc = nlp("Kelvor Motors, based in Lyon, makes vans for Tarvo Freight.")
    assert doc._.kg_relation_data
    assert component._doc_state is None
    assert not [name for name, value in vars(component).items() if isinstance(value, (Doc, Span, Token))]
