"""Arrow helpers: the ``<column>_redacted_intervals`` column from text, entities and word timings.

:func:`add_redacted_intervals` is a pure function of one record batch that already carries the
``<column>_entities`` column written by the Parquet engine, so the engine can call it per batch.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DataError
from .intervals import Interval, entity_intervals
from .options import AudioOptions
from .timing import Alignment, align_words, parse_timings

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "AlignmentCounts",
    "add_redacted_intervals",
    "check_timings_type",
    "count_alignment",
    "intervals_array",
    "intervals_type",
    "row_intervals",
    "timings_type",
]


def intervals_type() -> pa.DataType:
    """``list<struct<start: double, end: double, label: string>>``."""
    import pyarrow as pa

    return pa.list_(pa.struct([("start", pa.float64()), ("end", pa.float64()), ("label", pa.string())]))


def timings_type() -> pa.DataType:
    """``list<struct<word: string, start: double, end: double>>``, seconds from the audio start."""
    import pyarrow as pa

    return pa.list_(pa.struct([("word", pa.string()), ("start", pa.float64()), ("end", pa.float64())]))


@dataclass
class AlignmentCounts:
    """Alignment quality over a run, for the report: counts only, no text."""

    rows: int = 0
    #: rows whose entities were placed in time
    rows_with_intervals: int = 0
    #: rows whose entities column is null although the text is not: redacted whole (fail closed)
    rows_unprocessed: int = 0
    #: rows with entities but no timed word: redacted whole (fail closed)
    rows_without_alignment: int = 0
    words: int = 0
    unaligned_words: int = 0
    invalid_words: int = 0
    untimed_tokens: int = 0
    #: tokens whose timing word was ambiguous (a repeat next to a gap): untimed or widened
    ambiguous_tokens: int = 0
    approximate: int = 0
    intervals: int = 0
    seconds_redacted: float = 0.0

    def add_alignment(self, alignment: Alignment) -> None:
        self.words += alignment.words
        self.unaligned_words += alignment.unaligned_words
        self.invalid_words += alignment.invalid_words
        self.untimed_tokens += alignment.untimed_tokens
        self.ambiguous_tokens += alignment.ambiguous_tokens
        self.approximate += alignment.approximate

    def merge(self, other: AlignmentCounts) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    @property
    def aligned_words(self) -> int:
        """Timing words matched to a transcript token."""
        return self.words - self.unaligned_words

    def to_dict(self) -> dict[str, Any]:
        data = {
            name: round(value, 3) if isinstance(value, float) else value for name, value in vars(self).items()
        }
        data["aligned_words"] = self.aligned_words
        return data


def _entity_spans(entities: Sequence[dict[str, Any]] | None) -> list[tuple[int, int, str]]:
    return [(int(e["start"]), int(e["end"]), str(e["label"])) for e in entities or ()]


def row_intervals(
    text: str | None,
    entities: Sequence[dict[str, Any]] | None,
    timings: Sequence[Any] | None,
    options: AudioOptions,
    duration: float | None = None,
    counts: AlignmentCounts | None = None,
) -> list[Interval] | None:
    """Intervals of one row, or ``None`` for a null transcript (nothing is known about it).

    A non-empty text whose entities are ``None`` was not processed by the text engine: the whole
    utterance is returned (fail closed).
    """
    counts = counts if counts is not None else AlignmentCounts()
    counts.rows += 1
    if text is None:
        return None
    alignment = align_words(text, parse_timings(timings))
    counts.add_alignment(alignment)
    spans = _entity_spans(entities)
    if entities is None and text.strip():
        counts.rows_unprocessed += 1
        spans = [(0, len(text), "UNPROCESSED")]
        alignment = Alignment(tokens=(), token_times=())
    if not spans:
        return []
    if not alignment.any_aligned and entities is not None:
        counts.rows_without_alignment += 1
    intervals = entity_intervals(alignment, spans, options, duration)
    counts.rows_with_intervals += 1
    counts.intervals += len(intervals)
    counts.seconds_redacted += sum(i.end - i.start for i in intervals if i.end != float("inf"))
    return intervals


def add_redacted_intervals(
    batch: pa.RecordBatch,
    text_column: str,
    timings_column: str,
    options: AudioOptions | None = None,
    *,
    entities_column: str | None = None,
    output_column: str | None = None,
    durations: Sequence[float | None] | None = None,
    counts: AlignmentCounts | None = None,
) -> pa.RecordBatch:
    """Append ``<text_column>_redacted_intervals`` computed from the text, entities and timings columns.

    ``durations`` (seconds per row, when the audio is known) clips intervals to the audio; ``counts``
    accumulates alignment statistics across batches. Rows in = rows out, in order.
    """
    import pyarrow as pa

    options = options or AudioOptions()
    entities_name = entities_column or f"{text_column}_entities"
    output_name = output_column or f"{text_column}_redacted_intervals"
    for name in (text_column, entities_name, timings_column):
        if name not in batch.schema.names:
            available = ", ".join(batch.schema.names)
            raise DataError(f"record batch: no column {name!r}. Available columns: {available}")
    text_kind = batch.schema.field(text_column).type
    if not (pa.types.is_string(text_kind) or pa.types.is_large_string(text_kind)):
        raise DataError(f"column {text_column!r} is of type {text_kind}, not a string column")
    check_timings_type(batch.schema, timings_column, source="record batch")
    if output_name in batch.schema.names:
        raise DataError(f"output column {output_name!r} already exists in the input; choose another name")
    if durations is not None and len(durations) != batch.num_rows:
        raise DataError(f"got {len(durations)} durations for {batch.num_rows} rows")
    column = intervals_array(
        batch.column(text_column).to_pylist(),
        batch.column(entities_name).to_pylist(),
        batch.column(timings_column).to_pylist(),
        options,
        durations=durations,
        counts=counts,
    )
    return batch.append_column(pa.field(output_name, intervals_type()), column)


def intervals_array(
    texts: Sequence[str | None],
    entities: Sequence[Sequence[dict[str, Any]] | None],
    timings: Sequence[Any],
    options: AudioOptions,
    *,
    durations: Sequence[float | None] | None = None,
    counts: AlignmentCounts | None = None,
) -> pa.Array:
    """The ``list<struct<start, end, label>>`` array of one batch: one row per text, in order."""
    import pyarrow as pa

    rows = []
    for index, (text, found, words) in enumerate(zip(texts, entities, timings, strict=True)):
        duration = None if durations is None else durations[index]
        intervals = row_intervals(text, found, words, options, duration, counts)
        rows.append(None if intervals is None else [i._asdict() for i in intervals])
    return pa.array(rows, type=intervals_type())


def check_timings_type(schema: pa.Schema, column: str, *, source: str) -> None:
    """Fail with a DataError naming ``source`` unless ``column`` holds word timings."""
    import pyarrow as pa

    if column not in schema.names:
        available = ", ".join(schema.names) or "(none)"
        raise DataError(f"{source}: no timings column {column!r}. Available columns: {available}")
    kind = schema.field(column).type
    if not (pa.types.is_list(kind) or pa.types.is_large_list(kind)) or not pa.types.is_struct(
        kind.value_type
    ):
        raise DataError(
            f"{source}: column {column!r} is of type {kind}; word timings must be "
            "list<struct<word: string, start: double, end: double>>"
        )
    missing = {"word", "start", "end"} - {field.name for field in kind.value_type}
    if missing:
        raise DataError(f"{source}: column {column!r} lacks the struct field(s) {', '.join(sorted(missing))}")


def count_alignment(
    texts: Sequence[str | None] | None,
    entities: Sequence[Sequence[dict[str, Any]] | None],
    timings: Sequence[Sequence[Any] | None],
    intervals: Sequence[Sequence[dict[str, Any]] | None],
    counts: AlignmentCounts,
) -> None:
    """Add one output batch to ``counts``: how well its timings aligned and what was placed in time.

    ``texts`` are the original transcripts; ``None`` when they were redacted in place (then only the
    interval counts are known, not how the words aligned).
    """
    for index, (found, words, placed) in enumerate(zip(entities, timings, intervals, strict=True)):
        counts.rows += 1
        text = texts[index] if texts is not None else None
        if text is not None:
            alignment = align_words(text, parse_timings(words))
            counts.add_alignment(alignment)
            if found is None and text.strip():
                counts.rows_unprocessed += 1
            elif found and not alignment.any_aligned:
                counts.rows_without_alignment += 1
        if placed:
            counts.rows_with_intervals += 1
            counts.intervals += len(placed)
            counts.seconds_redacted += sum(
                float(item["end"]) - float(item["start"])
                for item in placed
                if math.isfinite(float(item["end"]))
            )
