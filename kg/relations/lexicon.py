"""The word sets the rules read, made once when the component is built: from the ontology's
relations (their triggers, domains and ranges) and from ``ontology/lexicon.toml``.

A mixin of :class:`~kg.relations.rules.KGRelations`; :meth:`Lexicon._read_lexicon` runs in its
constructor, after the ontology is loaded.
"""

from __future__ import annotations

from spacy.strings import get_string_id

from ..ontology import Ontology, RelationInfo
from ..syntax import MAKING_VERBS
from .triggers import _Trigger

__all__ = ["Lexicon"]


class Lexicon:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the word sets of the ontology and lexicon."""

    onto: Ontology

    def _read_lexicon(self) -> None:
        """Make every word set the rules read (``self.onto`` must be loaded)."""
        # (what the readings keep over all Docs, filled as they go)
        self._form_strings: dict[int, str] = {}  # string hash -> its string, over all Docs (Words._read_words)
        self._one_word_trigger_sets: dict[str, frozenset[str]] = {}  # (Deals._one_word_triggers)
        lex = self.onto.lexicon
        self.light_verbs = set(lex["relations"]["light_verbs"])
        self.aiming_verbs = frozenset(lex["relations"]["aiming_verbs"])
        #: the words of each relation's role triggers, and the modifiers titles take ("vice", "deputy")
        self.title_words = {name: {w for t in rel.role_triggers for w in t} | {"vice", "deputy", "senior", "co"}
                            for name, rel in self.onto.relations.items()}
        #: relations of people (worksFor, livesIn) and of places (locatedIn): every class of their domain is one
        self.people_relations = frozenset(name for name, rel in self.onto.relations.items() if rel.domain
                                          and all(self.onto.is_a(d, "Person") for d in rel.domain))
        self.place_relations = frozenset(name for name, rel in self.onto.relations.items() if rel.domain
                                         and all(self.onto.is_a(d, "Location") for d in rel.domain))
        self.undergo_verbs = set(lex["relations"].get("undergo_verbs", ()))
        self.location_participles = frozenset(lex["relations"].get("location_participles", ()))
        self.revenue_nouns = frozenset(lex["relations"].get("revenue_nouns", ()))
        self.revenue_share_verbs = frozenset(lex["relations"].get("revenue_share_verbs", ()))
        self.place_part_nouns = frozenset(lex["relations"].get("place_part_nouns", ()))
        self.owning_verbs = frozenset(lex["relations"].get("owning_verbs", ()))
        self.market_leader_nouns = frozenset(lex["relations"].get("market_leader_nouns", ()))
        self.starting_verbs = frozenset(lex["relations"].get("starting_verbs", ()))  #: ("start sales in Chile")
        #: verbs of accusing: whom a suit's accusing participle names is whom it is against
        self.accusing = frozenset(lex["relations"].get("accusing", ()))
        #: a government's jobs, and the titles heads of state share (lexicon ``government_jobs``, ``state_titles``)
        self.government_jobs = frozenset(lex["relations"].get("government_jobs", ()))
        self.state_titles = frozenset(lex["relations"].get("state_titles", ()))
        #: a country's agents abroad, after which "to" names the host (lexicon ``envoy_nouns``)
        self.envoy_nouns = frozenset(lex["relations"].get("envoy_nouns", ()))
        #: the jobs of kg:worksFor (their last words), and what only people are called (lexicon
        #: ``person_titles``), that name no kind of firm (kg:basedIn's role nouns): a demonym before one
        #: says whose national the holder is ("Greek police spokesman X", "the Chilean painter X")
        def last_words(name: str) -> set[str]:
            rel = self.onto.relations.get(name)
            return {t[-1] for t in rel.role_triggers} if rel is not None else set()
        jobs, kinds = last_words("worksFor"), last_words("basedIn")
        #: (what only people are called: a name apposed to one is a person's, "the Chilean painter, X")
        self.person_titles = frozenset({w.lower() for w in lex.get("entities", {}).get("person_titles", ())} - kinds)
        self.national_jobs = frozenset((jobs | self.person_titles) - kinds)
        #: jobs that, besides kg:backReferringRole's, refer back to the organisation a sentence is about
        #: (not jobs only organisations give: "Western Australia's mines minister" is a state's)
        #: jobs of speaking for an organisation, a firm or a body alike (lexicon ``speaking_jobs``)
        self.speaking_jobs = frozenset(lex["relations"].get("speaking_jobs", ()))
        self.back_jobs = self.government_jobs | self.state_titles | self.speaking_jobs
        self.relocation_verbs = set(lex["relations"].get("relocation_verbs", ()))
        self.youth_nouns = frozenset(lex["relations"].get("youth_nouns", ()))
        self.ordinal_words = frozenset(lex["relations"].get("ordinal_words", ()))
        self.origin_nouns = frozenset(lex["relations"].get("origin_nouns", ()))
        self._origin_hashes = frozenset(get_string_id(w) for w in self.origin_nouns)  # to find them by their form
        #: verbs whose clause gives the modality of a trigger noun they take ("plans to sign a deal",
        #: "will move its headquarters")
        self.clause_verbs = self.light_verbs | self.relocation_verbs
        #: verbs whose subject takes something from another ("buys cocoa from", kg:inverseTrigger)
        self.taking_verbs = {w[0] for rel in self.onto.relations.values() for w in rel.inverse_triggers if len(w) == 1}
        self.joint_adverbs = set(lex["relations"].get("joint_adverbs", ()))
        self.compel_verbs, self.stop_verbs = set(lex["relations"]["compel_verbs"]), set(lex["relations"]["stop_verbs"])
        self.holder_nouns = set(lex["relations"]["holder_nouns"])
        #: prepositions of an act's cause ("sanctions X over Iranian oil"), no party to it
        self.cause_preps = frozenset(lex["relations"].get("cause_preps", ()))
        self.licence_nouns, self.to_nouns = set(lex["relations"]["licence_nouns"]), set(lex["relations"]["to_nouns"])
        self.goods_of_nouns = set(lex["relations"].get("goods_of_nouns", self.to_nouns))
        self.handing_verbs = set(lex["relations"].get("handing_verbs", ()))
        self.goods_object_verbs = set(lex["relations"].get("goods_object_verbs", ()))
        self.plural_goods_verbs = set(lex["relations"].get("plural_goods_verbs", ()))
        self.trigger_nouns = {words[-1] for rel in self.onto.relations.values()  # (not a site's: "chargers")
                              if rel.name not in self.onto.to_places for words in rel.triggers + rel.inverse_triggers}
        #: restrictions and their kin (kg:locationIsAgent in the family): where a place says where, not whom
        self.restricting = {n for n in self.onto.relations if any(self.onto.relations[r].location_is_agent
                                                                  for r in self.onto.family(n))}
        self.instrument_nouns = set(lex["relations"]["instrument_nouns"])
        self.instrument_verbs = set(lex["relations"]["instrument_verbs"])
        self.not_roles = set(lex["relations"]["not_roles"])
        self.contract_nouns = set(lex["relations"].get("contract_nouns", ()))
        self.contract_verbs = set(lex["relations"].get("contract_verbs", ()))
        self.order_holding_verbs = set(lex["relations"].get("order_holding_verbs", ()))
        self.funding_verbs = set(lex["relations"].get("funding_verbs", ()))
        self.funding_nouns = set(lex["relations"].get("funding_nouns", ()))
        self.money_nouns = self.funding_nouns | set(lex["relations"].get("money_nouns", ()))
        self.holding_nouns = set(lex["relations"].get("holding_nouns", ()))
        self.organisation_parts = frozenset(lex["relations"].get("organisation_parts", ()))
        self.succession_verbs = frozenset(lex["relations"].get("succession_verbs", ()))
        self.moving_verbs = frozenset(lex["relations"].get("moving_verbs", ()))
        self.portion_words = frozenset(lex["relations"].get("portion_words", ()))
        self.round_nouns = set(lex["relations"].get("round_nouns", ()))
        self.round_verbs = set(lex["relations"].get("round_verbs", ()))
        self.participation_nouns = set(lex["relations"].get("participation_nouns", ()))
        self.customer_nouns = set(lex["relations"].get("customer_nouns", ()))
        self.serving_with_verbs = frozenset(lex["relations"].get("serving_with_verbs", ()))
        self.workforce_nouns = frozenset(lex["relations"].get("workforce_nouns", ()))
        #: whose presence in a place says a business operates there: its customers and its own people
        self.served_nouns = frozenset(self.customer_nouns) | self.workforce_nouns
        self.quantity_nouns = set(lex["relations"].get("quantity_nouns", ()))
        self.act_nouns = set(lex["relations"].get("act_nouns", ()))
        self.partnering_verbs = set(lex["relations"].get("partnering_verbs", ()))
        self.deal_nouns = frozenset(lex["relations"].get("deal_nouns", ()))
        self.deal_kinds_not_partners = frozenset(lex["relations"].get("deal_kinds_not_partners", ()))
        self.deal_verbs = frozenset(lex["relations"].get("deal_verbs", ()))
        self.assent_verbs: dict[str, str] = dict(lex["relations"].get("assent_verbs", {}))
        #: kinds of deal that say another relation ("supply deal") or money ("financing deal"): the one-word
        #: triggers of every relation but kg:partnersWith, and the money nouns
        self.other_deal_kinds = frozenset(w[0] for r in self.onto.relations.values() if r.name != "partnersWith"
                                          for w in r.triggers if len(w) == 1) | frozenset(self.money_nouns)
        #: the verbs of two-word triggers and, for each, the relations and nouns it takes ("give" ->
        #: providesAccessTo's "access"): read off the surface by Deals._access_given
        self.given_nouns: dict[str, list[tuple[RelationInfo, set[str]]]] = {}
        for rel in self.onto.relations.values():
            for verb in sorted({w[0] for w in rel.triggers if len(w) == 2}):
                self.given_nouns.setdefault(verb, []).append(
                    (rel, {w[1] for w in rel.triggers if len(w) == 2 and w[0] == verb}))
        #: names (and aliases) of the organisations the gazetteer knows
        self.gazetteer_orgs = {n for e in self.onto.gazetteer if e.cls != "Place" for n in (e.name, *e.aliases)}
        #: the country of each place the gazetteer knows one for (by name and alias)
        self.place_countries = self.onto.place_countries
        #: the regions the gazetteer puts its cities in ("Lower Saxony", "Ontario")
        #: (and the states of the United States, lexicon ``region_states``: "Harwick, Ohio")
        self.region_names = frozenset(e.region for e in self.onto.gazetteer if e.cls == "Place" and e.region) \
            | frozenset(self.onto.lexicon["entities"].get("region_states", ()))
        #: the region of each place the gazetteer puts in one (by name and alias)
        self.place_regions = self.onto.place_regions
        #: the continents and world regions the gazetteer knows (places in no country: "South Asia"), and
        #: the last words of their names ("East Africa", "Western Europe")
        self.world_regions = self.onto.world_regions
        self.world_region_heads = frozenset(n.split()[-1] for n in self.world_regions if " " in n)
        self.route_nouns = set(lex["relations"].get("route_nouns", ()))
        self.not_goods = frozenset(lex["relations"].get("not_goods", ()))
        self.market_nouns = set(lex["relations"].get("market_nouns", ()))
        self.market_holding_verbs = set(lex["relations"].get("market_holding_verbs", ()))
        self.market_share_words = set(lex["relations"].get("market_share_words", ()))
        self.route_verbs = set(lex["relations"].get("route_verbs", ()))
        self.vessel_nouns = frozenset(lex["relations"].get("vessel_nouns", ()))
        self.carrying_verbs = frozenset(lex["relations"].get("carrying_verbs", ()))
        self.running_verbs = set(lex["relations"].get("running_verbs", ()))
        self.route_linking_verbs = frozenset(lex["relations"].get("route_linking_verbs", ()))
        self.named_sites = frozenset(lex["relations"].get("named_sites", ()))
        self.seat_changing_words = frozenset(lex["relations"].get("seat_changing_words", ()))
        self.set_price_nouns = set(lex["relations"].get("set_price_nouns", ()))
        self.paid_sums = frozenset(lex["relations"].get("paid_sums", ()))
        self.cut_words = frozenset(lex["relations"].get("cut_words", ()))
        self.each_words = frozenset(lex["relations"].get("each_words", ()))
        #: verbs of forming or running a group or site ("a consortium formed by X"), of backing a firm
        #: ("a miner backed by X"), of running one from a place, of buying on a headline's surface
        words = self.onto.words
        self.forming_verbs = words("relations", "forming_verbs")
        self.filing_verbs = words("relations", "filing_verbs")
        self.gaining_verbs = words("relations", "gaining_verbs")
        self.listing_verbs = words("relations", "listing_verbs")
        self.restriction_lists = words("relations", "restriction_lists")
        self.ban_lists = words("relations", "ban_lists")
        self.undergo_passives = words("relations", "undergo_passives")
        self.backing_verbs = words("relations", "backing_verbs")
        self.run_from_verbs = words("relations", "run_from_verbs")
        self.home_farming_verbs = words("relations", "home_farming_verbs")
        #: nouns of a rivalry ("price war"): one with no owner of its own is its clause's subject's
        self.rivalry_nouns = words("relations", "rivalry_nouns")
        #: kinds of service a firm's possessive pronoun on states that it offers it ("its Zuma Pay wallet")
        self.offered_service_nouns = words("relations", "offered_service_nouns")
        #: verbs of a relative clause on a works by which its subject holds it ("The factory, which Kelvor bought")
        self.works_holding_verbs = words("relations", "works_holding_verbs")
        #: verbs of making goods ("make", "build", "assemble" ...), and those with the entities' verbs of making
        self.goods_making_verbs = words("relations", "goods_making_verbs")
        self.all_making_verbs = MAKING_VERBS | self.goods_making_verbs
        #: participles and verbs of a works making goods (lexicon ``making_verbs`` and ``goods_making_verbs``)
        self.works_making_verbs = words("entities", "making_verbs") | self.goods_making_verbs
        #: kg:develops's one-word triggers and role-trigger words: a develops record read from one of these
        #: was read from a word of making, not from a possessive
        dev = self.onto.relations.get("develops")
        self.develops_making_words = frozenset(w[0] for w in dev.triggers if len(w) == 1) \
            | {w for t in dev.role_triggers for w in t} if dev is not None else frozenset()
        #: verbs of selling or making a named product ("sold 300 of its Outrider drones")
        self.selling_or_making_verbs = words("entities", "offering_verbs") | words("entities", "making_verbs")
        self.serving_verbs = words("relations", "serving_verbs")
        self.serving_bodies = words("relations", "serving_bodies")
        self.headline_purchase_verbs = words("relations", "headline_purchase_verbs")
        #: what one wins from a rival, and what rivals fight over (that and more); verbs of going after it
        self.won_nouns = words("relations", "won_nouns")
        self.contested_nouns = self.won_nouns | words("relations", "contested_nouns")
        self.pursuing_verbs = words("relations", "pursuing_verbs")
        self.staying_verbs = words("relations", "staying_verbs")
        self.seat_participles = words("relations", "seat_participles")
        self.set_price_modifiers = set(lex["relations"].get("set_price_modifiers", ()))
        self.legal_suffixes = set(lex["names"]["legal_suffixes"])
        # last words after which "of" + a place is often the rest of the name ("the Central Bank of
        # Ireland", "the State University of New York") when the NER stopped short of it
        self.name_heads = self.onto.name_of_heads
        self.group_nouns = set(lex["entities"]["group_nouns"])
        self.forces_nouns = set(lex["entities"].get("forces_nouns", ()))
        self.product_heads = {w.lower() for w in lex["entities"]["product_heads"]}
        self._product_head_hashes = frozenset(get_string_id(w) for w in self.product_heads)  # by their form
        self.product_nouns = {w.lower() for w in lex["entities"]["product_nouns"]}
        #: kinds of made thing no firm or person is called too ("the Quillon arcade game Nebula"; not "hit")
        self.made_kinds = frozenset(self.product_nouns - self.onto.words("entities", "shared_kinds"))
        self.product_groups = self.onto.words("entities", "product_groups")  # (the entity stage's set, made once)
        #: sites a firm owns or sells from ("Ampero's factory", "Felgo stores"), and its units ("Kessmark's
        #: Brazilian unit"): goods sent to one go to its owner
        self.owned_works = frozenset(lex["entities"].get("owned_works", ()))
        #: nouns of a firm's unit ("unit", "arm", "subsidiary"): "Kelvor unit Tessa" names the unit's owner first
        self.unit_nouns = frozenset(lex["entities"].get("owned_units", ()))
        self.works_nouns = self.owned_works | frozenset(lex["entities"].get("seller_sites", ())) | self.unit_nouns
        #: kg:subsidiaryOf's one-word role nouns ("subsidiary", "unit", "arm"): what a firm is run "as"
        sub = self.onto.relations.get("subsidiaryOf")
        self.subsidiary_nouns = frozenset(w[0] for w in sub.role_triggers if len(w) == 1) if sub else frozenset()
        self.unit_heads = set(lex["entities"]["unit_heads"])
        #: heads of the names of bodies every state has ("the High Court"): a named one is still the
        #: thing a trigger names ("took X to the High Court" is "take to court")
        self.generic_body_heads = frozenset(w.lower() for w in lex["entities"].get("generic_bodies", ()))
        self.place_nouns = {w.lower() for w in lex["entities"]["place_nouns"]}
        #: ... and the words for a part of one ("across much of Lombardy"), which "of" names the same way
        self.place_of_words = self.place_nouns | {w.lower() for w in lex["entities"].get("place_part_words", ())}
        self.counted_place_nouns = frozenset(lex["entities"].get("counted_place_nouns", ()))
        #: ... and those of a division of a wider place ("the Tarvo district of Keldria")
        self.division_nouns = frozenset(lex["entities"].get("division_nouns", ()))
        self.region_adjectives = frozenset(lex["entities"].get("region_adjectives", ()))
        self.place_heads = set(lex["entities"]["place_heads"])
        self.compass_words = frozenset(lex["entities"].get("compass_words", ()))  #: ("south of Harwick in Oregon")
        self.place_head_words = {w.lower() for w in self.place_heads}  #: the same, lower-case ("in Apulia province")
        self.firm_kinds = {w.lower() for w in self.onto.lexicon["coref"].get("Company", ())}
        #: nouns that describe a firm, an organisation or a government body ("the parliament")
        self.body_nouns = {w.lower() for cls in ("Company", "Organization", "GovernmentBody")
                           for w in self.onto.lexicon["coref"].get(cls, ())}
        #: ... and the trades a firm is called by before its name ("trading house X"), which no back reference uses
        self.titling_nouns = self.body_nouns | {w.lower() for w in self.onto.lexicon["entities"].get("trade_words", ())}
        #: what a verb of buying goods (lexicon ``goods_buying_verbs``, whose owner written before them sells them:
        #: "buys all of Quillo's copper"; read by :class:`~kg.relations.modality.Modality`) buys that is no goods
        #: ("Lumo's stake", "Lumo's assets")
        self.not_bought_goods = set(lex["relations"].get("not_bought_goods", ())) | self.holding_nouns \
            | self.money_nouns | self.organisation_parts | {w.lower() for w in lex["entities"].get("owned_works", ())} \
            | {w.rstrip("s") for w in lex["entities"].get("equity_nouns", ())}
        #: verbs of letting goods out, which a "to" turns from taking into handing over ("leases jets to X")
        self.letting_verbs = {w.lower() for w in lex["relations"].get("letting_verbs", ())}
        #: verbs that hand their object to whom "to" names (kg:saleTrigger) -> the relation
        self.sale_verbs = {words[0]: rel for rel in self.onto.relations.values() for words in rel.sale_triggers
                           if len(words) == 1}
        #: verbs whose "from" names a seller (a kg:inverseTrigger with a kg:sourcePreposition): "buys a
        #: stake in Quillo from Harbor"
        self.purchase_verbs = {words[0]: rel for rel in self.onto.relations.values() if rel.source_preps
                               for words in rel.inverse_triggers if len(words) == 1}
        #: verbs of owning a firm (kg:subsidiaryOf's inverse triggers, and "hold"), read with a share by
        #: :meth:`~kg.relations.deals.Deals._shares`
        sub = self.onto.relations.get("subsidiaryOf")
        self.owning_verbs = {words[0] for words in (sub.inverse_triggers if sub else ()) if len(words) == 1} | {"hold"}
        #: verbs of buying a firm (kg:acquires' one-word verbs): "bought 41% of VTA" is a share below half
        self.buying_firm_verbs = self._one_word_triggers("acquires")
        #: role nouns after which "in <Place>" is where the holder operates (kg:placeIsMarket "role")
        self.market_roles = {words for rel in self.onto.relations.values() if "role" in rel.place_is_market
                             for words in rel.role_triggers}
        self.org_plurals = {"company", "firm", "group", "business", "partner", "rival", "carmaker",
                            "automaker", "chipmaker", "startup", "maker", "bank", "lender", "player"}
        self.org_role_nouns = {
            words[-1] for rel in self.onto.relations.values()
            if rel.domain and all(self.onto.is_a(d, "Organization") for d in rel.domain)
            for words in rel.role_triggers
        }
        #: the same roles of two words ("think tank", "trading house")
        self.org_role_phrases = {
            " ".join(words) for rel in self.onto.relations.values()
            if rel.domain and all(self.onto.is_a(d, "Organization") for d in rel.domain)
            for words in rel.role_triggers if len(words) == 2
        }
        self._actor_classes = {c for c in self.onto.classes if self.onto.is_a(c, "Organization")
                               or self.onto.is_a(c, "Person")}
        self.kind_nouns = self.org_plurals | self.org_role_nouns  # "internet providers in Spain, including X"
        self.index: dict[str, list[_Trigger]] = {}
        self._lower_strings: dict[int, str] = {}  # string hash -> lower-case string
        for rel in self.onto.relations.values():
            for kind, triggers in (("event", rel.triggers), ("role", rel.role_triggers),
                                   ("inverse_role", rel.inverse_role_triggers),
                                   ("inverse", rel.inverse_triggers)):
                for words in triggers:
                    for w in set(words):
                        self.index.setdefault(w, []).append(_Trigger(rel, words, kind))
        #: nouns for a government body ("regulator", "watchdog": lexicon [coref] GovernmentBody)
        self.government_nouns = {w.lower() for w in lex["coref"].get("GovernmentBody", ())}
        #: "gov." -> "governor": abbreviated titles, as the role trigger each stands for
        self.title_aliases = {k.lower() + ".": v for k, v in lex["relations"].get("title_abbreviations", {}).items()}
        self._index_hashes = {get_string_id(w) for w in self.index} | {
            get_string_id(w) for a in self.title_aliases for w in (a, a[:-1])}  # to find trigger words by their form
