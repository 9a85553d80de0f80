"""Canonical names: the one spelling each real-world thing is known by.

>>> canonical_name("the Voltmark AG's")
'Voltmark'
>>> name_key("Voltmark  AG")
'voltmark'
>>> initials("Northern Micro Devices")
'NMD'
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .ontology import load_ontology

__all__ = ["canonical_name", "family", "initials", "name_key", "normalize_quotes"]

_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                         "\u201c": '"', "\u201d": '"'})


@lru_cache(maxsize=1 << 16)
def normalize_quotes(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_QUOTES)


@lru_cache(maxsize=1)
def _suffix_re() -> re.Pattern[str]:
    words = sorted(load_ontology().lexicon["names"]["legal_suffixes"], key=len, reverse=True)
    alt = "|".join(re.escape(w.rstrip(".")) for w in words)
    return re.compile(rf"(?:,?\s+(?:{alt})\.?)+$")


@lru_cache(maxsize=1 << 16)
def canonical_name(text: str) -> str:
    """Strip articles, possessives, legal suffixes, stray punctuation and spacing."""
    s = normalize_quotes(text)
    s = re.sub(r"\s+", " ", s).strip(" \t\n\"'()[]{},;:")
    s = re.sub(r"^(?:the|The|THE)\s+(?=\S)", "", s)
    s = re.sub(r"(?:'s|')$", "", s).strip()
    stripped = _suffix_re().sub("", s).strip(" ,")
    if stripped:
        s = stripped
    return s.rstrip(" .,") if not re.search(r"\b[A-Z]\.$", s) else s


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """A case- and punctuation-insensitive key for comparing names."""
    s = canonical_name(text).lower()
    s = s.replace(".", "")
    s = re.sub(r"[^\w&+]+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=1 << 16)
def initials(text: str) -> str:
    """Initials of the capitalised words of a name ("Northern Micro Devices" -> "NMD")."""
    words = [w for w in re.split(r"[\s\-]+", canonical_name(text)) if w]
    caps = [w[0] for w in words if w[0].isupper()]
    return "".join(caps) if len(caps) >= 2 else ""


_FAMILY = {
    "Company": "org", "Organization": "org", "GovernmentBody": "org",
    "Person": "person", "Country": "loc", "Place": "loc", "Product": "product",
}


def family(cls: str) -> str:
    """Classes whose names may share one node: organizations, people, locations, products."""
    return _FAMILY.get(cls, cls.lower())
