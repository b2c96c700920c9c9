"""Values dictated with interruptions inside them: what lies between two parts of one value.

A caller reading a number off a card stops in the middle of it: a long pause ("four one five ...
five five five"), an aside ("sorry the kids are yelling"), a read-back of the part said so far
("so that's four one five yes and then"). The identifier detector joins the parts when the words
between them are an aside and the parts together are no longer than one complete value of the
label. Two things would otherwise break that count: a written pause is punctuation, no word of an
aside, and a part said twice (a repeat or a read-back) counts its digits twice. The spelled letters
a code starts with ("policy number c n u ... hold on ... eight seven ...") are a part of it too.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from ..lang import Token, load_locale, tokenize

__all__ = ["pause_words", "said_again", "spoken_gap"]

#: the fewest digits of a group said twice in a row that counts as a repeat ("five eight nine six
#: that's five eight nine six"): two digits in a row twice ("4545") are ordinary in a number
_MIN_REPEAT = 3


@cache
def pause_words(locale: str) -> frozenset[str]:
    """The tokens of a written pause (``speech.pause_marks``: "...", "…") and the comma: punctuation
    inside a dictated value that no aside needs to explain."""
    marks = load_locale(locale).get("speech", "pause_marks", []) or []
    return frozenset({",", *(token.lower for mark in marks for token in tokenize(str(mark)))})


def spoken_gap(tokens: Sequence[Token], first: int, stop: int, pauses: frozenset[str]) -> list[str]:
    """The lowercase words of ``tokens[first:stop]`` without the written pauses and commas."""
    return [token.lower for token in tokens[first:stop] if token.lower not in pauses]


def said_again(digits: str) -> int:
    """How many of ``digits`` were said twice: the longest group of at least three digits that
    directly follows itself ("5896" in "58965896...", a caller repeating a part or confirming a
    read-back; never one digit again and again, "triple five five five"), 0 when none. Such a
    value is that many digits shorter than its digit count."""
    best = 0
    length = len(digits)
    for size in range(_MIN_REPEAT, length // 2 + 1):
        for start in range(length - 2 * size + 1):
            group = digits[start : start + size]
            if len(set(group)) > 1 and group == digits[start + size : start + 2 * size]:
                best = size
                break
    return best
