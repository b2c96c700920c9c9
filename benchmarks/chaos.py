"""Chaos test of dataset redaction: kill runs at random points, resume, and check nothing is lost.

A generated dataset folder of several Parquet files (hive partitions, group ids, null and empty
rows) is redacted once without interruption: the reference. Then each trial redacts it into a fresh
folder with ``redactkit redact`` in a subprocess, sends SIGKILL or SIGTERM at random moments (one to
``--max-kills`` times), and finally runs the same command to completion. Trial kinds:

- ``kill``: random SIGKILL/SIGTERM points, then resume;
- ``replace``: after the first kill, one input file is replaced by other rows (other ids, other
  texts); the resumed output must match a reference run of the *new* input, with no row of the old
  file left (stale);
- ``concurrent``: while the run goes, a second run on the same output is started; it must be
  refused (exit 2, the lock named) and the first must finish unharmed.

Per trial it prints rows in / rows out / duplicates / stale rows / identical-to-reference, plus the
exit statuses seen (a SIGTERM must give 143, a SIGKILL -9). Requirements: rows out = rows in, 0
duplicates, 0 stale rows, every output file identical to the reference, no ``.partial`` file left.
The script exits 1 if any trial breaks them.

By default the pipeline is model-free (normalizers, the ``identifiers`` and a ``deny_list``
detector, group-scope numbering and a keyed ``hash``), so that a trial takes seconds; ``--config
default`` uses the shipped pipeline (spaCy models: slower, same checks). The output names the
configuration.

    nice -n 5 python benchmarks/chaos.py [--trials 12] [--files 4] [--rows 3000] [--workers 2]
        [--batch-rows 200] [--max-kills 3] [--seed 0] [--config cheap|default|PATH] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")

CHEAP_CONFIG = """\
replace: true  # exactly this pipeline, not merged with the default one (no models)
normalizers:
  - name: whitespace
  - name: spoken_numbers
  - name: spoken_symbols
detectors:
  - name: identifiers
  - name: deny_list
    terms: {john: PERSON, maria: PERSON, smith: PERSON, garcia: PERSON}
anonymizer:
  name: policy
  operators: {PHONE_NUMBER: numbered, EMAIL_ADDRESS: numbered, CREDIT_CARD: hash, PERSON: numbered}
  numbered_scope: group
batch_size: 64
"""
_CLI = "import sys; from redactkit.cli import main; sys.argv[0] = 'redactkit'; main()"


@dataclass
class Trial:
    number: int
    kind: str
    signals: list[str] = field(default_factory=list)
    exits: list[int] = field(default_factory=list)
    rows_in: int = 0
    rows_out: int = 0
    duplicates: int = 0
    stale: int = 0
    identical: bool = False
    partial_left: int = 0
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (
            self.rows_out == self.rows_in
            and self.duplicates == 0
            and self.stale == 0
            and self.identical
            and self.partial_left == 0
            and not self.notes
        )


def make_file(path: Path, rows: int, *, seed: int, prefix: str) -> None:
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    from redactkit.synth import sample_table

    table = sample_table(rows, seed=seed)
    ids = pc.binary_join_element_wise(pa.scalar(prefix), table.column("utterance_id"), "-")
    table = table.set_column(table.schema.get_field_index("utterance_id"), "utterance_id", ids)
    path.parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, path, row_group_size=500)


def make_dataset(root: Path, files: int, rows: int) -> None:
    for index in range(files):
        make_file(root / f"part={index}" / "data.parquet", rows, seed=100 + index, prefix=f"f{index}")


def command(source: Path, out: Path, config: Path, args: argparse.Namespace) -> list[str]:
    return [
        sys.executable, "-c", _CLI, "redact", str(source), str(out),
        "-t", "transcript", "-g", "session_id", "--id-column", "utterance_id",
        "-c", str(config), "-w", str(args.workers), "--batch-rows", str(args.batch_rows),
    ]  # fmt: skip


def run(cmd: list[str], env: dict[str, str], timeout: float = 1800) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)


def files_of(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.parquet"))


def check(trial: Trial, source: Path, out: Path, reference: Path) -> None:
    """Fill in the trial's counts by comparing ``out`` with the current input and the reference."""
    import pyarrow.parquet as pq

    inputs = files_of(source)
    trial.rows_in = sum(pq.ParquetFile(source / r).metadata.num_rows for r in inputs)
    outputs = files_of(out)
    if outputs != inputs:
        trial.notes.append(f"files: {len(outputs)} out for {len(inputs)} in")
    ids: Counter[str] = Counter()
    identical = outputs == inputs
    for relative in outputs:
        table = pq.read_table(out / relative)
        trial.rows_out += table.num_rows
        ids.update(table.column("utterance_id").to_pylist())
        current = {}
        if (source / relative).exists():
            original = pq.read_table(source / relative, columns=["utterance_id", "transcript"])
            current = dict(
                zip(
                    original.column("utterance_id").to_pylist(),
                    original.column("transcript").to_pylist(),
                    strict=True,
                )
            )
        # stale: a row whose id is not in the current input file, or whose original text differs
        for row_id, text in zip(
            table.column("utterance_id").to_pylist(), table.column("transcript").to_pylist(), strict=True
        ):
            if row_id not in current or current[row_id] != text:
                trial.stale += 1
        if not (reference / relative).exists() or not table.equals(pq.read_table(reference / relative)):
            identical = False
    trial.duplicates = sum(count - 1 for count in ids.values() if count > 1)
    trial.identical = identical
    trial.partial_left = len(list(out.rglob("*.partial")))


