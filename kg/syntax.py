"""Small facts of English syntax that the entity, coreference and relation stages share.

Below all three (it imports only :mod:`kg.ontology`, for the folder of ``lexicon.toml``, whose ``[syntax]``
word lists it reads once per process), so each can use it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from spacy.tokens import Doc, Token

from .ontology import ontology_dir, packaged_ontology_dir, read_lexicon

__all__ = ["COPULAS", "SpanRoots", "FORMER", "NOW", "MAKING_VERBS", "NAMING_VERBS", "OBJECT_CONTROL", "PARTICLES",
           "POSSESSIVE_MARKS", "PURPOSE_VERBS", "REL_PRONOUNS", "SUBJ", "acted_on", "antecedent", "added_preps", "apposed_elsewhere",
           "apposed_to_previous", "as_well_as", "span_root", "assenting_verb", "before_region_seat",
           "brand_name", "by_agents", "causative_verb", "clause_head", "contact_clause", "controlled_objects",
           "coordinated", "counted_again", "described_before", "described_by_where", "ends_noun_phrase",
           "first_conjunct", "included_by", "limited_doers", "owned_kinds", "participle", "percentage_word",
           "possessive", "preps_with_nested", "repair_verb_forms", "repeated_preposition", "singular_after_list",
           "stand_in", "subject_listed_before", "subjects_above", "superlative"]

#: Dependency labels of a clause's (active) subject.
SUBJ = {"nsubj", "csubj"}


def _syntax_lists() -> dict[str, list[str]]:
    """The ``[syntax]`` word lists of ``lexicon.toml``: the ontology folder's (:func:`~kg.ontology.ontology_dir`,
    ``$KG_ONTOLOGY_DIR`` or the packaged one) and, for each list a folder of one's own lacks, the packaged
    lexicon's."""
    lists: dict[str, list[str]] = {}
    packaged = packaged_ontology_dir()
    for folder in dict.fromkeys((packaged, ontology_dir())):
        path = folder / "lexicon.toml"
        if folder != packaged and not path.is_file():
            continue  # (a folder with no lexicon: load_ontology says so where a component reads it)
        lists.update(read_lexicon(path).get("syntax", {}))
    return lists


#: The English word lists below are ``lexicon.toml``'s ``[syntax]`` lists, read once per process.
_LISTS = _syntax_lists()
#: Verbs that give a thing its name ("its scanner, called Talon", "a drug dubbed VX-210").
NAMING_VERBS = frozenset(_LISTS["naming_verbs"])
#: Verbs of making a thing, in "Quasar is an arcade shooter developed by Velmont" (with a kind of product).
MAKING_VERBS = frozenset(_LISTS["making_verbs"])
#: Lemmas of verbs that link a subject to what it is ("is its CEO", "remained", "became").
COPULAS = frozenset(_LISTS["copulas"])
#: Words that are particles of phrasal verbs ("take over", "snap up", "cut off"), and prepositions too.
PARTICLES = frozenset(_LISTS["particles"])
#: Words that make a role one held before ("former Sonra executive", "a former Tixora manager").
FORMER = frozenset(_LISTS["former"])
#: Words that make a role one held today, after a former one ("a former SEC official now at law firm Y").
NOW = frozenset(_LISTS["now"])
#: Verbs whose object does what their infinitive says ("ordered the providers to block the site").
OBJECT_CONTROL = frozenset(_LISTS["object_control"])
#: Verbs after whose object an infinitive says what the subject wants, not what the object does ("sued
#: Veltro to block the deal", "bought Lumio to expand", "took it to court to stop it").
PURPOSE_VERBS = frozenset(_LISTS["purpose_verbs"])
#: Relative pronouns.
REL_PRONOUNS = set(_LISTS["rel_pronouns"])
#: A possessive's marker after a name ("Lyndon's", "Windmars'"), straight or curly.
POSSESSIVE_MARKS = frozenset({"'s", "\u2019s", "'", "\u2019"})


def antecedent(tok: Token) -> Token:
    """"Solvane, which gives Tandem access": the word a relative pronoun stands for (the one its relative
    clause is on); any other token itself."""
    clause = tok.head
    if tok.lower_ in REL_PRONOUNS and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return tok


