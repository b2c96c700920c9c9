"""Dictated numbers interrupted by an aside or corrected, session 43 (review42 M5, M7, L2, L6).

Class: a place where the caller is may close the aside ("four four one two, hold on the kids are in
the room, nine nine three one"): a negative context or a unit after a preposition of place or motion
and a determiner (``aside_place_prepositions``, ``aside_place_determiners`` in identifiers.yaml) names
no number, wherever it stands in the aside; "hold on my room four five one two" still names the room.
A group said again after a pause only ("one one one one, one one one one" of a card) is the value's
next group, no false start. An aside that opens with an apology ("sorry it's noisy in this room") is
no correction: more than ``correction_tail_words`` words follow the apology. A corrected value is
labelled on the digits meant, not on every digit said. A clock word as a verb ("am i breaking up") and a
range word before what the caller reads from ("from the card it's") stand in an aside
(``aside_phrases``); "let me do that again", "say it again" restart the value (``restart_phrases``).
A value ends before a new clause ("... and we're a party of four", "... and i need seven copies":
``after_value_breaks`` + ``clause_subjects``), however its words sound like digits. After a correction
and an aside of any kind, a complete value said again digit by digit replaces the part before it ("...
actually i changed it last week, it's two nine one one": ``correction_value_openers``). All sentences are
invented.
"""

from __future__ import annotations

import pytest
from _support import covered_whole, covering_labels, found_spans

from redactkit import Pipeline

pytestmark = pytest.mark.slow


# (text, the value from its first digit to its last, its label)
PLACE_ASIDES_IN_THE_OTHER_ORDER = [
    # review42 M5
    (
        "my account is four four one two, hold on the kids are in the room, nine nine three one",
        "four four one two, hold on the kids are in the room, nine nine three one",
        "ACCOUNT_NUMBER",
    ),
    (
        "my phone number is three one two, hold on somebody walked into the room, eight eight seven, five "
        "five one two",
        "three one two, hold on somebody walked into the room, eight eight seven, five five one two",
        "PHONE_NUMBER",
    ),
    (
        "my ssn is five one two, i'm going to my room hold on, four four, one one two nine",
        "five one two, i'm going to my room hold on, four four, one one two nine",
        "US_SSN",
    ),
    (
        "my pin is four seven, hold on my husband is in the room, two nine",
        "four seven, hold on my husband is in the room, two nine",
        "PIN",
    ),
    # review42 M7 / L6: a room aside before the card's last group, the groups all alike
    (
        "my card is four one one one, sorry it's noisy in this room, one one one one, one one one one, one "
        "one one one",
        "four one one one, sorry it's noisy in this room, one one one one, one one one one, one one one one",
        "CREDIT_CARD",
    ),
    (
        "my card number is four one one one one one one one one one one one, sorry it's noisy in this "
        "room, one one one one",
        "four one one one one one one one one one one one, sorry it's noisy in this room, one one one one",
        "CREDIT_CARD",
    ),
    # an apology that opens an aside corrects nothing: every digit counts
    (
        "my card number is four five one two, sorry the kids are yelling in the back, three three four "
        "one, two two one nine, eight eight one oh",
        "four five one two, sorry the kids are yelling in the back, three three four one, two two one "
        "nine, eight eight one oh",
        "CREDIT_CARD",
    ),
]

