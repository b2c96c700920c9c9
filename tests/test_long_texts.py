"""Long transcripts: windows for the model-backed detectors, and nothing cached past a batch."""

from __future__ import annotations

import functools
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.core import Entity
from redactkit.detect import PresidioDetector, SpacyNerDetector, _windows, ner, presidio
from redactkit.lang import tokens as tokens_module
from redactkit.lang.tokens import Token, token_cache, token_index_at, tokenize


@settings(max_examples=200, deadline=None)
@given(
    words=st.lists(st.sampled_from(["a", "bb", "ccc", "dddd", "eeeee\n", "x" * 40]), max_size=400),
    size=st.integers(min_value=50, max_value=400),
    overlap_share=st.floats(min_value=0.0, max_value=0.49),
)
def test_windows_cover_the_text_with_overlap(words: list[str], size: int, overlap_share: float) -> None:
    text = " ".join(words)
    overlap = int(size * overlap_share)
    windows = _windows.text_windows(text, size, overlap)
    assert windows[0][0] == 0
    assert windows[-1][1] == len(text)
    for start, end in windows:
        assert 0 < end - start <= size or (not text and start == end == 0)
    for (start, end), (next_start, next_end) in itertools.pairwise(windows):
        assert next_start > start and next_end > end
        assert end - next_start >= overlap  # an entity up to `overlap` long lies whole in a window


def test_tokens_are_cached_inside_a_batch_only() -> None:
    text = "call maria at five"
    assert tokenize(text) is not tokenize(text)  # nothing kept outside a batch
    with token_cache():
        assert tokenize(text) is tokenize(text)
    assert tokens_module._CACHE.get() is None
    tokens = tokenize(text)
    assert [token_index_at(tokens, offset) for offset in (0, 1, 5, 6, len(text), 99)] == [0, 1, 1, 2, 4, 4]


