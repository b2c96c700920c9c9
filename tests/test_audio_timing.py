"""Word timings -> transcript alignment, and entity spans -> time intervals (fail closed)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit.audio import (
    AudioOptions,
    Interval,
    WordTiming,
    align_words,
    entity_intervals,
    merge_intervals,
    parse_timings,
)
from redactkit.audio.intervals import raw_entity_interval

NO_PAD = AudioOptions(label_padding={}, short_word=0.0, padding=0.0, merge_gap=0.0, min_duration=0.01)


def timed(words: str, step: float = 0.5, length: float = 0.4) -> list[WordTiming]:
    """Words said one every ``step`` seconds, each ``length`` long."""
    return [WordTiming(word, i * step, i * step + length) for i, word in enumerate(words.split())]


def times_of(text: str, words: str) -> list[tuple[float, float] | None]:
    return list(align_words(text, timed(words)).token_times)


A, B, C, D, E, F, G = ((i * 0.5, i * 0.5 + 0.4) for i in range(7))


@pytest.mark.parametrize(
    ("text", "words", "expected", "unaligned", "untimed"),
    [
        # identical apart from case and punctuation
        ("Hello, John!", "hello john", [A, B], 0, 0),
        ("call me at noon.", "Call me at noon", [A, B, C, D], 0, 0),
        # token split / merge: "don't" vs "do n't", "twenty-five" vs "twenty five"
        ("i don't know", "i do n't know", [A, (0.5, 1.4), D], 0, 0),
        ("i do n't know", "i don't know", [A, B, B, C], 0, 0),
        ("he is twenty-five", "he is twenty five", [A, B, (1.0, 1.9)], 0, 0),
        # numbers written vs spoken
        ("i am 25 now", "i am twenty five now", [A, B, (1.0, 1.9), E], 0, 0),
        ("pin 5550 ok", "pin five five five oh ok", [A, (0.5, 2.4), F], 0, 0),
        ("born 1985 ok", "born nineteen eighty five ok", [A, (0.5, 1.9), E], 0, 0),
        ("the 5th floor", "the fifth floor", [A, B, C], 0, 0),
        ("i am twenty five", "i am 25", [A, B, C, C], 0, 0),
        ("call 555-0100", "call five five five oh one oh oh", [A, (0.5, 3.9)], 0, 0),
        ("call 555-0100", "call five five five dash oh one oh oh", [A, (0.5, 4.4)], 0, 0),
        ("flat 4b up", "flat four b up", [A, (0.5, 1.4), D], 0, 0),
        # symbols spoken out
        (
            "mail john.smith@gmail.com ok",
            "mail john dot smith at gmail dot com ok",
            [A, (0.5, 3.9), (4.0, 4.4)],
            0,
            0,
        ),
        ("mail john dot smith", "mail john.smith", [A, B, B, B], 0, 0),
        # missing words on either side
        ("hello john smith bye", "hello bye", [A, None, None, B], 0, 2),
        ("hello bye", "hello um john bye", [A, D], 2, 0),
        # repeats next to a gap: which copy was said when is unknowable, so no copy keeps a time
        ("call call john", "call john", [None, None, B], 0, 2),
        ("call john", "call call john", [None, C], 1, 1),
        ("no no no", "no no", [None, None, None], 0, 3),
        ("john call john call", "john call", [None, None, None, None], 0, 4),
        # near spelling
        ("the colour red", "the color red", [A, B, C], 0, 0),
        # nothing in common
        ("alpha beta", "gamma delta", [None, None], 2, 2),
        # no timings at all
        ("alpha beta", "", [None, None], 0, 2),
    ],
)
def test_alignment_cases(
    text: str,
    words: str,
    expected: list[tuple[float, float] | None],
    unaligned: int,
    untimed: int,
) -> None:
    alignment = align_words(text, timed(words))
    got = [None if t is None else (round(t[0], 6), round(t[1], 6)) for t in alignment.token_times]
    assert got == [None if t is None else (round(t[0], 6), round(t[1], 6)) for t in expected]
    assert alignment.unaligned_words == unaligned
    assert alignment.untimed_tokens == untimed


def test_punctuation_words_and_invalid_times_are_not_counted_as_speech() -> None:
    timings = [
        WordTiming("hello", 0.0, 0.4),
        WordTiming("...", 0.4, 0.5),
        WordTiming("john", None, None),
        WordTiming("smith", 2.0, 1.0),
        WordTiming("bye", 1.5, 1.9),
    ]
    alignment = align_words("hello john smith bye", timings)
    assert alignment.token_times == ((0.0, 0.4), None, None, (1.5, 1.9))
    assert alignment.words == 2
    assert alignment.invalid_words == 2
    assert alignment.untimed_tokens == 2
    assert alignment.last_end == 1.9


def test_parse_timings_accepts_arrow_rows_and_tuples() -> None:
    parsed = parse_timings([{"word": "a", "start": 0, "end": 1}, ("b", 1.0, None), None])
    assert parsed == [WordTiming("a", 0.0, 1.0), WordTiming("b", 1.0, None)]


@pytest.mark.parametrize(
    ("text", "words", "span", "expected"),
    [
        # fully timed entity: its words' times exactly
        ("call john smith now", "call john smith now", (5, 15), (0.5, 1.4)),
        # entity touches an untimed token: widen to the neighbouring timed words
        ("hello john smith bye", "hello smith bye", (6, 16), (0.0, 0.9)),
        ("well hello john smith bye", "well hello smith bye", (11, 21), (0.5, 1.4)),
        ("hello john smith bye", "hello bye", (6, 16), (0.0, 0.9)),
        # no timed word before: from 0; none after: to the utterance end (last word end)
        ("john smith bye", "bye", (0, 10), (0.0, 0.4)),
        ("hello john smith", "hello", (6, 16), (0.0, 0.4)),
        # nothing aligned in the row: the whole utterance
        ("alpha beta", "gamma delta", (0, 5), (0.0, 0.9)),
        # an entity of punctuation only sits between its neighbours
        ("hello - bye", "hello bye", (6, 7), (0.0, 0.9)),
    ],
)
def test_raw_entity_interval(
    text: str, words: str, span: tuple[int, int], expected: tuple[float, float]
) -> None:
    alignment = align_words(text, timed(words))
    low, high = raw_entity_interval(alignment, span[0], span[1], alignment.last_end)
    assert (round(low, 6), round(high, 6)) == expected


def test_no_timings_and_no_duration_runs_to_infinity_then_duration_clips() -> None:
    alignment = align_words("call john", [])
    (interval,) = entity_intervals(alignment, [(5, 9, "PERSON")], NO_PAD)
    assert interval.start == 0.0
    assert math.isinf(interval.end)
    (clipped,) = entity_intervals(alignment, [(5, 9, "PERSON")], NO_PAD, duration=3.0)
    assert (clipped.start, clipped.end) == (0.0, 3.0)


@pytest.mark.parametrize(
    ("options", "duration", "expected"),
    [
        # padding, clipped at 0 at the start of the file and at the duration at its end
        (
            AudioOptions(label_padding={}, short_word=0.0, padding=0.2, merge_gap=0.0),
            2.0,
            [(0.0, 0.6, "A"), (1.3, 2.0, "B")],
        ),
        (
            AudioOptions(label_padding={}, short_word=0.0, padding=0.2, merge_gap=0.0),
            None,
            [(0.0, 0.6, "A"), (1.3, 2.1, "B")],
        ),
        # merging: gap 1.5 - 0.4 = 1.1 s between the two words
        (
            AudioOptions(label_padding={}, short_word=0.0, padding=0.0, merge_gap=1.0),
            2.0,
            [(0.0, 0.4, "A"), (1.5, 1.9, "B")],
        ),
        (
            AudioOptions(label_padding={}, short_word=0.0, padding=0.0, merge_gap=1.1),
            2.0,
            [(0.0, 1.9, "A|B")],
        ),
        (
            AudioOptions(label_padding={}, short_word=0.0, padding=0.3, merge_gap=0.5),
            2.0,
            [(0.0, 2.0, "A|B")],
        ),
    ],
)
def test_padding_clipping_and_merging(
    options: AudioOptions, duration: float | None, expected: list[tuple[float, float, str]]
) -> None:
    alignment = align_words("one two three four", timed("one two three four"))
    got = entity_intervals(alignment, [(0, 3, "A"), (14, 18, "B")], options, duration)
    assert [(round(i.start, 6), round(i.end, 6), i.label) for i in got] == expected


def test_zero_length_words_still_get_min_duration() -> None:
    alignment = align_words("say john", [WordTiming("say", 0.0, 0.3), WordTiming("john", 1.0, 1.0)])
    (interval,) = entity_intervals(
        alignment,
        [(4, 8, "PERSON")],
        AudioOptions(label_padding={}, short_word=0.0, padding=0.0, min_duration=0.1),
    )
    assert interval.start == pytest.approx(0.95)
    assert interval.end == pytest.approx(1.05)


def test_merge_intervals_overlaps_and_labels() -> None:
    merged = merge_intervals(
        [Interval(2.0, 3.0, "B"), Interval(0.0, 1.0, "A"), Interval(0.5, 2.5, "A"), Interval(5.0, 6.0, "C")],
        gap=0.0,
    )
    assert merged == [Interval(0.0, 3.0, "A|B"), Interval(5.0, 6.0, "C")]


_WORDS = st.lists(
    st.sampled_from(["john", "smith", "five", "5", "call", "me", "at", "don't", "ok"]),
    min_size=1,
    max_size=12,
)


@given(
    text_words=_WORDS,
    timing_words=_WORDS,
    drop=st.lists(st.booleans(), min_size=12, max_size=12),
    span=st.tuples(st.integers(0, 80), st.integers(1, 40)),
    padding=st.sampled_from([0.0, 0.1]),
)
def test_every_entity_gets_a_non_empty_interval_covering_its_timed_words(
    text_words: list[str],
    timing_words: list[str],
    drop: list[bool],
    span: tuple[int, int],
    padding: float,
) -> None:
    text = " ".join(text_words)
    words = [w for w, dropped in zip(timing_words, drop, strict=False) if not dropped]
    timings = timed(" ".join(words))
    start = min(span[0], len(text) - 1)
    end = min(len(text), start + span[1])
    alignment = align_words(text, timings)
    options = AudioOptions(
        label_padding={}, short_word=0.0, padding=padding, merge_gap=0.0, min_duration=0.01
    )
    intervals = entity_intervals(alignment, [(start, end, "X")], options)
    assert intervals, "an entity never maps to nothing"
    assert all(i.end > i.start for i in intervals)
    for token, times in zip(alignment.tokens, alignment.token_times, strict=True):
        if times is not None and token.start < end and token.end > start:
            assert any(i.start <= times[0] and times[1] <= i.end for i in intervals)
    if not alignment.any_aligned:
        assert intervals[0].start == 0.0
        assert intervals[0].end >= alignment.last_end


def test_long_recordings_align_in_windows() -> None:
    """A long recording (sliding-window path) still times every token it can, and counts the rest."""
    import random

    rng = random.Random(7)
    vocab = ["the", "call", "me", "at", "john", "five", "oh", "yes", "no", "please", "thanks", "ok"]
    words = [rng.choice(vocab) for _ in range(3000)]
    dropped = set(rng.sample(range(3000), 60))
    text = " ".join(w for i, w in enumerate(words) if i not in dropped)
    alignment = align_words(text, [WordTiming(w, i * 0.3, i * 0.3 + 0.2) for i, w in enumerate(words)])
    assert alignment.untimed_tokens == 0
    assert alignment.unaligned_words == 60
    kept = [i for i in range(3000) if i not in dropped]
    for i, times in zip(kept, alignment.token_times, strict=True):
        assert times is not None
        assert times[0] <= i * 0.3 < i * 0.3 + 0.2 <= times[1]  # covers the time the word was said
        assert times[1] - times[0] < 1.0  # widened over a repeated neighbour at most
    assert alignment.ambiguous_tokens < 20


@given(
    words=st.lists(
        st.sampled_from(["call", "john", "smith", "at", "five", "oh", "ok", "the"]), min_size=1, max_size=15
    ),
    missing=st.sets(st.integers(0, 14)),
    from_text=st.booleans(),
    first=st.integers(0, 14),
    length=st.integers(1, 5),
)
def test_words_missing_on_either_side_are_still_covered(
    words: list[str], missing: set[int], from_text: bool, first: int, length: int
) -> None:
    """Fail closed: every entity word said at time t lies in an interval, whichever side lacks words.

    ``words`` is what was said, word k from k*0.5 to k*0.5+0.4 s. Either the recogniser's timings or
    the transcript lack some of them, so a repeated word next to a gap is ambiguous ("call call"
    against "call"). (When both sides lack different copies of a repeated word, the two remaining
    copies look like one and the same word: no aligner can tell, so that case is not generated.)
    """
    missing_from_text = missing if from_text else set()
    missing_from_timings = set() if from_text else missing
    in_text = [k for k in range(len(words)) if k not in missing_from_text] or [0]
    text = " ".join(words[k] for k in in_text)
    timings = [
        WordTiming(w, k * 0.5, k * 0.5 + 0.4) for k, w in enumerate(words) if k not in missing_from_timings
    ]
    starts = [sum(len(words[k]) + 1 for k in in_text[:n]) for n in range(len(in_text))]
    first = min(first, len(in_text) - 1)
    last = min(len(in_text) - 1, first + length - 1)
    span = (starts[first], starts[last] + len(words[in_text[last]]))
    duration = len(words) * 0.5
    intervals = entity_intervals(align_words(text, timings), [(*span, "X")], NO_PAD, duration)
    for k in in_text[first : last + 1]:
        assert any(i.start <= k * 0.5 and k * 0.5 + 0.4 <= i.end for i in intervals), k
