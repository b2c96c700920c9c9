"""Redact on Ray: Ray Data datasets, and Ray actors behind ``redactkit redact --engine ray``.

Two ways in, both reusing the local engine's batch code (:mod:`redactkit.io._engine`,
:class:`~redactkit.io.parquet.ColumnOptions`), so a row comes out the same whichever engine redacts
it:

- :class:`RayRedactor` is a callable class for ``Dataset.map_batches(..., batch_format="pyarrow")``
  (and ``GroupedData.map_groups``): each actor builds the pipeline once in ``__init__`` (principle
  3) and adds exactly the columns the local engine adds. :func:`redact_ray_dataset` wires it up.
- :class:`RayActorPool` stands in for the local worker processes of
  :func:`~redactkit.io.redact_parquet`: the driver still reads, routes (by group id), reassembles and
  writes the files, so the output, the resume logic, the quarantine files and the run report are the
  local engine's, file for file; only the redaction runs in Ray actors, anywhere on the cluster.

Group-scoped pseudonyms need every row of a group in one actor, in input order. The actor pool gets
that from the local engine's routing. On Ray Data, :func:`redact_ray_dataset` groups the rows with
``groupby(group_column).map_groups``; because a shuffle does not promise row order within a group,
name an ``order_column`` (row number, utterance index, timestamp) to number pseudonyms exactly as the
local engine does on the same rows.

Ray is never asked to reach the network: without an address a local instance is started (no
dashboard) and Ray's usage statistics are switched off.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ..errors import RedactkitError
from ..io._engine import check_grouping, distributed_setup, redact_group, redact_table_batches
from ..io._workers import PipelineSpec, raise_remote
from ..io.parquet import ColumnOptions, Failure, options_from_arguments, redact_columns

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = ["RayActorPool", "RayRedactor", "ensure_ray", "ray_pool_factory", "redact_ray_dataset"]

INSTALL_HINT = "pip install 'redactkit[ray]'"
_START_TIMEOUT = 900.0


def _import_ray() -> Any:
    # set before ray is imported: the processes ray.init starts read it (principle 6: no network)
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"
    try:
        import ray
    except ImportError:
        raise RedactkitError(
            f"the Ray engine needs Ray, which is not installed; run {INSTALL_HINT}"
        ) from None
    return ray


def ensure_ray(address: str | None = None, num_cpus: int | None = None) -> Any:
    """The ``ray`` module, connected: to ``address`` if given, else to a new local instance.

    An already initialised Ray (e.g. in a notebook or a Ray job) is used as it is.
    """
    ray = _import_ray()
    if ray.is_initialized():
        return ray
    try:
        if address:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
        else:
            ray.init(
                num_cpus=num_cpus,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
    except Exception as exc:
        where = f"the Ray cluster at {address}" if address else "a local Ray instance"
        raise RedactkitError(
            f"could not connect to {where} ({type(exc).__name__}); check --address (e.g. "
            "ray://head:10001 or auto), or leave it out to start a local instance"
        ) from None
    return ray


def cluster_cpus(ray: Any) -> int:
    """CPUs the connected Ray cluster has (the default number of actors)."""
    return max(1, int(ray.cluster_resources().get("CPU", 1)))


def _build(spec: PipelineSpec) -> Pipeline:
    for module in spec[1]:
        importlib.import_module(module)
    from ..pipeline import Pipeline

    return Pipeline.from_config(spec[0]).warm_up()


def _safe_message(exc: BaseException) -> str:
    # redactkit's own messages never quote transcript text; anything else might (principle 5)
    return str(exc) if isinstance(exc, RedactkitError) else f"{type(exc).__name__} in a Ray actor"


# -- actors behind redact_parquet ------------------------------------------------------------------


class _RedactActor:
    """One Ray actor: the pipeline, built once; redacts the batches the driver routes to it in order.

    Ray runs the calls one caller makes on one (non-threaded) actor in submission order, which is what
    keeps a group's rows and the per-file ``reset`` in input order.
    """

    def __init__(self) -> None:
        self._pipe: Pipeline | None = None
        self._options: ColumnOptions | None = None

    def start(self, spec: PipelineSpec, options: ColumnOptions) -> tuple[str, str, str]:
        try:
            self._pipe = _build(spec)
        except Exception as exc:
            return ("fatal", type(exc).__name__, _safe_message(exc))
        self._options = options
        return ("ready", "", "")

    def reset(self) -> None:
        assert self._pipe is not None
        self._pipe.reset_groups()

    def redact(self, work: pa.RecordBatch) -> tuple[Any, ...]:
        assert self._pipe is not None and self._options is not None
        started = time.process_time()
        try:
            outputs, failures = redact_columns(work, self._pipe, self._options)
        except Exception as exc:
            return ("error", type(exc).__name__, _safe_message(exc))
        return ("done", outputs, failures, time.process_time() - started)


class RayActorPool:
    """The :class:`~redactkit.io._workers.WorkerPool` interface on Ray actors (one CPU each)."""

    def __init__(
        self,
        workers: int,
        spec: PipelineSpec,
        options: ColumnOptions,
        *,
        address: str | None = None,
        num_cpus: int | None = None,
        cpus_per_actor: float = 1.0,
    ) -> None:
        self._ray = ensure_ray(address, num_cpus)
        self.size = workers
        #: CPU seconds the actors spent redacting (model loading excluded)
        self.cpu_seconds = 0.0
        self._pending: dict[Any, tuple[int, int]] = {}
        remote = self._ray.remote(num_cpus=cpus_per_actor, max_restarts=0)(_RedactActor)
        self._actors = [remote.remote() for _ in range(workers)]
        try:
            started = self._ray.get(
                [actor.start.remote(spec, options) for actor in self._actors], timeout=_START_TIMEOUT
            )
        except Exception as exc:
            self.close()
            raise RedactkitError(
                f"{workers} Ray actors did not start ({type(exc).__name__}); the cluster has "
                f"{cluster_cpus(self._ray)} CPUs: pass fewer --workers"
            ) from None
        for status, kind, message in started:
            if status == "fatal":
                self.close()
                raise_remote(kind, message)

    def submit(self, worker: int, seq: int, work: pa.RecordBatch) -> None:
        ref = self._actors[worker].redact.remote(work)
        self._pending[ref] = (seq, worker)

    def reset_groups(self) -> None:
        """Start a new file: actors forget their group numbering (ordered with the batches)."""
        for actor in self._actors:
            actor.reset.remote()

    def receive(self) -> tuple[int, int, dict[str, tuple[pa.Array, pa.Array]], Sequence[Failure]]:
        """The next finished batch: (batch seq, worker, outputs, failures); raises an actor's error."""
        ready, _ = self._ray.wait(list(self._pending), num_returns=1)
        seq, worker = self._pending.pop(ready[0])
        try:
            message = self._ray.get(ready[0])
        except Exception as exc:
            raise RedactkitError(
                f"Ray actor {worker} failed ({type(exc).__name__}: out of memory, node lost or "
                "killed?); nothing was written for the current file. Re-run to resume, or use "
                "fewer --workers."
            ) from None
        if message[0] == "error":
            raise_remote(message[1], message[2])
        _, outputs, failures, cpu_seconds = message
        self.cpu_seconds += cpu_seconds
        return seq, worker, outputs, failures

    def close(self) -> None:
        """Stop our actors (only ours; the Ray instance stays up for the caller)."""
        for actor in self._actors:
            with contextlib.suppress(Exception):
                self._ray.kill(actor)
        self._actors = []
        self._pending.clear()


