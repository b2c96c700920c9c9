"""Redact a Parquet file or a whole dataset directory: streaming, parallel, atomic and resumable.

- **Streaming.** Each file is read with ``ParquetFile.iter_batches`` and written with one
  ``ParquetWriter``; at most ``2 x workers`` batches are in flight, so memory is bounded by the batch
  size and the worker count, never by the dataset size.
- **Mirroring.** A directory input is mirrored file by file (hive partition folders such as
  ``date=2024-01-01/`` included); names and folders starting with ``_`` or ``.`` are skipped, as
  Arrow and Spark do.
- **Atomic and durable.** A file is written under ``.<name>.<pid>.partial``, fsynced and renamed when
  complete, after its quarantine side file; the folder is fsynced after the rename. The Parquet file
  appearing is the completion mark. The run report is replaced the same way.
- **Resumable.** A directory run writes ``_redactkit/report.json`` with ``"status": "running"``, a
  fingerprint of its settings (and of the anonymizer's key) and the identity of every input file
  (size, modification time, SHA-256 of the Parquet footer) first. Running the same command again
  finishes the files that are missing and skips the others; an output whose input file changed or
  disappeared since it was written is deleted and, if the input still exists, redone. A finished
  output (``"status": "complete"``) or a foreign directory is an error unless ``overwrite``.
- **Locked.** One run at a time per output (:mod:`._lock`); the output location is checked, and the
  lock taken, before any model loads.
- **Stoppable.** SIGTERM and SIGHUP stop a run like Ctrl-C does (:class:`~redactkit.RunInterrupted`):
  workers are stopped, partial files removed, the report says ``interrupted``, a re-run resumes.
- **Group scope.** With a group column, all rows of one group id within a file go to the same
  worker in input order, so group-scoped numbering is the same whatever the worker count. Numbering
  restarts at every file, which keeps a resumed run identical to an uninterrupted one.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import signal
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._signals import stop_on_signals
from .._version import __version__
from ..errors import DataError, OutputError, RunInterrupted
from ._durable import fsync_dir, replace_durably, write_text_durably
from ._lock import OutputLock
from .parquet import (
    SOURCE_ROW,
    ColumnOptions,
    Failure,
    RedactionSummary,
    assemble_routed,
    entities_type,
    options_from_arguments,
    redact_columns,
    resolve_conversation,
    routed_output_schema,
)

if TYPE_CHECKING:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from ..pipeline import Pipeline
    from ._workers import PipelineSpec

__all__ = ["META_DIR", "default_workers", "redact_parquet", "report_path"]

#: Folder of a directory output that holds the run report and quarantine files (Arrow, Spark and
#: pandas skip names starting with ``_`` when they read a dataset).
META_DIR = "_redactkit"
#: Lock file of a folder output, inside META_DIR (a file output's lock is ``.<name>.lock`` beside it).
LOCK_NAME = "run.lock"
_SUFFIXES = (".parquet", ".parq", ".pq")
#: Rows per output row group (batches are gathered up to this before they are written).
ROW_GROUP_ROWS = 65_536
#: ... or up to this many bytes, whichever comes first.
ROW_GROUP_BYTES = 64 * 1024 * 1024


#: what one batch gives: the output batch, its failures (batch-relative rows) and its routed rows
#: (``source_row`` batch-relative) or None
_Redacted = tuple["pa.RecordBatch", list[Failure], "pa.RecordBatch | None"]


def default_workers() -> int:
    """Usable CPUs of this process (respects CPU affinity / container limits where the OS tells)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class _Part:
    source: Path
    target: Path
    relative: str
    rows: int
    #: size, modification time and footer hash of ``source`` when the run planned it
    identity: dict[str, Any]
    #: where its routed rows go (``route_dir``), None without routing
    routed: Path | None = None


def report_path(output: Path, *, directory: bool) -> Path:
    """Where the JSON run report of ``output`` goes."""
    return output / META_DIR / "report.json" if directory else output.with_name(output.name + ".report.json")


def _quarantine_path(output_root: Path, part: _Part, *, directory: bool) -> Path:
    if directory:
        return output_root / META_DIR / "quarantine" / f"{part.relative}.jsonl"
    return part.target.with_name(part.target.name + ".quarantine.jsonl")


