"""The class of each mention: from its NER label and words, and the evidence of what the sentence says of it.

"HelioGrid makes the Tessera" (a product), "Japanese retailer Maruko" (an
organisation), "Logwarden acquired ..." (a company, not a place), "Voltrek chief
executive JT Calloway" (a person): the evidence step 2 of :class:`~kg.entities.component.KGEntities`
weighs (:class:`~kg.entities.corrections.Corrections`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc, Span

from ..names import canonical_name, normalize_quotes
from ..syntax import COPULAS, first_conjunct, joining_hyphen, possessive
from .context import aged as _aged
from .context import apposed_after as _apposed_after
from .context import listed_under as _listed_under
from .context import place_describing as _place_describing
from .context import names_what_is_run as _names_what_is_run
from .context import run_by_someone as _run_by_someone
from .context import second_apposition as _second_apposition
from .descriptions import Descriptions
from .products import Products
from .votes import Votes

__all__ = ["Classes"]


class Classes(Descriptions, Products, Votes):
    """Mixin of :class:`~kg.entities.component.KGEntities`: classes of mentions, by context (what
    makes a name a product: :class:`~kg.entities.products.Products`; what the text calls a name:
    :class:`~kg.entities.descriptions.Descriptions`)."""

    def _class_for(self, span: Span, label: str) -> str | None:
        text = normalize_quotes(span.text)
        words = text.split()
        last = words[-1].rstrip(".,") if words else ""
        head = span.root
        if label == "NORP" and len(span) == 1 and head.tag_ == "NNP" and head.dep_ == "nsubj" \
                and head.head.pos_ == "VERB" and text not in self.gazetteer.demonyms and not text.endswith("an"):
            # "Humboldt competes with Nordhav": a name the NER took for a people's, acting as a subject
            # (not a demonym the gazetteer knows, nor one that looks like one: "Mexican", "Kenyan")
            return "Company"
        if label == "NORP" and len(span) == 1 and head.tag_ == "NNP" and text not in self.gazetteer.demonyms \
                and head.lower_ not in self.english_words \
                and head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i and head.head.is_lower \
                and head.head.lemma_.lower() in self.org_nouns:
            # "Sahara Quill, a Tunis startup": a word the NER took for a people's, before a kind of firm, that is
            # no demonym the gazetteer knows and no English word is where the firm is, a city
            return "Place"
        if label == "NORP" or (label in {"GPE", "LOC"} and all(t.tag_ in {"JJ", "JJR", "JJS"} for t in span)):
            # demonyms are handled through the gazetteer, which knows the countries' ("Chinese"); an
            # adjective the NER took for a place ("European rivals") names no place
            # (but the short form of a firm the text names in full, where a name stands, is the firm:
            # "Meridian/JJ runs 14 hospitals" after "Meridian Health"; not "European rivals" after the
            # "European Commission")
            if label != "NORP" and text not in self.gazetteer.demonyms \
                    and head.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "poss"} and any(
                    e.label_ == "ORG" and len(e) > len(span) and e.text.split()[:len(words)] == words
                    for e in span.doc.ents):
                return "Company"
            return None
        if label in {"GPE", "LOC", "FAC", "PERSON"} and head.dep_ == "compound" and head.head.i == span.end \
                and (head.head.is_lower or head.head.is_upper) \
                and (head.head.lemma_.lower() in self.product_nouns or head.head.lower_ in self.product_nouns) \
                and head.head.lemma_.lower() not in self.org_nouns \
                and head.head.lemma_.lower() not in self.seller_sites \
                and self.gazetteer.lookup(text) is None and canonical_name(text) not in self.country_names:
            # "sells the Qiao Max/PERSON SUV", "the Solstice/GPE scanner": a name right before the kind of
            # product it names is the product (not a place the gazetteer knows: "its London store")
            return "Product"
        if label in {"GPE", "LOC", "FAC"}:
            if label == "GPE" and canonical_name(text) in self.country_names:
                return "Country"
            # "Golden Agri-Resources", "Kestrel Mining": a firm's head word ends it (not a capital's, a
            # line's or a site's: "the Federal Capital", "the Durand Line", "the Harwick Shipyard")
            head_word = last.split("-")[-1]
            if label in {"GPE", "FAC"} and len(words) > 1 and head_word in self.company_heads \
                    and head_word not in {"Capital", "Line", "Lines", "Space", "Shipyard", "Werft", "Brewery", "Power",
                                          "Steel"}:
                return "Company"
            if any(w in self.gov_heads for w in words) and label != "LOC":
                return "GovernmentBody"
            return "Place"
        if len(words) > 1 and last in self.place_heads:
            return "Place"  # "Ochoco National Forest" (ORG), "Tensas Parish" (PERSON)
        if label == "PRODUCT" and span.end < len(span.doc) and span.doc[span.end].lower_ in self.resource_sites \
                and span.doc[span.end].pos_ == "NOUN" and head.head.i == span.end:
            return "Place"  # "the offshore Eko Deep field": a resource's site, no product
        if label == "PRODUCT":
            # ("Ohio toymaker Brightwick": a name a firm's description modifies is the firm's)
            before = span.doc[span.start - 1] if span.start > 0 else None
            if before is not None and before.is_lower and before.pos_ == "NOUN" \
                    and span.start <= before.head.i < span.end \
                    and (before.lower_ in self.org_nouns or before.lower_.endswith("maker")) \
                    and before.lemma_.lower() not in self.product_nouns:
                return "Company"
            return "Company" if len(words) > 1 and last in self.firm_heads else "Product"
        if len(words) > 1 and last.lower() in self.product_heads and last[:1].isupper() \
                and not any(w in self.firm_heads for w in words) and last not in self.gov_heads:
            # "Nubra Cloud", "Vizor Pro App" (not "Kestrel Software", "Forest Service", "Ventures Platform")
            return "Product"
        if label == "PERSON":
            if last in self.company_heads or last in self.org_heads:
                return "Company" if last in self.company_heads else "Organization"
            if len(words) > 1 and words[0] in self.firm_openers:
                return "Company"  # "Gruppo Varenna", "Laboratoires Vellmont"
            return "Person"
        # ORG
        if any(w in self.gov_heads for w in words) or (self.gov_phrase is not None and self.gov_phrase.search(text)):
            return "GovernmentBody"
        if len(words) == 2 and words[0] in self.state_fields and canonical_name(words[1]) in self.country_names:
            return "GovernmentBody"  # "Health Keldria": a state's department named by its field
        if words and words[0] in {"The", "the"} and any(w in self.publication_words for w in words[1:]):
            return "Organization"
        if any(w in self.org_heads for w in words):
            return "Organization"
        if head.dep_ == "conj" and head.head.dep_ in {"compound", "nmod"} and head.head.head.i > head.i \
                and head.head.head.is_lower and head.head.head.lemma_.lower() in self.brand_nouns:
            return "Product"  # "the Cremio and Soyla brands": each name a brand's
        if head.head.i != head.i and head.dep_ == "compound" and (
                head.head.lower_ in self.product_heads or head.head.lemma_.lower() in self.product_nouns) \
                and head.head.i >= span.end and not self._maker_before_plural(head, head.head):
            return "Product"  # "the Saffrane chatbot" (not "Qingyun cars", "Belmira stores")
        site = head.head.head if head.dep_ == "pobj" and head.head.lower_ in {"in", "near", "outside"} else None
        if site is not None and site.is_lower and site.lemma_.lower() in self.owned_works | self.seller_sites \
                and last not in self.company_heads:
            return "Place"  # "Song Hong's factory in Hai Phong", "a depot in Sudair": where a works is
        if head.dep_ == "pobj" and head.head.lower_ in {"at", "in", "near", "outside", "around"} \
                and last not in self.company_heads and self._in_part_of_country(span):
            return "Place"  # "a factory outside Tangier in northern Morocco", "at Kecskemet in southern Hungary"
        return "Company"

    def _in_part_of_country(self, span: Span) -> bool:
        """Whether "in", an adjective of a part of a country or of a neighbour (lexicon ``region_adjectives``)
        and a country follow ``span`` ("Kecskemet in southern Hungary", "Johor in neighbouring Malaysia")."""
        doc, end = span.doc, span.end
        if end + 2 >= len(doc) or doc[end].lower_ != "in" or doc[end + 1].lower_ not in self.region_adjectives:
            return False
        country = next((e for e in doc.ents if e.start == end + 2), None)
        return country is not None and canonical_name(country.text) in self.country_names

    def _acts(self, doc: Doc, it: dict[str, Any], verbs: frozenset[str] | set[str] | None = None) -> bool:
        """Subject of a verb only organisations do (acquire, raise, sue, supply ...); for a name the
        model took for a person, not a verb people do as often ("Cetin said", "Okafor announced").
        For a name taken for a place, also one said to be based somewhere ("Nexari, based in Shenzhen,"
        with a verb of kg:basedIn): a place is not."""
        root = self._root_of(doc, it)
        if it["cls"] == "Place" and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in self.seat_verbs
                                        and any(p.dep_ == "prep" and p.lower_ == "in" for p in c.children)
                                        for c in root.children):
            return True
        verb = None
        if root.dep_ in {"nsubj"}:
            verb = root.head
        elif root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
        if verb is None:
            return False
        lemma = verb.lemma_.lower()
        return lemma in (self.business_verbs if verbs is None else verbs) \
            and (it["cls"] != "Person" or lemma not in self.people_verbs)

    def _named_rival(self, doc: Doc, start: int) -> bool:
        """A name right after a peer role noun of a business ("Rival X", "rival X"; not "his rival X")."""
        if start == 0:
            return False
        role = doc[start - 1]
        word = role.lower_
        if word not in self.peer_words or word in {"partner", "partners", "ally", "allies"}:
            return False
        before = doc[start - 2].lower_ if start >= 2 else ""
        return before not in {"his", "her", "their", "my", "our", "your"}

    def _employer(self, doc: Doc, it: dict[str, Any]) -> bool:
        """The object of "at" or "with" after a job only a person holds ("an analyst at Peel Hunt", "a
        lawyer with Brackwell"; lexicon ``person_only_jobs``, from the roles of kg:worksFor)."""
        root = self._root_of(doc, it)
        if root.dep_ != "pobj" or root.head.lower_ not in {"at", "with"}:
            return False
        job = root.head.head
        return job.pos_ == "NOUN" and job.is_lower and job.lemma_.lower() in self.person_only_jobs

    def _joined_or_bought(self, doc: Doc, it: dict[str, Any]) -> bool:
        """The direct object of a verb of buying a company or of joining or founding one, what a noun
        of buying one is "of" ("the takeover of Lumio", "the merger of Veltro and Lumio"), what a
        stake or shares are in, or what is bought or owned by someone named."""
        return self._held_or_taken_over(doc, it) or self._bought_joined_or_owned(doc, it)

    def _held_or_taken_over(self, doc: Doc, it: dict[str, Any]) -> bool:
        """What a stake or shares are in, or what a noun of buying or merging is "of" ("a 30% stake in
        Mavuno Inputs", "its takeover of Quennel Ads"): an organisation, even where the NER took the name,
        in full, for a person's."""
        root = first_conjunct(self._root_of(doc, it))
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "of"}:
            # "a 10 percent stake in Quillbox", "bought shares in Lumio" (the parser hangs "in" on the verb)
            prep = root.head
            owned = doc[prep.i - 1] if prep.i > 0 else prep
            if owned.lower_ in self.equity_nouns and not any(c.lower_ == "market" for c in owned.children) \
                    and (prep.head.i == owned.i or (owned.dep_ == "dobj" and owned.head.i == prep.head.i)):
                return True
        return self._taken_over_of(root)  # "its takeover of Lumio" (descriptions.py)

    def _invested_in(self, doc: Doc, it: dict[str, Any]) -> bool:
        """What one invests in, or is an investor, backer or shareholder in or of ("Halvern, an investor in Kelvor",
        "invested $5 million in Kelvor", "its investment in Kelvor"; kg:investsIn's one-word triggers and
        role nouns), or what is backed or funded ("Halvern backed Kelvor"): an organisation, for a name the
        NER took for a place that the gazetteer does not know (a place one invests in is one it knows)."""
        root = first_conjunct(self._root_of(doc, it))
        if root.dep_ == "pobj" and root.head.lower_ in {"in", "into"}:
            return root.head.head.lemma_.lower() in self.invest_words
        if root.dep_ == "pobj" and root.head.lower_ == "of":  # ("a backer of Kelvor", "a shareholder of Kelvor")
            return root.head.head.lemma_.lower() in self.investor_nouns
        return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in self.investing_verbs

    def _venture_member(self, doc: Doc, it: dict[str, Any]) -> bool:
        """What a venture or a consortium is "of" or "between" ("a joint venture of Halvern and Kelvor", "a
        consortium of Aéroports Varenne and Ostin Havalar"; lexicon [relations] ``venture_nouns``): its
        members are organisations."""
        root = first_conjunct(self._root_of(doc, it))
        return root.dep_ == "pobj" and root.head.lower_ in {"of", "between"} and root.head.head.is_lower \
            and root.head.head.lemma_.lower() in self.venture_nouns

    def _of_an_org_job(self, doc: Doc, it: dict[str, Any]) -> bool:
        """What a job only an organisation gives, or a president, is "of" ("Haruto Ishida, president of
        Tomikaze Kisen", "the chief executive of Obras Calvera"; for a name the NER took for a person's:
        a place's president is a country's, which the gazetteer knows)."""
        root = first_conjunct(self._root_of(doc, it))
        job = root.head.head
        return root.dep_ == "pobj" and root.head.lower_ == "of" and job.pos_ == "NOUN" \
            and (self._org_only_job(job) or job.lower_ == "president")

    def _bought_joined_or_owned(self, doc: Doc, it: dict[str, Any]) -> bool:
        """What goods are bought from, what is bought or joined, or owned by someone named (below)."""
        root = first_conjunct(self._root_of(doc, it))
        if root.dep_ == "pobj" and root.head.lower_ == "from":
            # "buys its boxes from Vistrel", "rents chips from Lumio": whom goods are bought from sells them
            verb = root.head.head
            if verb.dep_ == "dobj" and verb.head.pos_ == "VERB":
                verb = verb.head  # ("from" hung on the goods)
            if verb.pos_ == "VERB" and verb.lemma_.lower() in self.buying_verbs \
                    and any(c.dep_ == "dobj" for c in verb.children):
                return True
        # "Lumio was acquired by Veltro", "Halden, which is owned by Norrsken Capital": bought or owned by
        # someone named
        # ("Nimvo, owned by Halvik Mobile": the participle alone)
        verbs = [root.head] if root.dep_ == "nsubjpass" else [
            c for c in root.children if (c.dep_ == "relcl" and any(
                g.dep_ == "nsubjpass" and g.lower_ in {"which", "that"} for g in c.children)) or c.dep_ == "acl"]
        if any(v.lemma_.lower() in self.org_owner_verbs and v.tag_ == "VBN"
               and any(a.dep_ == "agent" for a in v.children) for v in verbs):
            return True
        return root.dep_ == "dobj" and root.head.pos_ == "VERB" and root.head.lemma_.lower() in self.org_object_verbs

    def _org_context(self, doc: Doc, it: dict[str, Any], surnames: frozenset[str] = frozenset(),
                     items: Sequence[dict[str, Any]] = ()) -> bool:
        root = self._root_of(doc, it)
        # ("Dana Holt, publisher of the Sentinel": for a full name the NER saw as a person, a job)
        org_nouns = self.org_nouns_not_jobs if doc[it["start"]].ent_type_ == "PERSON" and " " in it["name"] \
            else self.org_nouns
        # "broadband providers, including Zento and Fibrix", "retailers such as Shopwell": a name listed
        # under a plural noun of organisations
        if _listed_under(root, org_nouns):
            return True
        # "Two Turkish lenders, Boğaz Katılım Bankası and Ege Ticaret Bankası, have ...": names the parser
        # joined to the plural they spell out
        first = first_conjunct(root)
        if first is not root and first.tag_ == "NNS" and first.is_lower and first.lemma_.lower() in org_nouns \
                and first.i + 1 < len(doc) and doc[first.i + 1].text == ",":
            return True
        # (or the first name apposed to the plural, the others joined to it)
        if first is not root and first.dep_ == "appos" and first.head.tag_ == "NNS" and first.head.is_lower \
                and first.head.lemma_.lower() in org_nouns and not _aged(first.head):
            return True
        before = doc[it["start"] - 1] if it["start"] > 0 else None
        # (not the last part of a modifier written with a hyphen: "its in-house Strata chips", "its own-brand
        # Hollin goods" say whose the thing is, not what kind of firm the name is)
        if before is not None and before.is_lower and before.lemma_.lower() in org_nouns \
                and not (it["start"] >= 3 and joining_hyphen(doc, it["start"] - 2)):
            return True
        # ("Dutch dairy co-op Veldmoor": a noun written with a hyphen, the tokenizer's three words)
        if before is not None and before.is_lower and it["start"] >= 3 and doc[it["start"] - 2].text == "-" \
                and doc[it["start"] - 3:it["start"]].text.lower() in org_nouns:
            return True
        if self._business_kind_before(doc, it):
            return True
        # "Tokyo-based Kumo Apps": what is based somewhere is an organisation (read off the surface)
        if before is not None and before.lower_ in self.seat_verbs and it["start"] >= 2 and doc[it["start"] - 2].text == "-":
            return True
        if root.dep_ == "appos" and root.head.lemma_.lower() in org_nouns and root.head.is_lower \
                and not _aged(root.head):
            return True
        # (not "Tahmina Ardin, a 26-year-old machine operator": an age is a person's)
        # (but "ShopNest, a marketplace run by Nestwell": a kind of product too, which someone runs)
        if any(c.dep_ == "appos" and c.lemma_.lower() in org_nouns and not _aged(c)
               and not (c.lemma_.lower() in self.product_nouns and _run_by_someone(c, self.making_verbs))
               and not _second_apposition(c, self.person_roles)  # (the job's object's: "editor of X, a daily")
               for c in root.children):
            return True
        # "Kivo, a Cape Town-based streaming app": what is based somewhere is the business, whatever it is
        # (or on a word before it: "the Dubai-based/amod music/nmod streaming service")
        # (and any kind of business, for a name the NER took for a place: "Araguaia Fertilizantes, a São
        # Paulo-based blender"; not a person: "Ana Ruiz, a Paris-based designer")
        if any(c.dep_ == "appos" and c.is_lower and (
                c.lemma_.lower() in self.product_nouns or (it["cls"] == "Place" and c.pos_ == "NOUN")) and any(
                a.dep_ == "amod" and a.lower_ in self.seat_verbs and a.i > 0 and doc[a.i - 1].text == "-"
                for a in c.subtree if a.i < c.i) for c in root.children):
            return True
        noun = _apposed_after(doc, it)
        if noun is not None and noun.lemma_.lower() in org_nouns and noun.is_lower:
            return True
        # "Pikku will become a wholly owned subsidiary of Redfern": what the copula says the name is
        if root.dep_ == "nsubj" and root.head.lemma_ in COPULAS and any(
                a.dep_ == "attr" and a.is_lower and a.lemma_.lower() in org_nouns
                and a.lemma_.lower() not in self.product_nouns for a in root.head.children):  # (not "a brand")
            return True
        # "Lumio's rival Quillo": the owner of a peer of an organisation is one (a lone name; the peer
        # known, a lone name or a firm's: not "Maria Lopez", whatever the NER said)
        end = it["end"]
        if " " not in it["name"] and end + 2 < len(doc) and doc[end].tag_ == "POS" \
                and doc[end + 1].lemma_.lower() in self.peer_roles and any(
                o["start"] == end + 2 and o["cls"] in {"Company", "Organization"} and o["via"] in {"", "gazetteer"}
                and (o["via"] == "gazetteer" or " " not in o["name"] or o["name"].split()[-1] in self.company_heads)
                for o in items):
            return True
        if root.dep_ == "compound" and root.head.lemma_.lower() in org_nouns and root.head.is_lower \
                and not _names_what_is_run(root, self.product_nouns) \
                and not (root.head.i + 1 < len(doc) and doc[root.head.i + 1].pos_ == "PROPN") \
                and not _place_describing(root):
            return True  # "its Tixora unit" (not "Queensland grower Harvest Coast Farms": the name's)
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in org_nouns \
                and root.head.head.is_lower and not self._products_role(root.head.head, items):
            return True  # "a unit of Robora" (but "the maker of X" makes a product, below)
        # "Lumio's chief executive", "Halden's founder": whose job only an organisation gives (not a
        # person's name in full, nor the surname of one the text names)
        # (and "the chief financial officer of Lumio", "the founder of Halden")
        # (a name in full the NER took for a person too: "Lovebird Lane's chief executive", a firm's job
        # written after the possessive, read off the surface where the parser hangs it elsewhere)
        if it["name"] not in surnames and self._org_only_job_after(doc, it["end"]):
            return True
        if it["cls"] != "Person" or (" " not in it["name"] and it["name"] not in surnames):
            if root.dep_ == "poss" and root.head.i > root.i and self._org_only_job(root.head):
                return True
            # "Sowon's plant in Ochang": the owner of one works (not a gazetteer place: it has no via "")
            if root.dep_ == "poss" and root.head.i > root.i and root.head.tag_ == "NN" \
                    and root.head.lemma_.lower() in self.owned_works:
                return True
            if root.dep_ == "pobj" and root.head.lower_ == "of" and self._org_only_job(root.head.head) \
                    and it["name"].split()[-1] not in self.place_heads:  # (not "the founder of the Avar Empire")
                return True
            # "Rie Kuwabara, head of policy at Tenmaku": where a person's job is, apposed to the person
            # (a name the NER took for a place that no gazetteer lists)
            job = root.head.head
            while job.dep_ == "pobj" and job.head.lower_ == "of" and job.head.head.pos_ == "NOUN":
                job = job.head.head  # ("head of policy at": the job the phrase is of)
            if root.dep_ == "pobj" and root.head.lower_ == "at" and it["cls"] == "Place" and it["via"] == "" \
                    and job.is_lower and job.lemma_.lower() in self.person_roles and job.dep_ == "appos" \
                    and job.head.ent_type_ == "PERSON":
                return True
        return False

    def _of_a_firms_family(self, doc: Doc, items: list[dict[str, Any]], surnames: frozenset[str]) -> set[str]:
        """Names in full the NER took for people's whose first word is a firm's the text names, alone or
        opening another name ("Lindo Nord" beside "Lindo", "Kizuna Rangoli India" beside "Kizuna Paints"): a
        firm of the same family. Not a name the firm's opens with ("Walt Harlow" beside "Walt Harlow
        Studios": a firm named after its founder), nor one the text calls a person; the firm a name in full or
        one the gazetteer knows (a lone name the NER took for an organisation is as often a person's: "Hulagu
        Khan ... Hulagu and his cousin")."""
        firms = {it["name"] for it in items if it["cls"] in {"Company", "Organization"} and (
            it["via"] == "gazetteer" or (it["via"] == "" and " " in it["name"]))}
        firsts = {f.split()[0] for f in firms}
        out = {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person" and " " in it["name"]
               and it["name"].split()[0] in firsts and it["name"] not in surnames
               and not any(f == it["name"] or f.startswith(it["name"] + " ") for f in firms)}
        # (nor one the text calls something no firm is: "Arado Servicos, a pay-per-hectare scheme", the firm's)
        return {name for name in out if not any(it["name"] == name and (
            self._called_a_person(doc, it, surnames) or any(
                c.dep_ == "appos" and c.is_lower and c.pos_ == "NOUN" and c.lemma_.lower() not in self.org_nouns
                for c in self._root_of(doc, it).children)) for it in items)}

    def _owner_and_more(self, items: list[dict[str, Any]], doc: Doc) -> set[str]:
        """Names the NER took for firms (or people) that are another firm's name, which the text writes alone, and
        words of products' names after it (lexicon ``product_name_words``: "Nubo Plus", "Ridevo Eats"; not
        "Kessling Propulsion", the full name of "Kessling", nor "Acacia Ghana", a unit)."""
        firms = {it["name"] for it in items if it["via"] in {"", "gazetteer"} and it["cls"] == "Company"}
        # (a known firm or product as the text writes it: "AWS Marketplace" after "AWS", the gazetteer's "Amazon Web
        # Services"; "Tavio Shop" after the app "Tavio"; and a store of a firm whose name has more words before
        # it, lexicon ``product_name_ends``: "Orlan Games Store" after "Orlan")
        firms |= {doc[it["start"]:it["end"]].text for it in items
                  if it["via"] == "gazetteer" and it["cls"] in {"Company", "Product"}}
        out = set()
        for it in items:
            if it["via"] != "" or it["cls"] not in {"Company", "Person"}:
                continue
            words = it["name"].split()
            for k in range(1, len(words)):
                if " ".join(words[:k]) not in firms:
                    continue
                if (all(w in self.product_name_words or w.isdigit() for w in words[k:])
                        and words[k] in self.product_name_words) or (
                        len(words) - k == 2 and words[-1] in self.product_name_ends and words[k][:1].isupper()):
                    out.add(it["name"])
                break
        return out

    def _business_kind_before(self, doc: Doc, it: dict[str, Any]) -> bool:
        """"online marketplace MegaMall Global", "e-wallet Pisalo", "payment processor Paynara": a business
        written as the kind it runs (lexicon ``business_kinds``, ``trade_phrases``), right before its name;
        not one an owner runs ("its marketplace X", "Dravik's marketplace X")."""
        k = it["start"] - 1
        if k < 0 or not doc[k].is_lower or (doc[k].lower_ not in self.business_kinds and not self._trade(doc[k])):
            return False
        return not any(possessive(c) for c in doc[k].children) and not (
            k >= 1 and (possessive(doc[k - 1]) or doc[k - 1].tag_ == "POS"))

    def _governments_by_seat(self, doc: Doc, items: list[dict[str, Any]]) -> None:
        """Step 2b: "Beijing banned exports of gallium", "Washington barred Tiesheng": a capital written for
        its government (lexicon ``seats_of_government``), as the subject of a verb no place does, is the
        state it governs."""
        if self.gazetteer is None or not self.seats_of_government:
            return
        for it in items:
            if it["via"] != "gazetteer" or it["cls"] != "Place":
                continue  # (the tests of the item first, the words of its span only of a gazetteer's place)
            state = self.seats_of_government.get(doc[it["start"]:it["end"]].text)
            if state is None or not self._acts(doc, it, self.state_verbs):
                continue
            entry = self.gazetteer.lookup(state)
            if entry is not None:
                it.update(name=entry.name, cls=entry.cls, wikidata=entry.wikidata)

