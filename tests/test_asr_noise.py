"""The ASR error model and `redactkit bench --asr-noise` (issue 19)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from redactkit.bench.asr_noise import add_asr_noise, load_confusions, noisy_example
from redactkit.bench.formats import LabeledExample, LabeledSpan
from redactkit.cli import app
from redactkit.synth import Record, Span, generate

runner = CliRunner()
TEXT = "my phone number is five five five one two three four thanks"
SPAN = (TEXT.index("five"), TEXT.index(" thanks"), "PHONE_NUMBER")


def test_clean_at_zero_wer() -> None:
    noisy = noisy_example(TEXT, [SPAN], 0.0, random.Random(1))
    assert noisy.text == TEXT
    assert noisy.spans == (SPAN,)
    assert noisy.errors == 0
    assert len(noisy.correct_words[0]) == 7  # every word of the value came through


def test_deterministic_with_a_seed() -> None:
    first = noisy_example(TEXT, [SPAN], 0.4, random.Random(7))
    again = noisy_example(TEXT, [SPAN], 0.4, random.Random(7))
    other = [noisy_example(TEXT, [SPAN], 0.4, random.Random(seed)).text for seed in range(8)]
    assert first == again
    assert len(set(other)) > 1


def test_word_error_rate_is_what_was_asked() -> None:
    sample = generate(300, seed=4, split="heldout")
    for wer in (0.1, 0.2, 0.3):
        errors = words = 0
        for index, example in enumerate(sample):
            spans = [(s.start, s.end, s.label) for s in example.spans]
            noisy = noisy_example(example.text, spans, wer, random.Random(index))
            errors, words = errors + noisy.errors, words + noisy.words
        assert errors / words == pytest.approx(wer, abs=0.02)


def test_confusion_tables_are_language_data() -> None:
    table = load_confusions("en-US")
    assert {"to", "too"} <= set(table.substitutes["two"])
    assert "fife" in table.substitutes["five"] and "nein" in table.substitutes["nine"]
    assert table.splits["forty"] == ("for", "tee")
    assert "the" in table.insertions


def test_substitutions_use_the_tables() -> None:
    heard = {noisy_example("five", [], 1.0, random.Random(seed)).text for seed in range(200)}
    assert {"fife", "fine"} <= heard  # a homophone and a near-homophone
    assert "" in heard  # deleted


@pytest.mark.parametrize("word", ["rock", "what", "can", "evil", "could", "flight"])
def test_a_misheard_word_never_becomes_a_name_or_place(word: str) -> None:
    """A recognizer's substitute is an everyday word no name or place list has: "rock" written as
    "rory" or "what" as "walt" would put a name into a row whose gold says it has none."""
    from redactkit.gazetteers import family_names, given_names, place_names

    listed = given_names() | family_names() | place_names()
    heard = {noisy_example(word, [], 1.0, random.Random(seed)).text for seed in range(300)}
    assert heard - {"", word}  # the word is misheard in many ways ...
    assert not {w for text in heard for w in text.split()} & listed - {word}  # ... none of them a name


@pytest.mark.parametrize("wer", [0.1, 0.3, 0.6])
def test_spans_map_to_whole_noisy_words(wer: float) -> None:
    sample = generate(150, seed=2, split="heldout", negatives_share=0.0)
    for index, example in enumerate(sample):
        spans = [(s.start, s.end, s.label) for s in example.spans]
        noisy = noisy_example(example.text, spans, wer, random.Random(index))
        assert len(noisy.spans) + noisy.dropped_spans == len(example.spans)
        assert [i for i in noisy.span_index if i is not None] == list(range(len(noisy.spans)))
        for (start, end, _), correct in zip(noisy.spans, noisy.correct_words, strict=True):
            value = noisy.text[start:end]
            assert value == value.strip() and value
            assert (start == 0 or noisy.text[start - 1] == " ") and (
                end == len(noisy.text) or noisy.text[end] == " "
            )
            clean_words = set(example.text.split())
            for word_start, word_end in correct:
                assert start <= word_start < word_end <= end
                assert noisy.text[word_start:word_end] in clean_words


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(
        st.sampled_from("call me at five two nine oh four thanks zed mary".split()), min_size=1, max_size=14
    ),
    first=st.integers(min_value=0, max_value=13),
    length=st.integers(min_value=1, max_value=6),
    wer=st.floats(min_value=0.0, max_value=1.0),
    seed=st.integers(min_value=0, max_value=10_000),
)
def test_a_span_covers_exactly_the_words_derived_from_it(
    words: list[str], first: int, length: int, wer: float, seed: int
) -> None:
    first = min(first, len(words) - 1)
    last = min(len(words), first + length)
    text = " ".join(words)
    start = len(" ".join(words[:first])) + (1 if first else 0)
    end = start + len(" ".join(words[first:last]))
    noisy = noisy_example(text, [(start, end, "X")], wer, random.Random(seed))
    if noisy.spans:
        [(s, e, _)] = noisy.spans
        assert 0 <= s < e <= len(noisy.text)
        # the words outside the span that came through unchanged are never inside it
        before = noisy.text[:s].split()
        after = noisy.text[e:].split()
        assert len(before) + len(noisy.text[s:e].split()) + len(after) == len(noisy.text.split())
    else:
        assert noisy.dropped_spans == 1


def test_add_asr_noise_keeps_the_record_type() -> None:
    rng = random.Random(3)
    labeled = LabeledExample("a", TEXT, (LabeledSpan(*SPAN, "phone"),))
    out = add_asr_noise(labeled, 0.3, rng)
    assert isinstance(out, LabeledExample) and out.id == "a"
    assert all(isinstance(span, LabeledSpan) and span.source_label == "phone" for span in out.spans)
    record = Record("r", TEXT, (Span(*SPAN),), "family", "heldout", "bank", "spoken")
    spoken = add_asr_noise(record, 0.3, rng)
    assert isinstance(spoken, Record) and spoken.family == "family"
    assert all(isinstance(span, Span) for span in spoken.spans)
    text, spans = add_asr_noise((TEXT, (SPAN,)), 0.3, rng)
    assert isinstance(text, str) and all(len(span) == 3 for span in spans)
    with pytest.raises(ValueError, match="wer"):
        add_asr_noise((TEXT, ()), 1.5, rng)


LIGHT = """\
normalizers:
  - name: whitespace
  - name: spoken_numbers