def redact_parquet(
    input_path: str | os.PathLike[str],
    output_path: str | os.PathLike[str],
    text_column: str | Sequence[str] = "transcript",
    pipeline: Pipeline | None = None,
    *,
    overwrite: bool = False,
    workers: int | None = 1,
    batch_rows: int | None = None,
    in_place: bool = False,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    group_column: str | None = None,
    id_column: str | None = None,
    on_error: str = "fail",
    on_batch: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
    timings_column: str | None = None,
    audio_options: Any = None,
    pool_factory: Callable[[int, PipelineSpec, ColumnOptions], Any] | None = None,
    engine: str = "local",
    on_load: Callable[[str], None] | None = None,
    conversation: bool | None = None,
    order_column: str | None = None,
    speaker_column: str | None = None,
    sort: bool = False,
    route_dir: str | os.PathLike[str] | None = None,
    sensitivity_name: str = "sensitivity",
) -> RedactionSummary:
    """Redact a Parquet file, or every Parquet file of a dataset directory, into ``output_path``.

    Every input column, its type, nullability and the schema metadata are kept, rows stay in order;
    ``<col>_redacted`` (or, with ``in_place``, the column itself) and ``<col>_entities`` are added
    per text column. ``workers``: processes that each load the pipeline once (``None``: one per
    CPU; ``1``: redact in this process). ``on_error``: ``"fail"`` stops at the first failing batch
    and writes nothing for its file; ``"quarantine"`` masks the failing row's text and records its
    row number (and ``id_column`` value) and error class, never its text, in a side file.
    ``on_start`` gets the number of rows still to do, ``on_batch`` the rows of each batch written,
    ``on_load`` is called with ``"loading"`` when the models start loading (after every check on
    the input, the output and the lock passed; here or in the workers) and with ``"loaded"`` when
    they are ready, before ``on_start``.
    With ``timings_column`` (word timings of the one text column, ``list<struct<word, start,
    end>>``), ``<col>_redacted_intervals`` gives the time intervals an audio redaction must blank,
    with ``audio_options`` (padding, merging; see :class:`redactkit.audio.AudioOptions`).
    A JSON run report is written beside the output. Returns the run's counts (no PII).

    ``pool_factory`` (with ``engine`` naming it in the report) starts the workers somewhere else,
    e.g. Ray actors (:mod:`redactkit.integrations.ray`): it gets ``(workers, pipeline_spec,
    options)`` and returns an object with the :class:`~redactkit.io._workers.WorkerPool` methods.
    Reading, routing, reassembly and writing stay here, so the output is the same file for file.

    ``conversation`` (default: the configuration's ``conversation.enabled``) redacts each group of
    ``group_column`` as a conversation (:mod:`redactkit.conversation`): what one turn reveals is
    redacted in all its turns. ``order_column`` orders the turns, ``speaker_column`` names who said
    them, ``id_column`` gives the row ids explanations (``known_from``) cite. Each file must hold
    each conversation's rows together (checked first, reading only the group column);
    ``sort=True`` groups them in memory instead and writes the rows in their input order.

    Every row gets its ``sensitivity`` level and ``sensitivity_reasons`` (:mod:`redactkit.sensitivity`;
    ``sensitivity_name`` renames them).
    Rows whose level the configuration's ``sensitivity.policy`` routes are written, span-redacted and
    with ``source_row`` (their row index in the input file), to ``route_dir`` (mirroring the output
    file by file; a file per input, possibly empty), for a restricted review pool; the output keeps
    them with their text withheld, so row counts match. Routed files are written atomically, before
    the output file they belong to.
    """
    from ..pipeline import Pipeline

    pipe = pipeline or Pipeline.default()
    conversational = resolve_conversation(conversation, pipe, group_column)
    options = replace(
        options_from_arguments(
            locals(),
            conversation=conversational,
            order_column=order_column,
            sensitivity=pipe.sensitivity.options,
        ),
        route=route_dir is not None,
        sensitivity_name=sensitivity_name,
    )
    if route_dir is not None and not pipe.sensitivity.options.routed_levels():
        raise DataError(
            "a route directory is given, but the sensitivity policy routes no level: set e.g. "
            "sensitivity.policy.safety: route in the config (CLI: --route safety)"
        )
    if sort and not options.conversation:
        raise DataError("--sort groups the rows of each conversation; it applies with --conversation")
    source = Path(input_path)
    target = Path(output_path)
    if batch_rows is not None and batch_rows < 1:
        raise DataError("batch_rows must be at least 1")
    directory = source.is_dir()
    route_root = None if route_dir is None else Path(route_dir)
    parts, schemas = _plan(source, target, options, directory=directory, route_root=route_root)
    _refuse_writing_over_inputs(parts)
    if route_root is not None:
        _check_route_dir(source, target, route_root, directory=directory)
        from .parquet import check_withholding

        check_withholding(pipe, options)
    # the output location is checked and locked before any model loads (a pipeline built from a
    # config loads its models on the first batch, below)
    route_lock = (
        _lock_output(route_root, directory=True) if route_root is not None else contextlib.nullcontext()
    )
    with stop_on_signals(), _lock_output(target, directory=directory), route_lock:
        return _run(
            source,
            target,
            parts,
            schemas,
            pipe,
            options,
            directory=directory,
            overwrite=overwrite,
            workers=workers,
            batch_rows=batch_rows,
            on_batch=on_batch,
            on_start=on_start,
            pool_factory=pool_factory,
            engine=engine,
            on_load=on_load,
            sort=sort,
            route_root=route_root,
        )


