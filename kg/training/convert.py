"""Public relation data sets -> annotated documents (:class:`~kg.training.annotations.AnnotatedDoc`).

- CoNLL04 (Roth & Yih 2004, as preprocessed by SpERT): one sentence a record,
  BILOU entity tags, relations between entity indices;
- Re-DocRED (Tan et al. 2022): Wikipedia leads with entity clusters and
  document-level Wikidata relations, kept where a sentence holds both ends.

Labels are mapped to the ontology as ``../shared/data/README.md`` says
(:data:`CONLL04_RELATIONS`, :data:`REDOCRED_RELATIONS`). Token lists are
joined into text with the spacing of ordinary English (:func:`detokenize`),
since the pipeline reads raw text:

>>> detokenize(["Sean", "O", "'Malley", ",", "a", "spokesman", "for", "the", "museum", "."])[0]
"Sean O'Malley, a spokesman for the museum."
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..ontology import Ontology, load_ontology
from .annotations import AnnotatedDoc, AnnotationError, EntityAnnotation, RelationAnnotation, SpanRef

__all__ = [
    "CONLL04_RELATIONS",
    "CONVERTERS",
    "detect_format",
    "REDOCRED_RELATIONS",
    "REDOCRED_TRAIN_DOCS",
    "conll04",
    "detokenize",
    "redocred",
]

#: CoNLL04 relation -> ontology relation (Kill has no term).
CONLL04_RELATIONS = {"OrgBased_In": "basedIn", "Work_For": "worksFor", "Located_In": "locatedIn",
                     "Live_In": "livesIn"}
#: Wikidata property -> (ontology relation, whether head and tail swap).
REDOCRED_RELATIONS = {
    "P159": ("basedIn", False), "P108": ("worksFor", False), "P749": ("subsidiaryOf", False),
    "P355": ("subsidiaryOf", True), "P127": ("subsidiaryOf", False), "P178": ("develops", True),
    "P176": ("develops", True), "P551": ("livesIn", False), "P27": ("livesIn", False),
    "P131": ("locatedIn", False), "P150": ("locatedIn", True),
}
#: Re-DocRED's dev file: the first 400 documents are for training, the last 100 are the dev split.
REDOCRED_TRAIN_DOCS = 400

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|'re|'ve|'ll|'d|'m|n't|''|'|\.\.\.)$")
_NO_SPACE_AFTER = {"(", "[", "{", "$", "``", "`", "#"}


def detokenize(tokens: Sequence[str]) -> tuple[str, list[int]]:
    """Join tokens into text with English spacing; returns the text and each token's start offset.

    No space before closing punctuation and clitics (``'s``, ``n't``), none after
    opening brackets, ``$`` and opening quotes; a double quote opens or closes by
    count. ``O 'Brien`` is rejoined.
    """
    parts: list[str] = []
    starts: list[int] = []
    pos = 0
    quotes = 0
    prev = ""
    for n, tok in enumerate(tokens):
        space = n > 0
        if _NO_SPACE_BEFORE.match(tok) or prev in _NO_SPACE_AFTER:
            space = False
        if tok == '"':
            quotes += 1
            if quotes % 2 == 0:
                space = False  # a closing quote
        if prev == '"' and quotes % 2 == 1:
            space = False  # after an opening quote
        if tok.startswith("'") and len(tok) > 2 and prev[-1:].isupper() and len(prev) == 1:
            space = False  # O 'Brien
        if space:
            parts.append(" ")
            pos += 1
        starts.append(pos)
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), starts


def _span(tokens: Sequence[str], starts: list[int], first: int, last: int) -> SpanRef:
    """Character span of tokens ``first`` .. ``last`` (inclusive)."""
    return SpanRef(starts[first], starts[last] + len(tokens[last]))


#: Titles dropped from the front of a person's name ("President Okafor" -> "Okafor"): the
#: annotation guidelines keep titles out of names, as the shared scorer does.
_TITLES = ("prime minister", "chief executive", "president", "minister", "senator", "sen", "rep", "gov",
           "governor", "mr", "mrs", "ms", "dr", "gen", "lt", "capt", "ceo", "chairman", "secretary", "judge")


def _trim(text: str, ref: SpanRef, cls: str) -> SpanRef:
    """A span in the conventions of ``docs/annotation.md``: no title before a person's name, no
    sentence period glued to the last word ("Boise." -> "Boise"; "U.S." and "Calif." keep theirs)."""
    start, end = ref.start, ref.end
    if cls == "Person":
        low = text[start:end].lower()
        for title in _TITLES:
            for form in (title + ". ", title + " "):
                if low.startswith(form) and len(low) > len(form) + 1:
                    start += len(form)
                    break
            else:
                continue
            break
    if text[start:end].endswith(".") and end - start > 2 and _sentence_period(text[start:end]):
        end -= 1
    return SpanRef(start, end)


@lru_cache(maxsize=1)
def _tokenizer():
    import spacy

    return spacy.blank("en").tokenizer


def _sentence_period(name: str) -> bool:
    """Whether the final period of ``name`` is punctuation, not part of an abbreviation (spaCy's tokenizer decides)."""
    toks = [t.text for t in _tokenizer()(name)]
    return len(toks) > 1 and toks[-1] == "."


def _place_class(name: str, countries: set[str]) -> str:
    return "Country" if name.lower() in countries else "Place"


def _country_names(onto: Ontology) -> set[str]:
    names: set[str] = set()
    for e in onto.gazetteer:
        if e.cls == "Country":
            names |= {e.name.lower(), *(a.lower() for a in e.aliases), *(d.lower() for d in e.demonyms)}
    return names


def _fit(onto: Ontology, relations: list[RelationAnnotation], classes: dict[SpanRef, str]
         ) -> list[RelationAnnotation]:
    """Relations whose ends fit the domain and range; a place typed Country where Place is needed is retyped."""
    out = []
    for r in relations:
        info = onto.relations[r.label]
        for ref, allowed in ((r.head, info.domain), (r.child, info.range)):
            if not onto.fits(classes[ref], allowed) and classes[ref] == "Country" and onto.fits("Place", allowed):
                classes[ref] = "Place"  # "Hong Kong locatedIn China": the inner place
        if onto.fits(classes[r.head], info.domain) and onto.fits(classes[r.child], info.range):
            out.append(r)
    return out


def _json_file(path: str | Path, what: str) -> tuple[Path, Any]:
    """The path and the JSON of a converter's file; an error that names the format (``what``) where it
    cannot be read."""
    path = Path(path)
    try:
        return path, json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise AnnotationError(f"{path}: cannot read {what} JSON: {exc}") from None


def conll04(path: str | Path, *, onto: Ontology | None = None) -> Iterator[AnnotatedDoc]:
    """Documents (one sentence each) of a CoNLL04 JSON file in SpERT's layout.

    Entities: Peop -> Person, Org -> Organization, Loc -> Country when the
    gazetteer knows the name as a country, else Place; Other is left out.
    """
    onto = onto or load_ontology()
    countries = _country_names(onto)
    path, records = _json_file(path, "CoNLL04")
    if not isinstance(records, list):
        raise AnnotationError(f"{path}: expected a JSON list of sentences with tokens, tags and relations")
    for n, rec in enumerate(records):
        where = f"{path}:{n}"
        try:
            tokens, tags = rec["tokens"], rec["tags"]
            rels = rec.get("relations", [])
        except (KeyError, TypeError):
            raise AnnotationError(f"{where}: a CoNLL04 record needs 'tokens' and 'tags'") from None
        text, starts = detokenize(tokens)
        spans: list[tuple[int, int, str]] = []  # first token, last token, type
        first = None
        for i, tag in enumerate(tags):
            kind, _, label = tag.partition("-")
            if kind in {"B", "U"}:
                first = i
            if kind in {"L", "U"} and first is not None:
                spans.append((first, i, label))
                first = None
        classes: dict[SpanRef, str] = {}
        refs: list[SpanRef | None] = []
        for a, b, label in spans:
            ref = _span(tokens, starts, a, b)
            name = text[ref.start:ref.end]
            cls = {"Peop": "Person", "Org": "Organization", "Loc": _place_class(name, countries)}.get(label)
            if cls:
                ref = _trim(text, ref, cls)
            refs.append(ref if cls else None)
            if cls:
                classes[ref] = cls
        relations = []
        for r in rels:
            label = CONLL04_RELATIONS.get(r.get("type"))
            if label is None:
                continue
            head, tail = refs[r["head"]], refs[r["tail"]]
            if head is not None and tail is not None and head != tail:
                relations.append(RelationAnnotation(head, tail, label))
        relations = _fit(onto, relations, classes)
        entities = tuple(EntityAnnotation(ref.start, ref.end, cls) for ref, cls in sorted(classes.items()))
        yield AnnotatedDoc(id=f"conll04-{rec.get('orig_id', n)}", text=text, entities=entities,
                           relations=tuple(dict.fromkeys(relations)), source=where,
                           meta={"source": "CoNLL04", "orig_id": rec.get("orig_id", n)})


def redocred(path: str | Path, *, docs: slice | None = None, onto: Ontology | None = None
             ) -> Iterator[AnnotatedDoc]:
    """Documents of a Re-DocRED JSON file (title, sentences, entity clusters, Wikidata relations).

    The text is the title, a blank line and the sentences. Every mention of a
    PER, ORG or LOC cluster is an entity (MISC only as the product of a
    developer or manufacturer relation); a relation is annotated between the
    two mentions of each sentence that holds a mention of both ends, since the
    extractor reads sentences. ``docs`` picks documents in file order (default:
    the first :data:`REDOCRED_TRAIN_DOCS`, the training part).
    """
    onto = onto or load_ontology()
    countries = _country_names(onto)
    path, records = _json_file(path, "Re-DocRED")
    picked = range(len(records))[docs if docs is not None else slice(0, REDOCRED_TRAIN_DOCS)]
    for n in picked:
        yield _redocred_doc(records[n], f"{path}:{n}", n, onto, countries)


def _redocred_doc(rec: dict[str, Any], where: str, n: int, onto: Ontology, countries: set[str]) -> AnnotatedDoc:
    try:
        title, sents, vertices, labels = rec["title"], rec["sents"], rec["vertexSet"], rec.get("labels", [])
    except (KeyError, TypeError):
        raise AnnotationError(f"{where}: a Re-DocRED record needs 'title', 'sents' and 'vertexSet'") from None
    pieces = [title, "\n\n"]
    offset = len(title) + 2
    sent_starts: list[list[int]] = []
    for k, sent in enumerate(sents):
        text, starts = detokenize(sent)
        if k:
            pieces.append(" ")
            offset += 1
        sent_starts.append([offset + s for s in starts])
        pieces.append(text)
        offset += len(text)
    text = "".join(pieces)
    products = {lab["h"] for lab in labels if lab["r"] in {"P178", "P176"}}  # the head is the product
    # mentions by cluster: (sentence, span)
    mentions: dict[int, list[tuple[int, SpanRef]]] = {}
    classes: dict[SpanRef, str] = {}
    for v, cluster in enumerate(vertices):
        for m in cluster:
            s, (a, b) = m["sent_id"], m["pos"]
            toks = sents[s]
            ref = SpanRef(sent_starts[s][a], sent_starts[s][b - 1] + len(toks[b - 1]))
            name = text[ref.start:ref.end]
            cls = {"PER": "Person", "ORG": "Organization"}.get(m["type"])
            if m["type"] == "LOC":
                cls = _place_class(name, countries)
            elif m["type"] == "MISC" and v in products:
                cls = "Product"
            if cls is not None:
                ref = _trim(text, ref, cls)
            if cls is None or any(r.start < ref.end and ref.start < r.end for r in classes if r != ref):
                continue  # overlapping mentions: the first one stays
            classes[ref] = cls
            mentions.setdefault(v, []).append((s, ref))
    relations: list[RelationAnnotation] = []
    for lab in labels:
        mapped = REDOCRED_RELATIONS.get(lab["r"])
        if mapped is None:
            continue
        label, swap = mapped
        h, t = (lab["t"], lab["h"]) if swap else (lab["h"], lab["t"])
        for s_h, ref_h in mentions.get(h, []):
            for s_t, ref_t in mentions.get(t, []):
                if s_h == s_t and ref_h != ref_t:
                    relations.append(RelationAnnotation(ref_h, ref_t, label))
    relations = _fit(onto, relations, classes)
    entities = tuple(EntityAnnotation(ref.start, ref.end, cls) for ref, cls in sorted(classes.items()))
    return AnnotatedDoc(id=f"redocred-{n}", text=text, entities=entities,
                        relations=tuple(dict.fromkeys(relations)), source=where,
                        meta={"source": "Re-DocRED", "title": title, "index": n})


#: Name -> converter, for ``kg data convert --from NAME``.
CONVERTERS = {"conll04": conll04, "redocred": redocred}


def detect_format(path: str | Path) -> str:
    """``"conll04"``, ``"redocred"`` or ``"jsonl"`` (our annotations), from what the file holds.

    A JSON array is CoNLL04 when its records have ``tokens`` and ``tags``, Re-DocRED
    when they have ``vertexSet``; anything else that is not an array is read as JSON Lines.
    """
    path = Path(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        raise AnnotationError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if not head.startswith(b"["):
        return "jsonl"
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise AnnotationError(f"{path}: starts like a JSON array but cannot be read as one: {exc}") from None
    first = records[0] if isinstance(records, list) and records and isinstance(records[0], dict) else {}
    if "vertexSet" in first:
        return "redocred"
    if "tokens" in first and "tags" in first:
        return "conll04"
    raise AnnotationError(f"{path}: a JSON array, but neither CoNLL04 (records with 'tokens' and 'tags') "
                          "nor Re-DocRED (records with 'vertexSet'); give --from")
