"""Values a recognizer's noise makes of PII-free speech in the letters normalizer, the ages of the
contextual detector and the identifiers detector, and the guards against them (issue 19, "negatives
touched grows by at most 3 points"). Each table is invented: what is dropped beside what is kept.
"""

from __future__ import annotations

from functools import cache

import pytest
from _support import found_by

from redactkit.core import AlignedText
from redactkit.detect import IdentifierDetector
from redactkit.detect.contextual import ContextualDetector
from redactkit.normalize import SpelledLetterNormalizer


@cache
def _letters() -> SpelledLetterNormalizer:
    return SpelledLetterNormalizer()


@cache
def _contextual() -> ContextualDetector:
    return ContextualDetector(reference_year=2026)


@cache
def _identifiers() -> IdentifierDetector:
    return IdentifierDetector()


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        # a listed acronym's run, then an "a" that makes a more frequent dictionary word with the next
        # word: that word cut in two by the recognizer
        ("the n f l a count is closed", "the nfl a count is closed"),
        ("my v p n a cross the office", "my vpn a cross the office"),
        ("we sent the p d f a dress change", "we sent the pdf a dress change"),
        # ... not when the joined word is rarer than the word alone ("arrange", "away")
        ("the b b c a range of shows", "the bbca range of shows"),
        ("the b b c a way from home", "the bbca way from home"),
        # ... nor after a run that is no listed acronym, nor an "a" inside the run
        ("the q z x a count is closed", "the qzxa count is closed"),
        ("her name is r o s a now", "her name is rosa now"),
        ("the code is x a q please", "the code is xaq please"),
        ("it is spelled m a r t h a", "it is spelled martha"),
    ],
)
def test_a_word_cut_in_two_is_no_spelled_letter(text: str, normalized: str) -> None:
    assert _letters().normalize_batch([text])[0].text == normalized


def _ages(text: str) -> list[str]:
    return [
        text[e.start : e.end] for e in _contextual().detect(AlignedText.identity(text)) if e.label == "AGE"
    ]


@pytest.mark.parametrize(
    ("text", "ages"),
    [
        # feet and inches whose "foot" the recognizer garbled or lost among other words: a height
        ("she's about five fog three", []),
        ("he's six foe two", []),
        ("she's about six fret one", []),
        ("he's about five forte eleven", []),
        ("he's about six footthree", []),
        # ... but ages: a second age, a person between, a unit after the second number, no second number
        ("she's four or five", ["four", "five"]),
        ("she's four and he's six", ["four", "six"]),
        ("he's seven and his sister nine", ["seven", "nine"]),
        ("he's about five", ["five"]),
        ("she's about seventy two", ["seventy two"]),
        ("she's nine and loves soccer", ["nine"]),
        # ... nor words that go on after an age
        ("she's five going on six", ["five", "six"]),
        ("he's seven almost eight", ["seven", "eight"]),
        ("she's six turning seven", ["six", "seven"]),
        # feet beyond a person's height
        ("he's about twelve and then two", ["twelve"]),
    ],
)
def test_a_height_with_its_unit_misheard_is_no_age(text: str, ages: list[str]) -> None:
    assert _ages(text) == ages


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a share price after "traded at", a room after "staying in": no account number
        ("it traded at six sixty four seventy three today", set()),
        ("the stock traded at two thirty six forty nine", set()),
        ("we're staying in uh one four two three", set()),
        # ... but a value after its cue is still a value
        (
            "we're staying in room two and my account is four four one two three nine nine one",
            {"four four one two three nine nine one"},
        ),
    ],
)
def test_traded_and_staying_in_are_negative_contexts(text: str, values: set[str]) -> None:
    assert {value for _, value in found_by(_identifiers(), text)} == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a sum whose "from" or "by" the recognizer garbled, its verb heard within an edit, run together
        # with the number after it or cut in two: operands, no value
        ("subtract forty seven oh two foo nine six oh six", set()),
        ("subract forty seven oh two foo nine six oh six", set()),
        ("uh divideeight one three nine that four six four two", set()),
        ("div ide twelve in eighty three i one five six", set()),
        # ... but a turn that names an identifier keeps its value
        (
            "subtract five from my account four four one two three nine nine one two",
            {"four four one two three nine nine one two"},
        ),
        # ... and a verb that opens no sum, or one that does not open the turn, is no sum
        (
            "subscribe four four one two three nine nine one two",
            {"four four one two three nine nine one two"},
        ),
    ],
)
def test_a_garbled_sum_is_no_value(text: str, values: set[str]) -> None:
    assert {value for _, value in found_by(_identifiers(), text)} == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # numbers said whole that a draw word ends, the words the recognizer garbled inside them
        ("did one four seven fourteen thirty fifty four wish last niche", set()),
        ("did one thirty nine forty true nine fifty fifty seven when anything", set()),
        # ... but digits read one by one keep their shape, and a cue keeps a value
        # (its edges fail closed: the words around a value without a cue may be its misheard digits)
        (
            "did four four one two three nine nine one last night",
            {"did four four one two three nine nine one last night"},
        ),
    ],
)
def test_a_garbled_draw_is_no_value(text: str, values: set[str]) -> None:
    assert {value for _, value in found_by(_identifiers(), text)} == values
