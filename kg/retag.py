"""Repairs of the small tagger's and parser's errors on names and verbs, run before anything reads the parse:
a made-up name taken for an adverb or a verb ("Wavely/RB, a Miami company"), and a verb and its object
swapped ("Saguaro supplies/NNS controllers/VBZ to X").

Below the entity, coreference and relation stages (it imports nothing of kg-builder), like
:mod:`kg.syntax`."""

from __future__ import annotations

from spacy.attrs import TAG
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

__all__ = ["NAME_LABELS", "repair_name_tags", "repair_nouns_read_as_names", "repair_swapped_verbs",
           "repair_verbs_read_as_nouns", "repair_verbs_in_lists"]

#: NER labels of names: a word inside one is a proper noun whatever the tagger said
NAME_LABELS = frozenset({"ORG", "PERSON", "PRODUCT", "GPE", "FAC", "LOC", "WORK_OF_ART"})

#: the tags each repair below may retag a word of (as string hashes, what ``Doc.to_array(TAG)`` holds)
_NAME_TAGS = frozenset(get_string_id(t) for t in ("RB", "VB", "VBG", "VBP", "JJ", "NNP"))
_PROPER_TAGS = frozenset(get_string_id(t) for t in ("NNP", "NNPS"))
_PLURAL_OR_VBZ = frozenset(get_string_id(t) for t in ("NNS", "VBZ"))
_PLURAL = frozenset({get_string_id("NNS")})


def _tagged(doc: Doc, tags: frozenset[int]) -> list[Token]:
    """The tokens of ``doc`` whose tag is one of ``tags`` (hashes), read from the Doc's array instead of a
    Token object and a string lookup per token. (Each repair below retags only the token it is at, so the
    tags of the tokens after it are the tags it would read.)"""
    return [doc[i] for i, h in enumerate(doc.to_array(TAG).tolist()) if h in tags]


def repair_name_tags(doc: Doc, known: frozenset[str] | set[str]) -> None:
    """Retag as a proper noun each capitalised word the small tagger took for an adverb, a verb or an adjective
    ("Wavely/RB", "Dinely/RB said", "Kessling/VBG wins", "Saguaro/JJ") inside a name the NER found, or, for an
    adverb, one that is no English word (``known``: the lemmas of English adverbs, adjectives and verbs;
    "Ledgerly, a French startup, has raised ..."); and where the parser made such a name an adverb of the
    verb after it, make it the verb's subject ("Orvik/advmod is backed by Tamsa"), with the description
    the parser made the subject instead apposed to it ("Ledgerly, a French startup ..., has raised"), or the
    noun right before it that describes it ("Delivery app Dinely has shut ...") its compound."""
    if not doc.has_annotation("TAG"):
        return
    named = {i: e for e in doc.ents if e.label_ in NAME_LABELS for i in range(e.start, e.end)}
    for tok in _tagged(doc, _NAME_TAGS):  # (a word of any other tag is left as it is below)
        if not tok.is_title or not tok.is_alpha or len(tok) < 3 or tok.ent_type_ and tok.i not in named:
            continue
        # (an adjective only in a name of no place: "a Serb/JJ student", "Serb" a GPE, describes the student)
        if tok.tag_ == "RB" or tok.tag_ in {"VB", "VBG", "VBP"} and tok.i in named \
                or tok.tag_ == "JJ" and tok.i in named and named[tok.i].label_ not in {"GPE", "LOC"}:
            if (tok.i not in named or tok.tag_ != "RB") and (tok.lower_ in known or tok.lemma_.lower() in known):
                continue
            tok.tag_, tok.pos_ = "NNP", "PROPN"
        elif tok.tag_ != "NNP":  # (or a name the tagger knew that the parser still made an adverb: "Brisly, a ...")
            continue
        head = tok.head
        if tok.dep_ != "advmod" or head.i <= tok.i or head.pos_ not in {"VERB", "AUX"} or not doc.has_annotation("DEP"):
            continue
        # (the whole name: no word of it hangs outside it but this one)
        ent = named.get(tok.i)
        if ent is not None and (ent.end - 1 != tok.i or any(t.head.i != tok.i for t in ent if t.i != tok.i)):
            continue
        subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass", "csubj"}]
        passive = any(c.dep_ == "auxpass" for c in head.children)
        if not subjects:
            tok.dep_ = "nsubjpass" if passive else "nsubj"
        elif len(subjects) == 1 and subjects[0].i == tok.i - 1 and subjects[0].is_lower and subjects[0].pos_ == "NOUN":
            # ("Delivery app Dinely/advmod has shut ...": the subject right before the name describes it)
            described = subjects[0]
            tok.dep_ = described.dep_
            described.head = tok
            described.dep_ = "compound"
        elif len(subjects) == 1 and subjects[0].i > tok.i and subjects[0].pos_ == "NOUN" \
                and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," and subjects[0].left_edge.i == tok.i + 2 \
                and doc[tok.i + 2].lower_ in {"a", "an", "the"}:
            described = subjects[0]
            tok.dep_ = described.dep_
            described.head = tok
            described.dep_ = "appos"


