"""The vocabulary the RDF files use: prefixes, and the properties of a statement's qualifiers.

Shared by the writer (:mod:`kg.export.rdf`) and the reader (:mod:`kg.export.rdf_read`).
"""

from __future__ import annotations

import rdflib
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

from ..namespace import KG, KG_IRI

__all__ = ["PREFIXES", "QUALIFIER_PROPS", "SCHEMA", "WD"]

SCHEMA = rdflib.Namespace("https://schema.org/")
WD = rdflib.Namespace("http://www.wikidata.org/entity/")

#: Prefixes bound in every output (and predeclared for queries).
PREFIXES = {
    "kg": KG_IRI,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "dcterms": str(DCTERMS),
    "wd": str(WD),
}

QUALIFIER_PROPS = {
    "date": (KG.date, XSD.date),
    "startDate": (KG.startDate, XSD.date),
    "dateText": (KG.dateText, None),
    "role": (KG.role, None),
    "amount": (KG.amount, None),
    "about": (KG.about, None),
}
