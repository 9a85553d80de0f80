"""Where things are: places a sale is made in, homes moved to, address chains, and the record of a
place served (customers, markets and routes served are :mod:`kg.relations.served`).

A mixin of :class:`~kg.relations.rules.KGRelations`, run on what the trigger rules found.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Token

from ..syntax import SUBJ as _SUBJ
from ..syntax import coordinated
from .records import drop_regions_of_cities, record, trigger_token
from .words import BORN

__all__ = ["Places"]

#: an ordinal in digits: "31st", "2nd", "13th"
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)$")

#: the dependencies that keep a phrase inside the clause a place set before it frames (its subject, objects
#: and their modifiers), not a reported or joined clause
_FRAMED_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "prep", "compound", "nmod", "amod", "attr", "appos",
                          "npadvmod", "poss", "conj"})


class Places:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: places served, places narrowed, chains closed."""

    def _places_in(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Niimi in Okayama Prefecture in western Japan", "Lecce in Apulia province", "Turin is
        in Piedmont": a place with "in" and a place hung on its name (or on the copula it is the subject
        of) lies in that place (locatedIn; the copula's clause says whether it holds)."""
        rel = self.onto.relations.get("locatedIn")
        if rel is None:
            return []
        out: list[dict[str, Any]] = []
        for it in items:
            if it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            span = doc[it["start"]:it["end"]]
            root = span.root
            preps = [(c, "fact") for t in span for c in t.children if c.dep_ == "prep" and c.lower_ == "in"]
            nxt = it["end"]
            # (the last of places joined in a preposition: "in Orsk or Pellham in Veloria"; not pairs of a name
            # and its place, where the parser joined the second name to the first place: "with Kelvor in Halden
            # and Tarvo in Brazil")
            top = root
            while top.dep_ == "conj" and top.head.i < top.i:
                top = top.head  # ("to Orsk, Pellham and Tarvo in Veloria": the list's first name)
            first = top if top is not root and top.dep_ == "pobj" \
                and not (top.head.i > 0 and top.head.i - 1 in by_token) else root
            if not preps and nxt < len(doc) and doc[nxt].lower_ == "in" and doc[nxt].dep_ == "prep" and ((
                    first.dep_ == "pobj" and (first.head.lower_ in {"in", "from", "at", "near", "to", "into"} or (
                        first.head.lower_ == "of" and first.head.head.lower_ in self.compass_words)))
                    or (root.dep_ == "dobj" and root.head.pos_ == "VERB" and not self.onto.is_a(it["cls"], "Country"))):
                # "from Niimi in Okayama Prefecture", "south of Harwick in eastern Oregon", "the storm hit Pellham
                # in southern Halden", where the parser hangs "in" on the verb (not "the mayor of Leeds in London",
                # nor a country a verb's subject acts on: "sanctioned Veloria in Geneva")
                preps.append((doc[nxt], "fact"))
            listed = self._list_placed(doc, it, first, by_token, items) if not preps else None
            if root.dep_ == "nsubj" and root.head.lemma_ == "be":
                preps += [(c, self._modality(root.head)) for c in root.head.children
                          if c.dep_ == "prep" and c.lower_ == "in"]
                # ("X is a town in Y and the capital of Z": each noun the copula says the place is)
                preps += [(c, self._modality(root.head)) for a in root.head.children if a.dep_ == "attr"
                          for n in [a, *(g for g in a.children if g.dep_ == "conj")]
                          for c in self._kind_said_of(n) + self._kind_in(n)]
            # "Tarvo Canal, a narrow canal in Finnmark,": a thing the name is said to be, in apposition
            preps += [(c, "fact") for a in root.children if a.dep_ == "appos"
                      and any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in a.children)
                      for c in self._kind_in(a)]
            site = root.head
            while site.dep_ == "compound" and site.is_lower and site.head.i != site.i:
                site = site.head  # ("the Halden Ridge copper/compound mine in Saskatchewan")
            # "in Burgundy and Alsace regions in eastern France": the names joined before a plural kind of place
            # lie where the places of that kind do
            kind = root.head.head if root.dep_ == "conj" and root.head.dep_ in {"nmod", "compound"} else root.head
            if not preps and root.dep_ in {"nmod", "compound", "conj"} and kind.tag_ == "NNS" and kind.i > root.i \
                    and kind.lemma_.lower() in self.place_nouns and kind.i in {root.head.i, root.head.head.i}:
                preps += [(c, "fact") for c in kind.children if c.dep_ == "prep" and c.lower_ == "in"]
            if not preps and root.dep_ == "compound" and site.is_lower and site.lemma_.lower() in self.named_sites:
                # "the Halden Ridge mine in Saskatchewan", "its Lago Verde field in the Chaco":
                # the site the name names lies where the site does
                preps += [(c, "fact") for c in site.children if c.dep_ == "prep" and c.lower_ == "in"]
            for prep, modality in preps:
                for g in (g for g in prep.children if g.dep_ == "pobj"):
                    # "in Apulia province": the name before a place noun
                    named = [g] if g.i in by_token else [c for c in g.children if c.dep_ == "compound"
                                                         and c.i in by_token and g.lower_ in self.place_head_words]
                    # "Hefei in the eastern province of Anhui", "Sarn in the western department of Orvo": the
                    # place a kind of place (or a division of one) "of" names (not the owner of a region named
                    # there: "in the Eastern Province of Veloria", "in the Tarn region of Veloria", where the place
                    # is in the region)
                    if not any(items[by_token[t.i]]["via"] in {"", "gazetteer"} for t in named):
                        named += [n for c in g.children if g.lemma_.lower() in self.place_nouns | self.division_nouns
                                 and c.dep_ == "prep" and c.lower_ == "of" for n in c.children
                                 if n.dep_ == "pobj" and n.i in by_token]
                    for t in named:
                        obj = items[by_token[t.i]]
                        if obj["via"] in {"", "gazetteer"} and obj["name"] != it["name"] \
                                and self.onto.fits(obj["cls"], rel.range):
                            out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.1, prep, modality))
            for obj, prep in listed or ():
                out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.15, prep))
            out += self._kind_of_place_of(doc, it, root, by_token, items)
            # "Japan's southern island of Kyushu", "the Chinese province of Anhui", "the Veloria capital of
            # Tarvik": the place a kind of place "of" the name belongs to (a name before a division's noun
            # names the division itself: "the Tarvo district of Keldria", read by _kind_of_place_of)
            noun = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "of" else None
            if noun is not None and noun.is_lower and noun.lemma_.lower() in self.place_nouns:
                for c in noun.children:
                    owner = items[by_token[c.i]] if c.i in by_token and c.dep_ in {"poss", "amod", "compound"} else None
                    if owner is not None and owner["via"] in {"", "gazetteer", "demonym"} and owner["name"] != it["name"] \
                            and self.onto.fits(owner["cls"], rel.range) and (c.dep_ == "poss" or owner["via"] == "demonym"
                                                                          or (c.dep_ == "compound" and noun.lemma_.lower()
                                                                              not in self.division_nouns)):
                        out.append(record(doc, it, rel.name, owner, rel.base_confidence - 0.05, noun))
        return out

    def _list_placed(self, doc: Any, it: dict[str, Any], first: Token, by_token: dict[int, int],
                     items: list[dict[str, Any]]) -> list[tuple[dict[str, Any], Token]]:
        """"landed in Orsk or Pellham in Veloria", "missions to Orsk, Pellham and Tarvo in Veloria": a place
        listed before the last of places joined in a preposition lies where the place "in" after the last
        one is (each place the list names; a place the gazetteer knows only in its own country or region:
        not "in Berlin and Tarvo in France", "counties in New Jersey and Tarvo County in New York"), as
        :meth:`_places_in` reads of the last."""
        if first.dep_ != "pobj" or first.head.lower_ not in {"in", "from", "at", "near", "to", "into"}:
            return []
        names = [first, *first.conjuncts]
        last = max(names, key=lambda t: t.i)
        root = self._root_of(doc, it)
        if root not in names or root.i == last.i or not all(t.i in by_token for t in names):
            return []
        end = items[by_token[last.i]]["end"]
        if end >= len(doc) or doc[end].lower_ != "in" or doc[end].dep_ != "prep":
            return []
        # (only names, commas and "and" or "or" between the first name and the last)
        inside = {i for t in names for i in range(items[by_token[t.i]]["start"], items[by_token[t.i]]["end"])}
        if any(t.i not in inside and t.text != "," and t.lower_ not in {"and", "or"}
               for t in doc[first.i:items[by_token[last.i]]["end"]]):
            return []
        out = []
        for g in (g for g in doc[end].children if g.dep_ == "pobj" and g.i in by_token):
            obj = items[by_token[g.i]]
            if obj["via"] not in {"", "gazetteer"} or obj["name"] == it["name"] \
                    or not self.onto.fits(obj["cls"], self.onto.relations["locatedIn"].range):
                continue
            country = self.place_countries.get(it["name"])
            if country is not None and obj["name"] not in {country, self.place_regions.get(it["name"])}:
                continue  # (a place the gazetteer knows lies in its own country or region only)
            out.append((obj, doc[end]))
        return out

    def _framed_places(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"In Norland, snow fell in Halden", "In Norland, winds tore the roof off a school in Halden": a place
        set before a clause with "In" and a comma frames it, so a place "in" which the clause's own words
        (its subject, objects and their phrases, not a clause it reports or joins) put something lies
        in the framing place (locatedIn; not a country, which no region holds)."""
        rel = self.onto.relations.get("locatedIn")
        out: list[dict[str, Any]] = []
        for sent in doc.sents if rel is not None else ():
            first = sent[0]
            if first.lower_ != "in" or first.dep_ != "prep" or first.head.pos_ not in {"VERB", "AUX"}:
                continue
            frames = [g for g in first.children if g.dep_ == "pobj" and g.i in by_token]
            if len(frames) != 1 or frames[0].i + 1 >= len(doc) or doc[frames[0].i + 1].text != ",":
                continue
            frame = items[by_token[frames[0].i]]
            if frame["via"] not in {"", "gazetteer"} or frame["end"] != frames[0].i + 1 \
                    or not self.onto.fits(frame["cls"], rel.range):
                continue
            verb = first.head
            for prep in (t for t in doc[frame["end"] + 1:sent.end] if t.lower_ == "in" and t.dep_ == "prep"):
                # (the clause's own phrases only: "In Norland, Acme said it would open a plant in Halden" reports
                # another clause, whose place the frame need not hold)
                if doc[prep.i - 1].lower_ in {"than", "as"} or prep.head.lower_ in {"than", "as"}:
                    continue  # ("In Norland, Acme sells more than in Velmar": a place set against the frame)
                node = prep.head
                while node.i != verb.i and node.dep_ in _FRAMED_DEPS and node.head.i != node.i:
                    node = node.head
                if node.i != verb.i:
                    continue
                for g in (g for g in prep.children if g.dep_ == "pobj" and g.i in by_token):
                    place = items[by_token[g.i]]
                    if place["via"] in {"", "gazetteer"} and place["name"] != frame["name"] \
                            and self.onto.fits(place["cls"], rel.domain) and not self.onto.is_a(place["cls"], "Country"):
                        out.append(record(doc, place, rel.name, frame, rel.base_confidence - 0.1, first, "fact"))
        return out

    def _moved_home(self, doc: Any, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Menon grew up in Kochi and moved to London in 2005", "who relocated to Lisbon in 2021": where a person
        moves (lexicon ``relocation_verbs`` with no object: not "moved its headquarters to") is where they live
        (kg:livesIn); past where they moved as a child or the sentence says where they live now ("moved to
        Bergen as a boy and now lives in Leeds"), hypothetical where the move is still to come."""
        rel = self.onto.relations.get("livesIn")
        if rel is None:
            return []
        out: list[dict[str, Any]] = []
        for tok in self._tokens_with_lemma(doc, self.relocation_verbs):
            if tok.pos_ != "VERB" or any(c.dep_ == "dobj" for c in tok.children):
                continue
            places = [m for p in tok.children if p.dep_ == "prep" and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj" for m in self._map(g, by_token, items)]
            if not places:
                continue
            people = [c for c in tok.children if c.dep_ == "nsubj"] or (
                self._inherited_agents(tok) if not any(c.dep_ in _SUBJ for c in tok.children) else [])
            modality = self._modality(tok)
            if any(c.dep_ == "aux" and c.lower_ in {"will", "'ll", "to"} for c in tok.children):
                modality = "hypothetical"  # "will move to Dublin", "plans to move to"
            elif any(p.dep_ == "prep" and p.lower_ == "as" and g.lemma_.lower() in self.youth_nouns
                     for p in tok.children for g in p.children) or any(
                    t.lemma_ == "live" and t.pos_ == "VERB" and t.i > tok.i for t in tok.sent):
                modality = "past"
            for person in (items[m[0]] for c in people for m in self._map(c, by_token, items)):
                if not self.onto.fits(person["cls"], rel.domain):
                    continue
                for idx, cost, _ in places:
                    place = items[idx]
                    if self.onto.fits(place["cls"], rel.range) and place["name"] != person["name"]:
                        out.append(record(doc, person, rel.name, place, rel.base_confidence - 0.1 - cost, tok,
                                          modality))
        return out

    def _customers_places(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"sells its oil to buyers in India", "sold services to companies in the United States", "to
        Japanese buyers": goods sold to customers no one names, of a country, go to a market there, where
        the seller operates (kg:operatesIn), not to the country as a customer. Customers are plural group
        nouns (lexicon ``group_nouns``: not "the Indian army", a body of the state)."""
        rel = self.onto.relations.get("operatesIn")
        for key, r in list(found.items()):
            if r["predicate"] != "suppliesTo" or not self.onto.is_a(r["o_cls"], "Country") or r["o_end"] - r["o_start"] != 1:
                continue
            c = doc[r["o_start"]]
            g = c.head if c.dep_ in {"amod", "compound", "nmod", "poss"} else \
                c.head.head if c.dep_ == "pobj" and c.head.lower_ == "in" else None
            if g is None or g.tag_ != "NNS" or g.lemma_.lower() not in self.group_nouns or g.i in self._doc_state.by_token:
                continue
            del found[key]
            if rel is not None and self.onto.fits(r["s_cls"], rel.domain):
                market = {**r, "predicate": rel.name}
                found.setdefault((r["s_key"], rel.name, r["o_key"], r["sent_start"]), market)

    def _narrow_places(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                       apposed: list[dict[str, Any]]) -> None:
        """"based in Dearborn, Mich.", "lives in Dearborn, Mich.": where the parser hung the city on its
        region (the city a modifier of the region, the region the preposition's object), what was
        found of the region holds of the city. An organisation keeps both (as :meth:`_widen_places`
        gives both); a relation of anything else is annotated with the place alone, the city. (First,
        the markets that goods sold to customers in a place stand for: :meth:`_customers_places`.)"""
        self._customers_places(doc, found)
        inner: dict[tuple[int, int], list[dict[str, Any]]] = {}
        for r in apposed:
            city = doc[r["s_end"] - 1]
            # (the city's name hung on the region's head word: "Dearborn/nmod , Mich./pobj")
            if city.head.i == r["o_end"] - 1 and city.dep_ in {"nmod", "compound", "npadvmod"}:
                inner.setdefault((r["sent_start"], r["o_start"]), []).append(r)
        if not inner:
            return
        for key, r in list(found.items()):
            rel = self.onto.relations[r["predicate"]]
            cities = inner.get((r["sent_start"], r["o_start"]))
            if not cities or r["predicate"] == "locatedIn" or rel.name not in self.onto.to_places:
                continue
            city = cities[0]
            if city["s_name"] == r["s_name"] or not self.onto.fits(city["s_cls"], rel.range):
                continue
            narrower = {**r, "o_start": city["s_start"], "o_end": city["s_end"], "o_name": city["s_name"],
                        "o_cls": city["s_cls"], "o_wikidata": city["s_wikidata"], "o_key": city["s_key"]}
            k = (narrower["s_key"], narrower["predicate"], narrower["o_key"], narrower["sent_start"])
            if k not in found:
                found[k] = narrower
            if not rel.domain or not all(self.onto.is_a(c, "Organization") for c in rel.domain):
                del found[key]

    def _employers_places(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                          items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"Mikael Strand, an analyst at Vanern Securities in Stockholm": the place after where one works
        is where the employer is: its seat for a firm the gazetteer does not know (a small firm's one
        office), a place it operates in for one it knows ("an analyst at Morgan Stanley in Hong Kong")
        or for one the person runs or heads in a country or world region ("who heads Lumio in Kenya")."""
        if "basedIn" not in self.onto.relations or "operatesIn" not in self.onto.relations:
            return
        for r in [r for r in found.values() if r["predicate"] == "worksFor" and r["modality"] == "fact"]:
            end = r["o_end"]
            employer = items[by_token[end - 1]] if end - 1 in by_token else None
            # ("in" right after the name, wherever the parser hung it)
            if employer is None or employer["name"] != r["o_name"] or end >= len(doc) or doc[end].lower_ != "in" \
                    or doc[end].dep_ != "prep":
                continue
            places = self._places_after(doc[end], by_token, items)
            if not places or not self.onto.is_a(employer["cls"], "Company"):
                continue
            known = employer.get("via") == "gazetteer" or employer["name"] in self.gazetteer_orgs
            verb = next((t for t in doc[r["s_start"]:end] if t.idx == r["trigger_start"]), None)
            for place in places[:1]:
                li = items[by_token[place.i]]
                # (and the country or world region one runs or heads a firm in is one of its markets,
                # whatever firm it is: "Mara Rahim, who runs Lumio in East Africa"; but "who runs the
                # Albergo Rossi in Siena": a city is a small firm's seat)
                wide = self.onto.is_a(li["cls"], "Country") or li["name"] in self.world_regions \
                    or li["name"].split()[-1] in self.world_region_heads
                rel = "operatesIn" if known or (verb is not None and verb.pos_ == "VERB" and wide) else "basedIn"
                info = self.onto.relations[rel]
                if not self.onto.fits(li["cls"], info.range):
                    continue
                rec = record(doc, employer, rel, li, info.base_confidence - 0.15, doc[end], "fact")
                found.setdefault((rec["s_key"], rel, rec["o_key"], rec["sent_start"]), rec)
                # (and not where the one who works there lives: "a lawyer at X in Shanghai")
                key = (r["s_key"], "livesIn", rec["o_key"], r["sent_start"])
                if key in found and found[key]["o_start"] == li["start"]:
                    del found[key]

    def _birth_names(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                     items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"Kira Vance was born Kira Lomax in Orsk", "the singer Jon Brill was born Jonas Brillman in Orsk":
        the name one was born under (the object of "born") is the same person's, and both were born where
        the sentence says (kg:livesIn), wherever the parser hung the place (on "born" or on the name)."""
        rel = self.onto.relations.get("livesIn")
        if rel is None:
            return
        for born in (doc[i] for i in self._lower_ids(BORN)):
            if born.tag_ not in {"VBN", "VBD"}:
                continue
            names = [c for c in born.children if c.dep_ in {"dobj", "oprd", "attr"} and c.i > born.i
                     and c.i in by_token and items[by_token[c.i]]["cls"] == "Person"]
            if not names:
                continue
            # (the subject, or the name apposed to it: "the singer Jon Brill"; or the name the participle
            # describes: "Mara Quill, born Mara Quillsby in Pellham,", which the parser may make its subject)
            subjects = [s for s in born.children if s.dep_ in {"nsubjpass", "nsubj"}] \
                + ([born.head] if born.dep_ == "acl" else [])
            people = [t for s in subjects for t in [s, *(a for a in s.children if a.dep_ == "appos")]
                      if t.i in by_token and items[by_token[t.i]]["cls"] == "Person"][:1] + names
            places = [p for h in (born, *names) for prep in h.children if prep.dep_ == "prep" and prep.lower_ == "in"
                      for p in self._places_after(prep, by_token, items)][:1]
            for person in people:
                for place in places:
                    rec = record(doc, items[by_token[person.i]], "livesIn", items[by_token[place.i]],
                                 rel.base_confidence, born, "fact")
                    found.setdefault((rec["s_key"], "livesIn", rec["o_key"], rec["sent_start"]), rec)

    def _born_entries(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                      items: list[dict[str, Any]], by_token: dict[int, int]) -> None:
        """"Mara Quill (ninth President): Born Feb. 22, 1732, in Pellham County.": an entry headed by a
        person's name, then a colon and "Born" with no subject of its own, tells of the headed person's
        birth; the first place "in" after it names is where they were born (kg:livesIn, as "born in" is)."""
        rel = self.onto.relations.get("livesIn")
        if rel is None:
            return
        for born in (doc[i] for i in self._lower_ids(BORN)):
            sent = born.sent
            if born.i == 0 or doc[born.i - 1].text not in {":", "):"} or sent.start not in by_token \
                    or any(c.dep_ in _SUBJ for c in born.children):
                continue
            head = items[by_token[sent.start]]
            if head["start"] != sent.start or head["cls"] != "Person" or head["via"] not in {"", "gazetteer"}:
                continue
            for prep in (t for t in doc[born.i + 1:sent.end] if t.lower_ == "in" and t.dep_ == "prep"):
                places = self._places_after(prep, by_token, items)
                if places:
                    rec = record(doc, head, "livesIn", items[by_token[places[0].i]], rel.base_confidence - 0.05,
                                 born, "fact")
                    found.setdefault((rec["s_key"], "livesIn", rec["o_key"], rec["sent_start"]), rec)
                    break

    def _listed_offices(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"In 1850, the ninth president of Norland, Mara Quill, was born in Halden": an office with an ordinal
        places its holder in the list of those who held it, and a sentence that tells of the holder's birth
        tells of a life from its start, so the office (and the place it is of) is a past one: the place the
        sentence states as home is the birthplace (kg:livesIn, the office's place past; "former" roles are not
        facts either)."""
        born = {(r["s_key"], r["sent_start"]) for r in found.values()
                if r["predicate"] == "livesIn" and r["modality"] == "fact" and r["trigger"].lower() == "born"}
        if not born:
            return
        for r in found.values():
            if r["predicate"] != "livesIn" or (r["s_key"], r["sent_start"]) not in born:
                continue
            office = trigger_token(doc, r)
            if office is None or office.pos_ not in {"NOUN", "PROPN"} or r["modality"] != "fact":
                continue
            # ("31st", "ninth"; the NER may take "the 13th" for a date)
            if any(c.dep_ == "amod" and (c.lower_ in self.ordinal_words or _ORDINAL.match(c.lower_))
                   for c in office.children):
                r["modality"] = "past"

    def _operating_cities(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]],
                          apposed: list[dict[str, Any]]) -> None:
        """"a plant it runs in Greer, South Carolina": where one operates, written with its region, is the city;
        the region is where the city is (kg:locatedIn), not a second place of operation (the annotation's
        settled case), where both were read of the same subject in the sentence. Not a region written as a
        newswire abbreviation ("Dalton, Ga."). The same where the region follows the city in a phrase of its
        own: "a plant in Kulim, in the northern state of Kedah", "a mill in Lulea in northern Sweden"."""
        phrased = [r for r in [*apposed, *found.values()]
                   if r["predicate"] == "locatedIn" and r["modality"] == "fact" and self._region_phrase(doc, r)]
        drop_regions_of_cities(doc, found, apposed, "operatesIn", more=phrased)

    def _region_phrase(self, doc: Any, link: dict[str, Any]) -> bool:
        """Whether the region of ``link`` (a place inside a region) is written right after the place, in a
        phrase with "in" and a word that describes the region ("Kulim, in the northern state of Kedah", "Lulea
        in northern Sweden": lexicon ``region_adjectives``), as an address narrows where the place is."""
        gap = doc[link["s_end"]:link["o_start"]]
        if not 2 <= len(gap) <= 6 or gap[0].lower_ not in {",", "in"}:
            return False
        words = [t for t in gap if t.text != ","]
        return words[0].lower_ == "in" and any(t.lower_ in self.region_adjectives for t in words) \
            and all(t.is_lower and t.pos_ in {"ADP", "DET", "ADJ", "NOUN"} for t in words)

    def _grown_homes(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"Somsak Wong, who grows rice in Lampang", "Ana Pires farms soybeans in Goias": where a person grows
        or farms is where they live (kg:livesIn; lexicon ``home_farming_verbs``), not where they operate, as
        "a farmer in Lampang" reads (the records of ``found`` are changed in place)."""
        rel = self.onto.relations.get("livesIn")
        if rel is None or not self.home_farming_verbs:
            return
        for key, r in list(found.items()):
            if r["predicate"] != "operatesIn" or r["s_cls"] != "Person" or not self.onto.fits(r["o_cls"], rel.range):
                continue
            verb = trigger_token(doc, r)
            if verb is None or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.home_farming_verbs:
                continue
            moved = dict(found.pop(key), predicate="livesIn")
            found.setdefault((moved["s_key"], "livesIn", moved["o_key"], moved["sent_start"]), moved)

    def _close_transitive(self, doc: Any, found: dict[tuple[str, str, str, int], dict[str, Any]]) -> None:
        """"a town in Prerov District, Olomouc Region, Czech Republic": what one sentence
        states of a transitive relation (owl:TransitiveProperty) holds along its chains, as the
        address says; each step costs 0.05 of the weaker link's confidence (facts only). Not past a
        region the text narrows with its owner inside one phrase ("Filadelfia, in the Chaco region of
        Paraguay", "a plant near Lake Orsk in Veloria's Tarn Valley"): the place is said to be in the
        region, and the region in the country, but not the place in the country."""
        for name, rel in self.onto.relations.items():
            if not rel.transitive:
                continue
            edges: dict[tuple[int, str], list[dict[str, Any]]] = {}
            for r in found.values():
                if r["predicate"] == name and r["modality"] == "fact":
                    edges.setdefault((r["sent_start"], r["s_key"]), []).append(r)
            todo = [r for rs in edges.values() for r in rs]
            while todo:
                first = todo.pop()
                for second in edges.get((first["sent_start"], first["o_key"]), ()):
                    if second["o_key"] == first["s_key"] or self._narrowed_region(doc, second):
                        continue
                    key = (first["s_key"], name, second["o_key"], first["sent_start"])
                    if key in found:
                        continue
                    chained = {**first, "o_start": second["o_start"], "o_end": second["o_end"],
                               "o_name": second["o_name"], "o_cls": second["o_cls"],
                               "o_wikidata": second["o_wikidata"], "o_key": second["o_key"],
                               "confidence": round(max(0.05, min(first["confidence"], second["confidence"]) - 0.05), 3)}
                    found[key] = chained
                    edges[(first["sent_start"], first["s_key"])].append(chained)
                    todo.append(chained)

    def _narrowed_region(self, doc: Any, link: dict[str, Any]) -> bool:
        """Whether ``link`` (a region inside its owner) was read off one phrase that narrows the owner to the
        region: the owner's possessive before it ("Veloria's Tarn Valley") or "of" the owner after a kind of
        place ("the Tarn region of Veloria", "the Eastern Province of Veloria", "the Tarn zone of southern
        Veloria": lexicon ``region_adjectives``)."""
        if link["o_end"] <= link["s_start"]:
            return link["o_end"] < len(doc) and doc[link["o_end"]].tag_ == "POS" \
                and link["o_end"] + 1 <= link["s_start"] <= link["o_end"] + 3
        of = link["o_start"] - 1
        if of >= 1 and doc[of].lower_ in self.region_adjectives:
            of -= 1
        return of >= 0 and doc[of].lower_ == "of" and link["s_end"] <= of <= link["s_end"] + 1

    def _serving(self, doc: Any, holders: list[Token], places: list[Token], trigger: Token, modality: str,
                 by_token: dict[int, int], items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """kg:operatesIn from each entity the ``holders`` stand for to each of the ``places``."""
        rel = self.onto.relations["operatesIn"]
        out: list[dict[str, Any]] = []
        for holder in holders:
            for hi, cost, _ in self._map(holder, by_token, items):
                si = items[hi]
                for loc in places:
                    li = items[by_token[loc.i]]
                    if si["name"] != li["name"] and self.onto.fits(si["cls"], rel.domain) \
                            and self.onto.fits(li["cls"], rel.range):
                        out.append(record(doc, si, "operatesIn", li, rel.base_confidence - 0.15 - cost,
                                          trigger, modality))
        return out

    def _places_after(self, prep: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[Token]:
        """The places a preposition names, its object and the object's conjuncts ("in France and Italy"),
        and the places listed after them that the parser did not chain ("in Poland, the Czech Republic,
        Slovakia and Hungary"); a name before a place's kind stands for it ("in Shandong province")."""
        # ("to crushers in Shandong province": the name before a place's lower-case kind; "across Aichi and
        # Gifu prefectures": the names joined before its plural)
        # (and those of the same preposition joined to it: "in Kaunas and in Lodz")
        joined = [j for j in prep.children if j.dep_ == "conj" and j.pos_ == "ADP" and j.lower_ == prep.lower_]
        out = [t for p in [prep, *joined] for loc in p.children if loc.dep_ == "pobj"
               for n in coordinated(loc)
               for t in ([n] if n.i in by_token or not n.is_lower
                         else self._named_kind(n) or self._places_within(n, by_token, items))
               if t.i in by_token and self.onto.is_a(items[by_token[t.i]]["cls"], "Location")]
        seen = {by_token[t.i] for t in out}
        for t in list(out):
            for nxt in self._listed_places(t, by_token, items):
                if by_token[nxt.i] not in seen:
                    seen.add(by_token[nxt.i])
                    out.append(nxt)
        # (not the country a city is written with: "plants in Kumamoto, Japan, and Dresden, Germany")
        after = {items[by_token[t.i]]["end"] + 1: t for t in out}  # the place each place would come after
        kept = []
        for t in out:
            before = after.get(items[by_token[t.i]]["start"])
            if before is None or not self._region_written_after(before, t, by_token, items):
                kept.append(t)
        return kept

    def _named_kind(self, noun: Token) -> list[Token]:
        """The names a lower-case kind of place stands for: "Shandong province", and in the plural "Aichi and
        Gifu prefectures", "Sonora and Jalisco states" (the first name and its conjuncts)."""
        if noun.lower_ in self.place_head_words or (noun.tag_ == "NN" and noun.lemma_.lower() in self.place_nouns):
            # (and "in Parana state", "in Lagos state": a place noun of the singular, as for a trigger's place)
            return [c for c in noun.children if c.dep_ == "compound" and c.i == noun.i - 1]
        if noun.tag_ == "NNS" and noun.lemma_.lower() in self.place_nouns:
            return [x for c in noun.children if c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN"
                    for x in coordinated(c)]
        return []

    def _located(self, head: Token, preps: set[str], by_token: dict[int, int], items: list[dict[str, Any]]
                 ) -> list[Token]:
        """The places named by ``head``'s prepositions of ``preps`` ("customers in Brazil")."""
        return [t for p in head.children if p.dep_ == "prep" and p.lower_ in preps
                for t in self._places_after(p, by_token, items)]
