"""Find the mentions of known values in one turn, on its normalized view, in original offsets.

Searching the normalized view is what makes spoken, spelled and written forms meet: the normalizers
have already turned "b r e n n a g h" into "brennagh" and "four four one two" into "4412", and every
span found there maps back to the original characters through the turn's alignment (spans never
shrink, principle 2).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core import AlignedText
from ..lang.tokens import Token
from .known import KnownValue, Pattern, mention_word, mention_words, street_abbreviations

__all__ = ["Mention", "PatternIndex", "find_mentions"]

_SENTENCE_END = frozenset(".?!")
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of a turn (original offsets) that mentions a known value."""

    start: int
    end: int
    value: KnownValue
    pattern: Pattern


class PatternIndex:
    """The patterns of a conversation's known values, indexed for one pass over each turn."""

    def __init__(self, known: Sequence[KnownValue], locale: str = "en-US") -> None:
        #: the locale of the titles, forms of address and street abbreviations compared
        self.locale = locale
        self.by_first: dict[str, list[tuple[Pattern, KnownValue]]] = {}
        self.compact: list[tuple[Pattern, KnownValue]] = []
        #: every compact pattern is digits only: a turn without digits cannot hold one
        self.digits_only = True
        for value in known:
            for pattern in value.patterns:
                if pattern.tokens:
                    self.by_first.setdefault(pattern.tokens[0], []).append((pattern, value))
                elif pattern.compact:
                    self.compact.append((pattern, value))
                    self.digits_only = self.digits_only and pattern.compact.isdigit()
        for entries in self.by_first.values():
            entries.sort(key=lambda entry: -len(entry[0].tokens))  # longest form first
        # longest first too: the whole number before its last four digits
        self.compact.sort(key=lambda entry: -len(entry[0].compact))

    def __bool__(self) -> bool:
        return bool(self.by_first or self.compact)


def find_mentions(aligned: AlignedText, index: PatternIndex) -> list[Mention]:
    """Every mention of a known value in one turn, longest forms first, never overlapping."""
    if not index:
        return []
    tokens = aligned.tokens
    words = [mention_word(token) for token in tokens]
    short = street_abbreviations(index.locale)
    found: list[tuple[int, int, Pattern, KnownValue]] = []  # token ranges
    for i, word in enumerate(words):
        candidates = index.by_first.get(word)
        if candidates is None:
            candidates = index.by_first.get(short.get(word, word))
        if candidates is None:
            continue
        for pattern, value in candidates:
            end = i + len(pattern.tokens)
            if end > len(words):
                continue
            if pattern.canonical_streets:
                run = tuple(short.get(w, w) for w in words[i:end])
            else:
                run = tuple(words[i:end])
            if run != pattern.tokens:
                continue
            if pattern.needs_evidence and not _evidence(aligned, tokens, words, i, index.locale):
                continue
            found.append((i, end, pattern, value))
            break
    if index.compact and not (index.digits_only and _DIGIT.search(aligned.text) is None):
        found.extend(_compact_mentions(tokens, index))
    # longest first, then leftmost; drop mentions overlapping a longer one
    found.sort(key=lambda item: (-(tokens[item[1] - 1].end - tokens[item[0]].start), item[0]))
    taken: list[tuple[int, int]] = []
    mentions: list[Mention] = []
    for first, end, pattern, value in found:
        if any(first < other_end and other_first < end for other_first, other_end in taken):
            continue
        taken.append((first, end))
        start, stop = aligned.to_original(tokens[first].start, _end_without_possessive(tokens[end - 1]))
        mentions.append(Mention(start, stop, value, pattern))
    mentions.sort(key=lambda mention: mention.start)
    return mentions


def _end_without_possessive(token: Token) -> int:
    return token.end - 2 if token.lower.endswith("'s") and token.end - token.start > 2 else token.end


def _evidence(
    aligned: AlignedText, tokens: Sequence[Token], words: Sequence[str], i: int, locale: str
) -> bool:
    """Whether a frequent word at token ``i`` reads as a name here: a title or a form of address
    before it, or a capital letter in the original (not the truecaser's) that does not start a
    sentence, in a text that is neither all capitals nor capitalised throughout."""
    said = mention_words(locale)
    if i > 0 and words[i - 1].rstrip(".") in said.titles:
        return True
    for size in (2, 1):
        if i >= size and tuple(words[i - size : i]) in said.forms_of_address:
            return True
    if i == 0 or tokens[i - 1].lower in _SENTENCE_END:
        return False
    original = aligned.original
    start, _ = aligned.to_original(tokens[i].start, tokens[i].end)
    if not original[start : start + 1].isupper() or original.isupper():
        return False
    return any(word[:1].islower() for word in original.split())


def _compact_mentions(
    tokens: Sequence[Token], index: PatternIndex
) -> list[tuple[int, int, Pattern, KnownValue]]:
    """Mentions of numbers, codes and addresses: letters and digits in sequence, whatever lies
    between them ("555 0199", "555-0199"), starting and ending on token boundaries."""
    pieces: list[str] = []
    owner: list[int] = []  # token index of each compact character
    first_at: dict[int, int] = {}  # compact position where a token starts -> token index
    last_at: dict[int, int] = {}  # compact position just after a token ends -> token index
    position = 0
    for t, token in enumerate(tokens):
        word = "".join(ch for ch in token.lower if ch.isalnum())
        if not word:
            continue
        first_at[position] = t
        pieces.append(word)
        owner.extend([t] * len(word))
        position += len(word)
        last_at[position] = t
    compact = "".join(pieces)
    found: list[tuple[int, int, Pattern, KnownValue]] = []
    for pattern, value in index.compact:
        needle = pattern.compact
        at = compact.find(needle)
        while at >= 0:
            stop = at + len(needle)
            if at in first_at and stop in last_at:
                found.append((first_at[at], last_at[stop] + 1, pattern, value))
            at = compact.find(needle, at + 1)
    return found
