"""A generator of labeled multi-turn calls where PII is introduced once and then repeated without a cue.

Each conversation is a support call between an agent and a caller, 6 to 30 turns, lowercase and with
numbers as words, as ASR writes it. A value is introduced once with a cue ("my name is ...", "the card
number is ...") and then comes back in the ways calls really repeat things: bare ("thanks teodora"),
by a part ("miss okonkwo", "the card ending in four four one two"), spelled ("that's o k o n k w o")
or written ("555-201-7788"), in a later turn and sometimes in an earlier one ("am i speaking with
teodora?" before the caller gives the full name). About one call in six holds no PII at all, and
every call has ordinary turns with numbers and with words that are also names ("mark the date",
"the grace period") that must stay untouched.

Every value is invented here (word lists and syllables of this module); nothing comes from the
evaluation corpora. Gold spans carry a *kind*: ``intro`` for the cued first mention, ``repeat`` for
every other mention, the ones conversation mode exists for.

    >>> from redactkit.bench.conversations import generate_conversations
    >>> calls = generate_conversations(300, seed=0)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from ..lang import get_lexicon

__all__ = ["Conversation", "ConversationTurn", "GoldSpan", "generate_conversations"]

_NAMES = get_lexicon("en-US").number_names  # the locale's number words, not a copy
_ONES, _TEENS, _TENS = _NAMES.ones, _NAMES.teens, _NAMES.tens
_GIVEN = (
    "teodora callum ines rafael mireille kwame anneliese dmitri saoirse joaquin henrik ifeoma lucian "
    "marisol tobias yasmin evander philippa oksana benedikt"
).split()
#: Given names that are also everyday words: they need a cue to count alone.
_GIVEN_AMBIGUOUS = "mark grace rose jack bill faith".split()
_FAMILY = (
    "okonkwo lindqvist ferreira mahoney castellano novak holloway achterberg szabo whitcombe delacroix "
    "valenzuela abernathy valdivia oyelaran"
).split()
_FAMILY_AMBIGUOUS = "baker fisher hill".split()
_SYLLABLES = "quen dar vo lim esh tor nel ru fen ost ka mir zel".split()
_STREETS = "juniper larkspur whitford calloway brightwater ashgrove tamarack pemberton".split()
_STREET_TYPES = ("street", "avenue", "road", "lane", "drive", "court")
_DOMAINS = (("example", "com"), ("mailbox", "net"), ("example", "org"))
_TITLES = ("mister", "miss", "mrs", "ms", "doctor")

# Ordinary turns: numbers, times, amounts and words that are also names, none of them PII.
_FILLERS = (
    "okay let me pull that up for you", "one moment please", "thanks for holding",
    "i'm calling about my last bill", "the internet has been down since {h} o'clock",
    "can you restart the router and wait {n} minutes", "sure no problem", "yes that's right",
    "i see it here on the account", "is there anything else i can help with", "no that's all",
    "we can mark that as resolved", "you have a grace period of {n} days", "i will send you a text",
    "the charge was {t} dollars", "it should arrive in {n} to {n} business days",
    "let me transfer you to billing", "can you hold for {n} minutes", "the rose garden package",
    "that will be {t} ninety nine a month", "okay great", "i hope that helps", "the order shipped on monday",
    "please bear with me", "the system is a bit slow today", "i just need to verify a few details",
    "hit the reset button for {n} seconds", "we open at {h} in the morning", "did you get a code by text",
    "the fee is {t} dollars", "you will get a confirmation", "i'll note that on the file",
)  # fmt: skip
_OPENINGS = ("thank you for calling how can i help", "hi you're through to support how can i help today")
_CLOSINGS = ("thanks for calling have a good day", "you're welcome bye", "bye now")


@dataclass(frozen=True, slots=True)
class GoldSpan:
    start: int
    end: int
    label: str
    #: ``intro`` (the cued first mention) or ``repeat``
    kind: str


@dataclass(frozen=True, slots=True)
class ConversationTurn:
    text: str
    speaker: str
    spans: tuple[GoldSpan, ...]


@dataclass(frozen=True, slots=True)
class Conversation:
    id: str
    turns: tuple[ConversationTurn, ...]


# A turn under construction: pieces of text, each plain or a gold value (label, kind).
Piece = tuple[str, str | None, str | None]


def _number_words(value: int) -> str:
    return _NAMES.say(value)


def _say_digits(digits: str, rng: random.Random, *, style: str | None = None) -> str:
    """Digits as callers read them: one by one, "oh" for zero, "double five", or in pairs."""
    style = style or rng.choice(["plain", "oh", "double", "pairs"])
    words: list[str] = []
    i = 0
    while i < len(digits):
        digit = digits[i]
        if style == "double" and i + 1 < len(digits) and digits[i + 1] == digit:
            words += ["double", "oh" if digit == "0" else _ONES[int(digit)]]
            i += 2
            continue
        if style == "pairs" and i + 1 < len(digits) and digit != "0":
            words.append(_number_words(int(digits[i : i + 2])))
            i += 2
            continue
        words.append("oh" if digit == "0" and style != "plain" else _ONES[int(digit)])
        i += 1
    return " ".join(words)


def _digits(rng: random.Random, count: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(count - 1))


def _luhn(partial: str) -> str:
    """``partial`` with the check digit that makes it pass the Luhn test (card numbers)."""
    total = 0
    for index, char in enumerate(reversed(partial)):
        value = int(char) * (2 if index % 2 == 0 else 1)
        total += value - 9 if value > 9 else value
    return partial + str((10 - total % 10) % 10)


def _turn(speaker: str, pieces: list[Piece]) -> ConversationTurn:
    text = ""
    spans: list[GoldSpan] = []
    for part, label, kind in pieces:
        if label is not None and kind is not None:
            spans.append(GoldSpan(len(text), len(text) + len(part), label, kind))
        text += part
    return ConversationTurn(text, speaker, tuple(spans))


def _spell(word: str) -> str:
    return " ".join(word)


def _invented(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


@dataclass
class _Value:
    """A value of one call and the mentions it can be repeated by (each a turn maker)."""

    label: str
    intro: Callable[[], list[Piece]]
    repeats: list[Callable[[], list[Piece]]]
    before: list[Callable[[], list[Piece]]]


def _person(rng: random.Random) -> _Value:
    roll = rng.random()
    given = rng.choice(_GIVEN_AMBIGUOUS if roll < 0.2 else _GIVEN) if roll < 0.75 else _invented(rng)
    family = rng.choice(_FAMILY_AMBIGUOUS) if rng.random() < 0.1 else rng.choice(_FAMILY)
    if rng.random() < 0.3:
        family = _invented(rng)
    label = "PERSON"

    def intro() -> list[Piece]:
        cue = rng.choice(("my name is ", "yes this is ", "hi it's ", "the account holder is "))
        return [(cue, None, None), (f"{given} {family}", label, "intro")]

    def thanks() -> list[Piece]:
        cue = rng.choice(("thanks ", "thank you ", "okay thanks "))
        return [(cue, None, None), (given, label, "repeat"), (rng.choice(("", " one moment")), None, None)]

    def bare_given() -> list[Piece]:
        return [("okay ", None, None), (given, label, "repeat"), (" let me check that", None, None)]

    def titled() -> list[Piece]:
        return [
            (f"{rng.choice(_TITLES)} ", None, None),
            (family, label, "repeat"),
            (rng.choice((" i have your account here", " is that correct", " you're all set")), None, None),
        ]

    def spelled() -> list[Piece]:
        return [("it's ", None, None), (_spell(family), label, "repeat")]

    def full() -> list[Piece]:
        return [("so that's ", None, None), (f"{given} {family}", label, "repeat"), (" right", None, None)]

    def family_bare() -> list[Piece]:
        return [(family, label, "repeat"), (" got it", None, None)]

    def possessive() -> list[Piece]:
        return [("and is this ", None, None), (given, label, "repeat"), ("'s own account", None, None)]

    def given_spelled() -> list[Piece]:
        return [("first name ", None, None), (_spell(given), label, "repeat")]

    def asked() -> list[Piece]:
        return [("am i speaking with ", None, None), (given, label, "repeat")]

    repeats = [thanks, titled, spelled, full, possessive, given_spelled]
    if given not in _GIVEN_AMBIGUOUS:
        repeats.append(bare_given)
    if family not in _FAMILY_AMBIGUOUS:
        repeats.append(family_bare)
    return _Value(label, intro, repeats, [asked])


def _grouped_digits(digits: str, rng: random.Random) -> str:
    if len(digits) == 10 and rng.random() < 0.5:
        return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"
    return " ".join(digits[i : i + 4] for i in range(0, len(digits), 4))


def _number(rng: random.Random, label: str) -> _Value:
    cues: tuple[str, ...]
    if label == "PHONE_NUMBER":
        digits = _digits(rng, 10, "23456789")
        cues = ("my number is ", "you can reach me on ", "my cell is ", "call me back at ")
        noun = "number"
    elif label == "CREDIT_CARD":
        digits = _luhn("4" + _digits(rng, 14, "0123456789"))
        cues = ("the card number is ", "my card number is ", "it's a visa ")
        noun = "card"
    else:
        digits = _digits(rng, rng.choice((8, 9, 10)))
        cues = ("my account number is ", "the account number is ", "account number ")
        noun = "account"

    def intro() -> list[Piece]:
        return [(rng.choice(cues), None, None), (_say_digits(digits, rng), label, "intro")]

    def read_back() -> list[Piece]:
        return [
            ("let me read that back ", None, None),
            (_say_digits(digits, rng, style="plain"), label, "repeat"),
        ]

    def last_four() -> list[Piece]:
        return [
            (f"the {noun} ending in ", None, None),
            (_say_digits(digits[-4:], rng, style="plain"), label, "repeat"),
            (rng.choice(("", " is that the one")), None, None),
        ]

    def last_four_pairs() -> list[Piece]:
        return [
            (f"the {noun} ending ", None, None),
            (_say_digits(digits[-4:], rng, style="pairs"), label, "repeat"),
        ]

    def last_four_written() -> list[Piece]:
        return [(f"okay the {noun} ending ", None, None), (digits[-4:], label, "repeat")]

    def written() -> list[Piece]:
        return [
            ("i have ", None, None),
            (_grouped_digits(digits, rng), label, "repeat"),
            (" on file", None, None),
        ]

    def confirm() -> list[Piece]:
        return [("yes ", None, None), (_say_digits(digits, rng), label, "repeat")]

    repeats = [read_back, last_four, last_four_pairs, last_four_written, written, confirm]
    return _Value(label, intro, repeats, [])


def _email(rng: random.Random) -> _Value:
    given = rng.choice(_GIVEN) if rng.random() < 0.7 else _invented(rng)
    family = rng.choice(_FAMILY)
    style = rng.random()
    number = str(rng.randint(10, 99))
    if style < 0.4:
        user_spoken, user_written = f"{given} dot {family}", f"{given}.{family}"
    elif style < 0.7:
        user_spoken, user_written = (
            f"{given}{family[0]} {_say_digits(number, rng, style='plain')}",
            f"{given}{family[0]}{number}",
        )
    else:
        user_spoken, user_written = _spell(given[:1] + family), given[:1] + family
    domain, tld = rng.choice(_DOMAINS)
    label = "EMAIL_ADDRESS"

    def intro() -> list[Piece]:
        cue = rng.choice(("my email is ", "you can email me at ", "the email on file should be "))
        return [(cue, None, None), (f"{user_spoken} at {domain} dot {tld}", label, "intro")]

    def written() -> list[Piece]:
        return [("so that's ", None, None), (f"{user_written}@{domain}.{tld}", label, "repeat")]

    def spoken() -> list[Piece]:
        return [("i'll send it to ", None, None), (f"{user_spoken} at {domain} dot {tld}", label, "repeat")]

    def confirm() -> list[Piece]:
        return [("confirming ", None, None), (f"{user_written} at {domain} dot {tld}", label, "repeat")]

    return _Value(label, intro, [written, spoken, confirm], [])


def _address(rng: random.Random) -> _Value:
    number = rng.randint(12, 989)
    street = rng.choice(_STREETS)
    kind = rng.choice(_STREET_TYPES)
    label = "ADDRESS"

    def intro() -> list[Piece]:
        cue = rng.choice(("i live at ", "my address is ", "please send it to "))
        return [(cue, None, None), (f"{_number_words(number)} {street} {kind}", label, "intro")]

    def street_only() -> list[Piece]:
        return [("okay ", None, None), (f"{street} {kind}", label, "repeat"), (" got it", None, None)]

    def written() -> list[Piece]:
        return [("shipping to ", None, None), (f"{number} {street} {kind}", label, "repeat")]

    def spoken() -> list[Piece]:
        return [("yes ", None, None), (f"{_number_words(number)} {street} {kind}", label, "repeat")]

    def abbreviated() -> list[Piece]:
        short = {"street": "st", "avenue": "ave", "road": "rd", "lane": "ln", "drive": "dr", "court": "ct"}
        return [("i have ", None, None), (f"{number} {street} {short[kind]}", label, "repeat")]

    return _Value(label, intro, [street_only, written, spoken, abbreviated], [])


def _filler(rng: random.Random) -> list[Piece]:
    template = rng.choice(_FILLERS)
    text = template.format(
        n=_ONES[rng.randint(2, 9)], h=_ONES[rng.randint(5, 9)], t=_number_words(rng.randint(20, 99))
    )
    return [(text, None, None)]


def _call(index: int, rng: random.Random) -> Conversation:
    values: list[_Value] = []
    if rng.random() >= 1 / 6:
        if rng.random() < 0.8:
            values.append(_person(rng))
        for label, share in (("PHONE_NUMBER", 0.35), ("CREDIT_CARD", 0.3), ("ACCOUNT_NUMBER", 0.3)):
            if rng.random() < share:
                values.append(_number(rng, label))
        if rng.random() < 0.35:
            values.append(_email(rng))
        if rng.random() < 0.35:
            values.append(_address(rng))
        if not values:
            values.append(_person(rng))
    # agent/caller turns: opening, intros spread over the call, each followed later by 1-4 repeats
    turns: list[tuple[str, list[Piece]]] = [("agent", [(rng.choice(_OPENINGS), None, None)])]
    plan: list[list[Piece]] = []
    for value in values:
        if value.before and rng.random() < 0.3:
            plan.append(rng.choice(value.before)())
        plan.append(value.intro())
        repeats = rng.sample(value.repeats, k=min(len(value.repeats), rng.randint(1, 4)))
        for repeat in repeats:
            plan.append(repeat())
    budget = rng.randint(6, 30) - 2
    fillers = max(0, budget - len(plan))
    slots: list[list[Piece]] = []
    for item in plan:
        slots.append(item)
        if fillers and rng.random() < 0.6:
            slots.append(_filler(rng))
            fillers -= 1
    while fillers:
        slots.insert(rng.randint(1, len(slots)) if slots else 0, _filler(rng))
        fillers -= 1
    for position, pieces in enumerate(slots):
        turns.append(("caller" if position % 2 == 0 else "agent", pieces))
    turns.append(("agent", [(rng.choice(_CLOSINGS), None, None)]))
    return Conversation(f"call-{index:04d}", tuple(_turn(speaker, pieces) for speaker, pieces in turns))


def generate_conversations(count: int = 300, seed: int = 0) -> list[Conversation]:
    """``count`` calls of 6-30 turns (a few with many values run longer), seeded."""
    rng = random.Random(f"conversations-{seed}")
    return [_call(index, rng) for index in range(count)]
