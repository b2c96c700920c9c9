"""Street addresses as spoken or written: "one twenty three main street apartment four b springfield".

After the normalizers, house and unit numbers are digits ("123 main street apartment 4b"). An address
is found from an *anchor*, then grown word by word. Punctuation inside written addresses ("Apt. 4",
"Springfield, IL 62704", line breaks, "> " quote marks) is stepped over, so one grammar serves speech
and formatted text:

- anchors: a street-type word ("street", "avenue", "road", USPS suffixes, "strasse", "rue", "utca"…), a
  word ending in a street suffix ("hauptstrasse", "kirkegade", "sentie"), a unit ("apt 12", "suite
  400"), a PO box ("po box 7", "postfach 12"), a military address ("psc 1234 box 56 apo ae 09012",
  "uss name fpo ap 96601"), "the corner of", or a cue that introduces an address ("lives at", "my
  address is", "ship it to", "return to") followed by a number within a few words;
- to the left: the street name (up to four words that are not function words), the house number, and
  a street name or intersection ("elm and 5 oak street") that a cue or a preposition introduces;
- to the right: house numbers, units, place names from the gazetteer (accents folded), state,
  province and region codes, country names, postal codes, an intersection ("and 5th street"), and
  unknown words (a street or town name) when an address part, a function word or the end follows.

The whole stretch is one ADDRESS entity: a redacted street without its city and postcode still lets an
annotator find the house.
"""

from __future__ import annotations

import bisect
import collections
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Annotated

from pydantic import Field

from ..core import AlignedText, Entity
from ..gazetteers import (
    family_names,
    fold_word,
    is_everyday_word,
    place_names,
    spoken_variants,
    town_names,
    zipf_frequency,
)
from ..lang import Token, get_lexicon, load_locale, token_index_at, value_interruptions
from ..lang.phrases import PhraseTable, grow_left, grow_right
from ..lang.tables import load_tables
from ..lang.tokens import Tokens, words_of
from ._phrase_keys import key_words, may_hold, values_after_keyed
from .base import Detector, detectors
from .names import MisheardGuard, locale_given_names

__all__ = ["AddressDetector", "AddressWords"]

# Punctuation an address runs through: "Apt. 4", "Springfield, IL", "> 12 Main St".
_SKIP = frozenset(",.-#>|*•·()/")
_SKIP_OR_QUESTION = _SKIP | {"?"}
# "my address is", "the address of acme is", "addresses: ..." look a few words ahead for the number.
_ADDRESS_WINDOW = 8
# Longest place name looked up, in words.
_PLACE_WORDS = 6


@dataclass(frozen=True)
class AddressWords:
    """The word tables of the address grammar: ``redactkit/lang/<locale>/addresses.yaml`` (each field
    is documented there)."""

    street_types: frozenset[str]
    weak_street_types: frozenset[str]
    minor_street_types: frozenset[str]
    ordinal_street_types: frozenset[str]
    route_prefixes: frozenset[str]
    street_suffixes: tuple[str, ...]
    glued_street_types: tuple[str, ...]
    run_together_types: tuple[str, ...]
    misspelt_street_types: frozenset[str]
    named_street_types: frozenset[str]
    prefix_street_types: frozenset[str]
    name_particles: frozenset[str]
    directions: frozenset[str]
    region_codes: frozenset[str]
    region_names: frozenset[str]
    units: frozenset[str]
    box_words: frozenset[str]
    box_prefixes: frozenset[str]
    military_post: frozenset[str]
    military_regions: frozenset[str]
    ship_prefixes: frozenset[str]
    address_words: frozenset[str]
    grow_stop: frozenset[str]
    measures: frozenset[str]
    quantity_units: frozenset[str]
    not_region: frozenset[str]
    street_prepositions: frozenset[str]
    live_words: frozenset[str]
    place_joiners: frozenset[str]
    house_number_words: frozenset[str]
    house_number_prefixes: frozenset[str]
    number_joiners: frozenset[str]
    ordinal_suffixes: frozenset[str]
    stated_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "stated.cues"})
    stated_max_words: float = field(metadata={"key": "stated.max_words"})
    stated_street_cues: frozenset[tuple[str, ...]] = field(metadata={"key": "stated.street_cues"})
    street_answer_max_zipf: float = field(metadata={"key": "street_answer.max_zipf"})
    street_answer_short_types: frozenset[str] = field(metadata={"key": "street_answer.short_types"})
    house_answer_max_zipf: float = field(metadata={"key": "house_answer.max_zipf"})
    house_answer_min_digits: float = field(metadata={"key": "house_answer.min_digits"})
    house_answer_min_letters: float = field(metadata={"key": "house_answer.min_letters"})
    house_answer_word_min_words: float = field(metadata={"key": "house_answer.word_number_min_words"})
    locality_words: frozenset[str] = field(metadata={"key": "house_answer.locality_words"})
    house_number_cues: PhraseTable[tuple[str, ...]]
    place_answer_max_words: float = field(metadata={"key": "place_answer.max_words"})
    building_max_words: float = field(metadata={"key": "building_answer.max_words"})
    place_answer_not_last: frozenset[str] = field(metadata={"key": "place_answer.not_last"})
    place_opener_min_places: float = field(metadata={"key": "place_answer.opener_min_places"})
    glued_countries: frozenset[str]
    contact_words: frozenset[str] = field(metadata={"key": "answer_contact.words"})
    contact_min_digits: float = field(metadata={"key": "answer_contact.min_digits"})
    state_forms: frozenset[str]
    left_boundary: frozenset[str]
    cues: PhraseTable[tuple[str, ...]]
    cue_patterns: re.Pattern[str]
    not_house_number_after: frozenset[str]
    landmark_before: frozenset[tuple[str, ...]] = field(metadata={"key": "landmarks.before"})
    landmark_nouns: frozenset[tuple[str, ...]] = field(metadata={"key": "landmarks.nouns"})
    landmark_max_words: float = field(metadata={"key": "landmarks.max_words"})
    named_openers: frozenset[str] = field(metadata={"key": "named_before_number.openers"})
    named_max_words: float = field(metadata={"key": "named_before_number.max_words"})
    named_max_zipf: float = field(metadata={"key": "named_before_number.max_zipf"})
    named_listed_max_zipf: float = field(metadata={"key": "named_before_number.listed_max_zipf"})
    answer_tail_max_words: float = field(metadata={"key": "answer_tail.max_words"})
    answer_tail_not_words: frozenset[str] = field(metadata={"key": "answer_tail.not_words"})
    room_units: frozenset[str] = frozenset()
    room_unit_address_openers: frozenset[str] = frozenset()

    @cached_property
    def misspellings(self) -> dict[str, str]:
        """Every word one typing slip away from a ``misspelt_street_types`` word -> the street type it
        stands for. Slips: a letter doubled or swapped with the next; in words of five letters or more
        also a letter left out or replaced. The first letter always stays ("road" is no "toad").
        Only slips of four letters or more that are no everyday word or street word."""
        letters = "abcdefghijklmnopqrstuvwxyz"
        known = self.street_types | self.weak_street_types | self.units
        found: dict[str, str] = {}
        for street in sorted(self.misspelt_street_types):
            slips = {street[:k] + street[k] + street[k:] for k in range(len(street))}
            slips |= {
                street[:k] + street[k + 1] + street[k] + street[k + 2 :] for k in range(1, len(street) - 1)
            }
            if len(street) >= 5:
                slips |= {street[:k] + street[k + 1 :] for k in range(1, len(street))}
                slips |= {street[:k] + c + street[k + 1 :] for k in range(1, len(street)) for c in letters}
            for slip in sorted(slips - {street}):
                if len(slip) >= 4 and slip not in known and not is_everyday_word(slip):
                    found.setdefault(slip, street)
        return found

    @cached_property
    def anchor_words(self) -> frozenset[str]:
        """Every word that can start an anchor (street-suffixed words aside)."""
        return (
            self.street_types
            | self.weak_street_types
            | self.minor_street_types
            | self.prefix_street_types
            | self.units
            | self.box_words
            | self.military_post
            | self.address_words
            | self.ordinal_street_types
            | {"p", "corner", "post"}
        )


