"""Every way a dictated code can be read as characters, and the reading its checksum accepts.

A recognizer writes "twenty three" for "23" and for "20 3" alike, "five hundred twelve" for "512" and
for "500 12", "seventy" for "70" and for the "7" of "7 1mf"; a spelled "oh" is the letter o or a zero.
The number normalizer reads one way. A value with a checksum (an IBAN's mod 97, a card's Luhn digit)
tells which reading was meant: the words become a *lattice* (item ``i`` to item ``j`` can be read as
this text), and a dynamic programme walks it keeping, per item, only what the checksum needs of the
text so far (an IBAN: its first four characters, the rest's value mod 97 and the length). The states
per item are bounded by the checksum, not by the number of readings, so the search is linear in the
number of words. Every reading tried is a chance for a code that is no IBAN to pass mod 97 (1 in 97),
so a reading may leave the normalizer's (greedy) one at a bounded number of steps only.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from functools import lru_cache
from typing import NamedTuple

from stdnum import numdb

from ..lang import Lexicon

__all__ = ["Item", "greedy_readings", "iban_length", "iban_readings", "lattice", "reading_words"]

#: the longest IBAN of any country
_IBAN_MAX = 34
#: one part of a country's account layout in the registry: "8!n", "4!a"
_LAYOUT_PART = re.compile(r"([1-9][0-9]*)!([nac])")


class Item(NamedTuple):
    """One step of a dictated code: a spoken word, or one character of a written token."""

    text: str
    char: bool


#: edges of a lattice: for each item, (the item after the reading, the characters it reads)
Edges = list[list[tuple[int, str]]]


def reading_words(words: Sequence[str], lexicon: Lexicon) -> bool:
    """Every word is one :func:`lattice` reads as a spoken number word (or a filler inside one)."""
    return all(_number_word(word, lexicon) for word in words)


def _number_word(word: str, lexicon: Lexicon) -> bool:
    return (
        word in lexicon.digits
        or word in lexicon.zero_aliases
        or word in lexicon.teens
        or word in lexicon.tens
        or word in lexicon.repeats
        or word in lexicon.hundred
        or word in lexicon.number_and
        or word in lexicon.fillers
        or word == "-"
    )


def lattice(items: Sequence[Item], lexicon: Lexicon) -> Edges:
    """The readings of ``items``: a written character is itself (an "o" also a zero, a "0" also the
    letter); a digit word its digit; a teen its two digits; a tens word "70", or with a digit word
    after it "73", or "7" before a written digit ("seventy 3ab": the recognizer wrote the digit);
    "double"/"triple" the repeated digit; "five hundred" "500", with a number below a hundred after
    it "512" or "503"; a filler nothing. A word read no way ends every reading through it."""
    edges: Edges = [[] for _ in items]
    count = len(items)

    def word_at(k: int) -> str | None:
        return items[k].text if k < count and not items[k].char else None

    def below_hundred(k: int) -> list[tuple[int, str]]:
        word = word_at(k)
        if word is None:
            return []
        if word in lexicon.teens:
            return [(k + 1, str(lexicon.teens[word]))]
        if word in lexicon.digits and lexicon.digits[word] >= 1:
            return [(k + 1, f"0{lexicon.digits[word]}")]
        if word in lexicon.tens:
            tens = lexicon.tens[word]
            found = [(k + 1, str(tens))]
            following = word_at(k + 1)
            if following in lexicon.digits and lexicon.digits[following] >= 1:
                found.append((k + 2, str(tens + lexicon.digits[following])))
            return found
        return []

    for i, item in enumerate(items):
        word = item.text
        out = edges[i]
        if item.char:
            out.append((i + 1, word))
            if word == "o":
                out.append((i + 1, "0"))
            elif word == "0":
                out.append((i + 1, "o"))
            continue
        following = word_at(i + 1)
        after_char = items[i + 1].text if i + 1 < count and items[i + 1].char else ""
        if word in lexicon.fillers or word == "-":
            out.append((i + 1, ""))
        elif word in lexicon.zero_aliases:
            out.append((i + 1, "0"))
        elif word in lexicon.tens:
            tens = lexicon.tens[word]
            if after_char.isdigit() and after_char != "0":
                out.append((i + 1, str(tens // 10)))  # first: the greedy reading ("forty 1mf": "41mf")
            out.append((i + 1, str(tens)))
            if following in lexicon.digits and lexicon.digits[following] >= 1:
                out.append((i + 2, str(tens + lexicon.digits[following])))
        elif word in lexicon.repeats:
            times = lexicon.repeats[word]
            if following in lexicon.digits or following in lexicon.zero_aliases:
                out.append((i + 2, str(lexicon.digits.get(following or "", 0)) * times))
            elif after_char.isdigit():
                out.append((i + 1, after_char * (times - 1)))
        elif word in lexicon.digits or word in lexicon.teens:
            value = lexicon.digits[word] if word in lexicon.digits else lexicon.teens[word]
            out.append((i + 1, str(value)))
            if value >= 1 and following in lexicon.hundred:
                out.append((i + 2, f"{value}00"))
                rest = i + 2
                if word_at(rest) in lexicon.number_and:
                    rest += 1
                out.extend((stop, f"{value}{tail}") for stop, tail in below_hundred(rest))
    return edges


@lru_cache(maxsize=128)
def iban_length(country: str) -> int | None:
    """How many characters an IBAN of ``country`` (two lowercase letters) has, or None: no IBAN
    country in python-stdnum's registry."""
    if len(country) != 2 or not country.isalpha():
        return None
    info = numdb.get("iban").info(country.upper())
    if not info or "bban" not in info[0][1]:
        return None
    return 4 + sum(int(count) for count, _ in _LAYOUT_PART.findall(str(info[0][1]["bban"])))


