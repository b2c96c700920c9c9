"""en-GB: a second locale by data alone (redactkit/lang/en-GB/), as a case table."""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.detect import IdentifierDetector
from redactkit.detect.identifiers import DEFAULT_IDENTIFIER_LABELS
from redactkit.lang import load_locale

GB_LABELS = [*DEFAULT_IDENTIFIER_LABELS, "UK_NHS", "UK_NINO"]
CONFIG = {
    "detectors": [
        {"name": "identifiers", "locale": "en-GB", "labels": GB_LABELS},
        {"name": "spelled"},
        {"name": "addresses", "locale": "en-GB"},
    ]
}


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline.from_config(CONFIG)


# (utterance, redacted words, labels): every value below is invented
CASES = [
    ("my nhs number is nine four three four seven six five nine one nine", "nine four", {"UK_NHS"}),
    # fails the mod-11 check: still introduced as a number, so still redacted
    ("my nhs number is nine four three four seven six five nine one eight", "nine four", {"ACCOUNT_NUMBER"}),
    ("national insurance number q q one two three four five six c", "q q one", {"UK_NINO"}),
    ("my postcode is s w one a one a a", "s w one", {"ZIP_CODE"}),
    ("call me on oh seven seven double oh nine one two three four five", "seven seven", {"PHONE_NUMBER"}),
    ("it's plus four four seven seven double oh nine one two three four five", "four four", {"PHONE_NUMBER"}),
    ("the sort code is two oh one five nine two", "two oh one", {"ACCOUNT_NUMBER"}),
    ("i live at flat three twelve acacia avenue", "acacia", {"ADDRESS"}),
    ("post it to fourteen primrose rise leeds", "primrose rise", {"ADDRESS"}),
    ("prices rise 5 percent", "", set()),
    ("it costs five quid", "", set()),
    ("platform nine please", "", set()),
]


@pytest.mark.parametrize(("text", "hidden", "labels"), CASES)
def test_en_gb_case_table(pipe: Pipeline, text: str, hidden: str, labels: set[str]) -> None:
    result = pipe.redact(text)
    if hidden:
        assert hidden not in result.text
    else:
        assert result.text == text
    assert {entity.label for entity in result.entities} == labels


def test_en_gb_extends_en_us_by_data() -> None:
    gb, us = load_locale("en-GB"), load_locale("en-US")
    assert gb.version.endswith("+" + us.version)
    us_cues = us.table("identifiers", "cues")
    gb_cues = gb.table("identifiers", "cues")
    assert set(us_cues) < set(gb_cues)  # every en-US cue block is kept, new labels added
    assert set(us_cues["PHONE_NUMBER"]["before"]) < set(gb_cues["PHONE_NUMBER"]["before"])
    assert gb.lexicon.digits == us.lexicon.digits


def test_en_us_does_not_know_british_cues() -> None:
    with pytest.raises(ValueError, match="UK_NHS"):
        IdentifierDetector(labels=("UK_NHS",))  # en-US has no NHS cue
    us = Pipeline.from_config({"detectors": [{"name": "identifiers"}]})
    assert {
        e.label
        for e in us.redact("my nhs number is nine four three four seven six five nine one nine").entities
    } != {"UK_NHS"}


def test_british_street_types_are_en_gb_data_only() -> None:
    from redactkit.core import AlignedText
    from redactkit.detect import AddressDetector

    text = AlignedText.identity("the house at 14 primrose rise")
    found = {
        locale: [(e.start, e.end) for e in AddressDetector(locale=locale).detect_batch([text])[0]]
        for locale in ("en-US", "en-GB")
    }
    assert found["en-GB"] == [(13, 29)]  # "14 primrose rise"
    assert found["en-US"] == []  # en-US does not know "rise" as a street type
