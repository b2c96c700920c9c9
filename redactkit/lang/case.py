"""The one test of "is this lowercase ASR output?", shared by every component that treats lowercase
speech and formatted text differently (the truecaser, the NER guard, the organisation detector).

Decision: a transcript is *lowercase speech* unless it looks formatted, and it looks formatted when
it has a capital letter **and** either starts with one or has sentence punctuation (``.?!,;``).
So "i talked to Bob" and "my SSN is five five five" are lowercase speech with a capitalised word (ASR
systems that truecase names or write acronyms in capitals do that), while "I talked to Bob." and
"Talked to Bob" are formatted. Components apply it to the original transcript (``AlignedText.original``)
where they have it, so a capital written by a normalizer ("capital j o h n" -> "John") never turns
speech into formatted text; the truecaser, which sees only its input, gets the same answer because
such a capital neither starts the text nor brings punctuation.

Before, three tests disagreed: ``str.islower()`` in two detectors called "i talked to Bob" formatted
and switched the lowercase guard off, while the truecaser called it speech.
"""

from __future__ import annotations

import re

__all__ = ["is_lowercase_speech"]

_FIRST_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_MARK = re.compile(r"[.?!,;]")


def is_lowercase_speech(text: str) -> bool:
    """Whether ``text`` reads as lowercase ASR output rather than formatted (cased, punctuated) text.

    >>> is_lowercase_speech("i talked to Bob"), is_lowercase_speech("I talked to Bob.")
    (True, False)
    """
    if text == text.lower():
        return True  # no capital letter at all
    first = _FIRST_LETTER.search(text)
    starts_capital = first is not None and first.group().isupper()
    return not starts_capital and _SENTENCE_MARK.search(text) is None
