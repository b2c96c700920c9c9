"""Given names that English uses first as adjectives after a copula (review40 L9), and places named after
a saint (review40 L5).

Case tables: (text, the words that must be redacted with their label, or None for none of the given
label). Every sentence is made up for the test.
"""

from __future__ import annotations

import pytest
from _support import found_spans, labelled

from redactkit import Pipeline

# names.yaml `person_cues.copula_adjectives`: after "it's" / "i'm" / "this is" an adjective, but in a
# caller's frame a name
COPULA_CASES = [
    # weather, light and manner: no one named
    ("it's sunny here", None),
    ("it's stormy again", None),
    ("it's dawn here already", None),
    ("it's misty out there tonight", None),
    ("it's windy again", None),
    ("i'm frank with you", None),
    ("i'm frank about the numbers", None),
    ("this is crystal clear", None),
    ("it's summer here", None),
    # a caller names themselves: a greeting before the copula, a verb of calling after it, a department
    ("hi it's sunny from the clinic", "sunny"),
    ("hello this is sandy", "sandy"),
    ("yes this is rusty", "rusty"),
    ("this is dawn calling about the delivery", "dawn"),
    ("this is frank speaking", "frank"),
    # a caller says where they call from or why (review41 H1)
    ("this is dawn from the pharmacy", "dawn"),
    ("this is misty from the vet", "misty"),
    ("it's sunny from the dentist's office", "sunny"),
    ("this is frank, returning your call", "frank"),
    ("this is misty, i'm calling about my order", "misty"),
    ("hey it's misty, call me back", "misty"),
    # the word ends what is said: an answer naming the caller ("who's calling?" "it's uh dawn")
    ("it's uh dawn", "dawn"),
    ("yeah it's um sandy.", "sandy"),
    ("it's uh stormy again", None),
    # the same names elsewhere stay names; other names after a copula are untouched
    ("my friend sunny is here", "sunny"),
    ("i talked to frank yesterday", "frank"),
    ("the owner is frank and he said no", "frank"),
    ("it's mark again", "mark"),
]

# names.yaml `saint_words` + a place list (landmarks.txt resorts and islands, GeoNames places and towns):
# the place, no person; an institution named for a saint stays one
SAINT_CASES = [
    ("we drove to saint charles on friday", "saint charles", "LOCATION"),
    ("i'm going to saint louis next week", "saint louis", "LOCATION"),
    ("i live in saint charles", "saint charles", "LOCATION"),
    ("she went to saint moritz to ski", "saint moritz", "LOCATION"),
    ("we went to saint tropez in july", "saint tropez", "LOCATION"),
    ("he went to saint thomas for vacation", "saint thomas", "LOCATION"),
    ("my parents retired to saint augustine", "saint augustine", "LOCATION"),
    ("we spent a week in saint gallen", "saint gallen", "LOCATION"),
    # institutions: after "at", a verb of attending or admitting, or a saint no place list has
    ("she works at saint thomas", "saint thomas", "ORGANIZATION"),
    ("he was admitted to saint augustine", "saint augustine", "ORGANIZATION"),
    ("we took her to saint jude", "saint jude", "ORGANIZATION"),
    ("my daughter goes to saint olaf", "saint olaf", "ORGANIZATION"),
]


@pytest.mark.parametrize(("text", "name"), COPULA_CASES)
def test_an_adjective_after_a_copula_needs_a_callers_frame(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    assert persons == ([name] if name else [])


@pytest.mark.parametrize(("text", "words"), [(t, n) for t, n in COPULA_CASES if n is None])
def test_an_adjective_after_a_copula_is_no_pii_at_all(
    default_pipeline: Pipeline, text: str, words: None
) -> None:
    assert default_pipeline.analyze(text) == []


@pytest.mark.parametrize(("text", "place", "label"), SAINT_CASES)
def test_a_saints_name_a_place_list_has_is_the_place(
    default_pipeline: Pipeline, text: str, place: str, label: str
) -> None:
    found = found_spans(default_pipeline, text)
    assert found == [(place, label)]


# names.yaml `person_cues.meeting_verbs` / `meeting_enders`: a given name met, however frequent a word; a
# given name opening the turn before a verb of speech
MET_CASES = [
    ("i saw will yesterday", "will"),
    ("we ran into grace at the mall", "grace"),
    ("i bumped into destiny earlier", "destiny"),
    ("hope said yes", "hope"),
    ("so will said he'd be late", "will"),
    # words, not people
    ("i saw will power at work", None),
    ("i saw hope at the end of the tunnel", None),
    ("i saw faith in her eyes", None),
    ("i saw it yesterday", None),
    ("we visited paris yesterday", None),
    ("the will said nothing", None),
    ("i hope so", None),
    ("i will", None),
    ("there's a grace period", None),
]


@pytest.mark.parametrize(("text", "name"), MET_CASES)
def test_a_given_name_met_or_speaking_first_is_a_person(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    assert persons == ([name] if name else [])


# ner `_INTRODUCING_WORDS` (review42 H4): a given name that is also an everyday noun, introduced by the
# caller, stays a name before "with" (their company or news); the noun before "in"/"with" stays a noun
INTRODUCED_CASES = [
    ("this is mike with good news", "mike"),
    ("hi this is mike with copper pot", "mike"),
    ("this is lee with an update", "lee"),
    ("hello it's tom with the quarterly figures", "tom"),
    ("i'm grace with the lending team", "grace"),
    ("i'm tom with brightline", "tom"),
    # nouns, not people
    ("i saw faith in her eyes", None),
    ("we have faith in the plan", None),
]


@pytest.mark.parametrize(("text", "name"), INTRODUCED_CASES)
def test_an_introduced_name_before_with_stays_a_name(
    default_pipeline: Pipeline, text: str, name: str | None
) -> None:
    persons = labelled(default_pipeline, text, "PERSON")
    if name is None:
        assert persons == []
    else:
        assert name in persons
