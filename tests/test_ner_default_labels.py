"""The default ``ner`` detector runs the shipped adapted weights kept to names, places and
organisations, and a configuration that names weights of the user's own still reports the labels
those weights learnt (review42 M1: a block ``{name: ner, ner_weights: DIR}`` merged with the
defaults must not silently drop them).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from redactkit.config import load_config
from redactkit.detect.ner import SpacyNerDetector
from redactkit.detect.spacy_models import BUILTIN_NER_WEIGHTS, read_ner_weights
from redactkit.pipeline import Pipeline

NAMES = {"PERSON": "PERSON", "GPE": "LOCATION", "LOC": "LOCATION", "FAC": "LOCATION", "ORG": "ORGANIZATION"}


def _ner_spec(config_source: object) -> dict[str, object]:
    config = load_config(config_source)  # type: ignore[arg-type]
    (spec,) = [spec for spec in config.detectors if spec.name == "ner"]
    return dict(spec.params)


def test_the_default_runs_the_builtin_weights_with_names_places_and_organisations() -> None:
    params = _ner_spec(None)
    assert params["ner_weights"] == "builtin"
    assert params["labels"] is None
    detector = SpacyNerDetector(**params)  # type: ignore[arg-type]
    assert detector._labels == NAMES
    assert detector.emitted_labels() == {"PERSON", "LOCATION", "ORGANIZATION"}
    # the shipped weights learnt ADDRESS too: the addresses detector reports addresses
    assert read_ner_weights("builtin").meta["label_map"].get("ADDRESS") == "ADDRESS"


def test_weights_of_your_own_report_their_labels_through_the_default_block(tmp_path: Path) -> None:
    own = tmp_path / "ner-ours"
    shutil.copytree(BUILTIN_NER_WEIGHTS, own)  # a directory like `redactkit train` writes
    params = _ner_spec({"detectors": [{"name": "ner", "ner_weights": str(own)}]})
    assert params["labels"] is None  # merged with the default: nothing switched off
    detector = SpacyNerDetector(**params)  # type: ignore[arg-type]
    assert detector._labels == {**NAMES, "ADDRESS": "ADDRESS"}
    assert "ADDRESS" in detector.emitted_labels()
    # labels: names keeps them to the stock map, whatever they declare
    names_only = SpacyNerDetector(ner_weights=str(own), labels="names")
    assert names_only._labels == NAMES


def test_the_stock_recognizer_stays_one_word_away() -> None:
    params = _ner_spec({"detectors": [{"name": "ner", "ner_weights": "none"}]})
    detector = SpacyNerDetector(**params)  # type: ignore[arg-type]
    assert detector._weights is None
    assert detector._labels == NAMES


def test_the_default_pipeline_finds_names_and_places_on_lowercase_speech(default_pipeline: Pipeline) -> None:
    text = "can you ask thomasina to book a room in tashkent"
    found = {(text[e.start : e.end], e.label) for e in default_pipeline.analyze(text)}
    assert ("thomasina", "PERSON") in found
    assert ("tashkent", "LOCATION") in found
    assert default_pipeline.analyze("set a timer for twenty minutes and play some jazz") == []