def repair_nouns_read_as_names(doc: Doc, nouns: frozenset[str] | set[str],
                               particles: frozenset[str] | set[str]) -> None:
    """"Japan's trade ministry/NNP, METI, said ...", "sues crypto/NNP exchange X": a word in
    lower case outside every name the NER found, which the tagger took for a proper noun (thrown by the names
    around it), and which is an English common noun (``nouns``: WordNet's), is the common noun it is. Not the
    small words of names ("Consejo Regulador del Tequila": ``particles``, the lexicon's ``name_particles``),
    a part of a hyphenated name ("Cheongdam-dong") or a word right before a name."""
    if not doc.has_annotation("TAG"):
        return
    for tok in _tagged(doc, _PROPER_TAGS):
        if tok.tag_ not in {"NNP", "NNPS"} or not tok.is_lower or not tok.is_alpha or len(tok) < 3 or tok.ent_type_ \
                or tok.lower_ in particles or tok.lower_ not in nouns:
            continue
        if tok.i > 0 and doc[tok.i - 1].text == "-" or tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-":
            continue
        # (nor a word right before a name: "Mexican baker/NNP Del Bajío", read already as the name's description,
        # whose retagging would only move where the name starts)
        if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN" and doc[tok.i + 1].is_title:
            continue
        tok.tag_, tok.pos_ = ("NNS" if tok.tag_ == "NNPS" else "NN"), "NOUN"


def repair_swapped_verbs(doc: Doc, verbs: frozenset[str] | set[str], nouns: frozenset[str] | set[str]) -> None:
    """"Saguaro supplies/NNS controllers/VBZ to X", "Andean also ships/NNS carbonate/VBP to Y", "FINMA bans/NNS
    broker/VBP Z": after a name (a proper noun or a word of a name the NER found; and an adverb), the tagger took a verb's third-person form for a plural noun
    and the noun after it for the verb, and the parser made the first the second's subject. Where the first is
    a form of an English verb (``verbs``: lemmas) and the second an English noun (``nouns``), swap them back:
    the first becomes the clause's verb, with the name its subject, and the second its object, the words the
    parser hung on the second (its prepositions, the clause's adverbs) hung on the first."""
    if not doc.has_annotation("DEP"):
        return
    for tok in doc:
        obj = tok.head
        if tok.tag_ != "NNS" or tok.dep_ != "nsubj" or obj.i != tok.i + 1 or obj.tag_ not in {"VBP", "VBZ"} \
                or not tok.is_lower or not obj.is_lower or not tok.lower_.endswith("s") or tok.i < 1:
            continue
        before = doc[tok.i - 1]
        if before.lower_ in {"also", "now", "still"} and tok.i >= 2:
            before = doc[tok.i - 2]
        if not (before.pos_ == "PROPN" or before.ent_type_ in NAME_LABELS) or tok.lemma_.lower() not in verbs \
                or not (obj.lemma_.lower() in nouns or obj.lower_ in nouns or obj.lower_.removesuffix("s") in nouns):
            continue
        # (the verb first takes the object's place, then the object hangs on it: never a cycle)
        tok.head = obj.head if obj.head.i != obj.i else tok
        tok.dep_ = obj.dep_
        obj.head, obj.dep_ = tok, "dobj"
        for c in list(obj.children):
            if c.i < tok.i or c.dep_ in {"prep", "punct", "cc", "conj", "advmod", "advcl", "dative", "npadvmod",
                                         "ccomp", "xcomp", "agent"}:
                c.head = tok
        for c in tok.children:
            if c.i == before.i and c.dep_ in {"amod", "compound", "nmod"}:  # ("Korvane/NN/compound supplies")
                c.dep_ = "nsubj"
        tok.tag_, tok.pos_ = "VBZ", "VERB"
        obj.tag_, obj.pos_ = ("NNS" if obj.lower_.endswith("s") else "NN"), "NOUN"


