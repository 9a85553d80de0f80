"""The plain relation records of :mod:`kg.relations.records`, on Docs made by hand."""

from __future__ import annotations

import spacy

from kg.relations.records import record, trigger_token


def _doc(text: str):
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp(text)


def test_trigger_token_is_the_token_a_record_was_read_at():
    doc = _doc("Kelvor Motors sued Orrin Bank on Friday. Orrin Bank appealed.")
    kelvor = {"start": 0, "end": 2, "name": "Kelvor Motors", "cls": "Company"}
    orrin = {"start": 3, "end": 5, "name": "Orrin Bank", "cls": "Company"}
    sued = record(doc, kelvor, "sues", orrin, 0.9, doc[2])
    assert trigger_token(doc, sued) is not None and trigger_token(doc, sued).i == 2
    appealed = record(doc, orrin, "sues", kelvor, 0.9, doc[10])
    assert trigger_token(doc, appealed).text == "appealed"


def test_trigger_token_is_none_off_a_token_start():
    doc = _doc("Kelvor Motors sued Orrin Bank.")
    assert trigger_token(doc, {"trigger_start": doc[2].idx + 1}) is None  # inside "sued"
    assert trigger_token(doc, {"trigger_start": doc[2].idx - 1}) is None  # the space before it
    assert trigger_token(doc, {"trigger_start": len(doc.text)}) is None
    assert trigger_token(doc, {"trigger_start": -1}) is None
    assert trigger_token(doc, {}) is None
