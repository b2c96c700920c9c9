"""Property tests: every normalizer keeps an alignment that is exact, whatever the input."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.core import AlignedText
from redactkit.normalize import Normalizer, normalizers

VOCABULARY = (
    "zero one two three four five six seven eight nine oh o nought double triple ten eleven fifteen twenty "
    "forty ninety hundred thousand and first third twenty-one at dot underscore dash hyphen slash colon "
    "point all word no spaces um uh hmm sorry i mean scratch that wait capital as in for sam mary a b c j "
    "k x s m call text my name is john gmail com www example 555 42 , . @ - the look this"
).split()

utterances = st.lists(st.sampled_from(VOCABULARY), max_size=18).map(" ".join) | st.text(max_size=40)

ALL = [normalizers.get(name)() for name in normalizers.names()]


@pytest.mark.parametrize("normalizer", ALL, ids=[n.component_name for n in ALL])
@settings(max_examples=150)
@given(text=utterances)
def test_every_output_character_maps_into_the_original(normalizer: Normalizer, text: str) -> None:
    aligned = normalizer.normalize(text)
    assert aligned.original == text
    n = len(aligned.text)
    for index in range(n):
        start, end = aligned.to_original(index, index + 1)
        assert 0 <= start <= end <= len(text)
    if n:
        assert aligned.to_original(0, n)[1] <= len(text)
    for note in aligned.annotations:
        assert 0 <= note.start < note.end <= len(text)
    for edit in aligned.edits:
        assert 0 <= edit.start <= edit.end <= len(text)


@pytest.mark.parametrize("normalizer", ALL, ids=[n.component_name for n in ALL])
@settings(max_examples=75)
@given(text=utterances)
def test_normalizers_are_deterministic_and_batch_equals_single(normalizer: Normalizer, text: str) -> None:
    first = normalizer.normalize_batch([text, text])
    assert first[0].text == first[1].text == normalizer.normalize(text).text
    assert first[0].annotations == normalizer.normalize(text).annotations


@pytest.mark.parametrize("normalizer", ALL, ids=[n.component_name for n in ALL])
@settings(max_examples=75)
@given(text=utterances)
def test_unchanged_text_is_identity(normalizer: Normalizer, text: str) -> None:
    aligned = normalizer.normalize(text)
    if aligned.text == text and not aligned.edits:
        assert aligned.to_original(0, len(text)) == (0, len(text))


@pytest.fixture(scope="module")
def chain() -> list[Normalizer]:
    return Pipeline.from_config({"detectors": [{"name": "presidio"}]}).normalizers


@settings(max_examples=200)
@given(text=utterances, data=st.data())
def test_chain_composition_equals_stage_by_stage_mapping(
    chain: list[Normalizer], text: str, data: st.DataObject
) -> None:
    stages: list[AlignedText] = []
    current = text
    for normalizer in chain:
        stage = normalizer.normalize(current)
        stages.append(stage)
        current = stage.text
    composed = AlignedText.identity(text)
    for stage in stages:
        composed = composed.then(stage)
    assert composed.text == current
    n = len(current)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    if start == end:
        return
    span = (start, end)
    for stage in reversed(stages):
        span = stage.to_original(*span) if span[0] < span[1] else (stage._position(span[0]),) * 2
    difference = set(range(*composed.to_original(start, end))) ^ set(range(*span))
    produced = {i for k in range(n) for i in range(*composed.to_original(k, k + 1))}
    assert not difference & produced


@settings(max_examples=100)
@given(text=utterances)
def test_pipeline_normalize_batch_matches_manual_chain(chain: list[Normalizer], text: str) -> None:
    pipe = Pipeline(
        normalizers=chain, detectors=Pipeline.default().detectors, anonymizer=Pipeline.default().anonymizer
    )
    (aligned,) = pipe.normalize_batch([text])
    current = text
    for normalizer in chain:
        current = normalizer.normalize(current).text
    assert aligned.text == current
