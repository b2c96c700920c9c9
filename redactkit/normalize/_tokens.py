"""A minimal, fast tokenizer that keeps character offsets, shared by the speech normalizers.

Each normalizer of the chain looks at (mostly) the same text, so tokens and word sets are cached per
string: a text no normalizer changed is tokenized once for the whole chain.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

__all__ = ["Token", "lower_words", "tokenize"]

# Words (letters/digits, with an inner apostrophe: "it's") or single non-space symbols.
_TOKEN = re.compile(r"[^\W_]+(?:'[^\W_]+)?|\S")
_WORD = re.compile(r"[^\W\d_]+")


class Token(NamedTuple):
    start: int
    end: int
    lower: str


@lru_cache(maxsize=16384)
def tokenize(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.start(), m.end(), m.group().lower()) for m in _TOKEN.finditer(text))


@lru_cache(maxsize=16384)
def lower_words(text: str) -> frozenset[str]:
    """The set of lowercase alphabetic words of ``text``: a cheap pre-check before tokenizing."""
    return frozenset(_WORD.findall(text.lower()))
