"""Model-free components shared by the tests."""

from __future__ import annotations

import re
import time
from collections.abc import Sequence

from redactkit.core import AlignedText, Entity
from redactkit.detect import Detector, detectors

__all__ = ["ExplodingDetector", "RegexDetector", "SlowDetector"]


@detectors.register("test_regex")
class RegexDetector(Detector):
    """A model-free detector for tests: every match of ``pattern`` is an entity of ``label``."""

    def __init__(
        self, pattern: str = r"\d{3}-\d{4}", label: str = "PHONE_NUMBER", score: float = 0.9
    ) -> None:
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


@detectors.register("test_explode")
class ExplodingDetector(Detector):
    """Fails on any batch holding a text that contains ``marker``: a stand-in for a crashing model."""

    def __init__(self, marker: str = "boom") -> None:
        self.marker = marker

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        if any(self.marker in aligned.text for aligned in texts):
            raise ValueError("exploding on purpose")
        return [[] for _ in texts]


@detectors.register("test_slow")
class SlowDetector(Detector):
    """Finds nothing, slowly: ``seconds`` per batch, so that a test can kill a run halfway."""

    def __init__(self, seconds: float = 0.05) -> None:
        self.seconds = seconds

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        time.sleep(self.seconds)
        return [[] for _ in texts]
