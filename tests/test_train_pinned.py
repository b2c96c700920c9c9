"""`make model-data` reruns the data step the shipped weights record (commit and commands), from that
commit's code: later changes to normalizers, detectors, the generator or locale data leave the training
data alone, and a DocBin that still differs is named."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from redactkit.detect.spacy_models import BUILTIN_NER_WEIGHTS
from redactkit.train.build import _data_step
from redactkit.train.data import step_command
from redactkit.train.pinned import REPO_ROOT, DataStep, check_outputs, data_step, extract, main, run_in_tree

SHARED_TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "train"


def _meta() -> dict[str, Any]:
    meta: dict[str, Any] = json.loads((Path(BUILTIN_NER_WEIGHTS) / "meta.json").read_text(encoding="utf-8"))
    return meta


def _git(repo: Path, *args: str) -> str:
    done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip() if done.returncode == 0 else ""


def _history() -> bool:
    """A clone whose history the recorded commit can come from (not a shallow clone)."""
    return _git(REPO_ROOT, "rev-parse", "--is-shallow-repository") == "false"


# -- what the shipped weights record ----------------------------------------------------------------
def test_the_shipped_weights_record_the_data_step_of_their_inputs() -> None:
    step = data_step(_meta())
    assert re.fullmatch(r"[0-9a-f]{40}", step.commit)
    argv = step.argv(Path("/corpora"), Path("/out"))
    assert argv[0][:2] == ["--out", "/out"] and "--synth-only" in argv[0]
    assert argv[1][:4] == ["--data", "/corpora", "--out", "/out"]
    assert "{" not in " ".join(" ".join(a) for a in argv)  # every placeholder filled
    if _history():
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "merge-base", "--is-ancestor", step.commit, "HEAD"]
        )
        assert done.returncode == 0, f"{step.commit[:12]} is not in main's history"


@pytest.mark.slow
@pytest.mark.skipif(not _history(), reason="not a git clone with history (shallow or an unpacked sdist)")
def test_the_recorded_data_step_still_writes_the_shipped_weights_data_sample(tmp_path: Path) -> None:
    """The data step of the recorded commit, run from that commit's code with today's libraries, makes
    of its fixed sample what the weights' meta.json records (``data.fingerprint``): the generated
    utterances always, the corpora when ../shared/data/train is here. Fails when the commit or the
    pinned libraries no longer write the weights' data."""
    meta = _meta()
    step = data_step(meta)
    tree = extract(step.commit, tmp_path)
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from redactkit.train import data\n"
        "found = {'synth': data.fingerprint_synth(int(sys.argv[1]))}\n"
        "if Path(sys.argv[2]).exists():\n"
        "    found['corpora'] = data.fingerprint_corpora(Path(sys.argv[2]), int(sys.argv[1]), sys.argv[3])\n"
        "print(json.dumps(found))\n"
    )
    recorded = meta["data"]["fingerprint"]
    args = [str(recorded["rows"]), str(SHARED_TRAIN), meta["data"]["silver_persons"]["version"]]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=tree, env=_tree_env(tree), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found["synth"] == recorded["synth"]
    if SHARED_TRAIN.exists():
        assert found["corpora"] == recorded["corpora"]


def _tree_env(tree: Path) -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(tree), "OMP_NUM_THREADS": "1"}


# -- the mechanism, on a repository of its own --------------------------------------------------------
_DATA_STEP = """\
import sys
from pathlib import Path
args = sys.argv[1:]
out = Path(args[args.index("--out") + 1])
out.mkdir(parents=True, exist_ok=True)
(out / "train.spacy").write_text("{reading}:" + " ".join(args[args.index("--out") + 2 :]))
"""


def _commit(repo: Path, reading: str) -> str:
    data = repo / "redactkit" / "train" / "data.py"
    data.parent.mkdir(parents=True, exist_ok=True)
    for package in (repo / "redactkit", data.parent):
        (package / "__init__.py").write_text("")
    data.write_text(_DATA_STEP.replace("{reading}", reading))
    subprocess.run(["git", "-C", str(repo), "add", "-A"], check=True)
    subprocess.run(
        [
            "git",
            "-C",
            str(repo),
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "commit",
            "-qm",
            reading,
        ],
        check=True,
    )
    return _git(repo, "rev-parse", "HEAD")


def _weights(folder: Path, commit: str, inputs: dict[str, str]) -> Path:
    folder.mkdir(parents=True)
    step = {"commit": commit, "clean": True, "commands": [["--out", "{out}", "--seed", "0"]]}
    meta = {"data": {"inputs": inputs, "data_step": step}}
    (folder / "meta.json").write_text(json.dumps(meta))
    return folder


