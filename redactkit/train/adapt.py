"""Fine-tune the ``ner`` detector's recognizer on a user's labeled transcripts (``redactkit train``).

The labeled rows (any format :func:`redactkit.bench.formats.read_labeled` reads) go through the
pipeline's normalizers, as they will at redaction time, and their spans are carried onto the
normalized tokens. Their labels become model labels (:data:`~redactkit.train.data.GOLD_TO_MODEL`:
LOCATION -> GPE, ORGANIZATION -> ORG, ...; a label redactkit does not know is learnt as a new entity
type under its own name). User data is taken as exhaustively labeled for its labels: a word outside
every span is "not an entity". For the labels the user did *not* annotate, the starting recognizer's
own predictions on the same texts are kept as silver labels (rehearsal), so the model does not forget
them. DATE_TIME spans are marked "missing" (the recognizer has DATE and TIME instead).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .data import GOLD_TO_MODEL, MODEL_TO_REDACTKIT, _Labels, _to_doc
from .model import calibration_table, save_weights, trainable_pipeline
from .trainer import Progress, TrainSettings, evaluate, fine_tune

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ..bench.formats import LabeledExample
    from ..pipeline import Pipeline

__all__ = ["AdaptResult", "adapt", "examples_to_docs", "split_dev"]


def model_label(label: str) -> str | None:
    """The recognizer's label for a redactkit label (None: marked missing, not learnt)."""
    return GOLD_TO_MODEL.get(label, label)


def split_dev(
    examples: Sequence[LabeledExample], share: float
) -> tuple[list[LabeledExample], list[LabeledExample]]:
    """Train/dev split by a hash of the row id: stable across runs, independent of the seed."""
    train: list[LabeledExample] = []
    dev: list[LabeledExample] = []
    for example in examples:
        bucket = int(hashlib.sha1(example.id.encode("utf-8")).hexdigest()[:8], 16) % 10_000
        (dev if bucket < share * 10_000 else train).append(example)
    return train, dev


def examples_to_docs(
    examples: Sequence[LabeledExample],
    pipeline: Pipeline,
    nlp: Language,
    silver_from: Language | None = None,
) -> list[Doc]:
    """Docs of the normalized texts with the gold spans (and, with ``silver_from``, the starting
    recognizer's entities of the labels that no gold span in ``examples`` uses, where no gold is)."""
    aligned = pipeline.normalize_batch([example.text for example in examples])
    gold_labels = {model_label(span.label) for example in examples for span in example.spans}
    if "GPE" in gold_labels:  # LOCATION annotated: the recognizer's LOC and FAC are locations too
        gold_labels |= {"LOC", "FAC"}
    silver: list[list[tuple[int, int, str]]] = [[] for _ in examples]
    if silver_from is not None:
        docs = silver_from.pipe([item.text for item in aligned], batch_size=256)
        for index, (item, doc) in enumerate(zip(aligned, docs, strict=True)):
            for ent in doc.ents:
                if ent.label_ in gold_labels:
                    continue
                silver[index].append((*item.to_original(ent.start_char, ent.end_char), ent.label_))
    result: list[Doc] = []
    for example, item, extra in zip(examples, aligned, silver, strict=True):
        labels = _Labels()
        taken: list[tuple[int, int]] = []
        for span in example.spans:
            target = model_label(span.label)
            if target is None:
                labels.missing.append((span.start, span.end))
            else:
                labels.entities.append((span.start, span.end, target))
            taken.append((span.start, span.end))
        for start, end, label in extra:
            if not any(start < e and s < end for s, e in taken):
                labels.entities.append((start, end, label))
                taken.append((start, end))
        labels.entities.sort()
        doc, _ = _to_doc(nlp, item.text, labels, item)
        result.append(doc)
    return result


@dataclass
class AdaptResult:
    """What :func:`adapt` trained and measured."""

    output: Path
    labels: dict[str, str]
    before: dict[str, Any]
    after: dict[str, Any]
    record: dict[str, Any]
    train_rows: int
    dev_rows: int


def adapt(
    train_examples: Sequence[LabeledExample],
    dev_examples: Sequence[LabeledExample],
    output: Path,
    *,
    pipeline: Pipeline,
    model: str = "en_core_web_md",
    base: str | Path | None = "builtin",
    settings: TrainSettings | None = None,
    progress: Callable[[Progress], None] | None = None,
) -> AdaptResult:
    """Fine-tune from ``base`` on ``train_examples``, pick the weights on ``dev_examples``, save them."""
    nlp = trainable_pipeline(model, base)
    reference = trainable_pipeline(model, base)  # the starting recognizer, for silver labels
    train = examples_to_docs(train_examples, pipeline, nlp, silver_from=reference)
    dev = examples_to_docs(dev_examples, pipeline, nlp)
    before = evaluate(nlp, dev) if dev else {}
    record = fine_tune(nlp, train, dev, (), settings, progress)
    after = evaluate(nlp, dev) if dev else {}
    support: dict[str, int] = {}
    for doc in dev:
        for ent in doc.ents:
            support[ent.label_] = support.get(ent.label_, 0) + 1
    learnt = sorted({ent.label_ for doc in train for ent in doc.ents})
    labels = {label: MODEL_TO_REDACTKIT.get(label, label) for label in learnt if label in MODEL_TO_REDACTKIT}
    user_labels = {model_label(span.label) for example in train_examples for span in example.spans}
    for example in train_examples:
        for span in example.spans:
            target = model_label(span.label)
            if target is not None and target not in labels:
                labels[target] = span.label
    meta = {
        "name": output.name,
        "base_model": model,
        "base_weights": str(base) if base is not None else "none",
        "label_map": labels,
        "user_labels": sorted(label for label in user_labels if label is not None),
        "calibration": calibration_table(after.get("ents_per_type", {}), support) if dev else {},
        "training": {**record, "history": record["history"][-3:]},
        "held_out": {"before": before, "after": after, "rows": len(dev_examples)},
    }
    save_weights(nlp, output, meta)
    return AdaptResult(output, labels, before, after, record, len(train_examples), len(dev_examples))