def _plural_of(word: str, stems: frozenset[str] | set[str]) -> str:
    """The stem in ``stems`` whose third-person present ``word`` is ("supplies" -> "supply", "launches" ->
    "launch", "curbs" -> "curb"), or ""."""
    for stem in (word[:-3] + "y" if word.endswith("ies") else "", word[:-2] if word.endswith("es") else "", word[:-1]):
        if stem and stem in stems:
            return stem
    return ""


def repair_verbs_read_as_nouns(doc: Doc, verbs: frozenset[str] | set[str]) -> None:
    """"U.S. sanctions/NNS Dubai shipper Sarab Shipping", "Danish regulator curbs/NNS Velora Pay", "FDA curbs/NNS
    use of X", "Kelvor launches/NNS in Peru": in a clause with no verb before it, a noun or a name right
    before the third-person present of a trigger verb (``verbs``: lemmas), which the tagger took for a plural
    noun and the parser hung as the clause's root, as a compound of the noun after it or as that noun's
    subject; or which the tagger read as the verb it is but the parser still hung as a compound of the noun
    after it ("Huaxo licenses/VBZ/compound lung cancer antibody/ROOT to X").
    The word becomes the clause's verb: the noun or name before it its subject (the words before that
    hang on it), the phrase after it its object, the preposition or particle right after it its own."""
    if not doc.has_annotation("DEP"):
        return
    for tok in _tagged(doc, _PLURAL_OR_VBZ):
        if tok.tag_ not in {"NNS", "VBZ"} or not tok.is_lower or not tok.is_alpha or tok.i < 1 or tok.i + 1 >= len(doc):
            continue
        # (a verb the tagger knew but the parser hung as a modifier of the noun after it: "Huaxo licenses/VBZ/
        # compound its antibody to X", "Taiwan tightens/compound curbs on ...")
        if tok.tag_ == "VBZ" and (tok.dep_ != "compound" or tok.head.pos_ not in {"NOUN", "PROPN"}):
            continue
        subj, nxt = doc[tok.i - 1], doc[tok.i + 1]
        stem = _plural_of(tok.lower_, verbs)
        if not stem or subj in tok.ancestors or subj.pos_ not in {"PROPN", "NOUN"} or subj.tag_ == "NNS" \
                or tok.dep_ not in {"ROOT", "compound", "nsubj"} or nxt.is_punct:
            continue
        sent = tok.sent  # (a Span and a walk to the sentence's start: only for the few plurals of trigger verbs)
        if nxt.sent.start != sent.start:
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[sent.start:tok.i]) \
                or tok.dep_ == "compound" and tok.head.i <= tok.i or tok.dep_ == "nsubj" and tok.head.i != tok.i + 1:
            continue
        # the object: the top of the phrase that starts right after it (none where a preposition follows)
        obj = None
        if nxt.pos_ not in {"ADP", "PART"}:
            obj = nxt
            while obj.head.i > tok.i and obj.head.i != obj.i:
                obj = obj.head
        # (no verb before it in its clause, none above it: a clause with no other verb; but for an infinitive
        # the parser gave the name after it as subject: "Irish regulator orders/NNS Sableworth to halt ...", where
        # the name is the object and the infinitive its complement)
        told = None
        if obj is not None and obj.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in obj.children):
            told = next((c for c in obj.children if c.dep_ == "nsubj" and tok.i < c.i < obj.i), None)
        if any(a.pos_ in {"VERB", "AUX"} and (told is None or a.i != obj.i) for a in tok.ancestors):
            continue
        if told is not None:
            tok.head = obj.head if obj.head.i != obj.i else tok
            tok.dep_ = obj.dep_
            obj.head, obj.dep_ = tok, "xcomp"
            for c in list(told.children):
                if c.i < tok.i:
                    c.head = tok
            obj = told
        # (the verb takes the place of an object it hung under, then the object hangs on it: never a cycle)
        elif obj is not None and tok.i in {t.i for t in obj.subtree}:
            tok.head = obj.head if obj.head.i != obj.i else tok
            tok.dep_ = obj.dep_
            for c in list(obj.children):
                if c.i < tok.i or c.dep_ in {"punct", "advcl", "npadvmod"} or c.dep_ == "prep" and c.lower_ != "of":
                    c.head = tok
        if obj is not None:
            obj.head, obj.dep_ = tok, "dobj"
        elif nxt.head.i > tok.i:
            nxt.head = tok
        if nxt.pos_ in {"ADP", "PART"}:
            nxt.dep_ = "prt" if nxt.pos_ == "PART" or nxt.lower_ == "up" else "prep"
        # the subject, with the words before it that hung on the verb
        subj.head, subj.dep_ = tok, "nsubj"
        for c in list(tok.children):
            if c.i < subj.i and c.dep_ != "punct":
                c.head = subj
        tok.tag_, tok.pos_, tok.lemma_ = "VBZ", "VERB", stem


