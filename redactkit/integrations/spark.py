"""Redact a Spark DataFrame with ``mapInArrow`` (or ``groupBy(...).applyInArrow`` for group scope).

The functions here run inside Spark's Python workers and reuse the local engine's batch code
(:mod:`redactkit.io._engine`), so they add exactly the columns the local engine adds, with the schema
:func:`spark_output_schema` returns.

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

from ..errors import RedactkitError
from ..io._engine import check_grouping, distributed_setup, redact_batch, redact_group
from ..io.parquet import ColumnOptions

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
            schema = self.options.output_schema(batch.schema, source="Spark batch")
            yield redact_batch(batch, pipe, self.options, schema)

    def redact_group(self, *args: Any) -> pa.Table:
        """All rows of one group (the last argument): numbering restarts, rows taken in
        ``order_column`` order.

        Spark passes ``(table)`` or ``(key, table)`` depending on how it reads the signature.
        """
        pipe = _pipeline(self.config, self.modules)
        return redact_group(
            args[-1], pipe, self.options, order_column=self.order_column, source="Spark group"
        )


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
    setup = distributed_setup(locals())
    schema = spark_output_schema(df.schema, setup.options)
    check_grouping(setup.pipeline, group_column, order_column, engine="Spark", worker="worker")
    redactor = ArrowRedactor(setup.config, setup.options, order_column=order_column, modules=modules)
    if group_column is None:
        return df.mapInArrow(redactor, schema)
    return df.groupBy(group_column).applyInArrow(redactor.redact_group, schema)
