"""Overlap resolution: every flagged character stays covered."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit import Pipeline
from redactkit.core import Entity
from redactkit.spans import resolve_overlaps

E = Entity


@pytest.mark.parametrize(
    ("entities", "text", "expected"),
    [
        pytest.param([], "", [], id="empty"),
        pytest.param([E(0, 4, "PERSON")], "john", [(0, 4, "PERSON")], id="single"),
        pytest.param(
            [E(9, 13, "PERSON", 0.5), E(0, 4, "PERSON", 0.5)],
            "john and bill",
            [(0, 4, "PERSON"), (9, 13, "PERSON")],
            id="sorted-by-start",
        ),
        pytest.param(
            [E(0, 10, "EMAIL_ADDRESS", 1.0), E(5, 10, "URL", 0.5)],
            "a@b.com xx",
            [(0, 10, "EMAIL_ADDRESS")],
            id="nested-higher-score-wins",
        ),
        pytest.param(
            [E(0, 6, "PERSON", 0.6), E(4, 12, "LOCATION", 0.9)],
            "xxxxxxxxxxxx",
            [(0, 12, "LOCATION")],
            id="partial-overlap-union",
        ),
        pytest.param(
            [E(0, 4, "PERSON", 0.8), E(4, 8, "PERSON", 0.8)],
            "johnsmit",
            [(0, 8, "PERSON")],
            id="touching-same-label-merged",
        ),
        pytest.param(
            [E(0, 4, "PERSON"), E(5, 10, "PERSON")],
            "john smith",
            [(0, 10, "PERSON")],
            id="whitespace-gap-same-label-merged",
        ),
        pytest.param(
            [E(0, 4, "PERSON"), E(9, 14, "PERSON")],
            "john and smith",
            [(0, 4, "PERSON"), (9, 14, "PERSON")],
            id="word-gap-kept-apart",
        ),
        pytest.param(
            [E(0, 4, "PERSON"), E(5, 10, "LOCATION")],
            "john paris",
            [(0, 4, "PERSON"), (5, 10, "LOCATION")],
            id="different-labels-adjacent-kept",
        ),
        pytest.param([E(3, 3, "PERSON")], "abcdef", [], id="zero-width-dropped"),
        pytest.param(
            [E(0, 3, "A", 0.5), E(2, 5, "B", 0.5), E(4, 8, "C", 0.9)],
            "abcdefgh",
            [(0, 8, "C")],
            id="chain-of-overlaps-is-one-cluster",
        ),
    ],
)
def test_resolve_overlaps(entities: list[Entity], text: str, expected: list[tuple[int, int, str]]) -> None:
    resolved = resolve_overlaps(entities, text)
    assert [(e.start, e.end, e.label) for e in resolved] == expected


SURNAME_PHONE = "kirvolen 9028091154"  # a family name, then a phone number: 0-8 and 9-19


@pytest.mark.parametrize(
    ("entities", "text", "expected"),
    [
        pytest.param(
            [E(0, 19, "LOCATION", 0.8), E(0, 8, "PERSON", 0.85), E(9, 19, "PHONE_NUMBER", 0.6)],
            SURNAME_PHONE,
            [(0, 8, "PERSON"), (9, 19, "PHONE_NUMBER")],
            id="a-wide-guess-over-a-name-and-a-phone-gives-way",
        ),
        pytest.param(
            [E(0, 19, "PERSON", 0.8), E(0, 8, "PERSON", 0.85), E(9, 19, "PHONE_NUMBER", 0.6)],
            SURNAME_PHONE,
            [(0, 8, "PERSON"), (9, 19, "PHONE_NUMBER")],
            id="the-name-does-not-take-the-phone",
        ),
        pytest.param(
            [E(0, 19, "ORGANIZATION", 0.85), E(0, 8, "PERSON", 0.85), E(9, 19, "PHONE_NUMBER", 0.6)],
            SURNAME_PHONE,
            [(0, 8, "PERSON"), (9, 19, "PHONE_NUMBER")],
            id="as-confident-as-the-best-part-gives-way",
        ),
        pytest.param(
            [E(0, 19, "LOCATION", 0.9), E(0, 8, "PERSON", 0.85), E(9, 19, "PHONE_NUMBER", 0.6)],
            SURNAME_PHONE,
            [(0, 19, "LOCATION")],
            id="more-confident-than-every-part-names-the-union",
        ),
        pytest.param(
            [E(0, 19, "PASSWORD", 0.8), E(0, 8, "PERSON", 0.85), E(9, 19, "PIN", 0.6)],
            SURNAME_PHONE,
            [(0, 19, "PASSWORD")],
            id="a-password-holds-a-name-and-digits",
        ),
        pytest.param(
            [E(0, 19, "ADDRESS", 0.85), E(0, 8, "LOCATION", 0.85), E(9, 19, "ZIP_CODE", 0.85)],
            SURNAME_PHONE,
            [(0, 19, "ADDRESS")],
            id="an-address-holds-a-town-and-a-postcode",
        ),
        pytest.param(
            [E(0, 22, "LOCATION", 0.8), E(0, 8, "PERSON", 0.85), E(12, 22, "PHONE_NUMBER", 0.6)],
            "kirvolen at 9028091154",
            [(0, 22, "LOCATION")],
            id="a-word-only-the-wide-one-holds-keeps-the-union",
        ),
        pytest.param(
            [E(0, 19, "LOCATION", 0.8), E(2, 8, "PERSON", 0.85), E(9, 19, "PHONE_NUMBER", 0.6)],
            SURNAME_PHONE,
            [(0, 19, "LOCATION")],
            id="parts-that-leave-an-edge-keep-the-union",
        ),
        pytest.param(
            [E(0, 14, "LOCATION", 0.8), E(0, 4, "PERSON", 0.85), E(5, 14, "PERSON", 0.85)],
            "anna kirvolen",
            [(0, 14, "LOCATION")],
            id="parts-of-one-label-keep-the-union",
        ),
        pytest.param(
            [E(0, 13, "LOCATION", 0.8), E(0, 4, "LOCATION", 0.85), E(5, 13, "PERSON", 0.85)],
            "lake kirvolen",
            [(0, 13, "LOCATION")],
            id="a-place-read-as-a-place-and-a-name-keeps-the-union",
        ),
        pytest.param(
            [E(0, 10, "LOCATION", 0.8), E(0, 5, "PERSON", 0.85), E(5, 10, "ZIP_CODE", 0.6)],
            "xxxxx12345",
            [(0, 5, "PERSON"), (5, 10, "ZIP_CODE")],
            id="touching-parts-without-text",
        ),
    ],
)
def test_values_a_wider_detection_joined_keep_their_labels(
    entities: list[Entity], text: str, expected: list[tuple[int, int, str]]
) -> None:
    assert [(e.start, e.end, e.label) for e in resolve_overlaps(entities, text)] == expected
    if " " not in text:  # without the text only parts that touch split
        assert [(e.start, e.end, e.label) for e in resolve_overlaps(entities)] == expected


ASIDES = ("hold on", "just a moment", "um", "sorry", "let me look", ",")


def _is_aside(text: str, start: int, end: int) -> bool:
    """A made-up aside test: the gap is a sequence of ASIDES."""
    gap = text[start:end].replace(",", " , ").split()
    while gap:
        for phrase in ASIDES:
            words = phrase.split()
            if gap[: len(words)] == words:
                gap = gap[len(words) :]
                break
        else:
            return False
    return True


@pytest.mark.parametrize(
    ("text", "first", "second", "joined"),
    [
        # one value said in two parts with an aside between them: one entity, the aside inside
        ("okafor hold on o k a f o r", "okafor", "o k a f o r", True),
        ("dana um ruiz", "dana", "ruiz", True),
        ("velma just a moment, sorry, let me look quist", "velma", "quist", True),
        # any other word between them keeps the two apart
        ("dana and ruiz", "dana", "ruiz", False),
        ("dana hold that thought ruiz", "dana", "ruiz", False),
    ],
)
def test_an_aside_between_two_entities_of_one_label_joins_them(
    text: str, first: str, second: str, joined: bool
) -> None:
    a = text.index(first)
    b = text.rindex(second)
    entities = [E(a, a + len(first), "PERSON"), E(b, b + len(second), "PERSON")]
    resolved = resolve_overlaps(entities, text, aside=_is_aside)
    assert len(resolved) == (1 if joined else 2)
    # without the aside words, only whitespace joins
    assert len(resolve_overlaps(entities, text)) == 2


def test_an_aside_does_not_join_two_labels() -> None:
    text = "dana hold on 4 4 1"
    resolved = resolve_overlaps([E(0, 4, "PERSON"), E(13, 18, "ZIP_CODE")], text, aside=_is_aside)
    assert [e.label for e in resolved] == ["PERSON", "ZIP_CODE"]


def _inserted(text: str, first: Entity, second: Entity) -> bool:
    """A made-up test: "is" between two parts is a word a recognizer put inside one value."""
    return text[first.end : second.start].strip() == "is"


@pytest.mark.parametrize(
    ("text", "labels", "joined"),
    [
        ("dana is ruiz", ("PERSON", "PERSON"), True),
        ("dana is ruiz", ("PERSON", "LOCATION"), False),  # never two labels
        ("dana and ruiz", ("PERSON", "PERSON"), False),  # the callback says no
        ("dana is is ruiz", ("PERSON", "PERSON"), False),  # two words apart: never asked
    ],
)
def test_a_word_inserted_between_two_entities_of_one_label_joins_them(
    text: str, labels: tuple[str, str], joined: bool
) -> None:
    b = text.rindex("ruiz")
    entities = [E(0, 4, labels[0]), E(b, b + 4, labels[1])]
    resolved = resolve_overlaps(entities, text, inserted=_inserted)
    assert len(resolved) == (1 if joined else 2)
    if joined:
        assert (resolved[0].start, resolved[0].end) == (0, len(text))
    assert len(resolve_overlaps(entities, text)) == 2


def test_merge_adjacent_can_be_switched_off() -> None:
    resolved = resolve_overlaps([E(0, 4, "PERSON"), E(5, 10, "PERSON")], "john smith", merge_adjacent=False)
    assert len(resolved) == 2


def test_merged_entity_explains_what_was_merged() -> None:
    (merged,) = resolve_overlaps(
        [E(0, 10, "EMAIL_ADDRESS", 1.0, "a", "email"), E(5, 10, "URL", 0.5, "b", "url")]
    )
    assert merged.detector == "a"
    assert "merged with 1" in merged.explanation
    assert "URL" in merged.explanation


spans = st.tuples(st.integers(0, 40), st.integers(0, 10), st.sampled_from("ABC"), st.floats(0, 1))


@given(st.lists(spans, max_size=12))
def test_every_flagged_character_stays_covered_and_output_is_disjoint(
    raw: list[tuple[int, int, str, float]],
) -> None:
    entities = [E(start, start + length, label, score) for start, length, label, score in raw]
    text = "x" * 60
    resolved = resolve_overlaps(entities, text)
    covered = {i for e in resolved for i in range(e.start, e.end)}
    flagged = {i for e in entities for i in range(e.start, e.end)}
    assert flagged <= covered
    for previous, current in itertools.pairwise(resolved):
        assert previous.end <= current.start


@given(st.lists(spans, max_size=12), st.sets(st.integers(0, 59), max_size=12))
def test_only_whitespace_between_split_values_is_left_uncovered(
    raw: list[tuple[int, int, str, float]], blanks: set[int]
) -> None:
    entities = [E(start, start + length, label, score) for start, length, label, score in raw]
    text = "".join(" " if i in blanks else "x" for i in range(60))
    resolved = resolve_overlaps(entities, text)
    covered = {i for e in resolved for i in range(e.start, e.end)}
    flagged = {i for e in entities for i in range(e.start, e.end)}
    assert all(text[i] == " " for i in flagged - covered)
    for previous, current in itertools.pairwise(resolved):
        assert previous.end <= current.start


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my name is okafor hold on o k a f o r", "okafor hold on o k a f o r"),
        ("the account is under velma um velma quist", "velma um velma quist"),
    ],
)
def test_the_pipeline_joins_one_name_said_with_an_aside(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    found = [text[e.start : e.end] for e in default_pipeline.analyze(text) if e.label == "PERSON"]
    assert value in found, found


@pytest.mark.parametrize(
    ("text", "name", "number"),
    [
        (
            "it's nadia six eight five nine oh three six four two nine",
            "nadia",
            "six eight five nine oh three six four two nine",
        ),
        (
            "kondo seven twenty two six sixty seven twenty nine twenty eight",
            "kondo",
            "seven twenty two six sixty seven twenty nine twenty eight",
        ),
        (
            "zara one eight hundred two six two oh nine seven seven four",
            "zara",
            "one eight hundred two six two oh nine seven seven four",
        ),
    ],
)
def test_a_name_said_before_a_phone_number_keeps_its_label(
    default_pipeline: Pipeline, text: str, name: str, number: str
) -> None:
    found = {(text[e.start : e.end], e.label) for e in default_pipeline.analyze(text)}
    assert (name, "PERSON") in found, found
    assert (number, "PHONE_NUMBER") in found, found
