"""One node per real-world thing: resolve mentions across documents.

Mentions are grouped by a family-and-name key (organizations, people,
locations and products never merge with each other), then merged when the
text or the gazetteer says they are the same thing:

- the same Wikidata id or gazetteer entry;
- an acronym defined or matching the initials ("NMD" / "Northern Micro Devices");
- a person's surname after the full name in the same document ("Okafor" / "Tunde Okafor");
- a name and the same name with a brand in front or a company word behind,
  in the same document ("Stellar" / "Korvane Stellar", "Korvane" / "Korvane Electronics").

Two names a document reads as a unit and its parent (kg:subsidiaryOf, "Kestrel Norway, a unit
of Kestrel") are two things, whatever the name rules above say.

Two things that merely share a word are never merged ("Korvane" and
"Korvane Stellar" stay two nodes).

>>> from kg.linking import slugify
>>> slugify("K&V Inc. / \\"Ma Vell\\"")
'K_V_Inc_Ma_Vell'
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from urllib.parse import quote

from .names import family, initials
from .ontology import Ontology, load_ontology
from .types import DocResult, Entity

__all__ = ["CLASS_PRIORITY", "Resolver", "resolve_entities", "slugify"]

#: When votes tie, the more specific class wins.
CLASS_PRIORITY = ("GovernmentBody", "Company", "Country", "Product", "Person", "Place", "Organization")


def slugify(name: str) -> str:
    """An IRI-safe local name for an entity name (ASCII letters, digits, ``_``).

    Names with no Latin letters (CJK, Cyrillic) are percent-encoded, which is valid in IRIs.
    """
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^A-Za-z0-9]+", "_", folded).strip("_")
    if len(slug) < max(1, len(re.sub(r"\W", "", name)) // 2):
        slug = quote(re.sub(r"\s+", "_", name.strip()), safe="").replace("%", "_")
    slug = slug[:120] or "entity"
    if slug[0].isdigit():
        slug = "n" + slug
    return slug


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # deterministic root: the smaller key
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def _company_words(onto: Ontology) -> frozenset[str]:
    """Words that may follow a company's short name in its long one ("Electronics", "Inc")."""
    lex = onto.lexicon
    return frozenset({w.lower() for w in lex["entities"]["company_heads"]} | {
        w.lower().rstrip(".") for w in lex["names"]["legal_suffixes"]})


def _firm_openers(onto: Ontology) -> frozenset[str]:
    """Words that open firms' names before the short name ("Gruppo" in "Gruppo Varenna")."""
    return frozenset(w.lower() for w in onto.lexicon["entities"].get("firm_openers", ()))


