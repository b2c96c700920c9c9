"""Numbers, letters and symbols the way people say them to a recognizer.

Every function takes the generator's ``random.Random`` and returns words (lowercase, single spaces).
Digit strings are read in one of several *styles*, chosen by weight per call, because callers mix
them: one by one ("five five five"), with "oh" for zero, with "double"/"triple" for repeats, in
pairs ("fifty five twelve"), and in hundreds ("five hundred", "twelve hundred").
"""

from __future__ import annotations

import random

from ..lang import get_lexicon

__all__ = [
    "MONTHS",
    "ORDINALS",
    "digit_word",
    "number_words",
    "ordinal_words",
    "say_digits",
    "say_year",
    "spell",
]

# the locale's number words (redactkit/lang/en-US/numbers.yaml), not a copy
_NAMES = get_lexicon("en-US").number_names
ONES, TEENS, TENS = _NAMES.ones, _NAMES.teens, _NAMES.tens
MONTHS = "january february march april may june july august september october november december".split()
ORDINALS = tuple(_NAMES.ordinals[value] for value in range(21))
_TENS_ORDINAL = {tens: _NAMES.ordinals[tens * 10] for tens in range(2, 10)}

#: Digit-reading styles and their weights (callers in call-centre recordings mostly read one by one).
STYLES: dict[str, float] = {"plain": 3.0, "oh": 3.0, "double": 1.5, "pairs": 1.5, "hundreds": 0.6}

#: Spelling alphabets callers use for "as in": NATO and the everyday "b as in boy" kind.
_NATO = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
        "quebec romeo sierra tango uniform victor whiskey x-ray yankee zulu".split(),
        strict=True,
    )
)
_EVERYDAY = dict(
    zip(
        "abcdefghijklmnopqrstuvwxyz",
        "apple boy cat david edward frank george harry ice john king larry mary nancy ocean peter queen "
        "robert sam tom umbrella victor william x-ray yellow zebra".split(),
        strict=True,
    )
)


def digit_word(digit: str, zero: str = "zero") -> str:
    return zero if digit == "0" else ONES[int(digit)]


def number_words(value: int, *, and_: bool = False) -> str:
    """0..999_999 as words: ``number_words(105)`` is "one hundred five" ("one hundred and five")."""
    return _NAMES.say(value, and_=and_)


def ordinal_words(value: int) -> str:
    """1..31 as an ordinal: "first", "twenty third", "thirtieth"."""
    if value <= 20:
        return ORDINALS[value]
    tens, ones = divmod(value, 10)
    if ones == 0:
        return _TENS_ORDINAL[tens]
    return f"{TENS[tens]} {ORDINALS[ones]}"


def _pair(two: str, zero: str) -> str:
    """Two digits as one number: "55" -> "fifty five", "05" -> "oh five", "10" -> "ten"."""
    if two[0] == "0":
        return f"{zero} {ONES[int(two[1])]}"
    return number_words(int(two))


def say_digits(digits: str, rng: random.Random, style: str | None = None) -> str:
    """Read a digit string aloud in one style (drawn by :data:`STYLES` weight when not given)."""
    if style is None:
        style = rng.choices(list(STYLES), weights=list(STYLES.values()))[0]
    zero = "oh" if style in ("oh", "double", "pairs", "hundreds") and rng.random() < 0.85 else "zero"
    if style == "pairs" and len(digits) >= 2:
        words: list[str] = []
        index = 0
        if len(digits) % 2 == 1:  # an odd length starts with one digit: "five fifty five"
            words.append(digit_word(digits[0], zero))
            index = 1
        while index < len(digits):
            words.append(_pair(digits[index : index + 2], zero))
            index += 2
        return " ".join(words)
    if style == "hundreds" and len(digits) in (3, 4) and digits[0] != "0" and digits[-2:] == "00":
        head = digits[:-2]
        return f"{number_words(int(head))} hundred"
    if style == "hundreds" and len(digits) == 3 and digits[0] != "0":
        rest = digits[1:]
        tail = _pair(rest, zero) if rest != "00" else "hundred"
        return f"{ONES[int(digits[0])]} {tail}"  # "two fifty", "four oh five"
    if style == "double":
        words = []
        index = 0
        while index < len(digits):
            run = 1
            while index + run < len(digits) and digits[index + run] == digits[index] and run < 3:
                run += 1
            word = digit_word(digits[index], zero)
            if run == 3 and rng.random() < 0.8:
                words.append(f"triple {word}")
            elif run >= 2:
                words.append(f"double {word}")
                run = 2
            else:
                words.append(word)
            index += run
        return " ".join(words)
    return " ".join(digit_word(d, zero) for d in digits)


def say_year(year: int, rng: random.Random) -> str:
    """A year: "nineteen eighty five", "eighty five", "two thousand three", "twenty oh three"."""
    short = rng.random() < 0.2
    high, low = divmod(year, 100)
    if short and year < 2000:
        return _pair(f"{low:02d}", "oh")
    if 2000 <= year < 2010:
        choice = rng.random()
        if year == 2000:
            return "two thousand"
        if choice < 0.5:
            return f"two thousand {ONES[low]}"
        if choice < 0.75:
            return f"two thousand and {ONES[low]}"
        return f"twenty oh {ONES[low]}"
    if low == 0:
        return f"{number_words(high)} hundred"
    tail = number_words(low) if low >= 10 else f"oh {ONES[low]}"
    if year >= 2010 and rng.random() < 0.3:
        return f"two thousand {'and ' if rng.random() < 0.4 else ''}{number_words(low)}"
    return f"{number_words(high)} {tail}"


def spell(word: str, rng: random.Random, *, as_in: float = 0.0) -> str:
    """Letters one by one ("j o h n"); with probability ``as_in`` per letter "j as in juliet"."""
    out: list[str] = []
    for char in word:
        if char.isdigit():
            out.append(digit_word(char, "oh" if rng.random() < 0.5 else "zero"))
        elif char.isalpha() and rng.random() < as_in:
            table = _NATO if rng.random() < 0.5 else _EVERYDAY
            out.append(f"{char} {'as in' if rng.random() < 0.8 else 'for'} {table[char]}")
        elif char.isalpha():
            out.append(char)
    return " ".join(out)
