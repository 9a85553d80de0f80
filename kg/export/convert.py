"""Convert a built graph (its Turtle) to any registered output format, without re-running NLP.

The formats are whatever :data:`kg.model.WRITERS` holds when this runs (``ttl``,
``nt``, ``jsonld``, ``gexf``, ``graphml``, and any format another module
registers), never a list kept here.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import ExportError, KGError
from ..io import atomic_path
from ..model import WRITERS

__all__ = ["formats", "format_for", "export_graph"]


def formats() -> dict[str, str]:
    """Registered format name -> file suffix."""
    from .. import export  # noqa: F401  (importing the package registers every exporter)

    return {name: suffix for name, (suffix, _writer) in WRITERS.items()}


def format_for(out: str | Path, fmt: str | None = None) -> str:
    """The format to write: ``fmt`` if given, else the one whose suffix ``out`` has.

    >>> format_for("g.gexf")
    'gexf'
    >>> format_for("g.txt")  # doctest: +IGNORE_EXCEPTION_DETAIL
    Traceback (most recent call last):
    kg.errors.ExportError: Cannot tell the format of g.txt ...
    """
    known = formats()
    listing = ", ".join(f"{name} ({suffix})" for name, suffix in sorted(known.items()))
    if fmt is not None:
        if fmt not in known:
            raise ExportError(f"Unknown format {fmt!r}; available: {listing}.")
        return fmt
    suffix = Path(out).suffix.lower()
    matches = [name for name, suf in known.items() if suf.lower() == suffix]
    if not matches:
        raise ExportError(f"Cannot tell the format of {out} from its suffix; give --format, one of: {listing}.")
    return matches[0]


def export_graph(graph_path: str | Path, out: str | Path, fmt: str | None = None) -> Path:
    """Read the built graph at ``graph_path`` (graph.ttl or its folder) and write ``out`` in ``fmt``.

    The file is written to a temporary name beside ``out`` and renamed when complete.
    """
    from .rdf import load_graph

    name = format_for(out, fmt)
    graph = load_graph(graph_path)
    _suffix, writer = WRITERS[name]
    target = Path(out)
    try:
        with atomic_path(target) as tmp:
            writer(graph, tmp)
    except KGError:
        raise
    except (OSError, ValueError, TypeError) as exc:
        raise ExportError(f"Cannot write {target} as {name}: {exc}") from exc
    return target