def _doc_aliases(keys: dict[str, dict], heads: frozenset[str],
                 openers: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """(short, long) key pairs that name one thing within one document (``heads``: :func:`_company_words`;
    ``openers``: :func:`_firm_openers`)."""
    org_names = {k.split("/", 1)[1] for k in keys if k.startswith("org/")}
    by_family: dict[str, list[tuple[str, list[str], str]]] = defaultdict(list)
    for key in keys:
        fam, name = key.split("/", 1)
        by_family[fam].append((key, name.split(), name))
    pairs = []
    for fam, members in by_family.items():
        for short, stoks, sname in members:
            acronym_like = len(stoks) == 1 and len(sname) >= 2
            for long, ltoks, _lname in members:
                if long == short:
                    continue
                if len(ltoks) <= len(stoks):
                    # acronyms are shorter in characters, not tokens
                    if acronym_like and initials(keys[long]["name"]).lower() == sname:
                        pairs.append((short, long))
                    continue
                if fam == "person" and len(stoks) == 1 and ltoks[-1] == stoks[0]:
                    pairs.append((short, long))
                elif fam == "org" and keys[short].get("cls") == keys[long].get("cls") == "GovernmentBody" \
                        and ltoks[-len(stoks):] == stoks:
                    pairs.append((short, long))  # "the Commission" after "the European Commission"
                elif fam in {"org", "product"}:
                    prefix = ltoks[: len(stoks)] == stoks
                    if prefix and all(t in heads for t in ltoks[len(stoks):]):
                        pairs.append((short, long))  # "Korvane" / "Korvane Electronics"
                    elif fam == "org" and ltoks[-len(stoks):] == stoks \
                            and all(t in openers for t in ltoks[:-len(stoks)]):
                        pairs.append((short, long))  # "Varenna" / "Gruppo Varenna"
                    elif fam == "product" and ltoks[-len(stoks):] == stoks and \
                            " ".join(ltoks[: -len(stoks)]) in org_names:
                        pairs.append((short, long))  # "Stellar" / "Korvane Stellar"
                    elif fam == "org" and prefix and not keys[short].get("known") and not keys[long].get("known"):
                        pairs.append((short, long))  # "Kestrel" / "Kestrel Security", names no gazetteer knows
                if acronym_like and initials(keys[long]["name"]).lower() == sname:
                    pairs.append((short, long))
    return pairs


class Resolver:
    """Resolution that takes documents one at a time, keeping what it needs of each, not its mentions.

    :meth:`add` folds a document's entity mentions into per-key tallies (names,
    classes, surface forms, Wikidata ids, documents, dates) and notes the
    aliases the document defines; :meth:`resolve` merges and names the
    entities. Memory grows with the number of distinct names, not of
    mentions, and the result does not depend on the order documents arrive in.
    """

    def __init__(self, ontology: Ontology | None = None) -> None:
        self.onto = ontology or load_ontology()
        self._heads = _company_words(self.onto)
        self._openers = _firm_openers(self.onto)
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.classes: dict[str, Counter[str]] = defaultdict(Counter)
        self.surfaces: dict[str, set[str]] = defaultdict(set)
        self.wikidata: dict[str, set[str]] = defaultdict(set)
        self.docs: dict[str, set[str]] = defaultdict(set)
        self.dates: dict[str, set[str]] = defaultdict(set)
        self.counts: Counter[str] = Counter()
        self.gazetteer_keys: set[str] = set()
        self.aliases: set[tuple[str, str]] = set()  # (short, long) keys one document gives as one thing
        self.apart: set[frozenset[str]] = set()  # key pairs a document reads as a unit and its parent

    def add(self, result: DocResult) -> None:
        """Fold one document's entity mentions in."""
        doc_id, date = result.document.doc_id, result.document.date
        doc_keys: dict[str, dict] = {}
        for m in result.entities:
            key = m.key
            self.counts[key] += 1
            self.docs[key].add(doc_id)
            if date:
                self.dates[key].add(date)
            if m.via in {"coref", "generic"}:
                if m.via == "generic":
                    self.names[key][m.name] += 1
                    self.classes[key][m.cls] += 1
                continue
            weight = 3 if m.via == "gazetteer" else 1
            self.names[key][m.name] += weight
            self.classes[key][m.cls] += weight
            if m.via == "gazetteer":
                self.gazetteer_keys.add(key)
            surface = " ".join(m.text.split())
            if surface:
                self.surfaces[key].add(surface)
            if m.wikidata:
                self.wikidata[key].add(m.wikidata)
            doc_keys.setdefault(key, {"name": m.name, "cls": m.cls, "known": False})
            if m.via == "gazetteer":
                doc_keys[key]["known"] = True
        self.aliases.update(_doc_aliases(doc_keys, self._heads, self._openers))
        # "Kestrel Norway, a unit of Kestrel": the text says the two are two firms, one owning the other
        self.apart.update(frozenset((r.subject, r.object)) for r in result.relations
                          if r.predicate == "subsidiaryOf" and r.subject != r.object)

    def resolve(self) -> tuple[dict[str, Entity], dict[str, str]]:
        """The entities by id, and a map from mention key to entity id."""
        uf = _UnionFind()
        for key in self.counts:
            uf.find(key)
        long_side: set[str] = set()
        longs: dict[str, set[str]] = defaultdict(set)
        for short, long in self.aliases:
            longs[short].add(long)
        for short, long in sorted(self.aliases):
            if short in self.gazetteer_keys and long in self.gazetteer_keys:
                continue  # two names the gazetteer knows apart stay apart
            if len(longs[short]) > 1:
                continue  # "Okafor" for "Tunde Okafor" here and "Kevin Okafor" there: ambiguous, merge neither
            if frozenset((short, long)) in self.apart:
                continue  # a unit and its parent ("Kestrel Norway" / "Kestrel")
            uf.union(short, long)
            long_side.add(long)
        by_qid: dict[str, str] = {}
        for key in sorted(self.wikidata):
            for qid in sorted(self.wikidata[key]):
                if qid in by_qid:
                    uf.union(by_qid[qid], key)
                else:
                    by_qid[qid] = key

        clusters: dict[str, list[str]] = defaultdict(list)
        for key in sorted(uf.parent):
            clusters[uf.find(key)].append(key)

        names, classes, gazetteer_keys = self.names, self.classes, self.gazetteer_keys
        order = []
        for members in clusters.values():
            name_votes: Counter[str] = Counter()
            for k in members:
                bonus = (100 if k in gazetteer_keys else 0) + (10 if k in long_side else 0)
                for n, c in names[k].items():
                    name_votes[n] += c + bonus
            if not name_votes:
                continue
            name = max(name_votes.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
            class_votes: Counter[str] = Counter()
            for k in members:
                class_votes.update(classes[k])
            top = max(class_votes.values())
            cls = next((c for c in CLASS_PRIORITY if class_votes.get(c) == top), None) or \
                sorted(c for c, v in class_votes.items() if v == top)[0]
            order.append((slugify(name), family(cls), name, cls, members))

        entities: dict[str, Entity] = {}
        key_to_id: dict[str, str] = {}
        used: set[str] = set()
        for base, fam, name, cls, members in sorted(order, key=lambda t: t[:3]):
            ident, n = base, 2
            while ident in used:
                ident = f"{base}_{fam}" if n == 2 else f"{base}_{fam}{n}"
                n += 1
            used.add(ident)
            all_dates = sorted({d for k in members for d in self.dates[k]})
            qids = sorted({q for k in members for q in self.wikidata[k]})
            entities[ident] = Entity(
                id=ident, name=name, cls=cls,
                alt_labels=tuple(sorted({s for k in members for s in self.surfaces[k]} - {name})),
                wikidata=qids[0] if qids else "", mentions=sum(self.counts[k] for k in members),
                documents=tuple(sorted({d for k in members for d in self.docs[k]})),
                first_date=all_dates[0] if all_dates else "",
            )
            for k in members:
                key_to_id[k] = ident
        return entities, key_to_id


def resolve_entities(results: Iterable[DocResult], ontology: Ontology | None = None
                     ) -> tuple[dict[str, Entity], dict[str, str]]:
    """Resolve the mentions of all documents (see :class:`Resolver`).

    Returns the entities by id and a map from mention key (``EntityMention.key``)
    to entity id. Deterministic: the same mentions give the same ids in any order.
    """
    resolver = Resolver(ontology)
    for result in results:
        resolver.add(result)
    return resolver.resolve()
