"""Articles as records (a JSON object, a CSV row): which field is the text, the title, the date.

The usual names are found by themselves, in any case and with or without
``_``/``-`` (``published_at``, ``publishedAt`` and ``Published-At`` are one
name); ``ReadOptions.fields`` names others (``--text-field story``), with
dots for nested objects (``article.body``).

>>> entry = record_entry({"Headline": "Acme buys Widgetco", "articleBody": "Acme bought Widgetco.",
...                       "publishedAt": "2024-06-03T09:30:00Z", "link": "https://ex.com/a"}, {}, "line 1")
>>> entry.title, entry.date, entry.url, entry.text
('Acme buys Widgetco', '2024-06-03T09:30:00Z', 'https://ex.com/a', 'Acme bought Widgetco.')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from .base import Entry, Skip

__all__ = ["FIELD_NAMES", "has_text_field", "record_entry"]

#: Role -> the field names looked for, in order of preference (compared by :func:`_norm`).
FIELD_NAMES: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body", "article", "articlebody", "articletext", "fulltext", "maintext",
             "bodytext", "story", "storytext"),
    "title": ("title", "headline", "heading"),
    "url": ("url", "link", "canonicalurl", "sourceurl", "uri", "href", "permalink"),
    "date": ("date", "published", "publishedat", "publishdate", "publicationdate", "datepublished", "pubdate",
             "publishedtime", "datetime", "created", "createdat", "timestamp", "time"),
    "id": ("id", "_id", "docid", "documentid", "articleid", "guid", "uuid", "uid"),
    "author": ("author", "authors", "byline", "creator", "writer"),
    "language": ("language", "lang", "languagecode", "locale", "inlanguage"),
}


def _norm(name: str) -> str:
    return re.sub(r"[^0-9a-z]", "", name.lower()) or name


def _value(obj: Mapping[str, Any], path: str) -> Any:
    """``obj[path]``, following dots into nested objects; None when absent."""
    if path in obj:
        return obj[path]
    current: Any = obj
    for part in path.split("."):
        if not isinstance(current, Mapping) or part not in current:
            return None
        current = current[part]
    return current


def _text_of(value: Any) -> str:
    """A field's value as text: lists (authors, paragraphs) joined, objects' names taken."""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, Mapping):
        for key in ("name", "value", "text", "@value"):
            if isinstance(value.get(key), str):
                return value[key]
        return ""
    if isinstance(value, (list, tuple)):
        parts = [_text_of(v) for v in value]
        return "; ".join(p for p in parts if p)
    return ""


def _find(obj: Mapping[str, Any], role: str, fields: Mapping[str, str], keys: dict[str, str]) -> Any:
    """The value of ``role``: the named field if the user named one, else the first usual name present."""
    if role in fields:
        return _value(obj, fields[role])
    for name in FIELD_NAMES[role]:
        key = keys.get(name)
        if key is not None:
            value = obj[key]
            if value not in (None, "", [], {}):
                return value
    return None


def has_text_field(names: list[str], fields: Mapping[str, str]) -> bool:
    """Whether records with these field names have a text field (by its usual names, or the one named)."""
    if "text" in fields:
        return fields["text"].split(".", 1)[0] in names
    return any(_norm(n) in FIELD_NAMES["text"] for n in names)


def record_entry(obj: Mapping[str, Any], fields: Mapping[str, str], position: str) -> Entry | Skip:
    """The document a record holds, or a :class:`Skip` saying why it holds none."""
    keys: dict[str, str] = {}
    for key in obj:
        if isinstance(key, str):
            keys.setdefault(_norm(key), key)
    raw_text = _find(obj, "text", fields, keys)
    text = raw_text if isinstance(raw_text, str) else _text_of(raw_text) if isinstance(raw_text, list) else ""
    if not text.strip():
        if "text" in fields:
            return Skip(position, f"no text in the field {fields['text']!r}", detail="no text")
        tried = ", ".join(FIELD_NAMES["text"][:4])
        return Skip(position, f"no text field (looked for {tried}, ...; name it with --text-field); "
                              f"fields: {', '.join(sorted(keys.values())[:12])}", detail="no text field")
    if isinstance(raw_text, list):
        text = "\n\n".join(_text_of(p) for p in raw_text if _text_of(p))
    date = _find(obj, "date", fields, keys)  # a Unix timestamp becomes its digits, read by parse_date
    return Entry(
        text=text, position=position,
        key=_text_of(_find(obj, "id", fields, keys)),
        title=_text_of(_find(obj, "title", fields, keys)),
        date=_text_of(date),
        url=_text_of(_find(obj, "url", fields, keys)),
        author=_text_of(_find(obj, "author", fields, keys)),
        language=_text_of(_find(obj, "language", fields, keys)),
    )
