"""Relations the rules read from what is written beside a name rather than a trigger word.

"Ana Ruiz of Acme", "Ana Ruiz, 41, of Leeds" and "Grayson Ltd. of Leeds" (relations with
``kg:ofModifier``), "Li Wen at the Institute of Geology found"; "Hana Petrova, an ecologist at
Lindqvist University" (``kg:appositionPreposition``); roles written before a name ("Veltro chairman Ana
Ruiz") and after "whose"; nationality ("a Kenyan-born engineer"); where one works or a kind of member is.
Constructions of other kinds are :mod:`kg.relations.patterns`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import FORMER, NOW, coordinated, possessive
from .records import record
from .words import WHOSE

__all__ = ["Modifiers"]


def _subject_or_joined(tok: Token) -> bool:
    """Whether ``tok`` is a clause's subject, or a name joined to one (where the parser joined it to the
    place of work of the one before: "Ana Ruiz at Acme and Tom Berg/conj at Lumio said")."""
    joined = False
    for _ in range(8):
        if tok.dep_ == "conj" and tok.head.i != tok.i:
            tok, joined = tok.head, True
        elif joined and tok.dep_ == "pobj" and tok.head.lower_ in {"at", "of"}:
            tok = tok.head.head  # ("at the Institute of Geology and Chen Hua/conj at ...")
        else:
            break
    return tok.dep_ == "nsubj"


def _joined_before(doc: Doc, it: dict[str, Any], items: list[dict[str, Any]], by_token: dict[int, int]
                   ) -> list[dict[str, Any]]:
    """The people's names joined before ``it`` by "and" (and commas before it): "Ana Ruiz and Tom Berg",
    "Ana Ruiz, Li Wen and Tom Berg". None where a lower-case noun or a possessive stands before the
    first of them ("Acme's chief Ana Ruiz and Tom Berg of Lumio": the first has a job of its own)."""
    out: list[dict[str, Any]] = []
    k = it["start"] - 1
    if k < 1 or doc[k].lower_ != "and":
        return out
    while k >= 1 and doc[k].lower_ in {"and", ","} and (n := by_token.get(k - 1)) is not None:
        prev = items[n]
        if prev["cls"] != "Person" or prev["via"] not in {"", "gazetteer"} or prev["end"] != k:
            break
        out.append(prev)
        k = prev["start"] - 1
    if out and k >= 0 and ((doc[k].is_lower and doc[k].pos_ == "NOUN") or doc[k].tag_ == "POS"
                           or doc[k].text == "," or doc[k].lower_ == "and"):
        return []
    return out


def _listed_after(doc: Doc, it: dict[str, Any], items: list[dict[str, Any]], by_token: dict[int, int]
                  ) -> list[dict[str, Any]]:
    """The people's names listed right after ``it`` ("Ana Ruiz, Li Wen and Tom Berg"), read off the
    surface: each after a comma or "and" (the list ends at anything else, or after its "and")."""
    out: list[dict[str, Any]] = []
    j = it["end"]
    while j + 1 < len(doc) and doc[j].lower_ in {",", "and"}:
        if doc[j].text == "," and doc[j + 1].lower_ == "and":
            j += 1  # (", and")
        if (n := by_token.get(j + 1)) is None:
            break
        nxt = items[n]
        if nxt["start"] != j + 1 or nxt["cls"] != "Person" or nxt["via"] not in {"", "gazetteer"}:
            break
        out.append(nxt)
        if doc[j].lower_ == "and":
            break
        j = nxt["end"]
    return out


class Modifiers:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: relations from what is written beside a name."""

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
            # Norway", "Alder State in Brookfield" (not "University of Leeds" run on to a person)
            places_only = org and doc[it["end"] - 1].text not in self.legal_suffixes
            j = it["end"]
            if j + 2 < len(doc) and doc[j].text == "," and doc[j + 1].like_num and doc[j + 2].text == ",":
                j += 3  # "Ana Ruiz, 41, of Leeds": an age between
            elif j < len(doc) and doc[j].text == ",":
                j += 1  # "Ana Ruiz, of Acme"
            elif org and j + 2 < len(doc) and doc[j].text == "(" and doc[j + 2].text == ")":
                j += 3  # "the Centre for Rail Studies (CRS) in Lyon": its initials between
            # (only "in", "at" or "of" goes on below: those first, before the sentences' bounds)
            if j + 1 >= len(doc) or doc[j].lower_ not in {"in", "at", "of"} \
                    or doc[j].sent.start != doc[it["start"]].sent.start:
                continue
            at_org = False
            if doc[j].lower_ == "in" and org and doc[j - 1].text != "," and (
                    not self.onto.is_a(it["cls"], "Company") or doc[it["end"] - 1].text in self.legal_suffixes):
                # "researchers at St. Olaf Hospital in Tromso", "processed by Pell Canning Co. in Harwick" (a
                # firm named with its legal form; not "Pomelle in China", where it does business)
                places_only = True
            elif doc[j].lower_ == "at" and j == it["end"] and it["cls"] == "Person" \
                    and _subject_or_joined(self._root_of(doc, it)):
                # "Li Wen at the Institute of Geology found": where the clause's subject works (not
                # "shot Calder at Orwell's Theatre"), and a subject joined to it ("X at A and Y at B won")
                at_org = True
            elif doc[j].lower_ != "of" or (places_only and doc[it["end"] - 1].text in self.name_heads):
                continue
            of = doc[j]
            home = None
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
                # (or after adjectives alone, behind "the": "Spokesman X of the smaller Nakamura Line company")
                described = starting_at(m) if m > k and (doc[m - 1].pos_ == "NOUN" or (
                    doc[k - 1].lower_ == "the" and doc[m - 1].pos_ == "ADJ"
                    and all(t.is_alpha for t in doc[k:m]))) else None
                if described is not None and self.onto.is_a(described["cls"], "Organization"):
                    first = described
                # "Lena Berg of Halden's Kelvor School of Medicine", "X of Orlan University's Kelvor
                # Institute": the organisation the possessive names is where one works (its owner is
                # no employer; its place is still where one lives, as "of Halden" alone says)
                if first is not None and first["end"] + 1 < len(doc) and doc[first["end"]].tag_ == "POS":
                    owned = starting_at(first["end"] + 1)
                    if owned is not None and self.onto.is_a(owned["cls"], "Organization") \
                            and owned["via"] in {"", "gazetteer"}:
                        home = first if self.onto.is_a(first["cls"], "Location") else None
                        first = owned
            if first is None:
                continue
            objs = [first] + ([home] if home is not None else [])
            # "of Cheshire, Conn.": the place and the place it is in
            nxt = first["end"]
            then = starting_at(nxt + 1) if nxt + 1 < len(doc) and doc[nxt].text == "," else None
            if then is not None and not (then["end"] < len(doc) and doc[then["end"]].tag_ == "POS"):
                objs.append(then)  # (not "in Tehran, Canada's protecting power")
            if at_org:
                objs = [o for o in objs[:1] if self.onto.is_a(o["cls"], "Organization")]
            # "Ana Ruiz and Tom Berg of Acme": the names joined before this one are of it too (not across
            # what is said of the last alone: "Ana Ruiz and Tom Berg, 41, of Leeds")
            joined = it["cls"] == "Person" and j == it["end"] and of.lower_ == "of"
            people = [it] + (_joined_before(doc, it, items, by_token) if joined else [])
            for n, obj in enumerate(objs):
                if obj["via"] not in {"", "gazetteer"} or obj["name"] == it["name"]:
                    continue
                for rel in rels:
                    if self.onto.fits(it["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range) \
                            and ((n == 0 and not places_only) or self.onto.is_a(obj["cls"], "Location")):
                        out += [record(doc, who, rel.name, obj,
                                       rel.base_confidence - 0.1 * (n + 1) - (0.0 if who is it else 0.05), of)
                                for who in people if who["name"] != obj["name"]]
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
                    # (an apposition states its own fact, whatever the person's clause says: "X, a
                    # Ghanaian accountant, worked for Y for 12 years" is Ghanaian still)
                    people = [noun.head]
                    modality = "fact"
                else:
                    people = [c for c in noun.head.children if c.dep_ == "nsubj"] \
                        if noun.head.lemma_ in {"be", "become"} else []
                    modality = self._modality(noun.head)
            elif tok.dep_ in {"acomp", "attr"} and tok.head.lemma_ in {"be", "become"}:
                people = [c for c in tok.head.children if c.dep_ == "nsubj"]
                modality = self._modality(tok.head)
            elif tok.dep_ == "appos" and tok.head.pos_ == "PROPN":
                people, modality = [tok.head], "fact"  # "Ana Ruiz, a Romanian who lives in Vienna,"
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
            root = self._root_of(doc, it)
            nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN" and c.is_lower]
            # "a chemist and toxicologist at X": the preposition hangs off the last of them
            nouns += [g for n in nouns for g in n.children if g.dep_ == "conj" and g.is_lower and g.is_alpha]
            for noun in nouns:
                if noun.lemma_.lower() in self.not_roles or noun.lower_ in self.not_roles:
                    continue
                # "Ana Ruiz, a former official at X", "X, previously head of marketing at Y,": a job held before
                past = any(t.lower_ in FORMER for t in doc[max(0, noun.i - 2):noun.i]) or self._once_was(noun)
                # ("head of sales for Europe at X", "vice-president for procurement at X": the place of work
                # hangs deeper in the job's phrase, or on the name after it)
                deeper = [q for f in noun.children if f.dep_ == "prep" and f.lower_ in {"of", "for"}
                          for g in f.children if g.dep_ == "pobj" and g.is_lower
                          for q in g.children if q.dep_ == "prep" and q.lower_ == "at"]
                deeper += [q for q in root.children if q.dep_ == "prep" and q.lower_ == "at" and q.i > noun.i]
                for p in [*noun.children, *deeper]:
                    if p.dep_ != "prep":
                        continue
                    # ("a former SEC official now at law firm Y": the job after "now" is today's)
                    p_past = past and not (doc[p.i - 1].lower_ in NOW or any(
                        c.dep_ == "advmod" and c.lower_ in NOW for c in p.children))
                    for rel in rels:
                        if p.lower_ not in rel.apposition_preps or not self.onto.fits(it["cls"], rel.domain):
                            continue
                        if rel.name == "locatedIn" and not self._place_described(noun):
                            continue
                        if rel.name in self.people_relations and noun.lemma_.lower() in self.place_of_words:
                            continue  # ("Brenna, a village in Halden": a place the NER took for a person)
                        for g in p.children:
                            if g.dep_ != "pobj":
                                continue
                            # ("a chemist with the USDA's research service": a part of an organisation
                            # stands for its owner)
                            if g.is_lower and g.lemma_.lower() in self.organisation_parts and g.i not in by_token:
                                g = next((o for o in g.children if possessive(o) and o.pos_ != "PRON"), g)
                            for idx, cost, _ in self._map(g, by_token, items):
                                obj = items[idx]
                                if obj["via"] in {"", "gazetteer"} and obj["name"] != it["name"] and \
                                        self.onto.fits(obj["cls"], rel.range):
                                    quals = [("role", noun.text)] if rel.qualifier_role == "role" else []
                                    out.append(record(doc, it, rel.name, obj, rel.base_confidence - 0.1 - cost,
                                                      noun, "past" if p_past else "fact", qualifiers=quals))
        return out

    def _place_described(self, noun: Token) -> bool:
        """Whether an apposed noun describes a place as lying in another ("Orhem, a district of Malmo", "X,
        the capital of Y"): a lexicon ``place_nouns`` word, indefinite but for a capital ("the states of
        Ulster and Munster" names them; not "a district north of Oslo", a direction)."""
        lemma = noun.lemma_.lower()
        return lemma in self.place_nouns and (lemma == "capital" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in noun.children))

    def _premodified_roles(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"Acme attorney Ana Ruiz", "Acme plant manager Ana Ruiz" (worksFor), "Denver architect Ana
        Ruiz" (livesIn): an organisation or a place, then lower-case job nouns, then the name they all
        modify; and "Ana Ruiz, a Denver architect", "Ana Ruiz, a Searvio engineer": the same before
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
            root = self._root_of(doc, it)
            ends += [(c.i, c.i + 1) for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"
                     and c.is_lower and c.i > it["end"]]
            for first, last in ends:
                k = first - 1
                # (a compound the tagger took for a verb is a noun: "Skarvik finance/VB chief Ingrid Solberg")
                while k >= 0 and doc[k].is_lower and doc[k].is_alpha and (((
                        doc[k].pos_ in {"NOUN", "VERB", "PROPN"} and doc[k].dep_ == "compound") or (
                        # (and an adjective of a state's body: "the Greek foreign ministry spokesman X")
                        doc[k].pos_ == "ADJ" and doc[k].dep_ in {"amod", "compound"} and doc[k].lower_ not in FORMER
                        and k > 0 and k - 1 in by_token and items[by_token[k - 1]]["via"] == "demonym"))
                        and k < doc[k].head.i < last or (
                        # (or the noun the name is apposed to: "by the Chilean painter/pobj X/appos")
                        k == first - 1 == it["start"] - 1 and doc[k].pos_ == "NOUN" and root.dep_ == "appos"
                        and root.head.i == k)):
                    k -= 1  # "plant manager": each noun modifies a later one or the name
                nouns = doc[k + 1:first] if first == it["start"] else doc[k + 1:last]
                if not len(nouns) or k < 0 or k not in by_token:
                    continue
                org = items[by_token[k]]
                if org["end"] != k + 1 or org["via"] not in {"", "gazetteer", "demonym"} or org["name"] == it["name"]:
                    continue
                # (the name apposed to the job: only a nation's adjective before it, "the Chilean painter X")
                apposed = root.dep_ == "appos" and root.head.i == nouns[-1].i
                if apposed and org["via"] != "demonym":
                    continue
                if org["via"] == "demonym" and nouns[-1].lemma_.lower() not in (
                        self.person_titles if apposed and len(nouns) > 1 else self.national_jobs):
                    # "Greek police spokesman X" is Greek; "German publisher X" may be a firm, and so may a
                    # name apposed to a job of more words ("the Canadian asset manager/pobj X/appos")
                    continue
                if any(n.lemma_.lower() in self.not_roles or n.lower_ in self.not_roles for n in nouns):
                    continue  # "Acme customer Ana Ruiz"
                if not k < doc[k].head.i < last:
                    continue  # the organisation modifies the job or the name, not something else
                # "a former Tixbay sales manager", "former Ampero executive X": a job held before
                past = any(t.lower_ in FORMER for t in doc[max(0, k - 2):k])
                for rel in rels:
                    if self.onto.fits(it["cls"], rel.domain) and self.onto.fits(org["cls"], rel.range):
                        quals = [("role", nouns.text)] if rel.qualifier_role == "role" else []
                        out.append(record(doc, it, rel.name, org, rel.base_confidence - 0.1, nouns[-1],
                                          "past" if past else "fact", qualifiers=quals))
                        if first == it["start"]:
                            out += self._next_titled(doc, items, by_token, it, org, rel)
                        if first == it["start"] and nouns[-1].tag_ == "NNS":
                            # "Acme engineers Ana Ruiz and Tom Berg", "the Chilean painters X, Y and Z": a
                            # plural job goes with each name listed after it
                            out += [record(doc, other, rel.name, org, rel.base_confidence - 0.15, nouns[-1],
                                           "past" if past else "fact", qualifiers=quals)
                                    for other in _listed_after(doc, it, items, by_token)
                                    if self.onto.fits(other["cls"], rel.domain) and other["name"] != org["name"]]
                        break
        return out

    def _whose_titled(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int], it: dict[str, Any],
                      rels: list[Any]) -> list[dict[str, Any]]:
        """"Lumos Interactive, whose chief executive Farid Hassan said": a job title between "whose" and a
        name is held at what the clause is about (read off the surface: the parser hangs the title on
        the name)."""
        # (only names with "whose" just before them: a look at the hash array, no Token made)
        if not WHOSE.intersection(self._doc_state.lower_hashes[max(0, it["start"] - 5):it["start"]]):
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
        """"Velcor chairperson Ana Ruiz and chief executive Tom Berg": a second name with a job
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
        """"internet providers in Spain, including Telvista and Citrel", "carmakers in Europe such
        as Kavelle": each organisation named as one of a kind of business in a place operates there."""
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
