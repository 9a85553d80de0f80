"""Who a sentence or a text is about, for role nouns that refer back: the subject of the sentence
before, the firm a sentence opens at, the firm a speaker reports on, the name the text names most.

A mixin of :class:`~kg.relations.rules.KGRelations`, beside :mod:`kg.relations.mentions`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo

__all__ = ["Topics"]


class Topics:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: whom a sentence or the text is about."""

    @cached_property
    def _rivalry_words(self) -> frozenset[str]:
        """The one-word triggers and role triggers of kg:competesWith ("compete", "rival"), made once."""
        rivalry = self.onto.relations.get("competesWith")
        return frozenset(w[0] for w in (*rivalry.triggers, *rivalry.role_triggers) if len(w) == 1) \
            if rivalry else frozenset()

    def _sentence_subject(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]],
                          rel: RelationInfo) -> int | None:
        """The entity item that is the subject of a clause of ``tok``'s sentence before it, else of the
        previous sentence, and that the relation's object may be: who the text is about there."""
        sent = tok.sent
        first = sent[0] if sent[0].is_alpha else sent[1] if len(sent) > 1 else sent[0]
        if first.lower_ == "at" and first.i < tok.i:
            # "At Pelerin, she will report to chief executive X": the firm a sentence opens at
            for g in (g for g in first.children if g.dep_ == "pobj" and g.i in by_token):
                n = by_token[g.i]
                if items[n]["via"] in {"", "gazetteer", "coref"} and self.onto.fits(items[n]["cls"], rel.range) \
                        and self.onto.is_a(items[n]["cls"], "Organization"):
                    return n
        spans = [sent] + ([tok.doc[sent.start - 1].sent] if sent.start > 0 else [])
        for span in spans:
            for t in span:
                if t.i >= tok.i:
                    break
                if t.dep_ not in {"nsubj", "nsubjpass"}:
                    continue
                # (or the organisation whose the subject is: "Stalbruk's backers include X and Y, said founder
                # Z", "Orlan's largest shareholder owns 19%, and chief executive Z declined to comment")
                owner = t if t.i in by_token else None
                if owner is None and rel.name in self.people_relations:
                    owner = next((c for c in t.children if c.dep_ == "poss" and c.i in by_token
                                  and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")), None)
                if owner is not None:
                    n = by_token[owner.i]
                    if items[n]["via"] != "demonym" and self.onto.fits(items[n]["cls"], rel.range):
                        invested = self._invested_by(t, by_token, items, rel) if rel.name == "investsIn" else None
                        return invested if invested is not None else n
        return None

    def _invested_by(self, subj: Token, by_token: dict[int, int], items: list[dict[str, Any]],
                     rel: RelationInfo) -> int | None:
        """Where a subject invests ("Brindle led a round in Quillo", "Brindle invested in Quillo", "backed
        Quillo"): what it invests in, as an item index; the firm the other backers of the sentence after
        back ("Existing investors X and Y also took part"), not the investor. None elsewhere."""
        verb = subj.head
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in {*self.round_verbs, "invest", "back", "fund", "finance"}:
            return None
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if lemma in self.round_verbs and not any(o.lemma_.lower() in self.round_nouns for o in objects):
            return None  # ("X led the market", "joined the board")
        targets = [g for h in [verb, *objects] for p in h.children if p.dep_ == "prep" and p.lower_ in {"in", "into"}
                   for g in p.children if g.dep_ == "pobj"]
        if lemma in {"back", "fund", "finance"}:
            targets += objects
        for g in targets:
            n = by_token.get(g.i)
            if n is not None and self.onto.fits(items[n]["cls"], rel.range) \
                    and self.onto.is_a(items[n]["cls"], "Organization"):
                return n
        return None

    def _referred_back(self, doc: Doc, tok: Token, trig: Any, rel: RelationInfo, holders: list[Any],
                       by_token: dict[int, int], items: list[dict[str, Any]]) -> int | None:
        """The organisation a role with no one named beside it refers back to, as an item index, or None:
        a kg:backReferringRole ("Tandaa raised $38 million. Chief executive Wanjiru Kamau said"), a
        lower-case state title or a government's job for a relation of people (lexicon ``state_titles``,
        ``government_jobs``: "president Yuki Tanaka said", "deputy minister Pablo Rojas told")."""
        # (the role may be a back-referring one with the words before its trigger: "finance director" of "director")
        written = {tuple(t.lower_ for t in doc[max(tok.i - n, tok.sent.start):tok.i + 1]) for n in (1, 2)}
        firms = trig.words in rel.back_roles or bool(written & rel.back_roles)
        if not (firms or (rel.name in self.people_relations and trig.words[-1] in self.back_jobs)):
            return None
        # (not "a vice president of the KAW", nor a job with its organisation after it, found or not)
        if any((c.dep_ == "det" and c.lower_ in {"a", "an"}) or (c.dep_ == "prep" and c.lower_ in rel.object_preps)
               for c in (tok.head if tok.dep_ == "compound" else tok).children):
            return None
        # (nor a job with its owner written before it: "Ana Ruiz, Kelvo's finance director", "its managing director")
        if any(c.dep_ == "poss" for h in {tok, tok.head if tok.dep_ == "compound" else tok} for c in h.children):
            return None
        if not tok.is_lower and trig.words[-1] in self.state_titles:
            return None  # ("President Amani Otieno said": a country's)
        # (not after a name, found or missed: "Givre chief executive Julien Tremblay" is Givre's)
        before = doc[tok.i - 1] if tok.i else None
        if before is not None and (before.i in by_token or (before.is_title and not before.is_sent_start)):
            return None
        back = self._sentence_subject(tok, by_token, items, rel)
        said = self._reported_subject(doc, holders, by_token, items, rel) if len({h.item for h in holders}) == 1 \
            else None
        # (the same firm as the sentence before's subject, or its short form: the mention the
        # holder reports on, in the role's own sentence)
        if said is not None and (back is None
                                 or items[said]["name"].split()[:1] == items[back]["name"].split()[:1]
                                 or self._named_more(items, said, back, tok.sent.end)
                                 or not self._holds_the_job(items[back], trig)):
            # (or where the sentence before's subject is a body whose job this is not: "The council wants
            # Orlan to pay. Chief executive X said Orlan would appeal" is Orlan's chief)
            # (but a description the coreference gave the sentence before's subject, "Simutel gives Jengo
            # access. Co-founder X said the company would", is no more evidence than that subject)
            copied = back is not None and items[said]["via"] == "coref" \
                and items[said]["name"] == items[back]["name"]
            back = self._dealt_with(tok, back, holders, items, rel) if copied else said
        elif back is not None:
            back = self._dealt_with(tok, back, holders, items, rel)
        # (the organisation the text is about: "with existing backers X and Y" backs no person; a
        # government body only for a government's job, and a firm never for one: "the ministry will
        # waive fees, deputy minister X said")
        if back is not None and not self._holds_the_job(items[back], trig):
            return None
        # ("Health Minister X said", after a sentence on a disaster agency: a capitalised portfolio names
        # the job's own ministry, which is the body only where its name has the word)
        # (not a word of the role itself, capitalised at a sentence's start: "Managing director X said"; nor
        # a lower-case firm's role's field, capitalised only there: "Finance chief X said", "Group managing director")
        if back is not None and any(c.dep_ == "compound" and c.is_title and c.i not in by_token
                                    and c.lower_ not in trig.words and not (firms and c.is_sent_start and tok.is_lower)
                                    and c.text not in items[back]["name"].split() for c in tok.children):
            return None
        return self._nearest_mention(tok, back, items, rel) if back is not None else None

    def _nearest_mention(self, tok: Token, back: int, items: list[dict[str, Any]], rel: RelationInfo) -> int:
        """The named mention of the organisation a role refers back to that is nearest the role in the
        role's own sentence (the last before it, else the first after it), where that sentence names it
        (or its short form: "Castellane Hotels" ... "Castellane"): "Nollyflix earns 40%. Nollyflix bills its
        subscribers through their phone credit, chief operating officer X said" is said of the second;
        else ``back``, the subject of the sentence before or a description resolved to it."""
        words = items[back]["name"].split()
        if not words:
            return back
        sent = tok.sent

        def same(name: str) -> bool:
            other = name.split()
            n = min(len(other), len(words))
            return n > 0 and other[:n] == words[:n]

        near = [n for n, it in enumerate(items) if it["via"] in {"", "gazetteer"} and it["name"]
                and sent.start <= it["start"] < sent.end and not it["start"] <= tok.i < it["end"]
                and same(it["name"]) and self.onto.is_a(it["cls"], "Organization")
                and self.onto.fits(it["cls"], rel.range)]
        before = [n for n in near if items[n]["start"] < tok.i]
        if before:
            return max(before, key=lambda n: items[n]["start"])
        return min(near, key=lambda n: items[n]["start"]) if near else back

    def _dealt_with(self, tok: Token, back: int, holders: list[Any], items: list[dict[str, Any]],
                    rel: RelationInfo) -> int:
        """Where the subject of the sentence before, that a person's role refers back to, pays, gives or
        buys from the firm the text is about ("Orvane gave Brindle free access to its engine. Chief
        executive X said", "Daneo, which runs 4,000 vans, pays Veltrix a fee. Chief executive X said"):
        that firm, named more often so far, whose the job is (a customer, backer or partner is named in
        passing); else ``back``. (Not where the subject says something, for its spokesperson; nor "Pikku
        will become a unit of Redfern. Chief executive X said", whose object is no object of a verb.)"""
        doc = tok.doc
        if rel.name not in self.people_relations or items[back]["start"] >= tok.sent.start:
            return back
        subj = self._root_of(doc, items[back])
        if subj.head.lemma_.lower() in self.reporting:
            return back
        topic = self._topic(tok, items, {items[h.item]["name"] for h in holders}, {"Organization"})
        if topic is None or not items[topic]["name"] or not items[back]["name"] \
                or items[topic]["name"].split()[0] == items[back]["name"].split()[0] \
                or not self.onto.fits(items[topic]["cls"], rel.range):
            return back
        sent, key = subj.sent, items[topic]["name"].split()[0]
        for it in items:
            if not (it["name"] and it["name"].split()[0] == key and sent.start <= it["start"] < sent.end):
                continue
            # (the object of a verb, or a part of one: "gave Brindle access", "owns 6 percent of Kimberley",
            # "buys older Obsidia tools")
            t = self._root_of(doc, it)
            while t.dep_ in {"compound", "poss", "nmod", "amod"} or (t.dep_ == "pobj" and t.head.lower_ == "of"):
                t = t.head.head if t.dep_ == "pobj" else t.head
            if t.dep_ in {"dobj", "dative"}:
                return topic
        return back

    def _holds_the_job(self, org: dict[str, Any], trig: Any) -> bool:
        """Whether the organisation ``org`` may hold the job of the role ``trig``: a government body only a
        government's job (lexicon ``government_jobs``), a firm never one."""
        return self.onto.is_a(org["cls"], "Organization") and (
            trig.words[-1] in self.speaking_jobs  # (a spokesman speaks for either)
            or self.onto.is_a(org["cls"], "GovernmentBody") == (trig.words[-1] in self.government_jobs))

    def _reported_subject(self, doc: Doc, holders: list[Any], by_token: dict[int, int],
                          items: list[dict[str, Any]], rel: Any) -> int | None:
        """"Chief executive Sophie Marchal said Sarcelle would launch ...": the organisation a role's
        one holder reports on, as the subject of what the holder says (the relation's object may be it;
        the caller takes it over the sentence before's subject where the text names it more often)."""
        subj = next((doc[h.token] for h in holders if doc[h.token].dep_ == "nsubj"), None)
        if subj is None or subj.head.lemma_.lower() not in self.reporting:
            return None
        for clause in (c for c in subj.head.children if c.dep_ == "ccomp"):
            # (or a name the tagger took for an adverb before the clause's verb: "said Dinely/RB had stopped")
            for subj in [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}] or [
                    c for c in clause.children if c.dep_ in {"advmod", "npadvmod"} and c.i < clause.i
                    and c.i in by_token and c.pos_ != "PRON"]:
                n = by_token.get(subj.i)
                if n is None:  # (or the firm named whose the subject is: "said Zeewolf's order book had reached")
                    n = next((by_token[c.i] for c in subj.children if c.dep_ == "poss" and c.i in by_token
                              and c.pos_ == "PROPN"), None)
                # (or a description of the firm the text spoke of: "Chief executive X said the company
                # would", the firm the holder speaks for; no pronoun, which may be anyone's)
                if n is not None and (items[n]["via"] in {"", "gazetteer"} or (
                        items[n]["via"] == "coref" and subj.pos_ == "NOUN")) \
                        and self.onto.fits(items[n]["cls"], rel.range):
                    return n
        return None

    @staticmethod
    def _named_more(items: list[dict[str, Any]], a: int, b: int, end: int) -> bool:
        """Whether the text names item ``a``'s entity more often than ``b``'s before token ``end``."""
        def count(n: int) -> int:
            return sum(1 for it in items if it["start"] < end and it["name"] == items[n]["name"])
        return count(a) > count(b)

    def _topic(self, tok: Token, items: list[dict[str, Any]], held: set[str], classes: set[str],
               bodies: bool = False) -> int | None:
        """Whom the text is about before ``tok``, of the one top class in ``classes``: the name named most
        often so far (the first named on a tie, as a story names its subject first), no name in
        ``held`` and no government body unless those held are (``bodies``): "Tidegate bid for BCT.
        Rival Eurodock had also bid": Tidegate's rival."""
        # (a name and its short form count as one: "Canavial Energia" ... "Canavial"; the nearest
        # mention stands for them)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        held_keys = {h.split()[0] for h in held}
        # (not a firm the rest of the rival's sentence names: whom the rival deals with there, "Rival Kesto
        # said it had no deal with Orlan", "Rival investor Kesto had held talks about investing in Veda"; but
        # the one it competes with there is the topic: "Rival Kesto, which competes with Orlan in Peru")
        doc = tok.doc
        words = self._rivalry_words
        held_keys |= {it["name"].split()[0] for it in items if it["name"] and it["via"] in {"", "gazetteer"}
                      and tok.i < it["start"] < tok.sent.end and not any(
                          a.lemma_.lower() in words for a in self._root_of(doc, it).ancestors)}
        for n, it in enumerate(items):
            key = it["name"].split()[0] if it["name"] else ""
            if it["start"] >= tok.i or it["via"] == "demonym" or key in held_keys \
                    or {self._top_class(it["cls"])} != classes:
                continue
            # (names only: a description or a pronoun the coreference gave it is no more evidence of the topic,
            # and may be another's: "Hallvard ordered ships from Seoryeon, the largest order the shipbuilder")
            counts[key] = counts.get(key, 0) + (it["via"] != "coref")
            first.setdefault(key, n)
            if it["via"] != "coref":
                last[key] = n
        named = [(counts[key], -first[key], n) for key, n in last.items()
                 if bodies or not self.onto.is_a(items[n]["cls"], "GovernmentBody")]
        return max(named)[2] if named else None

    def _clause_rivals(self, anchors: list[Any], holders: list[Any], items: list[dict[str, Any]],
                       bodies: bool, role: Token) -> list[Any]:
        """Of the ``anchors`` a clause's subject gives a rival role ("Hollweg agreed to buy rival Aarestrup"),
        those it is the rival of: not a holder itself, no government body unless the holders are
        (``bodies``), and no person where the holders are organisations ("Laura Benton, who left to join
        rival Nexcell", "chief Ana Ruiz joins rival X": the rival of the firm the text is about; but "joined X
        as a partner" is the person's role)."""
        named = self._apposed_description(role)
        if named is not None and named.dep_ != "dobj":
            # "joined in March from Pallidor, a rival social app", "urged the agency to look at Vizinho, a
            # rival app": a name apposed to the role and set in a preposition is no rival of whoever acts
            # (but "Hollweg agreed to buy Aarestrup, a rival insurer" is Hollweg's)
            return []
        if self._left_for(role) or self._backs(role):
            return []
        held = {h.item for h in holders}
        firms = all(self.onto.is_a(items[h.item]["cls"], "Organization") for h in holders) \
            and not (role.dep_ == "pobj" and role.head.lower_ == "as")
        return [a for a in anchors if a.item not in held
                and (bodies or not self.onto.is_a(items[a.item]["cls"], "GovernmentBody"))
                and not (firms and self.onto.is_a(items[a.item]["cls"], "Person"))]

    def _speakers_firm(self, role: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The organisation whose officer says what a rival role is in: the firm named in the title of the
        subject of the verb of saying the role's clause hangs on ("Kernwerk chief executive Jonas Ebner said
        the rules would favour rivals such as X": Kernwerk's rivals)."""
        verb = next((v for v in role.ancestors if v.pos_ in {"VERB", "AUX"} and v.lemma_.lower() in self.reporting),
                    None)
        out: list[Token] = []
        for s in (c for c in verb.children if c.dep_ == "nsubj") if verb is not None else ():
            if s.i not in by_token:
                continue
            # (a person's firm written in the title before the name; not a firm the person is an analyst at,
            # nor a firm that speaks itself, which may speak of another's rivals: "parent company X said")
            if items[by_token[s.i]]["cls"] == "Person":
                out += [t for t in s.subtree if t.i < s.i and t.i in by_token and by_token[t.i] != by_token[s.i]
                        and items[by_token[t.i]]["start"] == t.i and t.dep_ in {"compound", "nmod", "poss", "amod"}
                        and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")]
        return out

    def _backs(self, role: Token) -> bool:
        """Whether the rival role is the object of a verb of backing ("Orlan, which backs rival operator
        Tamsa,"; a one-word trigger of kg:investsIn): whoever backs the rival is its investor, and the rival
        is the rival of the firm the text is about."""
        noun = role
        while noun.dep_ in {"compound", "amod", "nmod"} and noun.head.i != noun.i:
            noun = noun.head
        return noun.dep_ == "dobj" and noun.head.pos_ == "VERB" \
            and noun.head.lemma_.lower() in self._one_word_triggers("investsIn")

    def _left_for(self, role: Token) -> bool:
        """Whether a rival role names where a customer takes its business ("moving its listings to rival
        Brava", "move their business to smaller rivals such as Brava", "switch to rival Brava's app"): the
        role, or the name it describes, set after "to" on a verb of leaving for another (lexicon
        ``leaving_for_verbs``), or the infinitive the parser may read there; whoever acts there is the
        rival's customer, not its rival."""
        leaving = self.onto.words("relations", "leaving_for_verbs")
        if role.dep_ in {"advcl", "xcomp"} and role.head.lemma_.lower() in leaving \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in role.children):
            return True  # ("moving its listings to rival/VB Brava": the parser read an infinitive)
        noun = role
        while noun.dep_ in {"compound", "amod", "nmod", "poss", "appos"} and noun.head.i != noun.i:
            noun = noun.head
        prep = noun.head
        return noun.dep_ == "pobj" and prep.lower_ == "to" and prep.head.lemma_.lower() in leaving

    def _reporter(self, doc: Doc, holders: list[Any]) -> list[tuple[Token, str]]:
        """The subject of the verb of saying whose clause a role's holder is the subject of ("Hansa
        Telekom said Finnish supplier Nordtel would ...": Hansa Telekom), as an anchor."""
        for h in holders:
            subj = doc[h.token]
            if subj.dep_ not in {"nsubj", "nsubjpass"} or subj.head.dep_ != "ccomp" \
                    or subj.head.head.lemma_.lower() not in self.reporting:
                continue
            return [(c, "anchor") for c in subj.head.head.children if c.dep_ == "nsubj"]
        return []
