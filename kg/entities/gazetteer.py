"""The gazetteer (``ontology/gazetteer/``): names, aliases, demonyms and a matcher over them."""

from __future__ import annotations

from spacy.language import Language
from spacy.matcher import PhraseMatcher

from ..names import canonical_name, name_key, normalize_quotes
from ..ontology import GazetteerEntry, Ontology

__all__ = ["_Gazetteer"]

#: The gazetteer's classes of places.
_PLACES = frozenset({"Place", "Country"})


class _Gazetteer:
    """Surface form -> gazetteer entry, with a PhraseMatcher over all forms."""

    def __init__(self, nlp: Language, onto: Ontology) -> None:
        self.by_form: dict[str, GazetteerEntry] = {}
        self.demonyms: dict[str, GazetteerEntry] = {}
        self.by_key: dict[str, GazetteerEntry] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        forms: dict[str, str] = {}
        for entry in onto.gazetteer:
            forms_of = [entry.name, *entry.aliases]
            if entry.cls == "Product":  # "iPhones", "H100s"
                forms_of += [f + "s" for f in forms_of if f[-1:].isalnum() and not f.endswith("s")]
            for form in forms_of:
                form = normalize_quotes(form)
                self.by_form.setdefault(form, entry)
                self.by_key.setdefault(name_key(form), entry)
                forms[form] = "ENT"
                if "'" in form:  # match curly apostrophes too
                    forms[form.replace("'", "\u2019")] = "ENT"
                    self.by_form.setdefault(form.replace("'", "\u2019"), entry)
            for dem in entry.demonyms:
                self.demonyms.setdefault(dem, entry)
                forms[dem] = "DEM"
        tokenizer = nlp.tokenizer
        ents = [tokenizer(f) for f, kind in sorted(forms.items()) if kind == "ENT"]
        dems = [tokenizer(f) for f, kind in sorted(forms.items()) if kind == "DEM"]
        if ents:
            self.matcher.add("ENT", ents)
        if dems:
            self.matcher.add("DEM", dems)

    def lookup(self, text: str) -> GazetteerEntry | None:
        text = normalize_quotes(text)
        return self.by_form.get(text) or self.by_form.get(canonical_name(text)) or self.by_key.get(name_key(text))

    def place(self, text: str, *, demonym: bool = False) -> GazetteerEntry | None:
        """The entry of ``text`` if it is a place or a country the gazetteer knows (``demonym``: or the
        demonym of one, "Norwegian"), else None."""
        entry = (demonym and self.demonyms.get(text)) or self.lookup(text)
        return entry if getattr(entry, "cls", None) in _PLACES else None
