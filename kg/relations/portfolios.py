"""Whom a minister works for, told by the portfolio written before the job: "Mines minister Tomas Berg",
"deputy defence minister Ana Ruiz", "Ana Ruiz, the transport minister," work for the government body the
text names whose name holds the portfolio's words ("Ministry of Mines and Minerals Development", "Ministry
of National Defence", "Transport Ministry"); kg:worksFor. Read from the words, since the portfolio is no
name of its own (the NER often takes it for one: "Mines").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

from ..syntax import FORMER
from .records import record

__all__ = ["ministers_of_portfolios"]

#: words of a job's rank before it, which name no portfolio
_RANKS = frozenset({"deputy", "vice", "junior", "assistant", "acting", "prime", "state", "chief", "senior",
                    "first", "new", "then", "interim", "cabinet", "shadow"})
#: the words of a ministry's name besides its portfolio
_BODY_WORDS = frozenset({"ministry", "department", "of", "and", "for", "the", "national", "federal", "state"})
#: the spellings a portfolio's word is written in either way
_SPELLINGS = {"defense": "defence"}


def _word(text: str) -> str:
    low = text.lower()
    return _SPELLINGS.get(low, low)


def _portfolio(job: Token, by_token: dict[int, int], items: list[dict[str, Any]]) -> list[str]:
    """The words of the portfolio written before a job noun ("natural resources", "mines"), or none (a
    former one, or only a rank or a country's demonym before it)."""
    words: list[str] = []
    if any(t.lower_ in FORMER for t in job.doc[job.left_edge.i:job.i]):
        return []  # (a past job: "former health minister X")
    for c in job.children:
        if c.i > job.i or c.dep_ not in {"compound", "amod", "nmod"}:
            continue
        kids = [g for g in c.children if g.dep_ in {"compound", "amod"} and g.i < c.i]
        for t in sorted([c, *kids], key=lambda t: t.i):
            n = by_token.get(t.i)
            # (no demonym or country: "German interior minister"; but a name the NER made of the portfolio is one)
            if n is not None and items[n]["via"] == "demonym":
                continue
            if t.is_alpha and t.lower_ not in _RANKS:
                words.append(_word(t.text))
    return words


def _holder(job: Token, by_token: dict[int, int], items: list[dict[str, Any]], reader: Any) -> dict[str, Any] | None:
    """The person a job noun is the title of ("minister Ana Ruiz") or is apposed to ("Ana Ruiz, the minister")."""
    n = by_token.get(job.head.i) if job.dep_ in {"compound", "appos"} else None
    if n is not None and reader.onto.is_a(items[n]["cls"], "Person") and items[n]["via"] in {"", "gazetteer"}:
        return items[n]
    for c in job.children:
        n = by_token.get(c.i)
        if c.dep_ == "appos" and n is not None and reader.onto.is_a(items[n]["cls"], "Person"):
            return items[n]
    return None


def ministers_of_portfolios(reader: Any, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]
                            ) -> list[dict[str, Any]]:
    """worksFor records of people titled with a government job and a portfolio, and the body named with it."""
    rel = reader.onto.relations.get("worksFor")
    if rel is None or not reader.government_jobs:
        return []
    # (each body with the words of its name)
    bodies = [(it, {_word(w.strip(",")) for w in it["name"].split()}) for it in items
              if it["via"] in {"", "gazetteer"} and reader.onto.is_a(it["cls"], "GovernmentBody")]
    if not bodies:
        return []
    out: list[dict[str, Any]] = []
    for job in doc:
        # (a noun, or a title in capitals the tagger took for a proper noun: "Health Minister X")
        if job.pos_ not in {"NOUN", "PROPN"} or job.lower_ not in reader.government_jobs \
                or (job.i in by_token and items[by_token[job.i]]["via"] != "coref"):
            continue
        words = _portfolio(job, by_token, items)
        person = _holder(job, by_token, items, reader) if words else None
        if person is None:
            continue
        # (the body whose name says least besides the portfolio, "Health Canada" before "Florida Agency for
        # Health Care Administration"; then the nearest before the job, else the first after it)
        wanted = set(words)
        named = [(b, len(name - wanted - _BODY_WORDS)) for b, name in bodies if wanted <= name]
        if not named:
            continue
        fewest = min(extra for _, extra in named)
        bodies_named = [b for b, extra in named if extra == fewest]
        before = [b for b in bodies_named if b["start"] < job.i]
        body = before[-1] if before else bodies_named[0]
        out.append(record(doc, person, rel.name, body, rel.base_confidence - 0.15, job))
    return out
