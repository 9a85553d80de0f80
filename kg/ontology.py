"""Load the ontology (``ontology/kg.ttl``), the lexicon and the gazetteer.

The ontology is data that drives extraction: relation triggers, argument
prepositions, domains and ranges are read from the Turtle file, so a user
adds a relation by editing Turtle, not Python.

>>> onto = load_ontology()
>>> onto.relations["bans"].parent
'restricts'
>>> onto.is_a("Company", "Organization")
True
>>> "partnersWith" in onto.symmetric
True
"""

from __future__ import annotations

import csv
import hashlib
import os
import tomllib
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import rdflib
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS

from .errors import OntologyError
from .io import atomic_folder, user_cache_dir

__all__ = [
    "KG_NS",
    "GazetteerEntry",
    "Ontology",
    "RelationInfo",
    "extended_ontology_dir",
    "load_ontology",
    "ontology_dir",
    "packaged_ontology_dir",
    "read_lexicon",
]

#: The namespace of the project's own terms.
KG_NS = "https://w3id.org/kg-builder/ontology#"
_KG = rdflib.Namespace(KG_NS)


def ontology_dir() -> Path:
    """Where the ontology files live: ``$KG_ONTOLOGY_DIR``, the installed copy, or the repo's."""
    env = os.environ.get("KG_ONTOLOGY_DIR")
    if env:
        return Path(env)
    return packaged_ontology_dir()


def packaged_ontology_dir() -> Path:
    """The ontology that ships with kg-builder: the installed copy, or the repo's."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_ontology", here.parent / "ontology"):
        if (candidate / "kg.ttl").is_file():
            return candidate
    raise OntologyError(
        f"No ontology found: looked for kg.ttl in {here / '_ontology'} and {here.parent / 'ontology'}; "
        "set KG_ONTOLOGY_DIR to the folder that holds kg.ttl."
    )


def read_lexicon(path: Path) -> dict[str, Any]:
    """The word lists of a ``lexicon.toml`` as a dict of sections; :class:`OntologyError` naming the file
    if it cannot be read or parsed."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise OntologyError(f"Cannot read the lexicon {path}: {exc}") from exc


@dataclass(frozen=True, slots=True)
class RelationInfo:
    """What the extractor needs to know of one relation."""

    name: str
    label: str
    comment: str
    domain: frozenset[str]
    range: frozenset[str]
    triggers: tuple[tuple[str, ...], ...]
    role_triggers: tuple[tuple[str, ...], ...]
    inverse_role_triggers: tuple[tuple[str, ...], ...]
    inverse_triggers: tuple[tuple[str, ...], ...]
    object_preps: frozenset[str]
    symmetric: bool = False
    #: owl:TransitiveProperty: within a sentence, "A, B, C" as an address says A is in C too
    transitive: bool = False
    parent: str | None = None
    location_is_agent: bool = False
    passive_keeps_subject: bool = False
    symmetric_evidence: bool = False
    base_confidence: float = 0.7
    qualifier_role: str = ""
    possessor_is: str = ""  #: "subject" or "object" when "X's Y" signals the relation
    of_modifier: bool = False  #: "S of O" ("Ana Ruiz of Acme") signals the relation
    #: where "in <Place>" means the subject operates there: "verb" ("sells phones in Brazil"), "role"
    #: (a role noun's holder: "Velo's main rival in China")
    place_is_market: frozenset[str] = frozenset()
    #: "S, a <noun> <prep> O" ("Hana Petrova, an ecologist at Lindqvist University") signals the relation
    apposition_preps: frozenset[str] = frozenset()
    #: after an inverse trigger, the preposition whose object is the subject ("buys cocoa from S")
    source_preps: frozenset[str] = frozenset()
    #: role triggers that, naming no organisation, mean the one the text is about ("Chief executive X said")
    back_roles: frozenset[tuple[str, ...]] = frozenset()
    #: verbs that hand the object over to the subject, named after "to" ("sold Quillo to Harbor")
    sale_triggers: tuple[tuple[str, ...], ...] = ()
    #: relations that, stated between the same two entities in a document, overrule a model-only reading
    contradicted_by: frozenset[str] = frozenset()
    #: prepositions whose object fills the object after the relation's event noun only ("a supply deal
    #: with X"), not after its verb ("sells phones with Korvane chips")
    noun_object_preps: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """A well-known entity: canonical name, class, aliases, Wikidata id."""

    name: str
    cls: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    wikidata: str = ""
    country: str = ""
    region: str = ""
    developer: str = ""


