"""Where a dictated number ends, and which numbers are no identifiers (issues 12 and 19).

A value dictated in parts ("four one five ... hang on ... five five five one two one two") is one
value: its extent comes from its grammar (complete lengths per label, area code said last,
extensions, spelled letter prefixes), and the aside in the middle is redacted with it (fail closed).
Numbers after a negative context (flights, rooms, prices, scores, lottery draws, arithmetic) stay
readable when they are short or read in groups; long runs read digit by digit keep their shape.
"""

from __future__ import annotations

import pytest
from _support import spoken_digits, uncovered_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.detect import IdentifierDetector
from redactkit.synth._say import say_digits


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an aside inside the value: the whole region is one value
        (
            "you can call me on four one five hang on i wrote it down five five five one two one two",
            "four one five hang on i wrote it down five five five one two one two",
        ),
        (
            "my social security number is one two three uh give me a second four five six seven eight",
            "one two three uh give me a second four five six seven eight",
        ),
        (
            "the card number is four one one one one one one one sorry the line is bad one one one one "
            "one one one one",
            "four one one one one one one one sorry the line is bad one one one one one one one one",
        ),
        (
            "zip code nine oh two just a moment one oh",
            "nine oh two just a moment one oh",
        ),
        (
            "my account number is seven seven one two six four three eight two one okay and then four four "
            "five",
            "seven seven one two six four three eight two one okay and then four four five",
        ),
        # the area code said last, an extension
        (
            "call me at five five five one two one two area code four one five",
            "five five five one two one two area code four one five",
        ),
        (
            "my cell is five five five one two one two the area code is four one five extension two three",
            "five five five one two one two the area code is four one five extension two three",
        ),
        # no cue at all: a seven digit local number and its area code after it
        (
            "it's eight six seven five three oh nine area code two one two",
            "eight six seven five three oh nine area code two one two",
        ),
        # a country code, then an aside
        (
            "reach me at plus four four let me look it up seven nine one one one two three four five six",
            "four four let me look it up seven nine one one one two three four five six",
        ),
        # spelled letters before the digits belong to the code
        (
            "my member id is b as in bravo k dash four four one two nine eight seven",
            "b as in bravo k dash four four one two nine eight seven",
        ),
        ("the policy number is q r seven seven one two eight three", "q r seven seven one two eight three"),
        # a card number without a cue, one group corrected or started again: both attempts are read as
        # one run, a valid card number without the first attempt
        (
            "here you go forty five thirty one i mean forty five thirty two oh one fifty one twelve eighty "
            "three oh three sixty six",
            "forty five thirty one i mean forty five thirty two oh one fifty one twelve eighty three oh "
            "three sixty six",
        ),
        (
            "six oh one one um six oh one one zero zero zero nine nine zero one three nine four two four",
            "six oh one one um six oh one one zero zero zero nine nine zero one three nine four two four",
        ),
        (
            "that's thirty seven fourteen ninety six thirty five thirty nine eighty four thirty five scratch "
            "that thirty one four",
            "thirty seven fourteen ninety six thirty five thirty nine eighty four thirty five scratch that "
            "thirty one four",
        ),
    ],
)
def test_dictated_values_are_redacted_whole(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


def test_a_complete_value_is_not_joined_to_the_next_one(default_pipeline: Pipeline) -> None:
    text = "my phone is five five five one two three four five six seven and the zip is nine oh two one oh"
    entities = default_pipeline.analyze(text)
    labels = {text[e.start : e.end]: e.label for e in entities}
    assert labels == {
        "five five five one two three four five six seven": "PHONE_NUMBER",
        "nine oh two one oh": "ZIP_CODE",
    }


@pytest.mark.parametrize(
    "text",
    [
        "is flight two three five seven on time",
        "we boarded flight one one eight four",
        "i'm staying in room four one two",
        "my seat is twenty three",
        "open the book to page three forty two",
        "the stock closed at seven hundred fifty six thirteen",
        "it was charged eight hundred thirty two twenty five",
        "the winning numbers were four eleven nineteen twenty six thirty three forty eight",
        "the lottery numbers are five twelve eighteen twenty two thirty one fifty",
        # a draw said after the numbers
        "did three nine fourteen twenty two forty one fifty win last night",
        "so did six twelve nineteen thirty thirty eight forty four win anything",
        "add four four one eight and ninety four eighty two",
        "the lakers won ninety four to one hundred eight",
        "turn it to channel two oh six",
        "preheat the oven to three seven five",
        "take route four oh five",
        "the jackpot is twelve million",
        "install version eleven point two",
    ],
)
def test_number_negatives_are_left_alone(default_pipeline: Pipeline, text: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


_NUMBER_LABELS = frozenset(
    {"PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "ACCOUNT_NUMBER", "ZIP_CODE", "PIN", "US_PASSPORT"}
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # an identifier cue nearer than the negative context wins
        (
            "for the flight my confirmation number is two three five seven nine",
            "two three five seven nine",
        ),
        # a long run read digit by digit keeps its shape after a negative context
        (
            "the room phone is five five five two one two three four five six",
            "five five five two one two three four five six",
        ),
        # "plus" and a country code: a phone number, not arithmetic
        (
            "plus four four seven nine one one one two three four five six",
            "four four seven nine one one one two three four five six",
        ),
    ],
)
def test_identifiers_survive_negative_contexts(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


_ASIDES = (
    "hang on",
    "sorry one moment",
    "let me read it off the letter",
    "uh i wrote it down somewhere",
    "where did i put it",
    "okay got it",
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    digits=st.text("0123456789", min_size=10, max_size=10),
    cut=st.integers(3, 7),
    aside=st.sampled_from(_ASIDES),
    cue=st.sampled_from(["my phone number is", "call me on", "my mobile is", "you can text me at"]),
)
def test_property_a_phone_number_with_an_aside_is_redacted_whole(
    default_pipeline: Pipeline, digits: str, cut: int, aside: str, cue: str
) -> None:
    value = f"{spoken_digits(digits[:cut])} {aside} {spoken_digits(digits[cut:])}"
    text = f"{cue} {value} thanks"
    assert uncovered_words(default_pipeline, text, value) == []


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=st.text("0123456789", min_size=15, max_size=15),
    group=st.integers(0, 3),
    wrong=st.integers(0, 3),
    correction=st.sampled_from(["no sorry", "i mean", "uh", "scratch that"]),
)
def test_property_a_card_number_with_a_corrected_group_is_redacted_whole(
    default_pipeline: Pipeline, body: str, group: int, wrong: int, correction: str
) -> None:
    from stdnum import luhn

    digits = body + luhn.calc_check_digit(body)
    groups = [digits[k : k + 4] for k in range(0, 16, 4)]
    said = groups[group]
    first = said[:wrong] + str((int(said[wrong]) + 1) % 10) + said[wrong + 1 :]
    parts = [spoken_digits(g) for g in groups]
    parts[group] = f"{spoken_digits(first)} {correction} {parts[group]}"
    value = " ".join(parts)
    text = f"okay it's {value} thanks"
    assert uncovered_words(default_pipeline, text, value) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    number=st.integers(1, 99999),
    context=st.sampled_from(
        ["is flight", "i'm in room", "open to page", "it closed at", "we won", "my seat is", "take exit"]
    ),
    style=st.sampled_from(["plain", "pairs", "hundreds", "oh"]),
    seed=st.integers(0, 1000),
)
def test_property_short_numbers_after_a_negative_context_stay(
    default_pipeline: Pipeline, number: int, context: str, style: str, seed: int
) -> None:
    import random

    text = f"{context} {say_digits(str(number), random.Random(seed), style)}"
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


def test_negative_contexts_and_asides_can_be_switched_off() -> None:
    strict = IdentifierDetector(negative_contexts=False, max_aside_words=0)
    from redactkit.normalize import SpokenNumberNormalizer

    aligned = SpokenNumberNormalizer().normalize(
        "the winning numbers were four eleven nineteen twenty six thirty three forty eight"
    )
    assert [e.label for e in strict.detect(aligned)] == ["PHONE_NUMBER"]
    assert IdentifierDetector().detect(aligned) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # after a strong cue the value is redacted however badly it was recognized (fail closed)
        ("my zip code is for one sex four for", "for one sex four for"),
        ("the zip is free want six seven seven", "free want six seven seven"),
        (
            "my account number is p as inpeter z double three five one true four",
            "p as inpeter z double three five one true four",
        ),
        (
            "social security number is hate too won for sicks nein oh oh too",
            "hate too won for sicks nein oh oh too",
        ),
    ],
)
def test_values_after_a_cue_survive_misrecognition(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize(
    "text",
    [
        "my card number for the hotel is on file",
        "my phone is in the car",
        "call me at nine tonight",
        "my account is overdrawn by two hundred dollars",
        "the zip on the bag is broken",
    ],
)
def test_a_cue_without_a_value_redacts_nothing(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "i'm in room one zero four nine",
        "meet me at gate twenty five at five forty",
        "take route four oh five and then exit twelve",
        "was flight k l m six eight zero on time",
        "is flight d l twenty five twenty five on time",
    ],
)
def test_rooms_gates_roads_and_flights_are_no_pii(default_pipeline: Pipeline, text: str) -> None:
    assert default_pipeline.analyze(text) == [], [
        (e.label, e.detector) for e in default_pipeline.analyze(text)
    ]


