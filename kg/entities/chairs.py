"""Academic chairs: "the Marlow Professor of Commercial Law", "the Orlan Professor", "a Professor of
Modern History". A chair's name is capitals ending in a chair's title (lexicon ``chair_titles``), or
going on with "of" and the field after it; neither the chair's name nor the field after "Professor of" is
an organisation, whatever label the NER gave it: the person holds the chair at the university named
after "at" (kg:worksFor), not at "Marlow Professor" or "Commercial Law". Nor is the field of an office
written bare after its title and "of" or "for" ("Minister for Social Protection", "Secretary of State",
"Minister of Justice"; lexicon ``office_titles``): a field, not a ministry's name; nor the field written
before the title and a person's name ("Energy Minister Ana Ruiz", "the Norwegian Trade and Industry
Minister Ana Ruiz", "Fish and Wildlife Commissioner Ana Ruiz"), nor one capitalised English noun opening a
sentence before a lower-case title and a person's name ("Club president Ana Ruiz said", "Group finance
director Ana Ruiz", "Pottery maker Ana Ruiz"): the person's field or trade, not a firm's name.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span

__all__ = ["names_a_chair", "names_an_office_field", "names_a_field_before_an_office", "names_a_field_opening_a_title"]


def names_a_chair(span: Span, titles: set[str], body_word: Callable[[str], bool]) -> bool:
    """Whether ``span`` names an academic chair or the field after one's title and "of"; ``body_word``
    says whether a word ends the names of firms, bodies or places (which keeps "Professor of Halvern
    College"-like names: a field names none)."""
    if not len(span) or body_word(span[-1].text):
        return False
    doc = span.doc
    # "the Marlow Professor", "the Orlan Professor of Economics" (not "Professor Ada Brenn": a title
    # before a name is the person's)
    for t in span:
        if t.text in titles and t.i > span.start and (t.i == span.end - 1 or doc[t.i + 1].lower_ == "of"):
            return True
    # "Professor of Modern History", "the Marlow Professor of Commercial Law": the field
    return span.start >= 2 and doc[span.start - 1].lower_ == "of" and doc[span.start - 2].text in titles


def names_an_office_field(span: Span, offices: set[str], body_word: Callable[[str], bool]) -> bool:
    """Whether ``span`` is the field written bare (no article) after an office's title and "of" or "for"
    ("Minister for Social Protection", "Assistant Secretary of State"); not a name ending in a word of
    firms, bodies or places ("Secretary of the Kelvor Department": ``body_word``)."""
    doc = span.doc
    return len(span) > 0 and span.start >= 2 and doc[span.start - 1].lower_ in {"of", "for"} \
        and doc[span.start - 2].text.capitalize() in offices and not body_word(span[-1].text)


def names_a_field_before_an_office(span: Span, offices: set[str], english: Callable[[str], bool], lead: int,
                                   body_word: Callable[[str], bool]) -> bool:
    """Whether ``span`` is an office's field written before its title (lexicon ``office_titles``) and a
    person's name: "Atomic Energy" of "the Norwegian Atomic Energy Minister Ana Ruiz", "Health and Human
    Services" of "Health and Human Services Secretary Ana Ruiz"; English words only (``english`` says
    whether a lower-case word is one) after the place or the people (a name the gazetteer knows) the span
    opens with, which ends at ``lead``; not a name ending in a word of bodies or places (``body_word``:
    "Kelvor Authority Commissioner Ana Ruiz"; a word firms' names end in too is a field's, "Energy",
    "Services")."""
    doc = span.doc
    end = span.end
    if end + 1 >= len(doc) or doc[end].text not in offices or doc[end + 1].ent_type_ != "PERSON" \
            or doc[end + 1].ent_iob_ != "B" or body_word(span[-1].text):
        return False
    field = doc[lead:end]
    return len(field) > 0 and field[0].is_title and all(
        (t.is_title and english(t.lower_)) or (t.lower_ in {"and", "&"} and lead < t.i < end - 1) for t in field)


def names_a_field_opening_a_title(span: Span, english: Callable[[str], bool], known: Callable[[str], bool],
                                  speakers: frozenset[str], other: Callable[[str], bool]) -> bool:
    """Whether ``span`` is one capitalised English noun (``english`` says whether a lower-case word is one;
    the tagger's common noun, or a word English has as a verb or adjective too, ``other``: WordNet's nouns
    hold places' names, "Curitiba startup X" is a city's) opening a sentence, right before one to three lower-case words of a title and a person's name: "Club" of
    "Club president Ana Ruiz said"; not a name ``known`` elsewhere (the gazetteer's, or the document's
    written again away from a sentence's start: "Orchard said ... Orchard chief executive Ana Ruiz"), nor
    before a job of speaking for an organisation (``speakers``: "Orchard spokesman Ana Ruiz", a firm's)."""
    doc = span.doc
    word = span[0].lower_
    # (or its plural: "Mines minister Ana Ruiz")
    forms = {word, span[0].lemma_.lower()} | ({word[:-1]} if word.endswith("s") else set())
    if len(span) != 1 or not span[0].is_sent_start or not span[0].is_title or known(span.text) \
            or not any(other(w) or (span[0].tag_ in {"NN", "NNS"} and english(w)) for w in forms):
        return False
    k = span.end
    while k < len(doc) and k - span.end < 3 and doc[k].is_lower and doc[k].is_alpha \
            and (doc[k].pos_ in {"NOUN", "ADJ"} or doc[k].tag_ == "VBG"):
        k += 1
    # (the name after it, whatever the NER took it for: "Pottery maker/NN Ana Ruiz/ORG")
    return span.end < k < len(doc) and doc[k].ent_iob_ == "B" and doc[k].pos_ == "PROPN" \
        and doc[k - 1].lower_ not in speakers
