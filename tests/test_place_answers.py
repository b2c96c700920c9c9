"""Conversation mode: a place given in answer to a question for one in the turn before.

Case table: (the turn before, the answer, the words that must be redacted as LOCATION, or None for
none). Every conversation here is made up for the test.
"""

from __future__ import annotations

from functools import cache

import pytest

from redactkit import Pipeline
from redactkit.conversation import Turn

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


@cache
def _pipeline() -> Pipeline:
    return Pipeline.default()


def _places(turns: list[str]) -> list[str]:
    result = _pipeline().conversations.redact([Turn(text, str(k)) for k, text in enumerate(turns)])
    last = result[-1]
    return [turns[-1][e.start : e.end] for e in last.entities if e.label == "LOCATION"]


@pytest.mark.parametrize(("question", "answer", "place"), CASES)
def test_a_place_answers_the_question_before(question: str, answer: str, place: str | None) -> None:
    assert _places([question, answer]) == ([place] if place else [])


def test_a_word_no_list_knows_answering_where_is_redacted() -> None:
    [_, answer] = _pipeline().conversations.redact(
        [Turn("where are you calling from", "0"), Turn("um kalvenby", "1")]
    )
    assert "kalvenby" not in answer.text


def test_the_same_speaker_asking_and_answering_is_no_answer() -> None:
    turns = [Turn("where to", "0", "caller"), Turn("reading", "1", "caller")]
    [_, answer] = _pipeline().conversations.redact(turns)
    assert answer.text == "reading"


def test_per_row_redaction_is_unchanged() -> None:
    assert _pipeline().redact("reading").text == "reading"
