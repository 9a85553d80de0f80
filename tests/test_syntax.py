"""The parse walkers of :mod:`kg.syntax`, on parses written by hand (no parser, so the tests say what
each walker does with a given tree)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from kg.syntax import antecedent, subject_listed_before


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str] | None = None) -> Doc:
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, pos=pos)


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


def test_subject_listed_before_a_phrase_and_and():
    # "Tessa, owned by Orrin, and Quelta compete with Sarvik", parsed with "Tessa" the sentence's head and the
    # verb its conjunct: Tessa is listed before the subject Quelta
    words = ["Tessa", ",", "owned", "by", "Orrin", ",", "and", "Quelta", "compete", "with", "Sarvik"]
    heads = [0, 0, 0, 2, 3, 0, 0, 8, 0, 8, 9]
    deps = ["ROOT", "punct", "acl", "agent", "pobj", "punct", "cc", "nsubj", "conj", "prep", "pobj"]
    pos = ["PROPN", "PUNCT", "VERB", "ADP", "PROPN", "PUNCT", "CCONJ", "PROPN", "VERB", "ADP", "PROPN"]
    doc = _parsed(words, heads, deps, pos)
    assert subject_listed_before(doc[7]).i == 0
    # (no phrase set off by commas: no list the parser broke)
    doc = _parsed(["Tessa", ",", "and", "Quelta", "compete"], [0, 0, 0, 4, 0],
                  ["ROOT", "punct", "cc", "nsubj", "conj"], ["PROPN", "PUNCT", "CCONJ", "PROPN", "VERB"])
    assert subject_listed_before(doc[3]) is None


def test_syntax_word_lists_are_the_lexicons_and_a_folder_of_ones_own_falls_back(tmp_path):
    """The English word lists of :mod:`kg.syntax` are ``lexicon.toml``'s ``[syntax]`` lists, made once at
    import with their types (frozensets; ``REL_PRONOUNS`` a set). A folder of one's own
    (``$KG_ONTOLOGY_DIR``) with a list of its own gives that list, and each list it lacks is the packaged one's."""
    import json
    import os
    import shutil
    import subprocess
    import sys
    import tomllib
    from pathlib import Path

    from kg import syntax
    from kg.ontology import packaged_ontology_dir

    packaged = tomllib.loads((packaged_ontology_dir() / "lexicon.toml").read_text(encoding="utf-8"))["syntax"]
    for key, words in packaged.items():
        made = getattr(syntax, key.upper())
        assert made == set(words) and type(made) is (set if key == "rel_pronouns" else frozenset)
    folder = tmp_path / "onto"
    shutil.copytree(packaged_ontology_dir(), folder)
    lexicon = folder / "lexicon.toml"
    text = lexicon.read_text(encoding="utf-8")
    text = text[:text.index("\n[syntax]")] + '\n[syntax]\nnow = ["nowadays"]\n'
    lexicon.write_text(text, encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    env = {**os.environ, "KG_ONTOLOGY_DIR": str(folder), "PYTHONPATH": str(root)}
    out = subprocess.run([sys.executable, "-c", "import json; from kg import syntax; "
                          "print(json.dumps([sorted(syntax.NOW), sorted(syntax.FORMER)]))"],
                         env=env, capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == [["nowadays"], sorted(packaged["former"])]
