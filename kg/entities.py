"""Mentions -> typed entities: the ``kg_entities`` spaCy component.

It combines the pipeline's NER with a gazetteer (``ontology/gazetteer/``),
corrects the small model's usual errors with general rules (acronyms of
common nouns, one label per name within a document, products named by their
head noun, government bodies by theirs), and types every mention with an
ontology class. Results:

- ``doc.spans["kg_entities"]``: one span per mention, labelled with its class;
- ``doc._.kg_entities``: :class:`EntitySpan` records (span, canonical name,
  class, Wikidata id, how it was found).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("kg_entities")
>>> doc = nlp("Reporters in Germany asked Alphabet Inc about YouTube.")
>>> [(e.name, e.cls) for e in doc._.kg_entities]
[('Germany', 'Country'), ('Alphabet', 'Company'), ('YouTube', 'Product')]
"""

from __future__ import annotations

import functools
import logging
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.attrs import IS_ALPHA, IS_SPACE, LENGTH, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from .errors import ComponentError
from .names import canonical_name, initials, name_key, normalize_quotes
from .ontology import GazetteerEntry, Ontology, load_ontology

log = logging.getLogger(__name__)

__all__ = ["SPAN_KEY", "EntitySpan", "KGEntities", "make_entity_component", "register_extensions"]

SPAN_KEY = "kg_entities"

#: spaCy labels of things that are not entities of the graph.
_NOT_NAMES = {"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "EVENT", "LAW",
              "LANGUAGE", "NORP"}

#: spaCy labels this component reads.
_LABELS = {"ORG", "PERSON", "GPE", "LOC", "FAC", "NORP", "PRODUCT"}


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """An entity mention of a Doc, typed and named."""

    span: Span
    name: str
    cls: str
    wikidata: str = ""
    via: str = ""  #: "" (named), "gazetteer", "demonym", "coref", "generic"

    @property
    def key(self) -> str:
        return entity_key(self.name, self.cls)


#: ``doc.user_data`` key set when one of our components failed on a document.
ERROR_KEY = "kg_error"


def guarded(call: Callable[[Any, Doc], Doc]) -> Callable[[Any, Doc], Doc]:
    """Keep one bad document from stopping a whole corpus.

    A component that fails on a Doc records the failure in ``doc.user_data``
    (the build reports it for that document) and passes the Doc on; later kg
    components skip it. Usage errors (:class:`~kg.errors.ComponentError`) still raise.
    """

    @functools.wraps(call)
    def wrapper(self: Any, doc: Doc) -> Doc:
        if doc.user_data.get(ERROR_KEY):
            return doc
        try:
            return call(self, doc)
        except ComponentError:
            raise
        except Exception as exc:  # noqa: BLE001 - reported per document, never silent
            log.warning("%s failed on a document: %s", getattr(self, "name", "kg component"), exc)
            doc.user_data[ERROR_KEY] = f"{getattr(self, 'name', 'kg component')} failed: {exc.__class__.__name__}: {exc}"
            return doc

    return wrapper


class TitleCaseLines:
    """Whether spans of one Doc sit on a Title Case line (a headline), each line judged once.

    A span's line runs back and forth from it to the nearest line breaks (a token
    followed by a newline, or a newline token). It is a headline when it has at
    least four words of four letters or more, 80% of them capitalised, and is
    not a long sentence (more than twelve such words ending in ``.``, ``?`` or ``!``).
    """

    def __init__(self, doc: Doc) -> None:
        self.n = n = len(doc)
        # One read of the Doc's arrays instead of a Token object per token. spaCy keeps line
        # breaks in tokens of their own (a token's trailing whitespace is one space or none),
        # so the newline tokens are the white-space tokens holding a "\n".
        self._strings = doc.vocab.strings
        rows = doc.to_array([IS_SPACE, IS_ALPHA, LENGTH, ORTH]).tolist() if n else []
        self._alpha = [r[1] and r[2] > 3 for r in rows]  # a word of four letters or more
        self._orth = [r[3] for r in rows]
        newlines = [i for i, r in enumerate(rows) if r[0] and "\n" in self._strings[r[3]]]
        self.breaks_after = newlines  # a line starts after each of these ...
        self.stops = sorted({*newlines, n})  # ... and ends at each of these (a newline token is a line of its own)
        self._seen: dict[tuple[int, int], bool] = {}
        self._capital: dict[int, bool] = {}

    def __call__(self, span: Span) -> bool:
        if not len(span):
            return False
        k = bisect_left(self.breaks_after, span.start)
        first = self.breaks_after[k - 1] + 1 if k else 0
        # the line runs on from the span's end until the next stop (the end itself may be one)
        last = self.stops[bisect_left(self.stops, span.end)]
        bounds = (first, last)
        verdict = self._seen.get(bounds)
        if verdict is None:
            words = [self._orth[i] for i in range(first, last) if self._alpha[i]]
            ending = self._strings[self._orth[last - 1]]
            if len(words) < 4 or ending in {".", "?", "!"} and len(words) > 12:
                verdict = False
            else:
                capital = self._capital
                for h in words:
                    if h not in capital:
                        capital[h] = self._strings[h][0].isupper()
                verdict = sum(capital[h] for h in words) >= 0.8 * len(words)
            self._seen[bounds] = verdict
        return verdict


