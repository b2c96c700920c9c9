"""Values given in answer to a question for them in the previous turn: "what is your name?" -> "rock",
"and how old is he?" -> "uh seven".

A turn alone cannot tell the name "rock" from the word, nor an age "seven" from a count; the question
before it can. Conversation mode sees the turns in order, so it adds a PERSON entity for the words
that answer a question for a name (``name_questions`` in ``redactkit/lang/<locale>/names.yaml``) and
an AGE (a child's: MINOR) for a number that answers an age question (``ages.questions`` in
``context.yaml``), and a LOCATION for the place that answers a question for one (``place_questions``
in ``places.yaml``). The entity then becomes a known value like any other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache, partial

from ..core import AlignedText, Entity
from ..detect.names import locale_given_names
from ..gazetteers import family_names, fold_word, zipf_frequency
from ..lang import get_lexicon
from ..lang.phrases import PhraseTable
from ..lang.tables import load_tables
from ..lang.tokens import Token
from ..spans import child_age

__all__ = ["AgeQuestions", "NameQuestions", "PlaceQuestions", "age_answers", "answers"]

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


def _answer_turns(
    aligned: Sequence[AlignedText | None], speakers: Sequence[str | None]
) -> Iterator[tuple[int, AlignedText, AlignedText]]:
    """Each turn with the turn before it that could have asked it something: both processed, and said
    by another speaker when speakers are known."""
    for k in range(1, len(aligned)):
        before, turn = aligned[k - 1], aligned[k]
        if before is None or turn is None:
            continue
        if speakers[k] is not None and speakers[k] == speakers[k - 1]:
            continue
        yield k, before, turn


@dataclass(frozen=True)
class _Reader:
    """How one kind of value is given in answer: whether a turn asks for it, and where an answer turn
    says it (a character span in ``aligned.text``)."""

    asks: Callable[[AlignedText], bool]
    answer: Callable[[AlignedText], tuple[int, int] | None]
    label: str
    explanation: str


def _name_reader(locale: str) -> _Reader:
    tables = _tables(locale)
    return _Reader(
        partial(_asks_for_a_name, tables=tables),
        partial(_answer, tables=tables),
        "PERSON",
        "the answer to a question for a name in the turn before",
    )


def _answers(
    reader: _Reader, aligned: Sequence[AlignedText | None], speakers: Sequence[str | None]
) -> list[list[Entity]]:
    """Per turn, the entity of the value it gives in answer to a question for one in the turn before
    (said by another speaker, when speakers are known); offsets into the original text. Names and
    places are read the same way: only the reader differs."""
    found: list[list[Entity]] = [[] for _ in aligned]
    for k, before, turn in _answer_turns(aligned, speakers):
        if not reader.asks(before):
            continue
        span = reader.answer(turn)
        if span is None:
            continue
        start, end = turn.to_original(*span)
        found[k].append(Entity(start, end, reader.label, SCORE, DETECTOR, reader.explanation))
    return found


def answers(
    aligned: Sequence[AlignedText | None],
    speakers: Sequence[str | None],
    locale: str = "en-US",
) -> list[list[Entity]]:
    """Per turn, what it gives in answer to a question for it in the turn before: a name (PERSON), an
    age (:func:`age_answers`) and a place (LOCATION: "where to?" -> "portland", "which city?" -> "uh
    bath please"); said by another speaker, when speakers are known; offsets into the original text."""
    names = _answers(_name_reader(locale), aligned, speakers)
    ages = age_answers(aligned, speakers, locale)
    places = _answers(_place_reader(locale), aligned, speakers)
    return [[*named, *aged, *placed] for named, aged, placed in zip(names, ages, places, strict=True)]


@dataclass(frozen=True)
class AgeQuestions:
    """The tables of ``ages`` in ``context.yaml`` an answer to an age question is read with (documented
    there)."""

    questions: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.questions"})
    answer_words: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.answer_words"})
    fractions: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.fractions"})
    units: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.after"})
    young_units: frozenset[str] = field(metadata={"key": "ages.young_units"})
    one_then: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.one_then"})
    past_words: frozenset[str] = field(metadata={"key": "ages.answer_past_words"})
    copulas: frozenset[str] = field(metadata={"key": "ages.answer_copulas"})
    thing_openers: frozenset[str] = field(metadata={"key": "ages.answer_thing_openers"})
    relations: frozenset[tuple[str, ...]] = field(metadata={"key": "ages.relations"})
    extra_words: frozenset[str] = field(metadata={"key": "ages.answer_extra_words"})
    low: int = field(metadata={"key": "ages.min"})
    high: int = field(metadata={"key": "ages.max"})
    minor_below: int = field(metadata={"key": "ages.minor_below"})


@dataclass(frozen=True)
class _AgeTables:
    words: AgeQuestions
    questions: PhraseTable[tuple[str, ...]]
    answer_words: PhraseTable[tuple[str, ...]]
    fractions: PhraseTable[tuple[str, ...]]
    units: PhraseTable[tuple[str, ...]]
    one_then: PhraseTable[tuple[str, ...]]
    digits: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    fillers: frozenset[str]


@cache
def _age_tables(locale: str) -> _AgeTables:
    words = load_tables(locale, "context", AgeQuestions)
    lexicon = get_lexicon(locale)
    return _AgeTables(
        words,
        PhraseTable.of(words.questions),
        PhraseTable.of(words.answer_words),
        PhraseTable.of(words.fractions),
        PhraseTable.of(words.units),
        PhraseTable.of(words.one_then),
        dict(lexicon.digits),
        dict(lexicon.teens),
        dict(lexicon.tens),
        frozenset(lexicon.fillers),
    )


def _asked_age(aligned: AlignedText, tables: _AgeTables) -> tuple[bool, bool] | None:
    """Whether the turn asks an age, and whether it asks a past one ("how old were you when ...");
    None when it asks none."""
    ages = tables.words
    words = [token.lower for token in aligned.tokens]
    for i in range(len(words)):
        length = tables.questions.at(words, i)
        if not length:
            continue
        k = i + length
        past = k < len(words) and words[k] in ages.past_words
        while k < len(words) and words[k] in ages.copulas:
            k += 1
        if k < len(words) and words[k] in ages.thing_openers:
            # "how old is your son" asks a person's age, "how old is the car" and "how old is it" a thing's
            relation = k + 1 < len(words) and any(
                tuple(words[k + 1 : k + 1 + len(phrase)]) == phrase for phrase in ages.relations
            )
            if not relation:
                continue
        return True, past
    return None


def _number(words: Sequence[str], i: int, tables: _AgeTables) -> tuple[int, int] | None:
    """The whole number 0..120 said at ``i`` ("forty two", "forty-two", "42"): (value, index after)."""
    word = words[i]
    if word.isdigit():
        return (int(word), i + 1) if len(word) <= 3 else None
    if word in tables.tens:
        value, j = tables.tens[word], i + 1
        k = j + 1 if j < len(words) and words[j] == "-" else j
        if k < len(words) and tables.digits.get(words[k], 0) > 0:
            return value + tables.digits[words[k]], k + 1
        return value, j
    if word in tables.teens:
        return tables.teens[word], i + 1
    if word in tables.digits:
        return tables.digits[word], i + 1
    if word == "a" and i + 1 < len(words) and words[i + 1] in tables.words.young_units | {"year"}:
        return 1, i + 1  # "a year and a half"
    return None


def _age_answer(tokens: Sequence[Token], tables: _AgeTables) -> list[tuple[int, int, int]]:
    """(first token, token after, value) of each age a turn opens with ("uh seven", "six and nine",
    "both seven"), when the turn says nothing else after them (a unit, a fraction, "now", "sir" and
    the end of a sentence may follow); [] when it opens with none."""
    words = [token.lower for token in tokens]
    extra = tables.words.extra_words

    def skip(k: int) -> int:
        while k < len(words):
            step = (
                1
                if words[k] in tables.fillers or words[k] in extra or not words[k].isalnum()
                else tables.answer_words.at(words, k)
            )
            if not step:
                break
            k += step
        return k

    found: list[tuple[int, int, int]] = []
    i = skip(0)
    while i < len(words):
        parsed = _number(words, i, tables)
        if parsed is None:
            break
        value, end = parsed
        if not tables.words.low <= value <= tables.words.high:
            break
        end += tables.fractions.at(words, end)
        unit = tables.units.at(words, end)
        if not unit and end < len(words) and words[end] in tables.words.young_units | {"years", "year"}:
            unit = 1  # "seven months", "forty years"
        end += unit
        found.append((i, end, value))
        following = skip(end)
        if following == end or following >= len(words) or _number(words, following, tables) is None:
            break
        i = following  # "six and nine", "twelve, nine and four": each child's age
    if not found:
        return []
    stop = found[-1][1]
    while stop < len(words) and (words[stop] in tables.fillers or not words[stop].isalnum()):
        stop += 1
    if stop < len(words) and not tables.one_then.at(words, stop) and not tables.answer_words.at(words, stop):
        return []  # "five minutes away", "twelve of them": the number goes on to say something else
    return found


def age_answers(
    aligned: Sequence[AlignedText | None],
    speakers: Sequence[str | None],
    locale: str = "en-US",
) -> list[list[Entity]]:
    """Per turn, the AGE (a child's now: MINOR) of a number that answers an age question in the turn
    before (said by another speaker, when speakers are known); offsets into the original text."""
    tables = _age_tables(locale)
    found: list[list[Entity]] = [[] for _ in aligned]
    for k, before, turn in _answer_turns(aligned, speakers):
        asked = _asked_age(before, tables)
        if asked is None:
            continue
        tokens = list(turn.tokens)
        for first, stop, value in _age_answer(tokens, tables):
            young = any(token.lower in tables.words.young_units for token in tokens[first:stop])
            label = "MINOR" if (value < tables.words.minor_below or young) and not asked[1] else "AGE"
            start, end = turn.to_original(tokens[first].start, tokens[stop - 1].end)
            why = "the answer to an age question in the turn before"
            found[k].append(
                child_age(start, end, SCORE, DETECTOR, why)
                if label == "MINOR"
                else Entity(start, end, label, SCORE, DETECTOR, why)
            )
    return found


@dataclass(frozen=True)
class PlaceQuestions:
    """The tables of ``place_questions`` in ``places.yaml`` an answer to a question for a place is read
    with (documented there)."""

    asks: PhraseTable[tuple[str, ...]] = field(metadata={"key": "place_questions.asks"})
    openers: PhraseTable[tuple[str, ...]] = field(metadata={"key": "place_questions.openers"})
    enders: PhraseTable[tuple[str, ...]] = field(metadata={"key": "place_questions.enders"})
    max_words: float = field(metadata={"key": "place_questions.max_words"})
    not_answers: frozenset[str] = field(metadata={"key": "place_questions.not_answers"})


def _asks_for_a_place(aligned: AlignedText, questions: PlaceQuestions) -> bool:
    words = aligned.tokens.words
    return any(questions.asks.at(words, i) for i in range(len(words)))


def _place_answer(aligned: AlignedText, questions: PlaceQuestions, locale: str) -> tuple[int, int] | None:
    """Character span (in ``aligned.text``) of the place a turn answers with: the whole turn but for
    fillers and ``openers`` before it ("uh", "to", "from") and ``enders`` after it ("please", "i
    guess"), at most ``max_words`` words, that the place gazetteers list (a place that is also a word
    or a name too: the question vouches for it, "where to?" -> "reading") or that holds a word no list
    knows ("kalmby"). Everyday answers ("home", "my office", "the usual place") name none."""
    from ..detect.places import answers_as_place

    tokens = [token for token in aligned.tokens if any(ch.isalnum() for ch in token.lower)]
    words = [token.lower for token in tokens]
    fillers = get_lexicon(locale).fillers
    i = 0
    while i < len(words):
        step = 1 if words[i] in fillers else questions.openers.at(words, i)
        if not step:
            break
        i += step
    stop = len(words)
    while stop > i:  # fillers and enders at the end: "portland i guess", "bath please um"
        if words[stop - 1] in fillers:
            stop -= 1
            continue
        length = next(
            (n for n in (3, 2, 1) if stop - n > i and questions.enders.at(words[:stop], stop - n) == n), 0
        )
        if not length:
            break
        stop -= length
    if not 0 < stop - i <= int(questions.max_words) or any(
        word in questions.not_answers for word in words[i:stop]
    ):
        return None
    if not answers_as_place(words[i:stop], locale):
        return None
    return tokens[i].start, tokens[stop - 1].end


def _place_reader(locale: str) -> _Reader:
    questions = load_tables(locale, "places", PlaceQuestions)
    return _Reader(
        partial(_asks_for_a_place, questions=questions),
        partial(_place_answer, questions=questions, locale=locale),
        "LOCATION",
        "the answer to a question for a place in the turn before",
    )
