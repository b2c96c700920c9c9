"""The sensitive-content benchmark set: families load, gold spans point at their values, splits hold."""

from __future__ import annotations

from redactkit.bench.sensitive import (
    KINDS,
    LEVELS,
    generate_sensitive,
    sensitive_families,
    to_labeled_examples,
)
from redactkit.labels import LabelCategory, labels


def test_every_gold_span_is_a_special_category_value_of_its_row() -> None:
    for split in ("train", "heldout"):
        records = generate_sensitive(split, seed=3)
        assert records
        for record in records:
            assert record.split == split
            assert record.sensitivity in LEVELS and record.kind in KINDS
            assert record.text == record.text.lower().strip()
            for span in record.spans:
                assert record.text[span.start : span.end].strip() == record.text[span.start : span.end]
                assert labels.get(span.label).category is LabelCategory.SPECIAL_CATEGORY
            if record.kind == "negative":
                assert not record.spans and record.sensitivity == "none"


def test_generation_is_deterministic_and_ids_are_unique() -> None:
    first = [r.to_dict() for r in generate_sensitive("heldout", seed=5)]
    assert first == [r.to_dict() for r in generate_sensitive("heldout", seed=5)]
    ids = [row["id"] for row in first]
    assert len(ids) == len(set(ids))
    examples = to_labeled_examples(generate_sensitive("heldout", seed=5))
    assert [e.id for e in examples] == ids


def test_train_and_heldout_families_are_disjoint() -> None:
    train = {f.name for f in sensitive_families("train")}
    heldout = {f.name for f in sensitive_families("heldout")}
    assert train and heldout and not train & heldout
    train_templates = {t for f in sensitive_families("train") for t in f.templates}
    assert not train_templates & {t for f in sensitive_families("heldout") for t in f.templates}
