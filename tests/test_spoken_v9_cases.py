"""Round 9 (hgen9, from the tuning half of the blind set v9; every row invented): entry codes said in
delivery calls are PINs, part and catalogue numbers are no accounts, "health" and "construction" end a
firm's name, and a detection that read a whole value names it rather than a word found inside it."""

from __future__ import annotations

import pytest
from _support import found_by, shared_default_pipeline

from redactkit.core import Entity
from redactkit.detect import IdentifierDetector
from redactkit.detect.contextual import ContextualDetector
from redactkit.spans import resolve_overlaps


def _labelled(text: str) -> set[tuple[str, str]]:
    return {(e.label, text[e.start : e.end]) for e in shared_default_pipeline().analyze(text)}


ENTRY_CODES = [
    ("the keypad code for the side door is two eight eight zero", "two eight eight zero"),
    ("lockbox code one nine nine seven and the key is inside", "one nine nine seven"),
    ("the garage code is six six one four", "six six one four"),
    ("it's the yellow house and the gate code is three one three one", "three one three one"),
    ("the entry code is four four two zero", "four four two zero"),
]


@pytest.mark.parametrize(("text", "value"), ENTRY_CODES)
def test_entry_codes_are_pins(text: str, value: str) -> None:
    assert ("PIN", value) in found_by(IdentifierDetector(), text)


NO_ACCOUNTS = [
    "the part number is four four seven one nine b",
    "what's the sku three three eight one two",
    "item number five five two one nine is out of stock",
    "catalog number two two nine one eight on page four",
    "i'm at gate twelve by the window",
]


@pytest.mark.parametrize("text", NO_ACCOUNTS)
def test_part_and_catalogue_numbers_are_no_identifiers(text: str) -> None:
    assert found_by(IdentifierDetector(), text) == set()


def test_of_inside_a_host_after_www() -> None:
    text = "the form is at w w w dot town of brixworth dot gov slash forms no spaces"
    urls = [value for label, value in found_by(_CONTEXTUAL, text) if label == "URL"]
    assert [value.startswith("w w w dot town of brixworth dot gov slash forms") for value in urls] == [True]


FIRMS = [
    ("and the insurance is bluepeak health", "bluepeak health"),
    ("she's a scheduler at orvella health", "orvella health"),
    ("my employer is ostrowski and daughters construction", "ostrowski and daughters construction"),
    ("he drives for brannigan construction", "brannigan construction"),
]

NO_FIRMS = [
    "i'm worried about my mental health",
    "public health is important to her",
    "the road construction starts monday",
    "we have good health insurance",
    "he works in construction now",
]

_CONTEXTUAL = ContextualDetector(reference_year=2026)


@pytest.mark.parametrize(("text", "value"), FIRMS)
def test_health_and_construction_end_a_firm_name(text: str, value: str) -> None:
    assert ("ORGANIZATION", value) in found_by(_CONTEXTUAL, text)


@pytest.mark.parametrize("text", NO_FIRMS)
def test_health_and_construction_as_plain_nouns(text: str) -> None:
    assert not any(label == "ORGANIZATION" for label, _ in found_by(_CONTEXTUAL, text))


E = Entity

MERGES = [
    # a given name inside a web address: the address names the union
    ([E(5, 26, "URL", 0.8), E(5, 9, "PERSON", 0.85)], "URL"),
    ([E(0, 26, "ORGANIZATION", 0.8), E(6, 11, "PERSON", 0.85)], "ORGANIZATION"),
    # much less confident: the confident inner detection still names it
    ([E(0, 26, "LOCATION", 0.45), E(6, 11, "PERSON", 0.85)], "PERSON"),
    # overlapping, neither inside the other: the more confident one, as before
    ([E(0, 12, "URL", 0.8), E(6, 20, "PERSON", 0.85)], "PERSON"),
    # a special category keeps its label
    ([E(0, 26, "ORGANIZATION", 0.8), E(6, 11, "MINOR", 0.85)], "MINOR"),
    # the inner one is more confident by more than the margin
    ([E(0, 26, "URL", 0.5), E(5, 9, "PERSON", 0.85)], "PERSON"),
]


@pytest.mark.parametrize(("entities", "label"), MERGES)
def test_a_detection_that_holds_another_names_the_union(entities: list[Entity], label: str) -> None:
    (merged,) = resolve_overlaps(entities, "x" * 30)
    assert (merged.start, merged.end, merged.label) == (
        min(e.start for e in entities),
        max(e.end for e in entities),
        label,
    )


WHOLE_VALUES = [
    ("it's sonja dash pilates dot studio", "URL", "sonja dash pilates dot studio"),
    ("go to w w w dot marlowe gardens dot org slash visit", "URL",
     "w w w dot marlowe gardens dot org slash visit"),
    ("i'm a nurse over at saint agnes medical center", "ORGANIZATION", "saint agnes medical center"),
    ("and he fills it at halvorsen pharmacy", "ORGANIZATION", "halvorsen pharmacy"),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "label", "value"), WHOLE_VALUES)
def test_the_pipeline_labels_a_whole_value_by_what_it_is(text: str, label: str, value: str) -> None:
    assert (label, value) in _labelled(text)
