"""What relation extraction leaves on a Doc: records, their spans, and the ``Doc`` extensions.

Every extractor (the rules of :mod:`kg.relations.rules`, the trained model of
:mod:`kg.relations.model`) writes plain records, made by :func:`record`, to
``doc._.kg_relation_data``; ``doc._.relations`` reads them back as
:class:`RelationSpan` objects with spaCy spans.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable

from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from ..entities import register_extensions

__all__ = ["EXTRACTORS", "RESPECTIVELY", "Arg", "RelationSpan", "drop_regions_of_cities", "pair_respectively",
           "record", "register", "side", "trigger_token"]


@dataclass(frozen=True, slots=True)
class Arg:
    """A relation's argument as a rule reads it: the entity item a token stands for."""
    item: int  # index into the entity items
    cost: float  # indirection of the mapping
    role: str  # "agent", "patient", "recipient", "prep:<p>", "holder", "anchor", "location", "ahead"
    token: int


#: Which extractor produced a relation: the rules, the trained model, or both.
EXTRACTORS = ("rules", "model", "both")

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




def register() -> None:
    """Register the ``Doc`` extensions relation extraction sets (idempotent)."""
    register_extensions()
    if not Doc.has_extension("kg_relation_data"):
        Doc.set_extension("kg_relation_data", default=None)
    if not Doc.has_extension("relations"):
        Doc.set_extension("relations", getter=_relations_getter)



def record(doc: Doc, si: dict[str, Any], predicate: str, oi: dict[str, Any], confidence: float,
           trigger: Token, modality: str = "fact", qualifiers: list | None = None,
           extractor: str = "rules", sentence: tuple[int, int] | None = None) -> dict[str, Any]:
    """The plain record of one relation between two entity items of ``doc`` (see :mod:`kg.entities`);
    ``sentence``: the (start, end) characters of the trigger's sentence, where the caller knows them."""
    if sentence is None:
        sent = trigger.sent  # (once: each Token.sent makes the sentence's Span anew)
        sentence = (sent.start_char, sent.end_char)
    start, end = sentence
    return {
        "s_start": si["start"], "s_end": si["end"], "o_start": oi["start"], "o_end": oi["end"],
        "s_name": si["name"], "s_cls": si["cls"], "s_wikidata": si.get("wikidata", ""),
        "o_name": oi["name"], "o_cls": oi["cls"], "o_wikidata": oi.get("wikidata", ""),
        "s_key": f"{si['cls']}/{si['name']}", "o_key": f"{oi['cls']}/{oi['name']}",
        "predicate": predicate, "confidence": round(min(0.99, max(0.05, confidence)), 3),
        "trigger": trigger.text, "trigger_start": trigger.idx, "modality": modality,
        "qualifiers": [list(q) for q in (qualifiers or [])],
        "sent_start": start, "sent_end": end,
        "extractor": extractor,
    }


def trigger_token(doc: Doc, rec: dict[str, Any]) -> Token | None:
    """The token a record's trigger is (the token starting at its ``trigger_start`` character), or None where
    no token of ``doc`` starts there. One lookup, where a map of every token's start would cost a pass over
    the Doc per caller."""
    at = rec.get("trigger_start")
    # (the text's length from its last token: ``doc.text`` joins every token's text anew on each call)
    if at is None or not len(doc) or not 0 <= at < doc[-1].idx + len(doc[-1].text_with_ws):
        return None
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    token = span[0] if span is not None and len(span) else None
    return token if token is not None and token.idx == at else None


def side(rec: dict[str, Any], which: str) -> dict[str, Any]:
    """The entity item of one side of a record, ``which`` "s" (subject) or "o" (object), as :func:`record`
    takes it: to make a record between the sides of another ("X gives Y access in return for a fee":
    Y pays X)."""
    return {k: rec[f"{which}_{k}"] for k in ("start", "end", "name", "cls", "wikidata")}


#: the string hash of "respectively"
RESPECTIVELY = frozenset({get_string_id("respectively")})


