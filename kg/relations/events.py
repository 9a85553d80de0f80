"""The arguments of an event trigger: who does what to whom, for verbs and event nouns alike.

A trigger's kind (kg.relations.triggers) says it is an event: a verb in active or passive voice
("Orlan Bank sued Kelvor", "Kelvor was sued by Orlan Bank") or a noun of one ("Orlan Bank's suit against
Kelvor", "a partnership between X and Y", also as the object of a light verb: "X and Y have a
partnership"). :meth:`Events._event_args` finds its agents and objects, with their roles (subject,
object, the preposition they follow), for kg.relations.extract to map to names. The frames' helpers it
uses (holders, goods' owners, appended acts) are :mod:`kg.relations.frames`. A mixin of
:class:`~kg.relations.rules.KGRelations`.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..syntax import MAKING_VERBS, added_preps, as_well_as, assenting_verb, by_agents
from ..syntax import REL_PRONOUNS as _REL_PRONOUNS
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive
from ..syntax import counted_again, singular_after_list
from ..syntax import participle as _participle
from .suits import deal_blocked, suit_parties

__all__ = ["Events"]

#: prepositions that say where, after a verb's object ("will join X's research centre in Haifa")
_WHERE_PREPS = frozenset({"in", "at", "near", "across", "throughout", "outside"})


class Events:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the arguments of an event trigger."""

    def _event_args(self, tok: Token, trig_words: tuple[str, ...] = ()
                    ) -> tuple[list[tuple[Token, str]], list[tuple[Token, str]], bool]:
        """(agents, objects) as (token, role) for an event trigger; and whether voice is passive."""
        agents: list[tuple[Token, str]] = []
        objects: list[tuple[Token, str]] = []
        passive = False
        if tok.pos_ in {"VERB", "ADJ"} or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")) \
                or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"}) or (tok.dep_ == "acl" and _participle(tok)):
            ag, pa, passive = self._own_subjects(tok)
            agents += [(t, "agent") for t in ag]
            for t in pa:
                objects.append((t, "patient"))
            joined_patients = False
            if passive and not pa and tok.dep_ == "conj" and tok.head.pos_ in {"VERB", "AUX"} \
                    and any(c.dep_ == "auxpass" for c in tok.children):
                # "X sells drones to Y and is backed by Z": a passive verb joined to a clause takes that
                # clause's subject as its patient (never as its agent)
                head = tok.head
                subj = [c for c in head.children if c.dep_ in _SUBJ or c.dep_ == "nsubjpass"] \
                    or self._inherited_agents(head)
                # a name, a pronoun or "the company" (not "the forum is organised by X ... and chaired by Y")
                subj = [c for c in subj if c.pos_ in {"PROPN", "PRON"} or c.lemma_.lower() in self.firm_kinds]
                objects += [(t, "patient") for t in subj]
                joined_patients = bool(subj)
            if passive and not pa and tok.dep_ == "xcomp" and tok.head.pos_ in {"VERB", "AUX"} \
                    and any(c.dep_ == "auxpass" for c in tok.children):
                # "Revontuli has agreed to be acquired by X", "which agreed to be bought by X": a controlled
                # passive's patient is the subject of the verb that controls it
                subj = [c for c in tok.head.children if c.dep_ in _SUBJ] or self._inherited_agents(tok.head)
                objects += [(t, "patient") for t in subj]
                joined_patients = bool(subj)
            if not pa and tok.dep_ == "conj" and tok.tag_ == "VBN" and any(c.dep_ == "agent" for c in tok.children) \
                    and not any(c.dep_ in _SUBJ or c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) \
                    and tok.head.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.head.children):
                # "X, which is based in Verona and backed by Y": a participle joined to a passive verb is
                # passive too, and its patient is that verb's
                passive = True
                objects += [(c, "patient") for c in tok.head.children if c.dep_ == "nsubjpass"]
                joined_patients = True
            if not pa:
                # "sells and installs Tessera systems for utilities": coordinated verbs share
                # the object and the prepositions the parser gives the last one
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in _SUBJ for g in c.children) \
                            and self._name_before_joined_verb(c) is None:  # (whose subject the parser missed)
                        objects += [(g, "patient") for g in c.children if g.dep_ == "dobj"]
                        for p in c.children:
                            if p.dep_ == "prep":
                                objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
            if not pa and not any(c.dep_ == "dobj" for c in tok.children):
                # "makes the Mosaica encoding software": the tagger took the modifier for a verb, and the
                # parser made the name its subject; the name right before it, after the trigger, is the object
                objects += [(g, "patient") for c in tok.children if c.dep_ in {"ccomp", "xcomp"} and c.tag_ == "VBG"
                            and any(d.dep_ == "dobj" and d.i == c.i + 1 and d.pos_ == "NOUN" for d in c.children)
                            for g in c.children if g.dep_ == "nsubj" and g.i == c.i - 1 and g.i in self._doc_state.by_token
                            and any(d.dep_ == "det" for d in g.children)]
            if any(r == "patient" for _, r in objects):
                # "bought X in February and Y in June": a second object after a date and "and", which the
                # parser takes for the object of the date's preposition
                objects += [(g, "patient") for p in tok.children if p.dep_ == "prep" and p.lower_ in {"in", "on"}
                            for g in p.children if g.dep_ == "pobj" and g.i in self._doc_state.by_token and any(
                                d.ent_type_ == "DATE" and d.i < g.i and any(x.lower_ == "and" for x in d.children)
                                for d in g.children)]
            if tok.dep_ == "relcl":
                rel = [c for c in tok.children if c.lower_ in _REL_PRONOUNS]
                doers = self._appended_act_doers(tok.head) if rel and rel[0].dep_ == "nsubj" else []
                if doers:  # "Russia will cap exports, a quota that restricts X": Russia restricts X
                    agents = [(t, "agent") for t in doers]
                if rel and rel[0].dep_ in {"dobj", "nsubjpass"} and self._pronoun_subject(tok) is None:
                    last = singular_after_list(rel[0])  # "X and Y, which is based in Z": Y alone
                    objects.append((last, "patient-head") if last is not None else (tok.head, "patient"))
                elif not ag and not rel and self._light_object(tok.head) and any(
                        c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
                    # "Vindra has signed a deal to supply power to X": who signed supplies
                    verb = tok.head.head
                    agents += [(c, "agent") for c in verb.children if c.dep_ in _SUBJ] \
                        or [(t, "agent") for t in self._inherited_agents(verb)]
                elif not ag and not rel:
                    agents.append((tok.head, "agent"))
                elif ag and not rel and not pa and not any(c.lower_ == "where" for c in tok.children) \
                        and not any(c.lower_ == "whose" for a in (*ag, *tok.children) if a.pos_ == "NOUN"
                                    for c in a.children):
                    # "the unit it bought in 2017" (not "Brightfeather, whose Pippalo app competes with Glint":
                    # there the clause's subject is the one the noun owns; nor "the miner whose coal it buys",
                    # where the noun owns the clause's object, which the parser may hang on the verb as
                    # anything: that noun before the subject is the object)
                    objects.append((tok.head, "patient"))
                if ag and not rel and not pa:
                    objects += [(a, "patient") for a in tok.children if a.pos_ == "NOUN" and a.dep_ != "dobj"
                                and a.i < min(t.i for t in ag) and any(c.lower_ == "whose" for c in a.children)]
                if any(c.lower_ == "where" for c in tok.children):
                    objects.append((tok.head, "prep:in"))  # "Japan, where it runs a study"
            if tok.dep_ == "acomp" and tok.head.dep_ == "relcl" \
                    and any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.head.children):
                # "Sri Lanka, where it remains available" (or the clause hung on the noun the place is of: "the law
                # in Bangladesh and Sri Lanka, where it remains available")
                on = tok.head.head
                objects += [(on, "prep:in")] if on.pos_ == "PROPN" else [
                    (g, "prep:in") for p in on.children if p.dep_ == "prep" and p.lower_ == "in"
                    for g in p.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if tok.dep_ == "xcomp" and tok.head.dep_ == "relcl" and not passive \
                    and all(t.lower_ in _REL_PRONOUNS for t in pa) \
                    and not any(c.dep_ == "dobj" and c.lower_ not in _REL_PRONOUNS for c in tok.children):
                # "Orbilink, which Orbex began offering in 2023", "the X1, which Orrin plans to sell": the
                # clause's noun is the object of the verb its verb controls
                rel = [c for c in (*tok.head.children, *tok.children) if c.lower_ in _REL_PRONOUNS]
                if rel and rel[0].dep_ in {"dobj", "dep"} and rel[0].i < tok.head.i:
                    objects.append((tok.head.head, "patient"))
            if tok.dep_ in {"acl", "amod"} and _participle(tok) and not self._main_verb_parsed_as_modifier(tok):
                # "Paris-based Veyra AI and Motrel": the modifier belongs to its own noun only
                noun = tok.head
                if tok.dep_ == "acl" and tok.lemma_.lower() in MAKING_VERBS and noun.dep_ == "pobj" \
                        and noun.head.lower_ in {"for", "against"} and noun.i not in self._doc_state.by_token \
                        and noun.head.head.is_lower and noun.head.head.lemma_.lower() in self.product_nouns:
                    # "a gene therapy for muscular dystrophy developed by X": the parser hung what is made on
                    # the disease it is for, not on the kind of product
                    noun = noun.head.head
                # ("Tokova, owned by Gorvo, and Shopira, a unit of Tidal": a clause set off by commas before
                # the next name of a list is said of the name before it alone)
                alone = tok.dep_ == "amod" or (tok.left_edge.i > 0 and tok.doc[tok.left_edge.i - 1].text == ","
                                               and any(c.dep_ == "conj" and c.i > tok.i for c in noun.children))
                objects.append((noun, "patient-head" if alone else "patient"))
                if tok.dep_ == "amod" and noun.dep_ in {"nmod", "compound"} and noun.is_lower and noun.i not in self._doc_state.by_token \
                        and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
                    # ("the Dubai-based music/nmod streaming service": the noun the modified word modifies)
                    objects.append((noun.head, "patient-head"))
            if tok.dep_ == "conj" and tok.tag_ == "VBN" and tok.head.dep_ == "acl" and tok.head.tag_ == "VBN" \
                    and not pa and not self._main_verb_parsed_as_modifier(tok.head):
                # "a company headquartered in Dublin and owned by Halden Media": participles joined
                # under one noun modify it both
                objects.append((tok.head.head, "patient"))
            if tok.dep_ == "acl" and tok.tag_ == "VBG":
                agents.append((tok.head, "agent"))
            if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "oprd"}:
                # ("is sold through X and is available in Italy": the subject of the verb it is joined to)
                agents += [(c, "agent") for c in tok.head.children if c.dep_ in _SUBJ] \
                    or [(t, "agent") for t in self._inherited_agents(tok.head)]
                # "is available in 40 countries": the parser hangs the place on the copula
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.i > tok.i:
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
            if tok.pos_ == "ADJ" and tok.dep_ == "amod":
                agents.append((tok.head, "agent-head"))
            if not agents and not joined_patients and tok.pos_ == "VERB" and tok.tag_ == "VBZ":
                # "Kestrel Aero supplies landing gear to X": the parser made the subject a compound
                # of the verb, as if "Aero supplies" were a noun
                agents += [(c, "agent") for c in tok.children if c.dep_ == "compound"
                           and (c.pos_ == "PROPN" or c.i in self._doc_state.by_token)]
                # ("Kelvor competes with X": or the verb the object of the name right before it)
                if not agents and tok.dep_ == "dobj" and tok.head.pos_ == "PROPN" and tok.head.i in self._doc_state.by_token \
                        and self._doc_state.items[self._doc_state.by_token[tok.head.i]]["end"] == tok.i:
                    agents.append((tok.head, "agent"))
            if not agents and not joined_patients:
                agents += [(t, "agent") for t in self._inherited_agents(tok)]
            # "Congress passed a law banning X", "rules that the EU adopted restrict X": the maker's act
            agents = [(m, r) for t, r in agents for m in (self._instrument_makers(t) if r == "agent" else ()) or [t]]
            # ("supplies memory to server/VB makers including X", "sold weather feeds to insurer/xcomp X": the parser
            # hung the infinitive it read on the goods)
            for c in [*tok.children, *(g for d in tok.children if d.dep_ == "dobj" for g in d.children
                                       if g.dep_ in {"relcl", "xcomp"} and g.i == d.i + 2)]:
                if c.dep_ == "dative":
                    if c.pos_ == "ADP" or (c.tag_ == "TO" and any(g.dep_ == "pobj" for g in c.children)):
                        # (also "to/TO" the tagger took for the infinitive's: "sells buses to transit/NN ...";
                        # and "to Orlan Foods and to Kelvor Brands": a second "to" the parser joins to the first)
                        for p in [c] + [x for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP"] \
                                + added_preps(c):
                            objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
                    else:
                        objects.append((c, "recipient"))
                elif c.dep_ == "dobj" and c.i > tok.i:
                    # "paid Cardo and Paymira 20 million pounds": the parser hangs the recipient on the sum
                    sums = [g.left_edge.i for g in c.children if g.dep_ == "nummod"]
                    if not sums and c.lemma_.lower() in self.paid_sums and self._pays(tok):
                        sums = [c.i]  # "paid Orlan Health rebates", "pay Halden Pipelines fixed tolls": on what is paid
                    objects += [(g, "recipient") for g in c.children if sums and g.dep_ in {"nmod", "compound"}
                                and g.pos_ == "PROPN" and tok.i < g.i and g.right_edge.i < min(sums)]
                elif as_well_as(c):
                    # "sells drones to Orla, as well as to Lumo": "as well as" hung on the verb
                    objects += [(g, "prep:" + p.lower_) for p in c.children if p.dep_ == "prep" for g in p.children
                                if g.dep_ == "pobj"]
                elif c.dep_ == "prep":
                    # "to Dravik and to Maruko": coordinated prepositions
                    for p in [c] + [x for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP"] + added_preps(c):
                        objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
                elif c.dep_ == "conj" and c.pos_ == "ADP" and c.i > tok.i:
                    # "provides access to X and to Y": the second preposition joined to the verb
                    objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
                elif (c.dep_ in {"advcl", "xcomp"} or (c.dep_ == "relcl" and c.head.dep_ == "dobj")) and c.i > tok.i \
                        and any(a.dep_ == "aux" and a.lower_ == "to" and a.i == c.i - 1 for a in c.children) and (
                        c.tag_ in {"NN", "NNS"} or self._described_after(c)):
                    # "sells access to cruise/NN operator Seabrook and to the Navy", "supplies chips to
                    # cloud/VB provider Fathomline": the parser read "to" and the description after it as
                    # an infinitive, the name as its object
                    objects += [(g, "prep:to") for g in c.children if g.dep_ == "dobj"]
                    objects += [(g, "prep:" + p.lower_) for p in c.children if p.dep_ == "conj" and p.pos_ == "ADP"
                                for g in p.children if g.dep_ == "pobj"]
                elif c.dep_ in {"npadvmod", "compound"} and tok.dep_ == "amod":
                    # "Cupertino-based Pellum" (where), "Netrix-owned Logvane" (who)
                    objects.append((c, "modifier-by"))
                elif c.dep_ == "xcomp" and c.lemma_.lower() in trig_words and len(trig_words) > 1 \
                        and c.lemma_.lower() != tok.lemma_.lower():
                    # "refused to license StarLane": the object of the trigger's own infinitive
                    objects += [(g, "patient") for g in c.children if g.dep_ == "dobj"]
                elif c.dep_ == "npadvmod" and tok.pos_ == "VERB":
                    # "competes head-to-head with X": the parser hangs the preposition on the adverb
                    for p in c.subtree:
                        if p.dep_ == "prep" and p.head.i == c.i:
                            objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
            # "compete on price with Sahaj": the parser hangs the preposition on the noun of another
            # (when the verb has no preposition of its own with a name after it)
            # (and no object: not "founded Nilora after eight years at Zenora Bank")
            if tok.pos_ == "VERB" and not any(r.startswith("prep:") and t.pos_ == "PROPN" for t, r in objects) \
                    and not any(c.dep_ == "dobj" for c in tok.children):
                for c in tok.children:
                    if c.dep_ == "prep" and c.i > tok.i and c.lower_ not in {"after", "before", "since", "during", "until"}:
                        for g in c.children:
                            if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.is_lower:
                                objects += [(x, "nested:" + p.lower_) for p in g.children
                                            if p.dep_ == "prep" for x in p.children if x.dep_ == "pobj"]
            # "provides Chinese users access": the parser folds the recipient into the trigger noun
            if len(trig_words) > 1:
                for c in tok.children:
                    if c.lemma_.lower() in trig_words and c.i != tok.i:
                        objects += [(g, "recipient") for g in c.children if g.dep_ in {"compound", "nmod"}
                                    and g.i < c.i]
            # "supplies its robots picking to Dravik": the parser hangs the recipient on a
            # participle below the trigger; take it when the trigger has none of its own.
            if not any(r.startswith("prep:") or r == "recipient" for _, r in objects):
                for c in tok.children:
                    if c.dep_ in {"xcomp", "acl"} and c.pos_ == "VERB" and c.tag_ == "VBG":
                        # (or on its object: "supplies landing gear to Aerivo", "landing" taken for a verb)
                        for p in [*c.children, *(p for g in c.children if g.dep_ == "dobj" for p in g.children)]:
                            if p.dep_ in {"prep", "dative"} and p.pos_ == "ADP":
                                for q in [p] + [x for x in p.children if x.dep_ == "conj" and x.pos_ == "ADP"]:
                                    objects += [(g, "nested:" + q.lower_) for g in q.children if g.dep_ == "pobj"]
            # "restrict access to X in China": prepositions of the direct object
            # ("will pay 180 billion yen in subsidies to X": the kind a sum is paid in, which the parser hangs on
            # the verb, is the sum's phrase)
            sums = [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children
                    if g.dep_ == "pobj" and g.tag_ == "NNS" and g.i not in self._doc_state.by_token] if any(
                c.dep_ == "dobj" and c.ent_type_ == "MONEY" for c in tok.children) else []
            for c in [*tok.children, *sums]:
                if c.dep_ == "dobj" or c in sums:
                    # "shipped doses of the vaccine to Nigeria": prepositions down the object's phrase
                    todo, seen = [c], 0
                    while todo and seen < 4:
                        node = todo.pop(0)
                        seen += 1
                        for p in node.children:
                            if p.dep_ == "prep":
                                # (and "builds sections for Skyward and wing parts for Aerivo": the same
                                # preposition after more goods, which the parser joined to the name before)
                                for q in [p, *added_preps(p)]:
                                    pobjs = [g for g in q.children if g.dep_ == "pobj"]
                                    objects += [(g, "nested:" + q.lower_) for g in pobjs]
                                    todo += pobjs
                            elif p.dep_ == "conj" and node.i == c.i:
                                todo.append(p)  # "restricts exports of gallium and germanium to the US"
                            elif p.dep_ == "acl" and p.tag_ == "VBN" and p.lemma_.lower() not in self.backing_verbs:
                                # "banned components made by Chinese suppliers Kaizhen and Lianxun": from them (not
                                # who backs or owns the object: "the concessions of a miner backed by X")
                                objects += [(g, "nested:from") for g in by_agents(p)]
                                # "banned exports of motors used in drones to Russia": where the goods go, which the
                                # parser hangs in the participle's phrase (not its own "to": "payments linked to X")
                                objects += [(g, "nested:to") for q in p.subtree if q.dep_ == "prep" and q.lower_ == "to"
                                            and q.i > p.i + 1 for g in q.children if g.dep_ == "pobj"]
            # "banned operators from buying equipment from Kaizhen", "barred ministries from buying drones made by
            # Skydra": whom one is kept from buying from (or whose goods) is reached too
            for x in (x for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for x in c.children
                      if x.dep_ == "pcomp" and x.lemma_.lower() in self.goods_buying_verbs):
                for p in x.children:
                    if p.dep_ == "prep" and p.lower_ == "from":
                        objects += [(g, "nested:from") for g in p.children if g.dep_ == "pobj"]
                    elif p.dep_ == "dobj":
                        objects += [(g, "nested:from") for a in p.children if a.dep_ == "acl" and a.tag_ == "VBN"
                                    for g in by_agents(a)]
        else:  # event noun
            # "300 stores in Europe and 40 in the United States", "X, which has 900 outlets in A and 70 more in
            # B": a number standing for the noun
            again = counted_again(tok)
            for c in tok.children:
                if _possessive(c):
                    agents.append((c, "agent"))
                elif c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i:
                    agents.append((c, "modifier"))
                elif c.dep_ == "prep":
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    if c.lower_ == "by":
                        agents += [(g, "agent") for g in pobjs]
                    else:
                        objects += [(g, "prep:" + c.lower_) for g in pobjs]
                        # "a memorandum of understanding with X": a trigger of several words that ends in a
                        # phrase of its own holds that phrase's prepositions
                        if c.lower_ in trig_words:
                            objects += [(x, "prep:" + p.lower_) for g in pobjs if g.lemma_.lower() in trig_words
                                        for p in g.children if p.dep_ == "prep" for x in p.children
                                        if x.dep_ == "pobj"]
                elif c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in self.forming_verbs:
                    # "a consortium formed by X and Y", "a venture led by X and Y": who formed it are its parties;
                    # "a Penang plant run by Suria Assembly": who runs a site has it
                    by = by_agents(c)
                    agents += [(g, "agent") for g in by]
                    # ("the data centres run by X in Batam": where they are, which the parser hangs on the
                    # participle or on its agent)
                    objects += [(g, "prep:" + p.lower_) for h in [c, *by] for p in h.children
                                if p.dep_ == "prep" and p.lower_ in {"in", "at"} for g in p.children if g.dep_ == "pobj"]
            objects += [(g, "prep:" + p.lower_) for num in again for p in num.children
                        if p.dep_ == "prep" and p.lower_ != "by" for g in p.children if g.dep_ == "pobj"]
            # "The plant in Lyon is run by X", "The Lyon terminal is operated by X": who runs it, in the passive
            if tok.dep_ == "nsubjpass" and tok.head.lemma_.lower() in self.forming_verbs:
                agents += [(g, "agent") for g in by_agents(tok.head)]
            # "made at Veltro's plant in Brno": the parser hangs the preposition right after the noun
            # on the verb of the noun's own preposition
            after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
            if after is not None and tok.dep_ == "pobj" and after.dep_ == "prep" and after.head.i == tok.head.head.i:
                objects += [(g, "prep:" + after.lower_) for g in after.children if g.dep_ == "pobj"]
            # "will join Signalwood's research centre in Haifa": so too on the verb of the noun as its
            # object (where, not to or from whom: "sold its stake to X" is the verb's)
            elif after is not None and tok.dep_ == "dobj" and after.dep_ == "prep" and after.head.i == tok.head.i \
                    and after.lower_ in _WHERE_PREPS:
                objects += [(g, "prep:" + after.lower_) for g in after.children if g.dep_ == "pobj"]
            # "Brightmoor's investment last year in Cascadia Heat": the parser hangs the noun's preposition
            # on the verb when a time phrase stands between them
            if tok.dep_ in {"dobj", "nsubjpass", "attr"}:
                own = {c.lower_ for c in tok.children if c.dep_ == "prep"}
                for c in tok.head.children:
                    between = tok.doc[tok.i + 1:c.i]
                    if c.dep_ == "prep" and c.i > tok.i + 1 and c.lower_ not in own \
                            and all(t.ent_type_ in {"DATE", "TIME"} for t in between):
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
            # "Veltro's headquarters are in Austin": the copula holds the noun's prepositions; so does a
            # participle of being somewhere ("are located in Austin", "its plant, situated in Pune,": lexicon
            # location_participles)
            holders = [tok.head] if (tok.dep_ == "nsubj" and tok.head.lemma_ == "be") or (
                tok.dep_ == "nsubjpass" and tok.head.lemma_ in self.location_participles) else []
            holders += [c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN"
                        and c.lemma_ in self.location_participles]
            for holder in holders:
                for c in holder.children:
                    if c.dep_ == "prep" and c.i > tok.i:
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
            head = tok.head
            if tok.dep_ == "dobj" and head.lemma_ in self.undergo_verbs:
                # "Halvern faces a lawsuit from Pharmora": who it is from acts on the verb's subject (also
                # where the parser hangs "from" on the verb: "is facing a lawsuit from Epoch Games")
                froms = [g for g, r in objects if r == "prep:from"] or [
                    g for c in head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i
                    for g in c.children if g.dep_ == "pobj"]
                if froms:
                    agents += [(g, "agent") for g in froms]
                    objects = [(g, r) for g, r in objects if r != "prep:from"]
                    own = [c for c in head.children if c.dep_ in _SUBJ]
                    objects += [(t, "patient") for t in (own or self._inherited_agents(head))]
            # "X and Y have a partnership", "X announced an investment in Y"
            if tok.dep_ in {"dobj", "attr", "nsubjpass"} and head.lemma_ in self.light_verbs:
                # ("X and Y expanded their partnership": "their", which coreference gives no one, is the
                # verb's subjects)
                agents = [(t, r) for t, r in agents if not (t.lower_ == "their" and t.i not in self._doc_state.by_token)]
                if not any(r == "agent" for _, r in agents):
                    own = [c for c in head.children if c.dep_ in _SUBJ]
                    agents += [(t, "agent") for t in (own or self._inherited_agents(head))]
                # (the verb's prepositions whoever the noun's owner: "open its first store in Parramatta")
                for c in head.children:
                    if c.dep_ == "prep":
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
                    elif c.dep_ == "dative":
                        objects.append((c, "recipient"))
            if not any(r == "agent" for _, r in agents) and " ".join(trig_words) in self.rivalry_nouns \
                    and any(r == "prep:with" for _, r in objects):
                # "cut fees as a price war with Vostra deepened", "escalating a price war with Vostra", "locked in a
                # rivalry with Vostra": a rivalry with no owner of its own is its clause's subject's (the clause an
                # "as" clause it is the subject of qualifies, which the parser may make a preposition's; whom a
                # participle's subject is)
                verb = head.head if tok.dep_ == "nsubj" and head.dep_ == "advcl" else head if tok.dep_ == "dobj" \
                    else head.head if tok.dep_ == "pobj" and head.lower_ in {"in", "into", "as"} else None
                if verb is not None and verb.pos_ in {"VERB", "AUX"} and verb.i != tok.i:
                    own = [c for c in verb.children if c.dep_ in _SUBJ or c.dep_ == "nsubjpass"]
                    agents += [(t, "agent") for t in (own or self._inherited_agents(verb))]
            if (assent := assenting_verb(tok, self.assent_verbs)) and not any(r == "agent" for _, r in agents):
                agents += [(t, "agent") for t in  # "agreed to a takeover of X": an event its subject goes along with
                           [c for c in assent.children if c.dep_ in _SUBJ] or self._inherited_agents(assent)]
            # "moved its headquarters to Austin": where the event is taken to is where it is now
            if self._relocated(tok):
                if not any(r == "agent" for _, r in agents):
                    own = [c for c in head.children if c.dep_ in _SUBJ]
                    agents += [(t, "agent") for t in (own or self._inherited_agents(head))]
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in {"to", "into"}:
                        objects += [(g, "prep:in") for g in c.children if g.dep_ == "pobj"]
            # "makes the crossover at plants in Aichi", "supplies cells from a plant in Ohio", "makes its
            # bags in workshops around Scandicci": a site no one is named as owning, where its clause's
            # verb makes or ships something, is the subject's (for nouns of where one is only: a plant,
            # a factory)
            if not any(r == "agent" for _, r in agents) and tok.dep_ == "pobj" \
                    and tok.head.lower_ in {"at", "from", "in", "on"} and self._of_sites(tok):
                verb = tok.head.head
                for _ in range(2):
                    if verb.pos_ in {"VERB", "AUX"} or verb.dep_ not in {"dobj", "pobj", "prep"}:
                        break
                    verb = verb.head
                # (the verb's own subject: "fined X for scanning faces at its stores" is X's doing; and
                # not a site bought "from", which is the seller's: the ontology's kg:inverseTrigger verbs)
                if verb.pos_ == "VERB" and not (tok.head.lower_ == "from" and verb.lemma_.lower() in self.taking_verbs):
                    own = [c for c in verb.children if c.dep_ in _SUBJ]
                    if not own and tok.head.lower_ in {"at", "from"}:
                        # (or the subject the verb shares: "designed the tablet and produces it at a plant in
                        # Ulm", "has started building scooters at a factory in Betim", "fined X for breaking
                        # rules at shops in Kent"; not goods placed "in" shops, which are the shops' owners')
                        own = self._inherited_agents(verb)
                    agents += [(c, "agent") for c in own]
            # "Koshin said sales in the United States rose": sales no one owns, in a place, that a firm
            # reports are its own
            if not any(r.startswith("agent") for _, r in agents) and tok.dep_ in _SUBJ and tok.tag_ == "NNS" \
                    and tok.lemma_.lower() in self.to_nouns and any(r == "prep:in" for _, r in objects) \
                    and tok.head.dep_ == "ccomp" and tok.head.head.lemma_.lower() in self.reporting:
                agents += [(c, "agent") for c in tok.head.head.children if c.dep_ in _SUBJ]
            # "a Polish lender with branches in Lithuania": what has the sites
            if not any(r == "agent" for _, r in agents) and tok.dep_ == "pobj" and tok.head.lower_ == "with" \
                    and tok.head.head.pos_ in {"NOUN", "PROPN"} and self._of_sites(tok):
                agents.append((tok.head.head, "agent"))
            # "expanding in Europe through a partnership with X": the clause's subject
            if not any(r == "agent" for _, r in agents) and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                    tok.head.head.pos_ in {"VERB", "AUX"} and tok.head.lower_ in {"through", "via", "in", "under", "with"}:
                verb = tok.head.head
                own = [c for c in verb.children if c.dep_ in _SUBJ]
                # ("the deal puts Del Monte in direct competition with X": the one put in it)
                placed = [c for c in verb.children if c.dep_ == "dobj" and c.i in self._doc_state.by_token and c.pos_ != "PRON"] \
                    if tok.head.lower_ == "in" and any(r.symmetric for r in self._relations_of(tok)) else []
                agents += [(t, "agent") for t in (placed or own or self._inherited_agents(verb))]
            # "X ..., the first fruit of a partnership with Y": the sentence's subject
            elif not any(r == "agent" for _, r in agents) and tok.dep_ not in {"dobj", "attr", "nsubjpass"} \
                    and any(rel.symmetric_evidence for rel in self._relations_of(tok)):
                root = tok.sent.root
                agents += [(c, "agent-far") for c in root.children if c.dep_ in _SUBJ]
                if root.i == tok.i and tok.pos_ == "NOUN" and not any(r.startswith("agent") for _, r in agents) \
                        and any(r == "prep:with" for _, r in objects):
                    # "Song Hong forms alliance with Hanwol": a headline the parser read as one noun phrase
                    # with the trigger at its root; the first organisation named before it is the one acting
                    items = self._doc_state.items
                    first = next((t for t in tok.sent if t.i < tok.i and t.i in self._doc_state.by_token and self.onto.is_a(
                        items[self._doc_state.by_token[t.i]]["cls"], "Organization")), None)
                    if first is not None:
                        agents.append((first, "agent-far"))
            suit_parties(self, tok, agents, objects)
        if tok.lemma_.lower() in self.onto.words("relations", "deal_suing_words"):
            deal_blocked(self, tok, objects)
        if not any(r.startswith("patient") or r == "prep:against" for _, r in objects):
            # "filed a lawsuit accusing X of copying", "sued on Thursday, accusing X of ...": whom the suit
            # accuses is whom it is against (an accusing participle on the verb, its object or the noun's verb)
            around = [tok, *(c for c in tok.children if c.dep_ == "dobj")] if tok.pos_ == "VERB" else [tok, tok.head]
            objects += [(g, "prep:against") for t in around for c in t.children
                        if c.dep_ in {"advcl", "acl", "xcomp"} and c.tag_ == "VBG" and c.lemma_.lower() in self.accusing
                        for g in c.children if g.dep_ == "dobj" and g.pos_ == "PROPN"]
        return agents, objects, passive
