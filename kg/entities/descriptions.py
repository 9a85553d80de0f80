"""What the text calls a name: a person (a job only people hold, "who", an age), a government body
("Ofcom, the media regulator", "transport agency Semovi"), a place ("a town", a site's name), an
organisation that is no business ("consumer group Choice"). The predicates step 2 of
:class:`~kg.entities.component.KGEntities` (:mod:`kg.entities.classes`) decides classes by.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import IS_LOWER, LOWER
from spacy.tokens import Doc, Token

from ..syntax import before_region_seat, first_conjunct, possessive
from .context import DESCRIBING as _DESCRIBING
from .context import aged as _aged
from .context import apposed_after as _apposed_after
from .context import listed_under as _listed_under
from .context import second_apposition as _second_apposition
from .context import who_clause as _who_clause

__all__ = ["Descriptions"]


class Descriptions:
    """Mixin of :class:`~kg.entities.component.KGEntities`: what the text calls a name."""

    def _described_as_organisation(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether the lower-case description written right before the name, or apposed to it, ends in
        one of the lexicon's ``organisation_descriptions`` (its last word or last two)."""
        def said(noun: Token) -> bool:
            words = [t.lower_ for t in noun.children if t.dep_ in {"compound", "amod"} and t.i < noun.i][-1:] \
                + [noun.lower_]
            return noun.is_lower and (noun.lower_ in self.organisation_descriptions
                                      or " ".join(words) in self.organisation_descriptions)

        root = self._root_of(doc, it)
        before = doc[it["start"] - 1] if it["start"] > 0 else None
        if before is not None and before.pos_ == "NOUN" and before.head.i == root.i and said(before):
            return True
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        if root.dep_ == "appos" and root.head.i < root.i:
            nouns.append(root.head)
        return any(said(n) for n in nouns)

    def _org_only_job(self, job: Token) -> bool:
        """Whether ``job`` (with its modifiers) is a job only an organisation gives: "chief executive"."""
        words = [t.lower_ for t in job.children if t.dep_ in {"amod", "compound"} and t.i < job.i] + [job.lower_]
        return job.is_lower and (" ".join(words) in self.org_only_roles or job.lower_ in self.org_only_roles)

    def _org_only_job_after(self, doc: Doc, end: int) -> bool:
        """Whether a possessive at token ``end`` is followed by a job only an organisation gives, up to
        three words ("'s chief executive"), read off the surface."""
        if end + 1 >= len(doc) or doc[end].tag_ != "POS":
            return False
        k = end + 1
        while k < len(doc) and k - end <= 3 and doc[k].lower_ in self.person_roles_words:
            k += 1
        return k > end + 1 and doc[end + 1:k].text.lower() in self.org_only_roles

    def _in_place_position(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether a mention stands where a place does: after "in", "at", "from", "near", "across" or
        "to", or right after a comma that follows a name ("Austin, Texas")."""
        root = self._root_of(doc, it)
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "at", "from", "near", "across", "to", "outside"}:
            return True
        return it["start"] >= 2 and doc[it["start"] - 1].text == "," and doc[it["start"] - 2].pos_ == "PROPN"

    def _where_a_place_stands(self, doc: Doc, it: dict[str, Any], surnames: frozenset[str]) -> bool:
        """"customers across the Kestrels", "a project near Tarrowby", "a depot in Ostrevik", "a baker who
        lives in Villamora": a name without a firm's word, after a preposition only places follow (lexicon
        ``place_only_prepositions``), or after "in" on a word that says where, not what one holds or reads
        (not "a stake in", "shares in", "invested $5 million in", "a report in": kg:investsIn's words and lexicon
        ``not_place_holders``; a name without "the"), is a place's, whatever firm or person the NER took it for
        (a product only after the first: "in Lumios" is in the product)."""
        own = self._root_of(doc, it)
        root = first_conjunct(own)
        end = it["end"]
        if root is not own and it["cls"] == "Person" and end < len(doc) and doc[end].pos_ in {"VERB", "AUX"}:
            return False  # ("lives in Halden and Dana Crill lives in Ostby": a clause's subject the parser joined)
        if root.dep_ != "pobj" or self._firm_named(it["name"]) or it["name"] in surnames \
                or not all(t.pos_ == "PROPN" or t.is_punct or t.lower_ in self.name_particles
                           for t in doc[it["start"]:it["end"]]):
            return False
        prep, holder = root.head, root.head.head
        if prep.lower_ in self.place_only_preps:
            return holder.lower_ != "from"  # (not "buyers from outside the Union": a body's)
        if prep.lower_ != "in" or it["cls"] == "Product" or (it["start"] > 0 and doc[it["start"] - 1].lower_ == "the"):
            return False  # (nor "in the Tarvo Diet", "in the Tarvo Court": a body's with the article)
        lemma = holder.lemma_.lower()
        return holder.pos_ in {"NOUN", "VERB"} and holder.is_lower and not holder.like_num \
            and lemma not in self.stake_words and lemma not in self.not_place_holders \
            and lemma not in self.investor_nouns

    def _site_named_by_place(self, doc: Doc, it: dict[str, Any]) -> bool:
        """"the Tarvik shipyard", "at Orlan plant", "its new Kelbay terminal", "the Duvra special economic zone": a
        name the NER took for a place, right before the noun of a site (lexicon ``place_named_sites``, with at most
        two lower-case words between), is where the site is."""
        root = first_conjunct(self._root_of(doc, it))
        noun = root.head
        if root.dep_ not in {"compound", "amod", "nmod"} or noun.i < it["end"] or self._firm_named(it["name"]) \
                or not (noun.is_lower and noun.pos_ == "NOUN" and noun.lemma_.lower() in self.place_named_sites):
            return False
        # (or any name before the noun of a site that a subject runs or builds, lexicon site_working_verbs:
        # "Orlan operates the Kelvor and Brisk mines", "which is building the Halden Ridge wind farm"; with a word
        # between, as "the Kelvor mill" may name its owner)
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in self.site_working_verbs \
                and any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children) \
                and any(c.dep_ == "nsubj" for c in noun.head.children) and root.i + 1 < noun.i:
            return True
        return doc[it["start"]].ent_type_ in {"GPE", "LOC"} and noun.i - it["end"] <= 2 \
            and all(t.is_lower and t.is_alpha for t in doc[it["end"]:noun.i])

    def _firm_like(self, doc: Doc, it: dict[str, Any], surnames: frozenset[str], items: list[dict[str, Any]]) -> bool:
        """Whether a mention says the name is a firm's: it acts as one, is described as one, or a person's job
        follows it ("Kelvor chief executive Ana Holm", "Kelvor's chief executive")."""
        end = it["end"]
        return self._acts(doc, it, self.firm_verbs) or (  # (not the site's own noun: "the Tarvik shipyard")
            not self._site_named_by_place(doc, it) and self._org_context(doc, it, surnames, items)) \
            or (end < len(doc) and doc[end].lower_ in self.person_roles_words) or self._org_only_job_after(doc, end)

    def _of_a_country(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]]) -> bool:
        """"40 jets from Nordvik of Sweden", "Ferrante Steel of Brazil": a name the NER took for a place,
        then "of" and a country the gazetteer knows, is a firm's said with its home (not "the Eastern
        Province of Saudi Arabia", "the Gulf of Finland": a place's name with "the" or a place word)."""
        end = it["end"]
        if it["cls"] != "Place" or end + 1 >= len(doc) or doc[end].lower_ != "of" \
                or (it["start"] > 0 and doc[it["start"] - 1].lower_ == "the") \
                or any(w in self.place_heads for w in it["name"].split()):
            return False
        after = end + 2 if doc[end + 1].lower_ == "the" else end + 1
        # (nor a city written with "of" before "-based": "a Port of Spain-based producer")
        return any(o["start"] == after and o["cls"] == "Country" and o["via"] == "gazetteer"
                   and (o["end"] >= len(doc) or doc[o["end"]].text != "-") for o in items)

    def _a_countrys(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]]) -> bool:
        """"minority stakes in Chile's Pendra and Peru's Orvana Cloud": a name right
        after a country's possessive (one the gazetteer knows) is a firm said with its home, or the
        state's body; not a product, which is its maker's. (Not one before a kind of product: "Thailand's
        Vessa network", a state-run system.)"""
        start, end = it["start"], it["end"]
        if start < 2 or doc[start - 1].tag_ != "POS" or (end < len(doc) and doc[end].is_lower and (
                doc[end].lemma_.lower() in self.product_nouns or doc[end].lower_ in self.product_nouns)):
            return False
        return any(o["end"] == start - 1 and o["cls"] == "Country" and o["via"] == "gazetteer"
                   and o["end"] - o["start"] >= 1 and doc[o["start"]].pos_ == "PROPN" for o in items)

    def _a_countrys_unlike_a_person(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]],
                                    surnames: frozenset[str]) -> bool:
        """A name of two words or more right after a country's possessive (:meth:`_a_countrys`) that nothing
        says is a person's: no mention of its last word alone ("Britain's Ada Penrose ... Penrose said"),
        no "who" or job apposed to it (:meth:`_called_a_person`), and no work of its own in quotation marks
        after it, as a contest's entrants are listed ("following Malta's Ada Penrose with "Blue Rain"")."""
        words, end = it["name"].split(), it["end"]
        if len(words) < 2 or any(o["name"] == words[-1] for o in items) or (
                end + 1 < len(doc) and doc[end].lower_ == "with" and doc[end + 1].is_quote):
            return False
        return self._a_countrys(doc, it, items) and not any(
            o["name"] == it["name"] and self._called_a_person(doc, o, surnames) for o in items)

    def _apposed_firm_noun(self, doc: Doc, it: dict[str, Any]) -> bool:
        """"Vilmora, an Estonian rival of Kestwick", "Travelo, the main rival of Brisko": an apposition after the
        name to a noun only organisations are called (not a kind of product too: "a rival app"), which
        says the name is one, whatever the NER took it for (a product's)."""
        root = self._root_of(doc, it)
        nouns = [c for c in root.children if c.dep_ == "appos" and c.i > root.i]
        nouns += [n for n in [_apposed_after(doc, it)] if n is not None]  # (hung on a word before the name)
        return any(n.is_lower and n.lemma_.lower() in self.org_nouns and n.lemma_.lower() not in self.product_nouns
                   and not _aged(n) for n in nouns)

    def _bought_outright(self, doc: Doc, it: dict[str, Any]) -> bool:
        """"Harrow Foods bought Pellum", "its takeover of Sondri", "Sondri, bought by Kestwick": what is
        bought or taken over, written with no article or owner before it (not "buying its Kestrel drones", "buys the
        Tessera": a product a buyer's or one of a line), is a firm, whatever the rest of the text calls it."""
        start = it["start"]
        if start > 0 and (doc[start - 1].dep_ in {"det", "poss"} or doc[start - 1].tag_ == "POS"):
            return False
        root = first_conjunct(self._root_of(doc, it))
        verbs = [root.head] if root.dep_ in {"dobj", "nsubjpass"} else []
        verbs += [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  and any(a.dep_ == "agent" for a in c.children)]
        if any(v.pos_ == "VERB" and (v.lemma_.lower() in self.org_buying_verbs or self._buys_with_particle(v))
               and (v.tag_ == "VBN") == (v.i != root.head.i or root.dep_ == "nsubjpass") and self._firm_buys(v)
               for v in verbs):
            return True
        return self._taken_over_of(root)  # ("its takeover of Sondri")

    def _buys_with_particle(self, verb: Token) -> bool:
        """A verb of buying an organisation written with its particle ("took over Vendrik", "snapped up
        Lydo"; kg:acquires' triggers of two words)."""
        return any(c.dep_ == "prt" and f"{verb.lemma_.lower()} {c.lower_}" in self.org_buying_phrasals
                   for c in verb.children)

    def _taken_over_of(self, root: Token) -> bool:
        """Whether ``root`` is what a noun of buying or merging an organisation is "of" ("its takeover of
        Quennel Ads", lexicon ``org_object_verbs``)."""
        return root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" \
            and root.head.head.lemma_.lower() in self.org_object_verbs

    def _firm_buys(self, verb: Token) -> bool:
        """Whether the buyer of ``verb`` (its subject, or its agent) is an organisation the text names or
        calls one ("Orlan bought", "acquired by the group"; not "customers can buy Tessivo", a product)."""
        buyers = [g for g in verb.children if g.dep_ == "nsubj"] + [
            g for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"]
        # ("it took over Vendrik": a thing, no person, buys)
        return any(g.i in self._org_at or (g.is_lower and g.lemma_.lower() in self.org_nouns) or g.lower_ == "it"
                   for g in buyers)

    def _a_person_described(self, noun: Token) -> bool:
        """Whether ``noun`` describes a person with "a" or "an": a job or a description only people have
        (lexicon ``person_titles``, the roles of kg:worksFor: "a farmer", "a nurse"), or an age ("a
        40-year-old taxi driver")."""
        return noun.is_lower and noun.pos_ == "NOUN" and any(
            c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children) and (
            noun.lemma_.lower() in self.person_only_jobs or noun.lemma_.lower() in self.person_titles or _aged(noun))

    def _firm_named(self, name: str) -> bool:
        """Whether a name holds a word of firms' or organisations' names ("Thessaly Bulk", "Harbor
        Ventures"), or opens with a word firms' names open with ("Gruppo Varenna"): no person's name, whatever
        job is written before it ("Greek owner Thessaly Bulk")."""
        words = name.split()
        return any(w in self.firm_heads or w in self.company_heads or w in self.org_heads for w in words) \
            or (len(words) > 1 and words[0] in self.firm_openers)

    def _after_person_title(self, doc: Doc, start: int) -> bool:
        """Whether token ``start`` follows a person's job title or description ("chief executive X",
        "actress X", "Lt. X"; a capitalised word only where it opens the sentence: "Economist X said")."""
        before = doc[start - 1]
        if before.text == "." and start >= 2 and not doc[start - 2].whitespace_:
            return doc[start - 2].text in self.title_abbreviations  # "Coast Guard Lt. Sam Otto"
        if before.text.endswith(".") and before.text[:-1] in self.title_abbreviations:
            return True  # (the title and its period one token, as the tokenizer keeps them: "Lt.")
        if before.lower_ in self.product_nouns and any(
                c.dep_ in {"compound", "amod"} and c.lemma_.lower() in self.product_nouns for c in before.children):
            return False  # "the vaccine candidate X"
        return before.lower_ in self.person_words \
            and before.pos_ in {"NOUN", "PROPN"} \
            and (before.is_lower or before.text.isupper() or before.is_sent_start)

    def _called_a_person(self, doc: Doc, it: dict[str, Any], surnames: frozenset[str] = frozenset()) -> bool:
        """A name of two or more words (not a firm's: "Harbor Ventures"), or the surname of a person
        the text names in full, followed by "who" or apposed to a job title or to a noun "who" follows
        ("Gemma Arkwright, who", "Gemma Arkwright, Veltro's finance director", "Garnier, a French
        national who lives in Dubai"); a lone name with "who" right after it ("Harlow, who now lives
        in Tucson") or with what only a person is said to be or do (below), since a lone surname
        apposed to any job is as often a firm's. Any name whose kin the text names ("Brenn's wife",
        "his son, Aldo"), who was born somewhere, or whom one murders or kidnaps, is a person."""
        words = it["name"].split()
        if self._firm_named(it["name"]):
            return False
        lone = len(words) < 2 and not (words and words[0] in surnames)
        root = self._root_of(doc, it)
        # "Brenn's wife", "his son, Aldo", "Aldo, his son": kin only people have (not "Acme's parent",
        # nor "its sister company": the kin noun must be the one possessed or apposed; after the name,
        # only someone's: the parser also hangs "the daughter of X" on a place before it)
        kin = self.kin_nouns
        if (root.dep_ == "poss" and root.head.lemma_.lower() in kin) \
                or (root.dep_ == "appos" and root.head.is_lower and root.head.lemma_.lower() in kin):
            return True
        # (or whose kin it is said: "Agnes Farrow, the daughter of a Kansas farmer,"; not where a place stands,
        # which the parser apposes it to as well: "born in Jamestown, N.Y., the daughter of an electrician")
        for c in root.children:
            if c.dep_ == "appos" and c.is_lower and c.lemma_.lower() in kin and any(
                    g.dep_ == "poss" or (g.dep_ == "prep" and g.lower_ == "of" and not self._in_place_position(doc, it))
                    for g in c.children):
                return True
        # "Keller was kidnapped", "the torture and murder of Keller", "Keller's kidnapping": whom one kills
        # or seizes (lexicon harming_verbs, harm_nouns); "Marsh shot Dalton", "by killing Dalton": whom
        # someone kills (killing_verbs)
        verb = root.head
        if root.dep_ in {"dobj", "nsubjpass"} and verb.pos_ == "VERB" and (
                verb.lemma_.lower() in self.harming_verbs or (
                    root.dep_ == "dobj" and verb.lemma_.lower() in self.killing_verbs
                    and self._someones_act(verb))):
            return True
        if root.dep_ in {"pobj", "poss"}:
            noun = verb if root.dep_ == "poss" else verb.head if verb.lower_ == "of" else None
            if noun is not None and noun.is_lower and any(
                    n.lemma_.lower() in self.harm_nouns for n in (noun, *noun.conjuncts)):
                return True
        # "Velda Marsh was born in Quarrytown": who was born somewhere
        if root.dep_ == "nsubjpass" and root.head.lower_ == "born" and any(
                p.dep_ == "prep" and p.lower_ == "in" for p in root.head.children):
            return True
        # "Kira Vance was born Kira Lomax": the name one was born under (the participle's object) is a person's
        if root.dep_ in {"dobj", "oprd", "attr"} and root.head.lower_ == "born" and root.head.tag_ in {"VBN", "VBD"} \
                and root.i > root.head.i:
            return True
        # "Okafor is the chief financial officer of Lumio", "Okoro is Latin America correspondent for":
        # the subject of a copula whose attribute is a job only people hold
        if root.dep_ in {"nsubj", "nsubjpass"} and root.head.lemma_ == "be" and any(
                a.dep_ == "attr" and a.is_lower and a.lemma_.lower() in self.person_only_jobs
                for a in root.head.children):
            return True
        # (and "Its managing director is Clare Holt": the attribute of a copula whose subject is such a job)
        if root.dep_ == "attr" and root.head.lemma_ == "be" and any(
                a.dep_ == "nsubj" and a.is_lower and a.lemma_.lower() in self.person_only_jobs
                for a in root.head.children):
            return True
        # "has hired Maria Lopez as its chief financial officer", "named X as chief executive": who is
        # taken on as what only people are
        if root.dep_ in {"dobj", "nsubjpass"} and root.head.pos_ == "VERB" and any(
                p.dep_ == "prep" and p.lower_ == "as" and g.dep_ == "pobj" and g.is_lower
                and g.lemma_.lower() in self.person_only_jobs and g.lemma_.lower() not in self.firm_jobs
                for p in root.head.children for g in p.children):
            return True
        # (or with no "as": "has named Karen Holt chief executive")
        if root.dep_ == "dobj" and root.head.pos_ == "VERB" and any(
                o.dep_ == "oprd" and o.is_lower and o.i > root.i and o.lemma_.lower() in self.person_only_jobs
                and o.lemma_.lower() not in self.firm_jobs for o in root.head.children):
            return True
        # "Its chief executive, Thabo Nkosi,": a name apposed to a job only people hold; "has named Karen
        # Holt chief executive": the name the parser hung on such a job its namer gave
        head = root.head
        if not lone and head.i != root.i and head.is_lower and head.lemma_.lower() in self.person_only_jobs \
                and (root.dep_ == "appos" or (root.dep_ in {"compound", "nmod"} and head.dep_ == "oprd"
                                              and root.i < head.i)):
            return True
        # "Keller, a lawyer for the family", "Quinlan, 45,", "Marlow lives in Leeds": a lone name apposed
        # to a job only people hold (not one firms are called too: "Halbrook, the adviser", "Atlas, the
        # manager of the fund"; nor someone else's job the parser hung on it: "Acme, whose chief
        # executive, X, said") or to a noun "who" follows ("Dorn, a clerk who kept the books"), given an
        # age, or living somewhere
        if lone and (root.dep_ == "nsubj" and root.head.lemma_.lower() == "live"
                     and any(p.dep_ == "prep" and p.lower_ == "in" for p in root.head.children)):
            return True
        # ("Vance, of the Harbor Merchants Guild, said": a lone name "of" an organisation between
        # commas, as wire copy names someone's employer; not a place: "Dentrix, of Denver" is a firm's seat)
        end = it["end"]
        if lone and end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ == "of" \
                and doc[end + 1].head.i == root.i and any(
                    g.dep_ == "pobj" and g.ent_type_ == "ORG" and g.i + 1 < len(doc) and doc[g.i + 1].text == ","
                    for g in doc[end + 1].children):
            return True
        if lone and any(c.dep_ == "appos" and c.i > root.i and (
                (c.is_lower and c.lemma_.lower() in self.person_only_jobs
                 and c.lemma_.lower() not in self.firm_jobs
                 and not any(g.dep_ == "poss" for g in c.children))
                or (c.is_lower and any(_who_clause(g) for g in c.children))
                or (c.like_num and c.text.isdigit() and 0 < int(c.text) < 120 and not (c.n_lefts or c.n_rights)))
                for c in root.children):
            return True
        for c in root.children:
            if c.i < it["end"]:
                continue
            # (not "a shopkeeper from Lahore who sells phones": a "who" with no comma after the object of
            # a preposition is the noun's before it, where the parser hung it on the name)
            if _who_clause(c) and not (root.dep_ == "pobj" and it["end"] < len(doc)
                                       and doc[it["end"]].lower_ in {"who", "whom"}):
                return True
            # ("the market leader": a job firms are said to hold too, with a noun before it, is a firm's;
            # "Ostrava Retailing, the owner of Zento": so is a role organisations hold too, apposed to a name
            # the NER took for an organisation's)
            if not lone and c.dep_ == "appos" and c.is_lower and (
                    (c.lower_ in self.person_words and (c.lemma_.lower() in self.person_only_jobs
                                                        or not any(g.dep_ == "compound" for g in c.children))
                     and not (c.lemma_.lower() in self.org_role_words and doc[it["start"]].ent_type_ == "ORG"))
                    or any(_who_clause(g) for g in c.children) or _aged(c)):
                return True
        return False

    @staticmethod
    def _someones_act(verb: Token) -> bool:
        """Whether a person does ``verb``: its subject a name the NER took for a person or a personal
        pronoun, or a participle with no subject ("shooting Dalton")."""
        subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not subjects:
            return verb.tag_ == "VBG"
        return all(s.ent_type_ == "PERSON" or s.lower_ in {"he", "she", "i", "we"} for s in subjects)

    def _called_a_body(self, doc: Doc, it: dict[str, Any]) -> bool:
        """A name in apposition with a lower-case noun for a government body, either way round, or
        right after a title only a body bears (lexicon ``body_titles``: "Brazil's telecom regulator
        Anatel", "watchdog BTK")."""
        root = self._root_of(doc, it)
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "appos":
            nouns.append(root.head)
        before = doc[it["start"] - 1] if it["start"] else None
        if before is not None and before.is_lower and before.lemma_.lower() in self.body_titles:
            return True  # (not "news agency Reuters": a title only a body bears)
        # "Mexico City's transport agency Semovi", "Brazil's development bank BNDES": an agency of a kind
        # no business is, a state's kind of bank
        if before is not None and before.is_lower and before.pos_ == "NOUN" and self._body_kind(before):
            return True
        if any(n.is_lower and n.i not in range(it["start"], it["end"]) and n.lemma_.lower() == "bank"
               and self._body_kind(n) for n in nouns):
            return True  # "the BCEAO, the regional central bank"
        # (not "Orlan Vesk, the head of the Harbour Office, the agency that runs the docks": the office is the
        # agency, which the parser hangs on the name too)
        return any(n.is_lower and n.lemma_.lower() in self.body_nouns and n.i not in range(it["start"], it["end"])
                   and not (n.head.i == root.i and _second_apposition(n, self.person_roles))
                   and n.tag_ != "NNS"  # (not "the commissions Dashly charges": fees)
                   and not any(t.like_num for t in n.subtree if t.i < n.i)  # (nor "pays X a 1.5% commission")
                   and not any(c.dep_ in {"compound", "amod"} and c.lemma_.lower() in self.business_bodies
                               for c in n.children)  # (not "an online travel agency")
                   for n in nouns)

    def _body_kind(self, noun: Token) -> bool:
        """Whether ``noun`` with the words before it is a kind of government body: an agency of a kind no
        business is ("transport agency"; not "news agency", lexicon ``business_bodies``), or a state's kind of
        bank ("central bank", "development bank", "state investment bank")."""
        mods = [c.lemma_.lower() for c in noun.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < noun.i]
        if noun.lemma_.lower() == "agency":
            return bool(mods) and not any(m in self.business_bodies for m in mods)
        return noun.lemma_.lower() == "bank" and any(m in {"central", "development", "state"} for m in mods)

    def _lower_words(self, doc: Doc) -> set[str]:
        """The words ``doc`` writes in lower case, read once a document (from its arrays), not once a name:
        the set is kept with the Doc it is of, until :meth:`_correct_classes` starts on another."""
        cached = getattr(self, "_lower_words_of", None)
        if cached is None or cached[0] is not doc:
            strings = doc.vocab.strings
            rows = doc.to_array([IS_LOWER, LOWER]).reshape(-1, 2).tolist()
            cached = self._lower_words_of = (doc, {strings[low] for is_lower, low in rows if is_lower})
        return cached[1]

    def _seat_before_trade(self, doc: Doc, it: dict[str, Any], starts: set[int]) -> bool:
        """A name the NER took for an organisation or a person, written before a firm's trade that names
        another right after it ("Noida software house Finserv Grid", "Porto Alegre cooperative
        Cotriverde", "Gulf investor Dune Crest Capital" is a role, not a trade): where that firm is."""
        if doc[it["start"]].ent_type_ not in {"ORG", "PERSON"} or not all(  # ("Mallorca/JJ hotel group")
                t.pos_ == "PROPN" or (t.pos_ == "ADJ" and t.is_title) for t in doc[it["start"]:it["end"]]):
            return False
        if it["end"] - it["start"] == 1 and doc[it["start"]].is_sent_start:
            # ("Telecom operator Pampa Movil", "Remittance firm Quetzal": a capitalised word of a trade,
            # or one the text also writes in lower case, opening the sentence)
            word = doc[it["start"]].lower_
            if word in self.firm_name_words_lower or word in self._lower_words(doc):
                return False
        end = j = it["end"]
        while j < len(doc) and j - end < 4 and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ in {"NOUN", "ADJ"}:
            j += 1
        return end < j < len(doc) and j in starts and doc[j - 1].pos_ == "NOUN" \
            and doc[j - 1].lemma_.lower() in self.trade_descriptions

    def _before_its_region(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]]) -> bool:
        """"the site in Mesa Verde, Kentucky", "an office in Kirkbrae, Scotland,": a name where a place
        stands, then a comma and a state or country the gazetteer knows that ends the phrase, is a town
        of it (not "invested in Kelvor, Germany's largest maker": a possessive goes on; nor a name with a
        firm's word)."""
        end = it["end"]
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False  # (asked of every name: the comma after it first, its span's root only then)
        root = self._root_of(doc, it)
        if root.dep_ != "pobj" or root.head.lower_ not in {"in", "at", "near", "outside"} \
                or self._firm_named(it["name"]):
            return False
        region = next((o for o in items if o["start"] == end + 1 and o["via"] == "gazetteer"
                       and o["cls"] in {"Place", "Country"}), None)
        return region is not None and (region["end"] >= len(doc) or doc[region["end"]].text in {",", ".", ";", ")"})

    def _home_before_kind(self, doc: Doc, it: dict[str, Any]) -> bool:
        """"Orlan Pantry, a Tarvik company whose ...", "the Tarvik start-up", "a Tarvik native": a name between
        "a" or "the" and a lower-case noun of a firm's or a person's kind (lexicon ``home_kinds``; at most one
        lower-case word between, "a Tarvik software company") is where the firm or the person is from (not a
        name with a firm's word; nor one before a name, "Tarvik cooperative Orlan", which
        :meth:`_seat_before_trade` reads)."""
        start, end = it["start"], it["end"]
        if start == 0 or doc[start - 1].lower_ not in {"a", "an", "the"} or self._firm_named(it["name"]):
            return False
        k = end
        if k < len(doc) and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ in {"NOUN", "ADJ"} \
                and doc[k].lower_ not in self.home_kinds:
            k += 1
        return k < len(doc) and doc[k].is_lower and doc[k].lower_ in self.home_kinds and doc[k].pos_ == "NOUN" \
            and not (k + 1 < len(doc) and doc[k + 1].pos_ == "PROPN")

    def _called_a_place(self, doc: Doc, it: dict[str, Any]) -> bool:
        """The subject of "is a city", or a name with "a town" in apposition (lexicon ``place_nouns``);
        or the name of an owner's site ("its Quebrada Honda mine", "Kavelle's Tangier plant": with the
        owner said, the name before the site's noun is its place, not "the Kessaro plant"'s owner)."""
        root = self._root_of(doc, it)
        if self._owned_site(doc, it, root) is not None:
            return True
        if _listed_under(root, self.place_nouns):
            return True  # "200 more cities, including Manaus and Belem"
        # "its Tarvo Norte offshore field": the same read off the surface, where the parser broke the phrase
        # (the owner right before the name, at most one lower-case word before the site's noun)
        end = it["end"]
        site = end if end < len(doc) and doc[end].lower_ in self.resource_sites else end + 1
        before = doc[it["start"] - 1] if it["start"] > 0 else None
        if before is not None and (before.lower_ in self.onto.possessive_pronouns or before.tag_ == "POS") \
                and site < len(doc) and doc[site].lower_ in self.resource_sites and doc[site].pos_ == "NOUN" \
                and all(t.is_lower and t.is_alpha for t in doc[end:site + 1]):
            return True
        # "wells in Neuquila province", "the Tarvo region of Keldria", "hearings in Kamiura prefecture": a name
        # right before a lower-case noun of a place is that place (not "capital" or "port", which firms have)
        if root.dep_ == "compound" and root.head.i == it["end"] and root.head.is_lower \
                and root.head.lower_ in self.place_kinds \
                and not (it["end"] + 1 < len(doc) and doc[it["end"] + 1].text == "-"):
            return True
        # (read off the surface where the parser hung the noun elsewhere, for a division that ends the phrase:
        # "in the Tarvo Valley of Minas Gerais state.")
        end = it["end"]
        if end + 1 < len(doc) and doc[end].is_lower and doc[end].pos_ == "NOUN" and doc[end + 1].is_punct \
                and doc[end].lower_ in self.divisions_after_names:
            return True
        # "his Fairview home": a name before where someone lives, with its owner said (on the noun, or
        # where the parser hung it, on the name)
        if root.dep_ == "compound" and root.head.is_lower and root.head.lemma_.lower() in self.home_nouns \
                and root.head.i == it["end"] and any(possessive(c) for t in (root, root.head) for c in t.children):
            return True
        # "Tarrant Mills Co. of Harwick": a lone name after "of" and a firm's name ending in its legal form is
        # where the firm is ("of" runs on in "Bank of America", with no legal form before it)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and " " not in it["name"] and it["start"] >= 2 \
                and doc[it["start"] - 1].i == root.head.i and doc[it["start"] - 2].text.rstrip(".") in self.legal_forms:
            return True
        # "Dwayne Pruitt, 34, of Broken Arrow": a name after "of" on a person given an age is the person's home
        # town, as news writes it (not a name with a firm's word: "Ana Ruiz, 41, of Harlow Industries")
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON" \
                and not self._firm_named(it["name"]) and any(
                c.dep_ in {"appos", "npadvmod", "amod"} and c.like_num for c in root.head.head.children):
            return True
        # "Orlan Steel, based in Hadleigh", "a family company from Telmar": where a firm is said to be
        # based, or where a firm the text describes is from, is a place (not a name with a firm's word:
        # "based in the Kelvor Tower" is a building's, "a spin-off from Kelvor Motors" a firm's)
        # (and "a farmer from Telmar", "a 40-year-old taxi driver from Brenmoor": where a person is from)
        first = first_conjunct(root)
        prep = first.head
        if first.dep_ == "pobj" and not self._firm_named(it["name"]) and (
                (prep.lower_ == "in" and prep.head.tag_ == "VBN" and prep.head.lower_ in self.seat_verbs)
                or (prep.lower_ == "from" and prep.head.is_lower and prep.head.lemma_.lower() in _DESCRIBING)
                or (prep.lower_ == "from" and self._a_person_described(prep.head))):
            return True
        # "a unit of Norwalk, Connecticut-based Journa Holdings": a name written with its region before
        # "-based" is a place (read off the surface)
        if before_region_seat(doc, it["end"], self.seat_verbs) is not None \
                and doc[it["end"] + 1].ent_type_ in {"GPE", "LOC"}:
            return True
        nouns = [c for c in root.children if c.dep_ == "appos"]
        if root.dep_ == "nsubj" and root.head.lemma_ == "be":
            nouns += [c for c in root.head.children if c.dep_ == "attr"]
        return any(n.lemma_.lower() in self.place_nouns and n.is_lower
                   and any(c.dep_ == "det" and c.lower_ in {"a", "an", "the"} for c in n.children) for n in nouns)
