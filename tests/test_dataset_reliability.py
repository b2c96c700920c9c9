"""Reliability and security of dataset runs: changed inputs, signals, locks, keys, write errors,
plugin errors, outputs over inputs, durability and the cost of failing rows.

Model-free pipelines keep these fast. The signal and kill tests start real processes (marked slow,
they run in CI: a few seconds each).
"""

from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from _support import NUMBERED_REGEX_CONFIG
from typer.testing import CliRunner

from redactkit import Pipeline, RunInterrupted
from redactkit.cli import app
from redactkit.io import redact_parquet
from redactkit.io._lock import OutputLock
from redactkit.io.parquet import ColumnOptions, redact_columns

runner = CliRunner()
TESTS = Path(__file__).parent
KEY = "0123456789abcdef" * 4

CONFIG = NUMBERED_REGEX_CONFIG


def _table(rows: int, offset: int = 0, word: str = "call") -> pa.Table:
    ids = list(range(offset, offset + rows))
    return pa.table(
        {
            "id": pa.array(ids, pa.int64()),
            "session": [f"s{i % 4}" for i in ids],
            "transcript": [
                None if i % 10 == 0 else f"{word} {('alice', 'bob', 'carol')[i % 3]} on 555-{i % 10000:04d}"
                for i in ids
            ],
        }
    )


def _dataset(root: Path, files: int = 3, rows: int = 40) -> Path:
    for index in range(files):
        folder = root / f"part={index}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(_table(rows, offset=index * rows), folder / "data.parquet", row_group_size=10)
    return root


def _config(tmp_path: Path, extra_detector: str = "", name: str = "policy.yaml") -> Path:
    path = tmp_path / name
    path.write_text(
        CONFIG.replace("detectors:\n", f"detectors:\n{extra_detector}") if extra_detector else CONFIG
    )
    return path


def invoke(*args: str | Path) -> Any:
    return runner.invoke(app, ["redact", *map(str, args)])


