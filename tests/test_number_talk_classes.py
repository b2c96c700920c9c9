"""Number-rich talk people have with assistants, call centres, clinics, banks and couriers is no PII;
the values said next to it stay found, with their own label.

Classes (session 40): a month of a year, or a date said again after a correction or as the end of a
list, is no birth date without a cue (contextual ``_day_said``/``_after_other_date``); a guessed
"password" that starts with a month is a date; a part, filter or blade named by its number and a code
shown on a screen are no identifiers (identifiers ``negative_before``); "a case of eighty one" counts
cases (``cue_not_before``); "ends in" names only the part read, the cue before it names the value
(``partial_cues``, review39 L9). All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import assert_found_as, cued_value, found_spans

from redactkit import Pipeline

pytestmark = pytest.mark.slow


NOT_PII = [
    # a month of a year, no day: when something happened
    "the dryer stopped working in june nineteen ninety eight",
    "the last time it worked was october twenty nineteen",
    "we switched plans in march two thousand and six",
    "i think it was april of nineteen ninety two, maybe may of nineteen ninety three",
    # a date said again after a correction, or a list of dates: the first one's kind
    "the last payment was on the ninth of may sorry june eleventh two thousand and seven",
    "the transfer went out march third, no march fourth nineteen ninety nine",
    "i was away from june second to july ninth two thousand and one",
    # parts and codes on a device
    "the filter is a seven one four dash two two oh, do you stock it",
    "the blade is part six two one dash one hundred thirty, the ten inch one",
    "the code on the screen is eight oh four",
    # a count of the cue's noun, a place in a count
    "case of eighty four, three cases",
    "item four of sixty two in your cart",
    # an expiry said of something that is no card
    "the warranty expired in may twenty twenty one",
    "my passport expires in august twenty twenty nine",
    "the coupon expires on the fifteenth",
    "the yogurt expires on the ninth",
    "the promo is valid through april thirtieth",
    # a product's code after its model word, an airline's flight after its code
    "the label says model b k 7741",
    "the dishwasher model is a r one six two and it beeps",
    "they moved me to seat nine c on d l thirty one sixty two",
    # a trip's length
    "it's a three hour drive, forty minutes if the roads are clear",
]

PII = [
    # a birth date keeps its cue, or its day
    ("my date of birth is june nineteen sixty six", "june nineteen sixty six", "DATE_OF_BIRTH"),
    ("dob march third nineteen eighty five", "march third nineteen eighty five", "DATE_OF_BIRTH"),
    ("august fourth nineteen seventy", "august fourth nineteen seventy", "DATE_OF_BIRTH"),
    (
        "she was born may ninth two thousand ten and he was born july second two thousand twelve",
        "july second two thousand twelve",
        "DATE_OF_BIRTH",
    ),
    # a password guess that is no date
    ("i think it was falcon seven seven", "falcon seven seven", "PASSWORD"),
    # the value a cue names, next to number talk
    ("my case number is seven one four four two", "seven one four four two", "ACCOUNT_NUMBER"),
    ("the pin is three eight two six", "three eight two six", "PIN"),
    ("my account number is six one two dash eight eight one dash four four", None, "ACCOUNT_NUMBER"),
    # "ends in": the cue before it names the value (review39 L9)
    ("my card ends in three four two one", "three four two one", "CREDIT_CARD_META"),
    ("the card ending with two six one nine", "two six one nine", "CREDIT_CARD_META"),
    (
        "my zip is six oh six one four and my card ends in four four one six",
        "four four one six",
        "CREDIT_CARD_META",
    ),
    ("the social ends in eight eight one two", "eight eight one two", "US_SSN"),
    ("it ends in seven five one two", "seven five one two", "ACCOUNT_NUMBER"),
    # a card's expiry keeps its cue
    ("my visa expires oh three twenty nine", "oh three twenty nine", "CREDIT_CARD_META"),
    ("the card on file expires july twenty twenty eight", "july twenty twenty eight", "CREDIT_CARD_META"),
    ("and it expires eleven twenty seven", "eleven twenty seven", "CREDIT_CARD_META"),
    ("valid thru oh eight twenty six", "oh eight twenty six", "CREDIT_CARD_META"),
    # "good thru"/"valid thru" are printed on cards only: a word before them names no other thing
    ("yeah good thru october of two thousand thirty", "october of two thousand thirty", "CREDIT_CARD_META"),
    ("okay so valid thru april twenty twenty nine", "april twenty twenty nine", "CREDIT_CARD_META"),
    # a licence keeps its cue; an address with a suite stays one
    (
        "my driver's license is d four four one two six one nine",
        "d four four one two six one nine",
        "US_DRIVER_LICENSE",
    ),
    ("send it to suite two ten, eighty one elm drive", "suite two ten, eighty one elm drive", "ADDRESS"),
    ("i live at nine twenty oak drive", "nine twenty oak drive", "ADDRESS"),
    # a ZIP code said as one number with "thousand" is no amount (review40 H1)
    (
        "my zip code is sixty one thousand two hundred and four",
        "sixty one thousand two hundred and four",
        "ZIP_CODE",
    ),
    (
        "my zip is thirty three thousand one hundred nine",
        "thirty three thousand one hundred nine",
        "ZIP_CODE",
    ),
    ("the zip code is twenty thousand and five", "twenty thousand and five", "ZIP_CODE"),
]


@pytest.mark.parametrize("text", NOT_PII)
def test_number_talk_is_no_pii(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text)
    assert found == [], found


@pytest.mark.parametrize(("text", "value", "label"), PII)
def test_values_next_to_number_talk_stay_found(
    default_pipeline: Pipeline, text: str, value: str | None, label: str
) -> None:
    assert_found_as(default_pipeline, text, cued_value(text, value), label)


def test_a_phone_number_ending_read_in_groups_stays_covered(default_pipeline: Pipeline) -> None:
    text = "my phone number ends in sixty four ninety three"
    assert_found_as(default_pipeline, text, "sixty four ninety three")
