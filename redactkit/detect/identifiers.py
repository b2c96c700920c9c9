"""Numbers and codes as callers say them: phone, card, SSN, account, PIN, ZIP, licence, passport.

Runs on normalized text, where "five five five oh one nine nine" is already "5550199" and the
spoken-number normalizer recorded how it was read. A number becomes an entity by its *context* (the
words before it: "my social is", "card number", "member id", "zip") or, without context, by its
*shape*: a Luhn-valid 13-19 digit number is a card, seven or ten to fifteen digits read one by one are
a phone number, any other run of five or more digits read one by one is an account number (recall
first: an identifier with an unusual length is still redacted). Quantities and times ("five
minutes", "6:30", "track two", "1985") are left alone unless a cue introduces them.

Values that are not numbers but are introduced as secrets ("my password is blue monkey", "security
answer is fluffy") are PINs by the same cue logic.
"""

from __future__ import annotations

import importlib
import itertools
import re
from bisect import bisect_left, bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from operator import attrgetter
from typing import Annotated, Any, NamedTuple

import phonenumbers
from pydantic import Field
from stdnum import iban as stdnum_iban
from stdnum import luhn

from ..core import AlignedText, Entity
from ..gazetteers import family_names, fold_word, is_everyday_word, zipf_frequency
from ..lang import Lexicon, Token, load_locale, token_index_at, tokenize, value_interruptions
from ..lang.fuzzy import NearWords, within_edits
from ..lang.phrases import PhraseTable
from ._dictation import (
    aside_length,
    pause_words,
    repeat_words,
    said_again,
    speaker_label,
    speaker_words,
    spoken_gap,
)
from ._readings import Item, greedy_readings, iban_length, iban_readings, lattice, reading_words
from .base import Detector, detectors
from .contextual import expiry_of_another_thing, said_of_a_secret, said_of_a_thing
from .names import locale_given_names
from .places import flight_word_at

__all__ = [
    "DEFAULT_IDENTIFIER_LABELS",
    "IDENTIFIER_LABELS",
    "IdentifierDetector",
    "luhn_valid",
    "spoken_iban",
]

IDENTIFIER_LABELS = (
    "PHONE_NUMBER",
    "CREDIT_CARD",
    "CREDIT_CARD_META",
    "US_SSN",
    "ACCOUNT_NUMBER",
    "PIN",
    "ZIP_CODE",
    "US_DRIVER_LICENSE",
    "US_PASSPORT",
    "IP_ADDRESS",
    "IBAN_CODE",
    "AGE",
    "DATE_OF_BIRTH",
    "DATE_TIME",
)
#: labels emitted by default (DATE_TIME is detectable but off: "tomorrow at six" identifies nobody)
DEFAULT_IDENTIFIER_LABELS = tuple(label for label in IDENTIFIER_LABELS if label != "DATE_TIME")


@dataclass(frozen=True)
class _CueTables:
    """A locale's identifier cues (``redactkit/lang/<locale>/identifiers.yaml``), ready to match."""

    #: cue phrase (lowercase token tuple) -> (label, strong?)
    cues: dict[tuple[str, ...], tuple[str, bool]]
    #: every word of every cue (they may stand between a cue and its value: "card number is")
    cue_words: frozenset[str]
    #: other words allowed between a cue and its value
    between: frozenset[str]
    #: words after / before which a number is a quantity, never an identifier
    quantity_after: frozenset[str]
    quantity_before: frozenset[str]
    longest: int
    #: label -> what its value must satisfy to take the label after a cue (digit count, checksum)
    rules: dict[str, _ValueRule]
    #: "eighteen years old", "42 yrs old": the locale's number words before "years old"
    age: re.Pattern[str]
    #: label (or "shape": no cue) -> (min, max) digits of a complete value: a shorter first part is
    #: continued over an aside ("four one five hold on five five five one two one two")
    complete: dict[str, tuple[int, int]]
    #: phrases that join the parts of a phone number ("area code" said last, "extension")
    phone_parts: PhraseTable[tuple[str, ...]]
    #: phrases after which a short number is no identifier ("flight", "room", "closed at", "won")
    negatives: frozenset[tuple[str, ...]]
    #: the one-word negative contexts (never inside an aside of a dictated value)
    negative_words: frozenset[str]
    negative_longest: int
    #: numbers with at most this many digits are vetoed by a negative context
    negative_veto_digits: int
    #: phrases right after a number that make it a draw or a result ("did ... win"): ``negative_after``
    negatives_after: PhraseTable[tuple[str, ...]]
    #: "one second", "just a moment": asides with a unit word (``hold_on`` of speech.yaml)
    hold_on: PhraseTable[tuple[str, ...]]
    #: words between a value and a cue after it ("... for the zip"): ``after_value_fillers``
    after_fillers: frozenset[str]
    #: words that end an utterance after a value, never a misheard digit: ``closing_words``
    closing: frozenset[str]
    #: words inside a dictated number that are no digit ("double five", "dash"): ``value_words``
    value_words: frozenset[str]
    #: a number read digit by digit that is (nearly) a whole turn is an answer ("last four digits of
    #: your social?" - "three five four one"): the fewest digits and the most other words (``answers``)
    answer_min_digits: int
    answer_max_other_words: int
    #: words of a day in an answer's turn make its number a flight, a time or a date
    #: (``answers.not_with_days``)
    answer_days: frozenset[str]
    #: phrases of a flight's or a train's schedule in an answer's turn make its number a flight
    #: ("... on time"; the word "time" alone does not: "this time it's seven seven three two")
    #: (``answers.not_with_phrases``)
    answer_phrases: frozenset[tuple[str, ...]]
    #: a given name opening the turn right before the number ("sam one two three four", "it's nadia and
    #: eight five six"): a caller's name and PIN, however short (``answers.after_name_min_digits``) and
    #: even when it counts; the words that may stand before the name (``answers.name_openers``)
    answer_after_name_min_digits: int
    answer_name_openers: frozenset[str]
    #: a given name as frequent as this (Zipf scale) or a month is a word there ("will two three
    #: four", "may one two three four"): ``answers.name_max_zipf``
    answer_name_max_zipf: float
    months: frozenset[str]
    #: the locale's number words ("five", "twenty", "hundred"): another number in an answer's turn
    number_words: frozenset[str]
    #: cue phrase said after the value ("... for the zip", "... that's my social") -> label
    after_cues: dict[tuple[str, ...], str]
    after_table: PhraseTable[str]
    #: words that start a new clause after a value ("and", "but"): ``after_value_breaks``
    after_breaks: frozenset[str]
    #: single letters that are everyday words ("a", "i"): ``word_letters``
    word_letters: frozenset[str]
    #: words right before a garbled cue said after a value ("for the sip"): ``after_cue_determiners``
    after_determiners: frozenset[str]
    #: a garbled cue said after a value whose rough sound has at least this many letters may be two
    #: edits off ("my special" for "my social"), a shorter one only one (``garbled_cue_two_edits_from``)
    garbled_two_edits_from: int
    #: a value's first digit heard as two words: at most this many letters in both ("do in" for
    #: "two"; not "ends in"): ``misheard_lead_max_letters``
    misheard_lead_max_letters: int
    #: articles ("the", "a"): next to a value that lacks digits, one may be a misheard digit where no
    #: article belongs ("my social the 509...", "... seven zero the thanks"): ``articles``
    articles: frozenset[str]
    #: label -> the digit counts of its complete values; a value one or two digits short of one
    #: lost them to the recognizer (``value_lengths``)
    value_lengths: dict[str, tuple[int, ...]]
    #: label -> how many digits a caller says before pausing inside a value of it said without a cue
    #: ("two oh six ... five five five one one two two": a phone's area code); such parts that make
    #: a complete value of the label read one by one are that label's (``dictation_groups``)
    dictation_groups: dict[str, frozenset[int]]
    #: ``cues`` and ``negatives`` ready to match by where a phrase ends (longest first)
    cue_table: PhraseTable[tuple[str, bool]]
    negative_table: PhraseTable[tuple[str, ...]]
    #: written dates ("march 3rd, 1985", "3/14/85"): the shape, with the locale's month names
    written_date: re.Pattern[str]
    #: phrases before a written date that make it a birth date or a card's expiry (``written_dates``)
    birth_cues: PhraseTable[tuple[str, ...]]
    expiry_cues: PhraseTable[tuple[str, ...]]
    #: how far before a written date its cue may stand, in characters
    date_cue_window: int
    #: a misheard value takes at most this many words between its cue and it, and between it and the
    #: end of the turn or a cue said after it (``noisy_edges.max_words``)
    noisy_edge_words: int = 0
    #: words that end a lead-in like a cue phrase ("the meter number is ..."): ``noisy_edges.anchors``
    noisy_edge_anchors: frozenset[str] = frozenset()
    #: words after numbers said whole that make them a draw even when misheard ("... wis anything"):
    #: ``draw_words``
    draw_words: tuple[str, ...] = ()
    #: verbs that open a sum ("subtract ... from ...", "divide ... by ..."), heard within an edit, run
    #: together with a number or cut in two: ``arithmetic_openers``
    arithmetic_openers: tuple[str, ...] = ()
    #: a value broken by an aside joins a part said apart when both are at most this many digits
    #: longer than a complete value (``broken_values.extra_digits``)
    broken_extra_digits: int = 0
    #: a turn of misheard digits is a value with this many digits (``noisy_answers.min_digits``; 0:
    #: off) and at most this share of other words inside (``noisy_answers.max_inside_share``)
    noisy_answer_digits: int = 0
    #: labels whose cue said after a value may name one number said whole (``after_cue_whole_numbers``)
    after_whole_labels: frozenset[str] = frozenset()
    noisy_answer_inside_share: float = 0.0
    #: ... of them at least this many said as digits or number words (``noisy_answers.min_said_digits``)
    noisy_answer_said: int = 0
    #: words of money, results and periods near a number said in groups make it an amount, no
    #: identifier, when no cue introduces it (``amount_words``)
    amount_words: frozenset[str] = frozenset()
    #: words right before a year said as a year that make it a date, cue or not (``year_before``; the
    #: locale's month names count too)
    year_before: frozenset[str] = frozenset()
    #: words right after a secret's cue that make one noun of both ("password reset", "pin pad"): no
    #: value follows unless "is" or ":" does (``secret_compounds``)
    secret_compounds: frozenset[str] = frozenset()
    #: a turn opened by one of these ("add", after fillers) whose numbers are operands joined by
    #: ``sum_joiners`` up to its end (or a word of ``sum_closers``) is a sum (``sum_openers``)
    sum_openers: frozenset[str] = frozenset()
    sum_joiners: frozenset[str] = frozenset()
    sum_closers: frozenset[str] = frozenset()
    #: words between the clock times of a list ("at seven fifteen nine oh five and twelve forty five")
    #: and the words a list follows (``time_lists.joiners``, ``time_lists.after``)
    time_list_joiners: frozenset[str] = frozenset()
    clock_before: frozenset[str] = frozenset()
    #: words ending in "s" that are no plural noun ("sounds", "thanks"): ``not_plural_nouns``
    not_plural: frozenset[str] = frozenset()
    #: public service numbers ("911"): no phone number of anyone after a phone cue
    service_numbers: frozenset[str] = frozenset()
    #: words after the one-digit options of a phone menu ("one for sales"): ``menu_option_words``
    menu_option_words: frozenset[str] = frozenset()
    #: words of a self-correction inside a dictated value ("no wait", "actually make that"): the part
    #: after it says the value's end again (``correction_words``)
    correction_words: frozenset[str] = frozenset()
    #: words before a negative context or a unit inside an aside that make it a place of the aside
    #: ("in the other room", "this room"), no thing's number (``aside_place_modifiers``)
    aside_place_modifiers: frozenset[str] = frozenset()
    #: prepositions of place or motion and the determiners after them that make a negative context or
    #: a unit a place of the aside ("the kids are in the room", "walked into the room", "going to my
    #: room"): ``aside_place_prepositions``, ``aside_place_determiners``
    aside_place_prepositions: frozenset[str] = frozenset()
    aside_place_determiners: frozenset[str] = frozenset()
    #: the subjects of a new clause after one of ``after_breaks`` ("... and we're a party of four", "...
    #: and i need seven copies"): ``clause_subjects``
    clause_subjects: frozenset[str] = frozenset()
    #: the most words after a correction word or phrase before the part it corrects ("sorry i mean
    #: it's"); more make an aside that starts with an apology (``correction_tail_words``)
    correction_tail_words: int = 3
    #: the last word before a value said again after a correction and a longer aside ("actually i
    #: changed it last week, it's ..."): ``correction_value_openers``
    correction_value_openers: frozenset[str] = frozenset()
    #: phrases of an aside whose first word is no clock word or range word there ("am i breaking up",
    #: "from the card it's"): ``aside_phrases``
    aside_phrases: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))
    #: phrases of a self-correction with no word of ``correction_words`` ("i think it's", "let me
    #: start over"; ``correction_phrases``), and those that restart the value from its first digit
    #: (``restart_phrases``)
    correction_phrases: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))
    restart_phrases: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))
    #: range words that may end an aside as a verb's particle ("let me turn it over"):
    #: ``aside_end_particles``
    aside_end_particles: frozenset[str] = frozenset()
    #: range words that may end a correction inside a value ("actually change that to"):
    #: ``correction_particles``
    correction_particles: frozenset[str] = frozenset()
    #: words a caller resumes a value with after an aside ("... the oven timer okay ..."):
    #: ``aside_resumers``
    aside_resumers: frozenset[str] = frozenset()
    #: questions for a number with no cue in them ("and the last four?"): the answer right after the
    #: question's turn is a number asked for (``answers.questions``)
    questions: PhraseTable[str] = field(default_factory=lambda: PhraseTable({}))
    #: cues that name the end of a value, not which value ("ends in"): a cue said right before one of
    #: them names it ("my card ends in ...": ``partial_cues``)
    partial_cues: frozenset[tuple[str, ...]] = frozenset()
    #: the expiry cues of written dates and the ``CREDIT_CARD_META`` cues, as phrases
    expiry_words: tuple[str, ...] = ()
    #: words right after a cue word that make it a count, not a cue ("a case of twelve", "an order of
    #: six": ``cue_not_before``)
    cue_not_before: frozenset[str] = frozenset()
    #: words right before a cue word that make it a rate's unit ("per ticket": ``cue_not_after``)
    cue_not_after: frozenset[str] = frozenset()
    #: words of number-talk topics ("par", "dice", "recipe": ``number_talk.topics``; cue words left
    #: out), how far from a number they count and the most digits of a number they make none
    number_talk: frozenset[str] = frozenset()
    number_talk_window: int = 0
    number_talk_digits: int = 0
    #: negative contexts that sound like a cue and the cue nouns after them that make them one
    #: ("my amount number is ...": ``cue_like_negatives``, ``cue_like_followers``)
    cue_like_negatives: frozenset[str] = frozenset()
    cue_like_followers: frozenset[str] = frozenset()
    #: round amounts read digit by digit (``round_amounts``): fewest and most digits, leading digits
    #: that may be other than zero; (0, 0, 0): none
    round_amounts: tuple[int, int, int] = (0, 0, 0)
    #: words before a cue inside an aside that make it what the caller reads from, no cue of the next
    #: part ("let me find the card", "i'm reading it off my phone": ``cue_as_object_after``)
    cue_as_object_after: frozenset[str] = frozenset()
    #: words that name a part of the value being dictated before a count or "part" ("the next part is",
    #: "and the last four are": ``value_part_openers``): no digit, no negative context there
    value_part_openers: frozenset[str] = frozenset()
    #: verbs between a plural subject and the numbers it names ("the showtimes are ...": ``list_verbs``)
    list_verbs: frozenset[str] = frozenset()
    #: words of a product's or a book's public code ("isbn", "upc": ``public_code_words``)
    public_code_words: frozenset[str] = frozenset()
    #: owners before a public code word that make the code the caller's own ("my barcode number is ...":
    #: ``public_code_owners``)
    public_code_owners: frozenset[str] = frozenset()
    #: account cue words that are verbs too ("order", "claim": ``account_cue_verbs``) and the words before
    #: them that make them one ("to order": ``account_cue_verb_before``)
    account_cue_verbs: frozenset[str] = frozenset()
    account_cue_verb_before: frozenset[str] = frozenset()
    #: hedges between such a verb and the numbers ("the pickups are like ...": ``list_hedges``)
    list_hedges: frozenset[str] = frozenset()
    #: plural nouns that name the parts of one value, never a list ("the digits are ...":
    #: ``list_subjects_not``)
    list_subjects_not: frozenset[str] = frozenset()
    #: the numbers resource's decimal words ("point"): a long fraction read digit by digit after one
    #: ("three point one four one five nine ...") is a quantity's, no value's (``_decimal_fraction``)
    decimal_words: frozenset[str] = frozenset()
    #: a pickup or queue call ("now serving ...", "... is ready for pickup": ``queue_calls``) names a
    #: number of at most ``queue_max_digits`` digits that is a place in a queue, no account's
    queue_before: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))
    queue_after: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))
    queue_max_digits: int = 0
    #: the letters of a draw's columns and their numbers ("b": 1-15, ..., "o": 61-75: ``draw_columns``)
    draw_columns: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    #: public names with a number in them ("401 k", "403 b": ``named_numbers``): no value's digits
    named_numbers: PhraseTable[tuple[str, ...]] = field(default_factory=lambda: PhraseTable({}))

    @property
    def labels(self) -> frozenset[str]:
        """Every label a cue of this locale can give."""
        return frozenset(label for label, _ in self.cues.values())


@dataclass(frozen=True)
class _ValueRule:
    """``digits: [min, max]`` and ``validate: <python-stdnum module>`` of a cue block."""

    min_digits: int = 0
    max_digits: int = 1000
    checksum: Any = None  # a python-stdnum module (``stdnum.gb.nhs``) or None

    def accepts(self, digits: str, raw: str) -> bool:
        if not self.min_digits <= len(digits) <= self.max_digits:
            return False
        return self.checksum is None or bool(self.checksum.is_valid(raw.replace(" ", "")))


@cache
def _cue_tables(locale: str) -> _CueTables:
    resources = load_locale(locale)
    cues: dict[tuple[str, ...], tuple[str, bool]] = {}
    after_cues: dict[tuple[str, ...], str] = {}
    rules: dict[str, _ValueRule] = {}
    contractions = [str(ending) for ending in resources.get("identifiers", "cue_contractions", []) or []]
    for label, spec in resources.table("identifiers", "cues").items():
        where = f"locale {locale}: identifiers.cues.{label}"
        strength = spec.get("strength", "strong")
        if strength not in ("strong", "weak"):
            raise ValueError(f"{where}.strength must be strong or weak")
        for phrase in resources.phrases("identifiers", f"cues.{label}.before"):
            cues[phrase] = (label, strength == "strong")
            # "zip code's ...", "my number's ...": the "is" after a cue contracted onto its last word
            if phrase[-1].isalpha():
                for ending in contractions:
                    cues.setdefault((*phrase[:-1], phrase[-1] + ending), (label, strength == "strong"))
        if "after" in spec:
            for phrase in resources.phrases("identifiers", f"cues.{label}.after"):
                after_cues[phrase] = label
        if "digits" in spec or "validate" in spec:
            rules[label] = _value_rule(spec, where)
    negatives = _phrases(resources.get("identifiers", "negative_before", []) or [])
    return _CueTables(
        cues=cues,
        cue_words=frozenset(word for cue in cues for word in cue),
        between=resources.words("identifiers", "between"),
        quantity_after=resources.words("identifiers", "quantity_after"),
        quantity_before=resources.words("identifiers", "quantity_before"),
        longest=max(len(cue) for cue in cues),
        rules=rules,
        age=_age_pattern(resources.lexicon),
        complete={
            str(label): (int(bounds[0]), int(bounds[1]))
            for label, bounds in (resources.get("identifiers", "complete_digits", {}) or {}).items()
        },
        phone_parts=PhraseTable.of(_phrases(resources.get("identifiers", "phone_parts", []) or [])),
        negatives=negatives,
        negative_words=frozenset(phrase[0] for phrase in negatives if len(phrase) == 1),
        negative_longest=max((len(phrase) for phrase in negatives), default=0),
        negative_veto_digits=int(resources.get("identifiers", "negative_veto_digits", 0) or 0),
        negatives_after=PhraseTable.of(_phrases(resources.get("identifiers", "negative_after", []) or [])),
        hold_on=PhraseTable.of(_phrases(resources.get("speech", "hold_on", []) or [])),
        after_fillers=resources.words("identifiers", "after_value_fillers"),
        closing=resources.words("identifiers", "closing_words"),
        value_words=resources.words("identifiers", "value_words"),
        answer_min_digits=int((resources.get("identifiers", "answers", {}) or {}).get("min_digits", 0)),
        answer_max_other_words=int(
            (resources.get("identifiers", "answers", {}) or {}).get("max_other_words", 0)
        ),
        answer_days=resources.words("identifiers", "answers.not_with_days"),
        answer_phrases=resources.phrases("identifiers", "answers.not_with_phrases"),
        answer_after_name_min_digits=int(
            (resources.get("identifiers", "answers", {}) or {}).get("after_name_min_digits", 0)
        ),
        answer_name_openers=resources.words("identifiers", "answers.name_openers"),
        answer_name_max_zipf=float(
            (resources.get("identifiers", "answers", {}) or {}).get("name_max_zipf", 0.0)
        ),
        months=frozenset(resources.lexicon.months),
        number_words=frozenset(
            {
                *resources.lexicon.digits,
                *resources.lexicon.teens,
                *resources.lexicon.tens,
                *resources.lexicon.hundred,
            }
        ),
        after_cues=after_cues,
        after_table=PhraseTable(after_cues),
        after_breaks=frozenset(resources.get("identifiers", "after_value_breaks", []) or []),
        word_letters=frozenset(resources.get("identifiers", "word_letters", []) or []),
        after_determiners=frozenset(resources.get("identifiers", "after_cue_determiners", []) or []),
        garbled_two_edits_from=int(resources.get("identifiers", "garbled_cue_two_edits_from", 0) or 0),
        misheard_lead_max_letters=int(resources.get("identifiers", "misheard_lead_max_letters", 0) or 0),
        articles=resources.words("identifiers", "articles"),
        value_lengths={
            str(label): tuple(sorted(int(length) for length in lengths))
            for label, lengths in (resources.get("identifiers", "value_lengths", {}) or {}).items()
        },
        dictation_groups={
            str(label): frozenset(int(size) for size in sizes)
            for label, sizes in (resources.get("identifiers", "dictation_groups", {}) or {}).items()
        },
        cue_table=PhraseTable(cues),
        negative_table=PhraseTable.of(negatives),
        written_date=_written_date_pattern(
            resources.lexicon.months | resources.words("identifiers", "written_dates.month_abbreviations")
        ),
        birth_cues=PhraseTable.of(
            _phrases(sorted(resources.words("identifiers", "written_dates.birth_cues")))
        ),
        expiry_cues=PhraseTable.of(
            _phrases(sorted(resources.words("identifiers", "written_dates.expiry_cues")))
        ),
        date_cue_window=int(resources.table("identifiers", "written_dates.cue_window")),
        noisy_edge_words=int((resources.get("identifiers", "noisy_edges", {}) or {}).get("max_words", 0)),
        noisy_edge_anchors=resources.words("identifiers", "noisy_edges.anchors"),
        draw_words=tuple(sorted(resources.words("identifiers", "draw_words"))),
        arithmetic_openers=tuple(sorted(resources.words("identifiers", "arithmetic_openers"))),
        after_whole_labels=frozenset(resources.get("identifiers", "after_cue_whole_numbers", []) or []),
        broken_extra_digits=int(
            (resources.get("identifiers", "broken_values", {}) or {}).get("extra_digits", 0)
        ),
        noisy_answer_digits=int(
            (resources.get("identifiers", "noisy_answers", {}) or {}).get("min_digits", 0)
        ),
        noisy_answer_said=int(
            (resources.get("identifiers", "noisy_answers", {}) or {}).get("min_said_digits", 0)
        ),
        noisy_answer_inside_share=float(
            (resources.get("identifiers", "noisy_answers", {}) or {}).get("max_inside_share", 0.0)
        ),
        amount_words=resources.words("identifiers", "amount_words"),
        year_before=resources.words("identifiers", "year_before") | resources.lexicon.months,
        secret_compounds=resources.words("identifiers", "secret_compounds"),
        sum_openers=_optional_words(resources, "identifiers", "sum_openers"),
        sum_joiners=_optional_words(resources, "identifiers", "sum_joiners"),
        sum_closers=_optional_words(resources, "identifiers", "sum_closers"),
        time_list_joiners=_optional_words(resources, "identifiers", "time_lists.joiners"),
        clock_before=_optional_words(resources, "identifiers", "time_lists.after"),
        not_plural=_optional_words(resources, "identifiers", "not_plural_nouns"),
        menu_option_words=_optional_words(resources, "identifiers", "menu_option_words"),
        correction_words=_optional_words(resources, "identifiers", "correction_words"),
        correction_phrases=PhraseTable.of(
            _phrases(resources.get("identifiers", "correction_phrases", []) or [])
        ),
        restart_phrases=PhraseTable.of(_phrases(resources.get("identifiers", "restart_phrases", []) or [])),
        aside_end_particles=_optional_words(resources, "identifiers", "aside_end_particles"),
        correction_particles=_optional_words(resources, "identifiers", "correction_particles"),
        aside_resumers=_optional_words(resources, "identifiers", "aside_resumers"),
        aside_place_modifiers=_optional_words(resources, "identifiers", "aside_place_modifiers"),
        aside_place_prepositions=_optional_words(resources, "identifiers", "aside_place_prepositions"),
        aside_place_determiners=_optional_words(resources, "identifiers", "aside_place_determiners"),
        correction_tail_words=int(resources.get("identifiers", "correction_tail_words", 3) or 0),
        correction_value_openers=_optional_words(resources, "identifiers", "correction_value_openers"),
        clause_subjects=_optional_words(resources, "identifiers", "clause_subjects"),
        aside_phrases=PhraseTable.of(_phrases(resources.get("identifiers", "aside_phrases", []) or [])),
        questions=PhraseTable(_questions(resources, locale)),
        service_numbers=frozenset(
            str(number) for number in resources.get("identifiers", "service_numbers", []) or []
        ),
        partial_cues=_phrases(resources.get("identifiers", "partial_cues", []) or []),
        expiry_words=tuple(
            sorted(
                resources.words("identifiers", "written_dates.expiry_cues")
                | {" ".join(phrase) for phrase, (label, _) in cues.items() if label == "CREDIT_CARD_META"}
            )
        ),
        cue_not_before=_optional_words(resources, "identifiers", "cue_not_before"),
        cue_not_after=_optional_words(resources, "identifiers", "cue_not_after"),
        number_talk=frozenset(
            word
            for words in (resources.get("identifiers", "number_talk.topics", {}) or {}).values()
            for word in words
        )
        - frozenset(word for cue in cues for word in cue),
        number_talk_window=int(resources.get("identifiers", "number_talk.window", 0) or 0),
        number_talk_digits=int(resources.get("identifiers", "number_talk.max_digits", 0) or 0),
        cue_like_negatives=_optional_words(resources, "identifiers", "cue_like_negatives"),
        cue_like_followers=_optional_words(resources, "identifiers", "cue_like_followers"),
        round_amounts=(
            int(resources.get("identifiers", "round_amounts.min_digits", 0) or 0),
            int(resources.get("identifiers", "round_amounts.max_digits", 0) or 0),
            int(resources.get("identifiers", "round_amounts.max_significant", 0) or 0),
        ),
        cue_as_object_after=_optional_words(resources, "identifiers", "cue_as_object_after"),
        value_part_openers=_optional_words(resources, "identifiers", "value_part_openers"),
        list_verbs=_optional_words(resources, "identifiers", "list_verbs"),
        list_hedges=_optional_words(resources, "identifiers", "list_hedges"),
        account_cue_verb_before=_optional_words(resources, "identifiers", "account_cue_verb_before"),
        account_cue_verbs=_optional_words(resources, "identifiers", "account_cue_verbs"),
        public_code_words=_optional_words(resources, "identifiers", "public_code_words"),
        public_code_owners=_optional_words(resources, "identifiers", "public_code_owners"),
        list_subjects_not=_optional_words(resources, "identifiers", "list_subjects_not"),
        decimal_words=_optional_words(resources, "numbers", "decimals.words"),
        queue_before=PhraseTable.of(_phrases(resources.get("identifiers", "queue_calls.before", []) or [])),
        queue_after=PhraseTable.of(_phrases(resources.get("identifiers", "queue_calls.after", []) or [])),
        queue_max_digits=int(resources.get("identifiers", "queue_calls.max_digits", 0) or 0),
        draw_columns={
            str(letter).lower(): (int(bounds[0]), int(bounds[1]))
            for letter, bounds in (resources.get("identifiers", "draw_columns", {}) or {}).items()
        },
        named_numbers=PhraseTable.of(_phrases(resources.get("identifiers", "named_numbers", []) or [])),
    )


def _questions(resources: Any, locale: str) -> dict[tuple[str, ...], str]:
    """``answers.questions`` of identifiers.yaml: question phrase -> the label of what it asks for."""
    questions: dict[tuple[str, ...], str] = {}
    for label, entries in (resources.get("identifiers", "answers.questions", {}) or {}).items():
        if label not in IDENTIFIER_LABELS:
            raise ValueError(
                f"locale {locale}: identifiers.answers.questions has unknown label {label!r}; "
                f"choose from {', '.join(IDENTIFIER_LABELS)} (e.g. PHONE_NUMBER: [best number])"
            )
        for phrase in _phrases(sorted(str(entry) for entry in entries or [])):
            questions[phrase] = str(label)
    return questions


def _restated_at(before: str, part: str, correction: str) -> int | None:
    """Where in the digits ``before`` a part said again after a correction starts (``part`` replaces
    ``before`` from there), or None when ``part`` says nothing again: the position where ``part``
    matches the digits said with at most one of them changed and one (of two) or two (of three or
    more) the same ("one two three wait i think it's one two four": 0; "... six seven eight nine sorry
    six seven eight eight": the "six"), the best match first; 0 after a restart ("let me start over")."""
    best: tuple[int, int] | None = None
    at = 0
    for start in range(len(before)):
        compared = min(len(before) - start, len(part))
        wrong = sum(a != b for a, b in zip(before[start : start + compared], part[:compared], strict=True))
        same = compared - wrong
        if wrong > 1 or same < 1 or (compared > 2 and same < 2):
            continue
        if best is None or (same, -wrong) > best:
            best, at = (same, -wrong), start
    if best is None:
        return 0 if correction == "restart" else None
    return at


def _optional_words(resources: Any, resource: str, key: str) -> frozenset[str]:
    """A word list a locale may leave out (empty then)."""
    return frozenset(str(word).lower() for word in resources.get(resource, key, []) or [])


def _written_date_pattern(months: frozenset[str]) -> re.Pattern[str]:
    """A written date: a month name with a day (and a year), a day (of) a month, a month and a year,
    or digits with slashes, dots or dashes ("3/14/24", "14.03.2024", "03/24")."""
    month = "(?:" + "|".join(sorted((re.escape(name) for name in months), key=len, reverse=True)) + ")"
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    return re.compile(
        rf"\b(?:{month}\s+(?:the\s+)?{day}(?:,?\s+(?:of\s+)?\d{{4}})?"
        rf"|(?:the\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+\d{{4}})?"
        rf"|{month}\s+\d{{4}}"
        r"|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}/\d{2,4})\b",
        re.IGNORECASE,
    )


# The most digits of a count said whole before a plural noun ("two hundred fifty thousand visitors"):
# seven digits or more with a multiplier is a phone number said with "hundred" ("eight hundred ...").
_COUNT_MAX_DIGITS = 6


