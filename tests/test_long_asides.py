"""Dictated numbers with long interruptions inside, the dates callers read out after their name, and
a hotel's suite (session 41).

Classes: a value whose parts are split by an aside longer than ``max_aside_words`` (up to
``max_long_aside_words``) is one value when a cue names its label and the second part completes it
(identifiers ``_joined``); "<month> two eighty six" and "<month> nineteen fifty nine" read out without a
cue are a day and a two-digit year, unless a word of ``dates.month_of_year_before`` says a month of a
year (contextual); a suite after a word that is no number is a room of the building the caller is in,
no address (addresses ``room_units``). All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import covered_whole, found_spans

from redactkit import Pipeline
from redactkit.detect._dictation import said_again
from redactkit.detect.identifiers import IdentifierDetector

pytestmark = pytest.mark.slow


# (text, the whole value with the aside inside, its label)
LONG_ASIDES = [
    (
        "my phone number is four one five hold on let me grab my glasses they're on the counter somewhere "
        "okay two two three four four one nine",
        "four one five hold on let me grab my glasses they're on the counter somewhere okay two two three "
        "four four one nine",
        "PHONE_NUMBER",
    ),
    (
        "the card number is five two one six four four one nine sorry my brother keeps asking me where the "
        "remote went and then three three eight one two two nine one",
        "five two one six four four one nine sorry my brother keeps asking me where the remote went and "
        "then three three eight one two two nine one",
        "CREDIT_CARD",
    ),
    (
        "my social is three one seven wait i think i wrote it on the back of the folder yes here it is "
        "four four nine one two six",
        "three one seven wait i think i wrote it on the back of the folder yes here it is four four nine one "
        "two six",
        "US_SSN",
    ),
    # a correction after a long aside: the said and the corrected part are both covered
    (
        "my cell is six one two eight eight four hang on my husband is shouting something from the garage "
        "okay no wait it's eight eight five three three one nine",
        "six one two eight eight four hang on my husband is shouting something from the garage okay no "
        "wait it's eight eight five three three one nine",
        "PHONE_NUMBER",
    ),
]

# an aside that names what the caller reads from ("the card", "my phone") is an aside all the same; a
# two-digit group said again after "again" counts once
ASIDES_NAMING_A_THING = [
    (
        "the zip code is four six two wait let me find the card sixty seven",
        "four six two wait let me find the card sixty seven",
        "ZIP_CODE",
    ),
    (
        "card number five three two two let me put you on speaker so i can read it off my phone okay and "
        "then eight three eight oh six five four five one one four one",
        "five three two two let me put you on speaker so i can read it off my phone okay and then eight "
        "three eight oh six five four five one one four one",
        "CREDIT_CARD",
    ),
    # "the next part is", "and the last four are": parts of the value being dictated
    (
        "my cell is six two eight uh the next part is five one four and the last four are nine nine two one",
        "six two eight uh the next part is five one four and the last four are nine nine two one",
        "PHONE_NUMBER",
    ),
    (
        "my pin is four one i'll say that again four one okay one two",
        "four one i'll say that again four one okay one two",
        "PIN",
    ),
]

# a long aside joins nothing unless the second part completes the value a cue names
LONG_ASIDES_APART = [
    # a complete phone number, then a count after a long aside
    (
        "my number is four one five two two three four four one nine and then i have to say that the "
        "package came with three four five boxes",
        "three four five",
    ),
    # no cue: two numbers read one by one with a long story between them
    (
        "it was four one five when i got there and after waiting around for the manager for a long time "
        "they gave me ticket seven seven two",
        "when i got there",
    ),
]

DATES = [
    ("that's march two eighty six", "march two eighty six"),
    ("the name is dovrin k a l e august fourteen sixty one", "august fourteen sixty one"),
    ("and the name is tamsin, it's october nineteen fifty two", "october nineteen fifty two"),
]

NOT_DATES_OF_BIRTH = [
    "the boiler stopped working in june nineteen ninety eight",
    "the last time the lift worked was may nineteen eighty six",
    "we've been members since march nineteen seventy two",
]

NO_VALUE_PARTS = [
    "the first part of the movie was two hours and the last part was forty minutes",
    "i need the next part, the last four were broken",
]

SUITES_NO_ADDRESS = [
    "we're in suite three oh six for two nights",
    "can you send extra pillows up to suite twelve oh four",
    "the key card for suite eight forty doesn't open the door",
    "checkout from suite five eleven is at noon",
]

SUITES_ADDRESS = [
    # after "at" the unit says where a place is (room_unit_address_openers)
    ("our clinic is at suite nine hundred", "suite nine hundred"),
    ("twelve main street suite two oh four", "twelve main street suite two oh four"),
    ("send it to four forty pine avenue suite nine", "four forty pine avenue suite nine"),
    ("the office is at ninety one elm road suite three hundred", "ninety one elm road suite three hundred"),
]


@pytest.mark.parametrize(("text", "value", "label"), LONG_ASIDES)
def test_a_long_aside_inside_a_value_is_covered(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    ok, found = covered_whole(default_pipeline, text, value)
    assert ok, found
    assert label in {found_label for _, found_label in found}, found


@pytest.mark.parametrize(("text", "left_clear"), LONG_ASIDES_APART)
def test_a_long_aside_joins_no_other_number(default_pipeline: Pipeline, text: str, left_clear: str) -> None:
    found = found_spans(default_pipeline, text)
    assert all(left_clear not in value for value, _ in found), found


def test_long_asides_can_be_switched_off(default_pipeline: Pipeline) -> None:
    text = (
        "my phone number is four one five hold on let me grab my glasses they're somewhere on the kitchen "
        "counter next to the fruit bowl okay two two three four four one nine"
    )
    on = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.detector == "identifiers"]
    assert any("glasses" in span for span in on), on
    off = Pipeline.from_config({"detectors": [{"name": "identifiers", "max_long_aside_words": 0}]})
    spans = [text[e.start : e.end] for e in off.analyze(text) if e.detector == "identifiers"]
    assert not any("glasses" in span for span in spans), spans
    assert IdentifierDetector().max_long_aside_words == 20


@pytest.mark.parametrize(("text", "value"), DATES)
def test_a_date_read_out_without_a_cue_is_a_birth_date(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    found = found_spans(default_pipeline, text)
    assert (value, "DATE_OF_BIRTH") in found, found


@pytest.mark.parametrize("text", NOT_DATES_OF_BIRTH)
def test_a_month_of_a_year_is_no_birth_date(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text)
    assert not any(label == "DATE_OF_BIRTH" for _, label in found), found


@pytest.mark.parametrize("text", SUITES_NO_ADDRESS)
def test_a_hotel_suite_alone_is_no_address(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text)
    assert not any(label == "ADDRESS" for _, label in found), found


@pytest.mark.parametrize(("text", "value"), SUITES_ADDRESS)
def test_a_suite_of_a_street_address_stays_one(default_pipeline: Pipeline, text: str, value: str) -> None:
    ok, found = covered_whole(default_pipeline, text, value)
    assert ok, found
    assert "ADDRESS" in {label for _, label in found}, found


# a cue of another label said as a subject still introduces a value of its own
OWN_VALUES = [
    (
        "my card number is four one one one two two two two and my phone is "
        "five five five one two three four",
        "five five five one two three four",
        "PHONE_NUMBER",
    ),
    (
        "my zip is nine four one and my pin is six six one two",
        "six six one two",
        "PIN",
    ),
]


@pytest.mark.parametrize(("text", "value", "label"), OWN_VALUES)
def test_a_cue_said_as_a_subject_keeps_its_value(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    found = found_spans(default_pipeline, text)
    assert (value, label) in found, found


@pytest.mark.parametrize(("text", "value", "label"), ASIDES_NAMING_A_THING)
def test_an_aside_naming_a_thing_is_an_aside(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    ok, found = covered_whole(default_pipeline, text, value)
    assert ok, found
    assert label in {found_label for _, found_label in found}, found


@pytest.mark.parametrize(
    ("words", "again"),
    [
        ("41 i'll say that again 41", 2),  # two digits after a word saying it is a repeat
        ("41 repeat 41", 2),
        ("4545 then 45", 0),  # without one two digits are no repeat
        ("41 again 7", 0),  # nothing said again
        ("41 again and 63", 0),
    ],
)
def test_two_digits_said_again_after_again(words: str, again: int) -> None:
    assert said_again(words.split(), frozenset({"again", "repeat"})) == again


@pytest.mark.parametrize("text", NO_VALUE_PARTS)
def test_parts_of_other_things_are_no_values(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text)
    assert found == [], found
