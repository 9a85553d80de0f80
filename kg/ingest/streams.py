"""Open a file as a stream of its (decompressed) bytes, and peek at its start.

Compression is recognised by its signature, not by the name: gzip, bzip2,
xz and Zstandard (``zstandard``'s stream reader) are decompressed as they
are read, so a 10 GB dump never sits in memory. A truncated or damaged
compressed file raises one of :data:`STREAM_ERRORS` when the reader reaches
the damage; everything before it has been read.

>>> import io
>>> stream = Rewound(b"WARC/1.1", io.BytesIO(b"\\r\\nrest"))
>>> stream.read()
b'WARC/1.1\\r\\nrest'
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import zlib
from pathlib import Path
from typing import BinaryIO

__all__ = ["COMPRESSED_SUFFIXES", "STREAM_ERRORS", "Rewound", "compression_of", "open_stream", "strip_compression"]

#: Signature -> compression name.
_SIGNATURES = (
    (b"\x1f\x8b", "gzip"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
)
#: Suffixes of compressed files, stripped to find the format inside (``dump.jsonl.gz`` -> ``dump.jsonl``).
COMPRESSED_SUFFIXES = (".gz", ".bz2", ".xz", ".zst")


def _stream_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [EOFError, zlib.error, lzma.LZMAError, OSError]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:  # pragma: no cover - a declared dependency
        pass
    return tuple(errors)


#: What reading a damaged or truncated compressed stream raises (gzip's ``BadGzipFile`` is an OSError).
STREAM_ERRORS = _stream_errors()


def compression_of(head: bytes) -> str:
    """``"gzip"``, ``"bzip2"``, ``"xz"``, ``"zstd"`` or ``""`` from a file's first bytes."""
    for signature, name in _SIGNATURES:
        if head.startswith(signature):
            return name
    return ""


def strip_compression(name: str) -> str:
    """The file name without a compression suffix (``news.jsonl.gz`` -> ``news.jsonl``)."""
    low = name.lower()
    for suffix in COMPRESSED_SUFFIXES:
        if low.endswith(suffix):
            return name[: -len(suffix)]
    return name


class Rewound(io.RawIOBase):
    """A stream that first gives back bytes already read from it (for sniffing), then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO, file: BinaryIO | None = None, compression: str = "") -> None:
        self._head = memoryview(head)
        self._rest = rest
        self.file = file  #: the file itself (compressed), for readers that decompress on their own
        self.compression = compression

    def readable(self) -> bool:
        return True

    #: An error met while the head was read, raised when the reader gets there.
    damage: BaseException | None = None

    def readinto(self, buffer) -> int:  # type: ignore[override]
        if self._head:
            n = min(len(buffer), len(self._head))
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        if self.damage is not None:
            raise self.damage
        data = self._rest.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        return n

    def close(self) -> None:
        self._rest.close()
        if self.file is not None and self.file is not self._rest:
            self.file.close()
        super().close()


def open_stream(path: Path, head_size: int = 65536) -> tuple[BinaryIO, bytes, str]:
    """``(stream, head, compression)``: the decompressed bytes of ``path`` as a buffered stream,
    its first ``head_size`` decompressed bytes (still to be read from the stream), and the
    compression found ("" for none). Raises OSError when the file cannot be opened, and one of
    :data:`STREAM_ERRORS` when even the start of a compressed file is damaged."""
    raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, closed with the stream
    try:
        kind = compression_of(raw.read(8))
        raw.seek(0)
        inner: BinaryIO
        if kind == "gzip":
            inner = gzip.GzipFile(fileobj=raw)  # multi-member files (WARC) read as one stream
        elif kind == "bzip2":
            inner = bz2.BZ2File(raw)
        elif kind == "xz":
            inner = lzma.LZMAFile(raw)
        elif kind == "zstd":
            import zstandard

            inner = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)
        else:
            inner = raw
    except BaseException:
        raw.close()
        raise
    head, damage = b"", None
    try:
        while len(head) < head_size:
            chunk = inner.read(min(4096, head_size - len(head)))  # small reads: damage loses little
            if not chunk:
                break
            head += chunk
    except STREAM_ERRORS as exc:  # a short file, damaged early: what came before is still read
        if not head:
            inner.close()
            raw.close()
            raise
        damage = exc
    wrapper = Rewound(head, inner, raw, kind)
    wrapper.damage = damage
    return io.BufferedReader(wrapper, buffer_size=1 << 16), head, kind
