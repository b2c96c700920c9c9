"""What every engine does around the batch code (private): the local one, Ray and Spark.

:mod:`redactkit.io.parquet` holds what one batch goes through (:func:`~redactkit.io.parquet.redact_columns`,
:func:`~redactkit.io.parquet.assemble`). The engines wrap it the same way: a batch is redacted with
:func:`redact_batch`, a group (Ray's ``map_groups``, Spark's ``applyInArrow``) with
:func:`redact_group`, and a distributed run is set up with :func:`distributed_setup` and
:func:`check_grouping`. An engine is then only its own plumbing, and a row comes out the same
whichever engine redacts it because they all run this code.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DataError
from .parquet import (
    ColumnOptions,
    assemble,
    check_withholding,
    options_from_arguments,
    redact_columns,
    resolve_conversation,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = [
    "DistributedSetup",
    "check_grouping",
    "distributed_setup",
    "redact_batch",
    "redact_group",
    "redact_table_batches",
]


def redact_batch(
    batch: pa.RecordBatch, pipeline: Pipeline, options: ColumnOptions, schema: pa.Schema
) -> pa.RecordBatch:
    """``batch`` with the redacted columns the options ask for, in ``schema`` (failures are in the
    output: masked under ``on_error="quarantine"``; ``"fail"`` raises)."""
    outputs, _ = redact_columns(batch.select(options.work_columns()), pipeline, options)
    return assemble(batch, outputs, options, schema)


def redact_group(
    table: pa.Table,
    pipeline: Pipeline,
    options: ColumnOptions,
    *,
    order_column: str | None,
    source: str,
) -> pa.Table:
    """All rows of one group as one unit: group numbering restarts, rows are taken in
    ``order_column`` order if one is named, and a conversation is redacted as one record batch."""
    import pyarrow.compute as pc

    pipeline.reset_groups()
    if order_column is not None:
        table = table.take(pc.sort_indices(table, sort_keys=[(order_column, "ascending")]))
    if options.conversation:
        table = table.combine_chunks()  # one group, one conversation: one record batch
    return redact_table_batches(table, pipeline, options, source=source)


def redact_table_batches(
    table: pa.Table, pipeline: Pipeline, options: ColumnOptions, *, source: str
) -> pa.Table:
    """Every record batch of ``table`` redacted (each batch one unit), as a table."""
    import pyarrow as pa

    schema = options.output_schema(table.schema, source=source)
    return pa.Table.from_batches(
        [redact_batch(b, pipeline, options, schema) for b in table.to_batches()], schema=schema
    )


@dataclass(frozen=True)
class DistributedSetup:
    """A distributed run, checked on the driver before anything runs on the cluster."""

    #: built from the configuration but not loaded (its models load on first use)
    pipeline: Pipeline
    options: ColumnOptions
    #: the configuration as a mapping, which travels to the workers
    config: dict[str, Any]


def distributed_setup(arguments: Mapping[str, Any]) -> DistributedSetup:
    """The pipeline (lazy: checks the configuration without loading models), the column options and
    the configuration mapping of a Ray or Spark run, from the arguments of its entry point (its
    ``locals()``, see :func:`~redactkit.io.parquet.options_from_arguments`; with ``config`` and
    ``conversation``).

    Rows are grouped and sorted by the engine, so ``order_column`` enters the options only in
    conversation mode, where it orders the turns of a conversation.
    """
    from ..pipeline import Pipeline

    config = arguments["config"]
    pipeline = Pipeline.from_config(config)
    conversational = resolve_conversation(arguments["conversation"], pipeline, arguments["group_column"])
    order_column = arguments["order_column"] if conversational else None
    options = options_from_arguments(
        arguments,
        conversation=conversational,
        order_column=order_column,
        sensitivity=pipeline.sensitivity.options,
    )
    check_withholding(pipeline, options)  # a policy that routes has nowhere to go here: fail now
    mapping = config if isinstance(config, Mapping) else pipeline.config.to_mapping()
    return DistributedSetup(pipeline, options, dict(mapping))


def check_grouping(
    pipeline: Pipeline,
    group_column: str | None,
    order_column: str | None,
    *,
    engine: str,
    worker: str,
    cli_hint: str = "",
) -> None:
    """Refuse what an engine cannot do without a group column: order rows within a group, or number
    pseudonyms per group (that needs all of a group's rows in one ``worker`` of the ``engine``)."""
    if order_column is not None and group_column is None:
        raise DataError("order_column orders rows within a group; name the group_column too")
    if getattr(pipeline.anonymizer, "numbered_scope", None) == "group" and group_column is None:
        raise DataError(
            f"numbered_scope: group numbers pseudonyms per group, which on {engine} needs the group's "
            f"rows in one {worker}: pass group_column{cli_hint}, or use numbered_scope: dataset"
        )
