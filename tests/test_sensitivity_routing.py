"""Row-level sensitivity routing end to end: ``redactkit redact --route-dir`` on generated data.

Model-free pipelines keep these fast. Routed rows must be absent from the main output's text,
present (span-redacted) in the routed output, row counts equal, and the run report's counts right.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from redactkit import DataError, Pipeline
from redactkit.cli import app
from redactkit.io import redact_parquet, redact_table

runner = CliRunner()

CONFIG = """
replace: [normalizers, detectors]
normalizers:
  - name: whitespace
detectors:
  - name: deny_list
    terms: {alice: PERSON, bob: PERSON, carol: PERSON}
batch_size: 8
"""

#: (template, level); {name} becomes a deny-listed name, so every sensitive row has PII in it too
TEMPLATES: tuple[tuple[str, str], ...] = (
    ("{name} hit me again last night zebra{i}", "safety"),
    ("i don't want to live anymore {name} zebra{i}", "safety"),
    ("{name} and i had sex in the car zebra{i}", "intimate"),
    ("{name} got arrested for shoplifting zebra{i}", "special"),
    ("please call {name} back tomorrow zebra{i}", "pii"),
    ("what's the weather like zebra{i}", "none"),
    ("kill the lights in the kitchen zebra{i}", "none"),
)
NAMES = ("alice", "bob", "carol")


def _table(rows: int) -> tuple[pa.Table, list[str]]:
    texts: list[str | None] = []
    levels: list[str] = []
    for i in range(rows):
        if i % 11 == 10:
            texts.append(None)
            levels.append("none")
            continue
        template, level = TEMPLATES[i % len(TEMPLATES)]
        texts.append(template.format(name=NAMES[i % 3], i=i))
        levels.append(level)
    table = pa.table(
        {
            "utterance_id": pa.array([f"u{i:04d}" for i in range(rows)]),
            "call": pa.array([f"c{i % 5}" for i in range(rows)]),
            "transcript": pa.array(texts, pa.string()),
        }
    )
    return table, levels


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(CONFIG)
    return path


def _redact(args: list[str]) -> dict[str, Any]:
    result = runner.invoke(app, ["redact", *args, "--json"])
    assert result.exit_code == 0, result.output
    payload: dict[str, Any] = json.loads(result.stdout)
    return payload


@pytest.mark.parametrize("workers", [1, 2])
def test_route_dir_end_to_end(tmp_path: Path, config: Path, workers: int) -> None:
    table, levels = _table(154)
    source = tmp_path / "calls.parquet"
    pq.write_table(table, source, row_group_size=40)
    out, routed_dir = tmp_path / "out" / "calls.parquet", tmp_path / "restricted"
    summary = _redact(
        [
            *(str(source), str(out), "-t", "transcript", "-g", "call", "--config", str(config)),
            *("--route", "intimate", "--route-dir", str(routed_dir), "--batch-rows", "16"),
            *("--workers", str(workers)),
        ]
    )
    main = pq.read_table(out)
    routed = pq.read_table(routed_dir / "calls.parquet")
    # row counts match; the routed rows are those at intimate or safety
    assert main.num_rows == table.num_rows
    expected = [i for i, level in enumerate(levels) if level in ("intimate", "safety")]
    assert routed.column("source_row").to_pylist() == expected
    assert routed.column("utterance_id").to_pylist() == [f"u{i:04d}" for i in expected]
    assert main.column("sensitivity").to_pylist() == levels
    # routed rows are absent from every text of the main output
    main_text = " ".join(
        value
        for column in ("transcript", "transcript_redacted")
        for value in main.column(column).to_pylist()
        if value is not None
    )
    for i in expected:
        assert f"zebra{i} " not in main_text + " "
        assert main.column("transcript")[i].as_py() == "[WITHHELD]"
        assert main.column("transcript_redacted")[i].as_py() == "[WITHHELD]"
    # ... and present in the routed output, span-redacted next to the original (as OUTPUT would be)
    for row, i in enumerate(expected):
        assert routed.column("transcript")[row].as_py() == table.column("transcript")[i].as_py()
        redacted = routed.column("transcript_redacted")[row].as_py()
        assert f"zebra{i}" in redacted and "[PERSON" in redacted
        assert not any(name in redacted for name in NAMES)
    assert routed.schema.names == [*main.schema.names, "source_row"]
    # rows that are not withheld are redacted as usual
    special = levels.index("special")
    assert main.column("transcript_redacted")[special].as_py().startswith("[PERSON")
    # the run report counts rows per level, per reason and per action
    report = json.loads((out.parent / "calls.parquet.report.json").read_text())
    for counts in (summary, report["summary"]):
        assert isinstance(counts, dict)
        assert counts["rows_by_sensitivity"] == {
            level: levels.count(level) for level in ("none", "pii", "special", "intimate", "safety")
        }
        assert counts["rows_routed"] == len(expected)
        assert counts["rows_by_action"]["route"] == len(expected)
        assert (
            counts["rows_by_reason"]["cue:violence"]
            == levels.count("safety") // 2 + levels.count("safety") % 2
        )
        assert counts["rows_by_reason"]["label:PERSON"] == sum(level != "none" for level in levels)
    assert report["route_dir"] == str(routed_dir)
    assert report["sensitivity_policy"]["intimate"] == "route"
    # reports never carry text
    assert "zebra" not in json.dumps(report)


def test_drop_text_replaces_the_whole_transcript(tmp_path: Path) -> None:
    table, levels = _table(30)
    pipe = Pipeline.from_config(
        {
            "replace": ["normalizers", "detectors"],
            "normalizers": [{"name": "whitespace"}],
            "detectors": [{"name": "deny_list", "terms": {"alice": "PERSON", "bob": "PERSON"}}],
            "sensitivity": {
                "policy": {"intimate": "drop_text", "safety": "drop_text"},
                "marker": "<{level}>",
            },
        }
    )
    out = redact_table(table, "transcript", pipe, in_place=True)
    for i, level in enumerate(levels):
        text = out.column("transcript")[i].as_py()
        if level in ("intimate", "safety"):
            assert text == f"<{level}>"
        elif table.column("transcript")[i].as_py() is not None:
            assert text.endswith(f"zebra{i}")


def test_routing_needs_a_routed_output(tmp_path: Path) -> None:
    table, _ = _table(10)
    pipe = Pipeline.from_config(
        {
            "replace": ["normalizers", "detectors"],
            "normalizers": [{"name": "whitespace"}],
            "detectors": [{"name": "deny_list", "terms": {"bob": "PERSON"}}],
            "sensitivity": {"policy": {"safety": "route"}},
        }
    )
    with pytest.raises(DataError, match="route-dir"):
        redact_table(table, "transcript", pipe)
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    with pytest.raises(DataError, match="route-dir"):
        redact_parquet(source, tmp_path / "out.parquet", "transcript", pipe)
    assert not (tmp_path / "out.parquet").exists()


def test_route_dir_errors_fail_before_writing(tmp_path: Path, config: Path) -> None:
    table, _ = _table(10)
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    out = tmp_path / "out"
    # no level routes
    result = runner.invoke(
        app,
        [
            "redact",
            str(source),
            str(out / "x.parquet"),
            "-t",
            "transcript",
            "--config",
            str(config),
            "--route-dir",
            str(tmp_path / "r"),
        ],
    )
    assert result.exit_code != 0 and "routes no level" in result.output
    # the routed output may not be the output folder
    result = runner.invoke(
        app,
        [
            "redact",
            str(source),
            str(out / "x.parquet"),
            "-t",
            "transcript",
            "--config",
            str(config),
            "--route",
            "safety",
            "--route-dir",
            str(out),
        ],
    )
    assert result.exit_code != 0 and "apart from the output" in result.output
    # --route needs --route-dir; unknown levels name the choices
    result = runner.invoke(
        app, ["redact", str(source), str(out / "x.parquet"), "-t", "transcript", "--route", "safty"]
    )
    assert result.exit_code != 0 and "did you mean 'safety'" in result.output
    assert not (out / "x.parquet").exists()


def test_directory_run_routes_per_file_and_resumes(tmp_path: Path, config: Path) -> None:
    source = tmp_path / "calls"
    for day in ("a", "b"):
        table, _ = _table(40)
        (source / f"day={day}").mkdir(parents=True)
        pq.write_table(table, source / f"day={day}" / "part.parquet")
    out, routed = tmp_path / "out", tmp_path / "restricted"
    args = [
        str(source),
        str(out),
        "-t",
        "transcript",
        "--config",
        str(config),
        "--route",
        "safety",
        "--route-dir",
        str(routed),
    ]
    first = _redact(args)
    for day in ("a", "b"):
        main = pq.read_table(out / f"day={day}" / "part.parquet")
        rows = pq.read_table(routed / f"day={day}" / "part.parquet")
        assert rows.num_rows == main.column("sensitivity").to_pylist().count("safety") > 0
    # a finished run is not redone; a missing routed file makes its output be redone (fail closed)
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    report["status"] = "running"
    (out / "_redactkit" / "report.json").write_text(json.dumps(report))
    (routed / "day=b" / "part.parquet").unlink()
    second = _redact(args)
    assert second["files_written"] == 1 and second["files_skipped"] == 1
    assert second["rows_routed"] == first["rows_routed"]
    assert (routed / "day=b" / "part.parquet").exists()


def test_withheld_rows_are_silenced_whole(tmp_path: Path) -> None:
    texts = ["bob hit me again", "call bob now"]
    words = [
        [{"word": w, "start": float(i), "end": i + 0.5} for i, w in enumerate(text.split())] for text in texts
    ]
    table = pa.table({"transcript": texts, "words": words})
    pipe = Pipeline.from_config(
        {
            "replace": ["normalizers", "detectors"],
            "normalizers": [{"name": "whitespace"}],
            "detectors": [{"name": "deny_list", "terms": {"bob": "PERSON"}}],
            "sensitivity": {"policy": {"safety": "drop_text"}},
        }
    )
    out = redact_table(table, "transcript", pipe, timings_column="words")
    intervals = out.column("transcript_redacted_intervals").to_pylist()
    assert intervals[0] == [{"start": 0.0, "end": float("inf"), "label": "WITHHELD"}]
    assert [i["label"] for i in intervals[1]] == ["PERSON"]


def test_dry_run_counts_levels_and_previews_routing(tmp_path: Path) -> None:
    table, levels = _table(40)
    source = tmp_path / "in.parquet"
    pq.write_table(table, source)
    config = tmp_path / "routing.yaml"
    config.write_text(CONFIG + "sensitivity:\n  policy: {safety: route}\n")
    payload = _redact(
        [str(source), str(tmp_path / "out.parquet"), "-t", "transcript", "-c", str(config), "--dry-run"]
    )
    assert payload["rows_by_sensitivity"] == {
        level: levels.count(level) for level in ("none", "pii", "special", "intimate", "safety")
    }
    assert not (tmp_path / "out.parquet").exists()
