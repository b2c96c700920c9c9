"""Find and run the examples of README.md and docs/: Python blocks, shell blocks, config YAML.

* A fenced ``python`` block runs in one namespace per file (blocks build on each other, as a reader
  goes), in a sandbox folder holding the files examples name (``calls.parquet``, ``calls/``,
  ``policy.yaml``, ``labeled.jsonl``, ...). An expression line followed by a comment holding a Python
  literal (``result.text  # 'call [PERSON]'``, or the comment on the next line) must evaluate to it.
* A fenced ``bash`` block runs command by command in a fresh sandbox: ``redactkit ...`` commands run
  in this process (``typer``'s test runner, so the models load once), any other line with bash.
  Every ``redactkit`` command is first checked against the CLI (commands and options exist), even
  in a skipped block. ``[--option value]`` is a documented optional part: it is left out.
* A fenced ``yaml`` block that is a pipeline configuration (only top-level config keys) must load.
* ``<!-- skip: reason -->`` on the line before a block skips running it (a long run, a server, an
  install); the reason is shown in the test report. Keep such skips rare.
"""

from __future__ import annotations

import ast
import os
import re
import shlex
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOC_FILES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```([A-Za-z]*)[^\n]*\n(.*?)^```[ \t]*$", re.S | re.M)
SKIP = re.compile(r"<!--\s*skip:\s*(.+?)\s*-->\s*$")


@dataclass(frozen=True)
class Block:
    path: Path
    line: int
    language: str
    code: str
    skip: str | None

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(ROOT)}:{self.line}"


def blocks(path: Path) -> list[Block]:
    text = path.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        skip = SKIP.search(before)
        found.append(
            Block(path, line, match.group(1).lower(), match.group(2), skip.group(1) if skip else None)
        )
    return found


# -- shell ----------------------------------------------------------------------------------------------


def shell_commands(code: str) -> Iterator[str]:
    """Logical command lines: continuations joined, comments and blank lines dropped."""
    pending = ""
    for raw in code.splitlines():
        line = raw.rstrip()
        if pending:
            line = pending + " " + line.lstrip()
            pending = ""
        if line.endswith("\\"):
            pending = line[:-1]
            continue
        stripped = _strip_comment(line).strip()
        if stripped:
            yield stripped
    if pending.strip():
        yield pending.strip()


def _strip_comment(line: str) -> str:
    """Drop a trailing ``# comment`` outside quotes."""
    quote = ""
    for index, char in enumerate(line):
        if quote:
            if char == quote:
                quote = ""
        elif char in "'\"":
            quote = char
        elif char == "#" and (index == 0 or line[index - 1].isspace()):
            return line[:index]
    return line


def without_optional_parts(command: str) -> str:
    """``redactkit redact a b [--config policy.yaml]`` -> the command without the bracketed part."""
    return re.sub(r"\s\[(--?[A-Za-z][^\[\]]*)\]", "", command)


def redactkit_argv(command: str) -> list[str] | None:
    """The arguments of a plain ``redactkit ...`` command (no pipes or redirections), else None."""
    if re.search(r"[|<>;&`$]", command.replace("$(redactkit models path)", "")):
        return None
    words = shlex.split(command)
    if not words or Path(words[0]).name != "redactkit":
        return None
    return words[1:]


def check_cli_usage(app: Any, argv: list[str]) -> str | None:
    """None if ``argv`` names an existing command with existing options; else what is wrong."""
    import typer

    command: Any = typer.main.get_command(app)
    args = list(argv)
    path = ["redactkit"]
    while True:
        options = _options_of(command)
        while args and args[0].startswith("-") and args[0] not in ("-", "--"):
            word = args.pop(0)
            name = word.split("=", 1)[0]
            if name not in options:
                return f"{' '.join(path)}: no option {name}"
            if options[name] and "=" not in word and args:
                args.pop(0)
        commands = getattr(command, "commands", None)
        if not commands:
            break
        if not args:
            return None
        name = args.pop(0)
        if name not in commands:
            # a group may route unknown words to a default command (``review INPUT ...`` = ``review
            # build INPUT ...``): ask its help which command it resolves to
            resolved = _resolved_by_help(app, path[1:], name, commands)
            if resolved is None:
                return f"{' '.join(path)}: no command {name!r}"
            args.insert(0, name)
            name = resolved
        command = commands[name]
        path.append(name)
    for index, word in enumerate(args):
        if word == "--":
            break
        if word.startswith("-") and word != "-" and not _is_number(word):
            name = word.split("=", 1)[0]
            if name not in _options_of(command):
                return f"{' '.join(path)}: no option {name}"
        del index
    return None