def possessive(tok: Token) -> bool:
    """"Tervola's": a possessor (the parser labels it poss, or nmod with a 's case marker)."""
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(c.tag_ == "POS" for c in tok.children))


def ends_noun_phrase(doc: Doc, end: int, heads: set[str] | frozenset[str]) -> bool:
    """Whether a name ending before ``end`` ends its noun phrase ("Orlan's Vexa and Kelvor", "Orlan's Vexa
    said", "Orlan's Vexa."), or is followed only by one of ``heads`` ("Orlan's Vexa unit"): not a name
    that modifies a noun after it ("Orlan's Vexa stake")."""
    if end >= len(doc):
        return True
    tok = doc[end]
    return tok.lower_ in heads or tok.is_punct or tok.pos_ in {"CCONJ", "VERB", "AUX", "ADP", "PART"}


def joining_hyphen(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a hyphen written between two words with no space ("Hae-won", "co-founder")."""
    return doc[k].text == "-" and not doc[k].whitespace_ and not doc[k - 1].whitespace_


def with_hyphened_children(tok: Token) -> list[Token]:
    """``tok``'s children, and those before it of the words hyphened to its left, which the tokenizer
    split off and the parser often hangs the noun's own modifiers on ("Tembea's co-founder": "Tembea's"
    on "co")."""
    out = list(tok.children)
    doc, k = tok.doc, tok.i
    while k >= 2 and joining_hyphen(doc, k - 1) and doc[k - 2].is_alpha and tok.i - k < 4:
        k -= 2
        out += [c for c in doc[k].children if c.i < k]
    return out


def stand_in(tok: Token) -> Token:
    """The word that holds a noun's place in its clause: "one" in "is one of its investors" or ", one of
    its rivals,"; else the noun itself."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ == "one":
        return tok.head.head
    return tok


def clause_head(tok: Token) -> Token:
    """The verb (or the root) of the clause ``tok`` belongs to. A word the tagger took for a verb
    that the parser made an argument ("lagged rivals/VBZ/dobj Kawamoto") is a noun of the clause above."""
    node = tok
    if node.pos_ in {"VERB", "AUX"} and node.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos"} \
            and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i and node.pos_ not in {"VERB", "AUX"}:
        node = node.head
    return node


def subjects_above(verb: Token, limit: int = 3) -> list[Token]:
    """The subjects of ``verb``, or of the verb a participle, an infinitive or a joined verb without its
    own hangs on ("X sued Y, accusing ...": X), up to ``limit`` clauses up."""
    for _ in range(limit):
        own = [c for c in verb.children if c.dep_ in SUBJ]
        if own or verb.dep_ not in {"advcl", "xcomp", "conj", "ccomp"} or verb.head.i == verb.i:
            return own
        verb = verb.head
    return []


def coordinated(tok: Token) -> list[Token]:
    """``tok`` and the words coordinated after it, in order: the parser chains a list, each item a
    conjunct of the one before, so "in France, Italy, Spain and Portugal" hangs "Spain" on "Italy";
    from "France" this gives all four."""
    out = [tok]
    for t in out:
        out += [c for c in t.children if c.dep_ == "conj"]
        if len(out) > 64:
            break
    return out


def counted_again(noun: Token) -> list[Token]:
    """The numbers after ``noun`` that stand for it again ("300 stores in Europe and 40 in the United
    States", "employs 320 people in Poland and 40 more in Montreal"): joined to the noun, or, where the
    parser hung them on the verb whose object the noun is ("X, which has 900 outlets in A and 70 more in
    B"), to that verb after the noun."""
    heads = [noun] + ([noun.head] if noun.dep_ == "dobj" and noun.head.i != noun.i else [])
    doc = noun.doc
    out = [c for h in heads for c in h.children if c.dep_ == "conj" and c.tag_ == "CD" and c.i > noun.i]
    # (or right after their "and", whatever the parser hung the number on: "which has 900 outlets in A and
    # 70 more in B and C" may make "70" an apposition to the name before)
    out += [doc[c.i + 1] for h in heads for c in h.children if c.dep_ == "cc" and c.i > noun.i
            and c.i + 1 < len(doc) and doc[c.i + 1].tag_ == "CD" and doc[c.i + 1].dep_ in {"conj", "appos"}
            and doc[c.i + 1] not in out]
    return out


