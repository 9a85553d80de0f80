"""Relations read from a firm hired for work (kg:suppliesTo).

"Kelvor Motors has hired Orlan Build to construct the plant", "Orlan Build was hired by Kelvor to
convert its jets", "Marden Marine, which Kelvor has hired for the job": a firm hired (lexicon
``hiring_verbs``) for a purpose, what it is hired "to" do or a "for" phrase, supplies the work to whoever
hired it. Not a person (a hired person works for the firm, kg:worksFor), nor one hired "as" something,
which the role says, nor one hired to advise on a deal or study one (lexicon ``advising_verbs``:
"hired Orlan Bank to advise on a sale" names an adviser, not a supplier of goods).
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc

from ..syntax import acted_on

__all__ = ["Hires"]


class Hires:
    """Mixin of :class:`~kg.relations.rules.KGRelations`: who a firm hires for work."""

    def _hired_for_work(self, doc: Doc, items: list[dict[str, Any]], by_token: dict[int, int]) -> list[dict[str, Any]]:
        rel = self.onto.relations.get("suppliesTo")
        verbs = self.onto.words("relations", "hiring_verbs")
        advising = self.onto.words("relations", "advising_verbs")
        out: list[dict[str, Any]] = []
        for verb in self._tokens_with_lemma(doc, verbs) if rel is not None and verbs else ():
            if verb.pos_ != "VERB" or any(c.dep_ == "prep" and c.lower_ == "as" for c in verb.children):
                continue
            tasks = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
            jobs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
            # (the work is what it is hired to do, or "for" what: not advice on a deal)
            if not (tasks or jobs) or any(t.lemma_.lower() in advising for t in tasks):
                continue
            hired, hirers, passive = acted_on(verb)  # (or "Orlan was hired by Kelvor to ...")
            if not hirers and not passive:
                hirers = self._inherited_agents(verb)
            # ("Marden Marine, which Kelvor has hired": the name the clause hangs on; "hired the construction
            # company Orlan Build": the name after the kind)
            hired = [verb.head if h.tag_ == "WDT" and verb.dep_ == "relcl" else h for h in hired]
            hired += [a for h in hired if h.i not in by_token and h.is_lower for a in h.children if a.dep_ == "appos"]
            firms = [h for h in hired if h.i in by_token and self.onto.is_a(items[by_token[h.i]]["cls"], "Organization")]
            if firms and hirers:
                out += self._records_between(doc, firms, hirers, rel, by_token, items, rel.base_confidence - 0.1,
                                             verb, self._modality(verb))
        return out