@dataclass
class Ontology:
    """Classes, relations, lexicon and gazetteer, loaded once."""

    directory: Path
    graph: rdflib.Graph
    classes: dict[str, frozenset[str]]  #: class -> all its superclasses (itself included)
    relations: dict[str, RelationInfo]
    lexicon: dict
    gazetteer: list[GazetteerEntry] = field(default_factory=list)
    version: str = ""
    colors: dict[str, str] = field(default_factory=dict)  #: class -> "#RRGGBB"

    @cached_property
    def name_of_heads(self) -> frozenset[str]:
        """Last words of names that often go on with "of" and a place ("the Central Bank of Ireland",
        "the Supreme Court of Norway"): the lexicon's government, organisation and name-of heads."""
        ent = self.lexicon["entities"]
        return frozenset(ent["government_heads"]) | frozenset(ent["organization_heads"]) | frozenset(ent["name_of_heads"])

    @cached_property
    def possessive_pronouns(self) -> frozenset[str]:
        """The possessive pronouns of a firm or of firms ("its", "their"): lexicon ``possessive_pronouns``."""
        return self.words("entities", "possessive_pronouns")

    @cached_property
    def owner_possessives(self) -> frozenset[str]:
        """The possessive pronouns and the relative one ("its", "their", "whose"), where a rule reads an
        owner in a relative clause too: lexicon ``possessive_pronouns`` and ``relative_possessives``."""
        return self.possessive_pronouns | self.words("entities", "relative_possessives")

    @cached_property
    def world_regions(self) -> frozenset[str]:
        """The continents and world regions the gazetteer knows (places in no country nor region: "South
        Asia"), by name and alias: they name markets more than seats."""
        return frozenset(n for e in self.gazetteer if e.cls == "Place" and not e.country and not e.region
                         for n in (e.name, *e.aliases))

    @cached_property
    def place_countries(self) -> dict[str, str]:
        """The country the gazetteer puts each of its places in, by the place's name and alias."""
        return {n: e.country for e in self.gazetteer if e.cls == "Place" and e.country for n in (e.name, *e.aliases)}

    @cached_property
    def place_regions(self) -> dict[str, str]:
        """The region (state, province: "Lower Saxony", "Ontario") the gazetteer puts each of its places
        in, by the place's name and alias."""
        return {n: e.region for e in self.gazetteer if e.cls == "Place" and e.region for n in (e.name, *e.aliases)}

    @cached_property
    def symmetric(self) -> frozenset[str]:
        return frozenset(r for r, info in self.relations.items() if info.symmetric)

    @cached_property
    def to_places(self) -> frozenset[str]:
        """The relations whose range is places only (kg:basedIn, kg:operatesIn, kg:locatedIn, ...)."""
        return frozenset(name for name, rel in self.relations.items()
                         if rel.range and all(self.is_a(c, "Location") for c in rel.range))

    def is_a(self, cls: str, target: str) -> bool:
        """True when ``cls`` is ``target`` or one of its subclasses."""
        return target in self.classes.get(cls, frozenset({cls}))

    def fits(self, cls: str, allowed: frozenset[str]) -> bool:
        """True when ``cls`` is (a subclass of) one of ``allowed``."""
        return any(self.is_a(cls, a) for a in allowed)

    def ancestors(self, relation: str) -> list[str]:
        out = [relation]
        while (parent := self.relations[out[-1]].parent) is not None:
            out.append(parent)
        return out

    def family(self, relation: str) -> frozenset[str]:
        """The relation, its ancestors and its descendants: the relations that answer for it
        (``bans`` -> bans, restricts; ``restricts`` -> restricts, bans)."""
        cache = self.__dict__.setdefault("_families", {})
        if relation not in cache:
            cache[relation] = frozenset(self.ancestors(relation)) | {
                r for r in self.relations if relation in self.ancestors(r)}
        return cache[relation]

    def words(self, section: str, key: str) -> frozenset[str]:
        """A word list from ``lexicon.toml`` (``words("relations", "hedges")``), made once: the rules
        ask for theirs on every document."""
        made = self.__dict__.setdefault("_word_sets", {})
        if (section, key) not in made:
            try:
                made[section, key] = frozenset(self.lexicon[section][key])
            except KeyError as exc:
                raise OntologyError(f"lexicon.toml has no list [{section}].{key}") from exc
        return made[section, key]


def _local(term: rdflib.term.Node) -> str:
    text = str(term)
    return text[len(KG_NS):] if text.startswith(KG_NS) else text.rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def _class_set(graph: rdflib.Graph, node: rdflib.term.Node | None) -> frozenset[str]:
    if node is None:
        return frozenset({"Entity"})
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return frozenset(_local(m) for m in Collection(graph, union))
    return frozenset({_local(node)})


