"""The ``redactkit`` command line.

Errors print one line naming the problem and the fix and exit with status 2 (bad input or config) or
1 (processing failure); they never print transcript text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from .errors import ConfigError, DataError, ModelNotFoundError, RedactkitError

app = typer.Typer(
    name="redactkit",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)
config_app = typer.Typer(help="Show or check pipeline configurations.", no_args_is_help=True)
app.add_typer(config_app, name="config")
from .audio.cli import audio_app  # noqa: E402  (needs only typer/rich; soundfile loads on use)

app.add_typer(audio_app, name="audio")
from .models_cli import models_app  # noqa: E402

app.add_typer(models_app, name="models")

out = Console()
err = Console(stderr=True)

ConfigOption = Annotated[
    Path | None,
    typer.Option("--config", "-c", help="Pipeline YAML; keys left out take the default values."),
]


def _version_callback(value: bool) -> None:
    if value:
        out.print(f"redactkit {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version_callback, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Find and redact PII in speech transcripts as ASR writes them.

    \b
    Examples:
      redactkit demo
      redactkit redact calls.parquet calls.redacted.parquet --text-column transcript
      redactkit analyze "call john smith on five five five one two three four"
      redactkit config show
    """


def _fail(exc: RedactkitError) -> typer.Exit:
    code = 2 if isinstance(exc, ConfigError | DataError | ModelNotFoundError) else 1
    err.print(f"error: {type(exc).__name__}: {exc}", highlight=False, markup=False, soft_wrap=True)
    return typer.Exit(code)