def _parquet(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.parquet"))


def _one_error_line(output: str) -> str:
    """The error is one ``error:`` line (a ConfigError may add an indented example); besides it only
    progress status lines (``redactkit: ...``, which --quiet turns off) may appear before it."""
    lines = [line for line in output.strip().splitlines() if not line.startswith("redactkit: ")]
    assert "Traceback" not in output
    assert lines and lines[0].startswith("error: "), output
    assert all(line.startswith((" ", "A valid example")) for line in lines[1:]), output
    return lines[0]


def _cli(*args: str | Path) -> list[str]:
    """A ``redactkit`` command line in a fresh interpreter that knows the test components."""
    return [
        sys.executable,
        "-c",
        f"import sys; sys.path.insert(0, {str(TESTS)!r}); import _support; "
        "from redactkit.cli import main; sys.argv[0] = 'redactkit'; main()",
        *map(str, args),
    ]


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"  # a zombie has exited; only its exit status waits to be collected


def _wait_for(condition: Any, process: subprocess.Popen[bytes], what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        assert process.poll() is None, f"the run ended before {what}"
        time.sleep(0.02)


# -- 1. a resume notices changed, replaced and deleted inputs -------------------------------------


def _interrupt_after(rows_limit: int) -> Any:
    seen = 0

    def on_batch(rows: int) -> None:
        nonlocal seen
        seen += rows
        if seen > rows_limit:
            raise KeyboardInterrupt

    return on_batch


def test_resume_redoes_outputs_whose_input_changed_and_drops_deleted_ones(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=4)
    config = _config(tmp_path)
    out = tmp_path / "out"
    pipe = Pipeline.from_config(config)
    with pytest.raises(KeyboardInterrupt):
        redact_parquet(source, out, "transcript", pipe, batch_rows=10, on_batch=_interrupt_after(90))
    assert _parquet(out) == ["part=0/data.parquet", "part=1/data.parquet"]
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert set(report["inputs"]["part=0/data.parquet"]) == {"size", "mtime_ns", "footer_sha256"}

    # between the kill and the resume: part=0 gets other rows (same row count and size class),
    # part=1 is deleted, part=3 is touched but unchanged in content
    replaced = _table(40, offset=1000, word="ring")
    pq.write_table(replaced, source / "part=0" / "data.parquet", row_group_size=10)
    (source / "part=1" / "data.parquet").unlink()
    (source / "part=1").rmdir()
    result = invoke(source, out, "-t", "transcript", "-c", config, "-w", "1", "--batch-rows", "10")
    assert result.exit_code == 0, result.output

    assert _parquet(out) == ["part=0/data.parquet", "part=2/data.parquet", "part=3/data.parquet"]
    reference = tmp_path / "reference"
    assert invoke(source, reference, "-t", "transcript", "-c", config, "-w", "1").exit_code == 0
    for relative in _parquet(reference):
        assert pq.read_table(out / relative).equals(pq.read_table(reference / relative)), relative
    redone = pq.read_table(out / "part=0" / "data.parquet")
    assert redone.column("id").to_pylist() == list(range(1000, 1040))  # no stale row survives
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["status"] == "complete"
    assert report["stale_outputs_removed"] == 2  # part=0 redone, part=1's output removed
    assert report["summary"]["rows"] == 120


def test_an_input_changed_during_the_run_writes_nothing_for_it(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=2)
    out = tmp_path / "out"
    pipe = Pipeline.from_config(_config(tmp_path))
    seen = 0

    def touch_first_file(rows: int) -> None:
        nonlocal seen
        seen += rows
        if seen == 10:  # while part=0 is being written, someone rewrites it
            pq.write_table(_table(41), source / "part=0" / "data.parquet")

    with pytest.raises(Exception, match="changed while it was being redacted"):
        redact_parquet(source, out, "transcript", pipe, batch_rows=10, on_batch=touch_first_file)
    assert _parquet(out) == []
    assert not list(out.rglob("*.partial"))


def test_a_resume_under_another_key_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = _dataset(tmp_path / "in", files=2)
    config = tmp_path / "hash.yaml"
    config.write_text(CONFIG.replace("{PERSON: numbered}", "{PERSON: hash}"))
    monkeypatch.setenv("REDACTKIT_KEY", KEY)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        redact_parquet(
            source,
            out,
            "transcript",
            Pipeline.from_config(config),
            batch_rows=10,
            on_batch=_interrupt_after(45),
        )
    monkeypatch.setenv("REDACTKIT_KEY", KEY[::-1])
    result = invoke(source, out, "-t", "transcript", "-c", config, "-w", "1")
    assert result.exit_code == 2
    assert "other settings (input, columns, config or key)" in _one_error_line(result.output)
    monkeypatch.setenv("REDACTKIT_KEY", KEY)
    result = invoke(source, out, "-t", "transcript", "-c", config, "-w", "1")
    assert result.exit_code == 0, result.output
    assert json.loads((out / "_redactkit" / "report.json").read_text())["key_id"]


# -- 2. SIGTERM / SIGHUP stop the workers and clean up; SIGKILL leaves no orphan -------------------


def _deliverable(signum: int) -> None:
    """Start a child able to receive ``signum`` whatever the test runner passes down.

    Under `nohup` (a CI job, a detached shell) SIGHUP is ignored, and some job runners start their
    commands with signals blocked; children inherit both. The run rightly leaves an ignored or
    blocked signal alone, so a child that inherited either would never see the signal the test sends
    and the test would wait for nothing (a CI run hung here for 60 s with SIGHUP never delivered).
    """
    signal.signal(signum, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signum])


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "workers"), [(signal.SIGTERM, "2"), (signal.SIGHUP, "1")])
def test_sigterm_and_sighup_stop_workers_remove_partials_and_exit_128_plus_signum(
    tmp_path: Path, signum: int, workers: str
) -> None:
    source = _dataset(tmp_path / "in", files=2, rows=60)
    # held in the middle of the first file (the gate never opens): the signal lands mid-run
    config = _config(tmp_path, f"  - name: test_gate\n    gate: {tmp_path / 'never'}\n    free_batches: 3\n")
    out = tmp_path / "out"
    args = ("redact", source, out, "-t", "transcript", "-c", config, "-w", workers, "--batch-rows", "5")
    process = subprocess.Popen(
        _cli(*args),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: _deliverable(signum),
    )
    try:
        _wait_for(lambda: list(out.rglob("*.parquet.*.partial")), process, "a partial file")
        children = _children(process.pid)
        process.send_signal(signum)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 128 + signum
    message = stderr.decode()
    assert "Traceback" not in message
    assert f"interrupted ({signal.Signals(signum).name})" in message
    deadline = time.monotonic() + 15
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "worker processes outlived the run"
    assert not list(out.rglob("*.partial"))
    assert not (out / "_redactkit" / "run.lock").exists()
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["status"] == "interrupted" and report["signal"] == signal.Signals(signum).name
    (tmp_path / "never").touch()
    resumed = invoke(source, out, "-t", "transcript", "-c", config, "-w", "1", "--batch-rows", "30")
    assert resumed.exit_code == 0, resumed.output
    assert _parquet(out) == _parquet(source)
    assert sum(pq.read_table(out / r).num_rows for r in _parquet(out)) == 120


