"""CLI conventions: -h, --quiet/--verbose/--log-level, --json, completion, analyze -, --limit, --dry-run,
progress lines when stderr is not a terminal, and help text without Python types."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from redactkit._progress import ProgressLog, format_duration
from redactkit.cli import app
from redactkit.synth import sample_table

CHEAP = """\
replace: true
normalizers: [{name: whitespace}, {name: spoken_numbers}]
detectors: [{name: identifiers}]
"""


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data(tmp_path: Path) -> Path:
    pq.write_table(sample_table(120), tmp_path / "in.parquet")
    (tmp_path / "cheap.yaml").write_text(CHEAP)
    return tmp_path


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    logger = logging.getLogger("redactkit")
    level, handlers = logger.level, list(logger.handlers)
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers


def _commands(group: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    yield prefix
    if hasattr(group, "commands"):  # a group (typer vendors its own click)
        for name, command in group.commands.items():
            yield from _commands(command, (*prefix, name))


def test_help_has_short_flag_and_no_python_types(runner: CliRunner) -> None:
    root = typer.main.get_command(app)
    seen = 0
    for path in _commands(root):
        result = runner.invoke(app, [*path, "-h"], terminal_width=120)
        assert result.exit_code == 0, (path, result.output)
        options = result.output.split("Arguments:")[-1]
        for pattern in (r"<(list|str|int|float|path|bool)\b", r"list\[", r"NoneType", r"Optional\["):
            assert not re.search(pattern, options), (path, pattern, options)
        seen += 1
    assert seen >= 12  # redact, analyze, demo, bench, config show/validate, audio ..., models ...


@pytest.mark.parametrize(
    ("shell", "function"), [("bash", "_redactkit_completion"), ("zsh", "#compdef redactkit")]
)
def test_shell_completion_script_for_the_detected_shell(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, shell: str, function: str
) -> None:
    # Typer detects the shell from the parent processes (shellingham); pin it, or the answer depends on
    # whether the suite runs under bash or sh ("Shell sh not supported", exit 1).
    monkeypatch.setattr("shellingham.detect_shell", lambda: (shell, f"/bin/{shell}"))
    result = runner.invoke(app, ["--show-completion"])
    assert result.exit_code == 0, result.output
    assert function in result.output


def test_redact_json_summary_on_stdout_and_progress_lines_on_stderr(runner: CliRunner, data: Path) -> None:
    args = ["redact", str(data / "in.parquet"), str(data / "out.parquet"), "-t", "transcript"]
    args += ["-c", str(data / "cheap.yaml"), "--workers", "1", "--batch-rows", "20"]
    result = runner.invoke(app, [*args, "--json", "--progress-interval", "0.1"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)  # stdout holds the JSON and nothing else
    assert summary["rows"] == 120
    assert summary["output"].endswith("out.parquet")
    assert sum(summary["entities_by_label"].values()) > 0
    lines = result.stderr.splitlines()
    assert lines[0] == "redactkit: loading models"
    assert lines[1].startswith("redactkit: models loaded in ")
    assert "redactkit: redacting 120 rows" in lines
    first = next(i for i, line in enumerate(lines) if "first batch done" in line)
    rates = [i for i, line in enumerate(lines) if "rows/s" in line]
    assert rates and min(rates) > first  # a rate appears only after rows were done
    assert re.search(r"120/120 rows \(100\.0%\), [\d,]+ rows/s, ETA 0s", lines[-1])


def test_quiet_prints_nothing_but_errors(runner: CliRunner, data: Path) -> None:
    args = ["-q", "redact", str(data / "in.parquet"), str(data / "out.parquet"), "-t", "transcript"]
    result = runner.invoke(app, [*args, "-c", str(data / "cheap.yaml"), "--workers", "1"])
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == ""
    missing = runner.invoke(
        app, ["-q", "redact", str(data / "nope.parquet"), str(data / "o.parquet"), "-t", "t"]
    )
    assert missing.exit_code == 2
    assert "error:" in missing.stderr


def test_verbose_and_log_level(runner: CliRunner) -> None:
    assert runner.invoke(app, ["-vv", "config", "show"]).exit_code == 0
    assert logging.getLogger("redactkit").level == logging.DEBUG
    assert runner.invoke(app, ["--log-level", "error", "config", "show"]).exit_code == 0
    handlers = [h for h in logging.getLogger("redactkit").handlers if getattr(h, "_redactkit_cli", False)]
    assert [h.level for h in handlers] == [logging.ERROR]
    bad = runner.invoke(app, ["--log-level", "loud", "config", "show"])
    assert bad.exit_code == 2


def test_limit_redacts_only_the_first_rows(runner: CliRunner, data: Path) -> None:
    args = ["redact", str(data / "in.parquet"), str(data / "out.parquet"), "-t", "transcript"]
    result = runner.invoke(app, [*args, "-c", str(data / "cheap.yaml"), "--workers", "1", "--limit", "25"])
    assert result.exit_code == 0, result.output
    out = pq.read_table(data / "out.parquet")
    assert out.num_rows == 25
    assert (
        out.column("utterance_id").to_pylist()
        == pq.read_table(data / "in.parquet").column("utterance_id").to_pylist()[:25]
    )


def test_dry_run_counts_labels_and_writes_nothing(runner: CliRunner, data: Path) -> None:
    args = ["redact", str(data / "in.parquet"), str(data / "out.parquet"), "-t", "transcript"]
    result = runner.invoke(
        app, [*args, "-c", str(data / "cheap.yaml"), "--dry-run", "--limit", "60", "--json"]
    )
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout)
    assert payload["dry_run"] is True
    assert payload["rows"] == 60
    assert payload["entities_by_label"]
    assert not (data / "out.parquet").exists()
    assert sorted(path.name for path in data.iterdir()) == ["cheap.yaml", "in.parquet"]
    table = runner.invoke(app, [*args, "-c", str(data / "cheap.yaml"), "--dry-run"])
    assert "nothing" in table.stdout and "written" in table.stdout


def test_analyze_reads_one_text_per_line_from_stdin(runner: CliRunner, data: Path) -> None:
    lines = "call five five five one two three four\nnothing here\n\nmy pin is one two three four\n"
    result = runner.invoke(app, ["analyze", "-", "-c", str(data / "cheap.yaml"), "--json"], input=lines)
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["line"] for r in records] == [1, 2, 3, 4]
    assert records[0]["redacted"] == "call [PHONE_NUMBER]"
    assert records[1]["entities"] == [] and records[2]["redacted"] == ""
    assert records[3]["entities"][0]["label"] == "PIN"
    table = runner.invoke(app, ["analyze", "-", "-c", str(data / "cheap.yaml")], input=lines)
    assert "1: call [PHONE_NUMBER]" in table.stdout


def test_progress_log_rate_starts_after_the_first_batch() -> None:
    now = [0.0]
    written: list[str] = []
    log = ProgressLog(written.append, interval=5.0, clock=lambda: now[0])
    log.start(1000)
    now[0] = 30.0  # model loading: 30 s before the first batch
    log.batch(100)
    assert log.rate() is None
    assert log.line().endswith("rate: measuring")
    now[0] = 40.0
    log.batch(400)  # 400 rows in 10 s after the first batch: 40 rows/s, not 500/40
    assert log.rate() == pytest.approx(40.0)
    assert written[-1] == "500/1,000 rows (50.0%), 40 rows/s, ETA 12s"
    assert format_duration(3725) == "1h02m"


def test_run_time_json_payloads_are_plain(runner: CliRunner, data: Path) -> None:
    """--json output never carries rich markup or colour codes."""
    args: list[Any] = ["redact", str(data / "in.parquet"), str(data / "o.parquet"), "-t", "transcript"]
    result = runner.invoke(
        app, [*args, "-c", str(data / "cheap.yaml"), "--workers", "1", "--json"], color=True
    )
    assert "\x1b[" not in result.stdout
