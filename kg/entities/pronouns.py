"""Names the text speaks of as "he" or "she": "Rana Holt, a baker in Leeds, said she had raised prices",
"Okafor told reporters he would stay". A name that is the subject of a verb whose clause has "he" or
"she" for its own subject is a person's, whatever job written with it ("a baker", "an importer", "jewellery
maker Rana Holt": the words firms are called by too) or the NER made of it; a firm says "it" or "we"
("Kelvor said it would appeal").
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["spoken_of_as_a_person"]

#: personal pronouns only a person is: the subject of the clause a name's verb takes
_PERSONAL = frozenset({"he", "she"})


def spoken_of_as_a_person(span: Span) -> bool:
    """Whether the name ``span`` is the subject of a verb whose clausal complement has "he" or "she" for
    subject ("Rana Holt said she would", "Okafor, a trader in Lagos, told Newsline he had"), or of one
    joined to it with no subject of its own ("Okafor resigned and told friends he would write")."""
    root = span.root
    if root.dep_ != "nsubj" or root.head.pos_ not in {"VERB", "AUX"}:
        return False
    verbs = [root.head] + [v for v in root.head.children if v.dep_ == "conj" and v.pos_ in {"VERB", "AUX"}
                           and not any(s.dep_ in {"nsubj", "nsubjpass"} for s in v.children)]
    return any(c.dep_ == "ccomp" and c.i > root.i and any(
        s.dep_ in {"nsubj", "nsubjpass"} and s.lower_ in _PERSONAL for s in c.children)
        for v in verbs for c in v.children)