@pytest.mark.slow
def test_workers_of_a_sigkilled_run_exit_on_their_own(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=1, rows=200) / "part=0" / "data.parquet"
    config = _config(tmp_path, f"  - name: test_gate\n    gate: {tmp_path / 'never'}\n    free_batches: 3\n")
    out = tmp_path / "out.parquet"
    args = ("redact", source, out, "-t", "transcript", "-c", config, "-w", "2", "--batch-rows", "5")
    process = subprocess.Popen(_cli(*args), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: list(tmp_path.glob(".out.parquet.*.partial")), process, "a partial file")
        children = _children(process.pid)
        assert len(children) >= 2
        process.kill()
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    deadline = time.monotonic() + 20
    while any(_alive(pid) for pid in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in children if _alive(pid)], "orphaned workers kept running"
    assert not out.exists()
    # the dead run's lock does not block the next one
    result = invoke(source, out, "-t", "transcript", "-c", _config(tmp_path))
    assert result.exit_code == 0, result.output


def test_run_interrupted_is_a_keyboard_interrupt_with_the_signal() -> None:
    error = RunInterrupted(signal.SIGTERM)
    assert isinstance(error, KeyboardInterrupt) and error.signum == signal.SIGTERM
    assert "SIGTERM" in str(error)


# -- 3. one run per output ------------------------------------------------------------------------


@pytest.mark.parametrize("folder", [True, False])
def test_a_second_run_on_a_locked_output_is_refused_with_one_line(tmp_path: Path, folder: bool) -> None:
    source = _dataset(tmp_path / "in", files=2)
    config = _config(tmp_path)
    if folder:
        out, lock_file = tmp_path / "out", tmp_path / "out" / "_redactkit" / "run.lock"
        lock_file.parent.mkdir(parents=True)
        source_arg = source
    else:
        out, lock_file = tmp_path / "out.parquet", tmp_path / ".out.parquet.lock"
        source_arg = source / "part=0" / "data.parquet"
    with OutputLock(lock_file, out):  # another run holds it
        result = invoke(source_arg, out, "-t", "transcript", "-c", config, "-w", "1")
        assert result.exit_code == 2
        line = _one_error_line(result.output)
        assert "locked by another redactkit run" in line and str(lock_file) in line
        assert f"pid {os.getpid()}" in line
        assert _parquet(out) == [] if folder else not out.exists()
        overwrite = invoke(source_arg, out, "-t", "transcript", "-c", config, "-w", "1", "--overwrite")
        assert overwrite.exit_code == 2  # --overwrite does not break a lock either
    result = invoke(source_arg, out, "-t", "transcript", "-c", config, "-w", "1")
    assert result.exit_code == 0, result.output
    assert not lock_file.exists()