def _interrupted(exc: KeyboardInterrupt, output_path: Path) -> typer.Exit:
    """One line and the conventional status 128 + signal number (130 for Ctrl-C)."""
    import signal

    from .errors import RunInterrupted

    signum = exc.signum if isinstance(exc, RunInterrupted) else signal.SIGINT
    name = signal.Signals(signum).name
    err.print(
        f"interrupted ({name}): workers stopped, partial files removed; run the same command again "
        f"to {'resume' if output_path.is_dir() else 'redo it'}",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    return typer.Exit(128 + int(signum))


def _nullcontext() -> Any:
    import contextlib

    return contextlib.nullcontext()


def _pipeline(config: Path | None, *, warm_up: bool = True) -> Any:
    from .pipeline import Pipeline

    if not warm_up:  # worker processes load the models themselves
        return Pipeline.from_config(config)
    with err.status("loading models", spinner="dots") if err.is_terminal else _nullcontext():
        return Pipeline.from_config(config).warm_up()


@app.command()
def redact(
    input_path: Annotated[
        Path, typer.Argument(metavar="INPUT", help="Parquet file, or dataset folder (hive partitions kept).")
    ],
    output_path: Annotated[
        Path, typer.Argument(metavar="OUTPUT", help="Parquet file, or folder mirroring INPUT.")
    ],
    text_column: Annotated[
        list[str],
        typer.Option(
            "--text-column", "-t", metavar="COLUMN", help="Column holding transcripts; repeat for several."
        ),
    ],
    config: ConfigOption = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Worker processes, each loading the models once [default: CPU count].",
        ),
    ] = None,
    batch_rows: Annotated[
        int | None,
        typer.Option("--batch-rows", min=1, help="Rows per record batch [default: 4 x batch_size]."),
    ] = None,
    group_column: Annotated[
        str | None,
        typer.Option("--group-column", "-g", help="Conversation/session id, for group-scoped pseudonyms."),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Replace the text column instead of adding <col>_redacted.")
    ] = False,
    redacted_name: Annotated[
        str, typer.Option("--redacted-name", help="Name of the redacted column; {column} is the text column.")
    ] = "{column}_redacted",
    entities_name: Annotated[
        str, typer.Option("--entities-name", help="Name of the entities column; {column} is the text column.")
    ] = "{column}_entities",
    on_error: Annotated[
        str,
        typer.Option(
            "--on-error",
            metavar="[fail|quarantine]",
            help="fail: stop, write nothing for the file. quarantine: mask the row's whole text and "
            "record its row id and error class (no text) in a side file.",
        ),
    ] = "fail",
    id_column: Annotated[
        str | None, typer.Option("--id-column", help="Row id written to quarantine records.")
    ] = None,
    timings_column: Annotated[
        str | None,
        typer.Option(
            "--timings-column",
            help="Word timings list<struct<word,start,end>> of the text column: adds "
            "<column>_redacted_intervals, the seconds an audio redaction must blank.",
        ),
    ] = None,
    audio_config: Annotated[
        Path | None,
        typer.Option(
            "--audio-config", help="YAML of audio options (padding, merge_gap, ...) for the intervals."
        ),
    ] = None,
    overwrite: Annotated[bool, typer.Option(help="Replace OUTPUT if it exists.")] = False,
    engine: Annotated[
        str,
        typer.Option(
            "--engine",
            metavar="[local|ray]",
            help="local: worker processes on this machine. ray: Ray actors (pip install "
            "'redactkit[ray]'); same output.",
        ),
    ] = "local",
    address: Annotated[
        str | None,
        typer.Option(
            "--address",
            help="Ray cluster to join (e.g. auto, ray://head:10001) [default: start a local one].",
        ),
    ] = None,
) -> None:
    """Redact Parquet: adds <column>_redacted and <column>_entities, keeps everything else.

    INPUT may be one file or a dataset folder; a folder is mirrored file by file into OUTPUT. Output
    files appear only when complete; running the same command again after an interruption resumes a
    folder run, skipping finished files. A JSON run report is written beside the output.

    \b
    Examples:
      redactkit redact calls.parquet calls.redacted.parquet --text-column transcript
      redactkit redact calls/ calls_redacted/ -t transcript --workers 4 --config policy.yaml
      redactkit redact calls/ out/ -t agent_text -t caller_text --group-column call_id
      redactkit redact calls.parquet out.parquet -t transcript --in-place --on-error quarantine
      redactkit redact calls.parquet out.parquet -t transcript --timings-column words
      redactkit redact calls/ out/ -t transcript --engine ray --address auto
    """
    if on_error not in ("fail", "quarantine"):
        err.print("error: --on-error must be fail or quarantine", highlight=False, markup=False)
        raise typer.Exit(2)
    if engine not in ("local", "ray") or (address is not None and engine != "ray"):
        err.print("error: --engine must be local or ray; --address needs --engine ray", markup=False)
        raise typer.Exit(2)
    from .io._signals import stop_on_signals

    try:
        with stop_on_signals():  # from here on SIGTERM/SIGHUP unwind like Ctrl-C
            summary = _redact(
                input_path,
                output_path,
                text_column,
                config,
                engine=engine,
                address=address,
                workers=workers,
                overwrite=overwrite,
                batch_rows=batch_rows,
                group_column=group_column,
                in_place=in_place,
                redacted_column=redacted_name,
                entities_column=entities_name,
                on_error=on_error,
                id_column=id_column,
                timings_column=timings_column,
                audio_options=audio_config,
            )
    except RedactkitError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (RunInterrupted)
        raise _interrupted(exc, output_path) from None
    _print_summary(summary, output_path)


def _redact(
    input_path: Path,
    output_path: Path,
    text_column: list[str],
    config: Path | None,
    *,
    engine: str,
    address: str | None,
    workers: int | None,
    **options: Any,
) -> Any:
    """Build the pipeline (its models load later, inside redact_parquet, after the input, the output
    location and the lock are checked: a bad path fails in a second) and run."""
    engine_options = _engine_options(engine, address, workers)
    workers = engine_options.pop("workers", workers)
    pipe = _pipeline(config, warm_up=False)
    return _run_with_progress(
        input_path, output_path, text_column, pipe, workers=workers, **options, **engine_options
    )


def _engine_options(engine: str, address: str | None, workers: int | None) -> dict[str, Any]:
    """redact_parquet's pool options: Ray actors (as many as the cluster has CPUs) or nothing."""
    if engine == "local":
        return {}
    from .integrations.ray import cluster_cpus, ensure_ray, ray_pool_factory

    ray = ensure_ray(address, workers)
    return {
        "engine": "ray",
        "workers": workers or cluster_cpus(ray),
        "pool_factory": ray_pool_factory(address),
    }


