"""Recall as a curve over word error rate: the labeled sets made noisy by the ASR error model.

``redactkit bench --asr-noise 0.1,0.2,0.3`` scores every system on each dataset clean (WER 0) and at
each word error rate, with :func:`~redactkit.bench.asr_noise.noisy_examples` applied to every
utterance (seeded per utterance, so a curve is reproducible and the same utterance gets the same
noise whatever else is in the run). Per label and WER it reports:

- full-coverage recall (every non-space character of the noisy gold value redacted);
- the share of the value's *correctly recognized* words left readable (a word counts as readable when
  any of its characters was not redacted): what an annotator still sees of the real value;
- over all rows: the share of PII-free utterances with anything redacted (negatives touched).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from .asr_noise import NoisyExample, noisy_examples
from .baseline import System
from .metrics import counted_positions
from .runner import Dataset

__all__ = ["AsrCurve", "CurvePoint", "asr_noise_curve", "render_curve"]


@dataclass
class CurvePoint:
    """One system on one dataset at one word error rate."""

    wer: float
    rows: int = 0
    #: word errors the model made / words of the clean text
    measured_wer: float = 0.0
    gold: dict[str, int] = field(default_factory=dict)
    caught: dict[str, int] = field(default_factory=dict)
    correct_words: dict[str, int] = field(default_factory=dict)
    readable_words: dict[str, int] = field(default_factory=dict)
    dropped_spans: int = 0
    negatives: int = 0
    negatives_touched: int = 0

    def recall(self, label: str | None = None) -> float | None:
        gold = sum(self.gold.values()) if label is None else self.gold.get(label, 0)
        caught = sum(self.caught.values()) if label is None else self.caught.get(label, 0)
        return caught / gold if gold else None

    def readable(self, label: str | None = None) -> float | None:
        total = sum(self.correct_words.values()) if label is None else self.correct_words.get(label, 0)
        left = sum(self.readable_words.values()) if label is None else self.readable_words.get(label, 0)
        return left / total if total else None

    @property
    def negatives_touched_share(self) -> float | None:
        return self.negatives_touched / self.negatives if self.negatives else None

    def to_dict(self) -> dict[str, Any]:
        labels = sorted(self.gold)
        return {
            "wer": self.wer,
            "measured_wer": round(self.measured_wer, 4),
            "rows": self.rows,
            "full_coverage_recall": {label: _round(self.recall(label)) for label in labels}
            | {"ALL": _round(self.recall())},
            "gold": dict(sorted(self.gold.items())),
            "caught": dict(sorted(self.caught.items())),
            "correct_words": dict(sorted(self.correct_words.items())),
            "readable_words": dict(sorted(self.readable_words.items())),
            "readable_correct_words": {label: _round(self.readable(label)) for label in labels}
            | {"ALL": _round(self.readable())},
            "dropped_spans": self.dropped_spans,
            "negatives": self.negatives,
            "negatives_touched": _round(self.negatives_touched_share),
        }


@dataclass
class AsrCurve:
    """Curves per dataset and system: ``points[dataset][system]`` is a list over WER (0 first)."""

    wers: list[float]
    seed: int
    points: dict[str, dict[str, list[CurvePoint]]]

    def to_dict(self) -> dict[str, Any]:
        return {
            "wers": self.wers,
            "seed": self.seed,
            "datasets": {
                name: {system: [p.to_dict() for p in curve] for system, curve in systems.items()}
                for name, systems in self.points.items()
            },
        }


def asr_noise_curve(
    datasets: Sequence[Dataset], systems: Sequence[System], wers: Sequence[float], *, seed: int = 0
) -> AsrCurve:
    """Score every system on every dataset clean and at each of ``wers``."""
    levels = [0.0, *[w for w in wers if w > 0]]
    for system in systems:
        system.warm_up()
    points: dict[str, dict[str, list[CurvePoint]]] = {}
    for dataset in datasets:
        per_system: dict[str, list[CurvePoint]] = {system.name: [] for system in systems}
        for wer in levels:
            noisy = noisy_examples(dataset.examples, wer, seed)
            texts = [item.text for item in noisy]
            for system in systems:
                outputs = system.redact(texts)
                per_system[system.name].append(_score(wer, noisy, [output[1] for output in outputs]))
        points[dataset.name] = per_system
    return AsrCurve(levels, seed, points)


def _score(wer: float, noisy: Sequence[NoisyExample], predicted: Sequence[Sequence[Any]]) -> CurvePoint:
    point = CurvePoint(wer=wer, rows=len(noisy))
    errors = words = 0
    for item, spans in zip(noisy, predicted, strict=True):
        errors += item.errors
        words += item.words
        point.dropped_spans += item.dropped_spans
        covered = bytearray(len(item.text))
        for start, end, *_ in spans:
            covered[start:end] = b"\x01" * (end - start)
        if not item.spans and not item.dropped_spans:
            point.negatives += 1
            point.negatives_touched += int(bool(spans))
        for (start, end, label), correct in zip(item.spans, item.correct_words, strict=True):
            positions = counted_positions(item.text, start, end)
            if not positions:
                continue
            point.gold[label] = point.gold.get(label, 0) + 1
            if all(covered[i] for i in positions):
                point.caught[label] = point.caught.get(label, 0) + 1
            for word_start, word_end in correct:
                point.correct_words[label] = point.correct_words.get(label, 0) + 1
                if not all(covered[i] for i in range(word_start, word_end)):
                    point.readable_words[label] = point.readable_words.get(label, 0) + 1
    point.measured_wer = errors / words if words else 0.0
    return point


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _fmt(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


def _cell(point: CurvePoint, label: str | None) -> str:
    readable = point.readable(label)
    return _fmt(point.recall(label)) + ("" if readable is None else f" ({readable:.1%})")


def render_curve(curve: AsrCurve, console: Any) -> None:
    """One table per dataset and system: recall per label over WER, readable share, negatives."""
    from rich.table import Table

    for dataset, systems in curve.points.items():
        for system, points in systems.items():
            table = Table(
                title=f"{dataset} — {system}: full-coverage recall over word error rate "
                "(correctly recognized value words left readable)"
            )
            table.add_column("label")
            table.add_column("gold", justify="right")
            for point in points:
                table.add_column(f"WER {point.wer:.1f} ({point.measured_wer:.2f})", justify="right")
            labels = sorted({label for point in points for label in point.gold})
            for label in labels:
                table.add_row(label, f"{points[0].gold.get(label, 0):,}", *[_cell(p, label) for p in points])
            table.add_row("ALL", f"{sum(points[0].gold.values()):,}", *[_cell(p, None) for p in points])
            table.add_row(
                "negatives touched",
                f"{points[0].negatives:,}",
                *[_fmt(p.negatives_touched_share) for p in points],
            )
            console.print(table)
