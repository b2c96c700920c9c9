"""Full-coverage recall: the privacy metric.

A gold entity counts as caught only if every non-space character of it lies inside some redacted
span, whatever label the detector gave it: a half-redacted phone number is a leak. A trailing
possessive "'s" is not part of the value (SLURP labels "john's"); see :mod:`redactkit.bench.metrics`
for the full set of metrics, which counts characters the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .metrics import counted_positions

__all__ = ["LabelRecall", "full_coverage_recall", "over_redaction"]


@dataclass(frozen=True, slots=True)
class LabelRecall:
    label: str
    gold: int
    caught: int

    @property
    def recall(self) -> float:
        return self.caught / self.gold if self.gold else 1.0


def full_coverage_recall(
    examples: Iterable[tuple[str, Sequence[tuple[int, int, str]], Sequence[tuple[int, int]]]],
) -> dict[str, LabelRecall]:
    """Per-label recall over ``(text, gold spans (start, end, label), redacted spans (start, end))``."""
    gold: dict[str, int] = {}
    caught: dict[str, int] = {}
    for text, gold_spans, redacted_spans in examples:
        covered = bytearray(len(text))
        for start, end in redacted_spans:
            covered[start:end] = b"\x01" * (end - start)
        for start, end, label in gold_spans:
            positions = counted_positions(text, start, end)
            if not positions:
                continue  # a whitespace-only span holds nothing to redact
            gold[label] = gold.get(label, 0) + 1
            if all(covered[i] for i in positions):
                caught[label] = caught.get(label, 0) + 1
    return {label: LabelRecall(label, gold[label], caught.get(label, 0)) for label in sorted(gold)}


def over_redaction(
    examples: Iterable[tuple[str, Sequence[tuple[int, int, str]], Sequence[tuple[int, int]]]],
) -> float:
    """Share of non-space characters outside every gold span that were redacted anyway."""
    redacted = total = 0
    for text, gold_spans, redacted_spans in examples:
        gold = bytearray(len(text))
        for start, end, _ in gold_spans:
            gold[start:end] = b"\x01" * (end - start)
        covered = bytearray(len(text))
        for start, end in redacted_spans:
            covered[start:end] = b"\x01" * (end - start)
        for index, char in enumerate(text):
            if not char.isspace() and not gold[index]:
                total += 1
                redacted += covered[index]
    return redacted / total if total else 0.0
