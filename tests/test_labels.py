"""The label registry: built-in labels, user labels from config, and label checks everywhere."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from redactkit import ConfigError, Pipeline
from redactkit.anonymize import PolicyAnonymizer
from redactkit.cli import app
from redactkit.config import load_config
from redactkit.detect import DenyListDetector, detectors
from redactkit.labels import Label, LabelCategory, LabelRegistry, builtin_labels, labels, labels_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"
runner = CliRunner()


def test_builtin_labels_are_complete_and_documented() -> None:
    assert {"PERSON", "LOCATION", "ORGANIZATION", "PHONE_NUMBER", "DATE_TIME", "ADDRESS"} <= set(
        labels.names()
    )
    for label in builtin_labels():
        assert label.description.endswith(".")
        assert label.examples, label.name
        assert all("[" in example and "]" in example for example in label.examples), label.name
    assert labels.get("PERSON").category is LabelCategory.DIRECT_IDENTIFIER
    assert labels.get("LOCATION").category is LabelCategory.QUASI_IDENTIFIER
    assert labels.get("DATE_TIME").default_operator == "keep"


def test_every_detector_declares_registered_labels() -> None:
    for name in detectors.names():
        cls = detectors.get(name)
        if not cls.__module__.startswith("redactkit."):
            continue
        assert set(cls.emits) <= set(labels.names()), name
        if name not in ("deny_list", "regex"):  # these emit only the labels their config names
            assert cls.emits, f"{name} declares no labels"


def test_label_reference_is_generated_from_the_registry() -> None:
    """docs/reference/labels.md is `python -m redactkit.labels --markdown`; regenerate it on change."""
    assert (DOCS / "reference" / "labels.md").read_text(encoding="utf-8") == labels_markdown()


@pytest.mark.parametrize(
    ("config", "key", "suggestion"),
    [
        ({"thresholds": {"LOCATON": 0.9}}, "thresholds.LOCATON", "LOCATION"),
        (
            {"anonymizer": {"name": "policy", "operators": {"PERSN": "mask"}}},
            "anonymizer.operators.PERSN",
            "PERSON",
        ),
        (
            {"detectors": [{"name": "ner", "labels": {"PERSON": "PERSONN"}}]},
            "detectors[0].labels.PERSON",
            "PERSON",
        ),
        (
            {"detectors": [{"name": "presidio", "label_map": {"CRYPTO": "ACCOUNT_NUMBR"}}]},
            "detectors[0].label_map.CRYPTO",
            "ACCOUNT_NUMBER",
        ),
        (
            {"detectors": [{"name": "presidio", "entities": ["EMAIL_ADDRESS", "EMAIL_ADRESS"]}]},
            "detectors[0].entities[1]",
            "EMAIL_ADDRESS",
        ),
        (
            {"detectors": [{"name": "identifiers", "labels": ["PHONE_NUMBER", "PHONE"]}]},
            "detectors[0].labels[1]",
            "PHONE_NUMBER",
        ),
        (
            {"detectors": [{"name": "deny_list", "terms": {"project nightingale": "ORGANISATION"}}]},
            "detectors[0].terms[0]",
            "ORGANIZATION",
        ),
    ],
)
def test_a_misspelled_label_anywhere_is_a_config_error(
    config: dict[str, Any], key: str, suggestion: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config(config)
    assert caught.value.key == key
    assert f"did you mean {suggestion!r}" in caught.value.message
    assert "labels:" in (caught.value.example or "")


def test_deny_list_terms_never_appear_in_label_errors() -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"detectors": [{"name": "deny_list", "terms": {"maria lopez": "PERSONN"}}]})
    assert "maria" not in str(caught.value)


def test_config_validate_rejects_a_misspelled_label(tmp_path: Path) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("thresholds:\n  LOCATON: 0.9\n", encoding="utf-8")
    result = runner.invoke(app, ["config", "validate", str(bad)])
    assert result.exit_code == 2
    assert "thresholds.LOCATON" in result.output
    assert "did you mean 'LOCATION'" in result.output


@pytest.fixture
def restore_label_registry() -> Any:
    """Labels registered by a test's config leave the process-wide registry afterwards, so that a later
    test (or a docs example) may register the same name with another definition."""
    saved = dict(labels._labels)
    yield
    labels._labels.clear()
    labels._labels.update(saved)


@pytest.mark.usefixtures("restore_label_registry")
def test_users_register_labels_from_config() -> None:
    config = {
        "labels": {
            "EMPLOYEE_ID": {
                "description": "An employee number of our company.",
                "category": "direct_identifier",
                "default_operator": "mask",
                "examples": ["my staff number is [e four four one]"],
            }
        },
        "detectors": [{"name": "deny_list", "terms": {"e441": "EMPLOYEE_ID"}}],
        "thresholds": {"EMPLOYEE_ID": 0.5},
        "anonymizer": {"name": "policy", "mask_char": "#"},
    }
    resolved = load_config(config)
    assert resolved.labels["EMPLOYEE_ID"]["category"] == "direct_identifier"
    pipe = Pipeline.from_config(resolved)
    assert pipe.redact("staff number E441 please").text == "staff number #### please"
    assert labels.get("EMPLOYEE_ID").default_operator == "mask"
    # the pipeline's config rebuilds it, labels included
    assert Pipeline.from_config(pipe.config).config.labels == pipe.config.labels


@pytest.mark.parametrize(
    ("block", "key"),
    [
        ({"description": "x", "category": "direct"}, "labels.MY_LABEL.category"),
        ({"category": "direct_identifier"}, "labels.MY_LABEL.description"),
        (
            {"description": "x", "category": "direct_identifier", "operator": "tag"},
            "labels.MY_LABEL.operator",
        ),
        (
            {"description": "x", "category": "direct_identifier", "default_operator": "blur"},
            "labels.MY_LABEL.default_operator",
        ),
    ],
)
def test_bad_label_definitions_name_their_key(block: dict[str, Any], key: str) -> None:
    with pytest.raises(ConfigError) as caught:
        load_config({"labels": {"MY_LABEL": block}})
    assert caught.value.key == key


def test_label_names_are_upper_case_and_definitions_do_not_clash() -> None:
    with pytest.raises(ConfigError, match="upper case"):
        load_config({"labels": {"employee_id": {"description": "x", "category": "direct_identifier"}}})
    with pytest.raises(ConfigError, match="already registered"):
        load_config({"labels": {"PERSON": {"description": "Someone.", "category": "quasi_identifier"}}})
    registry = LabelRegistry([Label("A_LABEL", "One.", LabelCategory.QUASI_IDENTIFIER)])
    registry.register(Label("A_LABEL", "One.", LabelCategory.QUASI_IDENTIFIER))  # the same again: fine
    assert len(registry) == 1


def test_a_detector_emitting_an_unregistered_label_is_refused() -> None:
    with pytest.raises(ConfigError, match="UNHEARD_OF"):
        Pipeline([DenyListDetector({"x": "UNHEARD_OF"})], PolicyAnonymizer())


def test_presets_follow_label_categories() -> None:
    minimal = PolicyAnonymizer(preset="minimal")
    default = PolicyAnonymizer(preset="default")
    strict = PolicyAnonymizer(preset="strict")
    gdpr = PolicyAnonymizer(preset="gdpr")
    for label in labels:
        kept = label.category in (LabelCategory.QUASI_IDENTIFIER, LabelCategory.SPECIAL_CATEGORY)
        assert (minimal.operator_for(label.name) == "keep") == kept, label.name
        assert strict.operator_for(label.name) == "tag"
        if label.category is LabelCategory.SPECIAL_CATEGORY:
            assert default.operator_for(label.name) != "keep", label.name
            assert gdpr.operator_for(label.name) == "tag", label.name
            assert label.gdpr, label.name
    assert default.operator_for("DATE_TIME") == "keep"
    assert default.operator_for("LOCATION") == "tag"
    assert minimal.operator_for("NOT_REGISTERED_ANYWHERE") == "tag"  # fail closed