def _seam_text(length: int, seams: list[int], pii: str) -> tuple[str, list[int]]:
    """Filler words of ``length`` characters with ``pii`` straddling each seam offset."""
    filler = "ok so and then we talked about the weather for a while "
    text = (filler * (length // len(filler) + 1))[:length]
    placed = []
    for seam in seams:
        start = text.rfind(" ", 0, seam - len(pii) // 2) + 1
        text = text[:start] + pii + text[start + len(pii) :]
        placed.append(start)
    return text, placed


@pytest.mark.slow
def test_a_text_longer_than_spacys_limit_is_redacted_at_the_window_seams() -> None:
    """Over 1,000,000 characters: never rejected, never passed through; PII at the seams redacted."""
    length = 1_050_000
    probe = "ok so " * (length // 6)
    ner_seams = [end for _, end in _windows.text_windows(probe, ner._WINDOW, ner._OVERLAP)[:-1]]
    presidio_seams = [
        end for _, end in _windows.text_windows(probe, presidio._WINDOW, presidio._OVERLAP)[:-1]
    ]
    text, names = _seam_text(length, ner_seams, " Maria Lopez said ")
    pipe = Pipeline(detectors=[SpacyNerDetector(), PresidioDetector()], anonymizer=TagAnonymizer())
    # e-mail addresses at the first Presidio seams and near the end
    for seam in [*presidio_seams[:5], presidio_seams[-1]]:
        start = text.rfind(" ", 0, seam - 10) + 1
        text = text[:start] + "mlopez@example.com " + text[start + 19 :]
    assert len(text) > 1_000_000
    result = pipe.redact(text)
    assert "Maria" not in result.text and "Lopez" not in result.text
    assert "mlopez@example.com" not in result.text
    assert result.text.count("[PERSON]") >= len(names)


@given(
    lengths=st.lists(st.integers(0, 50), max_size=30),
    max_texts=st.integers(1, 6),
    max_chars=st.integers(1, 120),
)
def test_bounded_batches_keep_order_and_both_bounds(
    lengths: list[int], max_texts: int, max_chars: int
) -> None:
    """The windows of a long text reach the model a few at a time: every text once, in order, no batch
    over either bound unless it is one text longer than the character bound."""
    texts = ["x" * length for length in lengths]
    batches = [list(batch) for batch in _windows.bounded_batches(texts, max_texts, max_chars)]
    assert [text for batch in batches for text in batch] == texts
    for batch in batches:
        assert 1 <= len(batch) <= max_texts
        assert len(batch) == 1 or sum(map(len, batch)) <= max_chars


def test_a_digit_run_longer_than_pythons_int_limit_is_no_error() -> None:
    """An ASR repetition loop ("one one one ...") joins into one run of thousands of digits; Python
    refuses to convert more than 4,300 digits to an int, and a detector that tried failed the whole
    batch (review37 M4: `addresses` did). The other text of the batch is still redacted."""
    from _support import default_normalizers

    from redactkit.detect.addresses import AddressDetector

    pipe = Pipeline(
        normalizers=default_normalizers(), detectors=[AddressDetector()], anonymizer=TagAnonymizer()
    )
    found = pipe.analyze_batch(["one " * 4400, "i live at 12 elm street"])
    assert [e.label for e in found[1]] == ["ADDRESS"]


#: one word of 100,000 letters (a pasted blob, an ASR loop): the detectors' glue splits tried every cut
#: of it, which took ~9 s (review38 L8); only the cuts that can leave a listed part are tried now
_BLOB = 100_000


@pytest.mark.parametrize("unit", ["x", "ab", "sevenand", "mariaand", "twothree", "thyanks"])
def test_a_very_long_word_changes_nothing_around_it(default_pipeline: Pipeline, unit: str) -> None:
    """The entities around a word of 100,000 letters are those around a short one in its place."""
    before = "this is maria lopez my number is five five five one two three four five six seven "
    after = " and my son turns seven tomorrow"
    blob = (unit * (_BLOB // len(unit) + 1))[:_BLOB]
    short = unit * 2
    long_found, short_found = default_pipeline.analyze_batch([before + blob + after, before + short + after])
    cut = len(before)

    def around(found: list[Entity], shift: int) -> list[tuple[int, int, str]]:
        return [
            (e.start - (shift if e.start >= cut else 0), e.end - (shift if e.start >= cut else 0), e.label)
            for e in found
            if e.end <= cut or e.start >= cut + len(short) + shift
        ]

    assert around(long_found, len(blob) - len(short)) == around(short_found, 0)
    labels = {e.label for e in short_found}
    assert labels >= {"PERSON", "PHONE_NUMBER"} and labels & {"AGE", "MINOR"}  # (a child's age)


_PIECES = st.sampled_from(
    ["seven", "and", "was", "fifteen", "i", "he", "son", "turns", "our", "eighteen", "granddaughter",
     "maria", "gwendolyn", "call", "is", "thanks", "responsibilities", "x", "qz", "tomorrow"]
)  # fmt: skip


@functools.cache
def _glue_checkers() -> tuple[Any, ...]:
    """(the contextual detector, one that tries every cut, the names detector, its vocabulary, the
    same with a listed name longer than any word: every split tried)."""
    from redactkit.detect.contextual import ContextualDetector
    from redactkit.detect.names import (
        NameDetector,
        _NameVocabulary,
        common_words,
        locale_family_names,
        locale_given_names,
        place_names,
    )

    every_cut = ContextualDetector()
    every_cut._glue_anchor_letters = 10**9
    names = NameDetector()
    given, family = locale_given_names(names.locale), locale_family_names(names.locale)
    vocab = _NameVocabulary(given, family, common_words(), place_names())
    endless = "z" * 10**4
    unbounded = vocab._replace(given=given | {endless}, family=family | {endless})
    return ContextualDetector(), every_cut, names, vocab, unbounded


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=12))
def test_glue_splits_tried_at_the_ends_only_find_what_every_cut_finds(pieces: list[str]) -> None:
    """A glued word's parts are found the same when only the cuts that leave a part as short as the
    longest listed word are tried (a long word) as when every cut is tried."""
    from redactkit.detect.names import _OneEdit

    ages, every_cut, names, vocab, unbounded = _glue_checkers()
    word = "".join(pieces)
    assert ages._glue_split(word) == every_cut._glue_split(word)
    words = ["this", word]
    assert names._glued_parts(words, 1, word, vocab) == names._glued_parts(words, 1, word, unbounded)
    near = _OneEdit(["fifteen", "eighteen", "thanks"])
    every = _OneEdit(["fifteen", "eighteen", "thanks"])
    every._longest = 10**9
    for probe in (word, word[1:], word[:7]):
        assert near.near(probe) == every.near(probe)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("sevenand", ("seven", "and")),
        ("wasfifteen", ("was", "fifteen")),
        ("sonturns", ("son", "turns")),
        ("x" * _BLOB + "and", None),
        ("seven" + "x" * _BLOB, None),
        ("wasfifteen" * 10, None),
    ],
)
def test_glued_age_words_split_and_long_ones_do_not(word: str, parts: tuple[str, str] | None) -> None:
    assert _glue_checkers()[0]._glue_split(word) == parts


@pytest.mark.parametrize(
    ("words", "why"),
    [
        (["this", "isgwendolyn"], "name run together with the cue before it"),
        (["this", "is" + "x" * _BLOB], None),
        (["this", "x" * _BLOB + "gwendolyn"], None),
    ],
)
def test_a_name_glued_to_its_cue_is_found_and_a_long_word_is_none(words: list[str], why: str | None) -> None:
    _ages, _every_cut, names, vocab, _unbounded = _glue_checkers()
    assert names._glued_parts(words, 1, words[1], vocab) == why


@functools.cache
def _number_normalizers() -> tuple[Any, Any]:
    """(the spoken-number normalizer, the same trying every cut of a glued word)."""
    from redactkit.normalize.numbers import SpokenNumberNormalizer

    every_cut = SpokenNumberNormalizer()
    every_cut._glue_longest = 10**9
    return SpokenNumberNormalizer(), every_cut


@pytest.mark.parametrize(
    ("word", "cut"),
    [
        ("twothree", 3),
        ("sixseven", 3),
        ("doubleone", 6),
        ("fortyfive", 5),
        ("seventeen", 0),  # a word the tables know is never split
        ("twothreefour", 0),  # three parts: no one cut leaves two
        ("xtwothree", 0),
        ("x" * _BLOB, 0),
        ("two" + "x" * _BLOB, 0),
        ("x" * _BLOB + "three", 0),
    ],
)
def test_number_words_run_together_are_cut_and_long_words_are_not(word: str, cut: int) -> None:
    normalizer, _every_cut = _number_normalizers()
    assert normalizer._glue_cut(Token(0, len(word), word)) == cut


_NUMBER_PIECES = st.sampled_from(
    ["one", "two", "three", "seven", "eleven", "twenty", "forty", "double", "triple", "oh", "zero", "x",
     "and", "thanks", "responsibilities"]
)  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(pieces=st.lists(_NUMBER_PIECES, min_size=1, max_size=8))
def test_glued_number_cuts_tried_at_the_ends_only_find_what_every_cut_finds(pieces: list[str]) -> None:
    """Only the cuts that leave both halves as short as the longest number word are tried: the same
    cut as trying every one."""
    normalizer, every_cut = _number_normalizers()
    word = "".join(pieces)
    token = Token(0, len(word), word)
    assert normalizer._glue_cut(token) == every_cut._glue_cut(token)


@pytest.mark.parametrize(
    ("word", "near"),
    [
        ("thyanks", {"thanks"}),
        ("sory", {"sorry", "sort", "story"}),
        ("thanks", {"thanks", "thank", "thinks"}),
        ("qzxv", set()),
        ("x" * _BLOB, set()),
        ("thanks" + "x" * _BLOB, set()),
    ],
)
def test_typos_of_frequent_words_are_found_and_a_long_word_is_near_none(word: str, near: set[str]) -> None:
    from redactkit.detect.names import _typo_neighbours

    assert _typo_neighbours(word, 4.7) == near


@settings(max_examples=60, deadline=None)
@given(word=st.text(alphabet="aehnorstyé", min_size=1, max_size=9), cut_off=st.sampled_from([3.2, 3.5, 4.7]))
def test_typo_neighbours_are_every_frequent_word_one_edit_away(word: str, cut_off: float) -> None:
    """The edits tried and the length bound find exactly the frequent words one edit away, at every
    cut-off the names detector asks with (an accented letter too: "cafe" is one edit from "café")."""
    from redactkit.detect.names import _one_edit, _typo_neighbours
    from redactkit.gazetteers import frequent_words

    assert _typo_neighbours(word, cut_off) == {
        near for near in frequent_words(cut_off) if _one_edit(word, near)
    }


@pytest.mark.parametrize(
    ("word", "near"),
    [("cafe", "café"), ("fiance", "fiancé"), ("pokemon", "pokémon"), ("jose", "josé")],
)
def test_a_typo_may_be_one_accented_letter_off(word: str, near: str) -> None:
    from redactkit.detect.names import _typo_neighbours

    assert near in _typo_neighbours(word, 3.2)


@pytest.mark.parametrize(
    ("word", "near"),
    [
        ("niholas", True),
        ("jeames", True),
        ("qzxvq", False),
        ("x" * _BLOB, False),
        ("niholas" + "x" * _BLOB, False),
    ],
)
def test_a_listed_name_misspelt_is_near_one_and_a_long_word_is_not(word: str, near: bool) -> None:
    from redactkit.detect.names import _near_name, common_words, locale_family_names, locale_given_names

    given_names, family_names = locale_given_names("en-US"), locale_family_names("en-US")
    assert _near_name(word, given_names, family_names, common_words()) is near
