"""The same article twice: by canonical URL, or by its normalised text under another URL.

Only digests are kept (16 bytes per URL and per text), never the texts, so
a crawl of millions of pages keeps its duplicate check small. URLs are
canonicalised with courlan (scheme and host case, default ports, tracking
parameters such as ``utm_*``, fragments, trailing slashes); texts are
compared after case folding and with all runs of white space made one
space, so an AMP copy or a syndicated copy with the same words under
another URL is caught too.

>>> seen = Duplicates()
>>> seen.check("a", "https://News.example.com/acme?utm_source=rss", "Acme buys  Widgetco.")
>>> seen.check("b", "https://news.example.com/acme", "Other text.")
('a', 'URL')
>>> seen.check("c", "https://amp.example.com/acme", "acme buys widgetco.")
('a', 'text')
"""

from __future__ import annotations

import hashlib

__all__ = ["Duplicates", "canonical_url"]


def canonical_url(url: str) -> str:
    """``url`` in a canonical form (courlan), or "" when it is not an absolute http(s) URL."""
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return ""  # before the import: a corpus of plain text files never loads courlan
    from courlan import normalize_url

    try:
        return normalize_url(url, strict=True).rstrip("/")
    except Exception:  # courlan raises ValueError and others on malformed URLs
        return ""


def _digest(value: str) -> bytes:
    return hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class Duplicates:
    """Remembers the documents built so far by URL and text digest."""

    def __init__(self) -> None:
        self._urls: dict[bytes, str] = {}
        self._texts: dict[bytes, str] = {}

    def check(self, doc_id: str, url: str, text: str) -> tuple[str, str] | None:
        """``(first doc id, "URL" or "text")`` when the document was seen, else None (and it is remembered)."""
        canonical = canonical_url(url)
        by_url = _digest(canonical) if canonical else None
        by_text = _digest(" ".join(text.casefold().split()))
        if by_url is not None and by_url in self._urls:
            return self._urls[by_url], "URL"
        if by_text in self._texts:
            return self._texts[by_text], "text"
        if by_url is not None:
            self._urls[by_url] = doc_id
        self._texts[by_text] = doc_id
        return None
