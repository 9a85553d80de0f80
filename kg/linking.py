"""One node per real-world thing: resolve mentions across documents.

Mentions are grouped by a family-and-name key (organizations, people,
locations and products never merge with each other), then merged when the
text or the gazetteer says they are the same thing:

- the same Wikidata id or gazetteer entry;
- an acronym defined or matching the initials ("AMD" / "Advanced Micro Devices");
- a person's surname after the full name in the same document ("Huang" / "Jensen Huang");
- a name and the same name with a brand in front or a company word behind,
  in the same document ("Galaxy" / "Samsung Galaxy", "Samsung" / "Samsung Electronics").

Two things that merely share a word are never merged ("Samsung" and
"Samsung Galaxy" stay two nodes).

>>> from kg.linking import slugify
>>> slugify("AT&T Inc. / \\"Ma Bell\\"")
'AT_T_Inc_Ma_Bell'
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

__all__ = ["CLASS_PRIORITY", "resolve_entities", "slugify"]

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


def _doc_aliases(keys: dict[str, dict], onto: Ontology) -> list[tuple[str, str]]:
    """(short, long) key pairs that name one thing within one document."""
    lex = onto.lexicon
    heads = {w.lower() for w in lex["entities"]["company_heads"]} | {
        w.lower().rstrip(".") for w in lex["names"]["legal_suffixes"]
    }
    org_names = {k.split("/", 1)[1] for k in keys if k.startswith("org/")}
    pairs = []
    for short in keys:
        fam, sname = short.split("/", 1)
        stoks = sname.split()
        for long in keys:
            if long == short or not long.startswith(fam + "/"):
                continue
            lname = long.split("/", 1)[1]
            ltoks = lname.split()
            if len(ltoks) <= len(stoks):
                # acronyms are shorter in characters, not tokens
                if len(stoks) == 1 and initials(keys[long]["name"]).lower() == sname and len(sname) >= 2:
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
                    pairs.append((short, long))  # "Samsung" / "Samsung Electronics"
                elif fam == "product" and ltoks[-len(stoks):] == stoks and " ".join(ltoks[: -len(stoks)]) in org_names:
                    pairs.append((short, long))  # "Galaxy" / "Samsung Galaxy"
                elif fam == "org" and prefix and not keys[short].get("known") and not keys[long].get("known"):
                    pairs.append((short, long))  # "Kestrel" / "Kestrel Security", names no gazetteer knows
            if len(stoks) == 1 and initials(keys[long]["name"]).lower() == sname and len(sname) >= 2:
                pairs.append((short, long))
    # A short name that fits two different long names is ambiguous: merge neither.
    by_short: dict[str, set[str]] = defaultdict(set)
    for s, l in pairs:
        by_short[s].add(l)
    return [(s, l) for s, l in pairs if len(by_short[s]) == 1]


def resolve_entities(results: Iterable[DocResult], ontology: Ontology | None = None
                     ) -> tuple[dict[str, Entity], dict[str, str]]:
    """Resolve the mentions of all documents.

    Returns the entities by id and a map from mention key (``EntityMention.key``)
    to entity id. Deterministic: the same mentions give the same ids in any order.
    """
    onto = ontology or load_ontology()
    uf = _UnionFind()
    names: dict[str, Counter[str]] = defaultdict(Counter)
    classes: dict[str, Counter[str]] = defaultdict(Counter)
    surfaces: dict[str, set[str]] = defaultdict(set)
    wikidata: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    dates: dict[str, set[str]] = defaultdict(set)
    counts: Counter[str] = Counter()
    gazetteer_keys: set[str] = set()
    long_side: set[str] = set()

    for result in results:
        doc_keys: dict[str, dict] = {}
        for m in result.entities:
            uf.find(m.key)
            counts[m.key] += 1
            docs[m.key].add(result.document.doc_id)
            if result.document.date:
                dates[m.key].add(result.document.date)
            if m.via in {"coref", "generic"}:
                if m.via == "generic":
                    names[m.key][m.name] += 1
                    classes[m.key][m.cls] += 1
                continue
            weight = 3 if m.via == "gazetteer" else 1
            names[m.key][m.name] += weight
            classes[m.key][m.cls] += weight
            if m.via == "gazetteer":
                gazetteer_keys.add(m.key)
            surface = re.sub(r"\s+", " ", m.text).strip()
            if surface and m.via != "demonym" or m.via == "demonym":
                surfaces[m.key].add(surface)
            if m.wikidata:
                wikidata[m.key].add(m.wikidata)
            doc_keys.setdefault(m.key, {"name": m.name, "cls": m.cls, "known": False})
            if m.via == "gazetteer":
                doc_keys[m.key]["known"] = True
        for short, long in _doc_aliases(doc_keys, onto):
            if short in gazetteer_keys and long in gazetteer_keys:
                continue
            uf.union(short, long)
            long_side.add(long)
    by_qid: dict[str, str] = {}
    for key in sorted(wikidata):
        for qid in sorted(wikidata[key]):
            if qid in by_qid:
                uf.union(by_qid[qid], key)
            else:
                by_qid[qid] = key

    clusters: dict[str, list[str]] = defaultdict(list)
    for key in sorted(uf.parent):
        clusters[uf.find(key)].append(key)

    entities: dict[str, Entity] = {}
    key_to_id: dict[str, str] = {}
    used: dict[str, str] = {}
    order = []
    for members in clusters.values():
        name_votes: Counter[str] = Counter()
        for k in members:
            for n, c in names[k].items():
                bonus = 100 if k in gazetteer_keys else 0
                bonus += 10 if k in long_side else 0
                name_votes[n] += c + bonus
        if not name_votes:
            continue
        name = max(name_votes.items(), key=lambda kv: (kv[1], len(kv[0]), kv[0]))[0]
        class_votes: Counter[str] = Counter()
        for k in members:
            class_votes.update(classes[k])
        top = max(class_votes.values())
        cls = next(c for c in CLASS_PRIORITY if class_votes.get(c) == top) if any(
            class_votes.get(c) == top for c in CLASS_PRIORITY) else sorted(class_votes)[0]
        order.append((name, cls, members))
    for name, cls, members in sorted(order, key=lambda t: (slugify(t[0]), family(t[1]), t[0])):
        base = slugify(name)
        ident = base
        n = 2
        while ident in used:
            ident = f"{base}_{family(cls)}" if n == 2 else f"{base}_{family(cls)}{n}"
            n += 1
        used[ident] = name
        alt = sorted({s for k in members for s in surfaces[k]} - {name})
        qids = sorted({q for k in members for q in wikidata[k]})
        all_docs = sorted({d for k in members for d in docs[k]})
        all_dates = sorted({d for k in members for d in dates[k]})
        entities[ident] = Entity(
            id=ident, name=name, cls=cls, alt_labels=tuple(alt), wikidata=qids[0] if qids else "",
            mentions=sum(counts[k] for k in members), documents=tuple(all_docs),
            first_date=all_dates[0] if all_dates else "",
        )
        for k in members:
            key_to_id[k] = ident
    return entities, key_to_id
