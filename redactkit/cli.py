"""The ``redactkit`` command line.

Errors print one line naming the problem and the fix and exit with status 2 (bad input or config) or
1 (processing failure); they never print transcript text.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from . import __version__
from ._cli import ConfigOption
from ._cli import fail as _fail
from .errors import DataError, RedactkitError

app = typer.Typer(
    name="redactkit",
    no_args_is_help=True,
    # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    add_completion=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
config_app = typer.Typer(help="Show or check pipeline configurations.", no_args_is_help=True)
app.add_typer(config_app, name="config")
from .audio.cli import audio_app  # noqa: E402  (needs only typer/rich; soundfile loads on use)

app.add_typer(audio_app, name="audio")
from .models_cli import models_app  # noqa: E402

app.add_typer(models_app, name="models")

out = Console()
err = Console(stderr=True)


def _plain_help_types() -> None:
    """Help shows metavars (PATH, INTEGER, TEXT), not Python types (``<list[Path]>``, ``<int range>``).

    Typer prints a parameter's Python annotation next to it when no metavar is set; users of a CLI
    should not need to read Python. An argument already shows its own name (INPUT, LABELED...), so
    it gets no type; an option without a metavar shows click's metavar for its type.
    """
    from typer import core

    if not hasattr(core.TyperOption, "display_type") or not hasattr(core.TyperArgument, "display_type_rich"):
        return  # typers that format help through click already print click's metavars
    names = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "bool": "BOOLEAN", "datetime": "DATETIME"}

    def plain(label: str) -> str:
        if label.startswith("list[") and label.endswith("]"):
            return plain(label[5:-1]) + "..."
        if "|" in label:
            return f"[{label}]"
        word = label.split()[0]
        if word in ("path", "file", "dir", "directory", "Path"):
            return "PATH"
        return names.get(word, word.upper())

    def option_type(self: Any, ctx: Any) -> str | None:
        if self.metavar is not None:
            return str(self.metavar)
        shown = str(self.display_type(ctx))
        label = plain(shown[1:-1] if shown.startswith("<") and shown.endswith(">") else shown)
        return label if self.nargs == 1 or label.endswith("...") else f"{label}..."

    core.TyperOption.display_type_rich = option_type  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]


_plain_help_types()

#: set by the global options (--quiet, --verbose, --log-level) before a command runs
_state: dict[str, Any] = {"quiet": False}


def _configure_logging(quiet: bool, verbose: int, log_level: str | None) -> None:
    """redactkit's own log lines (no transcript text) on stderr, at the level the user asked for."""
    if log_level is not None:
        level = logging.getLevelName(log_level.upper())
        if not isinstance(level, int):
            err.print(
                "error: --log-level must be one of debug, info, warning, error", highlight=False, markup=False
            )
            raise typer.Exit(2)
    elif quiet:
        level = logging.ERROR
    else:
        level = (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logger = logging.getLogger("redactkit")
    if level < logging.WARNING or (logger.level and logger.level < level):
        # more detail than the default (or less than a level set before) needs the logger's level;
        # the default run leaves the logger alone, so a program that calls the CLI keeps its setup
        logger.setLevel(level)
    handler = next((h for h in logger.handlers if getattr(h, "_redactkit_cli", False)), None)
    if handler is None:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("redactkit: %(message)s"))
        handler._redactkit_cli = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    handler.setLevel(level)


def _say(message: str) -> None:
    """A status line on stderr (never stdout, which --json keeps machine-readable); off with --quiet."""
    if not _state["quiet"]:
        err.print(f"redactkit: {message}", highlight=False, markup=False, soft_wrap=True)


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
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only errors and the requested output (no progress).")
    ] = False,
    verbose: Annotated[
        int, typer.Option("--verbose", "-v", count=True, help="More log lines on stderr: -v info, -vv debug.")
    ] = 0,
    log_level: Annotated[
        str | None,
        typer.Option("--log-level", metavar="[debug|info|warning|error]", help="Log level of stderr lines."),
    ] = None,
) -> None:
    """Find and redact PII in speech transcripts as ASR writes them.

    \b
    Examples:
      redactkit demo
      redactkit redact calls.parquet calls.redacted.parquet --text-column transcript
      redactkit analyze "call john smith on five five five one two three four"
      redactkit config show
      redactkit --show-completion >> ~/.bashrc   # run in bash: the shell is detected
    """
    _state["quiet"] = quiet
    _configure_logging(quiet, verbose, log_level)


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


