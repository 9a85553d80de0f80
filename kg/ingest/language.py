"""Which language a document is in (py3langid), and which language the spaCy model reads.

py3langid is the maintained, numpy-only build of langid.py: a 4 MB model of
97 languages, deterministic, well under a millisecond per article once
loaded. Texts with fewer than :data:`MIN_LETTERS` letters are not judged (a
headline or a one-line snippet is too short to tell reliably); they keep the
language their source declares, if any.

>>> detect("Acme Corp acquired Widgetco Inc. in a deal announced on Monday, the companies said. "
...        "The deal values Widgetco at two billion dollars, according to people familiar with it. "
...        "Acme is based in Toronto, where it employs about four thousand people in its offices.")
'en'
>>> detect("Die Acme AG hat die Widgetco GmbH übernommen, teilten die Unternehmen am Montag mit. "
...        "Der Kaufpreis beträgt zwei Milliarden Euro. Acme hat seinen Sitz in Hamburg und beschäftigt "
...        "dort etwa viertausend Menschen in seinen Werken und Büros. Analysten erwarten den Abschluss "
...        "bis zum Jahresende.")
'de'
>>> detect("Acme buys Widgetco.")
''
>>> primary("en-US"), primary("de_CH"), primary("")
('en', 'de', '')
"""

from __future__ import annotations

import re
import threading
from itertools import compress, islice
from typing import Any

__all__ = ["MIN_LETTERS", "detect", "model_language", "primary", "warm_up"]

#: Letters a text needs before its language is judged.
MIN_LETTERS = 200
#: Characters looked at: the start of an article is enough, and keeps long ones cheap.
_SAMPLE = 5000


def primary(tag: str) -> str:
    """The primary language subtag of a language tag, lower case (``"en-GB"`` -> ``"en"``)."""
    return re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0] if tag and tag.strip() else ""


_LOCK = threading.Lock()
_IDENTIFIER: list[Any] = []


def _identifier() -> Any:
    """py3langid's identifier, loaded once (decompressing its model takes most of a second)."""
    if not _IDENTIFIER:
        with _LOCK:
            if not _IDENTIFIER:
                from py3langid.langid import MODEL_FILE, LanguageIdentifier

                _IDENTIFIER.append(LanguageIdentifier.from_model_file(MODEL_FILE))
    return _IDENTIFIER[0]


def warm_up() -> threading.Thread:
    """Load the language model in a background thread (its LZMA decompression releases the GIL, so
    it overlaps with loading the spaCy pipeline); :func:`detect` waits for it when it comes first."""
    thread = threading.Thread(target=_identifier, name="kg-langid-load", daemon=True)
    thread.start()
    return thread


def _has_letters(text: str, n: int) -> bool:
    """Whether ``text`` holds at least ``n`` letters; reads only as far as the ``n``-th one.

    >>> _has_letters("ab, c", 3), _has_letters("ab, c", 4)
    (True, False)
    """
    return n <= 0 or next(islice(compress(text, map(str.isalpha, text)), n - 1, None), None) is not None


def detect(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in, or "" when it is too short to tell."""
    sample = text[:_SAMPLE]
    if not _has_letters(sample, MIN_LETTERS):
        return ""
    return _identifier().classify(sample)[0]


def model_language(model: str) -> str:
    """The language of a spaCy pipeline, without loading it: its meta.json ``lang`` (an installed
    package or a pipeline folder), else the prefix of a spaCy-style name (``de_core_news_sm`` ->
    ``"de"``). "" when unknown, or for ``xx`` (multi-language) pipelines: every language is read.

    >>> model_language("de_core_news_lg"), model_language("my-pipeline"), model_language("xx_ent_wiki_sm")
    ('de', '', '')
    """
    lang = ""
    try:
        from pathlib import Path

        import spacy.util

        if spacy.util.is_package(model):
            lang = spacy.util.get_model_meta(spacy.util.get_package_path(model)).get("lang", "")
        elif Path(model).is_dir():
            lang = spacy.util.get_model_meta(Path(model)).get("lang", "")
    except Exception:  # unreadable meta: the name has to do (loading the pipeline will say what is wrong)
        lang = ""
    if not lang:
        m = re.fullmatch(r"([a-z]{2,3})_(?:core|dep|ent|trf|udv|sent)_\w+", model)
        lang = m[1] if m else ""
    return "" if lang == "xx" else lang
