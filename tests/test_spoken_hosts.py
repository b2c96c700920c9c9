"""Spoken web and e-mail addresses said the many ways callers say them, and prose that only looks like
one. Every sentence is invented.

- a host name said in several words, function words included ("crumbs for kids dot org"), from the
  word that opens it (a cue, a scheme, "www dot", the utterance's start), never past a word a caller
  says before an address;
- "period" and "point" for the dot of a domain, "not" for a garbled "dot";
- an e-mail domain with labels joined by "dot" ("at mail dot fernway dot org") and "at the rate";
- commas and hyphens a punctuating recognizer writes inside a dictated address ("tomas rey, at
  hotmail, dot com", "ines, i-n-e-s, dot falk");
- a written full stop before "com" in prose is no address.
"""

from __future__ import annotations

import pytest
from _support import covering_labels, found_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("our website is crumbs for kids dot org", "crumbs for kids dot org"),
        ("you can order at the plant and pot dot com", "plant and pot dot com"),
        ("it's home grown greens dot net all one word", "home grown greens dot net"),
        ("visit pets of maple lane dot com for photos", "pets of maple lane dot com"),
        (
            "https colon slash slash work from home tips dot io",
            "https colon slash slash work from home tips dot io",
        ),
        ("tickets are on sale. tunes by the lake dot org", "tunes by the lake dot org"),
        ("the page is hollow tree point org slash events", "hollow tree point org slash events"),
        ("it's on quelliant period io", "quelliant period io"),
        ("go to zavrimo not com", "zavrimo not com"),
    ],
)
def test_web_addresses_said_in_words_are_covered(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my work email is dana r at mail dot fernway dot org", "dana r at mail dot fernway dot org"),
        ("it's capital t osei at staff dot brisco dot edu", "capital t osei at staff dot brisco dot edu"),
        ("write to hello at the rate ovenly dot co dot uk", "hello at the rate ovenly dot co dot uk"),
        ("the email is lena underscore k at outlook point com", "lena underscore k at outlook point com"),
        ("mine is petra period vos at gmail period com", "petra period vos at gmail period com"),
    ],
)
def test_e_mail_addresses_with_subdomains_and_other_dots_are_covered(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a punctuating recognizer's commas and hyphens inside a dictated address
        ("Sure, it's Tomas Rey, at Hotmail, dot com.", "Tomas Rey, at Hotmail, dot com"),
        ("It's Ines, I-N-E-S, dot Falk, at gmail dot com.", "Ines, I-N-E-S, dot Falk, at gmail dot com"),
        ("The site is quarrel books, dot org.", "quarrel books, dot org"),
        ("Go to quarrelbooks dot-org slash events.", "quarrelbooks dot-org slash events"),
    ],
)
def test_commas_and_hyphens_inside_a_dictated_address_are_pauses(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value", "outside"),
    [
        # no word that opens a host before the look-back's limit: the host stays short
        ("i really love bakes by lena dot com", "lena dot com", "love"),
        # a leading article is left out
        ("check out the lantern room dot com", "lantern room dot com", "the"),
        # the address goes on into speech after its top-level domain: no host in several words
        ("i was at the end of the day dot com bubble", "day dot com", "end"),
        # the utterance's start opens no host, nor does a word of `host_inner_words`
        ("for more info acme dot com", "acme dot com", "for"),
    ],
)
def test_a_host_never_reaches_past_its_opening(
    default_pipeline: Pipeline, text: str, value: str, outside: str
) -> None:
    assert covering_labels(default_pipeline, text, value)
    start = text.index(outside)
    assert not any(e.start <= start < e.end for e in default_pipeline.analyze(text))


@pytest.mark.parametrize(
    "text",
    [
        "it was long. com students were there too",
        "the lecture ran long. com majors left early",
        "he works in dot com sales",
        "it costs two point five dollars",
        "at this point in time we wait",
        "the period is over at three",
        "i'm not at home right now",
        "at the rate we're going we will be late",
        "I'll see you, at five, dot on the hour.",
        "we met at the park, dot com era stuff",
        # "period" and "point" before a word that is also a top-level domain, in business talk
        "for the reporting period net income was twelve million",
        "in the comparable period net sales grew",
        "the key point net revenue was flat",
        "the grading period co teachers meet",
        "for the reporting period net.",
        "Call Mia, M-I-A, tomorrow at noon.",
    ],
)
def test_prose_that_looks_like_an_address_is_none(default_pipeline: Pipeline, text: str) -> None:
    assert not found_labels(default_pipeline, text) & {"EMAIL_ADDRESS", "URL"}
