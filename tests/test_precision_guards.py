"""Precision guards of the organisation, place and NER detectors (issue 13: no cell lower than before).

What a listed company's name, a place name or a recognizer's guess is *not*: the service a company
sells ("book uber from the station": a ride), a market ("the nasdaq"), a maker before its product
("the tesla roadster car"), the airline of a flight number ("on flight delta four one two"), a
currency ("how much is that in aud"), the name of an identifier field ("my SSN"). Each case table
puts what is dropped beside what is kept; the sentences are invented, the company and place names
come from the shipped gazetteers.
"""

from __future__ import annotations

import re
from functools import cache

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

from redactkit import Pipeline
from redactkit.anonymize import TagAnonymizer
from redactkit.detect import OrganizationDetector, PlaceDetector, SpacyNerDetector
from redactkit.detect.places import names_an_airline


@cache
def _pipeline(detector: str) -> Pipeline:
    normalizers = Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers
    found = {"organizations": OrganizationDetector, "places": PlaceDetector}[detector]()
    return Pipeline(normalizers=normalizers, detectors=[found], anonymizer=TagAnonymizer())


def _found(detector: str, text: str) -> list[str]:
    return [text[e.start : e.end] for e in _pipeline(detector).analyze(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a listed name that is also the service its company sells: the service after a verb of
        # ordering or using it, the company elsewhere
        ("please book uber from the station", []),
        ("can you set up uber on my phone", []),
        ("how do you spell uber", []),
        ("have uber wait outside the gate", []),
        ("i spent sixty dollars at uber last month", ["uber"]),
        ("the refund from uber never came", ["uber"]),
        ("uber charged me twice", ["uber"]),
        ("our main carrier fedex raised its rates", ["fedex"]),
        ("how is uber stock doing", ["uber"]),  # stock talk
        ("tweet to uber about the driver", ["uber"]),  # a cue
        # a market is no organisation, a listed company next to it is
        ("is the nasdaq up this morning", []),
        ("what did nasdaq prices do on friday", []),
        ("how is costco doing on the nasdaq", ["costco"]),
        ("they signed a data deal with nasdaq", ["nasdaq"]),  # the company that runs it
        ("we pay for using uber at work", ["uber"]),  # using is no ordering
        # the maker before a product noun, or before a model name and one: a product
        ("how would the tesla roadster car look in red", []),
        ("my tesla sedan needs new tyres", []),
        ("the volkswagen dealer called back", ["volkswagen"]),  # a dealer is no product
        ("i returned the blender to costco", ["costco"]),
    ],
)
def test_listed_companies_services_markets_products(text: str, found: list[str]) -> None:
    assert _found("organizations", text) == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a place name right after "flight" (or "flight" and a word) and right before its number
        ("we are on flight delta four one two on monday", []),
        ("i'm on flight air canada five sixty today", []),
        ("the gate for flight emirates two one nine moved", []),
        # a place after "flight to/from", or with no number after it, stays a place
        ("book a flight to denver for two", ["denver"]),
        ("our flight from lisbon 2 hours late", ["lisbon"]),
        ("the flight denver leaves at noon", ["denver"]),
    ],
)
def test_places_flight_numbers_name_airlines(text: str, found: list[str]) -> None:
    assert _found("places", text) == found


@pytest.mark.parametrize(
    ("words", "start", "end", "airline"),
    [
        ("on flight delta 412".split(), 2, 3, True),
        ("on flight air canada 560".split(), 3, 4, True),
        ("on flight ba412 today".split(), 2, 3, True),  # the number is part of the guess
        ("a flight to denver 2 hours".split(), 3, 4, False),  # "to": a stop word between
        ("on flight delta today".split(), 2, 3, False),  # no number
        ("delta 412".split(), 0, 1, False),  # no flight word
    ],
)
def test_names_an_airline(words: list[str], start: int, end: int, airline: bool) -> None:
    stopwords = frozenset({"to", "from", "the", "a"})
    assert names_an_airline(words, start, end, frozenset({"flight", "flights"}), stopwords) is airline


@cache
def _ner() -> SpacyNerDetector:
    return SpacyNerDetector()