def test_a_run_killed_before_its_first_report_was_renamed_is_not_foreign(tmp_path: Path) -> None:
    """Found by benchmarks/chaos.py: SIGKILL between the lock and the first report's rename leaves
    only redactkit's own files; the next run starts afresh instead of calling the folder foreign."""
    source = _dataset(tmp_path / "in", files=2)
    out = tmp_path / "out"
    (out / "_redactkit").mkdir(parents=True)
    (out / "_redactkit" / "run.lock").write_text("pid 999999 on elsewhere since 2020-01-01T00:00:00+00:00\n")
    (out / "_redactkit" / ".report.json.999999.partial").write_text('{"status": "runn')
    result = invoke(source, out, "-t", "transcript", "-c", _config(tmp_path), "-w", "1")
    assert result.exit_code == 0, result.output
    assert _parquet(out) == _parquet(source)
    assert not list(out.rglob("*.partial"))


def test_a_stale_lock_file_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=1)
    out = tmp_path / "out"
    lock_file = out / "_redactkit" / "run.lock"
    lock_file.parent.mkdir(parents=True)
    lock_file.write_text("pid 999999 on elsewhere since 2020-01-01T00:00:00+00:00\n")  # nobody holds it
    result = invoke(source, out, "-t", "transcript", "-c", _config(tmp_path), "-w", "1")
    assert result.exit_code == 0, result.output
    assert _parquet(out) == _parquet(source)


@pytest.mark.slow
def test_two_concurrent_runs_on_one_output(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=2, rows=60)
    gate = tmp_path / "gate"
    # the first run is held in the middle of its first file until the second one has been refused
    config = _config(tmp_path, f"  - name: test_gate\n    gate: {gate}\n    free_batches: 3\n")
    out = tmp_path / "out"
    args = ("redact", source, out, "-t", "transcript", "-c", config, "-w", "1", "--batch-rows", "5")
    first = subprocess.Popen(_cli(*args), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: list(out.rglob("*.parquet.*.partial")), first, "the first run to write")
        second = subprocess.run(_cli(*args), capture_output=True, timeout=120)
        gate.touch()
        assert second.returncode == 2
        assert "locked by another redactkit run" in second.stderr.decode()
        assert "Traceback" not in second.stderr.decode()
        assert first.wait(timeout=120) == 0, first.stderr.read() if first.stderr else ""
    finally:
        gate.touch()
        if first.poll() is None:
            first.kill()
    assert sum(pq.read_table(out / r).num_rows for r in _parquet(out)) == 120
    assert not list(out.rglob("*.partial"))


# -- 4. keys are checked before any model loads ---------------------------------------------------


@pytest.mark.parametrize(
    ("key", "message"),
    [(None, "REDACTKIT_KEY is not set"), ("0123456789abcdef" * 2, "at least 32 bytes")],
)
@pytest.mark.parametrize("operator", ["hash", "surrogate", "encrypt", "numbered"])
def test_keyed_operators_without_a_strong_key_fail_validate_and_redact_with_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str | None, message: str, operator: str
) -> None:
    if key is None:
        monkeypatch.delenv("REDACTKIT_KEY", raising=False)
    else:
        monkeypatch.setenv("REDACTKIT_KEY", key)
    marker = tmp_path / "models-loaded"
    config = tmp_path / "keyed.yaml"
    config.write_text(
        CONFIG.replace("detectors:\n", f"detectors:\n  - name: test_load_marker\n    marker: {marker}\n")
        .replace("{PERSON: numbered}", f"{{PERSON: {operator}}}")
        .replace("numbered_scope: group", "numbered_scope: dataset")
    )
    validate = runner.invoke(app, ["config", "validate", str(config)])
    assert validate.exit_code == 2
    line = _one_error_line(validate.output)
    assert f"operator '{operator}' (operators.PERSON)" in line and "anonymizer.key_env" in line
    assert message in line
    source = _dataset(tmp_path / "in", files=1)
    for on_error in ("fail", "quarantine"):
        result = invoke(source, tmp_path / "out", "-t", "transcript", "-c", config, "--on-error", on_error)
        assert result.exit_code == 2
        assert message in _one_error_line(result.output)
    assert not marker.exists()
    assert not (tmp_path / "out").exists()


# -- 5. output location checked first; OS errors during the run are one line ---------------------


