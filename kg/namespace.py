"""The project's own RDF terms as a closed namespace: a misspelt term fails loudly.

>>> from kg.namespace import KG
>>> str(KG.partnersWith)
'https://w3id.org/kg-builder/ontology#partnersWith'
>>> KG.partnerWith  # doctest: +IGNORE_EXCEPTION_DETAIL
Traceback (most recent call last):
AttributeError: term 'partnerWith' not in namespace
"""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ["KG", "KG_IRI"]

KG_IRI = "https://w3id.org/kg-builder/ontology#"


class KG(DefinedNamespace):
    """Terms of ``ontology/kg.ttl`` (tests check this list against the file)."""

    _NS = Namespace(KG_IRI)
    _fail = True

    Actor: URIRef
    Company: URIRef
    Country: URIRef
    Document: URIRef
    Entity: URIRef
    GovernmentBody: URIRef
    Location: URIRef
    Organization: URIRef
    Person: URIRef
    Place: URIRef
    Product: URIRef
    Statement: URIRef
    about: URIRef
    acquires: URIRef
    amount: URIRef
    asserted: URIRef
    bans: URIRef
    baseConfidence: URIRef
    basedIn: URIRef
    color: URIRef
    competesWith: URIRef
    confidence: URIRef
    contentHash: URIRef
    contradictedBy: URIRef
    date: URIRef
    dateText: URIRef
    develops: URIRef
    endOffset: URIRef
    extractor: URIRef
    inverseRoleTrigger: URIRef
    inverseTrigger: URIRef
    investsIn: URIRef
    livesIn: URIRef
    locatedIn: URIRef
    locationIsAgent: URIRef
    mentionCount: URIRef
    modelConfidence: URIRef
    modality: URIRef
    objectAntecedentEnd: URIRef
    objectAntecedentStart: URIRef
    objectEnd: URIRef
    objectPreposition: URIRef
    nounObjectPreposition: URIRef
    objectStart: URIRef
    objectText: URIRef
    offers: URIRef
    ofModifier: URIRef
    appositionPreposition: URIRef
    sourcePreposition: URIRef
    backReferringRole: URIRef
    saleTrigger: URIRef
    operatesIn: URIRef
    partnersWith: URIRef
    passiveKeepsSubject: URIRef
    placeIsMarket: URIRef
    path: URIRef
    pays: URIRef
    paysCommissionTo: URIRef
    possessorIs: URIRef
    providesAccessTo: URIRef
    qualifierRole: URIRef
    relation: URIRef
    restricts: URIRef
    role: URIRef
    roleTrigger: URIRef
    sentence: URIRef
    sourceFormat: URIRef
    startDate: URIRef
    startOffset: URIRef
    subjectAntecedentEnd: URIRef
    subjectAntecedentStart: URIRef
    subjectEnd: URIRef
    subjectStart: URIRef
    subjectText: URIRef
    subsidiaryOf: URIRef
    sues: URIRef
    suppliesTo: URIRef
    symmetricEvidence: URIRef
    trigger: URIRef
    triggerText: URIRef
    worksFor: URIRef