def test_a_house_number_still_makes_an_address_with_a_room(default_pipeline: Pipeline) -> None:
    text = "i live at twelve main street room four"
    assert uncovered_words(default_pipeline, text, "twelve main street room four") == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the first digit word of the value misheard as a word, after the cue
        (
            "it's a visa floor oh oh nine three seven one seven eight three two three five five nine nine",
            "floor oh oh nine three seven one seven eight three two three five five nine nine",
        ),
        # a value that starts on a homophone that is also a negative context word ("won")
        (
            "the card is too won oh two one heaven eight nine eight nine five heaven two nine",
            "too won oh two one heaven eight nine eight nine five heaven two nine",
        ),
        # "won" (a score word) is here the first digit of a toll-free number
        (
            "won eight hundred two three three five two one two",
            "eight hundred two three three five two one two",
        ),
        # a garbled one-word cue right before the value
        ("the sip is nine oh two one oh", "nine oh two one oh"),
        # digits the recognizer turned into other words still count toward an identifier's length
        ("seven one four five for", "seven one four five for"),
    ],
)
def test_noisy_values_are_redacted(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize(
    "text",
    [
        "count with me one two three four five six seven eight",
        "ten nine eight seven six five four three two one liftoff",
        "the numbers on the board are twelve nineteen twenty six thirty three forty",
        "the phone battery is at one hundred percent",
        "we won one oh to ninety",
    ],
)
def test_lists_counting_and_quantities_are_no_identifiers(default_pipeline: Pipeline, text: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


# -- decimals and fiscal periods (#13): quantities and dates, never codes -----------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "we now see growth of one point two to one point four billion this year",
        "the churn rate came down to three point one five percent",
        "our leverage ratio should stay near two point seven two point nine",
        "we hope to reach a record sixty two point four percent gross margin",
        "sales in q three twenty twenty one beat the plan",
        "looking at q four twenty nineteen versus q four twenty twenty",
        "in h one twenty two our margin expanded",
        "guidance for fiscal twenty twenty four is unchanged",
        "we reaffirm our fy twenty three outlook",
        "the third quarter of twenty twenty was a record",
        "please call in during quarter two twenty twenty one for the update",
        "the c o two intensity fell again",
    ],
)
def test_decimals_and_periods_are_no_identifiers(default_pipeline: Pipeline, text: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # identifiers said with "point" or "dot" are still read as addresses or values
        (
            "the router is at one nine two point one six eight point zero point one",
            "one nine two point one six eight point zero point one",
            "IP_ADDRESS",
        ),
        ("ping ten dot four dot two dot nine please", "ten dot four dot two dot nine", "IP_ADDRESS"),
        ("write to kim dot lo at example dot com", "kim dot lo at example dot com", "EMAIL_ADDRESS"),
        (
            "my account number is four four one point two two three nine eight",
            "four four one point two two three nine eight",
            "ACCOUNT_NUMBER",
        ),
        (
            "it's four fifteen point five five five point one two one two",
            "four fifteen point five five five point one two one two",
            "PHONE_NUMBER",
        ),
        # a value next to a decimal or a period is found, and the decimal or period is not in it
        (
            "growth was two point five percent and my phone is five five five one two three four",
            "five five five one two three four",
            "PHONE_NUMBER",
        ),
        (
            "in q two twenty twenty my member number was seven seven one three nine two",
            "seven seven one three nine two",
            "ACCOUNT_NUMBER",
        ),
    ],
)
def test_values_said_with_points_are_still_found(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    entities = default_pipeline.analyze(text)
    assert uncovered_words(default_pipeline, text, value) == []
    start = text.index(value)
    covering = [e for e in entities if e.start <= start and e.end >= start + len(value)]
    assert label in {e.label for e in covering}, [(e.label, text[e.start : e.end]) for e in entities]
    assert all(e.start >= start and e.end <= start + len(value) for e in covering if e.label == label)


def test_periods_are_date_time_when_asked() -> None:
    pipeline = Pipeline.from_config(
        {"detectors": [{"name": "identifiers", "labels": ["DATE_TIME", "ACCOUNT_NUMBER"]}]}
    )
    text = "our q three twenty nineteen sales and fiscal twenty twenty one guidance"
    found = sorted((text[e.start : e.end], e.label) for e in pipeline.analyze(text))
    assert found == [("fiscal twenty twenty one", "DATE_TIME"), ("q three twenty nineteen", "DATE_TIME")]
