"""Dataset redaction end to end through the CLI, on Parquet the tests generate.

Model-free pipelines (regex, deny-list and test detectors) keep these fast; the model-backed run is in
test_parquet_cli.py.
"""

from __future__ import annotations

import datetime as dt
import json
import signal
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest
from _support import NUMBERED_REGEX_CONFIG
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from redactkit import DataError, Pipeline
from redactkit.cli import app
from redactkit.io import (
    QUARANTINE_LABEL,
    QUARANTINE_TEXT,
    entities_type,
    redact_parquet,
    redact_record_batch,
    redact_table,
)

runner = CliRunner()

NAMES = ("alice", "bob", "carol")
REGEX_CONFIG = NUMBERED_REGEX_CONFIG


def _text(index: int) -> str | None:
    if index % 11 == 0:
        return None
    if index % 13 == 0:
        return ""
    name = NAMES[index % 3]
    other = NAMES[(index // 3) % 3]
    return f"turn {index}: {name} said call {other} on 555-{1000 + index:04d} about the order"


def rich_table(rows: int) -> pa.Table:
    """Every kind of column redaction must keep, with field and schema metadata."""
    base = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
    schema = pa.schema(
        [
            pa.field("id", pa.int64(), nullable=False),
            pa.field("session", pa.string()),
            pa.field("day", pa.string()),
            pa.field("score", pa.float64()),
            pa.field("small", pa.int8()),
            pa.field("flag", pa.bool_()),
            pa.field("at", pa.timestamp("ms", tz="UTC")),
            pa.field("born", pa.date32()),
            pa.field("tags", pa.list_(pa.string())),
            pa.field("meta", pa.struct([pa.field("a", pa.int32()), pa.field("b", pa.string())])),
            pa.field("channel", pa.dictionary(pa.int8(), pa.string())),
            pa.field("blob", pa.binary()),
            pa.field("transcript", pa.string(), metadata={b"role": b"asr output"}),
            pa.field("agent", pa.large_string()),
        ],
        metadata={b"source": b"test generator", b"version": b"7"},
    )
    columns: dict[str, list[Any]] = {
        "id": list(range(rows)),
        "session": [None if i % 17 == 5 else f"s{i % 7}" for i in range(rows)],
        "day": [f"2024-01-0{1 + i % 3}" for i in range(rows)],
        "score": [None if i % 5 == 0 else i / 3 for i in range(rows)],
        "small": [i % 100 for i in range(rows)],
        "flag": [i % 2 == 0 for i in range(rows)],
        "at": [base + dt.timedelta(seconds=i) for i in range(rows)],
        "born": [dt.date(1990, 1, 1) + dt.timedelta(days=i) for i in range(rows)],
        "tags": [None if i % 4 == 0 else ["x", str(i)] for i in range(rows)],
        "meta": [{"a": i, "b": None} if i % 3 else None for i in range(rows)],
        "channel": [("phone", "chat")[i % 2] for i in range(rows)],
        "blob": [bytes([i % 256]) for i in range(rows)],
        "transcript": [_text(i) for i in range(rows)],
        "agent": [None if i % 2 else f"hello {NAMES[i % 3]}, 555-{2000 + i:04d}" for i in range(rows)],
    }
    return pa.Table.from_pydict(columns, schema=schema)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "policy.yaml"
    path.write_text(REGEX_CONFIG)
    return path


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    """A hive-partitioned folder (day=.../part-*.parquet) with several row groups per file."""
    root = tmp_path / "calls"
    table = rich_table(150)
    for day in ("2024-01-01", "2024-01-02", "2024-01-03"):
        part = table.filter(pa.compute.equal(table.column("day"), day)).drop_columns(["day"])
        folder = root / f"day={day}"
        folder.mkdir(parents=True)
        pq.write_table(part, folder / "part-0.parquet", row_group_size=9)
    (root / "_SUCCESS").write_text("")  # markers like Spark's are skipped
    return root


def invoke(*args: str | Path) -> Any:
    return runner.invoke(app, ["redact", *map(str, args)])


def parquet_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.parquet"))


# -- happy paths ----------------------------------------------------------------------------------


def test_dataset_folder_two_workers_keeps_everything(dataset: Path, tmp_path: Path, config: Path) -> None:
    out = tmp_path / "out"
    result = invoke(dataset, out, "-t", "transcript", "-c", config, "--workers", "2", "--batch-rows", "10")
    assert result.exit_code == 0, result.output
    assert parquet_files(out) == parquet_files(dataset)
    assert not (out / "_SUCCESS").exists()
    total = 0
    for relative in parquet_files(dataset):
        source = pq.read_table(dataset / relative)
        redacted = pq.read_table(out / relative)
        total += source.num_rows
        assert redacted.num_rows == source.num_rows
        assert redacted.schema.names == [
            *source.schema.names,
            "transcript_redacted",
            "transcript_entities",
            "sensitivity",
            "sensitivity_reasons",
        ]
        for field in source.schema:
            assert redacted.schema.field(field.name).equals(field, check_metadata=True)
        assert redacted.schema.metadata == source.schema.metadata
        assert redacted.schema.field("transcript_entities").type == entities_type()
        assert redacted.select(source.schema.names).equals(source)
        for text, red, ents in zip(
            source.column("transcript").to_pylist(),
            redacted.column("transcript_redacted").to_pylist(),
            redacted.column("transcript_entities").to_pylist(),
            strict=True,
        ):
            if text is None:
                assert (red, ents) == (None, None)
            elif text == "":
                assert (red, ents) == ("", [])
            else:
                assert "555-" not in red
                assert not any(name in red for name in NAMES)
                assert {e["label"] for e in ents} == {"PERSON", "PHONE_NUMBER"}
    # hive partitions read back as before
    back = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    assert back.num_rows == total == 150
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["status"] == "complete"
    assert report["workers"] == 2
    assert report["summary"]["rows"] == 150
    assert report["files"] == {"total": 3, "written": 3, "skipped": 0}
    assert {"config_hash", "redactkit_version", "spacy_version", "models"} <= set(report)
    resources = report["language_resources"]  # what the word lists and locales were built from
    assert resources["gazetteers"]["sources"]["faker"] and len(resources["digest"]) == 64
    text = json.dumps(report)
    assert "555-" not in text and not any(name in text for name in NAMES)
    assert "rows with PII" in result.output


def test_output_is_the_same_with_one_or_two_workers_and_any_batch_size(tmp_path: Path, config: Path) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(rich_table(120), source, row_group_size=25)
    outputs = []
    for workers, rows in (("1", "7"), ("2", "5"), ("2", "64")):
        out = tmp_path / f"out-{workers}-{rows}.parquet"
        result = invoke(
            source,
            out,
            "-t",
            "transcript",
            "-c",
            config,
            "-g",
            "session",
            "-w",
            workers,
            "--batch-rows",
            rows,
        )
        assert result.exit_code == 0, result.output
        outputs.append(pq.read_table(out))
    assert outputs[0].equals(outputs[1])
    assert outputs[0].equals(outputs[2])


def test_group_scope_numbers_each_name_once_per_group(tmp_path: Path, config: Path) -> None:
    source = tmp_path / "in.parquet"
    table = rich_table(120)
    pq.write_table(table, source)
    out = tmp_path / "out.parquet"
    result = invoke(
        source, out, "-t", "transcript", "-c", config, "-g", "session", "-w", "2", "--batch-rows", "6"
    )
    assert result.exit_code == 0, result.output
    redacted = pq.read_table(out)
    pseudonym: dict[tuple[str | None, str], str] = {}
    for session, text, red, ents in zip(
        table.column("session").to_pylist(),
        table.column("transcript").to_pylist(),
        redacted.column("transcript_redacted").to_pylist(),
        redacted.column("transcript_entities").to_pylist(),
        strict=True,
    ):
        if not text:
            continue
        shift = 0
        for entity in ents:
            value = text[entity["start"] : entity["end"]]
            start = entity["start"] + shift
            width = red.find("]", start) + 1 - start
            replacement = red[start : start + width]
            shift += width - (entity["end"] - entity["start"])
            if entity["label"] != "PERSON":
                continue
            # the same name gets the same pseudonym everywhere in its group
            assert pseudonym.setdefault((session, value), replacement) == replacement
    for session in {s for s, _ in pseudonym}:
        mine = [p for (s, _), p in pseudonym.items() if s == session]
        assert len(set(mine)) == len(mine)  # different names, different numbers


def test_in_place_several_columns_and_custom_names(tmp_path: Path, config: Path) -> None:
    source = tmp_path / "in.parquet"
    table = rich_table(40)
    pq.write_table(table, source)
    out = tmp_path / "out.parquet"
    result = invoke(
        source, out, "-t", "transcript", "-t", "agent", "-c", config, "-w", "1", "--in-place",
        "--entities-name", "pii_{column}",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    redacted = pq.read_table(out)
    assert redacted.schema.names == [
        *table.schema.names,
        "pii_transcript",
        "pii_agent",
        "sensitivity",
        "sensitivity_reasons",
    ]
    assert redacted.schema.field("agent").type == pa.large_string()
    assert redacted.schema.field("transcript").metadata == {b"role": b"asr output"}
    for column in ("transcript", "agent"):
        for before, after in zip(
            table.column(column).to_pylist(), redacted.column(column).to_pylist(), strict=True
        ):
            assert (before is None) == (after is None)
            if before:
                assert "555-" not in after
    names = runner.invoke(app, ["redact", str(source), str(tmp_path / "x.parquet"), "-t", "transcript",
                                "-t", "agent", "-c", str(config), "--redacted-name", "clean"])  # fmt: skip
    assert names.exit_code == 2
    assert "{column}" in names.output


# -- resume -------------------------------------------------------------------------------------------


def test_interrupted_run_resumes_and_skips_finished_files(
    dataset: Path, tmp_path: Path, config: Path
) -> None:
    reference = tmp_path / "reference"
    assert invoke(dataset, reference, "-t", "transcript", "-c", config, "-w", "1").exit_code == 0

    out = tmp_path / "out"
    seen = 0

    def interrupt(rows: int) -> None:
        nonlocal seen
        seen += rows
        if seen > 60:  # inside the second file
            raise KeyboardInterrupt

    pipe = Pipeline.from_config(config)
    with pytest.raises(KeyboardInterrupt):
        redact_parquet(dataset, out, "transcript", pipe, batch_rows=10, on_batch=interrupt)
    # a killed run leaves nothing that looks complete: one finished file, no partial, status running
    assert parquet_files(out) == parquet_files(dataset)[:1]
    assert not [p for p in out.rglob("*") if p.name.endswith(".partial")]
    assert json.loads((out / "_redactkit" / "report.json").read_text())["status"] == "interrupted"
    # a leftover temporary file of a hard kill (SIGKILL gives no chance to clean up)
    leftover = out / "day=2024-01-02" / ".part-0.parquet.99999.partial"
    leftover.parent.mkdir(parents=True, exist_ok=True)
    leftover.write_bytes(b"PAR1 half written")

    # other settings do not resume into it
    other = invoke(dataset, out, "-t", "transcript", "-c", config, "-g", "session")
    assert other.exit_code == 2
    assert "other settings" in other.output

    resumed = invoke(dataset, out, "-t", "transcript", "-c", config, "-w", "2", "--batch-rows", "10")
    assert resumed.exit_code == 0, resumed.output
    assert "files skipped" in resumed.output
    assert not leftover.exists()
    for relative in parquet_files(dataset):
        assert pq.read_table(out / relative).equals(pq.read_table(reference / relative))
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["files"] == {"total": 3, "written": 2, "skipped": 1}
    assert report["summary"]["rows"] == 150
    reference_report = json.loads((reference / "_redactkit" / "report.json").read_text())
    for key in ("rows_with_pii", "entities_by_label", "entities_by_operator", "null_or_empty"):
        assert report["summary"][key] == reference_report["summary"][key]

    # finished: the same command refuses; --overwrite redoes it
    again = invoke(dataset, out, "-t", "transcript", "-c", config)
    assert again.exit_code == 2
    assert "--overwrite" in again.output
    redo = invoke(dataset, out, "-t", "transcript", "-c", config, "-w", "1", "--overwrite")
    assert redo.exit_code == 0, redo.output
    assert "files written" in redo.output


# -- errors -------------------------------------------------------------------------------------------


def test_quarantine_masks_failing_rows_and_records_no_text(tmp_path: Path) -> None:
    config = tmp_path / "explode.yaml"
    config.write_text(
        REGEX_CONFIG.replace("detectors:\n", "detectors:\n  - name: test_explode\n    marker: boom\n")
    )
    table = rich_table(60)
    texts = table.column("transcript").to_pylist()
    bad = [7, 31, 32]
    for index in bad:
        texts[index] = f"boom goes bob at 555-{index:04d}"
    table = table.set_column(
        table.schema.get_field_index("transcript"), table.schema.field("transcript"), [texts]
    )
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)

    failed = invoke(source, tmp_path / "fail.parquet", "-t", "transcript", "-c", config, "-w", "1")
    assert failed.exit_code == 1
    assert "DetectorError" in failed.output
    assert "boom" not in failed.output
    assert list(tmp_path.glob("fail*")) == []

    for workers in ("1", "2"):
        out = tmp_path / f"q{workers}.parquet"
        result = invoke(
            source, out, "-t", "transcript", "-c", config, "-w", workers, "--batch-rows", "8",
            "--on-error", "quarantine", "--id-column", "id",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        redacted = pq.read_table(out)
        assert redacted.num_rows == 60
        red = redacted.column("transcript_redacted").to_pylist()
        ents = redacted.column("transcript_entities").to_pylist()
        for index in bad:
            assert red[index] == QUARANTINE_TEXT
            assert [e["label"] for e in ents[index]] == [QUARANTINE_LABEL]
            assert ents[index][0]["end"] == len(texts[index])
        # rows of the same batches that did not fail are redacted normally
        assert red[30] is not None and "555-" not in red[30] and red[30] != QUARANTINE_TEXT
        side = out.with_name(out.name + ".quarantine.jsonl").read_text()
        records = [json.loads(line) for line in side.splitlines()]
        assert [(r["row"], r["id"], r["error"]) for r in records] == [(i, i, "DetectorError") for i in bad]
        assert "boom" not in side and "555-" not in side
        report = json.loads(out.with_name(out.name + ".report.json").read_text())
        assert report["summary"]["errors"] == 3


def _corrupt(tmp_path: Path) -> Path:
    path = tmp_path / "corrupt.parquet"
    path.write_bytes(b"PAR1 this is not parquet at all PAR1")
    return path


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-t", "text"], "Available columns: id, session, day"),
        (["-t", "score"], "not a string column"),
        (["-t", "transcript", "-g", "conversation"], "no group column 'conversation'"),
        (["-t", "transcript", "--on-error", "ignore"], "--on-error"),
        (["-t", "transcript", "--id-column", "transcript"], "quarantine records never hold text"),
    ],
)
def test_bad_options_exit_2_and_write_nothing(
    tmp_path: Path, config: Path, args: Sequence[str], message: str
) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(rich_table(20), source)
    out = tmp_path / "out"
    result = invoke(source, out, "-c", config, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.parquet", "policy.yaml"]


def test_bad_inputs_exit_2_and_write_nothing(dataset: Path, tmp_path: Path, config: Path) -> None:
    corrupt = _corrupt(tmp_path)
    result = invoke(corrupt, tmp_path / "o.parquet", "-t", "transcript", "-c", config)
    assert result.exit_code == 2
    assert "not a readable Parquet file" in result.output
    # one corrupt file in a folder stops the run before anything is written
    (dataset / "day=2024-01-09").mkdir()
    (dataset / "day=2024-01-09" / "part-0.parquet").write_bytes(corrupt.read_bytes())
    result = invoke(dataset, tmp_path / "o", "-t", "transcript", "-c", config)
    assert result.exit_code == 2
    assert "day=2024-01-09" in result.output
    assert not (tmp_path / "o").exists()
    missing = invoke(tmp_path / "nope.parquet", tmp_path / "o2.parquet", "-t", "transcript", "-c", config)
    assert missing.exit_code == 2
    assert "does not exist" in missing.output
    inside = invoke(dataset, dataset / "redacted", "-t", "transcript", "-c", config)
    assert inside.exit_code == 2
    assert "inside" in inside.output


def test_existing_outputs_need_overwrite(dataset: Path, tmp_path: Path, config: Path) -> None:
    file_out = tmp_path / "o.parquet"
    file_out.write_bytes(b"keep me")
    source = next(dataset.rglob("*.parquet"))
    result = invoke(source, file_out, "-t", "transcript", "-c", config)
    assert result.exit_code == 2
    assert "--overwrite" in result.output
    assert file_out.read_bytes() == b"keep me"
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine")
    result = invoke(dataset, foreign, "-t", "transcript", "-c", config)
    assert result.exit_code == 2
    assert "not written by redactkit" in result.output
    assert [p.name for p in foreign.iterdir()] == ["notes.txt"]
    result = invoke(source, file_out, "-t", "transcript", "-c", config, "--overwrite", "-w", "1")
    assert result.exit_code == 0, result.output
    assert pq.read_table(file_out).num_rows == pq.read_table(source).num_rows


def test_help_has_examples_for_every_command() -> None:
    for command in (["redact"], ["analyze"], ["demo"], ["config", "show"], ["config", "validate"], []):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "Example" in result.output, command


# -- Python API -------------------------------------------------------------------------------------


def test_redact_table_and_record_batch_api(config: Path) -> None:
    pipe = Pipeline.from_config(config)
    table = rich_table(30)
    out = redact_table(table, ["transcript", "agent"], pipe, group_column="session", batch_rows=4)
    assert out.num_rows == 30
    assert out.schema.names[-6:] == [
        "transcript_redacted",
        "transcript_entities",
        "agent_redacted",
        "agent_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    assert out.select(table.schema.names).equals(table)
    batch = redact_record_batch(table.to_batches()[0], "transcript", pipe, in_place=True)
    assert batch.schema.names == [
        *table.schema.names,
        "transcript_entities",
        "sensitivity",
        "sensitivity_reasons",
    ]
    with pytest.raises(DataError, match="Available columns"):
        redact_table(table, "text", pipe)
    # the order before redact_parquet's was adopted still works, with a DeprecationWarning
    with pytest.warns(DeprecationWarning, match="redact_parquet"):
        legacy = redact_table(table, pipe, ["transcript", "agent"], group_column="session", batch_rows=4)  # type: ignore[arg-type]
    assert legacy.equals(out)


@settings(max_examples=40)
@given(
    texts=st.lists(
        st.one_of(
            st.none(), st.just(""), st.sampled_from(["call bob", "555-1234 now", "nothing"]), st.text()
        ),
        max_size=30,
    ),
    rows=st.integers(min_value=1, max_value=9),
)
def test_redact_table_keeps_rows_and_order_for_any_batch_size(texts: list[str | None], rows: int) -> None:
    pipe = Pipeline.from_config(REGEX_CONFIG_MAPPING)
    table = pa.table({"n": list(range(len(texts))), "transcript": pa.array(texts, pa.string())})
    out = redact_table(table, pipeline=pipe, batch_rows=rows)
    assert out.column("n").to_pylist() == list(range(len(texts)))
    expected = [r.text for r in pipe.redact_batch(texts)]
    assert out.column("transcript_redacted").to_pylist() == expected


REGEX_CONFIG_MAPPING: dict[str, Any] = {
    "replace": True,
    "normalizers": [{"name": "whitespace"}],
    "detectors": [{"name": "test_regex"}, {"name": "deny_list", "terms": {"bob": "PERSON"}}],
    "anonymizer": {"name": "tag"},
}


def test_sigkill_leaves_nothing_that_looks_complete(dataset: Path, tmp_path: Path, config: Path) -> None:
    slow = tmp_path / "slow.yaml"
    slow.write_text(
        REGEX_CONFIG.replace("detectors:\n", "detectors:\n  - name: test_slow\n    seconds: 0.1\n")
    )
    out = tmp_path / "out"
    tests_dir = Path(__file__).parent
    command = [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(tests_dir)!r}); import _support; "
        "from redactkit.cli import main; sys.argv[0] = 'redactkit'; main()",
        "redact", str(dataset), str(out), "-t", "transcript", "-c", str(slow), "-w", "1", "--batch-rows", "5",
    ]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        # kill it once the first file is done and the second one is being written
        while not (list(out.rglob("part-0.parquet")) and list(out.rglob(".part-0.parquet.*.partial"))):
            assert time.monotonic() < deadline, "timed out waiting for the run to get halfway"
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    finished = parquet_files(out)
    assert 1 <= len(finished) < 3
    for relative in finished:  # whatever has its final name is complete and readable
        assert pq.read_table(out / relative).num_rows == pq.read_table(dataset / relative).num_rows
    assert list(out.rglob("*.partial"))  # the half-written file kept its temporary name
    assert json.loads((out / "_redactkit" / "report.json").read_text())["status"] == "running"
    resumed = invoke(dataset, out, "-t", "transcript", "-c", slow.as_posix(), "-w", "1", "--batch-rows", "50")
    assert resumed.exit_code == 0, resumed.output
    assert not list(out.rglob("*.partial"))
    assert parquet_files(out) == parquet_files(dataset)


def test_a_worker_that_cannot_start_stops_the_run_with_nothing_written(dataset: Path, tmp_path: Path) -> None:
    config = tmp_path / "broken.yaml"
    # fails on the warm-up sentence every worker redacts before it takes work
    config.write_text(
        REGEX_CONFIG.replace("detectors:\n", "detectors:\n  - name: test_explode\n    marker: Jane\n")
    )
    out = tmp_path / "out"
    result = invoke(dataset, out, "-t", "transcript", "-c", config, "-w", "2", "--batch-rows", "10")
    assert result.exit_code == 1
    assert "DetectorError" in result.output
    assert not out.exists() or parquet_files(out) == []
