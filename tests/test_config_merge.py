"""A user config extends the defaults (never silently switches protection off); regex recognizers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from redactkit import ConfigError, Pipeline
from redactkit.cli import app
from redactkit.config import load_config
from redactkit.core import AlignedText
from redactkit.detect import RegexDetector

DEFAULT_DETECTORS = [spec.name for spec in load_config(None).detectors]
DEFAULT_NORMALIZERS = [spec.name for spec in load_config(None).normalizers]

DENY_LIST_ONLY = """\
detectors:
  - name: deny_list
    terms: {project nightingale: ORGANIZATION}
"""


def _names(config: Any, section: str = "detectors") -> list[str]:
    return [spec.name for spec in getattr(config, section)]


def test_a_new_component_is_added_to_the_defaults() -> None:
    config = load_config(yaml.safe_load(DENY_LIST_ONLY))
    assert _names(config) == [*DEFAULT_DETECTORS, "deny_list"]
    assert _names(config, "normalizers") == DEFAULT_NORMALIZERS
    assert config.detectors[-1].params["terms"] == {"project nightingale": "ORGANIZATION"}


def test_components_keyed_by_name_in_a_mapping() -> None:
    config = load_config({"detectors": {"deny_list": {"terms": {"x": "PERSON"}}, "places": None}})
    assert _names(config) == [*DEFAULT_DETECTORS, "deny_list"]


def test_a_default_component_is_updated_key_by_key() -> None:
    config = load_config({"detectors": [{"name": "presidio", "score_threshold": 0.5}]})
    assert _names(config) == DEFAULT_DETECTORS
    presidio = config.detectors[DEFAULT_DETECTORS.index("presidio")].params
    assert presidio["score_threshold"] == 0.5
    # the keys not given keep the shipped default.yaml values, not the constructor defaults
    assert "US_BANK_NUMBER" in presidio["entities"]
    assert presidio["label_map"]["CRYPTO"] == "ACCOUNT_NUMBER"


def test_anonymizer_thresholds_and_allow_list_extend_the_defaults() -> None:
    config = load_config(
        {
            "anonymizer": {"operators": {"PERSON": "numbered"}},
            "thresholds": {"LOCATION": 0.5},
            "allow_list": ["olly"],
        }
    )
    assert config.anonymizer.name == "policy"
    assert config.anonymizer.params["operators"] == {"PERSON": "numbered"}
    assert config.anonymizer.params["preset"] == "default"
    assert config.thresholds == {"LOCATION": 0.5}
    assert config.allow_list == ["olly"]
    # another anonymizer replaces the default one
    assert load_config({"anonymizer": {"name": "tag"}}).anonymizer.params == {"format": "[{label}]"}


def test_disable_removes_components_explicitly() -> None:
    config = load_config({"disable": ["presidio", "truecase"]})
    assert _names(config) == [name for name in DEFAULT_DETECTORS if name != "presidio"]
    assert _names(config, "normalizers") == [name for name in DEFAULT_NORMALIZERS if name != "truecase"]


@pytest.mark.parametrize(
    ("source", "key", "fragment"),
    [
        pytest.param({"disable": ["presido"]}, "disable[0]", "did you mean 'presidio'", id="unknown-name"),
        pytest.param({"disable": [3]}, "disable", "list of normalizer or detector names", id="not-names"),
        pytest.param({"replace": "yes"}, "replace", "true, false or a list", id="bad-replace"),
        pytest.param({"replace": ["detectorz"]}, "replace", "unknown section 'detectorz'", id="bad-section"),
        pytest.param(
            {"detectors": [{"name": "names"}, {"name": "names", "cue_score": 0.5}]},
            "detectors[1]",
            "given twice",
            id="duplicate",
        ),
        pytest.param(
            {"detectors": {"deny_list": {"termz": {}}}},
            "detectors.deny_list.termz",
            "Valid keys: terms",
            id="mapping-key-in-error",
        ),
        pytest.param(
            {"detectors": {"deny_list": {"name": "x"}}},
            "detectors.deny_list.name",
            "must not repeat",
            id="name",
        ),
        pytest.param({"detectors": "presidio"}, "detectors", "list of components", id="not-a-list"),
        pytest.param(
            {"detectors": [{"name": "presidio", "score_treshold": 0.5}]},
            "detectors[0].score_treshold",
            "Valid keys",
            id="key-as-the-user-wrote-it",
        ),
    ],
)
def test_merge_errors_name_the_key(source: Any, key: str, fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config(source)
    assert info.value.key == key
    assert fragment in str(info.value)
    assert info.value.example
    yaml.safe_load(info.value.example)


def test_replace_takes_the_lists_as_given() -> None:
    config = load_config({"replace": True, "detectors": [{"name": "deny_list"}]})
    assert _names(config) == ["deny_list"]
    assert _names(config, "normalizers") == DEFAULT_NORMALIZERS  # sections not given keep the defaults
    only = load_config({"replace": ["normalizers"], "normalizers": [{"name": "whitespace"}]})
    assert _names(only, "normalizers") == ["whitespace"]
    assert _names(only) == DEFAULT_DETECTORS


def test_effective_config_round_trips_and_is_marked_complete(tmp_path: Path) -> None:
    config = load_config({"disable": ["presidio"], "detectors": {"deny_list": {"terms": {"x": "PERSON"}}}})
    mapping = config.to_mapping()
    assert mapping["replace"] is True
    path = tmp_path / "effective.yaml"
    path.write_text(config.to_yaml())
    assert load_config(path) == config  # presidio stays disabled: the effective config is complete
    assert Pipeline.from_config(config).config == config


def test_config_show_prints_the_effective_config(tmp_path: Path) -> None:
    path = tmp_path / "deny.yaml"
    path.write_text(DENY_LIST_ONLY)
    result = CliRunner().invoke(app, ["config", "show", "--config", str(path)])
    assert result.exit_code == 0, result.output
    shown = yaml.safe_load(result.stdout)
    assert [block["name"] for block in shown["detectors"]] == [*DEFAULT_DETECTORS, "deny_list"]
    assert shown["replace"] is True


@pytest.mark.slow
def test_a_deny_list_only_config_still_redacts_names_and_phone_numbers(tmp_path: Path) -> None:
    path = tmp_path / "deny.yaml"
    path.write_text(DENY_LIST_ONLY)
    pipe = Pipeline.from_config(path)
    result = pipe.redact(
        "this is john smith from project nightingale call me on five five five one two three four"
    )
    assert result.text is not None
    labels = {entity.label for entity in result.entities}
    assert {"PERSON", "ORGANIZATION", "PHONE_NUMBER"} <= labels, labels
    assert "john" not in result.text
    assert "nightingale" not in result.text
    assert "five five" not in result.text


# -- declarative regex recognizers -------------------------------------------------------------------


def _detect(recognizers: list[dict[str, Any]], text: str) -> list[tuple[str, str, float]]:
    detector = RegexDetector(recognizers=recognizers)  # type: ignore[arg-type]  # YAML-shaped input
    return [(text[e.start : e.end], e.label, e.score) for e in detector.detect(AlignedText.identity(text))]


@pytest.mark.parametrize(
    ("recognizer", "text", "expected"),
    [
        pytest.param(
            {"label": "EMPLOYEE_ID", "pattern": r"E\d{6}"},
            "badge e123456 ok",
            [("e123456", "EMPLOYEE_ID", 0.6)],
            id="case-insensitive-by-default",
        ),
        pytest.param(
            {"label": "EMPLOYEE_ID", "pattern": r"E\d{6}", "ignore_case": False},
            "badge e123456 ok",
            [],
            id="case-sensitive",
        ),
        pytest.param(
            {"label": "EMPLOYEE_ID", "pattern": r"E\d{6}", "context": ["badge"]},
            "badge number E123456",
            [("E123456", "EMPLOYEE_ID", 0.95)],
            id="context-boost",
        ),
        pytest.param(
            {"label": "EMPLOYEE_ID", "pattern": r"E\d{6}", "context": ["badge"], "require_context": True},
            "E123456 and E654321",
            [],
            id="require-context",
        ),
        pytest.param(
            {"label": "TICKET", "pattern": r"\d{4}", "context": ["ticket number"], "context_window": 3},
            "my ticket number is 1234",
            [("1234", "TICKET", pytest.approx(0.95))],
            id="context-phrase",
        ),
        pytest.param(
            {"label": "TICKET", "pattern": r"\d{4}", "context": ["ticket"], "context_window": 1},
            "ticket for the 1234",
            [("1234", "TICKET", 0.6)],
            id="context-outside-window",
        ),
        pytest.param(
            {"label": "CREDIT_CARD", "pattern": r"\d{16}", "validator": "luhn"},
            "4111111111111111 4111111111111112",
            [("4111111111111111", "CREDIT_CARD", 0.6)],
            id="luhn",
        ),
        pytest.param(
            {"label": "IBAN_CODE", "pattern": r"[a-z]{2}\d{2}[a-z0-9]{11,30}", "validator": "iban"},
            "GB82WEST12345698765432 GB82WEST12345698765433",
            [("GB82WEST12345698765432", "IBAN_CODE", 0.6)],
            id="iban",
        ),
        pytest.param(
            {"label": "US_BANK_NUMBER", "pattern": r"\d{9}", "validator": "aba_routing"},
            "011000015 011000016",
            [("011000015", "US_BANK_NUMBER", 0.6)],
            id="aba-routing",
        ),
        pytest.param(
            {"label": "US_SSN", "pattern": r"\d{3}-\d{2}-\d{4}", "validator": "us_ssn"},
            "123-45-6789 666-45-6789 123-00-6789 078-05-1120",
            [("123-45-6789", "US_SSN", 0.6)],
            id="us-ssn",
        ),
        pytest.param(
            {
                "label": "CODE",
                "patterns": [{"regex": r"ab\d", "score": 0.3}, {"regex": r"cd\d"}],
                "score": 0.7,
            },
            "ab1 cd2 xab3",
            [("ab1", "CODE", 0.3), ("cd2", "CODE", 0.7)],
            id="several-patterns-whole-words",
        ),
    ],
)
def test_regex_recognizer_cases(recognizer: dict[str, Any], text: str, expected: list[Any]) -> None:
    assert _detect([recognizer], text) == expected


@pytest.mark.parametrize(
    ("recognizer", "fragment"),
    [
        pytest.param({"label": "X", "pattern": "a(b"}, "not a valid regular expression", id="bad-regex"),
        pytest.param({"label": "X"}, "exactly one of `pattern`", id="no-pattern"),
        pytest.param({"label": "X", "pattern": "a", "validator": "luhnn"}, "luhn", id="bad-validator"),
        pytest.param({"label": "employee id", "pattern": "a"}, "label", id="bad-label"),
        pytest.param({"label": "X", "pattern": "a", "scroe": 1}, "scroe", id="unknown-key"),
    ],
)
def test_regex_recognizer_errors_are_config_errors(recognizer: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ConfigError) as info:
        load_config({"detectors": {"regex": {"recognizers": [recognizer]}}})
    assert fragment in str(info.value)
    assert (info.value.key or "").startswith("detectors.regex.recognizers")


def test_one_regex_recognizer_is_a_three_line_config(tmp_path: Path) -> None:
    path = tmp_path / "regex.yaml"
    path.write_text(
        "detectors:\n  regex:\n    recognizers: [{label: ACCOUNT_NUMBER, pattern: 'E ?\\d{6}'}]\n"
    )
    assert len(path.read_text().splitlines()) == 3
    config = load_config(path)
    assert _names(config) == [*DEFAULT_DETECTORS, "regex"]
    # the regex detector alone, on the normalized text: spoken digits are matched and mapped back
    pipe = Pipeline.from_config(
        {
            "replace": ["detectors"],
            "detectors": {"regex": config.detectors[-1].params},
            "disable": ["truecase"],
        }
    )
    result = pipe.redact("my id is e one two three four five six thanks")
    assert result.text == "my id is [ACCOUNT_NUMBER] thanks"


def test_regex_labels_are_checked_against_the_label_registry() -> None:
    recognizer = {"label": "EMPLOYE_ID", "pattern": r"E\d{6}"}
    with pytest.raises(ConfigError) as info:
        load_config({"detectors": {"regex": {"recognizers": [recognizer]}}})
    assert info.value.key == "detectors.regex.recognizers[0].label"
    assert "unknown label 'EMPLOYE_ID'" in str(info.value)
    # a label of your own is registered under labels:
    config = load_config(
        {
            "labels": {"EMPLOYEE_ID": {"description": "A staff number.", "category": "direct_identifier"}},
            "detectors": {"regex": {"recognizers": [{"label": "EMPLOYEE_ID", "pattern": r"E\d{6}"}]}},
        }
    )
    assert config.detectors[-1].params["recognizers"][0]["label"] == "EMPLOYEE_ID"
    assert "EMPLOYEE_ID" in config.labels