def test_the_recorded_commit_writes_the_data_after_the_code_changed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    first = _commit(repo, "old reading")
    _commit(repo, "new reading")  # a later normalizer change: today's data step writes other bytes
    expected = hashlib.sha256(b"old reading:--seed 0").hexdigest()
    weights = _weights(tmp_path / "weights", first, {"train.spacy": expected})
    out = tmp_path / "data"
    main(["--weights", str(weights), "--out", str(out), "--repo", str(repo), "--data", str(tmp_path)])
    assert (out / "train.spacy").read_text() == "old reading:--seed 0"
    assert (out / ".data-step" / first / "redactkit" / "train" / "data.py").exists()

    # a DocBin that differs from the record is named, before any training
    (out / "train.spacy").write_text("new reading:--seed 0")
    (out / "manifest.json").write_text(json.dumps({"data_step": {"commit": "f" * 40, "clean": True}}))
    with pytest.raises(SystemExit) as exit_info:
        main(["--weights", str(weights), "--out", str(out), "--check-only"])
    assert exit_info.value.code == 1
    message = capsys.readouterr().err
    assert f"train.spacy: SHA-256 {hashlib.sha256(b'new reading:--seed 0').hexdigest()[:12]}" in message
    assert (
        f"written by the data step of ffffffffffff; these weights need the data step of {first[:12]}"
        in message
    )
    assert check_outputs(out, {"train.spacy": expected, "dev.spacy": expected}, first) == [
        f"train.spacy: SHA-256 {hashlib.sha256(b'new reading:--seed 0').hexdigest()[:12]}... differs from "
        f"the recorded {expected[:12]}... (written by the data step of {first[:12]})",
        f"dev.spacy: not written (written by the data step of {first[:12]})",
    ]


def test_a_commit_the_clone_lacks_is_named(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    _commit(repo, "x")
    with pytest.raises(ValueError, match=r"commit 0123456789ab \(the weights' data step\) is not in"):
        extract("0123456789ab" * 3 + "0123", tmp_path / "scratch", repo)
    with pytest.raises(ValueError, match="is not a git clone"):
        extract("0" * 40, tmp_path / "scratch", tmp_path / "scratch-not-a-repo")


def test_the_tree_runs_its_own_redactkit_not_the_installed_one(tmp_path: Path) -> None:
    (tmp_path / "redactkit").mkdir()
    (tmp_path / "redactkit" / "__init__.py").write_text("MARK = 'the old tree'\n")
    done = run_in_tree(tmp_path, ["-c", "import redactkit; print(redactkit.MARK)"])
    assert done.returncode == 0
    (tmp_path / "empty").mkdir()  # no redactkit of its own: the installed one must not stand in
    with pytest.raises(ValueError, match="cannot import the redactkit of"):
        run_in_tree(tmp_path / "empty", ["-c", "pass"])


def test_weights_without_a_usable_data_step_are_refused() -> None:
    with pytest.raises(ValueError, match="record no data step"):
        data_step({"data": {"inputs": {}}})
    with pytest.raises(ValueError, match="uncommitted changes"):
        data_step(
            {"data": {"data_step": {"commit": "a" * 40, "clean": False, "commands": [["--out", "{out}"]]}}}
        )
    step = DataStep("a" * 40, (("--data", "{data}", "--out", "{out}"),))
    assert step.argv(Path("c"), Path("o")) == [["--data", "c", "--out", "o"]]


def test_the_data_step_records_its_command_with_placeholders_and_build_joins_them() -> None:
    assert step_command(["--data", "../corpora", "--out", "/tmp/x", "--seed", "0"]) == [
        "--data",
        "{data}",
        "--out",
        "{out}",
        "--seed",
        "0",
    ]
    assert step_command(["--out=/tmp/x", "--synth-only"]) == ["--out={out}", "--synth-only"]
    synth = {"data_step": {"commit": "c1", "clean": True, "command": ["--out", "{out}", "--synth-only"]}}
    corpora = {
        "data_step": {"commit": "c1", "clean": True, "command": ["--data", "{data}", "--out", "{out}"]}
    }
    # the generated files' manifest is read once per generated input: one command each
    assert _data_step([synth, synth, corpora]) == {
        "commit": "c1",
        "clean": True,
        "commands": [["--out", "{out}", "--synth-only"], ["--data", "{data}", "--out", "{out}"]],
    }
    other = {"data_step": {"commit": "c2", "clean": True, "command": ["--data", "{data}", "--out", "{out}"]}}
    mixed = _data_step([synth, other])
    assert mixed is not None and mixed["commit"] is None and not mixed["clean"]
    assert mixed["commits"] == ["c1", "c2"]
    dirty = _data_step([{"data_step": {**synth["data_step"], "clean": False}}])
    assert dirty is not None and not dirty["clean"]
    unrecorded = _data_step([{"generator_version": "5"}])  # a manifest older than data_step
    assert unrecorded is not None and not unrecorded["clean"]
    assert _data_step([]) is None
