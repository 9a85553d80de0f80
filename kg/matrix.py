"""How the trained pipeline multiplies matrices: numpy's BLAS on one thread, or thinc's BLIS.

spaCy's CPU layers (the token-to-vector encoders of the tagger, parser and
NER) spend most of their time in matrix products, which thinc's ``NumpyOps``
hands to BLIS. On CPUs BLIS has no kernel for (it runs its ``generic`` one,
as on the AMD EPYC machines this project is built and tested on), numpy's own
BLAS (OpenBLAS in numpy's wheels) does the same products faster: the
trained English pipeline reads the 3,462 annotated news documents of ``data/``
in 29.8 s instead of 40.1 s, with the same tags, parses, lemmas and entities on
every one of them (``benchmarks/check_speedups.py``; the products differ in the
last bits of a float, which can in principle tip a close decision).

:func:`use_numpy_blas` gives every layer of a pipeline :class:`OneThreadNumpyOps`:
numpy's BLAS, held to one thread while it multiplies (OpenBLAS would otherwise
spin a thread per core for these small products: twice the CPU time for a few
per cent of wall time, and no room for ``--jobs``). ``[kg] matrix_library`` in
the pipeline config chooses: ``"numpy"`` (the default) or ``"blis"`` (thinc's
own). Layers on another device (a GPU) are left alone.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("tok2vec")
>>> nlp.initialize()  # doctest: +ELLIPSIS
<...>
>>> use_numpy_blas(nlp) > 0
True
>>> type(nlp.get_pipe("tok2vec").model.ops).__name__
'OneThreadNumpyOps'
"""

from __future__ import annotations

import threading

from spacy.language import Language
from thinc.api import NumpyOps

__all__ = ["OneThreadNumpyOps", "use_numpy_blas"]

_CONTROLLER: list = []
_LOCK = threading.Lock()


def _controller():
    """threadpoolctl's view of the BLAS libraries loaded in this process, made once."""
    if not _CONTROLLER:
        with _LOCK:
            if not _CONTROLLER:
                from threadpoolctl import ThreadpoolController

                _CONTROLLER.append(ThreadpoolController())
    return _CONTROLLER[0]


class OneThreadNumpyOps(NumpyOps):
    """thinc's ``NumpyOps`` with matrix products in numpy (not BLIS), on one BLAS thread.

    The thread limit holds only while a product runs: the rest of the process keeps
    its own BLAS settings.
    """

    name = "numpy"

    def __init__(self, **kwargs) -> None:
        kwargs["use_blis"] = False
        super().__init__(**kwargs)

    def gemm(self, x, y, out=None, trans1=False, trans2=False):
        with _controller().limit(limits=1, user_api="blas"):
            return super().gemm(x, y, out=out, trans1=trans1, trans2=trans2)


def use_numpy_blas(nlp: Language) -> int:
    """Give every layer of ``nlp``'s components that runs on thinc's ``NumpyOps`` a shared
    :class:`OneThreadNumpyOps`; returns how many layers now use it."""
    ops = OneThreadNumpyOps()
    changed = 0
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
                changed += 1
    return changed
