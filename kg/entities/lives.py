"""Names a life happens to: "Dana Crill was born in Halden", "Teo Marsh died on Monday", "Ana Pell
grew up in Kelvor", "Teo Marsh married Ana Pell", "Ira Vale, an engineer who grew up in Halden",
"Teo Marsh's Ohio birthplace", "Ira Vale (born 3 May 1961)", "Ira Vale (3 May 1861 – 9 June 1930)". Only a person is born somewhere or on some day, dies, grows up or
marries (lexicon [entities] ``life_verbs``) or has a birthplace (``birthplace_nouns``), so the subject of such
a verb (or of a "who" clause on the name or on a noun apposed to it), or the owner of such a place, is
a person, whatever a description before the name ("American automaker Dana Crill") or the
NER made of it. Firms' figures of speech are left alone: "was born out of a merger", "was born in a
garage", "married design with engineering".
"""

from __future__ import annotations

from spacy.tokens import Span, Token

__all__ = ["lived_a_life"]

#: the dashes that join the years of a life in reference works' brackets: "(1841 – 1918)", "(1841-1918)"
_DASHES = frozenset({"-", "–", "—"})

#: prepositions after "born" that say where or when: "born in Halden", "born on May 3", "born at home"
_BIRTH_PREPS = frozenset({"in", "on", "at", "near"})


def _a_life_event(verb: Token, life_verbs: frozenset[str] | set[str]) -> bool:
    """Whether ``verb`` is something only a person goes through: being born somewhere or at some time,
    dying or any other life verb with no object, growing up, marrying (not "married design with
    engineering")."""
    lemma = verb.lemma_.lower()
    if verb.lower_ == "born" and verb.tag_ == "VBN":
        # (where is a name, when a date: not "born in a garage", as a firm's story is told too)
        return any((c.dep_ == "prep" and c.lower_ in _BIRTH_PREPS and any(
            g.dep_ == "pobj" and (g.pos_ == "PROPN" or g.like_num or g.ent_type_ == "DATE") for g in c.children))
            or c.ent_type_ == "DATE" for c in verb.children)
    if verb.pos_ not in {"VERB", "AUX"} or lemma not in life_verbs:
        return False
    if lemma == "grow":
        return any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if lemma == "marry":
        return not any(c.dep_ == "prep" and c.lower_ in {"with", "to"} for c in verb.children)
    return not any(c.dep_ in {"dobj", "attr"} for c in verb.children)


def _born_in_brackets(span: Span) -> bool:
    """Whether a bracket right after the name opens with "born", or has it right after a semicolon
    ("Ira Vale (born 3 May 1961) is", "Ira Vale (née Lomax; born 1961)"): a person's birth, as
    reference works write it."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "(":
        return False
    for tok in doc[span.end + 1:span.end + 16]:
        if tok.text == ")":
            return False
        if tok.lower_ == "born" and doc[tok.i - 1].text in {"(", ";"}:
            return True
    return False


def _life_dates_in_brackets(span: Span) -> bool:
    """Whether a bracket right after the name holds the years of a life, a year, a dash and the end year
    ("Ira Vale (3 May 1861 – 9 June 1930) was", "Ira Vale (1861 – 1930)", "(1820 – 88)"), as reference
    works write a person's birth and death; only for a name the NER took for a person's or for no kind
    of name (not "the Quadruple Alliance (1717 – 1720)", the NER's work of art, nor "Congress (March 4,
    1849 – March 3, 1851)", its organisation, whose years are a term's)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].text != "(" or span.root.ent_type_ not in {"PERSON", ""}:
        return False
    close = next((t.i for t in doc[span.end + 1:span.end + 16] if t.text == ")"), None)
    if close is None:
        return False
    inner = doc[span.end + 1:close]
    dash = next((t.i for t in inner if t.text in _DASHES), None)
    if dash is None:
        return False
    year = lambda t: t.text.isdigit() and len(t.text) in {2, 4}  # noqa: E731
    return any(year(t) and len(t.text) == 4 for t in doc[span.end + 1:dash]) and any(year(t) for t in doc[dash + 1:close])


def lived_a_life(span: Span, life_verbs: frozenset[str] | set[str],
                 birthplaces: frozenset[str] | set[str] = frozenset()) -> bool:
    """Whether the name ``span`` owns one of ``birthplaces`` ("Teo Marsh's hometown"), or is the
    subject of a life event (:func:`_a_life_event`): of the verb itself, or through a "who" clause on
    the name or on a noun apposed to it ("Ira Vale, who was born in Halden", "Ira Vale, an engineer who
    grew up in Halden")."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass"} and _a_life_event(root.head, life_verbs):
        return True
    if _born_in_brackets(span) or _life_dates_in_brackets(span):
        return True
    # "Teo Marsh's Ohio birthplace", "Teo Marsh's hometown": whose birthplace it is
    if root.dep_ == "poss" and root.head.lemma_.lower() in birthplaces:
        return True
    heads = [root] + [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
    return any(r.dep_ == "relcl" and any(s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ == "who" for s in r.children)
               and _a_life_event(r, life_verbs) for h in heads for r in h.children)
