"""Spoken web addresses as recognizers garble their parts: a path's slash heard as another word after a
path word ("slash blog slosh events") or after a "forward" heard in pieces ("for word slash faq"), a
query's mark, "equals" and "ampersand" heard a letter off or as other words ("question marc", "equal
is", "and person"), and the "at" of a place before a web address ("sign up at ...", "you can register
at ..."), which names no mailbox. Each rule has look-alikes that stay speech. Every sentence is invented.
"""

from __future__ import annotations

import pytest
from _support import covering_labels

from redactkit import Pipeline


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("go to brindle hops dot com for word slash about", "brindle hops dot com for word slash about"),
        ("it's on quellmark dot org four word slosh menu", "quellmark dot org four word slosh menu"),
        ("see torvane dot net forward slosh help please", "torvane dot net forward slosh help"),
        ("the page is ostrid dot io slash blog slosh events", "ostrid dot io slash blog slosh events"),
        (
            "go to pellary dot com slash about slush tickets thanks",
            "pellary dot com slash about slush tickets",
        ),
        (
            "it's marnwick dot com slash shop question marc size equals nine",
            "marnwick dot com slash shop question marc size equals nine",
        ),
        (
            "open venlo hub dot net slash find questin mark city equal is leeds",
            "venlo hub dot net slash find questin mark city equal is leeds",
        ),
        (
            "try corvel dot app slash list question marks page equals two and person sort equals new",
            "corvel dot app slash list question marks page equals two and person sort equals new",
        ),
        (
            "the form is at drellby dot org slash apply question mark id equels four",
            "drellby dot org slash apply question mark id equels four",
        ),
    ],
)
def test_garbled_path_and_query_words_stay_in_the_web_address(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "URL" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sign up at harwick trails dot net before june", "harwick trails dot net"),
        ("you can register at pomeroy fields dot org", "pomeroy fields dot org"),
        ("read more at quintle dot com", "quintle dot com"),
        ("you can donate at amberline dot org slash give", "amberline dot org slash give"),
    ],
)
def test_the_at_of_a_place_opens_a_web_address_not_a_mailbox(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    labels = covering_labels(default_pipeline, text, value)
    assert "URL" in labels
    assert "EMAIL_ADDRESS" not in {e.label for e in default_pipeline.analyze(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a word of not_local_parts inside a dictated local part, or before a mail provider, is part of it
        ("email me at rowe dot up at gmail dot com", "rowe dot up at gmail dot com"),
        ("my email is tamsin in at gmail dot com", "in at gmail dot com"),
        (
            "reach me by email k marlow no space sorry it's a bit loud here at fenrow dot co dot uk",
            "k marlow",
        ),
    ],
)
def test_a_mailbox_keeps_its_local_part(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "i'm looking forward to it, slash the price if you have to",
        "that's a question mark equals trouble in my book",
        "the kids made slush and then a snowman",
        "forward the rest to me later",
        "we signed up at the gym in march",
        "the score was two slash one at the break",
        "one slash two cups of flour and a dash of salt",
        "put a question mark after his name",
        "i read it online at some point",
    ],
)
def test_look_alikes_stay_speech(default_pipeline: Pipeline, text: str) -> None:
    labels = {e.label for e in default_pipeline.analyze(text)}
    assert not labels & {"URL", "EMAIL_ADDRESS", "USERNAME"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "it's r dot vell at mail dot cobble lane and the rest i forget",
            "r dot vell at mail dot cobble lane",
        ),
        (
            "my email is orla underscore brett at quarry hill dot something",
            "orla underscore brett at quarry hill",
        ),
        ("my email is nadia pellworth at tinmoor um i don't remember the end", "nadia pellworth at tinmoor"),
        ("send it to k l m forty at fenwood and then whatever the ending is", "k l m forty at fenwood"),
        ("email zorvek at kestrel dot something", "zorvek at kestrel"),
        ("my email is brel at kestrel or something like that", "brel at kestrel"),
        ("my email is anna at hollow oak dot something", "anna at hollow oak"),
    ],
)
def test_an_e_mail_broken_off_before_its_ending(default_pipeline: Pipeline, text: str, value: str) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "tell john at marketing and the rest i forget",
        "i was at home and the rest i forget",
        "we ate at the diner or something",
        "she stayed at her aunt's and so on",
        "meet me at noon or something like that",
        # review41 M2: a mail word before talk that breaks off is no e-mail
        "i'll email you at lunch or something",
        "email the kids at school and so on",
        "i'll email mom at home and whatever",
        "we'll email the parents at camp and the rest i don't know",
        "i'll email you guys at some point or something like that",
        "i sent an email to the team at work and the rest i forget",
        "my email is the one at work and the rest is spam",
    ],
)
def test_a_broken_off_place_is_no_e_mail(default_pipeline: Pipeline, text: str) -> None:
    assert "EMAIL_ADDRESS" not in {e.label for e in default_pipeline.analyze(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("follow us at amber kettle on instagram", "amber kettle"),
        ("tag me at rusty lantern on tiktok", "rusty lantern"),
        ("find me on twitch at sleepy otter", "sleepy otter"),
        ("follow us on twitter at maple crumbs for updates", "maple crumbs"),
    ],
)
def test_a_handle_of_everyday_words_after_a_follow_verb(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "USERNAME" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    "text",
    [
        "i posted it at the beach on instagram",
        "follow me at the gym on twitch",
        "find us on instagram at the market every sunday",
        "find me on twitch at night",
        "follow us at home on tiktok",
        "we met at the park on saturday",
    ],
)
def test_a_place_or_time_after_at_is_no_handle(default_pipeline: Pipeline, text: str) -> None:
    assert "USERNAME" not in {e.label for e in default_pipeline.analyze(text)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # review38 L4: a spelled "b" written "be" (or "c" written "see") is the local part's first letter
        ("send it to be quill at gmail dot com", "be quill at gmail dot com"),
        ("my email is be harwell at yahoo dot com", "be harwell at yahoo dot com"),
        ("my email is see tolland at ferncastle dot org", "see tolland at ferncastle dot org"),
        ("reach me at be ravel at outlook dot com", "be ravel at outlook dot com"),
    ],
)
def test_a_letter_heard_as_a_word_opens_the_local_part(
    default_pipeline: Pipeline, text: str, value: str
) -> None:
    assert "EMAIL_ADDRESS" in covering_labels(default_pipeline, text, value)


@pytest.mark.parametrize(
    ("text", "value", "verb"),
    [
        ("it should be anna at gmail dot com", "anna at gmail dot com", "be"),
        ("i want to see kim at gmail dot com", "kim at gmail dot com", "see"),
    ],
)
def test_a_verb_before_the_local_part_stays_out(
    default_pipeline: Pipeline, text: str, value: str, verb: str
) -> None:
    entities = default_pipeline.analyze(text)
    start = text.index(value)
    verb_at = text.index(f" {verb} ") + 1
    assert any(e.label == "EMAIL_ADDRESS" and e.start <= start for e in entities)
    assert not any(e.start <= verb_at < e.end for e in entities)
