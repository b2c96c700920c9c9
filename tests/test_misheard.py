"""Misheard words are no names: the guard the name detector and the `ner` detector share (issue 19).

A recognizer splits words ("ch ange"), runs two together ("rock androll"), drops a letter
("departre") and writes contractions no one writes ("do't"). Those words are rare, and rare words
are otherwise evidence of a name. Only the forms no unknown name shares are guarded. The tables
below are invented utterances, clean and garbled.
"""

from __future__ import annotations

from functools import cache

import pytest
from _support import found_by

from redactkit.detect import NameDetector, SpacyNerDetector
from redactkit.detect.names import MisheardGuard


@cache
def _guard() -> MisheardGuard:
    return MisheardGuard()


_found = found_by


@pytest.mark.parametrize(
    ("text", "word", "misheard"),
    [
        # half of a word heard as two: the halves spell a frequent word
        ("could you ch ange my seat", "ange", True),
        ("i rea lly want it", "rea", True),
        ("i rea lly want it", "lly", True),
        # a contraction no one writes
        ("i do't know", "do't", True),
        ("joining us is dara o'brannagh", "o'brannagh", False),
        # a frequent word with a letter left out looks like too many real names
        ("a table under michiko parten", "parten", False),
        # two words run together, one of them a function word: English text never writes them glued
        ("butwhere do i send it", "butwhere", True),
        ("leave the boxand go", "boxand", True),
        ("i paid thenwhere is it", "thenwhere", True),
        # ... but two content words, or two names, or a name English text uses, stay names
        ("book a room in skillman", "skillman", False),
        ("a card for johnpeter", "johnpeter", False),
        ("we met at woodsfield", "woodsfield", False),
        ("ask hisham about it", "hisham", False),
        ("ask allman about it", "allman", False),
        # a number word a letter off is left alone: often a misheard part of an address or phone
        # number that a name's cover keeps redacted
        ("his address is seveneen main street", "seveneen", False),
        # names a list knows, and unknown names no frequent word explains, are never misheard
        ("call maria garcia", "maria", False),
        ("my name is ashmit", "ashmit", False),
        ("this is vijay kumar", "vijay", False),
        ("tell steven 555 0134", "steven", False),
        ("rose mary called", "mary", False),  # "rosemary" is too rare a word to glue them
        ("my friend zorvak", "zorvak", False),
        # a function word is a word of its own: "to ny" is no "tony"
        ("a train to ny", "ny", False),
        # two real words are no fragments of a third ("every one")
        ("thanks every one", "one", False),
        # a glued form that is a place or a name is no misheard word: a name heard as two is a name
        ("we drove to mary land", "mary", False),
        ("mr ma rtin is here", "rtin", False),
        # digits and short words are left alone
        ("it is 4412", "4412", False),
        ("see you at ten", "ten", False),
    ],
)
def test_misheard_words(text: str, word: str, misheard: bool) -> None:
    words = text.split()
    assert _guard().misheard(words, words.index(word)) is misheard


@pytest.mark.parametrize(
    "text",
    [
        "could i ch ange the payment due date",
        "i rea lly don't like this tone",
        "butwhere do i send the parcel",
        "the shop on the cornerand the bakery",
    ],
)
def test_name_detector_skips_misheard_words(text: str) -> None:
    assert _found(NameDetector(), text) == set()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a name that is also a common word, before a misheard number, labels that number
        ("turn to page fife one three", False),
        ("skip to page sick one two", False),
        ("go back to page true six seven", False),
        ("go back to page five one three", False),
        # a cue makes it a name; a lone sound-alike or a function word is no number
        ("call page at five one three", True),
        ("tell page fine thanks", True),
    ],
)
def test_name_detector_reads_sound_alikes_of_digits_as_numbers(text: str, found: bool) -> None:
    assert bool(_found(NameDetector(), text)) is found


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("could i change the payment for priya sharma", "priya sharma"),
        ("my name is ashmit", "ashmit"),
        ("call priya sharma at five", "priya sharma"),
        ("did zorvak quellin reply", "zorvak quellin"),
    ],
)
def test_name_detector_keeps_names_beside_misheard_guard(text: str, value: str) -> None:
    assert ("PERSON", value) in _found(NameDetector(), text)


@pytest.mark.parametrize(
    ("text", "entity", "label", "dropped"),
    [
        # garbled: every word misheard or everyday, one at least misheard
        ("we'e on the flight", "we'e", "LOCATION", True),
        ("i rea lly like it", "rea lly", "LOCATION", True),
        ("could i ch ange the date", "ange", "PERSON", True),
        # a lone guess right next to a number, without a person cue
        ("read page 37", "page", "PERSON", True),
        ("read from page thirty several", "page", "PERSON", True),
        ("what's the neal 1150", "neal", "PERSON", True),
        ("the neal 11:50", "neal", "PERSON", True),
        # further away, a number is an age or an address: kept
        ("that reese is fifty", "reese", "PERSON", False),
        ("he gave maria his 16", "maria", "PERSON", False),
        ("40 want 70 tommy", "tommy", "PERSON", True),
        ("forty want seventy tommy", "tommy", "PERSON", False),  # a number word before: kept
        # the text is normalized: "one" left as a word is a pronoun
        ("let me start with the easier one rob", "rob", "PERSON", False),
        ("it was tommy 42 times", "tommy", "PERSON", True),
        # kept: a cue before it, more than one word, no number beside it, a name among the words
        ("call tommy at five five five", "tommy", "PERSON", False),
        ("tommy lee 42", "tommy lee", "PERSON", False),
        ("where is tommy now", "tommy", "PERSON", False),
        ("priya ch ange", "priya ch ange", "PERSON", False),
        ("rory and two one zero five", "rory", "PERSON", False),  # a turn that starts with a name
        # a preposition is a weak cue: "from page thirty" is a page
        ("read from page 37", "page", "PERSON", True),
        # a word that sounds like a digit, right before a number, starts a misheard number
        ("turn to page fife one three", "page", "PERSON", True),
        ("open chapter sick two", "chapter", "PERSON", True),
        ("start at wade true six seven", "wade", "PERSON", True),
        # ... but not alone, and not a function word ("for" is read as a digit only between digits)
        ("tell wade fine thanks", "wade", "PERSON", False),
        ("a table for maria for four people", "maria", "PERSON", False),
        ("ask wade the 3 questions", "wade", "PERSON", False),
        ("flights to lisbon on may nine", "lisbon", "LOCATION", False),
        ("two tickets to lisbon", "lisbon", "LOCATION", False),
    ],
)
def test_ner_guard_drops_guesses_on_misheard_words(text: str, entity: str, label: str, dropped: bool) -> None:
    import spacy
    from spacy.tokens import Span

    doc = spacy.blank("en")(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity))
    assert span is not None
    ent = Span(doc, span.start, span.end, label="X")
    detector = SpacyNerDetector()
    doc_words = [token.lower_ for token in doc]
    words = [token.lower_ for token in ent]
    from redactkit.gazetteers import family_names, given_names

    garbled = detector._garbled(doc_words, ent, words, given_names(), family_names())
    beside = label == "PERSON" and detector._beside_number(doc_words, ent)
    assert (garbled or beside) is dropped
