"""Number-rich talk that is no PII: lists of clock times, counts before a plural noun, sums said
"add ... and ...", counting by fives, public service numbers, phone menus read out, prices and floors
between a cue and its number; and the identifiers said next to such talk, which stay redacted. All
sentences are made up.

The data: ``time_lists``, ``not_plural_nouns``, ``sum_openers``/``sum_joiners``/``sum_closers`` and
``service_numbers``, ``menu_option_words`` of identifiers.yaml; "suite" and "came to" are negative contexts.
"""

from __future__ import annotations

import pytest
from _support import found_labels, found_spans

from redactkit import Pipeline
from redactkit.detect.identifiers import _clock_times

pytestmark = pytest.mark.slow

NOT_VALUES = [
    # lists of clock times after a clock word, a joiner between two of them
    "the ferry leaves at six forty five eight twenty and nine fifty",
    "the shuttle runs at eleven fifteen twelve oh five and one thirty",
    "office hours are from nine thirty to eleven forty five",
    "the clinic is open from eight fifteen till twelve thirty",
    "the lectures are at ten thirty three fifty and five ten",
    # a number said whole with a multiplier, then a plural noun: a count
    # (seven digits or more said in groups, "six four hundred twelve nine hundred three likes", read
    # like a phone number said with "hundred": redacted, fail closed; review36 H3)
    "the clip got four hundred twelve thousand nine hundred three likes",
    "in twenty eleven the museum had four thousand two hundred guests",
    "we printed two hundred forty one thousand six hundred flyers",
    # a short number said whole after a cue, then a plural noun
    "order forty two folders for the office",
    "the ticket covers sixty eight seats",
    # sums
    "add four two six one and nine three eight five",
    "add six five oh two plus one one four seven together",
    # counting by fives and tens
    "count with me five ten fifteen twenty twenty five thirty",
    "ten twenty thirty forty fifty sixty",
    # public service numbers after a phone cue
    "in an emergency dial nine one one",
    "call three one one about the pothole",
    # a phone menu read out
    "dial one for sales two for support or zero for an operator",
    "to reach us dial three for billing and four for repairs",
    # a price or a floor nearer to the number than the cue
    "the order total two thousand four hundred twelve fifty",
    "my order came to sixty two forty nine with shipping",
    "the office is on floor twelve suite four hundred six",
]

VALUES = [
    # a phone number read in pairs after a cue, then a joiner
    ("call me at five fifty five twelve thirty four and ask for dana", "PHONE_NUMBER"),
    ("reach me at four fifteen five fifty five twelve twelve or at the office", "PHONE_NUMBER"),
    # two phone numbers joined by "and" after "is": no clock list
    (
        "my number is five fifty five twelve thirty four and five fifty five twelve thirty five",
        "PHONE_NUMBER",
    ),
    # a toll-free number with "hundred" and a plural noun after it keeps its cue
    ("call one eight hundred five five five two nine one eight for appointments", "PHONE_NUMBER"),
    # a number added to something else is no sum
    ("add five five five two nine one eight to my contacts", "PHONE_NUMBER"),
    # a long code after a cue, then a plural noun
    ("my member id is four five six seven eight nine one two points", "ACCOUNT_NUMBER"),
    ("order number seven seven three one two nine four and i ordered forty boxes", "ACCOUNT_NUMBER"),
    # digit by digit, no multiplier: the plural noun does not make it a count
    ("it's four one five five five five two nine one eight thanks", "PHONE_NUMBER"),
    ("my phone number is four one five five five five two nine one eight", "PHONE_NUMBER"),
    ("my office number is five five five two nine one eight", "PHONE_NUMBER"),
    # a phone number said beside menu options keeps its digits
    ("dial one for sales two for support or call five five five two nine one eight", "PHONE_NUMBER"),
    # a long run read digit by digit after a cue keeps its shape past a negative context
    ("the account number total is four one two nine eight seven six five three two", "PHONE_NUMBER"),
]


@pytest.mark.parametrize("text", NOT_VALUES)
def test_number_talk_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    found = found_spans(default_pipeline, text, "identifiers")
    assert found == [], (text, found)


@pytest.mark.parametrize(("text", "label"), VALUES)
def test_values_beside_number_talk_stay(default_pipeline: Pipeline, text: str, label: str) -> None:
    assert label in found_labels(default_pipeline, text), text


@pytest.mark.parametrize(
    ("chunks", "times"),
    [
        (("7", "15", "9", "0", "5"), 2),  # seven fifteen nine oh five
        (("10", "33", "59"), 2),  # ten thirty three fifty nine: 10:30 3:59
        (("6", "30"), 1),
        (("11", "05"), 1),  # the normalizer's "oh five"
        (("4", "1", "5", "5"), None),  # digit by digit
        (("13", "30"), None),  # no hour
        (("7", "75"), None),  # no minutes
        (("7",), None),  # an hour without minutes
    ],
)
def test_clock_times_in_chunks(chunks: tuple[str, ...], times: int | None) -> None:
    assert _clock_times(chunks) == times


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # review36 H3: a phone number said with "hundred" among digits read one by one, then when to
        # call it, is no count of things ("evenings" is no plural noun of things counted)
        (
            "she's at two one two eight hundred four four one nine evenings",
            "two one two eight hundred four four one nine",
        ),
        (
            "you can get him on four one five nine hundred twelve thirty four mornings",
            "four one five nine hundred twelve thirty four",
        ),
        (
            "the hotline one eight hundred two two two three three three three weekdays",
            "one eight hundred two two two three three three three",
        ),
        (
            "it's six five oh three hundred forty two eleven weekdays",
            "six five oh three hundred forty two eleven",
        ),
    ],
)
def test_a_number_said_with_hundred_before_a_time_word_stays_whole(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    start = text.index(value)
    covered = [(e.start, e.end) for e in default_pipeline.analyze(text)]
    assert any(s <= start and start + len(value) <= e for s, e in covered), (text, covered)


@pytest.mark.parametrize(
    "text", ["there were four thousand two hundred guests", "two hundred fifty thousand views"]
)
def test_an_amount_said_whole_before_a_plural_noun_counts_things(
    default_pipeline: Pipeline, text: str
) -> None:
    assert default_pipeline.analyze(text) == [], text
