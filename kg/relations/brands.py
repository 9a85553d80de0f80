"""Relations read from what a firm is known for ("Lumo is best known for creating Tidewater": kg:develops),
and from brands: "sells phones under the Lauv brand", "which owns the Cremio and Soyla
brands", "sells the copy under the name Clovira", "which Puna Telecom sells as Pura Sky": who sells
under a brand or a name, or owns or runs the brand, offers what it names (kg:offers). The nouns are
lexicon.toml's ``brand_nouns`` and ``trade_name_nouns``; the verbs are the entity stage's
``offering_verbs``, ``brand_owning_verbs`` ("own") and, before "as", ``trade_name_verbs``.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import SUBJ as _SUBJ
from ..syntax import by_agents
from .ceased_goods import read_from_possessive
from .records import record

__all__ = ["Brands"]

#: the forms of "run" and "operate", which said of a product mean executing software
_RUNNING_WORDS = frozenset({"run", "runs", "ran", "running", "operate", "operates", "operated", "operating"})
#: the forms of kg:develops's verbs that say a product came out, not who made it ("released", "unveils")
_SHOWING_WORDS = frozenset({"release", "releases", "released", "releasing", "unveil", "unveils", "unveiled",
                            "unveiling"})


class Brands:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who offers what a brand names."""

    def _named_goods(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """"Agrivio's Skyfield drones compete with Skydra's Fieldhawk line": the name written right before a kind of
        product (lexicon ``product_nouns``) or a group of them (``product_groups``), which names the goods the
        noun stands for; an organisation's name there stands for its goods of that kind ("Kelvor phones")."""
        if tok.i in by_token or not tok.is_lower or tok.pos_ != "NOUN" \
                or tok.lemma_.lower() not in self.product_nouns | self.product_groups:
            return []
        name = tok.doc[tok.i - 1] if tok.i > 0 else None
        if name is None or name.i not in by_token or name.head.i != tok.i or name.dep_ not in {"compound", "nmod"}:
            return []
        it = items[by_token[name.i]]
        if it["end"] != tok.i or it["via"] not in {"", "gazetteer"} \
                or not (self.onto.is_a(it["cls"], "Organization") or self.onto.is_a(it["cls"], "Product")):
            return []  # (not a place's or a people's goods: "Chinese drones")
        return [name]

    def _goods_named_after_whose(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]
                                 ) -> tuple[Token, int] | None:
        """"Halvard Games, whose own Tarn store competes with X", "Orvane, whose Tarn pump competes with X": the one
        name in the phrase of goods between "whose" and the verb right after it (a lower-case noun of the
        goods last), which is the verb's subject whatever the parser made of the phrase; with the index of
        "whose". None elsewhere."""
        doc, i = tok.doc, tok.i - 1
        # (the noun of the goods may be tagged a verb: "whose AutoDose pump/VBP competes")
        if i <= tok.sent.start or not (doc[i].is_lower and (doc[i].pos_ == "NOUN" or doc[i].tag_ == "VBP")
                                       and i not in by_token):
            return None
        i -= 1
        while i > max(tok.sent.start, tok.i - 8) and doc[i].lower_ != "whose" \
                and (i in by_token or doc[i].pos_ in {"NOUN", "PROPN", "ADJ"}):
            i -= 1
        if doc[i].lower_ != "whose":
            return None
        names = [t for t in doc[i + 1:tok.i] if t.i in by_token and items[by_token[t.i]]["start"] == t.i
                 and items[by_token[t.i]]["via"] in {"", "gazetteer"}
                 and any(self.onto.is_a(items[by_token[t.i]]["cls"], c) for c in ("Organization", "Product"))]
        return (names[0], i) if len(names) == 1 else None

    def _brand_names(self, noun: Token, by_token: dict[int, int], items: list[dict[str, Any]]
                     ) -> tuple[Token, list[int]]:
        """The head of the brand noun's phrase and the items it names: the names written before it ("the
        Cremio and Soyla brands") or, where the parser made the noun a modifier, right after it ("under the
        budget brand Flexi")."""
        if noun.dep_ == "compound" and noun.head.i in by_token and items[by_token[noun.head.i]]["start"] == noun.i + 1:
            return noun.head, [by_token[noun.head.i]]
        named: list[int] = []
        for c in noun.children:
            # ("under the name Clovira": the name apposed after the noun)
            if ((c.dep_ in {"compound", "nmod"} and c.i < noun.i) or (c.dep_ == "appos" and c.i > noun.i)) \
                    and c.i in by_token:
                named += [by_token[t.i] for t in [c, *c.conjuncts] if t.i in by_token]
        return noun, list(dict.fromkeys(named))

    def _brands(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:offers from who sells under a brand, or owns or launches one, to what the brand names."""
        rel = self.onto.relations.get("offers")
        nouns = self.onto.words("relations", "brand_nouns")
        if rel is None or not nouns:
            return []
        # ("produces flour under the Oyo brand", "designs and builds cars under the A and B names": who
        # makes what it sells under a brand develops what the brand names, kg:develops's one-word verbs)
        makes = self.onto.relations.get("develops")
        making = self._one_word_triggers("develops")
        selling = self.onto.words("entities", "offering_verbs")
        owning = self.onto.words("relations", "brand_owning_verbs")
        trade_names = self.onto.words("relations", "trade_name_nouns")
        trade_verbs = self.onto.words("relations", "trade_name_verbs")
        out: list[dict[str, Any]] = []
        # "which Puna Telecom sells as Pura Sky": the name a thing is sold as
        sold = [(p.head, [by_token[g.i] for g in p.children if g.dep_ == "pobj" and g.i in by_token], p)
                for p in self._tokens_with_lemma(doc, {"as"}) if p.dep_ == "prep" and p.head.pos_ == "VERB"
                and p.head.lemma_.lower() in trade_verbs]
        for noun in [*self._tokens_with_lemma(doc, nouns), *self._tokens_with_lemma(doc, trade_names)]:
            if noun.pos_ != "NOUN":
                continue
            head, named = self._brand_names(noun, by_token, items)
            # ("under the Vela Grand, Corsa and Marlin names": the first name the parser made the object of
            # "under" and the noun its apposition or conjunct)
            if noun.dep_ in {"appos", "conj"} and noun.head.dep_ == "pobj" and noun.head.head.lower_ == "under" \
                    and noun.head.i in by_token:
                head, named = noun.head, [by_token[noun.head.i], *named]
            if not named:
                continue
            verb = None
            if noun.lemma_.lower() in trade_names and not (head.dep_ == "pobj" and head.head.lower_ == "under"):
                continue  # (a name only as what one sells under)
            if head.dep_ == "pobj" and head.head.lower_ == "under":
                verb = head.head.head  # "sells phones under the Lauv brand"
                if verb.dep_ == "dobj" and verb.pos_ == "NOUN":
                    verb = verb.head  # (the parser hangs "under" on the object)
                if verb.lemma_.lower() not in selling | making:
                    continue
            elif head.dep_ == "dobj" and head.head.lemma_.lower() in owning | selling:
                verb = head.head  # "owns the Cremio and Soyla brands"
            if verb is None or verb.pos_ != "VERB":
                continue
            sold.append((verb, named, noun))
        # "Tidewell is a brand of detergent owned by Harlow & Pike", "Tarn, a cider brand sold by Orlan": the
        # agent of an owning or selling participle on the brand noun, or on the kind it is "of", offers what
        # the noun stands for
        for noun in self._tokens_with_lemma(doc, nouns):
            kinds = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"]
            for verb in (c for k in kinds for c in k.children if c.dep_ == "acl" and c.tag_ == "VBN"
                         and c.lemma_.lower() in owning | selling and noun.pos_ == "NOUN" and noun.is_lower):
                agents = by_agents(verb)
                named = list(dict.fromkeys(m[0] for m in self._map(noun, by_token, items)))
                out += self._owners_of_names(doc, items, by_token, rel, agents, named, noun, verb)
        for verb, named, noun in sold:
            # (the subject of the verb a seller's verb depends on: "began offering taxis under the name X")
            owners = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            # ("its scanners, sold under the Clearo name": the owner of what the participle describes)
            if not owners and verb.dep_ == "acl" and verb.tag_ == "VBN":
                owners = [c for c in verb.head.children if c.dep_ == "poss"]
            said = makes if makes is not None and verb.lemma_.lower() in making - selling else rel
            out += self._owners_of_names(doc, items, by_token, said, owners, named, noun, verb)
        if makes is not None:
            out += self._codenames(doc, items, by_token, makes)
        return out

    def _own_channels(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:offers from a firm to its own named product that something is done "through", "via" or "on", where
        the noun after the name says it is a place of sale (lexicon ``channel_nouns``): "sells bus tickets
        through its Skyrun Go app", "a fee on meals ordered through its Pakko Eats service", "music sold on its
        Quell Arcade store" (what is done through it is the firm's business with its users; not "through its
        Skylane satellites", a thing the firm may only make)."""
        rel = self.onto.relations.get("offers")
        kinds = self.onto.words("relations", "channel_nouns")
        out: list[dict[str, Any]] = []
        for g in self._tokens_with_lemma(doc, kinds) if rel else ():
            prep = g.head
            # (a lower-case noun the tagger took for part of the name before it: "its own Tarn Navigator app")
            if g.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in {"through", "via", "on"} \
                    or not g.is_lower or g.pos_ not in {"NOUN", "PROPN"}:
                continue
            owners = [c for c in g.children if c.dep_ == "poss" and c.i in by_token]
            named = [by_token[t.i] for t in g.children if t.dep_ in {"compound", "nmod"} and t.i < g.i
                     and t.i in by_token]
            named = [n for n in dict.fromkeys(named) if items[n]["cls"] == "Product"]
            if owners and named:
                out += self._owners_of_names(doc, items, by_token, rel, owners, named, prep, prep.head)
        return out

    def _put_in_plans(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:offers from a firm to a product it puts in its own plans (lexicon ``including_verbs`` with "in",
        "into" or "to" and one of ``plan_nouns``): "Halden Mobile will include the Vortex service in its prepaid
        plans", "adds Tarnflix to its bundle": the owner of the plans sells what they hold."""
        rel = self.onto.relations.get("offers")
        plans = self.onto.words("relations", "plan_nouns")
        out: list[dict[str, Any]] = []
        including = self.onto.words("relations", "including_verbs")
        for g in self._tokens_with_lemma(doc, plans) if rel else ():
            prep = g.head
            if g.dep_ != "pobj" or not g.is_lower or prep.lower_ not in {"in", "into", "to"}:
                continue
            # (the verb the phrase is on, where the parser hung it on the object or on a word between:
            # "include the Tarnflix service at no extra cost in its plans")
            verb = next((a for a in prep.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in including), None)
            if verb is None or not prep.i - 12 < verb.i < prep.i:
                continue
            # (whose plans: the possessive on the noun, "its plans", not a partner's)
            owners = [c for c in g.children if c.dep_ == "poss"]
            # (the products named between the verb and the plans: "the Vortex cloud gaming subscription")
            named = [by_token[t.i] for t in doc[verb.i + 1:prep.i] if t.i in by_token]
            named = [n for n in dict.fromkeys(named) if items[n]["cls"] == "Product"]
            if owners and named:
                out += self._owners_of_names(doc, items, by_token, rel, owners, named, verb, verb)
        return out

    def _owners_of_names(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], said: Any,
                         owners: list[Token], named: list[int], noun: Token, verb: Token) -> list[dict[str, Any]]:
        """``said`` from each organisation ``owners`` stand for to each product ``named``."""
        out = []
        for idx, cost, _ in (m for c in owners for m in self._map(c, by_token, items)):
            owner = items[idx]
            for n in named:
                brand = items[n]
                if brand["name"] != owner["name"] and brand["via"] in {"", "gazetteer"} \
                        and self.onto.fits(owner["cls"], said.domain) and self.onto.fits(brand["cls"], said.range):
                    out.append(record(doc, owner, said.name, brand, said.base_confidence - 0.1 - cost, noun,
                                      self._modality(verb)))
        return out

    def _codenames(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], makes: Any
                   ) -> list[dict[str, Any]]:
        """kg:develops from who gives a product its name to the product (lexicon ``codename_nouns``, said
        of a copula's other side, which the entity stage made a product): "Pellham is the codename used by
        Oradyne for a processor microarchitecture" (the agent of "used"), "Oradyne's codename for the chip
        is Pellham" (the possessive)."""
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, self.onto.words("relations", "codename_nouns")):
            if noun.dep_ not in {"attr", "nsubj"} or noun.head.lemma_ != "be" or not noun.is_lower:
                continue
            named = [by_token[c.i] for c in noun.head.children if c.dep_ in {"attr", "nsubj"} and c.i != noun.i
                     and c.i in by_token and items[by_token[c.i]]["cls"] == "Product"]
            owners = [c for c in noun.children if c.dep_ == "poss"] + [
                g for v in noun.children if v.dep_ == "acl" and v.tag_ == "VBN" and v.lemma_ in {"use", "give"}
                for g in by_agents(v)]
            if named and owners and any(p.dep_ == "prep" and p.lower_ == "for" for v in [noun, *noun.children]
                                        for p in v.children):
                out += self._owners_of_names(doc, items, by_token, makes, owners, named, noun, noun.head)
        return out

    def _known_for(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """kg:develops from a firm to the product it is known for: "The studio is best known for creating
        Tidewater", "Lumo, a developer best known for the Tidewater franchise", "It is known for the puzzle
        game Tidewater" (the object of "for", or of the making verb after it, a name or the kind it modifies)."""
        rel = self.onto.relations.get("develops")
        if rel is None:
            return []
        making = self._one_word_triggers("develops")
        out: list[dict[str, Any]] = []
        for known in self._tokens_with_lemma(doc, {"know"}):
            if known.tag_ != "VBN":
                continue
            firms = [c for c in known.children if c.dep_ == "nsubjpass"] or (
                [known.head] if known.dep_ in {"acl", "amod"} else [])
            things = [g for p in known.children if p.dep_ == "prep" and p.lower_ == "for"
                      for g in p.children if g.dep_ in {"pobj", "pcomp"}]
            # ("known for creating Tidewater": what the making verb after "for" makes)
            things = [o for g in things for o in (
                [c for c in g.children if c.dep_ == "dobj"] if g.tag_ == "VBG" and g.lemma_.lower() in making
                else [] if g.tag_ == "VBG" else [g])]
            things += [c for g in things for c in g.conjuncts]
            # ("the Tidewater franchise": the name before the kind)
            things += [c for g in things if g.i not in by_token for c in g.children
                       if c.dep_ in {"compound", "nmod"} and c.i < g.i and c.i in by_token]
            for fi, cost, _ in (m for f in firms for m in self._map(f, by_token, items)):
                firm = items[fi]
                if not self.onto.fits(firm["cls"], rel.domain) or firm["cls"] == "Person":
                    continue
                for pi, pcost, _ in (m for g in things for m in self._map(g, by_token, items)):
                    product = items[pi]
                    if product["cls"] == "Product" and product["name"] != firm["name"]:
                        out.append(record(doc, firm, rel.name, product, rel.base_confidence - 0.15 - cost - pcost,
                                          known, self._modality(known)))
        return out

    @staticmethod
    def _software_run(found: dict[tuple, dict[str, Any]]) -> None:
        """"The Lyra 5 runs LyraOS": what a product runs is software it executes, not a service it
        offers (kg:offers by "run" or "operate" from a product is dropped from ``found``)."""
        for key in [k for k, r in found.items() if r["predicate"] == "offers" and r["s_cls"] == "Product"
                    and r["trigger"].lower() in _RUNNING_WORDS]:
            del found[key]

    def _publishers(self, found: dict[tuple, dict[str, Any]]) -> None:
        """"Mosswood released Lanternlight ... The game was developed by Kettle Bay": who only released or
        unveiled a product the text says another made (kg:develops by a verb of making) offers it, as
        its publisher, rather than developing it (the records of ``found`` are changed in place)."""
        makers: dict[str, set[str]] = {}
        for r in found.values():
            if r["predicate"] == "develops" and r["trigger"].lower() not in _SHOWING_WORDS:
                makers.setdefault(r["o_key"], set()).add(r["s_key"])
        offers = self.onto.relations.get("offers")
        if not makers or offers is None:
            return
        for key, r in list(found.items()):
            if r["predicate"] == "develops" and r["trigger"].lower() in _SHOWING_WORDS \
                    and r["s_key"] not in makers.get(r["o_key"], {r["s_key"]}) \
                    and self.onto.fits(r["s_cls"], offers.domain):
                del found[key]
                r = dict(r, predicate="offers")
                found[(r["s_key"], "offers", r["o_key"], r["sent_start"])] = r

    def _possessed_kind(self, doc: Doc, r: dict[str, Any], kinds: frozenset[str] | set[str],
                        surface: bool = False) -> Token | None:
        """The possessive of the record's subject on a kind noun of ``kinds`` a kg:develops record's product name
        is written before ("its Skarv store"), apposed to ("its own store, Skarv") or has apposed to it ("Skarv,
        its own store"); else None. With ``surface``, also the last of the lower-case nouns written right after
        the name, or the kind written right before it, whatever the parse made of them."""
        if r["o_end"] > len(doc):
            return None
        name = self._span_root(doc, r["o_start"], r["o_end"])
        nouns = [name.head] if name.dep_ in {"compound", "nmod", "appos"} and name.head.i != name.i else []
        nouns += [c for c in name.children if c.dep_ == "appos"]
        if surface:
            # (the parse may hang the name elsewhere: "its Orbitel streaming service", the name an adjective)
            k = r["o_end"]
            while k < len(doc) and k - r["o_end"] < 3 and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
                k += 1
            nouns += [doc[k - 1]] if k > r["o_end"] and (k == len(doc) or doc[k].pos_ not in {"ADJ", "NOUN"}) else []
        kind = next((k for k in nouns if k.is_lower and k.pos_ == "NOUN" and k.lemma_.lower() in kinds
                     and (k.dep_ == "appos" or k.i >= r["o_end"] or name.dep_ == "appos")), None)
        # (whose the kind is: the possessive the develops statement was read from, not a partner's; or,
        # where the parser hung it elsewhere, the one right before the name: "whose own Skarv store competes")
        marks = [c for c in kind.children if c.dep_ == "poss"] if kind is not None else []
        before = doc[r["o_start"] - 1] if r["o_start"] > 0 else None
        while before is not None and before.i > 0 and before.is_lower and before.pos_ == "ADJ":
            before = doc[before.i - 1]
        if kind is not None and kind.i == r["o_end"] and before is not None and before.dep_ == "poss":
            marks.append(before)
        if surface and kind is None and r["o_start"] > 1 and doc[r["o_start"] - 1].pos_ == "NOUN" \
                and doc[r["o_start"] - 1].lemma_.lower() in kinds:
            # ("its streaming service Talvoplay", the kind a compound of the name: the possessive before the kind)
            j = r["o_start"] - 2
            while j > 0 and r["o_start"] - j < 5 and doc[j].is_lower and doc[j].pos_ in {"ADJ", "NOUN"}:
                j -= 1
            marks.append(doc[j])
        return next((c for c in marks if r["s_start"] <= c.i < r["s_end"] or c.lower_ == "whose"), None)

    def _owned_brands_and_stores(self, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
        """"Telvo, whose Movistra brand is the largest", "alongside its own Campo Verde brand", "Vardo, whose Skarv
        store takes a 30% cut": a firm whose possessive is on a brand it owns or a store it runs (lexicon
        ``brand_nouns`` and ``offered_store_nouns``) that names a product offers the product, as well as making it (kg:offers
        added to ``found`` beside kg:develops read from the same possessive)."""
        offers = self.onto.relations.get("offers")
        kinds = self.onto.words("relations", "brand_nouns") | self.onto.words("relations", "offered_store_nouns")
        if offers is None or not kinds:
            return
        for r in [r for r in found.values() if r["predicate"] == "develops"]:
            if (r["s_key"], "offers", r["o_key"], r["sent_start"]) in found \
                    or not self.onto.fits(r["s_cls"], offers.domain):
                continue
            if self._possessed_kind(doc, r, kinds) is not None:
                found[(r["s_key"], "offers", r["o_key"], r["sent_start"])] = dict(r, predicate="offers")

    def _services_offered(self, doc: Doc, found: dict[tuple, dict[str, Any]]) -> None:
        """"its Zuma Pay wallet", "its Orbitel streaming service", "its loyalty programme, Vuela+": a firm's
        possessive pronoun on a service it runs (lexicon ``offered_service_nouns``) states that it offers it; goods
        are made, a service is offered. The kg:develops record read from the possessive (not from a verb or role noun
        of making) becomes kg:offers; where a verb of selling already gives kg:offers for the pair, that record
        stays, with its modality ("stopped offering its KoinKart card": negated), and the develops goes, save
        for a stop still to come ("will stop offering its Play service": it is offered now, a fact)."""
        offers, rel = self.onto.relations.get("offers"), self.onto.relations.get("develops")
        kinds = self.offered_service_nouns
        if offers is None or rel is None or not kinds:
            return
        for key, r in [(k, r) for k, r in found.items() if r["predicate"] == "develops"]:
            if not read_from_possessive(self, doc, r) or not self.onto.fits(r["s_cls"], offers.domain):
                continue
            # (a pronoun's: "its", "their", "whose"; a name's possessive, "Velkor's Orbix service" that another
            # resells, says whose it is, which the read sets annotate kg:develops 9 times in 10)
            mark = self._possessed_kind(doc, r, kinds, True)
            # (or a description's, which stands for the firm as a pronoun does: "the carrier's Kargo service")
            if mark is None or not (mark.lower_ in self.onto.owner_possessives
                                    or mark.is_lower and mark.pos_ == "NOUN"):
                continue
            del found[key]
            o_key = (r["s_key"], "offers", r["o_key"], r["sent_start"])
            sold = found.get(o_key)
            if sold is None or sold["modality"] != "fact" and r["modality"] == "fact":
                # (a later stop: ceased_goods_not_made left the possessive's develops a fact)
                found[o_key] = dict(r, predicate="offers")
