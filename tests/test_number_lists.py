"""Lists of numbers, counting and number talk said without any cue are no PII; values a cue names,
read out next to such talk, stay found with their label.

Classes (session 42, found on invented number-rich sets): the plural of a one-word negative context
("scores", "channels") names several numbers (identifiers ``_plural_negative``); a plural subject and
a verb of ``list_verbs`` before numbers ("the showtimes are ...") make a list; written decimals
("91.1 104.5") are quantities; a number after a word of a public code ("isbn", "barcode":
``public_code_words``) is none; counting said again ("one two three four one two three four") or by
twos and threes is counting; an account cue said as a verb ("i'd like to order twenty four") names no
account (``account_cue_verbs``); the hour of a written clock time is nobody's age (contextual); a
number after "aisle", "dock" or "pier" is no house number (addresses). All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import assert_found_as, cued_value, found_spans

from redactkit import Pipeline

pytestmark = pytest.mark.slow


NOT_PII = [
    # the plural of a negative context: several numbers
    "the bowling scores were one ninety six one ninety and two oh three",
    "my golf scores were eighty two eighty one and seventy five",
    "the kids channels are two thirty six two eighty seven and six twenty",
    "the parlay pays three hundred ninety four if all four hit",
    # a plural subject and a verb of a list
    "the showtimes are seven fifteen nine thirty nine forty five and ten twenty five",
    "the presets are 91.1 104.5 and 88.9",
    "the judges gave nine five nine six nine five and eight nine",
    "the pickups are like eight thirty ten fifteen and three fifteen",
    "the rounds went three two five four two two two three",
    # written decimals
    "it went 12.50 then 13.75 and 14.25 this week",
    "her temp went 102.6 102.2 then 98.2",
    # a public code of a book or a product
    "the isbn is nine seven eight one two three four five six seven eight nine",
    "scan the barcode it says one two three four five six seven eight nine oh one two",
    "the barcode on the box reads four four one two nine nine three one",
    # counting
    "one two three four one two three four okay from the top",
    "two four six eight ten twelve who do we appreciate",
    "three six nine twelve fifteen eighteen",
    # an account cue said as a verb
    "i'd like to order twenty four of the large ones at one ninety five each",
    "we'll order thirty six of the blue ones",
    # a claim or a build that is no account's
    "baggage claim carousel 6 for flight 809",
    "the build number is twenty two oh two dot six hundred seventy four",
    # a written clock time after a name-like word
    "eta is 2:50 about 49 minutes with traffic",
    # places inside a store or a dock
    "it's in aisle 11 bay 19 shelf 5",
    "load it at dock 4 bay 19 before noon",
]

PII = [
    # a value a cue names stays found next to a list
    (
        "the scores were two one and my phone number is five five five one two three four five six seven",
        "five five five one two three four five six seven",
        "PHONE_NUMBER",
    ),
    # ten digits read one by one after "the digits/numbers are" or any plural subject: a phone's shape
    (
        "the numbers are four one five five five five two one two one",
        "four one five five five five two one two one",
        "PHONE_NUMBER",
    ),
    (
        "the kids got five five five one two three four five six seven",
        "five five five one two three four five six seven",
        "PHONE_NUMBER",
    ),
    # "to" before a noun cue is a preposition: the cue stays
    (
        "please transfer five thousand to account eight five six three",
        "eight five six three",
        "ACCOUNT_NUMBER",
    ),
    ("my order number is five five one two three four eight", None, "ACCOUNT_NUMBER"),
    (
        "i want to order a pizza my account number is four four one two three four five six",
        None,
        "ACCOUNT_NUMBER",
    ),
    # a cued value before a public code stays found
    (
        "my phone number is five five five one two three four five six seven and the isbn is nine seven",
        "five five five one two three four five six seven",
        "PHONE_NUMBER",
    ),
    # a barcode the caller owns is their number, not a product's public code (review42 M6)
    ("my barcode number is seven seven one two nine nine three one", None, "ACCOUNT_NUMBER"),
    (
        "my library card barcode reads two one two three four five six seven",
        "two one two three four five six seven",
        "ACCOUNT_NUMBER",
    ),
    # a dotted phone number is no decimal
    ("call me at 555.123.4567", "555.123.4567", "PHONE_NUMBER"),
    # counting under a cue is a value
    ("my pin is one two three one two three", "one two three one two three", "PIN"),
    ("my account number is two four six eight ten twelve", None, "ACCOUNT_NUMBER"),
    # a child's age without a clock
    ("my son is 7 and she is 9", "7", "AGE"),
    # a street after a number is an address
    ("i live at 11 bay street", "11 bay street", "ADDRESS"),
]


@pytest.mark.parametrize("text", NOT_PII)
def test_number_lists_are_no_pii(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text)
    assert found == [], found


@pytest.mark.parametrize(("text", "value", "label"), PII)
def test_values_next_to_number_lists_stay_found(
    default_pipeline: Pipeline, text: str, value: str | None, label: str
) -> None:
    assert_found_as(default_pipeline, text, cued_value(text, value), label)
