"""Conversation mode through the engines: redact_parquet (1 and 2 workers, resume, --sort), redact_table,
redact_record_batch and the CLI give the same rows as Pipeline.redact_conversation.

Model-free pipeline (see tests/test_conversation.py); the Ray and Spark paths are compared with the
local engine in tests/test_ray.py and tests/test_spark.py.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from test_conversation import CONFIG
from typer.testing import CliRunner

from redactkit import DataError, Pipeline
from redactkit.bench.conversations import generate_conversations
from redactkit.cli import app
from redactkit.io import redact_parquet, redact_record_batch, redact_table

runner = CliRunner()


def calls_table(count: int = 14, seed: int = 5) -> pa.Table:
    rows = []
    for conversation in generate_conversations(count, seed=seed):
        for index, turn in enumerate(conversation.turns):
            rows.append(
                {
                    "row_id": f"{conversation.id}-{index}",
                    "call": conversation.id,
                    "turn": index,
                    "speaker": turn.speaker,
                    "text": None if index == 3 else turn.text,
                }
            )
    rows.append({"row_id": "lonely", "call": None, "turn": 0, "speaker": None, "text": "okay quenvo"})
    return pa.Table.from_pylist(rows)


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.from_config(CONFIG)


@pytest.fixture(scope="module")
def expected(pipe: Pipeline) -> pa.Table:
    return redact_table(
        calls_table(), "text", pipe, group_column="call", order_column="turn", id_column="row_id",
        conversation=True,
    )  # fmt: skip


def _config_file(tmp_path: Path, extra: dict[str, Any] | None = None) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump({**CONFIG, **(extra or {})}))
    return path


def test_redact_table_matches_redact_conversation(pipe: Pipeline, expected: pa.Table) -> None:
    table = calls_table()
    rows = table.to_pylist()
    redacted = expected.column("text_redacted").to_pylist()
    entities = expected.column("text_entities").to_pylist()
    assert expected.schema.field("text_entities").type.value_type.get_field_index("known_from") >= 0
    for conversation in sorted({row["call"] for row in rows if row["call"]}):
        positions = [i for i, row in enumerate(rows) if row["call"] == conversation]
        result = pipe.redact_conversation(
            [rows[i]["text"] for i in positions], ids=[rows[i]["row_id"] for i in positions]
        )
        assert [redacted[i] for i in positions] == [r.text for r in result]
        assert [[e["known_from"] for e in entities[i] or []] for i in positions] == [
            [e.known_from for e in r.entities] for r in result
        ]
    assert redacted[-1] == "okay quenvo"  # a row without conversation is a conversation of its own
    assert any(e["known_from"] for row in entities for e in row or [])


def test_conversation_mode_finds_more_than_rows(pipe: Pipeline, expected: pa.Table) -> None:
    per_row = redact_table(calls_table(), "text", pipe, group_column="call")
    assert "known_from" not in str(per_row.schema.field("text_entities").type)

    def count(table: pa.Table) -> int:
        return sum(len(e or []) for e in table.column("text_entities").to_pylist())

    assert count(expected) > count(per_row)


def test_redact_parquet_with_one_or_two_workers_writes_the_same(
    pipe: Pipeline, expected: pa.Table, tmp_path: Path
) -> None:
    source = tmp_path / "calls.parquet"
    pq.write_table(calls_table(), source, row_group_size=13)
    outputs = []
    for workers in (1, 2):
        target = tmp_path / f"out-{workers}.parquet"
        redact_parquet(
            source, target, "text", pipe, workers=workers, batch_rows=7, group_column="call",
            order_column="turn", id_column="row_id", conversation=True,
        )  # fmt: skip
        outputs.append(pq.read_table(target))
    assert outputs[0].equals(outputs[1])
    assert outputs[0].equals(expected)


def test_an_unsorted_file_fails_first_unless_sorted(
    pipe: Pipeline, expected: pa.Table, tmp_path: Path
) -> None:
    table = calls_table()
    order = list(range(table.num_rows))
    random.Random(1).shuffle(order)
    shuffled = table.take(pa.array(order))
    source = tmp_path / "shuffled.parquet"
    pq.write_table(shuffled, source)
    options: dict[str, Any] = {
        "group_column": "call", "order_column": "turn", "id_column": "row_id", "conversation": True,
    }  # fmt: skip
    with pytest.raises(DataError, match=r"not grouped by 'call'.*--sort"):
        redact_parquet(source, tmp_path / "out.parquet", "text", pipe, **options)
    assert not (tmp_path / "out.parquet").exists()
    redact_parquet(source, tmp_path / "out.parquet", "text", pipe, sort=True, batch_rows=9, **options)
    got = pq.read_table(tmp_path / "out.parquet")
    assert got.column("row_id").equals(shuffled.column("row_id"))  # input order kept
    assert got.sort_by("row_id").equals(expected.sort_by("row_id"))
    with pytest.raises(DataError, match="not grouped"):
        redact_table(shuffled, "text", pipe, **options)
    assert redact_table(shuffled, "text", pipe, sort=True, **options).equals(got)


def test_a_conversation_longer_than_max_turns_carries_its_known_values(tmp_path: Path) -> None:
    windowed = Pipeline.from_config({**CONFIG, "conversation": {"max_turns": 4}})
    texts = ["hello", "my name is quenvo darlim", *(["one moment"] * 8), "okay quenvo", "bye"]
    table = pa.table({"call": ["c"] * len(texts), "text": texts})
    source = tmp_path / "long.parquet"
    pq.write_table(table, source)
    for workers in (1, 2):
        target = tmp_path / f"long-{workers}.parquet"
        redact_parquet(
            source,
            target,
            "text",
            windowed,
            workers=workers,
            batch_rows=3,
            group_column="call",
            conversation=True,
        )
        assert pq.read_table(target).column("text_redacted").to_pylist()[-2] == "okay [PERSON_1]"


def test_quarantine_keeps_the_rest_of_the_conversation(tmp_path: Path) -> None:
    config = {**CONFIG, "detectors": [*CONFIG["detectors"], {"name": "test_explode", "marker": "boom"}]}
    exploding = Pipeline.from_config(config)
    table = pa.table(
        {
            "id": ["a", "b", "c"],
            "call": ["x", "x", "x"],
            "text": ["my name is quenvo darlim", "boom", "okay quenvo"],
        }
    )
    source = tmp_path / "calls.parquet"
    pq.write_table(table, source)
    summary = redact_parquet(
        source, tmp_path / "out.parquet", "text", exploding, group_column="call", id_column="id",
        on_error="quarantine", conversation=True,
    )  # fmt: skip
    assert summary.errors == 1
    got = pq.read_table(tmp_path / "out.parquet").column("text_redacted").to_pylist()
    assert got == ["my name is [PERSON_1]", "[REDACTION_FAILED]", "okay [PERSON_1]"]
    (record,) = [
        json.loads(line) for line in (tmp_path / "out.parquet.quarantine.jsonl").read_text().splitlines()
    ]
    assert record["id"] == "b" and record["row"] == 1


def test_record_batch_in_conversation_mode(pipe: Pipeline) -> None:
    batch = pa.record_batch({"call": ["x", "x"], "text": ["okay quenvo", "my name is quenvo darlim"]})
    out = redact_record_batch(batch, "text", pipe, group_column="call", conversation=True)
    assert out.column("text_redacted").to_pylist() == ["okay [PERSON_1]", "my name is [PERSON_1]"]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"conversation": True}, "--group-column"),
        ({"order_column": "turn"}, "add --conversation"),
        ({"group_column": "call", "sort": True}, "applies in conversation mode"),
        ({"group_column": "call", "conversation": True, "order_column": "nope"}, "no order column 'nope'"),
    ],
)
def test_bad_conversation_arguments_are_data_errors(
    pipe: Pipeline, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(DataError, match=message):
        redact_table(calls_table(2), "text", pipe, **kwargs)


def test_the_config_can_switch_it_on_but_never_silently(tmp_path: Path) -> None:
    enabled = Pipeline.from_config({**CONFIG, "conversation": {"enabled": True}})
    table = calls_table(2)
    with pytest.raises(DataError, match="enabled in the configuration"):
        redact_table(table, "text", enabled)
    on = redact_table(table, "text", enabled, group_column="call")
    assert "known_from" in str(on.schema.field("text_entities").type)
    off = redact_table(table, "text", enabled, group_column="call", conversation=False)
    assert "known_from" not in str(off.schema.field("text_entities").type)


def test_cli_conversation_run_and_resume(expected: pa.Table, tmp_path: Path) -> None:
    source = tmp_path / "calls"
    table = calls_table()
    half = table.num_rows // 2
    while table.column("call")[half].as_py() == table.column("call")[half - 1].as_py():
        half += 1  # files are independent units: split between conversations
    (source / "part=a").mkdir(parents=True)
    (source / "part=b").mkdir(parents=True)
    pq.write_table(table.slice(0, half), source / "part=a" / "0.parquet")
    pq.write_table(table.slice(half), source / "part=b" / "0.parquet")
    config = _config_file(tmp_path)
    args = [
        "redact", str(source), str(tmp_path / "out"), "-t", "text", "-g", "call", "--conversation",
        "--order-column", "turn", "--speaker-column", "speaker", "--id-column", "row_id", "-c", str(config),
        "-w", "1", "--batch-rows", "10",
    ]  # fmt: skip
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    written = [pq.read_table(tmp_path / "out" / p / "0.parquet") for p in ("part=a", "part=b")]
    assert (
        pa.concat_tables(written)
        .drop_columns(["part"] if "part" in written[0].column_names else [])
        .equals(expected)
    )
    report_file = tmp_path / "out" / "_redactkit" / "report.json"
    report = json.loads(report_file.read_text())
    assert report["conversation"] is True and report["order_column"] == "turn"
    # an interrupted run: one file missing, the report still running -> resume writes the same file
    (tmp_path / "out" / "part=b" / "0.parquet").unlink()
    report_file.write_text(json.dumps({**report, "status": "running"}))
    again = runner.invoke(app, args)
    assert again.exit_code == 0, again.output
    assert pq.read_table(tmp_path / "out" / "part=b" / "0.parquet").equals(written[1])
    # other conversation settings are another run: no resume into it
    report_file.write_text(json.dumps({**report, "status": "running"}))
    stricter = _config_file(tmp_path, {"conversation": {"min_score": 0.9}})
    other = runner.invoke(app, [*args[:-4], "-c", str(stricter), "--batch-rows", "10"])
    assert other.exit_code == 2 and "other settings" in other.output
