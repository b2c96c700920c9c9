"""Principle 5: no transcript text in logs, errors, exceptions or reports."""

from __future__ import annotations

import logging
from collections.abc import Sequence

import pytest
from _support import RegexDetector

import redactkit
from redactkit import Pipeline, RedactkitError
from redactkit.anonymize import TagAnonymizer
from redactkit.core import AlignedText, Entity

MARKER = "zxqvbnmarker"
TEXTS = [
    f"My name is John {MARKER.title()} and my email is {MARKER}@example.com",
    f"call {MARKER} on 212-555-0142",
    None,
    "",
]


@pytest.mark.slow
def test_default_pipeline_logs_no_text(default_pipeline: Pipeline, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        root = logging.getLogger()
        previous = root.level
        root.setLevel(logging.DEBUG)
        try:
            results = default_pipeline.redact_batch(TEXTS)
            Pipeline.from_config(None).redact_batch(TEXTS)
        finally:
            root.setLevel(previous)
    assert len(results) == len(TEXTS)
    assert any(r.name == "redactkit" for r in caplog.records), "expected redactkit's debug lines"
    for record in caplog.records:
        assert MARKER not in record.getMessage().lower()


def test_third_party_debug_logs_can_be_allowed_explicitly(
    default_pipeline: Pipeline, caplog: pytest.LogCaptureFixture
) -> None:
    logger = logging.getLogger("presidio-analyzer")
    redactkit.allow_third_party_debug_logs()
    try:
        with caplog.at_level(logging.DEBUG, logger="presidio-analyzer"):
            logger.debug("context words visible")
        assert any("context words visible" in r.getMessage() for r in caplog.records)
    finally:
        redactkit.install_pii_safe_log_filters()
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="presidio-analyzer"):
        logger.debug("context words hidden")
    assert not caplog.records


class ExplodingDetector(RegexDetector):
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        raise ValueError(f"cannot parse {texts[0].text!r}")


class LeakyExplanationDetector(RegexDetector):
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [[Entity(0, 4, "PERSON", 1.0, "leaky", "looked like a name")] for _ in texts]


def test_errors_carry_no_text_and_no_cause() -> None:
    pipe = Pipeline(detectors=[ExplodingDetector()], anonymizer=TagAnonymizer())
    with pytest.raises(RedactkitError) as info:
        pipe.redact_batch([TEXTS[1]])
    assert MARKER not in str(info.value)
    assert info.value.__cause__ is None
    assert info.value.__context__ is None  # not even the suppressed original is kept


def test_results_do_not_store_original_values() -> None:
    pipe = Pipeline(detectors=[LeakyExplanationDetector()], anonymizer=TagAnonymizer())
    result = pipe.redact(f"{MARKER} is here")
    assert MARKER not in repr(result)
