"""Shared fixtures: a model-free test pipeline and a session-wide default pipeline."""

from __future__ import annotations

import re
from collections.abc import Sequence

import pytest

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.core import AlignedText, Entity
from redactkit.detect import Detector, detectors
from redactkit.normalize import WhitespaceNormalizer


@detectors.register("test_regex")
class RegexDetector(Detector):
    """A model-free detector for tests: every match of ``pattern`` is an entity of ``label``."""

    def __init__(self, pattern: str = r"\d{3}-\d{4}", label: str = "PHONE_NUMBER", score: float = 0.9) -> None:
        self.pattern = pattern
        self.label = label
        self.score = score
        self._regex = re.compile(pattern)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        return [
            [
                Entity(m.start(), m.end(), self.label, self.score, self.name, f"matched {self.label} pattern")
                for m in self._regex.finditer(aligned.text)
            ]
            for aligned in texts
        ]


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
