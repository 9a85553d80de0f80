"""Relations the rules read from a construction rather than a trigger word.

"Santa Clara, California" (locatedIn), "Ana Ruiz of Acme", "Ana Ruiz, 41, of
Leeds" and "Grayson Ltd. of Leeds" (relations with ``kg:ofModifier``), "Hana
Petrova, an ecologist at Lindqvist University" (``kg:appositionPreposition``). Deals (sales, contracts, funding) are in
:mod:`kg.relations.deals`; whose a name is ("Apple's iPhone", "Taiwan's TSMC") in :mod:`kg.relations.owners`.
"""

from __future__ import annotations

from functools import cached_property
from typing import Any

from spacy.tokens import Doc, Token

from ..ontology import RelationInfo

from .records import record
from .words import WHOSE
from ..syntax import FORMER, coordinated
from ..syntax import SUBJ as _SUBJ

#: What one wins from a rival: "win market share from X", "took customers from X".
_WON = frozenset({"share", "customer", "user", "subscriber", "client", "business", "rider", "driver", "buyer"})

__all__ = ["Patterns"]


def _subject_or_joined(tok: Token) -> bool:
    """Whether ``tok`` is a clause's subject, or a name joined to one (where the parser joined it to the
    place of work of the one before: "Ana Ruiz at Acme and Tom Berg/conj at Lumio said")."""
    joined = False
    for _ in range(8):
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok, joined = tok.head, True
        elif joined and tok.dep_ == "pobj" and tok.head.lower_ in {"at", "of"}:
            tok = tok.head.head  # ("at the Institute of Mathematics and Wang Yuan/conj at ...")
        else:
            break
    return tok.dep_ == "nsubj"