def repeated_preposition(noun: Token) -> list[Token]:
    """The objects of ``noun``'s preposition written again after "and" ("competes with X, the market leader,
    and with Y"; "backed by X, a Lagos fund, and by Y"), which the parser hangs on the first preposition, on
    its head, or on a noun inside the first object's phrase; empty when there is none, and where a clause
    describes the first object ("with X, owned by Z, and with Y": the clause's subject is X alone)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ not in {"prep", "agent", "dative"} or prep.i == noun.i:
        return []
    doc = noun.doc
    inside = {t.i for t in noun.subtree}
    if any(doc[k].dep_ in {"acl", "relcl"} for k in inside):
        return []
    for p in doc[noun.i + 1:noun.sent.end]:
        if p.lower_ == prep.lower_ and p.i >= 1 and doc[p.i - 1].lower_ in {"and", "or"} \
                and p.dep_ in {"conj", "prep", "agent", "dative"} \
                and (p.head.i in {prep.i, prep.head.i} or (p.dep_ == "conj" and p.head.i in inside)):
            return [c for c in p.children if c.dep_ == "pobj"]
        if p.i not in inside and p.lower_ not in {",", "and", "or"}:
            break
    return []


def subject_listed_before(subj: Token) -> Token | None:
    """"Kelvor, owned by Orlan, and Tessa compete with X": the name listed before the subject ``subj`` after
    a phrase set off by commas, which the parser made the head of the sentence and the verb its conjunct;
    None where there is none."""
    verb = subj.head
    if subj.dep_ not in {"nsubj", "nsubjpass"} or verb.dep_ != "conj" or verb.head.i >= subj.i \
            or verb.head.pos_ not in {"PROPN", "NOUN"}:
        return None
    first = verb.head
    doc = subj.doc
    cc = subj.left_edge.i - 1
    if cc < 1 or doc[cc].lower_ not in {"and", "or"} or doc[cc].head.i != first.i or doc[cc - 1].text != "," \
            or not any(c.dep_ in {"acl", "relcl", "appos"} for c in first.children):
        return None
    return first


def preps_with_nested(head: Token, words: set[str] | frozenset[str]) -> list[Token]:
    """``head``'s prepositions among ``words``, and those hung on one of its prepositions ("from Leipzig
    to Dresden": "to" on "from")."""
    return [p for c in head.children for p in [c] + [g for g in c.children if g.dep_ == "prep"]
            if p.dep_ == "prep" and p.lower_ in words]


def controlled_objects(clause: Token) -> list[Token]:
    """The objects of the verb an infinitive ``clause`` hangs on, where they are the ones who do what it
    says: "forced Veltro to stop", and "ordered providers ..., to block" that the parser read as a
    clause of purpose (an :data:`OBJECT_CONTROL` verb); not after :data:`PURPOSE_VERBS` ("sued Veltro to
    block the deal": the suer's purpose). Empty when the clause is none of these."""
    head = clause.head
    lemma = head.lemma_.lower()
    if head.i == clause.i or lemma in PURPOSE_VERBS or not (clause.dep_ == "xcomp" or (
            clause.dep_ == "advcl" and lemma in OBJECT_CONTROL
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children))):
        return []
    return [c for c in head.children if c.dep_ == "dobj"]


def first_conjunct(tok: Token) -> Token:
    """The first name of the list ``tok`` is in ("Shiro" for "Dealoo" in "Shiro and Dealoo"); ``tok``
    itself when it is in none."""
    while tok.dep_ == "conj" and tok.head.i < tok.i:
        tok = tok.head
    return tok


