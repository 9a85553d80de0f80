"""Text that every RDF and XML parser accepts."""

from __future__ import annotations

import re

__all__ = ["clean_text"]

# C0 controls other than tab, newline and carriage return; lone surrogates; the
# non-characters U+FFFE and U+FFFF. XML 1.0 forbids them all, and raptor rejects
# the controls in N-Triples and Turtle literals.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """``text`` without the characters XML 1.0 and RDF parsers reject (``\\r`` becomes ``\\n``).

    >>> clean_text("a\\x00b\\x0cc\\r\\nd")
    'abc\\nd'
    """
    return _BAD.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
