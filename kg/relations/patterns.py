"""Relations the rules read from a construction rather than a trigger word.

"Santa Clara, California" (locatedIn); a trigger the parse gave no arguments, read off the surface;
firms acting jointly, hit by restrictions; up against or beating rivals (:mod:`kg.relations.rivals`).
What is written beside a name ("Ana Ruiz of Acme", "Hana Petrova, an ecologist at Lindqvist University")
is in :mod:`kg.relations.modifiers`; deals (sales, contracts, funding) in :mod:`kg.relations.deals`; whose a
name is ("Pellum's Lumafon", "Taiwan's Hsinwa") in :mod:`kg.relations.owners`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from ..syntax import SUBJ as _SUBJ
from .hits import restriction_before
from .records import record
from .joint import joint_works
from .rivals import Rivals
from .ventures import venture_members

__all__ = ["Patterns"]


def _opens_clause(tok: Token) -> bool:
    """Whether ``tok`` (after "and") opens a clause of its own: it is, or is a name's word of, the subject of a
    verb written after it ("and Hanwol will supply cells")."""
    while tok.dep_ in {"compound", "flat"} and tok.head.i > tok.i:
        tok = tok.head
    return tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ in {"VERB", "AUX"} and tok.head.i > tok.i

class Patterns(Rivals):
    """Mixin of :class:`~kg.relations.rules.KGRelations`: constructions without a trigger word (and, from
    :class:`~kg.relations.rivals.Rivals`, firms that are rivals)."""

    def _apposed_places(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        """"Santa Clara, California" and "Redmond, Washington": a place inside the next one; and "the
        Gegharkunik Province of Armenia": a region (a name ending in a lexicon ``place_heads`` word) "of" a place."""
        out = []
        if "locatedIn" not in self.onto.relations:
            return out
        rel = self.onto.relations["locatedIn"]
        for it in items:
            if it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            of = it["end"]
            # (a name of two words or more: a head word alone opens one name, "Port of Spain")
            if of + 1 < len(doc) and doc[of].lower_ == "of" and doc[of - 1].text in self.place_heads \
                    and it["end"] - it["start"] > 1 and (of + 1) in by_token:
                outer = items[by_token[of + 1]]
                if outer["start"] == of + 1 and outer["via"] in {"", "gazetteer"} \
                        and self.onto.fits(outer["cls"], rel.range) and outer["name"] != it["name"]:
                    out.append(record(doc, it, "locatedIn", outer, rel.base_confidence - 0.05, doc[of]))
            comma = it["end"]
            region = self._region_apposed(doc, comma, items, by_token, self.place_head_words, self.place_nouns)
            if region is not None and self.onto.fits(region["cls"], rel.range) and region["name"] != it["name"]:
                out.append(record(doc, it, "locatedIn", region, rel.base_confidence - 0.05, doc[comma + 1]))
            if comma + 1 >= len(doc) or doc[comma].text != "," or (comma + 1) not in by_token:
                continue
            nxt = items[by_token[comma + 1]]
            if nxt["start"] != comma + 1 or nxt["via"] not in {"", "gazetteer"}:
                continue
            if not self.onto.fits(nxt["cls"], rel.range) or nxt["name"] == it["name"]:
                continue
            owned = doc[nxt["end"] - 1].head
            if nxt["end"] < len(doc) and doc[nxt["end"]].tag_ == "POS" and owned.lemma_.lower() not in self.place_nouns \
                    and (not (owned.dep_ == "appos" and it["start"] <= owned.head.i < it["end"])
                         or self.place_countries.get(it["name"], nxt["name"]) != nxt["name"]):
                continue  # "the consulate in Lyon, Chile's trade office there" (not "Kyiv, Ukraine's capital",
                # "Lake Vattern, Northern Europe's clearest lake": what the country owns is the first place,
                # unless the gazetteer has the place in another country)
            # a list of places ("Paris, Berlin and Rome", "Paris, Berlin, Lyon, Rome and Nice") is not
            # containment: follow the run of ", Place" to its end
            last = nxt
            while last["end"] + 1 < len(doc) and doc[last["end"]].text == "," and (last["end"] + 1) in by_token \
                    and items[by_token[last["end"] + 1]]["start"] == last["end"] + 1:
                last = items[by_token[last["end"] + 1]]
            # (a list goes on after "and" with a place, or a noun phrase: "Mumbai, Delhi, Bengaluru and 40
            # other cities"; after a region abbreviated, with a place only: not "Fresno, Calif., and the
            # Star-Courier", "Marlow, Ky. and from Bluegrass Tech", "Limassol, Cyprus, and of its owner")
            abbreviated = doc[nxt["end"] - 1].text.endswith(".")

            def place_at(k: int, abbreviated: bool = abbreviated) -> bool:
                if k < len(doc) and not abbreviated and doc[k].pos_ in {"PROPN", "NUM", "ADJ", "DET", "NOUN"}:
                    return True
                return k in by_token and items[by_token[k]]["start"] == k \
                    and self.onto.is_a(items[by_token[k]]["cls"], "Location")
            def pair_at(k: int, of: dict[str, Any] = nxt) -> bool:
                """Whether a place written after "and" at ``k`` has a place of ``of``'s class after its own
                comma: pairs of a place and where it is ("Lagos, Nigeria, and Accra, Ghana"), not a list."""
                if last is not of or k not in by_token or items[by_token[k]]["start"] != k:
                    return False  # (one place after the comma: "X, Y, Z, and W, V" is a list)
                e = items[by_token[k]]["end"]
                return e + 1 < len(doc) and doc[e].text == "," and (e + 1) in by_token \
                    and items[by_token[e + 1]]["start"] == e + 1 and items[by_token[e + 1]]["cls"] == of["cls"]
            after = doc[last["end"]] if last["end"] < len(doc) else None
            if after is not None and after.lower_ in {"and", "or"} and place_at(last["end"] + 1) \
                    and not pair_at(last["end"] + 1):
                continue
            if after is not None and after.text == "," and last["end"] + 2 < len(doc) and \
                    doc[last["end"] + 1].lower_ in {"and", "or"} and doc[last["end"] + 2].pos_ not in {"VERB", "AUX"} \
                    and place_at(last["end"] + 2) and not pair_at(last["end"] + 2) \
                    and not (last is nxt and (self._holds_place(it, nxt)
                                              or _opens_clause(doc[last["end"] + 2]))):
                # "Paris, Berlin, and Rome" (but "Shenzhen, China, and has operated" is one place; and so is a
                # city with the country or the region the gazetteer knows it for, "Fernald, Ohio, and the Mound
                # Plant", "Anzio, Italy, and the landing", or before a clause, "in Gresik, East Java, and Hanwol
                # will supply")
                continue
            out.append(record(doc, it, "locatedIn", nxt, rel.base_confidence, doc[comma]))
            # "between Ridgway and Ouray, Colorado": a region that is no country, written after two places
            # joined by "and", holds both (not a country: "offices in Lyon and Porto, Portugal"; nor one name
            # the NER read with "and" in it, that the entity stage split: "Andrews Lock and Dam")
            joint = doc[it["start"] - 1] if it["start"] >= 2 else None
            first = by_token.get(it["start"] - 2) if joint is not None and joint.lower_ in {"and", "or"} \
                and joint.ent_iob_ != "I" else None
            if first is not None and items[first]["end"] == it["start"] - 1 and items[first]["cls"] == "Place" \
                    and it["cls"] == "Place" and not self.onto.is_a(nxt["cls"], "Country") \
                    and items[first]["via"] in {"", "gazetteer"} and items[first]["name"] != nxt["name"]:
                out.append(record(doc, items[first], "locatedIn", nxt, rel.base_confidence - 0.1, doc[comma]))
        return out

    def _holds_place(self, inner: dict[str, Any], outer: dict[str, Any]) -> bool:
        """Whether ``outer``, written after ``inner`` and a comma, is a country or a region the gazetteer
        knows, that may hold ``inner`` (a place that is neither itself, nor one the gazetteer puts elsewhere)."""
        if self.onto.is_a(inner["cls"], "Country") or inner["name"] in self.region_names:
            return False
        if self.onto.is_a(outer["cls"], "Country"):
            return self.place_countries.get(inner["name"], outer["name"]) == outer["name"]
        return outer["name"] in self.region_names \
            and self.place_regions.get(inner["name"], outer["name"]) == outer["name"]

    @staticmethod
    def _region_apposed(doc: Doc, comma: int, items: list[dict[str, Any]], by_token: dict[int, int],
                        kinds: frozenset[str] | set[str] = frozenset(),
                        of_kinds: frozenset[str] | set[str] = frozenset()) -> dict[str, Any] | None:
        """"Kendal, in northern England, ...", "Tuzla, in northern Bosnia.": the place named in a
        phrase set off by commas right after a place's name, with a word that describes the region before
        it (not a list: "in Paris, in Lyon and in Nice"), or a kind of place after it (``kinds``: "Polokwane,
        in Limpopo province,", "Loma Plata, in the Chaco region of Paraguay,"), or a kind of place (``of_kinds``)
        "of" it ("Kulim, in the northern state of Kedah,"); None where there is none."""
        if comma + 3 >= len(doc) or doc[comma].text != "," or doc[comma + 1].lower_ != "in":
            return None
        k = comma + 2
        while k < len(doc) and k - comma <= 5 and doc[k].is_lower and doc[k].pos_ in {"DET", "ADJ"}:
            k += 1
        # ("Kulim, in the northern state of Kedah,", "Geelong, in the state of Victoria,": a kind of place
        # "of" the place's name)
        named_kind = k > comma + 2 and k + 2 < len(doc) and doc[k].lower_ in of_kinds and doc[k + 1].lower_ == "of"
        if named_kind:
            k += 2
        if k not in by_token:
            return None
        region = items[by_token[k]]
        if region["start"] != k or region["via"] not in {"", "gazetteer"}:
            return None
        end = region["end"]
        owned = end + 1 < len(doc) and doc[end].tag_ == "POS" and end + 1 in by_token \
            and items[by_token[end + 1]]["start"] == end + 1
        if owned:
            region = items[by_token[end + 1]]  # ("Pleiku, in Vietnam's Central Highlands,": the owned place)
            end = region["end"]
        kind = end < len(doc) and doc[end].lower_ in kinds
        if kind:  # (the kind, and the place it is "of")
            end += 1
            if end + 1 < len(doc) and doc[end].lower_ == "of" and end + 1 in by_token \
                    and items[by_token[end + 1]]["start"] == end + 1:
                end = items[by_token[end + 1]]["end"]
        if k == comma + 2 and not kind and not owned:
            return None
        # (not a list, "in Paris, in Lyon and in Nice"; but "Jaworzno, in southern Poland, and sells it at
        # home" joins a clause)
        closed = end < len(doc) and doc[end].text in {",", "."} and not (
            end + 1 < len(doc) and doc[end + 1].lower_ in {"and", "or"}
            and not (end + 2 < len(doc) and doc[end + 2].pos_ in {"VERB", "AUX"}))
        return region if closed else None

    def _surface_event(self, doc: Doc, tok: Token, rel: RelationInfo, items: list[dict[str, Any]],
                       by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Halcyon Air competes head-to-head with Skyfare", "Kestrel Aero supplies landing gear to
        Aerivo": where the parse gave a trigger verb no arguments (the small parser reads "Air
        competes" as a noun phrase), the words around it: the name right before the verb (adverbs
        and auxiliaries between) acts on the name after the first of the relation's prepositions
        that follows in the clause (no comma, verb or other name before it), and on the names
        listed after that one. Weaker evidence than a parse: the confidence is 0.2 lower."""
        # ("Andean also ships/NNS carbonate/VBP to X": the tagger swapped noun and verb, and the parse hangs
        # the name before on the trigger as if it were a noun's subject)
        swapped = tok.tag_ == "NNS" and tok.dep_ == "nsubj" and tok.head.i == tok.i + 1 and tok.head.tag_ == "VBP"
        if not rel.object_preps or not (tok.tag_.startswith("VB") or tok.lower_ != tok.lemma_.lower()) \
                or tok.dep_ in {"xcomp", "ccomp", "advcl", "relcl", "acl", "pcomp", "conj"} \
                or (not swapped and any(c.dep_ in _SUBJ or c.dep_ == "nsubjpass" for c in tok.children)):
            return []  # a clause the parse did read (its subject is elsewhere, or none)
        sent = tok.sent
        i = tok.i - 1
        while i >= sent.start and doc[i].pos_ in {"ADV", "AUX", "PART"} and doc[i].lower_ != "'s":
            if doc[i].lemma_ in {"be", "get"}:
                return []  # "Norvik was sold to Veltro": a passive's subject is no agent
            i -= 1
        if i < sent.start or i not in by_token or items[by_token[i]]["end"] != i + 1:
            return []
        subj = items[by_token[i]]
        first = doc[subj["start"]]
        if first.lower_ in {"him", "her", "them", "us", "me"}:
            return []  # "asked him to deliver": an object, not a subject
        if first.i > sent.start and (doc[first.i - 1].pos_ == "ADP" or doc[first.i - 1].tag_ == "POS"):
            return []  # "rivals of Acme compete", "Acme's unit supplies": not the subject
        objects: list[dict[str, Any]] = []
        j = tok.i + 1
        while j < min(sent.end, tok.i + 9):
            t = doc[j]
            hyphened = t.text == "-" or doc[j - 1].text == "-" or (j + 1 < len(doc) and doc[j + 1].text == "-")
            # ("Andean ships/NNS carbonate/VBP to X": the tagger swapped noun and verb; the word after the
            # trigger it made the verb is the trigger's object)
            # (nor "competes for structures work/VBP with X", a noun the parse made the verb the trigger is
            # the subject of)
            misread = tok.dep_ == "nsubj" and t.i == tok.head.i and t.tag_ == "VBP"
            if j in by_token or (not hyphened and not (swapped and j == tok.i + 1) and not misread
                                 and (t.is_punct or t.tag_ in {"VBD", "VBZ", "VBP", "MD"})):
                return []  # ("head-to-head" is no verb)
            if t.pos_ == "ADP" and t.lower_ in rel.object_preps:
                k = j
                while k + 1 < sent.end and doc[k + 1].pos_ == "DET":
                    k += 1
                # ("to South Korean cell maker X": past a demonym and the lower-case words of a description)
                m = k + 1
                if m in by_token and items[by_token[m]]["via"] == "demonym":
                    m = items[by_token[m]]["end"]
                    while m < sent.end and m - k < 6 and doc[m].is_lower and doc[m].pos_ == "NOUN":
                        m += 1
                    if m in by_token and items[by_token[m]]["start"] == m and doc[m - 1].pos_ == "NOUN":
                        k = m - 1
                # the names listed after it: "to Aerivo and Braviair", "to X, Y and Z" (of "Brazil's
                # Braviair", the name owned)
                for n in self._names_after(doc[k], by_token):
                    it = items[by_token[n.i]]
                    if it["end"] + 1 < len(doc) and doc[it["end"]].tag_ == "POS" and it["end"] + 1 in by_token:
                        it = items[by_token[it["end"] + 1]]
                    objects.append(it)
                break
            j += 1
        out = []
        for obj in objects:
            if obj["name"] != subj["name"] and self.onto.fits(subj["cls"], rel.domain) \
                    and self.onto.fits(obj["cls"], rel.range):
                out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.2, tok, self._modality(tok)))
        return out

    def _joint_actors(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"Nordtel and Eriksund jointly hold patents", "Tarvo will jointly develop it with Quillon": the
        subjects of an active verb done jointly (lexicon.toml ``joint_adverbs``), and whom it is done
        "with", are partners (partnersWith) in what the clause says. Not
        "were jointly fined" (a passive's subjects undergo it), nor "together" ("together they
        control 60% of the market" adds shares up)."""
        rel = self.onto.relations.get("partnersWith")
        if rel is None or not self.joint_adverbs:
            return []
        out: list[dict[str, Any]] = []
        for adv in self._tokens_with_lemma(doc, self.joint_adverbs):
            verb = adv.head
            if adv.dep_ != "advmod" or verb.pos_ not in {"VERB", "AUX"} \
                    or any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
                continue
            # (and whom the verb is done "with": "will jointly develop the chip with Quillon")
            # (which the parser may hang on the object: "develop the chip with Quillon")
            sides = [c for c in verb.children if c.dep_ in _SUBJ] + [
                g for w in [verb, *(c for c in verb.children if c.dep_ == "dobj")] for p in w.children
                if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
            parties = [m for c in sides for m in self._map(c, by_token, items)
                       if self.onto.is_a(items[m[0]]["cls"], "Actor")]
            out += self._records_pairwise(doc, items, parties, rel, rel.base_confidence - 0.1, adv,
                                          self._modality(verb))
        return out + self._deals_on_the_surface(doc, items, by_token) + venture_members(self, doc, items, by_token) \
            + joint_works(self, doc, items, by_token)

    def _deals_on_the_surface(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                              ) -> list[dict[str, Any]]:
        """"Abu Dhabi's X signs cloud tie-up with Y", "X signs codeshare with Y", "X and Y sign codeshare deal",
        "X and France's Y team up on ...", "X teams up with Y's Z": a headline's parse often breaks the deal's
        noun phrase or the list before the verb; the organisation named right before a verb of signing
        (lexicon ``deal_verbs``) or "team up", and the one right after "with" (after a partnership noun a few
        words on: kg:partnersWith's one-word triggers, or a "deal" of a kind no other relation's, as
        :meth:`_kinds_of_deal` reads) are partners; with no "with", the two named before the verb and joined by
        "and" are. Between organisations only, no government body."""
        rel = self.onto.relations.get("partnersWith")
        nouns = self._one_word_triggers("partnersWith") - set(self.deal_nouns)
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, self.deal_verbs | {"team"}) if rel is not None else ():
            k = verb.i - 1
            teaming = verb.lemma_.lower() == "team"
            if k not in by_token or items[by_token[k]]["end"] != verb.i or (teaming and (
                    verb.i + 1 >= len(doc) or doc[verb.i + 1].lower_ != "up")):
                continue
            sides = [items[by_token[k]]]
            b = sides[0]["start"] - 1  # ("X and France's Y": a country owning the second name is passed over)
            if b >= 1 and doc[b].tag_ == "POS" and b - 1 in by_token:
                b = items[by_token[b - 1]]["start"] - 1
            # ("X and grocer Y team up": and the lower-case words that describe the second name)
            b = self._before_description(doc, b, by_token)
            if b >= 1 and doc[b].lower_ == "and" and b - 1 in by_token and items[by_token[b - 1]]["end"] == b:
                sides.insert(0, items[by_token[b - 1]])
            j = verb.i + (2 if teaming else 1)
            while not teaming and j < len(doc) and j - verb.i <= 5 and j not in by_token and not doc[j].is_space \
                    and doc[j].text not in {",", ".", ";"} and doc[j].lower_ not in {"with", "and", "to"}:
                j += 1
            noun = doc[j - 1]
            key = f"{doc[j - 3].lower_}-{noun.lower_}" if j - verb.i > 3 and doc[j - 2].text == "-" else noun.lemma_.lower()
            kinds = doc[verb.i + 1:j - 1] if not teaming else []
            if not teaming and (not (key in nouns or (noun.lemma_.lower() in self.deal_nouns and kinds)) or any(
                    t.lemma_.lower() in self.other_deal_kinds or t.lower_ in self.other_deal_kinds or t.is_title
                    for t in kinds)):
                continue  # (not "signs supply pact with", nor "signs Caspian gas deal with": sales)
            w = j + 1  # ("with Senegal's Y": the name after a country's possessive)
            # ("teams up with telehealth start-up Y": past the lower-case words that describe the name)
            k = w
            while k < len(doc) and k - w < 4 and k not in by_token and self._describing(doc[k]):
                k += 1
            w = k if k in by_token and items[by_token[k]]["start"] == k else w
            if w in by_token and self.onto.is_a(items[by_token[w]]["cls"], "Location"):
                w = items[by_token[w]]["end"] + 1 if items[by_token[w]]["end"] < len(doc) \
                    and doc[items[by_token[w]]["end"]].tag_ == "POS" else w
            if w in by_token and items[by_token[w]]["start"] == w:
                w = self._unit_named_after(doc, items[by_token[w]]["end"], by_token, items) or w
            if w < len(doc) and doc[j].lower_ == "with" and w in by_token and items[by_token[w]]["start"] == w:
                pairs = [(sides[-1], items[by_token[w]])]
            elif len(sides) == 2 and (j >= len(doc) or doc[j].lower_ != "with"):
                pairs = [(sides[0], sides[1])]
            else:
                continue
            for one, other in pairs:
                if one["name"] != other["name"] and one["via"] in {"", "gazetteer"} and other["via"] in {"", "gazetteer"}:
                    out += self._between_businesses([record(doc, one, rel.name, other, rel.base_confidence - 0.2, verb,
                                                            self._modality(verb))])
        return out

    @staticmethod
    def _describing(tok: Token) -> bool:
        """A lower-case word of a description written before a name ("courier", "telehealth start-up"): a
        noun, an adjective, or a word a hyphen joins."""
        doc = tok.doc
        hyphened = tok.text == "-" or (tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_) \
            or (tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_)
        # (a noun the tagger took for a bare verb too, "grocer/VB Orlan Mart"; never a finite verb)
        return tok.is_lower and tok.is_alpha and (tok.pos_ in {"NOUN", "ADJ"} or tok.tag_ in {"VB", "VBG", "VBN"}) \
            or (hyphened and not tok.is_space)

    def _before_description(self, doc: Doc, b: int, by_token: dict[int, int]) -> int:
        """The token before the lower-case words of a description that end at ``b`` ("and pharmacy chain
        Y": from "chain" back to "and"; at most three words, none of them a name's)."""
        k = b
        while k >= 1 and b - k < 3 and k not in by_token and self._describing(doc[k]):
            k -= 1
        return k if k != b and doc[k].lower_ == "and" else b

    @cached_property
    def _restricting_verbs(self) -> frozenset[str]:
        """The first words of kg:restricts's triggers and its sub-relations', less those of triggers of
        more than one word that are as often a firm's own doing ("cut prices, hitting rivals")."""
        return frozenset(words[0] for r in self.onto.relations.values() if r.name == "restricts" or r.parent == "restricts"
                         for words in r.triggers) - {"import", "export", "charge", "cut", "trim", "reduce", "stop", "slow"}

    def _hit_by_restrictions(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                             ) -> list[dict[str, Any]]:
        """"will limit night-time cargo flights, hitting carriers Nordic Air and Fjellfrakt", "has suspended
        rice imports, a move that hits exporters such as Mekong Grain": the firms a restriction hits or
        squeezes, whoever imposes it restricts (kg:restricts). The restricting verb is one of the first
        words of kg:restricts's triggers (and its sub-relations'), the clause of "hitting" hangs on it,
        or a noun summing it up (", a move that hits") hangs below it, or, as the next sentence's subject,
        stands for it (:mod:`kg.relations.hits`)."""
        rel = self.onto.relations.get("restricts")
        if rel is None:
            return []
        restricting = self._restricting_verbs
        out: list[dict[str, Any]] = []
        aiming = self.aiming_verbs
        for verb in self._tokens_with_lemma(doc, {"hit", "squeeze"} | aiming):
            if verb.pos_ != "VERB":
                continue
            aimed = verb.lemma_.lower() in aiming
            if aimed and not (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.lemma_.lower() in self.act_nouns):
                continue  # only ", a rule aimed at X"
            main = None
            if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"}:
                main = verb.head  # ", hitting X"
            elif (verb.dep_ == "relcl" or aimed) and verb.head.i >= 2 and doc[verb.head.i - 2].text == "," \
                    and any(c.dep_ == "det" and c.lower_ == "a" for c in verb.head.children):
                # ", a move that hits X", ", a rule aimed squarely at X": the restricting verb the summing
                # noun hangs below
                main = next((a for a in verb.head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in restricting),
                            None)
            summed = restriction_before(self, verb, restricting) if main is None else None  # ("The move hits X")
            main = main or summed
            if main is None or main.pos_ != "VERB" or (main.lemma_.lower() not in restricting and main is not summed):
                continue
            hit = [r for g in verb.children if g.dep_ == "dobj" for r in self._with_listed(g)] if not aimed else [
                r for p in verb.children if p.dep_ == "prep" and p.lower_ == "at"
                for g in p.children if g.dep_ == "pobj" for r in self._with_listed(g)]
            subjects = [c for c in main.children if c.dep_ in _SUBJ] or self._inherited_agents(main)
            if hit and subjects:
                # (firms only: not the country of "hitting Vietnamese exporters"; or the app a move is aimed at)
                out += [r for r in self._records_between(doc, subjects, hit, rel, by_token, items,
                                                         rel.base_confidence - 0.15, verb, self._modality(main))
                        if self.onto.is_a(r["o_cls"], "Organization") or (aimed and self.onto.is_a(r["o_cls"], "Product"))]
        return out

