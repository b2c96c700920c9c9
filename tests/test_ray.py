"""The Ray engine end to end on a local Ray instance, against the local engine on the same input.

Model-free pipeline (normalizers, ``identifiers``, a deny list) so the actors start in seconds. Ray is
started once for the module (about 10 s); the tests skip when ``redactkit[ray]`` is not installed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _support import (
    CONVERSATION_OPTIONS,
    assert_known_from_cited,
    conversation_transcripts,
    local_conversations,
)
from _support import ENGINE_CONFIG as CONFIG
from _support import engine_transcripts as transcripts
from typer.testing import CliRunner

from redactkit import DataError, Pipeline, RedactkitError
from redactkit.cli import app
from redactkit.io import redact_table

ray = pytest.importorskip("ray")

from redactkit.integrations.ray import ensure_ray, redact_ray_dataset  # noqa: E402

pytestmark = pytest.mark.slow
runner = CliRunner()


@pytest.fixture(scope="module")
def local_ray() -> Iterator[Any]:
    started = not ray.is_initialized()
    # the actors inherit this environment: they can import the test components in tests/_support.py
    previous = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(Path(__file__).parent), previous]))
    try:
        module = ensure_ray(num_cpus=3)
    finally:
        if previous is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = previous
    yield module
    if started:
        module.shutdown()


def _config_file(tmp_path: Path) -> Path:
    import yaml

    path = tmp_path / "policy.yaml"
    path.write_text(yaml.safe_dump(CONFIG))
    return path


def _redact(*args: str | Path) -> Any:
    return runner.invoke(app, ["redact", *map(str, args)])


def test_cli_ray_engine_writes_what_the_local_engine_writes(local_ray: Any, tmp_path: Path) -> None:
    source = tmp_path / "calls"
    for day, offset in (("2024-01-01", 0), ("2024-01-02", 70)):
        (source / f"day={day}").mkdir(parents=True)
        pq.write_table(transcripts(70, offset), source / f"day={day}" / "part-0.parquet", row_group_size=11)
    config = _config_file(tmp_path)
    common = ("-t", "transcript", "-g", "session", "-c", config, "--batch-rows", "6")
    local = _redact(source, tmp_path / "local", *common, "-w", "1")
    assert local.exit_code == 0, local.output
    remote = _redact(source, tmp_path / "ray", *common, "--engine", "ray", "-w", "2")
    assert remote.exit_code == 0, remote.output
    for part in ("day=2024-01-01/part-0.parquet", "day=2024-01-02/part-0.parquet"):
        expected = pq.read_table(tmp_path / "local" / part)
        got = pq.read_table(tmp_path / "ray" / part)
        assert got.equals(expected), part
        assert any(e for e in got.column("transcript_entities").to_pylist())
    report = json.loads((tmp_path / "ray" / "_redactkit" / "report.json").read_text())
    assert report["engine"] == "ray"
    assert report["workers"] == 2
    assert report["summary"]["rows"] == 140
    assert report["summary"]["entities_by_label"]["PERSON"] > 0


def test_cli_ray_engine_quarantines_like_the_local_engine(local_ray: Any, tmp_path: Path) -> None:
    config = dict(CONFIG)
    config["detectors"] = [{"name": "test_explode", "marker": "boom"}, *CONFIG["detectors"]]
    path = tmp_path / "explode.yaml"
    import yaml

    path.write_text(yaml.safe_dump(config))
    table = transcripts(40)
    texts = table.column("transcript").to_pylist()
    bad = [5, 22, 23]
    for index in bad:
        texts[index] = f"boom goes bob at five five five {index}"
    table = table.set_column(2, "transcript", pa.array(texts, pa.string()))
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    common = ("-t", "transcript", "-g", "session", "-c", path, "--batch-rows", "8")
    quarantine = ("--on-error", "quarantine", "--id-column", "id")
    local = _redact(source, tmp_path / "local.parquet", *common, *quarantine, "-w", "1")
    assert local.exit_code == 0, local.output
    remote = _redact(source, tmp_path / "ray.parquet", *common, *quarantine, "--engine", "ray", "-w", "2")
    assert remote.exit_code == 0, remote.output
    assert pq.read_table(tmp_path / "ray.parquet").equals(pq.read_table(tmp_path / "local.parquet"))
    side = (tmp_path / "ray.parquet.quarantine.jsonl").read_text()
    assert side == (tmp_path / "local.parquet.quarantine.jsonl").read_text()
    assert [json.loads(line)["id"] for line in side.splitlines()] == bad
    assert "boom" not in side
    failed = _redact(source, tmp_path / "fail.parquet", *common, "--engine", "ray", "-w", "2")
    assert failed.exit_code == 1
    assert "DetectorError" in failed.output
    assert "boom" not in failed.output
    assert not (tmp_path / "fail.parquet").exists()


def test_ray_dataset_by_group_matches_the_local_engine(local_ray: Any) -> None:
    table = transcripts(120)
    expected = redact_table(
        table, pipeline=Pipeline.from_config(CONFIG), group_column="session", batch_rows=7
    )
    ds = local_ray.data.from_arrow(table).repartition(5)
    out = redact_ray_dataset(
        ds, CONFIG, "transcript", group_column="session", order_column="id", actors=2, num_partitions=3
    )
    got = pa.concat_tables(local_ray.get(out.to_arrow_refs()))
    got = got.sort_by("id").cast(expected.schema)
    assert got.num_rows == table.num_rows
    assert got.equals(expected)


def test_ray_dataset_conversations_match_the_local_engine(local_ray: Any) -> None:
    table = conversation_transcripts(72)
    expected = local_conversations(table)
    ds = local_ray.data.from_arrow(table).repartition(4)
    out = redact_ray_dataset(ds, CONFIG, "transcript", actors=2, num_partitions=3, **CONVERSATION_OPTIONS)
    got = pa.concat_tables(local_ray.get(out.to_arrow_refs())).sort_by("id").cast(expected.schema)
    assert got.equals(expected)
    assert_known_from_cited(got)


def test_cli_ray_engine_conversations_match_the_local_engine(local_ray: Any, tmp_path: Path) -> None:
    source = tmp_path / "calls.parquet"
    pq.write_table(conversation_transcripts(60), source)
    config = _config_file(tmp_path)
    common = ("-t", "transcript", "-g", "session", "-c", config, "--batch-rows", "5", "--conversation")
    more = ("--order-column", "id", "--id-column", "id", "--sort")
    local = _redact(source, tmp_path / "local.parquet", *common, *more, "-w", "1")
    assert local.exit_code == 0, local.output
    remote = _redact(source, tmp_path / "ray.parquet", *common, *more, "--engine", "ray", "-w", "2")
    assert remote.exit_code == 0, remote.output
    assert pq.read_table(tmp_path / "ray.parquet").equals(pq.read_table(tmp_path / "local.parquet"))


def test_ray_dataset_by_batch_keeps_rows_in_order(local_ray: Any) -> None:
    config = {**CONFIG, "anonymizer": {"name": "policy", "operators": {"PERSON": "numbered"}}}
    table = transcripts(90)
    expected = redact_table(table, pipeline=Pipeline.from_config(config), batch_rows=32)
    context = local_ray.data.DataContext.get_current()
    previous = context.execution_options.preserve_order
    context.execution_options.preserve_order = True
    try:
        ds = local_ray.data.from_arrow(table).repartition(4)
        out = redact_ray_dataset(ds, config, "transcript", actors=2, batch_rows=10)
        got = pa.concat_tables(local_ray.get(out.to_arrow_refs()))
    finally:
        context.execution_options.preserve_order = previous
    assert got.cast(expected.schema).equals(expected)


def test_group_scope_without_a_group_column_is_refused(local_ray: Any) -> None:
    ds = local_ray.data.from_arrow(transcripts(5))
    with pytest.raises(DataError, match="group_column"):
        redact_ray_dataset(ds, CONFIG, "transcript")


def test_missing_ray_names_the_extra(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)
    from redactkit.integrations import ray as integration

    with pytest.raises(RedactkitError, match=r"redactkit\[ray\]"):
        integration.ensure_ray()
    source = tmp_path / "in.parquet"
    pq.write_table(transcripts(3), source)
    result = _redact(source, tmp_path / "out.parquet", "-t", "transcript", "--engine", "ray")
    assert result.exit_code == 1
    assert "redactkit[ray]" in result.output
    assert not (tmp_path / "out.parquet").exists()


@pytest.mark.parametrize(
    "args",
    [("--engine", "spark"), ("--address", "auto")],
)
def test_bad_engine_options_exit_2(tmp_path: Path, args: tuple[str, ...]) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(transcripts(3), source)
    result = _redact(source, tmp_path / "out.parquet", "-t", "transcript", *args)
    assert result.exit_code == 2
    assert not (tmp_path / "out.parquet").exists()