@detectors.register("addresses")
class AddressDetector(Detector):
    """ADDRESS entities grown from street, unit, box and cue anchors (see module docs)."""

    emits = ("ADDRESS", "LOCATION")

    def __init__(
        self,
        locale: str = "en-US",
        score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        max_words: Annotated[int, Field(ge=2, le=60)] = 24,
    ) -> None:
        #: word tables of the normalizers
        self.locale = locale
        #: score of every address
        self.score = score
        #: longest address in words
        self.max_words = max_words
        self._lexicon = get_lexicon(locale)
        self._w = words = load_tables(locale, "addresses", AddressWords)
        self._stated_cues = PhraseTable.of(words.stated_cues)
        #: the words a stated cue or an address word ends with (:meth:`_stated_addresses` looks there)
        self._stated_ends = (
            frozenset(phrase[-1] for phrase in self._stated_cues.phrases) | words.address_words
        )
        #: "the club is at ...": a stated street only (:meth:`_stated_addresses`, ``stated.street_cues``)
        self._street_cues = PhraseTable.of(words.stated_street_cues)
        self._street_cue_ends = frozenset(phrase[-1] for phrase in self._street_cues.phrases)
        self._street_cue_keys = key_words(self._street_cues)
        self._any_street_type = words.street_types | words.weak_street_types
        self._landmark_before = PhraseTable.of(words.landmark_before)
        self._landmark_nouns = PhraseTable.of(words.landmark_nouns)
        self._glued_landmarks = tuple(
            sorted(" ".join(noun) for noun in words.landmark_nouns if len(noun) == 1)
        )
        self._stop = words.grow_stop | self._lexicon.fillers | self._lexicon.stopwords | words.measures
        self._boundary = words.left_boundary
        self._asides = value_interruptions(locale)
        self._aside_starts = frozenset(phrase[0] for phrase in self._asides.phrases)
        self._misheard = MisheardGuard(locale)
        self._glued_countries = words.glued_countries
        #: key words (:func:`~redactkit.detect._phrase_keys.key_words`) of ``house_number_cues``,
        #: ``cues`` and ``stated.cues``: a text without any holds no such cue
        self._house_cue_keys = key_words(words.house_number_cues)
        self._cue_keys = key_words(words.cues)
        self._stated_keys = key_words(self._stated_cues) | words.address_words
        #: :meth:`_street_kind` per word of the batch being detected (emptied after each batch)
        self._street_kinds: dict[str, str] = {}
        #: the words of the batch being detected that :meth:`_may_anchor` was asked about, and those
        #: of them that may anchor (both emptied after each batch)
        self._asked_words: set[str] = set()
        self._anchor_words: set[str] = set()
        patterns = words.cue_patterns
        #: ``cue_patterns`` as they are but case-sensitive, for an ASCII text read in lowercase (the
        #: same matches at the same offsets, found faster), when their letters are all lowercase
        self._ascii_cues = (
            re.compile(patterns.pattern, patterns.flags & ~re.IGNORECASE)
            if patterns.pattern == patterns.pattern.lower()
            else None
        )
        self._mail_endings = tuple(
            sorted(load_locale(locale).words("context", "addresses.glued_cue_endings"))
        )
        # the gazetteer indexes are built with the detector, not in the first batch that needs one
        _places(locale)
        _place_openers(locale)

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        places = _places(self.locale)
        try:
            return [self._detect_one(aligned, places) for aligned in texts]
        finally:
            self._street_kinds.clear()  # no transcript words kept after the batch
            self._asked_words.clear()
            self._anchor_words.clear()

    def _detect_one(self, aligned: AlignedText, places: PhraseTable[str]) -> list[Entity]:
        text = aligned.text
        tokens = self._without_asides(_significant(aligned.tokens), aligned.tokens.words)
        if not tokens:
            return []
        anchors = self._anchors(text, tokens, aligned.tokens)
        spans: list[tuple[int, int]] = []
        for first, last, kind in anchors:
            if kind == "street":
                grown = self._grow_left(tokens, first, street_anchor=True)
                if self._unnamed(tokens, grown, first, last, places):
                    continue  # "switch to channel 471 place": a number and a street type, nothing else
                first = grown
            elif kind == "said":
                right = self._grow_right(tokens, last, places)
                if not any(self._said_part(tokens, k, places) for k in range(first, right + 1)):
                    continue  # "is route to eighty busy": a number alone after a cue
            elif kind == "weak":
                grown = self._grow_left(tokens, first, street_anchor=False)
                if self._unnamed(tokens, grown, first, last, places):
                    continue  # "i visited 5 lakes": a count and no street name nor town
                if (
                    grown == first or not any(_has_digit(tokens[k].lower) for k in range(grown, first))
                ) and not self._named_weak(tokens, grown, first):
                    # "play in the park", "one way or another": no house number in digits; a house
                    # number in words counts when more numbered address parts follow ("seventy east
                    # school way number 26 tulsa")
                    right = self._grow_right(tokens, last, places)
                    if not (
                        any(self._is_number(tokens[k].lower) for k in range(grown, first))
                        and any(
                            _has_digit(tokens[k].lower)
                            or (
                                _place_length(tokens, k, places)
                                and tokens[k].lower not in self._w.weak_street_types
                                and fold_word(tokens[k].lower) not in self._w.street_types
                            )
                            for k in range(last + 1, right + 1)
                        )
                    ):
                        continue
                first = grown
            elif kind == "number":
                first = self._extend_left(tokens, first)
            elif kind == "minor":
                # "0060 judy corners hettingerside wisconsin": a street type that is an everyday noun
                # ("points", "mill") needs a house number in digits and a name before it, and a town or
                # region after it ("50 basis points" is none)
                grown = self._grow_left(tokens, first, street_anchor=False)
                right = self._grow_right(tokens, last, places)
                if not (
                    grown < first - 1
                    and _has_digit(tokens[grown].lower)
                    and any(self._locality_part(tokens, k, places) for k in range(last + 1, right + 1))
                ):
                    continue
                first = grown

            elif kind not in ("cue", "said"):
                first = self._grow_left(tokens, first, street_anchor=False)
            last = self._grow_right(tokens, last, places)
            if last - first + 1 > self.max_words:
                last = first + self.max_words - 1
            if spans and (first <= spans[-1][1] + 1 or self._one_word_apart(tokens, spans[-1][1], first)):
                spans[-1] = (min(spans[-1][0], first), max(spans[-1][1], last))
            else:
                spans.append((first, last))
        spans = [
            (self._house_number_word(tokens, a) if self._is_number(tokens[a].lower) else a, b)
            for a, b in spans
        ]  # "no 63 kil road": the word that says a house number belongs to it
        found = [
            Entity(
                tokens[start].start,
                tokens[self._answer_tail(tokens, start, b)].end,
                "ADDRESS",
                self.score,
                self.name,
                "street address",
            )
            for a, b in spans
            if self._is_address(tokens[a : b + 1], tokens[a - 1].lower if a else "")
            or self._named_street(tokens, a, b)
            for start in (self._named_before(tokens, a, aligned),)
        ]
        said = aligned.tokens.words
        # "is at" and a street type word in the text: a street stated after "the club is at" may be
        street_cued = may_hold(self._street_cue_keys, said, text) and not self._any_street_type.isdisjoint(
            said
        )
        if street_cued or may_hold(self._stated_keys, said, text):
            found.extend(self._stated_addresses(tokens, found, street_cued))  # a stated cue or "address"
        if not found:
            answer = self._without_contact(tokens)
            found.extend(
                self._street_answer(answer, places)
                or self._house_answer(answer, places, aligned)
                or self._building_answer(answer, places)
                or self._place_answer(answer, places)
                or self._place_and_country(answer, places)
            )
        return found

    def _one_word_apart(self, tokens: Sequence[Token], end: int, start: int) -> bool:
        """Two parts of one address with a word between them that is no function word ("12 sanford
        shopping center [am] stredam ny 85964": a town cut in two by the recognizer)."""
        if start != end + 2:
            return False
        word = tokens[end + 1].lower
        return (
            _alpha(word)
            and word not in self._w.grow_stop
            and word not in self._lexicon.stopwords
            and word not in self._lexicon.fillers
            # "... apt 9 am ...": a time, not a town cut in two
            and not (word in self._w.measures and self._is_number(tokens[end].lower))
        )

    def _house_number_word(self, tokens: Sequence[Token], a: int) -> int:
        """Where a house number at token ``a`` starts with the word that says it ("[no] 63 kil road"),
        and the block letter said between them ("[no a] 1 east street"); else ``a``."""
        words = self._w.house_number_words
        if a > 0 and tokens[a - 1].lower in words:
            return self._number_prefix(tokens, a - 1)
        if a > 1 and len(tokens[a - 1].lower) == 1 and tokens[a - 1].lower.isalpha():
            return self._number_prefix(tokens, a - 2) if tokens[a - 2].lower in words else a
        return a

    def _number_prefix(self, tokens: Sequence[Token], j: int) -> int:
        """Where the word that says a house number at token ``j`` ("no") starts with the word that says
        whose number it is ("[door] no 45", "[plot] no 12", "[h] no 7", "[old] no 8";
        ``house_number_prefixes``)."""
        return j - 1 if j > 0 and tokens[j - 1].lower in self._w.house_number_prefixes else j

    def _without_contact(self, tokens: list[Token]) -> list[Token]:
        """The tokens of an answer without the phone number said after it ("accaai street maken road
        phone number 4567489977", "... 92218 ph 7279573550 x 2286"): a number of
        ``answer_contact.min_digits`` digits or more at the end (and an extension after "x"), with the
        words of ``answer_contact.words`` before it. The address answer is then the rest of the turn."""
        w = self._w
        end = len(tokens)
        if end >= 2 and tokens[end - 2].lower == "x" and tokens[end - 1].lower.isdigit():
            end -= 2  # "x 2286": an extension
        if not (
            end and tokens[end - 1].lower.isdigit() and len(tokens[end - 1].lower) >= w.contact_min_digits
        ):
            return tokens
        end -= 1
        while end > 1 and tokens[end - 1].lower in w.contact_words:
            end -= 1
        return tokens[:end] if end >= 2 else tokens

    @staticmethod
    def _said(aligned: AlignedText, token: Token) -> str:
        """The original text of a token ("nine eighty seven" for "987")."""
        start, end = aligned.to_original(token.start, token.end)
        return aligned.original[start:end]

    @staticmethod
    def _between(aligned: AlignedText, left: Token, right: Token) -> str:
        """The original text between two tokens."""
        return aligned.original[
            aligned.to_original(left.start, left.end)[1] : aligned.to_original(right.start, right.end)[0]
        ]

    def _named_before(self, tokens: Sequence[Token], first: int, aligned: AlignedText) -> int:
        """Where an address that starts at token ``first`` with its house number starts when the turn
        gives a name first ("kavin rao 14 lotus street pune"): the one to ``named_before_number.max_words``
        name words before the number, when only ``openers`` come before them (``addresses.yaml``)."""
        w = self._w
        if not (self._is_number(tokens[first].lower) or tokens[first].lower in w.house_number_words):
            return first
        k = first
        while (
            k > 0
            and first - k < int(w.named_max_words)
            and self._name_word(tokens[k - 1].lower)
            # a line break or a comma between them ends the name: "Kavin Rao\n14 Lotus Street"
            and not self._between(aligned, tokens[k - 1], tokens[k]).strip(" ")
        ):
            k -= 1
        if k == first or any(tokens[j].lower not in w.named_openers for j in range(k)):
            town = self._town_before(tokens, first, aligned)
            if town < first and all(tokens[j].lower in w.named_openers for j in range(town)):
                return town  # "washington dc 1607 23rd street ...": the town and region said first
            return first
        if self._names_find(tokens, k, first):
            return first  # a listed name is the `names` detector's PERSON: "kavin rao 14 lotus street"
        # a word no list has before a listed one: the address covers the whole name, which the `names`
        # detector would leave in part ("quorvath kavin 14 lotus street")
        return k

    def _answer_tail(self, tokens: Sequence[Token], first: int, last: int) -> int:
        """Where an address that is the answer of its turn ends: an address from the start of the turn
        (or after ``named_before_number.openers``) that stops one to ``answer_tail.max_words`` words
        before the end, all words that are no function words, numbers, assents nor words of
        ``answer_tail.not_words``, takes them ("42 quenby street [rose market]", "45 main road [salt
        lake]": a locality said in everyday words; not "12 elm street sounds good"); else ``last``."""
        rest = len(tokens) - 1 - last
        if not 1 <= rest <= int(self._w.answer_tail_max_words):
            return last
        if any(tokens[j].lower not in self._w.named_openers for j in range(first)):
            return last
        for k in range(last + 1, len(tokens)):
            word = tokens[k].lower
            if (
                not _alpha(word)
                or word in self._stop
                or word in self._w.answer_tail_not_words
                or word in self._w.named_openers
                or self._is_number(word)
            ):
                return last
        return len(tokens) - 1

    def _town_before(self, tokens: Sequence[Token], first: int, aligned: AlignedText) -> int:
        """Where a town (and its region) said right before the house number at token ``first`` start
        ("[springfield il] 12 elm street", "[new york ny] 45 park avenue"): up to
        ``named_before_number.max_words`` words of gazetteer places, region codes that are no function
        words and small towns rarer than ``street_answer.max_zipf`` that are no listed names, one of them
        a gazetteer place or a small town that is no everyday word, with no line break or comma between
        them and the number; else ``first``."""
        w = self._w
        places = _places(self.locale)
        k = first
        named = False
        while k > 0 and first - k < int(w.named_max_words):
            word = tokens[k - 1].lower
            if self._between(aligned, tokens[k - 1], tokens[k]).strip(" "):
                break  # a line break or a comma: "Anna Reid\n49 Bergshaugen 43" names the addressee
            if self._code_word(word):
                k -= 1
                continue
            length = next(
                (n for n in range(min(k, 3), 0, -1) if _place_length(tokens, k - n, places) == n), 0
            )
            if (
                length
                and first - k + length <= int(w.named_max_words)
                and not any(
                    self._between(aligned, tokens[j - 1], tokens[j]).strip(" ")
                    for j in range(k - length + 1, k)
                )
            ):
                k -= length
                named = True
                continue
            if (
                word in town_names()
                and _alpha(word)
                and word not in self._stop
                and not self._listed_name(word)  # "anna", "reid": a listed name is the names detector's
                and zipf_frequency(word) < w.street_answer_max_zipf
            ):
                k -= 1
                named = named or not is_everyday_word(word)
                continue
            break
        return k if named else first

    def _names_find(self, tokens: Sequence[Token], k: int, first: int) -> bool:
        """Whether the `names` detector finds the whole name said in ``tokens[k:first]``: every word is
        an initial or a listed name ("kavin rao"), or a listed given name comes first ("amy quorvath": a
        given name and a surname no list has)."""
        word = fold_word(tokens[k].lower)
        return (word in locale_given_names(self.locale) and self._name_word(word, listed_only=True)) or all(
            len(tokens[j].lower) == 1 or self._name_word(tokens[j].lower, listed_only=True)
            for j in range(k, first)
        )

    def _mailing_end(self, tokens: Sequence[Token], places: PhraseTable[str]) -> bool:
        """The turn ends as a mailing address does: a postcode (five digits or more), a region or
        country code, or a gazetteer place ("... kambur us", "... trichy 600025")."""
        word = tokens[-1].lower
        return (
            (word.isdigit() and len(word) >= 5)
            or self._code_word(word)
            or any(
                _place_length(tokens, k, places) == len(tokens) - k
                for k in range(max(0, len(tokens) - 3), len(tokens))
            )
        )

    def _unlisted_name(self, word: str) -> bool:
        """A name no list has said before the house number of an answer that ends as a mailing address
        does (:meth:`_mailing_end`; "quorinath 143 velmi mahal us"): a word of four letters or more
        rarer than ``named_before_number.max_zipf``, no everyday word, nor two run together, nor an
        e-mail address run together ("kumargmailcom")."""
        return (
            len(word) >= 4
            and word.isalpha()
            and not word.endswith(self._mail_endings)
            and not is_everyday_word(word)
            and self._name_word(word)
            # two everyday words run together: "zipcode 95658 ..."
            and not any(
                is_everyday_word(word[:cut]) and is_everyday_word(word[cut:])
                for cut in range(3, len(word) - 2)
            )
        )

    def _listed_name(self, word: str) -> bool:
        """Whether ``word`` is a listed given or family name ("priya", "okafor")."""
        folded = fold_word(word)
        return folded in locale_given_names(self.locale) or folded in family_names()

    def _name_word(self, word: str, *, listed_only: bool = False) -> bool:
        """A word of a name before a house number: an initial, a listed given or family name rarer than
        ``listed_max_zipf``, or (unless ``listed_only``) a word rarer than ``max_zipf``; no function word,
        number or address word."""
        w = self._w
        if len(word) == 1:
            return word.isalpha() and word not in self._stop and word not in ("a", "i")
        folded = fold_word(word)
        if (
            not folded.isalpha()
            or word in self._stop
            or word in w.named_openers
            or word in w.address_words
            or word in w.house_number_words
            or word in w.units
            or self._is_number(word)
        ):
            return False
        frequency = zipf_frequency(folded)
        listed = folded in locale_given_names(self.locale) or folded in family_names()
        if listed_only:
            return listed and frequency < w.named_listed_max_zipf
        return frequency < w.named_max_zipf or (listed and frequency < w.named_listed_max_zipf)

    def _unnamed(
        self, tokens: Sequence[Token], grown: int, first: int, last: int, places: PhraseTable[str]
    ) -> bool:
        """A street type at ``first`` (to ``last``, grown left to ``grown``) right after a number, with no
        town, region or number after it: "5 lakes", "channel 471 place" name no street."""
        return (
            grown < first
            # an ordinal names a street: "10 west 65th street"
            and (tokens[first - 1].lower.isdigit() or not _has_digit(tokens[first - 1].lower))
            and self._is_number(tokens[first - 1].lower)
            # a name before the number that no dictionary has: "bygget 91 street", "hedemannstasse 15 st"
            and all(
                is_everyday_word(tokens[k].lower)
                for k in range(grown, first - 1)
                if _alpha(tokens[k].lower) and not self._is_number(tokens[k].lower)
            )
            and not any(
                self._locality_part(tokens, k, places, digits=True)
                for k in range(last + 1, self._grow_right(tokens, last, places) + 1)
            )
        )

    def _said_part(self, tokens: Sequence[Token], k: int, places: PhraseTable[str]) -> bool:
        """Token ``k`` of what follows an address cue says more than a number: a street, unit or box
        word, a region code, a place, or a word no dictionary has ("lives at 63 [tylova]"; not "route to
        80 busy")."""
        word = tokens[k].lower
        w = self._w
        return not self._is_number(word) and (
            self._street_kind(word) in w.street_types
            or word in w.weak_street_types
            or word in w.units
            or word in w.box_words
            or (word in w.region_codes and word not in self._stop)
            or bool(_place_length(tokens, k, places))
            or (len(word) > 2 and _alpha(word) and not is_everyday_word(word))
        )

    def _locality_part(
        self, tokens: Sequence[Token], k: int, places: PhraseTable[str], *, digits: bool = False
    ) -> bool:
        """Token ``k`` names a town or region after a street: a gazetteer place that is no street word,
        or a region code that is no function word; a number too when ``digits`` (not after a minor street
        type: misheard speech is full of numbers)."""
        word = tokens[k].lower
        return (
            (digits and _has_digit(word))
            or (word in self._w.region_codes and word not in self._stop)
            or (
                bool(_place_length(tokens, k, places))
                and word not in self._w.weak_street_types
                and word not in self._w.minor_street_types
                and fold_word(word) not in self._w.street_types
            )
        )

    def _state_zip(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` is a region code (no function word) after a word that may end a town's name and
        before a five-digit number: "marlow [fl] 32044"."""
        word = tokens[i].lower
        if word not in self._w.region_codes or word in self._stop or i == 0 or i + 1 >= len(tokens):
            return False
        nxt, previous = tokens[i + 1].lower, tokens[i - 1].lower
        return len(nxt) == 5 and nxt.isdigit() and _alpha(previous) and previous not in self._stop

    def _place_answer(self, tokens: Sequence[Token], places: PhraseTable[str]) -> list[Entity]:
        """A turn that is only a town and its region or country answers "where?" ("kalamazoo mi", "waco
        texas usa"): gazetteer places, region codes and country codes (``glued_countries``), at most
        ``place_answer.max_words`` words, at least one a place that is no region code, the last a region
        or country code (none of ``not_last``); an assent or "address" may come first. The first word
        may be a town no list has, or one misspelt ("wasington usa"; no listed name: "priya tx"). A
        LOCATION."""
        w = self._w
        first = 0
        while first < min(2, len(tokens) - 1) and (
            tokens[first].lower in w.address_words or tokens[first].lower in w.named_openers
        ):
            first += 1
        end = len(tokens)
        zipped = (
            end - first >= 3
            and len(tokens[-1].lower) == 5
            and tokens[-1].lower.isdigit()
            and tokens[-2].lower in w.region_codes
        )
        if zipped:
            end -= 1  # "south bend in 46617": a ZIP code after the region (one that is a word too)
        if not 2 <= end - first <= int(w.place_answer_max_words):
            return []
        code = tokens[end - 1].lower
        if not (self._code_word(code) or zipped) or code in w.place_answer_not_last:
            return []
        place = False
        k = first
        while k < end - 1:
            length = _place_length(tokens, k, places)
            if length and not (length == 1 and self._code_word(tokens[k].lower)):
                place = True
                k += length
            elif self._code_word(tokens[k].lower):
                k += 1
            elif (
                k == first
                and self._unlisted_town(tokens[k].lower)
                and not self._listed_name(tokens[k].lower)
                and not tokens[k].lower.endswith(self._mail_endings)  # "quorvelgmailcom ok"
                and code not in w.named_openers  # "sprite ok": an assent after an order
            ):
                place = True  # "wasington usa", "quarlenby tx": a town no list has (or misspelt) first
                k += 1
            elif (
                k == first
                and tokens[k].lower in _place_openers(self.locale)
                and not self._code_word(tokens[k + 1].lower)
                and _place_length(tokens, k + 1, places)
            ):
                k += 1  # "new bristol uk": a word that opens many places' names before a listed town
            else:
                return []
        if not place or k != end - 1:
            return []
        why = "a turn that is only a town and its region"
        return [Entity(tokens[first].start, tokens[end - 1].end, "LOCATION", self.score, self.name, why)]

    def _place_and_country(self, tokens: Sequence[Token], places: PhraseTable[str]) -> list[Entity]:
        """A town said with its country at the end of the turn after a word that introduces a place
        ("i'm from new jersey us", "it ships to leeds uk"): gazetteer places (at most
        ``place_answer.max_words`` words with the country) after a ``left_boundary`` or
        ``street_prepositions`` word, then a short country name of ``glued_countries`` that ends the
        turn. A LOCATION, the country with it (the `places` detector leaves "us" out: it is a word)."""
        w = self._w
        if len(tokens) < 3 or tokens[-1].lower not in self._glued_countries:
            return []
        end = len(tokens) - 1
        for first in range(max(1, end - int(w.place_answer_max_words) + 1), end):
            before = tokens[first - 1].lower
            if before not in w.left_boundary and before not in w.street_prepositions:
                continue
            k = first
            while k < end and (length := _place_length(tokens, k, places)) and k + length <= end:
                k += length
            if k == end:
                why = "a town and its country after a word that introduces a place"
                return [Entity(tokens[first].start, tokens[end].end, "LOCATION", self.score, self.name, why)]
        return []

    def _code_word(self, word: str) -> bool:
        """A region code that is no function word ("wa", "ny") or a short country name ("usa")."""
        w = self._w
        return (word in w.region_codes and word not in self._stop) or word in self._glued_countries

    def _landmark_tail(self, tokens: Sequence[Token], i: int) -> int:
        """The last token of a landmark said after an address from token ``i`` on ("near the old water
        tower", "opposite ravi textiles shop", "behind st mary's church"), or 0 (``landmarks``)."""
        found = self._landmark_before.starting_at(tokens, i)
        if found is None:
            return 0
        k = i + found[0]
        if k < len(tokens) and tokens[k].lower == "the":
            k += 1
        for j in range(k, min(k + int(self._w.landmark_max_words) + 1, len(tokens))):
            noun = self._landmark_nouns.starting_at(tokens, j)
            if noun is not None:
                return j + noun[0] - 1
            word = fold_word(tokens[j].lower)
            if any(word.startswith(noun) and len(word) - len(noun) <= 2 for noun in self._glued_landmarks):
                return j  # "opposite the grand schoolin": a region code glued to the landmark
            if not word.replace("'", "").isalpha() or word in self._stop or self._is_number(word):
                return 0
        return 0

    def _house_answer(
        self, tokens: Sequence[Token], places: PhraseTable[str], aligned: AlignedText
    ) -> list[Entity]:
        """A turn that is only a house number and the locality answers "your address?" ("62 elmhurst",
        "no 415 ravi koramangala", "2078 ashfordvale wa 98101"): a house number of ``house_answer``
        ``min_digits`` digits or more (no year: "2019 london"), then one to three words none as frequent
        as ``house_answer.max_zipf`` ("2 tickets", "4 adults" are no address) and no stop word, unit
        letters and directions between them ("98 f veppadai"), the last a place of the gazetteer or a
        word of ``min_letters`` letters or more with two vowels that is no everyday word ("1234 abcd" is
        a code), then nothing or the rest of an address (a region, a postcode) to the end of the turn.
        "address", "number" or an assent ("yes", ``named_before_number.openers``) may come first.
        A count is no house number ("three two one go-time",
        "one two three testing": :func:`_counted`); "nine eighty seven" is said as a number, no count."""
        w = self._w
        first = 0
        while first < min(3, len(tokens) - 1) and (
            tokens[first].lower in w.address_words
            or tokens[first].lower in w.house_number_words
            or tokens[first].lower in w.named_openers
        ):
            first += 1
        named = first
        while (
            first < len(tokens) - 1
            and first - named < int(w.named_max_words)
            and not _has_digit(tokens[first].lower)
            and self._name_word(tokens[first].lower)
        ):
            first += 1  # "tarun 42 velmora": the name said before the house number
        if first > named and not self._is_number(tokens[first].lower):
            first = named
        start = first  # a listed name stays the `names` detector's PERSON
        unlisted = [
            k
            for k in range(named, first)
            if len(tokens[k].lower) > 1 and not self._name_word(tokens[k].lower, listed_only=True)
        ]
        if unlisted and not self._names_find(tokens, named, first):
            if not (
                all(self._unlisted_name(tokens[k].lower) for k in unlisted)
                and self._mailing_end(tokens, places)
            ):
                return []
            # "quorinath 143 velmi mahal us", "quorinath kavin 143 velmi mahal us": a name no list has
            # belongs to the address, and so does the rest of the name, which `names` would leave in part
            start = named
        number = tokens[first].lower if tokens else ""
        # the original words matter for a number in digits only ("nine eighty seven" is no count)
        said = self._said(aligned, tokens[first]) if tokens and number.isdigit() else ""
        digits = self._house_digits(number, said)
        if not digits:
            return []
        names: list[int] = []
        for k in range(first + 1, min(first + 5, len(tokens))):
            word = tokens[k].lower
            if word in w.directions or (len(word) == 1 and word.isalpha() and word not in self._stop):
                continue  # "98 f veppadai", "44 w roja pudhur": a unit letter or a direction
            if (
                names
                and len(names) < 4
                and (
                    word in w.locality_words
                    or _place_length(tokens, k, places) == 1
                    or self._landmark_nouns.starting_at(tokens, k) == (1, (word,))
                )
            ) or (
                # "2542 park kelvari", "45 new velmora": a neighbourhood named with a weak street type
                # first, or a town with a word that opens many places' names, after a house number of
                # `min_digits` digits
                not names
                and (word in w.weak_street_types or word in _place_openers(self.locale))
                and k + 1 < len(tokens)
                and digits >= int(w.house_answer_min_digits)
                # "10001 new york", "92019 el cajon": a postcode and a listed town
                and not _place_length(tokens, k, places)
            ):
                names.append(
                    k
                )  # "34 kelvari post", "15 quarrow texas", "34 quenby college": however frequent
                continue
            if len(names) == 3 or (
                not _alpha(word)
                or word in self._stop
                or zipf_frequency(word) >= w.house_answer_max_zipf
                or (word.endswith("s") and is_everyday_word(word[:-1]))  # "2 pizzas", "3 pax"
            ):
                break
            names.append(k)
        # the locality may be followed by a region code ("... quintavo tx 75012"): the longest fit
        ends = [last for last in reversed(names) if self._locality_ends(tokens, last, places)]
        if not ends:
            return []
        said_number = first > 0 and tokens[first - 1].lower in w.house_number_words  # "no twelve ..."
        if (not number.isdigit() or digits < int(w.house_answer_min_digits)) and not said_number:
            # a house number said as a word or of one digit: "two agua frescas", "ten burgers" are orders,
            # "eighteen th march" is a date; "no twelve kara nathik" says it is a house number
            taken = [tokens[k].lower for k in names if k <= ends[0]]
            if taken and taken[0] in w.ordinal_suffixes:
                return []
            strong = any(
                word in w.locality_words or self._street_kind(word) in w.weak_street_types for word in taken
            )
            if not (
                strong
                or (
                    digits >= int(w.house_answer_min_digits)
                    and len(taken) >= int(w.house_answer_word_min_words)
                    and _place_length(tokens, ends[0], places) == 1
                )
            ):
                return []
        if start == first and first and tokens[first - 1].lower in w.house_number_words:
            start = self._number_prefix(tokens, first - 1)  # "[door no] 415 ...": the words saying it
        return [self._whole_turn(tokens, start, "a turn that is only a house number and the locality")]

    def _house_digits(self, word: str, said: str = "", *, counts: bool = True) -> int:
        """How many digits a house number said as ``word`` has ("415" 3, "twenty" 2, "nine" 1), or 0 when
        it is none: no zero, no year ("2019 london"), no count ("321" said digit by digit; ``said`` is
        the original text: "nine eighty seven" is a number; ``counts=False`` takes counts too), at
        most five digits."""
        lex = self._lexicon
        if word.isdigit():
            as_number = any(w in lex.tens or w in lex.teens or w in lex.hundred for w in said.lower().split())
            if not (
                len(word) <= 5  # before int(): a run of thousands of digits is no house number
                and int(word) > 0
                and not (len(word) == 4 and word[:2] in ("19", "20"))
                and (as_number or not counts or not _counted(word))
            ):
                return 0
            return len(word)
        if word in lex.teens or word in lex.tens:
            return 2
        if word in lex.digits and lex.digits[word] != 0:
            return 1
        return 0

    def _whole_turn(self, tokens: Sequence[Token], first: int, why: str) -> Entity:
        """An ADDRESS from token ``first`` to the end of the turn: an answer to "your address?"."""
        return Entity(tokens[first].start, tokens[-1].end, "ADDRESS", self.score, self.name, why)

    def _building_answer(self, tokens: Sequence[Token], places: PhraseTable[str]) -> list[Entity]:
        """A turn that is only a named building or landmark and its locality answers "your address?"
        ("quessa shopping mall vettuvan madurai", "address orvel mart boston 02118"): one to
        ``building_answer.max_words`` name words (no function word, number or word as frequent as
        ``street_answer.max_zipf``), a landmark noun (``landmarks.nouns``), then at least one word of the
        rest of an address (a town, a region, a postcode, a word no dictionary lists) to the end of the
        turn. An assent or "address" may come first."""
        w = self._w
        first = 0
        while first < min(2, len(tokens) - 1) and (
            tokens[first].lower in w.address_words or tokens[first].lower in w.named_openers
        ):
            first += 1
        for j in range(first + 1, min(first + 1 + int(w.building_max_words), len(tokens) - 1)):
            noun = self._landmark_nouns.starting_at(tokens, j)
            if noun is None:
                continue
            if not self._answer_name_words(tokens, first, j):
                return []
            end = j + noun[0] - 1
            if end + 1 >= len(tokens):
                return []
            nxt = tokens[end + 1].lower
            if not (
                _place_length(tokens, end + 1, places)
                or self._code_word(nxt)
                or _has_digit(nxt)
                or (_alpha(nxt) and nxt not in self._stop and not is_everyday_word(nxt))
            ):
                return []
            if self._grow_right(tokens, end, places) != len(tokens) - 1:
                return []
            return [self._whole_turn(tokens, first, "a turn that is only a building and its locality")]
        return []

    def _answer_name_words(self, tokens: Sequence[Token], first: int, stop: int) -> bool:
        """Whether ``tokens[first:stop]`` can name a street or a building in a one-line answer: no
        function word, no number, none as frequent as ``street_answer.max_zipf`` unless it is a
        direction or the words are a gazetteer place ("london road", "new york avenue": a street named
        after a town)."""
        names = [tokens[k].lower for k in range(first, stop)]
        if _place_length(tokens, first, _places(self.locale)) == stop - first and all(map(_alpha, names)):
            return True
        return any(name not in self._w.directions for name in names) and all(
            _alpha(name)
            and name not in self._stop
            and not self._is_number(name)
            # a direction however frequent: "kelvar north street"
            and (name in self._w.directions or zipf_frequency(name) < self._w.street_answer_max_zipf)
            for name in names
        )

    def _street_answer(self, tokens: Sequence[Token], places: PhraseTable[str]) -> list[Entity]:
        """A turn that is only a street, without a house number, answers "your address?": "hollis
        street", "address tarrant road eastbury". One to three name words (no function word, no
        number, none as frequent as ``street_answer.max_zipf``: "go down main street" is none), a street
        type that names a street (``named_street_types``, a slip or a glued town undone), then nothing
        or the rest of an address (a town, a region, a postcode) to the end of the turn. The word
        "address" may come first."""
        w = self._w
        first = 1 if tokens and tokens[0].lower in w.address_words else 0
        for j in range(first + 1, min(first + 4, len(tokens))):
            word = tokens[j].lower
            if self._street_kind(word) in w.named_street_types or word in w.street_answer_short_types:
                if not self._answer_name_words(tokens, first, j):
                    return []
                if j + 1 < len(tokens) and self._grow_right(tokens, j, places) != len(tokens) - 1:
                    return []
                return [self._whole_turn(tokens, first, "a turn that is only a street")]
            if not _alpha(word) or word in self._stop:
                return []
        return []

    def _locality_ends(self, tokens: Sequence[Token], last: int, places: PhraseTable[str]) -> bool:
        """Token ``last`` names a locality (a gazetteer place, or a long word with two vowel groups that
        is no everyday word) and nothing or the rest of an address follows it to the end of the turn."""
        word = tokens[last].lower
        locality = (
            _place_length(tokens, last, places) == 1
            or (
                last > 0
                and _alpha(tokens[last - 1].lower)
                and tokens[last - 1].lower not in self._stop
                and (
                    word in self._w.locality_words
                    # a landmark after a name no dictionary has: "34 quenby college", not "25 grocery store"
                    or (
                        self._landmark_nouns.starting_at(tokens, last) == (1, (word,))
                        and not is_everyday_word(tokens[last - 1].lower)
                    )
                )
            )  # "34 kelvari post", "34 quenby college"
            or (
                self._unlisted_town(word)
                and not word.endswith(self._mail_endings)  # "56 janegmailcom": an e-mail address
            )
        )
        return locality and (
            last + 1 == len(tokens) or self._grow_right(tokens, last, places) == len(tokens) - 1
        )

    def _without_asides(self, tokens: list[Token], every: Sequence[str] = ()) -> list[Token]:
        """The tokens without the asides a caller makes inside an address ("24 let me see franklin
        road", "35 elm street sorry it's loud here apartment 4"): an aside (``value_interruptions``)
        after a number, a unit letter or a street type, before a number or a word that is no function
        word. The address is then found as if the aside was not said, and its span covers the aside
        (fail closed). ``every``: the words of all the text's tokens, when known (a text none of
        whose words starts an aside is returned at once)."""
        if every and self._aside_starts.isdisjoint(every):
            return tokens
        lower = [token.lower for token in tokens]
        if self._aside_starts.isdisjoint(lower):
            return tokens
        kept: list[Token] = []
        i = 0
        while i < len(tokens):
            length = 0
            if kept:
                j = i
                while j < len(tokens):
                    found = self._asides.starting_at(tokens, j)
                    if not found:
                        break
                    j += found[0]
                length = j - i
            if length and i + length < len(tokens) and self._aside_between(kept[-1].lower, lower[i + length]):
                i += length
                continue
            kept.append(tokens[i])
            i += 1
        return kept

    def _aside_between(self, before: str, after: str) -> bool:
        """Whether an aside between ``before`` and ``after`` may sit inside an address."""
        w = self._w
        address_before = (
            self._is_number(before)
            or (len(before) == 1 and before.isalpha() and before not in self._stop)
            or fold_word(before) in w.street_types
            or before in w.weak_street_types
        )
        address_after = self._is_number(after) or (
            _alpha(after) and after not in self._stop and after not in w.measures
        )
        if not address_before and _alpha(before) and before not in self._stop:
            # after a street or town name, before the postcode or the state: "columbus let me find
            # it m d 43215"
            return _has_digit(after) or (len(after) <= 2 and after.isalpha() and after not in self._stop)
        return address_before and address_after

    def _stated_addresses(
        self, tokens: Sequence[Token], found: Sequence[Entity], street_cued: bool = False
    ) -> list[Entity]:
        """The words after "the address is" or "located at" up to where the sentence goes on, when they
        name a street or place without a house number: "the address is wandlebury ring gog magog hills
        babraham", "located at leisure park clifton way cherry hinton" (``stated_cues``; "address" opening
        the turn counts too). They must hold
        a street type or a word that is no everyday word: "the address is correct" stays.

        With ``street_cued``, a cue of ``stated.street_cues`` ("the club is at") counts too when the
        words after it name a street: a street type after a word that is no everyday word ("is at
        hartfield retail park penrose way"; not "is at the corner", "is at the skate park")."""
        w = self._w
        entities: list[Entity] = []
        cue_ends = self._stated_ends | self._street_cue_ends if street_cued else self._stated_ends
        # most texts: no stated cue nor address word ends anywhere (accented words: the matcher says)
        looks = [
            i
            for i in range(1, len(tokens))
            if tokens[i - 1].lower in cue_ends or not tokens[i - 1].lower.isascii()
        ]
        if not looks:
            return entities
        ordered = sorted((e.start, e.end) for e in found)
        starts = [start for start, _ in ordered]
        ends = list(itertools.accumulate((end for _, end in ordered), max))  # furthest end so far
        said = words_of(tokens)  # once: the matcher keeps its results on them
        for i in looks:
            stated = self._stated_cues.ending(said, i)
            address = tokens[i - 1].lower in w.address_words
            street_only = street_cued and not (stated or address) and bool(self._street_cues.ending(said, i))
            if not (stated or address or street_only):
                continue
            # "address" inside a turn needs a street after it: "... and address memorial dr chicopee wa"
            inside = not (stated or i == 1) and address
            first = i + (tokens[i].lower == "the")
            last = first - 1
            # the words after a house number found with its street are that address's: "located at 517
            # a coldham lane may i help", not "located at 517 a coldham lane may"
            unfound = first < len(tokens) and not any(
                start <= tokens[first].start < end for start, end in ordered
            )
            # "new address near kovalan plaza old tenmari": a landmark is the address
            landmark = self._landmark_tail(tokens, first) if first < len(tokens) else 0
            for k in range(first, min(first + int(w.stated_max_words), len(tokens))):
                word = tokens[k].lower
                if k <= landmark:
                    last = k
                    continue
                street_type = (
                    k > first
                    and _alpha(tokens[k - 1].lower)
                    and tokens[k - 1].lower not in self._stop
                    and not self._is_number(tokens[k - 1].lower)
                    and (fold_word(word) in w.street_types or word in w.weak_street_types)
                )
                # a unit letter after the house number is no article: "the address is 57 a elm lane"
                unit_letter = (
                    unfound
                    and k > first
                    and len(word) == 1
                    and word.isalpha()
                    and _has_digit(tokens[k - 1].lower)
                )
                # a country code that ends the answer: "the address is kovil madurai [us]"
                country = k > first and word in self._glued_countries and self._ends_answer(tokens, k)
                if (word in self._stop and not (street_type or unit_letter or country)) or not (
                    _alpha(word) or _has_digit(word)
                ):
                    break  # a street type after a name is no measure: "the address is market square"
                last = k
            if last < first:
                continue
            k = bisect.bisect_right(starts, tokens[first].start) - 1
            if k >= 0 and tokens[last].end <= ends[k]:
                continue  # already found whole (with its house number)
            words = [tokens[k].lower for k in range(first, last + 1)]
            streetish = any(
                fold_word(word) in w.street_types or word in w.weak_street_types for word in words
            )
            named = len(words) >= 2 and any(_alpha(word) and not is_everyday_word(word) for word in words)
            if inside:
                streetish = any(
                    fold_word(tokens[k].lower) in w.street_types
                    and _alpha(tokens[k - 1].lower)
                    and tokens[k - 1].lower not in self._stop
                    for k in range(first + 1, last + 1)
                )
                named = False
            if street_only:
                streetish = any(
                    fold_word(tokens[k].lower) in self._any_street_type
                    and _alpha(tokens[k - 1].lower)
                    and tokens[k - 1].lower not in self._stop
                    and not is_everyday_word(tokens[k - 1].lower)
                    for k in range(first + 1, last + 1)
                )
                named = False
            if streetish or named:
                entities.append(
                    Entity(
                        tokens[i].start,
                        tokens[last].end,
                        "ADDRESS",
                        self.score,
                        self.name,
                        "address stated after a cue",
                    )
                )
        return entities

    def _named_street(self, tokens: Sequence[Token], a: int, b: int) -> bool:
        """A street named without a house number after a preposition, when its name is not an everyday
        word ("shows on bezrukov street", not "down main street") or someone lives there ("i live on
        fifth avenue")."""
        # "the address is regent street": the address word is the cue
        address_is = a > 1 and tokens[a - 1].lower == "is" and tokens[a - 2].lower in self._w.address_words
        if a == 0 or (tokens[a - 1].lower not in self._w.street_prepositions and not address_is):
            return False
        # "to torvelli street springfield oh": the street, then its town
        street = self._before_town(tokens, a, b)
        if street - a > 2:
            return False
        words = [tokens[k].lower for k in range(a, street + 1)]
        # an abbreviated type names a street when its town follows: "to geller st springfield oh"
        short = street < b and words[-1] in self._w.street_answer_short_types
        if fold_word(words[-1]) not in self._w.named_street_types and not short:
            return False
        names = words[:-1]
        if not names or not all(_alpha(w) and w not in self._stop for w in names):
            return False
        if address_is or (a > 1 and tokens[a - 2].lower in self._w.live_words):
            return True  # where someone lives or something is, however common the name
        # a possessive is whose place it is, no street name: "come over to maelis's place"
        return not any(w.endswith("'s") for w in names) and any(not is_everyday_word(w) for w in names)

    def _before_town(self, tokens: Sequence[Token], a: int, b: int) -> int:
        """The last token of the span ``a``..``b`` before the town, region and country said after a
        street that ends at most three words in ("torvelli street [springfield oh]", "geller st
        [springfield oh]": ``street_answer.short_types`` too), or ``b``."""
        places = _places(self.locale)
        for j in range(a + 1, min(a + 3, b)):
            if (
                fold_word(tokens[j].lower) not in self._w.named_street_types
                and tokens[j].lower not in self._w.street_answer_short_types
            ):
                continue
            k = j + 1
            while k <= b:
                length = _place_length(tokens, k, places)
                if length and tokens[k].lower not in self._w.weak_street_types:
                    k += length
                elif self._code_word(tokens[k].lower) or (
                    # a region code that is a word too ends the turn: "... springfield oh"
                    tokens[k].lower in self._w.region_codes and k == len(tokens) - 1 and k > j + 1
                ):
                    k += 1
                else:
                    break
            if k == b + 1:
                return j
        return b

    def _is_address(self, span: Sequence[Token], before: str = "") -> bool:
        """A house, unit or box number, or a named corner of two streets; "the quickest way" is none,
        and neither is "room 1049" or "route 66" alone (``not_house_number_after``; ``before`` is the
        word before the span: "seat [14 b row 3]")."""
        words = [token.lower for token in span]
        if any(self._state_zip(span, k) for k in range(1, len(span) - 1)):
            return True  # "marlow fl 32044": a ZIP code after a state ("fl" is no floor before five digits)
        # "room 1049", "gate 25", "route 66" alone: the number names a room, a gate or a road, no house;
        # a street or locality named after it makes it one ("room no 83 ii avenue", "room 2 vel nagar")
        said = [before, *words]
        if any(
            self._is_number(word) and (self._street_after(said, k) or not self._room_number(said, k))
            for k, word in enumerate(said)
            if k
        ):
            return True
        return "corner" in words and self._named_corner(words)

    def _room_number(self, words: Sequence[str], k: int) -> bool:
        """The number at ``k`` names a room, a gate or a road (``not_house_number_after``)."""
        after = self._w.not_house_number_after
        return (
            (k > 0 and words[k - 1] in after)
            # "room no 1049": the word saying a number, after "room", "gate"
            or (k >= 2 and words[k - 1] in self._w.house_number_words and words[k - 2] in after)
            or self._continues_a_room_number(words, k)
            # "gate b 33", "terminal c 12": a letter may name the concourse before the number
            or (k >= 2 and len(words[k - 1]) == 1 and words[k - 1].isalpha() and words[k - 2] in after)
            # "we're in suite three oh six": a unit after a word that is no number (a house's or a
            # street's, "sixty one oh two suite four hundred") is a room of the building talked in
            # ("the office is at suite four hundred": after "at" the unit says where a place is)
            or (
                k >= 2
                and words[k - 1] in self._w.room_units
                and not self._is_number(words[k - 2])
                and words[k - 2] not in self._w.room_unit_address_openers
            )
        )

    def _street_after(self, words: Sequence[str], k: int) -> bool:
        """A street type or a locality word after a name word follows the number at ``k`` ("room no 83
        ii avenue"; not "seat 14 b row 3")."""
        return any(
            (fold_word(words[j]) in self._w.street_types or words[j] in self._w.locality_words)
            and len(words[j - 1]) > 1
            and _alpha(words[j - 1])
            and words[j - 1] not in self._stop
            and words[j - 1] not in self._w.units
            and words[j - 1] not in self._w.not_house_number_after
            for j in range(k + 2, len(words))
        )

    def _named_corner(self, words: Sequence[str]) -> bool:
        """A corner of two streets with a name: a street type after a word that can name it ("the
        corner of elm street and oak"). "The corner of street and park" names none: a
        street type right after "corner (of)" has no name (one said before its name aside: "calle",
        "rue"), and neither "corner" itself nor a word a
        recognizer ran together ("blockand": :class:`~redactkit.detect.names.MisheardGuard`) is a
        street's name."""
        types = self._w.street_types
        after = words.index("corner") + 1
        if after < len(words) and words[after] == "of":
            after += 1
        if after < len(words) and words[after] in types and words[after] not in self._w.prefix_street_types:
            return False  # "the corner of street and park", but "the corner of calle luna and ..."
        return any(
            word in types
            and k > 0
            and _alpha(words[k - 1])
            and words[k - 1] not in self._stop
            and words[k - 1] != "corner"
            and words[k - 1] not in types
            and not self._misheard.misheard(words, k - 1)
            for k, word in enumerate(words)
        )

    def _continues_a_room_number(self, words: Sequence[str], k: int) -> bool:
        """The number at ``k`` goes on a number after "room", "gate" or "route" that a recognizer broke
        up ("room four thirsty six", "room one all five four", "room one or 33"): back to that word there
        are only numbers and at most two other words (a street after the number still makes it a house
        number: :meth:`_street_after`)."""
        others = 0
        for j in range(k - 1, -1, -1):
            word = words[j]
            if word in self._w.not_house_number_after:
                return j < k - 1
            if self._is_number(word):
                continue
            others += 1
            if others > 2 or not _alpha(word) or word in self._w.street_types or word in self._w.box_words:
                return False
        return False

    def _anchors(self, text: str, tokens: Sequence[Token], every: Tokens) -> list[tuple[int, int, str]]:
        """Where addresses may be: street, unit, box and cue anchors in ``tokens`` (the significant
        ones of ``every``, all tokens of ``text``)."""
        places = _places(self.locale)
        anchors: list[tuple[int, int, str]] = []
        count = len(tokens)
        suffixes = self._w.street_suffixes
        anchoring = self._anchoring(set(words_of(every)))
        for i in [k for k, token in enumerate(tokens) if token.lower in anchoring] if anchoring else ():
            token = tokens[i]
            word = token.lower  # (most words pass no word test: skipped above)
            kind = self._street_kind(word)  # "út" is "ut", "steet" is "street", "lanedenver" is "lane"
            if (
                word in self._w.region_codes
                and self._state_zip(tokens, i)
                and tokens[i - 1].lower not in self._w.named_openers
            ):
                # "gimber fl 78656": a town no list has, its state and a ZIP; a known town with them
                # is a LOCATION and a ZIP code ("tulsa ok 74132"), no street address
                if not any(_place_length(tokens, j, places) == i - j for j in range(max(0, i - 4), i)):
                    anchors.append((i, i + 1, "street"))
                continue
            if (
                kind not in self._w.anchor_words
                and word.endswith(self._w.run_together_types)
                and i > 0
                and (
                    self._house_digits(tokens[i - 1].lower, counts=False) > 0
                    # "200 e mainst": a direction between
                    or (
                        i > 1
                        and tokens[i - 1].lower in self._w.directions
                        and self._house_digits(tokens[i - 2].lower, counts=False) > 0
                    )
                )
                and self._run_together(word)
            ):
                anchors.append((i, i, "glued"))  # "12 mainst", "5 unioncourt": the name inside the word
                continue
            if kind not in self._w.anchor_words and (
                len(word) <= 6 or not (kind.endswith(suffixes) or word.endswith(suffixes))
            ):
                continue  # most words: one set lookup
            nxt = tokens[i + 1].lower if i + 1 < count else ""
            street = (
                kind in self._w.street_types
                and i > 0
                and (self._is_part(tokens[i - 1].lower) or self._route(tokens, i - 1))
                and not self._measured(tokens, i)
            ) or (word in self._w.ordinal_street_types and self._numbered_street(tokens, i))
            prefix = kind in self._w.prefix_street_types and self._number_within(tokens, i + 1, 6)
            suffixed = (
                len(word) > 6
                and word.isalpha()
                and (word.endswith(suffixes) or kind.endswith(suffixes))
                and not is_everyday_word(word)  # "delivering", "roadway"
            )
            if street or prefix or suffixed:
                anchors.append((i, i, "street"))
            elif (
                kind in self._w.weak_street_types
                and i > 0
                and self._is_part(tokens[i - 1].lower)
                and nxt not in self._w.measures
            ):
                anchors.append((i, i, "weak"))
            elif (
                kind in self._w.minor_street_types
                and i > 1
                and _alpha(tokens[i - 1].lower)
                and tokens[i - 1].lower not in self._stop
                and nxt not in self._w.measures
            ):
                anchors.append((i, i, "minor"))
            elif word in self._w.units and self._is_number(nxt):
                if not (
                    i > 0 and word in self._w.not_house_number_after and self._is_number(tokens[i - 1].lower)
                ):  # "thirty floor forty two": "four" misheard between number words, no floor
                    anchors.append((i, i + 1, "unit"))
            elif (
                word in self._w.units
                and nxt in self._w.house_number_words
                and i + 2 < count
                and self._is_number(tokens[i + 2].lower)
            ):
                anchors.append((i, i + 2, "unit"))  # "flat no 25", "room number 12 b"
            elif word in self._w.box_words and (
                (self._is_number(nxt) and word not in self._w.box_prefixes)
                or (nxt == "box" and word != "box")
            ):
                anchors.append((i, i + 1, "box"))
            elif word == "p" and nxt == "o" and i + 2 < count and tokens[i + 2].lower == "box":
                anchors.append((i, i + 2, "box"))
            elif word == "post" and nxt == "office" and i + 2 < count and tokens[i + 2].lower == "box":
                anchors.append((i, i + 2, "box"))  # "post office box 456"
            elif word in self._w.military_post and nxt in self._w.military_regions:
                first = i
                for k in range(i - 1, max(i - 5, -1), -1):  # "uss name fpo ap"
                    if tokens[k].lower in self._w.ship_prefixes:
                        first = k
                        break
                anchors.append((first, i + 1, "cue"))
            elif word == "corner" and nxt == "of":
                first = i - 1 if i > 0 and tokens[i - 1].lower == "the" else i
                anchors.append((first, i + 1, "cue"))
            elif word in self._w.address_words:
                for k in range(i + 1, min(i + 1 + _ADDRESS_WINDOW, count)):
                    if tokens[k].lower in {"?", "!"}:
                        break
                    if self._house_number(tokens, k):
                        anchors.append((k, k, "number"))
                        break
        for end in values_after_keyed(self._w.house_number_cues, self._house_cue_keys, every, text):
            index = token_index_at(tokens, every[end].start) if end < len(every) else count
            if index < count and self._number_ends(tokens, index):
                anchors.append((index, index, "cue"))  # "the house number is 55": a house number alone
        if self._ascii_cues is not None and text.isascii():
            cue_ends = [match.end() for match in self._ascii_cues.finditer(text.lower())]
        else:
            cue_ends = [match.end() for match in self._w.cue_patterns.finditer(text)]
        cue_ends += [
            every[end].start
            for end in values_after_keyed(self._w.cues, self._cue_keys, every, text)
            if end < len(every)
        ]
        said = [token.lower for token in tokens] if cue_ends else []  # once per text: linear time
        for end in cue_ends:
            index = token_index_at(tokens, end)
            if index < count:
                anchor = self._after_cue(tokens, index, said)
                if anchor is not None:
                    anchors.append(anchor)
        return sorted(set(anchors))

    def _anchoring(self, words: set[str]) -> set[str]:
        """Those of ``words`` that pass :meth:`_may_anchor` (asked once per word of the batch: most
        words of a text are none)."""
        new = words - self._asked_words
        if new:
            self._asked_words |= new
            self._anchor_words.update(word for word in new if self._may_anchor(word))
        return words & self._anchor_words

    def _may_anchor(self, word: str) -> bool:
        """Whether ``word`` passes the word tests of :meth:`_anchors` before its context is looked at:
        a region code, an anchor word, a word ending like a run-together street type or a long one
        with a street suffix."""
        kind = self._street_kind(word)
        w = self._w
        return (
            word in w.region_codes
            or kind in w.anchor_words
            or word.endswith(w.run_together_types)
            or (len(word) > 6 and (kind.endswith(w.street_suffixes) or word.endswith(w.street_suffixes)))
        )

    def _route(self, tokens: Sequence[Token], k: int) -> bool:
        """Token ``k`` says the road system of a highway after it ("4180 [us] hwy 431";
        ``route_prefixes``)."""
        return (
            tokens[k].lower in self._w.route_prefixes
            and k + 1 < len(tokens)
            and fold_word(tokens[k + 1].lower) in self._w.not_house_number_after
            and fold_word(tokens[k + 1].lower) in self._w.street_types
        )

    def _numbered_street(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` (an ``ordinal_street_types`` word) comes after an ordinal that comes after a house
        number or a street name: "1005 [2 nd] cross", "kulu street [4th] main"; not "take the 3rd
        cross"."""
        k = i - 1
        if k < 0:
            return False
        word = tokens[k].lower
        if word in self._w.ordinal_suffixes and k > 0 and self._is_number(tokens[k - 1].lower):
            k -= 1  # "2 nd"
        elif not (re.fullmatch(r"\d+(st|nd|rd|th)", word) or word in self._lexicon.ordinals):
            return False
        if k == 0:
            return False
        before = tokens[k - 1].lower
        return self._is_number(before) or (_alpha(before) and before not in self._stop)

    def _after_cue(
        self, tokens: Sequence[Token], index: int, said: Sequence[str]
    ) -> tuple[int, int, str] | None:
        """The street name and number after a cue: "lives at [63 tylova]", "to [via roma 41]". A number
        after everyday words only is no address: "staying in rope 283", "boarding is at gas c 26" are a
        room and a gate misheard, and so is one before a word cut in two ("staying in 3 twe nty 4")."""
        used_and = False

        def name(j: int) -> bool:  # a word no dictionary has that no recognizer ran together or cut
            return (
                len(said[j]) > 2
                and _alpha(said[j])
                and not is_everyday_word(said[j])
                and not self._misheard.misheard(said, j)
            )

        for k in range(index, min(index + 6, len(tokens))):
            word = said[k]
            # a street named before its number ("tylova 63", "via roma 41"), or a town after the number
            # ("c/ mayor 12 tordesillas"); not "staying in roomone 240"
            words = [j for j in range(index, k) if said[j] != "and"]
            named = (
                any(name(j) for j in words)
                # a street type and its name: "calle mayor 12"; not "staying in road 730"
                or (
                    any(fold_word(said[j]) in self._w.street_types for j in words)
                    and any(
                        fold_word(said[j]) not in self._w.street_types and len(said[j]) > 1 for j in words
                    )
                )
                or (k + 1 < len(tokens) and name(k + 1))
            )
            if (
                k == index and self._house_number(tokens, k) and not self._misheard.misheard(said, k + 1)
            ) or (k > index and named and (self._house_number(tokens, k) or self._number_ends(tokens, k))):
                return (index, k, "said")
            if word == "and" and k > index and not used_and:
                used_and = True  # an intersection: "to maple and 5 oak street"
                continue
            if not _alpha(word) or word in self._stop:
                return None
        return None

    def _house_number(self, tokens: Sequence[Token], k: int) -> bool:
        """A number that is not a time, a quantity or a decimal, and is followed by more address."""
        if not self._is_number(tokens[k].lower) or _dotted(tokens, k):
            return False
        if k + 1 >= len(tokens):
            return False
        nxt = tokens[k + 1].lower
        if nxt in self._w.measures or nxt in {":", "?", "!"}:
            return False
        return self._is_number(nxt) or nxt in self._w.units or (_alpha(nxt) and nxt not in self._stop)

    def _number_ends(self, tokens: Sequence[Token], k: int) -> bool:
        """A number that ends a named street ("to via roma 41 in case ..."): no time or quantity."""
        if not self._is_number(tokens[k].lower) or _dotted(tokens, k):
            return False
        return k + 1 == len(tokens) or tokens[k + 1].lower not in self._w.measures | {":"}

    def _grow_left(self, tokens: Sequence[Token], first: int, street_anchor: bool) -> int:
        """Take the street name and house number: "95 96 hexham [road]", "90 hofdabraut 30 [suite]"
        (at most two numbers and four words)."""
        taken = {"numbers": 0, "words": 0}

        def take(k: int) -> bool:
            word = tokens[k].lower
            if (
                len(word) == 1
                and word.isalpha()
                and k > 0
                and self._is_number(self._before_joiner(tokens, k))
            ):
                return True  # a house number with a letter: "251 a chesterton road", "45 dash a ..."
            if (
                word in self._w.number_joiners
                and 0 < k < first - 1
                and self._is_number(tokens[k - 1].lower)
                and (self._is_number(tokens[k + 1].lower) or len(tokens[k + 1].lower) == 1)
            ):
                return True  # "12 by 4 kovil street", "45 dash a gandhi road": one house number
            if (
                word in self._lexicon.ordinals
                and k == first - 1
                and k > 0
                and (
                    self._is_number(tokens[k - 1].lower)
                    # "210 north second street": a direction before the ordinal
                    or (
                        k > 1
                        and tokens[k - 1].lower in self._w.directions
                        and self._is_number(tokens[k - 2].lower)
                    )
                )
                and not taken["words"]
            ):
                taken["words"] += 1  # an ordinal that is also a unit of time: "648 second lane"
                return True
            if self._route(tokens, k):
                return True  # "4180 [us] hwy 431"
            if (
                (word in self._w.units and k > 0 and tokens[k - 1].lower in self._w.ordinal_suffixes)
                or (word in self._w.ordinal_suffixes and k > 0 and self._is_number(tokens[k - 1].lower))
            ) and k + 1 < first:
                # "9954 jonh kennedy [5 th floor] meni colony": a floor said inside the address is no
                # word of the street's name
                return True
            if (
                word == "and"
                and 0 < k < first - 1
                and self._house_digits(tokens[k - 1].lower)
                # a street name no dictionary has: not "12 and high street"
                and _alpha(tokens[k + 1].lower)
                and tokens[k + 1].lower not in self._stop
                and not is_everyday_word(tokens[k + 1].lower)
                # the house number opens the answer or follows a cue: "[address] 554 and kennedy street"
                and (
                    k == 1
                    or tokens[k - 2].lower in self._boundary
                    or tokens[k - 2].lower in self._w.named_openers
                )
            ):
                return True  # "554 [and] kennedy street": "n" (north) misheard
            if word in self._stop:
                return False
            if (
                word in self._w.quantity_units
                and k == first - 1
                and k > 0
                and self._is_number(tokens[k - 1].lower)
            ):
                return False  # "a 772 gig [drive]": a thing's size, not a street named "gig"
            kind = "numbers" if self._is_number(word) else "words" if _alpha(word) else ""
            if not kind or taken[kind] == (2 if kind == "numbers" else 4):
                return False
            taken[kind] += 1
            return True

        reached = grow_left(tokens, first, take, limit=first)
        numbers = [k for k in range(reached, first) if self._is_number(tokens[k].lower)]
        if numbers:
            return self._extend_left(tokens, numbers[0])
        return self._extend_left(tokens, reached if street_anchor else first)

    def _before_joiner(self, tokens: Sequence[Token], k: int) -> str:
        """The word before token ``k``, or before the joiner there ("45 [dash] a": "45";
        ``number_joiners``)."""
        if k > 1 and tokens[k - 1].lower in self._w.number_joiners:
            return tokens[k - 2].lower
        return tokens[k - 1].lower if k > 0 else ""

    def _extend_left(self, tokens: Sequence[Token], first: int) -> int:
        """A street name or intersection before the house number, when a cue or preposition precedes
        it: "address [långgatan] 44 ...", "to [maple and] 226 oak avenue". At the start of a text the
        words could be anyone's name, so they are left out."""
        words = [0]

        def take(k: int) -> bool:
            word = tokens[k].lower
            if word == "and" and k == first - 1:
                return True
            if words[0] > 3 or word in self._boundary or word in self._stop:
                return False
            if not _alpha(word) or self._is_number(word):
                return False
            words[0] += 1
            return True

        reached = grow_left(tokens, first, take, limit=first)
        boundary = reached - 1
        if words[0] > 3 or boundary < 0 or tokens[boundary].lower not in self._boundary:
            return first
        return reached if reached < first and tokens[reached].lower != "and" else first

    def _street_name(self, tokens: Sequence[Token], i: int) -> int:
        """After a street type that comes first, its name: "rue [victor hugo]", "boulevard [amiral
        courbet]". Returns the last token taken."""
        previous = tokens[i - 1].lower if i > 0 else ""
        if _alpha(previous) and previous not in self._stop:
            return i  # "elm boulevard": the name came first

        def take(k: int) -> bool:
            name = tokens[k].lower
            return not (
                not _alpha(name)
                or name in self._stop
                or self._is_number(name)
                or name in self._w.units
                or name in self._w.box_words
            )

        return grow_right(tokens, i, take, limit=4)

    def _place_near(self, tokens: Sequence[Token], i: int, places: PhraseTable[str]) -> int:
        """The last token of a listed place said after an address with a word of ``landmarks.before``
        ("... suite 4 kingston near lewes", "12 elm road near ashford"): where the house lies is part of
        the address, which a place detector would otherwise split, leaving the landmark word between; or
        0."""
        found = self._landmark_before.starting_at(tokens, i)
        if found is None:
            return 0
        length = _place_length(tokens, i + found[0], places)
        return i + found[0] + length - 1 if length else 0

    def _grow_right(self, tokens: Sequence[Token], last: int, places: PhraseTable[str]) -> int:
        if fold_word(tokens[last].lower) in self._w.prefix_street_types:
            last = self._street_name(tokens, last)
        i = last + 1
        count = len(tokens)
        used_and = False
        while i < count and i - last <= self.max_words:
            word = tokens[i].lower
            nxt = tokens[i + 1].lower if i + 1 < count else ""
            if i == last + 1 and (
                landmark := self._landmark_tail(tokens, i) or self._place_near(tokens, i, places)
            ):
                last = landmark  # "12 elm road near the old water tower", "... suite 4 kingston near lewes"
                i = last + 1
                continue
            if word in self._w.units and (
                self._is_number(nxt) or (len(nxt) == 1 and nxt.isalpha() and nxt not in self._stop)
            ):
                last = i + 1  # "apartment 4", "apartment b"
                i += 2
                if i < count and len(tokens[i].lower) == 1 and tokens[i].lower.isalpha():
                    last = i  # "apartment seven c"
                    i += 1
                continue
            if nxt in self._w.units and (
                word in self._lexicon.ordinals or re.fullmatch(r"\d+(st|nd|rd|th)", word)
            ):
                last = i + 1  # "12 church street [second floor]", "... 3rd floor"
                i += 2
                continue
            if word in self._w.box_words or word in self._w.military_post or word in self._w.ship_prefixes:
                last = i
                i += 1
                continue
            if word == "p" and nxt == "o":
                last = i + 1
                i += 2
                continue
            if (
                word in self._w.region_codes
                and not (word in self._stop and not _region_slot(tokens, i, self))
            ) or (
                word in self._glued_countries and self._ends_answer(tokens, i)
            ):  # "... kovil street madurai us": a country code ends the turn or the answer
                last = i
                i += 1
                continue
            kind = self._street_kind(word)
            if kind in self._w.prefix_street_types:
                last = self._street_name(tokens, i)
                i = last + 1
                continue
            if (
                _has_digit(word)
                or self._is_number(word)
                or kind in self._w.street_types
                or word in self._w.directions
                or (len(word) == 1 and word.isalpha() and word not in self._stop)
                # "... main market area", "... seetha nagar": a locality word after a name
                or (word in self._w.locality_words and tokens[i - 1].lower not in self._stop)
                # "... main road [lake view]", "... 4th street [green park]": a neighbourhood named with
                # a weak street type after a name, ending the answer
                or (
                    word in self._w.weak_street_types
                    and _alpha(tokens[i - 1].lower)
                    and tokens[i - 1].lower not in self._stop
                    and self._ends_answer(tokens, i)
                )
                # a unit letter that is also a word, after the number and before a function word or
                # the end: "number 16 a on august 7th", not "16 a lot"
                or (
                    len(word) == 1
                    and word.isalpha()
                    and self._is_number(tokens[i - 1].lower)
                    and (
                        not nxt
                        or nxt in self._stop
                        or not _alpha(nxt)
                        or _place_length(tokens, i + 1, places)
                    )
                )
            ):
                last = i
                i += 1
                continue
            if word == "and" and not used_and and self._intersection_ahead(tokens, i + 1):
                used_and = True  # "the corner of 5 elm street and oak avenue"
                last = i
                i += 1
                continue
            if (
                _alpha(word)
                and 2 <= len(word) <= 3
                and word not in self._w.not_region
                and (self._is_number(nxt) or (word not in self._stop and _region_slot(tokens, i, self)))
            ):
                last = i  # a region code before the postcode or at the end: "kerava uu 04200"
                i += 1
                continue
            if word in self._w.state_forms and nxt == "of":
                k = i + 2 + (i + 2 < count and tokens[i + 2].lower == "the")
                length = _place_length(tokens, k, places) if k < count else 0
                if length:  # "republic of ireland", "kingdom of the netherlands"
                    last = k + length - 1
                    i = last + 1
                    continue
            if word in self._w.place_joiners and i == last + 1 and i + 1 < count:
                length = _place_length(tokens, i + 1, places) or self._words_ahead(tokens, i + 1, places)
                if length:  # "20 mill road in chesterton": the town the street is in
                    last = i + length
                    i = last + 1
                    continue
            length = _place_length(tokens, i, places)
            if (
                word in self._stop
                and length
                and i + length < count
                and tokens[i + length].lower in self._w.region_codes
                and tokens[i + length].lower not in self._stop
            ):
                last = i + length - 1  # "... woodside circle [mobile] fl 36602": a town that is a word too
                i += length
                continue
            if word in self._stop or not _alpha(word):
                break
            if length:  # a city, state or country (multi-word first)
                last = i + length - 1
                i += length
                continue
            ahead = self._words_ahead(tokens, i, places)
            if ahead:
                last = i + ahead - 1
                i += ahead
                continue
            tail = self._landmark_after_words(tokens, i)
            if tail:  # "5 south street inter city near fish market": a word or two, then a landmark
                last = tail
                i = last + 1
                continue
            break
        return last

    def _landmark_after_words(self, tokens: Sequence[Token], i: int) -> int:
        """The last token of a landmark said one or two words (no function words) after token ``i``
        ("[inter city] near fish market", "[fl bridge] near the roundabout"), or 0."""
        for k in range(i + 1, min(i + 3, len(tokens))):
            tail = self._landmark_tail(tokens, k)
            if tail:
                return tail
            if not _alpha(tokens[k].lower) or tokens[k].lower in self._stop:
                return 0
        return 0

    def _intersection_ahead(self, tokens: Sequence[Token], start: int) -> bool:
        """After "and": a second street within five words ("and van dyke street", "and p o box 7")."""
        for k in range(start, min(start + 5, len(tokens))):
            word = tokens[k].lower
            if (
                k == start
                and self._is_number(word)
                and k + 2 < len(tokens)
                and _alpha(tokens[k + 1].lower)
                and tokens[k + 1].lower not in self._stop
                and self._is_number(tokens[k + 2].lower)
            ):
                return True  # another address: "... and 35 herreria 6 ..." (a number, a name, a number)
            kind = fold_word(word)
            if kind in self._w.street_types or word in self._w.box_words or word in self._w.units:
                return k > start or word in self._w.box_words
            if word == "p" and k + 1 < len(tokens) and tokens[k + 1].lower == "o":
                return True
            if not (_alpha(word) or _has_digit(word)) or word in self._stop:
                return False
        return False

    def _street_kind(self, word: str) -> str:
        """The street word ``word`` stands for: accents folded ("út" is "ut"), a typing slip undone
        ("steet" is "street", ``misspelt_street_types``) or the street type a run-together word starts
        with ("lanedenver" is "lane", ``glued_street_types``); else the folded word."""
        known = self._street_kinds.get(word)
        if known is None:
            known = self._street_kinds[word] = self._street_kind_of(word)
        return known

    def _street_kind_of(self, word: str) -> str:
        kind = fold_word(word)
        w = self._w
        if kind in w.misspellings:
            return w.misspellings[kind]
        if kind.startswith(w.glued_street_types) and kind.isalpha() and kind not in w.anchor_words:
            for street in w.glued_street_types:
                rest = kind[len(street) :]
                if not kind.startswith(street) or is_everyday_word(kind):
                    continue
                if self._starts_with_place(rest) or (
                    street in w.named_street_types and self._unlisted_town(rest)
                ):
                    return street  # "streetboston", "streetny"; "streettarvelpur" (a town no list has)
        return kind

    def _ends_answer(self, tokens: Sequence[Token], i: int) -> bool:
        """Token ``i`` ends the turn, or the address answer before "and" or a contact word ("... madurai
        us and my phone number is ...", "... street ka ph 98..."; ``answer_contact.words``)."""
        if i + 1 == len(tokens):
            return True
        nxt = tokens[i + 1].lower
        return (
            nxt == "and"
            or nxt in {"?", "!", ":"}
            or (nxt in self._w.contact_words and nxt not in self._w.house_number_words)
        )

    def _run_together(self, word: str) -> bool:
        """A street name typed onto its street type ("mainst", "unioncourt", "marlboroughdr"): a word
        ending with one of ``run_together_types`` after a stem of three letters or more with a vowel, and
        no everyday word nor a superlative ("forest", "breakfast", "workplace", "closest" are none)."""
        if not word.isalpha() or is_everyday_word(word) or word.endswith("est"):
            return False  # "three costliest", "the one closest": a superlative
        return any(
            word.endswith(street)
            and len(word) - len(street) >= 3
            and re.search("[aeiouy]", word[: -len(street)]) is not None
            for street in self._w.run_together_types
        )

    def _named_weak(self, tokens: Sequence[Token], grown: int, first: int) -> bool:
        """A weak street type at ``first`` (grown left to ``grown``) after a house number said as a word
        and a name no dictionary has ("fifteen velmora nagar", "twenty kelvar park"): the name makes the
        type a street, as digits would ("i visited five lakes" names none)."""
        name = tokens[first - 1].lower if first > 0 else ""
        return (
            grown < first - 1
            and any(self._is_number(tokens[k].lower) for k in range(grown, first - 1))
            and len(name) > 2
            and name.isalpha()  # "two sheep's green": a possessive is no street name
            and name not in self._stop
            and not is_everyday_word(name)
            and not self._misheard.misheard([t.lower for t in tokens[first - 2 : first + 1]], 1)
        )

    def _unlisted_town(self, word: str) -> bool:
        """A word that may be a town no gazetteer lists: ``house_answer.min_letters`` letters or more, two
        vowel groups, no everyday word ("tarvelpur"; not "runner", "ways")."""
        return (
            len(word) >= self._w.house_answer_min_letters
            and len(re.findall(r"[aeiouy]+", word)) >= 2
            and not is_everyday_word(word)
        )

    def _starts_with_place(self, rest: str) -> bool:
        """Whether ``rest`` (what follows a glued street type) is or begins with a place name of four
        letters or more ("boston", "manchesterconnecticut"; "avengers" is no "ave" + "ngers"), or is a
        short country name or code of ``glued_countries`` ("usa", "us", "uk")."""
        places = _places(self.locale)
        if rest in self._glued_countries:
            return True  # "stusa", "streetuk": a country code or short alias said last
        if rest in self._w.region_codes and rest not in self._stop:
            return True  # "elm streetny", "colonyka": a region code said last
        if len(rest) == 3 and places.match_length([rest], 0, max_words=1):
            return True  # "streetgoa": a short place that is the whole rest
        return any(places.match_length([rest[:end]], 0, max_words=1) for end in range(len(rest), 3, -1))

    def _measured(self, tokens: Sequence[Token], i: int) -> bool:
        """The street type at ``i`` follows an article, a number and a measure ("a two hour drive",
        "about a ten minute drive"): how long a trip is, no street ("eight mile road" has no article)."""
        return (
            i >= 3
            and tokens[i - 1].lower in self._w.measures
            and self._is_number(tokens[i - 2].lower)
            and tokens[i - 3].lower in ("a", "an", "the")
        )

    def _is_part(self, word: str) -> bool:
        return (_alpha(word) and word not in self._w.grow_stop) or _has_digit(word)

    def _is_number(self, word: str) -> bool:
        lex = self._lexicon
        return _has_digit(word) or word in lex.digits or word in lex.teens or word in lex.tens

    def _number_within(self, tokens: Sequence[Token], start: int, count: int) -> bool:
        for k in range(start, min(start + count, len(tokens))):
            word = tokens[k].lower
            if self._is_number(word):
                return True
            if word in self._w.grow_stop and word not in self._w.name_particles:
                return False
        return False

    def _words_ahead(self, tokens: Sequence[Token], i: int, places: PhraseTable[str]) -> int:
        """Up to five unknown words (a street or town name) that belong to the address: an address
        part follows them ("arpad fejedelem utja 3", "haldenstein nan 37659"), or, up to four, the
        address ends after them and one is not an everyday word ("... 7301 [tomas gomensoro]", not
        "right now")."""
        for count in range(1, 6):
            j = i + count
            if j > len(tokens) or any(
                not _alpha(tokens[k].lower) or tokens[k].lower in self._stop for k in range(i, j)
            ):
                return 0
            if j < len(tokens):
                nxt = tokens[j].lower
                if (
                    self._is_number(nxt)
                    or fold_word(nxt) in self._w.street_types
                    or nxt in self._w.units
                    or nxt in self._w.locality_words
                    or (nxt in self._w.weak_street_types and count == 1 and self._ends_answer(tokens, j))
                    or nxt in self._w.box_words
                    or nxt in self._w.military_post
                    or (nxt in self._w.region_codes and nxt not in self._stop)
                    or (nxt in self._w.state_forms and j + 1 < len(tokens) and tokens[j + 1].lower == "of")
                    or _place_length(tokens, j, places)
                ):
                    return count
            ends = j == len(tokens) or tokens[j].lower in self._stop or not _alpha(tokens[j].lower)
            if count < 5 and ends and any(not is_everyday_word(tokens[k].lower) for k in range(i, j)):
                return count
        return 0


def _region_slot(tokens: Sequence[Token], i: int, detector: AddressDetector) -> bool:
    """A region code that is also a word ("in", "on", "me", "or") after a town, before a postcode or the
    end of the address: "indianapolis in 46204", "hamilton on", not "12 main street in boston"."""
    previous = tokens[i - 1].lower if i > 0 else ""
    if i + 1 == len(tokens) and (previous in detector._w.street_types or _has_digit(previous)):
        return True  # "14 lotus street in": a country or region code ends the turn
    word = tokens[i].lower
    if (
        previous in detector._w.street_types
        and word not in detector._stop
        and detector._ends_answer(tokens, i)
    ):
        return True  # "14 lotus street ka and my phone ...": a code ends the answer
    if not _alpha(previous) or previous in detector._w.street_types or previous in detector._stop:
        return False
    if i + 1 == len(tokens):
        return True
    nxt = tokens[i + 1].lower
    return _has_digit(nxt) or nxt in detector._stop or nxt in {"?", "!", ":"}


def _significant(tokens: Sequence[Token]) -> list[Token]:
    """The tokens without the punctuation an address runs through; a decimal point or a "???" run
    (a list marker) is kept or dropped so that "1.5" stays one number and "??? 12 main st" reads on."""
    if _SKIP_OR_QUESTION.isdisjoint(words_of(tokens)):
        return list(tokens)  # most texts: no punctuation to look at
    kept: list[Token] = []
    count = len(tokens)
    for k, token in enumerate(tokens):
        word = token.lower
        if word in _SKIP:
            between_digits = (
                word in {".", "/"}
                and 0 < k < count - 1
                and tokens[k - 1].end == token.start
                and tokens[k + 1].start == token.end
                and tokens[k - 1].lower.isdigit()
                and tokens[k + 1].lower.isdigit()
            )
            if not between_digits:
                continue
        elif word == "?" and (
            (k > 0 and tokens[k - 1].lower == "?") or (k + 1 < count and tokens[k + 1].lower == "?")
        ):
            continue
        kept.append(token)
    return kept


def _dotted(tokens: Sequence[Token], index: int) -> bool:
    """A number followed by ".5" or ":30": an IP address, a decimal or a time, not a house number."""
    return (
        index + 2 < len(tokens)
        and tokens[index + 1].lower in {".", ":", "/", "-"}
        and tokens[index + 1].start == tokens[index].end
        and _has_digit(tokens[index + 2].lower)
    )


def _alpha(word: str) -> bool:
    return word.isalpha() or (word.replace("'", "").isalpha() and not word.startswith("'"))


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)


