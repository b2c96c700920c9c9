"""Worker processes for dataset redaction: each loads the pipeline once, then redacts batches.

Why per-worker queues rather than a ``multiprocessing.Pool``: group-scoped pseudonyms need every row
of a group to go through the *same* process, in input order. The main process routes each row by a
stable hash of its group id (crc32, not Python's salted ``hash``) to one worker; each worker takes its
queue in order. Without a group column whole batches go round-robin. Results come back tagged with
the batch sequence number and are reassembled in input order by the caller.

Workers are started with the ``spawn`` context (no fork of a process that may hold threads or loaded
models) and receive the pipeline's configuration plus the modules that define its components, so
components registered outside redactkit (plugins, tests) exist in the worker too.
"""

from __future__ import annotations

import contextlib
import importlib
import multiprocessing as mp
import os
import queue
import signal
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .. import errors as errors_module
from ..errors import RedactkitError
from .parquet import ColumnOptions, Failure, redact_columns

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = ["PipelineSpec", "WorkerPool", "pipeline_spec", "raise_remote"]

#: (configuration mapping, modules to import first)
PipelineSpec = tuple[dict[str, Any], tuple[str, ...]]

_START_TIMEOUT = 900.0


def pipeline_spec(pipeline: Pipeline) -> PipelineSpec:
    """What a worker needs to rebuild ``pipeline``: its config and the modules defining its parts."""
    components = [*pipeline.normalizers, *pipeline.detectors, pipeline.anonymizer]
    modules = tuple(sorted({type(component).__module__ for component in components}))
    return pipeline.config.to_mapping(), modules


def raise_remote(kind: str, message: str) -> None:
    """Re-raise an error a worker reported, as the same redactkit error class when there is one."""
    cls = getattr(errors_module, kind, None)
    if isinstance(cls, type) and issubclass(cls, RedactkitError):
        if cls is errors_module.ConfigError:
            raise errors_module.ConfigError(message)
        raise cls(message)
    raise RedactkitError(f"a worker failed on a batch ({kind})")


def _worker_main(index: int, spec: PipelineSpec, options: ColumnOptions, inbox: Any, outbox: Any) -> None:
    # Ctrl-C reaches the whole process group; the main process stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for module in spec[1]:
            importlib.import_module(module)
        from ..pipeline import Pipeline

        pipe = Pipeline.from_config(spec[0]).warm_up()
    except Exception as exc:
        outbox.put(("fatal", -1, index, type(exc).__name__, _safe_message(exc)))
        return
    outbox.put(("ready", -1, index))
    parent = mp.parent_process()
    while True:
        try:
            task = inbox.get(timeout=1.0)
        except queue.Empty:
            # The main process died without stopping us (SIGKILL, OOM killer): stop, rather than
            # hold ~600 MB of models for nobody. At once: a normal exit would wait for the queue's
            # feeder thread to flush results into a pipe nobody reads any more (siblings hold its
            # read end too), which can block forever. A worker writes no files: nothing to undo.
            if parent is not None and not parent.is_alive():
                os._exit(0)
            continue
        if task is None:
            return
        if task[0] == "reset":
            pipe.reset_groups()
            continue
        _, seq, work = task
        started = time.process_time()
        try:
            outputs, failures = redact_columns(work, pipe, options)
        except Exception as exc:
            outbox.put(("error", seq, index, type(exc).__name__, _safe_message(exc)))
            continue
        outbox.put(("done", seq, index, outputs, failures, time.process_time() - started))


def _safe_message(exc: BaseException) -> str:
    # redactkit's own messages never quote transcript text; anything else might, so only its class
    return str(exc) if isinstance(exc, RedactkitError) else f"{type(exc).__name__} in a worker"


class WorkerPool:
    """``workers`` processes, each with its own inbox; one shared outbox."""

    def __init__(self, workers: int, spec: PipelineSpec, options: ColumnOptions) -> None:
        context = mp.get_context("spawn")
        self.size = workers
        #: CPU seconds the workers spent redacting (model loading excluded)
        self.cpu_seconds = 0.0
        self._inboxes = [context.Queue(maxsize=4) for _ in range(workers)]
        self._outbox = context.Queue()
        self._processes = [
            context.Process(
                target=_worker_main,
                args=(index, spec, options, self._inboxes[index], self._outbox),
                name=f"redactkit-worker-{index}",
                daemon=True,
            )
            for index in range(workers)
        ]
        for process in self._processes:
            process.start()
        ready = 0
        deadline = time.monotonic() + _START_TIMEOUT
        try:
            while ready < workers:
                message = self._get(deadline)
                if message[0] == "fatal":
                    raise_remote(message[3], message[4])
                ready += 1
        except BaseException:
            self.close()
            raise

    def submit(self, worker: int, seq: int, work: pa.RecordBatch) -> None:
        self._inboxes[worker].put(("batch", seq, work))

    def reset_groups(self) -> None:
        """Start a new independent unit (a file): workers forget their group numbering."""
        for inbox in self._inboxes:
            inbox.put(("reset",))

    def receive(self) -> tuple[int, int, dict[str, tuple[pa.Array, pa.Array]], Sequence[Failure]]:
        """The next result: (batch seq, worker, outputs, failures); raises a worker's error."""
        message = self._get(None)
        if message[0] in ("error", "fatal"):
            raise_remote(message[3], message[4])
        _, seq, worker, outputs, failures, cpu_seconds = message
        self.cpu_seconds += cpu_seconds
        return seq, worker, outputs, failures

    def _get(self, deadline: float | None) -> Any:
        while True:
            try:
                return self._outbox.get(timeout=1.0)
            except queue.Empty:
                dead = [p.name for p in self._processes if not p.is_alive()]
                if dead:
                    raise RedactkitError(
                        f"worker process {dead[0]} exited unexpectedly (out of memory or killed?); "
                        "nothing was written for the current file. Re-run to resume, or use fewer "
                        "--workers."
                    ) from None
                if deadline is not None and time.monotonic() > deadline:
                    raise RedactkitError("worker processes did not start in time") from None

    def terminate(self) -> None:
        """Stop the workers at once (a run interrupted or failed: their work is thrown away)."""
        for process in self._processes:
            if process.is_alive():
                process.terminate()
        self.close()

    def close(self) -> None:
        """Stop the workers: politely if idle, otherwise terminate them (only ours)."""
        for inbox in self._inboxes:
            with contextlib.suppress(queue.Full):
                inbox.put_nowait(None)
        for process in self._processes:
            process.join(timeout=2.0)
            if process.is_alive():
                process.terminate()
                process.join(timeout=5.0)
        for q in (*self._inboxes, self._outbox):
            q.cancel_join_thread()
            q.close()
