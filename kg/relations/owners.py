"""Whose a name is: relations the rules read from an owner written with a name.

"Pellum's Lumafon", "Chipra Zenon" (develops) and "Taiwan's Hsinwa", "US Commerce Department" (basedIn):
relations with a ``kg:possessorIs`` annotation, from a possessive or a name written right before
another; "the chipmaker whose K300 processors ..."; "The Orlan Pulse, a smartwatch from Orlan".
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import COPULAS, POSSESSIVE_MARKS, ends_noun_phrase, included_by, owned_kinds
from ..syntax import possessive as _possessive
from .records import record, side, trigger_token
from .units import Units
from .words import WHOSE

__all__ = ["Owners"]



class Owners(Units):
    """Mixin of :class:`~kg.relations.rules.KGRelations`: relations from an owner written with a name (and, from
    :class:`~kg.relations.units.Units`, firms bought or run as a unit)."""

    def _works_owners(self, tok: Token, by_token: dict[int, int], goods: bool = False) -> list[Token]:
        """"ships cells to Voltra's factory in Shanghai", "supplies axles to Garvin Motors and Orlan Auto
        plants": the named owners (a possessive or a name before it, and the names listed with them) of a
        site or unit (lexicon ``owned_works``, ``seller_sites`` and ``owned_units``: ``works_nouns``), who
        stand for it as the other side of a sale; with ``goods``, also the owner's possessive on a kind of
        product ("supplies cells for Brenmark's Nova Klasse cars": for Brenmark);
        none where ``tok`` is no such site."""
        if tok.i in by_token or not tok.is_lower:
            return []
        if goods and tok.lemma_.lower() in self.product_nouns and tok.lemma_.lower() not in self.works_nouns:
            return [c for c in tok.children if c.i < tok.i and c.i in by_token and _possessive(c)]
        if tok.lemma_.lower() not in self.works_nouns:
            return []
        if tok.lemma_.lower() in self.unit_nouns and any(c.dep_ == "appos" and c.i in by_token for c in tok.children):
            return []  # ("Kelvor's unit, Tessa, hired X": the unit named stands for itself, not its owner)
        owners = [c for c in tok.children if c.i < tok.i and c.i in by_token and (
            _possessive(c) or c.dep_ in {"compound", "nmod"})]
        return owners + [g for c in owners for g in c.conjuncts if g.i in by_token and g.i < tok.i]

    def _bought_goods_owners(self, objs: list[tuple[Token, str]], by_token: dict[int, int],
                             items: list[dict[str, Any]]) -> list[Token]:
        """"Tarrow buys all of Quillo's copper concentrate", "bought 800 megawatt-hours of Brennvolt's
        storage systems": the organisation whose possessive is on the goods a verb of buying takes (also
        after a quantity's "of"), which sells them; not on what changes hands with a firm ("Lumo's stake",
        "Lumo's assets": lexicon ``not_bought_goods``), nor a pronoun's."""
        goods = [t for t, r in objs if r == "patient"]
        goods += [g for t in goods if t.i not in by_token for g in [self._portion_of(t)] if g is not None]
        return [c for g in goods if g.pos_ == "NOUN" and g.is_lower and g.i not in by_token
                and g.lemma_.lower() not in self.not_bought_goods and g.lemma_.lower() not in self.trigger_nouns
                for c in g.children if (_possessive(c) and c.pos_ != "PRON" and c.i in by_token
                                        and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization"))
                or (c.lower_ == "whose" and c.dep_ == "poss")]  # ("Ardent, the miner whose coal it buys")

    def _products_from(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"The Orlan Pulse, a smartwatch from Orlan" (develops): a lower-case kind of product (lexicon
        ``product_nouns``) in apposition to a product's name, "from" an organisation."""
        rels = [r for r in self.onto.relations.values() if r.possessor_is == "subject"]
        out: list[dict[str, Any]] = []
        for it in items if rels else ():
            if it["via"] not in {"", "gazetteer"} or it["cls"] != "Product":
                continue
            root = self._root_of(doc, it)
            # (and "the Zipon from Tarvik Motor": "from" on the name itself, where no verb takes the name from
            # someone: not "bought the Zipon from X")
            direct = [] if root.dep_ == "dobj" and root.head.lemma_.lower() in self.taking_verbs else [root]
            # (and what the copula says it is: "The Lyra 5 is a smartphone from Zhenlu")
            said = [a for a in root.head.children if a.dep_ == "attr"] \
                if root.dep_ == "nsubj" and root.head.lemma_ == "be" else []
            for noun in [c for c in root.children if c.dep_ == "appos"] + said + direct:
                if noun is not root and (not noun.is_lower or noun.lemma_.lower() not in self.product_nouns):
                    continue
                # (not a "from" after the next name of a list, which is that name's: "the S1 X and the Quibe
                # from Tarvi")
                for g in (g for p in noun.children if p.dep_ == "prep" and p.lower_ == "from"
                          and not any(c.dep_ == "conj" and c.i < p.i for c in noun.children)
                          for g in p.children if g.dep_ == "pobj"):
                    for idx, cost, _ in self._map(g, by_token, items):
                        maker = items[idx]
                        rel = next((r for r in rels if self.onto.fits(maker["cls"], r.domain)
                                    and self.onto.fits(it["cls"], r.range)), None)
                        # (a place is where it comes from: "a smartphone from China")
                        if rel is not None and maker["name"] != it["name"] and maker["via"] != "demonym" \
                                and not self.onto.is_a(maker["cls"], "Location"):
                            out.append(record(doc, maker, rel.name, it, rel.base_confidence - 0.1 - cost, g.head))
        return out

    def _may_own(self, owner: dict[str, Any], rel: Any) -> bool:
        """Whether a possessive can make ``owner`` the subject of ``rel``: a place's or a country's
        product ("Thailand's Lannapay network") is one made there, not one the place develops."""
        return not (rel.possessor_is == "subject" and self.onto.is_a(owner["cls"], "Location")
                    and self.onto.fits("Product", rel.range))

    def _included_products(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"Its products include X and the Y app", "the company's range includes the A and B robots": the
        owner of the kinds of product, or the range, that include the names develops them (kg:develops);
        the owner of brands that do offers them (kg:offers)."""
        out: list[dict[str, Any]] = []
        brands = self.onto.words("relations", "brand_nouns")
        for it in items:
            if it["cls"] != "Product" or it["via"] not in {"", "gazetteer"}:
                continue
            kinds = included_by(self._root_of(doc, it))
            if not owned_kinds(kinds, self.product_nouns, self.product_groups):
                continue
            rel = self.onto.relations.get("offers" if kinds.lemma_.lower() in brands else "develops")
            if rel is None:
                continue
            for oi, cost, _ in (m for c in kinds.children if c.dep_ == "poss" for m in self._map(c, by_token, items)):
                owner = items[oi]
                if owner["name"] != it["name"] and self.onto.fits(owner["cls"], rel.domain) \
                        and self.onto.fits(it["cls"], rel.range):
                    out.append(record(doc, owner, rel.name, it, rel.base_confidence - 0.15 - cost, kinds,
                                      self._modality(kinds.head)))
        return out

    def _possessives(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                     ) -> list[dict[str, Any]]:
        """"Pellum's Lumafon", "Chipra Zenon" -> develops; "Taiwan's Hsinwa", "US Commerce Department" -> basedIn.

        Relations that say how (``kg:possessorIs``) take a possessive, or a name
        written right before another name, as evidence.
        """
        rels = [r for r in self.onto.relations.values() if r.possessor_is]
        # a relation of people ("Veltro's Ana Ruiz": worksFor) only from a name right after the
        # possessive; a noun between ("Moreau's siblings X", "Okafor's friend, X") says what else
        # they are, and a job noun is read by the role rules
        of_people = self.people_relations
        of_things = [r for r in rels if r.name not in of_people]
        # a relation of places ("Malawi's Shire River": locatedIn) only from a possessive: a place's name
        # written before another's is often the smaller one ("Austin Texas")
        of_places = self.place_relations
        out = []
        starts = {it["start"]: n for n, it in enumerate(items)}
        # "the chipmaker whose K300 processors ...": "whose" is the noun the clause describes
        for tok in [doc[i] for i in self._lower_ids(WHOSE)]:
            if tok.i + 1 >= len(doc):
                continue
            clause = tok.head
            while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i and clause.i - tok.i < 6:
                clause = clause.head
            # (or, where the parser made no clause of it, the name right before its comma: "Marvane, whose
            # Marvane Shopping service shows ads, said")
            owner_tok = clause.head if clause.dep_ in {"relcl", "acl"} else \
                doc[tok.i - 2] if tok.i >= 2 and doc[tok.i - 1].text == "," and tok.i - 2 in by_token else None
            # (or the firm a description before it is apposed to, where the parser made no clause of it or hung it
            # on a word of the description that stands for no firm: "Kelvor, a Berlin startup whose Tessa app")
            named = self._described_firm(tok, by_token, items) if tok.dep_ == "poss" else None
            if named is not None and (owner_tok is None or (named < owner_tok.i < tok.i and not any(
                    self.onto.is_a(items[m[0]]["cls"], "Organization") for m in self._map(owner_tok, by_token, items)))):
                owner_tok, clause = doc[named], tok
            if owner_tok is None:
                continue
            j = tok.i + 1
            # (and a hyphen inside a modifier: "whose best-selling drug Ostavir")
            while j < len(doc) and j not in starts and j - tok.i <= 4 and (
                    doc[j].is_lower or doc[j].text == "-" and not doc[j - 1].whitespace_):
                j += 1
            # (through a hyphen, a product's description: not "whose pea-protein Greenhouse Burger" for a firm)
            if j in starts and items[starts[j]]["cls"] != "Product" and any(
                    doc[k].text == "-" for k in range(tok.i + 1, j)):
                continue
            if j not in starts or (tok.head.i < j and not (
                    # (but "whose drug Ostavin loses": a kind of product written before the name, which
                    # the parser took for the verb's object)
                    tok.head.i == j - 1 and tok.head.lemma_.lower() in self.product_nouns)):
                continue  # ("whose investors include X": what "whose" owns comes before the name)
            it = items[starts[j]]
            if clause.dep_ not in {"relcl", "acl"} and (it["cls"] != "Product" or (
                    it["end"] < len(doc) and doc[it["end"]].lemma_.lower() in self.onto.words("relations", "brand_nouns"))):
                continue  # (without the clause, only a product the name's kind says was made: not "whose X brand")
            if clause.dep_ in {"relcl", "acl"}:
                owner_tok = _last_joined(owner_tok, tok)
            for oi, cost, _ in self._map(owner_tok, by_token, items, conj=False):
                owner = items[oi]
                for rel in of_things:
                    subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                    if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                            and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym" and self._may_own(subj, rel):
                        out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 - cost, tok))
                        break
        # "Renvix, its approved medicine": the possessor of an appositive; "Lithuania's parliament,
        # the Seimas": a place that owns the noun the name is apposed to is where the name is
        for it in items:
            if it["via"] == "coref":
                continue
            root = self._root_of(doc, it)
            described = [(c, False) for c in root.children if c.dep_ == "appos"]
            if root.dep_ == "appos" and root.head.i not in by_token and root.head.pos_ == "NOUN" \
                    and root.head.lemma_.lower() in self.body_nouns:
                described.append((root.head, True))
            elif root.dep_ == "appos" and root.head.i not in by_token and it["cls"] == "Product" and (
                    (root.head.pos_ == "NOUN" and root.head.lemma_.lower() in self.product_nouns)
                    or (root.head.is_upper and root.head.lower_ in self.product_nouns)):
                # "Arcturo's next AI accelerator, the Tesseract-9": the owner of the kind the name is apposed to
                # (or a kind in capitals: "Song Hong's compact SUV, the SH5")
                described.append((root.head, False))
            # "Halvorsen's best-known product is the Polar Cruiser": the owner of the kind the copula says it is
            # (or a kind the name modifies: "is the Polar Cruiser series")
            attr = root.head if root.dep_ == "compound" and root.head.dep_ == "attr" and root.head.is_lower \
                and root.head.lemma_.lower() in self.product_nouns else root
            if attr.dep_ == "attr" and attr.head.lemma_ == "be" and it["cls"] == "Product":
                described += [(c, False) for c in attr.head.children if c.dep_ == "nsubj" and c.is_lower
                              and c.i not in by_token and c.lemma_.lower() in self.product_nouns]
            for ap, places_only in described:
                if ap.like_num or ap.pos_ == "ADJ":
                    continue  # ("X, its second in a month", "Y, its latest in Asia": the owner's n-th deal, no thing it owns)
                # "Kaizhen, Vantrel's main rival": a role noun of another relation says what they are
                # to each other (the role rules read it), not that one owns the other
                for c in ap.children:
                    if _possessive(c) and c.i in by_token:
                        owner = items[by_token[c.i]]
                        if places_only and not self.onto.is_a(owner["cls"], "Location"):
                            continue
                        # (a role between these two: "Varda, Orvik's discount chain" is no seat)
                        roles = {t.relation.name for t in self.index.get(ap.lemma_.lower(), ())
                                 if t.kind in {"role", "inverse_role"} and any(
                                     self.onto.fits(a["cls"], t.relation.domain)
                                     and self.onto.fits(b["cls"], t.relation.range)
                                     for a, b in ((it, owner), (owner, it)))}
                        # (and not where the noun names the possessor's side of it: "AgriNed, its owner" is
                        # the possessor's parent, which the role rules read, not its unit)
                        inverse = {t.relation.name for t in self.index.get(ap.lemma_.lower(), ())
                                   if t.kind == "inverse_role"}
                        for rel in of_things:
                            if (roles and rel.name not in roles) or rel.name in inverse:
                                continue
                            if rel.name in of_places and ap.lemma_.lower() not in self.place_of_words:
                                continue  # ("Tehran, Canada's protecting power there": no place of Canada's)
                            subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                            if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                                    and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym" and self._may_own(subj, rel):
                                out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.15, c))
                                break
        out += self._included_products(doc, items, by_token)
        # "its range of missiles such as Korda and Tamsa", "Veltro's apps, including Zephyr": the owner
        # of the kind of product the names are listed under
        for it in items:
            tok = doc[it["start"]]
            if it["via"] not in {"coref", "", "gazetteer"} or not _possessive(tok) or tok.i not in by_token:
                continue
            noun = tok.head
            kinds = [noun] + [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj"]
            for kind in kinds:
                if kind.tag_ != "NNS" or kind.lemma_.lower() not in self.product_nouns:
                    continue
                for first in self._listed(kind):
                    for pi, cost, _ in self._map(first, by_token, items):
                        product = items[pi]
                        for rel in rels:
                            subj, obj = (it, product) if rel.possessor_is == "subject" else (product, it)
                            if product["cls"] == "Product" and it["name"] != product["name"] and self._may_own(subj, rel) \
                                    and self.onto.fits(subj["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range):
                                conf = rel.base_confidence - 0.15 - cost - (0.1 if it["via"] == "coref" else 0.0)
                                out.append(record(doc, subj, rel.name, obj, conf, tok))
                                break
        for owner in items:
            # Read the possessive off the surface, which is steadier than the small
            # model's parse of noun phrases: "A's B", "A's popular chatbot service B",
            # or a name written right before another ("Vantrel K300").
            end = owner["end"]
            if end >= len(doc):
                continue
            pronoun = owner["via"] == "coref" and doc[owner["start"]].lower_ in self.onto.possessive_pronouns
            possessive = pronoun or doc[end].tag_ == "POS" or doc[end].lower_ in POSSESSIVE_MARKS
            if possessive:
                j, conf = (end if pronoun else end + 1), (-0.1 if pronoun else 0.0)
                # (and "government-certified": a hyphen inside such a modifier)
                # (and a year: "its 2023 hit Salt Road")
                while j < len(doc) and j not in starts and j - end <= 5 and (
                        doc[j].is_lower and doc[j].pos_ in {"ADJ", "NOUN", "ADV", "VERB"}
                        and doc[j].tag_ not in {"VBD", "VBZ", "VBP"}
                        or doc[j].text == "-" and j > end and not doc[j - 1].whitespace_
                        or j == end + (0 if pronoun else 1) and doc[j].like_num and len(doc[j].text) == 4
                        and doc[j].text.isdigit()):
                    j += 1
                # "its Alzheimer's drug Lucera": a disease's or a user's possessive before the kind of
                # product (the kind's last word a product noun, then a product's name)
                if j + 2 < len(doc) and not doc[j].is_lower and doc[j + 1].tag_ == "POS" and doc[j + 1].i > end:
                    k = j + 2
                    while k < len(doc) and k not in starts and k - j <= 5 and doc[k].is_lower \
                            and doc[k].pos_ in {"ADJ", "NOUN"}:
                        k += 1
                    if k in starts and items[starts[k]]["cls"] == "Product" and k > j + 2 \
                            and doc[k - 1].lemma_.lower() in self.product_nouns:
                        j = k
                # "Corvo's main product, CorvoLog", "Northwind's own platform, Haulr"
                if j + 1 < len(doc) and j not in starts and doc[j].text == "," and j + 1 in starts \
                        and doc[j - 1].lemma_.lower() in self.product_nouns:
                    j += 1
            elif owner["via"] in {"", "gazetteer"} and doc[end - 1].whitespace_ != "" and end in starts:
                j, conf = end, -0.1
            elif owner["via"] in {"", "gazetteer"} and self.onto.is_a(owner["cls"], "Organization"):
                j, conf = self._maker_before_kind(doc, end, starts, items), -0.15
            else:
                continue
            if j not in starts:
                continue
            it = items[starts[j]]
            if it["via"] == "coref" or owner["name"] == it["name"]:
                continue
            if pronoun and it["cls"] != "Product":
                continue  # "its Tixora unit" is a role, read elsewhere
            if not possessive and it["via"] not in {"", "gazetteer"}:
                continue
            for rel in rels:
                if rel.name in of_people and (pronoun or not possessive or j != end + 1):
                    continue
                if rel.name in of_people and (self.onto.is_a(owner["cls"], "Country") or (
                        it["end"] < len(doc) and doc[it["end"]].lower_ in self.place_of_words)):
                    # (a country's name before a name is mostly a firm's, "Japan's Shiokaze Kisen"; and a
                    # place's part is no person, "Hanoi's Dong Da district")
                    continue
                if rel.name in of_places and (pronoun or not possessive or not (
                        it["via"] == "gazetteer" or it["name"].split()[-1] in self.place_heads
                        or (it["end"] < len(doc) and doc[it["end"]].lower_ in self.place_of_words))):
                    # (nor a name the NER took for a place, which may be a firm: "China's Huadong-Zhenhai";
                    # but "Montreal's Plateau neighbourhood" is a place)
                    continue
                subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                if not (self.onto.fits(subj["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range)):
                    continue
                if (subj["via"] == "demonym" and rel.possessor_is == "subject") or not self._may_own(subj, rel):
                    continue
                # between two organisations, "X's Y" is ownership only for a unit's name right
                # after the possessive ("the FTC's Bureau of Competition") or a name the phrase ends with
                # ("competes with Orlan's Vexa and"), not "Quorvex's Solvane stake"
                if self.onto.is_a(owner["cls"], "Organization") and self.onto.is_a(it["cls"], "Organization") \
                        and (j != end + 1 or not possessive or
                             doc[it["start"]:it["end"]].text.split()[-1] not in self.unit_heads and
                             not doc[it["start"]:it["end"]].text.split()[0] in self.unit_heads and
                             not ends_noun_phrase(doc, it["end"], self.works_nouns)):
                    continue
                c_adj = conf - (0.1 if owner["via"] == "coref" else 0.0)
                # a possessive presupposes the relation: the clause's modality does not apply
                out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 + c_adj, doc[end]))
                break
        return out

    def _maker_before_kind(self, doc: Doc, end: int, starts: dict[int, int], items: list[dict[str, Any]]) -> int:
        """"the 1979 Quillon arcade game Starhawk", "the Halvorsen sedan Torvane": where an organisation's
        name modifies a kind of made thing (lexicon product_nouns less shared_kinds: not "the Nollyflix hit
        X", which one may only offer) right before a product's name, the product's start; else -1."""
        k = end
        while k < len(doc) and k not in starts and k - end < 3 and doc[k].is_lower and doc[k].pos_ in {"ADJ", "NOUN"}:
            k += 1
        made = k > end and k in starts and items[starts[k]]["cls"] == "Product" and doc[k - 1].pos_ == "NOUN" \
            and doc[k - 1].lemma_.lower() in self.made_kinds
        return k if made else -1

    def _parts_and_ventures(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                            ) -> list[dict[str, Any]]:
        """"Nile Crown, part of the Mansour Group", "Grainco, which is now part of Bunvale" (subsidiaryOf);
        "Coinvara TH is a joint venture of Coinvara and Mekong Innova", "Humboldt Reefer, a joint venture of
        Halvik-Lund and Sarmar" (a unit of each): "part" or "venture" in apposition to an organisation's
        name or said of it by a copula, "of" (or "between") organisations. Read here rather than as
        triggers, whose words are features of the trained model."""
        rel = self.onto.relations.get("subsidiaryOf")
        out: list[dict[str, Any]] = []
        for noun in self._tokens_with_lemma(doc, {"part", "venture"}) if rel is not None else ():
            # (a venture "between" parties is theirs jointly, "joint" written or not)
            if noun.pos_ != "NOUN" or (noun.lemma_.lower() == "venture" and not any(
                    c.lower_ == "joint" or (c.dep_ == "prep" and c.lower_ == "between") for c in noun.children)):
                continue
            modality = "fact"
            if noun.dep_ == "appos":
                units = [noun.head]
            elif noun.dep_ == "attr" and noun.head.lemma_ in COPULAS:
                units = [c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                modality = self._modality(noun.head)  # ("will no longer be part of Rennick")
            else:
                continue
            # (and names apposed to a description there: "between the Indonesian miner X and Y")
            owners = [r for p in noun.children if p.dep_ == "prep" and p.lower_ in {"of", "between"}
                      for g in p.children if g.dep_ == "pobj"
                      for r in [g, *g.conjuncts, *(x for a in g.children if a.dep_ == "appos" and g.is_lower
                                                   for x in a.conjuncts)]]
            owners += [c for o in owners for c in o.children if c.dep_ == "nmod" and c.i in by_token]
            out += self._records_between(doc, units, owners, rel, by_token, items, rel.base_confidence - 0.1, noun,
                                         modality, objects_conj=False)
        return out + self._purchases_on_the_surface(doc, items, by_token)

    def _ownable(self, anchors: list[Any], holders: list[Any], items: list[dict[str, Any]]) -> list[Any]:
        """The ``anchors`` of an inverse role ("its owner, X") the ``holders`` can own, buy or sell: no city or
        region ("Smithfield, the old meat market of London"), and no government body unless a holder is one
        ("the court banned Chirp after its owner, X, failed to ...": Chirp's owner, not the court's)."""
        firms = not all(self.onto.is_a(items[h.item]["cls"], "GovernmentBody") for h in holders)
        return [a for a in anchors if not self.onto.is_a(items[a.item]["cls"], "Place")
                and not (firms and self.onto.is_a(items[a.item]["cls"], "GovernmentBody"))]

    def _purchases_on_the_surface(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                                  ) -> list[dict[str, Any]]:
        """"Auto supplier Brenholt buys lidar startup Optiva", "Velden to buy Argentine seed maker Agrogen": a
        headline's parse often breaks the buyer or the description of the one bought; the organisation named
        right before the verb (or its "to", "will", "agrees to") buys the one named after it past lower-case
        words of description and demonyms only (kg:acquires). Where the parse gave the verb no name as its
        object."""
        rel = self.onto.relations.get("acquires")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.headline_purchase_verbs) if rel is not None else ():
            if verb.pos_ != "VERB" or any(c.dep_ == "dobj" and c.i in by_token for c in verb.children):
                continue
            k = verb.i - 1
            if k >= 0 and doc[k].lower_ in {"to", "will"}:
                k -= 1
                if k >= 0 and doc[k].lemma_.lower() in {"agree", "plan", "move", "set"}:
                    k -= 1
            j = verb.i + 1
            while j < len(doc) and j - verb.i <= 5 and j not in by_token and doc[j].is_lower and doc[j].is_alpha \
                    and doc[j].pos_ in {"NOUN", "ADJ", "VERB"} or (j in by_token and items[by_token[j]]["via"] == "demonym"):
                j += 1
            if k < 0 or k not in by_token or j >= len(doc) or j not in by_token or j == verb.i + 1 \
                    and doc[j].head.i == verb.i:
                continue  # (a name right after the verb is the parse's to read)
            buyer, bought = items[by_token[k]], items[by_token[j]]
            # ("buy Aberdeen cable specialist Tidewell": a place before a description of the one bought)
            m = bought["end"]
            while m < len(doc) and m - bought["end"] < 4 and m not in by_token and doc[m].is_lower and doc[m].is_alpha:
                m += 1
            if m > bought["end"] and m in by_token and items[by_token[m]]["start"] == m:
                bought = items[by_token[m]]
            if bought["end"] < len(doc) and doc[bought["end"]].tag_ == "POS":
                continue  # ("bought Lumio's plant": the owner of what is bought)
            if buyer["end"] != k + 1 or bought["start"] != j or buyer["via"] not in {"", "gazetteer"} \
                    or bought["via"] not in {"", "gazetteer"}:
                continue
            if self.onto.is_a(buyer["cls"], "Organization") and self.onto.is_a(bought["cls"], "Organization") \
                    and buyer["name"] != bought["name"]:
                out.append(record(doc, buyer, rel.name, bought, rel.base_confidence - 0.15, verb, self._modality(verb)))
        return out

    def _co_owners(self, doc: Doc, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"Coinvara TH, a joint venture of Coinvara and Mekong Innova", "VCC, owned jointly by Motrel,
        Marden-Kessler and Cellor", "a consortium owned by X and Y": the owners one trigger gives a joint
        venture, or says own it jointly (lexicon ``joint_adverbs``, and "joint"), or a consortium or
        venture, are partners (kg:partnersWith)."""
        rel = self.onto.relations.get("partnersWith")
        if rel is None:
            return
        groups: dict[tuple[str, int], list[dict[str, Any]]] = {}
        for r in found.values():
            if r["predicate"] == "subsidiaryOf" and r["modality"] == "fact":
                groups.setdefault((r["s_key"], r["trigger_start"]), []).append(r)
        for (_, at), recs in groups.items():
            owners = list({r["o_key"]: r for r in recs}.values())
            trig = trigger_token(doc, recs[0]) if len(owners) > 1 else None
            # (or a consortium or venture several own: "a consortium owned by X and Y", "The joint venture,
            # Z, will be owned by X and Y")
            if len(owners) < 2 or trig is None or not any(
                    w.lower_ == "joint" or w.lower_ in self.joint_adverbs or (w.dep_ == "prep" and w.lower_ == "between")
                    for w in [*trig.children, *trig.head.children]) and not any(
                    w.lemma_.lower() in {"venture", "consortium"} and (w.i in {trig.i, trig.head.i} or w.dep_ == "nsubjpass")
                    for w in [trig, trig.head, *trig.children]):
                continue
            for n, a in enumerate(owners):
                for b in owners[n + 1:]:
                    one, other = side(a, "o"), side(b, "o")
                    if not (self.onto.fits(one["cls"], rel.domain) and self.onto.fits(other["cls"], rel.range)):
                        continue
                    rec = record(doc, one, rel.name, other, min(a["confidence"], b["confidence"]) - 0.1, trig)
                    found.setdefault((rec["s_key"], rel.name, rec["o_key"], rec["sent_start"]), rec)


def _last_joined(noun: Token, whose: Token) -> Token:
    """The noun a "whose" clause is about: the last of names joined by "and" or "or", right before the
    comma, where the parser hung the clause on the first ("operators including Kelvor and Orlan, whose
    Trovo app ...": Orlan's), else ``noun``."""
    doc = whose.doc
    if whose.i < 2 or doc[whose.i - 1].text != ",":
        return noun
    last = doc[whose.i - 2]
    node = last
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
        if node.i == noun.i:
            return last
    return noun
