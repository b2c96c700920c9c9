"""What conversation mode redacts in the turn that answers the turn before: shared by the case tables of
names, ages and places given in answer (test_name_questions, test_age_answers, test_place_answers)."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from _support import shared_default_pipeline as default_pipeline

from redactkit.conversation import Turn

__all__ = ["answered_values", "default_pipeline", "redacted_answer"]


def answered_values(turns: Sequence[str], labels: Collection[str]) -> list[tuple[str, str]]:
    """(words, label) of each entity of ``labels`` conversation mode finds in the last of ``turns``
    (each said by a speaker of its own)."""
    result = default_pipeline().conversations.redact([Turn(text, str(k)) for k, text in enumerate(turns)])
    last = turns[-1]
    return [(last[e.start : e.end], e.label) for e in result[-1].entities if e.label in labels]


def redacted_answer(question: str, answer: str, speaker: str | None = None) -> str:
    """The answer turn as conversation mode writes it after the question (both said by ``speaker``
    when given: one speaker asking and answering)."""
    turns = [Turn(question, "0", speaker), Turn(answer, "1", speaker)]
    return default_pipeline().conversations.redact(turns)[1].text or ""
