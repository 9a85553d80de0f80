"""Features of a candidate pair, for the trained relation model.

Sparse features are strings hashed to 64-bit ids (what a linear model or a
hash embedding reads): the two classes and how the mentions were found, their
order and distance, the words between and around them, the dependency path
between their heads (with and without the words on it), what governs each
mention, and the ontology's trigger words (``kg:trigger``, ``kg:roleTrigger``,
...) on the path or between, so a relation taught with a few trigger words in
``kg.ttl`` has a feature from the start. Dense features are the pipeline's
token vectors (``doc.tensor``) averaged over each mention and the path.

>>> import spacy
>>> from kg.ontology import load_ontology
>>> nlp = spacy.blank("en")
>>> doc = nlp("Acme invested in Vela.")
>>> parse = [(1, "nsubj", "acme"), (1, "ROOT", "invest"), (1, "prep", "in"), (2, "pobj", "vela"), (1, "punct", ".")]
>>> for t, (head, dep, lemma) in zip(doc, parse):
...     t.head, t.dep_, t.lemma_ = doc[head], dep, lemma
>>> items = [{"start": 0, "end": 1, "name": "Acme", "cls": "Company", "via": ""},
...          {"start": 3, "end": 4, "name": "Vela", "cls": "Company", "via": ""}]
>>> feats = PairFeaturizer(load_ontology())
>>> names = feats.names(DocContext(doc, items), items[0], items[1])
>>> "path:nsubj<invest>prep>pobj" in names, "trig:investsIn:event" in names
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LOWER, POS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..ontology import Ontology

__all__ = ["FEATURES", "DocContext", "PairFeaturizer", "distance_bucket"]

#: The feature set a model trained today reads. 1: every feature below but the conjunctions; 2: also
#: the words between, the dependency path and the roles joined with the two classes' families, so a
#: linear model can tell "Ana Ruiz of Acme" (worksFor) from "Ana Ruiz of Leeds" (livesIn).
FEATURES = 2

_BUCKETS = (0, 1, 2, 3, 4, 6, 9, 13, 21, 41)
#: (string hash, lower-cased) -> text, shared by all Docs (a vocabulary's strings do not change meaning)
_STRINGS: dict[tuple[int, bool], str] = {}
#: feature string -> its 64-bit id
_IDS: dict[str, int] = {}
#: Coarse families of classes, so that features also hold across a wrong fine class.
_VERBS = frozenset({"VERB", "AUX"})
_FAMILY = {"Company": "org", "Organization": "org", "GovernmentBody": "org", "Person": "per", "Country": "loc",
           "Place": "loc", "Product": "prod"}


def distance_bucket(n: int) -> int:
    """A coarse distance: 0, 1, 2, 3, 4, 6, 9, 13, 21 or 41 (the largest bucket start <= n)."""
    out = 0
    for b in _BUCKETS:
        if n >= b:
            out = b
    return out


class DocContext:
    """A Doc's token attributes as plain lists, read once for all its pairs."""

    __slots__ = ("doc", "lemma", "pos", "dep", "head", "n", "_roots")

    def __init__(self, doc: Doc, items: Sequence[dict[str, Any]] = ()) -> None:
        self.doc = doc
        self.n = len(doc)
        # the Doc's arrays, one string lookup per distinct value (no Token object per token)
        arr = doc.to_array([LEMMA, LOWER, POS, DEP, HEAD]) if self.n else numpy.zeros((0, 5), dtype="uint64")
        strings = doc.vocab.strings
        text = _STRINGS

        def lookup(h: int, lower: bool = False) -> str:
            value = text.get((h, lower))
            if value is None:
                if len(text) > 500_000:
                    text.clear()
                value = text[(h, lower)] = strings[h].lower() if lower else strings[h]
            return value

        #: lower-case lemmas; the words of a named entity read as its class ("@Company"), so that
        #: features say "between two companies", not which ones
        self.lemma = [lookup(lemma, True) if lemma else lookup(low, True) for lemma, low in arr[:, :2].tolist()]
        for it in items:
            if it.get("via") != "coref":
                for i in range(it["start"], it["end"]):
                    self.lemma[i] = "@" + it["cls"]
        self.pos = [lookup(h) for h in arr[:, 2].tolist()]
        self.dep = [lookup(h) for h in arr[:, 3].tolist()]
        self.head = (numpy.arange(self.n, dtype="int64") + arr[:, 4].astype("int64")).tolist()
        self._roots: dict[tuple[int, int], int] = {}

    def root(self, start: int, end: int) -> int:
        """The token of ``[start, end)`` whose head lies outside it (the last one)."""
        key = (start, end)
        if key not in self._roots:
            root = end - 1
            for i in range(start, end):
                if not (start <= self.head[i] < end) or self.head[i] == i:
                    root = i
            self._roots[key] = root
        return self._roots[key]

    def ancestors(self, i: int) -> list[int]:
        """``i`` and its heads up to the sentence root."""
        out = [i]
        for _ in range(64):
            h = self.head[out[-1]]
            if h == out[-1]:
                break
            out.append(h)
        return out

    def path(self, a: int, b: int) -> tuple[list[int], int, list[int]]:
        """Tokens from ``a`` up to the lowest common head, that head, and from it down to ``b``."""
        up_a = self.ancestors(a)
        up_b = self.ancestors(b)
        seen = {t: k for k, t in enumerate(up_b)}
        for k, t in enumerate(up_a):
            if t in seen:
                return up_a[:k], t, list(reversed(up_b[:seen[t]]))
        return up_a, -1, list(reversed(up_b))


