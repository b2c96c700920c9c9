"""Redact a Parquet file batch by batch, keeping every row, every column and the schema.

The file is streamed with ``ParquetFile.iter_batches`` and written with one ``ParquetWriter``, so
memory stays bounded by the batch size whatever the file size. Output goes to a temporary name in the
destination folder and is renamed only when complete: a killed run leaves nothing that looks done.
"""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..core import RedactionResult
from ..errors import DataError

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = [
    "ENTITY_STRUCT_FIELDS",
    "RedactionSummary",
    "entities_type",
    "redact_parquet",
    "redact_record_batch",
]

#: Fields of one entry of the ``<column>_entities`` list column.
ENTITY_STRUCT_FIELDS: tuple[tuple[str, str], ...] = (
    ("start", "int32"),
    ("end", "int32"),
    ("label", "string"),
    ("operator", "string"),
    ("score", "float32"),
    ("detector", "string"),
)


def entities_type() -> pa.DataType:
    """Arrow type of the entities column: ``list<struct<start, end, label, operator, score, detector>>``."""
    import pyarrow as pa

    return pa.list_(pa.struct([pa.field(name, getattr(pa, kind)()) for name, kind in ENTITY_STRUCT_FIELDS]))


@dataclass
class RedactionSummary:
    """What a redaction run did, without any PII: counts only."""

    rows: int = 0
    rows_with_pii: int = 0
    null_or_empty: int = 0
    entities_by_label: Counter[str] = field(default_factory=Counter)
    entities_by_operator: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def rows_per_second(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def add(self, results: Sequence[RedactionResult]) -> None:
        self.rows += len(results)
        for result in results:
            if not result.text:
                self.null_or_empty += 1
            if result.entities:
                self.rows_with_pii += 1
                for entity in result.entities:
                    self.entities_by_label[entity.label] += 1
                    self.entities_by_operator[entity.operator] += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "rows_with_pii": self.rows_with_pii,
            "null_or_empty": self.null_or_empty,
            "entities_by_label": dict(sorted(self.entities_by_label.items())),
            "entities_by_operator": dict(sorted(self.entities_by_operator.items())),
            "seconds": round(self.seconds, 3),
            "rows_per_second": round(self.rows_per_second, 1),
        }


def redact_record_batch(
    batch: pa.RecordBatch,
    pipeline: Pipeline,
    text_column: str,
    *,
    redacted_column: str | None = None,
    entities_column: str | None = None,
) -> tuple[pa.RecordBatch, list[RedactionResult]]:
    """Redact one Arrow record batch; return it with the redacted and entities columns appended."""
    import pyarrow as pa

    _check_column(batch.schema, text_column, source="record batch")
    texts = batch.column(text_column).to_pylist()
    results = pipeline.redact_batch(texts)
    redacted = pa.array([result.text for result in results], type=pa.string())
    entities = pa.array(
        [
            None
            if result.text is None
            else [
                {
                    "start": entity.start,
                    "end": entity.end,
                    "label": entity.label,
                    "operator": entity.operator,
                    "score": entity.score,
                    "detector": entity.detector,
                }
                for entity in result.entities
            ]
            for result in results
        ],
        type=entities_type(),
    )
    redacted_name = redacted_column or f"{text_column}_redacted"
    entities_name = entities_column or f"{text_column}_entities"
    for name in (redacted_name, entities_name):
        if name in batch.schema.names:
            raise DataError(f"output column {name!r} already exists in the input; choose another name")
    out = batch.append_column(pa.field(redacted_name, pa.string()), redacted)
    out = out.append_column(pa.field(entities_name, entities_type()), entities)
    return out, results


def redact_parquet(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    text_column: str,
    pipeline: Pipeline | None = None,
    *,
    overwrite: bool = False,
    batch_rows: int | None = None,
    on_batch: Callable[[int], None] | None = None,
) -> RedactionSummary:
    """Redact ``text_column`` of a Parquet file into a new Parquet file.

    Adds ``<text_column>_redacted`` and ``<text_column>_entities``; every input column, its type,
    nullability and the schema metadata are kept, rows stay in order. ``on_batch`` is called with the
    number of rows after each batch (progress bars use it).
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..pipeline import Pipeline

    source = Path(input_path)
    target = Path(output_path)
    if not source.is_file():
        raise DataError(f"input {source} does not exist or is not a file")
    if target.exists() and not overwrite:
        raise DataError(
            f"output {target} already exists; pass overwrite=True (CLI: --overwrite) to replace it"
        )
    try:
        parquet = pq.ParquetFile(source)
    except (pa.ArrowInvalid, OSError) as exc:
        raise DataError(f"input {source} is not a readable Parquet file ({type(exc).__name__})") from None
    _check_column(parquet.schema_arrow, text_column, source=str(source))
    pipe = pipeline or Pipeline.default()
    rows = batch_rows or pipe.batch_size * 4

    out_schema = parquet.schema_arrow
    out_schema = out_schema.append(pa.field(f"{text_column}_redacted", pa.string()))
    out_schema = out_schema.append(pa.field(f"{text_column}_entities", entities_type()))
    out_schema = out_schema.with_metadata(parquet.schema_arrow.metadata)

    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    summary = RedactionSummary()
    started = time.perf_counter()
    try:
        with pq.ParquetWriter(temporary, out_schema) as writer:
            for batch in parquet.iter_batches(batch_size=rows):
                redacted, results = redact_record_batch(batch, pipe, text_column)
                writer.write_batch(pa.RecordBatch.from_arrays(redacted.columns, schema=out_schema))
                summary.add(results)
                if on_batch is not None:
                    on_batch(batch.num_rows)
        os.replace(temporary, target)
    finally:
        if temporary.exists():
            temporary.unlink()
    summary.seconds = time.perf_counter() - started
    return summary


def _check_column(schema: pa.Schema, column: str, *, source: str) -> None:
    import pyarrow as pa

    if column not in schema.names:
        available = ", ".join(schema.names) or "(none)"
        raise DataError(f"{source}: no column {column!r}. Available columns: {available}")
    kind = schema.field(column).type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind)):
        raise DataError(f"{source}: column {column!r} is of type {kind}, not a string column")
