"""Reading one trigger's arguments off the dependency parse (kg_relations' main pass).

For a trigger word of a relation (an annotation of ``ontology/kg.ttl``, see :mod:`kg.relations.triggers`)
:meth:`Extraction._extract` finds the subjects and objects its kind says where to look: a verb's
subjects (inherited through coordination, control verbs and relative clauses) and its objects and
prepositions, an event noun's possessor and "of"/"between" phrases, a role noun's compound, apposition
or "of" phrase; then maps them to entity mentions and records each pair the relation's domain and range
allow, with the modality and qualifiers of the clause. A mixin of
:class:`~kg.relations.rules.KGRelations`, which calls it for each trigger it finds.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span, Token

from .modality import former_before
from .records import record
from .records import Arg as _Arg
from .state import read_once
from .triggers import _Trigger
from ..syntax import (FORMER, MAKING_VERBS, antecedent, causative_verb, clause_head, coordinated,
                      first_conjunct, limited_doers, stand_in, superlative)
from ..syntax import possessive as _possessive


__all__ = ["Extraction"]


class Extraction:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: the arguments of one trigger."""

    def _fits(self, rel: Any, items: list[dict[str, Any]]) -> tuple[bool, bool]:
        """Whether some name of the Doc fits the domain of ``rel``, and whether some name fits its range."""
        return (any(self.onto.fits(it["cls"], rel.domain) for it in items),
                any(self.onto.fits(it["cls"], rel.range) for it in items))

    def _extract(self, doc: Doc, sent: Span, tok: Token, trig: _Trigger, items: list[dict[str, Any]],
                 by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = trig.relation
        # a pair needs a name of the Doc that the relation's domain takes and one its range takes; without,
        # only kg:operatesIn of a place of a sale (any trigger of a verb's market) or of a role's market (whose
        # holder the domain takes) may be read, and nothing else is
        fit = read_once(self._doc_state.fits_read, rel.name, self._fits, rel, items)
        if not (fit[0] and fit[1]) and not ("operatesIn" in self.onto.relations and (
                ("verb" in rel.place_is_market and trig.kind in {"event", "inverse"})
                or (fit[0] and trig.kind == "role"))):
            return []
        subjects: list[_Arg] = []
        objects: list[_Arg] = []
        role_text = ""
        about = ""
        markets: list[_Arg] = []  # "Velo's main rival in China": where a rival competes
        conf = rel.base_confidence + (0.05 if len(trig.words) > 1 else 0.0)
        passive = False
        # a trigger that ends in a preposition names its argument with it ("expand to", "rely on")
        own = trig.words[-1] if len(trig.words) > 1 else ""

        # (goods that rivals make compete as they do: "Skyfield drones compete with X", Brands._named_goods)
        goods = rel.symmetric and self.onto.fits("Product", rel.domain) and self.onto.fits("Product", rel.range)

        def mapped(toks: list[tuple[Token, str]], extra: float = 0.0) -> list[_Arg]:
            out = []
            for t, role in toks:
                head_only = role.endswith("-head")
                found = self._map(t, by_token, items, conj=not head_only) or [
                    m for n in (self._named_goods(t, by_token, items) if goods else ()) for m in self._map(n, by_token, items)]
                if head_only:
                    role = role[:-5]
                for idx, cost, ti in found:
                    out.append(_Arg(idx, cost + extra, role, ti))
            return out

        of_people = rel.name in self.people_relations
        if trig.kind in {"event", "inverse"}:
            # (read once per token and trigger words on this Doc: a word is the trigger of several relations)
            read = read_once(self._doc_state.events_read, (tok.i, trig.words), self._event_args, tok, trig.words)
            agents, objs, passive = list(read[0]), list(read[1]), read[2]
            named = self._goods_named_after_whose(tok, by_token, items) if goods and tok.pos_ == "VERB" else None
            if named is not None:
                # ("Velka, whose Tarn store competes with X": the goods named, which the parser may have made
                # anything but the subject)
                agents = [(named[0], "agent")]
                objs = [(t, r) for t, r in objs if not named[1] < t.i < tok.i]
            # "leases aircraft to airlines": a verb of letting with "to" hands over, as a trigger does
            letting = trig.kind == "inverse" and tok.lemma_.lower() in self.letting_verbs \
                and any(r == "prep:to" for _, r in objs)
            if letting:
                objs = [(t, r) for t, r in objs if r == "prep:to"]
            if trig.kind == "inverse" and not letting:  # "X owns Y": Y is the subsidiary
                if rel.source_preps:  # "Orla buys its cocoa from Tarsa Trading": who it is from acts
                    # (and whom a trigger that ends in a preposition names with it: "relies on Hanol")
                    acting = [(t, "agent") for t, r in objs if r.split(":")[0] in {"prep", "nested"}
                              and (r.split(":")[-1] in rel.source_preps or r.split(":")[-1] == own)]
                    if any(self._map(t, by_token, items) and not (t.tag_ == "NNS" and (
                            t.i not in by_token or items[by_token[t.i]]["via"] == "coref"))
                           for t, r in objs if r in {"patient", "patient-head"}):
                        # "Vexa bought Lumo from Helix": a company or a brand changed hands, no goods (but
                        # "ordered 600 Hukka drones from Kuura": goods, of a named model; and "sources the
                        # chips from Kuura", a plural description of a named product's)
                        acting = []
                    if any((t.ent_type_ == "MONEY" and not any(w.lower_ == "of" for w in t.subtree))
                           or t.lemma_.lower() in self.money_nouns
                           for t, r in objs if r in {"patient", "patient-head"}):
                        acting = []  # "used money from Harbor to buy Lumo": funds are no goods
                    elif not acting:
                        # "Yanqi Wafer buys older Obsidia tools": with no seller named, the maker written
                        # before a plural kind of product bought (not a country's: "buys Chinese panels")
                        acting = [(c, "agent") for t, r in objs if r == "patient" and t.tag_ == "NNS"
                                  and t.i not in by_token and t.lemma_.lower() in self.product_nouns
                                  for c in t.children if c.dep_ in {"compound", "nmod"} and c.i < t.i
                                  and c.i in by_token and items[by_token[c.i]]["via"] in {"", "gazetteer"}
                                  and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")]
                    if not acting and tok.lemma_.lower() in self.goods_buying_verbs:
                        acting = [(c, "agent") for c in self._bought_goods_owners(objs, by_token, items)]
                else:
                    acting = [(t, "agent-head" if r == "patient-head" else "agent") for t, r in objs
                              if r in {"patient", "patient-head", "recipient"}]
                agents, objs = (acting,
                                [(t, "patient") for t, r in agents]
                                + [(t, "patient") for t, r in objs if r == "modifier-by"])
                passive = False
            if passive and rel.passive_keeps_subject:
                subjects = mapped([(t, r) for t, r in objs if r.startswith("patient")])
                objects = mapped([(t, "prep:in" if r == "modifier-by" else r) for t, r in objs
                                  if not r.startswith("patient")])
            else:
                agents = agents + [(t, "agent") for t, r in objs if r == "modifier-by"]
                subjects = mapped([(t, r) for t, r in agents if r not in {"modifier", "agent-far"}])
                # ("Humboldt Reefer, a joint venture of Nordhaven-Lloyd and SAMO", "..., a venture between X and Y": the
                # parties "of" or "between" the noun are the ones it is between, not the name it describes)
                parties_of = rel.symmetric_evidence and tok.pos_ == "NOUN" and any(r in {"prep:of", "prep:between"} for _, r in objs)
                if not subjects and not parties_of:
                    subjects = mapped([(t, "agent") for t, r in agents if r == "agent-far"], 0.2)
                if not subjects and rel.name in self.onto.words("relations", "works_acting_relations"):
                    # ("The plant will sell its power to X": the owner of the plant named before, kg.relations.works)
                    subjects = mapped([(o, "agent") for t, r in agents if r == "agent"
                                       for o in self._earlier_works_owners(t, by_token, items)], 0.1)
                modifiers = mapped([(t, r) for t, r in agents if r == "modifier"], 0.1)
                if subjects:
                    objects += [m for m in modifiers if m.role == "modifier"]
                else:
                    subjects = modifiers
                for t, r in objs:
                    if own and rel.name in self.onto.to_places and r in {"patient", "patient-head"}:
                        continue  # ("takes Danish buyers to court": a place trigger's place is its preposition's)
                    if r in {"patient", "patient-head", "recipient"} or r.startswith("prep:") and (
                            r[5:] in rel.object_preps or r[5:] == own
                            or (tok.pos_ == "NOUN" and r[5:] in rel.noun_object_preps)) \
                            or (r == "prep:of" and rel.symmetric_evidence and tok.pos_ == "NOUN" and not subjects):
                        # ("a joint venture of Freeport Global and Telvista": the parties, as with "between")
                        # (and whose plant or store goods go to: "ships cells to Ampero's factory")
                        # (and whose unit a person heads or runs: "heads the department's antitrust division")
                        works = self._works_owners(t, by_token, goods=r == "prep:for") if r in {
                            "prep:to", "prep:for"} or (r == "patient" and of_people) else []
                        objects += mapped([(o, r) for o in works], 0.05) if works else mapped([(t, r)])
                        if rel.qualifier_role == "about" and r != "recipient":
                            objects += mapped(self._holders(t, by_token, goods=rel.name in self.restricting), 0.1)
                    elif r.startswith("nested:") and r[7:] in rel.object_preps and not (
                            # ("oversaw its purchase of Banco Atlantico": a deal one leads is no employer's)
                            of_people and any(c.dep_ == "dobj" and c.lemma_.lower() in self.trigger_nouns
                                              for c in tok.children)):
                        works = self._works_owners(t, by_token, goods=r == "nested:for") \
                            if r in {"nested:to", "nested:for"} else []
                        objects += mapped([(o, r) for o in works or [t]], 0.15)
                if self.onto.fits("Product", rel.range) and tok.lemma_.lower() in self.selling_or_making_verbs:
                    # ("sold 300 of its Outrider drones", "sells most of its Vesta trucks": the goods after a
                    # number's or a portion's "of", where they are a named product; after a verb of selling or
                    # making, not of supplying someone, which the annotation guide leaves to kg:suppliesTo)
                    objects += [o for t, r in objs if r == "patient" and t.i not in by_token
                                for g in [self._portion_of(t)] if g is not None
                                for o in mapped([(g, r)], 0.05) if items[o.item]["cls"] == "Product"]
                if (tok.lemma_.lower() in MAKING_VERBS | self.goods_object_verbs
                        and not self.onto.fits("Product", rel.range)) \
                        or tok.lemma_.lower() in self.handing_verbs:
                    # what is built is no one a relation of actors reaches ("a platform it built",
                    # "a ferry built by Ulsholm"): only whom it is built for; nor is what is licensed
                    objects = [o for o in objects if not o.role.startswith("patient")]
                    if tok.lemma_.lower() in MAKING_VERBS and not passive:
                        objects += [o for o in mapped(self._goods_owners(tok, by_token, items), 0.1)
                                    if self.onto.is_a(items[o.item]["cls"], "Organization")]
                    causer = causative_verb(tok)  # "has its phones made by Tallicon": made for whoever has them
                    if causer is not None:
                        objects += mapped([(c, "prep:for") for c in [g for g in causer.children if g.dep_ == "nsubj"]
                                           or self._inherited_agents(causer)], 0.1)
                if tok.lemma_.lower() in self.plural_goods_verbs and not self.onto.fits("Product", rel.range):
                    # (or, made for someone, the passive's subject: "injections, which are made for it by X")
                    goods = [g for c in tok.children if c.dep_ == "dobj" or (passive and c.dep_ == "nsubjpass")
                             for g in coordinated(antecedent(c))]
                    if tok.dep_ == "acl" and tok.tag_ == "VBN":  # "injections made for it by X"
                        goods += coordinated(tok.head)
                    # (not bids, offers or deals: nouns that are triggers of relations)
                    # (or a bare mass noun: "makes chocolate for Brunelli", not "makes room for" and other
                    # light-verb phrases, lexicon ``not_goods``)
                    plural = any((g.tag_ in {"NNS", "NNPS"} or (
                        g.tag_ == "NN" and g.is_lower and not any(c.dep_ in {"det", "poss", "nummod"} for c in g.children)
                        and g.lemma_.lower() not in self.not_goods))
                        and g.i not in by_token and g.lemma_.lower() not in self.trigger_nouns for g in goods)
                    objects = [o for o in objects if plural and o.role.endswith(":for")]
                if not passive and rel.name in self.restricting:
                    # "prohibited storage of waste in Nevada": with its own subject, the place of a ban
                    # or restriction says where, not whom (a country stays: "restricted chip sales in
                    # China")
                    objects = [o for o in objects if o.role not in {"prep:in", "nested:in"}
                               or not self.onto.is_a(items[o.item]["cls"], "Location")
                               or self.onto.is_a(items[o.item]["cls"], "Country")]
                    # "barred drone models from QDX from the U.S.": beside a party restricted, a place
                    # the verb keeps them "from" is where
                    if any(not self.onto.is_a(items[o.item]["cls"], "Location") for o in objects):
                        objects = [o for o in objects if o.role not in {"prep:from", "nested:from"}
                                   or not self.onto.is_a(items[o.item]["cls"], "Location")]
                if not passive and rel.name in self.restricting and not any(
                        self.onto.is_a(items[o.item]["cls"], "Actor") for o in objects):
                    # "capped the number of loans that Tanua Credit can issue", "limited how much Teras can
                    # lend": who may do only so much is restricted
                    objects += mapped([(t, "patient") for t in limited_doers(tok)])
                if rel.location_is_agent and not [s for s in subjects if s.role == "agent"] and passive:
                    locs = [o for o in objects if o.role == "prep:in"
                            and self.onto.is_a(items[o.item]["cls"], "Country")]
                    if locs:
                        subjects = locs
                        objects = [o for o in objects if o.role == "patient"]
            if rel.qualifier_role == "about":
                for c in tok.children:
                    if c.dep_ == "dobj" and c.i not in by_token:
                        about = " ".join(t.text for t in c.subtree)[:120]
                if tok.pos_ == "NOUN":
                    mods = [c for c in tok.children if c.dep_ == "compound" and c.i not in by_token]
                    if mods:
                        about = " ".join(t.text for t in mods)
        else:
            # (read once per token on this Doc, with whether the holder is only referred back to)
            read = read_once(self._doc_state.roles_read, tok.i, self._role_args, tok)
            holders, anchors, far_holder = list(read[0]), list(read[1]), read[2]
            if far_holder:
                conf -= 0.3  # a role that only refers back: weak evidence
            # the name right after the title may be a list ("suppliers Hualin and ZMT");
            # an apposition's head is one name ("X, a Nashville firm, and Y")
            # (and the objects of "its backers include X and Y", "its backers are X and Y", the
            # subjects of "X and Y are its backers", "counts X and Y among its backers")
            # (a person's job in the singular goes with the one name after it: "Veltro chairman Ana Ruiz
            # and Tom Berg")
            # (and a firm's description in the singular: "the Indonesian miner Tanjo Nikel and Ostra Steel")
            singular_role = tok.tag_ == "NN" and (rel.domain == frozenset({"Person"}) or not rel.symmetric)
            described = tok.pos_ == "ADJ" and self._peer_before_descriptor(tok)  # "Rival grocers X and Y"
            hs = mapped([(t, "holder" if (t.i == tok.i + 1 and not singular_role) or described or (tok.tag_ == "NNS" and (
                t.head.i == tok.i or (t.dep_ in {"dobj", "attr", "nsubj"} and t.head.i == tok.head.i)
                or (tok.dep_ == "appos" and t.i == tok.head.i)  # "X and Y, Z's bigger rivals"
                # "with X and Y as its customers", "its suppliers, among them X and Y"
                or (t.dep_ == "pobj" and t.head.lower_ in {"with", "among"} and t.head.head.i in {tok.i, tok.head.head.i})
                or (t.dep_ in {"dobj", "nsubj"} and tok.head.lower_ == "among" and tok.head.head.i in {t.i, t.head.i})))
                          else "holder-head") for t in holders])  # "its rivals, Optira and Lenzo"
            if tok.dep_ in {"compound", "nmod"} and any(h.token == tok.i + 1 for h in hs):
                hs = [h for h in hs if h.token > tok.i]  # ("A and Qatari shipper B": a title is B's alone)
            first = min((h.token for h in hs), default=-1)
            if len(hs) > 1 and first == tok.i + 1 and (tok.tag_ != "NNS" or any(
                    c.i < tok.i and c.i in by_token for c in tok.children)):
                # "Dutch equipment maker VMLT and Japan's Osaka Lithotech": after a title, a name listed
                # after the first with an owner of its own is not the role noun's (but "counts X and
                # Norway's Oil Fund among its shareholders" lists both)
                # (nor one with a seat of its own: "Seattle developer X and Warsaw-based Y")
                # (nor one whose own description has a demonym: "the Norwegian maker X and the Chinese supplier Y")
                # (but a plural role with no name before it is every name's listed after it: "existing backers
                # X and Canada's Y"; not "Chinese suppliers X and Sweden's Y", where only X is Chinese)
                hs = [h for h in hs if h.token == first or not any(
                    _possessive(c) or (c.dep_ == "amod" and c.lower_ in {"based", "headquartered"})
                    or (c.dep_ == "amod" and c.i in by_token and items[by_token[c.i]]["via"] == "demonym")
                    for c in [*doc[h.token].children, *self._root_of(doc, items[h.item]).children])]
            an = mapped(anchors, 0.05)
            # "a partner at Kestrel Law" is a job, "Corvexa's main rival in China" says where: a place
            # preposition after a role noun gives the other side only where the relation takes it
            if trig.kind == "role" and (trig.words in self.market_roles or superlative(tok) or (
                    # "Dunwick's supplier in Brazil, X", "its delivery partner in Korea, X": a firm's partner
                    # somewhere works with it there (but "X, a supplier in Leeds" is where X is)
                    any(_possessive(c) for c in tok.children) and rel.domain
                    and all(self.onto.is_a(d, "Organization") or d == "Actor" for d in rel.domain))):
                # "Kado, Velo's main rival in China": the place is where they compete (the holder
                # operates there, below), not where the holder is based
                # (an organisation after "in" stays the other side: "the largest shareholder in Orlan Bank")
                markets = [a for a in an if a.role == "prep:in" and self.onto.is_a(items[a.item]["cls"], "Location")]
                an = [a for a in an if a not in markets]
            # (not "a developer of wind farms in Spain"; but "an outpost of Spanish cooking in North Africa")
            work = {g.i for g in self._place_of_work(tok)} if tok.lemma_.lower() in self.org_role_nouns else set()
            an = [a for a in an if not (a.role in {"prep:at", "prep:in", "prep:from"} | ({"prep:of"} if tok.lemma_.lower()
                  in self.organisation_parts else set()) and (a.role[5:] not in rel.object_preps or a.token in work))]
            # ("the largest foreign supplier to the Polish army", "a group of Spanish banks": a demonym on the
            # noun of a preposition the relation does not take says where that noun's thing is, not the other side)
            an = [a for a in an if not (a.role.startswith("prep:") and a.role[5:] not in rel.object_preps
                                        and items[a.item]["via"] == "demonym" and doc[a.token].dep_ == "amod")]
            if trig.kind == "inverse_role":
                if any(_possessive(c) for c in tok.children):
                    # "his hometown of Bend", "her home in Tucson": beside an owner, "of" names what
                    # the role noun is, "in" where it is
                    hs += [_Arg(a.item, a.cost, "holder", a.token) for a in an if a.role in {"prep:of", "prep:in"}
                           and self.onto.is_a(items[a.item]["cls"], "Location")]
                # "Smithfield, the old meat market of London": what no holder owns, buys or sells (see _ownable)
                an = self._ownable(an, hs, items)
            if tok.tag_ == "NNS" and rel.name != "operatesIn" and rel.domain \
                    and all(self.onto.is_a(d, "Organization") for d in rel.domain):
                # "carmakers in Europe such as Kavelle": businesses of a kind in a place operate
                # there (see _members_in_place); which of them is based there, the text does not say
                an = [a for a in an if a.role != "prep:in" or not self.onto.is_a(items[a.item]["cls"], "Location")]
            # "the city of Norwich", "the province of Valencia": between places, "of" names the
            # place the role noun is, not one it lies in
            if "of" not in rel.object_preps and rel.domain and all(self.onto.is_a(c, "Location") for c in rel.domain):
                an = [a for a in an if a.role != "prep:of"]
            anchor_side = rel.range if trig.kind == "role" else rel.domain
            if not all(self.onto.is_a(c, "Location") for c in anchor_side):
                # "Chinese suppliers Hualin and ZMT": a demonym says where, not to whom (and so does a
                # city or region written before the noun: "Brandt, a Bremen investor")
                an = [a for a in an if items[a.item]["via"] != "demonym" and not (
                    a.role == "anchor" and a.token < tok.i and doc[a.token].dep_ in {"compound", "nmod"}
                    and (items[a.item]["cls"] == "Place" or (items[a.item]["cls"] == "Country" and rel.name == "investsIn")))]
            if trig.kind == "role" and anchor_side and all(self.onto.is_a(c, "Product") for c in anchor_side):
                # "iPhone case maker Zennic", "Warehouse robot maker Stackbot": a name before a lower-case noun in
                # front of the role says what the thing made is for or of; the lower-case noun is the thing made
                an = [a for a in an if not (a.role == "anchor" and a.token < tok.i and any(
                    t.is_lower for t in doc[items[a.item]["end"]:tok.i]))]
            # (no government body as the other side of a role, unless the holders are one: "rival X has no
            # licence yet, the regulator said")
            bodies = all(self.onto.is_a(items[h.item]["cls"], "GovernmentBody") for h in hs)
            if not an and hs and not (trig.kind == "role" and trig.words in rel.back_roles):
                # "Mainland Telekom said Finnish supplier Korppi would replace ...": a role with no one
                # named beside it, held by the subject of what an organisation says, is of that one
                # (an organisation's of an organisation: not "Analysts said rival X had cut prices")
                kinds = {self._top_class(items[h.item]["cls"]) for h in hs}
                an = [a for a in mapped(self._reporter(doc, hs), 0.15) if a.item not in {h.item for h in hs}
                      and items[a.item]["via"] in {"", "gazetteer", "coref"}
                      and {self._top_class(items[a.item]["cls"])} == kinds == {"Organization"}
                      and (bodies or not self.onto.is_a(items[a.item]["cls"], "GovernmentBody"))]
            if not an and hs and trig.kind == "role":
                back = self._referred_back(doc, tok, trig, rel, hs, by_token, items)
                if back is not None:  # "Tandaa raised $38 million. Chief executive Wanjiru Kamau said"
                    an = [_Arg(back, 0.1, "refers-back", items[back]["start"])]
                    conf -= 0.3
            if not an and hs and rel.symmetric_evidence and trig.kind == "role":
                # "Veltro faces competition from rivals Quillo and Brightmere", "Hollweg agreed to buy
                # rival Aarestrup": the rivals of the clause's subject (not of each other)
                verb = clause_head(tok)
                doers: list[Token] = []
                if verb.pos_ in {"VERB", "AUX"}:
                    doers = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}] or self._inherited_agents(verb)
                    # (no government body: "the FAA has not granted the same waiver to rival SkyTote" names
                    # the rival of the firm the text is about; see _clause_rivals)
                    an = self._clause_rivals(mapped([(c, "anchor") for c in doers], 0.1), hs, items, bodies, tok)
                if not an and verb.pos_ in {"VERB", "AUX"}:
                    # "Kernwerk chief executive Jonas Ebner said the draft would favour rivals such as X": the
                    # rivals of the firm that speaks
                    an = self._clause_rivals(mapped([(c, "anchor") for c in self._speakers_firm(tok, by_token, items)],
                                                    0.15), hs, items, bodies, tok)
                if not an:
                    # "Zuri Pay cut its fees. Rival Kestrel did the same.": the rival of the organisation the
                    # text is about (named most often so far; not a person's, which the text says less plainly)
                    held_cls = {self._top_class(items[h.item]["cls"]) for h in hs}
                    held = {items[h.item]["name"] for h in hs}
                    if self._left_for(tok):  # (nor the customer that leaves: "X was moving its listings to rival Y")
                        held |= {items[a.item]["name"] for a in mapped([(c, "anchor") for c in doers])}
                    back = None if held_cls != {"Organization"} else self._topic(tok, items, held, held_cls, bodies)
                    if back is not None:
                        an = mapped([(doc[items[back]["start"]], "anchor")], 0.2)
            role_text = " ".join(t.text for t in tok.subtree if t.dep_ in {"compound", "amod"} and
                                 t.i < tok.i and t.i not in by_token)
            role_text = (role_text + " " + tok.text).strip() if rel.qualifier_role == "role" else ""
            if trig.kind == "role":
                subjects, objects = hs, an
            else:
                subjects, objects = an, hs
            conf += 0.05

        if rel.symmetric_evidence:
            # "X and Y form Saudi data-centre venture": the adjective says where, no partner (nor where the
            # parser made it a subject: "Philippine e-wallet X has signed a partnership")
            def adjective(a: _Arg) -> bool:
                return items[a.item]["via"] == "demonym" and (doc[a.token].dep_ == "amod" or doc[a.token].pos_ == "ADJ")
            objects = [o for o in objects if not adjective(o)]
            subjects = [o for o in subjects if not adjective(o)]
        if rel.symmetric_evidence and trig.kind == "role" and subjects and all(s.token > tok.i for s in subjects):
            # "Rivals X and Y said", "analysts said rivals X and Y could gain": the names a role noun is the title
            # of are rivals of someone else, not of each other, whichever of them the fallbacks took for the other side
            # (the list right after the role noun: names, commas and "and", whatever the parser made of it)
            objects = [o for o in objects if not (o.token > tok.i and all(
                t.i in by_token or t.lower_ in {",", "and", "or"} for t in doc[tok.i + 1:items[o.item]["start"]]))]
        if tok.dep_ == "acl" and tok.i > 0 and doc[tok.i - 1].text == ",":
            # "A, owned by B, and C, controlled by D,": a name after the comma and "and" that closes a clause set
            # off by commas is the next of the outer list, not a second agent of the clause's verb
            def outer(a: _Arg) -> bool:
                return _listed_after_clause(doc[items[a.item]["start"]:items[a.item]["end"]], tok)
            subjects = [a for a in subjects if not outer(a)]
            objects = [a for a in objects if not outer(a)]
        records: list[dict[str, Any]] = []
        pairs: list[tuple[_Arg, _Arg]] = [(s, o) for s in subjects for o in objects]
        if rel.symmetric_evidence and not pairs and not (
                trig.kind in {"role", "inverse_role"} and subjects and all(s.token > tok.i for s in subjects)):
            # "X and Y partner", "a partnership between X and Y", "X and Y are rivals" -- but not "competes with X
            # and Y", nor the names a role noun is the title of when it finds no other side ("Rival lenders X and
            # Y said": the rivals of someone the text does not name plainly, not of each other)
            group = subjects if len(subjects) > 1 else [o for o in objects if o.role in {"prep:between", "prep:of"}]
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    pairs.append((group[a], group[b]))
        if rel.location_is_agent and subjects and not objects and trig.kind in {"event", "inverse"} and all(
                any(self.onto.is_a(items[s.item]["cls"], c) for c in ("Country", "GovernmentBody")) for s in subjects):
            # "US chip restrictions challenge Chinese AI": the other country in the sentence (when a
            # state acts: "providers in Spain ... to block access" does not restrict Spain)
            subj_items = {s.item for s in subjects}
            # (not the acting body's own country, anywhere in its phrase: "Germany's Bundeskartellamt
            # blocked ...", "Indonesian regulator OJK limited ...")
            subj_items |= {by_token[i] for s in subjects for i in range(doc[s.token].left_edge.i, s.token)
                           if i in by_token}
            # (nor a country that describes who backs or makes something: "concessions of a miner backed by a
            # Chinese group")
            others = sorted({by_token[t.i] for t in sent if t.i in by_token
                             and by_token[t.i] not in subj_items
                             and items[by_token[t.i]]["cls"] == "Country"
                             and not (t.dep_ == "amod" and t.head.dep_ == "pobj" and t.head.head.dep_ == "agent")
                             and not self._describes_one_firm(t, by_token, items)})
            # (nor the acting country written again where it owns the act: "Russia extended its ban on Norwegian
            # salmon", "its" Russia)
            names = {items[i]["name"] for i in others} - {items[s.item]["name"] for s in subjects
                                                         if doc[s.token].dep_ == "poss" and doc[s.token].head.i == tok.i}
            others = [i for i in others if items[i]["name"] in names]
            # (nor one in what the act is over, its cause: "U.S. sanctions Dubai shipper over Iranian oil")
            if len(names) == 1 and not any(a.dep_ == "prep" and a.lower_ in self.cause_preps and tok.i not in
                                           {d.i for d in a.subtree} for a in doc[items[others[0]]["start"]].ancestors):
                pairs += [(s, _Arg(others[0], 0.35, "sentence", items[others[0]]["start"])) for s in subjects]

        valid = []
        for s, o in pairs:
            si, oi = items[s.item], items[o.item]
            if si["name"] == oi["name"] and si["cls"] == oi["cls"]:
                continue
            if not self.onto.fits(si["cls"], rel.domain) or not self.onto.fits(oi["cls"], rel.range):
                continue
            if oi["via"] == "demonym" and doc[o.token].dep_ in {"pobj", "dobj"} and trig.kind == "event":
                continue  # "a stake in Danish startup X" parsed with "Danish" the object: a people, no party
            if rel.name in self.onto.to_places and si["cls"] == "Person" and tok.lemma_ in self._one_word_triggers(
                    "worksFor"):
                continue  # "Omid Karimi runs its warehouse in Bremen": who runs a site works there
            valid.append((s, o))
        if rel.symmetric and (trig.kind == "role" or tok.pos_ == "NOUN" and (tok.lemma_.lower(),) in rel.role_triggers):
            # "joined Lakeview Capital as a partner": a person holding a symmetric relation's role in an
            # organisation has a position there (worksFor reads it), not a partnership
            valid = [(s, o) for s, o in valid if not any(
                self.onto.is_a(items[a.item]["cls"], "Person") and self.onto.is_a(items[b.item]["cls"], "Organization")
                for a, b in ((s, o), (o, s)))]
        if rel.qualifier_role == "about" and trig.kind in {"event", "inverse"}:
            # Prefer who is restricted (an actor) over what is restricted (a product).
            actors = [(s, o) for s, o in valid if self.onto.is_a(items[o.item]["cls"], "Actor")]
            if actors:
                # ... but not over a product listed beside one ("restricted Shelvo and Tumaro")
                lists = {first_conjunct(doc[o.token]).i for _, o in actors}
                actors += [(s, o) for s, o in valid if (s, o) not in actors and first_conjunct(doc[o.token]).i in lists]
                actors.sort(key=valid.index)
                dropped = [items[o.item]["name"] for s, o in valid if (s, o) not in actors]
                valid = actors
                if dropped and not about:
                    about = dropped[0]
        records += self._operating_where(doc, tok, trig, subjects, objects, markets, passive, items, by_token)
        if not valid:
            return records
        if trig.kind in {"role", "inverse_role"} or (
                tok.pos_ == "NOUN" and any(_possessive(c) for c in tok.children)
                and not any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
                and not self._relocated(tok)):
            # an apposition, a title or "X's 2022 purchase of Y" is presupposed, whatever its clause says
            # (not where a relocation takes it: "plans to move its headquarters to Leeds")
            # (but "is not a German citizen", "may become its chief executive": the copula's clause)
            # (and the verb that makes one what the role says: "would have made Veltro its owner"; a post left)
            modality = self._post_modality(stand_in(tok)) or (
                "fact" if trig.kind in {"role", "inverse_role"} else self._presupposed(tok))
        else:
            # (a noun with a light or relocation verb: the verb's clause, "will move its headquarters")
            modality = self._modality(tok.head if tok.pos_ == "NOUN" and tok.head.lemma_ in self.clause_verbs else tok)
            if modality == "fact" and rel.name == "operatesIn" and self._unbuilt(tok):
                modality = "hypothetical"  # "will build a plant near Lyon": no plant there yet
        if trig.kind in {"role", "inverse_role"} and (any(t.lower_ in FORMER for t in doc[max(0, tok.i - 3):tok.i]) or (
                tok.i + 1 in by_token and items[by_token[tok.i + 1]]["start"] == tok.i + 1 and former_before(tok))
                or self._once_was(tok) or self._sold_off(tok)):
            modality = "past"  # "former Tomaru executive Kenji Morita", "X, formerly a unit of Y,"
        elif modality == "fact" and rel.name == "investsIn" and tok.pos_ == "NOUN" and self._stake_sold(tok):
            modality = "past"  # "sold its stake in X last year": the seller's investment is over
        quals = self._qualifiers(tok, self._doc_state.sent_ents.get(sent.start, []), rel, role_text, about)
        for s, o in valid:
            si, oi = items[s.item], items[o.item]
            c = conf - s.cost - o.cost
            if si["via"] == "coref" or oi["via"] == "coref":
                c -= 0.1
            if si["via"] == "gazetteer" and oi["via"] == "gazetteer":
                c += 0.05
            # (what the subject is ordered to do is not yet done: "ordered X to give Y access"; but the
            # block an order makes one impose is its restriction: "ordered providers, including X, to block Y")
            records.append(record(doc, si, rel.name, oi, c, tok, "hypothetical" if modality == "fact"
                                  and tok.pos_ == "VERB" and "restricts" not in self.onto.ancestors(rel.name)
                                  and self._ordered_to(tok, doc[s.token]) else modality, quals))
        return records

    def _describes_one_firm(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> bool:
        """Whether ``tok`` is a demonym on a singular noun of a kind of firm ("cutting off Chinese foundry Haoxin",
        "blocks Chinese shipping group's stake", "curbs Malaysian budget carrier"): it says where that one firm is,
        not a country whose firms or goods a state acts on ("curbs Chinese chipmakers", "bans Belarusian potash")."""
        if tok.i not in by_token or items[by_token[tok.i]]["via"] != "demonym" or tok.dep_ != "amod":
            return False
        noun = tok.head
        return noun.tag_ == "NN" and noun.lemma_.lower() in self.firm_kinds


def _listed_after_clause(span: Span, verb: Token) -> bool:
    """Whether the name ``span`` is the second of two conjuncts, after ", and" (or ", or"), of a "by" phrase of
    ``verb``: "A, owned by B, and C": the parser hangs C on B, but the comma closes the clause on A."""
    doc, name = span.doc, span.root
    first = name.head
    if name.dep_ != "conj" or span.start < 2 or doc[span.start - 1].dep_ != "cc" or doc[span.start - 2].text != ",":
        return False
    # (not the last of a longer list of owners: "owned by B, C, and D")
    if first.dep_ == "conj" or any(c.dep_ == "conj" and c.i != name.i for c in first.children):
        return False
    return first.dep_ == "pobj" and first.head.lower_ == "by" and first.head.head.i == verb.i
