"""Redact a Parquet file of transcripts with word timings *and* the audio they came from.

Per batch: the text pipeline finds entities (``redact_record_batch``, the same call as ``redactkit
redact``), the entities become time intervals (``add_redacted_intervals``), and each row's audio is
read, blanked inside its intervals and written to the output folder or to a binary column. Audio is
decoded one row at a time, so memory is bounded by the longest recording, not by the batch.
The output Parquet is written under a temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from ..errors import DataError
from ..io.parquet import ColumnOptions, RedactionSummary, redact_record_batch
from .arrow import AlignmentCounts, add_redacted_intervals, intervals_type
from .errors import AudioError, require_soundfile
from .intervals import Interval
from .options import AudioOptions
from .signal import redact_audio

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = ["AudioRedactionSummary", "redact_audio_parquet"]


@dataclass
class AudioRedactionSummary:
    """What an audio run did: text counts, alignment counts, audio counts. No PII."""

    text: RedactionSummary = field(default_factory=RedactionSummary)
    alignment: AlignmentCounts = field(default_factory=AlignmentCounts)
    audio_written: int = 0
    #: rows whose audio path or bytes are null (nothing to redact, output null)
    audio_missing: int = 0
    #: rows whose audio could not be read or written (only with ``on_error="skip"``; output null)
    audio_failed: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text.to_dict(),
            "alignment": self.alignment.to_dict(),
            "audio_written": self.audio_written,
            "audio_missing": self.audio_missing,
            "audio_failed": self.audio_failed,
            "seconds": round(self.seconds, 3),
        }


def redact_audio_parquet(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    text_column: str,
    timings_column: str,
    audio_column: str,
    pipeline: Pipeline | None = None,
    options: AudioOptions | None = None,
    *,
    audio_output_dir: str | os.PathLike[str] | None = None,
    audio_root: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    batch_rows: int = 64,
    on_error: Literal["fail", "skip"] = "fail",
    on_batch: Callable[[int], None] | None = None,
) -> AudioRedactionSummary:
    """Redact text, intervals and audio of a Parquet file.

    ``audio_column`` holds file paths (strings, relative ones resolved against ``audio_root``, by
    default the input file's folder) or the encoded audio itself (binary). Paths are redacted into
    ``audio_output_dir`` under the same relative path (an input outside the root: each ".." becomes
    ``_up``); bytes into the binary column ``<audio_column>_redacted``. For path input that column
    holds the written paths, relative to the output file's folder (absolute for absolute inputs), so
    they resolve the way input paths do, never against the working directory. Adds
    ``<text>_redacted``, ``<text>_entities`` and ``<text>_redacted_intervals`` too.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..pipeline import Pipeline

    require_soundfile()
    options = options or AudioOptions()
    source, target = Path(input_path), Path(output_path)
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
    schema = parquet.schema_arrow
    for name in (text_column, timings_column, audio_column):
        if name not in schema.names:
            raise DataError(f"{source}: no column {name!r}. Available columns: {', '.join(schema.names)}")
    audio_type = schema.field(audio_column).type
    as_paths = pa.types.is_string(audio_type) or pa.types.is_large_string(audio_type)
    if not as_paths and not (pa.types.is_binary(audio_type) or pa.types.is_large_binary(audio_type)):
        raise DataError(
            f"{source}: column {audio_column!r} is of type {audio_type}; it must hold audio file paths "
            "(string) or encoded audio (binary)"
        )
    if as_paths and audio_output_dir is None:
        raise DataError(
            f"column {audio_column!r} holds file paths: name a folder for the redacted audio "
            "(audio_output_dir=..., CLI: --audio-dir)"
        )
    root = Path(audio_root) if audio_root is not None else source.parent
    out_dir = Path(audio_output_dir) if audio_output_dir is not None else None
    redacted_audio = f"{audio_column}_redacted"
    pipe = pipeline or Pipeline.default()

    column_options = ColumnOptions(text_columns=(text_column,), sensitivity=pipe.sensitivity.options)
    summary = AudioRedactionSummary()
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.partial")
    seen_outputs: set[Path] = set()
    started = time.perf_counter()
    writer = None
    row_offset = 0
    try:
        for batch in parquet.iter_batches(batch_size=batch_rows):
            redacted = redact_record_batch(batch, text_column, pipe)
            summary.text.add_batch(redacted, column_options)
            audio = batch.column(audio_column).to_pylist()
            durations = [
                _duration(item, root, name=f"row {row_offset + i}, column {audio_column!r}")
                if item is not None
                else None
                for i, item in enumerate(audio)
            ]
            redacted = add_redacted_intervals(
                redacted, text_column, timings_column, options, durations=durations, counts=summary.alignment
            )
            redacted = _silence_withheld(redacted, f"{text_column}_redacted_intervals", column_options)
            interval_rows = redacted.column(f"{text_column}_redacted_intervals").to_pylist()
            written: list[Any] = []
            for i, (item, rows) in enumerate(zip(audio, interval_rows, strict=True)):
                name = f"row {row_offset + i}, column {audio_column!r}"
                if item is None:
                    summary.audio_missing += 1
                    written.append(None)
                    continue
                intervals = [Interval(r["start"], r["end"], r["label"]) for r in rows or ()]
                try:
                    if as_paths:
                        assert out_dir is not None
                        destination = _output_path(str(item), root, out_dir, seen_outputs, name)
                        partial = destination.with_name(f".{destination.name}.partial")
                        try:
                            redact_audio(_resolve(str(item), root), intervals, options, partial, name=name)
                            os.replace(partial, destination)
                        finally:
                            partial.unlink(missing_ok=True)
                        written.append(_written_path(str(item), destination, target.parent))
                    else:
                        written.append(redact_audio(bytes(item), intervals, options, name=name))
                    summary.audio_written += 1
                except AudioError:
                    if on_error == "fail":
                        raise
                    summary.audio_failed += 1
                    written.append(None)
            kind = pa.string() if as_paths else pa.binary()
            redacted = redacted.append_column(pa.field(redacted_audio, kind), pa.array(written, type=kind))
            if writer is None:
                out_schema = redacted.schema.with_metadata(schema.metadata)
                writer = pq.ParquetWriter(temporary, out_schema)
            writer.write_batch(pa.RecordBatch.from_arrays(redacted.columns, schema=out_schema))
            row_offset += batch.num_rows
            if on_batch is not None:
                on_batch(batch.num_rows)
        if writer is None:  # an empty file: still write the full output schema
            writer = pq.ParquetWriter(temporary, _empty_schema(schema, text_column, redacted_audio, as_paths))
        writer.close()
        writer = None
        os.replace(temporary, target)
    finally:
        if writer is not None:
            writer.close()
        if temporary.exists():
            temporary.unlink()
    summary.seconds = time.perf_counter() - started
    summary.text.seconds = summary.seconds
    return summary


def _empty_schema(schema: pa.Schema, text_column: str, audio_out: str, as_paths: bool) -> pa.Schema:
    import pyarrow as pa

    from ..io.parquet import entities_type

    return (
        schema.append(pa.field(f"{text_column}_redacted", pa.string()))
        .append(pa.field(f"{text_column}_entities", entities_type()))
        .append(pa.field(f"{text_column}_redacted_intervals", intervals_type()))
        .append(pa.field(audio_out, pa.string() if as_paths else pa.binary()))
        .with_metadata(schema.metadata)
    )


def _resolve(item: str, root: Path) -> Path:
    path = Path(item)
    return path if path.is_absolute() else root / path


#: stands for a ".." of an input path outside the audio root, in the redacted audio's path
OUTSIDE_ROOT = "_up"


def _output_path(item: str, root: Path, out_dir: Path, seen: set[Path], name: str) -> Path:
    """Where the redacted copy of ``item`` goes: its path relative to the audio root, under ``out_dir``.

    An input outside the root keeps a distinct path: each ".." becomes ``_up`` ("../a/x.wav" ->
    "_up/a/x.wav", "../b/x.wav" -> "_up/b/x.wav"), so two recordings never collide.
    """
    path = _resolve(item, root).resolve()
    relative = Path(os.path.relpath(path, root.resolve()))
    relative = Path(*(OUTSIDE_ROOT if part == ".." else part for part in relative.parts))
    destination = out_dir / relative
    if destination in seen:
        raise AudioError(
            f"{name}: a second row names the same audio file; audio redaction needs one row per "
            "recording (merge the rows of one recording first)"
        )
    seen.add(destination)
    destination.parent.mkdir(parents=True, exist_ok=True)
    return destination


def _written_path(item: str, destination: Path, output_folder: Path) -> str:
    """The value of ``<audio>_redacted``: resolved like the input paths, never against the cwd.

    Relative to the output Parquet's folder (the default ``--audio-root`` of a next run on that
    file), or absolute when the input path was absolute.
    """
    if Path(item).is_absolute():
        return str(destination.resolve())
    return Path(os.path.relpath(destination.resolve(), output_folder.resolve())).as_posix()


def _duration(item: Any, root: Path, *, name: str) -> float | None:
    """Length in seconds from the header only (the samples are decoded later, one row at a time)."""
    import io

    sf = require_soundfile()
    handle: Any = (
        io.BytesIO(bytes(item)) if isinstance(item, bytes | bytearray) else str(_resolve(str(item), root))
    )
    try:
        info = sf.info(handle)
    except (sf.LibsndfileError, RuntimeError, OSError, TypeError):
        return None  # reported when the row is redacted (fail or skip)
    return float(info.frames) / float(info.samplerate) if info.samplerate else None


def _silence_withheld(batch: pa.RecordBatch, intervals_name: str, options: ColumnOptions) -> pa.RecordBatch:
    """A row whose text the sensitivity policy withholds (``drop_text``, ``route``) is silenced
    whole, not only where its entities were said."""
    from ..io.parquet import _whole_intervals
    from ..sensitivity import Sensitivity, load_sensitivity_options

    if options.sensitivity_name not in batch.schema.names:
        return batch
    policy = load_sensitivity_options(options.sensitivity)
    levels = batch.column(options.sensitivity_name).to_pylist()
    withheld = {
        row: "" for row, level in enumerate(levels)
        if level not in (None, Sensitivity.NONE.value) and policy.action(level).withholds
    }  # fmt: skip
    if not withheld:
        return batch
    index = batch.schema.get_field_index(intervals_name)
    return batch.set_column(index, batch.schema.field(index), _whole_intervals(batch.column(index), withheld))
