"""Surrogates: locale-aware Faker data seeded by the key, in the original's spoken form; spoken masks."""

from __future__ import annotations

import re

import pytest
from faker import Faker

from redactkit import ConfigError, Pipeline
from redactkit.anonymize import PolicyAnonymizer
from redactkit.core import Entity

KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
DIGIT_WORDS = set("zero one two three four five six seven eight nine".split())


@pytest.fixture(autouse=True)
def _key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDACTKIT_KEY", KEY)


def _fake(text: str, label: str, **params: object) -> str:
    policy = PolicyAnonymizer(preset="strict", default_operator="surrogate", **params)  # type: ignore[arg-type]
    result = policy.anonymize(text, [Entity(0, len(text), label)]).text
    assert result is not None
    return result


def _spelled(text: str) -> bool:
    return all(len(token) == 1 and token.isalpha() for token in text.split()) and len(text.split()) >= 2


@pytest.mark.parametrize(
    ("text", "label", "check"),
    [
        pytest.param("j o h n", "PERSON", lambda f: _spelled(f) and f.islower(), id="spelled-name"),
        pytest.param("J O H N", "PERSON", lambda f: _spelled(f) and f.isupper(), id="spelled-name-upper"),
        pytest.param("b o s t o n", "LOCATION", lambda f: _spelled(f), id="spelled-place"),
        pytest.param("maria", "PERSON", lambda f: len(f.split()) == 1 and f.islower(), id="given-name"),
        pytest.param(
            "Maria Del Carmen", "PERSON", lambda f: len(f.split()) == 3 and f.istitle(), id="three-words"
        ),
        pytest.param(
            "five five five oh one nine nine",
            "PHONE_NUMBER",
            lambda f: len(f.split()) == 7 and set(f.split()) <= DIGIT_WORDS,
            id="digit-by-digit",
        ),
        pytest.param(
            "five five double five one two",
            "PHONE_NUMBER",
            lambda f: len(f.split()) == 6 and set(f.split()) <= DIGIT_WORDS,
            id="double-counts-two",
        ),
        pytest.param(
            "five fifty five",
            "PHONE_NUMBER",
            lambda f: len(f.split()) == 3 and set(f.split()) <= DIGIT_WORDS,
            id="grouped-number-stays-spoken",
        ),
        pytest.param(
            "a b one two three",
            "US_PASSPORT",
            lambda f: [len(t) for t in f.split()[:2]] == [1, 1] and set(f.split()[2:]) <= DIGIT_WORDS,
            id="spoken-code",
        ),
        pytest.param("555-0142", "PHONE_NUMBER", lambda f: re.fullmatch(r"\d{3}-\d{4}", f), id="written"),
        pytest.param(
            "john dot smith at gmail dot com",
            "EMAIL_ADDRESS",
            lambda f: f.endswith(("at example dot com", "at example dot org", "at example dot net")),
            id="spoken-email-reserved-domain",
        ),
        pytest.param(
            "john.smith@gmail.com",
            "EMAIL_ADDRESS",
            lambda f: re.fullmatch(r"[a-z\-]+\.[a-z\-]+\d+@example\.(com|org|net)", f),
            id="written-email",
        ),
        pytest.param(
            "twelve main street",
            "ADDRESS",
            lambda f: f.split()[0] in DIGIT_WORDS and f.islower(),
            id="spoken-address",
        ),
    ],
)
def test_surrogates_keep_the_spoken_form(text: str, label: str, check: object) -> None:
    fake = _fake(text, label)
    assert fake.lower() != text.lower()
    assert check(fake), fake  # type: ignore[operator]


def test_surrogates_are_deterministic_per_key_and_vary_with_it(monkeypatch: pytest.MonkeyPatch) -> None:
    first = [_fake(name, "PERSON") for name in ("maria garcia", "j o h n", "boston")]
    assert first == [_fake(name, "PERSON") for name in ("maria garcia", "j o h n", "boston")]
    monkeypatch.setenv("REDACTKIT_KEY", "f" * 64)
    assert first != [_fake(name, "PERSON") for name in ("maria garcia", "j o h n", "boston")]


def test_surrogate_names_are_varied() -> None:
    """Faker's name lists, not a handful of names: 200 distinct names get (nearly) 200 surrogates."""
    faker = Faker("en_US")
    faker.seed_instance(7)
    names: set[str] = set()
    while len(names) < 200:
        names.add(f"{faker.first_name()} {faker.last_name()}".lower())
    surrogates = {_fake(name, "PERSON") for name in names}
    assert len(surrogates) >= 195


def test_surrogate_locale() -> None:
    names = [f"name number {i}" for i in range(20)]
    english = [_fake(name, "PERSON") for name in names]
    german = [_fake(name, "PERSON", surrogate_locale="de_DE") for name in names]
    assert english != german
    with pytest.raises(ConfigError, match="did you mean 'de_DE'"):
        Pipeline.from_config({"anonymizer": {"surrogate_locale": "de_DX"}})


@pytest.mark.parametrize(
    ("text", "keep", "expected"),
    [
        ("five five five one two three four", 4, "**** **** **** one two three four"),
        ("five five double five one two", 4, "**** **** double five one two"),
        ("five five five one two three four", 0, "**** **** **** *** *** ***** ****"),
        ("oh one", 4, "oh one"),
        ("555-0142", 4, "****0142"),
        ("maria garcia", 3, "***** ***cia"),
    ],
)
def test_mask_keep_last_counts_digits_of_spoken_numbers(text: str, keep: int, expected: str) -> None:
    policy = PolicyAnonymizer(preset="strict", default_operator="mask", mask_keep_last=keep)
    assert policy.anonymize(text, [Entity(0, len(text), "PHONE_NUMBER")]).text == expected
