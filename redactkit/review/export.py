"""From decisions to data: gold spans in bench JSONL, and what the sample says about the dataset.

Gold for a reviewed row = the entities the reviewer left standing + the values marked as missed,
minus the entities marked as over-redactions. Overlapping or touching spans of one label are merged (the
reviewer marks the missing "smith" of an entity that covered only "john" by selecting "john smith";
either way the gold is one name). A gold value counts as *caught* when no missed mark touches it:
full coverage, as in ``redactkit bench`` (a half-redacted name is a leak).

The summary estimates the dataset's recall from the stratified sample: each row stands for
``weight = N_h / n_h`` rows of its stratum, the estimate is the weighted share of gold values
caught, and the 95 % interval is Wilson's on Kish's effective sample size. Values in one row are
not independent draws, so the interval is a guide, not a guarantee; per-label figures are the
ones to act on. The summary holds counts only, never text.
"""

from __future__ import annotations

import json
import math
import os
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..bench.formats import LabeledExample, LabeledSpan, write_labeled_jsonl
from ..io.parquet import QUARANTINE_LABEL
from .store import Decision, ReviewSet

__all__ = [
    "GoldSpan",
    "gold_spans",
    "reviewed_examples",
    "summarize",
    "wilson_interval",
    "write_reviewed_jsonl",
    "write_summary",
]

Z_95 = 1.959963984540054


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One gold value of a reviewed row; ``caught`` is False when the reviewer marked any of it missed."""

    start: int
    end: int
    label: str
    caught: bool
    source: str  # "review:accepted", "review:miss" or "review:accepted+miss"


def gold_spans(row: dict[str, Any], decision: Decision) -> list[GoldSpan]:
    """Gold values of ``row`` under ``decision``: accepted entities + misses - over-redactions."""
    over = set(decision.over)
    items: list[tuple[int, int, str, bool]] = [
        (e["start"], e["end"], e["label"], False)
        for e in row["entities"]
        if e["label"] != QUARANTINE_LABEL and (e["start"], e["end"]) not in over
    ]
    items.extend((m.start, m.end, m.label, True) for m in decision.misses)
    by_label: dict[str, list[tuple[int, int, bool]]] = defaultdict(list)
    for start, end, label, missed in items:
        by_label[label].append((start, end, missed))
    gold: list[GoldSpan] = []
    for label, spans in by_label.items():
        spans.sort()
        current: list[Any] | None = None  # [start, end, any accepted, any missed]
        for start, end, missed in spans:
            if current is not None and start <= current[1]:
                current[1] = max(current[1], end)
                current[2] = current[2] or not missed
                current[3] = current[3] or missed
                continue
            if current is not None:
                gold.append(_gold(label, current))
            current = [start, end, not missed, missed]
        if current is not None:
            gold.append(_gold(label, current))
    gold.sort(key=lambda g: (g.start, g.end, g.label))
    return gold


def _gold(label: str, merged: list[Any]) -> GoldSpan:
    start, end, accepted, missed = merged
    source = (
        "review:accepted+miss" if accepted and missed else ("review:miss" if missed else "review:accepted")
    )
    return GoldSpan(start, end, label, caught=not missed, source=source)


def reviewed_examples(review: ReviewSet) -> list[LabeledExample]:
    """The reviewed rows as :class:`LabeledExample` (in review order)."""
    examples: list[LabeledExample] = []
    for row in review.rows:
        decision = review.decision(row["key"])
        if decision.status != "reviewed":
            continue
        spans = tuple(LabeledSpan(g.start, g.end, g.label, g.source) for g in gold_spans(row, decision))
        examples.append(LabeledExample(row["id"], row["text"], spans))
    return examples


def write_reviewed_jsonl(review: ReviewSet, path: str | os.PathLike[str]) -> int:
    """Write the reviewed rows in redactkit's labeled JSONL (``redactkit bench`` reads it); row count.

    ``source_label`` tells where each span came from: ``review:accepted`` (found by the redactor and
    accepted), ``review:miss`` (added by the reviewer) or ``review:accepted+miss`` (both, merged).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    examples = reviewed_examples(review)
    temporary = target.with_name(f".{target.name}.partial")
    try:
        write_labeled_jsonl(examples, temporary)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return len(examples)