def _pipeline(config: Path | None, *, warm_up: bool = True, announce: bool = False) -> Any:
    """Build the pipeline; load the models now unless workers will. ``announce``: long-running
    commands say on stderr when the models load and how long it took (a terminal gets a spinner)."""
    from .pipeline import Pipeline

    if not warm_up:  # worker processes load the models themselves
        return Pipeline.from_config(config)
    started = time.perf_counter()
    if err.is_terminal and not _state["quiet"]:
        with err.status("loading models", spinner="dots"):
            pipe = Pipeline.from_config(config).warm_up()
    else:
        if announce:
            _say("loading models")
        pipe = Pipeline.from_config(config).warm_up()
    if announce:
        _say(f"models loaded in {time.perf_counter() - started:.1f} s")
    return pipe


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
    conversation: Annotated[
        bool | None,
        typer.Option(
            "--conversation/--no-conversation",
            help="Redact each group as a conversation: a value found in one turn is redacted in all "
            "its turns (needs --group-column) [default: the config's conversation.enabled].",
            show_default=False,
        ),
    ] = None,
    order_column: Annotated[
        str | None,
        typer.Option("--order-column", help="Turn order within a conversation (turn index, timestamp)."),
    ] = None,
    speaker_column: Annotated[
        str | None, typer.Option("--speaker-column", help="Who said each turn (conversation mode).")
    ] = None,
    sort: Annotated[
        bool,
        typer.Option(
            "--sort",
            help="Group each file's rows by conversation in memory (for inputs not sorted by "
            "--group-column that fit in memory); rows are written in input order.",
        ),
    ] = False,
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
    route_dir: Annotated[
        Path | None,
        typer.Option(
            "--route-dir",
            metavar="DIR",
            help="Write rows whose sensitivity level the policy routes (sensitivity.policy, or --route) "
            "here, span-redacted, for a restricted review pool; OUTPUT keeps them with their text "
            "withheld. A folder mirroring OUTPUT, outside it.",
        ),
    ] = None,
    route: Annotated[
        str | None,
        typer.Option(
            "--route",
            metavar="[pii|special|intimate|safety]",
            help="Route rows at this sensitivity level or higher (needs --route-dir); levels the "
            "config withholds already keep their action.",
        ),
    ] = None,
    sensitivity_name: Annotated[
        str,
        typer.Option(
            "--sensitivity-name", help="Name of the sensitivity level column (<name>_reasons: its reasons)."
        ),
    ] = "sensitivity",
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
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", metavar="N", min=1, help="Redact only the first N rows of INPUT (a trial run)."
        ),
    ] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Count entities per label on a sample (the first --limit rows, default 1000) and "
            "write nothing.",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the summary as JSON on stdout (nothing else on stdout).")
    ] = False,
    progress_interval: Annotated[
        float,
        typer.Option(
            "--progress-interval",
            metavar="SECONDS",
            min=0.1,
            help="When stderr is not a terminal: a progress line (rows, rows/s, ETA) this often.",
        ),
    ] = 10.0,
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
      redactkit redact calls/ out/ -t text -g call_id --conversation --order-column turn --id-column row_id
      redactkit redact calls.parquet out.parquet -t transcript --in-place --on-error quarantine
      redactkit redact calls.parquet out.parquet -t transcript --timings-column words
      redactkit redact calls/ out/ -t transcript --engine ray --address auto
      redactkit redact calls.parquet out.parquet -t segments.text      # nested (Whisper) transcripts
      redactkit redact calls/ out/ -t transcript --dry-run --limit 500   # counts only, writes nothing
      redactkit redact calls/ out/ -t transcript --json > summary.json
      redactkit redact calls/ out/ -t transcript --route intimate --route-dir restricted/
    """
    if on_error not in ("fail", "quarantine"):
        err.print("error: --on-error must be fail or quarantine", highlight=False, markup=False)
        raise typer.Exit(2)
    if engine not in ("local", "ray") or (address is not None and engine != "ray"):
        err.print("error: --engine must be local or ray; --address needs --engine ray", markup=False)
        raise typer.Exit(2)
    if dry_run:
        try:
            pipe = _pipeline(config)
            sample = _read_head(input_path, limit or 1000)
            _dry_run(sample, text_column, pipe, group_column, output_path, as_json=as_json)
        except RedactkitError as exc:
            raise _fail(exc) from None
        return
    import tempfile

    from ._signals import stop_on_signals

    scratch = tempfile.TemporaryDirectory(prefix="redactkit-limit-") if limit is not None else None
    try:
        with stop_on_signals():  # from here on SIGTERM/SIGHUP unwind like Ctrl-C
            if scratch is not None:
                assert limit is not None
                from .io.dataset import refuse_output_over_input

                refuse_output_over_input(input_path, output_path)  # the copy hides the real input
                input_path = _write_head(input_path, limit, Path(scratch.name))
            engine_options = _engine_options(engine, address, workers)
            workers = engine_options.pop("workers", workers)
            # the models load inside redact_parquet, after the input, the output location and its lock
            # are checked: a bad path fails in a second, not after the models have loaded
            pipe = _pipeline(config, warm_up=False)
            if route is not None:
                _route_from(pipe, route, route_dir)
            summary = _run_with_progress(
                input_path,
                output_path,
                text_column,
                pipe,
                overwrite=overwrite,
                workers=workers,
                batch_rows=batch_rows,
                group_column=group_column,
                conversation=conversation,
                order_column=order_column,
                speaker_column=speaker_column,
                sort=sort,
                in_place=in_place,
                redacted_column=redacted_name,
                entities_column=entities_name,
                on_error=on_error,
                id_column=id_column,
                timings_column=timings_column,
                audio_options=audio_config,
                route_dir=route_dir,
                sensitivity_name=sensitivity_name,
                progress_interval=progress_interval,
                **engine_options,
            )
    except RedactkitError as exc:
        raise _fail(exc) from None
    except KeyboardInterrupt as exc:  # Ctrl-C, or SIGTERM/SIGHUP (RunInterrupted)
        raise _interrupted(exc, output_path) from None
    finally:
        if scratch is not None:
            scratch.cleanup()
    if as_json:
        _print_json_summary(summary, output_path)
    elif not _state["quiet"]:
        _print_summary(summary, output_path)


def _route_from(pipe: Any, route: str, route_dir: Path | None) -> None:
    """``--route LEVEL``: route rows at LEVEL or higher, on top of the configuration's policy."""
    from .errors import ConfigError
    from .sensitivity import LEVELS, Action, Sensitivity, SensitivityClassifier, parse_level

    level = parse_level(route, key="--route")
    if level is Sensitivity.NONE:
        raise ConfigError(
            "--route none would route every row; name pii, special, intimate or safety", key="--route"
        )
    if route_dir is None:
        raise DataError("--route needs --route-dir DIR: where the routed rows go")
    options = pipe.sensitivity.options
    policy = dict(options.policy)
    for higher in LEVELS:
        if higher >= level and not options.action(higher).withholds:
            policy[higher.value] = Action.ROUTE.value
    pipe.sensitivity = SensitivityClassifier(options.model_copy(update={"policy": policy}))


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
    input_path: Path,
    output_path: Path,
    text_column: str | list[str],
    pipe: Any,
    progress_interval: float = 10.0,
    **options: Any,
) -> Any:
    from .io import redact_parquet

    if _state["quiet"]:
        return redact_parquet(input_path, output_path, text_column, pipe, **options)
    if not err.is_terminal:
        from ._progress import ProgressLog

        log = ProgressLog(_say, interval=progress_interval)
        summary = redact_parquet(
            input_path,
            output_path,
            text_column,
            pipe,
            on_start=log.start,
            on_batch=log.batch,
            on_load=_announce_models(log.loading),  # after the checks; here or in the workers
            **options,
        )
        if log.done:
            _say(log.line())
        return summary
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
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RowsPerSecond(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
    ) as progress:
        # the models load (here or in the workers) before the first batch: say so until rows are
        # done; the rate column shows a figure only from the second batch on, so loading never
        # counts in it
        task = progress.add_task("checking", total=None)

        def advance(rows: int) -> None:
            progress.update(task, description="redacting")
            progress.advance(task, rows)

        return redact_parquet(
            input_path,
            output_path,
            text_column,
            pipe,
            on_start=lambda total: progress.update(task, total=total),
            on_batch=advance,
            on_load=lambda phase: progress.update(
                task, description="loading models" if phase == "loading" else "redacting"
            ),
            **options,
        )