def repair_verbs_in_lists(doc: Doc, verbs: frozenset[str] | set[str]) -> None:
    """"buys its cotton from Brazil and Uzbekistan and supplies/NNS Zafra, Primark and H&M", "sells its coffee
    in every outlet and offers/NNS PagaYa": after "and", the third-person present of a trigger verb (``verbs``:
    lemmas) with a name or a determiner right after it, which the tagger took for a plural noun and the parser
    joined to the list or the noun that ends the phrase before. It is the verb above that phrase's second verb
    (joined to it by "and"), and the phrase after it (the rest of the list with it) its object."""
    if not doc.has_annotation("DEP"):
        return
    for tok in _tagged(doc, _PLURAL):
        if tok.tag_ != "NNS" or tok.dep_ != "conj" or not tok.is_lower or tok.i < 2 or tok.i + 1 >= len(doc) \
                or doc[tok.i - 1].lower_ != "and" or tok.head.pos_ not in {"NOUN", "PROPN"} or tok.head.i > tok.i:
            continue
        nxt = doc[tok.i + 1]
        stem = _plural_of(tok.lower_, verbs)
        # (the members of the list it was joined to: what the next word may hang on)
        members = [tok.head]
        while members[-1].dep_ == "conj" and members[-1].head.i < members[-1].i:
            members.append(members[-1].head)
        if not stem or nxt.pos_ not in {"PROPN", "DET"} or nxt.head.i not in {tok.i} | {m.i for m in members}:
            continue
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.i > tok.i:
            continue
        obj = nxt
        if nxt.pos_ == "DET":  # ("and supplies the Danish navy": the noun the determiner opens)
            obj = nxt.head
            if obj.i <= tok.i or obj.head.i not in {tok.i} | {m.i for m in members}:
                continue
        doc[tok.i - 1].head = verb
        tok.head, tok.dep_ = verb, "conj"
        obj.head, obj.dep_ = tok, "dobj"
        # (the list's members after the verb are the object's)
        for c in [c for m in members for c in m.children]:
            if c.i > obj.i and c.dep_ in {"conj", "cc", "punct"} and c.i != tok.i:
                c.head = obj
        tok.tag_, tok.pos_, tok.lemma_ = "VBZ", "VERB", stem
