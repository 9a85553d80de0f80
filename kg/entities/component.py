"""Mentions -> typed entities: the ``kg_entities`` spaCy component.

It combines the pipeline's NER with a gazetteer (``ontology/gazetteer/``),
corrects the small model's usual errors with general rules (acronyms of
common nouns, one label per name within a document, products named by their
head noun, government bodies by theirs), and types every mention with an
ontology class. Results:

- ``doc.spans["kg_entities"]``: one span per mention, labelled with its class;
- ``doc._.kg_entities``: :class:`EntitySpan` records (span, canonical name,
  class, Wikidata id, how it was found).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("Reporters in Germany asked Alphabet Inc about YouTube.")
>>> [(e.name, e.cls) for e in doc._.kg_entities]
[('Germany', 'Country'), ('Alphabet', 'Company'), ('YouTube', 'Product')]
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..names import normalize_quotes
from ..ontology import load_ontology
from ..retag import (repair_name_tags, repair_nouns_read_as_names, repair_swapped_verbs, repair_verbs_in_lists,
                     repair_verbs_read_as_nouns)
from ..syntax import SpanRoots, repair_verb_forms
from .base import guarded, per_document, register_extensions, store_items
from .candidates import Candidates
from .classes import Classes
from .corrections import Corrections
from .lists import Lists
from .missed import Missed
from .gazetteer import _Gazetteer
from .headlines import TitleCaseLines
from .merge import define_acronyms, drop_datelines, spread_names
from .source_lines import source_lines
from .subtitles import claim_subtitled_titles

__all__ = ["KGEntities", "make_entity_component"]


def _common_nouns(nlp: Language) -> frozenset[str]:
    """The English common nouns the pipeline's rule lemmatizer knows (its ``lemma_index`` table, WordNet's
    nouns in the English pipelines); empty where it has none."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    try:
        return frozenset(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index").get("noun", ()))
    except (AttributeError, KeyError, ValueError):
        return frozenset()


def _english_words(nlp: Language, parts: tuple[str, ...] = ("adv", "adj", "verb")) -> frozenset[str]:
    """The English adverbs, adjectives and verbs (``parts``) the pipeline's rule lemmatizer knows (WordNet's, in
    its ``lemma_index`` table): a capitalised word the tagger took for one of them that is none is a name."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    try:
        table = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
        return frozenset(w for part in parts for w in table.get(part, ()))
    except (AttributeError, KeyError, ValueError):
        return frozenset()


class KGEntities(Candidates, Missed, Classes, Corrections, Lists, SpanRoots):
    """The ``kg_entities`` component. Build it with ``nlp.add_pipe("kg_entities")``."""

    def __init__(self, nlp: Language, name: str = "kg_entities", use_gazetteer: bool = True,
                 ontology_dir: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.onto = load_ontology(ontology_dir)
        self.gazetteer = _Gazetteer(nlp, self.onto) if use_gazetteer else None
        lex = self.onto.lexicon["entities"]
        self.non_entities = {normalize_quotes(w).lower() for w in lex["non_entity_acronyms"]} | {
            w.lower() for w in lex["non_entity_words"]
        }
        self.product_heads = {w.lower() for w in lex["product_heads"]}
        # (with the words that make a demonym one of a body's name: "the Supreme Soviet")
        self.region_openers = frozenset(lex.get("region_openers", ())) | frozenset(
            lex.get("demonym_name_openers", ()))
        self.document_heads = self.onto.words("entities", "document_heads")
        self.event_heads = self.onto.words("entities", "event_heads")
        self.product_nouns = {w.lower() for w in lex["product_nouns"]}
        self.product_groups = self.onto.words("entities", "product_groups")
        self.seats_of_government = dict(lex.get("seats_of_government", {}))
        #: verbs of what a state does and no place does: the one-word triggers of the relations a country
        #: can be the subject of and a place cannot ("ban", "restrict", "invest", "sue")
        self.state_verbs = {words[0] for rel in self.onto.relations.values()
                            if self.onto.fits("Country", rel.domain) and not self.onto.fits("Place", rel.domain)
                            for words in rel.triggers if len(words) == 1}
        self.trade_phrases = self.onto.words("entities", "trade_phrases")
        self.product_phrases = self.onto.words("entities", "product_phrases")
        self.people_or_products = self.onto.words("entities", "people_or_products")
        self.job_fields = self.onto.words("entities", "job_fields")
        self.place_nouns = {w.lower() for w in lex["place_nouns"]}
        #: kinds of place written after a place's name ("Maharashtra state"); not "capital" or "port", which
        #: firms' names end in too
        self.place_kinds = frozenset(self.place_nouns - {"capital", "port"})
        self.place_only_preps = frozenset(lex.get("place_only_prepositions", ()))
        self.not_place_holders = frozenset(lex.get("not_place_holders", ()))
        self.divisions_after_names = {w.lower() for w in lex.get("divisions_after_names", ())}
        self.resource_sites = frozenset(lex.get("resource_sites", ()))
        #: nouns of sites ("plant", "refinery", "mine"): one-word triggers of relations only to places
        #: (kg:operatesIn's), of no other relation, and no kind of product ("network")
        to_places = self.onto.to_places
        others = {w for rel in self.onto.relations.values() if rel.name not in to_places
                  for words in rel.triggers for w in words}
        self.site_nouns = {words[0] for rel in self.onto.relations.values() if rel.name in to_places
                           for words in rel.triggers if len(words) == 1} - others - self.product_nouns - self.product_heads
        #: verbs of symmetric relations, "competes with", "partners with", "takes on" (one-word triggers)
        self.peer_verbs = {words[0] for rel in self.onto.relations.values() if rel.symmetric
                           for words in rel.triggers if len(words) == 1} | {"take"}
        #: plural kinds of firm a list is introduced as ("customers include", "airlines such as",
        #: "shipping lines including"): the [coref] Company nouns, less those products are called too, and list_firm_kinds
        self.list_firm_kinds = ({w.lower() for w in self.onto.lexicon["coref"]["Company"]}
                                - set(lex.get("not_trade_words", ()))) | set(lex.get("list_firm_kinds", ()))
        # Verbs of the relations no place can be the agent of (acquire, compete, invest, sue...).
        # A copula says nothing of who acts ("Lagos is ...", though livesIn has "be from").
        no_place = [words for rel in self.onto.relations.values()
                    if not self.onto.fits("Place", rel.domain) and not self.onto.fits("Country", rel.domain)
                    for words in rel.triggers if words[0] != "be"]
        #: ... their one-word triggers and the extras: what a named app does as a business ("raises",
        #: "says"; not "grow", of livesIn's "grow up")
        self.firm_verbs = {words[0] for words in no_place if len(words) == 1} | {
            "say", "announce", "hire", "raise", "employ", "report", "sell", "buy",
            # (and buying a firm or suing, which the comment above means but fall out of no_place, a state's
            # name being their subject too: "Varnel Cloud acquired Brinda"; not "invest", which a city does)
            "acquire", "sue"}
        self.business_verbs = self.firm_verbs | {words[0] for words in no_place}
        #: (and paying or earning, which a named app does only as a business, though states and people do too:
        #: "Pathwise, a language-learning app, paid Quenby 15% of its revenue")
        self.firm_verbs |= {"pay", "earn"}
        #: verbs that say where an organisation is based ("based", "headquartered": kg:basedIn's)
        #: nouns for where someone lives ("home", "hometown": kg:livesIn's one-word inverse role triggers)
        lives = self.onto.relations.get("livesIn")
        self.home_nouns = {words[0] for words in getattr(lives, "inverse_role_triggers", ()) if len(words) == 1}
        self.seat_verbs = {words[0] for words in getattr(self.onto.relations.get("basedIn"), "triggers", ())
                           if len(words) == 1}
        # ... of which people do these as often: the verbs of relations a person can hold (works
        # for, lives in, joins) and saying things ("Cetin said": a lone surname is still a person).
        self.people_verbs = {
            words[0] for rel in self.onto.relations.values() if self.onto.fits("Person", rel.domain)
            for words in rel.triggers
        } | {"say", "announce", "report", "tell", "add", "warn", "write", "buy", "sell", "hire", "raise"}
        # (employing people is a business's, though operatesIn, whose domain any entity fits, has "employ")
        self.people_verbs -= {"employ"}
        # Verbs whose object is an organisation: acquiring one (the acquires relation's verbs and the
        # nouns of such events), joining or founding one.
        acquires = self.onto.relations.get("acquires")
        self.org_buying_verbs = {
            words[0] for words in (acquires.triggers if acquires else ()) if len(words) == 1} | {
            w.lower() for w in lex["org_event_nouns"]}
        self.org_object_verbs = {"join", "found", "co-found"} | self.org_buying_verbs
        #: ... and its verbs of two words, a verb and its particle ("took over Vendrik", "snapped up Lydo")
        self.org_buying_phrasals = {
            " ".join(words) for words in (acquires.triggers if acquires else ()) if len(words) == 2}
        #: ... and whose passive subject, with an agent named, is one: "Halden, which is owned by X"
        self.org_owner_verbs = self.org_object_verbs | {"own", "control"}
        self.equity_nouns = {w.lower() for w in lex["equity_nouns"]}
        invests = self.onto.relations.get("investsIn")
        #: kg:investsIn's one-word triggers and role nouns: the words one invests "in" with ("an investor
        #: in X"; of which the verbs whose object is what is funded below: "backed X", "funds X")
        self.invest_words = {words[0] for words in (
            (*invests.triggers, *invests.role_triggers) if invests is not None else ()) if len(words) == 1}
        #: what one holds a stake "in": nouns of equity and the words above
        self.stake_words = self.equity_nouns | self.invest_words
        self.investor_nouns = {words[0] for words in (invests.role_triggers if invests is not None else ())
                               if len(words) == 1}
        self.investing_verbs = {w for w in self.invest_words if w not in {"invest", "investment", "stake"}} \
            - self.investor_nouns
        self.venture_nouns = frozenset(self.onto.lexicon["relations"].get("venture_nouns", ()))
        self.firm_jobs = {w.lower() for w in lex["firm_jobs"]}
        self.kin_nouns = self.onto.words("entities", "kin_nouns")
        self.harming_verbs = self.onto.words("entities", "harming_verbs")
        self.harm_nouns = self.onto.words("entities", "harm_nouns")
        self.killing_verbs = self.onto.words("entities", "killing_verbs")
        self.life_verbs = self.onto.words("entities", "life_verbs")
        self.birthplace_nouns = self.onto.words("entities", "birthplace_nouns")
        self.home_kinds = self.onto.words("entities", "home_kinds")
        #: role nouns of symmetric relations (rival, partner): "Lumio's rival Quillo" pairs two of a kind
        self.peer_roles = {words[-1] for rel in self.onto.relations.values() if rel.symmetric
                           for words in rel.role_triggers}
        # Nouns that only name organisations: role nouns of relations between organisations
        # (unit, subsidiary, parent) and the lexicon's descriptors of companies (retailer, startup).
        self.org_nouns = {
            words[-1] for rel in self.onto.relations.values()
            if rel.domain and all(self.onto.is_a(d, "Organization") for d in rel.domain)
            for words in rel.role_triggers + rel.inverse_role_triggers
        } | {w.lower() for w in self.onto.lexicon["coref"]["Company"]}
        self.org_nouns -= {"owner", "investor", "buyer", "seller", "player", "parent", "developer", "designer"}
        #: kinds of product that define one alone after "is a" (lexicon product_nouns less shared_kinds)
        self.defining_kinds = self.product_nouns - self.onto.words("entities", "shared_kinds") - self.org_nouns
        #: what a sentence may open with before a name: "Chipmaker Carbidex", "Rival Coinvara"
        self.leading_descriptors = self.org_nouns | self.peer_roles
        #: the peer roles and their plurals, as written before a name ("Rival X", "Rivals X and Y")
        self.peer_words = self.peer_roles | {w + "s" for w in self.peer_roles}
        self.common_nouns = _common_nouns(nlp)
        self.english_words = _english_words(nlp)
        self.english_verbs = _english_words(nlp, ("verb",))
        #: the relations' trigger verbs (a multi-word one's first word: "team" of "team up"), as English verbs
        self.trigger_verbs = frozenset(words[0] for rel in self.onto.relations.values()
                                       for words in rel.triggers + rel.inverse_triggers) & self.english_verbs
        # Job titles: role nouns of relations from a person to an organization (worksFor).
        job_rels = [rel for rel in self.onto.relations.values()
                    if rel.domain == frozenset({"Person"}) and self.onto.fits("Company", rel.range)]
        self.person_roles = {" ".join(words).split()[-1] for rel in job_rels for words in rel.role_triggers}
        # Jobs only an organisation has (kg:backReferringRole of those relations: chief executive,
        # founder, chairman): whose they are is an organisation ("Lumio's chief executive").
        self.org_only_roles = {" ".join(words) for rel in job_rels for words in rel.back_roles}
        # Jobs only a person holds: not also what organisations are called ("publisher", "owner"), nor
        # what a firm is said to be ("the market leader", "the head of the consortium")
        org_roles = {words[-1] for rel in self.onto.relations.values()
                     if any(self.onto.is_a("Company", d) or self.onto.is_a(d, "Organization") for d in rel.domain)
                     for words in rel.role_triggers + rel.inverse_role_triggers}
        #: (role nouns organisations hold too: "owner", "publisher", "operator")
        self.org_role_words = frozenset(org_roles)
        self.person_only_jobs = self.person_roles - self.org_nouns - org_roles - {
            "leader", "head", "chief", "representative"}
        self.person_roles_words = self.person_roles | {
            w for rel in self.onto.relations.values() if rel.domain == frozenset({"Person"})
            for words in (*rel.role_triggers, *rel.back_roles) for w in words} | {"senior", "former", "chief", "vice", "deputy", "co"}
        self.product_verbs = {w.lower() for w in lex["product_verbs"]}
        self.verbs_of_products_too = frozenset(w.lower() for w in lex.get("verbs_of_products_too", ()))
        #: what firms do that products do not (corrections.py: a name a mention calls a product)
        self.firm_only_verbs = self.firm_verbs - self.verbs_of_products_too
        #: jobs of speaking for an organisation (lexicon [relations] ``speaking_jobs``: "Orchard spokesman X")
        self.speaking_jobs = frozenset(self.onto.lexicon["relations"].get("speaking_jobs", ()))
        # Whose thing a named product is: role nouns of relations to a product (maker, developer,
        # publisher), but not "seller" ("the seller of Lumo" sells a company as often as goods)
        self.product_roles = {
            words[-1] for rel in self.onto.relations.values() if rel.range == frozenset({"Product"})
            for words in rel.role_triggers} - {"seller", "buyer", "owner"}
        self.gov_heads = set(lex["government_heads"])
        self.state_fields = frozenset(lex.get("state_fields", ()))
        #: legal forms that end firms' names ("Co", "Inc", "Ltd": lexicon [names] legal_suffixes, without the period)
        self.legal_forms = {w.rstrip(".") for w in self.onto.lexicon["names"]["legal_suffixes"]}
        self.generic_bodies = set(lex.get("generic_bodies", ()))
        #: phrases that make a name a body wherever they stand in it, as one pattern (None: no phrases)
        phrases = list(lex.get("government_phrases", ()))
        self.gov_phrase = re.compile(r"\b(?:%s)\b" % "|".join(map(re.escape, phrases))) if phrases else None
        self.body_nouns = {w.lower() for w in self.onto.lexicon["coref"].get("GovernmentBody", ())}
        self.body_titles = {w.lower() for w in lex.get("body_titles", ())}
        self.business_bodies = {w.lower() for w in lex.get("business_bodies", ())}
        self.offering_verbs = {w.lower() for w in lex.get("offering_verbs", ())}
        #: kinds that name a product's model ("Sextant models"), verbs of making one ("developed by X")
        self.model_words = self.onto.words("entities", "model_words")
        self.making_verbs = self.onto.words("entities", "making_verbs")
        self.org_heads = set(lex["organization_heads"])
        #: head words of bodies' and organisations' names: one at an end of a name with "and" inside makes
        #: it one name ("Ministry of Industry and Trade")
        self.body_heads = self.gov_heads | self.org_heads
        self.remit_words = set(lex.get("remit_words", ()))
        self.title_words = set(lex["title_words"])
        self.person_titles = {w.lower() for w in lex["person_titles"]}
        #: what a person is called before a name or in apposition: job titles and descriptions
        self.person_words = self.person_roles | self.person_titles
        # (and what only people are called, "a Wilmington native", "a candidate": "Miller is a Wilmington native")
        self.person_only_jobs |= self.person_titles - self.org_nouns
        #: organisation nouns that are no person's job too (publisher is both): what apposition to a
        #: full name the NER typed PERSON can still make an organisation
        self.org_nouns_not_jobs = self.org_nouns - self.person_words
        #: descriptions of a firm by its trade ("software house", "hotel group", "cooperative"), which a
        #: name written before them says where the firm is: not the role nouns of relations ("Voltrek
        #: supplier Kenshiro", "Quenby parent Quorvex"), nor what an owner's is ("Hoshida studio Nightjar")
        #: ("Lumafon maker Pellum": a product before the role of kg:develops)
        #: (the lexicon's trade_words stay trades, though "group" is a role noun too)
        trades = set(lex.get("trade_words", ()))
        relation_roles = {words[-1] for rel in self.onto.relations.values() if rel.name not in self.onto.to_places
                          for words in rel.role_triggers + rel.inverse_role_triggers} - trades
        self.trade_descriptions = ({w.lower() for w in self.onto.lexicon["coref"]["Company"]} | trades) \
            - relation_roles - set(lex.get("not_trade_words", ()))
        self.title_abbreviations = set(lex["title_abbreviations"])
        self.name_titles = set(lex.get("name_titles", ()))
        self.chair_titles = set(lex.get("chair_titles", ()))
        self.office_titles = set(lex.get("office_titles", ()))
        self.place_offices = set(lex.get("place_offices", ()))
        self.brand_nouns = set(self.onto.lexicon["relations"].get("brand_nouns", ()))
        self.trade_name_nouns = set(self.onto.lexicon["relations"].get("trade_name_nouns", ()))
        self.codename_nouns = self.onto.words("relations", "codename_nouns")
        self.trade_name_verbs = set(self.onto.lexicon["relations"].get("trade_name_verbs", ()))
        self.seller_sites = set(lex.get("seller_sites", ()))
        #: works one firm owns: their singular owner is an organisation
        self.owned_works = set(lex.get("owned_works", ()))
        #: nouns of sites a name the NER took for a place names by their place (lexicon ``place_named_sites``)
        self.place_named_sites = frozenset(lex.get("place_named_sites", ())) | self.site_nouns \
            | self.resource_sites | self.owned_works
        self.site_working_verbs = frozenset(lex.get("site_working_verbs", ()))
        self.run_site_heads = self.onto.words("entities", "run_site_heads")
        self.run_site_openers = self.onto.words("entities", "run_site_openers")
        #: nouns of sites, which a name before them names by its place ("the Bristol Road store"; missed.py)
        self.sites_by_place = self.seller_sites | self.owned_works | self.site_nouns
        self.region_adjectives = frozenset(lex.get("region_adjectives", ()))
        self.organisation_descriptions = {w.lower() for w in lex.get("organisation_descriptions", ())}
        self.of_heads = self.onto.name_of_heads
        self.company_heads = set(lex["company_heads"])
        self.place_heads = set(lex["place_heads"])
        self.firm_heads = set(lex["firm_heads"])
        self.firm_openers = frozenset(lex.get("firm_openers", ()))
        rel_lex = self.onto.lexicon["relations"]
        #: verbs whose "from" names a seller (kg:inverseTrigger with a kg:sourcePreposition), but not those
        #: whose "from" is as often a place ("imports gas from Qatar", "sources cobalt from Congo")
        self.buying_verbs = {words[0] for rel in self.onto.relations.values() if rel.source_preps
                             for words in rel.inverse_triggers if len(words) == 1} - {"import", "source"}
        #: words of travelling between places: what a flight goes "to" or "from" is a place
        self.route_words = {w.lower() for w in rel_lex.get("route_nouns", ())} | {
            w.lower() for w in rel_lex.get("route_verbs", ())}
        self.route_word_ids = {get_string_id(w) for w in self.route_words}
        #: words that end firms' names: after "and", only these make no name of their own ("Kaimen
        #: Machinery and Engineering Corporation")
        self.firm_name_words = self.company_heads | self.firm_heads
        self.product_name_words = set(lex.get("product_name_words", ()))
        self.product_name_ends = set(lex.get("product_name_ends", ()))
        self.drug_name_stems = tuple(lex.get("drug_name_stems", ()))
        self.business_kinds = set(lex.get("business_kinds", ()))
        self.name_particles = frozenset(lex.get("name_particles", ()))
        self.capital_kinds = frozenset(lex.get("capital_kinds", ()))
        self.firm_name_words_lower = {w.lower() for w in self.firm_name_words}
        self.publication_words = set(lex["publication_words"])
        #: words that name an outlet on a monitoring source line ("Halden Radio Kelvor"): broadcasters'
        #: (a publication's, "Times", names papers called after their city: "Halden Times" alone on a line)
        self.outlet_words = set(lex.get("broadcast_words", ()))
        #: last words of names of bodies, never of products: firms', institutions' and broadcasters'
        self.body_name_heads = self.firm_heads | self.org_heads | set(lex.get("broadcaster_heads", ()))
        #: string hashes of the verb forms that are never nouns (lexicon ``verb_only_forms``)
        self.verb_only_forms = frozenset(get_string_id(w.lower()) for w in lex.get("verb_only_forms", ()))
        self.state_abbreviations = dict(lex.get("state_abbreviations", {}))
        self.country_names = {
            e.name: e for e in self.onto.gazetteer if e.cls == "Country"
        }
        #: short names and demonyms two countries share ("Congo", "Congolese"; shared_countries.py)
        self.shared_country_names = dict(lex.get("shared_country_names", {}))
        self.shared_country_demonyms = dict(lex.get("shared_country_demonyms", {}))

    @guarded
    @per_document  # (what this keeps of the Doc while reading it, the Doc with it, goes when the call ends)
    def __call__(self, doc: Doc) -> Doc:
        self._roots, self._roots_doc = {}, doc  # (the root of each name's span, for :meth:`_root_of`)
        return self._read_doc(doc)

    def _read_doc(self, doc: Doc) -> Doc:
        """The entities of ``doc`` (:meth:`__call__`, which then drops what this kept on the component)."""
        repair_verb_forms(doc, self.verb_only_forms)
        if self.english_words:
            repair_name_tags(doc, self.english_words)
            repair_nouns_read_as_names(doc, self.common_nouns, self.name_particles)
            repair_swapped_verbs(doc, self.english_verbs, self.common_nouns)
            repair_verbs_read_as_nouns(doc, self.trigger_verbs)
            repair_verbs_in_lists(doc, self.trigger_verbs)
        taken = [False] * len(doc)
        items: list[dict[str, Any]] = []

        def claim(span: Span, name: str, cls: str, wikidata: str = "", via: str = "") -> None:
            if any(taken[span.start:span.end]):
                return
            if cls != "Person" and all(t.text in self.title_words for t in span):
                return  # "the Prime Minister of Portugal", "the Governor": a title, not an organisation
            for i in range(span.start, span.end):
                taken[i] = True
            items.append({"start": span.start, "end": span.end, "name": name, "cls": cls,
                          "wikidata": wikidata, "via": via})

        headline = TitleCaseLines(doc)
        if doc.has_annotation("DEP"):  # ("Star Quest II: Rise of Halden is a game developed by X": one title)
            claim_subtitled_titles(doc, self.product_nouns, claim)
        # 1. Gazetteer matches and the pipeline's own entities compete, longest first.
        self._claim_ner_and_gazetteer(doc, claim, headline)
        # ... and the outlets of monitoring source lines ("Halden Radio Kelvor Network in Vesk 1130 GMT 12 Mar 95")
        source_lines(doc, items, taken, self.gazetteer, self.outlet_words)

        # 1b. Names the model missed: a run of proper nouns in an argument position,
        #     written at least twice in the document ("Brightforge Games ... Brightforge").
        if doc.has_annotation("DEP"):
            # (a name a sentence defines as a product first: "Crimson Tide Rising is a strategy game
            # developed by X", whose last word the tagger took for no proper noun)
            self._defined_products(doc, taken, claim)
            self._possessed_products(doc, taken, claim)  # ("its Outrider reconnaissance drones")
            self._owned_drug_names(doc, taken, claim)  # ("Kelvor's zantoglipron")
            self._unlabelled_names(doc, items, taken, claim, headline)
            self._product_codes(doc, claim)
            self._product_words_after_names(doc, items, taken)  # ("its Flyzo Go app": "Go" left out)
            self._lower_case_subjects(doc, taken, claim)  # ("illycaffè said", "eMAG is owned by")
        self._states_after_places(doc, items, claim)

        # 2. Classes corrected by what the sentences say of a name: job titles, organisations,
        #    products, places that act like companies.
        self._correct_classes(doc, items)
        self._model_numbers(doc, items, taken)  # ("the SG 14-236": a product's model number the NER left out)
        self._governments_by_seat(doc, items)

        # 3. A name recognised once is the same entity wherever else it is written.
        spread_names(doc, items, taken, claim)
        # Datelines say where a story was filed, not who acts.
        drop_datelines(doc, items, self.gazetteer)
        # 4. Acronyms defined in the text, and bare acronyms whose long form was seen.
        define_acronyms(doc, items, taken, claim)

        store_items(doc, items)
        return doc


@Language.factory(
    "kg_entities",
    default_config={"use_gazetteer": True, "ontology_dir": None},
    assigns=["doc._.kg_entities", "doc.spans"],
    requires=["token.text"],
)
def make_entity_component(nlp: Language, name: str, use_gazetteer: bool, ontology_dir: str | None) -> KGEntities:
    """Factory of the ``kg_entities`` component."""
    return KGEntities(nlp, name, use_gazetteer=use_gazetteer, ontology_dir=ontology_dir)