def entity_key(name: str, cls: str) -> str:
    from .names import family

    return f"{family(cls)}/{name_key(name)}"


def _entities_getter(doc: Doc) -> list[EntitySpan]:
    out = []
    for item in doc._.kg_entity_data:
        span = doc[item["start"] : item["end"]]
        out.append(EntitySpan(span, item["name"], item["cls"], item.get("wikidata", ""), item.get("via", "")))
    return out


def register_extensions() -> None:
    """Register the Doc extensions once (idempotent)."""
    if not Doc.has_extension("kg_entity_data"):
        Doc.set_extension("kg_entity_data", default=None)
    if not Doc.has_extension("kg_entities"):
        Doc.set_extension("kg_entities", getter=_entities_getter)


class _Gazetteer:
    """Surface form -> gazetteer entry, with a PhraseMatcher over all forms."""

    def __init__(self, nlp: Language, onto: Ontology) -> None:
        self.by_form: dict[str, GazetteerEntry] = {}
        self.demonyms: dict[str, GazetteerEntry] = {}
        self.by_key: dict[str, GazetteerEntry] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms: dict[str, str] = {}
        for entry in onto.gazetteer:
            forms_of = [entry.name, *entry.aliases]
            if entry.cls == "Product":  # "iPhones", "H100s"
                forms_of += [f + "s" for f in forms_of if f[-1:].isalnum() and not f.endswith("s")]
            for form in forms_of:
                form = normalize_quotes(form)
                self.by_form.setdefault(form, entry)
                self.by_key.setdefault(name_key(form), entry)
                forms[form] = "ENT"
                if "'" in form:  # match curly apostrophes too
                    forms[form.replace("'", "\u2019")] = "ENT"
                    self.by_form.setdefault(form.replace("'", "\u2019"), entry)
            for dem in entry.demonyms:
                self.demonyms.setdefault(dem, entry)
                forms[dem] = "DEM"
        tokenizer = nlp.tokenizer
        ents = [tokenizer(f) for f, kind in sorted(forms.items()) if kind == "ENT"]
        dems = [tokenizer(f) for f, kind in sorted(forms.items()) if kind == "DEM"]
        if ents:
            self.matcher.add("ENT", ents)
        if dems:
            self.matcher.add("DEM", dems)

    def lookup(self, text: str) -> GazetteerEntry | None:
        text = normalize_quotes(text)
        return self.by_form.get(text) or self.by_form.get(canonical_name(text)) or self.by_key.get(name_key(text))


