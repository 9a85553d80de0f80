"""Typed, immutable records that flow between the stages of a build.

Every stage after the spaCy pipeline works on these small records, never on
``Doc`` objects, so that documents can be processed in other processes (or on
a Dask cluster), cached on disk and merged in any order.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Qualifiers",
    "DocumentRecord",
    "EntityMention",
    "RelationMention",
    "DocResult",
    "SkippedDocument",
    "Entity",
    "Statement",
    "Relation",
]

#: Qualifier name -> value, sorted by name (``("about", "API access")``).
Qualifiers = tuple[tuple[str, str], ...]


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """A document read from disk or given as a string."""

    doc_id: str  #: stable id: a slug of the path, or ``text-<hash>`` for raw strings
    path: str  #: where it was read from, as given ("" for raw strings)
    text: str  #: the text handed to spaCy (after HTML and furniture removal)
    sha256: str  #: hash of ``text``
    title: str = ""
    date: str = ""  #: ISO date when the document carries one
    warnings: tuple[str, ...] = ()
    # -- where and how it was published (kg.ingest); "" when the source does not say ----------
    issued: str = ""  #: ISO date-time of publication, when the source gives the time too
    url: str = ""  #: the article's (canonical) URL
    author: str = ""  #: author(s), as given ("Jane Doe; John Roe")
    language: str = ""  #: ISO 639-1 code, detected (or as the source declares it for short texts)
    source_format: str = ""  #: the reader that read it: "text", "html", "jsonl", "csv", "warc", "rss", "atom"


@dataclass(frozen=True, slots=True)
class EntityMention:
    """One entity mention, typed and canonicalised within its document."""

    key: str  #: document-level entity key (class + canonical name)
    name: str  #: canonical name
    cls: str  #: ontology class local name ("Company")
    text: str  #: surface form
    start: int  #: character offsets in the document text
    end: int
    wikidata: str = ""
    via: str = ""  #: "" for a named mention, else how it was resolved ("coref", "demonym")


@dataclass(frozen=True, slots=True)
class RelationMention:
    """One piece of textual evidence for a relation."""

    subject: str  #: entity key of the subject
    predicate: str  #: vocabulary local name ("investsIn")
    object: str  #: entity key of the object
    confidence: float
    sentence: str
    start: int  #: offsets of the evidence (sentence) in the document text
    end: int
    subject_text: str = ""
    object_text: str = ""
    trigger: str = ""
    modality: str = "fact"  #: "fact", "negated" or "hypothetical"
    qualifiers: Qualifiers = ()
    extractor: str = "rules"  #: "rules", "model" or "both"
    model_confidence: float | None = None  #: the trained model's probability, where it scored the pair
    subject_start: int = -1  #: character offsets of the two mentions in the document text (-1: unknown)
    subject_end: int = -1
    object_start: int = -1
    object_end: int = -1
    #: where a mention was resolved by coreference ("the agency", "its"): the character offsets of
    #: the mention it was resolved to, its antecedent (-1: not resolved)
    subject_antecedent_start: int = -1
    subject_antecedent_end: int = -1
    object_antecedent_start: int = -1
    object_antecedent_end: int = -1


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything a build keeps of one document: small, picklable, cacheable."""

    document: DocumentRecord
    entities: tuple[EntityMention, ...] = ()
    relations: tuple[RelationMention, ...] = ()


@dataclass(frozen=True, slots=True)
class SkippedDocument:
    """A document that could not be built, and why."""

    path: str
    reason: str
    details: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Entity:
    """One node per real-world thing, after resolution across documents."""

    id: str  #: IRI-safe local id ("Korvane_Electronics", "South_Korea")
    name: str  #: canonical name (rdfs:label)
    cls: str  #: ontology class local name
    alt_labels: tuple[str, ...] = ()
    wikidata: str = ""
    mentions: int = 0
    documents: tuple[str, ...] = ()  #: doc ids that mention it
    first_date: str = ""  #: earliest document date mentioning it (ISO) or ""


@dataclass(frozen=True, slots=True)
class Statement:
    """Evidence for one relation from one sentence of one document."""

    id: str  #: stable local id
    subject: str  #: entity id
    predicate: str
    object: str  #: entity id
    doc_id: str
    sentence: str
    start: int
    end: int
    confidence: float
    modality: str = "fact"
    subject_text: str = ""
    object_text: str = ""
    trigger: str = ""
    qualifiers: Qualifiers = ()
    date: str = ""  #: the document's date (ISO) or ""
    extractor: str = "rules"  #: which extractor found it: "rules", "model" or "both"
    model_confidence: float | None = None  #: the trained model's probability for it, where it scored the pair
    subject_start: int = -1  #: character offsets of the mentions in the document (-1: unknown)
    subject_end: int = -1
    object_start: int = -1
    object_end: int = -1
    subject_antecedent_start: int = -1  #: a coreferent mention's antecedent, as in RelationMention
    subject_antecedent_end: int = -1
    object_antecedent_start: int = -1
    object_antecedent_end: int = -1

    @property
    def asserted(self) -> bool:
        return self.modality == "fact"


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two entities, with the statements that support it."""

    subject: str
    predicate: str
    object: str
    statements: tuple[str, ...]  #: statement ids
    confidence: float  #: combined confidence of the asserted statements
    first_date: str = ""

    @property
    def weight(self) -> int:
        return len(self.statements)
