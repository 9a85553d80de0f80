"""Ontology-driven relation extraction: the ``kg_relations`` spaCy component.

Trigger words, argument prepositions, domains and ranges come from
``ontology/kg.ttl`` (see :mod:`kg.ontology`). For each trigger in a sentence
the component reads its arguments off the dependency parse:

- verbs in active and passive voice, with subjects inherited through
  coordination, control verbs and relative clauses;
- event nouns ("Oracle's export restriction in Russia", "a partnership between X
  and Y", "X's investment in Y"), also as objects of light verbs ("X and Y
  have a partnership");
- role nouns in compounds and appositions ("Nvidia CEO Jensen Huang",
  "Instagram's parent Meta", "Chinese startup DeepSeek", "Y, a unit of X").

Arguments are mapped to entity mentions (named, coreferent, or group nouns
such as "Chinese users" that stand for a country). Negated and hypothetical
statements are kept with their modality and are not asserted as facts.

Results: ``doc._.relations`` (:class:`RelationSpan` records with spaCy spans)
backed by plain data in ``doc._.kg_relation_data``.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from .errors import ComponentError
from .entities import TitleCaseLines, guarded, register_extensions
from .ontology import Ontology, RelationInfo, load_ontology

__all__ = ["KGRelations", "RelationSpan", "make_relation_component"]

_WHOSE = [get_string_id("whose")]

_SUBJ = {"nsubj", "csubj"}
_REL_PRONOUNS = {"which", "that", "who", "whom", "whose"}


def _possessive(tok: Token) -> bool:
    """"Oracle's": a possessor (the parser labels it poss, or nmod with a 's case marker)."""
    return tok.dep_ == "poss" or (tok.dep_ == "nmod" and any(c.tag_ == "POS" for c in tok.children))


@dataclass(frozen=True, slots=True)
class RelationSpan:
    """A relation read from a Doc."""

    subject: Span
    predicate: str
    object: Span
    confidence: float
    subject_name: str
    object_name: str
    subject_class: str
    object_class: str
    sentence: Span
    trigger: str
    modality: str
    qualifiers: dict[str, str]

    @property
    def asserted(self) -> bool:
        return self.modality == "fact"


def _relations_getter(doc: Doc) -> list[RelationSpan]:
    out = []
    for r in doc._.kg_relation_data or []:
        out.append(
            RelationSpan(
                subject=doc[r["s_start"]:r["s_end"]], predicate=r["predicate"],
                object=doc[r["o_start"]:r["o_end"]], confidence=r["confidence"],
                subject_name=r["s_name"], object_name=r["o_name"],
                subject_class=r["s_cls"], object_class=r["o_cls"],
                sentence=doc.char_span(r["sent_start"], r["sent_end"], alignment_mode="expand"),
                trigger=r["trigger"], modality=r["modality"], qualifiers=dict(r["qualifiers"]),
            )
        )
    return out


def _register() -> None:
    register_extensions()
    if not Doc.has_extension("kg_relation_data"):
        Doc.set_extension("kg_relation_data", default=None)
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", getter=_relations_getter)


@dataclass(frozen=True, slots=True)
class _Trigger:
    relation: RelationInfo
    words: tuple[str, ...]
    kind: str  # "event", "role", "inverse"


@dataclass(frozen=True, slots=True)
class _Arg:
    item: int  # index into the entity items
    cost: float  # indirection of the mapping
    role: str  # "agent", "patient", "recipient", "prep:<p>", "holder", "anchor", "location"
    token: int


class KGRelations:
    """The ``kg_relations`` component. Needs a parse and ``kg_entities`` (and ideally ``kg_coref``)."""

    def __init__(self, nlp: Language, name: str = "kg_relations", min_confidence: float = 0.3,
                 ontology_dir: str | None = None) -> None:
        _register()
        self.name = name
        self.min_confidence = min_confidence
        self.onto: Ontology = load_ontology(ontology_dir)
        lex = self.onto.lexicon
        self.light_verbs = set(lex["relations"]["light_verbs"])
        self.hedges = set(lex["relations"]["hedges"]) - {"would"}
        self.negations = set(lex["relations"]["negations"])
        self.reporting = set(lex["relations"]["reporting"])
        self.group_nouns = set(lex["entities"]["group_nouns"])
        self.product_heads = {w.lower() for w in lex["entities"]["product_heads"]}
        self.product_nouns = {w.lower() for w in lex["entities"]["product_nouns"]}
        self.unit_heads = set(lex["entities"]["unit_heads"])
        self.org_plurals = {"company", "firm", "group", "business", "partner", "rival", "carmaker",
                            "automaker", "chipmaker", "startup", "maker", "bank", "lender", "player"}
        self.org_role_nouns = {
            words[-1] for rel in self.onto.relations.values()
            if rel.domain and all(self.onto.is_a(d, "Organization") for d in rel.domain)
            for words in rel.role_triggers
        }
        self.index: dict[str, list[_Trigger]] = {}
        self._lower_strings: dict[int, str] = {}  # string hash -> lower-case string
        for rel in self.onto.relations.values():
            for kind, triggers in (("event", rel.triggers), ("role", rel.role_triggers),
                                   ("inverse_role", rel.inverse_role_triggers),
                                   ("inverse", rel.inverse_triggers)):
                for words in triggers:
                    for w in set(words):
                        self.index.setdefault(w, []).append(_Trigger(rel, words, kind))
        self._index_hashes = [get_string_id(w) for w in self.index]  # to find trigger words by their form

    # -- trigger matching ----------------------------------------------------------

    def _matches(self, tok: Token) -> list[_Trigger]:
        item = self._by_token.get(tok.i)
        if item is not None and self._items[item]["via"] in {"", "gazetteer", "acronym"}:
            return []  # a word inside a name ("Public Investment Fund") is not a trigger
        keys = {tok.lemma_.lower(), tok.lower_}
        found: list[_Trigger] = []
        for key in keys:
            for trig in self.index.get(key, ()):
                if trig in found:
                    continue
                if trig.kind in {"event", "inverse"} and tok.pos_ not in {"VERB", "NOUN", "ADJ", "PROPN"}:
                    continue
                if trig.kind in {"role", "inverse_role"} and tok.pos_ not in {"NOUN", "PROPN"} and not (
                        tok.i + 1 in self._by_token and tok.pos_ in {"VERB", "ADJ"} and tok.is_lower):
                    continue  # a role noun; the tagger sometimes calls "startup" a verb before a name
                if len(trig.words) > 1:
                    rest = list(trig.words)
                    for k in keys:
                        if k in rest:
                            rest.remove(k)
                            break
                    near = {c.lemma_.lower() for c in tok.children} | {c.lower_ for c in tok.children}
                    if tok.dep_ in {"compound", "amod"}:
                        near |= {tok.head.lemma_.lower()}
                    for c in tok.children:  # "take ... to court"
                        if c.dep_ == "prep":
                            near |= {g.lemma_.lower() for g in c.children}
                    if not all(w in near for w in rest):
                        continue
                elif trig.words[0] not in keys:
                    continue
                found.append(trig)
        # A multi-word trigger beats single-word ones of the same kind on the same token.
        multi = [t for t in found if len(t.words) > 1]
        if multi:
            multi_kinds = {t.kind for t in multi}
            found = [t for t in found if len(t.words) > 1 or t.kind not in multi_kinds]
        return found

    # -- argument mapping ----------------------------------------------------------

    def _map(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]], cost: float = 0.0,
             depth: int = 0, conj: bool = True) -> list[tuple[int, float, int]]:
        """Entity items a token stands for, with a cost for each indirection."""
        if depth > 4:
            return []
        out: list[tuple[int, float, int]] = []
        if tok.i in by_token:
            out.append((by_token[tok.i], cost, tok.i))
        elif tok.lower_ in _REL_PRONOUNS and tok.head.dep_ in {"relcl", "acl"}:
            out += self._map(tok.head.head, by_token, items, cost, depth + 1)
        else:
            # "a product offered by X": the attribute of a copula stands for its subject
            if tok.dep_ == "attr" and tok.head.lemma_ == "be":
                for c in tok.head.children:
                    if c.dep_ in {"nsubj", "nsubjpass"}:
                        out += self._map(c, by_token, items, cost + 0.1, depth + 1)
            for c in tok.children:
                if c.dep_ == "appos":
                    out += self._map(c, by_token, items, cost + 0.05, depth + 1)
            # "Kestrel Security, a Tel Aviv-based startup": the appositive stands for its head
            if tok.dep_ == "appos" and tok.head.i in by_token:
                out.append((by_token[tok.head.i], cost + 0.05, tok.head.i))
            # "Millennium bcp": the tagger left part of the name outside the entity
            for c in tok.children:
                if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in by_token and tok.is_lower \
                        and not tok.is_stop and tok.pos_ == "PROPN":
                    out.append((by_token[c.i], cost + 0.1, c.i))
            # "larger groups such as Infineon and STMicroelectronics", "40 countries, including Japan"
            for c in tok.children:
                if c.lower_ in {"such", "including"} or (c.dep_ == "prep" and c.lower_ in {"as", "including"}):
                    preps = [c] if c.dep_ == "prep" else [p for p in c.children if p.dep_ == "prep" and p.lower_ == "as"]
                    for p in preps:
                        for g in p.children:
                            if g.dep_ == "pobj":
                                out += self._map(g, by_token, items, cost + 0.1, depth + 1)
            lemma = tok.lemma_.lower()
            # "Both companies operate in ...", "the two companies signed": the last two named
            if tok.tag_ in {"NNS", "NNPS"} and lemma in self.org_plurals and any(
                    c.lower_ in {"both", "two"} for c in tok.children if c.dep_ in {"det", "predet", "nummod", "amod"}):
                seen: list[int] = []
                for n in sorted((n for n, it in enumerate(items) if it["end"] <= tok.i
                                 and it["via"] in {"", "gazetteer"} and self.onto.is_a(it["cls"], "Organization")
                                 and tok.sent.start - items[n]["start"] < 120),
                                key=lambda n: -items[n]["start"]):
                    if items[n]["name"] not in {items[m]["name"] for m in seen}:
                        seen.append(n)
                    if len(seen) == 2:
                        break
                if len(seen) == 2:
                    out += [(n, cost + 0.2, items[n]["start"]) for n in seen]
            # "its Ticketmaster unit", "the Nvidia subsidiary": an organisation named by its role
            if lemma in self.org_role_nouns:
                for c in tok.children:
                    if c.dep_ == "compound" and c.i == tok.i - 1 and c.i in by_token:
                        out.append((by_token[c.i], cost + 0.1, c.i))
            if lemma in self.group_nouns or tok.lower_ in self.group_nouns:
                for c in tok.children:
                    # "Chinese users", "users in Japan" stand for the country (not for a city)
                    if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i in by_token:
                        it = items[by_token[c.i]]
                        if self.onto.is_a(it["cls"], "Country"):
                            out.append((by_token[c.i], cost + 0.15, c.i))
                    if c.dep_ == "prep" and c.lower_ in {"in", "of", "from"}:
                        for g in c.children:
                            if g.dep_ == "pobj" and g.i in by_token:
                                it = items[by_token[g.i]]
                                if self.onto.is_a(it["cls"], "Country"):
                                    out.append((by_token[g.i], cost + 0.2, g.i))
            elif tok.pos_ == "NOUN":
                # "Starlink satellite-internet kits", "the Galaxy phone line": a common noun
                # named by a product in front of it stands for the product
                for c in tok.subtree:
                    if c.i < tok.i and c.dep_ in {"compound", "nmod"} and c.i in by_token:
                        it = items[by_token[c.i]]
                        if it["cls"] == "Product":
                            out.append((by_token[c.i], cost + (0.1 if lemma in self.product_heads else 0.15), c.i))
                            break
        if conj:
            for c in tok.children:
                if c.dep_ == "conj":
                    out += self._map(c, by_token, items, cost, depth + 1)
        return out

    # -- frames ----------------------------------------------------------------------

    def _own_subjects(self, tok: Token) -> tuple[list[Token], list[Token], bool]:
        """(agents, patients, passive) from a verb's own dependents."""
        agents, patients = [], []
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children) or (
            tok.tag_ == "VBN" and tok.dep_ in {"acl", "amod"}
        )
        for c in tok.children:
            if c.dep_ in _SUBJ:
                agents.append(c)
            elif c.dep_ == "nsubjpass" or c.dep_ == "dobj":
                patients.append(c)
            elif c.dep_ == "agent":
                agents += [g for g in c.children if g.dep_ == "pobj"]
        return agents, patients, passive

    def _inherited_agents(self, tok: Token) -> list[Token]:
        """Subjects a verb without its own takes from the clause that governs it."""
        node = tok
        for _ in range(4):
            head = node.head
            if head.i == node.i:
                return []
            if node.dep_ == "conj" or node.dep_ == "advcl" or node.dep_ == "xcomp":
                own = [c for c in head.children if c.dep_ in _SUBJ]
                if node.dep_ == "xcomp":
                    dobjs = [c for c in head.children if c.dep_ == "dobj"]
                    if dobjs and head.lemma_ not in {"take", "make", "have"}:
                        return dobjs
                if own:
                    return own
                node = head
                continue
            if node.dep_ == "acl" and head.dep_ in {"dobj", "pobj", "attr"}:
                verb = head.head
                if verb.dep_ == "prep":
                    verb = verb.head
                own = [c for c in verb.children if c.dep_ in _SUBJ]
                if own:
                    return own
                node = verb
                continue
            if node.dep_ == "relcl":
                rel = [c for c in node.children if c.lower_ in _REL_PRONOUNS]
                if not rel:
                    return [head]
                return []
            if node.dep_ == "pcomp" or node.dep_ == "prep":
                node = head
                continue
            return []
        return []

    def _relations_of(self, tok: Token) -> list[RelationInfo]:
        return [t.relation for t in self.index.get(tok.lemma_.lower(), ()) if t.kind == "event"]

    def _event_args(self, tok: Token, trig_words: tuple[str, ...] = ()
                    ) -> tuple[list[tuple[Token, str]], list[tuple[Token, str]], bool]:
        """(agents, objects) as (token, role) for an event trigger; and whether voice is passive."""
        agents: list[tuple[Token, str]] = []
        objects: list[tuple[Token, str]] = []
        passive = False
        if tok.pos_ in {"VERB", "ADJ"} or (tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and tok.tag_.startswith("VB")):
            ag, pa, passive = self._own_subjects(tok)
            agents += [(t, "agent") for t in ag]
            for t in pa:
                objects.append((t, "patient"))
            if not pa:
                # "sells and installs Tessera systems for utilities": coordinated verbs share
                # the object and the prepositions the parser gives the last one
                for c in tok.children:
                    if c.dep_ == "conj" and c.pos_ == "VERB" and not any(g.dep_ in _SUBJ for g in c.children):
                        objects += [(g, "patient") for g in c.children if g.dep_ == "dobj"]
                        for p in c.children:
                            if p.dep_ == "prep":
                                objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
            if tok.dep_ == "relcl":
                rel = [c for c in tok.children if c.lower_ in _REL_PRONOUNS]
                if rel and rel[0].dep_ in {"dobj", "nsubjpass"}:
                    objects.append((tok.head, "patient"))
                elif not ag and not rel:
                    agents.append((tok.head, "agent"))
                elif ag and not rel and not pa and not any(c.lower_ == "where" for c in tok.children):
                    objects.append((tok.head, "patient"))  # "the unit it bought in 2017"
                if any(c.lower_ == "where" for c in tok.children):
                    objects.append((tok.head, "prep:in"))  # "Japan, where it runs a study"
            if tok.dep_ in {"acl", "amod"} and tok.tag_ == "VBN":
                # "Paris-based Mistral AI and Stellantis": the modifier belongs to its own noun only
                objects.append((tok.head, "patient-head" if tok.dep_ == "amod" else "patient"))
            if tok.dep_ == "acl" and tok.tag_ == "VBG":
                agents.append((tok.head, "agent"))
            if tok.pos_ == "ADJ" and tok.dep_ in {"acomp", "oprd"}:
                agents += [(c, "agent") for c in tok.head.children if c.dep_ in _SUBJ]
                # "is available in 40 countries": the parser hangs the place on the copula
                for c in tok.head.children:
                    if c.dep_ == "prep" and c.i > tok.i:
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
            if tok.pos_ == "ADJ" and tok.dep_ == "amod":
                agents.append((tok.head, "agent-head"))
            if not agents and not (passive and any(r == "agent" for _, r in agents)):
                agents += [(t, "agent") for t in self._inherited_agents(tok)]
            for c in tok.children:
                if c.dep_ == "dative":
                    if c.pos_ == "ADP":
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
                    else:
                        objects.append((c, "recipient"))
                elif c.dep_ == "prep":
                    # "to Amazon and to Aeon": coordinated prepositions
                    for p in [c] + [x for x in c.children if x.dep_ == "conj" and x.pos_ == "ADP"]:
                        objects += [(g, "prep:" + p.lower_) for g in p.children if g.dep_ == "pobj"]
                elif c.dep_ in {"npadvmod", "compound"} and tok.dep_ == "amod":
                    # "Cupertino-based Apple" (where), "Cisco-owned Splunk" (who)
                    objects.append((c, "modifier-by"))
            # "provides Chinese users access": the parser folds the recipient into the trigger noun
            if len(trig_words) > 1:
                for c in tok.children:
                    if c.lemma_.lower() in trig_words and c.i != tok.i:
                        objects += [(g, "recipient") for g in c.children if g.dep_ in {"compound", "nmod"}
                                    and g.i < c.i]
            # "supplies its robots picking to Amazon": the parser hangs the recipient on a
            # participle below the trigger; take it when the trigger has none of its own.
            if not any(r.startswith("prep:") or r == "recipient" for _, r in objects):
                for c in tok.children:
                    if c.dep_ in {"xcomp", "acl"} and c.pos_ == "VERB" and c.tag_ == "VBG":
                        for p in c.children:
                            if p.dep_ in {"prep", "dative"} and p.pos_ == "ADP":
                                for q in [p] + [x for x in p.children if x.dep_ == "conj" and x.pos_ == "ADP"]:
                                    objects += [(g, "nested:" + q.lower_) for g in q.children if g.dep_ == "pobj"]
            # "restrict access to X in China": prepositions of the direct object
            for c in tok.children:
                if c.dep_ == "dobj":
                    # "shipped doses of the vaccine to Nigeria": prepositions down the object's phrase
                    todo, seen = [c], 0
                    while todo and seen < 4:
                        node = todo.pop(0)
                        seen += 1
                        for p in node.children:
                            if p.dep_ == "prep":
                                pobjs = [g for g in p.children if g.dep_ == "pobj"]
                                objects += [(g, "nested:" + p.lower_) for g in pobjs]
                                todo += pobjs
                            elif p.dep_ == "acl" and p.tag_ == "VBN":
                                # "banned components made by Chinese suppliers Huawei and ZTE": from them
                                for ag in p.children:
                                    if ag.dep_ == "agent":
                                        objects += [(g, "nested:from") for g in ag.children if g.dep_ == "pobj"]
        else:  # event noun
            for c in tok.children:
                if _possessive(c):
                    agents.append((c, "agent"))
                elif c.dep_ in {"compound", "amod", "nmod"} and c.i < tok.i:
                    agents.append((c, "modifier"))
                elif c.dep_ == "prep":
                    pobjs = [g for g in c.children if g.dep_ == "pobj"]
                    if c.lower_ == "by":
                        agents += [(g, "agent") for g in pobjs]
                    else:
                        objects += [(g, "prep:" + c.lower_) for g in pobjs]
            # "X and Y have a partnership", "X announced an investment in Y"
            head = tok.head
            if tok.dep_ in {"dobj", "attr", "nsubjpass"} and head.lemma_ in self.light_verbs and not any(
                r == "agent" for _, r in agents
            ):
                own = [c for c in head.children if c.dep_ in _SUBJ]
                agents += [(t, "agent") for t in (own or self._inherited_agents(head))]
                for c in head.children:
                    if c.dep_ == "prep":
                        objects += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
                    elif c.dep_ == "dative":
                        objects.append((c, "recipient"))
            # "expanding in Europe through a partnership with X": the clause's subject
            if not any(r == "agent" for _, r in agents) and tok.dep_ == "pobj" and tok.head.dep_ == "prep" and \
                    tok.head.head.pos_ in {"VERB", "AUX"} and tok.head.lower_ in {"through", "via", "in", "under", "with"}:
                verb = tok.head.head
                own = [c for c in verb.children if c.dep_ in _SUBJ]
                agents += [(t, "agent") for t in (own or self._inherited_agents(verb))]
            # "X ..., the first fruit of a partnership with Y": the sentence's subject
            elif not any(r == "agent" for _, r in agents) and tok.dep_ not in {"dobj", "attr", "nsubjpass"} \
                    and any(rel.symmetric_evidence for rel in self._relations_of(tok)):
                root = tok.sent.root
                agents += [(c, "agent-far") for c in root.children if c.dep_ in _SUBJ]
        return agents, objects, passive

    def _role_args(self, tok: Token) -> tuple[list[Token], list[tuple[Token, str]]]:
        """(holders, anchors) for a role noun."""
        holders: list[Token] = []
        anchors: list[tuple[Token, str]] = []
        self._far_holder = False
        if tok.i in self._by_token and self._items[self._by_token[tok.i]]["via"] == "coref":
            holders.append(tok)  # "the German carmaker" resolved to its antecedent
        if tok.dep_ in {"compound", "appos", "nmod"} and tok.head.pos_ in {"PROPN", "NOUN"} and (
            tok.dep_ != "compound" or tok.head.i > tok.i
        ):
            holders.append(tok.head)
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            holders += [c for c in tok.head.children if c.dep_ in {"nsubj"}]
        # "Its customers include X and Y", "Its backers are X and Y"
        if tok.dep_ == "nsubj" and tok.head.lemma_ in {"include", "be", "comprise", "feature", "count"}:
            holders += [c for c in tok.head.children if c.dep_ in {"dobj", "attr"}]
        # "named Kenji Morita as its chief executive", "stays on as chairman", "joined as CFO"
        if tok.dep_ == "pobj" and tok.head.lower_ == "as" and tok.head.head.pos_ in {"VERB", "AUX"}:
            verb = tok.head.head
            objs = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass", "oprd"}]
            holders += objs or [c for c in verb.children if c.dep_ in _SUBJ]
            if not objs and not any(c.dep_ in _SUBJ for c in verb.children):
                holders += self._inherited_agents(verb)
        has_owner = any(_possessive(c) for c in tok.children)
        for c in tok.children:
            if c.dep_ == "appos":
                holders.append(c)
            elif c.dep_ == "compound" and has_owner and c.i < tok.i and c.pos_ == "PROPN":
                holders.append(c)  # "its Ticketmaster unit": the name is the unit, "its" the owner
            elif c.dep_ in {"poss", "compound", "amod", "nmod"} and c.i < tok.i:
                anchors.append((c, "anchor"))
            elif c.dep_ == "prep" and c.lower_ in {"of", "at", "for", "in", "to", "from", "with", "behind"}:
                anchors += [(g, "prep:" + c.lower_) for g in c.children if g.dep_ == "pobj"]
        # "its investor's investment": a singular role with an owner and no name refers back to
        # the organisation named last before it (not the owner) in this or the previous sentence
        if not holders and tok.tag_ == "NN" and any(_possessive(c) for c in tok.children):
            owners = {self._items[self._by_token[c.i]]["name"] for c in tok.children
                      if _possessive(c) and c.i in self._by_token}
            lo = tok.sent.start - 60
            for n in sorted(self._by_token.values(), key=lambda n: -self._items[n]["start"]):
                it = self._items[n]
                if lo <= it["start"] < tok.i and it["via"] in {"", "gazetteer"} and it["name"] not in owners \
                        and owners and self.onto.is_a(it["cls"], "Organization"):
                    holders.append(tok.doc[it["start"]])
                    self._far_holder = True
                    break
        # The surface, steadier than the parse of long noun phrases:
        # "Lumora chief executive Priya Raman", "Instagram's parent Meta", "Chinese startup DeepSeek".
        doc = tok.doc
        if tok.i + 1 < len(doc) and tok.i + 1 in self._by_token and \
                self._items[self._by_token[tok.i + 1]]["start"] == tok.i + 1:
            holders.append(doc[tok.i + 1])
            i, skipped = tok.i - 1, 0
            while i >= 0 and i not in self._by_token and skipped < 3 and (
                    doc[i].tag_ == "POS" or (doc[i].pos_ in {"ADJ", "NOUN", "PROPN"} and not doc[i].is_punct)):
                i, skipped = i - 1, skipped + 1
            if i >= 0 and i in self._by_token:
                anchors.append((doc[i], "anchor"))
        return holders, anchors

    # -- modality and qualifiers ------------------------------------------------------

    def _modality(self, tok: Token) -> str:
        if any(c.lower_ in {"previously", "formerly", "once"} and c.dep_ == "advmod" for c in tok.children):
            return "past"  # "who previously worked at Google"
        # "pays Apple no commission", "has no stake in"
        if any(c.dep_ in {"dobj", "attr"} and any(d.dep_ == "det" and d.lower_ in {"no", "zero"} for d in c.children)
               for c in tok.children) or any(d.dep_ == "det" and d.lower_ == "no" for d in tok.children):
            return "negated"
        node = tok
        reported = False
        chain = [tok]
        for _ in range(6):
            if node.head.i == node.i:
                break
            if node.dep_ in {"ccomp", "acl", "relcl", "advcl", "ROOT"} and node.head.lemma_.lower() in self.reporting:
                reported = True
            if node.dep_ in {"relcl", "appos", "parataxis"}:
                break  # a relative clause or apposition states its own fact
            node = node.head
            chain.append(node)
            if node.pos_ == "VERB" and node.dep_ in {"ROOT"}:
                break
        for n, node in enumerate(chain):
            for c in node.children:
                if c.dep_ == "neg" or (c.lower_ in {"never", "no"} and c.dep_ in {"neg", "advmod", "det"}):
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr"}:
                        return "negated"
                if c.dep_ in {"aux", "auxpass"} and c.lemma_.lower() in self.hedges:
                    if n == 0 or chain[n - 1].dep_ in {"xcomp", "dobj", "attr", "conj"}:
                        return "hypothetical"
                if c.dep_ == "aux" and c.lower_ in {"would", "'d"} and not reported and n == 0:
                    return "hypothetical"
                if c.dep_ == "mark" and c.lower_ in {"if", "whether", "unless"} and n <= 1:
                    return "hypothetical"
            if n > 0 and chain[n - 1].dep_ in {"xcomp", "dobj", "acl"}:
                lemma = node.lemma_.lower()
                if lemma in self.hedges:
                    return "hypothetical"
                if lemma in self.negations:
                    return "negated"
        return "fact"

    def _qualifiers(self, tok: Token, sent: Span, rel: RelationInfo, role_text: str,
                    about: str) -> list[tuple[str, str]]:
        quals: list[tuple[str, str]] = []
        clause = tok
        while clause.head.i != clause.i and clause.pos_ not in {"VERB", "AUX"}:
            clause = clause.head
        scope = set(t.i for t in clause.subtree) | set(t.i for t in tok.subtree)
        for ent in self._sent_ents.get(sent.start, ()):
            if ent.start not in scope:
                continue
            if ent.label_ == "DATE":
                prev = ent.doc[ent.start - 1] if ent.start > 0 else None
                key = "startDate" if prev is not None and prev.lower_ in {
                    "starting", "from", "since", "effective", "beginning"} else "date"
                if not any(k == key for k, _ in quals):
                    quals.append((key, ent.text.strip()))
            elif ent.label_ == "MONEY" and not any(k == "amount" for k, _ in quals):
                quals.append(("amount", ent.text.strip()))
        if role_text and rel.qualifier_role == "role":
            quals.append(("role", role_text))
        if about and rel.qualifier_role == "about":
            quals.append(("about", about))
        return sorted(quals)

    # -- main --------------------------------------------------------------------------

    def _read_words(self, doc: Doc) -> None:
        """Each token's lemma and lower-case form as hash arrays, and the lower-case text of each lemma.

        Looping over tokens for a word makes a Token object per token; with these
        the scans below pick their few tokens first (numpy over the arrays).
        """
        strings, memo = doc.vocab.strings, self._lower_strings
        arr = doc.to_array([LEMMA, LOWER]) if len(doc) else numpy.zeros((0, 2), dtype="uint64")
        self._lemma_hashes, self._lower_hashes = arr[:, 0], arr[:, 1]
        self._lemma_text: dict[int, str] = {}  # lemma hash -> lower-case lemma, for this Doc's lemmas
        for h in numpy.unique(self._lemma_hashes).tolist():
            if h not in memo:
                memo[h] = strings[h].lower()
            self._lemma_text[h] = memo[h]

    def _token_ids(self, words: set[str] | dict) -> list[int]:
        """Indices of the tokens whose lower-case lemma is in ``words``."""
        hashes = [h for h, w in self._lemma_text.items() if w in words]
        return numpy.flatnonzero(numpy.isin(self._lemma_hashes, hashes)).tolist()

    def _lower_ids(self, hashes: list[int]) -> list[int]:
        """Indices of the tokens whose lower-case form has one of these string hashes."""
        return numpy.flatnonzero(numpy.isin(self._lower_hashes, hashes)).tolist()

    def _tokens_with_lemma(self, doc: Doc, words: set[str]) -> list[Token]:
        return [doc[i] for i in self._token_ids(words)]

    @guarded
    def __call__(self, doc: Doc) -> Doc:
        if not doc.has_annotation("DEP"):
            raise ComponentError("kg_relations needs a dependency parse: add it after a 'parser' component.")
        items: list[dict[str, Any]] = list(doc._.kg_entity_data or [])
        by_token: dict[int, int] = {}
        for n, it in enumerate(items):
            for i in range(it["start"], it["end"]):
                by_token[i] = n
        self._items, self._by_token = items, by_token
        self._read_words(doc)
        # Span.ents scans the whole Doc on every call: group the entities by sentence once.
        self._sent_ents: dict[int, list[Span]] = {}
        for ent in doc.ents:
            self._sent_ents.setdefault(ent.sent.start, []).append(ent)
        found: dict[tuple[str, str, str, int], dict[str, Any]] = {}
        for rec in self._apposed_places(doc, items, by_token) + self._possessives(doc, items, by_token) \
                + self._funding(doc, items, by_token):
            found[(rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"])] = rec
        title_case = TitleCaseLines(doc)
        # only words that some trigger starts from are worth a look
        candidates = sorted(set(self._token_ids(self.index)) | set(self._lower_ids(self._index_hashes)))
        for sent in doc.sents:
            headline = title_case(sent)
            for k in range(bisect_left(candidates, sent.start), bisect_left(candidates, sent.end)):
                tok = doc[candidates[k]]
                for trig in self._matches(tok):
                    for rec in self._extract(doc, sent, tok, trig, items, by_token):
                        if headline:  # a Title Case headline parses badly: trust it less
                            rec["confidence"] = round(max(0.05, rec["confidence"] - 0.15), 3)
                        key = (rec["s_key"], rec["predicate"], rec["o_key"], rec["sent_start"])
                        old = found.get(key)
                        if old is None or (rec["modality"] == "fact", rec["confidence"]) > (
                            old["modality"] == "fact", old["confidence"]
                        ):
                            found[key] = rec
        found = {k: r for k, r in found.items() if r["confidence"] >= self.min_confidence}
        doc._.kg_relation_data = sorted(found.values(), key=lambda r: (r["sent_start"], r["s_start"], r["predicate"], r["o_start"]))
        return doc

    def _record(self, doc: Doc, si: dict[str, Any], predicate: str, oi: dict[str, Any], confidence: float,
                trigger: Token, modality: str = "fact", qualifiers: list | None = None) -> dict[str, Any]:
        sent = trigger.sent
        return {
            "s_start": si["start"], "s_end": si["end"], "o_start": oi["start"], "o_end": oi["end"],
            "s_name": si["name"], "s_cls": si["cls"], "s_wikidata": si.get("wikidata", ""),
            "o_name": oi["name"], "o_cls": oi["cls"], "o_wikidata": oi.get("wikidata", ""),
            "s_key": f"{si['cls']}/{si['name']}", "o_key": f"{oi['cls']}/{oi['name']}",
            "predicate": predicate, "confidence": round(min(0.99, max(0.05, confidence)), 3),
            "trigger": trigger.text, "trigger_start": trigger.idx, "modality": modality,
            "qualifiers": [list(q) for q in (qualifiers or [])],
            "sent_start": sent.start_char, "sent_end": sent.end_char,
        }

    def _apposed_places(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                        ) -> list[dict[str, Any]]:
        """"Santa Clara, California" and "Redmond, Washington": a place inside the next one."""
        out = []
        if "locatedIn" not in self.onto.relations:
            return out
        rel = self.onto.relations["locatedIn"]
        for it in items:
            if it["via"] not in {"", "gazetteer"} or not self.onto.fits(it["cls"], rel.domain):
                continue
            comma = it["end"]
            if comma + 1 >= len(doc) or doc[comma].text != "," or (comma + 1) not in by_token:
                continue
            nxt = items[by_token[comma + 1]]
            if nxt["start"] != comma + 1 or nxt["via"] not in {"", "gazetteer"}:
                continue
            if not self.onto.fits(nxt["cls"], rel.range) or nxt["name"] == it["name"]:
                continue
            # a list of places ("Paris, Berlin and Rome") is not containment
            after = doc[nxt["end"]] if nxt["end"] < len(doc) else None
            if after is not None and after.lower_ in {"and", "or"}:
                continue
            if after is not None and after.text == "," and nxt["end"] + 2 < len(doc) and \
                    doc[nxt["end"] + 1].lower_ in {"and", "or"} and doc[nxt["end"] + 2].pos_ not in {"VERB", "AUX"}:
                continue  # "Paris, Berlin, and Rome" (but "Shenzhen, China, and has operated" is one place)
            out.append(self._record(doc, it, "locatedIn", nxt, rel.base_confidence, doc[comma]))
        return out

    def _funding(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        """"Y raised $210 million in a round led by X", "Y raised $5 million from X" -> X investsIn Y."""
        if "investsIn" not in self.onto.relations:
            return []
        rel = self.onto.relations["investsIn"]
        out = []
        for verb in self._tokens_with_lemma(doc, {"raise", "secure", "close", "land", "receive", "get"}):
            if verb.pos_ != "VERB":
                continue
            investors: list[Token] = []
            money = any(t.ent_type_ == "MONEY" or t.lemma_.lower() in {"funding", "investment", "capital",
                                                                       "financing", "round", "stake"}
                        for c in verb.children if c.dep_ in {"dobj", "prep"} for t in c.subtree)
            if not money:
                continue  # "received its licence from the ministry" is not an investment
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    investors += [g for g in c.children if g.dep_ == "pobj"]
            for t in verb.subtree:
                if t.lemma_.lower() == "round":
                    for a in t.children:
                        if a.dep_ == "acl" and a.lemma_.lower() in {"lead", "co-lead", "join", "back", "anchor"}:
                            for ag in a.children:
                                if ag.dep_ == "agent":
                                    investors += [g for g in ag.children if g.dep_ == "pobj"]
            if not investors:
                continue
            raisers = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, raisers, items, by_token, rel)
        # "X led a funding round in Y", "X joined Y's Series B round"
        for verb in self._tokens_with_lemma(doc, {"lead", "co-lead", "join", "participate", "back"}):
            if verb.pos_ != "VERB":
                continue
            rounds = [t for t in verb.subtree if t.lemma_.lower() == "round" and t.head.i in
                      {verb.i} | {p.i for p in verb.children if p.dep_ == "prep"}]
            targets: list[Token] = []
            for r in rounds:
                targets += [c for c in r.children if _possessive(c)]
                for p in r.children:
                    if p.dep_ == "prep" and p.lower_ in {"in", "for", "of"}:
                        targets += [g for g in p.children if g.dep_ == "pobj"]
            for p in verb.children:
                if p.dep_ == "prep" and p.lower_ == "in" and rounds:
                    targets += [g for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() != "round"]
            if not targets:
                continue
            investors = [c for c in verb.children if c.dep_ in _SUBJ] or self._inherited_agents(verb)
            out += self._invest_records(doc, verb, investors, targets, items, by_token, rel)
        return out

    def _invest_records(self, doc: Doc, verb: Token, investors: list[Token], targets: list[Token],
                        items: list[dict[str, Any]], by_token: dict[int, int], rel: RelationInfo
                        ) -> list[dict[str, Any]]:
        """investsIn(investor, target) for every mapped pair."""
        out = []
        modality = self._modality(verb)
        for target in targets:
            for ti, _, _ in self._map(target, by_token, items):
                for inv in investors:
                    for ii, cost, _ in self._map(inv, by_token, items):
                        si, oi = items[ii], items[ti]
                        if si["name"] != oi["name"] and self.onto.fits(si["cls"], rel.domain) \
                                and self.onto.fits(oi["cls"], rel.range):
                            out.append(self._record(doc, si, "investsIn", oi, rel.base_confidence - cost,
                                                    verb, modality))
        return out

    def _possessives(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                     ) -> list[dict[str, Any]]:
        """"Apple's iPhone", "Intel Xeon" -> develops; "Taiwan's TSMC", "US Commerce Department" -> basedIn.

        Relations that say how (``kg:possessorIs``) take a possessive, or a name
        written right before another name, as evidence.
        """
        rels = [r for r in self.onto.relations.values() if r.possessor_is]
        out = []
        starts = {it["start"]: n for n, it in enumerate(items)}
        # "the chipmaker whose H200 processors ...": "whose" is the noun the clause describes
        for tok in [doc[i] for i in self._lower_ids(_WHOSE)]:
            if tok.i + 1 >= len(doc):
                continue
            clause = tok.head
            while clause.dep_ not in {"relcl", "acl"} and clause.head.i != clause.i and clause.i - tok.i < 6:
                clause = clause.head
            if clause.dep_ not in {"relcl", "acl"}:
                continue
            j = tok.i + 1
            while j < len(doc) and j not in starts and doc[j].is_lower and j - tok.i <= 4:
                j += 1
            if j not in starts:
                continue
            it = items[starts[j]]
            for oi, cost, _ in self._map(clause.head, by_token, items, conj=False):
                owner = items[oi]
                for rel in rels:
                    subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                    if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                            and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym":
                        out.append(self._record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 - cost, tok))
                        break
        # "Fabhalta, its approved medicine": the possessor of an appositive
        for it in items:
            if it["via"] == "coref":
                continue
            root = doc[it["start"]:it["end"]].root
            for ap in [c for c in root.children if c.dep_ == "appos"]:
                for c in ap.children:
                    if _possessive(c) and c.i in by_token:
                        owner = items[by_token[c.i]]
                        for rel in rels:
                            subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                            if owner["name"] != it["name"] and self.onto.fits(subj["cls"], rel.domain) \
                                    and self.onto.fits(obj["cls"], rel.range) and subj["via"] != "demonym":
                                out.append(self._record(doc, subj, rel.name, obj, rel.base_confidence - 0.15, c))
                                break
        for owner in items:
            # Read the possessive off the surface, which is steadier than the small
            # model's parse of noun phrases: "A's B", "A's popular chatbot service B",
            # or a name written right before another ("Nvidia H200").
            end = owner["end"]
            if end >= len(doc):
                continue
            pronoun = owner["via"] == "coref" and doc[owner["start"]].lower_ in {"its", "their"}
            possessive = pronoun or doc[end].tag_ == "POS" or doc[end].lower_ in {"'s", "\u2019s", "'", "\u2019"}
            if possessive:
                j, conf = (end if pronoun else end + 1), (-0.1 if pronoun else 0.0)
                while j < len(doc) and j not in starts and j - end <= 5 and doc[j].is_lower \
                        and doc[j].pos_ in {"ADJ", "NOUN", "ADV", "VERB"} and doc[j].tag_ not in {"VBD", "VBZ", "VBP"}:
                    j += 1
                # "Corvo's main product, CorvoLog", "Northwind's own platform, Haulr"
                if j + 1 < len(doc) and j not in starts and doc[j].text == "," and j + 1 in starts \
                        and doc[j - 1].lemma_.lower() in self.product_nouns:
                    j += 1
            elif owner["via"] in {"", "gazetteer"} and doc[end - 1].whitespace_ != "" and end in starts:
                j, conf = end, -0.1
            else:
                continue
            if j not in starts:
                continue
            it = items[starts[j]]
            if it["via"] == "coref" or owner["name"] == it["name"]:
                continue
            if pronoun and it["cls"] != "Product":
                continue  # "its Ticketmaster unit" is a role, read elsewhere
            if not possessive and it["via"] not in {"", "gazetteer"}:
                continue
            for rel in rels:
                subj, obj = (owner, it) if rel.possessor_is == "subject" else (it, owner)
                if not (self.onto.fits(subj["cls"], rel.domain) and self.onto.fits(obj["cls"], rel.range)):
                    continue
                if subj["via"] == "demonym" and rel.possessor_is == "subject":
                    continue
                # between two organisations, "X's Y" is ownership only for a unit's name right
                # after the possessive ("the FTC's Bureau of Competition"), not "Alphabet's Anthropic stake"
                if self.onto.is_a(owner["cls"], "Organization") and self.onto.is_a(it["cls"], "Organization") \
                        and (j != end + 1 or not possessive or
                             doc[it["start"]:it["end"]].text.split()[-1] not in self.unit_heads and
                             not doc[it["start"]:it["end"]].text.split()[0] in self.unit_heads):
                    continue
                c_adj = conf - (0.1 if owner["via"] == "coref" else 0.0)
                # a possessive presupposes the relation: the clause's modality does not apply
                out.append(self._record(doc, subj, rel.name, obj, rel.base_confidence - 0.1 + c_adj, doc[end]))
                break
        return out

    def _extract(self, doc: Doc, sent: Span, tok: Token, trig: _Trigger, items: list[dict[str, Any]],
                 by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = trig.relation
        subjects: list[_Arg] = []
        objects: list[_Arg] = []
        role_text = ""
        about = ""
        conf = rel.base_confidence + (0.05 if len(trig.words) > 1 else 0.0)

        def mapped(toks: list[tuple[Token, str]], extra: float = 0.0) -> list[_Arg]:
            out = []
            for t, role in toks:
                head_only = role.endswith("-head")
                found = self._map(t, by_token, items, conj=not head_only)
                if head_only:
                    role = role[:-5]
                for idx, cost, ti in found:
                    out.append(_Arg(idx, cost + extra, role, ti))
            return out

        if trig.kind in {"event", "inverse"}:
            agents, objs, passive = self._event_args(tok, trig.words)
            if trig.kind == "inverse":  # "X owns Y": Y is the subsidiary
                agents, objs = ([(t, "agent") for t, r in objs if r in {"patient", "patient-head", "recipient"}],
                                [(t, "patient") for t, r in agents]
                                + [(t, "patient") for t, r in objs if r == "modifier-by"])
                passive = False
            if passive and rel.passive_keeps_subject:
                subjects = mapped([(t, r) for t, r in objs if r.startswith("patient")])
                objects = mapped([(t, "prep:in" if r == "modifier-by" else r) for t, r in objs
                                  if not r.startswith("patient")])
            else:
                agents = agents + [(t, "agent") for t, r in objs if r == "modifier-by"]
                subjects = mapped([(t, r) for t, r in agents if r not in {"modifier", "agent-far"}])
                if not subjects:
                    subjects = mapped([(t, "agent") for t, r in agents if r == "agent-far"], 0.2)
                modifiers = mapped([(t, r) for t, r in agents if r == "modifier"], 0.1)
                if subjects:
                    objects += [m for m in modifiers if m.role == "modifier"]
                else:
                    subjects = modifiers
                for t, r in objs:
                    if r in {"patient", "patient-head", "recipient"} or r.startswith("prep:") and r[5:] in rel.object_preps:
                        objects += mapped([(t, r)])
                    elif r.startswith("nested:") and r[7:] in rel.object_preps:
                        objects += mapped([(t, r)], 0.15)
                if rel.location_is_agent and not [s for s in subjects if s.role == "agent"] and passive:
                    locs = [o for o in objects if o.role == "prep:in"
                            and self.onto.is_a(items[o.item]["cls"], "Country")]
                    if locs:
                        subjects = locs
                        objects = [o for o in objects if o.role == "patient"]
            if rel.qualifier_role == "about":
                for c in tok.children:
                    if c.dep_ == "dobj" and c.i not in by_token:
                        about = " ".join(t.text for t in c.subtree)[:120]
                if tok.pos_ == "NOUN":
                    mods = [c for c in tok.children if c.dep_ == "compound" and c.i not in by_token]
                    if mods:
                        about = " ".join(t.text for t in mods)
        else:
            holders, anchors = self._role_args(tok)
            if self._far_holder:
                conf -= 0.3  # a role that only refers back: weak evidence
            # the name right after the title may be a list ("suppliers Huawei and ZTE");
            # an apposition's head is one name ("X, a Nashville firm, and Y")
            hs = mapped([(t, "holder" if t.i == tok.i + 1 or (tok.tag_ == "NNS" and t.head.i == tok.i)
                          else "holder-head") for t in holders])  # "its rivals, Nikon and Canon"
            an = mapped(anchors, 0.05)
            anchor_side = rel.range if trig.kind == "role" else rel.domain
            if not all(self.onto.is_a(c, "Location") for c in anchor_side):
                # "Chinese suppliers Huawei and ZTE": a demonym says where, not to whom
                an = [a for a in an if items[a.item]["via"] != "demonym"]
            role_text = " ".join(t.text for t in tok.subtree if t.dep_ in {"compound", "amod"} and
                                 t.i < tok.i and t.i not in by_token)
            role_text = (role_text + " " + tok.text).strip() if rel.qualifier_role == "role" else ""
            if trig.kind == "role":
                subjects, objects = hs, an
            else:
                subjects, objects = an, hs
            conf += 0.05

        records: list[dict[str, Any]] = []
        pairs: list[tuple[_Arg, _Arg]] = []
        for s in subjects:
            for o in objects:
                pairs.append((s, o))
        if rel.symmetric_evidence and not pairs:
            # "X and Y partner", "a partnership between X and Y" -- but not "competes with X and Y"
            group = subjects if len(subjects) > 1 else [o for o in objects if o.role == "prep:between"]
            for a in range(len(group)):
                for b in range(a + 1, len(group)):
                    pairs.append((group[a], group[b]))
        if rel.location_is_agent and subjects and not objects and trig.kind in {"event", "inverse"}:
            # "US chip restrictions challenge Chinese AI": the other country in the sentence.
            subj_items = {s.item for s in subjects}
            others = sorted({by_token[t.i] for t in sent if t.i in by_token
                             and by_token[t.i] not in subj_items
                             and items[by_token[t.i]]["cls"] == "Country"})
            names = {items[i]["name"] for i in others}
            if len(names) == 1:
                pairs += [(s, _Arg(others[0], 0.35, "sentence", items[others[0]]["start"])) for s in subjects]

        valid = []
        for s, o in pairs:
            si, oi = items[s.item], items[o.item]
            if si["name"] == oi["name"] and si["cls"] == oi["cls"]:
                continue
            if not self.onto.fits(si["cls"], rel.domain) or not self.onto.fits(oi["cls"], rel.range):
                continue
            valid.append((s, o))
        if rel.qualifier_role == "about" and trig.kind in {"event", "inverse"}:
            # Prefer who is restricted (an actor) over what is restricted (a product).
            actors = [(s, o) for s, o in valid if self.onto.is_a(items[o.item]["cls"], "Actor")]
            if actors:
                dropped = [items[o.item]["name"] for s, o in valid if (s, o) not in actors]
                valid = actors
                if dropped and not about:
                    about = dropped[0]
        # Selling or giving access "in Brazil" or "to users in Japan" means operating there.
        if rel.name in {"offers", "providesAccessTo", "suppliesTo"} and "operatesIn" in self.onto.relations \
                and trig.kind == "event":
            op = self.onto.relations["operatesIn"]
            served = self._places_served(tok, by_token, items)
            if served:
                op_modality = self._modality(tok)
                for loc, extra in served:
                    li = items[by_token[loc.i]]
                    for sa in {x.item: x for x in subjects}.values():
                        si = items[sa.item]
                        if self.onto.fits(si["cls"], op.domain) and si["name"] != li["name"] and \
                                self.onto.fits(si["cls"], rel.domain):
                            records.append(self._record(doc, si, "operatesIn", li,
                                                        op.base_confidence - extra - sa.cost, tok, op_modality))
        if not valid:
            return records
        if trig.kind in {"role", "inverse_role"} or (
                tok.pos_ == "NOUN" and any(_possessive(c) for c in tok.children)
                and not any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)):
            # an apposition, a title or "X's 2022 purchase of Y" is presupposed, whatever its clause says
            modality = "fact"
        else:
            modality = self._modality(tok if tok.pos_ != "NOUN" or tok.head.lemma_ not in self.light_verbs
                                      else tok.head)
        if trig.kind in {"role", "inverse_role"} and any(t.lower_ in {"former", "ex", "onetime", "erstwhile", "previous"}
                                        for t in doc[max(0, tok.i - 3):tok.i]):
            modality = "past"  # "former Sony executive Kenji Morita"
        quals = self._qualifiers(tok, sent, rel, role_text, about)
        for s, o in valid:
            si, oi = items[s.item], items[o.item]
            c = conf - s.cost - o.cost
            if si["via"] == "coref" or oi["via"] == "coref":
                c -= 0.1
            if si["via"] == "gazetteer" and oi["via"] == "gazetteer":
                c += 0.05
            records.append(self._record(doc, si, rel.name, oi, c, tok, modality, quals))
        return records

    def _places_served(self, tok: Token, by_token: dict[int, int], items: list[dict[str, Any]]
                       ) -> list[tuple[Token, float]]:
        """Locations a sale or offer is made in: "sells X in China", "to drivers in France and Italy"."""
        found: list[tuple[Token, float]] = []

        def locations(prep: Token, extra: float) -> None:
            for loc in prep.children:
                if loc.dep_ != "pobj":
                    continue
                for t in [loc] + [c for c in loc.children if c.dep_ == "conj"]:
                    if t.i in by_token and self.onto.is_a(items[by_token[t.i]]["cls"], "Location"):
                        found.append((t, extra))

        heads = [tok] + [c for c in tok.children if c.dep_ == "conj" and c.pos_ == "VERB"
                         and not any(g.dep_ in _SUBJ for g in c.children)]
        for c in (c for h in heads for c in h.children):
            if c.dep_ == "prep" and c.lower_ in {"in", "across", "throughout"}:
                locations(c, 0.1)
            if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "for"}:
                served = [g for g in c.children if g.dep_ == "pobj"]
                for g in [g for g in served] + [x for g in served for x in g.children if x.dep_ == "conj"]:
                    for p in g.children:
                        if p.dep_ == "prep" and p.lower_ in {"in", "across"}:
                            locations(p, 0.1)
            if c.dep_ == "dobj":  # "sells iPhones in China", "tickets for clubs in Tennessee"
                todo, seen = [c], 0
                while todo and seen < 5:
                    node = todo.pop(0)
                    seen += 1
                    for p in node.children:
                        if p.dep_ == "prep" and p.lower_ in {"in", "across", "throughout"}:
                            locations(p, 0.15)
                        elif p.dep_ == "prep" and p.lower_ in {"for", "to", "at"}:
                            todo += [g for g in p.children if g.dep_ == "pobj"]
                            todo += [x for g in p.children if g.dep_ == "pobj" for x in g.children if x.dep_ == "conj"]
        return found


@Language.factory(
    "kg_relations",
    default_config={"min_confidence": 0.3, "ontology_dir": None},
    assigns=["doc._.relations"],
    requires=["token.dep", "token.lemma", "doc._.kg_entities"],
)
def make_relation_component(nlp: Language, name: str, min_confidence: float,
                            ontology_dir: str | None) -> KGRelations:
    """Factory of the ``kg_relations`` component."""
    missing = [p for p in ("parser",) if p not in nlp.pipe_names and not any(
        "parser" in n for n in nlp.pipe_names)]
    if missing:
        raise ValueError(
            "kg_relations needs a pipeline with a dependency parser (e.g. en_core_web_sm); "
            f"current pipes: {nlp.pipe_names}"
        )
    if "kg_entities" not in nlp.pipe_names:
        raise ValueError(
            "kg_relations needs 'kg_entities' earlier in the pipeline: nlp.add_pipe('kg_entities') "
            f"first (and 'kg_coref' for pronouns). Current pipes: {nlp.pipe_names}"
        )
    return KGRelations(nlp, name, min_confidence=min_confidence, ontology_dir=ontology_dir)
