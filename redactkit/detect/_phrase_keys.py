"""Skipping phrase look-ups in texts that cannot hold a phrase of a table.

A text holds a phrase only if it holds every word of it, so one word per phrase (its longest, the
rarest mostly: "located" of "located at") is a key: an ASCII text that holds none of a table's keys
holds none of its phrases, and a detector can skip a pass over its tokens with one set test. Texts
with other characters go to the phrase matcher as before (it folds accents, "reykjavík" matching
"reykjavik"), so the answer is always the matcher's.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..lang.phrases import PhraseTable, values_after
from ..lang.tokens import Tokens

__all__ = ["key_words", "may_hold", "values_after_keyed"]


def key_words(table: PhraseTable[tuple[str, ...]]) -> frozenset[str]:
    """The longest word of each phrase of ``table``."""
    return frozenset(max(phrase, key=len) for phrase in table.phrases)


def may_hold(keys: frozenset[str], words: Sequence[str], text: str) -> bool:
    """Whether ``text`` (with lowercase ``words``) may hold a phrase whose key is one of ``keys``."""
    return not text.isascii() or not keys.isdisjoint(words)


def values_after_keyed(
    table: PhraseTable[tuple[str, ...]], keys: frozenset[str], tokens: Tokens, text: str
) -> Iterable[int]:
    """:func:`~redactkit.lang.phrases.values_after` of ``table``, or nothing at once when the text
    holds none of its ``keys`` (:func:`key_words`)."""
    return values_after(table, tokens, text) if may_hold(keys, tokens.words, text) else ()
