"""The adapted NER's guesses on everyday nouns (review42 M2): a PERSON or one-word LOCATION guess on
dictionary words that the pipeline's word vectors read as things ("destiny", "patience", "overtime";
``ner_guard.noun_max_likeness``) is dropped, unless a person is said (a cue, a possessive, the turn's
start, a thanks, a verb of speech, another given name joined to it) or a city, country or state has the
name. Given names and places that read as names ("sarah", "ruby", "denver") are untouched. An everyday
word after "into" or "for" is a pastime, not a town ("i'm really into cricket", places.yaml
``pastime_cues``), and a GeoNames place named "the" and one everyday word needs a cue ("the beaches were
crowded").

Case tables: (text, the word that must be redacted, or None for no PERSON/LOCATION at all). Every
sentence is made up for the test.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline
from redactkit.detect.ner import SpacyNerDetector

NOUN_CASES = [
    # virtues, fate and feelings said as words
    ("it was destiny", None),
    ("trust me it was fate", None),
    ("that was a twist of fate", None),
    ("have patience with him", None),
    ("we need more patience", None),
    ("it takes patience", None),
    ("i have faith", None),
    ("have faith it will work out", None),
    ("pure joy", None),
    ("that was pure luck and a bit of mercy", None),
    ("it was heaven", None),
    # states and conditions after "in": no town meant
    ("we live in harmony", None),
    ("we lived in peace for years", None),
    ("the worker was in quarantine for a week", None),
    ("my mind is in limbo", None),
    # bills and payments (a given name, but a thing here)
    ("there is an error on my credit card bill", None),
    ("can you check the cable bill for me", None),
    ("we won in overtime", None),
    # what someone likes, does or wants after "into" and "for": a pastime, no town of that name
    ("i'm really into cricket", None),
    ("my son is into golf now", None),
    ("i'm really into reading these days", None),
    ("she got really into yoga", None),
    ("sign me up for golf on sunday", None),
    ("we signed him up for cricket", None),
    # "the" and one everyday word that GeoNames lists as a place, said without a cue: the noun
    ("the beaches were crowded today", None),
    ("the valley was green after the rain", None),
]

NAME_CASES = [
    # the same words said as names: a cue, the turn's start, a possessive, a copula that introduces
    ("joy called about the rent", "joy"),
    ("my sisters are grace and faith", "grace"),
    ("my sisters are grace and faith", "faith"),
    ("this is destiny from the front desk", "destiny"),
    ("my name is harmony", "harmony"),
    ("please call patience back", "patience"),
    ("ask mercy to send the form", "mercy"),
    ("it was destiny's idea to call", "destiny"),
    ("thank you grace", "grace"),
    ("i left a message with charity", "charity"),
    # names and places that read as names stay whatever the frame
    ("it was sarah", "sarah"),
    ("i talked with jennifer", "jennifer"),
    ("my neighbor is ruby", "ruby"),
    ("we live in denver", "denver"),
    ("i grew up in tucson", "tucson"),
    ("she moved to phoenix last year", "phoenix"),
    ("my cousin lives in china", "china"),
    ("we flew to jordan for the wedding", "jordan"),
    ("they moved here from the us", "us"),
    ("we moved back to the states in june", "states"),
    # a verb of going or a place question before the preposition says a place follows
    ("we drove into reading last night", "reading"),
    ("we flew into nice on friday", "nice"),
    ("we drove back into reading last night", "reading"),  # review44 #7.1: a particle after the verb
    ("we headed straight into mobile", "mobile"),
    ("we live in the woodlands", "woodlands"),
    ("what's the weather in the valley", "valley"),
]


def _found(pipeline: Pipeline, text: str) -> list[str]:
    return [text[e.start : e.end] for e in pipeline.analyze(text) if e.label in ("PERSON", "LOCATION")]


@pytest.mark.parametrize(("text", "name"), NOUN_CASES)
def test_an_everyday_noun_is_no_name_or_place(default_pipeline: Pipeline, text: str, name: None) -> None:
    assert _found(default_pipeline, text) == []


@pytest.mark.parametrize(("text", "name"), NAME_CASES)
def test_a_name_or_place_said_as_one_stays(default_pipeline: Pipeline, text: str, name: str) -> None:
    assert any(name in found.replace("'s", "").split() for found in _found(default_pipeline, text))


def test_the_likeness_cut_is_locale_data() -> None:
    detector = SpacyNerDetector(ner_weights="builtin")
    assert -1.0 < detector._guard_words.noun_max_likeness < 0.0
    assert detector._reads_as_word("destiny") and detector._reads_as_word("overtime")
    assert not detector._reads_as_word("sarah") and not detector._reads_as_word("denver")
