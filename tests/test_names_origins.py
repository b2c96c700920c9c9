"""Names of many origins said with no cue ("is yaroslav coming", "did becca send it"): the gazetteer
build reads Faker's names written in Cyrillic, Greek, Hangul, Georgian and Armenian through a
transliteration, its romanised Chinese and Japanese lists, and the nicknames of listed given names
(redactkit/lang/build.py): only names English text never uses, and nicknames the vectors read as
names. A listed name that is no dictionary word counts without a cue, so words the added sources also
hold but English uses otherwise stay out of the lists."""

from __future__ import annotations

import pytest
from _support import found_by, names_detector

from redactkit.gazetteers import family_names, given_names

# (word, list it is in): transliterated, romanised and nickname entries
LISTED = [
    ("yaroslav", "given"),  # Cyrillic
    ("anastasiya", "given"),
    ("minseo", "given"),
    ("giorgos", "given"),  # Greek
    ("seoyeon", "given"),  # Hangul
    ("vakhtang", "given"),  # Georgian
    ("becca", "given"),  # nicknames of listed given names
    ("mikey", "given"),
    ("steph", "given"),
    ("tkachenko", "family"),  # Cyrillic
    ("bondarenko", "family"),
]

# words the added sources hold that are no names in English speech
NOT_LISTED = [
    "dicey",  # a nickname list's headword, an adjective (vectors)
    "endo",  # a prefix (vectors)
    "naira",  # a currency (vectors)
    "app",  # the nicknames list: as frequent as an everyday word
    "nyc",
    "jr",
    "spas",  # a plural of a dictionary word
    "im",  # romanised Korean, two letters
    "seo",
    # names in Faker's or the nicknames list that English text uses for something else (review44 #3.1):
    # only names English text never uses are added, and nicknames of listed names that the vectors read
    # as names among names
    "lambo",
    "zika",
    "merci",
    "pantera",
    "giga",
    "prov",
    "pravda",
    "delphi",
    "cinderella",
    "pythagoras",
    "jiu",
    "gato",
    "trajan",
    "agamemnon",
]


@pytest.mark.parametrize(("word", "kind"), LISTED)
def test_added_names_are_listed(word: str, kind: str) -> None:
    assert word in (given_names() if kind == "given" else family_names())


@pytest.mark.parametrize("word", NOT_LISTED)
def test_words_the_added_sources_hold_stay_out(word: str) -> None:
    assert word not in given_names() and word not in family_names()


FOUND = [
    ("is yaroslav coming", {"yaroslav"}),
    ("anastasiya is on her way", {"anastasiya"}),
    ("did becca send it", {"becca"}),
    ("tell mikey i'm running late", {"mikey"}),
    ("ask giorgos about the slides", {"giorgos"}),
    ("has seoyeon called back", {"seoyeon"}),
]

NOT_FOUND = [
    "it's dicey out there",
    "that sounds dicey",
    "i had an endo appointment",
    "the price in naira went up",
    "is the app coming back",
    "the spas were closed",
    # review44 #3.1
    "i want a lambo someday",
    "the zika virus is spreading",
    "i had zika last year",
    "we learned the pythagoras theorem today",
    "merci for the help",
    "i'm taking jiu jitsu classes",
    "play pantera on spotify",
    "we used the delphi method",
    "a giga of data is enough",
    "the prov is in effect",
    "cinderella is on tv tonight",
    "the gato is sleeping",
]


@pytest.mark.parametrize(("text", "names"), FOUND)
def test_names_of_many_origins_without_a_cue(text: str, names: set[str]) -> None:
    assert {value for label, value in found_by(names_detector(), text) if label == "PERSON"} == names


@pytest.mark.parametrize("text", NOT_FOUND)
def test_look_alikes_of_added_names(text: str) -> None:
    assert found_by(names_detector(), text) == set()
