"""The detector contract: aligned texts in, entities per text out."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from ..core import AlignedText, Entity
from ..registry import Component, Registry

__all__ = ["Detector", "detectors"]


class Detector(Component):
    """Finds PII in normalized text.

    Implement :meth:`detect_batch`. Entities are returned in offsets of ``aligned.text`` (the
    normalized text); the pipeline maps them back to the original transcript, so a detector never
    deals with alignment. ``aligned.original`` is there for detectors that want the raw form too
    (returning offsets into it is not allowed: map through ``aligned`` first).

    Heavy resources (models) are loaded lazily, once per process, on the first batch.

    Every detector declares the labels it can emit: ``emits`` lists them for the default
    parameters (the label reference is generated from it); :meth:`emitted_labels` gives them for
    this instance's parameters. Both must be registered labels (:mod:`redactkit.labels`).
    """

    #: the labels this detector emits with its default parameters
    emits: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        """By default a detector emits its ``emits`` labels whatever its parameters."""
        return [("name", label) for label in cls.emits]

    def emitted_labels(self) -> frozenset[str]:
        """The labels this instance can emit (every entity's label is one of them)."""
        return frozenset(label for _, label in self.label_references(self.get_params()))

    @abstractmethod
    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        """Detect entities in every text of the batch, in the order given."""

    def detect(self, text: AlignedText) -> list[Entity]:
        """Single-item convenience wrapper over :meth:`detect_batch`."""
        return self.detect_batch([text])[0]

    @property
    def name(self) -> str:
        """The name entities carry in their ``detector`` field."""
        return self.component_name or type(self).__name__


#: Detectors by config name.
detectors: Registry[Detector] = Registry("detector")
