"""Map spans between two renderings of one utterance, word by word.

The training corpora come as a cased ``_written`` text and a lowercase ``_spoken`` (ASR-style)
rendering of it. The cased model labels the written text well; those silver spans have to land on the
spoken words that were rendered from them. Both texts are cut into words (letters, digits and inner
apostrophes, lowercased) and aligned with a longest-matching-block diff. Each aligned unit is either
one identical word or one replaced block ("23rd" -> "twenty third"); a span maps only when it starts
at the start of a unit and ends at the end of one. A span that cuts through a replaced block cannot be
mapped exactly and is dropped, never guessed.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

__all__ = ["WordAligner", "words"]

# a possessive "'s" is a word of its own, so a name before it can be cut off cleanly ("Smith's")
_WORD = re.compile(r"'s\b|[^\W_]+(?:'(?!s\b)[^\W_]+)*")


def words(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, lowercased word)`` for each word of ``text``."""
    return [(m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text)]


class WordAligner:
    """Word alignment of ``source`` onto ``target``; maps character spans of source into target."""

    def __init__(self, source: str, target: str) -> None:
        self.source_words = words(source)
        self.target_words = words(target)
        matcher = SequenceMatcher(
            None,
            [w for _, _, w in self.source_words],
            [w for _, _, w in self.target_words],
            autojunk=False,
        )
        # unit per source word: (first source word, last source word + 1, first target, last target + 1)
        self._unit_of: list[tuple[int, int, int, int] | None] = [None] * len(self.source_words)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for offset in range(i2 - i1):
                    self._unit_of[i1 + offset] = (i1 + offset, i1 + offset + 1, j1 + offset, j1 + offset + 1)
            elif tag == "replace":
                for index in range(i1, i2):
                    self._unit_of[index] = (i1, i2, j1, j2)
            # "delete": source words with no rendering stay unmapped

    def map_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Target character span for the source span ``[start, end)``, or None if it cannot be mapped."""
        inside = [i for i, (s, e, _) in enumerate(self.source_words) if s >= start and e <= end]
        if not inside:
            return None
        first, last = inside[0], inside[-1]
        # words only partly inside the span ("Smith's" with the span on "Smith") are no clean cut
        for s, e, _ in self.source_words:
            if s < start < e or s < end < e:
                return None
        first_unit, last_unit = self._unit_of[first], self._unit_of[last]
        if first_unit is None or last_unit is None:
            return None
        if first_unit[0] != first or last_unit[1] != last + 1:
            return None
        if first_unit[2] >= last_unit[3]:
            return None
        target_start = self.target_words[first_unit[2]][0]
        target_end = self.target_words[last_unit[3] - 1][1]
        return target_start, target_end
