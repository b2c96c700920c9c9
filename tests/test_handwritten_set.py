"""The hand-written spoken evaluation set (benchmarks/data): the shipped JSONL is the build of its
markup source, spans are on word boundaries, and the two halves of the family split both hold every
label and negatives."""

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


@pytest.fixture(scope="module")
def rows() -> list[dict[str, object]]:
    path = BENCHMARKS / "data" / "handwritten_spoken_v1.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_is_the_build_of_the_source(rows: list[dict[str, object]]) -> None:
    built = [json.loads(row.to_json()) for row in _builder().parse_source()]
    assert built == rows


def test_spans_cover_whole_words(rows: list[dict[str, object]]) -> None:
    for row in rows:
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
