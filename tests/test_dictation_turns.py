"""Numbers dictated across a conversation (issue 12): the other party's back-channels and questions,
corrections after a complete part, parts read in pairs after an aside, long stacked asides.

A transcript of both sides puts the agent's "okay?", "got it" or "caller :" inside the caller's
number, and the question ("and the last four?") right before a bare answer. Full coverage: every word
from the value's first to its last word is redacted, the interruption included (fail closed). Numbers
near such talk that are no value (counts, times, flights, rooms, prices) stay. All sentences are
invented.
"""

from __future__ import annotations

import pytest
from _support import assert_redacted_whole, spoken_digits, uncovered_words
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.detect._dictation import aside_length, speaker_label, spoken_gap
from redactkit.lang import tokenize, value_interruptions

_NUMBER_LABELS = {"PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "ACCOUNT_NUMBER", "ZIP_CODE", "IBAN_CODE", "PIN"}


@pytest.mark.parametrize(
    ("gap", "length"),
    [
        ("hold on", 1),  # a phrase said inside values counts as one word
        ("sorry hold on let me check", 3),
        ("sorry the printer is jammed", 5),
        ("", 0),
    ],
)
def test_aside_length(gap: str, length: int) -> None:
    assert aside_length(gap.split(), value_interruptions("en-US")) == length


def test_spoken_gap_leaves_out_marks_and_who_speaks() -> None:
    tokens = tokenize("512 okay? agent: mhm, caller: 334")
    assert spoken_gap(tokens, 1, len(tokens) - 1, frozenset({",", "?"}), frozenset({"agent", "caller"})) == [
        "okay",
        "mhm",
    ]
    assert speaker_label(["agent", ":"], 0, frozenset({"agent"}))
    assert not speaker_label(["412", ":"], 0, frozenset({"agent"}))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the part after an aside read in pairs
        (
            "my cell is six one nine seven two oh ... "
            "sorry the cat knocked my tea over ... eighteen forty four",
            "six one nine seven two oh ... sorry the cat knocked my tea over ... eighteen forty four",
        ),
        (
            "the card number is five five two three nine nine one oh four four seven two hmm "
            "let me tilt it sixty one thirty eight",
            "five five two three nine nine one oh four four "
            "seven two hmm let me tilt it sixty one thirty eight",
        ),
        # a correction after a complete part, and after the complete value
        (
            "my phone number is two oh six eight one seven four four nine one no no it's four nine three",
            "two oh six eight one seven four four nine one no no it's four nine three",
        ),
        (
            "my zip is eight oh two one six my mistake it's two one five",
            "eight oh two one six my mistake it's two one five",
        ),
        (
            "social is five one seven two two eight four four six not quite it's eight four six six",
            "five one seven two two eight four four six not quite it's eight four six six",
        ),
        # back-channels of the other party inside the value, with a turn's marks and who speaks
        (
            "the number to call is three one two okay? eight eight six got it, one four oh nine",
            "three one two okay? eight eight six got it, one four oh nine",
        ),
        (
            "caller: my account number is four four seven one agent: okay caller: nine nine two oh "
            "agent: mhm caller: three three one eight",
            "four four seven one agent: okay caller: nine nine "
            "two oh agent: mhm caller: three three one eight",
        ),
        # a double after an aside that ends with a verb's particle
        (
            "my mobile is nine one seven hold on let me "
            "turn the card over double two eight four one five one",
            "nine one seven hold on let me turn the card over double two eight four one five one",
        ),
        # asides stacked one after another
        (
            "my ssn is four two nine sorry hold on my son is asking something let me check one sec "
            "six eight three one five two",
            "four two nine sorry hold on my son is asking something "
            "let me check one sec six eight three one five two",
        ),
    ],
)
def test_a_value_dictated_across_turns_is_redacted_whole(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert uncovered_words(default_pipeline, text, value) == [], [
        (e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)
    ]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        ("agent: and the last four? caller: six two nine oh", "six two nine oh", "ACCOUNT_NUMBER"),
        (
            "can you read me the last four digits? yeah it's three three eight one",
            "three three eight one",
            None,
        ),
        (
            "rep: what's a good number for you? client: seven oh four two two one nine eight three six",
            "seven oh four two two one nine eight three six",
            "PHONE_NUMBER",
        ),
        (
            "agent: the last four of your social? caller: it's two nine nine four",
            "two nine nine four",
            "US_SSN",
        ),
        (
            "what's the number at the top of the letter? sure forty one seventeen twenty two",
            "forty one seventeen twenty two",
            None,
        ),
    ],
)
def test_a_bare_answer_to_a_question_for_a_number_is_redacted(
    default_pipeline: Pipeline, text: str, value: str, label: str | None
) -> None:
    assert_redacted_whole(default_pipeline, text, value, label)