class PairFeaturizer:
    """Sparse and dense features of candidate pairs; trigger words come from the ontology."""

    def __init__(self, onto: Ontology, *, max_between: int = 12) -> None:
        self.max_between = max_between
        self.triggers: dict[str, list[str]] = {}
        for rel in onto.relations.values():
            for kind, trigs in (("event", rel.triggers), ("role", rel.role_triggers),
                                ("irole", rel.inverse_role_triggers), ("inverse", rel.inverse_triggers)):
                for words in trigs:
                    key = f"{rel.name}:{kind}"
                    for w in words:
                        if key not in self.triggers.setdefault(w, []):
                            self.triggers[w].append(key)

    def names(self, ctx: DocContext, s: dict[str, Any], o: dict[str, Any], *, classes: bool = True,
              version: int = FEATURES) -> list[str]:
        """The sparse features of the pair (subject ``s``, object ``o``) as strings.

        ``classes`` false leaves out every feature that names the mentions' classes (for training
        copies that teach the model to read the words when the NER got a class wrong); ``version``:
        the feature set (:data:`FEATURES`) of the model that reads them.
        """
        lem, dep, pos, head = ctx.lemma, ctx.dep, ctx.pos, ctx.head
        if not classes:
            lem = [("@ENT" if w[:1] == "@" else w) for w in lem]
        order = "SO" if s["start"] < o["start"] else "OS"
        left, right = (s, o) if order == "SO" else (o, s)
        s_cls, o_cls = s["cls"], o["cls"]
        feats = [f"order:{order}", f"via:{s.get('via', '')}>{o.get('via', '')}"]
        if classes:
            feats += [f"cls:{s_cls}>{o_cls}", f"cs:{s_cls}", f"co:{o_cls}", f"cls_order:{s_cls}>{o_cls}:{order}"]
        gap = right["start"] - left["end"]
        feats.append(f"dist:{order}:{distance_bucket(gap)}")
        half = self.max_between // 2
        between = range(left["end"], right["start"])
        picked = between if gap <= self.max_between else [*between[:half], *between[-half:]]
        words = []
        prev = ""
        for i in picked:  # a run of one entity's words reads as one "@Class"
            w = lem[i]
            if not words or w != prev or w[0] != "@":
                words.append(w)
            prev = w
        if gap <= self.max_between:
            feats.append(f"btw:{order}:" + " ".join(words))
        bw = f"bw:{order}:"
        feats += [bw + w for w in words]
        if words:
            feats += [f"bw1:{order}:{words[0]}", f"bwn:{order}:{words[-1]}"]
        else:
            feats.append(f"bw0:{order}")
        rs, ro = ctx.root(s["start"], s["end"]), ctx.root(o["start"], o["end"])
        up, lca, down = ctx.path(rs, ro)
        # how many clauses apart the two are (verbs on the path below the word that links them): the
        # words around one mention say little about a mention in another clause
        if lca >= 0:
            crossed = 0
            for i in up[1:] + down[:-1]:
                if i != lca and pos[i] in _VERBS:
                    crossed += 1
        else:
            crossed = 3
        vc = f"v{min(crossed, 2)}"
        n = ctx.n
        b1, b2, a1, a2 = left["start"] - 1, left["start"] - 2, right["end"], right["end"] + 1
        h_s, h_o = head[rs], head[ro]
        feats += [f"clauses:{vc}",
                  f"b1:{order}:{lem[b1] if 0 <= b1 < n else '<s>'}:{vc}",
                  f"b2:{order}:{lem[b2] if 0 <= b2 < n else '<s>'}:{vc}",
                  f"a1:{order}:{lem[a1] if 0 <= a1 < n else '<s>'}:{vc}",
                  f"a2:{order}:{lem[a2] if 0 <= a2 < n else '<s>'}:{vc}",
                  f"hs:{dep[rs]}:{lem[h_s]}:{vc}", f"hsd:{dep[rs]}",
                  f"ho:{dep[ro]}:{lem[h_o]}:{vc}", f"hod:{dep[ro]}"]
        fam = f"{_FAMILY.get(s_cls, 'x')}>{_FAMILY.get(o_cls, 'x')}" if classes else ""
        if classes:
            feats.append(f"fam:{fam}")
        joined = classes and version >= 2
        if joined and gap <= self.max_between:
            feats.append(f"btwf:{order}:{fam}:" + " ".join(words))
        if lca < 0:
            feats.append("path:none")
            return feats
        steps_up = "<".join([dep[i] for i in up])
        steps_down = ">".join([dep[i] for i in down])
        mid = lem[lca] if lca != rs and lca != ro else "*"
        shape = f"{steps_up}<>{steps_down}"
        feats += [f"path:{steps_up}<{mid}>{steps_down}", f"pathdep:{shape}",
                  f"pathlen:{min(len(up) + len(down), 8)}"]
        if joined:
            feats += [f"pathf:{fam}:{steps_up}<{mid}>{steps_down}", f"pathdepf:{fam}:{shape}"]
        inner = [i for i in up[1:] + [lca] + down[:-1] if i != rs and i != ro]
        for i in inner:
            w = lem[i]
            feats += [f"pw:{w}", f"pwd:{dep[i]}:{w}"]
        feats.append(f"lca:{mid}:{pos[lca]}")
        # the grammatical role of each mention under the word that links them ("nsubj", "prep_with")
        s_role = self._role(ctx, up[-1]) if up and mid != "*" else "self" if lca == rs else "-"
        o_role = self._role(ctx, down[0]) if down and mid != "*" else "self" if lca == ro else "-"
        feats.append(f"roles:{s_role}:{o_role}")
        if joined:
            feats += [f"rolesf:{fam}:{s_role}:{mid}:{o_role}"]
        triggers = self.triggers
        lca_trigs = triggers.get(lem[lca], ()) if mid != "*" else ()
        feats.append(f"pathT:{steps_up}<{'|'.join(lca_trigs) or pos[lca]}>{steps_down}")
        for trig in lca_trigs:  # the linking word is a trigger: with the roles, the relation's frame
            feats += [f"lt:{trig}", f"lt:{trig}:{s_role}:{o_role}", f"lt:{trig}:{order}"]
            if classes:
                feats.append(f"lt:{trig}:{fam}")
        for i in inner:
            for trig in triggers.get(lem[i], ()):
                feats += [f"trig:{trig}", f"pt:{trig}:{shape}"]
                if classes:
                    feats.append(f"pt:{trig}:{fam}")
        return feats

    @staticmethod
    def _role(ctx: DocContext, i: int) -> str:
        """A token's relation to its head, with the preposition when it is one ("prep_with")."""
        d = ctx.dep[i]
        if d in {"prep", "agent", "dative"} or (d == "pcomp" and ctx.pos[i] == "ADP"):
            return f"{d}_{ctx.lemma[i]}"
        return d

    def hashed(self, ctx: DocContext, s: dict[str, Any], o: dict[str, Any], rules: tuple[str, ...] = (),
               reverse: tuple[str, ...] = (), *, classes: bool = True, version: int = FEATURES) -> list[int]:
        """The sparse features as 64-bit ids; ``rules`` and ``reverse`` are the rules' readings of the
        pair and of the pair the other way round (``"investsIn:fact"``), features too."""
        names = self.names(ctx, s, o, classes=classes, version=version)
        names += [f"rule:{r}" for r in rules] or ["rule:none"]
        names += [f"rrule:{r}" for r in reverse]
        ids = _IDS
        unique = dict.fromkeys(names)
        try:
            return list(map(ids.__getitem__, unique))
        except KeyError:
            if len(ids) > 1_000_000:
                ids.clear()
            for f in unique:
                if f not in ids:
                    ids[f] = get_string_id(f)
            return [ids[f] for f in unique]

    @staticmethod
    def dense(doc: Doc, ctx: DocContext, s: dict[str, Any], o: dict[str, Any], width: int) -> numpy.ndarray:
        """Mean token vector of the subject, the object and the tokens between them (``3 * width``)."""
        out = numpy.zeros((3 * width,), dtype="float32")
        tensor = doc.tensor
        if tensor is None or not hasattr(tensor, "shape") or len(tensor.shape) != 2 or tensor.shape[0] != len(doc) \
                or tensor.shape[1] < width:
            return out
        out[:width] = tensor[s["start"]:s["end"], :width].mean(axis=0)
        out[width:2 * width] = tensor[o["start"]:o["end"], :width].mean(axis=0)
        lo, hi = min(s["end"], o["end"]), max(s["start"], o["start"])
        if hi > lo:
            out[2 * width:] = tensor[lo:hi, :width].mean(axis=0)
        return out
