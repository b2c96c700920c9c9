"""Terms that are always redacted, whatever the other detectors think (a deny list)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from ..core import AlignedText, Entity
from .base import Detector, detectors

__all__ = ["DenyListDetector"]


@detectors.register("deny_list")
class DenyListDetector(Detector):
    """Redact every occurrence of the configured terms (case-insensitive, whole words).

    Use it for names the models miss (a product code name, a customer's nickname): ``terms`` maps
    each term to the label it is reported and redacted as.
    """

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        # keyed by position: a term may itself be a name, and errors never show PII
        return [
            (f"terms[{index}]", label) for index, label in enumerate((params.get("terms") or {}).values())
        ]

    def __init__(self, terms: Mapping[str, str] | None = None, whole_words: bool = True) -> None:
        #: term -> label, e.g. {"project nightingale": "ORGANIZATION"}
        self.terms = dict(terms or {})
        #: match only whole words ("ann" does not match inside "annual")
        self.whole_words = whole_words
        if any(not term.strip() for term in self.terms):
            raise ValueError("terms must not be empty strings")
        before, after = (r"(?<!\w)", r"(?!\w)") if whole_words else ("", "")
        self._patterns = [
            (re.compile(before + re.escape(term.strip()) + after, re.IGNORECASE), label)
            for term, label in sorted(self.terms.items(), key=lambda item: -len(item[0]))
        ]

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        if not self._patterns:
            return [[] for _ in texts]
        return [
            [
                Entity(match.start(), match.end(), label, 1.0, self.name, "term on the deny list")
                for pattern, label in self._patterns
                for match in pattern.finditer(aligned.text)
            ]
            for aligned in texts
        ]
