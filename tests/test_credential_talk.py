"""Talk about passwords, PINs and usernames is no value: "the password rules say ...", "i forgot my
password again", "my username is the same as my email". The words after a credential's cue that
describe it (``credentials.descriptions`` of context.yaml, read by the contextual and identifiers
detectors alike) and, with no "is" after the cue, everyday words (no digit, spelled letter or symbol)
are not redacted; values keep being found, also read off a form ("name ... password ..."). Every
sentence is invented.
"""

from __future__ import annotations

import pytest

from redactkit import Pipeline

_SECRETS = {"PASSWORD", "PIN", "USERNAME"}


@pytest.mark.parametrize(
    "text",
    [
        "the password rules say it needs a capital and a number",
        "i forgot my password again",
        "can you reset my password for me",
        "the password has to be at least eight characters",
        "i changed my password last week",
        "your username is usually your email",
        "password must include a special character",
        "my username is the same as my email",
        "the password is case sensitive",
        "that password is too short",
        "the password is on a sticky note somewhere",
        "passwords must be changed every ninety days",
        "i wrote the password down",
        "he shared his password with me",
        "the admin password is managed by it",
        "i forgot my pin any chance you can send a new card",
        "my pin doesn't work at the store",
        "the password will expire in thirty days",
        "is the password still the same",
        "the username is whatever you signed up with",
        "the password is wrong",
        "my pin is the same as my card",
        "your pin must be four digits",
        "the wifi password is on the fridge",
        "reset your password every ninety days",
        "the password rules say twelve characters and two symbols",
        "the password policy requires one uppercase letter",
    ],
)
def test_talk_about_a_credential_is_no_value(default_pipeline: Pipeline, text: str) -> None:
    found = [(text[e.start : e.end], e.label) for e in default_pipeline.analyze(text) if e.label in _SECRETS]
    assert found == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("my password is marigold two two", "marigold two two"),
        ("password tiger lily seven", "tiger lily seven"),
        ("my pin four four two one", "four four two one"),
        ("the password for the wifi is sunshine nine", "sunshine nine"),
        ("my username is the real jo", "the real jo"),
        ("name corvin password quillwood", "quillwood"),
        ("name tesh password vandrel oskay", "vandrel oskay"),
        ("username is dana underscore k and password is falcon twelve", "falcon twelve"),
        ("my password is capital t iger five exclamation point", "capital t iger five exclamation point"),
        # values that start with a word that could describe one
        ("the password is correct horse battery staple", "correct horse battery staple"),
        ("my password is strong horse seven", "strong horse seven"),
        ("my password is easy peasy one two three", "easy peasy one two three"),
        ("my password is hard rock", "hard rock"),
        ("my password is still water seven", "still water seven"),
        ("my password is old school seventy", "old school seventy"),
        ("my password is right hand man", "right hand man"),
        ("my password is short stack", "short stack"),
        ("my password is fine wine", "fine wine"),
        ("my username is always sunny", "always sunny"),
        ("my username is who dat ninety", "who dat ninety"),
        ("my password is good boy one two", "good boy one two"),
        ("my password is secure one two three", "secure one two three"),
        ("my password is long island ninety", "long island ninety"),
        ("my password is bad wolf", "bad wolf"),
        ("my username is simple simon", "simple simon"),
        ("the password is the same as before one two", "the same as before one two"),
        ("my password sunshine doesn't work", "sunshine"),
        # words in front of the value take the four words of a secret: the digits after them stay in
        # (review40 H2: the span covered the words and left the digits)
        ("my pin is on the display it's six two eight one", "six two eight one"),
        ("the passcode is on my phone it's 5097", "5097"),
    ],
)
def test_credential_values_are_still_found(default_pipeline: Pipeline, text: str, value: str) -> None:
    start = text.index(value)
    assert any(
        e.start <= start and e.end >= start + len(value) and e.label in _SECRETS
        for e in default_pipeline.analyze(text)
    )
