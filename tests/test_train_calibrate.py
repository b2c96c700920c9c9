"""`python -m redactkit.train.calibrate`: what adapted weights' labels add next to the rule detectors,
and the labels the `ner` detector then leaves out."""

from __future__ import annotations

import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from redactkit.core import AlignedText, Entity
from redactkit.detect.ner import SpacyNerDetector
from redactkit.detect.spacy_models import BUILTIN_NER_WEIGHTS, read_ner_weights
from redactkit.train.calibrate import CalibrationRow, Counts, count_rows, dropped_labels, model_label

TEXT = "call 5551234 about the order"
PHONE = (5, 12)


@pytest.mark.parametrize(
    ("gold", "rules", "model", "values", "negatives"),
    [
        # the model's label alone covers the value: a value it adds
        ([(*PHONE, "PHONE_NUMBER")], [], [("PHONE_NUMBER", PHONE)], {"PHONE_NUMBER": 1}, {}),
        # a rule covers it too: nothing added
        ([(*PHONE, "PHONE_NUMBER")], [PHONE], [("PHONE_NUMBER", PHONE)], {}, {}),
        # the rule covers part of it, the model the rest: the model's label completes it
        ([(*PHONE, "PHONE_NUMBER")], [(5, 8)], [("PHONE_NUMBER", PHONE)], {"PHONE_NUMBER": 1}, {}),
        # two model labels cover it together: each is needed, each counts
        (
            [(*PHONE, "PHONE_NUMBER")],
            [],
            [("ZIP_CODE", (5, 8)), ("PHONE_NUMBER", (8, 12))],
            {"PHONE_NUMBER": 1, "ZIP_CODE": 1},
            {},
        ),
        # two model labels each cover it whole: neither alone is needed
        ([(*PHONE, "PHONE_NUMBER")], [], [("ZIP_CODE", PHONE), ("PHONE_NUMBER", PHONE)], {}, {}),
        # a value the default policy keeps is no gain
        ([(*PHONE, "DATE_TIME")], [], [("PHONE_NUMBER", PHONE)], {}, {}),
        # a row without gold touched by the model alone: a PII-free row it costs
        ([], [], [("PHONE_NUMBER", PHONE)], {}, {"PHONE_NUMBER": 1}),
        # ... not when a rule touches the row anyway
        ([], [(23, 28)], [("PHONE_NUMBER", PHONE)], {}, {}),
        # a row with gold: the model's miss elsewhere is over-redaction, not a PII-free row
        ([(23, 28, "PERSON")], [], [("PHONE_NUMBER", PHONE)], {}, {}),
    ],
)
def test_counts_what_each_model_label_alone_adds(
    gold: list[tuple[int, int, str]],
    rules: list[tuple[int, int]],
    model: list[tuple[str, tuple[int, int]]],
    values: dict[str, int],
    negatives: dict[str, int],
) -> None:
    counts = count_rows([CalibrationRow(TEXT, gold, rules, model)])
    assert dict(counts.alone_values) == values
    assert dict(counts.alone_negative_rows) == negatives
    assert counts.rows == 1


def test_a_label_is_dropped_when_it_touches_more_pii_free_rows_than_value_weight_times_its_values() -> None:
    counts = Counts(Counter({"PHONE_NUMBER": 2, "US_SSN": 13}), Counter({"PHONE_NUMBER": 20, "US_SSN": 19}))
    table = counts.table()
    assert table["PHONE_NUMBER"] == {"alone_values": 2, "alone_negative_rows": 20}
    assert dropped_labels(table, value_weight=5) == ["PHONE_NUMBER"]
    assert dropped_labels(table, value_weight=10) == []
    assert dropped_labels(table, value_weight=1) == ["PHONE_NUMBER", "US_SSN"]
    # a label that touches nothing alone is never dropped
    assert dropped_labels({"AGE": {"alone_values": 0, "alone_negative_rows": 0}}) == []
    # nor one the stock recognizer reports, however many PII-free rows it touches
    assert dropped_labels({"PERSON": {"alone_values": 1, "alone_negative_rows": 99}}) == []


