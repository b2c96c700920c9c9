"""Moved to :mod:`redactkit.lang.tokens` (kept so that older imports keep working)."""

from ..lang.tokens import Token, lower_words, tokenize

__all__ = ["Token", "lower_words", "tokenize"]
