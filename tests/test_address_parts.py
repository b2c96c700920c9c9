"""Parts of spoken addresses the earlier rules cut short: a port ("dot com colon eight zero eight
zero"), a query ("slash search question mark q equals shoes ampersand page equals two") and an
e-mail's domain with a subdomain before a host said in several words ("at help dot cedar and slate
dot co dot uk"). Each rule has look-alikes that stay speech. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from _support import covering_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "the test server is quarnby labs dot io colon eight zero eight zero",
            "quarnby labs dot io colon eight zero eight zero",
        ),
        (
            "open tellwick dot com colon eighty eighty slash admin please",
            "tellwick dot com colon eighty eighty slash admin",
        ),
        (
            "go to www dot pell and rowan dot com slash search question mark q equals blue jackets",
            "www dot pell and rowan dot com slash search question mark q equals blue jackets",
        ),
        (
            "see drovia dot net slash event question mark id equals four one seven ampersand lang equals en",
            "drovia dot net slash event question mark id equals four one seven ampersand lang equals en",
        ),
        (
            "try https colon slash slash norrow dot org question mark ref equals spring and page equals two",
            "https colon slash slash norrow dot org question mark ref equals spring and page equals two",
        ),
    ],
)
def test_ports_and_queries_belong_to_the_web_address(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "URL" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "it's ottilie brand forty one at shop dot harlow fields dot com",
            "ottilie brand forty one at shop dot harlow fields dot com",
        ),
        (
            "send it to k dot varga at help dot finch and moss dot co dot uk please",
            "k dot varga at help dot finch and moss dot co dot uk",
        ),
        (
            "my email is renske underscore pohl at mail dot dunmore vets dot org",
            "renske underscore pohl at mail dot dunmore vets dot org",
        ),
    ],
)
def test_e_mail_domain_with_a_subdomain_before_a_host_of_several_words(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "speech"),
    [
        ("is it tellwick dot com question mark i think so", "question mark"),
        ("there's a question mark over the schedule and two plus two equals four", "equals four"),
        ("it's on tellwick dot com colon and the form is there", "colon and"),
        ("go to tellwick dot com question mark id card please", "id card"),
    ],
)
def test_look_alikes_of_ports_queries_and_subdomains_stay_speech(
    default_pipeline: Pipeline, text: str, speech: str
) -> None:
    start = text.index(speech)
    end = start + len(speech)
    assert not [
        e
        for e in default_pipeline.analyze(text)
        if e.start < end and e.end > start and e.label in ("URL", "EMAIL_ADDRESS")
    ]


def test_a_subdomain_after_a_plain_at_stays_a_web_address(default_pipeline: Pipeline) -> None:
    text = "the docs are at docs dot tellwick dot com"
    assert covering_labels(default_pipeline, text, "docs dot tellwick dot com") == {"URL"}
    assert covering_labels(default_pipeline, text, "are at docs") == set()


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        (
            "my email is wendeline at symbol quarry gate dart app",
            "wendeline at symbol quarry gate dart app",
            "EMAIL_ADDRESS",
        ),
        (
            "it's brun underscore oyelade at stony brook dought ai",
            "brun underscore oyelade at stony brook dought ai",
            "EMAIL_ADDRESS",
        ),
        (
            "send it to taavi ninety one at red pond doc come",
            "taavi ninety one at red pond doc come",
            "EMAIL_ADDRESS",
        ),
        ("check out hollin and vale dart de for the menu", "hollin and vale dart de", "URL"),
        ("the page is larkmoor tiles dog io", "larkmoor tiles dog io", "URL"),
    ],
)
def test_a_heard_dot_before_any_listed_domain_where_the_address_is_opened(
    default_pipeline: Pipeline, text: str, value: str, label: str
) -> None:
    assert label in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "i was at the harbor freight dog app",
        "check out the hot dog co truck",
        "the page is about the dog in the yard",
        "i was at the shop dog come on",
        "we met at nine at the dog park dart de",
        "my doc said the dart board is fine",
        "she had a doc appointment at ten dog ai",
    ],
)
def test_heard_dots_in_ordinary_speech_stay_speech(default_pipeline: Pipeline, text: str) -> None:
    assert not [e for e in default_pipeline.analyze(text) if e.label in ("URL", "EMAIL_ADDRESS")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it's rosk r forty four hat sign gee mail dot com", "rosk r forty four hat sign gee mail dot com"),
        (
            "mine is oriel ninety two it symbol wren valley dot com",
            "oriel ninety two it symbol wren valley dot com",
        ),
        (
            "so it's kaspar dash lund hat the rate fallow dot ca",
            "kaspar dash lund hat the rate fallow dot ca",
        ),
        ("email ondine underscore pratt at verizon", "ondine underscore pratt at verizon"),
        ("reach me at brel ninety at frontier", "brel ninety at frontier"),
    ],
)
def test_a_misheard_at_sign_and_an_internet_provider_said_alone(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "he tipped his hat the rate was good",
        "i work at verizon",
        "i switched from at and t to verizon last year",
        "there's a hat sign on the shop door",
        "reach me at the office at frontier",  # the company's office, not a mailbox
        "you can find me at my desk at comcast",
        "contact me at our branch at verizon",
    ],
)
def test_look_alikes_of_misheard_at_signs_and_providers(default_pipeline: Pipeline, text: str) -> None:
    assert not [e for e in default_pipeline.analyze(text) if e.label == "EMAIL_ADDRESS"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("you can pay online at brisco tiles dot com or by phone", "brisco tiles dot com"),
        ("find us at larkmoor dot org", "larkmoor dot org"),
        ("apply online at fennick dot co dot uk slash jobs", "fennick dot co dot uk slash jobs"),
    ],
)
def test_at_after_online_or_us_is_the_preposition_before_a_web_address(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert covering_labels(default_pipeline, text, value) == {"URL"}


def test_a_mailbox_after_us_stays_an_e_mail(default_pipeline: Pipeline) -> None:
    text = "email us at hello at larkmoor dot org"
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, "hello at larkmoor dot org")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my gmail is tovin dot b", "tovin dot b"),
        ("her yahoo email is kestrel eighty eight okay", "kestrel eighty eight"),
        ("my hotmail is r a n d a l l underscore nine", "r a n d a l l underscore nine"),
    ],
)
def test_a_local_part_said_after_its_mail_provider(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "my gmail is full",
        "my gmail is the one i check every day",
        "my outlook is acting up again",
        "my yahoo is still active i think",
    ],
)
def test_talk_about_a_mailbox_is_no_local_part(default_pipeline: Pipeline, text: str) -> None:
    assert not [e for e in default_pipeline.analyze(text) if e.label == "EMAIL_ADDRESS"]
