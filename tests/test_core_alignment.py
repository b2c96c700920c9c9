"""AlignedText: offset maps, their invariants and their composition (hypothesis property tests)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.core import AlignedText, AlignmentBuilder, Entity, compose_all

# -- strategies ---------------------------------------------------------------------------------------

texts = st.text(alphabet="ab c5\t", max_size=30)

# At least 300 examples, more when a local profile asks for more (`--hypothesis-profile=stress`).
at_least_300 = settings(max_examples=max(300, settings().max_examples))


@st.composite
def alignments(draw: st.DrawFn, original: str | None = None) -> AlignedText:
    """A random alignment: a left-to-right walk of keeps, replacements, deletions and insertions."""
    if original is None:
        original = draw(texts)
    builder = AlignmentBuilder(original)
    position = 0
    for _ in range(draw(st.integers(0, 8))):
        action = draw(st.sampled_from(["keep", "replace", "delete", "insert"]))
        end = draw(st.integers(min_value=position, max_value=len(original)))
        if action == "keep":
            builder.keep(end)
        elif action == "replace":
            builder.replace(position, end, draw(st.text(alphabet="XYZ@.", min_size=0, max_size=5)), rule="r")
        elif action == "delete":
            builder.delete(position, end, rule="d")
        else:
            builder.insert(draw(st.text(alphabet="XYZ", min_size=1, max_size=3)), rule="i")
        position = max(end, builder.cursor)
    return builder.build()


@st.composite
def aligned_with_span(draw: st.DrawFn) -> tuple[AlignedText, int, int]:
    aligned = draw(alignments())
    n = len(aligned.text)
    start = draw(st.integers(0, n))
    end = draw(st.integers(start, n))
    return aligned, start, end


def _sources(aligned: AlignedText, index: int) -> tuple[int, int]:
    """Original range that produced derived character ``index`` (read from the segments)."""
    return aligned.to_original(index, index + 1)


# -- invariants ----------------------------------------------------------------------------------------


@given(aligned_with_span())
def test_span_maps_inside_original(case: tuple[AlignedText, int, int]) -> None:
    aligned, start, end = case
    o_start, o_end = aligned.to_original(start, end)
    assert 0 <= o_start <= o_end <= len(aligned.original)


@given(aligned_with_span())
def test_span_covers_every_contributing_character(case: tuple[AlignedText, int, int]) -> None:
    aligned, start, end = case
    o_start, o_end = aligned.to_original(start, end)
    for index in range(start, end):
        c_start, c_end = _sources(aligned, index)
        assert o_start <= c_start
        assert c_end <= o_end


@given(aligned_with_span(), st.data())
def test_nested_spans_map_to_nested_spans(case: tuple[AlignedText, int, int], data: st.DataObject) -> None:
    """Spans never shrink: widening a derived span never narrows its original span."""
    aligned, start, end = case
    inner_start = data.draw(st.integers(start, end))
    inner_end = data.draw(st.integers(inner_start, end))
    if inner_start == inner_end:
        return
    outer = aligned.to_original(start, end)
    inner = aligned.to_original(inner_start, inner_end)
    assert outer[0] <= inner[0]
    assert inner[1] <= outer[1]


@at_least_300
@given(alignments())
def test_copied_characters_are_the_original_characters(aligned: AlignedText) -> None:
    for index, char in enumerate(aligned.text):
        o_start, o_end = aligned.to_original(index, index + 1)
        if o_end - o_start == 1 and char not in "XYZ@.":
            assert aligned.original[o_start] == char


@at_least_300
@given(alignments())
def test_deleted_material_inside_a_span_is_covered(aligned: AlignedText) -> None:
    """Mapping the whole derived text covers everything between its first and last source."""
    if not aligned.text:
        return
    o_start, o_end = aligned.to_original(0, len(aligned.text))
    first = _sources(aligned, 0)[0]
    last = _sources(aligned, len(aligned.text) - 1)[1]
    assert (o_start, o_end) == (first, max(last, first))


@given(texts)
def test_identity_is_free(text: str) -> None:
    aligned = AlignedText.identity(text)
    assert aligned.is_identity
    assert aligned.text == text
    for start in range(len(text) + 1):
        assert aligned.to_original(start, len(text)) == (start, len(text))


@given(texts)
def test_builder_without_changes_is_identity(text: str) -> None:
    aligned = AlignmentBuilder(text).build()
    assert aligned.is_identity


# -- composition ---------------------------------------------------------------------------------------


@st.composite
def chains(draw: st.DrawFn) -> tuple[AlignedText, AlignedText]:
    first = draw(alignments())
    second = draw(alignments(original=first.text))
    return first, second


def _produced(aligned: AlignedText) -> set[int]:
    """Original characters that some derived character stems from (the rest were deleted)."""
    produced: set[int] = set()
    for index in range(len(aligned.text)):
        start, end = aligned.to_original(index, index + 1)
        produced.update(range(start, end))
    return produced


def _same_up_to_deleted(left: tuple[int, int], right: tuple[int, int], produced: set[int]) -> bool:
    """Two mapped spans agree on every character that stems from derived text.

    Where text was inserted next to deleted text (a filler dropped, a symbol added), the position of
    the insertion inside the deleted gap is a matter of convention; both answers cover every
    contributing character.
    """
    difference = set(range(*left)) ^ set(range(*right))
    return not (difference & produced)


@at_least_300
@given(chains(), st.data())
def test_composition_equals_sequential_mapping(
    chain: tuple[AlignedText, AlignedText], data: st.DataObject
) -> None:
    first, second = chain
    composed = first.then(second)
    assert composed.original == first.original
    assert composed.text == second.text
    n = len(second.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    if start == end:
        return
    middle = second.to_original(start, end)
    expected = first.to_original(*middle) if middle[0] < middle[1] else (first._position(middle[0]),) * 2
    assert _same_up_to_deleted(composed.to_original(start, end), expected, _produced(composed))


@given(chains())
def test_composition_with_identity_changes_nothing(chain: tuple[AlignedText, AlignedText]) -> None:
    first, _ = chain
    left = AlignedText.identity(first.original).then(first)
    right = first.then(AlignedText.identity(first.text))
    for start in range(len(first.text)):
        for end in range(start + 1, len(first.text) + 1):
            assert left.to_original(start, end) == first.to_original(start, end)
            assert right.to_original(start, end) == first.to_original(start, end)


@given(alignments(), st.data())
def test_composition_is_associative(first: AlignedText, data: st.DataObject) -> None:
    second = data.draw(alignments(original=first.text))
    third = data.draw(alignments(original=second.text))
    left = first.then(second).then(third)
    right = first.then(second.then(third))
    chained = compose_all([first, second, third])
    n = len(third.text)
    # A character the first stage deleted stems from nothing later: whether a span next to it takes
    # it in depends only on where an insertion is placed inside the gap (a convention).
    produced = _produced(left) & _produced(first)
    for start in range(n):
        for end in range(start + 1, n + 1):
            assert _same_up_to_deleted(left.to_original(start, end), right.to_original(start, end), produced)
            assert _same_up_to_deleted(
                left.to_original(start, end), chained.to_original(start, end), produced
            )


# -- worked examples -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("original", "edits", "text", "span", "expected"),
    [
        # spoken digits collapse into digits; the span maps to all the words
        ("call five five five now", [(5, 19, "555")], "call 555 now", (5, 8), (5, 19)),
        # a filler deleted inside a value is covered by the value's span
        ("five um five", [(0, 4, "5"), (4, 8, ""), (8, 12, "5")], "55", (0, 2), (0, 12)),
        # a filler deleted next to a value is not pulled into it
        ("um five", [(0, 3, ""), (3, 7, "5")], "5", (0, 1), (3, 7)),
        # part of a replacement maps to the whole replaced range (spans never shrink)
        ("john dot smith", [(4, 9, ".")], "john.smith", (4, 5), (4, 9)),
        # copy segments map one to one
        ("hello world", [(5, 6, "_")], "hello_world", (6, 11), (6, 11)),
    ],
)
def test_worked_examples(
    original: str,
    edits: list[tuple[int, int, str]],
    text: str,
    span: tuple[int, int],
    expected: tuple[int, int],
) -> None:
    builder = AlignmentBuilder(original)
    for start, end, replacement in edits:
        builder.replace(start, end, replacement, rule="test")
    aligned = builder.build()
    assert aligned.text == text
    assert aligned.to_original(*span) == expected


def test_insertions_inside_a_replaced_stretch_compose_like_sequential_mapping() -> None:
    """Regression (found by ``test_composition_equals_sequential_mapping``): the second stage puts a
    dash into "555" twice, dropping the middle digit, strictly inside the stretch the first stage
    replaced. Mapped through both stages in turn, the span over both dashes stems from the whole
    stretch (its intermediate span is the dropped digit); the composed alignment agrees. A dash alone
    stems from no original character and stays a point."""
    first_builder = AlignmentBuilder("call five five five now")
    first_builder.replace(5, 19, "555", rule="spoken_digits")
    first = first_builder.build()
    second_builder = AlignmentBuilder(first.text)
    second_builder.keep(6)
    second_builder.insert("-", rule="dash")
    second_builder.delete(6, 7, rule="drop")
    second_builder.insert("-", rule="dash")
    second = second_builder.build()
    assert second.text == "call 5--5 now"
    composed = first.then(second)
    assert second.to_original(6, 8) == (6, 7)
    assert first.to_original(6, 7) == (5, 19)
    assert composed.to_original(6, 8) == (5, 19)
    assert composed.to_original(6, 7) == composed.to_original(7, 8) == (5, 5)
    assert composed.to_original(5, 9) == (5, 19)
    assert composed.to_original(0, 5) == (0, 5)
    assert composed.to_original(9, 13) == (19, 23)
    # the gap adds nothing to spans that do not cross it, and composing further keeps it
    third = AlignedText.identity(second.text)
    assert compose_all([first, second, third]).to_original(6, 8) == (5, 19)
    assert first.then(second.then(third)).to_original(6, 8) == (5, 19)


def test_a_span_from_kept_text_to_an_insertion_inside_a_stretch_takes_the_stretch() -> None:
    """Regression (a local hunt with long replacements): "b" became "XXXX"; the next stage kept "a",
    dropped three of the X and inserted "Y" there. "aY" maps through both stages to "ab": the
    dropped X stem from "b". Composition used to stop at "a"."""
    first_builder = AlignmentBuilder("ab")
    first_builder.keep(1)
    first_builder.replace(1, 2, "XXXX", rule="r")
    first = first_builder.build()
    second_builder = AlignmentBuilder(first.text)
    second_builder.keep(1)
    second_builder.delete(1, 4, rule="d")
    second_builder.insert("Y", rule="i")
    second = second_builder.build()
    assert second.text == "aYX"
    composed = first.then(second)
    assert first.to_original(*second.to_original(0, 2)) == (0, 2)
    assert composed.to_original(0, 2) == (0, 2)
    assert composed.to_original(1, 2) == (1, 1)  # the insertion alone stems from nothing


def test_a_gap_stays_on_the_left_of_a_later_insertion() -> None:
    """Regression (associativity, found while fixing the two above): a gap kept by one composition
    must survive a later insertion at its place, or (a.then(b)).then(c) and a.then(b.then(c))
    disagree on a character that still produces derived text."""
    first_builder = AlignmentBuilder("aaaaa")
    first_builder.delete(0, 4, rule="d")
    first_builder.insert("X", rule="i")
    first_builder.replace(4, 5, "XX", rule="r")
    first = first_builder.build()
    second_builder = AlignmentBuilder(first.text)
    second_builder.insert("X", rule="i")
    second_builder.keep(1)
    second_builder.delete(1, 2, rule="d")
    second = second_builder.build()
    third_builder = AlignmentBuilder(second.text)
    third_builder.keep(2)
    third_builder.insert("X", rule="i")
    third = third_builder.build()
    left = first.then(second).then(third)
    right = first.then(second.then(third))
    for start in range(len(third.text)):
        for end in range(start + 1, len(third.text) + 1):
            assert left.to_original(start, end) == right.to_original(start, end)
    assert left.to_original(0, 3) == (4, 5)


def test_map_entities_moves_offsets_to_original() -> None:
    builder = AlignmentBuilder("call five five five")
    builder.replace(5, 19, "555", rule="digits")
    aligned = builder.build()
    (moved,) = aligned.map_entities([Entity(5, 8, "PHONE_NUMBER", 0.9, "x", "y")])
    assert (moved.start, moved.end, moved.label, moved.score) == (5, 19, "PHONE_NUMBER", 0.9)


def test_explain_names_rules_in_original_offsets() -> None:
    builder = AlignmentBuilder("five um five")
    builder.replace(0, 4, "5", rule="spoken_digit")
    builder.delete(4, 8, rule="filler")
    builder.replace(8, 12, "5", rule="spoken_digit")
    first = builder.build()
    second_builder = AlignmentBuilder(first.text)
    second_builder.insert("#", rule="prefix")
    composed = first.then(second_builder.build())
    assert [edit.rule for edit in composed.edits] == ["spoken_digit", "filler", "spoken_digit", "prefix"]
    assert composed.explain()[1] == "[4:8] ' um ' -> '' (filler)"


@pytest.mark.parametrize(
    "call",
    [
        lambda b: b.replace(3, 2, "x", rule="r"),
        lambda b: b.keep(99),
        lambda b: (b.keep(4), b.replace(2, 3, "x", rule="r")),
    ],
)
def test_builder_rejects_out_of_order_edits(call: object) -> None:
    builder = AlignmentBuilder("abcdef")
    with pytest.raises(ValueError, match=r"cursor|backwards"):
        call(builder)  # type: ignore[operator]


def test_to_original_rejects_spans_outside_the_text() -> None:
    with pytest.raises(ValueError, match="outside"):
        AlignedText.identity("abc").to_original(1, 5)


def test_composition_requires_matching_texts() -> None:
    with pytest.raises(ValueError, match="compose"):
        AlignedText.identity("abc").then(AlignedText.identity("xyz"))


def test_entity_rejects_negative_spans() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        Entity(5, 3, "PERSON")
