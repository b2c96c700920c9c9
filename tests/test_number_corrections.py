"""Dictated numbers the caller corrects in the middle and goes on with (session 42, review41 H2).

Class: after a self-correction ("wait", "i mean", "no", "sorry", "actually", "scratch that", "i think
it's", "let me start over") the part said again replaces the digits it corrects, so the value counts
its digits as meant and runs on to its last group, whether the part repeats the last group, some
groups or all of them (identifiers ``_joined``, ``_restated_at``; ``correction_phrases`` and
``restart_phrases`` in identifiers.yaml). A correction of a number that is no identifier ("a table
for four, wait, make it six") stays clean. All sentences are invented.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.detect.identifiers import _restated_at

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.default()


def _covered(pipe: Pipeline, text: str, value: str) -> tuple[bool, list[tuple[str, str]]]:
    entities = pipe.analyze(text)
    start = text.index(value)
    red = [False] * len(text)
    for entity in entities:
        for k in range(entity.start, entity.end):
            red[k] = True
    ok = all(red[k] or text[k].isspace() for k in range(start, start + len(value)))
    return ok, [(text[e.start : e.end], e.label) for e in entities]


# (text, the value from its first digit to its last, correction inside)
CORRECTED_VALUES = [
    # review41 H2
    (
        "my social is one two three, wait, i think it's one two four, four five, six seven eight nine",
        "one two three, wait, i think it's one two four, four five, six seven eight nine",
    ),
    # the normalizer drops "wait" and writes one number: the correction is inside it
    (
        "my ssn is one two three wait one two four, four five, six seven eight nine",
        "one two three wait one two four, four five, six seven eight nine",
    ),
    (
        "her social is five five one uh wait, sorry, five five two, three oh, one one four eight okay",
        "five five one uh wait, sorry, five five two, three oh, one one four eight",
    ),
    # some groups said again
    (
        "my social security number is seven two six four one, no, seven two six, four two, eighty one "
        "thirty three",
        "seven two six four one, no, seven two six, four two, eighty one thirty three",
    ),
    # restarted from the first digit after "let me start over", the first digit changed
    (
        "the social on file is eight one two, sorry let me start over, three one two six one, "
        "forty seven ninety",
        "eight one two, sorry let me start over, three one two six one, forty seven ninety",
    ),
    (
        "my cell is four one five, i mean four one six, five five five, two one two one",
        "four one five, i mean four one six, five five five, two one two one",
    ),
    (
        "you can reach me at three zero two six six one, scratch that, three zero two six six two, "
        "nine nine oh four",
        "three zero two six six one, scratch that, three zero two six six two, nine nine oh four",
    ),
    (
        "my direct line is nine four one uh wait that's wrong nine four six, four three four, eight seven "
        "four nine",
        "nine four one uh wait that's wrong nine four six, four three four, eight seven four nine",
    ),
    # a whole card number said again after the first groups
    (
        "my card number is four double three oh nine four nine two, no, four double three oh nine four "
        "nine one four oh eight five one six three six",
        "four double three oh nine four nine two, no, four double three oh nine four nine one four oh eight "
        "five one six three six",
    ),
    (
        "my account number is seven seven one two, actually seven seven one three, four five six six, nine "
        "nine eight eight",
        "seven seven one two, actually seven seven one three, four five six six, nine nine eight eight",
    ),
    (
        "my pin is seven five uh sorry no, seven two, oh four eight eight",
        "seven five uh sorry no, seven two, oh four eight eight",
    ),
    (
        "my zip code is nine oh two, i think it's, nine oh three, one six",
        "nine oh two, i think it's, nine oh three, one six",
    ),
    # the whole value, then its last group corrected
    (
        "my social is three five four six six zero one two seven, hmm i think it's, zero one seven seven",
        "three five four six six zero one two seven, hmm i think it's, zero one seven seven",
    ),
    (
        "my social security is nine seven nine, eight five one double oh two, wait one triple zero thanks",
        "nine seven nine, eight five one double oh two, wait one triple zero",
    ),
]

# corrections of numbers that are no identifier: nothing
CORRECTED_OTHER_NUMBERS = [
    "a table for four, wait, make it six",
    "we'll be there at five, no, six o'clock",
    "two tickets, sorry, three",
    "set a timer for ten minutes, i mean twelve minutes",
    "turn to page forty, wait, i think it's page forty two",
    "we need three rooms, let me start over, four rooms and two cots",
    "the score was three to one, scratch that, three to two",
    "i'd like two coffees, actually three coffees and a tea",
    "we need two cars, no wait, three cars for the wedding",
]


@pytest.mark.parametrize(("text", "value"), CORRECTED_VALUES)
def test_a_corrected_value_runs_on_to_its_last_group(pipe: Pipeline, text: str, value: str) -> None:
    ok, found = _covered(pipe, text, value)
    assert ok, found


@pytest.mark.parametrize("text", CORRECTED_OTHER_NUMBERS)
def test_a_corrected_number_of_no_identifier_stays_clean(pipe: Pipeline, text: str) -> None:
    assert pipe.analyze(text) == []


@pytest.mark.parametrize(
    ("before", "part", "correction", "at"),
    [
        ("123", "124", "correction", 0),  # the last digit changed
        ("123456789", "6788", "correction", 5),  # the last group said again
        ("98279", "982", "correction", 0),  # some groups said again
        ("75", "72", "correction", 0),
        ("612", "31281", "correction", 0),  # the first digit changed
        ("415555", "1212", "correction", None),  # "sorry" as an apology: the value goes on
        ("12345", "6789", "correction", None),
        ("415555", "1212", "restart", 0),
    ],
)
def test_where_a_part_said_again_starts(before: str, part: str, correction: str, at: int | None) -> None:
    assert _restated_at(before, part, correction) == at
