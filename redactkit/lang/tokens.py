"""The one tokenizer of redactkit: lowercase word tokens with character offsets.

Every normalizer and rule detector reads the same tokens. Inside :func:`token_cache` (the pipeline
opens one per batch) a text is tokenized once for the whole chain; outside it nothing is cached.
No transcript text outlives its batch in a cache (principle 5: a process-wide cache of thousands of
transcripts keeps PII in memory and costs gigabytes per worker).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from operator import attrgetter, itemgetter
from typing import NamedTuple

__all__ = [
    "Token",
    "Tokens",
    "Words",
    "batch_memo",
    "lower_words",
    "token_cache",
    "token_index_at",
    "tokenize",
    "words_of",
]

# Words (letters/digits, with an inner apostrophe: "it's") or single non-space symbols.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|\S")
_WORD = re.compile(r"[^\W\d_]+")
_START = attrgetter("start")
_LOWER = itemgetter(2)  # Token.lower, read as a tuple item (faster than the attribute)
#: a Token from a (start, end, lower) tuple without NamedTuple's keyword-argument constructor
_new_token = tuple.__new__


class Token(NamedTuple):
    start: int
    end: int
    lower: str


class Words(tuple[str, ...]):
    """The lowercase words of one text, in token order: a tuple that also carries the phrase
    matcher's results for these words (:mod:`redactkit.lang.phrases` fills them on the first look-up
    at a position, and every phrase table asked about the same words afterwards reads them), so a
    text is matched once however many detectors look phrases up in it."""

    def __reduce__(self) -> tuple[type[Words], tuple[tuple[str, ...]]]:
        return Words, (tuple(self),)  # the matcher's results are per process: not pickled


class Tokens(tuple[Token, ...]):
    """The tokens of one text (what :func:`tokenize` returns), with their :class:`Words` built once."""

    _words: Words

    @property
    def words(self) -> Words:
        """The lowercase words of the tokens (built on first use, then shared)."""
        try:
            return self._words
        except AttributeError:
            self._words = Words(map(_LOWER, self))
            return self._words

    def __reduce__(self) -> tuple[type[Tokens], tuple[tuple[Token, ...]]]:
        return Tokens, (tuple(self),)


def words_of(tokens: Sequence[Token]) -> Words:
    """The :class:`Words` of ``tokens``: shared when they come from :func:`tokenize` (or an
    :class:`~redactkit.core.AlignedText`), built fresh for any other token sequence."""
    if isinstance(tokens, Tokens):
        return tokens.words
    return Words(map(_LOWER, tokens))


_CACHE: ContextVar[dict[tuple[object, ...], object] | None] = ContextVar(
    "redactkit_token_cache", default=None
)


@contextmanager
def token_cache() -> Iterator[None]:
    """Share tokenizations between the stages that see the same text, for the duration of the block."""
    reset = _CACHE.set({})
    try:
        yield
    finally:
        _CACHE.reset(reset)


def batch_memo() -> dict[tuple[object, ...], object] | None:
    """The memo of the :func:`token_cache` block in force (emptied when it ends), or None outside one:
    where a pure function of a word may keep its answers for the rest of the batch. Keys are tuples
    whose first item names the caller ("tokens" and "words" are this module's)."""
    return _CACHE.get()


def tokenize(text: str) -> Tokens:
    """The tokens of ``text``, each with its offsets and lowercase form."""
    cache = _CACHE.get()
    if cache is not None:
        found = cache.get(("tokens", text))
        if found is not None:
            return found  # type: ignore[return-value]
    if text.isascii():
        # (lowercasing ASCII keeps every character's length and class: the same tokens, lowercased)
        tokens = Tokens(
            [_new_token(Token, (m.start(), m.end(), m.group())) for m in _TOKEN.finditer(text.lower())]
        )
    else:
        tokens = Tokens([Token(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text)])
    if cache is not None:
        cache[("tokens", text)] = tokens
    return tokens


def lower_words(text: str) -> frozenset[str]:
    """The set of lowercase alphabetic words of ``text``: a cheap pre-check before tokenizing."""
    cache = _CACHE.get()
    if cache is not None:
        found = cache.get(("words", text))
        if found is not None:
            return found  # type: ignore[return-value]
    words = frozenset(_WORD.findall(text.lower()))
    if cache is not None:
        cache[("words", text)] = words
    return words


def token_index_at(tokens: Sequence[Token], offset: int) -> int:
    """Index of the first token starting at or after character ``offset`` (``len(tokens)`` if none),
    in logarithmic time: the way from a regex match to the tokens around it."""
    return bisect_left(tokens, offset, key=_START)
