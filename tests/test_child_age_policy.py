"""A child's age is an AGE protected as a MINOR (review40 H6, fail closed).

The pipeline reports a child's age with the label of what it is (``AGE``, as type-aware scorers and
reports count it) and ``policy_label`` ``MINOR``: the policy gives it ``MINOR``'s operator unless that
keeps it, then ``AGE``'s, so a config that keeps adults' ages never ships a child's age in clear; the
row's sensitivity is ``MINOR``'s; ``MINOR``'s threshold decides whether it is kept at all. A school
grade stays a ``MINOR``. Sentences are invented.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from typer.testing import CliRunner

from redactkit import Pipeline
from redactkit.anonymize.policy import PolicyAnonymizer
from redactkit.cli import app
from redactkit.core import Entity
from redactkit.spans import child_ages_as_age, resolve_overlaps

CHILD = "my daughter is seven"
CHILD_TURNED = "my son just turned four"
CHILD_AGED = "our nine year old loves trains"
ADULT = "my husband is forty two"
GRADE = "my daughter is in second grade"
NEGATIVE = "we need seven chairs for the party"

# config name -> anonymizer block
CONFIGS: dict[str, dict[str, Any]] = {
    "default": {},
    "AGE keep": {"operators": {"AGE": "keep"}},
    "MINOR keep": {"operators": {"MINOR": "keep"}},
    "both keep": {"operators": {"AGE": "keep", "MINOR": "keep"}},
    "minimal": {"preset": "minimal"},
    "minimal MINOR tag": {"preset": "minimal", "operators": {"MINOR": "tag"}},
    "MINOR mask": {"operators": {"MINOR": "mask"}},
    "gdpr AGE keep": {"preset": "gdpr", "operators": {"AGE": "keep"}},
}

KEPT = None  # the sentence comes back as it was said

# (config, sentence, redacted text); KEPT: unchanged
CASES: list[tuple[str, str, str | None]] = [
    # default: every age is replaced; the child's is tagged with what it is
    ("default", CHILD, "my daughter is [AGE]"),
    ("default", CHILD_TURNED, "my son just turned [AGE]"),
    ("default", CHILD_AGED, "our [AGE] loves trains"),
    ("default", ADULT, "my husband is [AGE]"),
    ("default", GRADE, "my daughter is in [MINOR]"),
    ("default", NEGATIVE, KEPT),
    # keeping adults' ages never keeps a child's (review40 H6): MINOR's operator replaces it
    ("AGE keep", CHILD, "my daughter is [AGE]"),
    ("AGE keep", CHILD_TURNED, "my son just turned [AGE]"),
    ("AGE keep", CHILD_AGED, "our [AGE] loves trains"),
    ("AGE keep", ADULT, KEPT),
    ("AGE keep", GRADE, "my daughter is in [MINOR]"),
    ("AGE keep", NEGATIVE, KEPT),
    # keeping MINOR alone keeps grades, not ages: a child's age is kept only when both labels keep it
    ("MINOR keep", CHILD, "my daughter is [AGE]"),
    ("MINOR keep", CHILD_AGED, "our [AGE] loves trains"),
    ("MINOR keep", ADULT, "my husband is [AGE]"),
    ("MINOR keep", GRADE, KEPT),
    ("both keep", CHILD, KEPT),
    ("both keep", CHILD_TURNED, KEPT),
    ("both keep", ADULT, KEPT),
    ("both keep", GRADE, KEPT),
    # minimal keeps quasi-identifiers and special categories: both labels keep it, as before
    ("minimal", CHILD, KEPT),
    ("minimal", ADULT, KEPT),
    ("minimal MINOR tag", CHILD, "my daughter is [AGE]"),
    ("minimal MINOR tag", CHILD_TURNED, "my son just turned [AGE]"),
    ("minimal MINOR tag", ADULT, KEPT),
    ("minimal MINOR tag", GRADE, "my daughter is in [MINOR]"),
    # MINOR's operator reaches children's ages
    ("MINOR mask", CHILD, "my daughter is *****"),
    ("MINOR mask", ADULT, "my husband is [AGE]"),
    ("MINOR mask", GRADE, "my daughter is in ****** *****"),
    ("MINOR mask", NEGATIVE, KEPT),
    ("gdpr AGE keep", CHILD, "my daughter is [AGE]"),
    ("gdpr AGE keep", ADULT, KEPT),
]


@pytest.fixture(scope="module")
def pipelines() -> dict[str, Pipeline]:
    return {name: Pipeline.from_config({"anonymizer": block}) for name, block in CONFIGS.items()}


@pytest.mark.parametrize(("config", "sentence", "expected"), CASES)
def test_child_age_policy_table(
    pipelines: dict[str, Pipeline], config: str, sentence: str, expected: str | None
) -> None:
    result = pipelines[config].redact(sentence)
    assert result.text == (sentence if expected is KEPT else expected)


@pytest.mark.parametrize(
    ("sentence", "label", "policy_label"),
    [
        (CHILD, "AGE", "MINOR"),
        (CHILD_TURNED, "AGE", "MINOR"),
        (CHILD_AGED, "AGE", "MINOR"),
        ("i'm fifteen", "AGE", "MINOR"),
        (ADULT, "AGE", ""),
        ("i just turned fifty", "AGE", ""),
        (GRADE, "MINOR", ""),
        ("i'm in eighth grade", "MINOR", ""),
    ],
)
def test_analyze_reports_a_child_age_as_age(
    pipelines: dict[str, Pipeline], sentence: str, label: str, policy_label: str
) -> None:
    entities = pipelines["default"].analyze(sentence)
    assert [(e.label, e.policy_label) for e in entities] == [(label, policy_label)]
    redacted = pipelines["default"].redact(sentence).entities
    assert [(e.label, e.policy_label) for e in redacted] == [(label, policy_label)]
    assert ("a child's age" in entities[0].explanation) is (policy_label == "MINOR")


@pytest.mark.parametrize(
    "sentence",
    [
        NEGATIVE,
        "my son has seven cousins",
        "table for four",
        # "<digits> years old" said of a thing (identifiers, as contextual reads it)
        "the building is forty three years old",
        "our car is six years old",
    ],
)
def test_no_age_no_child_age(pipelines: dict[str, Pipeline], sentence: str) -> None:
    assert not [e for e in pipelines["default"].analyze(sentence) if e.label in ("AGE", "MINOR")]


def test_sensitivity_is_minors() -> None:
    """The row of a child's age is as sensitive as a MINOR makes it (label_levels honoured); an
    adult's age row is not."""
    pipe = Pipeline.from_config({"sensitivity": {"label_levels": {"MINOR": "safety"}}})
    child, adult, grade = pipe.redact_batch([CHILD, ADULT, GRADE])
    assert child.sensitivity == grade.sensitivity == "safety"
    assert "label:MINOR" in child.sensitivity_reasons and "label:AGE" in child.sensitivity_reasons
    assert adult.sensitivity != "safety" and "label:MINOR" not in adult.sensitivity_reasons


