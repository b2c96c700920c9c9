"""The default pipeline around Presidio, with the installed spaCy model (no network)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from redactkit import Pipeline
from redactkit.core import AlignedText
from redactkit.detect import PresidioDetector
from redactkit.detect.spacy_models import load_spacy_model, resolve_model_path
from redactkit.errors import ConfigError, ModelNotFoundError

pytestmark = pytest.mark.slow


def test_acceptance_example(default_pipeline: Pipeline) -> None:
    text = "My name is John Smith, email john@example.com"
    result = default_pipeline.redact(text)
    assert result.text == "My name is [PERSON], email [EMAIL_ADDRESS]"
    found = {(e.label, text[e.start : e.end]) for e in result.entities}
    assert found == {("PERSON", "John Smith"), ("EMAIL_ADDRESS", "john@example.com")}
    for entity in result.entities:
        assert 0 <= entity.start < entity.end <= len(text)
        assert entity.detector
        assert entity.explanation


@pytest.mark.parametrize(
    ("text", "label", "value"),
    [
        ("Please call 212-555-0142 tomorrow.", "PHONE_NUMBER", "212-555-0142"),
        ("My card is 4111 1111 1111 1111.", "CREDIT_CARD", "4111 1111 1111 1111"),
        ("The server is at 192.168.10.24 today.", "IP_ADDRESS", "192.168.10.24"),
        ("Send it to maria.garcia@example.org please.", "EMAIL_ADDRESS", "maria.garcia@example.org"),
        ("Transfer to GB33BUKB20201555555555 now.", "IBAN_CODE", "GB33BUKB20201555555555"),
    ],
)
def test_written_form_pii_is_found(default_pipeline: Pipeline, text: str, label: str, value: str) -> None:
    entities = default_pipeline.analyze(text)
    assert (label, value) in {(e.label, text[e.start : e.end]) for e in entities}


def test_batch_equals_single_item_calls(default_pipeline: Pipeline) -> None:
    texts = [
        "Call Maria Garcia at 212-555-0142.",
        None,
        "set a timer for five minutes",
        "",
        "Email John Smith at john@example.com",
    ]
    assert default_pipeline.redact_batch(texts) == [default_pipeline.redact(t) for t in texts]


def test_detector_batch_and_single_agree() -> None:
    detector = PresidioDetector()
    texts = [AlignedText.identity(t) for t in ["Call Maria Garcia at 212-555-0142.", "   ", "hello"]]
    assert detector.detect_batch(texts) == [detector.detect(t) for t in texts]
    assert detector.detect_batch(texts)[1] == []


def test_model_is_loaded_once_and_only_ner_runs() -> None:
    first = load_spacy_model("en_core_web_md")
    assert load_spacy_model("en_core_web_md") is first
    assert first.pipe_names == ["ner"]


def test_missing_model_names_the_fix() -> None:
    with pytest.raises(ModelNotFoundError, match=r"does not download models.*make setup"):
        resolve_model_path("xx_no_such_model")
    with pytest.raises(ModelNotFoundError):
        PresidioDetector(model="xx_no_such_model")


def test_misspelled_entity_type_fails_closed() -> None:
    detector = PresidioDetector(entities=("PERSON", "PHONE"))
    with pytest.raises(ConfigError, match=r"unknown Presidio entity type\(s\) PHONE"):
        detector.detect(AlignedText.identity("call 212-555-0142"))


def test_small_model_can_be_selected_in_one_line() -> None:
    pipe = Pipeline.from_config(
        {"replace": ["detectors"], "detectors": [{"name": "presidio", "model": "en_core_web_sm"}]}
    )
    result = pipe.redact("Email john@example.com now")
    assert result.text is not None
    assert result.text.endswith("[EMAIL_ADDRESS] now")
    assert load_spacy_model("en_core_web_sm").meta["name"].startswith("core_web_sm")


def test_no_network_is_used() -> None:
    """Build the default pipeline and redact an e-mail with every socket connection refused."""
    code = textwrap.dedent(
        """
        import socket
        def refuse(*args, **kwargs):
            raise OSError("network disabled by test")
        socket.socket.connect = refuse
        socket.create_connection = refuse
        import redactkit
        pipe = redactkit.Pipeline.default()
        result = pipe.redact("Write to john.smith@example.co.uk or visit https://example.com/x")
        print(result.text)
        """
    )
    completed = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stderr[-2000:]
    assert "john.smith@example.co.uk" not in completed.stdout
    assert "[EMAIL_ADDRESS]" in completed.stdout


@pytest.mark.parametrize(
    ("entities", "text", "labels"),
    [
        # the e-mail recognizer is skipped without an "@", and nothing else is asked for instead
        (("EMAIL_ADDRESS",), "my ssn is 536-22-8726 and my site is example.com", set()),
        (("EMAIL_ADDRESS",), "write to ana.lopez@example.org", {"EMAIL_ADDRESS"}),
        # URL and IP need a dot (or an IPv6 colon); the other entities still run on the text
        (("URL", "IP_ADDRESS", "US_SSN"), "my ssn is 536-22-8726", {"US_SSN"}),
        (("URL", "IP_ADDRESS"), "see example.com from 10.0.0.12", {"URL", "IP_ADDRESS"}),
        (("IP_ADDRESS",), "the host is fe80::1ff:fe23:4567:890a", {"IP_ADDRESS"}),
    ],
)
def test_recognizers_that_cannot_match_a_text_are_skipped_without_changing_results(
    entities: tuple[str, ...], text: str, labels: set[str]
) -> None:
    detector = PresidioDetector(entities=entities)
    found = detector.detect_batch([AlignedText.identity(text)])[0]
    assert {entity.label for entity in found} == labels
