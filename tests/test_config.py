"""Configuration: YAML <-> pydantic <-> constructor arguments, and errors that name the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from redactkit import ConfigError, Pipeline
from redactkit.config import PipelineConfig, default_config_path, load_config


def test_default_yaml_is_the_default_config() -> None:
    shipped = yaml.safe_load(default_config_path().read_text())
    assert load_config(None).to_mapping() == load_config(shipped).to_mapping()
    assert load_config({}).to_mapping() == load_config(None).to_mapping()


def test_partial_config_takes_defaults_for_missing_keys() -> None:
    config = load_config({"anonymizer": {"name": "tag", "format": "<{label}>"}})
    assert config.anonymizer.params == {"format": "<{label}>"}
    assert [spec.name for spec in config.detectors] == [
        "identifiers",
        "contextual",
        "names",
        "places",
        "addresses",
        "organizations",
        "ner",
        "spelled",
        "special",
        "presidio",
    ]


def test_component_defaults_are_filled_in() -> None:
    config = load_config({"replace": True, "detectors": [{"name": "presidio"}]})
    params = config.detectors[0].params
    assert params["model"] == "en_core_web_md"
    assert params["score_threshold"] == 0.3


def test_yaml_round_trip(tmp_path: Path) -> None:
    config = load_config(None)
    path = tmp_path / "policy.yaml"
    path.write_text(config.to_yaml())
    assert load_config(path) == config
    assert load_config(path).fingerprint() == config.fingerprint()


def test_pipeline_config_round_trips_through_constructor_arguments() -> None:
    pipe = Pipeline.from_config({"anonymizer": {"name": "tag", "format": "{{{label}}}"}})
    assert pipe.config == load_config(pipe.config)
    rebuilt = Pipeline.from_config(pipe.config)
    assert rebuilt.config == pipe.config
    assert rebuilt.anonymizer.get_params() == {"format": "{{{label}}}"}


def _error(source: Any) -> ConfigError:
    with pytest.raises(ConfigError) as info:
        load_config(source)
    return info.value


@pytest.mark.parametrize(
    ("source", "key", "fragment"),
    [
        pytest.param({"detectorz": []}, "detectorz", "Valid top-level keys", id="unknown-top-level-key"),
        pytest.param({"batch_size": 0}, "batch_size", "greater than or equal to 1", id="bad-top-level-value"),
        pytest.param({"batch_size": "many"}, "batch_size", "valid integer", id="wrong-type"),
        pytest.param({"replace": True, "detectors": []}, "detectors", "at least 1", id="no-detectors"),
        pytest.param(
            {"detectors": [{"name": "presidio", "score_treshold": 0.5}]},
            "detectors[0].score_treshold",
            "Valid keys: model, language",
            id="unknown-component-key",
        ),
        pytest.param(
            {"detectors": [{"name": "presidio", "score_threshold": "high"}]},
            "detectors[0].score_threshold",
            "valid number",
            id="bad-component-value",
        ),
        pytest.param(
            {"detectors": [{"name": "presidioo"}]},
            "detectors[0].name",
            "did you mean 'presidio'",
            id="unknown-component",
        ),
        pytest.param(
            {"normalizers": [{"name": "whitespace", "collapse_newlines": "sometimes"}]},
            "normalizers[0].collapse_newlines",
            "valid boolean",
            id="bad-normalizer-value",
        ),
        pytest.param(
            {"replace": True, "anonymizer": {"format": "[{label}]"}},
            "anonymizer.name",
            "Field required",
            id="no-name",
        ),
        pytest.param(
            {"detectors": [{"name": "presidio", "score_threshold": 1.5}]},
            "detectors[0].score_threshold",
            "less than or equal to 1",
            id="threshold-out-of-range",
        ),
        pytest.param(
            {"detectors": [{"name": "presidio", "batch_size": 0}]},
            "detectors[0].batch_size",
            "greater than or equal to 1",
            id="component-batch-size-zero",
        ),
        # a key taking a mapping or a word: the key itself, and every kind of value it takes
        pytest.param(
            {"detectors": [{"name": "ner", "labels": "identifiers"}]},
            "detectors[0].labels",
            "valid dictionary; or Input should be 'names'",
            id="ner-labels-neither-map-nor-names",
        ),
        pytest.param(
            {"detectors": [{"name": "ner", "labels": ["PERSON"]}]},
            "detectors[0].labels",
            "Input should be 'names'",
            id="ner-labels-list",
        ),
    ],
)
def test_config_errors_name_the_key_and_show_an_example(source: Any, key: str, fragment: str) -> None:
    error = _error(source)
    assert error.key == key
    assert fragment in str(error)
    assert "A valid example:" in str(error)
    assert error.example
    # the example itself is valid YAML
    assert yaml.safe_load(error.example) is not None


def test_config_file_errors_name_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    assert str(missing) in str(_error(missing))
    broken = tmp_path / "broken.yaml"
    broken.write_text("detectors: [\n  - name: presidio\n")
    assert "line" in str(_error(broken))
    assert str(broken) in str(_error(broken))
    not_mapping = tmp_path / "list.yaml"
    not_mapping.write_text("- a\n- b\n")
    assert "mapping" in str(_error(not_mapping))
    bad_key = tmp_path / "bad.yaml"
    bad_key.write_text("detectors:\n  - name: presidio\n    modle: x\n")
    error = _error(bad_key)
    assert error.source == str(bad_key)
    assert error.key == "detectors[0].modle"


@pytest.mark.parametrize("template", ["[{kind}]", "", "[{label"])
def test_constructor_value_errors_are_config_errors(template: str) -> None:
    with pytest.raises(ConfigError, match=r"format") as info:
        Pipeline.from_config({"anonymizer": {"name": "tag", "format": template}})
    assert info.value.key == "anonymizer"


def test_config_is_immutable() -> None:
    config = load_config(None)
    with pytest.raises(Exception, match="frozen"):
        config.batch_size = 3  # type: ignore[misc]
    assert isinstance(config, PipelineConfig)
