"""Reading and writing datasets: Arrow batches, tables, Parquet files and dataset folders."""

from .dataset import default_workers, redact_parquet, report_path
from .parquet import (
    QUARANTINE_LABEL,
    QUARANTINE_OPERATOR,
    QUARANTINE_TEXT,
    RedactionSummary,
    entities_type,
    redact_record_batch,
    redact_table,
)

__all__ = [
    "QUARANTINE_LABEL",
    "QUARANTINE_OPERATOR",
    "QUARANTINE_TEXT",
    "RedactionSummary",
    "default_workers",
    "entities_type",
    "redact_parquet",
    "redact_record_batch",
    "redact_table",
    "report_path",
]
