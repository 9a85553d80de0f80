"""Matrix products in numpy's BLAS on one thread (kg/matrix.py): same annotations, limit held while multiplying."""

from __future__ import annotations

import numpy
import pytest
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController, threadpool_limits

from kg.errors import ModelError
from kg.matrix import OneThreadNumpyOps, use_numpy_blas
from kg.pipeline import load_pipeline

TEXT = ("Harlow Media, the Leeds-based publisher, signed a licensing deal with Veltro Radio on Monday, its "
        "chief executive Mira Holt said.\nVeltro, which Quillon Capital owns, will pay Harlow $4 million "
        "a year and expand to Portugal and Spain.")


def _annotations(nlp, text):
    doc = nlp(text)
    return [(t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.ent_iob_, t.ent_type_) for t in doc]


def _ops_of(nlp, name):
    return {type(node.ops) for node in nlp.get_pipe(name).model.walk()}


def test_the_pipeline_multiplies_in_numpy_and_reads_as_with_blis(nlp):
    assert _ops_of(nlp, "tok2vec") == {OneThreadNumpyOps}
    assert _ops_of(nlp, "ner") == {OneThreadNumpyOps}
    blis = load_pipeline(relation_model=False, overrides={"kg.matrix_library": "blis"})
    assert _ops_of(blis, "ner") == {NumpyOps} and all(
        node.ops.use_blis for node in blis.get_pipe("ner").model.walk())
    assert _annotations(nlp, TEXT) == _annotations(blis, TEXT)
    assert [(r.subject_name, r.predicate, r.object_name) for r in nlp(TEXT)._.relations] \
        and {(r.subject_name, r.predicate, r.object_name) for r in blis(TEXT)._.relations} \
        <= {(r.subject_name, r.predicate, r.object_name) for r in nlp(TEXT)._.relations}


def test_an_unknown_matrix_library_names_the_choices():
    with pytest.raises(ModelError, match="matrix_library.*numpy.*blis"):
        load_pipeline(relation_model=False, overrides={"kg.matrix_library": "mkl"})


def test_products_match_thincs_and_run_on_one_thread(monkeypatch):
    rng = numpy.random.default_rng(3)
    x = rng.standard_normal((40, 96)).astype("float32")
    w = rng.standard_normal((288, 96)).astype("float32")
    ops = OneThreadNumpyOps()
    assert not ops.use_blis
    expected = NumpyOps().gemm(x, w, trans2=True)
    numpy.testing.assert_allclose(ops.gemm(x, w, trans2=True), expected, rtol=1e-4, atol=1e-4)
    out = numpy.zeros((96, 96), dtype="float32")
    assert ops.gemm(x, x, out=out, trans1=True) is out
    numpy.testing.assert_allclose(out, x.T @ x, rtol=1e-4, atol=1e-4)

    def numpys_blas_threads() -> set[int]:  # (numpy's own BLAS: scipy, say, may bring another)
        return {i["num_threads"] for i in ThreadpoolController().info()
                if i["user_api"] == "blas" and "numpy" in i["filepath"]}

    seen = []
    original = NumpyOps.gemm

    def spy(self, *args, **kwargs):
        seen.append(numpys_blas_threads())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(NumpyOps, "gemm", spy)
    with threadpool_limits(limits=2, user_api="blas"):
        ops.gemm(x, w, trans2=True)
        after = numpys_blas_threads()
    assert seen == [{1}]
    assert after == {2}, "the limit is lifted after the product"


def test_layers_on_other_ops_are_left_alone():
    import spacy

    class OtherOps(NumpyOps):
        name = "other"

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    nlp.initialize()
    for node in nlp.get_pipe("tok2vec").model.walk():
        node.ops = OtherOps()
    assert use_numpy_blas(nlp) == 0
    assert _ops_of(nlp, "tok2vec") == {OtherOps}
