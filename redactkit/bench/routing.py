"""Scoring the row-level sensitivity decision (routing) on labeled rows.

Every record of the sensitive-content set (:mod:`redactkit.bench.sensitive`) has a gold row level.
The pipeline under test redacts each row; its result's ``sensitivity`` is the prediction. Per level
that a policy may withhold (``special``, ``intimate``, ``safety``) the score gives

* **recall**: gold rows of the level predicted at that level or higher (a ``safety`` row predicted
  ``intimate`` is still kept away from the general pool when both are withheld; the exact-level
  recall is given too),
* **precision**: rows predicted at the level that are gold at that level or higher,

and the share of gold ``none`` rows (the ordinary negatives) predicted ``special`` or higher. Only
counts and level names leave this module, never text.

    >>> from redactkit.bench.routing import score_levels
    >>> score_levels(["safety", "none"], ["safety", "intimate"])["levels"]["safety"]["recall"]
    1.0
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from ..sensitivity import Sensitivity

if TYPE_CHECKING:
    from rich.console import Console

    from ..pipeline import Pipeline
    from .sensitive import SensitiveRecord

__all__ = ["ROUTED_LEVELS", "render_routing", "routing_table", "score_levels", "score_rows"]

#: the levels whose rows a policy may withhold, scored one by one
ROUTED_LEVELS: tuple[Sensitivity, ...] = (Sensitivity.SPECIAL, Sensitivity.INTIMATE, Sensitivity.SAFETY)


def _ratio(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def score_levels(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, Any]:
    """Per-level recall/precision and the flag rate on gold ``none`` rows (see module docs)."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold levels but {len(predicted)} predictions")
    pairs = [(Sensitivity(g), Sensitivity(p)) for g, p in zip(gold, predicted, strict=True)]
    levels: dict[str, Any] = {}
    for level in ROUTED_LEVELS:
        positives = [p for g, p in pairs if g is level]
        predicted_here = [g for g, p in pairs if p is level]
        levels[level.value] = {
            "gold": len(positives),
            "predicted": len(predicted_here),
            "recall": _ratio(sum(p >= level for p in positives), len(positives)),
            "recall_exact": _ratio(sum(p is level for p in positives), len(positives)),
            "precision": _ratio(sum(g >= level for g in predicted_here), len(predicted_here)),
        }
    negatives = [p for g, p in pairs if g is Sensitivity.NONE]
    flagged = [p for p in negatives if p >= Sensitivity.SPECIAL]
    confusion = Counter(f"{g.value}->{p.value}" for g, p in pairs)
    return {
        "rows": len(pairs),
        "levels": levels,
        "negatives": len(negatives),
        "negatives_flagged": len(flagged),
        "negatives_flagged_share": _ratio(len(flagged), len(negatives)),
        "negatives_flagged_by_level": dict(sorted(Counter(p.value for p in flagged).items())),
        "confusion": dict(sorted(confusion.items())),
    }


def score_rows(records: Iterable[SensitiveRecord], pipeline: Pipeline) -> dict[str, Any]:
    """Redact every record's text with ``pipeline`` and score its row levels against the gold ones,
    overall and per split/family kind (``by_kind``: span, negative, row)."""
    items = list(records)
    results = pipeline.redact_batch([record.text for record in items])
    predicted = [result.sensitivity for result in results]
    score = score_levels([record.sensitivity for record in items], predicted)
    by_kind: dict[str, Any] = {}
    for kind in sorted({record.kind for record in items}):
        chosen = [i for i, record in enumerate(items) if record.kind == kind]
        by_kind[kind] = score_levels([items[i].sensitivity for i in chosen], [predicted[i] for i in chosen])
    score["by_kind"] = by_kind
    misses: Counter[str] = Counter()
    for record, level in zip(items, predicted, strict=True):
        if Sensitivity(level) < Sensitivity(record.sensitivity) and record.sensitivity != "pii":
            misses[record.family] += 1
    score["misses_by_family"] = dict(sorted(misses.items()))
    return score


def routing_table(score: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Header and rows of the row-level table (recall, exact recall, precision per level)."""

    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.3f}"

    header = ["level", "gold rows", "recall (>= level)", "recall (exact)", "precision"]
    rows = [
        [
            name,
            str(item["gold"]),
            show(item["recall"]),
            show(item["recall_exact"]),
            show(item["precision"]),
        ]
        for name, item in score["levels"].items()
    ]
    rows.append(
        [
            "negatives flagged (>= special)",
            str(score["negatives"]),
            f"{score['negatives_flagged']} ({show(score['negatives_flagged_share'])})",
            "",
            "",
        ]
    )
    return header, rows


def render_routing(score: dict[str, Any], console: Console, title: str = "row-level sensitivity") -> None:
    from rich.table import Table

    header, rows = routing_table(score)
    table = Table(title=title, title_justify="left")
    for name in header:
        table.add_column(name, justify="left" if name == "level" else "right")
    for row in rows:
        table.add_row(*row)
    console.print(table)
