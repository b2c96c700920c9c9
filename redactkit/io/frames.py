"""DataFrames in, the same kind of DataFrame out: everything that speaks Arrow.

:func:`~redactkit.redact_table` accepts any object with the Arrow PyCapsule stream interface
(``__arrow_c_stream__``) and returns the same kind where it can:

============================  ===========================================================
input                         output
============================  ===========================================================
``pyarrow.Table``             ``pyarrow.Table``
``pyarrow.RecordBatch``       ``pyarrow.RecordBatch``
``pyarrow.RecordBatchReader`` ``pyarrow.RecordBatchReader`` (lazy: batches are redacted as
                              they are read)
``pandas.DataFrame``          ``pandas.DataFrame`` (index kept; ``NaN``/``None``/``pd.NA``
                              in a text column are nulls and stay missing)
``polars.DataFrame``          ``polars.DataFrame``; a ``LazyFrame`` is collected and comes
                              back as a ``LazyFrame``
``duckdb.DuckDBPyRelation``   a DuckDB relation over the redacted Arrow table
``datasets.Dataset`` (HF)     ``datasets.Dataset``
anything else with            ``pyarrow.Table``
``__arrow_c_stream__``
============================  ===========================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from ..errors import DataError

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["ArrowStreamExportable", "TableInput", "table_input"]


@runtime_checkable
class ArrowStreamExportable(Protocol):
    """An object that exports an Arrow stream (pandas ≥ 2.2, polars, DuckDB, pyarrow, ...)."""

    def __arrow_c_stream__(self, requested_schema: object | None = None) -> object: ...


@dataclass
class TableInput:
    """The input as Arrow, and how to turn the redacted Arrow back into the input's kind."""

    #: the whole input as a table, or None for a stream (then ``batches`` and ``schema`` are set)
    table: pa.Table | None
    schema: pa.Schema
    batches: Iterator[pa.RecordBatch] | None
    restore: Callable[[Any], Any]
    kind: str


def _module(obj: object) -> str:
    return type(obj).__module__.split(".")[0]


def table_input(data: Any) -> TableInput:
    """Convert ``data`` to Arrow; see the module docstring for the kinds understood."""
    import pyarrow as pa

    if isinstance(data, pa.Table):
        return TableInput(data, data.schema, None, lambda table: table, "pyarrow.Table")
    if isinstance(data, pa.RecordBatch):
        schema = data.schema

        def to_batch(table: pa.Table) -> pa.RecordBatch:
            combined = table.combine_chunks()
            batches = combined.to_batches()
            return batches[0] if batches else pa.RecordBatch.from_pylist([], schema=table.schema)

        return TableInput(pa.Table.from_batches([data], schema=schema), schema, None, to_batch, "RecordBatch")
    if isinstance(data, pa.RecordBatchReader):
        return TableInput(None, data.schema, iter(data), lambda reader: reader, "RecordBatchReader")
    module = _module(data)
    kind = f"{module}.{type(data).__name__}"
    if module == "pandas" and type(data).__name__ == "DataFrame":
        return _pandas(data)
    if module == "polars" and type(data).__name__ in ("DataFrame", "LazyFrame"):
        import polars

        lazy = type(data).__name__ == "LazyFrame"
        frame = data.collect() if lazy else data
        table = frame.to_arrow()

        def to_polars(table: pa.Table) -> Any:
            out: Any = polars.from_arrow(table)
            return out.lazy() if lazy else out

        return TableInput(table, table.schema, None, to_polars, kind)
    if module == "duckdb":
        table = _duckdb_table(data)

        def to_duckdb(table: pa.Table) -> Any:
            import duckdb

            return duckdb.from_arrow(table)

        return TableInput(table, table.schema, None, to_duckdb, kind)
    if module == "datasets" and type(data).__name__ == "Dataset":
        table = data.with_format("arrow")[:]
        return TableInput(table, table.schema, None, _hf_dataset, kind)
    if isinstance(data, ArrowStreamExportable):
        reader = pa.RecordBatchReader.from_stream(data)
        table = reader.read_all()
        return TableInput(table, table.schema, None, lambda table: table, kind)
    raise DataError(
        f"redact_table takes Arrow data (pyarrow Table, RecordBatch or RecordBatchReader, or an object "
        f"with __arrow_c_stream__: pandas >= 2.2, polars, DuckDB, ...), not {type(data).__name__}"
    )


def _hf_dataset(table: pa.Table) -> Any:
    import datasets

    return datasets.Dataset(datasets.table.InMemoryTable(table))


def _duckdb_table(relation: Any) -> pa.Table:
    import pyarrow as pa

    for method in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        convert = getattr(relation, method, None)
        if convert is not None:
            result = convert()
            return result if isinstance(result, pa.Table) else result.read_all()
    return pa.RecordBatchReader.from_stream(relation).read_all()


def _pandas(frame: Any) -> TableInput:
    """pandas -> Arrow with pandas' own missing values (``NaN``, ``None``, ``pd.NA``) as nulls."""
    import pyarrow as pa

    try:
        table = pa.Table.from_pandas(frame, preserve_index=None)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        # pyarrow's message quotes the offending value: keep only the column and the Python type
        message = str(exc)
        column = re.search(r"Conversion failed for column (.+?) with type", message)
        python_type = re.search(r"with type (\w+): tried to convert", message)
        raise DataError(
            f"pandas column {column.group(1) if column else '(unknown)'!r} cannot be converted to Arrow"
            f"{f' (it holds a {python_type.group(1)})' if python_type else ''}; a text column must hold "
            "str or missing values (NaN, None, pd.NA): convert other values with .astype('string')"
        ) from None

    def to_pandas(table: pa.Table) -> Any:
        return table.to_pandas()

    return TableInput(table, table.schema, None, to_pandas, "pandas.DataFrame")
