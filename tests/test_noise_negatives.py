"""Names and places a recognizer's noise makes of PII-free speech, and the guards against them
(issue 19, "negatives touched grows by at most 3 points").

Under word errors the name rules and the statistical NER model see names in words the recognizer ran
together ("howdo", "bysix"), cut in two ("thril ler"), misspelt function words ("thet's"), nouns
that name a number once a word of the number is misheard ("page handed twenty"), very frequent
given names at the start of a question ("will the charger fit") and airlines or gates beside a
garbled flight or gate number. Each table is invented: what is dropped beside what is kept.
"""

from __future__ import annotations

from functools import cache

import pytest
from _support import found_by, kept_guess
from _support import misheard_guard as _guard
from _support import names_detector as _names

from redactkit.detect import PlaceDetector


@pytest.mark.parametrize(
    ("text", "word", "misheard"),
    [
        # two words run together, one of them a two-letter function word
        ("howdo i reset the router", "howdo", True),
        ("set itto ten", "itto", True),
        # ... but not a content word and a two-letter one: names end in "-by", "-an", "-is"
        ("the claim is under dana vesselby", "vesselby", False),
        ("turn itto the left", "itto", True),
        # a number word run together with a number word or a frequent word
        ("it costs fiftyfive pounds", "fiftyfive", True),
        ("move it totwenty past", "totwenty", True),
        ("now divideeight by two", "divideeight", True),
        # a word cut in two where one half is no word at all
        ("the thril ler was long", "ler", True),
        ("the thril ler was long", "thril", True),
        ("we watched the li ftoff", "li", True),
        # a word a letter off a frequent word is no evidence alone: unknown names are too ("heb's")
        ("as promised here's heb's address", "heb's", False),
        ("joc can you take this one", "joc", False),
        ("ask rell to read it", "rell", False),
        ("the joc's team", "joc's", False),
        # a two-letter function word glued to a short rare word is a name as likely ("cos" + "an")
        ("we met with cosan today", "cosan", False),
        ("it is under dana lolis now", "lolis", False),
        # names a list knows are never misheard, however they split
        ("ask tobias about it", "tobias", False),
        ("ask tomas about it", "tomas", False),
        ("my friend inara called", "inara", False),
        ("mr ma rtin is here", "rtin", False),
        # unknown names no frequent word explains stay names
        ("ask zorvak's mum", "zorvak's", False),
        ("a table for quellan", "quellan", False),
        # real words are no misheard words
        ("the thriller was long", "thriller", False),
        ("it costs fifty five pounds", "fifty", False),
    ],
)
def test_misheard_words_under_noise(text: str, word: str, misheard: bool) -> None:
    words = text.split()
    assert _guard().misheard(words, words.index(word)) is misheard


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a word run together alone is no name; beside a rare word it still makes a run (recall:
        # "followupwith ermakova" keeps the name)
        ("howdo i open my statement", set()),
        ("follow upwith zorvakova in two months", {("PERSON", "zorvakova")}),
        # a noun that names a number, a misheard word before the number
        ("start from page the four hundred", set()),
        ("read from page handed twenty", set()),
        # a word that names a number, misheard, is no name answered before a number
        ("sutract 2350 from 4803", set()),
        ("korila 4412", {("PERSON", "korila")}),
        # right after a flight word, letters and names are an airline
        ("we're on flight u a sex ninety six", set()),
        # "name" after a noun it names a kind of is no cue for a dictionary word; an unknown word
        # after it is still a name of some kind ("my city name zorvaton")
        ("the corner of street name and street name", set()),
        ("my city name zorvaton", {("PERSON", "zorvaton")}),
        ("yes name zorvak", {("PERSON", "zorvak")}),
        ("ok name zorvak", {("PERSON", "zorvak")}),
        # kept: names with a cue, rare runs of real name words, a page that is a person
        ("call page at five one three", {("PERSON", "page")}),
        ("than iliza schleshinger", {("PERSON", "iliza schleshinger")}),
        ("my name is quellan", {("PERSON", "quellan")}),
        ("book it for dana okafor on the flight", {("PERSON", "dana okafor")}),
    ],
)
def test_name_detector_under_noise(text: str, found: set[tuple[str, str]]) -> None:
    assert found_by(_names(), text) == found


@pytest.mark.parametrize(
    ("text", "entity", "label", "kept"),
    [
        # a given name as frequent as "will", alone and without a cue: the verb
        ("will the charger fit my phone", "will", "PERSON", False),
        ("will da charger fit", "will da", "PERSON", False),  # trailing words trimmed, then dropped
        ("meet with will tomorrow", "will", "PERSON", True),
        ("will smith called", "will smith", "PERSON", True),
        # a number word and no listed name: a model number, no person
        ("will it work with da seven forty seven", "da seven", "PERSON", False),
        ("ask tommy seven times", "tommy seven", "PERSON", True),
        # an everyday word that is also a name, a misheard word away from a number
        ("start from page handed twenty", "page", "PERSON", False),
        ("about fifty nine handled miles", "miles", "PERSON", False),
        ("one more uh mike question", "mike", "PERSON", True),  # a number two words before a name
        ("miles called twice", "miles", "PERSON", True),
        ("ask miles about forty things", "miles", "PERSON", True),
        # an airline right after a flight word, a garbled flight number after it
        ("we're on flight delta do eight eight", "delta", "GPE", False),
        ("on flight air canada mine eighty", "canada", "GPE", False),
        ("the flight to denver leaves at nine", "denver", "GPE", True),
        ("we flew to canada in may", "canada", "GPE", True),
        # a gate or a room and its number are no place
        ("boarding is add gate e sixteen", "add gate e sixteen", "FAC", False),
        ("staying in room true one two five", "room true one two five", "FAC", False),
        ("we walked to union station", "union station", "FAC", True),
    ],
)
def test_ner_guesses_under_noise(text: str, entity: str, label: str, kept: bool) -> None:
    assert kept_guess(text, entity, label) is kept


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # "at" heard as "add" before a gate: no condition
        ("boarding is add gate c thirty", set()),
        ("i have add", {("MEDICAL_CONDITION", "add")}),
    ],
)
def test_special_conditions_under_noise(text: str, found: set[tuple[str, str]]) -> None:
    from redactkit.detect.special import SpecialCategoryDetector

    assert found_by(SpecialCategoryDetector(), text) == found


@cache
def _places() -> PlaceDetector:
    return PlaceDetector()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an airline beside a garbled flight number, after "on" or a misheard flight word
        ("we're on flight canada do seven seven", set()),
        ("i'm on flight canada i forty one oh two", set()),
        ("she's on jamaica four one oh tonight", set()),
        ("we were on fright jamaica the six six", set()),
        ("we flew on monday to jamaica", {("LOCATION", "jamaica")}),  # no number after it
        ("she's on flight to jamaica two hours late", {("LOCATION", "jamaica")}),  # "to": a stop word
        # number words run together, cut or misspelt after a place cue: no unlisted town
        ("songs from theeighteen sixties", set()),
        ("the bill came to twothousand four hundred", set()),
        ("switch to channelnine at eight", set()),
        ("what's the weather at elevn thirty", set()),
        ("we're in room fo rteen b", set()),
        ("staying in room heaven fortyfive", set()),
        ("upgrade to version nine port four", set()),
        ("she grew up in quarvik", {("LOCATION", "quarvik")}),  # a word no list knows stays a town
    ],
)
def test_places_under_noise(text: str, found: set[tuple[str, str]]) -> None:
    assert found_by(_places(), text) == found
