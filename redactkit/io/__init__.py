"""Reading and writing datasets: Parquet in, Parquet out, batch by batch."""

from .parquet import RedactionSummary, entities_type, redact_parquet, redact_record_batch

__all__ = ["RedactionSummary", "entities_type", "redact_parquet", "redact_record_batch"]