class KGEntities:
    """The ``kg_entities`` component. Build it with ``nlp.add_pipe("kg_entities")``."""

    def __init__(self, nlp: Language, name: str = "kg_entities", use_gazetteer: bool = True,
                 ontology_dir: str | None = None) -> None:
        register_extensions()
        self.name = name
        self.onto = load_ontology(ontology_dir)
        self.gazetteer = _Gazetteer(nlp, self.onto) if use_gazetteer else None
        lex = self.onto.lexicon["entities"]
        self.non_entities = {normalize_quotes(w).lower() for w in lex["non_entity_acronyms"]} | {
            w.lower() for w in lex["non_entity_words"]
        }
        self.product_heads = {w.lower() for w in lex["product_heads"]}
        self.product_nouns = {w.lower() for w in lex["product_nouns"]}
        # Verbs of the relations no place can be the agent of (acquire, compete, invest, sue...).
        self.business_verbs = {
            words[0] for rel in self.onto.relations.values()
            if not self.onto.fits("Place", rel.domain) and not self.onto.fits("Country", rel.domain)
            for words in rel.triggers
        } | {"say", "announce", "hire", "raise", "employ", "report", "sell", "buy"}
        # Nouns that only name organisations: role nouns of relations between organisations
        # (unit, subsidiary, parent) and the lexicon's descriptors of companies (retailer, startup).
        self.org_nouns = {
            words[-1] for rel in self.onto.relations.values()
            if rel.domain and all(self.onto.is_a(d, "Organization") for d in rel.domain)
            for words in rel.role_triggers + rel.inverse_role_triggers
        } | {w.lower() for w in self.onto.lexicon["coref"]["Company"]}
        self.org_nouns -= {"owner", "investor", "buyer", "seller", "player", "parent", "developer", "designer"}
        # Job titles: role nouns of relations from a person to an organization (worksFor).
        self.person_roles = {
            " ".join(words).split()[-1]
            for rel in self.onto.relations.values()
            if rel.domain == frozenset({"Person"}) and self.onto.fits("Company", rel.range)
            for words in rel.role_triggers
        }
        self.person_roles_words = self.person_roles | {
            w for rel in self.onto.relations.values() if rel.domain == frozenset({"Person"})
            for words in rel.role_triggers for w in words} | {"senior", "former", "chief", "vice", "deputy", "co"}
        self.product_verbs = {w.lower() for w in lex["product_verbs"]}
        self.gov_heads = set(lex["government_heads"])
        self.org_heads = set(lex["organization_heads"])
        self.company_heads = set(lex["company_heads"])
        self.publication_words = set(lex["publication_words"])
        self.country_names = {
            e.name: e for e in self.onto.gazetteer if e.cls == "Country"
        }

    # -- candidate collection --------------------------------------------------

    def _trim(self, span: Span) -> Span | None:
        """Drop leading articles and trailing possessives or punctuation."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct
                               or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct
                               or doc[end - 1].is_space or doc[end - 1].lower_ in {"'s", "\u2019s"}):
            if doc[end - 1].text in {".", ")"} and end - start > 1 and "." in doc[start:end - 1].text:
                break
            end -= 1
        if start >= end:
            return None
        # A sentence-initial preposition run into the name: "Unlike ChatGPT, ..." keeps the name, when
        # what follows is a name the gazetteer or the document knows ("Under Armour" stays whole).
        if end - start > 1 and doc[start].tag_ == "IN" and self._known_name(doc, doc[start + 1:end].text):
            start += 1
        # A dateline runs into the name: "KYOTO - Tanabe Robotics" keeps what follows the dash.
        for i in range(end - 2, start, -1):
            if doc[i].text in {"-", "\u2013", "\u2014", "|"} and doc[i - 1].whitespace_ and doc[i].whitespace_:
                start = i + 1
                break
        # Title-case headlines run names into verbs: "Palo Alto Networks Completes Purchase".
        for i in range(start + 1, end):
            if doc[i].tag_ in {"VBZ", "VBD", "VBP"} and doc[i].pos_ in {"VERB", "AUX"}:
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

    def _known_name(self, doc: Doc, text: str, *, ner: bool = True) -> bool:
        """Whether ``text`` is a gazetteer name or (``ner``) the whole text of an NER entity of ``doc``."""
        if self.gazetteer is not None and self.gazetteer.lookup(text) is not None:
            return True
        return ner and any(e.text == text for e in doc.ents)

    @staticmethod
    def _split_coordination(ent: Span) -> list[Span]:
        """"Otsuka and Vertex Pharmaceuticals" -> two names (the model sometimes tags one span)."""
        parts, start = [], ent.start
        for tok in ent:
            if tok.lower_ in {"and", "or", "&"} and tok.i > start and tok.i + 1 < ent.end \
                    and tok.whitespace_ and ent.doc[tok.i + 1].text[:1].isupper() \
                    and ent.label_ in {"ORG", "PERSON", "GPE"} and tok.lower_ != "&":
                parts.append(ent.doc[start:tok.i])
                start = tok.i + 1
        parts.append(ent.doc[start:ent.end])
        return [p for p in parts if len(p)]

    def _offer_ner(self, ent: Span, label: str, gaz_spans: list[tuple[int, int]],
                   candidates: list[tuple[Span, str]]) -> None:
        doc = ent.doc
        span = self._trim(ent)
        if span is None or self._is_noise(span.text):
            return
        # One capitalized common noun ("NVIDIA's Role:" in a heading) is not a product name.
        if label == "PRODUCT" and len(span) == 1 and span[0].tag_ in {"NN", "NNS"} \
                and not self._known_name(doc, span.text, ner=False):
            return
        # "Agriculture Minister Grace Banda": the title is not part of the name.
        if label == "PERSON":
            roles = [t.i for t in span if t.lower_ in self.person_roles and t.i < span.end - 1]
            if roles:
                span = doc[roles[-1] + 1:span.end]
        # "the Trump administration": a person's name before "administration".
        nxt = doc[span.end] if span.end < len(doc) else None
        if label == "PERSON" and nxt is not None and nxt.lower_ in {"administration", "government"}:
            span = doc[span.start:span.end + 1]
            label = "ORG"
        # Publications: "The Verge", "The Economist" keep their article.
        if span.start > 0 and doc[span.start - 1].text == "The" and label == "ORG" and \
                any(w in self.publication_words for w in span.text.split()):
            span = doc[span.start - 1:span.end]
        # A longer NER span around a gazetteer name must add proper words only.
        inner = [(a, b) for a, b in gaz_spans if span.start <= a and b <= span.end and (a, b) != (span.start, span.end)]
        if inner and any((not t.text[:1].isupper() or t.text.lower() in self.non_entities) and not t.is_punct
                         for t in span if not any(a <= t.i < b for a, b in inner)):
            return  # "the Abu Dhabi AI company": the place, not an "Abu Dhabi AI"
        candidates.append((span, label))

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

    def _class_for(self, span: Span, label: str) -> str | None:
        text = normalize_quotes(span.text)
        words = text.split()
        last = words[-1].rstrip(".,") if words else ""
        head = span.root
        if label == "NORP":
            return None  # demonyms are handled through the gazetteer
        if label in {"GPE", "LOC", "FAC"}:
            if label == "GPE" and canonical_name(text) in self.country_names:
                return "Country"
            if any(w in self.gov_heads for w in words) and label != "LOC":
                return "GovernmentBody"
            return "Place"
        if label == "PRODUCT":
            return "Product"
        if len(words) > 1 and last.lower() in self.product_heads and last[:1].isupper():
            return "Product"  # "Prisma Cloud", "Vision Pro App"
        if label == "PERSON":
            if last in self.company_heads or last in self.org_heads:
                return "Company" if last in self.company_heads else "Organization"
            return "Person"
        # ORG
        if any(w in self.gov_heads for w in words):
            return "GovernmentBody"
        if words and words[0] in {"The", "the"} and any(w in self.publication_words for w in words[1:]):
            return "Organization"
        if any(w in self.org_heads for w in words):
            return "Organization"
        if head.head.i != head.i and head.dep_ == "compound" and (
                head.head.lower_ in self.product_heads or head.head.lemma_.lower() in self.product_nouns) \
                and head.head.i >= span.end:
            return "Product"
        return "Company"

    def _unlabelled_names(self, doc: Doc, items: list[dict[str, Any]], taken: list[bool], claim: Any,
                          headline: TitleCaseLines) -> None:
        runs: list[Span] = []
        i = 0
        while i < len(doc):
            if doc[i].tag_ in {"NNP", "NNPS"} and not taken[i] and doc[i].text[:1].isupper():
                j = i
                while j < len(doc) and doc[j].tag_ in {"NNP", "NNPS"} and not taken[j] \
                        and doc[j].text[:1].isupper() and "\n" not in doc[j].whitespace_:
                    j += 1
                if j < len(doc) and doc[j].tag_ in {"NNP", "NNPS"} and "\n" in doc[j].whitespace_ and not taken[j]:
                    j += 1
                runs.append(doc[i:j])
                i = max(j, i + 1)
            else:
                i += 1
        first_words = {doc[it["start"]].text for it in items}
        counts = Counter(r.text for r in runs)
        for run in runs:
            text = run.text
            words = text.split()
            if self._is_noise(text) or headline(run) or any(w.lower() in self.non_entities for w in words):
                continue
            if any(t.ent_type_ in _NOT_NAMES for t in run):
                continue  # dates, amounts, events the model did label
            # "Brightforge" after "Brightforge Games": the short form of a name the text gave in full
            longer = [it for it in items if it["via"] == "" and it["cls"] in {"Company", "Organization"}
                      and doc[it["start"]:it["end"]].text.split()[:len(words)] == words
                      and it["end"] - it["start"] > len(run)]
            if longer and len({it["name"] for it in longer}) == 1:
                claim(run, longer[0]["name"], longer[0]["cls"])
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
            elif last in self.org_heads:
                cls = "Organization"
            elif any(w in self.gov_heads for w in words):
                cls = "GovernmentBody"
            claim(run, canonical_name(text), cls)

    def _acts(self, doc: Doc, it: dict[str, Any]) -> bool:
        """Subject of a verb only organisations do (acquire, raise, sue, supply ...)."""
        root = doc[it["start"]:it["end"]].root
        verb = None
        if root.dep_ in {"nsubj"}:
            verb = root.head
        elif root.dep_ == "pobj" and root.head.dep_ == "agent":
            verb = root.head.head
        return verb is not None and verb.lemma_.lower() in self.business_verbs

    def _org_context(self, doc: Doc, it: dict[str, Any]) -> bool:
        root = doc[it["start"]:it["end"]].root
        before = doc[it["start"] - 1] if it["start"] > 0 else None
        if before is not None and before.is_lower and before.lemma_.lower() in self.org_nouns:
            return True
        if root.dep_ == "appos" and root.head.lemma_.lower() in self.org_nouns and root.head.is_lower:
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.org_nouns for c in root.children):
            return True
        if root.dep_ == "compound" and root.head.lemma_.lower() in self.org_nouns and root.head.is_lower:
            return True  # "its Ticketmaster unit"
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in self.org_nouns \
                and root.head.head.is_lower:
            return True
        return False

    def _product_context(self, doc: Doc, it: dict[str, Any], items: list[dict[str, Any]]) -> bool:
        root = doc[it["start"]:it["end"]].root
        head = root.head
        if root.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in self.product_verbs:
            return True
        if root.dep_ == "appos" and head.lemma_.lower() in self.product_nouns:
            return True
        if any(c.dep_ == "appos" and c.lemma_.lower() in self.product_nouns for c in root.children):
            return True
        if any(c.dep_ == "compound" and c.i == it["start"] - 1 and c.lemma_.lower() in self.product_nouns
               for c in root.children):
            return True
        # "the R21/Matrix-M malaria vaccine": a name modifying a kind of product
        node = root
        for _ in range(3):
            if node.dep_ not in {"compound", "nmod", "amod"} or node.head.i == node.i or node.head.i < node.i:
                break
            node = node.head
            if node.lemma_.lower() in self.product_nouns and node.is_lower:
                return True
        # "Mosquirix, which GSK developed": the object of a making verb in a relative clause
        for c in root.children:
            if c.dep_ == "relcl" and c.lemma_.lower() in self.product_verbs and any(
                    g.dep_ in {"dobj", "nsubjpass"} and g.lower_ in {"which", "that"} for g in c.children):
                return True
        # "its scanner, called Talon": the name given to a kind of product
        if head.lemma_.lower() in {"call", "name", "dub", "brand"} and head.dep_ in {"acl", "relcl"} \
                and head.head.lemma_.lower() in self.product_nouns:
            return True
        if root.dep_ in {"oprd", "attr"} and head.lemma_.lower() in {"call", "name", "dub"} and \
                head.head.lemma_.lower() in self.product_nouns:
            return True
        # "its Kiro robots": a name right after "its" is the owner's thing
        if it["start"] > 0 and doc[it["start"] - 1].lower_ in {"its", "their"} and \
                doc[it["start"] - 1].dep_ == "poss":
            return True
        # "Rivian's R2": an organisation's named thing
        for c in root.children:
            if c.dep_ == "poss":
                owner = self._org_at.get(c.i)
                if owner is not None and owner is not it and it["end"] - it["start"] <= 3:
                    return True
        return False

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        taken = [False] * len(doc)
        items: list[dict[str, Any]] = []

        def claim(span: Span, name: str, cls: str, wikidata: str = "", via: str = "") -> None:
            if any(taken[span.start:span.end]):
                return
            for i in range(span.start, span.end):
                taken[i] = True
            items.append({"start": span.start, "end": span.end, "name": name, "cls": cls,
                          "wikidata": wikidata, "via": via})

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
                        offers.append((-(end - start), 0, start, span, "gazetteer", entry))
                else:
                    entry = self.gazetteer.demonyms.get(normalize_quotes(span.text))
                    if entry is not None and span.root.pos_ != "VERB":
                        offers.append((-(end - start), 0, start, span, "demonym", entry))
        gaz_spans = [(o[3].start, o[3].end) for o in offers]
        headline = TitleCaseLines(doc)

        candidates: list[tuple[Span, str]] = []
        for ent in doc.ents:
            if ent.label_ not in _LABELS:
                continue
            if headline(ent):
                continue  # headlines in Title Case defeat NER; names found elsewhere come back in step 3
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
        for _neg, _rank, _start, span, kind, payload in sorted(offers, key=lambda o: o[:3]):
            if kind == "ner":
                name, cls = payload
                claim(span, name, cls)
            else:
                claim(span, payload.name, payload.cls, payload.wikidata, kind)

        # 1b. Names the model missed: a run of proper nouns in an argument position,
        #     written at least twice in the document ("Brightforge Games ... Brightforge").
        if doc.has_annotation("DEP"):
            self._unlabelled_names(doc, items, taken, claim, headline)

        # 2. Names the model took for organisations or people that the sentence shows
        #    to be products: "HelioGrid makes the Tessera", "the Tessera, a grid battery",
        #    "its scanner, called Talon", "Rivian's R2", "the strategy hit Skyward Tactics".
        # "Rivian chief executive RJ Scaringe": a name right after a job title is a person.
        for it in items:
            if it["via"] == "" and it["cls"] == "Company" and it["start"] > 0:
                before = doc[it["start"] - 1]
                if before.lower_ in self.person_roles and before.pos_ in {"NOUN", "PROPN"} and \
                        (before.is_lower or before.text.isupper()) and len(it["name"].split()) >= 2:
                    it["cls"] = "Person"
        # "Lumora chief executive Priya Raman": a name before a person's job title is an organisation.
        starts = {it["start"]: it for it in items}
        for it in items:
            if it["via"] != "" or it["cls"] != "Person":
                continue
            j = it["end"]
            while j < len(doc) and j - it["end"] < 3 and doc[j].lower_ in self.person_roles_words:
                j += 1
            if j > it["end"] and doc[j - 1].lower_ in self.person_roles and j in starts \
                    and starts[j]["cls"] == "Person":
                it["cls"] = "Company"
        # "Japanese retailer Aeon", "Swisslog, a unit of Kuka": names the text calls organisations.
        if doc.has_annotation("DEP"):
            orgs = {it["name"] for it in items if it["via"] == "" and it["cls"] in {"Person", "Place", "Company"}
                    and self._org_context(doc, it)}
            for it in items:
                if it["via"] == "" and it["name"] in orgs:
                    it["cls"] = "Company"
        if doc.has_annotation("DEP"):
            self._org_at = {i: o for o in items if o["cls"] in {"Company", "Organization"}
                            for i in range(o["start"], o["end"])}
            # One product context among many mentions is a quotation's turn of phrase
            # ("we built Corvo"); a name is a product when at least half its mentions say so.
            said: Counter[str] = Counter()
            seen: Counter[str] = Counter()
            for it in items:
                if it["via"] == "" and it["cls"] in {"Company", "Person", "Organization", "Place"}:
                    seen[it["name"]] += 1
                    if self._product_context(doc, it, items):
                        said[it["name"]] += 1
            for it in items:
                if it["via"] == "" and said[it["name"]] * 2 >= seen[it["name"]] > 0 and said[it["name"]] \
                        and it["name"] not in orgs:
                    it["cls"] = "Product"
            # Places that act like companies ("Datadog acquired", "Datadog competes with") are companies.
            surnames = {it["name"].split()[-1] for it in items if it["cls"] == "Person" and " " in it["name"]}
            acting = {it["name"] for it in items if it["via"] == "" and (
                it["cls"] == "Place" or (it["cls"] == "Person" and " " not in it["name"]
                                         and it["name"] not in surnames))
                      and self._acts(doc, it)}
            for it in items:
                if it["via"] == "" and it["name"] in acting:
                    it["cls"] = "Company"

        # 3. A name recognised once is the same entity wherever else it is written
        #    (the small model tags a name in one sentence and misses it in the next).
        surface: dict[str, dict[str, Any]] = {}
        for it in items:
            if it["via"] in {"", "gazetteer"}:
                surface.setdefault(doc[it["start"]:it["end"]].text, it)
        if surface:
            # every place the same tokens are written again (what a PhraseMatcher on ORTH finds,
            # without building a pattern Doc per name)
            orths = doc.to_array(ORTH).tolist()
            by_first: dict[int, list[tuple[tuple[int, ...], str]]] = {}
            for text in sorted(surface):
                pattern = tuple(orths[surface[text]["start"]:surface[text]["end"]])
                by_first.setdefault(pattern[0], []).append((pattern, text))
            matches = [(text, i, i + len(pattern)) for i, orth in enumerate(orths)
                       for pattern, text in by_first.get(orth, ()) if tuple(orths[i:i + len(pattern)]) == pattern]
            for text, start, end in sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1])):
                src = surface[text]
                # a longer name seen elsewhere beats a shorter gazetteer alias inside it
                # ("LG Energy Solution" over "LG")
                inside = [o for o in items if start <= o["start"] and o["end"] <= end
                          and (o["start"], o["end"]) != (start, end)]
                if inside and all(start <= o["start"] and o["end"] <= end for o in inside) and not any(
                        o["start"] < start < o["end"] or o["start"] < end < o["end"] for o in items):
                    for o in inside:
                        items.remove(o)
                        for i in range(o["start"], o["end"]):
                            taken[i] = False
                claim(doc[start:end], src["name"], src["cls"], src["wikidata"], src["via"])

        # Datelines ("HELSINKI —", "AUSTIN, Texas -") say where a story was filed, not who acts.
        for it in list(items):
            at_line_start = it["start"] == 0 or "\n" in doc[it["start"] - 1].whitespace_ or doc[it["start"] - 1].is_space
            surface = doc[it["start"]:it["end"]].text
            place = it["cls"] in {"Place", "Country"} or (
                self.gazetteer is not None and (self.gazetteer.lookup(surface.title()) or None) is not None
                and self.gazetteer.lookup(surface.title()).cls in {"Place", "Country"})
            if at_line_start and surface.isupper() and len(surface) > 3 and place:
                window = doc[it["end"]:min(len(doc), it["end"] + 6)]
                if any(t.text in {"-", "\u2013", "\u2014", "("} for t in window):
                    items.remove(it)
        # 4. Acronyms defined in the text: "Advanced Micro Devices (AMD)".
        by_start = {it["start"]: it for it in items}
        for it in items:
            end = it["end"]
            if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
                acro = doc[end + 1]
                if acro.text.isupper() and len(acro.text) >= 2 and not taken[acro.i]:
                    claim(doc[acro.i:acro.i + 1], it["name"], it["cls"], it["wikidata"], "acronym")
                elif acro.i in by_start and initials(it["name"]) == acro.text:
                    by_start[acro.i]["name"] = it["name"]
        # Bare acronyms elsewhere in the doc whose long form was seen.
        long_forms = {initials(it["name"]): it for it in items if initials(it["name"])}
        for it in items:
            if it["via"] in {"", "acronym"} and it["name"].isupper() and it["name"] in long_forms:
                src = long_forms[it["name"]]
                if src is not it and src["cls"] == it["cls"]:
                    it["name"] = src["name"]

        items.sort(key=lambda it: it["start"])
        doc._.kg_entity_data = items
        doc.spans[SPAN_KEY] = SpanGroup(
            doc, name=SPAN_KEY, spans=[Span(doc, it["start"], it["end"], label=it["cls"]) for it in items]
        )
        return doc


@Language.factory(
    "kg_entities",
    default_config={"use_gazetteer": True, "ontology_dir": None},
    assigns=["doc._.kg_entities", "doc.spans"],
    requires=["token.text"],
)
def make_entity_component(nlp: Language, name: str, use_gazetteer: bool, ontology_dir: str | None) -> KGEntities:
    """Factory of the ``kg_entities`` component."""
    return KGEntities(nlp, name, use_gazetteer=use_gazetteer, ontology_dir=ontology_dir)
