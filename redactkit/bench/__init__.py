"""Measuring redaction quality on labeled samples."""

from .coverage import LabelRecall, full_coverage_recall, over_redaction

__all__ = ["LabelRecall", "full_coverage_recall", "over_redaction"]
