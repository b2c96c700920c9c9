"""The hand-written spoken evaluation sets (benchmarks/data): each shipped JSONL is the build of its
markup source, spans are on word boundaries, the two halves of version 1's family split both hold
every label and negatives, and version 2 is held out as a whole."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
LABELS = {"AGE", "URL", "EMAIL_ADDRESS", "ORGANIZATION", "DATE_OF_BIRTH"}


def _builder() -> ModuleType:
    name = "build_handwritten"
    spec = importlib.util.spec_from_file_location(name, BENCHMARKS / "build_handwritten.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _rows(version: int) -> list[dict[str, object]]:
    path = BENCHMARKS / "data" / f"handwritten_spoken_v{version}.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    return _rows(1)


@pytest.mark.parametrize("version", [1, 2])
def test_jsonl_is_the_build_of_the_source(version: int) -> None:
    built = [json.loads(row.to_json()) for row in _builder().parse_source(version)]
    assert built == _rows(version)


def test_version_two_is_held_out_and_holds_every_label() -> None:
    rows = _rows(2)
    assert {row["split"] for row in rows} == {"heldout"}
    assert {span["label"] for row in rows for span in row["spans"]} == LABELS  # type: ignore[attr-defined]
    assert sum(1 for row in rows if not row["spans"]) >= 50


@pytest.mark.parametrize("version", [1, 2])
def test_spans_cover_whole_words(version: int) -> None:
    for row in _rows(version):
        text = str(row["text"])
        for span in row["spans"]:  # type: ignore[attr-defined]
            start, end = span["start"], span["end"]
            assert text[start:end].strip() == text[start:end]
            assert start == 0 or text[start - 1] == " "
            assert end == len(text) or text[end] in " '"


def test_both_halves_hold_every_label_and_negatives(rows: list[dict[str, object]]) -> None:
    for split in ("dev", "heldout"):
        part = [row for row in rows if row["split"] == split]
        labels = Counter(span["label"] for row in part for span in row["spans"])  # type: ignore[attr-defined]
        assert set(labels) == LABELS
        assert min(labels.values()) >= 15
        assert sum(1 for row in part if not row["spans"]) >= 75


def test_a_family_is_in_one_half_only(rows: list[dict[str, object]]) -> None:
    halves: dict[object, set[object]] = {}
    for row in rows:
        halves.setdefault(row["family"], set()).add(row["split"])
    assert all(len(splits) == 1 for splits in halves.values())
    assert len(rows) >= 400
