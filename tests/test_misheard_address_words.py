"""Addresses whose "dot" a recognizer wrote as "that", whose "at" it wrote as "it" or "it sign", and
whose domain it garbled after a made-up host: read as addresses only where their shape and an opening
show them; the same words in ordinary speech stay speech. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from _support import covering_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "you can write to tobin harrow at yahoo that com",
            "tobin harrow at yahoo that com",
            "EMAIL_ADDRESS",
        ),
        (
            "it's quenby underscore lark at fennimoretile that com",
            "quenby underscore lark at fennimoretile that com",
            "EMAIL_ADDRESS",
        ),
        ("the site is w w w that drovewick that com", "w w w that drovewick that com", "URL"),
        (
            "try double u double u double u that orchard pine that net",
            "double u double u double u that orchard pine that net",
            "URL",
        ),
        ("it's at w w that dot calloway bikes dot com", "w w that dot calloway bikes dot com", "URL"),
        (
            "my email is anders sixty one it marbleknoll dog com",
            "anders sixty one it marbleknoll dog com",
            "EMAIL_ADDRESS",
        ),
        (
            "reach me at pell dot vance it sign outlook dot com",
            "pell dot vance it sign outlook dot com",
            "EMAIL_ADDRESS",
        ),
        (
            "it would be ilse forty four at brackenholt dog calm",
            "ilse forty four at brackenholt dog calm",
            "EMAIL_ADDRESS",
        ),
    ],
)
def test_misheard_dots_and_ats_inside_an_address(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert label in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "i caught that net",
        "she caught it at the game that net was torn",
        "do it at home that com",
        "we met at chipotle that com",
        "my brother works at accenture that com",
        "it's at the mall that come by later",
        "i was at starbucks dog calm down",
        "we met at the party that come on",
        "did it sign up yet",
        "i did it in the morning",
        "is that you",
    ],
)
def test_the_same_words_in_speech_are_no_address(default_pipeline: Pipeline, text: str) -> None:
    labels = {e.label for e in default_pipeline.analyze(text)}
    assert not labels & {"URL", "EMAIL_ADDRESS"}
