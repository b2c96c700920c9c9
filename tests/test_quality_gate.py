"""Recall gate: on a fixed generated sample of the TRAIN families, recall per label may not fall below
its floor, and the share of touched negatives may not rise above its ceiling.

The sample comes from redactkit.synth (seeded), so the gate is deterministic. It is large enough that
a floor is a property of the code, not of one draw: 5,000 utterances (150-300 gold values per label)
for the clean gate, and for the ASR-noise gate every number value of a 20,000-utterance pool (700-1,100
per label). The floors were set from the default pipeline measured on five pools (seeds 3 to 7, the
gate's own design with each seed): for a label the rules catch almost whole (0.99-1.00 on every
seed) the floor is 0.95, about five points below; for the others it is the pooled figure less three
standard deviations of one gate sample (the larger of the binomial one and the spread over the five
seeds), rounded down to 0.005, and ceilings likewise plus three. A sample of 2,500 with floors set on
one seed's figures (the gate before) failed on other seeds: 80-140 gold values per label move a
figure by 2-3 points from one draw to the next. They guard against regressions and say honestly where
the rules stand. They are not targets: the held-out families and ../shared/data are where quality is
measured (benchmarks/bench_quality.py, docs/how-to/measure-recall.md).
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.bench import LabelRecall, full_coverage_recall
from redactkit.bench.asr_noise import NoisyExample, noisy_examples
from redactkit.bench.metrics import counted_positions
from redactkit.core import Entity
from redactkit.synth import LABELS, Record, generate

pytestmark = pytest.mark.slow

SAMPLE_SIZE = 5000
SAMPLE_SEED = 3
#: the noisy gate scores the number labels' values of a larger pool (see noisy_source)
NOISY_POOL_SIZE = 20000
#: label -> floor of full-coverage recall. Measured on the five pools (seeds 3-7, 5,000 utterances
#: each): every label but LOCATION, ORGANIZATION and PERSON 0.990-1.000 on every seed (floor 0.95)
FLOORS: dict[str, float] = {
    "ACCOUNT_NUMBER": 0.95,  # 0.995-1.000 (values dictated in parts, asides dropped)
    "ADDRESS": 0.95,  # 0.996-1.000 (asides inside an address, unit letters, weak street types)
    "AGE": 0.95,  # AGE .. USERNAME: the `contextual` detector
    "CREDIT_CARD": 0.95,  # 0.995-1.000 (a corrected or restarted group)
    "CREDIT_CARD_META": 0.95,
    "DATE_OF_BIRTH": 0.95,  # 0.992-1.000 (numeric dates said without slashes)
    "EMAIL_ADDRESS": 0.95,
    "IBAN_CODE": 0.95,  # 1.000 (asides between the groups)
    "IP_ADDRESS": 0.95,
    # 0.949 pooled, 0.943-0.955 on the seeds, SD 0.015 (binomial): 0.85 before, far below
    "LOCATION": 0.90,
    # 0.971 pooled, 0.953-0.986, SD 0.012 (seeds): 0.90 before (employer, school, bank, insurer contexts)
    "ORGANIZATION": 0.93,
    # 0.949 pooled, 0.924-0.961, SD 0.015 (seeds; names recur inside a call, so the spread is twice the
    # binomial one): 0.92 before, 0.004 below seed 6's figure
    "PERSON": 0.90,
    "PASSWORD": 0.95,
    "PHONE_NUMBER": 0.95,  # 1.000 (area code said last, asides)
    "PIN": 0.95,
    "URL": 0.95,  # 0.990-0.995 (a path after an aside, no e-mail with a path); 0.94 before
    "USERNAME": 0.95,
    "US_DRIVER_LICENSE": 0.95,  # 1.000 (spelled letter prefixes)
    "US_PASSPORT": 0.95,
    "US_SSN": 0.95,
    "ZIP_CODE": 0.95,  # 1.000; 0.94 before
}
#: 0.174 when the gate was first set (lottery numbers, arithmetic, flight numbers, prices, room and page
#: numbers said as digits were taken for identifiers); 0.060 after issue 19 (negative contexts, lists of
#: whole numbers, rooms/gates/roads are no address); now 0.043 pooled, 0.037-0.049 on the seeds, SD
#: 0.0064 (binomial): 0.09 before
NEGATIVES_TOUCHED_MAX = 0.065
#: a label's gold values in the clean sample: 160-297 on the five pools
MIN_GOLD = 120


def gate_pool(seed: int = SAMPLE_SEED) -> list[Record]:
    """The generated pool both gates draw from: its first SAMPLE_SIZE records are the clean sample."""
    return generate(NOISY_POOL_SIZE, seed=seed, split="train", negatives_share=0.2)


def noisy_source(pool: list[Record]) -> list[Record]:
    """The records the noisy gate scores: every record of the pool with a value of a NOISY_FLOORS
    label (each such value of the pool counts, so these labels have 700-1,100 gold values instead of
    the clean sample's 170-270), and the negatives of the clean sample (paired with their clean
    results for the growth test). Only these records are analyzed: the other labels have no noisy
    floor."""
    negatives = [record for record in pool[:SAMPLE_SIZE] if not record.spans]
    positives = [record for record in pool if any(span.label in NOISY_FLOORS for span in record.spans)]
    return negatives + positives


@pytest.fixture(scope="module")
def pool() -> list[Record]:
    return gate_pool()


@pytest.fixture(scope="module")
def results(default_pipeline: Pipeline, pool: list[Record]) -> tuple[list[Record], list[list[Entity]]]:
    sample = pool[:SAMPLE_SIZE]
    return sample, default_pipeline.analyze_batch([record.text for record in sample])


@pytest.fixture(scope="module")
def scores(results: tuple[list[Record], list[list[Entity]]]) -> dict[str, LabelRecall]:
    sample, found = results
    return full_coverage_recall(
        (record.text, [(s.start, s.end, s.label) for s in record.spans], [(e.start, e.end) for e in entities])
        for record, entities in zip(sample, found, strict=True)
    )


@pytest.mark.parametrize("label", LABELS)
def test_recall_floor(scores: dict[str, LabelRecall], label: str) -> None:
    score = scores[label]
    assert score.gold >= MIN_GOLD, f"{label}: only {score.gold} gold values in the sample"
    assert score.recall >= FLOORS[label], f"{label}: {score.caught}/{score.gold} < floor {FLOORS[label]}"


def test_negatives_touched_ceiling(results: tuple[list[Record], list[list[Entity]]]) -> None:
    sample, found = results
    negatives = [entities for record, entities in zip(sample, found, strict=True) if not record.spans]
    touched = sum(1 for entities in negatives if entities)
    assert len(negatives) >= 400
    assert touched / len(negatives) <= NEGATIVES_TOUCHED_MAX, f"{touched}/{len(negatives)}"


def test_every_generated_label_has_a_floor() -> None:
    # the floors are parametrized over the generator's LABELS: a label added to the generator
    # must get a measured floor, and a label dropped from it must lose its floor here
    assert set(FLOORS) == set(LABELS)


#: issue 19: the sample's number values after the ASR error model at WER 0.2 (seeded, see noisy_source):
#: full-coverage recall of the number labels, the share of their correctly recognized words left
#: readable, and how much more of the negatives is touched than on the clean sample. History on the
#: seed-3 sample of 2,500 (80-140 gold values a label): set at PHONE 0.899, CARD 0.921, SSN 0.896,
#: ACCOUNT 0.870, ZIP 0.925; raised with the number and cue work to about two points below PHONE 0.937,
#: CARD 0.953, SSN 0.954, ACCOUNT 0.915, ZIP 0.960. That sample was lucky for ZIP: its floor of 0.94
#: failed on seeds 4 (0.935) and 5 (0.911), and the five pools measure 0.924 (the figure of the
#: code, not a regression). Floors and caps now: pooled figure of seeds 3-7 less (plus) three
#: standard deviations of one gate sample, rounded down (up) to 0.005:
#: PHONE 0.964 pooled (0.954-0.969, SD 0.0065), CARD 0.978 (0.969-0.983, 0.0056), SSN 0.968
#: (0.965-0.974, 0.0064), ACCOUNT 0.926 (0.920-0.933, 0.0093), ZIP 0.924 (0.915-0.929, 0.0084)
NOISY_WER = 0.2
NOISY_FLOORS: dict[str, float] = {
    "PHONE_NUMBER": 0.94,  # 0.92 before
    "CREDIT_CARD": 0.96,  # 0.94 before
    "US_SSN": 0.945,  # 0.94 before
    "ACCOUNT_NUMBER": 0.895,  # 0.90 before
    "ZIP_CODE": 0.895,  # 0.94 before
}
#: readable share of correctly recognized value words, per label (one cap of 0.045 before, which ZIP's
#: 0.047 pooled, 0.042-0.054 on the seeds, exceeds): pooled plus three SD over the seeds, rounded up.
#: PHONE 0.010 pooled (0.007-0.015), CARD 0.006 (0.003-0.008), SSN 0.015 (0.007-0.021), ACCOUNT
#: 0.026 (0.018-0.035), ZIP 0.047 (0.042-0.054)
NOISY_READABLE_MAX: dict[str, float] = {
    "PHONE_NUMBER": 0.02,
    "CREDIT_CARD": 0.015,
    "US_SSN": 0.035,
    "ACCOUNT_NUMBER": 0.05,
    "ZIP_CODE": 0.065,
}
#: +0.026 pooled, +0.022 to +0.030 on the seeds, SD 0.0055 (paired binomial, ~30 discordant of ~1,000
#: negatives): 0.07 before
NOISY_NEGATIVES_GROWTH_MAX = 0.045
#: a number label's gold values in the noisy sample: 709-1,104 on the five pools
NOISY_MIN_GOLD = 500


@pytest.fixture(scope="module")
def noisy(default_pipeline: Pipeline, pool: list[Record]) -> list[tuple[NoisyExample, list[Entity]]]:
    examples = noisy_examples(noisy_source(pool), NOISY_WER, SAMPLE_SEED)
    return list(zip(examples, default_pipeline.analyze_batch([e.text for e in examples]), strict=True))


def noisy_counts(noisy: list[tuple[NoisyExample, list[Entity]]], label: str) -> tuple[int, int, int, int]:
    """Gold values of ``label``, those covered whole, their correctly recognized words, and how many
    of those words a detection left readable."""
    gold = caught = words = readable = 0
    for example, entities in noisy:
        covered = {i for e in entities for i in range(e.start, e.end)}
        for (start, end, span_label), correct in zip(example.spans, example.correct_words, strict=True):
            positions = counted_positions(example.text, start, end)
            if span_label != label or not positions:
                continue
            gold += 1
            caught += all(i in covered for i in positions)
            words += len(correct)
            readable += sum(1 for a, b in correct if not all(i in covered for i in range(a, b)))
    return gold, caught, words, readable


@pytest.mark.parametrize("label", sorted(NOISY_FLOORS))
def test_noisy_recall_floor_and_readable_words(
    noisy: list[tuple[NoisyExample, list[Entity]]], label: str
) -> None:
    gold, caught, words, readable = noisy_counts(noisy, label)
    assert gold >= NOISY_MIN_GOLD, f"{label}: only {gold} gold values in the noisy sample"
    assert caught / gold >= NOISY_FLOORS[label], f"{label}: {caught}/{gold} < {NOISY_FLOORS[label]}"
    assert readable / words <= NOISY_READABLE_MAX[label], f"{label}: {readable}/{words} readable words"


def test_noisy_negatives_touched_growth(
    results: tuple[list[Record], list[list[Entity]]], noisy: list[tuple[NoisyExample, list[Entity]]]
) -> None:
    sample, found = results
    clean = [bool(entities) for record, entities in zip(sample, found, strict=True) if not record.spans]
    touched = [
        bool(entities) for example, entities in noisy if not example.spans and not example.dropped_spans
    ]
    growth = sum(touched) / len(touched) - sum(clean) / len(clean)
    assert growth <= NOISY_NEGATIVES_GROWTH_MAX, f"negatives touched +{growth:.3f} under ASR noise"
