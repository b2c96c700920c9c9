"""An age's unit is redacted with its number, by every detector that reads "years old": whether a
reviewer's span takes "years old" or not, the age is covered; the words after the unit stay."""

from __future__ import annotations

import pytest

from redactkit import Pipeline

CASES = [
    ("i'm thirty five years old", "i'm [AGE]"),
    ("she is 42 years old and lives alone", "she is [AGE] and lives alone"),
    ("he is forty two years of age", "he is [AGE]"),
    ("grandma is ninety one years old now", "grandma is [AGE] now"),
    ("a sixty year old retired teacher called", "a [AGE] retired teacher called"),
    # the age of a thing is no PII, with or without its unit
    ("the roof is five years old", "the roof is five years old"),
    ("we bought a twelve year old truck", "we bought a twelve year old truck"),
]


@pytest.mark.parametrize(("text", "redacted"), CASES)
def test_the_unit_goes_with_the_age(default_pipeline: Pipeline, text: str, redacted: str) -> None:
    assert default_pipeline.redact(text).text == redacted


def test_each_detector_alone_takes_the_unit(default_pipeline: Pipeline) -> None:
    text = "my uncle is seventy three years old"
    aligned = default_pipeline.normalize_batch([text])
    for name in ("identifiers", "contextual"):
        detector = next(d for d in default_pipeline.detectors if d.name == name)
        # normalized text: the number is in digits there
        found = detector.detect_batch(aligned)[0]
        said = {aligned[0].text[e.start : e.end] for e in found if e.label == "AGE"}
        assert said == {"73 years old"}, name
