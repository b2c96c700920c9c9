"""Every example in README.md and docs/ runs (see tests/_docs_examples.py for the rules and markers)."""

from __future__ import annotations

import contextlib
import io
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import typer
import yaml
from _docs_examples import (
    DOC_FILES,
    ROOT,
    Block,
    _options_of,
    bash_env,
    blocks,
    build_sandbox,
    check_cli_usage,
    copy_sandbox,
    demo_output,
    expected_values,
    named_file,
    redactkit_argv,
    remove_previous_output,
    run_bash,
    shell_commands,
    without_optional_parts,
)
from typer.testing import CliRunner

from redactkit.anonymize import anonymizers
from redactkit.cli import app
from redactkit.config import PipelineConfig, load_config
from redactkit.detect import detectors
from redactkit.labels import labels
from redactkit.normalize import normalizers

pytestmark = pytest.mark.slow

SHELL = ("bash", "sh", "shell", "console")
FILES = [path for path in DOC_FILES if any(b.language in (*SHELL, "python", "yaml") for b in blocks(path))]


@pytest.fixture(scope="session")
def sandbox_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sandbox(tmp_path_factory.mktemp("docs-sandbox") / "template")


@pytest.fixture
def in_dir(monkeypatch: pytest.MonkeyPatch) -> Any:
    def enter(path: Path) -> None:
        monkeypatch.chdir(path)

    monkeypatch.setenv("REDACTKIT_KEY", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
    return enter


def test_every_redactkit_command_in_the_docs_exists() -> None:
    """Commands and options of every documented ``redactkit`` call exist (skipped blocks too)."""
    problems = []
    checked = 0
    for path in DOC_FILES:
        for block in blocks(path):
            if block.language not in SHELL:
                continue
            for command in shell_commands(block.code):
                argv = redactkit_argv(without_optional_parts(command))
                if argv is None:
                    continue
                checked += 1
                problem = check_cli_usage(app, argv)
                if problem:
                    problems.append(f"{block.where}: {command}\n    {problem}")
    assert checked > 40
    assert not problems, "\n".join(problems)


def test_every_config_yaml_in_the_docs_loads() -> None:
    keys = {*PipelineConfig.model_fields, "disable"}
    problems = []
    checked = 0
    for path in DOC_FILES:
        for block in blocks(path):
            if block.language != "yaml" or block.skip:
                continue
            try:
                data = yaml.safe_load(block.code)
            except yaml.YAMLError as exc:
                problems.append(f"{block.where}: not YAML ({exc})")
                continue
            if not isinstance(data, dict) or not data or not set(data) <= keys:
                continue  # a fragment (one component block, an audio config, ...), not a pipeline config
            text = path.read_text(encoding="utf-8")
            own = re.findall(r"register\(\s*[\"']([a-z_]+)[\"']", text)
            names = {b.get("name") for b in data.get("detectors") or [] if isinstance(b, dict)}
            if names & set(own):
                continue  # names a component the same page defines in Python: run by test_examples_run
            checked += 1
            try:
                load_config(data)
            except Exception as exc:
                problems.append(f"{block.where}: {type(exc).__name__}: {exc}")
    assert checked > 10
    assert not problems, "\n\n".join(problems)


@pytest.mark.parametrize("path", FILES, ids=[str(p.relative_to(ROOT)) for p in FILES])
def test_examples_run(path: Path, sandbox_template: Path, tmp_path: Path, in_dir: Any) -> None:
    """A file's blocks run in order in one sandbox, as a reader would run them."""
    namespace: dict[str, Any] = {"__name__": "__docs__"}
    sandbox = copy_sandbox(sandbox_template, tmp_path / "sandbox")
    if path.name == "quickstart.md":
        demo_output(sandbox / "out" / "demo")  # what `make demo` leaves there
    in_dir(sandbox)
    saved_path = list(sys.path)
    sys.path.insert(0, str(sandbox))  # `import employee_ids` finds the module a block wrote
    # the examples register labels and components process-wide, as a user's program would; each
    # file starts from the registries as they were, like a fresh program
    registries = [labels, detectors, normalizers, anonymizers]
    saved = [dict(getattr(r, "_labels", None) or getattr(r, "_classes", {})) for r in registries]
    failures = []
    try:
        for block in blocks(path):
            if block.skip:
                continue
            name = named_file(block.code, (".py", ".yaml", ".yml"))
            if name and block.language in ("python", "yaml"):
                (sandbox / name).write_text(block.code, encoding="utf-8")
                if block.language == "python":
                    continue  # a module to import, not a script
            if block.language == "python":
                problem = _run_python(block, namespace)
            elif block.language in SHELL:
                problem = _run_shell(block, sandbox)
            else:
                continue
            if problem:
                failures.append(f"{block.where}:\n{problem}")
    finally:
        for registry, before in zip(registries, saved, strict=True):
            table = getattr(registry, "_labels", None)
            table = table if table is not None else registry._classes
            table.clear()
            table.update(before)
        sys.path[:] = saved_path
        for module in [m for m, v in sys.modules.items() if str(sandbox) in str(getattr(v, "__file__", ""))]:
            del sys.modules[module]
    assert not failures, "\n\n".join(failures)


def _run_python(block: Block, namespace: dict[str, Any]) -> str | None:
    if "doctest: +SKIP" in block.code or block.code.lstrip().startswith(">>>"):
        return None
    stdout = io.StringIO()
    try:
        with contextlib.redirect_stdout(stdout):
            exec(compile(block.code, block.where, "exec"), namespace)
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    for _, expression, expected in expected_values(block.code):
        try:
            value = eval(expression, namespace)
        except Exception as exc:
            return f"{expression}: {type(exc).__name__}: {exc}"
        if value != expected:
            return f"{expression}\n    is   {value!r}\n    docs {expected!r}"
    return None


#: ``redactkit`` commands that finish in seconds on the sandbox's files run; the others (benchmarks,
#: the demo, the review server, audio, Ray) are checked against the CLI by
#: test_every_redactkit_command_in_the_docs_exists and run by their own tests.
RUN = {("config",), ("models", "path"), ("models", "list"), ("analyze",), ("redact",), ("synth",)}


def _runs(argv: list[str]) -> bool:
    words = [word for word in argv if not word.startswith("-")]
    if "--engine" in argv:
        return False  # Ray: a minute to start here, covered by test_ray
    return any(tuple(words[: len(prefix)]) == prefix for prefix in RUN)


def _run_shell(block: Block, sandbox: Path) -> str | None:
    runner = CliRunner()
    env = bash_env(sandbox)
    for command in shell_commands(block.code):
        command = without_optional_parts(command)
        argv = redactkit_argv(command)
        if argv is not None and not _runs(argv):
            continue
        if argv is not None:
            if argv[:1] == ["redact"]:
                command_object: Any = typer.main.get_command(app).commands["redact"]  # type: ignore[attr-defined]
                remove_previous_output(argv, _options_of(command_object), sandbox)
            result = runner.invoke(app, argv, env={"COLUMNS": "120"})
            if result.exit_code != 0:
                detail = result.output[-1500:] if result.exception is None else repr(result.exception)
                return f"$ {command}\n  exit {result.exit_code}\n{detail}"
            continue
        if re.match(r"(make|pip|python|\.venv/bin/python)\b", command) or "benchmarks/" in command:
            continue  # set-up and benchmark runs: minutes each, run by CI's own steps
        if "redactkit" in command and not re.search(r"redactkit (analyze|config|models path)", command):
            continue
        completed = run_bash(command, sandbox, env)
        if completed.returncode != 0:
            return f"$ {command}\n  exit {completed.returncode}\n{completed.stderr[-1500:]}"
    return None


def test_docs_examples_runner_finds_the_blocks() -> None:
    everything = [block for path in DOC_FILES for block in blocks(path)]
    assert sum(block.language == "python" for block in everything) > 30
    assert sum(block.language in SHELL for block in everything) > 30
    skipped = [block for block in everything if block.skip]
    assert len(skipped) <= len(everything) // 4, [b.where for b in skipped]