def included_by(tok: Token) -> Token | None:
    """The subject of the "include" whose objects list the name whose head is ``tok`` ("products" in
    "Its products include X, the Y app and the Z and W cars"): up the list's conjuncts and appositives
    and the lower-case kinds the names modify; None where the name is no such object."""
    node = tok
    for _ in range(10):
        if node.dep_ == "dobj" and node.head.lemma_ == "include" and node.head.pos_ == "VERB":
            return next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        head = node.head
        if head.i == node.i or not (node.dep_ in {"conj", "appos"} or (
                node.dep_ in {"compound", "nmod"} and head.i > node.i and head.is_lower
                and (head.pos_ == "NOUN" or head.dep_ == "compound"))):  # ("the A and B welding/VBG robots")
            return None
        node = head
    return None


def brand_name(noun: Token, brands: frozenset[str] | set[str], names: frozenset[str] | set[str]) -> bool:
    """Whether ``noun`` is a name noun (of ``names``) with a brand noun (of ``brands``) before it: "a
    brand name of fabric softener" says what "a brand of fabric softener" does."""
    return noun.lemma_.lower() in names and any(
        c.dep_ == "compound" and c.i == noun.i - 1 and c.lemma_.lower() in brands for c in noun.children)


def owned_kinds(noun: Token | None, kinds: frozenset[str] | set[str], groups: frozenset[str] | set[str]) -> bool:
    """Whether ``noun`` is an owner's kinds of product (plural, of ``kinds``) or a group of them (``groups``),
    its range or portfolio: "its products", "the company's best-known games", "its brands", "Velo's range"."""
    return noun is not None and noun.is_lower and any(c.dep_ == "poss" for c in noun.children) and (
        (noun.tag_ == "NNS" and noun.lemma_.lower() in kinds) or noun.lemma_.lower() in groups
        or noun.lemma_.lower() in {"range", "portfolio"})


def before_region_seat(doc: Doc, end: int, seats: set[str] | frozenset[str]) -> int | None:
    """Where a name ending before token ``end`` is a city written with its region before "-based" (a
    word of ``seats``): "Norwalk, Connecticut-based Bookwell Holdings". The index of the word after
    the seat (where the organisation's name starts), or None."""
    if end + 3 < len(doc) and doc[end].text == "," and doc[end + 2].text == "-" and doc[end + 3].lower_ in seats:
        return end + 4
    return None


def apposed_to_previous(noun: Token) -> Token | None:
    """The word right before the comma that opens ``noun``'s description, where the parser apposed the
    description to a word further back: in "led a round in Quillbox, the Nairobi-based payments firm"
    "firm" hangs on "round" (a round is no firm), and describes Quillbox. None for a well-attached
    apposition, and for a description that runs on ("X, the maker of Y, and Z" is left to the parse).
    """
    if noun.pos_ != "NOUN" or not (noun.dep_ == "appos" or (noun.dep_ in {"npadvmod", "dobj"} and any(
            c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in noun.children))):
        return None  # (or one the parser took for a verb's modifier: "competes with Z, a Doha startup")
    doc = noun.doc
    comma = noun.left_edge.i - 1
    if noun.dep_ == "dobj" and not any(c.dep_ == "dobj" and c.i < comma for c in noun.head.children) and not (
            comma >= 1 and doc[comma - 1].dep_ == "pobj" and doc[comma - 1].head.head.i == noun.head.i):
        # (or for a second object of the verb: "cut access to Z, a video app owned by W"; or for an
        # object of the verb's preposition: "competes with Z, the Serbian unit of W")
        return None
    if comma < 1 or doc[comma].text != "," or noun.head.i >= comma - 1 or doc[comma - 1].is_punct:
        return None
    if any(c.dep_ == "prep" for c in noun.children if c.i < noun.i):
        return None
    end = noun.right_edge.i + 1
    # (the comma that closes the description may hang on it: "..., a video app run by W, after ...")
    if end < len(doc) and not doc[end].is_punct and not doc[end - 1].is_punct:
        return None
    return doc[comma - 1]


