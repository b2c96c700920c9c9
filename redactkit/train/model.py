"""Entity recognizer weights on disk: what a trainer writes and the ``ner`` detector reads.

A weights directory holds ``ner/`` (spaCy's files of the ``ner`` component, without the vocabulary)
and ``meta.json``: the base pipeline and its vectors (checked at load time), the labels, the mapping
to redactkit labels, the calibration table (per label, the precision on held-out docs: what an
entity's score means) and the training record. Everything else — vocabulary, static vectors,
tokenizer — comes from the pinned base pipeline when the weights are loaded.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..detect.spacy_models import read_ner_weights, resolve_model_path

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["calibration_table", "save_weights", "trainable_pipeline"]

#: Calibration of a label seen fewer times than this on the dev docs falls back to the overall precision.
MIN_CALIBRATION_SUPPORT = 20


def trainable_pipeline(model: str = "en_core_web_md", ner_weights: str | Path | None = "builtin") -> Language:
    """A fresh (uncached) pipeline with only the ``ner`` component, ready to fine-tune.

    ``ner_weights`` starts from the shipped recognizer (``builtin``), from a directory written by a
    previous training, or (None) from the base pipeline's own recognizer.
    """
    import spacy

    path = resolve_model_path(model)
    config = spacy.util.load_config(Path(path) / "config.cfg")
    others = [name for name in config["nlp"]["pipeline"] if name != "ner"]
    nlp = spacy.load(path, exclude=others)
    if ner_weights is not None and str(ner_weights) != "none":
        weights = read_ner_weights(ner_weights)
        ner_config = {
            key: value for key, value in nlp.config["components"]["ner"].items() if key != "factory"
        }
        nlp.remove_pipe("ner")
        ner = nlp.add_pipe("ner", config=ner_config)
        ner.from_disk(weights.path / "ner", exclude=["vocab"])  # type: ignore[attr-defined]
    return nlp


def calibration_table(per_type: dict[str, dict[str, float]], support: dict[str, int]) -> dict[str, float]:
    """Label -> held-out precision, rounded; labels with little support get the median precision."""
    reliable = sorted(
        scores["p"] for label, scores in per_type.items() if support.get(label, 0) >= MIN_CALIBRATION_SUPPORT
    )
    fallback = reliable[len(reliable) // 2] if reliable else 0.8
    return {
        label: round(scores["p"] if support.get(label, 0) >= MIN_CALIBRATION_SUPPORT else fallback, 3)
        for label, scores in sorted(per_type.items())
    }


def _plain(value: Any) -> Any:
    """NumPy scalars (spaCy's scores and losses) as plain numbers."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def save_weights(nlp: Language, out: Path, meta: dict[str, Any]) -> Path:
    """Write ``nlp``'s ``ner`` component and ``meta.json`` to ``out``; return ``out``.

    Written next to ``out`` first and moved in place at the end: an interrupted run leaves no
    half-written weights directory behind.
    """
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    ner = nlp.get_pipe("ner")
    ner.to_disk(partial / "ner", exclude=["vocab"])  # type: ignore[attr-defined]
    vectors = nlp.vocab.vectors
    full_meta = {
        "format": 1,
        "redactkit_version": __version__,
        "base_model": meta.pop("base_model", "en_core_web_md"),
        "base_version": nlp.meta.get("version"),
        "vectors": {"name": vectors.name, "shape": list(vectors.shape)},
        "labels": list(ner.labels),  # type: ignore[attr-defined]
        **meta,
    }
    (partial / "meta.json").write_text(
        json.dumps(full_meta, indent=2, default=_plain) + "\n", encoding="utf-8"
    )
    for name in ("ner", "meta.json"):
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    out.mkdir(parents=True, exist_ok=True)
    for item in partial.iterdir():
        item.rename(out / item.name)
    partial.rmdir()
    return out
