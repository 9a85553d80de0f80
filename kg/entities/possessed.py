"""An owner's named product, read off the surface: "its Outrider reconnaissance drones", "Lyndon's Foxglove
electric pickup", "whose AutoDose pump", "the company's heart drug Cardelix".

A possessive, then a name and the kind of product it is (or the kind, then the name), says the name is
the owner's product (``docs/annotation.md``: a possessive product name states kg:develops). The possessive
pronouns are the lexicon's (``onto``: :attr:`~kg.ontology.Ontology.owner_possessives`, and
:attr:`~kg.ontology.Ontology.possessive_pronouns` where "whose" is not meant). The small
model's parser often breaks such phrases (it takes "pump" for a verb, "copies" for a noun, hangs the
possessive on the kind's verb), and its NER misses or mislabels the names, so the phrase is read off the
words: :class:`~kg.entities.products.Products` and :class:`~kg.entities.missed.Missed` use it.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Token

from ..ontology import Ontology
from ..syntax import POSSESSIVE_MARKS

__all__ = ["kind_after", "kind_apposed_after", "kind_apposed_before", "kind_before", "kind_taken_for_a_verb", "owned_kind",
           "owner_before", "possessed_runs"]

#: the most lower-case modifiers read between an owner and a name ("its own", "its older")
_BEFORE = 2
#: the most lower-case words read between a name and its kind ("Foxglove electric pickup")
_AFTER = 3


def _hyphened(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen inside a word ("top-end", "solid-state")."""
    return 0 < k < len(doc) - 1 and doc[k].text == "-" and not doc[k - 1].whitespace_


def _owner_mark(tok: Token, onto: Ontology) -> bool:
    """A possessive before an owner's thing: a pronoun ("its", "their", "whose": the lexicon's, by ``onto``) or
    a name's marker."""
    return tok.lower_ in onto.owner_possessives or tok.tag_ == "POS" or tok.text in POSSESSIVE_MARKS


def owner_before(doc: Doc, start: int, onto: Ontology) -> Token | None:
    """The possessive right before the name at ``start``, over at most two lower-case adjectives or words
    hyphened into one ("its older Flint line", "the company's own Colibrí", "Scanova's top-end Solenne");
    else None."""
    k, words = start - 1, 0
    while k >= 0:
        tok = doc[k]
        if _owner_mark(tok, onto):
            return tok
        if _hyphened(doc, k):
            k -= 1
            continue
        joined = (k + 1 < start and _hyphened(doc, k + 1)) or (k > 0 and _hyphened(doc, k - 1))
        if not (tok.is_lower and tok.is_alpha and (tok.pos_ == "ADJ" or joined)) or words >= _BEFORE:
            return None
        words += 1
        k -= 1
    return None


def kind_after(doc: Doc, end: int, is_kind: Callable[[Token], bool]) -> Token | None:
    """The kind of product written right after the name ending at ``end``, over at most three lower-case
    modifiers ("Foxglove electric pickup", "Q-Stack solid-state cell", "AutoDose pump", whatever the tagger
    took the words for); else None."""
    words = 0
    for j in range(end, min(len(doc), end + 2 * _AFTER + 1)):
        tok = doc[j]
        if j > end and _hyphened(doc, j):
            continue
        if is_kind(tok) and not _hyphened(doc, j + 1):  # (not a modifier's first word: "rice-growing")
            # (the kind ends the phrase: not a verb before its object, "Orlan's Vexa bundles Kelvor")
            after = doc[j + 1] if j + 1 < len(doc) else None
            return None if after is not None and after.text[:1].isupper() and after.pos_ == "PROPN" else tok
        if not (tok.is_lower and tok.is_alpha) or words >= _AFTER:
            return None
        # (a modifier: not a verb of the name's clause, "Orlan's Vexa signs cloud deals")
        if not (tok.pos_ in {"ADJ", "NOUN", "PROPN"} or tok.tag_ in {"VBG", "VBN"}) or tok.tag_ in {"VBZ", "VBD", "VBP"}:
            return None
        words += 1
    return None


