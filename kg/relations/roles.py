"""Argument frames of role nouns: who holds a role and whose it is.

"Vantrel CEO Tunde Okafor", "Ana Ruiz, its chief executive", "its rivals, Kamera and Lasmira", "counts
X among its backers", "named Ana Ruiz as its chief executive", "Rival grocers X and Y". Verbs and
event nouns are :mod:`kg.relations.frames`; which entities the tokens stand for is
:mod:`kg.relations.mentions`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import COPULAS, apposed_elsewhere, first_conjunct, stand_in, superlative, with_hyphened_children
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive


__all__ = ["Roles"]


class Roles:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the holders and anchors of role nouns."""

    def _role_args(self, tok: Token) -> tuple[list[Token], list[tuple[Token, str]], bool]:
        """(holders, anchors) for a role noun, and whether its holder is only referred back to (a name found
        further back in the sentence: weak evidence)."""
        by_token, items = self._doc_state.by_token, self._doc_state.items
        holders: list[Token] = []
        anchors: list[tuple[Token, str]] = []
        named_inside: set[int] = set()
        far_holder = False
        if tok.pos_ == "ADJ" and tok.dep_ == "amod" and tok.head.i in by_token:
            owners = [c for c in tok.head.children if _possessive(c)]
            if owners:  # "her native Vermont": the owner holds the role, the name is where
                return owners, [(tok.head, "anchor")], far_holder
        if tok.i in by_token and items[by_token[tok.i]]["via"] == "coref" and not (
                tok.lemma_.lower() in self.firm_kinds & self.organisation_parts
                and any(c.dep_ == "prep" for c in tok.children)):
            # "the German carmaker" resolved to its antecedent (but not "ran the European business of X", a
            # noun that names a firm as often as a part of one, resolved to the firm the text is about)
            holders.append(tok)
        previous = apposed_elsewhere(tok)  # (a list the role is apposed to is read whole)
        if previous is not None and previous.i in by_token:
            # "available through Cloudara, the cloud arm of Ilvane": the parser apposed the role to a
            # word further back; it describes the name right before its comma
            holders.append(previous)
            if tok.tag_ == "NNS":
                # (and a plural the whole list that name ends: "in France and Germany, its biggest markets")
                holders += [c for c in previous.conjuncts if c.i < previous.i and c.i in by_token]
        elif tok.dep_ in {"compound", "appos", "nmod"} and tok.head.pos_ in {"PROPN", "NOUN"} and (
            tok.dep_ != "compound" or tok.head.i > tok.i
        ):
            holders.append(tok.head)
        elif tok.dep_ == "amod" and tok.is_lower and tok.head.pos_ == "PROPN" and tok.head.i > tok.i \
                and tok.head.i in by_token and tok.head.i - tok.i <= 4 and all(
                    t.is_lower or t.i in by_token for t in tok.doc[tok.i + 1:tok.head.i]):
            holders.append(tok.head)  # "chief executive/JJ Olivia Hart said": a title the tagger took for an adjective
        elif tok.dep_ == "amod" and tok.pos_ == "ADJ" and self._peer_before_descriptor(tok):
            # "Rival recycler Renew Elements said", "Rival operators Scootr and Rido": the name the
            # descriptors are of, or the names apposed to the plural
            named = self._apposed_description(tok)
            head = self._described(tok)
            if named is not None:  # "Bexley Mutual, a rival insurer,": the name the noun is apposed to
                holders.append(named)
                # ("a rival lender to Orlan Bank": whose rival the noun's own preposition says)
                anchors += [(g, "anchor") for p in tok.head.children if p.dep_ == "prep" and p.lower_ in {"to", "of"}
                            for g in p.children if g.dep_ == "pobj"]
            else:
                holders += [head] if head.i in by_token or self._lists_names(head) \
                    else [c for c in head.children if c.i == head.i + 1 or self._starts_at(c, head.i + 1)] \
                    or [t for t in [self._name_after_noun(head)] if t is not None and head.tag_ == "NN"] \
                    or [t for t in [self._name_beside_plural(head)] if t is not None]
        if tok.dep_ == "conj" and tok.pos_ == "NOUN":
            # "X, a spokeswoman for the union and president of Y": a role noun listed after another
            # (or, as the parser often has it, after the other's object) has that one's holders
            first = first_conjunct(tok)
            prev = first.head.head if first.dep_ == "pobj" and first.head.dep_ == "prep" else first
            if prev.i != tok.i and prev.pos_ == "NOUN" and prev.dep_ in {"appos", "attr"}:
                holders += self._role_args(prev)[0]
                if not any(c.dep_ == "prep" for c in tok.children):
                    # ("a baker and president of Y": the parser hung the last one's "of" on the first; "a
                    # critic of the plan and director of Y": on the first one's object)
                    anchors += [(g, "prep:" + p.lower_) for p in first.children if p.dep_ == "prep" and p.i > tok.i
                                for g in p.children if g.dep_ == "pobj"]
        doc = tok.doc
        if not holders and tok.left_edge.i == tok.sent.start and tok.left_edge.lower_ in {"a", "an"}:
            # "A Kestrel Bank economist, Ana Ruiz said ...", "A lawyer for Orla, Tom Bell said":
            # a description opening the sentence names the person right after its comma (where the
            # parser made the name a clause's subject)
            k = tok.i + 1
            while k < len(doc) and k - tok.i <= 6 and doc[k].text != "," \
                    and doc[k].pos_ in {"ADP", "PROPN", "NOUN", "DET", "ADJ", "PART", "CCONJ"}:
                k += 1
            named = items[by_token[k + 1]] if k + 1 < len(doc) and doc[k].text == "," \
                and k + 1 in by_token else None
            if named is not None and named["cls"] == "Person" and named["start"] == k + 1:
                holders.append(doc[k + 1])
        # "employs 2,400 people and its chief executive is Ingrid Solberg": the parser joined the role to the
        # object before it and the copula after it to the first verb, with no subject; the copula's
        # attribute holds the role
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if tok.dep_ == "conj" and after is not None and after.lemma_ == "be" and after.dep_ == "conj" \
                and not any(c.dep_ in _SUBJ for c in after.children):
            holders += [c for c in after.children if c.dep_ == "attr" and c.pos_ == "PROPN"]
        one = stand_in(tok)
        if one.dep_ == "attr" and one.head.lemma_ in COPULAS:  # "remained its CEO", "is one of its backers"
            # (or the subject a joined copula shares: "who left Barwick and is now chief executive of X")
            # (and a controlled copula's: "is leaving to become chairman of X")
            holders += [c for c in one.head.children if c.dep_ in {"nsubj"}] or (
                self._inherited_agents(one.head) if one.head.dep_ in {"conj", "xcomp"} else [])
            # "Orbitra, in which Kaveri is the largest shareholder": a relative pronoun's preposition on the
            # copula says whose role it is
            anchors += [(g, "anchor") for p in one.head.children if p.dep_ == "prep" and p.lower_ in {"in", "of"}
                        for g in p.children if g.dep_ == "pobj" and g.lower_ in {"which", "whom"}]
            # ("becomes head of design at Orlan Labs": or the job's "at" the parser hung on the copula)
            anchors += [(g, "prep:at") for p in one.head.children if p.dep_ == "prep" and p.lower_ == "at"
                        for g in p.children if g.dep_ == "pobj" and g.i in by_token]
        # "The Tessel School, also called TS, is the business school of Varrow": the parser took the role
        # for the subject of a copula with no attribute, joined to the verb before it; that verb's subject
        # holds the role
        if one.dep_ == "nsubj" and one.head.lemma_ == "be" and one.head.dep_ == "conj" \
                and one.head.head.i < one.i and not any(c.dep_ in {"attr", "acomp"} for c in one.head.children):
            holders += self._inherited_agents(one.head)
        if one is not tok and one.dep_ == "appos":  # "X, one of its rivals,"
            holders.append(one.head)
        # "The deal makes Orlan the largest shareholder in X", "would make Orlan a direct rival to X": the
        # parser makes the role a clause of "make" with the one made its subject
        if tok.dep_ in {"ccomp", "oprd", "xcomp"} and tok.head.lemma_ == "make":
            holders += [c for c in tok.children if c.dep_ == "nsubj"]
        # "Quillo named Ana Ruiz its new chief executive", "Ana Ruiz was named publisher of X"
        if tok.dep_ == "oprd" and tok.head.lemma_ in {"name", "appoint", "elect", "make", "promote"}:
            named = [c for c in tok.head.children if c.dep_ in {"dobj", "nsubjpass"}]
            if not named:
                # ("Arvena has named Kenji Arakawa chief executive": the parser hung the name on the role,
                # and who names one to a post with no owner said is the employer)
                named = [c for c in tok.children if c.dep_ in {"nmod", "compound"} and c.i < tok.i and c.pos_ == "PROPN"]
                named_inside = {c.i for c in named}
                if named and not any(_possessive(c) or c.dep_ == "prep" for c in tok.children):
                    anchors += [(c, "anchor") for c in tok.head.children if c.dep_ == "nsubj"]
            holders += named
        # "Its customers include X and Y", "Its backers are X and Y" (not "The Dutch company counts X among
        # its clients": who counts one among them is no one the noun names)
        if tok.dep_ == "nsubj" and tok.head.lemma_ in {"include", "comprise", "feature", "count"} | COPULAS and not (
                tok.head.lemma_ == "count" and any(c.dep_ == "prep" and c.lower_ in {"among", "as"}
                                                   for c in tok.head.children)):
            holders += [c for c in tok.head.children if c.dep_ in {"dobj", "attr"}]
        # "which counts X and Y among its shareholders": the verb's object holds the role
        if tok.dep_ == "pobj" and tok.head.lower_ == "among":
            up = tok.head.head  # the verb, or its object where the parser hangs "among" off that
            # (or off a name listed with it or apposed to it: "counts the fund X and the utility Y among its
            # backers", each description with its name)
            while up.dep_ in {"conj", "appos"} and up.head.pos_ in {"NOUN", "PROPN"}:
                up = up.head
            verb, named = (up.head, [up]) if up.dep_ == "dobj" else (up, [c for c in up.children if c.dep_ == "dobj"])
            named += [a for n in named for c in [n, *n.conjuncts] for a in [c, *c.children]
                      if a.dep_ in {"appos", "conj"} and a not in named]
            if verb.lemma_ in COPULAS and up is verb:  # "Xinwei has been among Lithra's biggest customers"
                holders += [c for c in verb.children if c.dep_ == "nsubj"]
            if verb.lemma_ in {"count", "include", "list"}:
                holders += named
                # "Velora and Kestrel count Brazil among their largest markets": an owner pronoun that
                # coreference left unresolved (a plural one) is the verb's subject
                if any(_possessive(c) and c.pos_ == "PRON" and c.i not in by_token for c in tok.children):
                    anchors += [(c, "anchor") for c in verb.children if c.dep_ in {"nsubj"}]
        # "named Kenji Morita as its chief executive", "stays on as chairman", "joined as CFO"
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in {"VERB", "AUX"}:
            verb = tok.head.head
            # "opened a plant, with Arvex and Bridgecom as its first customers": who is "with" the verb
            withs = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" and p.i < tok.head.i
                     for g in p.children if g.dep_ == "pobj"]
            # (not the span one spent as what: "spent six years as its finance director")
            objs = withs or [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "oprd"}
                             and not (c.dep_ == "dobj" and c.lemma_.lower() in self.tenure_nouns)]
            holders += objs or [c for c in verb.children if c.dep_ in _SUBJ]
            if not objs and not any(c.dep_ in _SUBJ for c in verb.children):
                holders += self._inherited_agents(verb)
            # "Lumina counts Hanaki as a customer": whose customer, where no owner says, is who counts it
            if verb.lemma_ in {"count", "list"} and objs and not any(_possessive(c) for c in tok.children):
                # (or the subject a joined verb shares: "Kudira, which is 40% owned by X and counts Y as
                # a minority investor")
                anchors += [(c, "anchor") for c in verb.children if c.dep_ == "nsubj"] or [
                    (c, "anchor") for c in self._inherited_agents(verb)]
        # "joined X after six years as chief executive of Y": the span's "as" is of who did what it comes after
        # (a job kg:worksFor names: not "a decade as a buyer for X")
        jobs = self.onto.relations["worksFor"].role_triggers if "worksFor" in self.onto.relations else ()
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.lemma_.lower() in self.tenure_nouns \
                and tok.head.head.dep_ == "pobj" and tok.head.head.head.lower_ == "after" \
                and tok.head.head.head.head.pos_ in {"VERB", "AUX"} \
                and any(words[-1] == tok.lemma_.lower() for words in jobs):
            verb = tok.head.head.head.head
            holders += [c for c in verb.children if c.dep_ == "nsubj"] or (
                self._inherited_agents(verb) if not any(c.dep_ in _SUBJ for c in verb.children) else [])
        # "counts X and Y as customers": the parser hangs "as" on the last of the verb's objects
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ == "PROPN":
            top = tok.head.head
            while top.dep_ == "conj" and top.head.i != top.i:
                top = top.head
            if top.dep_ == "dobj" and top.head.lemma_ in {"count", "list"}:
                holders += [top, *top.conjuncts]
                if not any(_possessive(c) for c in tok.children):
                    anchors += [(c, "anchor") for c in top.head.children if c.dep_ == "nsubj"]
        # "A wholly owned subsidiary of X, it flies to 18 cities", "Once a unit of X, Kestrel now ...": a role
        # opening the sentence before a comma describes the subject of the clause after it
        if tok.dep_ in {"advcl", "npadvmod", "dep"} and tok.left_edge.i == tok.sent.start \
                and tok.right_edge.i + 1 < len(doc) and doc[tok.right_edge.i + 1].text == ",":
            holders += [c for c in tok.head.children if c.dep_ in _SUBJ and c.i > tok.right_edge.i]
        # "Aurel has three subsidiaries: A, B and C", "operates through two units, A and B": whose the names
        # apposed to a role are, where no owner says, is the subject that has them or works through them
        through = tok.dep_ == "pobj" and tok.head.lower_ == "through"
        up = tok.head.head if through else tok.head
        if (through or tok.dep_ == "dobj" and up.lemma_ in {"have", "own", "run"}) \
                and any(c.dep_ == "appos" for c in tok.children) and not any(
                    _possessive(c) or (c.dep_ == "prep" and c.lower_ == "of") for c in tok.children):
            anchors += [(c, "anchor") for c in up.children if c.dep_ == "nsubj"] or [
                (c, "anchor") for c in self._inherited_agents(up)]
        # "Chinese foundries such as X and Y", "Indian manufacturers, including X": the names listed
        if any(c.lower_ in {"such", "including"} or (c.dep_ == "prep" and c.lower_ in {"as", "including"})
               for c in tok.children):
            holders.append(tok)
        if one is not tok:
            # "Kelvor is one of the few rivals to Orvane": the parser hangs the role's "to" on "one"
            anchors += [(g, "prep:to") for c in one.children if c.dep_ == "prep" and c.lower_ == "to" and c.i > tok.i
                        for g in c.children if g.dep_ == "pobj"]
        kids = with_hyphened_children(tok)  # ("Tembea's co-founder": the possessive on "co")
        has_owner = any(_possessive(c) for c in kids)
        for c in kids:
            if c.dep_ == "appos" or (c.dep_ == "npadvmod" and c.i == tok.i + 2 and tok.nbor().text == ","
                                     and c.pos_ == "PROPN" and c.i in by_token):
                # (or a name right after the noun's comma that the parser took for an adverbial noun:
                # "Brazil's health regulator, Anvisa, has suspended")
                holders.append(c)
            elif c.dep_ == "prep" and c.lower_ == "among" and any(g.lower_ == "them" for g in c.children):
                # "its suppliers, among them Sabrel and Colvin": the names listed after "them"
                holders += [g for g in c.children if g.dep_ in {"pobj", "appos"} and g.lower_ != "them"]
            elif c.dep_ == "compound" and has_owner and c.i < tok.i and c.pos_ == "PROPN":
                holders.append(c)  # "its Tixora unit": the name is the unit, "its" the owner
            elif c.dep_ == "compound" and not has_owner and c.i < tok.i and c.pos_ == "PROPN" \
                    and c.i in by_token and any(_possessive(g) and g.i < c.i for g in c.children):
                # "from her Leeds home": the parser hung the owner on the name before the noun
                holders.append(c)
                anchors += [(g, "anchor") for g in c.children if _possessive(g) and g.i < c.i]
            elif c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < tok.i and c.i not in named_inside:
                anchors.append((c, "anchor"))
                if (c.dep_ == "compound" and (c.is_lower and c.pos_ == "NOUN" or (
                        c.is_upper and len(c) <= 4 and c.i not in by_token))) or (
                        c.dep_ == "amod" and c.tag_ == "VBG" and c.is_lower):
                    # "a Lyon cloud provider", "Lagos logistics company", "the British AI lab" (an acronym in
                    # front): a name before the noun in front (or
                    # before a noun the tagger took for a participle: "an Edinburgh/npadvmod holding/VBG company")
                    anchors += [(g, "anchor") for g in c.children if g.dep_ in {"compound", "nmod", "amod", "npadvmod"}
                                and g.i < c.i and g.i in by_token]
            elif c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "in", "to", "from", "with", "behind"} \
                    and not (c.lower_ == "behind" and superlative(tok)):
                # (after a rank, "behind" names who ranks ahead: "the second-largest supplier, behind X")
                # (an envoy's "to" names the host, a place where the envoy lives but no employer: "Peru's
                # envoy to the United Nations" works for Peru)
                # (nor a name after a participle the tagger took for a name, whose object it is: "chairman of
                # the committee grilling/PROPN Halvers" chairs no Halvers)
                anchors += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj" and not (
                    c.lower_ == "to" and tok.lemma_.lower() in self.envoy_nouns
                    and not self._is_place(g.i, by_token, items)) and not self._after_participle(g)]
                # "the sole supplier of rails to X": the parser hangs "to" on the goods after "of"
                anchors += [(x, "prep:to") for g in c.children if c.lower_ == "of" and g.dep_ == "pobj" and g.is_lower
                            and g.i not in by_token for p in g.children if p.dep_ == "prep" and p.lower_ == "to"
                            for x in p.children if x.dep_ == "pobj"]
                # "head of sales at Orlan Labs": the parser hangs the job's "at" on the field after "of"
                anchors += [(x, "prep:at") for g in c.children if c.lower_ == "of" and g.dep_ == "pobj"
                            and g.i not in by_token for p in g.children if p.dep_ == "prep" and p.lower_ == "at"
                            for x in p.children if x.dep_ == "pobj"]
                # "its delivery partner in Korea, Hanul Logistics,": a name the parser apposed to the place
                # (no place's apposition is an organisation or a person) holds the role
                holders += [a for g in c.children if c.lower_ == "in" and g.dep_ == "pobj"
                            and self._is_place(g.i, by_token, items)
                            for a in g.children if a.dep_ == "appos" and a.i in by_token
                            and not self._is_place(a.i, by_token, items)]
                # "the chairman of the Coastal Workers Front, Omar Haddad,": a person the parser apposed to
                # the organisation (no organisation's apposition is a person) holds the role (and "a
                # spokeswoman for the county sheriff's office, X")
                holders += [a for g in c.children if c.lower_ in {"of", "at", "for"} and g.dep_ == "pobj"
                            and g.i in by_token and items[by_token[g.i]]["cls"] != "Person"
                            for a in g.children if a.dep_ == "appos" and a.i in by_token
                            and items[by_token[a.i]]["cls"] == "Person"]
                # "head of the Justice Department's antitrust division", "at Veltro's European unit": the
                # owner of a part of an organisation that is no name (nor named by its apposition: "chief of
                # Kelvor's unit, Tessa," is Tessa's)
                parts = [g for g in c.children if g.dep_ == "pobj" and g.is_lower and g.i not in by_token
                         and g.lemma_.lower() in self.organisation_parts and c.lower_ in {"of", "at", "with"}
                         and not any(a.dep_ == "appos" and a.i in by_token for a in g.children)]
                anchors += [(o, "prep:" + c.lower_) for g in parts for o in g.children
                            if _possessive(o) and o.pos_ != "PRON"]
                # (or named in front of the part, with no "'s": "head of the Orlan Bank security unit"; the
                # name's last word, which the parser may hang on the word before the part, or take for an
                # adjective: "head of the Kelvor/amod cloud unit")
                anchors += [(o, "prep:" + c.lower_) for g in parts if not any(_possessive(o) for o in g.children)
                            for o in g.subtree if o.i < g.i and o.i in by_token
                            and (o.dep_ == "compound" or (o.dep_ == "amod" and o.pos_ == "PROPN"))
                            and by_token.get(o.i + 1) != by_token[o.i] and self.onto.is_a(
                                items[by_token[o.i]]["cls"], "Organization")]
                # (or named after the part's own "of": "head of the European unit of Kestrel Bank")
                anchors += [(o, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj" and g.is_lower
                            and g.i not in by_token and g.lemma_.lower() in self.organisation_parts
                            and c.lower_ in {"of", "at", "with"} and not any(_possessive(o) for o in g.children)
                            for p in g.children if p.dep_ == "prep" and p.lower_ == "of"
                            for o in p.children if o.dep_ == "pobj" and o.i in by_token]
                # "a researcher in the chemistry lab at Kelvor University", "a professor in the Faculty of
                # Law at the University of Halden", "an engineer in the battery unit of Ostra Motors": the
                # organisation the part one is in belongs to, named after the part's "at" or "of"
                # (the part may be named: "in the Faculty of Arts at Kelvor University")
                anchors += [(o, "prep:" + p.lower_) for g in c.children if c.lower_ == "in" and g.dep_ == "pobj"
                            and g.lower_ in self.organisation_parts
                            for p in g.children if p.dep_ == "prep" and p.lower_ in {"at", "of"}
                            for o in p.children if o.dep_ == "pobj" and o.i in by_token
                            and by_token[o.i] != by_token.get(g.i)]
        # "Pellaro, Kestrel Group's logistics unit, for": an apposition set off by commas on the surface,
        # which the parser took for something else (a second object)
        owned = [c for c in kids if _possessive(c)]
        if not holders and owned:
            first = min(c.left_edge.i for c in owned)
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if first >= 2 and tok.doc[first - 1].text == "," and first - 2 in by_token \
                    and items[by_token[first - 2]]["end"] == first - 1 \
                    and (after is None or after.text == "," or after.is_sent_end):
                holders.append(tok.doc[first - 2])
        # "until the latter can pay back its investor's investment": a singular role with an owner and
        # no name, as the subject or the owner of what follows, refers to the one other organisation
        # its sentence names before it (weak evidence; not a unit something is done to: "agreed to sell
        # its logistics arm", "hired X to lead its battery unit" name no arm or unit)
        if not holders and tok.tag_ == "NN" and tok.dep_ in {"poss", "nsubj"} and owned:
            owners = {items[by_token[c.i]]["name"] for c in owned if c.i in by_token}
            # (not who says it: "Kelvor said Orlan's unit had won the order" reports on another's unit)
            speakers = {by_token[c.i] for verb in tok.ancestors if verb.lemma_.lower() in self.reporting
                        for c in verb.children if c.dep_ == "nsubj" and c.i in by_token}
            others = {items[n]["name"]: items[n] for n in by_token.values()
                      if tok.sent.start <= items[n]["start"] < tok.i
                      and items[n]["via"] in {"", "gazetteer"} and items[n]["name"] not in owners
                      and self.onto.is_a(items[n]["cls"], "Organization")
                      and n not in speakers}
            if owners and len(others) == 1:
                holders.append(tok.doc[next(iter(others.values()))["start"]])
                far_holder = True
        # "driven by its lending arm, Banco Altamira, whose loans grew": a name set off by commas right after an
        # owned role noun, which the parser hung elsewhere (as an adverbial noun of the verb), holds the role
        doc = tok.doc
        # (an object's: a subject's comma name hung on its verb may be anything the parser saw there)
        if not holders and owned and tok.dep_ in {"pobj", "dobj"} and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "," \
                and tok.i + 2 in by_token:
            named = items[by_token[tok.i + 2]]
            root = self._root_of(doc, named)
            if named["start"] == tok.i + 2 and named["via"] in {"", "gazetteer"} and root.dep_ == "npadvmod" \
                    and (named["end"] >= len(doc) or doc[named["end"]].text == "," or doc[named["end"]].is_sent_end):
                holders.append(root)
        # The surface, steadier than the parse of long noun phrases:
        # "Lumora chief executive Priya Raman", "Snapgram's parent Metrix", "Chinese startup DeepVale".
        # (not a pronoun, which starts a relative clause: "Tarsk, a Chinese firm it blames for the recall"; nor
        # a description another party is: "makes the Detroit carmaker the miner's largest customer")
        if tok.i + 1 < len(doc) and tok.i + 1 in by_token and doc[tok.i + 1].pos_ != "PRON" and \
                items[by_token[tok.i + 1]]["start"] == tok.i + 1 and not (
                    doc[tok.i + 1].is_lower and items[by_token[tok.i + 1]]["via"] == "coref"):
            holders.append(doc[tok.i + 1])
            i, skipped = tok.i - 1, 0
            while i >= 0 and i not in by_token and skipped < 3 and (
                    doc[i].tag_ == "POS" or (doc[i].pos_ in {"ADJ", "NOUN", "PROPN"} and not doc[i].is_punct)
                    or (doc[i].text == "-" and not doc[i].whitespace_)):  # "e-money firm"
                i, skipped = i - 1, skipped + (doc[i].text != "-")
            if i >= 0 and i in by_token:
                anchors.append((doc[i], "anchor"))
        return holders, anchors, far_holder

    def _after_participle(self, g: Token) -> bool:
        """Whether the name ``g`` is in comes right after a lower-case "-ing" word the tagger took for a name or the
        parser for a compound ("the committee grilling/PROPN Halvers"): the participle's object."""
        start = self._doc_state.items[self._doc_state.by_token[g.i]]["start"] if g.i in self._doc_state.by_token else 0
        t = g.doc[start - 1] if start > 0 else None  # (a name only: not "maker of the racing/VERB series X")
        return t is not None and t.is_lower and t.lower_.endswith("ing") and (
            t.pos_ == "PROPN" or (t.pos_ == "VERB" and t.dep_ == "compound"))
