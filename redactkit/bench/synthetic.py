"""A generator of labeled spoken-PII utterances, in the phrasing callers really use.

Every value is invented and rendered the way ASR writes speech: lowercase, numbers as words with the
variations people use ("oh" for zero, "double five", digits read in pairs, "area code … extension …"),
fillers and self-corrections inside numbers, spelled e-mail addresses ("j o h n dot smith at example
dot com", "s as in sam"). Half of the person names are common given and family names, half are
invented words that no gazetteer contains, so name recall measures context cues as well as lists.
Organisations are invented too: a brand stem from two word parts ("north" + "wind") with or without a
designator ("northwind logistics", "velcore gmbh"), or a partnership of family names ("smith patel
and chen llp"), said the way callers do ("i'm calling from", "my bank is", "the X office").
Negatives are number-rich commands that must stay untouched ("set a timer for five minutes"), and
org-shaped everyday phrases ("the bank holiday", "i work for myself", "call the bank at six").

    >>> from redactkit.bench.synthetic import generate_spoken_pii
    >>> sample = generate_spoken_pii(per_label=40, negatives=200, seed=0)
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from stdnum import luhn

__all__ = ["LABELS", "SpokenExample", "generate_spoken_pii"]

_ONES = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_MONTHS = "january february march april may june july august september october november december".split()
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth"
).split()
_GIVEN = "maria james priya wei olga carlos amara lucas sofia ahmed noah elena jan thabo yuki omar".split()
_FAMILY = "garcia smith patel chen ivanova silva okafor martin rossi nguyen kowalski haddad".split()
_SYLLABLES = "zor va kel trin mo ria bex tal un dor phe sim qua lis nax".split()
_CITIES = "denver boston portland atlanta chicago seattle toronto dublin lisbon nairobi".split()
_STREETS = "main oak maple cedar elm pine lake hill".split()
_STREET_TYPES = ("street", "avenue", "road", "lane", "drive", "boulevard")
_DOMAINS = ("example dot com", "example dot org", "mail dot example dot net", "example dot co dot uk")
_FILLERS = ("um", "uh", "er")
# Invented organisation names: a brand stem from two word parts ("north" + "wind"), then a designator.
_BRAND_HEADS = "north blue bright silver quant nova apex zen orbi vel cor lum tera kinet strato vex".split()
_BRAND_TAILS = "wind line tek ora ix gate field stone well path core vista nexa lytics".split()
_ORG_KINDS = (
    "logistics",
    "systems",
    "technologies",
    "consulting",
    "insurance",
    "bank",
    "labs",
    "media",
    "solutions",
    "partners",
    "group",
    "university",
    "foundation",
    "pharmaceuticals",
    "networks",
)
_ORG_LEGAL = ("inc", "llc", "ltd", "corp", "corporation", "plc", "gmbh")


@dataclass(frozen=True, slots=True)
class SpokenExample:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end, label)


def _say_digits(digits: str, rng: random.Random, *, style: str | None = None) -> str:
    """Read digits the ways people do: one by one, "oh", "double five", pairs ("fifty five")."""
    style = style or rng.choice(["plain", "oh", "double", "pairs", "filler"])
    words: list[str] = []
    i = 0
    while i < len(digits):
        d = digits[i]
        if style == "double" and i + 1 < len(digits) and digits[i + 1] == d:
            words += ["double", "oh" if d == "0" else _ONES[int(d)]]
            i += 2
            continue
        if style == "pairs" and i + 1 < len(digits) and d != "0" and rng.random() < 0.5:
            pair = int(digits[i : i + 2])
            if 10 <= pair <= 19:
                words.append(_TEENS[pair - 10])
            else:
                words.append(_TENS[pair // 10] + ("" if pair % 10 == 0 else " " + _ONES[pair % 10]))
            i += 2
            continue
        words.append("oh" if d == "0" and style in ("oh", "pairs", "double") else _ONES[int(d)])
        i += 1
    if style == "filler" and len(words) > 3:
        words.insert(rng.randint(1, len(words) - 1), rng.choice(_FILLERS))
    return " ".join(words)


def _number_words(value: int) -> str:
    if value < 10:
        return _ONES[value]
    if value < 20:
        return _TEENS[value - 10]
    if value < 100:
        return _TENS[value // 10] + ("" if value % 10 == 0 else " " + _ONES[value % 10])
    hundreds, rest = divmod(value, 100)
    return _ONES[hundreds] + " hundred" + ("" if rest == 0 else " " + _number_words(rest))


def _year_words(year: int) -> str:
    if 2000 <= year < 2010:
        return "two thousand" + ("" if year == 2000 else " and " + _ONES[year - 2000])
    high, low = divmod(year, 100)
    return (
        _number_words(high)
        + " "
        + ("hundred" if low == 0 else _number_words(low) if low >= 10 else "oh " + _ONES[low])
    )


def _digits(rng: random.Random, count: int, first: str = "123456789") -> str:
    return rng.choice(first) + "".join(rng.choice("0123456789") for _ in range(count - 1))


def _luhn(partial: str) -> str:
    return partial + luhn.calc_check_digit(partial)


def _person(rng: random.Random) -> str:
    if rng.random() < 0.5:
        name = rng.choice(_GIVEN)
        return name + (" " + rng.choice(_FAMILY) if rng.random() < 0.6 else "")
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 3)))


def _spell(word: str, rng: random.Random) -> str:
    letters = []
    for index, char in enumerate(word):
        if index == 0 and rng.random() < 0.3:
            letters.append(
                f"{char} as in {rng.choice(['sam', 'sierra', 'sugar'] if char == 's' else [char + 'ed'])}"
            )
        else:
            letters.append(char)
    return " ".join(letters)


# label -> list of (template with {v} for the value, value maker)
Maker = Callable[[random.Random], str]


def _phone(rng: random.Random) -> str:
    number = _digits(rng, 10, "23456789")
    said = _say_digits(number, rng)
    if rng.random() < 0.15:
        said += " extension " + _say_digits(_digits(rng, 3), rng, style="plain")
    if rng.random() < 0.1:
        wrong = _say_digits(_digits(rng, 2), rng, style="plain")
        said = f"{_say_digits(number[:4], rng, style='plain')} {wrong} no sorry {_say_digits(number[4:], rng, style='plain')}"
    return said


def _organization(rng: random.Random) -> str:
    stem = rng.choice(_BRAND_HEADS) + rng.choice(_BRAND_TAILS)
    form = rng.random()
    if form < 0.15:  # a partnership of family names: "smith patel and chen llp"
        first, second, third = rng.sample(_FAMILY, 3)
        return f"{first} {second} and {third} {rng.choice(['llp', 'llc', 'associates', 'partners'])}"
    if form < 0.55:
        return f"{stem} {rng.choice(_ORG_KINDS)}"
    if form < 0.85:
        return f"{stem} {rng.choice(_ORG_LEGAL)}"
    return stem  # a bare brand: only its cue gives it away


# Organisation templates that name it without a cue need a designator in the value.
_ORG_NEEDS_DESIGNATOR = ("{v} sent me a letter", "i got an invoice from {v}", "is {v} open on sundays")
# ORGANIZATION draws from its own random stream, so adding it left every other label's values as they
# were (the recall gate's samples stay the same).
_ORG_NEGATIVE_TEMPLATES = (
    "i work remotely on {d}", "i work late most days", "i work for myself", "the bank holiday is on {d}",
    "call the bank at {h} o'clock", "my school run starts at {h} fifteen", "i'm calling from my car",
    "the post office closes at {h}", "is the office open on {d}", "i work at night",
    "remind me to call the insurance company at {h}", "i joined a gym last year",
    "she is from out of town", "the school bus comes at {h} thirty", "i spent a year at sea",
)  # fmt: skip
_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

_MAKERS: dict[str, tuple[list[str], Maker]] = {
    "PERSON": (
        ["call {v} please", "text {v} that i'm running late", "my name is {v}", "this is {v} calling about my bill",
         "set up a meeting with {v} on friday", "email {v} the report", "remind me to ask {v} about the keys",
         "tell {v} i said thanks"],
        _person,
    ),
    "LOCATION": (
        ["what's the weather in {v} tomorrow", "book a flight to {v}", "i'm moving to {v} next month",
         "how far is {v} from here", "find hotels in {v}"],
        lambda rng: rng.choice(_CITIES),
    ),
    "ADDRESS": (
        ["i live at {v}", "please ship it to {v}", "my address is {v}", "send the package to {v}"],
        lambda rng: f"{_number_words(rng.randint(10, 999))} {rng.choice(_STREETS)} {rng.choice(_STREET_TYPES)}"
        + (f" apartment {_ONES[rng.randint(1, 9)]} {rng.choice('abcd')}" if rng.random() < 0.4 else ""),
    ),
    "ZIP_CODE": (
        ["my zip code is {v}", "the zip is {v}", "postal code {v}"],
        lambda rng: _say_digits(_digits(rng, 5), rng),
    ),
    "PHONE_NUMBER": (
        ["my number is {v}", "you can reach me at {v}", "call me back on {v}", "my cell is {v}",
         "the phone number is {v}", "it's area code {v}", "call me at area code {v}"],
        _phone,
    ),
    "EMAIL_ADDRESS": (
        ["my email is {v}", "send it to {v}", "you can email me at {v}", "it's {v}"],
        lambda rng: rng.choice(
            [
                f"{rng.choice(_GIVEN)} dot {rng.choice(_FAMILY)} at {rng.choice(_DOMAINS)}",
                f"{_spell(rng.choice(_GIVEN), rng)} at {rng.choice(_DOMAINS)}",
                f"{rng.choice(_GIVEN)} {_say_digits(_digits(rng, 2), rng, style='plain')} at {rng.choice(_DOMAINS)}",
                f"{rng.choice(_GIVEN)} underscore {rng.choice(_FAMILY)} at {rng.choice(_DOMAINS)}",
            ]
        ),
    ),
    "URL": (
        ["go to {v}", "the website is {v}", "check out {v}"],
        lambda rng: rng.choice(["w w w dot ", ""]) + rng.choice(_FAMILY) + rng.choice([" dot com", " dot org", " dot io"])
        + rng.choice(["", " slash help", " slash account"]),
    ),
    "IP_ADDRESS": (
        ["my ip address is {v}", "the server ip is {v}", "connect to {v}"],
        lambda rng: " dot ".join(_say_digits(str(rng.randint(1, 254)), rng, style="plain") for _ in range(4)),
    ),
    "US_SSN": (
        ["my social is {v}", "social security number {v}", "the ssn is {v}"],
        lambda rng: _say_digits(_digits(rng, 9), rng),
    ),
    "CREDIT_CARD": (
        ["my card number is {v}", "the credit card is {v}", "charge it to my visa {v}"],
        lambda rng: _say_digits(_luhn("4" + _digits(rng, 14, "0123456789")), rng),
    ),
    "CREDIT_CARD_META": (
        ["the expiration date is {v}", "it expires {v}", "expiry {v}", "the security code is {v}", "the cvv is {v}"],
        lambda rng: _say_digits(_digits(rng, 3), rng, style="plain"),
    ),
    "IBAN_CODE": (
        ["my iban is {v}", "transfer it to iban {v}"],
        lambda rng: "g b " + _say_digits(_digits(rng, 2), rng, style="plain") + " " + " ".join(rng.choice("abcdefgh") for _ in range(4))
        + " " + _say_digits(_digits(rng, 14, "0123456789"), rng, style="plain"),
    ),
    "ACCOUNT_NUMBER": (
        ["my account number is {v}", "the order number is {v}", "my member id is {v}",
         "confirmation number {v}", "policy number {v}", "my routing number is {v}"],
        lambda rng: _say_digits(_digits(rng, rng.choice([6, 8, 9, 12])), rng),
    ),
    "PIN": (
        ["my pin is {v}", "the passcode is {v}", "my password is {v}", "the security answer is {v}"],
        lambda rng: rng.choice(
            [_say_digits(_digits(rng, 4, "0123456789"), rng, style="plain"), "blue monkey seven", "fluffy", "tango river"]
        ),
    ),
    "DATE_OF_BIRTH": (
        ["i was born on {v}", "my date of birth is {v}", "my birthday is {v}"],
        lambda rng: f"{rng.choice(_MONTHS)} {rng.choice(_ORDINALS)} {_year_words(rng.randint(1940, 2005))}",
    ),
    "AGE": (
        ["i'm {v} years old", "she is {v} years old", "my son is {v} years old"],
        lambda rng: _number_words(rng.randint(2, 99)),
    ),
    "US_DRIVER_LICENSE": (
        ["my driver's license number is {v}", "license number {v}"],
        lambda rng: rng.choice("abcdefgh") + " " + _say_digits(_digits(rng, 7), rng, style="plain"),
    ),
    "US_PASSPORT": (
        ["my passport number is {v}", "passport {v}"],
        lambda rng: _say_digits(_digits(rng, 9), rng),
    ),
    "ORGANIZATION": (
        ["i work at {v}", "i'm calling from {v}", "i'm calling on behalf of {v}", "my employer is {v}",
         "my bank is {v}", "i'm insured with {v}", "the {v} office is closed today", "i used to work for {v}",
         "she works at {v} now", "i spent a year at {v}", "my husband is from {v} they sent the invoice",
         *_ORG_NEEDS_DESIGNATOR],
        _organization,
    ),
}  # fmt: skip

LABELS: tuple[str, ...] = tuple(_MAKERS)

_NEGATIVE_TEMPLATES = (
    "set a timer for {n} minutes", "play track {n}", "wake me up at {h} thirty", "turn the volume to {n}",
    "set the thermostat to {t}", "remind me in {n} hours", "skip ahead {n} songs", "what's {n} plus {n}",
    "add {n} eggs to the list", "dim the lights to {t} percent", "call me in {n} minutes",
    "how many ounces in {n} cups", "set an alarm for {h} fifteen", "play season {n} episode {n}",
    "it's {t} degrees outside", "order {n} pizzas", "the meeting is at {h} o'clock",
    "look at the dot on the map", "i need {n} tickets for saturday", "turn it up by {n}",
)  # fmt: skip


def _expiry(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"{_say_digits('0' + str(rng.randint(1, 9)), rng, style='oh')} {_number_words(rng.randint(26, 31))}"
    return f"{rng.choice(_MONTHS)} twenty {_number_words(rng.randint(26, 31))}"


def generate_spoken_pii(per_label: int = 40, negatives: int = 200, seed: int = 0) -> list[SpokenExample]:
    """``per_label`` utterances per label (one gold value each) plus ``negatives`` PII-free ones."""
    rng = random.Random(seed)
    org_rng = random.Random(f"organization-{seed}")
    examples: list[SpokenExample] = []
    for label, (templates, maker) in _MAKERS.items():
        draw = org_rng if label == "ORGANIZATION" else rng
        for _ in range(per_label):
            template = draw.choice(templates)
            value = maker(draw)
            while label == "ORGANIZATION" and template in _ORG_NEEDS_DESIGNATOR and " " not in value:
                value = maker(draw)
            if label == "CREDIT_CARD_META" and "secur" not in template and "cvv" not in template:
                value = _expiry(rng)  # expiry templates take a date, code templates three digits
            before, after = template.split("{v}")
            text = before + value + after
            examples.append(SpokenExample(text, ((len(before), len(before) + len(value), label),)))
    org_negatives = negatives // 5
    for _ in range(org_negatives):
        template = org_rng.choice(_ORG_NEGATIVE_TEMPLATES)
        text = template.format(h=_ONES[org_rng.randint(5, 9)], d=org_rng.choice(_WEEKDAYS))
        examples.append(SpokenExample(text, ()))
    for _ in range(negatives - org_negatives):
        template = rng.choice(_NEGATIVE_TEMPLATES)
        text = template.format(
            n=_ONES[rng.randint(2, 9)], h=_ONES[rng.randint(5, 9)], t=_number_words(rng.randint(20, 75))
        )
        examples.append(SpokenExample(text, ()))
    rng.shuffle(examples)
    return examples