# (text, the value, its label): interruptions of other kinds
OTHER_INTERRUPTIONS = [
    (
        "my social is five oh four one seven, am i breaking up, seven nine two six",
        "five oh four one seven, am i breaking up, seven nine two six",
        "US_SSN",
    ),
    (
        "my phone number is three one two, can you hear me, five five five, one two one two",
        "three one two, can you hear me, five five five, one two one two",
        "PHONE_NUMBER",
    ),
    (
        "my account number is four four one two, sorry the line cut out, nine nine three one",
        "four four one two, sorry the line cut out, nine nine three one",
        "ACCOUNT_NUMBER",
    ),
    (
        "my card is four five five six, honey where did you put my wallet, one two one two, three four "
        "three four, five six five six",
        "four five five six, honey where did you put my wallet, one two one two, three four three four, "
        "five six five six",
        "CREDIT_CARD",
    ),
    (
        "the debit card is six zero one one eight six seven six, from the card it's two oh four seven "
        "eight seven two three",
        "six zero one one eight six seven six, from the card it's two oh four seven eight seven two three",
        "CREDIT_CARD",
    ),
    ("my zip is nine four, is that right, one one oh", "nine four, is that right, one one oh", "ZIP_CODE"),
    ("my pin is eight one, uh um er, four four", "eight one, uh um er, four four", "PIN"),
    # a partial, a restart, the whole value
    (
        "my social security is seven five one, let me do that again seven five one three six oh six seven "
        "four",
        "seven five one, let me do that again seven five one three six oh six seven four",
        "US_SSN",
    ),
    (
        "my card is four three five eight, sorry let me say it again, four three five eight five three six "
        "oh four eight oh six two five one two",
        "four three five eight, sorry let me say it again, four three five eight five three six oh four "
        "eight oh six two five one two",
        "CREDIT_CARD",
    ),
]

# a correction, an aside of any kind, and the whole value said again (``correction_value_openers``)
VALUES_SAID_AGAIN_WHOLE = [
    (
        "my pin is four seven, hold on, actually i changed it last week, it's two nine one one",
        "four seven, hold on, actually i changed it last week, it's two nine one one",
        "PIN",
    ),
    (
        "my account is five five one two, actually let me check, it's five five one three, eight eight one "
        "zero",
        "five five one two, actually let me check, it's five five one three, eight eight one zero",
        "ACCOUNT_NUMBER",
    ),
]

# (text, the value, the words after it that stay readable): a correction followed by no value
CORRECTIONS_WITH_NO_VALUE = [
    (
        "my zip is nine four one one oh, actually we moved here in twenty twenty, it's been two years",
        "nine four one one oh",
        "twenty twenty, it's been two years",
    ),
    (
        "my account number is five five one two eight eight, no i don't have the other account, it's closed",
        "five five one two eight eight",
        "no i don't have the other account, it's closed",
    ),
]

# the same interruptions in number talk: nothing
INTERRUPTED_NUMBER_TALK = [
    "the meeting is at five, am i breaking up, at five thirty",
    "it goes from the first to the third, from the sixth to the ninth",
    "the score was two to one, let me say that again, three to one",
    "we need four chairs, can you hear me, four chairs for the patio",
    "i'm on page twelve, sorry the line cut out, page twelve",
]

# (text, the value, the words after it that stay readable): a new clause after a complete value
TOPIC_CHANGES = [
    (
        "my account number is five five one two eight eight and we're a party of four",
        "five five one two eight eight",
        "and we're a party of four",
    ),
    (
        "the billing zip is five eight three four seven and i need seven copies",
        "five eight three four seven",
        "and i need seven copies",
    ),
    (
        "my member number is four four one two nine nine three and i need two of them",
        "four four one two nine nine three",
        "and i need two of them",
    ),
    (
        "my social is one two three four five six seven eight nine and i've been here six years",
        "one two three four five six seven eight nine",
        "and i've been here six years",
    ),
    (
        "my card number is four oh three five one oh nine three three five one zero nine two zero three and "
        "we're a party of eight",
        "four oh three five one oh nine three three five one zero nine two zero three",
        "and we're a party of eight",
    ),
]


# (text, the value, its label): a card read whole after an aside, its first group abandoned (review43 H1)
CARDS_AFTER_AN_ABANDONED_GROUP = [
    (
        "my card is four one one one, hold on, five five five five, five five five five, five five five "
        "five, four four four four",
        "four one one one, hold on, five five five five, five five five five, five five five five, four four "
        "four four",
        "CREDIT_CARD",
    ),
    (
        "my card is four one one one, hold on, five four three two, one one two two, three three four four, "
        "five five six six",
        "four one one one, hold on, five four three two, one one two two, three three four four, five five "
        "six six",
        "CREDIT_CARD",
    ),
]

