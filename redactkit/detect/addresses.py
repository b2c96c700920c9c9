"""Street addresses as spoken: "one twenty three main street apartment four b springfield".

After the normalizers, house and unit numbers are digits ("123 main street apartment 4b"). An address
is found from an *anchor*, then grown word by word:

- anchors: a street-type word ("street", "avenue", "road", "strasse", "rue", "gasse"…), a word ending
  in a street suffix ("hauptstrasse", "kirkegade"), a unit ("apt 12", "suite 400"), a PO box, or a
  cue that introduces an address ("i live at", "ship it to", "my address is") followed by a number;
- to the left: the street name (up to four words that are not function words) and the house number;
- to the right: house numbers, units, place names from the gazetteer, US state codes, country names
  and a postal code, until a function word or a verb ends it.

The whole stretch is one ADDRESS entity: a redacted street without its city and postcode still lets an
annotator find the house.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import place_names
from ..normalize._lexicon import get_lexicon
from ..normalize._tokens import Token, tokenize
from .base import Detector, detectors

__all__ = ["AddressDetector"]

_STREET_TYPES = frozenset(
    "street st road rd avenue ave av lane ln drive dr boulevard blvd way court ct place pl square sq terrace "
    "highway hwy parkway pkwy circle cir plaza alley route rte crescent close row walk grove gardens hill "
    "trail loop pike expressway freeway broadway gasse strasse strase str weg platz allee ring damm ufer "
    "rue avenida calle camino via viale piazza corso rua travessa largo vej gade plads alle vagen vag gatan "
    "gata katu tie kuja ulica ul utca straat laan plein singel gracht kade".split()
)
_STREET_SUFFIXES = (
    "strasse", "strase", "gasse", "weg", "platz", "allee", "gade", "vej", "plads", "gatan", "vagen", "katu",
    "straat", "laan", "singel", "gracht", "street", "road", "avenue",
)  # fmt: skip
# Street types that come before the name in many languages ("via santa teresa 71", "rue de la paix 3").
_PREFIX_TYPES = frozenset(
    "via rue rua calle avenida viale piazza corso travessa largo avenue ulica ul".split()
)
_DIRECTIONS = frozenset(
    "n s e w ne nw se sw north south east west northeast northwest southeast southwest".split()
)
_STATE_CODES = frozenset(
    "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd "
    "oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc".split()
)
_UNITS = frozenset("apt apartment suite ste unit flat floor fl room rm building bldg block lot".split())
_BOX = frozenset({"po", "p.o.", "postbox", "pobox"})
_CUES = (
    re.compile(
        r"\b(?:(?:i|we|he|she|they)\s+(?:live|lives|lived|stay|stays)\s+(?:at|on|in)|address(?:\s+is)?|"
        r"ship(?:ped)?\s+(?:it\s+)?to|send\s+(?:it|this|them)\s+to|deliver(?:ed)?\s+(?:it\s+)?to|mail\s+(?:it\s+)?to|"
        r"located\s+at|is\s+at|moved\s+to|pick\s+(?:me\s+)?up\s+(?:at|from)|drop\s+(?:me\s+)?off\s+at|"
        r"come\s+to|meet\s+(?:me\s+)?at|corner\s+of)\s+",
        re.IGNORECASE,
    ),
)
_GROW_STOP = frozenset(
    "and but so because if then please thanks thank is are was were will would can could should to for from "
    "with by about on at in the a an my your his her our their this that these those it i you he she we "
    "they me him us them when where what who how why which tomorrow today tonight yesterday last next "
    "office fax mobile phone tel email".split()
)


@detectors.register("addresses")
class AddressDetector(Detector):
    """ADDRESS entities grown from street, unit and cue anchors (see module docs)."""

    def __init__(
        self,
        locale: str = "en-US",
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        max_words: Annotated[int, Field(ge=2, le=40)] = 16,
    ) -> None:
        #: word tables of the normalizers
        self.locale = locale
        #: score of every address
        self.score = score
        #: longest address in words
        self.max_words = max_words
        self._lexicon = get_lexicon(locale)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        places = place_names()
        return [self._detect_one(aligned.text, places) for aligned in texts]

    def _detect_one(self, text: str, places: frozenset[str]) -> list[Entity]:
        tokens = tokenize(text)
        if not tokens:
            return []
        anchors = self._anchors(text, tokens)
        spans: list[tuple[int, int]] = []
        for first, last in anchors:
            first = self._grow_left(tokens, first, tokens[first].lower in _STREET_TYPES)
            last = self._grow_right(tokens, last, places)
            if last - first + 1 > self.max_words:
                last = first + self.max_words - 1
            if spans and first <= spans[-1][1] + 1:
                spans[-1] = (spans[-1][0], max(spans[-1][1], last))
            else:
                spans.append((first, last))
        return [
            Entity(tokens[a].start, tokens[b].end, "ADDRESS", self.score, self.name, "street address")
            for a, b in spans
            if any(self._is_number(tokens[k].lower) for k in range(a, b + 1))  # "the quickest way" is none
        ]

    def _anchors(self, text: str, tokens: Sequence[Token]) -> list[tuple[int, int]]:
        anchors: list[tuple[int, int]] = []
        for i, token in enumerate(tokens):
            word = token.lower
            street = word in _STREET_TYPES and i > 0 and _is_part(tokens[i - 1].lower)
            prefix = word in _PREFIX_TYPES and self._number_within(tokens, i + 1, 6)
            suffixed = len(word) > 6 and word.endswith(_STREET_SUFFIXES) and word.isalpha()
            if street or prefix or suffixed:
                anchors.append((i, i))
            elif word in _UNITS and i + 1 < len(tokens) and self._is_number(tokens[i + 1].lower):
                anchors.append((i, i + 1))
            elif (
                word in _BOX
                and i + 2 < len(tokens)
                and tokens[i + 1].lower == "box"
                and _has_digit(tokens[i + 2].lower)
            ):
                anchors.append((i, i + 2))
        for pattern in _CUES:
            for match in pattern.finditer(text):
                index = next((k for k, t in enumerate(tokens) if t.start >= match.end()), None)
                if index is not None and _has_digit(tokens[index].lower) and not _dotted(tokens, index):
                    anchors.append((index, index))
        return sorted(set(anchors))

    def _grow_left(self, tokens: Sequence[Token], first: int, street_anchor: bool) -> int:
        """Take the street name and house number: "95 96 hexham [road]", "90 hofdabraut 30 [suite]"."""
        digits = words = 0
        leftmost_digit = None
        leftmost_word = first
        i = first - 1
        while i >= 0:
            word = tokens[i].lower
            if word in _GROW_STOP or word in self._lexicon.fillers:
                break
            if self._is_number(word):
                if digits == 2:
                    break
                digits += 1
                leftmost_digit = i
            elif word.isalpha() and words < 4:
                words += 1
                if leftmost_digit is None:
                    leftmost_word = i
            else:
                break
            i -= 1
        if leftmost_digit is not None:
            return leftmost_digit
        return leftmost_word if street_anchor else first

    def _grow_right(self, tokens: Sequence[Token], last: int, places: frozenset[str]) -> int:
        i = last + 1
        while i < len(tokens) and i - last <= self.max_words:
            word = tokens[i].lower
            if word in {",", "-", "#"}:
                i += 1
                continue
            if word in _UNITS and i + 1 < len(tokens) and self._is_number(tokens[i + 1].lower):
                last = i + 1
                i += 2
                if i < len(tokens) and len(tokens[i].lower) == 1 and tokens[i].lower.isalpha():
                    last = i  # "apartment seven c"
                    i += 1
                continue
            if (word in _BOX or word == "box") and i + 1 < len(tokens):
                last = i
                i += 1
                continue
            if (
                _has_digit(word)
                or word in _STREET_TYPES
                or word in _DIRECTIONS
                or word in _STATE_CODES
                or (len(word) == 1 and word.isalpha())
            ):
                last = i
                i += 1
                continue
            if word in _GROW_STOP or not word.isalpha() or word in self._lexicon.fillers:
                break
            length = _place_length(tokens, i, places)
            if length:  # a city, state or country (multi-word first)
                last = i + length - 1
                i += length
                continue
            # up to three unknown words (a street or town name) when a number, a street type or a
            # place follows them ("arpad fejedelem utja 3", "haldenstein nan 37659")
            ahead = self._words_before_anchor(tokens, i, places)
            if ahead:
                last = i + ahead - 1
                i += ahead
                continue
            break
        return last

    def _is_number(self, word: str) -> bool:
        lex = self._lexicon
        return _has_digit(word) or word in lex.digits or word in lex.teens or word in lex.tens

    @staticmethod
    def _number_within(tokens: Sequence[Token], start: int, count: int) -> bool:
        for k in range(start, min(start + count, len(tokens))):
            word = tokens[k].lower
            if _has_digit(word):
                return True
            if word in _GROW_STOP and word not in {"de", "la", "di", "da", "do", "del", "degli", "della"}:
                return False
        return False

    def _words_before_anchor(self, tokens: Sequence[Token], i: int, places: frozenset[str]) -> int:
        for count in range(1, 4):
            j = i + count
            if j > len(tokens) or any(
                not tokens[k].lower.isalpha() or tokens[k].lower in _GROW_STOP for k in range(i, j)
            ):
                return 0
            if j < len(tokens):
                nxt = tokens[j].lower
                if (
                    _has_digit(nxt)
                    or nxt in _STREET_TYPES
                    or nxt in _UNITS
                    or _place_length(tokens, j, places)
                ):
                    return count
        return 0


def _dotted(tokens: Sequence[Token], index: int) -> bool:
    """A number followed by ".5" or ":30": an IP address, a decimal or a time, not a house number."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].lower in {".", ":", "/", "-"}
        and tokens[index + 1].start == tokens[index].end
        and _has_digit(tokens[index + 2].lower)
    )


def _is_part(word: str) -> bool:
    return (word.isalpha() and word not in _GROW_STOP) or _has_digit(word)


def _has_digit(word: str) -> bool:
    return any(ch.isdigit() for ch in word)


def _place_length(tokens: Sequence[Token], i: int, places: frozenset[str]) -> int:
    for length in range(min(4, len(tokens) - i), 0, -1):
        if " ".join(t.lower for t in tokens[i : i + length]) in places:
            return length
    return 0
