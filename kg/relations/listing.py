"""The names a noun lists: "groups such as Halbtek and Semvo", "countries, including Japan" (and where the
small parser hangs such a list elsewhere). A mixin of :class:`~kg.relations.rules.KGRelations`, through
:class:`~kg.relations.mentions.Mentions`.
"""

from __future__ import annotations

from spacy.tokens import Token

__all__ = ["Listing"]

#: The NER's labels of places.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


class Listing:
    """Mixin: the names listed under a noun by "such as" or "including"."""

    def _with_listed(self, tok: Token) -> list[Token]:
        """``tok`` and the names listed under it by "such as" or "including", each with its conjuncts
        ("Fintrel and local lenders such as Bankor and Kredora": from "Fintrel", Bankor and Kredora too)."""
        return [tok, *(x for f in self._listed(tok) for x in [f, *f.conjuncts])]

    @staticmethod
    def _opens_list(c: Token) -> bool:
        """Whether ``c`` hangs a list on its head: "such (as)", "including"."""
        return c.lower_ in {"such", "including"} or (c.dep_ == "prep" and c.lower_ in {"as", "including"})

    @classmethod
    def _lists_names(cls, noun: Token) -> bool:
        """Whether names are listed under ``noun`` ("providers such as X", "lenders, including X")."""
        return any(cls._opens_list(c) for c in noun.children)

    @classmethod
    def _listed(cls, tok: Token) -> list[Token]:
        """The first name of a list hung on ``tok`` by "such as" or "including" ("groups such as
        Halbtek and Semvo", "countries, including Japan"); the others are its conjuncts."""
        out: list[Token] = []
        for c in tok.children:
            if cls._opens_list(c):
                preps = [c] if c.dep_ == "prep" else [p for p in c.children if p.dep_ == "prep" and p.lower_ == "as"]
                out += [g for p in preps for g in p.children if g.dep_ == "pobj"]
                # ("countries, including neighbouring Malaysia": the tagger reads the adjective as a verb whose
                # object is the name)
                out += [o for p in preps for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG"
                        and g.i == p.i + 1 for o in g.children if o.dep_ == "dobj" and o.pos_ == "PROPN"]
        if not out and tok.tag_ in {"NNS", "NNPS"}:
            # "internet providers in Spain, including Telvaro and Citrina": the parser hangs the list on
            # the place, the verb or the subject; right after a plural noun (and the named place it is in),
            # the names listed that are no places are the noun's
            doc = tok.doc
            j = tok.i + 1
            if j < len(doc) and doc[j].lower_ in {"in", "across", "throughout"}:
                j += 1
                while j < len(doc) and j - tok.i < 8 and (doc[j].lower_ == "the" or doc[j].pos_ == "PROPN"):
                    j += 1
            if j + 2 < len(doc) and doc[j].text == "," and j > tok.i + 2:
                opener = doc[j + 1] if doc[j + 1].lower_ == "including" else \
                    doc[j + 2] if doc[j + 1].lower_ == "such" and doc[j + 2].lower_ == "as" else None
                if opener is not None:
                    out += [g for g in opener.children if g.dep_ == "pobj" and g.ent_type_ not in _PLACES]
        # "carmakers such as Longwei and Geshan are ...": the small parser hangs the last name off the
        # verb (here as an adverb, for its "-ly"); a name right after the "and" or "or" that
        # closes the list as parsed belongs to it
        doc = tok.doc
        for g in list(out):
            last = max(t.i for t in g.subtree)
            if last + 2 < len(doc) and doc[last + 1].lower_ in {"and", "or"} \
                    and (doc[last + 2].pos_ == "PROPN" or doc[last + 2].ent_iob_ == "B") \
                    and doc[last + 2].dep_ != "conj" and not doc[last + 2].is_ancestor(g):
                out.append(doc[last + 2])
        return out
