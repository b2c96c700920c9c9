"""Conversation mode: an age given in answer to an age question in the turn before.

Case table: (the turn before, the answer, the words that must be redacted as an age with their label,
or None for none). Every conversation here is made up for the test.
"""

from __future__ import annotations

import pytest
from _answers import answered_values, default_pipeline

from redactkit.conversation.answers import age_answers
from redactkit.core import AlignedText

CASES = [
    # a number alone answers the question: an age (a child's now: MINOR)
    ("and how old are you", "forty two", ("forty two", "AGE")),
    ("can i get your age please", "uh sixty one", ("sixty one", "AGE")),
    ("how old is the patient", "seventy.", ("seventy", "AGE")),
    ("and how old is your son", "um seven", ("seven", "MINOR")),
    ("how old is the baby", "eighteen months", ("eighteen months", "MINOR")),
    ("how old's your daughter", "she's, uh, four and a half", ("four and a half", "MINOR")),
    ("what's the age of the driver", "nineteen years old", ("nineteen years old", "AGE")),
    ("how old were you when it happened", "twelve", ("twelve", "AGE")),  # a past age: an adult's
    ("your age sir", "52", ("52", "AGE")),
    ("how old is he", "sixty three now", ("sixty three", "AGE")),
    ("how old are the twins", "both seven", ("seven", "MINOR")),
    # a thing's age, a number that says something else, no age question
    ("how old is the car", "ten", None),
    ("how old is it", "about five years", None),
    ("how old are you", "five minutes and i'll tell you", None),
    ("how many tickets do you need", "four", None),
    ("what's your zip code", "nine four one", None),
    ("how old are you", "why do you ask", None),
]


@pytest.mark.parametrize(("question", "answer", "age"), CASES)
def test_an_age_answers_the_question_before(question: str, answer: str, age: tuple[str, str] | None) -> None:
    found = age_answers([AlignedText.identity(question), AlignedText.identity(answer)], [None, None])
    assert [(answer[e.start : e.end], e.label) for e in found[1]] == ([age] if age else [])
    if age:  # the conversation redacts it (another detector may have found it already)
        assert any(
            age[0] in value or value in age[0]
            for value, _ in answered_values([question, answer], {"AGE", "MINOR"})
        )


@pytest.mark.parametrize(
    ("answer", "ages"),
    [
        ("six and nine", ["six", "nine"]),  # review39 M2: every child's age, not the first only
        ("uh they're twelve, nine and four", ["twelve", "nine", "four"]),
        ("six and nine dollars", []),  # the last number goes on to say something else
    ],
)
def test_every_age_of_an_answer_is_one(answer: str, ages: list[str]) -> None:
    question = AlignedText.identity("how old are your kids")
    found = age_answers([question, AlignedText.identity(answer)], [None, None])
    assert [answer[e.start : e.end] for e in found[1]] == ages


def test_the_same_speaker_asking_and_answering_is_no_answer() -> None:
    question, answer = AlignedText.identity("how old was she then"), AlignedText.identity("nine")
    assert age_answers([question, answer], ["caller", "caller"]) == [[], []]


def test_per_row_redaction_is_unchanged() -> None:
    assert default_pipeline().redact("forty two").text == "forty two"
