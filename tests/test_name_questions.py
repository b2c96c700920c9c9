"""Conversation mode: a name given in answer to a question for one in the turn before.

Case table: (the turn before, the answer, the words that must be redacted as PERSON, or None for
none). Every conversation here is made up for the test.
"""

from __future__ import annotations

import pytest
from _answers import answered_values, default_pipeline, redacted_answer

CASES = [
    # a dictionary word given as the name: the question makes it one
    ("thanks for calling can i have your full name please", "rock", "rock"),
    ("what is your last name", "it's smith", "smith"),
    ("and who am i speaking with today", "uh my name is drew king", "drew king"),
    ("may i know your name", "kitchen", None),  # a frequent word no name list has
    ("could you tell me the name on the account", "j quorrin", "j quorrin"),
    ("what is your first name", "hannelore and the account is four four one two", "hannelore"),
    # no question for a name: the word stays a word
    ("what would you like to order", "jam", None),
    ("which street is it on", "king", None),
    # a question for a name answered with a request, a greeting or a refusal
    ("who am i speaking with", "sorry can you repeat that", None),
    ("can i get your name", "hello", None),
    ("what is your name", "one moment please", None),
]


@pytest.mark.parametrize(("question", "answer", "name"), CASES)
def test_a_name_answers_the_question_before(question: str, answer: str, name: str | None) -> None:
    assert answered_values([question, answer], {"PERSON"}) == ([(name, "PERSON")] if name else [])


def test_the_same_speaker_asking_and_answering_is_no_answer() -> None:
    assert redacted_answer("what was her name again", "rock", "caller") == "rock"


def test_per_row_redaction_is_unchanged() -> None:
    assert default_pipeline().redact("rock").text == "rock"