class _Cover:
    """Whether a span lies inside one of some entities, in logarithmic time (a scan of every
    entity per candidate made the zone passes quadratic in a long transcript)."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        spans = sorted((entity.start, entity.end) for entity in entities)
        self._starts = [start for start, _ in spans]
        self._reach: list[int] = []  # the furthest end among the spans up to each index
        for _, end in spans:
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)

    def contains(self, start: int, end: int) -> bool:
        index = bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def _phrases(entries: Sequence[str]) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(str(entry).lower().split()) for entry in entries)


def _age_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    words = {*lexicon.digits, *lexicon.teens, *lexicon.tens, *lexicon.hundred, *lexicon.number_and}
    alternation = "|".join(sorted(map(re.escape, words), key=lambda word: (-len(word), word)))
    return re.compile(
        rf"\b((?:(?:{alternation}|-|\s)+|\d{{1,3}})\s*)(?:years?|yrs?)[\s-]+old\b", re.IGNORECASE
    )


def _value_rule(spec: Mapping[str, Any], where: str) -> _ValueRule:
    low, high = spec.get("digits", [0, 1000])
    checksum = None
    if spec.get("validate"):
        try:  # checksums come from python-stdnum: "gb.nhs", "iban", "luhn"
            checksum = importlib.import_module(f"stdnum.{spec['validate']}")
        except ImportError:
            raise ValueError(f"{where}.validate: no python-stdnum module {spec['validate']!r}") from None
    return _ValueRule(int(low), int(high), checksum)


_VOWELS = frozenset("aeiouy")
#: a word said (letters and apostrophes), as the original transcript writes it
_WORD = re.compile(r"[a-z0-9']+")
_WORTH_A_LOOK = re.compile(r"\d|pass|pin|answer|maiden|years? old", re.IGNORECASE)
_HEX32 = re.compile(r"^[0-9a-f]{32}$")
#: every written date has a digit and every age "old" (see _written_date_pattern, _age_pattern): a
#: text without one is not searched for the other pattern
_DIGIT = re.compile(r"\d")
_OLD = re.compile(r"old", re.IGNORECASE)
#: labels an IBAN read out may be taken for: a long digit run is a phone number, or by chance passes
#: the Luhn check of a card number
_IBAN_LIKE = frozenset({"ACCOUNT_NUMBER", "CREDIT_CARD", "PHONE_NUMBER"})
#: the most words an IBAN takes once the normalizers joined its letters and digits
_IBAN_MAX_WORDS = 24
#: a whole IBAN with a valid checksum is as sure as a written one (Presidio scores that 1.0): it wins
#: over a spelled code and over a card number its digits make by chance
_IBAN_SCORE = 1.0
#: a spoken IBAN's words are read at most this many steps another way than the normalizer did
#: ("twenty one" as "20 1"): an account number a few digits short of an IBAN has one reading of the
#: right length per joint, each passing mod 97 by chance 1 in 97 (see _readings.iban_readings)
_IBAN_DEPARTURES = 1
#: the fewest digits of an IBAN (Norway's: 2 check digits and 11 more; a bank code of letters
#: leaves at least 8 in any country's)
_IBAN_MIN_DIGITS = 8
#: the most words of the other party's turn searched for a cue of the value answered after it
_ASKING_TURN_WORDS = 12
#: the most digits of a false start a caller says again ("four one- sorry four two ...")
_FALSE_START_DIGITS = 4
#: a decimal number written with one or two digits after its point ("91.1", "3.75"): a quantity or a
#: price, never a group of a dotted phone number ("555.123.4567") or an IP address
_WRITTEN_DECIMAL = re.compile(r"(?<![\d.])\d{1,4}\.\d{1,2}(?![\d.])")
_IPV4 = re.compile(r"\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}")
# A version written with two or three parts after a short first one ("16.0.2", "6.98.7857") or a long
# decimal ("3.14159"): neither a dotted phone number (three, three and four digits) nor an IP address
_WRITTEN_VERSION = re.compile(r"(?<![\d.])(?:\d{1,2}(?:\.\d{1,4}){2}|\d{1,2}\.\d{3,})(?![\d.])")


_IBAN_SHAPE = re.compile(r"[a-z]{2}\d{2}[a-z0-9]{11,30}")


def spoken_iban(value: str) -> bool:
    """The whole of an IBAN, however it was said once spaces and dashes are gone: two letters that
    are an IBAN country code, two check digits, then the country's own account layout (its length,
    and letters or digits where the country has them: 22 characters in all for DE and GB, 27 for
    FR, 18 for NL), with a valid mod-97 checksum (python-stdnum's IBAN registry). A value a
    recognizer cut short or garbled fails the checksum or the length: it stays an account number.
    A bank's own check digits inside the account (``check_country``) are not checked."""
    compact = "".join(char for char in value.lower() if char.isalnum())
    if not _IBAN_SHAPE.fullmatch(compact):
        return False
    return bool(stdnum_iban.is_valid(compact.upper(), check_country=False))


def _said_again(written: str, length: int) -> bool:
    """``written`` is an IBAN of ``length`` characters once one group said twice is counted once: a
    group of three to eight characters followed by one as long that differs from it in at most one
    character (a correction: "9801 i mean 9800", a restart: "nl71 uhm nl71 ...") is left out. Two
    characters repeat by chance too often in any number."""
    size = len(written) - length
    if not 3 <= size <= 8:
        return False
    for start in range(len(written) - 2 * size + 1):
        said, again = written[start : start + size], written[start + size : start + 2 * size]
        if sum(a != b for a, b in zip(said, again, strict=True)) <= 1 and spoken_iban(
            written[:start] + written[start + size :]
        ):
            return True
    return False


def luhn_valid(digits: str) -> bool:
    """The Luhn checksum of payment card numbers (python-stdnum's implementation)."""
    return bool(luhn.is_valid(digits))


def _card_digits(digits: str) -> bool:
    """A payment card number: 13-19 digits with a valid Luhn checksum, or such a number said with one
    group corrected or started again ("forty one seventeen no sorry forty two seventeen ...", "fifty
    four eighty five hmm fifty four eighty five ..."): the normalizers join both attempts into one
    run, in which a group of two to six digits is followed by a group as long that differs from it
    in at most one digit, and without the first group the run is a valid card number."""
    n = len(digits)
    if 13 <= n <= 19 and luhn_valid(digits):
        return True
    if not 15 <= n <= 25:
        return False
    for size in range(2, 7):
        if not 13 <= n - size <= 19:
            continue
        for start in range(n - 2 * size + 1):
            said, again = digits[start : start + size], digits[start + size : start + 2 * size]
            if sum(a != b for a, b in zip(said, again, strict=True)) <= 1 and luhn_valid(
                digits[:start] + digits[start + size :]
            ):
                return True
    return False


class _Candidate(NamedTuple):
    first: int  # token index
    stop: int
    digits: str
    alnum: bool  # letters mixed in ("d1234567")
    #: the digits as meant when the caller corrected a part of the value and said it again ("one two
    #: three wait i think it's one two four ...": "124", the restated part replacing what it
    #: corrects); "": every digit said counts
    meant: str = ""
    #: how many digits were said before the last aside inside the candidate (0: none): a card whose
    #: first group the caller abandoned there is read whole after it
    resumed: int = 0


@detectors.register("identifiers")
class IdentifierDetector(Detector):
    """Numbers and codes introduced by context or recognisable by shape (see module docs)."""

    emits = DEFAULT_IDENTIFIER_LABELS

    @classmethod
    def label_references(cls, params: Mapping[str, Any]) -> list[tuple[str, str]]:
        return [(f"labels[{index}]", label) for index, label in enumerate(params.get("labels", cls.emits))]

    def __init__(
        self,
        labels: tuple[str, ...] = DEFAULT_IDENTIFIER_LABELS,
        window: Annotated[int, Field(ge=1, le=20)] = 6,
        min_digits: Annotated[int, Field(ge=1)] = 5,
        cue_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.85,
        shape_score: Annotated[float, Field(ge=0.0, le=1.0)] = 0.6,
        locale: str = "en-US",
        max_gap_words: Annotated[int, Field(ge=0, le=5)] = 2,
        misheard_edges: bool = True,
        max_aside_words: Annotated[int, Field(ge=0, le=12)] = 8,
        max_long_aside_words: Annotated[int, Field(ge=0, le=30)] = 20,
        negative_contexts: bool = True,
        cued_zones: bool = True,
    ) -> None:
        #: the value right after a strong cue of a number label is redacted however misrecognized
        #: ("my zip code is for one sex four for"): fail closed
        self.cued_zones = cued_zones
        #: a value dictated with an aside of at most this many words inside ("four one five hold on
        #: let me find it five five five one two one two") is one value when its first part is
        #: shorter than a complete value of its label (``complete_digits`` of the locale)
        self.max_aside_words = max_aside_words
        #: a longer aside, of at most this many words ("four one five hold on let me grab my glasses
        #: they're somewhere in the kitchen okay two two three ..."), joins the parts of a value only
        #: when a cue names its label and the second part completes it: the first part is shorter than
        #: a complete value and both together are one (0: no longer asides than ``max_aside_words``)
        self.max_long_aside_words = max_long_aside_words
        #: a short number after a negative context ("flight", "room", "closed at") is left alone
        #: unless an identifier cue is nearer (``negative_before`` of the locale)
        self.negative_contexts = negative_contexts
        #: a digit run interrupted by at most this many words is one value when the whole region has
        #: ``min_digits`` digits and part of it was read like a code (misrecognized digits)
        self.max_gap_words = max_gap_words
        #: an identifier region also covers neighbouring words that look like misheard digit words
        #: ("five five five one two three mine")
        self.misheard_edges = misheard_edges
        #: labels this detector may emit
        self.labels = tuple(labels)
        #: how many words before a number are searched for a cue
        self.window = window
        #: digits a number read one by one needs to be an identifier without a cue
        self.min_digits = min_digits
        #: score of an entity introduced by a cue
        self.cue_score = cue_score
        #: score of an entity recognised by its shape alone
        self.shape_score = shape_score
        #: language resources: cue phrases and quantity words (redactkit/lang/<locale>/identifiers.yaml)
        self.locale = locale
        self._tables = _cue_tables(locale)
        #: a written pause ("...") and commas inside a dictated value: no word of an aside
        self._pauses = pause_words(locale)
        #: who speaks ("agent", "caller"; ``speech.speaker_labels``): before a colon, the start of a turn
        self._speakers = speaker_words(locale)
        #: "again", "repeat": words after which two digits said twice are a repeat (``speech.repeat_words``)
        self._repeat_words = repeat_words(locale)
        #: the marks that end a turn ("?"): between a question and its answer (``speech.turn_marks``)
        self._turn_marks = frozenset(
            token.lower
            for mark in load_locale(locale).get("speech", "turn_marks", []) or []
            for token in tokenize(str(mark))
        )
        #: what a caller says inside a value he dictates ("hold on", "sorry", "let me check"): each
        #: such phrase counts as one word of an aside (:func:`~._dictation.aside_length`)
        self._interruptions = value_interruptions(locale)
        #: the unit words that end a hold-on phrase ("one second", "a moment"): the first word of an
        #: aside whose "one" the value took ("... u w one second it's in my other bag nine four ...")
        self._hold_on_ends = frozenset(
            phrase[-1] for phrase in self._tables.hold_on.phrases if len(phrase) > 1
        )
        self._misheard = _misheard_tables(locale)
        self._flights = _flight_words(locale)
        #: determiners a word merged with one ends with ("forthe"): see :meth:`_determiner`
        self._long_determiners = tuple(sorted(d for d in self._tables.after_determiners if len(d) >= 3))
        #: ``draw_words`` and the long ``arithmetic_openers`` (six letters or more), indexed for
        #: "heard within an edit" (see :meth:`_draw_word`, :meth:`_arithmetic_turn`)
        self._near_draws = NearWords(self._tables.draw_words, max_limit=1)
        self._near_openers = NearWords(
            (verb for verb in self._tables.arithmetic_openers if len(verb) >= 6), max_limit=1
        )
        #: :meth:`_value_word` per word of the batch being detected (emptied after each batch)
        self._value_words: dict[str, bool] = {}
        #: :meth:`_sound_of` per word of the batch being detected (emptied after each batch)
        self._sounds: dict[str, str] = {}
        #: :meth:`_time_lists` of the text being detected, by its id (emptied after each batch)
        self._time_list_spans: dict[int, list[tuple[int, int]]] = {}
        #: a text without digits is still looked at when a cue of a value zone or a number word is in it
        self._zone_cue_words = _zone_cue_pattern(locale)
        # the garbled-cue index is built with the detector, not in the first batch that needs it
        _near_cues(_garbled_cues(locale))
        _near_cues(_garbled_after_cues(locale))
        #: "as", "in", "for", "like": the words that join a spelled letter and the word naming it
        self._lexicon = load_locale(locale).lexicon
        self._letter_words = frozenset(word for form in self._lexicon.letter_as_in for word in form)
        #: first words of the expiry cues ("expires", "valid"): :meth:`_another_thing_expires`
        self._expiry_firsts = frozenset(phrase[0] for phrase in _phrases(self._tables.expiry_words) if phrase)

        #: "alpha", "tango": words that name a spelled letter (``spelling_alphabet`` of spelling.yaml)
        self._alphabet_words = frozenset(
            str(word).lower() for word in load_locale(locale).get("spelling", "spelling_alphabet", []) or []
        )
        known = set(IDENTIFIER_LABELS) | self._tables.labels
        unknown = set(self.labels) - known
        if unknown:
            raise ValueError(f"unknown labels {sorted(unknown)}; choose from {', '.join(sorted(known))}")

    def detect_batch(self, texts: Sequence[AlignedText]) -> list[list[Entity]]:
        try:
            return [
                self._detect_one(aligned)
                if _WORTH_A_LOOK.search(aligned.text)
                or (self.cued_zones and self._zone_cue_words.search(aligned.text))
                else []
                for aligned in texts
            ]
        finally:
            self._value_words.clear()  # no transcript words kept after the batch
            self._sounds.clear()
            self._time_list_spans.clear()

    # -- one text -----------------------------------------------------------------------------------
    def _detect_one(self, aligned: AlignedText) -> list[Entity]:
        text = aligned.text
        tokens = aligned.tokens
        found: list[Entity] = []
        used: set[int] = set()
        candidates = self._merge_gaps(aligned, tokens, self._candidates(tokens))
        if self.max_aside_words:
            candidates = self._restarted(tokens, candidates)
        candidates = self._join_dictation(aligned, tokens, candidates)
        if self.max_aside_words:
            candidates = self._stutters_joined(tokens, candidates)
        for candidate in candidates:
            if self.negative_contexts and self._count_of(aligned, tokens, (candidate.first, candidate.stop)):
                continue  # "order five of thirty one": a place in a count
            entity = None
            if candidate.meant and candidate.meant != candidate.digits:
                # a corrected value is labelled on the digits meant, not on every digit said ("my
                # number is six one seven five five five, i think it's six one eight five five five,
                # one two three four": ten digits, a phone number); fail closed on the digits said
                entity = self._classify(aligned, tokens, candidate._replace(digits=candidate.meant))
            if entity is None or entity.label == "ACCOUNT_NUMBER":
                # the meant digits of no shape the cue's label accepts ("my card is ... actually make
                # that one one one three": no checksum) keep the label of the digits said
                said = self._classify(aligned, tokens, candidate)
                entity = said if said is not None else entity
            if entity is None and "IBAN_CODE" in self.labels and len(candidate.digits) >= _IBAN_MIN_DIGITS:
                entity = self._iban_only(aligned, tokens, candidate)
            if entity is not None:
                if self.misheard_edges and len(candidate.digits) >= 3:
                    entity = self._widen_to_misheard(tokens, candidate, entity)
                if self.cued_zones and len(candidate.digits) >= self.min_digits and entity.label != "AGE":
                    entity = self._grow_region(aligned, tokens, entity, len(candidate.digits))
                found.append(entity)
                used.update(range(candidate.first, candidate.stop))
        found.extend(self._cued_zones(aligned, tokens, found))
        found.extend(self._zones_before_cues(aligned, tokens, found))
        if self.misheard_edges and self._tables.value_lengths:
            found = [self._lost_digits_at_edges(aligned, tokens, entity) for entity in found]
        if self.negative_contexts and self._tables.draw_words:
            found = [entity for entity in found if not self._a_draw(aligned, tokens, entity)]
        if self.cued_zones:
            found = self._join_phone_parts(tokens, found)
            found = [self._on_to_after_cue(tokens, entity) for entity in found]
            if self.misheard_edges and self._tables.noisy_edge_words:
                found = [self._noisy_edges(aligned, tokens, entity) for entity in found]
            if self.misheard_edges and self.max_aside_words:
                found = self._join_broken_parts(aligned, tokens, found)
            if self.max_aside_words:
                found = self._join_spelled_leads(aligned, tokens, found)
            if self.misheard_edges and self._tables.noisy_answer_digits:
                found.extend(self._noisy_answer(aligned, tokens, found))
        if found and self.negative_contexts and (self._arithmetic_turn(tokens) or self._sum_turn(tokens)):
            found = [entity for entity in found if entity.label not in _ZONE_LABELS]
        if found:
            # a value grown over a second amount ("order two thousand ... and five thousand ...") is two
            # amounts, never a code read out; a value read before them keeps its span ("my social is
            # <nine digits> and i owe two thousand or three thousand": review38 H3)
            found = [entity for entity in found if not self._two_amounts(aligned, entity)]
        if found and self.negative_contexts and self._menu_turn(tokens):
            found = [entity for entity in found if not self._menu_options(aligned, entity)]
        if "PIN" in self.labels:
            found.extend(self._introduced_secrets(text, tokens, used))
        found.extend(self._dates(text, tokens))
        if "DATE_TIME" in self.labels:
            found.extend(self._periods(aligned))
        found.extend(self._spoken_ages(text, tokens))
        if "IBAN_CODE" in self.labels:
            found = [self._as_iban(aligned, tokens, entity) for entity in found]
        if not aligned.is_identity:
            found = [self._whole_spoken_numbers(aligned, entity) for entity in found]
        return [entity for entity in found if entity.label in self.labels]

    def _as_iban(self, aligned: AlignedText, tokens: Sequence[Token], entity: Entity) -> Entity:
        """A number value that is a whole IBAN is an IBAN_CODE, by cue or by shape: "send it to g b
        eight two w e s t ...", "my account number is d e ...". The value is written out from a word
        of it or one of the two words before it (the country letters may stand apart: "es 6109...")
        to its end, fillers left out and number words the normalizer left next to digits read into
        them ("gb forty 1mfxy..." is "gb41mfxy...", "double 8" is "88"); it is an IBAN when
        :func:`spoken_iban` says so. When that reading fails, the other readings of its words are
        tried (:meth:`_iban_reread`: "twenty three" may be "20 3", a group said again after a
        correction). With no reading that passes (a digit misheard, a part said apart) the value
        keeps its label; it is redacted either way."""
        if entity.label not in _IBAN_LIKE:
            return entity
        first, stop = token_index_at(tokens, entity.start), token_index_at(tokens, entity.end)
        if stop - first > _IBAN_MAX_WORDS:
            return entity
        leads = [lead for lead in range(max(0, first - 2), stop) if tokens[lead].lower[:2].isalpha()]
        why = "country code, check digits and a valid IBAN checksum"
        for lead in leads:
            if spoken_iban(self._written_out([token.lower for token in tokens[lead:stop]])):
                start = min(entity.start, tokens[lead].start)
                return Entity(start, entity.end, "IBAN_CODE", max(entity.score, _IBAN_SCORE), self.name, why)
        for lead in leads:
            if iban_length(tokens[lead].lower[:2]) is None or not self._country_said(aligned, tokens[lead]):
                continue
            end = self._iban_reread(aligned, tokens, lead, stop)
            if end is not None:
                start, end = min(entity.start, tokens[lead].start), max(entity.end, end)
                why = "country code, check digits and a valid IBAN checksum in another reading of its words"
                return Entity(start, end, "IBAN_CODE", max(entity.score, _IBAN_SCORE), self.name, why)
        return entity

    def _iban_only(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate
    ) -> Entity | None:
        """The candidate, which no other rule took, as an IBAN or None: its words may read as numbers
        said whole one after another ("n l fifty five b b b b ten ten ten ten twenty three": a list
        of numbers to the other rules), yet with the country letters before them they are a whole
        IBAN (:meth:`_as_iban`); the checksum decides."""
        start, end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        entity = self._as_iban(
            aligned, tokens, self._entity(start, end, "ACCOUNT_NUMBER", self.shape_score, "digits")
        )
        return entity if entity.label == "IBAN_CODE" else None

    def _country_said(self, aligned: AlignedText, token: Token) -> bool:
        """Token ``token`` opens with an IBAN country code said as a code: spelled ("d e", "i as in
        india s"), written with the code's digits ("de43"), or a word no dictionary has. "it is
        forty nine ..." is no Icelandic IBAN however its numbers are read."""
        if len(token.lower) > 2 or not is_everyday_word(token.lower):
            return True
        start, end = aligned.to_original(token.start, token.end)
        return aligned.original[start:end].lower() != token.lower

    def _iban_reread(self, aligned: AlignedText, tokens: Sequence[Token], lead: int, stop: int) -> int | None:
        """Where an IBAN that starts at token ``lead`` and ends at token ``stop`` (or one or two
        number tokens later) ends when its words are read another way than the normalizer did, or
        None. The other readings (:func:`~redactkit.detect._readings.lattice`): a tens word before a
        digit word is its own group or one number with it ("twenty three": "20 3" or "23"), a lone
        tens word or teen is digits, "five hundred twelve" may be "500 12", a spelled "o" may be a
        zero; number words are re-read from the original words of each spoken run. And a group said
        again after a correction ("nine eight zero one i mean nine eight zero zero", a restart "n l
        seven one uhm n l seven one ...") counts once: the first of two neighbouring groups as long
        that differ in at most one character is left out when the rest is an IBAN."""
        lexicon = self._lexicon
        last = stop
        while last < min(len(tokens), stop + 2) and (
            _has_digit(tokens[last].lower) or tokens[last].lower in self._misheard.number_words
        ):
            last += 1
        items, ends = self._iban_items(aligned, tokens, lead, stop, last)
        edges = lattice(items, lexicon)
        for reading, end in iban_readings(edges, ends, _IBAN_DEPARTURES):
            if spoken_iban(reading):
                return ends[end]
        said = [
            (self._written_out([token.lower for token in tokens[lead:k]]), tokens[k - 1].end)
            for k in range(stop, last + 1)
        ]
        said.extend((reading, ends[end]) for reading, end in greedy_readings(edges, ends))
        for written, end in said:
            length = iban_length(written[:2])
            if length is not None and length < len(written) and _said_again(written, length):
                return end
        return None

    def _iban_items(
        self, aligned: AlignedText, tokens: Sequence[Token], lead: int, stop: int, last: int
    ) -> tuple[list[Item], dict[int, int]]:
        """The words and written characters of tokens ``lead`` to ``last`` for
        :func:`~redactkit.detect._readings.lattice`, with the items at which a value ending at token
        ``stop`` .. ``last`` ends (item -> derived offset of the end). A stretch the number
        normalizer wrote as digits is replaced by its original words when they are all number words."""
        lexicon = self._lexicon
        text = aligned.text
        begin, finish = tokens[lead].start, tokens[last - 1].end
        runs: list[tuple[int, int, list[str]]] = []
        if not aligned.is_identity:
            o_start, o_end = aligned.to_original(begin, finish)
            for annotation in aligned.annotations_in(o_start, o_end, "number"):
                d_start, d_end = aligned.to_derived(annotation.start, annotation.end)
                digits = annotation.data.get("digits") if annotation.data else None
                if d_start < begin or d_end > finish or text[d_start:d_end].replace(" ", "") != digits:
                    continue
                words = [
                    token.lower for token in tokenize(aligned.original[annotation.start : annotation.end])
                ]
                if not runs or runs[-1][1] <= d_start:  # an aside the normalizer left out is no digit
                    runs.append((d_start, d_end, [word for word in words if reading_words([word], lexicon)]))
        token_ends = {tokens[k - 1].end for k in range(stop, last + 1)}
        items: list[Item] = []
        ends: dict[int, int] = {}

        def fixed(start: int, end: int) -> None:
            for token in tokenize(text[start:end]):
                if reading_words([token.lower], lexicon):
                    items.append(Item(token.lower, False))
                else:
                    items.extend(Item(char, True) for char in token.lower if char.isalnum())
                if start + token.end in token_ends:
                    ends[len(items)] = start + token.end

        position = begin
        for d_start, d_end, words in runs:
            fixed(position, d_start)
            items.extend(Item(word, False) for word in words)
            if d_end in token_ends:
                ends[len(items)] = d_end
            position = d_end
        fixed(position, finish)
        return items, ends

    def _written_out(self, words: Sequence[str]) -> str:
        """Words of a dictated code as one string: fillers left out, a tens word or "double" before
        a word that starts with a digit read into it ("forty 1mf" -> "41mf", "double 8" -> "88")."""
        lexicon = self._lexicon
        out: list[str] = []
        for index, word in enumerate(words):
            following = words[index + 1] if index + 1 < len(words) else ""
            if word in lexicon.fillers:
                continue
            if word in lexicon.tens and following[:1].isdigit() and following[:1] != "0":
                out.append(str(lexicon.tens[word] // 10))
            elif word in lexicon.repeats and following[:1].isdigit():
                out.append(following[0] * (lexicon.repeats[word] - 1))
            else:
                out.append(word)
        return "".join(out)

    # -- values after a cue, however misrecognized ----------------------------------------------------
    def _cued_zones(self, aligned: AlignedText, tokens: Sequence[Token], found: list[Entity]) -> list[Entity]:
        """The value right after a strong cue of a number label, fail closed under misrecognition.

        "my zip code is for one sex four for", "my account number is p as inpeter z double three five":
        the recognizer left too few clean digits for a number's shape, but the cue says a value
        follows. The zone after the cue (and its filler words) is taken while its words look like a
        value: digits, number words, digit homophones, words that sound like a digit word, single
        letters, "dash", "double"; up to two other words may stand inside it. It is a value when it has
        at least two digits and three such words, and is no clock time.
        """
        if not self.cued_zones:
            return []
        tables = self._tables
        covered = _Cover(found)
        zones: list[Entity] = []
        index = 0
        while index < len(tokens):
            hit = tables.cue_table.starting_at(tokens, index)
            length, cue = hit if hit is not None else (0, None)
            if (
                cue is None
                or not cue[1]
                or cue[0] not in _ZONE_LABELS
                or (index > 0 and (tokens[index - 1].lower,) in tables.negatives)  # "flight dl ..."
                or (length == 1 and self._speaker_at(tokens, index))  # "customer : nine ...": who speaks
                or self._rate_unit(tokens, index + length)  # "per ticket"
                or self._unit_of_number_before(tokens, index + length)  # "750 cc 2010"
            ):
                index += 1
                continue
            first = index + length
            while first < len(tokens) and (
                tokens[first].lower in tables.between or tokens[first].lower in tables.cue_words
            ):
                first += 1
            # the value may start on a filler or cue word that is a digit too ("is for one sex ..."),
            # never on one that is no digit ("card ending in 1111": "in" stays with the cue)
            zone = next(
                (
                    zone
                    for start in range(index + length, first + 1)
                    if (start == first or self._value_word(tokens[start].lower))
                    and (zone := self._zone(aligned, tokens, start)) is not None
                ),
                None,
            )
            if zone is not None:
                start, end = tokens[zone[0]].start, tokens[zone[1] - 1].end
                if (
                    not covered.contains(start, end)
                    # "the member fee is ninety nine a year": a negative context right after the cue
                    # word makes one noun with it ("account balance", "order total"), the number's
                    # ("it's a visa floor oh oh nine ...": before digits it is a misheard digit)
                    and not (
                        index + length + 1 < len(tokens)
                        and (tokens[index + length].lower,) in tables.negatives
                        and not self._number_token(tokens[index + length + 1].lower)
                    )
                    and not self._negative_in_zone(aligned, tokens, zone)
                    and not (cue[0] == "ACCOUNT_NUMBER" and self._account_cue_as_verb(tokens, index + length))
                    and not self._quantity_zone(aligned, tokens, zone, index, cue[0])
                    and not self._year_zone(aligned, tokens, zone, cue[0])
                    and not self._service_zone(tokens, zone, cue[0])
                    and not self._corrected_time_zone(aligned, tokens, index + length, zone)
                    and not self._said_with_thousand(aligned, start, end, times=2)
                    and not (
                        cue[0] not in _SAID_WHOLE_LABELS and self._amount_said_whole(aligned, start, end)
                    )
                    and not self._count_of(aligned, tokens, zone)
                    and not self._times_zone(aligned, tokens, zone)
                    and not (
                        tables.queue_max_digits
                        and self.negative_contexts
                        and cue[0] == _QUEUE_CUE_LABEL
                        and self._digit_count(tokens, zone[0], zone[1]) <= tables.queue_max_digits
                        and self._queue_call(tokens, zone[0], zone[1], tables.queue_max_digits)
                    )
                ):
                    zones.append(
                        Entity(
                            start, end, cue[0], self.shape_score, self.name, f"value introduced as {cue[0]}"
                        )
                    )
                index = zone[1]
            else:
                index = first if first > index else index + 1
        return zones

    def _zones_before_cues(
        self, aligned: AlignedText, tokens: Sequence[Token], found: list[Entity]
    ) -> list[Entity]:
        """The value right before a cue said after it, fail closed under misrecognition.

        "it's five three hate one for the zip", "... seven nice six through that's my social": the cue
        names the value after the caller said it (the ``after`` phrases of the locale's cue blocks, or
        one word that sounds within an edit of a one-word one: "for the sip"). Up to four filler words
        (``after_value_fillers``), one of them possibly misheard, stand between them. The zone before
        them is taken backwards like the zone after a cue (:meth:`_zone`): a value when it has at least
        two digits and three value words, is no clock time nor one number said whole, and no negative
        context ("paid ... for the card") is nearer than the cue.
        """
        tables = self._tables
        if not self.cued_zones or not tables.after_cues:
            return []
        covered = _Cover(found)
        zones: list[Entity] = []
        floor = 0  # zones never overlap each other
        for index in range(1, len(tokens)):
            label = self._after_cue_at(tokens, index)
            if label is None:
                continue
            stop = self._value_end_before(tokens, index, floor)
            if stop is None:
                continue
            first = self._zone_backwards(aligned, tokens, stop, floor, label)
            if first is not None:
                first = self._part_before_aside(aligned, tokens, label, first, stop, floor)
            if first is None or self._negative_context(tokens, first):
                continue
            if self.negative_contexts and self._count_of(aligned, tokens, (first, stop)):
                continue  # "item six of fifty three in your cart": a place in a count
            start, end = tokens[first].start, tokens[stop - 1].end
            if self._said_with_thousand(aligned, start, end) or self._year_zone(
                aligned, tokens, (first, stop), label
            ):
                continue  # "i owe about four thousand two hundred on the card": an amount
            floor = stop
            part = self._phone_part_at(tokens, index)
            if part:  # "... area code four two one": the area code said last belongs to the number
                after = index + part
                while (
                    after < len(tokens) and after < index + part + 6 and self._value_word(tokens[after].lower)
                ):
                    after += 1
                if after > index + part:
                    end, floor = tokens[after - 1].end, after
            if not covered.contains(start, end):
                zones.append(
                    Entity(start, end, label, self.shape_score, self.name, f"value named {label} after it")
                )
        return zones

    def _part_before_aside(
        self, aligned: AlignedText, tokens: Sequence[Token], label: str, first: int, stop: int, floor: int
    ) -> int:
        """Where a value named after it starts when the caller made an aside inside it: "fine five one
        five euro it's on the back seven nice six through that's my social". The zone before the cue
        is shorter than a complete value of its label (``complete_digits``); an aside of at most
        ``max_aside_words`` plain words (see :meth:`_aside`) before it, and before that another zone
        of value words, together no longer than a complete value and one digit: one value, the aside
        redacted with it (fail closed)."""
        bounds = self._tables.complete.get(label)
        if bounds is None or not self.max_aside_words:
            return first
        low, high = bounds
        digits = self._digit_count(tokens, first, stop)
        if digits >= low:
            return first
        for gap in range(1, min(self.max_aside_words, _SHAPELESS_ASIDE_WORDS) + 1):
            before = first - gap - 1
            if before < floor or not self._aside([token.lower for token in tokens[before + 1 : first]]):
                return first
            if not self._value_word(tokens[before].lower):
                continue
            earlier = self._zone_backwards(aligned, tokens, before + 1, floor)
            if earlier is None:
                return first
            total = digits + self._digit_count(tokens, earlier, before + 1)
            return earlier if total <= high + 1 else first
        return first

    def _after_cue_at(self, tokens: Sequence[Token], index: int) -> str | None:
        """The label of a cue said after a value that starts at token ``index``, if any."""
        tables = self._tables
        after = tables.after_table.starting_at(tokens, index)
        if after is not None:
            return after[1]
        if index < 1 or not self._determiner(tokens[index - 1].lower):
            return None  # a garbled cue follows a determiner (see _garbled_cue_at): cheap test first
        if self._value_word(tokens[index].lower):
            return None  # "... five three hate one": no misheard "phone"
        cues = _garbled_after_cues(self.locale)
        return self._garbled_cue_at(tokens, index, cues, tables.quantity_after) or self._garbled_cue_at(
            tokens, index, cues, tables.quantity_after, words=2
        )

    def _garbled_cue_at(
        self,
        tokens: Sequence[Token],
        index: int,
        cues: tuple[tuple[str, str], ...],
        quantities: frozenset[str],
        words: int = 1,
    ) -> str | None:
        """The label of the one-word cue in ``cues`` that token ``index`` sounds like within one edit,
        if it can be a garbled cue at all: a word of three letters or more after a determiner, and
        no negative, quantity or known not-misheard word.

        With ``words=2`` the cue is the two words from ``index`` heard as one ("my so shall" for "my
        social"): each of them a plain word of two letters or more that is no digit word, cue, unit
        or negative context, together as long as a long cue (``garbled_cue_two_edits_from``), and
        their joined sound within two edits of it.
        """
        tables = self._tables
        parts = [token.lower for token in tokens[index : index + words]]
        if index < 1 or len(parts) < words or not self._determiner(tokens[index - 1].lower):
            return None  # "for the sip", not "to see"
        word = "".join(parts)
        if (
            len(word) < 3
            or not word.isalpha()
            or any(
                (part in tables.negative_words and not self._cue_like_negative(tokens, index + words - 1))
                or part in quantities
                for part in parts
            )
            or (words == 1 and word in self._misheard.not_misheard)
        ):
            return None
        if words > 1 and any(
            len(part) < 2
            or (part,) in tables.cues
            or part in self._misheard.number_words
            or part in self._misheard.homophones
            for part in parts
        ):
            return None
        sound = self._sound_of(word)
        if not _near_cues(cues).any_within(sound, 2):
            return None  # no cue within two edits (the most allowed below): most words stop here
        # two edits only for the utterance's last word ("... that's my special"), never mid-sentence
        # ("three two seven on my special day"); a cue heard as two words has lost its shape anyway
        long_from = tables.garbled_two_edits_from if words > 1 or self._ends_turn(tokens, index + 1) else 0
        best: tuple[int, str] | None = None  # the nearest cue: "soshal" is "social", not "postal"
        for cue_sound, label in cues:
            if abs(len(cue_sound) - len(sound)) > 1 or (
                words > 1 and len(cue_sound) < tables.garbled_two_edits_from
            ):
                continue
            most = 2 if long_from and min(len(cue_sound), len(sound)) >= long_from else 1
            edits = next((n for n in range(most + 1) if within_edits(sound, cue_sound, n)), None)
            if edits is not None and (best is None or edits < best[0]):
                best = (edits, label)
        return None if best is None else best[1]

    def _sound_of(self, word: str) -> str:
        """:func:`_sound` of ``word``, once per word of the batch."""
        sound = self._sounds.get(word)
        if sound is None:
            sound = self._sounds[word] = _sound(word, self._misheard.sound_rules)
        return sound

    def _ends_turn(self, tokens: Sequence[Token], index: int) -> bool:
        """Nothing but punctuation and closing words ("thanks") from token ``index`` on."""
        closing = self._tables.closing
        return all(  # indices, not a slice: a slice copies the rest of the text on every call
            not tokens[i].lower.replace("'", "").isalnum() or tokens[i].lower in closing
            for i in range(index, len(tokens))
        )

    def _after_cue_following(self, tokens: Sequence[Token], stop: int) -> str | None:
        """The label of a cue said after a value that ends before token ``stop`` ("... that's my
        social"), with the filler words between them as in :meth:`_value_end_before`."""
        if not self.cued_zones:
            return None
        for index in range(stop, min(len(tokens), stop + 5)):
            label = self._after_cue_at(tokens, index)
            if label is not None:
                return label if self._value_end_before(tokens, index, stop - 1) == stop else None
        return None

    def _determiner(self, word: str) -> bool:
        """One of ``after_cue_determiners``, or a word merged with one ("forthe")."""
        return word in self._tables.after_determiners or word.endswith(self._long_determiners)

    def _value_end_before(self, tokens: Sequence[Token], cue: int, floor: int) -> int | None:
        """Where a value before the cue at token ``cue`` ends: after the last value word before the
        filler words ("... one | for the zip"); one misheard filler may be among them ("form the")."""
        tables = self._tables
        index = cue - 1
        misheard = 0
        while index >= floor and cue - index <= 4:
            word = tokens[index].lower
            if word in tables.after_fillers:
                index -= 1
            elif self._value_word(word):
                return index + 1
            elif (
                not misheard
                and word.replace("'", "").isalpha()
                and len(word) <= 7  # "through" (three), "forthe"
                and (
                    word not in tables.after_breaks
                    # "... seven five or for the zip": a break word that sounds like a digit ("or"
                    # four) right after a value word is its last digit, misheard
                    or (
                        self._sounds_like_digit(word)
                        and index - 1 >= floor
                        and self._value_word(tokens[index - 1].lower)
                    )
                )
                and word not in tables.closing
                and word not in tables.quantity_after  # "twenty percent card fee": a unit, no digit
                and (word,) not in tables.cues
            ):
                misheard = 1
                index -= 1
            else:
                return None
        return None

    def _zone_backwards(
        self, aligned: AlignedText, tokens: Sequence[Token], stop: int, floor: int, label: str | None = None
    ) -> int | None:
        """The first token of a value zone that ends before token ``stop`` (see :meth:`_zone`).

        A cue of ``label`` said after it may name one number said whole when the label is one of
        ``after_cue_whole_numbers`` ("fifty one fifty seven for the zip": no price is a ZIP code)."""
        first = stop
        index = stop - 1
        digits = words = heard = 0
        while index >= floor:
            word = tokens[index].lower
            if self._value_word(word):
                written = sum(1 for char in word if char.isdigit())
                digits += written or int(word in self._misheard.number_words)
                heard += int(
                    not written and word not in self._misheard.number_words and self._heard_digit(word)
                )
                words += written or 1
                first = index
                index -= 1
                continue
            # up to two misheard words inside the value ("five in seventy sex fifteen")
            inside = next(
                (
                    skip
                    for skip in (1, 2)
                    if first < stop
                    and index - skip >= floor
                    and all(self._other_value_word(t.lower) for t in tokens[index - skip + 1 : index + 1])
                    and self._value_word(tokens[index - skip].lower)
                ),
                0,
            )
            if not inside:
                break
            index -= inside
        # the zone starts on a word of the value, not on a function word before it ("for verification
        # i have four it 355 ...": "for" and "i" may be digits only inside the value)
        while first < stop - 1 and (
            tokens[first].lower in self._tables.between
            or not self._value_word(tokens[first].lower)
            or _joiner(tokens[first].lower)
            or (len(tokens[first].lower) == 1 and not self._value_word(tokens[first + 1].lower))
        ):
            if self._value_word(tokens[first].lower):
                words -= 1
            first += 1
        # a cue said after it names the value: words that sound like digits count with one real digit
        # ("... dash fine hate one that's my social")
        if (digits < 2 and not (digits and digits + heard >= 3)) or words < 3:
            return None
        start, end = tokens[first].start, tokens[stop - 1].end
        reading = self._reading(aligned, start, end)
        if (
            ":" in aligned.text[start:end]
            or reading == "time"
            or (
                reading == "grouped"
                and stop - first == 1
                and not (label in self._tables.after_whole_labels and digits >= _WHOLE_AFTER_CUE_DIGITS)
            )
        ):
            return None  # a clock time, or one number said whole ("two fifty five for the card")
        return first

    def _zone(self, aligned: AlignedText, tokens: Sequence[Token], first: int) -> tuple[int, int] | None:
        if first >= len(tokens) or _joiner(tokens[first].lower):
            return None
        stop = first
        if not self._value_word(tokens[first].lower):
            # the first digit word misheard as a word ("visa floor oh oh nine ..."), or as two ("my
            # social do in forty two ..."): before digits, not before spelled letters ("reads k e
            # ..." is the speaker's word)
            lead = next((n for n in (1, 2) if self._misheard_lead(tokens, first, n)), 0)
            if not lead:
                return None
            stop = first + lead
        digits = words = 0
        while stop < len(tokens):
            word = tokens[stop].lower
            if self._value_word(word):
                written = sum(1 for char in word if char.isdigit())
                digits += written or int(word in self._misheard.number_words)
                words += written or 1
                stop += 1
                continue
            if stop > first and self._stutter_across(tokens, stop):
                stop += 1  # a digit said again after a pause ("four two, erm two one one")
                continue
            # up to two misheard words inside the value ("p as inpeter z ...")
            inside = next(
                (
                    skip
                    for skip in (1, 2)
                    if stop > first
                    and stop + skip < len(tokens)
                    and not self._new_clause(tokens, stop)
                    and all(self._other_value_word(t.lower) for t in tokens[stop : stop + skip])
                    and self._value_word(tokens[stop + skip].lower)
                ),
                0,
            )
            if not inside:
                break
            stop += inside
        # a value ends on no negative context or quantity word ("... eight zero at the gate"), nor on a
        # hyphen ("90210 - call me")
        tables = self._tables
        while stop - 1 > first and (
            tokens[stop - 1].lower in tables.negative_words
            or tokens[stop - 1].lower in tables.quantity_before
            or _joiner(tokens[stop - 1].lower)
        ):
            stop -= 1
            while stop - 1 > first and not self._value_word(tokens[stop - 1].lower):
                stop -= 1
        if digits < 2 or words < 3:
            return None
        raw = aligned.text[tokens[first].start : tokens[stop - 1].end]
        if _written_time(raw) or self._reading(aligned, tokens[first].start, tokens[stop - 1].end) == "time":
            return None
        return first, stop

    def _times_zone(self, aligned: AlignedText, tokens: Sequence[Token], zone: tuple[int, int]) -> bool:
        """The zone's numbers are a list of clock times (:meth:`_time_lists`: "call me between twelve
        oh five and eleven thirty five"): when to call, no value."""
        with_digits = [k for k in range(*zone) if _has_digit(tokens[k].lower)]
        if len(with_digits) < 2:
            return False
        candidate = _Candidate(with_digits[0], with_digits[-1] + 1, "", False)
        return self._time_list(aligned, tokens, candidate)

    def _count_of(self, aligned: AlignedText, tokens: Sequence[Token], zone: tuple[int, int]) -> bool:
        """The zone is a place in a count, two numbers said whole with "of" between them, the first
        no larger, right after the noun they count ("order five of thirty one", "that's box two of
        twelve"): no value. A misheard "oh" before digits read one by one ("four of one two three"),
        or after a cue's filler words ("my order number is nine of twenty one": fail closed), is
        none."""
        first, stop = zone
        if stop - first != 3 or tokens[first + 1].lower != "of":
            return False
        if first > 0 and (tokens[first - 1].lower in self._tables.between or tokens[first - 1].lower == "'s"):
            return False
        lexicon = self._lexicon
        word = tokens[first].lower
        place = lexicon.digits.get(word, lexicon.teens.get(word, lexicon.tens.get(word)))
        if place is None and word.isdigit() and len(word) <= 3:
            place = int(word)
        last = tokens[stop - 1]
        whole = lexicon.digits.get(last.lower, lexicon.teens.get(last.lower, lexicon.tens.get(last.lower)))
        if whole is None and last.lower.isdigit() and len(last.lower) <= 3:
            if self._reading(aligned, last.start, last.end) in ("digits", None):
                return False
            whole = int(last.lower)
        return place is not None and whole is not None and 0 < place <= whole

    def _misheard_lead(self, tokens: Sequence[Token], first: int, count: int) -> bool:
        """The ``count`` words from ``first`` may be a value's first digit misheard: plain words (no
        filler, closing word or cue) right before a digit or a number word."""
        if first + count >= len(tokens):
            return False
        following = tokens[first + count].lower
        digits_follow = following[:1].isdigit() or (
            following in self._misheard.number_words
            or (
                following in self._misheard.homophones and following not in self._misheard.between_digits_only
            )
        )
        words = [token.lower for token in tokens[first : first + count]]
        if count > 1 and sum(len(word) for word in words) > self._tables.misheard_lead_max_letters:
            return False
        return digits_follow and all(
            word.isalpha()
            and word not in self._tables.between
            and word not in self._tables.closing
            and (word,) not in self._tables.cues
            for word in words
        )

    def _name_said(self, word: str) -> bool:
        """A listed given or family name that is no everyday word ("nadia", "kondo"; not "floor")."""
        folded = fold_word(word)
        return (
            folded in locale_given_names(self.locale) or folded in family_names()
        ) and not is_everyday_word(folded)

    def _other_value_word(self, word: str) -> bool:
        return (
            word.replace("'", "").isalpha()
            and word not in self._tables.closing
            and word not in self._tables.quantity_after  # "six hundred forty dollars": no value
            and word not in self._tables.quantity_before
            and word not in self._tables.negative_words
            and (word,) not in self._tables.cues
        )

    def _value_word(self, word: str) -> bool:
        """A word that can be part of a misrecognized number or code (see :meth:`_cued_zones`)."""
        known = self._value_words.get(word)
        if known is None:
            misheard = self._misheard
            known = self._value_words[word] = (
                _has_digit(word)
                or word in misheard.number_words
                or word in misheard.homophones
                or word in self._tables.value_words
                or (len(word) == 1 and word.isalpha())
                or misheard.looks_like_digit(word, self._tables, self._tables.quantity_after)
            )
        return known

    # -- dates: birth dates, card expiry, other dates -------------------------------------------------
    def _dates(self, text: str, tokens: Sequence[Token]) -> list[Entity]:
        """Written dates; a birth cue (``written_dates.birth_cues``) in the ``cue_window`` characters
        before one makes it a DATE_OF_BIRTH, an expiry cue a CREDIT_CARD_META."""
        tables = self._tables
        found: list[Entity] = []
        if not _DIGIT.search(text):
            return found
        starts: list[int] = []
        for match in tables.written_date.finditer(text):
            starts = starts or [token.start for token in tokens]
            window = bisect_left(starts, match.start() - tables.date_cue_window)
            stop = bisect_left(starts, match.start())
            if self._cue_in(tables.birth_cues, tokens, window, stop, match.start()):
                label, why = "DATE_OF_BIRTH", "date introduced as a birth date"
            elif self._cue_in(tables.expiry_cues, tokens, window, stop, match.start()) and not (
                self._another_thing_expires(tokens, stop)
            ):
                label, why = "CREDIT_CARD_META", "date introduced as an expiry"
            else:
                label, why = "DATE_TIME", "date"
            score = self.cue_score if label != "DATE_TIME" else self.shape_score
            found.append(Entity(match.start(), match.end(), label, score, self.name, why))
        return found

    def _periods(self, aligned: AlignedText) -> list[Entity]:
        """Fiscal quarters, halves and years the number normalizer read ("q three twenty nineteen",
        "fiscal year twenty twenty one"): its ``period`` annotations, as DATE_TIME."""
        found = []
        for note in aligned.annotations_in(0, len(aligned.original), "period"):
            start, end = aligned.to_derived(note.start, note.end)
            found.append(Entity(start, end, "DATE_TIME", self.shape_score, self.name, "a fiscal period"))
        return found

    def _another_thing_expires(self, tokens: Sequence[Token], stop: int) -> bool:
        """The nearest expiry cue word (a first word of ``written_dates.expiry_cues`` or of the
        ``CREDIT_CARD_META`` cues) in the few tokens before ``stop`` is said of a thing that is no
        card ("the warranty expired in june twenty twenty", "my membership expires twelve twenty six": see
        :func:`~redactkit.detect.contextual.expiry_of_another_thing`)."""
        firsts = self._expiry_firsts
        for k in range(stop - 1, max(-1, stop - 1 - _EXPIRY_CUE_TOKENS), -1):
            if tokens[k].lower in firsts:
                words = [token.lower for token in tokens[max(0, k - 4) : k + 1]]
                return expiry_of_another_thing(words, len(words) - 1, self.locale)
        return False

    @staticmethod
    def _cue_in(
        table: PhraseTable[tuple[str, ...]], tokens: Sequence[Token], first: int, stop: int, before: int
    ) -> bool:
        """A phrase of ``table`` among ``tokens[first:stop]`` that ends before character ``before``."""
        for index in range(first, stop):
            for length in table.lengths_starting_at(tokens, index):
                if tokens[index + length - 1].end <= before:
                    return True
        return False

    def _spoken_ages(self, text: str, tokens: Sequence[Token]) -> list[Entity]:
        """ "eighteen years old": a lone number word stays a word, so the digit rules never see it;
        not the age of a thing ("the roof is five years old": ``contextual.said_of_a_thing``)."""
        found: list[Entity] = []
        if not _OLD.search(text):
            return found
        words = [token.lower for token in tokens]
        for match in self._tables.age.finditer(text):
            start, end = match.span(1)
            while start < end and text[start] in " -":
                start += 1
            while end > start and text[end - 1] in " -":
                end -= 1
            first, after = token_index_at(tokens, start), token_index_at(tokens, end)
            after += int(after < len(words) and words[after] == "-")
            if start < end and first < after and said_of_a_thing(words, first, after, self.locale):
                continue
            if start < end and text[start:end].lower() not in ("and",):
                # the unit is redacted with the number ("[eighteen years old]"), as in ``contextual``
                found.append(
                    Entity(start, match.end(), "AGE", self.cue_score, self.name, "a number and its age unit")
                )
        return found

    def _candidates(self, tokens: Sequence[Token]) -> list[_Candidate]:
        """Maximal groups of digit-bearing tokens, joined by spaces or - . / ( ) + separators.

        "(212) 555-0142" and "+1 212 555 0142" are one candidate each.
        """
        result: list[_Candidate] = []
        openers = self._tables.value_part_openers
        i = 0
        while i < len(tokens):
            if not _has_digit(tokens[i].lower):
                i += 1
                continue
            if (
                openers
                and 0 < i < len(tokens) - 1
                and tokens[i - 1].lower in openers
                and len(tokens[i].lower) == 1
                and not _has_digit(tokens[i + 1].lower)
            ):
                i += 1  # "and the last four are ...": how many digits follow, none of them
                continue
            first = i
            if (
                first > 0
                and tokens[first - 1].lower in {"(", "+"}
                and tokens[first - 1].end == tokens[first].start
            ):
                first -= 1
            stop = i + 1
            while stop < len(tokens):
                word = tokens[stop].lower
                if _has_digit(word) and tokens[stop].start - tokens[stop - 1].end <= 1:
                    stop += 1
                elif (
                    word in {"(", ")"}
                    and stop + 1 < len(tokens)
                    and _has_digit(tokens[stop + 1].lower)
                    and tokens[stop + 1].start - tokens[stop].end <= 1
                ) or (
                    word in {"-", ".", "/"}
                    and stop + 1 < len(tokens)
                    and _has_digit(tokens[stop + 1].lower)
                    and tokens[stop].start == tokens[stop - 1].end
                ):
                    stop += 2
                elif (
                    word in {"x", "ext", "extension"}
                    and stop + 1 < len(tokens)
                    and tokens[stop + 1].lower.isdigit()
                ):
                    stop += 2  # phone extension
                else:
                    break
            words = [tokens[k].lower for k in range(first, stop)]
            digits = "".join(ch for word in words for ch in word if ch.isdigit())
            alnum = any(
                any(ch.isalpha() for ch in word) for word in words if word not in {"x", "ext", "extension"}
            )
            result.append(_Candidate(first, stop, digits, alnum))
            i = stop
        return result

    # -- misrecognized digits ----------------------------------------------------------------------
    def _merge_gaps(
        self, aligned: AlignedText, tokens: Sequence[Token], candidates: list[_Candidate]
    ) -> list[_Candidate]:
        """Grow number-shaped regions over misrecognized words: one candidate per region.

        A recognizer that mishears one digit ("five five five one fine three four") splits the value;
        the halves, and the digit words it left as lone words ("... zero uh or eight"), are too short
        to be an identifier alone. A region is a run of number tokens (digits and number words) in
        which at most ``max_gap_words`` other words stand between two number tokens (words only: no
        quantity or time word, no punctuation). It becomes one candidate when it joins more than one
        piece, part of it was read digit by digit, no piece is a clock time, and it has ``min_digits``
        digits: fail closed, the whole region is redacted, not only its clean sub-runs.
        """
        if self.max_gap_words == 0 or not candidates:
            return candidates
        by_first = {candidate.first: candidate for candidate in candidates}
        pieces: list[tuple[int, int, str, bool, bool]] = []  # first, stop, digits, alnum, spoken one by one
        i = 0
        while i < len(tokens):
            if i in by_first:
                candidate = by_first[i]
                pieces.append(
                    (
                        candidate.first,
                        candidate.stop,
                        candidate.digits,
                        candidate.alnum,
                        self._one_by_one(aligned, tokens, candidate)
                        and not self._clock(aligned, tokens, candidate),
                    )
                )
                i = candidate.stop
                continue
            digits = self._misheard.number_words.get(tokens[i].lower)
            if digits is not None and not self._holding_on(tokens, i):
                pieces.append((i, i + 1, digits, False, True))
            i += 1
        result: list[_Candidate] = []
        index = 0
        while index < len(pieces):
            group = [pieces[index]]
            while index + 1 < len(pieces):
                following = pieces[index + 1]
                gap = tokens[group[-1][1] : following[0]]
                if len(gap) > self.max_gap_words or not all(
                    self._misheard.gap_word(token.lower, self._tables) for token in gap
                ):
                    break
                if any(token.lower == "and" for token in gap) and not (group[-1][4] and following[4]):
                    break  # "4418 and two thousand three hundred": a sum of two numbers, no value
                if (
                    self._amount_piece(aligned, tokens, group[-1], by_first)
                    or self._amount_piece(aligned, tokens, following, by_first)
                ) and not any(
                    self._value_word(token.lower)
                    or self._misheard.looks_like_digit(token.lower, self._tables)
                    for token in gap
                ):
                    break  # "in twenty oh five we had three thousand eight hundred visitors"
                group.append(following)
                index += 1
            index += 1
            total = "".join(piece[2] for piece in group)
            misheard = sum(
                1
                for before, after in itertools.pairwise(group)
                for token in tokens[before[1] : after[0]]
                if self._misheard.looks_like_digit(token.lower, self._tables)
            )
            merged = (
                len(group) > 1
                and len(total) + misheard >= self._region_digits(tokens, group[0][0], group[-1][1])
                and any(piece[4] for piece in group)
                and not any(
                    self._clock(aligned, tokens, _Candidate(p[0], p[1], p[2], p[3]))
                    for p in group
                    if p[0] in by_first
                )
            )
            if merged:
                result.append(_Candidate(group[0][0], group[-1][1], total, any(piece[3] for piece in group)))
            else:
                result.extend(by_first[piece[0]] for piece in group if piece[0] in by_first)
        return result

    def _region_digits(self, tokens: Sequence[Token], first: int, stop: int) -> int:
        """The digits a region of misrecognized digits from token ``first`` to ``stop`` needs to be one
        value: three when a cue before it, or one said after it ("... that's my social"), names it a
        value, else ``min_digits``."""
        cued = (
            self._cue_before(tokens, first) is not None or self._after_cue_following(tokens, stop) is not None
        )
        return 3 if cued else self.min_digits

    # -- values said with stutters and restarts ----------------------------------------------------
    def _restarted(self, tokens: Sequence[Token], candidates: list[_Candidate]) -> list[_Candidate]:
        """Values said with a stutter or a restart: one candidate each, the repeated digits counted once.

        A caller who stumbles says a digit twice ("eight eight seven- seven nine": a cut-off word, then
        the same digit again), starts over ("four one- sorry four two ...", "eight, um eight eight
        ...") or repeats the last digit after a pause ("... nine oh seven, erm seven"). The value's
        grammar (its length, its cue) holds for the digits meant, so a cut-off digit said again, a
        false start that the restart says again from its first digit, and a last digit said again
        count once; the words said are all redacted with the value (fail closed).
        """
        result: list[_Candidate] = []
        for candidate in candidates:
            candidate = self._without_cut_offs(tokens, candidate)
            first = self._false_start(tokens, candidate)
            if first is not None and result and result[-1].first < first < result[-1].stop:
                first = None  # the false start is a part of the value before: no candidate overlaps
            if first is not None:
                while result and result[-1].first >= first:
                    result.pop()
                candidate = candidate._replace(first=first)
            stop = self._last_digit_again(tokens, candidate)
            if stop is not None:
                candidate = candidate._replace(stop=stop)
            result.append(candidate)
        return result

    def _stutters_joined(self, tokens: Sequence[Token], candidates: list[_Candidate]) -> list[_Candidate]:
        """Join the values whose last group the caller started again after a pause (see
        :meth:`_stutter_joined`)."""
        if len(candidates) < 2:
            return candidates
        result = [candidates[0]]
        for candidate in candidates[1:]:
            joined = self._stutter_joined(tokens, result[-1], candidate)
            if joined is not None:
                result[-1] = joined
            else:
                result.append(candidate)
        return result

    def _stutter_across(self, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` is a pause between a digit and the same digit said again ("42, 211")."""
        if not 0 < index < len(tokens) - 1 or tokens[index].lower not in self._pauses:
            return False
        before = self._token_digits(tokens[index - 1].lower)
        after = self._token_digits(tokens[index + 1].lower)
        return bool(before) and bool(after) and before[-1] == after[0]

    def _token_digits(self, word: str) -> str:
        """The digits token ``word`` says: its written digits, or a number word's ("six"), else ""."""
        if _has_digit(word):
            return "".join(char for char in word if char.isdigit())
        return self._misheard.number_words.get(word, "")

    def _cut_off(self, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` is the hyphen of a word cut off ("seven- seven"): written onto the word
        before it, a space after it (a hyphen between digit groups has none: "12-1096")."""
        return (
            0 < index < len(tokens) - 1
            and tokens[index].lower == "-"
            and tokens[index].start == tokens[index - 1].end
            and tokens[index + 1].start > tokens[index].end
        )

    def _without_cut_offs(self, tokens: Sequence[Token], candidate: _Candidate) -> _Candidate:
        """``candidate`` with a digit cut off and said again right after counted once ("8887- 792989":
        "... seven- seven nine ...")."""
        said = [self._token_digits(tokens[index].lower) for index in range(candidate.first, candidate.stop)]
        if "".join(said) != candidate.digits or not any(
            self._cut_off(tokens, index) for index in range(candidate.first + 1, candidate.stop - 1)
        ):
            return candidate
        for offset in range(1, len(said) - 1):
            index = candidate.first + offset
            before, after = said[offset - 1], said[offset + 1]
            if self._cut_off(tokens, index) and before and after and before[-1] == after[0]:
                said[offset - 1] = before[:-1]
        return candidate._replace(digits="".join(said))

    def _false_start(self, tokens: Sequence[Token], candidate: _Candidate) -> int | None:
        """The first token of a false start right before ``candidate``: at most ``_FALSE_START_DIGITS``
        digits that the candidate says again from their first digit, cut off or followed by a pause or
        a self-correction ("four one- sorry 4 2 ...", "eight, 8887 ..."), else None."""
        if len(candidate.digits) < 3:
            return None
        tables = self._tables
        index = candidate.first
        between = 0
        cut = False
        while index > 0:
            word = tokens[index - 1].lower
            if word in self._pauses or self._cut_off(tokens, index - 1):
                cut = cut or word not in self._pauses
                index -= 1
                continue
            length = self._interruptions.length_ending_at(tokens, index)
            if length and between < 2:
                index -= length
                between += 1
                continue
            if word in tables.correction_words and between < 2:
                index -= 1
                between += 1
                continue
            break
        if index == candidate.first:
            return None  # no pause, cut-off or correction: the digits before read on as one run
        stop = index
        said = ""
        while index > 0 and len(said) <= _FALSE_START_DIGITS:
            digits = self._token_digits(tokens[index - 1].lower)
            if not digits:
                break
            said = digits + said
            index -= 1
        if index == stop or not said or len(said) > _FALSE_START_DIGITS:
            return None
        if said[0] != candidate.digits[0] or len(said) > len(candidate.digits):
            return None
        if not cut and not between and said == candidate.digits:
            # a whole group said again after a pause only ("1111, 1111" of a card, "4839, 4839" read
            # back) is the value's next group or a repeat (:func:`said_again`), no false start
            return None
        return index

    def _last_digit_again(self, tokens: Sequence[Token], candidate: _Candidate) -> int | None:
        """The stop of ``candidate`` grown over its last digit said again after a pause ("8907, seven":
        "... zero seven, erm seven"), else None. Only one digit word, and no number after it."""
        stop = candidate.stop
        if not candidate.digits or stop + 1 >= len(tokens) or tokens[stop].lower not in self._pauses:
            return None
        word = tokens[stop + 1].lower
        if _has_digit(word) or self._misheard.number_words.get(word) != candidate.digits[-1]:
            return None
        if stop + 2 < len(tokens) and self._token_digits(tokens[stop + 2].lower):
            return None
        return stop + 2

    def _stutter_joined(
        self, tokens: Sequence[Token], left: _Candidate, right: _Candidate
    ) -> _Candidate | None:
        """``left`` and ``right`` are one value whose group the caller started again after a pause
        ("42, 211": "four two, erm two one one"): only pauses between them, ``right`` (at most four
        digits) starts with ``left``'s last digit, a cue names the value, and ``left`` without the
        repeated digit is a usual length of the cue's label (``value_lengths``) that ``left`` is not."""
        if (
            left.stop >= right.first
            or not left.digits
            or not right.digits
            or len(right.digits) > 4
            or right.digits[0] != left.digits[-1]
            or not all(token.lower in self._pauses for token in tokens[left.stop : right.first])
        ):
            return None
        cue = self._cue_before(tokens, left.first)
        lengths = self._tables.value_lengths.get(cue[0], ()) if cue is not None else ()
        digits = left.digits + right.digits[1:]
        if len(digits) not in lengths or len(left.digits) in lengths:
            return None
        return _Candidate(left.first, right.stop, digits, left.alnum or right.alnum)

    # -- values dictated in parts ------------------------------------------------------------------
    def _join_dictation(
        self, aligned: AlignedText, tokens: Sequence[Token], candidates: list[_Candidate]
    ) -> list[_Candidate]:
        """Join the parts of one value dictated with an aside or a phone part between them.

        "four one five hold on let me find it five five five one two one two", "five five five one
        two one two area code four one five extension two three": the value's extent is given by its
        grammar, not by where the digits pause. Parts are joined when the words between them are an
        aside (at most ``max_aside_words`` plain words: no unit, time or negative context, and no cue
        of another label that introduces the second part as a value of its own) and the first part
        is shorter than a complete value of its label (the cue's, or ``shape`` without a cue;
        ``complete_digits`` of the locale) while both together are not longer than one; or when a
        phone part ("area code", "extension") joins a phone number and its area code or extension.
        Fail closed: the aside is redacted with the value.
        """
        if self.max_aside_words == 0 or len(candidates) < 2:
            return candidates
        result = [candidates[0]]
        echo: _Candidate | None = None
        skip = 0
        for position, following in enumerate(candidates[1:], start=1):
            if skip:
                skip -= 1
                continue
            if echo is not None:
                # the digit the other party asked about ("... one eight agent : sorry was that an
                # eight caller : and then four seven ...") stands inside the aside
                joined = self._joined(aligned, tokens, result[-1], following)
                if joined is not None:
                    result[-1] = joined
                    echo = None
                    continue
                result.append(echo)
                echo = None
            joined = self._joined(aligned, tokens, result[-1], following)
            if joined is None:
                joined, skip = self._joined_with_run(aligned, tokens, result[-1], candidates, position)
            if joined is not None:
                result[-1] = joined
                while len(result) > 1 and result[-2].first >= joined.first:
                    del result[-2]  # a piece of the clock time the value starts with (_cued_clock_group)
            elif len(following.digits) == 1 and result[-1].digits.endswith(following.digits):
                echo = following
            else:
                result.append(following)
        if echo is not None:
            result.append(echo)
        return result

    def _joined_with_run(
        self,
        aligned: AlignedText,
        tokens: Sequence[Token],
        left: _Candidate,
        candidates: Sequence[_Candidate],
        position: int,
    ) -> tuple[_Candidate | None, int]:
        """``left`` joined over an aside with the run of parts that starts at ``candidates[position]``
        and goes on with only pauses between its parts, and how many parts after the first it took;
        (None, 0) when no such join holds. "my card number is four one two three, hang on for like
        five seconds, four five six seven, eight nine oh one, two three four six": the first part
        after the aside is one group of four, and only the groups said after it with a pause make the
        card complete; whether the aside is one is judged against all of them (bounded look-ahead:
        at most ``_RUN_PARTS`` parts)."""
        run = candidates[position]
        if not spoken_gap(tokens, left.stop, run.first, self._pauses, self._speakers):
            return None, 0  # no aside: nothing more to see than the pairwise join saw
        for taken in range(1, _RUN_PARTS):
            following = position + taken
            if following >= len(candidates):
                break
            part = candidates[following]
            if spoken_gap(tokens, run.stop, part.first, self._pauses, self._speakers):
                break  # words between them: the run ends
            run = _Candidate(run.first, part.stop, run.digits + part.digits, run.alnum or part.alnum)
            joined = self._joined(aligned, tokens, left, run)
            if joined is not None:
                return joined, taken
        return None, 0

    def _cued_clock_group(
        self, aligned: AlignedText, tokens: Sequence[Token], left: _Candidate, right: _Candidate
    ) -> tuple[str, tuple[str, bool], int] | None:
        """The digits of the clock time that ``left`` ends, as the first group of a value, the cue
        before the time and the time's first token, or None:
        "call me at two oh six, give me two seconds, five five five, one one two two" reads "at two oh
        six" as 2:06, yet a strong cue of a number label stands right before the time, and the time's
        digits and the part after the aside, read one by one, make a usual length of that label
        (``value_lengths``): the time is the value's first group. Anything else keeps the time."""
        o_start, o_end = aligned.to_original(tokens[left.first].start, tokens[left.stop - 1].end)
        notes = aligned.annotations_in(o_start, o_end, "number")
        if len(notes) != 1 or notes[0].data.get("style") != "time":
            return None
        digits = str(notes[0].data.get("digits") or "")
        first = token_index_at(tokens, aligned.to_derived(notes[0].start, notes[0].end)[0])
        cue = self._cue_before(tokens, first)
        if cue is None or not cue[1] or not digits.isdigit():
            return None
        if len(digits) + len(right.digits) not in self._tables.value_lengths.get(cue[0], ()):
            return None
        if not self._one_by_one(aligned, tokens, right) or self._quantity_follows(tokens, right.stop):
            return None
        return digits, cue, first

    def _grouped_label(
        self, aligned: AlignedText, tokens: Sequence[Token], left: _Candidate, right: _Candidate
    ) -> str | None:
        """The label two parts said one by one with an aside between them make without a cue, or None:
        the first part has as many digits as a caller says of the label's values before pausing
        (``dictation_groups``: a phone's area code, a card's groups of four) and both together make a
        complete value of it (``value_lengths``; a card's digits pass the Luhn check). "the number is
        seven eight eight, it's the second card in my wallet, nine eight oh three three four oh": ten
        digits in a phone's groups, one phone number."""
        tables = self._tables
        if left.alnum or right.alnum or left.meant:
            return None
        total = len(left.digits) + len(right.digits)
        for label, sizes in tables.dictation_groups.items():
            if len(left.digits) not in sizes or total not in tables.value_lengths.get(label, ()):
                continue
            if label == "CREDIT_CARD" and not luhn_valid(left.digits + right.digits):
                continue
            if (
                label in self.labels
                and not self._negative_context(tokens, left.first)
                and not self._negative_context(tokens, right.first)
                and self._one_by_one(aligned, tokens, left)
                and self._one_by_one(aligned, tokens, right)
                and not self._quantity_follows(tokens, right.stop)
            ):
                return label
        return None

    def _joined(
        self, aligned: AlignedText, tokens: Sequence[Token], left: _Candidate, right: _Candidate
    ) -> _Candidate | None:
        tables = self._tables
        if left.stop >= right.first:
            return None
        if not left.meant and len(left.digits) >= 4:
            left = left._replace(meant=self._corrected_inside(aligned, tokens, left))
        gap = spoken_gap(tokens, left.stop, right.first, self._pauses, self._speakers)
        length = aside_length(gap, self._interruptions)
        long_aside = length > self.max_aside_words
        if long_aside and length > self.max_long_aside_words:
            return None
        if self._clock(aligned, tokens, right):
            return None
        clock_cue = None
        if self._clock(aligned, tokens, left):
            clock_group = self._cued_clock_group(aligned, tokens, left, right)
            if clock_group is None:
                return None
            first_group, clock_cue, clock_first = clock_group
            left = left._replace(first=clock_first, digits=first_group)
        cue = (
            clock_cue
            or self._cue_before(tokens, left.first)
            or self._cue_before(tokens, left.first, asked_for=True)
        )
        label = cue[0] if cue is not None else self._after_cue_following(tokens, right.stop)
        shaped = False
        if label is None and gap:
            label = self._grouped_label(aligned, tokens, left, right)
            shaped = label is not None
        if long_aside and label is None:
            return None
        joined = _Candidate(left.first, right.stop, left.digits + right.digits, left.alnum or right.alnum)
        if self._phone_part(gap) and (
            label == "PHONE_NUMBER"
            or (label is None and len(left.digits) in (7, 10, 11) and self._one_by_one(aligned, tokens, left))
        ):
            if len(right.digits) > 9:
                return None
            return joined._replace(meant=left.meant + right.digits if left.meant else "")
        bounds = tables.complete.get(label or "shape")
        if bounds is None:
            return None
        low, high = bounds
        # a part said twice (a repeat, a read-back) counts once; a part the caller corrected counts as
        # corrected (see :func:`_restated_at`)
        said = len(left.meant) or len(left.digits) - said_again(
            [token.lower for token in tokens[left.first : left.stop]], self._repeat_words
        )
        total = said + len(right.digits)
        # the part completes a value a cue names, to one of the label's usual lengths, read digit by
        # digit: what the aside says ("bear with me i'm in the parking lot", "sorry i'm reading this
        # off my phone") names no number of its own
        completes = (
            label is not None
            and said < low
            and total in tables.value_lengths.get(label, ())
            and not left.alnum
            and self._one_by_one(aligned, tokens, right)
            and not self._quantity_follows(tokens, right.stop)
        )
        if not self._aside(gap, negative=not completes or shaped, units=completes) and not (
            # "my pin is four seven, hold on, actually i changed it last week, it's two nine one one":
            # after a correction, a complete value of the label said again digit by digit replaces
            # the part before it, whatever the aside between them names
            label is not None
            and not left.alnum
            and self._complete_value(label, len(right.digits))
            and self._one_by_one(aligned, tokens, right)
            and not self._quantity_follows(tokens, right.stop)
            and self._correction_between(aligned, tokens, left.stop, right.first, gap) is not None
        ):
            return None
        # a digit may have been lost to the recognizer: one more than a complete value is allowed;
        # a complete value and a part that makes it a longer one ("nine four one one oh hold on
        # it's on the envelope two two one four": a zip and its four more digits) is one value too
        lengths = tables.value_lengths.get(label or "", ())
        longer = said in lengths and total in lengths and total > said
        # a self-correction ("... nine nine eight no wait nine nine seven", "... actually make that
        # one two one three") says the value's end again, however complete the value was: a part no
        # longer than what was said before it, or than a complete value (the caller restarts from an
        # earlier digit: "... nine six three four sorry update that to three two five nine one eight")
        correction = self._correction_between(aligned, tokens, left.stop, right.first, gap)
        restated = (
            None if correction is None else _restated_at(left.meant or left.digits, right.digits, correction)
        )
        corrected = (
            correction is not None
            # the part no longer than what it corrects, or the value said again from a digit of it
            # ("... no, <the whole card number>")
            and (
                len(right.digits) <= max(said, low)
                or (restated is not None and restated + len(right.digits) <= high + 1)
            )
            and not self._quantity_follows(tokens, right.stop)
        )
        # "my card is four one one one, hold on, five five five five, ... four four four four": a card
        # read whole after an aside, its first group abandoned before it, runs on to its last group
        abandoned = (
            label == "CREDIT_CARD"
            and not corrected
            and not left.meant
            and left.resumed > 0
            and len(left.digits) - left.resumed < low
            and len(left.digits) - left.resumed + len(right.digits) in tables.value_lengths.get(label, ())
        )
        if not corrected and not abandoned and ((said >= low and not longer) or total > high + 1):
            return None
        if long_aside and not (
            corrected
            or (
                said < low
                and total <= high
                and not left.alnum
                and not self._quantity_follows(tokens, right.stop)
                and (
                    # it completes the value, or goes on reading it digit by digit (an account
                    # number shorter than most: "four nine four seven ... six six six oh")
                    (low <= total and self._said_in_groups(aligned, tokens, right))
                    or (len(right.digits) >= 3 and self._one_by_one(aligned, tokens, right))
                    or (low <= total and len(right.digits) == 2)
                )
            )
        ):
            return None  # a long aside: only a second part that goes on with the value the cue names
        if len(right.digits) < (2 if label else 3):
            return None
        # the value's last two digits said as one number complete it ("my zip is four six two wait let
        # me find the card sixty seven")
        last_pair = (
            label is not None
            and len(right.digits) == 2
            and said < low <= total <= high
            and not self._quantity_follows(tokens, right.stop)
        )
        if not self._one_by_one(aligned, tokens, right) and not (
            (label is not None or corrected)
            and not left.alnum
            and (last_pair or self._said_in_groups(aligned, tokens, right))
            and not any(
                # "in the other room", "the kids are in the room": a place of the aside, no place the
                # part is the number of
                word in tables.negative_words and not self._place_of_aside(gap, index)
                for index, word in enumerate(gap)
            )
            and not (gap and gap[-1] in tables.clock_before)
        ):
            # a part read in pairs follows digits, after an aside that names no time, price or place:
            # "... the train arrives at fifteen twenty four", "... the fee will be sixty four"
            return None
        # a card number whose parts make a Luhn-valid number of a card's usual length is one card,
        # whatever the aside names ("five three two two let me read it off my phone okay and then ...")
        checksum = (
            label == "CREDIT_CARD"
            and said == len(left.digits)
            and total in tables.value_lengths.get(label, ())
            and luhn_valid(joined.digits)
        )
        apart = None if checksum else self._introducing_label(tokens, left.stop, right.first, label)
        if apart is not None and not (completes and not self._complete_value(apart, len(right.digits))):
            return None
        own = None if checksum else self._cue_before(tokens, right.first)
        if own is not None and own[0] != label and said >= low:
            # the first part is a complete value already: a cue of another label before the second
            # part ("my zip is ... and my card ends in ...") says it is that label's, however short
            # (review36 M6)
            return None
        if own is not None and own[0] != label:
            # "... and my zip is 90210": a cue of another label introduces a value of its own; within
            # an aside ("sorry let me grab my card oh nine ...") it does not when the second part is
            # no complete value of that label
            own_bounds = tables.complete.get(own[0])
            if own_bounds is None or own_bounds[0] <= len(right.digits) <= own_bounds[1]:
                return None
        if label is None and (
            len(left.digits) < 3
            or len(right.digits) < 3
            or total < 7
            or not self._one_by_one(aligned, tokens, left)
        ):
            return None
        resumed = (
            len(left.digits)
            if gap or self._words_said_between(aligned, tokens, left.stop, right.first)
            else left.resumed
        )
        if abandoned:
            return joined._replace(meant=left.digits[left.resumed :] + right.digits, resumed=resumed)
        if corrected and restated is not None:
            return joined._replace(
                meant=(left.meant or left.digits)[:restated] + right.digits, resumed=resumed
            )
        return joined._replace(meant=left.meant + right.digits if left.meant else "", resumed=resumed)

    def _correction_between(
        self, aligned: AlignedText, tokens: Sequence[Token], stop: int, first: int, gap: Sequence[str]
    ) -> str | None:
        """How the caller corrects the value between tokens ``stop - 1`` and ``first``: "restart" when
        a phrase of ``restart_phrases`` says so ("let me start over"), "correction" when a word of
        ``correction_words`` or a phrase of ``correction_phrases`` does ("wait", "i think it's"),
        else None. Read in the words said, up to the first digit of the part after them: the
        normalizers drop a disfluency ("wait", "sorry let me start over") and map it onto the number
        after it."""
        tables = self._tables
        said = gap
        if 0 < stop < first:
            o_start, o_end = aligned.to_original(tokens[stop - 1].end, tokens[first].end)
            said = _WORD.findall(aligned.original[o_start:o_end].lower())
            for index, word in enumerate(said):
                if word.isdigit() or word in self._misheard.number_words or word in ("double", "triple"):
                    said = said[:index]
                    break
        restart = False
        after = -1  # where the words after the last correction word or phrase start
        for index in range(len(said)):
            restart = restart or bool(tables.restart_phrases.at(said, index))
            if said[index] in tables.correction_words:
                after = max(after, index + 1)
            length = tables.correction_phrases.at(said, index)
            if length:
                after = max(after, index + length)
        if restart:
            return "restart"
        if after < 0:
            after = max(
                (index + 1 for index, word in enumerate(gap) if word in tables.correction_words), default=-1
            )
            said = gap
        # "sorry it's noisy in this room", "no sorry the kids are yelling": more words after the
        # correction's than a correction needs to go on ("sorry it's", "no wait i mean") make an aside
        if after >= 0 and (
            len(said) - after <= tables.correction_tail_words
            # "... actually i changed it last week, it's ...": the correction says the value again
            or (said and said[-1] in tables.correction_value_openers)
        ):
            return "correction"
        return None

    def _words_said_between(
        self, aligned: AlignedText, tokens: Sequence[Token], stop: int, first: int
    ) -> bool:
        """Words were said between tokens ``stop - 1`` and ``first`` (the normalizers may have dropped
        them: "hold on", "sorry")."""
        if not 0 < stop <= first < len(tokens):
            return False
        o_start, o_end = aligned.to_original(tokens[stop - 1].end, tokens[first].end)
        return any(
            word not in self._misheard.number_words and word not in ("double", "triple")
            for word in _WORD.findall(aligned.original[o_start:o_end].lower())
            if not word.isdigit()
        )

    def _corrected_inside(self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate) -> str:
        """The digits of ``candidate`` as meant when the caller corrected a part of it inside one
        number the normalizer wrote ("nine seven nine uh wait, sorry, nine seven one": 979971, meant
        971; the disfluency is gone from the text), else "". The digits said before the last
        correction are counted in the words said (a digit word one, "double" and "triple" two and
        three, a teen or a tens word two, its unit none)."""
        tables = self._tables
        o_start, o_end = aligned.to_original(tokens[candidate.first].start, tokens[candidate.stop - 1].end)
        words = _WORD.findall(aligned.original[o_start:o_end].lower())
        count, times, tens = 0, 1, False
        split, correction = 0, ""
        for index, word in enumerate(words):
            if word.isdigit():
                count, times, tens = count + len(word), 1, False
                continue
            if word in ("double", "triple"):
                times = 2 if word == "double" else 3
                continue
            digits = self._misheard.number_words.get(word)
            if digits is None:
                if (
                    count
                    and (word in tables.correction_words or tables.correction_phrases.at(words, index))
                    and self._correction_goes_on(words, index)
                ):
                    split, correction = count, correction or "correction"
                if count and tables.restart_phrases.at(words, index):
                    split, correction = count, "restart"
                tens = False
                continue
            if tens and len(digits) == 1 and digits != "0":
                tens = False  # "sixty five": its unit
                continue
            count += len(digits) * times if len(digits) == 1 else len(digits)
            times, tens = 1, len(digits) == 2 and digits.endswith("0")
        if not correction or count != len(candidate.digits) or not 0 < split < count:
            return ""
        at = _restated_at(candidate.digits[:split], candidate.digits[split:], correction)
        return "" if at is None else candidate.digits[:at] + candidate.digits[split:]

    def _correction_goes_on(self, words: Sequence[str], index: int) -> bool:
        """The correction word or phrase at ``words[index]`` goes on with the part it corrects: at most
        ``correction_tail_words`` words after it (and any correction words) before the next digit
        ("sorry i mean it's 4 ..."), not an aside that opens with an apology ("sorry it's noisy in this
        room 1111")."""
        tables = self._tables
        tail = 0
        index += tables.correction_phrases.at(words, index) or 1
        while index < len(words):
            word = words[index]
            if word.isdigit() or word in self._misheard.number_words or word in ("double", "triple"):
                break
            length = tables.correction_phrases.at(words, index)
            if word in tables.correction_words or length:
                tail = 0
                index += length or 1
                continue
            tail += 1
            index += 1
        return tail <= tables.correction_tail_words

    def _complete_value(self, label: str, digits: int) -> bool:
        """``digits`` digits are a complete value of ``label`` (``complete_digits``)."""
        bounds = self._tables.complete.get(label)
        return bounds is not None and bounds[0] <= digits <= bounds[1]

    def _introduced_apart(self, tokens: Sequence[Token], floor: int, first: int, label: str | None) -> bool:
        """A cue of another label than ``label`` introduces the part at token ``first`` (see
        :meth:`_introducing_label`)."""
        return self._introducing_label(tokens, floor, first, label) is not None

    def _introducing_label(
        self, tokens: Sequence[Token], floor: int, first: int, label: str | None
    ) -> str | None:
        """The label of a cue of another label than ``label`` that introduces the part at token
        ``first`` ("... and the last four digits of the account number is ..."): only its filler
        words ("number", "is") stand between them, and it ends no phrase said inside values ("sorry
        let me grab my card": an aside, however it ends); None when there is none. Looked for back to
        token ``floor`` (the end of the value's part before it)."""
        tables = self._tables
        end = first
        while end > floor:
            if self._speaker_at(tokens, end - 2):
                end -= 2  # "... customer : four four": who speaks, no cue
                continue
            cue = tables.cue_table.ending_at(tokens, end)
            if cue is not None:
                before = end - tables.cue_table.length_ending_at(tokens, end) - 1
                while before > floor and tokens[before].lower in tables.after_determiners:
                    before -= 1  # "find [the] card"
                if (
                    cue[0] != label
                    and self._interruptions.ending_at(tokens, end) is None
                    # "let me find the card", "reading it off my phone": the thing read from
                    and not (before >= floor and tokens[before].lower in tables.cue_as_object_after)
                ):
                    return cue[0]
                return None
            word = tokens[end - 1].lower
            if word not in tables.between and word not in self._pauses:
                return None
            end -= 1
        return None

    def _speaker_at(self, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` names who speaks next ("caller :", ``speech.speaker_labels``)."""
        return (
            0 <= index < len(tokens) - 1
            and tokens[index + 1].lower == ":"
            and speaker_label((tokens[index].lower, ":"), 0, self._speakers)
        )

    def _quantity_follows(self, tokens: Sequence[Token], stop: int) -> bool:
        """A unit or a time word follows token ``stop - 1`` ("... twenty minutes", "... thirty pm")."""
        return stop < len(tokens) and (
            tokens[stop].lower in self._tables.quantity_after or tokens[stop].lower in ("am", "pm")
        )

    def _said_in_groups(self, aligned: AlignedText, tokens: Sequence[Token], part: _Candidate) -> bool:
        """A later part of a value read in pairs or groups ("... sorry ... twenty two thirty one",
        "... four seventy one sixty three"): at most ``_GROUPED_PART_DIGITS`` digits said as numbers,
        no clock time, year, decimal or amount said with "thousand", and no unit after it. Only a
        part after an aside inside a value introduced by a cue (or a correction) may be read so:
        alone such numbers are prices and times."""
        start, end = tokens[part.first].start, tokens[part.stop - 1].end
        if part.alnum or len(part.digits) > _GROUPED_PART_DIGITS or self._quantity_follows(tokens, part.stop):
            return False
        if self._reading(aligned, start, end) not in ("grouped", "mixed"):
            return False
        if len(part.digits) == 4 and part.digits[:2] in ("19", "20"):
            return False  # "twenty nineteen": a year
        return not self._said_with_thousand(aligned, start, end)

    def _on_to_after_cue(self, tokens: Sequence[Token], entity: Entity) -> Entity:
        """A value named by a cue said after it ends where the cue's filler words begin.

        "... three four want that's my social", "... seven two a that's my social": between the value
        and the fillers of the cue ("that's my") the recognizer left one word that is no filler, or an
        article where none belongs (before another filler, not before a noun as in "for the zip"):
        a digit of the value, misheard. Fail closed: the value takes it.
        """
        if entity.label not in _ZONE_LABELS:
            return entity
        tables = self._tables
        stop = token_index_at(tokens, entity.end)
        if stop >= len(tokens) or self._after_cue_following(tokens, stop) is None:
            return entity
        end = stop
        word = tokens[end].lower
        if (
            word not in tables.after_fillers
            and word.replace("'", "").isalpha()
            and self._after_cue_at(tokens, end) is None
        ):
            end += 1  # the one word _value_end_before let stand among the fillers
        while (
            end + 1 < len(tokens)
            and tokens[end].lower in tables.articles
            and tokens[end + 1].lower in tables.after_fillers
            and tokens[end + 1].lower not in tables.articles
        ):
            end += 1
        if end == stop:
            return entity
        return Entity(
            entity.start, tokens[end - 1].end, entity.label, entity.score, entity.detector, entity.explanation
        )

    def _noisy_edges(self, aligned: AlignedText, tokens: Sequence[Token], entity: Entity) -> Entity:
        """A value heard with errors takes the few words between its cue and it, and between it and
        the end of the turn or a cue said after it.

        "policy is seven tree six six ...", "account ends in the j five hive ...", "... four two seven
        seven is three four through": a recognizer that garbled a digit inside the value (a word of
        it sounds like a digit: "tree", "hive") may as well have garbled its first or last digit or
        letter into a word of the sentence. Where the value's cue (a cue phrase or one of
        ``noisy_edges.anchors``: "the meter number is ...") or the start of the text is at most
        ``noisy_edges.max_words`` plain words before it, those words are redacted with it; the same
        after it, up to the end of the text, a closing word or a cue said after it. Fail closed:
        it only widens a value found already, never finds one, and a value heard without errors or
        written in digits keeps its edges ("my account number is 1234...", "Transfer to GB33...").
        """
        if entity.label not in _ZONE_LABELS:
            return entity
        tables = self._tables
        first = token_index_at(tokens, entity.start)
        stop = token_index_at(tokens, entity.end)
        if self._digit_count(tokens, first, stop) < 4:
            return entity
        o_start, o_end = aligned.to_original(entity.start, entity.end)
        said = aligned.original[o_start:o_end].lower().split()
        if not any(word in self._misheard.number_words or self._heard_digit(word) for word in said):
            return entity  # written in digits ("Transfer to GB33 ..."): nothing was heard, nothing misheard
        misheard = any(word not in self._misheard.number_words and self._heard_digit(word) for word in said)
        most = tables.noisy_edge_words
        start, end = entity.start, entity.end
        lead = first
        while lead > 0 and first - lead < most and self._edge_filler(tokens[lead - 1].lower, before=True):
            if self._lead_anchor(tokens, lead):
                break
            lead -= 1
        gap = [token.lower for token in tokens[lead:first]]
        if (
            gap
            and (self._lead_anchor(tokens, lead) or (lead == 0 and len(gap) <= 2))
            and (
                misheard
                # "... is when three oh six ...": the word before the value sounds like its digit
                or (
                    gap[-1] not in tables.between
                    and gap[-1] not in self._letter_words  # "ends in 5551...": the sentence's "in"
                    and (self._heard_digit(gap[-1]) or self._sounds_like_digit(gap[-1]))
                )
                # "... number is a six in seven two ...": an article where none belongs
                or (len(gap) >= 2 and gap[-1] in tables.articles)
                # "... is in as is golf n for y ...": a spelled letter garbled before its "as in"
                or (
                    any(word in self._letter_words for word in gap)
                    and tokens[first].lower in self._alphabet_words
                )
            )
        ):
            start = tokens[lead].start
        tail = stop
        while (
            tail < len(tokens) and tail - stop < most and self._edge_filler(tokens[tail].lower, before=False)
        ):
            if (
                tokens[tail].lower in tables.closing
                or self._after_cue_following(tokens, tail) is not None
                or self._new_clause(tokens, tail)  # "... and i've been here six years"
            ):
                break
            tail += 1
        if (
            (
                misheard
                # "... at the gate": a negative context after a value heard right is no digit of it
                or any(
                    self._heard_digit(token.lower) and token.lower not in tables.negative_words
                    for token in tokens[stop:tail]
                )
            )
            and tail > stop
            and (
                tail == len(tokens)
                or tokens[tail].lower in tables.closing
                or self._after_cue_following(tokens, tail) is not None
            )
        ):
            end = tokens[tail - 1].end
        if (start, end) == (entity.start, entity.end):
            return entity
        return Entity(start, end, entity.label, entity.score, entity.detector, entity.explanation)

    def _join_broken_parts(
        self, aligned: AlignedText, tokens: Sequence[Token], found: list[Entity]
    ) -> list[Entity]:
        """A value found short of a complete value of its label takes a part of it said apart.

        "two three fine let me just pull it up five five eight three eight", "... five two three
        no sorry fine two five three ...", "nine oh no wait through sex oh six ...": the recognizer
        misheard digits of the value and the caller made an aside or a correction inside it, so
        only one part was found (or each part as a value of its own). When a value of a number
        label has fewer digits than a complete value of its label (``complete_digits``), an aside
        of at most ``max_aside_words`` plain words (see :meth:`_aside`) and next to it a part of
        value words with a digit word among them (see :meth:`_broken_part`) is one value with it,
        when both together are at most ``broken_values.extra_digits`` digits longer than a complete
        value. Fail closed: the aside is redacted with the value. It only widens values found: a
        text without one is left alone; a part that a cue of another label introduces as a complete
        value of that label is no part ("... and my zip is nine oh two one oh").
        """
        if not found:
            return found
        result = sorted(found, key=lambda entity: (entity.start, entity.end))
        for _ in range(4):  # a value broken more than once joins part by part
            joined = False
            for position, entity in enumerate(result):
                if entity.label not in _ZONE_LABELS or entity.label not in self._tables.complete:
                    continue
                for direction in (1, -1):
                    grown = self._broken_part(aligned, tokens, entity, direction, result)
                    if grown is None:
                        continue
                    start, end, label = grown
                    kept = [
                        other
                        for index, other in enumerate(result)
                        if index != position and not (other.start >= start and other.end <= end)
                    ]
                    kept.append(Entity(start, end, label, entity.score, entity.detector, entity.explanation))
                    result = sorted(kept, key=lambda item: (item.start, item.end))
                    joined = True
                    break
                if joined:
                    break
            if not joined:
                break
        return result

    def _broken_part(
        self,
        aligned: AlignedText,
        tokens: Sequence[Token],
        entity: Entity,
        direction: int,
        found: Sequence[Entity],
    ) -> tuple[int, int, str] | None:
        """The (start, end, label) of ``entity`` joined with a part of it said apart after it
        (``direction`` 1) or before it (-1), or None (see :meth:`_join_broken_parts`).

        The part is a run of value words (:meth:`_value_word`) with at least two digits, one of them
        a written digit or a number word; it may be a value found on its own of a label of this
        detector. No negative context stands right before it."""
        tables = self._tables
        low, high = tables.complete[entity.label]
        first = token_index_at(tokens, entity.start)
        stop = token_index_at(tokens, entity.end)
        if first >= stop:
            return None
        have = self._digit_count(tokens, first, stop)
        # a part said twice (a repeat, a read-back) counts once
        have -= said_again([token.lower for token in tokens[first:stop]], self._repeat_words)
        if have >= low:
            return None
        # the nearest word of a number beyond at most max_aside_words words (a phrase said inside
        # values, "hold on", counts as one: twice as many tokens at most)
        index = stop if direction > 0 else first - 1
        reach = 2 * self.max_aside_words
        while 0 <= index < len(tokens) and abs(index - (stop if direction > 0 else first - 1)) <= reach:
            if self._number_token(tokens[index].lower):
                break
            if tokens[index].lower in self._pauses:
                reach += 1  # a written pause is no word of the aside
            index += direction
        else:
            return None
        if not 0 <= index < len(tokens):
            return None
        # the part: from that word on, the value words away from the value (the words between them
        # may sound like digits too: "... want second nine four one six")
        part_first = part_stop = index
        if direction > 0:
            part_stop += 1
            while part_stop < len(tokens) and self._value_word(tokens[part_stop].lower):
                part_stop += 1
            gap_first, gap_stop = stop, part_first
        else:
            while part_first - 1 >= 0 and self._value_word(tokens[part_first - 1].lower):
                part_first -= 1
            part_stop += 1
            gap_first, gap_stop = part_stop, first
        gap = spoken_gap(tokens, gap_first, gap_stop, self._pauses, self._speakers)
        if (
            len(gap) > _SHAPELESS_ASIDE_WORDS
            or aside_length(gap, self._interruptions) > self.max_aside_words
            or (gap and not self._aside(gap))
        ):
            return None
        if any(_joiner(word) and word not in tables.value_words for word in gap):
            return None
        raw = aligned.text[tokens[part_first].start : tokens[part_stop - 1].end]
        if _written_time(raw) or self._quantity_follows(tokens, part_stop):
            return None  # a clock time, or a quantity ("... hold on i have to run twenty minutes late")
        digits = self._digit_count(tokens, part_first, part_stop)
        spoken = sum(
            sum(1 for char in token.lower if char.isdigit())
            or int(token.lower in self._misheard.number_words)
            for token in tokens[part_first:part_stop]
        )
        if digits < 2 or not spoken or have + digits > high + tables.broken_extra_digits:
            return None
        if self._negative_context(tokens, part_first, digits):
            return None
        # a cue between them: before the value its own ("... and my phone is 555"); after it one of
        # another label that introduces the part as a complete value of its own
        if direction > 0 and self._introduced_apart(tokens, gap_first, gap_stop, entity.label):
            return None
        for end in range(gap_first + 1, gap_stop + 1):
            cue = tables.cue_table.ending_at(tokens, end)
            if cue is None or (direction > 0 and cue[0] == entity.label):
                continue
            if direction < 0:
                return None
            bounds = tables.complete.get(cue[0])
            if bounds is None or bounds[0] <= digits <= bounds[1]:
                return None
        start = min(entity.start, tokens[part_first].start)
        end = max(entity.end, tokens[part_stop - 1].end)
        # a part found on its own of another number label: the joined value takes the label whose
        # complete values it fits
        label = entity.label
        for other in found:
            if other is entity or not (other.start >= start and other.end <= end):
                continue
            if other.detector != entity.detector:
                return None
            bounds = tables.complete.get(other.label)
            if (
                bounds is not None
                and bounds[0] <= have + digits <= bounds[1] + 1
                and not (low <= have + digits <= high + 1)
            ):
                label = other.label
        return start, end, label

    def _join_spelled_leads(
        self, aligned: AlignedText, tokens: Sequence[Token], found: list[Entity]
    ) -> list[Entity]:
        """A code whose spelled letters the caller said apart from its digits takes them.

        "policy number c n u hold on let me get my glasses eight seven ...", "iban f r sorry i'm
        reading it off the card five five ...", "member id p n t so that's p n t yes and then nine
        one ...": the letters (or a first digit) after a cue, then an aside or a read-back, then the
        value found. When every word between the cue and the value is a value word or a word of an
        aside (at most ``max_aside_words`` plain words, see :meth:`_aside`; no cue of another
        value) and some value word is among them, the value starts at the first of them. Fail
        closed: the aside is redacted with the value."""
        result = sorted(found, key=lambda entity: (entity.start, entity.end))
        for entity in result:
            if entity.label not in _ZONE_LABELS and entity.label != "IBAN_CODE":
                continue
            first = token_index_at(tokens, entity.start)
            start = self._spelled_lead(aligned, tokens, first, entity, result)
            if start is None:
                continue
            begin = tokens[start].start
            if any(other.start < begin < other.end for other in result if other is not entity):
                continue
            kept = [
                other
                for other in result
                if other is not entity and not (begin <= other.start and other.end <= entity.end)
            ]
            kept.append(
                Entity(begin, entity.end, entity.label, entity.score, entity.detector, entity.explanation)
            )
            result = sorted(kept, key=lambda item: (item.start, item.end))
            return self._join_spelled_leads(aligned, tokens, result)  # the lead found no lead before it
        return result

    def _spelled_lead(
        self,
        aligned: AlignedText,
        tokens: Sequence[Token],
        first: int,
        entity: Entity,
        found: Sequence[Entity],
    ) -> int | None:
        """The token where ``entity``, found from token ``first``, starts when its spelled lead
        stands apart from it after a cue of a value (see :meth:`_join_spelled_leads`), or None.
        Another value found between the cue and it is no lead ("my ssn is two five six eight and
        credit no three two one four ..."), unless it is of the same label with fewer than three
        digits: letters found on their own ("policy number c n u ...")."""
        tables = self._tables
        others = [other for other in found if other is not entity]
        limit = min(self.max_aside_words, _SHAPELESS_ASIDE_WORDS)
        plain = 0
        lead: int | None = None
        index = first - 1
        while index >= 0:
            word = tokens[index].lower
            hit = tables.cue_table.ending_at(tokens, index + 1)
            if hit is not None:
                if not hit[1] or (hit[0] not in _ZONE_LABELS and hit[0] != "IBAN_CODE"):
                    return None
                break
            token = tokens[index]
            inside = next((o for o in others if o.start < token.end and token.start < o.end), None)
            if inside is not None and (
                inside.label != entity.label
                or sum(c.isdigit() for c in aligned.text[inside.start : inside.end]) >= 3
            ):
                return None
            if word in self._pauses:
                pass
            elif self._spelled_or_digits(aligned, token):
                lead = index
            else:
                plain += 1
                if plain > limit + 2 or not self._aside_word(word, negative=False):
                    return None
            index -= 1
        if index < 0 or lead is None:
            return None
        words = [
            token.lower
            for token in tokens[lead:first]
            if token.lower not in self._pauses and not self._spelled_or_digits(aligned, token)
        ]
        if len(words) > limit or not self._aside(words):
            return None
        return lead

    def _spelled_or_digits(self, aligned: AlignedText, token: Token) -> bool:
        """Token ``token`` was said as spelled letters or digit words ("c n u", "eight seven"; "e s
        sorry i": letters the normalizers joined over a correction)."""
        if _has_digit(token.lower):
            return True
        start, end = aligned.to_original(token.start, token.end)
        words = aligned.original[start:end].lower().split()
        letters = sum(1 for word in words if len(word) == 1 and word.isalpha())
        return bool(words) and (letters == len(words) or letters >= 2)

    def _noisy_answer(
        self, aligned: AlignedText, tokens: Sequence[Token], found: list[Entity]
    ) -> list[Entity]:
        """A turn that is a number the recognizer garbled, with no value found in it: a value.

        "six four of when it seven for heaven one seven fine", "it's fifty three ten fifty sick fifty
        six sixty three", "the mixer number is one several do nine three when": in a call such a turn
        answers a question about an identifier (see ``answers``), but the misheard digits broke it
        into pieces too short for any shape, and its cue (if any) is garbled. The region from the
        turn's first to its last value word (:meth:`_value_word`, with a digit word at both ends or
        next to them) is a value when it has at least ``noisy_answers.min_digits`` digits, misheard
        words counted (:meth:`_digit_count`), half of them or more said as digit or number words; at
        least ``noisy_answers.min_said_digits`` said so; at most ``noisy_answers.max_inside_share`` of
        its words are other words, and at most
        ``answers.max_other_words`` words stand outside it. Never in a turn with a negative context, a
        unit, a time, a range or sum word ("from", "plus"; "to" after a number said whole: "seventy
        five to sixty six"; "or" or "and" between two: "twelve ninety nine or thirteen ..."), an
        amount ("hundred"), a spelled letter (a model: "does the nikon d seven fifty fit ..."), a
        plural noun (things counted: "two boxes of eleven and one of two"), a draw word ("... win
        anything") or a
        clock time, nor for counting. An article inside counts as another word.
        """
        tables = self._tables
        if any(entity.label in _ZONE_LABELS for entity in found):
            return []
        words = [
            index
            for index, token in enumerate(tokens)
            if token.lower.isalnum() or any(ch.isalnum() for ch in token.lower)  # a word, "it's" too
        ]
        if not words:
            return []
        numbers = [index for index in words if self._number_token(tokens[index].lower)]
        if len(numbers) < 2:
            return []
        first, last = numbers[0], numbers[-1]
        # value words next to the first and last digit word belong to the region ("... nine three when")
        while (
            first - 1 >= 0
            and self._value_word(tokens[first - 1].lower)
            and (tokens[first - 1].lower not in tables.between)
        ):
            first -= 1
        while (
            last + 1 < len(tokens)
            and self._value_word(tokens[last + 1].lower)
            and (tokens[last + 1].lower not in tables.closing)
        ):
            last += 1
        outside = sum(1 for index in words if index < first or index > last)
        if outside > tables.answer_max_other_words:
            return []  # most turns: more words than an answer has (the cheapest test first)
        amounts = self._lexicon.hundred | self._lexicon.thousand
        if any(word in amounts for word in aligned.original.lower().split()):
            return []  # "one hundred thirty six to ...": an amount or a score
        for position, index in enumerate(words):
            word = tokens[index].lower
            if (
                # "seventy five to sixty six": a score or a range between numbers said whole
                (
                    (word in self._misheard.region_breakers or word in tables.after_breaks)
                    and 0 < position < len(words) - (word not in self._misheard.region_breakers)
                    and _said_whole(tokens[words[position - 1]].lower)
                    # "twelve ninety nine or thirteen ninety nine": a choice between two numbers
                    and (
                        word in self._misheard.region_breakers
                        or _said_whole(tokens[words[position + 1]].lower)
                    )
                )
                # a letter names a model or a code ("the nikon d seven fifty"), no misheard digit
                or (len(word) == 1 and word.isalpha() and word not in tables.word_letters)
                or word in tables.negative_words
                or word in tables.quantity_after
                or word in tables.quantity_before
                or (word in self._misheard.region_breakers and word not in self._misheard.homophones)
                or self._draw_word(word)
                or (word,) in tables.cues  # a cue the other rules read: their value, not this one
                or self._plural_noun(word)  # "two boxes of eleven and one of two": things counted
            ):
                return []
        if any(tables.negative_table.ending_at(tokens, end) is not None for end in range(1, len(tokens) + 1)):
            return []  # a negative phrase anywhere in the turn ("it ended seventy fife to sixty a six")
        region = [index for index in words if first <= index <= last]
        others = sum(
            1
            for index in region
            if tokens[index].lower in tables.articles
            or (not self._value_word(tokens[index].lower) and not self._digit_count(tokens, index, index + 1))
        )
        if others > tables.noisy_answer_inside_share * len(region):
            return []
        digits = self._digit_count(tokens, first, last + 1)
        spoken = "".join(
            "".join(ch for ch in tokens[index].lower if ch.isdigit())
            or self._misheard.number_words.get(tokens[index].lower, "")
            for index in region
        )
        if (
            digits < tables.noisy_answer_digits
            or len(spoken) < tables.noisy_answer_said
            or 2 * len(spoken) < digits
            or _counting(spoken)
        ):
            return []
        start, end = tokens[first].start, tokens[last].end
        if ":" in aligned.text[start:end] or self._reading(aligned, start, end) == "time":
            return []
        if self._whole_numbers_apart(tokens, region):
            return []  # "built in 1933 remodeled in 1991", "i benched 307 for 4 and squatted 245 ..."
        if "." in aligned.text[start:end] and _WRITTEN_DECIMAL.search(aligned.text[start:end]):
            return []  # "her temp went 102.6 102.2 then 98.2": written decimals, measurements
        numbers = [index for index in region if _has_digit(tokens[index].lower)]
        if numbers and self._corrected_whole_number(
            aligned, tokens[numbers[0]].start, tokens[numbers[-1]].end
        ):
            return []  # "it was eight fifty uh no sixty seven seventy five": a price said again
        return [self._entity(start, end, "ACCOUNT_NUMBER", self.shape_score, "a turn of misheard digits")]

    def _whole_numbers_apart(self, tokens: Sequence[Token], region: Sequence[int]) -> bool:
        """Two numbers of three digits or more written whole in the region ``region`` (word indexes),
        with a plain word between them that is no misheard digit ("1933 remodeled in 1991", "142 pull it
        at 146"): numbers said whole, each a year or a quantity, no digits the recognizer garbled (a
        garbled digit is one word, a number of three digits said whole is no mishearing)."""
        big = [index for index in region if sum(char.isdigit() for char in tokens[index].lower) >= 3]
        if len(big) < 2:
            return False
        return any(
            not self._value_word(tokens[index].lower) and not self._digit_count(tokens, index, index + 1)
            for left, right in itertools.pairwise(big)
            for index in region
            if left < index < right
        )

    def _a_draw(self, aligned: AlignedText, tokens: Sequence[Token], entity: Entity) -> bool:
        """Numbers said whole, with no cue before or after them, that a draw word ends (``draw_words``,
        heard within an edit or run together with the word before: "... fifty six woe anything",
        "... fifty eightwin last night"; more numbers and one other word may stand between):
        lottery numbers or results the recognizer garbled, no identifier. A value read digit by digit
        keeps its shape whatever follows it."""
        if entity.label not in _ZONE_LABELS:
            return False
        first = token_index_at(tokens, entity.start)
        stop = token_index_at(tokens, entity.end)
        o_start, o_end = aligned.to_original(entity.start, entity.end)
        chunks = [
            str(chunk)
            for note in aligned.annotations_in(o_start, o_end, "number")
            for chunk in note.data.get("chunks", ())
        ]
        # two or more of them said whole ("six fifteen nineteen thirty four"), not all digit by digit
        if first >= stop or sum(1 for chunk in chunks if len(chunk) >= 2) < 2:
            return False
        if self._cue_before(tokens, first) is not None or self._after_cue_following(tokens, stop) is not None:
            return False
        # the draw word ends the numbers: only words that may be numbers, misheard, stand between (the
        # words inside the value are misheard numbers: "did six twenty thirty sick fray ... win")
        others = 0
        for index in range(max(first, stop - 3), min(len(tokens), stop + _DRAW_REACH)):
            word = tokens[index].lower
            if self._draw_word(word):
                return True
            if index < stop:
                continue
            if word in self._tables.word_letters or not (_has_digit(word) or self._value_word(word)):
                others += 1
                if others > 1 or (word,) in self._tables.cues or word in self._tables.closing:
                    return False
        return False

    def _arithmetic_turn(self, tokens: Sequence[Token]) -> bool:
        """A turn that opens with a sum's verb (``arithmetic_openers``, after fillers) and names no
        identifier: its numbers are operands however the recognizer garbled the "from" or "by"
        between them ("subract thirty seven oh two foo six six oh six"). The verb counts heard within
        an edit (six letters or more), run together with the number after it ("divideeight") or cut
        in two ("div ide")."""
        openers = self._tables.arithmetic_openers
        if not openers:
            return False
        first = 0
        while first < len(tokens) and (
            tokens[first].lower in self._lexicon.fillers or not tokens[first].lower.isalnum()
        ):
            first += 1
        if first >= len(tokens):
            return False
        word = tokens[first].lower
        glued = word + tokens[first + 1].lower if first + 1 < len(tokens) else word
        opens = (word.isalpha() and self._near_openers.any_within(word, 1)) or any(
            word == verb or glued == verb or (word.startswith(verb) and self._number_token(word[len(verb) :]))
            for verb in openers
        )
        if not opens:
            return False
        tables = self._tables
        return not any(
            tables.cue_table.ending_at(tokens, end) is not None
            or self._after_cue_following(tokens, end) is not None
            for end in range(1, len(tokens) + 1)
        )

    def _draw_word(self, word: str) -> bool:
        """A draw word (``draw_words``), heard within one edit, or glued to a word before or after it."""
        if not word.isalpha() or len(word) < 3:
            return False
        if any(
            word == draw or (len(word) > len(draw) + 1 and (word.endswith(draw) or word.startswith(draw)))
            for draw in self._tables.draw_words
        ):
            return True
        return (
            word not in self._misheard.not_misheard
            and word not in self._misheard.homophones
            and self._near_draws.any_within(word, 1)
        )

    def _lead_anchor(self, tokens: Sequence[Token], index: int) -> bool:
        """A cue phrase or a lead-in anchor (``noisy_edges.anchors``) ends right before token ``index``."""
        tables = self._tables
        return index > 0 and (
            tables.cue_table.ending_at(tokens, index) is not None
            or tokens[index - 1].lower in tables.noisy_edge_anchors
        )

    def _edge_filler(self, word: str, *, before: bool) -> bool:
        """A plain word that may stand for a value's misheard first or last digit or letter: no unit
        after it ("... minutes"), no negative context or unit word before it ("room", "page")."""
        tables = self._tables
        return (
            (word.replace("'", "").isalpha() or self._value_word(word))
            and word not in tables.quantity_after
            and not (before and (word in tables.negative_words or word in tables.quantity_before))
        )

    def _join_phone_parts(self, tokens: Sequence[Token], found: list[Entity]) -> list[Entity]:
        """Two number values with a phone part between them are one phone number, the phone part
        included: "nine seven five nine two nine nine area code of seven two five".

        The recognizer broke the number (a digit lost, "of" for "oh") so that neither part has a
        phone number's length; the caller's "area code" or "extension" says they belong together.
        Up to two filler or aside words may stand before the phone part and one short plain word (a
        misheard digit) after it.
        """
        if len(found) < 2:
            return found
        result: list[Entity] = []
        for entity in sorted(found, key=lambda e: (e.start, e.end)):
            last = result[-1] if result else None
            if last is not None and self._phone_part_between(tokens, last, entity):
                result[-1] = Entity(
                    last.start,
                    max(last.end, entity.end),
                    "PHONE_NUMBER",
                    max(last.score, entity.score),
                    self.name,
                    "parts of a phone number joined by an area code or extension",
                )
            else:
                result.append(entity)
        return result

    def _phone_part_between(self, tokens: Sequence[Token], left: Entity, right: Entity) -> bool:
        """Only a phone part phrase (see :meth:`_join_phone_parts`) stands between two number values."""
        if left.label not in _ZONE_LABELS or right.label not in _ZONE_LABELS or right.start < left.end:
            return False
        tables = self._tables
        gap = [
            token.lower
            for token in tokens[token_index_at(tokens, left.end) : token_index_at(tokens, right.start)]
        ]
        for index in range(min(3, len(gap))):
            length = tables.phone_parts.at(gap, index)
            if not length:
                continue
            before, after = gap[:index], gap[index + length :]
            return (
                (all(word in tables.between for word in before) or self._aside(before))
                and len(after) <= 1
                and all(
                    word.isalpha()
                    and len(word) <= 4
                    and word not in tables.closing
                    and word not in tables.after_breaks
                    and word not in tables.negative_words
                    and (word,) not in tables.cues
                    for word in after
                )
            )
        return False

    def _phone_part_at(self, tokens: Sequence[Token], index: int) -> int:
        """The length of a phone part phrase ("area code", "extension") at token ``index``, or 0."""
        found = self._tables.phone_parts.starting_at(tokens, index)
        return found[0] if found else 0

    def _phone_part(self, gap: Sequence[str]) -> bool:
        """The words between two parts end with "area code" or "extension" (fillers before it)."""
        length = self._tables.phone_parts.ending(gap, len(gap))
        before = gap[:-length]
        # fillers before the phone part, or an aside ("wait let me check area code four one five")
        return length > 0 and (all(word in self._tables.between for word in before) or self._aside(before))

    def _holding_on(self, tokens: Sequence[Token], index: int) -> bool:
        """A hold-on phrase ("one second", "just a moment") starts at token ``index``."""
        return self._tables.hold_on.starting_at(tokens, index) is not None

    def _aside(self, gap: Sequence[str], *, negative: bool = True, units: bool = False) -> bool:
        """Every word of ``gap`` may be part of an aside (hold-on phrases may have a unit word).

        A negative context ("lap", "row") names the number right after it: it stands in an aside only
        when two words or more of the aside still follow it ("wait lap me check": "let me check"
        misheard), or a word the caller resumes with ("sorry that was the oven timer okay ...",
        ``aside_resumers``), never where it would name the value's next part ("hold on my room
        4512"). With ``negative`` False a negative context may stand anywhere in it: the part after it
        completes the value (see :meth:`_joined`). With ``units`` a unit may count what the aside talks
        about (:meth:`_quantity_of_aside`: "hang on for like five seconds").
        """
        index = 0
        while index < len(gap):
            if gap[index] in self._pauses or (index == 0 < len(gap) - 1 and gap[0] in self._hold_on_ends):
                index += 1  # a written pause, or the unit of a hold-on phrase whose "one" the value took
                continue
            length = self._tables.hold_on.at(gap, index) or self._tables.aside_phrases.at(gap, index)
            if length:
                index += length
            elif (
                self._aside_word(gap[index], negative=negative)
                or (
                    (
                        index < len(gap) - 2
                        or (index == len(gap) - 2 and gap[-1] in self._tables.aside_resumers)
                    )
                    and gap[index] in self._tables.negative_words
                    and (
                        self._aside_word(gap[index], negative=False)
                        # a unit too, after a plain word: "the kids are in the room hold on"
                        or (
                            gap[index].isalpha()
                            and index > 0
                            and gap[index - 1].isalpha()
                            and not self._value_word(gap[index - 1])
                        )
                    )
                )
                or self._place_of_aside(gap, index)
                or (
                    # the part after the aside completes the value: a unit inside the aside counts
                    # what the aside talks about, no part of the value
                    units
                    and (not negative or gap[index] not in self._tables.negative_words)
                    and self._quantity_of_aside(gap, index)
                )
                or (
                    # "the next part is": a part of the value being dictated
                    index > 0
                    and gap[index - 1] in self._tables.value_part_openers
                    and self._aside_word(gap[index], negative=False)
                )
                or (
                    # "and the last 4 are": the count of the digits that follow
                    0 < index < len(gap) - 1
                    and gap[index - 1] in self._tables.value_part_openers
                    and len(gap[index]) == 1
                    and gap[index].isdigit()
                )
                or self._breaker_inside_aside(gap, index)
            ):
                index += 1
            else:
                return False
        return True

    def _quantity_of_aside(self, gap: Sequence[str], index: int) -> bool:
        """Word ``index`` of ``gap`` is a unit or a place word that counts what the aside talks about,
        no part of the value around it ("hang on for like five seconds", "it's the second card in my
        wallet", "i've been on hold for ten minutes already"): inside the aside, a word of it on
        either side, or the aside's last word right after a number of its own ("give me five
        seconds"). Right after the part before the aside a unit counts that part ("four one five
        minutes"), and right before the part after it a place word names that part ("... my room
        four five one two"). Clock words never stand in an aside."""
        tables = self._tables
        word = gap[index]
        if index == 0 or word in ("am", "pm", "o'clock", "oclock"):
            return False
        if word in tables.quantity_after:
            return index < len(gap) - 1 or self._number_word(gap[index - 1])
        return word in tables.quantity_before and index < len(gap) - 1

    def _number_word(self, word: str) -> bool:
        """A number said in words or written in digits ("five", "twenty", "5")."""
        return _has_digit(word) or word in self._misheard.number_words

    def _place_of_aside(self, gap: Sequence[str], index: int) -> bool:
        """Word ``index`` of ``gap`` is a negative context or a unit that names a place where the
        caller is, no thing's number: after a word of ``aside_place_modifiers`` ("in the other room",
        "this room"), or after a preposition of place or motion and a determiner with a word of the
        aside before them ("the kids are in the room", "somebody walked into the room", "i'm going to
        my room": ``aside_place_prepositions``, ``aside_place_determiners``). A possessive right after
        the hold-on phrase names the room whose number follows: "hold on my room 4512"."""
        tables = self._tables
        word = gap[index]
        if index == 0 or not word.isalpha():
            return False
        if not (
            word in tables.negative_words or word in tables.quantity_after or word in tables.quantity_before
        ):
            return False
        if gap[index - 1] in tables.aside_place_modifiers:
            return True
        return (
            index >= 3
            and gap[index - 1] in tables.aside_place_determiners
            and gap[index - 2] in tables.aside_place_prepositions
        )

    def _breaker_inside_aside(self, gap: Sequence[str], index: int) -> bool:
        """Word ``index`` of ``gap`` is a range or sum word between two plain words of the aside
        ("hold on i have to check", "i'm going to grab it"): it joins no numbers there. At the
        aside's edge it stands next to a part of the value and may make a range ("five to six")."""
        if not 0 < index < len(gap) or gap[index] not in self._misheard.region_breakers:
            return False
        if index == len(gap) - 1:
            # the aside's last word, a verb's particle after two plain words of it ("hold on let me
            # flip it over", ``aside_end_particles``); "to" or "from" there may make a range with the
            # value's next part ("my account to ...")
            # ("hold on i'm pulling over"); and a correction's "to" ("actually change that to ...",
            # ``correction_particles``): it says what the value's next part replaces
            tables = self._tables
            return (
                index >= 2
                and (
                    gap[index] in tables.aside_end_particles
                    or (
                        gap[index] in tables.correction_particles
                        and any(word in tables.correction_words for word in gap[:index])
                    )
                )
                and all(
                    word.replace("'", "").isalpha()
                    and not self._value_word(word)
                    and word not in self._misheard.region_breakers
                    for word in gap[index - 2 : index]
                )
            )
        # neighbours that only look like a digit ("fighting over the remote") are words of the aside
        return all(
            word.replace("'", "").isalpha()
            and not self._number_token(word)
            and word not in self._tables.value_words
            and word not in self._misheard.region_breakers
            for word in (gap[index - 1], gap[index + 1])
        )

    def _aside_word(self, word: str, *, negative: bool = True) -> bool:
        """A word an aside inside a dictated value may have: a plain word, not a unit, a time word or a
        negative context ("hold on my kid is", "let me just pull it up")."""
        tables = self._tables
        return (
            (word.replace("'", "").isalpha() or self._value_word(word))
            and word not in tables.quantity_after
            and word not in tables.quantity_before
            and (not negative or word not in tables.negative_words)
            and word not in ("am", "pm", "o'clock", "oclock")
            and word not in self._misheard.region_breakers
        )

    def _starts_with_negative_word(self, aligned: AlignedText, start: int, end: int) -> bool:
        """The value's first spoken word is a negative context read as a digit ("we won one oh")."""
        o_start, o_end = aligned.to_original(start, end)
        words = aligned.original[o_start:o_end].lower().split()
        return bool(words) and words[0] in self._tables.negative_words

    def _said_with_thousand(self, aligned: AlignedText, start: int, end: int, times: int = 1) -> bool:
        """The value was said with "thousand" ("my total came to one thousand a hundred sixty hate
        ..."): an amount, whatever the homophone before it; nobody reads a code that way. With
        ``times`` 2: two numbers said with "thousand" one after another are two amounts, never one
        code read out, whatever cue comes before them."""
        return self._thousands(aligned, start, end) >= times

    def _thousands(self, aligned: AlignedText, start: int, end: int) -> int:
        """How many times "thousand" was said in the span (see :meth:`_said_with_thousand`)."""
        o_start, o_end = aligned.to_original(start, end)
        thousand = self._lexicon.thousand
        return sum(word in thousand for word in aligned.original[o_start:o_end].lower().split())

    def _amount_said_whole(self, aligned: AlignedText, start: int, end: int) -> bool:
        """One number said with "thousand", not digit by digit, of at most ``_AMOUNT_MAX_DIGITS``
        digits ("the claim was for two thousand three hundred"): an amount, no code."""
        if not self._said_with_thousand(aligned, start, end):
            return False
        o_start, o_end = aligned.to_original(start, end)
        notes = aligned.annotations_in(o_start, o_end, "number")
        return (
            len(notes) == 1
            and notes[0].data.get("style") not in ("digits", "mixed")
            and len(str(notes[0].data.get("digits", ""))) <= _AMOUNT_MAX_DIGITS
        )

    def _two_amounts(self, aligned: AlignedText, entity: Entity) -> bool:
        """The value starts as an amount said with "thousand" (at most ``_AMOUNT_WORDS`` number words
        before it: "nine hundred ninety nine thousand") and a second "thousand" follows: two amounts,
        not a code. A value read out before the amounts is no amount, however far its span grew."""
        o_start, o_end = aligned.to_original(entity.start, entity.end)
        words = aligned.original[o_start:o_end].lower().split()
        at = [i for i, word in enumerate(words) if word in self._lexicon.thousand]
        return len(at) >= 2 and at[0] <= _AMOUNT_WORDS

    def _homophone_before(self, tokens: Sequence[Token], first: int) -> bool:
        """The word right before the value is a digit homophone ("won eight hundred two three three
        ..."): as a negative context it only vetoes short values, it may be the value's first digit."""
        return first > 0 and tokens[first - 1].lower in self._misheard.homophones

    def _negative_context(self, tokens: Sequence[Token], first: int, digits: int = 0) -> bool:
        """A negative context ("flight", "closed at", "winning numbers") ends within the window before
        token ``first`` and no identifier cue is nearer.

        A word that labels one short number ("floor", "room", "page": ``quantity_before``) is no
        context of a value of more than ``negative_veto_digits`` ``digits``: "floor sixteen seven
        seventy seven ninety" is a phone number with its first digit misheard, no floor."""
        tables = self._tables
        if not self.negative_contexts or not tables.negatives:
            return False
        for end in range(first, max(0, first - self.window), -1):
            if tables.cue_table.ending_at(tokens, end) is not None:
                # "flight dl 2525": a cue word right after a negative context is part of it
                length = tables.cue_table.length_ending_at(tokens, end)
                before = end - length
                return before > 0 and (tokens[before - 1].lower,) in tables.negatives
            if self._misheard_flight(tokens, end - 1):
                return True  # "we're on fight i c 1563", "is fright b a 283": a flight number
            if self._plural_negative(tokens[end - 1].lower):
                # "the bowling scores were ...", "the sports channels are ...": the plural of a
                # one-word negative context names several numbers, never one value (so no veto by
                # length either: a list of channels is longer than one channel)
                return True
            if tables.negative_table.ending_at(tokens, end) is not None and not self._cue_like_negative(
                tokens, end - 1
            ):
                # "tree floor three four two ...": a one-word negative context between digit words is
                # a misheard digit, not a floor
                word = tokens[end - 1].lower
                misheard = (
                    end >= 2
                    and (word,) in tables.negatives
                    and self._number_token(tokens[end - 2].lower)
                    and first == end
                )
                one_number = (
                    (word,) in tables.negatives
                    and word in tables.quantity_before
                    and digits > tables.negative_veto_digits
                )
                return not misheard and not one_number
        return False

    def _decimal_fraction(self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        """The candidate is a decimal number whose fraction is read digit by digit, too long for the
        number normalizer to write it as one ("three point one four one five nine two six", "one point
        zero four seven five eight eight"): one decimal word (``decimals.words``) inside it or right
        before it, after a whole part said as one number of at most three digits (not digits read one
        by one: "four one five point five five five one two one two" is a dotted phone number), and
        only digits after it. A quantity, no identifier (the caller asks this only without a cue)."""
        words = self._tables.decimal_words
        first = max(1, candidate.first - 1)
        points = [k for k in range(first, candidate.stop - 1) if tokens[k].lower in words]
        if len(points) != 1:
            return False
        point = points[0]
        whole = tokens[point - 1]
        if not self._number_token(whole.lower) or (whole.lower.isdigit() and len(whole.lower) > 3):
            return False
        if point >= 2 and self._number_token(tokens[point - 2].lower):
            return False  # "five five five point ...": digits said before the whole part
        if len(whole.lower) > 1 and self._reading(aligned, whole.start, whole.end) == "digits":
            return False
        return all(token.lower.isdigit() for token in tokens[point + 1 : candidate.stop])

    def _range_of_whole_numbers(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate
    ) -> bool:
        """The candidate and a number next to it, a range or sum word between them (``region_breakers``
        of asr_confusions: "to", "by", "versus", "plus"), are both said whole, not digit by digit
        ("from seventeen oh nine to eighteen forty seven", "twelve by fourteen"): a range, a score or a
        sum of two numbers. The caller asks only without a cue and for a short number."""
        breakers = self._misheard.region_breakers
        pairs = []
        if candidate.stop + 1 < len(tokens) and tokens[candidate.stop].lower in breakers:
            pairs.append(tokens[candidate.stop + 1])
        if candidate.first >= 2 and tokens[candidate.first - 1].lower in breakers:
            pairs.append(tokens[candidate.first - 2])
        if not pairs or any(token.lower.isalpha() for token in tokens[candidate.first : candidate.stop]):
            return False
        start, end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        if len(candidate.digits) < 2 or self._reading(aligned, start, end) in ("digits", None):
            return False
        return any(
            _said_whole(other.lower)
            and self._reading(aligned, other.start, other.end) not in ("digits", None)
            for other in pairs
        )

    def _draw_calls(self, aligned: AlignedText, start: int, end: int) -> bool:
        """Every number of the span was called with a letter of a draw's column it belongs to, two calls
        or more (``draw_columns``: "b twelve i seventeen n thirty eight", "n 31 then g 56 then o 63";
        the letter right before the span counts): bingo calls, no value. Fillers and joiners may stand
        between the calls; a number without its column's letter keeps the span a value."""
        columns = self._tables.draw_columns
        o_start, o_end = aligned.to_original(start, end)
        before = aligned.original[:o_start].lower().split()[-2:]
        words = [word.strip(",.") for word in before + aligned.original[o_start:o_end].lower().split()]
        if sum(1 for word in words if word in columns) < _DRAW_CALLS:
            return False  # the cheap test: too few column letters
        lex = self._lexicon
        calls = 0
        k = 0
        while k < len(words):
            word = words[k]
            if word not in columns or k + 1 >= len(words):
                if word.isdigit() or word in lex.digits or word in lex.teens or word in lex.tens:
                    return False  # a number without its column's letter
                k += 1
                continue
            if (
                k + 2 < len(words)
                and words[k + 1] not in columns
                and len(words[k + 1]) <= _DRAW_FILLER_LETTERS
                and words[k + 1].isalpha()
                and not self._number_token(words[k + 1])
            ):
                k += 1  # "n er 31": a filler between the letter and its number
            nxt = words[k + 1]
            if nxt.isdigit():
                value, k = int(nxt), k + 2
            elif nxt in lex.tens:
                value, k = lex.tens[nxt], k + 2
                if k < len(words) and words[k] in lex.digits and lex.digits[words[k]]:
                    value, k = value + lex.digits[words[k]], k + 1
            elif nxt in lex.teens or (nxt in lex.digits and nxt not in lex.zero_aliases):
                value, k = (lex.teens.get(nxt) or lex.digits[nxt]), k + 2
            else:
                k += 1
                continue
            low, high = columns[word]
            if not low <= value <= high:
                return False
            calls += 1
        return calls >= _DRAW_CALLS

    def _oh_numbers_range(self, aligned: AlignedText, start: int, end: int, digits: int) -> bool:
        """The seven digits were said as two numbers of a digit, "oh" and a digit each, with a range
        word the number normalizer read as "two" between them ("the game ended one oh eight to one oh
        four", "rooms one oh five to one oh nine"): a score or a range of two numbers said whole. Only
        without a cue (the caller asks): "call me at one oh eight to one oh four" stays a phone number
        with a misheard digit (fail closed). A verb of the score heard as a digit before them ("we won
        one oh eight to one oh four": ``digits`` is eight) is no digit of a value either."""
        o_start, o_end = aligned.to_original(start, end)
        words = [word.strip(",.") for word in aligned.original[o_start:o_end].lower().split()]
        if digits > _OH_RANGE_DIGITS and words and words[0] in self._misheard.homophones:
            words = words[1:]
        if len(words) != _OH_RANGE_DIGITS or words[3] not in self._misheard.region_breakers:
            return False
        digit_words, zero = self._lexicon.digits, self._lexicon.zero_aliases
        return all(
            words[first] in digit_words
            and words[first] not in zero
            and words[first + 1] in zero
            and words[first + 2] in digit_words
            for first in (0, 4)
        )

    def _queue_call(self, tokens: Sequence[Token], first: int, stop: int, digits: int) -> bool:
        """A short number called out in a queue (``queue_calls``): right after a call phrase ("now
        serving", "we're calling"; a cue word such as "order" or "ticket number" may stand between) or
        right before a pickup phrase ("is ready", "please go to window"). Its place in the line, no
        account's number: an order number said to a business keeps its cue ("my order number is ..."); the
        caller asks only without a cue or with the queue's own (an account cue: "order", "ticket").
        Every number of the region (``digits`` in all) has at most ``queue_calls.max_digits`` digits."""
        tables = self._tables
        if digits > tables.queue_max_digits and any(
            sum(char.isdigit() for char in token.lower) > tables.queue_max_digits
            for token in tokens[first:stop]
        ):
            return False
        if digits > tables.queue_max_digits and any(
            token.lower in self._misheard.number_words for token in tokens[first:stop]
        ):
            return False  # a number still in words: a value read in pieces, not whole numbers called
        if any(
            tables.queue_after.starting_at(tokens, index) is not None
            for index in range(first + 1, stop + 1)
            if _has_digit(tokens[index - 1].lower)
        ):
            return True  # "order five eighty nine is ready for pickup order four twenty": the call inside
        return any(
            tables.queue_before.ending_at(tokens, end) is not None
            for end in range(first, max(0, first - 3), -1)
        )

    def _public_code_before(self, tokens: Sequence[Token], first: int) -> bool:
        """A word of ``public_code_words`` ("isbn", "barcode", "upc") stands within the window before
        token ``first``: the number is a product's or a book's public code, whatever its length (no
        identifier cue is asked for: the caller's ``_classify`` found none). An owner up to three words
        before the code word ("my barcode number is", "my library card barcode reads": ``public_code_owners``)
        makes it the caller's own number, which stays protected (fail closed)."""
        tables = self._tables
        words = tables.public_code_words
        if not words:
            return False
        for index in range(max(0, first - self.window), first):
            if tokens[index].lower in words:
                owned = any(
                    tokens[before].lower in tables.public_code_owners
                    for before in range(max(0, index - 3), index)
                )
                if not owned:
                    return True
        return False

    def _list_subject(self, tokens: Sequence[Token], verb: int) -> bool:
        """A plural noun is the subject of the verb at ``verb`` ("the showtimes are", "our scores
        were", ``list_verbs``; up to two hedges of ``list_hedges`` after it: "the pickups are like
        ..."): the numbers after it are one for each thing, a list, never one value; no noun of a
        value's own parts ("digits", ``list_subjects_not``) nor any cue's plural ("numbers", "codes")."""
        tables = self._tables
        for _ in range(2):
            if verb < 1 or tokens[verb].lower not in tables.list_hedges:
                break
            verb -= 1
        if verb < 1 or tokens[verb].lower not in tables.list_verbs:
            return False
        word = tokens[verb - 1].lower
        return (
            self._plural_noun(word)
            and word not in tables.list_subjects_not
            and word[:-1] not in tables.cue_words
            and not (word.endswith("es") and word[:-2] in tables.cue_words)
        )

    def _plural_negative(self, word: str) -> bool:
        """``word`` is the plural of a one-word negative context ("scores", "channels", "matches",
        "batteries"), itself not one: the locale lists the singular."""
        tables = self._tables
        if len(word) < 4 or word[-1] != "s" or word in tables.negative_words:
            return False
        stems = [word[:-1]]
        if word.endswith("es"):
            stems.append(word[:-2])
        if word.endswith("ies"):
            stems.append(word[:-3] + "y")
        return any(stem in tables.negative_words for stem in stems)

    def _misheard_flight(self, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` is a flight word a recognizer garbled ("on fight", "the fright": see
        :func:`~redactkit.detect.places.flight_word_at`); a flight word heard right is a negative
        context of the locale already."""
        flight_words, airline_cues = self._flights
        if index < 0 or not flight_words or tokens[index].lower in flight_words:
            return False
        words = [token.lower for token in tokens[max(0, index - 1) : index + 1]]
        return flight_word_at(words, len(words) - 1, flight_words, airline_cues)

    def _number_token(self, word: str) -> bool:
        """Digits, a number word or a homophone of one that is no function word ("tree", not "to")."""
        misheard = self._misheard
        return (
            _has_digit(word)
            or word in misheard.number_words
            or (word in misheard.homophones and word not in misheard.between_digits_only)
        )

    def _clock(self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        raw = aligned.text[tokens[candidate.first].start : tokens[candidate.stop - 1].end]
        return _written_time(raw) or self._reading(
            aligned, tokens[candidate.first].start, tokens[candidate.stop - 1].end
        ) in ("time",)

    def _one_by_one(self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        """Read like a code: digit by digit, or in three or more groups ("fifty five twenty one
        eighty"); not a quantity or a price in two groups ("twelve ninety nine")."""
        o_start, o_end = aligned.to_original(tokens[candidate.first].start, tokens[candidate.stop - 1].end)
        for note in aligned.annotations_in(o_start, o_end, "number"):
            style = note.data.get("style")
            if style == "digits" or (style == "mixed" and len(note.data.get("chunks", ())) >= 3):
                return True
        return False

    def _widen_to_misheard(self, tokens: Sequence[Token], candidate: _Candidate, entity: Entity) -> Entity:
        """Cover up to two words on each side that look like misheard digit words ("mine" for nine)."""
        start, end = entity.start, entity.end
        before = candidate.first - 1
        if (
            before >= 0
            and tokens[before].end <= start
            and tokens[before].lower in self._misheard.homophones
            and (
                before == 0
                # "send it to fr21...": "to" after a verb's object is no digit
                or (
                    tokens[before - 1].lower in self._tables.between
                    and tokens[before].lower not in self._misheard.region_breakers
                )
                or tokens[before - 1].lower in self._tables.cue_words
            )
        ):
            # "my card number is for five ...": between a cue and the value, "for" is a misheard four
            start = tokens[before].start
            before -= 1
        while (
            before >= 0
            and before >= candidate.first - 2
            and tokens[before].end <= start
            and self._misheard.looks_like_digit(
                tokens[before].lower, self._tables, self._tables.quantity_before
            )
        ):
            start = tokens[before].start
            before -= 1
        after = candidate.stop
        while (
            after < len(tokens)
            and after < candidate.stop + 2
            and tokens[after].start >= end
            and (
                self._misheard.looks_like_digit(
                    tokens[after].lower, self._tables, self._tables.quantity_after
                )
                or (
                    tokens[after].lower in self._misheard.homophones
                    and tokens[after].lower not in self._misheard.between_digits_only
                )
            )
        ):
            end = tokens[after].end
            after += 1
        if (
            after == len(tokens) - 1
            and after == candidate.stop
            and tokens[after].lower.isalpha()
            and len(tokens[after].lower) <= 4
            and tokens[after].lower not in self._tables.closing
            and tokens[after].lower not in self._tables.quantity_after
            and tokens[after].lower not in self._tables.cue_words
        ):
            end = tokens[after].end  # the last word right after the value: a misheard last digit
        if (start, end) == (entity.start, entity.end):
            return entity
        return Entity(start, end, entity.label, entity.score, entity.detector, entity.explanation)

    def _whole_spoken_numbers(self, aligned: AlignedText, entity: Entity) -> Entity:
        """A value of a number label never ends inside a number the normalizer read as one: it grows
        to the whole of it. "call me at two oh six, sorry somebody walked into the room, five five
        five, one one two two": "at two oh six" reads as the clock time 2:06, the value joins its
        "06" to the parts after the aside, and the "two" said with it belongs to the value too (fail
        closed: the words of one spoken number are all redacted or none of them)."""
        if entity.label not in _ZONE_LABELS:
            return entity
        o_start, o_end = aligned.to_original(entity.start, entity.end)
        start, end = entity.start, entity.end
        for note in aligned.annotations_in(o_start, o_end, "number"):
            if note.start < o_start < note.end or note.start < o_end < note.end:
                d_start, d_end = aligned.to_derived(note.start, note.end)
                start, end = min(start, d_start), max(end, d_end)
        if (start, end) == (entity.start, entity.end):
            return entity
        return replace(entity, start=start, end=end)

    def _lost_digits_at_edges(self, aligned: AlignedText, tokens: Sequence[Token], entity: Entity) -> Entity:
        """A value one to three digits short of a complete value of its label takes up to two words on
        each side of it that may be the digits the recognizer got wrong.

        "it's or eight eight three four for the zip", "my social through five zero nine three one
        four eight two": four digits are no ZIP code and eight no social security number; the word
        next to the value is its first digit, misheard ("four" as "or", "three" as "through"). The
        complete lengths are ``value_lengths`` of the locale (a Luhn-valid card is complete). Fail
        closed: the words taken are those that may stand inside a value (no cue, unit, negative
        context, closing word or clause break); a word that sounds like no digit only where no word
        of the sentence stands: between a cue or filler and the value, or between the value and the
        end of the text, a closing word or a cue said after it, and a filler ("is", "the") only as
        an article before the end of the text or a closing word. A complete value as long as a phone
        number takes a word next to it that sounds like a digit in those places ("plus or 96...").
        """
        first = token_index_at(tokens, entity.start)
        stop = token_index_at(tokens, entity.end)
        if first >= stop:
            return entity
        label = entity.label
        if (
            label == "ACCOUNT_NUMBER"
        ):  # a number without a length of its own named after it ("... for the sip")
            label = self._after_cue_following(tokens, stop) or label
        lengths = self._tables.value_lengths.get(label)
        if not lengths:
            return entity
        if any(self._phone_part_at(tokens, k) for k in range(first, stop)):
            return entity  # an area code or an extension said apart: its parts have their own lengths
        if label == "ACCOUNT_NUMBER" and any(
            (len(token.lower) == 1 and token.lower.isalpha() and not self._sounds_like_digit(token.lower))
            or (_has_digit(token.lower) and any(char.isalpha() for char in token.lower))
            for token in tokens[first:stop]
        ):
            return entity  # a code with letters ("c a 08585"): no length to go by
        digits = self._digit_count(tokens, first, stop)
        if label == "CREDIT_CARD" and 13 <= digits <= 19:
            raw = "".join(ch for ch in aligned.text[entity.start : entity.end] if ch.isdigit())
            if len(raw) == digits and _card_digits(raw):
                return entity
        missing = next((length - digits for length in lengths if length >= digits), 0)
        if missing > 3:
            missing = 0  # too far from a complete value to say: only what sounds like a digit, as if complete
        if missing == 0 and digits < _EDGE_DIGITS:
            return entity
        per_side = min(2, missing) if missing else 1
        new_first, new_stop = first, stop
        while first - new_first < per_side and new_first > 0:
            taken = self._lost_digits(
                tokens, new_first - 1, -1, per_side - (first - new_first), bool(missing), new_first < first
            )
            if not taken:
                break
            new_first -= taken
        while new_stop - stop < per_side and new_stop < len(tokens):
            taken = self._lost_digits(
                tokens, new_stop, 1, per_side - (new_stop - stop), bool(missing), new_stop > stop
            )
            if not taken:
                break
            new_stop += taken
        if (new_first, new_stop) == (first, stop):
            return entity
        start = min(entity.start, tokens[new_first].start)
        end = max(entity.end, tokens[new_stop - 1].end)
        return Entity(start, end, entity.label, entity.score, entity.detector, entity.explanation)

    def _digit_count(self, tokens: Sequence[Token], first: int, stop: int) -> int:
        """Digits of the value in tokens ``first`` to ``stop``: written digits, number words and the
        words that may be misheard digits (a homophone, a word that sounds like a digit word)."""
        misheard = self._misheard
        count = 0
        for token in tokens[first:stop]:
            word = token.lower
            written = sum(1 for char in word if char.isdigit())
            if written:
                count += written
            elif word in misheard.number_words:
                count += len(misheard.number_words[word])
            elif (
                word in misheard.homophones
                or misheard.looks_like_digit(word, self._tables)
                or (self._sounds_like_digit(word) and word not in self._tables.value_words)
            ):
                count += 1
        return count

    def _lost_digits(
        self, tokens: Sequence[Token], index: int, step: int, most: int, lacking: bool, taken: bool
    ) -> int:
        """How many words from token ``index`` on (in the direction ``step``; at most ``most``) are
        digits of the value next to them, misheard (see :meth:`_lost_digits_at_edges`); ``lacking``:
        the value lacks digits, else only a word that sounds like one is taken; ``taken``: a word
        on this side was taken already."""
        if step < 0 and self._tables.cue_table.length_ending_at(tokens, index + 1):
            return 0  # the last word of the value's cue ("the one that ends in 6936..."), no digit
        kind = self._lost_digit_kind(tokens, index, step)
        if kind == "sound":
            if not lacking and tokens[index].lower in self._tables.between:
                return 0  # "call me at 5551234567": a complete value keeps the fillers before it
            homophone = tokens[index].lower in self._misheard.homophones
            # "ends in 6936...": a word of the sentence before a value, unless a true homophone or
            # next to one taken already ("ends in sits to 4339...")
            return int(
                (lacking and (homophone or step > 0 or taken)) or self._slot(tokens, index, step, kind)
            )
        if not lacking or kind is None:
            return 0
        if self._slot(tokens, index, step, kind):
            return 1
        # "nice want 5710...": a word that sounds like no digit, then one that does
        beyond = index + step
        return (
            2
            if most >= 2
            and kind == "word"
            and 0 <= beyond < len(tokens)
            and self._lost_digit_kind(tokens, beyond, step) == "sound"
            and self._slot(tokens, beyond, step, "sound")
            else 0
        )

    def _lost_digit_kind(self, tokens: Sequence[Token], index: int, step: int) -> str | None:
        """What token ``index`` next to a value (on the side ``step`` points to) may be: "sound" (a
        homophone or a word that sounds like a digit word), "filler" (an article or a filler),
        "word" (another word that may be inside a value) or None (no part of a value)."""
        tables = self._tables
        misheard = self._misheard
        word = tokens[index].lower
        plain = word.replace("'", "")
        before = step < 0
        if (
            not plain.isalpha()
            or len(plain) > 8
            or (word,) in tables.cues
            or word in tables.closing
            or word in tables.quantity_after
            or (before and (word in tables.quantity_before or word in tables.negative_words))
            # "from", "to", "by" join two numbers, unless nothing follows ("... oh eight to")
            or (word in misheard.region_breakers and (before or index + 1 < len(tokens)))
            or (word in tables.value_words and len(word) > 2)  # "dash", "double": part of a value already
            or (not before and word in tables.after_breaks)  # "... eight and my zip is"
            or self._holding_on(tokens, index)
            or tables.negatives_after.starting_at(tokens, index)
        ):
            return None
        following = tokens[index + 1].lower if index + 1 < len(tokens) else ""
        if word in misheard.between_digits_only and not before:
            # "... 8834 for the zip": "for" is a digit only between digits ("... 7 for owe")
            # at the end of the text it ends nothing ("... oh eight to")
            return (
                "sound" if not following or self._lost_digit_kind(tokens, index + 1, 1) == "sound" else None
            )
        if "'" in word:  # "it'ssix": a digit word merged with a contraction
            return "sound" if any(n in plain for n in misheard.numbers[:10] if len(n) >= 3) else None
        if (
            word in misheard.homophones
            # a word of a longer cue may be a misheard digit ("through" of "valid through")
            or misheard.looks_like_digit(plain, tables, strict=word not in tables.cue_words)
            or self._sounds_like_digit(word)
        ):
            if word in tables.between and not self._slot(tokens, index, step, "sound"):
                return None  # "reach me at ...", "it's a ...": a filler of the sentence
            return "sound"
        if word in tables.between or word in tables.after_fillers or word in tables.cue_words:
            return "filler" if word in tables.articles else None
        return "word"

    def _slot(self, tokens: Sequence[Token], index: int, step: int, kind: str) -> bool:
        """Token ``index`` stands where no word of the sentence does: before the value, after a cue, a
        filler or the start of the text; after it, before the end of the text, a closing word, a filler
        or a cue said after the value (an article only before the end or a closing word)."""
        tables = self._tables
        neighbour = index + step
        beside = tokens[neighbour].lower if 0 <= neighbour < len(tokens) else ""
        if not beside:
            return True
        if step < 0:  # "my social the 509...": an article right after a cue is no article
            return beside in tables.cue_words or (kind != "filler" and beside in tables.between)
        if beside in tables.closing:
            return True
        return kind != "filler" and (
            self._after_cue_at(tokens, neighbour) is not None
            or (beside in tables.after_fillers and self._after_cue_following(tokens, neighbour) is not None)
        )

    def _heard_digit(self, word: str) -> bool:
        """A homophone of a digit word or a word that sounds like one ("hate", "fine", "tree")."""
        misheard = self._misheard
        return (
            word in misheard.homophones and word not in misheard.between_digits_only
        ) or misheard.looks_like_digit(word, self._tables)

    def _sounds_like_digit(self, word: str) -> bool:
        """A short word within one sound edit of a single digit word ("or" four, "a" eight, "do" two,
        "in" nine, "of" oh): a digit misheard as a function word, next to a value that lacks digits."""
        if not word.isalpha() or len(word) > 4:
            return False
        misheard = self._misheard
        sound = self._sound_of(word)
        if not any(char in _VOWELS for char in sound):
            return False  # "the" ("th") is no "oh"
        return misheard.near_digit_sounds.any_within(sound, 1)

    def _grow_region(
        self, aligned: AlignedText, tokens: Sequence[Token], entity: Entity, digits: int
    ) -> Entity:
        """Fail closed around an identifier: the value words next to it are part of it.

        A recognizer that mishears a digit as a word breaks the value ("... seven five floor want five
        oh four three night seven"); the parts it left are redacted with the identifier, with up to
        two other words between them, and so are spelled letters before it ("n nancy n nine one
        ...", "v as in victor five ..."): the words an annotator would otherwise still read. Growth
        stops at a word that cannot be inside a value (a unit, a negative context, a cue, a closing
        word) and before a number word that a unit follows ("... and two tickets"). A value as long as
        a phone number also takes one short word right next to it that is no function, cue or closing
        word, where a value starts (after "it's", "is", "my") or ends (before the end of the text, a
        closing word or a filler): a digit the recognizer wrote as another word ("it's want nine oh
        eight ...", "... double five true thanks").
        """
        tables = self._tables
        first = token_index_at(tokens, entity.start)
        stop = token_index_at(tokens, entity.end)  # the first token after the entity
        limit = len(tokens)
        if first >= stop:
            return entity

        def value_at(k: int) -> bool:
            word = tokens[k].lower
            if tables.negatives_after.starting_at(tokens, k):
                return False  # "... win last night": a draw, not a digit
            if (
                not self._value_word(word)
                # a cue's word, unless a digit word ("three" of "three digit code")
                or (word in tables.cue_words and word not in self._misheard.number_words)
                or word in tables.word_letters
            ):
                return False  # "i", "a": a pronoun or an article more often than a spelled letter
            following = tokens[k + 1].lower if k + 1 < limit else ""
            if _joiner(word) and not (k + 1 < limit and value_at(k + 1)):
                return False  # a hyphen joins two parts of the value, it ends none ("90210 - call me")
            if word in self._misheard.between_digits_only and not (
                _has_digit(following) or following in self._misheard.number_words
            ):
                return False  # "... 41526 for the zip": "for" is a digit only between digits
            return following not in tables.quantity_after

        def inside(k: int) -> bool:  # a misheard word between two parts of the value
            word = tokens[k].lower
            return (
                not tables.negatives_after.starting_at(tokens, k)
                and word.replace("'", "").isalpha()
                and word not in tables.closing
                and word not in tables.quantity_after
                # "floor 3" is a quantity, "... floor want 5043" a misheard digit and another word
                and (
                    word not in tables.quantity_before
                    or (k + 1 < limit and not value_at(k + 1))
                    or (k >= 1 and self._number_token(tokens[k - 1].lower))  # "tree floor 342..."
                )
                and (word,) not in tables.cues
                and word not in self._misheard.region_breakers
            )

        def part_at(k: int) -> bool:  # more of the value after a misheard word: digits, two words or
            # a number word that ends the text ("... area code five doubt eight")
            word = tokens[k].lower
            return value_at(k) and (
                _has_digit(word)
                or (
                    k + 1 == limit
                    and (word in self._misheard.number_words or word in self._misheard.homophones)
                )
                or (k + 1 < limit and value_at(k + 1))
            )

        phone = entity.label == "PHONE_NUMBER"
        index = stop
        while index < limit:
            if value_at(index):
                index += 1
                stop = index
                continue
            part = self._phone_part_at(tokens, index) if phone or digits >= _EDGE_DIGITS - 1 else 0
            if part and index + part < limit and value_at(index + part):
                # "... area code three true four": the area code said last is part of the number
                index += part
                continue
            skip = next(
                (
                    n
                    for n in (1, 2)
                    if index + n < limit
                    and not self._new_clause(tokens, index)
                    and all(inside(k) for k in range(index, index + n))
                    and part_at(index + n)
                ),
                0,
            )
            if not skip:
                break
            index += skip
        index = first - 1
        while index >= 0:
            word = tokens[index].lower
            if (
                value_at(index)
                and word not in tables.between
                # "send it to fr21...": "to" before a value is a digit only after another one
                and (
                    word not in self._misheard.region_breakers
                    or (index > 0 and self._number_token(tokens[index - 1].lower))
                )
            ):
                first = index
                index -= 1
                continue
            skip = next(
                (
                    n
                    for n in (1, 2)
                    # the text's first word too when it is a digit word ("five in 255 ...")
                    if index - n >= 0
                    and all(inside(k) for k in range(index - n + 1, index + 1))
                    and value_at(index - n)
                    and tokens[index - n].lower not in tables.between
                    and (
                        self._number_token(tokens[index - n].lower)
                        or (
                            index - n >= 1
                            and (
                                len(tokens[index - n].lower) == 1  # a spelled letter: "n nancy n 9150..."
                                or value_at(index - n - 1)
                            )
                        )
                    )
                ),
                0,
            )
            if not skip:
                break
            index -= skip
        if entity.label != "ZIP_CODE":
            first = self._spelled_prefix(aligned, tokens, first)
        if digits >= _EDGE_DIGITS:
            # where a value starts after "it's", "is", "my" or at the start of the text ...
            if (
                first > 0
                and self._edge_word(tokens[first - 1].lower)
                and (
                    first == 1
                    or (
                        tokens[first - 2].lower in tables.between
                        and tokens[first - 2].lower not in tables.cue_words
                    )
                )
            ):
                first -= 1
            # ... and where it ends before the end of the text, a closing word or a filler
            following = tokens[stop + 1].lower if stop + 1 < limit else ""
            if (
                stop < limit
                and self._edge_word(tokens[stop].lower)
                and (not following or following in tables.closing or following in tables.after_fillers)
            ):
                stop += 1
        start, end = min(entity.start, tokens[first].start), max(entity.end, tokens[stop - 1].end)
        if (start, end) == (entity.start, entity.end):
            return entity
        return Entity(start, end, entity.label, entity.score, entity.detector, entity.explanation)

    def _new_clause(self, tokens: Sequence[Token], index: int) -> bool:
        """A new clause starts at token ``index``: a word of ``after_value_breaks`` and a subject of
        ``clause_subjects`` ("... five eight three four seven and i need seven copies", "... and we're
        a party of four"): the value ends before it, however its words sound like digits."""
        return (
            index + 1 < len(tokens)
            and tokens[index].lower in self._tables.after_breaks
            and tokens[index + 1].lower in self._tables.clause_subjects
        )

    def _spelled_prefix(self, aligned: AlignedText, tokens: Sequence[Token], first: int) -> int:
        """Where spelled letters before a value start ("v as in victor d uh as in victor d 5303...").

        Walks back over single letters, "as in"/"for"/"like" with the word they name, fillers, "dash"
        and one misheard word next to a letter; the prefix starts at its first letter. It counts only
        with a letter that is no everyday word (``word_letters``: "a", "i") or a letter named by a word
        ("i have a 5551234567" keeps "i have a"). US ZIP codes have no letters: a state before one
        ("t x 55640") stays the address's.
        """
        lexicon = self._lexicon

        def letters(k: int, alphabet: bool = True) -> bool:  # "v", or "vd" where the normalizer
            # joined spelled letters
            word = tokens[k].lower
            if alphabet and word in self._alphabet_words:
                return True  # "tango" with its "as in" lost
            if not word.isalpha():
                return False
            if len(word) == 1:
                return True
            o_start, o_end = aligned.to_original(tokens[k].start, tokens[k].end)
            return len(word) <= 8 and bool(aligned.annotations_in(o_start, o_end, "spelled"))

        index, start, misheard, named, strong = first - 1, first, 0, False, False
        while index >= 0 and first - index <= 16:
            word = tokens[index].lower
            previous = tokens[index - 1].lower if index > 0 else ""
            if letters(index):
                start = index
                strong = strong or word not in self._tables.word_letters
            elif word in lexicon.fillers or word in self._tables.value_words:
                pass  # "uh", "dash"
            elif word in self._letter_words:
                pass
            elif word.isalpha() and previous in self._letter_words:
                # "victor" in "v as in victor", "charlie" in "c for charlie" ("for verification" is none)
                named = named or any(
                    letters(k) and tokens[k].lower not in self._tables.word_letters
                    for k in range(max(0, index - 4), index - 1)
                )
            elif (
                not misheard
                and word.isalpha()
                and index > 0
                # a spelling-alphabet word is a letter only right next to the code ("golf then 555...")
                and (
                    letters(index - 1, alphabet=False) or tokens[index - 1].lower in self._tables.value_words
                )
            ):
                misheard = 1  # "z of as in uniform", "n nancy n", "tango dash and 716..."
            else:
                break
            index -= 1
        return start if start < first and (strong or named) else first

    def _negative_after(self, tokens: Sequence[Token], stop: int) -> bool:
        """A phrase that makes the number before it a draw or a result ("... win last night") starts at
        token ``stop``, or one word later: the number's last digit may have been misheard ("... fifty
        fine win")."""
        table = self._tables.negatives_after
        if table.starting_at(tokens, stop):
            return True
        return (
            stop + 1 < len(tokens)
            and tokens[stop].lower.isalpha()
            and (tokens[stop].lower,) not in self._tables.cues
            and bool(table.starting_at(tokens, stop + 1))
        )

    def _edge_word(self, word: str) -> bool:
        """A short word next to a long value that may be one of its digits, misheard."""
        tables = self._tables
        return (
            word.isalpha()
            and 3 <= len(word) <= 5
            and word not in tables.between
            and word not in tables.cue_words
            and word not in tables.closing
            and word not in tables.after_fillers
            and word not in tables.after_breaks
            and word not in tables.quantity_after
            and word not in tables.quantity_before
            and word not in tables.negative_words
            and word not in self._misheard.not_misheard
            and word not in self._misheard.region_breakers
            and not self._name_said(word)  # "it's nadia 6859036429": the caller's name, then the number
        )

    def _cue_after(
        self, tokens: Sequence[Token], stop: int, *, said_whole: bool = False
    ) -> tuple[str, bool] | None:
        """A one-word cue right after the value ("... five oh three for the zip"), as a weak cue.

        Up to three filler words may stand between them. Only for values of three digits or more,
        which may have lost a digit to the recognizer and no longer have an identifier's shape. A
        number ``said_whole`` (in groups: a price, a count) before a cue that introduces a number of
        its own is none of its value ("it was four fifty and my card number is 4111 ...").
        """
        tables = self._tables
        for index in range(stop, min(len(tokens), stop + 4)):
            word = tokens[index].lower
            cue = tables.cues.get((word,))
            if cue is not None:
                if index == stop and self._unit_of_number_before(tokens, index + 1):
                    return None  # "fifteen hundred cc": a unit of the number, no card's cue
                if said_whole and self._introduces_next(tokens, index + 1):
                    return None  # "two ninety nine and four fifty and my card number is ...": its own value
                return cue[0], False
            if word not in tables.between and word not in tables.after_fillers:
                return None
        return None

    def _introduces_next(self, tokens: Sequence[Token], index: int) -> bool:
        """A number follows token ``index`` with only cue and filler words between (at most the
        detector's window): the cue word before ``index`` introduces that number, it names no value
        said before it ("it was four fifty and my card number is 4111 ...")."""
        tables = self._tables
        for at in range(index, min(len(tokens), index + self.window)):
            word = tokens[at].lower
            if _has_digit(word):
                return True
            if word not in tables.between and word not in tables.cue_words:
                return False
        return False

    def _cue_before(
        self, tokens: Sequence[Token], first: int, *, asked_for: bool = False
    ) -> tuple[str, bool] | None:
        """The nearest cue in the window before token ``first``: (label, strong?).

        Phrases are matched by where they end, longest first, so "area code" wins over "code".
        Only filler words, other cue words, single letters (part of a code: "license b 8831917") and
        at most one other word (a misheard filler) may stand between the cue and the value; and the
        end of a turn, in a transcript of both sides: a mark of it ("?", ``speech.turn_marks``) and
        who speaks next ("what's your zip? caller: it's nine four ..."). ``asked_for``: a question
        for a number that names no label counts as a cue too ("and the last four? caller: ...",
        ``answers.questions``), after the end of its turn or right before the value.
        """
        tables = self._tables
        stop = max(0, first - self.window - tables.longest - _TURN_ROOM)
        between = 0
        others = 0
        nearest = ""  # the word right before the value (marks of a turn left out)
        turn = False  # a turn ends between them: the cue asked for the value ("... your zip? caller: ...")
        end = first
        while end > stop:
            # one word of anything else may stand between them: a misheard filler ("my card number his")
            if between > self.window or others > 1 or (others == 1 and not nearest.isalpha()):
                return None
            if self._speaker_at(tokens, end - 2):
                end -= 2  # who speaks ("caller :"; "customer :" is no cue either)
                turn = True
                if asked_for and not others:
                    asked_in_turn = self._asked_in_turn(tokens, end)
                    if asked_in_turn is not None:
                        return asked_in_turn
                continue
            cue = tables.cue_table.ending_at(tokens, end)
            if cue is not None and self._rate_unit(tokens, end):
                return None  # "the price per ticket on the ...": a rate's unit, no value's name
            if cue is not None and self._unit_of_number_before(tokens, end):
                return None  # "a seven hundred fifty cc twenty ten": the engine's size, no card's cue
            if cue is not None and end + 1 == first and tokens[end].lower in tables.cue_not_before:
                return None  # "a case of eighty one", "an order of twelve": a count of the cue's noun
            if cue is not None and cue[0] == "ACCOUNT_NUMBER" and self._account_cue_as_verb(tokens, end):
                return None  # "i'd like to order twenty four of the large ones": a count
            if cue is not None:
                return self._named_before_partial(tokens, end, cue)
            asked = tables.questions.ending_at(tokens, end) if asked_for and (turn or not others) else None
            if asked is not None:
                # "and the last four? caller: eight eight two one": a question for a number, answered
                return (asked, True)
            end -= 1
            word = tokens[end].lower
            if word in self._turn_marks:
                turn = True  # "?": no word said between them
                continue
            between += 1
            nearest = nearest or word
            if not (
                word in tables.between or word in tables.cue_words or (len(word) == 1 and word.isalpha())
            ):
                others += 1
        return None

    def _cue_like_negative(self, tokens: Sequence[Token], index: int) -> bool:
        """Token ``index`` is a negative context that sounds like a cue (``cue_like_negatives``:
        "amount") and a cue's noun follows it ("my amount number is ...": a garbled "account
        number"): no money talk there."""
        tables = self._tables
        return (
            tokens[index].lower in tables.cue_like_negatives
            and index + 1 < len(tokens)
            and tokens[index + 1].lower in tables.cue_like_followers
        )

    def _round_amount(self, digits: str) -> bool:
        """``digits`` are a round number (``round_amounts``: "11000", "120000"): its first
        ``max_significant`` digits, then only zeros, of ``min_digits`` to ``max_digits`` digits."""
        low, high, significant = self._tables.round_amounts
        return low <= len(digits) <= high and digits[0] != "0" and not digits[significant:].strip("0")

    def _number_talk(self, tokens: Sequence[Token], first: int, stop: int) -> bool:
        """A word of a number-talk topic (``number_talk.topics``: golf, games, recipes, ...) stands
        within ``number_talk.window`` words of tokens ``first`` to ``stop`` and no identifier cue
        phrase ends there: the numbers there are scores, measures or moves. A set look-up first."""
        tables = self._tables
        if not tables.number_talk:
            return False
        window = tables.number_talk_window
        floor, ceiling = max(0, first - window), min(len(tokens), stop + window)
        near = [token.lower for token in tokens[floor:first]] + [
            token.lower for token in tokens[stop:ceiling]
        ]
        if tables.number_talk.isdisjoint(near):
            return False
        # a cue phrase that ends in the window ("call back", "card number") names some value there
        return not any(
            tables.cue_table.ending_at(tokens, end) is not None
            for end in (*range(floor + 1, first + 1), *range(stop + 1, ceiling + 1))
        )

    def _rate_unit(self, tokens: Sequence[Token], end: int) -> bool:
        """The cue ending at token ``end`` follows a word of ``cue_not_after`` ("per ticket"): the unit
        of a rate, no value's name."""
        tables = self._tables
        if not tables.cue_not_after:
            return False
        before = end - tables.cue_table.length_ending_at(tokens, end) - 1
        return before >= 0 and tokens[before].lower in tables.cue_not_after

    def _unit_of_number_before(self, tokens: Sequence[Token], end: int) -> bool:
        """The cue word ending at token ``end`` is one word that is a unit too (``quantity_after``:
        "cc") and a number stands right before it: it measures that number ("750 cc"), it introduces
        no value after it."""
        if end < 2:
            return False
        tables = self._tables
        return (
            tokens[end - 1].lower in tables.quantity_after
            and _has_digit(tokens[end - 2].lower)
            # "... seven eight nine four cc number is ...": a cue again, of the value it introduces
            and not (end < len(tokens) and tokens[end].lower in tables.between)
        )

    def _account_cue_as_verb(self, tokens: Sequence[Token], end: int) -> bool:
        """The one-word account cue ending at ``end`` is said as a verb ("i'd like to order twenty
        four", "we'll claim three": a word of ``account_cue_verbs`` after one of
        ``account_cue_verb_before``): what follows is a count, no account's number."""
        tables = self._tables
        return (
            end >= 2
            and tokens[end - 1].lower in tables.account_cue_verbs
            and tokens[end - 2].lower in tables.account_cue_verb_before
        )

    def _named_before_partial(
        self, tokens: Sequence[Token], end: int, cue: tuple[str, bool]
    ) -> tuple[str, bool]:
        """The cue that names a value's end ("ends in", ``partial_cues``) says only which part is
        read: a cue right before it (up to two words of ``between`` apart) names the value ("my card
        ends in ...", "the social ending with ..."); alone it stays an account's cue (review39 L9)."""
        tables = self._tables
        if not tables.partial_cues:
            return cue
        length = tables.cue_table.length_ending_at(tokens, end)
        if tuple(token.lower for token in tokens[end - length : end]) not in tables.partial_cues:
            return cue
        before = end - length
        for skipped in range(3):
            if before - skipped <= 0:
                break
            named = tables.cue_table.ending_at(tokens, before - skipped)
            if named is not None:
                # a phone's or zip's last digits said in groups would read as a quantity of that label
                # ("my number ends in sixty four ninety three"): they stay the account cue's (fail closed)
                return cue if named[0] in _QUANTITY_DIGITS else named
            if tokens[before - skipped - 1].lower not in tables.between:
                break
        return cue

    def _asked_in_turn(self, tokens: Sequence[Token], end: int) -> tuple[str, bool] | None:
        """A strong cue of a number label in the other party's turn that ends at token ``end`` (at most
        ``_ASKING_TURN_WORDS`` words back, not past who spoke before): the value answered after it is
        that label's ("rep : go ahead with the card number when you're ready caller : ...")."""
        tables = self._tables
        floor = max(0, end - _ASKING_TURN_WORDS)
        for stop in range(end, floor, -1):
            if self._speaker_at(tokens, stop - 2):
                return None
            cue = tables.cue_table.ending_at(tokens, stop)
            if cue is not None and cue[1] and cue[0] in _ZONE_LABELS:
                return cue
        return None

    def _garbled_cue_before(self, tokens: Sequence[Token], first: int) -> tuple[str, bool] | None:
        """A cue the recognizer garbled ("the sip is nine oh two one oh", "my sell is ..."), as a weak
        cue: the nearest word before the value (filler words skipped) that sounds within one edit of
        a one-word cue of a number label."""
        tables = self._tables
        index = first - 1
        while index >= 0 and first - index <= self.window and tokens[index].lower in tables.between:
            index -= 1
        if index < 0 or first - index > self.window:
            return None
        cues = _garbled_cues(self.locale)
        label = self._garbled_cue_at(tokens, index, cues, tables.quantity_before) or (
            self._garbled_cue_at(tokens, index - 1, cues, tables.quantity_before, words=2)
            if index >= 1
            else None
        )
        return None if label is None else (label, False)

    def _classify(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate
    ) -> Entity | None:
        named = self._tables.named_numbers.starting_at(tokens, candidate.first)
        if named is not None:
            # "the four oh one k is twenty two thousand": a public name with a number in it ("401 k")
            # is no value's digits; what follows it in the candidate is classified on its own
            rest = candidate.first + named[0]
            while rest < candidate.stop and not _has_digit(tokens[rest].lower):
                rest += 1
            if rest >= candidate.stop:
                return None
            words = [token.lower for token in tokens[rest : candidate.stop]]
            return self._classify(
                aligned,
                tokens,
                _Candidate(
                    rest,
                    candidate.stop,
                    "".join(char for word in words for char in word if char.isdigit()),
                    any(char.isalpha() for word in words if _has_digit(word) for char in word),
                ),
            )
        digits = candidate.digits
        n = len(digits)
        text_start, text_end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        raw = aligned.text[text_start:text_end]
        previous = tokens[candidate.first - 1].lower if candidate.first > 0 else ""
        following = tokens[candidate.stop].lower if candidate.stop < len(tokens) else ""
        cue = self._cue_before(tokens, candidate.first)
        if cue is None and n >= _ANSWER_DIGITS and self._tables.questions:
            cue = self._cue_before(tokens, candidate.first, asked_for=True)  # "and the last four? ..."
        if cue is None:
            prefix = self._letter_prefix(aligned, tokens, candidate.first, text_start)
            if prefix < text_start:  # "member id is xgs dash 22516798": the cue is before the letters
                cue = self._cue_before(tokens, token_index_at(tokens, prefix))
        if (
            cue is not None
            and cue[0] == "CREDIT_CARD_META"
            and self._another_thing_expires(tokens, candidate.first)
        ):
            cue = None  # "my membership expires twelve twenty six": no card's expiry
        negative = None  # the negative context before the value: asked at most once
        if cue is not None:
            negative = self._negative_context(tokens, candidate.first)
            if negative:
                cue = None  # "my office is room 1204": the negative context is nearer than the cue
        if cue is None and n >= 3 and self.misheard_edges:
            if negative is None:
                negative = self._negative_context(tokens, candidate.first)
            if not negative:
                # "i paid 250 for the card": a negative context before the number outweighs a cue after it
                cue = self._cue_after(
                    tokens,
                    candidate.stop,
                    said_whole=self._reading(aligned, text_start, text_end) == "grouped",
                ) or self._garbled_cue_before(tokens, candidate.first)
        if (
            following in ("years", "year")
            and candidate.stop + 1 < len(tokens)
            and tokens[candidate.stop + 1].lower == "old"
        ):
            words = [token.lower for token in tokens]
            if said_of_a_thing(words, candidate.first, candidate.stop, self.locale):
                return None  # "the building is 43 years old", as ``_spoken_ages`` reads it
            old_end = tokens[candidate.stop + 1].end  # the unit is redacted with the number: "[42 years old]"
            return self._entity(text_start, old_end, "AGE", self.cue_score, "a number and its age unit")
        if self._quantity_or_period(aligned, text_start, text_end, n) and (
            cue is None or cue[0] not in ("DATE_OF_BIRTH", "CREDIT_CARD_META", "AGE")
        ):
            return None  # "reach 59.1 percent", "call in q 3 2019": a decimal or a fiscal period
        if cue is None and self._public_code_before(tokens, candidate.first):
            return None  # "the isbn is nine seven eight ...", "scan the barcode": a catalogue's code
        if cue is None and "." in raw and _WRITTEN_DECIMAL.search(raw) and not _IPV4.fullmatch(raw):
            return None  # "presets 91.1 104.5 88.9", "up 2.5 then 3.75": written decimals, quantities
        if (
            "." in raw
            and (cue is None or cue[0] == "PHONE_NUMBER")
            and (_WRITTEN_VERSION.search(raw) or (cue is not None and _WRITTEN_DECIMAL.fullmatch(raw)))
        ):
            # "the phone on 16.0.2", "firmware 6.98.7857", "pi is 3.14159": a version or a long
            # decimal, written; a phone number's dotted groups are three, three and four digits
            return None
        if (
            cue is None
            and n in (_OH_RANGE_DIGITS, _OH_RANGE_DIGITS + 1)
            and self._oh_numbers_range(aligned, text_start, text_end, n)
            and not self._whole_answer(tokens, candidate)  # "it's one oh eight to one oh four": an answer
        ):
            return None  # "the game ended one oh eight to one oh four": a score, "to" is no "two"
        if (
            cue is None
            and n <= self._tables.negative_veto_digits
            and (following in self._misheard.region_breakers or previous in self._misheard.region_breakers)
            and self._range_of_whole_numbers(aligned, tokens, candidate)
        ):
            return None  # "it lasted from seventeen oh nine to eighteen forty seven": a range, a score
        if cue is None and self._tables.draw_columns and self._draw_calls(aligned, text_start, text_end):
            return None  # "b twelve i seventeen n thirty eight g fifty four": bingo calls
        if cue is None and self._decimal_fraction(aligned, tokens, candidate):
            return None  # "three point one four one five nine two six": a fraction read digit by digit
        if (
            self._tables.queue_max_digits
            and self.negative_contexts
            and (cue is None or cue[0] == _QUEUE_CUE_LABEL)
            and self._queue_call(tokens, candidate.first, candidate.stop, n)
        ):
            return None  # "order two eight nine is ready", "now serving ticket one forty": a queue's place
        if cue is None and self._time_list(aligned, tokens, candidate):
            return None  # "the buses come at seven fifteen nine oh five and twelve forty five"
        if (cue is None or previous in self._tables.clock_before) and self._corrected_whole_number(
            aligned, text_start, text_end
        ):
            return None  # "can we push it to eight forty i mean nine forty": a time or a price, corrected
        if (
            cue is None
            and (previous in self._tables.list_verbs or previous in self._tables.list_hedges)
            and n <= _LIST_MAX_DIGITS
            and not _card_digits(digits)
            and self._list_subject(tokens, candidate.first - 1)
            and not (n in (10, 11) and self._reading(aligned, text_start, text_end) == "digits")
        ):
            return None  # "the showtimes are seven fifteen nine thirty ...": numbers of several things
        if (
            cue is None
            and previous in self._tables.clock_before
            and self._times_with_a_pause(aligned, candidate)
        ):
            return None  # "can you do eleven fifty um six oh three": two times, the caller hesitating
        if (
            (cue is None or cue[0] not in ("DATE_OF_BIRTH", "CREDIT_CARD_META", "AGE"))
            and not _card_digits(digits)
            and self._counts_things(aligned, tokens, candidate, cued=cue is not None)
        ):
            return None  # "three thousand eight hundred visitors", "order thirty seven boxes"
        if (
            n <= _CLOCK_HOUR_DIGITS
            and following == ":"
            and candidate.stop + 1 < len(tokens)
            and tokens[candidate.stop + 1].lower.isdigit()
        ):
            return None  # "booking for four at 8:15": the hour of a clock time ends it, a party size
        # asked up to four and three times below about the same span: each read once, when first needed
        read: list[str | None] = []  # (a list closed over, not functools.cache: one per candidate)

        def span_reading(start: int = text_start, end: int = text_end) -> str | None:
            if not read:
                read.append(self._reading(aligned, start, end))
            return read[0]

        thousands = self._thousands(aligned, text_start, text_end)
        if (
            cue is not None
            and cue[0] not in _SAID_WHOLE_LABELS
            and n <= _AMOUNT_MAX_DIGITS
            and span_reading() not in ("digits", "mixed")
            and thousands >= 1
        ):
            # "the claim was for two thousand three hundred", "my social security check is one
            # thousand four hundred twelve": one number said with "thousand" is an amount, no code
            return None
        if thousands >= 2:
            return (
                None  # "order three thousand two hundred ninety eight four thousand seven hundred": amounts
            )
        if (cue is None or cue[0] not in ("DATE_OF_BIRTH", "AGE", "CREDIT_CARD_META")) and self._a_year(
            aligned, tokens, candidate, text_start, text_end
        ):
            return None  # "a rate case filed in early twenty twenty one": a year, no value of the cue
        if (
            cue is not None
            and cue[0] not in ("DATE_OF_BIRTH", "AGE")
            and following in self._tables.quantity_after
            and span_reading() == "grouped"
        ):
            # "orders tracking at ninety one percent", "the reset link expires after twenty four
            # hours": a quantity, its cue word is none here
            return None
        rule = self._tables.rules.get(cue[0]) if cue is not None else None
        if cue is not None and rule is not None:
            # the locale says what the value looks like ("nhs number": ten digits, mod-11 checksum);
            # a value that is not one is still introduced as a number: redacted, as an account number
            label = cue[0] if rule.accepts(digits, raw) else "ACCOUNT_NUMBER"
            score = self.cue_score if cue[1] else self.shape_score
            return self._entity(text_start, text_end, label, score, f"number introduced as {label}")
        if (
            cue is not None
            and cue[0] in _QUANTITY_DIGITS
            and n <= _QUANTITY_DIGITS[cue[0]]
            and span_reading() == "grouped"
        ):
            cue = None  # "the phone battery is at one hundred": one quantity, no number read out
        if cue is not None:
            label, strong = cue
            if label in _LETTER_PREFIXED:
                # "u six two nine …" -> "u 629…", "p as in peter z dash …" -> "pz dash …": spelled
                # letters before the digits are part of the code
                text_start = self._letter_prefix(aligned, tokens, candidate.first, text_start)
            if label == "AGE" and n > 3:
                label = "ACCOUNT_NUMBER"
            if label == "CREDIT_CARD" and n < 12:
                label = "CREDIT_CARD_META" if n <= 4 else "ACCOUNT_NUMBER"
            if label == "PHONE_NUMBER" and (n < 3 or digits in self._tables.service_numbers):
                return None  # "dial nine one one": a public service, nobody's number
            if label == "ZIP_CODE" and n not in (5, 9):
                label = "ZIP_CODE" if 3 <= n <= 10 else "ACCOUNT_NUMBER"
            score = self.cue_score if strong else self.shape_score
            return self._entity(text_start, text_end, label, score, f"number introduced as {label}")
        quantity_before = (
            previous in self._tables.quantity_before
            and not (
                # "tree floor 3420095451": between digit words it is a misheard digit
                candidate.first >= 2 and self._number_token(tokens[candidate.first - 2].lower)
            )
            # "floor 1677790": a floor, room or page has a short number, a longer one is a value
            and n <= self._tables.negative_veto_digits
        )
        if following in self._tables.quantity_after or quantity_before or _written_time(raw):
            return None
        if raw.startswith("+") and not candidate.alnum and _international_phone(raw):
            return self._entity(
                text_start, text_end, "PHONE_NUMBER", self.cue_score, "number written with a country code"
            )
        reading = span_reading()
        if (
            reading != "digits"
            and n <= 12
            and not _card_digits(digits)
            and self._amount_talk(tokens, candidate.first, candidate.stop)
        ):
            return None  # "prices around three sixty and nine three sixty": amounts, no code read out
        if (
            (
                # asked with the value's digits, a negative context is one without them too (``digits``
                # only vetoes a context): where the question was already answered no, it stays no
                (negative is not False and self._negative_context(tokens, candidate.first, n))
                or (self.negative_contexts and self._negative_after(tokens, candidate.stop))
                or (
                    n <= self._tables.negative_veto_digits
                    and self._starts_with_negative_word(aligned, text_start, text_end)
                )
            )
            and not _card_digits(digits)
            and (
                n <= self._tables.negative_veto_digits
                or (
                    reading != "digits"
                    and n <= 12
                    and (not self._homophone_before(tokens, candidate.first) or thousands >= 1)
                )
            )
        ):
            return None  # "flight two three five seven", "closed at seven hundred fifty six thirteen"
        if (
            self.negative_contexts
            and reading != "digits"
            and not _card_digits(digits)
            and self._negative_after(tokens, candidate.stop)
        ):
            return None  # "did twelve nineteen twenty six thirty three forty one fifty two win": a draw
        if not _card_digits(digits) and (
            # a card read in pairs is longer than a list of draws or scores: with a digit misheard it
            # has no checksum left, but it keeps a card's length
            (
                n <= _LIST_MAX_DIGITS
                and not candidate.alnum
                and self._a_list_of_numbers(aligned, text_start, text_end)
            )
            or _counting(digits)
            or (
                n >= _DRAW_NUMBERS * 2 - 1
                and self.negative_contexts
                and not candidate.alnum
                and _ascending_draw(self._numbers_said(aligned, tokens, candidate))
            )
        ):
            return None  # "twelve nineteen twenty six thirty three", "one two three four five six"
        if _IPV4.fullmatch(raw) and all(int(part) <= 255 for part in raw.split(".")):
            return self._entity(
                text_start, text_end, "IP_ADDRESS", self.shape_score, "four numbers up to 255"
            )
        if _HEX32.match(raw.replace(" ", "")) and candidate.alnum:
            return self._entity(text_start, text_end, "IP_ADDRESS", self.shape_score, "32 hex digits (IPv6)")
        if (
            cue is None
            and n <= self._tables.number_talk_digits
            and n not in _PHONE_SHAPE_DIGITS
            and not _card_digits(digits)
            and self._number_talk(tokens, candidate.first, candidate.stop)
        ):
            return None  # "i shot a four five four four three five four four five on the front nine"
        if (
            cue is None
            and n not in _PHONE_SHAPE_DIGITS
            and self._round_amount(digits)
            # one number, no count joined to it ("the last four digits are 0000" is no 40000)
            and all(_has_digit(token.lower) for token in tokens[candidate.first : candidate.stop])
        ):
            return None  # "can you transfer one one zero zero zero": a round amount read digit by digit
        written_by_caller = reading is None  # digits were in the transcript already (formatted text)
        one_by_one = reading in ("digits", "mixed") or written_by_caller
        if _card_digits(digits) and not candidate.alnum:
            return self._entity(
                text_start, text_end, "CREDIT_CARD", 0.9, f"{n} digits with a valid Luhn checksum"
            )
        if not one_by_one:
            return None
        if candidate.alnum and n >= 3 and len(raw.replace(" ", "")) >= 6:
            return self._entity(
                text_start, text_end, "ACCOUNT_NUMBER", self.shape_score, "letters and digits code"
            )
        if candidate.alnum:
            return None
        if n in (7, 10, 11) or (12 <= n <= 15 and not luhn_valid(digits)):
            return self._entity(
                text_start, text_end, "PHONE_NUMBER", self.shape_score, f"{n} digits read as a number"
            )
        if n == 9 and written_by_caller and re.fullmatch(r"\d{3}-\d{2}-\d{4}", raw):
            return self._entity(text_start, text_end, "US_SSN", self.shape_score, "ddd-dd-dddd")
        if n >= self.min_digits and not written_by_caller:
            return self._entity(
                text_start, text_end, "ACCOUNT_NUMBER", self.shape_score, f"{n} digits read one by one"
            )
        if reading == "digits" and self._whole_answer(tokens, candidate):
            # "three five four one", "john and nine four one two": the answer to "the last four digits
            # of your social?" or "your pin?" is a short number that nothing else in the turn explains
            return self._entity(
                text_start,
                text_end,
                "ACCOUNT_NUMBER",
                self.shape_score,
                "number read digit by digit as a whole answer",
            )
        if (
            self.misheard_edges
            and not written_by_caller
            and n >= 3
            and n + self._misheard_words(tokens, candidate) >= self.min_digits
        ):
            # "nine or two five two", "seven one four five for": digits the recognizer turned into
            # other words still count, the value is as long as an identifier (fail closed)
            return self._entity(
                text_start,
                text_end,
                "ACCOUNT_NUMBER",
                self.shape_score,
                "digits read one by one, some misheard",
            )
        return None

    def _corrected_whole_number(self, aligned: AlignedText, start: int, end: int) -> bool:
        """The value from ``start`` to ``end`` is one number said whole, a correction, and another
        said whole ("eight forty i mean nine forty", "seven nineteen no no thirty three ninety five",
        "two forty ... wait a second no eleven oh five"): a time or a price said again, never a code
        read out. The number normalizer reads both as one run once the correction is dropped; each
        side is at most four number words with a tens or teen word, or an "oh" before its last digit
        ("six oh five")."""
        o_start, o_end = aligned.to_original(start, end)
        words = [token.lower for token in tokenize(aligned.original[o_start:o_end])]
        if len(words) > _CORRECTED_NUMBER_WORDS:
            return False
        numbers = self._tables.number_words | self._lexicon.zero_aliases
        left = 0
        while left < len(words) and words[left] in numbers:
            left += 1
        right = len(words)
        while right > left and words[right - 1] in numbers:
            right -= 1
        if left == right or not any(word in self._tables.correction_words for word in words[left:right]):
            return False
        return self._said_whole(words[:left]) and self._said_whole(words[right:])

    def _corrected_time_zone(
        self, aligned: AlignedText, tokens: Sequence[Token], after_cue: int, zone: tuple[int, int]
    ) -> bool:
        """The zone after a cue holds a time or a price said whole and corrected after a clock word
        ("the call is at eight forty eight i mean ten twelve eastern"): its digits, from the first to
        the last token with a digit, are :meth:`_corrected_whole_number` and a word of
        ``time_lists.after`` ("at", "by") stands between the cue and them."""
        with_digits = [k for k in range(zone[0], zone[1]) if _has_digit(tokens[k].lower)]
        if not with_digits or not any(
            tokens[k].lower in self._tables.clock_before for k in range(after_cue, with_digits[0])
        ):
            return False
        return self._corrected_whole_number(
            aligned, tokens[with_digits[0]].start, tokens[with_digits[-1]].end
        )

    def _times_with_a_pause(self, aligned: AlignedText, candidate: _Candidate) -> bool:
        """The candidate is one number the normalizer read over a filler or a self-correction it
        dropped, whose parts read as two clock times or more ("eleven fifty um six oh three", "eleven
        oh five sorry one fifteen"): times offered or corrected, no code (asked only after a clock
        word, with no cue)."""
        tokens = aligned.tokens
        start, end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        o_start, o_end = aligned.to_original(start, end)
        notes = aligned.annotations_in(o_start, o_end, "number")
        if len(notes) != 1:
            return False
        times = _clock_times([str(chunk) for chunk in notes[0].data.get("chunks", ())])
        if times is None or times < 2:
            return False
        words = [word.strip(",.") for word in aligned.original[o_start:o_end].lower().split()]
        return any(word in self._lexicon.fillers or word in self._tables.correction_words for word in words)

    def _said_whole(self, words: Sequence[str]) -> bool:
        """Number words ``words`` are one time or price said whole: at most four words, with a tens
        or teen word ("eight forty", "thirty three ninety five") or "oh" before the last ("six oh
        five")."""
        lexicon = self._lexicon
        if not 2 <= len(words) <= 4:
            return False
        return any(word in lexicon.tens or word in lexicon.teens for word in words) or (
            len(words) == 3 and words[1] in lexicon.zero_aliases
        )

    def _time_list(self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        """The candidate is part of a list of clock times (:meth:`_time_lists`)."""
        if candidate.alnum or not self._tables.time_list_joiners:
            return False
        o_start, o_end = aligned.to_original(tokens[candidate.first].start, tokens[candidate.stop - 1].end)
        spans = self._time_list_spans.get(id(aligned))
        if spans is None:
            spans = self._time_list_spans[id(aligned)] = self._time_lists(aligned)
        return any(start <= o_start and o_end <= end for start, end in spans)

    def _time_lists(self, aligned: AlignedText) -> list[tuple[int, int]]:
        """Where lists of clock times stand, in original offsets: number notes right after a word of
        ``time_lists.after`` ("at", "from"; fillers may stand between), each read as hours and minutes,
        with only joiners (``time_lists.joiners``) and fillers between them, a joiner among them and
        two times or more ("the buses come at seven fifteen nine oh five and twelve forty five"). A
        phone number read in pairs has no joiner inside it; after a cue this is never asked."""
        tables = self._tables
        fillers = self._lexicon.fillers
        notes = sorted(aligned.annotations_in(0, len(aligned.original), "number"), key=attrgetter("start"))
        found: list[tuple[int, int]] = []
        index = 0
        while index < len(notes):
            lead = aligned.original[max(0, notes[index].start - _TIME_LIST_LOOKBACK) : notes[index].start]
            before = [word.strip(",.") for word in lead.lower().split()]
            while before and before[-1] in fillers:
                before.pop()
            times = _clock_times([str(chunk) for chunk in notes[index].data.get("chunks", ())])
            if not before or before[-1] not in tables.clock_before or times is None:
                index += 1
                continue
            stop, joined = index + 1, False
            while stop < len(notes):
                gap = [
                    word.strip(",.") or ","
                    for word in aligned.original[notes[stop - 1].end : notes[stop].start].lower().split()
                ]
                more = _clock_times([str(chunk) for chunk in notes[stop].data.get("chunks", ())])
                if more is None or not all(
                    word in tables.time_list_joiners or word in fillers for word in gap
                ):
                    break
                joined = joined or any(word in tables.time_list_joiners for word in gap)
                times += more
                stop += 1
            if joined and times >= 2:
                found.append((notes[index].start, notes[stop - 1].end))
            index = stop
        return found

    def _counts_things(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate, *, cued: bool
    ) -> bool:
        """A plural noun follows the number ("visitors", "views", "boxes": four letters or more ending
        in "s", none of ``not_plural_nouns``, closing or cue words) and it was said whole with a
        multiplier ("three thousand eight hundred") and no cue, or in at most three digits said whole
        after a cue ("order thirty seven boxes"): it counts things."""
        tables = self._tables
        if candidate.alnum or candidate.stop >= len(tokens) or not tables.not_plural:
            return False
        if not self._plural_noun(tokens[candidate.stop].lower):
            return False
        start, end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        if cued:  # "call one eight hundred five five five ... for appointments" keeps its cue
            return len(candidate.digits) <= 3 and self._reading(aligned, start, end) == "grouped"
        # one amount said whole ("four thousand two hundred guests"), never a phone number said with
        # "hundred" among digits read one by one ("two one two eight hundred four four one nine
        # evenings", review36 H3): at most six digits and no other reading than the amount's
        return (
            len(candidate.digits) <= _COUNT_MAX_DIGITS
            and self._reading(aligned, start, end) not in ("digits", "mixed")
            and self._said_with_multiplier(aligned, start, end)
        )

    def _plural_noun(self, word: str) -> bool:
        """A plural noun: four letters or more ending in "s" (not "ss"), none of ``not_plural_nouns``
        ("sounds", "thanks"), closing or cue words."""
        tables = self._tables
        return (
            bool(tables.not_plural)
            and len(word) >= 4
            and word.isalpha()
            and word.endswith("s")
            and not word.endswith("ss")
            and word not in tables.not_plural
            and word not in tables.closing
            and word not in tables.cue_words
        )

    def _said_with_multiplier(self, aligned: AlignedText, start: int, end: int) -> bool:
        """The number was said with "hundred" or "thousand": an amount or a count."""
        o_start, o_end = aligned.to_original(start, end)
        multipliers = self._lexicon.thousand | self._lexicon.hundred
        return any(word in multipliers for word in aligned.original[o_start:o_end].lower().split())

    def _amount_piece(
        self,
        aligned: AlignedText,
        tokens: Sequence[Token],
        piece: tuple[int, int, str, bool, bool],
        by_first: Mapping[int, _Candidate],
    ) -> bool:
        """A piece of a misrecognized region that is an amount said with "thousand" (nobody reads a
        code that way; "eight hundred" may be a phone number's), or a year after a word of
        ``year_before`` ("in twenty oh five"): only a word heard like a digit, or a value word
        ("double"), joins it to another number."""
        candidate = by_first.get(piece[0])
        if candidate is None:
            return False
        start, end = tokens[candidate.first].start, tokens[candidate.stop - 1].end
        return self._said_with_thousand(aligned, start, end) or self._a_year(
            aligned, tokens, candidate, start, end
        )

    def _negative_in_zone(self, aligned: AlignedText, tokens: Sequence[Token], zone: tuple[int, int]) -> bool:
        """A negative context ends in the zone right before its first number ("the order total one
        thousand ...", "the office is on floor thirty four suite ..."), that number was said in groups
        (not digit by digit) and is short (``negative_veto_digits``), and the context word sounds like
        no digit: the number is a price, a floor or a room, as in :meth:`_classify`. Under
        misrecognition ("call add five nice zero ...") a digit read one by one keeps the zone."""
        first = next((index for index in range(*zone) if _has_digit(tokens[index].lower)), None)
        if first is None or first == zone[0]:
            return False
        word = tokens[first - 1].lower
        digits = sum(1 for char in tokens[first].lower if char.isdigit())
        if (
            digits > self._tables.negative_veto_digits
            or self._reading(aligned, tokens[first].start, tokens[first].end) in ("digits", "mixed", None)
            or word in self._misheard.homophones
            or self._misheard.looks_like_digit(word, self._tables)
        ):
            return False
        return self._tables.negative_table.ending_at(tokens, first) is not None and self._negative_context(
            tokens, first, digits
        )

    def _service_zone(self, tokens: Sequence[Token], zone: tuple[int, int], label: str) -> bool:
        """A phone cue's zone that is a public service number ("dial nine one one")."""
        if label != "PHONE_NUMBER" or not self._tables.service_numbers:
            return False
        said = "".join(tokens[index].lower for index in range(*zone))
        return said in self._tables.service_numbers

    def _menu_turn(self, tokens: Sequence[Token]) -> bool:
        """A phone menu read out: two one-digit options or more, each a digit word (or one written
        digit) followed by a word of ``menu_option_words`` and a word that is no number ("dial one
        for sales two for support")."""
        words = self._tables.menu_option_words
        if not words:
            return False
        options = 0
        for index in range(len(tokens) - 2):
            word = tokens[index].lower
            option = word in self._lexicon.digits or (len(word) == 1 and word.isdigit())
            if (
                option
                and tokens[index + 1].lower in words
                and not self._number_token(tokens[index + 2].lower)
                and not (index > 0 and _has_digit(tokens[index - 1].lower))
            ):
                options += 1
        return options >= 2

    def _menu_options(self, aligned: AlignedText, entity: Entity) -> bool:
        """A number value with at most one digit per number in it: the options of a phone menu."""
        if entity.label not in _ZONE_LABELS:
            return False
        numbers = [
            word for word in tokenize(aligned.text[entity.start : entity.end]) if _has_digit(word.lower)
        ]
        return all(sum(1 for char in word.lower if char.isdigit()) <= 1 for word in numbers)

    def _sum_turn(self, tokens: Sequence[Token]) -> bool:
        """A turn that opens with a word of ``sum_openers`` (after fillers) and is then only numbers
        joined by ``sum_joiners``, two operands or more, the last one ending the turn (a word of
        ``sum_closers`` or a closing word may follow): "add seven oh two oh and six seven five eight"."""
        tables = self._tables
        if not tables.sum_openers:
            return False
        fillers = self._lexicon.fillers
        words = [
            token.lower for token in tokens if token.lower not in fillers and token.lower not in (",", ".")
        ]
        if not words or words[0] not in tables.sum_openers:
            return False
        words = words[1:]
        while words and (words[-1] in tables.sum_closers or words[-1] in tables.closing):
            words.pop()
        operands, number = 1, False
        for word in words:
            if word in tables.sum_joiners and number:
                operands, number = operands + 1, False
            elif _has_digit(word) or word in self._misheard.number_words:
                number = True
            else:
                return False
        return number and operands >= 2

    def _amount_talk(self, tokens: Sequence[Token], first: int, stop: int) -> bool:
        """A word of money, results or periods (``amount_words``: "percent", "revenue", "prices")
        within the window before token ``first`` or after token ``stop``."""
        words = self._tables.amount_words
        return any(
            tokens[index].lower in words
            for index in (
                *range(max(0, first - self.window), first),
                *range(stop, min(len(tokens), stop + self.window)),
            )
        )

    def _a_year(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate, start: int, end: int
    ) -> bool:
        """The value is one year said as a year (four digits from 1900 to 2099, not digit by digit:
        "twenty twenty one", "two thousand eight") right after a word of ``year_before`` ("in",
        "since", "early", a month name): a date."""
        digits = candidate.digits
        if len(digits) != 4 or candidate.alnum or not 1900 <= int(digits) <= 2099:
            return False
        if candidate.first == 0 or tokens[candidate.first - 1].lower not in self._tables.year_before:
            return False
        return self._reading(aligned, start, end) not in ("digits", None)

    def _year_zone(
        self, aligned: AlignedText, tokens: Sequence[Token], zone: tuple[int, int], label: str
    ) -> bool:
        """A value zone whose only number is a year said as a year after a word of ``year_before``
        ("member since twenty nineteen": the zone took "since" as a misheard digit); a birth date, an
        age or a card's expiry keeps its cue."""
        if label in ("DATE_OF_BIRTH", "AGE", "CREDIT_CARD_META"):
            return False  # a birth year, an age, a card's expiry ("expires april twenty twenty seven")
        numbers = [index for index in range(*zone) if any(char.isdigit() for char in tokens[index].lower)]
        if len(numbers) != 1:
            return False
        index = numbers[0]
        digits = tokens[index].lower
        candidate = _Candidate(index, index + 1, digits, not digits.isdigit())
        return self._a_year(aligned, tokens, candidate, tokens[index].start, tokens[index].end)

    def _whole_answer(self, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        """A number of at least ``answers.min_digits`` digits (no counting) that is the turn but for a
        few other words ("it's", a name, "and"), none of them another number, a quantity, a time, a
        day (``answers.not_with_days``: "i'm on two three three seven tomorrow") or a negative context
        ("flight", "room", "score"): in a call, such a turn answers a question about an identifier."""
        tables = self._tables
        digits = candidate.digits
        if not tables.answer_min_digits:
            return False
        named = self._named_answer(tokens, candidate)
        if len(digits) < (tables.answer_after_name_min_digits if named else tables.answer_min_digits):
            return False
        if not named and {int(b) - int(a) for a, b in itertools.pairwise(digits)} in ({1}, {-1}):
            return False  # "one two three four": counting ("sam one two three four": a name and its PIN)
        others = 0
        for k, token in enumerate(tokens):
            if candidate.first <= k < candidate.stop:
                continue
            word = token.lower
            if not any(ch.isalnum() for ch in word):
                continue
            others += 1
            if (
                others > tables.answer_max_other_words
                or _has_digit(word)
                or word in tables.number_words
                or word in tables.negative_words
                or word in tables.quantity_after
                or word in tables.quantity_before
                or word in self._misheard.homophones
                or word in tables.answer_days  # "we're on <airline> one eight nine five tomorrow"
            ):
                return False
        # the turn is short here (the value and a few words): "is <airline> eight one eight six on time"
        words = [token.lower for token in tokens]
        return not any(
            tuple(words[k : k + len(phrase)]) == phrase
            for phrase in tables.answer_phrases
            for k in range(len(words) - len(phrase) + 1)
        )

    def _named_answer(self, tokens: Sequence[Token], candidate: _Candidate) -> bool:
        """A given name opens the turn (after ``answers.name_openers`` only: "it's", "yes") right
        before the number, "and" between them allowed, and the number ends the turn (closing words
        after it: "please"): "sam one two three four", "it's owen and owen six eight two" answer "your
        name and PIN?"; not "on my mark one two three go", "tell anna two minutes"."""
        tables = self._tables
        if not tables.answer_after_name_min_digits or candidate.first == 0:
            return False
        k = candidate.first - 1
        if tokens[k].lower == "and" and k > 0:
            k -= 1
        name = tokens[k].lower
        if name not in locale_given_names(self.locale) or name in tables.months:
            return False
        if tables.answer_name_max_zipf and zipf_frequency(name) >= tables.answer_name_max_zipf:
            return False  # "will two three four", "hope four five six": a word more than a name
        before = [token.lower for token in tokens[:k] if any(ch.isalnum() for ch in token.lower)]
        if any(word not in tables.answer_name_openers and word != tokens[k].lower for word in before):
            return False  # "on my mark ...": words other than an opener (or the name said twice) first
        return all(
            token.lower in tables.closing or not any(ch.isalnum() for ch in token.lower)
            for token in tokens[candidate.stop :]
        )

    def _misheard_words(self, tokens: Sequence[Token], candidate: _Candidate) -> int:
        """Words inside the value and up to two on each side that may be digits the recognizer got
        wrong (homophones, words that sound like a digit word, words inside a merged region)."""
        misheard = self._misheard
        inside = sum(1 for k in range(candidate.first, candidate.stop) if not _has_digit(tokens[k].lower))

        def maybe_digit(k: int) -> bool:
            word = tokens[k].lower
            return word not in self._tables.negative_words and (
                word in misheard.homophones or misheard.looks_like_digit(word, self._tables)
            )

        before = 0
        while before < 2 and candidate.first - before - 1 >= 0 and maybe_digit(candidate.first - before - 1):
            before += 1
        after = 0
        while after < 2 and candidate.stop + after < len(tokens) and maybe_digit(candidate.stop + after):
            after += 1
        return inside + before + after

    @staticmethod
    def _reading(aligned: AlignedText, start: int, end: int) -> str | None:
        """How the digits were spoken (the number normalizer's style), or None if already written."""
        o_start, o_end = aligned.to_original(start, end)
        notes = aligned.annotations_in(o_start, o_end, "number")
        styles = [note.data.get("style") for note in notes]
        if not styles:
            return (
                "digits" if any(n.kind == "spelled" for n in aligned.annotations_in(o_start, o_end)) else None
            )
        if all(style == "digits" for style in styles):
            return "digits"
        if any(style in ("time", "ordinal", "decimal", "period") for style in styles):
            return "time"  # a clock time, a date, a decimal quantity or a fiscal period: no code
        if len(styles) > 1 or any(
            note.data.get("digits") for note in aligned.annotations_in(o_start, o_end, "spelled")
        ):
            return "mixed"  # two numbers, or a number after letters and digits spelled one by one
        if styles[0] == "mixed" and len(notes[0].data.get("chunks", ())) < 3:
            return "grouped"  # "seven hundred fifty six thirteen": a price, not a code
        return str(styles[0])

    def _quantity_zone(
        self, aligned: AlignedText, tokens: Sequence[Token], zone: tuple[int, int], cue_at: int, label: str
    ) -> bool:
        """A zone after a cue whose digits are one number said whole is a quantity, no value read
        out: when a unit follows that number ("the rate rose one forty basis points"), or a plural
        noun one of at most three digits ("order forty two folders"), or when it
        is too short for the label ("call it about five thousand": ``_QUANTITY_DIGITS``) and
        the cue is no part of a phone number ("area code five seventeen", "extension two thirty")."""
        start, end = tokens[zone[0]].start, tokens[zone[1] - 1].end
        if self._reading(aligned, start, end) != "grouped":
            return False
        numbers = [index for index in range(*zone) if any(char.isdigit() for char in tokens[index].lower)]
        if len(numbers) != 1:
            return False
        after = numbers[0] + 1
        digits = sum(1 for char in tokens[numbers[0]].lower if char.isdigit())
        if after < len(tokens) and (
            tokens[after].lower in self._tables.quantity_after
            or (digits <= 3 and self._plural_noun(tokens[after].lower))  # "order forty two folders"
        ):
            return True
        short = digits <= _QUANTITY_DIGITS.get(label, 0)
        return short and self._tables.phone_parts.starting_at(tokens, cue_at) is None

    @staticmethod
    def _quantity_or_period(aligned: AlignedText, start: int, end: int, digits: int) -> bool:
        """Every digit of the value was said as a decimal number ("fifty nine point one") or a fiscal
        period ("q three twenty nineteen", "fiscal twenty twenty"), perhaps with an ordinal: the
        number normalizer's ``decimal`` and ``period`` readings, which are never an identifier."""
        o_start, o_end = aligned.to_original(start, end)
        notes = aligned.annotations_in(o_start, o_end, "number")
        styles = {note.data.get("style") for note in notes}
        return (
            bool(styles & {"decimal", "period"})
            and styles <= {"decimal", "period", "ordinal"}
            and sum(len(str(note.data.get("digits", ""))) for note in notes) >= digits
        )

    def _a_list_of_numbers(self, aligned: AlignedText, start: int, end: int) -> bool:
        """Three or more numbers each said as a whole ("twelve nineteen twenty six thirty three"), no
        digit said alone: a list of quantities, scores or draws, not a code read in groups; or
        counting ("ten nine eight seven six ...")."""
        o_start, o_end = aligned.to_original(start, end)
        chunks = [
            str(chunk)
            for note in aligned.annotations_in(o_start, o_end, "number")
            for chunk in note.data.get("chunks", ())
        ]
        if len(chunks) >= 5 and all(chunk.isdigit() for chunk in chunks):
            steps = {int(b) - int(a) for a, b in itertools.pairwise(chunks)}
            if steps in ({1}, {-1}):
                return True  # "ten nine eight seven ...": counting
        if _counting_by(chunks):
            return True  # "five ten fifteen twenty twenty five": counting by fives
        # a chunk of one repeated digit may be "double five": most chunks must be other numbers
        whole = sum(1 for chunk in chunks if len(set(chunk)) > 1)
        return len(chunks) >= 3 and all(len(chunk) >= 2 for chunk in chunks) and whole * 2 > len(chunks)

    def _numbers_said(
        self, aligned: AlignedText, tokens: Sequence[Token], candidate: _Candidate
    ) -> list[str]:
        """The numbers said in the candidate, in order: the number normalizer's chunks of each written
        token, and the value of a number word it left alone ("... thirty three and forty": "40")."""
        numbers: list[str] = []
        for token in tokens[candidate.first : candidate.stop]:
            if _has_digit(token.lower):
                o_start, o_end = aligned.to_original(token.start, token.end)
                chunks = [
                    str(chunk)
                    for note in aligned.annotations_in(o_start, o_end, "number")
                    for chunk in note.data.get("chunks", ())
                ]
                numbers.extend(chunks or [token.lower])
            elif token.lower in self._misheard.number_words:
                numbers.append(self._misheard.number_words[token.lower])
        return numbers

    def _letter_prefix(self, aligned: AlignedText, tokens: Sequence[Token], first: int, start: int) -> int:
        """Where a code starts when spelled letters come before its digits ("pz dash 3358124")."""
        index = first - 1
        if index >= 1 and tokens[index].lower in ("dash", "-", "hyphen"):
            index -= 1
        if index < 0 or tokens[index].end < tokens[first].start - 8:
            return start
        word = tokens[index].lower
        if not word.isalpha() or len(word) > 4:
            return start
        if len(word) == 1 or word in ("x", "ext"):
            return tokens[index].start if len(word) == 1 else start
        o_start, o_end = aligned.to_original(tokens[index].start, tokens[index].end)
        if aligned.annotations_in(o_start, o_end, "spelled"):
            return tokens[index].start
        return start

    def _entity(self, start: int, end: int, label: str, score: float, why: str) -> Entity:
        return Entity(start, end, label, score, self.name, why)

    # -- secrets introduced by a cue ------------------------------------------------------------------
    _SECRET = re.compile(
        r"\b(?:password|passcode|pass code|pin|security answer|secret answer"
        r"|answer to (?:my|the) security question|mother'?s maiden name|maiden name|passphrase)"
        r"\s+(?P<said>is|was|it's|would be|should be|:)?\s*",
        re.IGNORECASE,
    )
    _STOP = frozenset("and but so please thanks thank then because if or".split())

    @staticmethod
    def _secret_shaped(word: str) -> bool:
        """A word with a code's shape: a digit or a symbol in it, or a spelled letter ("k", not "a")."""
        bare = word.replace("'", "")
        if len(bare) == 1:
            return bare.isdigit() or (bare.isalpha() and bare not in "ai") or bare not in ".,?!;:-"
        return bool(bare) and not bare.isalpha()

    def _introduced_secrets(self, text: str, tokens: Sequence[Token], used: set[int]) -> list[Entity]:
        found: list[Entity] = []
        for match in self._SECRET.finditer(text):
            first = token_index_at(tokens, match.end())
            if (
                match.group("said") is None
                and first < len(tokens)
                and tokens[first].lower in self._tables.secret_compounds
            ):
                continue  # "the password reset link expired": a thing named after the secret, no value
            if first < len(tokens) and said_of_a_secret(
                [token.lower for token in tokens[first : first + 6]], 0, self.locale
            ):
                continue  # "the password is case sensitive", "i forgot my pin again": said of it
            taken: list[Token] = []
            for token in tokens[first : first + 5]:
                if token.lower in self._STOP or token.lower in {".", ",", "?", "!"} or len(taken) >= 4:
                    break
                taken.append(token)
            if len(taken) >= 4:
                # "my pin is on the display it's 4419": words in front of the value used up the four
                # words, the digits right after them are the value (review40 H2: they were left out)
                k = first + len(taken)
                while k < len(tokens) and tokens[k].lower.isdigit():
                    taken.append(tokens[k])
                    k += 1
            # "my password sunshine doesn't work": the words before a failure are the value
            failed = next(
                (
                    k
                    for k in range(1, len(taken))
                    if taken[k].lower.endswith("n't") or taken[k].lower == "not"
                ),
                0,
            )
            if failed and match.group("said") is None:
                taken = taken[:failed]
            if (
                match.group("said") is None
                and taken
                and not failed
                and not any(self._secret_shaped(token.lower) for token in taken)
                and ("'" in taken[0].lower or is_everyday_word(taken[0].lower))
            ):
                # "i wrote my password down", "he shared his pin with me": with no "is" or ":" after
                # the cue, a value has a code's shape (a digit, a spelled letter, a symbol) or starts
                # with a word no dictionary has (a form read out: "name sam password quillwood"); a
                # contraction ("doesn't") is speech
                continue
            # skipped only when a number entity already covers every word of it; a number inside a
            # longer secret ("pumpkin five six four one") does not stop the secret from being redacted
            if taken and not all(index in used for index in range(first, first + len(taken))):
                found.append(
                    Entity(
                        taken[0].start,
                        taken[-1].end,
                        "PIN",
                        self.cue_score,
                        self.name,
                        "value introduced as a secret",
                    )
                )
        return found


@cache
def _flight_words(locale: str) -> tuple[frozenset[str], frozenset[str]]:
    """The locale's flight words and airline cues (``places.yaml``)."""
    places = load_locale(locale).resources.get("places") or {}
    return (
        frozenset(str(word).lower() for word in places.get("flight_words") or ()),
        frozenset(str(word).lower() for word in places.get("airline_cues") or ()),
    )


@cache
def _garbled_cues(locale: str) -> tuple[tuple[str, str], ...]:
    """(rough sound, label) of the one-word strong cues of number labels ("zip", "social", "cell")."""
    tables = _cue_tables(locale)
    return tuple(
        sorted(
            (_sound(cue[0], _misheard_tables(locale).sound_rules), label)
            for cue, (label, strong) in tables.cues.items()
            if len(cue) == 1 and strong and label in _ZONE_LABELS and len(cue[0]) >= 3 and cue[0].isalpha()
        )
    )


@cache
def _garbled_after_cues(locale: str) -> tuple[tuple[str, str], ...]:
    """(rough sound, label) of the one-word cues said after a value ("zip", "social")."""
    tables = _cue_tables(locale)
    rules = _misheard_tables(locale).sound_rules
    return tuple(
        sorted(
            (_sound(cue[0], rules), label)
            for cue, label in tables.after_cues.items()
            if len(cue) == 1 and len(cue[0]) >= 3 and cue[0].isalpha()
        )
    )


@cache
def _near_cues(cues: tuple[tuple[str, str], ...]) -> NearWords:
    """The rough sounds of ``cues`` (:func:`_garbled_cues`, :func:`_garbled_after_cues`), indexed to
    tell quickly whether a word is within two edits of any of them."""
    return NearWords((sound for sound, _ in cues), max_limit=2)


@cache
def _zone_cue_pattern(locale: str) -> re.Pattern[str]:
    tables = _cue_tables(locale)
    words = {cue[-1] for cue, (label, strong) in tables.cues.items() if strong and label in _ZONE_LABELS}
    # number words: a value named by a garbled cue after it ("four sick five heaven for the ship")
    words.update(word for word in _misheard_tables(locale).number_words if word.isalpha() and len(word) >= 3)
    alternation = "|".join(sorted(map(re.escape, words), key=lambda word: (-len(word), word)))
    return re.compile(rf"\b(?:{alternation})\b", re.IGNORECASE)


#: number words an amount may say before "thousand" ("nine hundred ninety nine thousand")
_AMOUNT_WORDS = 4
#: the most parts said with only pauses between them that the join over an aside looks at as one
_RUN_PARTS = 4
#: labels whose strong cues open a value zone (see IdentifierDetector._cued_zones)
_ZONE_LABELS = frozenset(
    {
        "PHONE_NUMBER",
        "CREDIT_CARD",
        "US_SSN",
        "ACCOUNT_NUMBER",
        "ZIP_CODE",
        "US_DRIVER_LICENSE",
        "US_PASSPORT",
    }
)

#: label -> the most digits of one number said whole ("ten thousand") that is a quantity, not a value,
#: right after a cue of the label ("call it about five thousand", "reach six hundred stores"; "on d l
#: twenty sixty four": an airline's flight, a licence is no number said whole)
#: the most digits of a candidate that ends in the hour of a clock time ("for four at 8:15"): no value
_CLOCK_HOUR_DIGITS = 4

#: the most digits of one amount said with "thousand" after a cue ("the claim was for two thousand three
#: hundred"): more is a code read out in thousands, kept
_AMOUNT_MAX_DIGITS = 7
# values people say as one number with "thousand", so such a number after their cue is no amount:
# "my zip code is ninety four thousand one hundred two" (review40 H1), a birth year, an age
_SAID_WHOLE_LABELS = frozenset({"DATE_OF_BIRTH", "AGE", "CREDIT_CARD_META", "ZIP_CODE"})

#: how many tokens before a value an expiry cue is looked for (``written_dates.cue_window`` is 40 characters)
_EXPIRY_CUE_TOKENS = 10

_QUANTITY_DIGITS = {"PHONE_NUMBER": 6, "ZIP_CODE": 4, "US_DRIVER_LICENSE": 4}

#: the fewest digits of a number given in answer to a question for one ("and the last four? ...")
_ANSWER_DIGITS = 3

#: tokens a cue may stand further before its value when a turn ends between them ("?", "caller :")
_TURN_ROOM = 3

#: the most words of an aside between a value and a part of it that needs no shape of its own: digits
#: that may be misheard (IdentifierDetector._broken_part), spelled letters said apart (_spelled_lead),
#: a first part before a cue said after the value (_part_before_aside); such an aside stays short
_SHAPELESS_ASIDE_WORDS = 8

#: the most digits of a later part of a value read in pairs or groups after an aside ("... sorry ...
#: twenty two thirty one"): a group, never a whole number read in groups
_GROUPED_PART_DIGITS = 6

#: the most words of a number said whole, corrected, and said again ("eight forty ... wait a second no
#: no eleven oh five"; IdentifierDetector._corrected_whole_number)
_CORRECTED_NUMBER_WORDS = 20

#: the most digits a list of whole numbers (draws, scores) has; a longer one is a card read in pairs
_LIST_MAX_DIGITS = 12
#: digits of a phone number read one by one, local or with its area code (and country code): no
#: number talk makes them none ("after the poker game, five five five one two one two": review44 #5.1)
_PHONE_SHAPE_DIGITS = frozenset({7, 10, 11})
#: the label of the cue words a queue calls a number with ("order", "ticket", "number"): a cue of the
#: caller's own value ("the door code is four four one two please come to the back") wins over a queue
_QUEUE_CUE_LABEL = "ACCOUNT_NUMBER"
#: digits of two numbers said as a digit, "oh" and a digit with a range word between them, the range
#: word read as "two" ("one oh eight to one oh four" -> 1082104)
_OH_RANGE_DIGITS = 7
#: characters before a number searched for the clock word a list of times follows (fillers between)
_TIME_LIST_LOOKBACK = 40

#: digits of a value long enough that a short word next to it is taken as a misheard digit
_EDGE_DIGITS = 7

#: the fewest digits of one number said whole that a cue said after it names ("fifty one fifty seven
#: for the zip"; "twelve for the zip" is none)
_WHOLE_AFTER_CUE_DIGITS = 4

#: how many words after numbers said whole a draw word may come ("... to twenty nine thingy seven five
#: win anything")
_DRAW_REACH = 8

_LETTER_PREFIXED = frozenset({"US_DRIVER_LICENSE", "US_PASSPORT", "ACCOUNT_NUMBER", "PIN", "ZIP_CODE"})


_CLOCK_COLON = re.compile(r"\d:\d")


def _written_time(raw: str) -> bool:
    """``raw`` holds a clock time written with a colon ("7:15"); the colon after who speaks
    ("... 4839 agent : 4839 ...") is none."""
    return ":" in raw and _CLOCK_COLON.search(raw) is not None


def _clock_times(chunks: Sequence[str]) -> int | None:
    """How many clock times a number's chunks read as, hours then minutes ("7" "15" "9" "0" "5": 7:15
    and 9:05), or None when they do not: an hour 1-12, then its minutes as one two-digit chunk up to
    59 or "0" and one digit. The number normalizer joins a tens word and the digit word after it into
    one chunk: "ten thirty three fifty nine" gives "10" "33" "59", read back as 10:30 and 3:59."""
    return _times_in(tuple(chunks))


@cache
def _times_in(chunks: tuple[str, ...]) -> int | None:
    if not chunks:
        return 0
    hour = chunks[0]
    if len(chunks) < 2 or not (hour.isdigit() and hour[0] != "0" and int(hour) <= 12):
        return None
    minute = chunks[1]
    readings: list[tuple[str, ...]] = []
    if minute == "0" and len(chunks) > 2 and len(chunks[2]) == 1:
        readings.append(chunks[3:])  # "nine oh five"
    if len(minute) == 2 and minute.isdigit() and int(minute) <= 59:
        readings.append(chunks[2:])  # "fifteen", or the normalizer's "05"
        if minute[0] in "2345" and minute[1] != "0":
            readings.append((minute[1], *chunks[2:]))  # "thirty three": :30, then three o'clock
    for rest in readings:
        more = _times_in(rest)
        if more is not None:
            return more + 1
    return None


def _counting(digits: str) -> bool:
    """ "one two three four five six seven", "ten nine eight ...": counting, no identifier."""
    if len(digits) < 5:
        return False
    steps = {int(b) - int(a) for a, b in itertools.pairwise(digits)}
    if steps in ({1}, {-1}):
        return True
    # "one two three four one two three four", "one two three one two three": counting again
    for size in range(3, len(digits) // 2 + 1):
        run = digits[:size]
        if len(digits) % size == 0 and run * (len(digits) // size) == digits and _counting_run(run):
            return True
    return False


def _counting_run(digits: str) -> bool:
    """Three digits or more, each one more (or one less) than the one before."""
    return len(digits) >= 3 and {int(b) - int(a) for a, b in itertools.pairwise(digits)} in ({1}, {-1})


def _counting_by(chunks: Sequence[str]) -> bool:
    """Four numbers or more, one of them said whole, with one step of five or more between them ("five
    ten fifteen twenty", "ten twenty thirty forty", "ninety eighty seventy"): counting by fives or
    tens, no identifier. Digits read one by one ("three five seven nine") never are."""
    if len(chunks) < 4 or not all(chunk.isdigit() and chunk[0] != "0" for chunk in chunks):
        return False
    steps = {int(b) - int(a) for a, b in itertools.pairwise(chunks)}
    if len(steps) != 1 or not any(len(chunk) > 1 for chunk in chunks):
        return False
    step = abs(next(iter(steps)))
    # by twos or threes the count crosses ten within five numbers ("two four six eight ten twelve")
    return step >= 5 or (step >= 2 and len(chunks) >= 5)


def _international_phone(raw: str) -> bool:
    """Whether ``raw`` ("+352 26 12 34", "+44 (0)20 7946 0958") is a country calling code followed by
    as many digits as a number of that country can have (libphonenumber's metadata, through
    ``phonenumbers``): written like that, a phone number whatever its length."""
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(raw, None))
    except phonenumbers.NumberParseException:
        return False


def _joiner(word: str) -> bool:
    """Punctuation between two parts of a value ("12-1096"): inside a value, never at its edge."""
    return bool(word) and not any(char.isalnum() for char in word)


#: the fewest calls of a draw's column letter and number that make bingo calls ("b twelve i seventeen")
_DRAW_CALLS = 2
#: the longest filler between a draw's letter and its number ("n er 31")
_DRAW_FILLER_LETTERS = 3
#: the fewest numbers of a draw said in rising order (``_ascending_draw``): with a one-digit first
#: number, six of them have eleven digits or more, no phone number's ten
_DRAW_NUMBERS = 6


def _ascending_draw(chunks: Sequence[str]) -> bool:
    """Six numbers or more said whole in rising order, every one after the first of two digits
    ("seven twelve nineteen twenty six thirty three and forty", "four eight fifteen sixteen twenty three
    forty two"): numbers picked or drawn (a lottery, a bingo card), listed as such tickets print them;
    a code read in groups rises so rarely."""
    if len(chunks) < _DRAW_NUMBERS or not all(
        chunk.isdigit() and not chunk.startswith("0") for chunk in chunks
    ):
        return False
    if any(len(chunk) != 2 for chunk in chunks[1:]) or len(chunks[0]) > 2:
        return False
    return all(int(a) < int(b) for a, b in itertools.pairwise(chunks))


def _said_whole(word: str) -> bool:
    """Two or more digits in one token: a number the normalizer read as said whole (or in groups)."""
    return sum(1 for char in word if char.isdigit()) >= 2


def _has_digit(word: str) -> bool:
    return not word.isalpha() and any(ch.isdigit() for ch in word)  # a letter is never a digit


def _sound(word: str, rules: Sequence[tuple[str, str]]) -> str:
    """A rough sound of ``word`` (``spelling_sounds`` of asr_confusions.yaml, then no final "e" and no
    doubled letters)."""
    for spelling, sound in rules:
        word = word.replace(spelling, sound)
    word = word[:-1] if len(word) > 2 and word.endswith("e") else word
    return "".join(char for index, char in enumerate(word) if index == 0 or char != word[index - 1])


@dataclass(frozen=True)
class _MisheardTables:
    """What a locale's recognizers write for digits: homophones, number words, their sounds."""

    #: lone number words the number normalizer leaves as words -> the digits they stand for
    number_words: dict[str, str]
    #: homophones of digit words ("won", "to", "tree"), from ``asr_confusions.yaml``
    homophones: frozenset[str]
    #: homophones that are everyday function words ("to", "for"): only between digits
    between_digits_only: frozenset[str]
    #: words that join two numbers into arithmetic, a range or a score ("from", "by", "plus")
    region_breakers: frozenset[str]
    #: single digit words ("zero" .. "nine", "oh"), then teens and tens, and their rough sounds
    numbers: tuple[str, ...]
    sounds: tuple[str, ...]
    #: ``sounds`` indexed for "within an edit or two of any of them"
    near_sounds: NearWords
    #: the sounds of the single digit words and "oh" (``sounds[:11]``), indexed for "within an edit"
    near_digit_sounds: NearWords
    #: spelling -> rough sound, in order (``spelling_sounds`` of ``asr_confusions.yaml``)
    sound_rules: tuple[tuple[str, str], ...]
    #: function words that never count as a misheard digit (``not_misheard`` of identifiers.yaml)
    not_misheard: frozenset[str]

    def gap_word(self, word: str, tables: _CueTables) -> bool:
        """A word that may interrupt a misrecognized digit run: a word, not a unit, time, one-word cue
        ("office", "fax") or punctuation."""
        return (
            word.replace("'", "").isalpha()
            and word not in tables.quantity_after
            and word not in tables.quantity_before
            and ((word,) not in tables.cues or word in ("extension", "ext"))
            and word not in ("am", "pm", "o'clock", "oclock")
            and word not in self.region_breakers
            # a negative context names the number after it ("the twelve oh five train number five
            # twenty one"), unless it sounds like a digit ("won")
            and (word not in tables.negative_words or word in self.homophones)
        )

    def looks_like_digit(
        self, word: str, tables: _CueTables, never: frozenset[str] = frozenset(), *, strict: bool = True
    ) -> bool:
        """Whether a word next to a digit run looks like a digit word the recognizer got wrong.

        It contains a digit word ("fivesix", merged), sounds within an edit or two of a number word
        ("fine", "mine", "hero", "hate", "sicks") or starts like a long one ("several"). Function
        words, cue words and the ``never`` words (quantities: "five minutes") never count, unless
        ``strict`` is off (a value that lacks digits: "through" may be its "three").
        """
        if (
            not word.isalpha()
            or len(word) < 3
            or word in never
            or (strict and (word in self.not_misheard or word in tables.between))
        ):
            return False
        if strict and word in tables.cue_words:
            return False
        if any(number in word for number in self.numbers[:11] if len(number) >= 3):
            return True
        if any(word[:3] == number[:3] for number in self.numbers if len(number) >= 4):
            return True
        sound = _sound(word, self.sound_rules)
        edits = 1 if len(sound) <= 4 else 2
        return self.near_sounds.any_within(sound, edits)


@cache
def _misheard_tables(locale: str) -> _MisheardTables:
    resources = load_locale(locale)
    lexicon = resources.lexicon
    words = {word: str(value) for word, value in lexicon.digits.items()}
    words.update({word: str(value) for word, value in lexicon.teens.items()})
    words.update({word: str(value) for word, value in lexicon.tens.items()})
    words.update(dict.fromkeys(lexicon.zero_aliases, "0"))
    confusions = resources.get("asr_confusions", "digit_homophones", {}) or {}
    between = resources.get("asr_confusions", "between_digits_only", []) or []
    by_value: dict[int, str] = {}
    for word, value in lexicon.digits.items():  # one word per digit, the first listed ("zero")
        by_value.setdefault(value, word)
    singles = [by_value[value] for value in sorted(by_value)]
    sound_rules = tuple(
        (str(spelling), str(sound))
        for spelling, sound in resources.table("asr_confusions", "spelling_sounds").items()
    )
    # (the number words themselves: a word near a spelling-as-heard, "fitty", is no nearer a number)
    heard = lexicon.spelled_as_heard
    numbers = (
        *singles,
        "oh",
        *sorted((word for word in lexicon.teens if word not in heard), key=lambda word: lexicon.teens[word]),
        *sorted((word for word in lexicon.tens if word not in heard), key=lambda word: lexicon.tens[word]),
    )
    return _MisheardTables(
        number_words=words,
        homophones=frozenset(str(word).lower() for heard in confusions.values() for word in heard),
        between_digits_only=frozenset(str(word).lower() for word in between),
        region_breakers=frozenset(
            str(word).lower() for word in resources.get("asr_confusions", "region_breakers", []) or []
        ),
        numbers=numbers,
        sounds=tuple(_sound(number, sound_rules) for number in numbers),
        near_sounds=NearWords((_sound(number, sound_rules) for number in numbers), max_limit=2),
        near_digit_sounds=NearWords((_sound(number, sound_rules) for number in numbers[:11]), max_limit=1),
        sound_rules=sound_rules,
        not_misheard=resources.words("identifiers", "not_misheard"),
    )
