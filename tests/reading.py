"""Helpers of the reading tests (tests/test_entities.py, tests/test_rules*.py, tests/test_coref.py): a text through the
pipeline, and the triples or entity spans it yields."""

from __future__ import annotations


def _rules_doc(nlp, text, *, model=False):
    """``text`` through the pipeline, without the relation model unless ``model``."""
    if model:
        return nlp(text)
    with nlp.select_pipes(disable=["kg_relation_model"]):
        return nlp(text)


def _triples(doc):
    return {(r["s_name"], r["predicate"], r["o_name"]) for r in doc._.kg_relation_data}


def _modalities(doc):
    """Each triple of ``doc`` and its modality (fact, negated, hypothetical, past)."""
    return {(r["s_name"], r["predicate"], r["o_name"]): r["modality"] for r in doc._.kg_relation_data}


def _assert_reads(nlp, text, expected, absent=frozenset()):
    """The rules read every triple of ``expected`` from ``text`` and none of ``absent``."""
    found = _triples(_rules_doc(nlp, text))
    assert expected <= found and not absent & found, found


def _entities_of(nlp, words, tags, ents):
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=words, tags=tags, ents=ents, sent_starts=[True] + [False] * (len(words) - 1))
    doc = nlp.get_pipe("kg_entities")(doc)
    return [(doc[it["start"]:it["end"]].text, it["cls"]) for it in doc._.kg_entity_data if it["via"] != "coref"]


def _entities_forcing(nlp, text, forced):
    """``text`` through the pipeline's spaCy stages, then kg_entities, with the NER's entities replaced
    where ``forced(doc)`` gives (start, end, label) token spans; the others as the NER found them. For
    readings that must hold whatever the NER took a name for."""
    from spacy.tokens import Span

    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if not p.startswith("kg_")]):
        doc = nlp(text)
    spans = [Span(doc, a, b, label) for a, b, label in forced(doc)]
    kept = [e for e in doc.ents if not any(f.start < e.end and e.start < f.end for f in spans)]
    doc.ents = sorted(spans + kept, key=lambda e: e.start)
    return nlp.get_pipe("kg_entities")(doc)


def _parsed_entities_of(nlp, text, tags, heads, deps, ents):
    """The entities of ``text`` (words split on spaces) read with the given parse and NER labels: for
    readings of a parse the small model gives on some sentences and not on others. The pipeline's own
    attribute ruler and lemmatizer map the tags to parts of speech and lemmas."""
    from spacy.tokens import Doc

    doc = Doc(nlp.vocab, words=text.split(), tags=tags, heads=heads, deps=deps, ents=ents)
    for name in ("attribute_ruler", "lemmatizer"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    doc = nlp.get_pipe("kg_entities")(doc)
    return [(doc[it["start"]:it["end"]].text, it["cls"]) for it in doc._.kg_entity_data if it["via"] != "coref"]


def _parsed_triples(nlp, text, tags, heads, deps, ents):
    """The rules' triples of ``text`` (tokenized by the pipeline's tokenizer) read with the given parse and
    NER labels, as :func:`_parsed_entities_of` does for entities: for readings of a parse the small model
    gives on some sentences and not on others."""
    from spacy.tokens import Doc

    made = nlp.make_doc(text)
    assert len(made) == len(tags) == len(heads) == len(deps) == len(ents), [t.text for t in made]
    doc = Doc(nlp.vocab, words=[t.text for t in made], spaces=[bool(t.whitespace_) for t in made], tags=tags,
              heads=heads, deps=deps, ents=ents)
    for name in ("attribute_ruler", "lemmatizer", "kg_entities", "kg_coref", "kg_relations"):
        if name in nlp.pipe_names:
            doc = nlp.get_pipe(name)(doc)
    return _triples(doc)


def _classes(doc):
    """Each entity name of ``doc`` and its class."""
    return {it["name"]: it["cls"] for it in doc._.kg_entity_data}


def _assert_class(nlp, text, name, cls):
    """The entity stage gives ``name`` in ``text`` the class ``cls``."""
    classes = _classes(_rules_doc(nlp, text))
    assert classes.get(name) == cls, classes


def _assert_typed_and_reads(nlp, text, name, classes, triple):
    """In ``text``, ``name`` gets one of ``classes`` (a class or a set of them) and the rules read ``triple``."""
    doc = _rules_doc(nlp, text)
    found = _classes(doc)
    assert found.get(name) in ({classes} if isinstance(classes, str) else classes), found
    assert triple in _triples(doc), _triples(doc)