@cache
def _places(locale: str) -> PhraseTable[str]:
    """Place names an address may name (the gazetteer, region names, country aliases), as spoken."""
    words = load_tables(locale, "addresses", AddressWords)
    aliases = load_locale(locale).words("places", "country_aliases")
    names = spoken_variants(place_names() | words.region_names | aliases)
    return PhraseTable({tuple(name.split(" ")): name for name in names})


@cache
def _place_openers(locale: str) -> frozenset[str]:
    """The words that open the names of ``place_answer.opener_min_places`` gazetteer places or more
    ("new", "north", "san"), no function words."""
    words = load_tables(locale, "addresses", AddressWords)
    lexicon = get_lexicon(locale)
    counts = collections.Counter(name.split(" ")[0] for name in place_names() if " " in name)
    return frozenset(
        word
        for word, count in counts.items()
        if count >= words.place_opener_min_places and word.isalpha() and word not in lexicon.stopwords
    )


def _place_length(tokens: Sequence[Token], i: int, places: PhraseTable[str]) -> int:
    """Words of the longest place name starting at token ``i`` (accents folded)."""
    words = [token.lower for token in tokens[i : i + _PLACE_WORDS]]
    return places.match_length(words, 0, max_words=_PLACE_WORDS, accept=_alpha)


def _counted(number: str) -> bool:
    """Whether a number's digits run up or down one by one, three or more ("123", "321", "54321"): a
    countdown or a sound check, too weak to read as a house number without a street after it."""
    steps = {int(b) - int(a) for a, b in itertools.pairwise(number)}
    return len(number) >= 3 and len(steps) == 1 and steps <= {1, -1}