class Patterns:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: constructions without a trigger word."""

    def _apposed_places(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        """"Santa Clara, California" and "Redmond, Washington": a place inside the next one; and "the
        Kotayk Province of Armenia": a region (a name ending in a lexicon ``place_heads`` word) "of" a place."""
        out = []
        if "locatedIn" not in self.onto.relations:
            return out
        rel = self.onto.relations["locatedIn"]
        for it in items:
            if it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            of = it["end"]
            if of + 1 < len(doc) and doc[of].lower_ == "of" and doc[of - 1].text in self.place_heads \
                    and (of + 1) in by_token:
                outer = items[by_token[of + 1]]
                if outer["start"] == of + 1 and outer["via"] in {"", "gazetteer"} \
                        and self.onto.fits(outer["cls"], rel.range) and outer["name"] != it["name"]:
                    out.append(record(doc, it, "locatedIn", outer, rel.base_confidence - 0.05, doc[of]))
            comma = it["end"]
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
                continue  # "the embassy in London, Argentina's envoy there" (not "Kyiv, Ukraine's capital",
                # "Mont Blanc, Western Europe's highest peak": what the country owns is the first place,
                # unless the gazetteer has the place in another country)
            # a list of places ("Paris, Berlin and Rome", "Paris, Berlin, Lyon, Rome and Nice") is not
            # containment: follow the run of ", Place" to its end
            last = nxt
            while last["end"] + 1 < len(doc) and doc[last["end"]].text == "," and (last["end"] + 1) in by_token \
                    and items[by_token[last["end"] + 1]]["start"] == last["end"] + 1:
                last = items[by_token[last["end"] + 1]]
            # (a list goes on after "and" with a place, or a noun phrase: "Mumbai, Delhi, Bengaluru and 40
            # other cities"; after a region abbreviated, with a place only: not "Pasadena, Calif., and the
            # Post-Tribune", "Benton, Tenn. and from Tennessee Tech", "Limassol, Cyprus, and of its owner")
            abbreviated = doc[nxt["end"] - 1].text.endswith(".")

            def place_at(k: int, abbreviated: bool = abbreviated) -> bool:
                if k < len(doc) and not abbreviated and doc[k].pos_ in {"PROPN", "NUM", "ADJ", "DET", "NOUN"}:
                    return True
                return k in by_token and items[by_token[k]]["start"] == k \
                    and self.onto.is_a(items[by_token[k]]["cls"], "Location")
            after = doc[last["end"]] if last["end"] < len(doc) else None
            if after is not None and after.lower_ in {"and", "or"} and place_at(last["end"] + 1):
                continue
            if after is not None and after.text == "," and last["end"] + 2 < len(doc) and \
                    doc[last["end"] + 1].lower_ in {"and", "or"} and doc[last["end"] + 2].pos_ not in {"VERB", "AUX"} \
                    and place_at(last["end"] + 2):
                continue  # "Paris, Berlin, and Rome" (but "Shenzhen, China, and has operated" is one place)
            out.append(record(doc, it, "locatedIn", nxt, rel.base_confidence, doc[comma]))
        return out

    def _of_modifiers(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                      ) -> list[dict[str, Any]]:
        """"Ana Ruiz of Acme" (worksFor), "Ana Ruiz, 41, of Leeds, Ohio" (livesIn), "Grayson Ltd. of
        Leeds" (basedIn), "Ana Ruiz at Acme" (a person and an organisation only): a name followed by
        "of" (or "at") and another name, with the relation of
        ``kg:ofModifier`` whose domain and range fit the two classes. An organisation's name counts
        only when it ends in a legal form ("Inc.", "Ltd."): "of" runs on in "University of Leeds"."""
        rels = [r for r in self.onto.relations.values() if r.of_modifier]
        out: list[dict[str, Any]] = []
        if not rels:
            return out
        def starting_at(i: int) -> dict[str, Any] | None:
            n = by_token.get(i)
            return items[n] if n is not None and items[n]["start"] == i else None

        for it in items:
            if it["via"] not in {"", "gazetteer"}:
                continue
            org = self.onto.is_a(it["cls"], "Organization")
            # an organisation without a legal form is read only before a place: "the Supreme Court of
            # Canada", "Tennessee Tech in Cookeville" (not "University of Leeds" run on to a person)
            places_only = org and doc[it["end"] - 1].text not in self.legal_suffixes
            j = it["end"]
            if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text == ",":
                j += 3  # "Ana Ruiz, 41, of Leeds": an age between
            elif j < len(doc) and doc[j].text == ",":
                j += 1  # "Ana Ruiz, of Acme"
            elif org and j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3  # "the Centre for Rail Studies (CRS) in Lyon": its initials between
            if j + 1 >= len(doc) or doc[j].sent.start != doc[it["start"]].sent.start:
                continue
            at_org = False
            if doc[j].lower_ == "in" and org and doc[j - 1].text != "," and (
                    not self.onto.is_a(it["cls"], "Company") or doc[it["end"] - 1].text in self.legal_suffixes):
                # "researchers at St. Olaf Hospital in Tromso", "processed by Cox Packing Co. in Devine" (a
                # firm named with its legal form; not "Apple in China", where it does business)
                places_only = True
            elif doc[j].lower_ == "at" and j == it["end"] and it["cls"] == "Person" \
                    and _subject_or_joined(doc[it["start"]:it["end"]].root):
                # "Fang Kai at the Institute of Mathematics found": where the clause's subject works (not
                # "shot Lincoln at Ford's Theatre"), and a subject joined to it ("X at A and Y at B won")
                at_org = True
            elif doc[j].lower_ != "of" or (places_only and doc[it["end"] - 1].text in self.name_heads):
                continue
            of = doc[j]
            k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            first = starting_at(k)
            if it["cls"] == "Person" and not at_org:
                # "Lucía Herrera of consultancy Datos Radar", "Peter Otieno of Nairobi brokerage Kestane
                # Securities": the organisation after a description of it (and where it is)
                if first is not None and self.onto.is_a(first["cls"], "Location") and first["end"] < len(doc) \
                        and doc[first["end"]].is_lower and doc[first["end"]].pos_ == "NOUN":
                    k = first["end"]
                m = k
                while m < len(doc) and m - k < 3 and doc[m].is_lower and doc[m].pos_ in {"NOUN", "ADJ"}:
                    m += 1
                described = starting_at(m) if m > k and doc[m - 1].pos_ == "NOUN" else None
                if described is not None and self.onto.is_a(described["cls"], "Organization"):
                    first = described
            if first is None:
                continue
            objs = [first]
            # "of Bethany, Conn.": the place and the place it is in
            nxt = first["end"]
            then = starting_at(nxt + 1) if nxt + 1 < len(doc) and doc[nxt].text == "," else None
            if then is not None and not (then["end"] < len(doc) and doc[then["end"]].tag_ == "POS"):
                objs.append(then)  # (not "in Tehran, Canada's protecting power")
            if at_org:
                objs = [o for o in objs[:1] if self.onto.is_a(o["cls"], "Organization")]
            for n, obj in enumerate(objs):
                if obj["via"] not in {"", "gazetteer"} or obj["name"] == it["name"]:
                    continue
                for rel in rels:
                    if self.onto.fits(it["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range) \
                            and ((n == 0 and not places_only) or self.onto.is_a(obj["cls"], "Location")):
                        out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.1 * (n + 1), of))
                        break
        return out

    def _nationality(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                     ) -> list[dict[str, Any]]:
        """"Amina Yusuf, the company's chief operating officer, who is Nigerian", "Ana Ruiz is
        French", "Ana Ruiz is a German engineer": a demonym said of a person with the copula or in
        apposition is the person's country, as "a Nigerian citizen" is (livesIn)."""
        if "livesIn" not in self.onto.relations:
            return []
        rel = self.onto.relations["livesIn"]
        out: list[dict[str, Any]] = []
        for it in items:
            if it["via"] != "demonym" or it["end"] - it["start"] != 1 or not self.onto.fits(it["cls"], rel.range):
                continue
            tok = doc[it["start"]]
            noun = tok.head
            if tok.dep_ == "amod" and noun.pos_ == "NOUN" and noun.is_lower and noun.dep_ in {"attr", "appos"}:
                # "Ana Ruiz is a German engineer", "Ana Ruiz, a Norwegian skier,": one of a nation's people
                if noun.dep_ == "appos":
                    people = [noun.head]
                    modality = self._modality(noun.head.head) if noun.head.dep_ in _SUBJ else "fact"
                else:
                    people = [c for c in noun.head.children if c.dep_ == "nsubj"] \
                        if noun.head.lemma_ in {"be", "become"} else []
                    modality = self._modality(noun.head)
            elif tok.dep_ in {"acomp", "attr"} and tok.head.lemma_ in {"be", "become"}:
                people = [c for c in tok.head.children if c.dep_ == "nsubj"]
                modality = self._modality(tok.head)
            else:
                continue
            for c in people:
                for idx, cost, _ in self._map(c, by_token, items):
                    person = items[idx]
                    if self.onto.fits(person["cls"], rel.domain):
                        out.append(record(doc, person, rel.name, it, rel.base_confidence - 0.1 - cost, tok, modality))
        return out

    def _apposed_roles(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Hana Petrova, an ecologist at Lindqvist University" (worksFor): a common noun in apposition
        to a name, with a ``kg:appositionPreposition`` of the relation before the object. Any job
        will do (the role triggers need not list "ecologist"), not a customer's or a rival's."""
        rels = [r for r in self.onto.relations.values() if r.apposition_preps]
        out: list[dict[str, Any]] = []
        for it in items if rels else ():
            if it["via"] not in {"", "gazetteer"}:
                continue
            root = doc[it["start"]:it["end"]].root
            nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower]
            # "an ecologist and entomologist at X": the preposition hangs off the last of them
            nouns += [g for n in nouns for g in n.children if g.dep_ == "conj" and g.is_lower and g.is_alpha]
            for noun in nouns:
                if noun.lemma_.lower() in self.not_roles or noun.lower_ in self.not_roles:
                    continue
                # "Ana Ruiz, a former official at X": a job held before
                past = any(t.lower_ in FORMER for t in doc[max(0, noun.i - 2):noun.i])
                # ("head of sales for Europe at X", "vice-president for procurement at X": the place of work
                # hangs deeper in the job's phrase, or on the name after it)
                deeper = [q for f in noun.children if f.dep_ == "prep" and f.lower_ in {"of", "for"}
                          for g in f.children if g.dep_ == "pobj" and g.is_lower
                          for q in g.children if q.dep_ == "prep" and q.lower_ == "at"]
                deeper += [q for q in root.children if q.dep_ == "prep" and q.lower_ == "at" and q.i > noun.i]
                for p in [*noun.children, *deeper]:
                    if p.dep_ != "prep":
                        continue
                    for rel in rels:
                        if p.lower_ not in rel.apposition_preps or not self.onto.fits(it["cls"], rel.domain):
                            continue
                        for g in p.children:
                            if g.dep_ != "pobj":
                                continue
                            for idx, cost, _ in self._map(g, by_token, items):
                                obj = items[idx]
                                if obj["via"] in {"", "gazetteer"} and obj["name"] != it["name"] and \
                                        self.onto.fits(obj["cls"], rel.range):
                                    quals = [("role", noun.text)] if rel.qualifier_role == "role" else []
                                    out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.1 - cost,
                                                      noun, "past" if past else "fact", qualifiers=quals))
        return out

    def _premodified_roles(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"Acme attorney Ana Ruiz", "Acme plant manager Ana Ruiz" (worksFor), "Atlanta architect Ana
        Ruiz" (livesIn): an organisation or a place, then lower-case job nouns, then the name they all
        modify; and "Ana Ruiz, an Atlanta architect", "Ana Ruiz, a Google engineer": the same before
        a job noun in apposition to the name. As in :meth:`_apposed_roles`, any job of a relation with
        a ``kg:appositionPreposition`` will do, not a customer's or a rival's; of a person only (a job:
        "Grocery app Fennick" is no one's job, whatever kg:develops takes after "behind")."""
        rels = [r for r in self.onto.relations.values() if r.apposition_preps
                and r.domain and all(self.onto.is_a(d, "Person") for d in r.domain)]
        out: list[dict[str, Any]] = []
        for it in items if rels else ():
            if it["via"] not in {"", "gazetteer"}:
                continue
            out += self._whose_titled(doc, items, by_token, it, rels)
            # the name itself, and each lower-case noun in apposition to it
            ends = [(it["start"], it["end"])]
            root = doc[it["start"]:it["end"]].root
            ends += [(c.i, c.i + 1) for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and c.is_lower and c.i > it["end"]]
            for first, last in ends:
                k = first - 1
                # (a compound the tagger took for a verb is a noun: "Skarvik finance/VB chief Ingrid Solberg")
                while k >= 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ in {"NOUN", "VERB"} \
                        and doc[k].dep_ == "compound" and k < doc[k].head.i < last:
                    k -= 1  # "plant manager": each noun modifies a later one or the name
                nouns = doc[k + 1:first] if first == it["start"] else doc[k + 1:last]
                if not len(nouns) or k < 0 or k not in by_token:
                    continue
                org = items[by_token[k]]
                if org["end"] != k + 1 or org["via"] not in {"", "gazetteer"} or org["name"] == it["name"]:
                    continue
                if any(n.lemma_.lower() in self.not_roles or n.lower_ in self.not_roles for n in nouns):
                    continue  # "Acme customer Ana Ruiz"
                if not k < doc[k].head.i < last:
                    continue  # the organisation modifies the job or the name, not something else
                # "a former Ticketmaster sales manager", "former Tesla executive X": a job held before
                past = any(t.lower_ in FORMER for t in doc[max(0, k - 2):k])
                for rel in rels:
                    if self.onto.fits(it["cls"], rel.domain) and self.onto.fits(org["cls"], rel.range):
                        quals = [("role", nouns.text)] if rel.qualifier_role == "role" else []
                        out.append(record(doc, it, rel.name, org, rel.base_confidence - 0.1, nouns[-1],
                                          "past" if past else "fact", qualifiers=quals))
                        if first == it["start"]:
                            out += self._next_titled(doc, items, by_token, it, org, rel)
                        break
        return out

    def _whose_titled(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], it: dict[str, Any],
                      rels: list[Any]) -> list[dict[str, Any]]:
        """"Lumos Interactive, whose chief executive Farid Hassan said": a job title between "whose" and a
        name is held at what the clause is about (read off the surface: the parser hangs the title on
        the name)."""
        # (only names with "whose" just before them: a look at the hash array, no Token made)
        if not WHOSE.intersection(self._lower_hashes[max(0, it["start"] - 5):it["start"]]):
            return []
        k = it["start"] - 1
        while k >= 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].lower_ != "whose" and it["start"] - k <= 4:
            k -= 1
        if k < 0 or doc[k].lower_ != "whose" or k == it["start"] - 1:
            return []
        titles = doc[k + 1:it["start"]]
        clause = doc[k].head
        for _ in range(3):
            if clause.dep_ in {"relcl", "acl"} or clause.head.i == clause.i:
                break
            clause = clause.head
        if clause.dep_ not in {"relcl", "acl"}:
            return []
        for rel in rels:
            if not self.onto.fits(it["cls"], rel.domain) or not all(
                    t.lower_ in self.title_words[rel.name] for t in titles):
                continue
            quals = [("role", titles.text)] if rel.qualifier_role == "role" else []
            return [record(doc, it, rel.name, items[oi], rel.base_confidence - 0.1 - cost, titles[-1], qualifiers=quals)
                    for oi, cost, _ in self._map(clause.head, by_token, items)
                    if self.onto.fits(items[oi]["cls"], rel.range) and items[oi]["name"] != it["name"]]
        return []

    def _next_titled(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], it: dict[str, Any],
                     org: dict[str, Any], rel: Any) -> list[dict[str, Any]]:
        """"Eskom chairperson Ben Ngubane and chief executive Brian Molefe": a second name with a job
        title of its own, joined by "and" to one the organisation's title goes with, holds its job
        there too (read off the surface: the parser rarely joins the two names)."""
        j = it["end"]
        if j + 2 >= len(doc) or doc[j].lower_ != "and":
            return []
        words = self.title_words[rel.name]
        k = j + 1
        while k < len(doc) and doc[k].is_lower and doc[k].lower_ in words:
            k += 1
        other = items[by_token[k]] if k > j + 1 and k in by_token else None
        if other is None or other["start"] != k or other["via"] not in {"", "gazetteer"} \
                or not self.onto.fits(other["cls"], rel.domain) or other["name"] == it["name"]:
            return []
        quals = [("role", doc[j + 1:k].text)] if rel.qualifier_role == "role" else []
        return [record(doc, other, rel.name, org, rel.base_confidence - 0.15, doc[k - 1], qualifiers=quals)]

    @staticmethod
    def _place_of_work(noun: Token) -> list[Token]:
        """"an Oslo-based developer of solar farms in Spain": the places "in" names after a role noun's
        "of" complement (or after its "X-based" seat), on the noun or on the complement. They say where
        the work is, not where the holder is based."""
        of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj" and g.pos_ == "NOUN"]
        seat = any(c.dep_ == "amod" and c.lemma_ in {"base", "headquarter"} for c in noun.children)
        if not of and not seat:
            return []
        heads = [noun] + of
        # (each place of a list: "a chain of stores in Peru, Chile and Bolivia")
        return [x for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}
                and (not of or c.i > of[0].i) for g in c.children if g.dep_ == "pobj" for x in coordinated(g)]

    def _work_in_place(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Brightwind, an Oslo-based developer of solar farms in Spain": an organisation described by
        the work it does in a place operates there."""
        rel = self.onto.relations.get("operatesIn")
        if rel is None:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.org_role_nouns):
            if tok.pos_ != "NOUN" or tok.tag_ != "NN":
                continue
            places = [items[by_token[g.i]] for g in self._place_of_work(tok) if g.i in by_token
                      and self.onto.fits(items[by_token[g.i]]["cls"], rel.range)]
            if not places:
                continue
            for k, cost, _ in self._map(tok, by_token, items, conj=False):
                if self.onto.is_a(items[k]["cls"], "Organization") and items[k]["via"] in {"", "gazetteer"}:
                    out += [record(doc, items[k], rel.name, place, rel.base_confidence - 0.15 - cost, tok)
                            for place in places if place["name"] != items[k]["name"]]
        return out

    def _members_in_place(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                          ) -> list[dict[str, Any]]:
        """"internet providers in Spain, including Telefónica and Orange", "carmakers in Europe such
        as Renault": each organisation named as one of a kind of business in a place operates there."""
        if "operatesIn" not in self.onto.relations:
            return []
        rel = self.onto.relations["operatesIn"]
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.kind_nouns):
            if tok.tag_ != "NNS" or tok.i + 2 >= len(doc) or doc[tok.i + 1].lower_ not in {"in", "across", "throughout"}:
                continue
            at = tok.i + 3 if doc[tok.i + 2].lower_ == "the" else tok.i + 2
            n = by_token.get(at)
            if n is None or items[n]["start"] != at or not self.onto.fits(items[n]["cls"], rel.range):
                continue
            place = items[n]
            for first in self._listed(tok):
                for k, _, _ in self._map(first, by_token, items):  # the name and its conjuncts
                    if not self.onto.is_a(items[k]["cls"], "Organization") or items[k]["via"] not in {"", "gazetteer"}:
                        continue
                    out.append(record(doc, items[k], rel.name, place, rel.base_confidence - 0.1, tok))
        return out

    def _surface_event(self, doc: Doc, tok: Token, rel: RelationInfo, items: list[dict[str, Any]],
                       by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Halcyon Air competes head-to-head with Ryanair", "Kestrel Aero supplies landing gear to
        Airbus": where the parse gave a trigger verb no arguments (the small parser reads "Air
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
                return []  # "Enasa was sold to Iveco": a passive's subject is no agent
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
            if j in by_token or (not hyphened and not (swapped and j == tok.i + 1) and (t.is_punct or t.tag_ in {"VBD", "VBZ", "VBP", "MD"})):
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
                # the names listed after it: "to Airbus and Embraer", "to X, Y and Z" (of "Brazil's
                # Embraer", the name owned)
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
        """"Nokia and Ericsson jointly hold patents": the subjects of an active verb done jointly
        (lexicon.toml ``joint_adverbs``) are partners (partnersWith) in what the clause says. Not
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
            parties = [m for c in verb.children if c.dep_ in _SUBJ for m in self._map(c, by_token, items)
                       if self.onto.is_a(items[m[0]]["cls"], "Actor")]
            modality = self._modality(verb)
            for a in range(len(parties)):
                for b in range(a + 1, len(parties)):
                    (si, s_cost, _), (oi, o_cost, _) = parties[a], parties[b]
                    if items[si]["name"] != items[oi]["name"]:
                        out.append(record(doc, items[si], rel.name, items[oi],
                                          rel.base_confidence - 0.1 - s_cost - o_cost, adv, modality))
        return out

    def _up_against(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Nakshatra is up against Pixxel and SatSure", "VivaPlay ... is up against Netflix": a firm "up
        against" firms or their products competes with them (kg:competesWith; not a regulator, a
        country or a person one is up against). Read here rather than as a kg:trigger, whose words are
        features of the trained model ("be" would carry the relation on every copula)."""
        rel = self.onto.relations.get("competesWith")
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, {"against"}) if rel is not None else ():
            up = tok.head
            if tok.dep_ != "prep" or up.lower_ != "up" or up.head.lemma_ != "be":
                continue
            verb = up.head
            rivals = [g for g in tok.children if g.dep_ == "pobj"]
            rivals = [r for g in rivals for r in [g, *g.conjuncts] if r.i in by_token
                      and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if rivals:
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             tok, self._modality(verb))
        return out

    def _beaten_rivals(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"Kessling beat Hovland Motorworks to the contract", "Groszek enters Romania, taking on Lidl
        and Kaufland", "to win market share from Grab and Gojek": the firms one beats, takes on or wins
        customers from are its rivals (kg:competesWith). Read here, as :meth:`_up_against` is, rather
        than as triggers, whose words are features of the trained model."""
        rel = self.onto.relations.get("competesWith")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {"beat", "take", "win", "gain", "steal", "grab"}) if rel else ():
            lemma = verb.lemma_.lower()
            if verb.pos_ != "VERB":
                continue
            if lemma == "beat" or (lemma == "take" and any(c.dep_ == "prt" and c.lower_ == "on" for c in verb.children)):
                objects = [g for g in verb.children if g.dep_ == "dobj"]
            elif any(g.dep_ == "dobj" and g.lemma_.lower() in _WON for g in verb.children):
                # ("win market share from X": the preposition on the verb or on what is won)
                objects = [p for g in verb.children if g.dep_ in {"dobj", "prep"} for p in [g, *g.children]
                           if p.dep_ == "prep" and p.lower_ == "from"]
                objects = [g for p in objects for g in p.children if g.dep_ == "pobj"]
            else:
                continue
            # (and the names listed under a kind: "taking on Revolut and local lenders such as mBank")
            rivals = [r for g in objects for n in [g, *g.conjuncts] for r in self._with_listed(n)
                      if r.i in by_token and items[by_token[r.i]]["cls"] in {"Company", "Product"}]
            subjects = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            # (rivals whether or not one wins: "in a bid to win market share from Grab" is a fact of rivalry)
            modality = self._modality(verb) if lemma in {"beat", "take"} else "fact"
            if rivals:
                out += self._records_between(doc, subjects, rivals, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, modality)
        return out

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
        or a noun summing it up (", a move that hits") hangs below it."""
        rel = self.onto.relations.get("restricts")
        if rel is None:
            return []
        restricting = self._restricting_verbs
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, {"hit", "squeeze"}):
            if verb.pos_ != "VERB":
                continue
            main = None
            if verb.tag_ == "VBG" and verb.dep_ in {"advcl", "conj", "xcomp"}:
                main = verb.head  # ", hitting X"
            elif verb.dep_ == "relcl" and verb.head.i >= 2 and doc[verb.head.i - 2].text == "," \
                    and any(c.dep_ == "det" and c.lower_ == "a" for c in verb.head.children):
                # ", a move that hits X": the restricting verb the summing noun hangs below
                main = next((a for a in verb.head.ancestors if a.pos_ == "VERB" and a.lemma_.lower() in restricting),
                            None)
            if main is None or main.pos_ != "VERB" or main.lemma_.lower() not in restricting:
                continue
            hit = [r for g in verb.children if g.dep_ == "dobj" for r in self._with_listed(g)]
            subjects = [c for c in main.children if c.dep_ in _SUBJ] or self._inherited_agents(main)
            if hit and subjects:
                # (firms only: not the country of "hitting Vietnamese exporters")
                out += [r for r in self._records_between(doc, subjects, hit, rel, by_token, items,
                                                         rel.base_confidence - 0.15, verb, self._modality(main))
                        if self.onto.is_a(r["o_cls"], "Organization")]
        return out

