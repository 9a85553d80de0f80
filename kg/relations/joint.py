"""Two firms named as the subject of one thing made or shared: partners (kg:partnersWith).

"PT Lestara and South Korea's Dongmyeon Chemical will build a $1.2 billion plant", "Mastlift and battery maker
Voltcore to open plant in Vietnam", "Skagen Line and Pacific Orient to share ships", "Rheinwald, Qingyun
to build batteries together": two organisations named right before a verb of making or opening
(lexicon.toml ``joint_work_verbs``) whose object is one thing (a singular noun), or before a verb that is
done together by its nature (``shared_work_verbs``: "share", "pool"), or with "together" after it, do it
as partners. Read off the surface, as the small parser often breaks a list of described names before a
verb (or a headline's verb, which it may take for a noun). Not "both", "each", "separately" or
"respectively", which say each does its own; not plural things made without "together" ("X and Y build
trains"); between businesses only, no government body. Weaker evidence than a parse: the confidence is
0.2 lower. A helper of :meth:`kg.relations.patterns.Patterns._joint_actors`.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from .records import record

__all__ = ["joint_works"]

#: Words between the second name and the verb: "will build", "to open", "plan to", "jointly".
_BEFORE_VERB = frozenset({"will", "to", "would", "plan", "plans", "jointly", "also", "together", "shall"})
#: Words that say each does its own.
_APART = frozenset({"both", "each", "separately", "respectively", "individually", "independently"})


def joint_works(rules: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
    """kg:partnersWith between two organisations named right before a verb of making one thing together;
    ``rules`` is the kg_relations component."""
    rel = rules.onto.relations.get("partnersWith")
    making = rules.onto.words("relations", "joint_work_verbs")
    shared = rules.onto.words("relations", "shared_work_verbs")
    if rel is None or not (making or shared):
        return []
    out: list[dict[str, Any]] = []
    for verb in rules._tokens_with_lemma(doc, making | shared):
        if not verb.is_lower or not (verb.tag_.startswith("VB") or (verb.tag_ == "NN" and verb.lemma_.lower() in making)):
            continue
        sent = verb.sent
        k = verb.i - 1
        while k > sent.start and k not in by_token and doc[k].lower_ in _BEFORE_VERB:
            k -= 1
        if k not in by_token or items[by_token[k]]["end"] != k + 1:
            continue
        second = items[by_token[k]]
        b = second["start"] - 1  # ("X and France's Y": a country owning the second name is passed over)
        if b >= 1 and doc[b].tag_ == "POS" and b - 1 in by_token:
            b = items[by_token[b - 1]]["start"] - 1
        b = rules._before_description(doc, b, by_token)  # ("X and battery maker Y")
        if b < 1 or doc[b].lower_ not in {"and", ","} or b - 1 not in by_token or items[by_token[b - 1]]["end"] != b:
            continue
        first = items[by_token[b - 1]]
        # (the first name opens the clause: only a description, a country's possessive or a dateline before it)
        a = first["start"] - 1
        if a >= sent.start and doc[a].tag_ == "POS" and a - 1 in by_token:
            a = items[by_token[a - 1]]["start"] - 1
        while a >= sent.start and a not in by_token and rules._describing(doc[a]):
            a -= 1
        if a >= sent.start and a in by_token and rules.onto.is_a(items[by_token[a]]["cls"], "Location"):
            a = items[by_token[a]]["start"] - 1
        if a >= sent.start and doc[a].text not in {"—", "-", "–", ":"}:
            continue
        # what is made: the words after the verb up to the first that describes nothing
        j = verb.i + 1
        while j < sent.end and (rules._describing(doc[j]) or doc[j].like_num or doc[j].text in {"$", "€", "£"}
                                or doc[j].lower_ in {"a", "an", "the"}
                                or doc[j].lower_ in rules.onto.possessive_pronouns):
            j += 1
        head = doc[j - 1] if j > verb.i + 1 else None
        together = any(t.lower_ in {"together", "jointly"} for t in doc[max(sent.start, k - 2):min(sent.end, j + 2)])
        if any(t.lower_ in _APART for t in sent):
            continue
        if verb.lemma_.lower() not in shared and not together and (
                head is None or head.tag_ != "NN" or not head.is_lower):
            continue
        if first["name"] != second["name"] and first["via"] in {"", "gazetteer"} \
                and second["via"] in {"", "gazetteer"}:
            out += rules._between_businesses([record(doc, first, rel.name, second, rel.base_confidence - 0.2, verb,
                                                     rules._modality(verb))])
    return out
