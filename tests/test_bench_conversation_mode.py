"""``redactkit bench --conversation``: rows grouped into conversations by their ids and redacted as a whole.

The calls are the invented ones of :mod:`redactkit.bench.conversations` (values introduced once with a
cue, then repeated without one).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.bench.baseline import PipelineSystem
from redactkit.bench.conversations import generate_conversations
from redactkit.bench.formats import LabeledExample
from redactkit.bench.runner import conversation_keys
from redactkit.cli import app
from redactkit.config import load_config

runner = CliRunner()


@cache
def _pipeline() -> Pipeline:
    return Pipeline.from_config(load_config(None))


@pytest.mark.parametrize(
    ("row_id", "key"),
    [
        ("call-0007-12", "call-0007"),
        ("call-0007-3-agent", "call-0007"),
        ("multiwoz-val-MUL0001-04-usr", "multiwoz-val-MUL0001"),
        ("shop-3f2a-77b1-0", "shop-3f2a-77b1"),
        ("utterance", "\x00utterance"),  # no turn number: a conversation of its own
    ],
)
def test_default_conversation_of_a_row_id(row_id: str, key: str) -> None:
    assert conversation_keys([LabeledExample(row_id, "")]) == [key]


def test_a_pattern_names_the_conversation_by_its_first_group() -> None:
    rows = [LabeledExample(i, "") for i in ("a:1:x", "a:2:y", "b:1:x")]
    assert conversation_keys(rows, r"^(\w+):") == ["a", "a", "b"]
    assert conversation_keys(rows, r"\w+:\d") == ["a:1", "a:2", "b:1"]  # no group: the whole match


def _turns() -> list[tuple[str, str]]:
    """(row id, text) of a few invented calls, their turns interleaved the way a shuffled file holds them."""
    calls = generate_conversations(6, seed=5)
    rows = [(f"{call.id}-{k}", turn.text) for call in calls for k, turn in enumerate(call.turns)]
    return rows[::2] + rows[1::2]  # every call's turns stay in order, calls interleave


def test_each_conversation_is_redacted_as_a_whole_whatever_the_row_order() -> None:
    rows = _turns()
    texts = [text for _, text in rows]
    keys = conversation_keys([LabeledExample(row_id, text) for row_id, text in rows])
    got = PipelineSystem(_pipeline()).redact_conversations(texts, keys)
    for key in dict.fromkeys(keys):
        indexes = [i for i, k in enumerate(keys) if k == key]
        expected = _pipeline().redact_conversation([texts[i] for i in indexes])
        assert [got[i][0] for i in indexes] == [turn.text for turn in expected]


def _labeled_file(tmp_path: Path) -> Path:
    path = tmp_path / "calls.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for call in generate_conversations(40, seed=7):
            for k, turn in enumerate(call.turns):
                spans = [{"start": s.start, "end": s.end, "label": s.label} for s in turn.spans]
                out.write(json.dumps({"id": f"{call.id}-{k}", "text": turn.text, "spans": spans}) + "\n")
    return path


def _recall(path: Path, *extra: str) -> tuple[str, float]:
    out = path.with_suffix(".out.json")
    args = ["bench", str(path), "--baseline", "none", "--bootstrap", "0", "--json", str(out), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    dataset = json.loads(out.read_text(encoding="utf-8"))["datasets"][0]
    scores = dataset["systems"]["redactkit"]
    return dataset["name"], scores["overall"]["full_coverage_recall"]["value"]


def test_conversation_mode_finds_the_repeats_rows_alone_miss(tmp_path: Path) -> None:
    path = _labeled_file(tmp_path)
    name, by_row = _recall(path)
    conversation_name, by_conversation = _recall(path, "--conversation")
    assert name == "calls.jsonl" and conversation_name == "calls.jsonl (conversations)"
    assert by_conversation > by_row


@pytest.mark.parametrize(
    ("args", "key"),
    [
        (["--conversation-id", "^(x)"], "--conversation-id"),  # only in conversation mode
        (["--conversation", "--conversation-id", "(unclosed"], "--conversation-id"),
        (["--conversation", "--asr-noise", "0.1"], "--conversation"),
    ],
)
def test_conversation_option_errors(tmp_path: Path, args: list[str], key: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text('{"id": "c-1", "text": "hello", "spans": []}\n', encoding="utf-8")
    result = runner.invoke(app, ["bench", str(path), "--baseline", "none", *args])
    assert result.exit_code != 0
    assert key in result.output