def _run_with_progress(
    input_path: Path, output_path: Path, text_column: str | list[str], pipe: Any, **options: Any
) -> Any:
    from .io import redact_parquet

    if not err.is_terminal:
        return redact_parquet(input_path, output_path, text_column, pipe, **options)
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RowsPerSecond(ProgressColumn):
        def render(self, task: Task) -> Text:
            return Text(f"{task.speed:,.0f} rows/s" if task.speed else "- rows/s")

    with Progress(
        TextColumn("redacting"),
        BarColumn(),
        MofNCompleteColumn(),
        RowsPerSecond(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("redact", total=None)
        return redact_parquet(
            input_path,
            output_path,
            text_column,
            pipe,
            on_start=lambda total: progress.update(task, total=total),
            on_batch=lambda rows: progress.advance(task, rows),
            **options,
        )


def _print_summary(summary: Any, output_path: Path) -> None:
    from .io import report_path

    out.print(f"wrote {output_path}", highlight=False, markup=False)
    table = Table(show_header=True)
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("rows", f"{summary.rows:,}")
    table.add_row("rows with PII", f"{summary.rows_with_pii:,}")
    table.add_row("null or empty rows", f"{summary.null_or_empty:,}")
    table.add_row("rows with errors (quarantined)", f"{summary.errors:,}")
    table.add_row("entities per label", "")
    for label, count in sorted(summary.entities_by_label.items()):
        table.add_row(f"  {label}", f"{count:,}")
    table.add_row("entities per operator", "")
    for operator, count in sorted(summary.entities_by_operator.items()):
        table.add_row(f"  {operator}", f"{count:,}")
    if summary.files_skipped:
        table.add_row("files skipped (already complete)", f"{summary.files_skipped:,}")
    table.add_row("files written", f"{summary.files_written:,}")
    table.add_row("throughput", f"{summary.rows_per_second:,.0f} rows/s")
    out.print(table)
    report = report_path(output_path, directory=output_path.is_dir())
    out.print(f"run report: {report}", highlight=False, markup=False)


@app.command()
def demo(
    output: Annotated[Path, typer.Option(help="Folder for the sample and its redacted copy.")] = Path(
        "out/demo"
    ),
    rows: Annotated[int, typer.Option(min=1, help="Rows of synthetic transcripts to generate.")] = 500,
    config: ConfigOption = None,
) -> None:
    """Generate a sample Parquet of synthetic transcripts and redact it (the quickstart's main job).

    \b
    Example:
      redactkit demo --rows 2000 --output /tmp/redactkit-demo
    """
    import pyarrow.parquet as pq

    from .synth import sample_table

    output.mkdir(parents=True, exist_ok=True)
    sample = output / "sample_transcripts.parquet"
    redacted = output / "sample_transcripts.redacted.parquet"
    pq.write_table(sample_table(rows), sample)
    out.print(f"generated {rows:,} synthetic transcripts -> {sample}")
    try:
        pipe = _pipeline(config)
        summary = _run_with_progress(sample, redacted, "transcript", pipe, overwrite=True, workers=1)
    except RedactkitError as exc:
        raise _fail(exc) from None
    _print_summary(summary, redacted)
    _print_demo_recall(redacted, rows)
    table = pq.read_table(redacted, columns=["transcript", "transcript_redacted"]).slice(0, 40).to_pylist()
    examples = [
        row for row in table if row["transcript"] and row["transcript"] != row["transcript_redacted"]
    ][:4]
    if examples:
        out.print("examples (synthetic data):")
        for row in examples:
            out.print(f"  before: {row['transcript']}", highlight=False, markup=False)
            out.print(f"  after:  {row['transcript_redacted']}", highlight=False, markup=False)


def _print_demo_recall(redacted: Path, rows: int) -> None:
    """The sample is labeled: show how much of each kind of PII was fully redacted."""
    import pyarrow.parquet as pq

    from .bench import full_coverage_recall
    from .synth import demo_records

    columns = pq.read_table(redacted, columns=["transcript", "transcript_entities"]).to_pydict()
    examples = []
    for item, text, entities in zip(
        demo_records(rows), columns["transcript"], columns["transcript_entities"], strict=True
    ):
        if text != item.text:  # the sample blanks some rows to show null handling
            continue
        spans = [(s.start, s.end, s.label) for s in item.spans]
        examples.append((item.text, spans, [(e["start"], e["end"]) for e in entities or []]))
    table = Table(show_header=True, title="full-coverage recall on the labeled sample")
    for column in ("label", "gold", "fully redacted", "recall"):
        table.add_column(column, justify="right" if column != "label" else "left")
    for label, score in full_coverage_recall(examples).items():
        table.add_row(label, str(score.gold), str(score.caught), f"{score.recall:.2f}")
    out.print(table)


@app.command()
def analyze(
    text: Annotated[str, typer.Argument(help="A transcript to analyze.")],
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show the normalized text and every normalizer edit.")
    ] = False,
) -> None:
    """Show the entities found in one transcript, with detector and explanation.

    The output quotes the text you passed in.

    \b
    Example:
      redactkit analyze "my name is john smith and my email is john@example.com"
    """
    try:
        pipe = _pipeline(config)
        result = pipe.redact(text)
        (aligned,) = pipe.normalize_batch([text])
    except RedactkitError as exc:
        raise _fail(exc) from None
    if as_json:
        payload: dict[str, Any] = {
            "redacted": result.text,
            "entities": [
                {
                    "start": e.start,
                    "end": e.end,
                    "label": e.label,
                    "text": text[e.start : e.end],
                    "score": round(e.score, 3),
                    "detector": e.detector,
                    "explanation": e.explanation,
                }
                for e in result.entities
            ],
        }
        if explain:
            payload["normalized"] = aligned.text
            payload["edits"] = [edit._asdict() for edit in aligned.edits]
            payload["annotations"] = [
                {"start": a.start, "end": a.end, "kind": a.kind, "data": dict(a.data)}
                for a in aligned.annotations
            ]
        sys.stdout.write(json.dumps(payload, indent=2, default=list) + "\n")
        return
    if explain:
        out.print(f"normalized: {aligned.text}", highlight=False, markup=False)
        for line in aligned.explain():
            out.print(f"  {line}", highlight=False, markup=False)
    table = Table(show_header=True)
    for column in ("span", "label", "text", "score", "detector", "explanation"):
        table.add_column(column)
    for e in result.entities:
        table.add_row(
            f"{e.start}-{e.end}", e.label, text[e.start : e.end], f"{e.score:.2f}", e.detector, e.explanation
        )
    out.print(table)
    out.print(f"redacted: {result.text}", highlight=False, markup=False)


@config_app.command("show")
def config_show(config: ConfigOption = None) -> None:
    """Print the fully resolved configuration (defaults filled in) as YAML.

    \b
    Example:
      redactkit config show --config policy.yaml
    """
    from .config import load_config

    try:
        resolved = load_config(config)
    except RedactkitError as exc:
        raise _fail(exc) from None
    sys.stdout.write(resolved.to_yaml())


@config_app.command("validate")
def config_validate(path: Annotated[Path, typer.Argument(help="Pipeline YAML to check.")]) -> None:
    """Check a configuration file, including that its models are installed.

    \b
    Example:
      redactkit config validate policy.yaml
    """
    from .config import load_config
    from .pipeline import Pipeline

    try:
        resolved = load_config(path)
        Pipeline.from_config(resolved)
    except RedactkitError as exc:
        raise _fail(exc) from None
    out.print(f"{path}: valid (fingerprint {resolved.fingerprint()})")


from .bench.cli import bench as _bench  # noqa: E402  (the bench command lives in its own module)

app.command("bench")(_bench)
from .synth.cli import synth as _synth  # noqa: E402

app.command("synth")(_synth)

from .review.cli import review_app as _review_app  # noqa: E402  (review build/serve/export live there)

app.add_typer(_review_app, name="review")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