def kill_at_random(
    cmd: list[str], env: dict[str, str], rng: random.Random, span: float, lock: Path, trial: Trial
) -> bool:
    """Start the run, kill it at a random moment; False if it finished first."""
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    delay = rng.uniform(0.1, span)
    deadline = time.monotonic() + delay
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.01)
    if process.poll() is not None:
        process.communicate()
        trial.exits.append(process.returncode)
        if process.returncode != 0:
            trial.notes.append(f"a run ended by itself with exit {process.returncode}")
        return False
    signum = rng.choice([signal.SIGKILL, signal.SIGTERM])
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    trial.exits.append(process.returncode)
    if (
        signum == signal.SIGTERM
        and process.returncode == -signal.SIGTERM
        and not held_lock(lock, process.pid)
    ):
        # landed while no run was in flight: the interpreter was still importing (before
        # redactkit's handlers exist) or the run had finished and was printing its summary. The
        # default action is harmless then: it held no lock. A run killed by the default action in
        # the middle would have left its lock file, naming its pid, behind.
        trial.signals.append(f"SIGTERM@{delay:.1f}s (no run in flight)")
        return True
    trial.signals.append(f"{signum.name}@{delay:.1f}s")
    if signum == signal.SIGKILL and process.returncode != -signal.SIGKILL:
        trial.notes.append(f"SIGKILL gave exit {process.returncode}")
    if signum == signal.SIGTERM and process.returncode != 128 + signal.SIGTERM:
        trial.notes.append(f"SIGTERM gave exit {process.returncode}")
    if "Traceback" in stderr:
        trial.notes.append("a traceback was printed")
    return True


def held_lock(lock: Path, pid: int) -> bool:
    """Whether the lock file (left behind, as by a kill) names process ``pid`` as its holder."""
    try:
        words = lock.read_text().split()
    except OSError:
        return False
    return len(words) > 1 and words[0] == "pid" and words[1] == str(pid)


def report_status(out: Path) -> str | None:
    try:
        payload = json.loads((out / "_redactkit" / "report.json").read_text())
    except (OSError, ValueError):
        return None
    return payload.get("status") if isinstance(payload, dict) else None


