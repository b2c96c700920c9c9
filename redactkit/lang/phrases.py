"""The one phrase matcher of the rule detectors and normalizers (cue phrases and gazetteers), and the
span helpers around it.

A :class:`PhraseTable` holds lowercase phrases (word tuples) with a value each and finds the longest
one that ends (or starts) at a token, the question every cue lookup asks: "is there a cue right
before this word?", "does a name cue start here?". A lookup costs one set test for most tokens (no
phrase ends with that word) and at most ``longest`` dictionary probes otherwise, so matching a text
is linear in its length. :func:`grow_left` and :func:`grow_right` are the "take the words around a
span while they qualify" loops the detectors share.

>>> from redactkit.lang.tokens import tokenize
>>> cues = PhraseTable.of(["call", "talk to", "meeting with"])
>>> tokens = tokenize("can you talk to maria")
>>> cues.ending_at(tokens, 4)
('talk', 'to')
>>> grow_right(tokens, 3, lambda k: tokens[k].lower.isalpha(), limit=2)
4
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Generic, TypeVar

from .tokens import Token

__all__ = ["PhraseTable", "grow_left", "grow_right"]

V = TypeVar("V")


class PhraseTable(Generic[V]):
    """Phrases (tuples of lowercase words) -> values, looked up by the token where they end or
    start, longest phrase first ("card number" before "number")."""

    __slots__ = ("_first_words", "_last_words", "_values", "longest")

    def __init__(self, values: Mapping[tuple[str, ...], V]) -> None:
        self._values = dict(values)
        #: words in the longest phrase (0 for an empty table)
        self.longest = max((len(phrase) for phrase in self._values), default=0)
        self._last_words = frozenset(phrase[-1] for phrase in self._values)
        self._first_words = frozenset(phrase[0] for phrase in self._values)

    @classmethod
    def of(cls, phrases: Iterable[str | tuple[str, ...]]) -> PhraseTable[tuple[str, ...]]:
        """A table whose values are the phrases themselves (phrases given as strings are split)."""
        tuples = [tuple(p.split()) if isinstance(p, str) else tuple(p) for p in phrases]
        return PhraseTable({phrase: phrase for phrase in tuples if phrase})

    @property
    def phrases(self) -> frozenset[tuple[str, ...]]:
        """Every phrase of the table."""
        return frozenset(self._values)

    def __contains__(self, phrase: object) -> bool:
        return phrase in self._values

    def __len__(self) -> int:
        return len(self._values)

    def get(self, phrase: tuple[str, ...]) -> V | None:
        return self._values.get(phrase)

    def at(self, words: Sequence[str], i: int) -> int:
        """Length of the longest phrase equal to ``words[i:i + n]`` (0: none)."""
        if i >= len(words) or words[i] not in self._first_words:
            return 0
        for length in range(min(self.longest, len(words) - i), 0, -1):
            if tuple(words[i : i + length]) in self._values:
                return length
        return 0

    def ending(self, words: Sequence[str], end: int) -> int:
        """Length of the longest phrase equal to ``words[end - n:end]`` (0: none)."""
        if end <= 0 or words[end - 1] not in self._last_words:
            return 0
        for length in range(min(self.longest, end), 0, -1):
            if tuple(words[end - length : end]) in self._values:
                return length
        return 0

    def ending_at(self, tokens: Sequence[Token], end: int) -> V | None:
        """The value of the longest phrase made of ``tokens[end - n:end]`` (``end`` exclusive)."""
        if end <= 0 or tokens[end - 1].lower not in self._last_words:
            return None
        words = [token.lower for token in tokens[max(0, end - self.longest) : end]]
        length = self.ending(words, len(words))
        return self._values[tuple(words[len(words) - length :])] if length else None

    def starting_at(self, tokens: Sequence[Token], start: int) -> tuple[int, V] | None:
        """(length, value) of the longest phrase made of ``tokens[start:start + n]``."""
        if start >= len(tokens) or tokens[start].lower not in self._first_words:
            return None
        words = [token.lower for token in tokens[start : start + self.longest]]
        length = self.at(words, 0)
        return (length, self._values[tuple(words[:length])]) if length else None

    def match_length(
        self,
        words: Sequence[str],
        start: int,
        *,
        max_words: int,
        key: Callable[[str], str] = str,
        accept: Callable[[str], bool] | None = None,
    ) -> int:
        """How many words from ``words[start]`` on form the longest phrase of the table (0: none), for
        gazetteers: words are compared through ``key`` (accent folding), at most ``max_words`` of
        them, and only over a run of words that ``accept`` takes (no phrase spans a digit)."""
        if key(words[start]) not in self._first_words:
            return 0
        keyed: list[str] = []
        end = min(len(words), start + max_words)
        for index in range(start, end):
            if accept is not None and not accept(words[index]):
                break
            keyed.append(key(words[index]))
        for length in range(len(keyed), 0, -1):
            if tuple(keyed[:length]) in self._values:
                return length
        return 0


def grow_left(tokens: Sequence[Token], first: int, take: Callable[[int], bool], limit: int) -> int:
    """Move ``first`` left over at most ``limit`` tokens while ``take(index)`` holds for the token
    before it; the new first index."""
    stop = max(0, first - limit)
    while first > stop and take(first - 1):
        first -= 1
    return first


def grow_right(tokens: Sequence[Token], last: int, take: Callable[[int], bool], limit: int) -> int:
    """Move ``last`` right over at most ``limit`` tokens while ``take(index)`` holds for the token
    after it; the new last index."""
    stop = min(len(tokens) - 1, last + limit)
    while last < stop and take(last + 1):
        last += 1
    return last
