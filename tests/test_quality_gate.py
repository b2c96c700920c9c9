"""Recall gate: on a fixed generated sample of the TRAIN families, recall per label may not fall below
its floor, and the share of touched negatives may not rise above its ceiling.

The sample comes from redactkit.synth (seeded), so the gate is deterministic. The floors are what the
default pipeline measured on this sample (redactkit.synth version 3; they hold on version 4's, which
adds train families, and on version 5's, which spells names with ø, ß or ə right) minus a margin of
about five points, rounded down: they guard against regressions and say honestly where the rules
stand. They are not targets: the held-out families and ../shared/data are where quality is measured
(benchmarks/bench_quality.py, docs/how-to/measure-recall.md).
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

SAMPLE_SIZE = 2500
SAMPLE_SEED = 3
#: label -> floor of full-coverage recall (measured on this sample, minus a margin)
FLOORS: dict[str, float] = {
    "ACCOUNT_NUMBER": 0.95,  # 0.990 since issue 19 (values dictated in parts); 1.000 (asides dropped)
    "ADDRESS": 0.95,  # 1.000 since issue 12 (asides inside an address, unit letters, weak street types)
    # AGE .. USERNAME: the `contextual` detector (1.00 / 1.00 / 0.95 / 1.00 / 0.97 / 1.00 measured)
    "AGE": 0.95,
    "CREDIT_CARD": 0.95,  # 0.989 since issue 19; 0.991 (a corrected or restarted group)
    "CREDIT_CARD_META": 0.95,
    "DATE_OF_BIRTH": 0.95,  # 1.000 since issue 12 (numeric dates said without slashes)
    "EMAIL_ADDRESS": 0.95,
    "IBAN_CODE": 0.95,  # 1.000 since issue 12 (asides between the groups)
    "IP_ADDRESS": 0.95,  # 1.000 since issue 12
    "LOCATION": 0.85,
    "ORGANIZATION": 0.90,  # 0.948 since issue 12 (employer, school, bank, insurer contexts; institutions)
    "PASSWORD": 0.95,
    "PERSON": 0.92,  # 0.922 since issue 12 (names of calls: greetings, hand-overs, titles, callers); 0.949
    # (naming phrases, middle initials, name answers before longer numbers, titles)
    "PHONE_NUMBER": 0.95,  # 0.978 since issue 19 (area code said last, asides); 1.000 since issue 12
    "PIN": 0.95,  # 1.000 since issue 12
    "URL": 0.94,  # 0.990 since issue 12 (a path after an aside, no e-mail with a path)
    "USERNAME": 0.95,
    "US_DRIVER_LICENSE": 0.95,  # 0.990 since issue 19 (spelled letter prefixes); 1.000 since issue 12
    "US_PASSPORT": 0.95,  # 1.000 since issue 19
    "US_SSN": 0.95,  # 1.000 since issue 19
    "ZIP_CODE": 0.94,
}
#: measured 0.174 when the gate was set (lottery numbers, arithmetic, flight numbers, prices, room and
#: page numbers said as digits were taken for identifiers); 0.060 since issue 19 (negative contexts,
#: lists of whole numbers, rooms/gates/roads are no address)
NEGATIVES_TOUCHED_MAX = 0.09


@pytest.fixture(scope="module")
def results(default_pipeline: Pipeline) -> tuple[list[Record], list[list[Entity]]]:
    sample = generate(SAMPLE_SIZE, seed=SAMPLE_SEED, split="train", negatives_share=0.2)
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
    assert score.gold >= 80, f"{label}: only {score.gold} gold values in the sample"
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


#: issue 19: the same sample after the ASR error model at WER 0.2 (seeded): full-coverage recall of
#: the number labels, the share of their correctly recognized words left readable, and how much more
#: of the negatives is touched than on the clean sample. Measured when set (zones before a cue said
#: after the value, fail-closed growth of identifier regions, spelled prefixes): PHONE 0.899, CARD
#: 0.921, SSN 0.896, ACCOUNT 0.870, ZIP 0.925; readable 1.3-4.4 %; negatives +4.3 points (names and
#: the NER model reacting to garbled words, not the number rules). Raised after digits lost at a
#: value's edges (value_lengths): PHONE 0.921, CARD 0.960, SSN 0.934, ACCOUNT 0.880, ZIP 0.933;
#: readable 1.0-4.4 %. Raised again to what the later number and cue work measures on this sample
#: (PHONE 0.937, CARD 0.953, SSN 0.954, ACCOUNT 0.915, ZIP 0.960; readable 0.3-3.6 %), about two
#: points below. The readable cap was lowered from 5 % to 4.5 % after the after-cue, phone-part and
#: spelled-prefix work (readable 0.3-3.6 %, PHONE 2.1 -> 1.5 %; recall unchanged on this sample)
NOISY_WER = 0.2
NOISY_FLOORS: dict[str, float] = {
    "PHONE_NUMBER": 0.92,
    "CREDIT_CARD": 0.94,
    "US_SSN": 0.94,
    "ACCOUNT_NUMBER": 0.90,
    "ZIP_CODE": 0.94,
}
NOISY_READABLE_MAX = 0.045
NOISY_NEGATIVES_GROWTH_MAX = 0.07


@pytest.fixture(scope="module")
def noisy(default_pipeline: Pipeline) -> list[tuple[NoisyExample, list[Entity]]]:
    sample = generate(SAMPLE_SIZE, seed=SAMPLE_SEED, split="train", negatives_share=0.2)
    examples = noisy_examples(sample, NOISY_WER, SAMPLE_SEED)
    return list(zip(examples, default_pipeline.analyze_batch([e.text for e in examples]), strict=True))


@pytest.mark.parametrize("label", sorted(NOISY_FLOORS))
def test_noisy_recall_floor_and_readable_words(
    noisy: list[tuple[NoisyExample, list[Entity]]], label: str
) -> None:
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
    assert gold >= 80, f"{label}: only {gold} gold values in the noisy sample"
    assert caught / gold >= NOISY_FLOORS[label], f"{label}: {caught}/{gold} < {NOISY_FLOORS[label]}"
    assert readable / words <= NOISY_READABLE_MAX, f"{label}: {readable}/{words} readable words"


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
