"""Argument frames of the rules: which tokens fill a trigger's subject and object.

The helpers of the frames: who holds a noun, whose goods a verb moves, the acts appended to a
clause. Verbs in active and passive voice and event nouns ("X's investment in Y", "a partnership
between X and Y") are read by :mod:`kg.relations.events` (their subjects, own or inherited, are
:mod:`kg.relations.subjects`); role nouns ("Vantrel CEO Tunde Okafor") are in
:mod:`kg.relations.roles`. Which entities those tokens stand for is :mod:`kg.relations.mentions`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..ontology import RelationInfo
from ..syntax import SUBJ as _SUBJ
from ..syntax import by_agents
from ..syntax import possessive as _possessive

__all__ = ["Frames"]


class Frames:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: argument frames."""

    # -- frames ----------------------------------------------------------------------

    def _relations_of(self, tok: Token) -> list[RelationInfo]:
        return [t.relation for t in self.index.get(tok.lemma_.lower(), ()) if t.kind == "event"]

    def _pays(self, tok: Token) -> bool:
        """Whether a verb triggers a payment (kg:pays or a relation below it)."""
        return any("pays" in self.onto.ancestors(rel.name) for rel in self._relations_of(tok))

    def _of_sites(self, tok: Token) -> bool:
        """Whether a trigger noun is one of where one is only ("plant", "branch"): all its relations
        are to a place."""
        rels = self._relations_of(tok)
        return bool(rels) and all(rel.name in self.onto.to_places for rel in rels)

    def _described_after(self, verb: Token) -> bool:
        """Whether the infinitive ``verb`` ("to cloud/VB provider Fathomline") has for its object a name
        with a lower-case noun of description right after the verb: a noun the tagger took for a verb."""
        if verb.tag_ != "VB" or verb.i + 1 >= len(verb.doc):
            return False
        after = verb.doc[verb.i + 1]
        if after.tag_ == "NNS" and after.dep_ == "dobj" and after.head.i == verb.i and self._listed(after):
            # ("to server/VB makers including X": a kind of buyer, the names listed under it)
            return True
        return after.pos_ == "NOUN" and after.is_lower and after.head.i in self._doc_state.by_token \
            and after.head.i > after.i and after.head.dep_ == "dobj" and after.head.head.i == verb.i

    def _goods_owners(self, verb: Token, by_token: dict[int, int], items: list[dict[str, Any]]
                      ) -> list[tuple[Token, str]]:
        """"manufactures Quanta Forge's first chip", "makes panels for Pellum's Lumafon": the owners of what a
        verb of making makes, or of what it is made for ("for" on the verb or on the goods), as the ones it
        is made for. Goods only, not a firm or its role ("a plant for Kawano's rival X" is X's)."""
        made = [g for c in verb.children if c.dep_ == "dobj" for g in [c, *c.conjuncts]]
        # ("built most of Pacific Crest's fleet": the goods after a quantity's "of")
        made += [g for c in made for g in [self._portion_of(c)] if g is not None]
        made += [g for h in (verb, *made) for c in h.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj"]
        made = [g for g in made if g.lemma_.lower() not in self.trigger_nouns
                and (g.i not in by_token or items[by_token[g.i]]["cls"] == "Product")]
        owners = [o for g in made for o in g.children if _possessive(o) and o.i in by_token]
        # ("makes chips designed by Orvane", "makes cells for trucks assembled by Orvane": the designer or maker
        # the participle on the goods names; and, after a verb of making goods, a firm named before them: "will
        # make Orvane chips", "makes chips for Orvane laptops")
        owners += [x for g in made if g.lemma_.lower() in self.product_nouns or g.i in by_token
                   for a in g.children if a.dep_ == "acl" and a.tag_ == "VBN"
                   and a.lemma_.lower() in self.all_making_verbs for x in by_agents(a)]
        owners += [o for g in made if g.pos_ == "NOUN" and verb.lemma_.lower() in self.goods_making_verbs
                   and g.lemma_.lower() in self.product_nouns for o in g.children if o.dep_ in {"compound", "nmod"} and o.i < g.i and o.i in by_token
                   and o.pos_ == "PROPN" and self.onto.is_a(items[by_token[o.i]]["cls"], "Organization")]
        return [(o, "prep:for") for o in owners]

    def _portion_of(self, tok: Token) -> Token | None:
        """What a word of a part or a number is a part of: "fleet" in "built most of X's fleet", "access" in
        "revoked most of X's access", "systems" in "800 megawatt-hours of X's systems" (lexicon
        ``market_share_words``, a number or a counted unit, "all", "some", "part")."""
        if not (tok.lemma_.lower() in self.market_share_words or tok.like_num or tok.lower_ in {"%", "all", "some", "part"}
                or any(c.dep_ == "nummod" for c in tok.children)):
            return None
        return next((g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj"), None)

    def _holders(self, tok: Token, by_token: dict[int, int], goods: bool = False) -> list[tuple[Token, str]]:
        """"Larch's sales", "China's access", "shipments by Larch", "imports from Larch": the owner of a
        noun in :attr:`holder_nouns` that is no entity itself, as the one a restriction reaches (and
        the country of :meth:`_kind_of_country`); also a name in front of the noun ("Lithra chip
        sales"), whose licence it is ("of", :attr:`licence_nouns`), where sales or access go ("to",
        :attr:`to_nouns`), and with ``goods`` (restrictions) the country goods come from."""
        if tok.i in by_token:
            return []
        whole = self._portion_of(tok) if goods else None  # "revoked most of Draftloom's access": the whole
        if whole is not None and whole.i not in by_token:  # a part is of (restrictions only)
            tok = whole
        out = self._kind_of_country(tok, by_token)
        words = {tok.lemma_.lower(), tok.lower_}
        if goods and tok.pos_ == "NOUN" and tok.is_lower and not words & (self.holder_nouns | self.trigger_nouns):
            # "banned Kelvor Motors chips", "blocked the Korvo messaging app": the firm or product named in
            # front of the goods a restriction reaches (not a place: "banned Halden chicken"; nor an owner
            # or a deal: "blocked Orlan's takeover of X")
            out += [(t, "patient") for t in tok.doc[tok.left_edge.i:tok.i] if t.i in by_token
                    and t.dep_ != "poss" and tok.left_edge.i < t.head.i <= tok.i and by_token.get(t.head.i) != by_token[t.i]
                    and any(self.onto.is_a(self._doc_state.items[by_token[t.i]]["cls"], c) for c in ("Company", "Product"))]
        if words & self.holder_nouns:
            owners = [c for c in tok.children if _possessive(c)]
            out += [(c, "patient") for c in owners]
            # "curbs on Lithra chip tool sales": a name in front of the noun, whatever word it hangs on (not
            # one describing the owner: "U.S. software group Halden's acquisition" is Halden's)
            owned = {t.i for c in owners for t in c.subtree}
            out += [(t, "patient") for t in tok.doc[tok.left_edge.i:tok.i] if t.i in by_token and t.i not in owned
                    and t.dep_ in {"compound", "nmod"} and self.onto.is_a(self._doc_state.items[by_token[t.i]]["cls"], "Actor")]
            # "suspended the licence of miner X"; "curbs on chip sales to China": whose licence it is, and
            # where the goods go
            preps = {"by", "from"} | ({"of"} if words & self.licence_nouns else set()) \
                | ({"to"} if words & self.to_nouns else set())
            heads = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in preps]
            if tok.dep_ == "dobj" and not any(c.dep_ == "auxpass" for c in tok.head.children):
                # "restricted sales by Lagune Foods", "blocked the takeover of Medora by Kelvor": the parser
                # hangs the noun's "by" (right after its phrase) on the active verb
                heads += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "by"
                          and c.i == tok.right_edge.i + 1]
            for g in (g for c in heads for g in c.children if g.dep_ == "pobj"):
                # "imports from Canadian grain companies Aspen Ridge and Red River": the firms named
                # after the kind (read off the surface: the parser rarely gets such a list right)
                named = self._names_after(g, by_token) if g.i not in by_token and g.tag_ == "NNS" else []
                out += [(t, "patient") for t in named] or [(g, "patient")]
            # "banned the sale of Vapora and CloudMax vapes", "sales of the Arc 7 sedan", "the import of X": the
            # goods named (what is sold, not who sells it)
            if words & self.goods_of_nouns:
                for g in (g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                          for g in c.children if g.dep_ == "pobj"):
                    out += [(t, "patient") for t in tok.doc[g.left_edge.i:g.i + 1] if t.i in by_token
                            and (t.i == g.i or t.dep_ in {"compound", "nmod", "conj"})
                            and self._doc_state.items[by_token[t.i]]["start"] == t.i]
            # "refused export licences for three of Veltmeer's scanners": whose goods a licence is for
            # (the parser may hang "for" on the verb the licence is the object of)
            if words & self.licence_nouns:
                fors = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"]
                if tok.dep_ == "dobj":
                    fors += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i]
                for g in (g for c in fors for g in c.children if g.dep_ == "pobj"):
                    for n in [g] + [x for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for x in p.children if x.dep_ == "pobj"]:
                        out += [(c, "patient") for c in n.children if _possessive(c)]
        # "duties on electric cars shipped from China", "tariffs on steel made in China": where goods a
        # restriction reaches come from (``goods``); and "duties on solar modules from Kelvor Solar": the
        # country or firm they come from
        for c in tok.children if goods else ():
            if c.dep_ == "prep" and c.lower_ == "from" and tok.pos_ == "NOUN" and tok.is_lower \
                    and not words & self.holder_nouns:
                out += [(g, "patient") for g in c.children if g.dep_ == "pobj" and g.i in by_token
                        and any(self.onto.is_a(self._doc_state.items[by_token[g.i]]["cls"], k) for k in ("Country", "Company"))]
            if c.dep_ == "acl" and c.tag_ == "VBN":
                out += [(g, "patient") for p in c.children if p.dep_ == "prep" and p.lower_ in {"from", "in"}
                        for g in p.children if g.dep_ == "pobj" and g.i in by_token
                        and self.onto.is_a(self._doc_state.items[by_token[g.i]]["cls"], "Country")]
        return out

    def _relocated(self, noun: Token) -> bool:
        """Whether ``noun`` is what a relocation verb moves ("moved its headquarters to Austin", lexicon
        ``relocation_verbs``): where it goes is where it is, in the verb's clause."""
        return noun.dep_ == "dobj" and noun.head.lemma_ in self.relocation_verbs

    def _light_object(self, noun: Token) -> bool:
        """Whether ``noun`` is the object of a light verb ("signed a deal", "won a contract") and no name."""
        return noun.dep_ == "dobj" and noun.i not in self._doc_state.by_token and noun.pos_ == "NOUN" \
            and noun.head.lemma_.lower() in self.light_verbs

    def _appended_act_doers(self, noun: Token) -> list[Token]:
        """The subjects of the clause a noun for an act is appended to after a comma (lexicon
        ``act_nouns``): "The Philippines has suspended imports, a move that ...": the Philippines; and
        "Russia will cap exports, the ministry said, a quota that ...": the ministry and Russia."""
        if noun.lemma_.lower() not in self.act_nouns or not noun.is_lower or noun.dep_ not in {"npadvmod", "dobj", "appos"} \
                or noun.left_edge.i == 0 or noun.doc[noun.left_edge.i - 1].text != ",":
            return []
        verb = noun.head
        if verb.pos_ not in {"VERB", "AUX"}:
            return []
        if noun.dep_ == "dobj" and not any(c.dep_ == "dobj" and c.i < noun.i for c in verb.children):
            return []  # the verb's own object ("announced, after talks, a move that ...") is no appended act
        doers = [c for c in verb.children if c.dep_ in _SUBJ]
        if verb.lemma_.lower() in self.reporting:
            doers += [g for c in verb.children if c.dep_ == "ccomp" for g in c.children if g.dep_ in _SUBJ]
        return doers