def _kept(text: str, entity: str, spacy_label: str, lowercase: bool) -> bool:
    """Whether the NER guard keeps the model's guess ``entity`` (``spacy_label``) in ``text``."""
    doc: Doc = spacy.blank("en")(text)
    start = re.search(rf"\b{re.escape(entity)}\b", text)
    assert start is not None
    span = doc.char_span(start.start(), start.start() + len(entity))
    assert span is not None, entity
    doc.ents = [Span(doc, span.start, span.end, label=spacy_label)]
    # adapted weights read lowercase speech (the default `ner_weights_on: lowercase`)
    return bool(_ner()._entities(doc, lowercase=lowercase, adapted=lowercase))


@pytest.mark.parametrize(
    ("text", "entity", "spacy_label", "lowercase", "kept"),
    [
        # the airline of a flight number, on any text
        ("we are on flight delta 412 on monday", "delta", "GPE", True, False),
        ("We are on Flight Delta 412 on Monday.", "Delta", "ORG", False, True),  # an ORG guess: not a place
        ("We are on flight Air Canada 560.", "Canada", "GPE", False, False),
        ("book a flight to denver on monday", "denver", "GPE", True, True),
        # a currency, or the word before one that names no country, on lowercase speech
        ("how much is that in aud", "aud", "GPE", True, False),
        ("change it into the aus dollar", "aus", "GPE", True, False),
        ("ten us dollars each", "us", "GPE", True, True),
        ("paid in canada dollars", "canada", "GPE", True, True),
        ("we fly to chile on friday", "chile", "GPE", True, True),
        # the name of an identifier field is no organisation, on any text
        ("Here is my SSN for the form.", "SSN", "ORG", False, False),
        ("Please wire it to this IBAN today.", "IBAN", "ORG", False, False),
        ("I bank with HSBC in town.", "HSBC", "ORG", False, True),
    ],
)
def test_ner_guard_airlines_currencies_identifier_fields(
    text: str, entity: str, spacy_label: str, lowercase: bool, kept: bool
) -> None:
    assert _kept(text, entity, spacy_label, lowercase) is kept


@pytest.mark.parametrize(
    ("text", "entity", "label"),
    [
        # a PERSON guess that is a place of the gazetteer, accents folded, is the place on lowercase speech
        ("i'm flying to são paulo next week", "são paulo", "LOCATION"),
        ("we moved to new delhi last year", "new delhi", "LOCATION"),
        # ... not when a given name that is no everyday word opens it (places named after people)
        ("call carlos barbosa tomorrow", "carlos barbosa", "PERSON"),
        # ... nor after a title: a person named like a town (review37 L6)
        ("i spoke with mister van buren yesterday", "van buren", "PERSON"),
    ],
)
def test_ner_person_guess_that_is_a_place(text: str, entity: str, label: str) -> None:
    doc: Doc = spacy.blank("en")(text)
    start = text.index(entity)
    span = doc.char_span(start, start + len(entity))
    assert span is not None
    doc.ents = [Span(doc, span.start, span.end, label="PERSON")]
    assert [found.label for found in _ner()._entities(doc, lowercase=True, adapted=False)] == [label]


@cache
def _names() -> Pipeline:
    from redactkit.detect import NameDetector

    normalizers = Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers
    return Pipeline(normalizers=normalizers, detectors=[NameDetector()], anonymizer=TagAnonymizer())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a full name after a verb of speech is the speaker: the word before the verb ends what was
        # said, however rare
        ("we need less red tape and fewer forms says marta lindqvist in her memo", ["marta lindqvist"]),
        ("it was pure serendipity says dana okafor", ["dana okafor"]),
        # a word no list has before a verb of speech is still its speaker when no full name follows
        ("zorblat says hello to everyone", ["zorblat"]),
        ("zorblat says marta would come", ["zorblat", "marta"]),
    ],
)
def test_names_speaker_after_a_verb_of_speech(text: str, found: list[str]) -> None:
    assert [text[e.start : e.end] for e in _names().analyze(text)] == found


