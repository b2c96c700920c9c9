"""What a recognizer makes of e-mail "at"s and flight words, and what must stay ordinary speech
(issue 19's leftovers). Every sentence is invented.

- "at" heard as "add", "and", "that" or "at the" inside a dictated e-mail address: an "at" only with a
  whole address after it (a name, "dot", a top-level domain) and a local part said like one before it;
  so is a top-level domain one letter off ("dot come", "dot nest");
- a flight word one letter off ("fight", "flights") before an airline or its code and a number, "flying"
  and "plane" as flight words, and "the flight is <code>": a flight number, no identifier or name.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.detect.places import flight_word_at


def _found(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    return {(e.label, text[e.start : e.end]) for e in pipeline.analyze(text) if e.label}


@pytest.mark.parametrize(
    ("text", "address"),
    [
        (
            "you can reach me at mary underscore lee add yahoo dot com thanks",
            "mary underscore lee add yahoo dot com",
        ),
        ("my email is j o h n add hotmail dot com", "j o h n add hotmail dot com"),
        ("it's zainab one two add outlook dot com", "zainab one two add outlook dot com"),
        (
            "send it to okonkwo dot bell and proton mail dot com please",
            "okonkwo dot bell and proton mail dot com",
        ),
        ("write to dembele underscore k at the gmail dot com", "dembele underscore k at the gmail dot com"),
        ("the address is vasquez that fastmail dot net", "vasquez that fastmail dot net"),
        # a top-level domain garbled by one letter, the rest of the address said like one
        ("it's maria underscore k at yahoo dot nest", "maria underscore k at yahoo dot nest"),
        ("write to t o m at outlook dot come", "t o m at outlook dot come"),
    ],
)
def test_a_misheard_at_inside_a_dictated_address(default_pipeline: Pipeline, text: str, address: str) -> None:
    start = text.index(address)
    entities = [
        e for e in default_pipeline.analyze(text) if e.start <= start and e.end >= start + len(address)
    ]
    assert entities, f"{address!r} is not redacted whole"


@pytest.mark.parametrize(
    "text",
    [
        "can you add gmail dot com to the safe senders list",
        "you should add amazon dot com to your favourites",
        "i like cats and dogs dot com",
        "it's w w w dot birch and bramble dot com",
        "the shop is called pots and pans dot com",
        "i think that gmail dot com is down again",
        "please add the dogs to the list",
        "i'll be at home dot come over later",
        "we met at the shop dot come on friday",
        "just add two cups of flour and stir",
    ],
)
def test_add_and_that_in_ordinary_speech_are_no_at(default_pipeline: Pipeline, text: str) -> None:
    assert not any(label == "EMAIL_ADDRESS" for label, _ in _found(default_pipeline, text))


@pytest.mark.parametrize(
    ("words", "k", "flight"),
    [
        ("the fight b a two".split(), 1, True),  # one letter off, no "on" needed
        ("my flights delta one".split(), 1, True),
        ("the fright delta".split(), 1, True),
        ("on freight delta".split(), 1, True),  # two edits: only after "on"
        ("the freight delta".split(), 1, False),
        ("my plate is".split(), 1, False),  # one letter off "plane": a short flight word is said right
        ("the light delta".split(), 1, False),  # "light" does not start like "flight"
        ("a fit b a".split(), 1, False),  # too short to be one letter off
        ("i'm flying l h".split(), 1, True),
    ],
)
def test_flight_word_at(words: list[str], k: int, flight: bool) -> None:
    flight_words = frozenset({"flight", "flights", "flying", "plane"})
    assert flight_word_at(words, k, flight_words, frozenset({"on"})) is flight


@pytest.mark.parametrize(
    "text",
    [
        "is fight b a two eight three on time",
        "my fight is united nine twenty on friday",
        "i'm flying l h four oh one to see my aunt on monday",
        "the flight is a s five five one",
        "our plane is u a one twenty two",
    ],
)
def test_a_flight_number_said_with_a_garbled_or_other_flight_word(
    default_pipeline: Pipeline, text: str
) -> None:
    assert _found(default_pipeline, text) == set()


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a code after a flight word is the flight's; the same code after a licence cue is a licence
        (
            "my flight is b a two eight three and my licence is d four five six one two",
            "four five six one two",
        ),
        ("my plate is a b c one two three", "a b c one two three"),
        ("the plate number is k l m four five six", "k l m four five six"),
        # a card number after a misheard flight word is still a card number
        (
            "the fight was awful my card is four one one one one one one one one one one one one one one one",
            "one",
        ),
    ],
)
def test_values_beside_flight_words_stay_redacted(default_pipeline: Pipeline, text: str, kept: str) -> None:
    found = _found(default_pipeline, text)
    assert any(kept in value for _, value in found), found
