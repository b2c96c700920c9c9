"""Names given in answer to a question for them in the previous turn: "what is your name?" -> "rock".

A turn alone cannot tell the name "rock" from the word; the question before it can. Conversation
mode sees the turns in order, so it adds a PERSON entity for the words that answer a question for a
name (``name_questions`` in ``redactkit/lang/<locale>/names.yaml``). The entity then becomes a known
value like any other, and its later mentions are redacted too.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from ..core import AlignedText, Entity
from ..detect.names import locale_given_names
from ..gazetteers import family_names, fold_word, zipf_frequency
from ..lang import get_lexicon
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables

__all__ = ["NameQuestions", "name_answers"]

#: ``detector`` of names found because the previous turn asked for one
DETECTOR = "conversation"
#: score of such a name (below a cue's, above the bare-word guesses)
SCORE = 0.8


@dataclass(frozen=True)
class NameQuestions:
    """The tables of ``name_questions`` in ``names.yaml`` (documented there)."""

    asks: frozenset[tuple[str, ...]] = field(metadata={"key": "name_questions.asks"})
    openers: frozenset[tuple[str, ...]] = field(metadata={"key": "name_questions.openers"})
    answer_openers: frozenset[tuple[str, ...]] = field(metadata={"key": "name_answers.openers"})
    not_answers: frozenset[str] = field(metadata={"key": "name_questions.not_answers"})
    stopwords: frozenset[str] = field(metadata={"key": "stopwords"})
    not_names: frozenset[str] = field(metadata={"key": "not_names"})
    titles: frozenset[str] = field(metadata={"key": "name_stop_words"})
    max_words: float = field(metadata={"key": "name_questions.max_words"})
    max_zipf: float = field(metadata={"key": "name_questions.max_zipf"})
    listed_max_zipf: float = field(metadata={"key": "name_questions.listed_max_zipf"})


@dataclass(frozen=True)
class _Tables:
    words: NameQuestions
    asks: PhraseTable[tuple[str, ...]]
    openers: PhraseTable[tuple[str, ...]]
    blocked: frozenset[str]
    fillers: frozenset[str]
    given: frozenset[str]


@cache
def _tables(locale: str) -> _Tables:
    words = load_tables(locale, "names", NameQuestions)
    lexicon = get_lexicon(locale)
    numbers = lexicon.digits | lexicon.teens | lexicon.tens
    return _Tables(
        words,
        PhraseTable.of(words.asks),
        PhraseTable.of(words.openers | words.answer_openers),
        words.not_answers | words.stopwords | words.not_names | words.titles | frozenset(numbers),
        frozenset(lexicon.fillers),
        locale_given_names(locale),
    )


def _asks_for_a_name(aligned: AlignedText, tables: _Tables) -> bool:
    words = [token.lower for token in aligned.tokens]
    return any(tables.asks.at(words, i) for i in range(len(words)))


def _answer(aligned: AlignedText, tables: _Tables) -> tuple[int, int] | None:
    """Character span (in ``aligned.text``) of the name the turn starts with, if it answers with one."""
    tokens = [token for token in aligned.tokens if any(ch.isalnum() for ch in token.lower)]
    i = 0
    while i < len(tokens):
        if tokens[i].lower in tables.fillers:
            i += 1
            continue
        found = tables.openers.starting_at(tokens, i)
        if found is None:
            break
        i += found[0]
    given, family = tables.given, family_names()
    first = i
    while i < len(tokens) and i - first < int(tables.words.max_words):
        word = fold_word(tokens[i].lower)
        if not word.isalpha() or word in tables.blocked:
            break
        frequency = zipf_frequency(word)
        listed = (word in given or word in family) and frequency < tables.words.listed_max_zipf
        if not (len(word) == 1 or listed or frequency < tables.words.max_zipf):
            break
        i += 1
    named = [token for token in tokens[first:i] if len(token.lower) > 1]
    if not named:
        return None
    return tokens[first].start, tokens[i - 1].end


def name_answers(
    aligned: Sequence[AlignedText | None],
    speakers: Sequence[str | None],
    locale: str = "en-US",
) -> list[list[Entity]]:
    """Per turn, the PERSON entity of a name it gives in answer to a question for one in the turn
    before (said by another speaker, when speakers are known); offsets into the original text."""
    tables = _tables(locale)
    found: list[list[Entity]] = [[] for _ in aligned]
    for k in range(1, len(aligned)):
        before, turn = aligned[k - 1], aligned[k]
        if before is None or turn is None:
            continue
        if speakers[k] is not None and speakers[k] == speakers[k - 1]:
            continue
        if not _asks_for_a_name(before, tables):
            continue
        span = _answer(turn, tables)
        if span is None:
            continue
        start, end = turn.to_original(*span)
        found[k].append(
            Entity(
                start,
                end,
                "PERSON",
                SCORE,
                DETECTOR,
                "the answer to a question for a name in the turn before",
            )
        )
    return found