def _resolved_by_help(app: Any, prefix: list[str], word: str, commands: dict[str, Any]) -> str | None:
    from typer.testing import CliRunner

    result = CliRunner().invoke(app, [*prefix, word, "--help"])
    usage = re.search(r"Usage: \S+ ((?:\S+ )*?)\[OPTIONS\]", result.output)
    if result.exit_code != 0 or usage is None:
        return None
    words = usage.group(1).split()
    return words[-1] if words and words[-1] in commands else None


def _is_number(word: str) -> bool:
    try:
        float(word)
    except ValueError:
        return False
    return True


def _options_of(command: Any) -> dict[str, bool]:
    """Option name -> whether it takes a value."""
    names: dict[str, bool] = {"-h": False, "--help": False}
    for param in getattr(command, "params", []):
        if getattr(param, "param_type_name", "") != "option":
            continue
        takes_value = not (getattr(param, "is_flag", False) or getattr(param, "count", False))
        for name in [*param.opts, *param.secondary_opts]:
            names[name] = takes_value
    return names


# -- the sandbox ------------------------------------------------------------------------------------------


def build_sandbox(target: Path) -> Path:
    """The files the examples name, made from the project's own generator (no real data)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    from redactkit.synth import generate, sample_table, write_jsonl

    target.mkdir(parents=True, exist_ok=True)
    table = sample_table(24)
    transcripts = table.column("transcript").to_pylist()
    words = pa.array(
        [
            None
            if text is None
            else [{"word": w, "start": float(i), "end": i + 0.5} for i, w in enumerate(text.split())]
            for text in transcripts
        ],
        type=pa.list_(pa.struct([("word", pa.string()), ("start", pa.float64()), ("end", pa.float64())])),
    )
    table = (
        table.append_column("call_id", table.column("session_id"))
        .append_column("agent_text", table.column("transcript"))
        .append_column("caller_text", table.column("transcript"))
        .append_column("words", words)
        .append_column("turn_index", table.column("turn"))
        .append_column("speaker", pa.array(["agent" if i % 2 else "caller" for i in range(table.num_rows)]))
    )
    word = pa.struct([("word", pa.string()), ("start", pa.float64()), ("end", pa.float64())])
    segment = pa.struct(
        [("start", pa.float64()), ("end", pa.float64()), ("text", pa.string()), ("words", pa.list_(word))]
    )
    segments = pa.array(
        [
            None if text is None else [{"start": 0.0, "end": 9.0, "text": text, "words": None}]
            for text in transcripts
        ],
        type=pa.list_(segment),
    )
    table = table.append_column("segments", segments)
    pq.write_table(table, target / "calls.parquet")
    for day, part in (("2024-01-01", table.slice(0, 12)), ("2024-01-02", table.slice(12))):
        folder = target / "calls" / f"date={day}"
        folder.mkdir(parents=True, exist_ok=True)
        pq.write_table(part.drop_columns([]), folder / "part-0.parquet")
    (target / "policy.yaml").write_text(
        "# an example policy: numbered names, masked phone numbers\n"
        "anonymizer:\n  operators: {PERSON: numbered, PHONE_NUMBER: mask}\n",
        encoding="utf-8",
    )
    write_jsonl(generate(12, seed=3, split="heldout"), target / "labeled.jsonl")
    for name in ("my_sample.jsonl", "heldout.jsonl", "sample.jsonl"):
        shutil.copy(target / "labeled.jsonl", target / name)
    (target / "transcripts.txt").write_text(
        "call john smith on five five five one two three four\nnothing to see here\n", encoding="utf-8"
    )
    return target


def demo_output(folder: Path) -> None:
    """What ``make demo`` leaves in out/demo (the quickstart reads it), on a small sample."""
    import pyarrow.parquet as pq

    from redactkit.io import redact_table
    from redactkit.synth import sample_table

    folder.mkdir(parents=True, exist_ok=True)
    sample = sample_table(40)
    pq.write_table(sample, folder / "sample_transcripts.parquet")
    pq.write_table(redact_table(sample, "transcript"), folder / "sample_transcripts.redacted.parquet")


def copy_sandbox(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def named_file(block_code: str, suffixes: tuple[str, ...]) -> str | None:
    """``# employee_ids.py`` / ``# policy.yaml`` on a block's first line: the file the block is."""
    first = block_code.lstrip().split("\n", 1)[0].strip()
    match = re.fullmatch(r"#\s*([\w\-./]+)", first)
    if match and match.group(1).endswith(suffixes) and "/" not in match.group(1):
        return match.group(1)
    return None


