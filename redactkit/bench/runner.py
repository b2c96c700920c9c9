"""Run labeled datasets through redactkit and a baseline, time both, and score both.

:func:`run_bench` is what ``redactkit bench`` calls. Each system redacts every dataset once, timed
(models already loaded); the redacted spans and texts are scored with :func:`~.metrics.evaluate`.
Misses (gold values not fully redacted) and false positives (redacted spans that touch no gold span)
are kept as examples only when ``include_examples`` is true: they quote transcript text.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .baseline import Output, System
from .formats import LabeledExample
from .metrics import EvalRow, Scores, counted_positions, evaluate

__all__ = [
    "DEFAULT_CONVERSATION_ID",
    "BenchResult",
    "Dataset",
    "DatasetResult",
    "SystemResult",
    "conversation_keys",
    "run_bench",
    "synthetic_dataset",
]

#: Examples kept per system, dataset and label, for each of misses and false positives: enough to see
#: patterns, and spread over the labels so that one frequent label does not fill the list.
MAX_EXAMPLES_PER_LABEL = 20


@dataclass(frozen=True)
class Dataset:
    """A named list of labeled utterances (``source`` is a file path or ``synthetic``).

    ``conversations`` (conversation mode): the conversation each utterance belongs to, one key per
    example; the turns of a conversation are its examples in file order. A system that can redact
    conversations (:meth:`~.baseline.PipelineSystem.redact_conversations`) redacts each as a whole.
    """

    name: str
    source: str
    examples: Sequence[LabeledExample]
    conversations: Sequence[str] | None = None


@dataclass(frozen=True)
class SystemResult:
    """One system on one dataset: its scores, its speed and (optionally) example errors."""

    name: str
    description: str
    seconds: float
    scores: Scores
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    #: all misses and false positives, also those left out of the lists
    misses_total: int = 0
    false_positives_total: int = 0
    #: special-category figures (redactkit.bench.sensitive.special_summary): counts, never text
    special: dict[str, Any] | None = None

    @property
    def utterances_per_second(self) -> float:
        return self.scores.rows / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self, include_examples: bool) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "seconds": round(self.seconds, 3),
            "utterances_per_second": round(self.utterances_per_second, 1),
            "misses_total": self.misses_total,
            "false_positives_total": self.false_positives_total,
            **self.scores.to_dict(),
        }
        if self.special is not None:
            data["special"] = self.special
        if include_examples:
            data["misses"] = self.misses
            data["false_positives"] = self.false_positives
        return data


@dataclass(frozen=True)
class DatasetResult:
    name: str
    source: str
    rows: int
    systems: dict[str, SystemResult]


@dataclass(frozen=True)
class BenchResult:
    """Everything one benchmark run measured; serialise with :meth:`to_dict`."""

    datasets: list[DatasetResult]
    combined: DatasetResult | None
    include_examples: bool
    config: str
    bootstrap: int
    seed: int
    created: str
    #: with ``--sensitive``: the row-level sensitivity decision (:func:`redactkit.bench.routing.score_rows`)
    routing: dict[str, Any] | None = None

    @property
    def all_results(self) -> list[DatasetResult]:
        return [*self.datasets, *([self.combined] if self.combined else [])]

    def to_dict(self) -> dict[str, Any]:
        from .. import __version__

        def dataset(result: DatasetResult) -> dict[str, Any]:
            return {
                "name": result.name,
                "source": result.source,
                "rows": result.rows,
                "systems": {
                    key: value.to_dict(self.include_examples) for key, value in result.systems.items()
                },
            }

        return {
            "redactkit_version": __version__,
            "created": self.created,
            "config": self.config,
            "contains_pii_examples": self.include_examples,
            "bootstrap": {"replicates": self.bootstrap, "seed": self.seed, "confidence": 0.95},
            "datasets": [dataset(result) for result in self.datasets],
            "combined": dataset(self.combined) if self.combined else None,
            **({"routing": self.routing} if self.routing is not None else {}),
        }


def synthetic_dataset(count: int, seed: int = 0, split: str = "heldout") -> Dataset:
    """``count`` generated spoken-PII utterances (:mod:`redactkit.synth`), 20 % of them PII-free.

    The held-out template families by default: the ones no model of redactkit was trained on.
    """
    from ..synth import generate, to_labeled_examples

    records = generate(count, seed=seed, split=split, negatives_share=0.2, id_prefix="synthetic")
    return Dataset(
        f"synthetic spoken PII ({split} families, seed {seed})", "synthetic", to_labeled_examples(records)
    )


#: Conversation mode's default: an id that ends in a turn number, optionally followed by a speaker
#: ("call-0042-7", "MUL0384-11-sys") names its conversation by what comes before the number.
DEFAULT_CONVERSATION_ID = r"^(.+)-\d+(?:-[A-Za-z]+)?$"


def conversation_keys(
    examples: Sequence[LabeledExample], pattern: str = DEFAULT_CONVERSATION_ID
) -> list[str]:
    """The conversation of each example: the first group of ``pattern`` matched on its id (the whole
    id when the pattern has no group); an id it does not match is a conversation of its own."""
    import re

    compiled = re.compile(pattern)
    keys: list[str] = []
    for example in examples:
        match = compiled.match(example.id)
        if match is None:
            keys.append("\x00" + example.id)  # a conversation of its own, never another id's key
        else:
            keys.append(match.group(1) if compiled.groups else match.group(0))
    return keys


def run_bench(
    datasets: Sequence[Dataset],
    systems: Sequence[System],
    *,
    include_examples: bool = True,
    bootstrap: int = 1000,
    seed: int = 0,
    config: str = "default",
) -> BenchResult:
    """Redact every dataset with every system (timed) and score the results."""
    for system in systems:
        system.warm_up()
    results: list[DatasetResult] = []
    pooled: dict[str, list[EvalRow]] = {system.name: [] for system in systems}
    pooled_seconds: dict[str, float] = dict.fromkeys(pooled, 0.0)
    pooled_examples: list[LabeledExample] = []
    for dataset in datasets:
        texts = [example.text for example in dataset.examples]
        by_system: dict[str, SystemResult] = {}
        for system in systems:
            started = time.perf_counter()
            by_conversation = getattr(system, "redact_conversations", None)
            if dataset.conversations is not None and by_conversation is not None:
                outputs = by_conversation(texts, dataset.conversations)
            else:
                outputs = system.redact(texts)
            seconds = time.perf_counter() - started
            rows = [_row(example, output) for example, output in zip(dataset.examples, outputs, strict=True)]
            pooled[system.name].extend(rows)
            pooled_seconds[system.name] += seconds
            by_system[system.name] = _system_result(
                system, seconds, dataset.examples, rows, include_examples, bootstrap, seed
            )
        pooled_examples.extend(dataset.examples)
        results.append(DatasetResult(dataset.name, dataset.source, len(dataset.examples), by_system))
    combined = None
    if len(datasets) > 1:
        combined = DatasetResult(
            "all datasets",
            "+".join(dataset.source for dataset in datasets),
            len(pooled_examples),
            {
                system.name: _system_result(
                    system,
                    pooled_seconds[system.name],
                    pooled_examples,
                    pooled[system.name],
                    False,
                    bootstrap,
                    seed,
                )
                for system in systems
            },
        )
    return BenchResult(
        datasets=results,
        combined=combined,
        include_examples=include_examples,
        config=config,
        bootstrap=bootstrap,
        seed=seed,
        created=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
    )


def _row(example: LabeledExample, output: Output) -> EvalRow:
    """One example as scored: a system's output may name, for some redacted spans, the second label
    they were protected as (``policy_label``), which type-correct recall and the special summary
    count too."""
    redacted, spans, *protected = output
    gold = [(s.start, s.end, s.label) for s in example.spans]
    return EvalRow(example.text, gold, spans, redacted, protected[0] if protected else ())


def _system_result(
    system: System,
    seconds: float,
    examples: Sequence[LabeledExample],
    rows: Sequence[EvalRow],
    include_examples: bool,
    bootstrap: int,
    seed: int,
) -> SystemResult:
    from .sensitive import special_summary

    scores = evaluate(rows, bootstrap=bootstrap, seed=seed)
    misses, false_positives, miss_total, fp_total = _errors(examples, rows, include_examples)
    return SystemResult(
        system.name,
        system.description,
        seconds,
        scores,
        misses,
        false_positives,
        miss_total,
        fp_total,
        special_summary(rows),
    )


def _errors(
    examples: Sequence[LabeledExample], rows: Sequence[EvalRow], include_examples: bool
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, int]:
    """Gold values not fully redacted, and redacted spans touching no gold span (text only if asked)."""
    misses: list[dict[str, Any]] = []
    false_positives: list[dict[str, Any]] = []
    miss_total = fp_total = 0
    kept_misses: dict[str, int] = {}
    kept_fps: dict[str, int] = {}
    for example, row in zip(examples, rows, strict=True):
        covered = bytearray(len(row.text))
        for start, end, _ in row.predicted:
            covered[start:end] = b"\x01" * (end - start)
        gold = bytearray(len(row.text))
        for span in example.spans:
            gold[span.start : span.end] = b"\x01" * (span.end - span.start)
        for span in example.spans:
            positions = counted_positions(row.text, span.start, span.end)
            if not positions or all(covered[i] for i in positions):
                continue
            miss_total += 1
            if include_examples and kept_misses.get(span.label, 0) < MAX_EXAMPLES_PER_LABEL:
                kept_misses[span.label] = kept_misses.get(span.label, 0) + 1
                misses.append(
                    {
                        "id": example.id,
                        "label": span.label,
                        "start": span.start,
                        "end": span.end,
                        "value": row.text[span.start : span.end],
                        "text": row.text,
                        "redacted": row.redacted_text,
                        "covered_chars": sum(covered[i] for i in positions),
                        "chars": len(positions),
                    }
                )
        for start, end, label in row.predicted:
            if any(gold[start:end]):
                continue
            fp_total += 1
            if include_examples and kept_fps.get(label, 0) < MAX_EXAMPLES_PER_LABEL:
                kept_fps[label] = kept_fps.get(label, 0) + 1
                false_positives.append(
                    {
                        "id": example.id,
                        "label": label,
                        "start": start,
                        "end": end,
                        "value": row.text[start:end],
                        "text": row.text,
                    }
                )
    misses.sort(key=lambda item: item["label"])
    false_positives.sort(key=lambda item: item["label"])
    return misses, false_positives, miss_total, fp_total