def pair_respectively(doc: Doc, found: dict[tuple, dict[str, Any]], marks: list[int]) -> None:
    """"Joonsan and Movera assemble phones at plants in Campinas and Jaguariuna respectively": where a
    sentence says "respectively" (its tokens ``marks``) and one trigger read every pair of two lists of
    the same length, the first goes with the first, the second with the second; the other records of
    ``found`` (keyed as the rules key them) are dropped."""
    if not marks:
        return
    sentences = {doc[i].sent.start_char for i in marks}
    groups: dict[tuple[int, str], list[tuple]] = {}
    for key, rec in found.items():
        if rec["sent_start"] in sentences:
            groups.setdefault((rec["trigger_start"], rec["predicate"]), []).append(key)
    for keys in groups.values():
        subjects = sorted({found[k]["s_start"] for k in keys})
        objects = sorted({found[k]["o_start"] for k in keys})
        if len(keys) == len(subjects) * len(objects) >= 2 and 1 in (len(subjects), len(objects)):
            # "X and Y, run by A and B respectively" where only Y is of a class the relation takes: the one
            # name read goes with the name at its place in the other list
            one, many, other = (objects[0], subjects, "s") if len(objects) == 1 else (subjects[0], objects, "o")
            listed = _listed(doc[one])
            if len(listed) == len(many) and doc[one].i in listed:
                keep = many[listed.index(doc[one].i)]
                for k in keys:
                    if found[k][f"{other}_start"] != keep:
                        del found[k]
            continue
        if len(subjects) != len(objects) or len(subjects) < 2 or len(keys) != len(subjects) * len(objects):
            continue
        for k in keys:
            if subjects.index(found[k]["s_start"]) != objects.index(found[k]["o_start"]):
                del found[k]


def drop_regions_of_cities(doc: Doc, found: dict[tuple, dict[str, Any]], apposed: list[dict[str, Any]],
                           predicate: str, *, keep_before_based: bool = False,
                           also: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
                           more: Iterable[dict[str, Any]] = ()) -> None:
    """"a plant it runs in Greer, South Carolina", "based in Tulsa, Oklahoma": where ``predicate`` was read of
    the same subject in one sentence both of a city and of the region written right after it (``apposed``:
    the records of a place in the place after it, kg:locatedIn), the region is where the city is, not a second
    object (the annotation's settled case): the region's record of ``found`` is dropped. Not a region written
    as a newswire abbreviation ("Dalton, Ga."), nor (``keep_before_based``) one before "-based"; ``also(record,
    city)``, where given, must hold of the region's record too. ``more``: further kg:locatedIn records of a
    city in a region, written otherwise than right after it ("Kulim, in the northern state of Kedah")."""
    cities = {(r["sent_start"], r["o_start"]): r for r in apposed
              if r["o_start"] == r["s_end"] + 1 and not doc[r["o_end"] - 1].text.endswith(".")
              and not (keep_before_based and r["o_end"] < len(doc) and doc[r["o_end"]].text == "-")}
    for r in more:
        cities.setdefault((r["sent_start"], r["o_start"]), r)
    if not cities:
        return
    held = {(r["s_key"], r["sent_start"], r["o_start"]) for r in found.values() if r["predicate"] == predicate}
    for key, r in list(found.items()):
        city = cities.get((r["sent_start"], r["o_start"])) if r["predicate"] == predicate else None
        if city is not None and (r["s_key"], r["sent_start"], city["s_start"]) in held \
                and (also is None or also(r, city)):
            del found[key]


def _listed(first: Token) -> list[int]:
    """The first tokens of the names of the list the name starting at ``first`` is in ("A and B": A's and B's),
    in order; just ``first`` where it is in none."""
    node = first
    while node.dep_ in {"compound", "nmod"} and node.head.i > node.i:
        node = node.head  # (the name's last word, which the parser joins to the others)
    top = node
    while top.dep_ == "conj" and top.head.i < top.i:
        top = top.head
    if top is node and not node.conjuncts:
        return [first.i]
    starts = []
    for t in sorted({top, *top.conjuncts}, key=lambda t: t.i):
        start = t.i
        while start > 0 and t.doc[start - 1].dep_ in {"compound", "nmod"} and start - 1 < t.doc[start - 1].head.i <= t.i:
            start -= 1  # (the words before the last that the name is written with)
        starts.append(start)
    return starts

