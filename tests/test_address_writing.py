"""Spoken addresses as recognizers write them: a domain written out after a spoken "at"
("at gmail.com"), "dot" glued to its top-level domain ("dotcom"), "www" after an "at" that is a
preposition, a path after a web address, joined words in a path ("slash book dash now"), a subdomain
before a host said in several words, and a handle said between its "at" and the platform. Every
sentence is invented.
"""

from __future__ import annotations

import pytest
from _support import covering_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("okay it's r dunmore sixty two at pellwick.com got it", "r dunmore sixty two at pellwick.com"),
        ("the email is t okoro at mail.vantris.co.uk thanks", "t okoro at mail.vantris.co.uk"),
        ("it's aldo period brenn at quarry stone dotcom", "aldo period brenn at quarry stone dotcom"),
        ("use frontdesk at marrow and vine dotcom", "frontdesk at marrow and vine dotcom"),
        ("mine is ines at symbol mail dot harlowe dotorg", "ines at symbol mail dot harlowe dotorg"),
    ],
)
def test_e_mail_domains_as_recognizers_write_them(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("we're on the web at tall cedar dotcom slash about", "tall cedar dotcom slash about"),
        ("the form is on quick lane dotcom slash book dash now", "quick lane dotcom slash book dash now"),
        ("type shop dot oak and ember dot com into the browser", "shop dot oak and ember dot com"),
        ("it's at plover dot net slash sign up dash today", "plover dot net slash sign up dash today"),
    ],
)
def test_web_addresses_as_recognizers_write_them(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "URL" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("you can order online at www dot brambleton dot com", "www dot brambleton dot com"),
        ("shop online at w w w dot corvin tools dot co dot uk", "w w w dot corvin tools dot co dot uk"),
        (
            "we're on the web at lark hill all one word dot com slash contact us",
            "lark hill all one word dot com slash contact us",
        ),
    ],
)
def test_at_before_a_web_address_makes_no_e_mail(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert covering_labels(default_pipeline, text, value) == {"URL"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("follow us at dunmore bakes on instagram", "dunmore bakes"),
        ("you can dm me at the real tamsin on instagram", "the real tamsin"),
        ("i'm at velloway on twitter", "velloway"),
    ],
)
def test_a_handle_between_its_at_and_the_platform(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "USERNAME" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "i posted it at the gym on instagram",
        "he dotes on his grandkids",
        "i'm a dotnet developer",
        "back in the dotcom days everyone had a startup",
        "you can pick up and slash or drop off",
    ],
)
def test_prose_stays_unredacted(default_pipeline: Pipeline, text: str) -> None:
    labels = {e.label for e in default_pipeline.analyze(text)}
    assert not labels & {"URL", "EMAIL_ADDRESS", "USERNAME"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it's at dub dub dub dart wrenfield dot com", "dub dub dub dart wrenfield dot com"),
        ("my website is www dot harlan grove dot that", "www dot harlan grove dot that"),
        (
            "go to double u double u double u dot brisk lane ca",
            "double u double u double u dot brisk lane ca",
        ),
        (
            "it's www dot secure dot cobalt tires in dot uh com",
            "www dot secure dot cobalt tires in dot uh com",
        ),
        ("our website is ridge cycle dots org", "ridge cycle dots org"),
        ("the website is tern and fig dot calm", "tern and fig dot calm"),
    ],
)
def test_web_addresses_a_recognizer_garbled(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "URL" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it's tova period reyes at hotmail it dart com", "tova period reyes at hotmail it dart com"),
        ("mine is j okafor at gmail dots calm", "j okafor at gmail dots calm"),
    ],
)
def test_e_mail_addresses_a_recognizer_garbled(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "we met at the shop dot come on friday",
        "i got a hot dog come on in",
        "we ate at the hot dog co on fifth",
        "connect the dots org chart first",
        "the www is not the internet",
    ],
)
def test_garbled_words_in_prose_make_no_address(default_pipeline: Pipeline, text: str) -> None:
    labels = {e.label for e in default_pipeline.analyze(text)}
    assert not labels & {"URL", "EMAIL_ADDRESS"}