def _announce_models(loading: Callable[[], None]) -> Callable[[str], None]:
    """redact_parquet's ``on_load`` for log lines: "loading models", then "models loaded in X s"."""
    started = time.perf_counter()

    def on_load(phase: str) -> None:
        nonlocal started
        if phase == "loading":
            started = time.perf_counter()
            loading()
        else:
            _say(f"models loaded in {time.perf_counter() - started:.1f} s")

    return on_load


def _print_json_summary(summary: Any, output_path: Path) -> None:
    from .io import report_path

    payload = {
        "output": str(output_path),
        "report": str(report_path(output_path, directory=output_path.is_dir())),
        **summary.to_dict(),
    }
    sys.stdout.write(json.dumps(payload, indent=2) + "\n")


def _parquet_files(path: Path) -> list[Path]:
    if not path.is_dir():
        return [path]
    suffixes = (".parquet", ".parq", ".pq")
    return sorted(
        file
        for file in path.rglob("*")
        if file.is_file()
        and file.suffix in suffixes
        and not any(part.startswith(("_", ".")) for part in file.relative_to(path).parts)
    )


def _read_head(path: Path, rows: int) -> Any:
    """The first ``rows`` rows of a Parquet file or dataset folder, as one Arrow table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        raise DataError(f"input {path} does not exist")
    tables = []
    left = rows
    for file in _parquet_files(path):
        if left <= 0:
            break
        try:
            handle = pq.ParquetFile(file)
            for batch in handle.iter_batches(batch_size=min(left, 65536)):
                tables.append(pa.Table.from_batches([batch.slice(0, left)]))
                left -= min(left, batch.num_rows)
                if left <= 0:
                    break
        except (OSError, pa.ArrowInvalid) as exc:
            raise DataError(f"cannot read {file} as Parquet ({type(exc).__name__})") from None
    if not tables:
        raise DataError(f"input {path} holds no Parquet rows")
    return pa.concat_tables(tables, promote_options="default")


def _write_head(path: Path, rows: int, scratch: Path) -> Path:
    """A copy of the first ``rows`` rows of INPUT in ``scratch`` (same file layout), for --limit."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if not path.exists():
        raise DataError(f"input {path} does not exist")
    target_root = scratch / path.name
    left = rows
    for file in _parquet_files(path):
        if left <= 0:
            break
        handle = pq.ParquetFile(file)
        batches = []
        for batch in handle.iter_batches(batch_size=min(left, 65536)):
            batches.append(batch.slice(0, left))
            left -= min(left, batch.num_rows)
            if left <= 0:
                break
        schema = handle.schema_arrow
        target = target_root / file.relative_to(path) if path.is_dir() else target_root
        target.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(pa.Table.from_batches(batches, schema=schema), target)
    return target_root