@pytest.mark.parametrize(
    "text",
    [
        "agent: how many guests? caller: four",
        "agent: which room are you in? caller: four eighteen",
        "agent: what time suits you? caller: three forty five",
        "agent: which flight is it? caller: nineteen oh six",
        "agent: and the last four? caller: sorry i don't have the card with me",
        "the last four seasons we finished twenty one and nine",
        "agent: how many nights? caller: two no wait three nights",
        "it came to thirty four twenty no sorry thirty four sixty",
        "order twenty boxes no wait twenty five boxes",
        "agent: what's the total? caller: eighty two forty",
    ],
)
def test_number_talk_in_conversations_stays(default_pipeline: Pipeline, text: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


def test_a_correction_does_not_swallow_a_quantity(default_pipeline: Pipeline) -> None:
    text = "my phone is three one two five five five oh one nine eight sorry i'm late by twenty minutes"
    entities = default_pipeline.analyze(text)
    late = text.index("late")
    assert not any(e.start <= late < e.end for e in entities), entities


_BACK_CHANNELS = ("okay?", "mhm,", "got it", "agent: uh huh caller:", "right okay", "yep?")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    digits=st.text("0123456789", min_size=10, max_size=10),
    first=st.sampled_from(_BACK_CHANNELS),
    second=st.sampled_from(_BACK_CHANNELS),
)
def test_property_a_phone_number_with_back_channels_is_redacted_whole(
    default_pipeline: Pipeline, digits: str, first: str, second: str
) -> None:
    head, middle, tail = (spoken_digits(part) for part in (digits[:3], digits[3:6], digits[6:]))
    value = f"{head} {first} {middle} {second} {tail}"
    text = f"my phone number is {value} thanks"
    assert uncovered_words(default_pipeline, text, value) == []


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a cue with its "is" contracted onto it ("zip code's", "number's")
        (
            "the zip code's nine seven two hang on the dog is out three one",
            "nine seven two hang on the dog is out three one",
            "ZIP_CODE",
        ),
        ("my cell number's six one seven two two four three eight oh five", None, "PHONE_NUMBER"),
        ("the policy number's forty one eighteen sixty two ninety three seventy", None, "ACCOUNT_NUMBER"),
        # a correction that ends on "to" ("actually change that to ...")
        (
            "my zip is three oh one four four actually change that to four six",
            "three oh one four four actually change that to four six",
            "ZIP_CODE",
        ),
        # the corrected part restates more than the last group, up to a complete value
        (
            "my social is four four one two six sorry update it to two nine six one eight two",
            "four four one two six sorry update it to two nine six one eight two",
            "US_SSN",
        ),
        # the country code names a phone number, not a PIN
        (
            "you can call me on country code four four and then seven nine one one hmm "
            "wait a sec five two six oh eight eight",
            "four four and then seven nine one one hmm wait a sec five two six oh eight eight",
            "PHONE_NUMBER",
        ),
        # an aside that says a range word in its middle, next to a word that only sounds like a digit
        (
            "my visa is four one one seven two two oh nine five five three one sorry my twins are "
            "fighting over the tablet eight eight one four",
            "four one one seven two two oh nine five five three one sorry my twins are "
            "fighting over the tablet eight eight one four",
            "CREDIT_CARD",
        ),
        # an aside that ends on a verb's particle after a contraction ("i'm pulling over")
        (
            "my social is two one seven hold on i'm pulling over six six three oh four one",
            "two one seven hold on i'm pulling over six six three oh four one",
            "US_SSN",
        ),
        # a negative context inside an aside, then a word the caller resumes with
        (
            "my phone is three one two six oh four sorry that was my kitchen timer okay two two eight one",
            "three one two six oh four sorry that was my kitchen timer okay two two eight one",
            "PHONE_NUMBER",
        ),
        # a student's roll number ("roll" alone is a dice word)
        ("my roll number is three eight one five two six", "three eight one five two six", "ACCOUNT_NUMBER"),
        # every group read back by the agent, in pairs
        (
            "agent: can i get the card number? caller: forty one twelve agent: forty one twelve "
            "caller: yes then thirty six eighty one agent: thirty six eighty one caller: right then "
            "fifty seven twenty agent: okay caller: sixty three ninety four",
            "forty one twelve agent: forty one twelve caller: yes then thirty six eighty one agent: "
            "thirty six eighty one caller: right then fifty seven twenty agent: okay caller: sixty "
            "three ninety four",
            None,
        ),
    ],
)
def test_values_under_long_asides_and_corrections_are_redacted_whole(
    default_pipeline: Pipeline, text: str, value: str | None, label: str | None
) -> None:
    if value is None:
        value = text[text.index(" ", text.index("'s")) + 1 :]
    assert_redacted_whole(default_pipeline, text, value, label)


@pytest.mark.parametrize(
    "text",
    [
        # a time or a price said whole, corrected, and said again
        "can we move it to nine twenty i mean nine fifty",
        "the pickup is at three ten no wait four thirty five",
        "the webinar is at eleven forty five sorry twelve fifteen central",
        "my rent went up to fourteen eighty no sorry fifteen twenty",
        "i get off at five oh five ... hold on no six oh five",
        # dice said one by one
        "i keep rolling three one six six two",
        "she rolled four four two five one and won the round",
        # a title with numbers and a contraction that names no value
        "my phone's at twelve percent",
        "the card's expired since march",
        # a product line named after its number, a game's result, two amounts said with "thousand"
        "we bought the seven one four two oh model last year",
        "the game went twenty one seventeen thirty three twelve forty four eighteen",
        "please order two thousand one hundred six and five thousand three hundred twelve of the blue ones",
    ],
)
def test_corrected_times_prices_and_dice_stay(default_pipeline: Pipeline, text: str) -> None:
    found = [(e.label, text[e.start : e.end]) for e in default_pipeline.analyze(text)]
    assert not [label for label, _ in found if label in _NUMBER_LABELS], found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a value read out before two amounts said with "thousand" keeps its span (review38 H3): only a
        # value that starts as an amount is two amounts
        (
            "my social is one two three four five six seven eight nine"
            " and i owe two thousand or three thousand",
            "one two three four five six seven eight nine",
        ),
        (
            "call me at four one five five five five one two one two"
            " about the two thousand and the three thousand",
            "four one five five five five one two one two",
        ),
    ],
)
def test_a_value_before_two_amounts_is_redacted_whole(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert uncovered_words(default_pipeline, text, value) == []
