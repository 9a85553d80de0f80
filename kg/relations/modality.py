"""Modality and qualifiers of a relation, read off the clause around an anchor token.

Shared by the rules and the trained model, so that "did not invest", "may ban"
and "from January" mean the same to both.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from ..ontology import Ontology, RelationInfo
from ..syntax import COPULAS, FORMER
from .state import DocState, read_once

__all__ = ["Modality", "done_or_passive", "former_before"]


#: Subjects that say nobody does it.
_NO_ONE = frozenset({"neither", "none", "nobody", "nothing"})


class Modality:
    """Reads whether a relation is stated as a fact, negated, hypothetical or past, and its qualifiers."""

    def __init__(self, onto: Ontology) -> None:
        lex = onto.lexicon
        self.hedges = set(lex["relations"]["hedges"]) - {"would"}
        self.negations = set(lex["relations"]["negations"])
        self.reporting = set(lex["relations"]["reporting"])
        self.ended_states = set(lex["relations"].get("ended_states", ()))
        #: adverbs that say a post or a tie is over ("previously", "formerly", "once")
        self.past_adverbs = onto.words("relations", "past_adverbs")
        #: states whose simple past with "until" or "for" a span is over: the ended states and the posts held
        self.bounded_states = self.ended_states | set(lex["relations"].get("bounded_states", ()))
        self.keep_from = set(lex["relations"]["keep_from"])
        self.seeking_verbs = set(lex["relations"].get("seeking_verbs", ()))
        self.ordering_verbs = frozenset(lex["relations"].get("ordering_verbs", ()))
        self.ending_acts = frozenset(lex["relations"].get("ending_acts", ()))
        self.leaving_verbs = frozenset(lex["relations"].get("leaving_verbs", ()))
        self.selling_off_verbs = frozenset(lex["relations"].get("selling_off_verbs", ()))
        #: nouns of a sale and the verbs that complete one ("completed the sale of its stake in X")
        self.sale_nouns = onto.words("relations", "sale_nouns")
        self.sale_completing_verbs = onto.words("relations", "sale_completing_verbs")
        self.breaking_away = frozenset(lex["relations"].get("breaking_away", ()))
        self.tenure_nouns = frozenset(lex["relations"].get("tenure_nouns", ()))
        self.founding_verbs = frozenset(lex["relations"].get("founding_verbs", ()))
        self.building_fact_verbs = frozenset(lex["relations"].get("building_fact_verbs", ()))
        self.announced_verbs = frozenset(lex["relations"].get("announced_verbs", ()))
        self.goods_buying_verbs = frozenset(lex["relations"].get("goods_buying_verbs", ()))
        #: verbs of buying goods and of selling a holding (kg:suppliesTo's, read by ``holdings_not_supplied``)
        self.goods_trading_verbs = self.goods_buying_verbs | onto.words("relations", "holding_selling_verbs")
        self.ended_dealings = frozenset(lex["relations"].get("ended_dealings", ()))
        self.pending_marks = onto.words("relations", "pending_marks")
        self.pending_preps = onto.words("relations", "pending_preps")
        #: (the verbs of completing a sale and those of clearing one)
        self.pending_closing_acts = self.sale_completing_verbs | onto.words("relations", "pending_closing_acts")

    def _announced(self, verb: Token) -> bool:
        """Whether ``verb`` is one of a deal whose reported future is announced ("said it would buy Lumio"): a
        lexicon ``announced_verbs`` one, but not buying goods rather than a firm ("said it would buy more
        from Malaysia", "would buy replacement bags from X": a lexicon ``goods_buying_verbs`` one with no
        name as its object), which is a plan."""
        lemma = verb.lemma_.lower()
        if lemma not in self.announced_verbs:
            return False
        return lemma not in self.goods_buying_verbs or any(
            c.dep_ == "dobj" and (c.pos_ == "PROPN" or c.ent_type_ in {"ORG", "PERSON", "GPE", "PRODUCT"})
            for c in verb.children)

    def _presupposed(self, noun: Token) -> str:
        """The modality of an event noun its clause presupposes ("Veltro's 2022 purchase of Lumio"): a
        fact whatever the clause says, except what a verb of stopping takes as its object ("the
        regulator blocked Veltro's takeover of Lumio": it did not happen)."""
        stop = noun.head
        if noun.dep_ == "dobj" and stop.lemma_.lower() in self.negations \
                and not (stop.dep_ in {"xcomp", "advcl"} and stop.head.lemma_.lower() in self.seeking_verbs
                         and any(c.dep_ == "aux" and c.lower_ == "to" for c in stop.children)):
            # (a stop only sued or moved for leaves the deal as agreed: "sued to block Veltro's takeover of Lumio")
            return "negated"
        if any(c.dep_ == "amod" and (c.lemma_.lower() in self.hedges or c.lower_ in self.hedges) for c in noun.children):
            return "hypothetical"  # "Veltro's planned purchase of Lumio", "its proposed takeover"
        if noun.dep_ == "dobj" and (stop.lemma_.lower() in self.hedges or (
                stop.lemma_.lower() in self.founding_verbs and self._modality(stop) == "hypothetical")):
            # what one only weighs or would bring into being: "is considering its own suit against Tarn",
            # "hopes to build its own plant in Perth" (not "may review Veltro's purchase of Lumio")
            return "hypothetical"
        return "fact"

    def _ordered_to(self, verb: Token, doer: Token) -> bool:
        """Whether ``verb`` is what ``doer`` is ordered or asked to do (lexicon ``ordering_verbs``): "ordered
        Nordlinie to give Kelvor access", "Nordlinie was told to open its network to Orlan" (not yet done)."""
        clause = verb
        while clause.dep_ == "conj" and clause.head.pos_ == "VERB":
            clause = clause.head  # ("ordered X to stop Y and to give Z access")
        head = clause.head
        if clause.dep_ not in {"xcomp", "advcl", "ccomp"} or head.lemma_.lower() not in self.ordering_verbs \
                or not any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children):
            return False
        ordered = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
        return any(doer.i in {t.i for t in o.subtree} for o in ordered)

    def _pending(self, verb: Token) -> bool:
        """Whether ``verb`` is a future ("will", or an infinitive) hung on an event still to come (lexicon
        ``pending_marks``, ``pending_preps``): "will join X as head of sales once the deal closes", "after the
        merger is completed", "will be available in Peru pending a licence", "agreed to sell it once the
        service is cleared", "subject to approval" (not "after the deal closed": it has happened; nor a term of
        a contract, "will pay it a share once it passes 3 million users": lexicon ``pending_closing_acts``)."""
        if not any(c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "to"} for c in verb.children):
            return False
        for c in verb.children:
            if c.dep_ == "advcl" and c.lemma_.lower() in self.pending_closing_acts and any(
                    m.dep_ in {"mark", "advmod"} and m.lower_ in self.pending_marks for m in c.children) and (
                    c.tag_ in {"VBZ", "VBP"} or any(a.dep_ == "auxpass" and a.tag_ in {"VBZ", "VBP"}
                                                    for a in c.children)):
                return True
            if c.dep_ == "prep" and c.lower_ in self.pending_preps and any(g.dep_ == "pobj" for g in c.children):
                return True
            if c.lower_ == "subject" and any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children):
                return True
        return False

    def _unbuilt(self, noun: Token) -> bool:
        """Whether ``noun`` is a site still to be built or opened: the object of a founding verb with "will" or
        "shall", or in an infinitive ("will build a plant near Lyon", "formed a venture to build a plant in
        Perth", the headline's "Vela to open plant in Perth"); not one agreed or begun ("agreed to build a
        plant", lexicon ``building_fact_verbs``), nor one being built ("is building a plant")."""
        verb = noun.head
        if noun.dep_ != "dobj" or verb.lemma_.lower() not in self.founding_verbs:
            return False
        first = verb
        while first.dep_ == "conj" and first.head.pos_ in {"VERB", "AUX"}:
            first = first.head  # ("will build and run a plant")
        auxes = [c for v in {verb, first} for c in v.children if c.dep_ == "aux"]
        if any(c.lower_ in {"will", "shall", "'ll"} for c in auxes):
            return True
        return any(c.lower_ == "to" for c in auxes) and not (
            first.dep_ == "xcomp" and first.head.lemma_.lower() in self.building_fact_verbs)

    def _post_modality(self, one: Token) -> str | None:
        """The modality of a post a role noun names (``one``: the noun, or the name it stands in for) where
        its clause says one, else None: the copula's clause ("is not its chief executive"), the verb that
        makes one what it says ("would have made X its owner"), a post held for a closed span or left ("served
        as chief financial officer of X from 2011 to 2019", "stepped down as chairman of X"), or the post of
        who left ("Its founder, Y, left the company in 2020")."""
        if (one.dep_ == "attr" and one.head.lemma_ in COPULAS) or one.dep_ in {"oprd", "ccomp"}:
            return self._modality(one.head)
        if one.dep_ == "pobj" and one.head.lower_ == "as" and one.head.dep_ == "prep":
            verb = one.head.head
            if self._left(verb) or self._broke_away(verb):
                return "past"
            if verb.lemma_.lower() in self.tenure_nouns and verb.dep_ == "pobj" and verb.head.lower_ == "after":
                return "past"  # "joined X after six years as chief executive of Y"
            if verb.lemma_ == "spend" and any(c.dep_ == "dobj" and c.lemma_.lower() in self.tenure_nouns
                                              for c in verb.children):
                # "who spent six years as finance director of Y" (but "has spent": still there)
                still = verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.lower_ != "had" for c in verb.children)
                return "fact" if still else "past"
            if verb.pos_ in {"VERB", "AUX"} and verb.lemma_.lower() in self.bounded_states:
                return self._modality(verb)
            return None
        named = one
        while named.dep_ in {"compound", "appos"} and named.head.i != named.i and named.head.pos_ == "PROPN" \
                or named.dep_ == "appos" and named.head.pos_ == "NOUN":
            named = named.head
        # (one left with nothing named or owned as what: "left in 2020", "left the company", "left for a rival";
        # not "Brisa's founder, Y, left Tessel's lab", which is another employer)
        if named.dep_ == "nsubj" and self._left(named.head) and not any(
                g.pos_ == "PROPN" or any(c.dep_ == "poss" for c in g.children)
                for g in [*named.head.children, *(g for p in named.head.children if p.dep_ == "prep"
                                                  and p.lower_ == "from" for g in p.children)]
                if g.dep_ in {"dobj", "pobj"}):
            return "past"
        return None

    def _left(self, verb: Token) -> bool:
        """Whether ``verb`` says its subject has left a post (lexicon ``leaving_verbs``), in the simple past or
        the present perfect ("stepped down", "has resigned"; not "will retire", "is stepping down")."""
        lemma = verb.lemma_.lower()
        phrasal = " ".join([lemma] + [c.lower_ for c in verb.children if c.dep_ in {"prt", "advmod"}
                                      and c.lower_ in {"down", "aside"}])
        if lemma not in self.leaving_verbs and phrasal not in self.leaving_verbs:
            return False
        return _done(verb)

    def _broke_away(self, verb: Token) -> bool:
        """Whether a verb joined after ``verb`` says its subject left its owner (lexicon ``breaking_away``), in the
        simple past or the present perfect: "was founded as a subsidiary of X and became independent in 2015", "was set
        up as a unit of X and was spun off in 2015"."""
        for v in (c for c in verb.conjuncts if c.i > verb.i):
            words = [c.lower_ for c in v.children if c.dep_ in {"prt", "acomp"}]
            if any(f"{v.lemma_.lower()} {w}" in self.breaking_away for w in words) \
                    or v.lemma_.lower() in self.breaking_away:
                return done_or_passive(v)
        return False

    def _sold_off(self, noun: Token) -> bool:
        """Whether the role noun ``noun`` is a unit its owner has sold ("Velmar sold its tea business, Leafmor,
        to Orlan"): the object of a verb of selling one's own (lexicon ``selling_off_verbs``) in the simple past or
        the present perfect; the ownership is over (not "agreed to sell its insurance arm": still its own)."""
        return noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.selling_off_verbs and _done(noun.head)

    def _stake_sold(self, noun: Token) -> bool:
        """Whether the stake noun ``noun`` has been sold by its holder: "sold its stake in X last year" (as
        :meth:`_sold_off`), "completed the sale of its remaining 25% stake in X" (the "of" of a sale noun
        that a verb of completing, done, takes; lexicon ``sale_nouns``, ``sale_completing_verbs``)."""
        if self._sold_off(noun):
            return True
        sale = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
        return sale is not None and sale.lemma_.lower() in self.sale_nouns \
            and sale.dep_ == "dobj" and sale.head.lemma_.lower() in self.sale_completing_verbs \
            and _done(sale.head)

    def _once_was(self, noun: Token) -> bool:
        """A role noun in apposition said to be over: "X, formerly a unit of Y," and "X, previously a
        subsidiary of Y," (the adverb on the noun, or on the name between it and the noun)."""
        if noun.dep_ != "appos":  # (or before the clause: "Once a unit of Y, X now ...")
            return noun.left_edge.i == noun.sent.start and any(
                c.dep_ == "advmod" and c.lower_ in self.past_adverbs for c in noun.children)
        return any(c.dep_ == "advmod" and c.lower_ in self.past_adverbs
                   and (c.head.i == noun.i or c.head.i < c.i < noun.i) for c in [*noun.children, *noun.head.children])

    def _modality(self, tok: Token) -> str:
        """The modality of the clause of ``tok``: "fact", "negated", "hypothetical", "past", ... (read once per
        token on the Doc the component is reading: a function of the parse alone)."""
        state = self._doc_state
        if state is None or tok.doc is not state.doc:
            return self._modality_once(tok)
        return read_once(state.modalities, tok.i, self._modality_once, tok)

    #: the Doc being read, with the memo of :meth:`_modality` (set by :class:`~kg.relations.rules.KGRelations`
    #: while it reads a Doc; a Modality of its own, as the relation model's, reads each token afresh)
    _doc_state: DocState | None = None

    def _modality_once(self, tok: Token) -> str:
        if any(c.lower_ in self.past_adverbs and c.dep_ == "advmod" for c in tok.children):
            return "past"  # "who previously worked at Searvio"
        if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "about" and any(
                c.dep_ == "det" and c.lower_ in {"a", "an", "any"} for c in tok.children):
            # an event named as a topic, not as one that took place: "was approached about a partnership
            # with Y", "asked about any deal with Y" (not "about the partnership", "about its deal")
            return "hypothetical"
        if tok.lemma_.lower() in self.keep_from | self.negations and tok.dep_ in {"xcomp", "advcl"} \
                and tok.head.lemma_.lower() in self.seeking_verbs and any(c.dep_ == "aux" and c.lower_ == "to"
                                                                        for c in tok.children):
            return "hypothetical"  # "sued to block X's takeover", "moved to bar X": a stop only sought
        if tok.lemma_.lower() in self.ended_dealings and _until_end(tok) and (tok.tag_ == "VBD" or (
                tok.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children))):
            return "past"  # "had bought its parts from Y until last year", "which until May supplied Y"
        if tok.tag_ == "VBD" and tok.lemma_.lower() in self.ended_states:
            return "past"  # "who worked at X before joining Y", "he lived in Yuma"
        if tok.dep_ == "xcomp" and tok.head.lower_ == "used" and any(c.lower_ == "to" for c in tok.children):
            return "past"  # "who used to work for X"
        if _early_home(tok) and any(
                t.lemma_ == "live" and t.i > tok.i and (t.tag_ in {"VBZ", "VBP"} or t.tag_ == "VBN" and any(
                    c.lower_ in {"has", "have"} for c in t.children))
                and any(p.dep_ == "prep" and p.lower_ == "in" for p in t.children)
                and not any(c.lower_ == "still" for c in t.children) for t in tok.sent):
            # "who grew up in Kano and now lives in Leeds": a home before the one the sentence says one has now
            # (not "grew up in Harare and still lives there")
            return "past"
        if tok.tag_ == "VBD" and tok.lemma_.lower() in self.bounded_states and any(
                c.dep_ == "prep" and (c.lower_ in {"until", "till"} or (
                    c.lower_ == "for" and any(g.ent_type_ == "DATE" for g in c.children if g.dep_ == "pobj"))
                    or _closed_span(c))
                for c in tok.children):
            # "who until last month ran treasury at X", "who ran logistics at X for five years", "was its
            # chairman from 1979 until 2004"
            return "past"
        if _ended(tok) and (tok.lemma_.lower() in self.bounded_states or tok.lemma_ == "be"):
            return "past"  # "X was owned by Y until 2019", "X belonged to Y until it was sold"
        if tok.dep_ in {"attr", "acomp"} and tok.head.lemma_ == "be" and _ended(tok.head):
            return "past"  # "X was a unit of Y until 2017": the copula's end is its predicate's
        # "pays Pomelle no commission", "has no stake in"
        if any(c.dep_ in {"dobj", "attr"} and any(d.dep_ == "det" and d.lower_ in {"no", "zero"} for d in c.children)
               for c in tok.children) or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children):
            return "negated"
        # "neither of which sells phones in Japan", "none of them operates there" (which the parser
        # may hang on the names as a conjunct: "Veltro and Orlan, neither of which operates in Japan")
        if any(c.dep_ in {"nsubj", "nsubjpass"} and (c.lower_ in _NO_ONE or any(
                g.dep_ == "conj" and g.lower_ in _NO_ONE for g in c.subtree)) for c in tok.children):
            return "negated"
        node = tok
        reported = False
        chain = [tok]
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ in {"ccomp", "acl", "relcl", "advcl", "ROOT"} and node.head.lemma_.lower() in self.reporting:
                reported = True
            if node.dep_ in {"relcl", "appos", "parataxis"}:
                break  # a relative clause or apposition states its own fact
            if node is tok and tok.dep_ in {"amod", "acl"} and _participle(tok) and not any(
                    c.dep_ in {"nsubj", "nsubjpass", "aux", "auxpass", "mark"} for c in tok.children):
                # and so does a participle describing a noun ("barred him from working for Wuhan-based X";
                # not a clause of its own: "denied a report that it had paid X")
                break
            node = node.head
            chain.append(node)
            if node.pos_ == "VERB" and node.dep_ in {"ROOT"}:
                break
        for n, node in enumerate(chain):
            for c in node.children:
                if c.dep_ == "neg" or (c.lower_ in {"never", "no"} and c.dep_ in {"neg", "advmod", "det"}) or (
                        c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)):
                    # ("no longer competes with")
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr", "acomp"}:
                        return "negated"  # "is not available in": the copula carries the negation
                if c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in self.hedges:
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr", "acomp", "conj"}:
                        return "hypothetical"
                if c.dep_ == "aux" and c.lower_ in {"would", "'d"} and (
                        not reported or not self._announced(node) or _conditional(node)) and (
                        n == 0 or n == 1 and (_purpose(chain[0]) or chain[0].dep_ == "xcomp"
                                              and not self._announced(node))
                        or n == 2 and chain[1].dep_ == "prep" and chain[0].dep_ in {"pobj", "pcomp"}
                        and not self._announced(node)):
                    # (or what its preposition takes: "would spend $450 million on a factory in Apodaca", "would
                    # now focus on expanding in Andhra Pradesh")
                    # (and its purpose: "would use Piatza to enter Romania", or the verb it takes: "would start
                    # selling cars in Perth", not going on: "would keep hiring in Porto"; reported, a plan unless
                    # a deal: "said it would open an office in Munich", not "said it would acquire Lumio"; a deal
                    # on a condition after it is not agreed: "said it would offer loans in Perth if its bid is
                    # approved")
                    return "hypothetical"
                if c.dep_ == "mark" and c.lower_ in {"if", "whether", "unless"} and n <= 1:
                    return "hypothetical"
                # the main clause of a condition: "If the deal collapses, X would have to pay Y a fee"
                if c.dep_ == "advcl" and c.i < node.i and n <= 1 and any(
                        m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children):
                    return "hypothetical"
                if n > 0 and c.i == chain[n - 1].i and c.dep_ == "prep" and c.lower_ in {"about", "on", "over"} and (
                        node.lower_ in self.hedges or any(d.dep_ == "dobj" and (
                            d.lemma_.lower() in self.hedges or d.lower_ in self.hedges) for d in node.children)):
                    # what talks are about: "had held talks last year about investing in Y", "talks on
                    # buying Y" (the parser hangs the topic on the verb or on the noun)
                    return "hypothetical"
                if c.dep_ == "prep" and c.lower_ == "before" and n == 0 and any(
                        g.dep_ == "pobj" and g.lemma_.lower() in self.ending_acts for g in c.children):
                    return "negated"  # "had 2 million users in Nepal before the ban": no longer
            # a future on an event still to come: "will join X as head of sales once the deal closes", "Ana Ruiz
            # will become its finance chief after the merger is completed" (not what an agreed deal makes of a
            # firm: "X will become part of Y once the purchase closes", "will operate as a unit of Y")
            # (the condition is its own verb's, not its conjunct's: "will pay X once ..., and Y will give it")
            if (n == 0 or n == 1 and chain[0].dep_ != "conj") and self._pending(node) and not (
                    any(c.dep_ == "attr" or (c.dep_ == "prep" and c.lower_ == "as") for c in node.children)
                    and not any(c.dep_ == "nsubj" and (c.ent_type_ == "PERSON" or c.lower_ == "who")
                                for v in ((node, node.head) if node.dep_ == "conj" else (node,)) for c in v.children)):
                return "hypothetical"
            # "barred Veltro from offering X", "Veltro refrained from selling X"
            if n > 1 and chain[n - 1].dep_ == "prep" and chain[n - 1].lower_ == "from" \
                    and chain[n - 2].dep_ == "pcomp" and node.lemma_.lower() in self.keep_from:
                return "negated"
            # (not a noun a past participle describes: "a data plan sold by X" is no plan to sell)
            if n > 0 and chain[n - 1].dep_ in {"xcomp", "dobj", "acl"} \
                    and not (chain[n - 1].dep_ == "acl" and _participle(chain[n - 1])):
                lemma = node.lemma_.lower()
                if lemma in self.hedges or node.lower_ in self.hedges:  # "in talks to buy X": "talks", not "talk"
                    return "hypothetical"
                # "ruled out entering New Zealand": a phrasal verb with its particle
                phrasal = " ".join([lemma] + [c.lower_ for c in node.children if c.dep_ == "prt"])
                if lemma in self.negations or phrasal in self.negations:
                    return "negated"
            if n > 0 and chain[n - 1].dep_ == "ccomp" and node.lemma_.lower() in self.negations:
                return "negated"  # "denied that it had agreed to buy X"
        return "fact"

    def _qualifiers(self, tok: Token, sent_ents: list[Span], rel: RelationInfo, role_text: str,
                    about: str) -> list[tuple[str, str]]:
        quals: list[tuple[str, str]] = []
        # (dates and sums only, in the clause's words: those read off the parse only where the sentence has one)
        dated = [ent for ent in sent_ents if ent.label_ in {"DATE", "MONEY"}]
        scope: set[int] = set()
        if dated:
            clause = tok
            while clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
                clause = clause.head
            scope = set(t.i for t in clause.subtree) | set(t.i for t in tok.subtree)
        for ent in dated:
            if ent.start not in scope:
                continue
            if ent.label_ == "DATE":
                prev = ent.doc[ent.start - 1] if ent.start > 0 else None
                key = "startDate" if prev is not None and prev.lower_ in {
                    "starting", "from", "since", "effective", "beginning"} else "date"
                if not any(k == key for k, _ in quals):
                    quals.append((key, ent.text.strip()))
            elif ent.label_ == "MONEY" and not any(k == "amount" for k, _ in quals):
                quals.append(("amount", ent.text.strip()))
        if role_text and rel.qualifier_role == "role":
            quals.append(("role", role_text))
        if about and rel.qualifier_role == "about":
            quals.append(("about", about))
        return sorted(quals)