def wilson_interval(successes: float, trials: float, z: float = Z_95) -> tuple[float, float]:
    """Wilson score interval of a proportion; ``trials`` may be an effective (fractional) size."""
    if trials <= 0:
        return (0.0, 1.0)
    p = min(1.0, max(0.0, successes / trials))
    denominator = 1 + z * z / trials
    centre = (p + z * z / (2 * trials)) / denominator
    half = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials)) / denominator
    return (max(0.0, centre - half), min(1.0, centre + half))


class _Tally:
    def __init__(self) -> None:
        self.gold = 0
        self.caught = 0
        self.weighted_gold = 0.0
        self.weighted_caught = 0.0
        self.weight_squares = 0.0
        self.misses_marked = 0
        self.entities = 0
        self.over = 0

    def add_gold(self, caught: bool, weight: float) -> None:
        self.gold += 1
        self.caught += caught
        self.weighted_gold += weight
        self.weighted_caught += weight * caught
        self.weight_squares += weight * weight

    def to_json(self) -> dict[str, Any]:
        result: dict[str, Any] = {
            "gold": self.gold,
            "caught": self.caught,
            "missed": self.gold - self.caught,
            "misses_marked": self.misses_marked,
            "entities": self.entities,
            "over_redactions": self.over,
            "over_redaction_rate": _ratio(self.over, self.entities),
        }
        if self.gold:
            estimate = self.weighted_caught / self.weighted_gold
            effective = self.weighted_gold**2 / self.weight_squares
            low, high = wilson_interval(estimate * effective, effective)
            result["recall"] = {
                "estimate": round(estimate, 4),
                "low": round(low, 4),
                "high": round(high, 4),
                "sample": round(self.caught / self.gold, 4),
                "effective_n": round(effective, 1),
            }
        else:
            result["recall"] = None
        return result


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarize(review: ReviewSet) -> dict[str, Any]:
    """Counts over the reviewed rows: misses per label, recall with a 95 % interval, over-redaction.

    Everything in it is a count or a ratio; it never holds text, ids or notes.
    """
    total = _Tally()
    per_label: dict[str, _Tally] = defaultdict(_Tally)
    reviewed = rows_with_miss = notes = 0
    for row in review.rows:
        decision = review.decision(row["key"])
        notes += bool(decision.note)
        if decision.status != "reviewed":
            continue
        reviewed += 1
        rows_with_miss += bool(decision.misses)
        weight = float(row.get("weight") or 1.0)
        over = set(decision.over)
        for entity in row["entities"]:
            if entity["label"] == QUARANTINE_LABEL:
                continue
            for tally in (total, per_label[entity["label"]]):
                tally.entities += 1
                tally.over += (entity["start"], entity["end"]) in over
        for miss in decision.misses:
            total.misses_marked += 1
            per_label[miss.label].misses_marked += 1
        for gold in gold_spans(row, decision):
            total.add_gold(gold.caught, weight)
            per_label[gold.label].add_gold(gold.caught, weight)
    manifest = review.manifest
    return {
        "rows_in_sample": len(review.rows),
        "rows_reviewed": reviewed,
        "rows_with_a_miss": rows_with_miss,
        "rows_with_a_note": notes,
        "population": manifest.get("population"),
        "stratify": manifest.get("stratify"),
        "overall": total.to_json(),
        "labels": {label: per_label[label].to_json() for label in sorted(per_label)},
    }


def write_summary(summary: dict[str, Any], path: str | os.PathLike[str]) -> None:
    Path(path).write_text(json.dumps(summary, indent=2, sort_keys=True) + "\n", encoding="utf-8")
