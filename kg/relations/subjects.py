"""Who does what a verb says: its own subjects (a main verb the parser made a modifier, a passive's
agent, a relative pronoun's antecedent), the subjects it inherits through coordination, control verbs
and adjectives ("is owned by Y and competes with Z", "would be able to compete"), and who made a law or
ruling. The argument frames that use them are :mod:`kg.relations.frames`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import COPULAS, by_agents, controlled_objects, participle
from ..syntax import REL_PRONOUNS as _REL_PRONOUNS
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive

__all__ = ["Subjects"]


def _generic_plural(tok: Token, possessives: frozenset[str]) -> bool:
    """A bare plural common noun ("ordered internet providers to block X"): no one in particular, so
    what they are made to do is the doing of the one who makes them (and so are its or their own:
    "told its fertiliser makers to halt shipments"). Not one with an article, a named owner or more
    after it ("the providers", "providers in Spain, including Telvaro", wherever the parser hung
    the list): the infinitive's "to" comes right after it. ``possessives``: the possessive pronouns ("its",
    "their")."""
    return tok.tag_ == "NNS" and all(
        c.dep_ in {"compound", "amod"} or (c.dep_ == "poss" and c.lower_ in possessives) for c in tok.children) \
        and tok.i + 1 < len(tok.doc) and tok.nbor().lower_ == "to"




class Subjects:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the subjects of verbs."""

    def _main_verb_parsed_as_modifier(self, tok: Token) -> bool:
        """"Brightline Foods partnered with Castor Logistics.": the small parser made the name the
        sentence's root and the verb right after it a participle modifying it. Read as the
        sentence's verb: the name is its subject, not what it was done to. Only for an actor's
        name, the verb right after it (no comma) with no "by" agent, in a sentence ending in a
        period (not a headline fragment such as "Chips made in Taiwan")."""
        head = tok.head
        if tok.dep_ != "acl" or tok.tag_ not in {"VBN", "VBD"} or head.dep_ != "ROOT" or tok.i != head.i + 1 \
                or head.pos_ != "PROPN" or head.i not in self._doc_state.by_token:
            return False
        if self._doc_state.items[self._doc_state.by_token[head.i]]["cls"] not in self._actor_classes:
            return False
        last = tok.sent[-1]
        return last.text == "." and not any(c.dep_ == "agent" for c in tok.children)

    def _own_subjects(self, tok: Token) -> tuple[list[Token], list[Token], bool]:
        """(agents, patients, passive) from a verb's own dependents."""
        agents, patients = [], []
        main = self._main_verb_parsed_as_modifier(tok)
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or (
            participle(tok) and tok.dep_ in {"acl", "amod"} and not main
        )
        if main:
            agents.append(tok.head)
        if tok.tag_ == "VBN" and tok.dep_ == "acomp" and tok.head.lemma_ == "be":
            # "which is majority-owned by Telvanet": a participle the parser made the copula's complement
            passive = True
            patients += [c for c in tok.head.children if c.dep_ in _SUBJ]
        if tok.tag_ == "VBN" and tok.dep_ == "advcl" and tok.i < tok.head.i \
                and any(c.dep_ == "agent" for c in tok.children) \
                and not any(c.dep_ in _SUBJ or c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children):
            # "Founded in 1948 by X, Halvorsen Marine designs ...": a participle clause before the main one says
            # what its subject underwent
            passive = True
            patients += [c for c in tok.head.children if c.dep_ in _SUBJ]
        if tok.tag_ == "VBN" and (tok.dep_ == "acl" and tok.head.lower_ == "turn" and tok.head.head.lower_ == "in"
                                  or tok.dep_ == "advcl" and any(p.lower_ == "in" and any(
                                      g.lower_ == "turn" for g in p.children) for p in tok.head.children)):
            # "Quillbox is in turn owned by Veltro", "..., which is in turn controlled by Veltro": the parser hung
            # the participle on "turn" or made it a clause of its own; it is the copula's
            cop = tok.head.head.head if tok.dep_ == "acl" else tok.head
            if cop.lemma_ == "be":
                passive = True
                patients += [c for c in cop.children if c.dep_ in _SUBJ]
        subject_pronoun = self._pronoun_subject(tok) or self._name_parsed_as_adverb(tok)
        for c in tok.children:
            if c.dep_ in _SUBJ and c.ent_type_ in {"DATE", "TIME"} and c.i not in self._doc_state.by_token:
                continue  # "X makes food and last year bought Y": a time the parser made the verb's subject
            if c.dep_ in _SUBJ or (subject_pronoun is not None and c.i == subject_pronoun.i):
                agents.append(c)
            elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
                patients.append(c)
            elif c.dep_ == "agent":  # "backed by X and by Y": coordinated "by"s too
                agents += [g for p in [c] + [x for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP"]
                           for g in p.children if g.dep_ == "pobj"]
        if passive and not agents:
            # "was barred from flying to Lagos by the regulator": the parser hangs the passive's "by" on what one is kept from
            agents += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for x in c.children
                       if x.dep_ in {"pcomp", "pobj"} for p in x.children if p.dep_ == "prep" and p.lower_ == "by"
                       for g in p.children if g.dep_ == "pobj"]
        if passive and not agents and participle(tok):
            # "developed and published by Marva Digital": the agent of the participle right after "and" is
            # both's (not one further on: "built in Ohio and sold by X")
            for c in tok.children:
                if c.dep_ == "conj" and c.i == tok.i + 2 and tok.doc[tok.i + 1].lower_ in {"and", "or"} \
                        and c.tag_ in {"VBN", "VBD"}:
                    agents += self._own_subjects(c)[0]
        return agents, patients, passive

    @staticmethod
    def _pronoun_subject(tok: Token) -> Token | None:
        """"Rido and Movara, which both operate in Lagos": the relative pronoun of a clause with no subject,
        which the parser took for the object (before the verb, and no other object after it)."""
        if tok.dep_ != "relcl" or any(c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in tok.children):
            return None
        objs = [c for c in tok.children if c.dep_ == "dobj"]
        if len(objs) == 1 and objs[0].i < tok.i and objs[0].lower_ in {"which", "that", "who"} \
                and objs[0].i > 0 and tok.doc[objs[0].i - 1].text == ",":
            return objs[0]
        return None

    def _name_parsed_as_adverb(self, tok: Token) -> Token | None:
        """"Kestly has 9 million users and competes with X": an actor's name before a verb with no subject,
        which the parser took for an adverb (a name ending in "-ly"): the verb's subject."""
        if any(c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in tok.children):
            return None
        return next((c for c in tok.children if c.dep_ == "advmod" and c.i < tok.i
                     and c.i in self._doc_state.by_token
                     and self._doc_state.items[self._doc_state.by_token[c.i]]["cls"] in self._actor_classes), None)

    def _name_before_joined_verb(self, tok: Token) -> Token | None:
        """"Ana Ruiz lives in Leeds and Tom Berg lives in York": a finite verb joined by "and" with no
        subject of its own, right after an actor's name (and its relative clause: "and Tom Berg, who was
        born in Hull, lives in York") that itself comes right after the "and" (with at most a job before
        it: "and actor Tom Berg"), which the parser joined to the first clause's object: the name is the
        verb's subject, not the first clause's (and where the parser hung the second verb on the first as
        an adverbial clause: "Ana Ruiz works for Orlan Bank and Tom Berg works for Kelvor Motors")."""
        if tok.dep_ not in {"conj", "advcl"} or tok.tag_ not in {"VBZ", "VBD", "VBP"} or tok.i < 2 or any(
                c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in tok.children):
            return None
        doc = tok.doc
        # (each name the phrase before the verb ends in: "Orlan Bank and Dana Crill works": the first
        # clause's object too, whose conjunct the parser made the second name)
        for name in doc[tok.i - 1].sent[:tok.i - doc[tok.i - 1].sent.start]:
            if name.right_edge.i != tok.i - 1 or name.i not in self._doc_state.by_token \
                    or self._doc_state.by_token.get(name.i + 1) == self._doc_state.by_token[name.i] \
                    or self._doc_state.items[self._doc_state.by_token[name.i]]["cls"] not in self._actor_classes:
                continue
            i = self._doc_state.items[self._doc_state.by_token[name.i]]["start"] - 1
            while i > tok.sent.start and doc[i].is_lower and doc[i].pos_ == "NOUN" and doc[i - 1].lower_ in {"and", "but"}:
                i -= 1
            if doc[i].lower_ in {"and", "but"} and doc[i].dep_ == "cc":
                return name
        return None

    def _subject_of_next_clause(self, tok: Token) -> bool:
        """Whether the name ``tok`` heads, joined to an object by the parser, is the subject of the verb
        right after it (:meth:`_name_before_joined_verb`: "Orlan Bank bought Halden Motors and Kelvor Motors
        sold its stake"): no second object of the first clause."""
        doc = tok.doc
        after = tok.right_edge.i + 1
        if after >= len(doc) or doc[after].pos_ not in {"VERB", "AUX"}:
            return False
        name = self._name_before_joined_verb(doc[after])
        return name is not None and name.i == tok.i

    def _inherited_agents(self, tok: Token) -> list[Token]:
        """Subjects a verb without its own takes from the clause that governs it (or the name before it
        that the tagger took for an adverb, see :meth:`_name_parsed_as_adverb`, or that the parser
        joined to the clause before, see :meth:`_name_before_joined_verb`)."""
        misread = self._name_parsed_as_adverb(tok) if tok.pos_ in {"VERB", "AUX"} else None
        if misread is None and tok.pos_ in {"VERB", "AUX"}:
            misread = self._name_before_joined_verb(tok)
        if misread is not None:
            return [misread]
        node = tok
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return []
            if node.dep_ == "conj" and node.tag_ in {"VBZ", "VBD", "VBP"} and head.pos_ in {"NOUN", "PROPN"}:
                # "Vamos has signed up 30,000 drivers and competes with Movara": a verb the parser joined to
                # the previous clause's object shares that clause's subject
                verb = head
                for _ in range(8):  # (the object's verb, or the verb of the preposition it is the object of,
                    # from the end of a list: "sells it in Denmark, Sweden and the Baltic states and supplies")
                    if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
                        break
                    verb = verb.head
                own = [c for c in verb.children if c.dep_ in _SUBJ] if verb.pos_ in {"VERB", "AUX"} else []
                if not own and node.tag_ in {"VBZ", "VBP"} and verb.pos_ in {"VERB", "AUX"}:
                    # ("X is owned by Y and competes with Z": a passive's subject, present tense joined)
                    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
                if own:
                    return own
            if node.dep_ == "conj" and node.tag_ == "VBG" and head.lemma_.lower() in self.accusing and any(
                    p.dep_ == "prep" and p.lower_ in {"of", "for"} and any(g.tag_ == "VBG" for g in p.children)
                    for p in head.children):
                # "accusing X of copying its inhaler and selling the copy": the parser joined the second
                # charge to the verb of accusing; whom it accuses did it
                accused = [c for c in head.children if c.dep_ == "dobj"]
                if accused:
                    return accused
            if node.dep_ in {"xcomp", "acl", "advcl"} and head.dep_ == "ROOT" and head.pos_ == "PROPN" \
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                # a headline's "Kelvor to acquire Orvane": the parser makes the name the root, with no verb of
                # its own, and the verb its complement; the name is who does it
                return [head]
            if node.dep_ == "conj" or node.dep_ == "advcl" or node.dep_ == "xcomp":
                own = [c for c in head.children if c.dep_ in _SUBJ]
                if not own and head.pos_ in {"VERB", "AUX"}:
                    own = [c for c in [self._name_parsed_as_adverb(head)] if c is not None]
                # "forced Veltro to stop" (what bare plurals are made to do is the subject's doing)
                dobjs = controlled_objects(node) if node.dep_ != "conj" else []
                generic = all(_generic_plural(c, self.onto.possessive_pronouns) for c in dobjs)
                if dobjs and not own and head.dep_ == "conj" and generic:
                    own = self._inherited_agents(head)  # "has fined banks, and told providers to block X"
                if dobjs and not (own and generic):
                    return dobjs
                if own:
                    return own
                # "X, which is based in A and operates in B": a present-tense verb joined to a passive
                # one shares its subject (not a past form: "was acquired and sold to Y" is passive too,
                # and "sold" reads as a past tense as often as a participle)
                # (and a participle that is never an active past: "which is listed in New York and based in
                # Seoul")
                passive_subj = [c for c in head.children if c.dep_ == "nsubjpass"]
                if node.dep_ == "advcl" and node.tag_ == "VBN" and node.i < head.i and passive_subj \
                        and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children):
                    # "Born in Halden, Mara Quill was elected mayor": a participle clause before the main one
                    # is said of the main clause's subject, whether that clause is active or passive
                    return passive_subj
                if node.dep_ == "xcomp" and passive_subj and head.lemma_.lower() in self.compel_verbs \
                        and not any(c.tag_ == "NNS" for c in passive_subj):  # (not "providers were ordered to")
                    return passive_subj  # "X was ordered to pay Y": who is made to do it does it
                if node.dep_ == "conj" and passive_subj and (
                        node.tag_ in {"VBZ", "VBP"} or (node.tag_ == "VBN" and node.lower_ in self.seat_participles)) \
                        and not any(c.dep_ in {"nsubjpass", "auxpass"} for c in node.children):
                    return passive_subj
                node = head
                continue
            if node.dep_ == "acl" and head.dep_ in {"dobj", "pobj", "attr"}:
                owner = [c for c in head.children if _possessive(c)]
                if owner and any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
                    return owner  # "annulled the EU's decision to freeze X": the decision's maker
                verb = head.head
                if verb.dep_ == "prep":
                    verb = verb.head
                own = [c for c in verb.children if c.dep_ in _SUBJ]
                if own:
                    return own
                node = verb
                continue
            if node.dep_ == "relcl":
                rel = [c for c in node.children if c.lower_ in _REL_PRONOUNS]
                if not rel:
                    return [head]
                return []
            if node.dep_ == "pcomp" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
                # "barred Veltro from offering", "stopped X from selling": the one kept from it; "fined
                # Lusatel for throttling", "sued X for copying": the one it is done to did it
                # (and "accused X of selling", "blamed X for": whom one accuses is who did it)
                if head.lower_ in {"from", "for"} or (
                        head.lower_ == "of" and head.head.lemma_.lower() in self.accusing):
                    kept = [c for c in head.head.children if c.dep_ == "dobj"]
                    if kept:
                        return kept
                # "China responded by restricting X's sales": the subject of the verb the gerund's
                # preposition hangs on
                verb = head.head
                if verb.lemma_.lower() in self.reporting and verb.i > node.i and verb.dep_ in {"advcl", "parataxis"} \
                        and verb.head.i < head.i:
                    # "X will pay Y, after outbidding Z, the league said": a phrase the parser hung on the
                    # reporting verb after it belongs to the clause reported before it (not the one who says it)
                    verb = verb.head
                own = [c for c in verb.children if c.dep_ in _SUBJ]
                if own:
                    return own
            if node.dep_ == "acomp" and head.lemma_ in COPULAS:
                # "would be able to compete", "is ready to sue": the copula's subject
                return [c for c in head.children if c.dep_ in _SUBJ]
            if node.dep_ in {"pcomp", "prep"}:
                node = head
                continue
            return []
        return []

    def _instrument_makers(self, tok: Token) -> list[Token]:
        """Who made the law, rule or ruling ``tok`` is (or a relative pronoun stands for), where the
        sentence says it: the subject of "passed a law", the agent of "a law passed by", the
        owner in "the EU's rules" and "U.S. rules", the subject of "a law Congress passed"."""
        if tok.lower_ in _REL_PRONOUNS and tok.head.dep_ in {"relcl", "acl"}:
            tok = tok.head.head
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in self.instrument_nouns or tok.i in self._doc_state.by_token:
            return []
        if tok.dep_ == "dobj" and tok.head.lemma_.lower() in self.instrument_verbs:
            verb = tok.head
            own = [c for c in verb.children if c.dep_ in _SUBJ]
            return own or self._inherited_agents(verb)
        makers: list[Token] = []
        for c in tok.children:
            if _possessive(c) or (c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" and c.i < tok.i):
                makers.append(c)
            elif c.dep_ in {"acl", "relcl"} and c.lemma_.lower() in self.instrument_verbs:
                makers += by_agents(c)
                if c.dep_ == "relcl":
                    makers += [g for g in c.children if g.dep_ in _SUBJ and g.lower_ not in _REL_PRONOUNS]
        return makers