@pytest.mark.parametrize(
    ("thresholds", "child_found", "adult_found"),
    [
        ({}, True, True),
        ({"AGE": 0.99}, True, False),  # AGE's threshold is not a child's age's
        ({"MINOR": 0.99}, False, True),  # MINOR's is
    ],
)
def test_thresholds_are_minors(thresholds: dict[str, float], child_found: bool, adult_found: bool) -> None:
    pipe = Pipeline.from_config({"thresholds": thresholds})
    child, adult = pipe.analyze_batch([CHILD, ADULT])
    assert bool(child) is child_found
    assert bool(adult) is adult_found


@pytest.mark.parametrize(
    ("policy", "operator"),
    [
        ({}, "tag"),
        ({"operators": {"AGE": "keep"}}, "tag"),
        ({"operators": {"AGE": "keep", "MINOR": "mask"}}, "mask"),
        ({"operators": {"MINOR": "keep"}}, "tag"),
        ({"operators": {"MINOR": "keep", "AGE": "mask"}}, "mask"),
        ({"operators": {"MINOR": "keep", "AGE": "keep"}}, "keep"),
        ({"preset": "minimal"}, "keep"),
        ({"preset": "minimal", "operators": {"MINOR": "remove"}}, "remove"),
        ({"preset": "minimal", "operators": {"AGE": "mask"}}, "mask"),
    ],
)
def test_operator_for_entity(policy: dict[str, Any], operator: str) -> None:
    anonymizer = PolicyAnonymizer(**policy)
    child = Entity(0, 5, "AGE", 0.9, "contextual", "a child's age", policy_label="MINOR")
    assert anonymizer.operator_for_entity(child) == operator
    # without a second label an entity gets its own label's operator
    adult = Entity(0, 5, "AGE", 0.9, "contextual")
    assert anonymizer.operator_for_entity(adult) == anonymizer.operator_for("AGE")


