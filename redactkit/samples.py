"""Synthetic transcripts with labeled PII, generated from redactkit's own templates.

Used by ``redactkit demo`` (a sample Parquet to redact), by tests and benchmarks. Everything here is
invented: names are common given and family names from many locales, numbers are random, e-mail
domains are reserved example domains. Each utterance comes in the style of a voice assistant or call
centre, either as raw ASR (lowercase, numbers spoken) or formatted (Whisper-style).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from stdnum import luhn

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["LabeledSpan", "LabeledText", "generate", "sample_table"]

_FIRST = [
    "james",
    "mary",
    "robert",
    "patricia",
    "michael",
    "linda",
    "david",
    "elena",
    "carlos",
    "sofia",
    "ahmed",
    "fatima",
    "wei",
    "li",
    "hiroshi",
    "yuki",
    "olga",
    "ivan",
    "priya",
    "arjun",
    "kwame",
    "amara",
    "lucas",
    "emma",
    "noah",
    "chloe",
    "mateo",
    "valentina",
    "omar",
    "leila",
    "sven",
    "ingrid",
    "pierre",
    "camille",
    "giulia",
    "marco",
    "anna",
    "jan",
    "thabo",
    "zanele",
    "diego",
    "lucia",
]
_LAST = [
    "smith",
    "johnson",
    "williams",
    "brown",
    "garcia",
    "martinez",
    "nguyen",
    "kim",
    "patel",
    "singh",
    "muller",
    "schmidt",
    "rossi",
    "ferrari",
    "dubois",
    "moreau",
    "kowalski",
    "novak",
    "ivanov",
    "petrova",
    "tanaka",
    "sato",
    "chen",
    "wang",
    "okafor",
    "mensah",
    "hansen",
    "larsen",
    "silva",
    "santos",
    "cohen",
    "levi",
    "murphy",
    "kelly",
    "obrien",
    "walsh",
]
_CITIES = [
    "boston",
    "denver",
    "chicago",
    "seattle",
    "atlanta",
    "dallas",
    "phoenix",
    "portland",
    "miami",
    "houston",
    "toronto",
    "london",
    "dublin",
    "madrid",
    "lisbon",
    "berlin",
    "vienna",
    "oslo",
    "nairobi",
    "lagos",
]
_STREETS = ["main", "oak", "maple", "pine", "cedar", "elm", "washington", "lake", "hill", "park"]
_STREET_TYPES = ("street", "avenue", "road", "lane", "drive", "boulevard")
_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")

_ONES = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]

_NEGATIVES = (
    "set a timer for five minutes",
    "play track two from the new album",
    "wake me up at six thirty tomorrow",
    "turn the volume down to seven",
    "what is the weather going to be like this weekend",
    "add milk eggs and bread to my shopping list",
    "how many ounces are in a cup",
    "remind me to water the plants every three days",
    "is it going to rain later today",
    "skip this song",
    "set an alarm for seven fifteen",
    "turn off the lights in the kitchen",
    "what time is it",
    "how do you make pancakes",
    "play some jazz music",
    "what's on my calendar for tomorrow",
    "increase the temperature by two degrees",
    "how far is the nearest gas station",
    "read me the news",
    "what's twenty five times four",
    "pause the podcast",
    "tell me a joke",
    "order more paper towels",
    "what's the score of the game",
    "set the thermostat to sixty eight",
    "how long will it take to get to work",
    "turn on do not disturb",
    "what movies are playing tonight",
    "add a meeting at three pm on friday",
    "cancel my alarm",
    "how many calories are in an apple",
    "shuffle my playlist",
    "what's the capital of australia",
    "dim the living room lights to fifty percent",
    "start a ten minute workout",
    "convert one hundred dollars to euros",
    "what did i miss while i was away",
    "lock the front door",
    "find a recipe with chicken and rice",
    "how tall is mount everest",
)


@dataclass(frozen=True, slots=True)
class LabeledSpan:
    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class LabeledText:
    text: str
    spans: tuple[LabeledSpan, ...]
    style: str  # "spoken" or "written"


def _digits(number: str) -> str:
    return " ".join(_ONES[int(ch)] for ch in number if ch.isdigit())


def _value(label: str, rng: random.Random, spoken: bool) -> str:
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    if label == "PERSON":
        name = f"{first} {last}" if rng.random() < 0.6 else first
        return name if spoken else name.title()
    if label == "PHONE_NUMBER":
        number = f"{rng.randint(201, 989)}{rng.randint(200, 999)}{rng.randint(0, 9999):04d}"
        return _digits(number) if spoken else f"({number[:3]}) {number[3:6]}-{number[6:]}"
    if label == "EMAIL_ADDRESS":
        domain = rng.choice(_DOMAINS)
        if spoken:
            return f"{first} dot {last} at {domain.replace('.', ' dot ')}"
        return f"{first}.{last}@{domain}"
    if label == "LOCATION":
        city = rng.choice(_CITIES)
        return city if spoken else city.title()
    if label == "CREDIT_CARD":
        number = _luhn_number(rng, "4" + "".join(str(rng.randint(0, 9)) for _ in range(14)))
        if spoken:
            return _digits(number)
        return " ".join(number[i : i + 4] for i in range(0, 16, 4))
    if label == "US_SSN":
        number = f"{rng.randint(100, 665)}{rng.randint(10, 99)}{rng.randint(1000, 9999)}"
        return _digits(number) if spoken else f"{number[:3]}-{number[3:5]}-{number[5:]}"
    if label == "ADDRESS":
        house = rng.randint(10, 9999)
        street = f"{rng.choice(_STREETS)} {rng.choice(_STREET_TYPES)}"
        return f"{_digits(str(house))} {street}" if spoken else f"{house} {street.title()}"
    raise ValueError(f"no generator for label {label}")


def _luhn_number(rng: random.Random, partial: str) -> str:
    return partial + luhn.calc_check_digit(partial)


_TEMPLATES: tuple[tuple[str, ...], ...] = (
    ("call ", "PERSON", " on my mobile"),
    ("my name is ", "PERSON", " and my number is ", "PHONE_NUMBER"),
    ("send an email to ", "EMAIL_ADDRESS", " saying i will be late"),
    ("text ", "PERSON", " that the meeting moved to friday"),
    ("what's the weather in ", "LOCATION", " this weekend"),
    ("my card number is ", "CREDIT_CARD"),
    ("the social is ", "US_SSN"),
    ("please ship it to ", "ADDRESS", " in ", "LOCATION"),
    ("hi this is ", "PERSON", " calling about my order"),
    ("you can reach me at ", "PHONE_NUMBER", " or ", "EMAIL_ADDRESS"),
)


def generate(
    count: int, *, seed: int = 0, spoken_share: float = 0.7, negative_share: float = 0.25
) -> Iterator[LabeledText]:
    """Yield ``count`` labeled utterances, deterministic for a given seed."""
    rng = random.Random(seed)
    for _ in range(count):
        spoken = rng.random() < spoken_share
        style = "spoken" if spoken else "written"
        if rng.random() < negative_share:
            text = rng.choice(_NEGATIVES)
            yield LabeledText(text if spoken else text.capitalize() + ".", (), style)
            continue
        parts: list[str] = []
        spans: list[LabeledSpan] = []
        length = 0
        for piece in rng.choice(_TEMPLATES):
            if piece.isupper():
                value = _value(piece, rng, spoken)
                spans.append(LabeledSpan(length, length + len(value), piece))
            else:
                value = piece
            parts.append(value)
            length += len(value)
        text = "".join(parts)
        if not spoken:
            text = text[0].upper() + text[1:] + "."
        yield LabeledText(text, tuple(spans), style)


def sample_table(rows: int, *, seed: int = 0) -> pa.Table:
    """A pyarrow Table that looks like a transcript dataset: ids, timings, tags, some null rows."""
    import datetime as dt

    import pyarrow as pa

    rng = random.Random(seed + 1)
    utterances = list(generate(rows, seed=seed))
    transcripts: list[str | None] = [item.text for item in utterances]
    for index in range(0, rows, 17):
        transcripts[index] = None if index % 2 == 0 else ""
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    schema = pa.schema(
        [
            pa.field("utterance_id", pa.string(), nullable=False),
            pa.field("session_id", pa.string()),
            pa.field("turn", pa.int32()),
            pa.field("started_at", pa.timestamp("ms", tz="UTC")),
            pa.field("duration_s", pa.float64()),
            pa.field("style", pa.dictionary(pa.int8(), pa.string())),
            pa.field("tags", pa.list_(pa.string())),
            pa.field("transcript", pa.string()),
        ],
        metadata={"source": "redactkit synthetic sample", "generator_seed": str(seed)},
    )
    return pa.table(
        {
            "utterance_id": [f"utt-{index:06d}" for index in range(rows)],
            "session_id": [f"session-{index // 4:05d}" for index in range(rows)],
            "turn": [index % 4 for index in range(rows)],
            "started_at": [start + dt.timedelta(seconds=7 * index) for index in range(rows)],
            "duration_s": [round(rng.uniform(0.8, 9.5), 2) for _ in range(rows)],
            "style": [item.style for item in utterances],
            "tags": [["synthetic", item.style] for item in utterances],
            "transcript": transcripts,
        },
        schema=schema,
    )
