"""The rules: ontology-driven relation extraction, the ``kg_relations`` spaCy component.

Trigger words, argument prepositions, domains and ranges come from
``ontology/kg.ttl`` (see :mod:`kg.ontology`). For each trigger in a sentence
the component reads its arguments off the dependency parse:

- verbs in active and passive voice, with subjects inherited through
  coordination, control verbs and relative clauses;
- event nouns ("Oraxis's export restriction in Russia", "a partnership between X
  and Y", "X's investment in Y"), also as objects of light verbs ("X and Y
  have a partnership");
- role nouns in compounds and appositions ("Lumora CEO Priya Raman",
  "Snapgram's parent Metrix", "Chinese startup DeepVale", "Y, a unit of X").

Arguments are mapped to entity mentions (named, coreferent, or group nouns
such as "Chinese users" that stand for a country). This module is the
component and its pass over a Doc; one trigger's reading is
:mod:`kg.relations.extract`, the readings of other shapes are the mixins'. Negated and hypothetical
statements are kept with their modality and are not asserted as facts.

Results: ``doc._.relations`` (:class:`RelationSpan` records with spaCy spans)
backed by plain data in ``doc._.kg_relation_data``.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..entities import TitleCaseLines, guarded
from ..errors import ComponentError
from ..ontology import Ontology, load_ontology
from .brands import Brands
from .careers import Careers
from .frames import Frames
from .kinds import Kinds
from .access import access_paid_for, capacity_rented
from .credits import credits_dropped
from .natives import natives_apposed
from .portfolios import ministers_of_portfolios
from .resold import sold_after_made
from .made_at import made_at_works, works_making
from .known_makers import known_makers_kept
from .ceased_goods import ceased_goods_not_made
from .ordered_goods import ordered_goods_made
from .reliance import reliance_without_goods
from .holdings import holdings_not_supplied
from .lexicon import Lexicon
from .mentions import Mentions
from .modality import Modality
from .modifiers import Modifiers
from .orders import Orders
from .deals import Deals
from .events import Events
from .extract import Extraction
from .headlines import Headlines
from .hires import Hires
from .works import Works
from .patterns import Patterns
from .owners import Owners
from .markets import Markets
from .places import Places
from .purchases import Purchases
from .clauses import Clauses
from .customers import Customers
from .records import RESPECTIVELY, pair_respectively, register
from .roles import Roles
from .topics import Topics
from .seats import Seats
from .sellers import Sellers
from .sources import Sources
from .switches import Switches
from .served import Served
from .stakes import Stakes
from .state import DocState
from .subjects import Subjects
from .triggers import Triggers
from .words import Words
from ..syntax import described_by_where

__all__ = ["KGRelations", "make_relation_component"]


class KGRelations(Lexicon, Triggers, Frames, Events, Subjects, Roles, Careers, Mentions, Topics, Patterns, Modifiers,
                  Owners, Deals, Stakes, Places, Served, Kinds, Markets, Seats, Orders, Brands, Purchases, Clauses,
                  Extraction, Modality, Words, Hires, Works, Sellers, Sources, Switches, Customers, Headlines):
    """The ``kg_relations`` component. Needs a parse and ``kg_entities`` (and ideally ``kg_coref``)."""

    def __init__(self, nlp: Language, name: str = "kg_relations", min_confidence: float = 0.3,
                 ontology_dir: str | None = None) -> None:
        register()
        self.name = name
        self.min_confidence = min_confidence
        self.onto: Ontology = load_ontology(ontology_dir)
        self._read_lexicon()
        Modality.__init__(self, self.onto)

    # -- main --------------------------------------------------------------------------

    #: what :meth:`_read_doc` reads off the Doc it is reading (its entity items, the memos of its readings,
    #: its words' arrays, the Doc itself): made when the call starts and let go when it ends, so that the
    #: component holds no Doc alive between calls (:mod:`kg.relations.state`)
    _doc_state: DocState | None = None

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        try:
            return self._read_doc(doc)
        finally:
            self._doc_state = None

    def _read_doc(self, doc: Doc) -> Doc:
        """The relations of ``doc`` (:meth:`__call__`, which then drops what this read off it)."""
        if not doc.has_annotation("DEP"):
            raise ComponentError("kg_relations needs a dependency parse: add it after a 'parser' component.")
        items: list[dict[str, Any]] = list(doc._.kg_entity_data or [])
        by_token: dict[int, int] = {}
        for n, it in enumerate(items):
            for i in range(it["start"], it["end"]):
                by_token[i] = n
        self._doc_state = state = DocState(doc, items, by_token)
        self._read_words(doc)
        # Span.ents scans the whole Doc on every call: group the entities by sentence once.
        # (dates and sums only: the qualifiers read no others)
        for ent in doc.ents:
            if ent.label_ in {"DATE", "MONEY"}:
                state.sent_ents.setdefault(ent.sent.start, []).append(ent)
        found: dict[tuple[str, str, str, int], dict[str, Any]] = {}
        apposed = self._apposed_places(doc, items, by_token)
        sales, sold = self._sales(doc, items, by_token)
        contracts, won = self._contracts(doc, items, by_token)
        shares, owned = self._shares(doc, items, by_token)
        sold |= won | owned
        customers = self._customers_in(doc, items, by_token) + self._routes(doc, items, by_token) \
            + self._fleet_routes(doc, items, by_token) \
            + self._working_with(doc, items, by_token) + self._kinds_of_deal(doc, items, by_token) \
            + self._under_a_deal(doc, items, by_token) \
            + self._access_given(doc, items, by_token) + self._markets_held(doc, items, by_token) \
            + self._revenue_where(doc, items, by_token) + self._possessed_places_run(doc, items, by_token) \
            + self._ranked_where(doc, items, by_token) + self._regions_run(doc, items, by_token) \
            + self._sites_run_by(doc, items, by_token)
        for rec in customers + apposed + sales + shares + self._possessives(doc, items, by_token) \
                + self._funding(doc, items, by_token) + self._money_put_in(doc, items, by_token) + contracts + self._of_modifiers(doc, items, by_token) \
                + self._lending(doc, items, by_token) + self._grants_given(doc, items, by_token) \
                + self._also_invested(doc, items, by_token) \
                + self._apposed_roles(doc, items, by_token) + self._premodified_roles(doc, items, by_token) \
                + self._members_in_place(doc, items, by_token) + self._products_from(doc, items, by_token) \
                + self._nationality(doc, items, by_token) + natives_apposed(self, doc, items, by_token) \
                + ministers_of_portfolios(self, doc, items, by_token) \
                + self._places_in(doc, items, by_token) \
                + self._framed_places(doc, items, by_token) \
                + self._joint_actors(doc, items, by_token) + self._work_in_place(doc, items, by_token) \
                + self._made_to_stop(doc, items, by_token) + self._chosen_suppliers(doc, items, by_token) \
                + self._hired_for_work(doc, items, by_token) + self._goods_from(doc, items, by_token) \
                + self._contracts_switched(doc, items, by_token) \
                + self._goods_taken(doc, items, by_token) + self._goods_gone_into(doc, items, by_token) \
                + self._named_goods_passed_on(doc, items, by_token) \
                + self._goods_carried(doc, items, by_token) \
                + self._made_with(doc, items, by_token) + self._sold_through(doc, items, by_token) \
                + self._retailers_sold_through(doc, items, by_token) \
                + sold_after_made(self, doc, items, by_token) + made_at_works(self, doc, items, by_token) \
                + works_making(self, doc, items, by_token) \
                + self._seats_written_before(doc, items, by_token) + self._seats_apposed(doc, items, by_token) \
                + self._seats_after_prepositions(doc, items, by_token) \
                + self._seats_of_named(doc, items, by_token) + self._source_seats(doc, items, by_token) \
                + self._seats_of_units(doc, items, by_token) \
                + self._bodies_of_nations(doc, items, by_token) + self._up_against(doc, items, by_token) \
                + self._beaten_rivals(doc, items, by_token) + self._hit_by_restrictions(doc, items, by_token) \
                + self._body_verbs_of_headlines(doc, items, by_token) \
                + self._parts_and_ventures(doc, items, by_token) + self._run_from(doc, items, by_token) \
                + self._apposed_city_seats(doc, items, by_token) \
                + self._used_goods(doc, items, by_token) + self._led_parts(doc, items, by_token) \
                + self._goods_stocked(doc, items, by_token) + self._on_order(doc, items, by_token) \
                + self._brands(doc, items, by_token) + self._known_for(doc, items, by_token) \
                + self._own_channels(doc, items, by_token) + self._deals_for_goods(doc, items, by_token) \
                + self._put_in_plans(doc, items, by_token) \
                + self._hosted_on(doc, items, by_token) + self._contact_clauses(doc, items, by_token) \
                + self._supplied_owners(doc, items, by_token) \
                + self._years_spent(doc, items, by_token) + self._seats_on_bodies(doc, items, by_token) \
                + self._came_from(doc, items, by_token) + self._left_employers(doc, items, by_token) \
                + self._moved_home(doc, items, by_token) + self._control_taken(doc, items, by_token) \
                + self._stakes_left_unnamed(doc, items, by_token) + self._run_as_units(doc, items, by_token) \
                + self._sold_by_owners(doc, items, by_token) + self._spun_off(doc, items, by_token):
            found[(rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"])] = rec
        title_case = TitleCaseLines(doc)
        # only words that some trigger starts from are worth a look
        candidates = sorted(set(self._token_ids(self.index)) | set(self._lower_ids(self._index_hashes)))
        for sent in doc.sents:
            headline = title_case(sent)
            for k in range(bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)):
                if candidates[k] in sold:
                    continue  # a firm or a stake sold to a buyer (_sales), a contract won (_contracts)
                tok = doc[candidates[k]]
                for trig in self._matches(tok):
                    recs = self._extract(doc, sent, tok, trig, items, by_token)
                    if not recs and trig.kind == "event" and len(trig.words) == 1:
                        recs = self._surface_event(doc, tok, trig.relation, items, by_token)
                    for rec in recs:
                        if headline:  # a Title Case headline parses badly: trust it less
                            rec["confidence"] = round(max(0.05, rec["confidence"] - 0.15), 3)
                        key = (rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"])
                        old = found.get(key)
                        if old is None or (rec["modality"] == "fact", rec["confidence"]) > (
                            old["modality"] == "fact", old["confidence"]
                        ):
                            found[key] = rec
        pair_respectively(doc, found, self._lower_ids(RESPECTIVELY))
        self._narrow_places(doc, found, apposed)
        self._employers_places(doc, found, items, by_token)
        self._birth_names(doc, found, items, by_token)
        self._born_entries(doc, found, items, by_token)
        self._listed_offices(doc, found)
        self._predecessors(doc, found, items, by_token)
        self._widen_places(doc, found, apposed)
        self._seat_cities(doc, found, apposed)
        self._city_before_seat(doc, found, items, by_token)
        self._regional_seats(doc, found)
        self._own_seats_kept(doc, found, items)
        self._grown_homes(doc, found)
        self._operating_cities(doc, found, apposed)
        self._close_transitive(doc, found)
        self._co_owners(doc, found)
        self._publishers(found)
        self._software_run(found)
        self._owned_brands_and_stores(doc, found)
        self._named_kinds_where(doc, found, items, by_token)
        self._planned_markets(doc, found)
        capacity_rented(self, doc, found)
        access_paid_for(self, doc, found)
        credits_dropped(self, doc, found)
        ordered_goods_made(self, doc, found, items, by_token)
        known_makers_kept(self, doc, found)
        ceased_goods_not_made(self, doc, found)
        self._services_offered(doc, found)
        reliance_without_goods(self, doc, found)
        holdings_not_supplied(self, doc, found, items, by_token)
        self._kept_as_units(doc, found, items, by_token)
        # a body restricts no country the document has it based in ("BaFin, Germany's financial
        # regulator, barred ..." does not restrict Germany)
        seats = {(r["s_key"], r["o_key"]) for r in found.values() if r["predicate"] == "basedIn"}
        # (a country, a city or a person the text gives a job or a home operates nowhere: where a person
        # is, kg:livesIn or the employer's place says; "Kenyan lender X eyes an Ethiopian unit" is no act
        # of Kenya's. A lone name the NER took for a person may still be a firm.)
        people = {r["s_key"] for r in found.values() if r["predicate"] in {"worksFor", "livesIn"}}
        known_places = {f"{it['cls']}/{it['name']}" for it in items if self.onto.is_a(it["cls"], "Location")
                        and (it["via"] in {"gazetteer", "demonym"} or it["cls"] == "Country"
                             or (it.get("via") != "coref" and described_by_where(doc[it["end"] - 1])))}
        found = {k: r for k, r in found.items() if r["confidence"] >= self.min_confidence
                 and not (r["predicate"] in self.restricting and (r["s_key"], r["o_key"]) in seats)
                 and not (r["predicate"] == "operatesIn" and (
                     self.onto.is_a(r["s_cls"], "Location") or r["s_key"] in people
                     # (nor does a government body: it governs, regulates or funds there, as its
                     # relations say; the annotated news has one such statement in 1,500)
                     or self.onto.is_a(r["s_cls"], "GovernmentBody")))
                 # (a place offers nothing: "Vietnam's ToanVui" is a product made there)
                 and not (r["predicate"] == "offers" and self.onto.is_a(r["s_cls"], "Location"))
                 # (a known place is no firm's or product's rival or partner: "Brazil's market, where it
                 # will compete" read as Brazil's, "Kenya's largest operator ... rivals such as Zavu"; a
                 # lone name the NER took for a place may still be a firm: "Geoje competes with Hanmo")
                 and not (self.onto.relations[r["predicate"]].symmetric
                          and ((r["s_key"] in known_places) != (r["o_key"] in known_places)))}
        # a dateline city kept for "AUSTIN, Texas" is where it is, and the parse's subject of nothing
        datelines = {it["start"] for it in items if it.get("dateline")}
        if datelines:
            found = {k: r for k, r in found.items() if r["predicate"] == "locatedIn"
                     or (r["s_start"] not in datelines and r["o_start"] not in datelines)}
        doc._.kg_relation_data = sorted(found.values(), key=lambda r: (r["sent_start"], r["s_start"], r["predicate"], r["o_start"]))
        return doc


@Language.factory(
    "kg_relations",
    default_config={"min_confidence": 0.3, "ontology_dir": None},
    assigns=["doc._.relations"],
    requires=["token.dep", "token.lemma", "doc._.kg_entities"],
)
def make_relation_component(nlp: Language, name: str, min_confidence: float,
                            ontology_dir: str | None) -> KGRelations:
    """Factory of the ``kg_relations`` component."""
    missing = [p for p in ("parser",) if p not in nlp.pipe_names and not any(
        "parser" in n for n in nlp.pipe_names)]
    if missing:
        raise ValueError(
            "kg_relations needs a pipeline with a dependency parser (e.g. en_core_web_sm); "
            f"current pipes: {nlp.pipe_names}"
        )
    if "kg_entities" not in nlp.pipe_names:
        raise ValueError(
            "kg_relations needs 'kg_entities' earlier in the pipeline: nlp.add_pipe('kg_entities') "
            f"first (and 'kg_coref' for pronouns). Current pipes: {nlp.pipe_names}"
        )
    return KGRelations(nlp, name, min_confidence=min_confidence, ontology_dir=ontology_dir)
