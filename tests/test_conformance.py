"""Every registered component passes the exported conformance suite (redactkit.testing)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from redactkit.anonymize import anonymizers
from redactkit.core import AlignedText, Entity
from redactkit.detect import Detector, detectors
from redactkit.normalize import normalizers
from redactkit.registry import Component
from redactkit.testing import check_linear_time, count_python_lines, parametrize_with_checks

MODEL_BACKED = {"ner", "presidio"}


def _shipped(registry: Any, *, models: bool) -> list[Component]:
    return [
        registry.get(name)()
        for name in registry.names()
        if registry.get(name).__module__.startswith("redactkit.") and (name in MODEL_BACKED) == models
    ]


COMPONENTS = [
    *_shipped(normalizers, models=False),
    *_shipped(detectors, models=False),
    *_shipped(anonymizers, models=False),
]


@parametrize_with_checks(COMPONENTS)
def test_components_conform(component: Component, check: Callable[[Component], None]) -> None:
    check(component)


@pytest.mark.slow
@parametrize_with_checks(_shipped(detectors, models=True))
def test_model_backed_detectors_conform(component: Component, check: Callable[[Component], None]) -> None:
    check(component)


class _QuadraticDetector(Detector):
    """Looks every token up by a linear search from the start: quadratic in the text's length."""

    emits = ("PERSON",)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        found: list[list[Entity]] = []
        for aligned in texts:
            words = aligned.text.split()
            seen = 0
            for index in range(len(words)):
                for other in words[:index]:  # a Python loop over everything before
                    seen += other == words[index]
            found.append([])
        return found


def test_the_linear_time_check_catches_quadratic_work() -> None:
    with pytest.raises(AssertionError, match="super-linear"):
        check_linear_time(_QuadraticDetector())
    check_linear_time(detectors.get("names")())  # and passes a linear one


def test_work_is_counted_not_timed() -> None:
    calls = [count_python_lines(lambda: sum(i for i in range(1000))) for _ in range(3)]
    assert calls[0] == calls[1] == calls[2] > 1000  # the same count on every run


def test_the_linear_time_check_maps_through_a_real_alignment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Detectors are checked on normalized text: a per-span scan of every alignment segment (what
    AlignedText.to_derived did) is quadratic in a long transcript and must be caught."""
    from redactkit.core import AlignedText

    detector = detectors.get("contextual")()
    check_linear_time(detector)
    monkeypatch.setattr(AlignedText, "_segment_range", lambda self, start, end: (0, len(self._segments)))
    with pytest.raises(AssertionError, match="super-linear"):
        check_linear_time(detector)