def test_an_output_under_a_file_fails_before_models_load(tmp_path: Path) -> None:
    marker = tmp_path / "models-loaded"
    config = _config(tmp_path, f"  - name: test_load_marker\n    marker: {marker}\n")
    source = _dataset(tmp_path / "in", files=1)
    (tmp_path / "plain").write_text("a file")
    for out in (tmp_path / "plain" / "out", tmp_path / "plain" / "deeper" / "out.parquet"):
        single = source / "part=0" / "data.parquet"
        result = invoke(source if out.suffix == "" else single, out, "-t", "transcript", "-c", config)
        assert result.exit_code == 2
        line = _one_error_line(result.output)
        assert "is a file, not a folder" in line and str(tmp_path / "plain") in line
    assert not marker.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_fails_before_models_load(tmp_path: Path) -> None:
    marker = tmp_path / "models-loaded"
    config = _config(tmp_path, f"  - name: test_load_marker\n    marker: {marker}\n")
    source = _dataset(tmp_path / "in", files=1)
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = invoke(source, locked / "out", "-t", "transcript", "-c", config)
        assert result.exit_code == 2
        assert "Permission denied" in _one_error_line(result.output)
    finally:
        locked.chmod(0o700)
    assert not marker.exists()


def test_a_full_disk_during_the_run_is_one_line_and_leaves_nothing_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    source = _dataset(tmp_path / "in", files=3)
    out = tmp_path / "out"
    writes = 0
    original = pq.ParquetWriter.write_table

    def fill_up(self: pq.ParquetWriter, table: pa.Table, *args: Any, **kwargs: Any) -> None:
        nonlocal writes
        writes += 1
        if writes == 2:  # the second file's first row group
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        original(self, table, *args, **kwargs)

    monkeypatch.setattr(pq.ParquetWriter, "write_table", fill_up)
    result = invoke(source, out, "-t", "transcript", "-c", _config(tmp_path), "-w", "1")
    assert result.exit_code == 1
    line = _one_error_line(result.output)
    assert "OutputError" in line and "No space left on device" in line
    assert str(out / "part=1" / "data.parquet") in line
    assert _parquet(out) == ["part=0/data.parquet"]  # finished before the disk filled
    assert not list(out.rglob("*.partial"))
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["status"] == "failed" and report["error"] == "OutputError"
    monkeypatch.setattr(pq.ParquetWriter, "write_table", original)
    resumed = invoke(source, out, "-t", "transcript", "-c", _config(tmp_path), "-w", "1")
    assert resumed.exit_code == 0, resumed.output
    assert _parquet(out) == _parquet(source)


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))


@pytest.mark.slow
def test_a_file_size_limit_is_one_line_exit_1(tmp_path: Path) -> None:
    source = tmp_path / "in.parquet"
    pq.write_table(_table(3000), source)
    out = tmp_path / "out.parquet"
    command = _cli("redact", source, out, "-t", "transcript", "-c", _config(tmp_path), "-w", "1")
    result = subprocess.run(command, capture_output=True, timeout=120, preexec_fn=_limit_file_size)
    stderr = result.stderr.decode()
    assert result.returncode == 1, stderr
    assert "Traceback" not in stderr
    assert len([line for line in stderr.strip().splitlines() if not line.startswith("redactkit: ")]) == 1
    assert "File too large" in stderr and str(out) in stderr
    assert not out.exists()
    assert not list(tmp_path.glob(".*.partial"))


# -- 6. plugin messages never reach quarantine records or the terminal ----------------------------