def _triggers(graph: rdflib.Graph, rel: rdflib.URIRef, prop: rdflib.URIRef) -> tuple[tuple[str, ...], ...]:
    words = {tuple(str(t).lower().split()) for t in graph.objects(rel, prop)}
    # Longer triggers first: "pay commission" is tried before "pay".
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for lineno, row in enumerate(reader, start=2):
        if None in row or any(v is None for v in row.values()):
            raise OntologyError(f"{path}: line {lineno}: wrong number of tab-separated columns")
        rows.append({k: v.strip() for k, v in row.items()})
    return rows


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _load_gazetteer(directory: Path) -> list[GazetteerEntry]:
    gdir = directory / "gazetteer"
    entries: list[GazetteerEntry] = []
    if not gdir.is_dir():
        return entries
    spec = {
        "countries.tsv": None,
        "places.tsv": None,
        "organizations.tsv": None,
        "products.tsv": "Product",
    }
    for fname, fixed_cls in spec.items():
        path = gdir / fname
        if not path.is_file():
            continue
        for row in _read_tsv(path):
            entries.append(
                GazetteerEntry(
                    name=row["name"],
                    cls=fixed_cls or row.get("class", "") or "Organization",
                    aliases=_split(row.get("aliases", "")),
                    demonyms=_split(row.get("demonyms", "")),
                    wikidata=row.get("wikidata", ""),
                    country=row.get("country", ""),
                    region=row.get("region", ""),
                    developer=row.get("developer", ""),
                )
            )
    return entries