def remove_previous_output(argv: list[str], options: dict[str, bool], cwd: Path) -> None:
    """Docs list alternative ``redact`` commands one after another; each is meant to run on its own,
    so the output an earlier one wrote is removed before the next writes the same path."""
    positionals: list[str] = []
    words = list(argv[1:])
    while words:
        word = words.pop(0)
        if word == "--":
            break
        if word.startswith("-") and word != "-":
            if options.get(word.split("=", 1)[0]) and "=" not in word and words:
                words.pop(0)
            continue
        positionals.append(word)
    if len(positionals) >= 2:
        output = cwd / positionals[1]
        for path in (output, output.with_name(output.name + ".report.json")):
            if path.is_dir():
                shutil.rmtree(path)
            elif path.exists():
                path.unlink()


# -- python -----------------------------------------------------------------------------------------------


def expected_values(code: str) -> list[tuple[int, str, Any]]:
    """(line, expression, expected literal) pairs: ``expr  # literal`` or ``expr`` + ``# literal``,
    for top-level one-line statements only."""
    pairs = []
    lines = code.splitlines()
    depth = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        opened = depth
        depth += sum(_strip_comment(line).count(c) for c in "([{") - sum(
            _strip_comment(line).count(c) for c in ")]}"
        )
        if not stripped or stripped.startswith("#") or opened or line[:1].isspace() or depth:
            continue
        expression, _, comment = _split_trailing_comment(line)
        if not comment and index + 1 < len(lines) and lines[index + 1].lstrip().startswith("# "):
            comment = lines[index + 1].lstrip()[2:]
        if not comment or "..." in comment:
            continue
        printed = re.fullmatch(r"print\(([A-Za-z_]\w*)\)", expression.strip())
        if printed:  # print(x) followed by what it prints
            pairs.append((index, f"str({printed.group(1)})", comment.strip()))
            continue
        try:
            ast.parse(expression.strip(), mode="eval")
            expected = ast.literal_eval(comment.strip())
        except (SyntaxError, ValueError):
            continue
        pairs.append((index, expression.strip(), expected))
    return pairs


def _split_trailing_comment(line: str) -> tuple[str, str, str]:
    stripped = _strip_comment(line)
    if stripped == line:
        return line, "", ""
    return stripped, "#", line[len(stripped) :].lstrip("#").strip()


def run_bash(
    command: str, cwd: Path, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-c", f"set -euo pipefail\n{command}"],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def bash_env(sandbox: Path) -> dict[str, str]:
    venv_bin = Path(os.sys.executable).parent  # type: ignore[attr-defined]
    env = dict(os.environ)
    env["PATH"] = f"{venv_bin}{os.pathsep}{env.get('PATH', '')}"
    env.setdefault("REDACTKIT_KEY", "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")
    return env
