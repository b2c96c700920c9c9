"""Benchmark metrics on hand-made cases: partial coverage, overlaps, possessives, empty rows, leaks."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from redactkit.bench import full_coverage_recall
from redactkit.bench.metrics import EvalRow, counted_positions, evaluate

TEXT = "call john smith now"  # "john smith" is 5..15
GOLD = [(5, 15, "PERSON")]


def _one(predicted: list[tuple[int, int, str]], text: str = TEXT, gold: list | None = None) -> dict:  # type: ignore[type-arg]
    scores = evaluate([EvalRow(text, GOLD if gold is None else gold, predicted)], bootstrap=0)
    person = scores.labels["PERSON"]
    return {
        "full": person.full_coverage.value,
        "overlap": person.any_overlap.value,
        "type": person.type_correct.value,
        "tokens": (person.tokens.numerator, person.tokens.denominator),
        "precision": person.precision.value,
        "leaks": person.leaks,
    }


@pytest.mark.parametrize(
    ("predicted", "expected"),
    [
        pytest.param(
            [(5, 15, "PERSON")],
            {"full": 1.0, "overlap": 1.0, "type": 1.0, "tokens": (2, 2), "precision": 1.0, "leaks": 0},
            id="exact",
        ),
        pytest.param(
            [(5, 9, "PERSON"), (10, 15, "PERSON")],
            {"full": 1.0, "overlap": 1.0, "type": 1.0, "tokens": (2, 2), "precision": 1.0, "leaks": 0},
            id="space-gap-is-not-a-leak",
        ),
        pytest.param(
            [(5, 9, "PERSON")],
            {"full": 0.0, "overlap": 1.0, "type": 0.0, "tokens": (1, 2), "precision": 1.0, "leaks": 0},
            id="partial-coverage-is-a-miss",
        ),
        pytest.param(
            [(5, 12, "PERSON")],
            {"full": 0.0, "overlap": 1.0, "type": 0.0, "tokens": (1, 2), "precision": 1.0, "leaks": 0},
            id="cut-inside-a-token",
        ),
        pytest.param(
            [(0, 19, "PERSON")],
            {"full": 1.0, "overlap": 1.0, "type": 1.0, "tokens": (2, 2), "precision": 1.0, "leaks": 0},
            id="wider-span-counts",
        ),
        pytest.param(
            [(5, 15, "LOCATION")],
            {"full": 1.0, "overlap": 1.0, "type": 0.0, "tokens": (2, 2), "precision": None, "leaks": 0},
            id="wrong-label-still-redacted",
        ),
        pytest.param(
            [(5, 9, "PERSON"), (10, 15, "LOCATION")],
            {"full": 1.0, "overlap": 1.0, "type": 0.0, "tokens": (2, 2), "precision": 1.0, "leaks": 0},
            id="two-labels-cover-together",
        ),
        pytest.param(
            [],
            {"full": 0.0, "overlap": 0.0, "type": 0.0, "tokens": (0, 2), "precision": None, "leaks": 1},
            id="missed-value-leaks-verbatim",
        ),
        pytest.param(
            [(0, 4, "PERSON")],
            {"full": 0.0, "overlap": 0.0, "type": 0.0, "tokens": (0, 2), "precision": 0.0, "leaks": 1},
            id="false-positive-elsewhere",
        ),
    ],
)
def test_metrics_on_one_value(predicted: list[tuple[int, int, str]], expected: dict) -> None:  # type: ignore[type-arg]
    assert _one(predicted) == expected


@pytest.mark.parametrize(
    ("text", "gold", "predicted", "full"),
    [
        pytest.param(
            "ask john's boss", [(4, 10, "PERSON")], [(4, 8, "PERSON")], 1.0, id="possessive-s-ignored"
        ),
        pytest.param(
            "ask john\u2019s boss", [(4, 10, "PERSON")], [(4, 8, "PERSON")], 1.0, id="curly-apostrophe"
        ),
        pytest.param(
            "ask john's boss", [(4, 10, "PERSON")], [(4, 10, "PERSON")], 1.0, id="possessive-redacted-too"
        ),
        pytest.param("ask john's boss", [(4, 10, "PERSON")], [(4, 7, "PERSON")], 0.0, id="name-cut-short"),
        pytest.param(
            "ask jones boss", [(4, 9, "PERSON")], [(4, 8, "PERSON")], 0.0, id="final-s-of-a-name-counts"
        ),
    ],
)
def test_possessives(text: str, gold: list, predicted: list, full: float) -> None:  # type: ignore[type-arg]
    assert _one(predicted, text=text, gold=gold)["full"] == full


def test_possessive_is_not_a_verbatim_leak_of_the_whole_value() -> None:
    # "john" redacted, "'s" left: the value "john" is gone from the redacted text.
    row = EvalRow("ask john's boss", [(4, 10, "PERSON")], [(4, 8, "PERSON")], "ask [PERSON]'s boss")
    assert evaluate([row], bootstrap=0).labels["PERSON"].leaks == 0


def test_verbatim_leak_counts_a_value_repeated_elsewhere() -> None:
    # The labeled "maria" was redacted, but the same name later in the utterance was not.
    text = "maria said maria"
    row = EvalRow(text, [(0, 5, "PERSON")], [(0, 5, "PERSON")], "[PERSON] said maria")
    scores = evaluate([row], bootstrap=0).labels["PERSON"]
    assert scores.full_coverage.value == 1.0
    assert scores.leaks == 1


def test_verbatim_leak_needs_whole_words() -> None:
    row = EvalRow("call al also", [(5, 7, "PERSON")], [(5, 7, "PERSON")], "call [PERSON] also")
    assert evaluate([row], bootstrap=0).labels["PERSON"].leaks == 0


def test_empty_rows_and_negatives() -> None:
    rows = [
        EvalRow("", [], []),
        EvalRow("set a timer", [], []),
        EvalRow("play track five", [], [(11, 15, "PHONE_NUMBER")]),
    ]
    scores = evaluate(rows, bootstrap=100)
    assert scores.rows == 3
    assert scores.negatives == 3
    assert scores.negatives_touched == 1
    assert scores.overall.gold == 0
    assert scores.overall.full_coverage.value is None
    assert scores.overall.precision.value == 0.0
    # 9 + 13 non-space chars outside gold; 4 of them ("five") redacted
    assert (scores.over_redaction.numerator, scores.over_redaction.denominator) == (4, 22)
    assert evaluate([], bootstrap=100).overall.full_coverage.value is None


def test_whitespace_only_gold_span_is_skipped() -> None:
    scores = evaluate([EvalRow("a   b", [(1, 4, "PERSON")], [])], bootstrap=0)
    assert scores.labels == {}


def test_overlapping_predictions_count_once_per_character() -> None:
    rows = [EvalRow(TEXT, GOLD, [(5, 12, "PERSON"), (8, 15, "LOCATION")])]
    scores = evaluate(rows, bootstrap=0)
    assert scores.labels["PERSON"].full_coverage.value == 1.0
    assert scores.labels["PERSON"].type_correct.value == 0.0
    assert scores.overall.predicted == 2
    assert scores.overall.precision.value == 1.0
    assert scores.over_redaction.numerator == 0


def test_precision_per_predicted_label_and_f2() -> None:
    rows = [
        EvalRow("call john now", [(5, 9, "PERSON")], [(5, 9, "PERSON"), (10, 13, "PERSON")]),
        EvalRow("call mary now", [(5, 9, "PERSON")], []),
    ]
    person = evaluate(rows, bootstrap=0).labels["PERSON"]
    assert person.precision.value == 0.5
    assert person.full_coverage.value == 0.5
    assert person.f2.value == pytest.approx(5 * 0.5 * 0.5 / (4 * 0.5 + 0.5))


# "my son is seven": a child's age, redacted as an AGE protected as a MINOR (review41 M1)
SON = "my son is seven"
CHILD_AGE = (10, 15)


@pytest.mark.parametrize(
    ("gold_label", "predicted", "protected", "type_correct"),
    [
        # positives: the span's label or the label it was protected as names the gold label
        ("MINOR", [(*CHILD_AGE, "AGE")], [(*CHILD_AGE, "MINOR")], 1.0),
        ("AGE", [(*CHILD_AGE, "AGE")], [(*CHILD_AGE, "MINOR")], 1.0),
        ("MINOR", [(*CHILD_AGE, "MINOR")], [], 1.0),
        # negatives: an AGE protected as nothing else is no MINOR; a protected-as label on another
        # span, or on part of the value, does not make it type-correct
        ("MINOR", [(*CHILD_AGE, "AGE")], [], 0.0),
        ("MINOR", [(*CHILD_AGE, "AGE")], [(0, 2, "MINOR")], 0.0),
        ("MINOR", [(*CHILD_AGE, "AGE")], [(10, 12, "MINOR")], 0.0),
        ("AGE", [(*CHILD_AGE, "PERSON")], [(*CHILD_AGE, "MINOR")], 0.0),
    ],
)
def test_type_correct_counts_the_protected_as_label(
    gold_label: str,
    predicted: list[tuple[int, int, str]],
    protected: list[tuple[int, int, str]],
    type_correct: float,
) -> None:
    scores = evaluate([EvalRow(SON, [(*CHILD_AGE, gold_label)], predicted, None, protected)], bootstrap=0)
    assert scores.labels[gold_label].type_correct.value == type_correct
    assert scores.labels[gold_label].full_coverage.value == (1.0 if predicted[0][0] == CHILD_AGE[0] else 0.0)


def test_protected_as_label_adds_no_predicted_span() -> None:
    """Each redacted span counts once, under its label: the protected-as label changes neither the
    redacted-span counts nor precision."""
    row = EvalRow(SON, [(*CHILD_AGE, "MINOR")], [(*CHILD_AGE, "AGE")], None, [(*CHILD_AGE, "MINOR")])
    scores = evaluate([row], bootstrap=0)
    assert scores.labels["MINOR"].predicted == 0 and scores.labels["AGE"].predicted == 1
    assert scores.overall.predicted == 1 and scores.overall.precision.value == 1.0
    assert scores.overall.type_correct.value == 1.0


def test_bootstrap_is_seeded_and_brackets_the_value() -> None:
    rows = [
        EvalRow(f"call x{i} now", [(5, 7, "PERSON")], [(5, 7, "PERSON")] if i % 3 else []) for i in range(60)
    ]
    first = evaluate(rows, bootstrap=300, seed=7).labels["PERSON"].full_coverage
    second = evaluate(rows, bootstrap=300, seed=7).labels["PERSON"].full_coverage
    other = evaluate(rows, bootstrap=300, seed=8).labels["PERSON"].full_coverage
    assert first == second
    assert (first.low, first.high) != (other.low, other.high)
    assert first.low is not None and first.high is not None and first.value is not None
    assert first.low < first.value < first.high
    assert first.low > 0.5 and first.high < 0.85


def test_counted_positions() -> None:
    assert counted_positions("x john's", 2, 8) == [2, 3, 4, 5]
    assert counted_positions("a b", 0, 3) == [0, 2]


@given(
    st.text(alphabet="ab '", min_size=1, max_size=30).flatmap(
        lambda text: st.tuples(
            st.just(text),
            st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=4),
            st.lists(st.tuples(st.integers(0, len(text)), st.integers(0, len(text))), max_size=4),
        )
    )
)
def test_recall_order_and_legacy_agreement(case: tuple[str, list, list]) -> None:  # type: ignore[type-arg]
    """full coverage <= any overlap, type-correct <= full coverage, and coverage.py agrees."""
    text, gold_raw, pred_raw = case
    gold = [(min(a, b), max(a, b), "PERSON") for a, b in gold_raw if a != b]
    predicted = [
        (min(a, b), max(a, b), "PERSON" if i % 2 else "LOCATION")
        for i, (a, b) in enumerate(pred_raw)
        if a != b
    ]
    scores = evaluate([EvalRow(text, gold, predicted)], bootstrap=0)
    person = scores.labels.get("PERSON")
    legacy = full_coverage_recall([(text, gold, [(s, e) for s, e, _ in predicted])])
    if person is None or not person.gold:
        return
    assert person.type_correct.numerator <= person.full_coverage.numerator <= person.any_overlap.numerator
    assert legacy["PERSON"].caught == person.full_coverage.numerator
