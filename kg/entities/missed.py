"""Names the model missed (step 1b of :class:`~kg.entities.component.KGEntities`).

After the NER's spans and the gazetteer's matches have claimed their tokens (:mod:`kg.entities.candidates`):
a US state's abbreviation after a place ("Muncie, Ind."), product codes the text says what kind of product
they name ("the drug, called VX-210"), drugs' lower-case names with an owner ("Kelvor's zantoglipron"), and runs of proper nouns in an argument position that the text
writes more than once.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span

from ..names import canonical_name
from ..syntax import NAMING_VERBS
from .candidates import _NOT_NAMES, _PRODUCT_CODE
from .chairs import names_a_chair, names_an_office_field
from .headlines import TitleCaseLines
from .possessed import possessed_runs

__all__ = ["Missed"]

#: a model's number or code after a product's name ("14", "3.3", "NXT:1980i", "X-2")
_MODEL_NUMBER = re.compile(r"[A-Za-z]{0,4}[:-]?\d[\w.:+/-]*")
#: NER labels of numbers that are no model's
_NOT_A_MODEL = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


class Missed:
    """Mixin of :class:`~kg.entities.component.KGEntities`: names the model missed, claimed after its own."""

    def _states_after_places(self, doc: Doc, items: list[dict[str, Any]], claim: Any) -> None:
        """"Brattleboro, Vt.", "Muncie, Ind.": a US state's abbreviation after a place and a comma is the
        state, named as the gazetteer names it (the NER misses some and names others "Calif."; where
        it runs the two into one place, "Minot, N.D.", that is kept, as OntoNotes and CoNLL04 annotate
        them)."""
        at = {it["start"]: it for it in items}
        for it in list(items):
            j = it["end"]
            if it["cls"] != "Place" or j + 1 >= len(doc) or doc[j].text != ",":
                continue
            text, end = doc[j + 1].text, j + 2
            if not text.endswith(".") and end < len(doc) and doc[end].text == "." and not doc[j + 1].whitespace_:
                text, end = text + ".", end + 1  # "Vt" "." as two tokens
            state = self.state_abbreviations.get(text)
            if state is None:
                continue
            entry = self.gazetteer.lookup(state) if self.gazetteer is not None else None
            wikidata = entry.wikidata if entry is not None else ""
            found = at.get(j + 1)
            if found is not None and found["end"] in {end, end - 1}:
                found.update(name=state, cls="Place", wikidata=wikidata, via="gazetteer")
            elif found is None:
                claim(doc[j + 1:end], state, "Place", wikidata, "gazetteer")

    def _product_codes(self, doc: Doc, claim: Any) -> None:
        """Product codes the model missed ("VX-210", "DW-4417", "X3"), where the text says what kind of
        product they name: "the drug, called VX-210", "the pill, VX-210,", "VX-210 is a pill", "the VX-880
        immersion scanner"."""
        for tok in doc:
            if not _PRODUCT_CODE.fullmatch(tok.text):  # (the NER may have taken it for a date)
                continue
            letters = re.match(r"[A-Za-z]*", tok.text).group()
            if len(letters) > 3 and letters.isupper():
                continue  # a disease's or a standard's name in capitals ("COVID-19"), no product code
            head = tok.head
            kind = None
            if tok.dep_ == "oprd" and head.lemma_.lower() in NAMING_VERBS:
                kind = head.head if head.dep_ == "acl" else None  # "the drug, called VX-210"
            elif tok.dep_ == "appos":
                kind = head  # "the pill, VX-210,"
            elif tok.dep_ == "nsubj" and head.lemma_ == "be":
                kind = next((c for c in head.children if c.dep_ == "attr"), None)  # "VX-210 is a pill"
            elif tok.dep_ in {"compound", "amod", "nmod"} and head.i > tok.i and head.is_lower \
                    and all(t.is_lower for t in doc[tok.i + 1:head.i]):
                kind = head  # "the VX-880 immersion scanner", "Optiva's Ventra-4 sensor"
            if kind is not None and kind.lemma_.lower() in self.product_nouns:
                claim(doc[tok.i:tok.i + 1], tok.text, "Product")

    def _possessed_products(self, doc: Doc, taken: list[bool], claim: Any) -> None:
        """Names the model missed that an owner's possessive and a kind of product frame: "its Outrider
        reconnaissance drones", "Volkswagen's ID.3 hatchback", "the company's heart drug Cardelix"
        (:func:`~kg.entities.possessed.possessed_runs`); not a firm's, a place's or a body's name by its
        last word, nor capitals that name nothing ("its AI chips")."""
        def kind(tok: Any) -> bool:  # (not a site named by its place: "the Bristol Road store")
            return self._written_kind(tok) and tok.lemma_.lower() not in self.sites_by_place

        for start, end in possessed_runs(doc, taken, kind, self.onto):
            span = doc[start:end]
            words = span.text.split()
            label = doc[start].ent_type_
            # (the NER's number or people that name no one: "its CX-1200/CARDINAL chips", "its Outrider/NORP
            # drones")
            if self._is_noise(span.text) or any(w.lower() in self.non_entities for w in words) \
                    or (label in _NOT_NAMES and not (label == "NORP" and (
                        self.gazetteer is None or span.text not in self.gazetteer.demonyms))
                        and not (label == "CARDINAL" and _PRODUCT_CODE.fullmatch(doc[start].text)
                                 and doc[start].text[:1].isalpha())) or words[-1] in self.firm_name_words \
                    or words[-1] in self.place_heads or words[-1] in self.org_heads \
                    or any(w in self.gov_heads for w in words):
                continue
            claim(span, canonical_name(span.text), "Product")

    def _product_words_after_names(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool]) -> None:
        """"its Flyzo Go app", "whose Lintas Go app", "the Lendora Now credit line": a name, then a word of
        products' names the NER left out (lexicon ``product_name_words``), inside a noun phrase an article or
        a possessive opens and a lower-case noun right after ends: the name with the word is a product's,
        whatever the NER took the firm's name alone for (not "Vela Go said", "Orlan Plus Holdings")."""
        for it in items:
            start, end = it["start"], it["end"]
            if it["via"] != "" or it["cls"] == "Country" or end + 1 >= len(doc) or taken[end] or start == 0:
                continue
            word, before = doc[end], doc[start - 1]
            kind = word.head
            if word.text not in self.product_name_words or not doc[end - 1].whitespace_ \
                    or before.tag_ not in {"DT", "PRP$", "WP$", "POS"} \
                    or not (end < kind.i <= end + 3 and kind.is_lower and kind.pos_ == "NOUN") \
                    or not all(doc[i].is_lower for i in range(end + 1, kind.i + 1)) \
                    or not all(doc[i].head.i in range(start, kind.i + 1) for i in range(start, kind.i)):
                continue
            taken[end] = True
            it["end"] = end + 1
            it["name"] = canonical_name(doc[start:end + 1].text)
            it["cls"] = "Product"

    def _lower_case_subjects(self, doc: Doc, taken: list[bool], claim: Any) -> None:
        """"illycaffè said it had not paid", "eMAG is owned by Naspers": a sentence opens with a capital unless
        it opens with a name written in lower case; such a first word, the sentence's subject, that English
        has no word for (the lemmatizer's nouns, adjectives, adverbs and verbs) and no drug's name ends like,
        is a name (step 3 then finds it wherever else it is written)."""
        for sent in doc.sents:
            tok = sent[0]
            if not tok.text[:1].islower() or taken[tok.i] or len(tok) < 3 or not any(ch.isalpha() for ch in tok.text) \
                    or tok.dep_ not in {"nsubj", "nsubjpass"} or tok.is_stop or tok.pos_ in {"PRON", "DET", "NUM"} \
                    or tok.lower_ in self.common_nouns or tok.lower_ in self.english_words \
                    or tok.lemma_.lower() in self.common_nouns or tok.lower_ in self.non_entities \
                    or tok.lower_.endswith(self.drug_name_stems) or (tok.i > 0 and not doc[tok.i - 1].is_space
                                                                     and doc[tok.i - 1].text not in {".", "!", "?"}):
                continue
            claim(doc[tok.i:tok.i + 1], tok.text, "Company")

    def _owned_drug_names(self, doc: Doc, taken: list[bool], claim: Any) -> None:
        """"Kelvor's zantoglipron", "its own experimental pill velaglipron": a drug's nonproprietary name, written
        in lower case (a word that ends in one of lexicon ``drug_name_stems``), with an owner's possessive; not
        the substance alone ("a version of dapagliflozin"), which no one owns."""
        for tok in doc:
            if taken[tok.i] or not tok.is_lower or not tok.is_alpha or len(tok) < 8 \
                    or not tok.lower_.endswith(self.drug_name_stems) or not any(c.dep_ == "poss" for c in tok.children):
                continue
            claim(doc[tok.i:tok.i + 1], tok.text, "Product")

    def _model_numbers(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool]) -> None:
        """"the SG 14-236", "the KS-Ukame 14 hybrid maize", "Solenne 7T", "Twinscan NXT:1980i": a product's
        name ends on its model's number or code, which the NER left out or cut (a word with a digit, or what
        is written on to one without a space); not a count ("Vexa 300 units") nor a date or an amount."""
        for it in items:
            if it["cls"] != "Product" or it["via"] != "":
                continue
            end = it["end"]
            # (or a word of a product's name after it: "its Flyzo Go app", "the Weatherly Now forecast app",
            # lexicon product_name_words)
            if end + 1 < len(doc) and not taken[end] and doc[end].text in self.product_name_words \
                    and not doc[end + 1].text[:1].isupper():
                for i in range(it["end"], end + 1):
                    taken[i] = True
                it["end"] = end + 1
                it["name"] = canonical_name(doc[it["start"]:end + 1].text)
                continue
            if end < len(doc) and doc[end - 1].whitespace_ and not taken[end] and _MODEL_NUMBER.fullmatch(doc[end].text) \
                    and doc[end].ent_type_ not in _NOT_A_MODEL and not (len(doc[end].text) == 4 and doc[end].text.isdigit()):
                end += 1
            while end < len(doc) and end > it["start"] and not doc[end - 1].whitespace_ and not taken[end] \
                    and (doc[end].text == "-" or doc[end].text.isalnum()) and any(ch.isdigit() for ch in doc[it["end"] - 1:end + 1].text) \
                    and doc[end].ent_type_ not in _NOT_A_MODEL:
                end += 1
            if doc[end - 1].text == "-":
                end -= 1
            if end == it["end"] or (end < len(doc) and (
                    (doc[end].tag_ == "NNS" and doc[end - 1].text.isdigit())
                    or (doc[end].ent_iob_ == "I" and doc[end].ent_type_ in {"MONEY", "CARDINAL", "QUANTITY"})
                    or doc[end].lower_ in {"million", "billion", "trillion", "thousand", "percent", "%"})):
                continue  # ("fined Andale 4.2 million pesos": an amount)
            for i in range(it["end"], end):
                taken[i] = True
            it["end"] = end
            it["name"] = canonical_name(doc[it["start"]:end].text)

    def _listed_with(self, doc: Doc, run: Span, items: list[dict[str, Any]]) -> str | None:
        """The class of the named place that ``run`` is listed with ("in Lima, Arequipa and Cusco": the
        parser's conjunct, the next one in the list, with only a comma, "and" or "or" between), or None.
        Not at a sentence's start, nor words that go on a name or title ("Kelvor and Partners"). (Not
        firms listed with firms: "including Claro and Vivo" reads as well, but the relation rules then
        give the new name the false statements of its list-mates.)"""
        if run.start == run.sent.start or run.root.dep_ != "conj" and not any(c.dep_ == "conj" for c in run.root.children):
            return None
        if run.end < len(doc) and (doc[run.end].like_num or doc[run.end].lower_ == "of"):
            return None  # (a date: "ZURICH, Oct 6"; an office or a place's description: "Leader of the party")
        last = run[-1].text
        if last in self.firm_name_words or last in self.body_heads or last in self.title_words \
                or any(t.lower_ in self.non_entities for t in run):
            return None
        linked = {run.root.head.i} | {c.i for c in run.root.children if c.dep_ == "conj"}
        for it in items:
            if it["via"] not in {"", "gazetteer"} or it["cls"] != "Place":
                continue
            if not any(it["start"] <= i < it["end"] for i in linked):
                continue
            between = doc[it["end"]:run.start] if it["end"] <= run.start else doc[run.end:it["start"]]
            if len(between) and all(t.text in {",", "and", "or"} for t in between) \
                    and any(t.text in {"and", "or"} for t in between) or (len(between) == 1 and between[0].text == ","):
                return it["cls"]
        return None

    def _unlabelled_names(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool], claim: Any,
                          headline: TitleCaseLines) -> None:
        runs: list[Span] = []
        # ("In 2015 Askel was acquired": the tagger took the short form of "Askel Software" for a common noun,
        # a capitalised one inside the sentence; such a word is a run of its own, for the short form only)
        short = {doc[it["start"]].text for it in items if it["via"] == "" and it["end"] - it["start"] > 1
                 and it["cls"] in {"Company", "Organization"}}
        i = 0
        toks = list(doc)  # (one Token object per token, not one per reading)
        n = len(toks)
        while i < n:
            if toks[i].tag_ == "NN" and not taken[i] and toks[i].text in short and toks[i].text[:1].isupper() \
                    and i != toks[i].sent.start:
                runs.append(doc[i:i + 1])
                i += 1
            elif toks[i].tag_ in {"NNP", "NNPS"} and not taken[i] and toks[i].text[:1].isupper():
                j = i
                while j < n and toks[j].tag_ in {"NNP", "NNPS"} and not taken[j] \
                        and toks[j].text[:1].isupper() and "\n" not in toks[j].whitespace_:
                    j += 1
                if j < n and toks[j].tag_ in {"NNP", "NNPS"} and "\n" in toks[j].whitespace_ and not taken[j]:
                    j += 1
                runs.append(doc[i:j])
                i = max(j, i + 1)
            else:
                i += 1
        first_words = {doc[it["start"]].text for it in items}
        counts = Counter(r.text for r in runs)
        for run in runs:
            # ("Rival Velmora, whose ...": a peer role or description opening the sentence is no part of it)
            run = self._trim(run) or run
            text = run.text
            words = text.split()
            if self._is_noise(text) or headline(run) or any(w.lower() in self.non_entities for w in words) \
                    or self._document(words) or names_a_chair(run, self.chair_titles, self._body_or_place_word) \
                    or names_an_office_field(run, self.office_titles, self._body_or_place_word):
                continue  # (nor a law's name: "the Information Technology Act"; nor an office's field)
            if any(t.ent_type_ in _NOT_NAMES for t in run):
                continue  # dates, amounts, events the model did label
            # "Leeds Mayor Pavel Brezik", "Sen. Ana Ruiz": an office's title opening the run is the
            # person's, not part of the name (not "King Digital Entertainment": a firm's head word)
            title = run[0].text
            if len(run) >= 3 and (title in self.name_titles or (title.endswith(".") and title[:-1]
                                                                 in self.title_abbreviations)) \
                    and all(t.is_alpha or t.text.endswith(".") for t in run[1:]) \
                    and not self._body_or_place_word(words[-1]):
                claim(run[1:], canonical_name(run[1:].text), "Person")
                continue
            # "Japan's Trade Minister Kenji Sato", "U.S. District Judge Mara Quist": capitals ending in a
            # job only people hold, right before a person's name, are that person's title, not a name
            if words[-1].lower() in self.person_only_jobs and run.end < len(doc) \
                    and doc[run.end].ent_type_ == "PERSON" and doc[run.end].ent_iob_ == "B":
                continue
            # ("Petty Officer Lena Marsh": a title left before the person's name it was cut from)
            if words[-1] in self.title_words and any(it["start"] == run.end and it["cls"] == "Person" for it in items):
                continue
            # "Brightforge" after "Brightforge Games": the short form of a name the text gave in full
            longer = [it for it in items if it["via"] == "" and it["cls"] in {"Company", "Organization"}
                      and doc[it["start"]:it["end"]].text.split()[:len(words)] == words
                      and it["end"] - it["start"] > len(run)]
            if longer and len({it["name"] for it in longer}) == 1:
                claim(run, longer[0]["name"], longer[0]["cls"])
                continue
            # "the Commission", "Commission spokeswoman X" after "the European Commission": the head word of
            # the one government body the text named before, written alone, is that body's short form
            if len(words) == 1 and text in self.gov_heads:
                bodies = {it["name"] for it in items if it["via"] in {"", "gazetteer"} and it["cls"] == "GovernmentBody"
                          and it["end"] - it["start"] > 1 and it["end"] <= run.start and doc[it["end"] - 1].text == text}
                if len(bodies) == 1:
                    claim(run, bodies.pop(), "GovernmentBody")
                    continue
            listed = self._listed_with(doc, run, items)
            if listed is not None:
                claim(run, canonical_name(text), listed)
                continue
            if len(words) == 1 and (counts[text] < 2 or len(text) < 3):
                continue
            if run.root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj", "poss", "compound"}:
                continue
            if run.start == run.sent.start and len(words) == 1 and counts[text] < 3:
                continue  # sentence-initial capitals are weak evidence
            if text in first_words:
                continue
            # "Brightforge Games" is written again as "Brightforge": the short form repeats
            repeated = counts[text] >= 2 or any(counts[w] for w in words[:1] if w != text)
            if not repeated and len(words) < 2:
                continue
            last = words[-1]
            cls = "Company"
            if last.lower() in self.product_heads:
                cls = "Product"
            elif last in self.place_heads:
                cls = "Place"
            elif last in self.org_heads:
                cls = "Organization"
            elif any(w in self.gov_heads for w in words):
                cls = "GovernmentBody"
            claim(run, canonical_name(text), cls)
