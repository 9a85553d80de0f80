"""What the rules read of orders: who is made to do what, and who then restricts whom (sentences
written for the purpose, never the corpus's; each case a reading that failed before its rule)."""

from __future__ import annotations

import pytest

from .reading import _assert_reads, _rules_doc


@pytest.mark.parametrize("text, expected, absent", [
    # the one who orders a firm to stop, suspend or shut something down restricts it ...
    ("Vietnam told Temu to suspend operations until it registers with the trade ministry.",
     {("Vietnam", "restricts", "Temu")}, set()),
    ("Brazil's telecom regulator ordered Orrin to shut down its messaging service.",
     {("Brazil", "restricts", "Orrin")}, set()),
    ("Quillo was ordered by the Federal Trade Commission to divest its stake in Lumio.",
     {("Federal Trade Commission", "restricts", "Quillo")}, set()),
    # ... not the one who only asks, nor one who orders a firm to start something
    ("Vietnam urged Temu to suspend operations.", set(), {("Vietnam", "restricts", "Temu")}),
    ("Vietnam told Temu to open an office in Hanoi.", set(), {("Vietnam", "restricts", "Temu")}),
    # what bare plurals are made to do ("ordered internet providers to block") is the orderer's doing
    ("India's IT ministry ordered internet providers to block access to Quillo, a Chinese video app.",
     {("India", "restricts", "Quillo")}, set()),
])
def test_rules_who_orders_a_firm_to_stop_restricts_it(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


def test_coref_its_in_what_one_is_ordered_to_do_is_the_one_ordered(nlp):
    doc = _rules_doc(nlp, "Brazil's telecom regulator ordered Orrin to shut down its messaging service.")
    its = [it["name"] for it in doc._.kg_entity_data if it["via"] == "coref" and doc[it["start"]].lower_ == "its"]
    assert its == ["Orrin"], doc._.kg_entity_data