def test_plugin_error_messages_never_reach_quarantine_or_stderr(tmp_path: Path) -> None:
    config = _config(tmp_path, "  - name: test_leaky_plugin\n    marker: carol\n")
    source = tmp_path / "in.parquet"
    pq.write_table(_table(30), source)
    failed = invoke(source, tmp_path / "fail.parquet", "-t", "transcript", "-c", config, "-w", "1")
    assert failed.exit_code == 1
    line = _one_error_line(failed.output)
    assert "carol" not in failed.output and "555-" not in failed.output
    assert "DetectorError" in line and "detector 'test_leaky_plugin'" in line
    for workers in ("1", "2"):
        out = tmp_path / f"q{workers}.parquet"
        result = invoke(
            source, out, "-t", "transcript", "-c", config, "-w", workers, "--batch-rows", "8",
            "--on-error", "quarantine", "--id-column", "id",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        side = out.with_name(out.name + ".quarantine.jsonl").read_text()
        assert "carol" not in side and "555-" not in side and "inner" not in side
        records = [json.loads(line) for line in side.splitlines()]
        assert [r["id"] for r in records] == [i for i in range(30) if i % 3 == 2 and i % 10]
        assert {(r["error"], r["component"]) for r in records} == {
            ("DetectorError", "detector 'test_leaky_plugin'")
        }
        assert set(records[0]) == {"file", "row", "column", "error", "component", "id"}


def test_plugin_errors_are_raised_without_their_message_or_chain() -> None:
    from _support import LeakyPluginDetector

    from redactkit import DetectorError
    from redactkit.anonymize import TagAnonymizer

    pipe = Pipeline(detectors=[LeakyPluginDetector(marker="secret")], anonymizer=TagAnonymizer())
    with pytest.raises(DetectorError) as info:
        pipe.redact_batch(["the secret is 42"])
    assert "secret is" not in str(info.value)
    assert info.value.__cause__ is None and info.value.__context__ is None
    assert info.value.component == "detector 'test_leaky_plugin'"


# -- 7. never write over an input ----------------------------------------------------------------


def test_output_equal_to_input_is_refused_even_with_overwrite(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=2)
    single = source / "part=0" / "data.parquet"
    before = {p: p.read_bytes() for p in source.rglob("*.parquet")}
    config = _config(tmp_path)
    link = tmp_path / "link.parquet"
    link.symlink_to(single)
    hard = tmp_path / "hard.parquet"
    os.link(single, hard)
    for args in (
        (single, single, "--overwrite"),
        (single, single, "--overwrite", "--in-place"),
        (single, single, "--overwrite", "--limit", "5"),
        (source, source, "--overwrite", "--limit", "5"),
        (single, link, "--overwrite"),
        (single, hard, "--overwrite"),
        (source, source, "--overwrite"),
        (source, source / "part=0", "--overwrite"),
    ):
        result = invoke(args[0], args[1], "-t", "transcript", "-c", config, *args[2:])
        assert result.exit_code == 2, (args, result.output)
        line = _one_error_line(result.output)
        assert "input" in line
    # a folder whose outputs would land on its own input files (output = the input's parent)
    # nest/nest/nest/x.parquet would be written to nest/nest/x.parquet, itself an input
    nested = tmp_path / "nest"
    (nested / "nest" / "nest").mkdir(parents=True)
    pq.write_table(_table(10), nested / "nest" / "x.parquet")
    pq.write_table(_table(10), nested / "nest" / "nest" / "x.parquet")
    result = invoke(nested / "nest", nested, "-t", "transcript", "-c", config, "--overwrite")
    assert result.exit_code == 2 and "never writes over its input" in _one_error_line(result.output)
    assert {p: p.read_bytes() for p in source.rglob("*.parquet")} == before


def test_in_place_never_touches_the_input_file(tmp_path: Path) -> None:
    source = _dataset(tmp_path / "in", files=2)
    stats = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in source.rglob("*.parquet")}
    config = _config(tmp_path)
    result = invoke(source, tmp_path / "out", "-t", "transcript", "-c", config, "--in-place", "-w", "1")
    assert result.exit_code == 0, result.output
    single = source / "part=1" / "data.parquet"
    result = invoke(single, tmp_path / "o.parquet", "-t", "transcript", "-c", config, "--in-place", "-w", "1")
    assert result.exit_code == 0, result.output
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in source.rglob("*.parquet")} == stats
    redacted = pq.read_table(tmp_path / "o.parquet").column("transcript").to_pylist()
    assert not any(text and "555-" in text for text in redacted)


# -- 9. durability ---------------------------------------------------------------------------------


