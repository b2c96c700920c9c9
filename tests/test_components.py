"""One conformance suite run over every registered component (scikit-learn style)."""

from __future__ import annotations

import inspect

import pytest
import yaml

from redactkit.anonymize import anonymizers
from redactkit.core import AlignedText, Entity, RedactionResult
from redactkit.detect import detectors
from redactkit.normalize import normalizers
from redactkit.registry import Component, example_yaml, params_model, validate_params

ALL = [
    *(("normalizer", name, normalizers.get(name)) for name in normalizers.names()),
    *(("detector", name, detectors.get(name)) for name in detectors.names()),
    *(("anonymizer", name, anonymizers.get(name)) for name in anonymizers.names()),
]
IDS = [f"{kind}:{name}" for kind, name, _ in ALL]


@pytest.mark.parametrize(("kind", "name", "cls"), ALL, ids=IDS)
def test_parameters_are_the_constructor_arguments(kind: str, name: str, cls: type[Component]) -> None:
    constructor = [p for p in inspect.signature(cls.__init__).parameters if p != "self"]
    assert list(params_model(cls).model_fields) == constructor
    assert cls.component_name == name


@pytest.mark.parametrize(("kind", "name", "cls"), ALL, ids=IDS)
def test_default_instance_reports_params_that_rebuild_it(kind: str, name: str, cls: type[Component]) -> None:
    instance = cls()
    params = instance.get_params()
    assert list(params) == list(params_model(cls).model_fields)
    rebuilt = cls(**validate_params(cls, params, key=name))
    assert rebuilt.get_params() == params
    # plain data: survives YAML
    assert yaml.safe_load(yaml.safe_dump(params)) == params


@pytest.mark.parametrize(("kind", "name", "cls"), ALL, ids=IDS)
def test_example_yaml_is_valid(kind: str, name: str, cls: type[Component]) -> None:
    block = yaml.safe_load(example_yaml(cls))
    assert block.pop("name") == name
    validate_params(cls, block, key=name)


@pytest.mark.parametrize(("kind", "name", "cls"), ALL, ids=IDS)
def test_batch_methods_handle_empty_batches_and_single_items_wrap_them(
    kind: str, name: str, cls: type[Component]
) -> None:
    instance = cls()
    text = "call bob at 555-0100"
    if kind == "normalizer":
        assert instance.normalize_batch([]) == []  # type: ignore[attr-defined]
        single = instance.normalize(text)  # type: ignore[attr-defined]
        assert isinstance(single, AlignedText)
        assert single.original == text
    elif kind == "detector":
        if name == "presidio":
            pytest.skip("model-backed; covered in test_presidio_detector.py")
        assert instance.detect_batch([]) == []  # type: ignore[attr-defined]
        assert (
            instance.detect(AlignedText.identity(text))
            == instance.detect_batch(  # type: ignore[attr-defined]
                [AlignedText.identity(text)]
            )[0]
        )
    else:
        assert instance.anonymize_batch([], []) == []  # type: ignore[attr-defined]
        entity = Entity(12, 20, "PHONE_NUMBER", 0.9, "test", "why")
        single = instance.anonymize(text, [entity])  # type: ignore[attr-defined]
        assert isinstance(single, RedactionResult)
        assert single == instance.anonymize_batch([text], [[entity]])[0]  # type: ignore[attr-defined]
        assert "555-0100" not in (single.text or "")
        (redacted,) = single.entities
        assert (redacted.start, redacted.end) == (12, 20)
        assert single.text is not None
        assert single.text[: redacted.redacted_start] == text[:12]


def test_unknown_constructor_keyword_is_rejected() -> None:
    with pytest.raises(TypeError):
        anonymizers.get("tag")(formatt="x")  # type: ignore[call-arg]
