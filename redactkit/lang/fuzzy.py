"""Approximate word matching shared by detection and the benchmarks' ASR error model."""

from __future__ import annotations

__all__ = ["within_edits"]


def within_edits(a: str, b: str, limit: int) -> bool:
    """Whether ``a`` becomes ``b`` with at most ``limit`` insertions, deletions or substitutions
    (Levenshtein distance), stopping as soon as every alignment exceeds the limit."""
    if abs(len(a) - len(b)) > limit:
        return False
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        if min(current) > limit:
            return False
        previous = current
    return previous[-1] <= limit
