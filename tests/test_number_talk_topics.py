"""Numbers in number talk (golf, card games, recipes, engines, prices) stay; cued values in it stay redacted.

``number_talk`` of identifiers.yaml: a number that nothing names and only its shape would make a value
is none near a word of a number-talk topic ("par", "dice", "recipe", "cc"). A unit that is a cue word
too ("cc") measures the number before it, it introduces none after it; a cue word after "per" is a
rate's unit ("per ticket"); a cue said after a price names the value that follows it ("... four fifty
and my card number is ..."); "amount" is money talk, no garbled "account". All sentences are made up.
"""

from __future__ import annotations

import pytest
from _support import covering_labels, found_spans

from redactkit import Pipeline

pytestmark = pytest.mark.slow

NOT_VALUES = [
    # golf scores read hole by hole
    "i shot a five four four three five five four four six on the back nine",
    "she scored three four four five four four three five four at the club today",
    "par three four five four four three four four five for me on the front",
    # a card game's run
    "deal seven cards then six seven eight nine ten is a straight flush",
    # a timestamp in a video
    "skip to two fourteen thirty in the video",
    # engine sizes and model years
    "a swift eight hundred cc twenty fourteen",
    "the bike is a one fifty cc twenty nineteen",
    "a honda with a fifteen hundred cc engine",
    # food energy
    "the wrap is one four zero zero cal and the soup two one zero cal",
    # a rate's unit is no value's name
    "the fare per ticket on the tr five five two one is nine pounds",
    "we charge two fifty per order for delivery",
    # money talk: "amount" is no garbled "account"
    "the amount is six hundred twenty",
    "the amount was two hundred thirty sorry my mistake",
    # round amounts read digit by digit
    "can you move one five zero zero zero to savings",
    "two zero zero zero zero zero",
    "it was for the amount of three four zero zero zero zero zero zero",
]

VALUES = [
    # a cue before the value wins over any number talk around it
    (
        "i shot a ninety and my account number is four four one nine two seven three",
        "four four one nine two seven three",
    ),
    (
        "deal the cards my phone number is two one two five five five four four three two",
        "two one two five five five four four three two",
    ),
    (
        "my member id is eight two nine one four four six and i bowled a one fifty",
        "eight two nine one four four six",
    ),
    # a cue said after a price still names the value after it
    (
        "it was two ninety nine and four fifty and my card number is four one one one one one one one "
        "one one one one one one one one",
        "four one one one one one one one one one one one one one one one",
    ),
    # "cc" before a card number, with no number before it, stays a card's cue
    (
        "pay with cc four one one one one one one one one one one one one one one one",
        "four one one one one one one one one one one one one one one one",
    ),
    # a phone number read with its area code keeps its shape in any talk
    (
        "after the round five five five two one three eight four six seven",
        "five five five two one three eight four six seven",
    ),
    # an account named right before "amount" keeps its cue
    ("the amount on account four four one two nine eight seven", "four four one two nine eight seven"),
    # a round number after a cue, or short enough to answer "your pin?", stays
    ("my account number is one zero zero zero zero", "one zero zero zero zero"),
    ("two zero zero zero", "two zero zero zero"),
    # a count before the digits is no leading digit of a round number
    ("sure the last four digits are zero zero zero zero", "zero zero zero zero"),
    # not round: a zero among the leading digits, or more than two of them
    ("one two three zero zero zero", "one two three zero zero zero"),
    (
        "transfer it to five five five zero zero zero zero zero zero zero",
        "five five five zero zero zero zero zero zero zero",
    ),
    # a local phone number's seven digits keep their shape near a topic word (review44 #5.1)
    ("after the video text five five five one two one two", "five five five one two one two"),
    ("hit me up after the poker game, five five five one two one two", "five five five one two one two"),
    ("after the song ends text five five five one two one two", "five five five one two one two"),
    # "amount" before a cue's noun is a garbled "account" (review44 #5.2)
    (
        "my amount number is one two three four five six seven eight",
        "one two three four five six seven eight",
    ),
    # "per" only changes the cue right after it
    (
        "price per night is ninety and my booking reference is seven seven three four one nine eight",
        "seven seven three four one nine eight",
    ),
]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_number_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text, "identifiers")
    assert found == [], (text, found)


@pytest.mark.parametrize(("text", "value"), VALUES)
def test_cued_values_in_number_talk_stay(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert covering_labels(default_pipeline, text, value), (text, value)


def test_the_price_before_a_card_cue_is_no_card_value(default_pipeline: Pipeline) -> None:
    card = "four one one one one one one one one one one one one one one one"
    text = f"it was two ninety nine and four fifty and my card number is {card}"
    assert [value for value, _ in found_spans(default_pipeline, text)] == [card]


def test_number_talk_words_are_no_cue_words() -> None:
    """A word that is a cue of a label is never a number-talk word: a cue near a number always counts."""
    from redactkit.detect.identifiers import _cue_tables

    tables = _cue_tables("en-US")
    assert tables.number_talk
    assert not tables.number_talk & {word for cue in tables.cues for word in cue}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        # bingo calls: each letter keeps its own number, no spelled code "b7i"
        ("b seven i twenty two n thirty four g fifty one", "b seven i twenty two n thirty four g fifty one"),
        ("next is b four then i nineteen", "next is b four then i nineteen"),
        # a code is no draw: a number out of its column's range, or a single call before more letters
        ("k seven x two", "k7x2"),
        ("b seven i two", "b7i2"),
        ("o five b two", "o5b2"),
    ],
)
def test_draw_calls_are_not_joined_into_a_code(text: str, written: str) -> None:
    from redactkit.normalize import SpelledLetterNormalizer

    assert SpelledLetterNormalizer().normalize_batch([text])[0].text == written


def test_bingo_calls_are_no_value_and_a_cued_code_stays(default_pipeline: Pipeline) -> None:
    assert found_spans(default_pipeline, "b seven i twenty two n thirty four g fifty one o seventy one") == []
    text = "the reference is b seven i twenty two"
    assert covering_labels(default_pipeline, text, "b seven i twenty two")
