"""Token helpers the class readings share: relative clauses, appositions, lists, places that describe.

Used by :mod:`kg.entities.classes` and :mod:`kg.entities.products`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import apposed_to_previous, first_conjunct, participle

__all__ = ["DESCRIBING", "PLACE_LABELS", "aged", "apposed_after", "listed_under", "names_what_is_run",
           "place_describing", "run_by_someone", "second_apposition", "surnames", "which_clause",
           "who_clause"]

#: NER labels of places
PLACE_LABELS = frozenset({"GPE", "LOC"})
#: nouns that describe a firm rather than name one after a place ("the Medan company"; not "the
#: Kravan group", "the Tixora unit")
DESCRIBING = frozenset({"company", "firm", "startup", "start-up", "business"})


def aged(noun: Token) -> bool:
    """Whether a noun is given an age ("a 26-year-old machine operator"): a person, whatever the noun."""
    doc = noun.doc
    return any(t.lower_ == "old" and t.i >= 2 and doc[t.i - 1].text == "-" and doc[t.i - 2].lower_ in {"year", "years"}
               for t in noun.subtree if t.i < noun.i)


def run_by_someone(noun: Token, making: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether a noun has a participle of running or operating with its agent ("a marketplace run by
    Nestwell", "the charging network operated by X"): what someone runs is theirs to offer; or of
    making (``making``: "a platform built by Orlan"), or a relative clause of either whose subject is
    another and whose object is the noun ("a platform it built in 2022", "a network that Orlan runs"); or
    apposed to what a subject runs or operates ("Orlan Bank operates Velnet, an ATM network"), or that
    is itself what a subject runs ("Tindel runs the Pexa courier network")."""
    verbs = {"run", "operate"} | set(making)
    # (what a subject runs: the kind itself, or the name the kind is apposed to)
    run = noun.head if noun.dep_ == "appos" else noun
    while run.dep_ == "conj":  # ("runs the Tindel Pay wallet and the Pexa courier network")
        run = run.head
    if run.dep_ == "dobj" and run.head.lemma_.lower() in {"run", "operate"} and run.head.pos_ == "VERB" \
            and any(g.dep_ == "nsubj" for g in run.head.children):
        return True
    for c in noun.children:
        # (or launched, in a clause with its subject: "a platform it launched in January" is one it offers)
        if c.lemma_.lower() not in verbs and not (c.dep_ == "relcl" and c.lemma_.lower() == "launch"):
            continue
        # (a participle the tagger took for a noun, before its agent: "an app run/NN by Estonia-based Morvik")
        if c.dep_ == "acl" and participle(c) and any(g.dep_ == "agent" for g in c.children):
            return True
        if c.dep_ == "relcl" and any(g.dep_ == "nsubj" and g.lower_ not in {"which", "that", "who"}
                                     for g in c.children) \
                and not any(g.dep_ == "dobj" and g.lower_ not in {"which", "that"} for g in c.children):
            return True
    return False


def names_what_is_run(root: Token, kinds: set[str] | frozenset[str]) -> bool:
    """Whether the name whose head is ``root`` modifies a lower-case kind of product (``kinds``), through
    the nouns between, that someone runs ("Tindel runs the Pexa courier network": the network is
    Pexa, not a courier firm of that name; :func:`run_by_someone`)."""
    kind = root.head
    while kind.dep_ == "compound" and kind.head.i > kind.i and kind.is_lower:
        kind = kind.head
    return root.dep_ == "compound" and kind.is_lower and kind.lemma_.lower() in kinds and run_by_someone(kind)


def second_apposition(noun: Token, jobs: frozenset[str] | set[str]) -> bool:
    """Whether ``noun``, apposed to a name, follows another apposition of the name that is a job of
    ``jobs`` with a preposition's object ("Teo Marsh, editor of the Halden Times, a daily newspaper"):
    the parser hangs the description of that object on the name too, which is no one's job then."""
    return any(a.dep_ == "appos" and a.i < noun.i and a.is_lower and a.lemma_.lower() in jobs
               and any(p.dep_ == "prep" and p.right_edge.i < noun.i for p in a.children)
               for a in noun.head.children)


def who_clause(tok: Token) -> bool:
    """``tok`` heads a relative clause about a person ("..., who lives in Leeds")."""
    return tok.dep_ == "relcl" and any(g.lower_ in {"who", "whom"} for g in tok.children)


def surnames(items: list[dict[str, Any]]) -> frozenset[str]:
    """The last words of the names of people the text names in full."""
    return frozenset(it["name"].split()[-1] for it in items if it["cls"] == "Person" and " " in it["name"])


def place_describing(name: Token) -> bool:
    """Whether ``name``, a compound of an organisation noun, says where a firm the noun describes is: a
    name the NER reads as a place, before a noun that describes ("Sizwe Life, a Durban insurer",
    "Antwerp port group Havenlink", "the Medan company"), not one that names ("the Kravan group")."""
    noun = name.head
    return name.ent_type_ in PLACE_LABELS and (
        noun.dep_ in {"appos", "compound"} or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children)
        or (noun.lemma_.lower() in DESCRIBING and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)))


def which_clause(doc: Doc, it: dict[str, Any]) -> bool:
    """Whether a relative clause of "which" follows the name (", which ...")."""
    end = it["end"]
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "which" \
        and doc[end + 1].head.dep_ == "relcl" and doc[end + 1].head.head.i in range(it["start"], end)


def apposed_after(doc: Doc, it: dict[str, Any]) -> Token | None:
    """The noun of a description after the name and a comma that the parser hung on a word before the
    name (:func:`~kg.syntax.apposed_to_previous`)."""
    comma = it["end"]
    if comma + 2 >= len(doc) or doc[comma].text != ",":
        return None
    return next((noun for noun in doc[comma + 1:min(len(doc), comma + 8)]
                 if (prev := apposed_to_previous(noun)) is not None and prev.i == comma - 1
                 and noun.head.i < it["start"]), None)


def listed_under(root: Token, nouns: set[str]) -> bool:
    """Whether the name whose head is ``root`` is listed under a lower-case plural noun of ``nouns`` by
    "such as", "including" or "like" (the list's first name holds the preposition)."""
    first = first_conjunct(root)
    if first.dep_ != "pobj" or first.head.lower_ not in {"including", "as", "like"}:
        return False
    opener = first.head
    noun = opener.head
    if noun.lower_ == "such":
        noun = noun.head
    # (or the word written right before the list, where the parser hung it on an earlier conjunct:
    # "rockets as well as guided missiles such as Korda")
    k = opener.i - (2 if opener.lower_ == "as" and opener.i > 0 and opener.nbor(-1).lower_ == "such" else 1)
    k -= 1 if k >= 0 and opener.doc[k].text == "," else 0
    return any(n.tag_ == "NNS" and n.is_lower and n.lemma_.lower() in nouns
               for n in (noun, *([opener.doc[k]] if k >= 0 else [])))