detectors:
  - name: identifiers
anonymizer:
  name: tag
"""


def test_bench_asr_noise_curve(tmp_path: Path) -> None:
    (tmp_path / "light.yaml").write_text(LIGHT)
    out = tmp_path / "curve.json"
    args = ["bench", "--synthetic", "60", "--baseline", "none", "--asr-noise", "0.2,0.1", "-c"]
    result = runner.invoke(app, [*args, str(tmp_path / "light.yaml"), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "WER 0.2" in result.output and "negatives touched" in result.output
    data = json.loads(out.read_text())
    assert data["wers"] == [0.0, 0.1, 0.2]
    [curve] = data["datasets"].values()
    points = curve["redactkit"]
    assert [point["wer"] for point in points] == [0.0, 0.1, 0.2]
    assert points[0]["full_coverage_recall"]["PHONE_NUMBER"] == 1.0
    assert points[0]["readable_correct_words"]["PHONE_NUMBER"] == 0.0
    assert 0.05 < points[2]["measured_wer"] < 0.35


@pytest.mark.parametrize("value", ["0", "1.5", "abc", "0.1,,0.2"])
def test_bench_asr_noise_rejects_bad_rates(value: str) -> None:
    result = runner.invoke(app, ["bench", "--synthetic", "10", "--asr-noise", value, "--baseline", "none"])
    assert result.exit_code == 2
    assert "--asr-noise" in result.output
