"""Fine-tune the entity recognizer of a spaCy pipeline on ASR-style docs, with rehearsal.

Only the ``ner`` component changes (en_core_web_md's recognizer has its own embedding layer, with the
pipeline's static vectors as one of its inputs); the vectors and every other component stay as they
are, so the result ships as one small component directory (:mod:`redactkit.train.model`).

Deterministic: one seed fixes Python's, NumPy's and thinc's generators, the order of the examples and
the dropout masks; thinc runs single-threaded on CPU. The same data, seed and settings give the same
weights.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc
    from spacy.training import Example

__all__ = ["Progress", "TrainSettings", "drop_labels", "evaluate", "fine_tune"]


@dataclass(frozen=True)
class TrainSettings:
    """How long and how to train; the defaults reproduce the shipped model."""

    seed: int = 0
    #: passes over the sampled training docs
    epochs: int = 3
    #: stop after this many updates in total (None: run all epochs)
    max_steps: int | None = None
    #: docs per update
    batch_size: int = 64
    dropout: float = 0.15
    learn_rate: float = 0.0005
    #: share of docs without any entity in each epoch's sample (the rest have one)
    negative_share: float = 0.25
    #: rehearsal docs per spoken doc in each epoch's sample
    rehearsal_ratio: float = 0.3
    #: at most this many spoken docs per epoch (None: all)
    docs_per_epoch: int | None = None
    #: evaluate on the dev docs every this many steps (and after each epoch)
    eval_every: int = 1000
    #: gold labels not learnt: their spans become "outside" in the training and dev docs
    #: (:func:`drop_labels`), so the recognizer neither learns nor predicts them
    drop_labels: tuple[str, ...] = ()


@dataclass
class Progress:
    """What a progress callback receives after each update and evaluation."""

    step: int
    total_steps: int
    epoch: int
    loss: float
    elapsed: float
    dev_scores: dict[str, Any] | None = None
    history: list[dict[str, Any]] = field(default_factory=list)


def _examples(nlp: Language, docs: Sequence[Doc]) -> list[Example]:
    from spacy.training import Example

    return [Example(nlp.make_doc(doc.text), doc) for doc in docs]


def evaluate(nlp: Language, docs: Sequence[Doc], batch_size: int = 256) -> dict[str, Any]:
    """Entity precision/recall/F per label and overall on ``docs`` (spaCy's scorer)."""
    scores = nlp.evaluate(_examples(nlp, docs), batch_size=batch_size)
    return {
        "ents_p": scores.get("ents_p"),
        "ents_r": scores.get("ents_r"),
        "ents_f": scores.get("ents_f"),
        "ents_per_type": scores.get("ents_per_type") or {},
    }


def drop_labels(docs: Sequence[Doc], labels: Sequence[str]) -> int:
    """Turn the entities labelled one of ``labels`` into "outside" tokens, in place; return how many.

    Why "outside" and not "missing": a label left to the rule detectors (the identifiers) must not come
    back under another label either; the recognizer learns that those words are no entity it reports.
    """
    wanted = set(labels)
    dropped = 0
    for doc in docs:
        gone = [ent for ent in doc.ents if ent.label_ in wanted]
        if not gone:
            continue
        kept = [ent for ent in doc.ents if ent.label_ not in wanted]
        doc.set_ents(kept, outside=gone, default="unmodified")
        dropped += len(gone)
    return dropped


def _sample(
    rng: random.Random,
    spoken: Sequence[Doc],
    rehearsal: Sequence[Doc],
    settings: TrainSettings,
    always: Sequence[Doc] = (),
) -> list[Doc]:
    positives = [doc for doc in spoken if doc.ents]
    negatives = [doc for doc in spoken if not doc.ents]
    wanted = (
        int(len(positives) * settings.negative_share / (1 - settings.negative_share))
        if settings.negative_share < 1
        else len(negatives)
    )
    chosen = positives + rng.sample(negatives, min(wanted, len(negatives)))
    rng.shuffle(chosen)
    if settings.docs_per_epoch is not None:
        chosen = chosen[: settings.docs_per_epoch]
    extra = rng.sample(list(rehearsal), min(len(rehearsal), int(len(chosen) * settings.rehearsal_ratio)))
    chosen.extend(extra)
    # after the sampling above, so that a recipe without them draws exactly what it drew before
    chosen.extend(always)
    rng.shuffle(chosen)
    return chosen


def fine_tune(
    nlp: Language,
    train: Sequence[Doc],
    dev: Sequence[Doc],
    rehearsal: Sequence[Doc] = (),
    settings: TrainSettings | None = None,
    progress: Callable[[Progress], None] | None = None,
    always: Sequence[Doc] = (),
) -> dict[str, Any]:
    """Update ``nlp``'s ``ner`` in place on ``train`` (+ ``rehearsal``); return the training record.

    ``always``: docs put in every epoch whole, outside the negative share and ``docs_per_epoch``
    sampling of ``train`` (hard negatives a few thousand strong that a sample of the corpora's many
    entity-less turns would dilute to a few hundred an epoch).

    Labels found in the training docs that the recognizer does not know yet are added to it first. The
    weights of the evaluation with the best dev F-score are kept (the last ones without dev docs).
    """
    import numpy
    from thinc.api import fix_random_seed, set_current_ops
    from thinc.backends import NumpyOps

    settings = settings or TrainSettings()
    set_current_ops(NumpyOps())
    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    numpy.random.seed(settings.seed)

    ner = nlp.get_pipe("ner")
    known = set(ner.labels)  # type: ignore[attr-defined]
    new_labels = sorted({ent.label_ for doc in (*train, *rehearsal, *always) for ent in doc.ents} - known)
    for label in new_labels:
        ner.add_label(label)  # type: ignore[attr-defined]
    optimizer = nlp.resume_training()
    optimizer.learn_rate = settings.learn_rate
    others = [name for name in nlp.pipe_names if name != "ner"]

    epochs = [_sample(rng, train, rehearsal, settings, always) for _ in range(settings.epochs)]
    total = sum((len(docs) + settings.batch_size - 1) // settings.batch_size for docs in epochs)
    if settings.max_steps is not None:
        total = min(total, settings.max_steps)
    history: list[dict[str, Any]] = []
    best: tuple[float, bytes] | None = None
    step = 0
    started = time.perf_counter()
    loss_sum = 0.0

    def run_eval(epoch: int) -> None:
        nonlocal best
        if not dev:
            return
        scores = evaluate(nlp, dev)
        record = {"step": step, "epoch": epoch, "loss": loss_sum, **scores}
        history.append(record)
        if best is None or (scores["ents_f"] or 0.0) > best[0]:
            best = (scores["ents_f"] or 0.0, ner.to_bytes(exclude=["vocab"]))  # type: ignore[attr-defined]
        if progress is not None:
            progress(Progress(step, total, epoch, loss_sum, time.perf_counter() - started, scores, history))

    with nlp.select_pipes(disable=others):
        for epoch, docs in enumerate(epochs, start=1):
            for offset in range(0, len(docs), settings.batch_size):
                if step >= total:
                    break
                batch = _examples(nlp, docs[offset : offset + settings.batch_size])
                losses: dict[str, float] = {}
                nlp.update(batch, sgd=optimizer, drop=settings.dropout, losses=losses)
                loss_sum += float(losses.get("ner", 0.0))
                step += 1
                if progress is not None:
                    progress(Progress(step, total, epoch, loss_sum, time.perf_counter() - started))
                if settings.eval_every and step % settings.eval_every == 0:
                    run_eval(epoch)
            if history and history[-1]["step"] == step:
                continue
            run_eval(epoch)
    if best is not None:
        ner.from_bytes(best[1], exclude=["vocab"])  # type: ignore[attr-defined]
    return {
        "settings": settings.__dict__,
        "new_labels": new_labels,
        "steps": step,
        "seconds": round(time.perf_counter() - started, 1),
        "history": history,
        "best_dev_f": best[0] if best else None,
    }
