"""Conversation mode: a place given in answer to a question for one in the turn before.

Case table: (the turn before, the answer, the words that must be redacted as LOCATION, or None for
none). Every conversation here is made up for the test.
"""

from __future__ import annotations

import pytest
from _answers import answered_values, default_pipeline, redacted_answer

CASES = [
    # a place that is also a word or a person's name: the question vouches for it
    ("where to", "reading", "reading"),
    ("which city should i check", "uh aurora please", "aurora"),
    ("where would you like to fly from", "from mobile", "mobile"),
    ("what's your destination", "the bronx", "the bronx"),
    ("which town is that", "tolleston falls", "tolleston falls"),  # a part-of-place word after a name
    ("where are you headed today", "salem oregon i think", "salem oregon"),
    # everyday answers, numbers and answers that go on name no place
    ("where are you right now", "at home", None),
    ("where did you leave the charger", "in the kitchen", None),
    ("where's the meeting", "room four", None),
    ("where should we eat", "somewhere cheap", None),
    ("where were we", "chapter three", None),
    ("where to", "reading is fine but first the bank", None),
    # a kind of place alone names no particular one (review40 L7)
    ("where to", "the airport", None),
    ("where are you headed", "the mall please", None),
    ("where should i drop you", "my school", None),
    # no question for a place: the word stays a word
    ("what are you doing tonight", "reading", None),
    ("what would you like", "orange", None),
]


@pytest.mark.parametrize(("question", "answer", "place"), CASES)
def test_a_place_answers_the_question_before(question: str, answer: str, place: str | None) -> None:
    assert answered_values([question, answer], {"LOCATION"}) == ([(place, "LOCATION")] if place else [])


def test_a_word_no_list_knows_answering_where_is_redacted() -> None:
    assert "kalvenby" not in redacted_answer("where are you calling from", "um kalvenby")


def test_the_same_speaker_asking_and_answering_is_no_answer() -> None:
    assert redacted_answer("where to", "reading", "caller") == "reading"


def test_per_row_redaction_is_unchanged() -> None:
    assert default_pipeline().redact("reading").text == "reading"