@cache
def _presidio() -> Pipeline:
    from redactkit.detect import PresidioDetector
    from redactkit.detect.presidio import DEFAULT_PRESIDIO_ENTITIES

    normalizers = Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers
    detector = PresidioDetector(entities=DEFAULT_PRESIDIO_ENTITIES)
    return Pipeline(normalizers=normalizers, detectors=[detector], anonymizer=TagAnonymizer())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a spelled code right after a flight word (or after one and a word that is no stop word) is
        # the flight's number, not a licence, a passport or a bank number
        ("we board flight q f four four one at noon", []),
        ("my flight is on thursday flight number a y seven two nine", []),
        ("two flights, n z two zero eight on monday", []),
        # the same shapes anywhere else are still found, also after a flight word in another sentence
        ("a flight to r j four four one", ["r j four four one"]),
        ("missed my flight. D4417290 is my licence", ["D4417290"]),
        ("licence number b k five five zero two one", ["b k five five zero two one"]),
    ],
)
def test_presidio_flight_numbers_are_no_licences(text: str, found: list[str]) -> None:
    assert [text[e.start : e.end] for e in _presidio().analyze(text)] == found


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        # listed codes that hold a digit, said one after the other, are a list, not one spelled code
        ("sales held up in q two q three", "sales held up in q two q three"),
        ("the h one h two split", "the h one h two split"),
        ("both the p s four p s five", "both the ps4 ps5"),
        ("both the p s four p s five p s four p s five", "both the ps4 ps5 ps4 ps5"),  # (long runs too)
        ("the h one h two h one h two q three", "the h one h two h one h two q three"),
        # a code that only starts like one, or letters and digits no list knows, are still one spelling
        ("my code is q two q three x", "my code is q2q3x"),
        ("it is k one a zero b one", "it is k1a0b1"),
        ("it is k one a zero b one c two d three e four", "it is k1a0b1c2d3e4"),
        ("reference a b c one two three", "reference abc123"),
        # a digit word before "hundred" or "thousand" begins a number said whole, not a spelled digit
        ("the new x k m five hundred panel", "the new xkm five hundred panel"),
        ("one z v r nine thousand unit", "one zvr nine thousand unit"),
        ("plate k x j five two one", "plate kxj521"),
    ],
)
def test_letters_listed_codes_in_a_row(text: str, normalized: str) -> None:
    from redactkit.normalize import SpelledLetterNormalizer

    assert SpelledLetterNormalizer().normalize_batch([text])[0].text == normalized


@settings(max_examples=80, deadline=None)
@given(
    words=st.lists(
        st.sampled_from(["q", "h", "p", "s", "k", "a", "one", "two", "three", "four", "five", "zero", "x"]),
        min_size=4,
        max_size=14,
    )
)
def test_letters_listed_codes_are_cut_alike_without_the_length_bound(words: list[str]) -> None:
    """Cutting a run into listed codes tries no code longer than the longest listed one: the same
    cutting as trying every code."""
    from redactkit.normalize import SpelledLetterNormalizer

    text = "the code " + " ".join(words)
    bounded, unbounded = SpelledLetterNormalizer(), SpelledLetterNormalizer()
    unbounded._longest_coded = 10**6
    assert bounded.normalize_batch([text])[0].text == unbounded.normalize_batch([text])[0].text


@cache
def _identifiers() -> Pipeline:
    normalizers = Pipeline.from_config({"detectors": [{"name": "deny_list"}]}).normalizers
    detector = Pipeline.from_config({"detectors": [{"name": "identifiers"}]}).detectors[0]
    return Pipeline(normalizers=normalizers, detectors=[detector], anonymizer=TagAnonymizer())


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a number said as one quantity is no identifier after a word that is also a cue: before a unit
        # ("percent", "dollars"), or, for a phone number, any number of fewer than five digits
        ("orders are tracking at seventy two percent this week", []),
        ("each customer paid thirty five dollars on average", []),
        ("let's call it about three thousand units", []),
        ("we hope to reach nine twenty stores by spring", []),
        ("call it a round fifty thousand subscribers", []),
        ("the order book grew by six forty million this year", []),
        ("the reference rate rose one twenty basis points", []),
        # a value read out is still one, and an age keeps its unit
        (
            "my tracking number is four four one two nine eight seven six five",
            ["four four one two nine eight seven six five"],
        ),
        (
            "call me at three one two five five five zero one nine nine",
            ["three one two five five five zero one nine nine"],
        ),
        ("she is aged fifty one years", ["fifty one"]),
    ],
)
def test_identifiers_quantities_after_a_cue_word(text: str, found: list[str]) -> None:
    assert [text[e.start : e.end] for e in _identifiers().analyze(text)] == found
