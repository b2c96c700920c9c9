"""Place names in lowercase speech: cities, countries, states, continents (GeoNames), with cues.

A multi-word match wins over a shorter one ("new york" over "york"). A place name that is also a
common word or a person's name ("reading", "nice", "paris") needs a cue before it ("in", "to", "near",
"weather in"); other names count anywhere. A US state code after a place joins it ("orlando fl").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    COUNTRY_ALIASES,
    common_words,
    family_names,
    fold,
    given_names,
    is_everyday_word,
    place_names,
    spoken_variants,
    zipf_frequency,
)
from ..lang import Token, get_lexicon, token_index_at, tokenize
from .base import Detector, detectors

__all__ = ["PlaceDetector"]

# Words before a place name that is also a common word or a person's name ("weather in nice").
_CUES = frozenset(
    "in from near around visit visiting towards toward into via outside across weather flights flight "
    "trip travel fly moving live lives living born city town".split()
)
# Kinds of place: "the airport", "canal street", "regal cinema", "my sister's house". With a cue before
# them they are where someone is or goes, which locates a person.
_VENUES = frozenset(
    "airport station terminal library cinema cinemas theater theaters theatre theatres mall museum park "
    "hospital clinic school university college campus gym stadium arena restaurant cafe bar pub hotel motel "
    "church mosque temple synagogue zoo beach market supermarket pharmacy store shop bakery salon office "
    "home house apartment flat place venue center centre plaza square street avenue road lane boulevard "
    "bridge lake river mountain island harbor harbour port pier garden gardens world city town village "
    "downtown uptown neighborhood neighbourhood county district state apt hometown".split()
)
_DETERMINERS = frozenset("the my our your his her their a this that".split())
# Venue words that name a part of town on their own ("dinner downtown").
_STANDALONE_VENUES = frozenset("downtown uptown midtown hometown".split())
_VENUE_CUES = frozenset(
    "to at from near nearest towards toward around in into by outside inside visit visiting reach leave "
    "enter explore".split()
)
_DIRECTIONS = frozenset(
    "north south east west central northern southern eastern western upper lower greater".split()
)
_SEASONS_AND_TIMES = frozenset(
    "spring summer autumn fall winter morning evening night noon midnight today tomorrow weekend".split()
)
_STATE_CODES = frozenset(
    "al ak az ar ca co ct de fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj nm ny nc nd "
    "oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy dc".split()
)
_MAX_WORDS = 6
# Phrases after which a town is named even when the gazetteer does not know it ("grew up in kalmby").
_TOWN_CUES = re.compile(
    r"\b(?:(?:live|lives|lived|living|grew\s+up|born|raised|based|stationed|settled|staying)\s+in|"
    r"(?:moved|moving|relocated|came)(?:\s+here)?\s+(?:from|to)|"
    r"(?:i'm|i\s+am|we're|we\s+are|he's|she's|they're)\s+(?:now\s+)?in|"
    r"arrived\s+(?:in|at)|"
    r"(?:weather|sunny|raining|snowing|temperature|forecast|windy|cloudy|humid|time)\s+(?:is\s+it\s+)?in|"
    r"(?:go|going|get|getting|drive|driving|train|trains|ticket|tickets|flight|flights|bus|directions|"
    r"route|travel|traveling|travelling|fly|flying|trip|commute|taxi|cab)\s+to|"
    r"home\s+(?:city|town)|hometown(?:\s+is)?|(?:city|town|village)\s+of|"
    r"(?:street|road|avenue|lane|drive|boulevard)\s+in)\s+",
    re.IGNORECASE,
)


# A word after a town cue that the gazetteer does not list must be rarer than this (Zipf scale) to be
# taken for a town: "go to youtube", "get to prioritize" are not places.
_UNLISTED_TOWN_ZIPF = 3.0

# Everyday names of countries that GeoNames lists under their official names.
_ALIAS_PHRASES = COUNTRY_ALIASES


@detectors.register("places")
class PlaceDetector(Detector):
    """LOCATION names from the GeoNames gazetteer (see module docs)."""

    emits = ("LOCATION",)

    def __init__(
        self,
        locale: str = "en-US",
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.7,
        ambiguous_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.55,
        venues: bool = True,
        venue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.45,
    ) -> None:
        #: word tables of the normalizers (stopwords)
        self.locale = locale
        #: score of an unambiguous place name
        self.score = score
        #: score of a place name that is also a common word or a person's name, confirmed by a cue
        self.ambiguous_score = ambiguous_score
        #: also report kinds of place after a cue ("to the airport", "at regal cinema", "my house")
        self.venues = venues
        #: score of such a venue (low: per-label thresholds can drop them)
        self.venue_score = venue_score
        lexicon = get_lexicon(locale)
        self._blocked = (
            lexicon.stopwords | lexicon.months | lexicon.fillers | set(lexicon.digits) | _SEASONS_AND_TIMES
        )

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        places = _places()
        ambiguous = common_words() | given_names() | family_names()
        return [self._detect_one(aligned.text, places, ambiguous) for aligned in texts]

    def _detect_one(self, text: str, places: frozenset[str], ambiguous: frozenset[str]) -> list[Entity]:
        tokens = tokenize(text)
        entities: list[Entity] = []
        i = 0
        while i < len(tokens):
            match = self._longest(tokens, i, places)
            if match == 0:
                i += 1
                continue
            words = [_folded(t.lower) for t in tokens[i : i + match]]
            phrase = " ".join(words)
            stop = i + match
            j = i - 1 if i > 0 and tokens[i - 1].lower in _DIRECTIONS else i
            cue = j > 0 and tokens[j - 1].lower in _CUES
            short = len(phrase) < 4 and phrase not in _ALIAS_PHRASES
            if match == 1 and (phrase in ambiguous or phrase in self._blocked or short):
                if not cue or phrase in self._blocked:
                    i += 1
                    continue
                score, why = self.ambiguous_score, "place name that is also a common word, after a cue"
            else:
                score, why = self.score, "place name in the GeoNames gazetteer"
            if stop < len(tokens) and tokens[stop].lower in _STATE_CODES and tokens[stop].lower.isalpha():
                stop += 1
            first = i - 1 if i > 0 and tokens[i - 1].lower in _DIRECTIONS else i  # "south austin"
            entities.append(
                Entity(tokens[first].start, tokens[stop - 1].end, "LOCATION", score, self.name, why)
            )
            i = stop
        entities.extend(self._cued_towns(text, tokens, ambiguous, places))
        if self.venues:
            entities.extend(self._venues(tokens))
        return entities

    def _cued_towns(
        self, text: str, tokens: Sequence[Token], ambiguous: frozenset[str], places: frozenset[str]
    ) -> list[Entity]:
        """A town the gazetteer lacks, after a phrase that names where someone lives, is or goes
        ("grew up in kalmby", "i'm in vester hald at the conference"). Up to four words that end in one
        no dictionary lists; everyday words ("i'm in love", "lives in poverty") do not count."""
        if not _TOWN_CUES.search(text):
            return []
        found: list[Entity] = []
        for match in _TOWN_CUES.finditer(text):
            first = token_index_at(tokens, match.end())
            if first == len(tokens):
                continue
            last = None
            for k in range(first, min(first + 4, len(tokens))):
                word = tokens[k].lower
                if not word.isalpha() or word in self._blocked or word in _CUE_STOP:
                    break
                if not is_everyday_word(word) and (
                    _folded(word) in places or zipf_frequency(word) < _UNLISTED_TOWN_ZIPF
                ):
                    last = k
            if last is not None:
                found.append(
                    Entity(
                        tokens[first].start,
                        tokens[last].end,
                        "LOCATION",
                        self.ambiguous_score,
                        self.name,
                        "town name after a cue",
                    )
                )
        return found

    def _venues(self, tokens: Sequence[Token]) -> list[Entity]:
        found: list[Entity] = []
        for i, token in enumerate(tokens):
            if token.lower not in _VENUES:
                continue
            # the name in front of it: "regal cinema", "canal street", "jack's place", "sisters house"
            first = i
            while first > 0 and i - first < 3 and token.lower not in _STANDALONE_VENUES:
                word = tokens[first - 1].lower
                if word in self._blocked or word in _VENUE_CUES or not word.replace("'", "").isalpha():
                    break
                first -= 1
            cue_at = first - 1
            while cue_at >= 0 and tokens[cue_at].lower in _DETERMINERS:
                cue_at -= 1
            where_is = cue_at >= 1 and tokens[cue_at].lower == "is" and tokens[cue_at - 1].lower == "where"
            standalone = token.lower in _STANDALONE_VENUES
            if not standalone and not where_is and (cue_at < 0 or tokens[cue_at].lower not in _VENUE_CUES):
                continue
            last = i
            # "the mall of america": "of" and a name after the venue belong to it
            if (
                i + 2 < len(tokens)
                and tokens[i + 1].lower == "of"
                and tokens[i + 2].lower.isalpha()
                and tokens[i + 2].lower not in self._blocked
            ):
                last = i + 2
            found.append(
                Entity(
                    tokens[first].start,
                    tokens[last].end,
                    "LOCATION",
                    self.venue_score,
                    self.name,
                    "place after a cue",
                )
            )
        return found

    @staticmethod
    def _longest(tokens: Sequence[Token], i: int, places: frozenset[str]) -> int:
        if not tokens[i].lower.isalpha() or _folded(tokens[i].lower) not in _first_words(places):
            return 0
        for length in range(min(_MAX_WORDS, len(tokens) - i), 0, -1):
            if not all(t.lower.isalpha() for t in tokens[i : i + length]):
                continue
            if " ".join(_folded(t.lower) for t in tokens[i : i + length]) in places:
                return length
        return 0


# Words that end a cued town name: the rest of the sentence.
_CUE_STOP = frozenset(
    "and or but at for with which who where when this that these those last next since until as has have "
    "had is are was were will would can could should do does did been being not also still".split()
)


@cache
def _places() -> frozenset[str]:
    return spoken_variants(place_names() | _ALIAS_PHRASES)


@cache
def _first_words(places: frozenset[str]) -> frozenset[str]:
    """The first word of every place name: most words start none, and one lookup says so."""
    return frozenset(place.split(" ", 1)[0] for place in places)


@lru_cache(maxsize=65536)
def _folded(word: str) -> str:
    """Accents folded ("reykjavík" -> "reykjavik"), as in the gazetteer."""
    return fold(word) if not word.isascii() else word
