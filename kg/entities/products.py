"""What makes a name a product: the kind of thing after or before it, who made, sold or named it.

"the puzzle game Tidewater", "HelioGrid makes the Tessera", "its scanner, called Talon",
"Zellio Shopping, which is run by QM Corp", "whose KeyGate software"; and the names of an
owner's sites, which are places, not products ("its Tangier plant"); and names the model missed that a
sentence defines as a product someone made ("Quasar is an arcade shooter developed by Velmont"). A
mixin of :class:`~kg.entities.classes.Classes`.
"""

from __future__ import annotations

from typing import Any

from spacy.attrs import DEP
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from ..names import canonical_name
from ..syntax import participle as _participle
from ..syntax import (COPULAS, MAKING_VERBS, NAMING_VERBS, apposed_elsewhere, apposed_to_previous, brand_name,
                      contact_clause, included_by, owned_kinds)
from .context import PLACE_LABELS as _PLACE_LABELS
from .context import listed_under as _listed_under
from .possessed import (kind_after, kind_apposed_after, kind_apposed_before, kind_taken_for_a_verb, owned_kind,
                        owner_before)
from .units import listed_with_firms

__all__ = ["Products"]

#: the dependency labels of the subjects _defined_products reads (string hashes, as ``Doc.to_array(DEP)`` holds)
_SUBJECT_DEPS = frozenset(get_string_id(d) for d in ("nsubj", "csubj"))


