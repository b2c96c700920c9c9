"""Dictated numbers interrupted by an aside or corrected, session 43 (review42 M5, M7, L2, L6).

Class: a place where the caller is may close the aside ("four four one two, hold on the kids are in
the room, nine nine three one"): a negative context or a unit after a preposition of place or motion
and a determiner (``aside_place_prepositions``, ``aside_place_determiners`` in identifiers.yaml) names
no number, wherever it stands in the aside; "hold on my room four five one two" still names the room.
A group said again after a pause only ("one one one one, one one one one" of a card) is the value's
next group, no false start. An aside that opens with an apology ("sorry it's noisy in this room") is
no correction: more than ``correction_tail_words`` words follow the apology. A corrected value is
labelled on the digits meant, not on every digit said. All sentences are invented.
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