def kind_before(doc: Doc, start: int, is_kind: Callable[[Token], bool], onto: Ontology) -> Token | None:
    """The kind of product written right before the name at ``start`` after a possessive, over at most two
    lower-case modifiers ("its bispecific antibody JH-417", "the company's heart drug Cardelix"); else
    None."""
    if start < 2 or not doc[start - 1].is_lower or not is_kind(doc[start - 1]):
        return None
    k = start - 2
    while k >= 0 and start - 1 - k <= _BEFORE + 1:
        tok = doc[k]
        if _owner_mark(tok, onto):
            return doc[start - 1]
        if not (_hyphened(doc, k) or (tok.is_lower and tok.is_alpha and tok.pos_ in {"ADJ", "NOUN", "VERB"})):
            return None
        k -= 1
    return None


def kind_taken_for_a_verb(doc: Doc, start: int, kinds: frozenset[str] | set[str], onto: Ontology) -> bool:
    """Whether the name at ``start`` follows a kind of product (one of ``kinds``) that the tagger took for a
    verb with the name its object: "the developer of the farming hit/VBD Hollow Acre", "the survival hit
    Ashen Pines", after a determiner or a possessive and one or two lower-case words, none of them its
    subject ("the regulator hit Vela with a fine": there "hit" is a verb; a subject the parser found further
    back is the sentence's)."""
    k = start - 1
    if k < 2:
        return False
    kind = doc[k]
    if not kind.is_lower or kind.pos_ not in {"VERB", "AUX"} or kind.lower_ not in kinds:
        return False
    j = k - 1
    while j > k - 3 and j >= 0 and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ in {"NOUN", "ADJ"} \
            and doc[j].dep_ not in {"nsubj", "nsubjpass"}:
        j -= 1
    return k - 1 > j >= 0 and (doc[j].lower_ in {"the", "a", "an", "his", "her"}
                               or doc[j].lower_ in onto.possessive_pronouns or doc[j].tag_ == "POS")


def kind_apposed_after(doc: Doc, end: int, is_kind: Callable[[Token], bool], onto: Ontology) -> Token | None:
    """The kind of product written after the comma that ends a name at ``end``, with "a", "the" or an
    owner's possessive and at most three lower-case modifiers, the kind ending its phrase ("Shomer Guard, its
    software for spotting fraud", "Red Yvy, an ATM network with 1,200 machines"), whatever the parser made
    of it (a second attribute of the verb, an object); else None."""
    if end + 2 >= len(doc) or doc[end].text != ",":
        return None
    j = end + 1
    # ("a", "the", or a possessive pronoun: not "whose", which opens a clause)
    if doc[j].lower_ in {"a", "an", "the"} or doc[j].lower_ in onto.possessive_pronouns:
        j += 1
    elif j + 1 < len(doc) and doc[j].text[:1].isupper() and _owner_mark(doc[j + 1], onto) \
            and doc[j + 1].tag_ == "POS":
        j += 2  # "Kagura's next handheld"
    else:
        return None
    words = 0
    while j < len(doc) and words <= _AFTER:
        tok = doc[j]
        if _hyphened(doc, j):
            j += 1
            continue
        if not (tok.is_lower and tok.is_alpha):
            return None
        # (or a noun taken for a verb: "app/VBP"; not a modifier's first word: "rice-growing")
        if is_kind(tok) and tok.tag_ not in {"VBG", "VBD", "VBN"} and not _hyphened(doc, j + 1):
            after = doc[j + 1] if j + 1 < len(doc) else None
            # (the kind ends its phrase: not "its software supplier")
            return None if after is not None and after.is_lower and after.pos_ == "NOUN" else tok
        if not (tok.pos_ in {"ADJ", "NOUN"} or tok.tag_ in {"VBG", "VBN"}):
            return None
        words += 1
        j += 1
    return None