def _version(directory: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.suffix in {".ttl", ".toml", ".tsv"}:
            digest.update(path.relative_to(directory).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_ontology(directory: str | os.PathLike[str] | None = None) -> Ontology:
    """Parse ``kg.ttl``, ``lexicon.toml`` and the gazetteer of ``directory`` (once per folder and process).

    ``load_ontology()``, ``load_ontology(None)`` and a folder given as a string or a path are
    one cache entry each, not several parses of the same files.
    """
    return _load_ontology(str(directory) if directory is not None else None)


@lru_cache(maxsize=4)
def _load_ontology(directory: str | None) -> Ontology:
    base = Path(directory) if directory is not None else ontology_dir()
    ttl = base / "kg.ttl"
    graph = rdflib.Graph()
    try:
        graph.parse(ttl, format="turtle")
    except Exception as exc:  # rdflib raises several parser error types
        raise OntologyError(f"Cannot parse the ontology {ttl}: {exc}") from exc

    direct: dict[str, set[str]] = {}
    for cls in graph.subjects(RDF.type, OWL.Class):
        if isinstance(cls, rdflib.URIRef) and str(cls).startswith(KG_NS):
            direct[_local(cls)] = {
                _local(p) for p in graph.objects(cls, RDFS.subClassOf) if str(p).startswith(KG_NS)
            }
    classes: dict[str, frozenset[str]] = {}
    for name in direct:
        seen, todo = {name}, [name]
        while todo:
            for parent in direct.get(todo.pop(), ()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        classes[name] = frozenset(seen)

    relations: dict[str, RelationInfo] = {}
    symmetric = {_local(p) for p in graph.subjects(RDF.type, OWL.SymmetricProperty)}
    transitive = {_local(p) for p in graph.subjects(RDF.type, OWL.TransitiveProperty)}
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty)):
        name = _local(prop)
        if not str(prop).startswith(KG_NS) or name == "relation":
            continue
        parents = [_local(p) for p in graph.objects(prop, RDFS.subPropertyOf) if _local(p) != "relation"]

        def flag(term: str) -> bool:
            value = graph.value(prop, _KG[term])
            return bool(value is not None and value.toPython() is True)

        conf = graph.value(prop, _KG.baseConfidence)
        relations[name] = RelationInfo(
            name=name,
            label=str(graph.value(prop, RDFS.label) or name),
            comment=str(graph.value(prop, RDFS.comment) or ""),
            domain=_class_set(graph, graph.value(prop, RDFS.domain)),
            range=_class_set(graph, graph.value(prop, RDFS.range)),
            triggers=_triggers(graph, prop, _KG.trigger),
            role_triggers=_triggers(graph, prop, _KG.roleTrigger),
            inverse_role_triggers=_triggers(graph, prop, _KG.inverseRoleTrigger),
            inverse_triggers=_triggers(graph, prop, _KG.inverseTrigger),
            object_preps=frozenset(str(p).lower() for p in graph.objects(prop, _KG.objectPreposition)),
            noun_object_preps=frozenset(str(p).lower() for p in graph.objects(prop, _KG.nounObjectPreposition)),
            symmetric=name in symmetric,
            transitive=name in transitive,
            parent=parents[0] if parents else None,
            location_is_agent=flag("locationIsAgent"),
            passive_keeps_subject=flag("passiveKeepsSubject"),
            symmetric_evidence=flag("symmetricEvidence"),
            base_confidence=float(conf.toPython()) if conf is not None else 0.7,
            qualifier_role=str(graph.value(prop, _KG.qualifierRole) or ""),
            possessor_is=str(graph.value(prop, _KG.possessorIs) or ""),
            of_modifier=flag("ofModifier"),
            place_is_market=frozenset(str(p).lower() for p in graph.objects(prop, _KG.placeIsMarket)),
            apposition_preps=frozenset(str(p).lower() for p in graph.objects(prop, _KG.appositionPreposition)),
            source_preps=frozenset(str(p).lower() for p in graph.objects(prop, _KG.sourcePreposition)),
            back_roles=frozenset(_triggers(graph, prop, _KG.backReferringRole)),
            sale_triggers=_triggers(graph, prop, _KG.saleTrigger),
            contradicted_by=frozenset(_local(o) for o in graph.objects(prop, _KG.contradictedBy)),
        )
    if not relations:
        raise OntologyError(f"{ttl} defines no kg: object properties")

    lexicon = read_lexicon(base / "lexicon.toml")

    colors = {
        _local(cls): str(col) for cls, col in graph.subject_objects(_KG.color) if str(cls).startswith(KG_NS)
    }
    return Ontology(
        colors=colors,
        directory=base,
        graph=graph,
        classes=classes,
        relations=relations,
        lexicon=lexicon,
        gazetteer=_load_gazetteer(base),
        version=_version(base),
    )


def extended_ontology_dir(extra: str | os.PathLike[str], base: str | os.PathLike[str] | None = None) -> Path:
    """A folder holding the ontology of ``base`` (default: the packaged one) extended by the Turtle file ``extra``.

    ``kg build --ontology EXTRA.ttl`` teaches the graph new classes and relations
    without replacing ours: ``kg.ttl`` there is both files' triples, next to the
    base's lexicon and gazetteer. The folder is made once per content, under
    ``$KG_CACHE_DIR`` (default ``~/.cache/kg-builder``), and its name is a hash of
    both, so a changed file gives a new folder.

    Raises :class:`OntologyError` when ``extra`` is missing or not Turtle, or when it
    redefines a term of the base with another domain or range.
    """
    src = Path(base) if base is not None else ontology_dir()
    extra_path = Path(extra)
    try:
        extra_bytes = extra_path.read_bytes()
    except OSError as exc:
        raise OntologyError(f"Cannot read the ontology extension {extra_path}: {exc.strerror or exc}") from exc
    graph = rdflib.Graph()
    graph.parse(src / "kg.ttl", format="turtle")
    added = rdflib.Graph()
    try:
        added.parse(data=extra_bytes.decode("utf-8"), format="turtle", publicID=extra_path.resolve().as_uri())
    except Exception as exc:  # rdflib raises several parser error types
        raise OntologyError(f"Cannot parse the ontology extension {extra_path} as Turtle: {exc}") from exc
    for prop in (RDFS.domain, RDFS.range):
        for subj, value in added.subject_objects(prop):
            old = set(graph.objects(subj, prop))
            if old and value not in old:
                raise OntologyError(f"{extra_path}: {_local(subj)} already has {_local(prop)} "
                                    f"{', '.join(sorted(_local(o) for o in old))} in {src / 'kg.ttl'}; "
                                    "an extension adds terms, it does not change ours.")
    digest = hashlib.sha256(_version(src).encode() + b"\0" + extra_bytes).hexdigest()[:16]
    root = user_cache_dir("ontologies")
    target = root / f"{extra_path.stem}-{digest}"
    if (target / "kg.ttl").is_file():
        return target
    import shutil

    with atomic_folder(target) as tmp:
        for item in sorted(src.iterdir()):
            if item.name == "kg.ttl":
                continue
            if item.is_dir():
                shutil.copytree(item, tmp / item.name)
            elif item.is_file():
                shutil.copy2(item, tmp / item.name)
        for triple in added:
            graph.add(triple)
        for prefix, ns in added.namespaces():
            if prefix and prefix not in dict(graph.namespaces()):
                graph.bind(prefix, ns)
        graph.serialize(tmp / "kg.ttl", format="turtle")
    return target
