"""Write the training data of a set of weights with the data step that wrote it the first time.

The data step (:mod:`redactkit.train.data`) renders the corpora and the generated utterances through
the generator, the normalizers and the locale data of the commit it runs at. All three keep changing
for good reasons: a URL reading added after the shipped weights were built ("www dot x" -> "www.x")
changes 15 of 20,000 generated docs, and a new locale word list changes others. Freezing each of them
inside the live code (as :mod:`redactkit.train.silver` does for the ``ner`` guard) would mean a
second, frozen copy of every normalizer and word list. So the weights record *which data step* wrote
their inputs instead, ``data.data_step`` in ``meta.json``: the commit and the exact commands. This
module runs that commit's data step, with that commit's own generator, normalizers and locale data
(extracted from the repository's history with ``git archive`` into scratch space outside the
repository), then checks every DocBin it wrote against the SHA-256 the weights record
(``data.inputs``), naming each file that differs::

    python -m redactkit.train.pinned --weights redactkit/models/ner-asr-en \\
        --data ../shared/data/train --out /tmp/redactkit-train-data

``make model-data`` runs exactly this; ``make model-verify`` then trains with today's
:mod:`redactkit.train.build` and ``--verify`` compares the weights byte for byte. Changes to the
normalizers, detectors, generator or locale data after that commit leave both steps alone; a change
to the training code itself, or to the pinned libraries, is what ``model-verify`` then reports.

Needs a clone with history (``git fetch --unshallow`` in a shallow one) and the training corpora.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["DataStep", "check_outputs", "data_step", "extract", "main", "run_data_step", "run_in_tree"]

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class DataStep:
    """The data step that wrote a set of weights' inputs: a commit and the argument lists of
    ``python -m redactkit.train.data`` (``{data}`` and ``{out}`` stand for the corpus folder and the
    output folder)."""

    commit: str
    commands: tuple[tuple[str, ...], ...]

    def argv(self, data: Path, out: Path) -> list[list[str]]:
        """The commands with the placeholders filled in."""
        values = {"{data}": str(data), "{out}": str(out)}
        return [[values.get(arg, arg) for arg in command] for command in self.commands]


def data_step(meta: Mapping[str, Any]) -> DataStep:
    """The recorded data step of a weights ``meta.json``; an error naming what is missing."""
    step = meta.get("data", {}).get("data_step")
    if not step or not step.get("commit") or not step.get("commands"):
        raise ValueError(
            "these weights record no data step (meta.json data.data_step: commit and commands): "
            "they predate it, or were trained on data written at a commit with uncommitted changes"
        )
    if not step.get("clean", True):
        raise ValueError(
            f"the data step of these weights ran at commit {step['commit'][:12]} with uncommitted "
            "changes: that commit's code does not write their inputs"
        )
    return DataStep(str(step["commit"]), tuple(tuple(str(a) for a in c) for c in step["commands"]))


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=False)


def extract(commit: str, dest: Path, repo: Path = REPO_ROOT) -> Path:
    """``redactkit/`` of ``commit`` under ``dest/<commit>`` (reused when already there); the folder
    to run it from."""
    tree = dest / commit
    if (tree / "redactkit" / "__init__.py").exists():
        return tree
    if _git(repo, "rev-parse", "--git-dir").returncode != 0:
        raise ValueError(f"{repo} is not a git clone: the data step of {commit[:12]} needs its history")
    if _git(repo, "cat-file", "-e", f"{commit}^{{commit}}").returncode != 0:
        shallow = _git(repo, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
        hint = "this clone is shallow: run `git fetch --unshallow`" if shallow else "fetch it from main"
        raise ValueError(f"commit {commit[:12]} (the weights' data step) is not in {repo}: {hint}")
    archive = _git(repo, "archive", "--format=tar", commit, "redactkit")
    if archive.returncode != 0:
        raise ValueError(f"git archive {commit[:12]} failed: {archive.stderr.decode(errors='replace')}")
    partial = dest / f"{commit}.partial"
    partial.mkdir(parents=True, exist_ok=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(partial, filter="data")
    partial.rename(tree)
    return tree


def run_in_tree(tree: Path, args: Sequence[str]) -> subprocess.CompletedProcess[str]:
    """``python args...`` with ``tree``'s redactkit first on the path (never the installed one), on
    one thread as the data step always ran."""
    env = {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1"}
    probe = subprocess.run(
        [sys.executable, "-c", "import redactkit; print(redactkit.__file__)"],
        cwd=tree,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or not Path(probe.stdout.strip()).is_relative_to(tree):
        found = probe.stdout.strip() or probe.stderr[-500:]
        raise ValueError(f"cannot import the redactkit of {tree}: {found}")
    return subprocess.run([sys.executable, *args], cwd=tree, env=env, text=True, check=False)


def run_data_step(step: DataStep, data: Path, out: Path, scratch: Path, repo: Path = REPO_ROOT) -> None:
    """Run ``step``'s commands at its commit (of ``repo``'s history), writing into ``out``."""
    tree = extract(step.commit, scratch, repo)
    for argv in step.argv(data.resolve(), out.resolve()):
        shown = " ".join(argv)
        print(f"data step of {step.commit[:12]}: python -m redactkit.train.data {shown}", file=sys.stderr)
        done = run_in_tree(tree, ["-m", "redactkit.train.data", *argv])
        if done.returncode != 0:
            raise ValueError(f"the data step of commit {step.commit[:12]} exited with {done.returncode}")


def check_outputs(out: Path, inputs: Mapping[str, str], commit: str = "") -> list[str]:
    """One line per recorded input that ``out`` lacks or whose SHA-256 differs."""
    problems: list[str] = []
    by = f" (written by the data step of {commit[:12]})" if commit else ""
    for name, recorded in inputs.items():
        path = out / name
        if not path.exists():
            problems.append(f"{name}: not written{by}")
            continue
        got = hashlib.sha256(path.read_bytes()).hexdigest()
        if got != recorded:
            problems.append(f"{name}: SHA-256 {got[:12]}... differs from the recorded {recorded[:12]}...{by}")
    return problems


def _written_by(out: Path, commit: str) -> str:
    """Which data step wrote ``out`` (its manifests' ``data_step``), next to the one the weights want."""
    found: set[str] = set()
    for name in ("manifest.json", "synth_manifest.json"):
        path = out / name
        if path.exists():
            step = json.loads(path.read_text(encoding="utf-8")).get("data_step") or {}
            found.add(str(step.get("commit") or "a commit it does not record")[:12])
    wrote = (
        f"{out} was written by the data step of {', '.join(sorted(found))}"
        if found
        else f"{out} has no manifest"
    )
    return f"{wrote}; these weights need the data step of {commit[:12]}: run `make model-data`"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m redactkit.train.pinned",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--weights", type=Path, default=REPO_ROOT / "redactkit" / "models" / "ner-asr-en")
    parser.add_argument("--data", type=Path, default=REPO_ROOT.parent / "shared" / "data" / "train")
    parser.add_argument("--out", type=Path, required=True, help="output directory (keep it outside the repo)")
    parser.add_argument(
        "--scratch", type=Path, default=None, help="where the commit's code goes (default OUT/.data-step)"
    )
    parser.add_argument(
        "--check-only", action="store_true", help="only compare OUT's DocBins with the weights' inputs"
    )
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help="the git clone holding the commit")
    args = parser.parse_args(argv)
    meta = json.loads((args.weights / "meta.json").read_text(encoding="utf-8"))
    try:
        step = data_step(meta)
        if not args.check_only:
            run_data_step(step, args.data, args.out, args.scratch or args.out / ".data-step", args.repo)
    except ValueError as error:
        sys.exit(f"error: {error}")
    problems = check_outputs(args.out, meta["data"]["inputs"], "" if args.check_only else step.commit)
    if problems:
        if args.check_only:
            problems.append(_written_by(args.out, step.commit))
        print(f"the data of {args.weights} is NOT reproduced:", *problems, sep="\n  ", file=sys.stderr)
        sys.exit(1)
    names = ", ".join(meta["data"]["inputs"])
    print(f"data reproduced: {names} have the SHA-256 {args.weights}/meta.json records", file=sys.stderr)


if __name__ == "__main__":
    main()
