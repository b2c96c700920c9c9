"""The sensitive-content benchmark set: families load, gold spans point at their values, splits hold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from redactkit.bench.sensitive import (
    KINDS,
    LEVELS,
    generate_sensitive,
    sensitive_families,
    to_labeled_examples,
)
from redactkit.cli import app
from redactkit.detect.special import SPECIAL_LABELS
from redactkit.labels import LabelCategory, labels


def test_every_gold_span_is_a_special_category_value_of_its_row() -> None:
    for split in ("train", "heldout"):
        records = generate_sensitive(split, seed=3)
        assert records
        for record in records:
            assert record.split == split
            assert record.sensitivity in LEVELS and record.kind in KINDS
            assert record.text == record.text.lower().strip()
            for span in record.spans:
                assert record.text[span.start : span.end].strip() == record.text[span.start : span.end]
                assert labels.get(span.label).category is LabelCategory.SPECIAL_CATEGORY
            if record.kind == "negative":
                assert not record.spans and record.sensitivity == "none"


def test_generation_is_deterministic_and_ids_are_unique() -> None:
    first = [r.to_dict() for r in generate_sensitive("heldout", seed=5)]
    assert first == [r.to_dict() for r in generate_sensitive("heldout", seed=5)]
    ids = [row["id"] for row in first]
    assert len(ids) == len(set(ids))
    examples = to_labeled_examples(generate_sensitive("heldout", seed=5))
    assert [e.id for e in examples] == ids


def test_train_and_heldout_families_are_disjoint() -> None:
    train = {f.name for f in sensitive_families("train")}
    heldout = {f.name for f in sensitive_families("heldout")}
    assert train and heldout and not train & heldout
    train_templates = {t for f in sensitive_families("train") for t in f.templates}
    assert not train_templates & {t for f in sensitive_families("heldout") for t in f.templates}


def test_special_summary_counts_recall_rows_and_negatives() -> None:
    from redactkit.bench.metrics import EvalRow
    from redactkit.bench.sensitive import special_summary

    rows = [
        EvalRow("i take zoloft daily", [(7, 13, "MEDICATION")], [(7, 13, "MEDICATION")]),
        EvalRow("i'm muslim", [(4, 10, "RELIGION")], []),
        EvalRow("play green day", [], [(5, 10, "POLITICAL_AFFILIATION")]),
        EvalRow("call maria", [], [(5, 10, "PERSON")]),
    ]
    summary = special_summary(rows)
    assert summary["recall"] == {
        "MEDICATION": {"covered": 1, "gold": 1},
        "RELIGION": {"covered": 0, "gold": 1},
    }
    assert summary["rows_flagged"] == 2 and summary["rows"] == 4
    assert summary["negatives"] == 2 and summary["negatives_flagged"] == 1
    assert summary["by_label"] == {"MEDICATION": 1, "POLITICAL_AFFILIATION": 1}


def test_special_summary_counts_the_protected_as_label() -> None:
    """review41 M1: a child's age, redacted as an AGE protected as a MINOR, flags its row MINOR (as it
    routes it); an adult's age flags nothing; a protected-as label of a non-special label adds none."""
    from redactkit.bench.metrics import EvalRow
    from redactkit.bench.sensitive import special_summary

    rows = [
        EvalRow("my son is seven", [(10, 15, "MINOR")], [(10, 15, "AGE")], None, [(10, 15, "MINOR")]),
        EvalRow("my son is in second grade", [(13, 25, "MINOR")], [(13, 25, "MINOR")]),
        EvalRow("my wife is forty", [], [(11, 16, "AGE")]),
        EvalRow("the kids eat free", [], [(4, 8, "PERSON")], None, [(4, 8, "AGE")]),
    ]
    summary = special_summary(rows)
    assert summary["by_label"] == {"MINOR": 2}
    assert summary["rows_flagged"] == 2
    assert summary["negatives"] == 2 and summary["negatives_flagged"] == 0
    assert summary["recall"] == {"MINOR": {"covered": 2, "gold": 2}}


@pytest.mark.slow
def test_cli_bench_sensitive_prints_the_special_table(tmp_path: Path) -> None:
    """`redactkit bench --sensitive` scores the held-out set with the default pipeline: the acceptance
    figures (recall >= 0.90 per special label, <= 5 % of negatives flagged) hold and are printed."""
    out = tmp_path / "bench.json"
    result = CliRunner().invoke(
        app,
        [
            "bench",
            "--sensitive",
            "--baseline",
            "none",
            "--bootstrap",
            "0",
            "--no-examples",
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    assert "special categories" in result.output and "negatives flagged" in result.output
    special = json.loads(out.read_text(encoding="utf-8"))["datasets"][0]["systems"]["redactkit"]["special"]
    assert set(special["recall"]) == set(SPECIAL_LABELS)
    for label, counts in special["recall"].items():
        assert counts["gold"] >= 40, label
        assert counts["covered"] / counts["gold"] >= 0.9, label
    assert special["negatives"] >= 300
    assert special["negatives_flagged"] / special["negatives"] <= 0.05
    # review41 M1: children's ages (gold MINOR, reported as AGEs protected as MINORs) are type-correct
    # and flag their rows MINOR
    redactkit = json.loads(out.read_text(encoding="utf-8"))["datasets"][0]["systems"]["redactkit"]
    minor = redactkit["labels"]["MINOR"]["type_correct_recall"]
    assert minor["numerator"] / minor["denominator"] >= 0.9
    assert special["by_label"]["MINOR"] >= 0.9 * special["recall"]["MINOR"]["gold"]
