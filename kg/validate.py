"""Check a built graph against the SHACL shapes in ``ontology/shapes.ttl`` (pySHACL).

The shapes say what a well-formed graph is: every entity has exactly one kg
class and one label; the ends of every relation have the domain and range
that ``ontology/kg.ttl`` states; every statement names its source document,
its sentence and a confidence in [0, 1]. ``kg.ttl`` is passed as the
ontology graph, so ``sh:class kg:Actor`` accepts a ``kg:Company``.

>>> from kg.validate import validate  # doctest: +SKIP
>>> conforms, report = validate("out/graph.ttl")  # doctest: +SKIP
>>> conforms  # doctest: +SKIP
True
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

import rdflib
from rdflib.namespace import SH

from .export.rdf import parse_graph
from .namespace import KG_IRI
from .ontology import ontology_dir

__all__ = ["validate", "validate_graph", "shapes_path", "load_shapes"]

#: File suffix -> rdflib parser name, for the graph files ``kg build`` writes.
#: How many violations the report lists one by one before it only counts them.
MAX_LISTED = 50


def shapes_path() -> Path:
    """Where the shapes live: ``shapes.ttl`` beside ``kg.ttl``."""
    return ontology_dir() / "shapes.ttl"


@lru_cache(maxsize=4)
def _parse_turtle(path: Path) -> rdflib.Graph:
    return rdflib.Graph().parse(path, format="turtle")


def load_shapes() -> rdflib.Graph:
    """The shapes graph (parsed once per path; do not modify it)."""
    return _parse_turtle(shapes_path())


def _short(graph: rdflib.Graph, term: rdflib.term.Node | None) -> str:
    if term is None:
        return "-"
    if isinstance(term, rdflib.URIRef):
        try:
            return graph.namespace_manager.normalizeUri(term)
        except Exception:  # noqa: BLE001 - fall back to the full IRI
            return f"<{term}>"
    if isinstance(term, rdflib.BNode):
        return "[]"
    text = term.n3(graph.namespace_manager)
    return text if len(text) <= 80 else text[:77] + "..."


def _report(data: rdflib.Graph, results: rdflib.Graph) -> str:
    """One line per violation: focus node, path, value, message; most common problems first."""
    rows = []
    for result in results.subjects(rdflib.RDF.type, SH.ValidationResult):
        focus = results.value(result, SH.focusNode)
        path = results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        message = results.value(result, SH.resultMessage)
        severity = results.value(result, SH.resultSeverity)
        rows.append((
            str(severity).rsplit("#", 1)[-1] if severity is not None else "Violation",
            _short(data, focus),
            _short(data, path) if isinstance(path, rdflib.URIRef) else ("-" if path is None else "(path)"),
            _short(data, value) if value is not None else "",
            str(message).replace(KG_IRI, "kg:") if message is not None else "",
        ))
    rows.sort(key=lambda r: (r[4], r[1], r[2], r[3]))
    kinds = Counter(r[4] for r in rows)
    lines = [f"The graph does not conform to the shapes: {len(rows)} problem(s)."]
    lines.append("")
    lines.append("By kind:")
    for message, n in kinds.most_common():
        lines.append(f"  {n:5d}  {message}")
    lines.append("")
    lines.append("Problems (focus node, property, value: message):")
    for severity, focus, path, value, message in rows[:MAX_LISTED]:
        where = f"{focus}  {path}" + (f"  {value}" if value else "")
        lines.append(f"  [{severity}] {where}: {message}")
    if len(rows) > MAX_LISTED:
        lines.append(f"  ... and {len(rows) - MAX_LISTED} more.")
    return "\n".join(lines)


def _extended_shapes(onto_dir: Path) -> rdflib.Graph:
    """The packaged shapes plus, for each relation an extension ontology adds, the same checks the
    packaged relations have: it is an allowed statement predicate, and its ends have its domain and range."""
    from rdflib.collection import Collection
    from rdflib.namespace import RDF, SH

    from .namespace import KG_IRI
    from .ontology import load_ontology

    shapes = rdflib.Graph()
    for triple in load_shapes():
        shapes.add(triple)
    packaged = load_ontology()
    extended = load_ontology(str(onto_dir))
    added = sorted(set(extended.relations) - set(packaged.relations))
    if not added:
        return shapes
    kg_ns = rdflib.Namespace(KG_IRI)
    base = "https://w3id.org/kg-builder/shapes#"
    for prop_shape in shapes.subjects(SH.path, RDF.predicate):
        values = shapes.value(prop_shape, SH["in"])
        if values is not None:
            items = Collection(shapes, values)
            for name in added:
                items.append(kg_ns[name])

    def one(cls: frozenset[str]) -> rdflib.URIRef:
        return kg_ns[next(iter(cls))] if len(cls) == 1 else kg_ns.Entity

    for name in added:
        rel = extended.relations[name]
        domain, rng = one(rel.domain), one(rel.range)
        node = rdflib.URIRef(f"{base}{name}Shape")
        shapes.add((node, RDF.type, SH.NodeShape))
        shapes.add((node, SH.targetSubjectsOf, kg_ns[name]))
        shapes.add((node, SH["class"], domain))
        prop = rdflib.BNode()
        shapes.add((node, SH.property, prop))
        shapes.add((prop, SH.path, kg_ns[name]))
        shapes.add((prop, SH["class"], rng))
    return shapes


def validate_graph(data: rdflib.Graph, *, ontology: str | Path | None = None) -> tuple[bool, str]:
    """Validate an rdflib graph; returns (conforms, readable report).

    ``ontology``: a Turtle file of classes and relations added to the packaged ontology (as given
    to ``kg build --ontology``); its relations are checked like the packaged ones.
    """
    import pyshacl

    if ontology is not None:
        from .ontology import extended_ontology_dir

        onto_dir = extended_ontology_dir(ontology)
        ontology_graph = _parse_turtle(onto_dir / "kg.ttl")
        shapes = _extended_shapes(onto_dir)
    else:
        ontology_graph = _parse_turtle(ontology_dir() / "kg.ttl")
        shapes = load_shapes()
    conforms, results, _text = pyshacl.validate(
        data, shacl_graph=shapes, ont_graph=ontology_graph, inference="none",
        abort_on_first=False, allow_warnings=False, advanced=True,  # SPARQL targets
    )
    if conforms:
        return True, (f"The graph conforms to the shapes ({len(data)} triples; "
                      f"{shapes_path().name}).")
    return False, _report(data, results)


def validate(path: str | Path, *, ontology: str | Path | None = None) -> tuple[bool, str]:
    """Validate the graph file at ``path`` (Turtle, N-Triples or JSON-LD, or a folder holding graph.ttl).

    Returns ``(conforms, report_text)``. Raises :class:`~kg.errors.InputError`
    when the file is missing or not parseable. ``ontology``: see :func:`validate_graph`.
    """
    return validate_graph(parse_graph(path, strict=True), ontology=ontology)
