"""Which relations a word triggers: the trigger index of :class:`~kg.relations.rules.KGRelations` read
for one token (its lemma, its form, the word a hyphen joins to it, and the other words of a trigger
of several).

A mixin of :class:`~kg.relations.rules.KGRelations`, which builds ``self.index`` from the ontology.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ..ontology import RelationInfo
from ..syntax import PARTICLES, percentage_word, possessive
from ..syntax import SUBJ as _SUBJ

__all__ = ["Triggers"]


@dataclass(frozen=True, slots=True)
class _Trigger:
    relation: RelationInfo
    words: tuple[str, ...]
    kind: str  # "event", "role", "inverse"


class Triggers:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the triggers a token matches."""

    def _name_follows(self, tok: Token, words: int) -> bool:
        """Whether a name starts right after ``tok`` and the ``words - 1`` lower-case words after it
        ("startup Quillo", "chief executive Olivia Hart")."""
        j = tok.i + 1
        while j < tok.i + words and j < len(tok.doc) and tok.doc[j].is_lower:
            j += 1
        n = self._doc_state.by_token.get(j)
        return n is not None and self._doc_state.items[n]["start"] == j

    def _described(self, tok: Token) -> Token:
        """The noun ``tok`` modifies, past the lower-case nouns that modify it in turn ("rival scooter
        firm Kerbi": Kerbi)."""
        head = tok.head
        while head.i not in self._doc_state.by_token and head.dep_ in {"compound", "amod", "nmod"} and head.is_lower \
                and head.head.i > head.i:
            head = head.head
        return head

    def _peer_before_descriptor(self, tok: Token) -> bool:
        """"rival scooter firm Kerbi", "Rival recycler Rising Elements", "Rival operators Zipp and Volto":
        an adjective role (lower case, or capitalised to open the sentence) before lower-case nouns that
        describe the name after them, or a plural noun with the names right after it (in apposition, or
        whatever the parser hung them on it as) or listed under it ("rival payment providers such as X")."""
        if tok.dep_ != "amod" or not (tok.is_lower or tok.is_sent_start) or tok.head.i <= tok.i:
            return False
        if self._apposed_description(tok) is not None:
            return True
        head = self._described(tok)
        between = tok.doc[tok.i + 1:head.i]
        if head.i in self._doc_state.by_token:
            start = self._doc_state.items[self._doc_state.by_token[head.i]]["start"]
            return 0 < start - tok.i - 1 <= 3 and all(t.is_lower and t.pos_ == "NOUN" for t in tok.doc[tok.i + 1:start])
        if len(between) > 2 or not all(t.is_lower for t in between):
            return False
        if head.tag_ == "NN" and head.is_lower:
            # (one name right after a singular noun, which the parser hung on it: a headline's "takeover of
            # rival broadcaster Canale Orvo" with no full stop to close the sentence)
            # (or right after it, where the parser hung the name on the verb: "charge more on rival site
            # Trendova", "keep them off rival app Pelvo")
            return any(c.dep_ == "appos" and self._starts_at(c, head.i + 1) for c in head.children) \
                or self._name_after_noun(head) is not None
        return self._name_beside_plural(head) is not None or head.tag_ == "NNS" and head.is_lower \
            and (any(c.i == head.i + 1 and c.i in self._doc_state.by_token for c in head.children) or self._lists_names(head))

    def _name_beside_plural(self, noun: Token) -> Token | None:
        """The root of a name that starts right after the lower-case plural subject ``noun`` and that the
        parser made another subject of the same verb ("Rival platforms Kelvo and Orvane said", with "platforms"
        and "Kelvo" both subjects of "said": Kelvo; the tagger may take the plural for a verb); None elsewhere."""
        n = self._doc_state.by_token.get(noun.i + 1)
        if n is None or noun.tag_ not in {"NNS", "VBZ"} or not noun.is_lower or noun.dep_ not in {"nsubj", "nsubjpass", "dep"} \
                or self._doc_state.items[n]["start"] != noun.i + 1:
            return None
        root = self._root_of(noun.doc, self._doc_state.items[n])
        return root if root.dep_ in {"nsubj", "nsubjpass"} and root.head.i == noun.head.i else None

    def _name_after_noun(self, noun: Token) -> Token | None:
        """The first word of a name that starts right after the lower-case object of a preposition and that
        the parser hung elsewhere in the clause ("on rival site Trendova": Trendova); None elsewhere."""
        after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
        if after is None or noun.dep_ != "pobj" or not self._starts_at(after, after.i) \
                or noun.is_ancestor(after):
            return None
        return after

    def _starts_at(self, tok: Token, i: int) -> bool:
        """Whether ``tok`` is a word of a name that starts at token ``i`` ("Canale Orvo": Orvo's starts at Canale)."""
        n = self._doc_state.by_token.get(tok.i)
        return n is not None and self._doc_state.items[n]["start"] == i

    def _apposed_description(self, tok: Token) -> Token | None:
        """"Bexley Mutual, a rival insurer, said", "Flintry, a rival store operator whose ...": an adjective
        role (lower case) on a singular lower-case noun that is apposed to a name before it, past the
        lower-case nouns between; the name, or None. (The role's other side is then the clause's or the
        text's, as for "Rival Bexley Mutual said".)"""
        if tok.dep_ != "amod" or not tok.is_lower or tok.head.i <= tok.i:
            return None
        head = tok.head
        while head.dep_ == "compound" and head.is_lower and head.head.i > head.i:
            head = head.head  # ("a rival store operator")
        if head.dep_ != "appos" or head.tag_ != "NN" or not head.is_lower or head.head.i >= tok.i \
                or head.head.i not in self._doc_state.by_token \
                or not all(t.is_lower and t.pos_ in {"NOUN", "ADJ"} for t in tok.doc[tok.i + 1:head.i + 1]):
            return None
        return head.head

    def _cut_written_after(self, verb: Token) -> bool:
        """Whether a percentage of each sale follows the payee of ``verb`` as the text runs ("hands Orlan 10%
        of each subscription bought ...", "handing the lender 0.4% of the value of each payment", "hands
        Orlan, the pawnshop chain, 1.5% of every cash-in"), where the parser hung the percentage elsewhere
        (a subject of the next verb, an apposition): read off the surface, up to the clause's end."""
        doc = verb.doc
        end = min(len(doc), verb.i + 16, verb.sent.end)
        for t in doc[verb.i + 1:end]:
            if t.text in {";", ":"} or (t.pos_ in {"VERB", "AUX"}):
                return False
            if percentage_word(t):
                rest = doc[t.i + 1:min(len(doc), t.i + 8)]
                if not len(rest) or rest[0].lower_ != "of":
                    return False
                for r in rest[1:]:
                    if r.lower_ in self.each_words or r.lemma_.lower() in self.revenue_nouns:
                        return True
                    if r.pos_ in {"VERB", "AUX", "PUNCT"}:
                        break
                return False
        return False

    def _cut_of_sales(self, noun: Token) -> bool:
        """Whether ``noun`` is a percentage of each sale or of earnings ("10% of each delivery fee", "5% of
        its revenue"): a cut, as lexicon.toml's ``cut_words`` name it in triggers; not a part of one price
        ("20% of the price upfront")."""
        if not (percentage_word(noun)
                or (noun.lower_ == "cent" and noun.i > 0 and noun.nbor(-1).lower_ == "per")):
            return False
        return any(g.lemma_.lower() in self.revenue_nouns or g.lower_ in self.revenue_nouns or any(d.lower_ in self.each_words for d in g.children)
                   for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                   for g in p.children if g.dep_ == "pobj")

    def _matches(self, tok: Token) -> list[_Trigger]:
        item = self._doc_state.by_token.get(tok.i)
        if item is not None and self._doc_state.items[item]["via"] in {"", "gazetteer", "acronym"}:
            return []  # a word inside a name ("Public Investment Fund") is not a trigger
        keys = {tok.lemma_.lower(), tok.lower_}
        doc = tok.doc
        if tok.text[:1].isupper():  # "Texas Gov. Dale Corran": an abbreviated title as the title
            alias = self.title_aliases.get(tok.lower_)
            if alias is None and not tok.whitespace_ and tok.i + 1 < len(doc) and doc[tok.i + 1].text == ".":
                alias = self.title_aliases.get(tok.lower_ + ".")  # ("Lt" "." as two tokens)
            if alias is not None:
                keys.add(alias)
        if tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_ \
                and not doc[tok.i - 2].whitespace_:
            # "tie-up", which the tokenizer splits: the word with the one hyphened to it
            keys |= {f"{doc[tok.i - 2].lower_}-{k}" for k in keys}
        found: list[_Trigger] = []
        for key in sorted(keys):  # (a fixed order, whatever the hash seed of the process)
            for trig in self.index.get(key, ()):
                if trig in found:
                    continue
                if trig.kind in {"event", "inverse"} and tok.pos_ not in {"VERB", "NOUN", "ADJ", "PROPN"} and not (
                        tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"} and len(trig.words) > 1):
                    continue  # a copula only in a trigger of several words ("be from")
                if trig.kind in {"event", "inverse"} and tok.dep_ == "compound" and tok.is_lower \
                        and tok.head.lemma_.lower() in self.organisation_parts and any(
                            possessive(c) or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.head.children):
                    continue  # a kind of unit, whose owner is written: "Orlan Growth, the venture unit of X"
                if trig.kind == "event" and tok.pos_ != "VERB" and trig.words[0] in self.plural_goods_verbs:
                    continue  # the verb only: "sells Fjordcell packs to Wielobus" is no packing
                if trig.kind in {"role", "inverse_role"} and tok.pos_ not in {"NOUN", "PROPN"} and not (
                        self._name_follows(tok, len(trig.words)) and tok.pos_ in {"VERB", "ADJ"}
                        and (tok.is_lower or (tok.is_sent_start and tok.pos_ == "ADJ"))
                        and not any(c.dep_ in _SUBJ and c.i in self._doc_state.by_token for c in tok.children)) and not (
                        trig.relation.symmetric and tok.pos_ == "ADJ" and len(trig.words) == 1
                        and self._peer_before_descriptor(tok)):
                    # a role noun; the tagger sometimes calls "startup" a verb before a name, or "chief
                    # executive" adjectives (but a verb with its subject is one: "Veltro rivals Quillo"); and
                    # the adjective capitalised to open a sentence ("Rival/JJ Orvik said")
                    continue
                if len(trig.words) > 1:
                    rest = list(trig.words)
                    for k in keys:
                        if k in rest:
                            rest.remove(k)
                            break
                    # (every word the trigger's other words may be found as below is a lemma or a form of
                    # the Doc's, a word of a cut or "to": a trigger with a word the Doc lacks is read no further)
                    if any(w not in self._doc_state.doc_words and w not in self.cut_words and w != "to" for w in rest):
                        continue
                    # (a particle only as one: "took Pomelle to court over its rules" takes nothing over)
                    near = {w for c in tok.children if not (c.dep_ == "prep" and c.lower_ in PARTICLES
                                                            and any(g.dep_ == "pobj" for g in c.children))
                            for w in (c.lemma_.lower(), c.lower_)}
                    if tok.dep_ in {"compound", "amod"}:
                        near |= {tok.head.lemma_.lower()}
                    if tok.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in {"that", "which"} for c in tok.children):
                        near |= {tok.head.lemma_.lower()}  # "a lawsuit that X filed": the clause's noun is its object
                    if trig.kind in {"role", "inverse_role"}:  # a title as written ("chief executive")
                        near |= {t.lemma_.lower() for t in tok.doc[tok.i + 1:tok.i + len(trig.words)] if t.is_lower}
                    # (a word of a name is none: "pay $40 million to the Securities and Exchange Commission")
                    if tok.pos_ == "VERB" and self.cut_words.intersection(rest) and self._cut_written_after(tok):
                        near |= self.cut_words
                    for c in tok.children:  # "take ... to court"
                        if c.dep_ == "prep":  # (or to a named one: "to the High Court", "the Bombay High Court")
                            near |= {g.lemma_.lower() for g in c.children if g.pos_ != "PROPN"
                                     or g.lower_ in self.generic_body_heads}
                        elif c.dep_ == "xcomp" and c.lower_ in rest and any(
                                a.dep_ == "aux" and a.lower_ == "to" for a in c.children):
                            near |= {"to", c.lower_}  # the parser's verb: "took Orlan Systems to/PART court/VERB"
                        elif c.dep_ == "dobj":  # "paid Quillo 40 million euros in commissions"
                            # "hands Orlan 10% of each fee": a cut (also set off after the payee: "pays
                            # Orlan, a booking site, 5% of every fare", the parser's apposition)
                            if any(self._cut_of_sales(x) for x in [c, *(a for a in c.children if a.dep_ == "appos")]):
                                near |= self.cut_words
                            near |= {g.lemma_.lower() for p in c.children if p.dep_ == "prep" for g in p.children
                                     if g.dep_ == "pobj" and g.pos_ != "PROPN"}
                            # ("covers chips for Hoshiba": a verb's preposition the parser hung on its object)
                            near |= {p.lower_ for p in c.children if p.dep_ == "prep" and p.lower_ in trig.words}
                    if not all(w in near for w in rest):
                        continue
                    if self.set_price_nouns.intersection(rest) and self._set_price(tok, rest):
                        continue  # "pays Ardent an annual licence fee": a payment, not a commission
                elif trig.words[0] not in keys:
                    continue
                found.append(trig)
        # "Danish rival Aarestrup": a noun that is a relation's role is read as the role, not as the
        # event its verb names ("Veltro rivals Quillo"), which would take "Danish" for a party
        # (unless it takes the event's object: "Tandaa partners with Kilele Bank", tagged a noun)
        # (and an adjective read as a role before a name: "Rival grocers X and Y" are no event of rivalling)
        roles = {t.relation.name for t in found if t.kind in {"role", "inverse_role"}}
        if roles and self._left_for(tok):
            # "moving its listings to rival/VB Brava": a role where a customer takes its business, no event
            found = [t for t in found if t.kind not in {"event", "inverse"}]
        # (and a plural role the tagger took for a verb, before names that are another verb's subject:
        # "while rivals/VBZ Kesto and Vamo rose" is no event of rivalling between them)
        after = tok.doc[tok.i + 1] if roles and tok.i + 1 < len(tok.doc) else None  # (read for a role only)
        subject_after = after is not None and after.i in self._doc_state.by_token and any(
            a.dep_ in _SUBJ and a.head.i != tok.i for a in [after, after.head] if a.i in self._doc_state.by_token)
        if roles and (tok.pos_ in {"NOUN", "PROPN", "ADJ"} or (tok.pos_ == "VERB" and subject_after)):
            found = [t for t in found if t.kind not in {"event", "inverse"} or t.relation.name not in roles
                     or any(c.dep_ == "prep" and c.lower_ in t.relation.object_preps for c in tok.children)]
        # A multi-word trigger beats single-word ones of the same kind on the same token.
        multi = [t for t in found if len(t.words) > 1]
        if multi:
            multi_kinds = {t.kind for t in multi}
            found = [t for t in found if len(t.words) > 1 or t.kind not in multi_kinds]
        return found
