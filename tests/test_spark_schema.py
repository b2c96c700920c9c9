"""spark_output_schema on the demo sample's schema (timestamps included); needs pyspark, not Java."""

from __future__ import annotations

import pyarrow as pa
import pytest

from redactkit.io.parquet import column_options
from redactkit.synth import sample_table

types = pytest.importorskip("pyspark.sql.types")
spark_pandas_types = pytest.importorskip("pyspark.sql.pandas.types")

from redactkit.integrations.spark import spark_output_schema  # noqa: E402


def test_output_schema_of_the_demo_sample_keeps_timestamp_columns() -> None:
    arrow_schema = sample_table(5).schema
    assert any(pa.types.is_timestamp(field.type) for field in arrow_schema)
    spark_schema = spark_pandas_types.from_arrow_schema(arrow_schema)
    options = column_options("transcript", False, None, None, None, "fail")
    out = spark_output_schema(spark_schema, options)
    names = [field.name for field in out.fields]
    assert names == [
        *spark_schema.names,
        "transcript_redacted",
        "transcript_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    for field in spark_schema.fields:  # the input columns keep their Spark types, timestamps included
        assert out[field.name].dataType == field.dataType
    assert isinstance(out["transcript_redacted"].dataType, types.StringType)
    assert isinstance(out["transcript_entities"].dataType, types.ArrayType)


def test_output_schema_keeps_timestamp_without_zone() -> None:
    spark_schema = types.StructType(
        [
            types.StructField("at", types.TimestampNTZType()),
            types.StructField("at_utc", types.TimestampType()),
            types.StructField("transcript", types.StringType()),
        ]
    )
    options = column_options("transcript", True, None, None, None, "fail")
    out = spark_output_schema(spark_schema, options)
    assert out["at"].dataType == types.TimestampNTZType()
    assert out["at_utc"].dataType == types.TimestampType()
    assert out["transcript"].dataType == types.StringType()
