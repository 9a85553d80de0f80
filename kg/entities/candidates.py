"""Candidate mentions: gazetteer matches and the pipeline's NER spans.

Step 1 of :class:`~kg.entities.component.KGEntities`: NER spans are split at
coordinations (:mod:`kg.entities.coordination`) and trimmed (articles, possessives, datelines,
headline verbs, line breaks), then compete with gazetteer matches, longest first. Step 1b, the
names the model missed, is :mod:`kg.entities.missed`.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from spacy.tokens import Doc, Span, Token

from ..names import canonical_name, name_key, normalize_quotes
from ..syntax import joining_hyphen
from .chairs import (names_a_chair, names_a_field_before_an_office, names_a_field_opening_a_title,
                     names_an_office_field)
from .coordination import Coordination
from .titles import ends_in_abbreviated_title
from .headlines import TitleCaseLines
from .hyphens import after_dateline
from .shared_countries import shared_country_offers

__all__ = ["Candidates"]

#: spaCy labels of things that are not entities of the graph.
_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW",
              "LANGUAGE", "NORP"}

#: A product code: capitals, then digits after an optional hyphen ("VX-210", "DW-4417", "H200", "X3").
_PRODUCT_CODE = re.compile(r"[A-Z][A-Za-z]{0,5}-?\d[\w.+-]*")

#: An ordinal in figures, which opens the names of courts, districts and units ("the 9th U.S. Circuit Court of
#: Appeals", "the 2nd Federal Court of Lisbon").
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")

#: spaCy labels this component reads.
_LABELS = {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}


#: Lower-case words that join the capitalised words of an organisation's name ("Institute for
#: Economic Research", "People's Party", "Museum of Coastal Crafts").
_JOINING = {"for", "of", "and", "on", "the", "de", "del", "der", "des", "du", "la", "le", "'s", "\u2019s"}


def _joins_names(tok: Token, span: Span) -> bool:
    """Whether ``tok`` is a lower-case word joining capitalised words inside ``span``: "the Chilean
    Institute for Fiscal Studies", "the Moravian People's Party" (but not "the Abu Dhabi AI company",
    where the lower-case word is what the name is of)."""
    if tok.lower_ not in _JOINING or not (span.start < tok.i < span.end - 1):
        return False
    nxt = tok.doc[tok.i + 1]
    prev = tok.doc[tok.i - 1]
    return (prev.text[:1].isupper() or prev.lower_ in _JOINING) and (nxt.text[:1].isupper() or nxt.lower_ in _JOINING)


class Candidates(Coordination):
    """Mixin of :class:`~kg.entities.component.KGEntities`: collecting and claiming mentions (splitting an NER
    span at "and": :class:`~kg.entities.coordination.Coordination`)."""

    # -- candidate collection --------------------------------------------------

    def _trim(self, span: Span) -> Span | None:
        """Drop leading articles and trailing possessives, punctuation or words that join ("the Eastern
        Province of", where the NER stopped before the next name)."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                               or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].is_space or doc[end - 1].lower_ in {"'s", "\u2019s"}
                               or doc[end - 1].text in {"of", "and", "in", "the", "for"}
                               or ends_in_abbreviated_title(doc, start, end, self.title_abbreviations)):
            if doc[end - 1].text in {".", ")"} and end - start > 1 and "." in doc[start:end - 1].text:
                break
            end -= 1
        # "the Orbe chatbot" (the NER ran the kind into the name): a name ends on no lower-case kind of product
        while end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lemma_.lower() in self.product_nouns:
            end -= 1
        # (nor on a kind written in capitals: "its V7 SUV")
        if end - start > 1 and doc[end - 1].text in self.capital_kinds:
            end -= 1
        end = self._before_kind_of_place(doc, start, end)
        if start >= end:
            return None
        # The plural of an English common noun opening a sentence ("Subscribers will also get X", "Vessels
        # of both lines"), which the NER took for a name: the tagger's NNS, whose lemma the lemmatizer's
        # noun list knows (not "Brightwings, Moldau's rival"; not "Meghna employs", tagged NNS too)
        word = doc[start]
        if end - start == 1 and word.tag_ == "NNS" and word.is_sent_start and word.is_title \
                and word.lemma_.lower() != word.lower_ and (word.lemma_.lower() in self.common_nouns
                                                            or word.lemma_.lower() in self.org_nouns):
            return None  # (or of a noun firms are called by: "Drugmakers including Sorvald Pharma")
        # A sentence-initial preposition run into the name: "Unlike Quorbit, ..." keeps the name, when
        # what follows is a name the gazetteer or the document knows ("Under Foxmere" stays whole).
        if end - start > 1 and doc[start].tag_ == "IN" and self._known_name(doc, doc[start + 1:end].text):
            start += 1
        # A sentence-initial description run into the name: "Chipmaker Carbidex said", "Rival Coinvessa
        # cut fees" keep the name, when the document or the gazetteer knows it without the word
        # ("Network Rail", "Bank Negara" stay whole).
        # (a peer role before a name of two words or more drops whatever is known: "Rival Hollister
        # Motors said", not "Rival Games said")
        # (or before one name that ends in no firm word: "Rivals Zoomla and Kabbo", "Rival Kolvena, which")
        first = doc[start].lower_
        peer = first in self.peer_words
        if end - start > 1 and doc[start].is_sent_start and doc[start].is_title \
                and (first in self.leading_descriptors or peer) \
                and (self._known_name(doc, doc[start + 1:end].text)
                     or (peer and (end - start > 2 or doc[end - 1].text not in self.firm_name_words))
                     or self._trade_before_name(doc[start:end])):
            start += 1
        # A dateline runs into the name: "KYOTO - Tanabe Robotics" keeps what follows the dash (not "Kelvor - Orlan Software")
        start = after_dateline(doc[start:end], self.gazetteer)
        # Title-case headlines run names into verbs: "Grey Harbor Networks Completes Purchase".
        # (not a word a hyphen joins to the one before: "Jin Hae-won")
        for i in range(start + 1, end):
            if doc[i].tag_ in {"VBZ", "VBD", "VBP"} and doc[i].pos_ in {"VERB", "AUX"} \
                    and not self._particle_in_name(doc[i], doc[start:end]) \
                    and not joining_hyphen(doc, i - 1):
                end = i
                break
        # An amount run into the name: "fined Yunhe Mall 1.2 billion yuan" (a number, then lower-case words
        # only, to the end of the span; not "Talvera Fund 2", "Aerovane 737")
        for i in range(start + 1, end):
            if doc[i].like_num and any(t.is_lower for t in doc[i:end]) \
                    and all(t.is_lower or t.like_num or t.is_punct for t in doc[i:end]):
                end = i
                break
        # "Frostline Systems of Ohio", "Triton Acoustics of Brest": a firm's name, "of" and a place the
        # gazetteer knows, which the NER ran into one name (not a name the gazetteer knows whole, nor one
        # whose word before "of" such names go on with: "Bank of China", "Food Corporation of India"); or
        # one word after "of" that ends the span and is no word of a firm's or a body's name, as a town's
        # name is written ("Gulf Cable Works of Dammam")
        for i in range(start + 2, end - 1):
            if doc[i].lower_ == "of":
                if doc[i - 1].text in self.company_heads and doc[i - 1].text not in self.of_heads \
                        and self.gazetteer is not None and self.gazetteer.lookup(doc[start:end].text) is None:
                    after = doc[i + 1:end].text
                    if self.gazetteer.place(after) is not None or (
                            self.gazetteer.lookup(after) is None and end == i + 2 and doc[i + 1].is_alpha and doc[i + 1].is_title
                            and not self._body_or_place_word(doc[i + 1].text)):
                        end = i
                break
        # A span crossing a line break (a heading run into a sentence) keeps its first line.
        for i in range(start, end):
            if "\n" in doc[i].text or "\n" in doc[i].whitespace_:
                end = i + 1 if "\n" in doc[i].whitespace_ else i
                break
        if start >= end:
            return None
        return doc[start:end]

    def _trade_before_name(self, span: Span) -> bool:
        """Whether ``span`` opens a sentence with the agent noun of a business's trade before a name
        the document does not know otherwise: "Installer Solvanta, which buys panels", "Insurer Brackwater
        P&I said" (a trade's word in "-er" or "-or" that no firm's or body's name opens with, as "Bank
        Negara" does; not a name the gazetteer knows, nor one the text writes whole where no sentence
        opens: "Trader Hobbe's")."""
        first = span[0]
        if not (first.lower_.endswith(("er", "or")) and span[1].text[:1].isupper()) \
                or first.text in self.firm_name_words or first.text in self.body_heads \
                or first.text in self.title_words:
            return False
        if self.gazetteer is not None and self.gazetteer.lookup(span.text) is not None:
            return False
        doc = span.doc
        for m in re.finditer(re.escape(span.text), doc.text):
            other = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            if other is not None and other.start != span.start and not other[0].is_sent_start:
                return False
        return True

    def _before_kind_of_place(self, doc: Doc, start: int, end: int) -> int:
        """The end of a name without the lower-case kind of place written after it ("in Maharashtra state",
        "Washington state", "Ehime prefecture": the place is "Maharashtra", as a name is written without
        its kind; not "capital" or "port", which firms' names end in too)."""
        if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in self.place_kinds \
                and not doc[end - 2].is_lower:
            return end - 1
        return end

    def _known_name(self, doc: Doc, text: str, *, ner: bool = True) -> bool:
        """Whether ``text`` is a gazetteer name or (``ner``) the whole text of an NER entity of ``doc``."""
        if self.gazetteer is not None and self.gazetteer.lookup(text) is not None:
            return True
        return ner and any(e.text == text for e in doc.ents)

    def _after_known_place(self, ent: Span, gaz_spans: list[tuple[int, int]]) -> int:
        """The first token of ``ent`` after the place, the country or the demonym the gazetteer knows that it
        opens with ("Texas Agriculture", "Norwegian Energy"), or its start."""
        if self.gazetteer is None:
            return ent.start
        return max((b for a, b in gaz_spans if a == ent.start and b < ent.end
                    and self.gazetteer.place(ent.doc[a:b].text, demonym=True) is not None), default=ent.start)

    def _offer_ner(self, ent: Span, label: str, gaz_spans: list[tuple[int, int]],
                   candidates: list[tuple[Span, str]]) -> None:
        doc = ent.doc
        span = self._trim(ent)
        # (a business's trade dropped before the name makes it a firm's: "Retailer Brindlemart said")
        if label == "PERSON" and span is not None and span.start == ent.start + 1 and span.end > span.start \
                and self._trade_before_name(doc[ent.start:span.end]) and ent[0].lower_ in self.org_nouns:
            label = "ORG"
        if span is None or self._is_noise(span.text) or (
                label in {"ORG", "PRODUCT"} and len(span) > 1 and self._document(span.text.split())) or (
                label in {"ORG", "PRODUCT", "GPE", "LOC", "FAC", "WORK_OF_ART"} and len(span) > 1
                and span[-1].text in self.event_heads) or (
                label == "ORG" and names_a_chair(span, self.chair_titles, self._body_or_place_word)) or (
                label == "ORG" and names_an_office_field(span, self.office_titles, self._body_or_place_word)):
            return  # (a law's name the NER took for an organisation: "the Digital Markets Act"; an event's; a chair;
            # an office's field: "Minister for Social Protection")
        # One capitalized common noun ("KORVEX's Role:" in a heading) is not a product name (but a word
        # English has no noun for, which the tagger took for one, is: "its Trekant/NN picking arms",
        # "Ostmark's M-150/NN")
        if label == "PRODUCT" and len(span) == 1 and span[0].tag_ in {"NN", "NNS"} \
                and not self._known_name(doc, span.text, ner=False) \
                and (not self.common_nouns or span[0].lower_ in self.common_nouns
                     or span[0].lemma_.lower() in self.common_nouns):
            return
        # "Noodle maker Nurim Foods sues", "Port operator Halden Terminals said", "Magazine publishers sue": a
        # capitalised common noun opening a sentence, before a lower-case noun, says what the trade or the
        # group deals in; no place or firm (not a name the gazetteer knows, "London studio Wyrm Games", nor
        # one the tagger took for a name, nor one the NER finds inside a sentence too)
        # (or after a dateline: "SÃO PAULO — Restaurant chains such as ...")
        opening = span[0].is_sent_start or (span.start > 1 and doc[span.start - 1].text in {"—", "–"}
                                            and doc[span.start - 2].text.isupper())
        if label in {"GPE", "LOC", "ORG"} and len(span) == 1 and opening and span[0].tag_ == "NN" \
                and span[0].lower_ in self.common_nouns and not self._known_name(doc, span.text, ner=False) \
                and span.end + 1 < len(doc) and doc[span.end].is_lower and doc[span.end].tag_ in {"NN", "NNS"} \
                and (label == "ORG" or doc[span.end + 1].is_title) \
                and not any(e.text == span.text and not e[0].is_sent_start for e in doc.ents):
            return
        # "Park Min-seok": the NER stopped a person's name before the hyphen and the lower-case rest of
        # its last word
        if label == "PERSON" and span.end + 1 < len(doc) and joining_hyphen(doc, span.end) \
                and doc[span.end + 1].is_alpha and doc[span.end + 1].is_lower and doc[span.end + 1].ent_iob_ != "B":
            span = doc[span.start:span.end + 2]
        # "Agriculture Minister Grace Banda": the title is not part of the name.
        if label == "PERSON":
            roles = [t.i for t in span if t.lower_ in self.person_roles and t.i < span.end - 1]
            if roles:
                span = doc[roles[-1] + 1:span.end]
        # "Spokeswoman Ines Varga said": an office's title opening a name the NER took for an
        # organisation's is a person's title, as in an unlabelled run (not "King Valmer Entertainment")
        # (or a description only people bear, lexicon ``person_titles``: "Winemaker Ana Louw, whose family")
        if label == "ORG" and len(span) >= 3 and span[0].is_sent_start and span[0].is_title \
                and (span[0].text in self.name_titles or span[0].lower_ in self.person_titles) \
                and all(t.is_title and t.is_alpha for t in span[1:]) and not self._body_or_place_word(span[-1].text):
            span, label = span[1:], "PERSON"
        # "Nevada Highway Patrol Officer Dana Whitlock": a job title the NER ran into an
        # organisation's name, right before a person's, is not part of the name
        if label == "ORG" and span.end < len(doc) and doc[span.end].ent_iob_ == "B" \
                and doc[span.end].ent_type_ == "PERSON":
            end = span.end
            while end - 1 > span.start and (doc[end - 1].lower_ in self.person_roles
                                            or doc[end - 1].text in self.title_words):
                end -= 1
            if end < span.end and (span.start, end) in gaz_spans:
                return  # "Chicago Mayor Ann Cole": the place the gazetteer knows, no "Chicago" firm
            if end < span.end and doc[end].text in self.place_offices:
                label = "GPE"  # "Leeds Mayor Walter Brandt": the name before a mayor's title is a place's
            span = doc[span.start:end]
        # "the Ashworth administration": a person's name before "administration".
        nxt = doc[span.end] if span.end < len(doc) else None
        if label == "PERSON" and nxt is not None and nxt.lower_ in {"administration", "government"}:
            span = doc[span.start:span.end + 1]
            label = "ORG"
        # "Vistora Plus+", "Lumbra TV+": a capitalised word ending in "+" right after a name ends the name
        while nxt is not None and len(nxt.text) > 1 and nxt.text.endswith("+") and nxt.text[:1].isupper() \
                and nxt.ent_iob_ != "B" and doc[span.end - 1].whitespace_:
            span = doc[span.start:span.end + 1]
            nxt = doc[span.end] if span.end < len(doc) else None
        # Publications: "The Verge", "The Economist" keep their article (a publication's word ends the name or
        # comes before its "of": "The Times of Keldria"; not "The Halden Information Commissioner's Office", "The
        # Consumer Information Protection Board", bodies whose article is no part of the name)
        if span.start > 0 and doc[span.start - 1].text == "The" and label == "ORG" and any(
                t.text in self.publication_words and (t.i == span.end - 1 or doc[t.i + 1].lower_ == "of")
                for t in span):
            span = doc[span.start - 1:span.end]
        # "Ankara AKT", "Hanoi VNA": a place the gazetteer knows run into a name in capitals after it (a
        # credit line's city and publication) is two names
        if label == "ORG":
            span = self._capitals_after_place(span, gaz_spans) or span
            span = self._body_after_country(span) or span
        # "Airbus A321", "Boeing 777F": a maker the gazetteer knows, then a model's code, is the model
        # (the maker is the gazetteer's mention, and "Intel Xeon" reads who develops it)
        # (a number only before a kind of product: "Boeing 737 jets", not "Google 936")
        lead = next((b for a, b in gaz_spans if a == span.start and b < span.end
                     and getattr(self.gazetteer.lookup(doc[a:b].text), "cls", None) == "Company"), None) \
            if self.gazetteer is not None and label in {"ORG", "PRODUCT"} else None
        after = doc[span.end] if span.end < len(doc) else None
        # (not a gazetteer's short name that is an English word too and that the text never writes alone:
        # "the Cadence X2 headphones" from Orrin Audio name no product of Cadence Design Systems)
        short = doc[span.start:lead].text if lead is not None else ""
        if short and span[0].lower_ in self.common_nouns and self.gazetteer.lookup(short).name != short \
                and not any(a != span.start and doc[a:b].text == short
                            and (b >= len(doc) or not doc[b].text[:1].isupper()) for a, b in gaz_spans):
            lead = None
        if lead is not None and all(
                _PRODUCT_CODE.fullmatch(t.text) or (t.is_digit and len(t.text) == 3 and after is not None
                                                    and after.lemma_.lower() in self.product_nouns)
                for t in doc[lead:span.end]):
            span, label = doc[lead:span.end], "PRODUCT"
        # A longer NER span around a gazetteer name must add proper words only.
        inner = [(a, b) for a, b in gaz_spans if span.start <= a and b <= span.end and (a, b) != (span.start, span.end)]
        if inner and any((not t.text[:1].isupper() or t.text.lower() in self.non_entities) and not t.is_punct
                         and not self._of_in_name(t, span) and not self._particle_in_name(t, span)
                         and not (label == "ORG" and _joins_names(t, span))
                         and not (label == "ORG" and t.i == span.start and _ORDINAL.fullmatch(t.text))
                         for t in span if not any(a <= t.i < b for a, b in inner)):
            return  # "the Abu Dhabi AI company": the place, not an "Abu Dhabi AI"
        candidates.append((span, label))
        # "Gulf Cable Works of Dammam": the town the firm's name was cut before (:meth:`_trim`) is a place's
        rest = doc[span.end + 1:span.end + 2] if span.end + 1 < ent.end and doc[span.end].lower_ == "of" else None
        if label == "ORG" and rest is not None and rest.end == ent.end and rest[0].is_title and rest[0].is_alpha \
                and self.gazetteer is not None and self.gazetteer.lookup(rest.text) is None \
                and not self._body_or_place_word(rest.text):
            candidates.append((rest, "GPE"))

    def _capitals_after_place(self, span: Span, gaz_spans: list[tuple[int, int]]) -> Span | None:
        """The name in capitals after a place the gazetteer knows at the start of ``span`` ("Ankara AKT":
        AKT), or None."""
        if self.gazetteer is None:
            return None
        doc = span.doc
        for a, b in gaz_spans:
            if a != span.start or not span.start < b < span.end:
                continue  # (asked of every gazetteer match: the span after one only where one opens the span)
            rest = doc[b:span.end]
            # (a name, not a common acronym: "the Munich AI startup", "a Texas EV maker")
            if all(t.text.isupper() and t.is_alpha for t in rest) \
                    and len(rest.text) > 2 and not self._is_noise(rest.text) \
                    and self.gazetteer.place(doc[a:b].text) is not None:
                return rest
        return None

    def _body_after_country(self, span: Span) -> Span | None:
        """A ministry, department or court after a country or its demonym at the start of ``span`` ("the
        Dutch Ministry of Foreign Affairs", "the Irish High Court": the Ministry of Foreign Affairs, of
        the Netherlands), as the annotated news names them; or None. Not a name the gazetteer knows
        whole, nor one with the country in its own name ("Kenya Revenue Authority", "Nigerian
        Communications Commission": lexicon ``generic_bodies`` has the heads of the former)."""
        if self.gazetteer is None or len(span) < 3:
            return None
        first, rest = span[0], span[1:]
        # (a country's name or demonym as a word: not "the U.S. District Court", "the UK Supreme Court")
        if not (rest[0].text in self.generic_bodies or rest[-1].text in self.generic_bodies) \
                or not first.is_title or not first.is_alpha:
            return None
        entry = self.gazetteer.demonyms.get(first.text) or self.gazetteer.lookup(first.text)
        if getattr(entry, "cls", None) != "Country" or self.gazetteer.lookup(span.text) is not None:
            return None
        return rest

    def _is_noise(self, text: str) -> bool:
        t = normalize_quotes(text).strip()
        if not t or not any(ch.isalpha() for ch in t):
            return True
        if t.lower() in self.non_entities or canonical_name(t).lower() in self.non_entities:
            return True
        if not any(ch.isupper() for ch in t):
            return True
        if len(t) == 1:
            return True
        return False

    def _claim_ner_and_gazetteer(self, doc: Doc, claim: Any, headline: TitleCaseLines) -> None:
        """Step 1: claim gazetteer matches and NER spans (off Title Case lines), longest first."""
        # 1. Gazetteer matches and the pipeline's own entities compete, longest first:
        #    "Palo Alto Networks" (NER) beats "Palo Alto" (gazetteer place) inside it,
        #    but NER never beats a gazetteer name by adding lower-case words.
        offers: list[tuple[int, int, int, Span, str, Any]] = []  # (-len, rank, start, span, kind, payload)
        if self.gazetteer is not None:
            for match_id, start, end in self.gazetteer.matcher(doc):
                kind = doc.vocab.strings[match_id]
                span = doc[start:end]
                if kind == "ENT":
                    entry = self.gazetteer.lookup(span.text)
                    if entry is not None:
                        # ("Washington state", an alias that tells the state from the city, is "Washington")
                        offers.append((-(end - start), 0, start, doc[start:self._before_kind_of_place(doc, start, end)],
                                       "gazetteer", entry))
                else:
                    entry = self.gazetteer.demonyms.get(normalize_quotes(span.text))
                    # (not after a region's opener: "Latin American" names no American thing)
                    if entry is not None and span.root.pos_ != "VERB" \
                            and not (start > 0 and doc[start - 1].text in self.region_openers):
                        offers.append((-(end - start), 0, start, span, "demonym", entry))
        if self.gazetteer is not None and self.shared_country_names:  # ("Congo", "Congolese")
            offers += shared_country_offers(doc, self.shared_country_names, self.shared_country_demonyms,
                                            self.country_names)
        gaz_spans = [(o[3].start, o[3].end) for o in offers]

        candidates: list[tuple[Span, str]] = []
        ents = list(doc.ents)
        joined: set[int] = set()
        # (the tests the title rules below ask of a word, built once a document, not once an entity; the NER's
        # names not opening a sentence gathered once, not scanned for each word)
        mid_names = {e.text for e in ents if not e[0].is_sent_start}
        common_or_english = lambda w: w in self.common_nouns or w in self.english_words  # noqa: E731
        body_word = lambda w: w in self.gov_heads or w in self.org_heads or w in self.place_heads  # noqa: E731
        common = lambda w: w in self.common_nouns  # noqa: E731
        known_or_named = lambda w: self._known_name(doc, w, ner=False) or w in mid_names  # noqa: E731
        english = lambda w: w in self.english_words  # noqa: E731
        for n, ent in enumerate(ents):
            if n in joined or ent.label_ not in _LABELS:
                continue
            if headline(ent) and not (ent.label_ == "ORG" and (ent.text.isupper() and len(ent.text) > 2
                                                                or self._capitals_after_place(ent, gaz_spans))):
                # headlines in Title Case defeat NER; names found elsewhere come back in step 3 (but a name in
                # capitals owes nothing to the Title Case: "... Plan New Mills Beijing XINHUA in English")
                continue
            a = ent.start
            if ent.label_ == "ORG" and a >= 2 and doc[a - 1].lower_ == "and" and doc[a - 2].is_title \
                    and doc[a - 2].pos_ == "PROPN" and not doc[a - 2].ent_type_ and not doc[a - 2].is_sent_start \
                    and any(t.text in self.body_heads for t in ent) and doc[a - 2].text not in self.body_heads \
                    and not self._known_name(doc, doc[a - 2].text):
                # "the Maritime and Port Authority of Singapore": the NER left out a word and "and"
                self._offer_ner(doc[a - 2:ent.end], "ORG", gaz_spans, candidates)
                continue
            nxt = ents[n + 1] if n + 1 < len(ents) else None
            if nxt is not None and nxt.start == ent.end + 1 and doc[ent.end].lower_ in self.name_particles \
                    and "ORG" in {ent.label_, nxt.label_} and nxt.label_ in _LABELS \
                    and ent[-1].text[:1].isupper() and nxt[0].text[:1].isupper():
                # "Ferrovie dello Stato": the NER split one name at its particle
                joined.add(n + 1)
                self._offer_ner(doc[ent.start:nxt.end], "ORG", gaz_spans, candidates)
                continue
            if nxt is not None and nxt.start == ent.end and nxt.label_ == "ORG" and ent.label_ in _LABELS \
                    and doc[ent.end - 1].whitespace_ and ent[0].text[:1].isupper() \
                    and all(t.text in self.company_heads or t.text in self.org_heads for t in nxt):
                # "Velmar Co-operative | Bank": the NER split one name before its last word, a firm's or
                # an organisation's, and took the rest for a person's
                joined.add(n + 1)
                self._offer_ner(doc[ent.start:nxt.end], "ORG", gaz_spans, candidates)
                continue
            if nxt is not None and ent.label_ == nxt.label_ == "ORG" and nxt.start == ent.end + 1 \
                    and doc[ent.end].lower_ == "and" and (self._firm_words_only(nxt) or self._one_body(ent, nxt)):
                # "Kaimen Machinery and Engineering Corporation": what follows "and" is no name of its own
                # (nor in "Ministry of Education and Training", which the NER split)
                joined.add(n + 1)
                self._offer_ner(doc[ent.start:nxt.end], "ORG", gaz_spans, candidates)
                continue
            if ent.label_ == "ORG" and names_a_field_before_an_office(
                    ent, self.office_titles, common_or_english, self._after_known_place(ent, gaz_spans), body_word):
                continue  # ("Norwegian Energy Minister Ana Ruiz": the demonym is the gazetteer's, the field no name)
            if ent.label_ == "ORG" and names_a_field_opening_a_title(
                    ent, common, known_or_named, self.speaking_jobs, english):
                continue  # ("Club president Ana Ruiz said": the person's field)
            for part in self._split_coordination(ent):
                self._offer_ner(part, ent.label_, gaz_spans, candidates)
        votes: dict[str, Counter[str]] = {}

        for span, label in candidates:
            group = {"ORG": "ORG", "PERSON": "PERSON", "GPE": "GPE", "PRODUCT": "ORG"}.get(label)
            if group:
                votes.setdefault(name_key(span.text), Counter())[group] += 1
        for span, label in candidates:
            counts = votes.get(name_key(span.text))
            if counts and label in {"ORG", "PERSON", "GPE"} and len(counts) > 1:
                best = max(counts.items(), key=lambda kv: (kv[1], kv[0] == "ORG"))[0]
                if label != best:
                    label = best
            entry = self.gazetteer.lookup(span.text) if self.gazetteer else None
            if entry is not None:
                offers.append((-(span.end - span.start), 0, span.start, span, "gazetteer", entry))
                continue
            cls = self._class_for(span, label)
            if cls is None:
                continue
            offers.append((-(span.end - span.start), 1, span.start, span, "ner", (canonical_name(span.text), cls)))
        offers += self._names_going_on_with_of(offers)
        for _neg, _rank, _start, span, kind, payload in sorted(offers, key=lambda o: o[:3]):
            if kind == "ner":
                name, cls = payload
                claim(span, name, cls)
            else:
                wikidata = "" if self._placed_elsewhere(span, payload) else payload.wikidata
                claim(span, payload.name, payload.cls, wikidata, kind)

    def _placed_elsewhere(self, span: Span, entry) -> bool:
        """A known place the text sets in another region or country ("Cambridge, Massachusetts",
        "Paris, Texas"): another place of that name, so the gazetteer's Wikidata id is not its own."""
        doc = span.doc
        if entry.cls not in {"Place", "Country"} or span.end + 1 >= len(doc) or doc[span.end].text != ",":
            return False
        start = span.end + 1
        for end in range(min(len(doc), start + 4), start, -1):
            if not all(t.text[:1].isupper() or t.lower_ in {"of", "and"} for t in doc[start:end]):
                continue
            where = self.gazetteer.place(doc[start:end].text)
            if where is not None:
                return where.name not in {entry.name, entry.country, entry.region}
        return False

    def _particle_in_name(self, tok: Token, span: Span) -> bool:
        """A name's particle inside ``span`` (lexicon ``name_particles``), between two capitalised words of it."""
        doc = tok.doc
        return tok.lower_ in self.name_particles and span.start < tok.i < span.end - 1 \
            and doc[tok.i - 1].text[:1].isupper() and doc[tok.i + 1].text[:1].isupper()

    def _of_in_name(self, tok: Token, span: Span) -> bool:
        """"of" (or "of the") inside ``span`` after a word such names end on: "Central Bank of Ireland"."""
        doc = tok.doc
        if tok.lower_ == "the" and tok.i > span.start:
            tok = doc[tok.i - 1]
        return tok.lower_ == "of" and span.start < tok.i < span.end - 1 and doc[tok.i - 1].text in self.of_heads

    def _names_going_on_with_of(self, offers: list[tuple[int, int, int, Span, str, Any]]
                                ) -> list[tuple[int, int, int, Span, str, Any]]:
        """"the Supreme Court of Norway", "the Central Bank of Ireland": a name ending on a word such
        names end on (lexicon ``government_heads``, ``organization_heads``, ``name_of_heads``) goes on
        with "of" and the proper nouns after it, which the NER or the gazetteer's shorter alias
        ("Supreme Court") left out. Offered longer, it wins; unlinked, it is not the U.S. court."""
        out = []
        for _neg, _rank, _start, span, kind, payload in offers:
            if kind == "demonym" or span[-1].text not in self.of_heads:
                continue
            doc, j = span.doc, span.end
            if j + 1 >= len(doc) or doc[j].lower_ != "of":
                continue
            k = j + 2 if doc[j + 1].lower_ == "the" else j + 1
            end = k
            while end < len(doc) and doc[end].tag_ in {"NNP", "NNPS"} and doc[end].text[:1].isupper() \
                    and not doc[end].is_sent_start:
                end += 1
            if end == k:
                continue
            longer = doc[span.start:end]
            cls = payload.cls if kind == "gazetteer" else payload[1]
            out.append((-len(longer), 1, longer.start, longer, "ner", (canonical_name(longer.text), cls)))
        return out

    def _document(self, words: list[str]) -> bool:
        """Whether a name is a law's or another document's ("the Digital Markets Act"): its last word a
        lexicon ``document_heads`` one, and no word a body's ("Supreme Council for Media Regulation"); or
        an event's of two words or more ("the Oslo Boat Show": lexicon ``event_heads``)."""
        return (words[-1] in self.document_heads and not any(w in self.gov_heads or w in self.org_heads
                                                                 for w in words[:-1])) \
            or (len(words) > 1 and words[-1] in self.event_heads)

    def _body_or_place_word(self, word: str) -> bool:
        """Whether ``word`` ends the names of firms, organisations, bodies, places or products."""
        return word in self.company_heads or word in self.org_heads or word in self.gov_heads \
            or word in self.place_heads or word in self.firm_heads or word.lower() in self.product_heads