class Products:
    """Mixin of :class:`~kg.entities.classes.Classes`: the product readings of a name."""

    def _defined_products(self, doc: Doc, taken: list[bool], claim: Any) -> None:
        """Names the model missed that a sentence defines as a kind of product someone made: "Quasar
        is an arcade shooter developed by Velmont", "Blockfall is a puzzle game created by Oleg Vastrin"
        (the subject of "is", a proper noun with its proper-noun modifiers)."""
        subjects = _SUBJECT_DEPS
        for tok in [doc[i] for i, h in enumerate(doc.to_array(DEP).tolist()) if h in subjects]:  # (of the subjects
            # only: no Token per token) (a title's last word the tagger took for a participle or a common noun:
            # "Crimson Tide Rising/VBG is a strategy game developed by X"; capitalised, after a proper noun of the name)
            if tok.dep_ not in {"nsubj", "csubj"} or tok.head.lemma_ != "be" or taken[tok.i] or not (
                    (tok.tag_ in {"NNP", "NNPS"} and tok.dep_ == "nsubj")
                    or (tok.text[:1].isupper() and tok.i > tok.sent.start and any(
                        c.dep_ == "compound" and c.i == tok.i - 1 and c.tag_ in {"NNP", "NNPS"}
                        for c in tok.children))):
                continue
            kind = next((c for c in tok.head.children if c.dep_ == "attr"), None)
            if kind is None or not kind.is_lower or kind.lemma_.lower() not in self.product_nouns \
                    or not _indefinite(kind) \
                    or not any(c.dep_ == "acl" and c.tag_ in {"VBN", "VBD"} and c.lemma_.lower() in MAKING_VERBS
                               and any(g.dep_ == "agent" for v in [c, *(x for x in c.children if x.dep_ == "conj")]
                                       for g in v.children) for c in kind.children):
                continue
            start = tok.i
            while start > 0 and doc[start - 1].dep_ == "compound" and start <= doc[start - 1].head.i <= tok.i \
                    and doc[start - 1].tag_ in {"NNP", "NNPS", "CD"} and not taken[start - 1]:
                start -= 1
            span = doc[start:tok.i + 1]
            if not self._is_noise(span.text):
                claim(span, canonical_name(span.text), "Product")

    def _product_by_its_head(self, doc: Doc, it: dict[str, Any]) -> bool:
        """A Product only by its name's last word ("Pellara Cloud"; the NER said no product)."""
        return it["cls"] == "Product" and doc[it["start"]].ent_type_ != "PRODUCT" and " " in it["name"] \
            and it["name"].split()[-1].lower() in self.product_heads

    def _named_product(self, doc: Doc, it: dict[str, Any]) -> bool:
        """The name is a kind of product's, whatever organisation the sentence also relates it to:
        right after the kind ("the maker of the puzzle game Tidewater"), or before it with an owner
        ("Veltro's Bastion platform", "its Bison pickup"; "platform" alone names companies too)."""
        root = self._root_of(doc, it)
        if self._sold_under(root):
            return True
        if any(c.dep_ == "compound" and c.i == it["start"] - 1 and c.lemma_.lower() in self.product_nouns
               and c.is_lower for c in root.children) and not self._business_kind_before(doc, it):
            return True
        head = root.head
        if root.dep_ == "compound" and head.i == it["end"] and head.is_lower \
                and head.lemma_.lower() in self.product_nouns and any(c.dep_ == "poss" for c in head.children):
            return True
        if kind_taken_for_a_verb(doc, it["start"], self.product_nouns, self.onto):
            return True
        # "its other brand, Toddla", "Shomer Guard, its software for spotting fraud": a name apposed to an
        # owner's kind of product (possessed.py; "brand", "network" or "platform" alone names firms too)
        if kind_apposed_before(doc, it["start"], it["end"], self._kind_of_product, self.onto) is not None or any(
                owned_kind(k, self.onto) for k in self._apposed_kinds(doc, it)):
            return True
        # "Bazarro Handmade, a service Bazarro runs", "Guaraní Net operates Red Yvy, an ATM network": what a
        # named organisation runs or makes, whatever the description also fits
        return self._run_by(it, root)

    def _sold_under(self, root: Token) -> bool:
        """"builds cars under the Nova, Pico and Strada names", "sells cheese under the Badger Valley label":
        a name of the name or brand one makes or sells under (the list's first name the noun's modifier),
        though a label or brand is what firms are called too."""
        first = root
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        noun = first.head
        kinds = self.trade_name_nouns | self.brand_nouns
        # ("under the Vela Grand, Corsa and Marlin names": the parser made the first name the object and
        # the noun its apposition or conjunct)
        if first.dep_ == "pobj" and first.head.lower_ == "under":
            return any(c.dep_ in {"appos", "conj"} and c.lemma_.lower() in kinds for c in first.children)
        under = noun.head if noun.dep_ in {"appos", "conj"} and noun.head.dep_ == "pobj" else noun
        return first.dep_ in {"compound", "nmod"} and noun.i > first.i and under.dep_ == "pobj" \
            and under.head.lower_ == "under" and noun.lemma_.lower() in kinds

    def _run_by(self, it: dict[str, Any], root: Token) -> bool:
        """"Zellio Shopping, which is run by QM Corp", "the Vantra EV sold by Rajan Motors", "Gossamer,
        developed by Estonian company Tallinex": what a named organisation runs, sells or offers
        (lexicon offering_verbs) or makes, passive with the organisation as agent; or what one runs,
        operates or hosts, said actively."""
        head = root.head
        offered = self.offering_verbs | self.making_verbs
        # (not a place a noun before it is in, where the parser hung the clause on the place: "the Finnish
        # supercomputer in Kajaani, which is run by Eurocompute")
        placed = root.dep_ == "pobj" and root.head.lower_ in {"in", "near", "at"} and root.ent_type_ in _PLACE_LABELS
        clauses = [c for c in root.children if c.lemma_.lower() in offered and (
            (c.dep_ == "acl" and _participle(c))
            or (c.dep_ == "relcl" and not placed and any(g.dep_ == "nsubjpass" and g.lower_ in {"which", "that"}
                                                         for g in c.children)))]
        # ("Chirrup, a short-video app run by Lumora": the clause on the kind in apposition)
        clauses += [c for n in root.children if n.dep_ == "appos" and n.is_lower and self._kind_of_product(n)
                    for c in n.children if c.dep_ == "acl" and _participle(c) and c.lemma_.lower() in offered]
        if root.dep_ == "nsubjpass" and head.lemma_.lower() in offered and head.tag_ == "VBN":
            clauses.append(head)
        # "Cinequay Media, the company that runs Reelstar": what an organisation runs, operates or hosts
        if root.dep_ == "dobj" and head.lemma_.lower() in {"run", "operate", "host"} and head.pos_ == "VERB":
            for g in (g for g in head.children if g.dep_ == "nsubj"):
                if g.lower_ in {"that", "which"} and head.dep_ == "relcl":
                    g = head.head  # the noun the clause is on
                org = self._org_at.get(g.i)
                if (org is not None and org is not it) or (g.is_lower and g.lemma_.lower() in self.org_nouns
                                                            and g.lemma_.lower() not in self.product_nouns):
                    return True
        # "Skyvelt, which Korvant sells online": what a named organisation sells or makes, said actively in a
        # relative clause on the name
        if any(c.dep_ == "relcl" and c.lemma_.lower() in offered and not placed
               and any(g.dep_ == "dobj" and g.lower_ in {"which", "that"} for g in c.children)
               and any(self._org_at.get(g.i) not in (None, it) for g in c.children if g.dep_ == "nsubj")
               for c in root.children):
            return True
        for c in clauses:
            if any(p.dep_ == "prep" and p.lower_ == "into" for p in c.children):
                continue  # ("built by Harbor into a regional lender": what it became)
            agents = (self._org_at.get(g.i) or self._org_after_place(g) for a in c.children if a.dep_ == "agent"
                      for g in a.children if g.dep_ == "pobj")
            if any(org is not None and org is not it for org in agents):
                return True
        return self._run_by_on_the_surface(it, root.doc)

    def _run_by_on_the_surface(self, it: dict[str, Any], doc: Doc) -> bool:
        """"Rival Falavo, developed by Recife startup Ilhota Apps,", "Jelvo, a similar app run by Berlin's
        transport operator Tramvia": the same read off the surface, where the parser lost the agent (hung
        it on a place, or the participle on a noun): a comma, the participle (after a description of a
        kind of product, if any), "by", then an organisation before the clause ends."""
        end = it["end"]
        # ("Tamsa, the app it runs", "Velta Pay, a service Orlan Digital runs": a relative clause with no pronoun)
        if (runner := self._contact_clause(doc, end)) is not None and self._org_at.get(runner[0]) is not it:
            return True
        if end + 2 >= len(doc) or doc[end].text != ",":
            return False
        offered = self.offering_verbs | self.making_verbs
        k = next((k for k in range(end + 1, min(len(doc) - 1, end + 7))
                  if doc[k + 1].lower_ == "by" and doc[k].lemma_.lower() in offered), None)
        if k is None:
            return False
        between = doc[end + 1:k]
        if not all(t.is_lower for t in between) or (len(between) and not any(self._kind_of_product(t) for t in between)):
            return False
        clause = []
        for t in doc[k + 2:min(len(doc), k + 10)]:
            if t.text in {",", ".", ";", "—"}:
                break
            clause.append(t)
        if any(t.lower_ == "into" for t in clause):
            return False  # ("built by Harbor into a regional lender": what it became)
        return any((org := self._org_at.get(t.i)) is not None and org is not it for t in clause)

    def _contact_clause(self, doc: Doc, end: int) -> tuple[int, int, Token] | None:
        """Who runs, sells or makes the kind of product written after the comma at ``end`` in a relative
        clause with no pronoun (:func:`~kg.syntax.contact_clause`: ", the app it runs")."""
        names = {o["start"]: o["end"] for o in self._org_at.values()}
        return contact_clause(doc, end, self._kind_of_product, self.offering_verbs | self.making_verbs, names)

    def _runs_the_kind_before(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Whether the name is who runs or makes the kind of product before it (", a service Orlan Digital
        runs"): the parser apposes the name to the kind, but it is the firm, not the product."""
        return any((c := self._contact_clause(doc, k)) is not None and c[0] == it["start"]
                   for k in range(max(0, it["start"] - 8), it["start"] - 2) if doc[k].text == ",")

    def _org_after_place(self, tok: Token) -> dict[str, Any] | None:
        """"developed by Halden startup Orlan Apps": the organisation named after a place's name (``tok``,
        its last word) and lower-case words that end in an organisation's role noun, where the parser
        ended the phrase at the place; else None."""
        doc = tok.doc
        if tok.ent_type_ not in _PLACE_LABELS or tok.ent_iob_ == "" or (tok.i + 1 < len(doc)
                                                                        and doc[tok.i + 1].ent_type_ == tok.ent_type_
                                                                        and doc[tok.i + 1].ent_iob_ == "I"):
            return None
        k = tok.i + 1
        while k < len(doc) and k - tok.i <= 3 and doc[k].is_lower and doc[k].is_alpha:
            k += 1
        org = self._org_at.get(k) if k > tok.i + 1 and doc[k - 1].lower_ in self.org_nouns else None
        return org if org is not None and org["start"] == k else None

    def _maker_before_plural(self, root: Token, kind: Token) -> bool:
        """Whether a name before a plural kind of product is who makes or sells them ("Qingyun cars",
        "older Obsidia tools", "Belluce stores"), not their name: no owner, count or product model
        says otherwise ("Joonsan's Nebra phones", "84,000 Tessaro vehicles", "Sextant models"), and no
        other name shares the kind ("the Zloty and Krowka brands")."""
        return kind.tag_ == "NNS" and kind.lemma_.lower() not in self.model_words and not root.conjuncts \
            and kind.dep_ != "conj" and not any(c.dep_ in {"poss", "nummod"} for c in kind.children)

    def _products_role(self, noun: Token, items: list[dict[str, Any]]) -> bool:
        """Whether ``noun`` is the role of one who makes or sells what it is "of" (the maker, the
        publisher), not a person's job ("Ana Ruiz was named publisher of the Harwick Gazette")."""
        return noun.lemma_.lower() in self.product_roles and not (
            noun.lower_ in self.person_words and self._said_of_person(noun, items))

    @staticmethod
    def _said_of_person(noun: Token, items: list[dict[str, Any]]) -> bool:
        """Whether a role noun is said of a person: apposed to one ("Dana Holt, publisher of"), the
        complement of one ("named Dana Holt publisher of") or the attribute of one ("she is the")."""
        head = noun.head
        if noun.dep_ == "appos":
            anchors = [head]
        elif noun.dep_ == "oprd":  # "named Dana Holt publisher", "Ana Ruiz was named publisher"
            anchors = [c for c in head.children if c.dep_ in {"dobj", "nsubjpass"}]
        elif noun.dep_ == "attr":
            anchors = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
        else:
            return False
        return any(it["cls"] == "Person" and it["start"] <= a.i < it["end"] for a in anchors for it in items)

    def _trade(self, noun: Token) -> bool:
        """Whether a kind of product, with the word before it, is a trade ("payment processor")."""
        return noun.i > 0 and f"{noun.doc[noun.i - 1].lower_} {noun.lower_}" in self.trade_phrases

    def _kind_of_product(self, noun: Token) -> bool:
        """A noun for a kind of product; one that also describes people ("candidate", "nominee") only
        with a product noun before it ("a vaccine candidate", not "presidential candidate"); not a trade
        ("a payment processor")."""
        lemma = noun.lemma_.lower()
        if noun.i > 0 and f"{noun.doc[noun.i - 1].lower_} {noun.lower_}" in self.product_phrases:
            return True  # "an email client" (lexicon product_phrases)
        if lemma not in self.product_nouns or self._trade(noun):
            return False
        if lemma in self.people_or_products and (
                any(c.dep_ == "prep" and c.lower_ in {"at", "to"} for c in noun.children)
                or (noun.i > 0 and noun.doc[noun.i - 1].lower_ in self.job_fields)):
            return False  # ("Dana Whitcombe, an assistant at Orlan Bank", "a research assistant": a person's job)
        return lemma not in self.person_titles or any(
            c.dep_ in {"compound", "amod"} and c.lemma_.lower() in self.product_nouns
            and c.lemma_.lower() not in self.person_titles for c in noun.children)

    def _defines_product(self, attr: Token) -> bool:
        """Whether a copula's attribute alone makes its subject a product: "a role-playing game for the
        Plexo", "a compact SUV", "a brand of detergent" (a kind no firm or person is called as well,
        lexicon shared_kinds; after "a"; or the kind a group or brand is "of")."""
        if not _indefinite(attr) or attr.head.tag_ not in {"VBZ", "VBP", "VBD"}:
            return False
        kinds = [attr]
        if attr.lemma_.lower() in self.product_groups | self.brand_nouns \
                or brand_name(attr, self.brand_nouns, self.trade_name_nouns):
            kinds += [g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of"
                      for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN" and g.is_lower]
        return any(k.lemma_.lower() in self.defining_kinds and self._kind_of_product(k) for k in kinds)

    def _copula_defines_product(self, root: Token) -> bool:
        """Whether the copula ``root`` is the subject of defines it as a product ("Quasar is an arcade
        shooter developed by Velmont", "a brand of fabric softener made by K&M", "a compact SUV")."""
        head = root.head
        # ("Beyond Dark Waters is a game developed by X": the parser made the name's first word, a
        # preposition opening the sentence, the copula's, and the copula has no subject)
        opening = root.dep_ == "prep" and root.i == root.sent.start and not any(
            c.dep_ in {"nsubj", "expl", "csubj"} for c in head.children)
        if (root.dep_ != "nsubj" and not opening) or head.lemma_ != "be":
            return False
        for a in head.children:
            if a.dep_ != "attr" or not (a.is_lower or (a.is_upper and a.lower_ in self.product_nouns)):
                continue
            if self._defines_product(a):
                return True
            kinds = [a] + ([g for p in a.children if p.dep_ == "prep" and p.lower_ == "of"
                            for g in p.children if g.dep_ == "pobj" and g.pos_ == "NOUN"]
                           if a.lemma_.lower() in self.product_nouns | self.product_groups
                           or brand_name(a, self.brand_nouns, self.trade_name_nouns) else [])
            for k, c in ((k, c) for k in kinds for c in k.children):
                if c.dep_ != "acl" or c.tag_ not in {"VBN", "VBD"} or (
                        c.lemma_.lower() not in self.product_verbs and c.lemma_.lower() not in MAKING_VERBS):
                    continue
                if a.lemma_.lower() in self.product_nouns or (
                        k.is_lower and k.lemma_.lower() in self.product_nouns):
                    return True
                if k is a and c.lemma_.lower() in self.making_verbs and any(
                        g.dep_ == "agent" for v in [c, *c.conjuncts] for g in v.children) \
                        and a.lemma_.lower() not in self.org_nouns and a.lemma_.lower() not in self.place_nouns:
                    return True
        return False

    def _name_for_a_product(self, noun: Token) -> bool:
        """Whether ``noun`` is a name given "for" a kind of product or a group of one: "the codename ... for
        a processor microarchitecture", "the name ... for its line of server chips" (lexicon codename_nouns)."""
        if noun.lemma_.lower() not in self.codename_nouns or not noun.is_lower:
            return False
        kinds = [g for v in [noun, *(c for c in noun.children if c.dep_ in {"acl", "relcl"})] for p in v.children
                 if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
        kinds += [g for k in kinds if k.lemma_.lower() in self.product_groups for p in k.children
                  if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        return any(k.is_lower and k.lemma_.lower() in self.product_nouns for k in kinds)

    def _written_kind(self, noun: Token) -> bool:
        """A kind of product or a group of them after or before a name, read off the words (possessed.py): a
        lower-case kind (``_kind_of_product``) or group ("its older Flint line"), or a kind written in
        capitals ("Yuantu's Pavo Plus hybrid SUV", lexicon capital_kinds)."""
        return noun.text in self.capital_kinds or (noun.is_lower and (
            self._kind_of_product(noun) or noun.lemma_.lower() in self.product_groups))

    def _apposed_kinds(self, doc: Doc, it: dict[str, Any]) -> list[Token]:
        """The kinds of product apposed to the mention ``it`` ("Quello, a messaging app"): on its head
        word, or after its comma where the parser hung the apposition on a word before the name or on the
        verb ("is best known for creating Emberfall, a survival game/npadvmod released in 2015,"); not a
        description the parser apposed to it from after a later name ("X is up against Y and Z, the
        service run by W" is Z's)."""
        root = self._root_of(doc, it)

        def apposed_here(noun: Token) -> bool:
            elsewhere = apposed_elsewhere(noun)
            return elsewhere is None or it["start"] <= elsewhere.i < it["end"]

        kinds = [c for c in root.children if c.dep_ == "appos" and self._kind_of_product(c) and apposed_here(c)]
        end = it["end"]
        if end + 2 < len(doc) and doc[end].text == ",":
            after = doc[end + 1:min(len(doc), end + 6)]
            kinds += [t for t in after if t.dep_ == "appos" and t.head.i < it["start"] and self._kind_of_product(t)
                      and apposed_here(t)]
            kinds += [t for t in after if t.dep_ in {"npadvmod", "dobj"} and self._kind_of_product(t)
                      and (p := apposed_to_previous(t)) is not None and it["start"] <= p.i < it["end"]]
            # (or read off the words, where the parser made another attribute or object of it: "had become
            # customers of Shomer Guard, its/attr software for spotting fraud", possessed.py)
            if (kind := kind_apposed_after(doc, end, self._kind_of_product, self.onto)) is not None and kind not in kinds \
                    and apposed_here(kind):
                kinds.append(kind)
        return kinds

    def _product_context(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]]) -> bool:
        if self._runs_the_kind_before(doc, it):
            return False
        root = self._root_of(doc, it)
        head = root.head
        if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in self.product_verbs:
            return True
        if root.dep_ == "appos" and self._kind_of_product(head):
            return True
        # "Brakmor, the publisher of Shardline", "the maker of the Tessera": what a maker is of
        # (not a publisher who is a person: "Dana Holt, publisher of the Sentinel" works for it)
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.is_lower \
                and self._products_role(head.head, items):
            return True
        # "the Chinese manufacturer of the Ruifeng-480 glyphosate formulation", "the developer of the Volara
        # electric air taxi": a name before the lower-case kind a maker is of
        node = root
        # (a model's code the tagger took for punctuation: "the Ruifeng-480/punct glyphosate formulation")
        while (node.dep_ in {"compound", "nmod"} or (node.dep_ == "punct" and not node.is_punct)) \
                and node.head.i > node.i and node.head.is_lower:
            node = node.head
        if node is not root and node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.is_lower \
                and any(c.dep_ == "det" for c in node.children) and self._products_role(node.head.head, items):
            return True
        if self._apposed_kinds(doc, it) or kind_taken_for_a_verb(doc, it["start"], self.product_nouns, self.onto):
            return True
        end = it["end"]
        # (or one the tagger took for an adjective: "Malaysian super-app/JJ Kintara"; not a trade: "payment
        # processor Paxendo", lexicon trade_phrases)
        if any(c.dep_ in {"compound", "amod"} and c.i == it["start"] - 1 and c.is_lower
               and (c.lemma_.lower() in self.product_nouns or c.lower_ in self.product_nouns)
               and not self._trade(c) for c in root.children):
            return True
        # "the Q19/Quinex-M malaria vaccine": a name modifying a kind of product
        node = root
        for _ in range(3):
            if node.dep_ not in {"compound", "nmod", "amod"} or node.head.i == node.i or node.head.i < node.i:
                break
            node = node.head
            # (or a line or family of a kind: "the Nova line of smartphones"; or an owner's line, or one that
            # is made or sold: "Velo's Agrix line", "sells the Solari line")
            if (node.lemma_.lower() in self.product_nouns or (node.lemma_.lower() in self.product_groups and (any(
                    g.dep_ == "pobj" and g.lemma_.lower() in self.product_nouns for p in node.children
                    if p.dep_ == "prep" and p.lower_ == "of" for g in p.children)
                    or any(c.dep_ == "poss" for c in node.children)
                    or (node.dep_ == "dobj" and node.head.lemma_.lower() in self.product_verbs)))) and node.is_lower \
                    and node.lemma_.lower() not in self.person_titles:  # "the Labor Party candidate"
                # (not a name before a description of the name after it: "Ningbo kitchenware brand
                # Jinlan Home" says where the brand is from; nor a place describing a firm: "Ashanti
                # Grinders, a Kumasi processor")
                # (nor the maker's or seller's name before a plural kind: "Qingyun cars")
                # (nor sellers listed before their shops: "at Frenno and Felgo stores")
                return not any(o["start"] == node.i + 1 for o in items) \
                    and not (node.i == root.head.i and root.ent_type_ in _PLACE_LABELS and node.dep_ == "appos") \
                    and not self._maker_before_plural(root, node) \
                    and not (node.tag_ == "NNS" and node.lemma_.lower() in self.seller_sites)
        # "Quasar is an arcade shooter developed by Velmont": the subject of a copula whose attribute is
        # a kind of product that someone made
        # (any kind of thing that a named maker developed or made: "a streaming box developed by
        # Veltro", not an organisation or a place)
        # (the small tagger takes a participle after a noun for a past tense: "a video game developed/VBD
        # and published by Marva Digital"; the maker can be the agent of a joined participle; "a brand of
        # fabric softener made by K&M": the kind of a product's kind)
        # ("a family of guided missiles developed by Helvar": a group of a kind; "a compact SUV": a kind
        # written in capitals)
        if self._copula_defines_product(root):
            return True
        # "Pellham is the codename used by Oradyne for a processor microarchitecture", "Oradyne's code name
        # for the chip is Pellham": what a name for a kind of product names (lexicon codename_nouns)
        if root.dep_ in {"nsubj", "attr"} and head.lemma_ == "be" and any(
                a.dep_ in {"nsubj", "attr"} and a.i != root.i and self._name_for_a_product(a) for a in head.children):
            return True
        # "Velta remains available in Spain", "Brisko is now available to riders": what is available
        # somewhere or to someone (not "was not available for comment")
        if root.dep_ == "nsubj" and head.lemma_ in COPULAS and any(
                a.dep_ == "acomp" and a.lower_ == "available" and not any(
                    p.dep_ == "prep" and p.lower_ == "for" for p in a.children) for a in head.children):
            return True
        # "sells the copy under the name Clovira", "which Puna Telecom sells as Pura Sky": the name one
        # sells under (lexicon trade_name_nouns, trade_name_verbs)
        if (root.dep_ == "pobj" and head.lower_ == "as" and head.dep_ == "prep" and head.head.pos_ == "VERB"
                and head.head.lemma_.lower() in self.trade_name_verbs) or (
                root.dep_ == "appos" and head.lemma_.lower() in self.trade_name_nouns and head.dep_ == "pobj"
                and head.head.lower_ == "under"):
            return True
        # "Its products include X, the Y app and the Z and W cars": what an owner's kinds of product include
        if owned_kinds(included_by(root), self.product_nouns, self.product_groups):
            return True
        if self._sold_under(root):
            return True
        # "missiles such as Korda and Tamsa", "its apps, including Zephyr": names listed under a plural
        # kind of product
        if _listed_under(root, self.product_nouns):
            return True
        # "Zellio Shopping, which is run by QM Corp", "the Vantra EV sold by Rajan Motors": what an
        # organisation runs, sells or offers (lexicon offering_verbs), passive with the organisation as agent
        # ... or makes ("Gossamer, developed by Estonian company Tallinex", "GameVault is developed by
        # Frostlight Studios")
        if self._run_by(it, root):
            return True
        # "Malvaxa, which Corlen developed": the object of a making verb in a relative clause
        for c in root.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in self.product_verbs and any(
                    g.dep_ in {"dobj", "nsubjpass"} and g.lower_ in {"which", "that"} for g in c.children):
                return True
        # "its scanner, called Talon": the name given to a kind of product
        if head.lemma_.lower() in NAMING_VERBS and head.dep_ in {"acl", "relcl"} \
                and head.head.lemma_.lower() in self.product_nouns:
            return True
        if root.dep_ in {"oprd", "attr"} and head.lemma_.lower() in NAMING_VERBS and \
                head.head.lemma_.lower() in self.product_nouns:
            return True
        # "whose chatbot Parley", "its app Glint", "Lumo's chatbot Parley": an owner's kind of product, then
        # the name (read off the surface: the parser seldom joins the noun to the name)
        k = it["start"]
        if k >= 2 and doc[k - 1].is_lower and doc[k - 1].tag_ in {"NN", "NNS"} and self._kind_of_product(doc[k - 1]) \
                and (doc[k - 2].tag_ in {"PRP$", "WP$", "POS"} or doc[k - 2].lower_ in self.onto.owner_possessives):
            return True
        # "whose KeyGate software", "whose Stormwick munitions": an owner's name before a kind of product
        # (read off the surface: the parser hangs the name on the verb after as often)
        end = it["end"]
        if k >= 1 and doc[k - 1].lower_ == "whose" and end < len(doc) and doc[end].is_lower \
                and doc[end].tag_ in {"NN", "NNS"} and self._kind_of_product(doc[end]):
            return True
        # "its Outrider reconnaissance drones", "Lyndon's Foxglove electric pickup", "whose AutoDose pump": an
        # owner's possessive, the name, then the kind of product it is, read off the words (possessed.py; not a
        # place's name before a site: "its Tangier plant", "its London store")
        if it["cls"] != "Place" and it["name"].split()[-1] not in self.firm_name_words \
                and owner_before(doc, k, self.onto) is not None and (
                kind := kind_after(doc, end, self._written_kind)) is not None \
                and kind.lemma_.lower() not in self.seller_sites and self._owned_site(doc, it, root) is None:
            return True
        # "its Kiro robots": a name right after "its" is the owner's thing (but "its Pasadena refinery"
        # names the site by its place)
        if it["start"] > 0 and doc[it["start"] - 1].lower_ in self.onto.possessive_pronouns and \
                doc[it["start"] - 1].dep_ == "poss" and self._owned_site(doc, it, root) is None:
            return True
        # "Zeltrik's R2": an organisation's named thing (not "Veltro's Ana Ruiz said", "Maskel's Idris
        # Kalan": a person the NER saw, named in full or doing what people do)
        if it["cls"] == "Person":
            words = it["name"].split()
            if (root.dep_ == "nsubj" and root.head.lemma_.lower() in self.people_verbs) or (
                    len(words) > 1 and all(w.isalpha() and len(w) > 1 and w[0].isupper() for w in words)):
                return False
        for c in root.children:
            if c.dep_ == "poss":
                owner = self._org_at.get(c.i)
                if owner is not None and owner is not it and it["end"] - it["start"] <= 3:
                    return not listed_with_firms(root, it, owner, self._org_at)
        return False

    def _products_by_kind_mention(self, doc: Doc, items: list[dict[str, Any]]) -> set[str]:
        """Names written once as a product before the kind of thing it is, owned or definite ("its Velta
        chatbot", "Norvik's Pento app", "the Arlo scooter"): the text's other mentions of the name are the
        product too ("Velta remains available in Spain"), unless one does what only firms do."""
        out = set()
        groups = self.product_groups | self.site_nouns
        for it in items:
            s, e = it["start"], it["end"]
            if it["via"] != "" or it["cls"] != "Product" or s == 0 or e >= len(doc):
                continue
            before, root = doc[s - 1], self._root_of(doc, it)
            if not (before.lower_ == "the" or before.lower_ in self.onto.owner_possessives or before.tag_ == "POS"):
                continue
            # (the name modifies a common noun right after it, not a group: "the Vega family")
            kind = root.head
            if root.dep_ in {"compound", "nmod", "amod"} and kind.i >= e and doc[e].is_lower \
                    and doc[e].pos_ == "NOUN" and kind.is_lower and kind.pos_ == "NOUN" \
                    and kind.lemma_.lower() not in groups:
                out.add(it["name"])
        return out

    def _owned_site(self, doc: Doc, it: dict[str, Any], root: Token) -> Token | None:
        """The noun of a site (``site_nouns``, ``resource_sites``) that the name modifies right before it, where
        the site has a firm's owner ("its", "Kavelle's"): "its Tangier plant", "its Quebrada Honda copper mine"."""
        if root.dep_ not in {"compound", "amod", "nmod"} or it["end"] >= len(doc):  # ("Tangier/JJR")
            return None
        end = it["end"]
        state = root.head
        if doc[end].text == "," and state.i == end + 1 and state.ent_type_ == "GPE" \
                and state.dep_ in {"compound", "nmod"} and state.i + 1 < len(doc) and doc[state.i + 1].text == ",":
            root, end = state, state.i + 2  # "its Pasadena, Texas, plant": the place, then its state
        noun = root.head
        between = doc[end:noun.i]
        if noun.i < end or len(between) > 1 or any(t.head.i != noun.i or not t.is_lower for t in between):
            return None
        # (or the site of a resource: "its Tarvo Norte offshore field", lexicon resource_sites)
        if noun.is_lower and noun.pos_ == "NOUN" and (noun.lemma_.lower() in self.site_nouns
                                                      or noun.lower_ in self.resource_sites) \
                and any(c.dep_ == "poss" and (c.lower_ in self.onto.owner_possessives or c.pos_ == "PROPN")
                        for c in noun.children):  # (not "her Craftory shop")
            return noun
        return None


def _indefinite(noun: Token) -> bool:
    """Whether ``noun`` has "a" or "an" before it (on it, or on a modifier before it where the parser hung
    the article on a hyphenated one: "a mid-size sedan")."""
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for m in [noun, *(
        m for m in noun.children if m.dep_ in {"amod", "compound"} and m.i < noun.i)] for c in m.children)

