"""Recall gate on the train corpora's 20 % dialogue hold-out (issue 12): the default pipeline's
full-coverage recall per corpus and label may not fall below its floor.

The hold-out is the split ``python -m redactkit.train.data`` writes (``is_held_out`` of the dialogue
id); nothing trains on it. To keep the suite fast, at most ``ROWS_PER_CORPUS`` rows with a gold span of
a gated label are drawn per corpus (seeded). The floors are what the default pipeline measured on this
sample (2026-12-04) minus a margin of about three points, rounded down; cells with fewer than
``MIN_GOLD`` values are not gated. Full figures: ``benchmarks/bench_learned.py --holdout DIR``
(docs/how-to/measure-recall.md). The gold is slot annotation, not exhaustive PII annotation: some
cells cannot reach 1.0 (spans with extra words, a name the slot left out), see the issue-12 report.

Skips when ../shared/data/train is absent.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from redactkit import Pipeline
from redactkit.bench import LabelRecall, full_coverage_recall
from redactkit.train.data import dialogue_id, is_held_out

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not (Path(__file__).resolve().parents[2] / "shared" / "data" / "train").exists(),
        reason="../shared/data/train is absent",
    ),
]

TRAIN = Path(__file__).resolve().parents[2] / "shared" / "data" / "train"
ROWS_PER_CORPUS = 700
MIN_GOLD = 30
GATED = (
    "PERSON",
    "ADDRESS",
    "PHONE_NUMBER",
    "ZIP_CODE",
    "EMAIL_ADDRESS",
    "ACCOUNT_NUMBER",
    "CREDIT_CARD",
    "US_SSN",
)
#: (corpus, label) -> floor of full-coverage recall on the sample (measured minus a margin)
FLOORS: dict[tuple[str, str], float] = {
    # PERSON measured 0.942 (0.931 before frequent listed names, two-word answers, name parts and
    # rarer words before an identifier; 0.880 before the name-answer rules: openers, listed names
    # before an identifier, a name's other part, a value named after the name)
    # measured 0.975 / 0.764 / 1.000 / 0.982 / 0.880 / 1.000 / 0.955 / 1.000 (before issue 12's rule
    # work on the whole hold-out: 0.820 / 0.703 / 0.934 / 0.073 / 0.727 / 0.994 / 0.506 / 0.989)
    ("multidogo", "ACCOUNT_NUMBER"): 0.94,
    # ADDRESS measured 0.873 after house-number answers, unit letters and glued country codes (0.836
    # after glued and misspelt street types and street-only answers; 0.764 before)
    ("multidogo", "ADDRESS"): 0.84,
    ("multidogo", "CREDIT_CARD"): 0.94,
    ("multidogo", "EMAIL_ADDRESS"): 0.95,
    ("multidogo", "PERSON"): 0.91,
    ("multidogo", "PHONE_NUMBER"): 0.97,
    ("multidogo", "US_SSN"): 0.92,
    ("multidogo", "ZIP_CODE"): 0.97,
    # measured 1.000 / 0.955 / 1.000 / 1.000 (before: 0.923 / 0.745 / 1.000 / 1.000; ADDRESS 0.927 before
    # the town after "in", "the address of", "place" and stated squares)
    ("multiwoz21", "ACCOUNT_NUMBER"): 0.97,
    ("multiwoz21", "ADDRESS"): 0.92,
    ("multiwoz21", "PHONE_NUMBER"): 0.97,
    ("multiwoz21", "ZIP_CODE"): 0.97,
    # measured 0.957 (before: 0.834; 0.924 before the name-answer and booking rules)
    ("polyai_restaurant8k", "PERSON"): 0.92,
    # measured 1.000 (before: 0.991)
    ("snips", "PERSON"): 0.97,
}


def _held_out_sample(corpus: str) -> list[tuple[str, list[tuple[int, int, str]]]]:
    rows = []
    with (TRAIN / f"{corpus}_spoken.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            spans = [(s["start"], s["end"], s["label"]) for s in row["spans"] if s["label"] in GATED]
            if spans and is_held_out(dialogue_id(row["id"])):
                rows.append((row["text"], spans))
    if len(rows) > ROWS_PER_CORPUS:
        rows = random.Random(0).sample(rows, ROWS_PER_CORPUS)
    return rows


@pytest.fixture(scope="module")
def scores(default_pipeline: Pipeline) -> dict[tuple[str, str], LabelRecall]:
    found: dict[tuple[str, str], LabelRecall] = {}
    corpora = sorted({corpus for corpus, _ in FLOORS})
    for corpus in corpora:
        rows = _held_out_sample(corpus)
        entities = default_pipeline.analyze_batch([text for text, _ in rows])
        recall = full_coverage_recall(
            (text, spans, [(e.start, e.end) for e in found_entities])
            for (text, spans), found_entities in zip(rows, entities, strict=True)
        )
        for label, score in recall.items():
            found[(corpus, label)] = score
    return found


@pytest.mark.parametrize(("corpus", "label"), sorted(FLOORS))
def test_holdout_recall_floor(scores: dict[tuple[str, str], LabelRecall], corpus: str, label: str) -> None:
    score = scores[(corpus, label)]
    assert score.gold >= MIN_GOLD, f"{corpus} {label}: only {score.gold} gold values in the sample"
    floor = FLOORS[(corpus, label)]
    assert score.recall >= floor, f"{corpus} {label}: {score.caught}/{score.gold} < floor {floor}"
