"""Number talk said without an identifier cue is no PII (session 43): a decimal whose fraction is read
digit by digit after "point" (too long for the number normalizer to write it as one number), a
version or a long decimal written with points, a place in a queue ("order two eight nine is ready",
"now serving ticket one forty": ``queue_calls``), a public name with a number in it ("the four oh one
k": ``named_numbers``), numbers someone plays ("my lucky numbers are ...": ``negative_before``; six
or more said whole in rising order; bingo calls, ``draw_columns``), numbers of three digits or more
said whole with plain words between them (no garbled answer), two numbers said as a digit, "oh" and
a digit with "to" between them (a score, the normalizer read "to" as "two") and two numbers said
whole with a range word between them ("from seventeen oh nine to eighteen forty seven"). Values a
cue names next to such talk stay found with their label. All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import assert_found_as, cued_value, found_spans

from redactkit import Pipeline

pytestmark = pytest.mark.slow


NOT_PII = [
    # a fraction read digit by digit after "point"
    "e to ten places is two point seven one eight two eight one eight two eight four",
    "the reading was zero point oh three seven five two",
    "it came to one point zero six two five nine",
    "okay so the answer is forty one point three three seven nine two",
    # versions and long decimals, written
    "update to 17.4.1 and restart the phone",
    "my phone is on 17.4.1 now",
    "firmware six dot nine eight dot seven eight five seven",
    "the tablet says 3.14159 on the screen",
    # a public name with a number in it
    "the four oh one k is twenty two thousand three hundred",
    "i moved my 401(k) into the index fund last year",
    # a place in a queue
    "order two eight nine is ready",
    "now serving ticket one forty",
    "number fifty three please come to the counter",
    "ticket forty one please proceed to counter three",
    "we're calling order three seventeen your drinks are up",
    # numbers someone plays
    "my lucky numbers are seven eleven twenty three and forty",
    "we played the same numbers three seven oh one three one for years",
    # bingo calls: a column's letter and a number of its column, two calls or more
    "b twelve i seventeen n thirty eight g fifty four",
    "next ball is n 31 then g 56 then o 63",
    # six numbers or more said whole in rising order: numbers picked or drawn
    "i picked seven twelve nineteen twenty six thirty three and forty",
    # two numbers said as a digit, "oh" and a digit with "to" between them: a score or a range
    "the game ended one oh eight to one oh four",
    "the final was two oh one to two oh five last night",
    # two numbers said whole with a range word between them
    "it lasted from seventeen oh nine to eighteen forty seven",
    "the dynasty ruled from eleven oh six to fourteen twenty",
    # numbers said whole with plain words between them
    "the house was built in 1922 restored in 1987",
    "she lifted 215 for 5 then pressed 135 for 8",
]

PII = [
    ("call me at 555.123.4567", "555.123.4567", "PHONE_NUMBER"),
    ("my cell is 415.555.1212", "415.555.1212", "PHONE_NUMBER"),
    # a dotted phone number said with "point": digits read one by one before the point
    ("my phone number is four one five point five five five point one two one two", None, "PHONE_NUMBER"),
    (
        "four one five point five five five one two one two",
        "four one five point five five five one two one two",
        "PHONE_NUMBER",
    ),
    # an order number said to a business keeps its cue
    ("my order number is four four one two", None, "ACCOUNT_NUMBER"),
    ("i'm calling about order four four one two", "four four one two", "ACCOUNT_NUMBER"),
    (
        "my order number is two eight nine four and it's ready for pickup",
        "two eight nine four",
        "ACCOUNT_NUMBER",
    ),
    # "to" read as "two" inside a phone number a cue names
    ("call me at one oh eight to one oh four", "one oh eight to one oh four", "PHONE_NUMBER"),
    ("my phone number is five five five one oh eight to one oh four", None, "PHONE_NUMBER"),
    # digits read one by one keep their shape next to "to"
    ("my pin is one two three four to five six", "one two three four to five six", "PIN"),
    # letters and numbers a cue names are a code, whatever columns they would fit
    ("my account number is b twelve i seventeen", "b twelve i seventeen", "ACCOUNT_NUMBER"),
    ("my confirmation is b four i nine one two", "b four i nine one two", "ACCOUNT_NUMBER"),
    # a cue names numbers said in rising order
    (
        "my card number is four twelve nineteen twenty six thirty three forty one fifty five sixty",
        "four twelve nineteen twenty six thirty three forty one fifty five sixty",
        "CREDIT_CARD",
    ),
    # an IP address is no version
    (
        "the ip is one nine two dot one six eight dot one dot one",
        "one nine two dot one six eight dot one dot one",
        "IP_ADDRESS",
    ),
    # a cue of the caller's own value wins over a queue's phrase (review43 M1)
    ("the door code is four four one two please come to the back", "four four one two", "PIN"),
    ("my extension is four four one two please go to voicemail", "four four one two", "PHONE_NUMBER"),
    # a password with "lucky" in it stays a secret ("lucky" alone is no negative context)
    ("i set the password as lucky four four one two", "four four one two", "PIN"),
    # a cued value next to a plan name, a lucky number or a version
    (
        "my 401k account number is one two three four five six seven eight",
        "one two three four five six seven eight",
        "ACCOUNT_NUMBER",
    ),
    ("my lucky number is seven and my pin is four four one two", "four four one two", "PIN"),
    (
        "my phone number is five five five one two one two and the version is 2.3.1",
        "five five five one two one two",
        "PHONE_NUMBER",
    ),
    (
        "the rate is three point one four one five nine and my account number is eight eight four one two"
        " three four five",
        "eight eight four one two three four five",
        "ACCOUNT_NUMBER",
    ),
]


@pytest.mark.parametrize("text", NOT_PII)
def test_number_talk_is_no_pii(default_pipeline: Pipeline, text: str) -> None:
    assert found_spans(default_pipeline, text) == []


@pytest.mark.parametrize(("text", "value", "label"), PII)
def test_values_next_to_number_talk_stay_found(
    default_pipeline: Pipeline, text: str, value: str | None, label: str
) -> None:
    assert_found_as(default_pipeline, text, cued_value(text, value), label)
