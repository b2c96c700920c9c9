"""Dictated values with long hesitations and asides inside them (issue 12: hidden card and phone
numbers with asides scored 0.80), session 44.

Full coverage: every word from the value's first digit to its last is redacted, the aside included
(fail closed). Number talk around asides that names no value stays clean. All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import uncovered_words

from redactkit import Pipeline

pytestmark = pytest.mark.slow

# (text, the value from its first digit to its last)
WHOLE_SPOKEN_NUMBERS = [
    # review43 M3: "at two oh six" reads as the clock time 2:06; its "two" belongs to the phone number
    (
        "call me at two oh six, sorry somebody walked into the room, five five five, one one two two",
        "two oh six, sorry somebody walked into the room, five five five, one one two two",
    ),
    (
        "text me at four oh five, hang on the baby is crying, five five five, one two one two",
        "four oh five, hang on the baby is crying, five five five, one two one two",
    ),
    (
        "reach me at nine oh four, sorry, seven seven one, three three four four",
        "nine oh four, sorry, seven seven one, three three four four",
    ),
]

# PII-free: a clock time after "at" with nothing that completes a value
CLOCK_TIMES = [
    "call me at two oh six",
    "call me at two oh six tomorrow",
    "meet me at two oh six, room four one two",
]


@pytest.mark.parametrize(("text", "value"), WHOLE_SPOKEN_NUMBERS)
def test_a_value_covers_the_whole_spoken_number(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize("text", CLOCK_TIMES)
def test_a_clock_time_alone_stays(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []
