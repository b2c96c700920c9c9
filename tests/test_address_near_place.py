"""A listed place said after an address with a landmark word ("... suite four ashford near canterbury") is
part of the address: the address stays whole instead of being split by a place detector around the word
"near". Without an address before it, the place is a place. Every sentence is invented.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline

CASES = [
    # the place near which the house lies belongs to the address
    (
        "send it to twelve elm road suite four ashford near canterbury kent",
        "twelve elm road suite four ashford near canterbury",
    ),
    ("i live at forty two oak street near boston", "forty two oak street near boston"),
    (
        "ship to nine birch lane flat two dorking near guildford please",
        "nine birch lane flat two dorking near guildford",
    ),
    # a landmark noun after "near" was already part of it
    (
        "my address is five pine lane springfield near the old mill",
        "five pine lane springfield near the old mill",
    ),
]

NEGATIVES = [
    # no address before "near": the place alone, no ADDRESS
    "we live near boston",
    "the hotel is close to canterbury",
    "is there a pharmacy near guildford",
]


@pytest.mark.parametrize(("text", "address"), CASES)
def test_a_place_near_which_the_house_lies_keeps_the_address_whole(
    default_pipeline: Pipeline, text: str, address: str
) -> None:
    start = text.index(address)
    assert any(
        e.label == "ADDRESS" and e.start <= start and e.end >= start + len(address)
        for e in default_pipeline.analyze(text)
    )


@pytest.mark.parametrize("text", NEGATIVES)
def test_a_place_after_near_alone_is_no_address(default_pipeline: Pipeline, text: str) -> None:
    assert all(e.label != "ADDRESS" for e in default_pipeline.analyze(text))