def test_model_label_reads_the_ner_detectors_explanation() -> None:
    assert model_label(Entity(0, 4, "LOCATION", 0.8, "ner", "spaCy NER GPE")) == "GPE"
    assert model_label(Entity(0, 4, "LOCATION", 0.8, "ner", "spaCy NER FAC; merged with 1")) == "FAC"


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_the_ner_detector_leaves_out_the_labels_the_calibration_dropped(tmp_path: Path) -> None:
    copy = tmp_path / "weights"
    shutil.copytree(BUILTIN_NER_WEIGHTS, copy)
    meta = json.loads((copy / "meta.json").read_text())
    # a hand-edited record that also drops names: names stay (only ``labels`` can leave them out)
    meta["pipeline_calibration"] = {"dropped": ["ADDRESS", "PERSON"]}
    (copy / "meta.json").write_text(json.dumps(meta))
    assert read_ner_weights(copy).pipeline_dropped == ["ADDRESS", "PERSON"]

    def found(detector: SpacyNerDetector) -> set[str]:
        text = "the address is twelve elm street"
        return {e.label for e in detector.detect_batch([AlignedText.identity(text)])[0]}

    # (a copy is weights of one's own: labels null adds their label map, less what was dropped)
    assert "ADDRESS" not in SpacyNerDetector(ner_weights=str(copy)).emitted_labels()
    assert "PERSON" in SpacyNerDetector(ner_weights=str(copy)).emitted_labels()
    assert "ADDRESS" not in found(SpacyNerDetector(ner_weights=str(copy)))
    # listing the labels keeps every one listed
    every = dict(meta["label_map"])
    assert "ADDRESS" in found(SpacyNerDetector(ner_weights=str(copy), labels=every))


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_calibration_command_names_the_shipped_weights_builtin_and_others_a_placeholder() -> None:
    from redactkit.train.calibrate import _command

    assert _command(["--weights", str(BUILTIN_NER_WEIGHTS), "--write"]) == ["--weights", "builtin", "--write"]
    assert _command(["--weights=builtin"]) == ["--weights=builtin"]
    assert _command(["--weights=/somewhere/else", "--holdout", "/x"]) == [
        "--weights={weights}",
        "--holdout",
        "{holdout}",
    ]


@pytest.mark.skipif(not (BUILTIN_NER_WEIGHTS / "meta.json").exists(), reason="no shipped weights")
def test_calibrate_end_to_end_records_its_counts_in_the_weights_meta(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from redactkit.train.calibrate import main

    copy = tmp_path / "weights"
    shutil.copytree(BUILTIN_NER_WEIGHTS, copy)
    holdout = tmp_path / "holdout"
    holdout.mkdir()
    rows = [
        {"id": "a-1", "text": "my social is 1234", "spans": [{"start": 13, "end": 17, "label": "US_SSN"}]},
        {"id": "a-2", "text": "book a table in cambridge", "spans": []},
        {"id": "a-3", "text": "what time is it", "spans": []},
    ]
    (holdout / "tiny.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    main(["--weights", str(copy), "--holdout", str(holdout), "--write"])
    assert "hold-out tiny: 3 rows" in capsys.readouterr().out
    record = json.loads((copy / "meta.json").read_text())["pipeline_calibration"]
    assert record["sets"] == {"hold-out tiny": 3}
    assert record["value_weight"] == 5.0
    # the hold-out folder and the weights are recorded as placeholders, not this machine's paths
    assert record["written_by"]["command"] == ["--weights", "{weights}", "--holdout", "{holdout}", "--write"]
    assert all(set(cell) == {"alone_values", "alone_negative_rows"} for cell in record["labels"].values())
    assert record["dropped"] == dropped_labels(record["labels"])
    assert read_ner_weights(copy).pipeline_dropped == record["dropped"]
    # the shipped weights' own record is untouched
    assert read_ner_weights("builtin").pipeline_dropped == []


def test_the_holdout_halves_split_by_dialogue_and_partition_the_rows(tmp_path: Path) -> None:
    from redactkit.train.calibrate import HALVES, holdout_half, split_holdout
    from redactkit.train.data import dialogue_id, is_held_out

    ids = [
        f"multiwoz21-val-D{n:04d}-{turn:02d}-{side}"
        for n in range(1500)
        for turn in range(3)
        for side in ("usr", "sys")
        if is_held_out(f"multiwoz21-val-D{n:04d}")
    ]
    by_dialogue: dict[str, set[str]] = {}
    for row_id in ids:
        by_dialogue.setdefault(dialogue_id(row_id), set()).add(holdout_half(row_id))
    assert all(len(halves) == 1 for halves in by_dialogue.values()), "a dialogue stays in one half"
    counts = Counter(next(iter(halves)) for halves in by_dialogue.values())
    assert set(counts) == set(HALVES) and min(counts.values()) > 50, counts
    holdout = tmp_path / "holdout"
    holdout.mkdir()
    rows = [{"id": row_id, "text": f"row {k}", "spans": []} for k, row_id in enumerate(ids)]
    (holdout / "multiwoz21_holdout.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    # rows trained on are never a hold-out's half
    (holdout / "multiwoz21_train.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    written = split_holdout(holdout, tmp_path / "halves")
    assert written == {"multiwoz21_holdout.jsonl": {half: counts[half] * 6 for half in HALVES}}
    back = [
        json.loads(line)
        for half in HALVES
        for line in (tmp_path / "halves" / f"multiwoz21_{half}.jsonl").read_text().splitlines()
    ]
    assert sorted(row["id"] for row in back) == sorted(ids)
    assert all(holdout_half(row["id"]) == "calibration" for row in back[: counts["calibration"] * 6])