def _dry_run(
    sample: Any,
    text_column: list[str],
    pipe: Any,
    group_column: str | None,
    output_path: Path,
    *,
    as_json: bool,
) -> None:
    """Redact a sample in memory and print what would be redacted: counts per label, nothing else."""
    from .io import redact_table
    from .sensitivity import LEVELS, SensitivityClassifier

    options = pipe.sensitivity.options
    if options.routed_levels():  # nothing is written: a routed row is previewed as withheld
        policy = {
            level: "drop_text" if action == "route" else action for level, action in options.policy.items()
        }
        pipe.sensitivity = SensitivityClassifier(options.model_copy(update={"policy": policy}))
    started = time.perf_counter()
    redacted = redact_table(sample, text_column, pipe, group_column=group_column)
    seconds = time.perf_counter() - started
    levels = Counter(redacted.column("sensitivity").to_pylist())
    labels: Counter[str] = Counter()
    rows_with_pii = 0
    columns = [redacted.column(f"{column.replace('.', '_')}_entities").to_pylist() for column in text_column]
    for row in zip(*columns, strict=True):
        found = [entity for entities in row for entity in entities or []]
        rows_with_pii += bool(found)
        labels.update(entity["label"] for entity in found)
    payload = {
        "dry_run": True,
        "rows": sample.num_rows,
        "rows_with_pii": rows_with_pii,
        "entities_by_label": dict(sorted(labels.items())),
        "rows_by_sensitivity": {level.value: levels.get(level.value, 0) for level in LEVELS},
        "rows_per_second": round(sample.num_rows / seconds, 1) if seconds > 0 else 0.0,
        "would_write": str(output_path),
    }
    if as_json:
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
        return
    table = Table(show_header=True, title=f"dry run on the first {sample.num_rows:,} rows (nothing written)")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("rows", f"{sample.num_rows:,}")
    table.add_row("rows with PII", f"{rows_with_pii:,}")
    table.add_row("entities per label", "")
    for label, count in sorted(labels.items()):
        table.add_row(f"  {label}", f"{count:,}")
    table.add_row("rows per sensitivity level", "")
    for level, count in payload["rows_by_sensitivity"].items():
        table.add_row(f"  {level}", f"{count:,}")
    table.add_row("throughput (this process)", f"{payload['rows_per_second']:,.0f} rows/s")
    out.print(table)


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
    if summary.rows_by_sensitivity:
        from .sensitivity import LEVELS

        table.add_row("rows per sensitivity level", "")
        for level in LEVELS:
            table.add_row(f"  {level.value}", f"{summary.rows_by_sensitivity.get(level.value, 0):,}")
        for action, count in sorted(summary.rows_by_action.items()):
            if action != "redact":
                table.add_row(
                    f"  rows {'routed' if action == 'route' else 'with text dropped'}", f"{count:,}"
                )
    if summary.files_skipped:
        table.add_row("files skipped (already complete)", f"{summary.files_skipped:,}")
    table.add_row("files written", f"{summary.files_written:,}")
    table.add_row("throughput", f"{summary.rows_per_second:,.0f} rows/s")
    align = summary.alignment
    if align is not None:
        table.add_row("word timings", "")
        table.add_row("  timing words", f"{align.words:,}")
        table.add_row("  aligned to the transcript", f"{align.aligned_words:,}")
        table.add_row("  unaligned", f"{align.unaligned_words:,}")
        table.add_row("  without valid times", f"{align.invalid_words:,}")
        table.add_row("  transcript tokens without time", f"{align.untimed_tokens:,}")
        table.add_row("  rows with intervals", f"{align.rows_with_intervals:,}")
        table.add_row("  rows redacted whole (no alignment)", f"{align.rows_without_alignment:,}")
        table.add_row("  seconds redacted", f"{align.seconds_redacted:,.2f}")
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
        pipe = _pipeline(config, announce=True)
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
    text: Annotated[
        str,
        typer.Argument(metavar="TEXT", help="A transcript to analyze, or - to read one per line from stdin."),
    ],
    config: ConfigOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")] = False,
    explain: Annotated[
        bool, typer.Option("--explain", help="Also show the normalized text and every normalizer edit.")
    ] = False,
) -> None:
    """Show the entities found in one transcript, with detector and explanation.

    The output quotes the text you passed in. With TEXT "-", every line of stdin is one transcript,
    analyzed as one batch (the models load once); --json then prints one JSON object per line.

    \b
    Examples:
      redactkit analyze "my name is john smith and my email is john@example.com"
      cat transcripts.txt | redactkit analyze - --json > entities.jsonl
    """
    if text == "-":
        _analyze_lines(sys.stdin.read().splitlines(), config, as_json=as_json, explain=explain)
        return
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


