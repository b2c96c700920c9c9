"""The hand-written spoken evaluation sets (benchmarks/data): each shipped JSONL is the build of its
markup source, spans are on word boundaries, the two halves of version 1's family split both hold
every label and negatives, and versions 2 and 3 are held out as a whole."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from redactkit import Pipeline
from redactkit.bench import full_coverage_recall

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


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7, 8, 9])
def test_jsonl_is_the_build_of_the_source(version: int) -> None:
    built = [json.loads(row.to_json()) for row in _builder().parse_source(version)]
    assert built == _rows(version)


#: version -> the labels a blind version holds (version 3 has no DATE_OF_BIRTH family; versions 4 and
#: 5 add dictated user names and passwords, and version 5 one PERSON beside an employer)
CREDENTIALS = {"USERNAME", "PASSWORD"}
BLIND_LABELS = {
    2: LABELS,
    3: LABELS - {"DATE_OF_BIRTH"},
    4: LABELS | CREDENTIALS,
    5: LABELS | CREDENTIALS | {"PERSON"},
}


@pytest.mark.parametrize("version", sorted(BLIND_LABELS))
def test_blind_versions_are_held_out_and_hold_their_labels(version: int) -> None:
    rows = _rows(version)
    assert {row["split"] for row in rows} == {"heldout"}
    labels = Counter(span["label"] for row in rows for span in row["spans"])  # type: ignore[attr-defined]
    assert set(labels) == BLIND_LABELS[version]
    assert sum(1 for row in rows if not row["spans"]) >= 50


def test_version_6_is_a_tuning_set_of_organisations() -> None:
    """Version 6 was written blind and is tuned on (split dev): mostly employers, schools, hospitals
    and banks, with persons, ages, birth dates, web and e-mail addresses and hard negatives."""
    rows = _rows(6)
    assert {row["split"] for row in rows} == {"dev"}
    labels = Counter(span["label"] for row in rows for span in row["spans"])  # type: ignore[attr-defined]
    assert set(labels) == LABELS | {"PERSON"}
    assert labels["ORGANIZATION"] >= 80
    assert sum(1 for row in rows if not row["spans"]) >= 50


def test_version_7_is_a_tuning_set_of_spoken_numbers_and_addresses() -> None:
    """Version 7 was written blind and is tuned on (split dev): ages said without a cue, web and e-mail
    addresses in many dictation styles, employers and schools, card and phone numbers with asides
    inside, and about 40 % number-rich negatives (prices, times, scores, models, measures)."""
    rows = _rows(7)
    assert {row["split"] for row in rows} == {"dev"}
    labels = Counter(span["label"] for row in rows for span in row["spans"])  # type: ignore[attr-defined]
    assert set(labels) == (LABELS - {"DATE_OF_BIRTH"}) | {"CREDIT_CARD", "PHONE_NUMBER", "LOCATION"}
    assert min(labels[label] for label in ("AGE", "URL", "EMAIL_ADDRESS", "ORGANIZATION")) >= 20
    assert sum(1 for row in rows if not row["spans"]) >= 0.4 * len(rows)


def test_version_8_halves_hold_the_same_kinds_of_family() -> None:
    """Version 8 was written blind: assistant requests (messages, calls, navigation, weather), ages
    without a cue, employers and schools, dictated e-mail and web addresses, call-centre verification
    and about 40 % number-rich negatives, each kind as one tuning (dev) and one held-out family."""
    rows = _rows(8)
    for split in ("dev", "heldout"):
        part = [row for row in rows if row["split"] == split]
        labels = Counter(span["label"] for row in part for span in row["spans"])  # type: ignore[attr-defined]
        for label in ("PERSON", "LOCATION", "AGE", "ORGANIZATION", "EMAIL_ADDRESS", "URL"):
            assert labels[label] >= 7, (split, label)
        assert sum(1 for row in part if not row["spans"]) >= 45


def test_version_9_halves_hold_the_same_kinds_of_family() -> None:
    """Version 9 was written blind: medical intake, banking and card support, delivery, dictated
    e-mail and web addresses, call-centre verification, ages, employers and schools, and number-rich
    negatives, each kind as one tuning (dev) and one held-out family."""
    rows = _rows(9)
    families = {
        split: {str(row["family"]).removesuffix("_2") for row in rows if row["split"] == split}
        for split in ("dev", "heldout")
    }
    assert families["dev"] == families["heldout"]
    for split in ("dev", "heldout"):
        part = [row for row in rows if row["split"] == split]
        labels = Counter(span["label"] for row in part for span in row["spans"])  # type: ignore[attr-defined]
        for label in ("PERSON", "AGE", "ORGANIZATION", "EMAIL_ADDRESS", "URL", "ACCOUNT_NUMBER"):
            assert labels[label] >= 10, (split, label)
        for label in ("ADDRESS", "DATE_OF_BIRTH", "US_SSN", "PIN", "ZIP_CODE", "PHONE_NUMBER"):
            assert labels[label] >= 2, (split, label)
        assert sum(1 for row in part if not row["spans"]) >= 20


@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7, 8, 9])
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


#: version -> label -> floor of full-coverage recall with the default pipeline: what it measured when
#: the gate was set (docs/how-to/measure-recall.md, "The hand-written sets") less about one value.
#: Version 1 was used to write rules (a regression guard); version 2 was not (an unseen-phrasing guard).
FLOORS: dict[int, dict[str, float]] = {
    1: {  # measured 111/111, 77/81, 56/56, 55/55, 35/37
        "AGE": 0.98,
        "ORGANIZATION": 0.93,
        "URL": 0.98,
        "EMAIL_ADDRESS": 0.98,
        "DATE_OF_BIRTH": 0.92,
    },
    2: {  # measured 41/41, 26/27, 18/18, 23/23, 10/10 (rules of round 3 were written from its misses)
        "AGE": 0.97,
        "ORGANIZATION": 0.92,
        "URL": 0.94,
        "EMAIL_ADDRESS": 0.95,
        "DATE_OF_BIRTH": 0.85,
    },
    3: {  # measured 51/56, 39/44, 29/29, 25/26 (blind before round 3: 27/56, 28/44, 26/29, 24/26)
        "AGE": 0.89,
        "ORGANIZATION": 0.86,
        "URL": 0.96,
        "EMAIL_ADDRESS": 0.92,
    },
    4: {  # measured 36/36, 26/27, 12/12, 19/19, 9/9 (blind: 34/36, 24/27, 10/12, 18/19, 9/9)
        "AGE": 0.97,
        "ORGANIZATION": 0.92,
        "URL": 0.95,
        "EMAIL_ADDRESS": 0.95,
        "DATE_OF_BIRTH": 0.88,
    },
    5: {  # never tuned on (only its aggregates are read): measured 39/40, 24/30, 11/11, 18/18, 7/8
        "AGE": 0.95,
        "ORGANIZATION": 0.76,
        "URL": 0.9,
        "EMAIL_ADDRESS": 0.94,
        "DATE_OF_BIRTH": 0.85,
    },
    6: {  # tuning set: measured 27/27, 85/87, 12/12, 12/12, 11/11, PERSON 13/13 (blind: ORG 67/87)
        "AGE": 0.96,
        "ORGANIZATION": 0.95,
        "URL": 0.91,
        "EMAIL_ADDRESS": 0.91,
        "DATE_OF_BIRTH": 0.9,
        "PERSON": 0.92,
    },
    7: {  # tuning set: measured 40/40, 29/30, 23/23, 23/23, 8/8, 9/9 (blind: 31/40, 27/30, 21/23, 21/23)
        "AGE": 0.97,
        "ORGANIZATION": 0.9,
        "URL": 0.95,
        "EMAIL_ADDRESS": 0.95,
        "CREDIT_CARD": 0.87,
        "PHONE_NUMBER": 0.88,
    },
    8: {  # measured 26/26, 24/25, 14/14, 16/16, 26/28, 54/54 (blind: 24/26, 23/25, 15/16, 11/14, 24/28)
        "AGE": 0.96,
        "ORGANIZATION": 0.92,
        "URL": 0.92,
        "EMAIL_ADDRESS": 0.93,
        "LOCATION": 0.89,
        "PERSON": 0.98,
    },
    9: {  # after round 9: 40/40, 34/36, 30/32, 30/30, 24/24, 21/24, 12/12, 10/10, 8/9
        # (blind: 40/40, 32/36, 30/32, 30/30, 24/24, 20/24, 12/12, 10/10, 6/9)
        "PERSON": 0.97,
        "ORGANIZATION": 0.94,
        "AGE": 0.93,
        "ACCOUNT_NUMBER": 0.96,
        "EMAIL_ADDRESS": 0.95,
        "URL": 0.87,
        "ADDRESS": 0.9,
        "DATE_OF_BIRTH": 0.9,
        "PIN": 0.88,
    },
}
#: version -> most negatives touched (measured 21/168, 10/53, 10/64, 13/56, 3/52, 11/55, 15/89, 6/92 and 4/44:
#: mostly generic venues after "at", "to" or "from"; in versions 7 and 8 number readings and nouns read as
#: names or places)
NEGATIVES_TOUCHED_MAX = {1: 0.14, 2: 0.23, 3: 0.18, 4: 0.25, 5: 0.1, 6: 0.22, 7: 0.19, 8: 0.1, 9: 0.1}


@pytest.mark.slow
@pytest.mark.parametrize("version", [1, 2, 3, 4, 5, 6, 7, 8, 9])
def test_default_pipeline_recall_floors(default_pipeline: Pipeline, version: int) -> None:
    rows = _rows(version)
    found = default_pipeline.analyze_batch([str(row["text"]) for row in rows])
    scores = full_coverage_recall(
        (
            str(row["text"]),
            [(s["start"], s["end"], s["label"]) for s in row["spans"]],  # type: ignore[attr-defined]
            [(e.start, e.end) for e in entities],
        )
        for row, entities in zip(rows, found, strict=True)
    )
    for label, floor in FLOORS[version].items():
        assert scores[label].recall >= floor, (
            f"v{version} {label}: {scores[label].caught}/{scores[label].gold}"
        )
    negatives = [entities for row, entities in zip(rows, found, strict=True) if not row["spans"]]
    touched = sum(1 for entities in negatives if entities) / len(negatives)
    assert touched <= NEGATIVES_TOUCHED_MAX[version]
