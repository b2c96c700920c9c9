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
from ..lang.phrases import PhraseTable

__all__ = [
    "aside_length",
    "pause_words",
    "repeat_words",
    "said_again",
    "speaker_label",
    "speaker_words",
    "spoken_gap",
]

#: the fewest digits of a group said twice that counts as a repeat ("five eight nine six that's five
#: eight nine six")
_MIN_REPEAT = 3
#: the most digits of a part said twice: no part of a value is longer (time linear in the text)
_MAX_REPEAT = 20


@cache
def pause_words(locale: str) -> frozenset[str]:
    """The tokens of a written pause (``speech.pause_marks``: "...", "…"), the comma and the marks
    that end a turn (``speech.turn_marks``: "?" after a back-channel of the other party, "okay? four
    four ..."): punctuation inside a dictated value that no aside needs to explain."""
    speech = load_locale(locale)
    marks = [
        *(speech.get("speech", "pause_marks", []) or []),
        *(speech.get("speech", "turn_marks", []) or []),
    ]
    return frozenset({",", *(token.lower for mark in marks for token in tokenize(str(mark)))})


@cache
def speaker_words(locale: str) -> frozenset[str]:
    """The words that name who speaks in a transcript of both sides (``speech.speaker_labels``:
    "agent", "caller", "customer")."""
    return frozenset(
        str(word).lower() for word in load_locale(locale).get("speech", "speaker_labels", []) or []
    )


def speaker_label(words: Sequence[str], index: int, speakers: frozenset[str]) -> bool:
    """Word ``index`` of ``words`` names who speaks next ("agent :", "caller :"): one of
    ``speakers`` right before a colon. "customer : four four ..." is a turn, no cue of a customer
    number."""
    return index + 1 < len(words) and words[index + 1] == ":" and words[index] in speakers


def spoken_gap(
    tokens: Sequence[Token],
    first: int,
    stop: int,
    pauses: frozenset[str],
    speakers: frozenset[str] = frozenset(),
) -> list[str]:
    """The lowercase words of ``tokens[first:stop]`` without the written pauses and commas, and
    without the labels of who speaks (``speakers``: "... four one five caller : okay six ...")."""
    words = [token.lower for token in tokens[max(0, first - 1) : stop]]
    offset = 1 if first > 0 else 0
    gap: list[str] = []
    skip = False
    for index in range(offset, len(words)):
        if skip:
            skip = False
            continue
        if speaker_label(words, index, speakers):
            skip = True
            continue
        if words[index] not in pauses:
            gap.append(words[index])
    return gap


def aside_length(gap: Sequence[str], phrases: PhraseTable[tuple[str, ...]]) -> int:
    """How long an aside is, in words: a phrase the locale lists as said inside a value ("hold on",
    "sorry", "let me check": :func:`~redactkit.lang.value_interruptions`) counts as one word, every
    other word as one. A caller who stacks those phrases ("sorry hold on let me check") says no more
    than one who says one; what the aside says besides them is what makes it long."""
    length = 0
    index = 0
    while index < len(gap):
        index += phrases.at(gap, index) or 1
        length += 1
    return length


@cache
def repeat_words(locale: str) -> frozenset[str]:
    """The words that say a part is said again (``speech.repeat_words``: "again", "repeat"): after one
    of them a group of two digits said twice is a repeat too ("four one i'll say that again four one")."""
    return frozenset(
        str(word).lower() for word in load_locale(locale).get("speech", "repeat_words", []) or []
    )


def said_again(words: Sequence[str], announcers: frozenset[str] = frozenset()) -> int:
    """How many digits of a value (its words ``words``, digits written as the normalizer wrote
    them) were said twice: a part that ends a run of digits and starts the next run after other
    words ("5896 again that's 5896952613", "339 that's 33987": a caller repeating a part or
    confirming a read-back), at least three digits and never one digit again and again; the
    longest such repeat at each place the digits pause, summed over those places (an agent who
    reads back every group: "4839 agent : 4839 caller : yes and then 6829 agent : 6829 ..."), 0 when
    none. A run of digits is never split: "01223 302330" read in one go is a number with a group
    that recurs, not a repeat. After a word of ``announcers`` (:func:`repeat_words`) two digits said
    twice are a repeat too ("41 i'll say that again 41")."""
    total = 0
    previous = ""
    between = False
    announced = False
    for word in words:
        digits = "".join(char for char in word if char.isdigit())
        if not digits:
            between = bool(previous)
            announced = announced or (between and word in announcers)
            continue
        if between:
            fewest = _MIN_REPEAT - 1 if announced else _MIN_REPEAT
            for size in range(min(len(previous), len(digits), _MAX_REPEAT), fewest - 1, -1):
                group = previous[-size:]
                if len(set(group)) > 1 and digits.startswith(group):
                    total += size
                    break
        previous, between, announced = digits, False, False
    return total
