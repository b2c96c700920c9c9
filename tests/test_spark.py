"""The Spark integration on a local[2] session, against the local engine on the same rows.

Skips cleanly without pyspark (``redactkit[spark]``) or a Java runtime.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pyarrow as pa
import pytest
from _support import (
    CONVERSATION_OPTIONS,
    assert_known_from_cited,
    conversation_transcripts,
    local_conversations,
)
from _support import ENGINE_CONFIG as CONFIG
from _support import engine_transcripts as transcripts

from redactkit import Pipeline
from redactkit.io import redact_table

pytest.importorskip("pyspark")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from redactkit.integrations.spark import redact_spark_dataframe

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    previous = os.environ.get("PYSPARK_PYTHON")
    os.environ["PYSPARK_PYTHON"] = sys.executable  # the workers need this venv's redactkit
    session = (
        SparkSession.builder.master("local[2]")
        .appName("redactkit-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "3")
        .getOrCreate()
    )
    yield session
    session.stop()
    if previous is None:
        os.environ.pop("PYSPARK_PYTHON", None)
    else:
        os.environ["PYSPARK_PYTHON"] = previous


def _collect(df: Any, schema: pa.Schema) -> pa.Table:
    return df.toArrow().sort_by("id").cast(schema)


def test_map_in_arrow_matches_the_local_engine(spark: Any) -> None:
    config = {**CONFIG, "anonymizer": {"name": "policy", "operators": {"PERSON": "numbered"}}}
    table = transcripts(60)
    expected = redact_table(table, pipeline=Pipeline.from_config(config))
    df = spark.createDataFrame(table).repartition(3)
    out = redact_spark_dataframe(df, config, "transcript")
    assert out.columns == expected.column_names
    assert _collect(out, expected.schema).equals(expected)


def test_group_scope_by_group_matches_the_local_engine(spark: Any) -> None:
    table = transcripts(80)
    expected = redact_table(
        table, pipeline=Pipeline.from_config(CONFIG), group_column="session", batch_rows=9
    )
    df = spark.createDataFrame(table).repartition(4)
    out = redact_spark_dataframe(df, CONFIG, "transcript", group_column="session", order_column="id")
    assert _collect(out, expected.schema).equals(expected)


def test_conversations_match_the_local_engine(spark: Any) -> None:
    table = conversation_transcripts(72)
    expected = local_conversations(table)
    df = spark.createDataFrame(table).repartition(4)
    out = redact_spark_dataframe(df, CONFIG, "transcript", **CONVERSATION_OPTIONS)
    got = _collect(out, expected.schema)
    assert got.equals(expected)
    assert_known_from_cited(got)


def test_the_demo_sample_with_its_timestamp_column(spark: Any) -> None:
    from redactkit.synth import sample_table

    config = {**CONFIG, "anonymizer": {"name": "tag"}}
    table = sample_table(30)
    expected = redact_table(table, pipeline=Pipeline.from_config(config)).sort_by("utterance_id")
    df = spark.createDataFrame(table.drop_columns(["style"])).repartition(2)  # Spark has no dictionary type
    out = redact_spark_dataframe(df, config, "transcript").toArrow().sort_by("utterance_id")
    assert out.column("transcript_redacted").to_pylist() == expected.column("transcript_redacted").to_pylist()
    assert out.column("started_at").to_pylist() == expected.column("started_at").to_pylist()