# (text, the value, its label): a corrected value is labelled on the digits meant (review42 L2)
CORRECTED_LABELS = [
    (
        "my number is six one seven five five five, i think it's six one eight five five five, one two "
        "three four",
        "six one seven five five five, i think it's six one eight five five five, one two three four",
        "PHONE_NUMBER",
    ),
    (
        "my social is four one two, sorry, four one three, two two, eight eight one seven",
        "four one two, sorry, four one three, two two, eight eight one seven",
        "US_SSN",
    ),
    (
        "my card is five four one two, wait, five four one three, seven seven one two, three three four "
        "four, nine nine two one",
        "five four one two, wait, five four one three, seven seven one two, three three four four, nine "
        "nine two one",
        "CREDIT_CARD",
    ),
    (
        "my zip is nine oh two, wait, nine oh three, one oh",
        "nine oh two, wait, nine oh three, one oh",
        "ZIP_CODE",
    ),
    # the meant digits fail the checksum: the cue's label stays (review43 L8)
    (
        "my card is four one one one one one one one one one one one one one one two actually make that one "
        "one one three",
        "four one one one one one one one one one one one one one one two actually make that one one one "
        "three",
        "CREDIT_CARD",
    ),
]

# (text, words that stay readable): the room's own number, or number talk around a room
ROOMS_NAMING_A_NUMBER = [
    ("my pin is four two, hold on, my room four five one two", "four five one two"),
    (
        "my account number is four four one two, the kids are in room nine nine three one",
        "nine nine three one",
    ),
]

ROOM_TALK = [
    "i'm staying in the room four one two",
    "we walked into the room at seven thirty",
    "she went to the room nine twelve on the second floor",
    "the kids are in the room, room four twelve",
    "we need two chairs in the room and three in the kitchen",
]


@pytest.mark.parametrize(("text", "value", "label"), PLACE_ASIDES_IN_THE_OTHER_ORDER)
def test_a_place_aside_in_the_other_order_is_inside_the_value(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert covering_labels(default_pipeline, text, value) == {label}, found_spans(default_pipeline, text)


@pytest.mark.parametrize(("text", "value", "label"), CORRECTED_LABELS)
def test_a_corrected_value_is_labelled_on_the_digits_meant(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert covering_labels(default_pipeline, text, value) == {label}, found_spans(default_pipeline, text)


@pytest.mark.parametrize(("text", "clear"), ROOMS_NAMING_A_NUMBER)
def test_a_room_named_with_its_number_joins_no_value(
    default_pipeline: Pipeline, text: str, clear: str
) -> None:
    whole, found = covered_whole(default_pipeline, text, clear)
    assert not whole, found


@pytest.mark.parametrize("text", ROOM_TALK)
def test_room_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []


@pytest.mark.parametrize(
    ("text", "value", "label"), OTHER_INTERRUPTIONS + VALUES_SAID_AGAIN_WHOLE + CARDS_AFTER_AN_ABANDONED_GROUP
)
def test_an_interruption_is_inside_the_value(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert covering_labels(default_pipeline, text, value) == {label}, found_spans(default_pipeline, text)


@pytest.mark.parametrize("text", INTERRUPTED_NUMBER_TALK)
def test_interrupted_number_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == []


@pytest.mark.parametrize(("text", "value", "after"), TOPIC_CHANGES + CORRECTIONS_WITH_NO_VALUE)
def test_a_value_ends_before_a_new_clause(
    default_pipeline: Pipeline, text: str, value: str, after: str
) -> None:
    whole, found = covered_whole(default_pipeline, text, value)
    assert whole, found
    start = text.index(after)
    assert not any(e.start < start + len(after) and e.end > start for e in default_pipeline.analyze(text)), (
        found
    )
