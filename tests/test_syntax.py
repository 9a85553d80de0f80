"""The parse walkers of :mod:`kg.syntax`, on parses written by hand (no parser, so the tests say what
each walker does with a given tree)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.syntax import antecedent


def _parsed(words: list[str], heads: list[int], deps: list[str]) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps)


def test_antecedent_is_the_word_a_relative_clause_is_on():
    # "Kelvor, which supplies Orlan": "which" stands for Kelvor
    doc = _parsed(["Kelvor", ",", "which", "supplies", "Orlan"], [0, 0, 3, 0, 3],
                  ["ROOT", "punct", "nsubj", "relcl", "dobj"])
    assert antecedent(doc[2]).i == 0
    assert antecedent(doc[4]).i == 4  # not a relative pronoun: itself
    assert antecedent(doc[0]).i == 0


def test_antecedent_is_the_pronoun_itself_outside_a_relative_clause():
    # "Orlan said which supplier won": "which" heads no relative clause
    doc = _parsed(["Orlan", "said", "which", "supplier", "won"], [1, 1, 3, 4, 1],
                  ["nsubj", "ROOT", "det", "nsubj", "ccomp"])
    assert antecedent(doc[2]).i == 2
