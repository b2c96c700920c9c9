"""Full-coverage recall on hand-made cases."""

from __future__ import annotations

import pytest

from redactkit.bench import full_coverage_recall


@pytest.mark.parametrize(
    ("text", "gold", "redacted", "caught"),
    [
        pytest.param("call john smith", [(5, 15, "PERSON")], [(5, 15)], 1, id="exact"),
        pytest.param("call john smith", [(5, 15, "PERSON")], [(5, 9), (10, 15)], 1, id="space-gap-ok"),
        pytest.param("call john smith", [(5, 15, "PERSON")], [(5, 9)], 0, id="partial-is-a-leak"),
        pytest.param("call john smith", [(5, 15, "PERSON")], [(0, 20)], 1, id="wider-counts"),
        pytest.param("call john smith", [(5, 15, "PERSON")], [], 0, id="missed"),
        pytest.param("", [], [], 0, id="empty-row"),
    ],
)
def test_full_coverage(
    text: str, gold: list[tuple[int, int, str]], redacted: list[tuple[int, int]], caught: int
) -> None:
    scores = full_coverage_recall([(text, gold, redacted)])
    if not gold:
        assert scores == {}
        return
    assert scores["PERSON"].caught == caught
    assert scores["PERSON"].recall == caught / len(gold)


def test_per_label_totals() -> None:
    scores = full_coverage_recall(
        [
            ("a 555 b", [(2, 5, "PHONE_NUMBER")], [(2, 5)]),
            ("x joe", [(2, 5, "PERSON")], []),
            ("y 556", [(2, 5, "PHONE_NUMBER")], []),
        ]
    )
    assert {k: (v.gold, v.caught) for k, v in scores.items()} == {"PERSON": (1, 0), "PHONE_NUMBER": (2, 1)}
