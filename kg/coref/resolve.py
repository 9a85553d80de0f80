"""The candidates of a mention and the one chosen: class, recency, salience (salience.py), the subject of
the clause a possessive is in (clause_subjects.py), and what the clause rules out (the subject of the clause a
description is in, the accuser of an accusation)."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import (OBJECT_CONTROL, REL_PRONOUNS, clause_head, controlled_objects, possessive,
                      subjects_above)
from .base import SUBJ as _SUBJ
from .base import its_own
from .base import predicate_of_copula as _predicate_of_copula

__all__ = ["Resolution"]



class Resolution:
    """Mixin of :class:`~kg.coref.component.KGCoref`: choosing the antecedent of a mention."""

    def _compatible(self, cls: str, wanted: set[str]) -> bool:
        # a generic organisation may be the company a description speaks of ("the manufacturer")
        return any(self.onto.is_a(cls, w) for w in wanted) or (cls == "Organization" and "Company" in wanted)

    def _candidates(self, doc: Doc, items: list[dict[str, Any]], tok: Token) -> list[dict[str, Any]]:
        """Named mentions before ``tok`` within the last few sentences, most recent first."""
        here = self._sent_index.get(tok.i, 0)
        lo = bisect.bisect_left(self._starts, self._sent_first_token.get(here - self.max_sentences, 0))
        hi = bisect.bisect_left(self._starts, tok.i)
        out = [it for it in self._named[lo:hi] if it["end"] <= tok.i]
        return out[::-1]

    def _same_clause_subject(self, doc: Doc, items: list[dict[str, Any]], tok: Token) -> set[str]:
        """Names of entities that are the subject of the clause ``tok`` is in; and of who accuses it
        ("sued Y, accusing the carmaker of", "alleging that the Swiss trader had": lexicon ``accusing``); and,
        where ``tok`` is the subject, of the verb's objects ("The studio paid Korvel": the studio is not Korvel)."""
        verb = clause_head(tok)
        # (a relative pronoun for the noun the clause is on: "Cardo, which works with the startup"; not a noun
        # after a preposition, where "which" may be on a noun before it: "the suit against X, which ...")
        subjects = [verb.head if c.lower_ in REL_PRONOUNS and verb.dep_ == "relcl" and verb.head.dep_ != "pobj"
                    else c for c in verb.children if c.dep_ in _SUBJ]
        if tok.dep_ in _SUBJ and tok.head.i == verb.i:
            subjects += [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        if tok.dep_ == "dobj" and verb.lemma_.lower() in self._accusing:
            subjects += subjects_above(verb)
        elif (tok.dep_ in _SUBJ or (tok.dep_ == "poss" and tok.head.dep_ in _SUBJ)) and verb.dep_ == "ccomp" and (
                verb.head.lemma_.lower() in self._accusing or self._said_in_a_suit(verb.head)):
            subjects += subjects_above(verb.head)
        return {it["name"] for child in subjects for it in items if it["start"] <= child.i < it["end"]}

    def _said_in_a_suit(self, verb: Token) -> bool:
        """"filed a suit against Y, saying the Indian company's copy ...": a participle of saying on a suit's
        verb (or on the verb whose object is the suit) says what the suit accuses."""
        if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "xcomp"} or verb.lemma_.lower() not in self._reporting:
            return False
        head = verb.head
        return head.lemma_.lower() in self._suing or any(
            c.dep_ == "dobj" and c.lemma_.lower() in self._suing for c in head.children)

    def _resolve(self, doc: Doc, items: list[dict[str, Any]], tok: Token, wanted: set[str],
                 description: bool, resolved: list[dict[str, Any]]) -> dict[str, Any] | None:
        pool = items + resolved
        # "X said it paid Orrin to repair ships at its yard": the one hired works at its own site (owners.py),
        # before the firm who spoke ("X said ... "...," said its chief executive, Y": continuity.py)
        first = (None if description else self._hired_doers_site(tok, pool, wanted)) \
            or self._speakers_firm(doc, tok, pool, wanted) or self._sayers_firm(doc, tok, pool, wanted)
        if first is not None:
            return first
        if not description:
            # "The therapy is approved in the United States, where it is sold by X": the clause's subject (continuity.py)
            ahead = self._where_clause_subject(tok, pool, wanted)
            if ahead is not None:
                return ahead
            ahead = self._cataphor(doc, items, tok, wanted)
            if ahead is not None and ahead["name"] not in self._bound_subject_names(tok, pool):
                return ahead
            # "Brenna has sued Kelvor. It still supplies Orlan": the subject before (continuity.py)
            ahead = self._continued_subject(doc, tok, pool, wanted)
            if ahead is not None:
                return ahead
            # "the latter can pay back its investor": a possessive in a clause refers to the
            # clause's subject when that is a thing of the right kind
            found = self._accused_owner(tok, pool, wanted) or self._accused_subject(tok, pool, wanted) \
                or self._passive_agents(tok, pool, wanted)  # (accusations.py, owners.py)
            if found is not None:
                return found
            if tok.dep_ == "poss" and tok.head.dep_ == "conj" and not its_own(tok):
                # "Tanegawa's Torrey hybrid and its first pickup": the owner of the noun it is joined to
                # (not "its own", which stands for the subject)
                first = tok.head.head
                owner = next((it for c in first.subtree if c.i < first.i and possessive(c) for it in pool
                              if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
                if owner is not None:
                    return owner
            if tok.dep_ == "poss" and tok.head.dep_ == "pobj" and tok.head.head.lower_ == "of" \
                    and not its_own(tok):
                # "approved Karoo Cement's takeover of its rival": the owner of the noun "of" hangs on
                noun = tok.head.head.head
                owner = next((it for c in noun.children if c.i < noun.i and possessive(c) and c.i != tok.i
                              for it in pool if it["start"] <= c.i < it["end"]
                              and self._compatible(it["cls"], wanted)), None)
                if owner is not None:
                    return owner
            if tok.dep_ == "poss" and tok.head.lemma_.lower() in self._seller_nouns and tok.head.dep_ == "pobj" \
                    and tok.head.head.lower_ == "from":
                # "agreed to buy Berg Lifting, a forklift hire firm, from its owner, Norcap": the thing bought is
                # the one whose owner sells it (the preposition hung on the verb, on its object or on the
                # price: "for 640 million euros from its owner")
                verb = tok.head.head.head
                for _ in range(4):
                    if verb.pos_ == "VERB" or verb.dep_ not in {"dobj", "pobj", "prep"}:
                        break
                    verb = verb.head
                if verb.lemma_.lower() in self._buying:
                    owner = next((it for c in verb.children if c.dep_ == "dobj" for it in pool
                                  if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
                    if owner is not None:
                        return owner
            if tok.dep_ == "poss" and its_own(tok) and clause_head(tok).tag_ == "VBN":
                # "an operating system developed by Virelia for its own tablets": "its own" after a
                # passive's agent is the agent's, not the subject's
                agent = self._agent_item(clause_head(tok), tok, pool, wanted, demonyms=True)  # (owners.py)
                if agent is not None:
                    return agent
            if tok.dep_ == "poss" and not _predicate_of_copula(tok):
                clause = clause_head(tok)
                found = self._subject_item(clause, pool, wanted, before=tok.i)
                if found is not None and tok.head.dep_ == "appos" and found["start"] <= tok.head.head.i < found["end"]:
                    found = None  # ("Threadfin, its biggest rival, said": see below)
                if found is None and clause.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in clause.children):
                    # "The company was spun out of X and counts Y and Z among its investors": a clause joined
                    # to another without a subject of its own shares that one's subject (unless the parser
                    # took its subject for an object of the first: see ``_stranded_subject``)
                    found = self._stranded_subject(clause, pool, wanted)
                    if found is None:
                        found = self._subject_item(clause.head, pool, wanted, before=tok.i)
                if found is None and clause.dep_ == "xcomp" and clause.head.lemma_.lower() not in OBJECT_CONTROL \
                        and not any(c.dep_ in _SUBJ for c in clause.children) \
                        and not any(c.dep_ == "dobj" for c in clause.head.children):
                    # "Pell Studios, which continues to make its own films": a verb a verb of the subject's own
                    # controls has that verb's subject ("which" for the noun it is on)
                    found = self._subject_item(clause.head, pool, wanted, before=tok.i)
                if found is None and clause.head.lemma_.lower() in OBJECT_CONTROL \
                        and not any(c.dep_ in _SUBJ for c in clause.children):
                    # "ordered Orrin to shut down its service": the one ordered is the clause's subject
                    found = next((it for c in controlled_objects(clause) for it in pool
                                  if it["start"] <= c.i < it["end"] and self._compatible(it["cls"], wanted)), None)
                if found is None and tok.head.dep_ in _SUBJ and tok.head.head.i == clause.i \
                        and clause.dep_ == "ccomp" and clause.head.lemma_.lower() in self._reporting:
                    # "Kestro said its factory in Pesqueria would keep running": a possessive on the subject of
                    # what a name reports is that name's, as the subject itself would be (not a place the
                    # sentence before was about)
                    found = self._subject_item(clause.head, pool, wanted, before=tok.i, head_only=True)
                if found is None:
                    found = self._object_of_gerund(clause, pool, wanted)
                if found is None:
                    found = self._past_a_plural_subject(clause, pool, wanted, tok)
                if found is None and clause.dep_ == "conj" and tok.head.dep_ in _SUBJ and tok.head.head.i == clause.i:
                    # "The terminal handled 1.2 million containers, and its largest customer, X, ...": a possessive
                    # on the subject of a clause joined to another is the first clause's subject's
                    found = self._subject_item(clause.head, pool, wanted, before=tok.i)
                if found is not None:
                    return found
            # "China's customs agency said it had banned ...": the subject of what a name reports is
            # that name (the one who says, not a name inside it)
            verb = tok.head
            if tok.dep_ in _SUBJ and verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self._reporting:
                found = self._subject_item(verb.head, pool, wanted, before=tok.i, head_only=True)
                if found is not None:
                    return found
            found = self._subject_of_the_verb_on_its_noun(tok, pool, wanted)  # ("banned apps it linked to": chains.py)
            if found is not None:
                return found
            # "X supplies ..., and it has been expanding": the subject of a coordinated
            # clause continues the subject of the first one.
            if tok.dep_ in _SUBJ and verb.dep_ == "conj":
                found = self._subject_item(verb.head, pool, wanted, demonyms=True)
                if found is not None:
                    return found
        if description and self._names_its_subject(tok, pool):
            return None
        cands = [c for c in self._candidates(doc, items, tok) if self._compatible(c["cls"], wanted)]
        if not description:
            cands = self._with_described_subjects(doc, cands, resolved, tok, wanted)  # (chains.py)
            cands = self._without_bodies_owners(doc, cands, tok)  # ("Chile's regulator ... its mine": owners.py)
        if description and "Company" in wanted and "GovernmentBody" not in wanted:
            # "The Oslo-based software group said it would appeal": a noun for firms is no public body, one the
            # text calls by a noun of its own ("the authority", "the ministry")
            cands = [c for c in cands if not self.onto.is_a(c["cls"], "GovernmentBody")]
        parents = self._parent_of_a_named_unit(doc, tok, cands) if description else []  # (owners.py)
        if parents:  # ("the group's display arm, X": the firm X is named after, even the subject's short name)
            return max(parents, key=lambda c: self._salience(doc, c, tok))
        if description:
            banned = self._same_clause_subject(doc, pool, tok)
            # (and the full name a subject's short form stands for, "Lusaka pays the trader" after "Lusaka Zinc",
            # or the short form of a subject's full name, of the same class: not the firm "Cargovia" for its
            # software "Cargovia Connect")
            kinds = {it["name"]: it["cls"] for it in pool if it["name"] in banned}
            cands = [c for c in cands if c["via"] != "demonym" and not any(
                c["name"] == b or (kinds.get(b) == c["cls"] and (c["name"].startswith(b + " ") or b.startswith(c["name"] + " ")))
                for b in banned)]
        else:
            # A pronoun does not take an antecedent that is an argument of its own verb, nor
            # the subject of the copula it is the predicate of ("China was its biggest market").
            verb = clause_head(tok)
            # (the name's head word: "Halden Motors is among its customers", "Motors" the subject)
            own = {
                it["name"] for it in cands for head in [doc[it["start"]:it["end"]].root]
                if tok.sent.start <= it["start"] and clause_head(head).i == verb.i
                and (tok.dep_ in _SUBJ | {"dobj", "dative"} and head.dep_ in _SUBJ | {"dobj", "dative"}
                     or tok.dep_ == "poss" and _predicate_of_copula(tok) and head.dep_ in _SUBJ)
            }
            if verb.tag_ == "VBG" and verb.dep_ == "advcl" and not any(c.dep_ in _SUBJ for c in verb.children) and (
                    (tok.dep_ == "dobj" and tok.head.i == verb.i)
                    or (tok.dep_ == "nsubj" and tok.head.dep_ in {"ccomp", "oprd", "xcomp"}
                        and tok.head.head.i == verb.i)):
                # "Orvesta acquired Brightwell, making it a unit": the participle's subject is the clause's, and
                # what it makes is another
                own |= {it["name"] for it in cands if tok.sent.start <= it["start"]
                        and doc[it["start"]:it["end"]].root.dep_ in _SUBJ
                        and doc[it["start"]:it["end"]].root.head.i == verb.head.i}
            if tok.dep_ in {"dobj", "dative"} and verb.dep_ == "conj" and not any(c.dep_ in _SUBJ for c in verb.children):
                # "The Commission fined Trovik and barred it from bidding", "will give Orlan access and pay it a
                # fee": the verb's subject is the one of the verb it is joined to
                own |= {it["name"] for it in cands if tok.sent.start <= it["start"]
                        and doc[it["start"]:it["end"]].root.dep_ in _SUBJ
                        and doc[it["start"]:it["end"]].root.head.i == verb.head.i}
            if verb.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in verb.children):
                # "Sweden, where it has four branches": the place "where" stands for is not "it"
                own |= {it["name"] for it in cands if it["start"] <= verb.head.i < it["end"]}
                # (nor the place that owns the noun "where" stands for: "Peru's seed market, where it will
                # compete with X"; but "Vela's store, where it sells" may be Vela's)
                own |= {it["name"] for it in cands for c in verb.head.children
                        if c.dep_ in {"poss", "compound", "nmod"} and it["start"] <= c.i < it["end"]
                        and self.onto.is_a(it["cls"], "Location")}
            if tok.dep_ in _SUBJ and tok.head.i == verb.i and verb.dep_ == "relcl":
                # "NordaWallet, the wallet service it runs": the subject of a clause on a noun is not what
                # the noun, or the name it is apposed to, stands for
                nouns = [verb.head] + ([verb.head.head] if verb.head.dep_ == "appos" else [])
                # (nor the name written before the noun: "the Tesso biscuits it makes", "The Brisa Wallet
                # app it offers")
                nouns += [c for n in nouns[:1] for c in doc[n.left_edge.i:n.i]
                          if c.dep_ in {"compound", "nmod"} and c.head.i <= n.i and not possessive(c)]
                own |= {it["name"] for it in cands for n in nouns if it["start"] <= n.i < it["end"]}
            if tok.dep_ == "dobj" and verb.lemma_.lower() in self._accusing:
                # "The FTC sued Meridian, accusing it of raising prices": whom one accuses is not the accuser
                own |= {it["name"] for c in subjects_above(verb) for it in cands if it["start"] <= c.i < it["end"]}
            if tok.dep_ == "poss" and tok.head.dep_ == "appos":
                # "Threadfin, its fastest-growing rival,": a possessive in an apposition to a name is
                # not that name's
                own |= {it["name"] for it in cands if it["start"] <= tok.head.head.i < it["end"]}
            own |= self._bound_subject_names(tok, pool)  # ("Orlan, which owns it": binding.py)
            cands = self._without_bodies_countries(doc, [c for c in cands if c["name"] not in own])  # (owners.py)
        if description and wanted == {"Product"}:
            # "the vaccine" names a product only if the text called it a vaccine before
            # ("the R21 vaccine", "R21, a malaria vaccine", "malaria vaccine R21"); otherwise it is any vaccine.
            # (or, as the subject its clause goes on about, by a kind of it: "The drug is available in Norway" after
            # "Qalvera, a migraine pill", lexicon coref.product_kinds; not as an object, where a verb of making or
            # selling says what any drug of the story is: "supplies the drug to wholesalers")
            kinds = {tok.lemma_.lower()} | (self._product_kinds.get(tok.lemma_.lower(), frozenset())
                                            if tok.dep_ in _SUBJ else frozenset())

            def called(c: dict[str, Any]) -> bool:
                root = doc[c["start"]:c["end"]].root
                near = [root.head] + [x for x in root.children if x.dep_ == "appos"]
                if c["end"] < len(doc):
                    near.append(doc[c["end"]])
                if c["start"] > 0 and doc[c["start"] - 1].is_lower:
                    near.append(doc[c["start"] - 1])  # (or written right before the name: "ride-hailing app Kintra")
                return any(t.lemma_.lower() in kinds for t in near)
            cands = [c for c in cands if called(c)]
        if not cands:
            return None
        # "the iPhone maker": the gazetteer knows who makes the product named in the description
        if description:
            makers = {self._developer.get(it["name"]) for it in self._all_items
                      if it["cls"] == "Product" and any(it["start"] <= c.i < it["end"] for c in tok.children
                                                        if c.dep_ in {"compound", "nmod", "amod"})}
            makers.discard(None)
            if makers:
                named = [c for c in cands if c["name"] in makers]
                if named:
                    return named[0]
        # "the Swiss drugmaker", "the U.S. company": a demonym or a country on the description rules
        # out companies the gazetteer, or the text itself, places in another country ("Polish drone maker
        # Orzel Systems ... the South Korean group" is not Orzel; see also below)
        countries = {it["name"] for it in self._all_items if (it["via"] == "demonym" or it["cls"] == "Country")
                     and any(it["start"] <= c.i < it["end"] for c in tok.children
                             if c.dep_ in {"amod", "compound", "nmod"})} if description else set()
        # (and a city or region on the description, "the Bucharest-based operator", "the San Diego company",
        # rules out firms the text places elsewhere; a place inside the description is no candidate itself)
        homes: dict[str, str] = {}
        if description and not any(self.onto.is_a(w, "Location") for w in wanted):
            # (a name inside the description written as a seat is none: "the Roubaix-based company"; but
            # "the Kelvor Foundation research group" is Kelvor Foundation)
            cands = [c for c in cands if not (
                tok.left_edge.i <= c["start"] < tok.i and c["end"] + 1 < len(doc)
                and doc[c["end"]:c["end"] + 2].text.replace(" ", "") in {"-based", "based"})]
            if not cands:
                return None
            # (not a world region, which names a market more than a seat: "the Latin American business")
            where = countries | {it["name"] for it in self._places if it["name"] not in self._world_regions
                                 and tok.left_edge.i <= it["start"] and it["end"] <= tok.i}
            if where:
                homes = {c["name"]: self._home_of(c["name"]) or self._written_home(doc, c["name"], tok.i)
                         for c in cands}
                cands = [c for c in cands if self._fits_home(homes[c["name"]], where)] or cands
        if description and tok.lower_ in self._wider_bodies:
            # "the club" is no league a name says it is ("joined the club" after "the Northern League", "the
            # Northern League club"): the body of the clubs is not one of them (lexicon coref.wider_bodies)
            cands = [c for c in cands if not self._names_wider_body(tok.lower_, c["name"])]
            if not cands:
                return None
        if description and tok.lower_ in self._wide_places:
            # "sells feed across the region" after "a crusher based in Orvia, Brazil": a region is no city, but
            # a world region ("the Gulf"), a place the gazetteer puts places in ("Xinjiang") or one the text
            # called a region ("the Pirkanmaa region") (lexicon coref.wide_places)
            cands = [c for c in cands if c["name"] in self._world_regions or c["name"] in self._region_names
                     or self._called_by(doc, c, tok.lower_)]
            if not cands:
                return None
        # "the carrier" after "budget carrier Wrenair" or "Wrenair, a budget carrier": a candidate the
        # text called by the description's noun is the one meant, before any other of its kind
        # (not a word for firms of any kind: "the group" is any group; and a name the nearest mention
        # shortens stays that mention: "studio Copperleaf Games" ... "Copperleaf" ... "the studio")
        if description and tok.lower_ not in self._firm_words:
            called_so = {c["name"] for c in self._all_items if c["end"] <= tok.i and c["via"] == ""
                         and self._called_by(doc, c, tok.lemma_.lower())}
            named = [c for c in cands if c["name"].split()[0] in {n.split()[0] for n in called_so}]
            if named:
                cands = named
            elif tok.lower_ in self._called_only:
                return None  # ("the supply chain": no firm the text called a chain)
            elif tok.lower_ in self._bodies_not_firms:
                # "the agency", "the body", "the union": a firm is such a body only where the text called it so
                # ("ad agency Kestrel", "the Kelvor Workers union"); else the body is one not named (the
                # regulator whose name the model missed), no firm the story is about
                cands = [c for c in cands if not self.onto.is_a(c["cls"], "Company")]
                if not cands:
                    return None
        # "the league" after "the Q.League", "the agency" after "the Space Agency", "the bank" after
        # "Rimba Digital Bank": a candidate whose name ends in the description's noun is the one meant, or
        # whose name is that noun "of" something ("the ministry" after "the Ministry of Mines", "the central
        # bank" after "the Central Bank of Kenya") (not a word that ends the names of firms of any kind:
        # "the company" is not "Sandora Investment Company" more than another)
        if description and tok.lower_ not in self._any_firm:
            noun = tok.lower_
            named = [c for c in cands if (c["name"].lower().endswith(noun) and len(c["name"]) > len(noun)
                                          and not c["name"][-len(noun) - 1].isalpha())
                     or f" {noun} of " in f" {c['name'].lower()}"]
            if named:
                cands = named
        # "the lender" after "Velkor said Orlan Bank had picked its software": a candidate whose name holds a word
        # of the description's trade (lexicon ``trade_names``) is the one meant, before a firm of another trade
        # (or whose full name, of which the text uses a short form, does: "Sayap" after "Sayap Air"); not where
        # the description has a nation, stronger evidence ("paid Corvalo Therapeutics ... The Swiss drugmaker")
        trade = self._trade_names.get(tok.lower_) if description and not countries else None
        if trade:
            cands = [c for c in cands if any(trade & set(n.split()) for n in self._name_starts
                                             if n == c["name"] or n.startswith(c["name"] + " "))] or cands
        if description:
            if countries:
                # (or that open with another country's name or demonym: "the Saudi fund Arvid Capital" ...
                # "the Swedish company" is not the Saudi one)
                # (and firms the text itself places in another country: "Polish drone maker Orzel
                # Systems ... the South Korean group" is not Orzel)
                fitting = [c for c in cands if self._fits_home(homes.get(c["name"], ""), countries)]
                known = [c for c in fitting if homes.get(c["name"])]
                cands = known or fitting or cands
        # "worked at Fintrel, where she led the company's expansion": the owner a description names inside a
        # "where" clause on an organisation's name is that organisation (not in a clause the organisation is
        # the subject of: "Korvane SDI, which supplies cells for the company's older models" is another's)
        if description and tok.dep_ == "poss":
            clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
            if clause is not None and not any(c.lower_ == "where" and c.dep_ == "advmod" for c in clause.children):
                clause = None
            host = next((c for c in cands if clause is not None and c["start"] <= clause.head.i < c["end"]), None)
            if host is not None:
                return host
        return self._fuller_name_since(max(cands, key=lambda c: self._salience(doc, c, tok)), cands, tok)  # (chains.py)

    @staticmethod
    def _names_its_subject(tok: Token, pool: list[dict[str, Any]]) -> bool:
        """"Orvesta is the parent of three firms", "Korvo, which is the owner of X": a description that is
        what a mention of a name (or "which" on one) "is" says what that name is; it refers to no other."""
        if tok.dep_ != "attr" or tok.head.lemma_ != "be":
            return False
        for c in tok.head.children:
            if c.dep_ in _SUBJ and c.i < tok.i:
                if c.lower_ in {"which", "that"} and tok.head.dep_ == "relcl":
                    c = tok.head.head
                return any(it["start"] <= c.i < it["end"] for it in pool)
        return False

    def _defined_as(self, doc: Doc, tok: Token) -> dict[str, Any] | None:
        """The one named mention of the last few sentences that the text called by ``tok``'s noun, in
        apposition, right before the name or as what it "is" ("Radio Kestrel is a radio station");
        ``None`` where none or several were, where the noun says whose or which it is ("the station of"),
        where it defines a name itself (what one "is", or apposed: "X, the market leader,") or names a
        relation of the ontology ("the tie-up", "the rival"). Under the fuller name the text wrote since, if it
        did ("nickel smelter Kelvor Jaya" ... "PT Kelvor Jaya Nickel" ... "the smelter": Chains._fuller_name_since)."""
        noun = tok.lemma_.lower()
        # (nor where a name before the noun says which: "the Ursa pickup" is no pickup named before; a
        # place says where it is from: "the Eindhoven toolmaker")
        if noun in self.relation_words or self._says_which(
                tok, lambda c: c.dep_ in {"compound", "nmod"} and c.i < tok.i and self._named_at(c.i) is not None):
            return None
        cands = [c for c in self._candidates(doc, self._all_items, tok) if c["via"] in {"", "gazetteer"}]
        called = {c["name"]: c for c in cands if self._called_by(doc, c, noun, copula=True)}
        if not called and noun not in self._product_groups:
            # (or whose name ends in the noun: "Brisa Gateway Terminal ... The terminal handled", "the exchange"
            # after "Halden Coin Exchange"; an organisation's, not a place's: "the port" may be any port; nor a
            # noun for a group of products: "the line" is as often a product line as "X Line")
            called = {c["name"]: c for c in cands if len(c["name"].split()) > 1
                      and c["name"].split()[-1].lower() == tok.lower_ and self.onto.is_a(c["cls"], "Organization")}
        return self._fuller_name_since(next(iter(called.values())), cands, tok) if len(called) == 1 else None

    @staticmethod
    def _says_which(tok: Token, modifier: Callable[[Token], bool]) -> bool:
        """The description ``tok`` defines a name itself (what one "is", or apposed: "X, the market leader,"),
        or a word on it says whose or which it is ("its unit", "the station of X", "the unit that ...") or is a
        ``modifier`` (_defined_as, owners._unit_called_before). Not a relative clause set off by a comma,
        which says more of the one meant, not which ("The smelter, which opened in 2019, supplies X")."""
        return tok.dep_ in {"attr", "appos"} or any(
            c.dep_ in {"poss", "acl", "appos"} or (c.dep_ == "relcl" and tok.doc[c.left_edge.i - 1].text != ",")
            or (c.dep_ == "prep" and c.lower_ == "of") or modifier(c)
            for c in tok.children)

    def _names_wider_body(self, noun: str, name: str) -> bool:
        """``name`` holds a word of the wider bodies the description ``noun``'s kind belongs to ("the club":
        "Northern League"; lexicon coref.wider_bodies)."""
        return bool(self._wider_bodies.get(noun, frozenset()) & set(re.findall(r"[\w-]+", name)))

    @staticmethod
    def _called_by(doc: Doc, it: dict[str, Any], noun: str, copula: bool = False) -> bool:
        """The text calls the named mention ``it`` by ``noun``: right before its name ("budget carrier
        Wrenair") or, without ``copula``, right after it ("the Orlan Workers union"), or in apposition either
        way ("Wrenair, a budget carrier"); with ``copula``, also as the attribute of its "is" ("Wrenair is a
        budget carrier")."""
        root = doc[it["start"]:it["end"]].root
        near = [x for x in root.children if x.dep_ == "appos"]
        if root.dep_ == "appos":
            near.append(root.head)
        if not copula and root.dep_ == "compound" and root.head.i == it["end"]:
            near.append(root.head)  # (not a kind of thing: "the AX-1100 engine" is not every engine after it)
        if it["start"] > 0:
            near.append(doc[it["start"] - 1])
        if copula and root.dep_ == "nsubj" and root.head.lemma_ == "be":
            near += [c for c in root.head.children if c.dep_ == "attr"]  # (and what it "is", if asked)
        return any(t.lemma_.lower() == noun and t.pos_ == "NOUN" for t in near)

    def _named_owner(self, doc: Doc, tok: Token, wanted: set[str]) -> dict[str, Any] | None:
        """The organisation named shortly before a possessive pronoun whose name starts the name of the
        product right after the pronoun, or apposed to the noun it is on ("its staking product, Kelvor Earn"):
        "its Veyra Large model" is Veyra AI's ("Veyra"), not the carmaker's named since; ``None`` where
        no such name is there."""
        product = self._next_named(tok.i + 1)
        if product is None or product["start"] != tok.i + 1 or product["cls"] != "Product":
            # (or the name apposed to the noun the pronoun is on: "its staking product, Kryptal Earn")
            product = next((it for c in tok.head.children if c.dep_ == "appos" and c.i > tok.head.i
                            for it in [self._named_covering(c.i)] if it is not None), None) \
                if tok.dep_ == "poss" and tok.head.pos_ == "NOUN" else None
            if product is None or product["cls"] != "Product":
                return None
        first = doc[product["start"]].text
        for it in self._candidates(doc, self._all_items, tok):
            if it["via"] in {"", "gazetteer"} and self.onto.is_a(it["cls"], "Organization") \
                    and self._compatible(it["cls"], wanted) and it["name"] != product["name"] \
                    and (it["name"].split()[0] == first or doc[it["start"]].text == first):
                return it
        return None

    def _cataphor(self, doc: Doc, items: list[dict[str, Any]], tok: Token,
                  wanted: set[str]) -> dict[str, Any] | None:
        """"By leveraging its cloud, Tervola ...": a pronoun in a fronted phrase
        refers forward to the subject of the main clause."""
        root = tok.sent.root
        subjects = [c for c in root.children if c.dep_ in _SUBJ and c.i > tok.i]
        if not subjects or _predicate_of_copula(tok):  # (not "Among its customers is X": X is not its own)
            return None
        fronted = [c for c in root.children if c.dep_ in {"advcl", "prep", "npadvmod"} and c.i < subjects[0].i]
        if not any(tok.i in {t.i for t in f.subtree} for f in fronted):
            return None
        for it in items:
            if it["start"] <= subjects[0].i < it["end"] and it["via"] in {"", "gazetteer"} \
                    and self._compatible(it["cls"], wanted):
                return it
        return None

    def _former_latter(self, doc: Doc, items: list[dict[str, Any]], tok: Token,
                       latter: bool) -> dict[str, Any] | None:
        seen: list[dict[str, Any]] = []
        names: set[str] = set()
        for it in self._candidates(doc, items, tok):
            if it["via"] == "demonym" or it["name"] in names:
                continue
            names.add(it["name"])
            seen.append(it)
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return None
        return seen[0] if latter else seen[1]