def ray_pool_factory(address: str | None = None, num_cpus: int | None = None) -> Any:
    """A ``pool_factory`` for :func:`~redactkit.io.redact_parquet` that runs the workers as Ray actors."""

    def factory(workers: int, spec: PipelineSpec, options: ColumnOptions) -> RayActorPool:
        return RayActorPool(workers, spec, options, address=address, num_cpus=num_cpus)

    return factory


# -- Ray Data --------------------------------------------------------------------------------------


class RayRedactor:
    """Callable class for ``Dataset.map_batches(RayRedactor, batch_format="pyarrow", ...)``.

    ``config`` is what :meth:`Pipeline.from_config <redactkit.pipeline.Pipeline.from_config>` takes
    (a YAML path must exist on every node; a mapping travels with the task). ``modules`` are imported
    first, so components registered outside redactkit exist in the actor. The other arguments are
    those of :func:`~redactkit.io.redact_record_batch`. Every input column is kept and
    ``<col>_redacted``/``<col>_entities`` are added per text column, as the local engine does.

    With ``per_group`` (set by :func:`redact_ray_dataset` for ``map_groups``), each call is one group:
    group numbering restarts, and rows are taken in ``order_column`` order if one is named. With
    ``on_error="quarantine"``, a failing row's text is masked and its entities column holds one
    ``REDACTION_FAILED`` entity (there is no side file on Ray Data).

    With ``conversation`` (each call one group, ``per_group``), the group is redacted as one
    conversation (:mod:`redactkit.conversation`), with ``speaker_column`` and ``id_column`` as in
    :func:`~redactkit.io.redact_parquet`.
    """

    def __init__(
        self,
        config: Any = None,
        text_column: str | Sequence[str] = "transcript",
        *,
        in_place: bool = False,
        redacted_column: str | None = None,
        entities_column: str | None = None,
        group_column: str | None = None,
        on_error: str = "fail",
        per_group: bool = False,
        order_column: str | None = None,
        modules: Sequence[str] = (),
        conversation: bool = False,
        speaker_column: str | None = None,
        id_column: str | None = None,
    ) -> None:
        order = order_column if conversation else None
        options = options_from_arguments(locals(), conversation=conversation, order_column=order)
        self._start(config, options, per_group, order_column, modules)

    def _start(
        self,
        config: Any,
        options: ColumnOptions,
        per_group: bool,
        order_column: str | None,
        modules: Sequence[str],
    ) -> None:
        self.options = options
        self.per_group = per_group
        self.order_column = order_column
        self.pipeline = _build((config, tuple(modules)))

    def __call__(self, batch: pa.Table) -> pa.Table:
        if self.per_group:
            return redact_group(
                batch, self.pipeline, self.options, order_column=self.order_column, source="Ray batch"
            )
        return redact_table_batches(batch, self.pipeline, self.options, source="Ray batch")