def _participle(tok: Token) -> bool:
    """Whether ``tok`` is a past participle: tagged so, or a clause on a noun with an agent of its own, which
    the tagger took for a noun ("a video app run/NN by Kelvor")."""
    return tok.tag_ == "VBN" or (tok.dep_ == "acl" and any(c.dep_ == "agent" for c in tok.children))


def former_before(tok: Token) -> bool:
    """Whether "former" (or "ex", "retired" ...) opens the words of a title before a name: "Former Vantage Air
    chief executive X" (past the organisation's name and the title's other words; a title in apposition,
    "X, a former Harlow College law lecturer", keeps its job as CoNLL04 annotates it)."""
    i = tok.i - 1
    while i >= 0 and tok.i - i <= 6 and (tok.doc[i].pos_ in {"PROPN", "NOUN", "ADJ", "PART"}
                                         or tok.doc[i].ent_type_ or tok.doc[i].text in {"-", "&"}):
        if tok.doc[i].lower_ in FORMER:
            return True
        i -= 1
    return i >= 0 and tok.i - i <= 6 and tok.doc[i].lower_ in FORMER


def _early_home(tok: Token) -> bool:
    """Whether ``tok`` says where one grew up ("raised", "grew up"; not "born": CoNLL04 keeps a birthplace
    beside the present home, "X, who was born in Brooklyn, lives in Albany")."""
    return tok.lower_ == "raised" or (
        tok.lemma_ == "grow" and any(c.dep_ == "prt" and c.lower_ == "up" for c in tok.children))


def _closed_span(prep: Token) -> bool:
    """Whether ``prep`` opens a span of dates with both its ends ("from 2011 to 2019", "from 1979 until 2004",
    "between 2001 and 2008")."""
    dates = [g for g in prep.children if g.dep_ == "pobj" and g.ent_type_ == "DATE"]
    if prep.lower_ == "between":
        return any(c.dep_ == "conj" for g in dates for c in g.children)
    return prep.lower_ == "from" and bool(dates) and any(
        t.lower_ in {"to", "until", "till", "through"} for t in prep.subtree if t.i > dates[0].i)


def _done(verb: Token) -> bool:
    """Whether ``verb`` is in the simple past or the present perfect, with no modal ("stepped down", "has
    sold"; not "will retire", "is stepping down")."""
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    # (a participle with a subject of its own and no auxiliary is a past the tagger misread: "Lie retired/VBN")
    finite = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(c.dep_ == "nsubj" for c in verb.children))
    return (finite and not auxes) or (verb.tag_ == "VBN" and any(
        c.lemma_ == "have" for c in auxes) and not any(c.lower_ in {"will", "would", "may", "might", "could",
                                                                     "'ll", "should"} for c in auxes))


def done_or_passive(verb: Token) -> bool:
    """:func:`_done`, or a past passive ("was spun off in 2015", "were sold"): a deal made, an owner left."""
    return _done(verb) or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.lower_ in {"was", "were"} for c in verb.children))