def described_before(pronoun: Token) -> int | None:
    """"Kelvor, a Lyon startup that makes vans": the index of the last word of what a relative pronoun's
    description is apposed to, the word before the comma that opens "a/an [modifiers] noun", the pronoun
    right after the noun; for a parse that hung the clause or the description elsewhere. None where a
    preposition, verb or comma comes between ("X, a maker of vans that run on hydrogen": the vans')."""
    doc = pronoun.doc
    noun = doc[pronoun.i - 1] if pronoun.i >= 4 else None
    if noun is None or not (noun.is_lower and noun.is_alpha and not noun.is_stop and noun.pos_ in {"NOUN", "PROPN"}):
        return None
    k = noun.i - 1
    while k > pronoun.sent.start and noun.i - k <= 8 and doc[k].lower_ not in {"a", "an"}:
        t = doc[k]
        if t.is_punct and t.text != "-" or (t.pos_ in {"ADP", "VERB", "AUX", "PRON", "DET", "CCONJ", "SCONJ"}
                                             and t.lower_ != "based"):
            return None
        k -= 1
    if doc[k].lower_ not in {"a", "an"} or k < 2 or doc[k - 1].text != "," or doc[k - 2].is_punct:
        return None
    return k - 2


def apposed_elsewhere(noun: Token) -> Token | None:
    """:func:`apposed_to_previous`, but None where the word before the comma ends a list the parser
    apposed the description to as a whole ("X and Y, the two largest wallets": the description is
    both's, as the parse says). A singular description after a list is its last name's alone: "X and Y,
    the venture arm of Z" (as one after ", which is" is, see :func:`singular_after_list`)."""
    previous = apposed_to_previous(noun)
    if previous is not None and previous in noun.head.conjuncts and not (
            noun.tag_ == "NN" and previous.i > noun.head.i and previous.pos_ == "PROPN"
            and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in noun.children)):
        return None
    return previous


