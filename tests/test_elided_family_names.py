"""A family name with an elided prefix ("o'malley", "d'angelo", "l'estrange") after a name joins the
name, listed or not (review42 H1: with the adapted recognizer "please call siobhan o'malley back"
left "o'malley" readable). The rule is the names detector's and the ner detector's, so it holds
whichever recognizer runs.

Case tables: (text, the PERSON span that must be redacted, or None). Every sentence is made up.
"""

from __future__ import annotations

import pytest
from _support import labelled

from redactkit import Pipeline
from redactkit.core import AlignedText
from redactkit.detect.names import elided_family_name
from redactkit.detect.ner import SpacyNerDetector

CASES = [
    # the given name and the family name, one span
    ("please call siobhan o'malley back", "siobhan o'malley"),
    ("call pat o'malley", "pat o'malley"),
    ("i need to call eoin o'dwyer", "eoin o'dwyer"),
    ("please call brendan o'malley back", "brendan o'malley"),
    ("please call grainne o'toole back", "grainne o'toole"),
    ("tell nora d'angelo the car is ready", "nora d'angelo"),
    ("email sinead o'malley the report", "sinead o'malley"),
    ("text liam o'connor's brother", "liam o'connor's"),
    # no name before it: the shape alone is no person; o'clock is a time
    ("we meet at nine o'clock", None),
    ("the meeting is at ten o'clock sharp", None),
    ("it's five o'clock somewhere", None),
    ("the rock and roll show starts at eight", None),
]


@pytest.mark.parametrize(("text", "name"), CASES)
def test_an_elided_family_name_joins_the_name_before_it(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    assert persons == ([name] if name else [])


@pytest.mark.parametrize("recognizer", ["builtin", "none"])
def test_the_ner_detector_joins_it_whichever_recognizer_runs(recognizer: str) -> None:
    detector = SpacyNerDetector(ner_weights=recognizer)
    text = "call pat o'malley"
    found = [
        text[e.start : e.end] for e in detector.detect(AlignedText.identity(text)) if e.label == "PERSON"
    ]
    assert found in ([], ["pat o'malley"])  # the recognizer may miss "pat"; never half the name


@pytest.mark.parametrize(
    ("word", "shape"),
    [
        ("o'malley", True),
        ("d'angelo", True),
        ("l'estrange", True),
        ("o'dwyer's", True),
        ("o'clock", False),
        ("o'er", False),
        ("we'd", False),
        ("don't", False),
        ("o'hare1", False),
        ("malley", False),
    ],
)
def test_the_shape_of_an_elided_family_name(word: str, shape: bool) -> None:
    assert elided_family_name(word) is shape


# "a" said as a middle initial between a given name and a family name the list has, though the
# family name reads like a word form ("nunes", "hughes"): the whole name; "a" before an everyday
# word is the article
MIDDLE_A_CASES = [
    ("so the claim is under neil a nunes and the policy is new", "neil a nunes"),
    ("please call neil a nunes back", "neil a nunes"),
    ("the policy is under rita a hughes", "rita a hughes"),
    ("tell neil a joke", "neil"),
    ("call neil a cab", "neil"),
]


@pytest.mark.parametrize(("text", "name"), MIDDLE_A_CASES)
def test_a_said_as_a_middle_initial_before_a_listed_family_name(
    default_pipeline: Pipeline, text: str, name: str
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    assert persons == [name]
