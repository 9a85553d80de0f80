"""Where organisations are based, read off the surface: "made by Bengaluru startup X", "X, the Dutch
delivery start-up,", "the Danish Ministry of Defence"; and the seats the trigger rules found, widened
to the region their city is written with ("based in Dalton, Ga.").

A mixin of :class:`~kg.relations.rules.KGRelations`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.strings import get_string_id

from .records import drop_regions_of_cities, record, trigger_token

__all__ = ["Seats"]


class Seats:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: organisations' seats."""

    @cached_property
    def _seat_roles(self) -> tuple[frozenset[str], frozenset[int]]:
        """kg:basedIn's role nouns (their last words), the lexicon's ``seat_tie_nouns`` ("its Dutch
        partner X") and ``seat_trade_nouns`` ("Danish grocer X"), and the string hashes of those words and
        of the last words of hyphened ones ("start-up"), for :meth:`_seats_written_before`."""
        rel = self.onto.relations.get("basedIn")
        roles = frozenset(w[-1] for w in rel.role_triggers) if rel is not None else frozenset()
        if roles:
            roles |= frozenset(self.onto.lexicon["relations"].get("seat_tie_nouns", ())) \
                | frozenset(self.onto.lexicon["relations"].get("seat_trade_nouns", ()))
        # (a hyphened noun's last word, as the tokenizer splits it: "start-up", "co-op")
        return roles, frozenset(get_string_id(w) for w in roles | {w.rsplit("-", 1)[-1] for w in roles if "-" in w})

    @staticmethod
    def _descriptive(doc: Any, k: int) -> bool:
        """Whether token ``k`` may be a word of a firm's description before its role noun: a lower-case
        word (a stop word only after a hyphen: "start-up"), a hyphen after one, or a short word in capitals
        that names a trade ("AI startup", "EV maker") before a lower-case word."""
        t = doc[k]
        return (t.is_lower and t.is_alpha and (not t.is_stop or doc[k - 1].text == "-")) \
            or (t.text == "-" and (doc[k - 1].is_lower or (k + 1 < len(doc) and doc[k + 1].lower_ == "based"))) \
            or (t.is_upper and t.is_alpha and 2 <= len(t) <= 3 and k + 1 < len(doc) and doc[k + 1].is_lower)

    @staticmethod
    def _role_word(words: Any) -> str:
        """The role noun a description's words end in, "start-up" and "co-op" as one word."""
        return words[-3:].text.lower() if len(words) >= 3 and words[-2].text == "-" else words[-1].lower_

    def _described_after_place(self, doc: Any, end: int, by_token: dict[int, int], items: list[dict[str, Any]]
                               ) -> int | None:
        """"made by Bengaluru startup Rhythmic Labs": where a place's name (ending at ``end``) is followed
        by lower-case words that end in one of kg:basedIn's role nouns and then an organisation's name,
        the start of that name (the parser may end the agent's phrase at the place); else None."""
        roles, _ = self._seat_roles
        k = end
        while k < len(doc) and k - end < 4 and k not in by_token and self._descriptive(doc, k):
            k += 1
        if k == end or k not in by_token or self._role_word(doc[end:k]) not in roles \
                or any(w.tag_ in {"VBZ", "VBD", "VBP", "MD"} for w in doc[end:k - 1]):
            return None
        org = items[by_token[k]]
        return k if org["start"] == k and org["via"] in {"", "gazetteer"} \
            and self.onto.is_a(org["cls"], "Organization") else None

    def _seats_written_before(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                              ) -> list[dict[str, Any]]:
        """"made by Bengaluru startup Rhythmic Labs", "Moroccan phosphate giant KPR": a place or a
        demonym, lower-case words that end in one of kg:basedIn's role nouns, then an organisation's
        name: read off the surface, for the parses in which the tagger took a noun there for a verb
        ("startup/VBD", "phosphate/VB") and no role reading follows."""
        rel = self.onto.relations.get("basedIn")
        roles, role_hashes = self._seat_roles
        out: list[dict[str, Any]] = []
        for it in items if roles else ():
            # (only names right after a role noun's form: a look at the hash array, no Token made)
            if it["start"] < 2 or self._doc_state.lower_hashes[it["start"] - 1] not in role_hashes \
                    or it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            k = it["start"] - 1
            while k > 0 and it["start"] - k <= 4 and k not in by_token and self._descriptive(doc, k):
                k -= 1  # (up to three lower-case words: "phosphate giant", "start-up")
            words = doc[k + 1:it["start"]]
            if not len(words) or k < 0 or k not in by_token:
                continue
            last = self._role_word(words)
            # (no verb of the place's before the role: "Brazil bars exchange X", "Spain orders platform X")
            if last not in roles or any(w.tag_ in {"VBZ", "VBD", "VBP", "MD"} for w in words[:-1]) \
                    or (words[-1].tag_ in {"VBZ", "VBP", "MD"}):
                continue
            place = items[by_token[k]]
            if place["end"] == k + 1 and place["name"] != it["name"] and self.onto.is_a(place["cls"], "Location") \
                    and doc[k].tag_ != "POS" and (doc[k].dep_ not in {"nsubj", "nsubjpass"}
                                                  or words.start <= doc[k].head.i < words.end
                                                  # ("Lisbon start-up X releases ...": the phrase is the subject)
                                                  or doc[k].head.i >= it["end"]):
                out.append(record(doc, it, rel.name, place, rel.base_confidence - 0.1, words[-1]))
        return out

    def _source_seats(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"Halden Radio Kelvor Network in Vesk 1130 GMT 12 Mar 95": the outlet a monitoring source line
        names is based in the city before it (the entity stage marks the outlet, kg.entities.source_lines)."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        for it in items:
            seat = it.get("seat_start")
            place = items[by_token[seat]] if seat is not None and seat in by_token else None
            if rel is not None and place is not None and place["start"] == seat and self.onto.fits(place["cls"], rel.range):
                out.append(record(doc, it, rel.name, place, rel.base_confidence, doc[it["start"]]))
        return out

    def _seats_apposed(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Basketo, the Dutch van-delivery start-up,", "Dao Bike, a Ho Chi Minh City startup that makes X": a
        name, a comma, an article, a place or a demonym and lower-case words that end in one of
        kg:basedIn's role nouns, then a comma, a full stop or a relative pronoun: read off the surface,
        for the parses that did not make the description an apposition of the name."""
        rel = self.onto.relations.get("basedIn")
        roles, role_hashes = self._seat_roles
        out: list[dict[str, Any]] = []
        for it in items if roles else ():
            j = it["end"]
            if j + 3 >= len(doc) or doc[j].text != "," or doc[j + 1].lower_ not in {"a", "an", "the"} \
                    or it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            n = by_token.get(j + 2)
            if n is None or items[n]["start"] != j + 2 or not self.onto.is_a(items[n]["cls"], "Location") \
                    or items[n]["name"] == it["name"]:
                out += self._seat_after_role(doc, it, j + 2, items, by_token)
                continue
            k = items[n]["end"]
            while k < len(doc) and k - items[n]["end"] < 6 and k not in by_token and self._descriptive(doc, k):
                k += 1  # (up to a few lower-case words: "van-delivery start-up", "holding company")
            # (the description ends at the first role noun that ends its phrase: "a Miami company backed by X")
            k = next((m + 1 for m in range(items[n]["end"], k) if m + 1 < len(doc)
                      and self._doc_state.lower_hashes[m] in role_hashes and self._description_ends(doc[m + 1])), k)
            words = doc[items[n]["end"]:k]
            if not len(words) or k >= len(doc) or self._doc_state.lower_hashes[k - 1] not in role_hashes \
                    or not self._description_ends(doc[k]):
                continue
            # (not where a place follows "in" or "from": "a Chinese language daily in Harwick" is based there)
            if doc[k].lower_ in {"in", "from"} and k + 1 in by_token \
                    and self.onto.is_a(items[by_token[k + 1]]["cls"], "Location"):
                continue
            if self._role_word(words) in roles and not any(w.tag_ in {"VBZ", "VBD", "VBP", "MD"} for w in words):
                out.append(record(doc, it, rel.name, items[n], rel.base_confidence - 0.1, words[-1]))
        return out

    @staticmethod
    def _description_ends(t: Any) -> bool:
        """Whether token ``t``, right after a description's role noun, ends the noun's phrase: a comma, a
        full stop, a relative pronoun, a preposition or a participle that opens what the description says
        next ("a Miami company backed by X", "a Tunis startup whose app ..."), not another noun or a
        possessive ("a Miami company spokesman", "a Lyon firm's unit")."""
        return t.text in {",", ".", ";"} or t.lower_ in {"that", "which", "whose", "who"} \
            or (t.tag_ in {"IN", "VBN", "VBG"} and t.is_lower and t.lower_ != "of")

    def _seat_after_role(self, doc: Any, it: dict[str, Any], k: int, items: list[dict[str, Any]],
                         by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Brabant Lenses, a lens grinder in Tilburg,", "Kelvo, a meal-kit service from Pune": after a
        name, a comma and an article, lower-case words that end in one of kg:basedIn's role nouns and then
        "in" or "from" and a place's name: the organisation is based there (not a rival's or a player's
        noun, where "in" names a market: "Kelvo, a rival in Spain")."""
        rel = self.onto.relations.get("basedIn")
        roles, role_hashes = self._seat_roles
        start = k
        while k < len(doc) and k - start < 5 and k not in by_token and self._descriptive(doc, k) \
                and doc[k].lower_ not in {"in", "from"}:
            k += 1
        words = doc[start:k]
        if not len(words) or k + 1 >= len(doc) or self._doc_state.lower_hashes[k - 1] not in role_hashes \
                or doc[k].lower_ not in {"in", "from"} or self._role_word(words) not in roles - {"rival", "player"} \
                or any(w.tag_ in {"VBZ", "VBD", "VBP", "MD"} for w in words):
            return []
        place = self._seat_named_at(k + 1, it, rel, items, by_token)
        if place is None:
            return []
        return [record(doc, it, rel.name, place, rel.base_confidence - 0.15, words[-1])]

    def _seat_named_at(self, k: int, it: dict[str, Any], rel: Any, items: list[dict[str, Any]],
                       by_token: dict[int, int]) -> dict[str, Any] | None:
        """The place whose name starts at token ``k`` (named there, not by coreference) that may be the seat
        (``rel``'s range, kg:basedIn's) of the organisation ``it``, of another name; else None."""
        n = by_token.get(k)
        place = items[n] if n is not None else None
        if place is None or place["start"] != k or place["via"] not in {"", "gazetteer"} \
                or not self.onto.fits(place["cls"], rel.range) \
                or place["name"] == it["name"]:
            return None
        return place

    def _seats_after_prepositions(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                                  ) -> list[dict[str, Any]]:
        """"bought the resin from Vortal Pharma in Hyderabad", "analysts at Corvane Securities in Shanghai",
        "outlets including Groupe Marlet in Montreal": a firm's name set in a preposition of where goods,
        words or members come from ("at" after a noun of people), then "in" and a place's name: the place is
        the firm's seat. Not a firm the gazetteer knows (a big firm "in" a place is where it does business:
        "from Korvane in Vietnam"), nor one a verb acts on ("sued Orlan in Delaware", "sells to Orlan in Brazil")."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        for it in items if rel is not None else ():
            end = it["end"]
            if it["via"] != "" or end + 1 >= len(doc) or doc[end].lower_ != "in" \
                    or not self.onto.is_a(it["cls"], "Company") or it["name"] in self.gazetteer_orgs:
                continue
            root = self._span_root(doc, it["start"], end)
            prep = root.head
            # ("at" only after the noun of those who work there: "analysts at X in Shanghai", not a venue where
            # something is done, "recorded at Studio 9 in Lyon"; "as" only in "such as")
            if root.dep_ != "pobj" or not (prep.lower_ in {"from", "including", "like"} or (
                    prep.lower_ == "as" and prep.i > 0 and doc[prep.i - 1].lower_ == "such") or (
                    prep.lower_ == "at" and prep.head.pos_ == "NOUN"
                    and prep.head.lemma_.lower() in self.title_words.get("worksFor", ()))):
                continue
            k = end + 2 if doc[end + 1].lower_ == "the" else end + 1
            place = self._seat_named_at(k, it, rel, items, by_token)
            if place is not None:
                out.append(record(doc, it, rel.name, place, rel.base_confidence - 0.15, doc[end]))
        return out

    def _bodies_of_nations(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"the Danish Ministry of Defence", "Turkish watchdog Rekabet": a demonym right before a
        government body's name (which the entity stage split off a ministry's, a department's or a
        court's, as the annotated news reads them), or before lower-case words for a body and then
        the name, is the country the body is based in."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        for it in items if rel is not None else ():
            if it["cls"] != "GovernmentBody" or it["via"] not in {"", "gazetteer"} or it["start"] < 1:
                continue
            k = it["start"] - 1
            while k > 0 and it["start"] - k <= 2 and doc[k].is_lower and doc[k].lemma_.lower() in self.government_nouns:
                k -= 1  # "Turkish watchdog Rekabet"
            n = by_token.get(k)
            # (an adjective, not a country's short name: "the U.S. District Court", "the UK Supreme Court")
            if n is None or items[n]["via"] != "demonym" or items[n]["end"] != k + 1 or not doc[k].is_alpha \
                    or doc[k].is_upper \
                    or not self.onto.fits(items[n]["cls"], rel.range):
                continue
            out.append(record(doc, it, rel.name, items[n], rel.base_confidence - 0.1, doc[k]))
        return out

    @cached_property
    def _seat_unit_nouns(self) -> frozenset[str]:
        """kg:subsidiaryOf's role nouns of one word ("unit", "subsidiary", "arm"), for :meth:`_seats_of_units`."""
        rel = self.onto.relations.get("subsidiaryOf")
        return frozenset(w[0] for w in rel.role_triggers if len(w) == 1) if rel is not None else frozenset()

    def _seats_of_units(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        """"the firm's Hong Kong unit, Petrel Maritime,", "its Bangkok subsidiary Agrifort Thailand": after a
        possessive, a place's name (or a demonym) on one of kg:subsidiaryOf's role nouns, then (after a
        comma or not) an organisation's name: the unit so named is based in that place (read off the
        surface; the parser hangs the name on the noun or elsewhere)."""
        rel = self.onto.relations.get("basedIn")
        units = self._seat_unit_nouns
        out: list[dict[str, Any]] = []
        for it in items if rel is not None and units else ():
            k = it["start"] - (2 if it["start"] >= 2 and doc[it["start"] - 1].text == "," else 1)
            if k < 2 or doc[k].lower_ not in units or k - 1 not in by_token \
                    or it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            place = items[by_token[k - 1]]
            owner = doc[place["start"] - 1] if place["start"] > 0 else None
            if place["end"] != k or place["name"] == it["name"] or not self.onto.fits(place["cls"], rel.range) \
                    or owner is None or not (owner.tag_ == "POS" or owner.lower_ in self.onto.owner_possessives):
                continue
            out.append(record(doc, it, rel.name, place, rel.base_confidence - 0.1, doc[k]))
        return out

    def _seats_of_named(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        """"the Pellham headquarters of Orlan Bank", "the head office of Kelvor Motors in Harwick": a seat's
        noun "of" an organisation's name is that organisation's seat, in the place a name right before
        the noun, or "in" after the noun or the organisation's name, names. Not a country or a demonym
        before the noun, which names a region's seat ("the U.S. headquarters of X"), nor a seat a word
        of lexicon ``seat_changing_words`` says is another than today's ("the former headquarters")."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, {"headquarters", "headquarter", "office"}) if rel is not None else ():
            if tok.pos_ != "NOUN" or not (tok.lower_ == "headquarters" or (
                    tok.lower_ == "office" and tok.i > 0 and doc[tok.i - 1].lower_ == "head")) \
                    or any(c.lower_ in self.seat_changing_words for c in tok.children):
                continue
            firms = [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                     for g in p.children if g.dep_ == "pobj" and g.i in by_token]
            firm = items[by_token[firms[0].i]] if firms else None
            if firm is None or firm["via"] not in {"", "gazetteer"} or not self.onto.fits(firm["cls"], rel.domain):
                continue
            before = [c for c in tok.children if c.i < tok.i and c.dep_ in {"amod", "compound", "nmod"}]
            if any(c.ent_type_ == "NORP" or (c.i in by_token and (items[by_token[c.i]]["via"] == "demonym" or self.onto.is_a(
                    items[by_token[c.i]]["cls"], "Country"))) for c in before):
                continue  # ("the European headquarters of X in Dublin": a region's seat, where X operates)
            after = [g for h in (tok, firms[0]) for p in h.children if p.dep_ == "prep" and p.lower_ == "in"
                     for g in p.children if g.dep_ == "pobj" and g.i in by_token]
            for t in [c for c in before if c.i in by_token] + after:
                place = items[by_token[t.i]]
                if place["via"] in {"", "gazetteer"} and place["name"] != firm["name"] \
                        and self.onto.fits(place["cls"], rel.range):
                    out.append(record(doc, firm, rel.name, place, rel.base_confidence - 0.1, tok))
        return out

    def _widen_places(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                      apposed: list[dict[str, Any]]) -> None:
        """"based in Dalton, Ga.": an organisation based in a place is based in the region its name
        is written with too, where the region is written as a newswire abbreviation ("Ga.", "Mich.":
        the public sets annotate both; news that spells the region out, "San Jose, California", is
        annotated with the city alone). ``apposed``: the "Place, Region" records of
        :meth:`_apposed_places`."""
        regions: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for r in apposed:
            regions.setdefault((r["sent_start"], r["s_start"]), []).append(r)
        if not regions:
            return
        for r in list(found.values()):
            rel = self.onto.relations[r["predicate"]]
            # (an organisation's seat, as news and the public sets annotate it; where a person lives
            # or a firm operates is annotated with the place alone)
            if rel.name not in self.onto.to_places or not rel.domain \
                    or not all(self.onto.is_a(c, "Organization") for c in rel.domain):
                continue
            for place in regions.get((r["sent_start"], r["o_start"]), ()):
                if place["o_name"] == r["s_name"] or not doc[place["o_end"] - 1].text.endswith("."):
                    continue
                wider = {**r, "o_start": place["o_start"], "o_end": place["o_end"], "o_name": place["o_name"],
                         "o_cls": place["o_cls"], "o_wikidata": place["o_wikidata"], "o_key": place["o_key"],
                         "confidence": round(max(0.05, r["confidence"] - 0.05), 3)}
                key = (wider["s_key"], wider["predicate"], wider["o_key"], wider["sent_start"])
                if key not in found:
                    found[key] = wider

    def _seat_cities(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                     apposed: list[dict[str, Any]]) -> None:
        """"based in Sackville, New Brunswick, Canada", "headquartered in Tulsa, Oklahoma": a seat a word of
        kg:basedIn's triggers writes with its region is the city; the region is where the city is
        (kg:locatedIn), not a second seat (the annotation's settled case), where the parser listed the two
        and both were read. Not a region written as a newswire abbreviation ("Dalton, Ga.":
        :meth:`_widen_places` gives both), nor one before "-based" (:meth:`_city_before_seat`)."""
        rel = self.onto.relations.get("basedIn")
        if rel is None:
            return
        words = {w[-1] for w in rel.triggers}

        def seat_word(r: dict[str, Any], city: dict[str, Any]) -> bool:
            trigger = trigger_token(doc, r)
            return city["s_name"] != r["s_name"] and trigger is not None and trigger.lower_ in words

        drop_regions_of_cities(doc, found, apposed, "basedIn", keep_before_based=True, also=seat_word)

    def _city_before_seat(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                          items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"Mountain View, California-based Quorvex": an organisation read as based in a region written after
        a city and before "-based" is based in the city (as "an Austin, Texas-based maker" reads), where the
        city lies in the region and is no place a preposition names ("its partner in Asia, Shanghai-based X"
        is no seat in Asia). The region is where the city is (kg:locatedIn), not a second seat (the
        annotation's settled case), unless written as a newswire abbreviation ("a Dalton, Ga.-based
        maker": both, as :meth:`_widen_places` reads "based in Dalton, Ga.")."""
        inside = {(r["o_start"], r["s_start"]) for r in found.values() if r["predicate"] == "locatedIn"}
        for key, r in [(k, r) for k, r in found.items() if r["predicate"] == "basedIn"]:
            o, e = r["o_start"], r["o_end"]
            if o < 2 or e + 1 >= len(doc) or doc[o - 1].text != "," or doc[e].text != "-" or doc[e + 1].lower_ != "based":
                continue
            n = by_token.get(o - 2)
            city = items[n] if n is not None else None
            if city is None or city["end"] != o - 1 or not self.onto.is_a(city["cls"], "Location") \
                    or city["name"] == r["s_name"] or (o, city["start"]) not in inside:
                continue
            root = self._root_of(doc, city)
            if root.dep_ == "pobj" and root.head.lower_ != "of":
                continue  # ("a partner in Asia, Shanghai-based X": where the partner is)
            rec = {**r, "o_start": city["start"], "o_end": city["end"], "o_name": city["name"], "o_cls": city["cls"],
                   "o_wikidata": city.get("wikidata", ""), "o_key": f"{city['cls']}/{city['name']}"}
            found.setdefault((rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"]), rec)
            if not doc[e - 1].text.endswith("."):
                found.pop(key, None)

    def _apposed_city_seats(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Halvern, a Santa Clara, California-based chip designer,", "Velmo, a Lyon, France, start-up,": an
        organisation described by a city written with its region and a role noun of kg:basedIn is based in the
        city (the region is where the city is: the annotation's settled case), read off the words, since the
        parser may take a city of two words for the name's apposition."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        roles, _ = self._seat_roles
        if rel is None or not roles:
            return out

        def starting_at(i: int) -> dict[str, Any] | None:
            n = by_token.get(i)
            return items[n] if n is not None and items[n]["start"] == i else None

        for firm in items:
            e = firm["end"]
            if firm["via"] not in {"", "gazetteer"} or not self.onto.is_a(firm["cls"], "Organization") \
                    or e + 3 >= len(doc) or doc[e].text != "," or doc[e + 1].lower_ not in {"a", "an", "the"}:
                continue
            city = starting_at(e + 2)
            if city is None or city["end"] + 1 >= len(doc) or doc[city["end"]].text != ",":
                continue
            region = starting_at(city["end"] + 1)
            if region is None or not all(self.onto.is_a(p["cls"], "Location") for p in (city, region)) \
                    or doc[region["end"] - 1].text.endswith(".") or region["end"] + 1 >= len(doc):
                continue
            k = region["end"]
            if doc[k].text == "-" and doc[k + 1].lower_ == "based":
                k += 2
            elif doc[k].text == ",":
                k += 1
            else:
                continue
            start = k
            while k < len(doc) and k - start < 4 and k not in by_token and self._descriptive(doc, k):
                k += 1
            if k == start or self._role_word(doc[start:k]) not in roles \
                    or (k < len(doc) and doc[k].text not in {",", ".", ";"} and doc[k].lower_ not in {"of", "that", "which"}):
                continue
            if city["name"] != firm["name"] and self.onto.fits(city["cls"], rel.range):
                out.append(record(doc, firm, rel.name, city, rel.base_confidence - 0.1, doc[k - 1]))
        return out

    def _run_from(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Ravi Menon, who runs Tarka from Pune", "a division of Ostra run by Jens Lund from Kiel", "Pelto
        America, which runs Zappa's business from Denver": where a firm is run or managed from is its seat
        (the verb's object, its subject where the object is no name, or the noun a passive describes;
        the place named "from", or "in" after the site there: "from a converted barn in Aarhus")."""
        rel = self.onto.relations.get("basedIn")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.run_from_verbs) if rel is not None else ():
            if verb.pos_ != "VERB":
                continue
            places = []
            for g in (g for p in verb.children if p.dep_ == "prep" and p.lower_ == "from"
                      for g in p.children if g.dep_ == "pobj"):
                if g.i in by_token:
                    places.append(g)
                elif g.pos_ == "NOUN" and g.is_lower:  # (the site: "from a converted barn in Aarhus")
                    places += [n for p in g.children if p.dep_ == "prep" and p.lower_ == "in"
                               for n in p.children if n.dep_ == "pobj" and n.i in by_token]
            places = [items[by_token[g.i]] for g in places
                      if self.onto.is_a(items[by_token[g.i]]["cls"], "Location") and items[by_token[g.i]]["via"] != "demonym"]
            if not places:
                continue
            objs = [c for c in verb.children if c.dep_ == "dobj"]
            if verb.dep_ == "acl" and verb.tag_ == "VBN" and not objs:
                named = [verb.head]  # "a division of Ostra run by Jens Lund from Kiel"
            elif objs and any(o.i in by_token for o in objs):
                named = objs
            else:  # "which runs Zappa's American business from Denver": the subject, its business run
                named = [c for c in verb.children if c.dep_ == "nsubj"] if objs and all(
                    o.is_lower and o.lemma_.lower() in self.organisation_parts for o in objs) else []
            firms = [items[m[0]] for t in named for m in self._map(t, by_token, items)
                     if self.onto.is_a(items[m[0]]["cls"], "Organization") and items[m[0]]["via"] != "demonym"]
            for firm in firms[:1]:
                for place in places[:1]:
                    if place["name"] != firm["name"] and self.onto.fits(place["cls"], rel.range):
                        out.append(record(doc, firm, rel.name, place, rel.base_confidence - 0.1, verb))
        return out

    def _regional_seats(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"its European head office in Dublin", "its U.S. headquarters in Austin": a seat for a region is where
        one operates (kg:operatesIn), not where one is based; not the seat a place before the noun alone names
        ("its Paris headquarters"). ("Its regional headquarters" stays a seat: the annotated news writes it
        so, and the text seldom says where else the firm is based.)"""
        if "operatesIn" not in self.onto.relations:
            return
        by_trigger: dict[int, list[tuple[str, str, str, int]]] = {}
        for k, r in found.items():
            if r["predicate"] == "basedIn":
                by_trigger.setdefault(r["trigger_start"], []).append(k)
        if not by_trigger:
            return
        nouns = {w[-1] for w in self.onto.relations["basedIn"].triggers}  # ("headquarters", "head office")
        for start, keys in by_trigger.items():
            span = doc.char_span(start, start + 1, alignment_mode="expand")
            tok = span[0] if span is not None and len(span) else None
            if tok is None or tok.idx != start or tok.pos_ != "NOUN" or tok.lower_ not in nouns:
                continue
            mods = [c for c in tok.children if c.i < tok.i and c.dep_ in {"amod", "compound", "nmod"}]
            places = {t.i for c in mods for t in c.subtree if t.ent_type_ in {"GPE", "LOC"}}
            # (a place before the noun is a region where a seat named after the noun is elsewhere: "its U.S.
            # headquarters in Austin"; not "the NRC's Rockville, Md., headquarters", the seat itself)
            regional = any(c.ent_type_ == "NORP" for c in mods) or (
                bool(places) and any(not places & set(range(found[k]["o_start"], found[k]["o_end"])) for k in keys))
            if not regional:
                continue
            for key in keys:
                moved = dict(found.pop(key), predicate="operatesIn")
                found.setdefault((moved["s_key"], "operatesIn", moved["o_key"], moved["sent_start"]), moved)

    def _own_seats_kept(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                        items: list[dict[str, Any]]) -> None:
        """"Lahore-based Tarvane Mobile and Kestrel Capital of Dubai", "Orlan Shipping of Mumbai and Tessa Marine,
        registered in Panama": a firm whose own seat is written right beside its name ("of Dubai" right after
        it, "Lagos-based" right before it) is not based where the text places another firm named between that
        place and it (the parser spread the other's seat over the list)."""
        own: dict[tuple[str, int], set[int]] = {}
        for r in found.values():
            s, e, o, oe = r["s_start"], r["s_end"], r["o_start"], r["o_end"]
            if r["predicate"] == "basedIn" and ((o == e + 1 and doc[e].lower_ == "of") or (
                    oe + 2 == s and doc[oe].text == "-" and doc[oe + 1].lower_ == "based")):
                own.setdefault((r["s_key"], r["sent_start"]), set()).add(o)
        for key, r in list(found.items()):
            mine = own.get((r["s_key"], r["sent_start"]))
            if r["predicate"] != "basedIn" or not mine or r["o_start"] in mine:
                continue
            lo, hi = (r["o_end"], r["s_start"]) if r["o_start"] < r["s_start"] else (r["s_end"], r["o_start"])
            if any(lo <= it["start"] and it["end"] <= hi and it["via"] in {"", "gazetteer"}
                   and it["name"] != r["s_name"] and self.onto.is_a(it["cls"], "Organization") for it in items):
                found.pop(key)
