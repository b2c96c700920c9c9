"""Human review of a redacted dataset: sample, check in a local web page, export gold, estimate recall.

``redactkit review`` builds a review folder (a stratified sample of a redacted dataset with its
entities), ``redactkit review serve`` shows it on a local page where a reviewer accepts rows, marks
missed values and over-redactions, and the export turns the decisions into labeled JSONL that
``redactkit bench`` scores (and training reads), with a summary: misses per label, estimated recall
with a 95 % interval, over-redaction rate.

The review folder, the page and the JSONL export hold transcript text by design; summaries, logs and
CLI output never do.
"""

from .build import STRATIFY, BuildResult, build_review, label_choices
from .export import GoldSpan, gold_spans, reviewed_examples, summarize, wilson_interval, write_reviewed_jsonl
from .html import write_static_html
from .server import LOOPBACK, ReviewServer, export_review
from .store import Decision, Miss, ReviewSet

__all__ = [
    "LOOPBACK",
    "STRATIFY",
    "BuildResult",
    "Decision",
    "GoldSpan",
    "Miss",
    "ReviewServer",
    "ReviewSet",
    "build_review",
    "export_review",
    "gold_spans",
    "label_choices",
    "reviewed_examples",
    "summarize",
    "wilson_interval",
    "write_reviewed_jsonl",
    "write_static_html",
]