def singular_after_list(pronoun: Token) -> Token | None:
    """The name right before ", which is ..." where the relative clause's verb is singular and the name
    ends a list: "Belkalo and Uralko, which is based in Russia" says it of Uralko alone (the
    parser hangs the clause on the list's first name). None where the verb is plural or the clause
    follows no list."""
    verb, doc = pronoun.head, pronoun.doc
    if verb.dep_ not in {"relcl", "acl"} or pronoun.i < 2 or doc[pronoun.i - 1].text != "," \
            or doc[pronoun.i - 2].pos_ != "PROPN":
        return None
    head = verb.head
    if not any(c.dep_ == "conj" for c in head.children) and head.dep_ != "conj":
        return None
    forms = [verb] + [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not any(t.tag_ == "VBZ" or t.lower_ == "was" for t in forms) \
            or any(t.tag_ == "VBP" or t.lower_ == "were" for t in forms):
        return None
    return doc[pronoun.i - 2]


def repair_verb_forms(doc: Doc, hashes: frozenset[int]) -> None:
    """Retag as a verb (VBZ) each token whose lower-case form has one of ``hashes`` (string hashes of
    verb forms that are never nouns: "competes", "invests"), where the small tagger took it for a
    plural noun after a name it did not know ("Vezo Video competes with Streamo"); each sentence root
    tagged as a plural noun that has a particle or an object after it; and each relative clause's head so
    tagged between its relative pronoun and an object. The parse is left as it is; the rules read such a
    verb's subject from the compound or the clause it hangs on."""
    if not doc.has_annotation("TAG"):
        return
    # (the lower-case forms as one array: a Token object only for the few that match)
    for i in (i for i, h in enumerate(doc.to_array("LOWER").tolist()) if h in hashes) if hashes else ():
        if doc[i].tag_ != "VBZ":
            doc[i].tag_, doc[i].pos_ = "VBZ", "VERB"
    # "Berg rents/NNS out forklifts in ...", "U.S. slaps/NNS duties on ...": a plural noun the parser made a
    # sentence's root with a particle or an object after it is the clause's verb (the tagger, thrown by what
    # came before or by a headline, read it as a noun; the parse already says it is the verb, and no noun
    # takes an object)
    if doc.has_annotation("DEP"):
        for s in doc.sents:
            root = s.root
            if root.tag_ == "NNS" and any(c.dep_ == "prt" or (c.dep_ == "dobj" and c.i > root.i) for c in root.children):
                root.tag_, root.pos_ = "VBZ", "VERB"
        # ... and so is a plural noun made a relative clause's head, with the relative pronoun its subject and
        # an object after it ("Ningo Magnet, which ships/NNS magnets to X")
        tags, deps = doc.to_array("TAG").tolist(), doc.to_array("DEP").tolist()
        nns, relcl = doc.vocab.strings["NNS"], doc.vocab.strings["relcl"]
        for i in (i for i, (t, d) in enumerate(zip(tags, deps)) if t == nns and d == relcl):
            tok = doc[i]
            if any(c.dep_ == "nsubj" and c.i < i and c.lower_ in REL_PRONOUNS for c in tok.children) \
                    and any(c.dep_ == "dobj" and c.i > i for c in tok.children):
                tok.tag_, tok.pos_ = "VBZ", "VERB"
        # ... and so is a plural noun the parser joined by "and" to a verb before it, with an object or a
        # preposition after it ("Orlan is not affected and ships/NNS 9,000 tonnes a year to China")
        conj = doc.vocab.strings["conj"]
        for i in (i for i, (t, d) in enumerate(zip(tags, deps)) if t == nns and d == conj):
            tok = doc[i]
            if tok.head.pos_ in {"VERB", "AUX"} and tok.head.i < i and tok.is_lower and doc[i - 1].lower_ == "and" \
                    and any(c.dep_ in {"dobj", "npadvmod", "appos", "prep"} and c.i > i for c in tok.children):
                tok.tag_, tok.pos_ = "VBZ", "VERB"


def percentage_word(tok: Token) -> bool:
    """Whether ``tok`` says a percentage: "%", "percent", "percentage" ("30% of its revenue")."""
    return tok.text == "%" or tok.lower_ in {"percent", "percentage"}


def superlative(noun: Token) -> bool:
    """Whether a noun is ranked among others by a superlative ("the largest lender", "the
    third-largest underwriter", "the leading carrier"): what it leads is a market."""
    return any(c.dep_ in {"amod", "advmod"} and (
        (c.tag_ == "JJS" and c.lower_ not in {"most", "least"})
        or c.lower_ == "leading" or c.lower_.endswith(("-largest", "-biggest"))) for c in noun.children)


def by_agents(verb: Token) -> list[Token]:
    """Whom the "by" agent of a passive verb or a participle names ("was acquired by X", "a suit filed by
    X": X), in the order the parser hangs them."""
    return [g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]


def acted_on(verb: Token) -> tuple[list[Token], list[Token], bool]:
    """(what a verb acts on, who acts, whether it is passive): the object and the subjects of an active
    verb ("Poland picks Orlan"), the subject and the "by" agent of a passive one ("Orlan was
    selected by the ministry")."""
    if any(c.dep_ == "auxpass" for c in verb.children):
        agents = [c for c in verb.children if c.dep_ == "agent"]
        # ("is used by Orla at its plant in Lyon and by Kemba": a second "by" the parser joins to the first
        # or hangs inside a phrase after it)
        agents += [q for a in agents[:1] for c in verb.children if c.i >= a.i and c.dep_ in {"agent", "prep"}
                   for q in c.subtree if q.dep_ == "conj" and q.pos_ == "ADP" and q.lower_ == "by"]
        return ([c for c in verb.children if c.dep_ == "nsubjpass"],
                [g for c in agents for g in c.children if g.dep_ == "pobj"], True)
    return [c for c in verb.children if c.dep_ == "dobj"], [c for c in verb.children if c.dep_ in SUBJ], False


def described_by_where(head: Token) -> bool:
    """Whether a clause of "where" hangs on ``head`` ("in Johor, where rivals ... operate"): what it names is
    a place, whatever else the NER might have taken it for."""
    return any(c.dep_ == "relcl" and any(g.dep_ == "advmod" and g.lower_ == "where" and g.i < c.i
                                         for g in c.children) for c in head.children)


def causative_verb(participle: Token) -> Token | None:
    """The "have" or "get" whose object a past participle describes, or whose clause it is: "Orla has its
    phones made by Hontai", "has them built under contract by Jabro" (the one who has them made is the
    maker's customer); None otherwise."""
    if participle.tag_ != "VBN":
        return None
    if participle.dep_ == "acl" and participle.head.dep_ == "dobj":
        verb = participle.head.head
    elif participle.dep_ in {"ccomp", "xcomp"} and any(c.dep_ == "nsubj" for c in participle.children):
        verb = participle.head
    else:
        return None
    return verb if verb.lemma_ in {"have", "get"} and verb.i != participle.i else None


def assenting_verb(noun: Token, verbs: Mapping[str, str]) -> Token | None:
    """The verb of assent whose prepositional object ``noun`` is, by the preposition ``verbs`` gives it
    ("agreed to a takeover of X", "proceeded with its purchase of X", "pressed ahead with a merger with
    X"; a verb of going on, other than "proceed", only with "ahead"): the event is its subject's. None
    otherwise."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep":
        return None
    verb = prep.head
    lemma = verb.lemma_.lower()
    if verbs.get(lemma) != prep.lower_ or verb.pos_ not in {"VERB", "AUX"}:
        return None
    return verb if prep.lower_ == "to" or lemma == "proceed" or any(c.lower_ == "ahead" for c in verb.children) \
        else None


def limited_doers(verb: Token) -> list[Token]:
    """The subjects of what a verb of restricting limits: a clause on its object's phrase ("the number
    of loans that X can issue") or a clause of "how much" ("how much X can lend")."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "dobj":
            for t in c.subtree:
                # (or, as the parser often has a singular, a clause opened by "that" as a complement:
                # "capped the commission that X may charge")
                if (t.dep_ == "relcl" or (t.dep_ == "acl" and any(g.dep_ == "mark" and g.lower_ == "that"
                                                                   for g in t.children))) and t.i - c.i <= 12:
                    out += [g for g in t.children if g.dep_ == "nsubj" and g.lower_ not in REL_PRONOUNS]
        elif c.dep_ == "ccomp" and any(t.lower_ in {"how", "what"} for t in c.subtree if t.i < c.i):
            out += [g for g in c.children if g.dep_ == "nsubj"]
    return out


def as_well_as(tok: Token) -> bool:
    """The last word of "as well as", which the parser makes a coordinating conjunction."""
    return tok.dep_ == "cc" and tok.lower_ == "as" and tok.i >= 2 and tok.doc[tok.i - 1].lower_ == "well"


def added_preps(prep: Token) -> list[Token]:
    """The same preposition again after "as well as" ("to Xinwei and Hua Ming, as well as to Korvane"), which
    the parser hangs on "as", under the first preposition or inside its object; and after more goods
    ("builds tail sections for Skyward and wing parts for Aerivo"), which it joins to the object."""
    return [q for x in prep.subtree if as_well_as(x) for q in x.children
            if q.dep_ == "prep" and q.lower_ == prep.lower_] \
        + [q for g in prep.children if g.dep_ == "pobj" for c in g.conjuncts if c.pos_ == "NOUN" and c.is_lower
           for q in c.children if q.dep_ == "prep" and q.lower_ == prep.lower_] \
        + [q for g in prep.children if g.dep_ == "pobj" for c in g.children if c.dep_ in {"relcl", "acl"}
           for q in c.children if q.dep_ == "conj" and q.pos_ == "ADP" and q.lower_ == prep.lower_] \
        + [q for q in prep.doc[prep.i + 1:prep.sent.end] if q.dep_ == "conj" and q.pos_ == "ADP"
           and q.lower_ == prep.lower_ and q.head.pos_ in {"VERB", "AUX"} and prep.i < q.head.i < q.i
           and prep.doc[q.i - 1].lower_ == "and" and prep.doc[q.i - 2].text == ","]
    # (the third: "with Dunelo, which is backed by X, and with Dravik": after a clause describing the first name,
    # the parser joins the second preposition to the clause's verb; the last, ", and with Dravik" after such a
    # clause the parser made the sentence's main verb (with the trigger its subject): the clause's verb)


def participle(tok: Token) -> bool:
    """A past participle, or a word the tagger took for a noun or a past tense that heads a clause with an
    agent ("an app run/NN by BVG", "a video game developed/VBD by Marva Digital")."""
    return tok.tag_ == "VBN" or (tok.dep_ == "acl" and (tok.pos_ == "NOUN" or tok.tag_ == "VBD") and any(
        c.dep_ == "agent" for v in [tok, *(c for c in tok.children if c.dep_ == "conj")] for c in v.children))


def contact_clause(doc: Doc, end: int, kind: Callable[[Token], bool], verbs: set[str] | frozenset[str],
                   names: Mapping[int, int], firms: set[str] | frozenset[str] = frozenset()
                   ) -> tuple[int, int, Token] | None:
    """", the app it runs", ", a service Orlan Digital runs for shops", ", the store that they built", ", a
    payments app the operator built": after a comma at token ``end``, "a", "an" or "the", lower-case words
    that end in a kind of product (``kind``), an optional "that", then who runs or made it (a pronoun of a
    firm, or a name: ``names`` maps the start of each name to its end, and of each description coreference
    resolved) and a verb of ``verbs`` with no object of its own (a past tense the tagger took for a
    participle after "the" and a noun of ``firms``, "the operator built/VBN", too). Returns (start, end) of who
    and the verb, read off the surface, as the parser seldom sees a relative clause with no pronoun; else
    None."""
    if end + 4 >= len(doc) or doc[end].text != "," or doc[end + 1].lower_ not in {"a", "an", "the"}:
        return None
    k = end + 2
    # (with ``firms``, also the kind tagged a verb: "a payments app/VBP the operator built")
    while k < len(doc) and k - end <= 5 and doc[k].is_lower and doc[k].is_alpha \
            and (doc[k].pos_ in {"NOUN", "ADJ", "PROPN"} or (firms and doc[k].pos_ == "VERB" and kind(doc[k]))):
        k += 1
    if k == end + 2 or not kind(doc[k - 1]):
        return None
    if k < len(doc) and doc[k].lower_ == "that":
        k += 1
    if k >= len(doc):
        return None
    stop = k + 1 if doc[k].lower_ in {"it", "they"} else names.get(k)
    if stop is None or stop >= len(doc):
        return None
    # ("a rocket the company designed": a description that refers back to the firm, as coreference resolved it)
    described = doc[k].lower_ == "the" and k + 2 < len(doc) and doc[k + 1].is_lower \
        and doc[k + 1].lemma_.lower() in firms
    verb = doc[stop]
    # (the tagger takes "runs" after a name for a plural noun as often, and a past tense after a
    # description for a participle: "the operator built/VBN")
    if verb.lemma_.lower() not in verbs and verb.lower_.removesuffix("s") not in verbs \
            or verb.tag_ not in {"VBZ", "VBD", "VBP", "NNS"} | ({"VBN"} if described else set()):
        return None
    # (not "the app it runs ads on": the verb's own object follows)
    after = doc[stop + 1] if stop + 1 < len(doc) else None
    if after is not None and (after.pos_ in {"NOUN", "PROPN", "DET", "NUM", "PRON"} or after.tag_ == "PRP$"):
        return None
    return k, stop, verb


class SpanRoots:
    """Mixin of the components that ask for the same names' roots again and again: the root token of an entity
    item's span (``doc[start:end].root``), made once per span on the Doc the component is reading. Its
    ``__call__`` starts the memo (``self._roots, self._roots_doc = {}, doc``, after any repair of the parse,
    which nothing changes later) and clears it when done, so no Doc outlives the call."""

    _roots: dict[tuple[int, int], Token] = {}
    _roots_doc: Any = None

    def _root_of(self, doc: Doc, it: dict[str, Any]) -> Token:
        return span_root(self._roots if doc is self._roots_doc else None, doc, it["start"], it["end"])


def span_root(memo: dict[tuple[int, int], Token] | None, doc: Doc, start: int, end: int) -> Token:
    """``doc[start:end].root``, made once per span and kept in ``memo`` (one Doc's memo of its spans' roots,
    started after any repair of the parse; None: not kept). The memo of :class:`SpanRoots` and of
    ``kg_relations``' per-document state (:meth:`kg.relations.words.Words._span_root`)."""
    if memo is None:
        return doc[start:end].root
    root = memo.get((start, end))
    if root is None:
        root = memo[(start, end)] = doc[start:end].root
    return root
