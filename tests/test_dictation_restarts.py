"""Numbers dictated with stutters and restarts, and long asides that name another thing (issue 12).

A caller who stumbles says a digit twice ("seven- seven"), starts again ("four one- sorry four two
..."), repeats the last digit after a pause ("... oh six, erm six"), or says an aside that happens to
hold a cue or a negative word of its own ("sorry i'm reading it off my phone", "i'm in the parking
lot") before the rest of the value. Full coverage: every word from the value's first to its last word
is redacted (fail closed). Number talk that only looks like such a value (a place in a count, a team's
record, a connecting flight, a time range) stays. All sentences are invented.
"""

from __future__ import annotations

import pytest
from _support import assert_redacted_whole

from redactkit import Pipeline

_NUMBER_LABELS = {"PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "ACCOUNT_NUMBER", "ZIP_CODE", "PIN"}


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a cut-off digit said again counts once: the SSN keeps its nine digits
        (
            "my social is six, um six four two erm... one- one eight um three three nine",
            "six, um six four two erm... one- one eight um three three nine",
            "US_SSN",
        ),
        # a false start said again from its first digit
        (
            "the phone number is three- sorry three one two seven seven four nine nine one six",
            "three- sorry three one two seven seven four nine nine one six",
            "PHONE_NUMBER",
        ),
        (
            "my cell is seven one- no wait seven two five four four one oh nine eight three",
            "seven one- no wait seven two five four four one oh nine eight three",
            "PHONE_NUMBER",
        ),
        # the last digit said again after a pause
        (
            "the account number is four one one seven nine two oh six, um six okay",
            "four one one seven nine two oh six, um six",
            "ACCOUNT_NUMBER",
        ),
        # a group started again after a pause: the card keeps its sixteen digits
        (
            "my visa is four five three two one one nine eight two two oh four six seven, uh seven one",
            "four five three two one one nine eight two two oh four six seven, uh seven one",
            "CREDIT_CARD",
        ),
        # an aside with another label's cue, when the rest completes the value (and is none of its own)
        (
            "my social security number is five one seven sorry i'm reading it off my phone "
            "two two eight nine four one",
            "five one seven sorry i'm reading it off my phone two two eight nine four one",
            "US_SSN",
        ),
        # an aside ending on a negative word, when the rest completes the value to a usual length
        (
            "you can call me on six zero two hang on i'm walking across the parking lot "
            "four four one nine three eight two",
            "six zero two hang on i'm walking across the parking lot four four one nine three eight two",
            "PHONE_NUMBER",
        ),
        # the part of a number a caller gives to tell which one
        ("it's the one that ends with nine three oh two", "nine three oh two", None),
        ("it's the card that ends in four four oh one", "four four oh one", None),
        # the other party asks about a digit, or named the value earlier in its turn
        (
            "agent: go ahead with the card number whenever you're ready caller: four five five six "
            "agent: four five five six caller: yes three one two nine agent: was that a nine caller: yes "
            "and then one one four eight agent: okay and then caller: seven seven two four",
            "four five five six agent: four five five six caller: yes three one two nine agent: was that a "
            "nine caller: yes and then one one four eight agent: okay and then caller: seven seven two four",
            None,
        ),
        (
            "agent: can i get a number in case we get disconnected? caller: sure it's four one nine "
            "agent: four one nine caller: yep then two two six agent: mhm caller: then eight one seven one",
            "four one nine agent: four one nine caller: yep then two two six agent: mhm caller: then eight "
            "one seven one",
            None,
        ),
        # resuming after a long aside
        (
            "the member id is eight eight two one oh oh hmm wait that's my gym card okay here we go "
            "alright where was i three five seven six one two",
            "eight eight two one oh oh hmm wait that's my gym card okay here we go alright where was i "
            "three five seven six one two",
            "ACCOUNT_NUMBER",
        ),
    ],
)
def test_stutters_restarts_and_asides_are_redacted_whole(
    default_pipeline: Pipeline, text: str, value: str, label: str | None
) -> None:
    assert_redacted_whole(default_pipeline, text, value, label)


@pytest.mark.parametrize(
    "text",
    [
        # a place in a count
        "alright that's box three of twenty four",
        "this is order two of eleven today",
        # a team's record and seasons
        "we're forty one and thirty three on the road",
        "that was the twenty eleven twenty twelve season",
        # a connecting flight
        "my flight is two one four and it connects to seven seven three one",
        # a time range, "to" no digit
        "the class moved from four oh five to six twenty",
        # restarts in number talk
        "we need six- sorry seven chairs",
        "the total is forty two, um forty three dollars",
        # the game ends
        "the game ends in a tie",
        "my lease ends in twenty twenty six",
        "the sale ends in three days",
        # a time range after a phone cue, a price said again
        "call me between twelve oh five and eleven thirty five",
        "it was eight fifty uhh no sixty seven seventy five",
        # times offered with a hesitation, an answer to "how many", a train after a time
        "can you do eleven fifty um six oh three",
        "agent: how many times did you call? customer: seven hmm maybe eleven",
        "we're on the twelve oh five train number five twenty one",
        # counts asked about in a turn
        "agent: how many cards do you have? caller: two maybe three",
        # a number converted or measured, a release, a part, a cabin, a batting average
        "what is four four one five in binary",
        "it's ten three forty one in inches",
        "i have the six eleven three zero version",
        "the part is six one oh six dash eight three",
        "cabin one eighty four on deck two",
        "he's hitting three twenty seven with eleven homers",
    ],
)
def test_number_talk_stays(default_pipeline: Pipeline, text: str) -> None:
    entities = default_pipeline.analyze(text)
    assert [(e.label, text[e.start : e.end]) for e in entities if e.label in _NUMBER_LABELS] == []


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        # a complete value of the other label after the aside keeps the parts apart
        (
            "my social is one two three and my phone is four one five five five five one two one two",
            "one two three",
            "four one five five five five one two one two",
        ),
        # an account complete already: its correction joins, a new value does not
        (
            "my account number is one two three four five six seven eight nine oh one two "
            "and my zip is nine four one one oh",
            "one two three four five six seven eight nine oh one two",
            "nine four one one oh",
        ),
    ],
)
def test_values_of_other_labels_stay_apart(
    default_pipeline: Pipeline, text: str, first: str, second: str
) -> None:
    entities = default_pipeline.analyze(text)
    start = text.index(second)
    assert not any(e.start < start and e.end > start for e in entities), entities
    assert any(e.start <= text.index(first) < e.end for e in entities), entities


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a month's name that is a cue's next word, no day after it: the value keeps its cue
        ("my account number is may five one two three four five six", "may five one two three four five six"),
        # a phone number read in groups with a hesitation, no clock word before it
        ("it's five fifty five um twelve twelve", "five fifty five um twelve twelve"),
        ("call me at five fifty five um twelve twelve", "five fifty five um twelve twelve"),
        # a birth date and a card's expiry keep their cues
        ("the card expires march twelfth twenty twenty nine", "march twelfth twenty twenty nine"),
    ],
)
def test_values_after_a_month_word_keep_their_cue(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert_redacted_whole(default_pipeline, text, value)


def test_a_count_after_a_cue_and_its_filler_stays_redacted(default_pipeline: Pipeline) -> None:
    # "of" may be a misheard "oh" after "my order number is": fail closed
    assert_redacted_whole(default_pipeline, "my order number is nine of twenty one", "nine of twenty one")