def test_merges_keep_the_protection() -> None:
    """Fail closed: a merge or a join keeps the second label of any member."""
    child = Entity(15, 20, "AGE", 0.8, "a", "x", policy_label="MINOR")
    wider = Entity(10, 20, "AGE", 0.9, "b", "y")
    (merged,) = resolve_overlaps([child, wider])
    assert (merged.start, merged.end, merged.policy_label) == (10, 20, "MINOR")
    text = "my kids are seven eight"
    first = Entity(12, 17, "AGE", 0.9, "a", "x")
    second = Entity(18, 23, "AGE", 0.9, "a", "y", policy_label="MINOR")
    (joined,) = resolve_overlaps([first, second], text)
    assert (joined.start, joined.end, joined.policy_label) == (12, 23, "MINOR")


def test_child_ages_as_age_leaves_grades_and_others() -> None:
    grade = Entity(0, 5, "MINOR", 0.9, "special", "special: child_grade")
    age = Entity(0, 5, "MINOR", 0.9, "contextual", "an age after a child")
    person = Entity(0, 5, "PERSON", 0.9, "names", "a name")
    assert child_ages_as_age([grade, person]) == [grade, person]
    (relabelled,) = child_ages_as_age([age])
    assert (relabelled.label, relabelled.policy_label) == ("AGE", "MINOR")
    assert relabelled.explanation == "an age after a child; a child's age"


def test_conversation_answer_is_an_age_protected_as_minor() -> None:
    pipe = Pipeline.from_config({"anonymizer": {"operators": {"AGE": "keep"}}})
    result = pipe.redact_conversation(
        [{"text": "how old is your son", "speaker": "agent"}, {"text": "um seven", "speaker": "caller"}]
    )
    answer = result[1]
    assert answer.text == "um [AGE]"
    assert [(e.label, e.policy_label) for e in answer.entities] == [("AGE", "MINOR")]


@pytest.mark.parametrize(
    ("operators", "expected"),
    [
        ({}, ["my daughter is [AGE]", "my husband is [AGE]", "my daughter is in [MINOR]", NEGATIVE]),
        ({"AGE": "keep"}, ["my daughter is [AGE]", ADULT, "my daughter is in [MINOR]", NEGATIVE]),
        ({"MINOR": "keep"}, ["my daughter is [AGE]", "my husband is [AGE]", GRADE, NEGATIVE]),
        ({"AGE": "keep", "MINOR": "keep"}, [CHILD, ADULT, GRADE, NEGATIVE]),
    ],
)
def test_cli_parquet_end_to_end(tmp_path: Path, operators: dict[str, str], expected: list[str]) -> None:
    """Through the CLI on Parquet: the redacted column, the entities column (label AGE for a child's
    age, MINOR for a grade), the row's sensitivity and the run report's counts."""
    source = tmp_path / "in.parquet"
    sentences = [CHILD, ADULT, GRADE, NEGATIVE]
    pq.write_table(pa.table({"transcript": pa.array(sentences, pa.string())}), source)
    config = tmp_path / "config.yaml"
    config.write_text(yaml.safe_dump({"anonymizer": {"operators": operators}}))
    out = tmp_path / "out.parquet"
    result = CliRunner().invoke(
        app, ["redact", str(source), str(out), "-t", "transcript", "--config", str(config), "--json"]
    )
    assert result.exit_code == 0, result.output
    table = pq.read_table(out)
    assert table.num_rows == len(sentences)
    assert table.column("transcript_redacted").to_pylist() == expected
    labels = [[e["label"] for e in row] for row in table.column("transcript_entities").to_pylist()]
    assert labels == [["AGE"], ["AGE"], ["MINOR"], []]
    sensitivity = table.column("sensitivity").to_pylist()
    assert sensitivity[0] == sensitivity[2] != sensitivity[1]
    summary = json.loads(result.stdout)
    assert summary["entities_by_label"] == {"AGE": 2, "MINOR": 1}