def _entity_payload(text: str, entity: Any) -> dict[str, Any]:
    return {
        "start": entity.start,
        "end": entity.end,
        "label": entity.label,
        "text": text[entity.start : entity.end],
        "score": round(entity.score, 3),
        "detector": entity.detector,
        "explanation": entity.explanation,
    }


def _analyze_lines(lines: list[str], config: Path | None, *, as_json: bool, explain: bool) -> None:
    """``analyze -``: one transcript per stdin line, redacted as one batch."""
    try:
        pipe = _pipeline(config)
        results = pipe.redact_batch(lines)
        aligned = pipe.normalize_batch(lines) if explain else []
    except RedactkitError as exc:
        raise _fail(exc) from None
    if as_json:
        for index, (line, result) in enumerate(zip(lines, results, strict=True)):
            payload: dict[str, Any] = {
                "line": index + 1,
                "redacted": result.text,
                "entities": [_entity_payload(line, e) for e in result.entities],
            }
            if explain:
                payload["normalized"] = aligned[index].text
            sys.stdout.write(json.dumps(payload) + "\n")
        return
    table = Table(show_header=True)
    for column in ("line", "span", "label", "text", "score", "detector"):
        table.add_column(column)
    for index, (line, result) in enumerate(zip(lines, results, strict=True)):
        for e in result.entities:
            table.add_row(
                str(index + 1),
                f"{e.start}-{e.end}",
                e.label,
                line[e.start : e.end],
                f"{e.score:.2f}",
                e.detector,
            )
    out.print(table)
    for index, result in enumerate(results):
        out.print(f"{index + 1}: {result.text}", highlight=False, markup=False)


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

from .train.cli import train as _train  # noqa: E402  (spaCy and the trainer load when it runs)

app.command("train")(_train)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