def kill_after_first_file(
    cmd: list[str], env: dict[str, str], out: Path, rng: random.Random, trial: Trial
) -> None:
    process = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 1800
    while not (out / "part=0" / "data.parquet").exists() and time.monotonic() < deadline:
        if process.poll() is not None:
            break
        time.sleep(0.005)
    signum = rng.choice([signal.SIGKILL, signal.SIGTERM])
    if process.poll() is None:
        process.send_signal(signum)
        trial.signals.append(f"{signum.name} after part=0")
    process.communicate(timeout=120)
    trial.exits.append(process.returncode)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--trials", type=int, default=12)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--rows", type=int, default=3000, help="rows per file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-rows", type=int, default=200)
    parser.add_argument("--max-kills", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--config", default="cheap", help="cheap (model-free), default, or a YAML path")
    parser.add_argument("--keep", type=Path, help="keep the datasets and outputs in this folder")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    work = Path(tempfile.mkdtemp(prefix="redactkit-chaos-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "REDACTKIT_KEY": secrets.token_hex(32)}
    if args.config == "cheap":
        config = work / "cheap.yaml"
        config.write_text(CHEAP_CONFIG)
        config_name = "model-free (normalizers + identifiers + deny_list; group numbering, keyed hash)"
    elif args.config == "default":
        config = work / "default.yaml"
        config.write_text("{}\n")
        config_name = "shipped default pipeline (spaCy models)"
    else:
        config = Path(args.config)
        config_name = str(config)
    source = work / "input"
    make_dataset(source, args.files, args.rows)
    clock = time.monotonic()
    run([sys.executable, "-c", _CLI, "--version"], env)
    startup = time.monotonic() - clock  # interpreter + imports, before any handler can exist
    reference = work / "reference"
    started = time.monotonic()
    result = run(command(source, reference, config, args), env)
    span = time.monotonic() - started
    if result.returncode != 0:
        print(result.stderr, file=sys.stderr)
        return 1
    print(
        f"chaos: {args.trials} trials, {args.files} files x {args.rows:,} rows, --workers {args.workers}, "
        f"--batch-rows {args.batch_rows}, config: {config_name}; an uninterrupted run takes {span:.1f} s "
        f"(interpreter start-up {startup:.1f} s)"
    )
    kinds = ["replace", "concurrent"] + ["kill"] * max(0, args.trials - 2)
    trials: list[Trial] = []
    for number, kind in enumerate(kinds[: args.trials], 1):
        trial = Trial(number, kind)
        out = work / f"out-{number}"
        trial_source, trial_reference = source, reference
        if kind == "replace":
            trial_source = work / f"input-{number}"
            shutil.copytree(source, trial_source)
        cmd = command(trial_source, out, config, args)
        if kind == "concurrent":
            first = subprocess.Popen(
                cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            deadline = time.monotonic() + 300
            while (
                not list(out.rglob("*.parquet.*.partial"))
                and first.poll() is None
                and time.monotonic() < deadline
            ):
                time.sleep(0.01)
            second = run(cmd, env)
            trial.exits.append(second.returncode)
            if second.returncode != 2 or "locked by another redactkit run" not in second.stderr:
                trial.notes.append(f"second run: exit {second.returncode}")
            trial.signals.append("second run refused" if second.returncode == 2 else "second run NOT refused")
            first.communicate(timeout=1800)
            trial.exits.append(first.returncode)
            if first.returncode != 0:
                trial.notes.append(f"first run: exit {first.returncode}")
        else:
            if kind == "replace":
                # the case: kill after the first file is finished, then replace that file
                kill_after_first_file(cmd, env, out, rng, trial)
                make_file(trial_source / "part=0" / "data.parquet", args.rows + 37, seed=999, prefix="new")
                trial.signals.append("finished input part=0 replaced")
            finished = False
            for _ in range(rng.randint(1, args.max_kills)):
                if not kill_at_random(cmd, env, rng, span, out / "_redactkit" / "run.lock", trial):
                    finished = True  # it ran to the end before the kill: nothing left to resume
                    break
                if report_status(out) == "complete":  # killed while it printed its summary
                    finished = True
                    break
            final = run(cmd, env) if not finished else subprocess.CompletedProcess(cmd, 0, "", "")
            if not finished:
                trial.exits.append(final.returncode)
            if final.returncode != 0:
                trial.notes.append(f"resume: exit {final.returncode}: {final.stderr.strip()[:200]}")
            if kind == "replace":
                trial_reference = work / f"reference-{number}"
                if run(command(trial_source, trial_reference, config, args), env).returncode != 0:
                    trial.notes.append("reference of the replaced input failed")
        check(trial, trial_source, out, trial_reference)
        trials.append(trial)
        status = "ok" if trial.ok else "FAIL"
        print(
            f"trial {number:2d} {kind:10s} rows in {trial.rows_in:6,d}  rows out {trial.rows_out:6,d}  "
            f"duplicates {trial.duplicates}  stale rows {trial.stale}  "
            f"identical {str(trial.identical).lower():5s}  partial left {trial.partial_left}  {status}  "
            f"[{'; '.join(trial.signals) or 'finished before a kill'}; exits {trial.exits}]"
            + (f" {'; '.join(trial.notes)}" if trial.notes else "")
        )
    total_in = sum(t.rows_in for t in trials)
    total_out = sum(t.rows_out for t in trials)
    kills = sum(1 for t in trials for s in t.signals if s.startswith(("SIGKILL", "SIGTERM")))
    failed = [t.number for t in trials if not t.ok]
    identical = sum(t.identical for t in trials)
    print(
        f"total: {len(trials)} trials, {kills} kills (SIGKILL/SIGTERM), rows in {total_in:,}, "
        f"rows out {total_out:,}, lost {total_in - total_out:,}, "
        f"duplicates {sum(t.duplicates for t in trials)}, stale rows {sum(t.stale for t in trials)}, "
        f"identical to reference {identical}/{len(trials)} -> "
        + ("PASS" if not failed else f"FAIL (trials {failed})")
    )
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
