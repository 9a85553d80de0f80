"""Which entity items one token of a rule's frame stands for (:meth:`NamesOf._map`).

A token stands for the name it is part of; a pronoun or description for what coreference resolved it
to; a noun listing names for each of them ("groups such as Voltrion and SX"), and a list of names for
each of its items, past the commas and legal forms the parser hangs them on; a group noun for its
country ("Chinese users"); a description for the name apposed to it, or for who the sentence or text is
about (:mod:`kg.relations.topics`). Each indirection adds a cost, which lowers the confidence of what is
read through it. A base of :class:`~kg.relations.mentions.Mentions`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ..syntax import (NAMING_VERBS, apposed_elsewhere, apposed_to_previous, before_region_seat, brand_name, by_agents,
                      coordinated, described_before, possessive, repeated_preposition, singular_after_list,
                      subject_listed_before)
from ..syntax import REL_PRONOUNS as _REL_PRONOUNS
from .named_lists import NamedLists
from .state import read_once

__all__ = ["NamesOf"]

#: The seat word of "Norwalk, Connecticut-based X".
_BASED = frozenset({"based"})


class NamesOf(NamedLists):
    """Base of :class:`~kg.relations.mentions.Mentions`: the entity items a token stands for."""

    def _named_after_comma(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> int | None:
        """"the venture, Samhan Compute,", "the venture, to be called Andina,", "the block, known as Deep,": the
        start of a name (an organisation's, not by coreference) right after a description and its comma, or
        after a naming word there, that closes with a comma or the sentence and is no subject; for a parse
        that hung the name elsewhere (on the verb, on the share). None if there is none."""
        doc = tok.doc
        k = tok.i + 1
        if k + 1 >= len(doc) or doc[k].text != ",":
            return None
        k += 1
        if doc[k].lower_ == "to" and k + 1 < len(doc) and doc[k + 1].lower_ == "be":
            k += 2
        if k < len(doc) and doc[k].lemma_.lower() in NAMING_VERBS and doc[k].tag_ == "VBN":
            k += 1
        elif k + 1 < len(doc) and doc[k].lower_ == "known" and doc[k + 1].lower_ == "as":
            k += 2
        if k not in by_token:
            return None
        it = items[by_token[k]]
        if it["start"] != k or it.get("via") == "coref" or not self.onto.is_a(it["cls"], "Organization") \
                or (it["end"] < len(doc) and doc[it["end"]].text not in {",", ".", ";"}) \
                or self._root_of(doc, it).dep_ in {"nsubj", "nsubjpass"}:
            return None
        return k

    def _described_firm(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> int | None:
        """"Kelvor, a Lyon startup that ...": the last word of the organisation's name a relative pronoun's
        description (:func:`~kg.syntax.described_before`) is apposed to, named there (not by coreference) and
        ending at its comma; None if there is none."""
        k = described_before(tok)
        if k is None or k not in by_token:
            return None
        it = items[by_token[k]]
        if it["end"] != k + 1 or it.get("via") == "coref" or not self.onto.is_a(it["cls"], "Organization"):
            return None
        return k

    def _unit_named_after(self, doc: Any, end: int, by_token: dict[int, int], items: list[dict[str, Any]]) -> int | None:
        """"with Kelvor unit Tessa": the start of the organisation's name written right after a unit's noun
        (lexicon ``owned_units``) that follows an owner's name ending at ``end``, where a surface reading took the
        owner for the party; None if there is none."""
        k = end + 1
        if end < len(doc) and doc[end].is_lower and doc[end].lemma_.lower() in self.unit_nouns and k in by_token \
                and items[by_token[k]]["start"] == k and self.onto.is_a(items[by_token[k]]["cls"], "Organization"):
            return k
        return None

    def _joined_before(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]], cls: str) -> list[int]:
        """"the Orsoli and Calvi Rossa fashion houses", "its Bruma Classic and Bruma Zero drinks": the
        items of class ``cls`` (named, not by coreference) joined by "and" or "or" right before the plural
        kind ``tok``, which the parser hangs on it as modifiers and their conjuncts; none if fewer than two,
        or if anything but those names, commas and the conjunction stands between them."""
        if tok.tag_ != "NNS" or not tok.is_lower:
            return []
        joined = sorted({by_token[x.i] for c in tok.lefts if c.dep_ in {"nmod", "compound"} and c.pos_ == "PROPN"
                         for x in coordinated(c) if x.i in by_token and items[by_token[x.i]]["via"] in {"", "gazetteer"}
                         and self.onto.is_a(items[by_token[x.i]]["cls"], cls)}, key=lambda n: items[n]["start"])
        if len(joined) < 2:
            return []
        span = tok.doc[items[joined[0]]["start"]:items[joined[-1]]["end"]]
        if not any(t.lower_ in {"and", "or"} for t in span) or not all(
                (t.i in by_token and by_token[t.i] in joined) or t.lower_ in {"and", "or", ","} for t in span):
            return []
        return joined

    def _map(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]], cost: float = 0.0,
             depth: int = 0, conj: bool = True, past_clause: bool = True) -> list[tuple[int, float, int]]:
        """Entity items a token stands for, with a cost for each indirection (``past_clause``: with the
        name listed after a clause describing it, for callers outside that clause).

        A function of the Doc's parse and entity items alone, read once per token and arguments on the Doc
        the component is reading (its triggers ask for the same arguments again and again)."""
        state = self._doc_state
        if state is None or tok.doc is not state.doc or by_token is not state.by_token or items is not state.items:
            return self._map_once(tok, by_token, items, cost, depth, conj, past_clause)
        # (the list kept is _map_once's own, which nothing else holds; each caller gets a copy)
        return list(read_once(state.mapped, (tok.i, cost, depth, conj, past_clause), self._map_once, tok, by_token,
                              items, cost, depth, conj, past_clause))

    def _map_once(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]], cost: float = 0.0,
                  depth: int = 0, conj: bool = True, past_clause: bool = True) -> list[tuple[int, float, int]]:
        """:meth:`_map`, read afresh."""
        if depth > 4:
            return []
        out: list[tuple[int, float, int]] = []
        if tok.i in by_token:
            # "the 11th president of the company, Tom Berg,": a description resolved to a name apposed
            # to it stands for that name, the mention the text gives
            it = items[by_token[tok.i]]
            # (and "the studio behind the Rookery chatbot": a kind resolved to the name that modifies it)
            named = [c for c in tok.children if c.dep_ in {"appos", "compound"} and c.i in by_token
                     and (c.dep_ == "appos" or c.i < tok.i)
                     and items[by_token[c.i]].get("via") != "coref" and items[by_token[c.i]]["name"] == it["name"]] \
                if it.get("via") == "coref" else []
            # "the central Castilian province of Segovia": the place named after "of", whatever coreference
            # made of the noun
            named += [g for g in [self._place_named_of(tok, by_token, items)] if g is not None] \
                if it.get("via") == "coref" else []
            # ("a stake in the project company, Morava SMR,": the name written after the comma, where the
            # parser hung it elsewhere)
            named += [tok.doc[k] for k in [self._named_after_comma(tok, by_token, items)] if k is not None] \
                if it.get("via") == "coref" and tok.is_lower else []
            # (the kind's own place in the sentence for a name that modifies it: "Veltro and the Quillo app")
            out.append((by_token[named[0].i], cost, tok.i if named[0].dep_ == "compound" else named[0].i)
                       if named else (by_token[tok.i], cost, tok.i))
            # "a unit of Norwalk, Connecticut-based Journa Holdings": a city written with its region
            # before "-based" stands for the organisation it describes
            k = before_region_seat(tok.doc, it["end"], _BASED) if self.onto.is_a(it["cls"], "Location") else None
            if k is not None and k in by_token and items[by_token[k]]["start"] == k \
                    and self.onto.is_a(items[by_token[k]]["cls"], "Organization"):
                out.append((by_token[k], cost + 0.05, k))
            elif tok.dep_ == "pobj" and tok.head.dep_ == "agent" and self.onto.is_a(it["cls"], "Location"):
                k = self._described_after_place(tok.doc, it["end"], by_token, items)
                if k is not None:
                    out.append((by_token[k], cost + 0.05, k))
        elif tok.lower_ in _REL_PRONOUNS and tok.head.dep_ in {"relcl", "acl"}:
            last = singular_after_list(tok)
            if last is not None:  # "Minskali and Kamakali, which is based in Russia": the last only
                out += self._map(last, by_token, items, cost, depth + 1, conj=False)
            else:
                described = tok.head.head
                if tok.lower_ == "who" and described.dep_ == "appos" and described.i in by_token \
                        and items[by_token[described.i]]["via"] == "demonym":
                    described = described.head  # "Ana Ruiz, a Romanian who lives in Vienna": the person
                job = described.head.head if described.dep_ == "pobj" else described
                if tok.lower_ == "who" and tok.doc[tok.i - 1].text != "," and described.i in by_token \
                        and self.onto.is_a(items[by_token[described.i]]["cls"], "Organization") \
                        and job is not described and job.dep_ == "appos" and job.head.i in by_token \
                        and items[by_token[job.head.i]]["cls"] == "Person":
                    # "Ana Ruiz, a rider for Orlan who lives in Leeds": "who" is no firm the parser hung the
                    # clause on, but the person the job at the firm is apposed to (not after a comma, which
                    # may end the job's phrase: "an engineer at Orlan, who remains its chief executive")
                    described = job.head
                found = self._map(described, by_token, items, cost, depth + 1, past_clause=False)
                before = tok.doc[tok.i - 2] if tok.i >= 2 and tok.doc[tok.i - 1].text == "," else None
                if tok.lower_ == "which" and before is not None and before.i in by_token \
                        and self.onto.is_a(items[by_token[before.i]]["cls"], "Organization") \
                        and not any(self.onto.is_a(items[m[0]]["cls"], "Organization") for m in found):
                    # ("chief executive of Awan, which is controlled by X": the parser hung the clause on a
                    # noun that stands for no organisation; "which" is the one named before its comma)
                    found = self._map(before, by_token, items, cost, depth + 1)
                named = self._described_firm(tok, by_token, items)
                if named is not None and not any(self.onto.is_a(items[m[0]]["cls"], "Organization") for m in found):
                    # ("Kelvor, a Lyon startup that makes vans": the parser hung the description, or the clause,
                    # elsewhere; the clause is the firm's the description is apposed to)
                    found = self._map(tok.doc[named], by_token, items, cost + 0.05, depth + 1)
                out += found
                # "Bramford and United Motors, which compete with X": a plural verb's clause, which the parser
                # hangs on the list's last name, is said of the whole list
                # (not "..., which build batteries in Indiana and Ohio respectively")
                if described.dep_ == "conj" and described.i in by_token and any(
                        t.tag_ == "VBP" or t.lower_ == "were" for t in [tok.head] + [
                            c for c in tok.head.children if c.dep_ in {"aux", "auxpass"}]) \
                        and not any(t.lower_ == "respectively" for t in tok.head.subtree):
                    out += [m for c in described.conjuncts if c.i < described.i
                            for m in self._map(c, by_token, items, cost, depth + 1, conj=False)
                            if items[m[0]]["via"] != "demonym"]
                # "a supplier in Leeds that also packs goods for Grocelle": a restrictive clause (no comma)
                # after a place in a description's phrase is also the description's
                prep = described.head
                if described.i in by_token and self.onto.is_a(items[by_token[described.i]]["cls"], "Location") \
                        and described.dep_ == "pobj" and prep.lower_ in {"in", "at"} and prep.head.pos_ == "NOUN" \
                        and prep.head.is_lower and tok.i > 0 and tok.doc[tok.i - 1].text != ",":
                    out += self._map(prep.head, by_token, items, cost + 0.1, depth + 1)
        elif tok.lower_ in {"that", "which", "who"} and tok.dep_ in {"nsubj", "nsubjpass"} and tok.i > 0 \
                and tok.doc[tok.i - 1].text == "," and tok.head.dep_ not in {"relcl", "acl"}:
            # "Longhe Audio, a contract maker in Shenzhen, China, that also supplies X": a clause after a comma
            # the parser did not hang on what it describes is the last organisation's named before it (no verb
            # between, only its description)
            k = tok.i - 1
            while k > tok.sent.start and k - tok.i > -15 and tok.doc[k].pos_ not in {"VERB", "AUX"} and not (
                    k in by_token and self.onto.is_a(items[by_token[k]]["cls"], "Organization")):
                k -= 1
            if k in by_token and self.onto.is_a(items[by_token[k]]["cls"], "Organization"):
                out.append((by_token[k], cost + 0.1, k))
        elif tok.lower_ in {"which", "whom"} and tok.dep_ == "pobj" and tok.head.dep_ == "prep" \
                and tok.head.head.dep_ in {"relcl", "acl"} and tok.head.i < tok.head.head.i:
            # "Sarvana Auto, a manufacturer in which Ruibo holds a stake": the noun the clause describes
            out += self._map(tok.head.head.head, by_token, items, cost, depth + 1)
        elif tok.lower_ in {"both", "all"} and tok.dep_ in {"appos", "dep"} and tok.i >= 2 \
                and tok.doc[tok.i - 1].text == "," and tok.i - 2 in by_token and tok.doc[tok.i - 2].conjuncts:
            # "Pellworth and Gramont, both based in Basel": the names listed before the comma
            last = tok.doc[tok.i - 2]
            for t in [last, *(c for c in last.conjuncts if c.i < last.i)]:
                out += self._map(t, by_token, items, cost, depth + 1, conj=False)
        elif tok.lower_ in {"both", "all", "each"} and tok.head.dep_ in {"relcl", "acl"} \
                and tok.dep_ in {"nsubj", "nsubjpass"} and any(
                p.dep_ == "prep" and p.lower_ == "of" and any(g.lower_ in _REL_PRONOUNS for g in p.children)
                for p in tok.children):
            # "VMLT and Osaka Lithotech, both of which count China among their markets": the names (not
            # "one of which", nor "neither of which", which says the opposite)
            out += self._map(tok.head.head, by_token, items, cost, depth + 1)
        elif tok.lower_ == "them" and tok.dep_ in {"pobj", "dobj"} and tok.i not in by_token:
            # "Flixburn and Reelio+ remain far ahead, and ... for Cinevia to compete with them": the names joined
            # by "and" as the subject of a clause before it in the sentence (the last such)
            subj = [t for t in tok.sent if t.i < tok.i and t.dep_ in {"nsubj", "nsubjpass"} and t.i in by_token
                    and any(c.dep_ == "conj" and c.i in by_token for c in t.children)]
            if subj:
                out += self._map(subj[-1], by_token, items, cost + 0.15, depth + 1)
        elif tok.lower_ == "they" and tok.dep_ in {"nsubj", "nsubjpass"} \
                and tok.head.dep_ in {"advcl", "ccomp", "conj"} and tok.head.head.i != tok.head.i:
            # "Reelio and Marketo have been paying more for shows as they compete with Flixburn", "Veltro and
            # Orlan said they would merge": the names joined as the subject of the clause this one hangs on
            for subj in tok.head.head.children:
                if subj.dep_ in {"nsubj", "nsubjpass"} and subj.i in by_token \
                        and any(c.dep_ == "conj" and c.i in by_token for c in subj.children):
                    out += self._map(subj, by_token, items, cost + 0.1, depth + 1)
                elif subj.dep_ in {"nsubj", "nsubjpass"} and subj.i in by_token and tok.head.dep_ == "ccomp" \
                        and tok.head.head.lemma_.lower() in self.reporting:
                    # ("Saigonet and rival carrier Mobivo said they": the parser made the first name a
                    # modifier of the last; the organisations named in the subject, joined by "and", of a
                    # verb of saying)
                    named = sorted({by_token[t.i] for t in subj.subtree if t.i in by_token
                                    and self.onto.is_a(items[by_token[t.i]]["cls"], "Organization")
                                    and items[by_token[t.i]]["via"] in {"", "gazetteer"}})
                    if len(named) > 1 and any(t.lower_ == "and" and t.dep_ == "cc" for t in subj.subtree):
                        out += [(n, cost + 0.1, items[n]["start"]) for n in named]
        elif pair := self._pair_referred(tok, by_token, items):
            # "paid the two suppliers $420 million", "supply tools to both companies": the two firms named
            # last, joined by "and" (see NamedLists._pair_referred)
            out += [(n, cost + 0.1, items[n]["start"]) for n in pair]
        elif tok.lower_ == "whose" and tok.dep_ == "poss" and not any(a.dep_ in {"relcl", "acl"} for a in tok.ancestors) \
                and (named := self._described_firm(tok, by_token, items)) is not None:
            # "Kelvor, a Lyon startup whose Tessa app ...": the firm the description is apposed to, where the
            # parser made no clause of it
            out += self._map(tok.doc[named], by_token, items, cost + 0.05, depth + 1)
        elif tok.lower_ == "whose" and tok.i >= 2 and tok.doc[tok.i - 1].text == "," and tok.i - 2 in by_token \
                and ((on := next((a.head for a in tok.ancestors if a.dep_ in {"relcl", "acl"}), None)) is None
                     or on.i not in by_token
                     or (tok.doc[tok.i - 2].dep_ == "conj" and tok.doc[tok.i - 2].head.i == on.i)):
            # "Shares in Huaxin, whose largest shareholder is X, jumped": the name before the comma, where
            # the parser hung the clause on no name (or made none), or on the first of names joined to it
            # ("operators including Kelvor and Orlan, whose Trovo app": Orlan's)
            out += self._map(tok.doc[tok.i - 2], by_token, items, cost + 0.05, depth + 1)
        elif tok.lower_ == "whose" and tok.dep_ == "poss" and tok.head.head.dep_ in {"relcl", "acl"}:
            # "Tandaa, whose investors include X": the noun the clause it opens is about
            out += self._map(tok.head.head.head, by_token, items, cost, depth + 1)
        elif tok.lower_ == "whose" and tok.dep_ == "poss" and tok.head.head.head.dep_ in {"relcl", "acl"} \
                and tok.head.dep_ == "compound":
            # "Ganlong, whose Mexican unit Sonorita lost ...": the role the parser made a modifier of the name
            out += self._map(tok.head.head.head.head, by_token, items, cost, depth + 1)
        else:
            # "a brand of fabric softener made by X": the kind of a kind of product stands for it; so does
            # the kind of a group of products ("a family of missiles developed by X")
            # (and "a brand name of fabric softener")
            if tok.dep_ == "pobj" and tok.is_lower and tok.pos_ == "NOUN" and tok.head.lower_ == "of" \
                    and tok.head.head.is_lower and (tok.head.head.lemma_.lower() in self.product_nouns or brand_name(
                        tok.head.head, self.onto.words("relations", "brand_nouns"),
                        self.onto.words("relations", "trade_name_nouns")) or (
                        tok.head.head.lemma_.lower() in self.product_groups
                        and tok.lemma_.lower() in self.product_nouns)):
                out += self._map(tok.head.head, by_token, items, cost + 0.05, depth + 1)
            # "a product offered by X": the attribute of a copula stands for its subject
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                for c in tok.head.children:
                    # (csubj: a title ending in "Rising"; a name opening with a preposition the parser made
                    # the copula's: "Beyond Dark Waters is a game")
                    if c.dep_ in {"nsubj", "nsubjpass", "csubj"} or (c.dep_ == "prep" and c.i == c.sent.start
                                                                      and c.i in by_token):
                        out += self._map(c, by_token, items, cost + 0.1, depth + 1)
            for c in tok.children:
                if c.dep_ == "appos" and apposed_to_previous(c) is None \
                        and not self._continues_place_list(c, by_token, items):
                    out += self._map(c, by_token, items, cost + 0.05, depth + 1)
                # "the chief executive of Orlan Bank, Jane Doe, lives in Paris": a person the parser apposed to
                # the organisation or place after "of" (whose apposition is no person) is the noun's
                if c.dep_ == "prep" and c.lower_ == "of" and tok.is_lower and tok.pos_ == "NOUN":
                    out += [(by_token[a.i], cost + 0.05, a.i) for g in c.children if g.dep_ == "pobj"
                            and g.i in by_token and items[by_token[g.i]]["cls"] != "Person"
                            for a in g.children if a.dep_ == "appos" and a.i in by_token
                            and items[by_token[a.i]]["cls"] == "Person" and items[by_token[a.i]]["via"] != "coref"]
                # "the drug, called VX-210,": the name it is called stands for it
                if c.dep_ == "acl" and c.lemma_.lower() in NAMING_VERBS and c.tag_ == "VBN":
                    for g in c.children:
                        if g.dep_ == "oprd" and g.i in by_token:
                            out.append((by_token[g.i], cost + 0.05, g.i))
            if not out and tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.firm_kinds:
                # ("40% of the venture, Samhan Compute,": a kind of firm stands for the name after its comma,
                # which the parser hung elsewhere)
                k = self._named_after_comma(tok, by_token, items)
                if k is not None:
                    out.append((by_token[k], cost + 0.05, k))
            named_by_appos = bool(out)
            # "three drivers led by Chinedu Okafor", "a group of retailers led by Hollis & Brook": who
            # leads a group acts for it
            for n in [tok] + [g for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                              for g in p.children if g.dep_ == "pobj" and g.i not in by_token]:
                for c in n.children:
                    if c.dep_ == "acl" and c.lemma_ == "lead" and c.tag_ == "VBN":
                        for g in by_agents(c):
                            out += self._map(g, by_token, items, cost + 0.1, depth + 1)
            # "Kestrel Security, a Tel Aviv-based startup": the appositive stands for its head
            # ("Flixburn and Vidra, the service run by X": not the word the parser apposed it to further back)
            # (a list it is apposed to is read whole: "X and Y, the two largest wallets")
            elsewhere = apposed_elsewhere(tok)
            if tok.dep_ == "appos" and tok.head.i in by_token and (elsewhere is None or elsewhere.i not in by_token):
                out.append((by_token[tok.head.i], cost + 0.05, tok.head.i))
            previous = apposed_to_previous(tok)
            # "a round in Quillbox, the Nairobi-based payments firm": (the parser hung "firm" on "round")
            if previous is not None and previous.i in by_token:
                out.append((by_token[previous.i], cost + 0.1, items[by_token[previous.i]]["start"]))
            # "Seoul-based battery maker Hanil Cell": a description right before a name, which it
            # modifies, stands for the name
            if tok.dep_ == "compound" and tok.is_lower and tok.pos_ == "NOUN" and tok.head.i in by_token:
                named = items[by_token[tok.head.i]]
                if named["start"] > tok.i and all(t.is_lower and t.pos_ == "NOUN" for t in tok.doc[tok.i + 1:named["start"]]):
                    out.append((by_token[tok.head.i], cost + 0.05, named["start"]))
            # "ships packs to Dutch bus builder Veldhuis Mobility": a firm's description right before its
            # name, where the parser made the description the head and hung the name elsewhere
            if not out and tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.titling_nouns \
                    and tok.i + 1 in by_token:
                named = items[by_token[tok.i + 1]]
                root = self._root_of(tok.doc, named)
                # (or on the description as its object: "sues insurtech/dobj Ventoquero/dobj")
                if named["start"] == tok.i + 1 and named.get("via") != "coref" \
                        and (root.head.i != tok.i or root.dep_ == "dobj") \
                        and root.dep_ not in {"nsubj", "nsubjpass"} and not possessive(root):
                    out.append((by_token[tok.i + 1], cost + 0.05, named["start"]))
            # "the router, designed by Orbal engineers": a firm's own people (lexicon ``workforce_nouns``) who
            # made a thing stand for the firm, as the agent of one of kg:develops' verbs
            if not out and tok.is_lower and tok.lemma_.lower() in self.workforce_nouns and tok.dep_ == "pobj" \
                    and tok.head.dep_ == "agent" and tok.head.head.lemma_.lower() in self._one_word_triggers("develops"):
                out += [m for c in tok.children if c.dep_ in {"compound", "amod", "poss"}
                        for m in self._map(c, by_token, items, cost + 0.05, depth + 1)
                        if self.onto.is_a(items[m[0]]["cls"], "Organization")]
            # "the studio behind the mobile hit Frostbound": a kind of product stands for the product named
            # right after it, where the parser hung the name elsewhere
            if not out and tok.is_lower and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.product_nouns \
                    and tok.i + 1 in by_token and items[by_token[tok.i + 1]]["start"] == tok.i + 1 \
                    and items[by_token[tok.i + 1]]["cls"] == "Product" and tok.doc[tok.i + 1].head.i != tok.i:
                out.append((by_token[tok.i + 1], cost + 0.05, tok.i + 1))
            # "the developer of the farming hit Hollow Acre": a word before a kind of product that the tagger
            # took for a verb ("hit/VBD") stands for the product named right after the kind
            if not out and tok.is_lower and tok.pos_ in {"NOUN", "ADJ"} and tok.i + 2 in by_token \
                    and tok.nbor().is_lower and tok.nbor().pos_ == "VERB" and tok.nbor().lower_ in self.product_nouns \
                    and items[by_token[tok.i + 2]]["start"] == tok.i + 2 and items[by_token[tok.i + 2]]["cls"] == "Product":
                out.append((by_token[tok.i + 2], cost + 0.05, tok.i + 2))
            # "makes the Sortline picking robot": a kind of product stands for the product named before it
            # (and a group of products of a kind: "builds the Sextel family of language models"; a kind
            # written as an abbreviation too: "the Qiao Max SUV")
            abbreviated = len(tok.text) > 2 and tok.text.rstrip("s").isupper() and tok.pos_ in {"NOUN", "PROPN"}
            if not out and ((tok.is_lower and tok.pos_ == "NOUN") or abbreviated) and (
                    tok.lemma_.lower() in self.product_nouns or tok.lower_.rstrip("s") in self.product_nouns or (
                    tok.lemma_.lower() in self.product_groups
                    and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children))):
                for c in tok.children:
                    if c.dep_ in {"compound", "amod", "nmod", "nummod"} and c.i < tok.i and c.i in by_token \
                            and items[by_token[c.i]]["cls"] == "Product" and items[by_token[c.i]]["end"] <= tok.i \
                            and all(t.is_lower for t in tok.doc[items[by_token[c.i]]["end"]:tok.i]):
                        out.append((by_token[c.i], cost + 0.05, items[by_token[c.i]]["start"]))
                # ("sells its Bruma Classic and Bruma Zero drinks": each of the names joined before it)
                out += [(n, cost + 0.05, items[n]["start"]) for n in self._joined_before(tok, by_token, items, "Product")
                        if all(m[0] != n for m in out)]
            # "Millennium bcp": the tagger left part of the name outside the entity
            for c in tok.children:
                if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in by_token and tok.is_lower \
                        and not tok.is_stop and tok.pos_ == "PROPN":
                    out.append((by_token[c.i], cost + 0.1, c.i))
            # "the city of Malmo", "the region of Tuscany": the place named after "of"
            place = self._place_named_of(tok, by_token, items)
            if place is not None:
                out.append((by_token[place.i], cost + 0.05, place.i))
            # "operates in 140 Brazilian cities": places of a kind named by their country's demonym;
            # "a factory in Rayong province": the place named before the place noun
            elif tok.is_lower and tok.lemma_.lower() in self.place_nouns:
                out += [(by_token[c.i], cost + 0.1, c.i) for c in tok.children
                        if c.dep_ == "amod" and c.i in by_token and items[by_token[c.i]]["via"] == "demonym"]
                out += [(by_token[c.i], cost + 0.05, c.i) for c in tok.children
                        if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in by_token
                        and items[by_token[c.i]]["via"] != "demonym"
                        and self.onto.is_a(items[by_token[c.i]]["cls"], "Location")]
                # ("clinics across Aichi and Gifu prefectures": the names joined before the plural)
                out += [(by_token[x.i], cost + 0.05, x.i) for c in tok.children
                        if tok.tag_ == "NNS" and c.dep_ == "nmod" and c.pos_ == "PROPN" for x in coordinated(c)
                        if x.i in by_token and items[by_token[x.i]]["via"] != "demonym"
                        and self.onto.is_a(items[by_token[x.i]]["cls"], "Location")]
            # "larger groups such as Voltrion and SXMicrosystems", "40 countries, including Japan"
            for g in self._listed(tok):
                out += self._map(g, by_token, items, cost + 0.1, depth + 1)
            # ("available in France and 20 other countries in Europe", "in six countries, among them Peru")
            out += [(by_token[x.i], cost + 0.1, x.i) for x in self._counted_places(tok, by_token, items)]
            lemma = tok.lemma_.lower()
            # "Both companies operate in ...", "the two companies signed": the last two named
            if tok.tag_ in {"NNS", "NNPS"} and lemma in self.org_plurals and any(
                    c.lower_ in {"both", "two"} for c in tok.children if c.dep_ in {"det", "predet", "nummod", "amod"}):
                out += [(n, cost + 0.2, items[n]["start"]) for n in self._last_two_named(tok, items, bodies=False)]
            elif tok.lower_ == "both" and tok.dep_ in {"nsubj", "nsubjpass"} and not any(tok.children):
                # "The first firms are X and Y. Both pay KTN a fee": the pronoun alone, for two
                # organisations listed together (not two named apart, nor two products named since)
                two = self._last_two_named(tok, items)
                # listed together in one sentence ("X and Y", "X, a Kumasi-based startup, and Y", "Norway's X
                # and Poland's Y"), the second no subject of a clause of its own (not "fined X and Y, and Z said")
                between = tok.doc[items[two[1]]["end"]:items[two[0]]["start"]] if two else []
                roots = [self._root_of(tok.doc, items[n]) for n in two]
                if two and len(between) <= 12 and any(t.lower_ == "and" for t in between) \
                        and roots[0].sent.start == roots[1].sent.start \
                        and not (roots[0].dep_ in {"nsubj", "nsubjpass"} and roots[0].head.i != roots[1].head.i) \
                        and not any(it["via"] in {"", "gazetteer"} and it["cls"] == "Product"
                                    and items[two[0]]["end"] <= it["start"] < tok.i for it in items):
                    out += [(n, cost + 0.2, items[n]["start"]) for n in two]
            # "its Tixbay unit", "the Corvexa subsidiary": an organisation named by its role
            # (but a firm before a unit's noun with no owner of its own is the owner, not the unit: "Kelvor unit
            # Tessa sued", "Kelvor unit sues"; the unit is the name apposed or none)
            owner_first = lemma in self.unit_nouns and (named_by_appos or not any(
                c.dep_ == "poss" for c in tok.children))
            if lemma in self.org_role_nouns and not owner_first:
                for c in tok.children:
                    # (not "a Salt Lake City company": a place before it says where the company is)
                    if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in by_token \
                            and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization"):
                        out.append((by_token[c.i], cost + 0.1, c.i))
                # (or right before a role of two words, read off the surface: "Istanbul's EDAM think tank")
                k = tok.i - 2
                if k >= 0 and tok.doc[k + 1].is_lower and f"{tok.doc[k + 1].lower_} {tok.lower_}" in self.org_role_phrases \
                        and k in by_token and items[by_token[k]]["end"] == k + 1 and items[by_token[k]]["via"] != "coref" \
                        and self.onto.is_a(items[by_token[k]]["cls"], "Organization"):
                    out.append((by_token[k], cost + 0.1, items[by_token[k]]["start"]))
                # "owns the Orsoli and Calvi Rossa fashion houses": each of the names joined before a plural
                out += [(n, cost + 0.1, items[n]["start"]) for n in self._joined_before(tok, by_token, items, "Organization")]
            # "Canadian grain companies Aspen Ridge and Red River": the names, not the country
            named = tok.i + 1 in by_token and items[by_token[tok.i + 1]]["start"] == tok.i + 1
            if named and not named_by_appos and tok.is_lower and tok.pos_ == "NOUN" and lemma in self.body_nouns \
                    and tok.doc[tok.i + 1].head.i != tok.i:
                # "partners with Moroccan marketplace Souqly", the parser hanging the name elsewhere: the
                # description right before a name stands for it (when the name fits the description)
                nxt = items[by_token[tok.i + 1]]
                if nxt["via"] in {"", "gazetteer"} and self.onto.is_a(nxt["cls"], "Organization"):
                    out.append((by_token[tok.i + 1], cost + 0.1, tok.i + 1))
            # ("Lithuania's parliament, the Seimas": the body the apposition names, not the country)
            # (nor a description apposed to a name: "Sarvana Auto, an Indian contract manufacturer")
            forces = lemma in self.forces_nouns
            if (lemma in self.group_nouns or tok.lower_ in self.group_nouns or forces) and not named \
                    and not named_by_appos and not (tok.dep_ == "appos" and tok.head.i in by_token):
                for c in tok.children:
                    # "Chinese users", "users in Japan" stand for the country (not for a city)
                    if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i in by_token:
                        it = items[by_token[c.i]]
                        if self.onto.is_a(it["cls"], "Country"):
                            out.append((by_token[c.i], cost + 0.15, c.i))
                    if c.dep_ == "prep" and c.lower_ in ({"of"} if forces else {"in", "of", "from"}):
                        # ("the coast guards of Indonesia and Vietnam": each country listed)
                        for g in (x for p in c.children if p.dep_ == "pobj"
                                  for x in (coordinated(p) if c.lower_ == "of" else [p])):
                            if g.i in by_token:
                                it = items[by_token[g.i]]
                                if self.onto.is_a(it["cls"], "Country"):
                                    out.append((by_token[g.i], cost + 0.2, g.i))
            elif tok.pos_ == "NOUN" and lemma not in self.owned_works:
                # "Orbinet satellite-internet kits", "the Nebra phone line": a common noun
                # named by a product in front of it stands for the product (not a works named by what it
                # makes: "a stake in the iPhone plant" is none in the iPhone)
                for c in tok.subtree:
                    # (a product code the tagger took for a number: "the Tern-7/nummod drone")
                    if c.i < tok.i and c.dep_ in {"compound", "nmod", "nummod"} and c.i in by_token:
                        it = items[by_token[c.i]]
                        if it["cls"] == "Product":  # (the noun holds the name's place in the clause)
                            out.append((by_token[c.i], cost + (0.1 if lemma in self.product_heads else 0.15), tok.i))
                            break
        if conj:
            # a list hangs off the name's head word ("Aspen Ridge Grain and Red River Oilseeds": off
            # "Grain"), whichever word of the name the caller holds
            base = tok
            if tok.i in by_token:
                it = items[by_token[tok.i]]
                base = self._root_of(tok.doc, it)
            # (or off the name's legal form the parser made its conjunct: "Brisk Airlines, Inc. and Kelvor Air, Inc.")
            inner = [g for t in base.children if t.dep_ == "conj" and by_token.get(t.i, -1) == by_token.get(tok.i, -2)
                     for g in t.children]
            for c in list(base.children) + inner:
                if c.dep_ == "conj" and not self._subject_of_next_clause(c):  # (not "and Kelvor Motors sold")
                    if self._region_written_after(base, c, by_token, items):
                        # "plants in Kumamoto, Japan, and Dresden": the country the city is in, which the
                        # parser made the next item; the list goes on after it
                        out += [m for g in c.children if g.dep_ == "conj"
                                for m in self._map(g, by_token, items, cost, depth)]
                        continue
                    # (a list is a chain of conjuncts, each hung on the one before: the next item of the
                    # list, outside this name, is no level deeper, however long the list)
                    ahead = c.i > base.i and by_token.get(c.i, -1) != by_token.get(base.i, -2)
                    out += self._map(c, by_token, items, cost, depth if ahead else depth + 1)
            out += [m for c in (self._listed_after_clause(base, by_token, items) if past_clause else [])
                    for m in self._map(c, by_token, items, cost, depth + 1)]
            # "Kelvor, owned by Orlan, and Tessa compete with X": the name listed before the subject
            out += [m for c in [subject_listed_before(base)] if c is not None and c.i in by_token
                    for m in self._map(c, by_token, items, cost + 0.05, depth + 1, conj=False)]
            # "competes with X, the market leader, and with Y": the preposition written again for the next item
            out += [m for c in repeated_preposition(base) for m in self._map(c, by_token, items, cost, depth)]
            if tok.i in by_token and self.onto.is_a(items[by_token[tok.i]]["cls"], "Organization"):
                # "ORBYE of Finland and Vesper Space": the parser joins the next name to the place after
                # "of"; a name there that is no place continues the list of organisations
                for g in (g for p in base.children if p.dep_ == "prep" and p.lower_ == "of"
                          for g in p.children if g.dep_ == "pobj" and self._is_place(g.i, by_token, items)):
                    out += [m for c in g.conjuncts if c.i > g.i and c.i in by_token
                            and self.onto.is_a(items[by_token[c.i]]["cls"], "Organization")
                            for m in self._map(c, by_token, items, cost, depth + 1)]
            if tok.i in by_token:
                # "Sonara Electronics and Kaito Displays" parsed as one noun phrase: the first name
                # hangs on the second's head word, and the second's first word is its conjunct (or the
                # kind before it: "Deutsche Bahn and chemicals maker KVAS")
                it = items[by_token[tok.i]]
                first = it["start"]  # (and the lower-case description right before the name)
                while first > 0 and it["start"] - first < 3 and tok.doc[first - 1].is_lower \
                        and tok.doc[first - 1].is_alpha and tok.doc[first - 1].lower_ not in {"and", "or"}:
                    first -= 1
                for t in tok.doc[first:it["end"]]:
                    for c in t.lefts:
                        # ("Westmark Atlantic and Ireland's Strategic Investment Fund": the first name made
                        # the owner of the second, the second's owner its conjunct)
                        if c.dep_ == "poss" and c.i in by_token and by_token[c.i] != by_token[tok.i] and any(
                                g.dep_ == "conj" and g.i < it["start"] and g.i + 1 < len(tok.doc)
                                and tok.doc[g.i + 1].tag_ == "POS" and g.i in by_token
                                and self._is_place(g.i, by_token, items) for g in c.children):
                            out += self._map(c, by_token, items, cost, depth + 1, conj=False)
                            continue
                        if c.dep_ in {"nmod", "compound"} and c.i in by_token and by_token[c.i] != by_token[tok.i] \
                                and (any(g.dep_ == "conj" and (it["start"] <= g.i < it["end"] or (
                                    g.i < it["start"] and g.i not in by_token
                                    and any(x.dep_ == "cc" for x in c.children))
                                    # ("from Kelvor and Mexico's Orlan": the second's owner the first's conjunct)
                                    or self._owner_written_before(tok.doc, g, it["start"], by_token, items))
                                    for g in c.children)
                                     # ("to Pomelle and Joonsan Electronics": "Pomelle" a modifier with "and";
                                     # also before a description: "Saga Marine and Qatari shipper Al Dafna")
                                     or (any(x.dep_ == "cc" for x in c.children)
                                         and self._and_then_described(tok.doc, items[by_token[c.i]]["end"],
                                                                      it["start"], by_token, items))):
                            out += self._map(c, by_token, items, cost, depth + 1, conj=False)
        return out
