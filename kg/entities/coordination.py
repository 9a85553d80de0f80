"""Names joined by "and" in one NER span: "Okuda and Verdant Pharmaceuticals" is two names, "Kaimen
Machinery and Engineering Corporation" and "Ministry of Industry and Trade" one.

A stage of step 1 of :class:`~kg.entities.component.KGEntities` (:mod:`kg.entities.candidates` splits each
NER span here before trimming it): what follows "and" is a name of its own unless it is only words that end
firms' names or the "and" is inside one body's name; a legal form with its full stop, then another name,
ends a sentence the parser ran on; a body's possessive on a body inside it is two names.
"""

from __future__ import annotations

from spacy.tokens import Span

__all__ = ["Coordination"]


class Coordination:
    """Mixin of :class:`~kg.entities.component.KGEntities` (through :class:`~kg.entities.candidates.
    Candidates`): splitting an NER span at its coordinations."""

    def _firm_words_only(self, words: Span) -> bool:
        """Whether ``words`` are only words that end firms' names (lexicon ``company_heads`` and
        ``firm_heads``): after "and", no name of their own."""
        return all(t.text in self.firm_name_words for t in words)

    def _one_body(self, before: Span, after: Span) -> bool:
        """Whether a name with "and" inside is one institution's: "Ministry of Industry and Trade",
        "Energy and Mineral Resources Ministry" (a head word of a body's name at one end, none beside
        the "and"; not "Ministry of Finance and Ministry of Trade", nor a known name before it)."""
        heads = self.body_heads
        if before[0].text in heads and after[0].text not in heads:
            return True
        # "European Bank for Reconstruction and Development": a head word before, and one word of a body's
        # remit after (lexicon ``remit_words``), which names nothing of its own
        if len(after) == 1 and after[0].text in self.remit_words \
                and any(t.text in heads or t.text in self.firm_heads for t in before):
            return True
        # (a known name before it is its own: "Apple and Google Agency"; not a word the gazetteer knows as
        # a name without its "The": "Information" of "Information and Communications Technology Authority")
        entry = self.gazetteer.lookup(before.text) if self.gazetteer is not None else None
        known = self._known_name(before.doc, before.text) and not (
            entry is not None and entry.name.startswith("The ") and not before.text.startswith("The "))
        # (the head word may come before the place the body is of: "Insurance Regulatory and Development
        # Authority of India")
        own = next((t.i for t in after if t.lower_ == "of" and t.i > after.start), after.end)
        if before[-1].text not in heads and after[0].text not in heads and not known \
                and after.doc[own - 1].text in heads:
            return True
        # "Japan Organization for Metals and Energy Security", "Institute for Health and Care Excellence":
        # "and" inside what a head word's "of" or "for" names, when English common nouns only follow it,
        # no name of its own (not "Bank of America and Wells Fargo", which the gazetteer knows)
        joins = [t.i for t in before if t.lower_ in {"of", "for"} and t.i > before.start
                 and (before.doc[t.i - 1].text in heads or before.doc[t.i - 1].text in self.firm_heads)]
        return bool(joins) and joins[-1] < before.end - 1 and not self._known_name(after.doc, after.text) \
            and after[-1].text not in heads and after[-1].text not in self.firm_name_words \
            and all(t.is_title and t.is_alpha and (t.lower_ in self.common_nouns
                                                   or t.lemma_.lower() in self.common_nouns) for t in after)

    def _split_coordination(self, ent: Span) -> list[Span]:
        """"Okuda and Verdant Pharmaceuticals" -> two names (the model sometimes tags one span); not where
        what follows "and" is only words of firms' names ("Kaimen Machinery and Engineering Corporation"),
        nor in one body's name (:meth:`_one_body`). And "Tidal Ltd. Gorvo": a legal form with its full stop,
        then another name, is where a sentence ended that the parser ran on. And "the Halden Treasury
        Department's Office of Asset Control": a body's possessive on a body inside it is two names."""
        parts, start = [], ent.start
        doc = ent.doc
        for tok in ent:
            if tok.lower_ in {"'s", "\u2019s"} and tok.i > start and tok.i + 1 < ent.end and ent.label_ == "ORG" \
                    and doc[tok.i - 1].text in self.gov_heads and doc[tok.i + 1].text in self.gov_heads:
                parts.append(doc[start:tok.i])
                start = tok.i + 1
                continue
            if tok.text.endswith(".") and tok.text.rstrip(".") in self.legal_forms and tok.i > start \
                    and tok.i + 1 < ent.end and tok.whitespace_ and doc[tok.i + 1].text[:1].isupper() \
                    and doc[tok.i + 1].text.rstrip(".") not in self.legal_forms and ent.label_ == "ORG":
                parts.append(doc[start:tok.i + 1])
                start = tok.i + 1
                continue
            if tok.lower_ in {"and", "or"} and tok.i > start and tok.i + 1 < ent.end \
                    and tok.whitespace_ and doc[tok.i + 1].text[:1].isupper() \
                    and ent.label_ in {"ORG", "PERSON", "GPE"} \
                    and not self._firm_words_only(doc[tok.i + 1:ent.end]) \
                    and not self._one_body(doc[start:tok.i], doc[tok.i + 1:ent.end]):
                parts.append(doc[start:tok.i])
                start = tok.i + 1
        parts.append(doc[start:ent.end])
        return [p for p in parts if len(p)]
