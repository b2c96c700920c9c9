"""Dictated values with long hesitations and asides inside them (issue 12: hidden card and phone
numbers with asides scored 0.80), session 44.

Classes: a value never ends inside a number the normalizer read as one (a clock-read "at two oh six"
before an aside); a unit inside an aside counts what the aside talks about when the part after it
completes the value a cue names ("hang on for like five seconds"); the part after an aside is judged
with the groups said after it with only pauses between (bounded look-ahead); without a cue, parts read
one by one in a phone's or a card's groups that make a complete value are one (``dictation_groups``).

Full coverage: every word from the value's first digit to its last is redacted, the aside included
(fail closed). Number talk around asides that names no value stays clean. All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import found_spans, uncovered_words

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

# review44 #1.2: the aside holds a number of its own and the first group was read as a clock time
CLOCK_READ_FIRST_GROUPS = [
    (
        "call me at two oh six, give me two seconds, five five five, one one two two",
        "two oh six, give me two seconds, five five five, one one two two",
    ),
    (
        "text me at four oh five, i have like three phones, five five five, one two one two",
        "four oh five, i have like three phones, five five five, one two one two",
    ),
]

# PII-free: a clock time after "at" with nothing that completes a value
CLOCK_TIMES = [
    "call me at two oh six",
    "call me at two oh six tomorrow",
    "meet me at two oh six, room four one two",
    "call me at two oh six, sorry, i mean two oh seven",
    "call me at two oh six, give me two minutes, i'll be free at two oh eight",
    "call me at two fifteen, hang on, three three three four four four four minutes",
    "the train leaves at two oh six, sorry, five fifty five, and arrives at one twenty two",
]


@pytest.mark.parametrize(("text", "value"), WHOLE_SPOKEN_NUMBERS + CLOCK_READ_FIRST_GROUPS)
def test_a_value_covers_the_whole_spoken_number(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize("text", CLOCK_TIMES)
def test_a_clock_time_alone_stays(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []


# (text, the value from its first digit to its last)
UNITS_INSIDE_ASIDES = [
    (
        "card number four three two six five zero two oh one four six two, hang on for like five seconds, "
        "oh one six nine",
        "four three two six five zero two oh one four six two, hang on for like five seconds, oh one six "
        "nine",
    ),
    (
        "my social is five one two, i've been on hold for forty minutes already, four four one one two nine",
        "five one two, i've been on hold for forty minutes already, four four one one two nine",
    ),
    (
        "my phone number is two oh six, it's the second phone i own, five five five one one two two",
        "two oh six, it's the second phone i own, five five five one one two two",
    ),
]

# the first part after the aside is one group; the groups said after it with a pause complete the value
RUNS_AFTER_ASIDES = [
    (
        "my card number is four one two three, hang on for like five seconds, four five six seven, eight "
        "nine oh one, two three four six",
        "four one two three, hang on for like five seconds, four five six seven, eight nine oh one, two "
        "three four six",
    ),
    (
        "my card is four one two three, i have like three cards, four five six seven, eight nine oh one, "
        "two three four five",
        "four one two three, i have like three cards, four five six seven, eight nine oh one, two three four "
        "five",
    ),
]

# no cue: the parts are read one by one in a phone's groups and make one
GROUPS_WITHOUT_A_CUE = [
    (
        "the number is seven eight eight, it's the second card in my wallet, nine eight oh three three "
        "four oh",
        "seven eight eight, it's the second card in my wallet, nine eight oh three three four oh",
    ),
    (
        "my number is two oh six, hang on, the dog is barking, sorry about that, where was i, five five "
        "five, one one two two",
        "two oh six, hang on, the dog is barking, sorry about that, where was i, five five five, one one "
        "two two",
    ),
    (
        "it's two oh six, give me like two minutes, five five five, one one two two",
        "two oh six, give me like two minutes, five five five, one one two two",
    ),
]

# (text, words that must stay readable): number talk around asides, and a negative context that names
# the parts
STAYS = [
    ("i waited two hours, sorry, three hours", ["two", "hours", "three"]),
    ("the flight was delayed by two hours, sorry, three hours and forty minutes", ["two", "three", "forty"]),
    ("flight three one two, sorry, the gate is five five five one two one two", ["flight", "three", "gate"]),
    ("my pin is four seven, we waited like ten minutes, two nine minutes later", ["ten", "minutes,", "nine"]),
    (
        "my card number is four one two three, sorry i have been waiting twenty minutes, five five five "
        "five minutes",
        ["waiting", "twenty"],
    ),
    ("my room is four one two, hang on the kids are loud, and we stay five nights", ["four", "five"]),
]


@pytest.mark.parametrize(("text", "value"), UNITS_INSIDE_ASIDES + RUNS_AFTER_ASIDES + GROUPS_WITHOUT_A_CUE)
def test_a_value_runs_over_the_aside(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize(("text", "readable"), STAYS)
def test_number_talk_around_asides_stays(default_pipeline: Pipeline, text: str, readable: list[str]) -> None:
    entities = default_pipeline.analyze(text)
    covered = {k for e in entities for k in range(e.start, e.end)}
    for word in readable:
        start = text.index(word)
        assert not covered & set(range(start, start + len(word))), (word, found_spans(default_pipeline, text))