def _ended(verb: Token) -> bool:
    """``verb`` is a simple past (active, or passive with "was"), or the past copula, with an end: "until"
    a time or "until" a clause ("was owned by Y until 2019", "was a unit of Y until it was sold")."""
    past = verb.tag_ == "VBD" or (verb.tag_ == "VBN" and any(
        c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children))
    return past and any((c.dep_ == "prep" and c.lower_ in {"until", "till"}) or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"until", "till"} for m in c.children))
        for c in verb.children)


def _until_end(verb: Token) -> bool:
    """Whether ``verb`` has an end "until" a time or "until" a clause ("until last year", "until it was sold"; not
    "until now", which says it still holds)."""
    return any((c.dep_ == "prep" and c.lower_ in {"until", "till"} and not any(
        g.lower_ == "now" for g in c.children)) or (
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"until", "till"} for m in c.children))
        for c in verb.children)


def _conditional(verb: Token) -> bool:
    """Whether ``verb`` has a condition after it or before it: "would offer loans if its bid is approved"."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
               for c in verb.children)


def _purpose(clause: Token) -> bool:
    """Whether ``clause`` is an infinitive of purpose after its verb's object ("use Piatza to enter
    Romania"), not one the verb takes as its own ("keep hiring", "continue to sell")."""
    return clause.dep_ in {"advcl", "xcomp"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) \
        and any(c.dep_ == "dobj" and c.i < clause.i for c in clause.head.children)
