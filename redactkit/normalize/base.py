"""The normalizer contract: texts in, :class:`~redactkit.core.AlignedText` out."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence

from ..core import AlignedText
from ..registry import Component, Registry

__all__ = ["Normalizer", "normalizers"]


class Normalizer(Component):
    """Rewrites transcript text into the form detectors expect, keeping an exact alignment.

    Implement :meth:`normalize_batch`; it receives the *current* text of each item (the output of
    the previous normalizer) and returns one :class:`AlignedText` per item whose ``original`` is that
    text. The pipeline composes the alignments, so a normalizer never needs to know about the ones
    before it. Normalizers must be deterministic.
    """

    @abstractmethod
    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        """Normalize every text of the batch; ``result[i].original == texts[i]``."""

    def normalize(self, text: str) -> AlignedText:
        """Single-item convenience wrapper over :meth:`normalize_batch`."""
        return self.normalize_batch([text])[0]


#: Normalizers by config name.
normalizers: Registry[Normalizer] = Registry("normalizer")
