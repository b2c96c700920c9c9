"""Every registered component passes the exported conformance suite (redactkit.testing)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from redactkit.anonymize import anonymizers
from redactkit.detect import detectors
from redactkit.normalize import normalizers
from redactkit.registry import Component
from redactkit.testing import parametrize_with_checks

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
