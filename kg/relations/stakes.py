"""Stakes the rules read from their construction: shares of a firm held ("owns 40% of X"), money raised
from investors ("raised $40 million from X and Y"), and the grants and investments those name.

A mixin of :class:`~kg.relations.rules.KGRelations`, run on what the trigger rules found.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from ..syntax import SUBJ as _SUBJ
from ..syntax import by_agents
from ..syntax import possessive as _possessive
from .records import record

__all__ = ["Stakes"]


class Stakes:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: shares of a firm, funding rounds, grants."""

    def _shares(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                ) -> tuple[list[dict[str, Any]], set[int]]:
        """"Skjold Capital owns 12% of Lunaris", "Acacia is 35% owned by NIA", "is part-owned by
        Kongsvik": a share of a firm up to half is an investment (kg:investsIn), above half control
        (kg:subsidiaryOf), whichever the verb of owning (kg:subsidiaryOf's inverse triggers, and
        "hold") would say alone; and one bought below half ("bought 41% of NTA Airways") is an
        investment, not the purchase of the firm. Returns the records and the indices of the verbs
        so read."""
        out: list[dict[str, Any]] = []
        read: set[int] = set()
        inv, sub = self.onto.relations.get("investsIn"), self.onto.relations.get("subsidiaryOf")
        if inv is None or sub is None:
            return out, read
        taking = self.onto.words("relations", "share_taking_verbs")  # "will take 19.9% of X"
        ventures = self.onto.words("relations", "venture_nouns")
        for verb in self._tokens_with_lemma(doc, self.owning_verbs | self.buying_firm_verbs | taking):
            if verb.pos_ not in {"VERB", "AUX"} and verb.tag_ != "VBN":
                continue
            buying = verb.lemma_.lower() not in self.owning_verbs
            passive = any(c.dep_ == "agent" for c in verb.children)
            if buying and passive:
                continue
            if passive:  # "is 35% owned by X", "is part-owned by X", "is partly owned by X"
                share = next((v for c in verb.children if c.dep_ in {"npadvmod", "advmod"}
                              for v in [self._share_of(c)] if v is not None), None)
                holders = by_agents(verb)
                owned = [c for c in verb.children if c.dep_ in {"nsubjpass", "nsubj"}] \
                    or [c for c in verb.head.children if c.dep_ in _SUBJ and verb.dep_ in {"acomp", "xcomp"}] \
                    or self._inherited_agents(verb) \
                    or [c for a in verb.children if a.dep_ == "auxpass" for c in a.children
                        if c.dep_ in _SUBJ and c.i in by_token]
                # (the parser may hang the subject on "is": "Sarko is 60% owned by"; not "which", whose
                # clause another reading resolves)
                if share is None and verb.dep_ == "acl" and verb.head.dep_ == "attr":
                    # "Lazurowy is 35 percent owned by X": the parser makes the share the copula's attribute
                    share = self._share_of(verb.head)
                    owned = [c for c in verb.head.head.children if c.dep_ in _SUBJ]
                elif not owned and verb.dep_ == "acl":
                    # "Rackwell, a data-centre company part-owned by Kanor": the noun the participle
                    # describes, or the name that noun is apposed to
                    noun = verb.head
                    owned = [noun.head if noun.dep_ == "appos" and noun.i not in by_token else noun]
            else:  # "owns 12% of Lunaris", "holds 60 percent of Lumo"
                share, owned = None, []
                for d in (c for c in verb.children if c.dep_ == "dobj"):
                    share = self._share_of(d)
                    if share is not None:
                        owned = [g for p in d.children if p.dep_ == "prep" and p.lower_ in {"of", "in"}
                                 for g in p.children if g.dep_ == "pobj"]
                        # "Weser Dock, in which Kestrel Ports holds 50%": what the clause is about
                        owned = owned or [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in"
                                          for g in p.children if g.dep_ == "pobj" and g.lower_ == "which"]
                        break
                holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
                # (a share of a market is no stake: "holds 30% of the Brazilian market" is operating there)
                owned = [g for g in owned if g.lemma_.lower() not in self.market_nouns]
            # ("The venture, Bluegrass Cells, will be 51% owned by X", "the venture, to be called Bluegrass
            # Cells, ...": the name apposed to the noun or given it, not the firm a back reference might
            # take the noun for)
            owned = [next((a for a in (*o.children, *(g for c in o.children if c.dep_ in {"acl", "relcl"}
                                                      and c.lemma_ in {"call", "name"} for g in c.children
                                                      if g.dep_ == "oprd"))
                           if a.dep_ in {"appos", "oprd"} and a.i in by_token
                           and items[by_token[a.i]]["via"] != "coref"), o)
                     if o.is_lower or (o.i in by_token and items[by_token[o.i]]["via"] == "coref") else o for o in owned]
            # ("will take 51% of the venture, to be called Ammonia Andina,": the parser hangs the naming on the verb)
            owned = [next((g for c in verb.children if c.dep_ == "advcl" and c.lemma_ in {"call", "name"} and c.i > o.i
                           for g in c.children if g.dep_ == "oprd" and g.i in by_token), o)
                     if o.is_lower and o.lemma_.lower() in ventures else o for o in owned]
            if share is None or not holders or not owned or (buying and share >= 50):
                continue  # (buying more than half a firm is buying it: kg:acquires reads it)
            read.add(verb.i)
            modality = self._modality(verb)
            # "is 51% owned by Tianlu, a Chinese group, and 20% by Kalulu": more shares, each with its own "by"
            more = [(v, [g for p in c.children if p.dep_ == "prep" and p.lower_ == "by" for g in p.children
                         if g.dep_ == "pobj"]) for c in verb.subtree if passive and c.i > verb.i and c.dep_ == "conj"
                    for v in [self._share_of(c)] if v is not None]
            for part, owners in [(share, holders), *((v, g) for v, g in more if g)]:
                if part <= 50:  # (half is no control: "in which X holds 50%" is an investment)
                    out += self._records_between(doc, owners, owned, inv, by_token, items, inv.base_confidence - 0.05,
                                                 verb, modality)
                elif part > 50:
                    out += self._records_between(doc, owned, owners, sub, by_token, items, sub.base_confidence - 0.05,
                                                 verb, modality)
                    # (a person who owns most of a firm invests in it: "Goran Petrovic holds 61% of Balkanmed")
                    out += [r for r in self._records_between(doc, owners, owned, inv, by_token, items,
                                                             inv.base_confidence - 0.05, verb, modality)
                            if self.onto.is_a(r["s_cls"], "Person")]
            # "..., with Omura holding the rest", "... and Omura holds the rest": the remainder's holder
            rest = 100.0 - share
            for other in self._rest_holders(verb):
                if rest <= 50:
                    out += self._records_between(doc, [other], owned, inv, by_token, items,
                                                 inv.base_confidence - 0.1, verb, modality)
                elif rest > 50:
                    out += self._records_between(doc, owned, [other], sub, by_token, items,
                                                 sub.base_confidence - 0.1, verb, modality)
        return out, read

    def _rest_holders(self, verb: Token) -> list[Token]:
        """Who holds what a share leaves: the subject of "holding the rest" after "with", or of a verb of
        owning joined to ``verb`` whose object is the rest ("and Omura holds the remainder"; lexicon
        ``remainder_nouns``)."""
        rest = self.onto.words("relations", "remainder_nouns")
        holding = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                   for g in p.children if g.dep_ == "pcomp"]
        holding += [c for c in verb.children if c.dep_ == "conj"]
        # ("owns 60% of the venture and Omura the rest": the verb left out, the holder joined to the share)
        gapped = [c for d in verb.children if d.dep_ == "dobj" for c in d.children if c.dep_ == "conj"
                  and c.pos_ == "PROPN" and any(g.dep_ in {"appos", "dobj"} and g.lemma_.lower() in rest for g in c.children)]
        return gapped + [s for h in holding if h.lemma_.lower() in self.owning_verbs
                         and any(o.dep_ == "dobj" and o.lemma_.lower() in rest for o in h.children)
                         for s in h.children if s.dep_ in _SUBJ]

    @staticmethod
    def _share_of(tok: Token) -> float | None:
        """The share a word gives in percent: "12%" / "12 percent" (the number), "part", "partly",
        "partially" or "minority" (under half: 25), "majority" (over half: 75); None otherwise."""
        low = tok.lower_
        if low in {"part", "partly", "partially", "minority"}:
            return 25.0
        if low == "majority":
            return 75.0
        if low in {"%", "percent", "pct"}:
            for c in tok.children:
                if c.dep_ == "nummod" and c.like_num:
                    try:
                        return float(c.text.replace(",", ""))
                    except ValueError:
                        return None
        return None

    def _funding(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Y raised $210 million in a round led by X", "Y raised $5 million from X" -> X investsIn Y. The
        words are lexicon.toml's ``funding_verbs``, ``funding_nouns``, ``round_nouns``, ``round_verbs``
        and ``participation_nouns``."""
        if "investsIn" not in self.onto.relations:
            return []
        rel = self.onto.relations["investsIn"]
        out = []
        currencies = self.onto.words("relations", "currency_nouns")
        grants = self.onto.words("relations", "grant_nouns")
        received = self.onto.words("relations", "received_nouns")
        for verb in self._tokens_with_lemma(doc, self.funding_verbs):
            if verb.pos_ != "VERB":
                continue
            investors: list[Token] = []
            # (a sum the NER took for a number: "8 million euros")
            money = any(t.ent_type_ == "MONEY" or t.lemma_.lower() in self.funding_nouns
                        or (t.lemma_.lower() in currencies and any(x.like_num for x in t.children))
                        for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree)
            # "received a 10 billion yen subsidy from the ministry", "¥476 billion in subsidies from X": paid
            # (also "in" on the sum: "received $750 million/dobj in grants from X")
            granted = [d for d in verb.children if d.dep_ == "dobj" and d.lemma_.lower() in grants] + [
                g for p in [*verb.children, *(p for d in verb.children if d.dep_ == "dobj" for p in d.children)]
                if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                if g.dep_ == "pobj" and g.lemma_.lower() in grants]
            if granted:
                out += self._grants(doc, verb, granted, items, by_token)
                continue
            if not money or any(d.dep_ == "dobj" and d.lemma_.lower() in received for d in verb.children):
                continue  # "received its licence from the ministry", "an order from" are no investment
            # (or on the sum: "raised 110 million euros from investors including X")
            for c in [*verb.children, *(p for d in verb.children if d.dep_ == "dobj" for p in d.children)]:
                if c.dep_ == "prep" and c.lower_ == "from":
                    investors += [g for g in c.children if g.dep_ == "pobj"]
            # "from Raboven's innovation fund": the owner of a fund, arm or unit that is no name
            investors += [o for g in investors if g.i not in by_token and g.is_lower
                          for o in g.children if _possessive(o) and o.i in by_token and o.pos_ != "PRON"]
            for t in verb.subtree:
                lemma = t.lemma_.lower()
                if lemma in self.participation_nouns:  # "..., with participation from X and Y"
                    for p in t.children:
                        if p.dep_ == "prep" and p.lower_ == "from":
                            # every name in the phrase: the parser often hangs a listed one on a
                            # modifier of the next ("the World Bank and Lagos-based Kora Ventures")
                            investors += [g for g in p.subtree if g.i in by_token and g.i != p.i
                                          and items[by_token[g.i]]["start"] == g.i]
                # "..., with Chevrell and Mitsuda also investing": the subjects of a clause of investing
                # or taking part after "with"
                if t.tag_ == "VBG" and (lemma in {"invest", "participate", "join", "contribute"} or (
                        lemma == "take" and any(c.lower_ == "part" for c in t.children))) \
                        and t.head.lower_ == "with" and t.head.dep_ == "prep":  # (or "also taking part")
                    investors += [g for g in t.children if g.dep_ == "nsubj"]
                if lemma in self.round_nouns:  # "a round led by X"
                    # (or right after it, where the parser hung "led" on the sum: "raises $85m in round led by X")
                    # (or past a "co-" the tokenizer split off: "in a Series C round co-led by X", hung on the verb)
                    j = t.i + 3 if doc[t.i + 1:t.i + 3].text.lower() in {"co -", "co-"} else t.i + 1
                    after = [doc[j]] if j < len(doc) and doc[j].tag_ == "VBN" and doc[j].head.i != t.i else []
                    for a in [*t.children, *after]:
                        if (a.dep_ == "acl" or (a in after and j > t.i + 1 and a.dep_ == "advcl")) \
                                and a.lemma_.lower() in self.round_verbs:
                            for ag in a.children:
                                if ag.dep_ == "agent":
                                    investors += [g for g in ag.children if g.dep_ == "pobj"]
            if not investors:
                continue
            raisers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, raisers, items, by_token, rel)
        # "X led a funding round in Y", "X joined Y's Series B round"
        for verb in self._tokens_with_lemma(doc, self.round_verbs):
            if verb.pos_ != "VERB":
                continue
            rounds = [t for t in verb.subtree if t.lemma_.lower() in self.round_nouns and t.head.i in
                      {verb.i} | {p.i for p in verb.children if p.dep_ == "prep"}]
            targets: list[Token] = []
            for r in rounds:
                targets += [c for c in r.children if _possessive(c)]
                for p in r.children:
                    if p.dep_ == "prep" and p.lower_ in {"in", "for", "of"}:
                        targets += [g for g in p.children if g.dep_ == "pobj"]
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ == "in" and rounds:
                    targets += [g for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() not in self.round_nouns]
            if not targets:
                continue
            investors = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, targets, items, by_token, rel)
        # "X has invested in Y as part of a round led by Z", "Y was valued at $600 million in a round led by Z": the
        # round's leader invests in what the clause says is invested in, or valued
        for verb in self._tokens_with_lemma(doc, {"invest", "value"}):
            if verb.pos_ != "VERB":
                continue
            leaders = [g for t in verb.subtree if t.i > verb.i and t.lemma_.lower() in self.round_nouns
                       for a in t.children if a.dep_ == "acl" and a.lemma_.lower() in self.round_verbs
                       for g in by_agents(a)]
            if not leaders:
                continue
            targets = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children
                       if g.dep_ == "pobj" and g.lemma_.lower() not in self.round_nouns] \
                if verb.lemma_.lower() == "invest" else [c for c in verb.children if c.dep_ == "nsubjpass"]
            out += self._invest_records(doc, verb, leaders, targets, items, by_token, rel)
        return out

    def _money_put_in(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Orlan Capital put $5 million into Kesto Pay", "Tiger Fund, which poured $40 million into Kesto",
        "has injected another $1 billion into it", "will put more money into the venture": a sum or money
        (lexicon ``money_nouns``, ``currency_nouns``) put into an organisation with a verb of putting money
        (lexicon ``money_putting_verbs``) is the subject's investment in it (kg:investsIn); not a place's
        ("put $2 billion into Texas" says where)."""
        rel = self.onto.relations.get("investsIn")
        verbs = self.onto.words("relations", "money_putting_verbs")
        currencies = self.onto.words("relations", "currency_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, set(verbs)) if rel is not None else ():
            if verb.pos_ != "VERB":
                continue
            sums = [d for d in verb.children if d.dep_ == "dobj" and (
                d.ent_type_ == "MONEY" or d.lemma_.lower() in self.money_nouns or d.lemma_.lower() in currencies)]
            # (the parser may hang "into" on the sum: "put $40 million/dobj into/prep Kesto")
            targets = [g for p in [*verb.children, *(p for d in sums for p in d.children)]
                       if p.dep_ == "prep" and p.lower_ in {"into", "in"} for g in p.children if g.dep_ == "pobj"]
            # ("into the venture, Kesto Pay": the name apposed to the noun)
            targets = [a for g in targets for a in [g, *(c for c in g.children if c.dep_ == "appos")]
                       if a.i in by_token and self.onto.is_a(items[by_token[a.i]]["cls"], "Organization")]
            if not sums or not targets:
                continue
            investors = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, targets, items, by_token, rel)
        return out

    def _lending(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Orlan Bank has agreed to lend $180 million to Kelvor", "will lend Kelvor $600 million", "has
        closed a $900 million loan to Kelvor": the lender invests in the organisation it lends to
        (kg:investsIn, as the annotated news writes loans); the verbs of lending (lexicon ``lending_verbs``),
        or a loan (``loan_nouns``) as the object of a verb of giving one (``loan_giving_verbs``), with
        whom it goes "to" on the verb or the loan, or the verb's indirect object."""
        rel = self.onto.relations.get("investsIn")
        lending = self.onto.words("relations", "lending_verbs")
        loans = self.onto.words("relations", "loan_nouns")
        giving = self.onto.words("relations", "loan_giving_verbs")
        money_words = self.money_nouns | self.onto.words("relations", "currency_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, set(lending) | set(giving)) if rel is not None else ():
            if verb.pos_ != "VERB":
                continue
            objects = [d for d in verb.children if d.dep_ == "dobj"]
            # ("provide 220 million euros in grants and loans to X": the loan after "in" on the sum, or listed)
            after_in = [g for d in objects for p in d.children if p.dep_ == "prep" and p.lower_ == "in"
                        for g in p.children if g.dep_ == "pobj"]
            lent = [o for o in [*objects, *after_in, *(c for g in after_in for c in g.conjuncts)]
                    if o.lemma_.lower() in loans]
            if verb.lemma_.lower() not in lending and not lent:
                continue
            # (money lent, or no object: "lent its name to X" is no loan)
            if any(d.ent_type_ != "MONEY" and d.lemma_.lower() not in money_words and d.i not in by_token
                   for d in objects):
                continue
            # ("to" as the verb's, the loan's or the sum's; the parser may make "to" an auxiliary and the name
            # the verb's object: "lends $900 million to/aux recycler Kelvor/dobj")
            borrowers = [g for p in [*verb.children, *(p for d in [*objects, *after_in] for p in d.children)]
                         if p.dep_ in {"prep", "dative"} and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
            # (the indirect object: "will lend Kelvor $600 million", "gave Kelvor a $40 million loan")
            borrowers += [c for c in verb.children if c.dep_ == "dative" and c.i in by_token]
            sums = [d for d in objects if d.i not in by_token]
            if verb.lemma_.lower() in lending and sums:  # (not "a lending app Kelvor": a sum lent beside it)
                borrowers += [c for c in objects if c.i in by_token]
            borrowers = [b for b in borrowers if b.i in by_token
                         and self.onto.is_a(items[by_token[b.i]]["cls"], "Organization")]
            if not borrowers:
                continue
            lenders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, lenders, borrowers, items, by_token, rel)
        return out

    def _also_invested(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Kelvor raised $85 million in a round led by Tasca. Orlan and Velora also invested", "... also took
        part", "also joined the round", "..., along with existing backer Wyndmoor": who "also" invests or takes
        part, with nothing named it is in, invests in the firm that raised money in that sentence or the one
        before (the subject of a funding verb, lexicon ``funding_verbs``, with a sum or a funding noun)."""
        rel = self.onto.relations.get("investsIn")
        verbs = self.onto.words("relations", "joining_in_verbs")
        raised_words = self.funding_nouns | self.onto.words("relations", "currency_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, set(verbs)) if rel is not None else ():
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB" or not any(c.lower_ in {"also", "too"} for c in verb.children) \
                    or any(c.dep_ == "neg" for c in verb.children) \
                    or (lemma == "take" and not any(c.lower_ == "part" and c.dep_ == "dobj" for c in verb.children)) \
                    or (lemma == "join" and not any(c.dep_ == "dobj" and c.lemma_.lower() in self.round_nouns
                                                    for c in verb.children)) \
                    or any(c.dep_ == "prep" and c.lower_ in {"in", "into"} for c in verb.children):
                continue
            investors = [c for c in verb.children if c.dep_ in _SUBJ]
            # ("..., along with existing backer Wyndmoor")
            investors += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "along"
                          for w in p.children if w.dep_ == "prep" and w.lower_ == "with"
                          for g in w.children if g.dep_ == "pobj"]
            start = verb.sent.start
            start = doc[start - 1].sent.start if start > 0 else start
            raisers: list[Token] = []
            for raised in reversed(doc[start:verb.i]):
                if raised.lemma_.lower() in self.funding_verbs and raised.pos_ == "VERB" and any(
                        t.ent_type_ == "MONEY" or t.lemma_.lower() in raised_words
                        for c in raised.children if c.dep_ == "dobj" for t in c.subtree):
                    raisers = [c for c in raised.children if c.dep_ in _SUBJ] or self._inherited_agents(raised)
                    break
            raisers = [r for r in raisers if r.i in by_token and self.onto.is_a(items[by_token[r.i]]["cls"], "Organization")]
            if investors and raisers:
                out += self._invest_records(doc, verb, investors, raisers, items, by_token, rel)
        return out

    def _grants_given(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Orlan Foundation gave Kelvor a $90 million grant", "the ministry awarded a grant to Kelvor", "Orlan
        grants Kelvor $1.2 billion": a grant or subsidy (lexicon ``grant_nouns``) given, or a sum granted
        (lexicon ``grant_giving_verbs``), is paid by the giver to whom it is given (kg:pays), as one received
        "from" the giver is (:meth:`_grants`)."""
        rel = self.onto.relations.get("pays")
        verbs = self.onto.words("relations", "grant_giving_verbs")
        grants = self.onto.words("relations", "grant_nouns")
        currencies = self.onto.words("relations", "currency_nouns")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, set(verbs)) if rel is not None else ():
            if verb.pos_ != "VERB":
                continue
            objects = [d for d in verb.children if d.dep_ == "dobj"]
            # (a sum only after "grant": "the court awarded Kelvor $5 million" is no payment of the court's)
            given = [d for d in objects if d.lemma_.lower() in grants or (verb.lemma_.lower() == "grant" and (
                d.ent_type_ == "MONEY" or d.lemma_.lower() in currencies))]
            if not given:
                continue
            payees = [c for c in verb.children if c.dep_ == "dative" and c.i in by_token]
            payees += [g for p in [*verb.children, *(p for d in given for p in d.children)]
                       if p.dep_ in {"prep", "dative"} and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
            payees = [g for g in payees if g.i in by_token and self.onto.is_a(items[by_token[g.i]]["cls"], "Organization")]
            payers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._records_between(doc, payers, payees, rel, by_token, items, rel.base_confidence - 0.1,
                                         verb, self._modality(verb))
        return out

    def _grants(self, doc: Doc, verb: Token, granted: list[Token], items: list[dict[str, Any]],
                by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:pays from whom a subsidy, grant or advance received comes (a "from" on the verb or the
        noun) to who received it."""
        rel = self.onto.relations.get("pays")
        if rel is None:
            return []
        payers = [g for p in [*verb.children, *(p for n in granted for p in n.children)]
                  if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
        receivers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
        return self._records_between(doc, payers, receivers, rel, by_token, items, rel.base_confidence - 0.1,
                                     verb, self._modality(verb))

    def _invest_records(self, doc: Doc, verb: Token, investors: list[Token], targets: list[Token],
                        items: list[dict[str, Any]], by_token: dict[int, int], rel: RelationInfo
                        ) -> list[dict[str, Any]]:
        """investsIn(investor, target) for every mapped pair."""
        out = []
        modality = self._modality(verb)
        for target in targets:
            for ti, _, _ in self._map(target, by_token, items):
                for inv in investors:
                    for ii, cost, _ in self._map(inv, by_token, items):
                        si, oi = items[ii], items[ti]
                        if si["name"] != oi["name"] and self.onto.fits(si["cls"], rel.domain) \
                                and self.onto.fits(oi["cls"], rel.range):
                            out.append(record(doc, si, "investsIn", oi, rel.base_confidence - cost,
                                                    verb, modality))
        return out

    def _control_taken(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Haverkamp took control of Ostrava in 1992", "will take full control of X", "gained control of X":
        control of an organisation taken, gained or seized (lexicon ``control_taking_verbs``) is its purchase
        (kg:acquires; the annotated news writes it so), with the verb's modality ("did not intend to take
        control of X": negated); not a control of a kind ("operational control", "editorial control")."""
        rel = self.onto.relations.get("acquires")
        verbs = self.onto.words("relations", "control_taking_verbs")
        whole = self.onto.words("relations", "whole_control_words")
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, {"control"}) if rel is not None and verbs else ():
            verb = noun.head
            if noun.pos_ != "NOUN" or noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs or any(
                    c.dep_ in {"amod", "compound", "nmod"} and c.lower_ not in whole for c in noun.children):
                continue
            # ("of" on the noun, or on the verb right after it)
            owned = [g for p in [*noun.children, *(c for c in verb.children if c.i == noun.i + 1)]
                     if p.dep_ == "prep" and p.lower_ in {"of", "over"} for g in p.children if g.dep_ == "pobj"]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            found = self._records_between(doc, subjects, owned, rel, by_token, items, rel.base_confidence - 0.1,
                                          noun, self._modality(verb))
            out += [r for r in found if self.onto.is_a(r["o_cls"], "Organization")]
        return out

    def _stakes_left_unnamed(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                             ) -> list[dict[str, Any]]:
        """"Adinkra will keep 35%, and the Ports Authority holds the rest", "Its founders will keep a 15% stake",
        "Velox Motors owns a minority stake.": a share held, kept or taken with no firm written after it (no
        "in" or "of") is one of the firm the share before it was of (its "in" or "of", in this sentence or the
        one before), or of the firm whose people hold it (the possessive on the holder): an investment, whatever
        the share (the annotated news writes investsIn for "X, which keeps 51%", where a share written in full
        above half is control, :meth:`_shares`)."""
        inv = self.onto.relations.get("investsIn")
        verbs = self.onto.words("relations", "stake_keeping_verbs")
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, {"stake", "%", "percent", "rest", "remainder"}) \
                if inv is not None and verbs else ():
            verb = noun.head
            if noun.dep_ != "dobj" or verb.lemma_.lower() not in verbs or any(
                    c.dep_ == "prep" and c.lower_ in {"in", "of"} for c in [*noun.children, *verb.children]):
                continue
            share = self._share_of(noun)
            if share is None:
                share = next((v for c in noun.children if c.dep_ in {"amod", "compound"}
                              for v in [self._share_of(c)] if v is not None), None)
            if share is None and noun.lemma_.lower() in {"%", "percent"}:
                continue
            holders = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            firms = [g for h in holders for g in h.children if _possessive(g) and g.i in by_token]
            before = self._firm_of_the_share_before(doc, noun, by_token, items)
            firms = firms or before
            if not firms or (noun.lemma_.lower() in {"rest", "remainder"} and share is None and not before):
                continue
            found = self._records_between(doc, holders, firms, inv, by_token, items, inv.base_confidence - 0.15,
                                          noun, self._modality(verb))
            out += [r for r in found if self.onto.is_a(r["o_cls"], "Organization")]
        return out

    def _firm_of_the_share_before(self, doc: Doc, noun: Token, by_token: dict[int, int],
                                  items: list[dict[str, Any]]) -> list[Token]:
        """The organisation named after "in" or "of" on the nearest share word ("a 40% stake in X", "60% of
        X") before ``noun``, or the subject of the nearest passive of owning or backing ("X is controlled by
        Y", "It is backed by Y"), in its sentence or the one before."""
        start = noun.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        owning = self.owning_verbs | self.onto.words("relations", "backing_verbs")
        for tok in reversed(doc[start:noun.i]):
            lemma = tok.lemma_.lower()
            if lemma in {"stake", "%", "percent", "share", "holding"}:
                named = [g for p in tok.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                         for g in p.children if g.dep_ == "pobj"]
            elif lemma in owning and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children):
                named = [c for c in tok.children if c.dep_ == "nsubjpass"]
            else:
                continue
            named = [g for g in named if g.i in by_token and self.onto.is_a(items[by_token[g.i]]["cls"], "Organization")]
            if named:
                return named[:1]
        return []

