"""Shared fixtures: a model-free test pipeline and a session-wide default pipeline."""

from __future__ import annotations

import pytest
from _support import RegexDetector

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.normalize import WhitespaceNormalizer


@pytest.fixture
def regex_pipeline() -> Pipeline:
    """Whitespace normalizer -> two regex detectors -> tag anonymizer; loads no model."""
    return Pipeline(
        normalizers=[WhitespaceNormalizer()],
        detectors=[
            RegexDetector(),
            RegexDetector(pattern=r"\b(?:alice|bob)(?: \w+)?", label="PERSON", score=0.8),
        ],
        anonymizer=TagAnonymizer(),
        batch_size=3,
    )


@pytest.fixture(scope="session")
def default_pipeline() -> Pipeline:
    """The shipped default pipeline, loaded once for the whole test session."""
    return Pipeline.default()