class _State(NamedTuple):
    head: str  # the first four characters (country code and check digits)
    mod: int  # the characters after them, as the IBAN check reads them, mod 97
    length: int
    departures: int  # steps read another way than the normalizer's (greedy) reading


def _feed(state: _State, text: str, departures: int) -> _State | None:
    head, mod, length, _ = state
    for char in text:
        if length < 4:
            head += char
        elif char.isdigit():
            mod = (mod * 10 + int(char)) % 97
        else:
            mod = (mod * 100 + ord(char) - 87) % 97
        length += 1
    if length > _IBAN_MAX:
        return None
    if length >= 2:
        limit = iban_length(head[:2])
        if limit is None or length > limit:
            return None
    return _State(head, mod, length, departures)


def _checks(state: _State) -> bool:
    if state.length != iban_length(state.head[:2]):
        return False
    mod = state.mod  # the IBAN check reads the first four characters last
    for char in state.head:
        mod = (mod * 10 + int(char)) % 97 if char.isdigit() else (mod * 100 + ord(char) - 87) % 97
    return mod == 1


def iban_readings(edges: Edges, ends: Collection[int], departures: int) -> Iterator[tuple[str, int]]:
    """The readings of the lattice from item 0 to one of the items ``ends`` that have an IBAN's
    length for their country and a valid mod-97 checksum, each with the end it reaches (one reading
    per final state). A reading takes at most ``departures`` steps another way than the greedy one
    (the normalizer's: "twenty one" is "21"): each reading tried is one more chance that a code
    that is no IBAN passes mod 97 (1 in 97), so the readings tried must stay few. The caller still
    checks the country's layout (letters and digits where they belong)."""
    count = len(edges)
    greedy = [max(range(len(out)), key=lambda k: out[k][0]) if out else -1 for out in edges]
    back: list[dict[_State, tuple[int, _State | None, str]]] = [{} for _ in range(count + 1)]
    back[0][_State("", 0, 0, 0)] = (-1, None, "")
    found: list[tuple[int, _State]] = []
    for i in range(count + 1):
        if i in ends:
            found.extend((i, state) for state in back[i] if _checks(state))
        if i == count:
            break
        for state in back[i]:
            for k, (stop, text) in enumerate(edges[i]):
                taken = state.departures + (k != greedy[i])
                following = _feed(state, text, taken) if taken <= departures else None
                if following is not None and following not in back[stop]:
                    back[stop][following] = (i, state, text)
    for end, state in found:
        texts: list[str] = []
        node, current = end, state
        while node > 0:
            previous, before, text = back[node][current]
            texts.append(text)
            if before is None:
                break
            node, current = previous, before
        yield "".join(reversed(texts)), end


def greedy_readings(edges: Edges, ends: Collection[int]) -> Iterator[tuple[str, int]]:
    """The reading that joins the most words at each step (the normalizer's way: "twenty three" is
    "23"), up to each of the items ``ends`` it reaches."""
    texts: list[str] = []
    node = 0
    while True:
        if node in ends:
            yield "".join(texts), node
        if node >= len(edges) or not edges[node]:
            return
        stop, text = max(edges[node], key=lambda edge: edge[0])
        texts.append(text)
        node = stop
