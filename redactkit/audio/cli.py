"""``redactkit audio``: redact recordings with their transcripts, import recogniser JSON.

Registered on the main app by ``redactkit.cli``; errors print one line naming the problem and the fix
(exit 2 for bad input or config, 1 for a processing failure) and never print transcript text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.console import Console
from rich.table import Table

from .._cli import USAGE_ERRORS, ConfigOption, fail
from ..errors import ConfigError, RedactkitError

__all__ = ["audio_app"]

audio_app = typer.Typer(
    help="Redact audio with word timings; import Whisper / AWS Transcribe JSON.",
    no_args_is_help=True,
)

out = Console()
err = Console(stderr=True)


def _fail(exc: RedactkitError) -> typer.Exit:
    # a missing audio extra is an install problem, told apart from a failed run like bad input
    return fail(exc, (*USAGE_ERRORS, ImportError))


@audio_app.command("redact")
def redact(
    input_path: Annotated[Path, typer.Argument(metavar="INPUT", help="Parquet with text, timings, audio.")],
    output_path: Annotated[Path, typer.Argument(metavar="OUTPUT", help="Parquet file to write.")],
    text_column: Annotated[
        str, typer.Option("--text-column", "-t", help="Transcript column.")
    ] = "transcript",
    timings_column: Annotated[
        str, typer.Option("--timings-column", help="Word timings: list<struct<word, start, end>>.")
    ] = "words",
    audio_column: Annotated[
        str, typer.Option("--audio-column", help="Audio file paths (string) or encoded audio (binary).")
    ] = "audio_path",
    audio_dir: Annotated[
        Path | None, typer.Option("--audio-dir", help="Folder for redacted audio files (path columns).")
    ] = None,
    audio_root: Annotated[
        Path | None,
        typer.Option("--audio-root", help="Base of relative audio paths (default: INPUT's folder)."),
    ] = None,
    config: ConfigOption = None,
    audio_config: Annotated[
        Path | None, typer.Option("--audio-config", help="Audio options YAML (padding, mode, beep...).")
    ] = None,
    mode: Annotated[str | None, typer.Option(help="beep or silence (overrides --audio-config).")] = None,
    padding: Annotated[float | None, typer.Option(help="Seconds added around each interval.")] = None,
    merge_gap: Annotated[float | None, typer.Option(help="Merge intervals closer than this (s).")] = None,
    beep_frequency: Annotated[float | None, typer.Option(help="Beep tone in Hz.")] = None,
    beep_level_db: Annotated[float | None, typer.Option(help="Beep level in dBFS (<= 0).")] = None,
    on_error: Annotated[
        str, typer.Option(help="fail: stop on unreadable audio; skip: write null for that row and count it.")
    ] = "fail",
    overwrite: Annotated[bool, typer.Option(help="Replace OUTPUT if it exists.")] = False,
    report: Annotated[Path | None, typer.Option(help="Also write the summary as JSON (counts only).")] = None,
) -> None:
    """Redact transcripts and their audio: entities -> time intervals -> beep or silence.

    Adds <text>_redacted, <text>_entities, <text>_redacted_intervals and <audio>_redacted.

    \b
    Example:
      redactkit audio redact calls.parquet calls.redacted.parquet --audio-dir redacted_audio
    """
    from .engine import redact_audio_parquet
    from .errors import require_soundfile
    from .options import load_audio_options

    try:
        require_soundfile()  # before loading any model: fail fast without the extra
        options = load_audio_options(audio_config)
        overrides = {
            key: value
            for key, value in {
                "mode": mode,
                "padding": padding,
                "merge_gap": merge_gap,
                "beep_frequency": beep_frequency,
                "beep_level_db": beep_level_db,
            }.items()
            if value is not None
        }
        if overrides:
            options = load_audio_options({**options.model_dump(), **overrides})
        if on_error not in ("fail", "skip"):
            raise ConfigError(f"--on-error must be fail or skip, not {on_error!r}", example="--on-error skip")
        policy: Literal["fail", "skip"] = "skip" if on_error == "skip" else "fail"
        pipe = _pipeline(config)
        total = _row_count(input_path)
        with _Progress(total) as advance:
            summary = redact_audio_parquet(
                input_path,
                output_path,
                text_column,
                timings_column,
                audio_column,
                pipe,
                options,
                audio_output_dir=audio_dir,
                audio_root=audio_root,
                overwrite=overwrite,
                on_error=policy,
                on_batch=advance,
            )
    except RedactkitError as exc:
        raise _fail(exc) from None
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(summary.to_dict(), indent=2) + "\n", encoding="utf-8")
    _print_summary(summary, output_path)


def _pipeline(config: Path | None) -> Any:
    """Build and warm up the text pipeline (own copy: the main CLI module changes independently)."""
    import contextlib

    from ..pipeline import Pipeline

    with err.status("loading models", spinner="dots") if err.is_terminal else contextlib.nullcontext():
        return Pipeline.from_config(config).warm_up()


def _row_count(path: Path) -> int | None:
    try:
        import pyarrow.parquet as pq

        return int(pq.ParquetFile(path).metadata.num_rows)
    except Exception:
        return None


class _Progress:
    """A rich progress bar on a terminal, nothing otherwise; yields the per-batch callback."""

    def __init__(self, total: int | None) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if not err.is_terminal or self.total is None:
            return lambda rows: None
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(
            TextColumn("redacting audio"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        self.bar.__enter__()
        task = self.bar.add_task("audio", total=self.total)
        return lambda rows: self.bar.advance(task, rows)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)


def _print_summary(summary: Any, output_path: Path) -> None:
    out.print(f"wrote {output_path}", highlight=False, markup=False)
    table = Table(show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    text, align = summary.text, summary.alignment
    rows = [
        ("rows", text.rows),
        ("rows with PII", text.rows_with_pii),
        ("null or empty rows", text.null_or_empty),
        ("rows with intervals", align.rows_with_intervals),
        ("intervals", align.intervals),
        ("seconds redacted", f"{align.seconds_redacted:,.2f}"),
        ("timing words", align.words),
        ("unaligned timing words", align.unaligned_words),
        ("timing words without valid times", align.invalid_words),
        ("transcript tokens without time", align.untimed_tokens),
        ("  of which ambiguous repeats", align.ambiguous_tokens),
        ("approximate matches", align.approximate),
        ("rows redacted whole (no alignment)", align.rows_without_alignment),
        ("rows redacted whole (not processed)", align.rows_unprocessed),
        ("audio written", summary.audio_written),
        ("audio missing (null)", summary.audio_missing),
        ("audio failed (skipped)", summary.audio_failed),
    ]
    for name, value in rows:
        table.add_row(name, f"{value:,}" if isinstance(value, int) else str(value))
    out.print(table)


def _import(
    rows: list[dict[str, Any]],
    sources: list[Path],
    output: Path,
    audio_ext: str | None,
    audio_dir: Path | None,
    text_column: str,
    timings_column: str,
) -> None:
    from .importers import write_rows_parquet

    extra: dict[str, list[Any]] = {"source": [path.name for path in sources]}
    if audio_ext is not None:
        ext = audio_ext if audio_ext.startswith(".") else f".{audio_ext}"
        folder = audio_dir
        extra["audio_path"] = [
            str((folder if folder is not None else path.parent) / (path.stem + ext)) for path in sources
        ]
    count = write_rows_parquet(
        rows, output, text_column=text_column, timings_column=timings_column, extra_columns=extra
    )
    words = sum(len(row["words"]) for row in rows)
    untimed = sum(1 for row in rows for word in row["words"] if word["start"] is None or word["end"] is None)
    out.print(
        f"wrote {output}: {count:,} rows, {words:,} words ({untimed:,} without times)",
        highlight=False,
        markup=False,
    )


ImportFiles = Annotated[
    list[Path], typer.Argument(metavar="JSON...", help="Recogniser JSON files, one per recording.")
]
ImportOutput = Annotated[Path, typer.Option("--output", "-o", help="Parquet file to write.")]
AudioExt = Annotated[
    str | None, typer.Option("--audio-ext", help="Add audio_path = <json stem><ext>, e.g. .wav.")
]
AudioDir = Annotated[
    Path | None, typer.Option("--audio-dir", help="Folder of the audio files (default: next to each JSON).")
]
TextColumn = Annotated[str, typer.Option("--text-column", "-t", help="Name of the transcript column.")]
TimingsColumn = Annotated[str, typer.Option("--timings-column", help="Name of the word-timing column.")]


@audio_app.command("import-whisper")
def import_whisper(
    files: ImportFiles,
    output: ImportOutput,
    audio_ext: AudioExt = None,
    audio_dir: AudioDir = None,
    text_column: TextColumn = "transcript",
    timings_column: TimingsColumn = "words",
) -> None:
    """Whisper / WhisperX JSON (segments with words) -> Parquet with text and word timings.

    \b
    Example:
      redactkit audio import-whisper calls/*.json -o calls.parquet --audio-ext .wav
    """
    from .importers import read_json, whisper_row

    try:
        rows = [whisper_row(read_json(path), source=str(path)) for path in files]
        _import(rows, files, output, audio_ext, audio_dir, text_column, timings_column)
    except RedactkitError as exc:
        raise _fail(exc) from None


@audio_app.command("import-aws")
def import_aws(
    files: ImportFiles,
    output: ImportOutput,
    audio_ext: AudioExt = None,
    audio_dir: AudioDir = None,
    text_column: TextColumn = "transcript",
    timings_column: TimingsColumn = "words",
) -> None:
    """AWS Transcribe JSON (results.items) -> Parquet with text and word timings.

    \b
    Example:
      redactkit audio import-aws jobs/*.json -o calls.parquet --audio-ext .flac --audio-dir recordings
    """
    from .importers import aws_transcribe_row, read_json

    try:
        rows = [aws_transcribe_row(read_json(path), source=str(path)) for path in files]
        _import(rows, files, output, audio_ext, audio_dir, text_column, timings_column)
    except RedactkitError as exc:
        raise _fail(exc) from None


@audio_app.command("options")
def show_options(
    audio_config: Annotated[
        Path | None, typer.Argument(help="Audio options YAML to check and resolve.")
    ] = None,
) -> None:
    """Print the resolved audio options as YAML (defaults filled in).

    \b
    Example:
      redactkit audio options audio.yaml
    """
    from .options import load_audio_options

    try:
        sys.stdout.write(load_audio_options(audio_config).to_yaml())
    except RedactkitError as exc:
        raise _fail(exc) from None
