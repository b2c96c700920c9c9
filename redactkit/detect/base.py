"""The detector contract: aligned texts in, entities per text out."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence

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
    """

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
