"""CSV and TSV: one article per row, the first row naming the fields; streamed.

Read with the standard library's ``csv`` module (strict quoting) over a
text stream, one row at a time. A malformed row (a stray quote, a wrong
number of fields) is reported with the line it starts on and skipped; the
rows after it are still read. The delimiter is a tab for ``.tsv``, else
the one :class:`csv.Sniffer` finds in the header (``,``, ``;``, tab, ``|``).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import BinaryIO

from ..corpus import MAX_BYTES, Source
from ..errors import InputError
from .base import Entry, ReadOptions, Skip
from .records import FIELD_NAMES, has_text_field, record_entry
from .streams import strip_compression

__all__ = ["CsvReader"]


class CsvReader:
    """``.csv`` and ``.tsv`` with a header row."""

    name = "csv"
    suffixes = (".csv", ".tsv")
    #: ``.tsv`` is read when named, not from folders: there it is more often a data table (such as
    #: the gold files of corpus/dev/gold/) than an export of articles
    folder_suffixes = (".csv",)
    many = True

    def sniff(self, head: bytes) -> int:
        return 0  # any text could be CSV: chosen by name only

    def read(self, stream: BinaryIO, source: Source, options: ReadOptions) -> Iterator[Entry | Skip]:
        csv.field_size_limit(MAX_BYTES)  # an article is longer than the default 128 KB cell
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
        header_line = text.readline()
        if not header_line.strip():
            raise InputError("no header row: the first line must name the fields (id,title,text,...)")
        if strip_compression(source.path.name).lower().endswith(".tsv"):
            delimiter = "\t"
        else:
            try:
                delimiter = csv.Sniffer().sniff(header_line, delimiters=",;\t|").delimiter
            except csv.Error:
                delimiter = ","
        header = next(csv.reader([header_line], delimiter=delimiter, strict=True))
        names = [h.strip() for h in header]
        if len(set(names)) != len(names):
            raise InputError(f"line 1: the header repeats a field name: {names}")
        if not has_text_field(names, options.fields):  # not an export of articles: one reason, not one a row
            raise InputError(f"line 1: no text column in the header ({', '.join(names)[:200]}); "
                             f"looked for {', '.join(FIELD_NAMES['text'][:4])}, ...; name it with --text-field")
        rows = csv.reader(text, delimiter=delimiter, strict=True)
        line = 1  # the header's
        while True:
            start = line + 1
            try:
                row = next(rows)
            except StopIteration:
                return
            except csv.Error as exc:
                line = rows.line_num + 1
                yield Skip(f"line {start}", f"malformed CSV: {exc}", detail="malformed CSV row")
                continue
            line = rows.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(names):
                yield Skip(f"line {start}", f"{len(row)} fields where the header has {len(names)}",
                           detail="wrong number of CSV fields")
                continue
            yield record_entry(dict(zip(names, row)), options.fields, f"line {start}")