class _SetUpRayRedactor(RayRedactor):
    """:class:`RayRedactor` from column options already checked on the driver
    (:func:`redact_ray_dataset`), so the arguments are not repeated to every actor."""

    def __init__(
        self,
        config: Any,
        options: ColumnOptions,
        *,
        per_group: bool,
        order_column: str | None,
        modules: Sequence[str],
    ) -> None:
        self._start(config, options, per_group, order_column, modules)


def redact_ray_dataset(
    ds: Any,
    config: Any = None,
    text_column: str | Sequence[str] = "transcript",
    *,
    in_place: bool = False,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    group_column: str | None = None,
    order_column: str | None = None,
    on_error: str = "fail",
    actors: int | None = None,
    batch_rows: int | None = None,
    num_partitions: int | None = None,
    modules: Sequence[str] = (),
    conversation: bool | None = None,
    speaker_column: str | None = None,
    id_column: str | None = None,
) -> Any:
    """A lazy Ray ``Dataset``: ``ds`` with the local engine's redacted and entities columns added.

    Without ``group_column`` the rows are redacted batch by batch by ``actors`` actors (default: the
    cluster's CPUs less one, which Ray Data's own tasks need), each loading the pipeline once; row
    order is Ray's (set
    ``DataContext.get_current().execution_options.preserve_order = True`` to keep the input order).
    With ``group_column``, rows are grouped (``groupby(...).map_groups``, ``num_partitions`` shuffle
    partitions) so a group's pseudonyms are numbered in one actor; the output comes group by group,
    and ``order_column`` fixes the numbering order within a group (as the local engine's input order
    does). ``config`` and ``modules`` are as for :class:`RayRedactor`; the config is checked here,
    before anything runs.

    ``conversation`` (default: the configuration's ``conversation.enabled``) redacts each group as
    a conversation, its turns in ``order_column`` order (:mod:`redactkit.conversation`); the output
    is the local engine's for the same rows.
    """
    ray = ensure_ray()
    ray_data = importlib.import_module("ray.data")
    setup = distributed_setup(locals())
    check_grouping(
        setup.pipeline,
        group_column,
        order_column,
        engine="Ray",
        worker="actor",
        cli_hint=" (CLI: --group-column call_id)",
    )
    pipe = setup.pipeline
    kwargs: dict[str, Any] = {
        "config": setup.config,
        "options": setup.options,
        "per_group": group_column is not None,
        "order_column": order_column,
        "modules": tuple(modules),
    }
    # one CPU is left for Ray Data's own read and shuffle tasks, which would otherwise wait forever
    size = actors or max(1, cluster_cpus(ray) - 1)
    compute = ray_data.ActorPoolStrategy(size=size)
    if group_column is None:
        return ds.map_batches(
            _SetUpRayRedactor,
            batch_format="pyarrow",
            batch_size=batch_rows or pipe.batch_size * 4,
            fn_constructor_kwargs=kwargs,
            compute=compute,
        )
    return ds.groupby(group_column, num_partitions=num_partitions).map_groups(
        _SetUpRayRedactor, batch_format="pyarrow", fn_constructor_kwargs=kwargs, compute=compute
    )
