"""Recall, precision and leak metrics per label, with seeded bootstrap confidence intervals.

The input is, per utterance, the text, the gold spans ``(start, end, label)``, the spans the system
actually redacted ``(start, end, label)`` and, optionally, the redacted text and the redacted spans
that were protected as a second label too ``(start, end, policy_label)``: a redactkit pipeline
reports a child's age as an ``AGE`` protected as a ``MINOR``. Metrics:

- **full-coverage recall** (the privacy metric): a gold value counts only if every *counted*
  character of it lies inside some redacted span, whatever its label. Counted characters are the
  non-space characters, without a trailing possessive ``'s`` (SLURP puts "john's" in the span; the
  suffix is no PII, and a redacted "john" with "'s" left over is no leak);
- **any-overlap recall**: at least one counted character redacted;
- **type-correct recall**: full coverage by spans that carry the gold label, as their label or as
  the label they were protected as (a child's age, an ``AGE`` protected as a ``MINOR``, is
  type-correct for a gold ``AGE`` and for a gold ``MINOR``: a set that labels children's ages
  ``MINOR`` and one that labels them ``AGE`` both score it). A protected-as label only adds to
  type-correct recall: ``predicted`` and precision count each redacted span once, under its label;
- **token recall**: whitespace tokens of gold values whose counted characters are all redacted;
- **precision**: redacted spans that overlap some gold span, of all redacted spans (per label: of
  the spans the system gave that label);
- **F2**: ``5PR / (4P + R)`` from precision and full-coverage recall (recall weighs four times);
- **over-redaction**: share of non-space characters outside every gold span that were redacted;
- **verbatim leaks**: gold values that still appear, whole word and case-insensitively, in the
  redacted text.

Confidence intervals resample utterances with replacement (``bootstrap`` replicates, seeded, so a
rerun gives the same interval) and report the 2.5th and 97.5th percentiles.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

__all__ = [
    "Estimate",
    "EvalRow",
    "LabelScores",
    "Rate",
    "Scores",
    "counted_positions",
    "evaluate",
]

Span = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class EvalRow:
    """One scored utterance: gold spans, the spans the system redacted, and its redacted text.

    ``protected``: redacted spans with the second label they were protected as (an entity's
    ``policy_label``; ``(start, end, "MINOR")`` for a child's age redacted as an ``AGE``), for
    type-correct recall and the special-category summary.
    """

    text: str
    gold: Sequence[Span]
    predicted: Sequence[Span]
    redacted_text: str | None = None
    protected: Sequence[Span] = ()


@dataclass(frozen=True, slots=True)
class Rate:
    """``numerator / denominator`` with its bootstrap interval (``None`` when nothing to count)."""

    numerator: int
    denominator: int
    low: float | None = None
    high: float | None = None

    @property
    def value(self) -> float | None:
        return self.numerator / self.denominator if self.denominator else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": _round(self.value),
            "numerator": self.numerator,
            "denominator": self.denominator,
            "ci95": [_round(self.low), _round(self.high)],
        }


@dataclass(frozen=True, slots=True)
class Estimate:
    """A derived figure (F2) with its bootstrap interval."""

    value: float | None
    low: float | None = None
    high: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"value": _round(self.value), "ci95": [_round(self.low), _round(self.high)]}


@dataclass(frozen=True, slots=True)
class LabelScores:
    """Every metric for one label (or ``"ALL"``): recalls are over gold values of the label."""

    label: str
    gold: int
    predicted: int
    full_coverage: Rate
    any_overlap: Rate
    type_correct: Rate
    tokens: Rate
    precision: Rate
    f2: Estimate
    leaks: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "label": self.label,
            "gold": self.gold,
            "predicted": self.predicted,
            "full_coverage_recall": self.full_coverage.to_dict(),
            "any_overlap_recall": self.any_overlap.to_dict(),
            "type_correct_recall": self.type_correct.to_dict(),
            "token_recall": self.tokens.to_dict(),
            "precision": self.precision.to_dict(),
            "f2": self.f2.to_dict(),
            "verbatim_leaks": self.leaks,
        }


@dataclass(frozen=True, slots=True)
class Scores:
    """The metrics of one system on one dataset."""

    rows: int
    labels: dict[str, LabelScores]
    overall: LabelScores
    over_redaction: Rate
    negatives: int
    negatives_touched: int
    bootstrap: int = 0
    seed: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "overall": self.overall.to_dict(),
            "labels": {name: scores.to_dict() for name, scores in self.labels.items()},
            "over_redaction": self.over_redaction.to_dict(),
            "negatives": self.negatives,
            "negatives_touched": self.negatives_touched,
            "bootstrap": {"replicates": self.bootstrap, "seed": self.seed},
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


_POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s$", re.IGNORECASE)


def counted_positions(text: str, start: int, end: int) -> list[int]:
    """Character indexes of a gold span that must be redacted: non-space, possessive 's excluded."""
    stop = end
    if _POSSESSIVE.search(text[start:end]):
        stop -= 2
    return [i for i in range(start, stop) if not text[i].isspace()]


def _mask(length: int, spans: Iterable[tuple[int, int]]) -> bytearray:
    mask = bytearray(length)
    for start, end in spans:
        start, end = max(start, 0), min(end, length)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


_QUANTITIES = ("gold", "fc", "ov", "tc", "tok", "tokc", "leak", "pred", "tp")


def _row_counts(row: EvalRow) -> tuple[dict[tuple[str, str], int], int, int]:
    """Per-row counts keyed by (quantity, label), plus non-gold characters and how many redacted."""
    text = row.text
    counts: dict[tuple[str, str], int] = {}

    def add(quantity: str, label: str, amount: int = 1) -> None:
        if amount:
            counts[(quantity, label)] = counts.get((quantity, label), 0) + amount

    covered = _mask(len(text), ((s, e) for s, e, _ in row.predicted))
    # type-correct: a span carries its label and the label it was protected as
    typed = [*row.predicted, *row.protected]
    by_label: dict[str, bytearray] = {}
    for _, _, label in typed:
        if label not in by_label:
            by_label[label] = _mask(len(text), ((s, e) for s, e, lab in typed if lab == label))
    redacted = row.redacted_text if row.redacted_text is not None else _redact(text, covered)
    lowered = redacted.lower()
    for start, end, label in row.gold:
        positions = counted_positions(text, start, end)
        if not positions:
            continue  # a whitespace-only span holds nothing to redact
        add("gold", label)
        hits = sum(covered[i] for i in positions)
        add("fc", label, int(hits == len(positions)))
        add("ov", label, int(hits > 0))
        same = by_label.get(label)
        add("tc", label, int(same is not None and all(same[i] for i in positions)))
        counted = set(positions)
        for token in re.finditer(r"\S+", text[start:end]):
            inside = [i for i in range(start + token.start(), start + token.end()) if i in counted]
            if inside:
                add("tok", label)
                add("tokc", label, int(all(covered[i] for i in inside)))
        value = text[positions[0] : positions[-1] + 1].lower()
        if len(positions) > 1 and re.search(rf"(?<!\w){re.escape(value)}(?!\w)", lowered):
            add("leak", label)
    gold_mask = _mask(len(text), ((s, e) for s, e, _ in row.gold))
    for start, end, label in row.predicted:
        add("pred", label)
        add("tp", label, int(any(gold_mask[max(start, 0) : end])))
    outside = redacted_outside = 0
    for index, char in enumerate(text):
        if not char.isspace() and not gold_mask[index]:
            outside += 1
            redacted_outside += covered[index]
    return counts, outside, redacted_outside


def _redact(text: str, covered: bytearray) -> str:
    """Stand-in redacted text when the system gave none: every redacted run becomes one block."""
    out: list[str] = []
    previous = False
    for char, flag in zip(text, covered, strict=True):
        if flag:
            if not previous:
                out.append("\u2588")
        else:
            out.append(char)
        previous = bool(flag)
    return "".join(out)


def evaluate(
    rows: Sequence[EvalRow], *, bootstrap: int = 1000, seed: int = 0, confidence: float = 0.95
) -> Scores:
    """All metrics per label and overall, with bootstrap intervals over utterances."""
    import numpy as np

    per_row: list[dict[tuple[str, str], int]] = []
    outside = np.zeros(len(rows), dtype=np.int64)
    redacted_outside = np.zeros(len(rows), dtype=np.int64)
    negatives = touched = 0
    for index, row in enumerate(rows):
        counts, out_chars, red_chars = _row_counts(row)
        per_row.append(counts)
        outside[index], redacted_outside[index] = out_chars, red_chars
        if not row.gold:
            negatives += 1
            touched += int(bool(row.predicted))
    labels = sorted({label for counts in per_row for _, label in counts})
    keys = [(q, label) for label in labels for q in _QUANTITIES] + [(q, "ALL") for q in _QUANTITIES]
    column = {key: i for i, key in enumerate(keys)}
    matrix = np.zeros((len(rows), len(keys) + 2), dtype=np.float64)
    for index, counts in enumerate(per_row):
        for (quantity, label), amount in counts.items():
            matrix[index, column[(quantity, label)]] += amount
            matrix[index, column[(quantity, "ALL")]] += amount
    matrix[:, len(keys)] = outside
    matrix[:, len(keys) + 1] = redacted_outside
    totals = matrix.sum(axis=0)

    replicas = _bootstrap_sums(matrix, bootstrap, seed) if bootstrap and len(rows) else None
    alpha = (1.0 - confidence) / 2

    def interval(values: Any) -> tuple[float | None, float | None]:
        if replicas is None:
            return None, None
        finite = values[np.isfinite(values)]
        if not finite.size:
            return None, None
        low, high = np.quantile(finite, [alpha, 1 - alpha])
        return float(low), float(high)

    def ratio_replicas(num: int, den: int) -> Any:
        assert replicas is not None
        with np.errstate(divide="ignore", invalid="ignore"):
            return replicas[:, num] / replicas[:, den]

    def rate(num: int, den: int) -> Rate:
        low, high = interval(ratio_replicas(num, den)) if replicas is not None else (None, None)
        if not totals[den]:
            low = high = None
        return Rate(int(totals[num]), int(totals[den]), low, high)

    def label_scores(label: str) -> LabelScores:
        c = {q: column[(q, label)] for q in _QUANTITIES}
        full = rate(c["fc"], c["gold"])
        precision = rate(c["tp"], c["pred"])
        f2 = Estimate(_f2(precision.value, full.value))
        if replicas is not None and full.denominator and precision.denominator:
            p = ratio_replicas(c["tp"], c["pred"])
            r = ratio_replicas(c["fc"], c["gold"])
            with np.errstate(divide="ignore", invalid="ignore"):
                values = 5 * p * r / (4 * p + r)
            values = np.where((p == 0) & (r == 0), 0.0, values)
            f2 = Estimate(f2.value, *interval(values))
        return LabelScores(
            label=label,
            gold=int(totals[c["gold"]]),
            predicted=int(totals[c["pred"]]),
            full_coverage=full,
            any_overlap=rate(c["ov"], c["gold"]),
            type_correct=rate(c["tc"], c["gold"]),
            tokens=rate(c["tokc"], c["tok"]),
            precision=precision,
            f2=f2,
            leaks=int(totals[c["leak"]]),
        )

    return Scores(
        rows=len(rows),
        labels={label: label_scores(label) for label in labels},
        overall=label_scores("ALL"),
        over_redaction=rate(len(keys) + 1, len(keys)),
        negatives=negatives,
        negatives_touched=touched,
        bootstrap=bootstrap if replicas is not None else 0,
        seed=seed,
    )


def _f2(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    if precision == 0 and recall == 0:
        return 0.0
    return 5 * precision * recall / (4 * precision + recall)


def _bootstrap_sums(matrix: Any, replicates: int, seed: int) -> Any:
    """Column sums of ``replicates`` resamples of the rows (with replacement), seeded."""
    import numpy as np

    rng = np.random.default_rng(seed)
    n = matrix.shape[0]
    sums = np.empty((replicates, matrix.shape[1]), dtype=np.float64)
    chunk = max(1, min(replicates, 2_000_000 // max(n, 1)))
    for first in range(0, replicates, chunk):
        size = min(chunk, replicates - first)
        draws = rng.integers(0, n, size=(size, n))
        weights = np.stack([np.bincount(draw, minlength=n) for draw in draws]).astype(np.float64)
        sums[first : first + size] = weights @ matrix
    return sums
