"""Number talk that is no PII stays unredacted; the identifiers next to it stay redacted.

Flight numbers in a turn about the flight's schedule ("did <airline> nine two five eight land yet":
``answers.not_with_days``, ``answers.not_with_phrases``), model numbers after a product line ("the
iphone two zero five": a negative context, and "iphone" is no misheard "phone"), ranges ("between two
oh one and three oh four"), a price "plus tax" and clock times said "eleven oh five" after a clock word
(``clock_words.oh_before``) are none. All sentences are made up.
"""

from __future__ import annotations

import pytest
from _support import found_labels, found_spans

from redactkit import Pipeline
from redactkit.normalize import SpokenNumberNormalizer

pytestmark = pytest.mark.slow

NOT_VALUES = [
    # a flight's schedule
    "did united nine two five eight land yet",
    "is southwest eight one eight six on time",
    "has frontier two two seven one departed",
    "is alaska four four three two delayed",
    # model numbers after a product line
    "how much is the iphone two zero five",
    "my pixel four one two keeps restarting",
    "is the rtx four zero nine zero in stock",
    "we flew on a boeing seven three seven",
    # ranges
    "pick a number between two oh one and three oh four",
    "show me houses between three six six and seven zero one square feet",
    # a price "plus tax"
    "that one is five hundred twenty four oh three plus tax",
    # clock times with "oh" minutes
    "what's the weather for eleven oh five",
    "set an alarm for six oh five",
    "book a table at seven oh five please",
]

VALUES = [
    # a short number that is the whole turn still answers a question about an identifier
    ("three five four one", "ACCOUNT_NUMBER"),
    # "time" alone is no flight's schedule (review35 M8): only "on time", "arrival time", ...
    ("this time it's seven seven three two", "ACCOUNT_NUMBER"),
    ("any time nine four two one", "ACCOUNT_NUMBER"),
    ("my case number is four five six seven eight nine", "ACCOUNT_NUMBER"),
    # a phone number after "at" is no time
    ("call me at five oh five five five one two one two", "PHONE_NUMBER"),
    # a cue nearer than the product line keeps the value
    ("my iphone number is four one five five five five two nine one eight", "PHONE_NUMBER"),
    (
        "my account number is between two and three oh four one two nine eight seven six five",
        "ACCOUNT_NUMBER",
    ),
]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_number_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text, "identifiers")
    assert found == [], (text, found)


@pytest.mark.parametrize(("text", "label"), VALUES)
def test_values_beside_number_talk_stay(default_pipeline: Pipeline, text: str, label: str) -> None:
    assert label in found_labels(default_pipeline, text), text


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("set an alarm for eleven oh five", "set an alarm for 11:05"),
        ("at six oh five pm", "at 6:05 pm"),
        ("wake me at seven oh five please", "wake me at 7:05 please"),
        # not after "is": an apartment, a room, a short code keeps its digits
        ("my apartment is five oh seven", "my apartment is 507"),
        ("room three oh five", "room 305"),
        # a longer run is no time
        ("call me at five oh five five five one two one two", "call me at 505551212"),
        # "zero" is no "oh" of a clock
        ("set an alarm for eleven zero five", "set an alarm for 1105"),
    ],
)
def test_an_hour_oh_and_a_digit_after_a_clock_word_is_a_time(text: str, written: str) -> None:
    assert SpokenNumberNormalizer().normalize_batch([text])[0].text == written
