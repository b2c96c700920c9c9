"""Approximate word matching shared by detection and the benchmarks' ASR error model."""

from __future__ import annotations

from collections.abc import Iterable

from .tokens import batch_memo

__all__ = ["NearWords", "within_edits"]


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` with at most ``limit`` insertions, deletions or substitutions
    (Levenshtein distance), stopping as soon as every alignment exceeds the limit."""
    length_a, length_b = len(a), len(b)
    if abs(length_a - length_b) > limit:
        return False
    if a == b:
        return True
    if limit < 1:
        return False
    if limit == 1:
        # (most calls): one substitution (same lengths) or one deletion from the longer word; past
        # the first difference the rest must be equal (a run of one letter: which one goes is all one)
        i = 0
        shorter = min(length_a, length_b)
        while i < shorter and a[i] == b[i]:
            i += 1
        if length_a == length_b:
            return a[i + 1 :] == b[i + 1 :]
        return a[i:] == b[i + 1 :] if length_a < length_b else a[i + 1 :] == b[i:]
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit


def _deletions(word: str, limit: int) -> set[str]:
    """``word`` and every string made from it by deleting up to ``limit`` characters."""
    variants = {word}
    frontier = {word}
    for _ in range(limit):
        frontier = {item[:i] + item[i + 1 :] for item in frontier for i in range(len(item))}
        variants |= frontier
    return variants


class NearWords:
    """A fixed word list asked "is any of you within ``limit`` edits of this word?".

    Two words within ``k`` edits share a string reachable from each by at most ``k`` deletions (a
    substitution deletes on both sides, an insertion on one), so the list is indexed by its words'
    deletion variants (the symmetric-delete method): a query costs a few dictionary look-ups plus an
    edit-distance check of the few words it shares a variant with, not a table per listed word. The
    answer is exactly :func:`within_edits` over the list.
    """

    def __init__(self, words: Iterable[str], max_limit: int) -> None:
        #: the largest ``limit`` a query may ask for (the depth of the index)
        self.max_limit = max_limit
        self._by_variant: dict[str, list[str]] = {}
        #: letters in the longest listed word: a word more than ``limit`` longer is within ``limit``
        #: edits of none (and its variants would cost time and memory cubic in its length)
        self._longest = 0
        for word in dict.fromkeys(words):
            self._longest = max(self._longest, len(word))
            for variant in _deletions(word, max_limit):
                self._by_variant.setdefault(variant, []).append(word)
        self._variants = frozenset(self._by_variant)

    def any_within(self, word: str, limit: int) -> bool:
        """Whether a listed word is within ``limit`` edits of ``word``."""
        if not 0 <= limit <= self.max_limit:
            raise ValueError(f"limit must be between 0 and {self.max_limit}, got {limit}")
        memo = batch_memo()  # the same words recur across a batch; the memo ends with it
        if memo is None:
            return self._any_within(word, limit)
        key = ("near", self, word, limit)
        found = memo.get(key)
        if found is None:
            found = memo[key] = self._any_within(word, limit)
        return found is True

    def _any_within(self, word: str, limit: int) -> bool:
        if len(word) - limit > self._longest:
            return False
        if limit <= 2:
            # (the variants written out, a repeated one no matter: most words share none with the list)
            n = len(word)
            variants = [word]
            if limit:
                one = [word[:i] + word[i + 1 :] for i in range(n)]
                variants += one
                if limit == 2:  # a second letter out, after the first one's place
                    variants += [cut[:j] + cut[j + 1 :] for i, cut in enumerate(one) for j in range(i, n - 1)]
            shared = self._variants.intersection(variants)
        else:
            shared = self._variants.intersection(_deletions(word, limit))
        checked: set[str] = set()
        for variant in shared:
            for candidate in self._by_variant[variant]:
                if candidate not in checked:
                    checked.add(candidate)
                    if within_edits(word, candidate, limit):
                        return True
        return False
