"""Names a recognizer's noise makes of PII-free speech, and the guards against them (issue 19,
"negatives touched grows by at most 3 points"): a misheard "that's" taken for a possessive, a digit's
sound-alike or a number word a letter off beside a number, a noun that names a number before a garbled
one, a brand's letters with one misheard that spell a name, an airline code after a garbled "flight",
a misheard article in a model's guess. Each table is invented: what is dropped beside what is kept.
"""

from __future__ import annotations

import pytest
from _support import found_by, kept_guess, model_guess
from _support import misheard_guard as _guard
from _support import names_detector as _names
from _support import ner_detector as _ner


@pytest.mark.parametrize(
    ("text", "word", "misheard"),
    [
        # a contracted "is" after a word one letter off one that takes it, or a filler run into one
        ("thet's a long way", "thet's", True),
        ("wht's on tonight", "wht's", True),
        ("whut's the plan", "whut's", True),
        ("umthat's fine", "umthat's", True),
        # ... but not a listed name, a word two letters off, a short head, or no contraction at all
        ("whit's car is here", "whit's", False),
        ("here's heb's address", "heb's", False),
        ("zorvak's bike is red", "zorvak's", False),
        ("ask thet about it", "thet", False),
        # "the" run together with a word English uses; not a name that starts so ("theron")
        ("does thenikon fit", "thenikon", True),
        ("ask theron about it", "theron", False),
        ("ask thembeka about it", "thembeka", False),
    ],
)
def test_misheard_contractions(text: str, word: str, misheard: bool) -> None:
    words = text.split()
    assert _guard().misheard(words, words.index(word)) is misheard


@pytest.mark.parametrize(
    ("word", "changed"),
    [
        ("twlve", True),  # a letter left out
        ("thirten", True),
        ("suventeen", True),  # a letter changed
        ("thousind", True),
        ("thurtean", False),  # two letters off
        ("sixtytimes", True),  # a number word and a frequent word run together
        ("fivehundred", True),
        ("eighth", True),  # an ordinal
        ("oh", True),
        # names and words are no changed number words
        ("seventh", True),
        ("steven", False),
        ("twain", False),
        ("eleanor", False),
        ("fortune", False),
    ],
)
def test_misheard_number_words(word: str, changed: bool) -> None:
    assert _guard().misheard_number(word) is changed


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a misheard "that's" or "what's" opening a turn is no possessive of a name
        ("thet's about nine hundred meters", set()),
        ("wht's the forecast for monday", set()),
        ("ask zorvak's sister", {("PERSON", "zorvak's")}),
        # a digit's sound-alike or a number word a letter off, beside a number
        ("did heaven twelve forty come up", set()),
        ("add it to heaven thousand two hundred", set()),
        ("did thirten twenty two win", set()),
        ("ask heaven about it", {("PERSON", "heaven")}),
        ("call heaven tomorrow", {("PERSON", "heaven")}),
        # a noun that names a number, before a number a recognizer changed
        ("go back to page do ninth", set()),
        ("open page fine oh two", set()),
        ("call page at five one three", {("PERSON", "page")}),
        # a brand's letters, one misheard, spelling a name before a card or an account
        ("the a t a card was declined", set()),
        ("my i r s cart is fine", set()),
        ("the e v a account is closed", set()),
        ("my name is e v a", {("PERSON", "e v a")}),
        ("call e v a smith", {("PERSON", "e v a smith")}),
        # a run of rare words the guards leave one word long is no run; two rare words still are
        ("leaving at ten eightyon friay", set()),
        ("than zandor quillibet", {("PERSON", "zandor quillibet")}),
        # an airline code after a garbled flight word, with the flight number after it
        ("we are on fight u a twelve forty", set()),
        ("booked on the fli ght u a nine", set()),
        ("a fight with dana okafor", {("PERSON", "dana okafor")}),
    ],
)
def test_name_detector_under_noise(text: str, found: set[tuple[str, str]]) -> None:
    assert found_by(_names(), text) == found


@pytest.mark.parametrize(
    ("text", "entity", "kept"),
    [
        # a misheard article in the guess, no listed name that is no word after it
        ("does it work with da tablet nine", "da tablet", False),
        ("will da speaker pair with my phone", "will da speaker", False),
        ("i met joao da silva there", "joao da silva", True),
        # "the" run together with a word: a misheard word, and the given name before it a verb
        ("will thecharger fit my phone", "will thecharger", False),
        ("will smith called", "will smith", True),
        ("will zorvandel be warm in june", "will zorvandel", True),
        # a unit after a number a recognizer changed
        ("about four thousind severity fore miles", "miles", False),
        ("miles called twice", "miles", True),
        # a noun before a changed number word
        ("read from page handed ninth two", "page", False),
    ],
)
def test_ner_guesses_under_noise(text: str, entity: str, kept: bool) -> None:
    assert kept_guess(text, entity, "PERSON") is kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # (the normalized text: the letters normalizer writes "e v a" as "eva" and notes it spelled)
        ("my eva count is fine", False),  # spelled letters before a misheard "account"
        ("my eva card is fine", False),
        ("my name is eva", True),
    ],
)
def test_ner_spelled_brand_letters(text: str, kept: bool) -> None:
    doc = model_guess(text, "eva", "PERSON")
    spelled = [(text.index("eva"), text.index("eva") + len("eva"))]
    assert bool(_ner()._entities(doc, lowercase=True, adapted=False, spelled=spelled)) is kept
