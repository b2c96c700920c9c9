"""Redact a Spark DataFrame with ``mapInArrow`` (or ``groupBy(...).applyInArrow`` for group scope).

The functions here run inside Spark's Python workers and reuse the local engine's batch code
(:func:`~redactkit.io.parquet.redact_columns`, :func:`~redactkit.io.parquet.assemble`), so they add
exactly the columns the local engine adds, with the schema :func:`spark_output_schema` returns.

The pipeline is built once per Python worker process (Spark reuses its Python workers across tasks)
and kept in a module-level cache keyed by the configuration, so the models load once per executor
core rather than once per partition. ``pyspark`` is needed only by :func:`spark_output_schema` and
:func:`redact_spark_dataframe`; install it with ``pip install 'redactkit[spark]'`` (and a Java 17+
runtime).
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import DataError, RedactkitError
from ..io.parquet import (
    ColumnOptions,
    assemble,
    check_withholding,
    column_options,
    redact_columns,
    resolve_conversation,
)

if TYPE_CHECKING:
    import pyarrow as pa

    from ..pipeline import Pipeline

__all__ = ["ArrowRedactor", "redact_spark_dataframe", "spark_output_schema"]

INSTALL_HINT = "pip install 'redactkit[spark]'"

_lock = threading.Lock()
_pipelines: dict[str, Pipeline] = {}


def _pipeline(config: Mapping[str, Any], modules: Sequence[str]) -> Pipeline:
    """The pipeline for ``config``, built once per process (principle 3)."""
    key = json.dumps([config, list(modules)], sort_keys=True, default=str)
    with _lock:
        if key not in _pipelines:
            for module in modules:
                importlib.import_module(module)
            from ..pipeline import Pipeline

            _pipelines[key] = Pipeline.from_config(config).warm_up()
        return _pipelines[key]


def _import_pyspark() -> Any:
    try:
        import pyspark.sql.pandas.types as spark_types
    except ImportError:
        raise RedactkitError(
            f"the Spark integration needs pyspark, which is not installed; run {INSTALL_HINT}"
        ) from None
    return spark_types


class ArrowRedactor:
    """The function for ``DataFrame.mapInArrow`` (iterator of record batches) and, called with
    :meth:`redact_group`, for ``GroupedData.applyInArrow`` (one table per group).

    Picklable: it holds the configuration mapping and the column options, never a loaded model.
    """

    def __init__(
        self,
        config: Mapping[str, Any],
        options: ColumnOptions,
        *,
        order_column: str | None = None,
        modules: Sequence[str] = (),
    ) -> None:
        self.config = dict(config)
        self.options = options
        self.order_column = order_column
        self.modules = tuple(modules)

    def __call__(self, batches: Iterator[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        pipe = _pipeline(self.config, self.modules)
        for batch in batches:
            yield self._redact(batch, pipe)

    def redact_group(self, *args: Any) -> pa.Table:
        """All rows of one group (the last argument): numbering restarts, rows taken in
        ``order_column`` order.

        Spark passes ``(table)`` or ``(key, table)`` depending on how it reads the signature.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        table: pa.Table = args[-1]
        pipe = _pipeline(self.config, self.modules)
        pipe.reset_groups()
        if self.order_column is not None:
            table = table.take(pc.sort_indices(table, sort_keys=[(self.order_column, "ascending")]))
        if self.options.conversation:
            table = table.combine_chunks()  # one group, one conversation: one record batch
        schema = self.options.output_schema(table.schema, source="Spark group")
        return pa.Table.from_batches([self._redact(b, pipe) for b in table.to_batches()], schema=schema)

    def _redact(self, batch: pa.RecordBatch, pipe: Pipeline) -> pa.RecordBatch:
        schema = self.options.output_schema(batch.schema, source="Spark batch")
        outputs, _ = redact_columns(batch.select(self.options.work_columns()), pipe, self.options)
        return assemble(batch, outputs, self.options, schema)


def spark_output_schema(spark_schema: Any, options: ColumnOptions) -> Any:
    """The Spark ``StructType`` the redacted DataFrame has, for ``mapInArrow(fn, schema)``."""
    spark_types = _import_pyspark()
    # A timezone is required to map TimestampType to Arrow (pyspark asserts it); any zone will do,
    # since only the types matter here: timestamp with a zone maps back to TimestampType and one
    # without (TimestampNTZType) back to TimestampNTZType.
    arrow_schema = spark_types.to_arrow_schema(spark_schema, timezone="UTC")
    return spark_types.from_arrow_schema(
        options.output_schema(arrow_schema, source="Spark DataFrame"), prefer_timestamp_ntz=True
    )


def redact_spark_dataframe(
    df: Any,
    config: Any = None,
    text_column: str | Sequence[str] = "transcript",
    *,
    in_place: bool = False,
    redacted_column: str | None = None,
    entities_column: str | None = None,
    group_column: str | None = None,
    order_column: str | None = None,
    on_error: str = "fail",
    modules: Sequence[str] = (),
    conversation: bool | None = None,
    speaker_column: str | None = None,
    id_column: str | None = None,
) -> Any:
    """A lazy DataFrame: ``df`` with the local engine's redacted and entities columns added.

    Without ``group_column``: ``mapInArrow``, row order kept within each partition. With it:
    ``groupBy(group_column).applyInArrow``, so a group's pseudonyms are numbered in one Python
    worker, in ``order_column`` order if named (as the local engine numbers them in input order).
    ``conversation`` (default: the configuration's ``conversation.enabled``) redacts each group as
    a conversation (:mod:`redactkit.conversation`), as the local engine does.
    """
    from ..pipeline import Pipeline

    pipe = Pipeline.from_config(config)  # lazy: checks the config without loading models
    conversational = resolve_conversation(conversation, pipe, group_column)
    options = column_options(
        text_column,
        in_place,
        redacted_column,
        entities_column,
        group_column,
        on_error,
        conversation=conversational,
        order_column=order_column if conversational else None,
        speaker_column=speaker_column,
        id_column=id_column,
        sensitivity=pipe.sensitivity.options,
    )
    check_withholding(pipe, options)  # a policy that routes has nowhere to go here: fail now
    schema = spark_output_schema(df.schema, options)
    if order_column is not None and group_column is None:
        raise DataError("order_column orders rows within a group; name the group_column too")
    if getattr(pipe.anonymizer, "numbered_scope", None) == "group" and group_column is None:
        raise DataError(
            "numbered_scope: group numbers pseudonyms per group, which on Spark needs the group's "
            "rows in one worker: pass group_column, or use numbered_scope: dataset"
        )
    mapping = config if isinstance(config, Mapping) else pipe.config.to_mapping()
    redactor = ArrowRedactor(mapping, options, order_column=order_column, modules=modules)
    if group_column is None:
        return df.mapInArrow(redactor, schema)
    return df.groupBy(group_column).applyInArrow(redactor.redact_group, schema)
