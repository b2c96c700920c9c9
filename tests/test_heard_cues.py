"""Names behind cues a recognizer garbled, names it misspelt or ran together with a word, and names
it broke with a short word (names.yaml ``heard_cues``). The model of recognizer errors is general (a
short word heard as another, a longer word a few letters off, a word lost, added or run together);
it is not read from the benchmark's confusion table. Each table is invented: what is found beside
what is left alone."""

from __future__ import annotations

from functools import cache

import pytest
from _support import found_by

from redactkit.detect import NameDetector


@cache
def _names() -> NameDetector:
    return NameDetector()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # one short cue word heard as another short word, beside a longer one that came through
        ("the name as zorvekil and that's it", "zorvekil"),
        ("okay forward tuss to quellanor please", "quellanor"),
        # a longer cue word a few letters off
        ("i'm pocking up for quellanor today", "quellanor"),
        ("forwarded this to quellanor", "quellanor"),
        # a short cue word lost or added, two cue words run together
        ("so the claim under zorvekil policy", "zorvekil"),
        ("i'm picking up uh the for quellanor", "quellanor"),
        ("the claim isunder zorvekil", "zorvekil"),
        ("thename is zorvekil", "zorvekil"),
        # a given name heard as a word, between a strong cue and a family name
        ("i'm picking up for judo okonkwo at noon", "judo okonkwo"),
        # a listed name a letter off after a cue
        ("the prescriber was doctor niholas", "niholas"),
        ("forward this to rodigo please", "rodigo"),
    ],
)
def test_garbled_cues_still_introduce_names(text: str, name: str) -> None:
    assert ("PERSON", name) in found_by(_names(), text)


@pytest.mark.parametrize(
    "text",
    [
        # a garbled cue never makes a dictionary word a name
        "the game is over",
        "the name his dog was given",
        "i'm pocking up for dinner",
        "call my bank tomorrow",
        # two words off is no cue
        "forward tuss tu zorvekil",
        # a single-word cue is never taken for garbled ("donor" for "doctor")
        "the donor zorvekil gave blood",
        # a misspelt everyday word is no name
        "we went to the hosputal tonigt",
        # a determiner for a cue's last word makes the next word a noun ("call me" heard as "call the")
        "call the zorvekil office",
        "i'm picking up for the zorvekil",
        # a short word heard for another only beside a content word, in a cue of three words or a
        # naming one; a lost word is a function word
        "like this at zorvekil",
        "the total amount of zorvekil",
        "so let me zorvekil that",
        "costs that would be zorvekil",
    ],
)
def test_garbled_cue_leaves_words_alone(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in found_by(_names(), text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a strong cue's last word run together with a listed name
        ("i'm picking up forzoltan at five", "forzoltan"),
        ("we metbeatrix at the school", "metbeatrix"),
        # a listed name run together with a frequent word after it
        ("it's zoltanthe area code is", "zoltanthe"),
    ],
)
def test_glued_names(text: str, name: str) -> None:
    assert ("PERSON", name) in found_by(_names(), text)


@pytest.mark.parametrize(
    "text",
    [
        # no listed name inside, or the whole is a word of its own
        "i'm picking up format sheets",
        "we metropolitan police",
        "see the formation",
        # a misspelt word that happens to start with a name ("tomo" + "row")
        "we fly out tomorow",
    ],
)
def test_glued_words_are_no_names(text: str) -> None:
    assert not any(label == "PERSON" for label, _ in found_by(_names(), text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a short word heard inside a name: the name goes on over it
        ("could you call zoltan the okonkwo", "zoltan the okonkwo"),
        ("registered to beatrix of okonkwo at noon", "beatrix of okonkwo"),
    ],
)
def test_inserted_word_inside_a_name(text: str, name: str) -> None:
    assert ("PERSON", name) in found_by(_names(), text)


def test_two_names_joined_by_and_stay_two() -> None:
    found = found_by(_names(), "invite zoltan and beatrix okonkwo")
    assert ("PERSON", "zoltan") in found
    assert ("PERSON", "beatrix okonkwo") in found
