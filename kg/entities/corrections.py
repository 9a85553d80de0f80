"""The pass that corrects the classes of mentions: step 2 of :class:`~kg.entities.component.KGEntities`.

With every mention given a class by its NER label and words (:mod:`kg.entities.classes`), what the
sentences say of a name corrects it: "HelioGrid makes the Tessera" (a product), "Zeltrik chief executive
KD Wrenfield" (a person), "Quantell acquired ..." (a company, not a place), a name one mention calls a kind
of product (:mod:`kg.entities.votes`), and a name that lives a life is a person.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from spacy.tokens import Doc

from ..syntax import first_conjunct

from .conjuncts import listed_with_products, paired_like_a_firm
from .context import surnames as _surnames
from .context import which_clause as _which_clause
from .lives import lived_a_life as _lived
from .pronouns import spoken_of_as_a_person as _spoken_of

__all__ = ["Corrections"]


def _by_name(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Each name's mentions, in the order of ``items``: what a rule asks of the other mentions of a name
    it reads once, not over all the items for each."""
    out: dict[str, list[dict[str, Any]]] = {}
    for it in items:
        out.setdefault(it["name"], []).append(it)
    return out


class Corrections:
    """Mixin of :class:`~kg.entities.component.KGEntities`: the pass that corrects named mentions' classes
    by their sentences, with the evidence :class:`~kg.entities.classes.Classes` reads."""

    def _correct_classes(self, doc: Doc, items: list[dict[str, Any]]) -> None:
        """Step 2: correct the classes of named ``items`` by what their sentences say of them."""
        mentions = _by_name(items)  # (the names stay as they are here; only the classes change)
        self._lower_words_of = None  # (descriptions.py: the lower-case words of the Doc, read when first asked)
        # 2. Names the model took for organisations or people that the sentence shows
        #    to be products: "HelioGrid makes the Tessera", "the Tessera, a grid battery",
        #    "its scanner, called Talon", "Zeltrik's R2", "the strategy hit Skyward Tactics".
        # "Zeltrik chief executive KD Wrenfield": a name right after a job title is a person.
        for it in items:
            if it["via"] == "" and it["cls"] in {"Company", "Product"} and it["start"] > 0 \
                    and len(it["name"].split()) >= 2 and not self._firm_named(it["name"]) \
                    and self._after_person_title(doc, it["start"]):
                it["cls"] = "Person"
        # "Lumora chief executive Priya Raman": a name before a person's job title is an organisation
        # (and "Kaiyuan chairman Lin Wen-hao", "Assam Valley managing director Rupa Barua": a name the
        # NER took for a place, before a job only an organisation gives)
        starts = {it["start"]: it for it in items}
        for it in items:
            if it["via"] != "" or it["cls"] not in {"Person", "Place"}:
                continue
            j = it["end"]
            while j < len(doc) and j - it["end"] < 3 and doc[j].lower_ in self.person_roles_words:
                j += 1
            if j > it["end"] and doc[j - 1].lower_ in self.person_roles and j in starts \
                    and starts[j]["cls"] == "Person" and (
                        it["cls"] == "Person" or doc[it["end"]:j].text.lower() in self.org_only_roles):
                it["cls"] = "Company"
        # "Gemma Arkwright, who lives in Leeds", "Gemma Arkwright, Veltro's finance director": "who"
        # and a job title in apposition stand for a person, whatever the NER took the name for
        if doc.has_annotation("DEP"):
            full = _surnames(items)
            people = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Company", "Place"}
                      and self._called_a_person(doc, it, full)}
            for it in items:
                if it["via"] == "" and it["name"] in people:
                    it["cls"] = "Person"
        # "Nubo Plus", "Voltbyke Flex", "Kabbo Eats": a firm's name the text writes alone too, then words
        # that name no firm, place or unit, is the firm's product (a description below may still say
        # it is an organisation: "Skarvik Fiber, a unit of Skarvik Telecom")
        if doc.has_annotation("DEP"):
            owned = self._owner_and_more(items, doc)
            for it in items:
                if it["via"] == "" and it["name"] in owned:
                    it["cls"] = "Product"
        # "Japanese retailer Ryoku", "Stelvog, a unit of Krammer": names the text calls organisations
        # (and "Kestrel Cloud, the Dublin-based infrastructure provider": a name that is a product's
        # only by its last word, "Pellara Cloud")
        if doc.has_annotation("DEP"):
            full = _surnames(items)
            # (and a name the NER took for a product right after a noun only firms are called: "controlled by
            # Copenhagen investment firm Oxvel")
            # (what a named organisation runs or makes is no firm: _named_product reads it with the names
            # of organisations as they stand)
            self._index_orgs(items)
            orgs = {it["name"] for it in items if it["via"] == "" and (
                it["cls"] in {"Person", "Place", "Company"} or self._product_by_its_head(doc, it)
                or self._business_kind_before(doc, it) or (
                    it["cls"] == "Product" and doc[it["start"]].ent_type_ == "PRODUCT" and it["start"] > 0
                    and doc[it["start"] - 1].is_lower and doc[it["start"] - 1].lemma_.lower() in self.org_nouns
                    and doc[it["start"] - 1].lemma_.lower() not in self.product_nouns)
                or (it["cls"] == "Product" and self._apposed_firm_noun(doc, it)))  # (descriptions.py)
                and self._org_context(doc, it, full, items) and not self._named_product(doc, it)}
            # (but not "the social network Pippalo ... Pippalo, which is operated by Brightfeather": a name written
            # after a kind of product, which names firms too ("network", "marketplace"), that the text says a
            # named organisation runs, operates or makes, a product the vote below reads)
            orgs -= {it["name"] for it in items if it["via"] == "" and it["name"] in orgs
                     and self._run_by(it, self._root_of(doc, it))
                     and any(o["via"] == "" and o["start"] > 0 and self._kind_of_product(doc[o["start"] - 1])
                             for o in mentions[it["name"]])}
            for it in items:
                if it["via"] == "" and it["name"] in orgs:
                    it["cls"] = "Company"
        # "consumer group Verity", "Open Window Watch, a campaign group": an organisation that is no business
        if doc.has_annotation("DEP") and self.organisation_descriptions:
            described = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Company", "Person", "Place"}
                         and not self._firm_named(it["name"]) and self._described_as_organisation(doc, it)}
            for it in items:
                if it["via"] == "" and it["name"] in described:
                    it["cls"] = "Organization"
        # "Lithuania's parliament, the Seimas", "Ofcom, the media regulator": a name apposed to a
        # noun for a government body (lexicon [coref] GovernmentBody) is one, not a place or a firm
        if doc.has_annotation("DEP"):
            bodies = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Place", "Company", "Organization"}
                      and self._called_a_body(doc, it)}
            # (and a name the NER took for a product: "transport agency Movilima/PRODUCT")
            bodies |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Product"
                       and it["start"] > 0 and doc[it["start"] - 1].is_lower and doc[it["start"] - 1].pos_ == "NOUN"
                       and self._body_kind(doc[it["start"] - 1])}
            for it in items:
                if it["via"] == "" and it["name"] in bodies:
                    it["cls"] = "GovernmentBody"
        if doc.has_annotation("DEP"):
            self._index_orgs(items)  # (again: the classes as corrected above)
            # One product context among many mentions is a quotation's turn of phrase
            # ("we built Corvo"); a name is a product when at least half its mentions say so.
            # A name the text says another organisation runs or makes ("Chirrup, a short-video app run
            # by Lumora", "Pippalo, which is operated by Brightfeather") is a product, however many of
            # its mentions say nothing.
            said: Counter[str] = Counter()
            seen: Counter[str] = Counter()
            called: set[str] = set()
            for it in items:
                if it["via"] == "" and it["cls"] in {"Company", "Person", "Organization", "Place"}:
                    seen[it["name"]] += 1
                    if self._product_context(doc, it, items) and not self._after_person_title(doc, it["start"]):
                        said[it["name"]] += 1
                        if self._run_by(it, self._root_of(doc, it)):
                            called.add(it["name"])
            # "Quello, a messaging app", "its Quello messaging app" (votes.py; the mention that says so may be a
            # product already, by the NER's label, and count in no vote above: then only where no other mention
            # speaks as the firm does either, "its Parlo chatbot ... Parlo said" naming both)
            one = self._defined_by_one_mention(doc, items)
            called |= one
            said.update({name: 1 for name in one if not said[name] and not any(
                o["via"] == "" and self._acts(doc, o, self.firm_verbs) for o in mentions.get(name, ()))})
            # So is a name a copula defines as a kind of product ("Brickfall is an arcade game developed
            # and published by Ventari"), whatever the NER took its other mentions for (a page's title)
            defined = {it["name"] for it in items if it["via"] == "" and (it["cls"] != "Person" or " " not in it["name"])
                       and self._copula_defines_product(self._root_of(doc, it))}
            for it in items:
                if it["via"] == "" and ((said[it["name"]] * 2 >= seen[it["name"]] > 0 or it["name"] in called)
                                        and said[it["name"]] or it["name"] in defined) \
                        and it["name"] not in orgs and it["name"].split()[-1] not in self.body_name_heads \
                        and not (it["cls"] == "Place" and self._site_named(doc, it)):
                    it["cls"] = "Product"
            kinds = self._products_by_kind_mention(doc, items)
            for it in items:
                # (a firm's, a place's or a lone name's the NER took for a person: "Velta/GPE remains available")
                if it["via"] == "" and it["name"] in kinds and (it["cls"] in {"Company", "Place"} or (
                        it["cls"] == "Person" and " " not in it["name"])) \
                        and not self._acts(doc, it, self.firm_verbs):
                    it["cls"] = "Product"
            # "Vapora and CloudMax disposable vapes", "the titles Tidewrack and Urban Hearth": names listed with a
            # product's under one kind of product are products too (conjuncts.py)
            listed = listed_with_products(doc, items, self._kind_of_product)
            for it in items:
                if it["via"] == "" and it["name"] in listed and not self._acts(doc, it, self.firm_verbs):
                    it["cls"] = "Product"
            # Places that act like companies ("Quantell acquired", "Quantell competes with") are companies.
            surnames = _surnames(items)
            # (and "Nimbrel Cloud said", "Arvelle Cloud acquired": a product only by its name's last word;
            # "Stockholm music app Sonaro says it paid", "ride-hailing app Vamoro raises $55 million": an
            # app the text names no one else as running is the business; but "the survival hit Ashen Pines ...
            # Ashen Pines has sold 6 million copies": a name a mention calls a product, subject of a verb products
            # do too, lexicon verbs_of_products_too)
            acting = {it["name"] for it in items if it["via"] == "" and (
                ((it["cls"] == "Place" or (it["cls"] == "Person" and " " not in it["name"]
                                           and it["name"] not in surnames)) and self._acts(doc, it))
                or ((self._product_by_its_head(doc, it) or (
                    it["cls"] == "Product" and doc[it["start"]].ent_type_ != "PRODUCT" and it["name"] not in called))
                    and self._acts(doc, it, self.firm_only_verbs if said[it["name"]] else self.firm_verbs)))}
            # "Meranti" after "Meranti Data Centres", "Sunny Acres" after "Sunny Acres Snacks": a name the
            # model took for a person is the short form of an organisation the text names in full
            # (unless a person bears it too)
            prefixes = {" ".join(words[:k]) for it in items if it["cls"] in {"Company", "Organization"}
                        for words in [it["name"].split()] for k in range(1, len(words))}
            # "Vexa expanded after acquiring Lumo", "she joined Lumo": what is bought or joined is
            # an organisation, whatever place (or person) the NER took the lone name for
            acting |= {it["name"] for it in items if it["via"] == "" and (it["cls"] == "Place" or (
                it["cls"] == "Person" and it["name"] not in surnames)) and " " not in it["name"]
                       and self._joined_or_bought(doc, it)}
            # (and "a stake in Mavuno Inputs", "its takeover of Quennel Ads", "president of Tomikaze Kisen":
            # so is a name in full the NER took for a person's, where a stake or a takeover is, or a job only
            # an organisation gives, of it)
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person" and " " in it["name"]
                       and (self._held_or_taken_over(doc, it) or self._of_an_org_job(doc, it))}
            # "Halvern, an investor in Kelvor", "Halvern backed Kelvor": what is invested in or funded is an
            # organisation, whatever place the NER took the name for (a place one invests in, the gazetteer
            # knows: "invested in Brazil")
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Place"
                       and self._invested_in(doc, it)}
            # "a joint venture of Halvern and Kelvor Sarto", "a consortium of Aéroports Varenne and Ostin":
            # a venture's members are organisations, whatever place or person the NER took one for
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Place", "Person"}
                       and it["name"] not in surnames and self._venture_member(doc, it)}
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person"
                       and it["name"] not in surnames and it["name"] in prefixes}
            # (and "Felgo Nord" beside "Felgo", "Kizuna Rangoli India" beside "Kizuna Paints": a name in full the
            # model took for a person's that opens with another firm's first word, classes.py)
            acting |= self._of_a_firms_family(doc, items, surnames)
            # ... and so is a name the NER took for a place, where no mention of it says where something
            # is ("Parcellis operates a hub" after "Parcellis Cargo"; not "a bank in Kumamoto" beside
            # "Kumamoto Bank")
            located = {it["name"] for it in items if it["cls"] == "Place" and self._in_place_position(doc, it)}
            # (unless the NER took a mention of it for an organisation: "Corvessa" after "Corvessa Labs",
            # "rents servers to Corvessa" saying no more of a place than "Corvessa/ORG will own half" of a firm)
            orged = {it["name"] for it in items if it["via"] == "" and doc[it["start"]].ent_type_ == "ORG"}
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Place"
                       and it["name"] in prefixes and (it["name"] not in located or it["name"] in orged)}
            # "Drummel, which bottles it": a name a clause of "which" describes is no person's
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person"
                       and it["name"] not in surnames and _which_clause(doc, it)}
            # "Rival Mkulima Link said", "its rival Ostrava": a business rival named with no person's
            # owner before the role ("his rival John Smith" is a person)
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person"
                       and it["name"] not in surnames and self._named_rival(doc, it["start"])}
            # "Ebberly's blood thinner Veranix": the owner of a named product is a business
            roots = {it["start"]: self._root_of(doc, it) for it in items}
            acting |= {it["name"] for it in items if it["via"] == "" and (it["cls"] == "Place" or (
                it["cls"] == "Person" and " " not in it["name"] and it["name"] not in surnames))
                and roots[it["start"]].dep_ == "poss" and any(
                    o["cls"] == "Product" and o["via"] in {"", "gazetteer"}
                    and o["start"] <= roots[it["start"]].head.i < o["end"] for o in items)}
            # "former Voltheim engineers Elsa Lindqvist and Johan Berg", "a former Oakby store": a name
            # right after "former" and before what it describes is whom they worked for or who owned it
            # (23 of 25 such names are organisations in the annotated news, a one-off count; a place the
            # gazetteer knows keeps its class: "a former Denver mayor")
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Place"
                       and it["start"] > 0 and doc[it["start"] - 1].lower_ == "former" and it["end"] < len(doc)
                       and doc[it["end"]].is_lower and doc[it["end"]].pos_ == "NOUN"}
            acting |= {it["name"] for it in items if it["via"] == "" and self._of_a_country(doc, it, items)}
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Product"
                       and self._a_countrys(doc, it, items)}  # "Peru's Orvana Cloud" (descriptions.py)
            # (and "Spain's Obras Calvera", "Mexico's Aeronor": a name the NER took for a person's, which
            # the text neither writes by its last word alone nor calls a person: in the annotated news no
            # name of two words right after a country's possessive is a person's, 300 names, a one-off count)
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person"
                       and self._a_countrys_unlike_a_person(doc, it, items, surnames)}  # (descriptions.py)
            acting |= {it["name"] for it in items if it["via"] == "" and it["cls"] == "Product"
                       and self._bought_outright(doc, it)}  # "Harrow Foods bought Pellum" (descriptions.py)
            for it in items:
                if it["via"] == "" and it["name"] in acting:
                    it["cls"] = "Company"
            # "Kate Morrow, a transport analyst at Wren Holloway": where one holds a job only people hold is
            # an organisation, whatever person or place the NER took the name for
            employers = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Person", "Place"}
                         and it["name"] not in surnames and self._employer(doc, it)}
            for it in items:
                if it["via"] == "" and it["name"] in employers:
                    it["cls"] = self._class_for(doc[it["start"]:it["end"]], "ORG") or "Company"
            # "supplies robots to Homevane, Pawsly and Grevholt Logistics": a name listed among firms is one
            # (where at least two of the list are firms and more than half; not a person's full name)
            paired = paired_like_a_firm(doc, items)  # "Kestrel Bau in Germany and Vantor in Austria" (conjuncts.py)
            listed = self._listed_among_firms(doc, items) | paired
            for it in items:
                if it["via"] == "" and it["name"] in listed:
                    it["cls"] = "Company"
            # "Anika Sharma ... Sharma previously worked at Stirling Oakes": the surname of a person the text
            # names in full is the person, whatever organisation or place the NER took it for, unless a
            # mention of it does what only firms do or a firm's name the text writes has it ("Kessler Medien",
            # "Autohaus Lindner"; "Walt Disney" and "Disney": the gazetteer's firm, which keeps its class)
            firmish = {it["name"] for it in items if it["via"] == "" and it["name"] in surnames and (
                self._acts(doc, it, self.firm_verbs - self.people_verbs)
                or self._org_context(doc, it, surnames, items))}
            firmish |= {w for it in items if it["cls"] in {"Company", "Organization"} and " " in it["name"]
                        for w in it["name"].split()}
            for it in items:
                if it["via"] == "" and it["cls"] in {"Company", "Place"} and " " not in it["name"] \
                        and it["name"] in surnames and it["name"] not in firmish:
                    it["cls"] = "Person"
            # ... and the other way round: "Greta Lindqvist quit X ... Lindqvist, a Swedish engineer who lives in
            # Gothenburg": a name in full whose last word the text shows, alone, to be a person is that person
            # (55 of 55 such names are people in the annotated news, a one-off count)
            alone = {it["name"] for it in items if it["via"] == "" and it["cls"] == "Person" and " " not in it["name"]}
            for it in items:
                words = it["name"].split()
                if it["via"] == "" and it["cls"] in {"Company", "Organization", "Place", "Product"} and len(words) > 1 \
                        and words[-1] in alone and all(w[:1].isupper() for w in words) \
                        and not self._firm_named(it["name"]):
                    it["cls"] = "Person"
            # (and "brothers Tiago Nunes and Rui Nunes", "Pieter van Dam and Joost van Dam": a name in full coordinated
            # with a person's named in full that has the same last word is a kin's, a family name; not "Giulia
            # Cestari, who runs Albergo Cestari", a firm named after its family)
            kin = [it for it in items if it["via"] == "" and it["cls"] == "Person" and " " in it["name"]]
            for it in items:
                words = it["name"].split()
                if it["via"] == "" and it["cls"] in {"Company", "Organization", "Place", "Product"} and len(words) > 1 \
                        and any(self._in_one_list(doc, it, p) for p in kin if p["name"].split()[-1] == words[-1]
                                and p["name"] != it["name"]) and not self._firm_named(it["name"]) and all(
                            w[:1].isupper() or (0 < k < len(words) - 1 and w in self.name_particles)
                            for k, w in enumerate(words)):
                    it["cls"] = "Person"
            # "Uppsala is a city in Sweden", "Tromso, a town in Norway": what the text calls a place, and
            # "fleets in Manchester, Bristol and Leeds": a name listed among places after "in"
            starts = {o["start"] for o in items if o["via"] in {"", "gazetteer"}}
            places = {it["name"] for it in items if it["via"] == "" and it["cls"] != "Place"
                      and (self._called_a_place(doc, it) or self._seat_before_trade(doc, it, starts)
                           or self._before_its_region(doc, it, items))} \
                | self._listed_among_places(doc, items) | self._route_ends(doc, items)
            # (and "Orlan Pantry, a Tarvik company": unless a mention of the name acts as a firm does, "an
            # Orlan company" being one of Orlan's)
            places |= {it["name"] for it in items if it["via"] == "" and it["cls"] != "Place"
                       and self._home_before_kind(doc, it)
                       and not any(self._acts(doc, o, self.firm_verbs) for o in mentions[it["name"]])}
            # "customers across the Kestrels", "a depot in Ostrevik": a name where only a place stands, unless a
            # mention of it acts as a firm does or is called one
            # (and "the Tarvik shipyard", "its new Kelbay terminal": a name the NER took for a place, before a site)
            placed = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Company", "Person", "Product"}
                      and (self._where_a_place_stands(doc, it, surnames) or self._site_named_by_place(doc, it))}
            places |= {name for name in placed if not any(
                self._firm_like(doc, o, surnames, items) for o in mentions.get(name, ()))}
            places -= paired  # (not a place the parser listed it with)
            for it in items:
                if it["via"] == "" and it["name"] in places:
                    it["cls"] = "Place"
            # "American automaker Dana Crill was born in Halden": who is born, dies or grows up is a person
            # (and "Teo Marsh's Ohio birthplace": whose birthplace it is)
            for it in items:
                if it["via"] == "" and it["cls"] != "Person" and (" " in it["name"] or it["name"] in surnames) \
                        and not self._firm_named(it["name"]) \
                        and _lived(doc[it["start"]:it["end"]], self.life_verbs, self.birthplace_nouns):
                    it["cls"] = "Person"
            # "Rana Holt, a baker in Leeds, said she had raised prices": whom the text speaks of as "he" or "she"
            # (not a firm's name or the short form of one the text names, nor one a mention of which does what
            # only firms do)
            firms = {it["name"] for it in items if it["cls"] in {"Company", "Organization"} and it["via"] != "coref"}
            spoken = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Company", "Organization", "Place"}
                      and not self._firm_named(it["name"]) and _spoken_of(doc[it["start"]:it["end"]])}
            spoken = {name for name in spoken if not any(
                f != name and set(f.split()) & set(name.split()) for f in firms)}
            spoken -= {it["name"] for it in items if it["name"] in spoken
                       and self._acts(doc, it, self.firm_verbs - self.people_verbs)}
            for it in items:
                if it["via"] == "" and it["name"] in spoken:
                    it["cls"] = "Person"

    def _in_one_list(self, doc: Doc, a: dict[str, Any], b: dict[str, Any]) -> bool:
        """Whether the first word of the list one of two names stands in (through a noun it is apposed to: "Leroy
        Vance and his brother Ivo Vance") is in the other name."""
        def first(it: dict[str, Any]) -> int:
            root = self._root_of(doc, it)
            if root.dep_ == "appos" and root.head.is_lower:
                root = root.head
            return first_conjunct(root).i
        return b["start"] <= first(a) < b["end"] or a["start"] <= first(b) < a["end"]

    def _index_orgs(self, items: list[dict[str, Any]]) -> None:
        """Set ``_org_at`` (read by :class:`~kg.entities.products.Products`): each token of a Company's or an
        Organization's name, to its item, as the classes stand."""
        self._org_at = {i: o for o in items if o["cls"] in {"Company", "Organization"}
                        for i in range(o["start"], o["end"])}

    def _site_named(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether a place's name names a site one runs or builds, not a product: a port or a bridge ("Hamad
        Port", "the Selby Bridge", "Fort Halden": lexicon ``run_site_heads``, ``run_site_openers``) or a
        resource's site it is written before ("the Eko Deep field", ``resource_sites``)."""
        words = it["name"].split()
        end = it["end"]
        return (len(words) > 1 and (words[-1] in self.run_site_heads or words[0] in self.run_site_openers)) or (
            end < len(doc) and doc[end].lower_ in self.resource_sites and doc[end].pos_ == "NOUN")
