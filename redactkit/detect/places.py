"""Place names in lowercase speech: cities, countries, states, continents (GeoNames), with cues.

A multi-word match wins over a shorter one ("new york" over "york"). A place name that is also a
common word or a person's name ("reading", "nice", "paris") needs a cue before it ("in", "to", "near",
"weather in"); other names count anywhere. A US state code after a place joins it ("orlando fl"), and so
does a word that names a part of it ("denver heights", "orange county").
Towns of 500 to 15,000 people and the regions of every country ("tonasket", "big timber", "punjab")
count only after a cue, and a
one-word town that is also a common word or a person's name ("sisters", "grove") never does: there
are too many of them to tell from the word alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    common_words,
    family_names,
    fold_word,
    given_names,
    is_everyday_word,
    place_names,
    spoken_variants,
    town_names,
    zipf_frequency,
)
from ..lang import Token, get_lexicon, load_locale
from ..lang.fuzzy import within_edits
from ..lang.phrases import PhraseTable, grow_left, grow_right
from ..lang.tables import load_tables
from ..lang.tokens import Tokens
from ..lang.words import zipf_cutoffs
from ._phrase_keys import key_words, may_hold, values_after_keyed
from .base import Detector, detectors
from .names import MisheardGuard

__all__ = [
    "PlaceDetector",
    "PlaceWords",
    "answers_as_place",
    "gazetteer_place_length",
    "has_place_head",
    "names_an_airline",
]

_MAX_WORDS = 6


@dataclass(frozen=True)
class PlaceWords:
    """The word tables of the place detector: ``redactkit/lang/<locale>/places.yaml`` (each field is
    documented there)."""

    cues: frozenset[str]
    directions: frozenset[str]
    suffixes: frozenset[str]
    state_codes: frozenset[str]
    state_names: PhraseTable[tuple[str, ...]]
    country_aliases: frozenset[str]
    with_article: frozenset[str]
    not_places: frozenset[str]
    venues: frozenset[str]
    possessive_generics: frozenset[str]
    possessive_enders: frozenset[str]
    possessive_idioms: frozenset[str]
    standalone_venues: frozenset[str]
    named_venues: frozenset[str]
    venue_kinds: frozenset[str]
    venue_idioms: frozenset[str]
    venue_cues: frozenset[str]
    determiners: frozenset[str]
    town_cue_stop: frozenset[str]
    town_cues: PhraseTable[tuple[str, ...]]
    town_after: frozenset[str]
    travel_cues: PhraseTable[tuple[str, ...]]
    travel_enders: frozenset[str]
    area_kinds: PhraseTable[tuple[str, ...]]
    area_kinds_before: PhraseTable[tuple[str, ...]]
    area_kinds_everyday: frozenset[str]
    area_describers: frozenset[str]
    venue_describers: frozenset[str]
    flight_words: frozenset[str]
    airline_cues: frozenset[str]
    #: words between a flight word and a code that keep it the flight's (the `presidio` guard)
    flight_links: frozenset[str]
    numbered_things: frozenset[str]
    feature_kinds: frozenset[str]
    verb_feature_kinds: frozenset[str]
    verb_feature_cues: frozenset[str]
    landmark_cues: frozenset[str]
    direction_links: frozenset[str]
    pair_starts: frozenset[str]
    pair_links: frozenset[str]
    street_kinds: frozenset[str]
    street_cues: frozenset[str]
    time_zones: frozenset[str]
    time_zone_context: frozenset[str]
    asked_openers: frozenset[str]
    asked_enders: frozenset[str]
    asked_cities: frozenset[str]
    pastime_cues: frozenset[str]
    place_heads: frozenset[str]
    head_particles: frozenset[str]


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
        self._w = words = load_tables(locale, "places", PlaceWords)
        self._zipf = zipf_cutoffs(locale)
        self._blocked = (
            lexicon.stopwords | lexicon.months | lexicon.fillers | set(lexicon.digits) | words.not_places
        )
        self._months = lexicon.months
        self._misheard = MisheardGuard(locale)
        self._numbers = frozenset(
            {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.thousand}
        )
        #: words after which a place is an airline when a number follows (see :func:`names_an_airline`)
        self._airline_words = words.flight_words | words.airline_cues
        #: key words of the cue and area tables: a text without any holds none of their phrases
        #: (:func:`~redactkit.detect._phrase_keys.key_words`)
        self._travel_keys = key_words(words.travel_cues)
        self._town_cue_keys = key_words(words.town_cues)
        self._area_keys = key_words(words.area_kinds) | key_words(words.area_kinds_before)
        # the gazetteer indexes are built with the detector, not in the first batch that needs one
        for build in (_long_place_words, _place_starts, _everyday_landmarks, _toponym_heads):
            build(locale)
        _ambiguous()

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        places = _places(self.locale)
        towns = _towns(self.locale)
        everyday = _everyday_landmarks(self.locale)
        return [self._detect_one(aligned, places, towns, _ambiguous(), everyday) for aligned in texts]

    def _after_landmark_cue(self, words: Sequence[str], i: int) -> bool:
        """Whether a place cue, a venue cue or a ``landmark_cues`` word stands right before word ``i``,
        or before a "the" right before it ("on the big island", "trip to black forest")."""
        k = i - 1 if words[i] != "the" and i > 0 and words[i - 1] == "the" else i
        pw = self._w
        return k > 0 and (
            words[k - 1] in pw.cues or words[k - 1] in pw.venue_cues or words[k - 1] in pw.landmark_cues
        )

    def _detect_one(
        self,
        aligned: AlignedText,
        places: PhraseTable[str],
        towns: PhraseTable[str],
        ambiguous: frozenset[str],
        everyday: frozenset[str],
    ) -> list[Entity]:
        pw = self._w
        text, tokens = aligned.text, aligned.tokens
        lowers = tokens.words
        entities: list[Entity] = []
        travelled = set(values_after_keyed(pw.travel_cues, self._travel_keys, tokens, text))  # "we moved to"
        starts = _place_starts(self.locale) if text.isascii() else None
        pair_open = -1  # the word after a place said after "from"/"between" ("from leeds to reading")
        paired = ""
        i = 0
        while i < len(tokens):
            if starts is not None and lowers[i] not in starts:
                i += 1  # most words start no place name nor town (non-ASCII ones are looked up folded)
                continue
            j = i - 1 if i > 0 and tokens[i - 1].lower in pw.directions else i
            # "the south of france": a direction and "of" before a listed name vouch for it
            direction_of = i > 1 and lowers[i - 1] in pw.direction_links and lowers[i - 2] in pw.directions
            cue = direction_of or (
                (j > 0 and tokens[j - 1].lower in pw.cues)
                or (j in travelled and self._ends_travel(lowers, i, places))
                # "from leeds to reading"; "from time to time" names no place
                or (j > 1 and pair_open == j - 1 and lowers[j - 1] in pw.pair_links and lowers[i] != paired)
            )
            match = self._longest(lowers, i, places)
            town = self._longest(lowers, i, towns) if cue else 0
            if (
                not cue
                and j > 1
                and tokens[j - 1].lower == "the"
                and (tokens[j - 2].lower in pw.cues or tokens[j - 2].lower in pw.venue_cues)
            ):
                # "from the federated states of micronesia": a name of several words may take "the"
                town = self._longest(lowers, i, towns)
                town = town if town > 1 else 0
            is_town = town > match and self._town_counts(lowers[i : i + town], ambiguous)
            if is_town:
                match, score, why = town, self.ambiguous_score, "town name after a cue"
            elif match == 0:
                i += 1
                continue
            else:
                score, why = self.score, "place name in the GeoNames gazetteer"
            words = [fold_word(t.lower) for t in tokens[i : i + match]]
            phrase = " ".join(words)
            stop = i + match
            if not is_town and phrase in everyday and not cue and not self._after_landmark_cue(lowers, i):
                i += 1  # "a black forest cake", "ground zero for this rollout": words, not the place
                continue
            if names_an_airline(
                lowers,
                i,
                stop,
                self._airline_words,
                self._blocked,
                self._numbers,
                airline_cues=pw.airline_cues,
                sounds_like_number=self._misheard.sounds_like_number,
            ):
                i = stop  # "on flight <city> four one two": the airline of a flight number
                continue
            short = len(phrase) < 4 and phrase not in pw.country_aliases
            if not is_town and match == 1 and (phrase in ambiguous or phrase in self._blocked or short):
                if (
                    not (
                        cue
                        or self._state_after(lowers, i, stop)
                        or self._asked_about(lowers, i, stop, phrase)
                    )
                    or phrase in self._blocked
                    or (self._pastime(lowers, j, travelled) and is_everyday_word(phrase))
                ):
                    i += 1
                    continue
                score, why = self.ambiguous_score, "place name that is also a common word, after a cue"
            if stop < len(tokens) and tokens[stop].lower in pw.suffixes:  # "denver heights", "orange county"
                stop += 1
            code = tokens[stop].lower if stop < len(tokens) else ""
            # "orlando fl"; a code that is also a stop word only at the end ("moved to nice in june")
            at_end = stop + 1 == len(tokens)
            if code in pw.state_codes and code.isalpha() and (code not in self._blocked or at_end):
                stop += 1
            elif self._spelled_code(lowers, stop):
                stop += 2  # "newark n j", "washington d c": the code said letter by letter
            first = i - 1 if i > 0 and tokens[i - 1].lower in pw.directions else i  # "south austin"
            if direction_of:
                first = i - 2  # "the south of france"
            elif first == i and i > 0 and lowers[i - 1] == "the" and phrase in pw.with_article:
                first = i - 1  # "in the united states": the name takes its article
            entities.append(
                Entity(tokens[first].start, tokens[stop - 1].end, "LOCATION", score, self.name, why)
            )
            pair_open = stop if first > 0 and lowers[first - 1] in pw.pair_starts else -1
            paired = lowers[i]
            i = stop
        town_cued = list(values_after_keyed(pw.town_cues, self._town_cue_keys, tokens, text))
        entities.extend(self._cued_towns(tokens, ambiguous, places, town_cued))
        if not pw.town_after.isdisjoint(lowers):
            entities.extend(self._towns_before_words(tokens, towns, ambiguous))
        entities.extend(
            self._unlisted_after_cue(tokens, places, towns, frozenset(travelled.union(town_cued)))
        )
        if "'" in text or "\u2019" in text:  # no possessive without an apostrophe
            entities.extend(self._possessive_places(text, tokens))
        if may_hold(self._area_keys, lowers, text):
            entities.extend(self._named_areas(tokens))
        if self.venues:
            entities.extend(self._venues(tokens, travelled.union(town_cued)))
        entities.extend(self._named_features(tokens))
        if not pw.time_zones.isdisjoint(lowers):
            entities.extend(self._time_zones(lowers, tokens))
        if starts is not None:
            cued = travelled.union(town_cued)
            entities.extend(self._misspelt_places(tokens, places, starts, cued))
        return entities

    def _pastime(self, words: Sequence[str], j: int, travelled: set[int]) -> bool:
        """Whether the word before ``words[j]`` is one of ``pastime_cues`` ("into", "for") with no
        ``place_heads`` word before it and no phrase of travel ending there: "i'm really into reading"
        says what someone likes, "we drove into reading" where they went."""
        pw = self._w
        return (
            j > 0
            and words[j - 1] in pw.pastime_cues
            and not has_place_head(words, j - 1, pw)
            and j not in travelled
        )

    def _state_after(self, words: Sequence[str], i: int, k: int) -> bool:
        """Whether a state says where the place ``words[i:k]`` is: a state's name (``state_names``:
        "mobile alabama"), a state code that is no stop word, common word or name ("mobile fl"; not
        "jackson ok") or one said letter by letter ("washington d c"). A direction or a word as frequent
        as a verb is no place before a state ("central ohio", "i'd say utah is")."""
        if k >= len(words) or words[i] in self._w.directions:
            return False
        if zipf_frequency(words[i]) >= self._zipf.weak_cue_name_max:
            return False
        code = words[k]
        return (
            bool(self._w.state_names.at(words, k))
            or (
                code in self._w.state_codes
                and code not in self._blocked
                and code not in _ambiguous()
                and zipf_frequency(code) < self._zipf.function_word_min  # "ok" is a word
            )
            or self._spelled_code(words, k)
        )

    def _asked_about(self, words: Sequence[str], i: int, k: int, phrase: str) -> bool:
        """Whether a request asks about the place ``words[i:k]`` that is also a word or a person's name,
        with no cue before it: one of ``town_after`` right after it ("york weather", "latest valencia
        news"), the request starting with it or one of ``asked_openers`` before it ("what's the buffalo
        forecast"), and ending after the asked word or going on with one of ``travel_enders``,
        ``asked_enders`` or a month ("kingston weather tomorrow"; not "reading weather reports is
        boring"). An everyday word must be one of ``asked_cities``: words that describe the weather
        or the news are not ("nice weather today", "mobile traffic")."""
        pw = self._w
        if k >= len(words) or words[k] not in pw.town_after:
            return False
        if i > 0 and words[i - 1] not in pw.asked_openers:
            return False
        after = words[k + 1] if k + 1 < len(words) else ""
        if after and not (
            after in pw.travel_enders
            or after in pw.asked_enders
            or after in pw.town_after
            or after in self._months
        ):
            return False
        if phrase in common_words() or is_everyday_word(phrase):
            return phrase in pw.asked_cities
        return True

    def _spelled_code(self, words: Sequence[str], k: int) -> bool:
        """Whether words ``k`` and ``k + 1`` spell a state code letter by letter ("n j", "d c"), the
        text ending or going on with no third single letter ("n j" but not "n j k")."""
        if k + 1 >= len(words) or len(words[k]) != 1 or len(words[k + 1]) != 1:
            return False
        if k + 2 < len(words) and len(words[k + 2]) == 1 and words[k + 2].isalpha():
            return False
        return (words[k] + words[k + 1]) in self._w.state_codes

    def _time_zones(self, words: Sequence[str], tokens: Tokens) -> list[Entity]:
        """A time zone in talk about the time ("switch three pm mst to pst", "what time is it in pst"):
        after a number or a time word (``time_zone_context``), or after "to", "in", "into" or "from" when
        a time word is in the text, or before "zone" ("est time of arrival" is an estimate)."""
        pw = self._w
        timely = not pw.time_zone_context.isdisjoint(words)
        found: list[Entity] = []
        for i, word in enumerate(words):
            if word not in pw.time_zones:
                continue
            before = words[i - 1] if i > 0 else ""
            after = words[i + 1] if i + 1 < len(words) else ""
            if (
                before in self._numbers
                or before in pw.time_zone_context
                or after == "zone"
                or (timely and before in ("to", "in", "into", "from"))
            ):
                found.append(self._guess(tokens, i, i, "time zone in talk about the time"))
        return found

    def _misspelt_places(
        self,
        tokens: Tokens,
        places: PhraseTable[str],
        starts: frozenset[str],
        cued: set[int],
    ) -> list[Entity]:
        """A listed place misspelt or cut in two ("near montgomerry", "flights to bangkak", "weather
        in sacra mento", "los angel es"): a word no dictionary or name list has, one letter edit (a
        letter dropped, added, changed or two swapped) off a word of a place's name of six letters or
        more, or two words that run together into one. The place must come after a travel or town cue
        phrase (``cued``: "how far is", "weather for") or before a word asking about it (``town_after``),
        or, unless two everyday words ran together ("from sea side"), after a place cue. Words
        today's English uses at all (Zipf ``unlisted_place_max``: "francs", "resend") and a place
        word's plural are no misspelling."""
        pw = self._w
        words = tokens.words
        vocabulary = _place_words(self.locale)
        found: list[Entity] = []
        blocked = self._blocked
        done = 0  # the words before it are part of a place found
        for i in self._cue_reach(words, cued):  # most words have no cue within reach
            if i < done:
                continue
            word = words[i]
            repairs: list[tuple[int, str]] = []  # (words replaced, the place word)
            if (
                i + 1 < len(words)
                and (word + words[i + 1]) in vocabulary  # rare: the rest is checked after it
                and word.isalpha()
                and words[i + 1].isalpha()
                and word not in blocked
                and words[i + 1] not in blocked
            ):
                repairs.append((2, word + words[i + 1]))
            if not repairs and len(word) >= 5 and word not in starts and self._misspelt(word):
                # a plural of a place word is a thing ("in francs"), not the place misspelt
                repairs.extend((1, guess) for guess in _one_edit_off(word, vocabulary) if word != guess + "s")
                if (  # "cincinatti", "marsailles": right after a cue phrase or right before an asked word
                    not repairs
                    and len(word) >= _TWO_EDITS_MIN
                    and (i in cued or (i + 1 < len(words) and words[i + 1] in pw.town_after))
                ):
                    repairs.extend((1, guess) for guess in _two_edits_off(word, self.locale))
            hit = None
            for width, guess in repairs:
                fixed = [*words[:i], guess, *words[i + width :]]
                for k in range(max(0, i - 2), i + 1):
                    length = self._longest(fixed, k, places)
                    if k + length > i:
                        hit = (k, k + length - 1 + width - 1, width)
                        break
                if hit:
                    break
            if hit is None:
                continue
            first, last, width = hit
            asked = first in cued or (last + 1 < len(words) and words[last + 1] in pw.town_after)
            # after a flight word a misspelt name is an airline ("flight emirites two oh four")
            after_cue = first > 0 and words[first - 1] in pw.cues and words[first - 1] not in pw.flight_words
            # two everyday words that run together into a place ("from sea side") need a phrase
            everyday = width == 2 and is_everyday_word(word) and is_everyday_word(words[i + 1])
            if asked or (after_cue and not everyday):
                found.append(self._guess(tokens, first, last, "misspelt place name"))
                done = last + 1
        return found

    def _cue_reach(self, words: Sequence[str], cued: set[int]) -> list[int]:
        """The words a place name with a cue could hold (see :meth:`_misspelt_places`): up to three
        words from where a place cue or a cue phrase ends, and the three words before a ``town_after``
        word."""
        pw = self._w
        starts = set(cued)
        starts.update(k + 1 for k, word in enumerate(words) if word in pw.cues)
        reach = {k for start in starts for k in range(start, start + 3)}
        reach.update(k for q, word in enumerate(words) if word in pw.town_after for k in range(q - 3, q))
        return sorted(k for k in reach if 0 <= k < len(words))

    def _misspelt(self, word: str) -> bool:
        """Whether a word of five letters or more that starts no place name may be a misspelt place
        word: no word in use (Zipf ``unlisted_place_max``: "francs", "resend"), common word, person's
        name or everyday word."""
        return (
            zipf_frequency(word) < self._zipf.unlisted_place_max
            and word.isalpha()
            and word not in common_words()
            and word not in given_names()
            and word not in family_names()
            and not is_everyday_word(word)
        )

    def _named_features(self, tokens: Sequence[Token]) -> list[Entity]:
        """A natural feature named by its kind and then a name ("lake powell", "cape hatteras", "mount
        shasta": ``feature_kinds``), cue or none. The name is a word no dictionary lists or a place's
        name; "lake house", "mount the tv", "a red cape" name nothing."""
        found: list[Entity] = []
        for i in range(len(tokens) - 1):
            if tokens[i].lower not in self._w.feature_kinds:
                continue
            name = fold_word(tokens[i + 1].lower)
            if not name.isalpha() or len(name) < 3 or name in self._blocked:
                continue
            if is_everyday_word(name) and name not in place_names():
                continue  # "lake house", even though "house" is a family name too
            if tokens[i].lower in self._w.verb_feature_kinds and not (
                i > 0 and tokens[i - 1].lower in self._w.verb_feature_cues
            ):
                continue  # "i need to mount ikea shelves": the verb; "we climbed mount kessing"
            found.append(self._guess(tokens, i, i + 1, "a natural feature's kind before its name"))
        return found

    def _ends_travel(self, words: Sequence[str], i: int, places: PhraseTable[str]) -> bool:
        """Whether the place name at word ``i``, after a travel cue, ends what is said: the text ends
        after it or one of ``travel_enders`` or a month follows ("moved to nice in june", not "moved to
        buy it")."""
        stop = i + max(self._longest(words, i, places), 1)
        if stop < len(words) and words[stop] in self._w.state_codes:
            stop += 1  # "moved to salem or last year"
        return stop >= len(words) or words[stop] in self._w.travel_enders or words[stop] in self._months

    def _cued_towns(
        self, tokens: Tokens, ambiguous: frozenset[str], places: PhraseTable[str], cued: Sequence[int]
    ) -> list[Entity]:
        """A town the gazetteer lacks, after a phrase that names where someone lives, is or goes
        ("grew up in kalmby", "i'm in vester hald at the conference", "the forecast for quill creek").
        Up to four words that end in one no dictionary lists or in a part-of-place word (``suffixes``)
        after a name word; everyday words ("i'm in love", "lives in poverty", "near the lake") do not
        count."""
        pw = self._w
        found: list[Entity] = []
        for first in cued:
            if first == len(tokens) or (
                tokens[first].lower in pw.numbered_things and not self._name_after_thing(tokens, first)
            ):
                continue  # "i'm in room <misheard number>"
            last = None
            for k in range(first, min(first + 4, len(tokens))):
                word = tokens[k].lower
                if self._misheard_number(word):
                    last = None  # "came to onethousand six", "the weather at twlve fifty"
                    break
                if not word.isalpha() or word in self._blocked or word in pw.town_cue_stop:
                    break
                if not is_everyday_word(word) and (
                    (fold_word(word),) in places or zipf_frequency(word) < self._zipf.unlisted_town_max
                ):
                    last = k
                elif k > first and word in pw.suffixes and tokens[first].lower not in pw.determiners:
                    last = k  # "in turtle creek": a part-of-place word ends the name
            if last is not None:
                found.append(self._guess(tokens, first, last, "town name after a cue"))
        return found

    def _towns_before_words(
        self, tokens: Tokens, towns: PhraseTable[str], ambiguous: frozenset[str]
    ) -> list[Entity]:
        """A listed town right before a word of ``town_after`` ("kangarilla weather tomorrow", "what's
        the thirroul forecast"): what is asked about the town vouches for it as "weather in" does
        before it. A town that is also a common word or a person's name needs a cue before it."""
        words = tokens.words
        found: list[Entity] = []
        for k in range(1, len(words)):
            if words[k] not in self._w.town_after:
                continue
            for start in range(max(0, k - _MAX_WORDS), k):
                if start + self._longest(words, start, towns) == k and self._town_counts(
                    words[start:k], ambiguous
                ):
                    found.append(self._guess(tokens, start, k - 1, "town name before a word asking about it"))
                    break
            else:
                unlisted = self._unlisted_name_start(words, k)
                if unlisted is not None and self._asked_about(
                    words, unlisted, k, " ".join(words[unlisted:k])
                ):
                    found.append(self._guess(tokens, unlisted, k - 1, "unlisted town asked about"))
        return found

    def _unlisted_name_start(self, words: Sequence[str], k: int) -> int | None:
        """Where a place name no list has starts when it ends right before word ``k``: a word no list
        knows (:meth:`_unlisted`), with a second such word or a toponym head word (:func:`_toponym_heads`:
        "sidi", "kampung") before it ("tutuala weather", "sidi zouine weather"); None when word
        ``k - 1`` is none."""
        if k < 1 or not self._unlisted(words[k - 1]):
            return None
        start = k - 1
        if start > 0 and (
            self._unlisted(words[start - 1]) or words[start - 1] in _toponym_heads(self.locale)
        ):
            start -= 1
        return start

    def _name_after_thing(self, tokens: Tokens, first: int) -> bool:
        """Whether a word of ``numbered_things`` after a town cue starts a name ("raining in bed stuy"):
        the next word is one no dictionary lists and no number, misheard or not ("in room twlve")."""
        if first + 1 >= len(tokens):
            return False
        word = tokens[first + 1].lower
        return (
            word.isalpha()
            and word not in self._numbers
            and not is_everyday_word(word)
            and not self._misheard_number(word)
        )

    def _unlisted_after_cue(
        self,
        tokens: Tokens,
        places: PhraseTable[str],
        towns: PhraseTable[str],
        phrase_cued: frozenset[int] = frozenset(),
    ) -> list[Entity]:
        """A word no dictionary, name list or frequency table knows, right after a place cue ("a table
        for two in quenby", "somewhere near halvorstad", "not far from tollbeck"): the villages under
        500 people that no shipped gazetteer lists. One such word, and a second one or a part-of-place
        word after it ("rocky mound" stays: "rocky" is a word); words today's English uses at all
        (Zipf ``unlisted_place_max``) or that a name list has as a given name do not count. A phrase of
        travel or a town cue vouches as a place cue does (``phrase_cued``: the words right after one,
        "navigate to cogo", "how far is tutuala"), and a toponym head word may start the name ("in sidi
        zouine", :func:`_toponym_heads`)."""
        pw = self._w
        words = tokens.words
        heads = _toponym_heads(self.locale)
        found: list[Entity] = []
        for i in range(1, len(tokens)):
            cued = (words[i - 1] in pw.cues and words[i - 1] not in pw.flight_words) or i in phrase_cued
            if not cued:
                continue  # after "flight" a word no list knows is an airline or a code ("flight alasa 12")
            if words[i] in heads and i + 1 < len(tokens) and self._unlisted(words[i + 1]):
                last = i + 1  # "in sidi zouine", "navigate to kampung velori": a toponym's head word
            elif self._unlisted(words[i]):
                last = i
            else:
                continue
            if self._longest(words, i, places) or self._longest(words, i, towns):
                continue  # the gazetteers' rules decide
            if last + 1 < len(tokens) and (self._unlisted(words[last + 1]) or words[last + 1] in pw.suffixes):
                last += 1
            found.append(self._guess(tokens, i, last, "unlisted town after a cue"))
        return found

    def _guess(self, tokens: Sequence[Token], first: int, last: int, why: str) -> Entity:
        """A LOCATION over tokens ``first`` to ``last`` that a cue or a kind word vouches for, not a
        gazetteer: it scores ``ambiguous_score``."""
        return Entity(tokens[first].start, tokens[last].end, "LOCATION", self.ambiguous_score, self.name, why)

    def _unlisted(self, word: str) -> bool:
        """Whether a word is known to no list: see :meth:`_unlisted_after_cue`."""
        return (
            len(word) > 3
            and word.isalpha()
            and word not in self._blocked
            and word not in given_names()
            and not is_everyday_word(fold_word(word))
            and zipf_frequency(word) < self._zipf.unlisted_place_max
            and not self._two_function_words(word)
            and not self._misheard_number(word)
            and not self._determiner_run_together(word)
        )

    def _determiner_run_together(self, word: str) -> bool:
        """A determiner the recognizer ran together with the everyday word after it ("in thebedroom",
        "near mykitchen"): a determiner (``determiners``), then a dictionary word of four letters or more."""
        return any(
            word.startswith(determiner)
            and len(word) - len(determiner) >= 4
            and is_everyday_word(word[len(determiner) :])
            for determiner in self._w.determiners
        )

    def _misheard_number(self, word: str) -> bool:
        """A number word the recognizer ran together with another word, cut or misspelt: "thenineteen",
        "channelsix", "eightytwo", "rteen", "twlve" (a word of five letters or more that no dictionary
        lists, one letter off a number word or the end of one). A town's name is none of these."""
        numbers = self._numbers
        if word in numbers:
            return True
        for k in range(2, len(word) - 1):
            head, tail = word[:k], word[k:]
            least = self._zipf.unlisted_town_max
            if (head in numbers and (tail in numbers or zipf_frequency(tail) >= least)) or (
                tail in numbers and (head in numbers or zipf_frequency(head) >= least)
            ):
                return True
        return (
            len(word) >= 5
            and not is_everyday_word(word)
            and any(_one_letter_off(word, number) or number.endswith(word) for number in numbers)
        )

    def _two_function_words(self, word: str) -> bool:
        """Two frequent words run together by the recognizer ("moving backto her parents", "whatis"):
        both halves at least as frequent as a function word (Zipf ``function_word_min``)."""
        least = self._zipf.function_word_min
        return any(
            zipf_frequency(word[:k]) >= least and zipf_frequency(word[k:]) >= least
            for k in range(2, len(word) - 1)
        )

    def _possessive_places(self, text: str, tokens: Tokens) -> list[Entity]:
        """A possessive name and a generic place word ("aldwyn's green", "LAND'S END", "Turner's Hill").

        The name part is usually a person's name, so the name detectors take the possessive alone and
        leave the place word readable. It is a place after a place or venue cue ("arrived at jones's
        heath") or when both words are written as a name in text that is not all capitals. The next
        word must end the name (a stop word, a time word, a cue, punctuation or the end; after a written
        name also any word not capitalised), so "ann's green scarf" is no place. After a cue the
        possessor must be a name or a word no dictionary lists ("at wit's end" stays)."""
        pw = self._w
        words = tokens.words
        mixed_case = any(ch.islower() for ch in text) and any(ch.isupper() for ch in text)
        found: list[Entity] = []
        for i in range(len(tokens) - 1):
            owner = _possessor(words[i])
            if owner is None or words[i + 1] not in pw.possessive_generics:
                continue
            following = words[i + 2] if i + 2 < len(tokens) else ""
            ends = not following.isalpha() or (
                following in self._blocked
                or following in pw.town_cue_stop
                or following in pw.cues
                or following in pw.venue_cues
                or following in pw.possessive_enders
            )
            written = mixed_case and all(text[token.start].isupper() for token in tokens[i : i + 2])
            if written:  # the capitals end where the name does: "Ann's Green Scarf" goes on
                ends = ends or not text[tokens[i + 2].start].isupper()
            cued = (
                i > 0
                and (words[i - 1] in pw.cues or words[i - 1] in pw.venue_cues)
                and words[i + 1] not in pw.possessive_idioms
            )
            named = owner in given_names() or owner in family_names() or not is_everyday_word(owner)
            if not ends or not (written or (cued and named)):
                continue
            score, why = (
                (self.score, "possessive place name written as a name")
                if written
                else (self.ambiguous_score, "possessive place name after a cue")
            )
            found.append(Entity(tokens[i].start, tokens[i + 1].end, "LOCATION", score, self.name, why))
        return found

    def _named_areas(self, tokens: Tokens) -> list[Entity]:
        """A park or protected area named with its kind ("harlow creek state park", "ostrava
        kumbe sanctuary", "parc national de la vallee blanche"), with or without a cue: such names
        are rarely in a gazetteer (there are hundreds of thousands), but the kind says what they are.
        The name is up to four words before the kind (after it for kinds said first) that are no stop
        word, cue, determiner, describing word, request verb or time word ("find the nearest state
        park" names none); before a kind that is also an everyday word ("my little sanctuary") one of
        them must be no everyday word."""
        pw = self._w
        words = tokens.words
        found: list[Entity] = []
        i = 0
        while i < len(tokens):
            first = last = -1
            before = pw.area_kinds_before.at(words, i)
            length = pw.area_kinds.at(words, i)
            if before:  # "parc national de x"
                end = grow_right(tokens, i + before - 1, lambda k: self._area_word(words[k]), limit=4)
                if end >= i + before:
                    first, last = i, end
            if first < 0 and length:  # "x state park"
                start = grow_left(tokens, i, lambda k: self._area_word(words[k]), limit=4)
                kind = " ".join(words[i : i + length])
                if start < i and (
                    kind not in pw.area_kinds_everyday
                    or any(not is_everyday_word(fold_word(word)) for word in words[start:i])
                ):
                    first, last = start, i + length - 1
            if first < 0:
                i += max(length, 1)
                continue
            found.append(self._guess(tokens, first, last, "named park, protected area or district"))
            i = last + 1
        return found

    def _area_word(self, word: str) -> bool:
        """Whether a word can be part of a park's name (see :meth:`_named_areas`)."""
        pw = self._w
        return (
            word.replace("'", "").isalpha()
            and word not in self._blocked
            and word not in pw.cues
            and word not in pw.venue_cues
            and word not in pw.determiners
            and word not in pw.area_describers
            and word not in pw.town_cue_stop
            and word not in pw.possessive_enders
        )

    def _venues(self, tokens: Sequence[Token], cued: set[int]) -> list[Entity]:
        """Kinds of place after a cue (see the module docs); ``cued`` are the words right after a travel
        or town cue phrase ("the forecast for mill road", "how far is kings cross")."""
        pw = self._w
        found: list[Entity] = []
        for i, token in enumerate(tokens):
            if token.lower not in pw.venues:
                continue
            # the name in front of it: "regal cinema", "canal street", "jack's place", "sisters house"
            first = grow_left(
                tokens,
                i,
                lambda k: (
                    not (
                        tokens[k].lower in self._blocked
                        or tokens[k].lower in pw.venue_cues
                        or tokens[k].lower in pw.street_cues  # "a bakery off quarry lane"
                        or not tokens[k].lower.replace("'", "").isalpha()
                    )
                ),
                limit=0 if token.lower in pw.standalone_venues else 3,
            )
            if any(
                tokens[k].lower in pw.numbered_things and tokens[k + 1].lower in self._numbers
                for k in range(first, i)
            ):
                continue  # "update to version ten port six": a thing's number, not a name
            cue_at = first - 1
            while cue_at >= 0 and tokens[cue_at].lower in pw.determiners:
                cue_at -= 1
            where_is = cue_at >= 1 and tokens[cue_at].lower == "is" and tokens[cue_at - 1].lower == "where"
            named_after = (
                i + 1 < len(tokens)
                and tokens[i + 1].lower.isalpha()
                and tokens[i + 1].lower not in self._blocked
                and not is_everyday_word(fold_word(tokens[i + 1].lower))
            )
            if (
                token.lower in pw.named_venues
                and not named_after
                and not any(
                    tokens[k].lower not in pw.area_describers
                    and tokens[k].lower not in pw.venue_kinds
                    and tokens[k].lower not in pw.venue_describers
                    for k in range(first, i)
                )
            ):
                continue  # "in the street", "at the store", "a coffee shop": a place only with its name
            if any(
                " ".join(tokens[k].lower for k in range(i - len(idiom.split()) + 1, i + 1)) == idiom
                for idiom in pw.venue_idioms
                if i + 1 >= len(idiom.split())
            ):
                continue  # "at home all day", "work from home", "around the world"
            standalone = token.lower in pw.standalone_venues
            before = tokens[cue_at].lower if cue_at >= 0 else ""
            vouched = (
                before in pw.venue_cues
                # "stuck on canal street" (not "on our freight road network")
                or (token.lower in pw.street_kinds and before in pw.street_cues and cue_at == first - 1)
                or (first < i and (cue_at + 1 in cued or first in cued))  # "the forecast for mill road"
            )
            if not standalone and not where_is and not vouched:
                continue
            last = i + 1 if named_after and token.lower in pw.named_venues else i  # "station nord"
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

    def _town_counts(self, words: Sequence[str], ambiguous: frozenset[str]) -> bool:
        """Whether a small town's name after a cue reads as a place: one word must be neither a common
        word nor a person's name ("in tonasket", not "in sisters"); several words must not start with a
        word the stopword, month or filler lists have ("in big timber", not "in the end")."""
        if words[0] in self._blocked:
            return False
        if len(words) == 1:
            word = fold_word(words[0])
            return word not in ambiguous and not is_everyday_word(word) and len(word) > 3
        return True

    @staticmethod
    def _longest(words: Sequence[str], i: int, places: PhraseTable[str]) -> int:
        """Words of the longest place name starting at word ``i`` (letters only, accents folded; an
        apostrophe inside a word is kept: "o'hare", "hell's kitchen", "martha's vineyard")."""
        return places.match_length(words, i, max_words=_MAX_WORDS, accept=_name_word)


def _name_word(word: str) -> bool:
    """Whether a word can be part of a listed place's name: letters, with an apostrophe inside or a
    possessive ending ("o'hare", "king's cross"), no digit."""
    return word.isalpha() or ("'" in word and word.replace("'", "").isalpha())


def answers_as_place(words: Sequence[str], locale: str = "en-US") -> bool:
    """Whether ``words``, the whole answer to a question for a place ("where to?"), name one: listed
    places and towns one after another ("portland", "the bronx", "portland oregon", "reading
    pennsylvania"; a place that is also a word or a person's name too, as the question vouches for it)
    or words that hold one no list knows ("kalmby", "vester hald"). Stop words, numbers, everyday
    words alone ("home", "my office", "the usual place", "room four") and a kind of place alone ("the
    airport", "the mall"; review40 L7) are none."""
    tables = load_tables(locale, "places", PlaceWords)
    lexicon = get_lexicon(locale)
    blocked = lexicon.stopwords | lexicon.months | lexicon.fillers | set(lexicon.digits) | tables.not_places
    places, towns = _places(locale), _towns(locale)
    bare = list(words[1:] if words and words[0] in tables.determiners else words)
    if not bare or not all(_name_word(word) for word in bare):
        return False
    if len(bare) == 1 and (bare[0] in tables.venues or bare[0] in tables.venue_kinds):
        return False  # "the airport", "the mall", "my school": a kind of place, no particular one
    if any(word in blocked for word in bare):
        return False
    i = 0
    while i < len(bare):  # listed places, one after another
        step = max(
            places.match_length(bare, i, max_words=_MAX_WORDS, accept=_name_word),
            towns.match_length(bare, i, max_words=_MAX_WORDS, accept=_name_word),
            tables.state_names.at(bare, i),
            1 if bare[i] in tables.state_codes or (i > 0 and bare[i] in tables.suffixes) else 0,
        )
        if not step:
            break
        i += step
    if i == len(bare):
        return True
    cutoff = zipf_cutoffs(locale).unlisted_place_max
    return any(
        not is_everyday_word(fold_word(word)) and word not in given_names() and zipf_frequency(word) < cutoff
        for word in bare
    )


def listed_place_length(words: Sequence[str], i: int, locale: str = "en-US") -> int:
    """How many words from ``words[i]`` on a place list names as one place: the place gazetteer with
    the locale's aliases and landmarks, or the towns ("saint louis", "st charles", "santa barbara",
    "saint moritz"); 0 when none starts there."""
    return max(_places(locale).at(words, i), _towns(locale).at(words, i))


def has_place_head(words: Sequence[str], k: int, tables: PlaceWords) -> bool:
    """Whether a word of ``place_heads`` stands before the preposition ``words[k]``, right before it or
    with ``head_particles`` between ("we drove into", "we drove back into", "headed straight into")."""
    k -= 1
    while k >= 0 and words[k] in tables.head_particles:
        k -= 1
    return k >= 0 and words[k] in tables.place_heads


def gazetteer_place_length(words: Sequence[str], i: int, locale: str = "en-US") -> int:
    """How many words from ``words[i]`` on the place gazetteer names as one place: cities of 15,000+
    people, countries, states, continents, the locale's country aliases and landmarks (not the small
    towns, many of which are everyday words: "cricket", "golf"); 0 when none starts there."""
    return _places(locale).at(words, i)


def flight_word_at(
    words: Sequence[str], k: int, flight_words: frozenset[str], airline_cues: frozenset[str] = frozenset()
) -> bool:
    """Whether ``words[k]`` is a flight word, heard right or misheard: one of ``flight_words``, the
    second half of one cut in two ("fli ght"), one run together with an airline cue ("onflight"), a
    word of five letters or more that starts like a flight word of six letters or more and is one
    letter off it ("the fight b a two eight three", "fright"; not "light", and "plate" is no
    "plane"), or, right after one of ``airline_cues`` ("on"), a word of four letters or more that
    starts like a flight word and is within two letter edits of it ("on freight", "on flirt"; not
    "on eight", "on light"). Every caller also wants an airline or a code and a number after it."""
    if not 0 <= k < len(words):
        return False
    word = words[k]
    if word in flight_words or (k > 0 and words[k - 1] + word in flight_words):
        return True
    initials, run_together = _flight_shapes(flight_words, airline_cues)
    if word in run_together:
        return True
    # a misheard flight word has four letters or more and starts like one: most words stop here
    if len(word) < 4 or word[0] not in initials or not word.isalpha():
        return False
    if len(word) >= 5 and any(
        len(flight) >= 6 and word[0] == flight[0] and _one_letter_off(word, flight) for flight in flight_words
    ):
        return True
    return (
        k > 0
        and words[k - 1] in airline_cues
        and any(word[0] == flight[0] and within_edits(word, flight, 2) for flight in flight_words)
    )


@cache
def _flight_shapes(
    flight_words: frozenset[str], airline_cues: frozenset[str]
) -> tuple[frozenset[str], frozenset[str]]:
    """The first letters of ``flight_words``, and every flight word run together with an airline cue
    ("onflight"): what :func:`flight_word_at` looks up before any edit distance."""
    return (
        frozenset(flight[0] for flight in flight_words if flight),
        frozenset(cue + flight for cue in airline_cues for flight in flight_words),
    )


def names_an_airline(
    words: Sequence[str],
    start: int,
    end: int,
    flight_words: frozenset[str],
    stopwords: frozenset[str],
    numbers: frozenset[str] = frozenset(),
    *,
    airline_cues: frozenset[str] = frozenset(),
    sounds_like_number: Callable[[str], bool] | None = None,
) -> bool:
    """Whether ``words[start:end]``, a place name, names the airline of a flight number: it follows a
    flight word right away or after one word that is no stop word ("flight <city>", "flight air
    <country>"; not "flight to <city>") and a number ends it or follows it ("flight <city> 412"), also
    after one short misheard word ("flight <city> do eight"). A number is digits or one of ``numbers``
    (number words) or, with ``sounds_like_number``, a word that sounds like a digit ("flight <city>
    nein six two", "flight <city> want sex three"). The flight word may be misheard after one of
    ``airline_cues`` (:func:`flight_word_at`: "on fright <city> six nine")."""
    if start == 0 or end > len(words):
        return False
    if not flight_word_at(words, start - 1, flight_words, airline_cues) and not (
        start >= 2
        and flight_word_at(words, start - 2, flight_words, airline_cues)
        and words[start - 1] not in stopwords
    ):
        return False

    def number(k: int) -> bool:
        if k >= len(words):
            return False
        word = words[k]
        return (
            any(char.isdigit() for char in word)
            or word in numbers
            or (sounds_like_number is not None and sounds_like_number(word))
        )

    after = words[end] if end < len(words) else ""
    return number(end - 1) or number(end) or (0 < len(after) <= 3 and number(end + 1))


def _one_letter_off(word: str, target: str) -> bool:
    """Whether ``word`` is ``target`` with one letter dropped, added or changed."""
    if abs(len(word) - len(target)) > 1 or word == target:
        return False
    if len(word) == len(target):
        return sum(a != b for a, b in zip(word, target, strict=True)) == 1
    short, long = (word, target) if len(word) < len(target) else (target, word)
    return any(long[:k] + long[k + 1 :] == short for k in range(len(long)))


def _possessor(word: str) -> str | None:
    """The name of a possessive word ("smith's" -> "smith", "jones'" is two tokens), or None."""
    for ending in ("'s", "\u2019s"):
        if word.endswith(ending) and word[: -len(ending)].isalpha():
            return word[: -len(ending)]
    return None


@cache
def _places(locale: str) -> PhraseTable[str]:
    """The place gazetteer with the locale's country aliases and landmarks (``landmarks.txt``: parks,
    mountains, seas, islands, travel regions that are no settlement), as spoken ("st petersburg")."""
    aliases = load_tables(locale, "places", PlaceWords).country_aliases
    names = spoken_variants(place_names() | aliases | _landmark_names(locale))
    return PhraseTable({tuple(name.split(" ")): name for name in names})


@cache
def _landmark_names(locale: str) -> frozenset[str]:
    """The locale's landmarks (``landmarks.txt``), each listed with "the" also without it: speech drops
    the article as often as it keeps it ("where is golden gate bridge", "hiking in rockies")."""
    names = frozenset(load_locale(locale).get("landmarks", "words", ()))
    return names | {name[4:] for name in names if name.startswith("the ")}


@cache
def _everyday_landmarks(locale: str) -> frozenset[str]:
    """The locale's landmarks of one or two everyday words besides "the" ("big bend", "black forest",
    "ground zero", "the outback") that GeoNames does not list as a place and that no kind of feature
    starts (``feature_kinds``) or ends (``suffixes``): like a one-word place that is also a common word,
    they are a place only after a cue. So are GeoNames' places named "the" and one everyday word ("the
    beaches", "the valley", "the colony", "the woodlands"): said without a cue, the article and the noun
    are the noun ("the beaches were crowded", "the valley was green")."""
    landmarks = spoken_variants(_landmark_names(locale))
    kinds = load_tables(locale, "places", PlaceWords)
    everyday: set[str] = {
        name
        for name in place_names()
        if name.startswith("the ") and name.count(" ") == 1 and is_everyday_word(name[4:])
    }
    for name in landmarks:
        words = [word for word in name.split(" ") if word != "the"]
        if words[0] in kinds.feature_kinds or (len(words) > 1 and words[-1] in kinds.suffixes):
            continue  # a kind of feature makes it a name: "cape cod", "dead sea", "monument valley"
        # three words or more are a name, not a phrase of everyday words ("empire state building")
        if len(words) <= 2 and name not in place_names() and all(is_everyday_word(word) for word in words):
            everyday.add(name)
    return frozenset(everyday)


#: how many listed multi-word place names a word must start to be a toponym head word
_TOPONYM_HEAD_MIN = 15


@cache
def _toponym_heads(locale: str) -> frozenset[str]:
    """The words that start many place names of several words in the shipped gazetteers (cities and
    towns; :data:`_TOPONYM_HEAD_MIN` or more), rarer in English than ``toponym_head_max`` and no stop
    word or filler: the generic heads of the world's toponyms ("sidi", "kampung", "bandar", "ciudad",
    "sao"). Before a word no list knows they start a place name no list has ("sidi zouine").
    Counted from the data, not listed: "north", "new", "lake" are frequent English words and stay out."""
    counts: dict[str, int] = {}
    for name in place_names() | town_names():
        head, space, _ = name.partition(" ")
        if space:
            counts[head] = counts.get(head, 0) + 1
    lexicon = get_lexicon(locale)
    blocked = lexicon.stopwords | lexicon.fillers | lexicon.months
    most = zipf_cutoffs(locale).toponym_head_max
    return frozenset(
        head
        for head, count in counts.items()
        if count >= _TOPONYM_HEAD_MIN
        and head not in blocked
        and len(head) > 1
        and zipf_frequency(head) < most
    )


@cache
def _place_starts(locale: str) -> frozenset[str]:
    """The words a place name or a town name starts with."""
    return _places(locale).first_words | _towns(locale).first_words


@cache
def _ambiguous() -> frozenset[str]:
    """Words a one-word place name may also be: common words, given and family names (built once:
    the union of the three lists costs ~10 ms, which a batch of 256 texts would pay each time)."""
    return common_words() | given_names() | family_names()


@cache
def _towns(locale: str) -> PhraseTable[str]:
    """The small towns (see :func:`redactkit.gazetteers.town_names`), as spoken."""
    del locale  # one list for every locale, like the place gazetteer
    return PhraseTable({tuple(name.split(" ")): name for name in spoken_variants(town_names())})


@cache
def _place_words(locale: str) -> frozenset[str]:
    """The words of six letters or more in the place gazetteer's names (with the locale's aliases and
    landmarks): what a misspelt word is compared with (:meth:`PlaceDetector._misspelt_places`)."""
    return frozenset(word for phrase in _places(locale).phrases for word in phrase if len(word) >= 6)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: the shortest misspelt word (and listed place word) compared two edits away: shorter words are too
#: often two edits off some place's word ("cincinatti" is 10 letters, "marsailles" 10)
_TWO_EDITS_MIN = 8


@cache
def _long_place_words(locale: str) -> dict[str, tuple[str, ...]]:
    """The place words of :data:`_TWO_EDITS_MIN` letters or more, by their first three letters (a
    misspelling two edits away mostly keeps them: "cincinatti", "albequerque", "edinborough")."""
    buckets: dict[str, list[str]] = {}
    for word in _place_words(locale):
        if len(word) >= _TWO_EDITS_MIN:
            buckets.setdefault(word[:3], []).append(word)
    return {head: tuple(sorted(words)) for head, words in buckets.items()}


def _two_edits_off(word: str, locale: str) -> list[str]:
    """The place words two edits off ``word`` (Levenshtein) that start with its first three letters
    and are as long within two letters: a few candidates, compared only for a word no list knows right
    after a travel or town cue phrase ("weather in", "flights to") or before a word asking about it."""
    return [
        candidate
        for candidate in _long_place_words(locale).get(word[:3], ())
        if abs(len(candidate) - len(word)) <= 2 and within_edits(word, candidate, 2)
    ]


def _one_edit_off(word: str, vocabulary: frozenset[str]) -> list[str]:
    """The words of ``vocabulary`` one edit off ``word``: a letter dropped, added or changed, or two
    neighbours swapped (at most ~55 x length set look-ups)."""
    found: set[str] = set()
    for k in range(len(word) + 1):
        head, tail = word[:k], word[k:]
        if tail:
            found.add(head + tail[1:])
            if len(tail) > 1:
                found.add(head + tail[1] + tail[0] + tail[2:])
        for letter in _LETTERS:
            found.add(head + letter + tail)
            if tail:
                found.add(head + letter + tail[1:])
    found.discard(word)
    return sorted(found & vocabulary)
