"""Relations the rules read from a construction rather than a trigger word.

"Santa Clara, California" (locatedIn), "Y raised $5 million in a round led
by X" (investsIn), "Apple's iPhone" and "Taiwan's TSMC" (relations with a
``kg:possessorIs`` annotation), "Ana Ruiz of Acme", "Ana Ruiz, 41, of
Leeds" and "Grayson Ltd. of Leeds" (relations with ``kg:ofModifier``), "Hana
Petrova, an ecologist at Lindqvist University" (``kg:appositionPreposition``).
"""

from __future__ import annotations

from typing import Any

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..ontology import RelationInfo
from .records import record
from ..syntax import SUBJ as _SUBJ
from ..syntax import possessive as _possessive

__all__ = ["Patterns"]

_WHOSE = frozenset({get_string_id("whose")})


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
            # a list of places ("Paris, Berlin and Rome", "Paris, Berlin, Lyon, Rome and Nice") is not
            # containment: follow the run of ", Place" to its end
            last = nxt
            while last["end"] + 1 < len(doc) and doc[last["end"]].text == "," and (last["end"] + 1) in by_token \
                    and items[by_token[last["end"] + 1]]["start"] == last["end"] + 1:
                last = items[by_token[last["end"] + 1]]
            after = doc[last["end"]] if last["end"] < len(doc) else None
            if after is not None and after.lower_ in {"and", "or"}:
                continue
            if after is not None and after.text == "," and last["end"] + 2 < len(doc) and \
                    doc[last["end"] + 1].lower_ in {"and", "or"} and doc[last["end"] + 2].pos_ not in {"VERB", "AUX"}:
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
            if doc[j].lower_ == "in" and org and not self.onto.is_a(it["cls"], "Company") and doc[j - 1].text != ",":
                places_only = True  # "researchers at St. Olaf Hospital in Tromso"
            elif doc[j].lower_ == "at" and j == it["end"] and it["cls"] == "Person" \
                    and doc[it["start"]:it["end"]].root.dep_ == "nsubj":
                # "Fang Kai at the Institute of Mathematics found": where the clause's subject works (not
                # "shot Lincoln at Ford's Theatre")
                at_org = True
            elif doc[j].lower_ != "of" or (places_only and doc[it["end"] - 1].text in self.name_heads):
                continue
            of = doc[j]
            first = starting_at(j + 2 if doc[j + 1].lower_ == "the" else j + 1)
            if first is None:
                continue
            objs = [first]
            # "of Bethany, Conn.": the place and the place it is in
            nxt = first["end"]
            then = starting_at(nxt + 1) if nxt + 1 < len(doc) and doc[nxt].text == "," else None
            if then is not None:
                objs.append(then)
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

    def _sales(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
               ) -> tuple[list[dict[str, Any]], set[int]]:
        """"Veltro sold its Quillo unit to Harbor Capital" (Harbor Capital acquires Quillo), "sold its
        stake in Quillo to Harbor" (Harbor investsIn Quillo): a ``kg:saleTrigger`` verb hands its
        direct object over to whom "to" names. And "bought a stake in Quillo from Harbor": what a
        purchase verb takes "from" a seller the seller held (Harbor investsIn Quillo, whatever the
        purchase's own modality). Returns the records and the indices of the verbs so read, which
        state no supply or offer."""
        sellers = self.sale_verbs
        out: list[dict[str, Any]] = []
        verbs: set[int] = set()
        for verb in self._tokens_with_lemma(doc, set(self.purchase_verbs)) if self.purchase_verbs else ():
            rel = self.purchase_verbs[verb.lemma_.lower()]
            for obj in (c for c in verb.children if c.dep_ == "dobj") if verb.pos_ == "VERB" else ():
                # "from Harbor" on the verb or on the stake
                owners = [(n, cost) for p in (*verb.children, *obj.children) if p.dep_ == "prep"
                          and p.lower_ in rel.source_preps for g in p.children if g.dep_ == "pobj"
                          for n, cost, _ in self._map(g, by_token, items)]
                held = self._held(obj, by_token, items) if owners else []
                if held:
                    verbs.add(verb.i)
                out += self._handed_over(doc, items, owners, held, verb, "fact")
        for verb in self._tokens_with_lemma(doc, set(sellers)) if sellers else ():
            if verb.pos_ != "VERB":
                continue
            buyers = [(n, cost) for p in verb.children if p.dep_ in {"prep", "dative"} and p.lower_ == "to"
                      for g in p.children if g.dep_ == "pobj" for n, cost, _ in self._map(g, by_token, items)]
            rel = sellers[verb.lemma_.lower()]
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                sold = [(rel, n, cost) for n, cost, _ in self._map(obj, by_token, items)
                        if self.onto.fits(items[n]["cls"], rel.range)]
                if not sold:
                    sold = self._held(obj, by_token, items)
                if not sold or not buyers:
                    continue
                verbs.add(verb.i)
                out += self._handed_over(doc, items, buyers, sold, verb, self._modality(verb))
        return out, verbs

    def _handed_over(self, doc: Doc, items: list[dict[str, Any]], parties: list[tuple[int, float]],
                     things: list[tuple[Any, int, float]], verb: Token, modality: str) -> list[dict[str, Any]]:
        """A record of each (relation, item, cost) in ``things`` from each (item, cost) in ``parties``
        (a buyer's, or a seller's before the sale), where the two classes fit the relation."""
        out: list[dict[str, Any]] = []
        for r, n, cost in things:
            for p, p_cost in parties:
                party, thing = items[p], items[n]
                if party["name"] != thing["name"] and self.onto.fits(party["cls"], r.domain) \
                        and self.onto.fits(thing["cls"], r.range):
                    out.append(record(doc, party, r.name, thing, r.base_confidence - 0.1 - cost - p_cost,
                                      verb, modality))
        return out

    def _held(self, obj: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[tuple[Any, int, float]]:
        """"its stake in Quillo": a noun that is the event noun of a relation, with that relation's object
        after one of its prepositions; (relation, item, cost) for each object."""
        held: list[tuple[Any, int, float]] = []
        if obj.pos_ == "NOUN" and obj.i not in by_token:
            for trig in self.index.get(obj.lemma_.lower(), ()):
                if trig.kind == "event" and len(trig.words) == 1:
                    held += [(trig.relation, n, cost) for p in obj.children if p.dep_ == "prep"
                             and p.lower_ in trig.relation.object_preps for g in p.children
                             if g.dep_ == "pobj" for n, cost, _ in self._map(g, by_token, items)]
        return held

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
                for p in noun.children:
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
                                                      noun, qualifiers=quals))
        return out

    def _premodified_roles(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                           ) -> list[dict[str, Any]]:
        """"Acme attorney Ana Ruiz", "Acme plant manager Ana Ruiz" (worksFor): an organisation, then
        lower-case job nouns, then the name they all modify. As in :meth:`_apposed_roles`, any job
        of a relation with a ``kg:appositionPreposition`` will do, not a customer's or a rival's."""
        rels = [r for r in self.onto.relations.values() if r.apposition_preps]
        out: list[dict[str, Any]] = []
        for it in items if rels else ():
            if it["via"] not in {"", "gazetteer"}:
                continue
            k = it["start"] - 1
            while k >= 0 and doc[k].is_lower and doc[k].is_alpha and doc[k].pos_ == "NOUN" \
                    and doc[k].dep_ == "compound" and k < doc[k].head.i < it["end"]:
                k -= 1  # "plant manager": each noun modifies a later one or the name
            nouns = doc[k + 1:it["start"]]
            if not len(nouns) or k < 0 or k not in by_token:
                continue
            org = items[by_token[k]]
            if org["end"] != k + 1 or org["via"] not in {"", "gazetteer"} or org["name"] == it["name"]:
                continue
            if any(n.lemma_.lower() in self.not_roles or n.lower_ in self.not_roles for n in nouns):
                continue  # "Acme customer Ana Ruiz"
            if not k < doc[k].head.i < it["end"]:
                continue  # the organisation modifies the job or the name, not something else
            for rel in rels:
                if self.onto.fits(it["cls"], rel.domain) and self.onto.fits(org["cls"], rel.range):
                    quals = [("role", nouns.text)] if rel.qualifier_role == "role" else []
                    out.append(record(doc, it, rel.name, org, rel.base_confidence - 0.1, nouns[-1], qualifiers=quals))
                    break
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

    def _maker_in_name(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                       ) -> list[dict[str, Any]]:
        """"the Samsung Galaxy S9", "a Toyota Corolla" (develops): a product's name that starts with the
        name of an organisation the document names, read as that organisation's mention."""
        rels = [r for r in self.onto.relations.values() if r.possessor_is == "subject"]
        if not rels:
            return []
        makers: dict[str, dict[str, Any]] = {}
        for it in items:
            if it["via"] in {"", "gazetteer"} and self.onto.is_a(it["cls"], "Organization"):
                for form in (it["name"], doc[it["start"]:it["end"]].text):
                    makers.setdefault(form, it)
        out: list[dict[str, Any]] = []
        for it in items if makers else ():
            if it["cls"] != "Product" or it["via"] not in {"", "gazetteer"} or it["end"] - it["start"] < 2:
                continue
            for k in range(it["end"] - 1, it["start"], -1):
                owner = makers.get(doc[it["start"]:k].text)
                if owner is None or owner["name"] == it["name"]:
                    continue
                mention = {**owner, "start": it["start"], "end": k}  # "Samsung" in "Samsung Galaxy S9"
                for rel in rels:
                    if self.onto.fits(owner["cls"], rel.domain) and self.onto.fits(it["cls"], rel.range):
                        out.append(record(doc, mention, rel.name, it, rel.base_confidence - 0.1, doc[it["start"]]))
                        break
                break
        return out

    def _contracts(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                   ) -> tuple[list[dict[str, Any]], set[int]]:
        """"Velora won a $40 million contract from the Navy", "won a contract to host data for the
        ministry", "was awarded a contract by the Navy", "the Navy awarded Velora a contract": who wins
        a contract (lexicon.toml ``contract_nouns``, ``contract_verbs``) supplies the client. Returns the
        records and the indices of the nouns so read ("an order from Orlan" names the customer, not
        the seller its trigger would)."""
        out: list[dict[str, Any]] = []
        read: set[int] = set()
        if "suppliesTo" not in self.onto.relations or not self.contract_nouns:
            return out, read
        rel = self.onto.relations["suppliesTo"]
        for verb in self._tokens_with_lemma(doc, self.contract_verbs | {"award"}):
            if verb.pos_ != "VERB":
                continue
            nouns = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}
                     and c.lemma_.lower() in self.contract_nouns]
            if not nouns:
                continue
            subj = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            if verb.lemma_.lower() == "award":
                if any(c.dep_ == "auxpass" for c in verb.children):  # "X was awarded a contract by Y"
                    winners = [c for c in verb.children if c.dep_ == "nsubjpass" and c not in nouns]
                    clients = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                else:  # "Y awarded X a contract", "Y awarded a contract to X"
                    clients = subj
                    winners = [c for c in verb.children if c.dep_ == "dative" and c.pos_ != "ADP"]
                    winners += [g for c in verb.children if c.dep_ in {"dative", "prep"} and c.lower_ == "to"
                                for g in c.children if g.dep_ == "pobj"]
            else:
                winners = subj
                # "from the Navy" on the verb or the noun; "to host data for the ministry" in the noun's clause
                preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"from", "with", "for"}]
                for noun in nouns:
                    preps += [c for c in noun.children if c.dep_ == "prep" and c.lower_ in {"from", "with", "for"}]
                    preps += [p for a in noun.children if a.dep_ in {"acl", "relcl"} for p in a.children
                              if p.dep_ == "prep" and p.lower_ == "for"]
                clients = [g for p in preps for g in p.children if g.dep_ == "pobj"]
            if not winners or not clients:
                continue
            read.update(n.i for n in nouns)
            modality = self._modality(verb)
            for w, w_cost, _ in (m for t in winners for m in self._map(t, by_token, items)):
                for c, c_cost, _ in (m for t in clients for m in self._map(t, by_token, items)):
                    winner, client = items[w], items[c]
                    if winner["name"] != client["name"] and self.onto.fits(winner["cls"], rel.domain) \
                            and self.onto.fits(client["cls"], rel.range):
                        out.append(record(doc, winner, rel.name, client, rel.base_confidence - 0.1 - w_cost - c_cost,
                                          verb, modality))
        return out, read

    def _funding(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Y raised $210 million in a round led by X", "Y raised $5 million from X" -> X investsIn Y."""
        if "investsIn" not in self.onto.relations:
            return []
        rel = self.onto.relations["investsIn"]
        out = []
        for verb in self._tokens_with_lemma(doc, {"raise", "secure", "close", "land", "receive", "get"}):
            if verb.pos_ != "VERB":
                continue
            investors: list[Token] = []
            money = any(t.ent_type_ == "MONEY" or t.lemma_.lower() in {"funding", "investment", "capital",
                                                                       "financing", "round", "stake"}
                        for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree)
            if not money:
                continue  # "received its licence from the ministry" is not an investment
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    investors += [g for g in c.children if g.dep_ == "pobj"]
            for t in verb.subtree:
                if t.lemma_.lower() == "participation":  # "..., with participation from X and Y"
                    for p in t.children:
                        if p.dep_ == "prep" and p.lower_ == "from":
                            investors += [g for g in p.children if g.dep_ == "pobj"]
                if t.lemma_.lower() == "round":
                    for a in t.children:
                        if a.dep_ == "acl" and a.lemma_.lower() in {"lead", "co-lead", "join", "back", "anchor"}:
                            for ag in a.children:
                                if ag.dep_ == "agent":
                                    investors += [g for g in ag.children if g.dep_ == "pobj"]
            if not investors:
                continue
            raisers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, raisers, items, by_token, rel)
        # "X led a funding round in Y", "X joined Y's Series B round"
        for verb in self._tokens_with_lemma(doc, {"lead", "co-lead", "join", "participate", "back"}):
            if verb.pos_ != "VERB":
                continue
            rounds = [t for t in verb.subtree if t.lemma_.lower() == "round" and t.head.i in
                      {verb.i} | {p.i for p in verb.children if p.dep_ == "prep"}]
            targets: list[Token] = []
            for r in rounds:
                targets += [c for c in r.children if _possessive(c)]
                for p in r.children:
                    if p.dep_ == "prep" and p.lower_ in {"in", "for", "of"}:
                        targets += [g for g in p.children if g.dep_ == "pobj"]
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ == "in" and rounds:
                    targets += [g for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() != "round"]
            if not targets:
                continue
            investors = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, targets, items, by_token, rel)
        return out

    def _invest_records(self, doc: Doc, verb: Token, investors: list[Token], targets: list[Token],
                        items: list[dict[str, Any]], by_token: dict[int, int], rel: RelationInfo
                        ) -> list[dict[str, Any]]:
        """investsIn(investor, target) for every mapped pair."""
        out = []
        modality = self._modality(verb)
        for target in targets:
            for ti, _, _ in self._map(target, by_token, items):
                for inv in investors:
                    for ii, cost, _ in self._map(inv, by_token, items):
                        si, oi = items[ii], items[ti]
                        if si["name"] != oi["name"] and self.onto.fits(si["cls"], rel.domain) \
                                and self.onto.fits(oi["cls"], rel.range):
                            out.append(record(doc, si, "investsIn", oi, rel.base_confidence - cost,
                                                    verb, modality))
        return out

    def _possessives(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                     ) -> list[dict[str, Any]]:
        """"Apple's iPhone", "Intel Xeon" -> develops; "Taiwan's TSMC", "US Commerce Department" -> basedIn.

        Relations that say how (``kg:possessorIs``) take a possessive, or a name
        written right before another name, as evidence.
        """
        rels = [r for r in self.onto.relations.values() if r.possessor_is]
        out = []
        starts = {it["start"]: n for n, it in enumerate(items)}
        # "the chipmaker whose H200 processors ...": "whose" is the noun the clause describes
        for tok in [doc[i] for i in self._lower_ids(_WHOSE)]:
            if tok.i + 1 >= len(doc):
                continue
            clause = tok.head
            while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i and clause.i - tok.i < 6:
                clause = clause.head
            if clause.dep_ not in {"relcl", "acl"}:
                continue
            j = tok.i + 1
            while j < len(doc) and j not in starts and doc[j].is_lower and j - tok.i <= 4:
                j += 1
            if j not in starts:
                continue
            it = items[starts[j]]
            for oi, cost, _ in self._map(clause.head, by_token, items, conj=False):
                owner = items[oi]
                for rel in rels:
                    subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                    if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                            and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym":
                        out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 - cost, tok))
                        break
        # "Fabhalta, its approved medicine": the possessor of an appositive
        for it in items:
            if it["via"] == "coref":
                continue
            root = doc[it["start"]:it["end"]].root
            for ap in [c for c in root.children if c.dep_ == "appos"]:
                # "Huawei, Nvidia's main rival": a role noun of another relation says what they are
                # to each other (the role rules read it), not that one owns the other
                for c in ap.children:
                    if _possessive(c) and c.i in by_token:
                        owner = items[by_token[c.i]]
                        # (a role between these two: "Varda, Orlen's discount chain" is no seat)
                        roles = {t.relation.name for t in self.index.get(ap.lemma_.lower(), ())
                                 if t.kind in {"role", "inverse_role"} and any(
                                     self.onto.fits(a["cls"], t.relation.domain)
                                     and self.onto.fits(b["cls"], t.relation.range)
                                     for a, b in ((it, owner), (owner, it)))}
                        for rel in rels:
                            if roles and rel.name not in roles:
                                continue
                            subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                            if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                                    and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym":
                                out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.15, c))
                                break
        # "its range of missiles such as Cirit and Umtas", "Veltro's apps, including Zephyr": the owner
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
                            if product["cls"] == "Product" and it["name"] != product["name"] \
                                    and self.onto.fits(subj["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range):
                                conf = rel.base_confidence - 0.15 - cost - (0.1 if it["via"] == "coref" else 0.0)
                                out.append(record(doc, subj, rel.name, obj, conf, tok))
                                break
        for owner in items:
            # Read the possessive off the surface, which is steadier than the small
            # model's parse of noun phrases: "A's B", "A's popular chatbot service B",
            # or a name written right before another ("Nvidia H200").
            end = owner["end"]
            if end >= len(doc):
                continue
            pronoun = owner["via"] == "coref" and doc[owner["start"]].lower_ in {"its", "their"}
            possessive = pronoun or doc[end].tag_ == "POS" or doc[end].lower_ in {"'s", "\u2019s", "'", "\u2019"}
            if possessive:
                j, conf = (end if pronoun else end + 1), (-0.1 if pronoun else 0.0)
                # (and "government-certified": a hyphen inside such a modifier)
                while j < len(doc) and j not in starts and j - end <= 5 and (
                        doc[j].is_lower and doc[j].pos_ in {"ADJ", "NOUN", "ADV", "VERB"}
                        and doc[j].tag_ not in {"VBD", "VBZ", "VBP"}
                        or doc[j].text == "-" and j > end and not doc[j - 1].whitespace_):
                    j += 1
                # "Corvo's main product, CorvoLog", "Northwind's own platform, Haulr"
                if j + 1 < len(doc) and j not in starts and doc[j].text == "," and j + 1 in starts \
                        and doc[j - 1].lemma_.lower() in self.product_nouns:
                    j += 1
            elif owner["via"] in {"", "gazetteer"} and doc[end - 1].whitespace_ != "" and end in starts:
                j, conf = end, -0.1
            else:
                continue
            if j not in starts:
                continue
            it = items[starts[j]]
            if it["via"] == "coref" or owner["name"] == it["name"]:
                continue
            if pronoun and it["cls"] != "Product":
                continue  # "its Ticketmaster unit" is a role, read elsewhere
            if not possessive and it["via"] not in {"", "gazetteer"}:
                continue
            for rel in rels:
                subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                if not (self.onto.fits(subj["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range)):
                    continue
                if subj["via"] == "demonym" and rel.possessor_is == "subject":
                    continue
                # between two organisations, "X's Y" is ownership only for a unit's name right
                # after the possessive ("the FTC's Bureau of Competition"), not "Alphabet's Anthropic stake"
                if self.onto.is_a(owner["cls"], "Organization") and self.onto.is_a(it["cls"], "Organization") \
                        and (j != end + 1 or not possessive or
                             doc[it["start"]:it["end"]].text.split()[-1] not in self.unit_heads and
                             not doc[it["start"]:it["end"]].text.split()[0] in self.unit_heads):
                    continue
                c_adj = conf - (0.1 if owner["via"] == "coref" else 0.0)
                # a possessive presupposes the relation: the clause's modality does not apply
                out.append(record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 + c_adj, doc[end]))
                break
        return out

