"""Dictated numbers the caller corrects in the middle and goes on with (session 42, review41 H2), and
asides that name a place or a time of the caller's.

Class: after a self-correction ("wait", "i mean", "no", "sorry", "actually", "scratch that", "i think
it's", "let me start over") the part said again replaces the digits it corrects, so the value counts
its digits as meant and runs on to its last group, whether the part repeats the last group, some
groups or all of them (identifiers ``_joined``, ``_restated_at``; ``correction_phrases`` and
``restart_phrases`` in identifiers.yaml). A correction of a number that is no identifier ("a table
for four, wait, make it six") stays clean. A negative context or a unit inside an aside after a word
of ``aside_place_modifiers`` ("in the other room", "this room") is a place of the aside, and "a couple
(of) seconds" asks for time (``speech.hold_on``); "hold on my room ..." still names the room. All
sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import covered_whole

from redactkit import Pipeline
from redactkit.detect.identifiers import _restated_at

pytestmark = pytest.mark.slow


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
def test_a_corrected_value_runs_on_to_its_last_group(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    ok, found = covered_whole(default_pipeline, text, value)
    assert ok, found


@pytest.mark.parametrize("text", CORRECTED_OTHER_NUMBERS)
def test_a_corrected_number_of_no_identifier_stays_clean(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []


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


# (text, the value with the aside inside)
ASIDES_OF_PLACE_OR_TIME = [
    (
        "my zip is four one three sorry it's noisy in this room seven one",
        "four one three sorry it's noisy in this room seven one",
    ),
    (
        "the billing zip is two five four hold on i'm going into the other room, two oh",
        "two five four hold on i'm going into the other room, two oh",
    ),
    (
        "call me back on seven four oh, uh hold on i'm going into the other room seven double one one six "
        "six seven",
        "seven four oh, uh hold on i'm going into the other room seven double one one six six seven",
    ),
    (
        "my account number is four two one seven hang on i left it in the living room two seven four four, "
        "double five six three",
        "four two one seven hang on i left it in the living room two seven four four, double five six three",
    ),
    (
        "okay my pin is five one, hang on i left it in the living room, seventy seven eighty eight",
        "five one, hang on i left it in the living room, seventy seven eighty eight",
    ),
    ("my pin is four six hold on a couple seconds four nine", "four six hold on a couple seconds four nine"),
    (
        "my social is double eight three five seven, hold on a couple of seconds, two five four five",
        "double eight three five seven, hold on a couple of seconds, two five four five",
    ),
    (
        "my card number is five three two four, uh hold on a couple seconds, four five seven nine, one "
        "eight five three one five nine one",
        "five three two four, uh hold on a couple seconds, four five seven nine, one eight five three one "
        "five nine one",
    ),
]

# (text, words that stay readable): the aside names the number after it
ASIDES_NAMING_A_NUMBER = [
    ("my pin is four two hold on my room four five one two", "four five one two"),
]

# asides of place or time around numbers that are no identifier: nothing
PLACE_OR_TIME_ASIDES_IN_OTHER_TALK = [
    "one moment, i'm checking if you have four rooms for eleven nights",
    "hold on a couple seconds, the game starts at seven thirty",
    "the kids are in the other room, we booked two rooms for three nights",
    "give me a second, the double room is ninety nine a night",
    "we moved to the other room, room four twelve, on the third floor",
]


@pytest.mark.parametrize(("text", "value"), ASIDES_OF_PLACE_OR_TIME)
def test_an_aside_of_place_or_time_is_inside_the_value(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    ok, found = covered_whole(default_pipeline, text, value)
    assert ok, found


@pytest.mark.parametrize(("text", "clear"), ASIDES_NAMING_A_NUMBER)
def test_an_aside_naming_a_number_joins_it_to_no_value(
    default_pipeline: Pipeline, text: str, clear: str
) -> None:
    ok, found = covered_whole(default_pipeline, text, clear)
    assert not ok, found


@pytest.mark.parametrize("text", PLACE_OR_TIME_ASIDES_IN_OTHER_TALK)
def test_an_aside_of_place_or_time_in_other_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []
