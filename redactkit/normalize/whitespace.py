"""Collapse runs of whitespace: ASR output and CSV exports are full of doubled spaces and tabs."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core import AlignedText, AlignmentBuilder
from .base import Normalizer, normalizers

__all__ = ["WhitespaceNormalizer"]

_RUN = re.compile(r"\s{2,}|[^\S ]")


@normalizers.register("whitespace")
class WhitespaceNormalizer(Normalizer):
    """Turn every run of whitespace (tabs, newlines, doubled spaces) into one space.

    Detectors' patterns and the NER model expect single spaces; the alignment keeps the original
    offsets, so the redaction still covers the original characters.
    """

    def __init__(self, collapse_newlines: bool = True) -> None:
        #: also collapse newlines (off keeps line structure for multi-line transcripts)
        self.collapse_newlines = collapse_newlines

    def normalize_batch(self, texts: Sequence[str]) -> list[AlignedText]:
        return [self._normalize_one(text) for text in texts]

    def _normalize_one(self, text: str) -> AlignedText:
        builder: AlignmentBuilder | None = None
        for match in _RUN.finditer(text):
            run = match.group()
            if not self.collapse_newlines and "\n" in run:
                continue
            if run == " ":
                continue
            if builder is None:
                builder = AlignmentBuilder(text)
            builder.replace(match.start(), match.end(), " ", rule="whitespace")
        return AlignedText.identity(text) if builder is None else builder.build()
