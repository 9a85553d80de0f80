"""The ``kg_coref`` component: walks the document's words, resolves each mention
(:mod:`~kg.coref.resolve`) and records it beside the named ones."""

from __future__ import annotations

import bisect
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..entities import guarded
from ..entities.base import per_document, store_items
from ..errors import ComponentError
from ..ontology import load_ontology
from ..syntax import apposed_elsewhere
from .base import PLURAL_PRONOUNS as _PLURAL_PRONOUNS
from .base import register_links
from .accusations import Accusations
from .binding import Binding
from .chains import Chains
from .clause_subjects import ClauseSubjects
from .continuity import Continuity
from .institutions import Institutions
from .kinds import Kinds
from .mentions import Mentions
from .owners import Owners
from .product_owners import ProductOwners
from .homes import Homes
from .resolve import Resolution
from .salience import Salience

__all__ = ["KGCoref", "make_coref_component"]


class KGCoref(Resolution, Homes, Mentions, Kinds, Binding, Institutions, Chains, Continuity, Accusations, Owners,
             ProductOwners, ClauseSubjects, Salience):
    """The ``kg_coref`` component. Needs a dependency parse and ``kg_entities`` before it."""

    def __init__(self, nlp: Language, name: str = "kg_coref", max_sentences: int = 5,
                 ontology_dir: str | None = None) -> None:
        register_links()
        self.name = name
        self.max_sentences = max_sentences
        onto = load_ontology(ontology_dir)
        self.onto = onto
        lex = onto.lexicon["coref"]
        self.pronouns: dict[str, set[str]] = {
            p: set(classes) for p, classes in lex["pronouns"].items() if p not in _PLURAL_PRONOUNS
        }
        self.descriptors: dict[str, set[str]] = {}
        #: nouns of deals that only firms make ("its takeover of"): their possessor is a company
        self.firm_deals = set(lex["firm_deals"]["nouns"])
        #: place descriptions that, after a kind of thing, name a trade ("the helicopter market")
        self.trades = set(lex.get("trades", {}).get("nouns", ()))
        #: descriptions that refer only to a name the text called by them ("a grocery chain" ... "the chain")
        self._called_only = frozenset(lex.get("called_only", {}).get("nouns", ()))
        #: descriptions of bodies that are firms only where the text called them so ("the agency", "the union")
        self._bodies_not_firms = frozenset(lex.get("bodies_not_firms", {}).get("nouns", ()))
        #: the words of the names of the wider bodies a description's kind belongs to ("the club": "League")
        self._wider_bodies = {k: frozenset(v) for k, v in lex.get("wider_bodies", {}).items()}
        #: descriptions of places wider than a city ("the region"): no city, but a region (resolve.py)
        self._wide_places = frozenset(lex.get("wide_places", {}).get("nouns", ()))
        #: words in the names of firms of a trade, by the description of the trade ("the lender": "Bank")
        self._trade_names = {k: frozenset(v) for k, v in lex.get("trade_names", {}).items()}
        #: nouns of institutions that stand only for a name holding them ("the university"), and the words of
        #: the names of some ("the paper": "Courier", "Times"; see :mod:`~kg.coref.institutions`)
        self._institutions = frozenset(lex.get("institutions", {}).get("nouns", ()))
        self._institution_names = {k: frozenset(w.lower() for w in v)
                                   for k, v in lex.get("institution_names", {}).items()}
        #: the kinds of product a wider noun calls again ("the drug" after "X, a migraine pill"): every kind
        #: for "the product"
        self._product_kinds = {k: frozenset(v) for k, v in lex.get("product_kinds", {}).items()}
        self._product_kinds["product"] = onto.words("entities", "product_nouns")
        #: verbs of paying or hiring a firm to do a work ("paid X to repair ships at its yard": owners.py)
        self._hiring = frozenset(lex.get("hiring", {}).get("verbs", ())) | onto.words("relations", "hiring_verbs")
        for cls, nouns in lex.items():
            if cls in {"pronouns", "firm_deals", "trades", "called_only", "trade_names", "institutions",
                       "institution_names", "product_kinds", "hiring", "bodies_not_firms",
                       "wider_bodies", "wide_places"}:
                continue
            for noun in nouns:
                self.descriptors.setdefault(noun.lower(), set()).add(cls)
        #: last words of the descriptions of two words ("bank" of "central bank")
        self._second_words = {k.split()[-1] for k in self.descriptors if " " in k}
        rel = onto.lexicon["relations"]
        self.former = set(rel["former"])
        self.latter = set(rel["latter"])
        self.generic_products = set(onto.lexicon["entities"]["generic_products"])
        #: kinds of product, by which a text calls again a product it named before them ("the earbuds")
        self._kind_nouns = onto.words("entities", "product_nouns")
        #: nouns for a group of products ("line", "family"): no organisation's name ends in one a text means by it
        self._product_groups = onto.words("entities", "product_groups")
        #: works and shops one owns ("plant", "factory", "store"): no product owns one
        self.owned_sites = onto.words("entities", "owned_works") | onto.words("entities", "seller_sites")
        #: place nouns of a division of a wider place ("the Tessor region of Keldria")
        self.division_nouns = onto.words("entities", "division_nouns")
        #: role nouns of any relation ("rival", "unit", "customer", "chief executive")
        self.role_nouns = {
            words[-1] for rel in onto.relations.values()
            for words in rel.role_triggers + rel.inverse_role_triggers
        } - {"company", "firm", "group", "startup", "giant", "maker", "platform", "brand"}
        #: every role noun, whose name in front is another's ("the Lumafon maker", "the Pellum supplier");
        #: not those of relations to a place (kg:basedIn's "marketplace": a place in front says where,
        #: and a place is never the name a description stands for)
        self.relational_nouns = {words[-1] for rel in onto.relations.values()
                                 if rel.name not in onto.to_places
                                 for words in rel.role_triggers + rel.inverse_role_triggers}
        #: words of any relation, triggers and roles ("tie-up", "deal", "rival"): a noun of these names the
        #: relation, not a thing the text defined before (see ``Resolution._defined_as``); not those of
        #: relations to a place, sites one runs ("the station", "the yard")
        self.relation_words = {words[-1] for rel in onto.relations.values() if rel.name not in onto.to_places
                               for words in rel.triggers + rel.inverse_triggers + rel.role_triggers
                               + rel.inverse_role_triggers}
        #: job titles (role nouns of relations from a person), for "ministry spokesman X"
        self.person_titles = {
            words[-1] for rel in onto.relations.values() if rel.domain == frozenset({"Person"})
            for words in rel.role_triggers
        }
        #: a firm's jobs that refer back to it (kg:worksFor's back-referring roles: "founder", "chief
        #: executive"), less a government's and the ones anyone holds: "its founder" is a firm's
        back = onto.relations["worksFor"].back_roles if "worksFor" in onto.relations else frozenset()
        anyones = {*rel.get("government_jobs", ()), *rel.get("state_titles", ()), *rel.get("speaking_jobs", ()),
                   "owner"}
        self._firm_jobs = frozenset(words for words in back if words[-1] not in anyones)
        #: words that end names of firms of any kind ("Company", "Group", "Bank", "Holdings")
        self._firm_words = {w.lower() for key in ("company_heads", "firm_heads")
                            for w in onto.lexicon["entities"][key]} | {"company", "firm"}
        #: words that end the names of firms of any kind ("the company" is no one firm more than another)
        self._any_firm = frozenset(onto.lexicon["entities"].get("generic_firm_words", ()))
        #: both: words any firm's name may hold, which name no unit after its firm (owners.py)
        self._generic_firm_words = self._any_firm | self._firm_words
        #: nouns of a firm's units ("the group's display arm, X": owners.py)
        self._unit_nouns = frozenset(onto.lexicon["entities"].get("owned_units", ()))
        #: payment nouns among the descriptions ("commission": a body, or a share of sales) and the
        #: verbs of charging whose clause on one makes it the payment
        self._payment_nouns = {words[0] for rel in onto.relations.values() if "pays" in onto.ancestors(rel.name)
                               for words in rel.triggers if len(words) == 1} & set(self.descriptors)
        self._charging = set(onto.lexicon["relations"].get("charging_verbs", ()))
        #: "buy Lumo from its owner": the nouns of who sells a thing, and the verbs of buying one
        self._seller_nouns = frozenset(rel.get("seller_nouns", ()))
        acquires = onto.relations.get("acquires")
        self._buying = frozenset(rel.get("goods_buying_verbs", ())) | (
            {words[0] for words in acquires.triggers if len(words) == 1} if acquires is not None else set())
        #: verbs of saying: "X said it ..." makes X the subject of what is said
        self._reporting = set(onto.lexicon["relations"]["reporting"])
        self._accusing = set(onto.lexicon["relations"].get("accusing", ()))
        self._infringing = frozenset(onto.lexicon["relations"].get("infringing", ()))
        #: the verbs of kg:offers and kg:develops ("run", "operate", "sell", "develop"): who does these to a
        #: named product is a firm
        self._product_verbs = frozenset(words[0] for name in ("offers", "develops") if name in onto.relations
                                        for words in onto.relations[name].triggers if len(words) == 1)
        #: the first words of kg:sues's triggers ("sue", "file", "lawsuit"): what one says in a suit accuses
        sues = onto.relations.get("sues")
        self._suing = frozenset(words[0] for words in sues.triggers) if sues is not None else frozenset()
        #: where the gazetteer says an organisation is from
        self._home = {e.name: e.country for e in onto.gazetteer if e.country and e.cls != "Place"}
        #: a country by its name, alias or demonym, for a name that opens with one ("Saudi Public Investment Fund")
        self._country_words = {w: e.name for e in onto.gazetteer if e.cls == "Country"
                               for w in (e.name, *e.aliases, *e.demonyms)}
        #: the countries by name, and the country and region the gazetteer puts a place in
        self._countries = frozenset(e.name for e in onto.gazetteer if e.cls == "Country")
        self._place_country = onto.place_countries
        self._place_region = onto.place_regions
        #: the regions the gazetteer puts places in ("Xinjiang"): what "the region" may stand for (resolve.py)
        self._region_names = frozenset(self._place_region.values())
        #: continents and world regions (places in no country), which name markets more than seats
        self._world_regions = onto.world_regions
        #: who makes a product, for descriptions such as "the iPhone maker"
        self._developer = {e.name: e.developer for e in onto.gazetteer if e.developer}
        #: words of the names of places the gazetteer knows ("Ireland", "Irish"), which end a unit's name
        self._place_words = {n for e in onto.gazetteer if onto.is_a(e.cls, "Location")
                             for n in (e.name, *e.aliases, *e.demonyms)}
        #: the verb and noun of each two-word trigger ("give access", "grant licence"): the noun given after
        #: the one it is given to
        self._given_pairs = frozenset(tuple(words) for rel in onto.relations.values()
                                      for words in rel.triggers if len(words) == 2)
        #: the role nouns of relations whose range is products (kg:offers' "owner", kg:develops' "developer"):
        #: "its owner, Y" after a product named last is the product's (product_owners.py)
        self._product_roles = frozenset(words[-1] for rel in onto.relations.values()
                                        if rel.range and all(onto.is_a(c, "Product") for c in rel.range)
                                        for words in rel.role_triggers)


    # -- main ------------------------------------------------------------------------

    @guarded
    @per_document  # (the Doc's indexes and items this keeps while reading it go when the call ends)
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ComponentError(
                "kg_coref needs a dependency parse: add it after a 'parser' component "
                "(pipeline has no parse on this Doc). Available pipes must include 'parser'."
            )
        items: list[dict[str, Any]] = list(doc._.kg_entity_data or [])
        self._all_items = items
        #: the places the text names (not resolved mentions): the seats descriptions and names are written with
        self._places = [it for it in items if it["via"] != "coref" and self.onto.is_a(it["cls"], "Location")]
        self._sent_index = {}
        self._sent_first_token = {}
        for n, sent in enumerate(doc.sents):
            self._sent_first_token[n] = sent.start
            for i in range(sent.start, sent.end):
                self._sent_index[i] = n
        self._first_sentence_end = self._sent_first_token.get(1, len(doc))
        # indexes so that each resolution is logarithmic, not a scan of the document
        self._named = sorted((it for it in items if it["via"] != "coref" and not it.get("dateline")),
                             key=lambda it: it["start"])
        self._starts = [it["start"] for it in self._named]
        self._name_starts: dict[str, list[int]] = {}
        self._first_named: dict[int, dict[str, Any]] = {}
        for it in sorted(items, key=lambda it: it["start"]):
            self._name_starts.setdefault(it["name"], []).append(it["start"])
            if it["via"] in {"", "gazetteer"}:
                self._first_named.setdefault(self._sent_index.get(it["start"], -1), it)
        #: where the text names each organisation or product under any form of its name (chains.py)
        self._family_starts = self._name_families(items)
        taken = [False] * len(doc)
        for it in items:
            for i in range(it["start"], it["end"]):
                taken[i] = True
        links: list[dict[str, int]] = []
        resolved: list[dict[str, Any]] = []
        described: dict[str, dict[str, Any]] = {}
        #: what a description was named by a participle of naming ("The venture, to be called X"): the same bare
        #: description after it is that one, within the last few sentences ("buy steel from the venture")
        named_so: dict[str, dict[str, Any]] = {}

        named_at: dict[str, list[dict[str, Any]]] = {}
        for it in self._named:
            named_at.setdefault(it["name"], []).append(it)
        named_starts = {name: [it["start"] for it in its] for name, its in named_at.items()}

        def add(span: Span, ante: dict[str, Any]) -> None:
            if any(taken[span.start:span.end]):
                return
            for i in range(span.start, span.end):
                taken[i] = True
            # the entity is chosen; the mention that stands for it is its nearest name before the span
            # ("Nuvea chief executive X said. The company competes ...": that "Nuvea", not the subject
            # two sentences up that made it the likeliest referent)
            # (the nearest name, whatever class its own context gave it: "the social app Knotwork" stands
            # for the company Knotwork there)
            same = named_at.get(ante["name"], [])
            k = bisect.bisect_left(named_starts.get(ante["name"], []), span.start)
            mention = ante
            if k:
                mention = same[k - 1]
                if mention["cls"] == ante["cls"]:
                    ante = mention
            # (and a short form of the name since, which the text uses for it: "Terro Agri said ... The
            # deal gives Terro a foothold in Peru, where it will compete": that "Terro")
            # (a name no gazetteer knows, less a word that is no place: not "Telvanet" for "Telvanet
            # Ireland", a unit)
            words = ante["name"].split()
            short = [it for n in range(1, len(words)) for it in named_at.get(" ".join(words[:n]), [])
                     if mention["end"] <= it["start"] and it["end"] <= span.start and it["cls"] == ante["cls"]
                     and it["via"] == ""
                     and not any(" ".join(words[a:b]) in self._place_words
                                 for a in range(n, len(words)) for b in range(a + 1, len(words) + 1))]
            if short:
                mention = ante = max(short, key=lambda it: it["start"])
            resolved.append({"start": span.start, "end": span.end, "name": ante["name"], "cls": ante["cls"],
                        "wikidata": ante.get("wikidata", ""), "via": "coref"})
            links.append({"start": span.start, "end": span.end,
                          "antecedent_start": mention["start"], "antecedent_end": mention["end"]})

        for tok in doc:
            if taken[tok.i]:
                continue
            low = tok.lower_
            first = tok.i  # where the description's own words start
            if low in self._second_words and tok.i and doc[tok.i - 1].dep_ in {"amod", "compound"} \
                    and doc[tok.i - 1].head.i == tok.i and f"{doc[tok.i - 1].lower_} {low}" in self.descriptors:
                low, first = f"{doc[tok.i - 1].lower_} {low}", tok.i - 1  # "the central bank", "the trading house"
            elif tok.i >= 2 and doc[tok.i - 1].text == "-" and not doc[tok.i - 2].whitespace_ \
                    and not doc[tok.i - 1].whitespace_ and f"{doc[tok.i - 2].lower_}-{low}" in self.descriptors:
                low, first = f"{doc[tok.i - 2].lower_}-{low}", tok.i - 2  # "the Paris-based start-up"
            if low in self.pronouns and tok.pos_ == "PRON":
                if low == "it" and self._pleonastic(tok):
                    continue
                if low in {"it", "them"} and self._object_of_verb_before(tok, taken):
                    continue
                wanted = self.pronouns[low]
                nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
                if tok.dep_ == "poss" and (tok.head.lemma_.lower() in self.role_nouns
                                           or nxt.lemma_.lower() in self.role_nouns):
                    # "its rival", "its chief executive", "its customers": an organisation's
                    wanted = wanted & {"Company", "Organization", "GovernmentBody"} or wanted
                elif tok.dep_ == "poss" and tok.head.lemma_.lower() in self.owned_sites:
                    # "an SUV made by Halden Motors at its plant in Ulsan": a product has no works
                    wanted = wanted - {"Product"} or wanted
                # "banned the messaging app Quello after its owner, Kelvor Labs, ...": the product's (product_owners.py)
                ante = self._owned_product(tok)
                if ante is None and tok.dep_ == "poss" and tok.head.lemma_.lower() in self.firm_deals and "Company" in wanted:
                    # "the Commission fined Quillo after its takeover of X": a firm's deal, not the regulator's
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None and tok.dep_ == "poss" and "Company" in wanted \
                        and tuple(t.lower_ for t in doc[tok.i + 1:tok.head.i + 1]) in self._firm_jobs:
                    # "the regulator restricted Piet Lund, its founder": a founder or a chief executive is a
                    # firm's, not the body's the sentence is about
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None and tok.dep_ == "poss":
                    # "giving the carmaker access to its Veyra Large model": the firm its product is named after
                    ante = self._named_owner(doc, tok, wanted)
                if ante is None and tok.dep_ == "poss" and "Company" in wanted and self._owns_named_product(tok):
                    # "granted Halcyra a licence to export its Cirrus X9 accelerators": a named product's
                    # owner is a firm, not the body or country the sentence is about
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None and "Company" in wanted and self._runs_named_product(tok):
                    # "SarvamWallet, the wallet service it runs": who runs, sells or makes a named product is
                    # a firm, not the body or country the sentence is about (nor the product itself)
                    ante = self._resolve(doc, items, tok, {"Company"}, description=False, resolved=resolved)
                if ante is None:
                    ante = self._resolve(doc, items, tok, wanted, description=False, resolved=resolved)
                if ante is not None:
                    add(doc[tok.i:tok.i + 1], ante)
                continue
            if (called := self._kind_named_before(doc, tok)) is not None:
                add(*called)  # "the Vexa Pulse earbuds ... The earbuds are made by Kelvor" (kinds.py)
                continue
            if (body := self._institution_named_before(doc, tok)) is not None:
                if body[1] is not None:
                    add(*body)  # "the university" after "the University of Halden" (institutions.py)
                continue
            if tok.pos_ in {"NOUN", "ADJ"} and not tok.tag_.endswith("S"):
                if low in self._payment_nouns and any(
                        c.lemma_.lower() in self._charging and (
                            (c.dep_ in {"relcl", "acl"} and any(g.dep_ == "nsubj" and g.tag_ not in {"WDT", "WP"}
                                                                for g in c.children))
                            or (c.dep_ == "acl" and c.tag_ == "VBN")) for c in tok.children):
                    # "capped the commission that Delivo may charge", "the commission charged by X": what the
                    # clause's subject charges is a payment, no body (not "the commission, which took a year")
                    continue
                det = [c for c in tok.children if c.dep_ == "det" and c.lower_ == "the"]
                if not det:
                    det = self._given_one_article(tok, low)
                if not det and tok.dep_ == "compound" and tok.head.i == tok.i + 1 and tok.head.dep_ == "ROOT" \
                        and tok.head.tag_ in {"NNS", "VBZ"} and low in self.descriptors:
                    # "The company partners/NNS with X": the tagger took the verb for a plural the description
                    # modifies, and its "the" for the plural's (and its words in front: "The Lima-based
                    # airline competes/VBZ with X")
                    the = next((j for j in range(tok.i - 1, max(tok.i - 6, tok.sent.start - 1), -1)
                                if doc[j].lower_ == "the"), None)
                    if the is not None and doc[the].head.i == tok.head.i and all(
                            the < doc[k].head.i <= tok.head.i and not doc[k].is_sent_start
                            for k in range(the + 1, tok.i)):
                        det = [doc[the]]
                if not det and low in self.descriptors and tok.dep_ == "compound" \
                        and tok.head.lemma_.lower() in self.person_titles:
                    # "ministry spokesman Lukas Brandt", "company spokeswoman X": the one named before
                    ante = self._resolve(doc, items, tok, self.descriptors[low], description=True,
                                         resolved=resolved)
                    if ante is not None:
                        add(doc[tok.i:tok.i + 1], ante)
                    continue
                if not det:
                    continue
                start = min([det[0].i, *(c.i for c in tok.children if c.i < tok.i
                                          and c.dep_ in {"amod", "compound", "det", "npadvmod", "punct"})])
                named = [it for c in tok.children if c.dep_ == "compound" and c.i < tok.i and taken[c.i]
                         for it in [self._named_at(c.i)] if it is not None]
                if named and low in self.descriptors and low not in self.relational_nouns:
                    # "the Allied Mill Workers union": the name in front says which one, when it is of the
                    # kind the noun names ("the Sotavento.mx marketplace", a product's, names no firm)
                    # (not a wider body the kind belongs to: "the Northern League club" is a club of the league)
                    if self._compatible(named[0]["cls"], self.descriptors[low]) \
                            and not self._names_wider_body(low, named[0]["name"]):
                        add(doc[tok.i:tok.i + 1], named[0])
                    continue
                if any(taken[start:tok.i]):
                    # "the German carmaker": "German" stays its own (country) mention
                    start = first if not any(taken[first:tok.i]) else tok.i
                span = doc[start:tok.i + 1]
                if low in self.former or low in self.latter:
                    ante = self._former_latter(doc, items, tok, latter=low in self.latter)
                    if ante is not None:
                        add(span, ante)
                    continue
                after = doc[tok.i + 1] if tok.i + 1 < len(doc) else tok
                if low in self.trades and (any(c.dep_ in {"compound", "amod"} and c.i < tok.i and (
                        (c.pos_ == "NOUN" and c.is_lower) or c.ent_type_ in {"NORP", "GPE", "LOC"})
                                               for c in tok.children)
                                           or (after.lower_ == "for" and after.dep_ == "prep")):
                    # "the helicopter market", "the cloud market", "the market for single-aisle planes": a place's
                    # noun with a kind of thing before it or "for" right after it (the parser may hang it on the
                    # verb) is the trade's, no place; and "the British market", "the Iberian market" names
                    # its own place, no other one named before
                    continue
                if low in self.descriptors and any(self.onto.is_a(c, "Location") for c in self.descriptors[low]):
                    # "the city of Suzhou": a kind of place "of" a place's name is that place (and "the
                    # government of Peru", "the state government of Jalisco" that place's, no other)
                    of_named = next((it for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                                     for g in p.children if g.dep_ == "pobj"
                                     for it in [self._named_covering(g.i)] if it is not None), None)
                    if of_named is not None and low in self.division_nouns and self._place_named_before(tok):
                        continue  # ("the Tessor region of Keldria": the region is the one named before it)
                    if of_named is not None and (all(self.onto.is_a(c, "Location") for c in self.descriptors[low])
                                                 or self.onto.is_a(of_named["cls"], "Location")):
                        if self._compatible(of_named["cls"], self.descriptors[low]):
                            add(span, of_named)
                        continue
                if low in self.descriptors:
                    # "the Chinese supplier Sinolyt": a description right before a name is its title,
                    # where the parser hung the name elsewhere (beside it, the name's phrase reads it)
                    title_of = self._named_at(tok.i + 1)
                    if title_of is not None and title_of["start"] == tok.i + 1 \
                            and self._compatible(title_of["cls"], self.descriptors[low]):
                        root = doc[title_of["start"]:title_of["end"]].root
                        if root.head.i != tok.i and tok.head.i != root.i:
                            add(span, title_of)
                        continue
                    # "the Azerbaijani state", "the Peruvian government": a country's noun with a
                    # country's name or demonym on it is that country, no place named before
                    country = next((it for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i
                                    for it in [self._named_covering(c.i)] if it is not None
                                    and it["cls"] == "Country"), None) if "Country" in self.descriptors[low] else None
                    if country is not None:
                        add(span, country)
                        continue
                    # "the Fujian provincial government": a body's noun with a place's name on it is that place's
                    # body: only a body named before whose name holds the place's (not the court named last)
                    place = next((it for c in tok.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < tok.i
                                  for it in [self._named_covering(c.i)] if it is not None and it["cls"] == "Place"),
                                 None) if "GovernmentBody" in self.descriptors[low] else None
                    if place is not None:
                        ante = next((it for it in reversed(self._named) if it["end"] <= span.start
                                     and it["cls"] == "GovernmentBody" and place["name"] in it["name"]), None)
                        if ante is not None:
                            add(span, ante)
                        continue
                    # "The venture, called Solmer Bio, will be based in Lyon": a description the clause
                    # names is that name, not one named before (nor, with no name found, any)
                    called = self._called(tok)
                    if called is not None:
                        ante = self._named_covering(called.i)
                        if ante is not None and self._compatible(ante["cls"], self.descriptors[low]):
                            add(span, ante)
                            named_so[low] = ante
                        continue
                    # "Logwarden, the New York monitoring company": an appositive names its head
                    # (not a number the parser apposed, left of a coordination: "The studio, which employs 300
                    # people in Lund and 40/appos in Oslo, said")
                    apposed = [c for c in tok.children if c.dep_ == "appos" and c.pos_ != "NUM"]
                    if tok.dep_ == "appos" or apposed:
                        # ("Streamora and Kanalo, the service run by X": the parser apposed it further back)
                        elsewhere = apposed_elsewhere(tok)
                        if elsewhere is not None:
                            other = [elsewhere]
                        elif tok.dep_ == "appos":
                            other = [tok.head]
                        else:
                            other = apposed
                        ante = next((it for it in items for o in other
                                     if it["start"] <= o.i < it["end"] and it["via"] != "coref"
                                     and self._compatible(it["cls"], self.descriptors[low])), None)
                        if ante is not None:
                            add(span, ante)
                            continue
                        if tok.dep_ == "appos" or elsewhere is not None or any(
                                self._named_covering(o.i) is not None or o.pos_ != "NOUN" for o in other):
                            continue
                        # "The firm, a subsidiary of Kelvor Bank, ...": an apposed description names no
                        # one, so the description stands for the one named before, as without it
                    # "Finvestia, the French state investment bank, and ...": a description set off by commas
                    # right after a name, which the parser did not appose, is that name's apposition (not the
                    # subject of a clause: "X bought Y, the company said" is X)
                    # (the phrase from its article to the noun, whatever the parser hung on it)
                    left = next((c.i for c in tok.children if c.dep_ == "det" and c.i < tok.i), tok.i)
                    if left >= 2 and doc[left - 1].text == "," and doc[left].lower_ in {"the", "a", "an"} \
                            and tok.dep_ not in {"nsubj", "nsubjpass"} and tok.i + 1 < len(doc) \
                            and doc[tok.i + 1].text in {",", ")"}:
                        ante = next((it for it in items if it["end"] == left - 1 and it["via"] in {"", "gazetteer"}
                                     and self._compatible(it["cls"], self.descriptors[low])), None)
                        if ante is not None:
                            add(span, ante)
                            continue
                    # "the South Korean battery maker ... The battery maker": the same
                    # description names the same thing again
                    key = " ".join(c.lemma_.lower() for c in tok.children
                                   if c.dep_ == "compound" and c.i < tok.i) + " " + low
                    ante = described.get(key) if key.strip() != low else named_so.get(low)
                    if ante is not None and key.strip() == low and self._sent_index.get(tok.i, 0) \
                            - self._sent_index.get(ante["start"], 0) > self.max_sentences:
                        ante = None
                    if ante is None:
                        ante = self._resolve(doc, items, tok, self.descriptors[low], description=True,
                                             resolved=resolved)
                    if ante is not None and key.strip() != low:
                        described.setdefault(key, ante)
                    if ante is not None:
                        add(span, ante)
                elif tok.pos_ == "NOUN" and low in self._unit_nouns:
                    # "sold Lausa Mining, its coal unit, ... The unit runs two mines" (owners.py)
                    ante = self._unit_called_before(doc, tok)
                    if ante is not None:
                        add(span, ante)
                elif tok.pos_ == "NOUN":
                    # "Radio Kestrel is a commercial radio station ... The station is owned by X": a noun no
                    # class lists stands for the one name the text called by it before
                    ante = self._defined_as(doc, tok)
                    if ante is not None:
                        add(span, ante)

        items.extend(resolved)
        items.sort(key=lambda it: it["start"])
        self._generic_products(doc, items, taken)
        doc._.coref_links = links
        store_items(doc, items)
        return doc


    def _given_one_article(self, tok: Token, low: str) -> list[Token]:
        """"still gives the retailer access to its database", "has given the cooperative access": where the
        parser took a description given a two-word trigger's noun for a word of that noun ("give access"),
        and its "the" for the noun's, the "the" that is the description's (none elsewhere)."""
        noun = tok.head
        if low not in self.descriptors or tok.dep_ not in {"compound", "amod"} or noun.i <= tok.i \
                or noun.dep_ != "dobj" or (noun.head.lemma_.lower(), noun.lemma_.lower()) not in self._given_pairs:
            return []
        doc = tok.doc
        return [c for c in noun.children if c.dep_ == "det" and c.lower_ == "the" and c.i < tok.i
                and all(doc[k].head.i in {tok.i, noun.i} for k in range(c.i + 1, tok.i))]


@Language.factory(
    "kg_coref",
    default_config={"max_sentences": 5, "ontology_dir": None},
    assigns=["doc._.coref_links", "doc._.kg_entities"],
    requires=["token.dep", "doc._.kg_entities"],
)
def make_coref_component(nlp: Language, name: str, max_sentences: int, ontology_dir: str | None) -> KGCoref:
    """Factory of the ``kg_coref`` component."""
    if "kg_entities" not in nlp.pipe_names:
        raise ValueError(
            "kg_coref needs 'kg_entities' earlier in the pipeline: "
            f"nlp.add_pipe('kg_entities') first. Current pipes: {nlp.pipe_names}"
        )
    return KGCoref(nlp, name, max_sentences=max_sentences, ontology_dir=ontology_dir)