def test_outputs_and_reports_are_fsynced_around_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events: list[tuple[str, str, str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append(("fsync", os.readlink(f"/proc/self/fd/{fd}"), ""))
        real_fsync(fd)

    def replace(src: Any, dst: Any, **kwargs: Any) -> None:
        events.append(("replace", str(src), str(dst)))
        real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    source = _dataset(tmp_path / "in", files=2)
    out = tmp_path / "out"
    redact_parquet(source, out, "transcript", Pipeline.from_config(_config(tmp_path)), on_error="quarantine")
    finals = [
        out / "part=0" / "data.parquet",
        out / "part=1" / "data.parquet",
        out / "_redactkit" / "report.json",
    ]
    for final in finals:
        renames = [i for i, e in enumerate(events) if e[0] == "replace" and e[2] == str(final)]
        assert renames, final
        for index in renames:
            temporary = events[index][1]
            assert ("fsync", temporary, "") in events[:index], f"{temporary} not fsynced before its rename"
            assert ("fsync", str(final.parent), "") in events[index + 1 :], f"{final.parent} not fsynced"
    report = json.loads((out / "_redactkit" / "report.json").read_text())
    assert report["status"] == "complete"
    assert not list(out.rglob("*.partial"))


# -- 10. a failing row costs a few calls, not a call per row --------------------------------------


class _CountingPipeline:
    """Wraps a pipeline; counts redact_batch calls; rows containing ``poison`` make a batch fail."""

    def __init__(self, pipe: Pipeline) -> None:
        self.pipe = pipe
        self.calls = 0

    def redact_batch(self, texts: Any, groups: Any = None) -> Any:
        self.calls += 1
        if any(text and "poison" in text for text in texts):
            raise ValueError("poisoned batch")
        return self.pipe.redact_batch(texts, groups)


@pytest.mark.parametrize(("rows", "bad"), [(1024, [3, 500, 1023]), (257, [0]), (64, list(range(0, 64, 8)))])
def test_a_failing_batch_is_bisected(tmp_path: Path, rows: int, bad: list[int]) -> None:
    texts = [f"call bob on 555-{i:04d}" for i in range(rows)]
    for index in bad:
        texts[index] = f"poison {index}"
    counting = _CountingPipeline(Pipeline.from_config(_config(tmp_path)))
    work = pa.record_batch({"transcript": pa.array(texts)})
    options = ColumnOptions(on_error="quarantine")
    outputs, failures = redact_columns(work, counting, options)  # type: ignore[arg-type]
    assert [f.row for f in failures] == bad
    redacted = outputs["transcript"][0].to_pylist()
    assert all(redacted[i] == "[REDACTION_FAILED]" for i in bad)
    assert all(
        "555-" not in redacted[i] and redacted[i] != "[REDACTION_FAILED]" for i in range(rows) if i not in bad
    )
    # before: 1 + rows calls (row by row). Bisection: at most 1 + 2 k ceil(log2 n)
    bound = 1 + 2 * len(bad) * (rows - 1).bit_length()
    assert counting.calls <= bound, (counting.calls, bound)
    if rows == 1024:
        assert counting.calls <= 61  # 3 failing rows among 1,024: was 1,025 calls


def test_bisection_keeps_group_numbering_in_input_order(tmp_path: Path) -> None:
    texts = ["bob here", "poison", "carol and bob", "alice", "poison", "carol"]
    groups = ["g"] * len(texts)
    work = pa.record_batch({"transcript": pa.array(texts), "session": pa.array(groups)})
    options = ColumnOptions(on_error="quarantine", group_column="session")
    counting = _CountingPipeline(Pipeline.from_config(_config(tmp_path)))
    outputs, _ = redact_columns(work, counting, options)  # type: ignore[arg-type]
    assert outputs["transcript"][0].to_pylist() == [
        "[PERSON_1] here",
        "[REDACTION_FAILED]",
        "[PERSON_2] and [PERSON_1]",
        "[PERSON_3]",
        "[REDACTION_FAILED]",
        "[PERSON_2]",
    ]


# -- exit codes: no user error prints a traceback -------------------------------------------------


@pytest.fixture
def cases(tmp_path: Path) -> dict[str, Any]:
    source = _dataset(tmp_path / "in", files=1)
    single = source / "part=0" / "data.parquet"
    (tmp_path / "plain").write_text("x")
    bad_config = tmp_path / "bad.yaml"
    bad_config.write_text("replace: true\ndetectors:\n  - name: test_regex\n    colour: red\n")
    return {"source": source, "single": single, "config": _config(tmp_path), "bad_config": bad_config}


@pytest.mark.parametrize(
    ("case", "code", "message"),
    [
        ("missing input", 2, "does not exist"),
        ("input is not parquet", 2, "not a readable Parquet file"),
        ("bad column", 2, "no column 'text'"),
        ("bad config", 2, "unknown key"),
        ("missing config file", 2, "ConfigError"),
        ("output under a file", 2, "is a file, not a folder"),
        ("output is the input", 2, "never writes over its input"),
        ("output exists", 2, "--overwrite"),
        ("weak key", 2, "at least 32 bytes"),
        ("disk full", 1, "No space left on device"),
    ],
)
def test_user_errors_exit_with_one_line_and_no_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cases: dict[str, Any], case: str, code: int, message: str
) -> None:
    import errno

    single, config = cases["single"], cases["config"]
    out: Path = tmp_path / "out.parquet"
    args: list[str | Path] = [single, out, "-t", "transcript", "-c", config]
    if case == "missing input":
        args[0] = tmp_path / "nope.parquet"
    elif case == "input is not parquet":
        args[0] = cases["bad_config"]
    elif case == "bad column":
        args[3] = "text"
    elif case == "bad config":
        args[5] = cases["bad_config"]
    elif case == "missing config file":
        args[5] = tmp_path / "nope.yaml"
    elif case == "output under a file":
        args[1] = tmp_path / "plain" / "out.parquet"
    elif case == "output is the input":
        args[1:2] = [single]
        args.append("--overwrite")
    elif case == "output exists":
        out.write_bytes(b"x")
    elif case == "weak key":
        monkeypatch.setenv("REDACTKIT_KEY", "short")
        hashed = tmp_path / "hash.yaml"
        hashed.write_text(CONFIG.replace("{PERSON: numbered}", "{PERSON: hash}"))
        args[5] = hashed
    elif case == "disk full":

        def full(self: Any, *a: Any, **k: Any) -> None:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

        monkeypatch.setattr(pq.ParquetWriter, "write_table", full)
    result = invoke(*args)
    assert result.exit_code == code, result.output
    assert message in _one_error_line(result.output)


# -- 8. a text over spaCy's length limit does not stop a --on-error fail run -----------------------


@pytest.mark.slow
def test_a_row_over_a_million_characters_is_redacted_in_a_fail_run(tmp_path: Path) -> None:
    """Long texts go through the model in overlapping windows (redactkit.detect._windows): one
    long row no longer raises DetectorError and stops the run."""
    filler = "ok so and then we talked about the weather for a while "
    long_text = (filler * (1_050_000 // len(filler) + 1))[:1_050_000]
    middle = long_text.rfind(" ", 0, 600_000) + 1
    long_text = long_text[:middle] + "Maria Lopez called " + long_text[middle + 19 :]
    assert len(long_text) > 1_000_000
    texts = ["call Maria Lopez at home", long_text, None, "nothing to see here"]
    source = tmp_path / "in.parquet"
    pq.write_table(pa.table({"id": list(range(4)), "transcript": texts}), source)
    config = tmp_path / "ner.yaml"
    config.write_text(  # the small model: the test is about the length limit, not accuracy
        "replace: true\nnormalizers:\n  - name: whitespace\n"
        "detectors:\n  - name: ner\n    model: en_core_web_sm\n"
    )
    out = tmp_path / "out.parquet"
    result = invoke(source, out, "-t", "transcript", "-c", config, "-w", "1", "--on-error", "fail")
    assert result.exit_code == 0, result.output
    redacted = pq.read_table(out).column("transcript_redacted").to_pylist()
    assert len(redacted) == 4
    assert redacted[1] is not None and len(redacted[1]) > 1_000_000
    assert "Maria Lopez" not in redacted[1] and "[PERSON]" in redacted[1]
    assert "Maria" not in redacted[0]
