"""The rules on people: where they live (livesIn) and whom they work for (worksFor)."""

from __future__ import annotations

import pytest

from .reading import _assert_reads


@pytest.mark.parametrize("text, expected, absent", [
    # a governor or a mayor of a place lives there, like its senator
    ("Kansas's governor, Tom Ewart, signed the bill.", {("Tom Ewart", "livesIn", "Kansas")}, set()),
    ("The mayor of Leeds, Ann Cole, opened the bridge.", {("Ann Cole", "livesIn", "Leeds")}, set()),
    # the place an owner's hometown or home is, and an owner's native place
    ("Hal Ostrom returned to his hometown of Bend, Oregon.", {("Hal Ostrom", "livesIn", "Bend")}, set()),
    ("Lena Ortiz flew back to her home in Tucson.", {("Lena Ortiz", "livesIn", "Tucson")}, set()),
    ("Senator Ruth Alder spoke about her native Vermont on Tuesday.",
     {("Ruth Alder", "livesIn", "Vermont")}, set()),
    # ... but a firm's home market is no place it lives in, and a home with no owner nobody's
    ("Velora grew fastest in its home market of Brazil.", set(), {("Velora", "livesIn", "Brazil")}),
])
def test_rules_where_a_person_lives(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)


@pytest.mark.parametrize("text, expected, absent", [
    # a reporter covers a beat, or reports, for a news organisation
    ("Ida Wren has covered energy for Reuters since 2001.", {("Ida Wren", "worksFor", "Reuters")}, set()),
    ("Tim Hale reported for Bloomberg from Lagos.", {("Tim Hale", "worksFor", "Bloomberg")}, set()),
    # ... but what is written for an organisation is no job there
    ("Ana Ruiz wrote a letter for Amnesty International.", set(),
     {("Ana Ruiz", "worksFor", "Amnesty International")}),
])
def test_rules_whom_a_reporter_works_for(nlp, text, expected, absent):
    _assert_reads(nlp, text, expected, absent)
