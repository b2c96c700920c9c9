"""Everyday mentions of people in lowercase speech (names.yaml ``person_cues``): a noun that names a person
before a name or a copula before it ("my neighbour X", "the other driver was X"), farewells said to someone,
greetings passed on and messages left for someone, who a person is called, who to call in an emergency, a
caller's "hi it's X", someone asked to get in touch, a given name asked a question at the start of a turn,
who was told or asked, a month that is a given name after a month cue.
Every name is invented or a common given name; the look-alikes are the same phrases with no one named."""

from __future__ import annotations

import pytest
from _support import found_by, names_detector

FOUND = [
    # a noun that names a person, after a possessive, or before a copula
    ("my neighbour precious watched the dog", {"precious"}),
    ("her coworker zorvela covered the shift", {"zorvela"}),
    ("the patient's nurse quellani is on her break", {"quellani"}),
    ("the other driver was tavrosi and his plate was from ohio", {"tavrosi"}),
    ("the account holder is dovrika date of birth may first", {"dovrika"}),
    ("your physical therapist today will be zorbekka", {"zorbekka"}),
    ("the tenant upstairs is called velomir", {"velomir"}),
    # farewells and affection said to the one named
    ("bye quellani see you tomorrow", {"quellani"}),
    ("love you too ivy", {"ivy"}),
    ("good night zorvela", {"zorvela"}),
    # greetings passed on, messages left, who someone is called, who to call in an emergency
    ("say hi to tavrosi for me", {"tavrosi"}),
    ("can you leave a message for velomir that the parts came in", {"velomir"}),
    ("the mechanic was a guy named dovrika", {"dovrika"}),
    ("her emergency contact is zorbekka", {"zorbekka"}),
    ("hi it's quellani returning your call", {"quellani"}),
    # someone asked to get in touch, a given name asked a question at the start of a turn
    ("please have velomir call me when he lands", {"velomir"}),
    ("guy do you want to take that one", {"guy"}),
    ("will can you hear me", {"will"}),
    ("mark did you see the email", {"mark"}),
    # who was told, asked or reached, as people report it
    ("i told tavrosi about the surprise", {"tavrosi"}),
    ("she asked ivy to wait outside", {"ivy"}),
    ("i spoke to zorvela yesterday about the lease", {"zorvela"}),
    ("we ran into velomir at the store", {"velomir"}),
    # a month that is also a given name, right after a month cue and before no number
    ("tell june the rent is due friday", {"june"}),
    ("hi april how are you", {"april"}),
    ("i told august about the trip", {"august"}),
    # a given name of two syllables written as two words: one whose nearest words by vector are names
    ("can you text seo yeon that i'm late", {"seo yeon"}),
    ("i spoke to hyun woo about the contract", {"hyun woo"}),
    ("my friend eun ji is here", {"eun ji"}),
]

NOT_FOUND = [
    "the patient is stable",
    "the nurse is busy right now",
    "my neighbour has a dog",
    "the patient portal is down",
    "the driver was late again",
    "the owner is away this week",
    "bye for now",
    "see you tomorrow",
    "love you so much",
    "take care of yourself",
    "say hi to everyone for me",
    "can you leave a message",
    "the file was named report final",
    "her emergency contact is her husband",
    "please have a seat",
    "may i ask who is calling",
    "hope you're doing well",
    "so do you want to come",
    "wait did you see that",
    "will you marry me",
    "great can you send it over",
    # reported speech that names no one; a month as a date
    "i told everyone about it",
    "i asked about the refund",
    "i spoke to customer service",
    "we ran into traffic",
    "i told alexa to stop",
    "remind me in june",
    "call june fifth about the lease",
    "set a reminder for april",
    # a cue is no given name before a family name ("messaged" is no name)
    "i messaged support",
    # short words beside no name-like syllable
    "can you text me at ten",
    "tell him yes",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_everyday_mentions(text: str, names: set[str]) -> None:
    assert {value for label, value in found_by(names_detector(), text) if label == "PERSON"} == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_everyday_mentions_look_alikes(text: str) -> None:
    assert found_by(names_detector(), text) == set()
