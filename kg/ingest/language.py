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

import logging
import re
import threading
from array import array
from itertools import compress, islice
from pathlib import Path
from typing import Any

__all__ = ["MIN_LETTERS", "detect", "model_language", "primary"]

log = logging.getLogger(__name__)

#: Letters a text needs before its language is judged.
MIN_LETTERS = 200
#: Characters looked at: the start of an article is enough, and keeps long ones cheap.
_SAMPLE = 5000


def primary(tag: str) -> str:
    """The primary language subtag of a language tag, lower case (``"en-GB"`` -> ``"en"``)."""
    return re.split(r"[-_]", tag.strip().lower(), maxsplit=1)[0] if tag and tag.strip() else ""


_LOCK = threading.Lock()
_IDENTIFIER: list[Any] = []
#: the identifier's parts, as its constructor takes them; the two DFA tables are stdlib arrays there
_PARTS = ("nb_ptc", "nb_pc", "nb_classes", "tk_nextmove", "tk_output", "tk_row")
_ARRAYS = ("tk_nextmove", "tk_row")


def _identifier() -> Any:
    """py3langid's identifier, loaded once."""
    if not _IDENTIFIER:
        with _LOCK:
            if not _IDENTIFIER:
                _IDENTIFIER.append(_load())
    return _IDENTIFIER[0]


def _load() -> Any:
    """The identifier from its unpacked copy under the user cache folder, made on first use.

    py3langid ships its model LZMA-compressed: unpacking it takes half a second,
    which a build waits for before its first document (it reads its first record,
    language included, before it loads the spaCy pipeline, so a loading thread would
    overlap nothing). The unpacked arrays (plain ``.npy`` files, no pickle, 66 MB) load
    in a few hundredths, their big table memory-mapped. The folder's name is a hash of the packaged model, so another
    py3langid version gets its own; a folder that cannot be written or read is
    passed over (the packaged model is read instead).
    """
    import hashlib

    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

    from ..io import user_cache_dir

    packed = MODEL_DIR / MODEL_FILE
    folder = user_cache_dir("langid", hashlib.sha256(packed.read_bytes()).hexdigest()[:16])
    try:
        if (folder / "done").is_file():
            return LanguageIdentifier(**_read_parts(folder, np))
    except (OSError, ValueError, TypeError) as exc:  # a damaged copy: made again below
        log.warning("the unpacked language model in %s is damaged (%s); unpacking it again", folder, exc)
    identifier = LanguageIdentifier.from_model_file(packed)
    try:
        _write_parts(identifier, folder, np)
    except OSError as exc:  # a read-only home, a full disk: the next build unpacks again
        log.debug("cannot keep the unpacked language model in %s: %s", folder, exc)
    return identifier


def _read_parts(folder: Path, np: Any) -> dict[str, Any]:
    parts = {}
    for name in _PARTS:
        value = np.load(folder / f"{name}.npy", mmap_mode="r", allow_pickle=False)
        if name in _ARRAYS:
            table = array(value.dtype.char)
            table.frombytes(memoryview(np.ascontiguousarray(value)).cast("B"))
            value = table
        elif name in ("nb_classes", "tk_output"):
            value = value.tolist()
        parts[name] = value
    return parts


def _write_parts(identifier: Any, folder: Path, np: Any) -> None:
    """Each part as a ``.npy`` file in a folder renamed into place, so a reader never sees half of it."""
    from ..io import atomic_folder

    with atomic_folder(folder, replace=True) as tmp:  # (replacing a damaged copy)
        for name in _PARTS:
            np.save(tmp / f"{name}.npy", np.asarray(getattr(identifier, name)), allow_pickle=False)
        (tmp / "done").write_text("", encoding="utf-8")


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