def _run(
    source: Path,
    target: Path,
    parts: list[_Part],
    schemas: dict[Path, pa.Schema],
    pipe: Pipeline,
    options: ColumnOptions,
    *,
    directory: bool,
    overwrite: bool,
    workers: int | None,
    batch_rows: int | None,
    on_batch: Callable[[int], None] | None,
    on_start: Callable[[int], None] | None,
    pool_factory: Callable[[int, PipelineSpec, ColumnOptions], Any] | None,
    engine: str,
    on_load: Callable[[str], None] | None,
    sort: bool,
    route_root: Path | None = None,
) -> RedactionSummary:
    config_hash = pipe.config.fingerprint()
    key_id = pipe.anonymizer.key_id()
    resources = _language_resources(pipe)
    fingerprint = _fingerprint(source, options, config_hash, key_id, resources["digest"], route_root)
    report_file = report_path(target, directory=directory)
    previous = _check_output(
        target, parts, report_file, fingerprint, overwrite=overwrite, directory=directory
    )
    resume = previous is not None
    _check_routed(parts, resume=resume, overwrite=overwrite)
    stale = _drop_stale_outputs(target, parts, previous) if previous is not None else 0
    for part in parts:  # an output whose routed file is missing is redone (fail closed)
        if resume and part.routed is not None and part.target.exists() and not part.routed.exists():
            _remove_output(target, part.target, part.relative)
            stale += 1
    rows = batch_rows or pipe.batch_size * 4
    count = default_workers() if workers is None else max(1, workers)
    todo = [part for part in parts if not (resume and part.target.exists())]
    if options.conversation and not sort:
        for part in todo:  # before anything is written: a file not grouped by conversation fails
            _check_grouped(part, options)
    total_rows = sum(part.rows for part in todo)
    # one batch or less of work: spawning workers would cost more than it saves
    count = min(count, max(1, -(-total_rows // rows)))
    started_at = _now()
    report: dict[str, Any] = {
        "status": "running",
        "fingerprint": fingerprint,
        "redactkit_version": __version__,
        **_versions(pipe),
        "language_resources": resources,
        "config_hash": config_hash,
        "key_id": key_id,
        "input": str(source),
        "output": str(target),
        "text_columns": list(options.text_columns),
        "in_place": options.in_place,
        "group_column": options.group_column,
        "id_column": options.id_column,
        "on_error": options.on_error,
        "timings_column": options.timings_column,
        "conversation": options.conversation,
        "order_column": options.order_column,
        "speaker_column": options.speaker_column,
        "sort": sort,
        "route_dir": None if route_root is None else str(route_root),
        "sensitivity_policy": pipe.sensitivity.options.to_mapping()["policy"],
        "engine": engine,
        "workers": count,
        "batch_rows": rows,
        "started_at": started_at,
        "inputs": {part.relative: part.identity for part in parts},
    }
    if stale:
        report["stale_outputs_removed"] = stale
    if directory:
        _write_report(report_file, report)
    summary = RedactionSummary()
    for part in parts:
        if part not in todo:
            summary.merge(_recount(part, options))
            summary.files_skipped += 1
            summary.rows_skipped += part.rows
    clock = time.perf_counter()
    pool = None
    try:
        if on_load is not None:
            on_load("loading")
        if pool_factory is not None:
            from ._workers import pipeline_spec

            pool = pool_factory(count, pipeline_spec(pipe), options)
        elif count > 1:
            from ._workers import WorkerPool, pipeline_spec

            pool = WorkerPool(count, pipeline_spec(pipe), options)
        else:
            pipe.warm_up()
        # throughput counts redaction, not model loading (reported apart as startup_seconds)
        report["startup_seconds"] = round(time.perf_counter() - clock, 3)
        if on_load is not None:
            on_load("loaded")
        if on_start is not None:
            on_start(total_rows)
        clock = time.perf_counter()
        for part in todo:
            out_schema = schemas[part.source]
            quarantine = _quarantine_path(target, part, directory=directory)
            try:
                part_summary = _redact_file(
                    part, out_schema, pipe, pool, options, rows, quarantine, on_batch=on_batch, sort=sort
                )
            except OSError as exc:
                raise _output_error(exc, part.target, directory=directory) from None
            summary.merge(part_summary)
            summary.files_written += 1
        summary.seconds = time.perf_counter() - clock
        if pool is not None:
            pool.close()
            summary.cpu_seconds += pool.cpu_seconds
            pool = None
    except BaseException as exc:
        if pool is not None:  # stop the workers now: they may be mid-batch
            getattr(pool, "terminate", pool.close)()
        if directory:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
            report.update(status=status, stopped_at=_now(), error=type(exc).__name__)
            if isinstance(exc, RunInterrupted):
                report["signal"] = signal.Signals(exc.signum).name
            with contextlib.suppress(OSError):
                _write_report(report_file, report)
        raise
    report.update(
        status="complete",
        finished_at=_now(),
        files={"total": len(parts), "written": summary.files_written, "skipped": summary.files_skipped},
        summary=summary.to_dict(),
    )
    try:
        _write_report(report_file, report)
    except OSError as exc:
        raise _output_error(exc, report_file, directory=directory) from None
    return summary


def _output_error(exc: OSError, path: Path, *, directory: bool) -> OutputError:
    """One line naming the path and the cause (no traceback, no text)."""
    where = exc.filename if isinstance(exc.filename, str) and exc.filename else str(path)
    cause = exc.strerror or str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
    again = "run the same command again to resume" if directory else "run again"
    return OutputError(
        f"could not write {where}: {cause}. Nothing was left under the output's final name; "
        f"fix the cause (free space, permissions, file-size limit) and {again}"
    )


# -- planning and checks --------------------------------------------------------------------------


def _plan(
    source: Path, target: Path, options: ColumnOptions, *, directory: bool, route_root: Path | None = None
) -> tuple[list[_Part], dict[Path, pa.Schema]]:
    """Every file to redact with its output schema; fails before anything is written."""
    if not source.exists():
        raise DataError(f"input {source} does not exist; name a Parquet file or a dataset directory")
    if directory:
        resolved_out = target.resolve()
        resolved_in = source.resolve()
        if resolved_out == resolved_in or resolved_in in resolved_out.parents:
            raise DataError(f"output {target} is inside input {source}; choose a folder outside it")
        files = sorted(_dataset_files(source))
        if not files:
            raise DataError(
                f"input folder {source} holds no Parquet files (*.parquet, *.parq, *.pq); "
                "names starting with _ or . are skipped"
            )
    else:
        files = [source]
    parts: list[_Part] = []
    schemas: dict[Path, pa.Schema] = {}
    for file in files:
        handle = _open(file)
        schemas[file] = options.output_schema(handle.schema_arrow, source=str(file))
        relative = file.relative_to(source).as_posix() if directory else file.name
        routed = None
        if route_root is not None:
            routed_output_schema(schemas[file])  # an input column named source_row fails here
            routed = route_root / relative if directory else route_root / target.name
        parts.append(
            _Part(
                file,
                target / relative if directory else target,
                relative,
                handle.metadata.num_rows,
                _identity(file),
                routed,
            )
        )
    return parts, schemas


def _identity(path: Path) -> dict[str, Any]:
    """What tells one version of an input file from another without reading its data: size,
    modification time (ns) and the SHA-256 of the Parquet footer (schema, row groups, their
    offsets and statistics)."""
    try:
        with path.open("rb") as handle:
            stat = os.fstat(handle.fileno())
            handle.seek(max(0, stat.st_size - 8))
            tail = handle.read(8)
            footer_length = int.from_bytes(tail[:4], "little") if len(tail) == 8 else 0
            handle.seek(max(0, stat.st_size - 8 - footer_length))
            footer = handle.read(footer_length + 8)
    except OSError as exc:
        raise DataError(f"input {path} cannot be read ({exc.strerror or type(exc).__name__})") from None
    return {
        "size": stat.st_size,
        "mtime_ns": stat.st_mtime_ns,
        "footer_sha256": hashlib.sha256(footer).hexdigest(),
    }


def _refuse_writing_over_inputs(parts: Sequence[_Part]) -> None:
    """An output file may never be an input file (same path, symlink or hard link), whatever
    ``overwrite`` says: redaction never destroys its own input."""
    inputs = {_inode(part.source) for part in parts}
    for part in parts:
        for output in (part.target, part.routed):
            inode = None if output is None else _inode(output)
            if inode is not None and inode in inputs:
                raise DataError(
                    f"output {output} is an input file; redactkit never writes over its input "
                    "(not even with --overwrite or --in-place). Choose another output path"
                )


def refuse_output_over_input(input_path: Path, output_path: Path) -> None:
    """The output-over-input check alone, for callers that redact a derived copy of the input
    (``redactkit redact --limit``): raises DataError if an output file would be an input file."""
    source, target = Path(input_path), Path(output_path)
    if not source.exists():
        return
    directory = source.is_dir()
    files = sorted(_dataset_files(source)) if directory else [source]
    parts = [
        _Part(file, target / file.relative_to(source) if directory else target, "", 0, {}) for file in files
    ]
    if directory and (target.resolve() == source.resolve() or source.resolve() in target.resolve().parents):
        raise DataError(f"output {target} is inside input {source}; choose a folder outside it")
    _refuse_writing_over_inputs(parts)


def _check_route_dir(source: Path, target: Path, route_root: Path, *, directory: bool) -> None:
    """The routed output is a folder of its own: never the output or inside it (readers of the
    output would read the routed rows too), never inside the input, never a file."""
    if route_root.exists() and not route_root.is_dir():
        raise DataError(f"route directory {route_root} is a file; name a folder (it mirrors the output)")
    routed = route_root.resolve()
    output_folder = (target if directory else target.parent).resolve()
    if routed == output_folder or (directory and output_folder in routed.parents):
        raise DataError(
            f"route directory {route_root} is the output or inside it; the routed rows must live apart "
            "from the output (a reader of the output would read them too). Choose a folder outside it"
        )
    source_folder = source.resolve() if source.is_dir() else None
    if source_folder is not None and (routed == source_folder or source_folder in routed.parents):
        raise DataError(f"route directory {route_root} is inside input {source}; choose a folder outside it")


def _check_routed(parts: Sequence[_Part], *, resume: bool, overwrite: bool) -> None:
    """A fresh run does not write over routed files of another run unless ``overwrite`` (then they
    are removed); a resume redoes only the files whose output is missing, whose routed files it
    replaces."""
    if resume:
        return
    for part in parts:
        if part.routed is None or not part.routed.exists():
            continue
        if not overwrite:
            raise DataError(
                f"routed output {part.routed} already exists; pass --overwrite to replace it, or choose "
                "another --route-dir"
            )
        part.routed.unlink()


def _inode(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_dev, stat.st_ino


def _lock_output(target: Path, *, directory: bool) -> OutputLock:
    """Check that the output location can be written (creating its folders) and return its lock.

    Runs before any model loads: a typo'd or read-only output fails in a second, not after minutes.
    """
    folder = target if directory else target.parent
    if directory and target.exists() and not target.is_dir():
        raise DataError(f"output {target} is a file; a dataset folder needs a folder as output")
    if not directory and target.is_dir():
        raise DataError(f"output {target} is a folder; name a file for a single input file")
    created: list[Path] = []
    for ancestor in reversed([folder, *folder.parents]):
        if ancestor.exists() and not ancestor.is_dir():
            raise DataError(f"output {target} cannot be created: {ancestor} is a file, not a folder")
    lock_dir = folder / META_DIR if directory else folder
    missing = [path for path in (lock_dir, *lock_dir.parents) if not path.exists()]
    try:
        lock_dir.mkdir(parents=True, exist_ok=True)
        created = sorted(missing, key=lambda path: len(path.parts), reverse=True)
        lock_file = lock_dir / LOCK_NAME if directory else folder / f".{target.name}.lock"
        lock = OutputLock(lock_file, target, cleanup=tuple(created))
        lock.acquire()
    except OSError as exc:
        for path in created:
            with contextlib.suppress(OSError):
                path.rmdir()
        cause = exc.strerror or type(exc).__name__
        raise DataError(f"output {target} cannot be written: {cause} ({exc.filename or folder})") from None
    return lock


def _dataset_files(root: Path) -> Iterator[Path]:
    for path in root.rglob("*"):
        relative = path.relative_to(root).parts
        if any(piece.startswith(("_", ".")) for piece in relative):
            continue
        if path.is_file() and path.suffix.lower() in _SUFFIXES:
            yield path


def _open(path: Path) -> pq.ParquetFile:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise DataError(f"input {path} is not a readable Parquet file ({type(exc).__name__})") from None


def _fingerprint(
    source: Path,
    options: ColumnOptions,
    config_hash: str,
    key_id: str | None,
    resources: str = "",
    route_root: Path | None = None,
) -> str:
    settings = {
        # the gazetteers' and locales' digest: a run resumed after an upgrade of the word lists
        # would redact the rest of the dataset differently
        "language_resources": resources,
        "input": str(source.resolve()),
        "config": config_hash,
        # another key gives other pseudonyms: half an output under each would not join
        "key_id": key_id,
        "text_columns": options.text_columns,
        "in_place": options.in_place,
        "redacted_name": options.redacted_name,
        "entities_name": options.entities_name,
        "group_column": options.group_column,
        "id_column": options.id_column,
        "on_error": options.on_error,
        "timings_column": options.timings_column,
        "conversation": options.conversation,
        "order_column": options.order_column,
        "speaker_column": options.speaker_column,
        "audio_options": None if options.audio_options is None else options.audio_options.model_dump(),
        # the sensitivity policy is part of the config hash; where routed rows went is not
        "sensitivity_name": options.sensitivity_name,
        "route_dir": None if route_root is None else str(route_root.resolve()),
        # the entities column's fields (policy_label was added): parts of one output share one schema
        "entities_type": str(entities_type(options.conversation)),
    }
    canonical = json.dumps(settings, sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:16]


def _check_output(
    target: Path,
    parts: Sequence[_Part],
    report_file: Path,
    fingerprint: str,
    *,
    overwrite: bool,
    directory: bool,
) -> dict[str, Any] | None:
    """Decide between a fresh run (None), a resume (the previous report) and an error; with
    ``overwrite``, clear our files. The caller holds the output's lock."""
    if not directory:
        if target.exists() and not overwrite:
            raise DataError(
                f"output {target} already exists; pass --overwrite (overwrite=True) to replace it"
            )
        return None
    _remove_stale_temporaries(target)
    if _is_fresh(target):
        return None
    previous = _read_json(report_file)
    if overwrite:
        for part in parts:
            part.target.unlink(missing_ok=True)
        report_file.unlink(missing_ok=True)
        return None
    if previous is None:
        raise DataError(
            f"output folder {target} already exists and was not written by redactkit; pass "
            "--overwrite to write into it, or choose another folder"
        )
    if previous.get("status") == "complete":
        raise DataError(f"output {target} already exists (a complete run); pass --overwrite to redo it")
    if previous.get("fingerprint") != fingerprint:
        raise DataError(
            f"output {target} holds an unfinished run with other settings (input, columns, config or "
            "key); re-run it with the same settings to resume, or pass --overwrite to start over"
        )
    return previous


def _is_fresh(target: Path) -> bool:
    """An output folder holding nothing but (at most) our lock and temporary files: what a run
    killed before its first report reached its final name leaves."""
    for entry in target.iterdir():
        if entry.name != META_DIR or not entry.is_dir():
            return False
        if any(not _ours_to_ignore(inner) for inner in entry.iterdir()):
            return False
    return True


def _ours_to_ignore(path: Path) -> bool:
    return path.name == LOCK_NAME or (path.name.startswith(".") and path.name.endswith(".partial"))


def _remove_stale_temporaries(target: Path) -> None:
    """Temporary report files of killed runs (the caller holds the lock: no run is writing them)."""
    meta = target / META_DIR
    if meta.is_dir():
        for path in meta.glob(".*.partial"):
            path.unlink(missing_ok=True)


def _drop_stale_outputs(target: Path, parts: Sequence[_Part], previous: dict[str, Any]) -> int:
    """Delete finished outputs that no longer match their input, so the resume redoes them.

    An output is stale when its input file's identity (size, mtime, footer hash) differs from the
    one the interrupted run recorded, or when its input file is gone. Redoing (rather than
    stopping) keeps "resume = the same command again" true; the number removed goes in the report.
    """
    recorded = previous.get("inputs")
    recorded = recorded if isinstance(recorded, dict) else {}
    removed = 0
    current = {part.relative for part in parts}
    for part in parts:
        if part.target.exists() and recorded.get(part.relative) != part.identity:
            _remove_output(target, part.target, part.relative)
            if part.routed is not None:
                part.routed.unlink(missing_ok=True)
            removed += 1
    for relative in recorded:
        gone = target / relative
        if relative not in current and _inside(gone, target) and gone.is_file():
            _remove_output(target, gone, relative)
            removed += 1
    return removed


def _remove_output(target: Path, path: Path, relative: str) -> None:
    path.unlink(missing_ok=True)
    (target / META_DIR / "quarantine" / f"{relative}.jsonl").unlink(missing_ok=True)
    fsync_dir(path.parent)


def _inside(path: Path, root: Path) -> bool:
    try:
        path.resolve().relative_to(root.resolve())
    except ValueError:
        return False
    return True


# -- one file -------------------------------------------------------------------------------------


def _redact_file(
    part: _Part,
    schema: pa.Schema,
    pipe: Pipeline,
    pool: Any,
    options: ColumnOptions,
    rows: int,
    quarantine: Path,
    *,
    on_batch: Callable[[int], None] | None,
    sort: bool = False,
) -> RedactionSummary:
    import pyarrow as pa
    import pyarrow.parquet as pq

    part.target.parent.mkdir(parents=True, exist_ok=True)
    for stale in part.target.parent.glob(f".{part.target.name}.*.partial"):
        stale.unlink(missing_ok=True)  # left by a killed run
    temporary = part.target.with_name(f".{part.target.name}.{os.getpid()}.partial")
    quarantine_tmp = quarantine.with_name(f".{quarantine.name}.{os.getpid()}.partial")
    routed_tmp: Path | None = None
    routed_writer: Any = contextlib.nullcontext()
    if part.routed is not None:
        part.routed.parent.mkdir(parents=True, exist_ok=True)
        for stale in part.routed.parent.glob(f".{part.routed.name}.*.partial"):
            stale.unlink(missing_ok=True)
        routed_tmp = part.routed.with_name(f".{part.routed.name}.{os.getpid()}.partial")
        routed_writer = pq.ParquetWriter(routed_tmp, routed_output_schema(schema))
    summary = RedactionSummary()
    failures: list[dict[str, Any]] = []
    cpu: list[float] = []
    if pool is not None:
        pool.reset_groups()
    else:
        pipe.reset_groups()
    try:
        with pq.ParquetWriter(temporary, schema) as writer, routed_writer:
            buffer: list[pa.RecordBatch] = []
            buffered = buffered_bytes = 0
            for offset, batch in _redacted_batches(part, pipe, pool, options, rows, schema, cpu, sort=sort):
                out_batch, batch_failures, routed = batch
                if routed is not None and routed.num_rows:
                    import pyarrow.compute as pc

                    assert routed_tmp is not None, "routed rows without a routed output"
                    index = routed.schema.get_field_index(SOURCE_ROW)
                    rows_in_file = pc.add(routed.column(index), pa.scalar(offset, pa.int64()))
                    routed = routed.set_column(index, routed.schema.field(index), rows_in_file)
                    routed_writer.write_batch(routed)
                    summary.rows_routed += routed.num_rows
                # Row groups of ROW_GROUP_ROWS rows, not one per batch: the writer keeps every row
                # group's metadata until it closes, so tiny row groups would make memory grow with
                # the file (and make the output slow to read).
                # Wide rows (audio, embeddings) flush sooner: ROW_GROUP_BYTES bounds the buffer.
                buffer.append(out_batch)
                buffered += out_batch.num_rows
                buffered_bytes += out_batch.nbytes
                if buffered >= ROW_GROUP_ROWS or buffered_bytes >= ROW_GROUP_BYTES:
                    writer.write_table(pa.Table.from_batches(buffer, schema), row_group_size=ROW_GROUP_ROWS)
                    buffer, buffered, buffered_bytes = [], 0, 0
                summary.add_batch(out_batch, options)
                failures.extend(_failure_record(part, out_batch, offset, f, options) for f in batch_failures)
                if on_batch is not None:
                    on_batch(out_batch.num_rows)
            if buffer:
                writer.write_table(pa.Table.from_batches(buffer, schema), row_group_size=ROW_GROUP_ROWS)
        if _identity(part.source) != part.identity:
            raise DataError(
                f"input {part.source} changed while it was being redacted; nothing was written for "
                "it. Run the same command again to redact its new version"
            )
        quarantine.unlink(missing_ok=True)
        if failures:
            quarantine.parent.mkdir(parents=True, exist_ok=True)
            with quarantine_tmp.open("w", encoding="utf-8") as handle:
                for record in failures:
                    handle.write(json.dumps(record, sort_keys=True) + "\n")
            replace_durably(quarantine_tmp, quarantine)
        if routed_tmp is not None and part.routed is not None:
            # before the output: the output file appearing is the mark that its file is complete
            replace_durably(routed_tmp, part.routed)
        replace_durably(temporary, part.target)
        summary.cpu_seconds += sum(cpu)
    finally:
        for leftover in (temporary, quarantine_tmp, routed_tmp):
            if leftover is not None:
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()
    return summary


def _failure_record(
    part: _Part, out_batch: pa.RecordBatch, offset: int, failure: Failure, options: ColumnOptions
) -> dict[str, Any]:
    record: dict[str, Any] = {
        "file": part.relative,
        "row": offset + failure.row,
        "column": failure.column,
        "error": failure.error,
        # the component, never the error's message: a plugin's message may quote the text
        "component": failure.component,
    }
    if options.id_column is not None:
        value = out_batch.column(options.id_column)[failure.row].as_py()
        record["id"] = value if isinstance(value, int | str) or value is None else str(value)
    return record


def _redacted_batches(
    part: _Part,
    pipe: Pipeline,
    pool: Any,
    options: ColumnOptions,
    rows: int,
    schema: pa.Schema,
    cpu: list[float],
    *,
    sort: bool = False,
) -> Iterator[tuple[int, _Redacted]]:
    """(row offset, (output batch, failures with batch-relative rows, routed rows or None)) in input
    order; routed rows carry their batch-relative ``source_row``.

    In-process, the CPU seconds of each batch's redaction are appended to ``cpu``. In conversation
    mode the batches are cut where conversations end; with ``sort`` the file is read whole, grouped
    by conversation, redacted, and given back in its input order as one batch.
    """
    handle = _open(part.source)
    batches: Iterator[pa.RecordBatch] = _read(handle, part, rows)
    if options.conversation:
        from ..conversation.arrow import conversation_batches

        assert options.group_column is not None
        if sort:
            yield from _sorted_file(part, handle, pipe, pool, options, rows, schema, cpu)
            return
        batches = conversation_batches(batches, options.group_column, rows, pipe.conversation.max_turns)
    yield from _redact_stream(batches, pipe, pool, options, schema, cpu)


def _sorted_file(
    part: _Part,
    handle: pq.ParquetFile,
    pipe: Pipeline,
    pool: Any,
    options: ColumnOptions,
    rows: int,
    schema: pa.Schema,
    cpu: list[float],
) -> Iterator[tuple[int, _Redacted]]:
    """``--sort``: the whole file in memory, its conversations brought together (stable), redacted,
    and put back in input order (rows, and the rows of quarantine records)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ..conversation.arrow import conversation_batches, grouping_permutation

    assert options.group_column is not None
    try:
        table = handle.read()
    except (pa.ArrowException, OSError) as exc:
        raise DataError(
            f"input {part.source} could not be read to the end ({type(exc).__name__}); the file is "
            "damaged. Nothing was written for it."
        ) from None
    permutation = grouping_permutation(table, options.group_column)
    grouped = table.take(permutation).to_batches(max_chunksize=rows)
    batches = conversation_batches(grouped, options.group_column, rows, pipe.conversation.max_turns)
    outputs: list[pa.RecordBatch] = []
    failures: list[Failure] = []
    routed_pieces: list[pa.RecordBatch] = []
    original = permutation.to_pylist()
    for offset, (out_batch, batch_failures, routed) in _redact_stream(
        batches, pipe, pool, options, schema, cpu
    ):
        outputs.append(out_batch)
        failures.extend(Failure(offset + f.row, f.column, f.error, f.component) for f in batch_failures)
        if routed is not None:  # grouped position -> input row
            index = routed.schema.get_field_index(SOURCE_ROW)
            rows_in_file = pa.array(
                [original[offset + r] for r in routed.column(index).to_pylist()], pa.int64()
            )
            routed_pieces.append(routed.set_column(index, routed.schema.field(index), rows_in_file))
    if not outputs:
        return
    routed_all = None
    if routed_pieces:
        table = pa.Table.from_batches(routed_pieces)
        table = table.take(pc.sort_indices(table.column(SOURCE_ROW)))
        routed_all = table.combine_chunks().to_batches()[0]
    restored = pa.Table.from_batches(outputs, schema=schema).take(pc.sort_indices(permutation))
    failures = sorted(
        (Failure(original[f.row], f.column, f.error, f.component) for f in failures),
        key=lambda f: (f.row, f.column),
    )
    yield (
        0,
        (
            restored.combine_chunks().to_batches()[0] if restored.num_rows else outputs[0],
            failures,
            routed_all,
        ),
    )


def _check_grouped(part: _Part, options: ColumnOptions) -> None:
    """Conversation mode streams a file conversation by conversation: each conversation's rows must
    be together. Reads only the group column."""
    import pyarrow as pa

    from ..conversation.arrow import GroupingCheck

    assert options.group_column is not None
    check = GroupingCheck(
        options.group_column,
        f"input {part.source}",
        hint=f"sort it by {options.group_column!r} first, or pass --sort (sort=True), which groups each "
        "file in memory",
    )
    try:
        for batch in _open(part.source).iter_batches(columns=[options.group_column], batch_size=65_536):
            check.add(batch.column(0).to_pylist())
    except (pa.ArrowException, OSError) as exc:
        raise DataError(
            f"input {part.source} could not be read to the end ({type(exc).__name__}); the file is damaged"
        ) from None


def _redact_stream(
    batches: Iterator[pa.RecordBatch],
    pipe: Pipeline,
    pool: Any,
    options: ColumnOptions,
    schema: pa.Schema,
    cpu: list[float],
) -> Iterator[tuple[int, _Redacted]]:
    """Redact ``batches`` in-process or on the pool; results in input order."""
    import pyarrow as pa

    if pool is None:
        offset = 0
        for batch in batches:
            started = time.process_time()
            outputs, failures = redact_columns(batch.select(options.work_columns()), pipe, options)
            cpu.append(time.process_time() - started)
            out_batch, routed = assemble_routed(batch, outputs, options, schema)
            yield offset, (out_batch, failures, routed)
            offset += batch.num_rows
        return
    # parallel: keep at most 2 batches per worker in flight; write them back in order
    pending: dict[int, dict[str, Any]] = {}
    next_out = 0
    offset = 0
    limit = 2 * pool.size
    in_flight = [0] * pool.size  # batches (or parts of batches) each worker has yet to return
    seq = 0
    exhausted = False
    while True:
        while not exhausted and len(pending) < limit:
            batch = next(batches, None)
            if batch is None:
                exhausted = True
                break
            work = batch.select(options.work_columns())
            routes = _route(work, options, in_flight)
            pending[seq] = {"batch": batch, "offset": offset, "routes": routes, "results": {}}
            for worker, indices in routes.items():
                in_flight[worker] += 1
                pool.submit(worker, seq, work if indices is None else work.take(pa.array(indices)))
            offset += batch.num_rows
            seq += 1
        while next_out in pending and _complete(pending[next_out]):
            entry = pending.pop(next_out)
            yield entry["offset"], _reassemble(entry, options, schema)
            next_out += 1
        if not pending:
            if exhausted:
                return
            continue
        got_seq, worker, outputs, failures = pool.receive()
        in_flight[worker] -= 1
        pending[got_seq]["results"][worker] = (outputs, failures)


def _complete(entry: dict[str, Any]) -> bool:
    return len(entry["results"]) == len(entry["routes"])


def _read(handle: pq.ParquetFile, part: _Part, rows: int) -> Iterator[pa.RecordBatch]:
    import pyarrow as pa

    try:
        yield from handle.iter_batches(batch_size=rows)
    except (pa.ArrowException, OSError) as exc:
        raise DataError(
            f"input {part.source} could not be read to the end ({type(exc).__name__}); the file is "
            "damaged. Nothing was written for it."
        ) from None


def _route(
    work: pa.RecordBatch, options: ColumnOptions, in_flight: Sequence[int]
) -> dict[int, list[int] | None]:
    """Which rows go to which worker: by group id hash (a group always goes to the same worker), or
    the whole batch to the worker with the least work in flight, so that a worker slowed down by
    its batches or by the machine does not hold the others idle at the end of a file."""
    workers = len(in_flight)
    if options.group_column is None:
        return {min(range(workers), key=in_flight.__getitem__): None}
    groups = work.column(options.group_column).to_pylist()
    routes: dict[int, list[int] | None] = {}
    for index, group in enumerate(groups):
        key = "" if group is None else str(group)
        worker = zlib.crc32(key.encode()) % workers
        bucket = routes.setdefault(worker, [])
        assert bucket is not None
        bucket.append(index)
    return routes


def _reassemble(entry: dict[str, Any], options: ColumnOptions, schema: pa.Schema) -> _Redacted:
    import pyarrow as pa
    import pyarrow.compute as pc

    batch: pa.RecordBatch = entry["batch"]
    routes: dict[int, list[int] | None] = entry["routes"]
    results: dict[int, tuple[dict[str, tuple[pa.Array, pa.Array]], list[Failure]]] = entry["results"]
    if len(routes) == 1 and next(iter(routes.values())) is None:
        outputs, failures = next(iter(results.values()))
        out_batch, routed = assemble_routed(batch, outputs, options, schema)
        return out_batch, list(failures), routed
    order: list[int] = []
    failures = []
    # every array redact_columns returned: per text column the redacted text and entities, and its
    # sensitivity arrays
    pieces: dict[str, tuple[list[pa.Array], list[pa.Array]]] = {}
    for worker in sorted(routes):
        indices = routes[worker]
        assert indices is not None
        outputs, worker_failures = results[worker]
        for key, (first, second) in outputs.items():
            pieces.setdefault(key, ([], []))
            pieces[key][0].append(first)
            pieces[key][1].append(second)
        failures.extend(Failure(indices[f.row], f.column, f.error, f.component) for f in worker_failures)
        order.extend(indices)
    inverse = pc.sort_indices(pa.array(order))
    merged = {
        column: (
            pa.concat_arrays(redacted).take(inverse),
            pa.concat_arrays(entities).take(inverse),
        )
        for column, (redacted, entities) in pieces.items()
    }
    out_batch, routed = assemble_routed(batch, merged, options, schema)
    return out_batch, sorted(failures, key=lambda f: (f.row, f.column)), routed


def _recount(part: _Part, options: ColumnOptions) -> RedactionSummary:
    """Counts of an output a previous run completed, read back from its entities and sensitivity
    columns (and its routed file's row count)."""
    summary = RedactionSummary()
    handle = _open(part.target)
    columns = [
        *(options.redacted_of(c) for c in options.text_columns),
        *(options.entities_of(c) for c in options.text_columns),
    ]
    columns += [
        name for name in (options.sensitivity_name, options.reasons_name) if name in handle.schema_arrow.names
    ]
    for batch in handle.iter_batches(columns=columns):
        summary.add_batch(batch, options)
    if part.routed is not None and part.routed.exists():
        summary.rows_routed += _open(part.routed).metadata.num_rows
    return summary


# -- report ---------------------------------------------------------------------------------------


def _language_resources(pipe: Pipeline) -> dict[str, Any]:
    """Gazetteer sources and locale versions the pipeline's detection knowledge comes from."""
    from ..lang import resources_manifest

    locales: set[str] = set()

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list):
            for child in value:
                walk(child, key)
        elif key == "locale" and isinstance(value, str):
            locales.add(value)

    walk(pipe.config.to_mapping())
    return resources_manifest(locales)


def _versions(pipe: Pipeline) -> dict[str, Any]:
    from importlib import metadata

    try:
        spacy_version: str | None = metadata.version("spacy")
    except metadata.PackageNotFoundError:
        spacy_version = None
    models: dict[str, dict[str, str] | None] = {}

    def walk(value: Any, key: str = "") -> None:
        if isinstance(value, dict):
            for child_key, child in value.items():
                walk(child, child_key)
        elif isinstance(value, list):
            for child in value:
                walk(child, key)
        elif key == "model" and isinstance(value, str) and value not in models:
            models[value] = _model_meta(value)

    walk(pipe.config.to_mapping())
    return {"spacy_version": spacy_version, "models": models}


def _model_meta(name: str) -> dict[str, str] | None:
    """Name and version from the model's own meta.json (it may be installed under another package)."""
    try:
        import spacy.util

        from ..detect.spacy_models import resolve_model_path

        resolved = resolve_model_path(name)
        root = Path(resolved) if Path(resolved).is_dir() else Path(spacy.util.get_package_path(resolved))
        metas = [root / "meta.json", *sorted(root.glob("*/meta.json"))]
        meta = json.loads(next(path for path in metas if path.is_file()).read_text(encoding="utf-8"))
        return {
            "resolved": resolved,
            "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
            "version": str(meta.get("version", "")),
        }
    except Exception:  # a report must not fail a finished run
        return None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _write_report(path: Path, payload: dict[str, Any]) -> None:
    """Replace the run report atomically and durably: readers see the old one or the new one."""
    write_text_durably(path, json.dumps(payload, indent=2, sort_keys=True) + "\n")


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        payload = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return payload if isinstance(payload, dict) else None
