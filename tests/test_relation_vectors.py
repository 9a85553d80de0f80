"""The relation model's pretrained word vectors (kg.relations.vectors): off by default, aligned with
spaCy's tokens, deterministic, and saved and loaded with the network that reads them."""

from __future__ import annotations


import numpy
import pytest
from thinc.api import Adam, Config

from kg.relations.model import DEFAULT_MODEL_CONFIG
from tests.test_relation_model import _acme_example, blank, make_pipe  # noqa: F401 (the fixtures: a blank pipeline, an untrained pipe)

pytest.importorskip("wordllama", reason="the vectors extra (pip install -e .[vectors]) is not installed")

from kg.relations import vectors  # noqa: E402

TEXT = "Zorvex Ltd sued Kelmora Inc.  on Tuesday over its Brakko filing."
VECTOR_MODEL = DEFAULT_MODEL_CONFIG + 'vector_parts = "subject object between trigger"\nvector_head = "{head}"\n'


def test_vectors_token_vectors_align_with_spacy_tokens_and_repeat(blank):
    doc = blank.make_doc(TEXT)
    vecs = vectors.token_vectors(doc)
    assert vecs.shape == (len(doc), vectors.WIDTH) and vecs.dtype == numpy.float32
    assert numpy.array_equal(vecs, vectors.token_vectors(blank.make_doc(TEXT)))  # deterministic
    table, tokenizer = vectors._table()
    enc = tokenizer.encode(TEXT, add_special_tokens=False)
    for tok in doc:
        if tok.is_space:  # the second space: no subword of its own
            assert not vecs[tok.i].any()
            continue
        # the subwords whose characters (leading space left out) fall in the token
        subs = [i for i, (a, b) in zip(enc.ids, enc.offsets)
                if tok.idx <= a + (TEXT[a] == " ") < tok.idx + len(tok.text)]
        assert subs, tok.text
        assert numpy.allclose(vecs[tok.i], table[subs].mean(axis=0), atol=1e-6), tok.text


def test_vectors_pair_vectors_are_unit_means_and_zero_where_nothing_is(blank):
    doc = blank.make_doc(TEXT)
    vecs = vectors.token_vectors(doc)
    s, o = {"start": 0, "end": 2}, {"start": 3, "end": 5}
    out = vectors.pair_vectors(vecs, s, o, 2, vectors.PARTS)
    blocks = out.reshape(len(vectors.PARTS), vectors.WIDTH)
    assert numpy.allclose(numpy.linalg.norm(blocks, axis=1), 1.0, atol=1e-5)
    assert numpy.allclose(blocks[2], blocks[3])  # between = "sued" = the linking word
    mean = vecs[0:2].mean(axis=0)
    assert numpy.allclose(blocks[0], mean / numpy.linalg.norm(mean), atol=1e-6)
    adjacent = vectors.pair_vectors(vecs, {"start": 0, "end": 2}, {"start": 2, "end": 3}, -1, ("between", "trigger"))
    assert not adjacent.any()


def test_vectors_off_by_default(make_pipe, blank):
    pipe = make_pipe()
    assert "vector_parts" not in pipe.model.attrs and "vlinear" not in pipe.model.attrs["parts"]
    pipe.initialize(lambda: [_acme_example(blank)])
    assert "vector_parts" not in pipe.cfg
    batch, index = pipe.featurize([_acme_example(blank).predicted])
    assert batch.vectors.shape == (len(index), 0)


@pytest.mark.parametrize("head", ["linear", "deep"])
def test_vectors_model_learns_and_round_trips_to_disk(make_pipe, blank, tmp_path, head):
    config = Config().from_str(VECTOR_MODEL.format(head=head))
    pipe = make_pipe(model=config["model"])
    pipe.network_config = config.to_str()
    egs = [_acme_example(blank)]
    pipe.initialize(lambda: egs)
    assert pipe.cfg["vector_parts"] == "subject object between trigger"
    batch, index = pipe.featurize(eg.predicted for eg in egs)
    assert batch.vectors.shape == (len(index), 4 * vectors.WIDTH) and batch.vectors.any()
    sgd = Adam(0.05)
    losses = [pipe.update(egs, sgd=sgd, losses={})[pipe.name] for _ in range(10)]
    assert losses[-1] < losses[0]
    pipe.to_disk(tmp_path / "m")
    copy = make_pipe().from_disk(tmp_path / "m")  # the default network, replaced by the saved one
    assert copy.cfg == pipe.cfg
    p1, i1 = pipe.predict([eg.predicted for eg in egs])
    p2, i2 = copy.predict([eg.predicted for eg in egs])
    assert i1 == i2 and numpy.array_equal(p1, p2)
