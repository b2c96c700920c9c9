"""Long transcripts: windows for the model-backed detectors, and nothing cached past a batch."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.detect import PresidioDetector, SpacyNerDetector, _windows, ner, presidio
from redactkit.lang import tokens as tokens_module
from redactkit.lang.tokens import token_cache, token_index_at, tokenize


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
