"""Measuring redaction quality on labeled samples: ``redactkit bench`` and its Python API.

Read labeled data (:func:`read_labeled`), run it through redactkit and a baseline
(:func:`run_bench`), score it (:func:`evaluate`) and render the result (:mod:`.report`).
"""

from .baseline import PipelineSystem, PresidioBaseline, System
from .coverage import LabelRecall, full_coverage_recall, over_redaction
from .formats import FORMATS, LabeledExample, LabeledSpan, LabelMap, load_label_map, read_labeled
from .metrics import Estimate, EvalRow, LabelScores, Rate, Scores, evaluate
from .report import render_html, render_json, render_markdown, render_terminal, write_report
from .runner import BenchResult, Dataset, DatasetResult, SystemResult, run_bench, synthetic_dataset

__all__ = [
    "FORMATS",
    "BenchResult",
    "Dataset",
    "DatasetResult",
    "Estimate",
    "EvalRow",
    "LabelMap",
    "LabelRecall",
    "LabelScores",
    "LabeledExample",
    "LabeledSpan",
    "PipelineSystem",
    "PresidioBaseline",
    "Rate",
    "Scores",
    "System",
    "SystemResult",
    "evaluate",
    "full_coverage_recall",
    "load_label_map",
    "over_redaction",
    "read_labeled",
    "render_html",
    "render_json",
    "render_markdown",
    "render_terminal",
    "run_bench",
    "synthetic_dataset",
    "write_report",
]