def kind_apposed_before(doc: Doc, start: int, end: int, is_kind: Callable[[Token], bool],
                        onto: Ontology) -> Token | None:
    """An owner's kind of product written before the comma before the name at ``start`` (and "the"), the
    name then ending its phrase: "Its overseas version, Shimmerly, which", "Kagura's next handheld, the
    Kagura Pocket 2,", "its other brand, Toddla, was"; else None."""
    k = start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].text != ",":
        return None
    kind = doc[k - 1]
    if not kind.is_lower or not is_kind(kind) or kind.tag_ in {"VBG", "VBD", "VBN"} or not owned_kind(kind, onto):
        return None
    after = doc[end] if end < len(doc) else None
    return kind if after is None or after.is_punct or after.pos_ in {"VERB", "AUX"} else None


def owned_kind(kind: Token, onto: Ontology) -> bool:
    """Whether a kind of product has an owner's possessive before it, over its lower-case modifiers ("its
    software", "Hualing's overseas version"): it names the owner's product as "a" or "an" defines one; not
    a place's or a country's ("Turkey's third-largest online marketplace", "the country's largest app" say
    what a business is)."""
    doc = kind.doc
    k = kind.i - 1
    while k >= 0 and kind.i - k <= _AFTER + 1 and (doc[k].is_lower and doc[k].is_alpha
                                                   and doc[k].lower_ not in onto.owner_possessives
                                                   or _hyphened(doc, k)):
        k -= 1
    if k < 0 or not _owner_mark(doc[k], onto):
        return False
    if doc[k].lower_ in onto.possessive_pronouns:
        return True
    owner = doc[k - 1] if k > 0 else None
    return owner is not None and owner.text[:1].isupper() and owner.ent_type_ not in {"GPE", "LOC", "NORP"}


def _counted_or_definite(doc: Doc, start: int) -> bool:
    """Whether "the" or a count is right before the name at ``start`` ("the Rookery chatbot", "80 C-190
    narrowbody jets"), inside a sentence."""
    return start > 0 and not doc[start].is_sent_start and (
        doc[start - 1].lower_ == "the" or (doc[start - 1].like_num and doc[start - 1].text[:1].isdigit()))


def possessed_runs(doc: Doc, taken: list[bool], is_kind: Callable[[Token], bool], onto: Ontology
                   ) -> list[tuple[int, int]]:
    """Runs of capitalised words and codes no name has claimed (``taken``) that an owner's possessive
    (or "the", or a count) and a kind of product frame: "its Outrider reconnaissance drones", "Kelvor's
    KV.3 hatchback", "the Rookery chatbot", "80 C-190 narrowbody jets", "its bispecific antibody JH-417"."""
    out = []
    i = 0
    while i < len(doc):
        tok = doc[i]
        if taken[i] or not tok.text[:1].isupper() or (i > 0 and doc[i - 1].text[:1].isupper()
                                                      and not _owner_mark(doc[i - 1], onto)):
            i += 1
            continue
        j = i + 1
        # (capitalised words, and numbers or codes after them: "Sperber 2", "PEM-Stack 9", "Solenne 7T")
        while j < len(doc) and j - i < 5 and not taken[j] and (
                doc[j].text[:1].isupper() or any(ch.isdigit() for ch in doc[j].text)
                or (_hyphened(doc, j) and j + 1 < len(doc) and not doc[j].whitespace_)):
            j += 1
        if doc[j - 1].text == "-":
            j -= 1
        if ((owner_before(doc, i, onto) is not None or _counted_or_definite(doc, i))
                and kind_after(doc, j, is_kind) is not None) \
                or (kind_before(doc, i, is_kind, onto) is not None and not (j < len(doc) and doc[j].text[:1].isupper())):
            out.append((i, j))
        i = j
    return out
